/* test_store_print.c - print job records and the pass print states they drive: pending while a
 * badge prints, done once (and counted), failed but still the visitor's to print. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "world.h"

static struct world w;
static char number[AKSES_NUMBER_BUF];
static int64_t pid[2];

/* A recorded request with one companion: two passes. */
static void setup(void)
{
	world_open(&w);
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 1, number);
	world_advance(&w, number, RS_RECORDED);
	struct akses_pass *p = NULL;
	int n = 0;
	ck_assert_int_eq(store_pass_list(w.st, number, &p, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	pid[0] = p[0].id;
	pid[1] = p[1].id;
	free(p);
}

static void teardown(void)
{
	world_close(&w);
}

static struct akses_pass pass_get(int64_t id)
{
	struct akses_pass p;
	ck_assert_int_eq(world_pass(&w, id, &p), AKSES_OK);
	return p;
}

static int64_t begin_badge(int64_t pass_id)
{
	int64_t job = 0;
	ck_assert_int_eq(world_print_begin(w.st, "badge", number, pass_id, 0, false, "Badge", &job),
	                 AKSES_OK);
	ck_assert_int_gt(job, 0);
	return job;
}

static int64_t sql_int(const char *sql)
{
	return world_int(&w, sql);
}

START_TEST(test_badge_print_marks_the_pass_pending_then_done)
{
	int64_t job = begin_badge(pid[0]);
	ck_assert_int_eq(pass_get(pid[0]).print, PRINT_PENDING);
	ck_assert_int_eq(pass_get(pid[1]).print, PRINT_NONE);
	ck_assert_int_eq(store_print_update(w.st, job, 41, JOB_ACCEPTED, NULL), AKSES_OK);
	ck_assert_int_eq(pass_get(pid[0]).print, PRINT_PENDING);
	ck_assert_int_eq(store_print_update(w.st, job, 0, JOB_COMPLETED, "printed"), AKSES_OK);
	struct akses_pass p = pass_get(pid[0]);
	ck_assert_int_eq(p.print, PRINT_DONE);
	ck_assert_int_eq(p.print_count, 1);
	/* the same end reported twice counts once */
	ck_assert_int_eq(store_print_update(w.st, job, 41, JOB_COMPLETED, NULL), AKSES_OK);
	ck_assert_int_eq(pass_get(pid[0]).print_count, 1);

	struct akses_print_job *j = NULL;
	int n = 0;
	ck_assert_int_eq(store_print_list(w.st, 0, &j, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(j[0].id, job);
	ck_assert_str_eq(j[0].kind, "badge");
	ck_assert_str_eq(j[0].number, number);
	ck_assert_int_eq(j[0].pass_id, pid[0]);
	ck_assert_int_eq(j[0].staff_id, 0);
	ck_assert_str_eq(j[0].queue, "Badge");
	ck_assert_int_eq(j[0].cups_job_id, 41); /* kept when a later update gives 0 */
	ck_assert_int_eq(j[0].state, JOB_COMPLETED);
	ck_assert(!j[0].reprint);
	ck_assert_int_eq(j[0].at, tu_time(WORLD_NOW));
	free(j);
}
END_TEST

START_TEST(test_second_print_while_one_is_under_way_is_refused)
{
	begin_badge(pid[0]);
	int64_t job = 0;
	tu_set_now("2026-12-01 08:01:59");
	ck_assert_int_eq(world_print_begin(w.st, "badge", number, pid[0], 0, false, NULL, &job),
	                 AKSES_E_PRINT_ACTIVE);
	ck_assert_int_eq(job, 0);
	/* the other person's badge is not held up */
	ck_assert_int_eq(world_print_begin(w.st, "badge", number, pid[1], 0, false, NULL, &job),
	                 AKSES_OK);
	/* a job pending for two minutes is taken as lost: the pass may be printed again */
	tu_set_now("2026-12-01 08:02:00");
	ck_assert_int_eq(world_print_begin(w.st, "badge", number, pid[0], 0, false, NULL, &job),
	                 AKSES_OK);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM print_job"), 3);
}
END_TEST

START_TEST(test_each_way_a_print_can_fail_leaves_the_pass_failed)
{
	const print_job_state fails[] = {JOB_FAILED, JOB_ABORTED, JOB_CANCELED, JOB_STOPPED};
	for (int i = 0; i < 4; i++) {
		int64_t job = begin_badge(pid[0]);
		ck_assert_int_eq(store_print_update(w.st, job, 0, fails[i], "Antrean dihentikan"),
		                 AKSES_OK);
		struct akses_pass p = pass_get(pid[0]);
		ck_assert_int_eq(p.print, PRINT_FAILED);
		ck_assert_int_eq(p.print_count, 0);
	}
	struct akses_print_job *j = NULL;
	int n = 0;
	ck_assert_int_eq(store_print_list(w.st, 2, &j, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	/* newest first */
	ck_assert_int_eq(j[0].state, JOB_STOPPED);
	ck_assert_int_eq(j[1].state, JOB_CANCELED);
	ck_assert_str_eq(j[0].message, "Antrean dihentikan");
	free(j);
}
END_TEST

START_TEST(test_late_failure_of_an_old_job_does_not_undo_a_completed_print)
{
	int64_t lost = begin_badge(pid[0]);
	tu_set_now("2026-12-01 08:05");
	int64_t job = begin_badge(pid[0]);
	ck_assert_int_eq(store_print_update(w.st, job, 12, JOB_COMPLETED, NULL), AKSES_OK);
	ck_assert_int_eq(store_print_update(w.st, lost, 11, JOB_ABORTED, NULL), AKSES_OK);
	struct akses_pass p = pass_get(pid[0]);
	ck_assert_int_eq(p.print, PRINT_DONE);
	ck_assert_int_eq(p.print_count, 1);
}
END_TEST

START_TEST(test_staff_reprint_is_recorded_with_its_staff)
{
	int64_t job = begin_badge(pid[1]);
	ck_assert_int_eq(store_print_update(w.st, job, 3, JOB_COMPLETED, NULL), AKSES_OK);
	int64_t re = 0;
	ck_assert_int_eq(
	    world_print_begin(w.st, "badge", number, pid[1], w.helpdesk, true, "Badge", &re),
	    AKSES_OK);
	ck_assert_int_eq(store_print_update(w.st, re, 4, JOB_COMPLETED, NULL), AKSES_OK);
	ck_assert_int_eq(pass_get(pid[1]).print_count, 2);
	struct akses_print_job *j = NULL;
	int n = 0;
	ck_assert_int_eq(store_print_list(w.st, 1, &j, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert(j[0].reprint);
	ck_assert_int_eq(j[0].staff_id, w.helpdesk);
	free(j);
	/* the print audit rows: begin and end of each job, chained */
	ck_assert_int_eq(sql_int("SELECT count(*) FROM audit WHERE action = 'print'"), 4);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM audit WHERE action = 'print'"
	                         " AND detail = 'badge completed'"),
	                 2);
	int64_t rows = 0, bad = 0;
	ck_assert_int_eq(world_audit_verify(w.st, &rows, &bad), AKSES_OK);
}
END_TEST

START_TEST(test_documents_other_than_badges_touch_no_pass)
{
	int64_t receipt = 0, log = 0;
	ck_assert_int_eq(world_print_begin(w.st, "receipt", number, 0, 0, false, "Struk", &receipt),
	                 AKSES_OK);
	ck_assert_int_eq(world_print_begin(w.st, "log", NULL, 0, w.helpdesk, false, NULL, &log),
	                 AKSES_OK);
	ck_assert_int_eq(store_print_update(w.st, log, 9, JOB_FAILED, "cupsd tidak berjalan"),
	                 AKSES_OK);
	ck_assert_int_eq(pass_get(pid[0]).print, PRINT_NONE);
	ck_assert_int_eq(pass_get(pid[1]).print, PRINT_NONE);
	struct akses_print_job *j = NULL;
	int n = 0;
	ck_assert_int_eq(store_print_list(w.st, 10, &j, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(j[0].kind, "log");
	ck_assert_str_eq(j[0].number, "");
	ck_assert_int_eq(j[0].pass_id, 0);
	ck_assert_int_eq(j[0].state, JOB_FAILED);
	ck_assert_str_eq(j[1].kind, "receipt");
	ck_assert_str_eq(j[1].number, number);
	ck_assert_int_eq(j[1].state, JOB_PENDING);
	free(j);
}
END_TEST

START_TEST(test_bad_print_records_are_refused)
{
	int64_t job = 0;
	ck_assert_int_eq(world_print_begin(w.st, "badge", number, 999999, 0, false, NULL, &job),
	                 AKSES_E_PASS_NOT_FOUND);
	ck_assert_int_eq(
	    world_print_begin(w.st, "badge", "AKS-20261201-0999", pid[0], 0, false, NULL, &job),
	    AKSES_E_REQUEST_NOT_FOUND);
	ck_assert_int_eq(world_print_begin(w.st, "", number, 0, 0, false, NULL, &job),
	                 AKSES_E_INVALID_ARG);
	ck_assert_int_eq(world_print_begin(w.st, "badge", number, pid[0], 31337, false, NULL, &job),
	                 AKSES_E_STAFF_NOT_FOUND);
	ck_assert_int_eq(store_print_update(w.st, 999999, 0, JOB_COMPLETED, NULL),
	                 AKSES_E_INVALID_ARG);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM print_job"), 0);
	ck_assert_int_eq(pass_get(pid[0]).print, PRINT_NONE);
}
END_TEST

START_TEST(test_long_printer_message_is_cut_on_a_character_boundary)
{
	int64_t job = begin_badge(pid[0]);
	char msg[600] = "";
	for (int i = 0; i < 150; i++)
		strcat(msg, "é"); /* 2 bytes each: 300 bytes */
	ck_assert_int_eq(store_print_update(w.st, job, 0, JOB_STOPPED, msg), AKSES_OK);
	struct akses_print_job *j = NULL;
	int n = 0;
	ck_assert_int_eq(store_print_list(w.st, 1, &j, &n), AKSES_OK);
	ck_assert_int_eq(strlen(j[0].message), 254);
	ck_assert_int_eq(strncmp(j[0].message, msg, 254), 0);
	free(j);
}
END_TEST

/* ---- a badge's token follows its print job (issue 7.4, 7.5; issue 8.3) ---------------------- */

static void sql_exec(const char *sql)
{
	world_exec(&w, sql);
}

/* A badge printed the way paper_print does it: a pending token, a job, its end. */
static int64_t print_with_token(int64_t pass_id, int64_t staff, print_job_state end,
                                char token[AKSES_TOKEN_BUF])
{
	int64_t job = 0;
	ck_assert_int_eq(store_pass_token_pending(w.st, pass_id, staff, staff ? "Kartu rusak" : NULL,
	                                          staff ? NULL : world_receipt(number), token),
	                 AKSES_OK);
	ck_assert_int_eq(world_print_begin(w.st, "badge", number, pass_id, staff, staff > 0, "PDF",
	                                   &job),
	                 AKSES_OK);
	if (end != JOB_FAILED)
		ck_assert_int_eq(store_print_update(w.st, job, 7, JOB_ACCEPTED, NULL), AKSES_OK);
	if (end != JOB_ACCEPTED)
		ck_assert_int_eq(store_print_update(w.st, job, end == JOB_FAILED ? 0 : 7, end, NULL),
		                 AKSES_OK);
	return job;
}

static struct akses_scan_result scan(const char *token)
{
	struct akses_scan_result r;
	ck_assert_int_eq(store_scan(w.st, token, w.teknis, "Pintu A", SCAN_DIR_IN, &r), AKSES_OK);
	return r;
}

START_TEST(test_failed_reprint_leaves_the_working_badge_valid)
{
	char first[AKSES_TOKEN_BUF], second[AKSES_TOKEN_BUF];
	print_with_token(pid[0], 0, JOB_COMPLETED, first);
	/* the staff reprint goes to a broken queue: nothing accepted by CUPS */
	print_with_token(pid[0], w.helpdesk, JOB_FAILED, second);
	tu_set_now("2026-12-01 10:00");
	struct akses_scan_result r = scan(first);
	ck_assert_int_eq(r.decision, SCAN_ENTRY);
	ck_assert_int_eq(r.pass_id, pid[0]);
	r = scan(second);
	ck_assert_int_eq(r.decision, SCAN_DENIED);
	ck_assert_int_eq(r.reason, DENY_UNKNOWN);
	ck_assert_int_eq(pass_get(pid[0]).print_count, 1);
}
END_TEST

START_TEST(test_reprint_accepted_by_cups_replaces_the_badge)
{
	char first[AKSES_TOKEN_BUF], second[AKSES_TOKEN_BUF];
	print_with_token(pid[0], 0, JOB_COMPLETED, first);
	/* until CUPS accepts the reprint, the first badge still opens the door */
	int64_t job = 0;
	ck_assert_int_eq(store_pass_token_pending(w.st, pid[0], w.helpdesk, "Hilang", NULL, second),
	                 AKSES_OK);
	ck_assert_int_eq(world_print_begin(w.st, "badge", number, pid[0], w.helpdesk, true, "PDF",
	                                   &job),
	                 AKSES_OK);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM pass WHERE token_hash IS NOT NULL"
	                               " AND pending_hash IS NULL AND id IN"
	                               " (SELECT pass_id FROM print_job WHERE token_hash IS NOT NULL)"),
	                 1);
	ck_assert_int_eq(store_print_update(w.st, job, 8, JOB_ACCEPTED, NULL), AKSES_OK);
	tu_set_now("2026-12-01 10:00");
	struct akses_scan_result r = scan(first);
	ck_assert_int_eq(r.decision, SCAN_DENIED);
	ck_assert_int_eq(r.reason, DENY_REPLACED);
	ck_assert_int_eq(r.pass_id, pid[0]);
	ck_assert_int_eq(scan(second).decision, SCAN_ENTRY);
}
END_TEST

START_TEST(test_tokens_for_all_passes_are_all_or_nothing)
{
	char first[AKSES_TOKEN_BUF];
	print_with_token(pid[0], 0, JOB_COMPLETED, first);
	/* the second pass cannot take a new token: a real engine failure part-way (a trigger is
	 * DDL of each engine's own dialect) */
	if (tu_db_on_server())
		sql_exec("CREATE FUNCTION t_fail() RETURNS trigger LANGUAGE plpgsql"
		         " AS $$BEGIN RAISE EXCEPTION 'disk trouble'; END$$;"
		         " CREATE TRIGGER t_fail BEFORE UPDATE OF token_hash ON pass FOR EACH ROW"
		         " WHEN (NEW.person = 1) EXECUTE FUNCTION t_fail();");
	else
		sql_exec("CREATE TRIGGER t_fail BEFORE UPDATE OF token_hash ON pass WHEN NEW.person = 1"
		         " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;");
	int64_t ids[2] = {pid[0], pid[1]};
	char tok[2][AKSES_TOKEN_BUF];
	akses_status st[2];
	ck_assert_int_ne(store_pass_token_all(w.st, ids, 2, w.helpdesk, "dibagikan", tok, st),
	                 AKSES_OK);
	ck_assert_str_eq(tok[0], "");
	tu_set_now("2026-12-01 10:00");
	ck_assert_int_eq(scan(first).decision, SCAN_ENTRY); /* the earlier badge still works */
	sql_exec(tu_db_on_server() ? "DROP TRIGGER t_fail ON pass;" : "DROP TRIGGER t_fail;");
	ck_assert_int_eq(store_pass_token_all(w.st, ids, 2, w.helpdesk, "dibagikan", tok, st),
	                 AKSES_OK);
	ck_assert_int_eq(st[0], AKSES_OK);
	ck_assert_int_eq(st[1], AKSES_OK);
	ck_assert_int_eq(scan(tok[1]).decision, SCAN_ENTRY);
}
END_TEST

START_TEST(test_badge_written_to_a_file_is_recorded_and_counts_as_the_first_print)
{
	char token[AKSES_TOKEN_BUF], again[AKSES_TOKEN_BUF];
	int64_t job = 0;
	ck_assert_int_eq(store_pass_token_pending(w.st, pid[0], 0, NULL, world_receipt(number), token), AKSES_OK);
	ck_assert_int_eq(store_print_begin_dest(w.st, "badge", number, pid[0], 0, false, NULL, true,
	                                        &job),
	                 AKSES_OK);
	ck_assert_int_eq(store_print_update(w.st, job, 0, JOB_COMPLETED, "Saved"), AKSES_OK);
	struct akses_pass p = pass_get(pid[0]);
	ck_assert_int_eq(p.print, PRINT_DONE);
	ck_assert_int_eq(p.print_count, 1);
	ck_assert(p.issued);
	struct akses_print_job *j = NULL;
	int n = 0;
	ck_assert_int_eq(store_print_list(w.st, 1, &j, &n), AKSES_OK);
	ck_assert(j[0].to_file);
	ck_assert_str_eq(j[0].kind, "badge");
	free(j);
	/* a second file for the visitor is refused like a second print: staff with a reason */
	ck_assert_int_eq(store_pass_token_pending(w.st, pid[0], 0, NULL, world_receipt(number), again),
	                 AKSES_E_ALREADY_PRINTED);
	/* and a file job is never handed to CUPS reconciliation */
	ck_assert_int_eq(store_print_open(w.st, &j, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(j);
}
END_TEST

START_TEST(test_open_jobs_are_listed_for_reconciling)
{
	int64_t a = begin_badge(pid[0]);
	int64_t job = 0;
	ck_assert_int_eq(world_print_begin(w.st, "log", NULL, 0, w.helpdesk, false, "PDF", &job),
	                 AKSES_OK);
	ck_assert_int_eq(store_print_update(w.st, job, 12, JOB_COMPLETED, NULL), AKSES_OK);
	struct akses_print_job *j = NULL;
	int n = 0;
	ck_assert_int_eq(store_print_open(w.st, &j, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(j[0].id, a);
	free(j);
	/* a job found lost makes its pass printable again for the visitor */
	ck_assert_int_eq(store_print_update(w.st, a, 0, JOB_FAILED, "never reached CUPS"), AKSES_OK);
	ck_assert_int_eq(pass_get(pid[0]).print, PRINT_FAILED);
	char token[AKSES_TOKEN_BUF];
	ck_assert_int_eq(store_pass_token_pending(w.st, pid[0], 0, NULL, world_receipt(number), token), AKSES_OK);
	/* spooled jobs: the completed log, once; purged, never again */
	ck_assert_int_eq(store_print_spooled(w.st, tu_time("2030-01-01 00:00"), &j, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(j[0].cups_job_id, 12);
	ck_assert_int_eq(store_print_purged(w.st, j[0].id, w.admin), AKSES_OK);
	free(j);
	ck_assert_int_eq(store_print_spooled(w.st, tu_time("2030-01-01 00:00"), &j, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(j);
}
END_TEST

static Suite *print_suite(void)
{
	Suite *s = suite_create("store_print");
	TCase *tc = tcase_create("print");
	tcase_add_unchecked_fixture(tc, world_init, NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_badge_print_marks_the_pass_pending_then_done);
	tcase_add_test(tc, test_second_print_while_one_is_under_way_is_refused);
	tcase_add_test(tc, test_each_way_a_print_can_fail_leaves_the_pass_failed);
	tcase_add_test(tc, test_late_failure_of_an_old_job_does_not_undo_a_completed_print);
	tcase_add_test(tc, test_staff_reprint_is_recorded_with_its_staff);
	tcase_add_test(tc, test_documents_other_than_badges_touch_no_pass);
	tcase_add_test(tc, test_bad_print_records_are_refused);
	tcase_add_test(tc, test_long_printer_message_is_cut_on_a_character_boundary);
	tcase_add_test(tc, test_failed_reprint_leaves_the_working_badge_valid);
	tcase_add_test(tc, test_reprint_accepted_by_cups_replaces_the_badge);
	tcase_add_test(tc, test_tokens_for_all_passes_are_all_or_nothing);
	tcase_add_test(tc, test_badge_written_to_a_file_is_recorded_and_counts_as_the_first_print);
	tcase_add_test(tc, test_open_jobs_are_listed_for_reconciling);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(print_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
