/* ctl_query.c - the read-only reports from the command line: the day's access log, who is inside
 * now (the evacuation list) and SOP compliance. They hold personal data, so staff sign in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "ctl.h"
#include "valid.h"
#include "wf.h"

static const char *const help_log =
    N_("Usage: aksesctl log DAY --as ID\n"
       "\n"
       "The access log of a local day (YYYY-MM-DD; 'today' works too): every visit with in and\n"
       "out times, duration, escort, who is still inside, overstays, and the denied scans.\n");
static const char *const help_inside =
    N_("Usage: aksesctl inside --as ID\n"
       "\n"
       "Everyone inside the server room now, with their escort: the evacuation list.\n");
static const char *const help_compliance =
    N_("Usage: aksesctl compliance --from YYYY-MM-DD --to YYYY-MM-DD --as ID\n"
       "\n"
       "SOP compliance of the steps completed in the range (inclusive): per step and role, the\n"
       "count, median and 90th percentile duration, the time standard, and the share within it.\n");

/* Times people read: "HH:MM", "-" for none. */
static const char *hm(int64_t t, char *buf, size_t n)
{
	if (t <= 0)
		return "-";
	return clock_format_hm(t, buf, n);
}

static cJSON *visit_json(const struct akses_visit *v)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "pass_id", (double)v->pass_id);
	cJSON_AddStringToObject(o, "number", v->number);
	cJSON_AddStringToObject(o, "name", v->name);
	cJSON_AddStringToObject(o, "institution", v->institution);
	cJSON_AddStringToObject(o, "purpose", v->purpose);
	cJSON_AddStringToObject(o, "escort", v->escort);
	cJSON_AddItemToObject(o, "in", ctl_json_time(v->in_at));
	cJSON_AddItemToObject(o, "out", ctl_json_time(v->out_at));
	if (v->out_at > 0)
		cJSON_AddNumberToObject(o, "duration_s", (double)(v->out_at - v->in_at));
	else
		cJSON_AddNullToObject(o, "duration_s");
	cJSON_AddItemToObject(o, "window_end", ctl_json_time(v->end_at));
	cJSON_AddBoolToObject(o, "inside", v->inside);
	cJSON_AddBoolToObject(o, "overstay", v->overstay);
	cJSON_AddStringToObject(o, "station", v->station);
	cJSON_AddBoolToObject(o, "manual", v->manual);
	return o;
}

/* A column as wide as its header needs, and at least min. */
static int col(const char *header, int min)
{
	int w = (int)valid_utf8_chars(header) + 1;
	return w > min ? w : min;
}

/* The visits table shared by log and inside. */
static void visits_text(const struct akses_visit *v, int n)
{
	const char *h_in = T_("IN"), *h_out = T_("OUT"), *h_time = T_("TIME");
	int w_in = col(h_in, 6), w_out = col(h_out, col(T_("inside"), 7)), w_time = col(h_time, 9);
	ctl_pad(stdout, h_in, w_in);
	ctl_pad(stdout, h_out, w_out);
	ctl_pad(stdout, h_time, w_time);
	ctl_pad(stdout, T_("NAME"), 24);
	ctl_pad(stdout, T_("INSTITUTION"), 24);
	ctl_pad(stdout, T_("ESCORT"), 20);
	printf("%s\n", T_("REQUEST"));
	for (int i = 0; i < n; i++) {
		char a[16], b[16], d[32];
		ctl_pad(stdout, hm(v[i].in_at, a, sizeof a), w_in);
		ctl_pad(stdout, v[i].inside ? T_("inside") : hm(v[i].out_at, b, sizeof b), w_out);
		ctl_pad(stdout,
		        v[i].out_at > 0
		            ? clock_format_duration(v[i].out_at - v[i].in_at, d, sizeof d)
		            : "-",
		        w_time);
		ctl_pad(stdout, v[i].name, 24);
		ctl_pad(stdout, v[i].institution, 24);
		ctl_pad(stdout, v[i].escort, 20);
		printf("%s%s%s\n", v[i].number, v[i].overstay ? T_("  OVERSTAY") : "",
		       v[i].manual ? T_("  MANUAL (typed number)") : "");
	}
}

/* Parse a query's command line: --as ID, positionals, and for compliance (from != NULL) --from and
 * --to; then sign in. CTL_CONTINUE, or the exit code to return (CTL_EXIT_OK after --help). */
