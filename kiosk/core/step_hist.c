/* step_hist.c - the duration histogram of the compliance summary (see step_hist.h): bucket
 * arithmetic, adding and taking away, its text form and ranks. */
#include "step_hist.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXACT_BELOW 256 /* below this a bucket is one duration */
#define SUB 128         /* buckets per octave above it: 7 bits after the leading one */

int32_t step_hist_bucket(int64_t d)
{
	if (d < EXACT_BELOW)
		return (int32_t)(d < 0 ? 0 : d);
	int shift = 0; /* e - 7, e = floor(log2 d) >= 8 */
	while ((d >> shift) >= 2 * SUB)
		shift++;
	return (int32_t)(shift * SUB + (d >> shift)); /* d >> shift is in [128, 255] */
}

int64_t step_hist_low(int32_t b)
{
	if (b < EXACT_BELOW)
		return b;
	int shift = b / SUB - 1;
	return (int64_t)(b % SUB + SUB) << shift;
}

/* Add count durations summing to sum into bucket b (count may be negative: taking away). */
static akses_status put(struct step_hist *h, int32_t b, int64_t count, int64_t sum)
{
	if (b >= h->cap) {
		int cap = h->cap ? h->cap : 512;
		while (cap <= b)
			cap *= 2;
		void *p = realloc(h->bin, (size_t)cap * sizeof *h->bin);
		if (!p)
			return AKSES_E_NOMEM;
		h->bin = p;
		memset(&h->bin[h->cap], 0, (size_t)(cap - h->cap) * sizeof *h->bin);
		h->cap = cap;
	}
	h->bin[b][0] += count;
	h->bin[b][1] += sum;
	if (b >= h->n)
		h->n = b + 1;
	h->count += count;
	return AKSES_OK;
}

/* A decimal number without sign at *p (strtoll's locale and errno handling cost most of a
 * report's time); false when there is none or it would overflow. */
static bool digits(const char **p, int64_t *v)
{
	const char *q = *p;
	int64_t x = 0;
	while (*q >= '0' && *q <= '9') {
		if (x > (INT64_MAX - 9) / 10)
			return false;
		x = x * 10 + (*q++ - '0');
	}
	if (q == *p)
		return false;
	*p = q;
	*v = x;
	return true;
}

akses_status step_hist_add(struct step_hist *h, int64_t d)
{
	return put(h, step_hist_bucket(d), 1, d);
}

akses_status step_hist_merge(struct step_hist *h, const char *text, int sign)
{
	const char *p = text ? text : "";
	int64_t b = -1; /* the previous entry's bucket */
	while (*p) {
		int64_t c, x = 0;
		if (!digits(&p, &c))
			return AKSES_E_IO;
		if (*p == ':') { /* that was the bucket, the count follows */
			p++;
			b = c;
			if (!digits(&p, &c))
				return AKSES_E_IO;
		} else {
			b++;
		}
		if (*p == '+' && (p++, !digits(&p, &x)))
			return AKSES_E_IO;
		if (*p == ';')
			p++;
		else if (*p)
			return AKSES_E_IO;
		if (b > step_hist_bucket(INT64_MAX))
			return AKSES_E_IO;
		int64_t sum = c * step_hist_low((int32_t)b) + x;
		akses_status rc = put(h, (int32_t)b, sign * c, sign * sum);
		if (rc != AKSES_OK)
			return rc;
	}
	return AKSES_OK;
}

char *step_hist_format(const struct step_hist *h)
{
	size_t cap = 64, len = 0;
	for (int b = 0; b < h->n; b++)
		cap += h->bin[b][0] > 0 ? 64 : 0;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	int32_t prev = -1;
	for (int32_t b = 0; b < h->n; b++) {
		int64_t count = h->bin[b][0];
		if (count <= 0)
			continue;
		if (len)
			out[len++] = ';';
		if (b != prev + 1)
			len += (size_t)snprintf(out + len, cap - len, "%" PRId32 ":", b);
		len += (size_t)snprintf(out + len, cap - len, "%" PRId64, count);
		int64_t extra = h->bin[b][1] - count * step_hist_low(b);
		if (extra)
			len += (size_t)snprintf(out + len, cap - len, "+%" PRId64, extra);
		prev = b;
	}
	out[len] = '\0';
	return out;
}

double step_hist_rank(const struct step_hist *h, int64_t k)
{
	int64_t seen = 0;
	for (int b = 0; b < h->n; b++) {
		int64_t count = h->bin[b][0];
		if (count <= 0)
			continue;
		seen += count;
		if (seen >= k)
			return (double)h->bin[b][1] / (double)count;
	}
	return 0;
}

void step_hist_clear(struct step_hist *h)
{
	if (h->n > 0)
		memset(h->bin, 0, (size_t)h->n * sizeof *h->bin);
	h->n = 0;
	h->count = 0;
}

void step_hist_free(struct step_hist *h)
{
	free(h->bin);
	memset(h, 0, sizeof *h);
}
