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
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "status.h"
#include "wf.h"

typedef struct store store;

#define STORE_SCHEMA_VERSION 15 /* PRAGMA user_version after migration */

#define STORE_GRACE_MIN_DEFAULT 15   /* a pass is good this long after its window */
#define STORE_REPEAT_S_DEFAULT 10    /* a second scan of one pass within this is a repeat */
#define STORE_BUSY_MS_DEFAULT 5000   /* waiting for another writer */

/* What a program opens the store with: settings_store_options builds it from the config. A
 * negative (or, for busy_timeout_ms, zero) value means the default above. */
struct store_options {
	int pass_grace_min;   /* STORE_GRACE_MIN_DEFAULT */
	int scan_repeat_s;    /* STORE_REPEAT_S_DEFAULT: in AUTO, a second scan of one pass within this is a repeat */
	int busy_timeout_ms;  /* STORE_BUSY_MS_DEFAULT */
	/* The audit key file (HMAC-SHA256 key of the audit chain, kept outside the DB, 0600).
	 * NULL or "": the DB's path + ".key". Made by the first audit write when the DB has no
	 * keyed row yet (aksesctl init); while it is missing, writes fail with AKSES_E_AUDIT_KEY. */
	const char *audit_key_path;
	const char *passfile;  /* PostgreSQL: libpq's password file (NULL: ~/.pgpass, $PGPASSFILE) */

	bool short_lived;     /* one command then exit (aksesctl): on a full disk with no -shm yet,
	                         it may read with a private WAL index (store_open) */
};

/* Whether a --db target names a PostgreSQL server (a postgresql:// URI or a conninfo) rather
 * than a SQLite file: then there is no file to look for, and a failed store_open says why in
 * store_open_errmsg (the server's or libpq's words, e.g. "connection refused"). */
bool store_is_server(const char *target);
const char *store_open_errmsg(void);

/* Open (creating with mode 0600 if absent) and migrate to STORE_SCHEMA_VERSION. WAL,
 * synchronous=FULL, foreign_keys, secure_delete, busy timeout. opt may be NULL (defaults).
 * AKSES_E_DB_NEWER when the file is from a newer version; AKSES_E_DB_CORRUPT when not a DB;
 * AKSES_E_DB_NOT_FILE when path is a link, a device or a folder (nothing is created then).
 * On a read-only file system the DB opens read-only (every write then fails with
 * AKSES_E_READ_ONLY); on a full disk writes fail with AKSES_E_DISK_FULL, leaving the DB as
 * it was. The DB file is never opened or closed outside SQLite (that would drop its locks). */
akses_status store_open(const char *path, const struct store_options *opt, store **out);
void store_close(store *st);

/* Is the file at the opened path still the one this handle has open? AKSES_E_DB_REPLACED when it
 * was deleted or replaced (a restore, an init on the same path): the handle must not be used for
 * anything more (writes into it would reach no one). Checked before every write transaction; a
 * long-running program (the kiosk) also calls it on a timer. One stat(), no SQL. */
akses_status store_still_same(store *st);

/* The last SQLite error text, for logs and staff diagnostics (never shown to visitors). */
const char *store_errmsg(const store *st);

/* PRAGMA integrity_check == "ok"? AKSES_OK or AKSES_E_DB_CORRUPT. */
akses_status store_check(store *st);

/* Online backup into a new file (sqlite3_backup), created 0600. */
akses_status store_backup(store *st, const char *path);

/* fsync the folder path is in, so a name just linked there (a key file, a backup) survives a
 * power cut. Best effort: a folder that cannot be opened is left as it is. */
void store_sync_dir_of(const char *path);

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

/* The account whose staff code this is, into *id_out (0: nobody, a malformed code included). A
 * lookup only: nothing is recorded (the door uses it to tell an escort's card from a pass, then
 * signs in with store_signin_code). */
akses_status store_staff_code_owner(store *st, const char *code, int64_t *id_out);

/* ---- requests ----------------------------------------------------------------------------- */

