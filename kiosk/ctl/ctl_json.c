/* ctl_json.c - the --json side of aksesctl's output: printing one value, local times as ISO 8601,
 * and the request summary every list shares. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ctl.h"
#include "wf.h"

int ctl_json_print(cJSON *v)
{
	if (!v)
		return ctl_fail(NULL, AKSES_E_NOMEM, NULL);
	char *text = cJSON_PrintUnformatted(v);
	cJSON_Delete(v);
	if (!text)
		return ctl_fail(NULL, AKSES_E_NOMEM, NULL);
	ctl_json_put(stdout, text);
	putchar('\n');
	cJSON_free(text);
	return CTL_EXIT_OK;
}

cJSON *ctl_json_time(int64_t t)
{
	if (t <= 0)
		return cJSON_CreateNull();
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[40], off[8];
	if (!localtime_r(&tt, &tm))
		return cJSON_CreateNull();
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(off, sizeof off, "%z", &tm); /* "+0700" -> "+07:00" */
	char full[48];
	if (off[0] && off[1] && off[2] && off[3] && off[4])
		snprintf(full, sizeof full, "%s%.3s:%.2s", buf, off, off + 3);
	else
		snprintf(full, sizeof full, "%s", buf);
	return cJSON_CreateString(full);
}

cJSON *ctl_json_summary(const struct akses_request_summary *r, int64_t now)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	cJSON_AddStringToObject(o, "number", r->number);
	cJSON_AddStringToObject(o, "state", wf_state_code(r->state));
	cJSON_AddNumberToObject(o, "last_step", r->last_step);
	cJSON_AddStringToObject(o, "name", r->name);
	cJSON_AddStringToObject(o, "institution", r->institution);
	cJSON_AddItemToObject(o, "start", ctl_json_time(r->start_at));
	cJSON_AddItemToObject(o, "end", ctl_json_time(r->end_at));
	cJSON_AddItemToObject(o, "waiting_since", ctl_json_time(r->waiting_since));
	if (r->next_step > 0)
		cJSON_AddNumberToObject(o, "next_step", r->next_step);
	else
		cJSON_AddNullToObject(o, "next_step");
	cJSON_AddItemToObject(o, "due", ctl_json_time(r->due_at));
	cJSON_AddBoolToObject(o, "overdue", r->due_at > 0 && now > r->due_at);
	return o;
}
