/* conc_store.c - the store's rules under several writers at once (issue 11): doors scanning one
 * pass, kiosks taking request numbers, the audit chain, wrong PINs from several stations, and two
 * officials pressing one step. Each race runs many rounds of forked processes (conc_run.c), each
 * with its own connection, on SQLite or on the server AKSES_TEST_DB names. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "conc_run.h"
#include "testutil.h"
#include "wf.h"
#include "world.h"

/* Bounded by count: a race lost once in twenty rounds is caught with near certainty. */
#define ROUNDS 50
#define AUDIT_ROUNDS 20 /* 16 audited writes a round */
#define PIN_ROUNDS 10   /* 24 wrong PINs a round, each an Argon2id verify */
#define NPROC 8

static struct world w;

static void setup(void)
{
	world_open(&w);
}

static void teardown(void)
{
	world_close(&w);
}

/* How many children reported rc (and, when v >= 0, the value v). */
static int conc_count(const struct conc_result *res, int n, akses_status rc, int64_t v)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		k += res[i].rc == (int)rc && (v < 0 || res[i].v == v);
	return k;
}

/* ---- two doors, one pass ------------------------------------------------------------------- */

struct scan_ctx {
	char token[AKSES_TOKEN_BUF];
	int64_t escort;
};

/* A door reads the pass. The door PCs' clocks stand a second apart (10:00:00 and 10:00:01), as
 * two PCs reading their clocks at a second's turn do: a door whose clock is behind the scan it
 * loses the race to must still see a double read, not the visitor walking out again. */
static akses_status race_scan(store *st, int i, const void *ctx, struct conc_result *out)
{
	const struct scan_ctx *c = ctx;
	setenv("AKSES_NOW", i % 2 ? "2026-12-01 10:00:01" : "2026-12-01 10:00:00", 1);
	char station[24];
	snprintf(station, sizeof station, "Pintu %d", i);
	struct akses_scan_result r;
	akses_status rc = store_scan(st, c->token, c->escort, station, SCAN_DIR_AUTO, &r);
	out->v = r.decision;
	return rc;
}

/* The scans with one decision of the request numbered ?1. */
#define SCANS_OF_NUMBER(decision)                                                              \
	"SELECT count(*) FROM scan s JOIN pass p ON p.id = s.pass_id JOIN request r ON"            \
	" r.id = p.request_id WHERE r.number = ?1 AND s.decision = '" decision "'"

START_TEST(test_doors_scanning_one_pass_record_one_entry)
{
	struct conc_result res[NPROC];
	for (int round = 0; round < ROUNDS; round++) {
		char number[AKSES_NUMBER_BUF];
		world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, number);
		world_advance(&w, number, RS_RECORDED);
		struct scan_ctx c = {.escort = w.teknis};
		int64_t pass = world_int_text(&w, "SELECT p.id FROM pass p JOIN request r ON"
		                                  " r.id = p.request_id WHERE r.number = ?1", number);
		ck_assert_int_eq(world_visitor_token(&w, pass, c.token), AKSES_OK);
		conc_run(w.path, NPROC, race_scan, &c, res);
		ck_assert_int_eq(conc_count(res, NPROC, AKSES_OK, -1), NPROC);
		ck_assert_msg(conc_count(res, NPROC, AKSES_OK, SCAN_ENTRY) == 1 &&
		                  conc_count(res, NPROC, AKSES_OK, SCAN_REPEAT) == NPROC - 1,
		              "round %d: %d ENTRY, %d EXIT, %d REPEAT", round,
		              conc_count(res, NPROC, AKSES_OK, SCAN_ENTRY),
		              conc_count(res, NPROC, AKSES_OK, SCAN_EXIT),
		              conc_count(res, NPROC, AKSES_OK, SCAN_REPEAT));
		ck_assert_int_eq(world_int_text(&w, SCANS_OF_NUMBER("ENTRY"), number), 1);
		ck_assert_int_eq(world_int_text(&w, SCANS_OF_NUMBER("EXIT"), number), 0);
		ck_assert_int_eq(world_int_text(&w, "SELECT p.inside FROM pass p JOIN request r ON"
		                                    " r.id = p.request_id WHERE r.number = ?1", number),
		                 1);
	}
}
END_TEST

