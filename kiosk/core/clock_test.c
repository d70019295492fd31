/* clock_test.c - the clock of test builds only (build/test-bin, the Check suites, rel_loop,
 * benchmarks): AKSES_NOW="YYYY-MM-DD HH:MM[:SS]" pins it. Never linked into a shipped program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"

/* AKSES_NOW_FILE names a file holding the pinned time, read on every call: a test moves the clock
 * of a program that keeps running (the kiosk at the door an hour later) by rewriting it. It wins
 * over AKSES_NOW while it holds a valid time. */
static const char *clock_test_file_pin(void)
{
	static _Thread_local char buf[40];
	const char *path = getenv("AKSES_NOW_FILE");
	if (!path || !*path)
		return NULL;
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';
	int64_t t;
	return clock_parse(buf, &t) == AKSES_OK ? buf : NULL;
}

const char *clock_test_pin(void)
{
	const char *file = clock_test_file_pin();
	if (file)
		return file;
	const char *pin = getenv("AKSES_NOW");
	int64_t t;
	return pin && *pin && clock_parse(pin, &t) == AKSES_OK ? pin : NULL;
}

/* AKSES_NOW is read on every call so a test (or a script driving aksesctl) can move the clock
 * between commands. An unparseable value falls back to the real time. */
int64_t clock_now(void)
{
	const char *pin = clock_test_pin();
	int64_t t;
	if (pin && clock_parse(pin, &t) == AKSES_OK)
		return t;
	return (int64_t)time(NULL);
}

bool clock_test_build(void)
{
	return true;
}
