/* ui_bench.c - the kiosk's hidden frame benchmark (AKSES_BENCH_FRAMES, tests/bench/bench_kiosk.sh):
 * the current screen drawn N times back to back, each after an empty frame, in wall and CPU time.
 */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Milliseconds on clock id (CLOCK_MONOTONIC: wall; CLOCK_THREAD_CPUTIME_ID: this thread's CPU). */
static double ui_bench_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int ui_bench_cmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* Median and 99th percentile (nearest rank) of v[0..n); sorts v in place. */
static void ui_bench_stats(double *v, int n, double *med, double *p99)
{
	qsort(v, (size_t)n, sizeof *v, ui_bench_cmp);
	*med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
	int k = (99 * n + 99) / 100; /* ceil(0.99 n) */
	*p99 = v[k > 0 ? k - 1 : 0];
}

/* The floor of the renderer: clear and present a frame with nothing on it. */
static void ui_bench_empty(void)
{
	SDL_SetRenderDrawColor(ui.ren, ui_c_bg.r, ui_c_bg.g, ui_c_bg.b, 255);
	SDL_RenderClear(ui.ren);
	SDL_RenderPresent(ui.ren);
}

int ui_bench_run(int n, void (*frame)(void *arg), void *arg, char *out, size_t outn)
{
	double *v = n > 0 ? malloc(sizeof *v * 4 * (size_t)n) : NULL;
	double *sw, *sc, *ew, *ec, m[8];
	unsigned long h0, m0, h1, m1;

	if (!v)
		return -1;
	sw = v;
	sc = v + n;
	ew = v + 2 * n;
	ec = v + 3 * n;
	ui_text_cache_stats(&h0, &m0);
	/* interleaved, so that a neighbour's burst of load hits both series alike */
	for (int i = 0; i < n; i++) {
		double w0 = ui_bench_ms(CLOCK_MONOTONIC), c0 = ui_bench_ms(CLOCK_THREAD_CPUTIME_ID);
		ui_bench_empty();
		double w1 = ui_bench_ms(CLOCK_MONOTONIC), c1 = ui_bench_ms(CLOCK_THREAD_CPUTIME_ID);
		frame(arg);
		double w2 = ui_bench_ms(CLOCK_MONOTONIC), c2 = ui_bench_ms(CLOCK_THREAD_CPUTIME_ID);
		ew[i] = w1 - w0;
		ec[i] = c1 - c0;
		sw[i] = w2 - w1;
		sc[i] = c2 - c1;
	}
	ui_text_cache_stats(&h1, &m1);
	ui_bench_stats(sw, n, &m[0], &m[1]);
	ui_bench_stats(sc, n, &m[2], &m[3]);
	ui_bench_stats(ew, n, &m[4], &m[5]);
	ui_bench_stats(ec, n, &m[6], &m[7]);
	free(v);
	snprintf(out, outn,
	         "frames %d wall_med %.3f wall_p99 %.3f cpu_med %.3f cpu_p99 %.3f "
	         "empty_wall_med %.3f empty_wall_p99 %.3f empty_cpu_med %.3f empty_cpu_p99 %.3f "
	         "text_hits %lu text_misses %lu text_kb %zu",
	         n, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], h1 - h0, m1 - m0,
	         ui_text_cache_bytes() / 1024);
	return 0;
}

long long ui_bench_realtime_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}
