/* test_store_scan.c - SOP step 7 at the door: entries and exits, every reason a scan is denied,
 * garbage from the scanner, overstays, and the request moving ON_SITE -> VISITED. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store.h"
#include "store_int.h" /* the store's own connection, for its round trips */
#include "testutil.h"
#include "world.h"

#define DOOR "Pintu Ruang Server"

static struct world w;
static char number[AKSES_NUMBER_BUF];
static char tok[3][AKSES_TOKEN_BUF]; /* the applicant's and two companions' tokens */
static int64_t pid[3];

/* A recorded request for today 10:00-12:00 (grace 15 min) with two companions, escorted by
 * w.teknis, each pass with a fresh token. The clock is at 08:00. */
static void setup(void)
{
	world_open(&w);
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 2, number);
	world_advance(&w, number, RS_RECORDED);
	struct akses_pass *p = NULL;
	int n = 0;
	ck_assert_int_eq(store_pass_list(w.st, number, &p, &n), AKSES_OK);
	ck_assert_int_eq(n, 3);
	for (int i = 0; i < 3; i++) {
		pid[i] = p[i].id;
		ck_assert_int_eq(world_visitor_token(&w, pid[i], tok[i]), AKSES_OK);
	}
	free(p);
}

static void teardown(void)
{
	world_close(&w);
}

/* Scan at a pinned time by w.teknis; asserts the scan was recorded. */
static struct akses_scan_result scan_at(const char *when, const char *token, scan_direction dir)
{
	struct akses_scan_result r;
	tu_set_now(when);
	akses_status rc = store_scan(w.st, token, w.teknis, DOOR, dir, &r);
	ck_assert_msg(rc == AKSES_OK, "scan at %s: %d", when, rc);
	ck_assert_int_gt(r.scan_id, 0);
	ck_assert_int_eq(r.at, tu_time(when));
	return r;
}

static void assert_denied(struct akses_scan_result r, deny_reason why)
{
	ck_assert_int_eq(r.decision, SCAN_DENIED);
	ck_assert_int_eq(r.reason, why);
}

/* One integer from a query through a second connection (what another process sees committed). */
static int64_t sql_int(const char *sql, const char *text)
{
	return world_int_text(&w, sql, text);
}

static bool pass_inside(int64_t id)
{
	struct akses_pass p;
	ck_assert_int_eq(world_pass(&w, id, &p), AKSES_OK);
	return p.inside;
}

START_TEST(test_entry_before_the_grace_is_not_yet_valid)
{
	struct akses_scan_result r = scan_at("2026-12-01 09:44:59", tok[0], SCAN_DIR_AUTO);
	assert_denied(r, DENY_NOT_YET_VALID);
	ck_assert_int_eq(r.pass_id, pid[0]);
	ck_assert_str_eq(r.number, number);
	ck_assert_str_eq(r.name, WORLD_NAME);
	ck_assert(!pass_inside(pid[0]));
}
END_TEST

START_TEST(test_entry_inside_the_grace_is_allowed)
{
	struct akses_scan_result r = scan_at("2026-12-01 09:45", tok[1], SCAN_DIR_AUTO);
	ck_assert_int_eq(r.decision, SCAN_ENTRY);
	ck_assert_int_eq(r.reason, DENY_NONE);
	ck_assert_str_eq(r.name, "Ni Luh Putu Ayu");
	ck_assert_str_eq(r.institution, "PT Awan Nusantara");
	ck_assert(!r.overstay);
	ck_assert(pass_inside(pid[1]));
}
END_TEST

START_TEST(test_entry_after_the_window_is_expired)
{
	assert_denied(scan_at("2026-12-01 12:00", tok[0], SCAN_DIR_AUTO), DENY_EXPIRED);
	assert_denied(scan_at("2026-12-01 18:00", tok[0], SCAN_DIR_IN), DENY_EXPIRED);
	ck_assert(!pass_inside(pid[0]));
}
END_TEST

