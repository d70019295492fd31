/* store_scan.c - SOP step 7 at the door: decide ENTRY, EXIT, DENIED or REPEAT (a double read) for a
 * scanned pass token and record it (denied scans too) in one transaction committed before the
 * decision is shown. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "door_rule.h"
#include "secret.h"
#include "store_int.h"
#include "valid.h"

/* What the lookup found about a scanned token or a typed number and person: the pass's row and
 * the facts the door's rule decides on. */
struct scan_pass {
	int64_t id; /* the pass (also a replaced badge's) */
	int64_t request_id;
	struct door_facts f;
	int others_inside; /* the request's other passes inside (a found pass only) */
	bool escort_known; /* escort_name read with the facts */
	char escort_name[AKSES_BUF(AKSES_NAME_CHARS)]; /* the request's assigned escort's */
	bool head_known;   /* the audit chain's head was read with the facts */
	struct store_audit_head head;
	int64_t new_id;    /* the scan row's id, read with the facts (0: RETURNING gives it) */
};

/* The signed-in staff member at the door must be a known, active account: the scan row names them
 * (and the foreign key would refuse anyone else). */
static akses_status scan_escort_check(store *st, int64_t escort_id)
{
	db_stmt *s = store_prep(st, "SELECT active FROM staff WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, escort_id);
	int src = db_step(s);
	bool active = src == DB_ROW && db_col_int(s, 0) != 0;
	db_finalize(s);
	if (src == DB_DONE)
		return AKSES_E_STAFF_NOT_FOUND;
	if (src != DB_ROW)
		return store_fail(st, src);
	return active ? AKSES_OK : AKSES_E_STAFF_DISABLED;
}

/* Split the request's equipment column (one item per line) into out[0..*n), at most
 * AKSES_MAX_EQUIPMENT items, each cut to the buffer: see store_int.h. */
void store_equipment_split(const char *text, char (*out)[AKSES_BUF(AKSES_EQUIPMENT_CHARS)],
                           int *n)
{
	*n = 0;
	for (const char *p = text; p && *p && *n < AKSES_MAX_EQUIPMENT;) {
		const char *nl = strchr(p, '\n');
		size_t m = nl ? (size_t)(nl - p) : strlen(p);
		size_t cap = AKSES_BUF(AKSES_EQUIPMENT_CHARS) - 1;
		memcpy(out[*n], p, m < cap ? m : cap);
		out[*n][m < cap ? m : cap] = '\0';
		(*n)++;
		p = nl ? nl + 1 : p + m;
	}
}

/* The request's columns from col on, in this order: state, escort_id, start_at, end_at, number,
 * name (the person's), institution, equipment; into the rule's facts and the display fields. */
static void scan_request_cols(db_stmt *s, int col, struct scan_pass *p,
                              struct akses_scan_result *out)
{
	if (wf_state_parse(db_col_text(s, col), &p->f.state) != 0)
		p->f.state = RS_NONE;
	p->f.escort_id = db_col_int64(s, col + 1); /* NULL reads as 0: nobody */
	p->f.start_at = db_col_int64(s, col + 2);
	p->f.end_at = db_col_int64(s, col + 3);
	store_col_text(s, col + 4, out->number, sizeof out->number);
	store_col_text(s, col + 5, out->name, sizeof out->name);
	store_col_text(s, col + 6, out->institution, sizeof out->institution);
	store_equipment_split(db_col_text(s, col + 7), out->equipment, &out->n_equipment);
}

/* The display fields of a found pass: request number, the person's name (the applicant's, or the
 * companion's with the pass's sequence number) and institution, the declared equipment, and the
 * request's own fields the rule needs. */
static akses_status scan_load_request(store *st, struct scan_pass *p, int person,
                                      struct akses_scan_result *out)
{
	db_stmt *s = store_prep(st, "SELECT state, escort_id, start_at, end_at, number, name,"
	                            " institution, equipment FROM request WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, p->request_id);
	int src = db_step(s);
	if (src == DB_ROW)
		scan_request_cols(s, 0, p, out);
	db_finalize(s);
	if (src != DB_ROW)
		return src == DB_DONE ? AKSES_E_REQUEST_NOT_FOUND : store_fail(st, src);
	if (person == 0)
		return AKSES_OK;
	s = store_prep(st, "SELECT name FROM companion WHERE request_id = ?1 AND seq = ?2");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, p->request_id);
	db_bind_int(s, 2, person);
	src = db_step(s);
	out->name[0] = '\0';
	if (src == DB_ROW)
		store_col_text(s, 0, out->name, sizeof out->name);
	db_finalize(s);
	return src == DB_ROW || src == DB_DONE ? AKSES_OK : store_fail(st, src);
}

/* The one statement a token's scan reads before it writes (one round trip on a server, the
 * transaction's BEGIN and writer lock sent with it): the signed-in staff member (a known, active
 * account: the scan row names them), the pass whose stored hash is hash (one lookup on the
 * UNIQUE token_hash index; hash NULL finds none) with its request, the person's name (the
 * applicant's, or the companion's by the pass's sequence number), the assigned escort's name, how
 * many of the request's other passes are inside, the audit chain's head and the new scan row's
 * id. Everything is read under the writer lock, so none of it can change before the commit, and
 * every write after it goes with the COMMIT: a scan waits for the server twice. The fetched hash
 * is compared again in constant time, so the decision never rests on a comparison whose timing
 * depends on the secret. */
static akses_status scan_find_token(store *st, int64_t escort_id, const unsigned char *hash,
                                    struct scan_pass *p, struct akses_scan_result *out)
{
	char next_id[96], sql[1400];
	if (db_next_id_sql(st->db, "scan", next_id, sizeof next_id) != DB_OK)
		return AKSES_E_IO;
	snprintf(sql, sizeof sql,
	         "SELECT s.active, p.id, p.token_hash, p.revoked_at, p.inside, p.last_scan_at,"
	         " p.request_id, r.state, r.escort_id, r.start_at, r.end_at, r.number,"
	         " CASE WHEN p.person = 0 THEN r.name ELSE c.name END, r.institution,"
	         " r.equipment, e.name,"
	         " (SELECT count(*) FROM pass o WHERE o.request_id = p.request_id"
	         "   AND o.inside = 1 AND o.id <> p.id),"
	         " (SELECT max(id) FROM audit),"
	         " (SELECT hash FROM audit WHERE id = (SELECT max(id) FROM audit)), %s"
	         " FROM staff s LEFT JOIN pass p ON p.token_hash = ?2"
	         " LEFT JOIN request r ON r.id = p.request_id"
	         " LEFT JOIN companion c ON c.request_id = p.request_id AND c.seq = p.person"
	         " LEFT JOIN staff e ON e.id = r.escort_id"
	         " WHERE s.id = ?1",
	         next_id);
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, escort_id);
	if (hash)
		db_bind_blob(s, 2, hash, SECRET_HASH_BYTES);
	else
		db_bind_null(s, 2);
	int src = db_step(s);
	bool active = false;
	if (src == DB_ROW) {
		active = db_col_int(s, 0) != 0;
		size_t len = 0;
		const void *stored = db_col_blob(s, 2, &len);
		if (hash && !db_col_is_null(s, 1) && !db_col_is_null(s, 6) && stored &&
		    len == SECRET_HASH_BYTES && secret_equal(stored, hash, SECRET_HASH_BYTES)) {
			p->f.found = true;
			p->id = db_col_int64(s, 1);
			p->f.revoked = !db_col_is_null(s, 3);
			p->f.inside = db_col_int(s, 4) != 0;
			p->f.last_scan_at = db_col_int64(s, 5);
			p->request_id = db_col_int64(s, 6);
			scan_request_cols(s, 7, p, out);
			p->escort_known = true;
			store_col_text(s, 15, p->escort_name, sizeof p->escort_name);
			p->others_inside = db_col_int(s, 16);
		}
		p->head_known = true;
		p->head.id = db_col_int64(s, 17); /* NULL (no row yet) reads as 0 */
		store_col_text(s, 18, p->head.hash, sizeof p->head.hash);
		p->new_id = db_col_int64(s, 19);
	}
	db_finalize(s);
	if (src == DB_DONE)
		return AKSES_E_STAFF_NOT_FOUND;
	if (src != DB_ROW)
		return store_fail(st, src);
	return active ? AKSES_OK : AKSES_E_STAFF_DISABLED;
}

