/* db_pg.c - the PostgreSQL driver behind db.h, on libpq: SQLite's ?N placeholders rewritten to
 * $N, parameters bound typed, rows read from one PGresult, one writer at a time through an
 * advisory lock, SQLSTATEs sorted into db_err, and a broken connection reset before the next
 * transaction with a backoff (libpq then walks a multi-host list again, to whichever server is
 * the primary). A transaction's BEGIN, and writes whose outcome the store does not need at once
 * (db_step_later), go in libpq's pipeline mode and are read back with the next statement that
 * needs an answer, or the COMMIT. Errors: db_pg_err.c; every answer waited for with a deadline:
 * db_pg_wait.c; the session's prepared statements: db_pg_cache.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db_pg_int.h"

static const struct db_driver pg_driver;

/* ---- pipeline ---- */

/* The results of what was sent in pipeline mode (c->pending statements, the COMMIT the last of
 * them when commit is true), read up to a sync, then out of pipeline mode, so the connection
 * takes ordinary commands again. The first failure is recorded on c (the server skips the
 * statements after it up to the sync: "aborted"); a COMMIT answered with a ROLLBACK is one.
 * DB_OK when every statement succeeded; keep (when not NULL) then gets the last one's result. */
static int pg_drain(struct pg_conn *c, bool commit, PGresult **keep)
{
	if (PQpipelineStatus(c->pg) == PQ_PIPELINE_OFF)
		return DB_OK;
	int rc = DB_OK, n = c->pending;
	c->pending = 0;
	c->trips++; /* everything sent since entering pipeline mode is answered at once */
	if (!PQpipelineSync(c->pg)) {
		rc = db_pg_err_set(c, DB_E_GONE, PQerrorMessage(c->pg));
		n = 0;
	}
	for (int i = 0; i < n; i++) {
		PGresult *r = db_pg_wait_next(c);
		if (!r) { /* no result at all: the link broke */
			if (rc == DB_OK)
				rc = db_pg_err_set(c, DB_E_GONE, PQerrorMessage(c->pg));
			break;
		}
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
			if (commit && i == n - 1 && strcmp(PQcmdStatus(r), "COMMIT") && rc == DB_OK)
				rc = db_pg_err_set(c, DB_E_IO, "the transaction was rolled back");
			if (keep && i == n - 1 && rc == DB_OK)
				*keep = r;
			else
				PQclear(r);
		} else if (st == PGRES_PIPELINE_ABORTED || rc != DB_OK) {
			PQclear(r);
		} else {
			rc = db_pg_err_result(c, r);
		}
		/* each statement's results end with a NULL; a broken link gives NULL at once */
		while ((r = db_pg_wait_next(c)) != NULL)
			PQclear(r);
	}
	/* the sync's own result; at most a few strays before it when the link broke */
	for (int k = 0; k < n + 2 && PQstatus(c->pg) == CONNECTION_OK; k++) {
		PGresult *r = db_pg_wait_next(c);
		bool sync = r && PQresultStatus(r) == PGRES_PIPELINE_SYNC;
		PQclear(r);
		if (sync)
			break;
	}
	PQexitPipelineMode(c->pg);
	db_pg_cache_settle(c, rc == DB_OK);
	if (rc == DB_OK)
		c->err = DB_E_NONE;
	c->blind = false;
	return rc;
}

/* Run sql (no parameters; one or several statements). DB_OK, or DB_ERROR recorded on c. */
static int pg_run(struct pg_conn *c, const char *sql)
{
	if (pg_drain(c, false, NULL) != DB_OK)
		return DB_ERROR;
	PGresult *r = db_pg_wait_exec(c, sql);
	ExecStatusType rs = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (rs != PGRES_COMMAND_OK && rs != PGRES_TUPLES_OK)
		return db_pg_err_result(c, r);
	PQclear(r);
	c->err = DB_E_NONE;
	return DB_OK;
}

/* The session's settings, at every (re)connect. plan_cache_mode: a prepared statement is still
 * planned for its parameters at every run. The store's filters meet skewed columns (a request's
 * state: a few waiting among thousands done; a day among a year), where PostgreSQL's generic plan,
 * made for an average value, reads the whole table: on a year-sized database the inbox, the
 * request list and a status lookup took 6-9 ms with it against 0.6-2 ms planned each time
 * (docs/benchmarks.md). Planning costs tens of microseconds; parsing is still saved. */
static int pg_apply_settings(struct pg_conn *c)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SET lock_timeout = %d; SET plan_cache_mode = force_custom_plan",
	         c->lock_timeout_ms);
	return pg_run(c, sql);
}

