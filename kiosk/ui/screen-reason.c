/* screen-reason.c - the typed-text dialog of the staff screens: a rejection or cancellation
 * reason, a verification note, the access report (several lines) or a reprint's reason, typed on
 * the on-screen keyboard; the action runs only when the confirm button is tapped. */
#include <stdio.h>
#include <string.h>

#include "kbd.h"
#include "staff.h"
#include "valid.h"
#include "wf.h"

enum { REASON_CMD_OK = 1, REASON_CMD_BACK };

static struct {
	enum staff_ask_kind kind;
	char number[AKSES_NUMBER_BUF];
	int person;
	char person_name[AKSES_BUF(AKSES_NAME_CHARS)];
	const struct screen *from;
	char text[AKSES_BUF(AKSES_REPORT_CHARS)];
	struct kbd kbd;
	char msg[300];
} rsn;

/* Overwrite what was typed (a reason may name people). */
static void reason_wipe_text(void)
{
	volatile char *v = rsn.text;
	for (size_t i = 0; i < sizeof rsn.text; i++)
		v[i] = 0;
	rsn.msg[0] = '\0';
}

void staff_ask(struct app *a, enum staff_ask_kind kind, const char *number, int person,
               const char *person_name, const struct screen *from)
{
	rsn.kind = kind;
	snprintf(rsn.number, sizeof rsn.number, "%s", number);
	rsn.person = person;
	snprintf(rsn.person_name, sizeof rsn.person_name, "%s", person_name ? person_name : "");
	rsn.from = from;
	app_switch(a, &screen_reason);
}

static bool reason_multiline(void)
{
	return rsn.kind == ASK_REPORT;
}

static size_t reason_max(void)
{
	return rsn.kind == ASK_REPORT ? AKSES_REPORT_CHARS : AKSES_NOTE_CHARS;
}

static struct ui_textbuf reason_buf(void)
{
	return (struct ui_textbuf){rsn.text, sizeof rsn.text, reason_max()};
}

static void reason_enter(struct app *a)
{
	(void)a;
	reason_wipe_text();
	memset(&rsn.kbd, 0, sizeof rsn.kbd);
	rsn.kbd.layout = KBD_TEXT;
}

static void reason_leave(struct app *a)
{
	(void)a;
	reason_wipe_text();
	memset(rsn.person_name, 0, sizeof rsn.person_name);
}

/* Title, prompt and the confirm button's label and look for this kind. */
static void reason_words(char *title, size_t tn, const char **prompt, const char **ok,
                         enum ui_style *ok_style)
{
	*ok_style = UI_PRIMARY;
	switch (rsn.kind) {
	case ASK_REJECT:
		snprintf(title, tn, _("Reject %s"), rsn.number);
		*prompt = _("Why is the request rejected? The applicant will read this reason.");
		*ok = _("Reject");
		*ok_style = UI_DANGER;
		break;
	case ASK_VERIFY:
		snprintf(title, tn, _("Verify %s"), rsn.number);
		*prompt = _("A note on the verification for the Head of Division (optional).");
		*ok = wf_action_label(WF_VERIFY);
		break;
	case ASK_CANCEL:
		snprintf(title, tn, _("Cancel %s"), rsn.number);
		*prompt = _("Why is the request cancelled? The applicant will read this reason.");
		*ok = _("Cancel the request");
		*ok_style = UI_DANGER;
		break;
	case ASK_REPORT:
		snprintf(title, tn, _("Access report %s"), rsn.number);
		*prompt = _("What was done during the visit? The report goes to the Coordinator.");
		*ok = _("Save the report");
		break;
	case ASK_REPRINT:
	default:
		snprintf(title, tn, _("Reprint the pass of %s"), rsn.person_name);
		*prompt = _("Why is the pass printed again? The reason is recorded.");
		*ok = _("Print");
		break;
	}
}

/* The typed text in its box: wrapped, the end shown when it is longer than the box. */
static void reason_draw_text(SDL_Rect box)
{
	char shown[sizeof rsn.text + 8];
	int w = 0, h = 0;

	ui_note_rect("field:text", box);
	ui_fill(box, ui_c_primary);
	ui_fill(ui_inset(box, ui_px(5)), ui_c_panel);
	SDL_Rect in = ui_inset(box, ui_px(20));
	/* the caret: a thin bar after the last character (on a new line after a line break) */
	snprintf(shown, sizeof shown, "%s\xe2\x96\x8f", rsn.text);
	if (!reason_multiline()) {
		ui_text_tail(in, shown, UI_FONT_BODY, false, ui_c_text);
		return;
	}
	SDL_Texture *tx = ui_text_get(shown, UI_FONT_BODY, false, ui_c_text, in.w, &w, &h);
	if (!tx)
		return;
	SDL_Rect src = {0, h > in.h ? h - in.h : 0, w, h > in.h ? in.h : h};
	SDL_Rect dst = {in.x, in.y, w, src.h};
	SDL_RenderCopy(ui.ren, tx, &src, &dst);
}

