/* test_clock.c - the pinnable clock, strict local date/time parsing (Asia/Jakarta: UTC+7, no
 * DST), day bounds, formatting and translated durations. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "i18n.h"
#include "testutil.h"

START_TEST(test_jakarta_local_time_is_utc_plus_seven)
{
	int64_t t = 0;
	ck_assert_int_eq(clock_parse("2026-11-29 14:05", &t), AKSES_OK);
	ck_assert_int_eq(t, 1795935900); /* 2026-11-29 07:05:00 UTC */
	ck_assert_int_eq(clock_parse("2026-11-29 14:05:30", &t), AKSES_OK);
	ck_assert_int_eq(t, 1795935930);
	ck_assert_int_eq(clock_parse("2026-01-01 00:00", &t), AKSES_OK);
	ck_assert_int_eq(t, 1767200400); /* 2025-12-31 17:00 UTC */
}
END_TEST

START_TEST(test_impossible_dates_and_times_are_refused)
{
	static const char *bad[] = {
	    "2026-02-30 10:00",   "2026-02-29 10:00", /* 2026 is not a leap year */
	    "2026-04-31 10:00",   "2026-13-01 00:00", "2026-00-10 00:00",    "2026-11-00 10:00",
	    "2026-11-29 24:00",   "2026-11-29 23:60", "2026-11-29 12:00:60", "2026-11-29T14:05",
	    "2026-11-29 14:5",    "2026-11-29 4:05",  " 2026-11-29 14:05",   "2026-11-29 14:05 ",
	    "2026/11/29 14:05",   "abcd-11-29 14:05", "2026-11-29",          "",
	    "2026-11-29 14:05:3", "1969-12-31 23:59",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t t = 42;
		ck_assert_msg(clock_parse(bad[i], &t) == AKSES_E_DATETIME, "accepted '%s'", bad[i]);
	}
	int64_t t;
	ck_assert_int_eq(clock_parse("2028-02-29 10:00", &t), AKSES_OK); /* a leap year */
	ck_assert_int_eq(clock_parse("2026-11-29 23:59:59", &t), AKSES_OK);
	ck_assert_int_eq(clock_parse(NULL, &t), AKSES_E_INVALID_ARG);
}
END_TEST

START_TEST(test_every_jakarta_day_is_24_hours)
{
	int64_t start, end, prev_end = 0;
	char day[11];
	/* every day of 2026: no DST in Jakarta, so each is 86400 s and they tile the year */
	int64_t t = tu_time("2026-01-01 12:00");
	for (int i = 0; i < 365; i++, t += 86400) {
		clock_format_day(t, day, sizeof day);
		ck_assert_int_eq(clock_day_bounds(day, &start, &end), AKSES_OK);
		ck_assert_int_eq(end - start, 86400);
		ck_assert(start <= t && t < end);
		if (prev_end)
			ck_assert_int_eq(start, prev_end);
		prev_end = end;
	}
	ck_assert_str_eq(day, "2026-12-31");
}
END_TEST

/* mktime's error value -1 is also the second before the epoch, a real local time of 1 January
 * 1970 in Jakarta; it was refused as "not a real time" (seen in review, then confirmed by
 * fuzz_clock's invariant that every real local time parses). */
START_TEST(test_the_second_before_the_epoch_is_a_real_local_time)
{
	int64_t t = 42;
	ck_assert_int_eq(clock_parse("1970-01-01 06:59:59", &t), AKSES_OK);
	ck_assert_int_eq(t, -1);
	ck_assert_int_eq(clock_parse("1970-01-01 07:00", &t), AKSES_OK);
	ck_assert_int_eq(t, 0);
	char buf[32];
	ck_assert_str_eq(clock_format(-1, buf, sizeof buf), "1970-01-01 06:59");
}
END_TEST

