/* screen-submit.c - the visitor's request (SOP step 1) over short steps: identity, contact,
 * purpose, time, companions, equipment, review, privacy consent, then the number and the receipt.
 * The model is struct form (form.c); this file draws it and validates as the visitor types. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "form.h"
#include "kbd.h"
#include "kiosk.h"
#include "valid.h"
#include "wf.h"

enum sub_step {
	STEP_IDENTITY = 0,
	STEP_CONTACT,
	STEP_PURPOSE,
	STEP_TIME,
	STEP_COMPANIONS,
	STEP_EQUIPMENT,
	STEP_REVIEW,
	STEP_CONSENT,
	STEP_DONE,
	STEP_COUNT
};

static const char *const sub_step_code[STEP_COUNT] = {
    "identity", "contact", "purpose", "time", "companions", "equipment", "review", "consent", "done"};

/* Focusable fields; companions and equipment lines use the selected index. */
enum sub_fid {
	FID_NONE = 0,
	FID_NAME,
	FID_NIK,
	FID_INSTITUTION,
	FID_PHONE,
	FID_EMAIL,
	FID_PURPOSE,
	FID_COMP_NAME,
	FID_COMP_NIK,
	FID_EQUIPMENT,
};

enum { SUB_CMD_SUBMIT = 1 };

/* The screen's whole state. form holds what the visitor typed; the rest is navigation. */
static struct {
	struct form form;
	enum sub_step step;
	enum sub_fid focus;
	int comp;  /* selected companion */
	int equip; /* selected equipment line */
	bool tried[STEP_COUNT]; /* Next was pressed: show every message of the step */
	struct kbd kbd;
	int64_t today;
	akses_status submit_rc;
	char server_msg[256];
	struct akses_submit_result res;
} sub;

/* ---- the model's fields ------------------------------------------------------------------- */

/* The buffer behind a field, with its limits and keyboard layout. */
static struct ui_textbuf sub_buf(enum sub_fid f, enum kbd_layout *layout)
{
	struct form *m = &sub.form;
	struct ui_textbuf t = {NULL, 0, 0};
	enum kbd_layout l = KBD_TEXT;

	switch (f) {
	case FID_NAME:
		t = (struct ui_textbuf){m->name, sizeof m->name, AKSES_NAME_CHARS};
		break;
	case FID_NIK:
		t = (struct ui_textbuf){m->nik, sizeof m->nik, AKSES_NIK_LEN};
		l = KBD_NUMERIC;
		break;
	case FID_INSTITUTION:
		t = (struct ui_textbuf){m->institution, sizeof m->institution,
		                        AKSES_INSTITUTION_CHARS};
		break;
	case FID_PHONE:
		t = (struct ui_textbuf){m->phone, sizeof m->phone, 15};
		l = KBD_NUMERIC;
		break;
	case FID_EMAIL:
		t = (struct ui_textbuf){m->email, sizeof m->email, AKSES_EMAIL_CHARS};
		break;
	case FID_PURPOSE:
		t = (struct ui_textbuf){m->purpose, sizeof m->purpose, AKSES_PURPOSE_CHARS};
		break;
	case FID_COMP_NAME:
		t = (struct ui_textbuf){m->companions[sub.comp].name,
		                        sizeof m->companions[sub.comp].name, AKSES_NAME_CHARS};
		break;
	case FID_COMP_NIK:
		t = (struct ui_textbuf){m->companions[sub.comp].nik,
		                        sizeof m->companions[sub.comp].nik, AKSES_NIK_LEN};
		l = KBD_NUMERIC;
		break;
	case FID_EQUIPMENT:
		t = (struct ui_textbuf){m->equipment[sub.equip], sizeof m->equipment[sub.equip],
		                        AKSES_EQUIPMENT_CHARS};
		break;
	case FID_NONE:
		break;
	}
	if (layout)
		*layout = l;
	return t;
}

static void sub_focus(enum sub_fid f)
{
	enum kbd_layout l;

	sub.focus = f;
	sub_buf(f, &l);
	kbd_set_layout(&sub.kbd, l);
}

/* Validation of one field as it stands: AKSES_OK or what is wrong. The same validators as the
 * store's valid_request (names through valid_name), so a field the store would refuse is refused
 * here, on its own screen. */
