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

char bench_receipt[AKSES_TOKEN_BUF];
struct bench_staff bench_staff;

/* A server database's audit key file: in $TMPDIR (or /tmp), named for the process that first
 * asked (a station forked from it shares the key, as stations share one) and the target, so two
 * databases open at once have their own. */
static void key_path(const char *target, char *buf, size_t n)
{
	static pid_t owner;
	if (!owner)
		owner = getpid();
	unsigned long h = 5381;
	for (const char *p = target; *p; p++)
		h = h * 33 + (unsigned char)*p;
	snprintf(buf, n, "%s/akses-bench-%ld-%lx.key", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
	         (long)owner, h);
}

akses_status bench_open(const char *target, int busy_ms, store **out)
{
	char key[4200]; /* store_open copies the path */
	struct store_options opt = {
	    .pass_grace_min = 15, .scan_repeat_s = 0, .busy_timeout_ms = busy_ms};
	if (store_is_server(target)) {
		key_path(target, key, sizeof key);
		opt.audit_key_path = key;
	}
	return store_open(target, &opt, out);
}

void bench_remove_db(const char *target)
{
	char side[4200];
	if (store_is_server(target)) {
		/* the database itself is the caller's (bench_pg.sh drops it); the key is ours */
		key_path(target, side, sizeof side);
		unlink(side);
		return;
	}
	unlink(target);
	snprintf(side, sizeof side, "%s-wal", target);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", target);
	unlink(side);
	snprintf(side, sizeof side, "%s.key", target);
	unlink(side);
}

akses_status bench_request(store *st, int64_t start_at, int people, const char *phone,
                           char number[AKSES_NUMBER_BUF], char receipt[AKSES_TOKEN_BUF])
{
	return bench_request_to(st, start_at, people, phone, true, number, receipt);
}

akses_status bench_request_to(store *st, int64_t start_at, int people, const char *phone,
                              bool record, char number[AKSES_NUMBER_BUF],
                              char receipt[AKSES_TOKEN_BUF])
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
	if (people < 1 || people > BENCH_PEOPLE)
		return AKSES_E_INVALID_ARG;
	struct akses_request_input in;
	memset(&in, 0, sizeof in);
	in.name = "Nurul 'Aini";
	in.nik = "1371014507900001";
	in.institution = "PT Awan Nusantara";
	in.phone = phone;
	in.purpose_category = PURPOSE_MAINTENANCE;
	in.purpose = "Benchmark";
	in.consent = true;
	in.n_companions = people - 1;
	for (int i = 0; i < people - 1; i++) {
		in.companion_name[i] = names[i];
		in.companion_nik[i] = niks[i];
	}
	in.start_at = start_at;
	in.end_at = start_at + 11 * 3600;
	struct akses_submit_result res;
	akses_field f;
	int idx;
	akses_status rc = store_submit(st, &in, &res, &f, &idx);
	const struct {
		wf_action a;
		int64_t *who;
	} steps[] = {{WF_DISPOSE_KADIS, &bench_staff.kadis},
	             {WF_DISPOSE_KABID, &bench_staff.kabid},
	             {WF_VERIFY, &bench_staff.koord},
	             {WF_APPROVE, &bench_staff.kabid}};
	for (size_t i = 0; record && rc == AKSES_OK && i < sizeof steps / sizeof steps[0]; i++)
		rc = store_act(st, res.number, steps[i].a, *steps[i].who, NULL);
	if (record && rc == AKSES_OK)
		rc = store_assign(st, res.number, bench_staff.koord, bench_staff.teknis);
	if (record && rc == AKSES_OK)
		rc = store_act(st, res.number, WF_RECORD, bench_staff.helpdesk, NULL);
	if (rc == AKSES_OK) {
		snprintf(number, AKSES_NUMBER_BUF, "%s", res.number);
		if (receipt)
			snprintf(receipt, AKSES_TOKEN_BUF, "%s", res.receipt_token);
	}
	return rc;
}

akses_status bench_tokens(store *st, const char *number, const char *receipt,
                          char (*tokens)[AKSES_TOKEN_BUF], int max, int *n)
{
	struct akses_pass *p = NULL;
	int np = 0;
	akses_status rc = store_pass_list(st, number, &p, &np);
	for (int i = 0; rc == AKSES_OK && i < np && i < max; i++)
		rc = store_pass_token_visitor(st, p[i].id, receipt, tokens[i]);
	free(p);
	*n = np < max ? np : max;
	return rc;
}

akses_status bench_staff_make(store *st)
{
	struct bench_staff *b = &bench_staff;
	akses_status rc = store_init_admin(st, "Admin", BENCH_PIN, &b->admin);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, b->admin, "Kadis", ROLE_KADIS, BENCH_PIN, &b->kadis);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, b->admin, "Kabid", ROLE_KABID, BENCH_PIN, &b->kabid);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, b->admin, "Koordinator", ROLE_KOORDINATOR, BENCH_PIN,
		                     &b->koord);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, b->admin, "Teknisi", ROLE_TIM_TEKNIS, BENCH_PIN, &b->teknis);
	if (rc == AKSES_OK)
		rc = store_staff_add(st, b->admin, "Helpdesk", ROLE_HELPDESK, BENCH_PIN,
		                     &b->helpdesk);
	return rc;
}

int bench_world(const char *path, const char *prog, store **out, int64_t *escort,
                char number[AKSES_NUMBER_BUF])
{
	bench_remove_db(path);
	setenv("AKSES_NOW", "2030-01-15 08:00", 1);
	store *st = NULL;
	akses_status rc = bench_open(path, 0, &st);
	if (rc == AKSES_OK)
		rc = bench_staff_make(st);
	/* 2030-01-15 09:00 to 20:00 local: one hour and twelve after the pinned 08:00 */
	struct tm tm = {.tm_year = 130, .tm_mon = 0, .tm_mday = 15, .tm_hour = 9, .tm_isdst = -1};
	if (rc == AKSES_OK)
		rc = bench_request(st, (int64_t)mktime(&tm), BENCH_PEOPLE, "0812-3456-7890", number,
		                   bench_receipt);
	if (rc != AKSES_OK) {
		fprintf(stderr, "%s: setting up the store failed: %s (%d) %s%s\n", prog,
		        akses_status_message(rc), rc, st ? store_errmsg(st) : "",
		        st ? "" : store_open_errmsg());
		store_close(st);
		return -1;
	}
	setenv("AKSES_NOW", "2030-01-15 10:00", 1);
	*out = st;
	if (escort)
		*escort = bench_staff.teknis;
	return 0;
}
