/* bench_scan.c - the scan budget: store_scan's latency against one bare durable commit, measured
 * side by side (A B A B ...). Reports; never asserts (a benchmark is not a test).
 *
 * usage: bench_scan [DIR | CONNINFO] [N]   (default ".", N default 200)
 * DIR: SQLite; the floor is one INSERT + COMMIT into a second WAL, synchronous=FULL file there.
 * CONNINFO (an empty database on a PostgreSQL server, e.g. made by tests/bench/bench_pg.sh): the
 * store runs there, and the floor is one bare INSERT + COMMIT on the store's own connection
 * through db.h (synchronous_commit as the server has it: on by default).
 * Budget (docs/product.md, issue 11): median scan <= 2.0 x median bare commit; p99 reported. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench_util.h"
#include "db.h"
#include "store_int.h" /* the store's own connection, for the PostgreSQL floor */


/* The baseline: a WAL, synchronous=FULL database and one prepared insert per transaction; or,
 * on a server, a table beside the store's and one prepared insert on the store's connection. */
struct bare {
	sqlite3 *db;
	sqlite3_stmt *begin, *insert, *commit;
	db *pg;
	db_stmt *pg_insert;
};

static int bare_open_pg(struct bare *b, store *st)
{
	b->pg = st->db;
	if (db_exec(b->pg, "CREATE TABLE bench_bare(x BIGINT)") != DB_OK ||
	    db_prepare(b->pg, "INSERT INTO bench_bare VALUES (?1)", &b->pg_insert) != DB_OK) {
		fprintf(stderr, "bench_scan: baseline table: %s\n", db_errmsg(b->pg));
		return -1;
	}
	return 0;
}

/* One bare BEGIN, INSERT, COMMIT on the server; its time in microseconds, or -1 on error. */
static double bare_commit_pg(struct bare *b, int i)
{
	double t0 = bench_now_us();
	db_bind_int(b->pg_insert, 1, i);
	int ok = db_exec(b->pg, "BEGIN") == DB_OK && db_step(b->pg_insert) == DB_DONE &&
	         db_exec(b->pg, "COMMIT") == DB_OK;
	db_reset(b->pg_insert);
	return ok ? bench_now_us() - t0 : -1;
}