static int query_args(struct ctl *c, int argc, char **argv, const char *cmd, const char *help,
                      const char **pos, int n_pos, const char **from, const char **to)
{
	const char *as = NULL;
	struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "from", .kind = CTL_OPT_VALUE, .value = from},
	    {.name = "to", .kind = CTL_OPT_VALUE, .value = to},
	    {.name = NULL},
	};
	if (!from)
		opts[1].name = NULL; /* log and inside: --as only */
	int rc = ctl_args(c, argc, argv, cmd, help, opts, pos, n_pos, n_pos, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if (from && (!*from || !*to))
		return ctl_usage(T_("--from and --to are required"));
	/* reads only: on a full or read-only disk the evacuation list must still come out */
	rc = ctl_signin_read(c, as);
	return rc == CTL_EXIT_OK ? CTL_CONTINUE : rc;
}

/* 'ctl_cmd_log()' - Do the log command: one local day's visits and denied scans. */
int ctl_cmd_log(struct ctl *c, int argc, char **argv)
{
	const char *pos[1];
	int rc = query_args(c, argc, argv, "log", T_(help_log), pos, 1, NULL, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	char today[16];
	const char *day = pos[0];
	if (strcmp(day, "today") == 0)
		day = clock_format_day(clock_now(), today, sizeof today);
	struct akses_day_log log;
	memset(&log, 0, sizeof log);
	akses_status st = store_day_log(c->st, day, &log);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "day", log.day);
		cJSON_AddNumberToObject(o, "people", log.n_people);
		cJSON_AddNumberToObject(o, "inside", log.n_inside);
		cJSON_AddNumberToObject(o, "overstays", log.n_overstay);
		cJSON *a = cJSON_AddArrayToObject(o, "visits");
		for (int i = 0; i < log.n_visits; i++)
			cJSON_AddItemToArray(a, visit_json(&log.visits[i]));
		a = cJSON_AddArrayToObject(o, "denied");
		for (int i = 0; i < log.n_denied; i++) {
			const struct akses_denied_scan *d = &log.denied[i];
			cJSON *x = cJSON_CreateObject();
			cJSON_AddItemToObject(x, "at", ctl_json_time(d->at));
			cJSON_AddStringToObject(x, "station", d->station);
			cJSON_AddStringToObject(x, "reason", wf_deny_code(d->reason));
			cJSON_AddStringToObject(x, "escort", d->escort);
			cJSON_AddStringToObject(x, "number", d->number);
			cJSON_AddStringToObject(x, "name", d->name);
			cJSON_AddBoolToObject(x, "manual", d->manual);
			cJSON_AddItemToArray(a, x);
		}
		cJSON_AddItemToObject(o, "entries_per_hour",
		                      cJSON_CreateIntArray(log.entries_per_hour, 24));
		store_day_log_free(&log);
		return ctl_json_print(o);
	}
	printf(T_("Access log %s: %d visits by %d people, %d still inside, %d overstays\n"),
	       log.day, log.n_visits, log.n_people, log.n_inside, log.n_overstay);
	if (log.n_visits > 0)
		visits_text(log.visits, log.n_visits);
	if (log.n_denied > 0) {
		printf("\n%s\n", T_("Denied scans:"));
		for (int i = 0; i < log.n_denied; i++) {
			const struct akses_denied_scan *d = &log.denied[i];
			char a[16];
			printf("  %s  ", hm(d->at, a, sizeof a));
			ctl_pad(stdout, wf_deny_label(d->reason), 28);
			ctl_pad(stdout, d->station, 14);
			ctl_pad(stdout, d->escort, 20);
			printf("%s ", d->number);
			ctl_put(stdout, d->name);
			if (d->manual)
				printf("%s", T_("  MANUAL (typed number)"));
			putchar('\n');
		}
	}
	store_day_log_free(&log);
	return CTL_EXIT_OK;
}

/* 'ctl_cmd_inside()' - Do the inside command: the evacuation list. */
int ctl_cmd_inside(struct ctl *c, int argc, char **argv)
{
	int rc = query_args(c, argc, argv, "inside", T_(help_inside), NULL, 0, NULL, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	struct akses_visit *v = NULL;
	int n = 0;
	akses_status st = store_inside(c->st, &v, &n);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *a = cJSON_CreateArray();
		for (int i = 0; i < n; i++)
			cJSON_AddItemToArray(a, visit_json(&v[i]));
		free(v);
		return ctl_json_print(a);
	}
	if (n == 0)
		puts(T_("No one is inside."));
	else {
		printf(T_("%d inside now:\n"), n);
		visits_text(v, n);
	}
	free(v);
	return CTL_EXIT_OK;
}

static cJSON *g_flags; /* the JSON flags, added to the compliance output */

/* Steps taken soon after an ADMIN set the actor's PIN: printed after the table, one line each
 * (or kept for the JSON output). */
