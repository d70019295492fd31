/* store_report.c - the data behind the reports: the daily access log (visits, denied scans, entries
 * per hour), who is inside now (the evacuation list), and SOP compliance per step and role. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "step_hist.h"
#include "store_int.h"

/* The person on a pass: the request's applicant (person 0) or the companion with that seq. */
#define PERSON_NAME "CASE WHEN p.person = 0 THEN r.name ELSE coalesce(c.name, '') END"
#define PERSON_JOIN " LEFT JOIN companion c ON c.request_id = p.request_id AND c.seq = p.person"

/* A visit still open at the day's start is found from its end: an EXIT within this long after the
 * day began (a window is at most 12 hours), or a pass inside now, whenever its visit began. Found
 * from the exits and the passes inside, not by walking back through the entries of the days
 * before, the log of today costs the same on a year of scans as on one day's
 * (tests/bench/bench_year.c). */
#define DAY_LOOKAHEAD_S (7 * 86400)

/* A visit's exit: the first EXIT of the pass after the ENTRY s (through the scan_pass index). */
#define VISIT_EXIT                                                                           \
	"(SELECT x.at FROM scan x WHERE x.pass_id = s.pass_id AND x.decision = 'EXIT'"          \
	" AND x.at >= s.at AND x.id > s.id ORDER BY x.at, x.id LIMIT 1)"

/* What visit_row needs beside the row: the log it counts into and the day's bounds. */
struct visit_ctx {
	struct akses_day_log *log;
	int64_t d0, d1;
	int64_t day_end; /* the day's end, or now for today */
};

/* A visit's first nine columns, as day_visits and store_inside select them: pass id, number,
 * person, institution, purpose, escort, entry time, window end, station. */
static void visit_columns(db_stmt *s, struct akses_visit *v)
{
	v->pass_id = db_col_int64(s, 0);
	store_col_text(s, 1, v->number, sizeof v->number);
	store_col_text(s, 2, v->name, sizeof v->name);
	store_col_text(s, 3, v->institution, sizeof v->institution);
	store_col_text(s, 4, v->purpose, sizeof v->purpose);
	store_col_text(s, 5, v->escort, sizeof v->escort);
	v->in_at = db_col_int64(s, 6);
	v->end_at = db_col_int64(s, 7);
	store_col_text(s, 8, v->station, sizeof v->station);
}

/* store_rows's fill for day_visits: one visit, counted into the log's hours, inside, overstay. */
static bool visit_row(db_stmt *s, void *row, void *arg)
{
	struct akses_visit *v = row;
	const struct visit_ctx *c = arg;
	visit_columns(s, v);
	/* out_at is the visit's real exit, even on a later day; inside means inside when the day
	 * ended (or now, for today), so a visit across midnight counts on both days */
	v->out_at = db_col_is_null(s, 9) ? 0 : db_col_int64(s, 9);
	v->inside = v->out_at == 0 || v->out_at >= c->d1;
	v->overstay = v->out_at ? v->out_at > v->end_at : c->day_end > v->end_at;
	time_t t = (time_t)v->in_at;
	struct tm tm;
	/* a visit carried over from the day before is no entry of this day */
	if (v->in_at >= c->d0 && localtime_r(&t, &tm))
		c->log->entries_per_hour[tm.tm_hour]++;
	c->log->n_inside += v->inside;
	c->log->n_overstay += v->overstay;
	v->manual = db_col_int(s, 10) != 0;
	return true;
}

/* Every visit that overlaps [d0, d1): the ENTRYs of the day, and those of the days before whose
 * visit had not ended when the day began (in at 23:47, still inside at midnight), each with its
 * next EXIT (on any later day), ordered by entry time. A visit carried over is found from its end:
 * the ENTRY before an EXIT of the days after d0, or the last ENTRY of a pass inside now (an ENTRY
 * is followed by an EXIT or is the last scan of a pass inside: only scans set pass.inside); one
 * whose first EXIT came before d0 is filtered out at the end. */