/* Step 1. Validates everything (valid_request); on error *field_out and *index_out say where and
 * nothing is written. Numbers are AKS-YYYYMMDD-NNNN, counted per local day from 0001. */
akses_status store_submit(store *st, const struct akses_request_input *in,
                          struct akses_submit_result *res, akses_field *field_out, int *index_out);

/* Staff read of a request, by number. */
akses_status store_request_get(store *st, const char *number, struct akses_request *out);

/* Visitor lookups. By number + the phone's last 4 digits (compared in constant time; a wrong
 * number and wrong digits give the same AKSES_E_LOOKUP), or by the receipt token.
 * The number + digits proof is guessable, so every try is recorded with station (no digits) and
 * after 5 wrong tries on a request (in a day, since its last right one) or at a station (in an
 * hour) each further try waits store_guard_delay: AKSES_E_LOOKUP_WAIT, unchecked even with the
 * right digits, until the delay has passed (store_lookup_wait says how long). */
akses_status store_lookup(store *st, const char *number, const char *phone_last4,
                          const char *station, struct akses_request *out);
akses_status store_lookup_token(store *st, const char *receipt_token, struct akses_request *out);

/* The delay before the next number + digits try after failures wrong ones: 0 for fewer than 5,
 * then 60 s doubling with each further wrong try (1, 2, 4 ... minutes), at most a day. */
int64_t store_guard_delay(int failures);

/* Seconds until number + digits may be tried again for number at station (0: now). */
akses_status store_lookup_wait(store *st, const char *number, const char *station,
                               int64_t *wait_s);

/* A request someone is guessing the phone digits of: wrong tries in the last 24 hours. */
struct akses_lookup_attack {
	char number[AKSES_NUMBER_BUF];
	int failures;       /* wrong number + digits tries (lookup and cancel) */
	int stations;       /* from how many stations */
	int64_t last_at;    /* the latest wrong try */
	int64_t wait_until; /* number + digits refused for this request until then; 0: not now */
};

/* HELPDESK, KOORDINATOR or ADMIN: the requests with 3 or more wrong tries in the last 24 hours,
 * latest first. *out is malloc'd (NULL when none); the caller frees it. */
akses_status store_lookup_attacks(store *st, int64_t actor_id,
                                  struct akses_lookup_attack **out, int *n);

/* A new receipt token for a request (the old one stops working): for reprinting a receipt.
 * actor_id 0 is allowed only within 10 minutes of submission (the kiosk's own receipt). */
akses_status store_receipt_reissue(store *st, const char *number, int64_t actor_id,
                                   char token_out[AKSES_TOKEN_BUF]);

/* Requests, newest first; state RS_NONE for all. */
akses_status store_request_list(store *st, req_state state, struct akses_request_summary **out,
                                int *n);

/* The rows a page of a list holds unless told otherwise, and the most it may hold. */
#define STORE_PAGE_DEFAULT 50
#define STORE_PAGE_MAX 1000

/* One page of store_request_list: page from 1, per_page from 1 to STORE_PAGE_MAX rows (else
 * AKSES_E_INVALID_ARG), and in *total how many requests (of that state) there are in all. Only the
 * page's rows are read in full, so a page costs the same on a year of requests as on a day's. A
 * page past the end is empty (*n 0, *out NULL). */
akses_status store_request_page(store *st, req_state state, int page, int per_page,
                                struct akses_request_summary **out, int *n, int64_t *total);

/* What waits for this actor's role, oldest first, with due times. */
akses_status store_inbox(store *st, int64_t actor_id, struct akses_request_summary **out, int *n);

/* The timeline: every completed step, in order. */
akses_status store_timeline(store *st, const char *number, struct akses_step_rec **out, int *n);

/* ---- workflow ----------------------------------------------------------------------------- */

/* Steps 2, 3, 4, 5 (approve), 6 (record: issues one pass per person), 10, 11, 12. note may be
 * NULL. WF_REJECT needs a non-empty note (the reason the applicant will read). */
akses_status store_act(store *st, const char *number, wf_action action, int64_t actor_id,
                       const char *note);

