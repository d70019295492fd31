/* screen_request.c - one request as staff see it: number, applicant (NIK and phone masked except
 * for the Koordinator's verification), institution, purpose, window, companions, equipment, escort and
 * timeline, with the actions of the viewer's step (dispose, verify, decide, assign an escort,
 * record, report, forward, receive, cancel, reprint a pass). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "staff.h"
#include "valid.h"
#include "wf.h"

enum { RQ_CMD_ACT = 1, RQ_CMD_ASSIGN, RQ_CMD_ASK, RQ_CMD_BACK };

#define RQ_MAX_ACTS 8

static struct {
	char number[AKSES_NUMBER_BUF]; /* kept across leave: the dialog comes back here */
	const struct screen *from;
	akses_status rc; /* the load's outcome */
	struct akses_request req;
	struct akses_step_rec *tl;
	int n_tl;
	struct akses_pass *passes;
	int n_passes;
	struct akses_staff *escorts; /* active TIM_TEKNIS, when assigning */
	int n_escorts;
	wf_action acts[RQ_MAX_ACTS];
	int n_acts;
	bool reprint; /* the viewer may print passes again (with a reason) */
	int next_step;
	int64_t due_at;
	struct ui_scroll scroll; /* the details' column */
} rq;

/* Drop what was loaded (personal data overwritten), keeping the number and where to go back. */
static void rq_forget(void)
{
	free(rq.tl);
	if (rq.passes)
		memset(rq.passes, 0, (size_t)rq.n_passes * sizeof *rq.passes);
	free(rq.passes);
	free(rq.escorts);
	rq.tl = NULL;
	rq.passes = NULL;
	rq.escorts = NULL;
	rq.n_tl = rq.n_passes = rq.n_escorts = rq.n_acts = 0;
	volatile unsigned char *v = (volatile unsigned char *)&rq.req;
	for (size_t i = 0; i < sizeof rq.req; i++)
		v[i] = 0;
	rq.reprint = false;
	rq.next_step = 0;
	rq.due_at = 0;
}

/* Read the request, its timeline and passes, and work out the viewer's actions (event path). */
static void rq_load(struct app *a)
{
	rq_forget();
	rq.rc = a->st ? store_request_get(a->st, rq.number, &rq.req) : AKSES_E_IO;
	if (rq.rc != AKSES_OK)
		return;
	if (store_timeline(a->st, rq.number, &rq.tl, &rq.n_tl) != AKSES_OK)
		rq.n_tl = 0;
	if (store_pass_list(a->st, rq.number, &rq.passes, &rq.n_passes) != AKSES_OK)
		rq.n_passes = 0;
	akses_role role = a->staff.role;
	/* the store's rule: the window is over from its end on (flow_prologue: now >= end_at) */
	rq.n_acts = wf_actions_for(role, rq.req.state, clock_now() >= rq.req.end_at, rq.acts,
	                           RQ_MAX_ACTS);
	for (int i = 0; i < rq.n_acts; i++) {
		if (rq.acts[i] != WF_ASSIGN)
			continue;
		struct akses_staff *all = NULL;
		int n = 0;
		if (store_staff_list(a->st, ROLE_TIM_TEKNIS, &all, &n) == AKSES_OK) {
			/* only active escorts can be chosen */
			int k = 0;
			for (int j = 0; j < n; j++)
				if (all[j].active)
					all[k++] = all[j];
			rq.escorts = all;
			rq.n_escorts = k;
		}
	}
	rq.reprint = (role == ROLE_HELPDESK || role == ROLE_KOORDINATOR) &&
	             (rq.req.state == RS_RECORDED || rq.req.state == RS_ON_SITE ||
	              rq.req.state == RS_VISITED);
	rq.next_step = wf_next_step(rq.req.state, NULL, NULL);
	if (rq.next_step) {
		/* the wait started when the last step completed (step 7: not before the window) */
		int64_t since = rq.n_tl ? rq.tl[rq.n_tl - 1].at : rq.req.created_at;
		rq.due_at = wf_due_at(rq.req.state, since, rq.req.start_at, rq.req.end_at);
	}
}

