/* testutil.c - fresh DB paths and a pinned clock for the Check suites. */
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"

const char *tu_db_path(char *buf, size_t n)
{
	static unsigned counter;
	const char *dir = getenv("AKSES_TEST_TMP");
	if (!dir || !*dir)
		dir = "/tmp";
	mkdir(dir, 0700);
	snprintf(buf, n, "%s/akses-test-%ld-%u.db", dir, (long)getpid(), counter++);
	unlink(buf);
	char key[600]; /* and a stale audit key of an earlier run's DB of the same name */
	snprintf(key, sizeof key, "%s.key", buf);
	unlink(key);
	return buf;
}

void tu_set_now(const char *when)
{
	if (when)
		setenv("AKSES_NOW", when, 1);
	else
		unsetenv("AKSES_NOW");
}

int64_t tu_time(const char *when)
{
	int64_t t = 0;
	ck_assert_msg(clock_parse(when, &t) == 0, "bad time literal %s", when);
	return t;
}
