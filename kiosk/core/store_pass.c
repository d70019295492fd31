/* store_pass.c - visitor passes: listing them with who they are for, handing out a fresh token for
 * printing (the visitor once, staff for a reprint), and revoking them. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "secret.h"
#include "store_int.h"
#include "valid.h"

/* How long a pending badge job blocks a new token (as store_print.c's PRINT_ACTIVE_S). */
#define PASS_PRINT_ACTIVE_S 120

/* One SELECT for every pass read: the person's name comes from the request (person 0) or the
 * companion row with the same sequence number; the escort is the request's assigned one. */
#define PASS_COLUMNS                                                                               \
	"SELECT p.id, p.request_id, r.number, p.person,"                                           \
	" CASE WHEN p.person = 0 THEN r.name ELSE coalesce(c.name, '') END,"                       \
	" r.institution, coalesce(e.name, ''), r.start_at, r.end_at,"                              \
	" CASE WHEN p.token_hash IS NULL THEN 0 ELSE 1 END,"                                       \
	" CASE WHEN p.revoked_at IS NULL THEN 0 ELSE 1 END, p.inside, p.print_state, p.print_count" \
	" FROM pass p JOIN request r ON r.id = p.request_id"                                       \
	" LEFT JOIN companion c ON c.request_id = p.request_id AND c.seq = p.person"               \
	" LEFT JOIN staff e ON e.id = r.escort_id "

/* Fill one pass from a row of PASS_COLUMNS. */
static void pass_from_row(const store *st, db_stmt *s, struct akses_pass *p)
{
	memset(p, 0, sizeof *p);
	p->id = db_col_int64(s, 0);
	p->request_id = db_col_int64(s, 1);
	store_col_text(s, 2, p->number, sizeof p->number);
	p->person = db_col_int(s, 3);
	store_col_text(s, 4, p->name, sizeof p->name);
	store_col_text(s, 5, p->institution, sizeof p->institution);
	store_col_text(s, 6, p->escort_name, sizeof p->escort_name);
	p->start_at = db_col_int64(s, 7);
	p->end_at = db_col_int64(s, 8);
	p->valid_from = p->start_at - (int64_t)st->opt.pass_grace_min * 60;
	p->issued = db_col_int(s, 9) != 0;
	p->revoked = db_col_int(s, 10) != 0;
	p->inside = db_col_int(s, 11) != 0;
	p->print = wf_print_state_parse(db_col_text(s, 12));
	p->print_count = db_col_int(s, 13);
}

/* store_rows's fill for a list of passes (ctx: the store). */
static bool pass_row(db_stmt *s, void *row, void *ctx)
{
	pass_from_row(ctx, s, row);
	return true;
}

/* The passes of a request, applicant first then companions in order. *out is malloc'd (NULL when
 * there are none); the caller frees it. AKSES_E_REQUEST_NOT_FOUND for an unknown number. */
akses_status store_pass_list(store *st, const char *number, struct akses_pass **out, int *n)
{
	if (!st || !number || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	char canon[AKSES_NUMBER_BUF];
	if (valid_request_number(number, canon) != AKSES_OK)
		return AKSES_E_REQUEST_NUMBER;
	akses_status rc = store_request_head(st, canon, NULL, NULL, NULL);
	if (rc != AKSES_OK)
		return rc;
	db_stmt *s = store_prep(st, PASS_COLUMNS "WHERE r.number = ?1 ORDER BY p.person");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, canon);
	return store_rows(st, s, sizeof **out, pass_row, st, out, n);
}

/* The request states in which a pass may be printed and scanned: recorded, or its visit under way
 * or done (a second entry within the window is allowed). */
static bool state_admits_pass(req_state s)
{
	return s == RS_RECORDED || s == RS_ON_SITE || s == RS_VISITED;
}

