/* store.h - the one door to the SQLite file: every SOP action, pass, scan, print record, report and
 * audit query. All SQL lives behind this header (a second backend could replace it whole).
 *
 * Each action is one IMMEDIATE transaction: it re-reads the actor (active? role?), checks the
 * workflow, writes its rows and an audit row, and commits before it returns AKSES_OK. A caller shows
 * a confirmation only after AKSES_OK. Functions that return lists allocate them with malloc; the
 * caller frees them with free() (or the named *_free function). A store handle belongs to one thread
 * at a time; open one per thread (the kiosk's print worker opens its own). */
#ifndef AKSES_STORE_H
#define AKSES_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "status.h"
#include "wf.h"

typedef struct store store;

#define STORE_SCHEMA_VERSION 3 /* PRAGMA user_version after migration */

struct store_options {
	int pass_grace_min;   /* default 15 */
	int scan_repeat_s;    /* default 10: in AUTO, a second scan of one pass within this is a repeat */
	int busy_timeout_ms;  /* default 5000 */
};

/* Open (creating with mode 0600 if absent) and migrate to STORE_SCHEMA_VERSION. WAL,
 * synchronous=FULL, foreign_keys, secure_delete, busy timeout. opt may be NULL (defaults).
 * AKSES_E_DB_NEWER when the file is from a newer version; AKSES_E_DB_CORRUPT when not a DB. */
akses_status store_open(const char *path, const struct store_options *opt, store **out);
void store_close(store *st);

/* The last SQLite error text, for logs and staff diagnostics (never shown to visitors). */
const char *store_errmsg(const store *st);

/* PRAGMA integrity_check == "ok"? AKSES_OK or AKSES_E_DB_CORRUPT. */
akses_status store_check(store *st);

/* Online backup into a new file (sqlite3_backup), created 0600. */
akses_status store_backup(store *st, const char *path);

/* ---- staff -------------------------------------------------------------------------------- */

/* First ADMIN of a DB with no staff yet; AKSES_E_ALREADY_INIT otherwise. */
akses_status store_init_admin(store *st, const char *name, const char *pin, int64_t *id_out);

/* Verify a PIN and record the attempt (ok or not, with station). There is no global lock: wrong
 * PINs slow down only the station they were typed at, for that account (5 free, then 1 minute
 * after the last, doubling, at most an hour; AKSES_E_PIN_LOCKED with out->retry_at meanwhile,
 * even with the right PIN). 20 wrong PINs for one account within 24 hours across all stations
 * write a "signin-alert" audit row (store_signin_alerts). An unknown, a disabled account and a
 * wrong PIN all answer AKSES_E_PIN_WRONG in the same time; an unknown id is recorded as 0.
 * AKSES_E_PIN_MUST_CHANGE: the PIN is right but was set by an ADMIN; out is filled (with
 * pin_set_by/pin_set_at) and the owner must store_staff_set_pin a new one before acting. */
akses_status store_signin(store *st, int64_t staff_id, const char *pin, const char *station,
                          struct akses_staff *out);

/* store_signin with flags. STORE_SIGNIN_READ: the caller will only read (the evacuation list,
 * audit verify, backup), so when the attempt cannot be written (a full or read-only disk,
 * AKSES_E_IO) the PIN is still judged from what is stored and the answer returned, with
 * *recorded false; the caller must say so. Without it such a failure is returned as is. */
#define STORE_SIGNIN_READ 1u
akses_status store_signin_ex(store *st, int64_t staff_id, const char *pin, const char *station,
                             unsigned flags, struct akses_staff *out, bool *recorded);

/* Accounts with wrong PINs in the last 24 hours (id 0: ids that name no account), most first:
 * for Helpdesk and ADMIN. alert: at or past the 20-failure budget. */
struct akses_signin_alert {
	int64_t staff_id;
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	akses_role role;
	int failures;
	int stations;
	int64_t last_at;
	bool alert;
};
akses_status store_signin_alerts(store *st, int64_t actor_id, struct akses_signin_alert **out,
                                 int *n); /* HELPDESK, ADMIN */

akses_status store_staff_add(store *st, int64_t actor_id, const char *name, akses_role role,
                             const char *pin, int64_t *id_out);          /* ADMIN */
