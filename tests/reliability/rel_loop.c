/* rel_loop.c - one "station" of the reliability tests: a process that drives the real store on a
 * real DB file in a tight loop (submissions, door scans, SOP actions or reads) and prints each
 * confirmation only after the store returned AKSES_OK, i.e. after its commit.
 *
 * Usage: rel_loop MODE DB SECONDS [ARGS...]   (SECONDS 0: until killed)
 *   submit                          store_submit; prints the request number
 *   scan ESCORT STATION TOKEN...    store_scan AUTO, round robin; prints "SCAN id pass decision"
 *   flow KADIS KABID KOORD HELPDESK TEKNIS
 *                                   takes the oldest waiting request one SOP step on (steps 2-6;
 *                                   every 4th is rejected); prints "ACT number code"
 *   read KADIS                      lists, inbox, day log, inside, timeline, audit verify, check
 * A time-bounded run ends with "done ok=N refused=N busy=N failed=N max_ms=N" (max_ms: the
 * slowest round, the longest a station waited for the others) and exits 0 only when no
 * AKSES_E_BUSY and no failure happened; "refused" counts the clean refusals a race explains
 * (AKSES_E_STATE: another station took the step first). Anything else unexpected is printed on
 * stderr and makes the exit status 1. The clock is the core's (AKSES_NOW pins it). $REL_PAUSE_MS
 * makes the station rest that long between two rounds (a door does not scan 200 times a second).
 * On a PostgreSQL server that is gone (AKSES_E_DB_GONE: killed, restarting, failing over) a
 * station waits 100 ms and goes on, as a kiosk does, counting "gone=N" (tests/pg/fault_*.sh);
 * $REL_MAX_OK stops it after that many confirmations, whatever SECONDS says. $REL_TRACE=FILE
 * appends one line per outcome to FILE, "EPOCH_MS ok|refused|gone|busy|failed", so that a test
 * can tell when a station met a hung server and that it kept going (tests/pg/fault_hang.sh).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "settings.h"
#include "store.h"
#include "wf.h"

struct loop_count {
	long ok, refused, busy, failed, gone;
};

static const char *loop_mode = "";
static FILE *loop_trace; /* $REL_TRACE, when set */