START_TEST(test_day_bounds_refuse_malformed_days)
{
	int64_t s, e;
	ck_assert_int_eq(clock_day_bounds("2026-11-29", &s, &e), AKSES_OK);
	ck_assert_int_eq(s, tu_time("2026-11-29 00:00"));
	ck_assert_int_eq(e, tu_time("2026-11-30 00:00"));
	ck_assert_int_eq(clock_day_bounds("2026-12-31", &s, &e), AKSES_OK);
	ck_assert_int_eq(e, tu_time("2027-01-01 00:00"));
	static const char *bad[] = {"2026-02-30", "2026-1-01", "2026-11-29 00:00",
	                            "29-11-2026", "",          "2026-11-2x"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(clock_day_bounds(bad[i], &s, &e) == AKSES_E_DATE, "accepted %s",
		              bad[i]);
}
END_TEST

START_TEST(test_akses_now_pins_the_clock_and_can_move)
{
	tu_set_now("2026-11-29 14:05");
	ck_assert_int_eq(clock_now(), 1795935900);
	tu_set_now("2026-11-29 14:06:15");
	ck_assert_int_eq(clock_now(), 1795935975);
	/* garbage or no pin: the real time */
	tu_set_now("next tuesday");
	int64_t real = (int64_t)time(NULL);
	ck_assert(llabs((long long)(clock_now() - real)) <= 2);
	tu_set_now(NULL);
	ck_assert(llabs((long long)(clock_now() - (int64_t)time(NULL))) <= 2);
}
END_TEST

START_TEST(test_formatting_round_trips_through_parsing)
{
	char buf[32];
	int64_t t = tu_time("2026-11-29 14:05");
	ck_assert_str_eq(clock_format(t, buf, sizeof buf), "2026-11-29 14:05");
	ck_assert_str_eq(clock_format_day(t, buf, sizeof buf), "2026-11-29");
	ck_assert_str_eq(clock_format_hm(t, buf, sizeof buf), "14:05");
	ck_assert_str_eq(clock_format_hm(t + 59, buf, sizeof buf), "14:05");
	/* every minute across a day boundary */
	for (int64_t u = tu_time("2026-12-31 23:00"); u < tu_time("2027-01-01 01:00"); u += 60) {
		int64_t back = 0;
		clock_format(u, buf, sizeof buf);
		ck_assert_int_eq(clock_parse(buf, &back), AKSES_OK);
		ck_assert_int_eq(back, u);
	}
	/* too small a buffer gives an empty string, not a cut date */
	char small[8];
	ck_assert_str_eq(clock_format(t, small, sizeof small), "");
}
END_TEST

struct dur_case {
	int64_t s;
	const char *id, *en;
};

START_TEST(test_durations_read_naturally_in_both_languages)
{
	static const struct dur_case cases[] = {
	    {0, "0 d", "0 s"},
	    {45, "45 d", "45 s"},
	    {59, "59 d", "59 s"},
	    {60, "1 m", "1 m"},
	    {720, "12 m", "12 m"},
	    {3599, "59 m", "59 m"},
	    {3600, "1 j 00 m", "1 h 00 m"},
	    {3900, "1 j 05 m", "1 h 05 m"},
	    {36059, "10 j 00 m", "10 h 00 m"},
	    {-1, "-", "-"},
	};
	char buf[32];
	ck_assert_int_eq(i18n_init(NULL, "id"), 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_str_eq(clock_format_duration(cases[i].s, buf, sizeof buf), cases[i].id);
	ck_assert_int_eq(i18n_set_lang("en"), 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_str_eq(clock_format_duration(cases[i].s, buf, sizeof buf), cases[i].en);
	i18n_set_lang("id");
}
END_TEST

static Suite *clock_suite(void)
{
	Suite *s = suite_create("clock");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_jakarta_local_time_is_utc_plus_seven);
	tcase_add_test(tc, test_impossible_dates_and_times_are_refused);
	tcase_add_test(tc, test_every_jakarta_day_is_24_hours);
	tcase_add_test(tc, test_the_second_before_the_epoch_is_a_real_local_time);
	tcase_add_test(tc, test_day_bounds_refuse_malformed_days);
	tcase_add_test(tc, test_akses_now_pins_the_clock_and_can_move);
	tcase_add_test(tc, test_formatting_round_trips_through_parsing);
	tcase_add_test(tc, test_durations_read_naturally_in_both_languages);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	/* The expectations are Jakarta's (CTest sets it too; this keeps a direct run honest). */
	setenv("TZ", "Asia/Jakarta", 1);
	tzset();
	SRunner *sr = srunner_create(clock_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
