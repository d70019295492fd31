/* test_store_lookup.c - the visitor's proofs: number + phone digits tries are limited per request
 * and per station with a doubling delay and recorded without the digits (status lookup and the
 * applicant's cancel alike); Helpdesk sees a request under attack; a pass is printed by the
 * visitor only with the receipt's token. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "valid.h"
#include "world.h"

static struct world w;
static char number[AKSES_NUMBER_BUF];

/* A request waiting for Kabid's disposition (cancellable), submitted at WORLD_NOW. */
static void setup(void)
{
	world_open(&w);
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 1, number);
}

static void teardown(void)
{
	world_close(&w);
}

/* One number + digits lookup at station; the request found is discarded. */
static akses_status lookup(const char *num, const char *digits, const char *station)
{
	struct akses_request *r = malloc(sizeof *r);
	ck_assert(r != NULL);
	akses_status rc = store_lookup(w.st, num, digits, station, r);
	free(r);
	return rc;
}

static int64_t wait_of(const char *num, const char *station)
{
	int64_t s = -1;
	ck_assert_int_eq(store_lookup_wait(w.st, num, station, &s), AKSES_OK);
	return s;
}

START_TEST(test_delay_is_free_for_five_tries_then_doubles_from_a_minute)
{
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(store_guard_delay(i), 0);
	ck_assert_int_eq(store_guard_delay(5), 60);
	ck_assert_int_eq(store_guard_delay(6), 120);
	ck_assert_int_eq(store_guard_delay(7), 240);
	ck_assert_int_eq(store_guard_delay(10), 1920);
	ck_assert_int_eq(store_guard_delay(40), 86400);
	ck_assert_int_eq(store_guard_delay(1000000), 86400);
}
END_TEST

START_TEST(test_right_digits_wait_after_five_wrong_tries_until_the_delay_passes)
{
	const char *wrong[] = {"0000", "1111", "2222", "3333", "4444"};
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(lookup(number, wrong[i], "KIOSK-1"), AKSES_E_LOOKUP);
	/* the 6th try is not even checked: the right digits are refused too */
	ck_assert_int_eq(lookup(number, WORLD_PHONE_LAST4, "KIOSK-1"), AKSES_E_LOOKUP_WAIT);
	/* from another station the request's own delay holds as well */
	ck_assert_int_eq(lookup(number, WORLD_PHONE_LAST4, "KIOSK-2"), AKSES_E_LOOKUP_WAIT);
	ck_assert_int_eq(wait_of(number, "KIOSK-2"), 60);
	tu_set_now("2026-12-01 08:00:59");
	ck_assert_int_eq(lookup(number, WORLD_PHONE_LAST4, "KIOSK-2"), AKSES_E_LOOKUP_WAIT);
	tu_set_now("2026-12-01 08:01:00");
	ck_assert_int_eq(wait_of(number, "KIOSK-2"), 0);
	/* a wrong try now (the 6th counted) waits twice as long */
	ck_assert_int_eq(lookup(number, "5555", "KIOSK-2"), AKSES_E_LOOKUP);
	ck_assert_int_eq(wait_of(number, "KIOSK-3"), 120);
	tu_set_now("2026-12-01 08:03:00");
	ck_assert_int_eq(lookup(number, WORLD_PHONE_LAST4, "KIOSK-3"), AKSES_OK);
	/* the right digits end the request's run of wrong tries */
	ck_assert_int_eq(lookup(number, "6666", "KIOSK-3"), AKSES_E_LOOKUP);
	ck_assert_int_eq(lookup(number, WORLD_PHONE_LAST4, "KIOSK-3"), AKSES_OK);
}
END_TEST

