/* screen_status.c - a visitor checks a request: by scanning the receipt's QR, or by typing the
 * request number and the phone's last 4 digits. Shows the SOP timeline, the decision (and reason),
 * the escort, and "Print my pass" per person once printable - only after a receipt scan: the typed
 * digits are guessable (the store limits the tries), the receipt's token is not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_offline.h"
#include "clock.h"
#include "kbd.h"
#include "kiosk.h"
#include "valid.h"
#include "wf.h"

enum { STT_CMD_LOOKUP = 1, STT_CMD_RELOAD, STT_CMD_PRINT };

/* The screen's state: what was typed, and what was found (only after proof: digits or receipt). */
static struct {
	char number[AKSES_NUMBER_BUF + 4]; /* room for VALID_NUMBER_MAX_CHARS */
	char digits[8];
	int focus; /* 0 number, 1 digits */
	struct kbd kbd;
	bool found;
	bool by_receipt;                /* found by the receipt's QR: may print */
	char receipt[AKSES_TOKEN_BUF]; /* that token: the print's proof (wiped with the rest) */
	bool keep; /* going to the print screen and back: keep the result */
	struct akses_request req;
	struct akses_step_rec *tl;
	int n_tl;
	struct akses_pass *passes;
	int n_passes;
	struct ui_scroll scroll; /* the result's */
	char msg[256];
} stt;

/* Forget the result (free the lists and overwrite the personal data). */
static void stt_forget(void)
{
	free(stt.tl);
	if (stt.passes)
		memset(stt.passes, 0, (size_t)stt.n_passes * sizeof *stt.passes);
	free(stt.passes);
	volatile unsigned char *v = (volatile unsigned char *)&stt;
	for (size_t i = 0; i < sizeof stt; i++)
		v[i] = 0;
	snprintf(stt.number, sizeof stt.number, "AKS-");
	stt.kbd.layout = KBD_NUMBER;
}

/* Read the timeline and passes of the request found (event path, not drawing). */
static void stt_load(struct app *a)
{
	free(stt.tl);
	free(stt.passes);
	stt.tl = NULL;
	stt.passes = NULL;
	stt.n_tl = stt.n_passes = 0;
	if (store_timeline(a->st, stt.req.number, &stt.tl, &stt.n_tl) != AKSES_OK)
		stt.n_tl = 0;
	if (store_pass_list(a->st, stt.req.number, &stt.passes, &stt.n_passes) != AKSES_OK)
		stt.n_passes = 0;
}

/* A lookup's outcome: show it, or say why not (deliberately vague for wrong digits; too many
 * tries say plainly how long to wait and what else works). */
static void stt_result(struct app *a, akses_status rc)
{
	if (rc != AKSES_OK) {
		stt.found = false;
		stt.by_receipt = false;
		memset(stt.receipt, 0, sizeof stt.receipt);
		int64_t wait_s = 0;
		if (rc == AKSES_E_LOOKUP_WAIT &&
		    store_lookup_wait(a->st, stt.number, a->cfg.station, &wait_s) == AKSES_OK &&
		    wait_s > 0)
			snprintf(stt.msg, sizeof stt.msg,
			         _("Too many attempts. Try again in %d min, or scan your receipt or "
			           "ask the helpdesk."),
			         (int)((wait_s + 59) / 60));
		else if (app_offline_note(a, rc))
			/* a visitor's words: no server, no database */
			snprintf(stt.msg, sizeof stt.msg, "%s",
			         _("We cannot check right now. Please try again in a moment."));
		else
			snprintf(stt.msg, sizeof stt.msg, "%s", akses_status_message(rc));
		return;
	}
	stt.found = true;
	stt.msg[0] = '\0';
	stt_load(a);
}

void screen_status_forget(void)
{
	stt_forget();
}

static void status_enter(struct app *a)
{
	if (stt.keep) {
		stt.keep = false;
		app_post(a, STT_CMD_RELOAD, 0);
		return;
	}
	stt_forget();
}

