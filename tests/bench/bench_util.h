/* bench_util.h - what the benchmarks share: a monotonic clock, quantiles, removing a scratch DB,
 * and a store with one request of BENCH_PEOPLE people recorded and printable. */
#ifndef AKSES_BENCH_UTIL_H
#define AKSES_BENCH_UTIL_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

#define BENCH_PIN "123456"
#define BENCH_PEOPLE 11 /* applicant + 10 companions: the most one request may carry */

/* Monotonic time in microseconds. */
double bench_now_us(void);

/* The q-quantile (nearest rank) of v[0..n), sorting v. */
double bench_quantile(double *v, int n, double q);

/* Open target (a SQLite path or a PostgreSQL conninfo) with the benchmarks' options: grace 15 min,
 * no repeat window, busy_ms of waiting for the writer lock; on a server the audit key is a file in
 * $TMPDIR (or /tmp) named for this process, removed by bench_remove_db. */
akses_status bench_open(const char *target, int busy_ms, store **out);

/* Remove a DB file and its -wal, -shm and .key; for a server target only the key file (the
 * database is dropped by whoever made it: tests/bench/bench_pg.sh). */
void bench_remove_db(const char *target);

/* The accounts bench_world made (one per role). */
struct bench_staff {
	int64_t admin, kadis, kabid, koord, teknis, helpdesk;
};
extern struct bench_staff bench_staff;

/* One request of people (1..BENCH_PEOPLE) for [start_at, start_at + 11 h], taken through steps
 * 2..6 by bench_staff (the escort: bench_staff.teknis) and recorded: its number, and its receipt
 * token when receipt is not NULL. */
akses_status bench_request(store *st, int64_t start_at, int people, const char *phone,
                           char number[AKSES_NUMBER_BUF], char receipt[AKSES_TOKEN_BUF]);

/* The same, taken no further than submitted (step 1) when record is false. */
akses_status bench_request_to(store *st, int64_t start_at, int people, const char *phone,
                              bool record, char number[AKSES_NUMBER_BUF],
                              char receipt[AKSES_TOKEN_BUF]);

/* One account per role into bench_staff (PIN BENCH_PIN), the first one the administrator. */
akses_status bench_staff_make(store *st);

/* A pass token for each of the request's passes (at most max), issued with its receipt. */
akses_status bench_tokens(store *st, const char *number, const char *receipt,
                          char (*tokens)[AKSES_TOKEN_BUF], int max, int *n);

/* A fresh store at path (a SQLite path or a conninfo of an empty database) with one account per role (PIN BENCH_PIN) and one request of
 * BENCH_PEOPLE people, approved and recorded for 2030-01-15 09:00-20:00, the clock pinned at
 * 10:00 (AKSES_NOW), every pass never printed. *escort gets the assigned Tim Teknis (may be
 * NULL), number the request. 0, or -1 with a line on stderr naming prog. */
int bench_world(const char *path, const char *prog, store **out, int64_t *escort,
                char number[AKSES_NUMBER_BUF]);

/* The receipt token of the request the last bench_world made (the visitor's proof to print). */
extern char bench_receipt[AKSES_TOKEN_BUF];

#endif
