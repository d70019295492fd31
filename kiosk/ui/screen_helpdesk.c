/* screen_helpdesk.c - the Helpdesk's home: requests to record (step 6) and to report on (step 9,
 * also no-shows), the requests whose passes may be printed again, and printing: a day's access
 * log (day picker), who is inside now (one tap) and the state of recent print jobs; a line warns of
 * a request whose phone digits someone is guessing at a kiosk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "staff.h"
#include "wf.h"

enum { HD_CMD_OPEN = 1, HD_CMD_PRINT_LOG, HD_CMD_PRINT_INSIDE, HD_CMD_LOAD };
enum { HD_TAB_TODO = 0, HD_TAB_PASSES };

#define HD_JOBS 6

static struct {
	struct akses_request_summary *todo; /* waiting for the Helpdesk's step */
	int n_todo;
	struct akses_request_summary *passes; /* recorded, on site or visited */
	int n_passes;
	struct akses_print_job *jobs;
	int n_jobs;
	struct akses_lookup_attack
	    *attacks; /* requests under a digits-guessing attack, latest first */
	int n_attacks;
	struct akses_signin_alert *alerts; /* accounts with wrong PINs today, most first */
	int n_alerts;                      /* of which alert marks those past the budget */
	int tab;
	int page;
	int64_t day; /* local midnight of the log's day */
	akses_status rc;
} hd;

static void hd_free(void)
{
	free(hd.todo);
	free(hd.passes);
	free(hd.jobs);
	free(hd.attacks);
	free(hd.alerts);
	hd.todo = hd.passes = NULL;
	hd.jobs = NULL;
	hd.attacks = NULL;
	hd.alerts = NULL;
	hd.n_todo = hd.n_passes = hd.n_jobs = hd.n_attacks = hd.n_alerts = 0;
}

/* Append the requests in state s (for which keep() holds, when given) to *list. */
static void hd_append(struct app *a, req_state s, bool no_show_only,
                      struct akses_request_summary **list, int *n)
{
	struct akses_request_summary *got = NULL, *grown;
	int m = 0;
	int64_t now = clock_now();

	if (store_request_list(a->st, s, &got, &m) != AKSES_OK || m == 0) {
		free(got);
		return;
	}
	grown = realloc(*list, (size_t)(*n + m) * sizeof **list);
	if (!grown) {
		free(got);
		return;
	}
	*list = grown;
	for (int i = 0; i < m; i++) {
		/* a no-show: recorded, its window over, nobody came: the report says so */
		if (no_show_only && got[i].end_at >= now)
			continue;
		if (no_show_only) {
			got[i].next_step = 9;
			got[i].due_at = 0;
		}
		(*list)[(*n)++] = got[i];
	}
	free(got);
}

/* Read both lists and the recent print jobs (event path). */
static void hd_load(struct app *a)
{
	hd_free();
	if (!a->st) {
		hd.rc = AKSES_E_IO;
		return;
	}
	hd.rc = store_inbox(a->st, a->staff.id, &hd.todo, &hd.n_todo);
	if (hd.rc != AKSES_OK)
		hd.n_todo = 0;
	hd_append(a, RS_RECORDED, true, &hd.todo, &hd.n_todo);
	hd_append(a, RS_RECORDED, false, &hd.passes, &hd.n_passes);
	hd_append(a, RS_ON_SITE, false, &hd.passes, &hd.n_passes);
	hd_append(a, RS_VISITED, false, &hd.passes, &hd.n_passes);
	if (store_print_list(a->st, HD_JOBS, &hd.jobs, &hd.n_jobs) != AKSES_OK)
		hd.n_jobs = 0;
	if (store_lookup_attacks(a->st, a->staff.id, &hd.attacks, &hd.n_attacks) != AKSES_OK)
		hd.n_attacks = 0;
	if (store_signin_alerts(a->st, a->staff.id, &hd.alerts, &hd.n_alerts) != AKSES_OK)
		hd.n_alerts = 0;
}

