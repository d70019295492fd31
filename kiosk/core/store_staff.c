/* store_staff.c - staff accounts: the first admin, sign-in with Argon2id PINs and lockout, adding,
 * disabling, PIN changes and listing. */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "secret.h"
#include "store_int.h"
#include "valid.h"

#define STAFF_MAX_FAILED 5     /* consecutive wrong PINs before the lock */
#define STAFF_LOCK_SECONDS 300 /* how long the lock lasts */

/* ---- helpers -------------------------------------------------------------------------------- */

/* A real Argon2id hash of a PIN nobody has, verified against when the account does not exist so
 * that an unknown id costs the same time as a known one. Made once per process. */
static char dummy_hash[SECRET_PIN_HASH_BUF];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void staff_make_dummy(void)
{
	if (secret_pin_hash("00000000", dummy_hash) != AKSES_OK)
		dummy_hash[0] = '\0';
}

/* Validate a staff member's display name: one line, required, at most AKSES_NAME_CHARS. */
static akses_status staff_check_name(const char *name)
{
	return valid_text(name, AKSES_NAME_CHARS, true, false);
}

/* Subject of an audit row about a staff member: "staff:<id>" (no names in the audit trail). */
static void staff_subject(char *buf, size_t n, int64_t id)
{
	snprintf(buf, n, "staff:%" PRId64, id);
}

/* Read the stored PIN hash of an account: before the transaction for the slow verify (which must
 * not hold the writer lock), and inside it to see the hash is still the one verified against.
 * AKSES_E_STAFF_NOT_FOUND when there is no such id. */
static akses_status staff_pin_hash(store *st, int64_t id, char out[SECRET_PIN_HASH_BUF])
{
	sqlite3_stmt *s = store_prep(st, "SELECT pin_hash FROM staff WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	akses_status ret = AKSES_OK;
	if (rc == SQLITE_ROW)
		store_col_text(s, 0, out, SECRET_PIN_HASH_BUF);
	else
		ret = rc == SQLITE_DONE ? AKSES_E_STAFF_NOT_FOUND : store_fail(st, rc);
	sqlite3_finalize(s);
	return ret;
}

/* Insert a staff row; the PIN is already hashed. */
static akses_status staff_insert(store *st, const char *name, akses_role role, const char *hash,
                                 int64_t now, int64_t *id_out)
{
	sqlite3_stmt *s = store_prep(st, "INSERT INTO staff(name, role, pin_hash, created_at)"
	                                 " VALUES (?1, ?2, ?3, ?4)");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, wf_role_code(role), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, now);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc);
	*id_out = sqlite3_last_insert_rowid(st->db);
	return AKSES_OK;
}

/* Run one statement with an int64 in ?1 and optionally ?2, ?3 (simple updates). */
static akses_status staff_exec3(store *st, const char *sql, int64_t a, int64_t b, int64_t c)
{
	sqlite3_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	int np = sqlite3_bind_parameter_count(s);
	sqlite3_bind_int64(s, 1, a);
	if (np >= 2)
		sqlite3_bind_int64(s, 2, b);
	if (np >= 3)
		sqlite3_bind_int64(s, 3, c);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? AKSES_OK : store_fail(st, rc);
}

