/* test_store_request.c - step 1 through the store: numbering per local day, what is stored and
 * read back, validation that writes nothing, hostile text stored verbatim, the visitor's lookups
 * by phone digits and by receipt token, and receipt reissue. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>


#include "store.h"
#include "testutil.h"
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

/* Run SQL on the DB file through a connection of our own (to move the day's counter on). */
static void edit(const char *sql)
{
	world_exec(&w, sql);
}

static struct akses_request *fresh(void)
{
	struct akses_request *r = calloc(1, sizeof *r);
	ck_assert(r != NULL);
	return r;
}

/* ---- numbering ------------------------------------------------------------------------------ */

START_TEST(test_numbers_count_per_local_day_from_0001)
{
	char a[AKSES_NUMBER_BUF], b[AKSES_NUMBER_BUF], c[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, a);
	world_submit(&w, START, END, 0, b);
	ck_assert_str_eq(a, "AKS-20261201-00001");
	ck_assert_str_eq(b, "AKS-20261201-00002");
	/* 23:59 local is still the same day (TZ=Asia/Jakarta: UTC+7, so 16:59 UTC) */
	tu_set_now("2026-12-01 23:59");
	world_submit(&w, "2026-12-02 09:00", "2026-12-02 10:00", 0, c);
	ck_assert_str_eq(c, "AKS-20261201-00003");
	tu_set_now("2026-12-02 00:01");
	world_submit(&w, "2026-12-02 09:00", "2026-12-02 10:00", 0, c);
	ck_assert_str_eq(c, "AKS-20261202-00001");
	world_submit(&w, "2026-12-02 09:00", "2026-12-02 10:00", 0, c);
	ck_assert_str_eq(c, "AKS-20261202-00002");
}
END_TEST

/* The 10,000th request of a day used to fail with "the data file could not be opened"; the
 * counter now has room (five digits, more past 99,999) and the numbers of a day sort as text. */
START_TEST(test_the_10000th_request_of_a_day_gets_a_number)
{
	char a[AKSES_NUMBER_BUF], b[AKSES_NUMBER_BUF], c[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, a);
	edit("UPDATE day_counter SET n = 9998");
	world_submit(&w, START, END, 0, b);
	world_submit(&w, START, END, 0, c);
	ck_assert_str_eq(b, "AKS-20261201-09999");
	ck_assert_str_eq(c, "AKS-20261201-10000");
	ck_assert_int_lt(strcmp(a, b), 0);
	ck_assert_int_lt(strcmp(b, c), 0);
	struct akses_request *r = fresh();
	ck_assert_int_eq(store_lookup(w.st, c, WORLD_PHONE_LAST4, "KIOSK-1", r), AKSES_OK);
	ck_assert_str_eq(r->number, c);
	/* past 99,999 the counter takes a sixth digit rather than failing */
	edit("UPDATE day_counter SET n = 99999");
	world_submit(&w, START, END, 0, c);
	ck_assert_str_eq(c, "AKS-20261201-100000");
	ck_assert_int_eq(store_request_get(w.st, c, r), AKSES_OK);
	free(r);
}
END_TEST

/* At the very end of the counter the visitor reads what really happened, and nothing is used. */
START_TEST(test_a_day_without_numbers_left_says_so_and_writes_nothing)
{
	char a[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, a);
	edit("UPDATE day_counter SET n = 999999999");
	char *before = world_dump(&w);
	struct akses_request_input in;
	struct akses_submit_result res;
	akses_field f = AKSES_F_NONE;
	int idx = 0;
	world_input(&in, START, END, 0);
	ck_assert_int_eq(store_submit(w.st, &in, &res, &f, &idx), AKSES_E_NUMBERS_USED_UP);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_ptr_null(strstr(akses_status_message(AKSES_E_NUMBERS_USED_UP), "data file"));
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM request"), 1);
}
END_TEST

/* Numbers made before the counter got its fifth digit are still found when typed. */
START_TEST(test_an_old_four_digit_number_is_still_found)
{
	char a[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, a);
	edit("UPDATE request SET number = 'AKS-20261201-0001'");
	struct akses_request *r = fresh();
	ck_assert_int_eq(store_lookup(w.st, "aks-20261201-0001", WORLD_PHONE_LAST4, "KIOSK-1", r), AKSES_OK);
	ck_assert_str_eq(r->number, "AKS-20261201-0001");
	free(r);
}
END_TEST