/* One outcome into the trace, with the wall clock in ms (the shell's `date +%s%3N`). */
static void loop_trace_note(const char *what)
{
	if (!loop_trace)
		return;
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	fprintf(loop_trace, "%lld %s\n", (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000, what);
	fflush(loop_trace);
}

/* Count one outcome; an unexpected status is reported on stderr with the store's diagnostic. */
static void loop_note(store *st, struct loop_count *c, akses_status rc, bool refusal_ok,
                      const char *what)
{
	if (rc == AKSES_OK) {
		c->ok++;
		loop_trace_note("ok");
		return;
	}
	if (rc == AKSES_E_STATE && refusal_ok) {
		c->refused++;
		loop_trace_note("refused");
		return;
	}
	if (akses_status_is_offline(rc)) {
		/* nothing was written, or for a cut-off COMMIT nothing is claimed: not confirmed */
		c->gone++;
		loop_trace_note("gone");
		struct timespec wait = {0, 100 * 1000000L};
		nanosleep(&wait, NULL);
		return;
	}
	if (rc == AKSES_E_BUSY)
		c->busy++;
	else
		c->failed++;
	loop_trace_note(rc == AKSES_E_BUSY ? "busy" : "failed");
	fprintf(stderr, "rel_loop %s: %s: status %d %s (%s)\n", loop_mode, what, rc,
	        akses_status_message(rc), store_errmsg(st));
}

/* Seconds on the monotonic clock, for the run's length (the core clock may be pinned). */
static double loop_elapsed(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* One valid request for the window [now + 1 h, now + 3 h]; every third with two companions, so
 * that a kill can land between the request row and its companion rows. */
static akses_status loop_submit(store *st, long i, char number[AKSES_NUMBER_BUF])
{
	struct akses_request_input in;
	memset(&in, 0, sizeof in);
	int64_t now = clock_now();
	in.name = "Nurul 'Aini";
	in.nik = "1371014507900001";
	in.institution = "PT Awan Nusantara";
	in.phone = "0812-3456-7890";
	in.purpose_category = PURPOSE_MAINTENANCE;
	in.purpose = "Ganti hard disk server aplikasi";
	in.start_at = now + 3600;
	in.end_at = now + 3 * 3600;
	in.consent = true;
	in.equipment[0] = "Laptop";
	in.n_equipment = 1;
	if (i % 3 == 0) {
		in.n_companions = 2;
		in.companion_name[0] = "Ni Luh Putu Ayu";
		in.companion_nik[0] = "1371015203950002";
		in.companion_name[1] = "José Ramos";
		in.companion_nik[1] = "1371011203850003";
	}
	struct akses_submit_result res;
	akses_status rc = store_submit(st, &in, &res, NULL, NULL);
	if (rc == AKSES_OK)
		memcpy(number, res.number, AKSES_NUMBER_BUF);
	return rc;
}

static const char *loop_decision(scan_decision d)
{
	return d == SCAN_ENTRY ? "ENTRY" : d == SCAN_EXIT ? "EXIT" : d == SCAN_REPEAT ? "REPEAT" : "DENIED";
}

/* The staff ids the flow mode acts as. */
struct loop_staff {
	int64_t kadis, kabid, koord, helpdesk, teknis;
};

/* Take the oldest request waiting for role one step on (the role's own step for its state).
 * AKSES_OK with *did false when nothing waits for that role. */
static akses_status loop_flow_one(store *st, const struct loop_staff *who, akses_role role,
                                  bool *did, char number[AKSES_NUMBER_BUF], const char **code)
{
	int64_t actor = role == ROLE_KADIS         ? who->kadis
	                : role == ROLE_KABID       ? who->kabid
	                : role == ROLE_KOORDINATOR ? who->koord
	                                           : who->helpdesk;
	struct akses_request_summary *list = NULL;
	int n = 0;
	*did = false;
	akses_status rc = store_inbox(st, actor, &list, &n);
	if (rc != AKSES_OK || n == 0) {
		free(list);
		return rc;
	}
	struct akses_request_summary r = list[0];
	free(list);
	memcpy(number, r.number, AKSES_NUMBER_BUF);
	*did = true;
	switch (r.state) {
	case RS_SUBMITTED:
		*code = "dispose-kadis";
		return store_act(st, r.number, WF_DISPOSE_KADIS, actor, NULL);
	case RS_DISPOSED_KADIS:
		*code = "dispose-kabid";
		return store_act(st, r.number, WF_DISPOSE_KABID, actor, NULL);
	case RS_DISPOSED_KABID:
		*code = "verify";
		return store_act(st, r.number, WF_VERIFY, actor, "NIK dan surat sesuai");
	case RS_VERIFIED:
		if (r.id % 4 == 0) {
			*code = "reject";
			return store_act(st, r.number, WF_REJECT, actor, "Jadwal bentrok");
		}
		*code = "approve";
		return store_act(st, r.number, WF_APPROVE, actor, NULL);
	case RS_APPROVED:
		*code = "assign";
		return store_assign(st, r.number, actor, who->teknis);
	case RS_ASSIGNED:
		*code = "record";
		return store_act(st, r.number, WF_RECORD, actor, NULL);
	default:
		*did = false; /* step 7 onwards is not this mode's */
		return AKSES_OK;
	}
}

/* One round of the read mode: what the kiosks and aksesctl read while others write. */
static void loop_read_round(store *st, int64_t kadis, long i, struct loop_count *c)
{
	struct akses_request_summary *list = NULL;
	int n = 0;
	akses_status rc = store_request_list(st, RS_NONE, &list, &n);
	loop_note(st, c, rc, false, "request list");
	if (rc == AKSES_OK && n > 0) {
		const char *number = list[i % n].number;
		struct akses_step_rec *tl = NULL;
		int m = 0;
		loop_note(st, c, store_timeline(st, number, &tl, &m), false, "timeline");
		free(tl);
		struct akses_request *r = malloc(sizeof *r);
		if (r) {
			loop_note(st, c, store_request_get(st, number, r), false, "request get");
			free(r);
		}
	}
	free(list);
	list = NULL;
	loop_note(st, c, store_inbox(st, kadis, &list, &n), false, "inbox");
	free(list);
	char day[24];
	clock_format_day(clock_now(), day, sizeof day);
	struct akses_day_log log;
	loop_note(st, c, store_day_log(st, day, &log), false, "day log");
	store_day_log_free(&log);
	struct akses_visit *v = NULL;
	loop_note(st, c, store_inside(st, &v, &n), false, "inside");
	free(v);
	if (i % 5 == 0) {
		struct store_audit_result r;
		loop_note(st, c, store_audit_check(st, NULL, &r), false, "audit verify");
		loop_note(st, c, store_check(st), false, "integrity check");
	}
}

static int loop_usage(void)
{
	fprintf(stderr,
	        "usage: rel_loop submit|scan|flow|read DB SECONDS [ARGS...] (see rel_loop.c)\n");
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return loop_usage();
	loop_mode = argv[1];
	double seconds = strtod(argv[3], NULL);
	bool is_submit = strcmp(loop_mode, "submit") == 0;
	bool is_scan = strcmp(loop_mode, "scan") == 0 && argc >= 7;
	bool is_flow = strcmp(loop_mode, "flow") == 0 && argc == 9;
	bool is_read = strcmp(loop_mode, "read") == 0 && argc == 5;
	if (!is_submit && !is_scan && !is_flow && !is_read)
		return loop_usage();

	/* opened as the programs open it (settings.c), but with a repeat guard of 0: with a pinned
	 * clock every scan would otherwise be a "double read" */
	struct akses_config cfg;
	config_defaults(&cfg);
	cfg.scan_repeat_s = 0;
	struct store_options opt = settings_store_options(&cfg);
	store *st = NULL;
	akses_status rc = store_open(argv[2], &opt, &st);
	if (rc != AKSES_OK) {
		fprintf(stderr, "rel_loop %s: open %s: %s\n", loop_mode, argv[2],
		        akses_status_message(rc));
		return 1;
	}
	struct loop_staff who = {0};
	if (is_flow) {
		who.kadis = strtoll(argv[4], NULL, 10);
		who.kabid = strtoll(argv[5], NULL, 10);
		who.koord = strtoll(argv[6], NULL, 10);
		who.helpdesk = strtoll(argv[7], NULL, 10);
		who.teknis = strtoll(argv[8], NULL, 10);
	}
	static const akses_role flow_roles[] = {ROLE_HELPDESK, ROLE_KOORDINATOR, ROLE_KABID,
	                                        ROLE_KADIS};
	const char *pause_env = getenv("REL_PAUSE_MS");
	long pause_ms = pause_env ? strtol(pause_env, NULL, 10) : 0;
	const char *max_env = getenv("REL_MAX_OK");
	long max_ok = max_env ? strtol(max_env, NULL, 10) : 0;
	const char *trace_path = getenv("REL_TRACE");
	if (trace_path && *trace_path && !(loop_trace = fopen(trace_path, "a"))) {
		fprintf(stderr, "rel_loop %s: cannot open %s\n", loop_mode, trace_path);
		store_close(st);
		return 1;
	}
	struct timespec pause = {.tv_sec = pause_ms / 1000, .tv_nsec = (pause_ms % 1000) * 1000000};
	struct loop_count c = {0};
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	double max_round = 0; /* the slowest round, in seconds: how long contention made one wait */
	for (long i = 0; seconds <= 0 || loop_elapsed(&t0) < seconds; i++) {
		struct timespec r0;
		clock_gettime(CLOCK_MONOTONIC, &r0);
		if (is_submit) {
			char number[AKSES_NUMBER_BUF];
			rc = loop_submit(st, i, number);
			loop_note(st, &c, rc, false, "submit");
			if (rc == AKSES_OK)
				printf("%s\n", number);
		} else if (is_scan) {
			int n_tokens = argc - 6;
			struct akses_scan_result res;
			rc = store_scan(st, argv[6 + i % n_tokens], strtoll(argv[4], NULL, 10),
			                argv[5], SCAN_DIR_AUTO, &res);
			loop_note(st, &c, rc, false, "scan");
			if (rc == AKSES_OK)
				printf("SCAN %" PRId64 " %" PRId64 " %s\n", res.scan_id,
				       res.pass_id, loop_decision(res.decision));
		} else if (is_flow) {
			bool did = false;
			char number[AKSES_NUMBER_BUF] = "";
			const char *code = "";
			akses_role role = flow_roles[i % 4];
			rc = loop_flow_one(st, &who, role, &did, number, &code);
			if (did || rc != AKSES_OK)
				loop_note(st, &c, rc, true, "flow");
			if (did && rc == AKSES_OK)
				printf("ACT %s %s\n", number, code);
		} else {
			loop_read_round(st, strtoll(argv[4], NULL, 10), i, &c);
		}
		/* a confirmation is out of the process before the next transaction starts */
		fflush(stdout);
		if (loop_elapsed(&r0) > max_round)
			max_round = loop_elapsed(&r0);
		if (c.failed > 20)
			break; /* something is badly wrong: stop instead of flooding stderr */
		if (max_ok > 0 && c.ok >= max_ok)
			break;
		if (pause_ms > 0)
			nanosleep(&pause, NULL);
	}
	store_close(st);
	if (loop_trace)
		fclose(loop_trace);
	printf("done ok=%ld refused=%ld busy=%ld failed=%ld max_ms=%.0f gone=%ld\n", c.ok,
	       c.refused, c.busy, c.failed, max_round * 1000, c.gone);
	return c.busy == 0 && c.failed == 0 ? 0 : 1;
}
