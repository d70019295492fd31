/* main.c - akses-kiosk: options, config (settings.h), signals, the event loop (event-driven, draws
 * only when something changed), scanner routing, idle timeout and quitting. The window is made in
 * app_window.c, the benchmark mode is app_bench.c. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "app_bench.h"
#include "app_offline.h"
#include "app_window.h"
#include "clock.h"
#include "i18n.h"
#include "kiosk.h"
#include "xguard.h"
#include "scanner.h"
#include "secret.h"
#include "settings.h"

static volatile sig_atomic_t main_term; /* SIGTERM/SIGINT: quit cleanly */
static bool main_bench;                 /* the frame benchmark mode (app_bench.h) */
static uint32_t main_shown_s;           /* the idle countdown's seconds last drawn */

static void main_on_signal(int sig)
{
	(void)sig;
	main_term = 1;
}

static void main_usage(FILE *f)
{
	fprintf(f,
	        "usage: akses-kiosk [--config FILE] [--db PATH] [--mode reception|door] "
	        "[--windowed] [--lang id|en] [--size WxH]\n"
	        "  --config FILE  else $AKSES_CONFIG, else the built-in defaults\n"
	        "  --db PATH      else $AKSES_DB, else the config's [store] db, else akses.db\n");
}

/* ---- shared app helpers -------------------------------------------------------------------- */

void app_switch(struct app *a, const struct screen *s)
{
	if (a->screen && a->screen->leave)
		a->screen->leave(a);
	a->screen = s;
	a->idle_warning = false;
	ui_reader_close();
	a->last_input = SDL_GetTicks();
	ui.active = 0;
	if (s->enter)
		s->enter(a);
	a->dirty = true;
}

void app_post(struct app *a, int cmd, intptr_t arg)
{
	SDL_Event e;

	memset(&e, 0, sizeof e);
	e.type = a->ev_cmd;
	e.user.code = cmd;
	e.user.data1 = (void *)arg;
	SDL_PushEvent(&e);
}

void app_lang_switch(struct app *a, SDL_Rect r)
{
	bool id = strcmp(i18n_lang(), "id") == 0;
	SDL_Rect left = {r.x, r.y, r.w / 2 - ui_px(UI_GAP_XS), r.h};
	SDL_Rect right = {r.x + r.w / 2 + ui_px(UI_GAP_XS), r.y, r.w / 2 - ui_px(UI_GAP_XS), r.h};

	/* on the blue bar: the current language is the white key, the other one is outlined */
	bool tap_id = ui_button("lang:id", left, "ID", id ? UI_SECONDARY : UI_PRIMARY);
	bool tap_en = ui_button("lang:en", right, "EN", id ? UI_PRIMARY : UI_SECONDARY);
	ui_frame_rect(id ? right : left, ui_c_white, ui_px(UI_BORDER));
	if (tap_id && !id)
		i18n_set_lang("id");
	if (tap_en && id)
		i18n_set_lang("en");
	if ((tap_id && !id) || (tap_en && id))
		a->dirty = true;
}

SDL_Rect app_top_bar(struct app *a, const char *title)
{
	int bar = ui_px(120), pad = ui_px(UI_PAD_ROW);
	bool longp = false;

	ui_fill(ui_rect(0, 0, ui.w, bar), ui_c_primary);
	/* The logo: a long press is the discreet staff entry. */
	SDL_Rect logo = {pad, ui_px(10), ui_px(260), bar - ui_px(20)};
	ui_button_long("logo", logo, "AKSES", UI_PRIMARY, 2000, &longp);
	if (longp && !a->signed_in) {
		a->signin_goal = SIGNIN_STAFF;
		app_post(a, APP_CMD_SIGNIN, 0);
	}
	SDL_Rect t = {logo.x + logo.w + pad, 0, ui.w - 2 * logo.w - 4 * pad, bar};
	/* a staff home's title is its user's name, up to 100 characters: "…" and a tap reads it */
	ui_text_more("title", t, title, UI_FONT_TITLE, true, ui_c_white, UI_LEFT);
	/* the language switch is 2 x 120 px, at least 60 px tall on every screen */
	SDL_Rect ls = {ui.w - pad - ui_px(260), ui_px(18), ui_px(260), bar - ui_px(36)};
	if (ls.h < 60 && bar - 8 >= 60)
		ls.h = 60;
	app_lang_switch(a, ls);
	return app_offline_banner(a, ui_rect(0, bar, ui.w, ui.h - bar));
}