void staff_open_request(struct app *a, const char *number, const struct screen *from)
{
	snprintf(rq.number, sizeof rq.number, "%s", number);
	rq.from = from;
	app_switch(a, &screen_request);
}

static void rq_enter(struct app *a)
{
	memset(&rq.scroll, 0, sizeof rq.scroll);
	rq_load(a);
}

static void rq_leave(struct app *a)
{
	(void)a;
	rq_forget();
}

/* A paragraph of the details at (x, y), width w, wrapped as long as it is (the column
 * scrolls); returns the height used with the gap below. */
static int rq_para(int x, int y, int w, const char *s, enum ui_font f, bool bold, SDL_Color c,
                   int gap)
{
	return ui_text_wrapped(ui_rect(x, y, w, UI_NO_LIMIT), s, f, bold, c) + ui_px(gap);
}

/* The Koordinator verifying (step 4) sees the whole NIK and phone; everyone else masked ones. */
static bool rq_verifying(const struct app *a)
{
	return wf_identity_full(a->staff.role, rq.req.state);
}

/* One "label: value" paragraph of the left column; returns the height used. */
static int rq_line(int x, int y, int w, const char *label, const char *value)
{
	char line[3400];

	snprintf(line, sizeof line, "%s: %s", label, value);
	return rq_para(x, y, w, line, UI_FONT_BODY, false, ui_c_text, UI_LINE_GAP);
}

/* "Urgent · Please process promptly.": what a Kadis or Kabid added to a disposition step; false
 * when nothing was. */
static bool rq_dispo_text(const struct akses_step_rec *s, char *out, size_t n)
{
	const char *u = wf_urgency_label(s->urgency);
	if (!*u && !s->instruction[0])
		return false;
	snprintf(out, n, "%s%s%s", u, *u && s->instruction[0] ? " · " : "", s->instruction);
	return true;
}

/* A small muted heading; returns the height used. */
static int rq_head(int x, int y, int w, const char *s)
{
	int sh = ui_font_height(UI_FONT_SMALL);

	ui_text(ui_rect(x, y, w, sh), s, UI_FONT_SMALL, true, ui_c_muted, UI_LEFT);
	return sh + ui_px(UI_HAIR);
}

/* Companions and equipment, one to a line (all of them: the column scrolls); returns the y
 * below. */
static int rq_draw_people(int x, int y, int w, bool full)
{
	const struct akses_request *r = &rq.req;
	char v[400], nik[40];

	if (r->n_companions) {
		char head[80];
		snprintf(head, sizeof head, _("Companions: %d"), r->n_companions);
		y += rq_head(x, y, w, head);
		for (int i = 0; i < r->n_companions; i++) {
			const struct akses_person *p = &r->companions[i];
			valid_id_mask(p->id_type, p->nik, full, nik, sizeof nik);
			/* a NIK goes without its label, as it always did; other documents say which */
			snprintf(v, sizeof v, "%d. %s (%s%s%s)", i + 1, p->name,
			         p->id_type == ID_NIK ? "" : akses_id_type_label(p->id_type),
			         p->id_type == ID_NIK ? "" : " ", nik);
			y += rq_para(x, y, w, v, UI_FONT_SMALL, false, ui_c_text, UI_GAP_XS);
		}
		y += ui_px(UI_GAP_XS);
	}
	if (r->n_equipment) {
		y += rq_head(x, y, w, _("Equipment"));
		for (int i = 0; i < r->n_equipment; i++) {
			snprintf(v, sizeof v, "%d. %s", i + 1, r->equipment[i]);
			y += rq_para(x, y, w, v, UI_FONT_SMALL, false, ui_c_text, UI_GAP_XS);
		}
		y += ui_px(UI_GAP_XS);
	}
	return y;
}

