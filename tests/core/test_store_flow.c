/* test_store_flow.c - the SOP through the store: the YES branch to recorded passes, rejection,
 * every step refused to every other role and state with the DB unchanged, cancellation, expiry,
 * escorts, the report chain and the inbox. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "wf.h"
#include "world.h"

#define START "2026-12-01 09:00"
#define END "2026-12-01 12:00"

static struct world w;

static void setup(void)
{
	world_open(&w);
}

static void teardown(void)
{
	world_close(&w);
}

/* Read a request (heap: the struct is large). */
static struct akses_request *get(const char *number)
{
	struct akses_request *r = malloc(sizeof *r);
	ck_assert(r != NULL);
	ck_assert_int_eq(store_request_get(w.st, number, r), AKSES_OK);
	return r;
}

/* Count rows of a table for one request, by number. */
static int64_t rows_of(const char *table, const char *number)
{
	char sql[256];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM %s WHERE request_id = (SELECT id FROM request WHERE number "
	         "= '%s')",
	         table, number);
	return world_int(&w, sql);
}

START_TEST(test_yes_branch_moves_one_step_at_a_time_and_records_passes_for_everyone)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 2, n);
	ck_assert_int_eq(world_state(&w, n), RS_SUBMITTED);
	const req_state path[] = {RS_DISPOSED_KADIS, RS_DISPOSED_KABID, RS_VERIFIED,
	                          RS_APPROVED,       RS_ASSIGNED,       RS_RECORDED};
	const int last_step[] = {2, 3, 4, 5, 5, 6};
	for (size_t i = 0; i < sizeof path / sizeof path[0]; i++) {
		/* no pass exists before the request is recorded */
		ck_assert_int_eq(rows_of("pass", n), 0);
		world_advance(&w, n, path[i]);
		struct akses_request *r = get(n);
		ck_assert_int_eq(r->state, path[i]);
		ck_assert_int_eq(r->last_step, last_step[i]);
		free(r);
	}
	/* one pass per person: applicant 0, companions 1 and 2; no token until printed */
	ck_assert_int_eq(rows_of("pass", n), 3);
	ck_assert_int_eq(world_int(&w, "SELECT count(DISTINCT person) FROM pass"), 3);
	ck_assert_int_eq(world_int(&w, "SELECT min(person) FROM pass"), 0);
	ck_assert_int_eq(world_int(&w, "SELECT max(person) FROM pass"), 2);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM pass WHERE token_hash IS NULL AND"
	                               " print_state = 'none' AND inside = 0"),
	                 3);
	struct akses_request *r = get(n);
	ck_assert_int_eq(r->escort_id, w.teknis);
	ck_assert_str_eq(r->escort_name, "Andi Teknisi");
	free(r);

	/* the timeline has every step, by the right role and person */
	struct akses_step_rec *tl = NULL;
	int nt = 0;
	ck_assert_int_eq(store_timeline(w.st, n, &tl, &nt), AKSES_OK);
	ck_assert_int_eq(nt, 7);
	const int steps[] = {1, 2, 3, 4, 5, 6, 6};
	const int actions[] = {WF_SUBMIT,  WF_DISPOSE_KADIS, WF_DISPOSE_KABID, WF_VERIFY,
	                       WF_APPROVE, WF_ASSIGN,        WF_RECORD};
	const akses_role roles[] = {ROLE_NONE,  ROLE_KADIS,       ROLE_KABID,   ROLE_KOORDINATOR,
	                            ROLE_KABID, ROLE_KOORDINATOR, ROLE_HELPDESK};
	for (int i = 0; i < nt; i++) {
		ck_assert_int_eq(tl[i].step, steps[i]);
		ck_assert_int_eq(tl[i].action, actions[i]);
		ck_assert_int_eq(tl[i].role, roles[i]);
	}
	ck_assert_int_eq(tl[0].actor_id, 0);
	ck_assert_str_eq(tl[1].actor_name, "Dr. Siti Rahmah");
	ck_assert_str_eq(tl[3].note, "Dokumen lengkap");
	ck_assert_str_eq(tl[6].actor_name, "Dewi Helpdesk");
	free(tl);
}
END_TEST

/* Steps 2 and 3 carry the Kadis's and Kabid's instruction and urgency; the timeline gives them
 * back. A bad instruction or urgency writes nothing; other actions cannot take one. */
