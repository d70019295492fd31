/* screen_problem.c - shown to staff instead of dying when the kiosk cannot work (the DB cannot be
 * opened, a bad config): what is wrong, and a retry. */
#include <stdio.h>
#include <string.h>

#include "kiosk.h"

enum { PROBLEM_RETRY = 1 };

static void problem_draw(struct app *a)
{
	SDL_Rect c = app_top_bar(a, _("Out of service"));
	int pad = ui_px(UI_PAD_WIDE);
	SDL_Rect t = {pad, c.y + ui_px(60), ui.w - 2 * pad, ui_font_height(UI_FONT_TITLE)};

	ui_text(t, _("This kiosk cannot take requests right now."), UI_FONT_TITLE, true,
	        ui_c_danger, UI_LEFT);
	t.y += t.h + ui_px(UI_GAP_L);
	ui_text(t, _("Visitors: please go to the helpdesk."), UI_FONT_LARGE, false, ui_c_text,
	        UI_LEFT);
	t.y += t.h + ui_px(60);
	t.h = ui_font_height(UI_FONT_BODY);
	ui_text(t, _("For staff:"), UI_FONT_BODY, true, ui_c_muted, UI_LEFT);
	t.y += t.h + ui_px(UI_ROW_GAP);
	t.h = ui_px(300);
	ui_text_wrapped(t, a->problem, UI_FONT_BODY, false, ui_c_text);
	SDL_Rect b = {pad, ui.h - ui_px(220), ui_px(500), ui_px(UI_BUTTON_H_XL)};
	if (ui_button("problem:retry", b, _("Try again"), UI_PRIMARY))
		app_post(a, PROBLEM_RETRY, 0);
}

/* Retry opening the store; on success go to the start screen. */
static void problem_event(struct app *a, const SDL_Event *e)
{
	if (e->type != a->ev_cmd || e->user.code != PROBLEM_RETRY)
		return;
	if (app_open_store(a))
		app_post(a, APP_CMD_HOME, 0);
}

const struct screen screen_problem = {
	.name = "problem",
	.event = problem_event,
	.draw = problem_draw,
};
