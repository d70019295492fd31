/* xguard.h - keep the kiosk running when its X window is destroyed or its X connection killed
 * from outside (see xguard.c). */
#ifndef AKSES_XGUARD_H
#define AKSES_XGUARD_H

#include <stdbool.h>

/* After the window is made: our Xlib error handlers (X11 only; nothing under other drivers).
 * argv is what a restart runs again. */
void xguard_install(char **argv);

/* Our window was destroyed by someone else: the main loop ends and calls xguard_restart. */
bool xguard_window_lost(void);

/* Start the kiosk again in this process (execv of /proc/self/exe); returns only on failure. */
void xguard_restart(void);

#endif
