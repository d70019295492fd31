/* lang.c - per-thread pinned language for gettext lookups. The process's language is $LANGUAGE,
 * one for all threads; a pinned thread reads the compiled catalog (.mo) itself instead, so that
 * switching never touches the environment another thread is reading. */
#include "lang.h"

#include <libintl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local const char *thread_lang; /* a string literal: "id" or "en" */

void lang_thread_set(const char *lang)
{
	if (lang && strcmp(lang, "en") == 0)
		thread_lang = "en";
	else if (lang && strcmp(lang, "id") == 0)
		thread_lang = "id";
	else
		thread_lang = NULL;
}

const char *lang_thread(void)
{
	return thread_lang;
}

/* ---- a compiled catalog (GNU .mo): header, then two tables of (length, offset) pairs, the
 * msgids sorted as msgfmt writes them ------------------------------------------------------ */

struct mo {
	char domain[64];
	char lang[8];
	unsigned char *buf; /* NULL: no catalog (absent or unreadable): the msgids stand */
	size_t len;
	bool swap;
	uint32_t n, orig, trans;
};

#define MO_MAX 8 /* domains a document draws on: core, paper, printer, with room to spare */
static struct mo catalogs[MO_MAX];
static int n_catalogs;
static pthread_mutex_t catalogs_lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t mo_u32(const struct mo *m, size_t off)
{
	uint32_t v;
	memcpy(&v, m->buf + off, sizeof v);
	return m->swap ? __builtin_bswap32(v) : v;
}

/* String i of the table at table (orig or trans), or NULL when it lies outside the file. */
static const char *mo_str(const struct mo *m, uint32_t table, uint32_t i)
{
	size_t at = (size_t)table + (size_t)i * 8;
	if (at + 8 > m->len)
		return NULL;
	uint32_t len = mo_u32(m, at), off = mo_u32(m, at + 4);
	if ((size_t)off + len >= m->len || m->buf[(size_t)off + len] != '\0')
		return NULL;
	return (const char *)m->buf + off;
}

static void mo_load(struct mo *m)
{
	char path[1024];
	const char *dir = bindtextdomain(m->domain, NULL);
	snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir ? dir : "", m->lang, m->domain);
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (size >= 28 && size < (64L << 20) && fseek(f, 0, SEEK_SET) == 0) {
		m->buf = malloc((size_t)size);
		if (m->buf && fread(m->buf, 1, (size_t)size, f) == (size_t)size)
			m->len = (size_t)size;
	}
	fclose(f);
	uint32_t magic = 0;
	if (m->len)
		memcpy(&magic, m->buf, sizeof magic);
	m->swap = magic == 0xde120495u;
	if (!m->len || (magic != 0x950412deu && !m->swap)) {
		free(m->buf);
		m->buf = NULL;
		m->len = 0;
		return;
	}
	m->n = mo_u32(m, 8);
	m->orig = mo_u32(m, 12);
	m->trans = mo_u32(m, 16);
}

/* The catalog of domain in lang, loaded on first use and kept for the process's life. */
static const struct mo *mo_get(const char *domain, const char *lang)
{
	struct mo *found = NULL;
	pthread_mutex_lock(&catalogs_lock);
	for (int i = 0; i < n_catalogs && !found; i++)
		if (strcmp(catalogs[i].domain, domain) == 0 && strcmp(catalogs[i].lang, lang) == 0)
			found = &catalogs[i];
	if (!found && n_catalogs < MO_MAX && strlen(domain) < sizeof catalogs[0].domain) {
		found = &catalogs[n_catalogs++];
		snprintf(found->domain, sizeof found->domain, "%s", domain);
		snprintf(found->lang, sizeof found->lang, "%s", lang);
		mo_load(found);
	}
	pthread_mutex_unlock(&catalogs_lock);
	return found;
}

/* Binary search of the sorted msgids; the translation, or NULL. */
static const char *mo_find(const struct mo *m, const char *msgid)
{
	uint32_t lo = 0, hi = m->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const char *s = mo_str(m, m->orig, mid);
		if (!s)
			return NULL;
		int c = strcmp(msgid, s);
		if (c == 0) {
			const char *t = mo_str(m, m->trans, mid);
			return t && *t ? t : NULL;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *lang_gettext(const char *domain, const char *msgid)
{
	const char *lang = thread_lang;
	if (!lang)
		return dgettext(domain, msgid);
	if (strcmp(lang, "en") == 0 || !domain || !msgid || !*msgid)
		return msgid; /* English is the msgids themselves: there is no en catalog */
	const struct mo *m = mo_get(domain, lang);
	const char *t = m && m->buf ? mo_find(m, msgid) : NULL;
	return t ? t : msgid;
}
