/* scanner.h - tells a USB barcode scanner (a keyboard that types a fast burst ended by Enter) from
 * a person typing, using the event timestamps. Pure logic, no SDL: fed text, Enter and ticks. */
#ifndef AKSES_SCANNER_H
#define AKSES_SCANNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCANNER_MIN_CHARS 8 /* shorter bursts are typing */
#define SCANNER_GAP_MS 40   /* a scan's mean gap: a scanner types a character every few ms,
                             * people take well over 60 ms */
#define SCANNER_HOLD_MS 150 /* a pause this long ends a run (one late key of a busy USB hub
                             * or machine does not break a scan; typing shows after it) */
#define SCANNER_BUF 160     /* longer bursts are not ours: released as typing */

enum scanner_out {
	SCANNER_NONE = 0, /* held: wait for more */
	SCANNER_TYPED,    /* out holds text a person typed: give it to the focused field */
	SCANNER_SCAN,     /* out holds one complete scan (without the Enter) */
};

struct scanner {
	char buf[SCANNER_BUF];
	size_t len;     /* bytes held */
	int n_chars;    /* characters held */
	uint32_t first_at; /* timestamp of the first held character */
	uint32_t last_at; /* timestamp of the last held character */
};

void scanner_reset(struct scanner *s);

/* Text (one SDL_TEXTINPUT, UTF-8) at time t (ms). Held while it may be a scan. After a pause of
 * more than SCANNER_HOLD_MS, what was held is released first as SCANNER_TYPED in out and the new
 * text starts a new run. */
enum scanner_out scanner_text(struct scanner *s, const char *utf8, uint32_t t, char *out,
                              size_t n);

/* Enter at time t. A run of >= SCANNER_MIN_CHARS whose mean gap is at most SCANNER_GAP_MS, ended
 * by an Enter within SCANNER_HOLD_MS, is SCANNER_SCAN.
 * Otherwise what was held is SCANNER_TYPED (and the Enter is the person's), or SCANNER_NONE when
 * nothing was held. */
enum scanner_out scanner_enter(struct scanner *s, uint32_t t, char *out, size_t n);

/* Time passes: release a run that stopped without an Enter as typing. */
enum scanner_out scanner_tick(struct scanner *s, uint32_t now, char *out, size_t n);

/* Release whatever is held as typing now (a Backspace or Escape from a real keyboard). */
enum scanner_out scanner_flush(struct scanner *s, char *out, size_t n);

/* The tick at which scanner_tick would release held text, or 0 when nothing is held. */
uint32_t scanner_deadline(const struct scanner *s);

#endif