/* Submit n requests through a store of this process's own; 0 when all succeeded. */
static int submit_many(const char *path, int n)
{
	store *st = NULL;
	if (store_open(path, NULL, &st) != AKSES_OK)
		return 1;
	int failed = 0;
	for (int i = 0; i < n; i++) {
		struct akses_request_input in;
		struct akses_submit_result res;
		world_input(&in, START, END, i % 3);
		if (store_submit(st, &in, &res, NULL, NULL) != AKSES_OK)
			failed++;
	}
	store_close(st);
	return failed;
}

START_TEST(test_processes_submitting_at_once_get_distinct_numbers)
{
	enum { PROCS = 3, EACH = 15 };
	pid_t kids[PROCS];
	for (int p = 0; p < PROCS; p++) {
		kids[p] = fork();
		ck_assert_int_ge(kids[p], 0);
		if (kids[p] == 0)
			_exit(submit_many(w.path, EACH));
	}
	for (int p = 0; p < PROCS; p++) {
		int status = 0;
		ck_assert_int_eq(waitpid(kids[p], &status, 0), kids[p]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "process %d failed",
		              p);
	}
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM request"), PROCS * EACH);
	ck_assert_int_eq(world_int(&w, "SELECT count(DISTINCT number) FROM request"), PROCS * EACH);
	ck_assert_int_eq(world_int(&w, "SELECT max(number) = 'AKS-20261201-00045' FROM request"), 1);
	ck_assert_int_eq(world_int(&w, "SELECT n FROM day_counter WHERE day = '2026-12-01'"),
	                 PROCS * EACH);
	ck_assert_int_eq(world_audit_verify(w.st, NULL, NULL), AKSES_OK);
	ck_assert_int_eq(store_check(w.st), AKSES_OK);
}
END_TEST

/* ---- what is stored ------------------------------------------------------------------------- */

START_TEST(test_submitted_request_reads_back_field_by_field)
{
	struct akses_request_input in;
	world_input(&in, START, END, 3);
	struct akses_submit_result res;
	ck_assert_int_eq(store_submit(w.st, &in, &res, NULL, NULL), AKSES_OK);
	ck_assert_int_gt(res.id, 0);
	ck_assert_uint_eq(strlen(res.receipt_token), AKSES_TOKEN_LEN);
	struct akses_request *r = fresh();
	ck_assert_int_eq(store_request_get(w.st, res.number, r), AKSES_OK);
	ck_assert_int_eq(r->id, res.id);
	ck_assert_str_eq(r->number, res.number);
	ck_assert_int_eq(r->state, RS_SUBMITTED);
	ck_assert_int_eq(r->last_step, 1);
	ck_assert_str_eq(r->name, WORLD_NAME);
	ck_assert_str_eq(r->nik, WORLD_NIK);
	ck_assert_str_eq(r->institution, "PT Awan Nusantara");
	ck_assert_str_eq(r->phone, "+6281234567890"); /* normalized */
	ck_assert_str_eq(r->email, "nurul.aini@example.co.id");
	ck_assert_int_eq(r->purpose_category, PURPOSE_MAINTENANCE);
	ck_assert_str_eq(r->purpose, "Penggantian disk pada rak A3");
	ck_assert_int_eq(r->start_at, tu_time(START));
	ck_assert_int_eq(r->end_at, tu_time(END));
	ck_assert_int_eq(r->created_at, tu_time(WORLD_NOW));
	ck_assert_int_eq(r->n_companions, 3);
	for (int i = 0; i < 3; i++) {
		ck_assert_str_eq(r->companions[i].name, in.companion_name[i]);
		ck_assert_str_eq(r->companions[i].nik, in.companion_nik[i]);
	}
	ck_assert_int_eq(r->n_equipment, 2);
	ck_assert_str_eq(r->equipment[0], in.equipment[0]);
	ck_assert_str_eq(r->equipment[1], in.equipment[1]);
	ck_assert_int_eq(r->escort_id, 0);
	ck_assert_str_eq(r->reason, "");
	ck_assert(!r->anonymized);
	free(r);
	/* the receipt token itself is not stored, only its hash */
	ck_assert_int_eq(world_int(&w, "SELECT length(receipt_hash) FROM request"), 32);
	char sql[256];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM request"
	         " WHERE replace(CAST(receipt_hash AS TEXT), '%s', '') <> CAST(receipt_hash AS TEXT)",
	         res.receipt_token);
	ck_assert_int_eq(world_int(&w, sql), 0);
	/* step 1 measured from when the form began */
	ck_assert_int_eq(world_int(&w, "SELECT duration_s FROM step WHERE step = 1"), 120);
}
END_TEST

