/* store_step_sum.c - the kept compliance summary: per (step, role) and local day, the cumulative
 * count, count within the standard and duration histogram (step_hist.h) of every counted step row
 * up to that day, so a report over any range reads two rows per (step, role) (store_report.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "step_hist.h"
#include "store_int.h"

/* One summary row read back: its day, its cumulative totals and its day's own. */
struct sum_row {
	char day[24];
	int64_t n, n_within;
	struct step_hist h;
	struct step_hist dh; /* the day's own histogram */
	int64_t day_n, day_within;
};

static void rows_free(struct sum_row *r, int n)
{
	for (int i = 0; i < n; i++) {
		step_hist_free(&r[i].h);
		step_hist_free(&r[i].dh);
	}
	free(r);
}

/* Write (insert or replace) the row of (step, role, r->day) from r. */
static akses_status sum_put(store *st, int step, const char *role, const struct sum_row *r)
{
	char *hist = step_hist_format(&r->h), *day_hist = step_hist_format(&r->dh);
	db_stmt *s = hist && day_hist ? store_prep(
	    st, "INSERT INTO step_sum(step, role, day, n, n_within, hist, day_n, day_within,"
	        " day_hist) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	        " ON CONFLICT(step, role, day) DO UPDATE SET n = excluded.n,"
	        " n_within = excluded.n_within, hist = excluded.hist, day_n = excluded.day_n,"
	        " day_within = excluded.day_within, day_hist = excluded.day_hist")
	                              : NULL;
	akses_status rc = hist && day_hist ? AKSES_E_IO : AKSES_E_NOMEM;
	if (s) {
		db_bind_int(s, 1, step);
		db_bind_text(s, 2, role);
		db_bind_text(s, 3, r->day);
		db_bind_int64(s, 4, r->n);
		db_bind_int64(s, 5, r->n_within);
		db_bind_text(s, 6, hist);
		db_bind_int64(s, 7, r->day_n);
		db_bind_int64(s, 8, r->day_within);
		db_bind_text(s, 9, day_hist);
		int src = db_step(s);
		rc = src == DB_DONE ? AKSES_OK : store_fail(st, src);
	}
	db_finalize(s);
	free(hist);
	free(day_hist);
	return rc;
}

/* The (step, role) key the report walks, with the step's standard (the SOP's: one per step). */
static akses_status key_put(store *st, int step, const char *role, int standard_s)
{
	db_stmt *s = store_prep(st, "INSERT INTO step_sum_key(step, role, standard_s)"
	                            " VALUES (?1, ?2, ?3) ON CONFLICT(step, role) DO NOTHING");
	if (!s)
		return AKSES_E_IO;
	db_bind_int(s, 1, step);
	db_bind_text(s, 2, role);
	db_bind_int(s, 3, standard_s);
	int src = db_step(s);
	db_finalize(s);
	return src == DB_DONE ? AKSES_OK : store_fail(st, src);
}

