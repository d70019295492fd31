/* screen_welcome.c - the visitor's start: submit a request, check a status, the language switch.
 * A receipt scanned here goes straight to the status screen. */
#include <stdio.h>
#include <string.h>

#include "kiosk.h"

static void welcome_draw(struct app *a)
{
	SDL_Rect c = app_top_bar(a, _("Server room access"));
	int pad = ui_px(UI_PAD_SCREEN);

	SDL_Rect t = {pad, c.y + ui_px(70), ui.w - 2 * pad, ui_font_height(UI_FONT_TITLE)};
	ui_text(t, _("Welcome"), UI_FONT_TITLE, true, ui_c_text, UI_CENTER);
	t.y += t.h + ui_px(UI_GAP_SECTION);
	t.h = ui_font_height(UI_FONT_BODY);
	ui_text(t, a->cfg.agency, UI_FONT_BODY, false, ui_c_muted, UI_CENTER);

	int bw = ui_px(720), bh = ui_px(300), gap = ui_px(80);
	int by = c.y + (c.h - bh) / 2 + ui_px(40);
	SDL_Rect submit = {ui.w / 2 - bw - gap / 2, by, bw, bh};
	SDL_Rect status = {ui.w / 2 + gap / 2, by, bw, bh};
	if (ui_button("welcome:submit", submit, _("Request access"), UI_PRIMARY)) {
		app_switch(a, &screen_submit);
		return;
	}
	if (ui_button("welcome:status", status, _("Check status"), UI_SECONDARY)) {
		app_switch(a, &screen_status);
		return;
	}
	SDL_Rect hint = {pad, by + bh + ui_px(60), ui.w - 2 * pad, ui_font_height(UI_FONT_BODY)};
	ui_text(hint, _("Have a receipt? Hold its QR code under the scanner."), UI_FONT_BODY, false,
	        ui_c_muted, UI_CENTER);
}

/* A receipt scanned on the welcome screen: let the status screen look it up. */
static void welcome_scan(struct app *a, const char *code)
{
	app_switch(a, &screen_status);
	if (screen_status.scan)
		screen_status.scan(a, code);
}

const struct screen screen_welcome = {
	.name = "welcome",
	.draw = welcome_draw,
	.scan = welcome_scan,
};
