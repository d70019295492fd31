/* screen_door_offline.c - the door while its server is gone (fail-secure). The door cannot ask
 * the server whether a pass is inside, so it lets nobody in; a scan asks the escort "is this
 * person leaving?", and a confirmed exit is written to the local spool (fsync'd) before the
 * screen says "recorded": it is sent, with its own time, when the server is back. */
#include <stdio.h>
#include <string.h>

#include "app_offline.h"
#include "screen_door.h"

#define DOOR_OFFLINE_SHOW_MS 4000

enum door_off_answer { OFF_NONE = 0, OFF_ASKING, OFF_SPOOLED, OFF_REFUSED, OFF_FAILED };

static struct {
	enum door_off_answer answer;
	char token[128]; /* the scan being asked about (wiped once answered) */
	akses_status rc; /* why the spool refused */
	uint32_t shown_at;
} off;

void door_offline_reset(void)
{
	memset(&off, 0, sizeof off);
}

void door_offline_scan(const char *code)
{
	door_offline_reset();
	snprintf(off.token, sizeof off.token, "%s", code);
	off.answer = OFF_ASKING;
}

bool door_offline_event(struct app *a, int cmd)
{
	if (cmd != DOOR_CMD_OFFLINE_EXIT && cmd != DOOR_CMD_OFFLINE_REFUSE)
		return false;
	if (off.answer != OFF_ASKING)
		return true;
	if (cmd == DOOR_CMD_OFFLINE_EXIT) {
		off.rc = app_offline_spool_exit(a, off.token);
		off.answer = off.rc == AKSES_OK ? OFF_SPOOLED : OFF_FAILED;
	} else {
		off.answer = OFF_REFUSED;
	}
	memset(off.token, 0, sizeof off.token);
	off.shown_at = SDL_GetTicks();
	return true;
}

/* The big word and the sentence under it, white on bg. */
static void door_offline_words(SDL_Color bg, const char *big, const char *why)
{
	ui_fill(ui_rect(0, 0, ui.w, ui.h), bg);
	int pad = ui_px(UI_PAD_WIDE);
	SDL_Rect t = {0, ui.h / 10, ui.w, ui_font_height(UI_FONT_HUGE)};
	ui_text(t, big, UI_FONT_HUGE, true, ui_c_white, UI_CENTER);
	ui_text_wrapped(ui_rect(pad, t.y + t.h + ui_px(UI_GAP_L), ui.w - 2 * pad, ui_px(300)), why,
	                UI_FONT_TITLE, true, ui_c_white);
}

bool door_offline_draw(struct app *a)
{
	(void)a;
	if (off.answer == OFF_NONE)
		return false;
	uint32_t now = SDL_GetTicks();
	if (off.answer != OFF_ASKING && now - off.shown_at >= DOOR_OFFLINE_SHOW_MS) {
		off.answer = OFF_NONE;
		return false;
	}
	int bw = ui_px(760), bh = ui_px(UI_BUTTON_H_XL), y = ui.h - ui_px(260);
	if (off.answer == OFF_ASKING) {
		door_offline_words(
		    ui_c_danger, _("NO ENTRY"),
		    _("The server is not connected: nobody may enter until it is back. "
		      "Is this person leaving the server room?"));
		if (ui_button("door:offline-exit",
		              ui_rect(ui.w / 2 - bw - ui_px(UI_GAP_L), y, bw, bh),
		              _("Yes, record the exit"), UI_SECONDARY))
			app_post(a, DOOR_CMD_OFFLINE_EXIT, 0);
		if (ui_button("door:offline-refuse", ui_rect(ui.w / 2 + ui_px(UI_GAP_L), y, bw, bh),
		              _("No, entry refused"), UI_SECONDARY))
			app_post(a, DOOR_CMD_OFFLINE_REFUSE, 0);
		return true;
	}
	if (off.answer == OFF_SPOOLED)
		door_offline_words(
		    ui_c_info, _("EXIT RECORDED"),
		    _("Kept on this door station: it will be sent to the server, with "
		      "this time, as soon as the server is back."));
	else if (off.answer == OFF_REFUSED)
		door_offline_words(
		    ui_c_danger, _("ENTRY REFUSED"),
		    _("Nobody may enter while the server is not connected. Please wait "
		      "until it is back."));
	else
		door_offline_words(ui_c_danger, _("NOT RECORDED"),
		                   off.rc == AKSES_E_TOKEN_FORMAT
		                       ? _("This is not a visitor's pass.")
		                       : akses_status_message(off.rc));
	if (ui_button("door:ok", ui_rect(ui.w / 2 - ui_px(250), y, ui_px(500), bh), _("OK"),
	              UI_SECONDARY))
		off.answer = OFF_NONE;
	if (!ui.wake_at || off.shown_at + DOOR_OFFLINE_SHOW_MS < ui.wake_at)
		ui.wake_at = off.shown_at + DOOR_OFFLINE_SHOW_MS;
	return true;
}

void door_offline_dump(char *buf, size_t n)
{
	static const char *const names[] = {"-", "asking", "spooled", "refused", "failed"};
	snprintf(buf, n, "offline_answer %s", names[off.answer]);
}

void door_offline_note(const struct app *a, char *buf, size_t n)
{
	buf[0] = '\0';
	if (a->spool_rejected > 0)
		snprintf(
		    buf, n,
		    _("%d exits recorded offline were refused by the server: tell Helpdesk (%s)."),
		    a->spool_rejected, a->spool);
	else if (a->spool_n > 0)
		snprintf(buf, n, _("%d exits recorded offline wait to be sent."), a->spool_n);
}
