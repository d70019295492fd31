/* ctl_util.c - what every aksesctl command shares: option parsing, config and language, opening
 * the store, PINs and sign-in, and the one-line error messages. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <termios.h>
#include <unistd.h>

#include "clock.h"
#include "ctl.h"
#include "i18n.h"
#include "secret.h"
#include "settings.h"
#include "valid.h"

static const char *g_cmd;  /* the command being parsed, for "try 'aksesctl X --help'" */
static const char *g_lang; /* --lang, when given */
static bool g_config_loaded;

/* ---- messages ------------------------------------------------------------------------------ */

int ctl_usage(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "aksesctl: %s; ", msg);
	if (g_cmd)
		fprintf(stderr, T_("try 'aksesctl %s --help'"), g_cmd);
	else
		fputs(T_("try 'aksesctl --help'"), stderr);
	fputc('\n', stderr);
	return CTL_EXIT_USAGE;
}

int ctl_fail_text(const char *fmt, ...)
{
	va_list ap;
	fputs("aksesctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CTL_EXIT_FAIL;
}

/* The status sentence, with the store's own diagnostic for storage failures (staff only see
 * aksesctl, so the SQLite text helps them; it never holds personal data). */
int ctl_fail(const struct ctl *c, akses_status st, const char *detail)
{
	const char *msg = akses_status_message(st);
	const char *diag = "";
	if ((st == AKSES_E_IO || st == AKSES_E_BUSY || st == AKSES_E_DB_CORRUPT) && c && c->st)
		diag = store_errmsg(c->st);
	else if (st == AKSES_E_AUDIT_KEY && c && c->st)
		diag = store_audit_key_path(c->st); /* where the key was looked for */
	if (detail && *detail)
		fprintf(stderr, "aksesctl: %s (%s)\n", msg, detail);
	else if (diag && *diag)
		fprintf(stderr, "aksesctl: %s (%s)\n", msg, diag);
	else
		fprintf(stderr, "aksesctl: %s\n", msg);
	return CTL_EXIT_FAIL;
}

int ctl_fail_field(const struct ctl *c, akses_status st, akses_field field, int index)
{
	if (field == AKSES_F_NONE)
		return ctl_fail(c, st, NULL);
	const char *label = akses_field_label(field);
	if (field == AKSES_F_COMPANION_NAME || field == AKSES_F_COMPANION_NIK ||
	    field == AKSES_F_EQUIPMENT)
		fprintf(stderr, "aksesctl: %s %d: %s\n", label, index + 1,
		        akses_status_message(st));
	else
		fprintf(stderr, "aksesctl: %s: %s\n", label, akses_status_message(st));
	return CTL_EXIT_FAIL;
}

/* ---- config, language, store ------------------------------------------------------------- */

enum ctl_global ctl_global_opt(struct ctl *c, const char *name, const char *value)
{
	if (strcmp(name, "json") == 0) {
		c->json = true;
		return CTL_GLOBAL_APPLIED;
	}
	if (strcmp(name, "db") == 0) {
		if (c->st) {
			ctl_usage(T_("--db must come before the store is opened"));
			return CTL_GLOBAL_BAD;
		}
		c->db_path = value;
		return CTL_GLOBAL_APPLIED;
	}
	if (strcmp(name, "config") == 0) {
		c->config_path = value;
		g_config_loaded = false;
		return ctl_setup(c) == CTL_EXIT_OK ? CTL_GLOBAL_APPLIED : CTL_GLOBAL_BAD;
	}
	if (strcmp(name, "lang") == 0) {
		if (strcmp(value, "id") != 0 && strcmp(value, "en") != 0) {
			ctl_usage(T_("--lang must be id or en"));
			return CTL_GLOBAL_BAD;
		}
		g_lang = value;
		i18n_set_lang(value);
		return CTL_GLOBAL_APPLIED;
	}
	return CTL_GLOBAL_NOT_MINE;
}

int ctl_setup(struct ctl *c)
{
	int rc = CTL_EXIT_OK;
	if (!g_config_loaded) {
		/* --config, else $AKSES_CONFIG, else the defaults (settings.h) */
		int bad_line = 0;
		const char *used = NULL;
		if (settings_load(c->config_path, &c->cfg, &used, &bad_line) != AKSES_OK) {
			char where[600];
			if (bad_line > 0)
				snprintf(where, sizeof where, "%s:%d", used, bad_line);
			else
				snprintf(where, sizeof where, "%s", used ? used : "");
			rc = ctl_fail(c, AKSES_E_CONFIG, where);
		}
		c->config_path = used;
		g_config_loaded = true;
	}
	const char *lang = g_lang ? g_lang : (c->cfg.lang[0] ? c->cfg.lang : "id");
	if (i18n_init(NULL, lang) != 0)
		i18n_init(NULL, "id");
	i18n_bind(CTL_DOMAIN);
	return rc;
}

/* Why a store could not be opened for an AKSES_E_IO, into detail: the file's own errno when the
 * file is missing or unreadable, else a read-only folder (SQLite must create PATH-wal and
 * PATH-shm beside the file, so errno then names a file that does not exist, which misleads).
 * err is the errno store_open left. */
static void ctl_io_detail(const char *path, int err, char *detail, size_t n)
{
	char dir[600];
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	if (access(path, R_OK | W_OK) == 0 && access(dir, W_OK | X_OK) != 0)
		snprintf(detail, n, T_("%s: the folder %s is read-only"), path, dir);
	else if (err)
		snprintf(detail, n, "%s: %s", path, strerror(err));
	else
		snprintf(detail, n, "%s", path);
}

int ctl_open(struct ctl *c)
{
	if (c->st)
		return CTL_EXIT_OK;
	/* --db, else $AKSES_DB, else the config's (settings.h: the kiosk resolves it alike) */
	const char *path = settings_db(&c->cfg, c->db_path);
	c->db_path = path;
	/* a mistyped --db must not quietly create an empty DB and answer from it */
	if (!c->create_db && !store_is_server(path) && access(path, F_OK) != 0) {
		char detail[600];
		snprintf(detail, sizeof detail, "%s: %s (%s)", path, strerror(errno),
		         T_("create the database with 'aksesctl init'"));
		return ctl_fail(c, AKSES_E_IO, detail);
	}
	struct store_options opt = settings_store_options(&c->cfg);
	opt.short_lived = true; /* one command: may read a full disk with a private WAL index */
	errno = 0;
	akses_status st = store_open(path, &opt, &c->st);
	if (st != AKSES_OK) {
		int err = errno;
		c->st = NULL;
		char detail[600];
		if (st == AKSES_E_DB_PASSWORD) /* never echo the password it refuses */
			return ctl_fail(c, st, NULL);
		if (store_is_server(path))
			snprintf(detail, sizeof detail, "%s: %s", path, store_open_errmsg());
		else if (st == AKSES_E_IO)
			ctl_io_detail(path, err, detail, sizeof detail);
		else
			snprintf(detail, sizeof detail, "%s", path);
		return ctl_fail(c, st, detail);
	}
	if (store_audit_anchor(c->st, c->audit_head) != AKSES_OK)
		c->audit_head[0] = '\0';
	return CTL_EXIT_OK;
}

/* ---- PINs and sign-in --------------------------------------------------------------------- */

char *ctl_read_line(char *buf, size_t n)
{
	if (!fgets(buf, (int)n, stdin))
		return NULL;
	size_t len = strlen(buf);
	if (len > 0 && buf[len - 1] != '\n' && !feof(stdin)) {
		/* longer than any PIN: swallow the rest of the line so the next read starts clean
		 */
		int ch;
		while ((ch = getchar()) != EOF && ch != '\n')
			;
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf;
}

/* Read one line from a terminal without echo (a person typing), or plainly from a pipe. */
static const char *read_secret(const char *prompt, char *buf, size_t n)
{
	if (!isatty(STDIN_FILENO))
		return ctl_read_line(buf, n);
	struct termios old, quiet;
	bool restore = tcgetattr(STDIN_FILENO, &old) == 0;
	fputs(prompt, stderr);
	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	const char *r = ctl_read_line(buf, n);
	if (restore) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	return r;
}

const char *ctl_pin(char *buf, size_t n)
{
	const char *env = getenv("AKSES_PIN");
	if (env) {
		snprintf(buf, n, "%s", env);
		return buf;
	}
	return read_secret("PIN: ", buf, n);
}

const char *ctl_new_pin(char *buf, size_t n)
{
	const char *env = getenv("AKSES_NEW_PIN");
	if (env) {
		snprintf(buf, n, "%s", env);
		return buf;
	}
	return read_secret(T_("New PIN: "), buf, n);
}

/* A PIN set by an ADMIN: tell its owner who set it and when, and take their own new PIN
 * ($AKSES_NEW_PIN, else the next line) before anything else is done under the account. */
static int ctl_change_reset_pin(struct ctl *c)
{
	char when[32] = "-", who[160];
	if (c->actor.pin_set_at > 0)
		clock_format(c->actor.pin_set_at, when, sizeof when);
	snprintf(who, sizeof who, T_("your PIN was set by staff %lld at %s"),
	         (long long)c->actor.pin_set_by, when);
	/* a person at a terminal reads why before the prompt; a script gets one line either way */
	bool told = false;
	if (!getenv("AKSES_NEW_PIN") && isatty(STDIN_FILENO)) {
		fprintf(stderr, "aksesctl: %s\n", who);
		told = true;
	}
	char pin[64], detail[256];
	if (!ctl_new_pin(pin, sizeof pin)) {
		snprintf(detail, sizeof detail, T_("%s; give a new one of 6-8 digits in AKSES_NEW_PIN or "
		                                  "on the next line"),
		         who);
		return ctl_fail(c, AKSES_E_PIN_MUST_CHANGE, detail);
	}
	akses_status st = store_staff_set_pin(c->st, c->actor.id, c->actor.id, pin);
	memset(pin, 0, sizeof pin);
	if (st != AKSES_OK) {
		snprintf(detail, sizeof detail, "%s: %s", who, akses_status_message(st));
		return ctl_fail(c, AKSES_E_PIN_MUST_CHANGE, detail);
	}
	if (!told)
		fprintf(stderr, T_("aksesctl: %s; you chose a new one and it is now your PIN\n"), who);
	c->actor.pin_must_change = false;
	c->pin_changed = true;
	return CTL_EXIT_OK;
}

/* The station a sign-in is counted at: aksesctl per local user, so that one shell account's
 * wrong PINs slow down only that user, not the kiosk and not the other users. With several PCs
 * on one server the config's station name comes first ("PC-HELPDESK uid 1000"), so the records
 * say which PC it was and one PC's user does not slow down the same uid on another; cut to fit
 * AKSES_STATION_CHARS (24 + " uid " + 10 digits). */
static void ctl_station(const struct ctl *c, char *buf, size_t n)
{
	if (c->cfg.station[0])
		snprintf(buf, n, "%.24s uid %lu", c->cfg.station, (unsigned long)getuid());
	else
		snprintf(buf, n, "aksesctl uid %lu", (unsigned long)getuid());
}

static int ctl_signin_flags(struct ctl *c, int64_t staff_id, unsigned flags)
{
	int rc = ctl_open(c);
	if (rc != CTL_EXIT_OK)
		return rc;
	char pin[64];
	if (!ctl_pin(pin, sizeof pin))
		return ctl_fail_text("%s",
		                     T_("no PIN given: set AKSES_PIN or write it on the first line "
		                        "of standard input"));
	char station[48];
	ctl_station(c, station, sizeof station);
	bool recorded = true;
	akses_status st = store_signin_ex(c->st, staff_id, pin, station, flags, &c->actor,
	                                  &recorded);
	memset(pin, 0, sizeof pin);
	if (!recorded && (st == AKSES_OK || st == AKSES_E_PIN_MUST_CHANGE)) {
		/* an emergency read on a full or read-only disk: go on, but say it was not recorded */
		char msg[256];
		snprintf(msg, sizeof msg,
		         T_("warning: the sign-in of staff %lld could not be recorded (%s); reading "
		            "only"),
		         (long long)staff_id, store_errmsg(c->st));
		fprintf(stderr, "aksesctl: %s\n", msg);
		openlog("aksesctl", LOG_PID, LOG_AUTH);
		syslog(LOG_WARNING, "sign-in of staff %lld not recorded (%s)", (long long)staff_id,
		       store_errmsg(c->st));
		closelog();
		return CTL_EXIT_OK;
	}
	if (st == AKSES_E_PIN_MUST_CHANGE)
		return ctl_change_reset_pin(c);
	if (st == AKSES_E_PIN_LOCKED && c->actor.retry_at > 0) {
		char when[32];
		clock_format(c->actor.retry_at, when, sizeof when);
		char detail[80];
		snprintf(detail, sizeof detail, T_("next try after %s"), when);
		return ctl_fail(c, st, detail);
	}
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	return CTL_EXIT_OK;
}

int ctl_signin(struct ctl *c, int64_t staff_id)
{
	return ctl_signin_flags(c, staff_id, 0);
}

int ctl_signin_read(struct ctl *c, const char *as)
{
	int64_t id;
	if (!as)
		return ctl_usage(T_("--as STAFF_ID is required"));
	if (ctl_parse_id(as, &id) != 0)
		return ctl_usage(T_("--as needs a staff id (a number), not '%s'"), as);
	return ctl_signin_flags(c, id, STORE_SIGNIN_READ);
}

int ctl_parse_id(const char *s, int64_t *out)
{
	if (!s || !*s)
		return -1;
	char *end = NULL;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v <= 0 || s[0] == '+' || s[0] == ' ')
		return -1;
	*out = (int64_t)v;
	return 0;
}

int ctl_signin_as(struct ctl *c, const char *as)
{
	int64_t id;
	if (!as)
		return ctl_usage(T_("--as STAFF_ID is required"));
	if (ctl_parse_id(as, &id) != 0)
		return ctl_usage(T_("--as needs a staff id (a number), not '%s'"), as);
	return ctl_signin(c, id);
}

int ctl_number(const struct ctl *c, const char *arg, char out[AKSES_NUMBER_BUF])
{
	akses_status st = valid_request_number(arg, out);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	return CTL_EXIT_OK;
}

/* ---- option parsing ----------------------------------------------------------------------- */

static const struct ctl_opt *find_opt(const struct ctl_opt *opts, const char *name)
{
	for (; opts && opts->name; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts;
	return NULL;
}

/* Options take "--name value" or "--name=value"; "--" ends them; a lone "-" is positional. */
int ctl_args(struct ctl *c, int argc, char **argv, const char *cmd, const char *help,
             const struct ctl_opt *opts, const char **pos, int min_pos, int max_pos, int *n_pos)
{
	int np = 0;
	bool only_pos = false;
	g_cmd = cmd;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_pos || a[0] != '-' || strcmp(a, "-") == 0) {
			if (np >= max_pos)
				return ctl_usage(T_("unexpected argument '%s'"), a);
			pos[np++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(help, stdout);
			return CTL_EXIT_OK;
		}
		if (a[1] != '-')
			return ctl_usage(T_("unknown option '%s'"), a);
		char name[64];
		const char *eq = strchr(a + 2, '=');
		size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
		if (len == 0 || len >= sizeof name)
			return ctl_usage(T_("unknown option '%s'"), a);
		memcpy(name, a + 2, len);
		name[len] = '\0';
		const struct ctl_opt *o = find_opt(opts, name);
		bool is_global = !o && (strcmp(name, "db") == 0 || strcmp(name, "config") == 0 ||
		                        strcmp(name, "lang") == 0 || strcmp(name, "json") == 0);
		if (!o && !is_global)
			return ctl_usage(T_("unknown option '%s'"), a);
		bool takes = is_global ? strcmp(name, "json") != 0 : o->kind != CTL_OPT_FLAG;
		const char *val = NULL;
		if (takes) {
			if (eq)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				return ctl_usage(T_("option '--%s' needs a value"), name);
		} else if (eq) {
			return ctl_usage(T_("option '--%s' takes no value"), name);
		}
		if (is_global) {
			enum ctl_global r = ctl_global_opt(c, name, val);
			if (r == CTL_GLOBAL_NOT_MINE)
				return ctl_usage(T_("unknown option '%s'"), a);
			if (r == CTL_GLOBAL_BAD)
				return CTL_EXIT_USAGE;
			continue;
		}
		switch (o->kind) {
		case CTL_OPT_FLAG:
			*o->flag = true;
			break;
		case CTL_OPT_VALUE:
			*o->value = val;
			break;
		case CTL_OPT_LIST:
			if (*o->count < o->max)
				o->value[*o->count] = val;
			(*o->count)++;
			break;
		}
	}
	if (np < min_pos)
		return ctl_usage(T_("missing argument"));
	if (n_pos)
		*n_pos = np;
	return CTL_CONTINUE;
}

int ctl_no_sub(int argc, char **argv, const char *cmd, const char *help)
{
	g_cmd = cmd;
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(help, stdout);
		return CTL_EXIT_OK;
	}
	if (argc < 2)
		return ctl_usage(T_("missing sub-command"));
	return ctl_usage(T_("unknown sub-command '%s'"), argv[1]);
}

/* ---- output helpers ----------------------------------------------------------------------- */

void ctl_pad(FILE *f, const char *s, int width)
{
	int w = ctl_put(f, s);
	do
		fputc(' ', f);
	while (++w < width);
}

int ctl_print_state(struct ctl *c, const char *number)
{
	struct akses_request *r = calloc(1, sizeof *r);
	if (!r)
		return ctl_fail(c, AKSES_E_NOMEM, NULL);
	akses_status st = store_request_get(c->st, number, r);
	if (st != AKSES_OK) {
		free(r);
		return ctl_fail(c, st, NULL);
	}
	int rc = CTL_EXIT_OK;
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "number", r->number);
		cJSON_AddStringToObject(o, "state", wf_state_code(r->state));
		cJSON_AddNumberToObject(o, "last_step", r->last_step);
		cJSON_AddStringToObject(o, "state_label", wf_state_label(r->state));
		rc = ctl_json_print(o);
	} else {
		printf("%s  %s  (", r->number, wf_state_code(r->state));
		printf(T_("step %d done"), r->last_step);
		printf("): %s\n", wf_state_label(r->state));
	}
	free(r);
	return rc;
}
