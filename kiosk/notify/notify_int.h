/* notify_int.h - what the notify_*.c files share: the texts of an event in the current language
 * (notify_text.c). Not for use outside kiosk/notify. */
#ifndef AKSES_NOTIFY_INT_H
#define AKSES_NOTIFY_INT_H

#include <stddef.h>

#include "notify.h"

/* The event's headline ("Step 2 waits for you") into buf; returns buf. */
const char *notify_headline(const struct akses_outbox_event *e, char *buf, size_t n);
/* What the reader does next (the applicant's mails; staff: open the console). */
const char *notify_next_move(const struct akses_outbox_event *e);
/* The name of the state the event was written in, i.e. what waits ("Awaiting Kadis ..."). */
const char *notify_step_name(const struct akses_outbox_event *e);

/* The console's link to the event's request into buf ("" when [web] url is not set). */
void notify_link(const struct akses_config *cfg, const struct akses_outbox_event *e, char *buf,
                 size_t n);

#endif
