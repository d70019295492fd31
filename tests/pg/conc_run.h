/* conc_run.h - several processes against one store at the same instant: the harness of the
 * concurrency suite (issue 11). Each child opens its own store, waits on a barrier, runs one
 * operation and sends back what it got; the parent asserts the outcome from the DB. */
#ifndef AKSES_CONC_RUN_H
#define AKSES_CONC_RUN_H

#include <stdint.h>

#include "store.h"

/* What one child reports (small enough for one atomic pipe write). */
struct conc_result {
	int i;         /* the child's index, 0 .. n - 1 */
	int rc;        /* the akses_status the operation returned */
	int64_t v;     /* an integer the operation reports (a decision, a number's counter) */
	char text[48]; /* a text it reports (a request number) */
};

/* The contended operation, run in child i on its own store. */
typedef akses_status (*conc_fn)(store *st, int i, const void *ctx, struct conc_result *out);

/* Fork n children (n <= CONC_MAX) against the DB at target (a SQLite file or a server's
 * conninfo); each opens its own store before the barrier, so all start the operation within
 * microseconds of the parent closing it. res[i] receives child i's report. ck_asserts that every
 * child opened its store, reported and exited. */
#define CONC_MAX 64
void conc_run(const char *target, int n, conc_fn fn, const void *ctx, struct conc_result *res);

#endif