/* How many accounts are past the wrong-PIN alert budget (the store lists them first). */
static int hd_alert_count(void)
{
	int n = 0;
	for (int i = 0; i < hd.n_alerts; i++)
		n += hd.alerts[i].alert;
	return n;
}

#define HD_ALERT_LINES 3 /* more than this: the last line says how many more */

/* The sign-in alerts: one red line per account someone is guessing PINs for (past the store's
 * 20-failure budget), as `aksesctl signin alerts` marks ALERT. */
static int hd_draw_alerts(SDL_Rect r)
{
	char line[400], more[64];
	int shown = 0, total = hd_alert_count(), y0 = r.y;
	for (int i = 0; i < hd.n_alerts && shown < HD_ALERT_LINES; i++) {
		const struct akses_signin_alert *t = &hd.alerts[i];
		if (!t->alert)
			continue;
		shown++;
		more[0] = 0;
		if (shown == HD_ALERT_LINES && total > shown)
			snprintf(more, sizeof more, _(" (+%d more)"), total - shown);
		snprintf(line, sizeof line,
		         _("⚠ Staff %lld %s: %d wrong PINs from %d station(s) in 24 hours%s"),
		         (long long)t->staff_id, t->staff_id > 0 ? t->name : _("(unknown number)"),
		         t->failures, t->stations, more);
		/* a name of 100 characters makes it longer than the column: "…", a tap reads it */
		char id[24];
		snprintf(id, sizeof id, "alert:%d", shown - 1);
		ui_text_more(id, r, line, UI_FONT_SMALL, true, ui_c_danger, UI_LEFT);
		r.y += r.h + ui_px(UI_ROW_GAP);
	}
	return r.y - y0;
}

/* The attack warning: the latest request under attack (and how many more), one line. */
static int hd_draw_attacks(SDL_Rect r)
{
	char line[300], more[64] = "";
	if (hd.n_attacks == 0)
		return 0;
	const struct akses_lookup_attack *t = &hd.attacks[0];
	if (hd.n_attacks > 1)
		snprintf(more, sizeof more, _(" (+%d more)"), hd.n_attacks - 1);
	snprintf(line, sizeof line, _("⚠ %s: %d wrong phone-digit tries from %d station(s)%s"),
	         t->number, t->failures, t->stations, more);
	ui_text_more("attack", r, line, UI_FONT_SMALL, true, ui_c_danger, UI_LEFT);
	return r.h + ui_px(UI_ROW_GAP);
}

static void hd_enter(struct app *a)
{
	hd.tab = HD_TAB_TODO;
	hd.page = 0;
	hd.day = app_today_start();
	hd_load(a);
}

static void hd_leave(struct app *a)
{
	(void)a;
	hd_free();
}

/* Move the log's day by delta days, never past today. */
static void hd_day_move(int delta)
{
	char d[24];
	int64_t s = 0, e = 0, today = app_today_start();

	/* noon of the target day, then back to its midnight: safe across any DST shift */
	clock_format_day(hd.day + 43200 + (int64_t)delta * 86400, d, sizeof d);
	if (clock_day_bounds(d, &s, &e) != AKSES_OK)
		return;
	hd.day = s > today ? today : s;
}

/* A print job's state in words. */
static const char *hd_job_word(print_job_state st)
{
	switch (st) {
	case JOB_PENDING:
		return _("waiting");
	case JOB_ACCEPTED:
		return _("printing");
	case JOB_COMPLETED:
		return _("printed");
	case JOB_ABORTED:
	case JOB_CANCELED:
	case JOB_STOPPED:
	case JOB_FAILED:
		return _("failed");
	case JOB_NONE:
	default:
		return "-";
	}
}

