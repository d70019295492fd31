/* app_offline.c - a station whose database server is gone (issue 11). A thread pings the server
 * (store_ping: no session, never the store handle, which stays on the main thread) every 2 s
 * while it answers and with a doubling backoff (1 s up to 8 s) while it does not, and posts each
 * change as APP_CMD_LINK. Offline, the screens do not call the store (each call would wait for a
 * connect timeout), show the banner, keep the visitor's form and spool the door's exits; back
 * online, the store is reopened if it never opened, the spool replayed, and the screen told. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_offline.h"
#include "clock.h"
#include "door_spool.h"
#include "valid.h"

#define PROBE_UP_MS 2000u
#define PROBE_BACKOFF_MIN_MS 1000u
#define PROBE_BACKOFF_MAX_MS 8000u
#define PROBE_NAP_MS 100u /* the thread looks at its stop flag this often */

enum { LINK_UNKNOWN = 0, LINK_UP, LINK_DOWN };

static struct {
	SDL_Thread *thread;
	SDL_atomic_t stop;
	SDL_atomic_t state; /* LINK_*: what the main thread was last told */
	uint32_t ev;
	char target[512];
} probe;

/* Sleep ms in short naps; false when told to stop meanwhile. */
static bool probe_nap(uint32_t ms)
{
	for (uint32_t slept = 0; slept < ms; slept += PROBE_NAP_MS) {
		if (SDL_AtomicGet(&probe.stop))
			return false;
		SDL_Delay(PROBE_NAP_MS);
	}
	return !SDL_AtomicGet(&probe.stop);
}

static int probe_main(void *arg)
{
	(void)arg;
	uint32_t backoff = PROBE_BACKOFF_MIN_MS;
	do {
		bool up = store_ping(probe.target) == AKSES_OK;
		int was = SDL_AtomicGet(&probe.state);
		if (up != (was == LINK_UP)) {
			SDL_AtomicSet(&probe.state, up ? LINK_UP : LINK_DOWN);
			SDL_Event e;
			memset(&e, 0, sizeof e);
			e.type = probe.ev;
			e.user.code = APP_CMD_LINK;
			e.user.data1 = (void *)(intptr_t)up;
			SDL_PushEvent(&e); /* thread-safe */
		}
		uint32_t wait = up ? PROBE_UP_MS : backoff;
		backoff =
		    up ? PROBE_BACKOFF_MIN_MS
		       : (backoff * 2 > PROBE_BACKOFF_MAX_MS ? PROBE_BACKOFF_MAX_MS : backoff * 2);
		if (!probe_nap(wait))
			break;
	} while (1);
	return 0;
}

/* The spool's path: the config's [door] spool, else beside a DB file, else (a server) in the
 * working folder, where a server store's audit key is too. */
static void offline_spool_path(struct app *a)
{
	if (a->cfg.door_spool[0]) {
		snprintf(a->spool, sizeof a->spool, "%s", a->cfg.door_spool);
		return;
	}
	const char *slash = store_is_server(a->db) ? NULL : strrchr(a->db, '/');
	if (slash)
		snprintf(a->spool, sizeof a->spool, "%.*s/akses-door.spool", (int)(slash - a->db),
		         a->db);
	else
		snprintf(a->spool, sizeof a->spool, "akses-door.spool");
}

/* Did the store fail to open because its server cannot be reached (not a bad schema, a refused
 * password, ...)? The driver says so itself (AKSES_E_DB_GONE, store_open_pg.c). */
static bool offline_open_gone(const struct app *a)
{
	return akses_status_is_offline(a->db_status);
}

/* One spooled exit to the server: sent (an exit, or found sent by an earlier replay), refused
 * (kept for staff), or stop (the server went away again, or a passing error: try later). */
static enum door_spool_verdict offline_send(void *ctx, const struct door_spool_rec *r)
{
	struct app *a = ctx;
	struct akses_scan_result res;
	akses_status rc =
	    store_scan_spooled(a->st, r->token, r->escort_id, r->station, r->at, r->key, &res);
	if (rc == AKSES_OK)
		return res.decision == SCAN_DENIED ? DOOR_SPOOL_REJECTED : DOOR_SPOOL_SENT;
	if (rc == AKSES_E_STAFF_NOT_FOUND || rc == AKSES_E_STAFF_DISABLED ||
	    rc == AKSES_E_INVALID_ARG)
		return DOOR_SPOOL_REJECTED;
	app_offline_note(a, rc);
	return DOOR_SPOOL_STOP;
}

