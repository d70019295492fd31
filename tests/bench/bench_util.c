/* bench_util.c - what the benchmarks share: a monotonic clock, quantiles, removing a scratch DB,
 * and a store with one request of BENCH_PEOPLE people recorded and printable. */
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

double bench_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double bench_quantile(double *v, int n, double q)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	int rank = (int)(q * n + 0.999999);
	if (rank < 1)
		rank = 1;
	return v[rank - 1];
}

void bench_remove_db(const char *path)
{
	char side[4200];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

char bench_receipt[AKSES_TOKEN_BUF];

int bench_world(const char *path, const char *prog, store **out, int64_t *escort,
                char number[AKSES_NUMBER_BUF])
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
	bench_remove_db(path);
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
		rc = store_staff_add(st, admin, "Teknisi", ROLE_TIM_TEKNIS, BENCH_PIN, &teknis);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, admin, "Helpdesk", ROLE_HELPDESK, BENCH_PIN, &helpdesk);
	struct akses_request_input in;
	memset(&in, 0, sizeof in);
	in.name = "Nurul 'Aini";
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
		/* 2030-01-15 09:00 to 20:00 local: one hour and twelve after the pinned 08:00 */
		struct tm tm = {
		    .tm_year = 130, .tm_mon = 0, .tm_mday = 15, .tm_hour = 9, .tm_isdst = -1};
		in.start_at = (int64_t)mktime(&tm);
		in.end_at = in.start_at + 11 * 3600;
		rc = store_submit(st, &in, &res, &f, &idx);
		if (rc == AKSES_OK)
			snprintf(bench_receipt, sizeof bench_receipt, "%s", res.receipt_token);
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
		fprintf(stderr, "%s: setting up the store failed: %s (%d) %s\n", prog,
		        akses_status_message(rc), rc, st ? store_errmsg(st) : "");
		store_close(st);
		return -1;
	}
	setenv("AKSES_NOW", "2030-01-15 10:00", 1);
	*out = st;
	if (escort)
		*escort = teknis;
	snprintf(number, AKSES_NUMBER_BUF, "%s", res.number);
	return 0;
}