/* In a transaction: one this driver began and its caller has not ended yet, even when the
 * connection broke under it (libpq then says PQTRANS_UNKNOWN), so nothing reconnects and runs the
 * rest of a transaction's statements one by one on a new session. */
static bool pg_in_tx(db *d)
{
	struct pg_conn *c = (struct pg_conn *)d;
	PGTransactionStatusType t = PQtransactionStatus(c->pg);
	return c->tx || t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

/* Outside a transaction, a connection found broken is reset: the server came back, or libpq
 * finds the new primary in the host list. Never inside one: what it did is gone with the
 * session, so its caller must see the error. After a failed reset the next one waits a backoff
 * (0.5 s doubling to 30 s, back to none on success); a call before then fails at once as
 * DB_E_GONE. false when the connection is still broken. */
static bool pg_revive(struct pg_conn *c)
{
	if (PQstatus(c->pg) == CONNECTION_OK)
		return true;
	if (c->backoff_ms > 0 && db_pg_wait_now_ms() < c->retry_at) {
		db_pg_err_set(c, DB_E_GONE, c->gone);
		return false;
	}
	PQreset(c->pg);
	if (PQstatus(c->pg) != CONNECTION_OK) {
		c->backoff_ms = c->backoff_ms > 0 ? c->backoff_ms * 2 : PG_BACKOFF_FIRST_MS;
		if (c->backoff_ms > PG_BACKOFF_MAX_MS)
			c->backoff_ms = PG_BACKOFF_MAX_MS;
		c->retry_at = db_pg_wait_now_ms() + c->backoff_ms;
		db_pg_err_set(c, DB_E_GONE, PQerrorMessage(c->pg));
		snprintf(c->gone, sizeof c->gone, "%s", c->msg);
		return false;
	}
	c->backoff_ms = 0;
	c->cut = false;
	c->pending = 0; /* a pipeline broken with the old session is gone with it */
	db_pg_cache_clear(c);
	PQexitPipelineMode(c->pg);
	return pg_apply_settings(c) == DB_OK;
}

/* ---- placeholders ---- */

/* sql with ?N (and bare ?, numbered as SQLite does: one more than the highest so far) rewritten
 * to $N, except inside '...' literals, "..." names and comments. *nparams gets the highest
 * number. malloc'd, NULL when out of memory or a number is out of range. */
static char *pg_rewrite(const char *sql, int *nparams)
{
	size_t n = strlen(sql);
	char *out = malloc(n * 6 + 1); /* "?" -> "$32766" at worst */
	if (!out)
		return NULL;
	char *o = out;
	int max = 0;
	const char *p = sql;
	while (*p) {
		if (*p == '\'' || *p == '"') { /* a doubled quote closes and reopens: same result */
			char q = *p;
			const char *e = strchr(p + 1, q);
			size_t len = e ? (size_t)(e - p) + 1 : strlen(p);
			memcpy(o, p, len);
			o += len;
			p += len;
		} else if (p[0] == '-' && p[1] == '-') {
			size_t len = strcspn(p, "\n");
			memcpy(o, p, len);
			o += len;
			p += len;
		} else if (p[0] == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");
			size_t len = e ? (size_t)(e - p) + 2 : strlen(p);
			memcpy(o, p, len);
			o += len;
			p += len;
		} else if (*p == '?') {
			long num;
			char *end;
			if (p[1] >= '0' && p[1] <= '9') {
				errno = 0;
				num = strtol(p + 1, &end, 10);
				if (errno || num < 1 || num > 32766) {
					free(out);
					return NULL;
				}
			} else {
				num = max + 1;
				end = (char *)p + 1;
			}
			if (num > max)
				max = (int)num;
			o += sprintf(o, "$%ld", num);
			p = end;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	*nparams = max;
	return out;
}

/* ---- statements ---- */

/* Nothing reaches the server here (the statement runs at its first step): a server that is gone
 * shows at db_step, whose error the store classifies, and not as a failed prepare, which much of
 * the store reports as a plain I/O error. */
static int pg_prepare(db *d, const char *sql, db_stmt **out)
{
	struct pg_conn *c = (struct pg_conn *)d;
	*out = NULL;
	struct pg_stmt *s = calloc(1, sizeof *s);
	if (!s)
		return db_pg_err_set(c, DB_E_NOMEM, "out of memory");
	s->base.drv = &pg_driver;
	s->base.conn = d;
	s->sql = pg_rewrite(sql, &s->nparams);
	if (!s->sql) {
		free(s);
		return db_pg_err_set(c, DB_E_IO, "a placeholder out of range, or out of memory");
	}
	size_t np = (size_t)s->nparams;
	if (np) {
		s->vals = calloc(np, sizeof *s->vals);
		s->lens = calloc(np, sizeof *s->lens);
		s->fmts = calloc(np, sizeof *s->fmts);
		s->types = calloc(np, sizeof *s->types);
		if (!s->vals || !s->lens || !s->fmts || !s->types) {
			pg_driver.finalize(&s->base);
			return db_pg_err_set(c, DB_E_NOMEM, "out of memory");
		}
	}
	s->row = -1;
	c->err = DB_E_NONE;
	*out = &s->base;
	return DB_OK;
}

static void pg_blobs_free(struct pg_stmt *s)
{
	if (!s->blobs || !s->res)
		return;
	for (int i = 0; i < PQnfields(s->res); i++) {
		PQfreemem(s->blobs[i]);
		s->blobs[i] = NULL;
	}
}

/* Put value v (len bytes, NULL for SQL NULL; copied) into parameter i with its type and format. */
static int pg_bind(db_stmt *st, int i, const void *v, size_t len, unsigned type, int fmt)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	struct pg_conn *c = (struct pg_conn *)st->conn;
	if (i < 1 || i > s->nparams)
		return db_pg_err_set(c, DB_E_IO, "bind index out of range");
	if (len > (size_t)0x7fffffff)
		return db_pg_err_set(c, DB_E_IO, "value too large");
	char *copy = NULL;
	if (v) {
		copy = malloc(len + 1);
		if (!copy)
			return db_pg_err_set(c, DB_E_NOMEM, "out of memory");
		memcpy(copy, v, len);
		copy[len] = '\0';
	}
	free(s->vals[i - 1]);
	s->vals[i - 1] = copy;
	s->lens[i - 1] = (int)len;
	s->fmts[i - 1] = fmt;
	s->types[i - 1] = type;
	return DB_OK;
}

static int pg_bind_int64(db_stmt *s, int i, int64_t v)
{
	char buf[24];
	int len = snprintf(buf, sizeof buf, "%lld", (long long)v);
	return pg_bind(s, i, buf, (size_t)len, PG_INT8OID, 0);
}

static int pg_bind_text(db_stmt *s, int i, const char *text)
{
	return pg_bind(s, i, text, strlen(text), 0, 0);
}

static int pg_bind_blob(db_stmt *s, int i, const void *p, size_t n)
{
	/* a zero-length blob is an empty bytea, not NULL: pass a non-NULL pointer */
	return pg_bind(s, i, p ? p : "", n, PG_BYTEAOID, 1);
}

static int pg_bind_null(db_stmt *s, int i) { return pg_bind(s, i, NULL, 0, 0, 0); }

static int pg_param_count(const db_stmt *s) { return ((const struct pg_stmt *)s)->nparams; }

/* Did this command change rows (what db_changes counts, as sqlite3_changes does)? */
static bool pg_counts(const char *status)
{
	static const char *const verbs[] = {"INSERT ", "UPDATE ", "DELETE ", "MERGE "};
	for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
		if (!strncmp(status, verbs[k], strlen(verbs[k])))
			return true;
	return false;
}

/* The name of a server-side prepared statement for s's SQL and parameter types on this session,
 * prepared now (one round trip, once per session) when it is new and the cache has room; NULL
 * when there is none (then the statement runs unprepared), or when preparing failed (*failed,
 * recorded on c). The store prepares a statement for each call and finalizes it after, so the
 * cache is keyed by the text: a statement run again is neither parsed nor planned again
 * (PostgreSQL plans it for its parameters five times, then keeps a generic plan when that costs
 * no more), which for the scan's joined read is most of its time on the server. */
static const char *pg_cached(struct pg_conn *c, struct pg_stmt *s, bool *failed)
{
	*failed = false;
	char dealloc[DB_PG_DEALLOC_BUF];
	const char *name = db_pg_cache_find(c, s);
	struct pg_prepared *e = name ? NULL : db_pg_cache_slot(c, s, dealloc);
	if (name || !e)
		return name;
	PGresult *r = NULL;
	bool ok = true;
	if (*dealloc) { /* one round trip more, only when the cache overflows */
		r = db_pg_wait_exec(c, dealloc);
		ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	}
	if (ok) {
		PQclear(r);
		r = db_pg_wait_collect(
		    c, PQsendPrepare(c->pg, e->name, s->sql, s->nparams, (const Oid *)s->types));
		ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	}
	if (!ok) {
		db_pg_cache_free(e);
		db_pg_err_result(c, r);
		*failed = true;
		return NULL;
	}
	PQclear(r);
	c->ncache_sure = ++c->ncache;
	return e->name;
}

/* In pipeline mode: the name s is prepared under, its prepare sent ahead of it in the pipeline
 * when it is new (read back with the rest: pg_drain keeps it when everything succeeded, else
 * forgets it, as the server may have skipped it); NULL: send s unprepared. */
static const char *pg_cache_later(struct pg_conn *c, struct pg_stmt *s)
{
	char dealloc[DB_PG_DEALLOC_BUF];
	const char *name = db_pg_cache_find(c, s);
	struct pg_prepared *e = name ? NULL : db_pg_cache_slot(c, s, dealloc);
	if (name || !e)
		return name;
	if (*dealloc && PQsendQueryParams(c->pg, dealloc, 0, NULL, NULL, NULL, NULL, 0))
		c->pending++; /* with the rest: no wait */
	if (!PQsendPrepare(c->pg, e->name, s->sql, s->nparams, (const Oid *)s->types)) {
		db_pg_cache_free(e);
		return NULL;
	}
	c->pending++;
	c->ncache++;
	return e->name;
}

/* Send s (prepared under name, or unprepared when name is NULL) without waiting. */
static int pg_send(struct pg_conn *c, const struct pg_stmt *s, const char *name)
{
	if (name)
		return PQsendQueryPrepared(c->pg, name, s->nparams, (const char *const *)s->vals,
		                           s->lens, s->fmts, 0);
	return PQsendQueryParams(c->pg, s->sql, s->nparams, (const Oid *)s->types,
	                         (const char *const *)s->vals, s->lens, s->fmts, 0);
}

static bool pg_send_begin(struct pg_conn *c);

/* s sent after what the pipeline holds (a transaction's BEGIN, writes sent later), and all of it
 * read back in one round trip; s's own result, or NULL with the failure recorded on c. When the
 * pipeline held only a BEGIN and the link is found broken (the server restarted since the last
 * call: libpq only notices when it reads), nothing of the transaction was done, so it is begun
 * again on a new session and s sent again, once. */
static PGresult *pg_step_piped(struct pg_conn *c, struct pg_stmt *s)
{
	for (int attempt = 0;; attempt++) {
		bool blind = c->blind, sent = pg_send(c, s, pg_cache_later(c, s));
		char m[sizeof c->msg];
		if (sent)
			c->pending++;
		else
			snprintf(m, sizeof m, "%s", PQerrorMessage(c->pg));
		PGresult *r = NULL;
		if (pg_drain(c, false, &r) == DB_OK) {
			if (sent)
				return r;
			PQclear(r); /* someone else's: s never went */
			db_pg_err_set(c, PQstatus(c->pg) == CONNECTION_BAD ? DB_E_GONE : DB_E_IO,
			              m);
		}
		/* not after a deadline: a frozen server would only make the station wait a connect
		 * timeout more */
		if (!blind || attempt > 0 || c->err != DB_E_GONE || c->cut || !pg_revive(c) ||
		    !pg_send_begin(c))
			return NULL;
	}
}

/* The statement runs at its first step: in a pipeline, with what it holds (pg_step_piped); else
 * with PQsendQueryPrepared when the session has it prepared (pg_cached: prepared once per
 * session, forgotten at a reset), or PQsendQueryParams, one round trip that parses, binds and
 * runs the unnamed statement. All rows arrive in one PGresult, which the following steps walk. */
static int pg_step(db_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	struct pg_conn *c = (struct pg_conn *)st->conn;
	if (!s->res) {
		if (!pg_in_tx(st->conn) && !pg_revive(c))
			return DB_ERROR;
		PGresult *r;
		if (PQpipelineStatus(c->pg) != PQ_PIPELINE_OFF) {
			if (!(r = pg_step_piped(c, s)))
				return DB_ERROR;
		} else {
			bool failed;
			const char *name = pg_cached(c, s, &failed);
			if (failed)
				return DB_ERROR;
			r = db_pg_wait_collect(c, pg_send(c, s, name));
			ExecStatusType rs = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
			if (rs != PGRES_COMMAND_OK && rs != PGRES_TUPLES_OK)
				return db_pg_err_result(c, r);
		}
		if (pg_counts(PQcmdStatus(r)))
			c->changes = strtoll(PQcmdTuples(r), NULL, 10);
		int nf = PQnfields(r);
		if (nf > 0) {
			s->blobs = calloc((size_t)nf, sizeof *s->blobs);
			s->blob_lens = calloc((size_t)nf, sizeof *s->blob_lens);
			if (!s->blobs || !s->blob_lens) {
				PQclear(r);
				return db_pg_err_set(c, DB_E_NOMEM, "out of memory");
			}
		}
		s->res = r;
		s->row = -1;
		c->err = DB_E_NONE;
	}
	pg_blobs_free(s);
	if (s->row < PQntuples(s->res))
		s->row++;
	return s->row < PQntuples(s->res) ? DB_ROW : DB_DONE;
}

/* Inside a sound write transaction begun here: send the statement in pipeline mode (prepared, its
 * prepare sent ahead of it the first time: pg_cache_later) and do not wait (pg_drain reads its
 * result with the next statement's). Anywhere else: pg_step. libpq copies the parameters into
 * its buffer, so the statement may be finalized at once. */
static int pg_step_later(db_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	struct pg_conn *c = (struct pg_conn *)st->conn;
	if (!c->tx || s->res)
		return pg_step(st);
	if (PQpipelineStatus(c->pg) == PQ_PIPELINE_OFF &&
	    (PQtransactionStatus(c->pg) != PQTRANS_INTRANS || !PQenterPipelineMode(c->pg)))
		return pg_step(st);
	if (!pg_send(c, s, pg_cache_later(c, s))) {
		char m[sizeof c->msg];
		snprintf(m, sizeof m, "%s", PQerrorMessage(c->pg));
		db_err e = PQstatus(c->pg) == CONNECTION_BAD ? DB_E_GONE : DB_E_IO;
		/* the ones sent before first: an error of theirs came first and is kept */
		if (pg_drain(c, false, NULL) == DB_OK)
			db_pg_err_set(c, e, m);
		return DB_ERROR;
	}
	c->pending++;
	c->blind = false; /* a write is on its way: never sent twice */
	c->err = DB_E_NONE;
	return DB_DONE;
}

static int pg_reset(db_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	pg_blobs_free(s);
	free(s->blobs);
	free(s->blob_lens);
	s->blobs = NULL;
	s->blob_lens = NULL;
	PQclear(s->res);
	s->res = NULL;
	s->row = -1;
	return DB_OK;
}

static void pg_finalize(db_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	pg_reset(st);
	for (int i = 0; s->vals && i < s->nparams; i++)
		free(s->vals[i]);
	free(s->vals);
	free(s->lens);
	free(s->fmts);
	free(s->types);
	free(s->sql);
	free(s);
}

/* ---- columns ---- */

/* The current row's value of col, NULL when it is SQL NULL or there is no such row or column. */
static const char *pg_value(struct pg_stmt *s, int col)
{
	if (!s->res || s->row < 0 || s->row >= PQntuples(s->res) || col < 0 ||
	    col >= PQnfields(s->res) || PQgetisnull(s->res, s->row, col))
		return NULL;
	return PQgetvalue(s->res, s->row, col);
}

static int64_t pg_col_int64(db_stmt *st, int col)
{
	const char *v = pg_value((struct pg_stmt *)st, col);
	if (!v)
		return 0;
	/* a comparison is a boolean on PostgreSQL, an integer on SQLite */
	if (!strcmp(v, "t"))
		return 1;
	return strtoll(v, NULL, 10);
}

static const char *pg_col_text(db_stmt *st, int col)
{
	return pg_value((struct pg_stmt *)st, col);
}

static const void *pg_col_blob(db_stmt *st, int col, size_t *n)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	const char *v = pg_value(s, col);
	*n = 0;
	if (!v)
		return NULL;
	if (PQftype(s->res, col) != PG_BYTEAOID) { /* a text read as bytes, as SQLite allows */
		*n = (size_t)PQgetlength(s->res, s->row, col);
		return v;
	}
	if (!s->blobs[col]) {
		s->blobs[col] = PQunescapeBytea((const unsigned char *)v, &s->blob_lens[col]);
		if (!s->blobs[col]) {
			db_pg_err_set((struct pg_conn *)st->conn, DB_E_NOMEM, "out of memory");
			return NULL;
		}
	}
	*n = s->blob_lens[col];
	return s->blobs[col];
}

static bool pg_col_is_null(db_stmt *st, int col) { return !pg_value((struct pg_stmt *)st, col); }

/* ---- connection and transactions ---- */

static int64_t pg_changes(db *d) { return ((struct pg_conn *)d)->changes; }

static int64_t pg_round_trips(db *d) { return ((struct pg_conn *)d)->trips; }

static int pg_exec(db *d, const char *sql)
{
	struct pg_conn *c = (struct pg_conn *)d;
	if (!pg_in_tx(d) && !pg_revive(c))
		return DB_ERROR;
	return pg_run(c, sql);
}

/* The transaction's first statements, sent in pipeline mode without waiting: they are answered
 * with the first statement that needs an answer (pg_step_piped) or the COMMIT, so beginning
 * costs no round trip of its own. false when they could not be sent (recorded on c). */
static bool pg_send_begin(struct pg_conn *c)
{
	if (!PQenterPipelineMode(c->pg)) {
		db_pg_err_set(c, DB_E_GONE, PQerrorMessage(c->pg));
		return false;
	}
	for (int i = 0; i < 3 && c->begin_sql[i]; i++) {
		/* prepared too: parsing the lock's SELECT at every transaction costs the server
		 * more than running it */
		struct pg_stmt b = {.sql = (char *)c->begin_sql[i]};
		if (!pg_send(c, &b, pg_cache_later(c, &b))) {
			char m[sizeof c->msg];
			snprintf(m, sizeof m, "%s", PQerrorMessage(c->pg));
			if (pg_drain(c, false, NULL) == DB_OK)
				db_pg_err_set(c, DB_E_GONE, m);
			return false;
		}
		c->pending++;
	}
	c->blind = true;
	return true;
}

/* Begin with the statements in sql (up to three; NULL ends them). Their errors (a lock that timed
 * out: DB_E_BUSY) come with the transaction's first answer; a link found broken there is mended
 * and the transaction begun again (pg_step_piped): nothing was done yet, so nothing can be done
 * twice. */
static int pg_begin(struct pg_conn *c, const char *const sql[3])
{
	if (pg_in_tx(&c->base))
		return db_pg_err_set(c, DB_E_IO, "a transaction is already open");
	if (!pg_revive(c))
		return DB_ERROR;
	for (int i = 0; i < 3; i++)
		c->begin_sql[i] = sql[i];
	c->tx = pg_send_begin(c);
	return c->tx ? DB_OK : DB_ERROR;
}

/* SQLite serialises writers (BEGIN IMMEDIATE): the store's read-check-write relies on it. The
 * same on PostgreSQL: every write transaction first takes one transaction-scoped advisory lock,
 * so writers run one after another across all stations, while readers are never blocked. */
static int pg_begin_write(db *d)
{
	static const char *const sql[3] = {"BEGIN",
	                                   "SELECT pg_advisory_xact_lock(" PG_WRITER_KEY ")", NULL};
	return pg_begin((struct pg_conn *)d, sql);
}

/* A write transaction whose statements all find their rows by key (db.h): PostgreSQL may keep
 * a generic plan for them (planning the scan's joined read at every run cost 0.3 ms). Sent with
 * the BEGIN, so it costs no round trip. */
static int pg_begin_write_keyed(db *d)
{
	static const char *const sql[3] = {"BEGIN", "SET LOCAL plan_cache_mode = auto",
	                                   "SELECT pg_advisory_xact_lock(" PG_WRITER_KEY ")"};
	return pg_begin((struct pg_conn *)d, sql);
}

static int pg_begin_read(db *d)
{
	static const char *const sql[3] = {"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL,
	                                   NULL};
	return pg_begin((struct pg_conn *)d, sql);
}

/* COMMIT sent after the statements in the pipeline, all read back at once: one round trip. */
static int pg_commit_pipelined(struct pg_conn *c)
{
	bool sent = PQsendQueryParams(c->pg, "COMMIT", 0, NULL, NULL, NULL, NULL, 0) == 1;
	if (sent)
		c->pending++;
	int rc = pg_drain(c, sent, NULL);
	if (rc == DB_OK && !sent)
		rc = db_pg_err_set(c, PQstatus(c->pg) == CONNECTION_BAD ? DB_E_GONE : DB_E_IO,
		                   PQerrorMessage(c->pg));
	if (rc == DB_OK)
		return DB_OK;
	PGTransactionStatusType t = PQtransactionStatus(c->pg);
	if (t == PQTRANS_INERROR || t == PQTRANS_INTRANS) {
		/* a statement before the COMMIT failed: the server skipped the COMMIT; end it */
		PQclear(db_pg_wait_exec(c, "ROLLBACK"));
	} else if (sent && (c->err == DB_E_GONE || PQstatus(c->pg) == CONNECTION_BAD)) {
		/* as in pg_commit: the COMMIT went out, whether it ran only the server knows */
		char m[sizeof c->msg];
		snprintf(m, sizeof m,
		         "the connection broke during COMMIT, its outcome is unknown: %.400s", c->msg);
		db_pg_err_set(c, DB_E_UNSURE, m);
	}
	return DB_ERROR;
}

static int pg_commit(db *d)
{
	struct pg_conn *c = (struct pg_conn *)d;
	c->tx = false; /* over, one way or the other */
	if (PQpipelineStatus(c->pg) != PQ_PIPELINE_OFF)
		return pg_commit_pipelined(c);
	PGTransactionStatusType t = PQtransactionStatus(c->pg);
	if (t == PQTRANS_INERROR) {
		/* PostgreSQL answers COMMIT of a failed transaction with a ROLLBACK: say so, keeping
		 * the class of the error that failed it */
		PQclear(db_pg_wait_exec(c, "ROLLBACK"));
		if (c->err == DB_E_NONE)
			db_pg_err_set(c, DB_E_IO, "the transaction failed and was rolled back");
		return DB_ERROR;
	}
	if (t != PQTRANS_INTRANS && PQstatus(c->pg) == CONNECTION_BAD) { /* before the COMMIT */
		if (c->err == DB_E_GONE)
			return DB_ERROR; /* the statement that found it broken said why */
		return db_pg_err_set(c, DB_E_GONE,
		                     "the connection broke: the transaction was not committed");
	}
	if (t != PQTRANS_INTRANS)
		return db_pg_err_set(c, DB_E_IO, "no transaction is open");
	PGresult *r = db_pg_wait_exec(c, "COMMIT");
	if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
		db_pg_err_result(c, r);
		/* The link broke (or the server went down) while the COMMIT was on its way: it may
		 * have committed or not, and only the server knows. GONE, never OK: the caller must
		 * not claim a success it cannot see, and whoever sends it again must make the
		 * resend harmless if the first did commit (docs/postgresql.md). */
		if (c->err == DB_E_GONE || PQstatus(c->pg) == CONNECTION_BAD) {
			char m[sizeof c->msg];
			snprintf(
			    m, sizeof m,
			    "the connection broke during COMMIT, its outcome is unknown: %.400s",
			    c->msg);
			db_pg_err_set(c, DB_E_UNSURE, m);
		}
		return DB_ERROR;
	}
	bool committed = !strcmp(PQcmdStatus(r), "COMMIT");
	PQclear(r);
	if (!committed)
		return db_pg_err_set(c, DB_E_IO, "the transaction was rolled back");
	c->err = DB_E_NONE;
	return DB_OK;
}

