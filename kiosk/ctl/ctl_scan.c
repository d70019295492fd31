/* ctl_scan.c - `aksesctl scan`: SOP step 7 at the door from the command line. One pass token in,
 * one decision out (ENTRY, EXIT or DENIED with its reason), recorded before it is printed. */
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "clock.h"
#include "ctl.h"
#include "door_rule.h"
#include "wf.h"

static const char *const help =
    N_("Usage: aksesctl scan TOKEN --as ID [--station NAME] [--direction in|out|auto]\n"
       "       aksesctl scan --manual REQ [--person N] --as ID [--station NAME] [--direction ...]\n"
       "\n"
       "SOP step 7: the escort (signed in with --as) scans a visitor's pass. Prints one line:\n"
       "ENTRY or EXIT with the visitor's name, institution and request number, or\n"
       "\"DENIED: reason - what to do\", or REPEAT when the same pass was read again within\n"
       "the repeat guard (nothing changes). Every scan is recorded, denied ones too. --manual:\n"
       "a badge that cannot be read; the request number and the person (0 the applicant, the\n"
       "default, 1.. a companion) instead of the token, decided the same way and recorded as\n"
       "manual. --station defaults to the config's station name; --direction to auto (entry\n"
       "when outside, exit when inside). Exit status 0 for ENTRY, EXIT and REPEAT, 3 for\n"
       "DENIED.\n");

/* 'ctl_cmd_scan()' - Do the scan command. */
int ctl_cmd_scan(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *station = NULL, *dir_s = NULL, *manual = NULL, *person_s = NULL;
	const char *pos[1] = {NULL};
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "station", .kind = CTL_OPT_VALUE, .value = &station},
	    {.name = "direction", .kind = CTL_OPT_VALUE, .value = &dir_s},
	    {.name = "manual", .kind = CTL_OPT_VALUE, .value = &manual},
	    {.name = "person", .kind = CTL_OPT_VALUE, .value = &person_s},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "scan", T_(help), opts, pos, 0, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if (!pos[0] == !manual)
		return ctl_usage(T_("give either a TOKEN or --manual REQ"));
	int person = 0;
	if (person_s) {
		char *end = NULL;
		long v = strtol(person_s, &end, 10);
		if (!manual || !*person_s || *end || v < 0 || v > AKSES_MAX_COMPANIONS)
			return ctl_usage(T_("--person must be 0 (the applicant) to 10, with --manual"));
		person = (int)v;
	}
	scan_direction dir = SCAN_DIR_AUTO;
	if (dir_s && strcmp(dir_s, "in") == 0)
		dir = SCAN_DIR_IN;
	else if (dir_s && strcmp(dir_s, "out") == 0)
		dir = SCAN_DIR_OUT;
	else if (dir_s && strcmp(dir_s, "auto") != 0)
		return ctl_usage(T_("--direction must be in, out or auto"));
	if (!station)
		station = c->cfg.station[0] ? c->cfg.station : "aksesctl";
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	struct akses_scan_result res;
	memset(&res, 0, sizeof res);
	akses_status st =
	    manual ? store_scan_manual(c->st, manual, person, c->actor.id, station, dir, &res)
	           : store_scan(c->st, pos[0], c->actor.id, station, dir, &res);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	bool denied = res.decision != SCAN_ENTRY && res.decision != SCAN_EXIT &&
	              res.decision != SCAN_REPEAT;
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "decision", wf_decision_code(res.decision));
		if (denied) {
			cJSON_AddStringToObject(o, "reason", wf_deny_code(res.reason));
			cJSON_AddStringToObject(o, "reason_label", wf_deny_label(res.reason));
			char why[512];
			cJSON_AddStringToObject(o, "explain", door_explain(&res, why, sizeof why));
		} else {
			cJSON_AddNullToObject(o, "reason");
		}
		cJSON_AddNumberToObject(o, "scan_id", (double)res.scan_id);
		cJSON_AddItemToObject(o, "at", ctl_json_time(res.at));
		cJSON_AddStringToObject(o, "station", station);
		if (res.pass_id > 0) {
			cJSON_AddNumberToObject(o, "pass_id", (double)res.pass_id);
			cJSON_AddStringToObject(o, "number", res.number);
			cJSON_AddStringToObject(o, "name", res.name);
			cJSON_AddStringToObject(o, "institution", res.institution);
		}
		cJSON_AddBoolToObject(o, "overstay", res.overstay);
		cJSON_AddBoolToObject(o, "manual", res.manual);
		cJSON *eq = cJSON_AddArrayToObject(o, "equipment");
		for (int i = 0; i < res.n_equipment; i++)
			cJSON_AddItemToArray(eq, cJSON_CreateString(res.equipment[i]));
		ctl_json_print(o);
	} else if (denied) {
		char why[512];
		printf("DENIED: %s", door_explain(&res, why, sizeof why));
		if (res.number[0])
			printf("  %s", res.number);
		putchar('\n');
	} else if (res.decision == SCAN_REPEAT) {
		/* a double read: neutral, the pass stays as it was */
		printf("REPEAT: %s  %s (%s)  %s\n", T_("already scanned"), res.name, res.institution,
		       res.number);
	} else {
		printf("%-6s ", wf_decision_code(res.decision));
		ctl_put(stdout, res.name);
		fputs(" (", stdout);
		ctl_put(stdout, res.institution);
		printf(")  %s", res.number);
		if (res.overstay)
			printf("  %s", T_("OVERSTAY: past the approved window"));
		if (res.manual)
			printf("  %s", T_("MANUAL (typed number)"));
		putchar('\n');
		/* what the request declared, for the escort to check going in and out */
		for (int i = 0; i < res.n_equipment; i++) {
			printf("  %s: ", T_("equipment"));
			ctl_put(stdout, res.equipment[i]);
			putchar('\n');
		}
	}
	return denied ? CTL_EXIT_DENIED : CTL_EXIT_OK;
}
