/* bench_year.c - every station and report operation on a year-sized database against the same
 * operation on a one-day database, timed side by side (day, year, year, day, ...). Reports; never
 * asserts.
 *
 * usage: bench_year YEAR_TARGET DAY_TARGET [REQUESTS] [RUNS]
 *   targets: SQLite file paths, or conninfos of two empty databases on one PostgreSQL server
 *   (tests/bench/bench_pg.sh SERVER 2 build/bin/bench_year ...). REQUESTS in the year (default
 *   20,000, about 200,000 scans), RUNS of each operation on each database (default 15).
 * BENCH_YEAR_KEEP=1 in the environment keeps the SQLite files (to EXPLAIN a query on them after).
 * Both databases hold the same "today" (2030-01-15, made through the store API): requests waiting
 * for the Kadis, visitors inside and gone; the year one also the 365 days before it
 * (bench_history.c). Budget (issue 11): the year's median within 1.5x the day's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_history.h"
#include "bench_util.h"
#include "store_int.h" /* ANALYZE on the server, as its autovacuum would after the bulk load */

#define TODAY "2030-01-15"
#define TODAY_SUBMITTED 40 /* requests waiting for the Kadis (a full page of the list, with the rest) */
#define TODAY_VISITS 10    /* recorded requests of 2, in at 09:30; half of them out again */

struct world {
	store *st;
	char number[AKSES_NUMBER_BUF];       /* the request the lookups ask about */
	char tokens[BENCH_PEOPLE][AKSES_TOKEN_BUF]; /* its passes: the door scans them in and out */
	struct bench_history_counts n;
};

static int64_t local_time(int year, int mon, int mday, int hour, int min)
{
	struct tm tm = {.tm_year = year - 1900, .tm_mon = mon - 1, .tm_mday = mday, .tm_hour = hour,
	                .tm_min = min, .tm_isdst = -1};
	return (int64_t)mktime(&tm);
}

/* Today through the store API, the clock pinned at 08:00 and then 09:30. */
static akses_status today(struct world *w)
{
	char number[AKSES_NUMBER_BUF], receipt[AKSES_TOKEN_BUF];
	char tok[TODAY_VISITS][2][AKSES_TOKEN_BUF];
	int64_t start = local_time(2030, 1, 15, 9, 0);
	setenv("AKSES_NOW", TODAY " 08:00", 1);
	akses_status rc = bench_request(w->st, start, BENCH_PEOPLE, "0812-3456-7890", w->number,
	                                receipt);
	int n = 0;
	if (rc == AKSES_OK)
		rc = bench_tokens(w->st, w->number, receipt, w->tokens, BENCH_PEOPLE, &n);
	for (int i = 0; rc == AKSES_OK && i < TODAY_SUBMITTED; i++)
		rc = bench_request_to(w->st, start + 3600, 1, "0813-1111-2222", false, number, NULL);
	for (int i = 0; rc == AKSES_OK && i < TODAY_VISITS; i++) {
		rc = bench_request(w->st, start, 2, "0813-3333-4444", number, receipt);
		if (rc == AKSES_OK)
			rc = bench_tokens(w->st, number, receipt, tok[i], 2, &n);
	}
	setenv("AKSES_NOW", TODAY " 09:30", 1);
	for (int i = 0; rc == AKSES_OK && i < TODAY_VISITS; i++)
		for (int p = 0; rc == AKSES_OK && p < 2; p++) {
			struct akses_scan_result r;
			rc = store_scan(w->st, tok[i][p], bench_staff.teknis, "Pintu Server", SCAN_DIR_IN,
			                &r);
			if (rc == AKSES_OK && i % 2)
				rc = store_scan(w->st, tok[i][p], bench_staff.teknis, "Pintu Server",
				                SCAN_DIR_OUT, &r);
		}
	setenv("AKSES_NOW", TODAY " 10:00", 1);
	return rc;
}