static akses_status day_visits(store *st, int64_t d0, int64_t d1, int64_t now,
                               struct akses_day_log *log)
{
	db_stmt *s = store_prep(
	    st, "WITH carried(id) AS ("
	        "  SELECT (SELECT e.id FROM scan e WHERE e.pass_id = x.pass_id"
	        "    AND e.decision = 'ENTRY' AND e.at <= x.at AND e.id < x.id"
	        "    ORDER BY e.at DESC, e.id DESC LIMIT 1)"
	        "  FROM scan x WHERE x.at >= ?1 AND x.at < ?3 AND x.decision = 'EXIT'"
	        "  UNION"
	        "  SELECT (SELECT e.id FROM scan e WHERE e.pass_id = ip.id AND e.decision = 'ENTRY'"
	        "    ORDER BY e.at DESC, e.id DESC LIMIT 1) FROM pass ip WHERE ip.inside = 1),"
	        " v(id, pass_id, at, station, escort_id, out_at, manual) AS ("
	        "  SELECT s.id, s.pass_id, s.at, s.station, s.escort_id, " VISIT_EXIT ", s.manual"
	        "  FROM scan s WHERE s.at >= ?1 AND s.at < ?2 AND s.decision = 'ENTRY'"
	        "  UNION ALL"
	        "  SELECT s.id, s.pass_id, s.at, s.station, s.escort_id, " VISIT_EXIT ", s.manual"
	        "  FROM carried c JOIN scan s ON s.id = c.id WHERE s.at < ?1)"
	        " SELECT v.pass_id, r.number, " PERSON_NAME ", r.institution, r.purpose,"
	        " coalesce(e.name, ''), v.at, r.end_at, v.station, v.out_at, v.manual"
	        " FROM v JOIN pass p ON p.id = v.pass_id"
	        " JOIN request r ON r.id = p.request_id" PERSON_JOIN
	        " LEFT JOIN staff e ON e.id = v.escort_id"
	        " WHERE v.at >= ?1 OR v.out_at IS NULL OR v.out_at >= ?1 ORDER BY v.at, v.id");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, d0);
	db_bind_int64(s, 2, d1);
	db_bind_int64(s, 3, d0 + DAY_LOOKAHEAD_S);
	struct visit_ctx ctx = {log, d0, d1, now < d1 ? now : d1};
	return store_rows(st, s, sizeof *log->visits, visit_row, &ctx, &log->visits,
	                  &log->n_visits);
}

/* store_rows's fill for day_denied: one denied scan. */
static bool denied_row(db_stmt *s, void *row, void *ctx)
{
	struct akses_denied_scan *d = row;
	(void)ctx;
	d->at = db_col_int64(s, 0);
	store_col_text(s, 1, d->station, sizeof d->station);
	d->reason = wf_deny_parse(db_col_text(s, 2));
	store_col_text(s, 3, d->escort, sizeof d->escort);
	store_col_text(s, 4, d->number, sizeof d->number);
	store_col_text(s, 5, d->name, sizeof d->name);
	d->manual = db_col_int(s, 6) != 0;
	return true;
}

/* The denied scans of [d0, d1), with the escort's name and, for a known pass, whose it was. */
static akses_status day_denied(store *st, int64_t d0, int64_t d1, struct akses_day_log *log)
{
	db_stmt *s = store_prep(
	    st, "SELECT s.at, s.station, s.reason, coalesce(e.name, ''), coalesce(r.number, ''),"
	        " CASE WHEN p.id IS NULL THEN '' ELSE " PERSON_NAME " END, s.manual"
	        " FROM scan s LEFT JOIN staff e ON e.id = s.escort_id"
	        " LEFT JOIN pass p ON p.id = s.pass_id"
	        " LEFT JOIN request r ON r.id = p.request_id" PERSON_JOIN
	        " WHERE s.at >= ?1 AND s.at < ?2 AND s.decision = 'DENIED' ORDER BY s.at, s.id");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, d0);
	db_bind_int64(s, 2, d1);
	return store_rows(st, s, sizeof *log->denied, denied_row, NULL, &log->denied,
	                  &log->n_denied);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Distinct passes among the day's visits. */