/* The whole history: each completed step, by whom, when, how long against its standard, with
 * its note in full; returns the y below. */
static int rq_draw_history(int x, int y, int w)
{
	char v[2600];

	y += ui_px(UI_LINE_GAP);
	y += rq_head(x, y, w, _("Timeline")) + ui_px(UI_HAIR);
	for (int i = 0; i < rq.n_tl; i++) {
		const struct akses_step_rec *s = &rq.tl[i];
		char when[24], took[32] = "";
		clock_format_hm(s->at, when, sizeof when);
		if (s->duration_s >= 0)
			snprintf(took, sizeof took, " · %d:%02d / %d:%02d",
			         (int)(s->duration_s / 60), (int)(s->duration_s % 60),
			         s->standard_s / 60, s->standard_s % 60);
		bool late = s->duration_s > s->standard_s && s->standard_s > 0;
		snprintf(v, sizeof v, "%d. %s — %s%s%s%s · %s%s", s->step,
		         wf_action_label((wf_action)s->action),
		         s->actor_id ? s->actor_name : wf_role_title(s->role),
		         s->note[0] ? " (" : "", s->note, s->note[0] ? ")" : "", when, took);
		y += rq_para(x, y, w, v, UI_FONT_SMALL, false,
		             late ? ui_c_danger : (s->action == WF_REJECT ? ui_c_danger : ui_c_text),
		             UI_LINE_GAP);
		/* a disposition's urgency and instruction, below its step */
		if (rq_dispo_text(s, v, sizeof v))
			y += rq_para(x + ui_px(UI_PAD), y, w - ui_px(UI_PAD), v, UI_FONT_SMALL, false,
			             ui_c_muted, UI_LINE_GAP);
	}
	return y;
}

/* The left column: who, what, when, with whom, and the timeline so far, in a scroll view: a
 * full request (long names, a group of 30, 8 equipment lines, every step) is never cut. */
static void rq_draw_details(struct app *a, SDL_Rect box)
{
	const struct akses_request *r = &rq.req;
	char v[3200], nik[40], d[24], t1[24], t2[24];
	/* the Koordinator verifies identities at step 4: the whole NIK there, masked elsewhere */
	bool full = rq_verifying(a);
	SDL_Rect c = ui_scroll_begin("details", &rq.scroll, box);
	int x = c.x, y = c.y, w = c.w;

	y += rq_para(x, y, w, r->name, UI_FONT_LARGE, true, ui_c_text, UI_GAP_S);
	valid_id_mask(r->id_type, r->nik, full, nik, sizeof nik);
	y += rq_line(x, y, w, akses_id_type_label(r->id_type), nik);
	/* and the phone, to call the applicant: also whole only for that verification */
	staff_mask_phone(r->phone, full, v, sizeof v);
	y += rq_line(x, y, w, _("Phone"), v);
	y += rq_line(x, y, w, _("Institution"), r->institution);
	snprintf(v, sizeof v, "%s — %s", wf_purpose_label(r->purpose_category), r->purpose);
	y += rq_head(x, y, w, _("Purpose"));
	y += rq_para(x, y, w, v, UI_FONT_BODY, false, ui_c_text, UI_GAP_S);
	clock_format_day(r->start_at, d, sizeof d);
	clock_format_hm(r->start_at, t1, sizeof t1);
	clock_format_hm(r->end_at, t2, sizeof t2);
	snprintf(v, sizeof v, "%s %s–%s", d, t1, t2);
	y += rq_line(x, y, w, _("Window"), v);
	if (r->escort_name[0])
		y += rq_line(x, y, w, _("Escort"), r->escort_name);
	y = rq_draw_people(x, y, w, full);
	if (r->reason[0]) {
		snprintf(v, sizeof v, "%s: %s", _("Reason"), r->reason);
		y += rq_para(x, y, w, v, UI_FONT_BODY, true, ui_c_danger, UI_GAP_S);
	}
	if (r->report[0]) {
		y += rq_head(x, y, w, _("Access report"));
		y += rq_para(x, y, w, r->report, UI_FONT_SMALL, false, ui_c_text, UI_GAP_S);
	}
	y = rq_draw_history(x, y, w);
	ui_scroll_end("details", &rq.scroll, box, y - c.y);
}