static void status_leave(struct app *a)
{
	(void)a;
	if (!stt.keep)
		stt_forget();
}

/* Would this pass be the visitor's to print now (first print only; a reprint needs staff)? */
static bool stt_printable(const struct akses_pass *p)
{
	bool state_ok = stt.req.state == RS_RECORDED || stt.req.state == RS_ON_SITE ||
	                stt.req.state == RS_VISITED;
	return state_ok && !p->revoked && p->end_at > clock_now() &&
	       (p->print == PRINT_NONE || p->print == PRINT_FAILED);
}

/* The form: number (with "-" pad) and the phone's last 4 digits. */
static void stt_draw_form(struct app *a, SDL_Rect c)
{
	int pad = ui_px(UI_PAD_SCREEN), gap = ui_px(UI_PAD);
	int fh = ui_font_height(UI_FONT_SMALL) * 2 + ui_px(2 * UI_GAP_XS) + ui_px(UI_FIELD_BOX_H);
	int kh = c.h * 50 / 100;
	SDL_Rect k = {c.x, c.y + c.h - kh, c.w, kh};
	int y = c.y + ui_px(UI_GAP_L);
	const char *m1 = "", *m2 = "";

	ui_text(ui_rect(pad, y, c.w - 2 * pad, ui_font_height(UI_FONT_BODY)),
	        _("Scan the QR code on your receipt, or type the request number and the last 4 "
	          "digits of your phone."),
	        UI_FONT_BODY, false, ui_c_text, UI_LEFT);
	y += ui_font_height(UI_FONT_BODY) + ui_px(UI_GAP);
	/* a number made today has 5 digits (18 characters); older ones 4: judge once it is that long */
	if (strlen(stt.number) > 4 && valid_request_number(stt.number, NULL) != AKSES_OK &&
	    strlen(stt.number) >= 13 + VALID_NUMBER_NEW_DIGITS)
		m1 = akses_status_message(AKSES_E_REQUEST_NUMBER);
	if (stt.digits[0] && strlen(stt.digits) >= 4 &&
	    valid_phone_digits(stt.digits) != AKSES_OK)
		m2 = akses_status_message(AKSES_E_PHONE_DIGITS);
	int w1 = ui_px(760), w2 = ui_px(420);
	if (ui_field("field:number", ui_rect(pad, y, w1, fh), _("Request number"), stt.number,
	             stt.focus == 0, m1, false))
		stt.focus = 0;
	if (ui_field("field:digits", ui_rect(pad + w1 + gap, y, w2, fh),
	             _("Last 4 digits of your phone"), stt.digits, stt.focus == 1, m2, false))
		stt.focus = 1;
	SDL_Rect go = {pad + w1 + w2 + 2 * gap, y + ui_font_height(UI_FONT_SMALL) + ui_px(UI_GAP_XS),
	               c.w - (pad + w1 + w2 + 2 * gap) - pad, ui_px(UI_FIELD_BOX_H)};
	if (ui_button("lookup", go, _("Check"), UI_PRIMARY))
		app_post(a, STT_CMD_LOOKUP, 0);
	y += fh + ui_px(UI_ROW_GAP);
	/* up to two lines: the wait message also says what else works */
	if (stt.msg[0])
		ui_text_wrapped(ui_rect(pad, y, c.w - 2 * pad, ui_font_height(UI_FONT_BODY) * 2),
		                stt.msg, UI_FONT_BODY, true, ui_c_danger);
	struct ui_textbuf t = stt.focus == 0
	                          ? (struct ui_textbuf){stt.number, sizeof stt.number, VALID_NUMBER_MAX_CHARS}
	                          : (struct ui_textbuf){stt.digits, sizeof stt.digits, 4};
	kbd_set_layout(&stt.kbd, stt.focus == 0 ? KBD_NUMBER : KBD_NUMERIC);
	ui_keyboard(&stt.kbd, k, &t);
}

/* The SOP steps a visitor sees, in order (there is no step 8), with the action that completes
 * each (its label names a step still to come). */
