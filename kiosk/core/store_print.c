/* store_print.c - the record of every print job (badge, receipt, reports) and, for a badge, the
 * pass's print state: pending while a job is under way, done once one completed, failed if not. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "store_int.h"
#include "valid.h"

/* A badge job younger than this still blocks a second print of the same pass; an older pending
 * one is taken as lost (the kiosk died mid-print) so the pass can be printed again. */
#define PRINT_ACTIVE_S 120

static bool job_failed(print_job_state j)
{
	return j == JOB_FAILED || j == JOB_ABORTED || j == JOB_CANCELED || j == JOB_STOPPED;
}

/* Copy s into buf (n bytes) cutting at a character boundary, so a long printer message never
 * leaves half a UTF-8 sequence at the end. */
static void copy_utf8(char *buf, size_t n, const char *s)
{
	size_t len = strlen(s);
	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
}

/* For a badge: the pass exists (and belongs to request_id when one was named), and no job of it
 * is under way. Fills *request_id from the pass when it was 0. */
static akses_status print_pass_check(store *st, int64_t pass_id, int64_t *request_id, int64_t now)
{
	db_stmt *s =
	    store_prep(st, "SELECT p.request_id, p.print_state,"
	                   " (SELECT max(j.at) FROM print_job j WHERE j.pass_id = p.id)"
	                   " FROM pass p WHERE p.id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, pass_id);
	int src = db_step(s);
	if (src != DB_ROW) {
		db_finalize(s);
		return src == DB_DONE ? AKSES_E_PASS_NOT_FOUND : store_fail(st, src);
	}
	int64_t rid = db_col_int64(s, 0);
	const char *ps = db_col_text(s, 1);
	bool pending = ps && strcmp(ps, wf_print_state_code(PRINT_PENDING)) == 0;
	int64_t last_at = db_col_int64(s, 2);
	db_finalize(s);
	if (*request_id && *request_id != rid)
		return AKSES_E_PASS_NOT_FOUND;
	*request_id = rid;
	if (pending && now - last_at < PRINT_ACTIVE_S)
		return AKSES_E_PRINT_ACTIVE;
	return AKSES_OK;
}

/* The checks and rows of store_print_begin_dest, inside its transaction. */
static akses_status print_begin_tx(store *st, const char *kind, const char *number, int64_t pass_id,
                                   int64_t staff_id, bool reprint, const char *queue,
                                   bool to_file, int64_t *job_id)
{
	int64_t now = clock_now();
	int64_t request_id = 0;
	akses_status rc;
	if (number && *number &&
	    (rc = store_request_head(st, number, &request_id, NULL, NULL)) != AKSES_OK)
		return rc;
	if (staff_id > 0 && (rc = store_actor(st, staff_id, NULL)) != AKSES_OK)
		return rc;
	if (pass_id > 0 && (rc = print_pass_check(st, pass_id, &request_id, now)) != AKSES_OK)
		return rc;

	db_stmt *s = store_prep(st, "INSERT INTO print_job(at, kind, request_id, pass_id,"
	                            " staff_id, reprint, queue, state, updated_at, dest)"
	                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?1, ?9) RETURNING id");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, now);
	db_bind_text(s, 2, kind);
	if (request_id)
		db_bind_int64(s, 3, request_id);
	else
		db_bind_null(s, 3);
	if (pass_id > 0)
		db_bind_int64(s, 4, pass_id);
	else
		db_bind_null(s, 4);
	if (staff_id > 0)
		db_bind_int64(s, 5, staff_id);
	else
		db_bind_null(s, 5);
	db_bind_int(s, 6, reprint);
	db_bind_text(s, 7, queue ? queue : "");
	db_bind_text(s, 8, wf_job_state_code(JOB_PENDING));
	db_bind_text(s, 9, to_file ? "file" : "cups");
	if ((rc = store_insert_id(st, s, job_id)) != AKSES_OK)
		return rc;

	if (pass_id > 0) {
		/* the token printed on this badge (store_pass_token_pending) now waits on this job */
		static const char *const sql[] = {
		    "UPDATE print_job SET token_hash = (SELECT pending_hash FROM pass WHERE id = ?1)"
		    " WHERE id = ?2",
		    "UPDATE pass SET print_state = ?2, pending_hash = NULL WHERE id = ?1"};
		for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
			s = store_prep(st, sql[i]);
			if (!s)
				return AKSES_E_IO;
			db_bind_int64(s, 1, pass_id);
			if (i == 0)
				db_bind_int64(s, 2, *job_id);
			else
				db_bind_text(s, 2, wf_print_state_code(PRINT_PENDING));
			int src = db_step(s);
			db_finalize(s);
			if (src != DB_DONE)
				return store_fail(st, src);
		}
	}
	char subject[40], detail[96];
	snprintf(subject, sizeof subject, "print:%" PRId64, *job_id);
	snprintf(detail, sizeof detail, "%s %s reprint=%d pass=%" PRId64 "%s", kind,
	         wf_job_state_code(JOB_PENDING), reprint ? 1 : 0, pass_id > 0 ? pass_id : 0,
	         to_file ? " dest=file" : "");
	return store_audit(st, staff_id > 0 ? staff_id : 0, "print", subject, detail);
}

