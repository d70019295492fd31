/* settings.c - config file and overrides to the config, the DB location and the store's options:
 * the precedence every program shares (settings.h). */
#include "settings.h"

#include <stdlib.h>

/* A value that is set and not empty. */
static const char *settings_given(const char *v)
{
	return v && *v ? v : NULL;
}

const char *settings_config_path(const char *opt)
{
	if (settings_given(opt))
		return opt;
	return settings_given(getenv("AKSES_CONFIG"));
}

akses_status settings_load(const char *opt, struct akses_config *cfg, const char **used,
                           int *bad_line)
{
	const char *path = settings_config_path(opt);
	if (used)
		*used = path;
	if (bad_line)
		*bad_line = 0;
	if (!cfg)
		return AKSES_E_INVALID_ARG;
	if (!path) {
		config_defaults(cfg);
		return AKSES_OK;
	}
	return config_load(path, cfg, bad_line);
}

const char *settings_db(const struct akses_config *cfg, const char *db_opt)
{
	const char *db = settings_given(db_opt);
	if (!db)
		db = settings_given(getenv("AKSES_DB"));
	if (!db && cfg)
		db = settings_given(cfg->db);
	return db ? db : CONFIG_DB_DEFAULT;
}

struct store_options settings_store_options(const struct akses_config *cfg)
{
	struct store_options so = {.pass_grace_min = -1, .scan_repeat_s = -1};
	if (cfg) {
		so.pass_grace_min = cfg->pass_grace_min;
		so.scan_repeat_s = cfg->scan_repeat_s;
		so.audit_key_path = cfg->audit_key;
		so.passfile = settings_given(cfg->passfile);
	}
	return so; /* busy_timeout_ms 0: the store's default */
}
