/* test_form.c - the visitor form model: a wipe leaves nothing of the last visitor, the window
 * moves in half hours within one day, and the request input carries exactly what was typed. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"

#define MIDNIGHT 1795539600 /* some local midnight; only differences matter here */

static void fill(struct form *f)
{
	strcpy(f->name, "Nurul 'Aini");
	strcpy(f->nik, "1371014506900001");
	strcpy(f->institution, "PT Contoh");
	strcpy(f->phone, "081234567890");
	strcpy(f->email, "nurul@example.id");
	strcpy(f->purpose, "Ganti disk");
	f->purpose_category = PURPOSE_MAINTENANCE;
	f->n_companions = 2;
	strcpy(f->companions[0].name, "José");
	strcpy(f->companions[0].nik, "1371010101900002");
	strcpy(f->companions[1].name, "Ḥasan");
	strcpy(f->companions[1].nik, "1371010101900003");
	f->companions[1].id_type = ID_KITAS; /* a foreigner's document, forgotten with the rest */
	f->n_equipment = 1;
	strcpy(f->equipment[0], "Laptop");
	f->consent = true;
	f->started_at = MIDNIGHT + 100;
}

/* True when nothing personal is held (every byte of every text zero, no companions, no consent). */
static bool nothing_held(const struct form *f)
{
	const unsigned char *p;
	size_t n;

#define FORM_ZERO(field)                                                                           \
	do {                                                                                       \
		p = (const unsigned char *)&(field);                                               \
		n = sizeof(field);                                                                 \
		while (n--)                                                                        \
			if (*p++)                                                                  \
				return false;                                                      \
	} while (0)
	FORM_ZERO(f->name);
	FORM_ZERO(f->nik);
	FORM_ZERO(f->institution);
	FORM_ZERO(f->phone);
	FORM_ZERO(f->email);
	FORM_ZERO(f->purpose);
	FORM_ZERO(f->companions);
	FORM_ZERO(f->equipment);
#undef FORM_ZERO
	return f->n_companions == 0 && f->n_equipment == 0 && !f->consent &&
	       f->purpose_category == PURPOSE_NONE && f->started_at == 0;
}

START_TEST(test_wipe_leaves_nothing_of_the_previous_visitor)
{
	struct form f;
	memset(&f, 0x5A, sizeof f); /* garbage everywhere, even past the terminators */
	fill(&f);
	ck_assert(!nothing_held(&f));
	form_wipe(&f, MIDNIGHT + 9 * 3600, MIDNIGHT);
	ck_assert(nothing_held(&f));
	const unsigned char *p = (const unsigned char *)f.name;
	for (size_t i = 0; i < sizeof f.name; i++)
		ck_assert_int_eq(p[i], 0);
	ck_assert_int_eq(f.n_companions, 0);
	ck_assert(!f.consent);
	ck_assert_int_eq(f.id_type, ID_NIK); /* the next visitor starts with a NIK */
	ck_assert_int_eq(f.companions[1].id_type, ID_NIK);
}
END_TEST

START_TEST(test_default_window_is_the_next_half_hour_after_thirty_minutes)
{
	struct form f;
	form_wipe(&f, MIDNIGHT + 9 * 3600 + 10 * 60, MIDNIGHT); /* 09:10 */
	ck_assert_int_eq(f.day, 0);
	ck_assert_int_eq(f.start_min, 10 * 60); /* 09:40 -> 10:00 */
	ck_assert_int_eq(f.end_min, 12 * 60);
	form_wipe(&f, MIDNIGHT + 23 * 3600, MIDNIGHT); /* too late: tomorrow 09:00 */
	ck_assert_int_eq(f.day, 1);
	ck_assert_int_eq(f.start_min, 9 * 60);
}
END_TEST

