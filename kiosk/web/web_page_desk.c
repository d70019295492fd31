/* web_page_desk.c - the Helpdesk's pages in the console, read from the same store calls as
 * aksesctl's: who is inside now (the evacuation list, store_inside), a day's visits and denied
 * scans (store_day_log), SOP compliance for a range with its chart (store_compliance) and the
 * audit trail's check (store_check + store_audit_check). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "valid.h"
#include "web.h"
#include "wf.h"

/* The Helpdesk's pages are the Helpdesk home's at the kiosk: other roles are refused. */
static bool desk_allowed(struct web_req *r)
{
	if (r->sess->role == ROLE_HELPDESK)
		return true;
	web_error_page(r, 403, W_("Helpdesk"), akses_status_message(AKSES_E_ROLE));
	return false;
}

/* A table row of visits: number, name, institution, escort, in, out. */
static void desk_visits(struct web_buf *b, const struct akses_visit *v, int n, const char *id)
{
	const char *heads[] = {W_("Request"), W_("Name"), W_("Institution"),
	                       W_("Escort"),  W_("In"),   W_("Out")};
	web_rawf(b, "<table id=\"%s\"><thead><tr>", id);
	for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
		web_wrap(b, "<th>", heads[k], "</th>");
	web_raw(b, "</tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		char in[24], out[24] = "—";
		clock_format(v[i].in_at, in, sizeof in);
		if (v[i].out_at)
			clock_format(v[i].out_at, out, sizeof out);
		web_rawf(b, "<tr%s><td><a href=\"/request/",
		         v[i].overstay ? " class=\"late\"" : "");
		web_esc(b, v[i].number);
		web_raw(b, "\">");
		web_esc(b, v[i].number);
		web_raw(b, "</a></td>");
		const char *cells[] = {v[i].name, v[i].institution, v[i].escort, in, out};
		for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++)
			web_wrap(b, "<td>", cells[k], "</td>");
		web_raw(b, "</tr>");
	}
	web_raw(b, "</tbody></table>");
}

void web_page_inside(struct web_req *r)
{
	if (!desk_allowed(r))
		return;
	struct akses_visit *v = NULL;
	int n = 0;
	akses_status rc = store_inside(r->w->st, &v, &n);
	if (rc != AKSES_OK) {
		web_error_page(r, 500, W_("Inside now"), akses_status_message(rc));
		return;
	}
	struct web_buf *b = &r->body;
	char head[80];
	snprintf(head, sizeof head, W_("Inside now: %d"), n);
	web_page_top(b, r->sess, W_("Inside now"), 30);
	web_raw(b, "<h1 id=\"inside-head\">");
	web_esc(b, head);
	web_raw(b, "</h1>");
	desk_visits(b, v, n, "inside");
	web_page_end(b);
	free(v);
}

void web_page_log(struct web_req *r)
{
	const char *day_arg = r->query_day;
	if (!desk_allowed(r))
		return;
	char today[16];
	const char *day =
	    day_arg && *day_arg ? day_arg : clock_format_day(clock_now(), today, sizeof today);
	struct akses_day_log log;
	memset(&log, 0, sizeof log);
	akses_status rc = store_day_log(r->w->st, day, &log);
	if (rc != AKSES_OK) {
		web_error_page(r, akses_status_is_input(rc) ? 400 : 500, W_("Day's log"),
		               akses_status_message(rc));
		return;
	}
	struct web_buf *b = &r->body;
	web_page_top(b, r->sess, W_("Day's log"), 0);
	web_raw(b, "<h1>");
	web_esc(b, W_("Day's log"));
	web_raw(b, " ");
	web_esc(b, log.day);
	web_raw(b, "</h1><form method=\"get\" action=\"/log\" class=\"inline\"><input "
	           "type=\"date\" name=\"day\" aria-label=\"day\" value=\"");
	web_esc(b, log.day);
	web_raw(b, "\"><button class=\"primary\">");
	web_esc(b, W_("Show"));
	web_raw(b, "</button></form><p id=\"log-sum\">");
	char sum[200];
	snprintf(sum, sizeof sum, W_("%d visits, %d people, %d denied scans, %d inside"),
	         log.n_visits, log.n_people, log.n_denied, log.n_inside);
	web_esc(b, sum);
	web_raw(b, "</p>");
	desk_visits(b, log.visits, log.n_visits, "visits");
	web_page_end(b);
	store_day_log_free(&log);
}

