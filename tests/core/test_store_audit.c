/* test_store_audit.c - the audit trail's hash chain: a busy DB verifies, and an edit, an edit with
 * a recomputed hash, or a deletion made behind the store's back (triggers dropped) is found and
 * named by row id. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
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

/* Drop the audit table's guard trigger (each engine names a trigger's table its own way). */
static const char *unguard(const char *trigger)
{
	static char sql[96];
	snprintf(sql, sizeof sql,
	         tu_db_on_server() ? "DROP TRIGGER IF EXISTS %s ON audit" : "DROP TRIGGER IF EXISTS %s",
	         trigger);
	return sql;
}

/* Run SQL on the DB through a connection of our own with the guard trigger dropped first, as
 * someone holding the file (or the server's owner role) would. */
static void tamper(const char *trigger, const char *sql)
{
	world_exec(&w, unguard(trigger));
	world_exec(&w, sql);
}

START_TEST(test_busy_db_verifies_row_by_row)
{
	int64_t rows = 0, bad = -1;
	ck_assert_int_eq(world_audit_verify(w.st, &rows, &bad), AKSES_OK);
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
	db *raw = world_db(&w, true);
	ck_assert_int_ne(db_exec(raw, "UPDATE audit SET detail = 'x' WHERE id = 3"), DB_OK);
	ck_assert_int_ne(db_exec(raw, "DELETE FROM audit WHERE id = 3"), DB_OK);
	db_close(raw);
	ck_assert_int_eq(world_audit_verify(w.st, NULL, NULL), AKSES_OK);
}
END_TEST

START_TEST(test_an_edited_row_is_named)
{
	int64_t target = world_int(&w, "SELECT id FROM audit WHERE action = 'reject'");
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE audit SET detail = 'step=5 decision=approve' WHERE id = %lld",
	         (long long)target);
	tamper("audit_no_update", sql);
	int64_t rows = -1, bad = 0;
	ck_assert_int_eq(world_audit_verify(w.st, &rows, &bad), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(bad, target);
}
END_TEST

