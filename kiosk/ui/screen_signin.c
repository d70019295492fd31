/* screen_signin.c - staff sign-in on a numeric pad (staff id, then PIN) or by scanning one's staff
 * card (then the PIN, at reception): the staff entry, the door's start screen, and the ADMIN PIN
 * that quitting needs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_offline.h"
#include "kbd.h"
#include "kiosk.h"
#include "staff.h"
#include "valid.h"
#include "wf.h"

enum { SIGNIN_CMD_GO = 1 };

static struct {
	char id[12];
	char pin[12];
	int focus; /* 0 id, 1 pin */
	struct kbd kbd;
	char msg[256];
} sgn;

static void signin_wipe(void)
{
	volatile unsigned char *v = (volatile unsigned char *)&sgn;
	for (size_t i = 0; i < sizeof sgn; i++)
		v[i] = 0;
	sgn.kbd.layout = KBD_NUMERIC;
}

static void signin_enter(struct app *a)
{
	(void)a;
	signin_wipe();
}

static void signin_leave(struct app *a)
{
	(void)a;
	signin_wipe();
}

static struct ui_textbuf signin_buf(void)
{
	return sgn.focus == 0 ? (struct ui_textbuf){sgn.id, sizeof sgn.id, 9}
	                      : (struct ui_textbuf){sgn.pin, sizeof sgn.pin, 8};
}

static void signin_draw(struct app *a)
{
	bool quit = a->signin_goal == SIGNIN_QUIT;
	SDL_Rect c =
	    app_top_bar(a, quit ? _("Stop the kiosk")
	                        : (a->door_mode ? _("Door: sign in") : _("Staff sign-in")));
	int pad = ui_px(UI_PAD_SCREEN), gap = ui_px(40);
	int fh = ui_font_height(UI_FONT_SMALL) * 2 + ui_px(2 * UI_GAP_XS) + ui_px(UI_FIELD_BOX_H);
	int y = c.y + ui_px(UI_GAP_L);

	snprintf(a->dump_extra, sizeof a->dump_extra, "goal %d\nfocus %d\nstaff_id %s\nmsg %s",
	         (int)a->signin_goal, sgn.focus, sgn.id, sgn.msg);
	ui_text(ui_rect(pad, y, c.w - 2 * pad, ui_font_height(UI_FONT_BODY)),
	        quit ? _("An administrator's PIN is needed to stop the kiosk.")
	             : _("Type your staff number and PIN, or scan your staff card."),
	        UI_FONT_BODY, false, ui_c_text, UI_LEFT);
	y += ui_font_height(UI_FONT_BODY) + ui_px(UI_GAP);
	int w = ui_px(420);
	if (ui_field("field:staff", ui_rect(pad, y, w, fh), _("Staff number"), sgn.id,
	             sgn.focus == 0, "", false))
		sgn.focus = 0;
	if (ui_field("field:pin", ui_rect(pad + w + gap, y, w, fh), akses_field_label(AKSES_F_PIN),
	             sgn.pin, sgn.focus == 1, "", true))
		sgn.focus = 1;
	SDL_Rect go = {pad + 2 * (w + gap), y + ui_font_height(UI_FONT_SMALL) + ui_px(UI_GAP_XS),
	               ui_px(360), ui_px(UI_FIELD_BOX_H)};
	if (ui_button("signin", go, quit ? _("Stop") : _("Sign in"), quit ? UI_DANGER : UI_PRIMARY))
		app_post(a, SIGNIN_CMD_GO, 0);
	if (!a->door_mode || quit) {
		SDL_Rect cancel = {go.x + go.w + gap, go.y, ui_px(300), go.h};
		if (ui_button("cancel", cancel, _("Cancel"), UI_SECONDARY)) {
			app_post(a, APP_CMD_HOME, 0);
			return;
		}
	}
	y += fh + ui_px(UI_LINE_GAP);
	/* a store's message may take two lines (the audit key's needs 1908 px of 1800) */
	if (sgn.msg[0])
		ui_text_wrapped(ui_rect(pad, y, c.w - 2 * pad, 2 * ui_font_height(UI_FONT_BODY)),
		                sgn.msg, UI_FONT_BODY, true, ui_c_danger);
	int kh = c.h * 55 / 100;
	struct ui_textbuf t = signin_buf();
	ui_keyboard(&sgn.kbd, ui_rect(c.x, c.y + c.h - kh, c.w, kh), &t);
}

/* After a sign-in attempt (PIN or staff code): the message, the ADMIN's stop, or the role's
 * home. The staff record s is wiped here whatever happens. */
