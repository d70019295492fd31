/* bench_log.c - the daily log budget: prn_render_day_log of 1,000 to 10,000 visits, median of 5
 * runs per size, against the bare cairo floor measured in the same run. Reports; never asserts.
 *
 * usage: bench_log [RUNS]            the benchmark (RUNS per size, default 5)
 *        bench_log --once N [PDF]    render N visits once (for a profiler), optionally saving it
 *        bench_log --floor PAGES ROWS  the floor alone, once (for a profiler)
 * Budget (docs/product.md): 10,000 events -> PDF < 1 s, linear in events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "prn.h"

#define DAY0 1796058000 /* 2026-12-01 00:00 WIB */
#define BUDGET_MS 1000.0
#define FLOOR_ROWS_PER_PAGE 36 /* the log's visit rows on a continuation page */

/* Wall time and this process's CPU time, in ms. CPU time is what a run costs even when other
 * people's builds share the two cores; wall time is what a person waits. */
struct lap {
	double wall, cpu;
};

static double clock_ms(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static struct lap lap_start(void)
{
	return (struct lap){clock_ms(CLOCK_MONOTONIC), clock_ms(CLOCK_PROCESS_CPUTIME_ID)};
}

static struct lap lap_since(struct lap t0)
{
	return (struct lap){clock_ms(CLOCK_MONOTONIC) - t0.wall,
	                    clock_ms(CLOCK_PROCESS_CPUTIME_ID) - t0.cpu};
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- a realistic day ---------------------------------------------------------------------- */

/* Names, institutions and purposes of the lengths a real day has: most fit one line of their
 * column, some wrap to two, a few are cut with an ellipsis, a few carry Indonesian/Latin accents
 * and one needs pango's shaping (Arabic), as visitors' names do. */
static const char *const first[] = {"Budi",   "Siti",  "Made",  "Ni Luh Putu", "Agus", "Dewi",
                                    "Rahmat", "Nurul", "Teguh", "Lestari",     "José", "Ayu"};
static const char *const last[] = {
    "Santoso", "Nurhaliza", "Wirawan", "Ayu Kusumawati", "Salim",
    "Prakoso", "Hidayat",   "'Aini",   "Hartono",        "Simatupang Siregar Nasution",
    "Ramos",   "Ḥasanah"};
static const char *const inst[] = {"PT Contoh Sejahtera", "Dinas Kominfo",
                                   "PT Telkom Indonesia", "CV Awan Nusantara Teknologi Informasi",
                                   "Universitas Andalas", "PT PLN (Persero) UP3 Padang",
                                   "BPS Provinsi",        "Bank Nagari"};
static const char *const purp[] = {"Pemeliharaan perangkat",
                                   "Instalasi server baru",
                                   "Audit",
                                   "Penggantian UPS dan pengecekan baterai rak 3",
                                   "Kunjungan",
                                   "Pemasangan kabel fiber optik ke rak jaringan"};
static const char *const esc[] = {"Rahmat Hidayat", "Andi Pratama", "Yuliana Sari",
                                  "Muhammad Fadhil Rahman"};

struct day {
	struct prn_day_log log;
	struct prn_log_visit *v;
	char (*name)[96];
	char (*number)[24];
};

/* Build a day of n visits (deterministic); false when out of memory. */
static bool day_make(struct day *d, int n)
{
	memset(d, 0, sizeof *d);
	d->v = calloc((size_t)n + 1, sizeof *d->v);
	d->name = calloc((size_t)n + 1, sizeof *d->name);
	d->number = calloc((size_t)n + 1, sizeof *d->number);
	if (!d->v || !d->name || !d->number)
		return false;
	unsigned r = 12345;
	for (int i = 0; i < n; i++) {
		r = r * 1103515245u + 12345u;
		unsigned k = r >> 8;
		if (i % 500 == 250)
			snprintf(d->name[i], sizeof d->name[i], "حسن البنا");
		else
			snprintf(d->name[i], sizeof d->name[i], "%s %s", first[k % 12],
			         last[(k / 12) % 12]);
		snprintf(d->number[i], sizeof d->number[i], "AKS-20261201-%04d", i / 3 + 1);
		int64_t in = DAY0 + 7 * 3600 + (int64_t)i * 36000 / n;
		bool inside = k % 11 == 3;
		int64_t out = inside ? 0 : in + 600 + (int64_t)(k % 14400);
		int64_t end = in + 3 * 3600;
		d->v[i] = (struct prn_log_visit){d->number[i],
		                                 d->name[i],
		                                 inst[(k / 144) % 8],
		                                 purp[(k / 1152) % 6],
		                                 esc[(k / 6912) % 4],
		                                 in,
		                                 out,
		                                 end,
		                                 inside,
		                                 (out ? out : DAY0 + 17 * 3600) > end};
		d->log.per_hour[(in - DAY0) / 3600 % 24]++;
		d->log.n_inside += inside;
		d->log.n_overstay += d->v[i].overstay;
	}
	d->log.hdr = (struct prn_header){
	    "Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat",
	    "Bidang Aplikasi Informatika", "Padang", "RECEPTION", DAY0 + 17 * 3600, NULL, 0, false};
	d->log.day = "2026-12-01";
	d->log.day_start = DAY0;
	d->log.now = DAY0 + 17 * 3600;
	d->log.n_visits = n;
	d->log.visits = d->v;
	d->log.n_people = n;
	return true;
}

static void day_free(struct day *d)
{
	free(d->v);
	free(d->name);
	free(d->number);
}

/* ---- the floor ---------------------------------------------------------------------------- */

/* cairo only: a PDF of the same pages, each row one fixed string shown with the toy text API
 * (no layout, no wrapping, no measuring), so what is left is cairo's own cost of emitting that
 * many pages of text. Returns the time it took, -1 on failure. */
static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
	size_t *total = closure;
	(void)data;
	*total += length;
	return CAIRO_STATUS_SUCCESS;
}

static struct lap floor_ms(int pages, int rows)
{
	static const char row[] =
	    "123 AKS-20261201-0001 Budi Santoso PT Contoh Sejahtera "
	    "Pemeliharaan perangkat Rahmat Hidayat 09:00 10:30 1 j 30 m Keluar";
	size_t total = 0;
	struct lap t0 = lap_start();
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(discard, &total, 595.28, 841.89);
	cairo_t *cr = cairo_create(s);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	                       CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 6.5);
	int done = 0;
	for (int p = 0; p < pages; p++) {
		for (int i = 0; i < FLOOR_ROWS_PER_PAGE && done < rows; i++, done++) {
			cairo_move_to(cr, 51, 60 + i * 19.9);
			cairo_show_text(cr, row);
		}
		cairo_show_page(cr);
	}
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	struct lap t = lap_since(t0);
	if (st != CAIRO_STATUS_SUCCESS)
		t.wall = t.cpu = -1;
	return t;
}