/* A database: staff the day before the year begins, the year (history > 0), then today. */
static int build(const char *target, int history, struct world *w)
{
	bench_remove_db(target);
	memset(w, 0, sizeof *w);
	setenv("AKSES_NOW", "2029-01-14 08:00", 1);
	akses_status rc = bench_open(target, 5000, &w->st);
	if (rc == AKSES_OK)
		rc = bench_staff_make(w->st);
	if (rc == AKSES_OK && history > 0 &&
	    bench_history(w->st, &bench_staff, history, 365, local_time(2029, 1, 15, 12, 0), &w->n) !=
	        0)
		rc = AKSES_E_IO;
	if (rc == AKSES_OK)
		rc = today(w);
	if (rc == AKSES_OK && db_engine_of(w->st->db) == DB_ENGINE_PG && db_exec(w->st->db, "VACUUM ANALYZE"))
		rc = AKSES_E_IO;
	if (rc != AKSES_OK) {
		fprintf(stderr, "bench_year: building %s failed: %s (%d) %s%s\n",
		        history ? "the year" : "the day", akses_status_message(rc), rc,
		        w->st ? store_errmsg(w->st) : "", w->st ? "" : store_open_errmsg());
		store_close(w->st);
		w->st = NULL;
		return -1;
	}
	return 0;
}

enum {
	OP_SCAN,
	OP_LOOKUP,
	OP_INBOX,
	OP_PAGE,
	OP_DAYLOG,
	OP_COMPLIANCE_DAY,
	OP_COMPLIANCE,
	OP_INSIDE,
	OP_STEP,
	OP_COUNT
};
static const char *const op_names[OP_COUNT] = {
    "scan (door, in/out)",     "status lookup (number + phone)", "inbox (Kadis)",
    "request list, page 1 of 50", "day log of today",           "compliance for today",
    "compliance for the year", "who is inside",   "a step taken (Kadis disposes)"};

