/* test_wf.c - the SOP state machine: every action x role x state against an independently written
 * list of the legal moves, plus steps, standards, inbox data, codes and labels. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "wf.h"

/* The SOP table written out again, by hand, as (action, role, from) triples. */
struct legal {
	wf_action a;
	akses_role role;
	req_state from;
	bool needs_window_over;
};

static const struct legal legal_moves[] = {
    {WF_SUBMIT, ROLE_NONE, RS_NONE, false},
    {WF_DISPOSE_KADIS, ROLE_KADIS, RS_SUBMITTED, false},
    {WF_DISPOSE_KABID, ROLE_KABID, RS_DISPOSED_KADIS, false},
    {WF_VERIFY, ROLE_KOORDINATOR, RS_DISPOSED_KABID, false},
    {WF_APPROVE, ROLE_KABID, RS_VERIFIED, false},
    {WF_REJECT, ROLE_KABID, RS_VERIFIED, false},
    {WF_ASSIGN, ROLE_KOORDINATOR, RS_APPROVED, false},
    {WF_RECORD, ROLE_HELPDESK, RS_ASSIGNED, false},
    {WF_REPORT, ROLE_HELPDESK, RS_VISITED, false},
    {WF_REPORT, ROLE_HELPDESK, RS_RECORDED, true}, /* a no-show, once the window is over */
    {WF_FORWARD_KOORD, ROLE_KOORDINATOR, RS_REPORTED, false},
    {WF_FORWARD_KABID, ROLE_KABID, RS_FORWARDED_KOORD, false},
    {WF_RECEIVE, ROLE_KADIS, RS_FORWARDED_KABID, false},
    {WF_CANCEL, ROLE_NONE, RS_SUBMITTED, false},
    {WF_CANCEL, ROLE_NONE, RS_DISPOSED_KADIS, false},
    {WF_CANCEL, ROLE_NONE, RS_DISPOSED_KABID, false},
    {WF_CANCEL, ROLE_NONE, RS_VERIFIED, false},
    {WF_CANCEL, ROLE_NONE, RS_APPROVED, false},
    {WF_CANCEL, ROLE_NONE, RS_ASSIGNED, false},
    {WF_CANCEL, ROLE_KOORDINATOR, RS_SUBMITTED, false},
    {WF_CANCEL, ROLE_KOORDINATOR, RS_DISPOSED_KADIS, false},
    {WF_CANCEL, ROLE_KOORDINATOR, RS_DISPOSED_KABID, false},
    {WF_CANCEL, ROLE_KOORDINATOR, RS_VERIFIED, false},
    {WF_CANCEL, ROLE_KOORDINATOR, RS_APPROVED, false},
    {WF_CANCEL, ROLE_KOORDINATOR, RS_ASSIGNED, false},
};

/* Which roles may take an action at all (from some state). VISIT_END and EXPIRE: nobody. */
static bool role_owns(wf_action a, akses_role r)
{
	for (size_t i = 0; i < sizeof legal_moves / sizeof legal_moves[0]; i++) {
		if (legal_moves[i].a == a && legal_moves[i].role == r)
			return true;
	}
	return false;
}

static bool is_legal(wf_action a, akses_role r, req_state s, bool window_over)
{
	for (size_t i = 0; i < sizeof legal_moves / sizeof legal_moves[0]; i++) {
		const struct legal *l = &legal_moves[i];
		if (l->a == a && l->role == r && l->from == s &&
		    (!l->needs_window_over || window_over))
			return true;
	}
	return false;
}

