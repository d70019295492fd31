/* store_guard.c - the guard on the visitor's weak proof (request number + the phone's last 4
 * digits): every try is recorded with its station, and wrong tries slow further ones per request
 * and per station; Helpdesk lists the requests someone is guessing at. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "store_int.h"
#include "valid.h"

/* Wrong tries on one request count for a day (or until its digits are given right); wrong tries
 * at one station count for an hour, and a right answer there does not clear them (an attacker
 * could otherwise interleave their own request's digits). */
#define GUARD_REQUEST_WINDOW_S 86400
#define GUARD_STATION_WINDOW_S 3600
#define GUARD_FREE_TRIES 5        /* wrong tries before the first delay */
#define GUARD_FIRST_DELAY_S 60    /* after the 5th wrong try; doubling with each further one */
#define GUARD_MAX_DELAY_S 86400
#define GUARD_ATTACK_MIN 3        /* wrong tries in a day that Helpdesk is shown */

int64_t store_guard_delay(int failures)
{
	if (failures < GUARD_FREE_TRIES)
		return 0;
	int shift = failures - GUARD_FREE_TRIES;
	if (shift > 20) /* 60 s << 11 already passes a day; keep the shift defined */
		return GUARD_MAX_DELAY_S;
	int64_t d = (int64_t)GUARD_FIRST_DELAY_S << shift;
	return d > GUARD_MAX_DELAY_S ? GUARD_MAX_DELAY_S : d;
}

/* Count and latest time of the wrong tries the statement selects (columns count, max(at)), and
 * from them the time the next try is allowed (0 when there is no delay). */
static akses_status guard_until(store *st, db_stmt *s, int64_t *until)
{
	*until = 0;
	if (!s)
		return AKSES_E_IO;
	int src = db_step(s);
	if (src == DB_ROW) {
		int n = db_col_int(s, 0);
		int64_t last = db_col_int64(s, 1);
		int64_t d = store_guard_delay(n);
		if (d > 0)
			*until = last + d;
	}
	db_finalize(s);
	return src == DB_ROW ? AKSES_OK : store_fail(st, src);
}

akses_status store_guard_wait(store *st, int64_t request_id, const char *station, int64_t now,
                              int64_t *wait_s)
{
	int64_t until_req = 0, until_station = 0;
	*wait_s = 0;
	akses_status rc = AKSES_OK;
	if (request_id > 0) {
		db_stmt *s = store_prep(
		    st, "SELECT count(*), coalesce(max(at), 0) FROM lookup_attempt"
		        " WHERE request_id = ?1 AND outcome = 'fail' AND at > ?2"
		        " AND id > coalesce((SELECT max(id) FROM lookup_attempt"
		        "                    WHERE request_id = ?1 AND outcome = 'ok'), 0)");
		if (s) {
			db_bind_int64(s, 1, request_id);
			db_bind_int64(s, 2, now - GUARD_REQUEST_WINDOW_S);
		}
		rc = guard_until(st, s, &until_req);
	}
	if (rc == AKSES_OK && station) {
		db_stmt *s = store_prep(st, "SELECT count(*), coalesce(max(at), 0)"
		                            " FROM lookup_attempt"
		                            " WHERE station = ?1 AND outcome = 'fail' AND at > ?2");
		if (s) {
			db_bind_text(s, 1, station);
			db_bind_int64(s, 2, now - GUARD_STATION_WINDOW_S);
		}
		rc = guard_until(st, s, &until_station);
	}
	if (rc != AKSES_OK)
		return rc;
	int64_t until = until_req > until_station ? until_req : until_station;
	*wait_s = until > now ? until - now : 0;
	return AKSES_OK;
}

