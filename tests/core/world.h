/* world.h - a ready store for the Check suites: a fresh DB with one staff member per role (PIN
 * "123456"), the clock pinned to 2026-12-01 08:00, and helpers that submit and drive requests. */
#ifndef AKSES_WORLD_H
#define AKSES_WORLD_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "store.h"

#define WORLD_NOW "2026-12-01 08:00"
#define WORLD_PIN "123456"
#define WORLD_PHONE "0812-3456-7890" /* the applicant's phone as typed */
#define WORLD_PHONE_LAST4 "7890"
#define WORLD_NAME "Nurul 'Aini"
#define WORLD_NIK "1371014507900001"

struct db; /* db.h: kept out of here, its typedef would shadow the suites' own "db" */

struct world {
	store *st;
	int64_t admin, kadis, kabid, koord, teknis, teknis2, helpdesk;
	char path[256];
};

/* Build the template DB once in this process (staff hashing costs ~0.1 s per PIN). Optional: call
 * it from main before srunner_run so that forked tests copy it instead of each building one. */
void world_init(void);

/* A fresh DB (a copy of the template) opened in w->st, clock pinned to WORLD_NOW. */
void world_open(struct world *w);

/* Close the store and delete the DB file (and its -wal/-shm). */
void world_close(struct world *w);

/* Submit a valid request for the window [start, end] ("YYYY-MM-DD HH:MM" local) with
 * n_companions companions; the number goes to number. ck_asserts success. */
void world_submit(struct world *w, const char *start, const char *end, int n_companions,
                  char number[AKSES_NUMBER_BUF]);

/* The receipt token of a request this process submitted ("" when unknown); world_submit keeps
 * them, a test that submits by itself may keep one with world_keep_receipt. */
const char *world_receipt(const char *number);
void world_keep_receipt(const char *number, const char *token);

/* The pass with this id as store_pass_list gives it; AKSES_E_PASS_NOT_FOUND if none. */
akses_status world_pass(struct world *w, int64_t pass_id, struct akses_pass *out);

/* store_audit_check without an anchor, as the suites ask it: the rows walked and the first bad
 * row (either pointer may be NULL). */
akses_status world_audit_verify(store *st, int64_t *n_rows, int64_t *bad_id);

/* store_print_begin_dest to a CUPS queue (not a file). */
akses_status world_print_begin(store *st, const char *kind, const char *number, int64_t pass_id,
                               int64_t staff_id, bool reprint, const char *queue,
                               int64_t *job_id_out);

/* The visitor's own first print of a pass: store_pass_token_visitor with the request's receipt. */
akses_status world_visitor_token(struct world *w, int64_t pass_id, char token[AKSES_TOKEN_BUF]);

/* Companion i (0 .. AKSES_MAX_COMPANIONS - 1) of the world's group: a name and a distinct,
 * structurally valid NIK (static strings). */
const char *world_companion_name(int i);
const char *world_companion_nik(int i);

/* Fill in with the same valid request world_submit uses (strings are static; the caller may
 * change fields before submitting). */
void world_input(struct akses_request_input *in, const char *start, const char *end,
                 int n_companions);

/* Drive a request along the YES branch with the right staff until it reaches target (at most
 * RS_RECORDED): dispose (Kadis), dispose (Kabid), verify, approve, assign w->teknis, record.
 * ck_asserts each step. */
void world_advance(struct world *w, const char *number, req_state target);

/* The request's current state (ck_asserts it exists). */
req_state world_state(struct world *w, const char *number);

/* Every row of every table of the world's DB as one text (malloc'd; the caller frees), read
 * through a second connection: compare two dumps to prove an action left the DB unchanged. */
char *world_dump(struct world *w);
/* The same without one table (e.g. "lookup_attempt": a refused try is recorded, nothing else). */
char *world_dump_except(struct world *w, const char *skip);

/* One integer from a SQL query on the world's DB through a second connection (e.g. a count). */
int64_t world_int(struct world *w, const char *sql);
/* The same with text bound to ?1 (NULL: nothing bound). */
int64_t world_int_text(struct world *w, const char *sql, const char *text);
/* A second connection to the world's DB, as another station or process has it: the file
 * (read-only unless write) or the server's database. The caller closes it with db_close. */
struct db *world_db(struct world *w, bool write);
/* Run SQL (one or more statements, no parameters) through a second writable connection. */
void world_exec(struct world *w, const char *sql);

#endif
