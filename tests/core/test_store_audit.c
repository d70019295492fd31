/* test_store_audit.c - the audit trail's hash chain: a busy DB verifies, and an edit, an edit with
 * a recomputed hash, or a deletion made behind the store's back (triggers dropped) is found and
 * named by row id. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_int.h" /* store_audit_hash: to forge a row the way an attacker would */
#include "testutil.h"
#include "world.h"

#define START "2026-12-01 09:00"
#define END "2026-12-01 12:00"

static struct world w;

/* A busy day: requests in many states, sign-ins good and bad, staff changes. */
static void busy(void)
{
	char n[AKSES_NUMBER_BUF];
	struct akses_staff s;
	for (int i = 0; i < 4; i++) {
		world_submit(&w, START, END, i, n);
		world_advance(&w, n, i == 3 ? RS_RECORDED : RS_VERIFIED);
		if (i == 1)
			ck_assert_int_eq(store_act(w.st, n, WF_REJECT, w.kabid, "Tidak lengkap"),
			                 AKSES_OK);
		if (i == 2)
			ck_assert_int_eq(store_cancel_applicant(w.st, n, WORLD_PHONE_LAST4, "KIOSK-1"),
			                 AKSES_OK);
	}
	ck_assert_int_eq(store_signin(w.st, w.teknis, WORLD_PIN, "pintu", &s), AKSES_OK);
	ck_assert_int_eq(store_signin(w.st, w.teknis, "0000", "pintu", &s), AKSES_E_PIN_WRONG);
	ck_assert_int_eq(store_staff_disable(w.st, w.admin, w.teknis2), AKSES_OK);
}

static void setup(void)
{
	world_open(&w);
	busy();
}

static void teardown(void)
{
	world_close(&w);
}

/* Run SQL on the DB file through a connection of our own, as someone holding the file would. */
static void tamper(const char *sql)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(w.path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, err ? err : "?");
	sqlite3_close(db);
}

START_TEST(test_busy_db_verifies_row_by_row)
{
	int64_t rows = 0, bad = -1;
	ck_assert_int_eq(store_audit_verify(w.st, &rows, &bad), AKSES_OK);
	ck_assert_int_eq(rows, world_int(&w, "SELECT count(*) FROM audit"));
	ck_assert_int_gt(rows, 25);
	ck_assert_int_eq(bad, 0);
	/* the chain links each row to the one before it */
	ck_assert_int_eq(world_int(&w,
	                           "SELECT count(*) FROM audit a JOIN audit b ON b.id = a.id + 1"
	                           " WHERE b.prev_hash <> a.hash"),
	                 0);
}
END_TEST

START_TEST(test_the_store_refuses_to_edit_or_delete_audit_rows)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(w.path, &db), SQLITE_OK);
	ck_assert_int_ne(
	    sqlite3_exec(db, "UPDATE audit SET detail = 'x' WHERE id = 3", NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "DELETE FROM audit WHERE id = 3", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	ck_assert_int_eq(store_audit_verify(w.st, NULL, NULL), AKSES_OK);
}
END_TEST

START_TEST(test_an_edited_row_is_named)
{
	int64_t target = world_int(&w, "SELECT id FROM audit WHERE action = 'reject'");
	char sql[256];
	snprintf(sql, sizeof sql,
	         "DROP TRIGGER audit_no_update;"
	         " UPDATE audit SET detail = 'step=5 decision=approve' WHERE id = %lld",
	         (long long)target);
	tamper(sql);
	int64_t rows = -1, bad = 0;
	ck_assert_int_eq(store_audit_verify(w.st, &rows, &bad), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(bad, target);
}
END_TEST

START_TEST(test_an_edited_actor_or_time_is_named)
{
	tamper("DROP TRIGGER audit_no_update; UPDATE audit SET actor_id = actor_id + 100 WHERE id "
	       "= 12");
	int64_t bad = 0;
	ck_assert_int_eq(store_audit_verify(w.st, NULL, &bad), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(bad, 12);
}
END_TEST

START_TEST(test_an_edit_with_a_recomputed_hash_breaks_the_next_link)
{
	/* the forger rewrites row 5 and its hash, but cannot rewrite every later row unseen */
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(w.path, &db), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db,
	                                    "SELECT at, actor_id, action, subject, prev_hash"
	                                    " FROM audit WHERE id = 5",
	                                    -1, &s, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	char hash[65], sql[512];
	store_audit_hash((const char *)sqlite3_column_text(s, 4), 5, sqlite3_column_int64(s, 0),
	                 sqlite3_column_int64(s, 1), (const char *)sqlite3_column_text(s, 2),
	                 (const char *)sqlite3_column_text(s, 3), "forged", hash);
	sqlite3_finalize(s);
	sqlite3_close(db);
	snprintf(sql, sizeof sql,
	         "DROP TRIGGER audit_no_update;"
	         " UPDATE audit SET detail = 'forged', hash = '%s' WHERE id = 5",
	         hash);
	tamper(sql);
	int64_t bad = 0;
	ck_assert_int_eq(store_audit_verify(w.st, NULL, &bad), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(bad, 6);
}
END_TEST

START_TEST(test_a_deleted_middle_row_names_the_next_one)
{
	int64_t total = world_int(&w, "SELECT count(*) FROM audit");
	int64_t victim = total / 2;
	char sql[160];
	snprintf(sql, sizeof sql, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = %lld",
	         (long long)victim);
	tamper(sql);
	int64_t bad = 0;
	ck_assert_int_eq(store_audit_verify(w.st, NULL, &bad), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(bad, victim + 1);
}
END_TEST

START_TEST(test_a_deleted_first_row_is_found)
{
	tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 1");
	int64_t bad = 0;
	ck_assert_int_eq(store_audit_verify(w.st, NULL, &bad), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(bad, 2);
}
END_TEST

START_TEST(test_chain_keeps_verifying_after_more_actions)
{
	/* new rows chain on after a verify, across handles */
	ck_assert_int_eq(store_audit_verify(w.st, NULL, NULL), AKSES_OK);
	store *other = NULL;
	ck_assert_int_eq(store_open(w.path, NULL, &other), AKSES_OK);
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	ck_assert_int_eq(store_act(other, n, WF_DISPOSE_KADIS, w.kadis, NULL), AKSES_OK);
	int64_t rows = 0;
	ck_assert_int_eq(store_audit_verify(other, &rows, NULL), AKSES_OK);
	ck_assert_int_eq(rows, world_int(&w, "SELECT max(id) FROM audit"));
	store_close(other);
}
END_TEST

static Suite *audit_suite(void)
{
	Suite *s = suite_create("store_audit");
	TCase *tc = tcase_create("audit");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_busy_db_verifies_row_by_row);
	tcase_add_test(tc, test_the_store_refuses_to_edit_or_delete_audit_rows);
	tcase_add_test(tc, test_an_edited_row_is_named);
	tcase_add_test(tc, test_an_edited_actor_or_time_is_named);
	tcase_add_test(tc, test_an_edit_with_a_recomputed_hash_breaks_the_next_link);
	tcase_add_test(tc, test_a_deleted_middle_row_names_the_next_one);
	tcase_add_test(tc, test_a_deleted_first_row_is_found);
	tcase_add_test(tc, test_chain_keeps_verifying_after_more_actions);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	world_init();
	SRunner *sr = srunner_create(audit_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
