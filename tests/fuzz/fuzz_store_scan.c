/* fuzz_store_scan.c - the door's scan path (store_scan) on arbitrary token bytes, stations,
 * directions, escorts and times, against a real DB file with one recorded request (built once per
 * process). Anything that is not the pass's token must be recorded as DENIED unknown; the real
 * token (in any letter case, with spaces around it) must find its pass; a refused call records
 * nothing. */
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "fuzz.h"
#include "store.h"
#include "valid.h"

#define FZ_PIN "123456"
#define FZ_NAME "Nurul 'Aini"
#define FZ_RESET_EVERY 20000 /* runs between fresh copies of the DB, so it stays small */

static char fz_dir[256], fz_tmpl[300], fz_path[300];
static store *fz_st;
static int64_t fz_teknis, fz_teknis2, fz_admin;
static int64_t fz_pass_id;
static char fz_token[AKSES_TOKEN_BUF];
static char fz_number[AKSES_NUMBER_BUF];
static int64_t fz_last_scan_id;
static bool fz_inside; /* where the harness believes the pass's holder is */
static unsigned long fz_runs;

/* Setup failures are not findings of the fuzzer: say what failed and stop. */
static void fz_require(bool ok, const char *what, int rc)
{
	if (ok)
		return;
	fprintf(stderr, "fuzz_store_scan setup: %s failed: %d\n", what, rc);
	abort();
}

static void fz_unlink_db(const char *path)
{
	char side[320];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	snprintf(side, sizeof side, "%s.key", path);
	unlink(side);
}

static void fz_cleanup(void)
{
	if (fz_st)
		store_close(fz_st);
	fz_st = NULL;
	fz_unlink_db(fz_path);
	fz_unlink_db(fz_tmpl);
	rmdir(fz_dir);
}

static int64_t fz_staff(store *st, const char *name, akses_role role)
{
	int64_t id = 0;
	akses_status rc = store_staff_add(st, fz_admin, name, role, FZ_PIN, &id);
	fz_require(rc == AKSES_OK, name, rc);
	return id;
}

static int64_t fz_time(const char *when)
{
	int64_t t = 0;
	fz_require(clock_parse(when, &t) == AKSES_OK, when, -1);
	return t;
}

/* The template DB: staff of every role, one request taken to RECORDED with the escort assigned,
 * and a token for the applicant's pass. Closed afterwards, so the file holds everything. */
static void fz_build_template(void)
{
	store *st = NULL;
	akses_status rc = store_open(fz_tmpl, NULL, &st);
	fz_require(rc == AKSES_OK, "store_open", rc);
	rc = store_init_admin(st, "Admin Sistem", FZ_PIN, &fz_admin);
	fz_require(rc == AKSES_OK, "store_init_admin", rc);
	int64_t kadis = fz_staff(st, "Dr. Siti Rahmah", ROLE_KADIS);
	int64_t kabid = fz_staff(st, "Ir. Bambang Sutrisno", ROLE_KABID);
	int64_t koord = fz_staff(st, "Rina Koordinator", ROLE_KOORDINATOR);
	fz_teknis = fz_staff(st, "Andi Teknisi", ROLE_TIM_TEKNIS);
	fz_teknis2 = fz_staff(st, "Yusuf Teknisi", ROLE_TIM_TEKNIS);
	int64_t helpdesk = fz_staff(st, "Dewi Helpdesk", ROLE_HELPDESK);

	struct akses_request_input in;
	memset(&in, 0, sizeof in);
	in.name = FZ_NAME;
	in.nik = "1371014507900001";
	in.institution = "PT Awan Nusantara";
	in.phone = "0812-3456-7890";
	in.purpose_category = PURPOSE_MAINTENANCE;
	in.purpose = "Penggantian disk pada rak A3";
	in.start_at = fz_time("2026-12-01 08:30");
	in.end_at = fz_time("2026-12-01 10:30");
	in.consent = true;
	struct akses_submit_result res;
	akses_field f;
	int idx;
	rc = store_submit(st, &in, &res, &f, &idx);
	fz_require(rc == AKSES_OK, "store_submit", rc);
	snprintf(fz_number, sizeof fz_number, "%s", res.number);
	rc = store_act(st, fz_number, WF_DISPOSE_KADIS, kadis, NULL);
	fz_require(rc == AKSES_OK, "dispose kadis", rc);
	rc = store_act(st, fz_number, WF_DISPOSE_KABID, kabid, NULL);
	fz_require(rc == AKSES_OK, "dispose kabid", rc);
	rc = store_act(st, fz_number, WF_VERIFY, koord, "ok");
	fz_require(rc == AKSES_OK, "verify", rc);
	rc = store_act(st, fz_number, WF_APPROVE, kabid, NULL);
	fz_require(rc == AKSES_OK, "approve", rc);
	rc = store_assign(st, fz_number, koord, fz_teknis);
	fz_require(rc == AKSES_OK, "assign", rc);
	rc = store_act(st, fz_number, WF_RECORD, helpdesk, NULL);
	fz_require(rc == AKSES_OK, "record", rc);
	struct akses_pass *passes = NULL;
	int n = 0;
	rc = store_pass_list(st, fz_number, &passes, &n);
	fz_require(rc == AKSES_OK && n == 1, "store_pass_list", rc);
	fz_pass_id = passes[0].id;
	free(passes);
	rc = store_pass_token_visitor(st, fz_pass_id, res.receipt_token, fz_token);
	fz_require(rc == AKSES_OK, "store_pass_token_visitor", rc);
	store_close(st);
}

