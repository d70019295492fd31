/* kbd.h - the on-screen keyboard's layouts as pure data: key geometry for a given area, hit
 * testing and what a key press means. No SDL here, so tests can check layouts without a window. */
#ifndef AKSES_KBD_H
#define AKSES_KBD_H

#include <stdbool.h>
#include <stddef.h>

enum kbd_layout {
	KBD_TEXT = 0, /* letters, digits, punctuation, accented letters on a second page */
	KBD_NUMERIC,  /* a big 0-9 pad with backspace: NIK, phone, PIN */
	KBD_NUMBER,   /* the numeric pad plus "-" (request numbers) */
	KBD_PHONE,    /* the numeric pad plus "+" (+62 numbers) */
};

/* When the letters come out capitalised by themselves (the one-shot shift is set for the next
 * letter): never, at the start and after a space (names: "Nurul Aini"), or at the start only. */
enum kbd_autocap { KBD_CAP_NONE = 0, KBD_CAP_WORDS, KBD_CAP_SENTENCE };

enum kbd_kind { KBD_CHAR = 0, KBD_SHIFT, KBD_BKSP, KBD_SPACE, KBD_PAGE, KBD_CAPS, KBD_CLEAR };

enum kbd_action { KBD_ACT_NONE = 0, KBD_ACT_TEXT, KBD_ACT_BKSP, KBD_ACT_CLEAR };

#define KBD_MAX_KEYS 64

struct kbd_key {
	char id[16];       /* "key:a", "key:U+00E9", "key:shift" ... (stable, for tests) */
	char label[16];    /* what is drawn (already shifted) */
	char text[8];      /* what a tap types (already shifted); "" for special keys */
	enum kbd_kind kind;
	int x, y, w, h;
};

struct kbd {
	enum kbd_layout layout;
	int page;   /* KBD_TEXT: 0 letters, 1 accented letters */
	bool shift; /* one-shot: the next letter is uppercase */
	bool caps;  /* caps lock: every letter uppercase until tapped again */
	enum kbd_autocap autocap;
	int n;
	struct kbd_key keys[KBD_MAX_KEYS];
};

/* Lay out k's current layout/page/shift into the area (x, y, w, h) with gap pixels between keys.
 * Keys are computed fresh each call (cheap, no allocation). */
void kbd_layout(struct kbd *k, int x, int y, int w, int h, int gap);

/* Switch layout (resets page and shift when it changes). */
void kbd_set_layout(struct kbd *k, enum kbd_layout layout);

/* Set the one-shot shift from the field's text as it stands (after a focus change or a key),
 * by k->autocap; caps lock and KBD_CAP_NONE leave it alone. */
void kbd_autoshift(struct kbd *k, const char *text);

/* Apply a tap on key: KBD_ACT_TEXT with the text in out (n bytes), KBD_ACT_BKSP, or
 * KBD_ACT_CLEAR (empty the field), or KBD_ACT_NONE after a shift/caps/page change (lay out again).
 * One-shot shift is cleared after a character; an accented letter goes back to the letters page
 * (names carry one at a time: "José" is one trip to the accents). */
enum kbd_action kbd_press(struct kbd *k, const struct kbd_key *key, char *out, size_t n);

#endif
