/* db.c - dispatch of the db.h calls to the connection's driver (db_sqlite.c or db_pg.c), and
 * the one decision of which engine a --db target names. */
#include <stdio.h>
#include <string.h>

#include "db_int.h"

bool db_target_is_pg(const char *t)
{
	if (!t)
		return false;
	if (strncmp(t, "postgresql://", 13) == 0 || strncmp(t, "postgres://", 11) == 0)
		return true;
	/* a conninfo is key=value pairs; a file path could hold '=' too, so look for a key that
	 * only a conninfo starts with */
	static const char *const keys[] = {"host=", "hostaddr=", "dbname=", "service="};
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		size_t n = strlen(keys[k]);
		for (const char *p = t; (p = strstr(p, keys[k])) != NULL; p += n)
			if (p == t || p[-1] == ' ')
				return true;
	}
	return false;
}

db_engine db_engine_of(const db *c) { return c->drv->engine; }

int db_prepare(db *c, const char *sql, db_stmt **out) { return c->drv->prepare(c, sql, out); }
int db_bind_int64(db_stmt *s, int i, int64_t v) { return s->drv->bind_int64(s, i, v); }
int db_bind_int(db_stmt *s, int i, int v) { return s->drv->bind_int64(s, i, v); }
int db_bind_text(db_stmt *s, int i, const char *text)
{
	return text ? s->drv->bind_text(s, i, text) : s->drv->bind_null(s, i);
}
int db_bind_blob(db_stmt *s, int i, const void *p, size_t n) { return s->drv->bind_blob(s, i, p, n); }
int db_bind_null(db_stmt *s, int i) { return s->drv->bind_null(s, i); }
int db_param_count(const db_stmt *s) { return s->drv->param_count(s); }
int db_step(db_stmt *s) { return s->drv->step(s); }
int64_t db_round_trips(db *c) { return c->drv->round_trips ? c->drv->round_trips(c) : 0; }
int db_step_later(db_stmt *s)
{
	int rc = s->drv->step_later ? s->drv->step_later(s) : s->drv->step(s);
	return rc == DB_ROW ? DB_DONE : rc;
}
int db_reset(db_stmt *s) { return s->drv->reset(s); }
void db_finalize(db_stmt *s)
{
	if (s)
		s->drv->finalize(s);
}

int64_t db_col_int64(db_stmt *s, int col) { return s->drv->col_int64(s, col); }
int db_col_int(db_stmt *s, int col) { return (int)s->drv->col_int64(s, col); }
const char *db_col_text(db_stmt *s, int col) { return s->drv->col_text(s, col); }
const void *db_col_blob(db_stmt *s, int col, size_t *n) { return s->drv->col_blob(s, col, n); }
bool db_col_is_null(db_stmt *s, int col) { return s->drv->col_is_null(s, col); }

int64_t db_changes(db *c) { return c->drv->changes(c); }
int db_exec(db *c, const char *sql) { return c->drv->exec(c, sql); }
int db_next_id_sql(db *c, const char *table, char *buf, size_t n)
{
	int len = snprintf(buf, n, "%s%s%s", c->drv->next_id[0], table, c->drv->next_id[1]);
	return len >= 0 && (size_t)len < n ? DB_OK : DB_ERROR;
}
int db_begin_write(db *c) { return c->drv->begin_write(c); }
int db_begin_write_keyed(db *c)
{
	return c->drv->begin_write_keyed ? c->drv->begin_write_keyed(c) : c->drv->begin_write(c);
}
int db_begin_read(db *c) { return c->drv->begin_read(c); }
int db_commit(db *c) { return c->drv->commit(c); }
int db_rollback(db *c) { return c->drv->rollback(c); }
bool db_in_tx(db *c) { return c->drv->in_tx(c); }
db_err db_errclass(db *c) { return c->drv->errclass(c); }
const char *db_errmsg(db *c) { return c->drv->errmsg(c); }
int db_sys_errno(db *c) { return c->drv->sys_errno(c); }
void db_close(db *c)
{
	if (c)
		c->drv->close(c);
}
