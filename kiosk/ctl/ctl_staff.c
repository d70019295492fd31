/* ctl_staff.c - `aksesctl staff add|list|disable|set-pin|code|card|email`: staff accounts (ADMIN's
 * work; anyone may change their own PIN). Staff codes and cards live in ctl_code.c, the notice
 * address in ctl_staff_email.c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "ctl.h"
#include "valid.h"
#include "wf.h"

static const char *const help =
    N_("Usage: aksesctl staff add --as ID --name NAME --role ROLE [--email ADDRESS]\n"
       "       aksesctl staff list [--role ROLE] --as ID\n"
       "       aksesctl staff disable STAFF_ID --as ID\n"
       "       aksesctl staff set-pin STAFF_ID --as ID\n"
       "       aksesctl staff code STAFF_ID --as ID [--revoke]   (a staff card's code)\n"
       "       aksesctl staff card STAFF_ID --as ID [--pdf FILE]  (print the card)\n"
       "       aksesctl staff email STAFF_ID --email ADDRESS --as ID  (\"\" clears it)\n"
       "\n"
       "Staff accounts. ROLE is one of KADIS, KABID, KOORDINATOR, TIM_TEKNIS, HELPDESK, ADMIN.\n"
       "add, disable: ADMIN only. set-pin: ADMIN, or the account itself; a PIN set by an ADMIN\n"
       "must be changed by its owner at the next sign-in. list: any staff.\n"
       "email: the address akses-notify tells of the steps waiting for the account's role;\n"
       "ADMIN, or the account itself.\n"
       "The acting PIN comes from $AKSES_PIN, else the first line of standard input; the new PIN\n"
       "(add, set-pin; 6-8 digits) from $AKSES_NEW_PIN, else the next line.\n"
       "add prints the new account's id on the last line.\n");

/* Read the new PIN for add / set-pin, or print why there is none. NULL on failure. */
static const char *new_pin(char *buf, size_t n)
{
	const char *p = ctl_new_pin(buf, n);
	if (!p)
		ctl_fail_text("%s",
		              T_("no new PIN given: set AKSES_NEW_PIN or write it on the next line "
		                 "of standard input"));
	return p;
}

/* 'staff_add()' - Add an account; prints its id last. */
static int staff_add(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *name = NULL, *role_s = NULL, *email = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "name", .kind = CTL_OPT_VALUE, .value = &name},
	    {.name = "role", .kind = CTL_OPT_VALUE, .value = &role_s},
	    {.name = "email", .kind = CTL_OPT_VALUE, .value = &email},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "staff", T_(help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if (!name || !role_s)
		return ctl_usage(T_("--name and --role are required"));
	akses_role role;
	if (wf_role_parse(role_s, &role) != 0 || role == ROLE_NONE)
		return ctl_fail(c, AKSES_E_ROLE_NAME, role_s);
	/* a bad address is refused before anything is written (the account and its address are
	 * two store calls) */
	akses_status est = email ? valid_email(email) : AKSES_OK;
	if (est != AKSES_OK)
		return ctl_fail_field(c, est, AKSES_F_EMAIL, 0);
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	/* refuse before asking for a PIN the store would refuse anyway */
	if (c->actor.role != ROLE_ADMIN)
		return ctl_fail(c, AKSES_E_ROLE, NULL);
	char pin[64];
	if (!new_pin(pin, sizeof pin))
		return CTL_EXIT_FAIL;
	int64_t id = 0;
	akses_status st = store_staff_add(c->st, c->actor.id, name, role, pin, &id);
	memset(pin, 0, sizeof pin);
	if (st == AKSES_E_PIN_FORMAT)
		return ctl_fail_field(c, st, AKSES_F_PIN, 0);
	if (akses_status_is_input(st))
		return ctl_fail_field(c, st, AKSES_F_NAME, 0);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (email && *email && (st = store_staff_set_email(c->st, c->actor.id, id, email)) != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)id);
		cJSON_AddStringToObject(o, "name", name);
		cJSON_AddStringToObject(o, "role", wf_role_code(role));
		return ctl_json_print(o);
	}
	printf(T_("Added %s (%s). Id:\n"), name, wf_role_code(role));
	printf("%" PRId64 "\n", id);
	return CTL_EXIT_OK;
}

