/* store_outbox.c - the notification outbox: events written in the transaction of the state change
 * that causes them, reminders for overdue steps, and the sender's reads and attempt records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- writing events ---------------------------------------------------------------------------
 */

int64_t store_outbox_backoff(int attempts)
{
	int64_t wait = STORE_BACKOFF_FIRST_S;
	for (int i = 1; i < attempts && wait < STORE_BACKOFF_MAX_S; i++)
		wait *= 2;
	return wait < STORE_BACKOFF_MAX_S ? wait : STORE_BACKOFF_MAX_S;
}

/* The applicant's event when a request reaches state s, or NULL. */
static const char *outbox_applicant_kind(req_state s)
{
	switch (s) {
	case RS_SUBMITTED:
		return "submitted";
	case RS_APPROVED:
		return "approved";
	case RS_REJECTED:
		return "rejected";
	case RS_RECORDED:
		return "printable"; /* passes issued: the visitor may print them */
	default:
		return NULL;
	}
}

/* Insert one event unless this request already has it for this step and recipient. applicant:
 * only when the request has an e-mail address (read here, never copied into the outbox). */
static akses_status outbox_add(store *st, const char *kind, int64_t request_id, int step,
                               const char *recipient, req_state state, int64_t at, int64_t due_at,
                               bool applicant)
{
	/* INSERT ... SELECT with an upsert needs the SELECT's WHERE (SQLite's parsing rule) */
	db_stmt *s = store_prep(
	    st, "INSERT INTO outbox(created_at, kind, request_id, step, recipient, state, due_at)"
	        " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 FROM request WHERE id = ?3"
	        " AND (?8 = 0 OR email <> '')"
	        " ON CONFLICT(kind, request_id, step, recipient) DO NOTHING");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, at);
	db_bind_text(s, 2, kind);
	db_bind_int64(s, 3, request_id);
	db_bind_int(s, 4, step);
	db_bind_text(s, 5, recipient);
	db_bind_text(s, 6, wf_state_code(state));
	db_bind_int64(s, 7, due_at);
	db_bind_int(s, 8, applicant);
	int rc = db_step(s);
	db_finalize(s);
	return rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
}

akses_status store_outbox_state(store *st, int64_t request_id, req_state to, int64_t at)
{
	akses_role role = ROLE_NONE;
	int standard = 0;
	int step = wf_next_step(to, &role, &standard);
	akses_status rc = AKSES_OK;
	/* step 7 waits for the visitor at the door, with an escort already named: no one to call */
	if (step > 0 && step != 7 && role != ROLE_NONE)
		rc = outbox_add(st, "step", request_id, step, wf_role_code(role), to, at,
		                at + standard, false);
	const char *kind = outbox_applicant_kind(to);
	if (rc == AKSES_OK && kind)
		rc = outbox_add(st, kind, request_id, wf_last_step_of(to), "APPLICANT", to, at, 0,
		                true);
	return rc;
}

akses_status store_outbox_remind(store *st, int64_t now, int *n_added)
{
	if (n_added)
		*n_added = 0;
	if (!st)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	/* a step's event still stands for a wait while the request is in the state it was written
	 * in; past its due time it gets its one reminder (UNIQUE: a second run adds nothing) */
	db_stmt *s = store_prep(
	    st, "INSERT INTO outbox(created_at, kind, request_id, step, recipient, state, due_at)"
	        " SELECT ?1, 'reminder', e.request_id, e.step, e.recipient, e.state, e.due_at"
	        " FROM outbox e JOIN request r ON r.id = e.request_id"
	        " WHERE e.kind = 'step' AND e.due_at > 0 AND e.due_at <= ?1 AND r.state = e.state"
	        " ORDER BY e.id"
	        " ON CONFLICT(kind, request_id, step, recipient) DO NOTHING");
	if (!s)
		return store_tx_end(st, AKSES_E_IO);
	db_bind_int64(s, 1, now);
	int src = db_step(s);
	db_finalize(s);
	int added = (int)db_changes(st->db);
	rc = store_tx_end(st, src == DB_DONE ? AKSES_OK : store_fail(st, src));
	if (rc == AKSES_OK && n_added)
		*n_added = added;
	return rc;
}

/* ---- the sender's side --------------------------------------------------------------------------
 */

/* One row of store_outbox_due (columns as selected there). */
static bool outbox_row(db_stmt *s, void *row, void *ctx)
{
	struct akses_outbox_event *e = row;
	int64_t now = *(const int64_t *)ctx;
	char code[32];
	e->id = db_col_int64(s, 0);
	e->created_at = db_col_int64(s, 1);
	store_col_text(s, 2, e->kind, sizeof e->kind);
	e->request_id = db_col_int64(s, 3);
	store_col_text(s, 4, e->number, sizeof e->number);
	store_col_text(s, 5, e->institution, sizeof e->institution);
	e->step = db_col_int(s, 6);
	e->role = store_col_role(s, 7);
	store_col_text(s, 8, code, sizeof code);
	if (wf_state_parse(code, &e->state) != 0)
		e->state = RS_NONE;
	e->due_at = db_col_int64(s, 9);
	if (strcmp(e->kind, "rejected") == 0)
		store_col_text(s, 10, e->reason, sizeof e->reason);
	char mail_state[16], cmd_state[16];
	store_col_text(s, 11, mail_state, sizeof mail_state);
	e->mail_due = strcmp(mail_state, "pending") == 0 && db_col_int64(s, 12) <= now;
	e->mail_attempts = db_col_int(s, 13);
	store_col_text(s, 14, cmd_state, sizeof cmd_state);
	e->cmd_due = strcmp(cmd_state, "pending") == 0 && db_col_int64(s, 15) <= now;
	e->cmd_attempts = db_col_int(s, 16);
	if (e->role != ROLE_NONE)
		wf_next_step(e->state, NULL, &e->standard_s);
	return true;
}

