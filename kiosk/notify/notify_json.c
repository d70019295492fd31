/* notify_json.c - one event as the JSON a notify_command reads on stdin: what the mail says, in
 * both languages, and nothing personal (no name, NIK, phone or address: the gateway maps the
 * recipient role to its own contacts). */
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "clock.h"
#include "i18n.h"
#include "notify_int.h"
#include "wf.h"

/* A text in Indonesian and English: {"id": ..., "en": ...}; fn reads the current language. */
static void json_both(cJSON *o, const char *key, const struct akses_outbox_event *e,
                      const char *(*fn)(const struct akses_outbox_event *))
{
	cJSON *t = cJSON_AddObjectToObject(o, key);
	i18n_set_lang("id");
	cJSON_AddStringToObject(t, "id", fn(e));
	i18n_set_lang("en");
	cJSON_AddStringToObject(t, "en", fn(e));
}

/* notify_headline without a caller's buffer, for json_both. */
static const char *json_headline(const struct akses_outbox_event *e)
{
	static char buf[160];
	return notify_headline(e, buf, sizeof buf);
}

char *notify_event_json(const struct akses_outbox_event *e, const struct akses_config *cfg)
{
	char keep[8], buf[64], link[400];
	snprintf(keep, sizeof keep, "%s", i18n_lang());
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	cJSON_AddNumberToObject(o, "event_id", (double)e->id);
	cJSON_AddStringToObject(o, "kind", e->kind);
	cJSON_AddStringToObject(o, "created_at", clock_format(e->created_at, buf, sizeof buf));
	cJSON_AddStringToObject(o, "request", e->number);
	cJSON_AddNumberToObject(o, "request_id", (double)e->request_id);
	cJSON_AddStringToObject(o, "institution", e->institution);
	cJSON_AddNumberToObject(o, "step", e->step);
	cJSON_AddStringToObject(o, "recipient",
	                        e->role == ROLE_NONE ? "APPLICANT" : wf_role_code(e->role));
	cJSON_AddStringToObject(o, "state", wf_state_code(e->state));
	json_both(o, "headline", e, json_headline);
	if (e->role != ROLE_NONE) {
		json_both(o, "step_name", e, notify_step_name);
		cJSON_AddNumberToObject(o, "standard_s", e->standard_s);
		cJSON_AddStringToObject(o, "due_at", clock_format(e->due_at, buf, sizeof buf));
		notify_link(cfg, e, link, sizeof link);
		cJSON_AddStringToObject(o, "url", link);
	}
	if (*e->reason)
		cJSON_AddStringToObject(o, "reason", e->reason);
	i18n_set_lang(keep);
	char *text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return text;
}