/* The printing column: the log's day and button, who is inside, the worker's state, the jobs. */
static void hd_draw_print(struct app *a, int x, int y, int w, int bottom)
{
	char day[24], line[600];
	int bh = ui_px(UI_BUTTON_H_S), gap = ui_px(UI_GAP_M), sh = ui_font_height(UI_FONT_SMALL);
	bool busy = a->print.phase == PRINT_BUSY;

	ui_text(ui_rect(x, y, w, ui_font_height(UI_FONT_LARGE)), _("Printing"), UI_FONT_LARGE, true,
	        ui_c_text, UI_LEFT);
	y += ui_font_height(UI_FONT_LARGE) + ui_px(UI_ROW_GAP);
	/* the day picker: - day + */
	clock_format_day(hd.day, day, sizeof day);
	bool today = hd.day >= app_today_start();
	int sq = bh;
	if (ui_button("day:prev", ui_rect(x, y, sq, bh), "−", UI_SECONDARY))
		hd_day_move(-1);
	SDL_Rect dr = {x + sq + gap, y, w - 2 * (sq + gap), bh};
	ui_fill(dr, ui_c_panel);
	ui_frame_rect(dr, ui_c_border, ui_px(UI_HAIR));
	snprintf(line, sizeof line, "%s%s%s", day, today ? " · " : "", today ? _("today") : "");
	ui_text(dr, line, UI_FONT_BODY, true, ui_c_text, UI_CENTER);
	if (!today && ui_button("day:next", ui_rect(x + w - sq, y, sq, bh), "+", UI_SECONDARY))
		hd_day_move(1);
	y += bh + gap;
	if (ui_button("print:log", ui_rect(x, y, w, bh), _("Print the day's access log"),
	              busy ? UI_SECONDARY : UI_PRIMARY) &&
	    !busy)
		app_post(a, HD_CMD_PRINT_LOG, 0);
	y += bh + gap;
	if (ui_button("print:inside", ui_rect(x, y, w, bh), _("Print who is inside now"),
	              busy ? UI_SECONDARY : UI_PRIMARY) &&
	    !busy)
		app_post(a, HD_CMD_PRINT_INSIDE, 0);
	y += bh + gap;
	if (busy) {
		ui_spinner(ui_rect(x, y, sh * 2, sh * 2), SDL_GetTicks());
		ui_text(ui_rect(x + sh * 2 + gap, y, w, sh * 2), _("Printing…"), UI_FONT_BODY,
		        false, ui_c_muted, UI_LEFT);
		y += sh * 2 + gap;
	}
	/* the recent jobs and where each stands */
	ui_text(ui_rect(x, y, w, sh), _("Recent print jobs"), UI_FONT_SMALL, true, ui_c_muted,
	        UI_LEFT);
	y += sh + ui_px(UI_LINE_GAP);
	if (hd.n_jobs == 0) {
		ui_text(ui_rect(x, y, w, sh), _("None yet."), UI_FONT_SMALL, false, ui_c_muted,
		        UI_LEFT);
		return;
	}
	for (int i = 0; i < hd.n_jobs && y + sh <= bottom; i++) {
		const struct akses_print_job *j = &hd.jobs[i];
		char hm[16], msg[256];
		bool bad = j->state >= JOB_ABORTED;
		paper_job_message(j, msg, sizeof msg); /* in this screen's language, not the printer's */
		bool done = j->state == JOB_COMPLETED;
		clock_format_hm(j->at, hm, sizeof hm);
		snprintf(line, sizeof line, "%s  %s%s %s  %s  %s%s%s", hm, paper_kind_label(j->kind),
		         j->reprint ? "*" : "", j->number, j->queue, hd_job_word(j->state),
		         bad && msg[0] ? " — " : "", bad ? msg : "");
		/* a failed job's message (CUPS's words) rarely fits the column: "…", a tap reads it */
		char id[24];
		snprintf(id, sizeof id, "job:%d", i);
		ui_text_more(id, ui_rect(x, y, w, sh), line, UI_FONT_SMALL, bad,
		             bad ? ui_c_danger : (done ? ui_c_ok : ui_c_text), UI_LEFT);
		y += sh + ui_px(UI_LINE_GAP);
	}
}