START_TEST(test_every_action_role_state_matches_the_sop_table)
{
	int legal_seen = 0;
	for (int wo = 0; wo <= 1; wo++) {
		for (int a = WF_NONE + 1; a < WF_COUNT; a++) {
			for (int r = ROLE_NONE; r < ROLE_COUNT; r++) {
				for (int s = RS_NONE; s < RS_COUNT; s++) {
					akses_status want = !role_owns(a, r)        ? AKSES_E_ROLE
					                    : is_legal(a, r, s, wo) ? AKSES_OK
					                                            : AKSES_E_STATE;
					akses_status got = wf_check(a, r, s, wo);
					ck_assert_msg(got == want,
					              "action %s role %s state %s window_over %d: "
					              "got %d want %d",
					              wf_get(a)->code, wf_role_code(r),
					              wf_state_code(s), wo, got, want);
					if (got == AKSES_OK)
						legal_seen++;
				}
			}
		}
	}
	/* 24 moves without the no-show report, each seen twice, plus the no-show once. */
	ck_assert_int_eq(legal_seen, 24 * 2 + 1);
}
END_TEST

START_TEST(test_admin_may_take_no_sop_action)
{
	for (int a = WF_NONE + 1; a < WF_COUNT; a++) {
		for (int s = RS_NONE; s < RS_COUNT; s++)
			ck_assert_int_eq(wf_check(a, ROLE_ADMIN, s, true), AKSES_E_ROLE);
	}
	wf_action out[WF_COUNT];
	for (int s = RS_NONE; s < RS_COUNT; s++)
		ck_assert_int_eq(wf_actions_for(ROLE_ADMIN, s, false, out, WF_COUNT), 0);
}
END_TEST

START_TEST(test_system_actions_are_refused_to_every_person)
{
	for (int r = ROLE_NONE; r < ROLE_COUNT; r++) {
		ck_assert_int_eq(wf_check(WF_VISIT_END, r, RS_ON_SITE, false), AKSES_E_ROLE);
		ck_assert_int_eq(wf_check(WF_EXPIRE, r, RS_SUBMITTED, true), AKSES_E_ROLE);
	}
}
END_TEST

START_TEST(test_wrong_role_is_reported_before_wrong_state)
{
	/* A helpdesk clerk trying to approve a request that is not even verified: the role is the
	 * problem the clerk must hear about. */
	ck_assert_int_eq(wf_check(WF_APPROVE, ROLE_HELPDESK, RS_SUBMITTED, false), AKSES_E_ROLE);
	ck_assert_int_eq(wf_check(WF_APPROVE, ROLE_KABID, RS_SUBMITTED, false), AKSES_E_STATE);
}
END_TEST

START_TEST(test_rejected_request_cannot_be_assigned_or_cancelled)
{
	ck_assert_int_eq(wf_check(WF_ASSIGN, ROLE_KOORDINATOR, RS_REJECTED, false), AKSES_E_STATE);
	ck_assert_int_eq(wf_check(WF_CANCEL, ROLE_KOORDINATOR, RS_REJECTED, false), AKSES_E_STATE);
	ck_assert_int_eq(wf_check(WF_CANCEL, ROLE_NONE, RS_RECORDED, false), AKSES_E_STATE);
	ck_assert(wf_state_final(RS_REJECTED));
}
END_TEST

START_TEST(test_unknown_action_is_an_invalid_argument)
{
	ck_assert_ptr_null(wf_get(WF_NONE));
	ck_assert_ptr_null(wf_get(WF_COUNT));
	ck_assert_int_eq(wf_check(WF_NONE, ROLE_KADIS, RS_SUBMITTED, false), AKSES_E_INVALID_ARG);
	ck_assert_int_eq(wf_check(WF_COUNT, ROLE_KADIS, RS_SUBMITTED, false), AKSES_E_INVALID_ARG);
}
END_TEST

