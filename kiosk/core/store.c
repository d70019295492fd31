/* store.c - the helpers every store_*.c shares: status mapping, statements, growing arrays,
 * transactions, and the in-transaction reads and writes of the flows (actor check, step rows,
 * state). Opening is in store_open.c, the audit chain's append in store_audit.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "valid.h"

akses_status store_fail(store *st, int rc)
{
	if (!st || !st->db || rc != DB_ERROR)
		return AKSES_E_IO;
	snprintf(st->errmsg, sizeof st->errmsg, "%s", db_errmsg(st->db));
	switch (db_errclass(st->db)) {
	case DB_E_REPLACED:
		return AKSES_E_DB_REPLACED;
	case DB_E_FULL:
		return AKSES_E_DISK_FULL;
	case DB_E_READ_ONLY:
		/* a server that refuses writes is a standby (a hot standby, or a primary demoted); a
		 * file system gone read-only, or a connection opened read-only on one; any other
		 * refusal to write (a -wal we may not make, a read-only directory) is an I/O error */
		if (db_engine_of(st->db) == DB_ENGINE_PG)
			return AKSES_E_DB_STANDBY;
		return st->read_only || db_sys_errno(st->db) == EROFS ? AKSES_E_READ_ONLY : AKSES_E_IO;
	case DB_E_GONE:
		return AKSES_E_DB_GONE;
	case DB_E_UNSURE:
		return AKSES_E_DB_UNSURE;
	case DB_E_BUSY:
		return AKSES_E_BUSY;
	case DB_E_NOMEM:
		return AKSES_E_NOMEM;
	case DB_E_CORRUPT:
		return AKSES_E_DB_CORRUPT;
	default:
		return AKSES_E_IO;
	}
}

const char *store_errmsg(const store *st)
{
	return st ? st->errmsg : "";
}

akses_status store_grow(void *arr, int *cap, int need, size_t elem)
{
	void **pp = arr;
	if (need <= *cap)
		return AKSES_OK;
	int ncap = *cap > 0 ? *cap : 16;
	while (ncap < need) {
		if (ncap > INT_MAX / 2)
			return AKSES_E_NOMEM;
		ncap *= 2;
	}
	void *p = realloc(*pp, (size_t)ncap * elem);
	if (!p)
		return AKSES_E_NOMEM;
	*pp = p;
	*cap = ncap;
	return AKSES_OK;
}

akses_status store_rows(store *st, db_stmt *s, size_t elem, store_row_fn fill, void *ctx,
                        void *out, int *n)
{
	void **pp = out;
	unsigned char *list = NULL;
	int count = 0, cap = 0, src;
	bool nomem = false;
	*pp = NULL;
	*n = 0;
	while ((src = db_step(s)) == DB_ROW) {
		if (store_grow(&list, &cap, count + 1, elem) != AKSES_OK) {
			src = DB_ERROR;
			nomem = true;
			break;
		}
		unsigned char *row = list + (size_t)count * elem;
		memset(row, 0, elem);
		if (fill(s, row, ctx))
			count++;
	}
	db_finalize(s);
	if (src != DB_DONE) {
		free(list);
		return nomem ? AKSES_E_NOMEM : store_fail(st, src);
	}
	if (count == 0) { /* every row skipped by fill: "no rows" is NULL, as the callers free it */
		free(list);
		list = NULL;
	}
	*pp = list;
	*n = count;
	return AKSES_OK;
}

db_stmt *store_prep(store *st, const char *sql)
{
	db_stmt *s = NULL;
	int rc = db_prepare(st->db, sql, &s);
	if (rc != DB_OK) {
		store_fail(st, rc);
		return NULL;
	}
	return s;
}

akses_status store_insert_id(store *st, db_stmt *s, int64_t *id)
{
	int rc = db_step(s);
	*id = rc == DB_ROW ? db_col_int64(s, 0) : 0;
	if (rc == DB_ROW)
		rc = db_step(s);
	db_finalize(s);
	return rc == DB_DONE && *id > 0 ? AKSES_OK : store_fail(st, rc);
}

akses_role store_col_role(db_stmt *s, int col)
{
	akses_role r = ROLE_NONE;
	if (wf_role_parse(db_col_text(s, col), &r) != 0)
		r = ROLE_NONE;
	return r;
}

