/* screen_door.c - the server-room door (SOP step 7): the signed-in escort scans passes, or types a
 * request number and picks the person when a badge cannot be read; each decision is committed
 * first, then shown full-screen (green ENTRY, blue EXIT with the declared equipment, red DENIED
 * saying what to do next) for a few seconds or until the next scan; beside it, who is inside now.
 * At a door station the escort stays signed in for a shift, not only while touching the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "door_rule.h"
#include "kbd.h"
#include "app_offline.h"
#include "kiosk.h"
#include "screen_door.h"
#include "staff.h"
#include "valid.h"
#include "wf.h"

#define DOOR_SHOW_MS 3000
#define DOOR_SHOW_EQUIPMENT_MS 10000 /* time to check what goes in or out */

enum { DOOR_CMD_SIGNOUT = 1, DOOR_CMD_OPEN, DOOR_CMD_CANCEL, DOOR_CMD_FIND, DOOR_CMD_MANUAL };

/* Manual entry: off, typing the request number, picking the person. */
enum door_manual { DOOR_MANUAL_OFF = 0, DOOR_MANUAL_NUMBER, DOOR_MANUAL_PERSON };

static struct {
	bool showing;
	uint32_t shown_at;
	struct akses_scan_result res;
	akses_status rc; /* the scan could not be recorded */
	struct akses_visit *inside;
	int n_inside;
	unsigned long n_scans;
	int64_t shift_end;  /* door mode: the escort is signed out at this time (clock_now) */
	int64_t shown_left; /* the minutes left last drawn */
	char note[256];     /* a card that could not take over */
	enum door_manual manual;
	char number[AKSES_NUMBER_BUF];
	struct kbd kbd;
	char msg[256];
	struct akses_pass *passes;
	int n_passes;
	struct ui_scroll people; /* the person list of a request with many companions */
	struct ui_scroll equipment; /* a decision's long equipment list */
} door;

static void door_load_inside(struct app *a)
{
	free(door.inside);
	door.inside = NULL;
	door.n_inside = 0;
	if (a->st && !a->offline &&
	    store_inside(a->st, &door.inside, &door.n_inside) != AKSES_OK)
		door.n_inside = 0;
}

static void door_manual_close(void)
{
	free(door.passes);
	door.passes = NULL;
	door.n_passes = 0;
	door.manual = DOOR_MANUAL_OFF;
	door.msg[0] = '\0';
}

/* A new escort (sign-in, or another escort's card) starts a new shift. */
static void door_enter(struct app *a)
{
	memset(&door, 0, sizeof door);
	door.shift_end = clock_now() + (int64_t)a->cfg.shift_minutes * 60;
	door.shown_left = -1;
	door.kbd.layout = KBD_NUMBER;
	door_offline_reset();
	door_load_inside(a);
}

static void door_leave(struct app *a)
{
	(void)a;
	free(door.inside);
	free(door.passes);
	memset(&door, 0, sizeof door);
}

/* Minutes left of the shift, rounded up (0 once it is over). */
static int64_t door_left_min(void)
{
	int64_t left = door.shift_end - clock_now();
	return left > 0 ? (left + 59) / 60 : 0;
}

/* At every wake-up: the shift's end signs the escort out; a new minute left is redrawn. */
static void door_tick(struct app *a)
{
	if (!a->door_mode || !a->signed_in)
		return;
	int64_t left = door_left_min();
	if (left == 0) {
		staff_sign_out(a);
		return;
	}
	if (left != door.shown_left)
		a->dirty = true;
}

/* A white line of the decision at y, centred: in font f when it fits the width, else wrapped in
 * the large font (never cut off). Returns the height used. */
