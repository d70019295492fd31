/* ctl_main.c - aksesctl's entry point: global options, the command table, top-level --help.
 * Each command lives in its own ctl-<group>.c; main opens nothing until a command needs it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "ctl.h"
#include "i18n.h"

/* The commands, in the order --help lists them. Usage lines are English msgids of "aksesctl". */
static const struct ctl_cmd commands[] = {
    {.name = "init", .usage = N_("init --admin NAME"), .run = ctl_cmd_init},
    {.name = "staff",
     .usage = N_("staff add|list|disable|set-pin|code|card|email ... --as ID"),
     .run = ctl_cmd_staff},
    {.name = "signin",
     .usage = N_("signin [--station NAME]       (by a staff code: $AKSES_CODE or stdin)"),
     .run = ctl_cmd_signin},
    {.name = "request", .usage = N_("request submit|show|list|cancel ..."), .run = ctl_cmd_request},
    {.name = "inbox", .usage = N_("inbox --as ID"), .run = ctl_cmd_inbox},
    {.name = "dispose",
     .usage = N_("dispose REQ --as ID          (step 2 / 3)"),
     .run = ctl_cmd_dispose},
    {.name = "verify",
     .usage = N_("verify REQ --as ID [--note T] (step 4)"),
     .run = ctl_cmd_verify},
    {.name = "decide",
     .usage = N_("decide REQ --as ID --approve | --reject --reason T (step 5)"),
     .run = ctl_cmd_decide},
    {.name = "assign",
     .usage = N_("assign REQ --as ID --escort STAFF_ID (step 6)"),
     .run = ctl_cmd_assign},
    {.name = "record",
     .usage = N_("record REQ --as ID           (step 6, issues passes)"),
     .run = ctl_cmd_record},
    {.name = "pass",
     .usage = N_("pass list REQ --as ID [--tokens] | pass revoke PASS --as ID"),
     .run = ctl_cmd_pass},
    {.name = "scan",
     .usage = N_("scan TOKEN --as ID --station NAME [--direction in|out|auto]"),
     .run = ctl_cmd_scan},
    {.name = "report",
     .usage = N_("report write REQ --as ID --text T (step 9)"),
     .run = ctl_cmd_report},
    {.name = "forward",
     .usage = N_("forward REQ --as ID          (step 10 / 11)"),
     .run = ctl_cmd_forward},
    {.name = "receive",
     .usage = N_("receive REQ --as ID          (step 12)"),
     .run = ctl_cmd_receive},
    {.name = "log",
     .usage = N_("log DAY --as ID              (the day's visits)"),
     .run = ctl_cmd_log},
    {.name = "inside",
     .usage = N_("inside --as ID               (who is inside now)"),
     .run = ctl_cmd_inside},
    {.name = "compliance",
     .usage = N_("compliance --from D --to D --as ID"),
     .run = ctl_cmd_compliance},
    {.name = "audit",
     .usage = N_("audit verify [--anchor N:HASH] | head | purge ... --as ID | backup FILE --as ID"
                 " | restore FILE"),
     .run = ctl_cmd_audit},
    {.name = "migrate-sqlite",
     .usage = N_("migrate-sqlite FILE --db SERVER (a SQLite deployment into PostgreSQL)"),
     .run = ctl_cmd_migrate_sqlite},
    {.name = "print",
     .usage = N_("print DOCUMENT ...            (badges and reports; see --help)"),
     .run = ctl_cmd_print},
    {.name = "export", .usage = N_("export log|compliance ... --csv"), .run = ctl_cmd_export},
    {.name = "web",
     .usage = N_("web cert [--out DIR] [--cn NAME] (akses-web's first certificate)"),
     .run = ctl_cmd_web},
};