START_TEST(test_disposition_keeps_its_instruction_and_urgency)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	char *long_text = malloc(AKSES_NOTE_CHARS + 2);
	ck_assert(long_text != NULL);
	memset(long_text, 'a', AKSES_NOTE_CHARS + 1);
	long_text[AKSES_NOTE_CHARS + 1] = '\0';
	struct akses_disposition bad = {long_text, URGENCY_SEGERA};
	ck_assert_int_eq(store_dispose(w.st, n, WF_DISPOSE_KADIS, w.kadis, NULL, &bad),
	                 AKSES_E_TOO_LONG);
	free(long_text);
	struct akses_disposition odd = {"ok", URGENCY_COUNT};
	ck_assert_int_eq(store_dispose(w.st, n, WF_DISPOSE_KADIS, w.kadis, NULL, &odd),
	                 AKSES_E_INVALID_ARG);
	ck_assert_int_eq(store_dispose(w.st, n, WF_VERIFY, w.kadis, NULL, NULL),
	                 AKSES_E_INVALID_ARG);
	ck_assert_int_eq(world_state(&w, n), RS_SUBMITTED);
	ck_assert_int_eq(rows_of("step", n), 1);

	struct akses_disposition kadis = {"Mohon diproses segera.\nCek kelengkapan NIK.",
	                                  URGENCY_SEGERA};
	ck_assert_int_eq(store_dispose(w.st, n, WF_DISPOSE_KADIS, w.kadis, NULL, &kadis),
	                 AKSES_OK);
	/* the Kabid gives an urgency only; store_act leaves both empty */
	struct akses_disposition kabid = {NULL, URGENCY_RAHASIA};
	ck_assert_int_eq(store_dispose(w.st, n, WF_DISPOSE_KABID, w.kabid, "catatan", &kabid),
	                 AKSES_OK);
	ck_assert_int_eq(store_act(w.st, n, WF_VERIFY, w.koord, NULL), AKSES_OK);
	struct akses_step_rec *tl = NULL;
	int nt = 0;
	ck_assert_int_eq(store_timeline(w.st, n, &tl, &nt), AKSES_OK);
	ck_assert_int_eq(nt, 4);
	ck_assert_str_eq(tl[1].instruction, "Mohon diproses segera.\nCek kelengkapan NIK.");
	ck_assert_int_eq(tl[1].urgency, URGENCY_SEGERA);
	ck_assert_str_eq(tl[2].instruction, "");
	ck_assert_str_eq(tl[2].note, "catatan");
	ck_assert_int_eq(tl[2].urgency, URGENCY_RAHASIA);
	ck_assert_str_eq(tl[3].instruction, "");
	ck_assert_int_eq(tl[3].urgency, URGENCY_NONE);
	free(tl);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'dispose-kadis'"
	                               " AND detail = 'step=2 urgency=segera'"),
	                 1);
}
END_TEST

START_TEST(test_step_durations_run_from_the_previous_step)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	tu_set_now("2026-12-01 08:02");
	ck_assert_int_eq(store_act(w.st, n, WF_DISPOSE_KADIS, w.kadis, NULL), AKSES_OK);
	tu_set_now("2026-12-01 08:12");
	ck_assert_int_eq(store_act(w.st, n, WF_DISPOSE_KABID, w.kabid, NULL), AKSES_OK);
	struct akses_step_rec *tl = NULL;
	int nt = 0;
	ck_assert_int_eq(store_timeline(w.st, n, &tl, &nt), AKSES_OK);
	ck_assert_int_eq(nt, 3);
	ck_assert_int_eq(tl[0].duration_s, 120); /* world_input started the form 2 minutes early */
	ck_assert_int_eq(tl[1].duration_s, 120);
	ck_assert_int_eq(tl[2].duration_s, 600);
	ck_assert_int_eq(tl[2].standard_s, 180);
	ck_assert_int_eq(tl[2].at, tu_time("2026-12-01 08:12"));
	free(tl);
}
END_TEST

/* ---- every step against every role and state ------------------------------------------------ */

