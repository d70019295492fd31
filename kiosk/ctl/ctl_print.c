/* ctl_print.c - `aksesctl print` (every paper document, to CUPS or to a PDF file, and the recent
 * print jobs) and `aksesctl export` (CSV of the daily log and the SOP compliance report). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "ctl.h"
#include "paper.h"
#include "wf.h"

static const char *const print_help = N_(
	"Usage: aksesctl print DOCUMENT ... [--queue Q] [--pdf FILE [--force]] [--wait]\n"
	"\n"
	"  badge REQ [--person N] [--as ID --reason TEXT]\n"
	"                     a visitor pass; without --as the visitor's own first print\n"
	"                     (receipt token in AKSES_RECEIPT or on standard input),\n"
	"                     with --as a staff reprint (needs --reason)\n"
	"  receipt REQ --as ID           a new submission receipt (the old QR stops working)\n"
	"  log DAY --as ID               the daily access log (DAY = YYYY-MM-DD)\n"
	"  report REQ --as ID            the access report as a berita acara\n"
	"  compliance --from D --to D --as ID   the SOP compliance report\n"
	"  inside --as ID                who is inside now (evacuation list)\n"
	"  letter REQ --as ID            the request letter\n"
	"  disposition REQ --as ID       the disposition sheet (lembar disposisi)\n"
	"  status --as ID [--limit N]    recent print jobs\n"
	"  purge-spool --days N --as ID [--pdf-dir DIR]\n"
	"                     ADMIN: remove from CUPS's spool and the PDF queue's folder\n"
	"                     what Akses printed more than N days ago\n"
	"\n"
	"--queue names the CUPS queue (default: the config's, else the CUPS default, else PDF).\n"
	"--pdf writes the PDF to a new FILE (0600) and prints nothing; --force replaces an\n"
	"existing file (never through a symbolic link). --wait waits for the job to finish.\n"
	"Exit status 0 when CUPS accepted the job (with --wait: when it completed), else 1.\n");

static const char *const export_help = N_(
	"Usage: aksesctl export log DAY --csv --as ID [--out FILE [--force]]\n"
	"       aksesctl export compliance --from D --to D --csv --as ID [--out FILE [--force]]\n"
	"\n"
	"CSV (RFC 4180, UTF-8, CRLF) on stdout or into a new FILE (0600); --force replaces an\n"
	"existing file (never through a symbolic link). Text cells that start with = + - @ get\n"
	"a leading ' so that a spreadsheet does not run them as formulas.\n");

/* 'print_status()' - List recent print jobs. */
static int print_status(struct ctl *c, const char *limit_s)
{
	int limit = limit_s ? atoi(limit_s) : 20;
	struct akses_print_job *jobs = NULL;
	int n = 0;
	if (limit <= 0)
		return ctl_usage(T_("--limit needs a positive number"));
	akses_status st = store_print_list(c->st, limit, &jobs, &n);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *a = cJSON_CreateArray();
		for (int i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "id", (double)jobs[i].id);
			cJSON_AddItemToObject(o, "at", ctl_json_time(jobs[i].at));
			cJSON_AddStringToObject(o, "kind", jobs[i].kind);
			cJSON_AddStringToObject(o, "number", jobs[i].number);
			cJSON_AddNumberToObject(o, "pass_id", (double)jobs[i].pass_id);
			cJSON_AddNumberToObject(o, "staff_id", (double)jobs[i].staff_id);
			cJSON_AddStringToObject(o, "queue", jobs[i].queue);
			cJSON_AddStringToObject(o, "dest", jobs[i].to_file ? "file" : "cups");
			cJSON_AddNumberToObject(o, "cups_job_id", jobs[i].cups_job_id);
			cJSON_AddStringToObject(o, "state", wf_job_state_code(jobs[i].state));
			cJSON_AddBoolToObject(o, "reprint", jobs[i].reprint);
			char msg[256];
			cJSON_AddStringToObject(o, "message", paper_job_message(&jobs[i], msg, sizeof msg));
			cJSON_AddBoolToObject(o, "message_legacy", jobs[i].message_legacy);
			cJSON_AddItemToArray(a, o);
		}
		free(jobs);
		return ctl_json_print(a);
	}
	for (int i = 0; i < n; i++) {
		char at[24], cid[16];
		clock_format(jobs[i].at, at, sizeof(at));
		snprintf(cid, sizeof(cid), "%d", jobs[i].cups_job_id);
		printf("%-5lld ", (long long)jobs[i].id);
		ctl_pad(stdout, at, 17);
		ctl_pad(stdout, paper_kind_label(jobs[i].kind), 18);
		ctl_pad(stdout, jobs[i].number[0] ? jobs[i].number : "-", 18);
		/* a PDF written to a file (--pdf) shows "file" where the queue would be */
		ctl_pad(stdout, jobs[i].to_file ? T_("file") : jobs[i].queue[0] ? jobs[i].queue : "-", 10);
		ctl_pad(stdout, cid, 6);
		ctl_pad(stdout, wf_job_state_label(jobs[i].state), 12);
		if (jobs[i].reprint)
			printf("%s ", T_("reprint"));
		char msg[256];
		ctl_put(stdout, paper_job_message(&jobs[i], msg, sizeof msg)); /* stored text: escaped */
		putchar('\n');
	}
	free(jobs);
	return CTL_EXIT_OK;
}

