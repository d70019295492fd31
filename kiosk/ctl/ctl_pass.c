/* ctl_pass.c - `aksesctl pass list|revoke`: a request's passes (one per person), handing out fresh
 * tokens to staff who print or deliver them, and revoking a pass. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "ctl.h"
#include "wf.h"

static const char *const help =
    N_("Usage: aksesctl pass list REQ --as ID [--tokens]\n"
       "       aksesctl pass revoke PASS_ID --as ID [--reason T]\n"
       "\n"
       "list      the request's passes: id, person (0 = applicant), name, issued, revoked,\n"
       "          inside, print state.\n"
       "--tokens  KOORDINATOR and HELPDESK only. The database keeps only hashes of tokens, so\n"
       "          this ISSUES A FRESH TOKEN for every pass and prints it: any badge printed\n"
       "          earlier for these passes stops working. Recorded as a reprint.\n"
       "revoke    KOORDINATOR or KABID: the pass stops opening the door at once.\n");

static const char *yes_no(bool b)
{
	return b ? T_("yes") : T_("no");
}

/* The passes as a table or JSON; with tokens (may be NULL) a token column. */
static int print_passes(struct ctl *c, const struct akses_pass *p, int n,
                        char (*tokens)[AKSES_TOKEN_BUF], const akses_status *tok_st)
{
	if (c->json) {
		cJSON *a = cJSON_CreateArray();
		for (int i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "id", (double)p[i].id);
			cJSON_AddStringToObject(o, "number", p[i].number);
			cJSON_AddNumberToObject(o, "person", p[i].person);
			cJSON_AddStringToObject(o, "name", p[i].name);
			cJSON_AddBoolToObject(o, "issued",
			                      p[i].issued || (tokens && tok_st[i] == AKSES_OK));
			cJSON_AddBoolToObject(o, "revoked", p[i].revoked);
			cJSON_AddBoolToObject(o, "inside", p[i].inside);
			cJSON_AddStringToObject(o, "print", wf_print_state_code(p[i].print));
			cJSON_AddNumberToObject(o, "print_count", p[i].print_count);
			cJSON_AddItemToObject(o, "valid_from", ctl_json_time(p[i].valid_from));
			cJSON_AddItemToObject(o, "valid_until", ctl_json_time(p[i].end_at));
			if (tokens && tok_st[i] == AKSES_OK)
				cJSON_AddStringToObject(o, "token", tokens[i]);
			else if (tokens)
				cJSON_AddStringToObject(o, "token_error",
				                        akses_status_message(tok_st[i]));
			cJSON_AddItemToArray(a, o);
		}
		return ctl_json_print(a);
	}
	printf("%-6s %-6s ", T_("ID"), T_("PERSON"));
	ctl_pad(stdout, T_("NAME"), 26);
	if (tokens) {
		printf("%s\n", T_("TOKEN"));
	} else {
		ctl_pad(stdout, T_("ISSUED"), 8);
		ctl_pad(stdout, T_("REVOKED"), 8);
		ctl_pad(stdout, T_("INSIDE"), 8);
		printf("%s\n", T_("PRINT"));
	}
	for (int i = 0; i < n; i++) {
		printf("%-6" PRId64 " %-6d ", p[i].id, p[i].person);
		ctl_pad(stdout, p[i].name, 26);
		if (tokens) {
			printf("%s\n",
			       tok_st[i] == AKSES_OK ? tokens[i] : akses_status_message(tok_st[i]));
			continue;
		}
		ctl_pad(stdout, yes_no(p[i].issued), 8);
		ctl_pad(stdout, yes_no(p[i].revoked), 8);
		ctl_pad(stdout, yes_no(p[i].inside), 8);
		printf("%s\n", wf_print_state_label(p[i].print));
	}
	return CTL_EXIT_OK;
}

/* 'pass_list()' - List a request's passes; with --tokens issue and print fresh tokens. */
static int pass_list(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *pos[1];
	bool tokens = false;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "tokens", .kind = CTL_OPT_FLAG, .flag = &tokens},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "pass list", T_(help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	char number[AKSES_NUMBER_BUF];
	if ((rc = ctl_number(c, pos[0], number)) != CTL_EXIT_OK)
		return rc;
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	/* refuse before touching any pass, so no one else's badge is invalidated by a refusal */
	if (tokens && c->actor.role != ROLE_KOORDINATOR && c->actor.role != ROLE_HELPDESK)
		return ctl_fail(c, AKSES_E_ROLE, NULL);
	struct akses_pass *p = NULL;
	int n = 0;
	akses_status st = store_pass_list(c->st, number, &p, &n);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (!tokens) {
		rc = print_passes(c, p, n, NULL, NULL);
		free(p);
		return rc;
	}
	char(*tok)[AKSES_TOKEN_BUF] = calloc((size_t)n + 1, sizeof *tok);
	akses_status *tok_st = calloc((size_t)n + 1, sizeof *tok_st);
	if (!tok || !tok_st) {
		free(tok);
		free(tok_st);
		free(p);
		return ctl_fail(c, AKSES_E_NOMEM, NULL);
	}
	/* one transaction: either every printable pass gets its new token and they are all shown,
	 * or none does and every badge printed earlier keeps working */
	int64_t *ids = calloc((size_t)n + 1, sizeof *ids);
	for (int i = 0; ids && i < n; i++)
		ids[i] = p[i].id;
	st = ids ? store_pass_token_all(c->st, ids, n, c->actor.id, "handed out via aksesctl", tok,
	                                tok_st)
	         : AKSES_E_NOMEM;
	free(ids);
	if (st != AKSES_OK) {
		rc = ctl_fail(c, st, NULL);
	} else {
		fprintf(stderr, "aksesctl: %s\n",
		        T_("warning: fresh tokens issued; badges printed earlier for these passes no "
		           "longer work"));
		rc = print_passes(c, p, n, tok, tok_st);
	}
	memset(tok, 0, ((size_t)n + 1) * sizeof *tok);
	free(tok);
	free(tok_st);
	free(p);
	return rc;
}

/* 'pass_revoke()' - Revoke one pass (KOORDINATOR or KABID). */
static int pass_revoke(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *reason = NULL, *pos[1];
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "reason", .kind = CTL_OPT_VALUE, .value = &reason},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "pass revoke", T_(help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	int64_t id;
	if (ctl_parse_id(pos[0], &id) != 0)
		return ctl_usage(T_("PASS_ID must be a number, not '%s'"), pos[0]);
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	akses_status st = store_pass_revoke(c->st, id, c->actor.id, reason);
	if (akses_status_is_input(st))
		return ctl_fail_field(c, st, AKSES_F_NOTE, 0);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)id);
		cJSON_AddBoolToObject(o, "revoked", true);
		return ctl_json_print(o);
	}
	printf(T_("Pass %lld revoked.\n"), (long long)id);
	return CTL_EXIT_OK;
}

/* 'ctl_cmd_pass()' - Do the pass command: dispatch its sub-command. */
int ctl_cmd_pass(struct ctl *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "list") == 0)
		return pass_list(c, argc - 1, argv + 1);
	if (strcmp(sub, "revoke") == 0)
		return pass_revoke(c, argc - 1, argv + 1);
	return ctl_no_sub(argc, argv, "pass", T_(help));
}
