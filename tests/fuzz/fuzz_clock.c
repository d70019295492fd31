/* fuzz_clock.c - clock_parse and clock_day_bounds on arbitrary strings, in the kiosk's zone
 * (Asia/Jakarta, UTC+7, no daylight saving): what they accept must format back to the same text,
 * and every real date and time of 1970..9999 written the strict way must be accepted. */
#include <stdbool.h>

#include "clock.h"
#include "fuzz.h"

/* Exactly n ASCII digits at s, as a number; -1 otherwise. */
static int ref_num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + s[i] - '0';
	}
	return v;
}

static bool ref_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Is "YYYY-MM-DD" at s a real day of 1970..9999 (by the calendar alone)? */
static bool ref_real_day(const char *s)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = ref_num(s, 4), m = ref_num(s + 5, 2), d = ref_num(s + 8, 2);
	if (y < 1970 || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && ref_leap(y));
}

static void check_parse(const char *s)
{
	int64_t t = 0;
	akses_status st = clock_parse(s, &t);
	size_t len = strlen(s);
	bool shape =
	    (len == 16 || len == 19) && ref_real_day(s) && s[10] == ' ' && s[13] == ':' &&
	    ref_num(s + 11, 2) >= 0 && ref_num(s + 11, 2) <= 23 && ref_num(s + 14, 2) >= 0 &&
	    ref_num(s + 14, 2) <= 59 &&
	    (len == 16 || (s[16] == ':' && ref_num(s + 17, 2) >= 0 && ref_num(s + 17, 2) <= 59));
	/* In a zone without daylight saving every such local time exists exactly once. */
	FUZZ_CHECK((st == AKSES_OK) == shape);
	if (st != AKSES_OK)
		return;
	char back[32];
	clock_format(t, back, sizeof back);
	FUZZ_CHECK(strncmp(back, s, 16) == 0 && strlen(back) == 16);
	int sec = len == 19 ? ref_num(s + 17, 2) : 0;
	FUZZ_CHECK(((t % 60) + 60) % 60 == sec); /* the zone's offset is whole hours */
}

static void check_day(const char *s)
{
	int64_t start = 0, end = 0;
	akses_status st = clock_day_bounds(s, &start, &end);
	bool shape = strlen(s) == 10 && ref_real_day(s);
	FUZZ_CHECK((st == AKSES_OK) == shape);
	if (st != AKSES_OK)
		return;
	FUZZ_CHECK(end - start == 86400); /* no daylight saving in WIB */
	char back[32];
	clock_format_day(start, back, sizeof back);
	FUZZ_CHECK(strcmp(back, s) == 0);
	clock_format(start, back, sizeof back);
	FUZZ_CHECK(strcmp(back + 10, " 00:00") == 0);
	/* the same midnight through the other parser */
	char full[20];
	snprintf(full, sizeof full, "%s 00:00", s);
	int64_t t = 0;
	FUZZ_CHECK(clock_parse(full, &t) == AKSES_OK && t == start);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_jakarta();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	check_parse(s);
	check_day(s);
	free(s);
	return 0;
}
