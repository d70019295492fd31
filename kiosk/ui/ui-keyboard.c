/* ui-keyboard.c - draws the on-screen keyboard (layouts in kbd.c) and types into a text buffer. */
#include "kbd.h"
#include "kiosk.h"

bool ui_keyboard(struct kbd *k, SDL_Rect area, struct ui_textbuf *t)
{
	char text[8];
	bool changed = false;
	const struct kbd_key *tapped = NULL;

	ui_fill(area, (SDL_Color){222, 226, 232, 255});
	SDL_Rect in = ui_inset(area, ui_px(12));
	kbd_layout(k, in.x, in.y, in.w, in.h, ui_px(10));
	for (int i = 0; i < k->n; i++) {
		const struct kbd_key *key = &k->keys[i];
		SDL_Rect r = {key->x, key->y, key->w, key->h};
		enum ui_style s = UI_KEY;
		if ((key->kind == KBD_SHIFT && k->shift) || key->kind == KBD_PAGE)
			s = UI_PRIMARY;
		if (ui_button(key->id, r, key->label, s))
			tapped = key;
	}
	if (!tapped)
		return false;
	switch (kbd_press(k, tapped, text, sizeof text)) {
	case KBD_ACT_TEXT:
		changed = t && ui_textbuf_insert(t, text);
		break;
	case KBD_ACT_BKSP:
		changed = t && ui_textbuf_backspace(t);
		break;
	case KBD_ACT_NONE:
		break;
	}
	ui.redraw = true;
	return changed;
}
