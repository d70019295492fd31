/* test_store_outbox.c - the notification outbox through the store: events written with the step
 * that causes them (and rolled back with a refused one), the applicant's only with an address, no
 * step-7 notice, recipients by role, attempts per channel with their backoff, one reminder per
 * overdue step, and staff addresses set by ADMIN or oneself. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "store.h"
#include "testutil.h"
#include "world.h"

static struct world w;

static void setup(void)
{
	world_open(&w);
}

static void teardown(void)
{
	world_close(&w);
}

/* The events of one kind, all requests. */
static int64_t events(const char *kind)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM outbox WHERE kind = '%s'", kind);
	return world_int(&w, sql);
}

/* The due events into a static list; returns how many. */
static struct akses_outbox_event *due_list;
static int due(int64_t now)
{
	free(due_list);
	due_list = NULL;
	int n = -1;
	ck_assert_int_eq(store_outbox_due(w.st, now, 100, &due_list, &n), AKSES_OK);
	return n;
}

START_TEST(test_backoff_doubles_from_30_seconds_to_at_most_10_minutes)
{
	ck_assert_int_eq(store_outbox_backoff(0), 30);
	ck_assert_int_eq(store_outbox_backoff(1), 30);
	ck_assert_int_eq(store_outbox_backoff(2), 60);
	ck_assert_int_eq(store_outbox_backoff(3), 120);
	ck_assert_int_eq(store_outbox_backoff(4), 240);
	ck_assert_int_eq(store_outbox_backoff(5), 480);
	ck_assert_int_eq(store_outbox_backoff(6), 600);
	ck_assert_int_eq(store_outbox_backoff(1000), 600);
}
END_TEST

START_TEST(test_submission_writes_the_kadis_notice_and_the_applicants_receipt)
{
	char number[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, number);
	ck_assert_int_eq(events("step"), 1);
	ck_assert_int_eq(events("submitted"), 1);
	ck_assert_int_eq(world_int(&w,
	                           "SELECT count(*) FROM outbox WHERE kind = 'step' AND step = 2"
	                           " AND recipient = 'KADIS' AND state = 'SUBMITTED'"),
	                 1);
	/* due 3 minutes after the submission */
	ck_assert_int_eq(
	    world_int(&w, "SELECT due_at - created_at FROM outbox WHERE kind = 'step'"), 180);
	ck_assert_int_eq(due(clock_now()), 2);
	ck_assert_str_eq(due_list[0].number, number);
	ck_assert_str_eq(due_list[0].institution, "PT Awan Nusantara");
	ck_assert_int_eq(due_list[0].role, ROLE_KADIS);
	ck_assert_int_eq(due_list[0].standard_s, 180);
	ck_assert(due_list[0].mail_due && due_list[0].cmd_due);
	ck_assert_int_eq(due_list[1].role, ROLE_NONE);
}
END_TEST

START_TEST(test_no_applicant_event_without_an_address)
{
	struct akses_request_input in;
	struct akses_submit_result res;
	akses_field field;
	int index;
	world_input(&in, "2026-12-01 10:00", "2026-12-01 12:00", 0);
	in.email = "";
	ck_assert_int_eq(store_submit(w.st, &in, &res, &field, &index), AKSES_OK);
	ck_assert_int_eq(events("step"), 1);
	ck_assert_int_eq(events("submitted"), 0);
}
END_TEST

START_TEST(test_the_walk_to_recorded_notifies_each_role_once_and_never_the_escort)
{
	char number[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 1, number);
	world_advance(&w, number, RS_RECORDED);
	/* steps 2, 3, 4, 5, 6 (Koordinator assigns), 6 (Helpdesk records); none for step 7 */
	ck_assert_int_eq(events("step"), 6);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM outbox WHERE step = 7"), 0);
	ck_assert_int_eq(world_int(&w,
	                           "SELECT count(*) FROM outbox WHERE step = 6 AND kind = 'step'"
	                           " AND recipient IN ('KOORDINATOR', 'HELPDESK')"),
	                 2);
	ck_assert_int_eq(events("submitted") + events("approved") + events("printable"), 3);
	ck_assert_int_eq(events("rejected"), 0);
}
END_TEST

