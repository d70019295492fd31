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
	int err = 0, ext = rc;
	if (st && st->db) {
		snprintf(st->errmsg, sizeof st->errmsg, "%s", sqlite3_errmsg(st->db));
		err = sqlite3_system_errno(st->db);
		ext = sqlite3_extended_errcode(st->db);
	}
	if (rc == SQLITE_READONLY_DBMOVED || ext == SQLITE_READONLY_DBMOVED)
		return AKSES_E_DB_REPLACED;
	/* a full disk shows as SQLITE_FULL on the WAL, but as an I/O error when the -shm cannot
	 * grow: the errno of that very error tells it apart from a failing disk */
	bool os_error = (rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN;
	if ((rc & 0xff) == SQLITE_FULL || (os_error && (err == ENOSPC || err == EDQUOT)))
		return AKSES_E_DISK_FULL;
	if ((os_error && err == EROFS) || (st && st->read_only && (rc & 0xff) == SQLITE_READONLY))
		return AKSES_E_READ_ONLY;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return AKSES_E_BUSY;
	case SQLITE_NOMEM:
		return AKSES_E_NOMEM;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
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

akses_status store_rows(store *st, sqlite3_stmt *s, size_t elem, store_row_fn fill, void *ctx,
                        void *out, int *n)
{
	void **pp = out;
	unsigned char *list = NULL;
	int count = 0, cap = 0, src;
	*pp = NULL;
	*n = 0;
	while ((src = sqlite3_step(s)) == SQLITE_ROW) {
		if (store_grow(&list, &cap, count + 1, elem) != AKSES_OK) {
			src = SQLITE_NOMEM;
			break;
		}
		unsigned char *row = list + (size_t)count * elem;
		memset(row, 0, elem);
		if (fill(s, row, ctx))
			count++;
	}
	sqlite3_finalize(s);
	if (src != SQLITE_DONE) {
		free(list);
		return src == SQLITE_NOMEM ? AKSES_E_NOMEM : store_fail(st, src);
	}
	*pp = list;
	*n = count;
	return AKSES_OK;
}

sqlite3_stmt *store_prep(store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc);
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

akses_role store_col_role(sqlite3_stmt *s, int col)
{
	akses_role r = ROLE_NONE;
	if (wf_role_parse((const char *)sqlite3_column_text(s, col), &r) != 0)
		r = ROLE_NONE;
	return r;
}

void store_col_text(sqlite3_stmt *s, int col, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	if (n == 0)
		return;
	snprintf(buf, n, "%s", t ? (const char *)t : "");
}

akses_status store_exec(store *st, const char *sql)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? AKSES_OK : store_fail(st, rc);
}

/* The writer lock, but only on the file we opened: a DB deleted or replaced under us (a restore,
 * an `aksesctl init` on the same path) would take the write into a file nobody reads again. */
akses_status store_begin(store *st)
{
	akses_status rc = store_still_same(st);
	if (rc != AKSES_OK)
		return rc;
	return store_exec(st, "BEGIN IMMEDIATE");
}

akses_status store_commit(store *st)
{
	akses_status rc = store_exec(st, "COMMIT");
	if (rc != AKSES_OK)
		store_rollback(st);
	return rc;
}

