/* ctl.h - what aksesctl's command files share: the run context, the command table entry, PIN
 * reading, sign-in, and one-line errors. One file per command group (ctl_request.c, ctl_scan.c,
 * ctl_print.c ...), each exporting its entry points declared here. */
#ifndef AKSES_CTL_H
#define AKSES_CTL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "config.h"
#include "i18n.h"
#include "model.h"
#include "status.h"
#include "store.h"

/* Exit codes. */
#define CTL_EXIT_OK 0
#define CTL_EXIT_FAIL 1   /* refused or failed: the one-line message on stderr says why */
#define CTL_EXIT_USAGE 2  /* bad command line */
#define CTL_EXIT_DENIED 3 /* scan decided DENIED */

struct ctl {
	const char *db_path;     /* --db, else $AKSES_DB, else the config's, else "akses.db" */
	const char *config_path; /* --config, else $AKSES_CONFIG, else none */
	bool json;               /* --json */
	struct akses_config cfg;
	store *st;                /* opened by ctl_open */
	struct akses_staff actor; /* filled by ctl_signin */
	bool create_db;           /* init only: every other command needs an existing DB */
	char audit_head[STORE_ANCHOR_BUF]; /* the audit anchor when the store was opened */
	bool pin_changed;         /* the sign-in made the actor replace a PIN an ADMIN had set */
};

/* A command: "request" with sub-commands parses them itself. run gets argv[0] = the command. */
struct ctl_cmd {
	const char *name;
	const char *usage; /* one line, shown in `aksesctl --help` */
	int (*run)(struct ctl *c, int argc, char **argv);
};

/* After a command: when it wrote audit rows, the new chain head goes to syslog
 * (LOG_AUTHPRIV|LOG_INFO "akses audit head N:HASH"), an anchor kept outside the DB. */
void ctl_audit_announce(struct ctl *c);

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

/* Commands implemented in ctl_print.c: print documents, export them to files. */
int ctl_cmd_print(struct ctl *c, int argc, char **argv);
int ctl_cmd_export(struct ctl *c, int argc, char **argv);

/* ---- option parsing, messages, JSON and table helpers ------------------------------------ */

#define CTL_DOMAIN "aksesctl"
#define T_(s) dgettext(CTL_DOMAIN, s) /* aksesctl's own strings (assets/po/aksesctl) */

/* ctl_args returns this when parsing went through and the command should run; any other value is
 * the exit code to return at once (CTL_EXIT_OK after --help, CTL_EXIT_USAGE on a bad line). */
#define CTL_CONTINUE (-1)

enum ctl_opt_kind {
	CTL_OPT_FLAG,  /* --consent: sets *flag */
	CTL_OPT_VALUE, /* --as 3: *value = "3" (the last one given wins) */
	CTL_OPT_LIST,  /* --companion X, repeatable: value[(*count)++] while *count < max; *count
	                * keeps counting past max so the caller can say "too many" */
};

struct ctl_opt {
	const char *name; /* without the dashes: "as" */
	enum ctl_opt_kind kind;
	const char **value;
	bool *flag;
	int *count;
	int max;
};

/* Parse argv[1..] of a command (argv[0] is its name) against opts (ended by a {NULL} entry).
 * The global options --db, --config, --json and --lang are accepted here too. Positional
 * arguments go to pos[0..max_pos-1] and *n_pos (may be NULL when max_pos is 0). cmd names the
 * command for messages ("request submit"); help is printed for --help. */
int ctl_args(struct ctl *c, int argc, char **argv, const char *cmd, const char *help,
             const struct ctl_opt *opts, const char **pos, int min_pos, int max_pos, int *n_pos);

/* A command with sub-commands got none it knows: --help prints help (CTL_EXIT_OK), anything else
 * is a usage error. */
int ctl_no_sub(int argc, char **argv, const char *cmd, const char *help);

/* What ctl_global_opt made of an option: not a global one, applied, or a bad value (its message
 * printed; the command ends with CTL_EXIT_USAGE). Distinct from the CTL_EXIT_* codes on purpose. */
