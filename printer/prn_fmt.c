/* prn_fmt.c - the words a document writes besides its text: dates and durations in the
 * document's language, and CSV cells quoted for a spreadsheet. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "prn_int.h"

/* ---- dates in the document's language ---------------------------------------------------- */

/* The names as msgids (pgettext-free: "May" is both a short and a long month name, the same word
 * in both lists and in Indonesian "Mei"). */
static const char *const day_short[] = {RN_("Sun"), RN_("Mon"), RN_("Tue"), RN_("Wed"),
                                        RN_("Thu"), RN_("Fri"), RN_("Sat")};
static const char *const mon_short[] = {RN_("Jan"), RN_("Feb"), RN_("Mar"), RN_("Apr"),
                                        RN_("May"), RN_("Jun"), RN_("Jul"), RN_("Aug"),
                                        RN_("Sep"), RN_("Oct"), RN_("Nov"), RN_("Dec")};
static const char *const mon_long[] = {RN_("January"), RN_("February"), RN_("March"),
                                       RN_("April"),   RN_("May"),      RN_("June"),
                                       RN_("July"),    RN_("August"),   RN_("September"),
                                       RN_("October"), RN_("November"), RN_("December")};

/* Local broken-down time; false when t cannot be converted. */
static bool local_tm(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;
	return localtime_r(&tt, tm) != NULL;
}

char *prn_fmt_day_short(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	if (!local_tm(t, &tm)) {
		snprintf(buf, n, "-");
		return buf;
	}
	snprintf(buf, n, "%s, %02d %s %d", R_(day_short[tm.tm_wday]), tm.tm_mday,
	         R_(mon_short[tm.tm_mon]), tm.tm_year + 1900);
	return buf;
}

char *prn_fmt_day_long(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	if (!local_tm(t, &tm)) {
		snprintf(buf, n, "-");
		return buf;
	}
	snprintf(buf, n, "%d %s %d", tm.tm_mday, R_(mon_long[tm.tm_mon]), tm.tm_year + 1900);
	return buf;
}

char *prn_fmt_hm(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	if (t <= 0 || !local_tm(t, &tm)) {
		snprintf(buf, n, "-");
		return buf;
	}
	snprintf(buf, n, "%02d:%02d", tm.tm_hour, tm.tm_min);
	return buf;
}

char *prn_fmt_duration(int64_t s, char *buf, size_t n)
{
	if (s < 0) {
		snprintf(buf, n, "-");
		return buf;
	}
	if (s < 60)
		snprintf(buf, n, R_("%lld s"), (long long)s);
	else if (s < 3600)
		snprintf(buf, n, R_("%lld min"), (long long)(s / 60));
	else
		snprintf(buf, n, R_("%lld h %02lld min"), (long long)(s / 3600),
		         (long long)(s % 3600 / 60));
	return buf;
}

/* ---- CSV ---------------------------------------------------------------------------------- */

/* The cell, quoted when needed, after prefix (one character or none). A ';' is quoted too: the
 * spreadsheets of an Indonesian locale split on it. */
static void csv_cell(FILE *f, const char *prefix, const char *s, bool last)
{
	s = prn_s(s);
	if (strpbrk(s, ",;\"\r\n")) {
		fputc('"', f);
		fputs(prefix, f);
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else {
		fputs(prefix, f);
		fputs(s, f);
	}
	fputs(last ? "\r\n" : ",", f);
}

void prn_csv_field(FILE *f, const char *s, bool last)
{
	csv_cell(f, "", s, last);
}

void prn_csv_text(FILE *f, const char *s, bool last)
{
	s = prn_s(s);
	csv_cell(f, s[0] && strchr("=+-@\t\r", s[0]) ? "'" : "", s, last);
}
