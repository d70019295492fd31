/* test_step_hist.c - the compliance summary's duration histogram: bucket widths, its text form
 * read back, taking one histogram from another, and ranks read as a bucket's mean. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "step_hist.h"

START_TEST(test_buckets_are_exact_below_256_s_and_at_most_0_8_percent_wide_above)
{
	/* counted, then asserted once: Check records every ck_assert, a million would time out */
	int64_t bad = 0;
	for (int64_t d = 0; d < 256; d++)
		bad += step_hist_low(step_hist_bucket(d)) != d;
	/* every duration up to ~12 days, and some up to decades: the bucket's lower bound is at or
	 * below it, the next bucket's above it, and the width at most 1/128 of the lower bound */
	int32_t prev = 255;
	for (int64_t d = 256; d < 1000000; d++) {
		int32_t b = step_hist_bucket(d);
		bad += b != prev && b != prev + 1; /* no gaps, ascending */
		prev = b;
		int64_t lo = step_hist_low(b), next = step_hist_low(b + 1);
		bad += !(lo <= d && d < next) || (next - lo) * 128 > lo;
	}
	for (int64_t d = 1000000; d < (INT64_C(1) << 40); d = d * 3 + 7) {
		int32_t b = step_hist_bucket(d);
		int64_t lo = step_hist_low(b), next = step_hist_low(b + 1);
		bad += !(lo <= d && d < next) || (next - lo) * 128 > lo;
	}
	ck_assert_int_eq(bad, 0);
	ck_assert_int_eq(step_hist_low(step_hist_bucket(1003)), 1000); /* 1000-1003 s: one bucket */
	ck_assert_int_eq(step_hist_low(step_hist_bucket(1003) + 1), 1004);
}
END_TEST

START_TEST(test_text_form_reads_back_and_takes_away)
{
	struct step_hist a = {0}, b = {0}, r = {0};
	static const int64_t all[] = {0, 3, 3, 4, 5, 200, 344, 345, 1000, 1003, 1003, 86400};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		ck_assert_int_eq(step_hist_add(&a, all[i]), AKSES_OK);
	char *text = step_hist_format(&a);
	ck_assert_str_eq(text, "1;3:2;1;1;200:1;300:2+1;506:3+6;1320:1+384");
	ck_assert_int_eq(step_hist_merge(&r, text, 1), AKSES_OK);
	ck_assert_int_eq(r.count, 12);
	for (int64_t k = 1; k <= 12; k++)
		ck_assert_double_eq_tol(step_hist_rank(&r, k), step_hist_rank(&a, k), 1e-9);
	ck_assert_double_eq_tol(step_hist_rank(&r, 2), 3, 1e-9);
	ck_assert_double_eq_tol(step_hist_rank(&r, 8), 344.5, 1e-9);      /* 344 and 345 */
	ck_assert_double_eq_tol(step_hist_rank(&r, 10), 1002, 1e-9);      /* 1000, 1003, 1003 */
	ck_assert_double_eq_tol(step_hist_rank(&r, 12), 86400, 1e-9);     /* one in its bucket */
	/* the first five taken away: what is left is the rest */
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(step_hist_add(&b, all[i]), AKSES_OK);
	char *first = step_hist_format(&b);
	ck_assert_int_eq(step_hist_merge(&r, first, -1), AKSES_OK);
	ck_assert_int_eq(r.count, 7);
	ck_assert_double_eq_tol(step_hist_rank(&r, 1), 200, 1e-9);
	char *rest = step_hist_format(&r);
	ck_assert_str_eq(rest, "200:1;300:2+1;506:3+6;1320:1+384");
	free(text);
	free(first);
	free(rest);
	/* not a histogram: refused */
	step_hist_clear(&r);
	ck_assert_int_eq(step_hist_merge(&r, "3:x", 1), AKSES_E_IO);
	ck_assert_int_eq(step_hist_merge(&r, "3;;4", 1), AKSES_E_IO);
	ck_assert_int_eq(step_hist_merge(&r, "99999999999:1", 1), AKSES_E_IO);
	step_hist_free(&a);
	step_hist_free(&b);
	step_hist_free(&r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("step_hist");
	TCase *tc = tcase_create("hist");
	tcase_add_test(tc, test_buckets_are_exact_below_256_s_and_at_most_0_8_percent_wide_above);
	tcase_add_test(tc, test_text_form_reads_back_and_takes_away);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
