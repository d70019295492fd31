/* world.c - a fresh store with one staff member per role for the Check suites, and helpers to
 * submit a valid request and drive it along the SOP's YES branch. */
#include "world.h"

#include <check.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "db_pg.h"
#include "db_sqlite.h"
#include "testutil.h"
#include "wf.h"

/* The template: a DB with the staff already hashed, copied byte for byte into each world. Ids are
 * the same in every copy. */
static char tmpl_path[256];
static pid_t tmpl_owner;
static struct world tmpl_ids;

static void world_drop_template(void)
{
	/* forked Check children run atexit handlers too: only the builder removes the file */
	if (tmpl_path[0] && getpid() == tmpl_owner) {
		char key[300];
		unlink(tmpl_path);
		snprintf(key, sizeof key, "%s.key", tu_db_on_server() ? tu_db_name(tmpl_path) : tmpl_path);
		unlink(key);
		if (tu_db_on_server())
			tu_db_drop(tmpl_path);
	}
}

/* world_init may run in main, outside any test, where ck_assert cannot report: say why and stop. */
static void world_require(bool ok, const char *what, int rc)
{
	if (ok)
		return;
	fprintf(stderr, "world_init: %s failed: %d\n", what, rc);
	abort();
}

/* Add one staff member of a role with WORLD_PIN; returns the id. */
static int64_t world_staff(store *st, int64_t admin, const char *name, akses_role role)
{
	int64_t id = 0;
	akses_status rc = store_staff_add(st, admin, name, role, WORLD_PIN, &id);
	world_require(rc == AKSES_OK, name, rc);
	return id;
}

void world_init(void)
{
	if (tmpl_path[0])
		return;
	tu_set_now(WORLD_NOW);
	char path[256];
	tu_db_path(path, sizeof path);
	store *st = NULL;
	akses_status rc = store_open(path, NULL, &st);
	world_require(rc == AKSES_OK, "store_open", rc);
	struct world *w = &tmpl_ids;
	rc = store_init_admin(st, "Admin Sistem", WORLD_PIN, &w->admin);
	world_require(rc == AKSES_OK, "store_init_admin", rc);
	w->kadis = world_staff(st, w->admin, "Dr. Siti Rahmah", ROLE_KADIS);
	w->kabid = world_staff(st, w->admin, "Ir. Bambang Sutrisno", ROLE_KABID);
	w->koord = world_staff(st, w->admin, "Rina Koordinator", ROLE_KOORDINATOR);
	w->teknis = world_staff(st, w->admin, "Andi Teknisi", ROLE_TIM_TEKNIS);
	w->teknis2 = world_staff(st, w->admin, "Yusuf Teknisi", ROLE_TIM_TEKNIS);
	w->helpdesk = world_staff(st, w->admin, "Dewi Helpdesk", ROLE_HELPDESK);
	/* closing the last connection checkpoints the WAL into the main file */
	store_close(st);
	snprintf(tmpl_path, sizeof tmpl_path, "%s", path);
	tmpl_owner = getpid();
	atexit(world_drop_template);
}

/* Copy the template file to path, created 0600 like the store would. */
static void world_copy(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	ck_assert_msg(in >= 0, "open template %s", from);
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	ck_assert_msg(out >= 0, "create %s", to);
	char buf[65536];
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		ck_assert(write(out, buf, (size_t)n) == n);
	ck_assert(n == 0);
	close(in);
	close(out);
}

