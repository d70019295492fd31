/* fuzz.h - what the libFuzzer harnesses share: the entry point's prototype, an invariant check
 * that stops the run with a message, and the input as an exact-size C string. */
#ifndef AKSES_FUZZ_H
#define AKSES_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken invariant is a finding like a crash: say which and abort, so libFuzzer saves the
 * input as a crash artifact. */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__,       \
			        #cond);                                                            \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* The input as a malloc'd NUL-terminated string of exactly size + 1 bytes, so that AddressSanitizer
 * catches a read one byte past its end. Bytes after an embedded NUL are simply not seen by the
 * C-string APIs. The caller frees it. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Pins the process to the product's zone (UTC+7, no daylight saving), as the kiosk runs. */
static inline void fuzz_jakarta(void)
{
	setenv("TZ", "Asia/Jakarta", 1);
	tzset();
}

#endif
