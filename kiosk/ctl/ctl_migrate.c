/* ctl_migrate.c - `aksesctl migrate-sqlite FILE --db SERVER`: an existing SQLite deployment moved
 * into an empty PostgreSQL database (store_copy.h): per table the rows copied, the audit chain
 * verified before the commit, and where the audit key went. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ctl.h"
#include "settings.h"
#include "store_copy.h"

static const char *const help =
    N_("Usage: aksesctl migrate-sqlite FILE --db SERVER [--key KEYFILE]\n"
       "\n"
       "Move a SQLite deployment (the database file FILE) into a PostgreSQL database: every\n"
       "table copied row by row with its ids, in one transaction. An empty database is set up\n"
       "first; one that has data is refused. The audit key (KEYFILE, else FILE.key) goes to the\n"
       "server's key file ([store] audit_key, else DBNAME.key in this folder), and the audit\n"
       "trail must verify whole on the server before anything is committed. Stop the stations\n"
       "using FILE first.\n");

/* The outcome printed: per table the rows copied, the chain, where the key went. */
static int migrate_report(struct ctl *c, const struct store_copy_report *rep, const char *key)
{
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON *t = cJSON_AddObjectToObject(o, "tables");
		for (int i = 0; i < rep->n; i++)
			cJSON_AddNumberToObject(t, rep->table[i].name, (double)rep->table[i].rows);
		cJSON_AddNumberToObject(o, "audit_rows", (double)rep->audit.rows);
		cJSON_AddStringToObject(o, "audit_key", key);
		return ctl_json_print(o);
	}
	for (int i = 0; i < rep->n; i++)
		printf(T_("%-16s %lld rows copied\n"), rep->table[i].name,
		       (long long)rep->table[i].rows);
	printf(T_("Audit trail intact: %lld rows verified.\n"), (long long)rep->audit.rows);
	if (rep->key_written)
		printf(T_("The audit key was written to %s: every station needs this same file "
		          "(its [store] audit_key).\n"),
		       key);
	else if (rep->audit.keyed > 0)
		printf(T_("The audit key at %s was already the same key.\n"), key);
	return CTL_EXIT_OK;
}

int ctl_cmd_migrate_sqlite(struct ctl *c, int argc, char **argv)
{
	const char *pos[1], *key = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "key", .kind = CTL_OPT_VALUE, .value = &key},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "migrate-sqlite", T_(help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	const char *target = settings_db(&c->cfg, c->db_path);
	if (!store_is_server(target))
		return ctl_usage(
		    T_("migrate-sqlite needs --db naming a PostgreSQL server, not '%s'"), target);
	if (store_is_server(pos[0]) || access(pos[0], R_OK | W_OK) != 0)
		return ctl_fail_text("%s: %s", pos[0],
		                     store_is_server(pos[0]) ? T_("not a SQLite database file")
		                                             : strerror(errno));
	struct store_options so = settings_store_options(&c->cfg);
	so.audit_key_path = key; /* NULL: FILE.key, beside the file */
	so.passfile = NULL;
	store *src = NULL;
	akses_status st = store_open(pos[0], &so, &src);
	if (st != AKSES_OK)
		return ctl_fail(c, st, pos[0]);
	c->create_db = true; /* an empty server database is set up by the same command */
	if ((rc = ctl_open(c)) != CTL_EXIT_OK) {
		store_close(src);
		return rc;
	}
	struct store_copy_report rep;
	st = store_copy_sqlite(src, c->st, &rep);
	store_close(src);
	const char *dst_key = store_audit_key_path(c->st);
	char detail[700];
	switch (st) {
	case AKSES_OK:
		return migrate_report(c, &rep, dst_key);
	case AKSES_E_ALREADY_INIT:
		return ctl_fail_text(
		    T_("the database %s already has data (table %s): "
		       "migrate-sqlite moves a deployment only into an empty database"),
		    target, rep.full_table);
	case AKSES_E_AUDIT_KEY:
		if (access(dst_key, F_OK) == 0) /* there before: the copy never replaces a key */
			return ctl_fail_text(
			    T_("the server's audit key %s is not the key of %s "
			       "(nothing was copied): move it away, or migrate into a "
			       "database of its own"),
			    dst_key, pos[0]);
		snprintf(detail, sizeof detail, T_("key: %s, the server's: %s"),
		         key ? key : T_("FILE.key"), dst_key);
		return ctl_fail(c, st, detail);
	case AKSES_E_AUDIT_BROKEN:
		snprintf(detail, sizeof detail, T_("audit row %lld; nothing was copied"),
		         (long long)rep.audit.bad_id);
		return ctl_fail(c, st, detail);
	default:
		snprintf(detail, sizeof detail, T_("nothing was copied: %s"), store_errmsg(c->st));
		return ctl_fail(c, st, detail);
	}
}
