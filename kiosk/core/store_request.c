/* store_request.c - requests: submission (step 1) with per-day numbers and receipt tokens, staff
 * reads, the visitor's lookups and receipt reissue. Lists, inboxes and the timeline are in
 * store_request_list.c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "clock.h"
#include "secret.h"
#include "store_int.h"
#include "valid.h"

/* the kiosk may reissue its own receipt this long after submission */
#define RECEIPT_KIOSK_SECONDS 600

/* ---- helpers -------------------------------------------------------------------------------- */

/* The largest counter a number can carry (VALID_NUMBER_MAX_DIGITS nines). */
static int64_t req_number_limit(void)
{
	int64_t lim = 1;
	for (int i = 0; i < VALID_NUMBER_MAX_DIGITS; i++)
		lim *= 10;
	return lim - 1;
}

/* Take the next number of the local day of now: "AKS-YYYYMMDD-NNNNN", inside the transaction.
 * Five digits keep a day's numbers in text order up to 99,999; past that the counter simply
 * gets more digits (sorting then needs length first, as the id does anyway). */
static akses_status req_next_number(store *st, int64_t now, char out[AKSES_NUMBER_BUF])
{
	char day[24];
	clock_format_day(now, day, sizeof day);
	db_stmt *s = store_prep(st, "INSERT INTO day_counter(day, n) VALUES (?1, 1)"
	                            " ON CONFLICT (day) DO UPDATE SET n = day_counter.n + 1 RETURNING n");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, day);
	int rc = db_step(s);
	int64_t n = rc == DB_ROW ? db_col_int64(s, 0) : 0;
	if (rc == DB_ROW)
		rc = db_step(s);
	db_finalize(s);
	if (rc != DB_DONE)
		return store_fail(st, rc);
	if (n < 1 || n > req_number_limit())
		return AKSES_E_NUMBERS_USED_UP; /* the caller rolls the increment back */
	char compact[9] = {0};
	/* "2026-11-29" -> "20261129" */
	for (int i = 0, j = 0; day[i] && j < 8; i++)
		if (day[i] != '-')
			compact[j++] = day[i];
	char buf[48]; /* n <= req_number_limit(), so the number fits AKSES_NUMBER_BUF */
	int len = snprintf(buf, sizeof buf, "AKS-%s-%0*" PRId64, compact, VALID_NUMBER_NEW_DIGITS, n);
	if (len < 0 || len >= AKSES_NUMBER_BUF)
		return AKSES_E_NUMBERS_USED_UP;
	memcpy(out, buf, (size_t)len + 1);
	return AKSES_OK;
}

/* Run an INSERT/UPDATE that is already bound; AKSES_OK when it completed. */
static akses_status req_step_done(store *st, db_stmt *s)
{
	int rc = db_step(s);
	db_finalize(s);
	return rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
}

