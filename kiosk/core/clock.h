/* clock.h - the one clock of the core, and local-time parsing and formatting.
 * clock_now comes in two variants chosen at link time: clock_real.c (the shipped aksesctl and
 * akses-kiosk: the system's time, nothing can move it) and clock_test.c (build/test-bin and the
 * test suites: AKSES_NOW="YYYY-MM-DD HH:MM[:SS]" pins it, read on every call so a test can move
 * it between commands; AKSES_NOW_FILE names a file holding it, for a program that keeps running).
 * Every program linking akses_core links exactly one of them. */
#ifndef AKSES_CLOCK_H
#define AKSES_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "status.h"

int64_t clock_now(void);

/* True only in a test build (clock_test.c); shipped programs use it to refuse test hooks. */
bool clock_test_build(void);

/* The AKSES_NOW text pinning the clock of a test build, or NULL (always NULL when shipped). */
const char *clock_test_pin(void);

/* "YYYY-MM-DD HH:MM" (or with ":SS") in local time -> unix seconds. AKSES_E_DATETIME if not a
 * real date and time (2026-02-30, 25:00 ...). */
akses_status clock_parse(const char *s, int64_t *out);

/* "YYYY-MM-DD" -> the local day's [start, end) in unix seconds. AKSES_E_DATE if malformed. */
akses_status clock_day_bounds(const char *day, int64_t *start, int64_t *end);

/* Local time formatting; buf must hold at least 20 bytes. Returns buf. */
char *clock_format(int64_t t, char *buf, size_t n);        /* "2026-11-29 14:05" */
char *clock_format_day(int64_t t, char *buf, size_t n);    /* "2026-11-29" */
char *clock_format_hm(int64_t t, char *buf, size_t n);     /* "14:05" */
/* "1 j 05 m" style duration for people ("1 h 05 m" in English, "12 m", "45 s"): translated. */
char *clock_format_duration(int64_t seconds, char *buf, size_t n);

#endif