static void signin_done(struct app *a, akses_status rc, struct akses_staff *s)
{
	if (rc == AKSES_E_PIN_MUST_CHANGE && a->signin_goal != SIGNIN_QUIT) {
		/* the right PIN, but an ADMIN set it: it opens nothing until its owner, told who
		 * set it and when, chooses a new one */
		screen_pin_start(a, s);
		memset(s, 0, sizeof *s);
		return;
	}
	if (rc != AKSES_OK) {
		/* stopping the kiosk is no place to choose a PIN: aksesctl does it */
		if (rc == AKSES_E_PIN_MUST_CHANGE)
			snprintf(sgn.msg, sizeof sgn.msg, "%s %s", akses_status_message(rc),
			         _("Change it with aksesctl staff set-pin first."));
		else
			snprintf(sgn.msg, sizeof sgn.msg, "%s", akses_status_message(rc));
		sgn.focus = sgn.id[0] ? 1 : 0;
		memset(s, 0, sizeof *s);
		return;
	}
	if (a->signin_goal == SIGNIN_QUIT) {
		if (s->role == ROLE_ADMIN) {
			a->quit = true;
		} else {
			snprintf(sgn.msg, sizeof sgn.msg, "%s", akses_status_message(AKSES_E_ROLE));
		}
		memset(s, 0, sizeof *s);
		return;
	}
	/* an ADMIN has no work at the visitor kiosk: there the ADMIN PIN only stops it, so a PIN
	 * seen over a shoulder at reception opens no account screens */
	if (!a->door_mode && s->role == ROLE_ADMIN) {
		snprintf(sgn.msg, sizeof sgn.msg, "%s",
		         _("An administrator signs in here only to stop the kiosk."));
		memset(s, 0, sizeof *s);
		return;
	}
	a->staff = *s;
	a->signed_in = true;
	memset(s, 0, sizeof *s);
	staff_note_clear();
	app_switch(a, staff_home(a));
}

void screen_signin_result(struct app *a, akses_status rc, struct akses_staff *s)
{
	if (a->screen != &screen_signin)
		app_switch(a, &screen_signin);
	signin_done(a, rc, s);
}

/* Check the PIN (the store records every attempt), then go where the role belongs. */
static void signin_event(struct app *a, const SDL_Event *e)
{
	if (e->type != a->ev_cmd || e->user.code != SIGNIN_CMD_GO)
		return;
	char *end = NULL;
	long long id = strtoll(sgn.id, &end, 10);
	struct akses_staff s;
	akses_status rc;

	memset(&s, 0, sizeof s);
	if (a->offline) {
		rc = AKSES_E_DB_GONE; /* a PIN cannot be checked without the server */
	} else if (!a->st) {
		rc = AKSES_E_IO;
	} else if (!sgn.id[0] || *end || id <= 0) {
		rc = AKSES_E_STAFF_NOT_FOUND;
	} else if ((rc = valid_pin(sgn.pin)) == AKSES_OK) {
		rc = store_signin(a->st, (int64_t)id, sgn.pin, a->cfg.station, &s);
		app_offline_note(a, rc);
	}
	memset(sgn.pin, 0, sizeof sgn.pin);
	signin_done(a, rc, &s);
}

/* A staff card scanned: its code signs in like a PIN would (the store records the attempt). A
 * visitor's pass or receipt is no staff code: refused with the store's message. */
static void signin_scan(struct app *a, const char *code)
{
	struct akses_staff s;
	akses_status rc;

	memset(&s, 0, sizeof s);
	if (a->signin_goal == SIGNIN_QUIT) {
		/* stopping the kiosk takes what a found card cannot give: the ADMIN's PIN */
		snprintf(sgn.msg, sizeof sgn.msg, "%s",
		         _("An administrator's PIN is needed to stop the kiosk."));
		return;
	}
	rc = a->st ? store_signin_code(a->st, code, a->cfg.station, &s) : AKSES_E_IO;
	memset(sgn.pin, 0, sizeof sgn.pin);
	/* At the reception kiosk, a public touchscreen, a card someone lost or lent must not open
	 * the account alone: the card only names it, and its owner's PIN signs in (the PIN path,
	 * with its per-station backoff; a card sign-in neither counts towards nor clears it). The
	 * door kiosk stands inside the controlled entrance where only the escort works, hands full
	 * with the visitor and the pass scanner: there the card alone still signs in. */
	if (rc == AKSES_OK && !a->door_mode) {
		snprintf(sgn.id, sizeof sgn.id, "%lld", (long long)s.id);
		memset(&s, 0, sizeof s);
		sgn.focus = 1;
		snprintf(sgn.msg, sizeof sgn.msg, "%s", _("Staff card read. Type your PIN."));
		return;
	}
	signin_done(a, rc, &s);
}

/* A real keyboard: digits into the focused field; Enter moves on or signs in. */
static void signin_text(struct app *a, const char *s)
{
	struct ui_textbuf t = signin_buf();

	if (!strcmp(s, "\n")) {
		if (sgn.focus == 0)
			sgn.focus = 1;
		else
			app_post(a, SIGNIN_CMD_GO, 0);
	} else {
		ui_textbuf_type_digits(&t, s);
	}
}

const struct screen screen_signin = {
    .name = "signin",
    .enter = signin_enter,
    .event = signin_event,
    .draw = signin_draw,
    .leave = signin_leave,
    .scan = signin_scan,
    .text = signin_text,
    .staff = true,
};
