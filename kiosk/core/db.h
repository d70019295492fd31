/* db.h - the narrow seam between the store and its database engine: a connection, prepared
 * statements with positional parameters, rows, transactions and the class of an error. Two
 * drivers sit under it: SQLite (db_sqlite.c, the embedded default) and PostgreSQL (db_pg.c).
 * Only kiosk/core/store*.c and the drivers include this header.
 *
 * The SQL handed to db_prepare is the subset both engines speak, written with SQLite's numbered
 * placeholders ?1, ?2, ... (the PostgreSQL driver rewrites them to $1, $2, ... outside string
 * literals). New ids come back with INSERT ... RETURNING id (SQLite 3.35+, PostgreSQL), upserts
 * with INSERT ... ON CONFLICT (...) DO UPDATE / DO NOTHING; there is no "last insert id".
 *
 * Modelled on the part of SQLite's own API the store already used, so that the store reads the
 * same on either engine; the engine-specific parts (opening a file or a server, the schema's DDL,
 * backup) stay with each driver. */
#ifndef AKSES_DB_H
#define AKSES_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct db db;           /* one connection */
typedef struct db_stmt db_stmt; /* one prepared statement on it */

/* What the calls below return: DB_OK, a row or the end from db_step, or DB_ERROR (then
 * db_errclass and db_errmsg say what). */
enum { DB_OK = 0, DB_ERROR = 1, DB_ROW = 100, DB_DONE = 101 };

/* The class of a connection's last error: all the store needs to choose an akses_status. */
typedef enum {
	DB_E_NONE = 0,
	DB_E_BUSY,       /* a lock wait ran out, a deadlock or a serialization failure: try again */
	DB_E_CONSTRAINT, /* a UNIQUE, CHECK, NOT NULL or foreign key refused the row */
	DB_E_NOMEM,
	DB_E_CORRUPT,   /* not a database, or a damaged one */
	DB_E_FULL,      /* the disk (or the server's disk) is full */
	DB_E_READ_ONLY, /* a read-only file, file system or server (a standby) */
	DB_E_REPLACED,  /* the file was replaced or deleted under an open connection */
	DB_E_GONE,      /* the server cannot be reached or the connection broke */
	DB_E_UNSURE,    /* the connection broke while a COMMIT was on its way: it may have run */
	DB_E_IO         /* anything else */
} db_err;

typedef enum { DB_ENGINE_SQLITE, DB_ENGINE_PG } db_engine;

/* Whether a --db / AKSES_DB / [store] db target names a PostgreSQL server (a postgresql:// or
 * postgres:// URI, or a key=value conninfo with host=, hostaddr=, dbname= or service=) rather than
 * a SQLite file path. */
bool db_target_is_pg(const char *target);

db_engine db_engine_of(const db *c);

/* Statements. Parameters are numbered from 1, columns from 0. Bound text and blobs are copied. A
 * statement runs at its first db_step; db_reset makes it runnable again with its bindings kept. */
int db_prepare(db *c, const char *sql, db_stmt **out);
int db_bind_int64(db_stmt *s, int i, int64_t v);
int db_bind_int(db_stmt *s, int i, int v);
int db_bind_text(db_stmt *s, int i, const char *text); /* NULL binds NULL */
int db_bind_blob(db_stmt *s, int i, const void *p, size_t n);
int db_bind_null(db_stmt *s, int i);
int db_param_count(const db_stmt *s);
int db_step(db_stmt *s); /* DB_ROW, DB_DONE or DB_ERROR */
/* Run s, a write that returns no rows, inside the open write transaction without waiting for its
 * outcome when the engine can: PostgreSQL sends it in libpq's pipeline mode and reads its result
 * with the next statement's (most often the COMMIT's: one round trip for both). A failure then
 * shows at the next db_step, db_exec or db_commit, which fail with its error, and db_changes does
 * not count it. For writes whose rows and counts the caller does not need; s may be finalized at
 * once. SQLite, or no transaction open: runs it now, as db_step (DB_DONE or DB_ERROR). */
int db_step_later(db_stmt *s);
int db_reset(db_stmt *s);
void db_finalize(db_stmt *s); /* NULL is fine */

/* The current row. Text and blobs stay valid until the next db_step, db_reset or db_finalize.
 * A NULL reads as 0, as a NULL text pointer, or as a NULL blob of length 0. */
int64_t db_col_int64(db_stmt *s, int col);
int db_col_int(db_stmt *s, int col);
const char *db_col_text(db_stmt *s, int col);
const void *db_col_blob(db_stmt *s, int col, size_t *n);
bool db_col_is_null(db_stmt *s, int col);

/* Rows changed by the last INSERT, UPDATE or DELETE that ran to its end on this connection. */
int64_t db_changes(db *c);

/* How many times this connection has sent its server something and waited for the answer: the
 * round trips, each a network delay and a wake-up of both processes, which under load are most
 * of a short transaction's time. 0 on SQLite (no server: nothing to wait on). */
int64_t db_round_trips(db *c);

/* SQL without parameters or results, one or more statements (DDL, PRAGMA, SET). */
int db_exec(db *c, const char *sql);

/* Into buf (n bytes): an SQL expression for the id the next row of table's "id" column gets, to
 * be read inside a write transaction and written explicitly, so that the row's INSERT needs no
 * answer (db_step_later) where RETURNING id would wait for one. SQLite: one above the largest,
 * as its rowid would be; PostgreSQL: the column's identity sequence, so rows that take the
 * default never meet it. table is a name from the code, never input. DB_ERROR: buf too small. */
int db_next_id_sql(db *c, const char *table, char *buf, size_t n);

/* Transactions. A write transaction takes the engine's writer lock up front, so a read-check-
 * write inside it is never raced by another connection (SQLite: BEGIN IMMEDIATE; PostgreSQL: the
 * equivalent lock taken in the driver). A read transaction sees one snapshot. On PostgreSQL the
 * BEGIN (and the lock) go out with the transaction's first statement, in one round trip: a
 * failure to begin (the lock wait run out: DB_E_BUSY; the server gone: DB_E_GONE) is then that
 * statement's (or the commit's), and the transaction must still be ended. */
int db_begin_write(db *c);
/* A write transaction whose statements all find their rows by key (a primary key or a unique
 * index: the door's scan). On PostgreSQL a statement is otherwise planned for its parameters at
 * every run (a plan made once for an average value of a skewed column, a request's state or a
 * day, reads whole tables on a year of data); these may keep one plan per session. SQLite:
 * db_begin_write. */
int db_begin_write_keyed(db *c);
int db_begin_read(db *c);
int db_commit(db *c);
int db_rollback(db *c); /* does nothing outside a transaction */
bool db_in_tx(db *c);

/* The last error on the connection: its class, the engine's message, and for file errors the
 * operating system's errno (0 when there is none). */
db_err db_errclass(db *c);
const char *db_errmsg(db *c);
int db_sys_errno(db *c);

void db_close(db *c); /* NULL is fine */

#endif