static int door_line(int y, const char *s, enum ui_font f, bool bold)
{
	int w = ui.w - ui_px(2 * UI_PAD_WIDE), tw = 0, th = 0;
	ui_text_size(s, f, bold, &tw, &th);
	if (tw > w) {
		f = UI_FONT_LARGE;
		ui_text_size(s, f, bold, &tw, &th);
	}
	if (tw <= w) {
		ui_text(ui_rect(0, y, ui.w, ui_font_height(f)), s, f, bold, ui_c_white, UI_CENTER);
		return ui_font_height(f);
	}
	SDL_Rect r = {ui_px(UI_PAD_WIDE), y, w, ui.h - ui_px(220) - y};
	return ui_text_wrapped(r, s, UI_FONT_LARGE, bold, ui_c_white);
}

/* The full-screen decision's lines below the big word: what to do next, who, the equipment. */
static void door_draw_details(const struct akses_scan_result *r, SDL_Rect t, const char *why)
{
	if (why[0])
		t.y += door_line(t.y, why, UI_FONT_TITLE, true) + ui_px(UI_GAP_L);
	if (r->name[0]) {
		/* the escort compares the name with an ID card: wrapped whole, never shortened */
		t.y += door_line(t.y, r->name, UI_FONT_TITLE, false) + ui_px(UI_GAP);
		t.h = ui_font_height(UI_FONT_LARGE);
		char line[512];
		snprintf(line, sizeof line, "%s · %s", r->institution, r->number);
		t.y += door_line(t.y, line, UI_FONT_LARGE, false) + ui_px(UI_GAP);
	}
	if (r->manual) {
		ui_text(t, _("Entered by hand (request number)"), UI_FONT_LARGE, false, ui_c_white,
		        UI_CENTER);
		t.y += t.h + ui_px(UI_GAP);
	}
	if (r->overstay) {
		ui_text(t, _("Over the approved time"), UI_FONT_LARGE, true, ui_c_white, UI_CENTER);
		t.y += t.h + ui_px(UI_GAP);
	}
	bool passage = r->decision == SCAN_ENTRY || r->decision == SCAN_EXIT;
	if (passage) {
		/* what the request declared: the escort checks it going in and coming out */
		char list[AKSES_MAX_EQUIPMENT * (AKSES_EQUIPMENT_CHARS + 4) + 128];
		size_t n = (size_t)snprintf(list, sizeof list, "%s: ", _("Equipment"));
		if (r->n_equipment == 0)
			snprintf(list + n, sizeof list - n, "%s", _("none declared"));
		for (int i = 0; i < r->n_equipment && n < sizeof list; i++)
			n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", i ? " · " : "",
			                      r->equipment[i]);
		int tw = 0, th = 0;
		ui_text_size(list, UI_FONT_LARGE, false, &tw, &th);
		SDL_Rect box = {ui_px(80), t.y, ui.w - ui_px(160), ui.h - ui_px(230) - t.y};
		if (tw <= box.w || box.h < th) {
			door_line(t.y, list, UI_FONT_LARGE, false);
			return;
		}
		/* 8 lines of 120 characters are taller than the room above OK: they scroll */
		SDL_Rect in = ui_scroll_begin("door:equipment", &door.equipment, box);
		int used = ui_text_wrapped(ui_rect(in.x, in.y, in.w, 1 << 20), list, UI_FONT_LARGE,
		                           false, ui_c_white);
		ui_scroll_end("door:equipment", &door.equipment, box, used);
	}
}

/* The full-screen decision. */
static void door_draw_decision(struct app *a)
{
	const struct akses_scan_result *r = &door.res;
	SDL_Color bg = ui_c_danger;
	const char *big = _("DENIED");
	char why[512] = "";

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
		door_explain(r, why, sizeof why);
	}
	ui_fill(ui_rect(0, 0, ui.w, ui.h), bg);
	int y = ui.h / 8;
	SDL_Rect t = {0, y, ui.w, ui_font_height(UI_FONT_HUGE)};
	ui_text(t, big, UI_FONT_HUGE, true, ui_c_white, UI_CENTER);
	t.y += t.h + ui_px(UI_GAP_L);
	t.h = ui_font_height(UI_FONT_TITLE);
	if (ui.pressed) /* a finger paging the equipment is reading it: keep the decision up */
		door.shown_at = SDL_GetTicks();
	door_draw_details(door.rc == AKSES_OK ? r : &(struct akses_scan_result){0}, t, why);
	/* a tap also dismisses it */
	if (ui_button("door:ok", ui_rect(ui.w / 2 - ui_px(250), ui.h - ui_px(200), ui_px(500),
	                                 ui_px(UI_BUTTON_H_XL)),
	              _("OK"), UI_SECONDARY))
		door.showing = false;
	(void)a;
}

