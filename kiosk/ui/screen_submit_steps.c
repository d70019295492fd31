/* screen_submit_steps.c - the bodies of the wizard's typing steps (identity, contact, purpose,
 * time, companions, equipment) and the bound fields, keyboard and chips they are made of. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "screen_submit.h"
#include "valid.h"
#include "wf.h"

/* ---- drawing pieces ------------------------------------------------------------------------ */

void sub_nik_groups(const char *nik, char *out, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; nik[i] && o + 2 < n; i++) {
		if (i == 6 || i == 12)
			out[o++] = ' ';
		out[o++] = nik[i];
	}
	out[o] = '\0';
}

void sub_id_shown(akses_id_type t, const char *number, char *out, size_t n)
{
	if (t == ID_NIK)
		sub_nik_groups(number, out, n);
	else
		snprintf(out, n, "%s", number);
}

/* A field bound to the model, with its live validation message. */
void sub_field(akses_field f, int idx, const char *id, SDL_Rect r)
{
	struct ui_textbuf t = sub_buf(f);
	akses_status st = sub_check(f, idx);
	const char *msg = "", *shown = t.buf;
	char grouped[AKSES_NIK_LEN + 4];

	if (st != AKSES_OK && (t.buf[0] || sub.tried[sub.step]))
		msg = akses_status_message(st);
	const char *label = akses_field_label(f);
	const akses_id_type *idt = sub_id_type(f, idx);
	if (idt && *idt == ID_NIK) {
		sub_nik_groups(t.buf, grouped, sizeof grouped);
		shown = grouped;
	} else if (idt) {
		label = akses_id_type_label(*idt);
	}
	if (ui_field(id, r, label, shown, sub.focus == f, msg, false))
		sub_focus(f);
}

/* Height of a field (label + box + message line). */
int sub_field_h(void)
{
	return ui_font_height(UI_FONT_SMALL) * 2 + ui_px(2 * UI_GAP_XS) + ui_px(UI_FIELD_BOX_H);
}

/* The keyboard for the focused field at the bottom of area; returns what is left above it. */
SDL_Rect sub_keyboard(SDL_Rect area)
{
	if (sub.focus == AKSES_F_NONE)
		return area;
	int kh = area.h * 55 / 100;
	SDL_Rect k = {area.x, area.y + area.h - kh, area.w, kh};
	struct ui_textbuf t = sub_buf(sub.focus);
	if (ui_keyboard(&sub.kbd, k, &t))
		sub_typed();
	return ui_rect(area.x, area.y, area.w, area.h - kh);
}

