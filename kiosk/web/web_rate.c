/* web_rate.c - a per-address limit on sign-in tries, in front of the store's own per-account
 * backoff: one machine on the LAN cannot hammer Argon2id (which the one server thread runs) or
 * walk through staff numbers. */
#include <stdio.h>
#include <string.h>

#include "web.h"

#define RATE_SLOTS 128
#define RATE_WINDOW_S 60 /* tries are counted per address in a minute */
#define RATE_MAX 20      /* sign-in tries an address may make in that minute */

static struct {
	char ip[64];
	int64_t window_start;
	int tries;
} slots[RATE_SLOTS];

bool web_rate_allow(const char *ip, int64_t now)
{
	int free_i = -1, oldest = 0;
	for (int i = 0; i < RATE_SLOTS; i++) {
		if (slots[i].ip[0] && !strcmp(slots[i].ip, ip)) {
			if (now - slots[i].window_start >= RATE_WINDOW_S) {
				slots[i].window_start = now;
				slots[i].tries = 0;
			}
			if (slots[i].tries >= RATE_MAX)
				return false;
			slots[i].tries++;
			return true;
		}
		if (!slots[i].ip[0] && free_i < 0)
			free_i = i;
		if (slots[i].window_start < slots[oldest].window_start)
			oldest = i;
	}
	int i = free_i >= 0 ? free_i : oldest;
	snprintf(slots[i].ip, sizeof slots[i].ip, "%s", ip);
	slots[i].window_start = now;
	slots[i].tries = 1;
	return true;
}