/* Who may take each step, and from where: the SOP table written out independently of wf.c. */
struct legal {
	wf_action action;
	akses_role role;
	req_state from;
};
static const struct legal legal_steps[] = {
    {WF_DISPOSE_KADIS, ROLE_KADIS, RS_SUBMITTED},
    {WF_DISPOSE_KABID, ROLE_KABID, RS_DISPOSED_KADIS},
    {WF_VERIFY, ROLE_KOORDINATOR, RS_DISPOSED_KABID},
    {WF_APPROVE, ROLE_KABID, RS_VERIFIED},
    {WF_REJECT, ROLE_KABID, RS_VERIFIED},
    {WF_ASSIGN, ROLE_KOORDINATOR, RS_APPROVED},
    {WF_RECORD, ROLE_HELPDESK, RS_ASSIGNED},
    {WF_REPORT, ROLE_HELPDESK, RS_VISITED},
    {WF_FORWARD_KOORD, ROLE_KOORDINATOR, RS_REPORTED},
    {WF_FORWARD_KABID, ROLE_KABID, RS_FORWARDED_KOORD},
    {WF_RECEIVE, ROLE_KADIS, RS_FORWARDED_KABID},
    {WF_VISIT_END, ROLE_NONE, RS_NONE}, /* the system's: no person may */
    {WF_EXPIRE, ROLE_NONE, RS_NONE},    /* the system's: no person may */
};

/* Take an action through the store's own entry point for it. */
static akses_status take(const char *number, wf_action a, int64_t actor)
{
	switch (a) {
	case WF_ASSIGN:
		return store_assign(w.st, number, actor, w.teknis);
	case WF_REPORT:
		return store_report_write(w.st, number, actor, "Kunjungan selesai tanpa kendala.");
	case WF_REJECT:
		return store_act(w.st, number, a, actor, "Dokumen tidak lengkap");
	default:
		return store_act(w.st, number, a, actor, NULL);
	}
}

START_TEST(test_every_step_is_refused_to_every_other_role_and_state_without_a_trace)
{
	/* one request in each state the YES branch reaches without door scans */
	const req_state states[] = {RS_SUBMITTED, RS_DISPOSED_KADIS, RS_DISPOSED_KABID, RS_VERIFIED,
	                            RS_APPROVED,  RS_ASSIGNED,       RS_RECORDED};
	enum { NS = sizeof states / sizeof states[0] };
	char numbers[NS][AKSES_NUMBER_BUF];
	for (int i = 0; i < NS; i++) {
		world_submit(&w, START, END, 1, numbers[i]);
		world_advance(&w, numbers[i], states[i]);
	}
	const struct {
		int64_t id;
		akses_role role;
	} staff[] = {{w.admin, ROLE_ADMIN},       {w.kadis, ROLE_KADIS},
	             {w.kabid, ROLE_KABID},       {w.koord, ROLE_KOORDINATOR},
	             {w.teknis, ROLE_TIM_TEKNIS}, {w.helpdesk, ROLE_HELPDESK}};
	char *before = world_dump(&w);
	int refused = 0;
	for (size_t a = 0; a < sizeof legal_steps / sizeof legal_steps[0]; a++) {
		const struct legal *l = &legal_steps[a];
		for (size_t p = 0; p < sizeof staff / sizeof staff[0]; p++) {
			for (int s = 0; s < NS; s++) {
				bool role_ok = staff[p].role == l->role;
				if (role_ok && states[s] == l->from)
					continue; /* the legal move: the YES branch takes those */
				akses_status want = role_ok ? AKSES_E_STATE : AKSES_E_ROLE;
				akses_status got = take(numbers[s], l->action, staff[p].id);
				ck_assert_msg(got == want, "%s by %s from %s: %d, want %d",
				              wf_get(l->action)->code, wf_role_code(staff[p].role),
				              wf_state_code(states[s]), got, want);
				refused++;
			}
		}
	}
	ck_assert_int_gt(refused, 500);
	char *after = world_dump(&w);
	ck_assert_msg(strcmp(before, after) == 0, "a refused action changed the DB");
	free(before);
	free(after);
	/* and each legal move from these states still works afterwards */
	ck_assert_int_eq(take(numbers[0], WF_DISPOSE_KADIS, w.kadis), AKSES_OK);
	ck_assert_int_eq(take(numbers[3], WF_REJECT, w.kabid), AKSES_OK);
}
END_TEST

