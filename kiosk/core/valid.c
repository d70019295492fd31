/* valid.c - validation of everything a person types: strict UTF-8 text, person names, NIK
 * structure, Indonesian mobile numbers, email, PINs, codes, the visit window, a whole request. */
#include "valid.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define VALID_MINUTE 60
#define VALID_MAX_WINDOW (12 * 3600)
#define VALID_MAX_AHEAD ((int64_t)90 * 24 * 3600)

/* ---------- UTF-8 ---------- */

/* Decodes one code point at s into *cp and returns its length in bytes, or 0 when the bytes are
 * not well-formed UTF-8: overlong forms, surrogates (U+D800..DFFF), values above U+10FFFF and
 * truncated sequences are all refused (the ranges of RFC 3629, section 4). */
static size_t valid_utf8_next(const unsigned char *s, unsigned long *cp)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		*cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		*cp = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0; /* overlong below U+0800 */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		*cp = c & 0x07;
		if (c == 0xF0)
			lo = 0x90; /* overlong below U+10000 */
		else if (c == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else {
		return 0; /* a continuation byte, C0/C1 (overlong ASCII) or F5..FF */
	}
	for (size_t i = 1; i < n; i++) {
		unsigned char b = s[i]; /* a NUL here ends the loop as a truncated sequence */
		if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
			return 0;
		*cp = (*cp << 6) | (b & 0x3F);
	}
	return n;
}

size_t valid_utf8_chars(const char *s)
{
	size_t n = 0;
	if (!s)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xC0) != 0x80)
			n++;
	}
	return n;
}

size_t valid_utf8_decode(const char *s, unsigned long *cp)
{
	return s ? valid_utf8_next((const unsigned char *)s, cp) : 0;
}

/* Characters no field may hold, because they change how the rest of the text is shown on a
 * terminal, a spreadsheet or paper without being seen themselves (a carriage return rewriting the
 * line, a right-to-left override reversing it):
 * - C0 controls, DEL and C1 controls; the line and paragraph separators;
 * - bidi controls: LRM/RLM (U+200E/F), ALM (U+061C), the embeddings and overrides U+202A..202E,
 *   the isolates U+2066..2069;
 * - invisible format characters: zero-width space U+200B, word joiner and invisible operators
 *   U+2060..2064, the deprecated format controls U+206A..206F, BOM/ZWNBSP U+FEFF, interlinear
 *   annotation U+FFF9..FFFB, Mongolian vowel separator U+180E, soft hyphen U+00AD, the Hangul
 *   fillers (blank "letters"), and the tag characters U+E0000..E007F.
 * ZWNJ and ZWJ (U+200C/D) stay allowed: Persian and Indic names need them, and they neither
 * reorder nor hide text. */
bool valid_char_refused(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || cp == 0x061C ||
	       cp == 0x115F || cp == 0x1160 || cp == 0x180E || cp == 0x200B || cp == 0x200E ||
	       cp == 0x200F || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) || cp == 0x3164 ||
	       cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	       (cp >= 0xE0000 && cp <= 0xE007F);
}

/* White space for the "not only spaces" rule: ASCII space/tab/newlines and the no-break and
 * other Unicode spaces a keyboard can produce. */
