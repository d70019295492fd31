/* ui_dialog.c - a modal box over a dimmed screen (idle countdown, confirmations), and the dimmed
 * screen kept as a texture while a dialog stays up, so its frames do not redraw what is under it.
 */
#include "ui.h"

static SDL_Texture *ui_backdrop_tex; /* the dimmed screen (NULL: none kept) */
static bool ui_backdrop_drawing;     /* between a missed ui_backdrop_begin and its end */
static unsigned long ui_backdrop_at; /* the frame the backdrop was last put on the window */

static const SDL_Color ui_dim = {0, 0, 0, 150};

bool ui_backdrop_begin(void)
{
	if (ui_backdrop_tex) {
		SDL_RenderCopy(ui.ren, ui_backdrop_tex, NULL, NULL);
		ui_backdrop_at = ui.frame;
		return true;
	}
	ui_backdrop_tex = SDL_CreateTexture(ui.ren, SDL_PIXELFORMAT_ARGB8888,
	                                    SDL_TEXTUREACCESS_TARGET, ui.w, ui.h);
	if (ui_backdrop_tex && SDL_SetRenderTarget(ui.ren, ui_backdrop_tex) == 0) {
		SDL_SetTextureBlendMode(ui_backdrop_tex, SDL_BLENDMODE_NONE);
		SDL_SetRenderDrawColor(ui.ren, ui_c_bg.r, ui_c_bg.g, ui_c_bg.b, 255);
		SDL_RenderClear(ui.ren);
		ui_backdrop_drawing = true;
	} else if (ui_backdrop_tex) {
		/* no render targets here: draw straight on the window, as without a backdrop */
		SDL_DestroyTexture(ui_backdrop_tex);
		ui_backdrop_tex = NULL;
	}
	return false;
}

void ui_backdrop_end(void)
{
	/* without a texture (no render targets) ui_dialog dims the window itself */
	if (!ui_backdrop_drawing)
		return;
	ui_backdrop_drawing = false;
	ui_fill(ui_rect(0, 0, ui.w, ui.h), ui_dim);
	SDL_SetRenderTarget(ui.ren, NULL);
	SDL_RenderCopy(ui.ren, ui_backdrop_tex, NULL, NULL);
	ui_backdrop_at = ui.frame;
}

void ui_backdrop_drop(void)
{
	if (ui_backdrop_drawing) {
		SDL_SetRenderTarget(ui.ren, NULL);
		ui_backdrop_drawing = false;
	}
	if (ui_backdrop_tex)
		SDL_DestroyTexture(ui_backdrop_tex);
	ui_backdrop_tex = NULL;
}

SDL_Rect ui_dialog(int w, int h, const char *title)
{
	SDL_Rect box = {(ui.w - w) / 2, (ui.h - h) / 2, w, h};
	int pad = ui_px(UI_PAD);

	/* dimmed already when this frame's backdrop came from ui_backdrop_* */
	if (!ui_backdrop_tex || ui_backdrop_at != ui.frame)
		ui_fill(ui_rect(0, 0, ui.w, ui.h), ui_dim);
	ui_fill_round(box, ui_c_panel, ui_px(UI_RADIUS_DIALOG));
	SDL_Rect t = {box.x + pad, box.y + pad, box.w - 2 * pad, ui_font_height(UI_FONT_TITLE)};
	ui_text(t, title, UI_FONT_TITLE, true, ui_c_text, UI_CENTER);
	int top = t.h + pad + ui_px(UI_GAP);
	return ui_rect(box.x + pad, box.y + top, box.w - 2 * pad, box.h - top - pad);
}
