/* store_code.c - staff codes: issuing and revoking the code on a staff member's own card, and
 * signing in by scanning it (the escort at the door, instead of typing a PIN). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "secret.h"
#include "store_int.h"
#include "valid.h"

/* Why a code is hashed with plain SHA-256 and not Argon2id like a PIN: a code is 160 random bits,
 * so no dictionary or brute force reaches it, and a fast hash lets the sign-in find the account
 * by an indexed lookup instead of trying every account's slow hash. */

/* Inside the caller's transaction: may actor_id change staff_id's code? The actor must be active
 * and ADMIN or staff_id itself; the target must exist. *target_active says whether it is active. */
static akses_status code_may_change(store *st, int64_t actor_id, int64_t staff_id,
                                    bool *target_active)
{
	struct akses_staff actor;
	akses_status rc = store_actor(st, actor_id, &actor);
	if (rc != AKSES_OK)
		return rc;
	if (actor.role != ROLE_ADMIN && actor_id != staff_id)
		return AKSES_E_ROLE;
	rc = store_actor(st, staff_id, NULL);
	*target_active = rc == AKSES_OK;
	return rc == AKSES_E_STAFF_DISABLED ? AKSES_OK : rc;
}

/* Set (hash != NULL) or clear (hash == NULL) staff_id's code hash, inside the transaction. */
static akses_status code_store_hash(store *st, int64_t staff_id,
                                    const unsigned char hash[SECRET_HASH_BYTES])
{
	db_stmt *s = store_prep(st, "UPDATE staff SET code_hash = ?2 WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, staff_id);
	if (hash)
		db_bind_blob(s, 2, hash, SECRET_HASH_BYTES);
	else
		db_bind_null(s, 2);
	int rc = db_step(s);
	db_finalize(s);
	return rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
}

/* ---- issuing and revoking ------------------------------------------------------------------- */

/* The code is made and hashed before the transaction; it is copied out only after the commit, so
 * a caller never holds a code that was not stored. */
akses_status store_staff_code_issue(store *st, int64_t actor_id, int64_t staff_id,
                                    char code_out[AKSES_TOKEN_BUF])
{
	if (!st || !code_out)
		return AKSES_E_INVALID_ARG;
	char code[AKSES_TOKEN_BUF];
	unsigned char hash[SECRET_HASH_BYTES];
	secret_token(code);
	secret_token_hash(code, hash);
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	bool active = false;
	rc = code_may_change(st, actor_id, staff_id, &active);
	/* a card for an account that cannot sign in would only mislead */
	if (rc == AKSES_OK && !active)
		rc = AKSES_E_STAFF_DISABLED;
	if (rc == AKSES_OK)
		rc = code_store_hash(st, staff_id, hash);
	if (rc == AKSES_OK) {
		char subject[32];
		store_staff_subject(subject, sizeof subject, staff_id);
		rc = store_audit(st, actor_id, "staff-code", subject, "issued");
	}
	rc = store_tx_end(st, rc);
	if (rc == AKSES_OK)
		memcpy(code_out, code, sizeof code);
	memset(code, 0, sizeof code);
	return rc;
}

akses_status store_staff_code_revoke(store *st, int64_t actor_id, int64_t staff_id)
{
	if (!st)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	bool active = false;
	rc = code_may_change(st, actor_id, staff_id, &active);
	if (rc == AKSES_OK)
		rc = code_store_hash(st, staff_id, NULL);
	if (rc == AKSES_OK) {
		char subject[32];
		store_staff_subject(subject, sizeof subject, staff_id);
		rc = store_audit(st, actor_id, "staff-code", subject, "revoked");
	}
	return store_tx_end(st, rc);
}

/* ---- sign-in -------------------------------------------------------------------------------- */

/* The account whose code hash equals hash, inside the transaction: *id_out, or 0 when none. The
 * row is found by the index; the fetched hash is compared again in constant time, so the answer
 * never rests on a comparison whose timing depends on the secret. */
static akses_status code_find(store *st, const unsigned char hash[SECRET_HASH_BYTES],
                              int64_t *id_out)
{
	*id_out = 0;
	db_stmt *s = store_prep(st, "SELECT id, code_hash FROM staff WHERE code_hash = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_blob(s, 1, hash, SECRET_HASH_BYTES);
	int rc = db_step(s);
	akses_status ret = AKSES_OK;
	if (rc == DB_ROW) {
		size_t len = 0;
		const void *got = db_col_blob(s, 1, &len);
		if (got && len == SECRET_HASH_BYTES &&
		    secret_equal(got, hash, SECRET_HASH_BYTES))
			*id_out = db_col_int64(s, 0);
	} else if (rc != DB_DONE) {
		ret = store_fail(st, rc);
	}
	db_finalize(s);
	return ret;
}

/* A malformed scan is looked up like any other (its hash names no one), so every refusal of an
 * unknown code takes the same path and is recorded the same way. */
akses_status store_signin_code(store *st, const char *code, const char *station,
                               struct akses_staff *out)
{
	if (!st || !code)
		return AKSES_E_INVALID_ARG;
	if (!station || valid_text(station, AKSES_STATION_CHARS, false, false) != AKSES_OK)
		station = "";
	char canon[AKSES_TOKEN_BUF];
	unsigned char hash[SECRET_HASH_BYTES];
	bool well_formed = valid_token(code, canon) == AKSES_OK;
	secret_token_hash(well_formed ? canon : code, hash);
	memset(canon, 0, sizeof canon);

	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t now = clock_now();
	int64_t id = 0;
	rc = code_find(st, hash, &id);
	if (rc == AKSES_OK && !well_formed)
		id = 0;
	struct akses_staff who;
	memset(&who, 0, sizeof who);
	akses_status answer = AKSES_E_CODE_UNKNOWN;
	const char *why = "unknown";
	if (rc == AKSES_OK && id != 0) {
		akses_status acct = store_actor(st, id, &who);
		if (acct == AKSES_E_STAFF_DISABLED) {
			answer = acct;
			why = "disabled";
		} else if (acct != AKSES_OK) {
			rc = acct;
		} else if (who.locked_until > now) {
			answer = AKSES_E_PIN_LOCKED;
			why = "locked";
		} else {
			answer = AKSES_OK;
			why = "ok";
		}
	}
	if (rc == AKSES_OK) {
		/* the same actions as a PIN sign-in, told apart by "code" in the detail */
		char detail[96];
		snprintf(detail, sizeof detail, "code %s station=%s", why, station);
		rc = store_signin_record(st, id, now, answer == AKSES_OK, station, detail);
	}
	/* the refusals are committed too: every attempt is on record */
	if ((rc = store_tx_end(st, rc)) != AKSES_OK)
		return rc;
	if (answer == AKSES_OK && out)
		*out = who;
	return answer;
}

/* Whose staff code is this? A read only, recorded nowhere: the door asks it of every scan before
 * deciding whether the card is a visitor's pass or another escort taking over. */
akses_status store_staff_code_owner(store *st, const char *code, int64_t *id_out)
{
	if (!st || !id_out)
		return AKSES_E_INVALID_ARG;
	*id_out = 0;
	char canon[AKSES_TOKEN_BUF];
	unsigned char hash[SECRET_HASH_BYTES];
	if (!code || valid_token(code, canon) != AKSES_OK)
		return AKSES_OK;
	secret_token_hash(canon, hash);
	memset(canon, 0, sizeof canon);
	return code_find(st, hash, id_out);
}
