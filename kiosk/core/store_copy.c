/* store_copy.c - a SQLite deployment copied into an empty PostgreSQL database, row by row with
 * the ids kept, in one transaction that commits only when the counts match and the audit chain
 * is whole (store_copy.h). The tables, their columns and types and their foreign keys are read
 * from the destination's catalog, so a table added by a later migration is copied too. */
#include "store_copy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "db_pg.h"
#include "db_pg_conninfo.h"
#include "store_int.h"

enum col_kind { COL_INT, COL_TEXT, COL_BLOB };

struct copy_table {
	char name[64];
	bool done;
	int n_deps;
	char deps[8][64]; /* tables its foreign keys name */
};

/* A name out of the catalog that can stand in SQL as it is. */
static bool plain_name(const char *s)
{
	if (!s || !*s || strlen(s) >= 64)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '_' || (p > s && *p >= '0' && *p <= '9')))
			return false;
	return true;
}

/* Copy a plain name (shorter than 64 by plain_name) into a 64-byte field. */
static void name_copy(char dst[64], const char *src)
{
	size_t len = strnlen(src, 63);
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* The destination's tables (but its own schema_version) and the foreign keys between them. */
static akses_status read_tables(store *dst, struct copy_table *t, int *n)
{
	*n = 0;
	db_stmt *s =
	    store_prep(dst, "SELECT c.relname FROM pg_class c JOIN pg_namespace ns"
	                    " ON ns.oid = c.relnamespace WHERE ns.nspname = current_schema()"
	                    " AND c.relkind = 'r' AND c.relname <> 'schema_version'"
	                    " ORDER BY c.relname");
	if (!s)
		return store_fail(dst, DB_ERROR);
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		const char *name = db_col_text(s, 0);
		if (*n >= STORE_COPY_TABLES || !plain_name(name)) {
			db_finalize(s);
			return AKSES_E_DB_CORRUPT;
		}
		memset(&t[*n], 0, sizeof t[*n]);
		name_copy(t[(*n)++].name, name);
	}
	db_finalize(s);
	if (rc != DB_DONE)
		return store_fail(dst, rc);
	s = store_prep(
	    dst, "SELECT a.relname, b.relname FROM pg_constraint k"
	         " JOIN pg_class a ON a.oid = k.conrelid JOIN pg_class b ON b.oid = k.confrelid"
	         " JOIN pg_namespace ns ON ns.oid = a.relnamespace"
	         " WHERE k.contype = 'f' AND ns.nspname = current_schema()");
	if (!s)
		return store_fail(dst, DB_ERROR);
	while ((rc = db_step(s)) == DB_ROW) {
		const char *from = db_col_text(s, 0), *to = db_col_text(s, 1);
		for (int i = 0; i < *n; i++) {
			if (strcmp(t[i].name, from) != 0 || !strcmp(from, to) || t[i].n_deps >= 8)
				continue;
			name_copy(t[i].deps[t[i].n_deps++], to);
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? AKSES_OK : store_fail(dst, rc);
}

/* The next table whose parents are all copied (-1: none left, or a cycle). */
static int next_table(struct copy_table *t, int n)
{
	for (int i = 0; i < n; i++) {
		if (t[i].done)
			continue;
		bool ready = true;
		for (int d = 0; d < t[i].n_deps && ready; d++)
			for (int j = 0; j < n; j++)
				if (!strcmp(t[j].name, t[i].deps[d]) && !t[j].done)
					ready = false;
		if (ready)
			return i;
	}
	return -1;
}

/* Whether table (a plain name) has a row; -1 on error. */
static int has_rows(store *st, const char *table)
{
	char sql[128];
	if (snprintf(sql, sizeof sql, "SELECT 1 FROM %s LIMIT 1", table) >= (int)sizeof sql)
		return -1;
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return -1;
	int rc = db_step(s);
	db_finalize(s);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

static akses_status count_rows(store *st, const char *table, int64_t *n)
{
	char sql[128];
	if (snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table) >= (int)sizeof sql)
		return AKSES_E_INVALID_ARG;
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return store_fail(st, DB_ERROR);
	int rc = db_step(s);
	*n = rc == DB_ROW ? db_col_int64(s, 0) : 0;
	db_finalize(s);
	return rc == DB_ROW ? AKSES_OK : store_fail(st, rc);
}

struct copy_cols {
	int n;
	char name[40][64];
	enum col_kind kind[40];
	char identity[64]; /* the identity column ("" when none) */
};

/* The destination's columns of table, in their order, with the kind of value each takes. */
static akses_status read_cols(store *dst, const char *table, struct copy_cols *c)
{
	memset(c, 0, sizeof *c);
	db_stmt *s =
	    store_prep(dst, "SELECT CAST(column_name AS TEXT), CAST(data_type AS TEXT),"
	                    " CAST(is_identity AS TEXT) FROM information_schema.columns"
	                    " WHERE table_schema = current_schema()"
	                    " AND CAST(table_name AS TEXT) = ?1 ORDER BY ordinal_position");
	if (!s)
		return store_fail(dst, DB_ERROR);
	db_bind_text(s, 1, table);
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		const char *name = db_col_text(s, 0), *type = db_col_text(s, 1);
		if (c->n >= 40 || !plain_name(name)) {
			db_finalize(s);
			return AKSES_E_DB_CORRUPT;
		}
		name_copy(c->name[c->n], name);
		c->kind[c->n] = !strcmp(type, "bigint") || !strcmp(type, "integer") ? COL_INT
		                : !strcmp(type, "bytea")                            ? COL_BLOB
		                                                                    : COL_TEXT;
		if (!strcmp(db_col_text(s, 2), "YES"))
			name_copy(c->identity, name);
		c->n++;
	}
	db_finalize(s);
	return rc == DB_DONE ? AKSES_OK : store_fail(dst, rc);
}

/* Bind column i of the source's row to parameter i + 1 of the insert. */
static int bind_col(db_stmt *from, db_stmt *to, int i, enum col_kind kind)
{
	if (db_col_is_null(from, i))
		return db_bind_null(to, i + 1);
	if (kind == COL_INT)
		return db_bind_int64(to, i + 1, db_col_int64(from, i));
	if (kind == COL_BLOB) {
		size_t len = 0;
		const void *p = db_col_blob(from, i, &len);
		return db_bind_blob(to, i + 1, p ? p : "", len);
	}
	return db_bind_text(to, i + 1, db_col_text(from, i));
}

/* Copy one table's rows (in id order) and check both sides count the same. */
static akses_status copy_table(store *src, store *dst, const char *table, int64_t *rows)
{
	struct copy_cols c;
	akses_status rc = read_cols(dst, table, &c);
	if (rc != AKSES_OK)
		return rc;
	char sel[3072] = "SELECT ", ins[4096]; /* 40 names of < 64: always fit */
	int len = snprintf(ins, sizeof ins, "INSERT INTO %s (", table);
	for (int i = 0; i < c.n; i++) {
		strcat(sel, c.name[i]);
		strcat(sel, i + 1 < c.n ? ", " : "");
		len += snprintf(ins + len, sizeof ins - (size_t)len, "%s%s", c.name[i],
		                i + 1 < c.n ? ", " : ") VALUES (");
	}
	for (int i = 0; i < c.n; i++)
		len += snprintf(ins + len, sizeof ins - (size_t)len, "?%d%s", i + 1,
		                i + 1 < c.n ? ", " : ")");
	if (snprintf(sel + strlen(sel), sizeof sel - strlen(sel), " FROM %s ORDER BY 1", table) >=
	    (int)(sizeof sel - strlen(sel)))
		return AKSES_E_INVALID_ARG;
	db_stmt *from = store_prep(src, sel);
	if (!from)
		return store_fail(src, DB_ERROR);
	db_stmt *to = store_prep(dst, ins);
	if (!to) {
		db_finalize(from);
		return store_fail(dst, DB_ERROR);
	}
	int step;
	*rows = 0;
	rc = AKSES_OK;
	while (rc == AKSES_OK && (step = db_step(from)) == DB_ROW) {
		for (int i = 0; i < c.n; i++)
			bind_col(from, to, i, c.kind[i]);
		int put = db_step(to);
		if (put != DB_DONE)
			rc = store_fail(dst, put);
		db_reset(to);
		(*rows)++;
	}
	if (rc == AKSES_OK && step != DB_DONE)
		rc = store_fail(src, step);
	db_finalize(from);
	db_finalize(to);
	int64_t n_src = 0, n_dst = 0;
	if (rc == AKSES_OK && (rc = count_rows(src, table, &n_src)) == AKSES_OK &&
	    (rc = count_rows(dst, table, &n_dst)) == AKSES_OK && (n_src != *rows || n_dst != *rows))
		rc = AKSES_E_IO;
	if (rc != AKSES_OK || !c.identity[0])
		return rc;
	/* The one PostgreSQL-only statement of the copy: the rows came with their ids, so the
	 * identity's sequence is still at 1; move it past the largest id, or the next INSERT of a
	 * station would take id 1 again (max of an empty table is NULL: setval then does nothing).
	 */
	char sql[256];
	if (snprintf(sql, sizeof sql,
	             "SELECT setval(pg_get_serial_sequence(?1, ?2), max(%s)) FROM %s", c.identity,
	             table) >= (int)sizeof sql)
		return AKSES_E_INVALID_ARG;
	db_stmt *s = store_prep(dst, sql);
	if (!s)
		return store_fail(dst, DB_ERROR);
	db_bind_text(s, 1, table);
	db_bind_text(s, 2, c.identity);
	step = db_step(s);
	db_finalize(s);
	return step == DB_ROW ? AKSES_OK : store_fail(dst, step);
}

/* The whole file at path into buf (at most n - 1 bytes); its length, or -1. */
static ssize_t read_small(const char *path, char *buf, size_t n)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t got = read(fd, buf, n - 1);
	close(fd);
	return got;
}