/* Record a print about to be submitted or written (see store.h). kind is a short code ("badge",
 * "receipt", "log" ...); number and queue may be NULL; pass_id 0 when not a badge; staff_id 0 for
 * the visitor; to_file for a PDF written to a file instead of CUPS. AKSES_E_PRINT_ACTIVE while
 * another job of the same pass is under way. */
akses_status store_print_begin_dest(store *st, const char *kind, const char *number,
                                    int64_t pass_id, int64_t staff_id, bool reprint,
                                    const char *queue, bool to_file, int64_t *job_id_out)
{
	if (!st || !kind || !*kind || strlen(kind) >= sizeof(((struct akses_print_job *)0)->kind) ||
	    !job_id_out || pass_id < 0 || staff_id < 0)
		return AKSES_E_INVALID_ARG;
	if (queue && strlen(queue) >= sizeof(((struct akses_print_job *)0)->queue))
		return AKSES_E_INVALID_ARG;
	*job_id_out = 0;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t job_id = 0;
	rc = print_begin_tx(st, kind, number, pass_id, staff_id, reprint, queue, to_file, &job_id);
	if ((rc = store_tx_end(st, rc)) == AKSES_OK)
		*job_id_out = job_id;
	return rc;
}

/* The badge's token follows its job: once CUPS accepted the job (or its file was written) the
 * token printed on it becomes the pass's token and the one before is retired; a job that failed
 * first drops its token, so the earlier badge keeps working. Inside the transaction. */
static akses_status print_token_follow(store *st, int64_t job_id, int64_t pass_id,
                                       print_job_state old_state, print_job_state state)
{
	bool taken = old_state == JOB_ACCEPTED || old_state == JOB_COMPLETED;
	bool swap = !taken && (state == JOB_ACCEPTED || state == JOB_COMPLETED);
	if (!swap && !job_failed(state))
		return AKSES_OK;
	db_stmt *s = store_prep(st, "SELECT token_hash FROM print_job WHERE id = ?1"
	                            " AND token_hash IS NOT NULL");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, job_id);
	int src = db_step(s);
	db_finalize(s);
	if (src == DB_DONE)
		return AKSES_OK; /* no token waits on this job (not a badge, or already taken) */
	if (src != DB_ROW)
		return store_fail(st, src);
	akses_status rc;
	if (swap && (rc = store_pass_retire_current(st, pass_id, clock_now())) != AKSES_OK)
		return rc;
	if (swap && (rc = store_exec_ids(st,
	                                 "UPDATE pass SET token_hash = (SELECT token_hash FROM"
	                                 " print_job WHERE id = ?2) WHERE id = ?1",
	                                 pass_id, job_id, 0)) != AKSES_OK)
		return rc;
	return store_exec_ids(st, "UPDATE print_job SET token_hash = NULL WHERE id = ?1", job_id, 0,
	                      0);
}

/* The pass print state a job's new state implies, inside the transaction. A completion counts
 * once (a second COMPLETED report of the same job does not count again); a late failure report
 * of an old job never undoes a completed print. */