bool app_open_store(struct app *a)
{
	struct store_options so = settings_store_options(&a->cfg);
	store *st = NULL;

	a->db_status = store_open(a->db, &so, &st);
	if (a->db_status == AKSES_OK) {
		a->st = st;
		a->problem[0] = '\0';
		return true;
	}
	if (st)
		store_close(st);
	a->st = NULL;
	/* bounded pieces: the path and the sentence both fit the staff's line */
	snprintf(a->problem, sizeof a->problem, "%.480s: %.480s", a->db,
	         akses_status_message(a->db_status));
	return false;
}

int64_t app_today_start(void)
{
	char day[20];
	int64_t s = 0, e = 0;

	clock_format_day(clock_now(), day, sizeof day);
	if (clock_day_bounds(day, &s, &e) != AKSES_OK)
		s = clock_now() - clock_now() % 86400;
	return s;
}

/* ---- the loop ------------------------------------------------------------------------------ */

/* The screen people start from: the welcome screen, or the door's sign-in. */
static const struct screen *main_home(struct app *a)
{
	if (!a->st && !a->offline)
		return &screen_problem; /* a station without its server starts anyway (app_offline.h) */
	return a->door_mode ? &screen_signin : &screen_welcome;
}

/* The idle countdown's milliseconds left (the dialog shows them rounded up to seconds). */
static uint32_t main_countdown_ms(const struct app *a, uint32_t now)
{
	uint32_t idle_ms = (uint32_t)a->cfg.idle_timeout_s * 1000u;
	return (uint32_t)a->cfg.idle_countdown_s * 1000u - (now - a->last_input - idle_ms);
}

/* Draw one frame: the screen, then the idle countdown over it. */
static void main_frame(struct app *a)
{
	uint32_t now = SDL_GetTicks();
	uint64_t t0 = SDL_GetPerformanceCounter();

	ui_frame_begin();
	if (a->idle_warning) {
		/* the screen below the countdown must not take the tap; it is drawn once and kept
		 * dimmed (ui_backdrop): each second of the countdown then costs only the dialog */
		bool p = ui.pressed, r = ui.released;
		ui.pressed = ui.released = false;
		if (!ui_backdrop_begin()) {
			a->dump_extra[0] = '\0';
			a->screen->draw(a);
			ui_backdrop_end();
		}
		ui.pressed = p;
		ui.released = r;
		ui.n_rects = 0;
		uint32_t left_ms = main_countdown_ms(a, now);
		char t[128];
		SDL_Rect in = ui_dialog(ui_px(1100), ui_px(560), _("Are you still there?"));
		main_shown_s = (left_ms + 999) / 1000;
		snprintf(t, sizeof t, _("Everything you typed will be erased in %u s."), main_shown_s);
		/* two lines' room: a longer language wraps ("... dihapus dalam 5 detik.") */
		ui_text(ui_rect(in.x, in.y, in.w, 2 * ui_font_height(UI_FONT_LARGE)), t, UI_FONT_LARGE,
		        false, ui_c_text, UI_CENTER);
		SDL_Rect b = {in.x + ui_px(100), in.y + in.h - ui_px(140), in.w - ui_px(200),
		              ui_px(UI_BUTTON_H_XL)};
		if (ui_button("idle:stay", b, _("I am still here"), UI_PRIMARY)) {
			a->idle_warning = false;
			a->last_input = now;
		}
	} else {
		ui_backdrop_drop();
		a->dump_extra[0] = '\0';
		ui_reader_hold(); /* a text opened in full lies over the screen and takes the taps */
		a->screen->draw(a);
		ui_reader_draw(_("Close"));
	}
	if (clock_test_pin()) {
		/* a test build whose clock AKSES_NOW pins says so in a corner (never in a shipped
		 * kiosk: clock_test_pin is always NULL there) */
		SDL_Rect m = {ui_px(8), ui.h - ui_px(34), ui_px(400), ui_px(30)};
		ui_text(m, _("TEST CLOCK"), UI_FONT_SMALL, true, ui_c_danger, UI_LEFT);
	}
	ui_frame_end();
	SDL_RenderPresent(a->ren);
	if (a->dump_path) {
		char extra[1200];
		/* the frame's cost (draw + present), for the frame-time budget */
		double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
		            (double)SDL_GetPerformanceFrequency();
		snprintf(extra, sizeof extra,
		         "lang %s\nidle %d\nprint %d\noffline %d\nspool %d\nrejected %d\nframe_ms %.2f%s%s",
		         i18n_lang(), a->idle_warning ? 1 : 0, (int)a->print.phase, a->offline ? 1 : 0,
		         a->spool_n, a->spool_rejected, ms,
		         a->dump_extra[0] ? "\n" : "", a->dump_extra);
		ui_dump(a->dump_path, a->screen->name, extra);
	}
	a->dirty = ui.redraw;
}

