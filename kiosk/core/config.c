/* config.c - the INI config file (inih) over embedded defaults. Unknown sections or keys and bad
 * values are errors with their line number, so a typo never silently falls back to a default. */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h" /* the pass and scan defaults are the store's own */

static const char *const config_label_codes[] = {
    [LABEL_62X100] = "62x100",
    [LABEL_CR80] = "cr80",
    [LABEL_A6] = "a6",
};

void config_defaults(struct akses_config *cfg)
{
	if (!cfg)
		return;
	memset(cfg, 0, sizeof *cfg);
	snprintf(cfg->db, sizeof cfg->db, "%s", CONFIG_DB_DEFAULT);
	snprintf(cfg->station, sizeof cfg->station, "RECEPTION");
	snprintf(cfg->mode, sizeof cfg->mode, "reception");
	snprintf(cfg->lang, sizeof cfg->lang, "id");
	cfg->idle_timeout_s = CONFIG_IDLE_TIMEOUT_S;
	cfg->idle_countdown_s = CONFIG_IDLE_COUNTDOWN_S;
	snprintf(cfg->agency, sizeof cfg->agency,
	         "Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat");
	snprintf(cfg->agency_unit, sizeof cfg->agency_unit, "Bidang Aplikasi Informatika");
	snprintf(cfg->city, sizeof cfg->city, "Padang");
	cfg->label = LABEL_62X100;
	cfg->print_timeout_s = 30;
	cfg->retention_days = 365;
	cfg->reset_window_min = 60;
	cfg->pass_grace_min = STORE_GRACE_MIN_DEFAULT;
	cfg->scan_repeat_s = STORE_REPEAT_S_DEFAULT;
	cfg->shift_minutes = 480;
	snprintf(cfg->web_listen, sizeof cfg->web_listen, "127.0.0.1");
	cfg->web_port = CONFIG_WEB_PORT;
	snprintf(cfg->web_cert, sizeof cfg->web_cert, "akses-web.crt");
	snprintf(cfg->web_key, sizeof cfg->web_key, "akses-web.key");
	snprintf(cfg->web_url, sizeof cfg->web_url, "https://localhost:%d", CONFIG_WEB_PORT);

	snprintf(cfg->smtp_tls, sizeof cfg->smtp_tls, "required");
	snprintf(cfg->smtp_sender, sizeof cfg->smtp_sender, "akses@localhost");
	cfg->smtp_timeout_s = 30;
	cfg->command_timeout_s = 10;
	cfg->notify_poll_s = 15;
}

void config_set_mode(struct akses_config *cfg, bool door)
{
	if (!cfg)
		return;
	snprintf(cfg->mode, sizeof cfg->mode, "%s", door ? "door" : "reception");
	if (!cfg->station_named)
		snprintf(cfg->station, sizeof cfg->station, "%s", door ? "DOOR" : "RECEPTION");
}

int config_label_parse(const char *s, config_label *out)
{
	if (!s)
		return -1;
	for (int i = LABEL_62X100; i <= LABEL_A6; i++) {
		if (strcmp(s, config_label_codes[i]) == 0) {
			if (out)
				*out = (config_label)i;
			return 0;
		}
	}
	return -1;
}

/* Copies value into a string field; false when it does not fit, or is empty where a value is
 * required (a queue may be empty: the CUPS default). */
static bool config_str(char *dst, size_t n, const char *value, bool may_be_empty)
{
	size_t len = strlen(value);
	if (len >= n || (len == 0 && !may_be_empty))
		return false;
	memcpy(dst, value, len + 1);
	return true;
}

/* A whole decimal integer within [lo, hi]; false for anything else ("10s", "", "1e3"). */
static bool config_int(int *dst, const char *value, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(value, &end, 10);
	if (errno || end == value || *end != '\0' || v < lo || v > hi)
		return false;
	*dst = (int)v;
	return true;
}

/* One of a fixed set of words. */
static bool config_word(char *dst, size_t n, const char *value, const char *a, const char *b)
{
	if (strcmp(value, a) != 0 && strcmp(value, b) != 0)
		return false;
	return config_str(dst, n, value, false);
}

/* inih's callback: applies one key; returns 0 (an error inih reports with the line number) for
 * an unknown section or key or a bad value. */
