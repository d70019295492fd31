/* screen_staff.c - the home of a signed-in official (Kepala Dinas, Kabid, Koordinator): the inbox
 * of requests waiting for their step with its time standard counting down (overdue in red), and
 * for the Koordinator the open requests that may still be cancelled. A tap opens the request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "staff.h"
#include "wf.h"

enum { STAFF_CMD_LOAD = 1, STAFF_CMD_OPEN };
enum { STAFF_TAB_INBOX = 0, STAFF_TAB_OPEN };

static struct {
	struct akses_request_summary *inbox;
	int n_inbox;
	struct akses_request_summary *open; /* Koordinator: cancellable requests */
	int n_open;
	int tab;
	int page;
	akses_status rc; /* the inbox could not be read */
} stf;

static void staff_free(void)
{
	free(stf.inbox);
	free(stf.open);
	memset(&stf, 0, sizeof stf);
}

/* Read the inbox (and the Koordinator's open requests) in the event path. */
static void staff_load(struct app *a)
{
	int tab = stf.tab, page = stf.page;

	staff_free();
	stf.tab = tab;
	stf.page = page;
	if (!a->st) {
		stf.rc = AKSES_E_IO;
		return;
	}
	stf.rc = store_inbox(a->st, a->staff.id, &stf.inbox, &stf.n_inbox);
	if (stf.rc != AKSES_OK)
		stf.n_inbox = 0;
	if (a->staff.role != ROLE_KOORDINATOR)
		return;
	struct akses_request_summary *all = NULL;
	int n = 0;
	if (store_request_list(a->st, RS_NONE, &all, &n) != AKSES_OK)
		return;
	int k = 0;
	for (int i = 0; i < n; i++)
		if (wf_check(WF_CANCEL, ROLE_KOORDINATOR, all[i].state, false) == AKSES_OK)
			all[k++] = all[i];
	stf.open = all;
	stf.n_open = k;
}

static void staff_enter(struct app *a)
{
	staff_free();
	staff_load(a);
}

static void staff_leave(struct app *a)
{
	(void)a;
	staff_free();
}

/* One request row: number and name, institution and step, and the countdown on the right. */
static bool staff_row(const char *id, SDL_Rect r, const struct akses_request_summary *s,
                      int64_t now, bool show_state)
{
	char l1[600], l2[1200], due[64] = "";
	bool late = false;

	if (s->due_at)
		late = staff_due_text(s->due_at, now, due, sizeof due);
	snprintf(l1, sizeof l1, "%s  %s", s->number, s->name);
	if (show_state)
		snprintf(l2, sizeof l2, "%s · %s", s->institution, wf_state_label(s->state));
	else
		snprintf(l2, sizeof l2, "%s · %s %d", s->institution, _("step"), s->next_step);
	bool tap = ui_list_row(id, r, l1, l2, late ? ui_c_danger : ui_c_ok);
	if (due[0] && !show_state) {
		int dw = ui_px(440);
		SDL_Rect d = {r.x + r.w - dw, r.y + ui_px(UI_GAP_XS), dw - ui_px(UI_GAP), r.h - ui_px(UI_GAP_S)};
		ui_fill(d, ui_c_panel);
		ui_text(d, due, UI_FONT_LARGE, true, late ? ui_c_danger : ui_c_ok, UI_RIGHT);
	}
	return tap;
}