/* A fresh working copy of the template, opened (the pass outside, no scans yet). */
static void fz_open_copy(void)
{
	if (fz_st)
		store_close(fz_st);
	fz_st = NULL;
	fz_unlink_db(fz_path);
	FILE *in = fopen(fz_tmpl, "rb"), *out = fopen(fz_path, "wb");
	fz_require(in && out, "copy template", -1);
	char buf[65536];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, in)) > 0)
		fz_require(fwrite(buf, 1, got, out) == got, "copy template", -1);
	fclose(in);
	fclose(out);
	/* the copy's audit rows are keyed with the template's key (made next to it) */
	char key[sizeof fz_tmpl + 8];
	snprintf(key, sizeof key, "%s.key", fz_tmpl);
	struct store_options opt = {.pass_grace_min = -1, .scan_repeat_s = -1, .audit_key_path = key};
	akses_status rc = store_open(fz_path, &opt, &fz_st);
	fz_require(rc == AKSES_OK, "store_open copy", rc);
	fz_last_scan_id = 0;
	fz_inside = false;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_jakarta();
	setenv("AKSES_NOW", "2026-12-01 08:00", 1);
	const char *base = getenv("AKSES_TEST_TMP");
	if (!base || !*base)
		base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	mkdir(base, 0700);
	snprintf(fz_dir, sizeof fz_dir, "%s/fuzz-scan-XXXXXX", base);
	fz_require(mkdtemp(fz_dir) != NULL, "mkdtemp", -1);
	snprintf(fz_tmpl, sizeof fz_tmpl, "%s/template.db", fz_dir);
	snprintf(fz_path, sizeof fz_path, "%s/work.db", fz_dir);
	atexit(fz_cleanup);
	fz_build_template();
	fz_open_copy();
	return 0;
}

/* Is this token text the pass's token, as the store reads tokens (case, surrounding spaces)? */
static bool fz_is_real(const char *token)
{
	char canon[AKSES_TOKEN_BUF];
	return valid_token(token, canon) == AKSES_OK && strcmp(canon, fz_token) == 0;
}

