/* screen_reason.c - the typed-text dialog of the staff screens: a rejection or cancellation
 * reason (preset reasons to start from, read back in full before it is sent), a verification
 * note, a disposition's instruction and urgency, the access report (several lines) or a
 * reprint's reason, typed on the on-screen keyboard; and the approval's one confirmation, which
 * shows what is approved. The action runs only when the confirm button is tapped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"

#include "kbd.h"
#include "staff.h"
#include "valid.h"
#include "wf.h"

enum { REASON_CMD_OK = 1, REASON_CMD_BACK, REASON_CMD_SEND, REASON_CMD_EDIT };

#define REASON_MAX_PRESETS 4

static struct {
	enum staff_ask_kind kind;
	bool readback;         /* showing what will be sent, before it is (reject, cancel, approve) */
	struct ui_scroll readback_scroll; /* a long text read back scrolls in its box */
	wf_action act;         /* ASK_DISPOSE: the viewer's disposition step */
	akses_urgency urgency; /* ASK_DISPOSE: the urgency chosen */
	/* the request the dialog is about, as the read-back shows it */
	char applicant[AKSES_BUF(AKSES_NAME_CHARS)];
	char institution[AKSES_BUF(AKSES_INSTITUTION_CHARS)];
	char window[96];
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
	v = rsn.applicant;
	for (size_t i = 0; i < sizeof rsn.applicant; i++)
		v[i] = 0;
	rsn.msg[0] = rsn.institution[0] = rsn.window[0] = '\0';
}

