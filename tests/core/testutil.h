/* testutil.h - small helpers the Check suites share: fresh DB paths and a pinned clock. */
#ifndef AKSES_TESTUTIL_H
#define AKSES_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A path for a new, not yet existing DB file under $AKSES_TEST_TMP (or /tmp), unique per call.
 * With $AKSES_TEST_DB (a PostgreSQL conninfo without dbname): a new, empty database on that
 * server instead, as a conninfo. */
const char *tu_db_path(char *buf, size_t n);

/* The pg label's runs ($AKSES_TEST_DB set): whether DBs are databases on a server; a DB's
 * database name (the store keeps its audit key in "<name>.key" in the working folder); a new
 * database copied from the DB from (CREATE DATABASE ... TEMPLATE: from must have no
 * connection open) into buf; and dropping one (no connection open either). */
bool tu_db_on_server(void);
const char *tu_db_name(const char *path);
void tu_db_clone(const char *from, char *buf, size_t n);
void tu_db_drop(const char *path);

/* Pin the core clock (AKSES_NOW) to "YYYY-MM-DD HH:MM[:SS]" local time; NULL unpins. */
void tu_set_now(const char *when);

/* Unix seconds of a local "YYYY-MM-DD HH:MM"; aborts the test on a malformed literal. */
int64_t tu_time(const char *when);

#endif