/* Send what the spool holds, in order; then how many wait and how many were refused. */
static void offline_replay(struct app *a)
{
	char rejected[600];
	snprintf(rejected, sizeof rejected, "%s.rejected", a->spool);
	int sent = 0, refused = 0;
	if (a->st && !a->offline && door_spool_count(a->spool) > 0) {
		akses_status rc =
		    door_spool_replay(a->spool, rejected, offline_send, a, &sent, &refused);
		fprintf(stderr, "akses-kiosk: exit spool replayed: %d sent, %d refused%s\n", sent,
		        refused, rc == AKSES_OK ? "" : ", the rest waits for the server");
	}
	a->spool_n = door_spool_count(a->spool);
	a->spool_rejected = door_spool_count(rejected);
	a->dirty = true;
}

void app_offline_init(struct app *a)
{
	offline_spool_path(a);
	if (!a->st && offline_open_gone(a))
		a->offline = true;
	if (store_is_server(a->db)) {
		snprintf(probe.target, sizeof probe.target, "%s", a->db);
		probe.ev = a->ev_cmd;
		SDL_AtomicSet(&probe.stop, 0);
		SDL_AtomicSet(&probe.state, a->offline ? LINK_DOWN : LINK_UP);
		probe.thread = SDL_CreateThread(probe_main, "akses-probe", NULL);
	}
	offline_replay(a);
}

void app_offline_stop(void)
{
	if (!probe.thread)
		return;
	SDL_AtomicSet(&probe.stop, 1);
	SDL_WaitThread(probe.thread, NULL);
	probe.thread = NULL;
}

bool app_offline_note(struct app *a, akses_status rc)
{
	if (!akses_status_is_offline(rc))
		return false;
	if (!a->offline) {
		a->offline = true;
		a->dirty = true;
		/* the probe tells us when it is back, even if it never saw it go */
		SDL_AtomicSet(&probe.state, LINK_DOWN);
	}
	return true;
}

void app_offline_link(struct app *a, bool up)
{
	if (!up) {
		a->offline = true;
		a->dirty = true;
		return;
	}
	if (!a->st && !app_open_store(a)) {
		if (offline_open_gone(a)) {
			SDL_AtomicSet(&probe.state, LINK_DOWN); /* not yet: ask again */
			return;
		}
		a->offline = false; /* there, but refusing: the problem screen says why */
		app_post(a, APP_CMD_HOME, 0);
		return;
	}
	bool was = a->offline;
	a->offline = false;
	offline_replay(a);
	if (a->screen == &screen_problem)
		app_post(a, APP_CMD_HOME, 0);
	else if (was)
		app_post(a, APP_CMD_ONLINE, 0);
	a->dirty = true;
}

SDL_Rect app_offline_banner(struct app *a, SDL_Rect c)
{
	if (!a->offline)
		return c;
	int h = ui_px(64);
	ui_fill(ui_rect(c.x, c.y, c.w, h), ui_c_danger);
	/* visitor-plain: what it means for them, no "database", no "connection" */
	ui_text(ui_rect(c.x + ui_px(UI_PAD_SCREEN), c.y, c.w - 2 * ui_px(UI_PAD_SCREEN), h),
	        _("Server not connected — your data stays saved on this screen"), UI_FONT_BODY,
	        true, ui_c_white, UI_CENTER);
	return ui_rect(c.x, c.y + h, c.w, c.h - h);
}

akses_status app_offline_spool_exit(struct app *a, const char *token)
{
	struct door_spool_rec r;
	memset(&r, 0, sizeof r);
	/* a scanner's lowercase or padded read, as store_scan takes it; anything else is no pass */
	if (!token || valid_token(token, r.token) != AKSES_OK)
		return AKSES_E_TOKEN_FORMAT;
	r.at = clock_now();
	r.escort_id = a->staff.id;
	snprintf(r.station, sizeof r.station, "%s", a->cfg.station);
	akses_status rc = door_spool_append(a->spool, &r);
	if (rc == AKSES_OK)
		a->spool_n = door_spool_count(a->spool);
	return rc;
}