/* What a Kadis or Kabid adds to a disposition: an instruction (optional, checked like a note,
 * several lines allowed) and its urgency (URGENCY_NONE: not given). */
struct akses_disposition {
	const char *instruction;
	akses_urgency urgency;
};

/* Steps 2 and 3 (action WF_DISPOSE_KADIS or WF_DISPOSE_KABID, as for store_act) with the
 * disposition's instruction and urgency kept on the step. note may be NULL; d may be NULL (the
 * same as store_act). A bad instruction is AKSES_E_TOO_LONG / AKSES_E_CHARS, nothing written. */
akses_status store_dispose(store *st, const char *number, wf_action action, int64_t actor_id,
                           const char *note, const struct akses_disposition *d);

/* Step 6, KOORDINATOR: assign an active TIM_TEKNIS escort. */
akses_status store_assign(store *st, const char *number, int64_t actor_id, int64_t escort_id);

/* Step 9, HELPDESK: the access report text. */
akses_status store_report_write(store *st, const char *number, int64_t actor_id, const char *text);

/* Cancel before step 6 completes: by the applicant (number + phone digits, guarded and recorded
 * as store_lookup: AKSES_E_LOOKUP_WAIT) or a KOORDINATOR. */
akses_status store_cancel_applicant(store *st, const char *number, const char *phone_last4,
                                    const char *station);
akses_status store_cancel(store *st, const char *number, int64_t actor_id, const char *reason);

/* Move requests whose window ended before step 5 to RS_EXPIRED (also done by list/inbox). */
akses_status store_expire_stale(store *st, int *n_expired);

/* ---- passes and scans --------------------------------------------------------------------- */

akses_status store_pass_list(store *st, const char *number, struct akses_pass **out, int *n);

/* A fresh token for a pass, for printing or handing out; the previous token stops working.
 * Staff must be KOORDINATOR or HELPDESK and give a reason (recorded as a reprint). actor_id 0
 * here is AKSES_E_RECEIPT_NEEDED: the visitor goes through store_pass_token_visitor.
 * AKSES_E_NOT_PRINTABLE when the request is not yet recorded, the pass is revoked, or the window
 * is over. */
akses_status store_pass_token(store *st, int64_t pass_id, int64_t actor_id, const char *reason,
                              char token_out[AKSES_TOKEN_BUF]);

/* The visitor's own first print: the same, with the proof only the visitor holds, the receipt's
 * token (the number + phone digits are guessable, so they never print a pass). Allowed only while
 * the pass was never printed (print state NONE or FAILED): otherwise AKSES_E_ALREADY_PRINTED.
 * AKSES_E_RECEIPT_NEEDED when receipt_token is missing or not the current one of the pass's
 * request. */
akses_status store_pass_token_visitor(store *st, int64_t pass_id, const char *receipt_token,
                                      char token_out[AKSES_TOKEN_BUF]);

/* As store_pass_token, for a badge about to be printed: the new token's hash waits aside and is
 * taken by the next store_print_begin_dest of the pass; it becomes the pass's token (the earlier one
 * retired) only when that job is accepted by CUPS or written to its file. Until then, and for
 * good if the print fails, the earlier badge keeps working. The visitor's own first print
 * (actor_id 0) brings the receipt's token as store_pass_token_visitor does; staff pass NULL. */
akses_status store_pass_token_pending(store *st, int64_t pass_id, int64_t actor_id,
                                      const char *reason, const char *receipt_token,
                                      char token_out[AKSES_TOKEN_BUF]);

/* Fresh tokens for n passes (same rules as store_pass_token, staff only) in ONE transaction:
 * tokens[i]/tok_st[i] for each; a pass that cannot be printed (AKSES_E_NOT_PRINTABLE) is skipped;
 * any other refusal or failure issues none (every earlier badge keeps working) and is returned.
 * AKSES_E_NOT_PRINTABLE when no pass could be given a token. */