static akses_status sub_check(enum sub_fid f, int idx)
{
	const struct form *m = &sub.form;

	switch (f) {
	case FID_NAME:
		return valid_name(m->name);
	case FID_NIK:
		return valid_nik(m->nik);
	case FID_INSTITUTION:
		return valid_text(m->institution, AKSES_INSTITUTION_CHARS, true, false);
	case FID_PHONE:
		return valid_phone(m->phone, NULL);
	case FID_EMAIL:
		return m->email[0] ? valid_email(m->email) : AKSES_OK;
	case FID_PURPOSE:
		return valid_text(m->purpose, AKSES_PURPOSE_CHARS, true, false);
	case FID_COMP_NAME:
		return valid_name(m->companions[idx].name);
	case FID_COMP_NIK: {
		akses_status st = valid_nik(m->companions[idx].nik);
		if (st == AKSES_OK && strcmp(m->companions[idx].nik, m->nik) == 0)
			return AKSES_E_DUPLICATE_PERSON;
		return st;
	}
	case FID_EQUIPMENT:
		return valid_text(m->equipment[idx], AKSES_EQUIPMENT_CHARS, false, false);
	case FID_NONE:
		break;
	}
	return AKSES_OK;
}

/* The window's problem, if any (with which end it is about). */
static akses_status sub_check_window(akses_field *which)
{
	int64_t s, e;

	form_window(&sub.form, sub.today, &s, &e);
	*which = AKSES_F_NONE;
	return valid_window(s, e, clock_now(), which);
}

/* Is the step complete? On the first problem, focuses that field (and companion/line). */
static bool sub_step_ok(enum sub_step step)
{
	static const enum sub_fid ident[] = {FID_NAME, FID_NIK};
	static const enum sub_fid contact[] = {FID_INSTITUTION, FID_PHONE, FID_EMAIL};
	const enum sub_fid *list = NULL;
	int n = 0;
	akses_field w;

	switch (step) {
	case STEP_IDENTITY:
		list = ident;
		n = 2;
		break;
	case STEP_CONTACT:
		list = contact;
		n = 3;
		break;
	case STEP_PURPOSE:
		if (sub.form.purpose_category == PURPOSE_NONE)
			return false;
		if (sub_check(FID_PURPOSE, 0) != AKSES_OK) {
			sub_focus(FID_PURPOSE);
			return false;
		}
		return true;
	case STEP_TIME:
		return sub_check_window(&w) == AKSES_OK;
	case STEP_COMPANIONS:
		for (int i = 0; i < sub.form.n_companions; i++) {
			for (int k = 0; k < 2; k++) {
				enum sub_fid f = k ? FID_COMP_NIK : FID_COMP_NAME;
				if (sub_check(f, i) != AKSES_OK) {
					sub.comp = i;
					sub_focus(f);
					return false;
				}
			}
			for (int j = 0; j < i; j++)
				if (!strcmp(sub.form.companions[i].nik, sub.form.companions[j].nik)) {
					sub.comp = i;
					sub_focus(FID_COMP_NIK);
					return false;
				}
		}
		return true;
	case STEP_EQUIPMENT:
		for (int i = 0; i < sub.form.n_equipment; i++)
			if (sub_check(FID_EQUIPMENT, i) != AKSES_OK) {
				sub.equip = i;
				sub_focus(FID_EQUIPMENT);
				return false;
			}
		return true;
	case STEP_CONSENT:
		return sub.form.consent;
	default:
		return true;
	}
	for (int i = 0; i < n; i++)
		if (sub_check(list[i], 0) != AKSES_OK) {
			sub_focus(list[i]);
			return false;
		}
	return true;
}

/* Go to a step and focus its first field. */
static void sub_goto(enum sub_step s)
{
	sub.step = s;
	sub.server_msg[0] = '\0';
	switch (s) {
	case STEP_IDENTITY:
		sub_focus(FID_NAME);
		break;
	case STEP_CONTACT:
		sub_focus(FID_INSTITUTION);
		break;
	case STEP_PURPOSE:
		sub_focus(FID_PURPOSE);
		break;
	case STEP_COMPANIONS:
		sub.comp = 0;
		sub_focus(sub.form.n_companions ? FID_COMP_NAME : FID_NONE);
		break;
	case STEP_EQUIPMENT:
		sub.equip = 0;
		sub_focus(sub.form.n_equipment ? FID_EQUIPMENT : FID_NONE);
		break;
	default:
		sub_focus(FID_NONE);
		break;
	}
}