/* 'staff_list()' - List accounts (no PINs, nothing secret), optionally of one role. */
static int staff_list(struct ctl *c, int argc, char **argv)
{
	const char *role_s = NULL, *as = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "role", .kind = CTL_OPT_VALUE, .value = &role_s},
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "staff", T_(help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	akses_role role = ROLE_NONE;
	if (role_s && (wf_role_parse(role_s, &role) != 0 || role == ROLE_NONE))
		return ctl_fail(c, AKSES_E_ROLE_NAME, role_s);
	/* who works here, in which role, and which accounts are ADMIN is for staff only */
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	struct akses_staff *list = NULL;
	int n = 0;
	akses_status st = store_staff_list(c->st, role, &list, &n);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	int64_t now = clock_now();
	if (c->json) {
		cJSON *a = cJSON_CreateArray();
		for (int i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "id", (double)list[i].id);
			cJSON_AddStringToObject(o, "name", list[i].name);
			cJSON_AddStringToObject(o, "role", wf_role_code(list[i].role));
			cJSON_AddBoolToObject(o, "active", list[i].active);
			cJSON_AddBoolToObject(o, "locked", list[i].locked_until > now);
			cJSON_AddItemToArray(a, o);
		}
		free(list);
		return ctl_json_print(a);
	}
	printf("%-5s ", T_("ID"));
	ctl_pad(stdout, T_("NAME"), 30);
	ctl_pad(stdout, T_("ROLE"), 12);
	printf("%s\n", T_("STATUS"));
	for (int i = 0; i < n; i++) {
		printf("%-5" PRId64 " ", list[i].id);
		ctl_pad(stdout, list[i].name, 30);
		ctl_pad(stdout, wf_role_code(list[i].role), 12);
		if (!list[i].active)
			puts(T_("disabled"));
		else if (list[i].locked_until > now)
			puts(T_("locked"));
		else
			puts(T_("active"));
	}
	free(list);
	return CTL_EXIT_OK;
}

/* 'staff_change()' - disable or set-pin: one positional staff id, then the acting staff. */
static int staff_change(struct ctl *c, int argc, char **argv, bool set_pin)
{
	const char *as = NULL, *pos[1];
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "staff", T_(help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	int64_t target;
	if (ctl_parse_id(pos[0], &target) != 0)
		return ctl_usage(T_("STAFF_ID must be a number, not '%s'"), pos[0]);
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	akses_status st;
	if (set_pin) {
		char pin[64];
		if (c->actor.role != ROLE_ADMIN && c->actor.id != target)
			return ctl_fail(c, AKSES_E_ROLE, NULL);
		/* a reset PIN was just changed by the sign-in itself: that was this command */
		if (c->pin_changed && c->actor.id == target) {
			printf(T_("PIN of staff %lld changed.\n"), (long long)target);
			return CTL_EXIT_OK;
		}
		if (!new_pin(pin, sizeof pin))
			return CTL_EXIT_FAIL;
		st = store_staff_set_pin(c->st, c->actor.id, target, pin);
		memset(pin, 0, sizeof pin);
		if (st == AKSES_E_PIN_FORMAT)
			return ctl_fail_field(c, st, AKSES_F_PIN, 0);
	} else {
		st = store_staff_disable(c->st, c->actor.id, target);
	}
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)target);
		cJSON_AddStringToObject(o, "done", set_pin ? "set-pin" : "disable");
		return ctl_json_print(o);
	}
	if (set_pin)
		printf(T_("PIN of staff %lld changed.\n"), (long long)target);
	else
		printf(T_("Staff %lld disabled.\n"), (long long)target);
	return CTL_EXIT_OK;
}

/* 'ctl_cmd_staff()' - Do the staff command: dispatch its sub-command. */
int ctl_cmd_staff(struct ctl *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0)
		return staff_add(c, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return staff_list(c, argc - 1, argv + 1);
	if (strcmp(sub, "disable") == 0)
		return staff_change(c, argc - 1, argv + 1, false);
	if (strcmp(sub, "set-pin") == 0)
		return staff_change(c, argc - 1, argv + 1, true);
	if (strcmp(sub, "code") == 0)
		return ctl_staff_code(c, argc - 1, argv + 1);
	if (strcmp(sub, "card") == 0)
		return ctl_staff_card(c, argc - 1, argv + 1);
	if (strcmp(sub, "email") == 0)
		return ctl_staff_email(c, argc - 1, argv + 1, T_(help));
	return ctl_no_sub(argc, argv, "staff", T_(help));
}
