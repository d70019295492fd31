/* test_store_migrate.c - opening files: a new file gets the whole schema and mode 0600, an empty
 * v0 DB made by sqlite3 is migrated, a newer or foreign file is refused and left as it was, and
 * data survives closing and reopening. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
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
	ck_assert_int_eq(store_init_admin(st, "Admin", "1234", &id), AKSES_OK);
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
	ck_assert_int_eq(store_init_admin(st, "Admin", "1234", &admin), AKSES_OK);
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
		ck_assert_int_eq(store_audit_verify(st, &rows, NULL), AKSES_OK);
		ck_assert_int_eq(rows, 2);
		ck_assert_int_eq(store_init_admin(st, "Lagi", "1234", NULL), AKSES_E_ALREADY_INIT);
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
	ck_assert_int_eq(store_init_admin(a, "Admin", "1234", &admin), AKSES_OK);
	struct akses_staff s;
	ck_assert_int_eq(store_signin(b, admin, "1234", "kiosk-2", &s), AKSES_OK);
	ck_assert_int_eq(store_audit_verify(a, NULL, NULL), AKSES_OK);
	store_close(a);
	store_close(b);
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