/* The rows of (step, role) from the latest with day <= day on (that one, if any, first). */
static akses_status sum_rows_from(store *st, int step, const char *role, const char *day,
                                  struct sum_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *s = store_prep(
	    st, "SELECT day, n, n_within, hist, day_n, day_within, day_hist FROM step_sum"
	        " WHERE step = ?1 AND role = ?2"
	        " AND day >= coalesce((SELECT x.day FROM step_sum x WHERE x.step = ?1"
	        "   AND x.role = ?2 AND x.day <= ?3 ORDER BY x.day DESC LIMIT 1), ?3)"
	        " ORDER BY day");
	if (!s)
		return AKSES_E_IO;
	db_bind_int(s, 1, step);
	db_bind_text(s, 2, role);
	db_bind_text(s, 3, day);
	int cap = 0, src;
	akses_status rc = AKSES_OK;
	while ((src = db_step(s)) == DB_ROW) {
		if ((rc = store_grow(out, &cap, *n + 1, sizeof **out)) != AKSES_OK)
			break;
		struct sum_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		store_col_text(s, 0, r->day, sizeof r->day);
		r->n = db_col_int64(s, 1);
		r->n_within = db_col_int64(s, 2);
		r->day_n = db_col_int64(s, 4);
		r->day_within = db_col_int64(s, 5);
		if ((rc = step_hist_merge(&r->h, db_col_text(s, 3), 1)) != AKSES_OK ||
		    (rc = step_hist_merge(&r->dh, db_col_text(s, 6), 1)) != AKSES_OK)
			break;
	}
	db_finalize(s);
	if (rc == AKSES_OK && src != DB_DONE)
		rc = store_fail(st, src);
	if (rc != AKSES_OK) {
		rows_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

akses_status store_step_sum_add(store *st, int step, const char *role, int64_t at,
                                int64_t duration_s, int standard_s)
{
	char day[24];
	clock_format_day(at, day, sizeof day);
	struct sum_row *r;
	int n;
	akses_status rc = sum_rows_from(st, step, role, day, &r, &n);
	if (rc != AKSES_OK)
		return rc;
	int within = duration_s <= standard_s;
	/* the day's row: the latest before it (or nothing) plus this step; a row of a later day
	 * (a station whose clock is behind another's) takes the step too */
	struct sum_row none = {0};
	bool has_base = n > 0 && strcmp(r[0].day, day) <= 0;
	struct sum_row *b = has_base ? &r[0] : &none;
	if (b == &none || strcmp(b->day, day) != 0) { /* the day's first: its own part starts */
		step_hist_clear(&b->dh);
		b->day_n = b->day_within = 0;
	}
	snprintf(b->day, sizeof b->day, "%s", day);
	b->n++;
	b->n_within += within;
	b->day_n++;
	b->day_within += within;
	if (n == 0)
		rc = key_put(st, step, role, standard_s);
	if (rc == AKSES_OK && (rc = step_hist_add(&b->h, duration_s)) == AKSES_OK &&
	    (rc = step_hist_add(&b->dh, duration_s)) == AKSES_OK)
		rc = sum_put(st, step, role, b);
	for (int i = has_base; rc == AKSES_OK && i < n; i++) {
		r[i].n++;
		r[i].n_within += within;
		if ((rc = step_hist_add(&r[i].h, duration_s)) == AKSES_OK)
			rc = sum_put(st, step, role, &r[i]);
	}
	step_hist_free(&none.h);
	step_hist_free(&none.dh);
	rows_free(r, n);
	return rc;
}

/* A counted step row as the rebuild reads it. */
struct step_in {
	int step, standard_s;
	char role[24];
	int64_t at, duration_s;
};

/* Append the step rows the summary counts, ordered by (step, role, at), to *out. */
static akses_status read_steps(store *st, struct step_in **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *s = store_prep(st, "SELECT step, role, at, duration_s, standard_s FROM step"
	                            " WHERE duration_s >= 0 AND step > 0 AND action NOT IN (?1, ?2)"
	                            " ORDER BY step, role, at");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, wf_get(WF_CANCEL)->code);
	db_bind_text(s, 2, wf_get(WF_EXPIRE)->code);
	int cap = 0, src;
	akses_status rc = AKSES_OK;
	while ((src = db_step(s)) == DB_ROW) {
		if ((rc = store_grow(out, &cap, *n + 1, sizeof **out)) != AKSES_OK)
			break;
		struct step_in *x = &(*out)[(*n)++];
		x->step = db_col_int(s, 0);
		store_col_text(s, 1, x->role, sizeof x->role);
		x->at = db_col_int64(s, 2);
		x->duration_s = db_col_int64(s, 3);
		x->standard_s = db_col_int(s, 4);
	}
	db_finalize(s);
	if (rc == AKSES_OK && src != DB_DONE)
		rc = store_fail(st, src);
	return rc;
}

akses_status store_step_sum_rebuild(store *st)
{
	akses_status rc = store_exec(st, "DELETE FROM step_sum; DELETE FROM step_sum_key;");
	struct step_in *x = NULL;
	int n = 0;
	if (rc == AKSES_OK)
		rc = read_steps(st, &x, &n);
	struct sum_row r = {0};
	char next[24] = "";
	for (int i = 0; rc == AKSES_OK && i < n; i++) {
		bool first = i == 0 || x[i].step != x[i - 1].step || strcmp(x[i].role, x[i - 1].role);
		if (first) {
			step_hist_clear(&r.h);
			r.n = r.n_within = 0;
			rc = key_put(st, x[i].step, x[i].role, x[i].standard_s);
		}
		clock_format_day(x[i].at, r.day, sizeof r.day);
		int within = x[i].duration_s <= x[i].standard_s;
		r.n++;
		r.n_within += within;
		r.day_n++;
		r.day_within += within;
		if (rc == AKSES_OK && (rc = step_hist_add(&r.h, x[i].duration_s)) == AKSES_OK)
			rc = step_hist_add(&r.dh, x[i].duration_s);
		/* one row per key and day: written at the day's last step of the key */
		bool last = i + 1 == n || x[i + 1].step != x[i].step ||
		            strcmp(x[i + 1].role, x[i].role) != 0 ||
		            strcmp(clock_format_day(x[i + 1].at, next, sizeof next), r.day) != 0;
		if (rc == AKSES_OK && last) {
			rc = sum_put(st, x[i].step, x[i].role, &r);
			step_hist_clear(&r.dh);
			r.day_n = r.day_within = 0;
		}
	}
	step_hist_free(&r.h);
	step_hist_free(&r.dh);
	free(x);
	return rc;
}

akses_status store_step_sum_fill(store *st)
{
	db_stmt *s = store_prep(st, "SELECT count(*) FROM step_sum_fill");
	if (!s)
		return AKSES_E_IO;
	int src = db_step(s);
	int64_t pending = src == DB_ROW ? db_col_int64(s, 0) : 0;
	db_finalize(s);
	if (src != DB_ROW)
		return store_fail(st, src);
	if (pending == 0)
		return AKSES_OK;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	/* under the writer lock: another station may have filled it while we waited */
	s = store_prep(st, "DELETE FROM step_sum_fill");
	if (!s)
		return store_tx_end(st, AKSES_E_IO);
	src = db_step(s);
	db_finalize(s);
	if (src != DB_DONE)
		return store_tx_end(st, store_fail(st, src));
	if (db_changes(st->db) > 0)
		rc = store_step_sum_rebuild(st);
	return store_tx_end(st, rc);
}