void store_rollback(store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

bool store_read_begin(store *st)
{
	return sqlite3_get_autocommit(st->db) &&
	       sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void store_read_end(store *st, bool began)
{
	if (began && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
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
	sqlite3_stmt *s = store_prep(st, "SELECT id, name, role, active, failed_pins, locked_until,"
	                                 " created_at FROM staff WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, actor_id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return rc == SQLITE_DONE ? AKSES_E_STAFF_NOT_FOUND : store_fail(st, rc);
	}
	struct akses_staff tmp;
	memset(&tmp, 0, sizeof tmp);
	tmp.id = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, tmp.name, sizeof tmp.name);
	tmp.role = store_col_role(s, 2);
	tmp.active = sqlite3_column_int(s, 3) != 0;
	tmp.failed_pins = sqlite3_column_int(s, 4);
	tmp.locked_until = sqlite3_column_int64(s, 5);
	tmp.created_at = sqlite3_column_int64(s, 6);
	sqlite3_finalize(s);
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
	sqlite3_stmt *s = store_prep(st, "SELECT id, state, end_at FROM request WHERE number = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_text(s, 1, canon, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return rc == SQLITE_DONE ? AKSES_E_REQUEST_NOT_FOUND : store_fail(st, rc);
	}
	if (id)
		*id = sqlite3_column_int64(s, 0);
	if (state && wf_state_parse((const char *)sqlite3_column_text(s, 1), state) != 0)
		*state = RS_NONE;
	if (end_at)
		*end_at = sqlite3_column_int64(s, 2);
	sqlite3_finalize(s);
	return AKSES_OK;
}

akses_status store_step_add(store *st, int64_t request_id, wf_action action, int64_t actor_id,
                            int64_t at, const char *note)
{
	const struct wf_transition *t = wf_get(action);
	if (!t)
		return AKSES_E_INVALID_ARG;
	/* a step's duration runs from the previous step's completion; step 1 from the form's start */
	int64_t since = -1;
	sqlite3_stmt *s = store_prep(st, "SELECT at FROM step WHERE request_id = ?1"
	                                 " ORDER BY id DESC LIMIT 1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, request_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		since = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (since < 0) {
		s = store_prep(st, "SELECT form_started_at FROM request WHERE id = ?1");
		if (!s)
			return AKSES_E_IO;
		sqlite3_bind_int64(s, 1, request_id);
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0)
			since = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	s = store_prep(st, "INSERT INTO step(request_id, step, action, role, actor_id, at,"
	                   " duration_s, standard_s, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!s)
		return AKSES_E_IO;
	akses_role role = t->role;
	/* wf lists KOORDINATOR for WF_CANCEL; without an actor it was the applicant's own cancel */
	if (action == WF_CANCEL)
		role = actor_id > 0 ? ROLE_KOORDINATOR : ROLE_NONE;
	sqlite3_bind_int64(s, 1, request_id);
	sqlite3_bind_int(s, 2, t->step);
	sqlite3_bind_text(s, 3, t->code, -1, SQLITE_STATIC);
	/* expiry is the system's, not the applicant's: it must not count as a PEMOHON step */
	const char *role_code = action == WF_EXPIRE ? "SYSTEM"
	                        : role == ROLE_NONE ? "PEMOHON"
	                                            : wf_role_code(role);
	sqlite3_bind_text(s, 4, role_code, -1, SQLITE_STATIC);
	if (actor_id > 0)
		sqlite3_bind_int64(s, 5, actor_id);
	else
		sqlite3_bind_null(s, 5);
	sqlite3_bind_int64(s, 6, at);
	sqlite3_bind_int64(s, 7, since >= 0 && at >= since ? at - since : -1);
	sqlite3_bind_int(s, 8, t->standard_s);
	sqlite3_bind_text(s, 9, note ? note : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? AKSES_OK : store_fail(st, rc);
}

akses_status store_set_state(store *st, int64_t request_id, req_state to, int64_t at)
{
	sqlite3_stmt *s = store_prep(st, "UPDATE request SET state = ?2,"
	                                 " last_step = max(last_step, ?3),"
	                                 " updated_at = ?4, final_at = CASE WHEN ?5 THEN ?4"
	                                 " ELSE final_at END WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, request_id);
	sqlite3_bind_text(s, 2, wf_state_code(to), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, wf_last_step_of(to));
	sqlite3_bind_int64(s, 4, at);
	sqlite3_bind_int(s, 5, wf_state_final(to));
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc);
	/* every state change passes here: its notifications join the same transaction */
	return store_outbox_state(st, request_id, to, at);
}

akses_status store_exec_ids(store *st, const char *sql, int64_t a, int64_t b, int64_t c)
{
	sqlite3_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	int np = sqlite3_bind_parameter_count(s);
	sqlite3_bind_int64(s, 1, a);
	if (np >= 2)
		sqlite3_bind_int64(s, 2, b);
	if (np >= 3)
		sqlite3_bind_int64(s, 3, c);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? AKSES_OK : store_fail(st, rc);
}