/* Manual entry: the request number on a number pad, then one button per person of the request. */
static void door_draw_manual(struct app *a, SDL_Rect c)
{
	int pad = ui_px(UI_PAD_SCREEN), gap = ui_px(UI_GAP_L);
	int fh = ui_font_height(UI_FONT_SMALL) * 2 + ui_px(2 * UI_GAP_XS) + ui_px(UI_FIELD_BOX_H);
	int y = c.y + ui_px(150);
	int bw = ui_px(300), bh = ui_px(UI_FIELD_BOX_H);

	ui_text(ui_rect(pad, y, c.w - 2 * pad, ui_font_height(UI_FONT_BODY)),
	        door.manual == DOOR_MANUAL_NUMBER
	            ? _("A badge that cannot be read: type the request number on the receipt.")
	            : _("Who is at the door? Pick the person."),
	        UI_FONT_BODY, false, ui_c_text, UI_LEFT);
	y += ui_font_height(UI_FONT_BODY) + ui_px(UI_GAP);
	SDL_Rect cancel = {c.w - pad - bw, y + ui_font_height(UI_FONT_SMALL) + ui_px(UI_GAP_XS), bw, bh};
	if (ui_button("manual:cancel", cancel, _("Cancel"), UI_SECONDARY)) {
		app_post(a, DOOR_CMD_CANCEL, 0);
		return;
	}
	if (door.manual == DOOR_MANUAL_NUMBER) {
		int fw = ui_px(760);
		ui_field("field:number", ui_rect(pad, y, fw, fh), _("Request number"), door.number,
		         true, door.msg, false);
		SDL_Rect go = {pad + fw + gap, cancel.y, bw, bh};
		if (ui_button("manual:find", go, _("Find"), UI_PRIMARY))
			app_post(a, DOOR_CMD_FIND, 0);
		int kh = c.h * 45 / 100;
		struct ui_textbuf tb = {door.number, sizeof door.number, VALID_NUMBER_MAX_CHARS};
		ui_keyboard(&door.kbd, ui_rect(c.x, c.y + c.h - kh, c.w, kh), &tb);
		return;
	}
	ui_text(ui_rect(pad, y, c.w - 2 * pad - bw - gap, ui_font_height(UI_FONT_LARGE)),
	        door.number, UI_FONT_LARGE, true, ui_c_text, UI_LEFT);
	y += fh;
	/* 11 people do not fit under the number: the list scrolls (rows also keep their place) */
	SDL_Rect box = {pad, y, c.w - 2 * pad, c.y + c.h - y - ui_px(UI_GAP)};
	SDL_Rect in = ui_scroll_begin("manual:people", &door.people, box);
	int cols = 2, rw = (in.w - gap) / cols, rh = ui_px(UI_BUTTON_H);
	for (int i = 0; i < door.n_passes; i++) {
		const struct akses_pass *p = &door.passes[i];
		char id[32], role[64];
		snprintf(id, sizeof id, "manual:person:%d", p->person);
		if (p->person == 0)
			snprintf(role, sizeof role, "%s", _("Applicant"));
		else
			/* not "Pendamping": at the door that word is the escort */
			snprintf(role, sizeof role, _("Fellow visitor %d"), p->person);
		SDL_Rect r = {in.x + (i % cols) * (rw + gap), in.y + (i / cols) * (rh + ui_px(UI_ROW_GAP)), rw,
		              rh};
		if (ui_list_row(id, r, p->name, role, p->inside ? ui_c_info : ui_c_ok))
			app_post(a, DOOR_CMD_MANUAL, p->person);
	}
	ui_scroll_end("manual:people", &door.people, box,
	              (door.n_passes + cols - 1) / cols * (rh + ui_px(10)));
}

