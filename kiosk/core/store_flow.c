/* store_flow.c - the SOP steps staff and applicants take on a request (dispositions, verification,
 * decision, escort, recording with pass issue, report chain, cancellation) and the system's expiry.
 * Each is one IMMEDIATE transaction: any refusal rolls back and leaves the DB as it was. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "clock.h"
#include "store_int.h"
#include "valid.h"

/* ---- helpers -------------------------------------------------------------------------------- */

/* Run a prepared statement that was already bound; AKSES_OK when it completed. */
static akses_status flow_done(store *st, db_stmt *s)
{
	int rc = db_step(s);
	db_finalize(s);
	return rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
}

/* Set one text column of a request (reason or report). column is a literal from this file. */
static akses_status flow_set_text(store *st, int64_t id, const char *column, const char *text)
{
	char sql[96];
	snprintf(sql, sizeof sql, "UPDATE request SET %s = ?2 WHERE id = ?1", column);
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, text);
	return flow_done(st, s);
}

/* The shared head of a staff action, inside the open transaction: the actor is active, the request
 * exists, and the workflow lets this role take action from its state. Fills the outputs. */
static akses_status flow_prologue(store *st, const char *number, wf_action action, int64_t actor_id,
                                  struct akses_staff *actor, int64_t *id, req_state *state,
                                  int64_t now)
{
	akses_status rc = store_actor(st, actor_id, actor);
	if (rc != AKSES_OK)
		return rc;
	int64_t end_at = 0;
	if ((rc = store_request_head(st, number, id, state, &end_at)) != AKSES_OK)
		return rc;
	return wf_check(action, actor->role, *state, now >= end_at);
}

/* Write the common tail of a transition: the step row, the new state, and the audit row whose
 * detail starts with "step=N" followed by extra (may be ""). */
static akses_status flow_epilogue(store *st, int64_t id, const char *number, wf_action action,
                                  int64_t actor_id, int64_t now, const char *note,
                                  const char *extra)
{
	const struct wf_transition *t = wf_get(action);
	if (!t)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_step_add(st, id, action, actor_id, now, note);
	if (rc == AKSES_OK)
		rc = store_set_state(st, id, t->to, now);
	if (rc == AKSES_OK) {
		char canon[AKSES_NUMBER_BUF], detail[128];
		if (valid_request_number(number, canon) != AKSES_OK)
			snprintf(canon, sizeof canon, "%s", number);
		snprintf(detail, sizeof detail, "step=%d%s%s", t->step, *extra ? " " : "", extra);
		rc = store_audit(st, actor_id, t->code, canon, detail);
	}
	return rc;
}

/* Step 6 HELPDESK: one pass row per person, 0 = the applicant, 1..n = companions in seq order.
 * No token yet (made at print time by store_pass_token); print state 'none'. */
static akses_status flow_issue_passes(store *st, int64_t id, int *n_out)
{
	db_stmt *s = store_prep(st, "INSERT INTO pass(request_id, person) SELECT CAST(?1 AS BIGINT), 0"
	                            " UNION ALL SELECT ?1, seq FROM companion"
	                            " WHERE request_id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, id);
	akses_status rc = flow_done(st, s);
	if (rc == AKSES_OK)
		*n_out = db_changes(st->db);
	return rc;
}

/* ---- staff steps ---------------------------------------------------------------------------- */

/* Steps done with one verb and an optional note. WF_REPORT and WF_CANCEL are passed on to their
 * own functions (the note is the report text or the reason); WF_ASSIGN needs an escort and
 * WF_SUBMIT a whole form, so they are AKSES_E_INVALID_ARG here. The system's WF_VISIT_END and
 * WF_EXPIRE are refused by wf_check with AKSES_E_ROLE. */
/* A disposition's additions, on the step row flow_epilogue has just written (the newest of the
 * request: the transaction holds the write lock). */
static akses_status flow_set_disposition(store *st, int64_t id, const struct akses_disposition *d)
{
	db_stmt *s = store_prep(st, "UPDATE step SET instruction = ?2, urgency = ?3 WHERE id ="
	                            " (SELECT max(id) FROM step WHERE request_id = ?1)");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, d->instruction ? d->instruction : "");
	db_bind_text(s, 3, wf_urgency_code(d->urgency));
	return flow_done(st, s);
}

static akses_status flow_act(store *st, const char *number, wf_action action, int64_t actor_id,
                             const char *note, const struct akses_disposition *d);

