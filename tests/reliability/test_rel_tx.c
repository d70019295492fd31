/* test_rel_tx.c - transaction mistakes found by reading kiosk/core/store*.c, each proved fixed with
 * a second connection on the same DB (another station) acting at the worst moment; on a SQLite
 * file, or on a server's database with AKSES_TEST_DB (the pg label's run). */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "secret.h"
#include "store.h"
#include "testutil.h"
#include "world.h"

static struct world w;

static void setup(void)
{
	world_open(&w);
}

static void teardown(void)
{
	world_close(&w);
}

/* A second connection on the world's DB, as another process would have it. */
static db *other_station(void)
{
	return world_db(&w, true);
}

/* Begin a write transaction on d and hold the writer lock: on a server the BEGIN and the lock go
 * out with the transaction's first statement (db.h), so one is run. */
static void hold_writer_lock(db *d)
{
	ck_assert_int_eq(db_begin_write(d), DB_OK);
	db_stmt *s = NULL;
	ck_assert_int_eq(db_prepare(d, "SELECT count(*) FROM staff", &s), DB_OK);
	ck_assert_int_eq(db_step(s), DB_ROW);
	db_finalize(s);
}

struct signin_call {
	int64_t staff_id;
	const char *pin;
	akses_status rc;
};

static void *signin_thread(void *arg)
{
	struct signin_call *c = arg;
	struct akses_staff who;
	c->rc = store_signin(w.st, c->staff_id, c->pin, "Pintu 1", &who);
	return NULL;
}

/* store_signin verifies the PIN (Argon2id, ~0.1 s) before it takes the writer lock. An ADMIN who
 * replaces a leaked PIN in that moment must not see the old PIN let in once more: the verdict was
 * about a hash the account no longer has. Here the other station holds the lock while the sign-in
 * verifies, then commits the new PIN; the sign-in with the old PIN must then be refused. */
START_TEST(test_pin_replaced_during_signin_does_not_let_the_old_pin_in)
{
	db *admin = other_station();
	hold_writer_lock(admin);
	struct signin_call call = {.staff_id = w.teknis, .pin = WORLD_PIN, .rc = AKSES_OK};
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, signin_thread, &call), 0);
	/* long enough for the sign-in to read the old hash, verify it and wait for the lock */
	usleep(1000 * 1000);
	char hash[SECRET_PIN_HASH_BUF];
	ck_assert_int_eq(secret_pin_hash("9876", hash), AKSES_OK);
	db_stmt *s = NULL;
	ck_assert_int_eq(db_prepare(admin, "UPDATE staff SET pin_hash = ?1 WHERE id = ?2", &s), DB_OK);
	ck_assert_int_eq(db_bind_text(s, 1, hash), DB_OK);
	ck_assert_int_eq(db_bind_int64(s, 2, w.teknis), DB_OK);
	ck_assert_int_eq(db_step(s), DB_DONE);
	db_finalize(s);
	ck_assert_int_eq(db_commit(admin), DB_OK);
	pthread_join(t, NULL);
	db_close(admin);

	ck_assert_int_eq(call.rc, AKSES_E_PIN_WRONG);
	struct akses_staff who;
	ck_assert_int_eq(store_signin(w.st, w.teknis, WORLD_PIN, "Pintu 1", &who),
	                 AKSES_E_PIN_WRONG);
	ck_assert_int_eq(store_signin(w.st, w.teknis, "9876", "Pintu 1", &who), AKSES_OK);
	/* the refused attempt is on record like any wrong PIN */
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM signin WHERE ok = 0"), 2);
}
END_TEST

/* The same race without a change: a sign-in that had to wait for the lock still signs in. */
START_TEST(test_signin_that_waits_for_the_lock_still_signs_in)
{
	db *other = other_station();
	hold_writer_lock(other);
	struct signin_call call = {.staff_id = w.teknis, .pin = WORLD_PIN, .rc = AKSES_E_IO};
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, signin_thread, &call), 0);
	usleep(500 * 1000);
	ck_assert_int_eq(db_commit(other), DB_OK);
	pthread_join(t, NULL);
	db_close(other);
	ck_assert_int_eq(call.rc, AKSES_OK);
}
END_TEST

/* Milliseconds on the monotonic clock. */
static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Submit requests through a store of this process's own, one after another without a pause, for
 * ms milliseconds; exits the (forked) process with 0 when all succeeded. */
static void submit_nonstop(const char *path, int64_t ms)
{
	store *st = NULL;
	if (store_open(path, NULL, &st) != AKSES_OK)
		_exit(2);
	int64_t end = now_ms() + ms;
	while (now_ms() < end) {
		struct akses_request_input in;
		struct akses_submit_result res;
		world_input(&in, "2026-12-01 09:00", "2026-12-01 12:00", 0);
		if (store_submit(st, &in, &res, NULL, NULL) != AKSES_OK)
			_exit(1);
	}
	store_close(st);
	_exit(0);
}

/* Two stations that write without a pause hold the writer lock nearly all the time, each letting
 * it go only for the moment between one commit and its next BEGIN. SQLite's own busy handler looks
 * again only every 100 ms after a few tries and kept missing those moments: a third station waited
 * out its whole busy timeout and its visitor was told the system is busy. Every submission of the
 * third station must get through, each well inside its timeout. */
START_TEST(test_a_station_gets_its_turn_while_others_write_nonstop)
{
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		ck_assert_int_ge(kids[k], 0);
		if (kids[k] == 0)
			submit_nonstop(w.path, 4000);
	}
	struct store_options opt = {
	    .pass_grace_min = -1, .scan_repeat_s = -1, .busy_timeout_ms = 2000};
	store *mine = NULL;
	ck_assert_int_eq(store_open(w.path, &opt, &mine), AKSES_OK);
	usleep(200 * 1000); /* the others are writing */
	int64_t worst = 0;
	for (int i = 0; i < 40; i++) {
		struct akses_request_input in;
		struct akses_submit_result res;
		world_input(&in, "2026-12-01 09:00", "2026-12-01 12:00", 0);
		int64_t t0 = now_ms();
		akses_status rc = store_submit(mine, &in, &res, NULL, NULL);
		int64_t took = now_ms() - t0;
		worst = took > worst ? took : worst;
		ck_assert_msg(rc == AKSES_OK, "submission %d: status %d after %lld ms (%s)", i, rc,
		              (long long)took, store_errmsg(mine));
		usleep(20 * 1000);
	}
	store_close(mine);
	for (int k = 0; k < 2; k++) {
		int status = 0;
		ck_assert_int_eq(waitpid(kids[k], &status, 0), kids[k]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "writer %d failed", k);
	}
	ck_assert_msg(worst < 2000, "the slowest submission took %lld ms", (long long)worst);
}
END_TEST

int main(void)
{
	world_init();
	Suite *s = suite_create("rel_tx");
	TCase *tc = tcase_create("signin");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_pin_replaced_during_signin_does_not_let_the_old_pin_in);
	tcase_add_test(tc, test_signin_that_waits_for_the_lock_still_signs_in);
	suite_add_tcase(s, tc);
	tc = tcase_create("contention");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_a_station_gets_its_turn_while_others_write_nonstop);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