static int compliance_flags(struct ctl *c, const struct akses_reset_flag *f, int n)
{
	if (c->json) {
		g_flags = cJSON_CreateArray();
		for (int i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "number", f[i].number);
			cJSON_AddNumberToObject(o, "step", f[i].step);
			cJSON_AddNumberToObject(o, "actor_id", (double)f[i].actor_id);
			cJSON_AddNumberToObject(o, "pin_set_by", (double)f[i].reset_by);
			cJSON_AddItemToObject(o, "pin_set_at", ctl_json_time(f[i].reset_at));
			cJSON_AddItemToObject(o, "step_at", ctl_json_time(f[i].step_at));
			cJSON_AddItemToArray(g_flags, o);
		}
		return CTL_EXIT_OK;
	}
	g_flags = NULL;
	for (int i = 0; i < n; i++) {
		char a[32], b[32];
		clock_format(f[i].reset_at, a, sizeof a);
		clock_format(f[i].step_at, b, sizeof b);
		printf(T_("FLAG %s step %d by staff %lld at %s, %lld min after staff %lld set their "
		          "PIN (%s)\n"),
		       f[i].number, f[i].step, (long long)f[i].actor_id, b,
		       (long long)((f[i].step_at - f[i].reset_at) / 60), (long long)f[i].reset_by, a);
	}
	return CTL_EXIT_OK;
}

/* 'ctl_cmd_compliance()' - Do the compliance command over a range of local days. */
int ctl_cmd_compliance(struct ctl *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	int rc = query_args(c, argc, argv, "compliance", T_(help_compliance), NULL, 0, &from, &to);
	if (rc != CTL_CONTINUE)
		return rc;
	struct akses_compliance_row *r = NULL;
	int n = 0;
	akses_status st = store_compliance(c->st, from, to, &r, &n);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	struct akses_reset_flag *fl = NULL;
	int nf = 0;
	if ((st = store_compliance_resets(c->st, from, to, c->cfg.reset_window_min, &fl, &nf)) !=
	    AKSES_OK) {
		free(r);
		return ctl_fail(c, st, NULL);
	}
	/* JSON: kept in g_flags for the output; text: printed after the table */
	if (c->json) {
		compliance_flags(c, fl, nf);
		free(fl);
		fl = NULL;
	}
	if (c->json) {
		cJSON *a = cJSON_CreateArray();
		for (int i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "step", r[i].step);
			cJSON_AddStringToObject(o, "role",
			                        r[i].role == ROLE_NONE ? "PEMOHON"
			                                               : wf_role_code(r[i].role));
			cJSON_AddNumberToObject(o, "count", r[i].count);
			cJSON_AddNumberToObject(o, "median_s", r[i].median_s);
			cJSON_AddNumberToObject(o, "p90_s", r[i].p90_s);
			cJSON_AddNumberToObject(o, "standard_s", r[i].standard_s);
			cJSON_AddNumberToObject(o, "within_share", r[i].within_share);
			cJSON_AddItemToArray(a, o);
		}
		free(r);
		/* rows as before; flagged steps, when there are any, as {"rows":[...],"flags":[...]} */
		if (cJSON_GetArraySize(g_flags) > 0) {
			cJSON *w = cJSON_CreateObject();
			cJSON_AddItemToObject(w, "rows", a);
			cJSON_AddItemToObject(w, "flags", g_flags);
			return ctl_json_print(w);
		}
		cJSON_Delete(g_flags);
		return ctl_json_print(a);
	}
	printf(T_("SOP compliance %s .. %s\n"), from, to);
	printf("%-5s ", T_("STEP"));
	ctl_pad(stdout, T_("ROLE"), 12);
	printf("%6s  ", T_("COUNT"));
	ctl_pad(stdout, T_("MEDIAN"), 10);
	ctl_pad(stdout, T_("P90"), 10);
	ctl_pad(stdout, T_("STANDARD"), 10);
	printf("%s\n", T_("WITHIN"));
	for (int i = 0; i < n; i++) {
		char m[32], p[32], s[32];
		printf("%-5d ", r[i].step);
		ctl_pad(stdout, r[i].role == ROLE_NONE ? "PEMOHON" : wf_role_code(r[i].role), 12);
		printf("%6d  ", r[i].count);
		ctl_pad(stdout, clock_format_duration((int64_t)(r[i].median_s + 0.5), m, sizeof m),
		        10);
		ctl_pad(stdout, clock_format_duration((int64_t)(r[i].p90_s + 0.5), p, sizeof p),
		        10);
		ctl_pad(stdout, clock_format_duration(r[i].standard_s, s, sizeof s), 10);
		printf("%3.0f%%\n", r[i].within_share * 100.0);
	}
	free(r);
	compliance_flags(c, fl, nf);
	free(fl);
	return CTL_EXIT_OK;
}