static akses_status print_pass_follow(store *st, int64_t job_id, int64_t pass_id,
                                      print_job_state old_state, print_job_state state)
{
	const char *sql = NULL;
	if (state == JOB_COMPLETED && old_state != JOB_COMPLETED)
		sql =
		    "UPDATE pass SET print_state = ?2, print_count = print_count + 1 WHERE id = ?1";
	else if (job_failed(state))
		/* a late failure of an older job says nothing about a newer one under way */
		sql = "UPDATE pass SET print_state = ?2 WHERE id = ?1 AND print_state <> ?3"
		      " AND NOT EXISTS (SELECT 1 FROM print_job WHERE pass_id = ?1 AND id > ?4)";
	if (!sql)
		return AKSES_OK; /* PENDING, ACCEPTED: still under way */
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, pass_id);
	db_bind_text(s, 2,
	                  wf_print_state_code(state == JOB_COMPLETED ? PRINT_DONE : PRINT_FAILED));
	if (job_failed(state)) {
		db_bind_text(s, 3, wf_print_state_code(PRINT_DONE));
		db_bind_int64(s, 4, job_id);
	}
	int src = db_step(s);
	db_finalize(s);
	return src == DB_DONE ? AKSES_OK : store_fail(st, src);
}

/* The checks and rows of store_print_update, inside its transaction. */
static akses_status print_update_tx(store *st, int64_t job_id, int cups_job_id,
                                    print_job_state state, const char *message)
{
	db_stmt *s = store_prep(st, "SELECT kind, coalesce(pass_id, 0), state, staff_id"
	                            " FROM print_job WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, job_id);
	int src = db_step(s);
	if (src != DB_ROW) {
		db_finalize(s);
		/* job ids come from store_print_begin_dest: an unknown one is the caller's mistake */
		return src == DB_DONE ? AKSES_E_INVALID_ARG : store_fail(st, src);
	}
	char kind[16];
	store_col_text(s, 0, kind, sizeof kind);
	int64_t pass_id = db_col_int64(s, 1);
	print_job_state old_state = wf_job_state_parse(db_col_text(s, 2));
	int64_t staff_id = db_col_int64(s, 3);
	db_finalize(s);

	char msg[256];
	copy_utf8(msg, sizeof msg, message ? message : "");
	s = store_prep(st, "UPDATE print_job SET state = ?2, cups_job_id = CASE WHEN ?3 > 0 THEN ?3"
	                   " ELSE cups_job_id END, message = ?4, updated_at = ?5 WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, job_id);
	db_bind_text(s, 2, wf_job_state_code(state));
	db_bind_int(s, 3, cups_job_id);
	db_bind_text(s, 4, msg);
	db_bind_int64(s, 5, clock_now());
	src = db_step(s);
	db_finalize(s);
	if (src != DB_DONE)
		return store_fail(st, src);
	akses_status rc;
	if (pass_id > 0 && ((rc = print_token_follow(st, job_id, pass_id, old_state, state)) != AKSES_OK ||
	                    (rc = print_pass_follow(st, job_id, pass_id, old_state, state)) != AKSES_OK))
		return rc;
	char subject[40], detail[64];
	snprintf(subject, sizeof subject, "print:%" PRId64, job_id);
	snprintf(detail, sizeof detail, "%s %s", kind, wf_job_state_code(state));
	return store_audit(st, staff_id, "print", subject, detail);
}

/* A job's progress or end (see store.h). message (kiosk/paper's code and argument) may be NULL
 * and is cut to 255 bytes. */
akses_status store_print_update(store *st, int64_t job_id, int cups_job_id, print_job_state state,
                                const char *message)
{
	if (!st || state <= JOB_NONE || state > JOB_FAILED || cups_job_id < 0)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	return store_tx_end(st, print_update_tx(st, job_id, cups_job_id, state, message));
}

/* One row of the list into *row (a struct akses_print_job). */
static bool print_job_row(db_stmt *s, void *row, void *ctx)
{
	struct akses_print_job *j = row;
	(void)ctx;
	j->id = db_col_int64(s, 0);
	j->at = db_col_int64(s, 1);
	store_col_text(s, 2, j->kind, sizeof j->kind);
	store_col_text(s, 3, j->number, sizeof j->number);
	j->pass_id = db_col_int64(s, 4);
	j->staff_id = db_col_int64(s, 5);
	store_col_text(s, 6, j->queue, sizeof j->queue);
	j->cups_job_id = db_col_int(s, 7);
	j->state = wf_job_state_parse(db_col_text(s, 8));
	j->reprint = db_col_int(s, 9) != 0;
	store_col_text(s, 10, j->message, sizeof j->message);
	j->to_file = db_col_int(s, 11) != 0;
	j->message_legacy = db_col_int(s, 12) != 0;
	return true;
}

/* Jobs of one SELECT ending in where (which may use ?1 = limit, ?2 = arg), newest first. *out is
 * malloc'd (NULL when there are none); the caller frees it. */
static akses_status print_query(store *st, const char *where, int limit, int64_t arg,
                                struct akses_print_job **out, int *n)
{
	if (!st || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	char sql[768];
	snprintf(sql, sizeof sql,
	         "SELECT j.id, j.at, j.kind, coalesce(r.number, ''),"
	         " coalesce(j.pass_id, 0), coalesce(j.staff_id, 0), j.queue,"
	         " j.cups_job_id, j.state, j.reprint, j.message,"
	         " CASE WHEN j.dest = 'file' THEN 1 ELSE 0 END, j.msg_legacy"
	         " FROM print_job j LEFT JOIN request r ON r.id = j.request_id"
	         " %s ORDER BY j.id DESC LIMIT ?1",
	         where);
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	/* no limit is the largest one: LIMIT -1 is SQLite's alone */
	db_bind_int64(s, 1, limit > 0 ? limit : INT64_MAX);
	if (db_param_count(s) >= 2)
		db_bind_int64(s, 2, arg);
	return store_rows(st, s, sizeof **out, print_job_row, NULL, out, n);
}

/* The newest limit jobs (all when limit <= 0), newest first. */
akses_status store_print_list(store *st, int limit, struct akses_print_job **out, int *n)
{
	return print_query(st, "", limit, 0, out, n);
}

/* The jobs sent to CUPS whose end is not yet known (pending or accepted), for reconciling. */
akses_status store_print_open(store *st, struct akses_print_job **out, int *n)
{
	return print_query(st, "WHERE j.state IN ('pending', 'accepted') AND j.dest = 'cups'", 0, 0,
	                   out, n);
}

/* The jobs CUPS took before `before` whose copies in the spool were not purged yet. */
akses_status store_print_spooled(store *st, int64_t before, struct akses_print_job **out, int *n)
{
	return print_query(st,
	                   "WHERE j.dest = 'cups' AND j.cups_job_id > 0 AND j.purged_at IS NULL"
	                   " AND j.at < ?2",
	                   0, before, out, n);
}

/* A job's spool copies are gone (see store.h). */
akses_status store_print_purged(store *st, int64_t job_id, int64_t actor_id)
{
	if (!st || job_id <= 0)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	db_stmt *s = store_prep(st, "UPDATE print_job SET purged_at = ?2 WHERE id = ?1");
	if (!s)
		return store_tx_end(st, AKSES_E_IO);
	db_bind_int64(s, 1, job_id);
	db_bind_int64(s, 2, clock_now());
	int src = db_step(s);
	db_finalize(s);
	char subject[40];
	snprintf(subject, sizeof subject, "print:%" PRId64, job_id);
	rc = src == DB_DONE ? store_audit(st, actor_id, "print-purge", subject, "")
	                        : store_fail(st, src);
	return store_tx_end(st, rc);
}

/* How many jobs of kind for request number CUPS accepted or a file received (see store.h). */
akses_status store_print_count(store *st, const char *kind, const char *number, int *n)
{
	if (!st || !kind || !number || !n)
		return AKSES_E_INVALID_ARG;
	*n = 0;
	db_stmt *s = store_prep(st, "SELECT count(*) FROM print_job j JOIN request r"
	                            " ON r.id = j.request_id WHERE r.number = ?1"
	                            " AND j.kind = ?2 AND j.state IN ('accepted', 'completed')");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, number);
	db_bind_text(s, 2, kind);
	int src = db_step(s);
	if (src == DB_ROW)
		*n = db_col_int(s, 0);
	db_finalize(s);
	return src == DB_ROW ? AKSES_OK : store_fail(st, src);
}
