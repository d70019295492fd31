/* test_store_offline.c - what a station without its server relies on in the store: a resent
 * submission (same key) makes no second request, and an exit spooled at the door is recorded
 * once at its original time however often it is replayed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "world.h"

#define DOOR "Pintu Ruang Server"
#define KEY_A "0123456789abcdef0123456789abcdef"

static struct world w;

static void setup(void)
{
	world_open(&w);
}

static void teardown(void)
{
	world_close(&w);
}

START_TEST(test_resent_submission_with_its_key_gets_the_first_number)
{
	struct akses_request_input in;
	world_input(&in, "2026-12-01 10:00", "2026-12-01 12:00", 1);
	in.submit_key = "kiosk-5f2a9c0e11d34b7a";
	struct akses_submit_result r1, r2;
	ck_assert_int_eq(store_submit(w.st, &in, &r1, NULL, NULL), AKSES_OK);
	/* the resend: the kiosk never saw r1 (the connection broke during its COMMIT) */
	ck_assert_int_eq(store_submit(w.st, &in, &r2, NULL, NULL), AKSES_OK);
	ck_assert_str_eq(r2.number, r1.number);
	ck_assert_int_eq(r2.id, r1.id);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM request"), 1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM companion"), 1);
	/* the resend's receipt is the one that works now: the first never reached the visitor */
	struct akses_request q;
	ck_assert_int_eq(store_lookup_token(w.st, r2.receipt_token, &q), AKSES_OK);
	ck_assert_str_eq(q.number, r1.number);
	ck_assert_int_eq(store_lookup_token(w.st, r1.receipt_token, &q), AKSES_E_LOOKUP);
	ck_assert_int_eq(world_audit_verify(w.st, NULL, NULL), AKSES_OK);
}
END_TEST

START_TEST(test_two_submissions_with_different_keys_are_two_requests)
{
	struct akses_request_input in;
	world_input(&in, "2026-12-01 10:00", "2026-12-01 12:00", 0);
	struct akses_submit_result r1, r2, r3;
	in.submit_key = "kiosk-aaaaaaaa";
	ck_assert_int_eq(store_submit(w.st, &in, &r1, NULL, NULL), AKSES_OK);
	in.submit_key = "kiosk-bbbbbbbb";
	ck_assert_int_eq(store_submit(w.st, &in, &r2, NULL, NULL), AKSES_OK);
	in.submit_key = NULL; /* aksesctl, the web: no key */
	ck_assert_int_eq(store_submit(w.st, &in, &r3, NULL, NULL), AKSES_OK);
	ck_assert_str_ne(r1.number, r2.number);
	ck_assert_str_ne(r2.number, r3.number);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM request"), 3);
}
END_TEST

START_TEST(test_a_malformed_key_is_refused_and_writes_nothing)
{
	struct akses_request_input in;
	world_input(&in, "2026-12-01 10:00", "2026-12-01 12:00", 0);
	struct akses_submit_result r;
	in.submit_key = "short";
	ck_assert_int_eq(store_submit(w.st, &in, &r, NULL, NULL), AKSES_E_INVALID_ARG);
	in.submit_key = "has space in it";
	ck_assert_int_eq(store_submit(w.st, &in, &r, NULL, NULL), AKSES_E_INVALID_ARG);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM request"), 0);
}
END_TEST

/* A visitor inside since 10:05 (a recorded request for 10:00-12:00, escorted by w.teknis). */
static int64_t inside_pass(char token[AKSES_TOKEN_BUF])
{
	char number[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, number);
	world_advance(&w, number, RS_RECORDED);
	struct akses_pass *p = NULL;
	int n = 0;
	ck_assert_int_eq(store_pass_list(w.st, number, &p, &n), AKSES_OK);
	int64_t id = p[0].id;
	free(p);
	ck_assert_int_eq(world_visitor_token(&w, id, token), AKSES_OK);
	struct akses_scan_result r;
	tu_set_now("2026-12-01 10:05");
	ck_assert_int_eq(store_scan(w.st, token, w.teknis, DOOR, SCAN_DIR_AUTO, &r), AKSES_OK);
	ck_assert_int_eq(r.decision, SCAN_ENTRY);
	return id;
}

START_TEST(test_spooled_exit_is_recorded_once_at_its_own_time)
{
	char token[AKSES_TOKEN_BUF];
	int64_t id = inside_pass(token);
	int64_t left = tu_time("2026-12-01 10:40");
	tu_set_now("2026-12-01 11:30"); /* the server came back long after */
	struct akses_scan_result r, again;
	ck_assert_int_eq(store_scan_spooled(w.st, token, w.teknis, DOOR, left, KEY_A, &r),
	                 AKSES_OK);
	ck_assert_int_eq(r.decision, SCAN_EXIT);
	ck_assert_int_eq(r.at, left);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM scan WHERE decision = 'EXIT'"), 1);
	ck_assert_int_eq(world_int(&w, "SELECT max(at) FROM scan WHERE decision = 'EXIT'"), left);
	struct akses_pass p;
	ck_assert_int_eq(world_pass(&w, id, &p), AKSES_OK);
	ck_assert(!p.inside);
	/* a second replay (a crash before the spool was emptied) adds nothing */
	char *before = world_dump(&w);
	ck_assert_int_eq(store_scan_spooled(w.st, token, w.teknis, DOOR, left, KEY_A, &again),
	                 AKSES_OK);
	char *after = world_dump(&w);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	ck_assert_int_eq(again.scan_id, r.scan_id);
	ck_assert_int_eq(again.decision, SCAN_EXIT);
	ck_assert_int_eq(again.at, left);
	struct akses_visit *v = NULL;
	int n = -1;
	ck_assert_int_eq(store_inside(w.st, &v, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(v);
}
END_TEST

START_TEST(test_spooled_exit_of_an_unknown_pass_is_denied_and_kept_denied)
{
	struct akses_scan_result r;
	const char *nobody = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	ck_assert_int_eq(store_scan_spooled(w.st, nobody, w.teknis, DOOR,
	                                    tu_time("2026-12-01 07:30"), KEY_A, &r),
	                 AKSES_OK);
	ck_assert_int_eq(r.decision, SCAN_DENIED);
	ck_assert_int_eq(r.reason, DENY_UNKNOWN);
	ck_assert_int_eq(store_scan_spooled(w.st, nobody, w.teknis, DOOR,
	                                    tu_time("2026-12-01 07:30"), KEY_A, &r),
	                 AKSES_OK);
	ck_assert_int_eq(r.decision, SCAN_DENIED);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM scan"), 1);
}
END_TEST

static Suite *offline_suite(void)
{
	Suite *s = suite_create("store_offline");
	TCase *tc = tcase_create("offline");
	tcase_add_unchecked_fixture(tc, world_init, NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_resent_submission_with_its_key_gets_the_first_number);
	tcase_add_test(tc, test_two_submissions_with_different_keys_are_two_requests);
	tcase_add_test(tc, test_a_malformed_key_is_refused_and_writes_nothing);
	tcase_add_test(tc, test_spooled_exit_is_recorded_once_at_its_own_time);
	tcase_add_test(tc, test_spooled_exit_of_an_unknown_pass_is_denied_and_kept_denied);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(offline_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