/* Step numbers, roles, targets and time standards of each transition, as the SOP sheet says. */
START_TEST(test_transitions_carry_sop_step_role_target_and_standard)
{
	static const struct {
		wf_action a;
		int step;
		akses_role role;
		req_state to;
		int standard;
		const char *code;
	} want[] = {
	    {WF_SUBMIT, 1, ROLE_NONE, RS_SUBMITTED, 180, "submit"},
	    {WF_DISPOSE_KADIS, 2, ROLE_KADIS, RS_DISPOSED_KADIS, 180, "dispose-kadis"},
	    {WF_DISPOSE_KABID, 3, ROLE_KABID, RS_DISPOSED_KABID, 180, "dispose-kabid"},
	    {WF_VERIFY, 4, ROLE_KOORDINATOR, RS_VERIFIED, 180, "verify"},
	    {WF_APPROVE, 5, ROLE_KABID, RS_APPROVED, 180, "approve"},
	    {WF_REJECT, 5, ROLE_KABID, RS_REJECTED, 180, "reject"},
	    {WF_ASSIGN, 6, ROLE_KOORDINATOR, RS_ASSIGNED, 180, "assign"},
	    {WF_RECORD, 6, ROLE_HELPDESK, RS_RECORDED, 180, "record"},
	    {WF_VISIT_END, 7, ROLE_TIM_TEKNIS, RS_VISITED, 180, "visit-end"},
	    {WF_REPORT, 9, ROLE_HELPDESK, RS_REPORTED, 180, "report"},
	    {WF_FORWARD_KOORD, 10, ROLE_KOORDINATOR, RS_FORWARDED_KOORD, 180, "forward-koord"},
	    {WF_FORWARD_KABID, 11, ROLE_KABID, RS_FORWARDED_KABID, 300, "forward-kabid"},
	    {WF_RECEIVE, 12, ROLE_KADIS, RS_CLOSED, 300, "receive"},
	    {WF_CANCEL, 0, ROLE_KOORDINATOR, RS_CANCELLED, 180, "cancel"},
	    {WF_EXPIRE, 0, ROLE_NONE, RS_EXPIRED, 180, "expire"},
	};
	ck_assert_int_eq(sizeof want / sizeof want[0], WF_COUNT - 1);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct wf_transition *t = wf_get(want[i].a);
		ck_assert_ptr_nonnull(t);
		ck_assert_int_eq(t->action, want[i].a);
		ck_assert_int_eq(t->step, want[i].step);
		if (want[i].a != WF_CANCEL && want[i].a != WF_EXPIRE)
			ck_assert_int_eq(t->role, want[i].role);
		ck_assert_int_eq(t->to, want[i].to);
		ck_assert_int_eq(t->standard_s, want[i].standard);
		ck_assert_str_eq(t->code, want[i].code);
	}
}
END_TEST

START_TEST(test_there_is_no_step_8)
{
	for (int a = WF_NONE + 1; a < WF_COUNT; a++)
		ck_assert_int_ne(wf_get(a)->step, 8);
	for (int s = RS_NONE; s < RS_COUNT; s++) {
		ck_assert_int_ne(wf_last_step_of(s), 8);
		ck_assert_int_ne(wf_next_step(s, NULL, NULL), 8);
	}
}
END_TEST

START_TEST(test_each_state_says_which_step_and_role_it_waits_for)
{
	static const struct {
		req_state s;
		int step;
		akses_role role;
		int standard;
	} want[] = {
	    {RS_SUBMITTED, 2, ROLE_KADIS, 180},
	    {RS_DISPOSED_KADIS, 3, ROLE_KABID, 180},
	    {RS_DISPOSED_KABID, 4, ROLE_KOORDINATOR, 180},
	    {RS_VERIFIED, 5, ROLE_KABID, 180},
	    {RS_APPROVED, 6, ROLE_KOORDINATOR, 180},
	    {RS_ASSIGNED, 6, ROLE_HELPDESK, 180},
	    {RS_RECORDED, 7, ROLE_TIM_TEKNIS, 180},
	    {RS_ON_SITE, 7, ROLE_TIM_TEKNIS, 180},
	    {RS_VISITED, 9, ROLE_HELPDESK, 180},
	    {RS_REPORTED, 10, ROLE_KOORDINATOR, 180},
	    {RS_FORWARDED_KOORD, 11, ROLE_KABID, 300},
	    {RS_FORWARDED_KABID, 12, ROLE_KADIS, 300},
	    {RS_REJECTED, 0, ROLE_NONE, 0},
	    {RS_CLOSED, 0, ROLE_NONE, 0},
	    {RS_CANCELLED, 0, ROLE_NONE, 0},
	    {RS_EXPIRED, 0, ROLE_NONE, 0},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		akses_role role = ROLE_ADMIN;
		int standard = -1;
		ck_assert_int_eq(wf_next_step(want[i].s, &role, &standard), want[i].step);
		ck_assert_int_eq(role, want[i].role);
		ck_assert_int_eq(standard, want[i].standard);
	}
}
END_TEST

