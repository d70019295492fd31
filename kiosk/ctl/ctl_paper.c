/* ctl_paper.c - how aksesctl reports a print (a document, a staff card): the same words and the
 * same JSON for every command that prints through kiosk/paper. */
#include <stdio.h>

#include "ctl.h"
#include "paper.h"
#include "wf.h"

int ctl_paper_report(struct ctl *c, akses_status st, const struct paper_result *res,
                     const char *pdf, const char *key, cJSON *ident)
{
	const char *message = res->message[0] ? res->message : akses_status_message(st);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddBoolToObject(o, "ok", st == AKSES_OK);
		if (ident)
			cJSON_AddItemToObject(o, key, ident);
		if (pdf) {
			cJSON_AddStringToObject(o, "pdf", pdf);
		} else {
			cJSON_AddStringToObject(o, "queue", res->queue);
			cJSON_AddNumberToObject(o, "cups_job_id", res->cups_job_id);
			cJSON_AddStringToObject(o, "state", wf_job_state_code(res->state));
		}
		cJSON_AddStringToObject(o, "message", message);
		ctl_json_print(o);
		return st == AKSES_OK ? CTL_EXIT_OK : CTL_EXIT_FAIL;
	}
	cJSON_Delete(ident);
	if (res->unrecorded)
		fprintf(stderr, "aksesctl: %s\n",
		        T_("warning: the disk could not take this print's record; printed anyway"));
	if (st == AKSES_E_PRINT)
		return ctl_fail_text("%s", res->message);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (pdf)
		printf("%s\n", res->message);
	else
		printf(T_("job %d on %s: %s (%s)\n"), res->cups_job_id, res->queue,
		       wf_job_state_label(res->state), res->message);
	return CTL_EXIT_OK;
}