/* ---- drawing pieces ------------------------------------------------------------------------ */

/* A field bound to the model, with its live validation message. */
static void sub_field(enum sub_fid f, int idx, const char *id, SDL_Rect r, const char *label)
{
	struct ui_textbuf t = sub_buf(f, NULL);
	akses_status st = sub_check(f, idx);
	const char *msg = "";

	if (st != AKSES_OK && (t.buf[0] || sub.tried[sub.step]))
		msg = akses_status_message(st);
	if (ui_field(id, r, label, t.buf, sub.focus == f, msg, false))
		sub_focus(f);
}

/* Height of a field (label + box + message line). */
static int sub_field_h(void)
{
	return ui_font_height(UI_FONT_SMALL) * 2 + ui_px(8) + ui_px(96);
}

/* The keyboard for the focused field at the bottom of area; returns what is left above it. */
static SDL_Rect sub_keyboard(SDL_Rect area)
{
	if (sub.focus == FID_NONE)
		return area;
	int kh = area.h * 55 / 100;
	SDL_Rect k = {area.x, area.y + area.h - kh, area.w, kh};
	struct ui_textbuf t = sub_buf(sub.focus, NULL);
	if (ui_keyboard(&sub.kbd, k, &t) && !sub.form.started_at)
		sub.form.started_at = clock_now();
	return ui_rect(area.x, area.y, area.w, area.h - kh);
}

static void sub_hm(int min, char *buf, size_t n)
{
	/* minutes of one day: 00:00 .. 24:00 */
	snprintf(buf, n, "%02d:%02d", (min / 60) % 100, min % 60);
}

/* A row of chips to pick one item out of many; returns the tapped index or -1. */
static int sub_chips(const char *prefix, SDL_Rect r, int n, const char *const *labels, int sel)
{
	int gap = ui_px(14), tapped = -1;
	int w = n ? (r.w - gap * (n - 1)) / n : 0;
	char id[48];
	/* one size for the whole row, so the chips look alike */
	enum ui_font f = ui_button_font_for(labels, n, w);

	for (int i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%s:%d", prefix, i);
		SDL_Rect c = {r.x + i * (w + gap), r.y, w, r.h};
		if (ui_button_ex(id, c, labels[i], i == sel ? UI_SELECTED : UI_SECONDARY, f))
			tapped = i;
	}
	return tapped;
}

/* Identity and contact: fields side by side above the keyboard. */
static void sub_draw_fields(SDL_Rect c)
{
	int pad = ui_px(60), gap = ui_px(40);
	int fh = sub_field_h();
	int half = (c.w - 2 * pad - gap) / 2;

	SDL_Rect above = sub_keyboard(c);
	int y = above.y + ui_px(20);
	if (sub.step == STEP_IDENTITY) {
		sub_field(FID_NAME, 0, "field:name", ui_rect(pad, y, half + half / 3, fh),
		          akses_field_label(AKSES_F_NAME));
		sub_field(FID_NIK, 0, "field:nik",
		          ui_rect(pad + half + half / 3 + gap, y, half - half / 3, fh),
		          akses_field_label(AKSES_F_NIK));
		y += fh + ui_px(10);
		ui_text(ui_rect(pad, y, c.w - 2 * pad, ui_font_height(UI_FONT_SMALL)),
		        _("As written on your KTP. Your NIK is never printed on the pass."),
		        UI_FONT_SMALL, false, ui_c_muted, UI_LEFT);
	} else {
		sub_field(FID_INSTITUTION, 0, "field:institution", ui_rect(pad, y, c.w - 2 * pad, fh),
		          akses_field_label(AKSES_F_INSTITUTION));
		y += fh + ui_px(10);
		sub_field(FID_PHONE, 0, "field:phone", ui_rect(pad, y, half, fh),
		          akses_field_label(AKSES_F_PHONE));
		/* the core's label already says it is optional */
		sub_field(FID_EMAIL, 0, "field:email", ui_rect(pad + half + gap, y, half, fh),
		          akses_field_label(AKSES_F_EMAIL));
	}
}

