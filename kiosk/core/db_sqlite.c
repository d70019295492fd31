/* db_sqlite.c - the SQLite driver behind db.h: the calls map one to one onto sqlite3_*, and every
 * failing call records its error class (db_err) at once, from the codes of that very call. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "db_int.h"
#include "db_sqlite.h"

struct db_sqlite {
	struct db base;
	sqlite3 *h;
	db_err cls;    /* the class of the last call's error; DB_E_NONE after a success */
	int sys_errno; /* the errno of that error when it was an I/O error, else 0 */
	char msg[256];
};

struct db_sqlite_stmt {
	struct db_stmt base;
	sqlite3_stmt *s;
};

static const struct db_driver db_sqlite_driver;

static struct db_sqlite *conn_of(db *c) { return (struct db_sqlite *)c; }
static struct db_sqlite_stmt *stmt_of(db_stmt *s) { return (struct db_sqlite_stmt *)s; }
static const struct db_sqlite_stmt *cstmt_of(const db_stmt *s)
{
	return (const struct db_sqlite_stmt *)s;
}

/* The class of a SQLite result code (rc: the call's primary or extended code; the connection's
 * extended code and system errno are read here, right after the call). A full disk shows as
 * SQLITE_FULL on the WAL, but as an I/O error when the -shm cannot grow: the errno of that very
 * error tells it apart from a failing disk; likewise EROFS for a file system gone read-only. */
static db_err db_sqlite_class(int rc, int ext, int err)
{
	if (rc == SQLITE_READONLY_DBMOVED || ext == SQLITE_READONLY_DBMOVED)
		return DB_E_REPLACED;
	int prim = rc & 0xff;
	bool os_error = prim == SQLITE_IOERR || prim == SQLITE_CANTOPEN;
	if (prim == SQLITE_FULL || (os_error && (err == ENOSPC || err == EDQUOT)))
		return DB_E_FULL;
	if ((os_error && err == EROFS) || prim == SQLITE_READONLY)
		return DB_E_READ_ONLY;
	switch (prim) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return DB_E_NONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return DB_E_BUSY;
	case SQLITE_CONSTRAINT:
		return DB_E_CONSTRAINT;
	case SQLITE_NOMEM:
		return DB_E_NOMEM;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return DB_E_CORRUPT;
	default:
		return DB_E_IO;
	}
}

/* Record the outcome of a call that returned rc on c; returns the db.h code for it. */
static int note(struct db_sqlite *c, int rc)
{
	if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) {
		c->cls = DB_E_NONE;
		c->sys_errno = 0;
		return rc == SQLITE_ROW ? DB_ROW : rc == SQLITE_DONE ? DB_DONE : DB_OK;
	}
	int ext = c->h ? sqlite3_extended_errcode(c->h) : rc;
	int prim = rc & 0xff;
	/* sqlite3_system_errno is the errno of the last failing system call: only an I/O error's */
	c->sys_errno = c->h && (prim == SQLITE_IOERR || prim == SQLITE_CANTOPEN)
	                   ? sqlite3_system_errno(c->h)
	                   : 0;
	c->cls = db_sqlite_class(rc, ext, c->sys_errno);
	snprintf(c->msg, sizeof c->msg, "%s", c->h ? sqlite3_errmsg(c->h) : sqlite3_errstr(rc));
	return DB_ERROR;
}

int db_sqlite_open(const char *filename, int flags, db **out)
{
	struct db_sqlite *c = calloc(1, sizeof *c);
	*out = (db *)c;
	if (!c)
		return DB_ERROR;
	c->base.drv = &db_sqlite_driver;
	int rc = sqlite3_open_v2(filename, &c->h, flags, NULL);
	if (rc == SQLITE_OK)
		sqlite3_extended_result_codes(c->h, 1);
	return note(c, rc);
}

sqlite3 *db_sqlite_handle(db *c)
{
	return c && c->drv == &db_sqlite_driver ? conn_of(c)->h : NULL;
}

static int sq_prepare(db *c, const char *sql, db_stmt **out)
{
	struct db_sqlite *k = conn_of(c);
	*out = NULL;
	struct db_sqlite_stmt *st = calloc(1, sizeof *st);
	if (!st)
		return note(k, SQLITE_NOMEM);
	int rc = sqlite3_prepare_v2(k->h, sql, -1, &st->s, NULL);
	if (rc != SQLITE_OK || !st->s) {
		/* an empty statement prepares to NULL: nothing to run is an error here */
		sqlite3_finalize(st->s);
		free(st);
		return note(k, rc != SQLITE_OK ? rc : SQLITE_MISUSE);
	}
	st->base.drv = &db_sqlite_driver;
	st->base.conn = c;
	*out = &st->base;
	return note(k, rc);
}