akses_status store_pass_token_all(store *st, const int64_t *pass_ids, int n, int64_t actor_id,
                                  const char *reason, char (*tokens)[AKSES_TOKEN_BUF],
                                  akses_status *tok_st);

/* KOORDINATOR or KABID. */
akses_status store_pass_revoke(store *st, int64_t pass_id, int64_t actor_id, const char *reason);

/* Step 7: decide ENTRY, EXIT, DENIED (with a reason) or REPEAT (the same pass within the repeat
 * guard, AUTO only: recorded, nothing changes), record it (denied scans too) and commit, then
 * fill out. A receipt's token is denied as DENY_RECEIPT; a pass of a visit closed by its report
 * (nobody revoked it) as DENY_CLOSED. escort_id is the signed-in staff member at the door.
 * Returns AKSES_OK whenever the scan was recorded (whatever the decision); an error only when it
 * could not be recorded. */
akses_status store_scan(store *st, const char *token, int64_t escort_id, const char *station,
                        scan_direction dir, struct akses_scan_result *out);

/* The same for a badge that cannot be read (torn, wet): the escort types the request number and
 * picks the person (0 the applicant, 1.. a companion). The same rule decides, and the scan row is
 * marked manual (out->manual). A request with no passes yet is recorded as DENY_NOT_ISSUED.
 * Nothing is recorded for AKSES_E_REQUEST_NUMBER (malformed), AKSES_E_REQUEST_NOT_FOUND, or
 * AKSES_E_PASS_NOT_FOUND (the request has no such person). */
akses_status store_scan_manual(store *st, const char *number, int person, int64_t escort_id,
                               const char *station, scan_direction dir,
                               struct akses_scan_result *out);

/* An exit a door station recorded in its local spool while the server was gone (door_spool.h),
 * replayed: decided and recorded as store_scan with direction OUT, but at its original time at
 * (not now) and under the spool's key. The key is kept UNIQUE with the scan row, so a second
 * replay of the same record (a crash after the COMMIT, before the spool was emptied) records
 * nothing more and answers what was recorded the first time. AKSES_OK whatever the decision: a
 * DENIED answer (a pass the server no longer knows, revoked, ...) is the caller's to keep. */
akses_status store_scan_spooled(store *st, const char *token, int64_t escort_id,
                                const char *station, int64_t at, const char *key,
                                struct akses_scan_result *out);

/* Is the server behind target reachable? AKSES_OK, or AKSES_E_DB_GONE when it does not answer
 * (within a few seconds) or refuses connections (starting up, shutting down). A SQLite file is
 * always AKSES_OK. Needs no store handle, opens no session: safe on any thread, e.g. a kiosk's
 * background probe while its store is offline. */
akses_status store_ping(const char *target);

/* ---- print jobs --------------------------------------------------------------------------- */

/* Its progress and end: COMPLETED marks the pass PRINT_DONE; FAILED/ABORTED/CANCELED/STOPPED
 * mark it PRINT_FAILED (still the visitor's to print). message is kept as given: kiosk/paper
 * gives a code and its argument ("queue-stopped PDF"), put into words when read. */
akses_status store_print_update(store *st, int64_t job_id, int cups_job_id, print_job_state state,
                                const char *message);
akses_status store_print_list(store *st, int limit, struct akses_print_job **out, int *n);
/* Record a print about to be submitted (to_file false) or a badge or document written to a file
 * (to_file true: dest "file"); for a badge, marks the pass PRINT_PENDING. A file's job takes
 * store_print_update(COMPLETED) once the file is written. */
akses_status store_print_begin_dest(store *st, const char *kind, const char *number,
                                    int64_t pass_id, int64_t staff_id, bool reprint,
                                    const char *queue, bool to_file, int64_t *job_id_out);
/* The CUPS jobs whose end is not known yet (pending, accepted), newest first: for reconciling. */
akses_status store_print_open(store *st, struct akses_print_job **out, int *n);
/* The CUPS jobs submitted before `before` whose spool copies were not purged yet. */
akses_status store_print_spooled(store *st, int64_t before, struct akses_print_job **out, int *n);
/* How many jobs of kind ("report", ...) for request number were accepted by CUPS or written to a
 * file: more than 0 makes the next one a reprint. */
