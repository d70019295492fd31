/* clock_test.c - the clock of test builds only (build/test-bin, the Check suites, rel_loop,
 * benchmarks): AKSES_NOW="YYYY-MM-DD HH:MM[:SS]" pins it. Never linked into a shipped program. */
#include <stdlib.h>
#include <time.h>

#include "clock.h"

const char *clock_test_pin(void)
{
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
