/* screen_print.c - a pass printing: progress (the worker thread prints, the UI never blocks),
 * then success or a plain error that tells the visitor where to go. */
#include <stdio.h>
#include <string.h>

#include "kiosk.h"

static bool pr_back; /* leaving to the status screen (which keeps its result) */

static void print_enter(struct app *a)
{
	(void)a;
	pr_back = false;
}

static void print_leave(struct app *a)
{
	(void)a;
	if (!pr_back)
		screen_status_forget();
}

static void print_draw(struct app *a)
{
	SDL_Rect c = app_top_bar(a, _("Your pass"));
	int pad = ui_px(UI_PAD_WIDE);
	SDL_Rect t = {pad, c.y + ui_px(160), ui.w - 2 * pad, ui_font_height(UI_FONT_TITLE)};
	const struct app_print *p = &a->print;

	snprintf(a->dump_extra, sizeof a->dump_extra, "phase %d\nstatus %d\njob %d", (int)p->phase,
	         (int)p->res.status, p->res.cups_job_id);
	switch (p->phase) {
	case PRINT_BUSY:
	case PRINT_IDLE:
		ui_spinner(ui_rect(ui.w / 2 - ui_px(80), t.y, ui_px(160), ui_px(160)),
		           SDL_GetTicks());
		t.y += ui_px(220);
		ui_text(t, _("Printing your pass…"), UI_FONT_TITLE, true, ui_c_text, UI_CENTER);
		t.y += t.h + ui_px(UI_GAP);
		t.h = ui_font_height(UI_FONT_BODY);
		ui_text(t, _("Please wait by the printer."), UI_FONT_BODY, false, ui_c_muted,
		        UI_CENTER);
		return; /* no buttons while it prints: one tap, one pass */
	case PRINT_OK:
		ui_text(t, _("Your pass is printed. Please take it."), UI_FONT_TITLE, true, ui_c_ok,
		        UI_CENTER);
		t.y += t.h + ui_px(UI_GAP_L);
		t.h = ui_font_height(UI_FONT_LARGE);
		ui_text(t, _("Wear it visibly. You must be escorted at all times."), UI_FONT_LARGE,
		        false, ui_c_text, UI_CENTER);
		break;
	case PRINT_ERROR:
		ui_text(t, _("The printer cannot be used right now"), UI_FONT_TITLE, true,
		        ui_c_danger, UI_CENTER);
		t.y += t.h + ui_px(UI_GAP_L);
		t.h = ui_font_height(UI_FONT_LARGE);
		ui_text(t, _("Your pass is saved: please go to the helpdesk."), UI_FONT_LARGE, false,
		        ui_c_text, UI_CENTER);
		break;
	}
	int bw = ui_px(520), bh = ui_px(UI_BUTTON_H_XL), gap = ui_px(60);
	SDL_Rect back = {ui.w / 2 - bw - gap / 2, ui.h - ui_px(260), bw, bh};
	SDL_Rect done = {ui.w / 2 + gap / 2, back.y, bw, bh};
	if (ui_button("print:back", back, _("Back to my request"), UI_SECONDARY)) {
		pr_back = true;
		app_switch(a, &screen_status);
		return;
	}
	if (ui_button("finish", done, _("Finish"), UI_PRIMARY))
		app_post(a, APP_CMD_HOME, 0);
}

const struct screen screen_print = {
	.name = "print",
	.enter = print_enter,
	.draw = print_draw,
	.leave = print_leave,
	.visitor = true,
};
