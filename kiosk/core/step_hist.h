/* step_hist.h - a histogram of step durations (seconds) for the kept compliance summary
 * (store_step_sum.c): exact below 256 s, above that HDR-style buckets of 1/128 of an octave
 * (<= 0.8 % wide), each keeping the count and the sum of its durations; stored as sparse text. */
#ifndef AKSES_STEP_HIST_H
#define AKSES_STEP_HIST_H

#include <stdint.h>

#include "status.h"

/* Dense by bucket id (a few thousand at most: 128 per octave), so adding and taking away is
 * two additions, not a search (a report merges some 4,000 bins). Zero it to start. */
struct step_hist {
	int64_t (*bin)[2]; /* [b][0]: how many durations in bucket b, [b][1]: their sum */
	int cap;           /* buckets allocated */
	int n;             /* one past the highest bucket ever touched */
	int64_t count;     /* the total of the counts */
};

/* The bucket of a duration d >= 0: d itself below 256; above, 128 * (e - 6) + the top 8 bits of
 * d (e = floor(log2 d)), so a bucket spans 2^(e-7) seconds from a lower bound >= 2^e. */
int32_t step_hist_bucket(int64_t d);
/* The smallest duration in bucket b. */
int64_t step_hist_low(int32_t b);

/* Count one more duration d (>= 0). AKSES_E_NOMEM leaves h as it was. */
akses_status step_hist_add(struct step_hist *h, int64_t d);

/* Add (sign +1) or take away (sign -1) a histogram written by step_hist_format. NULL or "" is
 * empty. AKSES_E_IO for text that is not one (nothing is then promised about h). */
akses_status step_hist_merge(struct step_hist *h, const char *text, int sign);

/* The text form, malloc'd (NULL: no memory): the bins with a count, ascending, separated by ';',
 * each "[b:]c[+x]": b its bucket, left out when it is the previous bin's + 1 (the first's: when
 * it is 0), c its count, x = sum - c * step_hist_low(b), left out when 0 (always so for the
 * exact buckets). "3:2;5;300:4+6" is 2 x 3 s, 5 x 4 s and 4 durations in bucket 300 (344-345 s)
 * summing to 4 * 344 + 6. */
char *step_hist_format(const struct step_hist *h);

/* The k-th smallest duration (1 <= k <= h->count) as the mean of its bin: exact when the bin
 * holds one distinct duration, else within the bin's width (<= 0.8 %). */
double step_hist_rank(const struct step_hist *h, int64_t k);

/* Empty h, keeping its memory for the next use. */
void step_hist_clear(struct step_hist *h);
void step_hist_free(struct step_hist *h);

#endif