/* ---- main --------------------------------------------------------------------------------- */

/* Render the day once: the time it took (-1 on failure), the page count in *pages; the PDF saved
 * to save when given. */
static struct lap render_ms(const struct day *d, int *pages, const char *save)
{
	struct prn_pdf pdf;
	struct lap t0 = lap_start();
	prn_status st = prn_render_day_log(&d->log, &pdf);
	struct lap t = lap_since(t0);
	if (st != PRN_OK) {
		fprintf(stderr, "bench_log: render failed: %s\n", prn_status_code(st));
		return (struct lap){-1, -1};
	}
	*pages = pdf.pages;
	if (save && prn_pdf_save(&pdf, save) != PRN_OK) {
		fprintf(stderr, "bench_log: cannot write %s\n", save);
		t.wall = t.cpu = -1;
	}
	prn_pdf_free(&pdf);
	return t;
}

static int once(int n, const char *save)
{
	struct day d;
	int pages = 0;
	if (!day_make(&d, n)) {
		day_free(&d);
		return 1;
	}
	struct lap t = render_ms(&d, &pages, save);
	day_free(&d);
	if (t.wall < 0)
		return 1;
	printf("log %d visits: %d pages, %.1f ms (cpu %.1f ms)\n", n, pages, t.wall, t.cpu);
	return 0;
}