/* The top-level help: global options and one line per command. */
static void usage(FILE *f)
{
	fputs(
	    T_("Usage: aksesctl [--db PATH] [--config FILE] [--json] [--lang id|en] COMMAND ...\n"
	       "\n"
	       "The staff command line of Akses, the server-room access kiosk.\n"
	       "\n"
	       "Options:\n"
	       "  --db PATH      the database file (else $AKSES_DB, the config's db, akses.db)\n"
	       "  --config FILE  the INI config (else $AKSES_CONFIG)\n"
	       "  --json         print one JSON value on stdout instead of text\n"
	       "  --lang id|en   language of messages (else the config's, else id)\n"
	       "\n"
	       "Staff commands take --as STAFF_ID; the PIN comes from $AKSES_PIN, else the first\n"
	       "line of standard input. A new PIN (staff add, set-pin) comes from $AKSES_NEW_PIN,\n"
	       "else the next line.\n"
	       "\n"
	       "Commands:\n"),
	    f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %s\n", T_(commands[i].usage));
	fputs(T_("\nExit status: 0 done, 1 refused or failed (one line on stderr says why), 2 bad "
	         "command line,\n3 a scan was DENIED. 'aksesctl COMMAND --help' tells more.\n"),
	      f);
}

/* Find the named global option among the leading ones: "--name value" or "--name=value". */
static int leading_opt(const char *a, char name[16], const char **val, int *i, int argc,
                       char **argv)
{
	static const char *const names[] = {"db", "config", "lang", "json"};
	const char *eq = strchr(a, '=');
	size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
	if (strncmp(a, "--", 2) != 0)
		return -1;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		if (strlen(names[k]) != len || strncmp(a + 2, names[k], len) != 0)
			continue;
		snprintf(name, 16, "%s", names[k]);
		*val = NULL;
		if (k == 3)
			return eq ? -1 : 0;
		if (eq)
			*val = eq + 1;
		else if (*i + 1 < argc)
			*val = argv[++*i];
		else
			return -1;
		return 0;
	}
	return -1;
}

int main(int argc, char **argv)
{
	struct ctl c;
	memset(&c, 0, sizeof c);
	const char *db = NULL, *lang = NULL, *bad = NULL;
	bool json = false, help = false, version = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && strcmp(argv[i], "-") != 0; i++) {
		char name[16];
		const char *val;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			help = true;
		else if (strcmp(argv[i], "--version") == 0)
			version = true;
		else if (leading_opt(argv[i], name, &val, &i, argc, argv) != 0)
			bad = bad ? bad : argv[i];
		else if (strcmp(name, "db") == 0)
			db = val;
		else if (strcmp(name, "config") == 0)
			c.config_path = val;
		else if (strcmp(name, "lang") == 0)
			lang = val;
		else
			json = true;
	}
	/* config and language first, so that even a bad option is reported in the right language */
	int rc = ctl_setup(&c);
	if (rc != CTL_EXIT_OK)
		return rc;
	if (lang && ctl_global_opt(&c, "lang", lang) != CTL_GLOBAL_APPLIED)
		return CTL_EXIT_USAGE;
	c.db_path = db;
	c.json = json;
	if (bad)
		return ctl_usage(T_("unknown option or missing value '%s'"), bad);
	if (version) {
		if (clock_test_build())
			printf(T_("aksesctl %s (TEST BUILD: the clock follows AKSES_NOW)\n"),
			       AKSES_VERSION);
		else
			puts("aksesctl " AKSES_VERSION);
		return CTL_EXIT_OK;
	}
	/* A test build makes itself obvious to a person at a terminal. Not when stderr is a file
	 * or a pipe: the end-to-end tests compare stderr line for line. */
	if (clock_test_pin() && isatty(STDERR_FILENO))
		fprintf(stderr, T_("aksesctl: TEST BUILD: the clock is pinned to %s (AKSES_NOW)\n"),
		        clock_test_pin());
	if (help) {
		usage(stdout);
		return CTL_EXIT_OK;
	}
	if (i >= argc) {
		usage(stderr);
		return CTL_EXIT_USAGE;
	}
	const char *name = argv[i];
	char **cargv = argv + i;
	int cargc = argc - i;
	/* "aksesctl help scan" is "aksesctl scan --help" */
	static char help_opt[] = "--help";
	char *hargv[3] = {NULL, help_opt, NULL};
	if (strcmp(name, "help") == 0) {
		if (i + 1 >= argc) {
			usage(stdout);
			return CTL_EXIT_OK;
		}
		name = hargv[0] = argv[i + 1];
		cargv = hargv;
		cargc = 2;
	}
	rc = -1;
	for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++) {
		if (strcmp(commands[k].name, name) == 0) {
			rc = commands[k].run(&c, cargc, cargv);
			break;
		}
	}
	if (rc == -1)
		rc = ctl_usage(T_("unknown command '%s'"), name);
	ctl_audit_announce(&c);
	store_close(c.st);
	c.st = NULL;
	if (fflush(stdout) != 0 || ferror(stdout))
		return rc == CTL_EXIT_OK ? CTL_EXIT_FAIL : rc;
	return rc;
}
