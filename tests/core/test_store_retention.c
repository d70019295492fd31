/* test_store_retention.c - anonymizing requests that ended more than N days ago: personal data
 * gone from every table, counts, steps, passes and the audit chain kept; recent and open requests
 * untouched; admin only. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "world.h"

static struct world w;
static char old_closed[AKSES_NUMBER_BUF], old_rejected[AKSES_NUMBER_BUF];
static char late_expired[AKSES_NUMBER_BUF], recent_closed[AKSES_NUMBER_BUF];
static char still_open[AKSES_NUMBER_BUF];

/* The old closed request's applicant: names and numbers found nowhere else in the DB. */
#define OLD_NAME "Siti Aminah Lubis"
#define OLD_NIK "1371014507900099"
#define OLD_PHONE "0813-9999-1111"
#define OLD_EMAIL "siti.aminah@example.org"
#define OLD_REPORT "Siti Aminah Lubis tidak hadir."
#define RECENT_REPORT "Pemohon tidak hadir pada jadwal."

/* Record a request with the given window, let the window pass, and close it through the no-show
 * report chain at close_at. */
static void close_no_show(const char *number, const char *close_at, const char *report)
{
	world_advance(&w, number, RS_RECORDED);
	tu_set_now(close_at);
	ck_assert_int_eq(store_report_write(w.st, number, w.helpdesk, report), AKSES_OK);
	ck_assert_int_eq(store_act(w.st, number, WF_FORWARD_KOORD, w.koord, NULL), AKSES_OK);
	ck_assert_int_eq(store_act(w.st, number, WF_FORWARD_KABID, w.kabid, NULL), AKSES_OK);
	ck_assert_int_eq(store_act(w.st, number, WF_RECEIVE, w.kadis, NULL), AKSES_OK);
}

static void setup(void)
{
	world_open(&w);
	/* 1 December: one closed with two companions, one rejected, one left waiting */
	struct akses_request_input in;
	struct akses_submit_result res;
	world_input(&in, "2026-12-01 09:00", "2026-12-01 12:00", 2);
	in.name = OLD_NAME;
	in.nik = OLD_NIK;
	in.phone = OLD_PHONE;
	in.email = OLD_EMAIL;
	ck_assert_int_eq(store_submit(w.st, &in, &res, NULL, NULL), AKSES_OK);
	snprintf(old_closed, sizeof old_closed, "%s", res.number);
	world_submit(&w, "2026-12-01 09:00", "2026-12-01 12:00", 0, old_rejected);
	world_submit(&w, "2026-12-20 09:00", "2026-12-20 12:00", 0, late_expired);
	world_advance(&w, old_rejected, RS_VERIFIED);
	ck_assert_int_eq(store_act(w.st, old_rejected, WF_REJECT, w.kabid, "Tidak lengkap"),
	                 AKSES_OK);
	close_no_show(old_closed, "2026-12-01 12:30", OLD_REPORT);
	/* the kiosk's lists sweep stale requests; one such sweep on 20 December */
	tu_set_now("2026-12-20 12:30");
	int n = 0;
	ck_assert_int_eq(store_expire_stale(w.st, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	/* 5 January: one closed today, one open */
	tu_set_now("2027-01-05 07:00");
	world_submit(&w, "2027-01-05 09:00", "2027-01-05 10:00", 0, recent_closed);
	world_submit(&w, "2027-01-06 09:00", "2027-01-06 10:00", 0, still_open);
	close_no_show(recent_closed, "2027-01-05 10:30", RECENT_REPORT);
}

static void teardown(void)
{
	world_close(&w);
}

static struct akses_request *get(const char *number)
{
	struct akses_request *r = malloc(sizeof *r);
	ck_assert(r != NULL);
	ck_assert_int_eq(store_request_get(w.st, number, r), AKSES_OK);
	return r;
}

static int64_t rows_of(const char *table, const char *number)
{
	char sql[256];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM %s WHERE request_id = (SELECT id FROM request WHERE number "
	         "= '%s')",
	         table, number);
	return world_int(&w, sql);
}

START_TEST(test_old_final_requests_lose_personal_data_but_keep_their_history)
{
	int64_t steps = rows_of("step", old_closed), passes = rows_of("pass", old_closed);
	int64_t requests = world_int(&w, "SELECT count(*) FROM request");
	ck_assert_int_eq(passes, 3);
	int n = -1;
	tu_set_now("2027-01-05 11:00");
	ck_assert_int_eq(store_purge(w.st, w.admin, 30, &n), AKSES_OK);
	ck_assert_int_eq(n, 2); /* the old closed and the old rejected */

	struct akses_request *r = get(old_closed);
	ck_assert(r->anonymized);
	ck_assert_str_eq(r->name, "");
	ck_assert_str_eq(r->nik, "");
	ck_assert_str_eq(r->phone, "");
	ck_assert_str_eq(r->email, "");
	ck_assert_str_eq(r->report, "");
	ck_assert_int_eq(r->n_companions, 2);
	ck_assert_str_eq(r->companions[0].name, "");
	ck_assert_str_eq(r->companions[1].nik, "");
	/* what the counts and reports need stays */
	ck_assert_int_eq(r->state, RS_CLOSED);
	ck_assert_int_eq(r->last_step, 12);
	ck_assert_str_eq(r->institution, "PT Awan Nusantara");
	ck_assert_int_eq(r->start_at, tu_time("2026-12-01 09:00"));
	ck_assert_int_eq(r->escort_id, w.teknis);
	free(r);
	ck_assert_int_eq(rows_of("step", old_closed), steps);
	ck_assert_int_eq(rows_of("pass", old_closed), passes);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM request"), requests);
	r = get(old_rejected);
	ck_assert(r->anonymized);
	ck_assert_str_eq(r->name, "");
	free(r);

	/* nothing of that person is left anywhere in the file's tables */
	char *dump = world_dump(&w);
	const char *gone[] = {OLD_NAME,    OLD_NIK,           "6281399991111",
	                      OLD_EMAIL,   "Ni Luh Putu Ayu", "1371015203950002",
	                      "José Ramos"};
	for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
		ck_assert_msg(strstr(dump, gone[i]) == NULL, "%s is still in the DB", gone[i]);
	free(dump);

	/* the visitor's lookups no longer find it */
	struct akses_request *l = malloc(sizeof *l);
	ck_assert_int_eq(store_lookup(w.st, old_closed, "1111", "KIOSK-1", l), AKSES_E_LOOKUP);
	free(l);

	/* the chain still verifies, with one more row saying how many */
	int64_t rows = 0;
	ck_assert_int_eq(world_audit_verify(w.st, &rows, NULL), AKSES_OK);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'purge' AND"
	                               " detail = 'count=2 days=30'"),
	                 1);
}
END_TEST

