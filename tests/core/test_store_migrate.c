/* test_store_migrate.c - opening files: a new file gets the whole schema and mode 0600, an empty
 * v0 DB made by sqlite3 is migrated, a v1 file with data is taken to v2 (staff codes) with its
 * data intact, a newer or foreign file is refused and left as it was, and data survives closing
 * and reopening. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "secret.h"
#include "store.h"
#include "store_schema.h"
#include "testutil.h"
#include "world.h"

static char path[256];

static void setup(void)
{
	tu_set_now(WORLD_NOW);
	tu_db_path(path, sizeof path);
}

static void teardown(void)
{
	char side[300];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* One integer from SQL on the file through a plain sqlite3 connection. */
static int64_t file_int(const char *sql)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK, "%s", sql);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

static const char *const tables[] = {"staff", "signin", "day_counter", "request",   "companion",
                                     "step",  "pass",   "scan",        "print_job", "audit"};

static void assert_full_schema(void)
{
	ck_assert_int_eq(file_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		char sql[128];
		snprintf(sql, sizeof sql,
		         "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
		         tables[i]);
		ck_assert_msg(file_int(sql) == 1, "table %s missing", tables[i]);
	}
	ck_assert_int_eq(file_int("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), 2);
	/* v2: the staff code's hash, unique among the accounts that have one */
	ck_assert_int_eq(
	    file_int("SELECT count(*) FROM pragma_table_info('staff') WHERE name = 'code_hash'"),
	    1);
	ck_assert_int_eq(
	    file_int("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND"
	             " name = 'staff_code' AND sql LIKE '%UNIQUE%code_hash IS NOT NULL%'"),
	    1);
}

/* Run SQL on the file through a plain sqlite3 connection; asserts it worked. */
static void file_exec(const char *sql)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, err ? err : "?");
	sqlite3_close(db);
}

/* The schema as SQLite records it, one text (to see a reopen changed nothing). malloc'd. */
static char *file_schema(void)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db,
	                                    "SELECT group_concat(type || ' ' || name || ' ' ||"
	                                    " ifnull(sql, ''), char(10)) FROM (SELECT * FROM"
	                                    " sqlite_master ORDER BY type, name)",
	                                    -1, &s, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	char *out = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return out;
}

START_TEST(test_new_file_gets_the_whole_schema_and_mode_0600)
{
	mode_t old = umask(0); /* even a careless umask must not make it readable by others */
	store *st = NULL;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	umask(old);
	struct stat sb;
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(store_check(st), AKSES_OK);
	store_close(st);
	assert_full_schema();
	/* WAL is recorded in the file itself */
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(db);
}
END_TEST

START_TEST(test_empty_v0_db_made_by_sqlite3_is_migrated)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	/* a real, empty database file: header written, user_version 0 */
	ck_assert_int_eq(
	    sqlite3_exec(db, "CREATE TABLE t(x); DROP TABLE t; VACUUM;", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	struct stat sb;
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_gt(sb.st_size, 0);
	ck_assert_int_eq(file_int("PRAGMA user_version"), 0);
	store *st = NULL;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	int64_t id = 0;
	ck_assert_int_eq(store_init_admin(st, "Admin", "123456", &id), AKSES_OK);
	store_close(st);
	assert_full_schema();
}
END_TEST

START_TEST(test_zero_byte_file_is_a_new_db)
{
	FILE *f = fopen(path, "w");
	ck_assert(f != NULL);
	fclose(f);
	store *st = NULL;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	store_close(st);
	assert_full_schema();
}
END_TEST

START_TEST(test_newer_db_is_refused_and_left_alone)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_exec(db, "CREATE TABLE future(x); PRAGMA user_version = 99;", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	store *st = (store *)1;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_E_DB_NEWER);
	ck_assert_ptr_null(st);
	ck_assert_int_eq(file_int("PRAGMA user_version"), 99);
	ck_assert_int_eq(file_int("SELECT count(*) FROM sqlite_master WHERE name = 'staff'"), 0);
}
END_TEST

START_TEST(test_file_that_is_not_a_db_is_refused_and_left_alone)
{
	FILE *f = fopen(path, "w");
	ck_assert(f != NULL);
	for (int i = 0; i < 200; i++)
		fputs("Ini bukan basis data. This is not a database.\n", f);
	fclose(f);
	struct stat before, after;
	ck_assert_int_eq(stat(path, &before), 0);
	store *st = (store *)1;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_E_DB_CORRUPT);
	ck_assert_ptr_null(st);
	ck_assert_int_eq(stat(path, &after), 0);
	ck_assert_int_eq(before.st_size, after.st_size);
	f = fopen(path, "r");
	char line[80];
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	fclose(f);
	ck_assert_str_eq(line, "Ini bukan basis data. This is not a database.\n");
}
END_TEST

