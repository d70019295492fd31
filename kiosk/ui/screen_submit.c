/* screen_submit.c - the visitor's request (SOP step 1) over short steps: identity, contact,
 * purpose, time, companions, equipment, review, privacy consent, then the number and the receipt.
 * The model is struct form (form.c); the steps are one table (sub_steps), drawn by
 * screen_submit_steps.c and screen_submit_review.c; the rules are the core's valid_field. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "app_offline.h"
#include "clock.h"
#include "screen_submit.h"
#include "valid.h"

enum { SUB_CMD_SUBMIT = 1 };

struct sub_state sub;

/* ---- the steps' own checks ------------------------------------------------------------------ */

static bool sub_check_purpose(void)
{
	return sub.form.purpose_category != PURPOSE_NONE;
}

static bool sub_check_time(void)
{
	return sub_window_status() == AKSES_OK;
}

static bool sub_check_consent(void)
{
	return sub.form.consent;
}

const struct sub_step_def sub_steps[STEP_COUNT] = {
    [STEP_IDENTITY] = {"identity", N_("Who are you?"), {AKSES_F_NIK, AKSES_F_NAME}, false, NULL,
                       sub_draw_fields},
    [STEP_CONTACT] = {"contact", N_("How can we reach you?"),
                      {AKSES_F_INSTITUTION, AKSES_F_PHONE, AKSES_F_EMAIL}, false, NULL,
                      sub_draw_fields},
    [STEP_PURPOSE] = {"purpose", N_("Purpose of your visit"),
                      {AKSES_F_PURPOSE, AKSES_F_PURPOSE_CATEGORY}, false, sub_check_purpose,
                      sub_draw_purpose},
    [STEP_TIME] = {"time", N_("When will you visit?"), {AKSES_F_START, AKSES_F_END}, false,
                   sub_check_time, sub_draw_time},
    [STEP_COMPANIONS] = {"companions", N_("Companions"),
                         {AKSES_F_COMPANION_NIK, AKSES_F_COMPANION_NAME}, true, NULL,
                         sub_draw_companions},
    [STEP_EQUIPMENT] = {"equipment", N_("Equipment"), {AKSES_F_EQUIPMENT}, true, NULL,
                        sub_draw_equipment},
    [STEP_REVIEW] = {"review", N_("Check your request"), {AKSES_F_NONE}, false, NULL,
                     sub_draw_review},
    [STEP_CONSENT] = {"consent", N_("Privacy and consent"), {AKSES_F_CONSENT}, false,
                      sub_check_consent, sub_draw_consent},
    [STEP_DONE] = {"done", N_("Request sent"), {AKSES_F_NONE}, false, NULL, sub_draw_done},
};

/* ---- the model's fields ------------------------------------------------------------------- */

static bool sub_is_text(akses_field f)
{
	return valid_field(f, "") != AKSES_E_INVALID_ARG;
}

struct ui_textbuf sub_buf(akses_field f)
{
	struct form *m = &sub.form;
	struct form_person *p = &m->companions[sub.comp];

	switch (f) {
	case AKSES_F_NAME:
		return (struct ui_textbuf){m->name, sizeof m->name, AKSES_NAME_CHARS};
	case AKSES_F_NIK:
		return (struct ui_textbuf){m->nik, sizeof m->nik, AKSES_NIK_LEN};
	case AKSES_F_INSTITUTION:
		return (struct ui_textbuf){m->institution, sizeof m->institution,
		                           AKSES_INSTITUTION_CHARS};
	case AKSES_F_PHONE:
		return (struct ui_textbuf){m->phone, sizeof m->phone, 16};
	case AKSES_F_EMAIL:
		return (struct ui_textbuf){m->email, sizeof m->email, AKSES_EMAIL_CHARS};
	case AKSES_F_PURPOSE:
		return (struct ui_textbuf){m->purpose, sizeof m->purpose, AKSES_PURPOSE_CHARS};
	case AKSES_F_COMPANION_NAME:
		return (struct ui_textbuf){p->name, sizeof p->name, AKSES_NAME_CHARS};
	case AKSES_F_COMPANION_NIK:
		return (struct ui_textbuf){p->nik, sizeof p->nik, AKSES_NIK_LEN};
	case AKSES_F_EQUIPMENT:
		return (struct ui_textbuf){m->equipment[sub.equip], sizeof m->equipment[sub.equip],
		                           AKSES_EQUIPMENT_CHARS};
	default:
		return (struct ui_textbuf){NULL, 0, 0};
	}
}

