/* screen_door.h - the door screen's offline part (screen_door_offline.c): while the server is
 * gone nobody enters, and an exit the escort confirms goes to the local spool. */
#ifndef AKSES_SCREEN_DOOR_H
#define AKSES_SCREEN_DOOR_H

#include <stdbool.h>
#include <stddef.h>

#include "kiosk.h"

#define DOOR_CMD_OFFLINE_EXIT 20   /* the escort confirmed: this person is leaving */
#define DOOR_CMD_OFFLINE_REFUSE 21 /* not leaving: the entry is refused */

/* A scan while offline: ask the escort whether the person is leaving. */
void door_offline_scan(const char *code);
/* The command of a tap on the question (DOOR_CMD_OFFLINE_*); true when it was one. */
bool door_offline_event(struct app *a, int cmd);
/* Draw the question or the answer full-screen; false when there is nothing to show. */
bool door_offline_draw(struct app *a);
/* The part of the test dump about it. */
void door_offline_dump(char *buf, size_t n);
/* Forget the question and the answer (a new shift, the server back). */
void door_offline_reset(void);
/* The staff's line about spooled and refused exits ("" when none), into buf. */
void door_offline_note(const struct app *a, char *buf, size_t n);

#endif
