/* clock.c - strict local-time parsing and formatting. The TZ environment variable decides the
 * local zone. clock_now itself lives in clock_real.c (shipped programs) or clock_test.c (tests). */
#include "clock.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

/* Reads exactly n ASCII digits at s into *out. Returns false if any is not a digit. */
static bool clock_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* mktime told apart from its error: (time_t)-1 is also a real second (1970-01-01 06:59:59 in
 * Jakarta), so a failure is recognised by tm_wday left as it was (mktime sets it on success). */
static bool clock_mktime(struct tm *tm, time_t *out)
{
	tm->tm_wday = -1;
	*out = mktime(tm);
	return !(*out == (time_t)-1 && tm->tm_wday == -1);
}

/* Turns broken-down local fields into unix seconds, refusing anything mktime had to normalize
 * (30 February, 24:00, minute 60 ...): the fields read back must equal the ones given. */
static bool clock_make(int y, int mo, int d, int h, int mi, int sec, int64_t *out)
{
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    sec > 59)
		return false;
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	time_t t;
	if (!clock_mktime(&tm, &t))
		return false;
	if (tm.tm_year != y - 1900 || tm.tm_mon != mo - 1 || tm.tm_mday != d || tm.tm_hour != h ||
	    tm.tm_min != mi || tm.tm_sec != sec)
		return false;
	*out = (int64_t)t;
	return true;
}

/* Parses "YYYY-MM-DD" at s (exactly 10 characters). */
static bool clock_parse_date(const char *s, int *y, int *mo, int *d)
{
	return clock_digits(s, 4, y) && s[4] == '-' && clock_digits(s + 5, 2, mo) && s[7] == '-' &&
	       clock_digits(s + 8, 2, d);
}

akses_status clock_parse(const char *s, int64_t *out)
{
	int y, mo, d, h, mi, sec = 0;
	if (!s || !out)
		return AKSES_E_INVALID_ARG;
	size_t len = strlen(s);
	if (len != 16 && len != 19)
		return AKSES_E_DATETIME;
	if (!clock_parse_date(s, &y, &mo, &d) || s[10] != ' ' || !clock_digits(s + 11, 2, &h) ||
	    s[13] != ':' || !clock_digits(s + 14, 2, &mi))
		return AKSES_E_DATETIME;
	if (len == 19 && (s[16] != ':' || !clock_digits(s + 17, 2, &sec)))
		return AKSES_E_DATETIME;
	if (!clock_make(y, mo, d, h, mi, sec, out))
		return AKSES_E_DATETIME;
	return AKSES_OK;
}

akses_status clock_day_bounds(const char *day, int64_t *start, int64_t *end)
{
	int y, mo, d;
	int64_t s0, s1;
	if (!day || !start || !end)
		return AKSES_E_INVALID_ARG;
	if (strlen(day) != 10 || !clock_parse_date(day, &y, &mo, &d) ||
	    !clock_make(y, mo, d, 0, 0, 0, &s0))
		return AKSES_E_DATE;
	/* The next day's midnight via mktime's normalization (a local day need not be 86400 s). */
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d + 1;
	tm.tm_isdst = -1;
	time_t t;
	if (!clock_mktime(&tm, &t))
		return AKSES_E_DATE;
	s1 = (int64_t)t;
	*start = s0;
	*end = s1;
	return AKSES_OK;
}

/* Broken-down local time of t into *tm; false when buf cannot be used or t has no local time
 * (buf is then set to the empty string). The strftime formats stay literals at the callers. */
static bool clock_local(int64_t t, struct tm *tm, char *buf, size_t n)
{
	if (!buf || n == 0)
		return false;
	buf[0] = '\0';
	time_t tt = (time_t)t;
	return localtime_r(&tt, tm) != NULL;
}

char *clock_format(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	if (clock_local(t, &tm, buf, n) && strftime(buf, n, "%Y-%m-%d %H:%M", &tm) == 0)
		buf[0] = '\0';
	return buf;
}

char *clock_format_day(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	if (clock_local(t, &tm, buf, n) && strftime(buf, n, "%Y-%m-%d", &tm) == 0)
		buf[0] = '\0';
	return buf;
}

char *clock_format_hm(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	if (clock_local(t, &tm, buf, n) && strftime(buf, n, "%H:%M", &tm) == 0)
		buf[0] = '\0';
	return buf;
}

/* "1 j 05 m" / "1 h 05 m", "12 m", "45 d" / "45 s"; "-" for a negative (unknown) duration. */
char *clock_format_duration(int64_t seconds, char *buf, size_t n)
{
	if (!buf || n == 0)
		return buf;
	if (seconds < 0) {
		snprintf(buf, n, "-");
	} else if (seconds < 60) {
		/* TRANSLATORS: seconds; Indonesian "detik" -> "d". */
		snprintf(buf, n, C_("%lld s"), (long long)seconds);
	} else if (seconds < 3600) {
		/* TRANSLATORS: minutes ("menit" -> "m"). */
		snprintf(buf, n, C_("%lld m"), (long long)(seconds / 60));
	} else {
		/* TRANSLATORS: hours and minutes; Indonesian "jam" -> "j". */
		snprintf(buf, n, C_("%lld h %02lld m"), (long long)(seconds / 3600),
		         (long long)(seconds % 3600 / 60));
	}
	return buf;
}
