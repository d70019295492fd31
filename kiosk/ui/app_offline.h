/* app_offline.h - a station whose database server is gone: the background probe, the banner on
 * every screen, reconnecting when the server answers again, and the door's exit spool replayed
 * then (app_offline.c). */
#ifndef AKSES_APP_OFFLINE_H
#define AKSES_APP_OFFLINE_H

#include "kiosk.h"

/* After the store was opened (or not): the spool's path, a start without the server (offline,
 * not the problem screen), the probe thread for a server target, and a spool left by an earlier
 * run replayed when the server is there. */
void app_offline_init(struct app *a);

/* Stop the probe thread (at exit). */
void app_offline_stop(void);

/* A store call's answer: AKSES_E_DB_GONE puts the station offline (the banner, the probe's
 * backoff). True when rc was such an answer. */
bool app_offline_note(struct app *a, akses_status rc);

/* The probe's news (an APP_CMD_LINK event): up reopens the store if needed, replays the spool,
 * clears the banner and posts APP_CMD_ONLINE to the screen; down shows the banner. */
void app_offline_link(struct app *a, bool up);

/* The banner under the top bar while offline; returns what is left of content below it. */
SDL_Rect app_offline_banner(struct app *a, SDL_Rect content);

/* Record an exit the escort confirmed at the door while offline (door_spool_append, fsync'd). */
akses_status app_offline_spool_exit(struct app *a, const char *token);

#endif
