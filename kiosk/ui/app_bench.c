/* app_bench.c - the kiosk's frame benchmark mode: bursts of frames of the current screen on
 * SIGUSR1, measured by ui_bench_run (a test build only; a shipped kiosk never enters it). */
#include "app_bench.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "kiosk.h"

static volatile sig_atomic_t app_bench_go; /* SIGUSR1 in bench mode: measure this screen */
static int app_bench_n;                    /* AKSES_BENCH_FRAMES (0: not a benchmark) */

static void app_bench_on_signal(int sig)
{
	(void)sig;
	app_bench_go = 1;
}

bool app_bench_init(void)
{
	const char *n = getenv("AKSES_BENCH_FRAMES");
	app_bench_n = clock_test_build() && n ? atoi(n) : 0;
	if (app_bench_n > 0) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = app_bench_on_signal;
		sigaction(SIGUSR1, &sa, NULL);
	}
	return app_bench_n > 0;
}

void app_bench_tick(struct app *a, void (*frame)(void *a))
{
	static bool stamped;
	char line[512];

	if (!stamped) {
		stamped = true;
		printf("bench first_present_us %lld\n", ui_bench_realtime_us());
	}
	if (app_bench_go) {
		const char *dump = a->dump_path, *before = a->screen->name;
		char state[sizeof a->dump_extra];
		app_bench_go = 0;
		memcpy(state, a->dump_extra, sizeof state);
		a->dump_path = NULL; /* the dump file's write is test support, not the frame */
		if (ui_bench_run(app_bench_n, frame, a, line, sizeof line) == 0)
			printf("bench screen %s %s stable %d\n", a->screen->name, line,
			       before == a->screen->name && !strcmp(state, a->dump_extra));
		a->dump_path = dump;
		a->dirty = true;
	}
	fflush(stdout);
}
