/* store_audit.c - checking the audit trail's hash chain, and retention: anonymizing the personal
 * data of requests that ended long enough ago (the chain and the counts stay). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "store_int.h"

#define AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Rows must run 1, 2, 3 ... with each prev_hash equal to the hash before it and each hash equal to
 * the hash recomputed from the row's own fields. An edited row breaks its own hash; a deleted row
 * breaks the id sequence and the prev link of the row after it, which is the one named. (Deleting
 * the newest rows leaves a shorter chain that still verifies: compare n_rows with an earlier run,
 * or a copy kept elsewhere, to catch that.) Reads one snapshot. */
akses_status store_audit_verify(store *st, int64_t *n_rows, int64_t *bad_id)
{
	if (n_rows)
		*n_rows = 0;
	if (bad_id)
		*bad_id = 0;
	if (!st)
		return AKSES_E_INVALID_ARG;
	sqlite3_stmt *s =
	    store_prep(st, "SELECT id, at, actor_id, action, subject, detail, prev_hash,"
	                   " hash FROM audit ORDER BY id");
	if (!s)
		return AKSES_E_IO;
	char prev[65] = AUDIT_GENESIS;
	int64_t expect_id = 1, count = 0;
	akses_status ret = AKSES_OK;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		const char *action = (const char *)sqlite3_column_text(s, 3);
		const char *subject = (const char *)sqlite3_column_text(s, 4);
		const char *detail = (const char *)sqlite3_column_text(s, 5);
		const char *row_prev = (const char *)sqlite3_column_text(s, 6);
		const char *row_hash = (const char *)sqlite3_column_text(s, 7);
		char want[65];
		store_audit_hash(prev, id, sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2),
		                 action ? action : "", subject ? subject : "", detail ? detail : "",
		                 want);
		/* plain comparisons: the hashes are public, timing leaks nothing secret */
		if (id != expect_id || !row_prev || strcmp(row_prev, prev) != 0 || !row_hash ||
		    strcmp(row_hash, want) != 0) {
			ret = AKSES_E_AUDIT_BROKEN;
			if (bad_id)
				*bad_id = id;
			break;
		}
		snprintf(prev, sizeof prev, "%s", row_hash);
		expect_id = id + 1;
		count++;
	}
	sqlite3_finalize(s);
	if (ret == AKSES_OK && rc != SQLITE_DONE)
		return store_fail(st, rc);
	if (n_rows)
		*n_rows = count;
	return ret;
}

/* Requests that ended (CLOSED, REJECTED, CANCELLED, EXPIRED) before now - days and are not yet
 * anonymized lose the applicant's name, NIK, phone and email, the report text and the receipt
 * hash; their companions lose name and NIK. Numbers, institutions, times, steps, passes and scans
 * stay, so counts and the compliance report still add up. One audit row "purge" with the count. */
akses_status store_purge(store *st, int64_t actor_id, int days, int *n_anonymized)
{
	if (n_anonymized)
		*n_anonymized = 0;
	if (!st || days < 0)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	struct akses_staff actor;
	rc = store_actor(st, actor_id, &actor);
	if (rc == AKSES_OK && actor.role != ROLE_ADMIN)
		rc = AKSES_E_ROLE;
	int64_t now = clock_now();
	int64_t cutoff = now - (int64_t)days * 86400;
	int count = 0;
	/* the victims first, into a temp table both updates read */
	static const char *const steps[] = {
	    "CREATE TEMP TABLE IF NOT EXISTS purge_ids(id INTEGER PRIMARY KEY)",
	    "DELETE FROM temp.purge_ids",
	    "INSERT INTO temp.purge_ids SELECT id FROM request WHERE state IN (?1, ?2, ?3, ?4)"
	    " AND final_at IS NOT NULL AND final_at < ?5 AND anonymized_at IS NULL",
	    "UPDATE companion SET name = '', nik = ''"
	    " WHERE request_id IN (SELECT id FROM temp.purge_ids)",
	    /* every free text can name someone ("Pak Budi, NIK 3171..."): the purpose, equipment,
	     * the rejection or cancellation reason and the report go with the name; the purpose's
	     * category stays for the counts */
	    "UPDATE request SET name = '', nik = '', phone = '', email = '', report = '',"
	    " reason = '', purpose = '', equipment = '',"
	    " receipt_hash = NULL, anonymized_at = ?6 WHERE id IN (SELECT id FROM temp.purge_ids)",
	    /* the steps' notes (verification notes, reasons, reprint reasons) likewise */
	    "UPDATE step SET note = '' WHERE request_id IN (SELECT id FROM temp.purge_ids)",
	    "DELETE FROM temp.purge_ids",
	};
	for (size_t i = 0; rc == AKSES_OK && i < sizeof steps / sizeof steps[0]; i++) {
		sqlite3_stmt *s = store_prep(st, steps[i]);
		if (!s) {
			rc = AKSES_E_IO;
			break;
		}
		int np = sqlite3_bind_parameter_count(s);
		if (np >= 5) {
			sqlite3_bind_text(s, 1, wf_state_code(RS_CLOSED), -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 2, wf_state_code(RS_REJECTED), -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 3, wf_state_code(RS_CANCELLED), -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 4, wf_state_code(RS_EXPIRED), -1, SQLITE_STATIC);
			sqlite3_bind_int64(s, 5, cutoff);
		}
		if (np >= 6)
			sqlite3_bind_int64(s, 6, now);
		int src = sqlite3_step(s);
		sqlite3_finalize(s);
		if (src != SQLITE_DONE)
			rc = store_fail(st, src);
		else if (i == 4)
			count = sqlite3_changes(st->db);
	}
	if (rc == AKSES_OK) {
		char detail[64];
		snprintf(detail, sizeof detail, "count=%d days=%d", count, days);
		rc = store_audit(st, actor_id, "purge", "", detail);
	}
	if (rc == AKSES_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	if (rc == AKSES_OK && n_anonymized)
		*n_anonymized = count;
	return rc;
}