static int pg_rollback(db *d)
{
	struct pg_conn *c = (struct pg_conn *)d;
	c->tx = false;
	pg_drain(c, false, NULL); /* what is still in the pipeline is rolled back with the rest */
	if (!pg_in_tx(d))
		return DB_OK; /* nothing open, or the connection broke and the server rolled back */
	PGresult *r = db_pg_wait_exec(c, "ROLLBACK");
	int ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	return ok || PQstatus(c->pg) == CONNECTION_BAD ? DB_OK : DB_ERROR;
}

static db_err pg_errclass(db *d) { return ((struct pg_conn *)d)->err; }

static const char *pg_errmsg(db *d)
{
	struct pg_conn *c = (struct pg_conn *)d;
	return c->err == DB_E_NONE ? "not an error" : c->msg;
}

static int pg_sys_errno(db *d)
{
	(void)d;
	return 0;
}

static void pg_close(db *d)
{
	struct pg_conn *c = (struct pg_conn *)d;
	db_pg_cache_clear(c);
	PQfinish(c->pg);
	free(c);
}

static void pg_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

int db_pg_set_lock_timeout(db *d, int ms)
{
	struct pg_conn *c = (struct pg_conn *)d;
	if (d->drv != &pg_driver || ms < 0)
		return DB_ERROR;
	c->lock_timeout_ms = ms;
	return pg_apply_settings(c);
}

