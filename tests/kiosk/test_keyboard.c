/* test_keyboard.c - the on-screen keyboard's layouts: every key is hit at its centre, gaps hit
 * nothing, keys are finger-sized at 1280x800 and 1920x1080, and taps type what they show. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "kbd.h"

/* The keyboard area the submit screen uses: full width, 55% of the space under the top bar. */
static void area_for(int w, int h, int *x, int *y, int *kw, int *kh)
{
	int bar = h * 120 / 1080, nav = h * 150 / 1080;
	*kh = (h - bar - nav) * 55 / 100;
	*x = 12;
	*y = h - nav - *kh + 12;
	*kw = w - 24;
	*kh -= 24;
}

static const struct kbd_key *find(const struct kbd *k, const char *id)
{
	for (int i = 0; i < k->n; i++)
		if (!strcmp(k->keys[i].id, id))
			return &k->keys[i];
	return NULL;
}

/* The key under a point, or NULL (gaps and outside hit nothing): what a tap would press. */
static const struct kbd_key *key_at(const struct kbd *k, int px, int py)
{
	for (int i = 0; i < k->n; i++) {
		const struct kbd_key *key = &k->keys[i];
		if (px >= key->x && px < key->x + key->w && py >= key->y && py < key->y + key->h)
			return key;
	}
	return NULL;
}

static void check_layout(enum kbd_layout l, int page, int w, int h, int min_h)
{
	struct kbd k;
	int x, y, kw, kh;

	memset(&k, 0, sizeof k);
	k.layout = l;
	k.page = page;
	area_for(w, h, &x, &y, &kw, &kh);
	kbd_layout(&k, x, y, kw, kh, 10 * h / 1080);
	ck_assert_int_gt(k.n, 10);
	for (int i = 0; i < k.n; i++) {
		const struct kbd_key *key = &k.keys[i];
		ck_assert_msg(key_at(&k, key->x + key->w / 2, key->y + key->h / 2) == key,
		              "centre of %s hits another key", key->id);
		ck_assert_msg(key->h >= min_h, "%s is %d px tall at %dx%d", key->id, key->h, w, h);
		ck_assert_msg(key->w >= min_h * 9 / 10, "%s is %d px wide", key->id, key->w);
		/* inside the area */
		ck_assert_int_ge(key->x, x);
		ck_assert_int_le(key->x + key->w, x + kw);
		ck_assert_int_ge(key->y, y);
		ck_assert_int_le(key->y + key->h, y + kh);
		/* ids are unique: tests and the dump address keys by id */
		for (int j = 0; j < i; j++)
			ck_assert_str_ne(k.keys[j].id, key->id);
	}
	/* outside the area hits nothing */
	ck_assert_ptr_null(key_at(&k, x - 5, y - 5));
	ck_assert_ptr_null(key_at(&k, x + kw + 5, y + kh + 5));
}

START_TEST(test_letter_keys_are_finger_sized_and_hit_at_their_centre_at_1920x1080)
{
	/* 15 mm at ~0.25 mm per pixel on a 21.5" full-HD screen */
	check_layout(KBD_TEXT, 0, 1920, 1080, 60);
	check_layout(KBD_TEXT, 1, 1920, 1080, 60);
	check_layout(KBD_NUMERIC, 0, 1920, 1080, 60);
}
END_TEST

START_TEST(test_keys_stay_usable_at_1280x800)
{
	check_layout(KBD_TEXT, 0, 1280, 800, 48);
	check_layout(KBD_NUMERIC, 0, 1280, 800, 48);
	check_layout(KBD_NUMBER, 0, 1280, 800, 48);
}
END_TEST

START_TEST(test_gap_between_keys_hits_nothing)
{
	struct kbd k;
	memset(&k, 0, sizeof k);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	const struct kbd_key *q = find(&k, "key:q"), *w = find(&k, "key:w");
	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_nonnull(w);
	int gx = q->x + q->w + (w->x - (q->x + q->w)) / 2;
	ck_assert_int_lt(q->x + q->w, w->x);
	ck_assert_ptr_null(key_at(&k, gx, q->y + q->h / 2));
}
END_TEST

START_TEST(test_name_characters_are_all_reachable)
{
	struct kbd k;
	memset(&k, 0, sizeof k);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	/* apostrophe, hyphen, period and space on the first page: "Nurul 'Aini", "M. Abdul-Karim" */
	ck_assert_ptr_nonnull(find(&k, "key:U+0027"));
	ck_assert_ptr_nonnull(find(&k, "key:U+002D"));
	ck_assert_ptr_nonnull(find(&k, "key:U+002E"));
	ck_assert_ptr_nonnull(find(&k, "key:space"));
	ck_assert_ptr_nonnull(find(&k, "key:U+0040")); /* @ for email */
	/* the accent page has é ñ ç ş ğ ā ḥ */
	const char *acc[] = {"key:U+00E9", "key:U+00F1", "key:U+00E7", "key:U+015F",
	                     "key:U+011F", "key:U+0101", "key:U+1E25"};
	const struct kbd_key *page = find(&k, "key:page");
	char out[8];
	ck_assert_ptr_nonnull(page);
	ck_assert_int_eq(kbd_press(&k, page, out, sizeof out), KBD_ACT_NONE);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	for (size_t i = 0; i < sizeof acc / sizeof acc[0]; i++)
		ck_assert_msg(find(&k, acc[i]) != NULL, "%s missing", acc[i]);
}
END_TEST

