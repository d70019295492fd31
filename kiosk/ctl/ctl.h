/* ctl.h - what aksesctl's command files share: the run context, the command table entry, PIN
 * reading, sign-in, and one-line errors. One file per command group (ctl-request.c, ctl-scan.c,
 * ctl-print.c ...), each exporting its entry points declared here. */
#ifndef AKSES_CTL_H
#define AKSES_CTL_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "model.h"
#include "status.h"
#include "store.h"

/* Exit codes. */
#define CTL_EXIT_OK 0
#define CTL_EXIT_FAIL 1   /* refused or failed: the one-line message on stderr says why */
#define CTL_EXIT_USAGE 2  /* bad command line */
#define CTL_EXIT_DENIED 3 /* scan decided DENIED */

struct ctl {
	const char *db_path;      /* --db, else $AKSES_DB, else the config's, else "akses.db" */
	const char *config_path;  /* --config, else $AKSES_CONFIG, else none */
	bool json;                /* --json */
	struct akses_config cfg;
	store *st;                /* opened by ctl_open */
	struct akses_staff actor; /* filled by ctl_signin */
};

/* A command: "request" with sub-commands parses them itself. run gets argv[0] = the command. */
struct ctl_cmd {
	const char *name;
	const char *usage;   /* one line, shown in `aksesctl --help` */
	int (*run)(struct ctl *c, int argc, char **argv);
};

/* Open the store (once). On failure prints the one-line message and returns CTL_EXIT_FAIL. */
int ctl_open(struct ctl *c);

/* Sign in as staff id: the PIN from $AKSES_PIN, else the first line of stdin. Returns CTL_EXIT_OK
 * or prints why not (wrong PIN, locked, disabled) and returns CTL_EXIT_FAIL. */
int ctl_signin(struct ctl *c, int64_t staff_id);

/* Parse a staff id argument ("--as 3"): 0 or -1 with a usage message printed. */
int ctl_parse_id(const char *s, int64_t *out);

/* The next line of stdin (for a new PIN after the acting PIN), newline stripped; NULL at EOF. */
char *ctl_read_line(char *buf, size_t n);

/* Print "aksesctl: <message>" on stderr, message = the status's sentence plus optional detail.
 * Returns CTL_EXIT_FAIL (or CTL_EXIT_USAGE for validation statuses when usage is true). */
int ctl_fail(const struct ctl *c, akses_status st, const char *detail);
int ctl_usage(const char *fmt, ...);

/* Commands implemented in ctl-print.c (the printing issue). */
int ctl_cmd_print(struct ctl *c, int argc, char **argv);
int ctl_cmd_export(struct ctl *c, int argc, char **argv);

#endif