/* The rules of store_pass_token, checked inside the caller's transaction. */
static akses_status pass_token_check(store *st, int64_t pass_id, int64_t actor_id,
                                     const char *reason, int64_t now)
{
	if (actor_id != 0) {
		struct akses_staff actor;
		akses_status rc = store_actor(st, actor_id, &actor);
		if (rc != AKSES_OK)
			return rc;
		if (actor.role != ROLE_KOORDINATOR && actor.role != ROLE_HELPDESK)
			return AKSES_E_ROLE;
		/* a reprint must say why: the reason is what makes a second badge accountable */
		rc = valid_text(reason ? reason : "", AKSES_NOTE_CHARS, true, false);
		if (rc != AKSES_OK)
			return rc;
	}
	db_stmt *s =
	    store_prep(st, "SELECT r.state, r.end_at, CASE WHEN p.revoked_at IS NULL THEN 0 ELSE 1 END,"
	                   " p.print_state,"
	                   " (SELECT max(j.at) FROM print_job j WHERE j.pass_id = p.id)"
	                   " FROM pass p JOIN request r ON r.id = p.request_id"
	                   " WHERE p.id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, pass_id);
	int src = db_step(s);
	if (src != DB_ROW) {
		db_finalize(s);
		return src == DB_DONE ? AKSES_E_PASS_NOT_FOUND : store_fail(st, src);
	}
	req_state state = RS_NONE;
	if (wf_state_parse(db_col_text(s, 0), &state) != 0)
		state = RS_NONE;
	int64_t end_at = db_col_int64(s, 1);
	bool revoked = db_col_int(s, 2) != 0;
	print_state ps = wf_print_state_parse(db_col_text(s, 3));
	int64_t last_job_at = db_col_int64(s, 4);
	db_finalize(s);
	if (!state_admits_pass(state) || revoked || now >= end_at)
		return AKSES_E_NOT_PRINTABLE;
	/* A job under way: for the visitor, until it is known to have printed or not (a print killed
	 * mid-way is settled by paper_reconcile), never "already printed"; for staff, as long as
	 * store_print_begin_dest would refuse a second job. */
	if (ps == PRINT_PENDING && (actor_id == 0 || now - last_job_at < PASS_PRINT_ACTIVE_S))
		return AKSES_E_PRINT_ACTIVE;
	if (actor_id == 0 && ps == PRINT_DONE)
		return AKSES_E_ALREADY_PRINTED;
	return AKSES_OK;
}

/* Remember the pass's current token hash as retired (a reprint replaced it), so that the door can
 * tell a replaced badge from a forged one. Inside the caller's transaction. */
akses_status store_pass_retire_current(store *st, int64_t pass_id, int64_t now)
{
	db_stmt *s = store_prep(st, "INSERT INTO pass_retired(hash, pass_id, at)"
	                            " SELECT token_hash, id, CAST(?2 AS BIGINT) FROM pass"
	                            " WHERE id = ?1 AND token_hash IS NOT NULL"
	                            " ON CONFLICT DO NOTHING");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, pass_id);
	db_bind_int64(s, 2, now);
	int src = db_step(s);
	db_finalize(s);
	return src == DB_DONE ? AKSES_OK : store_fail(st, src);
}

/* The visitor's proof for a first print, inside the caller's transaction: receipt_token must be
 * the current receipt token of the pass's request (compared as hashes, in constant time).
 * AKSES_E_RECEIPT_NEEDED when it is missing, malformed or not this request's. */