START_TEST(test_data_survives_reopening_without_migrating_again)
{
	store *st = NULL;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	int64_t admin = 0;
	ck_assert_int_eq(store_init_admin(st, "Admin", "123456", &admin), AKSES_OK);
	struct world w = {.st = st};
	snprintf(w.path, sizeof w.path, "%s", path);
	char n[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 09:00", "2026-12-01 10:00", 1, n);
	store_close(st);
	/* a second and third open: same version, same rows, the chain intact */
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
		struct akses_request *r = malloc(sizeof *r);
		ck_assert_int_eq(store_request_get(st, n, r), AKSES_OK);
		ck_assert_str_eq(r->name, WORLD_NAME);
		ck_assert_int_eq(r->n_companions, 1);
		free(r);
		int64_t rows = 0;
		ck_assert_int_eq(world_audit_verify(st, &rows, NULL), AKSES_OK);
		ck_assert_int_eq(rows, 2);
		ck_assert_int_eq(store_init_admin(st, "Lagi", "123456", NULL), AKSES_E_ALREADY_INIT);
		store_close(st);
	}
	ck_assert_int_eq(file_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(file_int("SELECT count(*) FROM request"), 1);
}
END_TEST

START_TEST(test_two_handles_share_one_file)
{
	store *a = NULL, *b = NULL;
	ck_assert_int_eq(store_open(path, NULL, &a), AKSES_OK);
	ck_assert_int_eq(store_open(path, NULL, &b), AKSES_OK);
	int64_t admin = 0;
	ck_assert_int_eq(store_init_admin(a, "Admin", "123456", &admin), AKSES_OK);
	struct akses_staff s;
	ck_assert_int_eq(store_signin(b, admin, "123456", "kiosk-2", &s), AKSES_OK);
	ck_assert_int_eq(world_audit_verify(a, NULL, NULL), AKSES_OK);
	store_close(a);
	store_close(b);
}
END_TEST

START_TEST(test_v1_file_with_data_is_migrated_to_v2_intact)
{
	/* a file as Akses v1 left it: the first schema, an admin, a second account, sign-ins */
	ck_assert_int_eq(store_schema_count(), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(secret_init(), AKSES_OK);
	char hash[SECRET_PIN_HASH_BUF], sql[1024];
	ck_assert_int_eq(secret_pin_hash("2468", hash), AKSES_OK);
	int64_t t = tu_time("2026-11-01 09:00");
	snprintf(sql, sizeof sql,
	         "BEGIN; PRAGMA user_version = 1;"
	         "INSERT INTO staff(id, name, role, pin_hash, created_at) VALUES"
	         " (1, 'Ana Admin', 'ADMIN', '%s', %lld),"
	         " (2, 'Teknisi Lama', 'TIM_TEKNIS', '%s', %lld);"
	         "INSERT INTO signin(staff_id, at, ok, station) VALUES (2, %lld, 1, 'pintu');"
	         "COMMIT;",
	         hash, (long long)t, hash, (long long)t, (long long)t);
	file_exec(store_schema_migration(0)); /* the v1 SQL as shipped */
	file_exec(sql);
	ck_assert_int_eq(file_int("PRAGMA user_version"), 1);
	ck_assert_int_eq(
	    file_int("SELECT count(*) FROM pragma_table_info('staff') WHERE name = 'code_hash'"),
	    0);

	store *st = NULL;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	ck_assert_int_eq(store_check(st), AKSES_OK);
	/* the accounts are as they were: names, roles, PINs, no code yet */
	struct akses_staff s;
	ck_assert_int_eq(store_signin(st, 2, "2468", "pintu", &s), AKSES_OK);
	ck_assert_str_eq(s.name, "Teknisi Lama");
	ck_assert_int_eq(s.role, ROLE_TIM_TEKNIS);
	ck_assert_int_eq(s.created_at, t);
	ck_assert_int_eq(store_init_admin(st, "Lagi", "123456", NULL), AKSES_E_ALREADY_INIT);
	/* and the new feature works on the old accounts */
	char code[AKSES_TOKEN_BUF];
	ck_assert_int_eq(store_staff_code_issue(st, 1, 2, code), AKSES_OK);
	ck_assert_int_eq(store_signin_code(st, code, "pintu", &s), AKSES_OK);
	ck_assert_int_eq(s.id, 2);
	store_close(st);
	assert_full_schema();
	ck_assert_int_eq(file_int("SELECT count(*) FROM staff"), 2);
	ck_assert_int_eq(file_int("SELECT count(*) FROM signin WHERE staff_id = 2 AND ok = 1"), 3);
	ck_assert_int_eq(file_int("SELECT count(*) FROM staff WHERE code_hash IS NULL"), 1);
	/* one code names one account: the index refuses a second account with the same hash */
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db,
	                              "UPDATE staff SET code_hash ="
	                              " (SELECT code_hash FROM staff WHERE id = 2) WHERE id = 1",
	                              NULL, NULL, NULL),
	                 SQLITE_CONSTRAINT);
	sqlite3_close(db);
}
END_TEST

