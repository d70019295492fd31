/* store_signin.c - signing staff in: Argon2id PINs verified outside the writer lock, the
 * per-station backoff after wrong PINs, the attempt records, and the alerts a run of wrong PINs
 * raises for an ADMIN. */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "secret.h"
#include "store_int.h"
#include "valid.h"

/* Sign-in backoff per (station, account); see signin_retry_at. */
#define SIGNIN_FREE_TRIES 5         /* wrong PINs at one station before it must wait */
#define SIGNIN_FIRST_WAIT 60        /* then 1 minute, doubling with each further wrong PIN */
#define SIGNIN_MAX_WAIT 3600        /* up to an hour */
#define SIGNIN_WINDOW (24 * 3600)   /* wrong PINs older than this are forgotten */
#define SIGNIN_ALERT_FAILURES 20    /* wrong PINs for one account in the window, all stations */

/* A real Argon2id hash of a PIN nobody has, verified against when the account does not exist so
 * that an unknown id costs the same time as a known one. Made once per process. */
static char dummy_hash[SECRET_PIN_HASH_BUF];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void staff_make_dummy(void)
{
	if (secret_pin_hash("00000000", dummy_hash) != AKSES_OK)
		dummy_hash[0] = '\0';
}

/* Read the stored PIN hash of an account: before the transaction for the slow verify (which must
 * not hold the writer lock), and inside it to see the hash is still the one verified against.
 * AKSES_E_STAFF_NOT_FOUND when there is no such id. */
static akses_status staff_pin_hash(store *st, int64_t id, char out[SECRET_PIN_HASH_BUF])
{
	db_stmt *s = store_prep(st, "SELECT pin_hash FROM staff WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, id);
	int rc = db_step(s);
	akses_status ret = AKSES_OK;
	if (rc == DB_ROW)
		store_col_text(s, 0, out, SECRET_PIN_HASH_BUF);
	else
		ret = rc == DB_DONE ? AKSES_E_STAFF_NOT_FOUND : store_fail(st, rc);
	db_finalize(s);
	return ret;
}

/* ---- sign-in -------------------------------------------------------------------------------- */

akses_status store_signin_record(store *st, int64_t staff_id, int64_t now, bool ok,
                                 const char *station, const char *detail)
{
	/* the "why" column is the first word of detail ("wrong", "ok", "code unknown" -> "code") */
	char why[24];
	size_t wl = strcspn(detail ? detail : "", " ");
	snprintf(why, sizeof why, "%.*s", (int)(wl < sizeof why ? wl : sizeof why - 1),
	         detail ? detail : "");
	db_stmt *s = store_prep(st, "INSERT INTO signin(staff_id, at, ok, station, why)"
	                            " VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, staff_id);
	db_bind_int64(s, 2, now);
	db_bind_int(s, 3, ok ? 1 : 0);
	db_bind_text(s, 4, station);
	db_bind_text(s, 5, why);
	int rc = db_step(s);
	db_finalize(s);
	if (rc != DB_DONE)
		return store_fail(st, rc);
	char subject[32];
	store_staff_subject(subject, sizeof subject, staff_id); /* "staff:0": no such account */
	return store_audit(st, ok ? staff_id : 0, ok ? "signin" : "signin-failed", subject, detail);
}

/* When a station may try this account again: 0 when it may now. Counted are the wrong PINs at
 * this station since its last success there, since the PIN was last set and within the window;
 * the first SIGNIN_FREE_TRIES are free, then SIGNIN_FIRST_WAIT seconds after the last one,
 * doubling with each further wrong PIN up to SIGNIN_MAX_WAIT. Nothing here touches other
 * stations: a visitor at the kiosk cannot shut the account out of the door or of aksesctl. */
static akses_status signin_retry_at(store *st, int64_t id, const char *station, int64_t since,
                                    int64_t *retry_at)
{
	*retry_at = 0;
	db_stmt *s = store_prep(
	    st, "SELECT count(*), coalesce(max(at), 0) FROM signin"
	        " WHERE staff_id = ?1 AND station = ?2 AND why = 'wrong' AND at >= ?3"
	        "   AND id > coalesce((SELECT max(id) FROM signin"
	        "                      WHERE staff_id = ?1 AND station = ?2 AND ok = 1), 0)");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, station);
	db_bind_int64(s, 3, since);
	int rc = db_step(s);
	if (rc != DB_ROW) {
		db_finalize(s);
		return store_fail(st, rc);
	}
	int64_t n = db_col_int64(s, 0), last = db_col_int64(s, 1);
	db_finalize(s);
	if (n >= SIGNIN_FREE_TRIES) {
		int64_t wait = SIGNIN_FIRST_WAIT;
		for (int64_t k = SIGNIN_FREE_TRIES; k < n && wait < SIGNIN_MAX_WAIT; k++)
			wait *= 2;
		*retry_at = last + (wait < SIGNIN_MAX_WAIT ? wait : SIGNIN_MAX_WAIT);
	}
	return AKSES_OK;
}

/* Wrong PINs for an account across all stations since `since`. */
static akses_status signin_failures(store *st, int64_t id, int64_t since, int64_t *n)
{
	db_stmt *s = store_prep(st, "SELECT count(*) FROM signin WHERE staff_id = ?1"
	                            " AND why = 'wrong' AND at >= ?2");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, since);
	int rc = db_step(s);
	*n = rc == DB_ROW ? db_col_int64(s, 0) : 0;
	db_finalize(s);
	return rc == DB_ROW ? AKSES_OK : store_fail(st, rc);
}