/* A frame for the benchmark's bursts (app_bench_tick). */
static void main_bench_frame(void *arg)
{
	main_frame(arg);
}

/* Give the current screen what a person typed on a real keyboard. */
static void main_typed(struct app *a, const char *s)
{
	if (a->screen->text && s && *s)
		a->screen->text(a, s);
	a->dirty = true;
}

/* A scanner burst: the screen's own handler, or a plain refusal where scans make no sense. */
static void main_scanned(struct app *a, const char *code)
{
	if (a->screen->scan)
		a->screen->scan(a, code);
	a->dirty = true;
}

/* Once a second: is the DB file still the one we opened? Deleted or replaced (a restore, an
 * `aksesctl init` on the same path), every sign-in and scan from here would go into a file nobody
 * reads: close it, sign staff out and show the problem screen until staff fix it and try again. */
static void main_db_watch(struct app *a, uint32_t now)
{
	if (!a->st || a->offline || now - a->db_checked < 1000)
		return;
	a->db_checked = now;
	akses_status rc = store_still_same(a->st);
	if (rc == AKSES_OK)
		return;
	store_close(a->st);
	a->st = NULL;
	a->db_status = rc;
	a->signed_in = false;
	memset(&a->staff, 0, sizeof a->staff);
	snprintf(a->problem, sizeof a->problem, "%.480s: %.480s", a->db,
	         akses_status_message(rc));
	fprintf(stderr, "akses-kiosk: %s\n", a->problem);
	app_switch(a, &screen_problem);
}

/* Is the escort at the door kept for a shift rather than signed out when idle? */
static bool main_shift(const struct app *a)
{
	return a->door_mode && a->screen->shift;
}

/* Idle timeout: countdown on visitor screens then wipe; staff are signed out (not the escort at a
 * door station, whose screen ends the shift itself). */
static void main_idle(struct app *a, uint32_t now)
{
	uint32_t idle_ms = (uint32_t)a->cfg.idle_timeout_s * 1000u;
	uint32_t count_ms = (uint32_t)a->cfg.idle_countdown_s * 1000u;
	uint32_t idle = now - a->last_input;

	if (a->screen->holding && a->screen->holding(a)) {
		/* a form waiting for the server is never wiped by the clock, and the clock stands
		 * still meanwhile: once sent, the number gets the whole idle time on screen */
		a->last_input = now;
		if (a->idle_warning) {
			a->idle_warning = false;
			a->dirty = true;
		}
	} else if (a->screen->visitor) {
		if (idle >= idle_ms + count_ms) {
			/* the next visitor starts afresh: the station's language, an empty form */
			i18n_set_lang(a->default_lang);
			app_switch(a, main_home(a)); /* leave() wipes the form */
		} else if (idle >= idle_ms && !a->idle_warning) {
			a->idle_warning = true;
			a->dirty = true;
		}
		/* a frame when the countdown's number changes, not every wake-up: a frame under the
		 * dimmed dialog costs a few ms of CPU */
		if (a->idle_warning && (main_countdown_ms(a, now) + 999) / 1000 != main_shown_s)
			a->dirty = true;
	} else if (a->screen->staff && idle >= idle_ms && !main_shift(a)) {
		a->signed_in = false;
		memset(&a->staff, 0, sizeof a->staff);
		app_switch(a, main_home(a));
	}
}

