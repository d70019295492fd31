/* testutil.c - fresh DB paths and a pinned clock for the Check suites. */
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "db_pg.h"

/* Run sql on the server's maintenance database (CREATE / DROP DATABASE run nowhere else). */
static void tu_server_exec(const char *server, const char *sql)
{
	char ci[512], err[256];
	snprintf(ci, sizeof ci, "%s dbname=postgres", server);
	db *c = NULL;
	/* plain stderr and abort, not ck_assert: world_init runs this in main, outside any test */
	if (db_pg_open(ci, NULL, &c, err, sizeof err) != DB_OK) {
		fprintf(stderr, "testutil: %s: %s\n", ci, err);
		abort();
	}
	if (db_exec(c, sql) != DB_OK) {
		fprintf(stderr, "testutil: %s: %s\n", sql, db_errmsg(c));
		abort();
	}
	db_close(c);
}

bool tu_db_on_server(void)
{
	const char *server = getenv("AKSES_TEST_DB");
	return server && *server;
}

const char *tu_db_name(const char *path)
{
	const char *p = strstr(path, "dbname=");
	return p ? p + 7 : path;
}

void tu_db_clone(const char *from, char *buf, size_t n)
{
	static unsigned counter;
	char sql[256];
	const char *server = getenv("AKSES_TEST_DB");
	snprintf(buf, n, "%s dbname=akses_c_%ld_%u", server, (long)getpid(), counter++);
	snprintf(sql, sizeof sql, "CREATE DATABASE %s TEMPLATE %s", tu_db_name(buf), tu_db_name(from));
	tu_server_exec(server, sql);
}

void tu_db_drop(const char *path)
{
	char sql[256];
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", tu_db_name(path));
	tu_server_exec(getenv("AKSES_TEST_DB"), sql);
}

/* AKSES_TEST_DB (the pg label's runs): a new database on that server, named after this process
 * and the call, as a conninfo; the server drops them all when the fixture removes it. */
static const char *tu_db_server(const char *server, char *buf, size_t n, unsigned seq)
{
	char sql[128];
	snprintf(sql, sizeof sql, "CREATE DATABASE akses_t_%ld_%u", (long)getpid(), seq);
	tu_server_exec(server, sql);
	snprintf(buf, n, "%s dbname=akses_t_%ld_%u", server, (long)getpid(), seq);
	return buf;
}

const char *tu_db_path(char *buf, size_t n)
{
	static unsigned counter;
	const char *server = getenv("AKSES_TEST_DB");
	if (server && *server)
		return tu_db_server(server, buf, n, counter++);
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
