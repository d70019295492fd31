/* testutil.h - small helpers the Check suites share: fresh DB paths and a pinned clock. */
#ifndef AKSES_TESTUTIL_H
#define AKSES_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>

/* A path for a new, not yet existing DB file under $AKSES_TEST_TMP (or /tmp), unique per call. */
const char *tu_db_path(char *buf, size_t n);

/* Pin the core clock (AKSES_NOW) to "YYYY-MM-DD HH:MM[:SS]" local time; NULL unpins. */
void tu_set_now(const char *when);

/* Unix seconds of a local "YYYY-MM-DD HH:MM"; aborts the test on a malformed literal. */
int64_t tu_time(const char *when);

#endif
