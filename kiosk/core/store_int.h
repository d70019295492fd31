/* store_int.h - what the store_*.c files share: the handle, transactions, statement helpers and the
 * audit append. Not for use outside kiosk/core/store*.c. */
#ifndef AKSES_STORE_INT_H
#define AKSES_STORE_INT_H

#include <limits.h>
#include <stdbool.h>

#include <sys/types.h>

#include "db.h"
#include "store.h"

struct store {
	db *db; /* the connection (db.h): SQLite here, PostgreSQL with db_pg.c */
	struct store_options opt;
	char errmsg[256];
	int64_t busy_since_ms; /* when the current wait for a lock began (store_busy) */
	/* the audit key (store_audit_key.c): loaded at open when its file exists */
	char akey_path[4096];
	unsigned char akey[32];
	int64_t akey_from; /* the first audit row id that must be keyed */
	bool akey_loaded;

	char path[PATH_MAX];   /* as opened: store_still_same looks at it again */
	dev_t dev;             /* the opened file's device and inode */
	ino_t ino;
	bool read_only;        /* opened read-only on a read-only file system */
};

/* Map the connection's last error (db_errclass) to a status (DB_E_BUSY -> AKSES_E_BUSY, NOMEM,
 * CORRUPT -> AKSES_E_DB_CORRUPT, FULL -> AKSES_E_DISK_FULL, REPLACED, READ_ONLY, else
 * AKSES_E_IO) and remember db_errmsg for store_errmsg. rc is what the failing db_* call returned:
 * anything but DB_ERROR (a row where none was expected) is AKSES_E_IO. */
akses_status store_fail(store *st, int rc);

/* Run SQL without results (db_exec); AKSES_OK or the mapped status (store_fail). */
akses_status store_exec(store *st, const char *sql);

/* Run one statement with an int64 in ?1 and, when the SQL has them, ?2 and ?3 (simple updates).
 * AKSES_OK when it ran to the end. */
akses_status store_exec_ids(store *st, const char *sql, int64_t a, int64_t b, int64_t c);

/* db_begin_write (the writer lock up front, so no deadlock upgrades), db_commit, db_rollback. */
akses_status store_begin(store *st);
/* store_begin for a transaction whose statements all find their rows by key (db_begin_write_keyed:
 * the door's scan). */
akses_status store_begin_keyed(store *st);
akses_status store_commit(store *st);
void store_rollback(store *st);
/* A deferred read transaction, so that rows read together come from one snapshot. Inside a
 * caller's transaction nothing is begun; returns whether one was, for store_read_end. */
bool store_read_begin(store *st);
/* End what store_read_begin began (never the caller's own transaction). */
void store_read_end(store *st, bool began);
/* The one way a write transaction ends: AKSES_OK commits (a commit that fails is rolled back and
 * its status returned: disk full, read-only), any other rc rolls back and is returned as it is. */
akses_status store_tx_end(store *st, akses_status rc);

/* After a purge: checkpoint and truncate the WAL, so the old versions of the pages it changed
 * (names, NIKs, phones) are gone from the -wal as well, even while other connections stay open.
 * AKSES_E_BUSY when a reader kept it from finishing (the purge can simply be run again). */
akses_status store_wal_wipe(store *st);

/* Make room for need elements of elem bytes in the array *arr points to (capacity *cap), doubling
 * from 16, so a list of 10,000+ rows costs a handful of reallocations. AKSES_E_NOMEM leaves *arr
 * as it was (the caller still owns and frees it). arr is the address of the array pointer. */
akses_status store_grow(void *arr, int *cap, int need, size_t elem);

/* Fill the zeroed element row from the statement's current row (ctx: the caller's). Returns
 * whether to keep it: false skips the row. */
typedef bool (*store_row_fn)(db_stmt *s, void *row, void *ctx);

/* The list idiom: step the bound statement s to its end, one element of elem bytes per row that
 * fill keeps, then finalize s. AKSES_OK hands the array (malloc'd, NULL when empty; the caller
 * frees it) to *out and its length to *n, as store_grow, out is the address of the array
 * pointer. On an error nothing is handed out: AKSES_E_NOMEM or the mapped error (store_fail). */
akses_status store_rows(store *st, db_stmt *s, size_t elem, store_row_fn fill, void *ctx,
                        void *out, int *n);

/* Run the bound INSERT ... RETURNING id s to its end and finalize it: AKSES_OK with the new row's
 * id in *id, or the mapped error (store_fail). The one way a new id comes back, on either engine. */
akses_status store_insert_id(store *st, db_stmt *s, int64_t *id);

/* Prepare a statement (db_prepare); NULL on error with st->errmsg set. */
db_stmt *store_prep(store *st, const char *sql);

/* The request's equipment column (one item per line) into out[0..*n): at most
 * AKSES_MAX_EQUIPMENT items, each cut to its buffer (store_scan.c). */
void store_equipment_split(const char *text, char (*out)[AKSES_BUF(AKSES_EQUIPMENT_CHARS)],
                           int *n);

/* A role code column as a staff role; ROLE_NONE for "PEMOHON", "SYSTEM", "" or NULL. */
akses_role store_col_role(db_stmt *s, int col);

/* Copy a text column into buf (always terminated, "" for NULL). */
void store_col_text(db_stmt *s, int col, char *buf, size_t n);

/* Append an audit row chained to the previous one; inside the caller's transaction. detail must
 * hold no personal data (retention anonymizes requests but never touches the audit trail):
 * request numbers, staff ids, step codes, decisions only. */
akses_status store_audit(store *st, int64_t actor_id, const char *action, const char *subject,
                         const char *detail);