START_TEST(test_hostile_text_is_stored_and_read_back_verbatim)
{
	const char *evil = "Robert'); DROP TABLE request;--";
	const char *evil2 = "x\" OR 1=1; --  %s %n \\ ' ''";
	struct akses_request_input in;
	world_input(&in, START, END, 1);
	in.name = evil;
	in.institution = evil2;
	in.purpose = "'; DELETE FROM staff; SELECT '";
	in.companion_name[0] = "Ḥasan '); DROP TABLE companion;--";
	in.equipment[0] = "Robert'); DROP TABLE request;--";
	struct akses_submit_result res;
	ck_assert_int_eq(store_submit(w.st, &in, &res, NULL, NULL), AKSES_OK);
	struct akses_request *r = fresh();
	ck_assert_int_eq(store_request_get(w.st, res.number, r), AKSES_OK);
	ck_assert_str_eq(r->name, evil);
	ck_assert_str_eq(r->institution, evil2);
	ck_assert_str_eq(r->purpose, in.purpose);
	ck_assert_str_eq(r->companions[0].name, in.companion_name[0]);
	ck_assert_str_eq(r->equipment[0], in.equipment[0]);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM request"), 1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM staff"), 7);
	/* a hostile "number" is only a malformed number */
	ck_assert_int_eq(store_request_get(w.st, "AKS-' OR 1=1 --", r), AKSES_E_REQUEST_NUMBER);
	free(r);
}
END_TEST

START_TEST(test_invalid_input_names_the_field_and_writes_nothing)
{
	char *before = world_dump(&w);
	struct akses_request_input in;
	struct akses_submit_result res;
	akses_field f;
	int idx;

	world_input(&in, START, END, 2);
	in.nik = "1371014507900000"; /* serial 0000 */
	ck_assert_int_eq(store_submit(w.st, &in, &res, &f, &idx), AKSES_E_NIK_SERIAL);
	ck_assert_int_eq(f, AKSES_F_NIK);

	world_input(&in, START, END, 2);
	in.companion_nik[1] = in.companion_nik[0];
	ck_assert_int_eq(store_submit(w.st, &in, &res, &f, &idx), AKSES_E_DUPLICATE_PERSON);
	ck_assert_int_eq(f, AKSES_F_COMPANION_NIK);
	ck_assert_int_eq(idx, 1);

	world_input(&in, START, END, 2);
	in.companion_name[1] = "";
	ck_assert_int_eq(store_submit(w.st, &in, &res, &f, &idx), AKSES_E_REQUIRED);
	ck_assert_int_eq(f, AKSES_F_COMPANION_NAME);
	ck_assert_int_eq(idx, 1);

	world_input(&in, START, END, 0);
	in.consent = false;
	ck_assert_int_eq(store_submit(w.st, &in, &res, &f, &idx), AKSES_E_CONSENT);
	ck_assert_int_eq(f, AKSES_F_CONSENT);

	world_input(&in, "2026-11-30 09:00", "2026-11-30 10:00", 0);
	ck_assert_int_eq(store_submit(w.st, &in, &res, &f, &idx), AKSES_E_WINDOW_PAST);
	ck_assert_int_eq(f, AKSES_F_START);

	world_input(&in, START, END, 0);
	in.phone = "0212345678"; /* a Jakarta landline */
	ck_assert_int_eq(store_submit(w.st, &in, &res, &f, &idx), AKSES_E_PHONE);
	ck_assert_int_eq(f, AKSES_F_PHONE);

	world_input(&in, START, END, 0);
	in.name = "Nurul\x01";
	ck_assert_int_eq(store_submit(w.st, &in, &res, &f, &idx), AKSES_E_CONTROL_CHAR);
	ck_assert_int_eq(f, AKSES_F_NAME);

	world_input(&in, START, END, 0);
	in.name = "\xff\xfe";
	ck_assert_int_eq(store_submit(w.st, &in, &res, &f, &idx), AKSES_E_UTF8);

	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	/* refused forms used no number */
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	ck_assert_str_eq(n, "AKS-20261201-00001");
}
END_TEST

/* ---- visitor lookups ------------------------------------------------------------------------ */

