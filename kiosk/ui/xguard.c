/* xguard.c - the kiosk's window cannot be closed from outside. Another X client destroying it
 * (`xdotool windowclose`) used to end the kiosk through Xlib's default error handler, which
 * exits. Ours restarts the kiosk in place instead: the window comes back on the home screen, and
 * only the ADMIN PIN (or SIGTERM) ends the kiosk. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>
#include <X11/Xlib.h>

#include "xguard.h"

static volatile sig_atomic_t xguard_lost;
static char **xguard_argv;

/* A request on a window or drawable that is gone: ours was destroyed under us. Anything else is
 * logged and ignored (Xlib's default would exit). */
static int xguard_error(Display *d, XErrorEvent *e)
{
	(void)d;
	if (e->error_code == BadWindow || e->error_code == BadDrawable)
		xguard_lost = 1;
	else
		fprintf(stderr, "akses-kiosk: X error %d ignored\n", e->error_code);
	return 0;
}

void xguard_install(char **argv)
{
	xguard_argv = argv;
	const char *drv = SDL_GetCurrentVideoDriver();
	if (!drv || strcmp(drv, "x11") != 0)
		return;
	/* only protocol errors: a lost X connection (the X server stopping, or a client killing
	 * ours) still ends the kiosk through Xlib, as restarting against a gone server would not
	 * come back (and kept test runs waiting for it) */
	XSetErrorHandler(xguard_error);
}

bool xguard_window_lost(void)
{
	return xguard_lost != 0;
}

void xguard_restart(void)
{
	if (!xguard_argv)
		return;
	fprintf(stderr, "akses-kiosk: the window was closed from outside; starting again\n");
	execv("/proc/self/exe", xguard_argv);
	perror("akses-kiosk: restart");
}