static void sub_draw_purpose(SDL_Rect c)
{
	int pad = ui_px(60);
	const char *labels[PURPOSE_COUNT - 1];
	int lh = ui_font_height(UI_FONT_SMALL);

	SDL_Rect above = sub_keyboard(c);
	int y = above.y + ui_px(16);
	ui_text(ui_rect(pad, y, c.w, lh), akses_field_label(AKSES_F_PURPOSE_CATEGORY),
	        UI_FONT_SMALL, true, ui_c_muted, UI_LEFT);
	y += lh + ui_px(6);
	for (int i = 0; i < PURPOSE_COUNT - 1; i++)
		labels[i] = wf_purpose_label((purpose_cat)(i + 1));
	int t = sub_chips("purpose", ui_rect(pad, y, c.w - 2 * pad, ui_px(100)), PURPOSE_COUNT - 1,
	                  labels, (int)sub.form.purpose_category - 1);
	if (t >= 0)
		sub.form.purpose_category = (purpose_cat)(t + 1);
	y += ui_px(100);
	if (sub.form.purpose_category == PURPOSE_NONE && sub.tried[sub.step])
		ui_text(ui_rect(pad, y, c.w, lh), akses_status_message(AKSES_E_PURPOSE_CATEGORY),
		        UI_FONT_SMALL, false, ui_c_danger, UI_LEFT);
	y += lh + ui_px(6);
	sub_field(FID_PURPOSE, 0, "field:purpose", ui_rect(pad, y, c.w - 2 * pad, sub_field_h()),
	          akses_field_label(AKSES_F_PURPOSE));
}

/* Date chips (two rows of a week) and start/end with big -/+ buttons: no typing of dates. */
static void sub_draw_time(SDL_Rect c)
{
	static const char *const wd[7] = {N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"),
	                                  N_("Thu"), N_("Fri"), N_("Sat")};
	char lab[FORM_DAYS][32];
	const char *labels[7];
	int pad = ui_px(60), lh = ui_font_height(UI_FONT_SMALL);
	int y = c.y + ui_px(30);

	ui_text(ui_rect(pad, y, c.w, lh), _("Date"), UI_FONT_SMALL, true, ui_c_muted, UI_LEFT);
	y += lh + ui_px(8);
	for (int d = 0; d < FORM_DAYS; d++) {
		time_t t = (time_t)(sub.today + (int64_t)d * 86400 + 12 * 3600);
		struct tm tm;
		localtime_r(&t, &tm);
		if (d == 0)
			snprintf(lab[d], sizeof lab[d], "%s", _("Today"));
		else
			snprintf(lab[d], sizeof lab[d], "%s %d/%d", _(wd[tm.tm_wday]), tm.tm_mday,
			         tm.tm_mon + 1);
	}
	for (int row = 0; row < 2; row++) {
		for (int i = 0; i < 7; i++)
			labels[i] = lab[row * 7 + i];
		int sel = sub.form.day - row * 7;
		int t = sub_chips(row ? "day2" : "day", ui_rect(pad, y, c.w - 2 * pad, ui_px(100)), 7,
		                  labels, sel >= 0 && sel < 7 ? sel : -1);
		if (t >= 0)
			sub.form.day = row * 7 + t;
		y += ui_px(116);
	}
	y += ui_px(30);
	/* start and end: [-] 09:00 [+] */
	int bw = ui_px(130), vw = ui_px(260), gap = ui_px(20);
	int col = (c.w - 2 * pad) / 2;
	for (int k = 0; k < 2; k++) {
		int x = pad + k * col;
		char hm[8];
		ui_text(ui_rect(x, y, col, lh), k ? _("Until") : _("From"), UI_FONT_SMALL, true,
		        ui_c_muted, UI_LEFT);
		SDL_Rect minus = {x, y + lh + ui_px(8), bw, ui_px(120)};
		SDL_Rect val = {x + bw + gap, minus.y, vw, minus.h};
		SDL_Rect plus = {val.x + vw + gap, minus.y, bw, minus.h};
		if (ui_button(k ? "end:minus" : "start:minus", minus, "−", UI_SECONDARY))
			k ? form_move_end(&sub.form, -FORM_STEP_MIN)
			  : form_move_start(&sub.form, -FORM_STEP_MIN);
		sub_hm(k ? sub.form.end_min : sub.form.start_min, hm, sizeof hm);
		ui_fill_round(val, ui_c_panel, ui_px(10));
		ui_text(val, hm, UI_FONT_TITLE, true, ui_c_text, UI_CENTER);
		if (ui_button(k ? "end:plus" : "start:plus", plus, "+", UI_SECONDARY))
			k ? form_move_end(&sub.form, FORM_STEP_MIN)
			  : form_move_start(&sub.form, FORM_STEP_MIN);
	}
	y += lh + ui_px(8) + ui_px(140);
	akses_field which;
	akses_status st = sub_check_window(&which);
	if (st != AKSES_OK)
		ui_text(ui_rect(pad, y, c.w - 2 * pad, ui_font_height(UI_FONT_BODY)),
		        akses_status_message(st), UI_FONT_BODY, true, ui_c_danger, UI_LEFT);
}