/* The document type of the person whose number field f is at row idx (NULL for other fields). */
akses_id_type *sub_id_type(akses_field f, int idx)
{
	if (f == AKSES_F_NIK)
		return &sub.form.id_type;
	if (f == AKSES_F_COMPANION_NIK)
		return &sub.form.companions[idx].id_type;
	return NULL;
}

/* The keyboard a field is typed with, and when its letters capitalise themselves. */
static void sub_keyboard_for(akses_field f, enum kbd_layout *layout, enum kbd_autocap *cap)
{
	*layout = KBD_TEXT;
	*cap = KBD_CAP_NONE;
	switch (f) {
	case AKSES_F_NIK:
	case AKSES_F_COMPANION_NIK:
		/* a passport or KITAS number has letters: the full keyboard, in capitals */
		if (*sub_id_type(f, sub.comp) == ID_NIK)
			*layout = KBD_NUMERIC;
		break;
	case AKSES_F_PHONE:
		*layout = KBD_PHONE;
		break;
	case AKSES_F_NAME:
	case AKSES_F_COMPANION_NAME:
	case AKSES_F_INSTITUTION:
		*cap = KBD_CAP_WORDS;
		break;
	case AKSES_F_PURPOSE:
	case AKSES_F_EQUIPMENT:
		*cap = KBD_CAP_SENTENCE;
		break;
	default:
		break;
	}
}

void sub_focus(akses_field f)
{
	enum kbd_layout l;
	enum kbd_autocap cap;

	const akses_id_type *was = sub_id_type(sub.focus, sub.comp);
	bool caps_was_ours = was && *was != ID_NIK;
	sub.focus = sub_is_text(f) ? f : AKSES_F_NONE;
	sub_keyboard_for(sub.focus, &l, &cap);
	kbd_set_layout(&sub.kbd, l);
	sub.kbd.autocap = cap;
	/* a passport or KITAS number is typed in capitals: caps lock on while it has the focus */
	const akses_id_type *t = sub_id_type(sub.focus, sub.comp);
	if (t && *t != ID_NIK)
		sub.kbd.caps = true;
	else if (caps_was_ours)
		sub.kbd.caps = false;
	if (sub.focus != AKSES_F_NONE)
		kbd_autoshift(&sub.kbd, sub_buf(sub.focus).buf);
}

/* The text of a field at row idx (companions, equipment), without moving the selection. */
static const char *sub_text(akses_field f, int idx)
{
	const struct form *m = &sub.form;

	switch (f) {
	case AKSES_F_COMPANION_NAME:
		return m->companions[idx].name;
	case AKSES_F_COMPANION_NIK:
		return m->companions[idx].nik;
	case AKSES_F_EQUIPMENT:
		return m->equipment[idx];
	default:
		return sub_buf(f).buf;
	}
}

/* The core's rule for the field, plus what only the whole form knows: an empty equipment line is
 * dropped (form_to_input), and a companion's NIK is nobody else's on the request. */
akses_status sub_check(akses_field f, int idx)
{
	if (!sub_is_text(f))
		return AKSES_OK;
	const char *text = sub_text(f, idx);
	if (f == AKSES_F_EQUIPMENT && !text[0])
		return AKSES_OK;
	const akses_id_type *t = sub_id_type(f, idx);
	akses_status st = t ? valid_person_id(*t, text) : valid_field(f, text);
	if (st != AKSES_OK || f != AKSES_F_COMPANION_NIK)
		return st;
	const struct form *m = &sub.form;
	bool dup = valid_same_id(*t, text, m->id_type, m->nik);
	for (int j = 0; j < idx && !dup; j++)
		dup = valid_same_id(*t, text, m->companions[j].id_type, m->companions[j].nik);
	return dup ? AKSES_E_DUPLICATE_PERSON : AKSES_OK;
}