START_TEST(test_entry_then_exit_then_second_exit_is_not_inside)
{
	ck_assert_int_eq(scan_at("2026-12-01 10:00", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	struct akses_scan_result r = scan_at("2026-12-01 10:40", tok[0], SCAN_DIR_AUTO);
	ck_assert_int_eq(r.decision, SCAN_EXIT);
	ck_assert(!r.overstay);
	ck_assert(!pass_inside(pid[0]));
	assert_denied(scan_at("2026-12-01 10:45", tok[0], SCAN_DIR_OUT), DENY_NOT_INSIDE);
	/* and in again, within the window */
	ck_assert_int_eq(scan_at("2026-12-01 11:00", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
}
END_TEST

START_TEST(test_in_twice_is_already_inside)
{
	ck_assert_int_eq(scan_at("2026-12-01 10:00", tok[0], SCAN_DIR_IN).decision, SCAN_ENTRY);
	assert_denied(scan_at("2026-12-01 10:05", tok[0], SCAN_DIR_IN), DENY_ALREADY_INSIDE);
	ck_assert(pass_inside(pid[0]));
}
END_TEST

/* A double read is neither a passage nor a denial: a neutral REPEAT, recorded, changing nothing,
 * and the day's log does not count it among the denied scans. */
START_TEST(test_repeat_scan_within_the_guard_is_a_double_read)
{
	ck_assert_int_eq(scan_at("2026-12-01 10:00:00", tok[0], SCAN_DIR_AUTO).decision,
	                 SCAN_ENTRY);
	/* the scanner read the badge again: not an exit */
	struct akses_scan_result r = scan_at("2026-12-01 10:00:05", tok[0], SCAN_DIR_AUTO);
	ck_assert_int_eq(r.decision, SCAN_REPEAT);
	ck_assert_int_eq(r.reason, DENY_NONE);
	ck_assert_str_eq(r.number, number);
	ck_assert(pass_inside(pid[0]));
	ck_assert_int_eq(scan_at("2026-12-01 10:00:10", tok[0], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	r = scan_at("2026-12-01 10:00:19", tok[0], SCAN_DIR_AUTO);
	ck_assert_int_eq(r.decision, SCAN_REPEAT);
	ck_assert_int_eq(r.reason, DENY_NONE);
	ck_assert(!pass_inside(pid[0]));
	/* past the guard the pass works as before */
	ck_assert_int_eq(scan_at("2026-12-01 10:00:40", tok[0], SCAN_DIR_AUTO).decision,
	                 SCAN_ENTRY);

	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan WHERE decision = 'REPEAT'"
	                         " AND reason = ''",
	                         NULL),
	                 2);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan WHERE decision = 'DENIED'", NULL), 0);
	struct akses_day_log log;
	ck_assert_int_eq(store_day_log(w.st, "2026-12-01", &log), AKSES_OK);
	ck_assert_int_eq(log.n_denied, 0);
	ck_assert_int_eq(log.n_visits, 2);
	store_day_log_free(&log);
}
END_TEST

/* A visit recorded at 08:00 for 10:00: before the window the escort's inbox shows step 7 due at
 * 10:03, not overdue; the visitor let in at 10:01 makes step 7 take 60 s, within its 3 minutes,
 * and compliance shows step 7 at 100 %. (It was timed from step 6: 3 hours, always late.) */
START_TEST(test_step_7_is_timed_from_the_window_start)
{
	tu_set_now("2026-12-01 09:00");
	struct akses_request_summary *box = NULL;
	int n = 0;
	ck_assert_int_eq(store_inbox(w.st, w.teknis, &box, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(box[0].next_step, 7);
	ck_assert_int_eq(box[0].due_at, tu_time("2026-12-01 10:03"));
	ck_assert_int_lt(tu_time("2026-12-01 09:00"), box[0].due_at); /* not overdue */
	free(box);
	ck_assert_int_eq(scan_at("2026-12-01 09:58", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:01", tok[1], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	/* inside: due when the window ends */
	ck_assert_int_eq(store_inbox(w.st, w.teknis, &box, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(box[0].due_at, tu_time("2026-12-01 12:00"));
	free(box);
	ck_assert_int_eq(scan_at("2026-12-01 11:00", tok[0], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	ck_assert_int_eq(scan_at("2026-12-01 11:05", tok[1], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	/* the first entry (09:58, in the grace) started the escort on time */
	ck_assert_int_eq(sql_int("SELECT duration_s FROM step WHERE step = 7", NULL), 0);
	struct akses_compliance_row *rows = NULL;
	ck_assert_int_eq(store_compliance(w.st, "2026-12-01", "2026-12-01", &rows, &n), AKSES_OK);
	bool seen = false;
	for (int i = 0; i < n; i++)
		if (rows[i].step == 7) {
			seen = true;
			ck_assert_int_eq(rows[i].count, 1);
			ck_assert(rows[i].within_share > 0.99);
		}
	ck_assert(seen);
	free(rows);
}
END_TEST

/* A visitor who came 10 minutes late: step 7 took 10 minutes, over its standard. */
START_TEST(test_step_7_counts_a_late_start_against_the_standard)
{
	ck_assert_int_eq(scan_at("2026-12-01 10:10", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:40", tok[0], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	ck_assert_int_eq(sql_int("SELECT duration_s FROM step WHERE step = 7", NULL), 600);
}
END_TEST

START_TEST(test_explicit_exit_right_after_entry_is_an_exit_not_a_double_read)
{
	/* the escort chose "out": that is what they mean, even a few seconds after the entry */
	ck_assert_int_eq(scan_at("2026-12-01 10:00:00", tok[0], SCAN_DIR_IN).decision, SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:00:03", tok[0], SCAN_DIR_OUT).decision, SCAN_EXIT);
	ck_assert(!pass_inside(pid[0]));
	/* and anti-passback still refuses a second "out" */
	assert_denied(scan_at("2026-12-01 10:00:04", tok[0], SCAN_DIR_OUT), DENY_NOT_INSIDE);
}
END_TEST

START_TEST(test_repeat_guard_follows_the_configured_seconds)
{
	store_close(w.st);
	struct store_options opt = {.pass_grace_min = 30, .scan_repeat_s = 0, .busy_timeout_ms = 0};
	ck_assert_int_eq(store_open(w.path, &opt, &w.st), AKSES_OK);
	/* 30 minutes of grace now */
	ck_assert_int_eq(scan_at("2026-12-01 09:30", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 09:30", tok[0], SCAN_DIR_AUTO).decision, SCAN_EXIT);
}
END_TEST

START_TEST(test_revoked_pass_is_denied_revoked)
{
	tu_set_now("2026-12-01 09:00");
	ck_assert_int_eq(store_pass_revoke(w.st, pid[2], w.kabid, "Tidak berwenang"), AKSES_OK);
	assert_denied(scan_at("2026-12-01 10:00", tok[2], SCAN_DIR_AUTO), DENY_REVOKED);
	ck_assert(!pass_inside(pid[2]));
	ck_assert_int_eq(scan_at("2026-12-01 10:00", tok[1], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
}
END_TEST

START_TEST(test_visitor_inside_when_revoked_can_still_be_let_out)
{
	ck_assert_int_eq(scan_at("2026-12-01 10:00", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	ck_assert_int_eq(store_pass_revoke(w.st, pid[0], w.koord, "Melanggar aturan"), AKSES_OK);
	assert_denied(scan_at("2026-12-01 10:10", tok[0], SCAN_DIR_IN), DENY_REVOKED);
	ck_assert_int_eq(scan_at("2026-12-01 10:11", tok[0], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	ck_assert(!pass_inside(pid[0]));
	assert_denied(scan_at("2026-12-01 10:20", tok[0], SCAN_DIR_AUTO), DENY_REVOKED);
}
END_TEST

START_TEST(test_another_escort_gets_wrong_escort)
{
	struct akses_scan_result r;
	tu_set_now("2026-12-01 10:00");
	ck_assert_int_eq(store_scan(w.st, tok[0], w.teknis2, DOOR, SCAN_DIR_AUTO, &r), AKSES_OK);
	assert_denied(r, DENY_WRONG_ESCORT);
	ck_assert(!pass_inside(pid[0]));
	ck_assert_int_eq(sql_int("SELECT escort_id FROM scan ORDER BY id DESC LIMIT 1", NULL),
	                 w.teknis2);
}
END_TEST

START_TEST(test_unknown_escort_is_an_error_and_records_nothing)
{
	struct akses_scan_result r;
	tu_set_now("2026-12-01 10:00");
	ck_assert_int_eq(store_scan(w.st, tok[0], 999999, DOOR, SCAN_DIR_AUTO, &r),
	                 AKSES_E_STAFF_NOT_FOUND);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan", NULL), 0);
}
END_TEST

START_TEST(test_token_with_one_character_changed_is_unknown)
{
	char forged[AKSES_TOKEN_BUF];
	memcpy(forged, tok[0], sizeof forged);
	forged[17] = forged[17] == 'A' ? 'B' : 'A';
	struct akses_scan_result r = scan_at("2026-12-01 10:00", forged, SCAN_DIR_AUTO);
	assert_denied(r, DENY_UNKNOWN);
	ck_assert_int_eq(r.pass_id, 0);
	ck_assert_str_eq(r.number, "");
	ck_assert_str_eq(r.name, "");
	/* recorded without a pass, and the typed token is kept nowhere */
	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan WHERE pass_id IS NULL"
	                         " AND decision = 'DENIED' AND reason = 'unknown'",
	                         NULL),
	                 1);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM audit WHERE action = 'scan'"
	                         " AND subject = 'unknown' AND replace(detail, ?1, '') = detail",
	                         forged),
	                 1);
}
END_TEST

START_TEST(test_lowercase_and_padded_token_from_a_scanner_is_accepted)
{
	char typed[AKSES_TOKEN_BUF + 4];
	snprintf(typed, sizeof typed, " %s ", tok[0]);
	for (char *c = typed; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	ck_assert_int_eq(scan_at("2026-12-01 10:00", typed, SCAN_DIR_AUTO).decision, SCAN_ENTRY);
}
END_TEST

START_TEST(test_garbage_from_the_scanner_is_unknown_and_recorded)
{
	char *huge = malloc(10001);
	ck_assert_ptr_nonnull(huge);
	memset(huge, 'A', 10000);
	huge[10000] = '\0';
	const char *garbage[] = {
	    "'; DROP TABLE scan;--",
	    huge,
	    "\xff\xfe\xc3\x28 invalid utf-8",
	    "",
	    NULL,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", /* well formed, but nobody's */
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456\n",
	};
	int n = (int)(sizeof garbage / sizeof garbage[0]);
	for (int i = 0; i < n; i++) {
		struct akses_scan_result r = scan_at("2026-12-01 10:00", garbage[i], SCAN_DIR_AUTO);
		assert_denied(r, DENY_UNKNOWN);
	}
	free(huge);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan WHERE reason = 'unknown'", NULL), n);
	ck_assert_int_eq(store_check(w.st), AKSES_OK);
	/* the real passes still work */
	ck_assert_int_eq(scan_at("2026-12-01 10:01", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
}
END_TEST

START_TEST(test_exit_after_the_window_is_allowed_and_flagged_overstay)
{
	ck_assert_int_eq(scan_at("2026-12-01 11:30", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	/* still inside after the end: a re-entry attempt says so, and flags it */
	struct akses_scan_result r = scan_at("2026-12-01 12:10", tok[0], SCAN_DIR_IN);
	assert_denied(r, DENY_ALREADY_INSIDE);
	ck_assert(r.overstay);
	r = scan_at("2026-12-01 12:30", tok[0], SCAN_DIR_AUTO);
	ck_assert_int_eq(r.decision, SCAN_EXIT);
	ck_assert(r.overstay);
	ck_assert_int_eq(sql_int("SELECT overstay FROM scan WHERE decision = 'EXIT'", NULL), 1);
}
END_TEST

START_TEST(test_request_goes_on_site_then_visited_with_a_step_7_row)
{
	ck_assert_int_eq(scan_at("2026-12-01 10:00", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	ck_assert_int_eq(world_state(&w, number), RS_ON_SITE);
	ck_assert_int_eq(scan_at("2026-12-01 10:01", tok[1], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:50", tok[0], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	/* a companion is still inside */
	ck_assert_int_eq(world_state(&w, number), RS_ON_SITE);
	ck_assert_int_eq(scan_at("2026-12-01 11:00", tok[1], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	ck_assert_int_eq(world_state(&w, number), RS_VISITED);

	struct akses_step_rec *t = NULL;
	int n = 0;
	ck_assert_int_eq(store_timeline(w.st, number, &t, &n), AKSES_OK);
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(t[n - 1].step, 7);
	ck_assert_int_eq(t[n - 1].action, WF_VISIT_END);
	ck_assert_int_eq(t[n - 1].actor_id, w.teknis);
	ck_assert_int_eq(t[n - 1].role, ROLE_TIM_TEKNIS);
	ck_assert_int_eq(t[n - 1].at, tu_time("2026-12-01 11:00"));
	free(t);

	/* a second visit within the window: on site again, and a second step 7 row at its end */
	ck_assert_int_eq(scan_at("2026-12-01 11:10", tok[2], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	ck_assert_int_eq(world_state(&w, number), RS_ON_SITE);
	/* the finished first visit is not forgotten: the last step stays 7 */
	ck_assert_int_eq(sql_int("SELECT last_step FROM request", NULL), 7);
	ck_assert_int_eq(scan_at("2026-12-01 11:20", tok[2], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	ck_assert_int_eq(world_state(&w, number), RS_VISITED);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM step WHERE step = 7", NULL), 2);
}
END_TEST

/* Nobody revoked these passes: the report closed the visit while its window was still open, and
 * the door says that ("visit closed"), not "revoked". */
START_TEST(test_scan_of_a_reported_request_is_denied_visit_closed)
{
	ck_assert_int_eq(scan_at("2026-12-01 10:00", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	ck_assert_int_eq(scan_at("2026-12-01 10:30", tok[0], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	ck_assert_int_eq(store_report_write(w.st, number, w.helpdesk, "Penggantian disk selesai."),
	                 AKSES_OK);
	assert_denied(scan_at("2026-12-01 10:40", tok[0], SCAN_DIR_AUTO), DENY_CLOSED);
	assert_denied(scan_at("2026-12-01 10:41", tok[1], SCAN_DIR_AUTO), DENY_CLOSED);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan WHERE reason = 'visit-closed'", NULL), 2);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan WHERE reason = 'revoked'", NULL), 0);
	/* a pass that was revoked is still called revoked */
	tu_set_now("2026-12-01 10:42");
	ck_assert_int_eq(store_pass_revoke(w.st, pid[2], w.koord, NULL), AKSES_OK);
	assert_denied(scan_at("2026-12-01 10:43", tok[2], SCAN_DIR_AUTO), DENY_REVOKED);
}
END_TEST

/* The visitor holds up the receipt instead of the pass: told so, not "unknown pass". */
START_TEST(test_a_receipt_scanned_at_the_door_is_called_a_receipt)
{
	struct akses_request_input in;
	struct akses_submit_result res;
	world_input(&in, "2026-12-01 10:00", "2026-12-01 12:00", 0);
	tu_set_now("2026-12-01 08:10");
	ck_assert_int_eq(store_submit(w.st, &in, &res, NULL, NULL), AKSES_OK);
	struct akses_scan_result r = scan_at("2026-12-01 10:05", res.receipt_token, SCAN_DIR_AUTO);
	assert_denied(r, DENY_RECEIPT);
	ck_assert_int_eq(r.pass_id, 0);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan WHERE reason = 'receipt'"
	                         " AND pass_id IS NULL",
	                         NULL),
	                 1);
	/* as a scanner types it (lowercase) too; a stranger's token stays unknown */
	for (char *c = res.receipt_token; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	assert_denied(scan_at("2026-12-01 10:06", res.receipt_token, SCAN_DIR_AUTO), DENY_RECEIPT);
	res.receipt_token[0] = res.receipt_token[0] == 'a' ? 'b' : 'a';
	assert_denied(scan_at("2026-12-01 10:07", res.receipt_token, SCAN_DIR_AUTO), DENY_UNKNOWN);
}
END_TEST

START_TEST(test_every_denied_scan_is_recorded_with_its_reason)
{
	scan_at("2026-12-01 09:00", tok[0], SCAN_DIR_AUTO);    /* not-yet-valid */
	scan_at("2026-12-01 10:00", "NOPE", SCAN_DIR_AUTO);    /* unknown */
	scan_at("2026-12-01 10:00", tok[0], SCAN_DIR_OUT);     /* not-inside */
	scan_at("2026-12-01 10:01", tok[0], SCAN_DIR_AUTO);    /* ENTRY */
	scan_at("2026-12-01 10:01:03", tok[0], SCAN_DIR_AUTO); /* a double read: REPEAT */
	struct akses_scan_result r;
	ck_assert_int_eq(store_scan(w.st, tok[1], w.teknis2, "Pintu B", SCAN_DIR_AUTO, &r),
	                 AKSES_OK); /* wrong-escort */
	tu_set_now("2026-12-01 10:05");
	ck_assert_int_eq(store_pass_revoke(w.st, pid[2], w.koord, NULL), AKSES_OK);
	scan_at("2026-12-01 10:06", tok[2], SCAN_DIR_AUTO); /* revoked */
	scan_at("2026-12-01 12:06", tok[1], SCAN_DIR_AUTO); /* expired */

	db *d = world_db(&w, false);
	db_stmt *s = NULL;
	ck_assert_int_eq(
	    db_prepare(d, "SELECT decision, reason, station FROM scan ORDER BY id", &s), DB_OK);
	const char *want[][3] = {
	    {"DENIED", "not-yet-valid", DOOR},  {"DENIED", "unknown", DOOR},
	    {"DENIED", "not-inside", DOOR},     {"ENTRY", "", DOOR},
	    {"REPEAT", "", DOOR},               {"DENIED", "wrong-escort", "Pintu B"},
	    {"DENIED", "revoked", DOOR},        {"DENIED", "expired", DOOR},
	};
	int i = 0;
	while (db_step(s) == DB_ROW) {
		ck_assert_int_lt(i, 8);
		ck_assert_str_eq(db_col_text(s, 0), want[i][0]);
		ck_assert_str_eq(db_col_text(s, 1), want[i][1]);
		ck_assert_str_eq(db_col_text(s, 2), want[i][2]);
		i++;
	}
	ck_assert_int_eq(i, 8);
	db_finalize(s);
	db_close(d);
	/* each scan has its audit row, and the chain holds */
	ck_assert_int_eq(sql_int("SELECT count(*) FROM audit WHERE action = 'scan'", NULL), 8);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM audit WHERE action = 'scan'"
	                         " AND detail = 'DENIED wrong-escort station=Pintu B'",
	                         NULL),
	                 1);
	int64_t rows = 0, bad = 0;
	ck_assert_int_eq(world_audit_verify(w.st, &rows, &bad), AKSES_OK);
}
END_TEST

/* The denial names the escort the request is assigned to, so the escort at the door knows whom to
 * call; an accepted scan carries the declared equipment for the ENTRY/EXIT screens. */
START_TEST(test_wrong_escort_names_the_assigned_escort_and_entry_lists_equipment)
{
	struct akses_scan_result r;
	tu_set_now("2026-12-01 10:00");
	ck_assert_int_eq(store_scan(w.st, tok[0], w.teknis2, DOOR, SCAN_DIR_AUTO, &r), AKSES_OK);
	assert_denied(r, DENY_WRONG_ESCORT);
	ck_assert_str_eq(r.escort_name, "Andi Teknisi");
	r = scan_at("2026-12-01 10:01", tok[0], SCAN_DIR_AUTO);
	ck_assert_int_eq(r.decision, SCAN_ENTRY);
	ck_assert_int_eq(r.n_equipment, 2);
	ck_assert_str_eq(r.equipment[0], "Laptop Lenovo T14 (SN 7788)");
	ck_assert_str_eq(r.equipment[1], "Hard disk 4 TB x2");
	ck_assert(!r.manual);
	r = scan_at("2026-12-01 09:00", tok[1], SCAN_DIR_AUTO);
	assert_denied(r, DENY_NOT_YET_VALID);
	ck_assert_int_eq(r.valid_from, tu_time("2026-12-01 09:45"));
}
END_TEST

/* A torn badge: the number and the person, the same rule, a scan row marked manual. */
START_TEST(test_manual_entry_by_number_uses_the_same_rule_and_is_marked)
{
	struct akses_scan_result r;
	tu_set_now("2026-12-01 10:00");
	ck_assert_int_eq(store_scan_manual(w.st, number, 2, w.teknis, DOOR, SCAN_DIR_AUTO, &r),
	                 AKSES_OK);
	ck_assert_int_eq(r.decision, SCAN_ENTRY);
	ck_assert_int_eq(r.pass_id, pid[2]);
	ck_assert(r.manual);
	ck_assert(pass_inside(pid[2]));
	ck_assert_int_eq(sql_int("SELECT manual FROM scan ORDER BY id DESC LIMIT 1", NULL), 1);
	/* the same checks as a scan: another escort is refused, and that is recorded too */
	ck_assert_int_eq(store_scan_manual(w.st, number, 0, w.teknis2, DOOR, SCAN_DIR_AUTO, &r),
	                 AKSES_OK);
	assert_denied(r, DENY_WRONG_ESCORT);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan WHERE manual = 1", NULL), 2);
	/* no such person, no such request, a malformed number: nothing recorded */
	ck_assert_int_eq(store_scan_manual(w.st, number, 5, w.teknis, DOOR, SCAN_DIR_AUTO, &r),
	                 AKSES_E_PASS_NOT_FOUND);
	ck_assert_int_eq(store_scan_manual(w.st, "AKS-20261201-09999", 0, w.teknis, DOOR,
	                                   SCAN_DIR_AUTO, &r),
	                 AKSES_E_REQUEST_NOT_FOUND);
	ck_assert_int_eq(store_scan_manual(w.st, "12; DROP", 0, w.teknis, DOOR, SCAN_DIR_AUTO, &r),
	                 AKSES_E_REQUEST_NUMBER);
	ck_assert_int_eq(sql_int("SELECT count(*) FROM scan", NULL), 2);
	/* a request not recorded yet has no pass: denied as such, and recorded */
	char pending[AKSES_NUMBER_BUF];
	world_submit(&w, "2026-12-01 10:00", "2026-12-01 12:00", 0, pending);
	ck_assert_int_eq(store_scan_manual(w.st, pending, 0, w.teknis, DOOR, SCAN_DIR_AUTO, &r),
	                 AKSES_OK);
	assert_denied(r, DENY_NOT_ISSUED);
	ck_assert_str_eq(r.number, pending);
}
END_TEST

/* On a server each statement a scan waits for is a round trip, and under load a round trip costs
 * two wake-ups: a door's scan took 11 and ran at 2-2.8x a bare INSERT + COMMIT on a busy machine
 * (docs/benchmarks.md). An entry and an exit of a pass whose request is already on site wait
 * twice: the facts in one read (the BEGIN, the writer lock and the new row's id with them), then
 * the scan row, the pass's change and the audit row sent with the COMMIT. The audit chain stays
 * whole. SQLite has no server: 0. */
START_TEST(test_a_scan_waits_on_a_server_at_most_twice)
{
	ck_assert_int_eq(scan_at("2026-12-01 10:00", tok[0], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	bool server = db_engine_of(w.st->db) == DB_ENGINE_PG;
	int64_t before = db_round_trips(w.st->db);
	ck_assert_int_eq(scan_at("2026-12-01 10:05", tok[1], SCAN_DIR_AUTO).decision, SCAN_ENTRY);
	int64_t entry = db_round_trips(w.st->db) - before;
	before = db_round_trips(w.st->db);
	ck_assert_int_eq(scan_at("2026-12-01 10:40", tok[1], SCAN_DIR_AUTO).decision, SCAN_EXIT);
	int64_t exit = db_round_trips(w.st->db) - before;
	if (server) {
		ck_assert_msg(entry >= 1 && entry <= 2, "entry: %lld round trips", (long long)entry);
		ck_assert_msg(exit >= 1 && exit <= 2, "exit: %lld round trips", (long long)exit);
	} else {
		ck_assert_int_eq(entry, 0);
		ck_assert_int_eq(exit, 0);
	}
	ck_assert(pass_inside(pid[0]));
	ck_assert(!pass_inside(pid[1]));
	struct store_audit_result a;
	ck_assert_int_eq(store_audit_check(w.st, NULL, &a), AKSES_OK);
	ck_assert_int_eq(a.bad_id, 0);
}
END_TEST

static Suite *scan_suite(void)
{
	Suite *s = suite_create("store_scan");
	TCase *tc = tcase_create("scan");
	tcase_add_unchecked_fixture(tc, world_init, NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_entry_before_the_grace_is_not_yet_valid);
	tcase_add_test(tc, test_entry_inside_the_grace_is_allowed);
	tcase_add_test(tc, test_entry_after_the_window_is_expired);
	tcase_add_test(tc, test_entry_then_exit_then_second_exit_is_not_inside);
	tcase_add_test(tc, test_in_twice_is_already_inside);
	tcase_add_test(tc, test_repeat_scan_within_the_guard_is_a_double_read);
	tcase_add_test(tc, test_explicit_exit_right_after_entry_is_an_exit_not_a_double_read);
	tcase_add_test(tc, test_repeat_guard_follows_the_configured_seconds);
	tcase_add_test(tc, test_revoked_pass_is_denied_revoked);
	tcase_add_test(tc, test_visitor_inside_when_revoked_can_still_be_let_out);
	tcase_add_test(tc, test_another_escort_gets_wrong_escort);
	tcase_add_test(tc, test_unknown_escort_is_an_error_and_records_nothing);
	tcase_add_test(tc, test_token_with_one_character_changed_is_unknown);
	tcase_add_test(tc, test_lowercase_and_padded_token_from_a_scanner_is_accepted);
	tcase_add_test(tc, test_garbage_from_the_scanner_is_unknown_and_recorded);
	tcase_add_test(tc, test_exit_after_the_window_is_allowed_and_flagged_overstay);
	tcase_add_test(tc, test_request_goes_on_site_then_visited_with_a_step_7_row);
	tcase_add_test(tc, test_scan_of_a_reported_request_is_denied_visit_closed);
	tcase_add_test(tc, test_a_receipt_scanned_at_the_door_is_called_a_receipt);
	tcase_add_test(tc, test_step_7_is_timed_from_the_window_start);
	tcase_add_test(tc, test_step_7_counts_a_late_start_against_the_standard);
	tcase_add_test(tc, test_every_denied_scan_is_recorded_with_its_reason);
	tcase_add_test(tc, test_wrong_escort_names_the_assigned_escort_and_entry_lists_equipment);
	tcase_add_test(tc, test_manual_entry_by_number_uses_the_same_rule_and_is_marked);
	tcase_add_test(tc, test_a_scan_waits_on_a_server_at_most_twice);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(scan_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
