/* ctl_flow.c - the SOP's staff steps from the command line: inbox, dispose (2/3), verify (4),
 * decide (5), assign and record (6), report write (9), forward (10/11), receive (12). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "valid.h"
#include "wf.h"

static const char *const help_inbox =
    N_("Usage: aksesctl inbox --as ID\n"
       "\n"
       "What waits for your role, oldest first, with the step and when it is due by the SOP's\n"
       "time standard (overdue ones marked).\n");
static const char *const help_dispose =
    N_("Usage: aksesctl dispose REQ --as ID [--instruction T] [--urgency U] [--note T]\n"
       "\n"
       "SOP step 2 (KADIS: disposition to the Kabid) or step 3 (KABID: disposition to the\n"
       "Koordinator), chosen by the role of the account. The instruction (isi disposisi) and\n"
       "the urgency (sifat: segera, biasa or rahasia) are printed on the lembar disposisi.\n");
static const char *const help_verify =
    N_("Usage: aksesctl verify REQ --as ID [--note T]\n"
       "\n"
       "SOP step 4 (KOORDINATOR): the request is verified; the note goes to the Kabid.\n");
static const char *const help_decide =
    N_("Usage: aksesctl decide REQ --as ID --approve [--note T]\n"
       "       aksesctl decide REQ --as ID --reject --reason T\n"
       "\n"
       "SOP step 5 (KABID): YES goes on to step 6; NO ends the request. The reason of a NO is\n"
       "shown to the applicant at the kiosk.\n");
static const char *const help_assign =
    N_("Usage: aksesctl assign REQ --as ID --escort STAFF_ID\n"
       "\n"
       "SOP step 6, KOORDINATOR's part: an active TIM_TEKNIS escorts the applicant.\n");
static const char *const help_record =
    N_("Usage: aksesctl record REQ --as ID\n"
       "\n"
       "SOP step 6, HELPDESK's part: the request is recorded and one pass per person is issued;\n"
       "the passes become printable.\n");
static const char *const help_report =
    N_("Usage: aksesctl report write REQ --as ID --text T\n"
       "\n"
       "SOP step 9 (HELPDESK): the access report (laporan akses) of the visit.\n");
static const char *const help_forward =
    N_("Usage: aksesctl forward REQ --as ID [--note T]\n"
       "\n"
       "SOP step 10 (KOORDINATOR: to the Kabid) or step 11 (KABID: to the Kepala Dinas), chosen\n"
       "by the role of the account.\n");
static const char *const help_receive =
    N_("Usage: aksesctl receive REQ --as ID [--note T]\n"
       "\n"
       "SOP step 12 (KADIS): the access report is received; the request is closed.\n");

/* 'ctl_cmd_inbox()' - Do the inbox command: what waits for the actor's role. */
int ctl_cmd_inbox(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "inbox", T_(help_inbox), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	struct akses_request_summary *list = NULL;
	int n = 0;
	akses_status st = store_inbox(c->st, c->actor.id, &list, &n);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	rc = ctl_print_summaries(c, list, n);
	free(list);
	return rc;
}

/* What a step command needs: its name, help, and how it picks the action from the role. */
struct step_cmd {
	const char *name;
	const char *help;
	const char *verb; /* wf_for_verb's verb, or NULL when action is fixed */
	wf_action action;
	bool disposition; /* takes --instruction and --urgency (steps 2 and 3) */
};

/* Parse "CMD REQ --as ID [--note T]", sign in, pick the action and take it with store_act. */
static int run_step(struct ctl *c, int argc, char **argv, const struct step_cmd *sc)
{
	const char *as = NULL, *note = NULL, *instruction = NULL, *urgency = NULL, *pos[1];
	/* the disposition's two options end the list only for dispose (a NULL name ends it) */
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "note", .kind = CTL_OPT_VALUE, .value = &note},
	    {.name = sc->disposition ? "instruction" : NULL, .kind = CTL_OPT_VALUE,
	     .value = &instruction},
	    {.name = "urgency", .kind = CTL_OPT_VALUE, .value = &urgency},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, sc->name, T_(sc->help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	struct akses_disposition d = {instruction, URGENCY_NONE};
	if (urgency && wf_urgency_parse(urgency, &d.urgency) != 0)
		return ctl_fail_text(T_("Unknown urgency '%s': use segera, biasa or rahasia."),
		                     urgency);
	akses_status vst = instruction ? valid_text(instruction, AKSES_NOTE_CHARS, false, true)
	                               : AKSES_OK;
	if (vst != AKSES_OK)
		return ctl_fail_text("%s: %s", T_("Instruction"), akses_status_message(vst));
	char number[AKSES_NUMBER_BUF];
	if ((rc = ctl_number(c, pos[0], number)) != CTL_EXIT_OK)
		return rc;
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	wf_action a = sc->verb ? wf_for_verb(sc->verb, c->actor.role) : sc->action;
	if (a == WF_NONE)
		return ctl_fail(c, AKSES_E_ROLE, NULL);
	akses_status st = sc->disposition ? store_dispose(c->st, number, a, c->actor.id, note, &d)
	                                  : store_act(c->st, number, a, c->actor.id, note);
	if (akses_status_is_input(st))
		return ctl_fail_field(c, st, AKSES_F_NOTE, 0);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	return ctl_print_state(c, number);
}

