/* kbd.c - on-screen keyboard layouts (letters + punctuation, accented letters, numeric pads):
 * geometry, hit testing and key meaning. Drawn by ui_keyboard.c. */
#include "kbd.h"

#include <stdio.h>
#include <string.h>

/* One key of a layout table: lower and upper text, width in key units. */
struct kbd_def {
	const char *lo, *up;
	enum kbd_kind kind;
	int units2; /* width in half key units */
};

#define K(lo, up) {lo, up, KBD_CHAR, 2}
#define KEND {NULL, NULL, KBD_CHAR, 0}

/* Letters page: 5 rows of 11 units. The apostrophe, hyphen and period are on the first page
 * because Indonesian names use them ("Nurul 'Aini", "Abdul-Karim", "M. Yusuf"). */
static const struct kbd_def kbd_letters[5][14] = {
	{K("1", "1"), K("2", "2"), K("3", "3"), K("4", "4"), K("5", "5"), K("6", "6"), K("7", "7"),
	 K("8", "8"), K("9", "9"), K("0", "0"), K("-", "-"), KEND},
	{K("q", "Q"), K("w", "W"), K("e", "E"), K("r", "R"), K("t", "T"), K("y", "Y"), K("u", "U"),
	 K("i", "I"), K("o", "O"), K("p", "P"), K("'", "'"), KEND},
	{K("a", "A"), K("s", "S"), K("d", "D"), K("f", "F"), K("g", "G"), K("h", "H"), K("j", "J"),
	 K("k", "K"), K("l", "L"), K(",", ","), K(".", "."), KEND},
	{{"", "", KBD_SHIFT, 3}, K("z", "Z"), K("x", "X"), K("c", "C"), K("v", "V"), K("b", "B"),
	 K("n", "N"), K("m", "M"), K("@", "@"), {"", "", KBD_BKSP, 3}, KEND},
	{{"", "", KBD_PAGE, 3}, {"", "", KBD_CAPS, 3}, K("&", "&"), {" ", " ", KBD_SPACE, 8},
	 K("/", "/"), K("_", "_"), {"", "", KBD_CLEAR, 2}, KEND},
};

/* Accented letters page, for names: é è ê ë á à â ä í ì ó ò ô ö ú ù û ü ñ ç ş ğ ā ī ū ḥ ... */
static const struct kbd_def kbd_accents[5][14] = {
	{K("é", "É"), K("è", "È"), K("ê", "Ê"), K("ë", "Ë"), K("á", "Á"), K("à", "À"), K("â", "Â"),
	 K("ä", "Ä"), K("ã", "Ã"), K("å", "Å"), K("æ", "Æ"), KEND},
	{K("í", "Í"), K("ì", "Ì"), K("î", "Î"), K("ï", "Ï"), K("ó", "Ó"), K("ò", "Ò"), K("ô", "Ô"),
	 K("ö", "Ö"), K("õ", "Õ"), K("ø", "Ø"), K("'", "'"), KEND},
	{K("ú", "Ú"), K("ù", "Ù"), K("û", "Û"), K("ü", "Ü"), K("ñ", "Ñ"), K("ç", "Ç"), K("ş", "Ş"),
	 K("ğ", "Ğ"), K("ā", "Ā"), K("ī", "Ī"), K("ū", "Ū"), KEND},
	{{"", "", KBD_SHIFT, 3}, K("ḥ", "Ḥ"), K("ṣ", "Ṣ"), K("ṭ", "Ṭ"), K("ẓ", "Ẓ"), K("ḍ", "Ḍ"),
	 K("ß", "ß"), K("ý", "Ý"), K("-", "-"), {"", "", KBD_BKSP, 3}, KEND},
	{{"", "", KBD_PAGE, 3}, {"", "", KBD_CAPS, 3}, K(".", "."), {" ", " ", KBD_SPACE, 8},
	 K(",", ","), K("`", "`"), {"", "", KBD_CLEAR, 2}, KEND},
};