void sub_typed(void)
{
	if (!sub.form.started_at)
		sub.form.started_at = clock_now();
	akses_field f = sub.focus;
	if (f != AKSES_F_NIK && f != AKSES_F_COMPANION_NIK)
		return;
	char *num = sub_buf(f).buf;
	if (*sub_id_type(f, sub.comp) != ID_NIK) {
		/* passport and KITAS numbers are in capitals on the document; no length says it is
		 * complete, so the visitor moves on with a tap */
		for (char *p = num; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		return;
	}
	akses_field name = f == AKSES_F_NIK ? AKSES_F_NAME : AKSES_F_COMPANION_NAME;
	if (strlen(num) == AKSES_NIK_LEN && sub_check(f, sub.comp) == AKSES_OK &&
	    !sub_buf(name).buf[0])
		sub_focus(name);
}

/* Is the step complete? On the first problem, focuses that field (and companion/line). */
static bool sub_step_ok(enum sub_step step)
{
	const struct sub_step_def *d = &sub_steps[step];
	int rows = !d->rows ? 1 : step == STEP_COMPANIONS ? sub.form.n_companions
	                                                  : sub.form.n_equipment;

	for (int i = 0; i < rows; i++) {
		for (int k = 0; k < SUB_STEP_FIELDS && d->fields[k]; k++) {
			if (sub_check(d->fields[k], i) == AKSES_OK)
				continue;
			if (step == STEP_COMPANIONS)
				sub.comp = i;
			if (step == STEP_EQUIPMENT)
				sub.equip = i;
			sub_focus(d->fields[k]);
			return false;
		}
	}
	return !d->check || d->check();
}

void sub_goto(enum sub_step s)
{
	const struct sub_step_def *d = &sub_steps[s];

	sub.step = s;
	sub.server_msg[0] = '\0';
	sub.comp = 0;
	sub.equip = 0;
	int rows = s == STEP_COMPANIONS ? sub.form.n_companions
	           : s == STEP_EQUIPMENT ? sub.form.n_equipment
	                                 : 1;
	sub_focus(rows ? d->fields[0] : AKSES_F_NONE);
}

/* The step a field of the core's validation belongs to (the consent's when none names it). */
static enum sub_step sub_step_of(akses_field f)
{
	for (int s = 0; s < STEP_COUNT; s++)
		for (int k = 0; k < SUB_STEP_FIELDS && sub_steps[s].fields[k]; k++)
			if (f != AKSES_F_NONE && sub_steps[s].fields[k] == f)
				return (enum sub_step)s;
	return STEP_CONSENT;
}

void sub_hm(int min, char *buf, size_t n)
{
	/* minutes after the chosen day's midnight; past 24:00 the visit ends the next day */
	if (min > 24 * 60)
		snprintf(buf, n, "%02d:%02d +1", (min / 60 - 24) % 100, min % 60);
	else
		snprintf(buf, n, "%02d:%02d", (min / 60) % 100, min % 60);
}

/* ---- the screen --------------------------------------------------------------------------- */

static void submit_enter(struct app *a)
{
	(void)a;
	memset(&sub, 0, sizeof sub);
	sub.today = app_today_start();
	form_wipe(&sub.form, clock_now(), sub.today);
	sub_goto(STEP_IDENTITY);
}

static void submit_leave(struct app *a)
{
	(void)a;
	int64_t today = sub.today;
	form_wipe(&sub.form, clock_now(), today);
	/* the receipt token and everything else: gone for the next visitor */
	volatile unsigned char *v = (volatile unsigned char *)&sub;
	for (size_t i = 0; i < sizeof sub; i++)
		v[i] = 0;
}

/* The bottom bar: back (or cancel) / progress / next (or send, or back to the review). */
static void submit_nav(struct app *a, int nav)
{
	int pad = ui_px(UI_PAD), bw = ui_px(UI_BUTTON_W_L), bh = ui_px(UI_BUTTON_H_L);
	SDL_Rect bar = {0, ui.h - nav, ui.w, nav};
	ui_fill(bar, ui_c_panel);
	SDL_Rect back = {pad, bar.y + (nav - bh) / 2, bw, bh};
	bool last = sub.step == STEP_CONSENT;
	/* "Kirim permohonan" is longer than "Lanjut": wider, so it keeps the primary font */
	int nw = last ? ui_px(560) : bw;
	SDL_Rect next = {ui.w - pad - nw, back.y, nw, bh};
	char step_txt[64];

	if (sub.step == STEP_DONE) {
		if (ui_button("finish", next, _("Finish"), UI_PRIMARY))
			app_post(a, APP_CMD_HOME, 0);
		return;
	}
	if (ui_button("back", back, sub.step == STEP_IDENTITY ? _("Cancel") : _("Back"),
	              UI_SECONDARY)) {
		if (sub.step == STEP_IDENTITY)
			app_post(a, APP_CMD_HOME, 0);
		else
			sub_goto(sub.step - 1);
		return;
	}
	snprintf(step_txt, sizeof step_txt, _("Step %d of %d"), (int)sub.step + 1,
	         (int)STEP_COUNT - 1);
	ui_text(ui_rect(back.x + bw, bar.y, next.x - back.x - bw, nav), step_txt, UI_FONT_BODY,
	        false, ui_c_muted, UI_CENTER);
	bool review = sub.to_review && sub.step < STEP_REVIEW;
	const char *label = last ? _("Send request") : review ? _("To the review") : _("Next");
	if (ui_button(last ? "send" : "next", next, label, UI_PRIMARY)) {
		if (!sub_step_ok(sub.step)) {
			sub.tried[sub.step] = true;
		} else if (last) {
			app_post(a, SUB_CMD_SUBMIT, 0);
		} else {
			sub_goto(review ? STEP_REVIEW : sub.step + 1);
		}
	}
}

static void submit_draw(struct app *a)
{
	SDL_Rect c = app_top_bar(a, _(sub_steps[sub.step].title));
	int nav = ui_px(150);
	SDL_Rect body = {0, c.y, c.w, c.h - nav};
	/* for tests: where we are, and how much typed text the model holds */
	size_t typed = strlen(sub.form.name) + strlen(sub.form.nik) +
	               strlen(sub.form.institution) + strlen(sub.form.phone) +
	               strlen(sub.form.email) + strlen(sub.form.purpose);
	snprintf(a->dump_extra, sizeof a->dump_extra,
	         "step %s\nfocus %d\nkbd %d %d\nshift %d\ntyped %zu\nrow %d\nwaiting %d\nnumber %s",
	         sub_steps[sub.step].code, (int)sub.focus, (int)sub.kbd.layout, sub.kbd.page,
	         sub.kbd.shift || sub.kbd.caps, typed,
	         sub.step == STEP_EQUIPMENT ? sub.equip : sub.comp, sub.waiting ? 1 : 0,
	         sub.step == STEP_DONE ? sub.res.number : "-");

	sub_steps[sub.step].draw(a, body);
	if (sub.server_msg[0])
		ui_text(ui_rect(ui_px(UI_PAD_SCREEN), body.y + ui_px(UI_HAIR),
		                body.w - 2 * ui_px(UI_PAD_SCREEN), ui_font_height(UI_FONT_SMALL)),
		        sub.server_msg, UI_FONT_SMALL, true, ui_c_danger, UI_LEFT);
	submit_nav(a, nav);
}

/* Sent while offline (or the server went during the send): keep everything and wait. */
static void submit_wait(void)
{
	sub.waiting = true;
	snprintf(sub.server_msg, sizeof sub.server_msg, "%s",
	         _("Your request is kept here and will be sent by itself as soon as the server is "
	           "back."));
}

/* Send the request (one short transaction), then print the receipt on the worker. */
static void submit_send(struct app *a)
{
	struct akses_request_input in;
	akses_field field = AKSES_F_NONE;
	int idx = 0;

	if (!sub.key[0]) {
		unsigned char raw[16];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2hex(sub.key, sizeof sub.key, raw, sizeof raw);
	}
	if (a->offline || !a->st) {
		submit_wait();
		return;
	}
	if (sub.form.now_slot)
		form_set_now(&sub.form, clock_now(), sub.today);
	form_to_input(&sub.form, sub.today, &in);
	in.lang = i18n_lang(); /* the visitor's papers, printed later by staff, in their language */
	in.submit_key = sub.key;
	sub.submit_rc = store_submit(a->st, &in, &sub.res, &field, &idx);
	if (app_offline_note(a, sub.submit_rc)) {
		submit_wait();
		return;
	}
	sub.waiting = false;
	if (sub.submit_rc != AKSES_OK) {
		enum sub_step s = sub_step_of(field);
		sub_goto(s);
		if (field == AKSES_F_COMPANION_NAME || field == AKSES_F_COMPANION_NIK)
			sub.comp = idx;
		if (field == AKSES_F_EQUIPMENT)
			sub.equip = idx;
		sub_focus(sub_is_text(field) ? field : sub.focus);
		sub.tried[s] = true;
		const akses_id_type *idt = sub_id_type(field, sub.comp);
		const char *label = idt ? akses_id_type_label(*idt) : akses_field_label(field);
		snprintf(sub.server_msg, sizeof sub.server_msg, "%s%s%s", field ? label : "",
		         field ? ": " : "",
		         akses_status_message(sub.submit_rc));
		return;
	}
	sub.step = STEP_DONE;
	sub_focus(AKSES_F_NONE);
	form_wipe(&sub.form, clock_now(), sub.today); /* sent: nothing typed stays on screen */
	print_worker_start(a, PAPER_RECEIPT, sub.res.number, 0, sub.res.receipt_token);
	/* the token went to the worker's copy; the screen does not need it any more */
	memset(sub.res.receipt_token, 0, sizeof sub.res.receipt_token);
}

static void submit_event(struct app *a, const SDL_Event *e)
{
	if (e->type != a->ev_cmd)
		return;
	/* back online, a waiting form goes even if the visitor went back to look at a step */
	if ((e->user.code == SUB_CMD_SUBMIT && sub.step == STEP_CONSENT) ||
	    (e->user.code == APP_CMD_ONLINE && sub.waiting && sub.step != STEP_DONE))
		submit_send(a);
}

/* A form sent while offline waits on screen for the server: never wiped by the idle timeout. */
static bool submit_holding(struct app *a)
{
	(void)a;
	return sub.waiting;
}

/* A real keyboard: typing goes to the focused field, each character only if the field takes it
 * (no letters in the phone or a NIK); Enter is not Next. */
static void submit_text(struct app *a, const char *s)
{
	(void)a;
	if (!strcmp(s, "\n") || sub.focus == AKSES_F_NONE)
		return; /* Next stays a deliberate tap */
	struct ui_textbuf t = sub_buf(sub.focus);
	bool changed = false;
	if (!strcmp(s, "\b")) {
		changed = ui_textbuf_backspace(&t);
	} else {
		while (*s) {
			unsigned long cp;
			size_t len = valid_utf8_decode(s, &cp);
			if (len == 0)
				break;
			char one[5] = {0};
			memcpy(one, s, len);
			const akses_id_type *idt = sub_id_type(sub.focus, sub.comp);
			if (idt ? valid_person_id_accepts(*idt, cp)
			        : valid_field_accepts(sub.focus, cp))
				changed |= ui_textbuf_insert(&t, one);
			s += len;
		}
	}
	if (changed) {
		kbd_autoshift(&sub.kbd, t.buf);
		sub_typed();
	}
}

const struct screen screen_submit = {
	.name = "submit",
	.enter = submit_enter,
	.event = submit_event,
	.draw = submit_draw,
	.leave = submit_leave,
	.text = submit_text,
	.visitor = true,
	.holding = submit_holding,
};
