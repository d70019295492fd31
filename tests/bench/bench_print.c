/* bench_print.c - the "print pass" budget: paper_print of a visitor's badge (wait=false) from the
 * call to the job accepted by CUPS, against `lp -d QUEUE` submitting an already-rendered badge PDF
 * of the same size to the same scheduler, side by side in one run. Reports; never asserts.
 *
 * usage: bench_print QUEUE [DIR] [N]   (DIR for the scratch DB and PDF, default /tmp; N <= 10)
 * Needs a running cupsd with QUEUE enabled and accepting: tests/bench/bench_print.sh sees to it.
 * Budget (docs/product.md): "print pass" tap -> job accepted by CUPS < 500 ms. */
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
#include "bench_util.h"
#include "store.h"

extern char **environ;

#define BUDGET_MS 500.0

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
	double t0 = (bench_now_us() / 1e3);
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
	double t = (bench_now_us() / 1e3) - t0;
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
	if (bench_world(db, "bench_print", &st, NULL, number) != 0)
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
	    .doc = PAPER_BADGE, .number = number, .person = BENCH_PEOPLE - 1, .wait = false,
	    .receipt_token = bench_receipt};
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
		double t0 = (bench_now_us() / 1e3);
		akses_status rc = paper_print(st, &cfg, &pj, &res);
		tp[i] = (bench_now_us() / 1e3) - t0;
		if (rc != AKSES_OK || res.state != JOB_ACCEPTED || tl[i] < 0) {
			fprintf(stderr, "bench_print: print %d failed: %s\n", i, res.message);
			errors++;
			break;
		}
		settle(queue, res.cups_job_id);

		struct prn_pdf p2;
		t0 = (bench_now_us() / 1e3);
		prn_status pst = prn_render_badge(&b, &p2);
		tr[i] = (bench_now_us() / 1e3) - t0;
		struct prn_queue q;
		int id = 0;
		t0 = (bench_now_us() / 1e3);
		if (pst == PRN_OK)
			pst = prn_cups_submit(queue, "bench-submit", &p2, &q, &id);
		ts[i] = (bench_now_us() / 1e3) - t0;
		prn_pdf_free(&p2);
		if (pst != PRN_OK) {
			fprintf(stderr, "bench_print: submit failed: %s\n", prn_status_code(pst));
			errors++;
			break;
		}
		settle(queue, id);
	}
	if (errors == 0 && tp && tl && tr && ts) {
		double pmed = bench_quantile(tp, n, 0.5), pmax = bench_quantile(tp, n, 1.0);
		double lmed = bench_quantile(tl, n, 0.5), lmax = bench_quantile(tl, n, 1.0);
		double rmed = bench_quantile(tr, n, 0.5), smed = bench_quantile(ts, n, 0.5);
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
	bench_remove_db(db);
	unlink(pdf_path);
	return errors ? 1 : 0;
}