/* Companions or equipment: numbered chips to pick one, "+ add", and the fields of the selected
 * one above the keyboard. */
static void sub_draw_list(SDL_Rect c, bool companions)
{
	int pad = ui_px(60), gap = ui_px(14);
	int *n = companions ? &sub.form.n_companions : &sub.form.n_equipment;
	int *sel = companions ? &sub.comp : &sub.equip;
	int max = companions ? AKSES_MAX_COMPANIONS : AKSES_MAX_EQUIPMENT;
	char id[32], lab[16];
	int lh = ui_font_height(UI_FONT_SMALL);

	SDL_Rect above = sub_keyboard(c);
	int y = above.y + ui_px(16);
	const char *help = companions ? _("Everyone who comes in with you needs their own pass.")
	                              : _("Equipment you bring into the server room, one per line.");
	ui_text(ui_rect(pad, y, c.w - 2 * pad, lh), help, UI_FONT_SMALL, false, ui_c_muted,
	        UI_LEFT);
	y += lh + ui_px(10);
	int cw = ui_px(90), x = pad;
	for (int i = 0; i < *n; i++) {
		snprintf(id, sizeof id, "%s:%d", companions ? "comp" : "equip", i);
		snprintf(lab, sizeof lab, "%d", i + 1);
		if (ui_button(id, ui_rect(x, y, cw, ui_px(90)), lab,
		              i == *sel ? UI_SELECTED : UI_SECONDARY)) {
			*sel = i;
			sub_focus(companions ? FID_COMP_NAME : FID_EQUIPMENT);
		}
		x += cw + gap;
	}
	if (*n < max && ui_button(companions ? "comp:add" : "equip:add",
	                          ui_rect(x, y, ui_px(380), ui_px(90)),
	                          companions ? _("+ Add companion") : _("+ Add item"),
	                          UI_PRIMARY)) {
		*sel = (*n)++;
		sub_focus(companions ? FID_COMP_NAME : FID_EQUIPMENT);
	}
	y += ui_px(90) + ui_px(16);
	if (*n == 0) {
		ui_text(ui_rect(pad, y, c.w - 2 * pad, ui_font_height(UI_FONT_BODY)),
		        companions ? _("No companions. Tap Next if you come alone.")
		                   : _("Nothing listed. Tap Next if you bring no equipment."),
		        UI_FONT_BODY, false, ui_c_text, UI_LEFT);
		return;
	}
	int fh = sub_field_h(), rw = ui_px(220);
	int fw = c.w - 2 * pad - rw - ui_px(30);
	if (companions) {
		int half = (fw - ui_px(30)) / 2;
		sub_field(FID_COMP_NAME, *sel, "field:comp-name", ui_rect(pad, y, half + half / 3, fh),
		          akses_field_label(AKSES_F_COMPANION_NAME));
		sub_field(FID_COMP_NIK, *sel, "field:comp-nik",
		          ui_rect(pad + half + half / 3 + ui_px(30), y, half - half / 3, fh),
		          akses_field_label(AKSES_F_COMPANION_NIK));
	} else {
		sub_field(FID_EQUIPMENT, *sel, "field:equipment", ui_rect(pad, y, fw, fh),
		          akses_field_label(AKSES_F_EQUIPMENT));
	}
	SDL_Rect rm = {c.w - pad - rw, y + lh + ui_px(4), rw, ui_px(96)};
	if (ui_button(companions ? "comp:remove" : "equip:remove", rm, _("Remove"), UI_DANGER)) {
		/* remove the selected row: shift the rest up and wipe the freed last row */
		if (companions) {
			struct form_person *p = sub.form.companions;
			memmove(&p[*sel], &p[*sel + 1], (size_t)(*n - *sel - 1) * sizeof p[0]);
			memset(&p[*n - 1], 0, sizeof p[0]);
		} else {
			char(*e)[AKSES_BUF(AKSES_EQUIPMENT_CHARS)] = sub.form.equipment;
			memmove(e[*sel], e[*sel + 1], (size_t)(*n - *sel - 1) * sizeof e[0]);
			memset(e[*n - 1], 0, sizeof e[0]);
		}
		(*n)--;
		if (*sel >= *n)
			*sel = *n - 1;
		if (*sel < 0) {
			*sel = 0;
			sub_focus(FID_NONE);
		}
	}
}