/* One operation on one database; its time in microseconds, *rows what it returned (-1: error). */
static double op_run(struct world *w, int op, int run, int *rows)
{
	akses_status rc = AKSES_OK;
	int n = 0;
	/* a step needs a request waiting for it: submitted first, outside the time */
	char number[AKSES_NUMBER_BUF];
	if (op == OP_STEP &&
	    (rc = bench_request_to(w->st, local_time(2030, 1, 15, 11, 0), 1, "0813-5555-6666", false,
	                           number, NULL)) != AKSES_OK) {
		fprintf(stderr, "bench_year: a request to dispose: %s\n", akses_status_message(rc));
		*rows = -1;
		return 0;
	}
	double t0 = bench_now_us();
	switch (op) {
	case OP_SCAN: {
		struct akses_scan_result r;
		rc = store_scan(w->st, w->tokens[run % BENCH_PEOPLE], bench_staff.teknis, "Bench",
		                SCAN_DIR_AUTO, &r);
		n = r.decision == SCAN_DENIED ? 0 : 1;
		break;
	}
	case OP_LOOKUP: {
		struct akses_request req;
		rc = store_lookup(w->st, w->number, "7890", "Bench", &req);
		n = 1;
		break;
	}
	case OP_INBOX: {
		struct akses_request_summary *v = NULL;
		rc = store_inbox(w->st, bench_staff.kadis, &v, &n);
		free(v);
		break;
	}
	case OP_PAGE: {
		struct akses_request_summary *v = NULL;
		int64_t total = 0;
		rc = store_request_page(w->st, RS_NONE, 1, STORE_PAGE_DEFAULT, &v, &n, &total);
		free(v);
		break;
	}
	case OP_DAYLOG: {
		struct akses_day_log log;
		rc = store_day_log(w->st, TODAY, &log);
		n = log.n_visits;
		if (rc == AKSES_OK)
			store_day_log_free(&log);
		break;
	}
	case OP_COMPLIANCE_DAY:
	case OP_COMPLIANCE: {
		struct akses_compliance_row *v = NULL;
		rc = store_compliance(w->st, op == OP_COMPLIANCE ? "2029-01-15" : TODAY, TODAY, &v, &n);
		free(v);
		break;
	}
	case OP_STEP:
		/* the step row and, on this branch, the compliance summary's row of today */
		rc = store_act(w->st, number, WF_DISPOSE_KADIS, bench_staff.kadis, NULL);
		n = 1;
		break;
	case OP_INSIDE: {
		struct akses_visit *v = NULL;
		rc = store_inside(w->st, &v, &n);
		free(v);
		break;
	}
	}
	double t = bench_now_us() - t0;
	*rows = rc == AKSES_OK ? n : -1;
	if (rc != AKSES_OK)
		fprintf(stderr, "bench_year: %s: %s (%d) %s\n", op_names[op], akses_status_message(rc),
		        rc, store_errmsg(w->st));
	return t;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_year YEAR_TARGET DAY_TARGET [REQUESTS] [RUNS]\n");
		return 2;
	}
	int requests = argc > 3 ? atoi(argv[3]) : 20000, runs = argc > 4 ? atoi(argv[4]) : 15;
	if (requests < 365 || requests > 1000000 || runs < 2 || runs > 1000) {
		fprintf(stderr, "bench_year: REQUESTS 365..1000000, RUNS 2..1000\n");
		return 2;
	}
	struct world year, day;
	double t0 = bench_now_us();
	if (build(argv[1], requests, &year) != 0)
		return 1;
	double built = (bench_now_us() - t0) / 1e6;
	if (build(argv[2], 0, &day) != 0) {
		store_close(year.st);
		return 1;
	}
	bool server = db_engine_of(year.st->db) == DB_ENGINE_PG;
	printf("bench_year: %s; the year: %lld requests, %lld steps, %lld passes, %lld scans, %lld"
	       " audit rows, built in %.1f s; %d runs each, interleaved\n",
	       server ? "PostgreSQL" : "SQLite", (long long)year.n.requests, (long long)year.n.steps,
	       (long long)year.n.passes, (long long)year.n.scans, (long long)year.n.audit, built,
	       runs);

	double *td = malloc((size_t)runs * sizeof *td), *ty = malloc((size_t)runs * sizeof *ty);
	int errors = !td || !ty, over = 0;
	for (int op = 0; !errors && op < OP_COUNT; op++) {
		int nd = 0, ny = 0;
		/* warm both: a station that has been up a while has its plans and pages cached */
		op_run(&day, op, 0, &nd);
		op_run(&year, op, 0, &ny);
		for (int r = 0; r < runs && !errors; r++) {
			/* alternate who goes first, so that neither always runs right after the other */
			if (r % 2) {
				ty[r] = op_run(&year, op, r + 1, &ny);
				td[r] = op_run(&day, op, r + 1, &nd);
			} else {
				td[r] = op_run(&day, op, r + 1, &nd);
				ty[r] = op_run(&year, op, r + 1, &ny);
			}
			errors += nd < 0 || ny < 0;
		}
		if (errors)
			break;
		double dm = bench_quantile(td, runs, 0.5), ym = bench_quantile(ty, runs, 0.5);
		double dp = bench_quantile(td, runs, 0.9), yp = bench_quantile(ty, runs, 0.9);
		double ratio = ym / dm;
		over += ratio > 1.5;
		printf("  %-32s day %9.1f us (p90 %9.1f, %4d rows)  year %9.1f us (p90 %9.1f, %4d rows)"
		       "  = %5.2fx  %s\n",
		       op_names[op], dm, dp, nd, ym, yp, ny, ratio, ratio <= 1.5 ? "within" : "OVER");
	}
	/* the year's chain must still verify, with today's rows appended on top of the bulk ones */
	struct store_audit_result ar;
	akses_status arc = errors ? AKSES_OK : store_audit_check(year.st, NULL, &ar);
	if (!errors)
		printf("  audit verify on the year: %s (%lld rows)\n",
		       arc == AKSES_OK ? "intact" : akses_status_message(arc), (long long)ar.rows);
	if (!errors)
		printf("bench_year: %d of %d operations over the 1.5x budget\n", over, OP_COUNT);
	free(td);
	free(ty);
	store_close(year.st);
	store_close(day.st);
	if (!getenv("BENCH_YEAR_KEEP")) { /* kept: to EXPLAIN a query on them afterwards */
		bench_remove_db(argv[1]);
		bench_remove_db(argv[2]);
	}
	return errors || arc != AKSES_OK ? 1 : 0;
}