/* The audit chain's newest row (id 0 and the genesis hash for an empty chain), read inside the
 * caller's write transaction, whose writer lock keeps it the newest until the commit. */
struct store_audit_head {
	int64_t id;
	char hash[65];
};
akses_status store_audit_head_read(store *st, struct store_audit_head *head);

/* store_audit with the head already read by the caller (store_scan joins it into the statement
 * that loads the scan's facts: one round trip fewer on a server). No audit row may be appended
 * in between: the new row's id would then be taken, and the insert fails on it. */
akses_status store_audit_after(store *st, const struct store_audit_head *head, int64_t actor_id,
                               const char *action, const char *subject, const char *detail);

/* The canonical text an audit row's hash covers, hashed into out[65] as hex SHA-256 (key NULL:
 * rows of a DB from before the key) or hex HMAC-SHA256 with the 32-byte key. */
void store_audit_hash(const unsigned char *key, const char *prev_hash, int64_t id, int64_t at,
                      int64_t actor_id, const char *action, const char *subject,
                      const char *detail, char out[65]);

/* Record one sign-in attempt (PIN or staff code): a signin row and an audit row "signin" or
 * "signin-failed" with detail (never a PIN or a code), inside the caller's transaction. staff_id
 * is what was given: it may name no account. */
akses_status store_signin_record(store *st, int64_t staff_id, int64_t now, bool ok,
                                 const char *station, const char *detail);

/* Keep a pass's current token hash as retired (replaced by a new print), inside a transaction. */
akses_status store_pass_retire_current(store *st, int64_t pass_id, int64_t now);
/* Subject of an audit row about a staff member: "staff:<id>" (no names, never a PIN or code). */
void store_staff_subject(char *buf, size_t n, int64_t id);
/* Read the actor within the transaction: AKSES_E_STAFF_NOT_FOUND, AKSES_E_STAFF_DISABLED. */
akses_status store_actor(store *st, int64_t actor_id, struct akses_staff *out);

/* Inside the transaction: may actor_id change staff_id's own settings (PIN, e-mail)? An ADMIN, or
 * the account itself; staff_id must exist (a disabled account may be changed). */
akses_status store_staff_changer(store *st, int64_t actor_id, int64_t staff_id);

/* Request id and state by number, within the transaction. */
akses_status store_request_head(store *st, const char *number, int64_t *id, req_state *state,
                                int64_t *end_at);

/* Append a step row: duration from the previous step row of the request (or from
 * form_started_at for step 1), standard from wf. */
akses_status store_step_add(store *st, int64_t request_id, wf_action action, int64_t actor_id,
                            int64_t at, const char *note);

/* store_step_add with the duration given (-1: unknown) instead of timed from the previous step:
 * step 7, timed from the visit's window (wf_step7_duration). */
akses_status store_step_add_timed(store *st, int64_t request_id, wf_action action,
                                  int64_t actor_id, int64_t at, const char *note,
                                  int64_t duration_s);

/* The kept compliance summary (store_step_sum.c), inside the caller's write transaction. Count a
 * step row with a duration (>= 0) into the rows of (step, role) of its local day and after. */
akses_status store_step_sum_add(store *st, int step, const char *role, int64_t at,
                                int64_t duration_s, int standard_s);
/* Build the summary again from every step row (the migration's backfill; a bench's history). */
akses_status store_step_sum_rebuild(store *st);
/* At open, after migrating: when a migration asked for it (step_sum_fill), rebuild the summary
 * in its own write transaction; nothing otherwise. */
akses_status store_step_sum_fill(store *st);

/* Set state and updated_at (and final_at for final states); last_step only moves forward, so a
 * second entry after a finished visit, a cancel or an expiry keeps the furthest step reached. */
akses_status store_set_state(store *st, int64_t request_id, req_state to, int64_t at);

/* The guard on number + phone digits (store_guard.c), inside the caller's transaction. How many
 * seconds from now request_id (0: the number named none) and station (NULL: the request only)
 * must still wait before their next try; 0 when a try may be checked now. */
akses_status store_guard_wait(store *st, int64_t request_id, const char *station, int64_t now,
                              int64_t *wait_s);
/* Record one try: kind "lookup" or "cancel", outcome "ok", "fail" or "wait". Never the digits. */
akses_status store_guard_record(store *st, const char *kind, int64_t request_id,
                                const char *station, int64_t now, const char *outcome);
/* The station name recorded for station ("unknown" when NULL or empty). */
const char *store_guard_station(const char *station);

/* The audit key (store_audit_key.c). At open: remember the key path (opt_path, else db_path +
 * ".key") and load the key if the file is there (a missing file is not an error: reads work).
 * A key file that is there but unreadable, not a regular file, or open to group/others leaves
 * the store unkeyed too. */
void store_audit_key_open(store *st, const char *db_path, const char *opt_path);

/* The handle's path (the --db target as given) and options, defaults where opt leaves them. */
void store_set_options(store *st, const char *path, const struct store_options *opt);

/* store_open for a PostgreSQL target (db_target_is_pg): connect, migrate, the audit key
 * (store_open_pg.c). And its store_check: the server answers and the schema is there. */
akses_status store_open_pg(const char *target, const struct store_options *opt, store **out);
akses_status store_pg_check(store *st);
/* For a write, inside its transaction: AKSES_OK with the key loaded. A DB without keyed rows
 * and without a key file gets a new key (0600, O_EXCL: one of two racing writers makes it),
 * keyed from next_id on. AKSES_E_AUDIT_KEY when keyed rows exist but the key is missing. */
akses_status store_audit_key_ready(store *st, int64_t next_id);

#endif
