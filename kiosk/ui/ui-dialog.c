/* ui-dialog.c - a modal box over a dimmed screen (idle countdown, confirmations). */
#include "ui.h"

SDL_Rect ui_dialog(int w, int h, const char *title)
{
	SDL_Rect box = {(ui.w - w) / 2, (ui.h - h) / 2, w, h};
	int pad = ui_px(40);

	ui_fill(ui_rect(0, 0, ui.w, ui.h), (SDL_Color){0, 0, 0, 150});
	ui_fill_round(box, ui_c_panel, ui_px(20));
	SDL_Rect t = {box.x + pad, box.y + pad, box.w - 2 * pad, ui_font_height(UI_FONT_TITLE)};
	ui_text(t, title, UI_FONT_TITLE, true, ui_c_text, UI_CENTER);
	int top = t.h + pad + ui_px(20);
	return ui_rect(box.x + pad, box.y + top, box.w - 2 * pad, box.h - top - pad);
}