/* A row of chips to pick one item out of many; returns the tapped index or -1. */
int sub_chips(const char *prefix, SDL_Rect r, int n, const char *const *labels, int sel)
{
	int gap = ui_px(UI_GAP_M), tapped = -1;
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

void sub_id_chips(const char *prefix, SDL_Rect r, akses_field f, int idx)
{
	static const char *const names[ID_TYPE_COUNT] = {N_("NIK"), N_("Passport"), N_("KITAS")};
	const char *labels[ID_TYPE_COUNT];
	akses_id_type *t = sub_id_type(f, idx);

	for (int i = 0; i < ID_TYPE_COUNT; i++)
		labels[i] = _(names[i]);
	int tapped = sub_chips(prefix, r, ID_TYPE_COUNT, labels, (int)*t);
	if (tapped < 0 || tapped == (int)*t)
		return;
	*t = (akses_id_type)tapped;
	struct ui_textbuf b = sub_buf(f);
	memset(b.buf, 0, b.size);
	sub_focus(f);
}

/* ---- the steps ----------------------------------------------------------------------------- */

/* Identity (the NIK first, as on the KTP, then the name beside it) and contact (the
 * institution across, phone and the optional email below it): fields above the keyboard. */
void sub_draw_fields(struct app *a, SDL_Rect c)
{
	(void)a;
	int pad = ui_px(UI_PAD_SCREEN), gap = ui_px(UI_PAD);
	int fh = sub_field_h();
	int half = (c.w - 2 * pad - gap) / 2;

	SDL_Rect above = sub_keyboard(c);
	int y = above.y + ui_px(20);
	if (sub.step == STEP_IDENTITY) {
		sub_field(AKSES_F_NIK, 0, "field:nik", ui_rect(pad, y, half - half / 3, fh));
		sub_field(AKSES_F_NAME, 0, "field:name",
		          ui_rect(pad + half - half / 3 + gap, y, half + half / 3, fh));
		y += fh + ui_px(UI_ROW_GAP);
		/* NIK is picked already: a visitor with a KTP never taps these */
		int cw = SUB_ID_CHIPS_W;
		sub_id_chips("idtype", ui_rect(c.w - pad - cw, y, cw, SUB_ID_CHIPS_H), AKSES_F_NIK, 0);
		ui_text(ui_rect(pad, y, c.w - 2 * pad - cw - gap, ui_font_height(UI_FONT_SMALL)),
		        sub.form.id_type == ID_NIK
		            ? _("As written on your KTP. Your NIK is never printed on the pass.")
		            : _("As written on your document. It is never printed on the pass."),
		        UI_FONT_SMALL, false, ui_c_muted, UI_LEFT);
	} else {
		sub_field(AKSES_F_INSTITUTION, 0, "field:institution",
		          ui_rect(pad, y, c.w - 2 * pad, fh));
		y += fh + ui_px(UI_ROW_GAP);
		sub_field(AKSES_F_PHONE, 0, "field:phone", ui_rect(pad, y, half, fh));
		/* the core's label already says it is optional */
		sub_field(AKSES_F_EMAIL, 0, "field:email", ui_rect(pad + half + gap, y, half, fh));
	}
}

void sub_draw_purpose(struct app *a, SDL_Rect c)
{
	(void)a;
	int pad = ui_px(UI_PAD_SCREEN);
	const char *labels[PURPOSE_COUNT - 1];
	int lh = ui_font_height(UI_FONT_SMALL);

	SDL_Rect above = sub_keyboard(c);
	int y = above.y + ui_px(16);
	ui_text(ui_rect(pad, y, c.w, lh), akses_field_label(AKSES_F_PURPOSE_CATEGORY),
	        UI_FONT_SMALL, true, ui_c_muted, UI_LEFT);
	y += lh + ui_px(UI_LINE_GAP);
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
	y += lh + ui_px(UI_LINE_GAP);
	sub_field(AKSES_F_PURPOSE, 0, "field:purpose", ui_rect(pad, y, c.w - 2 * pad, sub_field_h()));
}

akses_status sub_window_status(void)
{
	int64_t s, e;
	akses_field which = AKSES_F_NONE;

	if (sub.form.now_slot) /* "now" moves with the clock */
		form_set_now(&sub.form, clock_now(), sub.today);
	form_window(&sub.form, sub.today, &s, &e);
	return valid_window(s, e, clock_now(), &which);
}

/* Date chips (two rows of a week) and start/end with big -/+ buttons: no typing of dates. */
void sub_draw_time(struct app *a, SDL_Rect c)
{
	(void)a;
	static const char *const wd[7] = {N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"),
	                                  N_("Thu"), N_("Fri"), N_("Sat")};
	char lab[FORM_DAYS][32];
	const char *labels[7];
	int pad = ui_px(UI_PAD_SCREEN), lh = ui_font_height(UI_FONT_SMALL);
	int y = c.y + ui_px(UI_GAP_L);

	ui_text(ui_rect(pad, y, c.w, lh), _("Date"), UI_FONT_SMALL, true, ui_c_muted, UI_LEFT);
	y += lh + ui_px(UI_GAP_S);
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
		if (t >= 0) {
			sub.form.day = row * 7 + t;
			sub.form.now_slot = false;
		}
		y += ui_px(116);
	}
	y += ui_px(30);
	/* start and end: [-] 09:00 [+] */
	int bw = ui_px(130), vw = ui_px(260), gap = ui_px(20);
	int col = (c.w - 2 * pad) / 2;
	for (int k = 0; k < 2; k++) {
		int x = pad + k * col;
		char hm[16];
		ui_text(ui_rect(x, y, col, lh), k ? _("Until") : _("From"), UI_FONT_SMALL, true,
		        ui_c_muted, UI_LEFT);
		SDL_Rect minus = {x, y + lh + ui_px(UI_GAP_S), bw, ui_px(120)};
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
	y += lh + ui_px(UI_GAP_S) + ui_px(140);
	/* "Now": a walk-in starts at once, whatever the half hours say (and may end after midnight) */
	if (ui_button("time:now", ui_rect(pad, y, ui_px(400), ui_px(100)), _("Now"),
	              sub.form.now_slot ? UI_SELECTED : UI_SECONDARY))
		form_set_now(&sub.form, clock_now(), sub.today);
	y += ui_px(120);
	akses_status st = sub_window_status();
	if (st != AKSES_OK)
		ui_text(ui_rect(pad, y, c.w - 2 * pad, ui_font_height(UI_FONT_BODY)),
		        akses_status_message(st), UI_FONT_BODY, true, ui_c_danger, UI_LEFT);
}

/* Remove the selected row of the companions or the equipment: shift the rest up and wipe the
 * freed last row. */
static void sub_remove_row(bool companions)
{
	int *n = companions ? &sub.form.n_companions : &sub.form.n_equipment;
	int *sel = companions ? &sub.comp : &sub.equip;

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
		sub_focus(AKSES_F_NONE);
	} else {
		sub_focus(sub_steps[sub.step].fields[0]);
	}
}