static int count_people(const struct akses_day_log *log)
{
	if (log->n_visits == 0)
		return 0;
	int64_t *ids = malloc((size_t)log->n_visits * sizeof *ids);
	if (!ids)
		return -1;
	for (int i = 0; i < log->n_visits; i++)
		ids[i] = log->visits[i].pass_id;
	qsort(ids, (size_t)log->n_visits, sizeof *ids, cmp_i64);
	int n = 1;
	for (int i = 1; i < log->n_visits; i++)
		n += ids[i] != ids[i - 1];
	free(ids);
	return n;
}

/* The day's log (see store.h). The lists are malloc'd inside *out; free them with
 * store_day_log_free (also safe after an error). AKSES_E_DATE for a malformed day. */
akses_status store_day_log(store *st, const char *day, struct akses_day_log *out)
{
	if (!st || !day || !out)
		return AKSES_E_INVALID_ARG;
	memset(out, 0, sizeof *out);
	int64_t d0, d1;
	if (clock_day_bounds(day, &d0, &d1) != AKSES_OK)
		return AKSES_E_DATE;
	snprintf(out->day, sizeof out->day, "%.10s", day);
	int64_t now = clock_now();
	/* one read transaction, so visits and denied scans are the same snapshot */
	int src = db_begin_read(st->db);
	if (src != DB_OK)
		return store_fail(st, src);
	akses_status rc = day_visits(st, d0, d1, now, out);
	if (rc == AKSES_OK)
		rc = day_denied(st, d0, d1, out);
	store_rollback(st);
	if (rc == AKSES_OK && (out->n_people = count_people(out)) < 0)
		rc = AKSES_E_NOMEM;
	if (rc != AKSES_OK) {
		store_day_log_free(out);
		return rc;
	}
	return AKSES_OK;
}

void store_day_log_free(struct akses_day_log *log)
{
	if (!log)
		return;
	free(log->visits);
	free(log->denied);
	log->visits = NULL;
	log->denied = NULL;
	log->n_visits = log->n_denied = 0;
}

/* The request's first accepted entry, whatever day it fell on (an entry in the grace before a
 * 00:00 window is on the day before the window); 0 when nobody entered. */
akses_status store_first_entry(store *st, const char *number, int64_t *at)
{
	if (!st || !number || !at)
		return AKSES_E_INVALID_ARG;
	*at = 0;
	db_stmt *s = store_prep(st, "SELECT min(s.at) FROM scan s JOIN pass p ON p.id = s.pass_id"
	                            " JOIN request r ON r.id = p.request_id"
	                            " WHERE r.number = ?1 AND s.decision = 'ENTRY'");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, number);
	int src = db_step(s);
	if (src == DB_ROW)
		*at = db_col_int64(s, 0); /* NULL (nobody entered) reads as 0 */
	db_finalize(s);
	return src == DB_ROW ? AKSES_OK : store_fail(st, src);
}

/* store_rows's fill for store_inside (ctx: now, for the overstay). */
static bool inside_row(db_stmt *s, void *row, void *ctx)
{
	struct akses_visit *v = row;
	visit_columns(s, v);
	v->inside = true;
	v->overstay = *(const int64_t *)ctx > v->end_at;
	return true;
}

/* Everyone inside now, by entry time: the evacuation list. in_at is their latest entry. *out is
 * malloc'd (NULL when nobody is inside); the caller frees it. */
