/* test_store_pass.c - passes: one per person once recorded, who may get a printable token and
 * when (the visitor once, staff reprints with a reason), and revocation. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "world.h"

static struct world w;
static char number[AKSES_NUMBER_BUF];

/* A recorded request for today 10:00-12:00 with two companions (three passes). */
static void setup(void)
{
	world_open(&w);
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 2, number);
	world_advance(&w, number, RS_RECORDED);
}

static void teardown(void)
{
	world_close(&w);
}

/* The id of the pass of person (0 = applicant). */
static int64_t pass_of(int person)
{
	struct akses_pass *p = NULL;
	int n = 0;
	ck_assert_int_eq(store_pass_list(w.st, number, &p, &n), AKSES_OK);
	ck_assert_int_gt(n, person);
	int64_t id = p[person].id;
	free(p);
	return id;
}

static struct akses_pass pass_get(int64_t id)
{
	struct akses_pass p;
	ck_assert_int_eq(world_pass(&w, id, &p), AKSES_OK);
	return p;
}

/* Run a badge print of a pass to its end state. */
static void print_badge(int64_t pass_id, int64_t staff_id, print_job_state end)
{
	int64_t job = 0;
	ck_assert_int_eq(
	    world_print_begin(w.st, "badge", number, pass_id, staff_id, staff_id != 0, "PDF", &job),
	    AKSES_OK);
	ck_assert_int_eq(store_print_update(w.st, job, 7, end, NULL), AKSES_OK);
}

/* How many rows a query counts, through a second connection (as another process would see it). */
static int64_t sql_count(const char *sql, const char *text)
{
	return world_int_text(&w, sql, text);
}