/* Insert the request row and its companions; the caller has validated in. */
static akses_status req_insert(store *st, const struct akses_request_input *in, const char *number,
                               const char *phone, const unsigned char *receipt_hash, int64_t now,
                               int64_t *id_out)
{
	/* equipment lines joined by '\n' (valid_request refused newlines inside a line) */
	size_t cap = 1;
	for (int i = 0; i < in->n_equipment; i++)
		cap += strlen(in->equipment[i]) + 1;
	char *equip = malloc(cap);
	if (!equip)
		return AKSES_E_NOMEM;
	equip[0] = '\0';
	size_t len = 0;
	for (int i = 0; i < in->n_equipment; i++) {
		size_t m = strlen(in->equipment[i]);
		if (i > 0)
			equip[len++] = '\n';
		memcpy(equip + len, in->equipment[i], m);
		len += m;
		equip[len] = '\0';
	}
	db_stmt *s = store_prep(
	    st,
	    "INSERT INTO request(number, state, last_step, name, nik, institution, phone, email,"
	    " purpose_cat, purpose, start_at, end_at, equipment, receipt_hash, form_started_at,"
	    " created_at, updated_at, id_type, lang) VALUES (?1, ?2, 1, ?3, upper(CAST(?4 AS TEXT)),"
	    " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16, ?17) RETURNING id");
	if (!s) {
		free(equip);
		return AKSES_E_IO;
	}
	db_bind_text(s, 1, number);
	db_bind_text(s, 2, wf_state_code(RS_SUBMITTED));
	db_bind_text(s, 3, in->name);
	db_bind_text(s, 4, in->nik);
	db_bind_text(s, 5, in->institution);
	db_bind_text(s, 6, phone);
	db_bind_text(s, 7, in->email ? in->email : "");
	db_bind_text(s, 8, wf_purpose_code(in->purpose_category));
	db_bind_text(s, 9, in->purpose);
	db_bind_int64(s, 10, in->start_at);
	db_bind_int64(s, 11, in->end_at);
	db_bind_text(s, 12, equip);
	db_bind_blob(s, 13, receipt_hash, SECRET_HASH_BYTES);
	/* a start time from the future or long ago would give step 1 a nonsense duration */
	int64_t started =
	    in->form_started_at > 0 && in->form_started_at <= now ? in->form_started_at : 0;
	db_bind_int64(s, 14, started);
	db_bind_int64(s, 15, now);
	db_bind_text(s, 16, valid_id_type_code(in->id_type));
	/* the visitor's language: "en", else the default "id" */
	db_bind_text(s, 17, in->lang && strcmp(in->lang, "en") == 0 ? "en" : "id");
	int64_t id = 0;
	akses_status rc = store_insert_id(st, s, &id);
	free(equip);
	if (rc != AKSES_OK)
		return rc;
	for (int i = 0; i < in->n_companions; i++) {
		/* passport and KITAS letters are kept in capitals, as printed on the document */
		s = store_prep(st, "INSERT INTO companion(request_id, seq, name, nik, id_type)"
		                   " VALUES (?1, ?2, ?3, upper(CAST(?4 AS TEXT)), ?5)");
		if (!s)
			return AKSES_E_IO;
		db_bind_int64(s, 1, id);
		db_bind_int(s, 2, i + 1);
		db_bind_text(s, 3, in->companion_name[i]);
		db_bind_text(s, 4, in->companion_nik[i]);
		db_bind_text(s, 5, valid_id_type_code(in->companion_id_type[i]));
		if ((rc = req_step_done(st, s)) != AKSES_OK)
			return rc;
	}
	*id_out = id;
	return AKSES_OK;
}