START_TEST(test_last_completed_step_of_each_state)
{
	static const int want[RS_COUNT] = {
	    [RS_NONE] = 0,
	    [RS_SUBMITTED] = 1,
	    [RS_DISPOSED_KADIS] = 2,
	    [RS_DISPOSED_KABID] = 3,
	    [RS_VERIFIED] = 4,
	    [RS_APPROVED] = 5,
	    [RS_REJECTED] = 5,
	    [RS_ASSIGNED] = 5,
	    [RS_RECORDED] = 6,
	    [RS_ON_SITE] = 6,
	    [RS_VISITED] = 7,
	    [RS_REPORTED] = 9,
	    [RS_FORWARDED_KOORD] = 10,
	    [RS_FORWARDED_KABID] = 11,
	    [RS_CLOSED] = 12,
	    [RS_CANCELLED] = 0,
	    [RS_EXPIRED] = 0,
	};
	for (int s = RS_NONE; s < RS_COUNT; s++)
		ck_assert_msg(wf_last_step_of(s) == want[s], "state %s", wf_state_code(s));
}
END_TEST

START_TEST(test_only_rejected_closed_cancelled_expired_are_final)
{
	for (int s = RS_NONE; s < RS_COUNT; s++) {
		bool want =
		    s == RS_REJECTED || s == RS_CLOSED || s == RS_CANCELLED || s == RS_EXPIRED;
		ck_assert_msg(wf_state_final(s) == want, "state %s", wf_state_code(s));
	}
}
END_TEST

START_TEST(test_inbox_buttons_list_what_the_role_may_do_now)
{
	wf_action out[WF_COUNT];
	int n = wf_actions_for(ROLE_KABID, RS_VERIFIED, false, out, WF_COUNT);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(out[0], WF_APPROVE);
	ck_assert_int_eq(out[1], WF_REJECT);

	n = wf_actions_for(ROLE_KOORDINATOR, RS_APPROVED, false, out, WF_COUNT);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(out[0], WF_ASSIGN);
	ck_assert_int_eq(out[1], WF_CANCEL);

	ck_assert_int_eq(wf_actions_for(ROLE_KADIS, RS_VERIFIED, false, out, WF_COUNT), 0);
	ck_assert_int_eq(wf_actions_for(ROLE_TIM_TEKNIS, RS_ON_SITE, false, out, WF_COUNT), 0);
	/* max is respected */
	ck_assert_int_eq(wf_actions_for(ROLE_KABID, RS_VERIFIED, false, out, 1), 1);
	/* Every listed action passes wf_check; every state x role. */
	for (int r = ROLE_NONE; r < ROLE_COUNT; r++) {
		for (int s = RS_NONE; s < RS_COUNT; s++) {
			n = wf_actions_for(r, s, false, out, WF_COUNT);
			for (int i = 0; i < n; i++)
				ck_assert_int_eq(wf_check(out[i], r, s, false), AKSES_OK);
		}
	}
}
END_TEST

/* The request screen offers what wf_actions_for lists: a recorded request whose window has passed
 * (nobody came) gets the Helpdesk's no-show report, not before; the Koordinator's cancel is never
 * offered once recorded, whatever the window. */