START_TEST(test_recorded_request_has_one_pass_per_person)
{
	struct akses_pass *p = NULL;
	int n = 0;
	ck_assert_int_eq(store_pass_list(w.st, number, &p, &n), AKSES_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(p[0].name, WORLD_NAME);
	ck_assert_str_eq(p[1].name, "Ni Luh Putu Ayu");
	ck_assert_str_eq(p[2].name, "José Ramos");
	for (int i = 0; i < n; i++) {
		ck_assert_int_eq(p[i].person, i);
		ck_assert_str_eq(p[i].number, number);
		ck_assert_str_eq(p[i].institution, "PT Awan Nusantara");
		ck_assert_str_eq(p[i].escort_name, "Andi Teknisi");
		ck_assert_int_eq(p[i].start_at, tu_time("2026-12-01 10:00"));
		ck_assert_int_eq(p[i].end_at, tu_time("2026-12-01 12:00"));
		/* the default grace lets them in 15 minutes early */
		ck_assert_int_eq(p[i].valid_from, tu_time("2026-12-01 09:45"));
		ck_assert(!p[i].issued && !p[i].revoked && !p[i].inside);
		ck_assert_int_eq(p[i].print, PRINT_NONE);
		ck_assert_int_eq(p[i].print_count, 0);
	}
	struct akses_pass one = pass_get(p[2].id);
	ck_assert_str_eq(one.name, "José Ramos");
	free(p);
}
END_TEST

/* A group of AKSES_MAX_PEOPLE is one request: every companion is read back, in order, and each
 * person gets a pass of their own once it is recorded. */
START_TEST(test_group_of_thirty_is_one_request_with_thirty_passes)
{
	char group[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 13:00", "2026-12-01 15:00", AKSES_MAX_COMPANIONS, group);
	struct akses_request r;
	ck_assert_int_eq(store_request_get(w.st, group, &r), AKSES_OK);
	ck_assert_int_eq(r.n_companions, 29);
	for (int i = 0; i < r.n_companions; i++) {
		ck_assert_str_eq(r.companions[i].name, world_companion_name(i));
		ck_assert_str_eq(r.companions[i].nik, world_companion_nik(i));
	}
	world_advance(&w, group, RS_RECORDED);
	struct akses_pass *p = NULL;
	int n = 0;
	ck_assert_int_eq(store_pass_list(w.st, group, &p, &n), AKSES_OK);
	ck_assert_int_eq(n, 30);
	ck_assert_str_eq(p[0].name, WORLD_NAME);
	for (int i = 1; i < n; i++) {
		ck_assert_int_eq(p[i].person, i);
		ck_assert_str_eq(p[i].name, world_companion_name(i - 1));
	}
	ck_assert_str_eq(p[29].name, "Peserta Rombongan 29");
	free(p);
}
END_TEST

START_TEST(test_request_not_yet_recorded_has_no_passes)
{
	char other[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 13:00", "2026-12-01 14:00", 1, other);
	world_advance(&w, other, RS_ASSIGNED);
	struct akses_pass *p = NULL;
	int n = -1;
	ck_assert_int_eq(store_pass_list(w.st, other, &p, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(p);
	ck_assert_int_eq(store_pass_list(w.st, "AKS-20261201-0999", &p, &n),
	                 AKSES_E_REQUEST_NOT_FOUND);
}
END_TEST

START_TEST(test_visitor_gets_a_token_until_the_pass_is_printed)
{
	int64_t id = pass_of(0);
	char token[AKSES_TOKEN_BUF];
	ck_assert_int_eq(world_visitor_token(&w, id, token), AKSES_OK);
	ck_assert_int_eq(strlen(token), AKSES_TOKEN_LEN);
	ck_assert(pass_get(id).issued);
	print_badge(id, 0, JOB_COMPLETED);
	struct akses_pass p = pass_get(id);
	ck_assert_int_eq(p.print, PRINT_DONE);
	ck_assert_int_eq(p.print_count, 1);
	char again[AKSES_TOKEN_BUF] = "x";
	ck_assert_int_eq(world_visitor_token(&w, id, again), AKSES_E_ALREADY_PRINTED);
	ck_assert_str_eq(again, "");
}
END_TEST

START_TEST(test_visitor_cannot_get_a_token_while_a_print_is_under_way)
{
	int64_t id = pass_of(0);
	int64_t job = 0;
	char token[AKSES_TOKEN_BUF];
	ck_assert_int_eq(world_visitor_token(&w, id, token), AKSES_OK);
	ck_assert_int_eq(world_print_begin(w.st, "badge", number, id, 0, false, "PDF", &job),
	                 AKSES_OK);
	/* "being printed", never "already printed": nothing may have reached the printer yet */
	ck_assert_int_eq(world_visitor_token(&w, id, token), AKSES_E_PRINT_ACTIVE);
	/* nor may staff void the badge coming out of the printer, until the job is taken as lost */
	ck_assert_int_eq(store_pass_token(w.st, id, w.helpdesk, "Macet", token),
	                 AKSES_E_PRINT_ACTIVE);
	tu_set_now("2026-12-01 08:02");
	/* the visitor waits for reconciling to settle the job with CUPS (paper_reconcile) */
	ck_assert_int_eq(world_visitor_token(&w, id, token), AKSES_E_PRINT_ACTIVE);
	ck_assert_int_eq(store_pass_token(w.st, id, w.helpdesk, "Macet", token), AKSES_OK);
}
END_TEST

START_TEST(test_failed_print_leaves_the_pass_printable_by_the_visitor)
{
	int64_t id = pass_of(1);
	char token[AKSES_TOKEN_BUF];
	ck_assert_int_eq(world_visitor_token(&w, id, token), AKSES_OK);
	print_badge(id, 0, JOB_FAILED);
	ck_assert_int_eq(pass_get(id).print, PRINT_FAILED);
	ck_assert_int_eq(world_visitor_token(&w, id, token), AKSES_OK);
}
END_TEST

START_TEST(test_staff_reprint_replaces_the_old_token)
{
	int64_t id = pass_of(0);
	char old[AKSES_TOKEN_BUF], fresh[AKSES_TOKEN_BUF];
	ck_assert_int_eq(world_visitor_token(&w, id, old), AKSES_OK);
	print_badge(id, 0, JOB_COMPLETED);
	ck_assert_int_eq(store_pass_token(w.st, id, w.helpdesk, "Kartu hilang", fresh), AKSES_OK);
	ck_assert_str_ne(old, fresh);

	tu_set_now("2026-12-01 10:00");
	struct akses_scan_result r;
	ck_assert_int_eq(store_scan(w.st, old, w.teknis, "Pintu A", SCAN_DIR_AUTO, &r), AKSES_OK);
	ck_assert_int_eq(r.decision, SCAN_DENIED);
	/* the door tells a replaced badge from a forged one, and says whose it is */
	ck_assert_int_eq(r.reason, DENY_REPLACED);
	ck_assert_int_eq(r.pass_id, id);
	ck_assert_str_ne(r.number, "");
	ck_assert_int_eq(store_scan(w.st, fresh, w.teknis, "Pintu A", SCAN_DIR_AUTO, &r), AKSES_OK);
	ck_assert_int_eq(r.decision, SCAN_ENTRY);
	ck_assert_int_eq(r.pass_id, id);

	/* the reprint is on record with its actor, and no token is in the audit trail */
	char sql[200];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM audit WHERE action = 'pass-token' AND detail = 'reprint=1'"
	         " AND actor_id = %lld AND subject = 'pass:%lld'",
	         (long long)w.helpdesk, (long long)id);
	ck_assert_int_eq(sql_count(sql, NULL), 1);
	ck_assert_int_eq(
	    sql_count("SELECT count(*) FROM audit"
	                       " WHERE replace(subject || detail, ?1, '') <> subject || detail", fresh), 0);
	ck_assert_int_eq(
	    sql_count("SELECT count(*) FROM audit"
	                       " WHERE replace(subject || detail, ?1, '') <> subject || detail", old), 0);
}
END_TEST

START_TEST(test_koordinator_reprint_needs_a_reason)
{
	int64_t id = pass_of(0);
	char token[AKSES_TOKEN_BUF];
	ck_assert_int_eq(store_pass_token(w.st, id, w.koord, NULL, token), AKSES_E_REQUIRED);
	ck_assert_int_eq(store_pass_token(w.st, id, w.koord, "   ", token), AKSES_E_REQUIRED);
	ck_assert(!pass_get(id).issued);
	ck_assert_int_eq(store_pass_token(w.st, id, w.koord, "Tinta pudar", token), AKSES_OK);
}
END_TEST

START_TEST(test_tim_teknis_may_not_reprint)
{
	int64_t id = pass_of(0);
	char token[AKSES_TOKEN_BUF];
	ck_assert_int_eq(store_pass_token(w.st, id, w.teknis, "Rusak", token), AKSES_E_ROLE);
	ck_assert_int_eq(store_pass_token(w.st, id, w.kabid, "Rusak", token), AKSES_E_ROLE);
	ck_assert_int_eq(store_pass_token(w.st, id, 424242, "Rusak", token),
	                 AKSES_E_STAFF_NOT_FOUND);
	ck_assert(!pass_get(id).issued);
}
END_TEST

START_TEST(test_pass_is_not_printable_before_recording_after_the_window_or_revoked)
{
	int64_t id = pass_of(0);
	char token[AKSES_TOKEN_BUF];
	tu_set_now("2026-12-01 12:00");
	ck_assert_int_eq(world_visitor_token(&w, id, token), AKSES_E_NOT_PRINTABLE);
	ck_assert_int_eq(store_pass_token(w.st, id, w.helpdesk, "Hilang", token),
	                 AKSES_E_NOT_PRINTABLE);
	tu_set_now("2026-12-01 11:59");
	ck_assert_int_eq(store_pass_revoke(w.st, pass_of(1), w.koord, "Tidak terdaftar"), AKSES_OK);
	ck_assert_int_eq(world_visitor_token(&w, pass_of(1), token), AKSES_E_NOT_PRINTABLE);
	ck_assert_int_eq(world_visitor_token(&w, id, token), AKSES_OK);
	ck_assert_int_eq(world_visitor_token(&w, 999999, token), AKSES_E_PASS_NOT_FOUND);
}
END_TEST

START_TEST(test_only_koordinator_or_kabid_revoke_a_pass)
{
	int64_t id = pass_of(0);
	ck_assert_int_eq(store_pass_revoke(w.st, id, w.teknis, "x"), AKSES_E_ROLE);
	ck_assert_int_eq(store_pass_revoke(w.st, id, w.helpdesk, "x"), AKSES_E_ROLE);
	ck_assert_int_eq(store_pass_revoke(w.st, id, w.kadis, "x"), AKSES_E_ROLE);
	ck_assert(!pass_get(id).revoked);
	ck_assert_int_eq(store_pass_revoke(w.st, id, w.kabid, "Izin dicabut"), AKSES_OK);
	ck_assert(pass_get(id).revoked);
	ck_assert_int_eq(store_pass_revoke(w.st, id, w.koord, NULL), AKSES_OK);
	ck_assert_int_eq(store_pass_revoke(w.st, pass_of(2), w.koord, NULL), AKSES_OK);
	ck_assert(pass_get(pass_of(2)).revoked);
	ck_assert(!pass_get(pass_of(1)).revoked);
	ck_assert_int_eq(store_pass_revoke(w.st, 999999, w.koord, NULL), AKSES_E_PASS_NOT_FOUND);
	/* one audit row per revocation actually made */
	ck_assert_int_eq(sql_count("SELECT count(*) FROM audit WHERE action = 'pass-revoke'", NULL),
	                 2);
	int64_t n = 0, bad = 0;
	ck_assert_int_eq(world_audit_verify(w.st, &n, &bad), AKSES_OK);
}
END_TEST

static Suite *pass_suite(void)
{
	Suite *s = suite_create("store_pass");
	TCase *tc = tcase_create("pass");
	/* the template DB is built once, in the runner, and copied by each forked test */
	tcase_add_unchecked_fixture(tc, world_init, NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_recorded_request_has_one_pass_per_person);
	tcase_add_test(tc, test_group_of_thirty_is_one_request_with_thirty_passes);
	tcase_add_test(tc, test_request_not_yet_recorded_has_no_passes);
	tcase_add_test(tc, test_visitor_gets_a_token_until_the_pass_is_printed);
	tcase_add_test(tc, test_visitor_cannot_get_a_token_while_a_print_is_under_way);
	tcase_add_test(tc, test_failed_print_leaves_the_pass_printable_by_the_visitor);
	tcase_add_test(tc, test_staff_reprint_replaces_the_old_token);
	tcase_add_test(tc, test_koordinator_reprint_needs_a_reason);
	tcase_add_test(tc, test_tim_teknis_may_not_reprint);
	tcase_add_test(tc, test_pass_is_not_printable_before_recording_after_the_window_or_revoked);
	tcase_add_test(tc, test_only_koordinator_or_kabid_revoke_a_pass);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(pass_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