START_TEST(test_an_edited_actor_or_time_is_named)
{
	tamper("audit_no_update", "UPDATE audit SET actor_id = actor_id + 100 WHERE id = 12");
	int64_t bad = 0;
	ck_assert_int_eq(world_audit_verify(w.st, NULL, &bad), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(bad, 12);
}
END_TEST

START_TEST(test_an_edit_with_a_recomputed_hash_breaks_the_next_link)
{
	/* the forger rewrites row 5 and its hash, but cannot rewrite every later row unseen */
	db *raw = world_db(&w, false);
	db_stmt *s = NULL;
	ck_assert_int_eq(db_prepare(raw,
	                            "SELECT at, actor_id, action, subject, prev_hash"
	                            " FROM audit WHERE id = 5",
	                            &s),
	                 DB_OK);
	ck_assert_int_eq(db_step(s), DB_ROW);
	char hash[65], sql[512];
	/* no key in the forger's hands: plain SHA-256, as the chain was before keys */
	store_audit_hash(NULL, db_col_text(s, 4), 5, db_col_int64(s, 0), db_col_int64(s, 1),
	                 db_col_text(s, 2), db_col_text(s, 3), "forged", hash);
	db_finalize(s);
	db_close(raw);
	snprintf(sql, sizeof sql, "UPDATE audit SET detail = 'forged', hash = '%s' WHERE id = 5",
	         hash);
	tamper("audit_no_update", sql);
	int64_t bad = 0;
	ck_assert_int_eq(world_audit_verify(w.st, NULL, &bad), AKSES_E_AUDIT_BROKEN);
	/* the row is keyed: without the key its own hash cannot be made right */
	ck_assert_int_eq(bad, 5);
}
END_TEST

START_TEST(test_a_deleted_middle_row_names_the_next_one)
{
	int64_t total = world_int(&w, "SELECT count(*) FROM audit");
	int64_t victim = total / 2;
	char sql[160];
	snprintf(sql, sizeof sql, "DELETE FROM audit WHERE id = %lld", (long long)victim);
	tamper("audit_no_delete", sql);
	int64_t bad = 0;
	ck_assert_int_eq(world_audit_verify(w.st, NULL, &bad), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(bad, victim + 1);
}
END_TEST

START_TEST(test_a_deleted_first_row_is_found)
{
	tamper("audit_no_delete", "DELETE FROM audit WHERE id = 1");
	int64_t bad = 0;
	ck_assert_int_eq(world_audit_verify(w.st, NULL, &bad), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(bad, 2);
}
END_TEST

START_TEST(test_chain_keeps_verifying_after_more_actions)
{
	/* new rows chain on after a verify, across handles */
	ck_assert_int_eq(world_audit_verify(w.st, NULL, NULL), AKSES_OK);
	store *other = NULL;
	ck_assert_int_eq(store_open(w.path, NULL, &other), AKSES_OK);
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, START, END, 0, n);
	ck_assert_int_eq(store_act(other, n, WF_DISPOSE_KADIS, w.kadis, NULL), AKSES_OK);
	int64_t rows = 0;
	ck_assert_int_eq(world_audit_verify(other, &rows, NULL), AKSES_OK);
	ck_assert_int_eq(rows, world_int(&w, "SELECT max(id) FROM audit"));
	store_close(other);
}
END_TEST

/* Rewrite the whole chain as someone holding only the DB file would: triggers dropped, row
 * edit_id's detail changed, every hash recomputed in order with key (NULL: plain SHA-256, the
 * attacker's only choice without the key file) and keyed set to keyed_flag. */
static void rechain(const unsigned char *key, int keyed_flag, int64_t edit_id)
{
	db *raw = world_db(&w, true);
	ck_assert_int_eq(db_exec(raw, unguard("audit_no_update")), DB_OK);
	ck_assert_int_eq(db_begin_write(raw), DB_OK);
	db_stmt *s = NULL, *u = NULL;
	ck_assert_int_eq(db_prepare(raw,
	                            "SELECT id, at, actor_id, action, subject, detail"
	                            " FROM audit ORDER BY id",
	                            &s),
	                 DB_OK);
	ck_assert_int_eq(db_prepare(raw,
	                            "UPDATE audit SET detail = ?1, prev_hash = ?2,"
	                            " hash = ?3, keyed = ?4 WHERE id = ?5",
	                            &u),
	                 DB_OK);
	char prev[65] = "0000000000000000000000000000000000000000000000000000000000000000";
	while (db_step(s) == DB_ROW) {
		int64_t id = db_col_int64(s, 0);
		char detail[512], hash[65];
		snprintf(detail, sizeof detail, "%s",
		         id == edit_id ? "forged" : db_col_text(s, 5));
		store_audit_hash(key, prev, id, db_col_int64(s, 1), db_col_int64(s, 2),
		                 db_col_text(s, 3), db_col_text(s, 4), detail, hash);
		db_bind_text(u, 1, detail);
		db_bind_text(u, 2, prev);
		db_bind_text(u, 3, hash);
		db_bind_int(u, 4, keyed_flag);
		db_bind_int64(u, 5, id);
		ck_assert_int_eq(db_step(u), DB_DONE);
		db_reset(u);
		snprintf(prev, sizeof prev, "%s", hash);
	}
	db_finalize(s);
	db_finalize(u);
	ck_assert_int_eq(db_commit(raw), DB_OK);
	db_close(raw);
}

START_TEST(test_deleting_the_last_rows_is_caught_by_an_anchor)
{
	char anchor[STORE_ANCHOR_BUF];
	ck_assert_int_eq(store_audit_anchor(w.st, anchor), AKSES_OK);
	int64_t total = world_int(&w, "SELECT count(*) FROM audit");
	char want[32];
	snprintf(want, sizeof want, "%lld:", (long long)total);
	ck_assert_msg(strncmp(anchor, want, strlen(want)) == 0, "anchor %s", anchor);
	ck_assert_uint_eq(strlen(anchor), strlen(want) + STORE_ANCHOR_HEX);
	ck_assert_int_eq(store_audit_check(w.st, anchor, NULL), AKSES_OK);
	tamper("audit_no_delete", "DELETE FROM audit WHERE id > (SELECT max(id) - 3 FROM audit)");
	/* the shorter chain is whole in itself: only the anchor tells */
	ck_assert_int_eq(store_audit_check(w.st, NULL, NULL), AKSES_OK);
	struct store_audit_result r;
	ck_assert_int_eq(store_audit_check(w.st, anchor, &r), AKSES_E_AUDIT_TRUNCATED);
	ck_assert_int_eq(r.rows, total - 3);
	ck_assert_int_eq(r.anchor_rows, total);
}
END_TEST

START_TEST(test_a_history_rewritten_without_the_key_fails)
{
	int64_t total = world_int(&w, "SELECT count(*) FROM audit");
	char anchor[STORE_ANCHOR_BUF];
	ck_assert_int_eq(store_audit_anchor(w.st, anchor), AKSES_OK);
	/* keyed rows recomputed with plain SHA-256: row 3 is the first that cannot be right */
	rechain(NULL, 1, 3);
	struct store_audit_result r;
	ck_assert_int_eq(store_audit_check(w.st, NULL, &r), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(r.bad_id, 1);
	/* marked as old plain rows: the key file says they must be keyed */
	rechain(NULL, 0, 3);
	ck_assert_int_eq(store_audit_check(w.st, NULL, &r), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(r.bad_id, 1);
	/* a guessed key does no better */
	unsigned char guess[32];
	memset(guess, 0x5a, sizeof guess);
	rechain(guess, 1, 3);
	ck_assert_int_eq(store_audit_check(w.st, NULL, &r), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(r.bad_id, 1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit"), total);
}
END_TEST

START_TEST(test_a_copy_without_its_key_cannot_be_checked_or_written)
{
	int64_t total = world_int(&w, "SELECT count(*) FROM audit");
	char other_key[300];
	snprintf(other_key, sizeof other_key, "%s.elsewhere", w.path);
	unlink(other_key);
	struct store_options opt = {.pass_grace_min = -1, .scan_repeat_s = -1, .audit_key_path = other_key};
	store *copy = NULL;
	ck_assert_int_eq(store_open(w.path, &opt, &copy), AKSES_OK);
	struct store_audit_result r;
	ck_assert_int_eq(store_audit_check(copy, NULL, &r), AKSES_E_AUDIT_KEY);
	ck_assert_int_eq(r.unchecked, total);
	ck_assert_int_eq(r.keyed, total);
	/* nothing written without the key, and no new key made over keyed rows */
	struct akses_staff s;
	ck_assert_int_eq(store_signin(copy, w.teknis, WORLD_PIN, "pintu", &s), AKSES_E_AUDIT_KEY);
	ck_assert_int_eq(access(other_key, F_OK), -1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit"), total);
	store_close(copy);
}
END_TEST

START_TEST(test_old_plain_rows_stay_verifiable_and_new_rows_are_keyed)
{
	/* a DB from before keys: plain rows (keyed 0) and no key file */
	rechain(NULL, 0, 0);
	char key[300]; /* beside the file; for a server's database <name>.key in the working folder */
	snprintf(key, sizeof key, "%s.key", tu_db_on_server() ? tu_db_name(w.path) : w.path);
	store_close(w.st);
	w.st = NULL;
	ck_assert_int_eq(unlink(key), 0);
	ck_assert_int_eq(store_open(w.path, NULL, &w.st), AKSES_OK);
	int64_t old = world_int(&w, "SELECT count(*) FROM audit");
	struct store_audit_result r;
	ck_assert_int_eq(store_audit_check(w.st, NULL, &r), AKSES_OK);
	ck_assert_int_eq(r.keyed, 0);
	/* the first write makes the key (0600) and is keyed from the next row on */
	struct akses_staff s;
	ck_assert_int_eq(store_signin(w.st, w.teknis, WORLD_PIN, "pintu", &s), AKSES_OK);
	struct stat sb;
	ck_assert_int_eq(stat(key, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(store_audit_check(w.st, NULL, &r), AKSES_OK);
	ck_assert_int_eq(r.rows, old + 1);
	ck_assert_int_eq(r.keyed, 1);
	/* and that new row cannot be turned back into a plain one */
	rechain(NULL, 0, 0);
	ck_assert_int_eq(store_audit_check(w.st, NULL, &r), AKSES_E_AUDIT_BROKEN);
	ck_assert_int_eq(r.bad_id, old + 1);
}
END_TEST

START_TEST(test_times_going_backwards_are_flagged)
{
	struct akses_staff s;
	struct store_audit_result r;
	/* within the tolerance: a stepped clock, another station's clock */
	tu_set_now("2026-12-01 07:59:30");
	ck_assert_int_eq(store_signin(w.st, w.teknis, WORLD_PIN, "pintu", &s), AKSES_OK);
	ck_assert_int_eq(store_audit_check(w.st, NULL, &r), AKSES_OK);
	/* ten minutes back */
	tu_set_now("2026-12-01 07:50");
	ck_assert_int_eq(store_signin(w.st, w.teknis, WORLD_PIN, "pintu", &s), AKSES_OK);
	int64_t last = world_int(&w, "SELECT max(id) FROM audit");
	ck_assert_int_eq(store_audit_check(w.st, NULL, &r), AKSES_E_AUDIT_TIME);
	ck_assert_int_eq(r.backwards_id, last);
	ck_assert_int_eq(r.rows, last);
}
END_TEST

START_TEST(test_a_malformed_anchor_is_refused)
{
	static const char *const bad[] = {"", "12", ":abcdef0123456789", "12:abc",
	                                  "x1:0123456789abcdef", "3:0123456789abcdeg"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_int_eq(store_audit_check(w.st, bad[i], NULL), AKSES_E_ANCHOR_FORMAT);
	/* an anchor whose row has another hash */
	ck_assert_int_eq(store_audit_check(w.st, "3:0123456789abcdef", NULL), AKSES_E_AUDIT_ANCHOR);
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
	tcase_add_test(tc, test_deleting_the_last_rows_is_caught_by_an_anchor);
	tcase_add_test(tc, test_a_history_rewritten_without_the_key_fails);
	tcase_add_test(tc, test_a_copy_without_its_key_cannot_be_checked_or_written);
	tcase_add_test(tc, test_old_plain_rows_stay_verifiable_and_new_rows_are_keyed);
	tcase_add_test(tc, test_times_going_backwards_are_flagged);
	tcase_add_test(tc, test_a_malformed_anchor_is_refused);
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