/* A submission key: 8 to 64 of [A-Za-z0-9_-] (the kiosk's are random hex). */
static bool req_key_ok(const char *key)
{
	size_t n = 0;
	for (; key[n]; n++) {
		char c = key[n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_') || n >= 64)
			return false;
	}
	return n >= 8;
}

/* The request an earlier submission with key made, if any (*again true then): out gets its id and
 * number, and the request takes the new receipt token's hash (the first answer never reached
 * the kiosk, so neither did its token). Inside the transaction. */
static akses_status req_find_key(store *st, const char *key, const unsigned char *receipt_hash,
                                 int64_t now, struct akses_submit_result *out, bool *again)
{
	db_stmt *s = store_prep(st, "SELECT id, number FROM request WHERE submit_key = ?1");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, key);
	int rc = db_step(s);
	if (rc == DB_ROW) {
		out->id = db_col_int64(s, 0);
		store_col_text(s, 1, out->number, sizeof out->number);
		*again = true;
	}
	db_finalize(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
	s = store_prep(st, "UPDATE request SET receipt_hash = ?1, updated_at = ?2 WHERE id = ?3");
	if (!s)
		return AKSES_E_IO;
	db_bind_blob(s, 1, receipt_hash, SECRET_HASH_BYTES);
	db_bind_int64(s, 2, now);
	db_bind_int64(s, 3, out->id);
	return req_step_done(st, s);
}

/* Keep the submission's key with the request it made (inside the transaction). */
static akses_status req_set_key(store *st, int64_t id, const char *key)
{
	db_stmt *s = store_prep(st, "UPDATE request SET submit_key = ?1 WHERE id = ?2");
	if (!s)
		return AKSES_E_IO;
	db_bind_text(s, 1, key);
	db_bind_int64(s, 2, id);
	return req_step_done(st, s);
}

/* ---- step 1 --------------------------------------------------------------------------------- */

akses_status store_submit(store *st, const struct akses_request_input *in,
                          struct akses_submit_result *res, akses_field *field_out, int *index_out)
{
	akses_field field = AKSES_F_NONE;
	int index = 0;
	if (field_out)
		*field_out = AKSES_F_NONE;
	if (index_out)
		*index_out = 0;
	if (!st || !in || !res)
		return AKSES_E_INVALID_ARG;
	int64_t now = clock_now();
	akses_status rc = valid_request(in, now, &field, &index);
	char phone[AKSES_PHONE_BUF];
	if (rc == AKSES_OK && (rc = valid_phone(in->phone, phone)) != AKSES_OK)
		field = AKSES_F_PHONE;
	if (rc != AKSES_OK) {
		if (field_out)
			*field_out = field;
		if (index_out)
			*index_out = index;
		return rc;
	}
	struct akses_submit_result out;
	memset(&out, 0, sizeof out);
	unsigned char hash[SECRET_HASH_BYTES];
	secret_token(out.receipt_token);
	secret_token_hash(out.receipt_token, hash);

	const char *key = in->submit_key && *in->submit_key ? in->submit_key : NULL;
	if (key && !req_key_ok(key))
		return AKSES_E_INVALID_ARG;
	if ((rc = store_begin(st)) != AKSES_OK)
		return rc;
	bool again = false;
	if (key && (rc = req_find_key(st, key, hash, now, &out, &again)) == AKSES_OK && again) {
		rc = store_audit(st, 0, "submit-again", out.number, "step=1");
		if ((rc = store_tx_end(st, rc)) != AKSES_OK)
			return rc;
		*res = out;
		sodium_memzero(&out, sizeof out);
		return AKSES_OK;
	}
	if (rc == AKSES_OK)
		rc = req_next_number(st, now, out.number);
	if (rc == AKSES_OK)
		rc = req_insert(st, in, out.number, phone, hash, now, &out.id);
	if (rc == AKSES_OK && key)
		rc = req_set_key(st, out.id, key);
	if (rc == AKSES_OK)
		rc = store_step_add(st, out.id, WF_SUBMIT, 0, now, NULL);
	if (rc == AKSES_OK)
		rc = store_set_state(st, out.id, RS_SUBMITTED, now);
	if (rc == AKSES_OK) {
		/* no names, NIKs or phone here: the audit trail outlives retention */
		char detail[64];
		snprintf(detail, sizeof detail, "step=1 people=%d", in->n_companions + 1);
		rc = store_audit(st, 0, "submit", out.number, detail);
	}
	if ((rc = store_tx_end(st, rc)) != AKSES_OK)
		return rc;
	*res = out;
	sodium_memzero(&out, sizeof out);
	return AKSES_OK;
}

/* ---- reading one request -------------------------------------------------------------------- */

#define REQ_COLUMNS                                                                                \
	"r.id, r.number, r.state, r.last_step, r.name, r.nik, r.institution, r.phone, r.email,"    \
	" r.purpose_cat, r.purpose, r.start_at, r.end_at, r.created_at, r.updated_at, "            \
	"r.equipment,"                                                                             \
	" coalesce(r.escort_id, 0), coalesce(e.name, ''), r.reason, r.report,"                     \
	" CASE WHEN r.anonymized_at IS NULL THEN 0 ELSE 1 END, r.receipt_hash, r.id_type, r.lang"

/* Read a request found by the statement's where-clause ("r.number = ?1" or "r.receipt_hash = ?1")
 * with its companions and equipment into out. When hash_out is not NULL it gets the stored
 * receipt hash (zeros when none). AKSES_E_REQUEST_NOT_FOUND when no row matches. */
static akses_status req_load(store *st, const char *where, const void *key, int key_len,
                             struct akses_request *out, unsigned char *hash_out)
{
	char sql[1024];
	snprintf(sql, sizeof sql,
	         "SELECT " REQ_COLUMNS " FROM request r LEFT JOIN staff e ON e.id = r.escort_id"
	         " WHERE %s",
	         where);
	db_stmt *s = store_prep(st, sql);
	if (!s)
		return AKSES_E_IO;
	if (key_len < 0)
		db_bind_text(s, 1, key);
	else
		db_bind_blob(s, 1, key, key_len);
	int rc = db_step(s);
	if (rc != DB_ROW) {
		db_finalize(s);
		return rc == DB_DONE ? AKSES_E_REQUEST_NOT_FOUND : store_fail(st, rc);
	}
	memset(out, 0, sizeof *out);
	char code[32];
	out->id = db_col_int64(s, 0);
	store_col_text(s, 1, out->number, sizeof out->number);
	store_col_text(s, 2, code, sizeof code);
	if (wf_state_parse(code, &out->state) != 0)
		out->state = RS_NONE;
	out->last_step = db_col_int(s, 3);
	store_col_text(s, 4, out->name, sizeof out->name);
	store_col_text(s, 5, out->nik, sizeof out->nik);
	store_col_text(s, 6, out->institution, sizeof out->institution);
	store_col_text(s, 7, out->phone, sizeof out->phone);
	store_col_text(s, 8, out->email, sizeof out->email);
	store_col_text(s, 9, code, sizeof code);
	if (wf_purpose_parse(code, &out->purpose_category) != 0)
		out->purpose_category = PURPOSE_NONE;
	store_col_text(s, 10, out->purpose, sizeof out->purpose);
	out->start_at = db_col_int64(s, 11);
	out->end_at = db_col_int64(s, 12);
	out->created_at = db_col_int64(s, 13);
	out->updated_at = db_col_int64(s, 14);
	store_equipment_split(db_col_text(s, 15), out->equipment,
	                      &out->n_equipment);
	out->escort_id = db_col_int64(s, 16);
	store_col_text(s, 17, out->escort_name, sizeof out->escort_name);
	store_col_text(s, 18, out->reason, sizeof out->reason);
	store_col_text(s, 19, out->report, sizeof out->report);
	out->anonymized = db_col_int(s, 20) != 0;
	if (hash_out) {
		memset(hash_out, 0, SECRET_HASH_BYTES);
		size_t len = 0;
		const void *hash = db_col_blob(s, 21, &len);
		if (hash && len == SECRET_HASH_BYTES)
			memcpy(hash_out, hash, SECRET_HASH_BYTES);
	}
	store_col_text(s, 22, code, sizeof code);
	if (!valid_id_type_parse(code, &out->id_type))
		out->id_type = ID_NIK;
	store_col_text(s, 23, code, sizeof code);
	snprintf(out->lang, sizeof out->lang, "%s", strcmp(code, "en") == 0 ? "en" : "id");
	db_finalize(s);

	s = store_prep(st,
	               "SELECT name, nik, id_type FROM companion WHERE request_id = ?1 ORDER BY seq");
	if (!s)
		return AKSES_E_IO;
	db_bind_int64(s, 1, out->id);
	while ((rc = db_step(s)) == DB_ROW && out->n_companions < AKSES_MAX_COMPANIONS) {
		struct akses_person *p = &out->companions[out->n_companions++];
		store_col_text(s, 0, p->name, sizeof p->name);
		store_col_text(s, 1, p->nik, sizeof p->nik);
		store_col_text(s, 2, code, sizeof code);
		if (!valid_id_type_parse(code, &p->id_type))
			p->id_type = ID_NIK;
	}
	db_finalize(s);
	return rc == DB_ROW || rc == DB_DONE ? AKSES_OK : store_fail(st, rc);
}

/* Load by canonical number inside one read snapshot. */
static akses_status req_load_number(store *st, const char *canon, struct akses_request *out)
{
	bool began = store_read_begin(st);
	akses_status rc = req_load(st, "r.number = ?1", canon, -1, out, NULL);
	store_read_end(st, began);
	return rc;
}

akses_status store_request_get(store *st, const char *number, struct akses_request *out)
{
	if (!st || !number || !out)
		return AKSES_E_INVALID_ARG;
	char canon[AKSES_NUMBER_BUF];
	if (valid_request_number(number, canon) != AKSES_OK)
		return AKSES_E_REQUEST_NUMBER;
	return req_load_number(st, canon, out);
}

/* Compare the last 4 digits of a stored phone with what the visitor typed, in constant time. A
 * phone with fewer than 4 digits (anonymized: "") never matches, after the same comparison. */
static bool req_phone_matches(const char *phone, const char *last4)
{
	size_t n = strlen(phone);
	const char *tail = n >= 4 ? phone + n - 4 : "####";
	return sodium_memcmp(tail, last4, 4) == 0 && n >= 4;
}

akses_status store_lookup(store *st, const char *number, const char *phone_last4,
                          const char *station, struct akses_request *out)
{
	if (!st || !number || !phone_last4 || !out)
		return AKSES_E_INVALID_ARG;
	char canon[AKSES_NUMBER_BUF];
	if (valid_request_number(number, canon) != AKSES_OK)
		return AKSES_E_REQUEST_NUMBER;
	if (valid_phone_digits(phone_last4) != AKSES_OK)
		return AKSES_E_PHONE_DIGITS;
	station = store_guard_station(station);
	/* the visitor must see "expired", not a step that can no longer come */
	akses_status rc = store_expire_stale(st, NULL);
	if (rc != AKSES_OK)
		return rc;
	struct akses_request *r = malloc(sizeof *r);
	if (!r)
		return AKSES_E_NOMEM;
	/* one write transaction: the guard's count, the check and its record cannot interleave with
	 * another station's tries */
	if ((rc = store_begin(st)) != AKSES_OK) {
		free(r);
		return rc;
	}
	int64_t now = clock_now(), wait_s = 0;
	rc = req_load(st, "r.number = ?1", canon, -1, r, NULL);
	bool found = rc == AKSES_OK;
	if (rc == AKSES_E_REQUEST_NOT_FOUND)
		rc = AKSES_OK;
	int64_t request_id = found ? r->id : 0;
	if (rc == AKSES_OK)
		rc = store_guard_wait(st, request_id, station, now, &wait_s);
	bool match = false;
	if (rc == AKSES_OK && wait_s == 0)
		/* an unknown number is compared too, so both failures look and take the same */
		match = req_phone_matches(found ? r->phone : "", phone_last4) && found;
	if (rc == AKSES_OK)
		rc = store_guard_record(st, "lookup", request_id, station, now,
		                        wait_s > 0 ? "wait" : (match ? "ok" : "fail"));
	rc = store_tx_end(st, rc);
	if (rc == AKSES_OK && wait_s > 0)
		rc = AKSES_E_LOOKUP_WAIT;
	else if (rc == AKSES_OK && !match)
		rc = AKSES_E_LOOKUP;
	if (rc == AKSES_OK)
		*out = *r;
	sodium_memzero(r, sizeof *r);
	free(r);
	return rc;
}

akses_status store_lookup_token(store *st, const char *receipt_token, struct akses_request *out)
{
	if (!st || !receipt_token || !out)
		return AKSES_E_INVALID_ARG;
	char canon[AKSES_TOKEN_BUF];
	if (valid_token(receipt_token, canon) != AKSES_OK)
		return AKSES_E_TOKEN_FORMAT;
	unsigned char want[SECRET_HASH_BYTES], have[SECRET_HASH_BYTES];
	secret_token_hash(canon, want);
	akses_status rc = store_expire_stale(st, NULL);
	if (rc != AKSES_OK)
		return rc;
	struct akses_request *r = malloc(sizeof *r);
	if (!r)
		return AKSES_E_NOMEM;
	bool began = store_read_begin(st);
	rc = req_load(st, "r.receipt_hash = ?1", want, SECRET_HASH_BYTES, r, have);
	store_read_end(st, began);
	if (rc == AKSES_OK && !secret_equal(want, have, SECRET_HASH_BYTES))
		rc = AKSES_E_LOOKUP;
	if (rc == AKSES_OK)
		*out = *r;
	else if (rc == AKSES_E_REQUEST_NOT_FOUND)
		rc = AKSES_E_LOOKUP;
	sodium_memzero(r, sizeof *r);
	free(r);
	return rc;
}

/* The kiosk (actor 0) may reissue only within RECEIPT_KIOSK_SECONDS of submission; staff must be
 * HELPDESK, KOORDINATOR or ADMIN (the front desk and its supervisors). An anonymized request has
 * no receipt any more: AKSES_E_STATE. */
akses_status store_receipt_reissue(store *st, const char *number, int64_t actor_id,
                                   char token_out[AKSES_TOKEN_BUF])
{
	if (!st || !number || !token_out)
		return AKSES_E_INVALID_ARG;
	char token[AKSES_TOKEN_BUF];
	unsigned char hash[SECRET_HASH_BYTES];
	secret_token(token);
	secret_token_hash(token, hash);
	akses_status rc = store_begin(st);
	if (rc != AKSES_OK)
		return rc;
	int64_t now = clock_now(), id = 0, created = 0, anonymized = 0;
	if (actor_id != 0) {
		struct akses_staff actor;
		rc = store_actor(st, actor_id, &actor);
		if (rc == AKSES_OK && actor.role != ROLE_HELPDESK &&
		    actor.role != ROLE_KOORDINATOR && actor.role != ROLE_ADMIN)
			rc = AKSES_E_ROLE;
	}
	if (rc == AKSES_OK)
		rc = store_request_head(st, number, &id, NULL, NULL);
	if (rc == AKSES_OK) {
		db_stmt *s = store_prep(st, "SELECT created_at,"
		                            " CASE WHEN anonymized_at IS NULL THEN 0 ELSE 1 END"
		                            " FROM request WHERE id = ?1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			db_bind_int64(s, 1, id);
			if (db_step(s) == DB_ROW) {
				created = db_col_int64(s, 0);
				anonymized = db_col_int64(s, 1);
			}
			db_finalize(s);
		}
	}
	if (rc == AKSES_OK && actor_id == 0 && now > created + RECEIPT_KIOSK_SECONDS)
		rc = AKSES_E_ROLE;
	if (rc == AKSES_OK && anonymized)
		rc = AKSES_E_STATE;
	if (rc == AKSES_OK) {
		db_stmt *s =
		    store_prep(st, "UPDATE request SET receipt_hash = ?2 WHERE id = ?1");
		if (!s)
			rc = AKSES_E_IO;
		else {
			db_bind_int64(s, 1, id);
			db_bind_blob(s, 2, hash, SECRET_HASH_BYTES);
			rc = req_step_done(st, s);
		}
	}
	if (rc == AKSES_OK) {
		char canon[AKSES_NUMBER_BUF];
		valid_request_number(number, canon);
		rc = store_audit(st, actor_id, "receipt-reissue", canon,
		                 actor_id ? "by=staff" : "by=kiosk");
	}
	if ((rc = store_tx_end(st, rc)) == AKSES_OK)
		memcpy(token_out, token, AKSES_TOKEN_BUF);
	sodium_memzero(token, sizeof token);
	return rc;
}