/* Every 10 minutes (and at start) the audit chain's head goes to syslog when it moved: an anchor
 * outside the DB ("akses audit head N:HASH", LOG_AUTHPRIV) that `aksesctl audit verify --anchor`
 * checks a DB against, so rows deleted or rewritten later are found. */
#define MAIN_ANCHOR_MS (10u * 60u * 1000u)
static void main_anchor(struct app *a, uint32_t now)
{
	static uint32_t last_at;
	static bool logged;
	static char last[STORE_ANCHOR_BUF];
	char head[STORE_ANCHOR_BUF];
	if (!a->st || a->offline || (logged && now - last_at < MAIN_ANCHOR_MS))
		return;
	last_at = now;
	logged = true;
	if (store_audit_anchor(a->st, head) != AKSES_OK || !strcmp(head, last))
		return;
	syslog(LOG_AUTHPRIV | LOG_INFO, "akses audit head %s", head);
	memcpy(last, head, sizeof last);
}

#define MAIN_RECONCILE_MS 60000 /* how often print jobs are reconciled with CUPS */

/* How long the loop may sleep: until the next thing that changes the screen. */
static int main_timeout(struct app *a, uint32_t now, const struct scanner *sc)
{
	uint32_t next = now + 500; /* wake twice a second at most: signals, clock */
	uint32_t d;

	if ((d = scanner_deadline(sc)) && d < next)
		next = d;
	if (ui.wake_at && ui.wake_at < next)
		next = ui.wake_at;
	bool holding = a->screen->holding && a->screen->holding(a);
	if (!holding && (a->screen->visitor || (a->screen->staff && !main_shift(a)))) {
		uint32_t idle_at = a->last_input + (uint32_t)a->cfg.idle_timeout_s * 1000u;
		if (a->idle_warning) {
			/* when the countdown's number changes */
			uint32_t frac = main_countdown_ms(a, now) % 1000;
			d = now + (frac ? frac : 1000);
		} else {
			d = idle_at;
		}
		if (d < next)
			next = d;
	}
	if (a->print.phase == PRINT_BUSY && now + 100 < next)
		next = now + 100; /* the spinner */
	return next > now ? (int)(next - now) : 0;
}

/* ---- start and stop ------------------------------------------------------------------------ */

/* The command line. */
struct main_opts {
	const char *config, *db, *mode, *lang; /* NULL: not given (settings.h decides) */
	bool windowed;
	int w, h; /* --size, windowed only */
};

/* Parse argv into o. -1 to go on, else the exit code (0 after --help, 2 on a bad line). */
static int main_options(int argc, char **argv, struct main_opts *o)
{
	*o = (struct main_opts){.w = 1920, .h = 1080};
	for (int i = 1; i < argc; i++) {
		const char *k = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(k, "--windowed")) {
			o->windowed = true;
		} else if (!strcmp(k, "--help") || !strcmp(k, "-h")) {
			main_usage(stdout);
			return 0;
		} else if (v && !strcmp(k, "--config")) {
			o->config = argv[++i];
		} else if (v && !strcmp(k, "--db")) {
			o->db = argv[++i];
		} else if (v && !strcmp(k, "--mode")) {
			o->mode = argv[++i];
		} else if (v && !strcmp(k, "--lang")) {
			o->lang = argv[++i];
		} else if (v && !strcmp(k, "--size")) {
			if (sscanf(argv[++i], "%dx%d", &o->w, &o->h) != 2 || o->w < 320 || o->h < 240) {
				main_usage(stderr);
				return 2;
			}
		} else {
			main_usage(stderr);
			return 2;
		}
	}
	if (o->mode && strcmp(o->mode, "reception") && strcmp(o->mode, "door")) {
		main_usage(stderr);
		return 2;
	}
	return -1;
}

/* The config and the command line over it (settings.h: the same precedence as aksesctl's), the
 * DB location, the language and the test hooks. -1 to go on, else the exit code. */
