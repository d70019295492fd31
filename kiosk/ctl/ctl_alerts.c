/* ctl_alerts.c - `aksesctl signin alerts`: the accounts someone typed wrong PINs for in the last
 * 24 hours, with the ones past the alert budget marked, for Helpdesk and ADMIN. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "clock.h"
#include "ctl.h"
#include "wf.h"

static const char *const help =
    N_("Usage: aksesctl signin alerts --as ID\n"
       "\n"
       "HELPDESK or ADMIN: accounts with wrong PINs in the last 24 hours, most first, with the\n"
       "number of stations they were typed at and the last one. ALERT marks an account with 20\n"
       "or more (someone is guessing its PIN: talk to its owner, reset the PIN or disable it).\n"
       "Staff 0 stands for numbers that name no account (never stored as typed).\n");

/* 'ctl_signin_alerts()' - Do `signin alerts`: argv[0] is "alerts". */
int ctl_signin_alerts(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "signin alerts", T_(help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	struct akses_signin_alert *list = NULL;
	int n = 0;
	akses_status st = store_signin_alerts(c->st, c->actor.id, &list, &n);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *a = cJSON_CreateArray();
		for (int i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "staff_id", (double)list[i].staff_id);
			cJSON_AddStringToObject(o, "name", list[i].name);
			cJSON_AddStringToObject(o, "role", wf_role_code(list[i].role));
			cJSON_AddNumberToObject(o, "wrong_pins", list[i].failures);
			cJSON_AddNumberToObject(o, "stations", list[i].stations);
			cJSON_AddItemToObject(o, "last", ctl_json_time(list[i].last_at));
			cJSON_AddBoolToObject(o, "alert", list[i].alert);
			cJSON_AddItemToArray(a, o);
		}
		free(list);
		return ctl_json_print(a);
	}
	if (n == 0)
		puts(T_("No wrong PINs in the last 24 hours."));
	else {
		printf("%-5s ", T_("ID"));
		ctl_pad(stdout, T_("NAME"), 30);
		ctl_pad(stdout, T_("WRONG PINS"), 11);
		ctl_pad(stdout, T_("STATIONS"), 9);
		printf("%s\n", T_("LAST"));
	}
	for (int i = 0; i < n; i++) {
		char when[32], num[16];
		clock_format(list[i].last_at, when, sizeof when);
		printf("%-5" PRId64 " ", list[i].staff_id);
		ctl_pad(stdout, list[i].staff_id > 0 ? list[i].name : T_("(unknown number)"), 30);
		snprintf(num, sizeof num, "%d", list[i].failures);
		ctl_pad(stdout, num, 11);
		snprintf(num, sizeof num, "%d", list[i].stations);
		ctl_pad(stdout, num, 9);
		printf("%s%s\n", when, list[i].alert ? T_("  ALERT") : "");
	}
	free(list);
	return CTL_EXIT_OK;
}