void world_open(struct world *w)
{
	world_init();
	tu_set_now(WORLD_NOW);
	*w = tmpl_ids;
	w->st = NULL;
	/* and its audit key (the store's default place: next to the DB; a server's database's in
	 * the working folder, named after the database) */
	char from_key[300], to_key[300];
	if (tu_db_on_server()) {
		tu_db_clone(tmpl_path, w->path, sizeof w->path);
		snprintf(from_key, sizeof from_key, "%s.key", tu_db_name(tmpl_path));
		snprintf(to_key, sizeof to_key, "%s.key", tu_db_name(w->path));
	} else {
		tu_db_path(w->path, sizeof w->path);
		world_copy(tmpl_path, w->path);
		snprintf(from_key, sizeof from_key, "%s.key", tmpl_path);
		snprintf(to_key, sizeof to_key, "%s.key", w->path);
	}
	world_copy(from_key, to_key);
	akses_status rc = store_open(w->path, NULL, &w->st);
	ck_assert_msg(rc == AKSES_OK, "store_open %s: %d", w->path, rc);
}

void world_close(struct world *w)
{
	if (w->st)
		store_close(w->st);
	w->st = NULL;
	if (w->path[0]) {
		char side[300];
		unlink(w->path);
		snprintf(side, sizeof side, "%s-wal", w->path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", w->path);
		unlink(side);
		snprintf(side, sizeof side, "%s.key", w->path);
		unlink(side);
		if (tu_db_on_server()) {
			snprintf(side, sizeof side, "%s.key", tu_db_name(w->path));
			unlink(side);
			tu_db_drop(w->path);
		}
	}
	w->path[0] = '\0';
}

static const char *const companion_names[] = {
    "Ni Luh Putu Ayu", "José Ramos", "Ḥasan al-Banna", "Made Wirawan", "Siti Nurhaliza",
    "Budi Santoso",    "Agus Salim", "Rudi Hartono",   "Lestari Dewi", "Teguh Prakoso",
};
/* distinct, structurally valid NIKs (men: day 12, women: day 52) */
static const char *const companion_niks[] = {
    "1371015203950002", "1371011203850003", "3171010101800004", "5171022308880005",
    "1371015506920006", "3273010304790007", "3578011109830008", "1271010512870009",
    "6371016701930010", "7371012002810011",
};
#define WORLD_NAMED ((int)(sizeof companion_names / sizeof companion_names[0]))

/* Companion i of a group (0-based): the named ten first, then "Peserta Rombongan 11".. with
 * NIKs 3171011505900011.. (a man born 15-05-1990; the serial is i + 1), up to a group of
 * AKSES_MAX_PEOPLE. */
const char *world_companion_name(int i)
{
	static char names[AKSES_MAX_COMPANIONS][40];
	ck_assert(i >= 0 && i < AKSES_MAX_COMPANIONS);
	if (i < WORLD_NAMED)
		return companion_names[i];
	snprintf(names[i], sizeof names[i], "Peserta Rombongan %d", i + 1);
	return names[i];
}

const char *world_companion_nik(int i)
{
	static char niks[AKSES_MAX_COMPANIONS][AKSES_NIK_LEN + 1];
	ck_assert(i >= 0 && i < AKSES_MAX_COMPANIONS);
	if (i < WORLD_NAMED)
		return companion_niks[i];
	snprintf(niks[i], sizeof niks[i], "317101150590%04d", i + 1);
	return niks[i];
}

static const char *const equipment[] = {"Laptop Lenovo T14 (SN 7788)", "Hard disk 4 TB x2"};

void world_input(struct akses_request_input *in, const char *start, const char *end,
                 int n_companions)
{
	ck_assert(n_companions >= 0 && n_companions <= AKSES_MAX_COMPANIONS);
	memset(in, 0, sizeof *in);
	in->name = WORLD_NAME;
	in->nik = WORLD_NIK;
	in->institution = "PT Awan Nusantara";
	in->phone = WORLD_PHONE;
	in->email = "nurul.aini@example.co.id";
	in->purpose_category = PURPOSE_MAINTENANCE;
	in->purpose = "Penggantian disk pada rak A3";
	in->start_at = tu_time(start);
	in->end_at = tu_time(end);
	in->n_companions = n_companions;
	for (int i = 0; i < n_companions; i++) {
		in->companion_name[i] = world_companion_name(i);
		in->companion_nik[i] = world_companion_nik(i);
	}
	in->n_equipment = 2;
	in->equipment[0] = equipment[0];
	in->equipment[1] = equipment[1];
	in->consent = true;
	in->form_started_at = clock_now() - 120;
}

void world_submit(struct world *w, const char *start, const char *end, int n_companions,
                  char number[AKSES_NUMBER_BUF])
{
	struct akses_request_input in;
	struct akses_submit_result res;
	akses_field f = AKSES_F_NONE;
	int idx = 0;
	world_input(&in, start, end, n_companions);
	akses_status rc = store_submit(w->st, &in, &res, &f, &idx);
	ck_assert_msg(rc == AKSES_OK, "submit: %d (field %d index %d)", rc, f, idx);
	snprintf(number, AKSES_NUMBER_BUF, "%s", res.number);
	world_keep_receipt(res.number, res.receipt_token);
}

/* The receipt tokens of the requests this process submitted (the visitor's proof for printing). */
static struct {
	char number[AKSES_NUMBER_BUF];
	char token[AKSES_TOKEN_BUF];
} world_receipts[256];
static int world_n_receipts;

void world_keep_receipt(const char *number, const char *token)
{
	int i = world_n_receipts < 256 ? world_n_receipts++ : 255;
	snprintf(world_receipts[i].number, sizeof world_receipts[i].number, "%s", number);
	snprintf(world_receipts[i].token, sizeof world_receipts[i].token, "%s", token);
}

const char *world_receipt(const char *number)
{
	for (int i = world_n_receipts - 1; i >= 0; i--)
		if (strcmp(world_receipts[i].number, number) == 0)
			return world_receipts[i].token;
	return "";
}

static sqlite3 *world_side(struct world *w);
static db *world_side_db(struct world *w);

akses_status world_pass(struct world *w, int64_t pass_id, struct akses_pass *out)
{
	/* the store lists passes by request: find the pass's request number beside it */
	db *d = world_side_db(w);
	db_stmt *s = NULL;
	char number[AKSES_NUMBER_BUF] = "";
	ck_assert_int_eq(db_prepare(d,
	                            "SELECT r.number FROM pass p JOIN request r"
	                            " ON r.id = p.request_id WHERE p.id = ?1",
	                            &s),
	                 DB_OK);
	db_bind_int64(s, 1, pass_id);
	if (db_step(s) == DB_ROW)
		snprintf(number, sizeof number, "%s", db_col_text(s, 0));
	db_finalize(s);
	db_close(d);
	if (!number[0])
		return AKSES_E_PASS_NOT_FOUND;
	struct akses_pass *list = NULL;
	int n = 0;
	akses_status rc = store_pass_list(w->st, number, &list, &n);
	if (rc != AKSES_OK)
		return rc;
	rc = AKSES_E_PASS_NOT_FOUND;
	for (int i = 0; i < n; i++)
		if (list[i].id == pass_id) {
			*out = list[i];
			rc = AKSES_OK;
		}
	free(list);
	return rc;
}

akses_status world_visitor_token(struct world *w, int64_t pass_id, char token[AKSES_TOKEN_BUF])
{
	struct akses_pass p;
	akses_status rc = world_pass(w, pass_id, &p);
	if (rc != AKSES_OK)
		return rc;
	return store_pass_token_visitor(w->st, pass_id, world_receipt(p.number), token);
}

req_state world_state(struct world *w, const char *number)
{
	struct akses_request *r = malloc(sizeof *r);
	ck_assert(r != NULL);
	akses_status rc = store_request_get(w->st, number, r);
	ck_assert_msg(rc == AKSES_OK, "request_get %s: %d", number, rc);
	req_state s = r->state;
	free(r);
	return s;
}

void world_advance(struct world *w, const char *number, req_state target)
{
	ck_assert_msg(target >= RS_SUBMITTED && target <= RS_RECORDED && target != RS_REJECTED,
	              "world_advance goes along the YES branch up to RS_RECORDED");
	for (;;) {
		req_state s = world_state(w, number);
		if (s == target)
			return;
		akses_status rc;
		switch (s) {
		case RS_SUBMITTED:
			rc = store_act(w->st, number, WF_DISPOSE_KADIS, w->kadis, NULL);
			break;
		case RS_DISPOSED_KADIS:
			rc = store_act(w->st, number, WF_DISPOSE_KABID, w->kabid, NULL);
			break;
		case RS_DISPOSED_KABID:
			rc = store_act(w->st, number, WF_VERIFY, w->koord, "Dokumen lengkap");
			break;
		case RS_VERIFIED:
			rc = store_act(w->st, number, WF_APPROVE, w->kabid, NULL);
			break;
		case RS_APPROVED:
			rc = store_assign(w->st, number, w->koord, w->teknis);
			break;
		case RS_ASSIGNED:
			rc = store_act(w->st, number, WF_RECORD, w->helpdesk, NULL);
			break;
		default:
			ck_abort_msg("world_advance: %s is past %s", wf_state_code(s),
			             wf_state_code(target));
			return;
		}
		ck_assert_msg(rc == AKSES_OK, "advance %s from %s: %d", number, wf_state_code(s),
		              rc);
	}
}

/* Growable text for world_dump. */
struct world_buf {
	char *p;
	size_t len, cap;
};

static void world_put(struct world_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (b->len + n + 1 > cap)
			cap *= 2;
		b->p = realloc(b->p, cap);
		ck_assert(b->p != NULL);
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static sqlite3 *world_side(struct world *w)
{
	sqlite3 *sq = NULL;
	ck_assert_msg(sqlite3_open_v2(w->path, &sq, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK,
	              "open %s", w->path);
	sqlite3_busy_timeout(sq, 5000);
	return sq;
}

/* The second connection through db.h: the world's file read-only, or its server database. */
static db *world_side_db(struct world *w)
{
	return world_db(w, false);
}

db *world_db(struct world *w, bool write)
{
	db *d = NULL;
	char err[256] = "";
	if (tu_db_on_server()) {
		ck_assert_msg(db_pg_open(w->path, NULL, &d, err, sizeof err) == DB_OK, "%s", err);
		return d;
	}
	ck_assert_msg(db_sqlite_open(w->path, write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY,
	                             &d) == DB_OK,
	              "open %s", w->path);
	sqlite3_busy_timeout(db_sqlite_handle(d), 5000); /* the world's own store may be writing */
	return d;
}

void world_exec(struct world *w, const char *sql)
{
	db *d = world_db(w, true);
	ck_assert_msg(db_exec(d, sql) == DB_OK, "%s: %s", sql, db_errmsg(d));
	db_close(d);
}

/* world_dump on a server: each table's rows as PostgreSQL writes a whole row, in key order. */
static char *world_dump_server(struct world *w, const char *skip)
{
	db *d = world_side_db(w);
	struct world_buf b = {0};
	ck_assert_int_eq(db_begin_read(d), DB_OK);
	db_stmt *tables = NULL;
	ck_assert_int_eq(db_prepare(d,
	                            "SELECT table_name FROM information_schema.tables"
	                            " WHERE table_schema = 'public' ORDER BY 1",
	                            &tables),
	                 DB_OK);
	while (db_step(tables) == DB_ROW) {
		const char *name = db_col_text(tables, 0);
		if (skip && strcmp(name, skip) == 0)
			continue;
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT t::text FROM \"%s\" t ORDER BY 1", name);
		world_put(&b, "## ", 3);
		world_put(&b, name, strlen(name));
		world_put(&b, "\n", 1);
		db_stmt *rows = NULL;
		ck_assert_msg(db_prepare(d, sql, &rows) == DB_OK, "%s", sql);
		while (db_step(rows) == DB_ROW) {
			world_put(&b, db_col_text(rows, 0), strlen(db_col_text(rows, 0)));
			world_put(&b, "\n", 1);
		}
		db_finalize(rows);
	}
	db_finalize(tables);
	db_commit(d);
	db_close(d);
	if (!b.p)
		world_put(&b, "", 0);
	return b.p;
}

char *world_dump(struct world *w)
{
	return world_dump_except(w, NULL);
}

char *world_dump_except(struct world *w, const char *skip)
{
	if (tu_db_on_server())
		return world_dump_server(w, skip);
	sqlite3 *sq = world_side(w);
	struct world_buf b = {0};
	sqlite3_stmt *tables = NULL;
	ck_assert(sqlite3_prepare_v2(sq,
	                             "SELECT name FROM sqlite_master WHERE type = 'table'"
	                             " ORDER BY name",
	                             -1, &tables, NULL) == SQLITE_OK);
	sqlite3_exec(sq, "BEGIN", NULL, NULL, NULL);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		if (skip && strcmp(name, skip) == 0)
			continue;
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY rowid", name);
		world_put(&b, "## ", 3);
		world_put(&b, name, strlen(name));
		world_put(&b, "\n", 1);
		sqlite3_stmt *rows = NULL;
		ck_assert_msg(sqlite3_prepare_v2(sq, sql, -1, &rows, NULL) == SQLITE_OK, "%s", sql);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(rows); c++) {
				/* blobs as their bytes, NULL distinct from "" */
				int type = sqlite3_column_type(rows, c);
				const void *v = sqlite3_column_blob(rows, c);
				int n = sqlite3_column_bytes(rows, c);
				if (type == SQLITE_NULL) {
					world_put(&b, "<null>", 6);
				} else if (type == SQLITE_BLOB) {
					for (int i = 0; i < n; i++) {
						char hex[3];
						snprintf(hex, sizeof hex, "%02x",
						         ((const unsigned char *)v)[i]);
						world_put(&b, hex, 2);
					}
				} else if (v) {
					world_put(&b, v, (size_t)n);
				}
				world_put(&b, "|", 1);
			}
			world_put(&b, "\n", 1);
		}
		sqlite3_finalize(rows);
	}
	sqlite3_exec(sq, "COMMIT", NULL, NULL, NULL);
	sqlite3_finalize(tables);
	sqlite3_close(sq);
	if (!b.p)
		world_put(&b, "", 0);
	return b.p;
}

