/* bench_history.c - a year of past visits written straight into a store in one transaction (the
 * store API would commit each step on its own: hours for a year): requests through every SOP step,
 * companions, passes, entry/exit scans and one chained audit row per step and per scan. */
#include "bench_history.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "store_int.h" /* the store's connection, its transactions and its audit hash */
#include "wf.h"

#define BATCH_ROWS 100 /* rows per multi-row INSERT: a round trip per 100 rows on a server */
#define BATCH_COLS 10

/* A multi-row INSERT filled a row at a time; the values wait here until BATCH_ROWS are in. */
struct batch {
	store *st;
	const char *head; /* "INSERT INTO t(a, b, c) VALUES " */
	int ncols, nrows;
	db_stmt *full;
	struct {
		bool text, null;
		int64_t i;
		char t[96];
	} v[BATCH_ROWS * BATCH_COLS];
	int nv;
};

static db_stmt *batch_prep(struct batch *b, int rows)
{
	char sql[BATCH_ROWS * BATCH_COLS * 8 + 256];
	int len = snprintf(sql, sizeof sql, "%s", b->head);
	for (int r = 0; r < rows; r++)
		for (int c = 0; c < b->ncols; c++)
			len += snprintf(sql + len, sizeof sql - (size_t)len, "%s?%d%s",
			                c == 0 ? (r ? ", (" : "(") : "", r * b->ncols + c + 1,
			                c == b->ncols - 1 ? ")" : ", ");
	return store_prep(b->st, sql);
}

/* Send the rows waiting; 0 or -1. */
static int batch_flush(struct batch *b)
{
	if (b->nrows == 0)
		return 0;
	db_stmt *s = b->nrows == BATCH_ROWS ? b->full : batch_prep(b, b->nrows);
	if (!s)
		return -1;
	for (int k = 0; k < b->nv; k++) {
		if (b->v[k].null)
			db_bind_null(s, k + 1);
		else if (b->v[k].text)
			db_bind_text(s, k + 1, b->v[k].t);
		else
			db_bind_int64(s, k + 1, b->v[k].i);
	}
	int rc = db_step(s);
	if (s == b->full)
		db_reset(s);
	else
		db_finalize(s);
	b->nrows = b->nv = 0;
	return rc == DB_DONE ? 0 : -1;
}

static int batch_init(struct batch *b, store *st, const char *head, int ncols)
{
	memset(b, 0, sizeof *b);
	b->st = st;
	b->head = head;
	b->ncols = ncols;
	b->full = batch_prep(b, BATCH_ROWS);
	return b->full ? 0 : -1;
}

static void batch_int(struct batch *b, int64_t i)
{
	b->v[b->nv].text = b->v[b->nv].null = false;
	b->v[b->nv++].i = i;
}

/* An id, or NULL for 0 (no staff member: the applicant's or the system's step). */
static void batch_id(struct batch *b, int64_t i)
{
	batch_int(b, i);
	b->v[b->nv - 1].null = i == 0;
}

static void batch_text(struct batch *b, const char *t)
{
	b->v[b->nv].null = false;
	b->v[b->nv].text = true;
	snprintf(b->v[b->nv++].t, sizeof b->v[0].t, "%s", t);
}

/* End a row: send the batch when it is full. */
static int batch_row(struct batch *b)
{
	return ++b->nrows == BATCH_ROWS ? batch_flush(b) : 0;
}

/* An audit event, kept until the whole year is made: the chain is written in time order (as
 * the stations would have written it), and `audit verify` checks that times never go back. */
struct event {
	int64_t at, actor, seq;
	char action[20], subject[28], detail[28];
};

/* The audit chain continued locally from the store's last row, with the store's key. */
struct chain {
	int64_t id;
	char hash[65];
	struct batch b;
	struct event *ev;
	int64_t nev, cap;
};

static int chain_add(struct chain *c, int64_t at, int64_t actor, const char *action,
                     const char *subject, const char *detail)
{
	if (c->nev == c->cap) {
		int64_t cap = c->cap ? c->cap * 2 : 4096;
		struct event *ev = realloc(c->ev, (size_t)cap * sizeof *ev);
		if (!ev)
			return -1;
		c->ev = ev;
		c->cap = cap;
	}
	struct event *e = &c->ev[c->nev];
	e->at = at;
	e->actor = actor;
	e->seq = c->nev++;
	snprintf(e->action, sizeof e->action, "%s", action);
	snprintf(e->subject, sizeof e->subject, "%s", subject);
	snprintf(e->detail, sizeof e->detail, "%s", detail);
	return 0;
}