akses_status store_act(store *st, const char *number, wf_action action, int64_t actor_id,
                       const char *note)
{
	return flow_act(st, number, action, actor_id, note, NULL);
}

akses_status store_dispose(store *st, const char *number, wf_action action, int64_t actor_id,
                           const char *note, const struct akses_disposition *d)
{
	if (action != WF_DISPOSE_KADIS && action != WF_DISPOSE_KABID)
		return AKSES_E_INVALID_ARG;
	if (d && (d->urgency < URGENCY_NONE || d->urgency >= URGENCY_COUNT))
		return AKSES_E_INVALID_ARG;
	return flow_act(st, number, action, actor_id, note, d);
}

/* store_act's body; d: a disposition's instruction and urgency (steps 2 and 3 only), or NULL. */
static akses_status flow_act(store *st, const char *number, wf_action action, int64_t actor_id,
                             const char *note, const struct akses_disposition *d)
{
	if (!st || !number)
		return AKSES_E_INVALID_ARG;
	switch (action) {
	case WF_REPORT:
		return store_report_write(st, number, actor_id, note);
	case WF_CANCEL:
		return store_cancel(st, number, actor_id, note);
	case WF_SUBMIT:
	case WF_ASSIGN:
		return AKSES_E_INVALID_ARG;
	default:
		if (!wf_get(action))
			return AKSES_E_INVALID_ARG;
		break;
	}
	/* a decision on a request whose window has passed is too late: sweep first */
	akses_status rc = store_expire_stale(st, NULL);
	if (rc == AKSES_OK)
		rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t now = clock_now(), id = 0;
	struct akses_staff actor;
	req_state state = RS_NONE;
	char extra[64] = "";
	rc = flow_prologue(st, number, action, actor_id, &actor, &id, &state, now);
	/* the note is checked after the role and state, so a wrong actor always hears "role" */
	if (rc == AKSES_OK && note)
		rc = valid_text(note, AKSES_NOTE_CHARS, action == WF_REJECT, true);
	if (rc == AKSES_OK && action == WF_REJECT && !note)
		rc = AKSES_E_REQUIRED;
	if (rc == AKSES_OK && d && d->instruction)
		rc = valid_text(d->instruction, AKSES_NOTE_CHARS, false, true);
	if (rc == AKSES_OK && d && d->urgency != URGENCY_NONE)
		snprintf(extra, sizeof extra, "urgency=%s", wf_urgency_code(d->urgency));
	if (rc == AKSES_OK && action == WF_REJECT) {
		rc = flow_set_text(st, id, "reason", note);
		snprintf(extra, sizeof extra, "decision=reject");
	} else if (rc == AKSES_OK && action == WF_APPROVE) {
		snprintf(extra, sizeof extra, "decision=approve");
	} else if (rc == AKSES_OK && action == WF_RECORD) {
		/* the escort was assigned in RS_ASSIGNED; check it is still there all the same */
		db_stmt *s = store_prep(st, "SELECT escort_id FROM request WHERE id = ?1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			db_bind_int64(s, 1, id);
			if (db_step(s) != DB_ROW ||
			    db_col_is_null(s, 0))
				rc = AKSES_E_ESCORT;
			db_finalize(s);
		}
		int n_pass = 0;
		if (rc == AKSES_OK)
			rc = flow_issue_passes(st, id, &n_pass);
		snprintf(extra, sizeof extra, "passes=%d", n_pass);
	}
	if (rc == AKSES_OK)
		rc = flow_epilogue(st, id, number, action, actor_id, now, note, extra);
	if (rc == AKSES_OK && d)
		rc = flow_set_disposition(st, id, d);
	return store_tx_end(st, rc);
}

akses_status store_assign(store *st, const char *number, int64_t actor_id, int64_t escort_id)
{
	if (!st || !number)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t now = clock_now(), id = 0;
	struct akses_staff actor, escort;
	req_state state = RS_NONE;
	rc = flow_prologue(st, number, WF_ASSIGN, actor_id, &actor, &id, &state, now);
	if (rc == AKSES_OK) {
		akses_status e = store_actor(st, escort_id, &escort);
		if (e == AKSES_E_STAFF_NOT_FOUND || e == AKSES_E_STAFF_DISABLED ||
		    (e == AKSES_OK && escort.role != ROLE_TIM_TEKNIS))
			rc = AKSES_E_ESCORT;
		else
			rc = e;
	}
	if (rc == AKSES_OK) {
		db_stmt *s = store_prep(st, "UPDATE request SET escort_id = ?2 WHERE id = ?1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			db_bind_int64(s, 1, id);
			db_bind_int64(s, 2, escort_id);
			rc = flow_done(st, s);
		}
	}
	if (rc == AKSES_OK) {
		char extra[48];
		snprintf(extra, sizeof extra, "escort=staff:%" PRId64, escort_id);
		rc = flow_epilogue(st, id, number, WF_ASSIGN, actor_id, now, NULL, extra);
	}
	return store_tx_end(st, rc);
}