enum ctl_global {
	CTL_GLOBAL_NOT_MINE,
	CTL_GLOBAL_APPLIED,
	CTL_GLOBAL_BAD,
};

/* Apply a global option (name without dashes: db, config, lang, json) with its value. Used by
 * main and ctl_args. */
enum ctl_global ctl_global_opt(struct ctl *c, const char *name, const char *value);

/* Load the config (--config / $AKSES_CONFIG) and settle language; called once by main and
 * again if a --config or --lang comes after the command. CTL_EXIT_OK or CTL_EXIT_FAIL. */
int ctl_setup(struct ctl *c);

/* Sign in as the --as argument: a usage error when it is missing or not a number, else ctl_open
 * and ctl_signin. CTL_EXIT_OK or the exit code (message printed). */
int ctl_signin_as(struct ctl *c, const char *as);

/* ctl_signin_as for a command that only reads (inside, audit backup ...): on a full or read-only
 * disk the PIN is still checked and the command goes on, with a warning on stderr and syslog
 * that the sign-in could not be recorded. A reset PIN is changed first in both. */
int ctl_signin_read(struct ctl *c, const char *as);

/* The PIN of the acting staff member: $AKSES_PIN, else the first stdin line. New PINs (staff add,
 * set-pin): $AKSES_NEW_PIN, else the next stdin line. NULL when there is none. */
const char *ctl_pin(char *buf, size_t n);
const char *ctl_new_pin(char *buf, size_t n);

/* A validation failure: "aksesctl: <field label>[ <index+1>]: <message>". Returns CTL_EXIT_FAIL. */
int ctl_fail_field(const struct ctl *c, akses_status st, akses_field field, int index);

/* A message of aksesctl's own (already translated), as one line on stderr. CTL_EXIT_FAIL. */
int ctl_fail_text(const char *fmt, ...);

/* Print a JSON value on stdout (pretty, one value) and free it. CTL_EXIT_OK, or CTL_EXIT_FAIL
 * when it could not be built (NULL). */
int ctl_json_print(cJSON *v);

/* Report how a print through kiosk/paper went (ctl_paper.c): in JSON, {"ok", key: ident, "pdf"
 * or "queue"/"cups_job_id"/"state", "message"}; else the job's line, or the failure on stderr.
 * Takes ident (may be NULL). Returns the exit code. */
struct paper_result;
int ctl_paper_report(struct ctl *c, akses_status st, const struct paper_result *res,
                     const char *pdf, const char *key, cJSON *ident);

/* Local time as ISO 8601 with offset ("2026-11-29T14:05:00+07:00"), or JSON null for 0. */
cJSON *ctl_json_time(int64_t t);

/* A request summary (list, inbox) as JSON, with "overdue" judged against now. */
cJSON *ctl_json_summary(const struct akses_request_summary *r, int64_t now);

/* ---- stored text on a terminal (ctl_esc.c) ------------------------------------------------ */

/* Every text that comes from the store (names, purpose, notes, reasons, report, station, print
 * messages) is written through these: control characters, bidi and invisible format characters
 * (valid_char_refused) and bytes that are not UTF-8 come out as visible escapes (\r, \n, \t,
 * \x1B, \u202E, \U000E0041), so a row stored before validation refused them cannot rewrite or
 * reorder the screen. */

/* Write s escaped (a line feed as "\n"). Returns the columns written. */
int ctl_put(FILE *f, const char *s);

/* Write a multi-line text escaped, each line feed kept and followed by indent spaces, so a
 * continuation line can never stand where a label would be. */
void ctl_put_lines(FILE *f, const char *s, int indent);

/* s escaped into buf (cut at a whole escape or character to fit n), for a translated format. */
const char *ctl_esc(const char *s, char *buf, size_t n);

/* Write printed JSON with the non-ASCII characters above escaped as \uXXXX (same JSON value). */
void ctl_json_put(FILE *f, const char *text);

/* ---- files written for the user (ctl_out.c) ----------------------------------------------- */

/* An output file of export --out, print --pdf, staff card --pdf. */
struct ctl_out {
	const char *path; /* NULL: standard output */
	FILE *f;
	bool created; /* we created path: removed again if the command fails */
};

