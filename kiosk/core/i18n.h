/* i18n.h - gettext set-up and the runtime language switch (Indonesian default, English).
 * Works in the C.UTF-8 locale through LANGUAGE, so no generated locales are needed. */
#ifndef AKSES_I18N_H
#define AKSES_I18N_H

#include <libintl.h>

#include "lang.h"

#define AKSES_CORE_DOMAIN "akses-core"
/* core's own messages (in a thread's pinned language when it has one: lang.h) */
#define C_(s) lang_gettext(AKSES_CORE_DOMAIN, s)
#define N_(s) (s)

/* Bind the text domains under localedir (NULL: $AKSES_LOCALEDIR, else the build's) and set the
 * language: "id" or "en". Returns 0, or -1 for an unknown language (then "id"). */
int i18n_init(const char *localedir, const char *lang);

/* Switch language at run time; strings fetched afterwards come in the new language. */
int i18n_set_lang(const char *lang);
const char *i18n_lang(void);

/* Bind another text domain (the kiosk's, aksesctl's) in the same locale directory. */
void i18n_bind(const char *domain);

#endif
