/* store_staff_email.c - the e-mail address a staff member is notified at (store_outbox.c sends a
 * step's notice to every active account of its role that has one). */
#include <stdio.h>

#include "store_int.h"
#include "valid.h"

akses_status store_staff_set_email(store *st, int64_t actor_id, int64_t staff_id, const char *email)
{
	if (!st || !email)
		return AKSES_E_INVALID_ARG;
	akses_status rc = valid_email(email);
	if (rc != AKSES_OK)
		return rc;
	if ((rc = store_begin(st)) != AKSES_OK)
		return rc;
	rc = store_staff_changer(st, actor_id, staff_id);
	if (rc == AKSES_OK) {
		db_stmt *s = store_prep(st, "UPDATE staff SET email = ?2 WHERE id = ?1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			db_bind_int64(s, 1, staff_id);
			db_bind_text(s, 2, email);
			int src = db_step(s);
			db_finalize(s);
			if (src != DB_DONE)
				rc = store_fail(st, src);
		}
	}
	if (rc == AKSES_OK) {
		/* the audit trail is never anonymized: it says that the address changed, not what
		 */
		char subject[32];
		store_staff_subject(subject, sizeof subject, staff_id);
		rc = store_audit(st, actor_id, "staff-email", subject, *email ? "set" : "cleared");
	}
	return store_tx_end(st, rc);
}

akses_status store_staff_email(store *st, int64_t staff_id, char *out, size_t n)
{
	if (!st || !out || n == 0)
		return AKSES_E_INVALID_ARG;
	*out = '\0';
	db_stmt *s = store_prep(st, "SELECT email FROM staff WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, staff_id);
	int rc = db_step(s);
	if (rc == DB_ROW)
		store_col_text(s, 0, out, n);
	db_finalize(s);
	return rc == DB_ROW    ? AKSES_OK
	       : rc == DB_DONE ? AKSES_E_STAFF_NOT_FOUND
	                       : store_fail(st, rc);
}
