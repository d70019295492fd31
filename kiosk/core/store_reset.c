/* store_reset.c - SOP steps taken soon after the actor's PIN was reset by an ADMIN: the trace of
 * one person acting in several roles (an ADMIN resets the Kadis's PIN, then signs in as the
 * Kadis), for the compliance report. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "store_int.h"

/* One row of the list into *row (a struct akses_reset_flag). */
static bool reset_flag_row(db_stmt *s, void *row, void *ctx)
{
	struct akses_reset_flag *f = row;
	(void)ctx;
	store_col_text(s, 0, f->number, sizeof f->number);
	f->step = db_col_int(s, 1);
	f->actor_id = db_col_int64(s, 2);
	f->reset_by = db_col_int64(s, 3);
	f->step_at = db_col_int64(s, 4);
	f->reset_at = db_col_int64(s, 5);
	return true;
}

akses_status store_compliance_resets(store *st, const char *from_day, const char *to_day,
                                     int window_min, struct akses_reset_flag **out, int *n)
{
	if (!st || !from_day || !to_day || !out || !n || window_min < 0)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	int64_t t0, t1, ignored;
	if (clock_day_bounds(from_day, &t0, &ignored) != AKSES_OK ||
	    clock_day_bounds(to_day, &ignored, &t1) != AKSES_OK)
		return AKSES_E_DATE;
	/* a reset is a "staff-pin" audit row whose actor is not the account itself; the step's
	 * actor is that account, and the step came within the window after the reset; the latest
	 * such reset before the step is the one reported */
	db_stmt *s = store_prep(
	    st, "SELECT r.number, p.step, p.actor_id, a.actor_id, p.at, a.at"
	        "  FROM step p JOIN request r ON r.id = p.request_id"
	        "  JOIN audit a ON a.id = (SELECT x.id FROM audit x WHERE x.action = 'staff-pin'"
	        "              AND x.subject = 'staff:' || p.actor_id"
	        "              AND x.actor_id <> p.actor_id"
	        "              AND x.at <= p.at AND x.at >= p.at - ?3"
	        "              ORDER BY x.at DESC, x.id DESC LIMIT 1)"
	        " WHERE p.at >= ?1 AND p.at < ?2 AND p.step BETWEEN 2 AND 6"
	        "   AND p.actor_id IS NOT NULL"
	        " ORDER BY r.number, p.step, p.id");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, t0);
	db_bind_int64(s, 2, t1);
	db_bind_int64(s, 3, (int64_t)window_min * 60);
	return store_rows(st, s, sizeof **out, reset_flag_row, NULL, out, n);
}