void store_col_text(db_stmt *s, int col, char *buf, size_t n)
{
	const char *t = db_col_text(s, col);
	if (n == 0)
		return;
	snprintf(buf, n, "%s", t ? t : "");
}

akses_status store_exec(store *st, const char *sql)
{
	int rc = db_exec(st->db, sql);
	return rc == DB_OK ? AKSES_OK : store_fail(st, rc);
}

/* The writer lock, but only on the file we opened: a DB deleted or replaced under us (a restore,
 * an `aksesctl init` on the same path) would take the write into a file nobody reads again. */
static akses_status store_begin_with(store *st, int (*begin)(db *))
{
	akses_status rc = store_still_same(st);
	if (rc != AKSES_OK)
		return rc;
	int src = begin(st->db);
	return src == DB_OK ? AKSES_OK : store_fail(st, src);
}

akses_status store_begin(store *st) { return store_begin_with(st, db_begin_write); }

akses_status store_begin_keyed(store *st) { return store_begin_with(st, db_begin_write_keyed); }

akses_status store_commit(store *st)
{
	int src = db_commit(st->db);
	if (src == DB_OK)
		return AKSES_OK;
	akses_status rc = store_fail(st, src);
	store_rollback(st);
	return rc;
}

void store_rollback(store *st)
{
	db_rollback(st->db);
}

bool store_read_begin(store *st)
{
	return !db_in_tx(st->db) && db_begin_read(st->db) == DB_OK;
}

void store_read_end(store *st, bool began)
{
	if (began && db_in_tx(st->db))
		db_commit(st->db);
}