static int main_config(struct app *a, const struct main_opts *o)
{
	int bad_line = 0;
	const char *used = NULL;
	/* a bad line leaves the defaults in place: say so, and go on */
	if (settings_load(o->config, &a->cfg, &used, &bad_line) != AKSES_OK)
		fprintf(stderr, "akses-kiosk: %s: line %d: %s\n", used, bad_line,
		        akses_status_message(AKSES_E_CONFIG));
	a->door_mode = !strcmp(o->mode ? o->mode : a->cfg.mode, "door");
	/* an unnamed door station records its scans as "DOOR", not as the reception's */
	config_set_mode(&a->cfg, a->door_mode);
	const char *db = settings_db(&a->cfg, o->db);
	if (strlen(db) >= sizeof a->db) {
		fprintf(stderr, "akses-kiosk: DB path too long\n");
		return 2;
	}
	memcpy(a->db, db, strlen(db) + 1);
	/* i18n_init falls back to Indonesian for an unknown language */
	bool en = i18n_init(NULL, o->lang ? o->lang : a->cfg.lang) == 0 &&
	          !strcmp(i18n_lang(), "en");
	memcpy(a->default_lang, en ? "en" : "id", 3);
	i18n_bind(KIOSK_DOMAIN);
	a->assets = getenv("AKSES_ASSETS") ? getenv("AKSES_ASSETS") : AKSES_ASSETS_DIR;
	/* test hooks (the UI dump the end-to-end tests read, the frame benchmark) exist only in a
	 * test build: a shipped kiosk ignores them */
	a->dump_path = clock_test_build() ? getenv("AKSES_UI_DUMP") : NULL;
	ui.clip_text = clock_test_build(); /* a clip report names its text in a test build only */
	return -1;
}

/* SIGTERM and SIGINT quit without a PIN (the service manager's stop); our handler, not SDL's, so
 * that a window close still asks for the ADMIN PIN. In bench mode SIGUSR1 starts a burst. */
static void main_signals(void)
{
	struct sigaction sa;

	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = main_on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	main_bench = app_bench_init();
}

/* The store: a problem here shows the problem screen instead of dying. Then the home screen. */
static void main_store(struct app *a)
{
	if (secret_init() != AKSES_OK) {
		a->db_status = AKSES_E_IO;
		snprintf(a->problem, sizeof a->problem, "libsodium could not be initialised");
	} else {
		app_open_store(a);
	}
	app_offline_init(a);
	app_switch(a, main_home(a));
}

/* ---- events -------------------------------------------------------------------------------- */

/* A key: Enter and Backspace end or edit what the scanner buffer holds, Escape is the ADMIN's
 * stop. */
static void main_key(struct app *a, const SDL_KeyboardEvent *k, struct scanner *sc, char *buf,
                     size_t n)
{
	SDL_Keycode sym = k->keysym.sym;
	if (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) {
		enum scanner_out o = scanner_enter(sc, k->timestamp, buf, n);
		if (o == SCANNER_SCAN) {
			main_scanned(a, buf);
		} else {
			if (o == SCANNER_TYPED)
				main_typed(a, buf);
			main_typed(a, "\n");
		}
	} else if (sym == SDLK_BACKSPACE) {
		if (scanner_flush(sc, buf, n) == SCANNER_TYPED)
			main_typed(a, buf);
		main_typed(a, "\b");
	} else if (sym == SDLK_ESCAPE) {
		a->signin_goal = SIGNIN_QUIT;
		app_switch(a, &screen_signin);
	}
}

/* One event to where it goes. True when it was a person's input (a touch or a key). */
static bool main_event(struct app *a, SDL_Event *e, struct scanner *sc, char *buf, size_t n)
{
	/* Typed text the scanner still holds (up to SCANNER_HOLD_MS) belongs to the field focused
	 * when it was typed: release it before a tap can move the focus (institution text once
	 * landed in the phone field). */
	if (e->type == SDL_MOUSEBUTTONDOWN && scanner_flush(sc, buf, n) == SCANNER_TYPED)
		main_typed(a, buf);
	if (ui_feed(e)) {
		main_frame(a); /* a frame per press/release, so a quick tap is never lost */
		return true;
	}
	switch (e->type) {
	case SDL_TEXTINPUT:
		if (scanner_text(sc, e->text.text, e->text.timestamp, buf, n) == SCANNER_TYPED)
			main_typed(a, buf);
		return true;
	case SDL_KEYDOWN:
		main_key(a, &e->key, sc, buf, n);
		return true;
	case SDL_QUIT:
		/* a window close: only an ADMIN may stop the kiosk */
		a->signin_goal = SIGNIN_QUIT;
		app_switch(a, &screen_signin);
		return false;
	case SDL_WINDOWEVENT:
		if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
			int w, h;
			SDL_GetRendererOutputSize(a->ren, &w, &h);
			ui_resize(w, h);
		}
		a->dirty = true;
		return false;
	}
	if (e->type == a->ev_print) {
		print_worker_done(a, e);
		if (a->screen->event)
			a->screen->event(a, e);
	} else if (e->type == a->ev_cmd) {
		if (e->user.code == APP_CMD_SIGNIN)
			app_switch(a, &screen_signin);
		else if (e->user.code == APP_CMD_HOME)
			app_switch(a, main_home(a));
		else if (e->user.code == APP_CMD_LINK)
			app_offline_link(a, e->user.data1 != NULL);
		else if (a->screen->event)
			a->screen->event(a, e);
	} else {
		return false;
	}
	a->dirty = true;
	return false;
}

