/* i18n.c - gettext set-up and the Indonesian/English switch. The machine has no generated
 * locales, so the program runs in C.UTF-8 and picks the language through $LANGUAGE. */
#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef AKSES_LOCALEDIR_BUILD
#define AKSES_LOCALEDIR_BUILD "locale"
#endif

/* GNU gettext caches translations; bumping this counter makes it look them up again after
 * $LANGUAGE changes (the documented way, see the gettext manual, "Being a gettext grok"). */
extern int _nl_msg_cat_cntr;

static char i18n_dir[512] = AKSES_LOCALEDIR_BUILD;
static char i18n_cur[8] = "id";

void i18n_bind(const char *domain)
{
	if (!domain)
		return;
	bindtextdomain(domain, i18n_dir);
	bind_textdomain_codeset(domain, "UTF-8");
}

int i18n_init(const char *localedir, const char *lang)
{
	const char *dir = localedir;
	if (!dir || !*dir)
		dir = getenv("AKSES_LOCALEDIR");
	if (!dir || !*dir)
		dir = AKSES_LOCALEDIR_BUILD;
	snprintf(i18n_dir, sizeof i18n_dir, "%s", dir);
	/* glibc ignores $LANGUAGE in the plain "C" locale, but honours it in C.UTF-8, which every
	 * glibc since 2.35 has built in; it also makes the messages come out as UTF-8. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	i18n_bind(AKSES_CORE_DOMAIN);
	return i18n_set_lang(lang ? lang : "id");
}

int i18n_set_lang(const char *lang)
{
	int rc = 0;
	if (lang && strcmp(lang, "en") == 0) {
		strcpy(i18n_cur, "en");
	} else {
		if (!lang || strcmp(lang, "id") != 0)
			rc = -1;
		strcpy(i18n_cur, "id");
	}
	/* English is the msgids themselves: there is no en catalog, so gettext returns them. */
	setenv("LANGUAGE", i18n_cur, 1);
	++_nl_msg_cat_cntr;
	return rc;
}

const char *i18n_lang(void)
{
	return i18n_cur;
}
