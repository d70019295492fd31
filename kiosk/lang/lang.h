/* lang.h - gettext lookups a thread can pin to one language: the paper a print worker renders in
 * a visitor's language while the screen, on another thread, stays in the session's. */
#ifndef AKSES_LANG_H
#define AKSES_LANG_H

/* msgid translated in domain: in the calling thread's pinned language when one is set ("en": the
 * msgid itself, the project's English; "id": the domain's id catalog, read from the folder the
 * domain is bound to), else through dgettext in the process's language. Never NULL. */
const char *lang_gettext(const char *domain, const char *msgid) __attribute__((format_arg(2)));

/* Pin the calling thread's lookups to lang ("id" or "en"; anything else or NULL: unpin, follow
 * the process's language). Other threads are not affected. */
void lang_thread_set(const char *lang);

/* The calling thread's pinned language, or NULL. */
const char *lang_thread(void);

#endif