static bool valid_is_space(unsigned long cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

akses_status valid_text(const char *s, size_t max_chars, bool required, bool multiline)
{
	if (!s || !*s)
		return required ? AKSES_E_REQUIRED : AKSES_OK;
	const unsigned char *p = (const unsigned char *)s;
	size_t chars = 0;
	bool blank = true;
	while (*p) {
		unsigned long cp;
		size_t len = valid_utf8_next(p, &cp);
		if (len == 0)
			return AKSES_E_UTF8;
		/* Only a line feed, and only in a multi-line field: a carriage return or a tab could
		 * rewrite what a terminal shows or open a formula in a spreadsheet. */
		if (valid_char_refused(cp) && !(multiline && cp == '\n'))
			return AKSES_E_CONTROL_CHAR;
		if (!valid_is_space(cp))
			blank = false;
		chars++;
		p += len;
	}
	if (required && blank)
		return AKSES_E_REQUIRED;
	if (chars > max_chars)
		return AKSES_E_TOO_LONG;
	return AKSES_OK;
}

/* Pictographs and emoji are not part of anyone's name: a name with one is refused (as "characters
 * that are not allowed") rather than printed on a badge. Letters of every script, combining
 * marks, apostrophes, hyphens, dots and digits stay allowed. */
static bool valid_is_pictograph(unsigned long cp)
{
	return (cp >= 0x2190 && cp <= 0x21FF) ||   /* arrows */
	       (cp >= 0x2300 && cp <= 0x23FF) ||   /* misc technical (watch, hourglass ...) */
	       (cp >= 0x2460 && cp <= 0x27BF) ||   /* enclosed, boxes, shapes, symbols, dingbats */
	       (cp >= 0x2B00 && cp <= 0x2BFF) ||   /* misc symbols and arrows */
	       (cp >= 0xE000 && cp <= 0xF8FF) ||   /* private use */
	       (cp >= 0xFE00 && cp <= 0xFE0F) ||   /* variation selectors (emoji presentation) */
	       (cp >= 0x1F000 && cp <= 0x1FAFF) || /* emoji, mahjong, cards, flags' letters */
	       (cp >= 0xF0000);                    /* supplementary private use */
}

akses_status valid_name(const char *s)
{
	akses_status st = valid_text(s, AKSES_NAME_CHARS, true, false);
	if (st != AKSES_OK)
		return st;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned long cp;
		p += valid_utf8_next(p, &cp);
		if (valid_is_pictograph(cp))
			return AKSES_E_CONTROL_CHAR;
	}
	return AKSES_OK;
}

/* ---------- NIK ---------- */

static int valid_2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

akses_status valid_nik(const char *nik)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (!nik || !*nik)
		return AKSES_E_REQUIRED;
	if (strlen(nik) != AKSES_NIK_LEN)
		return AKSES_E_NIK_LENGTH;
	for (int i = 0; i < AKSES_NIK_LEN; i++) {
		if (nik[i] < '0' || nik[i] > '9')
			return AKSES_E_NIK_DIGITS;
	}
	if (valid_2(nik) < 11 || valid_2(nik + 2) == 0 || valid_2(nik + 4) == 0)
		return AKSES_E_NIK_REGION;
	int day = valid_2(nik + 6), month = valid_2(nik + 8);
	if (day > 40)
		day -= 40; /* women: day + 40 */
	if (month < 1 || month > 12 || day < 1 || day > mdays[month - 1])
		return AKSES_E_NIK_DATE;
	/* 29 February passes in every year: YY could be a leap year of either century. */
	if (strcmp(nik + 12, "0000") == 0)
		return AKSES_E_NIK_SERIAL;
	return AKSES_OK;
}

/* ---------- passport and KITAS ---------- */

/* n_min..n_max ASCII letters and digits, at least min_digits of them digits. */
static bool valid_alnum(const char *s, size_t n_min, size_t n_max, int min_digits)
{
	size_t n = 0;
	int digits = 0;
	for (; s[n]; n++) {
		unsigned char c = (unsigned char)s[n];
		if (c >= '0' && c <= '9')
			digits++;
		else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
			return false;
	}
	return n >= n_min && n <= n_max && digits >= min_digits;
}

akses_status valid_passport(const char *s)
{
	if (!s || !*s)
		return AKSES_E_REQUIRED;
	return valid_alnum(s, 6, 9, 1) ? AKSES_OK : AKSES_E_PASSPORT;
}

akses_status valid_kitas(const char *s)
{
	if (!s || !*s)
		return AKSES_E_REQUIRED;
	return valid_alnum(s, 11, AKSES_NIK_LEN, 2) ? AKSES_OK : AKSES_E_KITAS;
}

akses_status valid_person_id(akses_id_type t, const char *number)
{
	switch (t) {
	case ID_NIK:
		return valid_nik(number);
	case ID_PASSPORT:
		return valid_passport(number);
	case ID_KITAS:
		return valid_kitas(number);
	default:
		return AKSES_E_ID_TYPE;
	}
}

