/* test_i18n.c - the Indonesian/English switch really switches (in the C.UTF-8 locale, through
 * $LANGUAGE), every status has a translated sentence, and unknown languages fall back to id. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "status.h"

static const akses_status all_statuses[] = {
    AKSES_OK,
    AKSES_E_NOMEM,
    AKSES_E_IO,
    AKSES_E_BUSY,
    AKSES_E_DB_CORRUPT,
    AKSES_E_DB_NEWER,
    AKSES_E_INVALID_ARG,
    AKSES_E_ALREADY_INIT,
    AKSES_E_CONFIG,
    AKSES_E_DISK_FULL,
    AKSES_E_READ_ONLY,
    AKSES_E_DB_REPLACED,
    AKSES_E_DB_NOT_FILE,
    AKSES_E_DB_GONE,
    AKSES_E_DB_STANDBY,
    AKSES_E_DB_PASSWORD,
    AKSES_E_DB_UNSURE,
    AKSES_E_NUMBERS_USED_UP,
    AKSES_E_AUDIT_KEY,
    AKSES_E_AUDIT_TRUNCATED,
    AKSES_E_AUDIT_ANCHOR,
    AKSES_E_AUDIT_TIME,
    AKSES_E_ANCHOR_FORMAT,
    AKSES_E_REQUEST_NOT_FOUND,
    AKSES_E_STAFF_NOT_FOUND,
    AKSES_E_PASS_NOT_FOUND,
    AKSES_E_PIN_WRONG,
    AKSES_E_PIN_LOCKED,
    AKSES_E_STAFF_DISABLED,
    AKSES_E_ROLE,
    AKSES_E_STATE,
    AKSES_E_ESCORT,
    AKSES_E_LOOKUP,
    AKSES_E_ALREADY_PRINTED,
    AKSES_E_PRINT_ACTIVE,
    AKSES_E_PRINT,
    AKSES_E_AUDIT_BROKEN,
    AKSES_E_NOT_PRINTABLE,
    AKSES_E_REQUIRED,
    AKSES_E_TOO_LONG,
    AKSES_E_UTF8,
    AKSES_E_CONTROL_CHAR,
    AKSES_E_NIK_LENGTH,
    AKSES_E_NIK_DIGITS,
    AKSES_E_NIK_REGION,
    AKSES_E_NIK_DATE,
    AKSES_E_NIK_SERIAL,
    AKSES_E_PHONE,
    AKSES_E_EMAIL,
    AKSES_E_DATETIME,
    AKSES_E_WINDOW_PAST,
    AKSES_E_WINDOW_ORDER,
    AKSES_E_WINDOW_TOO_LONG,
    AKSES_E_WINDOW_TOO_FAR,
    AKSES_E_CONSENT,
    AKSES_E_TOO_MANY,
    AKSES_E_PURPOSE_CATEGORY,
    AKSES_E_PIN_FORMAT,
    AKSES_E_ROLE_NAME,
    AKSES_E_DUPLICATE_PERSON,
    AKSES_E_PHONE_DIGITS,
    AKSES_E_REQUEST_NUMBER,
    AKSES_E_TOKEN_FORMAT,
    AKSES_E_DATE,
    AKSES_E_CODE_UNKNOWN,
    AKSES_E_PASSPORT,
    AKSES_E_KITAS,
    AKSES_E_ID_TYPE,
    AKSES_E_LOOKUP_WAIT,
    AKSES_E_RECEIPT_NEEDED,
    AKSES_E_PIN_MUST_CHANGE,
};
#define N_STATUSES (sizeof all_statuses / sizeof all_statuses[0])

START_TEST(test_language_switch_changes_the_message)
{
	ck_assert_int_eq(i18n_init(NULL, "id"), 0);
	ck_assert_str_eq(i18n_lang(), "id");
	ck_assert_str_eq(akses_status_message(AKSES_E_NIK_LENGTH), "NIK harus 16 digit.");
	ck_assert_int_eq(i18n_set_lang("en"), 0);
	ck_assert_str_eq(i18n_lang(), "en");
	ck_assert_str_eq(akses_status_message(AKSES_E_NIK_LENGTH), "NIK must be 16 digits.");
	/* and back again, several times: no stale cached translation */
	for (int i = 0; i < 3; i++) {
		i18n_set_lang("id");
		ck_assert_str_eq(akses_status_message(AKSES_E_PIN_WRONG), "Nomor petugas atau PIN salah.");
		i18n_set_lang("en");
		ck_assert_str_eq(akses_status_message(AKSES_E_PIN_WRONG), "The staff number or the PIN is wrong.");
	}
}
END_TEST