/* Review: everything typed, to check before consenting. */
static void sub_draw_review(SDL_Rect c)
{
	char text[6000], hm1[8], hm2[8], day[20];
	int pad = ui_px(60);
	const struct form *m = &sub.form;
	size_t o = 0;

	sub_hm(m->start_min, hm1, sizeof hm1);
	sub_hm(m->end_min, hm2, sizeof hm2);
	clock_format_day(sub.today + (int64_t)m->day * 86400 + 12 * 3600, day, sizeof day);
	o += (size_t)snprintf(text + o, sizeof text - o,
	                      "%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s — %s\n%s: %s %s–%s\n",
	                      akses_field_label(AKSES_F_NAME), m->name,
	                      akses_field_label(AKSES_F_NIK), m->nik,
	                      akses_field_label(AKSES_F_INSTITUTION), m->institution,
	                      akses_field_label(AKSES_F_PHONE), m->phone,
	                      akses_field_label(AKSES_F_EMAIL), m->email[0] ? m->email : "-",
	                      akses_field_label(AKSES_F_PURPOSE),
	                      wf_purpose_label(m->purpose_category), m->purpose, _("Visit"), day,
	                      hm1, hm2);
	for (int i = 0; i < m->n_companions && o < sizeof text; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "%s %d: %s (%s)\n",
		                      akses_field_label(AKSES_F_COMPANION_NAME), i + 1,
		                      m->companions[i].name, m->companions[i].nik);
	for (int i = 0; i < m->n_equipment && o < sizeof text; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "%s %d: %s\n",
		                      akses_field_label(AKSES_F_EQUIPMENT), i + 1, m->equipment[i]);
	SDL_Rect r = {pad, c.y + ui_px(30), c.w - 2 * pad, c.h - ui_px(60)};
	ui_text(ui_rect(r.x, r.y, r.w, ui_font_height(UI_FONT_BODY)),
	        _("Please check. Tap Back to correct anything."), UI_FONT_BODY, true, ui_c_primary,
	        UI_LEFT);
	r.y += ui_font_height(UI_FONT_BODY) + ui_px(20);
	r.h -= ui_font_height(UI_FONT_BODY) + ui_px(20);
	ui_text_wrapped(r, text, UI_FONT_BODY, false, ui_c_text);
}

/* The privacy notice (UU 27/2022 on personal data protection) and the consent toggle. */
static void sub_draw_consent(SDL_Rect c)
{
	int pad = ui_px(60);
	SDL_Rect r = {pad, c.y + ui_px(30), c.w - 2 * pad, c.h - ui_px(220)};

	int used = ui_text_wrapped(
	    r,
	    _("Privacy notice (Law 27/2022 on Personal Data Protection)\n"
	      "What we collect: your name, NIK, institution, phone, optional email, the purpose and "
	      "time of your visit, your companions and equipment.\n"
	      "Why: to decide on and record your access to the server room, as the agency's access "
	      "SOP requires, and to contact you about it.\n"
	      "Who sees it: the officials who decide on your request, the helpdesk and the technician "
	      "who escorts you. Your NIK and phone are never printed on the pass or in its QR code.\n"
	      "How long: until your request is closed and then for the retention period set by the "
	      "agency, after which your personal data is anonymised.\n"
	      "Your rights: you may ask the helpdesk to see, correct or delete your data."),
	    UI_FONT_BODY, false, ui_c_text);
	SDL_Rect t = {pad, r.y + used + ui_px(30), ui_px(900), ui_px(110)};
	if (ui_button("consent", t, sub.form.consent ? _("✔ I agree") : _("I agree"),
	              sub.form.consent ? UI_SELECTED : UI_SECONDARY))
		sub.form.consent = !sub.form.consent;
	if (!sub.form.consent && sub.tried[sub.step])
		ui_text(ui_rect(t.x + t.w + ui_px(30), t.y, c.w - t.w - 3 * pad, t.h),
		        akses_status_message(AKSES_E_CONSENT), UI_FONT_BODY, false, ui_c_danger,
		        UI_LEFT);
}

