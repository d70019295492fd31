/* ctl_esc.c - stored text on a terminal: anything that could rewrite or reorder what a staff
 * member sees (a carriage return, an escape sequence, a right-to-left override, broken UTF-8) is
 * printed as a visible escape such as \r or \u202E, in the table, the record and the JSON alike. */
#include <string.h>

#include "ctl.h"
#include "valid.h"

/* The escape for the character at s of len bytes (cp its code point, or len 0 for a byte that is
 * not UTF-8) into out (20 bytes); "" when it is shown as it is. A line feed is escaped
 * too: callers that keep lines handle it before. */
static void esc_one(const char *s, size_t len, unsigned long cp, char out[20])
{
	out[0] = '\0';
	if (len == 0) {
		snprintf(out, 20, "\\x%02X", (unsigned)(unsigned char)*s);
		return;
	}
	if (!valid_char_refused(cp))
		return;
	switch (cp) {
	case '\r': snprintf(out, 20, "\\r"); return;
	case '\n': snprintf(out, 20, "\\n"); return;
	case '\t': snprintf(out, 20, "\\t"); return;
	default: break;
	}
	if (cp < 0x80)
		snprintf(out, 20, "\\x%02lX", cp);
	else if (cp <= 0xFFFF)
		snprintf(out, 20, "\\u%04lX", cp);
	else
		snprintf(out, 20, "\\U%08lX", cp);
}

/* Writes s escaped; a line feed becomes a new line followed by indent spaces when indent >= 0,
 * else "\n". Returns the columns written on the last line (code points). */
static int esc_write(FILE *f, const char *s, int indent)
{
	int cols = 0;
	if (!s)
		return 0;
	while (*s) {
		unsigned long cp = 0;
		size_t len = valid_utf8_decode(s, &cp);
		char e[20];
		if (len > 0 && cp == '\n' && indent >= 0) {
			fputc('\n', f);
			for (int i = 0; i < indent; i++)
				fputc(' ', f);
			cols = indent;
			s++;
			continue;
		}
		esc_one(s, len, cp, e);
		if (e[0]) {
			fputs(e, f);
			cols += (int)strlen(e);
		} else {
			fwrite(s, 1, len, f);
			cols++;
		}
		s += len ? len : 1;
	}
	return cols;
}

int ctl_put(FILE *f, const char *s)
{
	return esc_write(f, s, -1);
}

void ctl_put_lines(FILE *f, const char *s, int indent)
{
	esc_write(f, s, indent < 0 ? 0 : indent);
}

const char *ctl_esc(const char *s, char *buf, size_t n)
{
	size_t o = 0;
	if (!buf || n == 0)
		return "";
	buf[0] = '\0';
	if (!s)
		return buf;
	while (*s) {
		unsigned long cp = 0;
		size_t len = valid_utf8_decode(s, &cp);
		char e[20];
		esc_one(s, len, cp, e);
		const char *piece = e[0] ? e : s;
		size_t plen = e[0] ? strlen(e) : len;
		if (o + plen >= n)
			break; /* cut at a whole character or escape, never inside one */
		memcpy(buf + o, piece, plen);
		o += plen;
		s += len ? len : 1;
	}
	buf[o] = '\0';
	return buf;
}

/* ---- JSON --------------------------------------------------------------------------------- */

/* cJSON already writes C0 controls inside strings as \uXXXX but passes every other byte as it is:
 * DEL, C1 controls, bidi and format characters and broken UTF-8 would reach the terminal raw. Rewrite
 * them in the printed JSON as \uXXXX escapes (a surrogate pair above U+FFFF, U+FFFD for a byte
 * that is not UTF-8): the same JSON value, nothing that moves text. Outside strings cJSON writes
 * ASCII only, so the whole text can be walked. */
void ctl_json_put(FILE *f, const char *text)
{
	while (*text) {
		unsigned long cp = 0;
		size_t len = valid_utf8_decode(text, &cp);
		if (len == 0) {
			fputs("\\ufffd", f);
			text++;
			continue;
		}
		if (cp >= 0x7F && valid_char_refused(cp)) { /* C0 is cJSON's own */
			if (cp > 0xFFFF) {
				unsigned long v = cp - 0x10000;
				fprintf(f, "\\u%04lx\\u%04lx", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
			} else {
				fprintf(f, "\\u%04lx", cp);
			}
		} else {
			fwrite(text, 1, len, f);
		}
		text += len;
	}
}