/* Numeric pads: 4 rows of 3. */
static const struct kbd_def kbd_numeric[4][4] = {
	{K("1", "1"), K("2", "2"), K("3", "3"), KEND},
	{K("4", "4"), K("5", "5"), K("6", "6"), KEND},
	{K("7", "7"), K("8", "8"), K("9", "9"), KEND},
	{{"", "", KBD_CHAR, 2}, K("0", "0"), {"", "", KBD_BKSP, 2}, KEND},
};

/* The stable id of a key: key:<ascii alnum>, key:U+XXXX for other characters, key:<special>. */
static void kbd_key_id(struct kbd_key *key, const char *lo)
{
	const unsigned char *u = (const unsigned char *)lo;
	unsigned cp;

	switch (key->kind) {
	case KBD_SHIFT:
		snprintf(key->id, sizeof key->id, "key:shift");
		return;
	case KBD_BKSP:
		snprintf(key->id, sizeof key->id, "key:bksp");
		return;
	case KBD_SPACE:
		snprintf(key->id, sizeof key->id, "key:space");
		return;
	case KBD_PAGE:
		snprintf(key->id, sizeof key->id, "key:page");
		return;
	case KBD_CAPS:
		snprintf(key->id, sizeof key->id, "key:caps");
		return;
	case KBD_CLEAR:
		snprintf(key->id, sizeof key->id, "key:clear");
		return;
	case KBD_CHAR:
		break;
	}
	if ((u[0] >= 'a' && u[0] <= 'z') || (u[0] >= '0' && u[0] <= '9')) {
		snprintf(key->id, sizeof key->id, "key:%c", u[0]);
		return;
	}
	if (u[0] < 0x80)
		cp = u[0];
	else if ((u[0] & 0xE0) == 0xC0)
		cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
	else if ((u[0] & 0xF0) == 0xE0)
		cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
	else
		cp = ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
		     (u[3] & 0x3Fu);
	snprintf(key->id, sizeof key->id, "key:U+%04X", cp);
}

/* Lay out rows of a table: rows share the height; keys are sized in half units of the widest
 * row and each row is centred. */
static void kbd_rows(struct kbd *k, const struct kbd_def *tab, int n_rows, int stride, int x,
                     int y, int w, int h, int gap)
{
	int max_units2 = 0;

	for (int r = 0; r < n_rows; r++) {
		int u = 0;
		for (const struct kbd_def *d = tab + r * stride; d->units2 || d->lo; d++)
			u += d->units2;
		if (u > max_units2)
			max_units2 = u;
	}
	int row_h = (h - gap * (n_rows - 1)) / n_rows;
	for (int r = 0; r < n_rows; r++) {
		int u = 0;
		for (const struct kbd_def *d = tab + r * stride; d->units2 || d->lo; d++)
			u += d->units2;
		int left = x + (w * (max_units2 - u)) / (2 * max_units2);
		int acc = 0;
		for (const struct kbd_def *d = tab + r * stride; d->units2 || d->lo; d++) {
			int x0 = left + (w * acc) / max_units2;
			int x1 = left + (w * (acc + d->units2)) / max_units2;
			acc += d->units2;
			if (d->kind == KBD_CHAR && (!d->lo || !*d->lo))
				continue; /* a hole in the pad */
			if (k->n >= KBD_MAX_KEYS)
				return;
			struct kbd_key *key = &k->keys[k->n++];
			memset(key, 0, sizeof *key);
			key->kind = d->kind;
			key->x = x0 + gap / 2;
			key->y = y + r * (row_h + gap);
			key->w = x1 - x0 - gap;
			key->h = row_h;
			const char *t = k->shift || k->caps ? d->up : d->lo;
			kbd_key_id(key, d->lo);
			if (d->kind == KBD_CHAR || d->kind == KBD_SPACE)
				snprintf(key->text, sizeof key->text, "%s", t);
			switch (d->kind) {
			case KBD_SHIFT:
				snprintf(key->label, sizeof key->label, "%s", "⇧");
				break;
			case KBD_BKSP:
				snprintf(key->label, sizeof key->label, "%s", "⌫");
				break;
			case KBD_SPACE:
				key->label[0] = '\0';
				break;
			case KBD_CAPS:
				snprintf(key->label, sizeof key->label, "%s", "⇪");
				break;
			case KBD_CLEAR:
				snprintf(key->label, sizeof key->label, "%s", "✕");
				break;
			case KBD_PAGE:
				snprintf(key->label, sizeof key->label, "%s",
				         k->page == 0 ? "àé" : "abc");
				break;
			case KBD_CHAR:
				snprintf(key->label, sizeof key->label, "%s", t);
				break;
			}
		}
	}
}