START_TEST(test_unknown_or_disabled_actor_and_unknown_request_are_refused)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	char *before = world_dump(&w);
	ck_assert_int_eq(store_act(w.st, n, WF_DISPOSE_KADIS, 9999, NULL), AKSES_E_STAFF_NOT_FOUND);
	ck_assert_int_eq(store_act(w.st, "AKS-20261201-0999", WF_DISPOSE_KADIS, w.kadis, NULL),
	                 AKSES_E_REQUEST_NOT_FOUND);
	ck_assert_int_eq(store_act(w.st, "AKS-2026-1", WF_DISPOSE_KADIS, w.kadis, NULL),
	                 AKSES_E_REQUEST_NUMBER);
	ck_assert_int_eq(store_act(w.st, n, WF_SUBMIT, w.kadis, NULL), AKSES_E_INVALID_ARG);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_int_eq(store_staff_disable(w.st, w.admin, w.kadis), AKSES_OK);
	ck_assert_int_eq(store_act(w.st, n, WF_DISPOSE_KADIS, w.kadis, NULL),
	                 AKSES_E_STAFF_DISABLED);
	ck_assert_int_eq(world_state(&w, n), RS_SUBMITTED);
	/* a number typed in lowercase is the same request */
	char lower[AKSES_NUMBER_BUF];
	for (size_t i = 0; i < sizeof lower; i++)
		lower[i] = (char)((n[i] >= 'A' && n[i] <= 'Z') ? n[i] - 'A' + 'a' : n[i]);
	ck_assert_int_eq(
	    store_staff_add(w.st, w.admin, "Kadis Pengganti", ROLE_KADIS, "567890", NULL), AKSES_OK);
	int64_t kadis2 = world_int(&w, "SELECT max(id) FROM staff");
	ck_assert_int_eq(store_act(w.st, lower, WF_DISPOSE_KADIS, kadis2, NULL), AKSES_OK);
	ck_assert_int_eq(world_state(&w, n), RS_DISPOSED_KADIS);
}
END_TEST

/* ---- step 5 NO --------------------------------------------------------------------------------*/

START_TEST(test_rejection_needs_a_reason_the_applicant_can_read)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 1, n);
	world_advance(&w, n, RS_VERIFIED);
	char *before = world_dump(&w);
	ck_assert_int_eq(store_act(w.st, n, WF_REJECT, w.kabid, NULL), AKSES_E_REQUIRED);
	ck_assert_int_eq(store_act(w.st, n, WF_REJECT, w.kabid, ""), AKSES_E_REQUIRED);
	ck_assert_int_eq(store_act(w.st, n, WF_REJECT, w.kabid, "   "), AKSES_E_REQUIRED);
	char long_note[AKSES_NOTE_CHARS + 2];
	memset(long_note, 'x', sizeof long_note - 1);
	long_note[sizeof long_note - 1] = '\0';
	ck_assert_int_eq(store_act(w.st, n, WF_REJECT, w.kabid, long_note), AKSES_E_TOO_LONG);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);

	const char *reason = "Jadwal bentrok dengan pemeliharaan UPS; ajukan ulang minggu depan.";
	ck_assert_int_eq(store_act(w.st, n, WF_REJECT, w.kabid, reason), AKSES_OK);
	struct akses_request *r = malloc(sizeof *r);
	ck_assert_int_eq(store_lookup(w.st, n, WORLD_PHONE_LAST4, "KIOSK-1", r), AKSES_OK);
	ck_assert_int_eq(r->state, RS_REJECTED);
	ck_assert_int_eq(r->last_step, 5);
	ck_assert_str_eq(r->reason, reason);
	free(r);
	/* final: nothing more happens to it, and no pass was ever issued */
	ck_assert_int_eq(store_assign(w.st, n, w.koord, w.teknis), AKSES_E_STATE);
	ck_assert_int_eq(store_act(w.st, n, WF_APPROVE, w.kabid, NULL), AKSES_E_STATE);
	ck_assert_int_eq(store_cancel_applicant(w.st, n, WORLD_PHONE_LAST4, "KIOSK-1"), AKSES_E_STATE);
	ck_assert_int_eq(rows_of("pass", n), 0);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'reject' AND"
	                               " detail = 'step=5 decision=reject'"),
	                 1);
}
END_TEST

/* ---- step 6 --------------------------------------------------------------------------------- */

START_TEST(test_escort_must_be_an_active_tim_teknis)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	world_advance(&w, n, RS_APPROVED);
	ck_assert_int_eq(store_staff_disable(w.st, w.admin, w.teknis2), AKSES_OK);
	char *before = world_dump(&w);
	ck_assert_int_eq(store_assign(w.st, n, w.koord, w.helpdesk), AKSES_E_ESCORT);
	ck_assert_int_eq(store_assign(w.st, n, w.koord, w.koord), AKSES_E_ESCORT);
	ck_assert_int_eq(store_assign(w.st, n, w.koord, w.teknis2), AKSES_E_ESCORT);
	ck_assert_int_eq(store_assign(w.st, n, w.koord, 4242), AKSES_E_ESCORT);
	ck_assert_int_eq(store_assign(w.st, n, w.kabid, w.teknis), AKSES_E_ROLE);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_int_eq(store_assign(w.st, n, w.koord, w.teknis), AKSES_OK);
	struct akses_request *r = get(n);
	ck_assert_int_eq(r->state, RS_ASSIGNED);
	ck_assert_int_eq(r->escort_id, w.teknis);
	free(r);
	/* the audit names the escort by id only */
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'assign' AND"
	                               " detail LIKE 'step=6 escort=staff:%'"),
	                 1);
}
END_TEST