static int bound(db_stmt *s, int rc) { return note(conn_of(s->conn), rc); }

static int sq_bind_int64(db_stmt *s, int i, int64_t v)
{
	return bound(s, sqlite3_bind_int64(stmt_of(s)->s, i, v));
}

/* Text and blobs are copied (SQLITE_TRANSIENT), as db.h promises: the store binds stack buffers
 * and function results freely, and a copy of a few hundred bytes costs nothing next to a write. */
static int sq_bind_text(db_stmt *s, int i, const char *text)
{
	return bound(s, sqlite3_bind_text(stmt_of(s)->s, i, text, -1, SQLITE_TRANSIENT));
}

static int sq_bind_blob(db_stmt *s, int i, const void *p, size_t n)
{
	return bound(s, sqlite3_bind_blob64(stmt_of(s)->s, i, p, n, SQLITE_TRANSIENT));
}

static int sq_bind_null(db_stmt *s, int i) { return bound(s, sqlite3_bind_null(stmt_of(s)->s, i)); }

static int sq_param_count(const db_stmt *s) { return sqlite3_bind_parameter_count(cstmt_of(s)->s); }

static int sq_step(db_stmt *s) { return bound(s, sqlite3_step(stmt_of(s)->s)); }

static int sq_reset(db_stmt *s) { return bound(s, sqlite3_reset(stmt_of(s)->s)); }

static void sq_finalize(db_stmt *s)
{
	sqlite3_finalize(stmt_of(s)->s);
	free(s);
}

static int64_t sq_col_int64(db_stmt *s, int col) { return sqlite3_column_int64(stmt_of(s)->s, col); }

static const char *sq_col_text(db_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(stmt_of(s)->s, col);
}

static const void *sq_col_blob(db_stmt *s, int col, size_t *n)
{
	const void *p = sqlite3_column_blob(stmt_of(s)->s, col);
	if (n)
		*n = (size_t)sqlite3_column_bytes(stmt_of(s)->s, col);
	return p;
}

static bool sq_col_is_null(db_stmt *s, int col)
{
	return sqlite3_column_type(stmt_of(s)->s, col) == SQLITE_NULL;
}

static int64_t sq_changes(db *c) { return sqlite3_changes64(conn_of(c)->h); }

static int sq_exec(db *c, const char *sql)
{
	return note(conn_of(c), sqlite3_exec(conn_of(c)->h, sql, NULL, NULL, NULL));
}

/* BEGIN IMMEDIATE takes the writer lock up front: a read-check-write inside is never raced, and
 * no reader has to be upgraded to a writer later (which could only fail with SQLITE_BUSY). */
static int sq_begin_write(db *c) { return sq_exec(c, "BEGIN IMMEDIATE"); }
static int sq_begin_read(db *c) { return sq_exec(c, "BEGIN"); }
static int sq_commit(db *c) { return sq_exec(c, "COMMIT"); }
static bool sq_in_tx(db *c) { return !sqlite3_get_autocommit(conn_of(c)->h); }

static int sq_rollback(db *c)
{
	return sq_in_tx(c) ? sq_exec(c, "ROLLBACK") : DB_OK;
}

static db_err sq_errclass(db *c) { return conn_of(c)->cls; }
static const char *sq_errmsg(db *c) { return conn_of(c)->cls == DB_E_NONE ? "" : conn_of(c)->msg; }
static int sq_sys_errno(db *c) { return conn_of(c)->sys_errno; }

static void sq_close(db *c)
{
	sqlite3_close_v2(conn_of(c)->h);
	free(c);
}

static const struct db_driver db_sqlite_driver = {
	.engine = DB_ENGINE_SQLITE,
	.prepare = sq_prepare,
	.bind_int64 = sq_bind_int64,
	.bind_text = sq_bind_text,
	.bind_blob = sq_bind_blob,
	.bind_null = sq_bind_null,
	.param_count = sq_param_count,
	.step = sq_step,
	.reset = sq_reset,
	.finalize = sq_finalize,
	.col_int64 = sq_col_int64,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.col_is_null = sq_col_is_null,
	.changes = sq_changes,
	.exec = sq_exec,
	.next_id = {"(SELECT coalesce(max(id), 0) + 1 FROM ", ")"},
	.begin_write = sq_begin_write,
	.begin_read = sq_begin_read,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.in_tx = sq_in_tx,
	.errclass = sq_errclass,
	.errmsg = sq_errmsg,
	.sys_errno = sq_sys_errno,
	.close = sq_close,
};