/* ---- kiosks taking request numbers --------------------------------------------------------- */

struct submit_ctx {
	const char *now, *start, *end;
};

static akses_status race_submit(store *st, int i, const void *ctx, struct conc_result *out)
{
	const struct submit_ctx *c = ctx;
	setenv("AKSES_NOW", c->now, 1);
	struct akses_request_input in;
	world_input(&in, c->start, c->end, i % 3);
	struct akses_submit_result res;
	akses_status rc = store_submit(st, &in, &res, NULL, NULL);
	if (rc == AKSES_OK) {
		snprintf(out->text, sizeof out->text, "%s", res.number);
		out->v = strtoll(res.number + strlen("AKS-YYYYMMDD-"), NULL, 10);
	}
	return rc;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

START_TEST(test_concurrent_submissions_number_each_day_without_gap)
{
	static const struct submit_ctx days[2] = {
	    {"2026-12-01 08:00", "2026-12-01 10:00", "2026-12-01 12:00"},
	    {"2026-12-02 08:00", "2026-12-02 10:00", "2026-12-02 12:00"}};
	static const char *const prefix[2] = {"AKS-20261201-%", "AKS-20261202-%"};
	int64_t taken[2] = {0, 0};
	struct conc_result res[NPROC];
	for (int round = 0; round < ROUNDS; round++) {
		int d = round % 2;
		conc_run(w.path, NPROC, race_submit, &days[d], res);
		int64_t got[NPROC];
		for (int i = 0; i < NPROC; i++) {
			ck_assert_msg(res[i].rc == AKSES_OK, "round %d child %d: %d", round, i, res[i].rc);
			ck_assert_msg(strncmp(res[i].text, prefix[d], 13) == 0, "%s", res[i].text);
			got[i] = res[i].v;
		}
		qsort(got, NPROC, sizeof got[0], cmp_i64);
		for (int i = 0; i < NPROC; i++)
			ck_assert_msg(got[i] == taken[d] + i + 1, "round %d: number %d is %lld, not %lld",
			              round, i, (long long)got[i], (long long)(taken[d] + i + 1));
		taken[d] += NPROC;
		ck_assert_int_eq(world_int_text(&w, "SELECT count(*) FROM request WHERE number LIKE ?1",
		                                prefix[d]),
		                 taken[d]);
		ck_assert_int_eq(world_int_text(&w, "SELECT count(DISTINCT number) FROM request"
		                                    " WHERE number LIKE ?1",
		                                prefix[d]),
		                 taken[d]);
	}
	/* the compliance summary each submission adds to (store_step_sum.c), written under the
	 * same writer lock: no count lost to a race, on the day's row and the later day's (the
	 * rounds alternate days, so a day 1 submission also adds to day 2's cumulative row) */
	char sql[256];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM step WHERE step = 1 AND duration_s >= 0 AND at < %lld",
	         (long long)tu_time("2026-12-02 00:00"));
	ck_assert_int_eq(world_int(&w, "SELECT n FROM step_sum WHERE step = 1"
	                                " AND day = '2026-12-01'"),
	                 world_int(&w, sql));
	ck_assert_int_eq(world_int(&w, "SELECT n FROM step_sum WHERE step = 1"
	                                " AND day = '2026-12-02'"),
	                 world_int(&w, "SELECT count(*) FROM step WHERE step = 1"
	                               " AND duration_s >= 0"));
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM step WHERE step = 1"
	                               " AND duration_s >= 0"),
	                 taken[0] + taken[1]);
}
END_TEST

/* ---- the audit chain ----------------------------------------------------------------------- */

struct audit_ctx {
	int64_t staff;
};

#define AUDIT_WRITES 2

