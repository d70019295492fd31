/* bench_print.c - the "print pass" budget: paper_print of a visitor's badge (wait=false) from the
 * call to the job accepted by CUPS, against `lp -d QUEUE` submitting an already-rendered badge PDF
 * of the same size to the same scheduler, side by side in one run. Reports; never asserts.
 *
 * usage: bench_print QUEUE [DIR] [N]   (DIR for the scratch DB and PDF, default /tmp; N <= 10)
 * Needs a running cupsd with QUEUE enabled and accepting: tests/bench/bench_print.sh sees to it.
 * Budget (PRODUCT.md): "print pass" tap -> job accepted by CUPS < 500 ms. */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "paper.h"
#include "prn.h"
#include "store.h"

extern char **environ;

#define BENCH_PIN "1234"
#define BENCH_PEOPLE 11 /* applicant + 10 companions: one never-printed pass per timed print */
#define BUDGET_MS 500.0

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The q-quantile (nearest rank) of v[0..n), sorting v. */
static double quantile(double *v, int n, double q)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	int rank = (int)(q * n + 0.999999);
	if (rank < 1)
		rank = 1;
	return v[rank - 1];
}

static void remove_db(const char *path)
{
	char side[4200];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* A store with staff and one request of BENCH_PEOPLE people, approved and recorded for
 * 09:00-20:00 with the clock pinned at 10:00 (AKSES_NOW), so every pass is printable by the
 * visitor once. *number gets the request number. 0 or -1. */
static int badge_world(const char *path, store **out, char number[AKSES_NUMBER_BUF])
{
	static const char *const names[] = {
	    "Ni Luh Putu Ayu", "José Ramos", "Ḥasan al-Banna", "Made Wirawan", "Siti Nurhaliza",
	    "Budi Santoso",    "Agus Salim", "Rudi Hartono",   "Lestari Dewi", "Teguh Prakoso",
	};
	static const char *const niks[] = {
	    "1371015203950002", "1371011203850003", "3171010101800004", "5171022308880005",
	    "1371015506920006", "3273010304790007", "3578011109830008", "1271010512870009",
	    "6371016701930010", "7371012002810011",
	};
	remove_db(path);
	setenv("AKSES_NOW", "2030-01-15 08:00", 1);
	struct store_options opt = {.pass_grace_min = 15, .scan_repeat_s = 0, .busy_timeout_ms = 0};
	store *st = NULL;
	int64_t admin, kadis, kabid, koord, teknis, helpdesk;
	akses_status rc = store_open(path, &opt, &st);
	if (rc == AKSES_OK)
		rc = store_init_admin(st, "Admin", BENCH_PIN, &admin);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Kadis", ROLE_KADIS, BENCH_PIN, &kadis);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Kabid", ROLE_KABID, BENCH_PIN, &kabid);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Koordinator", ROLE_KOORDINATOR, BENCH_PIN, &koord);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Rahmat Hidayat", ROLE_TIM_TEKNIS, BENCH_PIN,
		                     &teknis);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Helpdesk", ROLE_HELPDESK, BENCH_PIN, &helpdesk);
	struct akses_request_input in;
	memset(&in, 0, sizeof in);
	in.name = "Nurul 'Aini Binti Abdullah";
	in.nik = "1371014507900001";
	in.institution = "PT Awan Nusantara";
	in.phone = "0812-3456-7890";
	in.purpose_category = PURPOSE_MAINTENANCE;
	in.purpose = "Benchmark";
	in.consent = true;
	in.n_companions = BENCH_PEOPLE - 1;
	for (int i = 0; i < BENCH_PEOPLE - 1; i++) {
		in.companion_name[i] = names[i];
		in.companion_nik[i] = niks[i];
	}
	struct akses_submit_result res;
	akses_field f;
	int idx;
	if (rc == AKSES_OK) {
		struct tm tm = {
		    .tm_year = 130, .tm_mon = 0, .tm_mday = 15, .tm_hour = 9, .tm_isdst = -1};
		in.start_at = (int64_t)mktime(&tm);
		in.end_at = in.start_at + 11 * 3600;
		rc = store_submit(st, &in, &res, &f, &idx);
	}
	const struct {
		wf_action a;
		int64_t *who;
	} steps[] = {{WF_DISPOSE_KADIS, &kadis},
	             {WF_DISPOSE_KABID, &kabid},
	             {WF_VERIFY, &koord},
	             {WF_APPROVE, &kabid}};
	for (size_t i = 0; rc == AKSES_OK && i < sizeof steps / sizeof steps[0]; i++)
		rc = store_act(st, res.number, steps[i].a, *steps[i].who, NULL);
	if (rc == AKSES_OK)
		rc = store_assign(st, res.number, koord, teknis);
	if (rc == AKSES_OK)
		rc = store_act(st, res.number, WF_RECORD, helpdesk, NULL);
	if (rc != AKSES_OK) {
		fprintf(stderr, "bench_print: setting up the store failed: %s (%d) %s\n",
		        akses_status_message(rc), rc, st ? store_errmsg(st) : "");
		store_close(st);
		return -1;
	}
	setenv("AKSES_NOW", "2030-01-15 10:00", 1);
	snprintf(number, AKSES_NUMBER_BUF, "%s", res.number);
	*out = st;
	return 0;
}

