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
};

enum kbd_kind { KBD_CHAR = 0, KBD_SHIFT, KBD_BKSP, KBD_SPACE, KBD_PAGE };

enum kbd_action { KBD_ACT_NONE = 0, KBD_ACT_TEXT, KBD_ACT_BKSP };

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
	int n;
	struct kbd_key keys[KBD_MAX_KEYS];
};

/* Lay out k's current layout/page/shift into the area (x, y, w, h) with gap pixels between keys.
 * Keys are computed fresh each call (cheap, no allocation). */
void kbd_layout(struct kbd *k, int x, int y, int w, int h, int gap);

/* Switch layout (resets page and shift when it changes). */
void kbd_set_layout(struct kbd *k, enum kbd_layout layout);

/* Apply a tap on key: KBD_ACT_TEXT with the text in out (n bytes), KBD_ACT_BKSP, or
 * KBD_ACT_NONE after a shift/page change (lay out again). One-shot shift is cleared after a
 * character. */
enum kbd_action kbd_press(struct kbd *k, const struct kbd_key *key, char *out, size_t n);

#endif