START_TEST(test_actions_offered_follow_the_window)
{
	wf_action out[WF_COUNT];
	ck_assert_int_eq(wf_actions_for(ROLE_HELPDESK, RS_RECORDED, false, out, WF_COUNT), 0);
	ck_assert_int_eq(wf_actions_for(ROLE_HELPDESK, RS_RECORDED, true, out, WF_COUNT), 1);
	ck_assert_int_eq(out[0], WF_REPORT);
	ck_assert_int_eq(wf_actions_for(ROLE_HELPDESK, RS_VISITED, false, out, WF_COUNT), 1);
	ck_assert_int_eq(out[0], WF_REPORT);
	ck_assert_int_eq(wf_actions_for(ROLE_KOORDINATOR, RS_RECORDED, true, out, WF_COUNT), 0);
	/* every listed action passes wf_check with the same window, for every state x role */
	for (int r = ROLE_NONE; r < ROLE_COUNT; r++) {
		for (int s = RS_NONE; s < RS_COUNT; s++) {
			int n = wf_actions_for(r, s, true, out, WF_COUNT);
			for (int i = 0; i < n; i++)
				ck_assert_int_eq(wf_check(out[i], r, s, true), AKSES_OK);
		}
	}
}
END_TEST

START_TEST(test_dispose_and_forward_verbs_mean_the_roles_own_step)
{
	ck_assert_int_eq(wf_for_verb("dispose", ROLE_KADIS), WF_DISPOSE_KADIS);
	ck_assert_int_eq(wf_for_verb("dispose", ROLE_KABID), WF_DISPOSE_KABID);
	ck_assert_int_eq(wf_for_verb("dispose", ROLE_HELPDESK), WF_NONE);
	ck_assert_int_eq(wf_for_verb("forward", ROLE_KOORDINATOR), WF_FORWARD_KOORD);
	ck_assert_int_eq(wf_for_verb("forward", ROLE_KABID), WF_FORWARD_KABID);
	ck_assert_int_eq(wf_for_verb("forward", ROLE_KADIS), WF_NONE);
	ck_assert_int_eq(wf_for_verb("approve", ROLE_KABID), WF_APPROVE);
	ck_assert_int_eq(wf_for_verb("approve", ROLE_KOORDINATOR), WF_NONE);
	ck_assert_int_eq(wf_for_verb("verify", ROLE_KOORDINATOR), WF_VERIFY);
	ck_assert_int_eq(wf_for_verb("cancel", ROLE_KOORDINATOR), WF_CANCEL);
	ck_assert_int_eq(wf_for_verb("receive", ROLE_KADIS), WF_RECEIVE);
	ck_assert_int_eq(wf_for_verb("expire", ROLE_ADMIN), WF_NONE);
	ck_assert_int_eq(wf_for_verb("visit", ROLE_TIM_TEKNIS), WF_NONE);
	ck_assert_int_eq(wf_for_verb("approve", ROLE_ADMIN), WF_NONE);
	ck_assert_int_eq(wf_for_verb("bogus", ROLE_KABID), WF_NONE);
	ck_assert_int_eq(wf_for_verb(NULL, ROLE_KABID), WF_NONE);
}
END_TEST

START_TEST(test_state_and_role_codes_round_trip_case_insensitively)
{
	for (int s = RS_NONE + 1; s < RS_COUNT; s++) {
		req_state back = RS_NONE;
		ck_assert_int_eq(wf_state_parse(wf_state_code(s), &back), 0);
		ck_assert_int_eq(back, s);
	}
	req_state st;
	ck_assert_int_eq(wf_state_parse("forwarded_koord", &st), 0);
	ck_assert_int_eq(st, RS_FORWARDED_KOORD);
	ck_assert_int_eq(wf_state_parse("NONE", &st), -1);
	ck_assert_int_eq(wf_state_parse("", &st), -1);
	ck_assert_int_eq(wf_state_parse(NULL, &st), -1);

	static const char *roles[] = {"KADIS",      "KABID",    "KOORDINATOR",
	                              "TIM_TEKNIS", "HELPDESK", "ADMIN"};
	for (int r = ROLE_KADIS; r < ROLE_COUNT; r++) {
		ck_assert_str_eq(wf_role_code(r), roles[r - 1]);
		akses_role back = ROLE_NONE;
		ck_assert_int_eq(wf_role_parse(roles[r - 1], &back), 0);
		ck_assert_int_eq(back, r);
	}
	akses_role ro;
	ck_assert_int_eq(wf_role_parse("koordinator", &ro), 0);
	ck_assert_int_eq(ro, ROLE_KOORDINATOR);
	/* the applicant is not a staff role an account can have */
	ck_assert_int_eq(wf_role_parse("PEMOHON", &ro), -1);
	ck_assert_int_eq(wf_role_parse("boss", &ro), -1);
}
END_TEST

