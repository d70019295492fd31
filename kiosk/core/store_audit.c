/* store_audit.c - the audit trail's hash chain (appending a row, checking the chain), and
 * retention: anonymizing the personal data of requests that ended long enough ago (the chain and
 * the counts stay). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "clock.h"
#include "store_int.h"

#define AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* ---- audit chain ---------------------------------------------------------------------------- */

/* One running hash over the canonical text: plain SHA-256 or, with a key, HMAC-SHA256. */
struct audit_h {
	bool keyed;
	crypto_hash_sha256_state sha;
	crypto_auth_hmacsha256_state mac;
};

static void audit_h_update(struct audit_h *h, const void *p, size_t n)
{
	if (h->keyed)
		crypto_auth_hmacsha256_update(&h->mac, p, (unsigned long long)n);
	else
		crypto_hash_sha256_update(&h->sha, p, (unsigned long long)n);
}

void store_audit_hash(const unsigned char *key, const char *prev_hash, int64_t id, int64_t at,
                      int64_t actor_id, const char *action, const char *subject,
                      const char *detail, char out[65])
{
	struct audit_h h;
	h.keyed = key != NULL;
	if (key)
		crypto_auth_hmacsha256_init(&h.mac, key, 32);
	else
		crypto_hash_sha256_init(&h.sha);
	char head[96];
	int n = snprintf(head, sizeof head, "|%" PRId64 "|%" PRId64 "|%" PRId64 "|", id, at,
	                 actor_id);
	audit_h_update(&h, prev_hash, strlen(prev_hash));
	audit_h_update(&h, head, (size_t)n);
	/* lengths before each text, so no two different rows hash the same text */
	const char *parts[3] = {action, subject, detail};
	for (int i = 0; i < 3; i++) {
		char len[24];
		int m = snprintf(len, sizeof len, "%zu:", strlen(parts[i]));
		audit_h_update(&h, len, (size_t)m);
		audit_h_update(&h, parts[i], strlen(parts[i]));
	}
	unsigned char digest[crypto_hash_sha256_BYTES];
	if (h.keyed)
		crypto_auth_hmacsha256_final(&h.mac, digest);
	else
		crypto_hash_sha256_final(&h.sha, digest);
	sodium_memzero(&h, sizeof h);
	sodium_bin2hex(out, 65, digest, sizeof digest);
}

