/* screen-staff.c - the home of a signed-in official or helpdesk member: the inbox of requests
 * waiting for their role's step (time standard counting down, overdue in red), and the actions
 * of that step on the selected request (dispose, verify, approve, assign an escort, record,
 * forward, receive). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "kiosk.h"
#include "wf.h"

enum { STAFF_CMD_LOAD = 1, STAFF_CMD_ACT, STAFF_CMD_ASSIGN, STAFF_CMD_SIGNOUT };

static struct {
	struct akses_request_summary *inbox;
	int n_inbox;
	int sel; /* -1 none */
	struct akses_staff *escorts;
	int n_escorts;
	char msg[256];
	bool msg_ok;
} stf;

static void staff_free(void)
{
	free(stf.inbox);
	free(stf.escorts);
	memset(&stf, 0, sizeof stf);
	stf.sel = -1;
}

/* Read the inbox (and the escorts, for step 6) in the event path. */
static void staff_load(struct app *a)
{
	free(stf.inbox);
	free(stf.escorts);
	stf.inbox = NULL;
	stf.escorts = NULL;
	stf.n_inbox = stf.n_escorts = 0;
	if (!a->st)
		return;
	if (store_inbox(a->st, a->staff.id, &stf.inbox, &stf.n_inbox) != AKSES_OK)
		stf.n_inbox = 0;
	if (store_staff_list(a->st, ROLE_TIM_TEKNIS, &stf.escorts, &stf.n_escorts) != AKSES_OK)
		stf.n_escorts = 0;
	if (stf.sel >= stf.n_inbox)
		stf.sel = -1;
}

static void staff_enter(struct app *a)
{
	staff_free();
	app_post(a, STAFF_CMD_LOAD, 0);
}

static void staff_leave(struct app *a)
{
	(void)a;
	staff_free();
}

