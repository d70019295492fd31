/* ui_list.c - list rows (two lines, an accent bar, tappable): inboxes, timelines, who is inside. */
#include "ui.h"

/* A row opens what it names: a line too long for it ends in "…" (ui_text_short), the whole text
 * is on the screen the tap opens. */
bool ui_list_row(const char *id, SDL_Rect r, const char *line1, const char *line2,
                 SDL_Color accent)
{
	uint32_t h = ui_id(id);
	bool tapped = false;

	ui_note_rect(id, r);
	if (ui.pressed && ui_hit(r, ui.mx, ui.my) && ui.active == 0)
		ui.active = h;
	if (ui.active == h && ui.released && ui_hit(r, ui.mx, ui.my)) {
		tapped = true;
		ui.redraw = true;
	}
	ui_fill(r, ui_c_panel);
	ui_fill(ui_rect(r.x, r.y, ui_px(UI_ROW_GAP), r.h), accent);
	ui_fill(ui_rect(r.x, r.y + r.h - 1, r.w, 1), ui_c_border);
	int pad = ui_px(UI_PAD_ROW);
	SDL_Rect t = {r.x + pad, r.y, r.w - 2 * pad, r.h};
	if (line2 && *line2) {
		t.h = r.h / 2;
		ui_text_short(t, line1, UI_FONT_BODY, true, ui_c_text, UI_LEFT);
		t.y += r.h / 2;
		ui_text_short(t, line2, UI_FONT_SMALL, false, ui_c_muted, UI_LEFT);
	} else {
		ui_text_short(t, line1, UI_FONT_BODY, true, ui_c_text, UI_LEFT);
	}
	return tapped;
}
