/* ui_field.c - text fields (label, value with a caret, inline validation message) and the
 * editable UTF-8 buffer behind them. */
#include "ui.h"

#include <string.h>

/* Code points in a UTF-8 string. */
static size_t ui_utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

bool ui_textbuf_insert(struct ui_textbuf *t, const char *utf8)
{
	size_t have = strlen(t->buf), add = strlen(utf8);

	if (add == 0 || have + add + 1 > t->size)
		return false;
	if (ui_utf8_len(t->buf) + ui_utf8_len(utf8) > t->max_chars)
		return false;
	memcpy(t->buf + have, utf8, add + 1);
	return true;
}

bool ui_textbuf_backspace(struct ui_textbuf *t)
{
	size_t n = strlen(t->buf);

	if (n == 0)
		return false;
	/* step back over continuation bytes to the start of the last code point */
	while (n > 0 && ((unsigned char)t->buf[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	/* wipe the removed bytes too: nothing typed lingers past the terminator */
	memset(t->buf + n, 0, strlen(t->buf + n));
	return true;
}

bool ui_textbuf_type_digits(struct ui_textbuf *t, const char *s)
{
	if (!strcmp(s, "\b"))
		return ui_textbuf_backspace(t);
	bool changed = false;
	for (const char *p = s; *p; p++) {
		char d[2] = {*p, 0};
		if (*p >= '0' && *p <= '9')
			changed |= ui_textbuf_insert(t, d);
	}
	return changed;
}

bool ui_field(const char *id, SDL_Rect r, const char *label, const char *value, bool focused,
              const char *msg, bool secret)
{
	int lh = ui_font_height(UI_FONT_SMALL);
	SDL_Rect lab = {r.x, r.y, r.w, lh};
	SDL_Rect box = {r.x, r.y + lh + ui_px(UI_GAP_XS), r.w,
	                r.h - 2 * lh - ui_px(2 * UI_GAP_XS)};
	SDL_Rect m = {r.x, box.y + box.h + ui_px(UI_HAIR), r.w, lh};
	uint32_t h = ui_id(id);
	bool tapped = false;
	char stars[40];
	bool bad = msg && *msg;
	if (bad) {
		/* a message longer than the field is wide (a longer language) takes a second line
		 * from the box rather than being cut */
		int mw, mh;
		ui_text_size(msg, UI_FONT_SMALL, false, &mw, &mh);
		if (mw > m.w) {
			box.h -= lh;
			m.y -= lh;
			m.h = 2 * lh;
		}
	}

	ui_note_rect(id, box);
	if (ui.pressed && ui_hit(box, ui.mx, ui.my) && ui.active == 0)
		ui.active = h;
	if (ui.active == h && ui.released && ui_hit(box, ui.mx, ui.my)) {
		tapped = true;
		ui.redraw = true;
	}
	ui_text(lab, label, UI_FONT_SMALL, true, ui_c_muted, UI_LEFT);

	ui_fill(box, focused ? ui_c_primary : (bad ? ui_c_danger : ui_c_border));
	ui_fill(ui_inset(box, ui_px(focused ? UI_FOCUS_BORDER : UI_BORDER)), ui_c_panel);
	if (secret) {
		size_t n = strlen(value);
		if (n >= sizeof stars)
			n = sizeof stars - 1;
		memset(stars, '*', n);
		stars[n] = '\0';
		value = stars;
	}
	SDL_Rect inner = ui_inset(box, ui_px(UI_PAD_FIELD));
	int caret_room = ui_px(UI_HAIR + UI_CARET_W);
	inner.w -= caret_room;
	int tw = ui_text_tail(inner, value, UI_FONT_BODY, false, ui_c_text);
	if (focused) {
		int ch = ui_font_height(UI_FONT_BODY);
		ui_fill(ui_rect(inner.x + tw + ui_px(UI_HAIR), inner.y + (inner.h - ch) / 2, ui_px(UI_CARET_W), ch),
		        ui_c_primary);
	}
	if (bad)
		ui_text(m, msg, UI_FONT_SMALL, false, ui_c_danger, UI_LEFT);
	return tapped;
}
