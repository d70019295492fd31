/* store_staff.c - staff accounts: the first admin, adding, disabling, PIN changes and listing.
 * Signing in is in store_signin.c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "secret.h"
#include "store_int.h"
#include "valid.h"

/* ---- helpers -------------------------------------------------------------------------------- */

void store_staff_subject(char *buf, size_t n, int64_t id)
{
	snprintf(buf, n, "staff:%" PRId64, id);
}

/* Validate a staff member's display name: one line, required, at most AKSES_NAME_CHARS. */
static akses_status staff_check_name(const char *name)
{
	return valid_text(name, AKSES_NAME_CHARS, true, false);
}

/* Insert a staff row; the PIN is already hashed. */
static akses_status staff_insert(store *st, const char *name, akses_role role, const char *hash,
                                 int64_t now, int64_t *id_out)
{
	db_stmt *s = store_prep(st, "INSERT INTO staff(name, role, pin_hash, created_at)"
	                            " VALUES (?1, ?2, ?3, ?4) RETURNING id");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, name);
	db_bind_text(s, 2, wf_role_code(role));
	db_bind_text(s, 3, hash);
	db_bind_int64(s, 4, now);
	return store_insert_id(st, s, id_out);
}

/* ---- first admin ---------------------------------------------------------------------------- */

akses_status store_init_admin(store *st, const char *name, const char *pin, int64_t *id_out)
{
	if (!st || !name || !pin)
		return AKSES_E_INVALID_ARG;
	akses_status rc = staff_check_name(name);
	if (rc != AKSES_OK)
		return rc;
	if (valid_new_pin(pin) != AKSES_OK)
		return AKSES_E_PIN_FORMAT;
	char hash[SECRET_PIN_HASH_BUF];
	if ((rc = secret_pin_hash(pin, hash)) != AKSES_OK)
		return rc;
	if ((rc = store_begin(st)) != AKSES_OK)
		return rc;
	db_stmt *s = store_prep(st, "SELECT count(*) FROM staff");
	if (!s)
		return store_tx_end(st, AKSES_E_IO);
	int src = db_step(s);
	int64_t n = src == DB_ROW ? db_col_int64(s, 0) : -1;
	db_finalize(s);
	int64_t id = 0;
	char subject[32];
	if (n != 0)
		rc = n < 0 ? store_fail(st, src) : AKSES_E_ALREADY_INIT;
	if (rc == AKSES_OK)
		rc = staff_insert(st, name, ROLE_ADMIN, hash, clock_now(), &id);
	if (rc == AKSES_OK) {
		store_staff_subject(subject, sizeof subject, id);
		rc = store_audit(st, id, "staff-init", subject, "role=ADMIN");
	}
	rc = store_tx_end(st, rc);
	if (rc == AKSES_OK && id_out)
		*id_out = id;
	return rc;
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
	if (valid_new_pin(pin) != AKSES_OK)
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
		store_staff_subject(subject, sizeof subject, id);
		snprintf(detail, sizeof detail, "role=%s", wf_role_code(role));
		rc = store_audit(st, actor_id, "staff-add", subject, detail);
	}
	rc = store_tx_end(st, rc);
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
		db_stmt *s = store_prep(st, "SELECT count(*) FROM staff"
		                            " WHERE role = 'ADMIN' AND active = 1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			int64_t admins =
			    db_step(s) == DB_ROW ? db_col_int64(s, 0) : 0;
			db_finalize(s);
			if (admins <= 1)
				rc = AKSES_E_ROLE;
		}
	}
	if (rc == AKSES_OK)
		rc = store_exec_ids(st, "UPDATE staff SET active = 0 WHERE id = ?1", staff_id, 0, 0);
	if (rc == AKSES_OK) {
		char subject[32];
		store_staff_subject(subject, sizeof subject, staff_id);
		rc = store_audit(st, actor_id, "staff-disable", subject, "");
	}
	return store_tx_end(st, rc);
}

/* A new PIN also clears the wrong-PIN counter and any lock (an admin unlocking an account). */
akses_status store_staff_set_pin(store *st, int64_t actor_id, int64_t staff_id, const char *new_pin)
{
	if (!st || !new_pin)
		return AKSES_E_INVALID_ARG;
	if (valid_new_pin(new_pin) != AKSES_OK)
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
		/* set by someone else (an ADMIN): its owner must choose their own at the next
		 * sign-in, and is told who set it and when */
		db_stmt *s = store_prep(st, "UPDATE staff SET pin_hash = ?2, failed_pins = 0,"
		                            " locked_until = 0, pin_must_change = ?3,"
		                            " pin_set_by = ?4, pin_set_at = ?5 WHERE id = ?1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			db_bind_int64(s, 1, staff_id);
			db_bind_text(s, 2, hash);
			db_bind_int(s, 3, actor_id != staff_id);
			db_bind_int64(s, 4, actor_id);
			db_bind_int64(s, 5, clock_now());
			int src = db_step(s);
			db_finalize(s);
			if (src != DB_DONE)
				rc = store_fail(st, src);
		}
	}
	if (rc == AKSES_OK) {
		char subject[32];
		store_staff_subject(subject, sizeof subject, staff_id);
		rc = store_audit(st, actor_id, "staff-pin", subject,
		                 actor_id != staff_id ? "reset must-change" : "own");
	}
	return store_tx_end(st, rc);
}

/* ---- reading -------------------------------------------------------------------------------- */

akses_status store_staff_get(store *st, int64_t staff_id, struct akses_staff *out)
{
	if (!st || !out)
		return AKSES_E_INVALID_ARG;
	akses_status rc = store_actor(st, staff_id, out);
	return rc == AKSES_E_STAFF_DISABLED ? AKSES_OK : rc;
}

/* One row of the list into *row (a struct akses_staff). */
static bool staff_row(db_stmt *s, void *row, void *ctx)
{
	struct akses_staff *p = row;
	(void)ctx;
	p->id = db_col_int64(s, 0);
	store_col_text(s, 1, p->name, sizeof p->name);
	p->role = store_col_role(s, 2);
	p->active = db_col_int(s, 3) != 0;
	p->failed_pins = db_col_int(s, 4);
	p->locked_until = db_col_int64(s, 5);
	p->created_at = db_col_int64(s, 6);
	return true;
}

akses_status store_staff_list(store *st, akses_role role, struct akses_staff **out, int *n)
{
	if (!st || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	db_stmt *s = store_prep(st, "SELECT id, name, role, active, failed_pins, locked_until,"
	                            " created_at FROM staff WHERE CAST(?1 AS TEXT) = '' OR role = ?1"
	                            " ORDER BY name, id");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, role == ROLE_NONE ? "" : wf_role_code(role));
	return store_rows(st, s, sizeof **out, staff_row, NULL, out, n);
}