bool valid_person_id_accepts(akses_id_type t, unsigned long cp)
{
	bool digit = cp >= '0' && cp <= '9';
	if (t == ID_NIK)
		return digit;
	return digit || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

static const char *const valid_id_codes[ID_TYPE_COUNT] = {"nik", "passport", "kitas"};

const char *valid_id_type_code(akses_id_type t)
{
	return t >= 0 && t < ID_TYPE_COUNT ? valid_id_codes[t] : valid_id_codes[ID_NIK];
}

bool valid_id_type_parse(const char *s, akses_id_type *out)
{
	if (!s)
		return false;
	for (int i = 0; i < ID_TYPE_COUNT; i++) {
		if (strcasecmp(s, valid_id_codes[i]) == 0) {
			*out = (akses_id_type)i;
			return true;
		}
	}
	if (strcasecmp(s, "paspor") == 0) {
		*out = ID_PASSPORT;
		return true;
	}
	return false;
}

void valid_id_mask(akses_id_type t, const char *number, bool full, char *out, size_t n)
{
	size_t len = number ? strlen(number) : 0, head = 0, tail = 3, o = 0;
	if (n == 0)
		return;
	if (t == ID_NIK && len == AKSES_NIK_LEN)
		head = 6, tail = 4;
	else if (t == ID_NIK || len <= tail)
		tail = 0; /* an odd NIK or a very short number: nothing of it is shown */
	for (size_t i = 0; i < len && o + 1 < n; i++)
		out[o++] = full || i < head || i >= len - tail ? number[i] : '*';
	out[o] = '\0';
}

void valid_phone_mask(const char *phone, bool full, char *out, size_t n)
{
	if (n == 0)
		return;
	snprintf(out, n, "%s", phone ? phone : "");
	if (full)
		return;
	for (size_t i = 6; i < n && out[i]; i++)
		out[i] = '*';
}

/* ---------- phone, email, PIN, codes ---------- */

akses_status valid_phone(const char *phone, char *out)
{
	char d[32];
	size_t n = 0;
	if (!phone)
		return AKSES_E_REQUIRED;
	for (const char *p = phone; *p; p++) {
		if (*p == ' ' || *p == '.' || *p == '-')
			continue;
		if (*p == '+' && n == 0) {
			d[n++] = '+';
			continue;
		}
		if (*p < '0' || *p > '9' || n + 1 >= sizeof d)
			return AKSES_E_PHONE;
		d[n++] = *p;
	}
	d[n] = '\0';
	if (n == 0)
		return AKSES_E_REQUIRED;
	const char *sub; /* the subscriber part after the country code: "8..." */
	if (strncmp(d, "08", 2) == 0)
		sub = d + 1;
	else if (strncmp(d, "628", 3) == 0)
		sub = d + 2;
	else if (strncmp(d, "+628", 4) == 0)
		sub = d + 3;
	else
		return AKSES_E_PHONE;
	size_t len = strlen(sub);
	if (len < 9 || len > 12)
		return AKSES_E_PHONE;
	if (out) {
		memcpy(out, "+62", 3);
		memcpy(out + 3, sub, len + 1);
	}
	return AKSES_OK;
}

/* NULL or "" is fine (the email is optional); otherwise one @ between a non-empty local part
 * and a domain of at least two non-empty dot-separated labels, no spaces, at most 254. */
akses_status valid_email(const char *email)
{
	if (!email || !*email)
		return AKSES_OK;
	akses_status st = valid_text(email, AKSES_EMAIL_CHARS, false, false);
	if (st == AKSES_E_TOO_LONG || st == AKSES_E_UTF8)
		return st;
	if (st != AKSES_OK)
		return AKSES_E_EMAIL;
	const char *at = strchr(email, '@');
	if (!at || at == email || strchr(at + 1, '@') || strpbrk(email, " \t\"<>,;"))
		return AKSES_E_EMAIL;
	const char *dom = at + 1;
	size_t dlen = strlen(dom);
	if (dlen < 3 || !strchr(dom, '.') || dom[0] == '.' || dom[dlen - 1] == '.' ||
	    strstr(dom, ".."))
		return AKSES_E_EMAIL;
	return AKSES_OK;
}

/* True when s is exactly n ASCII digits (min..max). */
static bool valid_digits(const char *s, size_t min, size_t max)
{
	if (!s)
		return false;
	size_t n = strlen(s);
	if (n < min || n > max)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
	}
	return true;
}

akses_status valid_pin(const char *pin)
{
	return valid_digits(pin, 4, 8) ? AKSES_OK : AKSES_E_PIN_FORMAT;
}

/* 6 digits at least: a million PINs, so that even the per-station backoff's ~30 tries a day
 * would need decades at one station. Old 4-digit PINs still sign in (valid_pin). */
akses_status valid_new_pin(const char *pin)
{
	return valid_digits(pin, 6, 8) ? AKSES_OK : AKSES_E_PIN_FORMAT;
}

