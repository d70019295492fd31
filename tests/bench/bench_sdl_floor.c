/* bench_sdl_floor.c - the cold-start floor for bench_kiosk.sh: the least an SDL program can do to
 * show the kiosk's window (same hints, size and renderer), one clear frame, then exit. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	int w = argc > 2 ? atoi(argv[1]) : 1920, h = argc > 2 ? atoi(argv[2]) : 1080;
	struct timespec ts;

	/* as akses-kiosk sets them: its software renderer, no framebuffer acceleration */
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "software", SDL_HINT_DEFAULT);
	SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "bench_sdl_floor: SDL_Init: %s\n", SDL_GetError());
		return 1;
	}
	SDL_Window *win =
	    SDL_CreateWindow("Akses", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, w, h,
	                     SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS);
	SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
	if (!ren) {
		fprintf(stderr, "bench_sdl_floor: %s\n", SDL_GetError());
		SDL_Quit();
		return 1;
	}
	SDL_SetRenderDrawColor(ren, 244, 246, 248, 255);
	SDL_RenderClear(ren);
	SDL_RenderPresent(ren);
	/* the same line akses-kiosk prints in bench mode: CLOCK_REALTIME of the first present */
	clock_gettime(CLOCK_REALTIME, &ts);
	printf("bench first_present_us %lld\n",
	       (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000);
	fflush(stdout);
	SDL_DestroyRenderer(ren);
	SDL_DestroyWindow(win);
	SDL_Quit();
	return 0;
}
