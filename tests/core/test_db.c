/* test_db.c - the SQLite driver through db.h: statements, bindings (copied), columns and NULLs,
 * RETURNING and ON CONFLICT, transactions across two connections, error classes, and which
 * --db targets name a PostgreSQL server. Only opening uses db_sqlite.h. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "db_sqlite.h"
#include "testutil.h"

static char path[256];

/* A connection to the test's file (created on first open), or the test fails. */
static db *open_rw(void)
{
	db *c = NULL;
	ck_assert_int_eq(db_sqlite_open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &c), DB_OK);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(db_engine_of(c), DB_ENGINE_SQLITE);
	return c;
}

static void setup(void)
{
	tu_db_path(path, sizeof path);
	db *c = open_rw();
	ck_assert_int_eq(db_exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT UNIQUE NOT NULL,"
	                            " n INTEGER, s TEXT, b BLOB)"),
	                 DB_OK);
	db_close(c);
}

/* Insert one row with RETURNING id; the new id. */
static int64_t insert(db *c, const char *k, int64_t n)
{
	db_stmt *s = NULL;
	ck_assert_int_eq(db_prepare(c, "INSERT INTO t(k, n) VALUES (?1, ?2) RETURNING id", &s), DB_OK);
	db_bind_text(s, 1, k);
	db_bind_int64(s, 2, n);
	ck_assert_int_eq(db_step(s), DB_ROW);
	int64_t id = db_col_int64(s, 0);
	ck_assert_int_eq(db_step(s), DB_DONE);
	db_finalize(s);
	return id;
}

START_TEST(test_values_and_nulls_come_back_as_bound)
{
	db *c = open_rw();
	db_stmt *s = NULL;
	ck_assert_int_eq(db_prepare(c, "INSERT INTO t(k, n, s, b) VALUES (?1, ?2, ?3, ?4)", &s), DB_OK);
	ck_assert_int_eq(db_param_count(s), 4);
	/* bound text and blobs are copied: the buffers may change before the statement runs */
	char key[16] = "satu";
	unsigned char blob[5] = {1, 0, 2, 0, 3};
	ck_assert_int_eq(db_bind_text(s, 1, key), DB_OK);
	ck_assert_int_eq(db_bind_int64(s, 2, INT64_C(9007199254740993)), DB_OK);
	ck_assert_int_eq(db_bind_text(s, 3, "Budi Santoso"), DB_OK);
	ck_assert_int_eq(db_bind_blob(s, 4, blob, sizeof blob), DB_OK);
	strcpy(key, "XXXX");
	memset(blob, 0xff, sizeof blob);
	ck_assert_int_eq(db_step(s), DB_DONE);
	ck_assert_int_eq(db_changes(c), 1);
	/* db_reset runs it again with the same bindings, but for the one changed */
	ck_assert_int_eq(db_reset(s), DB_OK);
	db_bind_text(s, 1, "dua");
	db_bind_null(s, 2);
	db_bind_text(s, 3, NULL);
	db_bind_null(s, 4);
	ck_assert_int_eq(db_step(s), DB_DONE);
	db_finalize(s);

	ck_assert_int_eq(db_prepare(c, "SELECT k, n, s, b FROM t ORDER BY id", &s), DB_OK);
	ck_assert_int_eq(db_step(s), DB_ROW);
	ck_assert_str_eq(db_col_text(s, 0), "satu");
	ck_assert(db_col_int64(s, 1) == INT64_C(9007199254740993));
	ck_assert_str_eq(db_col_text(s, 2), "Budi Santoso");
	size_t n = 0;
	const unsigned char *got = db_col_blob(s, 3, &n);
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(memcmp(got, (unsigned char[]){1, 0, 2, 0, 3}, 5), 0);
	ck_assert(!db_col_is_null(s, 3));

	ck_assert_int_eq(db_step(s), DB_ROW);
	ck_assert_str_eq(db_col_text(s, 0), "dua");
	ck_assert(db_col_is_null(s, 1));
	ck_assert_int_eq(db_col_int(s, 1), 0);
	ck_assert_ptr_null(db_col_text(s, 2));
	n = 99;
	ck_assert_ptr_null(db_col_blob(s, 3, &n));
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(db_step(s), DB_DONE);
	db_finalize(s);
	db_finalize(NULL);
	db_close(c);
}
END_TEST