/* Companions or equipment: numbered chips to pick one, "+ add", and the fields of the selected
 * one above the keyboard. */
static void sub_draw_list(SDL_Rect c, bool companions)
{
	int pad = ui_px(UI_PAD_SCREEN), gap = ui_px(UI_GAP_M);
	int *n = companions ? &sub.form.n_companions : &sub.form.n_equipment;
	int *sel = companions ? &sub.comp : &sub.equip;
	int max = companions ? AKSES_MAX_COMPANIONS : AKSES_MAX_EQUIPMENT;
	akses_field first = sub_steps[sub.step].fields[0];
	char id[32], lab[16];
	int lh = ui_font_height(UI_FONT_SMALL);

	SDL_Rect above = sub_keyboard(c);
	int y = above.y + ui_px(16);
	const char *help = companions ? _("Everyone who comes in with you needs their own pass.")
	                              : _("Equipment you bring into the server room, one per line.");
	/* the selected companion's document type beside the help line: the row of numbered chips
	 * below needs its whole width for ten companions */
	int tw = companions && *n > 0 ? SUB_ID_CHIPS_W : 0, row = lh;
	if (tw) {
		row = SUB_ID_CHIPS_H;
		sub_id_chips("comp-idtype", ui_rect(c.w - pad - tw, y, tw, row),
		             AKSES_F_COMPANION_NIK, *sel);
	}
	ui_text(ui_rect(pad, y, c.w - 2 * pad - (tw ? tw + gap : 0), lh), help, UI_FONT_SMALL, false,
	        ui_c_muted, UI_LEFT);
	y += row + ui_px(UI_ROW_GAP);
	/* numbered chips and "+ add" in one row; 18 equipment lines and more do not leave room
	 * for the wide add button (it went off the screen's edge): the chips narrow to share the
	 * row with a "+" chip of their width (76 design px at 20: 50 px at 1280x800) */
	int cw = ui_px(90), x = pad, aw = ui_px(380), room = c.w - 2 * pad;
	bool more = *n < max, compact = *n * (cw + gap) + (more ? aw : 0) > room;
	if (compact) {
		int slots = *n + (more ? 1 : 0);
		int fit = (room - (slots - 1) * gap) / slots;
		cw = fit < cw ? fit : cw;
		aw = cw;
	}
	for (int i = 0; i < *n; i++) {
		snprintf(id, sizeof id, "%s:%d", companions ? "comp" : "equip", i);
		snprintf(lab, sizeof lab, "%d", i + 1);
		if (ui_button(id, ui_rect(x, y, cw, ui_px(90)), lab,
		              i == *sel ? UI_SELECTED : UI_SECONDARY)) {
			*sel = i;
			sub_focus(first);
		}
		x += cw + gap;
	}
	const char *add = compact ? "+" : companions ? _("+ Add companion") : _("+ Add item");
	if (more && ui_button(companions ? "comp:add" : "equip:add", ui_rect(x, y, aw, ui_px(90)),
	                      add, UI_PRIMARY)) {
		*sel = (*n)++;
		sub_focus(first);
	}
	y += ui_px(90) + ui_px(UI_GAP_SECTION);
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
		/* the NIK first, as on the identity step */
		int half = (fw - ui_px(30)) / 2;
		sub_field(AKSES_F_COMPANION_NIK, *sel, "field:comp-nik",
		          ui_rect(pad, y, half - half / 3, fh));
		sub_field(AKSES_F_COMPANION_NAME, *sel, "field:comp-name",
		          ui_rect(pad + half - half / 3 + ui_px(30), y, half + half / 3, fh));
	} else {
		sub_field(AKSES_F_EQUIPMENT, *sel, "field:equipment", ui_rect(pad, y, fw, fh));
	}
	SDL_Rect rm = {c.w - pad - rw, y + lh + ui_px(UI_GAP_XS), rw, ui_px(UI_FIELD_BOX_H)};
	if (ui_button(companions ? "comp:remove" : "equip:remove", rm, _("Remove"), UI_DANGER))
		sub_remove_row(companions);
}

void sub_draw_companions(struct app *a, SDL_Rect c)
{
	(void)a;
	sub_draw_list(c, true);
}

void sub_draw_equipment(struct app *a, SDL_Rect c)
{
	(void)a;
	sub_draw_list(c, false);
}
