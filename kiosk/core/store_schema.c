/* store_schema.c - the schema and its migrations, applied by PRAGMA user_version.
 * Migration i takes the file from version i to i+1 inside one transaction; never edit a shipped
 * migration, append a new one and raise STORE_SCHEMA_VERSION. */
#include <stddef.h>

#include "store_schema.h"

static const char *const migrations[] = {
	/* 0 -> 1: the whole first schema. States, roles and decisions are stored as their stable codes
	 * (wf_state_code, wf_role_code ...) so that `sqlite3 akses.db` reads plainly. */
	"CREATE TABLE staff("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  pin_hash TEXT NOT NULL,"
	"  failed_pins INTEGER NOT NULL DEFAULT 0,"
	"  locked_until INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL);"
	/* staff_id is what was typed: it may name no account, so no foreign key */
	"CREATE TABLE signin("
	"  id INTEGER PRIMARY KEY,"
	"  staff_id INTEGER NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  ok INTEGER NOT NULL,"
	"  station TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE day_counter(day TEXT PRIMARY KEY, n INTEGER NOT NULL);"
	"CREATE TABLE request("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL UNIQUE,"
	"  state TEXT NOT NULL,"
	"  last_step INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  nik TEXT NOT NULL,"
	"  institution TEXT NOT NULL,"
	"  phone TEXT NOT NULL,"
	"  email TEXT NOT NULL DEFAULT '',"
	"  purpose_cat TEXT NOT NULL,"
	"  purpose TEXT NOT NULL,"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL,"
	"  equipment TEXT NOT NULL DEFAULT '',"  /* one item per line */
	"  escort_id INTEGER REFERENCES staff(id),"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  report TEXT NOT NULL DEFAULT '',"
	"  receipt_hash BLOB,"
	"  form_started_at INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL,"
	"  final_at INTEGER,"
	"  anonymized_at INTEGER);"
	"CREATE INDEX request_state ON request(state);"
	"CREATE TABLE companion("
	"  id INTEGER PRIMARY KEY,"
	"  request_id INTEGER NOT NULL REFERENCES request(id),"
	"  seq INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  nik TEXT NOT NULL,"
	"  UNIQUE(request_id, seq));"
	"CREATE TABLE step("
	"  id INTEGER PRIMARY KEY,"
	"  request_id INTEGER NOT NULL REFERENCES request(id),"
	"  step INTEGER NOT NULL,"
	"  action TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  actor_id INTEGER REFERENCES staff(id),"
	"  at INTEGER NOT NULL,"
	"  duration_s INTEGER NOT NULL,"
	"  standard_s INTEGER NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX step_request ON step(request_id, id);"
	"CREATE INDEX step_at ON step(at);"
	"CREATE TABLE pass("
	"  id INTEGER PRIMARY KEY,"
	"  request_id INTEGER NOT NULL REFERENCES request(id),"
	"  person INTEGER NOT NULL,"
	"  token_hash BLOB UNIQUE,"
	"  revoked_at INTEGER,"
	"  revoked_by INTEGER REFERENCES staff(id),"
	"  inside INTEGER NOT NULL DEFAULT 0,"
	"  print_state TEXT NOT NULL DEFAULT 'none',"
	"  print_count INTEGER NOT NULL DEFAULT 0,"
	"  last_scan_at INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE(request_id, person));"
	"CREATE TABLE scan("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  station TEXT NOT NULL,"
	"  escort_id INTEGER REFERENCES staff(id),"
	"  pass_id INTEGER REFERENCES pass(id),"
	"  decision TEXT NOT NULL,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  overstay INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX scan_at ON scan(at);"
	"CREATE INDEX scan_pass ON scan(pass_id, at);"
	"CREATE TABLE print_job("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  request_id INTEGER REFERENCES request(id),"
	"  pass_id INTEGER REFERENCES pass(id),"
	"  staff_id INTEGER REFERENCES staff(id),"
	"  reprint INTEGER NOT NULL DEFAULT 0,"
	"  queue TEXT NOT NULL DEFAULT '',"
	"  cups_job_id INTEGER NOT NULL DEFAULT 0,"
	"  state TEXT NOT NULL,"
	"  message TEXT NOT NULL DEFAULT '',"
	"  updated_at INTEGER NOT NULL);"
	"CREATE TABLE audit("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  actor_id INTEGER NOT NULL DEFAULT 0,"
	"  action TEXT NOT NULL,"
	"  subject TEXT NOT NULL DEFAULT '',"
	"  detail TEXT NOT NULL DEFAULT '',"
	"  prev_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL);"
	/* append-only for the program; someone with the file can drop these, which verify then sees */
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;",
	/* 1 -> 2: staff codes. A staff member may sign in by scanning their own staff card; only the
	 * SHA-256 of its code is kept (NULL: no card issued, or revoked). Unique, so one code can
	 * name one account only; partial, so the many NULLs do not collide. */
	"ALTER TABLE staff ADD COLUMN code_hash BLOB;"
	"CREATE UNIQUE INDEX staff_code ON staff(code_hash) WHERE code_hash IS NOT NULL;",
	/* -> lookup guard: every visitor proof by request number + phone digits (status lookup and
	 * cancel), with its station and outcome ('ok', 'fail', or 'wait': refused unchecked during a
	 * delay), so that guessing is slowed per request and per station and Helpdesk sees it.
	 * request_id only when the number typed names a request; the digits typed are never kept. */
	"CREATE TABLE lookup_attempt("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  station TEXT NOT NULL,"
	"  request_id INTEGER REFERENCES request(id),"
	"  outcome TEXT NOT NULL);"
	"CREATE INDEX lookup_attempt_req ON lookup_attempt(request_id, at);"
	"CREATE INDEX lookup_attempt_station ON lookup_attempt(station, at);",
	/* keyed audit chain: rows from here on are chained with HMAC-SHA256 under a key kept
	 * outside the DB (store_audit_key.c); rows already there stay plain SHA-256 (keyed 0) and
	 * verify checks each row the way it was written. */
	"ALTER TABLE audit ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;",
	/* print: a badge's new token waits on its print job (pass.pending_hash until a job takes
	 * it, print_job.token_hash until CUPS accepts the job), so a print that fails never voids
	 * the working badge; the hashes a reprint retired stay known so the door can say "replaced
	 * by a new print"; every job says where it went (dest 'cups' or 'file') and when its copy in
	 * the PDF queue's folder / CUPS's spool was purged. */
	"ALTER TABLE pass ADD COLUMN pending_hash BLOB;"
	"ALTER TABLE print_job ADD COLUMN token_hash BLOB;"
	"ALTER TABLE print_job ADD COLUMN dest TEXT NOT NULL DEFAULT 'cups';"
	"ALTER TABLE print_job ADD COLUMN purged_at INTEGER;"
	"CREATE INDEX print_job_open ON print_job(state) WHERE state IN ('pending', 'accepted');"
	"CREATE TABLE pass_retired("
	"  hash BLOB PRIMARY KEY,"
	"  pass_id INTEGER NOT NULL REFERENCES pass(id),"
	"  at INTEGER NOT NULL);"
	/* the door asks whether an unknown token is a receipt (store_scan): by index, not a scan
	 * of every request */
	"CREATE INDEX request_receipt ON request(receipt_hash) WHERE receipt_hash IS NOT NULL;",
	/* signin: sign-in backoff per (station, account) instead of a global lock. why says what an
	 * attempt was ("wrong" counts towards the backoff, "throttled" does not); the index serves
	 * the per-station count and the 24-hour alert budget. An unknown account is kept as 0, never
	 * as typed (a PIN typed into the staff-number field): the rows kept so far are scrubbed.
	 * staff.pin_must_change/pin_set_by/pin_set_at: a PIN set by an ADMIN must be changed by its
	 * owner, who is told who set it and when. */
	"ALTER TABLE signin ADD COLUMN why TEXT NOT NULL DEFAULT '';"
	"CREATE INDEX signin_staff ON signin(staff_id, station, at);"
	"UPDATE signin SET staff_id = 0 WHERE staff_id NOT IN (SELECT id FROM staff);"
	"ALTER TABLE staff ADD COLUMN pin_must_change INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE staff ADD COLUMN pin_set_by INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE staff ADD COLUMN pin_set_at INTEGER NOT NULL DEFAULT 0;",
	/* scan.manual: the escort typed the request number and picked the person (a torn or wet
	 * badge) instead of scanning it; shown as such in the day's log and `aksesctl scan list`. */
	"ALTER TABLE scan ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;",
	/* paper: a print job's message is stored as a code and its argument ("sent-to PDF"), put
	 * into words in the language of whoever reads it. The rows written before kept the words of
	 * the session that printed them: kept as they are, flagged as legacy. */
	"ALTER TABLE print_job ADD COLUMN msg_legacy INTEGER NOT NULL DEFAULT 0;"
	"UPDATE print_job SET msg_legacy = 1;",
	/* officials: a disposition (steps 2 and 3) carries the Kadis's or Kabid's instruction and
	 * its urgency ('segera', 'biasa', 'rahasia'; '' when none was given), printed on the lembar
	 * disposisi. Other steps keep both empty; retention clears the instruction with the note. */
	"ALTER TABLE step ADD COLUMN instruction TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE step ADD COLUMN urgency TEXT NOT NULL DEFAULT '';",
	/* id_type: the document whose number the nik column holds ("nik", "passport", "kitas",
	 * valid_id_type_code): foreign visitors and companions apply with a passport or KITAS.
	 * Every row so far is a NIK. */
	"ALTER TABLE request ADD COLUMN id_type TEXT NOT NULL DEFAULT 'nik';"
	"ALTER TABLE companion ADD COLUMN id_type TEXT NOT NULL DEFAULT 'nik';",
	/* lang: the language the visitor used at submission ('id' or 'en'); the receipt, pass and
	 * request letter staff print later for them are in it. Every row so far: Indonesian. */
	"ALTER TABLE request ADD COLUMN lang TEXT NOT NULL DEFAULT 'id' CHECK (lang IN ('id', 'en'));",

	/* notifications (store_outbox.c): staff.email, where a step's role is told; and the outbox,
	 * one row per event written in the transaction of the state change that caused it. kind:
	 * 'step' (a step now waits for recipient, a role code), 'reminder' (that step is overdue),
	 * 'submitted', 'approved', 'rejected', 'printable' (to recipient 'APPLICANT'). state: the
	 * request's state when written (a reminder is due only while it has not moved on); due_at:
	 * when the step is due. No personal data: number, institution and addresses are read from
	 * request and staff when sent (retention clears them there). Each channel (mail, command)
	 * has its own progress: 'pending', 'sent' or 'skipped', attempts, next try, last error. The
	 * UNIQUE key makes an event, and a reminder, happen once per request and step. */
	"ALTER TABLE staff ADD COLUMN email TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE outbox("
	"  id INTEGER PRIMARY KEY,"
	"  created_at INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  request_id INTEGER NOT NULL REFERENCES request(id),"
	"  step INTEGER NOT NULL,"
	"  recipient TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  due_at INTEGER NOT NULL DEFAULT 0,"
	"  mail_state TEXT NOT NULL DEFAULT 'pending',"
	"  mail_attempts INTEGER NOT NULL DEFAULT 0,"
	"  mail_next_at INTEGER NOT NULL DEFAULT 0,"
	"  mail_sent_at INTEGER NOT NULL DEFAULT 0,"
	"  mail_error TEXT NOT NULL DEFAULT '',"
	"  cmd_state TEXT NOT NULL DEFAULT 'pending',"
	"  cmd_attempts INTEGER NOT NULL DEFAULT 0,"
	"  cmd_next_at INTEGER NOT NULL DEFAULT 0,"
	"  cmd_sent_at INTEGER NOT NULL DEFAULT 0,"
	"  cmd_error TEXT NOT NULL DEFAULT '',"
	"  UNIQUE(kind, request_id, step, recipient));"
	"CREATE INDEX outbox_pending ON outbox(mail_state, cmd_state);",
	/* a year of requests (tests/bench/bench_year.c): the request list's pages walk requests
	 * newest first by index instead of sorting them all, and the evacuation list and the day
	 * log find who is inside among the few passes marked so, not by reading every pass */
	"CREATE INDEX request_created ON request(created_at, id);"
	"CREATE INDEX pass_inside ON pass(id) WHERE inside = 1;",
	/* 13 -> 14: a station without its server (issue 11). request.submit_key: the kiosk's own
	 * key for one submission, so a resend after a connection broke during COMMIT finds the
	 * request it already made instead of making a second. scan.spool_key: a door's key for an
	 * exit it spooled while offline, so a replay (or a second one after a crash) records it
	 * once. Both NULL for everything else; UNIQUE ignores NULLs on both engines. */
	"ALTER TABLE request ADD COLUMN submit_key TEXT;"
	"CREATE UNIQUE INDEX request_submit_key ON request(submit_key);"
	"ALTER TABLE scan ADD COLUMN spool_key TEXT;"
	"CREATE UNIQUE INDEX scan_spool_key ON scan(spool_key);",
	/* compliance for a year at the cost of a day (issue 11, store_step_sum.c): step_sum keeps,
	 * per (step, role) and local day 'YYYY-MM-DD' of the step's at, the totals of every counted
	 * step row (duration_s >= 0, step > 0, not a cancel or expiry) up to and including that day:
	 * how many, how many within the step's standard, and their duration histogram (step_hist.h).
	 * A range's figures are the latest row <= its last day minus the latest row before its first;
	 * day_n, day_within and day_hist are the same of that day's own rows, which a range of a few
	 * days adds up instead (two cumulative histograms cost more than a week of daily ones).
	 * step_sum_key lists the (step, role) keys with the step's standard, so the report finds them
	 * without a scan. A row in step_sum_fill asks the next open to fill the summary from the step
	 * rows already there (store_step_sum_fill), so an upgraded DB reports the same. */
	"CREATE TABLE step_sum("
	"  step INTEGER NOT NULL,"
	"  role TEXT NOT NULL,"
	"  day TEXT NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  n_within INTEGER NOT NULL,"
	"  hist TEXT NOT NULL,"
	"  day_n INTEGER NOT NULL,"
	"  day_within INTEGER NOT NULL,"
	"  day_hist TEXT NOT NULL,"
	"  PRIMARY KEY(step, role, day));"
	"CREATE TABLE step_sum_key("
	"  step INTEGER NOT NULL,"
	"  role TEXT NOT NULL,"
	"  standard_s INTEGER NOT NULL,"
	"  PRIMARY KEY(step, role));"
	"CREATE TABLE step_sum_fill(pending INTEGER NOT NULL);"
	"INSERT INTO step_sum_fill VALUES (1);",
};

int store_schema_count(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *store_schema_migration(int from_version)
{
	if (from_version < 0 || from_version >= store_schema_count())
		return NULL;
	return migrations[from_version];
}