/* What is due after the events of one wake-up: a scanner burst ending, redraws, the idle timeout,
 * the DB watch and the reconciling of print jobs. */
static void main_due(struct app *a, struct scanner *sc, char *buf, size_t n)
{
	uint32_t now = SDL_GetTicks();
	if (scanner_tick(sc, now, buf, n) == SCANNER_TYPED)
		main_typed(a, buf);
	if (ui.wake_at && now >= ui.wake_at)
		a->dirty = true;
	if (a->print.phase == PRINT_BUSY)
		a->dirty = true;
	main_idle(a, now);
	if (a->screen->tick)
		a->screen->tick(a);
	main_db_watch(a, now);
	/* print jobs left pending (a print killed mid-way) must not block a pass for ever */
	if (a->st && !a->offline &&
	    (!a->reconciled_at || now - a->reconciled_at >= MAIN_RECONCILE_MS)) {
		a->reconciled_at = now ? now : 1;
		print_worker_reconcile(a);
	}
}

/* The loop: draw when something changed, sleep until the next event or deadline, dispatch. Until
 * an ADMIN stops the kiosk, a signal, or the window is destroyed from outside. */
static void main_loop(struct app *a)
{
	struct scanner sc;
	char buf[SCANNER_BUF + 8];

	scanner_reset(&sc);
	SDL_StartTextInput();
	while (!a->quit && !main_term && !xguard_window_lost()) {
		SDL_Event e;
		if (a->dirty)
			main_frame(a);
		if (main_bench)
			app_bench_tick(a, main_bench_frame);
		main_anchor(a, SDL_GetTicks());
		int got = SDL_WaitEventTimeout(&e, main_timeout(a, SDL_GetTicks(), &sc));
		uint32_t now = SDL_GetTicks();
		while (got) {
			/* any touch or key ends the countdown ("I am still here") */
			if (main_event(a, &e, &sc, buf, sizeof buf)) {
				a->last_input = now;
				if (a->idle_warning) {
					a->idle_warning = false;
					a->dirty = true;
				}
			}
			got = SDL_PollEvent(&e);
		}
		main_due(a, &sc, buf, sizeof buf);
	}
}

int main(int argc, char **argv)
{
	static struct app app;
	struct app *a = &app;
	struct main_opts o;
	char err[512];
	int rc;

	if ((rc = main_options(argc, argv, &o)) >= 0 || (rc = main_config(a, &o)) >= 0)
		return rc;
	main_signals();
	openlog("akses-kiosk", LOG_PID, LOG_AUTHPRIV);
	if (app_window_open(a, o.windowed, o.w, o.h, err, sizeof err) != 0) {
		fprintf(stderr, "akses-kiosk: %s\n", err);
		return 1;
	}
	/* a window destroyed from outside restarts the kiosk instead of ending it */
	xguard_install(argv);
	a->ev_cmd = SDL_RegisterEvents(2);
	a->ev_print = a->ev_cmd + 1;
	main_store(a);
	main_loop(a);
	app_offline_stop();

	if (a->screen && a->screen->leave)
		a->screen->leave(a);
	if (a->st)
		store_close(a->st);
	/* the window was destroyed from outside: start again before SDL's teardown, which puts
	 * Xlib's exiting error handler back and then flushes requests to the dead window */
	if (xguard_window_lost() && !a->quit && !main_term) {
		xguard_restart();
		return 1;
	}
	app_window_close(a);
	return 0;
}