int main(int argc, char **argv)
{
	static const int sizes[] = {1000, 2000, 5000, 10000};
	enum { N_SIZES = sizeof sizes / sizeof sizes[0] };
	setenv("TZ", "Asia/Jakarta", 1);
	tzset();
	if (argc > 1 && strcmp(argv[1], "--once") == 0) {
		int n = argc > 2 ? atoi(argv[2]) : 10000;
		if (n < 0 || n > 1000000) {
			fprintf(stderr, "usage: bench_log --once N [PDF]\n");
			return 2;
		}
		return once(n, argc > 3 ? argv[3] : NULL);
	}
	if (argc > 1 && strcmp(argv[1], "--floor") == 0) {
		int pages = argc > 2 ? atoi(argv[2]) : 279, rows = argc > 3 ? atoi(argv[3]) : 10000;
		struct lap t = {-1, -1};
		if (pages > 0 && pages < 100000 && rows >= 0)
			t = floor_ms(pages, rows);
		if (t.wall < 0)
			return 1;
		printf("floor %d pages, %d rows: %.1f ms (cpu %.1f ms)\n", pages, rows, t.wall,
		       t.cpu);
		return 0;
	}
	int runs = argc > 1 ? atoi(argv[1]) : 5;
	if (runs < 1 || runs > 1000) {
		fprintf(stderr, "usage: bench_log [RUNS] | --once N [PDF] | --floor PAGES ROWS\n");
		return 2;
	}

	double wall[N_SIZES], cpu[N_SIZES], fwall[N_SIZES], fcpu[N_SIZES];
	int pages[N_SIZES];
	double *tw = malloc((size_t)runs * sizeof *tw), *tc = malloc((size_t)runs * sizeof *tc);
	double *fw = malloc((size_t)runs * sizeof *fw), *fc = malloc((size_t)runs * sizeof *fc);
	if (!tw || !tc || !fw || !fc)
		return 1;
	/* Warm up fontconfig, pango's font map and cairo's font caches, as a running program has.
	 */
	{
		struct day w;
		int pg;
		bool ok = day_make(&w, 100) && render_ms(&w, &pg, NULL).wall >= 0 &&
		          floor_ms(2, 50).wall >= 0;
		day_free(&w);
		if (!ok)
			return 1;
	}
	printf("bench_log: daily log -> PDF, median of %d runs per size (wall ms; cpu ms of this "
	       "process in brackets)\n",
	       runs);
	for (int s = 0; s < N_SIZES; s++) {
		struct day d;
		if (!day_make(&d, sizes[s])) {
			day_free(&d);
			return 1;
		}
		/* Side by side: one render, then the floor of the same pages, so both see the same
		 * load on a shared machine. */
		for (int r = 0; r < runs; r++) {
			struct lap t = render_ms(&d, &pages[s], NULL);
			struct lap f = floor_ms(pages[s], sizes[s]);
			if (t.wall < 0 || f.wall < 0) {
				day_free(&d);
				return 1;
			}
			tw[r] = t.wall;
			tc[r] = t.cpu;
			fw[r] = f.wall;
			fc[r] = f.cpu;
		}
		day_free(&d);
		wall[s] = median(tw, runs);
		cpu[s] = median(tc, runs);
		fwall[s] = median(fw, runs);
		fcpu[s] = median(fc, runs);
		printf("  %5d visits %4d pages: %7.1f ms [%6.1f] = %5.1f ms per 1,000   floor "
		       "%6.1f ms "
		       "[%6.1f]   = %.2fx the floor [%.2fx]\n",
		       sizes[s], pages[s], wall[s], cpu[s], wall[s] * 1000.0 / sizes[s], fwall[s],
		       fcpu[s], wall[s] / fwall[s], cpu[s] / fcpu[s]);
	}
	int hi = N_SIZES - 1;
	double lin = (wall[hi] / sizes[hi]) / (wall[0] / sizes[0]);
	double lin_cpu = (cpu[hi] / sizes[hi]) / (cpu[0] / sizes[0]);
	printf(
	    "linearity: per-event cost at %d = %.2fx that at %d [cpu %.2fx] (want <= 1.3)   %s\n",
	    sizes[hi], lin, sizes[0], lin_cpu, lin <= 1.3 ? "linear" : "NOT linear");
	printf("log 10k: %.0f ms [cpu %.0f] (budget %.0f ms) = %.2fx the bare cairo floor [cpu "
	       "%.2fx]   %s\n",
	       wall[hi], cpu[hi], BUDGET_MS, wall[hi] / fwall[hi], cpu[hi] / fcpu[hi],
	       wall[hi] < BUDGET_MS ? "within" : "OVER");
	free(tw);
	free(tc);
	free(fw);
	free(fc);
	return 0;
}