/* What the read-back shows of the request: applicant, institution and visit window. */
static void reason_load_request(struct app *a)
{
	struct akses_request *r = a->st ? malloc(sizeof *r) : NULL;
	if (!r)
		return;
	if (store_request_get(a->st, rsn.number, r) == AKSES_OK) {
		char d[24], t1[24], t2[24];
		snprintf(rsn.applicant, sizeof rsn.applicant, "%s", r->name);
		snprintf(rsn.institution, sizeof rsn.institution, "%s", r->institution);
		clock_format_day(r->start_at, d, sizeof d);
		clock_format_hm(r->start_at, t1, sizeof t1);
		clock_format_hm(r->end_at, t2, sizeof t2);
		snprintf(rsn.window, sizeof rsn.window, "%s %s–%s", d, t1, t2);
	}
	/* personal data: overwritten before it is freed */
	volatile unsigned char *v = (volatile unsigned char *)r;
	for (size_t i = 0; i < sizeof *r; i++)
		v[i] = 0;
	free(r);
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

/* Reasons, instructions and reports may run over several lines; a note or a reprint's reason
 * is one line. */
static bool reason_multiline(void)
{
	return rsn.kind == ASK_REPORT || rsn.kind == ASK_REJECT || rsn.kind == ASK_CANCEL ||
	       rsn.kind == ASK_DISPOSE;
}

/* A rejection or cancellation is read back before it is sent (an approval is only that). */
static bool reason_reads_back(void)
{
	return rsn.kind == ASK_REJECT || rsn.kind == ASK_CANCEL;
}

/* The preset texts of this kind (tap to insert, then edit); returns how many. */
static int reason_presets(const char **out)
{
	int n = 0;
	switch (rsn.kind) {
	case ASK_REJECT:
		out[n++] = _("Documents incomplete.");
		out[n++] = _("Purpose not clear.");
		out[n++] = _("Server room not available then.");
		out[n++] = _("Apply again with an institution letter.");
		break;
	case ASK_CANCEL:
		out[n++] = _("At the applicant's request.");
		out[n++] = _("Visit no longer needed.");
		out[n++] = _("Duplicate request.");
		break;
	case ASK_DISPOSE:
		out[n++] = _("Please process promptly.");
		out[n++] = _("Check identity and documents.");
		out[n++] = _("Coordinate with the Helpdesk.");
		out[n++] = _("For your information.");
		break;
	default:
		break;
	}
	return n;
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
	reason_wipe_text();
	memset(&rsn.kbd, 0, sizeof rsn.kbd);
	rsn.kbd.layout = KBD_TEXT;
	rsn.readback = rsn.kind == ASK_APPROVE;
	rsn.act = rsn.kind == ASK_DISPOSE ? wf_for_verb("dispose", a->staff.role) : WF_NONE;
	rsn.urgency = URGENCY_BIASA; /* the sheet's Sifat is always ticked; "biasa" unless chosen */
	if (rsn.kind != ASK_REPRINT)
		reason_load_request(a);
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
	case ASK_APPROVE:
		snprintf(title, tn, _("Approve %s"), rsn.number);
		*prompt = _("Approve this request? The Coordinator then assigns an escort.");
		*ok = wf_action_label(WF_APPROVE);
		break;
	case ASK_DISPOSE:
		snprintf(title, tn, _("Disposition %s"), rsn.number);
		*prompt = _("Instruction and urgency for the disposition sheet (instruction optional).");
		*ok = wf_action_label(rsn.act);
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
	ui_fill(ui_inset(box, ui_px(UI_FOCUS_BORDER)), ui_c_panel);
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

/* The urgency toggles of a disposition, one row at (x, y) w wide; returns the height used. */
static int reason_draw_urgency(int x, int y, int w)
{
	int sh = ui_font_height(UI_FONT_SMALL), bh = ui_px(72), gap = ui_px(12);
	ui_text(ui_rect(x, y, w, sh), _("Urgency"), UI_FONT_SMALL, true, ui_c_muted, UI_LEFT);
	y += sh + ui_px(UI_GAP_XS);
	int bw = (w - 2 * gap) / 3;
	for (int u = URGENCY_NONE + 1; u < URGENCY_COUNT; u++) {
		char id[32];
		snprintf(id, sizeof id, "urgency:%s", wf_urgency_code((akses_urgency)u));
		SDL_Rect b = {x + (u - 1) * (bw + gap), y, bw, bh};
		if (ui_button(id, b, wf_urgency_label((akses_urgency)u),
		              rsn.urgency == (akses_urgency)u ? UI_SELECTED : UI_SECONDARY))
			rsn.urgency = (akses_urgency)u;
	}
	return sh + ui_px(UI_GAP_XS) + bh + ui_px(12);
}

/* The preset texts as a grid of two columns at r (at most two rows); a tap adds the text at the
 * end, where it can be edited. */
static void reason_draw_presets(SDL_Rect r)
{
	const char *p[REASON_MAX_PRESETS];
	int n = reason_presets(p), gap = ui_px(UI_ROW_GAP);
	if (n == 0)
		return;
	int rows = (n + 1) / 2;
	int bw = (r.w - gap) / 2, bh = (r.h - (rows - 1) * gap) / rows;
	enum ui_font f = ui_button_font_for(p, n, bw);
	struct ui_textbuf t = reason_buf();
	for (int i = 0; i < n; i++) {
		char id[24];
		snprintf(id, sizeof id, "preset:%d", i);
		SDL_Rect b = {r.x + (i % 2) * (bw + gap), r.y + (i / 2) * (bh + gap), bw, bh};
		if (!ui_button_ex(id, b, p[i], UI_SECONDARY, f))
			continue;
		size_t len = strlen(rsn.text);
		if (len && rsn.text[len - 1] != ' ' && rsn.text[len - 1] != '\n')
			ui_textbuf_insert(&t, " ");
		ui_textbuf_insert(&t, p[i]);
		rsn.msg[0] = '\0';
	}
}

/* The read-back: the request (number, applicant, institution, window) and, for a rejection or
 * cancellation, the whole text that will be sent; the send button beside it. */
static void reason_draw_readback(struct app *a, SDL_Rect c, const char *ok, enum ui_style ok_style)
{
	int pad = ui_px(UI_PAD_SCREEN), gap = ui_px(UI_GAP_SECTION);
	int bw = ui_px(440), bh = ui_px(UI_FIELD_BOX_H);
	int top = c.y + ui_px(UI_PAD_ROW), tw = c.w - 3 * pad - bw;
	int bx = c.w - pad - bw, by = top;
	int lh = ui_font_height(UI_FONT_BODY), sh = ui_font_height(UI_FONT_SMALL);
	char line[700];

	if (ui_button("reason:send", ui_rect(bx, by, bw, bh), ok, ok_style))
		app_post(a, REASON_CMD_SEND, 0);
	by += bh + gap;
	if (rsn.kind == ASK_APPROVE) {
		if (ui_button("reason:back", ui_rect(bx, by, bw, bh), _("Back"), UI_SECONDARY)) {
			app_post(a, REASON_CMD_BACK, 0);
			return;
		}
	} else if (ui_button("reason:edit", ui_rect(bx, by, bw, bh), _("Change the text"),
	                     UI_SECONDARY)) {
		app_post(a, REASON_CMD_EDIT, 0);
	}
	by += bh + gap;
	if (staff_signout_button(a, ui_rect(bx, by, bw, bh)))
		return;

	int y = top;
	const char *prompt = rsn.kind == ASK_APPROVE
	                         ? _("Approve this request? The Coordinator then assigns an escort.")
	                         : _("Read it once more: this is what the applicant will read.");
	y += ui_text_wrapped(ui_rect(pad, y, tw, ui_px(100)), prompt, UI_FONT_BODY, true,
	                     ui_c_text) +
	     ui_px(UI_GAP_SECTION);
	const char *labels[] = {_("Request"), _("Applicant"), _("Institution"), _("Window")};
	const char *values[] = {rsn.number, rsn.applicant, rsn.institution, rsn.window};
	for (int i = 0; i < 4; i++) {
		snprintf(line, sizeof line, "%s: %s", labels[i], values[i]);
		/* a 120-character institution takes three lines at 1280x800 */
		y += ui_text_wrapped(ui_rect(pad, y, tw, 3 * lh), line, UI_FONT_BODY, false,
		                     ui_c_text) +
		     ui_px(UI_LINE_GAP);
	}
	int bottom = c.y + c.h - ui_px(UI_PAD_ROW) - (rsn.msg[0] ? sh + ui_px(UI_GAP_S) : 0);
	if (rsn.kind != ASK_APPROVE) {
		y += ui_px(UI_ROW_GAP);
		ui_text(ui_rect(pad, y, tw, sh), _("Reason"), UI_FONT_SMALL, true, ui_c_muted,
		        UI_LEFT);
		y += sh + ui_px(UI_GAP_XS);
		SDL_Rect box = ui_rect(pad, y, tw, bottom - y);
		ui_note_rect("readback:text", box);
		ui_fill(box, ui_c_border);
		ui_fill(ui_inset(box, ui_px(UI_BORDER)), ui_c_panel);
		SDL_Rect in = ui_inset(box, ui_px(18));
		SDL_Rect sc = ui_scroll_begin("readback", &rsn.readback_scroll, in);
		int used = ui_text_wrapped(ui_rect(sc.x, sc.y, sc.w, 1 << 20), rsn.text, UI_FONT_BODY,
		                           false, ui_c_text);
		ui_scroll_end("readback", &rsn.readback_scroll, in, used);
	}
	if (rsn.msg[0])
		ui_text_wrapped(ui_rect(pad, bottom + ui_px(UI_GAP_XS), tw, 2 * sh), rsn.msg, UI_FONT_SMALL,
		                true, ui_c_danger);
}

/* The test dump: what the dialog is, the text's length and, when reading back, what is shown. */
static void reason_dump(struct app *a)
{
	char shown[600];
	size_t o = 0;
	for (const char *p = rsn.text; *p && o + 4 < sizeof shown; p++) {
		if (*p == '\n') {
			memcpy(shown + o, " / ", 3);
			o += 3;
		} else {
			shown[o++] = *p;
		}
	}
	shown[o] = '\0';
	/* the read-back's text last: a long one is cut in the dump, never the lines before it */
	size_t n = sizeof a->dump_extra;
	int k = snprintf(a->dump_extra, n,
	                 "ask %d\nnumber %s\nchars %zu\nmsg %s\nphase %s\nurgency %s\n",
	                 (int)rsn.kind, rsn.number, valid_utf8_chars(rsn.text), rsn.msg,
	                 rsn.readback ? "readback" : "edit",
	                 rsn.kind == ASK_DISPOSE ? wf_urgency_code(rsn.urgency) : "-");
	if (k <= 0 || (size_t)k >= n || !rsn.readback)
		return;
	const char *parts[] = {"request ", rsn.institution, " | ", rsn.window, " | ",
	                       rsn.applicant,  "\nshown ", shown};
	size_t at = (size_t)k;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		for (const char *c = parts[i]; *c && at + 1 < n; c++)
			a->dump_extra[at++] = *c;
	a->dump_extra[at] = '\0';
}

static void reason_draw(struct app *a)
{
	char title[600], count[64];
	const char *prompt, *ok;
	enum ui_style ok_style;

	reason_words(title, sizeof title, &prompt, &ok, &ok_style);
	SDL_Rect c = app_top_bar(a, title);
	reason_dump(a);
	if (rsn.readback) {
		reason_draw_readback(a, c, ok, ok_style);
		return;
	}
	int pad = ui_px(UI_PAD_SCREEN), gap = ui_px(UI_GAP_SECTION);
	int bw = ui_px(440), bh = ui_px(UI_FIELD_BOX_H);
	int kh = c.h * 46 / 100;
	int top = c.y + ui_px(UI_PAD_ROW), bottom = c.y + c.h - kh - ui_px(UI_GAP_SECTION);
	int tw = c.w - 3 * pad - bw;
	const char *dummy[REASON_MAX_PRESETS];
	int n_presets = reason_presets(dummy);
	int ph = n_presets ? ((n_presets + 1) / 2) * ui_px(64) : 0; /* two columns */

	/* the buttons, in a column on the right: a text that is read back first says so */
	int bx = c.w - pad - bw, by = top;
	if (ui_button("reason:ok", ui_rect(bx, by, bw, bh),
	              reason_reads_back() ? _("Read back before sending") : ok,
	              reason_reads_back() ? UI_PRIMARY : ok_style))
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

	/* the prompt, the urgency, the text, its length and the message, the presets below */
	int y = top;
	y += ui_text_wrapped(ui_rect(pad, y, tw, ui_px(100)), prompt, UI_FONT_BODY, false,
	                     ui_c_text) +
	     ui_px(12);
	if (rsn.kind == ASK_DISPOSE)
		y += reason_draw_urgency(pad, y, tw);
	int sh = ui_font_height(UI_FONT_SMALL);
	int box_h = bottom - y - sh - ui_px(UI_GAP_SECTION) - (ph ? ph + ui_px(UI_GAP_S) : 0);
	if (!reason_multiline() && box_h > ui_px(110))
		box_h = ui_px(110);
	reason_draw_text(ui_rect(pad, y, tw, box_h));
	y += box_h + ui_px(UI_GAP_S);
	snprintf(count, sizeof count, "%zu / %zu", valid_utf8_chars(rsn.text), reason_max());
	ui_text(ui_rect(pad, y, tw, sh), count, UI_FONT_SMALL, false, ui_c_muted, UI_RIGHT);
	if (rsn.msg[0])
		ui_text(ui_rect(pad, y, tw - ui_px(200), sh), rsn.msg, UI_FONT_SMALL, true,
		        ui_c_danger, UI_LEFT);
	if (ph)
		reason_draw_presets(ui_rect(pad, bottom - ph, tw, ph));
	if (ui_keyboard(&rsn.kbd, ui_rect(c.x, c.y + c.h - kh, c.w, kh), &t))
		rsn.msg[0] = '\0'; /* the message was about the text before this key */
}

/* Carry out the dialog's action with the typed text; on AKSES_OK go back with a confirmation. */
static void reason_apply(struct app *a)
{
	akses_status rc;
	bool required = rsn.kind != ASK_VERIFY && rsn.kind != ASK_DISPOSE;
	const char *done = _("done");

	rc = rsn.kind == ASK_APPROVE
	         ? AKSES_OK
	         : valid_text(rsn.text, reason_max(), required, reason_multiline());
	if (rc == AKSES_OK && !a->st)
		rc = AKSES_E_IO;
	if (rc == AKSES_OK) {
		switch (rsn.kind) {
		case ASK_APPROVE:
			rc = store_act(a->st, rsn.number, WF_APPROVE, a->staff.id, NULL);
			done = _("approved");
			break;
		case ASK_DISPOSE: {
			struct akses_disposition d = {rsn.text, rsn.urgency};
			rc = store_dispose(a->st, rsn.number, rsn.act, a->staff.id, NULL, &d);
			done = wf_action_label(rsn.act);
			break;
		}
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
	switch (e->user.code) {
	case REASON_CMD_OK:
		if (!reason_reads_back()) {
			reason_apply(a);
			break;
		}
		/* the same check as the send, so that the read-back is never of a refused text */
		akses_status rc = valid_text(rsn.text, reason_max(), true, true);
		if (rc != AKSES_OK)
			snprintf(rsn.msg, sizeof rsn.msg, "%s", akses_status_message(rc));
		else
			rsn.readback = true;
		memset(&rsn.readback_scroll, 0, sizeof rsn.readback_scroll);
		break;
	case REASON_CMD_SEND:
		reason_apply(a);
		break;
	case REASON_CMD_EDIT:
		rsn.readback = false;
		rsn.msg[0] = '\0';
		break;
	case REASON_CMD_BACK:
		app_switch(a, rsn.from ? rsn.from : staff_home(a));
		break;
	default:
		break;
	}
}

/* A real keyboard types too; Enter is a line break in the report and nothing elsewhere. */
static void reason_text(struct app *a, const char *s)
{
	struct ui_textbuf t = reason_buf();

	(void)a;
	if (rsn.readback)
		return; /* nothing is typed into what is being read back */
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