START_TEST(test_returning_id_and_on_conflict)
{
	db *c = open_rw();
	int64_t a = insert(c, "a", 1), b = insert(c, "b", 1);
	ck_assert_int_gt(a, 0);
	ck_assert_int_eq(b, a + 1);

	/* an upsert counts up and says the new value */
	db_stmt *s = NULL;
	const char *up = "INSERT INTO t(k, n) VALUES (?1, 1)"
	                 " ON CONFLICT (k) DO UPDATE SET n = t.n + 1 RETURNING n";
	for (int want = 2; want <= 3; want++) {
		ck_assert_int_eq(db_prepare(c, up, &s), DB_OK);
		db_bind_text(s, 1, "a");
		ck_assert_int_eq(db_step(s), DB_ROW);
		ck_assert_int_eq(db_col_int(s, 0), want);
		ck_assert_int_eq(db_step(s), DB_DONE);
		db_finalize(s);
	}
	/* DO NOTHING: no row, no change, no error */
	ck_assert_int_eq(
	    db_prepare(c, "INSERT INTO t(k, n) VALUES (?1, 7) ON CONFLICT DO NOTHING RETURNING id", &s),
	    DB_OK);
	db_bind_text(s, 1, "b");
	ck_assert_int_eq(db_step(s), DB_DONE);
	db_finalize(s);
	ck_assert_int_eq(db_changes(c), 0);
	ck_assert_int_eq(db_errclass(c), DB_E_NONE);
	db_close(c);
}
END_TEST

START_TEST(test_second_writer_is_told_busy)
{
	db *one = open_rw(), *two = open_rw();
	ck_assert(!db_in_tx(one));
	ck_assert_int_eq(db_begin_write(one), DB_OK);
	ck_assert(db_in_tx(one));
	insert(one, "a", 1);
	/* no busy handler on this connection: the writer lock is refused at once */
	ck_assert_int_eq(db_begin_write(two), DB_ERROR);
	ck_assert_int_eq(db_errclass(two), DB_E_BUSY);
	ck_assert_str_ne(db_errmsg(two), "");
	ck_assert(!db_in_tx(two));
	/* a reader still reads, from before the writer's change */
	ck_assert_int_eq(db_begin_read(two), DB_OK);
	ck_assert(db_in_tx(two));
	db_stmt *s = NULL;
	ck_assert_int_eq(db_prepare(two, "SELECT count(*) FROM t", &s), DB_OK);
	ck_assert_int_eq(db_step(s), DB_ROW);
	ck_assert_int_eq(db_col_int(s, 0), 0);
	db_finalize(s);
	ck_assert_int_eq(db_commit(two), DB_OK);
	ck_assert_int_eq(db_commit(one), DB_OK);
	ck_assert_int_eq(db_begin_write(two), DB_OK);
	ck_assert_int_eq(db_rollback(two), DB_OK);
	ck_assert(!db_in_tx(two));
	ck_assert_int_eq(db_rollback(two), DB_OK); /* outside a transaction: nothing to do */
	db_close(one);
	db_close(two);
}
END_TEST