akses_status store_tx_end(store *st, akses_status rc)
{
	if (rc == AKSES_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

/* ---- shared lookups ------------------------------------------------------------------------- */

akses_status store_actor(store *st, int64_t actor_id, struct akses_staff *out)
{
	db_stmt *s = store_prep(st, "SELECT id, name, role, active, failed_pins, locked_until,"
	                            " created_at FROM staff WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, actor_id);
	int rc = db_step(s);
	if (rc != DB_ROW) {
		db_finalize(s);
		return rc == DB_DONE ? AKSES_E_STAFF_NOT_FOUND : store_fail(st, rc);
	}
	struct akses_staff tmp;
	memset(&tmp, 0, sizeof tmp);
	tmp.id = db_col_int64(s, 0);
	store_col_text(s, 1, tmp.name, sizeof tmp.name);
	tmp.role = store_col_role(s, 2);
	tmp.active = db_col_int(s, 3) != 0;
	tmp.failed_pins = db_col_int(s, 4);
	tmp.locked_until = db_col_int64(s, 5);
	tmp.created_at = db_col_int64(s, 6);
	db_finalize(s);
	if (out)
		*out = tmp;
	return tmp.active ? AKSES_OK : AKSES_E_STAFF_DISABLED;
}

akses_status store_request_head(store *st, const char *number, int64_t *id, req_state *state,
                                int64_t *end_at)
{
	char canon[AKSES_NUMBER_BUF];
	if (valid_request_number(number, canon) != AKSES_OK)
		return AKSES_E_REQUEST_NUMBER;
	db_stmt *s = store_prep(st, "SELECT id, state, end_at FROM request WHERE number = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, canon);
	int rc = db_step(s);
	if (rc != DB_ROW) {
		db_finalize(s);
		return rc == DB_DONE ? AKSES_E_REQUEST_NOT_FOUND : store_fail(st, rc);
	}
	if (id)
		*id = db_col_int64(s, 0);
	if (state && wf_state_parse(db_col_text(s, 1), state) != 0)
		*state = RS_NONE;
	if (end_at)
		*end_at = db_col_int64(s, 2);
	db_finalize(s);
	return AKSES_OK;
}

/* The seconds since the request's previous step row (step 1: since the form was begun), or -1
 * when there is nothing to time it from. */
static akses_status step_since(store *st, int64_t request_id, int64_t at, int64_t *duration_s)
{
	/* a step's duration runs from the previous step's completion; step 1 from the form's start */
	int64_t since = -1;
	db_stmt *s = store_prep(st, "SELECT at FROM step WHERE request_id = ?1"
	                            " ORDER BY id DESC LIMIT 1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, request_id);
	if (db_step(s) == DB_ROW)
		since = db_col_int64(s, 0);
	db_finalize(s);
	if (since < 0) {
		s = store_prep(st, "SELECT form_started_at FROM request WHERE id = ?1");
		if (!s)
			return AKSES_E_IO;
		db_bind_int64(s, 1, request_id);
		if (db_step(s) == DB_ROW && db_col_int64(s, 0) > 0)
			since = db_col_int64(s, 0);
		db_finalize(s);
	}
	*duration_s = since >= 0 && at >= since ? at - since : -1;
	return AKSES_OK;
}

akses_status store_step_add(store *st, int64_t request_id, wf_action action, int64_t actor_id,
                            int64_t at, const char *note)
{
	int64_t duration_s;
	akses_status rc = step_since(st, request_id, at, &duration_s);
	return rc == AKSES_OK
	           ? store_step_add_timed(st, request_id, action, actor_id, at, note, duration_s)
	           : rc;
}

akses_status store_step_add_timed(store *st, int64_t request_id, wf_action action,
                                  int64_t actor_id, int64_t at, const char *note,
                                  int64_t duration_s)
{
	const struct wf_transition *t = wf_get(action);
	if (!t)
		return AKSES_E_INVALID_ARG;
	db_stmt *s = store_prep(st, "INSERT INTO step(request_id, step, action, role, actor_id, at,"
	                   " duration_s, standard_s, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!s)
		return AKSES_E_IO;
	akses_role role = t->role;
	/* wf lists KOORDINATOR for WF_CANCEL; without an actor it was the applicant's own cancel */
	if (action == WF_CANCEL)
		role = actor_id > 0 ? ROLE_KOORDINATOR : ROLE_NONE;
	db_bind_int64(s, 1, request_id);
	db_bind_int(s, 2, t->step);
	db_bind_text(s, 3, t->code);
	/* expiry is the system's, not the applicant's: it must not count as a PEMOHON step */
	const char *role_code = action == WF_EXPIRE ? "SYSTEM"
	                        : role == ROLE_NONE ? "PEMOHON"
	                                            : wf_role_code(role);
	db_bind_text(s, 4, role_code);
	if (actor_id > 0)
		db_bind_int64(s, 5, actor_id);
	else
		db_bind_null(s, 5);
	db_bind_int64(s, 6, at);
	db_bind_int64(s, 7, duration_s);
	db_bind_int(s, 8, t->standard_s);
	db_bind_text(s, 9, note ? note : "");
	int rc = db_step(s);
	db_finalize(s);
	if (rc != DB_DONE)
		return store_fail(st, rc);
	/* the compliance summary counts it in the same transaction (the filter store_compliance
	 * has always applied: a known duration, a real step, no cancel or expiry) */
	if (duration_s < 0 || t->step <= 0 || action == WF_CANCEL || action == WF_EXPIRE)
		return AKSES_OK;
	return store_step_sum_add(st, t->step, role_code, at, duration_s, t->standard_s);
}

akses_status store_set_state(store *st, int64_t request_id, req_state to, int64_t at)
{
	db_stmt *s = store_prep(st, "UPDATE request SET state = ?2,"
	                            " last_step = CASE WHEN last_step > ?3 THEN last_step ELSE ?3 END,"
	                            " updated_at = ?4, final_at = CASE WHEN ?5 <> 0 THEN ?4"
	                            " ELSE final_at END WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, request_id);
	db_bind_text(s, 2, wf_state_code(to));
	db_bind_int(s, 3, wf_last_step_of(to));
	db_bind_int64(s, 4, at);
	db_bind_int(s, 5, wf_state_final(to));
	int rc = db_step(s);
	db_finalize(s);
	if (rc != DB_DONE)
		return store_fail(st, rc);
	/* every state change passes here: its notifications join the same transaction */
	return store_outbox_state(st, request_id, to, at);
}

akses_status store_exec_ids(store *st, const char *sql, int64_t a, int64_t b, int64_t c)
{
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	int np = db_param_count(s);
	db_bind_int64(s, 1, a);
	if (np >= 2)
		db_bind_int64(s, 2, b);
	if (np >= 3)
		db_bind_int64(s, 3, c);
	int rc = db_step(s);
	db_finalize(s);
	return rc == DB_DONE || rc == DB_ROW ? AKSES_OK : store_fail(st, rc);
}