static void hd_draw(struct app *a)
{
	char line[600], id[40], l1[600], l2[1200], due[64];
	int pad = ui_px(UI_PAD), bh = ui_px(UI_BUTTON_H);
	SDL_Rect c = app_top_bar(a, a->staff.name);
	const struct akses_request_summary *list = hd.tab == HD_TAB_PASSES ? hd.passes : hd.todo;
	int n = hd.tab == HD_TAB_PASSES ? hd.n_passes : hd.n_todo;
	int split = ui.w * 55 / 100;

	snprintf(a->dump_extra, sizeof a->dump_extra,
	         "role %s\ntab %d\ntodo %d\npasses %d\njobs %d\nday %.10s\nattacks %d\n"
	         "attack %s\nsignin_alerts %d\nsignin_alert %lld\nmsg %s",
	         wf_role_code(a->staff.role), hd.tab, hd.n_todo, hd.n_passes, hd.n_jobs,
	         clock_format_day(hd.day, line, sizeof line), hd.n_attacks,
	         hd.n_attacks ? hd.attacks[0].number : "-", hd_alert_count(),
	         hd_alert_count() ? (long long)hd.alerts[0].staff_id : 0LL, staff_note.text);
	SDL_Rect so = {ui.w - pad - ui_px(UI_BUTTON_W), ui.h - bh - ui_px(UI_PAD_ROW),
	               ui_px(UI_BUTTON_W), bh};
	if (staff_signout_button(a, so))
		return;
	int y = c.y + ui_px(UI_GAP), w = split - 2 * pad;
	int th = ui_px(UI_FIELD_BOX_H), rw = ui_px(360), tw = (w - ui_px(UI_GAP)) / 2;
	ui_text(ui_rect(pad, y, w - rw, th), wf_role_title(a->staff.role), UI_FONT_BODY, false,
	        ui_c_muted, UI_LEFT);
	/* new work arrives from other stations: read the lists again on demand */
	if (ui_button("refresh", ui_rect(pad + w - rw, y, rw, th), _("Refresh"), UI_SECONDARY)) {
		staff_note_clear();
		app_post(a, HD_CMD_LOAD, 0);
	}
	y += th + ui_px(UI_GAP_SECTION);
	char l_todo[120], l_passes[120];
	snprintf(l_todo, sizeof l_todo, _("Waiting for you: %d"), hd.n_todo);
	snprintf(l_passes, sizeof l_passes, _("Passes: %d"), hd.n_passes);
	static const char *const tab_ids[2] = {"tab:todo", "tab:passes"}; /* HD_TAB_* order */
	const char *const tabs[2] = {l_todo, l_passes};
	staff_tabs(tab_ids, tabs, pad, y, tw, th, &hd.tab, &hd.page);
	y += th + ui_px(UI_GAP_SECTION);
	y += hd_draw_attacks(ui_rect(pad, y, w, ui_font_height(UI_FONT_SMALL)));
	y += hd_draw_alerts(ui_rect(pad, y, w, ui_font_height(UI_FONT_SMALL)));
	y += staff_note_draw(ui_rect(pad, y, w, ui_px(100)));
	hd_draw_print(a, split + pad, c.y + ui_px(UI_GAP), ui.w - split - 2 * pad,
	              so.y - ui_px(UI_GAP_SECTION));
	if (hd.rc != AKSES_OK) {
		ui_text_wrapped(ui_rect(pad, y, w, ui_px(120)), akses_status_message(hd.rc),
		                UI_FONT_BODY, true, ui_c_danger);
		return;
	}
	if (n == 0) {
		ui_text_wrapped(ui_rect(pad, y, w, ui_px(100)),
		                hd.tab == HD_TAB_PASSES ? _("No request has passes to print now.")
		                                        : _("Nothing waits for you now."),
		                UI_FONT_BODY, false, ui_c_muted);
		return;
	}
	int rh = ui_px(UI_ROW_H), gap = ui_px(UI_GAP_S);
	int per = staff_page_rows(so.y - ui_px(UI_GAP_SECTION) - y, rh, gap);
	int first = staff_page_first(n, per, &hd.page);
	int64_t now = clock_now();
	bool counting = false;
	for (int i = first; i < n && i < first + per; i++) {
		const struct akses_request_summary *s = &list[i];
		bool late = false;
		due[0] = '\0';
		if (hd.tab == HD_TAB_TODO && s->due_at) {
			late = staff_due_text(s->due_at, now, due, sizeof due);
			counting = true;
		}
		snprintf(l1, sizeof l1, "%s  %s", s->number, s->name);
		if (hd.tab == HD_TAB_TODO)
			snprintf(l2, sizeof l2, "%s %d · %s%s%s", _("step"), s->next_step,
			         s->next_step == 6 ? _("record") : _("access report"),
			         due[0] ? " · " : "", due);
		else
			snprintf(l2, sizeof l2, "%s · %s", s->institution,
			         wf_state_label(s->state));
		snprintf(id, sizeof id, "%s:%d", hd.tab == HD_TAB_PASSES ? "pass" : "todo",
		         i - first);
		if (ui_list_row(id, ui_rect(pad, y, w, rh), l1, l2, late ? ui_c_danger : ui_c_ok)) {
			app_post(a, HD_CMD_OPEN, i);
			return;
		}
		y += rh + gap;
	}
	staff_pager(pad, so.y, 260, bh, n, per, first, &hd.page, false);
	if (counting && (!ui.wake_at || ui.wake_at > SDL_GetTicks() + 1000))
		ui.wake_at = SDL_GetTicks() + 1000;
}

