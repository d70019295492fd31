/* test_store_report.c - the data behind the reports: a day's visits, denied scans and entries per
 * hour; who is inside now; SOP compliance (count, median, p90, share within the standard). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store.h"
#include "testutil.h"
#include "wf.h"
#include "world.h"

#define DOOR "Pintu Ruang Server"

static struct world w;

static void setup(void)
{
	world_open(&w);
}

static void teardown(void)
{
	world_close(&w);
}

/* A recorded request with n_companions; the tokens of its passes go to tok (in person order). */
static void recorded(const char *start, const char *end, int n_companions,
                     char number[AKSES_NUMBER_BUF], char tok[][AKSES_TOKEN_BUF])
{
	world_submit(&w, start, end, n_companions, number);
	world_advance(&w, number, RS_RECORDED);
	struct akses_pass *p = NULL;
	int n = 0;
	ck_assert_int_eq(store_pass_list(w.st, number, &p, &n), AKSES_OK);
	ck_assert_int_eq(n, n_companions + 1);
	for (int i = 0; i < n; i++)
		ck_assert_int_eq(world_visitor_token(&w, p[i].id, tok[i]), AKSES_OK);
	free(p);
}

static scan_decision scan_at(const char *when, const char *token, int64_t escort)
{
	struct akses_scan_result r;
	tu_set_now(when);
	ck_assert_int_eq(store_scan(w.st, token, escort, DOOR, SCAN_DIR_AUTO, &r), AKSES_OK);
	return r.decision;
}

