/* app_bench.h - the kiosk's frame benchmark mode (tests/bench/bench_kiosk.sh), in a test build
 * only. */
#ifndef AKSES_APP_BENCH_H
#define AKSES_APP_BENCH_H

#include <stdbool.h>

struct app;

/* Bench mode on when AKSES_BENCH_FRAMES=N > 0 in a test build: SIGUSR1 then asks for a burst.
 * Returns whether it is on. Call once at start, before the window. */
bool app_bench_init(void);

/* Once per loop turn in bench mode: stdout gets "bench first_present_us T" (CLOCK_REALTIME) after
 * the first frame, and after each SIGUSR1 the current screen is drawn N times back to back with
 * frame(a) (ui_bench_run) and "bench screen NAME <figures> stable 1" printed (stable 0: the
 * screen or its state changed during the run, e.g. a door decision timed out). */
void app_bench_tick(struct app *a, void (*frame)(void *a));

#endif