static const struct {
	int step;
	wf_action action;
} stt_steps[] = {{1, WF_SUBMIT},        {2, WF_DISPOSE_KADIS},  {3, WF_DISPOSE_KABID},
                 {4, WF_VERIFY},        {5, WF_APPROVE},        {6, WF_RECORD},
                 {7, WF_VISIT_END},     {9, WF_REPORT},         {10, WF_FORWARD_KOORD},
                 {11, WF_FORWARD_KABID}, {12, WF_RECEIVE}};

/* A paragraph at (x, y) of width w, wrapped as long as it is (the result scrolls); returns the
 * height used with the gap below it. */
static int stt_para(int x, int y, int w, const char *s, enum ui_font f, bool bold, SDL_Color c)
{
	return ui_text_wrapped(ui_rect(x, y, w, UI_NO_LIMIT), s, f, bold, c) + ui_px(UI_LINE_GAP);
}

/* The timeline's rows from y in a column of width w; returns the bottom. A step not done of a
 * request that ended (rejected, cancelled, expired) was not reached: it is not "pending". */
static int stt_draw_steps(int x, int y, int w)
{
	const struct akses_request *r = &stt.req;
	char line[600];

	for (size_t i = 0; i < sizeof stt_steps / sizeof stt_steps[0]; i++) {
		int step = stt_steps[i].step;
		const struct akses_step_rec *rec = NULL;
		for (int j = 0; j < stt.n_tl; j++)
			if (stt.tl[j].step == step)
				rec = &stt.tl[j];
		bool done = rec != NULL;
		SDL_Color col_c = done ? ui_c_ok : ui_c_muted;
		if (rec) {
			char when[24], d[24];
			clock_format_day(rec->at, d, sizeof d);
			clock_format_hm(rec->at, when, sizeof when);
			/* "29/11 14:05": the year is the visit's */
			snprintf(line, sizeof line, "✔ %d. %s — %s · %.2s/%.2s %s", step,
			         wf_action_label((wf_action)rec->action), wf_role_title(rec->role),
			         d + 8, d + 5, when);
			if (rec->action == WF_REJECT)
				col_c = ui_c_danger;
		} else if (wf_state_final(r->state)) {
			snprintf(line, sizeof line, "– %d. %s · %s", step,
			         wf_action_label(stt_steps[i].action), _("not reached"));
		} else {
			snprintf(line, sizeof line, "○ %d. %s", step,
			         wf_action_label(stt_steps[i].action));
		}
		y += ui_text_wrapped(ui_rect(x, y, w, UI_NO_LIMIT), line, UI_FONT_SMALL, done, col_c) +
		     ui_px(UI_ROW_GAP);
	}
	return y;
}

/* The passes' column from y; returns the bottom. */
static int stt_draw_passes(struct app *a, int px, int py, int col)
{
	const struct akses_request *r = &stt.req;
	int sh = ui_font_height(UI_FONT_SMALL);
	bool hint = false;

	for (int i = 0; i < stt.n_passes; i++) {
		const struct akses_pass *p = &stt.passes[i];
		char id[32], who[sizeof p->name + 32];
		/* the digits prove (weakly) the applicant only: companions stay unnamed to a typed
		 * lookup, which someone guessing could reach */
		if (stt.by_receipt || p->person == 0)
			snprintf(who, sizeof who, "%s", p->name);
		else
			snprintf(who, sizeof who, _("Companion %d"), p->person);
		py += stt_para(px, py, col, who, UI_FONT_BODY, true, ui_c_text);
		if (stt_printable(p) && !stt.by_receipt) {
			hint = true;
		} else if (stt_printable(p)) {
			snprintf(id, sizeof id, "print:%d", p->person);
			if (ui_button(id, ui_rect(px, py, ui_px(560), ui_px(UI_BUTTON_H)),
			              _("Print my pass"), UI_PRIMARY)) {
				stt.keep = true;
				app_post(a, STT_CMD_PRINT, p->person);
			}
			py += ui_px(UI_BUTTON_H) + 2 * ui_px(UI_GAP_S);
		} else if (p->print == PRINT_DONE) {
			py += stt_para(px, py, col, _("Printed. A reprint needs the helpdesk."),
			               UI_FONT_SMALL, false, ui_c_muted) +
			      ui_px(UI_GAP) - ui_px(UI_LINE_GAP);
		} else if (p->print == PRINT_PENDING) {
			ui_text(ui_rect(px, py, col, sh), _("Printing…"), UI_FONT_SMALL, false,
			        ui_c_muted, UI_LEFT);
			py += sh + ui_px(UI_GAP);
		}
	}
	if (hint)
		py += stt_para(px, py, col, akses_status_message(AKSES_E_RECEIPT_NEEDED),
		               UI_FONT_BODY, true, ui_c_primary);
	if (stt.n_passes == 0 && !wf_state_final(r->state))
		py += stt_para(px, py, col,
		               _("Your pass can be printed here once the request is approved and "
		                 "recorded."),
		               UI_FONT_BODY, false, ui_c_muted);
	return py;
}