akses_status store_inside(store *st, struct akses_visit **out, int *n)
{
	if (!st || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	int64_t now = clock_now();
	db_stmt *s = store_prep(
	    st, "SELECT p.id, r.number, " PERSON_NAME ", r.institution, r.purpose,"
	        " coalesce(e.name, ''), coalesce(en.at, p.last_scan_at), r.end_at,"
	        " coalesce(en.station, '')"
	        " FROM pass p JOIN request r ON r.id = p.request_id" PERSON_JOIN
	        " LEFT JOIN staff e ON e.id = r.escort_id"
	        " LEFT JOIN scan en ON en.id = (SELECT x.id FROM scan x WHERE x.pass_id = p.id"
	        "   AND x.decision = 'ENTRY' ORDER BY x.at DESC, x.id DESC LIMIT 1)"
	        " WHERE p.inside = 1 ORDER BY 7, p.id");
	if (!s)
		return AKSES_E_IO;
	return store_rows(st, s, sizeof **out, inside_row, &now, out, n);
}

/* ---- compliance ----------------------------------------------------------------------------- */

/* SOP order within a step: the role enum follows the SOP (KOORDINATOR before HELPDESK at 6). */
static int cmp_comp_row(const void *a, const void *b)
{
	const struct akses_compliance_row *x = a, *y = b;
	if (x->step != y->step)
		return x->step < y->step ? -1 : 1;
	return (x->role > y->role) - (x->role < y->role);
}

/* What comp_row needs beside the row: the range's histogram, rebuilt for each key. */
struct comp_ctx {
	struct step_hist h;
	akses_status rc;
};

/* Fill row from a key's figures over the range: n steps, within of them within the standard,
 * their histogram h. Median: the middle one, or the mean of the two middle ones; p90: nearest
 * rank, the ceil(0.9 n)-th smallest; each read from the histogram as its bucket's mean
 * (step_hist.h). */
static void comp_fill(struct akses_compliance_row *row, int step, const char *role,
                      int standard_s, int64_t n, int64_t within, const struct step_hist *h)
{
	row->step = step;
	if (wf_role_parse(role, &row->role) != 0)
		row->role = ROLE_NONE; /* PEMOHON: the applicant at step 1 */
	row->standard_s = standard_s;
	row->count = (int)n;
	row->median_s = n % 2 ? step_hist_rank(h, n / 2 + 1)
	                      : (step_hist_rank(h, n / 2) + step_hist_rank(h, n / 2 + 1)) / 2;
	int64_t rank = (9 * n + 9) / 10; /* ceil(0.9 n) in integers */
	row->p90_s = step_hist_rank(h, rank);
	row->within_share = (double)within / (double)n;
}

/* store_rows's fill for a long range: one (step, role) key, its range's figures the latest
 * summary row up to the range's end (columns 3-5) minus the latest before its start (6-8). */
static bool comp_row(db_stmt *s, void *out, void *arg)
{
	struct comp_ctx *c = arg;
	int64_t n = db_col_int64(s, 3) - db_col_int64(s, 6);
	if (n <= 0 || c->rc != AKSES_OK)
		return false; /* no step of this key in the range */
	step_hist_clear(&c->h);
	if ((c->rc = step_hist_merge(&c->h, db_col_text(s, 5), 1)) != AKSES_OK ||
	    (c->rc = step_hist_merge(&c->h, db_col_text(s, 8), -1)) != AKSES_OK)
		return false;
	if (c->h.count != n) { /* a summary row that contradicts itself */
		c->rc = AKSES_E_DB_CORRUPT;
		return false;
	}
	char role[24];
	store_col_text(s, 1, role, sizeof role);
	comp_fill(out, db_col_int(s, 0), role, db_col_int(s, 2), n,
	          db_col_int64(s, 4) - db_col_int64(s, 7), &c->h);
	return true;
}

/* The day of the latest summary row of k0's (step, role) with a day satisfying cond. */
#define SUM_DAY(cond)                                                                          \
	"(SELECT x.day FROM step_sum x WHERE x.step = k0.step AND x.role = k0.role"               \
	" AND x.day " cond " ORDER BY x.day DESC LIMIT 1)"

/* A range of up to this many days adds up its days' own histograms (as many rows per key, each
 * a day's few buckets) instead of taking one cumulative histogram from another (two rows, each
 * holding every bucket the key ever had). */
#define SHORT_RANGE_DAYS 7

/* The short way (see SHORT_RANGE_DAYS): every summary row in [d0, d1], by key. */
static akses_status comp_days(store *st, const char *d0, const char *d1,
                              struct akses_compliance_row **out, int *n)
{
	db_stmt *s = store_prep(st, "SELECT k.step, k.role, k.standard_s, s.day_n, s.day_within,"
	                            " s.day_hist FROM step_sum_key k JOIN step_sum s"
	                            " ON s.step = k.step AND s.role = k.role"
	                            " AND s.day >= ?1 AND s.day <= ?2 ORDER BY k.step, k.role");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, d0);
	db_bind_text(s, 2, d1);
	struct step_hist h = {0};
	int64_t count = 0, within = 0;
	int step = 0, standard_s = 0, cap = 0, src;
	char role[24] = "", next[24];
	akses_status rc = AKSES_OK;
	for (;;) {
		src = db_step(s);
		bool row = src == DB_ROW;
		if (row)
			store_col_text(s, 1, next, sizeof next);
		/* a key ends at the next key's first row or the end: its row is filled then */
		if (count > 0 && (!row || db_col_int(s, 0) != step || strcmp(next, role) != 0)) {
			if (h.count != count) {
				rc = AKSES_E_DB_CORRUPT;
				break;
			}
			if ((rc = store_grow(out, &cap, *n + 1, sizeof **out)) != AKSES_OK)
				break;
			comp_fill(&(*out)[(*n)++], step, role, standard_s, count, within, &h);
			step_hist_clear(&h);
			count = within = 0;
		}
		if (!row)
			break;
		step = db_col_int(s, 0);
		memcpy(role, next, sizeof role);
		standard_s = db_col_int(s, 2);
		count += db_col_int64(s, 3);
		within += db_col_int64(s, 4);
		if ((rc = step_hist_merge(&h, db_col_text(s, 5), 1)) != AKSES_OK)
			break;
	}
	db_finalize(s);
	step_hist_free(&h);
	if (rc == AKSES_OK && src != DB_DONE)
		rc = store_fail(st, src);
	return rc;
}