/* The source's key file, as it is, to dst's key path (made 0600, whole or not at all), and dst
 * keyed with it. A file already there must hold the same key. */
static akses_status carry_key(store *src, store *dst, bool *written)
{
	*written = false;
	if (!src->akey_loaded)
		return AKSES_OK; /* a DB from before the key: nothing to carry */
	char key[256], there[256];
	ssize_t n = read_small(src->akey_path, key, sizeof key);
	if (n <= 0)
		return AKSES_E_AUDIT_KEY;
	akses_status rc = AKSES_OK;
	ssize_t m = read_small(dst->akey_path, there, sizeof there);
	if (m >= 0) {
		rc = m == n && sodium_memcmp(key, there, (size_t)n) == 0 ? AKSES_OK
		                                                         : AKSES_E_AUDIT_KEY;
	} else if (errno != ENOENT) {
		rc = AKSES_E_AUDIT_KEY;
	} else {
		char tmp[sizeof dst->akey_path + 16];
		snprintf(tmp, sizeof tmp, "%s.XXXXXX", dst->akey_path);
		int fd = mkstemp(tmp); /* 0600 */
		bool ok = fd >= 0 && write(fd, key, (size_t)n) == n && fsync(fd) == 0;
		ok = fd >= 0 && close(fd) == 0 && ok;
		ok = ok && link(tmp, dst->akey_path) == 0;
		if (fd >= 0)
			unlink(tmp);
		rc = ok ? AKSES_OK : AKSES_E_AUDIT_KEY;
		*written = ok;
		if (ok)
			store_sync_dir_of(dst->akey_path);
	}
	sodium_memzero(key, sizeof key);
	sodium_memzero(there, sizeof there);
	if (rc != AKSES_OK)
		return rc;
	char path[sizeof dst->akey_path];
	snprintf(path, sizeof path, "%s", dst->akey_path);
	store_audit_key_open(dst, NULL, path);
	return dst->akey_loaded ? AKSES_OK : AKSES_E_AUDIT_KEY;
}