START_TEST(test_day_log_pairs_entries_with_exits_and_lists_denied_scans)
{
	char a[AKSES_NUMBER_BUF], b[AKSES_NUMBER_BUF], d[AKSES_NUMBER_BUF];
	char ta[2][AKSES_TOKEN_BUF], tb[1][AKSES_TOKEN_BUF], td[1][AKSES_TOKEN_BUF];
	recorded("2026-12-01 10:00", "2026-12-01 12:00", 1, a, ta);
	recorded("2026-12-01 13:00", "2026-12-01 14:00", 0, b, tb);
	recorded("2026-12-01 20:00", "2026-12-02 02:00", 0, d, td);

	ck_assert_int_eq(scan_at("2026-12-01 09:50", ta[0], w.teknis), SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:05", ta[1], w.teknis), SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:40", ta[0], w.teknis), SCAN_EXIT);
	ck_assert_int_eq(scan_at("2026-12-01 11:00", ta[0], w.teknis), SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 12:15", ta[0], w.teknis), SCAN_EXIT);
	ck_assert_int_eq(scan_at("2026-12-01 12:30", tb[0], w.teknis), SCAN_DENIED);
	ck_assert_int_eq(scan_at("2026-12-01 13:00", tb[0], w.teknis), SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 13:10", tb[0], w.teknis2), SCAN_DENIED);
	ck_assert_int_eq(scan_at("2026-12-01 13:30", tb[0], w.teknis), SCAN_EXIT);
	ck_assert_int_eq(scan_at("2026-12-01 14:00", "NOT-A-PASS", w.teknis), SCAN_DENIED);
	ck_assert_int_eq(scan_at("2026-12-01 21:00", td[0], w.teknis), SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-02 01:00", td[0], w.teknis), SCAN_EXIT);
	ck_assert_int_eq(scan_at("2026-12-02 01:05", "NOT-A-PASS", w.teknis), SCAN_DENIED);

	tu_set_now("2026-12-02 01:30");
	struct akses_day_log log;
	ck_assert_int_eq(store_day_log(w.st, "2026-12-01", &log), AKSES_OK);
	ck_assert_str_eq(log.day, "2026-12-01");
	ck_assert_int_eq(log.n_visits, 5);
	struct {
		const char *number, *name, *in, *out;
		bool inside, overstay;
	} want[5] = {
	    {a, WORLD_NAME, "2026-12-01 09:50", "2026-12-01 10:40", false, false},
	    {a, "Ni Luh Putu Ayu", "2026-12-01 10:05", NULL, true, true},
	    {a, WORLD_NAME, "2026-12-01 11:00", "2026-12-01 12:15", false, true},
	    {b, WORLD_NAME, "2026-12-01 13:00", "2026-12-01 13:30", false, false},
	    /* inside at midnight: counted inside at the day's end, its exit kept */
	    {d, WORLD_NAME, "2026-12-01 21:00", "2026-12-02 01:00", true, false},
	};
	for (int i = 0; i < 5; i++) {
		const struct akses_visit *v = &log.visits[i];
		ck_assert_str_eq(v->number, want[i].number);
		ck_assert_str_eq(v->name, want[i].name);
		ck_assert_int_eq(v->in_at, tu_time(want[i].in));
		ck_assert_int_eq(v->out_at, want[i].out ? tu_time(want[i].out) : 0);
		ck_assert_int_eq(v->inside, want[i].inside);
		ck_assert_int_eq(v->overstay, want[i].overstay);
		ck_assert_str_eq(v->escort, "Andi Teknisi");
		ck_assert_str_eq(v->institution, "PT Awan Nusantara");
		ck_assert_str_eq(v->purpose, "Penggantian disk pada rak A3");
		ck_assert_str_eq(v->station, DOOR);
	}
	ck_assert_int_eq(log.visits[0].end_at, tu_time("2026-12-01 12:00"));
	ck_assert_int_eq(log.n_inside, 2);
	ck_assert_int_eq(log.n_overstay, 2);
	ck_assert_int_eq(log.n_people, 4);
	int per_hour[24] = {0};
	per_hour[9] = per_hour[10] = per_hour[11] = per_hour[13] = per_hour[21] = 1;
	for (int h = 0; h < 24; h++)
		ck_assert_int_eq(log.entries_per_hour[h], per_hour[h]);

	ck_assert_int_eq(log.n_denied, 3);
	ck_assert_int_eq(log.denied[0].at, tu_time("2026-12-01 12:30"));
	ck_assert_int_eq(log.denied[0].reason, DENY_NOT_YET_VALID);
	ck_assert_str_eq(log.denied[0].number, b);
	ck_assert_str_eq(log.denied[0].name, WORLD_NAME);
	ck_assert_str_eq(log.denied[0].escort, "Andi Teknisi");
	ck_assert_str_eq(log.denied[0].station, DOOR);
	ck_assert_int_eq(log.denied[1].reason, DENY_WRONG_ESCORT);
	ck_assert_str_eq(log.denied[1].escort, "Yusuf Teknisi");
	ck_assert_int_eq(log.denied[2].reason, DENY_UNKNOWN);
	ck_assert_str_eq(log.denied[2].number, "");
	ck_assert_str_eq(log.denied[2].name, "");
	store_day_log_free(&log);
	ck_assert_ptr_null(log.visits);

	/* the next day holds the visit that went on past midnight (no entry of its own) and its
	 * denied scan; Ni Luh, who never left, is still inside */
	ck_assert_int_eq(store_day_log(w.st, "2026-12-02", &log), AKSES_OK);
	ck_assert_int_eq(log.n_visits, 2);
	ck_assert_str_eq(log.visits[0].name, "Ni Luh Putu Ayu");
	ck_assert(log.visits[0].inside);
	ck_assert_str_eq(log.visits[1].number, d);
	ck_assert_int_eq(log.visits[1].in_at, tu_time("2026-12-01 21:00"));
	ck_assert_int_eq(log.visits[1].out_at, tu_time("2026-12-02 01:00"));
	ck_assert(!log.visits[1].inside);
	ck_assert_int_eq(log.n_inside, 1);
	ck_assert_int_eq(log.n_denied, 1);
	ck_assert_int_eq(log.n_people, 2);
	for (int h = 0; h < 24; h++)
		ck_assert_int_eq(log.entries_per_hour[h], 0);
	store_day_log_free(&log);

	ck_assert_int_eq(store_day_log(w.st, "2026-13-01", &log), AKSES_E_DATE);
	ck_assert_int_eq(store_day_log(w.st, "kemarin", &log), AKSES_E_DATE);
}
END_TEST

/* Two people came in at 23:47 and 23:52, inside the grace before a 00:00-02:00 window, and never
 * left. The next day's log used to say "0 still inside"; the visit's first entry (the berita
 * acara's "Masuk pertama") was "-" because it fell on the day before the window. */
START_TEST(test_a_visit_across_midnight_follows_the_visit_not_the_day)
{
	char n[AKSES_NUMBER_BUF], t[2][AKSES_TOKEN_BUF];
	tu_set_now("2026-11-29 20:00");
	recorded("2026-11-30 00:00", "2026-11-30 02:00", 1, n, t);
	ck_assert_int_eq(scan_at("2026-11-29 23:47", t[0], w.teknis), SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-11-29 23:52", t[1], w.teknis), SCAN_ENTRY);

	tu_set_now("2026-11-30 23:00");
	struct akses_day_log log;
	ck_assert_int_eq(store_day_log(w.st, "2026-11-30", &log), AKSES_OK);
	ck_assert_int_eq(log.n_visits, 2);
	ck_assert_int_eq(log.n_inside, 2);
	ck_assert_int_eq(log.n_overstay, 2); /* the window ended at 02:00 */
	ck_assert_int_eq(log.n_people, 2);
	ck_assert_int_eq(log.visits[0].in_at, tu_time("2026-11-29 23:47"));
	ck_assert(log.visits[0].inside && log.visits[1].inside);
	store_day_log_free(&log);
	/* the evening's own log has them too, inside at its end and not yet over their time */
	ck_assert_int_eq(store_day_log(w.st, "2026-11-29", &log), AKSES_OK);
	ck_assert_int_eq(log.n_visits, 2);
	ck_assert_int_eq(log.n_inside, 2);
	ck_assert_int_eq(log.n_overstay, 0);
	ck_assert_int_eq(log.entries_per_hour[23], 2);
	store_day_log_free(&log);

	int64_t first = -1;
	ck_assert_int_eq(store_first_entry(w.st, n, &first), AKSES_OK);
	ck_assert_int_eq(first, tu_time("2026-11-29 23:47"));
	/* one leaves at 00:30 on 1 December: the log of the 30th still had them inside at its end */
	ck_assert_int_eq(scan_at("2026-12-01 00:30", t[0], w.teknis), SCAN_EXIT);
	ck_assert_int_eq(store_day_log(w.st, "2026-11-30", &log), AKSES_OK);
	ck_assert_int_eq(log.n_inside, 2);
	ck_assert_int_eq(log.visits[0].out_at, tu_time("2026-12-01 00:30"));
	store_day_log_free(&log);
	ck_assert_int_eq(store_day_log(w.st, "2026-12-01", &log), AKSES_OK);
	ck_assert_int_eq(log.n_visits, 2);
	ck_assert_int_eq(log.n_inside, 1);
	store_day_log_free(&log);
	/* a request nobody entered has no first entry */
	char m[AKSES_NUMBER_BUF], u[1][AKSES_TOKEN_BUF];
	recorded("2026-12-02 09:00", "2026-12-02 10:00", 0, m, u);
	ck_assert_int_eq(store_first_entry(w.st, m, &first), AKSES_OK);
	ck_assert_int_eq(first, 0);
}
END_TEST

START_TEST(test_day_log_of_ten_thousand_scans_pairs_every_visit)
{
	char a[AKSES_NUMBER_BUF], ta[2][AKSES_TOKEN_BUF];
	recorded("2026-12-01 10:00", "2026-12-01 12:00", 1, a, ta);
	struct akses_pass *p = NULL;
	int np = 0;
	ck_assert_int_eq(store_pass_list(w.st, a, &p, &np), AKSES_OK);
	/* a busy door, written straight into the file as another station would have */
	db *d = world_db(&w, true);
	ck_assert_int_eq(db_begin_write(d), DB_OK);
	db_stmt *s = NULL;
	ck_assert_int_eq(db_prepare(d,
	                            "INSERT INTO scan(at, station, escort_id, pass_id,"
	                            " decision, reason) VALUES (?1, ?2, ?3, ?4, ?5, '')",
	                            &s),
	                 DB_OK);
	int64_t day = tu_time("2026-12-01 00:00");
	for (int i = 0; i < 10000; i++) {
		int who = i % 2; /* the two passes interleave */
		int k = i / 2;   /* the k-th scan of that pass: entry when even */
		db_bind_int64(s, 1, day + 1 + (int64_t)i * 8);
		db_bind_text(s, 2, DOOR);
		db_bind_int64(s, 3, w.teknis);
		db_bind_int64(s, 4, p[who].id);
		db_bind_text(s, 5, k % 2 ? "EXIT" : "ENTRY");
		ck_assert_int_eq(db_step(s), DB_DONE);
		db_reset(s);
	}
	db_finalize(s);
	ck_assert_int_eq(db_commit(d), DB_OK);
	db_close(d);
	free(p);

	tu_set_now("2026-12-02 08:00");
	struct akses_day_log log;
	ck_assert_int_eq(store_day_log(w.st, "2026-12-01", &log), AKSES_OK);
	ck_assert_int_eq(log.n_visits, 5000);
	ck_assert_int_eq(log.n_inside, 0);
	ck_assert_int_eq(log.n_people, 2);
	int total = 0;
	for (int h = 0; h < 24; h++)
		total += log.entries_per_hour[h];
	ck_assert_int_eq(total, 5000);
	for (int i = 0; i < log.n_visits; i++) {
		const struct akses_visit *v = &log.visits[i];
		/* each entry's exit is that pass's next scan, 16 s later */
		ck_assert_int_eq(v->out_at - v->in_at, 16);
		ck_assert(i == 0 || v->in_at >= log.visits[i - 1].in_at);
	}
	store_day_log_free(&log);
}
END_TEST

START_TEST(test_inside_list_is_who_is_in_the_room_now)
{
	char a[AKSES_NUMBER_BUF], ta[3][AKSES_TOKEN_BUF];
	recorded("2026-12-01 10:00", "2026-12-01 12:00", 2, a, ta);
	struct akses_visit *v = NULL;
	int n = -1;
	ck_assert_int_eq(store_inside(w.st, &v, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	free(v);

	ck_assert_int_eq(scan_at("2026-12-01 10:00", ta[2], w.teknis), SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:02", ta[0], w.teknis), SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:03", ta[1], w.teknis), SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:30", ta[1], w.teknis), SCAN_EXIT);
	tu_set_now("2026-12-01 11:00");
	ck_assert_int_eq(store_inside(w.st, &v, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(v[0].name, "José Ramos");
	ck_assert_int_eq(v[0].in_at, tu_time("2026-12-01 10:00"));
	ck_assert_str_eq(v[1].name, WORLD_NAME);
	ck_assert_int_eq(v[1].in_at, tu_time("2026-12-01 10:02"));
	for (int i = 0; i < n; i++) {
		ck_assert_str_eq(v[i].number, a);
		ck_assert_str_eq(v[i].escort, "Andi Teknisi");
		ck_assert_str_eq(v[i].institution, "PT Awan Nusantara");
		ck_assert_int_eq(v[i].end_at, tu_time("2026-12-01 12:00"));
		ck_assert(v[i].inside);
		ck_assert(!v[i].overstay);
		ck_assert_int_eq(v[i].out_at, 0);
	}
	free(v);
	/* past the window they are still listed, now as overstaying */
	tu_set_now("2026-12-01 12:01");
	ck_assert_int_eq(store_inside(w.st, &v, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert(v[0].overstay && v[1].overstay);
	free(v);
}
END_TEST

/* Take one SOP action at a pinned time. */
static void act_at(const char *when, const char *number, wf_action a, int64_t actor)
{
	tu_set_now(when);
	ck_assert_int_eq(store_act(w.st, number, a, actor, NULL), AKSES_OK);
}

START_TEST(test_compliance_gives_median_p90_and_share_within_standard)
{
	char r1[AKSES_NUMBER_BUF], r2[AKSES_NUMBER_BUF], r3[AKSES_NUMBER_BUF];
	/* each form was begun 2 minutes before submission (world_input) */
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, r1);
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, r2);
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, r3);
	act_at("2026-12-01 08:01", r1, WF_DISPOSE_KADIS, w.kadis); /* 60 s */
	act_at("2026-12-01 08:04", r2, WF_DISPOSE_KADIS, w.kadis); /* 240 s */
	act_at("2026-12-01 08:10", r3, WF_DISPOSE_KADIS, w.kadis); /* 600 s */
	act_at("2026-12-01 08:04", r1, WF_DISPOSE_KABID, w.kabid); /* 180 s: just within */
	act_at("2026-12-01 08:10", r2, WF_DISPOSE_KABID, w.kabid); /* 360 s */
	act_at("2026-12-01 08:05", r1, WF_VERIFY, w.koord);        /* 60 s */
	act_at("2026-12-01 08:06", r1, WF_APPROVE, w.kabid);       /* 60 s */
	tu_set_now("2026-12-01 08:08");
	ck_assert_int_eq(store_assign(w.st, r1, w.koord, w.teknis), AKSES_OK); /* 120 s */
	act_at("2026-12-01 08:12", r1, WF_RECORD, w.helpdesk);                 /* 240 s */
	tu_set_now("2026-12-01 08:20");
	ck_assert_int_eq(store_cancel(w.st, r3, w.koord, "Pemohon membatalkan"), AKSES_OK);

	struct akses_compliance_row *c = NULL;
	int n = 0;
	ck_assert_int_eq(store_compliance(w.st, "2026-12-01", "2026-12-01", &c, &n), AKSES_OK);
	struct {
		int step;
		akses_role role;
		int count;
		double median, p90, share;
		int standard;
	} want[] = {
	    {1, ROLE_NONE, 3, 120, 120, 1.0, 180},     {2, ROLE_KADIS, 3, 240, 600, 1.0 / 3, 180},
	    {3, ROLE_KABID, 2, 270, 360, 0.5, 180},    {4, ROLE_KOORDINATOR, 1, 60, 60, 1.0, 180},
	    {5, ROLE_KABID, 1, 60, 60, 1.0, 180},      {6, ROLE_KOORDINATOR, 1, 120, 120, 1.0, 180},
	    {6, ROLE_HELPDESK, 1, 240, 240, 0.0, 180},
	};
	int nwant = (int)(sizeof want / sizeof want[0]);
	ck_assert_int_eq(n, nwant); /* the cancellation is not a step with a standard */
	for (int i = 0; i < nwant; i++) {
		ck_assert_int_eq(c[i].step, want[i].step);
		ck_assert_int_eq(c[i].role, want[i].role);
		ck_assert_int_eq(c[i].count, want[i].count);
		ck_assert_double_eq_tol(c[i].median_s, want[i].median, 1e-9);
		ck_assert_double_eq_tol(c[i].p90_s, want[i].p90, 1e-9);
		ck_assert_double_eq_tol(c[i].within_share, want[i].share, 1e-9);
		ck_assert_int_eq(c[i].standard_s, want[i].standard);
	}
	free(c);

	/* a range without steps, and one the wrong way round, are empty; bad days are refused */
	ck_assert_int_eq(store_compliance(w.st, "2026-12-02", "2026-12-31", &c, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(store_compliance(w.st, "2026-12-01", "2026-11-30", &c, &n), AKSES_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(store_compliance(w.st, "2026-11-30", "2026-12-01", &c, &n), AKSES_OK);
	ck_assert_int_eq(n, nwant);
	free(c);
	ck_assert_int_eq(store_compliance(w.st, "2026-12-1", "2026-12-01", &c, &n), AKSES_E_DATE);
}
END_TEST

START_TEST(test_compliance_p90_is_the_nearest_rank)
{
	/* ten step 2 durations of 10, 20, ... 100 minutes: p90 is the 9th, 90 minutes */
	char r[10][AKSES_NUMBER_BUF];
	for (int i = 0; i < 10; i++)
		world_submit(&w, "2026-12-01 20:00", "2026-12-01 22:00", 0, r[i]);
	for (int i = 0; i < 10; i++) {
		char when[20];
		snprintf(when, sizeof when, "2026-12-01 %02d:%02d", 8 + (i + 1) * 10 / 60,
		         (i + 1) * 10 % 60);
		act_at(when, r[i], WF_DISPOSE_KADIS, w.kadis);
	}
	struct akses_compliance_row *c = NULL;
	int n = 0;
	ck_assert_int_eq(store_compliance(w.st, "2026-12-01", "2026-12-01", &c, &n), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(c[1].step, 2);
	ck_assert_int_eq(c[1].count, 10);
	ck_assert_double_eq_tol(c[1].median_s, 55 * 60, 1e-9);
	ck_assert_double_eq_tol(c[1].p90_s, 90 * 60, 1e-9);
	ck_assert_double_eq_tol(c[1].within_share, 0.0, 1e-9);
	free(c);
}
END_TEST

/* ---- the kept summary against the step rows ------------------------------------------------- */

/* The counted durations of (step, role) in [from 00:00, to+1 00:00), ascending, read straight
 * from the step rows as store_compliance did before the summary; how many into *n. */
static int64_t *exact_durations(int step, akses_role role, const char *from, const char *to,
                                int *n, int64_t *within)
{
	char a[24], b[24];
	snprintf(a, sizeof a, "%s 00:00", from);
	snprintf(b, sizeof b, "%s 00:00", to);
	int64_t t0 = tu_time(a), t1 = tu_time(b) + 86400; /* no DST in Asia/Jakarta */
	struct db *d = world_db(&w, false);
	db_stmt *s = NULL;
	ck_assert_int_eq(db_prepare(d, "SELECT duration_s, standard_s FROM step WHERE step = ?1"
	                               " AND role = ?2 AND at >= ?3 AND at < ?4 AND duration_s >= 0"
	                               " AND action NOT IN (?5, ?6) ORDER BY duration_s", &s),
	                 DB_OK);
	db_bind_int(s, 1, step);
	db_bind_text(s, 2, role == ROLE_NONE ? "PEMOHON" : wf_role_code(role));
	db_bind_int64(s, 3, t0);
	db_bind_int64(s, 4, t1);
	db_bind_text(s, 5, wf_get(WF_CANCEL)->code);
	db_bind_text(s, 6, wf_get(WF_EXPIRE)->code);
	int64_t *v = malloc(4096 * sizeof *v);
	ck_assert_ptr_nonnull(v);
	*n = 0;
	*within = 0;
	while (db_step(s) == DB_ROW && *n < 4096) {
		v[*n] = db_col_int64(s, 0);
		*within += v[*n] <= db_col_int64(s, 1);
		(*n)++;
	}
	db_finalize(s);
	db_close(d);
	return v;
}

/* The step rows the report counts in [from, to], every (step, role). */
static int64_t exact_total(const char *from, const char *to)
{
	char sql[256];
	char a[24], b[24];
	snprintf(a, sizeof a, "%s 00:00", from);
	snprintf(b, sizeof b, "%s 00:00", to);
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM step WHERE at >= %lld AND at < %lld AND duration_s >= 0"
	         " AND step > 0 AND action NOT IN ('%s', '%s')",
	         (long long)tu_time(a), (long long)(tu_time(b) + 86400), wf_get(WF_CANCEL)->code,
	         wf_get(WF_EXPIRE)->code);
	return world_int(&w, sql);
}

/* store_compliance over [from, to] agrees with the step rows: every (step, role) of the range
 * and no other, each count and share exact, median and p90 within the histogram's 0.8 %
 * (exact when a bucket holds one distinct duration). Returns how many rows it gave. */
static int check_against_rows(const char *from, const char *to)
{
	struct akses_compliance_row *c = NULL;
	int n = 0;
	ck_assert_int_eq(store_compliance(w.st, from, to, &c, &n), AKSES_OK);
	int64_t total = 0;
	for (int i = 0; i < n; i++) {
		int m = 0;
		int64_t within = 0;
		int64_t *d = exact_durations(c[i].step, c[i].role, from, to, &m, &within);
		ck_assert_int_eq(c[i].count, m);
		ck_assert_int_gt(m, 0);
		double median = m % 2 ? (double)d[m / 2] : ((double)d[m / 2 - 1] + d[m / 2]) / 2.0;
		double p90 = (double)d[(9 * m + 9) / 10 - 1];
		ck_assert_double_eq_tol(c[i].median_s, median, median * 0.008 + 1e-9);
		ck_assert_double_eq_tol(c[i].p90_s, p90, p90 * 0.008 + 1e-9);
		ck_assert_double_eq_tol(c[i].within_share, (double)within / m, 1e-9);
		total += m;
		free(d);
	}
	ck_assert_int_eq(total, exact_total(from, to));
	free(c);
	return n;
}

/* The step 2 row of compliance over [from, to]: count, median, p90 into the pointers. */
static void step2(const char *from, const char *to, int *count, double *median, double *p90)
{
	struct akses_compliance_row *c = NULL;
	int n = 0;
	*count = 0;
	ck_assert_int_eq(store_compliance(w.st, from, to, &c, &n), AKSES_OK);
	for (int i = 0; i < n; i++)
		if (c[i].step == 2) {
			*count = c[i].count;
			*median = c[i].median_s;
			*p90 = c[i].p90_s;
		}
	free(c);
}

/* Submit at 08:00 of day and dispose it (step 2) seconds later. */
static void disposed_after(const char *day, int seconds)
{
	char when[32], number[AKSES_NUMBER_BUF];
	snprintf(when, sizeof when, "%s 08:00", day);
	tu_set_now(when);
	world_submit(&w, "2026-12-20 10:00", "2026-12-20 12:00", 0, number);
	snprintf(when, sizeof when, "%s 08:%02d:%02d", day, seconds / 60, seconds % 60);
	act_at(when, number, WF_DISPOSE_KADIS, w.kadis);
}

START_TEST(test_compliance_median_in_one_log_bucket_is_within_its_width)
{
	/* 1000, 1003 and 1003 s fall in one bucket (1000-1003 s, 4 s wide): the summary keeps their
	 * count and sum, so the median reads 1002 s against the exact 1003 s (0.1 %, within the
	 * 0.8 % the histogram promises); durations under 256 s stay exact */
	disposed_after("2026-12-01", 1000);
	disposed_after("2026-12-01", 1003);
	disposed_after("2026-12-01", 1003);
	int count = 0;
	double median = 0, p90 = 0;
	step2("2026-12-01", "2026-12-01", &count, &median, &p90);
	ck_assert_int_eq(count, 3);
	ck_assert_double_eq_tol(median, 1002, 1e-9);
	ck_assert_double_eq_tol(median, 1003, 1003 * 0.008);
	ck_assert_double_eq_tol(p90, 1002, 1e-9);
	check_against_rows("2026-12-01", "2026-12-01");
}
END_TEST

START_TEST(test_compliance_of_a_range_from_mid_history_counts_only_its_days)
{
	disposed_after("2026-12-01", 60);
	disposed_after("2026-12-01", 120);
	disposed_after("2026-12-01", 180);
	disposed_after("2026-12-02", 600);
	disposed_after("2026-12-02", 900);
	disposed_after("2026-12-04", 300);
	int count = 0;
	double median = 0, p90 = 0;
	step2("2026-12-02", "2026-12-04", &count, &median, &p90);
	ck_assert_int_eq(count, 3); /* 300, 600, 900: not the 1st's */
	ck_assert_double_eq_tol(median, 600, 1e-9);
	ck_assert_double_eq_tol(p90, 900, 1e-9);
	step2("2026-12-02", "2026-12-03", &count, &median, &p90);
	ck_assert_int_eq(count, 2);
	ck_assert_double_eq_tol(median, 750, 1e-9);
	step2("2026-12-03", "2026-12-03", &count, &median, &p90);
	ck_assert_int_eq(count, 0); /* a day without steps between two with */
	ck_assert_int_eq(check_against_rows("2026-12-02", "2026-12-04"), 2);
	ck_assert_int_eq(check_against_rows("2026-12-01", "2026-12-01"), 2);
	ck_assert_int_eq(check_against_rows("2026-12-04", "2026-12-31"), 2);
	ck_assert_int_eq(check_against_rows("2026-11-01", "2026-11-30"), 0);
	/* up to 7 days add up each day's own histogram, longer ranges take the cumulative ones
	 * apart (store_report.c): both ways agree with the rows */
	ck_assert_int_eq(check_against_rows("2026-11-28", "2026-12-04"), 2);
	ck_assert_int_eq(check_against_rows("2026-11-27", "2026-12-04"), 2);
	ck_assert_int_eq(check_against_rows("2026-12-02", "2026-12-08"), 2);
	ck_assert_int_eq(check_against_rows("2026-12-02", "2026-12-09"), 2);
}
END_TEST

START_TEST(test_compliance_counts_a_step_of_a_station_whose_clock_is_behind)
{
	/* the 3rd's steps are kept first; then a station with its clock a day behind records steps
	 * on the 2nd: they count on the 2nd and in every range that holds it, not on the 3rd */
	disposed_after("2026-12-03", 600);
	disposed_after("2026-12-05", 900);
	disposed_after("2026-12-02", 300);
	int count = 0;
	double median = 0, p90 = 0;
	step2("2026-12-01", "2026-12-05", &count, &median, &p90);
	ck_assert_int_eq(count, 3);
	ck_assert_double_eq_tol(median, 600, 1e-9);
	step2("2026-12-02", "2026-12-03", &count, &median, &p90);
	ck_assert_int_eq(count, 2);
	ck_assert_double_eq_tol(median, 450, 1e-9);
	step2("2026-12-03", "2026-12-05", &count, &median, &p90);
	ck_assert_int_eq(count, 2);
	ck_assert_double_eq_tol(median, 750, 1e-9);
	step2("2026-12-04", "2026-12-31", &count, &median, &p90);
	ck_assert_int_eq(count, 1);
	check_against_rows("2026-12-01", "2026-12-31");
	check_against_rows("2026-12-02", "2026-12-02");
	check_against_rows("2026-12-03", "2026-12-04");
}
END_TEST

START_TEST(test_compliance_of_an_upgraded_db_is_filled_from_its_step_rows)
{
	/* a DB of the version before the summary, with steps: open fills it from the rows */
	char r[4][AKSES_NUMBER_BUF];
	disposed_after("2026-12-01", 60);
	disposed_after("2026-12-02", 2000);
	disposed_after("2026-12-02", 2011);
	tu_set_now("2026-12-03 08:00");
	world_submit(&w, "2026-12-03 10:00", "2026-12-03 12:00", 0, r[0]);
	world_advance(&w, r[0], RS_RECORDED);
	world_submit(&w, "2026-12-04 10:00", "2026-12-04 12:00", 0, r[1]);
	tu_set_now("2026-12-03 09:00");
	ck_assert_int_eq(store_cancel(w.st, r[1], w.koord, "Pemohon membatalkan"), AKSES_OK);
	struct akses_compliance_row *before = NULL, *after = NULL;
	int nb = 0, na = 0;
	ck_assert_int_eq(store_compliance(w.st, "2026-12-01", "2026-12-31", &before, &nb), AKSES_OK);
	ck_assert_int_ge(nb, 6);
	store_close(w.st);
	w.st = NULL;

	char sql[160];
	if (tu_db_on_server())
		snprintf(sql, sizeof sql, "UPDATE schema_version SET version = %d",
		         STORE_SCHEMA_VERSION - 1);
	else
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION - 1);
	world_exec(&w, "DROP TABLE step_sum; DROP TABLE step_sum_key; DROP TABLE step_sum_fill;");
	world_exec(&w, sql);

	ck_assert_int_eq(store_open(w.path, NULL, &w.st), AKSES_OK);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM step_sum_fill"), 0);
	ck_assert_int_eq(store_compliance(w.st, "2026-12-01", "2026-12-31", &after, &na), AKSES_OK);
	ck_assert_int_eq(na, nb);
	for (int i = 0; i < na; i++) {
		ck_assert_int_eq(after[i].step, before[i].step);
		ck_assert_int_eq(after[i].role, before[i].role);
		ck_assert_int_eq(after[i].count, before[i].count);
		ck_assert_int_eq(after[i].standard_s, before[i].standard_s);
		ck_assert_double_eq_tol(after[i].median_s, before[i].median_s, 1e-9);
		ck_assert_double_eq_tol(after[i].p90_s, before[i].p90_s, 1e-9);
		ck_assert_double_eq_tol(after[i].within_share, before[i].within_share, 1e-9);
	}
	free(before);
	free(after);
	check_against_rows("2026-12-01", "2026-12-31");
	check_against_rows("2026-12-02", "2026-12-02");
	check_against_rows("2026-12-03", "2026-12-03");
	/* and it keeps counting after the fill */
	disposed_after("2026-12-02", 2005);
	int count = 0;
	double median = 0, p90 = 0;
	step2("2026-12-02", "2026-12-02", &count, &median, &p90);
	ck_assert_int_eq(count, 3);
	check_against_rows("2026-12-01", "2026-12-31");
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("store_report");
	TCase *tc = tcase_create("report");
	tcase_add_unchecked_fixture(tc, world_init, NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_day_log_pairs_entries_with_exits_and_lists_denied_scans);
	tcase_add_test(tc, test_day_log_of_ten_thousand_scans_pairs_every_visit);
	tcase_add_test(tc, test_a_visit_across_midnight_follows_the_visit_not_the_day);
	tcase_add_test(tc, test_inside_list_is_who_is_in_the_room_now);
	tcase_add_test(tc, test_compliance_gives_median_p90_and_share_within_standard);
	tcase_add_test(tc, test_compliance_p90_is_the_nearest_rank);
	tcase_add_test(tc, test_compliance_median_in_one_log_bucket_is_within_its_width);
	tcase_add_test(tc, test_compliance_of_a_range_from_mid_history_counts_only_its_days);
	tcase_add_test(tc, test_compliance_counts_a_step_of_a_station_whose_clock_is_behind);
	tcase_add_test(tc, test_compliance_of_an_upgraded_db_is_filled_from_its_step_rows);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(report_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