akses_status store_staff_disable(store *st, int64_t actor_id, int64_t staff_id); /* ADMIN */
/* ADMIN, or oneself. New PINs are 6-8 digits (AKSES_E_PIN_FORMAT). A PIN an ADMIN sets for
 * another account must be changed by its owner at the next sign-in (pin_must_change). */
akses_status store_staff_set_pin(store *st, int64_t actor_id, int64_t staff_id,
                                 const char *new_pin);
akses_status store_staff_get(store *st, int64_t staff_id, struct akses_staff *out);
/* All staff, or only those of one role when role != ROLE_NONE (escort pickers), by name. */
akses_status store_staff_list(store *st, akses_role role, struct akses_staff **out, int *n);

/* ---- staff codes (sign in by scanning one's own staff card) ------------------------------ */

/* A fresh staff code for staff_id (ADMIN for anyone, or oneself), into code_out: 32 base32
 * characters like a pass token, of which only the SHA-256 is stored. The previous code stops
 * working. AKSES_E_STAFF_DISABLED when the account is disabled. Audited as "staff-code" (never the
 * code itself). code_out is written only on AKSES_OK. */
akses_status store_staff_code_issue(store *st, int64_t actor_id, int64_t staff_id,
                                    char code_out[AKSES_TOKEN_BUF]);

/* Remove staff_id's code (ADMIN or oneself): no code signs that account in any more. Succeeds
 * (and is recorded) also when there was none, and for a disabled account. */
akses_status store_staff_code_revoke(store *st, int64_t actor_id, int64_t staff_id);

/* Sign in by a scanned staff code, recording the attempt (signin row and audit, as store_signin).
 * AKSES_E_CODE_UNKNOWN when no account has this code (a malformed scan, a revoked or replaced
 * code, or a visitor's pass); AKSES_E_STAFF_DISABLED; AKSES_E_PIN_LOCKED while the account is
 * locked by wrong PINs. A code sign-in neither counts towards nor clears the PIN lockout. */
akses_status store_signin_code(store *st, const char *code, const char *station,
                               struct akses_staff *out);

/* ---- requests ----------------------------------------------------------------------------- */

/* Step 1. Validates everything (valid_request); on error *field_out and *index_out say where and
 * nothing is written. Numbers are AKS-YYYYMMDD-NNNN, counted per local day from 0001. */
akses_status store_submit(store *st, const struct akses_request_input *in,
                          struct akses_submit_result *res, akses_field *field_out, int *index_out);

/* Staff read of a request, by number. */
akses_status store_request_get(store *st, const char *number, struct akses_request *out);

/* Visitor lookups. By number + the phone's last 4 digits (compared in constant time; a wrong
 * number and wrong digits give the same AKSES_E_LOOKUP), or by the receipt token. */
akses_status store_lookup(store *st, const char *number, const char *phone_last4,
                          struct akses_request *out);
akses_status store_lookup_token(store *st, const char *receipt_token, struct akses_request *out);

/* A new receipt token for a request (the old one stops working): for reprinting a receipt.
 * actor_id 0 is allowed only within 10 minutes of submission (the kiosk's own receipt). */
akses_status store_receipt_reissue(store *st, const char *number, int64_t actor_id,
                                   char token_out[AKSES_TOKEN_BUF]);

/* Requests, newest first; state RS_NONE for all. */
akses_status store_request_list(store *st, req_state state, struct akses_request_summary **out,
                                int *n);

/* What waits for this actor's role, oldest first, with due times. */
akses_status store_inbox(store *st, int64_t actor_id, struct akses_request_summary **out, int *n);

/* The timeline: every completed step, in order. */
akses_status store_timeline(store *st, const char *number, struct akses_step_rec **out, int *n);

/* ---- workflow ----------------------------------------------------------------------------- */

/* Steps 2, 3, 4, 5 (approve), 6 (record: issues one pass per person), 10, 11, 12. note may be
 * NULL. WF_REJECT needs a non-empty note (the reason the applicant will read). */
akses_status store_act(store *st, const char *number, wf_action action, int64_t actor_id,
                       const char *note);

/* Step 6, KOORDINATOR: assign an active TIM_TEKNIS escort. */
akses_status store_assign(store *st, const char *number, int64_t actor_id, int64_t escort_id);

/* Step 9, HELPDESK: the access report text. */
akses_status store_report_write(store *st, const char *number, int64_t actor_id, const char *text);

