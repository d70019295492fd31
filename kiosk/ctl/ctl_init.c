/* ctl_init.c - `aksesctl init --admin NAME`: create the database and its first ADMIN account. */
#include <stdio.h>
#include <string.h>

#include "ctl.h"

static const char *const help =
    N_("Usage: aksesctl init --admin NAME\n"
       "\n"
       "Create the database (mode 0600) and its first account, an ADMIN named NAME. The PIN (4-8\n"
       "digits) comes from $AKSES_PIN, else the first line of standard input. Refused when the\n"
       "database already has staff. Prints the new account's id on the last line.\n");

/* 'ctl_cmd_init()' - Do the init command. */
int ctl_cmd_init(struct ctl *c, int argc, char **argv)
{
	const char *admin = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "admin", .kind = CTL_OPT_VALUE, .value = &admin},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "init", T_(help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if (!admin)
		return ctl_usage(T_("--admin NAME is required"));
	c->create_db = true;
	if ((rc = ctl_open(c)) != CTL_EXIT_OK)
		return rc;
	char pin[64];
	if (!ctl_pin(pin, sizeof pin))
		return ctl_fail_text("%s",
		                     T_("no PIN given: set AKSES_PIN or write it on the first line "
		                        "of standard input"));
	int64_t id = 0;
	akses_status st = store_init_admin(c->st, admin, pin, &id);
	memset(pin, 0, sizeof pin);
	if (st == AKSES_E_PIN_FORMAT)
		return ctl_fail_field(c, st, AKSES_F_PIN, 0);
	if (akses_status_is_input(st)) /* validation: the name */
		return ctl_fail_field(c, st, AKSES_F_NAME, 0);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)id);
		cJSON_AddStringToObject(o, "role", "ADMIN");
		cJSON_AddStringToObject(o, "db", c->db_path);
		return ctl_json_print(o);
	}
	printf(T_("Database %s ready; administrator account created. Its id:\n"), c->db_path);
	printf("%lld\n", (long long)id);
	return CTL_EXIT_OK;
}