static void staff_draw(struct app *a)
{
	char line[200], id[40];
	int pad = ui_px(UI_PAD), bh = ui_px(UI_BUTTON_H);
	SDL_Rect c = app_top_bar(a, a->staff.name);
	bool koord = a->staff.role == ROLE_KOORDINATOR;
	const struct akses_request_summary *list = stf.tab == STAFF_TAB_OPEN ? stf.open : stf.inbox;
	int n = stf.tab == STAFF_TAB_OPEN ? stf.n_open : stf.n_inbox;

	int64_t now = clock_now();
	int late = 0;
	for (int i = 0; i < stf.n_inbox; i++)
		late += stf.inbox[i].due_at && now > stf.inbox[i].due_at;
	snprintf(a->dump_extra, sizeof a->dump_extra,
	         "role %s\ntab %d\ninbox %d\noverdue %d\nopen %d\npage %d\nmsg %s",
	         wf_role_code(a->staff.role), stf.tab, stf.n_inbox, late, stf.n_open, stf.page,
	         staff_note.text);
	SDL_Rect so = {ui.w - pad - ui_px(UI_BUTTON_W), ui.h - bh - ui_px(UI_PAD_ROW),
	               ui_px(UI_BUTTON_W), bh};
	if (staff_signout_button(a, so))
		return;
	int y = c.y + ui_px(UI_GAP), w = c.w - 2 * pad;
	ui_text(ui_rect(pad, y, w, ui_font_height(UI_FONT_BODY)), wf_role_title(a->staff.role),
	        UI_FONT_BODY, false, ui_c_muted, UI_LEFT);
	y += ui_font_height(UI_FONT_BODY) + ui_px(UI_ROW_GAP);
	/* the tabs (the Koordinator's second list), or the inbox's heading */
	int th = ui_px(UI_FIELD_BOX_H);
	snprintf(line, sizeof line, _("Waiting for you: %d"), stf.n_inbox);
	if (koord) {
		int tw = ui_px(560);
		char l_open[120];
		snprintf(l_open, sizeof l_open, _("Open requests: %d"), stf.n_open);
		static const char *const tab_ids[2] = {"tab:inbox", "tab:open"}; /* STAFF_TAB_* */
		const char *const tabs[2] = {line, l_open};
		staff_tabs(tab_ids, tabs, pad, y, tw, th, &stf.tab, &stf.page);
	} else {
		ui_text(ui_rect(pad, y, w, th), line, UI_FONT_LARGE, true, ui_c_text, UI_LEFT);
	}
	/* new requests arrive from other stations: read the lists again on demand */
	SDL_Rect refresh = ui_rect(c.w - pad - ui_px(UI_BUTTON_W), y, ui_px(UI_BUTTON_W), th);
	if (ui_button("refresh", refresh, _("Refresh"), UI_SECONDARY)) {
		staff_note_clear();
		app_post(a, STAFF_CMD_LOAD, 0);
	}
	y += th + ui_px(UI_GAP_SECTION);
	y += staff_note_draw(ui_rect(pad, y, w, ui_px(100)));
	if (stf.rc != AKSES_OK) {
		ui_text_wrapped(ui_rect(pad, y, w, ui_px(120)), akses_status_message(stf.rc),
		                UI_FONT_BODY, true, ui_c_danger);
		return;
	}
	if (n == 0) {
		ui_text(ui_rect(pad, y, w, ui_font_height(UI_FONT_BODY)),
		        stf.tab == STAFF_TAB_OPEN ? _("No request can be cancelled now.")
		                                  : _("Nothing waits for you now."),
		        UI_FONT_BODY, false, ui_c_muted, UI_LEFT);
		return;
	}
	/* the rows that fit above the bottom buttons, a page at a time */
	int rh = ui_px(UI_ROW_H), gap = ui_px(UI_GAP_S);
	int per = staff_page_rows(so.y - ui_px(UI_GAP_SECTION) - y, rh, gap);
	int first = staff_page_first(n, per, &stf.page);
	for (int i = first; i < n && i < first + per; i++) {
		snprintf(id, sizeof id, "%s:%d", stf.tab == STAFF_TAB_OPEN ? "open" : "inbox",
		         i - first);
		if (staff_row(id, ui_rect(pad, y, w, rh), &list[i], now,
		              stf.tab == STAFF_TAB_OPEN)) {
			app_post(a, STAFF_CMD_OPEN, i);
			return;
		}
		y += rh + gap;
	}
	staff_pager(pad, so.y, 300, bh, n, per, first, &stf.page, true);
	/* the time standards count down: a frame a second while requests wait, none otherwise */
	if (stf.n_inbox && (!ui.wake_at || ui.wake_at > SDL_GetTicks() + 1000))
		ui.wake_at = SDL_GetTicks() + 1000;
}

static void staff_event(struct app *a, const SDL_Event *e)
{
	if (e->type != a->ev_cmd)
		return;
	if (e->user.code == STAFF_CMD_LOAD) {
		staff_load(a);
	} else if (e->user.code == STAFF_CMD_OPEN) {
		int i = (int)(intptr_t)e->user.data1;
		const struct akses_request_summary *list =
		    stf.tab == STAFF_TAB_OPEN ? stf.open : stf.inbox;
		int n = stf.tab == STAFF_TAB_OPEN ? stf.n_open : stf.n_inbox;
		if (i < 0 || i >= n)
			return;
		staff_note_clear();
		staff_open_request(a, list[i].number, &screen_staff);
	}
}

const struct screen screen_staff = {
    .name = "staff",
    .enter = staff_enter,
    .event = staff_event,
    .draw = staff_draw,
    .leave = staff_leave,
    .staff = true,
};
