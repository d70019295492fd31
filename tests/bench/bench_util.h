/* bench_util.h - what the benchmarks share: a monotonic clock, quantiles, removing a scratch DB,
 * and a store with one request of BENCH_PEOPLE people recorded and printable. */
#ifndef AKSES_BENCH_UTIL_H
#define AKSES_BENCH_UTIL_H

#include <stdint.h>

#include "store.h"

#define BENCH_PIN "123456"
#define BENCH_PEOPLE 11 /* applicant + 10 companions: the most one request may carry */

/* Monotonic time in microseconds. */
double bench_now_us(void);

/* The q-quantile (nearest rank) of v[0..n), sorting v. */
double bench_quantile(double *v, int n, double q);

/* Remove a DB file and its -wal and -shm. */
void bench_remove_db(const char *path);

/* A fresh store at path with one account per role (PIN BENCH_PIN) and one request of
 * BENCH_PEOPLE people, approved and recorded for 2030-01-15 09:00-20:00, the clock pinned at
 * 10:00 (AKSES_NOW), every pass never printed. *escort gets the assigned Tim Teknis (may be
 * NULL), number the request. 0, or -1 with a line on stderr naming prog. */
int bench_world(const char *path, const char *prog, store **out, int64_t *escort,
                char number[AKSES_NUMBER_BUF]);

/* The receipt token of the request the last bench_world made (the visitor's proof to print). */
extern char bench_receipt[AKSES_TOKEN_BUF];

#endif
