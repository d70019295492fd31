/* app_window.c - the kiosk's window and renderer. Fullscreen takes the display's bounds: a window
 * made at a fixed 1920x1080 and left to SDL's fullscreen was, without a window manager, centred
 * on a smaller screen (at -320,-140 on 1280x800), the logo and the left edge off-screen. */
#include "app_window.h"

#include <stdio.h>

#include "kiosk.h"

/* The display the window goes on, in screen coordinates; 1920x1080 when SDL cannot say. */
static SDL_Rect app_window_display(void)
{
	SDL_Rect b = {0, 0, 1920, 1080};
	SDL_DisplayMode m;

	if (SDL_GetDisplayBounds(0, &b) != 0 || b.w <= 0 || b.h <= 0) {
		b.x = b.y = 0;
		if (SDL_GetDesktopDisplayMode(0, &m) == 0 && m.w > 0 && m.h > 0) {
			b.w = m.w;
			b.h = m.h;
		} else {
			b.w = 1920;
			b.h = 1080;
		}
	}
	return b;
}

/* Fullscreen: a borderless window the display's size at its origin, which is already right
 * without a window manager; FULLSCREEN_DESKTOP asks one, when there is one, to keep it above
 * panels. If something still moved or sized it, put it back. */
static SDL_Window *app_window_fullscreen(void)
{
	SDL_Rect b = app_window_display();
	SDL_Window *w = SDL_CreateWindow("Akses", b.x, b.y, b.w, b.h,
	                                 SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS |
	                                     SDL_WINDOW_FULLSCREEN_DESKTOP);
	if (!w)
		return NULL;
	int x, y, ww, wh;
	SDL_GetWindowPosition(w, &x, &y);
	SDL_GetWindowSize(w, &ww, &wh);
	if (x != b.x || y != b.y || ww != b.w || wh != b.h) {
		SDL_SetWindowSize(w, b.w, b.h);
		SDL_SetWindowPosition(w, b.x, b.y);
	}
	return w;
}

int app_window_open(struct app *a, bool windowed, int w, int h, char *err, size_t n)
{
	/* The software renderer by default: a kiosk screen of flat rectangles and cached text
	 * needs no GPU, and it keeps the resident size small (GL under Mesa maps ~100 MB).
	 * SDL_RENDER_DRIVER in the environment still wins. */
	SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "software", SDL_HINT_DEFAULT);
	SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		snprintf(err, n, "SDL_Init: %s", SDL_GetError());
		return -1;
	}
	if (windowed)
		a->win = SDL_CreateWindow("Akses", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
		                          w, h, SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS);
	else
		a->win = app_window_fullscreen();
	if (!a->win) {
		snprintf(err, n, "window: %s", SDL_GetError());
		SDL_Quit();
		return -1;
	}
	a->ren = SDL_CreateRenderer(a->win, -1, 0);
	if (!a->ren)
		a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
	if (!a->ren)
		snprintf(err, n, "%s", SDL_GetError());
	if (!a->ren || ui_init(a->ren, a->assets, err, n) != 0) {
		SDL_Quit();
		return -1;
	}
	if (!windowed)
		SDL_ShowCursor(SDL_DISABLE);
	return 0;
}

void app_window_close(struct app *a)
{
	ui_shutdown();
	SDL_DestroyRenderer(a->ren);
	SDL_DestroyWindow(a->win);
	SDL_Quit();
}