/* The result: state, reason, escort, timeline, passes - in a scroll view, so a long reason,
 * name or list is never cut. */
static void stt_draw_result(struct app *a, SDL_Rect c)
{
	int pad = ui_px(UI_PAD_SCREEN);
	char line[2200], t1[24], t2[24], day[24];
	const struct akses_request *r = &stt.req;
	SDL_Color sc = r->state == RS_REJECTED || r->state == RS_CANCELLED ||
	                       r->state == RS_EXPIRED
	                   ? ui_c_danger
	                   : (r->state >= RS_APPROVED ? ui_c_ok : ui_c_primary);
	SDL_Rect done_b = {ui.w - pad - ui_px(UI_BUTTON_W_L), ui.h - ui_px(UI_BUTTON_H_L + UI_GAP_L),
	                   ui_px(UI_BUTTON_W_L), ui_px(UI_BUTTON_H_L)};
	SDL_Rect box = {pad, c.y + ui_px(UI_PAD_ROW), c.w - 2 * pad,
	                done_b.y - ui_px(UI_GAP) - c.y - ui_px(UI_PAD_ROW)};
	SDL_Rect v = ui_scroll_begin("result", &stt.scroll, box);
	int x = v.x, w = v.w, y = v.y;

	snprintf(line, sizeof line, "%s — %s", r->number, r->name);
	y += stt_para(x, y, w, line, UI_FONT_BODY, true, ui_c_text) + ui_px(UI_HAIR);
	y += stt_para(x, y, w, wf_state_label(r->state), UI_FONT_TITLE, true, sc) + ui_px(UI_HAIR);
	clock_format_day(r->start_at, day, sizeof day);
	clock_format_hm(r->start_at, t1, sizeof t1);
	clock_format_hm(r->end_at, t2, sizeof t2);
	snprintf(line, sizeof line, "%s: %s %s–%s", _("Visit"), day, t1, t2);
	y += stt_para(x, y, w, line, UI_FONT_BODY, false, ui_c_text);
	/* the whole reason: its end usually says what to do next */
	if (r->state == RS_REJECTED && r->reason[0]) {
		snprintf(line, sizeof line, "%s: %s", _("Reason"), r->reason);
		y += stt_para(x, y, w, line, UI_FONT_BODY, true, ui_c_danger);
	}
	if (r->escort_name[0]) {
		snprintf(line, sizeof line, "%s: %s", _("Your escort"), r->escort_name);
		y += stt_para(x, y, w, line, UI_FONT_BODY, false, ui_c_text);
	}
	y += ui_px(UI_PAD_LABEL);

	/* Left: the timeline. Right: the passes. */
	int col = (w - pad) * 60 / 100;
	int ty = stt_draw_steps(x, y, col);
	int py = stt_draw_passes(a, x + col + pad, y, w - col - pad);
	ui_scroll_end("result", &stt.scroll, box, (ty > py ? ty : py) - v.y);
	if (ui_button("finish", done_b, _("Finish"), UI_SECONDARY))
		app_post(a, APP_CMD_HOME, 0);
}

