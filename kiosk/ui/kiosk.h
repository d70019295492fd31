/* kiosk.h - what akses-kiosk's files share: the app context, the screen table entry (one file per
 * screen, tmux-style), commands posted from drawing to event handling, and the print worker. */
#ifndef AKSES_KIOSK_H
#define AKSES_KIOSK_H

#include <SDL.h>
#include <libintl.h>
#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "i18n.h"
#include "model.h"
#include "paper.h"
#include "status.h"
#include "store.h"
#include "ui.h"

#define KIOSK_DOMAIN "akses-kiosk"
#define _(s) dgettext(KIOSK_DOMAIN, s)

struct app;

/* A screen. draw() draws the model and handles taps (immediate mode) but does no DB or file I/O:
 * it posts a command (app_post) that event() then carries out. */
struct screen {
	const char *name;
	void (*enter)(struct app *a);
	void (*event)(struct app *a, const SDL_Event *e); /* commands, print results */
	void (*draw)(struct app *a);
	void (*leave)(struct app *a); /* wipe whatever the screen holds */
	void (*scan)(struct app *a, const char *code);   /* a scanner burst; NULL: rejected */
	void (*text)(struct app *a, const char *utf8);   /* typed on a real keyboard ("\b" erase) */
	bool visitor;    /* idle timeout with countdown returns to welcome and wipes */
	bool staff;      /* idle timeout signs the staff member out */
	/* At a door station (door mode) no idle sign-out: the escort stays for the visit, and the
	 * screen's tick (called at every wake-up) ends the shift itself. */
	bool shift;
	void (*tick)(struct app *a);
	/* A visitor screen holding what was typed until the server takes it (sent while offline):
	 * no idle countdown wipes it meanwhile. NULL: never. */
	bool (*holding)(struct app *a);
};

extern const struct screen screen_welcome, screen_submit, screen_status, screen_print,
    screen_problem, screen_signin, screen_door, screen_staff, screen_pin;

/* Open the change-PIN screen for s, whose sign-in answered AKSES_E_PIN_MUST_CHANGE. */
void screen_pin_start(struct app *a, const struct akses_staff *s);
/* Finish a sign-in attempt on the sign-in screen (switching to it when elsewhere): its message,
 * the ADMIN's stop, or the role's home. s is wiped. */
void screen_signin_result(struct app *a, akses_status rc, struct akses_staff *s);

/* Drop the status screen's result (kept while its pass prints) when the visitor does not return
 * to it. */
void screen_status_forget(void);

/* What a staff sign-in is for. */
enum signin_goal { SIGNIN_STAFF = 0, SIGNIN_QUIT };

/* The print worker's state, shown by screens. */
enum print_phase { PRINT_IDLE = 0, PRINT_BUSY, PRINT_OK, PRINT_ERROR };

struct app_print {
	enum print_phase phase;
	paper_doc doc;
	char number[AKSES_NUMBER_BUF];
	int person;
	struct paper_result res;
};

struct app {
	struct akses_config cfg;
	const char *assets;
	char db[512];              /* the DB location (settings_db), as the store takes it */
	store *st;                /* NULL when the DB could not be opened */
	akses_status db_status;
	char problem[1024];        /* staff-facing text for screen_problem */
	SDL_Window *win;
	SDL_Renderer *ren;
	const struct screen *screen;
	uint32_t ev_cmd, ev_print; /* registered user event types */
	bool dirty;
	bool quit;
	bool door_mode;
	/* the store's server cannot be reached (app_offline.h): a banner, no store calls */
	bool offline;
	char spool[512];           /* the door's exit spool (door_spool.h) */
	int spool_n;               /* exits in it, waiting for the server */
	int spool_rejected;        /* exits the server refused, kept in spool + ".rejected" */
	char default_lang[8];     /* --lang, else the config's: restored for each new visitor */
	/* idle handling */
	uint32_t last_input;
	uint32_t db_checked;      /* when the DB file was last compared with the open one */
	uint32_t reconciled_at;   /* SDL ticks of the last print reconciliation started */
	bool idle_warning;        /* the countdown is showing */
	/* staff */
	bool signed_in;
	struct akses_staff staff;
	enum signin_goal signin_goal;
	struct app_print print;   /* the print worker's job and result, shown by screens */
	const char *dump_path;    /* AKSES_UI_DUMP */
	char dump_extra[1024];     /* state lines a screen adds to the test dump ("step contact") */
};

/* Commands main handles itself (screens use codes >= 0). */
#define APP_CMD_SIGNIN (-1) /* the staff entry: switch to sign-in */
#define APP_CMD_HOME (-2)   /* back to the start screen */
#define APP_CMD_LINK (-3)   /* the probe: the server answers again (data1 1) or not (0) */
#define APP_CMD_ONLINE (-4) /* to the screen: the server is back (a kept form may be sent) */

/* Switch screens (leave the old one, enter the new one, redraw). */
void app_switch(struct app *a, const struct screen *s);

/* Post a command to the current screen's event(): SDL user event of type a->ev_cmd with
 * code = cmd and data1 = (intptr_t)arg. */
void app_post(struct app *a, int cmd, intptr_t arg);

/* The language switch drawn at the top right of every screen. */
void app_lang_switch(struct app *a, SDL_Rect r);

/* The top bar: logo (long press = staff entry), a title, the language switch. Returns the content
 * area below it. */
SDL_Rect app_top_bar(struct app *a, const char *title);

/* Open the store at a->db into a->st; on failure a->st is NULL and a->problem says why (for
 * staff). Returns true when open. */
bool app_open_store(struct app *a);

/* Local midnight of today (for the date chips). */
int64_t app_today_start(void);

/* Start a print job on the worker thread; false when one is already running. The job's strings
 * are copied. The result arrives as an event of type a->ev_print and lands in a->print. */
bool print_worker_start(struct app *a, paper_doc doc, const char *number, int person,
                        const char *receipt_token);
/* The same for any paper_job (staff: a day's log, who is inside, a reprint with actor_id and
 * reason). job->pdf_path and job->queue are ignored; the worker waits for the job's end. */
bool print_worker_start_job(struct app *a, const struct paper_job *job);
/* Handle an ev_print event: fill a->print. */
void print_worker_done(struct app *a, const SDL_Event *e);
/* Reconcile print jobs left pending with CUPS (paper_reconcile) on a thread of its own, unless a
 * print is under way (the worker reconciles before each job anyway). At start and on a timer. */
void print_worker_reconcile(struct app *a);


#endif