akses_status store_audit_head_read(store *st, struct store_audit_head *head)
{
	head->id = 0;
	snprintf(head->hash, sizeof head->hash, "%s", AUDIT_GENESIS);
	db_stmt *s = store_prep(st, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
	if (!s)
		return AKSES_E_IO;
	int rc = db_step(s);
	if (rc == DB_ROW) {
		head->id = db_col_int64(s, 0);
		store_col_text(s, 1, head->hash, sizeof head->hash);
	}
	db_finalize(s);
	return rc == DB_ROW || rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
}

/* Every new row is keyed (HMAC with the key outside the DB): someone with a copy of
 * the DB alone can no longer rewrite history and chain it again. No key: nothing is written. */
akses_status store_audit_after(store *st, const struct store_audit_head *head, int64_t actor_id,
                               const char *action, const char *subject, const char *detail)
{
	int64_t id = head->id + 1;
	const char *prev = head->id > 0 ? head->hash : AUDIT_GENESIS;
	subject = subject ? subject : "";
	detail = detail ? detail : "";
	akses_status krc = store_audit_key_ready(st, id);
	if (krc != AKSES_OK)
		return krc;
	int64_t at = clock_now();
	char hash[65];
	store_audit_hash(st->akey, prev, id, at, actor_id, action, subject, detail, hash);
	/* the id is the chain's next one, given: a head read too early (another row appended
	 * since) fails the primary key instead of forking the chain */
	db_stmt *s = store_prep(st, "INSERT INTO audit(id, at, actor_id, action, subject, detail,"
	                            " prev_hash, hash, keyed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	                            " ?8, 1)");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, at);
	db_bind_int64(s, 3, actor_id);
	db_bind_text(s, 4, action);
	db_bind_text(s, 5, subject);
	db_bind_text(s, 6, detail);
	db_bind_text(s, 7, prev);
	db_bind_text(s, 8, hash);
	/* nothing is read back: on a server the row goes out with the next statement (most often
	 * the COMMIT), and a failure fails that one, so the transaction still commits whole or not */
	int rc = db_step_later(s);
	db_finalize(s);
	return rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
}

akses_status store_audit(store *st, int64_t actor_id, const char *action, const char *subject,
                         const char *detail)
{
	struct store_audit_head head;
	akses_status rc = store_audit_head_read(st, &head);
	return rc == AKSES_OK ? store_audit_after(st, &head, actor_id, action, subject, detail)
	                      : rc;
}

/* "N:HEX" -> *n and the hex digits in lower case; false when malformed. */
static bool anchor_parse(const char *a, int64_t *n, char hex[65])
{
	const char *colon = strchr(a, ':');
	if (!colon || colon == a || colon - a > 18)
		return false;
	int64_t v = 0;
	for (const char *p = a; p < colon; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	size_t len = strlen(colon + 1);
	if (len < STORE_ANCHOR_HEX || len > 64)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = colon[1 + i];
		if (c >= 'A' && c <= 'F')
			c = (char)(c - 'A' + 'a');
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
		hex[i] = c;
	}
	hex[len] = '\0';
	*n = v;
	return true;
}

/* Rows must run 1, 2, 3 ... with each prev_hash equal to the hash before it and each hash equal to
 * the hash recomputed from the row's own fields: plain SHA-256 for rows written before the DB had
 * a key, HMAC-SHA256 for keyed rows. An edited row breaks its own hash; a deleted row breaks the
 * id sequence and the prev link of the row after it, which is the one named. Rows from the key
 * file's first keyed row on must be keyed: a history rewritten as plain rows (no key needed) is
 * named too. Deleting the newest rows leaves a shorter chain that verifies on its own: an anchor
 * (a row count and hash kept outside the DB) catches that. Reads one snapshot. */
akses_status store_audit_check(store *st, const char *anchor, struct store_audit_result *r)
{
	struct store_audit_result tmp;
	if (!r)
		r = &tmp;
	memset(r, 0, sizeof *r);
	if (!st)
		return AKSES_E_INVALID_ARG;
	int64_t anchor_n = 0;
	char anchor_hex[65] = "";
	if (anchor && !anchor_parse(anchor, &anchor_n, anchor_hex))
		return AKSES_E_ANCHOR_FORMAT;
	r->anchor_rows = anchor_n;
	db_stmt *s =
	    store_prep(st, "SELECT id, at, actor_id, action, subject, detail, prev_hash,"
	                   " hash, keyed FROM audit ORDER BY id");
	if (!s)
		return AKSES_E_IO;
	char prev[65] = AUDIT_GENESIS;
	int64_t expect_id = 1, prev_at = 0;
	akses_status ret = AKSES_OK;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		int64_t id = db_col_int64(s, 0);
		int64_t at = db_col_int64(s, 1);
		const char *action = db_col_text(s, 3);
		const char *subject = db_col_text(s, 4);
		const char *detail = db_col_text(s, 5);
		const char *row_prev = db_col_text(s, 6);
		const char *row_hash = db_col_text(s, 7);
		bool keyed = db_col_int(s, 8) != 0;
		bool must_key = st->akey_loaded && id >= st->akey_from;
		bool ok = id == expect_id && row_prev && strcmp(row_prev, prev) == 0 && row_hash &&
		          strlen(row_hash) == 64 && !(must_key && !keyed);
		if (ok && (!keyed || st->akey_loaded)) {
			char want[65];
			store_audit_hash(keyed ? st->akey : NULL, prev, id, at,
			                 db_col_int64(s, 2), action ? action : "",
			                 subject ? subject : "", detail ? detail : "", want);
			/* constant time for the keyed rows: a forger must not learn a MAC byte by byte
			 * from how long verify takes */
			ok = sodium_memcmp(row_hash, want, 64) == 0;
		} else if (ok) {
			r->unchecked++;
		}
		if (!ok) {
			ret = AKSES_E_AUDIT_BROKEN;
			r->bad_id = id;
			break;
		}
		if (keyed)
			r->keyed++;
		if (r->rows > 0 && at < prev_at - STORE_AUDIT_BACKWARDS_S && !r->backwards_id)
			r->backwards_id = id;
		if (id == anchor_n && strncmp(row_hash, anchor_hex, strlen(anchor_hex)) != 0) {
			ret = AKSES_E_AUDIT_ANCHOR;
			r->bad_id = id;
			break;
		}
		snprintf(prev, sizeof prev, "%s", row_hash);
		prev_at = at;
		expect_id = id + 1;
		r->rows++;
	}
	db_finalize(s);
	if (ret == AKSES_OK && rc != DB_DONE)
		return store_fail(st, rc);
	if (ret != AKSES_OK)
		return ret;
	if (anchor_n > r->rows)
		return AKSES_E_AUDIT_TRUNCATED;
	if (anchor_n == 0 && anchor && strspn(anchor_hex, "0") != strlen(anchor_hex))
		return AKSES_E_AUDIT_ANCHOR; /* "0:HEX" names the empty trail's all-zero head only */
	if (r->unchecked > 0)
		return AKSES_E_AUDIT_KEY;
	if (r->backwards_id)
		return AKSES_E_AUDIT_TIME;
	return AKSES_OK;
}