static void staff_draw(struct app *a)
{
	char title[600], line[1024], l2[1200], id[40], due[80];
	SDL_Rect c;
	int pad = ui_px(40);

	snprintf(title, sizeof title, "%s", a->staff.name);
	c = app_top_bar(a, title);
	snprintf(a->dump_extra, sizeof a->dump_extra, "role %s\ninbox %d\nsel %d\nmsg %s",
	         wf_role_code(a->staff.role), stf.n_inbox, stf.sel, stf.msg);
	SDL_Rect so = {ui.w - pad - ui_px(340), ui.h - ui_px(140), ui_px(340), ui_px(110)};
	if (ui_button("signout", so, _("Sign out"), UI_SECONDARY)) {
		app_post(a, STAFF_CMD_SIGNOUT, 0);
		return;
	}
	int lw = ui.w / 2 - pad, y = c.y + ui_px(20), rh = ui_px(120);
	ui_text(ui_rect(pad, y, lw, ui_font_height(UI_FONT_BODY)), wf_role_title(a->staff.role),
	        UI_FONT_BODY, false, ui_c_muted, UI_LEFT);
	y += ui_font_height(UI_FONT_BODY) + ui_px(8);
	snprintf(line, sizeof line, _("Waiting for you: %d"), stf.n_inbox);
	ui_text(ui_rect(pad, y, lw, ui_font_height(UI_FONT_LARGE)), line, UI_FONT_LARGE, true,
	        ui_c_text, UI_LEFT);
	y += ui_font_height(UI_FONT_LARGE) + ui_px(12);
	int64_t now = clock_now();
	/* the time standards count down: redraw once a second */
	if (stf.n_inbox && !ui.wake_at)
		ui.wake_at = SDL_GetTicks() + 1000;
	for (int i = 0; i < stf.n_inbox && y + rh < ui.h - ui_px(20); i++) {
		const struct akses_request_summary *r = &stf.inbox[i];
		bool overdue = r->due_at && now > r->due_at;
		char dur[32];
		clock_format_duration(overdue ? now - r->due_at : r->due_at - now, dur, sizeof dur);
		snprintf(due, sizeof due, overdue ? _("overdue %s") : _("%s left"), dur);
		snprintf(line, sizeof line, "%s  %s", r->number, r->name);
		snprintf(l2, sizeof l2, "%s · %s %d · %s", r->institution, _("step"), r->next_step,
		         r->due_at ? due : "");
		snprintf(id, sizeof id, "inbox:%d", i);
		if (ui_list_row(id, ui_rect(pad, y, lw, rh), line, l2,
		                overdue ? ui_c_danger : (i == stf.sel ? ui_c_primary : ui_c_ok))) {
			stf.sel = i;
			stf.msg[0] = '\0';
		}
		if (i == stf.sel)
			ui_frame_rect(ui_rect(pad, y, lw, rh), ui_c_primary, ui_px(4));
		y += rh + ui_px(6);
	}
	/* the selected request's actions */
	int x = ui.w / 2 + pad, w = ui.w / 2 - 2 * pad;
	y = c.y + ui_px(20);
	if (stf.msg[0]) {
		ui_text_wrapped(ui_rect(x, y, w, ui_px(100)), stf.msg, UI_FONT_BODY, true,
		                stf.msg_ok ? ui_c_ok : ui_c_danger);
		y += ui_px(110);
	}
	if (stf.sel < 0)
		return;
	const struct akses_request_summary *r = &stf.inbox[stf.sel];
	wf_action acts[8];
	int n = wf_actions_for(a->staff.role, r->state, acts, 8);
	ui_text(ui_rect(x, y, w, ui_font_height(UI_FONT_BODY)), wf_state_label(r->state),
	        UI_FONT_BODY, true, ui_c_text, UI_LEFT);
	y += ui_font_height(UI_FONT_BODY) + ui_px(16);
	for (int i = 0; i < n; i++) {
		if (acts[i] == WF_REJECT || acts[i] == WF_CANCEL || acts[i] == WF_REPORT)
			continue; /* need a typed reason or report: aksesctl for now */
		if (acts[i] == WF_ASSIGN) {
			for (int k = 0; k < stf.n_escorts && k < 4; k++) {
				snprintf(id, sizeof id, "assign:%lld", (long long)stf.escorts[k].id);
				snprintf(line, sizeof line, "%s: %s", wf_action_label(WF_ASSIGN),
				         stf.escorts[k].name);
				if (ui_button(id, ui_rect(x, y, w, ui_px(110)), line, UI_PRIMARY))
					app_post(a, STAFF_CMD_ASSIGN, (intptr_t)stf.escorts[k].id);
				y += ui_px(126);
			}
			continue;
		}
		snprintf(id, sizeof id, "act:%s", wf_get(acts[i]) ? wf_get(acts[i])->code : "?");
		if (ui_button(id, ui_rect(x, y, w, ui_px(110)), wf_action_label(acts[i]),
		              UI_PRIMARY))
			app_post(a, STAFF_CMD_ACT, (intptr_t)acts[i]);
		y += ui_px(126);
	}
}

/* Carry out an action on the selected request, then reload the inbox. */
static void staff_event(struct app *a, const SDL_Event *e)
{
	akses_status rc = AKSES_OK;

	if (e->type != a->ev_cmd || !a->st)
		return;
	switch (e->user.code) {
	case STAFF_CMD_LOAD:
		staff_load(a);
		return;
	case STAFF_CMD_SIGNOUT:
		a->signed_in = false;
		memset(&a->staff, 0, sizeof a->staff);
		app_post(a, APP_CMD_HOME, 0);
		return;
	case STAFF_CMD_ACT:
	case STAFF_CMD_ASSIGN:
		if (stf.sel < 0 || stf.sel >= stf.n_inbox)
			return;
		if (e->user.code == STAFF_CMD_ACT)
			rc = store_act(a->st, stf.inbox[stf.sel].number,
			               (wf_action)(intptr_t)e->user.data1, a->staff.id, NULL);
		else
			rc = store_assign(a->st, stf.inbox[stf.sel].number, a->staff.id,
			                  (int64_t)(intptr_t)e->user.data1);
		stf.msg_ok = rc == AKSES_OK;
		snprintf(stf.msg, sizeof stf.msg, "%s: %s", stf.inbox[stf.sel].number,
		         rc == AKSES_OK ? _("done") : akses_status_message(rc));
		stf.sel = -1;
		staff_load(a);
		return;
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