START_TEST(test_lookup_needs_the_number_and_the_phone_last_digits)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 1, n);
	struct akses_request *r = fresh();
	ck_assert_int_eq(store_lookup(w.st, n, WORLD_PHONE_LAST4, "KIOSK-1", r), AKSES_OK);
	ck_assert_str_eq(r->number, n);
	ck_assert_str_eq(r->name, WORLD_NAME);
	ck_assert_int_eq(r->n_companions, 1);
	/* wrong digits and an unknown number answer the same, and fill nothing */
	struct akses_request *r2 = fresh();
	ck_assert_int_eq(store_lookup(w.st, n, "7891", "KIOSK-1", r2), AKSES_E_LOOKUP);
	ck_assert_int_eq(store_lookup(w.st, n, "1234", "KIOSK-1", r2), AKSES_E_LOOKUP);
	ck_assert_int_eq(store_lookup(w.st, "AKS-20261201-00002", WORLD_PHONE_LAST4, "KIOSK-1", r2),
	                 AKSES_E_LOOKUP);
	ck_assert_str_eq(r2->name, "");
	ck_assert_int_eq(store_lookup(w.st, n, "789", "KIOSK-1", r2), AKSES_E_PHONE_DIGITS);
	ck_assert_int_eq(store_lookup(w.st, n, "78 0", "KIOSK-1", r2), AKSES_E_PHONE_DIGITS);
	ck_assert_int_eq(store_lookup(w.st, "AKS-XYZ", "7890", "KIOSK-1", r2), AKSES_E_REQUEST_NUMBER);
	/* typed in lowercase, the number still finds it */
	ck_assert_int_eq(store_lookup(w.st, "aks-20261201-00001", WORLD_PHONE_LAST4, "KIOSK-1", r2), AKSES_OK);
	ck_assert_str_eq(r2->number, "AKS-20261201-00001");
	free(r);
	free(r2);
}
END_TEST