/* 'print_reconcile()' - Bring jobs left pending (a print killed mid-way) in line with CUPS before
 * anything is printed or shown: a job that never reached CUPS makes its pass printable again. A
 * failure here must not stop the command itself. */
static void print_reconcile(struct ctl *c)
{
	if (c->st)
		(void)paper_reconcile(c->st, NULL);
}

/* 'print_purge_spool()' - Do `print purge-spool`: ADMIN only. */
static int print_purge_spool(struct ctl *c, const char *days_s, const char *dir)
{
	char *end = NULL;
	long days = days_s ? strtol(days_s, &end, 10) : -1;
	if (!days_s || *end || days < 0 || days > 36500)
		return ctl_usage(T_("--days needs a number of days (0 or more)"));
	if (c->actor.role != ROLE_ADMIN)
		return ctl_fail(c, AKSES_E_ROLE, NULL);
	struct paper_purge pp;
	akses_status st = paper_purge_spool(c->st, (int)days, c->actor.id, dir, &pp);
	if (st != AKSES_OK)
		return ctl_fail(c, st, st == AKSES_E_IO ? pp.dir : NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "jobs", pp.jobs);
		cJSON_AddNumberToObject(o, "files", pp.files);
		cJSON_AddStringToObject(o, "pdf_dir", pp.dir);
		return ctl_json_print(o);
	}
	printf(T_("Purged %d print jobs from CUPS and %d PDF files from %s.\n"), pp.jobs, pp.files,
	       pp.dir);
	return CTL_EXIT_OK;
}

/* Who acts: a badge without --as is the visitor's own first print (the receipt's token read into
 * receipt, n bytes); everything else (and a reprint) is staff, signed in with a PIN. Opens the
 * store either way. */
