/* bench_scan.c - the scan budget: store_scan's latency against one bare durable SQLite commit on
 * the same disk, measured side by side. Reports; never asserts (a benchmark is not a test).
 *
 * usage: bench_scan [DIR] [N]   (DIR default ".", N default 200)
 * Budget (PRODUCT.md): median scan <= 2.0 x median bare commit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"

#define BENCH_PIN "1234"
#define BENCH_PEOPLE 11 /* applicant + 10 companions: the most one request may carry */

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The q-quantile (nearest rank) of v[0..n), sorting v. */
static double quantile(double *v, int n, double q)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	int rank = (int)(q * n + 0.999999);
	if (rank < 1)
		rank = 1;
	return v[rank - 1];
}

static void remove_db(const char *path)
{
	char side[4200];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* The baseline: a WAL, synchronous=FULL database and one prepared insert per transaction. */
struct bare {
	sqlite3 *db;
	sqlite3_stmt *begin, *insert, *commit;
};

static int bare_open(struct bare *b, const char *path)
{
	remove_db(path);
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
	double t0 = now_us();
	sqlite3_bind_int(b->insert, 1, i);
	int ok = sqlite3_step(b->begin) == SQLITE_DONE && sqlite3_step(b->insert) == SQLITE_DONE &&
	         sqlite3_step(b->commit) == SQLITE_DONE;
	sqlite3_reset(b->begin);
	sqlite3_reset(b->insert);
	sqlite3_reset(b->commit);
	return ok ? now_us() - t0 : -1;
}

static void bare_close(struct bare *b)
{
	sqlite3_finalize(b->begin);
	sqlite3_finalize(b->insert);
	sqlite3_finalize(b->commit);
	sqlite3_close(b->db);
}

/* A store with staff, one request of BENCH_PEOPLE people recorded for 09:00-20:00, and a token
 * per pass. The clock is pinned (AKSES_NOW) so the run is the same any day. */
static int scan_world(const char *path, store **out, int64_t *escort,
                      char tokens[BENCH_PEOPLE][AKSES_TOKEN_BUF])
{
	static const char *const names[] = {
	    "Ni Luh Putu Ayu", "José Ramos", "Ḥasan al-Banna", "Made Wirawan", "Siti Nurhaliza",
	    "Budi Santoso",    "Agus Salim", "Rudi Hartono",   "Lestari Dewi", "Teguh Prakoso",
	};
	static const char *const niks[] = {
	    "1371015203950002", "1371011203850003", "3171010101800004", "5171022308880005",
	    "1371015506920006", "3273010304790007", "3578011109830008", "1271010512870009",
	    "6371016701930010", "7371012002810011",
	};
	remove_db(path);
	setenv("AKSES_NOW", "2030-01-15 08:00", 1);
	struct store_options opt = {.pass_grace_min = 15, .scan_repeat_s = 0, .busy_timeout_ms = 0};
	store *st = NULL;
	int64_t admin, kadis, kabid, koord, teknis, helpdesk;
	akses_status rc = store_open(path, &opt, &st);
	if (rc == AKSES_OK)
		rc = store_init_admin(st, "Admin", BENCH_PIN, &admin);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Kadis", ROLE_KADIS, BENCH_PIN, &kadis);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Kabid", ROLE_KABID, BENCH_PIN, &kabid);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Koordinator", ROLE_KOORDINATOR, BENCH_PIN, &koord);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Teknisi", ROLE_TIM_TEKNIS, BENCH_PIN, &teknis);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Helpdesk", ROLE_HELPDESK, BENCH_PIN, &helpdesk);
	struct akses_request_input in;
	memset(&in, 0, sizeof in);
	in.name = "Nurul 'Aini";
	in.nik = "1371014507900001";
	in.institution = "PT Awan Nusantara";
	in.phone = "0812-3456-7890";
	in.purpose_category = PURPOSE_MAINTENANCE;
	in.purpose = "Benchmark";
	in.consent = true;
	in.n_companions = BENCH_PEOPLE - 1;
	for (int i = 0; i < BENCH_PEOPLE - 1; i++) {
		in.companion_name[i] = names[i];
		in.companion_nik[i] = niks[i];
	}
	struct akses_submit_result res;
	akses_field f;
	int idx;
	if (rc == AKSES_OK) {
		/* 2030-01-15 09:00 to 20:00 local: one hour and twelve after the pinned 08:00 */
		struct tm tm = {
		    .tm_year = 130, .tm_mon = 0, .tm_mday = 15, .tm_hour = 9, .tm_isdst = -1};
		in.start_at = (int64_t)mktime(&tm);
		in.end_at = in.start_at + 11 * 3600;
		rc = store_submit(st, &in, &res, &f, &idx);
	}
	const struct {
		wf_action a;
		int64_t *who;
	} steps[] = {{WF_DISPOSE_KADIS, &kadis},
	             {WF_DISPOSE_KABID, &kabid},
	             {WF_VERIFY, &koord},
	             {WF_APPROVE, &kabid}};
	for (size_t i = 0; rc == AKSES_OK && i < sizeof steps / sizeof steps[0]; i++)
		rc = store_act(st, res.number, steps[i].a, *steps[i].who, NULL);
	if (rc == AKSES_OK)
		rc = store_assign(st, res.number, koord, teknis);
	if (rc == AKSES_OK)
		rc = store_act(st, res.number, WF_RECORD, helpdesk, NULL);
	struct akses_pass *p = NULL;
	int n = 0;
	if (rc == AKSES_OK)
		rc = store_pass_list(st, res.number, &p, &n);
	for (int i = 0; rc == AKSES_OK && i < n && i < BENCH_PEOPLE; i++)
		rc = store_pass_token(st, p[i].id, 0, NULL, tokens[i]);
	free(p);
	if (rc != AKSES_OK || n != BENCH_PEOPLE) {
		fprintf(stderr, "bench_scan: setting up the store failed: %s (%d) %s\n",
		        akses_status_message(rc), rc, st ? store_errmsg(st) : "");
		store_close(st);
		return -1;
	}
	setenv("AKSES_NOW", "2030-01-15 10:00", 1);
	*out = st;
	*escort = teknis;
	return 0;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	int n = argc > 2 ? atoi(argv[2]) : 200;
	if (n < 10 || n > 1000000) {
		fprintf(stderr, "usage: bench_scan [DIR] [N >= 10]\n");
		return 2;
	}
	char bare_path[4096], scan_path[4096];
	snprintf(bare_path, sizeof bare_path, "%s/bench-bare.db", dir);
	snprintf(scan_path, sizeof scan_path, "%s/bench-scan.db", dir);

	struct bare b;
	memset(&b, 0, sizeof b);
	store *st = NULL;
	int64_t escort = 0;
	char tokens[BENCH_PEOPLE][AKSES_TOKEN_BUF];
	if (bare_open(&b, bare_path) != 0 || scan_world(scan_path, &st, &escort, tokens) != 0) {
		bare_close(&b);
		remove_db(bare_path);
		remove_db(scan_path);
		return 1;
	}

	double *tb = malloc((size_t)n * sizeof *tb), *ts = malloc((size_t)n * sizeof *ts);
	int denied = 0, errors = 0;
	/* side by side: one bare commit, then one scan, so both see the same disk and load.
	 * Cycling over the passes in AUTO mode alternates each one between entry and exit. */
	for (int i = 0; tb && ts && i < n; i++) {
		tb[i] = bare_commit(&b, i);
		struct akses_scan_result r;
		double t0 = now_us();
		akses_status rc =
		    store_scan(st, tokens[i % BENCH_PEOPLE], escort, "Bench", SCAN_DIR_AUTO, &r);
		ts[i] = now_us() - t0;
		if (tb[i] < 0 || rc != AKSES_OK)
			errors++;
		else if (r.decision == SCAN_DENIED)
			denied++;
	}
	if (tb && ts && errors == 0) {
		double bmed = quantile(tb, n, 0.5), bp90 = quantile(tb, n, 0.9);
		double smed = quantile(ts, n, 0.5), sp90 = quantile(ts, n, 0.9);
		printf("bench_scan: N=%d on %s\n", n, dir);
		printf("  bare durable commit  median %8.1f us   p90 %8.1f us\n", bmed, bp90);
		printf("  store_scan           median %8.1f us   p90 %8.1f us   (%d denied)\n",
		       smed, sp90, denied);
		printf("  ratio (median scan / median commit) %.2f   budget <= 2.00   %s\n",
		       smed / bmed, smed / bmed <= 2.0 ? "within" : "OVER");
	} else {
		fprintf(stderr, "bench_scan: %d operations failed\n", errors);
	}
	free(tb);
	free(ts);
	store_close(st);
	bare_close(&b);
	remove_db(bare_path);
	remove_db(scan_path);
	return errors ? 1 : 0;
}
