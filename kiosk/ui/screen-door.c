/* screen-door.c - the server-room door (SOP step 7): the signed-in escort scans passes; each
 * decision is committed first, then shown full-screen (green ENTRY, blue EXIT, red DENIED with
 * its reason) for 3 s or until the next scan; beside it, who is inside now with their escort. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "kiosk.h"
#include "wf.h"

#define DOOR_SHOW_MS 3000

enum { DOOR_CMD_SIGNOUT = 1 };

static struct {
	bool showing;
	uint32_t shown_at;
	struct akses_scan_result res;
	akses_status rc; /* the scan could not be recorded */
	struct akses_visit *inside;
	int n_inside;
	unsigned long n_scans;
} door;

static void door_load_inside(struct app *a)
{
	free(door.inside);
	door.inside = NULL;
	door.n_inside = 0;
	if (a->st && store_inside(a->st, &door.inside, &door.n_inside) != AKSES_OK)
		door.n_inside = 0;
}

static void door_enter(struct app *a)
{
	memset(&door, 0, sizeof door);
	door_load_inside(a);
}

static void door_leave(struct app *a)
{
	(void)a;
	free(door.inside);
	memset(&door, 0, sizeof door);
}

/* The full-screen decision. */
static void door_draw_decision(struct app *a)
{
	const struct akses_scan_result *r = &door.res;
	SDL_Color bg = ui_c_danger;
	const char *big = _("DENIED");
	char why[256] = "";

	if (door.rc != AKSES_OK) {
		big = _("NOT RECORDED");
		snprintf(why, sizeof why, "%s", akses_status_message(door.rc));
	} else if (r->decision == SCAN_ENTRY) {
		bg = ui_c_ok;
		big = _("ENTRY");
	} else if (r->decision == SCAN_EXIT) {
		bg = ui_c_info;
		big = _("EXIT");
	} else if (r->decision == SCAN_REPEAT) {
		/* a double read of the reader: neutral grey, not red, and nothing changed */
		bg = ui_c_muted;
		big = _("ALREADY SCANNED");
		snprintf(why, sizeof why, "%s", _("This pass was just scanned; nothing has changed."));
	} else {
		snprintf(why, sizeof why, "%s", wf_deny_label(r->reason));
	}
	ui_fill(ui_rect(0, 0, ui.w, ui.h), bg);
	int y = ui.h / 5;
	SDL_Rect t = {0, y, ui.w, ui_font_height(UI_FONT_HUGE)};
	ui_text(t, big, UI_FONT_HUGE, true, ui_c_white, UI_CENTER);
	t.y += t.h + ui_px(40);
	t.h = ui_font_height(UI_FONT_TITLE);
	if (why[0]) {
		/* a long reason (the receipt's) steps down a size rather than being cut off */
		enum ui_font wf = UI_FONT_TITLE;
		int tw = 0, th = 0;
		ui_text_size(why, wf, true, &tw, &th);
		if (tw > ui.w - ui_px(80))
			wf = UI_FONT_LARGE;
		ui_text(t, why, wf, true, ui_c_white, UI_CENTER);
		t.y += t.h + ui_px(30);
	}
	if (r->name[0]) {
		ui_text(t, r->name, UI_FONT_TITLE, false, ui_c_white, UI_CENTER);
		t.y += t.h + ui_px(20);
		t.h = ui_font_height(UI_FONT_LARGE);
		ui_text(t, r->institution, UI_FONT_LARGE, false, ui_c_white, UI_CENTER);
		t.y += t.h + ui_px(20);
		ui_text(t, r->number, UI_FONT_LARGE, false, ui_c_white, UI_CENTER);
	}
	if (r->overstay) {
		t.y += t.h + ui_px(20);
		ui_text(t, _("Over the approved time"), UI_FONT_LARGE, true, ui_c_white, UI_CENTER);
	}
	/* a tap also dismisses it */
	if (ui_button("door:ok", ui_rect(ui.w / 2 - ui_px(250), ui.h - ui_px(200), ui_px(500),
	                                 ui_px(130)),
	              _("OK"), UI_SECONDARY))
		door.showing = false;
	(void)a;
}