akses_status valid_phone_digits(const char *digits)
{
	return valid_digits(digits, 4, 4) ? AKSES_OK : AKSES_E_PHONE_DIGITS;
}

/* AKS-YYYYMMDD-N...; the date part must look like a date (month 01..12, day 01..31). The counter
 * has VALID_NUMBER_MIN_DIGITS to VALID_NUMBER_MAX_DIGITS digits: four for numbers made before the
 * counter got room, five today, more on a day past 99,999 requests. */
_Static_assert(AKSES_NUMBER_BUF > VALID_NUMBER_MAX_CHARS, "a request number fits its buffer");

akses_status valid_request_number(const char *s, char *out)
{
	size_t n = s ? strlen(s) : 0;
	if (!s || n < 13 + VALID_NUMBER_MIN_DIGITS || n > 13 + VALID_NUMBER_MAX_DIGITS ||
	    strncasecmp(s, "AKS-", 4) != 0 || s[12] != '-')
		return AKSES_E_REQUEST_NUMBER;
	char date[9];
	memcpy(date, s + 4, 8);
	date[8] = '\0';
	if (!valid_digits(date, 8, 8) ||
	    !valid_digits(s + 13, VALID_NUMBER_MIN_DIGITS, VALID_NUMBER_MAX_DIGITS))
		return AKSES_E_REQUEST_NUMBER;
	int month = valid_2(date + 4), day = valid_2(date + 6);
	if (month < 1 || month > 12 || day < 1 || day > 31)
		return AKSES_E_REQUEST_NUMBER;
	if (out) {
		memcpy(out, "AKS-", 4);
		memcpy(out + 4, s + 4, n - 4 + 1); /* digits, dash and the terminator */
	}
	return AKSES_OK;
}

akses_status valid_token(const char *s, char *out)
{
	if (!s)
		return AKSES_E_TOKEN_FORMAT;
	while (*s && isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n != AKSES_TOKEN_LEN)
		return AKSES_E_TOKEN_FORMAT;
	char buf[AKSES_TOKEN_BUF];
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')))
			return AKSES_E_TOKEN_FORMAT;
		buf[i] = c;
	}
	buf[n] = '\0';
	if (out)
		memcpy(out, buf, sizeof buf);
	return AKSES_OK;
}

/* ---------- the window and the whole request ---------- */

akses_status valid_window(int64_t start, int64_t end, int64_t now, akses_field *field_out)
{
	akses_field f = AKSES_F_START;
	akses_status st = AKSES_OK;
	if (start < now - VALID_MINUTE)
		st = AKSES_E_WINDOW_PAST;
	else if (start > now + VALID_MAX_AHEAD)
		st = AKSES_E_WINDOW_TOO_FAR;
	else if (end <= start)
		st = AKSES_E_WINDOW_ORDER, f = AKSES_F_END;
	else if (end - start > VALID_MAX_WINDOW)
		st = AKSES_E_WINDOW_TOO_LONG, f = AKSES_F_END;
	if (field_out)
		*field_out = st == AKSES_OK ? AKSES_F_NONE : f;
	return st;
}

/* Records where a request failed and passes the status through. */
static akses_status valid_fail(akses_status st, akses_field f, int idx, akses_field *field_out,
                               int *index_out)
{
	if (field_out)
		*field_out = f;
	if (index_out)
		*index_out = idx;
	return st;
}

akses_status valid_field(akses_field field, const char *text)
{
	switch (field) {
	case AKSES_F_NAME:
	case AKSES_F_COMPANION_NAME:
		return valid_name(text);
	case AKSES_F_NIK:
	case AKSES_F_COMPANION_NIK:
		return valid_nik(text);
	case AKSES_F_INSTITUTION:
		return valid_text(text, AKSES_INSTITUTION_CHARS, true, false);
	case AKSES_F_PHONE:
		return valid_phone(text, NULL);
	case AKSES_F_EMAIL:
		return valid_email(text);
	case AKSES_F_PURPOSE:
		return valid_text(text, AKSES_PURPOSE_CHARS, true, true);
	case AKSES_F_EQUIPMENT:
		return valid_text(text, AKSES_EQUIPMENT_CHARS, true, false);
	default:
		return AKSES_E_INVALID_ARG;
	}
}

