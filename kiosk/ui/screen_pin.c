/* screen_pin.c - change a PIN an ADMIN set: shows who set it and when, takes a new PIN of 6-8
 * digits twice on the numeric pad, sets it as its owner (the store), then signs in with it. */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "kbd.h"
#include "kiosk.h"

enum { PIN_CMD_SAVE = 1 };

static struct {
	struct akses_staff who; /* the account, as the refused sign-in filled it */
	char pin[12];
	char again[12];
	int focus; /* 0 new, 1 again */
	struct kbd kbd;
	char msg[256];
} pc;

static void pin_wipe(void)
{
	volatile unsigned char *v = (volatile unsigned char *)&pc;
	for (size_t i = 0; i < sizeof pc; i++)
		v[i] = 0;
	pc.kbd.layout = KBD_NUMERIC;
}

static void pin_enter(struct app *a)
{
	(void)a;
	pin_wipe();
}

static void pin_leave(struct app *a)
{
	(void)a;
	pin_wipe();
}

void screen_pin_start(struct app *a, const struct akses_staff *s)
{
	app_switch(a, &screen_pin);
	pc.who = *s;
}

static struct ui_textbuf pin_buf(void)
{
	return pc.focus == 0 ? (struct ui_textbuf){pc.pin, sizeof pc.pin, 8}
	                     : (struct ui_textbuf){pc.again, sizeof pc.again, 8};
}

static void pin_draw(struct app *a)
{
	SDL_Rect c = app_top_bar(a, _("Change your PIN"));
	int pad = ui_px(UI_PAD_SCREEN), gap = ui_px(40);
	int fh = ui_font_height(UI_FONT_SMALL) * 2 + ui_px(2 * UI_GAP_XS) + ui_px(UI_FIELD_BOX_H);
	int y = c.y + ui_px(UI_GAP_L);
	char line[400], when[32] = "-";

	snprintf(a->dump_extra, sizeof a->dump_extra, "staff %lld\nset_by %lld\nfocus %d\nmsg %s",
	         (long long)pc.who.id, (long long)pc.who.pin_set_by, pc.focus, pc.msg);
	if (pc.who.pin_set_at > 0)
		clock_format(pc.who.pin_set_at, when, sizeof when);
	/* the owner sees who chose the PIN they were given: an ADMIN who used it in their name
	 * before them cannot hide that from them */
	snprintf(line, sizeof line,
	         _("%s: your PIN was set by staff %lld at %s. Choose a new PIN of 6-8 digits."),
	         pc.who.name, (long long)pc.who.pin_set_by, when);
	/* a name of 100 characters makes it two lines or three (there is room above the keypad) */
	y += ui_text_wrapped(ui_rect(pad, y, c.w - 2 * pad, 3 * ui_font_height(UI_FONT_BODY)), line,
	                     UI_FONT_BODY, false, ui_c_text) +
	     ui_px(UI_GAP);
	int w = ui_px(420);
	if (ui_field("field:newpin", ui_rect(pad, y, w, fh), _("New PIN"), pc.pin, pc.focus == 0,
	             "", true))
		pc.focus = 0;
	if (ui_field("field:again", ui_rect(pad + w + gap, y, w, fh), _("New PIN again"), pc.again,
	             pc.focus == 1, "", true))
		pc.focus = 1;
	SDL_Rect go = {pad + 2 * (w + gap), y + ui_font_height(UI_FONT_SMALL) + ui_px(UI_GAP_XS),
	               ui_px(360), ui_px(UI_FIELD_BOX_H)};
	if (ui_button("pin:save", go, _("Save PIN"), UI_PRIMARY))
		app_post(a, PIN_CMD_SAVE, 0);
	SDL_Rect cancel = {go.x + go.w + gap, go.y, ui_px(300), go.h};
	if (ui_button("cancel", cancel, _("Cancel"), UI_SECONDARY)) {
		app_post(a, APP_CMD_HOME, 0);
		return;
	}
	y += fh + ui_px(UI_LINE_GAP);
	if (pc.msg[0])
		ui_text_wrapped(ui_rect(pad, y, c.w - 2 * pad, 2 * ui_font_height(UI_FONT_BODY)),
		                pc.msg, UI_FONT_BODY, true, ui_c_danger);
	int kh = c.h * 55 / 100;
	struct ui_textbuf t = pin_buf();
	ui_keyboard(&pc.kbd, ui_rect(c.x, c.y + c.h - kh, c.w, kh), &t);
}

/* Set the new PIN as its owner, then sign in with it like the sign-in screen would. */
static void pin_event(struct app *a, const SDL_Event *e)
{
	if (e->type != a->ev_cmd || e->user.code != PIN_CMD_SAVE)
		return;
	akses_status rc = AKSES_E_IO;
	if (strcmp(pc.pin, pc.again) != 0) {
		snprintf(pc.msg, sizeof pc.msg, "%s",
		         _("The two PINs differ. Type the new PIN twice."));
	} else if (a->st &&
	           (rc = store_staff_set_pin(a->st, pc.who.id, pc.who.id, pc.pin)) == AKSES_OK) {
		struct akses_staff s;
		memset(&s, 0, sizeof s);
		rc = store_signin(a->st, pc.who.id, pc.pin, a->cfg.station, &s);
		screen_signin_result(a, rc, &s); /* leaves this screen: wipes the PINs */
		return;
	} else {
		snprintf(pc.msg, sizeof pc.msg, "%s", akses_status_message(rc));
	}
	memset(pc.pin, 0, sizeof pc.pin);
	memset(pc.again, 0, sizeof pc.again);
	pc.focus = 0;
}

/* A real keyboard: digits into the focused field; Enter moves on or saves. */
static void pin_text(struct app *a, const char *s)
{
	struct ui_textbuf t = pin_buf();

	if (!strcmp(s, "\n")) {
		if (pc.focus == 0)
			pc.focus = 1;
		else
			app_post(a, PIN_CMD_SAVE, 0);
	} else {
		ui_textbuf_type_digits(&t, s);
	}
}

const struct screen screen_pin = {
    .name = "pinchange",
    .enter = pin_enter,
    .event = pin_event,
    .draw = pin_draw,
    .leave = pin_leave,
    .text = pin_text,
    .staff = true,
};