void kbd_layout(struct kbd *k, int x, int y, int w, int h, int gap)
{
	k->n = 0;
	switch (k->layout) {
	case KBD_TEXT:
		kbd_rows(k, k->page ? &kbd_accents[0][0] : &kbd_letters[0][0], 5, 14, x, y, w, h,
		         gap);
		break;
	case KBD_NUMERIC:
	case KBD_NUMBER:
	case KBD_PHONE: {
		/* A pad no wider than tall-ish keys need: at most 3 keys of 1.6x their height. */
		int row_h = (h - 3 * gap) / 4;
		int pw = row_h * 3 * 16 / 10 + 2 * gap;
		if (pw > w)
			pw = w;
		kbd_rows(k, &kbd_numeric[0][0], 4, 4, x + (w - pw) / 2, y, pw, h, gap);
		if (k->layout == KBD_NUMBER || k->layout == KBD_PHONE) {
			/* "-" (or "+" of +62) goes in the hole left of 0 */
			const char *c = k->layout == KBD_PHONE ? "+" : "-";
			for (int i = 0; i < k->n; i++) {
				if (strcmp(k->keys[i].id, "key:0") != 0 || k->n >= KBD_MAX_KEYS)
					continue;
				struct kbd_key *d = &k->keys[k->n++];
				*d = k->keys[i];
				d->x -= d->w + gap;
				snprintf(d->id, sizeof d->id, "key:U+%04X", (unsigned)c[0]);
				snprintf(d->label, sizeof d->label, "%s", c);
				snprintf(d->text, sizeof d->text, "%s", c);
				break;
			}
		}
		break;
	}
	}
}

void kbd_set_layout(struct kbd *k, enum kbd_layout layout)
{
	if (k->layout != layout) {
		k->layout = layout;
		k->page = 0;
		k->shift = false;
		k->caps = false;
	}
}

void kbd_autoshift(struct kbd *k, const char *text)
{
	if (k->caps || k->autocap == KBD_CAP_NONE || !text)
		return;
	size_t n = strlen(text);
	if (k->autocap == KBD_CAP_WORDS)
		k->shift = n == 0 || text[n - 1] == ' ';
	else
		k->shift = n == 0;
}

enum kbd_action kbd_press(struct kbd *k, const struct kbd_key *key, char *out, size_t n)
{
	switch (key->kind) {
	case KBD_SHIFT:
		k->shift = !k->shift;
		return KBD_ACT_NONE;
	case KBD_PAGE:
		k->page = !k->page;
		return KBD_ACT_NONE;
	case KBD_CAPS:
		k->caps = !k->caps;
		k->shift = false;
		return KBD_ACT_NONE;
	case KBD_BKSP:
		return KBD_ACT_BKSP;
	case KBD_CLEAR:
		return KBD_ACT_CLEAR;
	case KBD_SPACE:
	case KBD_CHAR:
		break;
	}
	if (n == 0)
		return KBD_ACT_NONE;
	snprintf(out, n, "%s", key->text);
	k->shift = false;
	if (k->layout == KBD_TEXT && k->page == 1 && (unsigned char)key->text[0] >= 0x80)
		k->page = 0;
	return KBD_ACT_TEXT;
}
