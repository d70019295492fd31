/* notify.h - akses-notify's library: delivers the store's outbox (store_outbox.c) by SMTP mail
 * (libcurl) and by the agency's notify_command (the event as JSON on stdin), one round at a time.
 * Returns statuses and counts; never prints or exits (notify_main.c does). */
#ifndef AKSES_NOTIFY_H
#define AKSES_NOTIFY_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "status.h"
#include "store.h"

#define NOTIFY_DOMAIN "akses-notify"
#define M_(s) dgettext(NOTIFY_DOMAIN, s) /* the mails' text (assets/po/akses-notify) */

/* What one round did. */
struct notify_counts {
	int reminders; /* reminder events written for overdue steps */
	int events;    /* events looked at */
	int mail_sent, mail_failed, mail_skipped;
	int cmd_sent, cmd_failed, cmd_skipped;
	char last_error[256]; /* the last failure's text, for the log (no personal data) */
	char smtp_down[256];  /* set when the SMTP server could not be reached this round */
};

/* One round at now: write reminders for overdue steps, then deliver every event with a channel
 * due (at most `limit`), recording each attempt. A failed delivery is recorded and waits for its
 * backoff; only a store failure ends the round early (returned). */
akses_status notify_round(store *st, const struct akses_config *cfg, int64_t now, int limit,
                          struct notify_counts *out);

/* ---- the parts, each in its own file -------------------------------------------------------- */

/* notify_mail.c: the whole RFC 5322 message (headers, CRLF lines) for event e to the n addresses
 * to[]: Indonesian first with each line in English under it. malloc'd; NULL when out of memory. */
char *notify_mail_text(const struct akses_outbox_event *e, const struct akses_config *cfg,
                       akses_email_buf *to, int n, int64_t now);

/* notify_json.c: the event as one line of JSON for notify_command (malloc'd, or NULL). */
char *notify_event_json(const struct akses_outbox_event *e, const struct akses_config *cfg);

/* notify_smtp.c: send text from cfg's sender to the n addresses over cfg's smtp_url. 0 when the
 * server accepted it; -1 with err filled otherwise, -2 when the server could not be reached. */
int notify_smtp_send(const struct akses_config *cfg, akses_email_buf *to, int n, const char *text,
                     char *err, size_t errn);

/* notify_cmd.c: run cfg's notify_command through /bin/sh with input on its stdin, killed after
 * command_timeout seconds. 0 when it exited 0; -1 with err filled otherwise. */
int notify_cmd_run(const struct akses_config *cfg, const char *input, char *err, size_t errn);

#endif