START_TEST(test_shift_types_one_capital_then_lowercase)
{
	struct kbd k;
	char out[8];
	memset(&k, 0, sizeof k);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	kbd_press(&k, find(&k, "key:shift"), out, sizeof out);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	ck_assert_int_eq(kbd_press(&k, find(&k, "key:a"), out, sizeof out), KBD_ACT_TEXT);
	ck_assert_str_eq(out, "A");
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	kbd_press(&k, find(&k, "key:a"), out, sizeof out);
	ck_assert_str_eq(out, "a");
	/* shifted accents are uppercase too: "É" */
	k.page = 1;
	k.shift = true;
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	kbd_press(&k, find(&k, "key:U+00E9"), out, sizeof out);
	ck_assert_str_eq(out, "É");
	ck_assert_int_eq(kbd_press(&k, find(&k, "key:bksp"), out, sizeof out), KBD_ACT_BKSP);
}
END_TEST

START_TEST(test_numeric_pad_has_digits_and_backspace_only)
{
	struct kbd k;
	memset(&k, 0, sizeof k);
	k.layout = KBD_NUMERIC;
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	ck_assert_int_eq(k.n, 11);
	for (char d = '0'; d <= '9'; d++) {
		char id[8] = "key:";
		id[4] = d;
		id[5] = 0;
		ck_assert_ptr_nonnull(find(&k, id));
	}
	ck_assert_ptr_nonnull(find(&k, "key:bksp"));
	ck_assert_ptr_null(find(&k, "key:U+002D"));
	kbd_set_layout(&k, KBD_NUMBER);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	ck_assert_ptr_nonnull(find(&k, "key:U+002D"));
}
END_TEST

/* Names capitalise themselves as typed (at the start and after a space), a purpose only at the
 * start; caps lock holds capitals; the clear key empties the field; one accented letter returns
 * to the letters page. */
START_TEST(test_names_capitalise_as_typed_with_caps_lock_and_clear)
{
	struct kbd k;
	char out[8];
	memset(&k, 0, sizeof k);
	k.autocap = KBD_CAP_WORDS;
	kbd_autoshift(&k, "");
	ck_assert(k.shift);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	kbd_press(&k, find(&k, "key:n"), out, sizeof out);
	ck_assert_str_eq(out, "N");
	kbd_autoshift(&k, "N");
	ck_assert(!k.shift);
	kbd_autoshift(&k, "Nurul ");
	ck_assert(k.shift);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	kbd_press(&k, find(&k, "key:a"), out, sizeof out);
	ck_assert_str_eq(out, "A");
	k.autocap = KBD_CAP_SENTENCE;
	kbd_autoshift(&k, "Ganti ");
	ck_assert(!k.shift);
	/* caps lock: every letter uppercase until tapped again */
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	ck_assert_int_eq(kbd_press(&k, find(&k, "key:caps"), out, sizeof out), KBD_ACT_NONE);
	for (int i = 0; i < 3; i++) {
		kbd_layout(&k, 0, 0, 1900, 500, 10);
		kbd_press(&k, find(&k, "key:p"), out, sizeof out);
		ck_assert_str_eq(out, "P");
		kbd_autoshift(&k, "PT ");
	}
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	kbd_press(&k, find(&k, "key:caps"), out, sizeof out);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	kbd_press(&k, find(&k, "key:t"), out, sizeof out);
	ck_assert_str_eq(out, "t");
	ck_assert_int_eq(kbd_press(&k, find(&k, "key:clear"), out, sizeof out), KBD_ACT_CLEAR);
	/* José: one trip to the accents */
	k.page = 1;
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	kbd_press(&k, find(&k, "key:U+00E9"), out, sizeof out);
	ck_assert_str_eq(out, "é");
	ck_assert_int_eq(k.page, 0);
}
END_TEST

/* The phone pad has "+" for +62 numbers where the request-number pad has "-". */
START_TEST(test_phone_pad_has_plus)
{
	struct kbd k;
	char out[8];
	memset(&k, 0, sizeof k);
	kbd_set_layout(&k, KBD_PHONE);
	kbd_layout(&k, 0, 0, 1900, 500, 10);
	const struct kbd_key *plus = find(&k, "key:U+002B");
	ck_assert_ptr_nonnull(plus);
	ck_assert_ptr_null(find(&k, "key:U+002D"));
	ck_assert_int_eq(kbd_press(&k, plus, out, sizeof out), KBD_ACT_TEXT);
	ck_assert_str_eq(out, "+");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("kiosk keyboard");
	TCase *tc = tcase_create("layout");
	tcase_add_test(tc, test_letter_keys_are_finger_sized_and_hit_at_their_centre_at_1920x1080);
	tcase_add_test(tc, test_keys_stay_usable_at_1280x800);
	tcase_add_test(tc, test_gap_between_keys_hits_nothing);
	tcase_add_test(tc, test_name_characters_are_all_reachable);
	tcase_add_test(tc, test_shift_types_one_capital_then_lowercase);
	tcase_add_test(tc, test_numeric_pad_has_digits_and_backspace_only);
	tcase_add_test(tc, test_names_capitalise_as_typed_with_caps_lock_and_clear);
	tcase_add_test(tc, test_phone_pad_has_plus);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