/* ---- cancellation --------------------------------------------------------------------------- */

START_TEST(test_applicant_cancels_with_the_right_phone_digits_only)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	world_advance(&w, n, RS_DISPOSED_KABID);
	char *before = world_dump_except(&w, "lookup_attempt");
	ck_assert_int_eq(store_cancel_applicant(w.st, n, "7891", "KIOSK-1"), AKSES_E_LOOKUP);
	ck_assert_int_eq(store_cancel_applicant(w.st, "AKS-20261201-0777", WORLD_PHONE_LAST4, "KIOSK-1"),
	                 AKSES_E_LOOKUP);
	ck_assert_int_eq(store_cancel_applicant(w.st, n, "78a0", "KIOSK-1"), AKSES_E_PHONE_DIGITS);
	ck_assert_int_eq(store_cancel_applicant(w.st, n, "78901", "KIOSK-1"), AKSES_E_PHONE_DIGITS);
	char *after = world_dump_except(&w, "lookup_attempt");
	/* the two wrong tries are recorded (the malformed digits are no try) */
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM lookup_attempt WHERE outcome = 'fail'"),
	                 2);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_int_eq(store_cancel_applicant(w.st, n, WORLD_PHONE_LAST4, "KIOSK-1"), AKSES_OK);
	struct akses_request *r = get(n);
	ck_assert_int_eq(r->state, RS_CANCELLED);
	ck_assert_int_eq(r->last_step, 3); /* keeps the last step it reached */
	free(r);
	ck_assert_int_eq(store_cancel_applicant(w.st, n, WORLD_PHONE_LAST4, "KIOSK-1"), AKSES_E_STATE);
	ck_assert_int_eq(store_act(w.st, n, WF_VERIFY, w.koord, NULL), AKSES_E_STATE);
	struct akses_step_rec *tl = NULL;
	int nt = 0;
	ck_assert_int_eq(store_timeline(w.st, n, &tl, &nt), AKSES_OK);
	ck_assert_int_eq(tl[nt - 1].action, WF_CANCEL);
	ck_assert_int_eq(tl[nt - 1].role, ROLE_NONE);
	ck_assert_int_eq(tl[nt - 1].actor_id, 0);
	free(tl);
}
END_TEST

START_TEST(test_cancel_after_recording_is_refused)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 1, n);
	world_advance(&w, n, RS_RECORDED);
	char *before = world_dump_except(&w, "lookup_attempt");
	ck_assert_int_eq(store_cancel_applicant(w.st, n, WORLD_PHONE_LAST4, "KIOSK-1"), AKSES_E_STATE);
	ck_assert_int_eq(store_cancel(w.st, n, w.koord, "Permintaan pemohon"), AKSES_E_STATE);
	char *after = world_dump_except(&w, "lookup_attempt");
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
}
END_TEST

START_TEST(test_koordinator_cancels_with_a_reason_others_cannot)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	world_advance(&w, n, RS_ASSIGNED);
	char *before = world_dump(&w);
	ck_assert_int_eq(store_cancel(w.st, n, w.kabid, "alasan"), AKSES_E_ROLE);
	ck_assert_int_eq(store_cancel(w.st, n, w.helpdesk, "alasan"), AKSES_E_ROLE);
	ck_assert_int_eq(store_cancel(w.st, n, w.admin, "alasan"), AKSES_E_ROLE);
	ck_assert_int_eq(store_cancel(w.st, n, w.koord, NULL), AKSES_E_REQUIRED);
	ck_assert_int_eq(store_cancel(w.st, n, w.koord, " "), AKSES_E_REQUIRED);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_int_eq(store_cancel(w.st, n, w.koord, "Teknisi berhalangan"), AKSES_OK);
	struct akses_request *r = get(n);
	ck_assert_int_eq(r->state, RS_CANCELLED);
	ck_assert_str_eq(r->reason, "Teknisi berhalangan");
	free(r);
	/* store_act with WF_CANCEL is the same door */
	char m[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, m);
	ck_assert_int_eq(store_act(w.st, m, WF_CANCEL, w.koord, "Duplikat"), AKSES_OK);
	ck_assert_int_eq(world_state(&w, m), RS_CANCELLED);
}
END_TEST

