/* fuzz_valid.c - every validator of valid.h on arbitrary bytes, each checked against what its
 * success promises (and the UTF-8 decoder against an independent reference), then a whole request
 * whose fields are cut from the input. */
#include <stdbool.h>
#include <strings.h>

#include "fuzz.h"
#include "valid.h"

/* ---------- an independent UTF-8 reference ---------- */

/* Decodes one code point the naive way (length from the lead byte, then the RFC 3629 limits
 * checked on the value): 0 when malformed, else the length. Written differently from valid.c on
 * purpose, so that the two must agree without sharing a mistake. */
static size_t ref_utf8_next(const unsigned char *s, unsigned long *cp)
{
	static const unsigned long min_of_len[5] = {0, 0, 0x80, 0x800, 0x10000};
	size_t n;
	if (s[0] < 0x80)
		n = 1;
	else if ((s[0] & 0xE0) == 0xC0)
		n = 2;
	else if ((s[0] & 0xF0) == 0xE0)
		n = 3;
	else if ((s[0] & 0xF8) == 0xF0)
		n = 4;
	else
		return 0;
	unsigned long v = n == 1 ? s[0] : (unsigned long)(s[0] & (0x7F >> n));
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0; /* includes the terminating NUL: truncated */
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (n > 1 && v < min_of_len[n])
		return 0; /* overlong */
	if ((v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
		return 0;
	*cp = v;
	return n;
}

/* The characters no text may hold (controls, bidi controls, invisible format characters), as
 * ranges: written as a table on purpose, apart from valid.c's expression. */
static bool ref_refused(unsigned long cp)
{
	static const unsigned long range[][2] = {
	    {0x00, 0x1F},       {0x7F, 0x9F},     {0xAD, 0xAD},     {0x061C, 0x061C},
	    {0x115F, 0x1160},   {0x180E, 0x180E}, {0x200B, 0x200B}, {0x200E, 0x200F},
	    {0x2028, 0x202E},   {0x2060, 0x2064}, {0x2066, 0x206F}, {0x3164, 0x3164},
	    {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0}, {0xFFF9, 0xFFFB}, {0xE0000, 0xE007F},
	};
	for (size_t i = 0; i < sizeof range / sizeof range[0]; i++) {
		if (cp >= range[i][0] && cp <= range[i][1])
			return true;
	}
	return false;
}

/* What valid_text(s, SIZE_MAX, false, multiline) must answer, by the reference decoder. */
static akses_status ref_text(const char *s, bool multiline, size_t *chars)
{
	const unsigned char *p = (const unsigned char *)s;
	*chars = 0;
	while (*p) {
		unsigned long cp = 0;
		size_t len = ref_utf8_next(p, &cp);
		if (len == 0)
			return AKSES_E_UTF8;
		if (ref_refused(cp) && !(multiline && cp == '\n'))
			return AKSES_E_CONTROL_CHAR;
		(*chars)++;
		p += len;
	}
	return AKSES_OK;
}

/* ---------- one validator at a time ---------- */

static bool all_digits(const char *s, size_t from)
{
	for (size_t i = from; s[i]; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
	}
	return true;
}

static void check_text(const char *s)
{
	/* counting needs no valid input: it never reads past the terminator */
	FUZZ_CHECK(valid_utf8_chars(s) <= strlen(s));
	FUZZ_CHECK(valid_utf8_chars(NULL) == 0);
	for (int ml = 0; ml < 2; ml++) {
		size_t ref_chars;
		akses_status ref = ref_text(s, ml, &ref_chars);
		akses_status got = valid_text(s, SIZE_MAX, false, ml);
		FUZZ_CHECK(got == ref);
		if (got == AKSES_OK)
			FUZZ_CHECK(valid_utf8_chars(s) == ref_chars);
		/* a limit at, and one below, the length */
		static const size_t limits[] = {0, 1, 40, AKSES_NAME_CHARS, AKSES_PURPOSE_CHARS};
		for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
			akses_status st = valid_text(s, limits[i], true, ml);
			if (st == AKSES_OK) {
				FUZZ_CHECK(*s != '\0');
				FUZZ_CHECK(valid_utf8_chars(s) <= limits[i]);
			}
			if (ref == AKSES_OK && ref_chars > limits[i])
				FUZZ_CHECK(st != AKSES_OK);
		}
	}
}

static void check_nik(const char *s)
{
	if (valid_nik(s) != AKSES_OK)
		return;
	FUZZ_CHECK(strlen(s) == AKSES_NIK_LEN && all_digits(s, 0));
	FUZZ_CHECK((s[0] - '0') * 10 + (s[1] - '0') >= 11);
	FUZZ_CHECK(strcmp(s + 12, "0000") != 0);
	int month = (s[8] - '0') * 10 + (s[9] - '0');
	FUZZ_CHECK(month >= 1 && month <= 12);
}

static void check_phone(const char *s)
{
	char *out = malloc(AKSES_PHONE_BUF); /* exact size: an overflow is caught */
	if (!out)
		abort();
	if (valid_phone(s, out) == AKSES_OK) {
		size_t len = strlen(out);
		FUZZ_CHECK(strncmp(out, "+628", 4) == 0 && all_digits(out, 1));
		FUZZ_CHECK(len >= 3 + 9 && len <= 3 + 12 && len < AKSES_PHONE_BUF);
		/* the normal form is itself accepted, unchanged */
		char again[AKSES_PHONE_BUF];
		FUZZ_CHECK(valid_phone(out, again) == AKSES_OK && strcmp(again, out) == 0);
	}
	free(out);
}

static void check_email(const char *s)
{
	if (valid_email(s) != AKSES_OK || !*s)
		return;
	const char *at = strchr(s, '@');
	FUZZ_CHECK(at && at != s && !strchr(at + 1, '@'));
	FUZZ_CHECK(!strpbrk(s, " \t\r\n"));
	FUZZ_CHECK(strchr(at + 1, '.') != NULL);
	FUZZ_CHECK(valid_utf8_chars(s) <= AKSES_EMAIL_CHARS);
}

static void check_codes(const char *s)
{
	if (valid_pin(s) == AKSES_OK)
		FUZZ_CHECK(strlen(s) >= 4 && strlen(s) <= 8 && all_digits(s, 0));
	if (valid_phone_digits(s) == AKSES_OK)
		FUZZ_CHECK(strlen(s) == 4 && all_digits(s, 0));

	char *num = malloc(AKSES_NUMBER_BUF);
	if (!num)
		abort();
	if (valid_request_number(s, num) == AKSES_OK) {
		FUZZ_CHECK(strlen(num) >= 13 + VALID_NUMBER_MIN_DIGITS &&
		           strlen(num) <= VALID_NUMBER_MAX_CHARS && strncmp(num, "AKS-", 4) == 0 &&
		           num[12] == '-');
		FUZZ_CHECK(strcasecmp(num, s) == 0);
		char again[AKSES_NUMBER_BUF];
		FUZZ_CHECK(valid_request_number(num, again) == AKSES_OK && !strcmp(again, num));
	}
	free(num);

	char *tok = malloc(AKSES_TOKEN_BUF);
	if (!tok)
		abort();
	if (valid_token(s, tok) == AKSES_OK) {
		FUZZ_CHECK(strlen(tok) == AKSES_TOKEN_LEN);
		for (size_t i = 0; i < AKSES_TOKEN_LEN; i++)
			FUZZ_CHECK((tok[i] >= 'A' && tok[i] <= 'Z') ||
			           (tok[i] >= '2' && tok[i] <= '7'));
		char again[AKSES_TOKEN_BUF];
		FUZZ_CHECK(valid_token(tok, again) == AKSES_OK && !strcmp(again, tok));
	}
	free(tok);
}

/* ---------- a whole request cut from the input ---------- */

#define FIELDS (6 + 2 * AKSES_MAX_COMPANIONS + AKSES_MAX_EQUIPMENT)

/* The first 8 bytes steer the numbers (category, counts, consent, window); the rest is cut at
 * NUL bytes into name, NIK, institution, phone, email, purpose, companions and equipment. */
static void check_request(const uint8_t *data, size_t size)
{
	uint8_t ctl[8] = {0};
	size_t nctl = size < sizeof ctl ? size : sizeof ctl;
	memcpy(ctl, data, nctl);
	char *rest = fuzz_cstr(data + nctl, size - nctl);
	size_t rest_len = size - nctl;

	const char *f[FIELDS];
	int nf = 0;
	for (size_t i = 0; nf < FIELDS && i <= rest_len; nf++) {
		f[nf] = rest + i;
		i += strlen(rest + i) + 1;
	}
	for (; nf < FIELDS; nf++)
		f[nf] = "";

	const int64_t now = 1796086800; /* 2026-12-01 08:00 WIB */
	struct akses_request_input in;
	memset(&in, 0, sizeof in);
	in.name = f[0];
	in.nik = f[1];
	in.institution = f[2];
	in.phone = f[3];
	in.email = f[4];
	in.purpose = f[5];
	in.purpose_category = (purpose_cat)(ctl[0] % (PURPOSE_COUNT + 2)) - 1;
	in.n_companions = (int)(ctl[1] % (AKSES_MAX_COMPANIONS + 3)) - 1;
	in.n_equipment = (int)(ctl[2] % (AKSES_MAX_EQUIPMENT + 3)) - 1;
	in.consent = ctl[3] & 1;
	in.start_at = now + ((int16_t)(ctl[4] | ctl[5] << 8)) * (int64_t)60 * 60;
	in.end_at = in.start_at + ((int16_t)(ctl[6] | ctl[7] << 8)) * (int64_t)60;
	for (int i = 0; i < AKSES_MAX_COMPANIONS; i++) {
		in.companion_name[i] = f[6 + 2 * i];
		in.companion_nik[i] = f[7 + 2 * i];
	}
	for (int i = 0; i < AKSES_MAX_EQUIPMENT; i++)
		in.equipment[i] = f[6 + 2 * AKSES_MAX_COMPANIONS + i];

	akses_field field = (akses_field)-1;
	int index = -1;
	akses_status st = valid_request(&in, now, &field, &index);
	FUZZ_CHECK(field >= AKSES_F_NONE && field <= AKSES_F_PIN);
	FUZZ_CHECK(index >= 0);
	if (st == AKSES_OK) {
		FUZZ_CHECK(field == AKSES_F_NONE && index == 0);
		FUZZ_CHECK(valid_nik(in.nik) == AKSES_OK &&
		           valid_phone(in.phone, NULL) == AKSES_OK);
		FUZZ_CHECK(valid_utf8_chars(in.name) <= AKSES_NAME_CHARS);
		FUZZ_CHECK(valid_utf8_chars(in.purpose) <= AKSES_PURPOSE_CHARS);
		FUZZ_CHECK(in.consent && in.end_at > in.start_at);
		FUZZ_CHECK(in.n_companions >= 0 && in.n_companions <= AKSES_MAX_COMPANIONS);
		FUZZ_CHECK(in.n_equipment >= 0 && in.n_equipment <= AKSES_MAX_EQUIPMENT);
		for (int i = 0; i < in.n_companions; i++) {
			FUZZ_CHECK(valid_nik(in.companion_nik[i]) == AKSES_OK);
			FUZZ_CHECK(strcmp(in.companion_nik[i], in.nik) != 0);
		}
	} else {
		FUZZ_CHECK(field != AKSES_F_NONE);
		if (field == AKSES_F_COMPANION_NAME || field == AKSES_F_COMPANION_NIK)
			FUZZ_CHECK(index < AKSES_MAX_COMPANIONS);
		else if (field == AKSES_F_EQUIPMENT)
			FUZZ_CHECK(index < AKSES_MAX_EQUIPMENT);
		else
			FUZZ_CHECK(index == 0);
	}
	free(rest);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_jakarta();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	check_text(s);
	check_nik(s);
	check_phone(s);
	check_email(s);
	check_codes(s);
	free(s);
	check_request(data, size);
	return 0;
}