/* Open a request, start a print, or take a print's outcome. */
static void hd_event(struct app *a, const SDL_Event *e)
{
	char day[24];

	if (e->type == a->ev_print) {
		if (a->print.phase == PRINT_OK)
			staff_note_set(true, _("Printed (job %d)."), a->print.res.cups_job_id);
		else
			staff_note_set(false, "%s",
			               a->print.res.message[0]
			                   ? a->print.res.message
			                   : akses_status_message(a->print.res.status));
		hd_load(a);
		return;
	}
	if (e->type != a->ev_cmd || !a->st)
		return;
	struct paper_job pj;
	memset(&pj, 0, sizeof pj);
	pj.actor_id = a->staff.id;
	switch (e->user.code) {
	case HD_CMD_LOAD:
		hd_load(a);
		return;
	case HD_CMD_OPEN: {
		int i = (int)(intptr_t)e->user.data1;
		const struct akses_request_summary *list =
		    hd.tab == HD_TAB_PASSES ? hd.passes : hd.todo;
		int n = hd.tab == HD_TAB_PASSES ? hd.n_passes : hd.n_todo;
		if (i >= 0 && i < n) {
			staff_note_clear();
			staff_open_request(a, list[i].number, &screen_helpdesk);
		}
		return;
	}
	case HD_CMD_PRINT_LOG:
		pj.doc = PAPER_LOG;
		pj.day = clock_format_day(hd.day, day, sizeof day);
		break;
	case HD_CMD_PRINT_INSIDE:
		pj.doc = PAPER_INSIDE;
		break;
	default:
		return;
	}
	if (!print_worker_start_job(a, &pj)) {
		staff_note_set(false, "%s",
		               _("Another print is still under way. Try again shortly."));
		return;
	}
	staff_note_clear();
	hd_load(a); /* the new job shows as pending */
}

const struct screen screen_helpdesk = {
    .name = "helpdesk",
    .enter = hd_enter,
    .event = hd_event,
    .draw = hd_draw,
    .leave = hd_leave,
    .staff = true,
};
