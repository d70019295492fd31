/* store_int.h - what the store_*.c files share: the handle, transactions, statement helpers and the
 * audit append. Not for use outside kiosk/core/store*.c. */
#ifndef AKSES_STORE_INT_H
#define AKSES_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3 *db;
	struct store_options opt;
	char errmsg[256];
	int64_t busy_since_ms; /* when the current wait for a lock began (store_busy) */
};

/* Map a SQLite result code to a status (BUSY/LOCKED -> AKSES_E_BUSY, NOMEM, CORRUPT/NOTADB ->
 * AKSES_E_DB_CORRUPT, else AKSES_E_IO) and remember sqlite3_errmsg for store_errmsg. */
akses_status store_fail(store *st, int rc);

/* BEGIN IMMEDIATE (the writer lock up front, so no deadlock upgrades), COMMIT, ROLLBACK. */
akses_status store_begin(store *st);
akses_status store_commit(store *st);
void store_rollback(store *st);

/* Make room for need elements of elem bytes in the array *arr points to (capacity *cap), doubling
 * from 16, so a list of 10,000+ rows costs a handful of reallocations. AKSES_E_NOMEM leaves *arr
 * as it was (the caller still owns and frees it). arr is the address of the array pointer. */
akses_status store_grow(void *arr, int *cap, int need, size_t elem);

/* Prepare a statement (sqlite3_prepare_v2); NULL on error with st->errmsg set. */
sqlite3_stmt *store_prep(store *st, const char *sql);

/* Copy a text column into buf (always terminated, "" for NULL). */
void store_col_text(sqlite3_stmt *s, int col, char *buf, size_t n);

/* Append an audit row chained to the previous one; inside the caller's transaction. detail must
 * hold no personal data (retention anonymizes requests but never touches the audit trail):
 * request numbers, staff ids, step codes, decisions only. */
akses_status store_audit(store *st, int64_t actor_id, const char *action, const char *subject,
                         const char *detail);

/* The canonical text an audit row's hash covers, hashed as hex SHA-256 into out[65]. */
void store_audit_hash(const char *prev_hash, int64_t id, int64_t at, int64_t actor_id,
                      const char *action, const char *subject, const char *detail, char out[65]);

/* Record one sign-in attempt (PIN or staff code): a signin row and an audit row "signin" or
 * "signin-failed" with detail (never a PIN or a code), inside the caller's transaction. staff_id
 * is what was given: it may name no account. */
akses_status store_signin_record(store *st, int64_t staff_id, int64_t now, bool ok,
                                 const char *station, const char *detail);

/* Keep a pass's current token hash as retired (replaced by a new print), inside a transaction. */
akses_status store_pass_retire_current(store *st, int64_t pass_id, int64_t now);
/* Read the actor within the transaction: AKSES_E_STAFF_NOT_FOUND, AKSES_E_STAFF_DISABLED. */
akses_status store_actor(store *st, int64_t actor_id, struct akses_staff *out);

/* Request id and state by number, within the transaction. */
akses_status store_request_head(store *st, const char *number, int64_t *id, req_state *state,
                                int64_t *end_at);

/* Append a step row: duration from the previous step row of the request (or from
 * form_started_at for step 1), standard from wf. */
akses_status store_step_add(store *st, int64_t request_id, wf_action action, int64_t actor_id,
                            int64_t at, const char *note);

/* Set state and updated_at (and final_at for final states); last_step only moves forward, so a
 * second entry after a finished visit, a cancel or an expiry keeps the furthest step reached. */
akses_status store_set_state(store *st, int64_t request_id, req_state to, int64_t at);

#endif