bool valid_field_accepts(akses_field field, unsigned long cp)
{
	switch (field) {
	case AKSES_F_NIK:
	case AKSES_F_COMPANION_NIK:
		return cp >= '0' && cp <= '9';
	case AKSES_F_PHONE:
		return (cp >= '0' && cp <= '9') || cp == '+' || cp == ' ' || cp == '-';
	case AKSES_F_PURPOSE:
		return cp == '\n' || !valid_char_refused(cp);
	default:
		return !valid_char_refused(cp);
	}
}

bool valid_same_id(akses_id_type t1, const char *n1, akses_id_type t2, const char *n2)
{
	return t1 == t2 && n1 && n2 && strcasecmp(n1, n2) == 0;
}

/* Field by field in the form's order, each through valid_field. Indexes are 0-based positions
 * in companion_* and equipment. Every equipment line given must be non-blank (the form drops
 * empty lines); the list itself may be empty. */
akses_status valid_request(const struct akses_request_input *in, int64_t now,
                           akses_field *field_out, int *index_out)
{
	static const akses_field head[] = {AKSES_F_NAME, AKSES_F_NIK, AKSES_F_INSTITUTION,
	                                   AKSES_F_PHONE, AKSES_F_EMAIL};
	akses_status st;
	akses_field wf = AKSES_F_NONE;
	valid_fail(AKSES_OK, AKSES_F_NONE, 0, field_out, index_out);
	if (!in)
		return AKSES_E_INVALID_ARG;
	const char *head_text[] = {in->name, in->nik, in->institution, in->phone, in->email};
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
		st = head[i] == AKSES_F_NIK ? valid_person_id(in->id_type, in->nik)
		                            : valid_field(head[i], head_text[i]);
		if (st != AKSES_OK)
			return valid_fail(st, head[i], 0, field_out, index_out);
	}
	if (in->purpose_category <= PURPOSE_NONE || in->purpose_category >= PURPOSE_COUNT)
		return valid_fail(AKSES_E_PURPOSE_CATEGORY, AKSES_F_PURPOSE_CATEGORY, 0, field_out,
		                  index_out);
	if ((st = valid_field(AKSES_F_PURPOSE, in->purpose)) != AKSES_OK)
		return valid_fail(st, AKSES_F_PURPOSE, 0, field_out, index_out);
	if ((st = valid_window(in->start_at, in->end_at, now, &wf)) != AKSES_OK)
		return valid_fail(st, wf, 0, field_out, index_out);
	if (in->n_companions < 0 || in->n_companions > AKSES_MAX_COMPANIONS)
		return valid_fail(AKSES_E_TOO_MANY, AKSES_F_COMPANION_NAME, 0, field_out,
		                  index_out);
	for (int i = 0; i < in->n_companions; i++) {
		if ((st = valid_field(AKSES_F_COMPANION_NAME, in->companion_name[i])) != AKSES_OK)
			return valid_fail(st, AKSES_F_COMPANION_NAME, i, field_out, index_out);
		akses_id_type t = in->companion_id_type[i];
		if ((st = valid_person_id(t, in->companion_nik[i])) != AKSES_OK)
			return valid_fail(st, AKSES_F_COMPANION_NIK, i, field_out, index_out);
		/* One person, one pass: the same document twice would give one person two passes. */
		bool dup = valid_same_id(t, in->companion_nik[i], in->id_type, in->nik);
		for (int j = 0; j < i && !dup; j++)
			dup = valid_same_id(t, in->companion_nik[i], in->companion_id_type[j],
			                    in->companion_nik[j]);
		if (dup)
			return valid_fail(AKSES_E_DUPLICATE_PERSON, AKSES_F_COMPANION_NIK, i,
			                  field_out, index_out);
	}
	if (in->n_equipment < 0 || in->n_equipment > AKSES_MAX_EQUIPMENT)
		return valid_fail(AKSES_E_TOO_MANY, AKSES_F_EQUIPMENT, 0, field_out, index_out);
	for (int i = 0; i < in->n_equipment; i++) {
		if ((st = valid_field(AKSES_F_EQUIPMENT, in->equipment[i])) != AKSES_OK)
			return valid_fail(st, AKSES_F_EQUIPMENT, i, field_out, index_out);
	}
	if (!in->consent)
		return valid_fail(AKSES_E_CONSENT, AKSES_F_CONSENT, 0, field_out, index_out);
	return AKSES_OK;
}