START_TEST(test_cancel_works_from_every_state_before_recording_and_none_after)
{
	const req_state open_states[] = {RS_SUBMITTED, RS_DISPOSED_KADIS, RS_DISPOSED_KABID,
	                                 RS_VERIFIED,  RS_APPROVED,       RS_ASSIGNED};
	for (size_t i = 0; i < sizeof open_states / sizeof open_states[0]; i++) {
		char a[AKSES_NUMBER_BUF], k[AKSES_NUMBER_BUF];
		world_submit(&w, START, END, 0, a);
		world_submit(&w, START, END, 0, k);
		world_advance(&w, a, open_states[i]);
		world_advance(&w, k, open_states[i]);
		const int64_t others[] = {w.admin, w.kadis, w.kabid, w.teknis, w.helpdesk};
		for (size_t p = 0; p < sizeof others / sizeof others[0]; p++)
			ck_assert_int_eq(store_cancel(w.st, k, others[p], "alasan"), AKSES_E_ROLE);
		ck_assert_int_eq(store_cancel_applicant(w.st, a, WORLD_PHONE_LAST4, "KIOSK-1"), AKSES_OK);
		ck_assert_int_eq(store_cancel(w.st, k, w.koord, "Dibatalkan koordinator"),
		                 AKSES_OK);
		ck_assert_int_eq(world_state(&w, a), RS_CANCELLED);
		ck_assert_int_eq(world_state(&w, k), RS_CANCELLED);
	}
	/* final states and recorded requests cannot be cancelled by anyone */
	char rec[AKSES_NUMBER_BUF], rej[AKSES_NUMBER_BUF], exp[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, rec);
	world_advance(&w, rec, RS_RECORDED);
	world_submit(&w, START, END, 0, rej);
	world_advance(&w, rej, RS_VERIFIED);
	ck_assert_int_eq(store_act(w.st, rej, WF_REJECT, w.kabid, "Tidak"), AKSES_OK);
	world_submit(&w, "2026-12-01 08:30", "2026-12-01 09:00", 0, exp);
	tu_set_now("2026-12-01 09:00");
	ck_assert_int_eq(store_expire_stale(w.st, NULL), AKSES_OK);
	ck_assert_int_eq(world_state(&w, exp), RS_EXPIRED);
	const char *done[] = {rec, rej, exp};
	char *before = world_dump_except(&w, "lookup_attempt");
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(store_cancel_applicant(w.st, done[i], WORLD_PHONE_LAST4, "KIOSK-1"),
		                 AKSES_E_STATE);
		ck_assert_int_eq(store_cancel(w.st, done[i], w.koord, "alasan"), AKSES_E_STATE);
	}
	char *after = world_dump_except(&w, "lookup_attempt");
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
}
END_TEST

/* ---- expiry --------------------------------------------------------------------------------- */