/* Rejection and cancellation reasons, step notes, the purpose and the equipment are free texts
 * staff and visitors fill with names and NIKs: after the purge no row holds them any more. */
#define FREE_NAME "Budi Hartono"
#define FREE_NIK "3171011203850007"
START_TEST(test_free_texts_that_name_people_are_cleared)
{
	char rejected[AKSES_NUMBER_BUF], cancelled[AKSES_NUMBER_BUF];
	struct akses_request_input in;
	struct akses_submit_result res;
	tu_set_now("2026-12-02 08:00");
	world_input(&in, "2026-12-02 13:00", "2026-12-02 15:00", 0);
	in.purpose = "Ganti disk bersama " FREE_NAME;
	ck_assert_int_eq(store_submit(w.st, &in, &res, NULL, NULL), AKSES_OK);
	snprintf(rejected, sizeof rejected, "%s", res.number);
	ck_assert_int_eq(store_act(w.st, rejected, WF_DISPOSE_KADIS, w.kadis, "Untuk " FREE_NAME),
	                 AKSES_OK);
	ck_assert_int_eq(store_act(w.st, rejected, WF_DISPOSE_KABID, w.kabid, NULL), AKSES_OK);
	ck_assert_int_eq(store_act(w.st, rejected, WF_VERIFY, w.koord, "NIK " FREE_NIK " cocok"),
	                 AKSES_OK);
	ck_assert_int_eq(store_act(w.st, rejected, WF_REJECT, w.kabid,
	                           FREE_NAME " tidak membawa surat tugas"),
	                 AKSES_OK);
	world_submit(&w, "2026-12-02 13:00", "2026-12-02 15:00", 0, cancelled);
	ck_assert_int_eq(store_cancel(w.st, cancelled, w.koord, "Dibatalkan atas permintaan " FREE_NAME),
	                 AKSES_OK);
	ck_assert_int_gt(world_int(&w, "SELECT count(*) FROM step WHERE note LIKE '%" FREE_NAME "%'"
	                               " OR note LIKE '%" FREE_NIK "%'"),
	                 0);

	int n = 0;
	tu_set_now("2027-01-05 11:00");
	ck_assert_int_eq(store_purge(w.st, w.admin, 30, &n), AKSES_OK);
	ck_assert_int_eq(n, 4); /* old closed, old rejected, and these two */
	const char *q[] = {
	    "SELECT count(*) FROM step WHERE note LIKE '%" FREE_NAME "%' OR note LIKE '%" FREE_NIK "%'",
	    "SELECT count(*) FROM request WHERE reason LIKE '%" FREE_NAME "%'",
	    "SELECT count(*) FROM request WHERE purpose LIKE '%" FREE_NAME "%'",
	    "SELECT count(*) FROM request WHERE anonymized_at IS NOT NULL AND (reason <> ''"
	    " OR report <> '' OR purpose <> '' OR equipment <> '')",
	    "SELECT count(*) FROM step s JOIN request r ON r.id = s.request_id"
	    " WHERE r.anonymized_at IS NOT NULL AND s.note <> ''",
	};
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
		ck_assert_msg(world_int(&w, q[i]) == 0, "still there: %s", q[i]);
	char *dump = world_dump(&w);
	ck_assert_ptr_null(strstr(dump, FREE_NAME));
	ck_assert_ptr_null(strstr(dump, FREE_NIK));
	free(dump);
	/* the counts keep what they need: the purpose's category, the steps themselves */
	struct akses_request *r = get(rejected);
	ck_assert_int_eq(r->state, RS_REJECTED);
	ck_assert_int_eq(r->purpose_category, PURPOSE_MAINTENANCE);
	free(r);
	ck_assert_int_eq(rows_of("step", rejected), 5);
	/* what is still open keeps its texts */
	r = get(still_open);
	ck_assert_str_ne(r->purpose, "");
	free(r);
}
END_TEST