static int config_handler(void *user, const char *section, const char *name, const char *value)
{
	struct akses_config *c = user;
#define IS(s, k) (strcmp(section, s) == 0 && strcmp(name, k) == 0)
	if (IS("store", "db"))
		return config_str(c->db, sizeof c->db, value, false);
	if (IS("store", "audit_key"))
		return config_str(c->audit_key, sizeof c->audit_key, value, true);
	if (IS("store", "passfile"))
		return config_str(c->passfile, sizeof c->passfile, value, true);
	if (IS("door", "spool"))
		return config_str(c->door_spool, sizeof c->door_spool, value, true);
	if (IS("station", "name"))
		return c->station_named = config_str(c->station, sizeof c->station, value, false);
	if (IS("station", "mode"))
		return config_word(c->mode, sizeof c->mode, value, "reception", "door");
	if (IS("station", "lang"))
		return config_word(c->lang, sizeof c->lang, value, "id", "en");
	if (IS("station", "idle_timeout"))
		return config_int(&c->idle_timeout_s, value, 10, 3600);
	if (IS("station", "idle_countdown"))
		return config_int(&c->idle_countdown_s, value, 0, 60);
	if (IS("agency", "name"))
		return config_str(c->agency, sizeof c->agency, value, false);
	if (IS("agency", "unit"))
		return config_str(c->agency_unit, sizeof c->agency_unit, value, true);
	if (IS("agency", "city"))
		return config_str(c->city, sizeof c->city, value, true);
	if (IS("printer", "badge_queue"))
		return config_str(c->badge_queue, sizeof c->badge_queue, value, true);
	if (IS("printer", "report_queue"))
		return config_str(c->report_queue, sizeof c->report_queue, value, true);
	if (IS("printer", "label"))
		return config_label_parse(value, &c->label) == 0;
	if (IS("printer", "timeout"))
		return config_int(&c->print_timeout_s, value, 1, 600);
	if (IS("privacy", "retention_days"))
		return config_int(&c->retention_days, value, 1, 3650);
	if (IS("privacy", "pin_reset_window"))
		return config_int(&c->reset_window_min, value, 0, 10080);
	if (IS("passes", "grace_minutes"))
		return config_int(&c->pass_grace_min, value, 0, 240);
	if (IS("passes", "repeat_guard_seconds"))
		return config_int(&c->scan_repeat_s, value, 0, 600);
	if (IS("door", "shift_minutes"))
		return config_int(&c->shift_minutes, value, 1, 24 * 60);
	if (IS("web", "listen"))
		return config_str(c->web_listen, sizeof c->web_listen, value, false);
	if (IS("web", "port"))
		return config_int(&c->web_port, value, 1, 65535);
	if (IS("web", "cert"))
		return config_str(c->web_cert, sizeof c->web_cert, value, false);
	if (IS("web", "key"))
		return config_str(c->web_key, sizeof c->web_key, value, false);

	if (IS("web", "url"))
		return config_str(c->web_url, sizeof c->web_url, value, false);
	if (IS("notify", "smtp_url"))
		return config_str(c->smtp_url, sizeof c->smtp_url, value, true);
	if (IS("notify", "tls"))
		return (strcmp(value, "required") == 0 || strcmp(value, "try") == 0 ||
		        strcmp(value, "none") == 0) &&
		       config_str(c->smtp_tls, sizeof c->smtp_tls, value, false);
	if (IS("notify", "sender"))
		return config_str(c->smtp_sender, sizeof c->smtp_sender, value, false);
	if (IS("notify", "credentials"))
		return config_str(c->smtp_credentials, sizeof c->smtp_credentials, value, true);
	if (IS("notify", "smtp_timeout"))
		return config_int(&c->smtp_timeout_s, value, 1, 600);
	if (IS("notify", "notify_command"))
		return config_str(c->notify_command, sizeof c->notify_command, value, true);
	if (IS("notify", "command_timeout"))
		return config_int(&c->command_timeout_s, value, 1, 600);
	if (IS("notify", "poll"))
		return config_int(&c->notify_poll_s, value, 1, 3600);
#undef IS
	return 0;
}

#define CONFIG_MAX_LINE 4096 /* bytes: far above any real line, well below inih's 8192 */

/* Reads the file once before inih does. Returns 0 when it is lines of text, the number of the
 * first line holding a NUL byte or longer than CONFIG_MAX_LINE (inih would cut the first at the
 * NUL and split the second in two, blaming the wrong line), or -1 when the file cannot be read (a
 * directory opens but does not read: inih would take it for an empty file, i.e. all defaults). */
static int config_scan(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	int line = 1, bad = 0, c;
	size_t len = 0;
	while (!bad && (c = getc(f)) != EOF) {
		if (c == '\n') {
			line++;
			len = 0;
		} else if (c == '\0' || ++len > CONFIG_MAX_LINE) {
			bad = line;
		}
	}
	if (!bad && ferror(f))
		bad = -1;
	fclose(f);
	return bad;
}

akses_status config_load(const char *path, struct akses_config *cfg, int *bad_line)
{
	if (bad_line)
		*bad_line = 0;
	if (!cfg)
		return AKSES_E_INVALID_ARG;
	config_defaults(cfg);
	if (!path)
		return AKSES_E_INVALID_ARG;
	/* Parse into a copy so that a bad file leaves cfg with the plain defaults, not half a file.
	 */
	struct akses_config tmp = *cfg;
	/* inih's default 200-byte stack line buffer would split a long line (a 300-character DB
	 * path) in two and report the wrong line; Debian's libinih lets us use a growing heap
	 * buffer instead. Only this module uses inih, so setting its globals here is safe. */
	ini_use_stack = false;
	ini_allow_realloc = true;
	ini_initial_alloc = 256;
	ini_max_line = 8192;
	/* No continuation lines: with them an indented "  mode = door" under "name = A" would
	 * become the station's name, "mode = door", and the station would silently stay a
	 * reception. */
	ini_allow_multiline = false;
	int rc = config_scan(path);
	if (rc == 0)
		rc = ini_parse(path, config_handler, &tmp);
	if (rc == -2)
		return AKSES_E_NOMEM;
	if (rc != 0) {
		if (bad_line)
			*bad_line = rc > 0 ? rc : 0; /* -1: the file could not be opened or read */
		return AKSES_E_CONFIG;
	}
	*cfg = tmp;
	return AKSES_OK;
}