/* Open path for writing: a new file created 0600 with O_EXCL|O_NOFOLLOW. An existing regular
 * file is refused unless force (then unlinked and created anew, never written into); a symbolic
 * link or anything not a regular file is always refused. path NULL means standard output.
 * CTL_EXIT_OK, or the one-line reason printed and CTL_EXIT_FAIL. */
int ctl_out_open(struct ctl_out *o, const char *path, bool force);

/* Close the file; when !ok (the command failed) or it could not be written, the file created is
 * removed. True when ok and everything was written. */
bool ctl_out_close(struct ctl_out *o, bool ok);

/* Write s (escaped, like ctl_put) then spaces up to width display columns, at least one space
 * after. */
void ctl_pad(FILE *f, const char *s, int width);

/* The request number in canonical form, or a failure printed (CTL_EXIT_FAIL). */
int ctl_number(const struct ctl *c, const char *arg, char out[AKSES_NUMBER_BUF]);

/* A list of request summaries (request list, inbox) as a table, or a JSON array. */
int ctl_print_summaries(struct ctl *c, const struct akses_request_summary *r, int n);

/* Print a request's state after an action: "AKS-...  STATE (step N): label", or JSON. */
int ctl_print_state(struct ctl *c, const char *number);

/* Commands of this program (one file per group). */
int ctl_cmd_init(struct ctl *c, int argc, char **argv);    /* ctl_init.c */
int ctl_cmd_staff(struct ctl *c, int argc, char **argv);   /* ctl_staff.c */
int ctl_cmd_request(struct ctl *c, int argc, char **argv); /* ctl_request.c */
int ctl_request_attacks(struct ctl *c, int argc, char **argv); /* ctl_attacks.c */
int ctl_cmd_inbox(struct ctl *c, int argc, char **argv);   /* ctl_flow.c */
int ctl_cmd_dispose(struct ctl *c, int argc, char **argv);
int ctl_cmd_verify(struct ctl *c, int argc, char **argv);
int ctl_cmd_decide(struct ctl *c, int argc, char **argv);
int ctl_cmd_assign(struct ctl *c, int argc, char **argv);
int ctl_cmd_record(struct ctl *c, int argc, char **argv);
int ctl_cmd_report(struct ctl *c, int argc, char **argv);
int ctl_cmd_forward(struct ctl *c, int argc, char **argv);
int ctl_cmd_receive(struct ctl *c, int argc, char **argv);
int ctl_cmd_pass(struct ctl *c, int argc, char **argv); /* ctl_pass.c */
int ctl_cmd_scan(struct ctl *c, int argc, char **argv); /* ctl_scan.c */
int ctl_cmd_log(struct ctl *c, int argc, char **argv);  /* ctl_query.c */
int ctl_cmd_inside(struct ctl *c, int argc, char **argv);
int ctl_cmd_compliance(struct ctl *c, int argc, char **argv);
int ctl_cmd_audit(struct ctl *c, int argc, char **argv); /* ctl_audit.c */
int ctl_cmd_web(struct ctl *c, int argc, char **argv);   /* ctl_web.c */
int ctl_cmd_migrate_sqlite(struct ctl *c, int argc, char **argv); /* ctl_migrate.c */
/* ctl_pgtool.c: `audit backup` on a server (pg_dump into a new file; c->db_path resolved by
 * ctl_open) and `audit restore` (pg_restore into an empty database). Exit code, failure
 * printed. */
int ctl_pg_dump(struct ctl *c, const char *file);
int ctl_pg_restore(struct ctl *c, const char *file);
int ctl_staff_code(struct ctl *c, int argc, char **argv); /* ctl_code.c: `staff code` */
int ctl_staff_card(struct ctl *c, int argc, char **argv); /* ctl_code.c: `staff card` */
/* ctl_staff_email.c: `staff email` (help: the staff command's) */
int ctl_staff_email(struct ctl *c, int argc, char **argv, const char *help);
int ctl_cmd_signin(struct ctl *c, int argc, char **argv);          /* ctl_code.c */
int ctl_signin_alerts(struct ctl *c, int argc, char **argv); /* ctl_alerts.c: `signin alerts` */

#endif