START_TEST(test_purpose_deny_print_and_job_codes_are_stable)
{
	static const char *purposes[] = {"maintenance", "installation", "audit", "visit", "other"};
	for (int p = PURPOSE_MAINTENANCE; p < PURPOSE_COUNT; p++) {
		ck_assert_str_eq(wf_purpose_code(p), purposes[p - 1]);
		purpose_cat back = PURPOSE_NONE;
		ck_assert_int_eq(wf_purpose_parse(purposes[p - 1], &back), 0);
		ck_assert_int_eq(back, p);
	}
	purpose_cat pc;
	ck_assert_int_eq(wf_purpose_parse("none", &pc), -1);
	ck_assert_int_eq(wf_purpose_parse("picnic", &pc), -1);

	static const char *denies[] = {"unknown",        "not-yet-valid", "expired",     "revoked",
	                               "already-inside", "not-inside",    "wrong-escort"};
	for (int d = DENY_UNKNOWN; d <= DENY_WRONG_ESCORT; d++)
		ck_assert_str_eq(wf_deny_code(d), denies[d - 1]);
	ck_assert_str_eq(wf_deny_code(DENY_CLOSED), "visit-closed");
	ck_assert_str_eq(wf_deny_code(DENY_RECEIPT), "receipt");
	ck_assert_str_eq(wf_deny_code(DENY_REPLACED), "replaced");
	for (int d = DENY_UNKNOWN; d < DENY_COUNT; d++) {
		ck_assert_ptr_nonnull(wf_deny_code(d));
		ck_assert_str_ne(wf_deny_label(d), "");
	}

	ck_assert_str_eq(wf_print_state_code(PRINT_NONE), "none");
	ck_assert_str_eq(wf_print_state_code(PRINT_PENDING), "pending");
	ck_assert_str_eq(wf_print_state_code(PRINT_DONE), "done");
	ck_assert_str_eq(wf_print_state_code(PRINT_FAILED), "failed");

	static const char *jobs[] = {"pending",  "accepted", "completed", "aborted",
	                             "canceled", "stopped",  "failed"};
	for (int j = JOB_PENDING; j <= JOB_FAILED; j++)
		ck_assert_str_eq(wf_job_state_code(j), jobs[j - 1]);
}
END_TEST

/* What the store writes in a column it reads back as the same value, for every value of every
 * stored enum; a code it does not know reads as the enum's "none". */