static int print_actor(struct ctl *c, struct paper_job *job, const char *as, const char *reason,
                       char *receipt, size_t n)
{
	if (job->doc == PAPER_BADGE && !as) {
		if (reason)
			return ctl_usage(T_("--reason goes with --as (a staff reprint)"));
		/* the visitor's proof is the receipt's token, kept out of argv (ps shows argv) */
		const char *env = getenv("AKSES_RECEIPT");
		if (env)
			snprintf(receipt, n, "%s", env);
		else {
			if (isatty(STDIN_FILENO))
				fputs(T_("Receipt token: "), stderr);
			if (!ctl_read_line(receipt, n))
				receipt[0] = '\0';
		}
		if (!receipt[0])
			return ctl_fail_text("%s", T_("the visitor's own print needs the receipt token: "
			                              "set AKSES_RECEIPT or write it on the first line of "
			                              "standard input"));
		job->receipt_token = receipt;
		return ctl_open(c);
	}
	if (job->doc == PAPER_BADGE && (!reason || !*reason))
		return ctl_usage(T_("a reprint needs --reason"));
	/* the evacuation list is an emergency read: it must print on a full or read-only disk */
	int rc = job->doc == PAPER_INSIDE ? ctl_signin_read(c, as) : ctl_signin_as(c, as);
	if (rc != CTL_EXIT_OK)
		return rc;
	job->actor_id = c->actor.id;
	job->reason = reason;
	return CTL_EXIT_OK;
}

