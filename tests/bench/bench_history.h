/* bench_history.h - a year of past visits written straight into a store in one transaction, for
 * the year-sized database benchmark (bench_year.c). */
#ifndef AKSES_BENCH_HISTORY_H
#define AKSES_BENCH_HISTORY_H

#include <stdint.h>

#include "bench_util.h"

struct bench_history_counts {
	int64_t requests, steps, passes, scans, audit; /* audit: the last audit row's id */
};

/* requests spread evenly over days local days from first_day (a time in the first day), 07:00 to
 * 17:00: 90% closed after all 12 steps with a visit (1 to 4 people, each in and out twice, one in
 * three also refused once while inside), 4% rejected at step 5, 3% cancelled, 3% expired; the
 * steps with durations around their standards, one audit row per step and per scan chained on
 * from the store's last one with its key (so `audit verify` holds), the day counters. The staff
 * act as in staff. One transaction: all or nothing. 0, or -1 (store_errmsg says why). */
int bench_history(store *st, const struct bench_staff *staff, int requests, int days,
                  int64_t first_day, struct bench_history_counts *counts);

#endif