START_TEST(test_constraint_and_read_only_classes)
{
	db *c = open_rw();
	insert(c, "a", 1);
	db_stmt *s = NULL;
	ck_assert_int_eq(db_prepare(c, "INSERT INTO t(k) VALUES (?1)", &s), DB_OK);
	db_bind_text(s, 1, "a");
	ck_assert_int_eq(db_step(s), DB_ERROR);
	ck_assert_int_eq(db_errclass(c), DB_E_CONSTRAINT);
	ck_assert_ptr_nonnull(strstr(db_errmsg(c), "UNIQUE"));
	db_finalize(s);
	/* the class stays until the next call on the connection succeeds */
	ck_assert_int_eq(db_errclass(c), DB_E_CONSTRAINT);
	ck_assert_int_eq(db_exec(c, "INSERT INTO t(k) VALUES (NULL)"), DB_ERROR);
	ck_assert_int_eq(db_errclass(c), DB_E_CONSTRAINT);
	ck_assert_int_eq(db_prepare(c, "SELEC nothing", &s), DB_ERROR);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(db_errclass(c), DB_E_IO);
	ck_assert_int_eq(db_exec(c, "SELECT 1"), DB_OK);
	ck_assert_int_eq(db_errclass(c), DB_E_NONE);
	db_close(c);

	db *ro = NULL;
	ck_assert_int_eq(db_sqlite_open(path, SQLITE_OPEN_READONLY, &ro), DB_OK);
	ck_assert_int_eq(db_exec(ro, "INSERT INTO t(k) VALUES ('b')"), DB_ERROR);
	ck_assert_int_eq(db_errclass(ro), DB_E_READ_ONLY);
	db_close(ro);
}
END_TEST

START_TEST(test_not_a_database_is_corrupt)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	for (int i = 0; i < 200; i++)
		fputs("this is not a database file, just text ", f);
	fclose(f);
	db *c = open_rw();
	ck_assert_int_eq(db_exec(c, "SELECT count(*) FROM sqlite_schema"), DB_ERROR);
	ck_assert_int_eq(db_errclass(c), DB_E_CORRUPT);
	db_close(c);
	/* and a file that cannot be opened at all still hands out a connection that says why */
	c = NULL;
	ck_assert_int_eq(db_sqlite_open("/nonexistent-dir/x.db", SQLITE_OPEN_READWRITE, &c), DB_ERROR);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(db_errclass(c), DB_E_IO);
	ck_assert_ptr_null(db_sqlite_handle(NULL));
	db_close(c);
	db_close(NULL);
}
END_TEST

START_TEST(test_target_names_postgres_or_a_file)
{
	ck_assert(db_target_is_pg("postgresql://akses@db1,db2/akses?target_session_attrs=read-write"));
	ck_assert(db_target_is_pg("postgres://akses@localhost/akses"));
	ck_assert(db_target_is_pg("host=db1 dbname=akses user=akses"));
	ck_assert(db_target_is_pg("user=akses dbname=akses"));
	ck_assert(db_target_is_pg("service=akses"));
	ck_assert(db_target_is_pg("hostaddr=10.0.0.5 port=5432"));
	ck_assert(!db_target_is_pg(NULL));
	ck_assert(!db_target_is_pg(""));
	ck_assert(!db_target_is_pg("akses.db"));
	ck_assert(!db_target_is_pg("/var/lib/akses/akses.db"));
	/* a path may hold '=' and even a key's name, but never at the start of a word */
	ck_assert(!db_target_is_pg("/srv/data/host=db1/akses.db"));
	ck_assert(!db_target_is_pg("./dbname=akses.db"));
	ck_assert(!db_target_is_pg("/tmp/a=b.db"));
	ck_assert(!db_target_is_pg("/tmp/postgresql://x.db"));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("sqlite");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_values_and_nulls_come_back_as_bound);
	tcase_add_test(tc, test_returning_id_and_on_conflict);
	tcase_add_test(tc, test_second_writer_is_told_busy);
	tcase_add_test(tc, test_constraint_and_read_only_classes);
	tcase_add_test(tc, test_not_a_database_is_corrupt);
	suite_add_tcase(s, tc);
	TCase *tt = tcase_create("target");
	tcase_add_test(tt, test_target_names_postgres_or_a_file);
	suite_add_tcase(s, tt);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