START_TEST(test_undecided_requests_expire_when_their_window_ends)
{
	char a[AKSES_NUMBER_BUF], b[AKSES_NUMBER_BUF], c[AKSES_NUMBER_BUF], d[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, a);
	world_submit(&w, START, END, 0, b);
	world_advance(&w, b, RS_VERIFIED);
	world_submit(&w, START, END, 0, c);
	world_advance(&w, c, RS_APPROVED); /* decided: does not expire */
	world_submit(&w, "2026-12-01 13:00", "2026-12-01 15:00", 0, d); /* later window */
	int n = -1;
	ck_assert_int_eq(store_expire_stale(w.st, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);

	tu_set_now("2026-12-01 12:00");
	struct akses_request_summary *list = NULL;
	int nl = 0;
	ck_assert_int_eq(store_request_list(w.st, RS_EXPIRED, &list, &nl), AKSES_OK);
	ck_assert_int_eq(nl, 2);
	free(list);
	ck_assert_int_eq(world_state(&w, a), RS_EXPIRED);
	ck_assert_int_eq(world_state(&w, b), RS_EXPIRED);
	ck_assert_int_eq(world_state(&w, c), RS_APPROVED);
	ck_assert_int_eq(world_state(&w, d), RS_SUBMITTED);
	struct akses_request *r = get(b);
	ck_assert_int_eq(r->last_step, 4);
	free(r);
	struct akses_step_rec *tl = NULL;
	int nt = 0;
	ck_assert_int_eq(store_timeline(w.st, a, &tl, &nt), AKSES_OK);
	ck_assert_int_eq(nt, 2);
	ck_assert_int_eq(tl[1].action, WF_EXPIRE);
	ck_assert_int_eq(tl[1].actor_id, 0);
	free(tl);
	ck_assert_int_eq(store_act(w.st, b, WF_APPROVE, w.kabid, NULL), AKSES_E_STATE);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'expire'"), 2);
	/* a second sweep finds nothing more */
	ck_assert_int_eq(store_expire_stale(w.st, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	tu_set_now("2026-12-01 15:30");
	ck_assert_int_eq(store_expire_stale(w.st, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(world_state(&w, d), RS_EXPIRED);
}
END_TEST

START_TEST(test_a_late_decision_or_lookup_finds_the_request_expired)
{
	char a[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, a);
	world_advance(&w, a, RS_VERIFIED);
	struct akses_request_input in;
	struct akses_submit_result res;
	world_input(&in, START, END, 0);
	ck_assert_int_eq(store_submit(w.st, &in, &res, NULL, NULL), AKSES_OK);
	/* no list has swept since the window ended */
	tu_set_now("2026-12-01 12:01");
	ck_assert_int_eq(store_act(w.st, a, WF_APPROVE, w.kabid, NULL), AKSES_E_STATE);
	ck_assert_int_eq(world_state(&w, a), RS_EXPIRED);
	ck_assert_int_eq(world_state(&w, res.number), RS_EXPIRED);
	/* and one swept by the visitor's own lookup */
	char c[AKSES_NUMBER_BUF];
	tu_set_now("2026-12-01 12:05");
	world_submit(&w, "2026-12-01 12:10", "2026-12-01 12:40", 0, c);
	tu_set_now("2026-12-01 12:40");
	struct akses_request *r = malloc(sizeof *r);
	ck_assert_int_eq(store_lookup(w.st, c, WORLD_PHONE_LAST4, "KIOSK-1", r), AKSES_OK);
	ck_assert_int_eq(r->state, RS_EXPIRED);
	ck_assert_int_eq(r->last_step, 1);
	free(r);
}
END_TEST

/* ---- steps 9 to 12 -------------------------------------------------------------------------- */

START_TEST(test_no_show_report_chain_closes_the_request)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	world_advance(&w, n, RS_RECORDED);
	/* during the window the visit may still happen: no report yet */
	ck_assert_int_eq(store_report_write(w.st, n, w.helpdesk, "Tidak hadir"), AKSES_E_STATE);
	tu_set_now("2026-12-01 12:30");
	char *before = world_dump(&w);
	ck_assert_int_eq(store_report_write(w.st, n, w.koord, "Tidak hadir"), AKSES_E_ROLE);
	ck_assert_int_eq(store_report_write(w.st, n, w.helpdesk, NULL), AKSES_E_REQUIRED);
	ck_assert_int_eq(store_report_write(w.st, n, w.helpdesk, "  \n "), AKSES_E_REQUIRED);
	ck_assert_int_eq(store_report_write(w.st, n, w.helpdesk, "bad\x01text"),
	                 AKSES_E_CONTROL_CHAR);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	const char *text = "Pemohon tidak hadir pada jadwal.\nPass tidak digunakan.";
	ck_assert_int_eq(store_report_write(w.st, n, w.helpdesk, text), AKSES_OK);
	ck_assert_int_eq(store_act(w.st, n, WF_FORWARD_KABID, w.kabid, NULL), AKSES_E_STATE);
	ck_assert_int_eq(store_act(w.st, n, WF_FORWARD_KOORD, w.koord, NULL), AKSES_OK);
	ck_assert_int_eq(store_act(w.st, n, WF_FORWARD_KABID, w.kabid, NULL), AKSES_OK);
	ck_assert_int_eq(store_act(w.st, n, WF_RECEIVE, w.kabid, NULL), AKSES_E_ROLE);
	ck_assert_int_eq(store_act(w.st, n, WF_RECEIVE, w.kadis, NULL), AKSES_OK);
	struct akses_request *r = get(n);
	ck_assert_int_eq(r->state, RS_CLOSED);
	ck_assert_int_eq(r->last_step, 12);
	ck_assert_str_eq(r->report, text);
	free(r);
	ck_assert_int_eq(world_int(&w, "SELECT final_at FROM request"),
	                 tu_time("2026-12-01 12:30"));
	ck_assert_int_eq(store_act(w.st, n, WF_RECEIVE, w.kadis, NULL), AKSES_E_STATE);
	struct akses_step_rec *tl = NULL;
	int nt = 0;
	ck_assert_int_eq(store_timeline(w.st, n, &tl, &nt), AKSES_OK);
	ck_assert_int_eq(nt, 11);
	ck_assert_int_eq(tl[7].step, 9);
	ck_assert_int_eq(tl[10].step, 12);
	ck_assert_int_eq(tl[10].standard_s, 300);
	free(tl);
}
END_TEST

/* ---- inbox ---------------------------------------------------------------------------------- */

START_TEST(test_inbox_shows_each_role_what_waits_for_it_oldest_first)
{
	char a[AKSES_NUMBER_BUF], b[AKSES_NUMBER_BUF], c[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, a);
	tu_set_now("2026-12-01 08:05");
	world_submit(&w, START, END, 0, b);
	world_submit(&w, START, END, 0, c);
	tu_set_now("2026-12-01 08:10");
	world_advance(&w, c, RS_DISPOSED_KADIS);

	struct akses_request_summary *box = NULL;
	int n = 0;
	ck_assert_int_eq(store_inbox(w.st, w.kadis, &box, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(box[0].number, a);
	ck_assert_str_eq(box[1].number, b);
	ck_assert_int_eq(box[0].next_step, 2);
	ck_assert_int_eq(box[0].waiting_since, tu_time("2026-12-01 08:00"));
	ck_assert_int_eq(box[0].due_at, tu_time("2026-12-01 08:03"));
	ck_assert_str_eq(box[0].name, WORLD_NAME);
	free(box);
	ck_assert_int_eq(store_inbox(w.st, w.kabid, &box, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(box[0].number, c);
	ck_assert_int_eq(box[0].next_step, 3);
	ck_assert_int_eq(box[0].waiting_since, tu_time("2026-12-01 08:10"));
	free(box);
	ck_assert_int_eq(store_inbox(w.st, w.helpdesk, &box, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(box);
	ck_assert_int_eq(store_inbox(w.st, w.admin, &box, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(box);
	ck_assert_int_eq(store_inbox(w.st, 777, &box, &n), AKSES_E_STAFF_NOT_FOUND);

	/* a recorded visit waits for its own escort only */
	world_advance(&w, c, RS_RECORDED);
	ck_assert_int_eq(store_inbox(w.st, w.teknis, &box, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(box[0].next_step, 7);
	free(box);
	ck_assert_int_eq(store_inbox(w.st, w.teknis2, &box, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(box);

	/* the list shows all, newest first, with the same summaries */
	ck_assert_int_eq(store_request_list(w.st, RS_NONE, &box, &n), AKSES_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(box[0].number, c);
	ck_assert_str_eq(box[2].number, a);
	ck_assert_int_eq(box[0].state, RS_RECORDED);
	ck_assert_int_eq(box[0].last_step, 6);
	free(box);
}
END_TEST

static Suite *flow_suite(void)
{
	Suite *s = suite_create("store_flow");
	TCase *tc = tcase_create("flow");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc,
	               test_yes_branch_moves_one_step_at_a_time_and_records_passes_for_everyone);
	tcase_add_test(tc, test_step_durations_run_from_the_previous_step);
	tcase_add_test(tc, test_disposition_keeps_its_instruction_and_urgency);
	tcase_add_test(tc,
	               test_every_step_is_refused_to_every_other_role_and_state_without_a_trace);
	tcase_add_test(tc, test_unknown_or_disabled_actor_and_unknown_request_are_refused);
	tcase_add_test(tc, test_rejection_needs_a_reason_the_applicant_can_read);
	tcase_add_test(tc, test_escort_must_be_an_active_tim_teknis);
	tcase_add_test(tc, test_applicant_cancels_with_the_right_phone_digits_only);
	tcase_add_test(tc, test_cancel_after_recording_is_refused);
	tcase_add_test(tc, test_koordinator_cancels_with_a_reason_others_cannot);
	tcase_add_test(tc, test_cancel_works_from_every_state_before_recording_and_none_after);
	tcase_add_test(tc, test_undecided_requests_expire_when_their_window_ends);
	tcase_add_test(tc, test_a_late_decision_or_lookup_finds_the_request_expired);
	tcase_add_test(tc, test_no_show_report_chain_closes_the_request);
	tcase_add_test(tc, test_inbox_shows_each_role_what_waits_for_it_oldest_first);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	world_init();
	SRunner *sr = srunner_create(flow_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