static akses_status pass_receipt_check(store *st, int64_t pass_id, const char *receipt_token)
{
	char canon[AKSES_TOKEN_BUF];
	if (!receipt_token || valid_token(receipt_token, canon) != AKSES_OK)
		return AKSES_E_RECEIPT_NEEDED;
	unsigned char want[SECRET_HASH_BYTES], have[SECRET_HASH_BYTES];
	secret_token_hash(canon, want);
	memset(canon, 0, sizeof canon);
	db_stmt *s = store_prep(st, "SELECT r.receipt_hash FROM pass p"
	                            " JOIN request r ON r.id = p.request_id WHERE p.id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, pass_id);
	int src = db_step(s);
	memset(have, 0, sizeof have);
	size_t len = 0;
	const void *stored = src == DB_ROW ? db_col_blob(s, 0, &len) : NULL;
	if (stored && len == SECRET_HASH_BYTES)
		memcpy(have, stored, SECRET_HASH_BYTES);
	db_finalize(s);
	if (src == DB_DONE)
		return AKSES_E_PASS_NOT_FOUND;
	if (src != DB_ROW)
		return store_fail(st, src);
	/* an anonymized request has no receipt (zeros): nothing hashes to it */
	return secret_equal(want, have, SECRET_HASH_BYTES) ? AKSES_OK : AKSES_E_RECEIPT_NEEDED;
}

/* One fresh token inside the caller's transaction: checked, its hash stored as the pass's token
 * (the old one retired) or, when pending, kept aside for the print job that will carry it.
 * actor_id 0 (the visitor) must bring receipt_token, the proof only the visitor holds. */
static akses_status pass_token_tx(store *st, int64_t pass_id, int64_t actor_id, const char *reason,
                                  const char *receipt_token, bool pending, int64_t now,
                                  char token_out[AKSES_TOKEN_BUF])
{
	akses_status rc;
	if (actor_id == 0 && (rc = pass_receipt_check(st, pass_id, receipt_token)) != AKSES_OK)
		return rc;
	if ((rc = pass_token_check(st, pass_id, actor_id, reason, now)) != AKSES_OK)
		return rc;
	if (!pending && (rc = store_pass_retire_current(st, pass_id, now)) != AKSES_OK)
		return rc;
	char token[AKSES_TOKEN_BUF];
	unsigned char hash[SECRET_HASH_BYTES];
	secret_token(token);
	secret_token_hash(token, hash);
	db_stmt *s = store_prep(st, pending ? "UPDATE pass SET pending_hash = ?2 WHERE id = ?1"
	                                         : "UPDATE pass SET token_hash = ?2 WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, pass_id);
	db_bind_blob(s, 2, hash, sizeof hash);
	int src = db_step(s);
	db_finalize(s);
	if (src != DB_DONE)
		return store_fail(st, src);
	char subject[40];
	snprintf(subject, sizeof subject, "pass:%" PRId64, pass_id);
	/* never the token itself: the audit trail is readable by staff */
	rc = store_audit(st, actor_id, "pass-token", subject,
	                 pending ? (actor_id ? "reprint=1 pending" : "reprint=0 pending")
	                         : (actor_id ? "reprint=1" : "reprint=0"));
	if (rc != AKSES_OK)
		return rc;
	memcpy(token_out, token, AKSES_TOKEN_BUF);
	return AKSES_OK;
}

static akses_status pass_token_one(store *st, int64_t pass_id, int64_t actor_id,
                                   const char *reason, const char *receipt_token, bool pending,
                                   char token_out[AKSES_TOKEN_BUF])
{
	if (!st || !token_out || actor_id < 0)
		return AKSES_E_INVALID_ARG;
	token_out[0] = '\0';
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	rc = pass_token_tx(st, pass_id, actor_id, reason, receipt_token, pending, clock_now(),
	                   token_out);
	if ((rc = store_tx_end(st, rc)) != AKSES_OK)
		memset(token_out, 0, AKSES_TOKEN_BUF);
	return rc;
}

/* A fresh token for a pass (see store.h for who may). Only its SHA-256 is stored, replacing the
 * previous one, so an earlier printout stops opening the door. token_out is "" on any error. */
akses_status store_pass_token(store *st, int64_t pass_id, int64_t actor_id, const char *reason,
                              char token_out[AKSES_TOKEN_BUF])
{
	return pass_token_one(st, pass_id, actor_id, reason, NULL, false, token_out);
}

akses_status store_pass_token_visitor(store *st, int64_t pass_id, const char *receipt_token,
                                      char token_out[AKSES_TOKEN_BUF])
{
	return pass_token_one(st, pass_id, 0, NULL, receipt_token, false, token_out);
}

/* A fresh token for a print (see store.h): the earlier badge keeps working until the print job
 * that takes this token is accepted by CUPS (or written to its file). */
akses_status store_pass_token_pending(store *st, int64_t pass_id, int64_t actor_id,
                                      const char *reason, const char *receipt_token,
                                      char token_out[AKSES_TOKEN_BUF])
{
	return pass_token_one(st, pass_id, actor_id, reason, receipt_token, true, token_out);
}

/* Fresh tokens for n passes in one transaction (see store.h): all of them, or none. */
akses_status store_pass_token_all(store *st, const int64_t *pass_ids, int n, int64_t actor_id,
                                  const char *reason, char (*tokens)[AKSES_TOKEN_BUF],
                                  akses_status *tok_st)
{
	if (!st || n < 0 || (n > 0 && (!pass_ids || !tokens || !tok_st)) || actor_id < 0)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t now = clock_now();
	int n_ok = 0;
	for (int i = 0; i < n && rc == AKSES_OK; i++) {
		tokens[i][0] = '\0';
		tok_st[i] = pass_token_tx(st, pass_ids[i], actor_id, reason, NULL, false, now,
		                          tokens[i]);
		if (tok_st[i] == AKSES_OK)
			n_ok++;
		else if (tok_st[i] != AKSES_E_NOT_PRINTABLE)
			rc = tok_st[i]; /* a refusal or a storage failure: none of them */
	}
	if (rc == AKSES_OK && n_ok == 0)
		rc = n > 0 ? AKSES_E_NOT_PRINTABLE : AKSES_E_PASS_NOT_FOUND;
	if ((rc = store_tx_end(st, rc)) != AKSES_OK)
		memset(tokens, 0, (size_t)n * sizeof *tokens);
	return rc;
}

/* Inside the caller's transaction: the revocation itself (see store_pass_revoke). */
static akses_status pass_revoke_tx(store *st, int64_t pass_id, int64_t actor_id)
{
	struct akses_staff actor;
	akses_status rc = store_actor(st, actor_id, &actor);
	if (rc != AKSES_OK)
		return rc;
	if (actor.role != ROLE_KOORDINATOR && actor.role != ROLE_KABID)
		return AKSES_E_ROLE;
	db_stmt *s = store_prep(st, "SELECT CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END"
	                            " FROM pass WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, pass_id);
	int src = db_step(s);
	bool already = src == DB_ROW && db_col_int(s, 0) != 0;
	db_finalize(s);
	if (src != DB_ROW)
		return src == DB_DONE ? AKSES_E_PASS_NOT_FOUND : store_fail(st, src);
	if (already)
		return AKSES_OK; /* nothing written: the commit is empty */
	s = store_prep(st, "UPDATE pass SET revoked_at = ?2, revoked_by = ?3 WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, pass_id);
	db_bind_int64(s, 2, clock_now());
	db_bind_int64(s, 3, actor_id);
	src = db_step(s);
	db_finalize(s);
	if (src != DB_DONE)
		return store_fail(st, src);
	char subject[40];
	snprintf(subject, sizeof subject, "pass:%" PRId64, pass_id);
	return store_audit(st, actor_id, "pass-revoke", subject, "");
}

/* Revoke a pass (KOORDINATOR or KABID): it is denied at the door from now on. Revoking a revoked
 * pass changes nothing and succeeds. The schema keeps no free-text reason for a revocation and the
 * audit trail must not hold one (it may name people), so reason is only validated. */
akses_status store_pass_revoke(store *st, int64_t pass_id, int64_t actor_id, const char *reason)
{
	if (!st)
		return AKSES_E_INVALID_ARG;
	if (reason && *reason) {
		akses_status vrc = valid_text(reason, AKSES_NOTE_CHARS, false, false);
		if (vrc != AKSES_OK)
			return vrc;
	}
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	return store_tx_end(st, pass_revoke_tx(st, pass_id, actor_id));
}
