/* store_request_list.c - requests read many at a time: the staff list by state, a role's inbox
 * (what waits for that role, with due times), and one request's step timeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "store_int.h"

/* ---- lists ---------------------------------------------------------------------------------- */

/* Read summaries for every request the statement yields (columns as in req_list_sql), filling
 * waiting_since, next_step and due_at from the state. When role_filter is not ROLE_NONE only the
 * requests whose waiting step belongs to that role are kept (and for TIM_TEKNIS, only those the
 * escort_filter escorts). */
static akses_status req_summaries(store *st, db_stmt *s, akses_role role_filter,
                                  int64_t escort_filter, struct akses_request_summary **out, int *n)
{
	struct akses_request_summary *list = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct akses_request_summary tmp;
		memset(&tmp, 0, sizeof tmp);
		char code[32];
		tmp.id = db_col_int64(s, 0);
		store_col_text(s, 1, tmp.number, sizeof tmp.number);
		store_col_text(s, 2, code, sizeof code);
		if (wf_state_parse(code, &tmp.state) != 0)
			tmp.state = RS_NONE;
		tmp.last_step = db_col_int(s, 3);
		store_col_text(s, 4, tmp.name, sizeof tmp.name);
		store_col_text(s, 5, tmp.institution, sizeof tmp.institution);
		tmp.start_at = db_col_int64(s, 6);
		tmp.end_at = db_col_int64(s, 7);
		tmp.waiting_since = db_col_int64(s, 8);
		int64_t escort = db_col_int64(s, 9);
		akses_role owner = ROLE_NONE;
		int standard = 0;
		tmp.next_step = wf_next_step(tmp.state, &owner, &standard);
		tmp.due_at = wf_due_at(tmp.state, tmp.waiting_since, tmp.start_at, tmp.end_at);
		if (role_filter != ROLE_NONE) {
			if (tmp.next_step == 0 || owner != role_filter)
				continue;
			if (role_filter == ROLE_TIM_TEKNIS && escort != escort_filter)
				continue;
		}
		if (store_grow(&list, &cap, count + 1, sizeof *list) != AKSES_OK) {
			free(list);
			return AKSES_E_NOMEM;
		}
		list[count++] = tmp;
	}
	if (rc != DB_DONE) {
		free(list);
		return store_fail(st, rc);
	}
	*out = list;
	*n = count;
	return AKSES_OK;
}

#define REQ_SUMMARY_SQL                                                                            \
	"SELECT r.id, r.number, r.state, r.last_step, r.name, r.institution, r.start_at, "         \
	"r.end_at,"                                                                                \
	" coalesce((SELECT at FROM step WHERE request_id = r.id ORDER BY id DESC LIMIT 1),"        \
	" r.created_at), coalesce(r.escort_id, 0) FROM request r"

akses_status store_request_list(store *st, req_state state, struct akses_request_summary **out,
                                int *n)
{
	if (!st || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	akses_status rc = store_expire_stale(st, NULL);
	if (rc != AKSES_OK)
		return rc;
	db_stmt *s = store_prep(st, REQ_SUMMARY_SQL " WHERE CAST(?1 AS TEXT) = '' OR r.state = ?1"
	                                                 " ORDER BY r.created_at DESC, r.id DESC");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, state == RS_NONE ? "" : wf_state_code(state));
	rc = req_summaries(st, s, ROLE_NONE, 0, out, n);
	db_finalize(s);
	return rc;
}

akses_status store_request_page(store *st, req_state state, int page, int per_page,
                                struct akses_request_summary **out, int *n, int64_t *total)
{
	if (!st || !out || !n || !total || page < 1 || per_page < 1 || per_page > STORE_PAGE_MAX)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	*total = 0;
	akses_status rc = store_expire_stale(st, NULL);
	if (rc != AKSES_OK)
		return rc;
	const char *code = state == RS_NONE ? "" : wf_state_code(state);
	/* the count and the page from one snapshot, so a submission in between cannot make the
	 * total and the rows disagree */
	bool began = store_read_begin(st);
	/* two statements, not one with "?1 = '' OR state = ?1": with the OR neither engine counts
	 * from the index alone, and a year of requests made page 1 cost 3.6 times a day's */
	db_stmt *s = store_prep(st, *code ? "SELECT count(*) FROM request WHERE state = ?1"
	                                  : "SELECT count(*) FROM request");
	if (!s) {
		store_read_end(st, began);
		return AKSES_E_IO;
	}
	if (*code)
		db_bind_text(s, 1, code);
	int src = db_step(s);
	*total = src == DB_ROW ? db_col_int64(s, 0) : 0;
	db_finalize(s);
	if (src != DB_ROW) {
		rc = store_fail(st, src);
		store_read_end(st, began);
		return rc;
	}
	/* the page's ids first, by the order alone; the summary's columns (the newest step of each)
	 * are then read for those rows only */
	s = store_prep(st, REQ_SUMMARY_SQL " JOIN (SELECT id FROM request"
	                                   " WHERE CAST(?1 AS TEXT) = '' OR state = ?1"
	                                   " ORDER BY created_at DESC, id DESC LIMIT ?2 OFFSET ?3)"
	                                   " pg ON pg.id = r.id ORDER BY r.created_at DESC, r.id DESC");
	if (!s) {
		store_read_end(st, began);
		return AKSES_E_IO;
	}
	db_bind_text(s, 1, code);
	db_bind_int(s, 2, per_page);
	db_bind_int64(s, 3, (int64_t)(page - 1) * per_page);
	rc = req_summaries(st, s, ROLE_NONE, 0, out, n);
	db_finalize(s);
	store_read_end(st, began);
	return rc;
}