/* The PIN's must-change mark and who set it when (columns store_actor does not read). */
static akses_status staff_pin_state(store *st, int64_t id, struct akses_staff *who)
{
	db_stmt *s = store_prep(st, "SELECT pin_must_change, pin_set_by, pin_set_at FROM staff"
	                            " WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, id);
	int rc = db_step(s);
	if (rc == DB_ROW) {
		who->pin_must_change = db_col_int(s, 0) != 0;
		who->pin_set_by = db_col_int64(s, 1);
		who->pin_set_at = db_col_int64(s, 2);
	}
	db_finalize(s);
	return rc == DB_ROW || rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
}

/* The verdict on an attempt, from reads only (so that a read-only sign-in can reach it without a
 * write transaction). match: the PIN matched the hash read before. Fills *who for a known
 * account. Unknown, disabled and wrong all answer AKSES_E_PIN_WRONG. */
static akses_status signin_judge(store *st, int64_t staff_id, bool match, const char *hash,
                                 const char *station, int64_t now, struct akses_staff *who,
                                 akses_status *answer, const char **why)
{
	memset(who, 0, sizeof *who);
	akses_status acct = staff_id > 0 ? store_actor(st, staff_id, who) : AKSES_E_STAFF_NOT_FOUND;
	if (acct != AKSES_OK && acct != AKSES_E_STAFF_DISABLED && acct != AKSES_E_STAFF_NOT_FOUND)
		return acct;
	bool known = acct != AKSES_E_STAFF_NOT_FOUND;
	akses_status rc;
	if (known && (rc = staff_pin_state(st, staff_id, who)) != AKSES_OK)
		return rc;
	/* The verdict is about the hash read before the transaction. If the PIN was replaced while
	 * we verified (an ADMIN shutting out a leaked PIN), the typed PIN no longer opens this
	 * account: a wrong PIN, counted like one (verifying again would hold the writer lock). */
	if (match && known) {
		char current[SECRET_PIN_HASH_BUF];
		if ((rc = staff_pin_hash(st, staff_id, current)) != AKSES_OK)
			return rc;
		size_t n = strlen(hash);
		match = strlen(current) == n && secret_equal((const unsigned char *)current,
		                                             (const unsigned char *)hash, n);
	}
	/* wrong PINs typed before the PIN was last set guessed at a PIN that is gone */
	int64_t since = now - SIGNIN_WINDOW;
	if (known && who->pin_set_at >= since)
		since = who->pin_set_at + 1;
	/* unknown ids share the key 0: what was typed is never kept */
	if ((rc = signin_retry_at(st, known ? staff_id : 0, station, since, &who->retry_at)) !=
	    AKSES_OK)
		return rc;
	if (who->retry_at > now) {
		*answer = AKSES_E_PIN_LOCKED;
		*why = "throttled";
	} else if (!match || !known || acct == AKSES_E_STAFF_DISABLED) {
		/* one answer for all three: nothing tells a guesser which part was wrong */
		*answer = AKSES_E_PIN_WRONG;
		*why = !known ? "wrong unknown" : acct == AKSES_E_STAFF_DISABLED ? "wrong disabled"
		                                                                 : "wrong";
	} else if (who->pin_must_change) {
		*answer = AKSES_E_PIN_MUST_CHANGE;
		*why = "ok must-change";
	} else {
		*answer = AKSES_OK;
		*why = "ok";
	}
	return AKSES_OK;
}

/* Record the attempt judged by signin_judge, inside the transaction, and raise the alert when
 * this wrong PIN brings the account to SIGNIN_ALERT_FAILURES across all stations. */
static akses_status signin_write(store *st, int64_t staff_id, akses_status answer,
                                 const char *why, const char *station, int64_t now)
{
	char detail[96];
	snprintf(detail, sizeof detail, "%s station=%s", why, station);
	bool ok = answer == AKSES_OK || answer == AKSES_E_PIN_MUST_CHANGE;
	akses_status rc = store_signin_record(st, staff_id, now, ok, station, detail);
	if (rc == AKSES_OK && ok)
		rc = store_exec_ids(st, "UPDATE staff SET failed_pins = 0, locked_until = 0 WHERE id = ?1",
		                 staff_id, 0, 0);
	if (rc == AKSES_OK && answer == AKSES_E_PIN_WRONG && staff_id > 0) {
		int64_t n = 0;
		rc = signin_failures(st, staff_id, now - SIGNIN_WINDOW, &n);
		if (rc == AKSES_OK && n == SIGNIN_ALERT_FAILURES) {
			char subject[32], d[64];
			store_staff_subject(subject, sizeof subject, staff_id);
			snprintf(d, sizeof d, "wrong-pins=%" PRId64 " hours=%d", n,
			         SIGNIN_WINDOW / 3600);
			rc = store_audit(st, 0, "signin-alert", subject, d);
		}
	}
	return rc;
}

/* The PIN is verified before the transaction (Argon2id takes ~0.1 s and must not hold the writer
 * lock); the verdict is then reached inside it from what is stored, so two stations failing at
 * once both count. Unknown ids verify against a dummy hash, so every refusal costs the same. */
akses_status store_signin_ex(store *st, int64_t staff_id, const char *pin, const char *station,
                             unsigned flags, struct akses_staff *out, bool *recorded)
{
	if (recorded)
		*recorded = false;
	if (!st || !pin)
		return AKSES_E_INVALID_ARG;
	if (!station || valid_text(station, AKSES_STATION_CHARS, false, false) != AKSES_OK)
		station = "";
	/* an id that names no account is kept as 0, never as typed (it may be a PIN) */
	if (staff_id < 0)
		staff_id = 0;
	char hash[SECRET_PIN_HASH_BUF];
	akses_status rc = staff_id > 0 ? staff_pin_hash(st, staff_id, hash) : AKSES_E_STAFF_NOT_FOUND;
	bool known = rc == AKSES_OK;
	if (rc != AKSES_OK && rc != AKSES_E_STAFF_NOT_FOUND)
		return rc;
	if (!known) {
		staff_id = 0;
		pthread_once(&dummy_once, staff_make_dummy);
		snprintf(hash, sizeof hash, "%s", dummy_hash);
	}
	/* a malformed PIN is a wrong PIN; verify anyway so its timing says nothing */
	bool match = secret_pin_verify(hash, pin) && valid_pin(pin) == AKSES_OK && known;
	bool read_only = (flags & STORE_SIGNIN_READ) != 0;

	int64_t now = clock_now();
	struct akses_staff who;
	akses_status answer = AKSES_E_PIN_WRONG;
	const char *why = "wrong";
	rc = store_begin(st);
	if (rc != AKSES_OK) {
		/* a full or read-only disk: a read may still go on, judged from what is stored */
		if (!read_only || !akses_status_is_storage_refusal(rc))
			return rc;
		if ((rc = signin_judge(st, staff_id, match, hash, station, now, &who, &answer,
		                       &why)) != AKSES_OK)
			return rc;
	} else {
		rc = signin_judge(st, staff_id, match, hash, station, now, &who, &answer, &why);
		if (rc == AKSES_OK)
			rc = signin_write(st, staff_id, answer, why, station, now);
		/* the failed attempt is committed too: that is what makes the backoff count */
		rc = store_tx_end(st, rc);
		if (rc == AKSES_OK && recorded)
			*recorded = true;
		else if (rc != AKSES_OK && !(read_only && akses_status_is_storage_refusal(rc)))
			return rc;
	}
	if ((answer == AKSES_OK || answer == AKSES_E_PIN_MUST_CHANGE || answer == AKSES_E_PIN_LOCKED) &&
	    out)
		*out = who;
	return answer;
}

akses_status store_signin(store *st, int64_t staff_id, const char *pin, const char *station,
                          struct akses_staff *out)
{
	return store_signin_ex(st, staff_id, pin, station, 0, out, NULL);
}

/* One row of the list into *row (a struct akses_signin_alert). */
static bool signin_alert_row(db_stmt *s, void *row, void *ctx)
{
	struct akses_signin_alert *p = row;
	(void)ctx;
	p->staff_id = db_col_int64(s, 0);
	store_col_text(s, 1, p->name, sizeof p->name);
	p->role = store_col_role(s, 2);
	p->failures = db_col_int(s, 3);
	p->stations = db_col_int(s, 4);
	p->last_at = db_col_int64(s, 5);
	p->alert = p->staff_id > 0 && p->failures >= SIGNIN_ALERT_FAILURES;
	return true;
}

/* ---- sign-in alerts ------------------------------------------------------------------------- */

akses_status store_signin_alerts(store *st, int64_t actor_id, struct akses_signin_alert **out,
                                 int *n)
{
	if (!st || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	struct akses_staff actor;
	akses_status rc = store_actor(st, actor_id, &actor);
	if (rc != AKSES_OK)
		return rc;
	if (actor.role != ROLE_ADMIN && actor.role != ROLE_HELPDESK)
		return AKSES_E_ROLE;
	db_stmt *s = store_prep(
	    st, "SELECT g.staff_id, coalesce(f.name, ''), coalesce(f.role, ''), count(*),"
	        "       count(DISTINCT g.station), max(g.at)"
	        "  FROM signin g LEFT JOIN staff f ON f.id = g.staff_id"
	        " WHERE g.why = 'wrong' AND g.at >= ?1"
	        " GROUP BY g.staff_id, f.name, f.role ORDER BY count(*) DESC, g.staff_id");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, clock_now() - SIGNIN_WINDOW);
	return store_rows(st, s, sizeof **out, signin_alert_row, NULL, out, n);
}
