/* test_store_staff.c - staff accounts through the store: the first admin, sign-in and its record,
 * the per-station backoff (no global lock), the alert budget, unknown and disabled accounts
 * answering like a wrong PIN, 6-digit new PINs, admin resets that must be changed, admin-only
 * changes and the last admin. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

/* Sign-in rows of one staff id, ok or not. */
static int64_t signins(int64_t id, int ok)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM signin WHERE staff_id = %lld AND ok = %d",
	         (long long)id, ok);
	return world_int(&w, sql);
}

START_TEST(test_first_admin_only_once)
{
	char path[256];
	tu_db_path(path, sizeof path);
	store *st = NULL;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	int64_t id = 0;
	ck_assert_int_eq(store_init_admin(st, "", "1234", &id), AKSES_E_REQUIRED);
	ck_assert_int_eq(store_init_admin(st, "Admin", "12", &id), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(store_init_admin(st, "Admin", "12ab", &id), AKSES_E_PIN_FORMAT);
	/* new PINs have 6 digits at least */
	ck_assert_int_eq(store_init_admin(st, "Admin", "1234", &id), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(store_init_admin(st, "Admin", "12345", &id), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(store_init_admin(st, "Admin Satu", "246810", &id), AKSES_OK);
	ck_assert_int_gt(id, 0);
	int64_t id2 = 0;
	ck_assert_int_eq(store_init_admin(st, "Admin Dua", "135790", &id2), AKSES_E_ALREADY_INIT);
	ck_assert_int_eq(id2, 0);
	struct akses_staff s;
	ck_assert_int_eq(store_signin(st, id, "246810", "meja-depan", &s), AKSES_OK);
	ck_assert_int_eq(s.role, ROLE_ADMIN);
	ck_assert_str_eq(s.name, "Admin Satu");
	struct akses_staff *list = NULL;
	int n = 0;
	ck_assert_int_eq(store_staff_list(st, ROLE_NONE, &list, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	free(list);
	store_close(st);
	unlink(path);
	char side[300];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}
END_TEST

START_TEST(test_signin_fills_the_account_and_is_recorded)
{
	struct akses_staff s;
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(store_signin(w.st, w.koord, WORLD_PIN, "Pintu Server", &s), AKSES_OK);
	ck_assert_int_eq(s.id, w.koord);
	ck_assert_int_eq(s.role, ROLE_KOORDINATOR);
	ck_assert_str_eq(s.name, "Rina Koordinator");
	ck_assert(s.active);
	ck_assert_int_eq(signins(w.koord, 1), 1);
	ck_assert_int_eq(
	    world_int(&w, "SELECT count(*) FROM signin WHERE station = 'Pintu Server'"), 1);
	char sql[128];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM audit WHERE action = 'signin' AND"
	         " subject = 'staff:%lld'",
	         (long long)w.koord);
	ck_assert_int_eq(world_int(&w, sql), 1);
	/* a wrong PIN: refused, counted and recorded; a right one resets the count */
	ck_assert_int_eq(store_signin(w.st, w.koord, "4321", "Pintu Server", &s),
	                 AKSES_E_PIN_WRONG);
	ck_assert_int_eq(store_signin(w.st, w.koord, "12345", "Pintu Server", &s),
	                 AKSES_E_PIN_WRONG);
	ck_assert_int_eq(store_signin(w.st, w.koord, "abc", "Pintu Server", &s), AKSES_E_PIN_WRONG);
	ck_assert_int_eq(signins(w.koord, 0), 3);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'signin-failed'"),
	                 3);
	ck_assert_int_eq(store_signin(w.st, w.koord, WORLD_PIN, NULL, &s), AKSES_OK);
	/* no PIN or hash ever reaches the audit trail */
	ck_assert_int_eq(world_int(&w,
	                           "SELECT count(*) FROM audit"
	                           " WHERE replace(detail, '1234', '') <> detail"
	                           " OR replace(detail, '4321', '') <> detail"
	                           " OR replace(detail, 'argon', '') <> detail"),
	                 0);
}
END_TEST

/* Wrong PINs at one station: the sign-in rows of one staff id at that station. */
static int64_t signins_at(int64_t id, const char *station, int ok)
{
	char sql[200];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM signin WHERE staff_id = %lld AND station = '%s' AND ok = %d",
	         (long long)id, station, ok);
	return world_int(&w, sql);
}

START_TEST(test_wrong_pins_slow_down_only_their_station)
{
	struct akses_staff s;
	/* a visitor at the reception kiosk types 5 wrong PINs for the ADMIN, and more */
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(store_signin(w.st, w.admin, "000000", "resepsi", &s),
		                 AKSES_E_PIN_WRONG);
	/* that station waits a minute, even with the right PIN ... */
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(store_signin(w.st, w.admin, WORLD_PIN, "resepsi", &s), AKSES_E_PIN_LOCKED);
	ck_assert_int_eq(s.retry_at, tu_time(WORLD_NOW) + 60);
	/* ... but nothing is locked: the door and aksesctl still sign the ADMIN in */
	ck_assert_int_eq(store_signin(w.st, w.admin, WORLD_PIN, "Pintu Server", &s), AKSES_OK);
	ck_assert_int_eq(store_signin(w.st, w.admin, WORLD_PIN, "aksesctl uid 0", &s), AKSES_OK);
	struct akses_staff g;
	ck_assert_int_eq(store_staff_get(w.st, w.admin, &g), AKSES_OK);
	ck_assert_int_eq(g.locked_until, 0);
	/* the waits grow: 1 minute after the 5th, 2 after the 6th, 4 after the 7th */
	tu_set_now("2026-12-01 08:01");
	ck_assert_int_eq(store_signin(w.st, w.admin, "000000", "resepsi", &s), AKSES_E_PIN_WRONG);
	ck_assert_int_eq(store_signin(w.st, w.admin, WORLD_PIN, "resepsi", &s), AKSES_E_PIN_LOCKED);
	ck_assert_int_eq(s.retry_at, tu_time("2026-12-01 08:03"));
	tu_set_now("2026-12-01 08:03");
	ck_assert_int_eq(store_signin(w.st, w.admin, "000000", "resepsi", &s), AKSES_E_PIN_WRONG);
	ck_assert_int_eq(store_signin(w.st, w.admin, "000000", "resepsi", &s), AKSES_E_PIN_LOCKED);
	ck_assert_int_eq(s.retry_at, tu_time("2026-12-01 08:07"));
	/* the owner at that station, once the wait is over, signs in and the count starts again */
	tu_set_now("2026-12-01 08:07");
	ck_assert_int_eq(store_signin(w.st, w.admin, WORLD_PIN, "resepsi", &s), AKSES_OK);
	ck_assert_int_eq(store_signin(w.st, w.admin, "000000", "resepsi", &s), AKSES_E_PIN_WRONG);
	/* every attempt was recorded, the waits too (8 wrong, 3 refused while waiting) */
	ck_assert_int_eq(signins_at(w.admin, "resepsi", 0), 11);
	ck_assert_int_eq(signins_at(w.admin, "resepsi", 1), 1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM signin WHERE why = 'throttled'"), 3);
}
END_TEST

START_TEST(test_one_station_guesses_at_most_a_few_dozen_pins_a_day)
{
	/* a patient guesser at one kiosk, always back the second the wait ends: count the guesses
	 * in 24 hours (bounded by count as well) */
	struct akses_staff s;
	int64_t t = tu_time(WORLD_NOW), end = t + 24 * 3600;
	int guesses = 0;
	char when[32];
	for (int i = 0; i < 10000 && t < end; i++) {
		struct tm tm;
		time_t tt = (time_t)t;
		localtime_r(&tt, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
		tu_set_now(when);
		memset(&s, 0, sizeof s);
		akses_status rc = store_signin(w.st, w.kadis, "000000", "resepsi", &s);
		if (rc == AKSES_E_PIN_WRONG) {
			guesses++;
			t += 1;
		} else {
			ck_assert_int_eq(rc, AKSES_E_PIN_LOCKED);
			t = s.retry_at > t ? s.retry_at : t + 1;
		}
	}
	/* 6-digit PINs: a million; at this rate one station needs decades */
	ck_assert_msg(guesses <= 40, "%d guesses in 24 hours", guesses);
	printf("one station, 24 hours: %d guesses\n", guesses);
}
END_TEST

START_TEST(test_twenty_wrong_pins_across_stations_alert_without_locking)
{
	struct akses_staff s;
	const char *stations[] = {"resepsi", "kiosk-2", "kiosk-3", "kiosk-4", "kiosk-5"};
	for (int k = 0; k < 5; k++)
		for (int i = 0; i < 4; i++)
			ck_assert_int_eq(store_signin(w.st, w.koord, "000000", stations[k], &s),
			                 AKSES_E_PIN_WRONG);
	char sql[160];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM audit WHERE action = 'signin-alert' AND subject = 'staff:%lld'",
	         (long long)w.koord);
	ck_assert_int_eq(world_int(&w, sql), 1);
	/* Helpdesk and ADMIN see it; nobody else */
	struct akses_signin_alert *a = NULL;
	int n = 0;
	ck_assert_int_eq(store_signin_alerts(w.st, w.kabid, &a, &n), AKSES_E_ROLE);
	ck_assert_int_eq(store_signin_alerts(w.st, w.helpdesk, &a, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(a[0].staff_id, w.koord);
	ck_assert_int_eq(a[0].failures, 20);
	ck_assert_int_eq(a[0].stations, 5);
	ck_assert(a[0].alert);
	free(a);
	/* the owner still signs in at a station of their own */
	ck_assert_int_eq(store_signin(w.st, w.koord, WORLD_PIN, "Pintu Server", &s), AKSES_OK);
	/* one more wrong PIN does not alert again; a day later the count is gone */
	ck_assert_int_eq(store_signin(w.st, w.koord, "000000", "kiosk-6", &s), AKSES_E_PIN_WRONG);
	ck_assert_int_eq(world_int(&w, sql), 1);
	tu_set_now("2026-12-02 08:01");
	ck_assert_int_eq(store_signin_alerts(w.st, w.admin, &a, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(a);
}
END_TEST

START_TEST(test_an_admin_reset_pin_must_be_changed_by_its_owner)
{
	struct akses_staff s;
	/* the ADMIN resets the Kadis's PIN: it opens the account only to change it */
	tu_set_now("2026-12-01 08:10");
	ck_assert_int_eq(store_staff_set_pin(w.st, w.admin, w.kadis, "777777"), AKSES_OK);
	tu_set_now("2026-12-01 08:20");
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(store_signin(w.st, w.kadis, "777777", "aksesctl", &s),
	                 AKSES_E_PIN_MUST_CHANGE);
	ck_assert_int_eq(s.id, w.kadis);
	ck_assert(s.pin_must_change);
	ck_assert_int_eq(s.pin_set_by, w.admin);
	ck_assert_int_eq(s.pin_set_at, tu_time("2026-12-01 08:10"));
	/* it stays so until the owner sets their own */
	ck_assert_int_eq(store_signin(w.st, w.kadis, "777777", "aksesctl", &s),
	                 AKSES_E_PIN_MUST_CHANGE);
	ck_assert_int_eq(store_staff_set_pin(w.st, w.kadis, w.kadis, "135246"), AKSES_OK);
	ck_assert_int_eq(store_signin(w.st, w.kadis, "135246", "aksesctl", &s), AKSES_OK);
	ck_assert(!s.pin_must_change);
	ck_assert_int_eq(s.pin_set_by, w.kadis);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'staff-pin'"
	                               " AND detail = 'reset must-change'"),
	                 1);
}
END_TEST

START_TEST(test_unknown_account_answers_like_a_wrong_pin_and_is_recorded)
{
	struct akses_staff s;
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(store_signin(w.st, 4242, WORLD_PIN, "kiosk-1", &s), AKSES_E_PIN_WRONG);
	ck_assert_int_eq(s.id, 0);
	/* recorded, but never as typed: the "staff number" may be someone's PIN */
	ck_assert_int_eq(signins(4242, 0), 0);
	ck_assert_int_eq(signins(0, 0), 1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit"
	                               " WHERE replace(subject, '4242', '') <> subject"
	                               " OR replace(detail, '4242', '') <> detail"),
	                 0);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'signin-failed'"
	                               " AND subject = 'staff:0'"),
	                 1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM staff"), 7);
}
END_TEST

/* Wall-clock seconds of one sign-in attempt. */
static double signin_seconds(int64_t id, const char *pin)
{
	struct timespec a, b;
	struct akses_staff s;
	clock_gettime(CLOCK_MONOTONIC, &a);
	store_signin(w.st, id, pin, "kiosk-1", &s);
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

START_TEST(test_unknown_account_takes_as_long_as_a_wrong_pin)
{
	/* best of three each, so a busy machine does not decide; an unknown id without the dummy
	 * Argon2id verify would answer a hundred times faster */
	double known = 1e9, unknown = 1e9;
	for (int i = 0; i < 3; i++) {
		double k = signin_seconds(w.kabid, "0000");
		double u = signin_seconds(5000 + i, "0000");
		known = k < known ? k : known;
		unknown = u < unknown ? u : unknown;
	}
	ck_assert_msg(unknown > known / 3, "unknown %.4f s, wrong PIN %.4f s", unknown, known);
}
END_TEST

START_TEST(test_disabled_account_cannot_sign_in_or_act)
{
	char *before = world_dump(&w);
	ck_assert_int_eq(store_staff_disable(w.st, w.kabid, w.teknis), AKSES_E_ROLE);
	ck_assert_int_eq(store_staff_disable(w.st, w.admin, 999), AKSES_E_STAFF_NOT_FOUND);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_int_eq(store_staff_disable(w.st, w.admin, w.teknis), AKSES_OK);
	struct akses_staff s;
	/* the right PIN of a disabled account answers like a wrong one: nothing tells a guesser
	 * that the PIN was right */
	ck_assert_int_eq(store_signin(w.st, w.teknis, WORLD_PIN, "pintu", &s), AKSES_E_PIN_WRONG);
	ck_assert_int_eq(store_signin(w.st, w.teknis, "999999", "pintu", &s), AKSES_E_PIN_WRONG);
	ck_assert_int_eq(signins(w.teknis, 0), 2);
	struct akses_staff g;
	ck_assert_int_eq(store_staff_get(w.st, w.teknis, &g), AKSES_OK);
	ck_assert(!g.active);
	ck_assert_int_eq(g.role, ROLE_TIM_TEKNIS);
}
END_TEST

START_TEST(test_only_an_admin_adds_staff_with_valid_fields)
{
	char *before = world_dump(&w);
	int64_t id = 0;
	ck_assert_int_eq(store_staff_add(w.st, w.koord, "Baru", ROLE_HELPDESK, "567890", &id),
	                 AKSES_E_ROLE);
	ck_assert_int_eq(store_staff_add(w.st, 999, "Baru", ROLE_HELPDESK, "567890", &id),
	                 AKSES_E_STAFF_NOT_FOUND);
	ck_assert_int_eq(store_staff_add(w.st, w.admin, "", ROLE_HELPDESK, "567890", &id),
	                 AKSES_E_REQUIRED);
	char long_name[AKSES_NAME_CHARS + 2];
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	ck_assert_int_eq(store_staff_add(w.st, w.admin, long_name, ROLE_HELPDESK, "567890", &id),
	                 AKSES_E_TOO_LONG);
	ck_assert_int_eq(store_staff_add(w.st, w.admin, "Baru\n", ROLE_HELPDESK, "567890", &id),
	                 AKSES_E_CONTROL_CHAR);
	ck_assert_int_eq(store_staff_add(w.st, w.admin, "Baru", ROLE_NONE, "5678", &id),
	                 AKSES_E_ROLE_NAME);
	ck_assert_int_eq(store_staff_add(w.st, w.admin, "Baru", ROLE_HELPDESK, "123456789", &id),
	                 AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(store_staff_add(w.st, w.admin, "Baru", ROLE_HELPDESK, "5678", &id),
	                 AKSES_E_PIN_FORMAT);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	/* a name of exactly 100 characters, some of them multi-byte, is fine */
	char name[AKSES_BUF(AKSES_NAME_CHARS)] = "";
	for (int i = 0; i < 50; i++)
		strcat(name, "Ḥa");
	ck_assert_int_eq(store_staff_add(w.st, w.admin, name, ROLE_HELPDESK, "56789012", &id),
	                 AKSES_OK);
	struct akses_staff s;
	ck_assert_int_eq(store_signin(w.st, id, "56789012", "", &s), AKSES_OK);
	ck_assert_str_eq(s.name, name);
	ck_assert_int_eq(s.role, ROLE_HELPDESK);
	/* the audit trail names the new account by id and role only */
	char sql[160];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM audit WHERE action = 'staff-add' AND"
	         " subject = 'staff:%lld' AND detail = 'role=HELPDESK'",
	         (long long)id);
	ck_assert_int_eq(world_int(&w, sql), 1);
}
END_TEST

START_TEST(test_pin_change_by_oneself_or_an_admin_only)
{
	struct akses_staff s;
	char *before = world_dump(&w);
	ck_assert_int_eq(store_staff_set_pin(w.st, w.kabid, w.kadis, "999999"), AKSES_E_ROLE);
	ck_assert_int_eq(store_staff_set_pin(w.st, w.kadis, w.kadis, "99"), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(store_staff_set_pin(w.st, w.kadis, w.kadis, "9999"), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(store_staff_set_pin(w.st, w.admin, 999, "999999"),
	                 AKSES_E_STAFF_NOT_FOUND);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_int_eq(store_staff_set_pin(w.st, w.kadis, w.kadis, "999999"), AKSES_OK);
	ck_assert_int_eq(store_signin(w.st, w.kadis, WORLD_PIN, "", &s), AKSES_E_PIN_WRONG);
	ck_assert_int_eq(store_signin(w.st, w.kadis, "999999", "", &s), AKSES_OK);
	/* an admin's reset also ends a station's wait (the guesses were at a PIN that is gone) */
	for (int i = 0; i < 5; i++)
		store_signin(w.st, w.kabid, "0000", "", &s);
	ck_assert_int_eq(store_signin(w.st, w.kabid, WORLD_PIN, "", &s), AKSES_E_PIN_LOCKED);
	tu_set_now("2026-12-01 08:00:30");
	ck_assert_int_eq(store_staff_set_pin(w.st, w.admin, w.kabid, "24682468"), AKSES_OK);
	tu_set_now("2026-12-01 08:00:31");
	ck_assert_int_eq(store_signin(w.st, w.kabid, "24682468", "", &s), AKSES_E_PIN_MUST_CHANGE);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'staff-pin'"), 2);
}
END_TEST

START_TEST(test_the_last_active_admin_cannot_be_disabled)
{
	ck_assert_int_eq(store_staff_disable(w.st, w.admin, w.admin), AKSES_E_ROLE);
	int64_t admin2 = 0;
	ck_assert_int_eq(
	    store_staff_add(w.st, w.admin, "Admin Cadangan", ROLE_ADMIN, "864200", &admin2),
	    AKSES_OK);
	ck_assert_int_eq(store_staff_disable(w.st, admin2, w.admin), AKSES_OK);
	ck_assert_int_eq(store_staff_disable(w.st, admin2, admin2), AKSES_E_ROLE);
	/* the disabled admin can no longer administer */
	ck_assert_int_eq(store_staff_add(w.st, w.admin, "X", ROLE_KADIS, "111111", NULL),
	                 AKSES_E_STAFF_DISABLED);
}
END_TEST

START_TEST(test_staff_list_by_role_sorted_by_name)
{
	struct akses_staff *list = NULL;
	int n = 0;
	ck_assert_int_eq(store_staff_list(w.st, ROLE_TIM_TEKNIS, &list, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(list[0].name, "Andi Teknisi");
	ck_assert_str_eq(list[1].name, "Yusuf Teknisi");
	ck_assert_int_eq(list[1].id, w.teknis2);
	free(list);
	ck_assert_int_eq(store_staff_list(w.st, ROLE_NONE, &list, &n), AKSES_OK);
	ck_assert_int_eq(n, 7);
	for (int i = 1; i < n; i++)
		ck_assert_int_le(strcmp(list[i - 1].name, list[i].name), 0);
	free(list);
	struct akses_staff g;
	ck_assert_int_eq(store_staff_get(w.st, 999, &g), AKSES_E_STAFF_NOT_FOUND);
}
END_TEST

static Suite *staff_suite(void)
{
	Suite *s = suite_create("store_staff");
	TCase *tc = tcase_create("staff");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_first_admin_only_once);
	tcase_add_test(tc, test_signin_fills_the_account_and_is_recorded);
	tcase_add_test(tc, test_wrong_pins_slow_down_only_their_station);
	tcase_add_test(tc, test_one_station_guesses_at_most_a_few_dozen_pins_a_day);
	tcase_add_test(tc, test_twenty_wrong_pins_across_stations_alert_without_locking);
	tcase_add_test(tc, test_an_admin_reset_pin_must_be_changed_by_its_owner);
	tcase_add_test(tc, test_unknown_account_answers_like_a_wrong_pin_and_is_recorded);
	tcase_add_test(tc, test_unknown_account_takes_as_long_as_a_wrong_pin);
	tcase_add_test(tc, test_disabled_account_cannot_sign_in_or_act);
	tcase_add_test(tc, test_only_an_admin_adds_staff_with_valid_fields);
	tcase_add_test(tc, test_pin_change_by_oneself_or_an_admin_only);
	tcase_add_test(tc, test_the_last_active_admin_cannot_be_disabled);
	tcase_add_test(tc, test_staff_list_by_role_sorted_by_name);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	world_init();
	SRunner *sr = srunner_create(staff_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