START_TEST(test_window_moves_in_half_hours_and_stays_valid)
{
	struct form f;
	int64_t s, e;
	form_wipe(&f, MIDNIGHT + 9 * 3600, MIDNIGHT);
	f.start_min = 10 * 60;
	f.end_min = 11 * 60;
	form_move_start(&f, 30);
	ck_assert_int_eq(f.start_min, 10 * 60 + 30);
	ck_assert_int_eq(f.end_min, 11 * 60 + 30); /* the visit moved, same length */
	form_move_end(&f, -30);
	form_move_end(&f, -30); /* would end at the start: refused */
	ck_assert_int_eq(f.end_min, 11 * 60);
	for (int i = 0; i < 40; i++)
		form_move_end(&f, 30);
	ck_assert_int_le(f.end_min - f.start_min, 12 * 60);
	f.day = 2;
	form_window(&f, MIDNIGHT, &s, &e);
	ck_assert_int_eq(s, MIDNIGHT + 2 * 86400 + f.start_min * 60);
	ck_assert_int_eq(e, MIDNIGHT + 2 * 86400 + f.end_min * 60);
}
END_TEST

/* A late visit crosses midnight, and "Now" means the minute the request is sent. */
START_TEST(test_now_slot_and_visits_that_cross_midnight)
{
	struct form f;
	int64_t s, e;
	form_wipe(&f, MIDNIGHT + 22 * 3600 + 50 * 60, MIDNIGHT);
	form_set_now(&f, MIDNIGHT + 22 * 3600 + 50 * 60 + 10, MIDNIGHT);
	ck_assert(f.now_slot);
	ck_assert_int_eq(f.day, 0);
	ck_assert_int_eq(f.start_min, 22 * 60 + 51);
	ck_assert_int_eq(f.end_min, 24 * 60 + 51); /* 00:51 the next day */
	form_window(&f, MIDNIGHT, &s, &e);
	ck_assert_int_eq(e - s, 2 * 3600);
	ck_assert_int_eq(e, MIDNIGHT + 86400 + 51 * 60);
	/* sent five minutes later: still "now", same length */
	form_set_now(&f, MIDNIGHT + 22 * 3600 + 55 * 60, MIDNIGHT);
	ck_assert_int_eq(f.start_min, 22 * 60 + 55);
	ck_assert_int_eq(f.end_min - f.start_min, 2 * 60);
	/* the end moves on past midnight up to 12 hours; moving the start leaves "now" */
	for (int i = 0; i < 40; i++)
		form_move_end(&f, 30);
	ck_assert_int_eq(f.end_min - f.start_min, 12 * 60);
	ck_assert_int_eq(f.end_min, 22 * 60 + 55 + 12 * 60); /* 10:55 the next morning */
	form_move_start(&f, -30);
	ck_assert(!f.now_slot);
	ck_assert_int_eq(f.end_min - f.start_min, 12 * 60);
}
END_TEST

START_TEST(test_request_input_holds_exactly_what_was_typed)
{
	struct form f;
	struct akses_request_input in;
	form_wipe(&f, MIDNIGHT + 9 * 3600, MIDNIGHT);
	fill(&f);
	/* an empty companion row and an empty equipment line are not sent */
	f.n_companions = 3;
	f.n_equipment = 2;
	form_to_input(&f, MIDNIGHT, &in);
	ck_assert_str_eq(in.name, "Nurul 'Aini");
	ck_assert_str_eq(in.nik, "1371014506900001");
	ck_assert_str_eq(in.email, "nurul@example.id");
	ck_assert_int_eq(in.n_companions, 2);
	ck_assert_str_eq(in.companion_name[1], "Ḥasan");
	ck_assert_int_eq(in.id_type, ID_NIK);
	ck_assert_int_eq(in.companion_id_type[0], ID_NIK);
	ck_assert_int_eq(in.companion_id_type[1], ID_KITAS);
	ck_assert_int_eq(in.n_equipment, 1);
	ck_assert(in.consent);
	ck_assert_int_eq(in.form_started_at, MIDNIGHT + 100);
	f.email[0] = '\0';
	form_to_input(&f, MIDNIGHT, &in);
	ck_assert_ptr_null(in.email);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("kiosk form");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, test_wipe_leaves_nothing_of_the_previous_visitor);
	tcase_add_test(tc, test_default_window_is_the_next_half_hour_after_thirty_minutes);
	tcase_add_test(tc, test_window_moves_in_half_hours_and_stays_valid);
	tcase_add_test(tc, test_request_input_holds_exactly_what_was_typed);
	tcase_add_test(tc, test_now_slot_and_visits_that_cross_midnight);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