START_TEST(test_a_station_guessing_across_requests_is_slowed_and_others_are_not)
{
	char other[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, other);
	/* one wrong try on each of five numbers (two real, three that name no request) */
	ck_assert_int_eq(lookup(number, "0000", "KIOSK-1"), AKSES_E_LOOKUP);
	ck_assert_int_eq(lookup(other, "0000", "KIOSK-1"), AKSES_E_LOOKUP);
	ck_assert_int_eq(lookup("AKS-20261201-0901", "0000", "KIOSK-1"), AKSES_E_LOOKUP);
	ck_assert_int_eq(lookup("AKS-20261201-0902", "0000", "KIOSK-1"), AKSES_E_LOOKUP);
	ck_assert_int_eq(lookup("AKS-20261201-0903", "0000", "KIOSK-1"), AKSES_E_LOOKUP);
	/* the station waits, even for a right answer on a request with one wrong try */
	ck_assert_int_eq(lookup(other, WORLD_PHONE_LAST4, "KIOSK-1"), AKSES_E_LOOKUP_WAIT);
	ck_assert_int_eq(wait_of(other, "KIOSK-1"), 60);
	/* another kiosk is not held up by it */
	ck_assert_int_eq(lookup(other, WORLD_PHONE_LAST4, "KIOSK-2"), AKSES_OK);
	/* a right answer at the guessing station does not clear the station's count */
	tu_set_now("2026-12-01 08:01");
	ck_assert_int_eq(lookup(number, WORLD_PHONE_LAST4, "KIOSK-1"), AKSES_OK);
	ck_assert_int_eq(lookup("AKS-20261201-0904", "0000", "KIOSK-1"), AKSES_E_LOOKUP);
	ck_assert_int_eq(wait_of(other, "KIOSK-1"), 120);
	/* an hour later the station's wrong tries no longer count */
	tu_set_now("2026-12-01 09:02");
	ck_assert_int_eq(wait_of(other, "KIOSK-1"), 0);
}
END_TEST

START_TEST(test_every_try_is_recorded_with_station_and_time_never_the_digits)
{
	tu_set_now("2026-12-01 08:10");
	ck_assert_int_eq(lookup(number, "4321", "KIOSK-1"), AKSES_E_LOOKUP);
	ck_assert_int_eq(lookup("AKS-20261201-0999", "4321", "KIOSK-1"), AKSES_E_LOOKUP);
	ck_assert_int_eq(lookup(number, WORLD_PHONE_LAST4, "KIOSK-2"), AKSES_OK);
	ck_assert_int_eq(store_cancel_applicant(w.st, number, "4321", "aksesctl"), AKSES_E_LOOKUP);
	/* malformed input is no try at the digits: refused before, not recorded */
	ck_assert_int_eq(lookup(number, "43x1", "KIOSK-1"), AKSES_E_PHONE_DIGITS);
	ck_assert_int_eq(lookup("AKS-BOGUS", "4321", "KIOSK-1"), AKSES_E_REQUEST_NUMBER);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM lookup_attempt"), 4);
	int64_t at = tu_time("2026-12-01 08:10");
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM lookup_attempt a JOIN request r ON r.id = a.request_id"
	         " WHERE r.number = '%s' AND a.at = %lld AND"
	         " ((a.kind = 'lookup' AND a.station = 'KIOSK-1' AND a.outcome = 'fail') OR"
	         "  (a.kind = 'lookup' AND a.station = 'KIOSK-2' AND a.outcome = 'ok') OR"
	         "  (a.kind = 'cancel' AND a.station = 'aksesctl' AND a.outcome = 'fail'))",
	         number, (long long)at);
	ck_assert_int_eq(world_int(&w, sql), 3);
	/* an unknown number is not kept as typed */
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM lookup_attempt WHERE request_id IS NULL"
	                               " AND station = 'KIOSK-1' AND outcome = 'fail'"),
	                 1);
	/* the digits typed are kept nowhere: the record has no column for them, and the audit
	 * trail does not name them */
	/* (each engine lists a table's columns in its own catalog) */
	ck_assert_int_eq(world_int(&w, tu_db_on_server()
	                                   ? "SELECT count(*) FROM information_schema.columns"
	                                     " WHERE table_schema = current_schema() AND table_name = 'lookup_attempt'"
	                                     " AND column_name"
	                                     " NOT IN ('id', 'at', 'kind', 'station',"
	                                     " 'request_id', 'outcome')"
	                                   : "SELECT count(*) FROM pragma_table_info('lookup_attempt')"
	                                     " WHERE name NOT IN ('id', 'at', 'kind', 'station',"
	                                     " 'request_id', 'outcome')"),
	                 0);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit"
	                               " WHERE replace(subject || detail, '4321', '') <> subject || detail"
	                               " OR replace(subject || detail, '0999', '') <> subject || detail"),
	                 0);
}
END_TEST

