/* scanner.c - scan-or-typing decision for keyboard-wedge barcode scanners (see scanner.h). */
#include "scanner.h"

#include <string.h>

void scanner_reset(struct scanner *s)
{
	memset(s, 0, sizeof *s);
}

/* Move the held run into out as text and forget it. */
static enum scanner_out scanner_release(struct scanner *s, enum scanner_out kind, char *out,
                                        size_t n)
{
	size_t len = s->len < n - 1 ? s->len : n - 1;

	memcpy(out, s->buf, len);
	out[len] = '\0';
	scanner_reset(s);
	return kind;
}

/* Count the code points of a UTF-8 string (continuation bytes are not counted). */
static int scanner_chars(const char *s)
{
	int c = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			c++;
	return c;
}

enum scanner_out scanner_text(struct scanner *s, const char *utf8, uint32_t t, char *out, size_t n)
{
	size_t add = strlen(utf8);
	enum scanner_out r = SCANNER_NONE;

	if (add == 0 || n == 0)
		return SCANNER_NONE;
	/* A pause ends a run: what came before was a person typing. */
	if (s->len > 0 && t - s->last_at > SCANNER_GAP_MS)
		r = scanner_release(s, SCANNER_TYPED, out, n);
	if (s->len + add >= sizeof s->buf) {
		/* Too long for any code of ours (only possible with nothing released above): hand it
		 * all over as typing. */
		r = scanner_release(s, SCANNER_TYPED, out, n);
		size_t have = strlen(out);
		if (have + add < n)
			memcpy(out + have, utf8, add + 1);
		return r;
	}
	memcpy(s->buf + s->len, utf8, add);
	s->len += add;
	s->buf[s->len] = '\0';
	s->n_chars += scanner_chars(utf8);
	s->last_at = t;
	return r;
}

enum scanner_out scanner_enter(struct scanner *s, uint32_t t, char *out, size_t n)
{
	if (s->len == 0 || n == 0)
		return SCANNER_NONE;
	if (s->n_chars >= SCANNER_MIN_CHARS && t - s->last_at <= SCANNER_GAP_MS)
		return scanner_release(s, SCANNER_SCAN, out, n);
	return scanner_release(s, SCANNER_TYPED, out, n);
}

enum scanner_out scanner_tick(struct scanner *s, uint32_t now, char *out, size_t n)
{
	if (s->len == 0 || n == 0 || now - s->last_at <= SCANNER_GAP_MS)
		return SCANNER_NONE;
	return scanner_release(s, SCANNER_TYPED, out, n);
}

enum scanner_out scanner_flush(struct scanner *s, char *out, size_t n)
{
	if (s->len == 0 || n == 0)
		return SCANNER_NONE;
	return scanner_release(s, SCANNER_TYPED, out, n);
}

uint32_t scanner_deadline(const struct scanner *s)
{
	return s->len ? s->last_at + SCANNER_GAP_MS + 1 : 0;
}