/* Cancel before step 6 completes: by the applicant (number + phone digits) or a KOORDINATOR. */
akses_status store_cancel_applicant(store *st, const char *number, const char *phone_last4);
akses_status store_cancel(store *st, const char *number, int64_t actor_id, const char *reason);

/* Move requests whose window ended before step 5 to RS_EXPIRED (also done by list/inbox). */
akses_status store_expire_stale(store *st, int *n_expired);

/* ---- passes and scans --------------------------------------------------------------------- */

akses_status store_pass_list(store *st, const char *number, struct akses_pass **out, int *n);
akses_status store_pass_get(store *st, int64_t pass_id, struct akses_pass *out);

/* A fresh token for a pass, for printing or handing out; the previous token stops working.
 * actor_id 0 (the visitor at the kiosk) is allowed only while the pass was never printed
 * (print state NONE or FAILED): otherwise AKSES_E_ALREADY_PRINTED. Staff must be KOORDINATOR or
 * HELPDESK and give a reason (recorded as a reprint). AKSES_E_NOT_PRINTABLE when the request is not
 * yet recorded, the pass is revoked, or the window is over. */
akses_status store_pass_token(store *st, int64_t pass_id, int64_t actor_id, const char *reason,
                              char token_out[AKSES_TOKEN_BUF]);

/* KOORDINATOR or KABID. */
akses_status store_pass_revoke(store *st, int64_t pass_id, int64_t actor_id, const char *reason);

/* Step 7: decide, record (denied scans too) and commit, then fill out. escort_id is the signed-in
 * staff member at the door. Returns AKSES_OK whenever the scan was recorded (whatever the
 * decision); an error only when it could not be recorded. */
akses_status store_scan(store *st, const char *token, int64_t escort_id, const char *station,
                        scan_direction dir, struct akses_scan_result *out);

/* ---- print jobs --------------------------------------------------------------------------- */

/* Record a print about to be submitted; for a badge, marks the pass PRINT_PENDING. */
akses_status store_print_begin(store *st, const char *kind, const char *number, int64_t pass_id,
                               int64_t staff_id, bool reprint, const char *queue,
                               int64_t *job_id_out);
/* Its progress and end: COMPLETED marks the pass PRINT_DONE; FAILED/ABORTED/CANCELED/STOPPED
 * mark it PRINT_FAILED (still the visitor's to print). */
akses_status store_print_update(store *st, int64_t job_id, int cups_job_id, print_job_state state,
                                const char *message);
akses_status store_print_list(store *st, int limit, struct akses_print_job **out, int *n);

/* ---- reports ------------------------------------------------------------------------------ */

/* The day's visits (local day "YYYY-MM-DD"), denied scans, entries per hour, totals. */
akses_status store_day_log(store *st, const char *day, struct akses_day_log *out);
void store_day_log_free(struct akses_day_log *log);

/* Everyone inside now, with escort (the evacuation list). */
akses_status store_inside(store *st, struct akses_visit **out, int *n);

/* SOP compliance per (step, role) for steps completed in [from, to] (local days, inclusive). */
akses_status store_compliance(store *st, const char *from_day, const char *to_day,
                              struct akses_compliance_row **out, int *n);

/* SOP steps 2-6 completed in [from, to] by an account within window_min minutes after someone
 * else (an ADMIN) set that account's PIN: one person may have acted in another's role. By
 * request number and step. */
struct akses_reset_flag {
	char number[AKSES_NUMBER_BUF];
	int step;
	int64_t actor_id; /* who took the step */
	int64_t reset_by; /* who had set their PIN */
	int64_t step_at;
	int64_t reset_at;
};
akses_status store_compliance_resets(store *st, const char *from_day, const char *to_day,
                                     int window_min, struct akses_reset_flag **out, int *n);

/* ---- audit and retention ------------------------------------------------------------------ */

/* Walk the hash chain. AKSES_OK with *n_rows; AKSES_E_AUDIT_BROKEN with *bad_id the first row whose
 * stored hash or prev link does not match (an edit, or a deletion before it). */
akses_status store_audit_verify(store *st, int64_t *n_rows, int64_t *bad_id);

/* ADMIN: anonymize personal fields of requests final for more than days days (names, NIKs, phone,
 * email, report text); counts, times and the audit chain stay. */
akses_status store_purge(store *st, int64_t actor_id, int days, int *n_anonymized);

#endif