static void status_draw(struct app *a)
{
	SDL_Rect c = app_top_bar(a, _("Request status"));

	snprintf(a->dump_extra, sizeof a->dump_extra,
	         "found %d\nstate %s\npasses %d\nproof %s\nmsg %s", stt.found ? 1 : 0,
	         stt.found ? wf_state_code(stt.req.state) : "-", stt.n_passes,
	         stt.found ? (stt.by_receipt ? "receipt" : "digits") : "-", stt.msg);
	if (stt.found) {
		stt_draw_result(a, c);
		return;
	}
	stt_draw_form(a, c);
}

/* Look up by number + digits (typed), reload, or start printing a pass. */
static void status_event(struct app *a, const SDL_Event *e)
{
	if (e->type != a->ev_cmd)
		return;
	if ((!a->st || a->offline) &&
	    (e->user.code == STT_CMD_LOOKUP || e->user.code == STT_CMD_PRINT)) {
		stt_result(a, AKSES_E_DB_GONE); /* not even tried: each try would wait for the server */
		return;
	}
	if (!a->st || a->offline)
		return;
	switch (e->user.code) {
	case STT_CMD_LOOKUP: {
		char num[AKSES_NUMBER_BUF];
		akses_status rc = valid_request_number(stt.number, num);
		if (rc == AKSES_OK)
			rc = valid_phone_digits(stt.digits);
		if (rc == AKSES_OK)
			rc = store_lookup(a->st, num, stt.digits, a->cfg.station, &stt.req);
		/* the digits were the proof: do not keep them on screen */
		memset(stt.digits, 0, sizeof stt.digits);
		stt_result(a, rc);
		stt.by_receipt = false;
		break;
	}
	case STT_CMD_RELOAD:
		if (stt.req.number[0]) {
			struct akses_request r;
			if (store_request_get(a->st, stt.req.number, &r) == AKSES_OK)
				stt.req = r;
			memset(&r, 0, sizeof r);
			stt_load(a);
		}
		break;
	case STT_CMD_PRINT:
		if (!stt.by_receipt)
			break; /* no button without the receipt; the store would refuse it too */
		print_worker_start(a, PAPER_BADGE, stt.req.number, (int)(intptr_t)e->user.data1,
		                   stt.receipt);
		app_switch(a, &screen_print);
		break;
	}
}

/* A receipt scanned: look the request up by its token. */
static void status_scan(struct app *a, const char *code)
{
	char tok[AKSES_TOKEN_BUF];
	akses_status rc = valid_token(code, tok);

	if (rc == AKSES_OK)
		rc = a->st && !a->offline ? store_lookup_token(a->st, tok, &stt.req) : AKSES_E_DB_GONE;
	stt_result(a, rc);
	stt.by_receipt = rc == AKSES_OK;
	if (stt.by_receipt)
		memcpy(stt.receipt, tok, sizeof stt.receipt);
	memset(tok, 0, sizeof tok);
}

/* A real keyboard types into the focused field; Enter checks. */
static void status_text(struct app *a, const char *s)
{
	struct ui_textbuf t = stt.focus == 0 ? (struct ui_textbuf){stt.number, sizeof stt.number, VALID_NUMBER_MAX_CHARS}
	                                     : (struct ui_textbuf){stt.digits, sizeof stt.digits, 4};
	if (stt.found)
		return;
	if (!strcmp(s, "\n"))
		app_post(a, STT_CMD_LOOKUP, 0);
	else if (!strcmp(s, "\b"))
		ui_textbuf_backspace(&t);
	else
		ui_textbuf_insert(&t, s);
}

const struct screen screen_status = {
	.name = "status",
	.enter = status_enter,
	.event = status_event,
	.draw = status_draw,
	.leave = status_leave,
	.scan = status_scan,
	.text = status_text,
	.visitor = true,
};