START_TEST(test_lookup_by_receipt_token_and_a_changed_character_fails)
{
	struct akses_request_input in;
	world_input(&in, START, END, 0);
	struct akses_submit_result res;
	ck_assert_int_eq(store_submit(w.st, &in, &res, NULL, NULL), AKSES_OK);
	struct akses_request *r = fresh();
	ck_assert_int_eq(store_lookup_token(w.st, res.receipt_token, r), AKSES_OK);
	ck_assert_str_eq(r->number, res.number);
	/* the scanner's trailing space and a lowercase typing both work */
	char loose[AKSES_TOKEN_BUF + 2];
	snprintf(loose, sizeof loose, "%s ", res.receipt_token);
	for (char *p = loose; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	ck_assert_int_eq(store_lookup_token(w.st, loose, r), AKSES_OK);
	/* one character changed: no such receipt */
	char bad[AKSES_TOKEN_BUF];
	memcpy(bad, res.receipt_token, sizeof bad);
	bad[10] = bad[10] == 'A' ? 'B' : 'A';
	struct akses_request *r2 = fresh();
	ck_assert_int_eq(store_lookup_token(w.st, bad, r2), AKSES_E_LOOKUP);
	ck_assert_str_eq(r2->number, "");
	ck_assert_int_eq(store_lookup_token(w.st, "NOT-A-TOKEN", r2), AKSES_E_TOKEN_FORMAT);
	ck_assert_int_eq(store_lookup_token(w.st, "", r2), AKSES_E_TOKEN_FORMAT);
	free(r);
	free(r2);
}
END_TEST

START_TEST(test_reissued_receipt_replaces_the_old_one)
{
	struct akses_request_input in;
	world_input(&in, START, END, 0);
	struct akses_submit_result res;
	ck_assert_int_eq(store_submit(w.st, &in, &res, NULL, NULL), AKSES_OK);
	struct akses_request *r = fresh();
	char tok[AKSES_TOKEN_BUF];
	/* the kiosk reprints its own receipt within 10 minutes */
	tu_set_now("2026-12-01 08:09");
	ck_assert_int_eq(store_receipt_reissue(w.st, res.number, 0, tok), AKSES_OK);
	ck_assert_str_ne(tok, res.receipt_token);
	ck_assert_int_eq(store_lookup_token(w.st, res.receipt_token, r), AKSES_E_LOOKUP);
	ck_assert_int_eq(store_lookup_token(w.st, tok, r), AKSES_OK);
	/* later, only the front desk may */
	tu_set_now("2026-12-01 08:11");
	char tok2[AKSES_TOKEN_BUF];
	char *before = world_dump(&w);
	ck_assert_int_eq(store_receipt_reissue(w.st, res.number, 0, tok2), AKSES_E_ROLE);
	ck_assert_int_eq(store_receipt_reissue(w.st, res.number, w.teknis, tok2), AKSES_E_ROLE);
	ck_assert_int_eq(store_receipt_reissue(w.st, "AKS-20261201-00009", w.helpdesk, tok2),
	                 AKSES_E_REQUEST_NOT_FOUND);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_int_eq(store_receipt_reissue(w.st, res.number, w.helpdesk, tok2), AKSES_OK);
	ck_assert_int_eq(store_lookup_token(w.st, tok, r), AKSES_E_LOOKUP);
	ck_assert_int_eq(store_lookup_token(w.st, tok2, r), AKSES_OK);
	ck_assert_int_eq(
	    world_int(&w, "SELECT count(*) FROM audit WHERE action = 'receipt-reissue'"), 2);
	free(r);
}
END_TEST

/* ---- lists ---------------------------------------------------------------------------------- */

START_TEST(test_list_filters_by_state_newest_first)
{
	char a[AKSES_NUMBER_BUF], b[AKSES_NUMBER_BUF], c[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, a);
	tu_set_now("2026-12-01 08:01");
	world_submit(&w, START, END, 0, b);
	tu_set_now("2026-12-01 08:02");
	world_submit(&w, START, END, 0, c);
	world_advance(&w, b, RS_VERIFIED);
	struct akses_request_summary *list = NULL;
	int n = 0;
	ck_assert_int_eq(store_request_list(w.st, RS_SUBMITTED, &list, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(list[0].number, c);
	ck_assert_str_eq(list[1].number, a);
	ck_assert_int_eq(list[0].next_step, 2);
	ck_assert_str_eq(list[0].institution, "PT Awan Nusantara");
	free(list);
	ck_assert_int_eq(store_request_list(w.st, RS_VERIFIED, &list, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(list[0].number, b);
	ck_assert_int_eq(list[0].next_step, 5);
	ck_assert_int_eq(list[0].due_at, list[0].waiting_since + 180);
	free(list);
	ck_assert_int_eq(store_request_list(w.st, RS_CLOSED, &list, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(list);
}
END_TEST

START_TEST(test_audit_trail_holds_nothing_personal)
{
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 2, n);
	world_advance(&w, n, RS_VERIFIED);
	ck_assert_int_eq(store_act(w.st, n, WF_REJECT, w.kabid, "Tidak sesuai jadwal"), AKSES_OK);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE subject LIKE 'AKS-%'"), 5);
	const char *needles[] = {"Nurul",  "1371014507900001", "7890",       "PT Awan",
	                         "Ni Luh", "1371015203950002", "nurul.aini", "Penggantian"};
	for (size_t i = 0; i < sizeof needles / sizeof needles[0]; i++) {
		char sql[256];
		snprintf(sql, sizeof sql,
		         "SELECT count(*) FROM audit"
		         " WHERE replace(subject || detail, '%s', '') <> subject || detail",
		         needles[i]);
		ck_assert_msg(world_int(&w, sql) == 0, "audit holds %s", needles[i]);
	}
}
END_TEST

static Suite *request_suite(void)
{
	Suite *s = suite_create("store_request");
	TCase *tc = tcase_create("request");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_numbers_count_per_local_day_from_0001);
	tcase_add_test(tc, test_the_10000th_request_of_a_day_gets_a_number);
	tcase_add_test(tc, test_a_day_without_numbers_left_says_so_and_writes_nothing);
	tcase_add_test(tc, test_an_old_four_digit_number_is_still_found);
	tcase_add_test(tc, test_processes_submitting_at_once_get_distinct_numbers);
	tcase_add_test(tc, test_submitted_request_reads_back_field_by_field);
	tcase_add_test(tc, test_hostile_text_is_stored_and_read_back_verbatim);
	tcase_add_test(tc, test_invalid_input_names_the_field_and_writes_nothing);
	tcase_add_test(tc, test_lookup_needs_the_number_and_the_phone_last_digits);
	tcase_add_test(tc, test_lookup_by_receipt_token_and_a_changed_character_fails);
	tcase_add_test(tc, test_reissued_receipt_replaces_the_old_one);
	tcase_add_test(tc, test_list_filters_by_state_newest_first);
	tcase_add_test(tc, test_audit_trail_holds_nothing_personal);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	world_init();
	SRunner *sr = srunner_create(request_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