static int bare_open(struct bare *b, const char *path)
{
	bench_remove_db(path);
	if (sqlite3_open(path, &b->db) != SQLITE_OK ||
	    sqlite3_exec(b->db,
	                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	                 " CREATE TABLE t(x INTEGER);",
	                 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(b->db, "BEGIN IMMEDIATE", -1, &b->begin, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(b->db, "INSERT INTO t VALUES(?1)", -1, &b->insert, NULL) !=
	        SQLITE_OK ||
	    sqlite3_prepare_v2(b->db, "COMMIT", -1, &b->commit, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_scan: baseline DB: %s\n", sqlite3_errmsg(b->db));
		return -1;
	}
	return 0;
}

/* One durable commit of one row; its time in microseconds, or -1 on error. */
static double bare_commit(struct bare *b, int i)
{
	if (b->pg)
		return bare_commit_pg(b, i);
	double t0 = bench_now_us();
	sqlite3_bind_int(b->insert, 1, i);
	int ok = sqlite3_step(b->begin) == SQLITE_DONE && sqlite3_step(b->insert) == SQLITE_DONE &&
	         sqlite3_step(b->commit) == SQLITE_DONE;
	sqlite3_reset(b->begin);
	sqlite3_reset(b->insert);
	sqlite3_reset(b->commit);
	return ok ? bench_now_us() - t0 : -1;
}

static void bare_close(struct bare *b)
{
	db_finalize(b->pg_insert);
	sqlite3_finalize(b->begin);
	sqlite3_finalize(b->insert);
	sqlite3_finalize(b->commit);
	sqlite3_close(b->db);
}

/* The shared world (bench_util.c) and a token per pass. */
static int scan_world(const char *path, store **out, int64_t *escort,
                      char tokens[BENCH_PEOPLE][AKSES_TOKEN_BUF])
{
	char number[AKSES_NUMBER_BUF];
	if (bench_world(path, "bench_scan", out, escort, number) != 0)
		return -1;
	int n = 0;
	akses_status rc = bench_tokens(*out, number, bench_receipt, tokens, BENCH_PEOPLE, &n);
	if (rc != AKSES_OK || n != BENCH_PEOPLE) {
		fprintf(stderr, "bench_scan: issuing the tokens failed: %s (%d)\n",
		        akses_status_message(rc), rc);
		store_close(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	int n = argc > 2 ? atoi(argv[2]) : 200;
	if (n < 10 || n > 1000000) {
		fprintf(stderr, "usage: bench_scan [DIR | CONNINFO] [N >= 10]\n");
		return 2;
	}
	bool server = store_is_server(dir);
	char bare_path[4096], scan_path[4096];
	snprintf(bare_path, sizeof bare_path, "%s/bench-bare.db", dir);
	snprintf(scan_path, sizeof scan_path, "%s/bench-scan.db", dir);
	if (server)
		snprintf(scan_path, sizeof scan_path, "%s", dir);

	struct bare b;
	memset(&b, 0, sizeof b);
	store *st = NULL;
	int64_t escort = 0;
	char tokens[BENCH_PEOPLE][AKSES_TOKEN_BUF];
	if (scan_world(scan_path, &st, &escort, tokens) != 0 ||
	    (server ? bare_open_pg(&b, st) : bare_open(&b, bare_path)) != 0) {
		bare_close(&b);
		store_close(st);
		if (!server)
			bench_remove_db(bare_path);
		bench_remove_db(scan_path);
		return 1;
	}

	double *tb = malloc((size_t)n * sizeof *tb), *ts = malloc((size_t)n * sizeof *ts);
	int denied = 0, errors = 0;
	/* side by side: one bare commit, then one scan, so both see the same disk and load.
	 * Cycling over the passes in AUTO mode alternates each one between entry and exit. */
	for (int i = 0; tb && ts && i < n; i++) {
		tb[i] = bare_commit(&b, i);
		struct akses_scan_result r;
		double t0 = bench_now_us();
		akses_status rc =
		    store_scan(st, tokens[i % BENCH_PEOPLE], escort, "Bench", SCAN_DIR_AUTO, &r);
		ts[i] = bench_now_us() - t0;
		if (tb[i] < 0 || rc != AKSES_OK)
			errors++;
		else if (r.decision == SCAN_DENIED)
			denied++;
	}
	if (tb && ts && errors == 0) {
		double bmed = bench_quantile(tb, n, 0.5), bp90 = bench_quantile(tb, n, 0.9);
		double bp99 = bench_quantile(tb, n, 0.99);
		double smed = bench_quantile(ts, n, 0.5), sp90 = bench_quantile(ts, n, 0.9);
		double sp99 = bench_quantile(ts, n, 0.99);
		printf("bench_scan: N=%d on %s (%s)\n", n, server ? "a PostgreSQL server" : dir,
		       server ? "floor: BEGIN + INSERT + COMMIT on the store's connection"
		              : "floor: a durable SQLite commit on the same disk");
		printf("  bare durable commit  median %8.1f us   p90 %8.1f us   p99 %8.1f us\n", bmed,
		       bp90, bp99);
		printf("  store_scan           median %8.1f us   p90 %8.1f us   p99 %8.1f us   (%d denied)\n",
		       smed, sp90, sp99, denied);
		printf("  ratio (median scan / median commit) %.2f   budget <= 2.00   %s\n",
		       smed / bmed, smed / bmed <= 2.0 ? "within" : "OVER");
		printf("  ratio (p99 scan / p99 commit) %.2f\n", sp99 / bp99);
	} else {
		fprintf(stderr, "bench_scan: %d operations failed\n", errors);
	}
	free(tb);
	free(ts);
	bare_close(&b); /* first: on a server its statement lives on the store's connection */
	store_close(st);
	if (!server)
		bench_remove_db(bare_path);
	bench_remove_db(scan_path);
	return errors ? 1 : 0;
}