akses_status store_guard_record(store *st, const char *kind, int64_t request_id,
                                const char *station, int64_t now, const char *outcome)
{
	db_stmt *s = store_prep(st, "INSERT INTO lookup_attempt(at, kind, station, request_id,"
	                            " outcome) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, now);
	db_bind_text(s, 2, kind);
	db_bind_text(s, 3, station);
	if (request_id > 0)
		db_bind_int64(s, 4, request_id);
	else
		db_bind_null(s, 4);
	db_bind_text(s, 5, outcome);
	int src = db_step(s);
	db_finalize(s);
	return src == DB_DONE ? AKSES_OK : store_fail(st, src);
}

const char *store_guard_station(const char *station)
{
	return station && *station ? station : "unknown";
}

akses_status store_lookup_wait(store *st, const char *number, const char *station,
                               int64_t *wait_s)
{
	if (!st || !number || !wait_s)
		return AKSES_E_INVALID_ARG;
	*wait_s = 0;
	char canon[AKSES_NUMBER_BUF];
	if (valid_request_number(number, canon) != AKSES_OK)
		return AKSES_E_REQUEST_NUMBER;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t id = 0;
	rc = store_request_head(st, canon, &id, NULL, NULL);
	if (rc == AKSES_E_REQUEST_NOT_FOUND) {
		id = 0;
		rc = AKSES_OK;
	}
	if (rc == AKSES_OK)
		rc = store_guard_wait(st, id, store_guard_station(station), clock_now(), wait_s);
	store_rollback(st); /* read only */
	return rc;
}

akses_status store_lookup_attacks(store *st, int64_t actor_id,
                                  struct akses_lookup_attack **out, int *n)
{
	if (!st || !out || !n)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	*n = 0;
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	struct akses_staff actor;
	if ((rc = store_actor(st, actor_id, &actor)) == AKSES_OK && actor.role != ROLE_HELPDESK &&
	    actor.role != ROLE_KOORDINATOR && actor.role != ROLE_ADMIN)
		rc = AKSES_E_ROLE;
	int64_t now = clock_now();
	db_stmt *s = NULL;
	if (rc == AKSES_OK &&
	    !(s = store_prep(st, "SELECT r.id, r.number, count(*), count(DISTINCT a.station),"
	                         " max(a.at)"
	                         " FROM lookup_attempt a JOIN request r ON r.id = a.request_id"
	                         " WHERE a.outcome = 'fail' AND a.at > ?1"
	                         " GROUP BY r.id HAVING count(*) >= ?2"
	                         " ORDER BY max(a.at) DESC")))
		rc = AKSES_E_IO;
	struct akses_lookup_attack *list = NULL;
	int count = 0, cap = 0, icap = 0, src = DB_DONE;
	int64_t *ids = NULL;
	if (s) {
		db_bind_int64(s, 1, now - GUARD_REQUEST_WINDOW_S);
		db_bind_int(s, 2, GUARD_ATTACK_MIN);
		while ((src = db_step(s)) == DB_ROW) {
			if (store_grow(&list, &cap, count + 1, sizeof *list) != AKSES_OK ||
			    store_grow(&ids, &icap, count + 1, sizeof *ids) != AKSES_OK) {
				rc = AKSES_E_NOMEM;
				break;
			}
			struct akses_lookup_attack *a = &list[count];
			memset(a, 0, sizeof *a);
			ids[count] = db_col_int64(s, 0);
			store_col_text(s, 1, a->number, sizeof a->number);
			a->failures = db_col_int(s, 2);
			a->stations = db_col_int(s, 3);
			a->last_at = db_col_int64(s, 4);
			count++;
		}
		db_finalize(s);
		if (rc == AKSES_OK && src != DB_DONE)
			rc = store_fail(st, src);
	}
	/* the request's own delay (stations aside): how long its number + digits stay refused */
	for (int i = 0; rc == AKSES_OK && i < count; i++) {
		int64_t w = 0;
		rc = store_guard_wait(st, ids[i], NULL, now, &w);
		list[i].wait_until = w > 0 ? now + w : 0;
	}
	free(ids);
	store_rollback(st); /* read only */
	if (rc != AKSES_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return AKSES_OK;
}
