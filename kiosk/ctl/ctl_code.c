/* ctl_code.c - staff codes from the command line: `aksesctl staff code` issues or revokes the code
 * on a staff member's card, `staff card` prints the card, `aksesctl signin` signs in by one (as
 * the kiosk does for a scan). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "paper.h"
#include "wf.h"

static const char *const code_help =
    N_("Usage: aksesctl staff code STAFF_ID --as ID [--revoke]\n"
       "\n"
       "A new staff code for an account: the code on the staff card that signs its holder in\n"
       "when scanned at the kiosk (instead of typing the PIN). Prints the code on the last\n"
       "line; only its hash is kept, so it cannot be shown again. The previous code of the\n"
       "account stops working. --revoke removes the code instead (a lost card).\n"
       "ADMIN for anyone, or the account itself. The acting PIN comes from $AKSES_PIN, else\n"
       "the first line of standard input.\n");

static const char *const card_help =
    N_("Usage: aksesctl staff card STAFF_ID --as ID [--queue Q] [--pdf FILE [--force]] [--wait]\n"
       "\n"
       "Print a staff card: name, role and the QR of a new staff code that signs its holder in\n"
       "at the kiosk. The previous code of the account stops working (an old card is dead).\n"
       "ADMIN for anyone, or the account itself. --queue names the CUPS queue (default: the\n"
       "config's badge queue), --pdf writes the card to a new FILE (0600) instead (--force\n"
       "replaces an existing file, never through a symbolic link), --wait waits for the job\n"
       "to finish. The code itself is not shown.\n");

static const char *const signin_help =
    N_("Usage: aksesctl signin [--station NAME]\n"
       "\n"
       "Sign in by a staff code, as scanning a staff card at the kiosk does; prints who signed\n"
       "in. The code comes from $AKSES_CODE, else the first line of standard input (never the\n"
       "command line: every local user sees that in the process list). Every attempt is\n"
       "recorded with the station (default: the config's station name, else aksesctl).\n");

/* 'ctl_staff_code()' - Do `staff code`: argv[0] is "code". */
int ctl_staff_code(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *pos[1];
	bool revoke = false;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "revoke", .kind = CTL_OPT_FLAG, .flag = &revoke},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "staff code", T_(code_help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	int64_t target;
	if (ctl_parse_id(pos[0], &target) != 0)
		return ctl_usage(T_("STAFF_ID must be a number, not '%s'"), pos[0]);
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	akses_status st;
	char code[AKSES_TOKEN_BUF] = "";
	if (revoke)
		st = store_staff_code_revoke(c->st, c->actor.id, target);
	else
		st = store_staff_code_issue(c->st, c->actor.id, target, code);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (!revoke) {
		/* on stderr so that stdout is the code alone for scripts, yet nobody misses it */
		fprintf(stderr,
		        T_("aksesctl: warning: any previous code of staff %lld no longer works; "
		           "print a new card\n"),
		        (long long)target);
	}
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)target);
		if (revoke)
			cJSON_AddStringToObject(o, "done", "code-revoke");
		else
			cJSON_AddStringToObject(o, "code", code);
		memset(code, 0, sizeof code);
		return ctl_json_print(o);
	}
	if (revoke) {
		printf(T_("The staff code of staff %lld is revoked.\n"), (long long)target);
		return CTL_EXIT_OK;
	}
	printf(T_("New staff code of staff %lld:\n"), (long long)target);
	printf("%s\n", code);
	memset(code, 0, sizeof code);
	return CTL_EXIT_OK;
}

/* 'ctl_staff_card()' - Do `staff card`: argv[0] is "card". A new code, printed on a card. */
int ctl_staff_card(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *queue = NULL, *pdf = NULL, *pos[1];
	bool wait = false, force = false;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "queue", .kind = CTL_OPT_VALUE, .value = &queue},
	    {.name = "pdf", .kind = CTL_OPT_VALUE, .value = &pdf},
	    {.name = "wait", .kind = CTL_OPT_FLAG, .flag = &wait},
	    {.name = "force", .kind = CTL_OPT_FLAG, .flag = &force},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "staff card", T_(card_help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	int64_t target;
	if (ctl_parse_id(pos[0], &target) != 0)
		return ctl_usage(T_("STAFF_ID must be a number, not '%s'"), pos[0]);
	if (force && !pdf)
		return ctl_usage(T_("--force goes with --pdf"));
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	/* The file first: a refused file must not cost the holder their code. */
	struct ctl_out out;
	if (pdf && (rc = ctl_out_open(&out, pdf, force)) != CTL_EXIT_OK)
		return rc;
	struct paper_job job = {.actor_id = c->actor.id,
	                        .queue = queue,
	                        .pdf_path = pdf,
	                        .pdf_file = pdf ? out.f : NULL,
	                        .wait = wait};
	struct paper_result res = {0};
	akses_status st = paper_print_staffcard(c->st, &c->cfg, target, &job, &res);
	if (pdf && !ctl_out_close(&out, st == AKSES_OK) && st == AKSES_OK)
		st = AKSES_E_IO;
	memset(res.token, 0, sizeof res.token);
	if (st == AKSES_OK || st == AKSES_E_PRINT) /* the code was replaced either way */
		fprintf(stderr,
		        T_("aksesctl: warning: any previous code of staff %lld no longer works; "
		           "print a new card\n"),
		        (long long)target);
	return ctl_paper_report(c, st, &res, pdf, "id", cJSON_CreateNumber((double)target));
}

/* 'ctl_cmd_signin()' - Do the signin command: a staff code in, who it signed in out. */
int ctl_cmd_signin(struct ctl *c, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "alerts") == 0)
		return ctl_signin_alerts(c, argc - 1, argv + 1);
	const char *code = NULL, *station = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "code", .kind = CTL_OPT_VALUE, .value = &code},
	    {.name = "station", .kind = CTL_OPT_VALUE, .value = &station},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "signin", T_(signin_help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	/* a code on the command line has already been seen by everyone running ps: refuse it so
	 * that nobody gets used to it (the code itself is never echoed back) */
	if (code)
		return ctl_usage(T_("--code would show the staff code to every local user: give it "
		                    "in $AKSES_CODE or on standard input"));
	char line[128];
	code = getenv("AKSES_CODE");
	if (!code || !*code) {
		code = ctl_read_line(line, sizeof line);
		if (!code)
			return ctl_fail_text("%s",
			                     T_("no staff code given: set AKSES_CODE or write it on "
			                        "the first line of standard input"));
	}
	if (!station)
		station = c->cfg.station[0] ? c->cfg.station : "aksesctl";
	if ((rc = ctl_open(c)) != CTL_EXIT_OK)
		return rc;
	akses_status st = store_signin_code(c->st, code, station, &c->actor);
	memset(line, 0, sizeof line);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)c->actor.id);
		cJSON_AddStringToObject(o, "name", c->actor.name);
		cJSON_AddStringToObject(o, "role", wf_role_code(c->actor.role));
		cJSON_AddStringToObject(o, "station", station);
		return ctl_json_print(o);
	}
	char name[4 * sizeof c->actor.name];
	printf(T_("Signed in: %s (%s), staff %lld\n"), ctl_esc(c->actor.name, name, sizeof name),
	       wf_role_code(c->actor.role), (long long)c->actor.id);
	return CTL_EXIT_OK;
}