akses_status store_print_count(store *st, const char *kind, const char *number, int *n);
/* Mark a job's spool copies (cups-pdf output, CUPS job files) as purged, audited as actor_id. */
akses_status store_print_purged(store *st, int64_t job_id, int64_t actor_id);

/* ---- reports ------------------------------------------------------------------------------ */

/* The day's visits (local day "YYYY-MM-DD") - every visit that overlaps the day, one that began
 * the evening before included - denied scans, entries per hour, totals. n_inside: inside at the
 * day's end (or now, for today). */
akses_status store_day_log(store *st, const char *day, struct akses_day_log *out);
void store_day_log_free(struct akses_day_log *log);

/* The request's first accepted entry at the door, on whatever day (0: nobody entered yet). */
akses_status store_first_entry(store *st, const char *number, int64_t *at);

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

/* ---- staff e-mail and notifications (store_staff_email.c, store_outbox.c) ---------------- */

/* Set (or with "" clear) the e-mail address a staff member is notified at: ADMIN, or oneself.
 * AKSES_E_EMAIL for an address valid_email refuses (nothing written). Audited as "staff-email"
 * (never the address). A disabled account may be changed too. */
akses_status store_staff_set_email(store *st, int64_t actor_id, int64_t staff_id,
                                   const char *email);
/* The address of one account into out[AKSES_BUF(AKSES_EMAIL_CHARS)] ("" when none). */
akses_status store_staff_email(store *st, int64_t staff_id, char *out, size_t n);

/* The two ways an event is delivered; each keeps its own attempts, so a mail already sent is not
 * sent again when the command fails. */
typedef enum store_channel { STORE_CH_MAIL = 0, STORE_CH_CMD } store_channel;

/* What an attempt came to: sent, failed (tried again after store_outbox_backoff), or skipped
 * (nothing to do on that channel: not configured, nobody to tell; closed like sent). */
typedef enum store_attempt { STORE_ATT_SENT = 0, STORE_ATT_FAILED, STORE_ATT_SKIPPED } store_attempt;

#define STORE_OUTBOX_KIND_BUF 16
#define STORE_BACKOFF_FIRST_S 30   /* the wait after a first failed attempt, doubling */
#define STORE_BACKOFF_MAX_S 600    /* and never more than 10 minutes */

/* One event due for delivery, with what a message needs and nothing personal: no name, NIK or
 * phone. role is the step's (ROLE_NONE: the applicant). */
struct akses_outbox_event {
	int64_t id;
	int64_t created_at;
	char kind[STORE_OUTBOX_KIND_BUF]; /* step, reminder, submitted, approved, rejected, printable */
	int64_t request_id;
	char number[AKSES_NUMBER_BUF];
	char institution[AKSES_BUF(AKSES_INSTITUTION_CHARS)];
	int step;
	akses_role role;
	req_state state;                 /* the state the event was written in */
	int standard_s;                  /* the waiting step's time standard (0: none) */
	int64_t due_at;                  /* when the waiting step is due (0: none) */
	char reason[AKSES_BUF(AKSES_NOTE_CHARS)]; /* rejected: the reason the applicant reads */
	bool mail_due, cmd_due;          /* which channels are to be tried now */
	int mail_attempts, cmd_attempts;
};

/* The wait before the next try after `attempts` failed ones (1, 2, ...): STORE_BACKOFF_FIRST_S
 * doubling, at most STORE_BACKOFF_MAX_S. */
int64_t store_outbox_backoff(int attempts);

/* Inside the transaction of a state change (store_set_state): the events reaching state `to`
 * causes - the step that now waits, to its role (not step 7: its escort is at the door), and for
 * an applicant who gave an e-mail address: submitted, approved, rejected, printable (recorded).
 * An event that was already written for this request and step is not written again. */
akses_status store_outbox_state(store *st, int64_t request_id, req_state to, int64_t at);

