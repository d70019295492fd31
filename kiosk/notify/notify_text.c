/* notify_text.c - the words of a notification in one language: its headline, the waiting step's
 * name, and the applicant's next move. Shared by the mail (both languages) and the JSON event. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "notify_int.h"
#include "wf.h"

const char *notify_headline(const struct akses_outbox_event *e, char *buf, size_t n)
{
	if (strcmp(e->kind, "step") == 0)
		snprintf(buf, n, M_("Step %d waits for you"), e->step);
	else if (strcmp(e->kind, "reminder") == 0)
		snprintf(buf, n, M_("Reminder: step %d is past its time standard"), e->step);
	else if (strcmp(e->kind, "submitted") == 0)
		snprintf(buf, n, "%s", M_("Your request was received"));
	else if (strcmp(e->kind, "approved") == 0)
		snprintf(buf, n, "%s", M_("Your request was approved"));
	else if (strcmp(e->kind, "rejected") == 0)
		snprintf(buf, n, "%s", M_("Your request was rejected"));
	else if (strcmp(e->kind, "printable") == 0)
		snprintf(buf, n, "%s", M_("Your access pass can be printed"));
	else
		snprintf(buf, n, "%s", e->kind);
	return buf;
}

const char *notify_next_move(const struct akses_outbox_event *e)
{
	if (strcmp(e->kind, "submitted") == 0)
		return M_("Keep your receipt: it shows your request's progress at the kiosk.");
	if (strcmp(e->kind, "approved") == 0)
		return M_("The reception records your visit next; you will be told when your pass "
		          "can be printed.");
	if (strcmp(e->kind, "rejected") == 0)
		return M_("You may submit a new request at the reception kiosk.");
	if (strcmp(e->kind, "printable") == 0)
		return M_("Print your pass at the reception kiosk with your receipt's QR code.");
	return M_("Open the request in the console to act on it.");
}

const char *notify_step_name(const struct akses_outbox_event *e)
{
	return wf_state_label(e->state);
}

void notify_link(const struct akses_config *cfg, const struct akses_outbox_event *e, char *buf,
                 size_t n)
{
	size_t len = strlen(cfg->web_url);
	while (len > 0 && cfg->web_url[len - 1] == '/')
		len--;
	/* the console's request page, by the request number the mail already shows (akses-web
	 * routes /request/<number>); never a name or anything personal */
	if (len == 0)
		snprintf(buf, n, "%s", "");
	else
		snprintf(buf, n, "%.*s/request/%s", (int)len, cfg->web_url, e->number);
}
