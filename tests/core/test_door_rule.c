/* test_door_rule.c - the door's rule (door_decide) on plain facts, one case per outcome, and the
 * line that tells the escort what to do next (door_explain) in both languages. No DB. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "door_rule.h"
#include "i18n.h"
#include "wf.h"

#define ESCORT 7
#define OTHER 9

/* A recorded visit 09:30-11:30 on 2030-03-12, its escort at the door, the pass never scanned. */
static struct door_facts facts(const char *now)
{
	struct door_facts f;
	memset(&f, 0, sizeof f);
	f.found = true;
	f.state = RS_RECORDED;
	f.escort_id = ESCORT;
	f.reader_id = ESCORT;
	ck_assert_int_eq(clock_parse("2030-03-12 09:30", &f.start_at), AKSES_OK);
	ck_assert_int_eq(clock_parse("2030-03-12 11:30", &f.end_at), AKSES_OK);
	ck_assert_int_eq(clock_parse(now, &f.now), AKSES_OK);
	f.dir = SCAN_DIR_AUTO;
	f.grace_min = 15;
	f.repeat_s = 10;
	return f;
}

static struct door_verdict decide(struct door_facts f)
{
	struct door_verdict v;
	door_decide(&f, &v);
	return v;
}

static void assert_denied(struct door_facts f, deny_reason why)
{
	struct door_verdict v = decide(f);
	ck_assert_int_eq(v.decision, SCAN_DENIED);
	ck_assert_str_eq(wf_deny_code(v.reason), wf_deny_code(why));
}

START_TEST(test_valid_pass_enters_then_exits)
{
	struct door_facts f = facts("2030-03-12 09:40");
	struct door_verdict v = decide(f);
	ck_assert_int_eq(v.decision, SCAN_ENTRY);
	ck_assert_int_eq(v.reason, DENY_NONE);
	ck_assert(!v.overstay);
	f.inside = true;
	f.last_scan_at = f.now - 600;
	v = decide(f);
	ck_assert_int_eq(v.decision, SCAN_EXIT);
	ck_assert(!v.overstay);
}
END_TEST

START_TEST(test_entry_within_the_grace_before_the_start)
{
	ck_assert_int_eq(decide(facts("2030-03-12 09:15")).decision, SCAN_ENTRY);
}
END_TEST

START_TEST(test_not_yet_valid_says_from_when)
{
	struct door_facts f = facts("2030-03-12 09:14");
	assert_denied(f, DENY_NOT_YET_VALID);
	int64_t from;
	ck_assert_int_eq(clock_parse("2030-03-12 09:15", &from), AKSES_OK);
	ck_assert_int_eq(decide(f).valid_from, from);
}
END_TEST

START_TEST(test_expired_at_the_window_end)
{
	assert_denied(facts("2030-03-12 11:30"), DENY_EXPIRED);
	assert_denied(facts("2030-03-13 08:00"), DENY_EXPIRED);
}
END_TEST

START_TEST(test_not_your_visitor)
{
	struct door_facts f = facts("2030-03-12 09:40");
	f.reader_id = OTHER;
	assert_denied(f, DENY_WRONG_ESCORT);
	f.escort_id = 0; /* nobody assigned */
	assert_denied(f, DENY_WRONG_ESCORT);
}
END_TEST

START_TEST(test_receipt_replaced_unknown_and_not_issued)
{
	struct door_facts f = facts("2030-03-12 09:40");
	f.found = false;
	f.receipt = true;
	assert_denied(f, DENY_RECEIPT);
	f.receipt = false;
	f.replaced = true;
	assert_denied(f, DENY_REPLACED);
	f.replaced = false;
	f.state = RS_NONE; /* a token naming nothing, garbage included */
	assert_denied(f, DENY_UNKNOWN);
	f.state = RS_APPROVED; /* typed by number: approved, but no pass recorded yet */
	assert_denied(f, DENY_NOT_ISSUED);
	f.state = RS_SUBMITTED;
	assert_denied(f, DENY_NOT_ISSUED);
}
END_TEST

START_TEST(test_revoked_is_refused_but_lets_someone_inside_out)
{
	struct door_facts f = facts("2030-03-12 09:40");
	f.revoked = true;
	assert_denied(f, DENY_REVOKED);
	f.inside = true;
	ck_assert_int_eq(decide(f).decision, SCAN_EXIT);
	f.dir = SCAN_DIR_IN;
	assert_denied(f, DENY_REVOKED);
}
END_TEST

START_TEST(test_closed_visit_is_refused_but_lets_someone_inside_out)
{
	struct door_facts f = facts("2030-03-12 09:40");
	f.state = RS_REPORTED;
	assert_denied(f, DENY_CLOSED);
	f.state = RS_CLOSED;
	assert_denied(f, DENY_CLOSED);
	f.inside = true;
	ck_assert_int_eq(decide(f).decision, SCAN_EXIT);
}
END_TEST

START_TEST(test_already_inside_and_exit_without_entry)
{
	struct door_facts f = facts("2030-03-12 09:40");
	f.inside = true;
	f.dir = SCAN_DIR_IN;
	assert_denied(f, DENY_ALREADY_INSIDE);
	f.inside = false;
	f.dir = SCAN_DIR_OUT;
	assert_denied(f, DENY_NOT_INSIDE);
}
END_TEST