static void reason_draw(struct app *a)
{
	char title[600], count[64];
	const char *prompt, *ok;
	enum ui_style ok_style;

	reason_words(title, sizeof title, &prompt, &ok, &ok_style);
	SDL_Rect c = app_top_bar(a, title);
	snprintf(a->dump_extra, sizeof a->dump_extra, "ask %d\nnumber %s\nchars %zu\nmsg %s",
	         (int)rsn.kind, rsn.number, valid_utf8_chars(rsn.text), rsn.msg);
	int pad = ui_px(60), gap = ui_px(16), bw = ui_px(440), bh = ui_px(96);
	int kh = c.h * 46 / 100;
	int top = c.y + ui_px(24), bottom = c.y + c.h - kh - ui_px(16);
	int tw = c.w - 3 * pad - bw;

	/* the buttons, in a column on the right */
	int bx = c.w - pad - bw, by = top;
	if (ui_button("reason:ok", ui_rect(bx, by, bw, bh), ok, ok_style))
		app_post(a, REASON_CMD_OK, 0);
	by += bh + gap;
	if (ui_button("reason:back", ui_rect(bx, by, bw, bh), _("Back"), UI_SECONDARY)) {
		app_post(a, REASON_CMD_BACK, 0);
		return;
	}
	by += bh + gap;
	struct ui_textbuf t = reason_buf();
	if (reason_multiline()) {
		if (ui_button("reason:newline", ui_rect(bx, by, bw, bh), _("New line"),
		              UI_SECONDARY))
			ui_textbuf_insert(&t, "\n");
		by += bh + gap;
	}
	if (staff_signout_button(a, ui_rect(bx, by, bw, bh)))
		return;

	/* the prompt, the text, its length and the message */
	int y = top;
	y += ui_text_wrapped(ui_rect(pad, y, tw, ui_px(100)), prompt, UI_FONT_BODY, false,
	                     ui_c_text) +
	     ui_px(12);
	int sh = ui_font_height(UI_FONT_SMALL);
	int box_h = bottom - y - 2 * sh - ui_px(16);
	if (!reason_multiline() && box_h > ui_px(110))
		box_h = ui_px(110);
	reason_draw_text(ui_rect(pad, y, tw, box_h));
	y += box_h + ui_px(8);
	snprintf(count, sizeof count, "%zu / %zu", valid_utf8_chars(rsn.text), reason_max());
	ui_text(ui_rect(pad, y, tw, sh), count, UI_FONT_SMALL, false, ui_c_muted, UI_RIGHT);
	if (rsn.msg[0])
		ui_text(ui_rect(pad, y, tw - ui_px(200), sh), rsn.msg, UI_FONT_SMALL, true,
		        ui_c_danger, UI_LEFT);
	if (ui_keyboard(&rsn.kbd, ui_rect(c.x, c.y + c.h - kh, c.w, kh), &t))
		rsn.msg[0] = '\0'; /* the message was about the text before this key */
}

/* Carry out the dialog's action with the typed text; on AKSES_OK go back with a confirmation. */
static void reason_apply(struct app *a)
{
	akses_status rc;
	bool required = rsn.kind != ASK_VERIFY;
	const char *done = _("done");

	rc = valid_text(rsn.text, reason_max(), required, reason_multiline());
	if (rc == AKSES_OK && !a->st)
		rc = AKSES_E_IO;
	if (rc == AKSES_OK) {
		switch (rsn.kind) {
		case ASK_REJECT:
			rc = store_act(a->st, rsn.number, WF_REJECT, a->staff.id, rsn.text);
			done = _("rejected; the applicant will see the reason");
			break;
		case ASK_VERIFY:
			rc = store_act(a->st, rsn.number, WF_VERIFY, a->staff.id,
			               rsn.text[0] ? rsn.text : NULL);
			done = _("verified");
			break;
		case ASK_CANCEL:
			rc = store_cancel(a->st, rsn.number, a->staff.id, rsn.text);
			done = _("cancelled");
			break;
		case ASK_REPORT:
			rc = store_report_write(a->st, rsn.number, a->staff.id, rsn.text);
			done = _("access report saved");
			break;
		case ASK_REPRINT: {
			struct paper_job pj;
			memset(&pj, 0, sizeof pj);
			pj.doc = PAPER_BADGE;
			pj.number = rsn.number;
			pj.person = rsn.person;
			pj.actor_id = a->staff.id;
			pj.reason = rsn.text;
			if (!print_worker_start_job(a, &pj)) {
				snprintf(rsn.msg, sizeof rsn.msg, "%s",
				         _("Another print is still under way. Try again shortly."));
				return;
			}
			/* the outcome arrives from the print worker and is shown by the screen */
			staff_note_set(true, _("Printing the pass of %s…"), rsn.person_name);
			app_switch(a, rsn.from ? rsn.from : staff_home(a));
			return;
		}
		}
	}
	if (rc != AKSES_OK) {
		snprintf(rsn.msg, sizeof rsn.msg, "%s", akses_status_message(rc));
		return;
	}
	staff_note_set(true, "%s: %s", rsn.number, done);
	/* the step is done: back to the list, where the request no longer waits */
	app_switch(a, staff_home(a));
}

static void reason_event(struct app *a, const SDL_Event *e)
{
	if (e->type != a->ev_cmd)
		return;
	if (e->user.code == REASON_CMD_OK)
		reason_apply(a);
	else if (e->user.code == REASON_CMD_BACK)
		app_switch(a, rsn.from ? rsn.from : staff_home(a));
}

/* A real keyboard types too; Enter is a line break in the report and nothing elsewhere. */
static void reason_text(struct app *a, const char *s)
{
	struct ui_textbuf t = reason_buf();

	(void)a;
	rsn.msg[0] = '\0';
	if (!strcmp(s, "\n")) {
		if (reason_multiline())
			ui_textbuf_insert(&t, "\n");
	} else if (!strcmp(s, "\b")) {
		ui_textbuf_backspace(&t);
	} else {
		ui_textbuf_insert(&t, s);
	}
}

const struct screen screen_reason = {
    .name = "reason",
    .enter = reason_enter,
    .event = reason_event,
    .draw = reason_draw,
    .leave = reason_leave,
    .text = reason_text,
    .staff = true,
};