akses_status store_audit_anchor(store *st, char out[STORE_ANCHOR_BUF])
{
	if (!st || !out)
		return AKSES_E_INVALID_ARG;
	out[0] = '\0';
	db_stmt *s = store_prep(st, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
	if (!s)
		return AKSES_E_IO;
	int rc = db_step(s);
	int64_t n = 0;
	char hash[65] = AUDIT_GENESIS;
	if (rc == DB_ROW) {
		n = db_col_int64(s, 0);
		store_col_text(s, 1, hash, sizeof hash);
	}
	db_finalize(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_fail(st, rc);
	snprintf(out, STORE_ANCHOR_BUF, "%" PRId64 ":%.*s", n, STORE_ANCHOR_HEX, hash);
	return AKSES_OK;
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
	/* the victims: the same selection in every statement, the request's own row last (it sets
	 * anonymized_at, which takes it out of the selection) */
#define PURGE_WHO                                                                                  \
	"state IN (?1, ?2, ?3, ?4) AND final_at IS NOT NULL AND final_at < ?5"                     \
	" AND anonymized_at IS NULL"
	static const char *const steps[] = {
	    "UPDATE companion SET name = '', nik = ''"
	    " WHERE request_id IN (SELECT id FROM request WHERE " PURGE_WHO ")",
	    /* the steps' notes (verification notes, reasons, reprint reasons) likewise */
	    "UPDATE step SET note = '', instruction = ''"
	    " WHERE request_id IN (SELECT id FROM request WHERE " PURGE_WHO ")",
	    /* every free text can name someone ("Pak Budi, NIK 3171..."): the purpose, equipment,
	     * the rejection or cancellation reason and the report go with the name; the purpose's
	     * category stays for the counts */
	    "UPDATE request SET name = '', nik = '', phone = '', email = '', report = '',"
	    " reason = '', purpose = '', equipment = '',"
	    " receipt_hash = NULL, anonymized_at = ?6 WHERE " PURGE_WHO,
	};
#undef PURGE_WHO
	for (size_t i = 0; rc == AKSES_OK && i < sizeof steps / sizeof steps[0]; i++) {
		db_stmt *s = store_prep(st, steps[i]);
		if (!s) {
			rc = AKSES_E_IO;
			break;
		}
		db_bind_text(s, 1, wf_state_code(RS_CLOSED));
		db_bind_text(s, 2, wf_state_code(RS_REJECTED));
		db_bind_text(s, 3, wf_state_code(RS_CANCELLED));
		db_bind_text(s, 4, wf_state_code(RS_EXPIRED));
		db_bind_int64(s, 5, cutoff);
		if (db_param_count(s) >= 6)
			db_bind_int64(s, 6, now);
		int src = db_step(s);
		db_finalize(s);
		if (src != DB_DONE)
			rc = store_fail(st, src);
		else if (i == sizeof steps / sizeof steps[0] - 1)
			count = (int)db_changes(st->db);
	}
	if (rc == AKSES_OK) {
		char detail[64];
		snprintf(detail, sizeof detail, "count=%d days=%d", count, days);
		rc = store_audit(st, actor_id, "purge", "", detail);
	}
	rc = store_tx_end(st, rc);
	if (rc == AKSES_OK && n_anonymized)
		*n_anonymized = count;
	/* the rows are clean now, but the WAL still holds their old pages while any connection
	 * stays open (the kiosk always has one): wipe it too */
	if (rc == AKSES_OK)
		rc = store_wal_wipe(st);
	return rc;
}
