/* ctl_staff_email.c - `aksesctl staff email STAFF_ID --email ADDRESS --as ID`: the address at which
 * akses-notify tells a staff member of the steps waiting for their role ("" clears it). */
#include <stdio.h>

#include "ctl.h"
#include "valid.h"

/* 'ctl_staff_email()' - Set or clear a staff member's notice address (ADMIN, or oneself). */
int ctl_staff_email(struct ctl *c, int argc, char **argv, const char *help)
{
	const char *as = NULL, *email = NULL, *pos[1];
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "email", .kind = CTL_OPT_VALUE, .value = &email},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "staff", help, opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	int64_t target;
	if (ctl_parse_id(pos[0], &target) != 0)
		return ctl_usage(T_("STAFF_ID must be a number, not '%s'"), pos[0]);
	if (!email)
		return ctl_usage(T_("--email is required (\"\" clears the address)"));
	akses_status st = valid_email(email);
	if (st != AKSES_OK)
		return ctl_fail_field(c, st, AKSES_F_EMAIL, 0);
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	if ((st = store_staff_set_email(c->st, c->actor.id, target, email)) != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)target);
		cJSON_AddStringToObject(o, "email", email);
		return ctl_json_print(o);
	}
	if (*email)
		printf(T_("Staff %lld will be notified at %s.\n"), (long long)target, email);
	else
		printf(T_("Staff %lld has no notice address any more.\n"), (long long)target);
	return CTL_EXIT_OK;
}
