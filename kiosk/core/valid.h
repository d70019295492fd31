/* valid.h - validation of every field a person types: UTF-8 text, NIK, phone, email, PIN,
 * dates and the visit window. Each returns AKSES_OK or the status that says what is wrong. */
#ifndef AKSES_VALID_H
#define AKSES_VALID_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "status.h"

/* Text: valid UTF-8, none of the characters valid_char_refused() names (a line feed is allowed
 * only when multiline; never a carriage return or a tab), not only spaces when required, at most
 * max_chars code points. */
akses_status valid_text(const char *s, size_t max_chars, bool required, bool multiline);

/* A person's name (visitor, companion): valid_text single-line, required, at most
 * AKSES_NAME_CHARS, and no pictographs or emoji (AKSES_E_CONTROL_CHAR). */
akses_status valid_name(const char *s);

/* True for a code point no text field may hold: C0/C1 controls, DEL, bidi controls (U+200E/F,
 * U+061C, U+202A..202E, U+2066..2069) and invisible format characters. Terminal output escapes
 * the same set (a row stored before this rule may still hold one). */
bool valid_char_refused(unsigned long cp);

/* Decode the UTF-8 sequence at s (not at its terminating NUL) into *cp: its length in bytes, or
 * 0 when it is not well-formed. */
size_t valid_utf8_decode(const char *s, unsigned long *cp);

/* Number of code points of a valid UTF-8 string. */
size_t valid_utf8_chars(const char *s);

/* Structure of a 16-digit NIK: province 11..99, regency and district not 00, DDMMYY a real day
 * (day +40 for women; 29 February always allowed: the year is ambiguous), serial not 0000. */
akses_status valid_nik(const char *nik);

/* Passport: 6 to 9 ASCII letters and digits with at least one digit (ICAO 9303 gives a
 * document number at most 9 characters; Indonesia's are a letter and 7 digits). */
akses_status valid_passport(const char *s);

/* KITAS (limited stay permit card) number: 11 to 16 ASCII letters and digits with at least two
 * digits. The rule chosen here: the older cards' number is 2 letters and 9 digits (11 characters),
 * e-KITAS numbers are longer; 16 is the room a person's number has (AKSES_NIK_LEN). */
akses_status valid_kitas(const char *s);

/* A person's number by its document: valid_nik, valid_passport or valid_kitas; an id type out of
 * range is AKSES_E_ID_TYPE. Letters in passport and KITAS numbers may be either case. */
akses_status valid_person_id(akses_id_type t, const char *number);

/* True when a character may be typed into a number of that document: digits for a NIK, ASCII
 * letters and digits for a passport or KITAS. */
bool valid_person_id_accepts(akses_id_type t, unsigned long cp);

/* The stored code of an id type ("nik", "passport", "kitas"), and back: the code, or also the
 * Indonesian "paspor" (case-insensitive). Parsing returns false for anything else. */
const char *valid_id_type_code(akses_id_type t);
bool valid_id_type_parse(const char *s, akses_id_type *out);

/* A person's number as staff who may not see it whole read it, the same on every screen, in
 * aksesctl and on paper: a NIK keeps its region (6) and serial (4) digits, 327105******0003; a
 * passport or KITAS number only its last 3 characters, *****567. full copies it unmasked; an
 * empty (anonymized) number stays empty. */
#define VALID_ID_MASK_BUF (AKSES_NIK_LEN + 1)
void valid_id_mask(akses_id_type t, const char *number, bool full, char *out, size_t n);

/* A phone number as staff who may not see it whole read it (the kiosk's request screen and the
 * web console alike): "+62812*******", its country and operator prefix, never the last 4 digits,
 * which prove a visitor at the status lookup. full copies it unmasked. */
void valid_phone_mask(const char *phone, bool full, char *out, size_t n);

/* Indonesian mobile number: 08…, 628… or +628… with 9 to 12 digits after the 62, spaces, dots and
 * dashes ignored. On success writes "+628…" to out (AKSES_PHONE_BUF bytes) when out is not NULL. */
akses_status valid_phone(const char *phone, char *out);

/* A plausible email: one @, non-empty local part, a dot in the domain, no spaces, <= 254. */
akses_status valid_email(const char *email);

/* 4 to 8 ASCII digits. */
akses_status valid_pin(const char *pin);
/* A PIN being set (init, staff add, set-pin): 6-8 ASCII digits. */
akses_status valid_new_pin(const char *pin);

/* Exactly 4 ASCII digits (the status lookup's phone digits). */
akses_status valid_phone_digits(const char *digits);

/* The request counter's digits: 4 in numbers made by older versions (still accepted), 5 for new
 * ones (AKS-20261129-00007), growing to at most 9 on a day with more than 99,999 requests. */
#define VALID_NUMBER_MIN_DIGITS 4
#define VALID_NUMBER_NEW_DIGITS 5
#define VALID_NUMBER_MAX_DIGITS 9
#define VALID_NUMBER_MAX_CHARS (13 + VALID_NUMBER_MAX_DIGITS)

/* AKS-YYYYMMDD-NNNNN (case-insensitive; out, of AKSES_NUMBER_BUF, gets the canonical uppercase
 * form if not NULL). */
akses_status valid_request_number(const char *s, char *out);

/* 32 characters of A-Z and 2-7 (lowercase accepted; out gets uppercase if not NULL). Leading and
 * trailing spaces are trimmed (scanners sometimes add them). */
akses_status valid_token(const char *s, char *out);

/* The window asked for: start not in the past (a minute's slack), end after start, at most 12 h
 * long, start at most 90 days ahead. field_out says START or END for the message. */
akses_status valid_window(int64_t start, int64_t end, int64_t now, akses_field *field_out);

/* The one rule of each text field of a request, for the form as it is typed and for
 * valid_request alike: names (valid_name), NIKs (valid_nik; a person with another document:
 * valid_person_id), institution, phone (valid_phone),
 * email (optional, valid_email), purpose (required, multi-line) and an equipment line (required:
 * a line that is there must say something). AKSES_E_INVALID_ARG for a field that is not text. */
akses_status valid_field(akses_field field, const char *text);

/* True when a character may be typed into the field at all: NIKs take digits only, the phone
 * digits, "+", space and "-"; every other text field anything valid_char_refused() lets through
 * (a line feed only in the purpose). A physical keyboard's keys are filtered with it. */
bool valid_field_accepts(akses_field field, unsigned long cp);

/* True when two people's documents are the same one: same type, same number (letters in either
 * case). The wizard's live check and valid_request share it. */
bool valid_same_id(akses_id_type t1, const char *n1, akses_id_type t2, const char *n2);

/* Whole request input, field by field in form order. On error, *field_out and *index_out
 * (companion or equipment index, else 0) say where. Each person's number is checked by its
 * document (valid_person_id); the same document twice in one request is refused. */
akses_status valid_request(const struct akses_request_input *in, int64_t now,
                           akses_field *field_out, int *index_out);

#endif
