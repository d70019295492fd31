/* store_open_pg.c - opening the store on a PostgreSQL server (a --db that is a URI or conninfo):
 * connect through db_pg.c, migrate with store_schema_pg.c, find the audit key. The file-only
 * steps of store_open.c (mode 0600, WAL, device and inode checks, read-only fallback) have no
 * counterpart: the server owns its files. */
#include <stdio.h>
#include <stdlib.h>

#include <sodium.h>

#include "db_pg.h"
#include "store_int.h"
#include "store_schema_pg.h"

/* Why this thread's last store_open_pg failed (the handle with its errmsg is gone by then). */
static _Thread_local char open_err[256];

bool store_is_server(const char *target) { return db_target_is_pg(target); }

const char *store_open_errmsg(void) { return open_err; }

akses_status store_open_pg(const char *target, const struct store_options *opt, store **out)
{
	*out = NULL;
	open_err[0] = '\0';
	store *st = calloc(1, sizeof *st);
	if (!st)
		return AKSES_E_NOMEM;
	store_set_options(st, target, opt);
	if (db_pg_open(target, opt ? opt->passfile : NULL, &st->db, st->errmsg,
	               sizeof st->errmsg) != DB_OK) {
		snprintf(open_err, sizeof open_err, "%s", st->errmsg);
		free(st);
		/* a server that is down or out of reach is the station's "try again", not a bad
		 * disk */
		switch (db_pg_open_errclass()) {
		case DB_E_GONE:
			return AKSES_E_DB_GONE;
		case DB_E_NOMEM:
			return AKSES_E_NOMEM;
		default:
			return AKSES_E_IO;
		}
	}
	/* a writer waits for another station's write as long as a SQLite writer would */
	akses_status rc = db_pg_set_lock_timeout(st->db, st->opt.busy_timeout_ms) == DB_OK
	                      ? AKSES_OK
	                      : store_fail(st, DB_ERROR);
	/* a migration or the summary's first fill on a large database may run longer than a
	 * station ever waits for an answer: cutting it would roll it back at every open */
	db_pg_set_answer_timeout(st->db, 0);
	bool newer = false;
	if (rc == AKSES_OK && store_schema_pg_migrate(st->db, &newer) != DB_OK)
		rc = newer ? AKSES_E_DB_NEWER : store_fail(st, DB_ERROR);
	/* a standby cannot fill it: the primary's first open does (it migrated there first) */
	if (rc == AKSES_OK && (rc = store_step_sum_fill(st)) == AKSES_E_DB_STANDBY)
		rc = AKSES_OK;
	db_pg_set_answer_timeout(st->db, DB_PG_ANSWER_MS);
	if (rc != AKSES_OK) {
		snprintf(open_err, sizeof open_err, "%s", st->errmsg);
		store_close(st);
		return rc;
	}
	/* The audit chain's key is a file, and every station must hold the same one: the first
	 * station's audit write makes it, the others get a copy at the path [store] audit_key names.
	 * Without one, it is "<database name>.key" in the working folder, as a SQLite store's is
	 * "<file>.key" beside the file. */
	char key[300];
	if (opt && opt->audit_key_path && *opt->audit_key_path)
		snprintf(key, sizeof key, "%s", opt->audit_key_path);
	else
		snprintf(key, sizeof key, "%s.key", db_pg_dbname(st->db));
	store_audit_key_open(st, NULL, key);
	*out = st;
	return AKSES_OK;
}

akses_status store_pg_check(store *st)
{
	int version = 0;
	if (store_schema_pg_version(st->db, &version) != DB_OK)
		return store_fail(st, DB_ERROR);
	return version == store_schema_pg_count() ? AKSES_OK : AKSES_E_DB_CORRUPT;
}
