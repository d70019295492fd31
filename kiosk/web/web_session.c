/* web_session.c - the console's signed-in sessions, kept in memory only: a random id (32 bytes
 * from libsodium, hex) names each, with the staff member, role, language, a CSRF token of its own
 * and the time it was last used; idle WEB_IDLE_S ends it. */
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "web.h"

static struct web_session pool[WEB_SESSIONS_MAX];

/* 32 random bytes as 64 hex digits. */
static void web_random_hex(char out[WEB_SID_HEX + 1])
{
	unsigned char raw[WEB_SID_HEX / 2];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, WEB_SID_HEX + 1, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
}

void web_session_end(struct web_session *s)
{
	if (s)
		sodium_memzero(s, sizeof *s);
}

struct web_session *web_session_new(const struct akses_staff *st, const char *lang)
{
	struct web_session *s = NULL;
	for (int i = 0; i < WEB_SESSIONS_MAX && !s; i++)
		if (!pool[i].used)
			s = &pool[i];
	if (!s) {
		/* all in use: the one unused longest gives way */
		s = &pool[0];
		for (int i = 1; i < WEB_SESSIONS_MAX; i++)
			if (pool[i].last_seen < s->last_seen)
				s = &pool[i];
	}
	web_session_end(s);
	s->used = true;
	web_random_hex(s->sid);
	web_random_hex(s->csrf);
	s->staff_id = st->id;
	s->role = st->role;
	snprintf(s->name, sizeof s->name, "%s", st->name);
	snprintf(s->lang, sizeof s->lang, "%s", lang && !strcmp(lang, "en") ? "en" : "id");
	s->last_seen = clock_now();
	return s;
}

struct web_session *web_session_find(const char *sid, bool *expired)
{
	*expired = false;
	if (!sid || strlen(sid) != WEB_SID_HEX)
		return NULL;
	int64_t now = clock_now();
	for (int i = 0; i < WEB_SESSIONS_MAX; i++) {
		struct web_session *s = &pool[i];
		if (!s->used || sodium_memcmp(s->sid, sid, WEB_SID_HEX) != 0)
			continue;
		if (now - s->last_seen >= WEB_IDLE_S) {
			web_session_end(s);
			*expired = true;
			return NULL;
		}
		s->last_seen = now;
		return s;
	}
	return NULL;
}

bool web_session_csrf_ok(const struct web_session *s, const char *token)
{
	return s && token && strlen(token) == WEB_SID_HEX &&
	       sodium_memcmp(s->csrf, token, WEB_SID_HEX) == 0;
}

void web_session_flash(struct web_session *s, bool ok, const char *fmt, ...)
{
	if (!s)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->flash, sizeof s->flash, fmt, ap);
	va_end(ap);
	s->flash_ok = ok;
}