/* Run `lp -d queue -t title pdf` and time it from spawn to exit (the job accepted: lp returns
 * once the scheduler has the document). *job gets CUPS's job id from "request id is Q-17".
 * The time in ms, or -1. */
static double lp_submit(const char *queue, const char *pdf, int *job)
{
	int fd[2];
	if (pipe(fd) != 0)
		return -1;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	char *const argv[] = {"lp", "-d", (char *)queue, "-t", "bench-lp", (char *)pdf, NULL};
	pid_t pid;
	double t0 = now_ms();
	int rc = posix_spawnp(&pid, "lp", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	if (rc != 0) {
		close(fd[0]);
		fprintf(stderr, "bench_print: cannot run lp: %s\n", strerror(rc));
		return -1;
	}
	char out[512];
	size_t len = 0;
	ssize_t r;
	while (len + 1 < sizeof out && (r = read(fd[0], out + len, sizeof out - 1 - len)) > 0)
		len += (size_t)r;
	out[len] = '\0';
	close(fd[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	double t = now_ms() - t0;
	const char *dash = strstr(out, "request id is ");
	dash = dash ? strrchr(dash, '-') : NULL;
	*job = dash ? atoi(dash + 1) : 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || *job <= 0) {
		fprintf(stderr, "bench_print: lp failed: %s\n", out);
		return -1;
	}
	return t;
}

/* Let the scheduler finish a job (untimed), so each timed submit meets an idle queue and no
 * cups-pdf conversion running beside it. */
static void settle(const char *queue, int job)
{
	prn_job_state js;
	if (job > 0)
		prn_cups_wait(queue, job, 60, &js);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_print QUEUE [DIR] [N]\n");
		return 2;
	}
	const char *queue = argv[1];
	const char *dir = argc > 2 ? argv[2] : "/tmp";
	int n = argc > 3 ? atoi(argv[3]) : 10;
	if (n < 1 || n > BENCH_PEOPLE - 1) {
		fprintf(stderr, "bench_print: N is 1..%d (one never-printed pass each)\n",
		        BENCH_PEOPLE - 1);
		return 2;
	}
	char db[4096], pdf_path[4096];
	snprintf(db, sizeof db, "%s/bench-print.db", dir);
	snprintf(pdf_path, sizeof pdf_path, "%s/bench-print-badge.pdf", dir);
	setenv("TZ", "Asia/Jakarta", 1);
	tzset();

	store *st = NULL;
	char number[AKSES_NUMBER_BUF];
	if (badge_world(db, &st, number) != 0)
		return 1;
	struct akses_config cfg;
	config_defaults(&cfg);
	snprintf(cfg.badge_queue, sizeof cfg.badge_queue, "%s", queue);

	/* The baseline's document: a badge like the ones paper_print makes, rendered once. */
	struct prn_badge b = {.agency = cfg.agency,
	                      .name = "Nurul 'Aini Binti Abdullah",
	                      .institution = "PT Awan Nusantara",
	                      .escort = "Rahmat Hidayat",
	                      .number = number,
	                      .token = "K7Q2M4XZ3ABCDEFGH5JKLMNPQRSTUVW6",
	                      .start_at = 1894672800,
	                      .end_at = 1894672800 + 11 * 3600,
	                      .w_mm = PRN_LABEL_W,
	                      .h_mm = PRN_LABEL_H};
	struct prn_pdf pdf;
	if (prn_render_badge(&b, &pdf) != PRN_OK || prn_pdf_save(&pdf, pdf_path) != PRN_OK) {
		fprintf(stderr, "bench_print: cannot render the baseline badge\n");
		store_close(st);
		return 1;
	}

	double *tp = malloc((size_t)n * sizeof *tp), *tl = malloc((size_t)n * sizeof *tl);
	double *tr = malloc((size_t)n * sizeof *tr), *ts = malloc((size_t)n * sizeof *ts);
	int errors = 0, job = 0;
	/* Warm up as a running kiosk is: fonts loaded, the scheduler's queue data read once. The
	 * last companion's pass is printed untimed. */
	struct paper_job pj = {
	    .doc = PAPER_BADGE, .number = number, .person = BENCH_PEOPLE - 1, .wait = false};
	struct paper_result res;
	if (paper_print(st, &cfg, &pj, &res) != AKSES_OK) {
		fprintf(stderr, "bench_print: warm-up print failed: %s\n", res.message);
		errors++;
	}
	settle(queue, res.cups_job_id);
	if (lp_submit(queue, pdf_path, &job) < 0)
		errors++;
	settle(queue, job);

	/* Side by side: lp, then the kiosk's call, then the parts of it (render alone, submit of
	 * the rendered PDF alone), each against an idle queue. */
	for (int i = 0; tp && tl && tr && ts && errors == 0 && i < n; i++) {
		tl[i] = lp_submit(queue, pdf_path, &job);
		settle(queue, job);

		pj.person = i;
		double t0 = now_ms();
		akses_status rc = paper_print(st, &cfg, &pj, &res);
		tp[i] = now_ms() - t0;
		if (rc != AKSES_OK || res.state != JOB_ACCEPTED || tl[i] < 0) {
			fprintf(stderr, "bench_print: print %d failed: %s\n", i, res.message);
			errors++;
			break;
		}
		settle(queue, res.cups_job_id);

		struct prn_pdf p2;
		t0 = now_ms();
		prn_status pst = prn_render_badge(&b, &p2);
		tr[i] = now_ms() - t0;
		struct prn_queue q;
		int id = 0;
		t0 = now_ms();
		if (pst == PRN_OK)
			pst = prn_cups_submit(queue, "bench-submit", &p2, &q, &id);
		ts[i] = now_ms() - t0;
		prn_pdf_free(&p2);
		if (pst != PRN_OK) {
			fprintf(stderr, "bench_print: submit failed: %s\n", prn_status_code(pst));
			errors++;
			break;
		}
		settle(queue, id);
	}
	if (errors == 0 && tp && tl && tr && ts) {
		double pmed = quantile(tp, n, 0.5), pmax = quantile(tp, n, 1.0);
		double lmed = quantile(tl, n, 0.5), lmax = quantile(tl, n, 1.0);
		double rmed = quantile(tr, n, 0.5), smed = quantile(ts, n, 0.5);
		printf("bench_print: %d badge prints (62x100 mm, wait=false) to queue %s\n", n,
		       queue);
		printf("  lp -d %s (rendered PDF)   median %7.1f ms   max %7.1f ms\n", queue, lmed,
		       lmax);
		printf("  paper_print badge          median %7.1f ms   max %7.1f ms\n", pmed, pmax);
		printf("    of which: render badge   median %7.1f ms; prn_cups_submit of a "
		       "rendered PDF "
		       "median %.1f ms\n",
		       rmed, smed);
		printf("print pass -> accepted: %.0f ms (budget %.0f ms) = %.2fx lp of a rendered "
		       "PDF   "
		       "%s\n",
		       pmed, BUDGET_MS, pmed / lmed, pmed < BUDGET_MS ? "within" : "OVER");
	}
	free(tp);
	free(tl);
	free(tr);
	free(ts);
	prn_pdf_free(&pdf);
	store_close(st);
	remove_db(db);
	unlink(pdf_path);
	return errors ? 1 : 0;
}