/* Write one 'reminder' event for each waiting step whose due time has passed by now while the
 * request still waits in the state the step's event was written in; at most one per request and
 * step, ever (UNIQUE). *n_added (may be NULL): how many were written. */
akses_status store_outbox_remind(store *st, int64_t now, int *n_added);

/* Events with a channel due by now (pending, its next try reached), oldest first, at most limit.
 * *out is malloc'd (NULL when none); the caller frees it. */
akses_status store_outbox_due(store *st, int64_t now, int limit, struct akses_outbox_event **out,
                              int *n);

/* The addresses an event goes to, each AKSES_BUF(AKSES_EMAIL_CHARS) bytes: the applicant's, or
 * every active staff member of the event's role with an address. *out is malloc'd (NULL: none). */
typedef char akses_email_buf[AKSES_BUF(AKSES_EMAIL_CHARS)];
akses_status store_outbox_recipients(store *st, int64_t event_id, akses_email_buf **out, int *n);

/* Record one attempt on a channel at now: attempts + 1; SENT and SKIPPED close the channel,
 * FAILED sets its next try to now + store_outbox_backoff(attempts). error (may be NULL) is kept
 * as the channel's last error, cut to 200 bytes; it must hold no personal data. */
akses_status store_outbox_attempt(store *st, int64_t event_id, store_channel ch,
                                  store_attempt result, const char *error, int64_t now);

/* ---- audit and retention ------------------------------------------------------------------ */

/* The audit trail checked against outside evidence. Rows chained with plain SHA-256 (written
 * before the DB had a key) are checked as such; keyed rows with the key (HMAC-SHA256). The key
 * file also names the first row that must be keyed, so turning keyed rows back into plain ones
 * is seen. */
struct store_audit_result {
	int64_t rows;         /* rows walked (the chain's length when intact) */
	int64_t bad_id;       /* AKSES_E_AUDIT_BROKEN: the first row that does not match */
	int64_t keyed;        /* rows chained with the key */
	int64_t unchecked;    /* keyed rows whose hash could not be checked: no key */
	int64_t backwards_id; /* first row whose time is earlier than its predecessor's */
	int64_t anchor_rows;  /* the anchor's row count (0: no anchor given) */
};

/* Audit times may run backwards by this much before verify reports AKSES_E_AUDIT_TIME: each
 * row's time is read inside its write transaction, but stations on other machines sharing the
 * DB run on their own clocks, and NTP steps a drifting clock by a few seconds. A minute covers
 * both and still catches a clock set back by hand. */
#define STORE_AUDIT_BACKWARDS_S 60

/* An anchor: "N:HEX", the row count and the first STORE_ANCHOR_HEX hex digits of row N's hash
 * (or "0:0000000000000000" for an empty trail). */
#define STORE_ANCHOR_HEX 16
#define STORE_ANCHOR_BUF 96

/* Walk the chain (and, with anchor not NULL, compare it with that anchor). The first failure:
 * AKSES_E_AUDIT_BROKEN (r->bad_id), AKSES_E_AUDIT_TRUNCATED (fewer rows than the anchor),
 * AKSES_E_AUDIT_ANCHOR (row N's hash differs), AKSES_E_AUDIT_KEY (keyed rows but no key:
 * r->unchecked of them unchecked), AKSES_E_AUDIT_TIME (r->backwards_id), AKSES_E_ANCHOR_FORMAT.
 * r is filled as far as the walk went. */
akses_status store_audit_check(store *st, const char *anchor, struct store_audit_result *r);

/* The chain head as an anchor "N:HEX" into out[STORE_ANCHOR_BUF]. */
akses_status store_audit_anchor(store *st, char out[STORE_ANCHOR_BUF]);

/* The audit key file's path this store uses (for a backup verified with the same key). */
const char *store_audit_key_path(const store *st);

/* ADMIN: anonymize personal fields of requests final for more than days days (names, NIKs, phone,
 * email, report text); counts, times and the audit chain stay. */
akses_status store_purge(store *st, int64_t actor_id, int days, int *n_anonymized);

#endif
