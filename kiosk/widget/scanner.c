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
	if (s->len > 0 && t - s->last_at > SCANNER_HOLD_MS)
		r = scanner_release(s, SCANNER_TYPED, out, n);
	/* A run too long for any code of ours is typing. Only what was held is released: the new
	 * text starts the next run, so it is never lost for want of room in out. */
	if (s->len > 0 && s->len + add >= sizeof s->buf)
		r = scanner_release(s, SCANNER_TYPED, out, n);
	if (add >= sizeof s->buf) {
		/* Longer than a run by itself: typing, after whatever was released above. */
		size_t have = r == SCANNER_TYPED ? strlen(out) : 0;
		size_t take = add < n - 1 - have ? add : n - 1 - have;
		memcpy(out + have, utf8, take);
		out[have + take] = '\0';
		return SCANNER_TYPED;
	}
	if (s->len == 0)
		s->first_at = t;
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
	/* the mean speed decides, so one late key does not turn a scan into typing */
	uint32_t span = s->last_at - s->first_at;
	if (s->n_chars >= SCANNER_MIN_CHARS && t - s->last_at <= SCANNER_HOLD_MS &&
	    span <= (uint32_t)(s->n_chars - 1) * SCANNER_GAP_MS)
		return scanner_release(s, SCANNER_SCAN, out, n);
	return scanner_release(s, SCANNER_TYPED, out, n);
}

enum scanner_out scanner_tick(struct scanner *s, uint32_t now, char *out, size_t n)
{
	if (s->len == 0 || n == 0 || now - s->last_at <= SCANNER_HOLD_MS)
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
	if (!s->len)
		return 0;
	uint32_t d = s->last_at + SCANNER_HOLD_MS + 1;
	return d ? d : 1; /* 0 means "nothing held", even where the 49-day tick counter wraps */
}