static void door_draw(struct app *a)
{
	uint32_t now = SDL_GetTicks();

	/* the colour the escort sees, for the tests: a double read must not look like a denial */
	const char *tone = !door.showing                        ? "-"
	                   : door.rc != AKSES_OK                ? "danger"
	                   : door.res.decision == SCAN_ENTRY    ? "ok"
	                   : door.res.decision == SCAN_EXIT     ? "info"
	                   : door.res.decision == SCAN_REPEAT   ? "neutral"
	                                                        : "danger";
	snprintf(a->dump_extra, sizeof a->dump_extra,
	         "showing %d\ndecision %d\nreason %s\ntone %s\nscans %lu", door.showing ? 1 : 0,
	         (int)door.res.decision,
	         door.showing && door.res.decision == SCAN_DENIED ? wf_deny_code(door.res.reason)
	                                                          : "-",
	         tone, door.n_scans);
	if (door.showing && now - door.shown_at < DOOR_SHOW_MS) {
		door_draw_decision(a);
		/* wake when it should disappear */
		if (!ui.wake_at || door.shown_at + DOOR_SHOW_MS < ui.wake_at)
			ui.wake_at = door.shown_at + DOOR_SHOW_MS;
		return;
	}
	door.showing = false;
	SDL_Rect c = app_top_bar(a, _("Door"));
	int pad = ui_px(60), lh = ui_font_height(UI_FONT_BODY);
	char line[1024];

	snprintf(line, sizeof line, _("Escort: %s"), a->staff.name);
	ui_text(ui_rect(pad, c.y + ui_px(30), ui.w / 2, lh), line, UI_FONT_BODY, true, ui_c_text,
	        UI_LEFT);
	SDL_Rect so = {ui.w - pad - ui_px(360), c.y + ui_px(20), ui_px(360), ui_px(110)};
	if (ui_button("signout", so, _("Sign out"), UI_SECONDARY)) {
		app_post(a, DOOR_CMD_SIGNOUT, 0);
		return;
	}
	SDL_Rect hint = {pad, c.y + ui_px(180), ui.w / 2 - 2 * pad, ui_px(400)};
	ui_text_wrapped(hint, _("Scan the visitor's pass at the reader. Entry or exit is decided "
	                        "automatically."),
	                UI_FONT_LARGE, false, ui_c_text);
	int x = ui.w / 2, y = c.y + ui_px(150);
	snprintf(line, sizeof line, _("Inside now: %d"), door.n_inside);
	ui_text(ui_rect(x, y, ui.w / 2 - pad, ui_font_height(UI_FONT_LARGE)), line, UI_FONT_LARGE,
	        true, ui_c_text, UI_LEFT);
	y += ui_font_height(UI_FONT_LARGE) + ui_px(16);
	int rh = ui_px(110);
	for (int i = 0; i < door.n_inside && y + rh < ui.h; i++) {
		const struct akses_visit *v = &door.inside[i];
		char id[32], l2[1200], hm[20];
		clock_format_hm(v->in_at, hm, sizeof hm);
		snprintf(id, sizeof id, "inside:%d", i);
		snprintf(l2, sizeof l2, "%s · %s %s · %s %s", v->institution, _("in at"), hm,
		         _("escort"), v->escort);
		ui_list_row(id, ui_rect(x, y, ui.w / 2 - pad, rh), v->name, l2,
		            v->overstay ? ui_c_danger : ui_c_ok);
		y += rh + ui_px(6);
	}
}

static void door_event(struct app *a, const SDL_Event *e)
{
	if (e->type == a->ev_cmd && e->user.code == DOOR_CMD_SIGNOUT) {
		a->signed_in = false;
		memset(&a->staff, 0, sizeof a->staff);
		app_post(a, APP_CMD_HOME, 0);
	}
}

/* A pass scanned: decide, record and commit (store_scan), then show. Garbage is decided as
 * unknown and recorded like any denied scan. */
static void door_scan(struct app *a, const char *code)
{
	memset(&door.res, 0, sizeof door.res);
	door.rc = a->st ? store_scan(a->st, code, a->staff.id, a->cfg.station, SCAN_DIR_AUTO,
	                             &door.res)
	                : AKSES_E_IO;
	door.showing = true;
	door.shown_at = SDL_GetTicks();
	door.n_scans++;
	door_load_inside(a);
}

const struct screen screen_door = {
	.name = "door",
	.enter = door_enter,
	.event = door_event,
	.draw = door_draw,
	.leave = door_leave,
	.scan = door_scan,
	.staff = true,
};