static void door_dump(struct app *a)
{
	/* the colour the escort sees, for the tests: a double read must not look like a denial */
	const char *tone = !door.showing                        ? "-"
	                   : door.rc != AKSES_OK                ? "danger"
	                   : door.res.decision == SCAN_ENTRY    ? "ok"
	                   : door.res.decision == SCAN_EXIT     ? "info"
	                   : door.res.decision == SCAN_REPEAT   ? "neutral"
	                                                        : "danger";
	char why[512] = "-", off[64];
	if (door.showing && door.rc == AKSES_OK && door.res.decision == SCAN_DENIED)
		door_explain(&door.res, why, sizeof why);
	door_offline_dump(off, sizeof off);
	snprintf(a->dump_extra, sizeof a->dump_extra,
	         "showing %d\ndecision %d\nreason %s\ntone %s\nscans %lu\nescort %lld\n"
	         "shift_left %lld\nmanual %d\nmsg %s\nequipment %d\nexplain %s\n%s",
	         door.showing ? 1 : 0, (int)door.res.decision,
	         door.showing && door.res.decision == SCAN_DENIED ? wf_deny_code(door.res.reason)
	                                                          : "-",
	         tone, door.n_scans, (long long)a->staff.id,
	         a->door_mode ? (long long)door_left_min() : -1LL, (int)door.manual, door.msg,
	         door.showing ? door.res.n_equipment : 0, why, off);
}

/* The escort's line: name, and at a door station how long the shift still keeps them here. */
static void door_draw_escort(struct app *a, SDL_Rect c, int pad)
{
	char line[512], hm[20];
	int lh = ui_font_height(UI_FONT_BODY);
	snprintf(line, sizeof line, _("Escort: %s"), a->staff.name);
	/* a long name ends in "…" beside the sign-out button; a tap reads it whole */
	ui_text_more("door:escort", ui_rect(pad, c.y + ui_px(UI_GAP), ui.w / 2, lh), line, UI_FONT_BODY,
	             true, ui_c_text, UI_LEFT);
	if (!a->door_mode)
		return;
	door.shown_left = door_left_min();
	clock_format_hm(door.shift_end, hm, sizeof hm);
	snprintf(line, sizeof line, _("Signed in until %s (%lld h %02lld m left)"), hm,
	         (long long)(door.shown_left / 60), (long long)(door.shown_left % 60));
	ui_text(ui_rect(pad, c.y + ui_px(UI_GAP) + lh + ui_px(UI_GAP_S), ui.w / 2, lh), line, UI_FONT_BODY,
	        false, ui_c_muted, UI_LEFT);
	if (door.note[0])
		ui_text(ui_rect(pad, c.y + ui_px(UI_GAP) + 2 * (lh + ui_px(UI_GAP_S)), ui.w / 2, lh), door.note,
		        UI_FONT_BODY, true, ui_c_danger, UI_LEFT);
}