/* Is hash a request's receipt token? A visitor holding up the receipt instead of the pass is told
 * so, rather than "unknown pass". */
static akses_status scan_is_receipt(store *st, const unsigned char *hash, bool *yes)
{
	db_stmt *s = store_prep(st, "SELECT receipt_hash FROM request WHERE receipt_hash = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_blob(s, 1, hash, SECRET_HASH_BYTES);
	int src = db_step(s);
	*yes = false;
	if (src == DB_ROW) {
		size_t len = 0;
		const void *stored = db_col_blob(s, 0, &len);
		*yes = stored && len == SECRET_HASH_BYTES &&
		       secret_equal(stored, hash, SECRET_HASH_BYTES);
	}
	db_finalize(s);
	return src == DB_ROW || src == DB_DONE ? AKSES_OK : store_fail(st, src);
}

/* A token no pass holds: one a reprint replaced is denied as "replaced by a new print" (and named,
 * so the escort knows whose badge it is), anything else stays "unknown". */
static akses_status scan_find_retired(store *st, const unsigned char *hash, struct scan_pass *p,
                                      struct akses_scan_result *out)
{
	db_stmt *s = store_prep(st, "SELECT t.pass_id, p.request_id, p.person FROM pass_retired t"
	                            " JOIN pass p ON p.id = t.pass_id WHERE t.hash = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_blob(s, 1, hash, SECRET_HASH_BYTES);
	int src = db_step(s);
	int person = 0;
	if (src == DB_ROW) {
		p->id = db_col_int64(s, 0);
		p->request_id = db_col_int64(s, 1);
		person = db_col_int(s, 2);
	}
	db_finalize(s);
	if (src == DB_DONE)
		return AKSES_OK;
	if (src != DB_ROW)
		return store_fail(st, src);
	p->f.replaced = true;
	return scan_load_request(st, p, person, out);
}

/* A pass typed in by hand (a torn or wet badge): request number and person (0 the applicant,
 * 1.. a companion). AKSES_E_REQUEST_NOT_FOUND for no such request; a request with no passes yet
 * leaves p->f.found false with its state loaded (the rule denies it as not issued);
 * AKSES_E_PASS_NOT_FOUND when the request has passes but none for this person. */
static akses_status scan_find_typed(store *st, const char *number, int person,
                                    struct scan_pass *p, struct akses_scan_result *out)
{
	db_stmt *s = store_prep(
	    st, "SELECT r.id, r.state, p.id, p.revoked_at, p.inside, p.last_scan_at,"
	        " (SELECT count(*) FROM pass WHERE request_id = r.id),"
	        " (SELECT count(*) FROM pass o WHERE o.request_id = r.id AND o.inside = 1"
	        "   AND o.id <> p.id)"
	        " FROM request r LEFT JOIN pass p ON p.request_id = r.id AND p.person = ?2"
	        " WHERE r.number = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, number);
	db_bind_int(s, 2, person);
	int src = db_step(s);
	int n_passes = 0;
	if (src == DB_ROW) {
		p->request_id = db_col_int64(s, 0);
		if (wf_state_parse(db_col_text(s, 1), &p->f.state) != 0)
			p->f.state = RS_NONE;
		if (!db_col_is_null(s, 2)) {
			p->f.found = true;
			p->id = db_col_int64(s, 2);
			p->f.revoked = !db_col_is_null(s, 3);
			p->f.inside = db_col_int(s, 4) != 0;
			p->f.last_scan_at = db_col_int64(s, 5);
		}
		n_passes = db_col_int(s, 6);
		p->others_inside = db_col_int(s, 7);
	}
	db_finalize(s);
	if (src == DB_DONE)
		return AKSES_E_REQUEST_NOT_FOUND;
	if (src != DB_ROW)
		return store_fail(st, src);
	if (!p->f.found && n_passes > 0)
		return AKSES_E_PASS_NOT_FOUND;
	/* no pass yet: the request is still shown, and its state tells the rule why */
	return scan_load_request(st, p, p->f.found ? person : 0, out);
}

/* The name of the escort assigned to the request, for "not your visitor - escort: Dedi". */
static akses_status scan_escort_name(store *st, int64_t escort_id, struct akses_scan_result *out)
{
	if (escort_id <= 0)
		return AKSES_OK;
	db_stmt *s = store_prep(st, "SELECT name FROM staff WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, escort_id);
	int src = db_step(s);
	if (src == DB_ROW)
		store_col_text(s, 0, out->escort_name, sizeof out->escort_name);
	db_finalize(s);
	return src == DB_ROW || src == DB_DONE ? AKSES_OK : store_fail(st, src);
}

/* Run one statement that binds only integers (?1.. in order) and returns no rows; later: with
 * db_step_later (its outcome known by the commit at the latest). */
static akses_status exec_ints(store *st, const char *sql, int n, const int64_t *v, bool later)
{
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	for (int i = 0; i < n; i++)
		db_bind_int64(s, i + 1, v[i]);
	int src = later ? db_step_later(s) : db_step(s);
	db_finalize(s);
	return src == DB_DONE ? AKSES_OK : store_fail(st, src);
}

/* Step 7 is not timed from step 6 (a visit booked a week ahead would be a week late): its row
 * gets wf_step7_duration, from the window's start (or step 6, if later) to the first entry. Known
 * before the row is written, so the compliance summary counts the duration the row keeps. */
static akses_status scan_step7_duration(store *st, const struct scan_pass *p, int64_t *duration_s)
{
	db_stmt *s = store_prep(
	    st, "SELECT coalesce((SELECT at FROM step WHERE request_id = ?1 AND action = ?2"
	        "   ORDER BY id DESC LIMIT 1), 0),"
	        " (SELECT min(s.at) FROM scan s JOIN pass p ON p.id = s.pass_id"
	        "   WHERE p.request_id = ?1 AND s.decision = 'ENTRY')");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, p->request_id);
	db_bind_text(s, 2, wf_get(WF_RECORD)->code);
	int src = db_step(s);
	int64_t recorded = 0, first = 0;
	if (src == DB_ROW) {
		recorded = db_col_int64(s, 0);
		first = db_col_int64(s, 1);
	}
	db_finalize(s);
	if (src != DB_ROW)
		return store_fail(st, src);
	*duration_s = wf_step7_duration(p->f.start_at, recorded, first);
	return AKSES_OK;
}

/* The request's state after an accepted scan: ON_SITE on an entry; VISITED with a step 7 row
 * (actor: the escort) when an exit leaves nobody of the request inside. */
static akses_status scan_advance_request(store *st, const struct scan_pass *p, int64_t escort_id,
                                         scan_decision d, int64_t now)
{
	if (d == SCAN_ENTRY) {
		if (p->f.state == RS_RECORDED || p->f.state == RS_VISITED)
			return store_set_state(st, p->request_id, RS_ON_SITE, now);
		return AKSES_OK;
	}
	/* this pass has just left: the others, counted with the facts under the writer lock, say
	 * whether anyone of the request is still inside */
	if (p->f.state != RS_ON_SITE || p->others_inside > 0)
		return AKSES_OK;
	int64_t duration_s = -1;
	akses_status rc = scan_step7_duration(st, p, &duration_s);
	if (rc == AKSES_OK)
		rc = store_step_add_timed(st, p->request_id, WF_VISIT_END, escort_id, now, NULL,
		                          duration_s);
	if (rc != AKSES_OK)
		return rc;
	return store_set_state(st, p->request_id, RS_VISITED, now);
}

/* Write the scan row, the pass and request changes and the audit row (inside the transaction). */
static akses_status scan_record(store *st, const struct scan_pass *p, int64_t escort_id,
                                const char *station, int64_t now, const char *spool_key,
                                struct akses_scan_result *out)
{
	/* with the id read with the facts, the row goes with the COMMIT; else RETURNING gives it */
	db_stmt *s = store_prep(st, p->new_id > 0
	                                ? "INSERT INTO scan(at, station, escort_id, pass_id, decision,"
	                                  " reason, overstay, manual, spool_key, id)"
	                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
	                                : "INSERT INTO scan(at, station, escort_id, pass_id, decision,"
	                                  " reason, overstay, manual, spool_key)"
	                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, now);
	db_bind_text(s, 2, station);
	db_bind_int64(s, 3, escort_id);
	if (p->id) /* a replaced badge is recorded against its pass */
		db_bind_int64(s, 4, p->id);
	else
		db_bind_null(s, 4);
	db_bind_text(s, 5, wf_decision_code(out->decision));
	db_bind_text(s, 6, out->reason == DENY_NONE ? "" : wf_deny_code(out->reason));
	db_bind_int(s, 7, out->overstay);
	db_bind_int(s, 8, out->manual);
	db_bind_text(s, 9, spool_key); /* NULL: a scan made online */
	akses_status irc;
	if (p->new_id > 0) {
		db_bind_int64(s, 10, p->new_id);
		int src = db_step_later(s);
		db_finalize(s);
		irc = src == DB_DONE ? AKSES_OK : store_fail(st, src);
		out->scan_id = p->new_id;
	} else {
		irc = store_insert_id(st, s, &out->scan_id);
	}
	if (irc != AKSES_OK)
		return irc;

	if (out->decision == SCAN_ENTRY || out->decision == SCAN_EXIT) {
		int64_t v[3] = {p->id, out->decision == SCAN_ENTRY, now};
		akses_status rc = exec_ints(
		    st, "UPDATE pass SET inside = ?2, last_scan_at = ?3 WHERE id = ?1", 3, v, true);
		if (rc != AKSES_OK ||
		    (rc = scan_advance_request(st, p, escort_id, out->decision, now)) != AKSES_OK)
			return rc;
	}

	/* the station as in a sign-in's row: with several doors on one server, the chain says which */
	char subject[40], detail[128];
	if (p->id)
		snprintf(subject, sizeof subject, "pass:%" PRId64, p->id);
	else
		snprintf(subject, sizeof subject, "unknown");
	snprintf(detail, sizeof detail, "%s%s%s%s%s station=%s", wf_decision_code(out->decision),
	         out->reason == DENY_NONE ? "" : " ",
	         out->reason == DENY_NONE ? "" : wf_deny_code(out->reason),
	         out->manual ? " manual" : "", spool_key ? " spooled" : "", station);
	/* the head read with the facts: nothing written above appends to the chain (and a head
	 * gone stale would fail audit's primary key, never fork the chain) */
	if (p->head_known)
		return store_audit_after(st, &p->head, escort_id, "scan", subject, detail);
	return store_audit(st, escort_id, "scan", subject, detail);
}

/* The signed-in staff member and the facts for one read: a typed number and person, or a token's
 * hash (a pass, else a receipt, else a pass retired by a reprint). */
static akses_status scan_load(store *st, int64_t escort_id, const unsigned char *hash,
                              const char *number, int person, struct scan_pass *p,
                              struct akses_scan_result *out)
{
	akses_status rc;
	if (number)
		return (rc = scan_escort_check(st, escort_id)) == AKSES_OK
		           ? scan_find_typed(st, number, person, p, out)
		           : rc;
	if ((rc = scan_find_token(st, escort_id, hash, p, out)) == AKSES_OK && hash &&
	    !p->f.found && (rc = scan_is_receipt(st, hash, &p->f.receipt)) == AKSES_OK &&
	    !p->f.receipt)
		rc = scan_find_retired(st, hash, p, out);
	return rc;
}

/* A spooled exit already recorded under key (a second replay, or one after a crash mid-way):
 * *found true and out says what was recorded then. */
static akses_status scan_find_spooled(store *st, const char *key, bool *found,
                                      struct akses_scan_result *out)
{
	db_stmt *s = store_prep(st, "SELECT id, at, coalesce(pass_id, 0), decision, reason"
	                            " FROM scan WHERE spool_key = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, key);
	int src = db_step(s);
	*found = src == DB_ROW;
	if (*found) {
		out->scan_id = db_col_int64(s, 0);
		out->at = db_col_int64(s, 1);
		out->pass_id = db_col_int64(s, 2);
		/* decisions have no parser (wf.h) */
		const char *d = db_col_text(s, 3);
		out->decision = SCAN_DENIED;
		for (int k = SCAN_ENTRY; k <= SCAN_REPEAT; k++)
			if (d && !strcmp(d, wf_decision_code((scan_decision)k)))
				out->decision = (scan_decision)k;
		const char *r = db_col_text(s, 4);
		out->reason = r && *r ? wf_deny_parse(r) : DENY_NONE;
	}
	db_finalize(s);
	return src == DB_ROW || src == DB_DONE ? AKSES_OK : store_fail(st, src);
}

/* Load what the read names (a token's hash, or a typed number and person), decide with the door's
 * rule, record and commit. at: the scan's time (0: now; a spooled exit's own time otherwise).
 * spool_key: a spooled exit's key (NULL otherwise), recorded once whatever the replays. Fills out;
 * on an error nothing is recorded and out is wiped. */
static akses_status scan_run(store *st, const unsigned char *hash, const char *number, int person,
                             int64_t escort_id, const char *station, scan_direction dir,
                             int64_t at, const char *spool_key, struct akses_scan_result *out)
{
	int64_t now = at > 0 ? at : clock_now();
	struct scan_pass p;
	memset(&p, 0, sizeof p);
	out->at = now;
	out->manual = number != NULL;

	akses_status rc = store_begin_keyed(st);
	if (rc != AKSES_OK)
		return rc;
	bool done = false;
	if (spool_key && (rc = scan_find_spooled(st, spool_key, &done, out)) == AKSES_OK && done)
		return store_tx_end(st, AKSES_OK);
	if (rc == AKSES_OK)
		rc = scan_load(st, escort_id, hash, number, person, &p, out);
	if (rc == AKSES_OK) {
		p.f.reader_id = escort_id;
		p.f.now = now;
		p.f.dir = dir;
		p.f.grace_min = st->opt.pass_grace_min;
		p.f.repeat_s = st->opt.scan_repeat_s;
		struct door_verdict v;
		door_decide(&p.f, &v);
		out->decision = v.decision;
		out->reason = v.reason;
		out->overstay = v.overstay;
		out->pass_id = p.id;
		if (p.request_id) {
			out->valid_from = v.valid_from;
			out->end_at = p.f.end_at;
		}
		if (v.reason == DENY_WRONG_ESCORT && p.escort_known)
			snprintf(out->escort_name, sizeof out->escort_name, "%s", p.escort_name);
		else if (v.reason == DENY_WRONG_ESCORT)
			rc = scan_escort_name(st, p.f.escort_id, out);
	}
	if (rc == AKSES_OK)
		rc = scan_record(st, &p, escort_id, station, now, spool_key, out);
	if ((rc = store_tx_end(st, rc)) != AKSES_OK)
		memset(out, 0, sizeof *out);
	return rc;
}

static bool scan_args_ok(store *st, const char **station, scan_direction dir,
                         struct akses_scan_result *out)
{
	if (!st || !out || dir < SCAN_DIR_AUTO || dir > SCAN_DIR_OUT)
		return false;
	memset(out, 0, sizeof *out);
	if (!*station)
		*station = "";
	return valid_text(*station, AKSES_STATION_CHARS, false, false) == AKSES_OK;
}

/* A scanned token (garbage included: decided as unknown) through scan_run. */
static akses_status scan_token(store *st, const char *token, int64_t escort_id, const char *station,
                               scan_direction dir, int64_t at, const char *key,
                               struct akses_scan_result *out)
{
	char canon[AKSES_TOKEN_BUF];
	unsigned char hash[SECRET_HASH_BYTES];
	bool well_formed = token && valid_token(token, canon) == AKSES_OK;
	if (well_formed)
		secret_token_hash(canon, hash);
	return scan_run(st, well_formed ? hash : NULL, NULL, 0, escort_id, station, dir, at, key, out);
}

/* Step 7: see store.h. The raw token is never stored, not even when it is unknown: a mistyped
 * token is one character away from a valid one. */
akses_status store_scan(store *st, const char *token, int64_t escort_id, const char *station,
                        scan_direction dir, struct akses_scan_result *out)
{
	if (!scan_args_ok(st, &station, dir, out))
		return AKSES_E_INVALID_ARG;
	return scan_token(st, token, escort_id, station, dir, 0, NULL, out);
}

/* An exit a door spooled while its server was gone: see store.h. */
akses_status store_scan_spooled(store *st, const char *token, int64_t escort_id,
                                const char *station, int64_t at, const char *key,
                                struct akses_scan_result *out)
{
	if (!scan_args_ok(st, &station, SCAN_DIR_OUT, out) || !key || !*key || at <= 0 ||
	    strlen(key) > 64)
		return AKSES_E_INVALID_ARG;
	return scan_token(st, token, escort_id, station, SCAN_DIR_OUT, at, key, out);
}

/* Step 7 by hand: see store.h. */
akses_status store_scan_manual(store *st, const char *number, int person, int64_t escort_id,
                               const char *station, scan_direction dir,
                               struct akses_scan_result *out)
{
	if (!scan_args_ok(st, &station, dir, out) || !number)
		return AKSES_E_INVALID_ARG;
	char canon[AKSES_NUMBER_BUF];
	akses_status rc = valid_request_number(number, canon);
	if (rc != AKSES_OK)
		return rc;
	if (person < 0 || person > AKSES_MAX_COMPANIONS)
		return AKSES_E_PASS_NOT_FOUND;
	return scan_run(st, NULL, canon, person, escort_id, station, dir, 0, NULL, out);
}