/* Any active staff member may ask; a role that no step waits for (ADMIN) gets an empty inbox. A
 * TIM_TEKNIS sees only the visits they escort (step 7 waits for that escort, not for the role). */
akses_status store_inbox(store *st, int64_t actor_id, struct akses_request_summary **out, int *n)
{
	if (!st || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	struct akses_staff actor;
	akses_status rc = store_actor(st, actor_id, &actor);
	if (rc != AKSES_OK)
		return rc;
	if ((rc = store_expire_stale(st, NULL)) != AKSES_OK)
		return rc;
	/* oldest wait first; the final states never wait for anyone. The states that may wait are
	 * named (IN, by the request_state index), not the final ones excluded: a year of closed
	 * requests would otherwise be read on every inbox. */
	char sql[sizeof REQ_SUMMARY_SQL + 8 * RS_COUNT + 64];
	int len = snprintf(sql, sizeof sql, "%s WHERE r.state IN (", REQ_SUMMARY_SQL);
	int nopen = 0;
	for (int k = RS_NONE + 1; k < RS_COUNT; k++)
		if (!wf_state_final((req_state)k)) {
			len += snprintf(sql + len, sizeof sql - (size_t)len, "%s?%d", nopen ? ", " : "",
			                nopen + 1);
			nopen++;
		}
	snprintf(sql + len, sizeof sql - (size_t)len, ") ORDER BY 9, r.id");
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	nopen = 0;
	for (int k = RS_NONE + 1; k < RS_COUNT; k++)
		if (!wf_state_final((req_state)k))
			db_bind_text(s, ++nopen, wf_state_code((req_state)k));
	if (actor.role == ROLE_ADMIN || actor.role == ROLE_NONE)
		rc = AKSES_OK; /* nothing waits for them: an empty list */
	else
		rc = req_summaries(st, s, actor.role, actor_id, out, n);
	db_finalize(s);
	return rc;
}

/* The action whose stable code is code; WF_NONE when unknown. */
static wf_action req_action_of(const char *code)
{
	for (int a = WF_NONE + 1; a < WF_COUNT; a++) {
		const struct wf_transition *t = wf_get((wf_action)a);
		if (t && t->code && strcmp(t->code, code) == 0)
			return (wf_action)a;
	}
	return WF_NONE;
}

/* store_rows's fill for the timeline: one step row. */
static bool step_row(db_stmt *s, void *row, void *ctx)
{
	struct akses_step_rec *r = row;
	(void)ctx;
	char code[32];
	r->step = db_col_int(s, 0);
	store_col_text(s, 1, code, sizeof code);
	r->action = req_action_of(code);
	r->role = store_col_role(s, 2); /* "PEMOHON" and "SYSTEM" are not staff roles */
	r->actor_id = db_col_int64(s, 3);
	store_col_text(s, 4, r->actor_name, sizeof r->actor_name);
	r->at = db_col_int64(s, 5);
	r->duration_s = db_col_int64(s, 6);
	r->standard_s = db_col_int(s, 7);
	store_col_text(s, 8, r->note, sizeof r->note);
	store_col_text(s, 9, r->instruction, sizeof r->instruction);
	char urgency[32];
	store_col_text(s, 10, urgency, sizeof urgency);
	if (wf_urgency_parse(urgency, &r->urgency) != 0)
		r->urgency = URGENCY_NONE;
	return true;
}

akses_status store_timeline(store *st, const char *number, struct akses_step_rec **out, int *n)
{
	if (!st || !number || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	int64_t id = 0;
	bool began = store_read_begin(st);
	akses_status rc = store_request_head(st, number, &id, NULL, NULL);
	if (rc != AKSES_OK) {
		store_read_end(st, began);
		return rc;
	}
	db_stmt *s =
	    store_prep(st, "SELECT s.step, s.action, s.role, coalesce(s.actor_id, 0),"
	                   " coalesce(f.name, ''), s.at, s.duration_s, s.standard_s,"
	                   " s.note, s.instruction, s.urgency FROM step s LEFT JOIN staff f ON f.id = s.actor_id"
	                   " WHERE s.request_id = ?1 ORDER BY s.id");
	if (!s) {
		store_read_end(st, began);
		return AKSES_E_IO;
	}
	db_bind_int64(s, 1, id);
	rc = store_rows(st, s, sizeof **out, step_row, NULL, out, n);
	store_read_end(st, began);
	return rc;
}