/* 'ctl_cmd_print()' - Do the print command. */
int ctl_cmd_print(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *reason = NULL, *queue = NULL, *pdf = NULL, *person_s = NULL;
	const char *from = NULL, *to = NULL, *limit = NULL, *days = NULL, *pdf_dir = NULL;
	const char *pos[1] = {NULL};
	bool wait = false, force = false;
	int n_pos = 0, rc;

	if (argc < 2 || argv[1][0] == '-')
		return ctl_no_sub(argc, argv, "print", T_(print_help));
	const struct ctl_opt opts[] = {
		{.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
		{.name = "reason", .kind = CTL_OPT_VALUE, .value = &reason},
		{.name = "queue", .kind = CTL_OPT_VALUE, .value = &queue},
		{.name = "pdf", .kind = CTL_OPT_VALUE, .value = &pdf},
		{.name = "person", .kind = CTL_OPT_VALUE, .value = &person_s},
		{.name = "from", .kind = CTL_OPT_VALUE, .value = &from},
		{.name = "to", .kind = CTL_OPT_VALUE, .value = &to},
		{.name = "limit", .kind = CTL_OPT_VALUE, .value = &limit},
		{.name = "wait", .kind = CTL_OPT_FLAG, .flag = &wait},
		{.name = "force", .kind = CTL_OPT_FLAG, .flag = &force},
		{.name = "days", .kind = CTL_OPT_VALUE, .value = &days},
		{.name = "pdf-dir", .kind = CTL_OPT_VALUE, .value = &pdf_dir},
		{.name = NULL},
	};
	const char *sub = argv[1];
	if (strcmp(sub, "purge-spool") == 0) {
		rc = ctl_args(c, argc - 1, argv + 1, "print purge-spool", T_(print_help), opts, pos,
		              0, 0, NULL);
		if (rc != CTL_CONTINUE)
			return rc;
		if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
			return rc;
		return print_purge_spool(c, days, pdf_dir);
	}
	if (strcmp(sub, "status") == 0) {
		rc = ctl_args(c, argc - 1, argv + 1, "print status", T_(print_help), opts, pos, 0, 0,
		              NULL);
		if (rc != CTL_CONTINUE)
			return rc;
		if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
			return rc;
		print_reconcile(c);
		return print_status(c, limit);
	}
	paper_doc doc;
	if (paper_doc_parse(sub, &doc) != 0)
		return ctl_no_sub(argc, argv, "print", T_(print_help));

	char cmd[32];
	snprintf(cmd, sizeof(cmd), "print %s", sub);
	bool takes_pos = paper_doc_per_request(doc) || doc == PAPER_LOG;
	rc = ctl_args(c, argc - 1, argv + 1, cmd, T_(print_help), opts, pos, takes_pos ? 1 : 0,
	              takes_pos ? 1 : 0, &n_pos);
	if (rc != CTL_CONTINUE)
		return rc;

	if (force && !pdf)
		return ctl_usage(T_("--force goes with --pdf"));
	struct paper_job job = {.doc = doc, .queue = queue, .pdf_path = pdf, .wait = wait};
	char number[AKSES_NUMBER_BUF];
	if (paper_doc_per_request(doc)) {
		if ((rc = ctl_number(c, pos[0], number)) != CTL_EXIT_OK)
			return rc;
		job.number = number;
	}
	if (doc == PAPER_LOG)
		job.day = pos[0];
	if (doc == PAPER_COMPLIANCE) {
		if (!from || !to)
			return ctl_usage(T_("compliance needs --from DAY and --to DAY"));
		job.from = from;
		job.to = to;
	}
	if (person_s) {
		char *end;
		long p = strtol(person_s, &end, 10);
		if (*end || p < 0 || p > AKSES_MAX_COMPANIONS)
			return ctl_usage(T_("--person must be 0 (the applicant) to %d"),
			                 AKSES_MAX_COMPANIONS);
		job.person = (int)p;
	}
	char receipt[AKSES_TOKEN_BUF + 16] = "";
	if ((rc = print_actor(c, &job, as, reason, receipt, sizeof receipt)) != CTL_EXIT_OK)
		return rc;

	print_reconcile(c);

	/* The file is created before anything is issued: an existing file or a link is refused
	 * before a badge gets a new token. */
	struct ctl_out out;
	if (pdf && (rc = ctl_out_open(&out, pdf, force)) != CTL_EXIT_OK)
		return rc;
	job.pdf_file = pdf ? out.f : NULL;
	struct paper_result res = {0};
	akses_status st = paper_print(c->st, &c->cfg, &job, &res);
	if (pdf && !ctl_out_close(&out, st == AKSES_OK) && st == AKSES_OK)
		st = AKSES_E_IO;
	return ctl_paper_report(c, st, &res, pdf, "document", cJSON_CreateString(sub));
}

/* 'ctl_cmd_export()' - Do the export command. */
int ctl_cmd_export(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *out = NULL, *from = NULL, *to = NULL, *pos[1] = {NULL};
	bool csv = false, force = false;
	int rc;

	if (argc < 2 || (strcmp(argv[1], "log") != 0 && strcmp(argv[1], "compliance") != 0))
		return ctl_no_sub(argc, argv, "export", T_(export_help));
	bool is_log = strcmp(argv[1], "log") == 0;
	const struct ctl_opt opts[] = {
		{.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
		{.name = "out", .kind = CTL_OPT_VALUE, .value = &out},
		{.name = "from", .kind = CTL_OPT_VALUE, .value = &from},
		{.name = "to", .kind = CTL_OPT_VALUE, .value = &to},
		{.name = "csv", .kind = CTL_OPT_FLAG, .flag = &csv},
		{.name = "force", .kind = CTL_OPT_FLAG, .flag = &force},
		{.name = NULL},
	};
	rc = ctl_args(c, argc - 1, argv + 1, is_log ? "export log" : "export compliance",
	              T_(export_help), opts, pos, is_log ? 1 : 0, is_log ? 1 : 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if (!csv)
		return ctl_usage(T_("only --csv is supported"));
	if (!is_log && (!from || !to))
		return ctl_usage(T_("compliance needs --from DAY and --to DAY"));
	if (out && strcmp(out, "-") == 0)
		out = NULL; /* "-": standard output */
	if (force && !out)
		return ctl_usage(T_("--force goes with --out FILE"));
	/* Personal data leaves the system here: staff only, signed in. */
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	struct ctl_out o;
	if ((rc = ctl_out_open(&o, out, force)) != CTL_EXIT_OK)
		return rc;
	akses_status st = is_log ? paper_export_log_csv(c->st, pos[0], o.f)
	                         : paper_export_compliance_csv(c->st, from, to, o.f);
	if (!ctl_out_close(&o, st == AKSES_OK) && st == AKSES_OK)
		st = AKSES_E_IO;
	if (st != AKSES_OK)
		return ctl_fail(c, st, out);
	return CTL_EXIT_OK;
}