static void door_draw(struct app *a)
{
	uint32_t now = SDL_GetTicks();
	bool passage = door.res.decision == SCAN_ENTRY || door.res.decision == SCAN_EXIT;
	uint32_t show_ms = passage && door.res.n_equipment > 0 ? DOOR_SHOW_EQUIPMENT_MS : DOOR_SHOW_MS;

	if (door.showing && now - door.shown_at >= show_ms)
		door.showing = false;
	door_dump(a);
	if (door_offline_draw(a))
		return;
	if (door.showing) {
		door_draw_decision(a);
		/* wake when it should disappear */
		if (!ui.wake_at || door.shown_at + show_ms < ui.wake_at)
			ui.wake_at = door.shown_at + show_ms;
		return;
	}
	SDL_Rect c = app_top_bar(a, _("Door"));
	int pad = ui_px(UI_PAD_SCREEN);

	door_draw_escort(a, c, pad);
	SDL_Rect so = {ui.w - pad - ui_px(360), c.y + ui_px(UI_GAP), ui_px(360), ui_px(UI_BUTTON_H)};
	if (ui_button("signout", so, _("Sign out"), UI_SECONDARY)) {
		app_post(a, DOOR_CMD_SIGNOUT, 0);
		return;
	}
	if (door.manual != DOOR_MANUAL_OFF) {
		door_draw_manual(a, c);
		return;
	}
	SDL_Rect hint = {pad, c.y + ui_px(180), ui.w / 2 - 2 * pad, ui_px(300)};
	ui_text_wrapped(hint, _("Scan the visitor's pass at the reader. Entry or exit is decided "
	                        "automatically."),
	                UI_FONT_LARGE, false, ui_c_text);
	char spooled[700];
	door_offline_note(a, spooled, sizeof spooled);
	if (spooled[0])
		ui_text_wrapped(ui_rect(pad, c.y + ui_px(640), ui.w / 2 - 2 * pad, ui_px(200)), spooled,
		                UI_FONT_BODY, true, a->spool_rejected ? ui_c_danger : ui_c_text);
	SDL_Rect mb = {pad, c.y + ui_px(500), ui.w / 2 - 2 * pad, ui_px(UI_BUTTON_H)};
	if (ui_button("door:manual", mb, _("Badge unreadable: enter the request number"),
	              UI_SECONDARY))
		app_post(a, DOOR_CMD_OPEN, 0);
	int x = ui.w / 2, y = c.y + ui_px(150);
	char line[64];
	snprintf(line, sizeof line, _("Inside now: %d"), door.n_inside);
	ui_text(ui_rect(x, y, ui.w / 2 - pad, ui_font_height(UI_FONT_LARGE)), line, UI_FONT_LARGE,
	        true, ui_c_text, UI_LEFT);
	y += ui_font_height(UI_FONT_LARGE) + ui_px(UI_GAP_SECTION);
	int rh = ui_px(UI_BUTTON_H);
	for (int i = 0; i < door.n_inside && y + rh < ui.h; i++) {
		const struct akses_visit *v = &door.inside[i];
		char id[32], l2[1200], hm[20];
		clock_format_hm(v->in_at, hm, sizeof hm);
		snprintf(id, sizeof id, "inside:%d", i);
		snprintf(l2, sizeof l2, "%s · %s %s · %s %s", v->institution, _("in at"), hm,
		         _("escort"), v->escort);
		ui_list_row(id, ui_rect(x, y, ui.w / 2 - pad, rh), v->name, l2,
		            v->overstay ? ui_c_danger : ui_c_ok);
		y += rh + ui_px(UI_LINE_GAP);
	}
}

/* A decision made (scan or typed): show it, and who is inside now. */
static void door_show(struct app *a, akses_status rc)
{
	door.rc = rc;
	door.showing = true;
	door.shown_at = SDL_GetTicks();
	memset(&door.equipment, 0, sizeof door.equipment);
	door.n_scans++;
	door.note[0] = '\0';
	door_load_inside(a);
}

/* The typed number: its passes to pick from; a request with none yet is decided at once (denied
 * as not issued, and recorded like any denial). */
static void door_find(struct app *a)
{
	char canon[AKSES_NUMBER_BUF];
	akses_status rc = valid_request_number(door.number, canon);
	free(door.passes);
	door.passes = NULL;
	door.n_passes = 0;
	memset(&door.people, 0, sizeof door.people);
	if (rc == AKSES_OK)
		rc = a->st ? store_pass_list(a->st, canon, &door.passes, &door.n_passes) : AKSES_E_IO;
	if (rc == AKSES_OK && door.n_passes == 0) {
		memset(&door.res, 0, sizeof door.res);
		rc = store_scan_manual(a->st, canon, 0, a->staff.id, a->cfg.station, SCAN_DIR_AUTO,
		                       &door.res);
		if (rc == AKSES_OK) {
			door_manual_close();
			door_show(a, rc);
			return;
		}
	}
	if (rc != AKSES_OK) {
		snprintf(door.msg, sizeof door.msg, "%s", akses_status_message(rc));
		return;
	}
	snprintf(door.number, sizeof door.number, "%s", canon);
	door.msg[0] = '\0';
	door.manual = DOOR_MANUAL_PERSON;
}