/* Input: byte 0 steers (bits 0-1 direction, 3 = not a direction; bits 2-3 the escort: the
 * assigned one, another TIM_TEKNIS, the admin, nobody; bit 4: a station text follows, up to a
 * NUL; bit 5: the token is the real one, re-cased and padded by the following bytes), byte 1 the
 * clock (07:00 + 4 minutes a step), then the token bytes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (++fz_runs % FZ_RESET_EVERY == 0)
		fz_open_copy();
	uint8_t ctl = size > 0 ? data[0] : 0;
	uint8_t when = size > 1 ? data[1] : 0;
	size_t i = size < 2 ? size : 2;

	char now_text[32];
	int minutes = 7 * 60 + (when % 90) * 4; /* 07:00 .. 12:56 */
	snprintf(now_text, sizeof now_text, "2026-12-01 %02d:%02d", minutes / 60, minutes % 60);
	setenv("AKSES_NOW", now_text, 1);

	scan_direction dir = (scan_direction)(ctl & 3);
	static const int64_t unknown_id = 999999;
	int64_t escort = (ctl >> 2 & 3) == 0   ? fz_teknis
	                 : (ctl >> 2 & 3) == 1 ? fz_teknis2
	                 : (ctl >> 2 & 3) == 2 ? fz_admin
	                                       : unknown_id;
	char *station = NULL;
	if (ctl & 0x10) {
		size_t len = 0;
		while (i + len < size && data[i + len])
			len++;
		station = fuzz_cstr(data + i, len);
		i += len + (i + len < size);
	} else {
		station = fuzz_cstr((const uint8_t *)"DOOR-1", 6);
	}
	char *token;
	if (ctl & 0x20) {
		/* the real token: each following byte re-cases one letter or adds a space around */
		token = malloc(AKSES_TOKEN_LEN * 2 + size + 1);
		if (!token)
			abort();
		char mid[AKSES_TOKEN_BUF];
		memcpy(mid, fz_token, sizeof mid);
		size_t lead = 0, trail = 0;
		for (; i < size; i++) {
			uint8_t b = data[i];
			if (b < 0x80)
				mid[b % AKSES_TOKEN_LEN] ^=
				    (mid[b % AKSES_TOKEN_LEN] >= 'A') ? 0x20 : 0;
			else if (b < 0xC0)
				lead++;
			else
				trail++;
		}
		memset(token, ' ', lead);
		memcpy(token + lead, mid, AKSES_TOKEN_LEN);
		memset(token + lead + AKSES_TOKEN_LEN, '\t', trail);
		token[lead + AKSES_TOKEN_LEN + trail] = '\0';
	} else {
		token = fuzz_cstr(data + i, size - i);
	}

	struct akses_scan_result r;
	memset(&r, 0x5A, sizeof r);
	akses_status st = store_scan(fz_st, token, escort, station, dir, &r);
	bool real = fz_is_real(token);

	if (dir > SCAN_DIR_OUT ||
	    valid_text(station, AKSES_STATION_CHARS, false, false) != AKSES_OK) {
		FUZZ_CHECK(st == AKSES_E_INVALID_ARG);
	} else if (escort == unknown_id) {
		FUZZ_CHECK(st == AKSES_E_STAFF_NOT_FOUND);
		FUZZ_CHECK(r.scan_id == 0 && r.pass_id == 0);
	} else {
		FUZZ_CHECK(st == AKSES_OK);
		FUZZ_CHECK(r.scan_id > fz_last_scan_id); /* recorded, as a new row */
		fz_last_scan_id = r.scan_id;
		FUZZ_CHECK((r.decision == SCAN_DENIED) == (r.reason != DENY_NONE));
		FUZZ_CHECK(r.reason >= DENY_NONE && r.reason < DENY_COUNT);
		if (!real) {
			FUZZ_CHECK(r.decision == SCAN_DENIED && r.reason == DENY_UNKNOWN);
			FUZZ_CHECK(r.pass_id == 0 && !r.number[0] && !r.name[0] && !r.overstay);
		} else {
			FUZZ_CHECK(r.pass_id == fz_pass_id && r.reason != DENY_UNKNOWN);
			FUZZ_CHECK(!strcmp(r.number, fz_number) && !strcmp(r.name, FZ_NAME));
			if (escort != fz_teknis)
				FUZZ_CHECK(r.reason == DENY_WRONG_ESCORT);
			if (r.decision == SCAN_ENTRY) {
				FUZZ_CHECK(!fz_inside);
				fz_inside = true;
			} else if (r.decision == SCAN_EXIT) {
				FUZZ_CHECK(fz_inside);
				fz_inside = false;
			}
		}
	}
	free(token);
	free(station);
	return 0;
}