/* SOP compliance (see store.h): step rows completed in [from 00:00, to+1 00:00) with a known
 * duration, cancel/expire rows left out. *out is malloc'd (NULL when no rows); the caller frees
 * it. AKSES_E_DATE for a malformed day. Read from the kept summary (store_step_sum.c): two index
 * seeks per (step, role), whatever the range, instead of every step row in it. */
akses_status store_compliance(store *st, const char *from_day, const char *to_day,
                              struct akses_compliance_row **out, int *n)
{
	if (!st || !from_day || !to_day || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	int64_t t0, t1, ignored;
	if (clock_day_bounds(from_day, &t0, &ignored) != AKSES_OK ||
	    clock_day_bounds(to_day, &ignored, &t1) != AKSES_OK)
		return AKSES_E_DATE;
	if (t1 <= t0)
		return AKSES_OK; /* the wrong way round: nothing in it */
	/* the summary's days are written as clock_format_day writes them */
	char d0[24], d1[24];
	clock_format_day(t0, d0, sizeof d0);
	clock_format_day(t1 - 1, d1, sizeof d1);
	if ((t1 - t0 + 43200) / 86400 <= SHORT_RANGE_DAYS) {
		akses_status rc = comp_days(st, d0, d1, out, n);
		if (rc != AKSES_OK) {
			free(*out);
			*out = NULL;
			*n = 0;
		} else if (*n > 1) {
			qsort(*out, (size_t)*n, sizeof **out, cmp_comp_row);
		}
		return rc;
	}
	/* each key's two days first, then their rows by the primary key: a day found by a subquery
	 * in the join's own condition was looked up twice per key on PostgreSQL */
	db_stmt *s = store_prep(
	    st, "SELECT k.step, k.role, k.standard_s,"
	        " coalesce(a.n, 0), coalesce(a.n_within, 0), a.hist,"
	        " coalesce(b.n, 0), coalesce(b.n_within, 0), b.hist"
	        " FROM (SELECT k0.step, k0.role, k0.standard_s, " SUM_DAY("<= ?2") " AS da, "
	        SUM_DAY("< ?1") " AS db FROM step_sum_key k0) k"
	        " LEFT JOIN step_sum a ON a.step = k.step AND a.role = k.role AND a.day = k.da"
	        " LEFT JOIN step_sum b ON b.step = k.step AND b.role = k.role AND b.day = k.db");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, d0);
	db_bind_text(s, 2, d1);
	struct comp_ctx ctx = {{0}, AKSES_OK};
	akses_status rc = store_rows(st, s, sizeof **out, comp_row, &ctx, out, n);
	step_hist_free(&ctx.h);
	if (rc == AKSES_OK && ctx.rc != AKSES_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
		rc = ctx.rc;
	}
	if (rc == AKSES_OK && *n > 1)
		qsort(*out, (size_t)*n, sizeof **out, cmp_comp_row);
	return rc;
}
