/* ui_reader.c - the reader: a text shortened with "…" (ui_text_more) opened in full, wrapped in
 * a scroll view on a dialog over the screen, until its close button. */
#include "ui.h"

#include <stdlib.h>
#include <string.h>

static char *rd_text;            /* the text shown (NULL: closed) */
static struct ui_scroll rd_scroll;
static bool rd_pressed, rd_released; /* the frame's press, held back from the screen below */

void ui_reader_open(const char *s)
{
	ui_reader_close();
	rd_text = strdup(s);
	memset(&rd_scroll, 0, sizeof rd_scroll);
}

bool ui_reader_is_open(void)
{
	return rd_text != NULL;
}

const char *ui_reader_text(void)
{
	return rd_text;
}

void ui_reader_close(void)
{
	if (rd_text) /* it may be personal data: overwrite before freeing */
		memset(rd_text, 0, strlen(rd_text));
	free(rd_text);
	rd_text = NULL;
}

void ui_reader_hold(void)
{
	if (!rd_text)
		return;
	rd_pressed = ui.pressed;
	rd_released = ui.released;
	ui.pressed = ui.released = false;
}

void ui_reader_draw(const char *close_label)
{
	if (!rd_text)
		return;
	ui.pressed = rd_pressed;
	ui.released = rd_released;
	ui.n_rects = 0; /* only the reader takes taps now */
	SDL_Rect in = ui_dialog(ui_px(1500), ui_px(900), "");
	int bh = ui_px(UI_BUTTON_H), bw = ui_px(UI_BUTTON_W_L);
	SDL_Rect box = {in.x, in.y, in.w, in.h - bh - ui_px(UI_GAP)};
	SDL_Rect c = ui_scroll_begin("reader", &rd_scroll, box);
	int used = ui_text_wrapped(ui_rect(c.x, c.y, c.w, 1 << 20), rd_text, UI_FONT_BODY, false,
	                           ui_c_text);
	ui_scroll_end("reader", &rd_scroll, box, used);
	SDL_Rect b = {in.x + (in.w - bw) / 2, in.y + in.h - bh, bw, bh};
	if (ui_button("reader:close", b, close_label, UI_PRIMARY))
		ui_reader_close();
}