int64_t world_int(struct world *w, const char *sql)
{
	return world_int_text(w, sql, NULL);
}

int64_t world_int_text(struct world *w, const char *sql, const char *text)
{
	db *d = world_side_db(w);
	db_stmt *s = NULL;
	ck_assert_msg(db_prepare(d, sql, &s) == DB_OK, "%s: %s", sql, db_errmsg(d));
	if (text)
		db_bind_text(s, 1, text);
	ck_assert_msg(db_step(s) == DB_ROW, "no row: %s: %s", sql, db_errmsg(d));
	int64_t v = db_col_int64(s, 0);
	db_finalize(s);
	db_close(d);
	return v;
}

akses_status world_audit_verify(store *st, int64_t *n_rows, int64_t *bad_id)
{
	struct store_audit_result r;
	akses_status rc = store_audit_check(st, NULL, &r);
	if (n_rows)
		*n_rows = r.rows; /* on a break: the rows before it */
	if (bad_id)
		*bad_id = r.bad_id;
	return rc;
}

akses_status world_print_begin(store *st, const char *kind, const char *number, int64_t pass_id,
                               int64_t staff_id, bool reprint, const char *queue,
                               int64_t *job_id_out)
{
	return store_print_begin_dest(st, kind, number, pass_id, staff_id, reprint, queue, false,
	                              job_id_out);
}
