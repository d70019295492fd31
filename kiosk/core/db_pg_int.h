/* db_pg_int.h - what the PostgreSQL driver's files share (db_pg.c, db_pg_err.c, db_pg_wait.c,
 * db_pg_cache.c): the connection and statement structures and the calls between them. Only those
 * files include it. */
#ifndef AKSES_DB_PG_INT_H
#define AKSES_DB_PG_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "db_int.h"
#include "db_pg.h"

/* The types a parameter is sent with (pg_type.h's OIDs, stable since PostgreSQL 7). Text goes as
 * type 0, unknown: the server gives it the type of the column or operator it meets. */
#define PG_INT8OID 20
#define PG_BYTEAOID 17

/* The one advisory lock key every write transaction takes ("AKSES" in ASCII). */
#define PG_WRITER_KEY "357840413011"

#define PG_LOCK_TIMEOUT_MS_DEFAULT 5000

/* After a failed reconnect the next try waits this long, doubling up to the most: a station
 * whose server is gone answers at once ("gone") instead of waiting out a connect each call. */
#define PG_BACKOFF_FIRST_MS 500
#define PG_BACKOFF_MAX_MS 30000

/* A station waits DB_PG_ANSWER_MS (db_pg.h) for the server's answer on an established connection
 * (db_pg_wait_ready), and at least this much longer than a lock wait the server ends itself. A
 * frozen server (a hung VM or disk) still has its kernel acknowledge TCP, so neither keepalives nor
 * tcp_user_timeout ever fire: without a deadline of its own a station would wait for ever. */
#define PG_ANSWER_AFTER_LOCK_MS 5000

/* Statements kept prepared on the server per connection (pg_cached). */
#define PG_CACHE_MAX 64

struct pg_prepared {
	char *sql; /* NULL: a free slot */
	int nparams;
	unsigned *types; /* the parameter types it was prepared with */
	char name[24];
	int64_t used; /* when it was last run (c->cache_tick): the least recent goes first */
};

struct pg_conn {
	struct db base;
	PGconn *pg;
	db_err err;
	char msg[512];
	int64_t changes;
	int lock_timeout_ms;
	int answer_ms;  /* db_pg_wait_ready's deadline; 0: none */
	bool cut;       /* db_pg_wait_ready gave up on the server: the link was shut by this side */
	bool tx;        /* a transaction begun here and not yet ended by commit or rollback */
	int backoff_ms; /* 0 while connected; else the delay before the next reconnect */
	int64_t retry_at; /* CLOCK_MONOTONIC ms: no reconnect before this */
	char gone[512];   /* why the link was lost (a reconnect failed, or the answer deadline
	                   * passed), repeated until the next try */
	int pending;      /* statements sent in pipeline mode whose results are not read yet */
	const char *begin_sql[3]; /* the open transaction's first statements (pg_begin) */
	bool blind;    /* they are all the pipeline holds: nothing of the transaction done yet */
	int64_t trips; /* round trips so far (db_round_trips) */
	struct pg_prepared cache[PG_CACHE_MAX];
	int ncache;
	int ncache_sure; /* the first ncache_sure are prepared for sure; the rest were sent in the
	                  * pipeline not yet read back (pg_cache_later) */
	int cache_seq;   /* for the next prepared statement's name */
	int64_t cache_tick;
};

struct pg_stmt {
	struct db_stmt base;
	char *sql;   /* the statement with $N placeholders */
	int nparams; /* the highest placeholder number in it */
	char **vals; /* per parameter: its text or bytes, NULL for SQL NULL */
	int *lens;
	int *fmts;             /* 0 text, 1 binary (blobs) */
	unsigned *types;       /* Oid: 0, PG_INT8OID or PG_BYTEAOID */
	PGresult *res;         /* NULL until the statement ran */
	int row;               /* the current row of res */
	unsigned char **blobs; /* bytea columns of the current row, unescaped on demand */
	size_t *blob_lens;
};

/* ---- errors (db_pg_err.c) ---- */

/* Record e and msg (its first line) as c's last error; DB_ERROR. */
int db_pg_err_set(struct pg_conn *c, db_err e, const char *msg);
/* The class of a failed result r (NULL: libpq could not even make one) on connection c. */
db_err db_pg_err_class(struct pg_conn *c, const PGresult *r);
/* Record the failure of r on c (and free r); DB_ERROR. */
int db_pg_err_result(struct pg_conn *c, PGresult *r);

/* ---- waiting for the server, with a deadline (db_pg_wait.c) ---- */

int64_t db_pg_wait_now_ms(void); /* CLOCK_MONOTONIC, in ms */
/* Wait until what was sent is answered (PQgetResult will not block); false when the link broke
 * or the deadline passed (then the link is cut: c->cut, c->gone, the backoff started). */
bool db_pg_wait_ready(struct pg_conn *c);
/* The next result of what was sent, or NULL (its results are over, or the link broke or was
 * cut). */
PGresult *db_pg_wait_next(struct pg_conn *c);
/* What PQexec returns, for a command sent with a PQsend* call (ok: its return), each answer
 * waited for with the deadline; counted as one round trip. */
PGresult *db_pg_wait_collect(struct pg_conn *c, int ok);
/* PQexec with the deadline. */
PGresult *db_pg_wait_exec(struct pg_conn *c, const char *sql);

/* ---- the session's prepared statements (db_pg_cache.c) ---- */

void db_pg_cache_free(struct pg_prepared *e); /* empty one slot */
void db_pg_cache_clear(struct pg_conn *c);    /* forget them all (a new session) */
/* The name s is prepared under on this session (marked as just used), or NULL. */
const char *db_pg_cache_find(struct pg_conn *c, const struct pg_stmt *s);
/* The next free slot filled in for s with a new name (not yet counted), or NULL. A full cache
 * first forgets its least recently used statement: dealloc gets the DEALLOCATE the caller must
 * send for it (else ""). */
#define DB_PG_DEALLOC_BUF 48
struct pg_prepared *db_pg_cache_slot(struct pg_conn *c, const struct pg_stmt *s,
                                     char dealloc[DB_PG_DEALLOC_BUF]);
/* After a pipeline was read back (ok: every statement in it succeeded): the statements prepared
 * in it are sure now, or forgotten (the server skipped what followed an error; one that did get
 * prepared stays on the server under a name never used again). */
void db_pg_cache_settle(struct pg_conn *c, bool ok);

#endif
