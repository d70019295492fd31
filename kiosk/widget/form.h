/* form.h - the visitor's request form as typed (the model of screen_submit.c), its wipe, and its
 * conversion to the core's struct akses_request_input. No SDL and no drawing here. */
#ifndef AKSES_FORM_H
#define AKSES_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

#define FORM_PHONE_BUF 24 /* as typed: 08.., up to 15 digits */
#define FORM_DAYS 14      /* the date chips: today and the next 13 days */
#define FORM_STEP_MIN 30  /* start and end move in half hours */

struct form_person {
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	char nik[AKSES_NIK_LEN + 1]; /* the number of the id_type document */
	akses_id_type id_type;
};

struct form {
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	char nik[AKSES_NIK_LEN + 1];
	akses_id_type id_type; /* ID_NIK unless the visitor picks passport or KITAS */
	char institution[AKSES_BUF(AKSES_INSTITUTION_CHARS)];
	char phone[FORM_PHONE_BUF];
	char email[AKSES_BUF(AKSES_EMAIL_CHARS)];
	purpose_cat purpose_category;
	char purpose[AKSES_BUF(AKSES_PURPOSE_CHARS)];
	int day;       /* 0 = today .. FORM_DAYS - 1 */
	int start_min; /* minutes after local midnight */
	int end_min;
	int n_companions;
	struct form_person companions[AKSES_MAX_COMPANIONS];
	int n_equipment;
	char equipment[AKSES_MAX_EQUIPMENT][AKSES_BUF(AKSES_EQUIPMENT_CHARS)];
	bool now_slot; /* "Now": the visit starts when the request is sent (form_set_now) */
	bool consent;
	int64_t started_at; /* first touch of the form (step 1's duration) */
};

/* Forget everything typed (the bytes are overwritten, not just the lengths), then set the
 * defaults for a new visitor: today, the next half hour after now + 30 min, two hours long. */
void form_wipe(struct form *f, int64_t now, int64_t today_start);

/* The window as unix seconds, from the day chip and minutes; today_start is local midnight. */
void form_window(const struct form *f, int64_t today_start, int64_t *start, int64_t *end);

/* Move the start or end by delta minutes in FORM_STEP_MIN steps, keeping 0 <= start < end and
 * end - start <= 12 h: a visit may end after midnight (end past 24 h is the next day). Moving
 * the start leaves the "Now" slot. */
void form_move_start(struct form *f, int delta);
void form_move_end(struct form *f, int delta);

/* The "Now" slot: today, starting at the next whole minute after now, as long as the visit was
 * (two hours for a new form), midnight or not. Called again just before sending, so a visitor
 * who took five minutes to finish still asks for "now". */
void form_set_now(struct form *f, int64_t now, int64_t today_start);

/* Fill in (pointers into f: valid while f is) for store_submit. Empty companion and equipment
 * rows are skipped. */
void form_to_input(const struct form *f, int64_t today_start, struct akses_request_input *in);

#endif
