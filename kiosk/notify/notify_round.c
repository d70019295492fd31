/* notify_round.c - one round of akses-notify: reminders for overdue steps, then each due event
 * delivered on each channel still pending, every attempt recorded. A channel that is not
 * configured, or a mail with nobody to go to, is closed as skipped rather than retried forever. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify.h"

/* Record one attempt and count it. */
static akses_status round_record(store *st, struct notify_counts *c, int64_t id, store_channel ch,
                                 store_attempt r, const char *err, int64_t now)
{
	int *count[2][3] = {{&c->mail_sent, &c->mail_failed, &c->mail_skipped},
	                    {&c->cmd_sent, &c->cmd_failed, &c->cmd_skipped}};
	(*count[ch][r])++;
	if (r == STORE_ATT_FAILED && err)
		snprintf(c->last_error, sizeof c->last_error, "%s", err);
	return store_outbox_attempt(st, id, ch, r, err, now);
}

/* The mail channel of one event. */
static akses_status round_mail(store *st, const struct akses_config *cfg,
                               const struct akses_outbox_event *e, int64_t now,
                               struct notify_counts *c)
{
	if (!*cfg->smtp_url)
		return round_record(st, c, e->id, STORE_CH_MAIL, STORE_ATT_SKIPPED, "no smtp_url",
		                    now);
	akses_email_buf *to = NULL;
	int n = 0;
	akses_status rc = store_outbox_recipients(st, e->id, &to, &n);
	if (rc != AKSES_OK)
		return rc;
	if (n == 0) {
		/* nobody of that role has an address (or the applicant gave none) */
		return round_record(st, c, e->id, STORE_CH_MAIL, STORE_ATT_SKIPPED, "no recipient",
		                    now);
	}
	char err[256] = "";
	int ok = -1;
	if (*c->smtp_down) {
		/* one unreachable server per round is enough: the rest wait for their next try */
		snprintf(err, sizeof err, "%s", c->smtp_down);
	} else {
		char *text = notify_mail_text(e, cfg, to, n, now);
		ok = text ? notify_smtp_send(cfg, to, n, text, err, sizeof err) : -1;
		if (!text)
			snprintf(err, sizeof err, "out of memory");
		if (ok == -2)
			snprintf(c->smtp_down, sizeof c->smtp_down, "%s", err);
		free(text);
	}
	free(to);
	return round_record(st, c, e->id, STORE_CH_MAIL,
	                    ok == 0 ? STORE_ATT_SENT : STORE_ATT_FAILED, err, now);
}

/* The notify_command channel of one event. */
static akses_status round_cmd(store *st, const struct akses_config *cfg,
                              const struct akses_outbox_event *e, int64_t now,
                              struct notify_counts *c)
{
	if (!*cfg->notify_command)
		return round_record(st, c, e->id, STORE_CH_CMD, STORE_ATT_SKIPPED,
		                    "no notify_command", now);
	char err[256] = "";
	char *json = notify_event_json(e, cfg);
	int ok = json ? notify_cmd_run(cfg, json, err, sizeof err) : -1;
	if (!json)
		snprintf(err, sizeof err, "out of memory");
	free(json);
	return round_record(st, c, e->id, STORE_CH_CMD, ok == 0 ? STORE_ATT_SENT : STORE_ATT_FAILED,
	                    err, now);
}

akses_status notify_round(store *st, const struct akses_config *cfg, int64_t now, int limit,
                          struct notify_counts *out)
{
	if (!st || !cfg || !out)
		return AKSES_E_INVALID_ARG;
	memset(out, 0, sizeof *out);
	akses_status rc = store_outbox_remind(st, now, &out->reminders);
	if (rc != AKSES_OK)
		return rc;
	struct akses_outbox_event *ev = NULL;
	int n = 0;
	if ((rc = store_outbox_due(st, now, limit, &ev, &n)) != AKSES_OK)
		return rc;
	for (int i = 0; i < n && rc == AKSES_OK; i++) {
		out->events++;
		if (ev[i].mail_due)
			rc = round_mail(st, cfg, &ev[i], now, out);
		if (rc == AKSES_OK && ev[i].cmd_due)
			rc = round_cmd(st, cfg, &ev[i], now, out);
	}
	free(ev);
	return rc;
}