static int event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Sort the events by time and append them to the chain; 0 or -1. */
static int chain_write(struct chain *c)
{
	qsort(c->ev, (size_t)c->nev, sizeof *c->ev, event_cmp);
	for (int64_t k = 0; k < c->nev; k++) {
		const struct event *e = &c->ev[k];
		char hash[65];
		store_audit_hash(c->b.st->akey, c->hash, c->id + 1, e->at, e->actor, e->action,
		                 e->subject, e->detail, hash);
		c->id++;
		batch_int(&c->b, c->id);
		batch_int(&c->b, e->at);
		batch_int(&c->b, e->actor);
		batch_text(&c->b, e->action);
		batch_text(&c->b, e->subject);
		batch_text(&c->b, e->detail);
		batch_text(&c->b, c->hash);
		batch_text(&c->b, hash);
		batch_int(&c->b, 1); /* keyed, as store_audit writes every row */
		memcpy(c->hash, hash, sizeof hash);
		if (batch_row(&c->b) != 0)
			return -1;
	}
	return batch_flush(&c->b);
}

static int chain_start(struct chain *c, store *st)
{
	memset(c->hash, '0', 64);
	c->hash[64] = '\0';
	c->id = 0;
	db_stmt *s = store_prep(st, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
	if (!s)
		return -1;
	int rc = db_step(s);
	if (rc == DB_ROW) {
		c->id = db_col_int64(s, 0);
		store_col_text(s, 1, c->hash, sizeof c->hash);
	}
	db_finalize(s);
	if ((rc != DB_ROW && rc != DB_DONE) || store_audit_key_ready(st, c->id + 1) != AKSES_OK ||
	    !st->akey_loaded)
		return -1;
	return batch_init(&c->b, st,
	                  "INSERT INTO audit(id, at, actor_id, action, subject, detail, prev_hash,"
	                  " hash, keyed) VALUES ",
	                  9);
}

/* A small deterministic generator, so that two runs build the same year. */
static uint32_t rnd_state = 20300115u;
static int rnd(int n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (int)((rnd_state >> 8) % (uint32_t)n);
}

/* INSERT ... RETURNING id of one row; the new id or -1. */
static int64_t insert_id(db_stmt *s)
{
	int64_t id = -1;
	if (db_step(s) == DB_ROW)
		id = db_col_int64(s, 0);
	while (db_step(s) == DB_ROW)
		;
	db_reset(s);
	return id;
}

struct gen {
	store *st;
	const struct bench_staff *staff;
	db_stmt *req, *pass;
	struct batch comp, step, scan, days;
	struct chain audit;
	struct bench_history_counts n;
};

static int64_t actor_of(const struct gen *g, akses_role r)
{
	switch (r) {
	case ROLE_KADIS: return g->staff->kadis;
	case ROLE_KABID: return g->staff->kabid;
	case ROLE_KOORDINATOR: return g->staff->koord;
	case ROLE_TIM_TEKNIS: return g->staff->teknis;
	case ROLE_HELPDESK: return g->staff->helpdesk;
	default: return 0;
	}
}

/* The steps a request in its final state went through, in order. */
static int path_of(req_state s, wf_action *out)
{
	static const wf_action closed[] = {
	    WF_SUBMIT, WF_DISPOSE_KADIS, WF_DISPOSE_KABID, WF_VERIFY,       WF_APPROVE,       WF_ASSIGN,
	    WF_RECORD, WF_VISIT_END,     WF_REPORT,        WF_FORWARD_KOORD, WF_FORWARD_KABID, WF_RECEIVE};
	static const wf_action rejected[] = {WF_SUBMIT, WF_DISPOSE_KADIS, WF_DISPOSE_KABID, WF_VERIFY,
	                                     WF_REJECT};
	const wf_action *p = closed;
	int n = (int)(sizeof closed / sizeof closed[0]);
	if (s == RS_REJECTED) {
		p = rejected;
		n = (int)(sizeof rejected / sizeof rejected[0]);
	} else if (s == RS_CANCELLED || s == RS_EXPIRED) {
		out[0] = WF_SUBMIT;
		out[1] = s == RS_CANCELLED ? WF_CANCEL : WF_EXPIRE;
		return 2;
	}
	memcpy(out, p, (size_t)n * sizeof *p);
	return n;
}

/* One past request and everything it left behind; 0 or -1. */
static int one_request(struct gen *g, int64_t day0, int seq, int per_day)
{
	static const char *const inst[] = {"PT Awan Nusantara", "Dinas Kominfo Provinsi",
	                                   "CV Data Prima", "PT Telekomunikasi Indonesia"};
	static const char *const comp[] = {"José Ramos", "Made Wirawan", "Siti Nurhaliza"};
	int k = rnd(100);
	req_state state = k < 90 ? RS_CLOSED : k < 94 ? RS_REJECTED : k < 97 ? RS_CANCELLED : RS_EXPIRED;
	int people = 1 + rnd(4);
	int64_t created = day0 + 7 * 3600 + (int64_t)seq * (10 * 3600) / per_day + rnd(300);
	int64_t start = created + 2 * 3600, end = start + 4 * 3600;
	char number[AKSES_NUMBER_BUF], day[24], phone[32], subject[48];
	clock_format_day(day0 + 12 * 3600, day, sizeof day);
	snprintf(number, sizeof number, "AKS-%.4s%.2s%.2s-%05d", day, day + 5, day + 8, seq + 1);
	snprintf(phone, sizeof phone, "0812-%04d-%04d", rnd(10000), seq);

	wf_action path[16];
	int nsteps = path_of(state, path);
	int64_t at[16], t = created;
	int dur[16];
	for (int i = 0; i < nsteps; i++) {
		const struct wf_transition *w = wf_get(path[i]);
		dur[i] = i == 0 ? 0 : 20 + rnd(w->standard_s * 2);
		t += dur[i];
		if (path[i] == WF_VISIT_END)
			t = end - 600; /* the last one out of the door */
		at[i] = t;
	}
	db_stmt *s = g->req;
	db_bind_text(s, 1, number);
	db_bind_text(s, 2, wf_state_code(state));
	db_bind_int(s, 3, wf_last_step_of(state));
	db_bind_text(s, 4, "Nurul 'Aini");
	db_bind_text(s, 5, "1371014507900001");
	db_bind_text(s, 6, inst[rnd(4)]);
	db_bind_text(s, 7, phone);
	db_bind_text(s, 8, "maintenance");
	db_bind_text(s, 9, "Pemeliharaan server rak B3");
	db_bind_int64(s, 10, start);
	db_bind_int64(s, 11, end);
	db_bind_int64(s, 12, g->staff->teknis);
	db_bind_int64(s, 13, created);
	db_bind_int64(s, 14, at[nsteps - 1]);
	int64_t req = insert_id(s);
	if (req < 0)
		return -1;
	g->n.requests++;
	for (int p = 1; p < people; p++) {
		batch_int(&g->comp, req);
		batch_int(&g->comp, p);
		batch_text(&g->comp, comp[p - 1]);
		batch_text(&g->comp, "1371015203950002");
		if (batch_row(&g->comp) != 0)
			return -1;
	}
	for (int i = 0; i < nsteps; i++) {
		const struct wf_transition *w = wf_get(path[i]);
		akses_role role = path[i] == WF_CANCEL ? ROLE_NONE : w->role;
		int64_t actor = actor_of(g, role);
		batch_int(&g->step, req);
		batch_int(&g->step, w->step);
		batch_text(&g->step, w->code);
		batch_text(&g->step, wf_role_code(role));
		batch_id(&g->step, actor);
		batch_int(&g->step, at[i]);
		batch_int(&g->step, dur[i]);
		batch_int(&g->step, w->standard_s);
		if (batch_row(&g->step) != 0 ||
		    chain_add(&g->audit, at[i], actor, w->code, number, "") != 0)
			return -1;
		g->n.steps++;
	}
	if (state != RS_CLOSED)
		return 0;
	/* the visit: each person in and out twice (a break at noon), one in three also refused once
	 * at the door (scanned again while inside) */
	for (int p = 0; p < people; p++) {
		db_bind_int64(g->pass, 1, req);
		db_bind_int(g->pass, 2, p);
		db_bind_int64(g->pass, 3, end - 600);
		int64_t pass = insert_id(g->pass);
		if (pass < 0)
			return -1;
		g->n.passes++;
		snprintf(subject, sizeof subject, "pass:%" PRId64, pass);
		const struct {
			int64_t at;
			const char *decision, *reason, *detail;
		} sc[] = {{start + 600 + p * 30, "ENTRY", "", "ENTRY"},
		          {start + 2 * 3600, "EXIT", "", "EXIT"},
		          {start + 2 * 3600 + 1800, "ENTRY", "", "ENTRY"},
		          {start + 2 * 3600 + 1900, "DENIED", "already-inside", "DENIED already-inside"},
		          {end - 600, "EXIT", "", "EXIT"}};
		for (int i = 0; i < 5; i++) {
			if (i == 3 && rnd(3) != 0)
				continue;
			batch_int(&g->scan, sc[i].at);
			batch_text(&g->scan, "Pintu Server");
			batch_int(&g->scan, g->staff->teknis);
			batch_int(&g->scan, pass);
			batch_text(&g->scan, sc[i].decision);
			batch_text(&g->scan, sc[i].reason);
			if (batch_row(&g->scan) != 0 ||
			    chain_add(&g->audit, sc[i].at, g->staff->teknis, "scan", subject,
			              sc[i].detail) != 0)
				return -1;
			g->n.scans++;
		}
	}
	return 0;
}

int bench_history(store *st, const struct bench_staff *staff, int requests, int days,
                  int64_t first_day, struct bench_history_counts *counts)
{
	struct gen *g = calloc(1, sizeof *g);
	if (!g || requests < days || days < 1) {
		free(g);
		return -1;
	}
	g->st = st;
	g->staff = staff;
	int rc = store_begin(st) == AKSES_OK ? 0 : -1;
	if (rc == 0) {
		g->req = store_prep(
		    st, "INSERT INTO request(number, state, last_step, name, nik, institution, phone,"
		        " purpose_cat, purpose, start_at, end_at, escort_id, created_at, updated_at,"
		        " final_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
		        " ?14) RETURNING id");
		g->pass = store_prep(st, "INSERT INTO pass(request_id, person, print_state, print_count,"
		                         " last_scan_at) VALUES (?1, ?2, 'done', 1, ?3) RETURNING id");
		rc = g->req && g->pass ? 0 : -1;
	}
	if (rc == 0)
		rc = batch_init(&g->comp, st, "INSERT INTO companion(request_id, seq, name, nik) VALUES ",
		                4) |
		     batch_init(&g->step, st,
		                "INSERT INTO step(request_id, step, action, role, actor_id, at,"
		                " duration_s, standard_s) VALUES ",
		                8) |
		     batch_init(&g->scan, st,
		                "INSERT INTO scan(at, station, escort_id, pass_id, decision, reason)"
		                " VALUES ",
		                6) |
		     batch_init(&g->days, st, "INSERT INTO day_counter(day, n) VALUES ", 2) |
		     chain_start(&g->audit, st);
	for (int d = 0; rc == 0 && d < days; d++) {
		/* local midnight of day d (mktime normalizes the day of the month) */
		time_t t0 = (time_t)first_day;
		struct tm tm;
		localtime_r(&t0, &tm);
		tm.tm_mday += d;
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
		tm.tm_isdst = -1;
		int64_t day0 = (int64_t)mktime(&tm);
		int per_day = requests / days + (d < requests % days);
		for (int i = 0; rc == 0 && i < per_day; i++)
			rc = one_request(g, day0, i, per_day);
		char day[24];
		clock_format_day(day0 + 12 * 3600, day, sizeof day);
		batch_text(&g->days, day);
		batch_int(&g->days, per_day);
		if (rc == 0)
			rc = batch_row(&g->days);
	}
	if (rc == 0)
		rc = batch_flush(&g->comp) | batch_flush(&g->step) | batch_flush(&g->scan) |
		     batch_flush(&g->days) | chain_write(&g->audit);
	/* the steps went in past store_step_add: their compliance summary is built from the rows,
	 * as the migration's fill does on an upgraded database */
	if (rc == 0)
		rc = store_step_sum_rebuild(st) == AKSES_OK ? 0 : -1;
	free(g->audit.ev); /* (made only by chain_add: NULL when nothing was) */
	db_finalize(g->req);
	db_finalize(g->pass);
	db_finalize(g->comp.full);
	db_finalize(g->step.full);
	db_finalize(g->scan.full);
	db_finalize(g->days.full);
	db_finalize(g->audit.b.full);
	g->n.audit = g->audit.id;
	if (rc == 0)
		rc = store_commit(st) == AKSES_OK ? 0 : -1;
	else
		store_rollback(st);
	if (counts)
		*counts = g->n;
	free(g);
	return rc;
}
