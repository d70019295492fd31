/* test_scanner.c - a USB scanner's fast burst + Enter is a scan; a person's typing is not. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "scanner.h"

static struct scanner sc;
static char out[SCANNER_BUF + 8];

/* Feed a string one character at a time, gap_ms apart from t; returns the time of the last. */
static uint32_t feed(const char *s, uint32_t t, uint32_t gap_ms, int *typed_events)
{
	char c[2] = {0, 0};

	for (; *s; s++, t += gap_ms) {
		c[0] = *s;
		if (scanner_text(&sc, c, t, out, sizeof out) == SCANNER_TYPED && typed_events)
			(*typed_events)++;
	}
	return t - gap_ms;
}

START_TEST(test_fast_burst_ended_by_enter_is_a_scan)
{
	scanner_reset(&sc);
	uint32_t t = feed("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 1000, 5, NULL);
	ck_assert_int_eq(scanner_enter(&sc, t + 5, out, sizeof out), SCANNER_SCAN);
	ck_assert_str_eq(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
	/* nothing is left over for the next input */
	ck_assert_uint_eq(scanner_deadline(&sc), 0);
}
END_TEST

START_TEST(test_slow_typing_is_given_to_the_field_not_scanned)
{
	int typed = 0;
	scanner_reset(&sc);
	uint32_t t = feed("AKS20261129", 1000, 200, &typed);
	/* each pause hands the previous characters over as typing */
	ck_assert_int_ge(typed, 9);
	ck_assert_int_eq(scanner_enter(&sc, t + 200, out, sizeof out), SCANNER_TYPED);
	ck_assert_str_eq(out, "9");
}
END_TEST

START_TEST(test_fast_typist_is_not_taken_for_a_scanner)
{
	scanner_reset(&sc);
	/* 90 ms a key is very fast for a person: held together, but typing, not a scan */
	uint32_t t = feed("ABCDEFGHIJKL", 1000, 90, NULL);
	ck_assert_int_eq(scanner_enter(&sc, t + 90, out, sizeof out), SCANNER_TYPED);
	ck_assert_str_eq(out, "ABCDEFGHIJKL");
}
END_TEST

START_TEST(test_one_late_key_in_a_burst_is_still_a_scan)
{
	scanner_reset(&sc);
	uint32_t t = feed("ABCDEFGHIJKLMNOP", 1000, 5, NULL);
	/* the machine was busy for a moment */
	t = feed("QRSTUVWXYZ234567", t + 120, 5, NULL);
	ck_assert_int_eq(scanner_enter(&sc, t + 5, out, sizeof out), SCANNER_SCAN);
	ck_assert_str_eq(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
}
END_TEST

START_TEST(test_short_fast_burst_is_typing)
{
	scanner_reset(&sc);
	uint32_t t = feed("1234", 1000, 5, NULL);
	ck_assert_int_eq(scanner_enter(&sc, t + 5, out, sizeof out), SCANNER_TYPED);
	ck_assert_str_eq(out, "1234");
}
END_TEST

START_TEST(test_burst_without_enter_is_released_as_typing_after_the_gap)
{
	scanner_reset(&sc);
	uint32_t t = feed("HELLOWORLD", 1000, 5, NULL);
	ck_assert_int_eq(scanner_tick(&sc, t + 10, out, sizeof out), SCANNER_NONE);
	ck_assert_uint_eq(scanner_deadline(&sc), t + SCANNER_HOLD_MS + 1);
	ck_assert_int_eq(scanner_tick(&sc, t + SCANNER_HOLD_MS + 1, out, sizeof out),
	                 SCANNER_TYPED);
	ck_assert_str_eq(out, "HELLOWORLD");
}
END_TEST

START_TEST(test_late_enter_after_a_burst_is_not_a_scan)
{
	scanner_reset(&sc);
	uint32_t t = feed("ABCDEFGHIJ", 1000, 5, NULL);
	ck_assert_int_eq(scanner_enter(&sc, t + 500, out, sizeof out), SCANNER_TYPED);
}
END_TEST

START_TEST(test_typing_then_a_scan_are_told_apart)
{
	int typed = 0;
	scanner_reset(&sc);
	uint32_t t = feed("ab", 1000, 200, &typed);
	/* a scan starts after a pause: what the person typed comes out first */
	char c[2] = {'X', 0};
	ck_assert_int_eq(scanner_text(&sc, c, t + 300, out, sizeof out), SCANNER_TYPED);
	ck_assert_str_eq(out, "b");
	t = feed("YZ2345670", t + 305, 4, NULL);
	ck_assert_int_eq(scanner_enter(&sc, t + 4, out, sizeof out), SCANNER_SCAN);
	ck_assert_str_eq(out, "XYZ2345670");
}
END_TEST

START_TEST(test_garbage_and_overlong_bursts_do_not_crash)
{
	char big[1000];
	memset(big, 'Q', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	scanner_reset(&sc);
	int typed = 0;
	feed(big, 1000, 1, &typed);
	/* an overlong burst is released as typing, never overflowing */
	ck_assert_int_ge(typed, 1);
	ck_assert_uint_lt(sc.len, SCANNER_BUF);
	/* UTF-8 and control-looking bytes pass through as they came */
	scanner_reset(&sc);
	ck_assert_int_eq(scanner_text(&sc, "é", 5000, out, sizeof out), SCANNER_NONE);
	ck_assert_int_eq(scanner_flush(&sc, out, sizeof out), SCANNER_TYPED);
	ck_assert_str_eq(out, "é");
	ck_assert_int_eq(scanner_enter(&sc, 6000, out, sizeof out), SCANNER_NONE);
}
END_TEST

/* Found by fuzz_scanner: multi-byte text events (an input method, a paste) arriving inside the
 * gap overflowed the run, and the text that overflowed it was dropped when the held run and it
 * did not fit the kiosk's buffer together. */
START_TEST(test_text_that_overflows_a_run_reaches_the_field)
{
	char chunk[27], want[7 * 26 + 1];
	scanner_reset(&sc);
	want[0] = '\0';
	for (int i = 0; i < 7; i++) {
		memset(chunk, 'a' + i, 26);
		chunk[26] = '\0';
		strcat(want, chunk);
		uint32_t t = 1000 + 10 * (uint32_t)i;
		enum scanner_out r = scanner_text(&sc, chunk, t, out, sizeof out);
		/* six chunks are held; the seventh would overflow: the six come out as typing */
		ck_assert_int_eq(r, i < 6 ? SCANNER_NONE : SCANNER_TYPED);
	}
	ck_assert_uint_eq(strlen(out), 6 * 26);
	ck_assert_int_eq(strncmp(out, want, 6 * 26), 0);
	/* the seventh is held as the start of the next run, not lost */
	ck_assert_int_eq(scanner_flush(&sc, out, sizeof out), SCANNER_TYPED);
	ck_assert_str_eq(out, want + 6 * 26);
}
END_TEST

/* SDL's millisecond tick wraps after 49.7 days; held text must still have a wake-up time then
 * (0 means "nothing held" to the event loop). */
START_TEST(test_held_text_has_a_deadline_when_the_tick_wraps)
{
	uint32_t t = UINT32_MAX - SCANNER_HOLD_MS;
	scanner_reset(&sc);
	ck_assert_int_eq(scanner_text(&sc, "7", t, out, sizeof out), SCANNER_NONE);
	ck_assert_uint_ne(scanner_deadline(&sc), 0);
	ck_assert_int_eq(scanner_tick(&sc, t + SCANNER_HOLD_MS + 1, out, sizeof out), SCANNER_TYPED);
	ck_assert_str_eq(out, "7");
	ck_assert_uint_eq(scanner_deadline(&sc), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("kiosk scanner");
	TCase *tc = tcase_create("burst");
	tcase_add_test(tc, test_fast_burst_ended_by_enter_is_a_scan);
	tcase_add_test(tc, test_slow_typing_is_given_to_the_field_not_scanned);
	tcase_add_test(tc, test_fast_typist_is_not_taken_for_a_scanner);
	tcase_add_test(tc, test_one_late_key_in_a_burst_is_still_a_scan);
	tcase_add_test(tc, test_short_fast_burst_is_typing);
	tcase_add_test(tc, test_burst_without_enter_is_released_as_typing_after_the_gap);
	tcase_add_test(tc, test_late_enter_after_a_burst_is_not_a_scan);
	tcase_add_test(tc, test_typing_then_a_scan_are_told_apart);
	tcase_add_test(tc, test_garbage_and_overlong_bursts_do_not_crash);
	tcase_add_test(tc, test_text_that_overflows_a_run_reaches_the_field);
	tcase_add_test(tc, test_held_text_has_a_deadline_when_the_tick_wraps);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