START_TEST(test_a_refused_step_writes_no_event)
{
	char number[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, number);
	/* Kabid cannot verify; the reject without a reason is refused too */
	int64_t n = world_int(&w, "SELECT count(*) FROM outbox");
	ck_assert_int_eq(store_act(w.st, number, WF_VERIFY, w.kabid, NULL), AKSES_E_ROLE);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM outbox"), n);
	world_advance(&w, number, RS_VERIFIED);
	n = world_int(&w, "SELECT count(*) FROM outbox");
	ck_assert_int_eq(store_act(w.st, number, WF_REJECT, w.kabid, NULL), AKSES_E_REQUIRED);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM outbox"), n);
}
END_TEST

START_TEST(test_a_rejection_carries_its_reason_to_the_applicant)
{
	char number[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, number);
	world_advance(&w, number, RS_VERIFIED);
	ck_assert_int_eq(store_act(w.st, number, WF_REJECT, w.kabid, "Jadwal bentrok"), AKSES_OK);
	int n = due(clock_now());
	const struct akses_outbox_event *r = NULL;
	for (int i = 0; i < n; i++)
		if (strcmp(due_list[i].kind, "rejected") == 0)
			r = &due_list[i];
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->reason, "Jadwal bentrok");
	ck_assert_int_eq(r->step, 5);
	/* a final state waits for nobody */
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM outbox WHERE state = 'REJECTED'"
	                               " AND kind = 'step'"),
	                 0);
}
END_TEST