START_TEST(test_double_read_is_a_repeat_only_in_auto)
{
	struct door_facts f = facts("2030-03-12 09:40");
	f.inside = true;
	f.last_scan_at = f.now - 5;
	struct door_verdict v = decide(f);
	ck_assert_int_eq(v.decision, SCAN_REPEAT);
	ck_assert_int_eq(v.reason, DENY_NONE);
	f.last_scan_at = f.now - 10; /* the guard is over */
	ck_assert_int_eq(decide(f).decision, SCAN_EXIT);
	/* another door whose clock is a second ahead took the read that won: still a double read */
	f.last_scan_at = f.now + 1;
	ck_assert_int_eq(decide(f).decision, SCAN_REPEAT);
	f.last_scan_at = f.now + 10; /* a clock that far apart: the guard does not stretch */
	ck_assert_int_eq(decide(f).decision, SCAN_EXIT);
	f.last_scan_at = f.now - 5;
	f.dir = SCAN_DIR_OUT; /* an explicit direction is what the escort means */
	ck_assert_int_eq(decide(f).decision, SCAN_EXIT);
	f.dir = SCAN_DIR_AUTO;
	f.repeat_s = 0; /* the guard switched off */
	ck_assert_int_eq(decide(f).decision, SCAN_EXIT);
}
END_TEST

START_TEST(test_overstay_on_a_late_exit_or_inside_past_the_end)
{
	struct door_facts f = facts("2030-03-12 12:00");
	f.inside = true;
	struct door_verdict v = decide(f);
	ck_assert_int_eq(v.decision, SCAN_EXIT);
	ck_assert(v.overstay);
	f.reader_id = OTHER; /* refused, yet still inside late: flagged */
	v = decide(f);
	ck_assert_int_eq(v.reason, DENY_WRONG_ESCORT);
	ck_assert(v.overstay);
	f.inside = false;
	f.reader_id = ESCORT; /* an expired entry is no overstay: they are outside */
	ck_assert(!decide(f).overstay);
}
END_TEST

/* The denial with what to do next, as the escort reads it, in both languages. */
START_TEST(test_explain_says_what_to_do_next)
{
	struct akses_scan_result r;
	char buf[512];
	memset(&r, 0, sizeof r);
	r.decision = SCAN_DENIED;
	ck_assert_int_eq(clock_parse("2030-03-12 09:00", &r.valid_from), AKSES_OK);
	ck_assert_int_eq(clock_parse("2030-03-12 11:30", &r.end_at), AKSES_OK);
	snprintf(r.escort_name, sizeof r.escort_name, "Dedi");
	ck_assert_int_eq(clock_parse("2030-03-12 08:30", &r.at), AKSES_OK);

	ck_assert_int_eq(i18n_init(NULL, "id"), 0);
	r.reason = DENY_NOT_YET_VALID;
	ck_assert_str_eq(door_explain(&r, buf, sizeof buf),
	                 "Belum berlaku — mulai 09:00: tunggu, atau minta Helpdesk mengubah waktu "
	                 "kunjungan");
	ck_assert_ptr_nonnull(strstr(buf, "09:00"));
	r.reason = DENY_WRONG_ESCORT;
	ck_assert_str_eq(door_explain(&r, buf, sizeof buf), "Bukan tamu Anda — pendamping: Dedi");
	r.reason = DENY_RECEIPT;
	ck_assert_ptr_nonnull(strstr(door_explain(&r, buf, sizeof buf), "Ini tanda terima"));
	ck_assert_ptr_nonnull(strstr(buf, "— cetak kartu di resepsionis"));
	r.reason = DENY_EXPIRED;
	ck_assert_ptr_nonnull(strstr(door_explain(&r, buf, sizeof buf), "11:30"));

	ck_assert_int_eq(i18n_set_lang("en"), 0);
	r.reason = DENY_NOT_YET_VALID;
	ck_assert_ptr_nonnull(strstr(door_explain(&r, buf, sizeof buf), "Not valid yet — from"));
	r.reason = DENY_WRONG_ESCORT;
	ck_assert_str_eq(door_explain(&r, buf, sizeof buf), "Not your visitor — escort: Dedi");

	/* every denial says something, with a next step after the dash, in both languages, and
	 * a translation of its own in Indonesian */
	for (int lang = 0; lang < 2; lang++) {
		i18n_set_lang(lang ? "en" : "id");
		for (int d = DENY_UNKNOWN; d < DENY_COUNT; d++) {
			r.reason = (deny_reason)d;
			door_explain(&r, buf, sizeof buf);
			ck_assert_msg(strstr(buf, " — ") != NULL, "no next step for %s: %s",
			              wf_deny_code(r.reason), buf);
			if (lang == 0) {
				char id[512];
				snprintf(id, sizeof id, "%s", buf);
				i18n_set_lang("en");
				door_explain(&r, buf, sizeof buf);
				ck_assert_msg(strcmp(id, buf) != 0, "untranslated: %s", buf);
				i18n_set_lang("id");
			}
		}
	}
}
END_TEST

static Suite *door_suite(void)
{
	Suite *s = suite_create("door_rule");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_valid_pass_enters_then_exits);
	tcase_add_test(tc, test_entry_within_the_grace_before_the_start);
	tcase_add_test(tc, test_not_yet_valid_says_from_when);
	tcase_add_test(tc, test_expired_at_the_window_end);
	tcase_add_test(tc, test_not_your_visitor);
	tcase_add_test(tc, test_receipt_replaced_unknown_and_not_issued);
	tcase_add_test(tc, test_revoked_is_refused_but_lets_someone_inside_out);
	tcase_add_test(tc, test_closed_visit_is_refused_but_lets_someone_inside_out);
	tcase_add_test(tc, test_already_inside_and_exit_without_entry);
	tcase_add_test(tc, test_double_read_is_a_repeat_only_in_auto);
	tcase_add_test(tc, test_overstay_on_a_late_exit_or_inside_past_the_end);
	tcase_add_test(tc, test_explain_says_what_to_do_next);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(door_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