/* Audited writes back to back, half of the stations submitting, half signing in. */
static akses_status race_audit(store *st, int i, const void *ctx, struct conc_result *out)
{
	const struct audit_ctx *c = ctx;
	(void)out;
	for (int k = 0; k < AUDIT_WRITES; k++) {
		akses_status rc;
		if (i % 2) {
			char station[24];
			snprintf(station, sizeof station, "meja-%d", i);
			rc = store_signin(st, c->staff, WORLD_PIN, station, NULL);
		} else {
			struct akses_request_input in;
			struct akses_submit_result res;
			world_input(&in, "2026-12-01 10:00", "2026-12-01 12:00", 1);
			rc = store_submit(st, &in, &res, NULL, NULL);
		}
		if (rc != AKSES_OK)
			return rc;
	}
	return AKSES_OK;
}

START_TEST(test_audit_chain_appended_by_many_processes_verifies_whole)
{
	struct audit_ctx c = {.staff = w.helpdesk};
	struct conc_result res[NPROC];
	for (int round = 0; round < AUDIT_ROUNDS; round++) {
		int64_t before = world_int(&w, "SELECT count(*) FROM audit");
		conc_run(w.path, NPROC, race_audit, &c, res);
		ck_assert_int_eq(conc_count(res, NPROC, AKSES_OK, -1), NPROC);
		int64_t rows = 0, bad = 0;
		ck_assert_msg(world_audit_verify(w.st, &rows, &bad) == AKSES_OK,
		              "round %d: chain broken at row %lld", round, (long long)bad);
		ck_assert_int_eq(rows, before + AUDIT_WRITES * NPROC);
		ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit"), rows);
		ck_assert_int_eq(world_int(&w, "SELECT max(id) FROM audit"), rows);
	}
}
END_TEST

/* ---- wrong PINs from several stations ------------------------------------------------------ */

#define PIN_STATIONS 4
#define PIN_TRIES 6 /* per station: the free tries (5) and one more */

struct pin_ctx {
	char now[24];
	int64_t staff;
};

static akses_status race_pin(store *st, int i, const void *ctx, struct conc_result *out)
{
	const struct pin_ctx *c = ctx;
	(void)out;
	setenv("AKSES_NOW", c->now, 1);
	char station[24];
	snprintf(station, sizeof station, "meja-%d", i % PIN_STATIONS);
	return store_signin(st, c->staff, "999999", station, NULL);
}

START_TEST(test_parallel_wrong_pins_lock_after_exactly_the_free_tries)
{
	enum { N = PIN_STATIONS * PIN_TRIES };
	struct conc_result res[N];
	struct pin_ctx c = {.staff = w.kadis};
	char subject[32];
	snprintf(subject, sizeof subject, "staff:%lld", (long long)w.kadis);
	for (int round = 0; round < PIN_ROUNDS; round++) {
		/* two days apart: the wrong PINs of the round before are out of the 24 h window */
		clock_format(tu_time(WORLD_NOW) + (1 + 2 * round) * 86400LL, c.now, sizeof c.now);
		int64_t alerts = world_int_text(&w, "SELECT count(*) FROM audit WHERE"
		                                    " action = 'signin-alert' AND subject = ?1", subject);
		conc_run(w.path, N, race_pin, &c, res);
		/* each station: 5 wrong PINs counted, then locked out; never one more or one fewer */
		for (int s = 0; s < PIN_STATIONS; s++) {
			int wrong = 0, locked = 0;
			for (int i = s; i < N; i += PIN_STATIONS) {
				wrong += res[i].rc == AKSES_E_PIN_WRONG;
				locked += res[i].rc == AKSES_E_PIN_LOCKED;
			}
			ck_assert_msg(wrong == PIN_TRIES - 1 && locked == 1,
			              "round %d station %d: %d wrong, %d locked", round, s, wrong, locked);
		}
		ck_assert_int_eq(world_int_text(&w, "SELECT count(*) FROM signin WHERE why = 'wrong'"
		                                    " AND at = (SELECT max(at) FROM signin)",
		                                NULL),
		                 PIN_STATIONS * (PIN_TRIES - 1));
		ck_assert_int_eq(world_int_text(&w, "SELECT count(*) FROM signin WHERE why = 'throttled'"
		                                    " AND at = (SELECT max(at) FROM signin)",
		                                NULL),
		                 PIN_STATIONS);
		/* 20 wrong PINs across the stations: the ADMIN's alert raised exactly once */
		ck_assert_int_eq(world_int_text(&w, "SELECT count(*) FROM audit WHERE"
		                                    " action = 'signin-alert' AND subject = ?1", subject),
		                 alerts + 1);
	}
}
END_TEST