int ctl_cmd_dispose(struct ctl *c, int argc, char **argv)
{
	static const struct step_cmd sc = {"dispose", help_dispose, "dispose", WF_NONE,
	                                    true};
	return run_step(c, argc, argv, &sc);
}

int ctl_cmd_verify(struct ctl *c, int argc, char **argv)
{
	static const struct step_cmd sc = {"verify", help_verify, NULL, WF_VERIFY, false};
	return run_step(c, argc, argv, &sc);
}

int ctl_cmd_record(struct ctl *c, int argc, char **argv)
{
	static const struct step_cmd sc = {"record", help_record, NULL, WF_RECORD, false};
	return run_step(c, argc, argv, &sc);
}

int ctl_cmd_forward(struct ctl *c, int argc, char **argv)
{
	static const struct step_cmd sc = {"forward", help_forward, "forward", WF_NONE, false};
	return run_step(c, argc, argv, &sc);
}

int ctl_cmd_receive(struct ctl *c, int argc, char **argv)
{
	static const struct step_cmd sc = {"receive", help_receive, NULL, WF_RECEIVE, false};
	return run_step(c, argc, argv, &sc);
}

/* 'ctl_cmd_decide()' - Do the decide command (step 5): exactly one of --approve / --reject. */
int ctl_cmd_decide(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *reason = NULL, *note = NULL, *pos[1];
	bool approve = false, reject = false;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "approve", .kind = CTL_OPT_FLAG, .flag = &approve},
	    {.name = "reject", .kind = CTL_OPT_FLAG, .flag = &reject},
	    {.name = "reason", .kind = CTL_OPT_VALUE, .value = &reason},
	    {.name = "note", .kind = CTL_OPT_VALUE, .value = &note},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "decide", T_(help_decide), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if (approve == reject)
		return ctl_usage(T_("give exactly one of --approve and --reject"));
	if (reject && !reason)
		return ctl_usage(T_("--reject needs --reason T (the applicant reads it)"));
	char number[AKSES_NUMBER_BUF];
	if ((rc = ctl_number(c, pos[0], number)) != CTL_EXIT_OK)
		return rc;
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	akses_status st = store_act(c->st, number, approve ? WF_APPROVE : WF_REJECT, c->actor.id,
	                            approve ? note : reason);
	if (akses_status_is_input(st))
		return ctl_fail_field(c, st, AKSES_F_NOTE, 0);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	return ctl_print_state(c, number);
}

/* 'ctl_cmd_assign()' - Do the assign command (step 6, KOORDINATOR): the escort. */
int ctl_cmd_assign(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *escort = NULL, *pos[1];
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "escort", .kind = CTL_OPT_VALUE, .value = &escort},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "assign", T_(help_assign), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	int64_t escort_id;
	if (!escort)
		return ctl_usage(T_("--escort STAFF_ID is required"));
	if (ctl_parse_id(escort, &escort_id) != 0)
		return ctl_usage(T_("--escort needs a staff id (a number), not '%s'"), escort);
	char number[AKSES_NUMBER_BUF];
	if ((rc = ctl_number(c, pos[0], number)) != CTL_EXIT_OK)
		return rc;
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	akses_status st = store_assign(c->st, number, c->actor.id, escort_id);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	return ctl_print_state(c, number);
}

/* 'ctl_cmd_report()' - Do the report command: "report write" (step 9, HELPDESK). */
int ctl_cmd_report(struct ctl *c, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "write") != 0)
		return ctl_no_sub(argc, argv, "report", T_(help_report));
	argc--;
	argv++;
	const char *as = NULL, *text = NULL, *pos[1];
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "text", .kind = CTL_OPT_VALUE, .value = &text},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "report write", T_(help_report), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if (!text)
		return ctl_usage(T_("--text T is required"));
	char number[AKSES_NUMBER_BUF];
	if ((rc = ctl_number(c, pos[0], number)) != CTL_EXIT_OK)
		return rc;
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	akses_status st = store_report_write(c->st, number, c->actor.id, text);
	if (akses_status_is_input(st))
		return ctl_fail_text("%s: %s", T_("Access report"), akses_status_message(st));
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	return ctl_print_state(c, number);
}