/* An action button; true when tapped. */
static bool rq_button(const char *id, SDL_Rect r, const char *label, enum ui_style s)
{
	return ui_button_ex(id, r, label, s, UI_FONT_AUTO);
}

/* The dialog an action goes through (screen_reason.c), or 0 when one tap does it: what needs a
 * text, and the deliberate ones (an approval shows what it approves, a rejection or
 * cancellation is read back, a disposition takes an instruction and urgency). */
static enum staff_ask_kind rq_ask_for(wf_action act)
{
	switch (act) {
	case WF_REJECT:
		return ASK_REJECT;
	case WF_CANCEL:
		return ASK_CANCEL;
	case WF_VERIFY:
		return ASK_VERIFY;
	case WF_REPORT:
		return ASK_REPORT;
	case WF_APPROVE:
		return ASK_APPROVE;
	case WF_DISPOSE_KADIS:
	case WF_DISPOSE_KABID:
		return ASK_DISPOSE;
	default:
		return 0;
	}
}

/* The right column: where the request stands, the outcome of the last action, the actions. */
static void rq_draw_actions(struct app *a, int x, int y, int w, int bottom)
{
	char line[600], id[48];
	int bh = ui_px(UI_BUTTON_H_S), gap = ui_px(UI_GAP_M);
	int64_t now = clock_now();

	y += ui_text_wrapped(ui_rect(x, y, w, ui_px(100)), wf_state_label(rq.req.state),
	                     UI_FONT_BODY, true, ui_c_text) +
	     ui_px(UI_GAP_S);
	if (rq.next_step) {
		char due[64];
		bool late = staff_due_text(rq.due_at, now, due, sizeof due);
		snprintf(line, sizeof line, "%s %d · %s", _("step"), rq.next_step, due);
		ui_text(ui_rect(x, y, w, ui_font_height(UI_FONT_BODY)), line, UI_FONT_BODY, late,
		        late ? ui_c_danger : ui_c_ok, UI_LEFT);
		y += ui_font_height(UI_FONT_BODY) + ui_px(UI_ROW_GAP);
		if (!ui.wake_at || ui.wake_at > SDL_GetTicks() + 1000)
			ui.wake_at = SDL_GetTicks() + 1000; /* the countdown's seconds */
	}
	y += staff_note_draw(ui_rect(x, y, w, ui_px(UI_BUTTON_H_XL)));
	if (a->print.phase == PRINT_BUSY && a->print.doc == PAPER_BADGE) {
		ui_text(ui_rect(x, y, w, ui_font_height(UI_FONT_BODY)), _("Printing…"),
		        UI_FONT_BODY, false, ui_c_muted, UI_LEFT);
		y += ui_font_height(UI_FONT_BODY) + ui_px(UI_GAP_S);
	}
	for (int i = 0; i < rq.n_acts && y + bh <= bottom; i++) {
		wf_action act = rq.acts[i];
		const struct wf_transition *t = wf_get(act);
		snprintf(id, sizeof id, "act:%s", t ? t->code : "?");
		switch (act) {
		case WF_ASSIGN:
			ui_text(ui_rect(x, y, w, ui_font_height(UI_FONT_SMALL)),
			        _("Assign an escort (Tim Teknis):"), UI_FONT_SMALL, true,
			        ui_c_muted, UI_LEFT);
			y += ui_font_height(UI_FONT_SMALL) + ui_px(UI_LINE_GAP);
			if (rq.n_escorts == 0) {
				ui_text(ui_rect(x, y, w, ui_font_height(UI_FONT_BODY)),
				        _("No active Tim Teknis: add one with aksesctl."),
				        UI_FONT_BODY, false, ui_c_danger, UI_LEFT);
				y += ui_font_height(UI_FONT_BODY) + gap;
			}
			/* two escorts a row */
			for (int k = 0; k < rq.n_escorts && y + bh <= bottom; k++) {
				int cw = (w - gap) / 2;
				SDL_Rect b = {x + (k % 2) * (cw + gap), y, cw, bh};
				snprintf(id, sizeof id, "assign:%lld", (long long)rq.escorts[k].id);
				if (rq_button(id, b, rq.escorts[k].name, UI_PRIMARY))
					app_post(a, RQ_CMD_ASSIGN, (intptr_t)rq.escorts[k].id);
				if (k % 2 == 1 || k == rq.n_escorts - 1)
					y += bh + gap;
			}
			break;
		default: {
			/* a step with a dialog opens it; a plain one (record, forward...) is done */
			enum staff_ask_kind ask = rq_ask_for(act);
			enum ui_style look =
			    act == WF_REJECT || act == WF_CANCEL ? UI_DANGER : UI_PRIMARY;
			if (rq_button(id, ui_rect(x, y, w, bh), wf_action_label(act), look)) {
				if (ask)
					app_post(a, RQ_CMD_ASK, ask);
				else
					app_post(a, RQ_CMD_ACT, (intptr_t)act);
			}
			y += bh + gap;
			break;
		}
		}
	}
	if (!rq.reprint)
		return;
	for (int i = 0; i < rq.n_passes && y + bh <= bottom; i++) {
		const struct akses_pass *p = &rq.passes[i];
		if (p->revoked || p->end_at <= now)
			continue;
		snprintf(id, sizeof id, "reprint:%d", p->person);
		snprintf(line, sizeof line, "%s: %s", _("Print the pass again"), p->name);
		if (rq_button(id, ui_rect(x, y, w, bh), line, UI_SECONDARY))
			app_post(a, RQ_CMD_ASK, ASK_REPRINT | (p->person << 8));
		y += bh + gap;
	}
}