/* Done: the number, big, and the receipt's printing. */
static void sub_draw_done(struct app *a, SDL_Rect c)
{
	int pad = ui_px(60);
	SDL_Rect t = {pad, c.y + ui_px(60), c.w - 2 * pad, ui_font_height(UI_FONT_LARGE)};

	ui_text(t, _("Your request has been sent. Your request number:"), UI_FONT_LARGE, false,
	        ui_c_text, UI_CENTER);
	t.y += t.h + ui_px(40);
	t.h = ui_font_height(UI_FONT_HUGE);
	ui_text(t, sub.res.number, UI_FONT_HUGE, true, ui_c_primary, UI_CENTER);
	t.y += t.h + ui_px(40);
	t.h = ui_font_height(UI_FONT_BODY);
	ui_text(t, _("Keep the receipt: scan it here to check the status and print your pass."),
	        UI_FONT_BODY, false, ui_c_text, UI_CENTER);
	t.y += t.h + ui_px(50);
	t.h = ui_font_height(UI_FONT_LARGE);
	switch (a->print.phase) {
	case PRINT_BUSY:
		ui_spinner(ui_rect(ui.w / 2 - ui_px(40), t.y, ui_px(80), ui_px(80)), SDL_GetTicks());
		t.y += ui_px(100);
		ui_text(t, _("Printing your receipt…"), UI_FONT_LARGE, false, ui_c_text, UI_CENTER);
		break;
	case PRINT_OK:
		ui_text(t, _("Receipt printed. Please take it."), UI_FONT_LARGE, true, ui_c_ok,
		        UI_CENTER);
		break;
	case PRINT_ERROR:
		ui_text(t, _("The receipt could not be printed: please write down the number."),
		        UI_FONT_LARGE, true, ui_c_danger, UI_CENTER);
		break;
	case PRINT_IDLE:
		break;
	}
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

static void submit_draw(struct app *a)
{
	static const char *const titles[STEP_COUNT] = {
	    N_("Who are you?"), N_("How can we reach you?"), N_("Purpose of your visit"),
	    N_("When will you visit?"), N_("Companions"), N_("Equipment"), N_("Check your request"),
	    N_("Privacy and consent"), N_("Request sent")};
	char step_txt[64];

	SDL_Rect c = app_top_bar(a, _(titles[sub.step]));
	int nav = ui_px(150);
	SDL_Rect body = {0, c.y, c.w, c.h - nav};
	/* for tests: where we are, and how much typed text the model holds */
	size_t typed = strlen(sub.form.name) + strlen(sub.form.nik) +
	               strlen(sub.form.institution) + strlen(sub.form.phone) +
	               strlen(sub.form.email) + strlen(sub.form.purpose);
	snprintf(a->dump_extra, sizeof a->dump_extra, "step %s\nfocus %d\nkbd %d %d\ntyped %zu",
	         sub_step_code[sub.step], (int)sub.focus, (int)sub.kbd.layout, sub.kbd.page,
	         typed);

	switch (sub.step) {
	case STEP_IDENTITY:
	case STEP_CONTACT:
		sub_draw_fields(body);
		break;
	case STEP_PURPOSE:
		sub_draw_purpose(body);
		break;
	case STEP_TIME:
		sub_draw_time(body);
		break;
	case STEP_COMPANIONS:
	case STEP_EQUIPMENT:
		sub_draw_list(body, sub.step == STEP_COMPANIONS);
		break;
	case STEP_REVIEW:
		sub_draw_review(body);
		break;
	case STEP_CONSENT:
		sub_draw_consent(body);
		break;
	case STEP_DONE:
		sub_draw_done(a, body);
		break;
	case STEP_COUNT:
		break;
	}
	if (sub.server_msg[0])
		ui_text(ui_rect(ui_px(60), body.y + ui_px(2), body.w, ui_font_height(UI_FONT_SMALL)),
		        sub.server_msg, UI_FONT_SMALL, true, ui_c_danger, UI_LEFT);

	/* the bottom bar: back / progress / next */
	int pad = ui_px(40), bw = ui_px(380), bh = ui_px(120);
	SDL_Rect bar = {0, ui.h - nav, ui.w, nav};
	ui_fill(bar, ui_c_panel);
	SDL_Rect back = {pad, bar.y + (nav - bh) / 2, bw, bh};
	SDL_Rect next = {ui.w - pad - bw, back.y, bw, bh};
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
	ui_text(ui_rect(back.x + bw, bar.y, ui.w - 2 * (pad + bw), nav), step_txt, UI_FONT_BODY,
	        false, ui_c_muted, UI_CENTER);
	bool last = sub.step == STEP_CONSENT;
	if (ui_button(last ? "send" : "next", next, last ? _("Send request") : _("Next"),
	              UI_PRIMARY)) {
		if (!sub_step_ok(sub.step)) {
			sub.tried[sub.step] = true;
		} else if (last) {
			app_post(a, SUB_CMD_SUBMIT, 0);
		} else {
			sub_goto(sub.step + 1);
		}
	}
}

/* The step a field of the core's validation belongs to. */
static enum sub_step sub_step_of(akses_field f)
{
	switch (f) {
	case AKSES_F_NAME:
	case AKSES_F_NIK:
		return STEP_IDENTITY;
	case AKSES_F_INSTITUTION:
	case AKSES_F_PHONE:
	case AKSES_F_EMAIL:
		return STEP_CONTACT;
	case AKSES_F_PURPOSE_CATEGORY:
	case AKSES_F_PURPOSE:
		return STEP_PURPOSE;
	case AKSES_F_START:
	case AKSES_F_END:
		return STEP_TIME;
	case AKSES_F_COMPANION_NAME:
	case AKSES_F_COMPANION_NIK:
		return STEP_COMPANIONS;
	case AKSES_F_EQUIPMENT:
		return STEP_EQUIPMENT;
	default:
		return STEP_CONSENT;
	}
}

/* Send the request (one short transaction), then print the receipt on the worker. */
static void submit_event(struct app *a, const SDL_Event *e)
{
	if (e->type != a->ev_cmd || e->user.code != SUB_CMD_SUBMIT || sub.step != STEP_CONSENT)
		return;
	struct akses_request_input in;
	akses_field field = AKSES_F_NONE;
	int idx = 0;

	form_to_input(&sub.form, sub.today, &in);
	sub.submit_rc = a->st ? store_submit(a->st, &in, &sub.res, &field, &idx)
	                      : AKSES_E_IO;
	if (sub.submit_rc != AKSES_OK) {
		enum sub_step s = sub_step_of(field);
		if (field == AKSES_F_NONE)
			s = STEP_CONSENT;
		sub_goto(s);
		if (field == AKSES_F_COMPANION_NAME || field == AKSES_F_COMPANION_NIK)
			sub.comp = idx;
		if (field == AKSES_F_EQUIPMENT)
			sub.equip = idx;
		sub.tried[s] = true;
		snprintf(sub.server_msg, sizeof sub.server_msg, "%s%s%s",
		         field ? akses_field_label(field) : "", field ? ": " : "",
		         akses_status_message(sub.submit_rc));
		return;
	}
	sub.step = STEP_DONE;
	sub_focus(FID_NONE);
	form_wipe(&sub.form, clock_now(), sub.today); /* sent: nothing typed stays on screen */
	print_worker_start(a, PAPER_RECEIPT, sub.res.number, 0, sub.res.receipt_token);
	/* the token went to the worker's copy; the screen does not need it any more */
	memset(sub.res.receipt_token, 0, sizeof sub.res.receipt_token);
}

/* A real keyboard: typing goes to the focused field, Enter is Next. */
static void submit_text(struct app *a, const char *s)
{
	(void)a;
	if (!strcmp(s, "\n"))
		return; /* Next stays a deliberate tap */
	if (sub.focus == FID_NONE)
		return;
	struct ui_textbuf t = sub_buf(sub.focus, NULL);
	if (!strcmp(s, "\b"))
		ui_textbuf_backspace(&t);
	else
		ui_textbuf_insert(&t, s);
	if (!sub.form.started_at)
		sub.form.started_at = clock_now();
}

const struct screen screen_submit = {
	.name = "submit",
	.enter = submit_enter,
	.event = submit_event,
	.draw = submit_draw,
	.leave = submit_leave,
	.text = submit_text,
	.visitor = true,
};
