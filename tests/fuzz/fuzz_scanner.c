/* fuzz_scanner.c - the kiosk's scan-or-typing detector (kiosk/widget/scanner.c) fed arbitrary text
 * events, Enters, ticks and flushes at arbitrary times. Whatever the timing, every byte typed
 * comes out exactly once and in order (as typing or inside a scan), a scan is a run of at least
 * SCANNER_MIN_CHARS characters that fits the buffer, and nothing is written past the caller's
 * buffer. */
#include <stdbool.h>

#include "fuzz.h"
#include "scanner.h"

/* Growable byte string for what went in and what came out. */
struct fz_buf {
	char *p;
	size_t len, cap;
};

static void fz_put(struct fz_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			abort();
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static size_t fz_chars(const char *s)
{
	size_t c = 0;
	for (; *s; s++)
		c += ((unsigned char)*s & 0xC0) != 0x80;
	return c;
}

/* One result of the scanner: checks out against n and appends it to what came out. whole says
 * the caller's buffer can hold any run (else a scan may come out cut short). */
static void fz_take(enum scanner_out r, const char *out, size_t n, bool whole, struct fz_buf *got,
                    int *scans)
{
	FUZZ_CHECK(r == SCANNER_NONE || r == SCANNER_TYPED || r == SCANNER_SCAN);
	if (r == SCANNER_NONE)
		return;
	size_t len = strnlen(out, n);
	FUZZ_CHECK(len < n); /* terminated inside the caller's buffer */
	if (r == SCANNER_SCAN) {
		FUZZ_CHECK(!whole || fz_chars(out) >= SCANNER_MIN_CHARS);
		FUZZ_CHECK(len < SCANNER_BUF);
		(*scans)++;
	}
	fz_put(got, out, len);
}

/* Input: byte 0 picks the caller's buffer (the kiosk's SCANNER_BUF + 8, a roomy one, or a tiny
 * one where only memory safety is checked); then events: an opcode byte (its low bits the kind,
 * its high bits the time step) and, for text, a length byte and the text. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t n;
	size_t max_text; /* longest text event fed in this mode */
	bool conserve = true;
	switch (data[0] % 3) {
	case 0:
		n = SCANNER_BUF + 8; /* as kiosk/ui/main.c; SDL text events are < 32 bytes */
		max_text = 31;
		break;
	case 1:
		n = 4096;
		max_text = 1024;
		break;
	default:
		n = 1 + data[0] / 3 % 8;
		max_text = 31;
		conserve = false; /* a tiny buffer cannot hold the text: only safety is checked */
		break;
	}
	char *out = malloc(n); /* exact size: a write past it is caught */
	if (!out)
		abort();
	struct scanner sc;
	scanner_reset(&sc);
	struct fz_buf fed = {0}, got = {0};
	fz_put(&fed, "", 0);
	fz_put(&got, "", 0);
	int scans = 0;
	uint32_t t = (uint32_t)data[0] << 24; /* some runs start near the 49-day wrap */
	size_t i = 1;
	while (i < size) {
		uint8_t op = data[i++];
		/* steps of 0..31 ms often, sometimes a long pause */
		uint32_t step = (op >> 3) < 28 ? (op >> 3) : (uint32_t)(op >> 3) * 997u;
		t += step;
		enum scanner_out r = SCANNER_NONE;
		memset(out, 0x5A, n); /* stale bytes must not be mistaken for output */
		switch (op & 7) {
		case 0:
		case 1:
		case 2: {
			size_t len = i < size ? data[i++] : 0;
			if (len > max_text)
				len = len % (max_text + 1);
			if (len > size - i)
				len = size - i;
			char *text = fuzz_cstr(data + i, len);
			i += len;
			size_t tl = strlen(text); /* an SDL text event is a C string */
			r = scanner_text(&sc, text, t, out, n);
			fz_take(r, out, n, conserve, &got, &scans);
			fz_put(&fed, text, tl);
			free(text);
			break;
		}
		case 3:
		case 4:
			r = scanner_enter(&sc, t, out, n);
			fz_take(r, out, n, conserve, &got, &scans);
			break;
		case 5:
		case 6:
			r = scanner_tick(&sc, t, out, n);
			fz_take(r, out, n, conserve, &got, &scans);
			break;
		default:
			r = scanner_flush(&sc, out, n);
			fz_take(r, out, n, conserve, &got, &scans);
			break;
		}
		/* held text always has a wake-up time, and only held text */
		FUZZ_CHECK((sc.len > 0) == (scanner_deadline(&sc) != 0));
		FUZZ_CHECK(sc.len < SCANNER_BUF && sc.buf[sc.len] == '\0');
		if (conserve) /* what came out so far is a prefix of what went in */
			FUZZ_CHECK(got.len <= fed.len && memcmp(got.p, fed.p, got.len) == 0);
	}
	memset(out, 0x5A, n);
	fz_take(scanner_flush(&sc, out, n), out, n, conserve, &got, &scans);
	FUZZ_CHECK(sc.len == 0 && scanner_deadline(&sc) == 0);
	if (conserve) {
		FUZZ_CHECK(got.len == fed.len);
		FUZZ_CHECK(memcmp(got.p, fed.p, got.len) == 0);
	}
	free(fed.p);
	free(got.p);
	free(out);
	return 0;
}