static void rq_draw(struct app *a)
{
	SDL_Rect c = app_top_bar(a, rq.number);
	int pad = ui_px(UI_PAD), bh = ui_px(UI_BUTTON_H);
	int split = ui.w * 60 / 100;
	int bottom = ui.h - bh - ui_px(UI_PAD);
	char acts[200] = "", phone[AKSES_PHONE_BUF];
	size_t o = 0;

	for (int i = 0; i < rq.n_acts && o < sizeof acts; i++) {
		const struct wf_transition *t = wf_get(rq.acts[i]);
		o += (size_t)snprintf(acts + o, sizeof acts - o, "%s%s", i ? "," : "",
		                      t ? t->code : "?");
	}
	staff_mask_phone(rq.req.phone, rq_verifying(a), phone, sizeof phone);
	char dispo[AKSES_BUF(AKSES_NOTE_CHARS) + 40] = "";
	for (int i = 0; i < rq.n_tl; i++)
		rq_dispo_text(&rq.tl[i], dispo, sizeof dispo);
	snprintf(a->dump_extra, sizeof a->dump_extra,
	         "number %s\nstate %s\nacts %s\nescorts %d\nnik_full %d\nphone %s\ndispo %.200s\n"
	         "msg %s",
	         rq.number, rq.rc == AKSES_OK ? wf_state_code(rq.req.state) : "-", acts,
	         rq.n_escorts, rq_verifying(a), phone, dispo, staff_note.text);
	/* back and sign out, bottom right */
	SDL_Rect so = {ui.w - pad - ui_px(UI_BUTTON_W), ui.h - bh - ui_px(UI_PAD_ROW),
	               ui_px(UI_BUTTON_W), bh};
	SDL_Rect back = {so.x - ui_px(UI_PAD_ROW) - ui_px(UI_BUTTON_W), so.y, ui_px(UI_BUTTON_W), bh};
	if (ui_button("back", back, _("Back"), UI_SECONDARY)) {
		app_post(a, RQ_CMD_BACK, 0);
		return;
	}
	if (staff_signout_button(a, so))
		return;
	if (rq.rc != AKSES_OK) {
		ui_text_wrapped(ui_rect(pad, c.y + ui_px(UI_GAP_L), c.w - 2 * pad, ui_px(200)),
		                akses_status_message(rq.rc), UI_FONT_LARGE, true, ui_c_danger);
		return;
	}
	SDL_Rect box = {pad, c.y + ui_px(UI_PAD_ROW), split - 2 * pad,
	                ui.h - ui_px(UI_GAP) - c.y - ui_px(UI_PAD_ROW)};
	rq_draw_details(a, box);
	ui_fill(ui_rect(split, c.y + ui_px(UI_PAD_ROW), ui_px(UI_HAIR), bottom - c.y - ui_px(UI_PAD_ROW)),
	        ui_c_border);
	rq_draw_actions(a, split + pad, c.y + ui_px(UI_PAD_ROW), ui.w - split - 2 * pad, bottom);
}