int db_pg_set_answer_timeout(db *d, int ms)
{
	if (d->drv != &pg_driver || ms < 0)
		return DB_ERROR;
	((struct pg_conn *)d)->answer_ms = ms;
	return DB_OK;
}

const char *db_pg_dbname(db *d)
{
	if (d->drv != &pg_driver)
		return "";
	const char *name = PQdb(((struct pg_conn *)d)->pg);
	return name ? name : "";
}

/* The class of this thread's last failed db_pg_open (the handle is gone by then). */
static _Thread_local db_err open_class;

db_err db_pg_open_errclass(void)
{
	return open_class;
}

/* Why a connection with keys/vals (nkeys of them, room for two more) failed: no server
 * answered, or it is starting up, shutting down or recovering (GONE); only standbys answered
 * where a read-write server was asked for, a failover under way (GONE too: the primary is the
 * one that cannot be reached); else the server refused this login or database (IO). */
static db_err pg_open_class(const char **keys, const char **vals, int nkeys)
{
	/* the ping need not wait the whole connect_timeout again (a later keyword wins) */
	keys[nkeys] = "connect_timeout";
	vals[nkeys] = "2";
	keys[nkeys + 1] = NULL;
	PGPing ping = PQpingParams(keys, vals, 1);
	if (ping == PQPING_NO_RESPONSE || ping == PQPING_REJECT)
		return DB_E_GONE;
	if (ping != PQPING_OK)
		return DB_E_IO;
	keys[nkeys + 1] = "target_session_attrs";
	vals[nkeys + 1] = "any";
	keys[nkeys + 2] = NULL;
	PGconn *any = PQconnectdbParams(keys, vals, 1);
	db_err e = DB_E_IO;
	if (any && PQstatus(any) == CONNECTION_OK) {
		const char *hs = PQparameterStatus(any, "in_hot_standby");
		if (hs && !strcmp(hs, "on"))
			e = DB_E_GONE;
	}
	PQfinish(any);
	return e;
}