START_TEST(test_cancel_by_digits_is_stopped_after_five_wrong_tries)
{
	world_advance(&w, number, RS_DISPOSED_KABID);
	const char *wrong[] = {"0000", "0001", "0002", "0003", "0004"};
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(store_cancel_applicant(w.st, number, wrong[i], "aksesctl"),
		                 AKSES_E_LOOKUP);
	ck_assert_int_eq(store_cancel_applicant(w.st, number, WORLD_PHONE_LAST4, "aksesctl"),
	                 AKSES_E_LOOKUP_WAIT);
	/* the lookup shares the request's count: a stranger cannot switch to it */
	ck_assert_int_eq(lookup(number, WORLD_PHONE_LAST4, "KIOSK-1"), AKSES_E_LOOKUP_WAIT);
	ck_assert_int_eq(world_state(&w, number), RS_DISPOSED_KABID);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM lookup_attempt WHERE outcome = 'wait'"),
	                 2);
	tu_set_now("2026-12-01 08:01");
	ck_assert_int_eq(store_cancel_applicant(w.st, number, WORLD_PHONE_LAST4, "aksesctl"),
	                 AKSES_OK);
	ck_assert_int_eq(world_state(&w, number), RS_CANCELLED);
}
END_TEST

START_TEST(test_helpdesk_sees_a_request_under_attack)
{
	for (int i = 0; i < 6; i++) {
		char d[8];
		snprintf(d, sizeof d, "%04d", 1000 + i);
		ck_assert_int_eq(lookup(number, d, i < 3 ? "KIOSK-1" : "KIOSK-2"),
		                 i < 5 ? AKSES_E_LOOKUP : AKSES_E_LOOKUP_WAIT);
	}
	struct akses_lookup_attack *a = NULL;
	int n = -1;
	ck_assert_int_eq(store_lookup_attacks(w.st, w.helpdesk, &a, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(a[0].number, number);
	ck_assert_int_eq(a[0].failures, 5);
	ck_assert_int_eq(a[0].stations, 2);
	ck_assert_int_eq(a[0].last_at, tu_time(WORLD_NOW));
	ck_assert_int_eq(a[0].wait_until, tu_time(WORLD_NOW) + 60);
	free(a);
	/* a visitor's typo or two is not an attack */
	char other[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, other);
	ck_assert_int_eq(lookup(other, "9999", "KIOSK-3"), AKSES_E_LOOKUP);
	ck_assert_int_eq(store_lookup_attacks(w.st, w.koord, &a, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	free(a);
	/* door escorts and approvers do not get the list */
	ck_assert_int_eq(store_lookup_attacks(w.st, w.teknis, &a, &n), AKSES_E_ROLE);
	ck_assert_int_eq(store_lookup_attacks(w.st, w.kadis, &a, &n), AKSES_E_ROLE);
	/* a day later the tries are old news */
	tu_set_now("2026-12-02 08:01");
	ck_assert_int_eq(store_lookup_attacks(w.st, w.helpdesk, &a, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(a);
}
END_TEST

/* The applicant's pass of the recorded request. */
static int64_t applicant_pass(void)
{
	world_advance(&w, number, RS_RECORDED);
	struct akses_pass *p = NULL;
	int n = 0;
	ck_assert_int_eq(store_pass_list(w.st, number, &p, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	int64_t id = p[0].id;
	free(p);
	return id;
}

START_TEST(test_visitor_print_is_refused_without_the_receipt_token)
{
	int64_t id = applicant_pass();
	char tok[AKSES_TOKEN_BUF];
	char other[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, other);
	/* number + digits (or nothing) is no proof for printing */
	ck_assert_int_eq(store_pass_token(w.st, id, 0, NULL, tok), AKSES_E_RECEIPT_NEEDED);
	ck_assert_str_eq(tok, "");
	ck_assert_int_eq(store_pass_token_visitor(w.st, id, NULL, tok), AKSES_E_RECEIPT_NEEDED);
	ck_assert_int_eq(store_pass_token_visitor(w.st, id, "", tok), AKSES_E_RECEIPT_NEEDED);
	/* another request's receipt is not this one's */
	ck_assert_int_eq(store_pass_token_visitor(w.st, id, world_receipt(other), tok),
	                 AKSES_E_RECEIPT_NEEDED);
	struct akses_pass p;
	ck_assert_int_eq(world_pass(&w, id, &p), AKSES_OK);
	ck_assert(!p.issued);
	ck_assert_int_eq(p.print, PRINT_NONE);
	/* the receipt's own token prints (a scanner may type it in lower case) */
	char lower[AKSES_TOKEN_BUF];
	snprintf(lower, sizeof lower, "%s", world_receipt(number));
	for (char *c = lower; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	ck_assert_int_eq(store_pass_token_visitor(w.st, id, lower, tok), AKSES_OK);
	ck_assert_int_eq(valid_token(tok, NULL), AKSES_OK);
}
END_TEST

START_TEST(test_a_reissued_receipt_voids_the_old_one_for_printing)
{
	int64_t id = applicant_pass();
	char fresh[AKSES_TOKEN_BUF], tok[AKSES_TOKEN_BUF];
	ck_assert_int_eq(store_receipt_reissue(w.st, number, w.helpdesk, fresh), AKSES_OK);
	ck_assert_int_eq(store_pass_token_visitor(w.st, id, world_receipt(number), tok),
	                 AKSES_E_RECEIPT_NEEDED);
	ck_assert_int_eq(store_pass_token_visitor(w.st, id, fresh, tok), AKSES_OK);
}
END_TEST

START_TEST(test_receipt_token_holds_at_least_128_bits)
{
	const char *t = world_receipt(number);
	/* 32 base32 characters = 160 bits from the OS random source */
	ck_assert_int_eq((int)strlen(t), 32);
	ck_assert_int_ge((int)strlen(t) * 5, 128);
	ck_assert_int_eq(valid_token(t, NULL), AKSES_OK);
	struct akses_request *r = malloc(sizeof *r);
	ck_assert_int_eq(store_lookup_token(w.st, t, r), AKSES_OK);
	ck_assert_str_eq(r->number, number);
	free(r);
}
END_TEST

static Suite *lookup_suite(void)
{
	Suite *s = suite_create("store_lookup");
	TCase *tc = tcase_create("lookup");
	tcase_add_unchecked_fixture(tc, world_init, NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_delay_is_free_for_five_tries_then_doubles_from_a_minute);
	tcase_add_test(tc, test_right_digits_wait_after_five_wrong_tries_until_the_delay_passes);
	tcase_add_test(tc, test_a_station_guessing_across_requests_is_slowed_and_others_are_not);
	tcase_add_test(tc, test_every_try_is_recorded_with_station_and_time_never_the_digits);
	tcase_add_test(tc, test_cancel_by_digits_is_stopped_after_five_wrong_tries);
	tcase_add_test(tc, test_helpdesk_sees_a_request_under_attack);
	tcase_add_test(tc, test_visitor_print_is_refused_without_the_receipt_token);
	tcase_add_test(tc, test_a_reissued_receipt_voids_the_old_one_for_printing);
	tcase_add_test(tc, test_receipt_token_holds_at_least_128_bits);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(lookup_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