/* A file from before print-job messages were codes: its rows keep their words, flagged legacy
 * (read as written, in any language); rows written after are codes. The file is built with every
 * migration before the one that brought the flag, wherever it stands in the list. */
START_TEST(test_print_messages_before_codes_are_kept_as_legacy)
{
	int v = 0;
	while (v < store_schema_count() && !strstr(store_schema_migration(v), "msg_legacy"))
		file_exec(store_schema_migration(v++));
	ck_assert_int_lt(v, store_schema_count());
	char sql[512];
	snprintf(sql, sizeof sql,
	         "PRAGMA user_version = %d;"
	         "INSERT INTO print_job(at, kind, queue, cups_job_id, state, message, updated_at)"
	         " VALUES (1, 'log', 'PDF', 7, 'completed', 'Sudah dicetak di PDF.', 1);",
	         v);
	file_exec(sql);

	store *st = NULL;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	int64_t job = 0;
	ck_assert_int_eq(world_print_begin(st, "inside", NULL, 0, 0, false, "PDF", &job), AKSES_OK);
	ck_assert_int_eq(store_print_update(st, job, 8, JOB_COMPLETED, "printed-on PDF"), AKSES_OK);
	struct akses_print_job *j = NULL;
	int n = 0;
	ck_assert_int_eq(store_print_list(st, 10, &j, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(j[0].message, "printed-on PDF");
	ck_assert(!j[0].message_legacy);
	ck_assert_str_eq(j[1].message, "Sudah dicetak di PDF.");
	ck_assert(j[1].message_legacy);
	free(j);
	store_close(st);
	assert_full_schema();
}
END_TEST

START_TEST(test_reopening_a_v2_file_changes_nothing_and_keeps_codes)
{
	store *st = NULL;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	int64_t admin = 0;
	ck_assert_int_eq(store_init_admin(st, "Admin", "123456", &admin), AKSES_OK);
	char code[AKSES_TOKEN_BUF];
	ck_assert_int_eq(store_staff_code_issue(st, admin, admin, code), AKSES_OK);
	store_close(st);
	char *schema = file_schema();
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
		struct akses_staff s;
		ck_assert_int_eq(store_signin_code(st, code, "meja", &s), AKSES_OK);
		ck_assert_int_eq(s.id, admin);
		store_close(st);
		ck_assert_int_eq(file_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
		char *again = file_schema();
		ck_assert_str_eq(again, schema);
		free(again);
	}
	free(schema);
	assert_full_schema();
}
END_TEST

static Suite *migrate_suite(void)
{
	Suite *s = suite_create("store_migrate");
	TCase *tc = tcase_create("migrate");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_new_file_gets_the_whole_schema_and_mode_0600);
	tcase_add_test(tc, test_empty_v0_db_made_by_sqlite3_is_migrated);
	tcase_add_test(tc, test_zero_byte_file_is_a_new_db);
	tcase_add_test(tc, test_newer_db_is_refused_and_left_alone);
	tcase_add_test(tc, test_file_that_is_not_a_db_is_refused_and_left_alone);
	tcase_add_test(tc, test_data_survives_reopening_without_migrating_again);
	tcase_add_test(tc, test_two_handles_share_one_file);
	tcase_add_test(tc, test_v1_file_with_data_is_migrated_to_v2_intact);
	tcase_add_test(tc, test_reopening_a_v2_file_changes_nothing_and_keeps_codes);
	tcase_add_test(tc, test_print_messages_before_codes_are_kept_as_legacy);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(migrate_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
