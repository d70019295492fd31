/* ctl_attacks.c - `aksesctl request attacks`: the requests someone is guessing the phone digits
 * of (number + digits tries at the kiosks or by `request cancel --phone-digits`), for Helpdesk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "ctl.h"

static const char *const attacks_help =
    N_("Usage: aksesctl request attacks --as ID\n"
       "\n"
       "Requests with 3 or more wrong request number + phone digits tries in the last 24 hours\n"
       "(status lookups and cancels), latest first: how many, from how many stations, the\n"
       "latest, and until when the number + digits stay refused. HELPDESK, KOORDINATOR or\n"
       "ADMIN. The visitor can still scan the receipt, or be helped at the desk.\n");

/* 'ctl_request_attacks()' - Do `request attacks`: list the requests under attack. */
int ctl_request_attacks(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "request attacks", T_(attacks_help), opts, NULL, 0, 0,
	                  NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	struct akses_lookup_attack *list = NULL;
	int n = 0;
	akses_status st = store_lookup_attacks(c->st, c->actor.id, &list, &n);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *a = cJSON_CreateArray();
		for (int i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "number", list[i].number);
			cJSON_AddNumberToObject(o, "failures", list[i].failures);
			cJSON_AddNumberToObject(o, "stations", list[i].stations);
			cJSON_AddItemToObject(o, "last_at", ctl_json_time(list[i].last_at));
			cJSON_AddItemToObject(o, "refused_until",
			                      list[i].wait_until ? ctl_json_time(list[i].wait_until)
			                                         : cJSON_CreateNull());
			cJSON_AddItemToArray(a, o);
		}
		free(list);
		return ctl_json_print(a);
	}
	if (n == 0) {
		puts(T_("No request under attack."));
		free(list);
		return CTL_EXIT_OK;
	}
	ctl_pad(stdout, T_("NUMBER"), 19);
	ctl_pad(stdout, T_("WRONG"), 7);
	ctl_pad(stdout, T_("STATIONS"), 10);
	ctl_pad(stdout, T_("LATEST"), 18);
	printf("%s\n", T_("REFUSED UNTIL"));
	for (int i = 0; i < n; i++) {
		char num[16], last[32], until[32];
		ctl_pad(stdout, list[i].number, 19);
		snprintf(num, sizeof num, "%d", list[i].failures);
		ctl_pad(stdout, num, 7);
		snprintf(num, sizeof num, "%d", list[i].stations);
		ctl_pad(stdout, num, 10);
		ctl_pad(stdout, clock_format(list[i].last_at, last, sizeof last), 18);
		puts(list[i].wait_until ? clock_format(list[i].wait_until, until, sizeof until)
		                        : "-");
	}
	free(list);
	return CTL_EXIT_OK;
}