akses_status store_report_write(store *st, const char *number, int64_t actor_id, const char *text)
{
	if (!st || !number)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t now = clock_now(), id = 0;
	struct akses_staff actor;
	req_state state = RS_NONE;
	rc = flow_prologue(st, number, WF_REPORT, actor_id, &actor, &id, &state, now);
	if (rc == AKSES_OK)
		rc = text ? valid_text(text, AKSES_REPORT_CHARS, true, true) : AKSES_E_REQUIRED;
	if (rc == AKSES_OK)
		rc = flow_set_text(st, id, "report", text);
	if (rc == AKSES_OK) {
		/* the text stays in the request (retention clears it), not in the step */
		char extra[48];
		snprintf(extra, sizeof extra, "chars=%zu%s", valid_utf8_chars(text),
		         state == RS_RECORDED ? " no-show" : "");
		rc = flow_epilogue(st, id, number, WF_REPORT, actor_id, now, NULL, extra);
	}
	return store_tx_end(st, rc);
}

/* ---- cancellation --------------------------------------------------------------------------- */

/* The applicant proves who they are like store_lookup does: an unknown number and wrong digits
 * both answer AKSES_E_LOOKUP, after the same constant-time comparison; every try is recorded and
 * counted by the guard (store_guard.c), which makes further tries wait (AKSES_E_LOOKUP_WAIT). */
akses_status store_cancel_applicant(store *st, const char *number, const char *phone_last4,
                                    const char *station)
{
	if (!st || !number || !phone_last4)
		return AKSES_E_INVALID_ARG;
	char canon[AKSES_NUMBER_BUF];
	if (valid_request_number(number, canon) != AKSES_OK)
		return AKSES_E_REQUEST_NUMBER;
	if (valid_phone_digits(phone_last4) != AKSES_OK)
		return AKSES_E_PHONE_DIGITS;
	station = store_guard_station(station);
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t now = clock_now(), id = 0, end_at = 0, wait_s = 0;
	req_state state = RS_NONE;
	char phone[AKSES_PHONE_BUF] = "";
	rc = store_request_head(st, canon, &id, &state, &end_at);
	if (rc == AKSES_OK) {
		db_stmt *s = store_prep(st, "SELECT phone FROM request WHERE id = ?1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			db_bind_int64(s, 1, id);
			if (db_step(s) == DB_ROW)
				store_col_text(s, 0, phone, sizeof phone);
			db_finalize(s);
		}
	} else if (rc == AKSES_E_REQUEST_NOT_FOUND) {
		id = 0;
		rc = AKSES_OK;
	}
	if (rc == AKSES_OK)
		rc = store_guard_wait(st, id, station, now, &wait_s);
	bool match = false;
	if (rc == AKSES_OK && wait_s == 0) {
		size_t n = strlen(phone);
		const char *tail = n >= 4 ? phone + n - 4 : "####";
		match = sodium_memcmp(tail, phone_last4, 4) == 0 && n >= 4 && id > 0;
	}
	if (rc == AKSES_OK && !match) {
		/* a refused try is recorded and committed on its own: the guard counts it */
		rc = store_guard_record(st, "cancel", id, station, now, wait_s > 0 ? "wait" : "fail");
		rc = store_tx_end(st, rc);
		sodium_memzero(phone, sizeof phone);
		if (rc != AKSES_OK)
			return rc;
		return wait_s > 0 ? AKSES_E_LOOKUP_WAIT : AKSES_E_LOOKUP;
	}
	sodium_memzero(phone, sizeof phone);
	/* the digits were right: recorded as such even if the state then forbids the cancel */
	if (rc == AKSES_OK)
		rc = store_guard_record(st, "cancel", id, station, now, "ok");
	akses_status wrc = rc;
	if (rc == AKSES_OK)
		wrc = wf_check(WF_CANCEL, ROLE_NONE, state, now >= end_at);
	if (rc == AKSES_OK && wrc != AKSES_OK) {
		/* keep the "ok" record (it ends the request's run of wrong tries), report the state */
		rc = store_tx_end(st, rc);
		return rc != AKSES_OK ? rc : wrc;
	}
	if (rc == AKSES_OK)
		rc = flow_epilogue(st, id, canon, WF_CANCEL, 0, now, NULL, "by=applicant");
	return store_tx_end(st, rc);
}