START_TEST(test_every_status_has_an_indonesian_and_an_english_sentence)
{
	static char en[N_STATUSES][256];
	ck_assert_int_eq(i18n_init(NULL, "en"), 0);
	for (size_t i = 0; i < N_STATUSES; i++) {
		const char *m = akses_status_message(all_statuses[i]);
		ck_assert_ptr_nonnull(m);
		ck_assert(strlen(m) > 0 && strlen(m) < sizeof en[i]);
		ck_assert_str_ne(m, "Unknown error.");
		strcpy(en[i], m);
	}
	i18n_set_lang("id");
	for (size_t i = 0; i < N_STATUSES; i++) {
		const char *m = akses_status_message(all_statuses[i]);
		ck_assert_msg(strcmp(m, en[i]) != 0, "status %d not translated: %s",
		              all_statuses[i], m);
	}
	/* no two statuses share a sentence: each tells the person something specific */
	for (size_t i = 0; i < N_STATUSES; i++) {
		for (size_t j = i + 1; j < N_STATUSES; j++)
			ck_assert_str_ne(en[i], en[j]);
	}
	/* an unknown code still yields a sentence */
	ck_assert_str_eq(akses_status_message((akses_status)-999), "Kesalahan tidak dikenal.");
}
END_TEST

/* Only a status about what was typed may be shown against a field. */
START_TEST(test_only_validation_statuses_are_about_input)
{
	ck_assert(akses_status_is_input(AKSES_E_REQUIRED));
	ck_assert(akses_status_is_input(AKSES_E_NIK_DATE));
	ck_assert(akses_status_is_input(AKSES_E_PIN_FORMAT));
	ck_assert(akses_status_is_input(AKSES_E_DATE));
	ck_assert(!akses_status_is_input(AKSES_OK));
	ck_assert(!akses_status_is_input(AKSES_E_DISK_FULL));
	ck_assert(!akses_status_is_input(AKSES_E_ROLE));
	ck_assert(!akses_status_is_input(AKSES_E_NOT_PRINTABLE));
	ck_assert(!akses_status_is_input(AKSES_E_LOOKUP_WAIT));
	ck_assert(!akses_status_is_input(AKSES_E_PIN_MUST_CHANGE));
	ck_assert(!akses_status_is_input(AKSES_E_AUDIT_KEY));
	ck_assert(!akses_status_is_input(AKSES_E_ANCHOR_FORMAT));
}
END_TEST

START_TEST(test_field_labels_follow_the_language)
{
	ck_assert_int_eq(i18n_init(NULL, "id"), 0);
	ck_assert_str_eq(akses_field_label(AKSES_F_NAME), "Nama lengkap");
	ck_assert_str_eq(akses_field_label(AKSES_F_PHONE), "Nomor ponsel");
	i18n_set_lang("en");
	ck_assert_str_eq(akses_field_label(AKSES_F_NAME), "Full name");
	for (int f = AKSES_F_NAME; f <= AKSES_F_PIN; f++)
		ck_assert(strlen(akses_field_label(f)) > 0);
	ck_assert_str_eq(akses_field_label(AKSES_F_NONE), "");
}
END_TEST

START_TEST(test_unknown_language_falls_back_to_indonesian)
{
	ck_assert_int_eq(i18n_init(NULL, "en"), 0);
	ck_assert_int_eq(i18n_set_lang("fr"), -1);
	ck_assert_str_eq(i18n_lang(), "id");
	ck_assert_str_eq(akses_status_message(AKSES_E_NIK_LENGTH), "NIK harus 16 digit.");
	ck_assert_int_eq(i18n_set_lang(NULL), -1);
	ck_assert_str_eq(i18n_lang(), "id");
	ck_assert_int_eq(i18n_init(NULL, "EN-us"), -1);
	ck_assert_str_eq(i18n_lang(), "id");
}
END_TEST

START_TEST(test_locale_dir_argument_wins_over_the_environment)
{
	/* No catalogs there: even in Indonesian, the English msgids come back. */
	ck_assert_int_eq(i18n_init("/nonexistent/locale", "id"), 0);
	ck_assert_str_eq(akses_status_message(AKSES_E_NIK_LENGTH), "NIK must be 16 digits.");
	/* NULL: $AKSES_LOCALEDIR (set by CTest to the build's locale) */
	ck_assert_int_eq(i18n_init(NULL, "id"), 0);
	ck_assert_str_eq(akses_status_message(AKSES_E_NIK_LENGTH), "NIK harus 16 digit.");
}
END_TEST

static Suite *i18n_suite(void)
{
	Suite *s = suite_create("i18n");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_language_switch_changes_the_message);
	tcase_add_test(tc, test_every_status_has_an_indonesian_and_an_english_sentence);
	tcase_add_test(tc, test_only_validation_statuses_are_about_input);
	tcase_add_test(tc, test_field_labels_follow_the_language);
	tcase_add_test(tc, test_unknown_language_falls_back_to_indonesian);
	tcase_add_test(tc, test_locale_dir_argument_wins_over_the_environment);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(i18n_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
