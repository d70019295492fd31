/* clock_real.c - the clock of the shipped programs: the system's time. No environment variable,
 * option or file moves it (AKSES_NOW in a shipped program would let anyone skip the PIN
 * lockout). */
#include <time.h>

#include "clock.h"

int64_t clock_now(void)
{
	return (int64_t)time(NULL);
}

bool clock_test_build(void)
{
	return false;
}

const char *clock_test_pin(void)
{
	return NULL;
}