akses_status store_cancel(store *st, const char *number, int64_t actor_id, const char *reason)
{
	if (!st || !number)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t now = clock_now(), id = 0;
	struct akses_staff actor;
	req_state state = RS_NONE;
	rc = flow_prologue(st, number, WF_CANCEL, actor_id, &actor, &id, &state, now);
	/* the applicant's path is store_cancel_applicant; a staff cancel must be a KOORDINATOR's */
	if (rc == AKSES_OK && actor.role != ROLE_KOORDINATOR)
		rc = AKSES_E_ROLE;
	if (rc == AKSES_OK)
		rc = reason ? valid_text(reason, AKSES_NOTE_CHARS, true, true) : AKSES_E_REQUIRED;
	if (rc == AKSES_OK)
		rc = flow_set_text(st, id, "reason", reason);
	if (rc == AKSES_OK)
		rc = flow_epilogue(st, id, number, WF_CANCEL, actor_id, now, reason, "by=staff");
	return store_tx_end(st, rc);
}

/* ---- expiry --------------------------------------------------------------------------------- */

/* The states that still wait for a decision (steps 2 to 5). */
#define FLOW_UNDECIDED "state IN (?1, ?2, ?3, ?4) AND end_at <= ?5"

static void flow_bind_undecided(db_stmt *s, int64_t now)
{
	db_bind_text(s, 1, wf_state_code(RS_SUBMITTED));
	db_bind_text(s, 2, wf_state_code(RS_DISPOSED_KADIS));
	db_bind_text(s, 3, wf_state_code(RS_DISPOSED_KABID));
	db_bind_text(s, 4, wf_state_code(RS_VERIFIED));
	db_bind_int64(s, 5, now);
}

/* A cheap read first: list, inbox, lookups and store_act call this every time, and most of the
 * time there is nothing to expire, so the writer lock is taken only when there is. Inside a
 * caller's transaction it does nothing (the caller's writes come first). n_expired may be NULL. */
akses_status store_expire_stale(store *st, int *n_expired)
{
	if (n_expired)
		*n_expired = 0;
	if (!st)
		return AKSES_E_INVALID_ARG;
	if (db_in_tx(st->db))
		return AKSES_OK;
	int64_t now = clock_now();
	db_stmt *s =
	    store_prep(st, "SELECT CASE WHEN EXISTS(SELECT 1 FROM request WHERE " FLOW_UNDECIDED
	                   ") THEN 1 ELSE 0 END");
	if (!s)
		return AKSES_E_IO;
	flow_bind_undecided(s, now);
	int rc = db_step(s);
	bool any = rc == DB_ROW && db_col_int(s, 0) != 0;
	db_finalize(s);
	if (rc != DB_ROW)
		return store_fail(st, rc);
	if (!any)
		return AKSES_OK;

	akses_status ret = store_begin(st);
	if (ret != AKSES_OK)
		return ret;
	s = store_prep(st, "SELECT id, number FROM request WHERE " FLOW_UNDECIDED " ORDER BY id");
	if (!s)
		return store_tx_end(st, AKSES_E_IO);
	flow_bind_undecided(s, now);
	/* collect first: the step and state writes must not run under the open SELECT */
	int64_t *ids = NULL;
	char(*numbers)[AKSES_NUMBER_BUF] = NULL;
	int count = 0, cap_ids = 0, cap_numbers = 0;
	bool nomem = false;
	while ((rc = db_step(s)) == DB_ROW) {
		if (store_grow(&ids, &cap_ids, count + 1, sizeof *ids) != AKSES_OK ||
		    store_grow(&numbers, &cap_numbers, count + 1, sizeof *numbers) != AKSES_OK) {
			nomem = true;
			break;
		}
		ids[count] = db_col_int64(s, 0);
		store_col_text(s, 1, numbers[count], AKSES_NUMBER_BUF);
		count++;
	}
	db_finalize(s);
	ret = nomem ? AKSES_E_NOMEM : rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
	for (int i = 0; ret == AKSES_OK && i < count; i++)
		ret = flow_epilogue(st, ids[i], numbers[i], WF_EXPIRE, 0, now, NULL, "by=system");
	free(ids);
	free(numbers);
	if ((ret = store_tx_end(st, ret)) == AKSES_OK && n_expired)
		*n_expired = count;
	return ret;
}