START_TEST(test_stored_codes_read_back_as_the_value_written)
{
	for (int d = DENY_UNKNOWN; d < DENY_COUNT; d++)
		ck_assert_int_eq(wf_deny_parse(wf_deny_code(d)), d);
	ck_assert_int_eq(wf_deny_parse("none"), DENY_NONE);
	ck_assert_int_eq(wf_deny_parse("garbage"), DENY_NONE);
	ck_assert_int_eq(wf_deny_parse(NULL), DENY_NONE);

	for (int p = PRINT_PENDING; p <= PRINT_FAILED; p++)
		ck_assert_int_eq(wf_print_state_parse(wf_print_state_code(p)), p);
	ck_assert_int_eq(wf_print_state_parse("none"), PRINT_NONE);
	ck_assert_int_eq(wf_print_state_parse("printed"), PRINT_NONE);
	ck_assert_int_eq(wf_print_state_parse(NULL), PRINT_NONE);

	for (int j = JOB_PENDING; j <= JOB_FAILED; j++)
		ck_assert_int_eq(wf_job_state_parse(wf_job_state_code(j)), j);
	ck_assert_int_eq(wf_job_state_parse("none"), JOB_NONE);
	ck_assert_int_eq(wf_job_state_parse("held"), JOB_NONE);
	ck_assert_str_eq(wf_job_state_code(JOB_NONE), "none");

	static const char *decisions[] = {"ENTRY", "EXIT", "DENIED", "REPEAT"};
	for (int d = SCAN_ENTRY; d <= SCAN_REPEAT; d++)
		ck_assert_str_eq(wf_decision_code(d), decisions[d - 1]);
	/* no decision is written as a denial, as the door has always recorded it */
	ck_assert_str_eq(wf_decision_code((scan_decision)0), "DENIED");

	for (int s = RS_NONE + 1; s < RS_COUNT; s++) {
		req_state back = RS_NONE;
		ck_assert_int_eq(wf_state_parse(wf_state_code(s), &back), 0);
		ck_assert_int_eq(back, s);
	}
	for (int p = PURPOSE_NONE + 1; p < PURPOSE_COUNT; p++) {
		purpose_cat back = PURPOSE_NONE;
		ck_assert_int_eq(wf_purpose_parse(wf_purpose_code(p), &back), 0);
		ck_assert_int_eq(back, p);
	}
}
END_TEST

/* Step 7 cannot begin before the visit window: a visit booked a week ahead is not late. */
START_TEST(test_step_7_is_due_from_the_window_not_from_step_6)
{
	const int64_t rec = 1000000, start = rec + 7 * 86400, end = start + 7200;
	/* other steps: the standard after the previous step */
	ck_assert_int_eq(wf_due_at(RS_SUBMITTED, rec, start, end), rec + 180);
	ck_assert_int_eq(wf_due_at(RS_FORWARDED_KOORD, rec, start, end), rec + 300);
	ck_assert_int_eq(wf_due_at(RS_CLOSED, rec, start, end), 0);
	/* waiting for the visitor: 3 minutes after the window opens */
	ck_assert_int_eq(wf_due_at(RS_RECORDED, rec, start, end), start + 180);
	/* recorded after the window opened (a walk-in): 3 minutes after recording */
	ck_assert_int_eq(wf_due_at(RS_RECORDED, start + 600, start, end), start + 780);
	/* inside: the escort's duty ends with the window */
	ck_assert_int_eq(wf_due_at(RS_ON_SITE, rec, start, end), end);
	/* the measured duration: window start (or step 6, if later) to the first entry */
	ck_assert_int_eq(wf_step7_duration(start, rec, start + 60), 60);
	ck_assert_int_eq(wf_step7_duration(start, rec, start - 600), 0); /* in the grace */
	ck_assert_int_eq(wf_step7_duration(start, start + 600, start + 700), 100);
}
END_TEST

