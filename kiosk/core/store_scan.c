/* store_scan.c - SOP step 7 at the door: decide ENTRY, EXIT, DENIED or REPEAT (a double read) for a
 * scanned pass token and record it (denied scans too) in one transaction committed before the
 * decision is shown. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "secret.h"
#include "store_int.h"
#include "valid.h"

/* What the pass lookup found about a scanned token. */
struct scan_pass {
	bool found;
	int64_t id;
	bool revoked;
	bool inside;
	int64_t last_scan_at;
	int64_t request_id;
	req_state state;
	int64_t escort_id;
	int64_t start_at, end_at;
};

/* The signed-in staff member at the door must be a known, active account: the scan row names them
 * (and the foreign key would refuse anyone else). */
static akses_status scan_escort_check(store *st, int64_t escort_id)
{
	sqlite3_stmt *s = store_prep(st, "SELECT active FROM staff WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, escort_id);
	int src = sqlite3_step(s);
	bool active = src == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
	sqlite3_finalize(s);
	if (src == SQLITE_DONE)
		return AKSES_E_STAFF_NOT_FOUND;
	if (src != SQLITE_ROW)
		return store_fail(st, src);
	return active ? AKSES_OK : AKSES_E_STAFF_DISABLED;
}

/* The display fields of a found pass: request number, the person's name (the applicant's, or the
 * companion's with the pass's sequence number) and institution, and the request's own fields. */
static akses_status scan_load_request(store *st, struct scan_pass *p, int person,
                                      struct akses_scan_result *out)
{
	sqlite3_stmt *s = store_prep(st, "SELECT state, escort_id, start_at, end_at, number, name,"
	                                 " institution FROM request WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, p->request_id);
	int src = sqlite3_step(s);
	if (src == SQLITE_ROW) {
		if (wf_state_parse((const char *)sqlite3_column_text(s, 0), &p->state) != 0)
			p->state = RS_NONE;
		p->escort_id = sqlite3_column_int64(s, 1); /* NULL reads as 0: nobody */
		p->start_at = sqlite3_column_int64(s, 2);
		p->end_at = sqlite3_column_int64(s, 3);
		store_col_text(s, 4, out->number, sizeof out->number);
		store_col_text(s, 5, out->name, sizeof out->name);
		store_col_text(s, 6, out->institution, sizeof out->institution);
	}
	sqlite3_finalize(s);
	if (src != SQLITE_ROW)
		return src == SQLITE_DONE ? AKSES_E_REQUEST_NOT_FOUND : store_fail(st, src);
	if (person == 0)
		return AKSES_OK;
	s = store_prep(st, "SELECT name FROM companion WHERE request_id = ?1 AND seq = ?2");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, p->request_id);
	sqlite3_bind_int(s, 2, person);
	src = sqlite3_step(s);
	out->name[0] = '\0';
	if (src == SQLITE_ROW)
		store_col_text(s, 0, out->name, sizeof out->name);
	sqlite3_finalize(s);
	return src == SQLITE_ROW || src == SQLITE_DONE ? AKSES_OK : store_fail(st, src);
}

/* Find the pass whose stored hash is hash (one lookup on the UNIQUE token_hash index), filling p
 * and the display fields of out. The fetched hash is compared again in constant time, so the
 * decision never rests on a comparison whose timing depends on the secret. Plain single-table
 * statements on purpose: this is the hot path, and a join costs more to prepare than to run. */
static akses_status scan_find_pass(store *st, const unsigned char *hash, struct scan_pass *p,
                                   struct akses_scan_result *out)
{
	sqlite3_stmt *s = store_prep(st, "SELECT id, token_hash, revoked_at, inside, last_scan_at,"
	                                 " request_id, person FROM pass WHERE token_hash = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_blob(s, 1, hash, SECRET_HASH_BYTES, SQLITE_STATIC);
	int src = sqlite3_step(s);
	int person = 0;
	if (src == SQLITE_ROW) {
		const void *stored = sqlite3_column_blob(s, 1);
		int len = sqlite3_column_bytes(s, 1);
		if (stored && len == SECRET_HASH_BYTES &&
		    secret_equal(stored, hash, SECRET_HASH_BYTES)) {
			p->found = true;
			p->id = sqlite3_column_int64(s, 0);
			p->revoked = sqlite3_column_type(s, 2) != SQLITE_NULL;
			p->inside = sqlite3_column_int(s, 3) != 0;
			p->last_scan_at = sqlite3_column_int64(s, 4);
			p->request_id = sqlite3_column_int64(s, 5);
			person = sqlite3_column_int(s, 6);
		}
	}
	sqlite3_finalize(s);
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		return store_fail(st, src);
	return p->found ? scan_load_request(st, p, person, out) : AKSES_OK;
}

/* Is hash a request's receipt token? A visitor holding up the receipt instead of the pass is told
 * so, rather than "unknown pass". */
static akses_status scan_is_receipt(store *st, const unsigned char *hash, bool *yes)
{
	sqlite3_stmt *s = store_prep(st, "SELECT receipt_hash FROM request WHERE receipt_hash = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_blob(s, 1, hash, SECRET_HASH_BYTES, SQLITE_STATIC);
	int src = sqlite3_step(s);
	*yes = false;
	if (src == SQLITE_ROW) {
		const void *stored = sqlite3_column_blob(s, 0);
		*yes = stored && sqlite3_column_bytes(s, 0) == SECRET_HASH_BYTES &&
		       secret_equal(stored, hash, SECRET_HASH_BYTES);
	}
	sqlite3_finalize(s);
	return src == SQLITE_ROW || src == SQLITE_DONE ? AKSES_OK : store_fail(st, src);
}

/* A token no pass holds: one a reprint replaced is denied as "replaced by a new print" (and named,
 * so the escort knows whose badge it is), anything else stays "unknown". */
static akses_status scan_find_retired(store *st, const unsigned char *hash,
                                      struct akses_scan_result *out)
{
	sqlite3_stmt *s = store_prep(st, "SELECT t.pass_id, p.request_id, p.person FROM pass_retired t"
	                                 " JOIN pass p ON p.id = t.pass_id WHERE t.hash = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_blob(s, 1, hash, SECRET_HASH_BYTES, SQLITE_STATIC);
	int src = sqlite3_step(s);
	struct scan_pass p;
	memset(&p, 0, sizeof p);
	int person = 0;
	if (src == SQLITE_ROW) {
		p.id = sqlite3_column_int64(s, 0);
		p.request_id = sqlite3_column_int64(s, 1);
		person = sqlite3_column_int(s, 2);
	}
	sqlite3_finalize(s);
	if (src == SQLITE_DONE)
		return AKSES_OK;
	if (src != SQLITE_ROW)
		return store_fail(st, src);
	out->reason = DENY_REPLACED;
	out->pass_id = p.id;
	return scan_load_request(st, &p, person, out);
}

/* The decision for a known pass, in the order PRODUCT.md and store.h give: escort, revoked or
 * closed, direction (repeat guard, anti-passback), then the window for an entry. Sets
 * out->decision and out->reason. */
static void scan_decide(const store *st, const struct scan_pass *p, int64_t escort_id,
                        scan_direction dir, int64_t now, struct akses_scan_result *out)
{
	out->decision = SCAN_DENIED;
	if (p->escort_id != escort_id) {
		out->reason = DENY_WRONG_ESCORT;
		return;
	}
	scan_decision want;
	if (dir == SCAN_DIR_AUTO)
		want = p->inside ? SCAN_EXIT : SCAN_ENTRY;
	else
		want = dir == SCAN_DIR_IN ? SCAN_ENTRY : SCAN_EXIT;
	/* Someone inside on a pass revoked meanwhile must still be let out, and that exit recorded:
	 * otherwise the evacuation list would show them inside for ever. A pass nobody revoked whose
	 * visit was closed (the report written, step 9 on) says so, not "revoked". */
	bool visit_open = p->state == RS_RECORDED || p->state == RS_ON_SITE || p->state == RS_VISITED;
	if ((p->revoked || !visit_open) && !(p->inside && want == SCAN_EXIT)) {
		out->reason = p->revoked ? DENY_REVOKED : DENY_CLOSED;
		return;
	}
	/* In AUTO, a scanner that reads the same badge twice must not turn one passage into an entry
	 * and an exit: a scan within the repeat guard of the last accepted one is a double read,
	 * recorded as REPEAT and changing nothing (it is no denial: the person did nothing wrong). An
	 * explicit direction says what the escort means, and anti-passback already refuses a double. */
	int repeat = st->opt.scan_repeat_s;
	if (dir == SCAN_DIR_AUTO && repeat > 0 && p->last_scan_at > 0 && now >= p->last_scan_at &&
	    now - p->last_scan_at < repeat) {
		out->decision = SCAN_REPEAT;
		out->reason = DENY_NONE;
		return;
	}
	if (want == SCAN_ENTRY && p->inside) {
		out->reason = DENY_ALREADY_INSIDE;
		return;
	}
	if (want == SCAN_EXIT && !p->inside) {
		out->reason = DENY_NOT_INSIDE;
		return;
	}
	if (want == SCAN_ENTRY) {
		if (now < p->start_at - (int64_t)st->opt.pass_grace_min * 60) {
			out->reason = DENY_NOT_YET_VALID;
			return;
		}
		if (now >= p->end_at) {
			out->reason = DENY_EXPIRED;
			return;
		}
	}
	/* an exit is always allowed for someone inside, even after the window: they must leave */
	out->decision = want;
	out->reason = DENY_NONE;
}

/* Run one statement that binds only integers (?1.. in order) and returns no rows. */
static akses_status exec_ints(store *st, const char *sql, int n, const int64_t *v)
{
	sqlite3_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(s, i + 1, v[i]);
	int src = sqlite3_step(s);
	sqlite3_finalize(s);
	return src == SQLITE_DONE ? AKSES_OK : store_fail(st, src);
}

/* Step 7 is not timed from step 6 (a visit booked a week ahead would be a week late): its row
 * gets wf_step7_duration, from the window's start (or step 6, if later) to the first entry. */
static akses_status scan_time_step7(store *st, const struct scan_pass *p, int64_t step_id)
{
	sqlite3_stmt *s = store_prep(
	    st, "SELECT coalesce((SELECT at FROM step WHERE request_id = ?1 AND action = ?2"
	        "   ORDER BY id DESC LIMIT 1), 0),"
	        " (SELECT min(s.at) FROM scan s JOIN pass p ON p.id = s.pass_id"
	        "   WHERE p.request_id = ?1 AND s.decision = 'ENTRY')");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, p->request_id);
	sqlite3_bind_text(s, 2, wf_get(WF_RECORD)->code, -1, SQLITE_STATIC);
	int src = sqlite3_step(s);
	int64_t recorded = 0, first = 0;
	if (src == SQLITE_ROW) {
		recorded = sqlite3_column_int64(s, 0);
		first = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (src != SQLITE_ROW)
		return store_fail(st, src);
	int64_t v[2] = {step_id, wf_step7_duration(p->start_at, recorded, first)};
	return exec_ints(st, "UPDATE step SET duration_s = ?2 WHERE id = ?1", 2, v);
}

/* The request's state after an accepted scan: ON_SITE on an entry; VISITED with a step 7 row
 * (actor: the escort) when an exit leaves nobody of the request inside. */
static akses_status scan_advance_request(store *st, const struct scan_pass *p, int64_t escort_id,
                                         scan_decision d, int64_t now)
{
	if (d == SCAN_ENTRY) {
		if (p->state == RS_RECORDED || p->state == RS_VISITED)
			return store_set_state(st, p->request_id, RS_ON_SITE, now);
		return AKSES_OK;
	}
	if (p->state != RS_ON_SITE)
		return AKSES_OK;
	sqlite3_stmt *s = store_prep(st, "SELECT EXISTS(SELECT 1 FROM pass WHERE request_id = ?1"
	                                 " AND inside = 1)");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, p->request_id);
	int src = sqlite3_step(s);
	bool someone_inside = src == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
	sqlite3_finalize(s);
	if (src != SQLITE_ROW)
		return store_fail(st, src);
	if (someone_inside)
		return AKSES_OK;
	akses_status rc = store_step_add(st, p->request_id, WF_VISIT_END, escort_id, now, NULL);
	if (rc == AKSES_OK)
		rc = scan_time_step7(st, p, sqlite3_last_insert_rowid(st->db));
	if (rc != AKSES_OK)
		return rc;
	return store_set_state(st, p->request_id, RS_VISITED, now);
}

/* Write the scan row, the pass and request changes and the audit row (inside the transaction). */
static akses_status scan_record(store *st, const struct scan_pass *p, int64_t escort_id,
                                const char *station, int64_t now, struct akses_scan_result *out)
{
	sqlite3_stmt *s =
	    store_prep(st, "INSERT INTO scan(at, station, escort_id, pass_id, decision,"
	                   " reason, overstay) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_text(s, 2, station, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, escort_id);
	if (p->found || out->pass_id) /* a replaced badge is recorded against its pass */
		sqlite3_bind_int64(s, 4, p->found ? p->id : out->pass_id);
	else
		sqlite3_bind_null(s, 4);
	sqlite3_bind_text(s, 5, wf_decision_code(out->decision), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, out->reason == DENY_NONE ? "" : wf_deny_code(out->reason), -1,
	                  SQLITE_STATIC);
	sqlite3_bind_int(s, 7, out->overstay);
	int src = sqlite3_step(s);
	sqlite3_finalize(s);
	if (src != SQLITE_DONE)
		return store_fail(st, src);
	out->scan_id = sqlite3_last_insert_rowid(st->db);

	if (out->decision == SCAN_ENTRY || out->decision == SCAN_EXIT) {
		int64_t v[3] = {p->id, out->decision == SCAN_ENTRY, now};
		akses_status rc = exec_ints(
		    st, "UPDATE pass SET inside = ?2, last_scan_at = ?3 WHERE id = ?1", 3, v);
		if (rc != AKSES_OK ||
		    (rc = scan_advance_request(st, p, escort_id, out->decision, now)) != AKSES_OK)
			return rc;
	}

	char subject[40], detail[64];
	if (p->found || out->pass_id)
		snprintf(subject, sizeof subject, "pass:%" PRId64, p->found ? p->id : out->pass_id);
	else
		snprintf(subject, sizeof subject, "unknown");
	snprintf(detail, sizeof detail, "%s%s%s", wf_decision_code(out->decision),
	         out->reason == DENY_NONE ? "" : " ",
	         out->reason == DENY_NONE ? "" : wf_deny_code(out->reason));
	return store_audit(st, escort_id, "scan", subject, detail);
}

/* Step 7: see store.h. The raw token is never stored, not even when it is unknown: a mistyped
 * token is one character away from a valid one. */
akses_status store_scan(store *st, const char *token, int64_t escort_id, const char *station,
                        scan_direction dir, struct akses_scan_result *out)
{
	if (!st || !out || dir < SCAN_DIR_AUTO || dir > SCAN_DIR_OUT)
		return AKSES_E_INVALID_ARG;
	memset(out, 0, sizeof *out);
	if (!station)
		station = "";
	if (valid_text(station, AKSES_STATION_CHARS, false, false) != AKSES_OK)
		return AKSES_E_INVALID_ARG;

	int64_t now = clock_now();
	out->at = now;
	char canon[AKSES_TOKEN_BUF];
	unsigned char hash[SECRET_HASH_BYTES];
	bool well_formed = token && valid_token(token, canon) == AKSES_OK;
	if (well_formed)
		secret_token_hash(canon, hash);

	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	struct scan_pass p;
	memset(&p, 0, sizeof p);
	if ((rc = scan_escort_check(st, escort_id)) == AKSES_OK && well_formed)
		rc = scan_find_pass(st, hash, &p, out);
	if (rc == AKSES_OK && !p.found) {
		bool receipt = false;
		if (well_formed)
			rc = scan_is_receipt(st, hash, &receipt);
		out->decision = SCAN_DENIED;
		out->reason = receipt ? DENY_RECEIPT : DENY_UNKNOWN;
		if (rc == AKSES_OK && well_formed && !receipt)
			rc = scan_find_retired(st, hash, out);
	} else if (rc == AKSES_OK) {
		out->pass_id = p.id;
		scan_decide(st, &p, escort_id, dir, now, out);
		/* leaving late, or still inside past the window's end */
		out->overstay = now > p.end_at && (out->decision == SCAN_EXIT ||
		                                   (out->decision == SCAN_DENIED && p.inside));
	}
	if (rc == AKSES_OK)
		rc = scan_record(st, &p, escort_id, station, now, out);
	if ((rc = store_tx_end(st, rc)) != AKSES_OK)
		memset(out, 0, sizeof *out);
	return rc;
}