START_TEST(test_recent_and_open_requests_are_untouched)
{
	tu_set_now("2027-01-05 11:00");
	int n = 0;
	ck_assert_int_eq(store_purge(w.st, w.admin, 30, &n), AKSES_OK);
	const char *kept[] = {recent_closed, still_open, late_expired};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		struct akses_request *r = get(kept[i]);
		ck_assert(!r->anonymized);
		ck_assert_str_eq(r->name, WORLD_NAME);
		ck_assert_str_eq(r->nik, WORLD_NIK);
		ck_assert_str_eq(r->phone, "+6281234567890");
		free(r);
	}
	/* expired on 20 December: final, but less than 30 days ago */
	ck_assert_int_eq(world_state(&w, late_expired), RS_EXPIRED);
	struct akses_request *r = get(recent_closed);
	ck_assert_str_eq(r->report, RECENT_REPORT);
	free(r);
	/* a purge with a shorter retention reaches the December expiry, not the open one */
	ck_assert_int_eq(store_purge(w.st, w.admin, 10, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	r = get(late_expired);
	ck_assert(r->anonymized);
	free(r);
	r = get(still_open);
	ck_assert(!r->anonymized);
	free(r);
}
END_TEST

START_TEST(test_purge_is_for_admins_and_runs_once_per_request)
{
	tu_set_now("2027-01-05 11:00");
	char *before = world_dump(&w);
	int n = -1;
	ck_assert_int_eq(store_purge(w.st, w.kadis, 30, &n), AKSES_E_ROLE);
	ck_assert_int_eq(store_purge(w.st, w.koord, 30, &n), AKSES_E_ROLE);
	ck_assert_int_eq(store_purge(w.st, 999, 30, &n), AKSES_E_STAFF_NOT_FOUND);
	ck_assert_int_eq(store_purge(w.st, w.admin, -1, &n), AKSES_E_INVALID_ARG);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_int_eq(store_purge(w.st, w.admin, 30, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	int64_t at =
	    world_int(&w, "SELECT anonymized_at FROM request WHERE anonymized_at IS NOT NULL"
	                  " LIMIT 1");
	tu_set_now("2027-01-06 11:00");
	ck_assert_int_eq(store_purge(w.st, w.admin, 30, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(world_int(&w, "SELECT min(anonymized_at) FROM request"), at);
	ck_assert_int_eq(world_audit_verify(w.st, NULL, NULL), AKSES_OK);
}
END_TEST

static Suite *retention_suite(void)
{
	Suite *s = suite_create("store_retention");
	TCase *tc = tcase_create("retention");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_old_final_requests_lose_personal_data_but_keep_their_history);
	tcase_add_test(tc, test_recent_and_open_requests_are_untouched);
	tcase_add_test(tc, test_free_texts_that_name_people_are_cleared);
	tcase_add_test(tc, test_purge_is_for_admins_and_runs_once_per_request);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	world_init();
	SRunner *sr = srunner_create(retention_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
