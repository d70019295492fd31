/* ui_button.c - the finger-sized button: tap (press and release inside) and long press. */
#include "ui.h"

/* Colours of a button style: fill, text, and whether it has a border. */
static void ui_button_colors(enum ui_style s, bool held, SDL_Color *fill, SDL_Color *text)
{
	switch (s) {
	case UI_PRIMARY:
		*fill = ui_c_primary;
		*text = ui_c_white;
		break;
	case UI_DANGER:
		*fill = ui_c_danger;
		*text = ui_c_white;
		break;
	case UI_SELECTED:
		*fill = ui_c_ok;
		*text = ui_c_white;
		break;
	case UI_GHOST:
		*fill = ui_c_bg;
		*text = ui_c_primary;
		break;
	case UI_KEY:
	case UI_SECONDARY:
	default:
		*fill = ui_c_panel;
		*text = ui_c_text;
		break;
	}
	if (held) {
		/* visible feedback under the finger */
		fill->r = (Uint8)(fill->r * 3 / 4);
		fill->g = (Uint8)(fill->g * 3 / 4);
		fill->b = (Uint8)(fill->b * 3 / 4);
		if (s == UI_SECONDARY || s == UI_KEY || s == UI_GHOST)
			*text = ui_c_text;
	}
}

/* Claim the press for this widget when it started inside r. Returns true when r owns it. */
static bool ui_claim(uint32_t id, SDL_Rect r)
{
	if (ui.pressed && ui_hit(r, ui.mx, ui.my) && ui.active == 0) {
		ui.active = id;
		ui.long_fired = false;
	}
	return ui.active == id;
}

enum ui_font ui_button_font_for(const char *const *labels, int n, int w)
{
	static const enum ui_font order[] = {UI_FONT_LARGE, UI_FONT_BODY, UI_FONT_SMALL};
	int room = w - ui_px(2 * UI_PAD_LABEL);

	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		bool fits = true;
		for (int i = 0; i < n && fits; i++) {
			int tw, th;
			ui_text_size(labels[i], order[k], true, &tw, &th);
			fits = tw <= room;
		}
		if (fits)
			return order[k];
	}
	return UI_FONT_WRAP; /* none fits on one line */
}

/* The label: one line in f, or centred wrapped lines for UI_FONT_WRAP. With a fill (bg not
 * NULL) the label is drawn opaque on it, a copy rather than a per-pixel blend: the label box
 * lies inside the inset, which the rounded fill covers. */
static void ui_button_label(SDL_Rect r, const char *label, enum ui_font f, SDL_Color c,
                            const SDL_Color *bg)
{
	SDL_Rect in = ui_inset(r, ui_px(UI_PAD_LABEL));

	if (f != UI_FONT_WRAP) {
		if (bg)
			ui_text_on(in, label, f, true, c, *bg, UI_CENTER);
		else
			ui_text(in, label, f, true, c, UI_CENTER);
		return;
	}
	int w, h;
	SDL_Texture *tex = bg ? ui_text_get_on(label, UI_FONT_SMALL, true, c, *bg, -in.w, &w, &h)
	                      : ui_text_get(label, UI_FONT_SMALL, true, c, -in.w, &w, &h);
	if (!tex)
		return;
	SDL_Rect src = {0, 0, w, h < in.h ? h : in.h};
	SDL_Rect dst = {in.x + (in.w - w) / 2, in.y + (in.h - src.h) / 2, w, src.h};
	SDL_RenderCopy(ui.ren, tex, &src, &dst);
}

/* Everything a button does: claim, long press, tap, draw. */
static bool ui_button_do(const char *id, SDL_Rect r, const char *label, enum ui_style s,
                         enum ui_font f, uint32_t ms, bool *long_out)
{
	uint32_t h = ui_id(id);
	bool mine = ui_claim(h, r);
	bool held = mine && ui.down && ui_hit(r, ui.mx, ui.my);
	bool tapped = false;
	SDL_Color fill, text;

	ui_note_rect(id, r);
	if (long_out)
		*long_out = false;
	if (mine && long_out && ms) {
		uint32_t now = SDL_GetTicks();
		if (ui.down && !ui.long_fired) {
			if (now - ui.down_at >= ms) {
				ui.long_fired = true;
				*long_out = true;
				ui.redraw = true;
			} else if (!ui.wake_at || ui.down_at + ms < ui.wake_at) {
				ui.wake_at =
				    ui.down_at + ms; /* come back when the hold is long enough */
			}
		}
	}
	if (mine && ui.released && ui_hit(r, ui.mx, ui.my) && !ui.long_fired) {
		tapped = true;
		ui.redraw = true;
	}
	ui_button_colors(s, held, &fill, &text);
	int rad = ui_px(UI_RADIUS);
	bool filled = true;
	if (s == UI_SECONDARY || s == UI_KEY) {
		ui_fill_round(r, ui_c_border, rad);
		ui_fill_round(ui_inset(r, ui_px(UI_BORDER)), fill, rad);
	} else if (s != UI_GHOST || held) {
		ui_fill_round(r, fill, rad);
	} else {
		filled = false; /* a ghost button lies on whatever is behind it */
	}
	if (label && *label) {
		if (f == UI_FONT_AUTO)
			f = ui_button_font_for(&label, 1, r.w);
		ui_button_label(r, label, f, text, filled ? &fill : NULL);
	}
	return tapped;
}

bool ui_button_long(const char *id, SDL_Rect r, const char *label, enum ui_style s, uint32_t ms,
                    bool *long_out)
{
	return ui_button_do(id, r, label, s, UI_FONT_AUTO, ms, long_out);
}

bool ui_button_ex(const char *id, SDL_Rect r, const char *label, enum ui_style s, enum ui_font f)
{
	return ui_button_do(id, r, label, s, f, 0, NULL);
}

bool ui_button(const char *id, SDL_Rect r, const char *label, enum ui_style s)
{
	return ui_button_do(id, r, label, s, UI_FONT_AUTO, 0, NULL);
}