static void door_event(struct app *a, const SDL_Event *e)
{
	if (e->type != a->ev_cmd || door_offline_event(a, e->user.code))
		return;
	if (e->user.code == APP_CMD_ONLINE) {
		door_load_inside(a); /* the spool was replayed: who is inside now */
		return;
	}
	if (a->offline && (e->user.code == DOOR_CMD_FIND || e->user.code == DOOR_CMD_MANUAL)) {
		/* a typed number cannot be checked without the server: nobody enters */
		snprintf(door.msg, sizeof door.msg, "%s",
		         _("The server is not connected: nobody may enter until it is back."));
		return;
	}
	if (e->user.code == DOOR_CMD_SIGNOUT) {
		staff_sign_out(a);
	} else if (e->user.code == DOOR_CMD_OPEN) {
		door_manual_close();
		door.manual = DOOR_MANUAL_NUMBER;
		snprintf(door.number, sizeof door.number, "AKS-");
	} else if (e->user.code == DOOR_CMD_CANCEL) {
		door_manual_close();
	} else if (e->user.code == DOOR_CMD_FIND) {
		door_find(a);
	} else if (e->user.code == DOOR_CMD_MANUAL && door.manual == DOOR_MANUAL_PERSON) {
		int person = (int)(intptr_t)e->user.data1;
		memset(&door.res, 0, sizeof door.res);
		akses_status rc = a->st ? store_scan_manual(a->st, door.number, person, a->staff.id,
		                                            a->cfg.station, SCAN_DIR_AUTO, &door.res)
		                        : AKSES_E_IO;
		door_manual_close();
		door_show(a, rc);
	}
}

/* Another escort's staff card: they take over the door (a sign-in, recorded as one), with a new
 * shift; the escort's own card renews the shift. Returns true when the code was a staff card. */
static bool door_card(struct app *a, const char *code)
{
	int64_t owner = 0;
	if (!a->st || a->offline || store_staff_code_owner(a->st, code, &owner) != AKSES_OK || owner == 0)
		return false;
	struct akses_staff s;
	memset(&s, 0, sizeof s);
	akses_status rc = store_signin_code(a->st, code, a->cfg.station, &s);
	if (rc != AKSES_OK) {
		snprintf(door.note, sizeof door.note, "%s", akses_status_message(rc));
		memset(&s, 0, sizeof s);
		return true;
	}
	screen_signin_result(a, rc, &s); /* the role's home: the door again, a new shift */
	return true;
}

/* A pass scanned: decide, record and commit (store_scan), then show. Garbage is decided as
 * unknown and recorded like any denied scan. */
static void door_scan(struct app *a, const char *code)
{
	if (door_card(a, code))
		return;
	door_manual_close();
	memset(&door.res, 0, sizeof door.res);
	door.showing = false;
	if (a->offline) {
		door_offline_scan(code); /* fail-secure: the escort says whether it is an exit */
		return;
	}
	akses_status rc = a->st ? store_scan(a->st, code, a->staff.id, a->cfg.station,
	                                     SCAN_DIR_AUTO, &door.res)
	                        : AKSES_E_IO;
	if (app_offline_note(a, rc)) {
		door_offline_scan(code);
		return;
	}
	door_show(a, rc);
}

const struct screen screen_door = {
	.name = "door",
	.enter = door_enter,
	.event = door_event,
	.draw = door_draw,
	.leave = door_leave,
	.scan = door_scan,
	.tick = door_tick,
	.staff = true,
	.shift = true,
};