START_TEST(test_recipients_are_the_active_staff_of_the_role_with_an_address)
{
	char number[AKSES_NUMBER_BUF];
	ck_assert_int_eq(store_staff_set_email(w.st, w.admin, w.kadis, "kadis@dinas.example"),
	                 AKSES_OK);
	/* a Kadis without an address is simply not written to */
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, number);
	ck_assert_int_eq(due(clock_now()), 2);
	akses_email_buf *to = NULL;
	int n = 0;
	ck_assert_int_eq(store_outbox_recipients(w.st, due_list[0].id, &to, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(to[0], "kadis@dinas.example");
	free(to);
	ck_assert_int_eq(store_outbox_recipients(w.st, due_list[1].id, &to, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(to[0], "nurul.aini@example.co.id");
	free(to);
	/* disabled: no longer told */
	ck_assert_int_eq(store_staff_disable(w.st, w.admin, w.kadis), AKSES_OK);
	ck_assert_int_eq(store_outbox_recipients(w.st, due_list[0].id, &to, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(to);
}
END_TEST

START_TEST(test_each_channel_keeps_its_attempts_and_backoff)
{
	char number[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, number);
	int64_t now = clock_now();
	ck_assert_int_eq(due(now), 2);
	int64_t id = due_list[0].id;
	/* mail fails, the command is sent */
	ck_assert_int_eq(store_outbox_attempt(w.st, id, STORE_CH_MAIL, STORE_ATT_FAILED,
	                                      "smtp: Couldn't connect to server", now),
	                 AKSES_OK);
	ck_assert_int_eq(store_outbox_attempt(w.st, id, STORE_CH_CMD, STORE_ATT_SENT, NULL, now),
	                 AKSES_OK);
	ck_assert_int_eq(due(now), 1); /* only the other event: this one waits 30 s */
	ck_assert_int_eq(due(now + 29), 1);
	ck_assert_int_eq(due(now + 30), 2);
	ck_assert(due_list[0].mail_due && !due_list[0].cmd_due);
	ck_assert_int_eq(due_list[0].mail_attempts, 1);
	/* a second failure waits 60 s */
	ck_assert_int_eq(
	    store_outbox_attempt(w.st, id, STORE_CH_MAIL, STORE_ATT_FAILED, "x", now + 30),
	    AKSES_OK);
	ck_assert_int_eq(due(now + 89), 1);
	ck_assert_int_eq(due(now + 90), 2);
	ck_assert_int_eq(
	    store_outbox_attempt(w.st, id, STORE_CH_MAIL, STORE_ATT_SENT, NULL, now + 90),
	    AKSES_OK);
	ck_assert_int_eq(due(now + 10000), 1);
	ck_assert_int_eq(world_int(&w, "SELECT mail_attempts * 10 + cmd_attempts FROM outbox"
	                               " WHERE mail_state = 'sent' AND cmd_state = 'sent'"),
	                 31);
	/* a closed channel takes no further attempt */
	ck_assert_int_eq(store_outbox_attempt(w.st, id, STORE_CH_MAIL, STORE_ATT_FAILED, "x", now),
	                 AKSES_OK);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM outbox WHERE mail_state = 'sent'"), 1);
	/* skipped closes a channel as well */
	int64_t other = due_list[0].id;
	ck_assert_int_eq(store_outbox_attempt(w.st, other, STORE_CH_MAIL, STORE_ATT_SKIPPED,
	                                      "no recipient", now),
	                 AKSES_OK);
	ck_assert_int_eq(
	    store_outbox_attempt(w.st, other, STORE_CH_CMD, STORE_ATT_SKIPPED, NULL, now),
	    AKSES_OK);
	ck_assert_int_eq(due(now + 10000), 0);
}
END_TEST

START_TEST(test_an_overdue_step_gets_one_reminder)
{
	char late[AKSES_NUMBER_BUF], moved[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, late);
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, moved);
	int64_t t0 = clock_now();
	int n = -1;
	ck_assert_int_eq(store_outbox_remind(w.st, t0 + 179, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	/* moved on (late, but before anyone looked): no step-2 reminder for it; its step 3, waiting
	 * since t0, is due at t0 + 180 like late's step 2 */
	ck_assert_int_eq(store_act(w.st, moved, WF_DISPOSE_KADIS, w.kadis, NULL), AKSES_OK);
	ck_assert_int_eq(store_outbox_remind(w.st, t0 + 180, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(store_outbox_remind(w.st, t0 + 181, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(store_outbox_remind(w.st, t0 + 7200, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM outbox o JOIN request r"
	                               " ON r.id = o.request_id WHERE o.kind = 'reminder'"
	                               " AND o.step = 2 AND o.recipient = 'KADIS'"),
	                 1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM outbox WHERE kind = 'reminder'"
	                               " AND step = 3 AND recipient = 'KABID'"),
	                 1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM outbox o JOIN request r"
	                               " ON r.id = o.request_id WHERE o.kind = 'reminder'"
	                               " AND o.step = 2 AND r.id = (SELECT max(id) FROM request)"),
	                 0);
}
END_TEST

START_TEST(test_staff_address_by_admin_or_oneself_and_valid_only)
{
	char buf[AKSES_BUF(AKSES_EMAIL_CHARS)];
	ck_assert_int_eq(store_staff_set_email(w.st, w.kabid, w.kabid, "kabid@dinas.example"),
	                 AKSES_OK);
	ck_assert_int_eq(store_staff_email(w.st, w.kabid, buf, sizeof buf), AKSES_OK);
	ck_assert_str_eq(buf, "kabid@dinas.example");
	ck_assert_int_eq(store_staff_set_email(w.st, w.kadis, w.kabid, "x@dinas.example"),
	                 AKSES_E_ROLE);
	ck_assert_int_eq(store_staff_set_email(w.st, w.admin, w.kabid, "not an address"),
	                 AKSES_E_EMAIL);
	ck_assert_int_eq(store_staff_email(w.st, w.kabid, buf, sizeof buf), AKSES_OK);
	ck_assert_str_eq(buf, "kabid@dinas.example");
	ck_assert_int_eq(store_staff_set_email(w.st, w.admin, w.kabid, ""), AKSES_OK);
	ck_assert_int_eq(store_staff_email(w.st, w.kabid, buf, sizeof buf), AKSES_OK);
	ck_assert_str_eq(buf, "");
	/* audited, without the address */
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'staff-email'"
	                               " AND detail NOT LIKE '%@%'"),
	                 2);
}
END_TEST

static Suite *outbox_suite(void)
{
	Suite *s = suite_create("store_outbox");
	TCase *tc = tcase_create("outbox");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_backoff_doubles_from_30_seconds_to_at_most_10_minutes);
	tcase_add_test(tc, test_submission_writes_the_kadis_notice_and_the_applicants_receipt);
	tcase_add_test(tc, test_no_applicant_event_without_an_address);
	tcase_add_test(tc, test_the_walk_to_recorded_notifies_each_role_once_and_never_the_escort);
	tcase_add_test(tc, test_a_refused_step_writes_no_event);
	tcase_add_test(tc, test_a_rejection_carries_its_reason_to_the_applicant);
	tcase_add_test(tc, test_recipients_are_the_active_staff_of_the_role_with_an_address);
	tcase_add_test(tc, test_each_channel_keeps_its_attempts_and_backoff);
	tcase_add_test(tc, test_an_overdue_step_gets_one_reminder);
	tcase_add_test(tc, test_staff_address_by_admin_or_oneself_and_valid_only);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	world_init();
	SRunner *sr = srunner_create(outbox_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
