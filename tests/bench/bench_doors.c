/* bench_doors.c - several door stations scanning at once: separate processes, each with its own
 * connection, each scanning its own visitors' passes in and out. Reports; never asserts.
 *
 * usage: bench_doors TARGET [SCANS] [ROUNDS] [STATIONS...]
 *   TARGET: a SQLite file path (one file, several processes) or a conninfo of an empty database
 *   (tests/bench/bench_pg.sh makes one). SCANS per station per run (default 200), ROUNDS
 *   (default 3) of the station counts (default 1 2 4 8), interleaved: 1 2 4 8 1 2 4 8 ...
 * Reported per station count: total scans/s and each station's p99 (the medians over the rounds),
 * and the ratio to one station alone measured in the same rounds. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"

#define MAX_STATIONS 16
#define PEOPLE 4 /* the visitors of one station's request */

static char tokens[MAX_STATIONS][PEOPLE][AKSES_TOKEN_BUF];

/* What a station sends back: when it started and ended, its errors, then SCANS latencies. */
struct head {
	double t0, t1;
	int errors;
};

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n > 0) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int read_all(int fd, void *p, size_t n)
{
	char *c = p;
	while (n > 0) {
		ssize_t r = read(fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

/* One station (a child process): its own connection, the start barrier, SCANS scans. */
static void station(const char *target, int k, int scans, int64_t escort, int go, int out)
{
	double *lat = calloc((size_t)scans, sizeof *lat);
	struct head h = {0, 0, 0};
	store *st = NULL;
	char station_name[32];
	snprintf(station_name, sizeof station_name, "Door %d", k + 1);
	/* a writer waits for the others' transactions as a door station would (5 s) */
	if (!lat || bench_open(target, 5000, &st) != AKSES_OK) {
		fprintf(stderr, "bench_doors: %s cannot open the store: %s\n", station_name,
		        store_open_errmsg());
		h.errors = scans;
	}
	char c;
	if (read(go, &c, 1) < 0) /* the barrier: the parent closes its end when all are open */
		h.errors = scans;
	h.t0 = bench_now_us();
	for (int i = 0; h.errors == 0 && i < scans; i++) {
		struct akses_scan_result r;
		double t = bench_now_us();
		akses_status rc = store_scan(st, tokens[k][i % PEOPLE], escort, station_name,
		                             SCAN_DIR_AUTO, &r);
		lat[i] = bench_now_us() - t;
		if (rc != AKSES_OK || r.decision == SCAN_DENIED) {
			if (h.errors++ == 0)
				fprintf(stderr, "bench_doors: %s, scan %d: %s (%d), decision %d: %s\n",
				        station_name, i, akses_status_message(rc), rc, (int)r.decision,
				        rc == AKSES_OK ? "" : store_errmsg(st));
		}
	}
	h.t1 = bench_now_us();
	store_close(st);
	int ok = write_all(out, &h, sizeof h) == 0 &&
	         (!lat || write_all(out, lat, (size_t)scans * sizeof *lat) == 0);
	free(lat);
	_exit(ok && h.errors == 0 ? 0 : 1);
}

/* One run of n stations at once: total scans/s and the worst station's p99 (ms); -1 on error. */
static int run(const char *target, int n, int scans, int64_t escort, double *rate, double *p99,
               double *med)
{
	int go[2], out[MAX_STATIONS][2];
	pid_t pid[MAX_STATIONS];
	if (pipe(go) != 0)
		return -1;
	for (int k = 0; k < n; k++) {
		if (pipe(out[k]) != 0)
			return -1;
		pid[k] = fork();
		if (pid[k] == 0) {
			close(go[1]);
			close(out[k][0]);
			station(target, k, scans, escort, go[0], out[k][1]);
		}
		close(out[k][1]);
	}
	close(go[0]);
	usleep(200 * 1000); /* let every station connect before the barrier opens */
	close(go[1]);
	double t0 = 0, t1 = 0, worst = 0, medsum = 0;
	int errors = 0;
	double *lat = malloc((size_t)scans * sizeof *lat);
	for (int k = 0; k < n; k++) {
		struct head h;
		if (!lat || read_all(out[k][0], &h, sizeof h) != 0 ||
		    read_all(out[k][0], lat, (size_t)scans * sizeof *lat) != 0) {
			errors++;
		} else {
			errors += h.errors;
			t0 = (k == 0 || h.t0 < t0) ? h.t0 : t0;
			t1 = (k == 0 || h.t1 > t1) ? h.t1 : t1;
			double q = bench_quantile(lat, scans, 0.99);
			worst = q > worst ? q : worst;
			medsum += bench_quantile(lat, scans, 0.5);
		}
		close(out[k][0]);
	}
	free(lat);
	for (int k = 0; k < n; k++) {
		int status;
		if (waitpid(pid[k], &status, 0) != pid[k] || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			errors++;
	}
	if (errors) {
		fprintf(stderr, "bench_doors: %d stations: %d scans failed or were denied\n", n, errors);
		return -1;
	}
	*rate = (double)n * scans / ((t1 - t0) / 1e6);
	*p99 = worst / 1000;
	*med = medsum / n / 1000;
	return 0;
}

/* The median of v[0..n), leaving v in its order (the rounds are printed as they came). */
static double median(const double *v, int n)
{
	double c[50];
	memcpy(c, v, (size_t)n * sizeof *c);
	return bench_quantile(c, n, 0.5);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_doors TARGET [SCANS] [ROUNDS] [STATIONS...]\n");
		return 2;
	}
	const char *target = argv[1];
	int scans = argc > 2 ? atoi(argv[2]) : 200, rounds = argc > 3 ? atoi(argv[3]) : 3;
	int counts[8] = {1, 2, 4, 8}, ncounts = 4;
	if (argc > 4) {
		ncounts = 0;
		for (int i = 4; i < argc && ncounts < 8; i++)
			counts[ncounts++] = atoi(argv[i]);
	}
	int most = 0;
	for (int i = 0; i < ncounts; i++)
		most = counts[i] > most ? counts[i] : most;
	if (scans < 2 || scans > 100000 || rounds < 1 || rounds > 50 || most > MAX_STATIONS) {
		fprintf(stderr, "bench_doors: SCANS 2..100000, ROUNDS 1..50, STATIONS 1..%d\n",
		        MAX_STATIONS);
		return 2;
	}
	for (int i = 0; i < ncounts; i++)
		if (counts[i] < 1) {
			fprintf(stderr, "bench_doors: STATIONS 1..%d\n", MAX_STATIONS);
			return 2;
		}

	/* the world: one recorded request of PEOPLE visitors per station, tokens issued */
	store *st = NULL;
	int64_t escort = 0;
	char number[AKSES_NUMBER_BUF];
	if (bench_world(target, "bench_doors", &st, &escort, number) != 0)
		return 1;
	setenv("AKSES_NOW", "2030-01-15 08:00", 1);
	struct tm tm = {.tm_year = 130, .tm_mon = 0, .tm_mday = 15, .tm_hour = 9, .tm_isdst = -1};
	akses_status rc = AKSES_OK;
	for (int k = 0; rc == AKSES_OK && k < most; k++) {
		char receipt[AKSES_TOKEN_BUF];
		int n = 0;
		rc = bench_request(st, (int64_t)mktime(&tm), PEOPLE, "0812-3456-7890", number, receipt);
		if (rc == AKSES_OK)
			rc = bench_tokens(st, number, receipt, tokens[k], PEOPLE, &n);
		if (rc == AKSES_OK && n != PEOPLE)
			rc = AKSES_E_IO;
	}
	setenv("AKSES_NOW", "2030-01-15 10:00", 1);
	store_close(st); /* the stations open their own connections; none is shared across fork */
	if (rc != AKSES_OK) {
		fprintf(stderr, "bench_doors: setting up the stations' passes failed: %s (%d)\n",
		        akses_status_message(rc), rc);
		bench_remove_db(target);
		return 1;
	}

	double rate[8][50], p99[8][50], med[8][50];
	int failed = 0;
	for (int r = 0; r < rounds && !failed; r++)
		for (int i = 0; i < ncounts && !failed; i++)
			failed = run(target, counts[i], scans, escort, &rate[i][r], &p99[i][r],
			             &med[i][r]) != 0;
	bench_remove_db(target);
	if (failed)
		return 1;
	printf("bench_doors: %d scans per station, %d rounds interleaved, on %s\n", scans, rounds,
	       store_is_server(target) ? "a PostgreSQL server (a connection per station)"
	                               : "one SQLite file (a process per station)");
	double base_rate = median(rate[0], rounds), base_p99 = median(p99[0], rounds);
	for (int i = 0; i < ncounts; i++) {
		double mr = median(rate[i], rounds), mp = median(p99[i], rounds);
		double mm = median(med[i], rounds);
		printf("  %2d stations  %8.1f scans/s total (rounds:", counts[i], mr);
		for (int r = 0; r < rounds; r++)
			printf(" %.0f", rate[i][r]);
		printf(")  median %6.2f ms  worst station p99 %7.2f ms   = %.2fx the rate, %.2fx the p99"
		       " of %d station%s\n",
		       mm, mp, mr / base_rate, mp / base_p99, counts[0], counts[0] == 1 ? "" : "s");
	}
	return 0;
}