void web_page_audit(struct web_req *r)
{
	if (!desk_allowed(r))
		return;
	struct store_audit_result res;
	memset(&res, 0, sizeof res);
	akses_status rc = store_check(r->w->st);
	if (rc == AKSES_OK)
		rc = store_audit_check(r->w->st, NULL, &res);
	char head[STORE_ANCHOR_BUF] = "";
	if (rc == AKSES_OK)
		store_audit_anchor(r->w->st, head);
	struct web_buf *b = &r->body;
	web_page_top(b, r->sess, W_("Audit trail"), 0);
	web_raw(b, "<h1>");
	web_esc(b, W_("Audit trail"));
	web_rawf(b, "</h1><p class=\"flash %s\" id=\"audit\">", rc == AKSES_OK ? "ok" : "bad");
	char line[300];
	if (rc == AKSES_OK)
		snprintf(line, sizeof line, W_("Intact: %lld rows, head %s"), (long long)res.rows,
		         head);
	else if (rc == AKSES_E_AUDIT_BROKEN)
		snprintf(line, sizeof line, "%s (%lld)", akses_status_message(rc),
		         (long long)res.bad_id);
	else
		snprintf(line, sizeof line, "%s", akses_status_message(rc));
	web_esc(b, line);
	web_raw(b, "</p>");
	web_page_end(b);
}

/* One compliance row: step, role, count, median and p90 against the standard, and a bar of the
 * share within the standard (the chart: a CSS width, no script, no image). */
static void desk_compliance_row(struct web_buf *b, const struct akses_compliance_row *c)
{
	char v[64];
	int pct = (int)(c->within_share * 100.0 + 0.5);
	web_rawf(b, "<tr%s><td>%d</td>", pct < 100 ? " class=\"late\"" : "", c->step);
	web_wrap(b, "<td>", c->role == ROLE_NONE ? "PEMOHON" : wf_role_title(c->role), "</td>");
	web_rawf(b, "<td>%d</td>", c->count);
	snprintf(v, sizeof v, "%d:%02d / %d:%02d", (int)c->median_s / 60, (int)c->median_s % 60,
	         c->standard_s / 60, c->standard_s % 60);
	web_wrap(b, "<td>", v, "</td>");
	snprintf(v, sizeof v, "%d:%02d", (int)c->p90_s / 60, (int)c->p90_s % 60);
	web_wrap(b, "<td>", v, "</td>");
	/* the bar's width is one of 21 classes, so the style sheet needs no inline style */
	web_rawf(b, "<td><span class=\"meter w%d\"></span> %d%%</td></tr>", (pct + 2) / 5, pct);
}

void web_page_compliance(struct web_req *r)
{
	const char *from_arg = r->query_from, *to_arg = r->query_to;
	if (!desk_allowed(r))
		return;
	char today[16];
	const char *to =
	    to_arg && *to_arg ? to_arg : clock_format_day(clock_now(), today, sizeof today);
	const char *from = from_arg && *from_arg ? from_arg : to;
	struct akses_compliance_row *rows = NULL;
	int n = 0;
	akses_status rc = store_compliance(r->w->st, from, to, &rows, &n);
	if (rc != AKSES_OK) {
		web_error_page(r, akses_status_is_input(rc) ? 400 : 500, W_("Compliance"),
		               akses_status_message(rc));
		return;
	}
	struct web_buf *b = &r->body;
	web_page_top(b, r->sess, W_("Compliance"), 0);
	web_wrap(b, "<h1>", W_("SOP compliance"), " ");
	web_esc(b, from);
	web_wrap(b, " – ", to, "</h1>");
	web_raw(b, "<form method=\"get\" action=\"/compliance\" class=\"inline\">"
	           "<input type=\"date\" name=\"from\" aria-label=\"from\" value=\"");
	web_esc(b, from);
	web_raw(b, "\"> <input type=\"date\" name=\"to\" aria-label=\"to\" value=\"");
	web_esc(b, to);
	web_wrap(b, "\"> <button class=\"primary\">", W_("Show"), "</button></form>");
	const char *heads[] = {W_("Step"),  W_("Role"),
	                       W_("Count"), W_("Median / standard"),
	                       W_("p90"),   W_("Within the standard")};
	web_raw(b, "<table id=\"compliance\"><thead><tr>");
	for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
		web_wrap(b, "<th>", heads[k], "</th>");
	web_raw(b, "</tr></thead><tbody>");
	for (int i = 0; i < n; i++)
		desk_compliance_row(b, &rows[i]);
	web_raw(b, "</tbody></table>");
	web_page_end(b);
	free(rows);
}