/* ---- two officials, one step --------------------------------------------------------------- */

struct step_ctx {
	char number[AKSES_NUMBER_BUF];
	int64_t kadis, kabid;
	bool decide; /* step 5: approve and reject pressed at once; else step 2 pressed by all */
};

static akses_status race_step(store *st, int i, const void *ctx, struct conc_result *out)
{
	const struct step_ctx *c = ctx;
	(void)out;
	if (!c->decide)
		return store_act(st, c->number, WF_DISPOSE_KADIS, c->kadis, NULL);
	return i % 2 ? store_act(st, c->number, WF_REJECT, c->kabid, "Jadwal bentrok")
	             : store_act(st, c->number, WF_APPROVE, c->kabid, NULL);
}

START_TEST(test_a_step_pressed_at_once_is_taken_once)
{
	struct conc_result res[NPROC];
	for (int round = 0; round < ROUNDS; round++) {
		struct step_ctx c = {.kadis = w.kadis, .kabid = w.kabid, .decide = round % 2 == 1};
		world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, c.number);
		if (c.decide)
			world_advance(&w, c.number, RS_VERIFIED);
		conc_run(w.path, NPROC, race_step, &c, res);
		ck_assert_msg(conc_count(res, NPROC, AKSES_OK, -1) == 1 &&
		                  conc_count(res, NPROC, AKSES_E_STATE, -1) == NPROC - 1,
		              "round %d: %d taken, %d refused as AKSES_E_STATE", round,
		              conc_count(res, NPROC, AKSES_OK, -1),
		              conc_count(res, NPROC, AKSES_E_STATE, -1));
		char sql[160];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM step s JOIN request r ON"
		                          " r.id = s.request_id WHERE r.number = ?1 AND s.step = %d",
		         c.decide ? 5 : 2);
		ck_assert_int_eq(world_int_text(&w, sql, c.number), 1);
		int64_t steps = c.decide ? 5 : 2; /* steps 1-5, or 1-2: nothing written twice */
		ck_assert_int_eq(world_int_text(&w, "SELECT count(*) FROM step s JOIN request r ON"
		                                    " r.id = s.request_id WHERE r.number = ?1",
		                                c.number),
		                 steps);
		int winner = -1;
		for (int i = 0; i < NPROC; i++)
			if (res[i].rc == AKSES_OK)
				winner = i;
		req_state want = !c.decide ? RS_DISPOSED_KADIS : winner % 2 ? RS_REJECTED : RS_APPROVED;
		ck_assert_int_eq(world_state(&w, c.number), want);
	}
	int64_t rows = 0;
	ck_assert_int_eq(world_audit_verify(w.st, &rows, NULL), AKSES_OK);
}
END_TEST

/* One case per race, so that CK_RUN_CASE=scan (numbers, audit, pin, step) runs one alone. */
static void conc_case(Suite *s, const char *name, const TTest *test)
{
	TCase *tc = tcase_create(name);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test);
	suite_add_tcase(s, tc);
}

static Suite *conc_suite(void)
{
	Suite *s = suite_create("conc_store");
	conc_case(s, "scan", test_doors_scanning_one_pass_record_one_entry);
	conc_case(s, "numbers", test_concurrent_submissions_number_each_day_without_gap);
	conc_case(s, "audit", test_audit_chain_appended_by_many_processes_verifies_whole);
	conc_case(s, "pin", test_parallel_wrong_pins_lock_after_exactly_the_free_tries);
	conc_case(s, "step", test_a_step_pressed_at_once_is_taken_once);
	return s;
}

int main(void)
{
	world_init();
	SRunner *sr = srunner_create(conc_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