/* Finish a write transaction: commit on success, roll back otherwise; returns the final status. */
static akses_status staff_end(store *st, akses_status rc)
{
	if (rc == AKSES_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

/* ---- first admin ---------------------------------------------------------------------------- */

akses_status store_init_admin(store *st, const char *name, const char *pin, int64_t *id_out)
{
	if (!st || !name || !pin)
		return AKSES_E_INVALID_ARG;
	akses_status rc = staff_check_name(name);
	if (rc != AKSES_OK)
		return rc;
	if (valid_pin(pin) != AKSES_OK)
		return AKSES_E_PIN_FORMAT;
	char hash[SECRET_PIN_HASH_BUF];
	if ((rc = secret_pin_hash(pin, hash)) != AKSES_OK)
		return rc;
	if ((rc = store_begin(st)) != AKSES_OK)
		return rc;
	sqlite3_stmt *s = store_prep(st, "SELECT count(*) FROM staff");
	if (!s) {
		store_rollback(st);
		return AKSES_E_IO;
	}
	int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	int64_t id = 0;
	char subject[32];
	if (n != 0)
		rc = n < 0 ? store_fail(st, sqlite3_errcode(st->db)) : AKSES_E_ALREADY_INIT;
	if (rc == AKSES_OK)
		rc = staff_insert(st, name, ROLE_ADMIN, hash, clock_now(), &id);
	if (rc == AKSES_OK) {
		staff_subject(subject, sizeof subject, id);
		rc = store_audit(st, id, "staff-init", subject, "role=ADMIN");
	}
	rc = staff_end(st, rc);
	if (rc == AKSES_OK && id_out)
		*id_out = id;
	return rc;
}

/* ---- sign-in -------------------------------------------------------------------------------- */

akses_status store_signin_record(store *st, int64_t staff_id, int64_t now, bool ok,
                                 const char *station, const char *detail)
{
	sqlite3_stmt *s = store_prep(st, "INSERT INTO signin(staff_id, at, ok, station)"
	                                 " VALUES (?1, ?2, ?3, ?4)");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, staff_id);
	sqlite3_bind_int64(s, 2, now);
	sqlite3_bind_int(s, 3, ok ? 1 : 0);
	sqlite3_bind_text(s, 4, station, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc);
	char subject[32];
	staff_subject(subject, sizeof subject, staff_id);
	return store_audit(st, ok ? staff_id : 0, ok ? "signin" : "signin-failed", subject, detail);
}

/* The PIN is verified before the transaction (Argon2id takes ~0.1 s and must not hold the writer
 * lock); the account's counters and PIN hash are then re-read inside it, so two stations failing
 * at once both count. Unknown ids verify against a dummy hash and answer AKSES_E_PIN_WRONG, like a
 * wrong PIN. The attempt that reaches STAFF_MAX_FAILED already answers AKSES_E_PIN_LOCKED; the
 * counter restarts from 0 when the lock is set, so after the lock ends there are 5 tries again. */
akses_status store_signin(store *st, int64_t staff_id, const char *pin, const char *station,
                          struct akses_staff *out)
{
	if (!st || !pin)
		return AKSES_E_INVALID_ARG;
	if (!station || valid_text(station, AKSES_STATION_CHARS, false, false) != AKSES_OK)
		station = "";
	char hash[SECRET_PIN_HASH_BUF];
	akses_status rc = staff_pin_hash(st, staff_id, hash);
	bool known = rc == AKSES_OK;
	if (rc != AKSES_OK && rc != AKSES_E_STAFF_NOT_FOUND)
		return rc;
	if (!known) {
		pthread_once(&dummy_once, staff_make_dummy);
		snprintf(hash, sizeof hash, "%s", dummy_hash);
	}
	/* a malformed PIN is a wrong PIN; verify anyway so its timing says nothing */
	bool match = secret_pin_verify(hash, pin) && valid_pin(pin) == AKSES_OK && known;

	if ((rc = store_begin(st)) != AKSES_OK)
		return rc;
	int64_t now = clock_now();
	struct akses_staff who;
	memset(&who, 0, sizeof who);
	akses_status acct = known ? store_actor(st, staff_id, &who) : AKSES_E_STAFF_NOT_FOUND;
	/* The verdict is about the hash read before the transaction. If the PIN was replaced while
	 * we verified (an ADMIN shutting out a leaked PIN), the typed PIN no longer opens this
	 * account: a wrong PIN, counted like one (verifying again would hold the writer lock). */
	if (match && acct != AKSES_E_STAFF_NOT_FOUND) {
		char current[SECRET_PIN_HASH_BUF];
		akses_status hrc = staff_pin_hash(st, staff_id, current);
		if (hrc != AKSES_OK) {
			store_rollback(st);
			return hrc;
		}
		size_t n = strlen(hash);
		match = strlen(current) == n && secret_equal((const unsigned char *)current,
		                                             (const unsigned char *)hash, n);
	}
	akses_status answer;
	const char *why;
	if (acct == AKSES_E_STAFF_NOT_FOUND) {
		answer = AKSES_E_PIN_WRONG;
		why = "unknown";
	} else if (acct != AKSES_OK && acct != AKSES_E_STAFF_DISABLED) {
		store_rollback(st);
		return acct;
	} else if (who.locked_until > now) {
		answer = AKSES_E_PIN_LOCKED;
		why = "locked";
	} else if (!match) {
		int failed = who.failed_pins + 1;
		if (failed >= STAFF_MAX_FAILED) {
			answer = AKSES_E_PIN_LOCKED;
			why = "wrong-pin lock";
			rc = staff_exec3(st,
			                 "UPDATE staff SET failed_pins = 0, locked_until = ?2"
			                 " WHERE id = ?1",
			                 staff_id, now + STAFF_LOCK_SECONDS, 0);
		} else {
			answer = AKSES_E_PIN_WRONG;
			why = "wrong-pin";
			rc = staff_exec3(st, "UPDATE staff SET failed_pins = ?2 WHERE id = ?1",
			                 staff_id, failed, 0);
		}
	} else if (acct == AKSES_E_STAFF_DISABLED) {
		answer = AKSES_E_STAFF_DISABLED;
		why = "disabled";
	} else {
		answer = AKSES_OK;
		why = "ok";
		rc = staff_exec3(st,
		                 "UPDATE staff SET failed_pins = 0, locked_until = 0 WHERE id = ?1",
		                 staff_id, 0, 0);
	}
	char detail[96];
	snprintf(detail, sizeof detail, "%s station=%s", why, station);
	if (rc == AKSES_OK)
		rc = store_signin_record(st, staff_id, now, answer == AKSES_OK, station, detail);
	if (rc == AKSES_OK && answer == AKSES_OK)
		rc = store_actor(st, staff_id, &who);
	/* the failed attempt is committed too: that is what makes the lockout count */
	if ((rc = staff_end(st, rc)) != AKSES_OK)
		return rc;
	if (answer == AKSES_OK && out)
		*out = who;
	return answer;
}

/* ---- administration ------------------------------------------------------------------------- */

akses_status store_staff_add(store *st, int64_t actor_id, const char *name, akses_role role,
                             const char *pin, int64_t *id_out)
{
	if (!st || !name || !pin)
		return AKSES_E_INVALID_ARG;
	akses_status rc = staff_check_name(name);
	if (rc != AKSES_OK)
		return rc;
	if (role <= ROLE_NONE || role >= ROLE_COUNT)
		return AKSES_E_ROLE_NAME;
	if (valid_pin(pin) != AKSES_OK)
		return AKSES_E_PIN_FORMAT;
	char hash[SECRET_PIN_HASH_BUF];
	if ((rc = secret_pin_hash(pin, hash)) != AKSES_OK)
		return rc;
	if ((rc = store_begin(st)) != AKSES_OK)
		return rc;
	struct akses_staff actor;
	int64_t id = 0;
	rc = store_actor(st, actor_id, &actor);
	if (rc == AKSES_OK && actor.role != ROLE_ADMIN)
		rc = AKSES_E_ROLE;
	if (rc == AKSES_OK)
		rc = staff_insert(st, name, role, hash, clock_now(), &id);
	if (rc == AKSES_OK) {
		char subject[32], detail[48];
		staff_subject(subject, sizeof subject, id);
		snprintf(detail, sizeof detail, "role=%s", wf_role_code(role));
		rc = store_audit(st, actor_id, "staff-add", subject, detail);
	}
	rc = staff_end(st, rc);
	if (rc == AKSES_OK && id_out)
		*id_out = id;
	return rc;
}

/* Disabling the last active ADMIN is refused with AKSES_E_ROLE: nobody could add staff again.
 * Disabling an account that is already disabled succeeds (and is recorded). */
akses_status store_staff_disable(store *st, int64_t actor_id, int64_t staff_id)
{
	if (!st)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	struct akses_staff actor, target;
	rc = store_actor(st, actor_id, &actor);
	if (rc == AKSES_OK && actor.role != ROLE_ADMIN)
		rc = AKSES_E_ROLE;
	if (rc == AKSES_OK) {
		rc = store_actor(st, staff_id, &target);
		if (rc == AKSES_E_STAFF_DISABLED)
			rc = AKSES_OK;
	}
	if (rc == AKSES_OK && target.active && target.role == ROLE_ADMIN) {
		sqlite3_stmt *s = store_prep(st, "SELECT count(*) FROM staff"
		                                 " WHERE role = 'ADMIN' AND active = 1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			int64_t admins =
			    sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
			sqlite3_finalize(s);
			if (admins <= 1)
				rc = AKSES_E_ROLE;
		}
	}
	if (rc == AKSES_OK)
		rc = staff_exec3(st, "UPDATE staff SET active = 0 WHERE id = ?1", staff_id, 0, 0);
	if (rc == AKSES_OK) {
		char subject[32];
		staff_subject(subject, sizeof subject, staff_id);
		rc = store_audit(st, actor_id, "staff-disable", subject, "");
	}
	return staff_end(st, rc);
}

/* A new PIN also clears the wrong-PIN counter and any lock (an admin unlocking an account). */
akses_status store_staff_set_pin(store *st, int64_t actor_id, int64_t staff_id, const char *new_pin)
{
	if (!st || !new_pin)
		return AKSES_E_INVALID_ARG;
	if (valid_pin(new_pin) != AKSES_OK)
		return AKSES_E_PIN_FORMAT;
	char hash[SECRET_PIN_HASH_BUF];
	akses_status rc = secret_pin_hash(new_pin, hash);
	if (rc != AKSES_OK)
		return rc;
	if ((rc = store_begin(st)) != AKSES_OK)
		return rc;
	struct akses_staff actor;
	rc = store_actor(st, actor_id, &actor);
	if (rc == AKSES_OK && actor.role != ROLE_ADMIN && actor_id != staff_id)
		rc = AKSES_E_ROLE;
	if (rc == AKSES_OK) {
		rc = store_actor(st, staff_id, NULL);
		if (rc == AKSES_E_STAFF_DISABLED)
			rc = AKSES_OK;
	}
	if (rc == AKSES_OK) {
		sqlite3_stmt *s = store_prep(st, "UPDATE staff SET pin_hash = ?2, failed_pins = 0,"
		                                 " locked_until = 0 WHERE id = ?1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			sqlite3_bind_int64(s, 1, staff_id);
			sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
			int src = sqlite3_step(s);
			sqlite3_finalize(s);
			if (src != SQLITE_DONE)
				rc = store_fail(st, src);
		}
	}
	if (rc == AKSES_OK) {
		char subject[32];
		staff_subject(subject, sizeof subject, staff_id);
		rc = store_audit(st, actor_id, "staff-pin", subject, "");
	}
	return staff_end(st, rc);
}

/* ---- reading -------------------------------------------------------------------------------- */

akses_status store_staff_get(store *st, int64_t staff_id, struct akses_staff *out)
{
	if (!st || !out)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_actor(st, staff_id, out);
	return rc == AKSES_E_STAFF_DISABLED ? AKSES_OK : rc;
}

akses_status store_staff_list(store *st, akses_role role, struct akses_staff **out, int *n)
{
	if (!st || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_prep(st, "SELECT id, name, role, active, failed_pins, locked_until,"
	                                 " created_at FROM staff WHERE ?1 = '' OR role = ?1"
	                                 " ORDER BY name, id");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_text(s, 1, role == ROLE_NONE ? "" : wf_role_code(role), -1, SQLITE_STATIC);
	struct akses_staff *list = NULL;
	int count = 0, cap = 0, rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (store_grow(&list, &cap, count + 1, sizeof *list) != AKSES_OK) {
			free(list);
			sqlite3_finalize(s);
			return AKSES_E_NOMEM;
		}
		struct akses_staff *p = &list[count++];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(s, 0);
		store_col_text(s, 1, p->name, sizeof p->name);
		char code[24];
		store_col_text(s, 2, code, sizeof code);
		if (wf_role_parse(code, &p->role) != 0)
			p->role = ROLE_NONE;
		p->active = sqlite3_column_int(s, 3) != 0;
		p->failed_pins = sqlite3_column_int(s, 4);
		p->locked_until = sqlite3_column_int64(s, 5);
		p->created_at = sqlite3_column_int64(s, 6);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(list);
		return store_fail(st, rc);
	}
	*out = list;
	*n = count;
	return AKSES_OK;
}