akses_status store_outbox_due(store *st, int64_t now, int limit, struct akses_outbox_event **out,
                              int *n)
{
	if (!st || !out || !n || limit <= 0)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	db_stmt *s = store_prep(
	    st, "SELECT o.id, o.created_at, o.kind, o.request_id, r.number, r.institution, o.step,"
	        " o.recipient, o.state, o.due_at, r.reason, o.mail_state, o.mail_next_at,"
	        " o.mail_attempts, o.cmd_state, o.cmd_next_at, o.cmd_attempts"
	        " FROM outbox o JOIN request r ON r.id = o.request_id"
	        " WHERE (o.mail_state = 'pending' AND o.mail_next_at <= ?1)"
	        " OR (o.cmd_state = 'pending' AND o.cmd_next_at <= ?1)"
	        " ORDER BY o.id LIMIT ?2");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, now);
	db_bind_int(s, 2, limit);
	return store_rows(st, s, sizeof **out, outbox_row, &now, out, n);
}

/* One address into *row (an akses_email_buf). */
static bool outbox_addr_row(db_stmt *s, void *row, void *ctx)
{
	(void)ctx;
	store_col_text(s, 0, row, sizeof(akses_email_buf));
	return *(char *)row != '\0';
}

akses_status store_outbox_recipients(store *st, int64_t event_id, akses_email_buf **out, int *n)
{
	if (!st || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	db_stmt *s =
	    store_prep(st, "SELECT r.email FROM outbox o JOIN request r ON r.id = o.request_id"
	                   " WHERE o.id = ?1 AND o.recipient = 'APPLICANT' AND r.email <> ''"
	                   " UNION ALL"
	                   " SELECT f.email FROM outbox o JOIN staff f ON f.role = o.recipient"
	                   " WHERE o.id = ?1 AND f.active = 1 AND f.email <> ''");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, event_id);
	return store_rows(st, s, sizeof **out, outbox_addr_row, NULL, out, n);
}

akses_status store_outbox_attempt(store *st, int64_t event_id, store_channel ch,
                                  store_attempt result, const char *error, int64_t now)
{
	if (!st || (ch != STORE_CH_MAIL && ch != STORE_CH_CMD))
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	/* the channel's columns by name: two fixed statements, nothing taken from the caller */
	static const char *const sql[2] = {
	    "UPDATE outbox SET mail_attempts = mail_attempts + 1, mail_error = ?3,"
	    " mail_state = CASE ?2 WHEN 0 THEN 'sent' WHEN 2 THEN 'skipped' ELSE mail_state END,"
	    " mail_sent_at = CASE WHEN ?2 <> 1 THEN ?4 ELSE mail_sent_at END,"
	    " mail_next_at = CASE WHEN ?2 = 1 THEN ?4 + ?5 ELSE mail_next_at END"
	    " WHERE id = ?1 AND mail_state = 'pending'",
	    "UPDATE outbox SET cmd_attempts = cmd_attempts + 1, cmd_error = ?3,"
	    " cmd_state = CASE ?2 WHEN 0 THEN 'sent' WHEN 2 THEN 'skipped' ELSE cmd_state END,"
	    " cmd_sent_at = CASE WHEN ?2 <> 1 THEN ?4 ELSE cmd_sent_at END,"
	    " cmd_next_at = CASE WHEN ?2 = 1 THEN ?4 + ?5 ELSE cmd_next_at END"
	    " WHERE id = ?1 AND cmd_state = 'pending'",
	};
	/* the backoff follows the attempts stored, read first in this same transaction */
	db_stmt *s =
	    store_prep(st, ch == STORE_CH_MAIL ? "SELECT mail_attempts FROM outbox WHERE id = ?1"
	                                       : "SELECT cmd_attempts FROM outbox WHERE id = ?1");
	if (!s)
		return store_tx_end(st, AKSES_E_IO);
	db_bind_int64(s, 1, event_id);
	int src = db_step(s);
	int attempts = src == DB_ROW ? db_col_int(s, 0) : 0;
	db_finalize(s);
	if (src == DB_DONE)
		return store_tx_end(st, AKSES_E_INVALID_ARG); /* no such event */
	if (src != DB_ROW)
		return store_tx_end(st, store_fail(st, src));
	char msg[201];
	snprintf(msg, sizeof msg, "%s", error ? error : "");
	if (!(s = store_prep(st, sql[ch])))
		return store_tx_end(st, AKSES_E_IO);
	db_bind_int64(s, 1, event_id);
	db_bind_int(s, 2, (int)result);
	db_bind_text(s, 3, msg);
	db_bind_int64(s, 4, now);
	db_bind_int64(s, 5, store_outbox_backoff(attempts + 1));
	src = db_step(s);
	db_finalize(s);
	/* no row: the channel was closed meanwhile (a second sender); nothing to record */
	rc = src == DB_DONE ? AKSES_OK : store_fail(st, src);
	return store_tx_end(st, rc);
}