START_TEST(test_labels_are_indonesian_by_default_and_english_on_request)
{
	ck_assert_int_eq(i18n_init(NULL, "id"), 0);
	ck_assert_str_eq(wf_state_label(RS_SUBMITTED), "Menunggu disposisi Kepala Dinas");
	ck_assert_str_eq(wf_role_title(ROLE_KOORDINATOR), "Koordinator (Helpdesk)");
	ck_assert_str_eq(wf_action_label(WF_DISPOSE_KADIS), "Disposisi ke Kabid");
	ck_assert_str_eq(wf_purpose_label(PURPOSE_MAINTENANCE), "Pemeliharaan perangkat");
	ck_assert_str_eq(wf_deny_label(DENY_ALREADY_INSIDE), "Sudah di dalam");
	ck_assert_int_eq(i18n_set_lang("en"), 0);
	ck_assert_str_eq(wf_state_label(RS_SUBMITTED),
	                 "Waiting for the Head of Agency's disposition");
	ck_assert_str_eq(wf_deny_label(DENY_ALREADY_INSIDE), "Already inside");
	/* a disposition forwards the request: "Dispose to" read as "throw away" */
	ck_assert_str_eq(wf_action_label(WF_DISPOSE_KADIS),
	                 "Forward to the Head of Division (disposition)");
	ck_assert_str_eq(wf_action_label(WF_DISPOSE_KABID), "Forward to the Coordinator (disposition)");
	/* every label exists in both languages */
	for (int lang = 0; lang < 2; lang++) {
		i18n_set_lang(lang ? "en" : "id");
		for (int s = RS_SUBMITTED; s < RS_COUNT; s++)
			ck_assert(strlen(wf_state_label(s)) > 0);
		for (int r = ROLE_NONE; r < ROLE_COUNT; r++)
			ck_assert(strlen(wf_role_title(r)) > 0);
		for (int a = WF_NONE + 1; a < WF_COUNT; a++)
			ck_assert(strlen(wf_action_label(a)) > 0);
		for (int d = DENY_UNKNOWN; d < DENY_COUNT; d++)
			ck_assert(strlen(wf_deny_label(d)) > 0);
	}
}
END_TEST

/* Who sees a NIK and phone whole: the Koordinator verifying (step 4), nobody else, never later. */
START_TEST(test_only_the_koordinator_verifying_sees_identities_whole)
{
	ck_assert(wf_identity_full(ROLE_KOORDINATOR, RS_DISPOSED_KABID));
	ck_assert(!wf_identity_full(ROLE_KOORDINATOR, RS_VERIFIED));
	ck_assert(!wf_identity_full(ROLE_KOORDINATOR, RS_SUBMITTED));
	ck_assert(!wf_identity_full(ROLE_KABID, RS_DISPOSED_KABID));
	ck_assert(!wf_identity_full(ROLE_KADIS, RS_DISPOSED_KABID));
	ck_assert(!wf_identity_full(ROLE_HELPDESK, RS_DISPOSED_KABID));
	ck_assert(!wf_identity_full(ROLE_ADMIN, RS_DISPOSED_KABID));
}
END_TEST

static Suite *wf_suite(void)
{
	Suite *s = suite_create("wf");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_every_action_role_state_matches_the_sop_table);
	tcase_add_test(tc, test_admin_may_take_no_sop_action);
	tcase_add_test(tc, test_system_actions_are_refused_to_every_person);
	tcase_add_test(tc, test_wrong_role_is_reported_before_wrong_state);
	tcase_add_test(tc, test_rejected_request_cannot_be_assigned_or_cancelled);
	tcase_add_test(tc, test_unknown_action_is_an_invalid_argument);
	tcase_add_test(tc, test_transitions_carry_sop_step_role_target_and_standard);
	tcase_add_test(tc, test_there_is_no_step_8);
	tcase_add_test(tc, test_each_state_says_which_step_and_role_it_waits_for);
	tcase_add_test(tc, test_last_completed_step_of_each_state);
	tcase_add_test(tc, test_only_rejected_closed_cancelled_expired_are_final);
	tcase_add_test(tc, test_inbox_buttons_list_what_the_role_may_do_now);
	tcase_add_test(tc, test_dispose_and_forward_verbs_mean_the_roles_own_step);
	tcase_add_test(tc, test_state_and_role_codes_round_trip_case_insensitively);
	tcase_add_test(tc, test_purpose_deny_print_and_job_codes_are_stable);
	tcase_add_test(tc, test_stored_codes_read_back_as_the_value_written);
	tcase_add_test(tc, test_labels_are_indonesian_by_default_and_english_on_request);
	tcase_add_test(tc, test_step_7_is_due_from_the_window_not_from_step_6);
	tcase_add_test(tc, test_actions_offered_follow_the_window);
	tcase_add_test(tc, test_only_the_koordinator_verifying_sees_identities_whole);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(wf_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