int db_pg_open(const char *conninfo, const char *passfile, db **out, char *err, size_t n)
{
	*out = NULL;
	open_class = DB_E_IO;
	if (!conninfo || !*conninfo) {
		snprintf(err, n, "no PostgreSQL connection string");
		return DB_ERROR;
	}
	struct pg_conn *c = calloc(1, sizeof *c);
	if (!c) {
		snprintf(err, n, "out of memory");
		open_class = DB_E_NOMEM;
		return DB_ERROR;
	}
	c->base.drv = &pg_driver;
	c->lock_timeout_ms = PG_LOCK_TIMEOUT_MS_DEFAULT;
	c->answer_ms = DB_PG_ANSWER_MS;
	/* Keywords before dbname are defaults the conninfo may override; after it they win (libpq
	 * processes them in order). A station must notice a dead link in seconds, not hours: a
	 * connect gives up after 3 s a server (each host of a list) that does not answer, an idle
	 * link is probed after 10 s (then every 5 s, 3 times), and data a server does not
	 * acknowledge within 20 s breaks the link (tcp_user_timeout). docs/postgresql.md. */
	const char *keys[16] = {"connect_timeout",           "keepalives",       "keepalives_idle",
	                        "keepalives_interval",       "keepalives_count", "tcp_user_timeout",
	                        "fallback_application_name", "client_encoding",  "dbname"};
	const char *vals[16] = {"3", "1", "10", "5", "3", "20000", "akses", "UTF8", conninfo};
	int nkeys = 9;
	if (passfile && *passfile) {
		keys[nkeys] = "passfile";
		vals[nkeys++] = passfile;
	}
	keys[nkeys] = NULL;
	c->pg = PQconnectdbParams(keys, vals, 1);
	if (!c->pg || PQstatus(c->pg) != CONNECTION_OK) {
		snprintf(err, n, "%s", c->pg ? PQerrorMessage(c->pg) : "out of memory");
		err[strcspn(err, "\n")] = '\0';
		open_class = c->pg ? pg_open_class(keys, vals, nkeys) : DB_E_NOMEM;
		PQfinish(c->pg);
		free(c);
		return DB_ERROR;
	}
	/* a library never prints: libpq's default writes the server's NOTICEs and WARNINGs to
	 * stderr (the kiosk's screen has no use for "table does not exist, skipping") */
	PQsetNoticeProcessor(c->pg, pg_notice, NULL);
	if (pg_apply_settings(c) != DB_OK) {
		snprintf(err, n, "%s", c->msg);
		open_class = c->err;
		pg_close(&c->base);
		return DB_ERROR;
	}
	*out = &c->base;
	return DB_OK;
}

int db_pg_backoff_ms(db *d)
{
	return d->drv == &pg_driver ? ((struct pg_conn *)d)->backoff_ms : 0;
}

static const struct db_driver pg_driver = {
	.engine = DB_ENGINE_PG,
	.prepare = pg_prepare,
	.bind_int64 = pg_bind_int64,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.param_count = pg_param_count,
	.step = pg_step,
	.step_later = pg_step_later,
	.reset = pg_reset,
	.finalize = pg_finalize,
	.col_int64 = pg_col_int64,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.col_is_null = pg_col_is_null,
	.changes = pg_changes,
	.round_trips = pg_round_trips,
	.exec = pg_exec,
	.next_id = {"nextval(pg_get_serial_sequence('", "', 'id'))"},
	.begin_write = pg_begin_write,
	.begin_write_keyed = pg_begin_write_keyed,
	.begin_read = pg_begin_read,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.in_tx = pg_in_tx,
	.errclass = pg_errclass,
	.errmsg = pg_errmsg,
	.sys_errno = pg_sys_errno,
	.close = pg_close,
};