/* Inside dst's write transaction: refuse data, then every table, parents first. */
static akses_status copy_all(store *src, store *dst, struct store_copy_report *rep)
{
	struct copy_table t[STORE_COPY_TABLES];
	int n = 0;
	akses_status rc = read_tables(dst, t, &n);
	for (int i = 0; rc == AKSES_OK && i < n; i++) {
		int has = has_rows(dst, t[i].name);
		if (has < 0)
			rc = store_fail(dst, DB_ERROR);
		else if (has) {
			name_copy(rep->full_table, t[i].name);
			rc = AKSES_E_ALREADY_INIT;
		}
	}
	for (int k = 0; rc == AKSES_OK && k < n; k++) {
		int i = next_table(t, n);
		if (i < 0)
			return AKSES_E_DB_CORRUPT; /* foreign keys in a cycle: not our schema */
		name_copy(rep->table[rep->n].name, t[i].name);
		rc = copy_table(src, dst, t[i].name, &rep->table[rep->n].rows);
		rep->n++;
		t[i].done = true;
	}
	return rc;
}

akses_status store_copy_sqlite(store *src, store *dst, struct store_copy_report *rep)
{
	memset(rep, 0, sizeof *rep);
	if (!src || !dst || db_engine_of(src->db) != DB_ENGINE_SQLITE ||
	    db_engine_of(dst->db) != DB_ENGINE_PG)
		return AKSES_E_INVALID_ARG;
	/* the source's key is needed to walk the copy's chain, and by every station afterwards */
	akses_status rc = carry_key(src, dst, &rep->key_written);
	if (rc == AKSES_OK)
		rc = store_begin(dst);
	if (rc != AKSES_OK) {
		if (rep->key_written)
			unlink(dst->akey_path);
		rep->key_written = false;
		return rc;
	}
	bool began = store_read_begin(src); /* one snapshot of the source */
	rc = copy_all(src, dst, rep);
	if (rc == AKSES_OK) {
		rc = store_audit_check(dst, NULL, &rep->audit);
		/* times running backwards: the source's own clock (verify says so) */
		if (rc == AKSES_E_AUDIT_TIME)
			rc = AKSES_OK;
	}
	store_read_end(src, began);
	rc = store_tx_end(dst, rc);
	if (rc != AKSES_OK && rep->key_written) {
		unlink(dst->akey_path);
		rep->key_written = false;
	}
	return rc;
}

akses_status store_pg_empty(const char *target, const char *passfile, bool *empty, char *err,
                            size_t n)
{
	*empty = false;
	if (db_pg_conninfo_has_password(target))
		return AKSES_E_DB_PASSWORD;
	db *c = NULL;
	if (db_pg_open(target, passfile, &c, err, n) != DB_OK)
		return AKSES_E_IO;
	db_stmt *s = NULL;
	int rc = db_prepare(c,
	                    "SELECT count(*) FROM pg_class c JOIN pg_namespace ns"
	                    " ON ns.oid = c.relnamespace WHERE ns.nspname = current_schema()"
	                    " AND c.relkind IN ('r', 'p')",
	                    &s);
	if (rc == DB_OK && (rc = db_step(s)) == DB_ROW)
		*empty = db_col_int64(s, 0) == 0;
	if (rc != DB_ROW)
		snprintf(err, n, "%s", db_errmsg(c));
	db_finalize(s);
	db_close(c);
	return rc == DB_ROW ? AKSES_OK : AKSES_E_IO;
}
