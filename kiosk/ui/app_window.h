/* app_window.h - the kiosk's window and renderer: fullscreen at the display's own size, or
 * windowed at a given size (tests, development). */
#ifndef AKSES_APP_WINDOW_H
#define AKSES_APP_WINDOW_H

#include <stdbool.h>
#include <stddef.h>

struct app;

/* SDL's video, the window and its renderer into a->win and a->ren, and the widget layer (ui_init
 * with a->assets). Fullscreen (windowed false) covers the whole display whatever its size or
 * orientation, with or without a window manager; windowed is a borderless w x h window.
 * 0, or -1 with the reason in err (SDL is shut down again then). */
int app_window_open(struct app *a, bool windowed, int w, int h, char *err, size_t n);

/* The widget layer, the renderer, the window and SDL, in that order. */
void app_window_close(struct app *a);

#endif