/* The actions: done here (plain steps, escort) or through the typed-text dialog. */
static void rq_event(struct app *a, const SDL_Event *e)
{
	akses_status rc;
	const char *what;

	if (e->type == a->ev_print) {
		/* a reprint finished: its outcome, then the passes again */
		if (a->print.doc == PAPER_BADGE && !strcmp(a->print.number, rq.number)) {
			if (a->print.phase == PRINT_OK)
				staff_note_set(true, "%s: %s", rq.number, _("the pass is printed"));
			else
				staff_note_set(false, "%s",
				               a->print.res.message[0]
				                   ? a->print.res.message
				                   : akses_status_message(a->print.res.status));
		}
		rq_load(a);
		return;
	}
	if (e->type != a->ev_cmd || !a->st)
		return;
	switch (e->user.code) {
	case RQ_CMD_BACK:
		app_switch(a, rq.from ? rq.from : staff_home(a));
		return;
	case RQ_CMD_ASK: {
		int v = (int)(intptr_t)e->user.data1;
		int person = v >> 8;
		const char *name = "";
		for (int i = 0; i < rq.n_passes; i++)
			if (rq.passes[i].person == person)
				name = rq.passes[i].name;
		staff_note_clear();
		staff_ask(a, (enum staff_ask_kind)(v & 0xff), rq.number, person, name,
		          &screen_request);
		return;
	}
	case RQ_CMD_ACT: {
		wf_action act = (wf_action)(intptr_t)e->user.data1;
		rc = store_act(a->st, rq.number, act, a->staff.id, NULL);
		what = wf_action_label(act);
		break;
	}
	case RQ_CMD_ASSIGN: {
		int64_t escort = (int64_t)(intptr_t)e->user.data1;
		rc = store_assign(a->st, rq.number, a->staff.id, escort);
		what = wf_action_label(WF_ASSIGN);
		break;
	}
	default:
		return;
	}
	if (rc != AKSES_OK) {
		/* stay, with the reason in plain words and the request as it is now */
		staff_note_set(false, "%s", akses_status_message(rc));
		rq_load(a);
		return;
	}
	staff_note_set(true, "%s: %s — %s", rq.number, what, _("done"));
	if (e->user.code == RQ_CMD_ASSIGN) {
		for (int i = 0; i < rq.n_escorts; i++)
			if (rq.escorts[i].id == (int64_t)(intptr_t)e->user.data1)
				staff_note_set(true, "%s: %s — %s", rq.number, what,
				               rq.escorts[i].name);
	}
	/* the step is done: back to the list, where it no longer waits */
	app_switch(a, rq.from ? rq.from : staff_home(a));
}

const struct screen screen_request = {
    .name = "request",
    .enter = rq_enter,
    .event = rq_event,
    .draw = rq_draw,
    .leave = rq_leave,
    .staff = true,
};
