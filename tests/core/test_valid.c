/* test_valid.c - every validator with good and bad values: UTF-8 text and names, NIK, phone,
 * email, PIN, codes, tokens, the visit window and a whole request, field by field. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "valid.h"

#define HOUR 3600
#define DAY (24 * HOUR)
#define NOW ((int64_t)1795928400) /* any fixed instant: the window rules are relative to it */

struct text_case {
	const char *s;
	size_t max;
	bool required;
	bool multiline;
	akses_status want;
};

START_TEST(test_text_accepts_real_names_and_refuses_broken_utf8)
{
	static const struct text_case cases[] = {
	    {"Nurul 'Aini", 100, true, false, AKSES_OK},
	    {"Ni Luh Putu Ayu", 100, true, false, AKSES_OK},
	    {"Jos\xC3\xA9", 100, true, false, AKSES_OK}, /* José */
	    {"\xE1\xB8\xA4"
	     "asan",
	     100, true, false, AKSES_OK},                                         /* Ḥasan */
	    {"\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E", 100, true, false, AKSES_OK}, /* 王小明 */
	    {"Budi \xF0\x9F\x98\x80", 100, true, false, AKSES_OK}, /* emoji: plain text allows it */
	    {"\xC0\xAF", 100, true, false, AKSES_E_UTF8},          /* overlong '/' */
	    {"\xC1\xBF", 100, true, false, AKSES_E_UTF8},          /* overlong */
	    {"\xE0\x80\xAF", 100, true, false, AKSES_E_UTF8},      /* overlong, 3 bytes */
	    {"\xF0\x80\x80\xAF", 100, true, false, AKSES_E_UTF8},  /* overlong, 4 bytes */
	    {"\xED\xA0\x80", 100, true, false, AKSES_E_UTF8},      /* surrogate U+D800 */
	    {"\xED\xBF\xBF", 100, true, false, AKSES_E_UTF8},      /* surrogate U+DFFF */
	    {"\xF4\x90\x80\x80", 100, true, false, AKSES_E_UTF8},  /* U+110000 */
	    {"\xF5\x80\x80\x80", 100, true, false, AKSES_E_UTF8},
	    {"ab\xC3", 100, true, false, AKSES_E_UTF8},    /* truncated at the end */
	    {"\xE2\x82z", 100, true, false, AKSES_E_UTF8}, /* truncated in the middle */
	    {"\x80", 100, true, false, AKSES_E_UTF8},      /* lone continuation */
	    {"\xFF", 100, true, false, AKSES_E_UTF8},
	    {"\xF4\x8F\xBF\xBF", 100, true, false, AKSES_OK}, /* U+10FFFF, the last one */
	    {"\xED\x9F\xBF", 100, true, false, AKSES_OK},     /* U+D7FF, just below */
	    {"a\x01"
	     "b",
	     100, true, false, AKSES_E_CONTROL_CHAR},
	    {"a\x7F", 100, true, false, AKSES_E_CONTROL_CHAR},    /* DEL */
	    {"a\xC2\x85", 100, true, true, AKSES_E_CONTROL_CHAR}, /* C1 NEL */
	    {"a\tb", 100, true, false, AKSES_E_CONTROL_CHAR},
	    {"a\nb", 100, true, false, AKSES_E_CONTROL_CHAR},
	    {"a b\nc\n", 100, true, true, AKSES_OK},
	    {"a\tb\nc", 100, true, true, AKSES_E_CONTROL_CHAR}, /* a tab even when multi-line */
	    {"a\r\nb", 100, true, true, AKSES_E_CONTROL_CHAR}, /* a CR even when multi-line */
	    {"", 100, true, false, AKSES_E_REQUIRED},
	    {NULL, 100, true, false, AKSES_E_REQUIRED},
	    {"   ", 100, true, false, AKSES_E_REQUIRED},
	    {" \n ", 100, true, true, AKSES_E_REQUIRED},
	    {"\xC2\xA0", 100, true, false, AKSES_E_REQUIRED}, /* only a no-break space */
	    {"", 100, false, false, AKSES_OK},
	    {NULL, 100, false, false, AKSES_OK},
	    {"   ", 100, false, false, AKSES_OK},
	    {"abcde", 5, true, false, AKSES_OK},
	    {"abcdef", 5, true, false, AKSES_E_TOO_LONG},
	    {"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 5, true, false, AKSES_OK}, /* 5 chars */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct text_case *c = &cases[i];
		ck_assert_msg(valid_text(c->s, c->max, c->required, c->multiline) == c->want,
		              "case %zu: got %d want %d", i,
		              valid_text(c->s, c->max, c->required, c->multiline), c->want);
	}
}
END_TEST

START_TEST(test_limits_count_characters_not_bytes)
{
	char buf[AKSES_BUF(AKSES_NAME_CHARS) + 8] = "";
	for (int i = 0; i < AKSES_NAME_CHARS; i++)
		strcat(buf, "\xE1\xB8\xA4"); /* Ḥ, 3 bytes */
	ck_assert_uint_eq(valid_utf8_chars(buf), AKSES_NAME_CHARS);
	ck_assert_int_eq(valid_text(buf, AKSES_NAME_CHARS, true, false), AKSES_OK);
	strcat(buf, "a");
	ck_assert_int_eq(valid_text(buf, AKSES_NAME_CHARS, true, false), AKSES_E_TOO_LONG);
	ck_assert_uint_eq(valid_utf8_chars("\xE1\xB8\xA4"
	                                   "asan"),
	                  5);
	ck_assert_uint_eq(valid_utf8_chars(""), 0);
}
END_TEST

struct nik_case {
	const char *nik;
	akses_status want;
};

START_TEST(test_nik_structure)
{
	static const struct nik_case cases[] = {
	    {"1371015501900001", AKSES_OK},          /* Padang, woman born 15-01-90 */
	    {"1371011501900001", AKSES_OK},          /* man born 15-01-90 */
	    {"9971013112990001", AKSES_OK},          /* province 99, 31 December */
	    {"1171012902000001", AKSES_OK},          /* 29 February (any year) */
	    {"1171016902010001", AKSES_OK},          /* 29 February, woman, non-leap YY */
	    {"1171017112000001", AKSES_OK},          /* 31 + 40 */
	    {"137101550190001", AKSES_E_NIK_LENGTH}, /* 15 */
	    {"13710155019000011", AKSES_E_NIK_LENGTH},
	    {"1371 0155 0190 0001", AKSES_E_NIK_LENGTH},
	    {"13710155019000a1", AKSES_E_NIK_DIGITS},
	    {"-371015501900001", AKSES_E_NIK_DIGITS},
	    {"1071015501900001", AKSES_E_NIK_REGION}, /* province 10 */
	    {"0971015501900001", AKSES_E_NIK_REGION},
	    {"1300015501900001", AKSES_E_NIK_REGION}, /* regency 00 */
	    {"1371005501900001", AKSES_E_NIK_REGION}, /* district 00 */
	    {"1371013201900001", AKSES_E_NIK_DATE},   /* day 32 */
	    {"1371010001900001", AKSES_E_NIK_DATE},   /* day 00 */
	    {"1371014001900001", AKSES_E_NIK_DATE},   /* day 40 = woman's 00 */
	    {"1371017201900001", AKSES_E_NIK_DATE},   /* day 72 = woman's 32 */
	    {"1371018001900001", AKSES_E_NIK_DATE},
	    {"1371013002900001", AKSES_E_NIK_DATE}, /* 30 February */
	    {"1371017002900001", AKSES_E_NIK_DATE}, /* 30 February, woman */
	    {"1371013104900001", AKSES_E_NIK_DATE}, /* 31 April */
	    {"1371011500900001", AKSES_E_NIK_DATE}, /* month 00 */
	    {"1371011513900001", AKSES_E_NIK_DATE}, /* month 13 */
	    {"1371011501900000", AKSES_E_NIK_SERIAL},
	    {"", AKSES_E_REQUIRED},
	    {NULL, AKSES_E_REQUIRED},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(valid_nik(cases[i].nik) == cases[i].want, "NIK %s: got %d want %d",
		              cases[i].nik ? cases[i].nik : "(null)", valid_nik(cases[i].nik),
		              cases[i].want);
}
END_TEST

struct phone_case {
	const char *in;
	akses_status want;
	const char *norm;
};

START_TEST(test_phone_accepts_indonesian_mobiles_and_normalizes)
{
	static const struct phone_case cases[] = {
	    {"081234567890", AKSES_OK, "+6281234567890"},
	    {"0812-3456-7890", AKSES_OK, "+6281234567890"},
	    {"0812 3456 7890", AKSES_OK, "+6281234567890"},
	    {"0812.3456.7890", AKSES_OK, "+6281234567890"},
	    {"6281234567890", AKSES_OK, "+6281234567890"},
	    {"+62 812-3456-7890", AKSES_OK, "+6281234567890"},
	    {"0812345678", AKSES_OK, "+62812345678"},         /* 9 digits after 62 */
	    {"+62812345678901", AKSES_OK, "+62812345678901"}, /* 12 digits after 62 */
	    {"081234567", AKSES_E_PHONE, NULL},               /* 8 after 62 */
	    {"+628123456789012", AKSES_E_PHONE, NULL},        /* 13 after 62 */
	    {"0751123456", AKSES_E_PHONE, NULL},              /* a Padang landline */
	    {"+62751123456", AKSES_E_PHONE, NULL},
	    {"812345678901", AKSES_E_PHONE, NULL}, /* no prefix */
	    {"+6581234567", AKSES_E_PHONE, NULL},  /* Singapore */
	    {"0812a4567890", AKSES_E_PHONE, NULL},
	    {"0812+34567890", AKSES_E_PHONE, NULL},
	    {"++6281234567890", AKSES_E_PHONE, NULL},
	    {"(0812) 34567890", AKSES_E_PHONE, NULL},
	    {"", AKSES_E_REQUIRED, NULL},
	    {" - ", AKSES_E_REQUIRED, NULL},
	    {NULL, AKSES_E_REQUIRED, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[AKSES_PHONE_BUF] = "";
		akses_status got = valid_phone(cases[i].in, out);
		ck_assert_msg(got == cases[i].want, "phone %s: got %d", cases[i].in, got);
		if (cases[i].norm)
			ck_assert_str_eq(out, cases[i].norm);
	}
	ck_assert_int_eq(valid_phone("081234567890", NULL), AKSES_OK);
}
END_TEST

START_TEST(test_email_is_optional_and_simple)
{
	static const char *good[] = {NULL, "", "a@b.co", "nurul.aini@diskominfo.sumbarprov.go.id",
	                             "budi+akses@mail.example.com"};
	static const char *bad[] = {"a@b",          "@b.co",    "a@@b.co", "a@b@c.co",
	                            "a b@c.co",     "a@.co",    "a@b.",    "a@b..co",
	                            "plainaddress", "a@b.co\n", "<a@b.co>"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(valid_email(good[i]) == AKSES_OK, "%s", good[i] ? good[i] : "(null)");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(valid_email(bad[i]) == AKSES_E_EMAIL, "%s", bad[i]);
	char longmail[300];
	memset(longmail, 'a', 250);
	strcpy(longmail + 250, "@b.co");
	ck_assert_int_eq(valid_email(longmail), AKSES_E_TOO_LONG);
}
END_TEST

START_TEST(test_pin_and_phone_digits)
{
	ck_assert_int_eq(valid_pin("1234"), AKSES_OK);
	ck_assert_int_eq(valid_pin("12345678"), AKSES_OK);
	ck_assert_int_eq(valid_pin("123"), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(valid_pin("123456789"), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(valid_pin("12a4"), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(valid_pin(" 1234"), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(valid_pin(""), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(valid_pin(NULL), AKSES_E_PIN_FORMAT);
	/* a PIN being set has 6 digits at least; old 4-digit PINs still sign in (above) */
	ck_assert_int_eq(valid_new_pin("1234"), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(valid_new_pin("12345"), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(valid_new_pin("123456"), AKSES_OK);
	ck_assert_int_eq(valid_new_pin("12345678"), AKSES_OK);
	ck_assert_int_eq(valid_new_pin("123456789"), AKSES_E_PIN_FORMAT);
	ck_assert_int_eq(valid_new_pin("12345a"), AKSES_E_PIN_FORMAT);

	ck_assert_int_eq(valid_phone_digits("7890"), AKSES_OK);
	ck_assert_int_eq(valid_phone_digits("0000"), AKSES_OK);
	ck_assert_int_eq(valid_phone_digits("789"), AKSES_E_PHONE_DIGITS);
	ck_assert_int_eq(valid_phone_digits("78901"), AKSES_E_PHONE_DIGITS);
	ck_assert_int_eq(valid_phone_digits("78a0"), AKSES_E_PHONE_DIGITS);
	ck_assert_int_eq(valid_phone_digits(NULL), AKSES_E_PHONE_DIGITS);
}
END_TEST

START_TEST(test_request_number_is_canonicalized_to_uppercase)
{
	char out[AKSES_NUMBER_BUF] = "";
	ck_assert_int_eq(valid_request_number("AKS-20261129-00007", out), AKSES_OK);
	ck_assert_str_eq(out, "AKS-20261129-00007");
	ck_assert_int_eq(valid_request_number("aks-20261129-00007", out), AKSES_OK);
	ck_assert_str_eq(out, "AKS-20261129-00007");
	ck_assert_int_eq(valid_request_number("AKS-20261129-00007", NULL), AKSES_OK);
	/* four digits: numbers made before the counter got room; more than five: a busy day */
	ck_assert_int_eq(valid_request_number("aks-20261129-0007", out), AKSES_OK);
	ck_assert_str_eq(out, "AKS-20261129-0007");
	ck_assert_int_eq(valid_request_number("AKS-20261129-100000", out), AKSES_OK);
	ck_assert_str_eq(out, "AKS-20261129-100000");
	ck_assert_int_eq(valid_request_number("AKS-20261129-999999999", out), AKSES_OK);
	ck_assert_str_eq(out, "AKS-20261129-999999999");
	static const char *bad[] = {"AKS-2026112-00007",
	                            "AKS-20261329-00007",
	                            "AKS-20261100-00007",
	                            "AKX-20261129-00007",
	                            "AKS-20261129-007",
	                            "AKS_20261129_00007",
	                            "AKS-20261129-1000000000",
	                            "AKS-20261129-0007 ",
	                            "AKS-2026112a-00007",
	                            "AKS-20261129-0000a",
	                            "",
	                            NULL};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(valid_request_number(bad[i], out) == AKSES_E_REQUEST_NUMBER, "%s",
		              bad[i] ? bad[i] : "(null)");
}
END_TEST

START_TEST(test_token_from_a_scanner_is_trimmed_and_uppercased)
{
	char out[AKSES_TOKEN_BUF] = "";
	ck_assert_int_eq(valid_token("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", out), AKSES_OK);
	ck_assert_str_eq(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
	ck_assert_int_eq(valid_token("  abcdefghijklmnopqrstuvwxyz234567\r\n", out), AKSES_OK);
	ck_assert_str_eq(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
	static const char *bad[] = {
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456",   /* 31 */
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ2345678", /* 33 */
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ234560",  /* 0 is not base32 */
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ234561",
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ234568",
	    "ABCDEFGHIJKLMNOP RSTUVWXYZ234567",
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456=",
	    "",
	    NULL,
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(valid_token(bad[i], out) == AKSES_E_TOKEN_FORMAT, "%s",
		              bad[i] ? bad[i] : "(null)");
}
END_TEST

struct window_case {
	int64_t start, end;
	akses_status want;
	akses_field field;
};

START_TEST(test_window_must_be_future_ordered_short_and_near)
{
	static const struct window_case cases[] = {
	    {NOW, NOW + HOUR, AKSES_OK, AKSES_F_NONE},
	    {NOW - 60, NOW + HOUR, AKSES_OK, AKSES_F_NONE}, /* a minute's slack */
	    {NOW - 61, NOW + HOUR, AKSES_E_WINDOW_PAST, AKSES_F_START},
	    {NOW - DAY, NOW - DAY + HOUR, AKSES_E_WINDOW_PAST, AKSES_F_START},
	    {NOW + HOUR, NOW + HOUR, AKSES_E_WINDOW_ORDER, AKSES_F_END},
	    {NOW + HOUR, NOW, AKSES_E_WINDOW_ORDER, AKSES_F_END},
	    {NOW, NOW + 12 * HOUR, AKSES_OK, AKSES_F_NONE},
	    {NOW, NOW + 12 * HOUR + 1, AKSES_E_WINDOW_TOO_LONG, AKSES_F_END},
	    {NOW + 90 * DAY, NOW + 90 * DAY + HOUR, AKSES_OK, AKSES_F_NONE},
	    {NOW + 90 * DAY + 1, NOW + 90 * DAY + HOUR, AKSES_E_WINDOW_TOO_FAR, AKSES_F_START},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		akses_field f = AKSES_F_PIN;
		ck_assert_msg(valid_window(cases[i].start, cases[i].end, NOW, &f) == cases[i].want,
		              "case %zu", i);
		ck_assert_msg(f == cases[i].field, "case %zu field %d", i, f);
	}
	ck_assert_int_eq(valid_window(NOW, NOW + HOUR, NOW, NULL), AKSES_OK);
}
END_TEST

/* A complete, valid request; each test below spoils one field. */
static struct akses_request_input good_request(void)
{
	struct akses_request_input in;
	memset(&in, 0, sizeof in);
	in.name = "Nurul 'Aini";
	in.nik = "1371015501900001";
	in.institution = "PT Telkom Indonesia";
	in.phone = "0812-3456-7890";
	in.email = "";
	in.purpose_category = PURPOSE_MAINTENANCE;
	in.purpose = "Ganti disk pada server SIMPEG.\nRak B3.";
	in.start_at = NOW + HOUR;
	in.end_at = NOW + 3 * HOUR;
	in.n_companions = 2;
	in.companion_name[0] = "Ni Luh Putu Ayu";
	in.companion_nik[0] = "5171014101950002";
	in.companion_name[1] = "\xE1\xB8\xA4"
	                       "asan";
	in.companion_nik[1] = "3173010203880003";
	in.n_equipment = 1;
	in.equipment[0] = "Laptop Dell Latitude, SN 7XK2";
	in.consent = true;
	return in;
}

static void expect_request(const struct akses_request_input *in, akses_status want,
                           akses_field field, int index)
{
	akses_field f = AKSES_F_PIN;
	int idx = -1;
	akses_status got = valid_request(in, NOW, &f, &idx);
	ck_assert_msg(got == want, "status %d want %d", got, want);
	ck_assert_msg(f == field, "field %d want %d", f, field);
	ck_assert_msg(idx == index, "index %d want %d", idx, index);
}

START_TEST(test_complete_request_is_accepted)
{
	struct akses_request_input in = good_request();
	expect_request(&in, AKSES_OK, AKSES_F_NONE, 0);
	in.n_companions = 0;
	in.n_equipment = 0;
	in.email = NULL;
	expect_request(&in, AKSES_OK, AKSES_F_NONE, 0);
	in.name = "Jos\xC3\xA9";
	in.email = "jose@example.co.id";
	expect_request(&in, AKSES_OK, AKSES_F_NONE, 0);
}
END_TEST

START_TEST(test_request_errors_name_the_field_in_form_order)
{
	struct akses_request_input in = good_request();
	in.name = "  ";
	expect_request(&in, AKSES_E_REQUIRED, AKSES_F_NAME, 0);

	in = good_request();
	in.nik = "137101550190000";
	in.phone = "nonsense"; /* the first wrong field in form order is reported */
	expect_request(&in, AKSES_E_NIK_LENGTH, AKSES_F_NIK, 0);

	in = good_request();
	in.institution = "";
	expect_request(&in, AKSES_E_REQUIRED, AKSES_F_INSTITUTION, 0);

	in = good_request();
	in.phone = "0751123456";
	expect_request(&in, AKSES_E_PHONE, AKSES_F_PHONE, 0);

	in = good_request();
	in.email = "budi@";
	expect_request(&in, AKSES_E_EMAIL, AKSES_F_EMAIL, 0);

	in = good_request();
	in.purpose_category = PURPOSE_NONE;
	expect_request(&in, AKSES_E_PURPOSE_CATEGORY, AKSES_F_PURPOSE_CATEGORY, 0);
	in.purpose_category = PURPOSE_COUNT;
	expect_request(&in, AKSES_E_PURPOSE_CATEGORY, AKSES_F_PURPOSE_CATEGORY, 0);

	in = good_request();
	in.purpose = NULL;
	expect_request(&in, AKSES_E_REQUIRED, AKSES_F_PURPOSE, 0);

	in = good_request();
	in.start_at = NOW - HOUR;
	expect_request(&in, AKSES_E_WINDOW_PAST, AKSES_F_START, 0);

	in = good_request();
	in.end_at = in.start_at + 13 * HOUR;
	expect_request(&in, AKSES_E_WINDOW_TOO_LONG, AKSES_F_END, 0);

	in = good_request();
	in.consent = false;
	expect_request(&in, AKSES_E_CONSENT, AKSES_F_CONSENT, 0);
}
END_TEST

START_TEST(test_names_refuse_emoji_but_purpose_text_keeps_them)
{
	struct akses_request_input in = good_request();
	in.name = "Budi \xF0\x9F\x98\x80";
	expect_request(&in, AKSES_E_CONTROL_CHAR, AKSES_F_NAME, 0);
	in = good_request();
	in.companion_name[1] = "Sari \xE2\x9D\xA4\xEF\xB8\x8F"; /* ❤️ */
	expect_request(&in, AKSES_E_CONTROL_CHAR, AKSES_F_COMPANION_NAME, 1);
	in = good_request();
	in.purpose = "Kunjungan studi \xF0\x9F\x98\x80";
	expect_request(&in, AKSES_OK, AKSES_F_NONE, 0);
}
END_TEST

START_TEST(test_long_texts_are_refused_at_their_limit)
{
	static char purpose[AKSES_PURPOSE_CHARS + 2];
	memset(purpose, 'x', AKSES_PURPOSE_CHARS);
	purpose[AKSES_PURPOSE_CHARS] = '\0';
	struct akses_request_input in = good_request();
	in.purpose = purpose;
	expect_request(&in, AKSES_OK, AKSES_F_NONE, 0);
	purpose[AKSES_PURPOSE_CHARS] = 'x';
	purpose[AKSES_PURPOSE_CHARS + 1] = '\0';
	expect_request(&in, AKSES_E_TOO_LONG, AKSES_F_PURPOSE, 0);

	static char inst[AKSES_INSTITUTION_CHARS + 2];
	memset(inst, 'y', AKSES_INSTITUTION_CHARS + 1);
	in = good_request();
	in.institution = inst;
	expect_request(&in, AKSES_E_TOO_LONG, AKSES_F_INSTITUTION, 0);

	static char line[AKSES_EQUIPMENT_CHARS + 2];
	memset(line, 'z', AKSES_EQUIPMENT_CHARS + 1);
	in = good_request();
	in.n_equipment = 2;
	in.equipment[1] = line;
	expect_request(&in, AKSES_E_TOO_LONG, AKSES_F_EQUIPMENT, 1);
}
END_TEST

START_TEST(test_companions_are_checked_one_by_one_with_their_index)
{
	struct akses_request_input in = good_request();
	in.companion_nik[1] = "3173010203880000";
	expect_request(&in, AKSES_E_NIK_SERIAL, AKSES_F_COMPANION_NIK, 1);
	in = good_request();
	in.companion_name[0] = "";
	expect_request(&in, AKSES_E_REQUIRED, AKSES_F_COMPANION_NAME, 0);
	in = good_request();
	in.equipment[0] = " ";
	expect_request(&in, AKSES_E_REQUIRED, AKSES_F_EQUIPMENT, 0);
}
END_TEST

/* Foreign visitors: a passport or KITAS number instead of a NIK, each by its own rule. */
START_TEST(test_passport_and_kitas_numbers_have_their_own_rules)
{
	ck_assert_int_eq(valid_passport("X1234567"), AKSES_OK);   /* Indonesia: letter + 7 digits */
	ck_assert_int_eq(valid_passport("c03005988"), AKSES_OK);  /* 9, either case */
	ck_assert_int_eq(valid_passport("123456"), AKSES_OK);     /* 6 digits */
	ck_assert_int_eq(valid_passport("AB123"), AKSES_E_PASSPORT);      /* 5: too short */
	ck_assert_int_eq(valid_passport("AB1234567X"), AKSES_E_PASSPORT); /* 10: too long */
	ck_assert_int_eq(valid_passport("ABCDEFGH"), AKSES_E_PASSPORT);   /* no digit */
	ck_assert_int_eq(valid_passport("X123-4567"), AKSES_E_PASSPORT);  /* a dash */
	ck_assert_int_eq(valid_passport("X12 34567"), AKSES_E_PASSPORT);  /* a space */
	ck_assert_int_eq(valid_passport("\xC3\x89" "1234567"), AKSES_E_PASSPORT); /* not ASCII */
	ck_assert_int_eq(valid_passport(""), AKSES_E_REQUIRED);
	ck_assert_int_eq(valid_kitas("2C21JE123456"), AKSES_OK);
	ck_assert_int_eq(valid_kitas("AB123456789"), AKSES_OK);      /* 11 */
	ck_assert_int_eq(valid_kitas("2C11AB1234567890"), AKSES_OK); /* 16 */
	ck_assert_int_eq(valid_kitas("AB12345678"), AKSES_E_KITAS);  /* 10 */
	ck_assert_int_eq(valid_kitas("2C11AB12345678901"), AKSES_E_KITAS); /* 17 */
	ck_assert_int_eq(valid_kitas("ABCDEFGHIJ1"), AKSES_E_KITAS); /* one digit */
	ck_assert_int_eq(valid_kitas("2C21-JE123456"), AKSES_E_KITAS);
	ck_assert_int_eq(valid_kitas(NULL), AKSES_E_REQUIRED);
	/* by type: a NIK's rules only for a NIK */
	ck_assert_int_eq(valid_person_id(ID_NIK, "3171014506900001"), AKSES_OK);
	ck_assert_int_eq(valid_person_id(ID_NIK, "X1234567"), AKSES_E_NIK_LENGTH);
	ck_assert_int_eq(valid_person_id(ID_PASSPORT, "X1234567"), AKSES_OK);
	ck_assert_int_eq(valid_person_id(ID_PASSPORT, "3171014506900001"), AKSES_E_PASSPORT);
	ck_assert_int_eq(valid_person_id(ID_KITAS, "3171014506900000"), AKSES_OK);
	ck_assert_int_eq(valid_person_id(ID_TYPE_COUNT, "X1234567"), AKSES_E_ID_TYPE);
	ck_assert(valid_person_id_accepts(ID_PASSPORT, 'x'));
	ck_assert(valid_person_id_accepts(ID_KITAS, '7'));
	ck_assert(!valid_person_id_accepts(ID_NIK, 'x'));
	ck_assert(!valid_person_id_accepts(ID_PASSPORT, '-'));
	ck_assert(!valid_person_id_accepts(ID_PASSPORT, 0xC9));
}
END_TEST

START_TEST(test_id_type_codes_round_trip)
{
	akses_id_type t = ID_KITAS;
	for (int i = 0; i < ID_TYPE_COUNT; i++) {
		ck_assert(valid_id_type_parse(valid_id_type_code((akses_id_type)i), &t));
		ck_assert_int_eq(t, i);
	}
	ck_assert(valid_id_type_parse("PASPOR", &t));
	ck_assert_int_eq(t, ID_PASSPORT);
	ck_assert(!valid_id_type_parse("ktp", &t));
	ck_assert(!valid_id_type_parse("", &t));
	ck_assert(!valid_id_type_parse(NULL, &t));
}
END_TEST

/* One mask for every place that shows a number to staff who may not see it whole. */
START_TEST(test_numbers_are_masked_by_their_document)
{
	char out[VALID_ID_MASK_BUF];
	valid_id_mask(ID_NIK, "3271050101900003", false, out, sizeof out);
	ck_assert_str_eq(out, "327105******0003");
	valid_id_mask(ID_NIK, "3271050101900003", true, out, sizeof out);
	ck_assert_str_eq(out, "3271050101900003");
	valid_id_mask(ID_PASSPORT, "X1234567", false, out, sizeof out);
	ck_assert_str_eq(out, "*****567");
	valid_id_mask(ID_KITAS, "2C21JE123456", false, out, sizeof out);
	ck_assert_str_eq(out, "*********456");
	valid_id_mask(ID_NIK, "123", false, out, sizeof out); /* an odd NIK: all hidden */
	ck_assert_str_eq(out, "***");
	valid_id_mask(ID_PASSPORT, "", false, out, sizeof out); /* anonymized */
	ck_assert_str_eq(out, "");
}
END_TEST

/* The phone as the kiosk and the web console show it: never the last 4 digits that prove a
 * visitor at the status lookup. */
START_TEST(test_phones_are_masked_past_their_prefix)
{
	char out[AKSES_PHONE_BUF];
	valid_phone_mask("+6281234567890", false, out, sizeof out);
	ck_assert_str_eq(out, "+62812********");
	valid_phone_mask("+6281234567890", true, out, sizeof out);
	ck_assert_str_eq(out, "+6281234567890");
	valid_phone_mask("", false, out, sizeof out); /* anonymized */
	ck_assert_str_eq(out, "");
	valid_phone_mask(NULL, false, out, sizeof out);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_request_with_passport_and_kitas_people)
{
	struct akses_request_input in = good_request();
	in.id_type = ID_PASSPORT;
	in.nik = "X1234567";
	in.companion_id_type[0] = ID_KITAS;
	in.companion_nik[0] = "2C21JE123456";
	expect_request(&in, AKSES_OK, AKSES_F_NONE, 0);
	/* a NIK typed while passport is chosen is refused as a passport number */
	in.nik = "3171014506900001";
	expect_request(&in, AKSES_E_PASSPORT, AKSES_F_NIK, 0);
	in.nik = "X1234567";
	in.companion_nik[0] = "2C21JE12";
	expect_request(&in, AKSES_E_KITAS, AKSES_F_COMPANION_NIK, 0);
	/* the same passport twice (either case) is one person twice; the same digits under two
	 * documents are two documents */
	in.companion_id_type[0] = ID_PASSPORT;
	in.companion_nik[0] = "x1234567";
	expect_request(&in, AKSES_E_DUPLICATE_PERSON, AKSES_F_COMPANION_NIK, 0);
	in.companion_id_type[0] = ID_KITAS;
	in.companion_nik[0] = "X1234567ABC";
	expect_request(&in, AKSES_OK, AKSES_F_NONE, 0);
}
END_TEST

START_TEST(test_same_person_twice_in_one_request_is_refused)
{
	struct akses_request_input in = good_request();
	in.companion_nik[0] = in.nik;
	expect_request(&in, AKSES_E_DUPLICATE_PERSON, AKSES_F_COMPANION_NIK, 0);
	in = good_request();
	in.companion_nik[1] = in.companion_nik[0];
	expect_request(&in, AKSES_E_DUPLICATE_PERSON, AKSES_F_COMPANION_NIK, 1);
}
END_TEST

/* ---- characters that lie on a terminal or a spreadsheet ----------------------------------- */

/* UTF-8 of one code point into out (at least 5 bytes). */
static void utf8_of(unsigned long cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		*o++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*o++ = (unsigned char)(0xC0 | (cp >> 6));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (unsigned char)(0xE0 | (cp >> 12));
		*o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (unsigned char)(0xF0 | (cp >> 18));
		*o++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	}
	*o = '\0';
}

/* Every character that can rewrite or reorder what is shown: C0 (CR, ESC, tab, BEL ...), DEL,
 * C1 (NEL, CSI), the bidi controls, and the invisible format characters. */
static const unsigned long hidden_chars[] = {
    0x01,    0x07,    0x08,    0x09,    0x0B,    0x0C,    0x0D,    0x1B,    0x1F,    0x7F,
    0x80,    0x85,    0x9B,    0x9F,    0xAD,    0x061C,  0x115F,  0x180E,  0x200B,  0x200E,
    0x200F,  0x2028,  0x2029,  0x202A,  0x202B,  0x202C,  0x202D,  0x202E,  0x2060,  0x2061,
    0x2064,  0x2066,  0x2067,  0x2068,  0x2069,  0x206A,  0x206F,  0x3164,  0xFEFF,  0xFFA0,
    0xFFF9,  0xFFFB,  0xE0001, 0xE0041, 0xE007F,
};

/* Points the given field of in at s. */
static void set_field(struct akses_request_input *in, akses_field f, const char *s)
{
	switch (f) {
	case AKSES_F_NAME: in->name = s; break;
	case AKSES_F_INSTITUTION: in->institution = s; break;
	case AKSES_F_PURPOSE: in->purpose = s; break;
	case AKSES_F_COMPANION_NAME: in->companion_name[1] = s; break;
	case AKSES_F_EQUIPMENT: in->equipment[1] = s; break;
	default: ck_abort_msg("field %d not a text field", f);
	}
}

static const akses_field text_fields[] = {AKSES_F_NAME, AKSES_F_INSTITUTION, AKSES_F_PURPOSE,
                                          AKSES_F_COMPANION_NAME, AKSES_F_EQUIPMENT};

START_TEST(test_control_and_bidi_chars_are_refused_in_every_text_field)
{
	for (size_t i = 0; i < sizeof hidden_chars / sizeof hidden_chars[0]; i++) {
		char ch[8], s[64];
		utf8_of(hidden_chars[i], ch);
		snprintf(s, sizeof s, "Budi%sSantoso", ch);
		for (size_t k = 0; k < sizeof text_fields / sizeof text_fields[0]; k++) {
			struct akses_request_input in = good_request();
			in.n_equipment = 2;
			in.equipment[1] = "Kabel LAN 5 m";
			set_field(&in, text_fields[k], s);
			akses_field f = AKSES_F_NONE;
			int idx = -1;
			akses_status got = valid_request(&in, NOW, &f, &idx);
			ck_assert_msg(got == AKSES_E_CONTROL_CHAR && f == text_fields[k],
			              "U+%04lX in field %d: status %d field %d", hidden_chars[i],
			              text_fields[k], got, f);
			ck_assert_int_eq(idx,
			                 text_fields[k] == AKSES_F_COMPANION_NAME ||
			                         text_fields[k] == AKSES_F_EQUIPMENT
			                     ? 1
			                     : 0);
		}
		/* Notes, reasons, the access report (multi-line) and staff names (single-line): the
		 * store checks them with valid_text. */
		ck_assert_msg(valid_text(s, AKSES_NOTE_CHARS, true, true) == AKSES_E_CONTROL_CHAR,
		              "U+%04lX accepted in a multi-line text", hidden_chars[i]);
		ck_assert_msg(valid_text(s, AKSES_NAME_CHARS, true, false) == AKSES_E_CONTROL_CHAR,
		              "U+%04lX accepted in a single-line text", hidden_chars[i]);
		ck_assert(valid_char_refused(hidden_chars[i]));
	}
	/* The attack of issue 8.7: a CR that makes `request show` print a fake approval. */
	ck_assert_int_eq(valid_text("Kunjungan rutin\rAPPROVED BY KADIS - NO ESCORT NEEDED",
	                            AKSES_PURPOSE_CHARS, true, true),
	                 AKSES_E_CONTROL_CHAR);
	/* Right-to-left override in a name: "Budi" + RLO + "fdp.exe" shows as "Budiexe.pdf". */
	ck_assert_int_eq(valid_name("Budi\xE2\x80\xAE"
	                            "fdp.exe"),
	                 AKSES_E_CONTROL_CHAR);
}
END_TEST

START_TEST(test_newline_is_allowed_only_in_multi_line_fields)
{
	for (size_t k = 0; k < sizeof text_fields / sizeof text_fields[0]; k++) {
		struct akses_request_input in = good_request();
		in.n_equipment = 2;
		in.equipment[1] = "Kabel LAN 5 m";
		set_field(&in, text_fields[k], "Baris satu\nBaris dua");
		akses_field f = AKSES_F_NONE;
		int idx = -1;
		akses_status got = valid_request(&in, NOW, &f, &idx);
		if (text_fields[k] == AKSES_F_PURPOSE)
			ck_assert_msg(got == AKSES_OK, "a newline refused in the purpose: %d", got);
		else
			ck_assert_msg(got == AKSES_E_CONTROL_CHAR && f == text_fields[k],
			              "a newline in field %d: status %d field %d", text_fields[k], got,
			              f);
	}
	ck_assert_int_eq(valid_text("Baris satu\nBaris dua", AKSES_REPORT_CHARS, true, true),
	                 AKSES_OK);
	ck_assert_int_eq(valid_text("Baris satu\r\nBaris dua", AKSES_REPORT_CHARS, true, true),
	                 AKSES_E_CONTROL_CHAR);
	ck_assert_int_eq(valid_text("Budi\nSantoso", AKSES_NAME_CHARS, true, false),
	                 AKSES_E_CONTROL_CHAR);
}
END_TEST

START_TEST(test_letters_of_every_script_and_zwnj_stay_allowed)
{
	ck_assert_int_eq(valid_name("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD8\xB6\xD8\xA7"),
	                 AKSES_OK); /* Persian "Mi‌rza" with a ZWNJ, right-to-left letters */
	ck_assert_int_eq(valid_name("\xD7\xA9\xD7\xA8\xD7\x94 Cohen"), AKSES_OK); /* Hebrew */
	ck_assert_int_eq(valid_name("Nguy\xE1\xBB\x85n V\xC4\x83n A"), AKSES_OK);
	ck_assert_int_eq(valid_text("Kabel 2\xC2\xA0m", AKSES_EQUIPMENT_CHARS, true, false),
	                 AKSES_OK); /* a no-break space is a space */
}
END_TEST

START_TEST(test_too_many_companions_or_equipment_lines)
{
	struct akses_request_input in = good_request();
	static char niks[AKSES_MAX_COMPANIONS + 1][AKSES_NIK_LEN + 1];
	/* a group of 30 people is one request; a 31st person is refused */
	ck_assert_int_eq(AKSES_MAX_PEOPLE, 30);
	ck_assert_int_eq(1 + AKSES_MAX_COMPANIONS, 30);
	in.n_companions = AKSES_MAX_COMPANIONS;
	for (int i = 0; i < AKSES_MAX_COMPANIONS; i++) {
		snprintf(niks[i], sizeof niks[i], "13710115019%05d", i + 10);
		in.companion_name[i] = "Pendamping";
		in.companion_nik[i] = niks[i];
	}
	expect_request(&in, AKSES_OK, AKSES_F_NONE, 0);
	in.n_companions = AKSES_MAX_COMPANIONS + 1;
	expect_request(&in, AKSES_E_TOO_MANY, AKSES_F_COMPANION_NAME, 0);
	in.n_companions = -1;
	expect_request(&in, AKSES_E_TOO_MANY, AKSES_F_COMPANION_NAME, 0);
	/* the refusal names the limit the check holds */
	ck_assert_ptr_nonnull(strstr(akses_status_message(AKSES_E_TOO_MANY), "30 people"));
	ck_assert_ptr_nonnull(strstr(akses_status_message(AKSES_E_TOO_MANY), "29 companions"));

	in = good_request();
	in.n_equipment = AKSES_MAX_EQUIPMENT;
	for (int i = 0; i < AKSES_MAX_EQUIPMENT; i++)
		in.equipment[i] = "Kabel UTP";
	expect_request(&in, AKSES_OK, AKSES_F_NONE, 0);
	in.n_equipment = AKSES_MAX_EQUIPMENT + 1;
	expect_request(&in, AKSES_E_TOO_MANY, AKSES_F_EQUIPMENT, 0);
}
END_TEST

/* One rule per field for the form and the store: what the wizard refuses at its step is what
 * valid_request refuses at submit, and nothing else. */
START_TEST(test_valid_field_states_each_fields_rule_once)
{
	static const struct {
		akses_field f;
		const char *s;
		akses_status want;
	} cases[] = {
	    {AKSES_F_NAME, "Nurul 'Aini", AKSES_OK},
	    {AKSES_F_NAME, "Budi \xF0\x9F\x98\x80", AKSES_E_CONTROL_CHAR}, /* a pictograph */
	    {AKSES_F_COMPANION_NAME, "  ", AKSES_E_REQUIRED},
	    {AKSES_F_NIK, "3171014506900001", AKSES_OK},
	    {AKSES_F_COMPANION_NIK, "3171014506900000", AKSES_E_NIK_SERIAL},
	    {AKSES_F_INSTITUTION, "", AKSES_E_REQUIRED},
	    {AKSES_F_PHONE, "0812 3456 7890", AKSES_OK},
	    {AKSES_F_PHONE, "0812abc", AKSES_E_PHONE},
	    {AKSES_F_EMAIL, "", AKSES_OK}, /* optional */
	    {AKSES_F_EMAIL, "a@b", AKSES_E_EMAIL},
	    {AKSES_F_PURPOSE, "Ganti disk\nrak 3", AKSES_OK}, /* multi-line */
	    {AKSES_F_PURPOSE, " ", AKSES_E_REQUIRED},
	    {AKSES_F_EQUIPMENT, "Laptop", AKSES_OK},
	    {AKSES_F_EQUIPMENT, "   ", AKSES_E_REQUIRED}, /* a line there must say something */
	    {AKSES_F_START, "x", AKSES_E_INVALID_ARG},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(valid_field(cases[i].f, cases[i].s) == cases[i].want,
		              "case %zu (%s): %d", i, cases[i].s,
		              (int)valid_field(cases[i].f, cases[i].s));
}
END_TEST

/* Every field valid_request checks says the same as valid_field for the same text: a request
 * whose one field is bad is refused on that field with valid_field's status. */
START_TEST(test_request_refuses_exactly_what_valid_field_refuses)
{
	static const struct {
		akses_field f;
		const char *bad;
	} cases[] = {
	    {AKSES_F_NAME, "\xE2\x9C\x88 Budi"}, {AKSES_F_NIK, "31710145069000"},
	    {AKSES_F_INSTITUTION, " "},           {AKSES_F_PHONE, "0712345678"},
	    {AKSES_F_EMAIL, "x@"},                {AKSES_F_PURPOSE, "a\tb"},
	    {AKSES_F_COMPANION_NAME, ""},         {AKSES_F_COMPANION_NIK, "1100014506900001"},
	    {AKSES_F_EQUIPMENT, " "},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct akses_request_input in = {
		    .name = "Nurul 'Aini", .nik = "3171014506900001", .institution = "Kominfo",
		    .phone = "081234567890", .purpose_category = PURPOSE_AUDIT, .purpose = "Audit",
		    .start_at = NOW + HOUR, .end_at = NOW + 2 * HOUR, .n_companions = 1,
		    .companion_name = {"Jos\xC3\xA9"}, .companion_nik = {"3171010101900002"},
		    .n_equipment = 1, .equipment = {"Laptop"}, .consent = true};
		const char **slot[] = {
		    [AKSES_F_NAME] = &in.name,
		    [AKSES_F_NIK] = &in.nik,
		    [AKSES_F_INSTITUTION] = &in.institution,
		    [AKSES_F_PHONE] = &in.phone,
		    [AKSES_F_EMAIL] = &in.email,
		    [AKSES_F_PURPOSE] = &in.purpose,
		    [AKSES_F_COMPANION_NAME] = &in.companion_name[0],
		    [AKSES_F_COMPANION_NIK] = &in.companion_nik[0],
		    [AKSES_F_EQUIPMENT] = &in.equipment[0],
		};
		akses_field got = AKSES_F_NONE;
		int idx = -1;
		ck_assert_int_eq(valid_request(&in, NOW, &got, &idx), AKSES_OK);
		*slot[cases[i].f] = cases[i].bad;
		akses_status want = valid_field(cases[i].f, cases[i].bad);
		ck_assert_int_ne(want, AKSES_OK);
		ck_assert_int_eq(valid_request(&in, NOW, &got, &idx), want);
		ck_assert_int_eq(got, cases[i].f);
	}
}
END_TEST

/* What a physical keyboard may type into a field: the phone takes no letters, a NIK only digits. */
START_TEST(test_fields_filter_keys_by_their_kind)
{
	ck_assert(valid_field_accepts(AKSES_F_PHONE, '8'));
	ck_assert(valid_field_accepts(AKSES_F_PHONE, '+'));
	ck_assert(valid_field_accepts(AKSES_F_PHONE, ' '));
	ck_assert(valid_field_accepts(AKSES_F_PHONE, '-'));
	ck_assert(!valid_field_accepts(AKSES_F_PHONE, 'a'));
	ck_assert(!valid_field_accepts(AKSES_F_PHONE, 'K'));
	ck_assert(valid_field_accepts(AKSES_F_NIK, '0'));
	ck_assert(!valid_field_accepts(AKSES_F_COMPANION_NIK, ' '));
	ck_assert(!valid_field_accepts(AKSES_F_NIK, 'x'));
	ck_assert(valid_field_accepts(AKSES_F_INSTITUTION, 'K'));
	ck_assert(valid_field_accepts(AKSES_F_NAME, 0xE9)); /* é */
	ck_assert(!valid_field_accepts(AKSES_F_NAME, 0x202E)); /* a bidi override */
	ck_assert(valid_field_accepts(AKSES_F_PURPOSE, '\n'));
	ck_assert(!valid_field_accepts(AKSES_F_NAME, '\n'));
}
END_TEST

static Suite *valid_suite(void)
{
	Suite *s = suite_create("valid");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_text_accepts_real_names_and_refuses_broken_utf8);
	tcase_add_test(tc, test_limits_count_characters_not_bytes);
	tcase_add_test(tc, test_nik_structure);
	tcase_add_test(tc, test_phone_accepts_indonesian_mobiles_and_normalizes);
	tcase_add_test(tc, test_email_is_optional_and_simple);
	tcase_add_test(tc, test_pin_and_phone_digits);
	tcase_add_test(tc, test_request_number_is_canonicalized_to_uppercase);
	tcase_add_test(tc, test_token_from_a_scanner_is_trimmed_and_uppercased);
	tcase_add_test(tc, test_window_must_be_future_ordered_short_and_near);
	tcase_add_test(tc, test_complete_request_is_accepted);
	tcase_add_test(tc, test_request_errors_name_the_field_in_form_order);
	tcase_add_test(tc, test_names_refuse_emoji_but_purpose_text_keeps_them);
	tcase_add_test(tc, test_long_texts_are_refused_at_their_limit);
	tcase_add_test(tc, test_companions_are_checked_one_by_one_with_their_index);
	tcase_add_test(tc, test_same_person_twice_in_one_request_is_refused);
	tcase_add_test(tc, test_too_many_companions_or_equipment_lines);
	tcase_add_test(tc, test_control_and_bidi_chars_are_refused_in_every_text_field);
	tcase_add_test(tc, test_newline_is_allowed_only_in_multi_line_fields);
	tcase_add_test(tc, test_letters_of_every_script_and_zwnj_stay_allowed);
	tcase_add_test(tc, test_valid_field_states_each_fields_rule_once);
	tcase_add_test(tc, test_request_refuses_exactly_what_valid_field_refuses);
	tcase_add_test(tc, test_fields_filter_keys_by_their_kind);
	tcase_add_test(tc, test_passport_and_kitas_numbers_have_their_own_rules);
	tcase_add_test(tc, test_id_type_codes_round_trip);
	tcase_add_test(tc, test_numbers_are_masked_by_their_document);
	tcase_add_test(tc, test_phones_are_masked_past_their_prefix);
	tcase_add_test(tc, test_request_with_passport_and_kitas_people);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(valid_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
