/* settings.h - the one route from the config file and a program's overrides (--config, --db,
 * $AKSES_CONFIG, $AKSES_DB) to the config and the store's options and DB location, shared by
 * aksesctl, the kiosk and the tests' helpers so that every program opens the same DB.
 *
 * Precedence, the same for every program:
 *   config file: --config > $AKSES_CONFIG > none (the embedded defaults);
 *   DB location: --db > $AKSES_DB > the config's [store] db > "akses.db" (config_defaults).
 * An empty value counts as not given. The DB location is a string the store interprets (a file
 * path today); nothing outside the store takes it apart. */
#ifndef AKSES_SETTINGS_H
#define AKSES_SETTINGS_H

#include "config.h"
#include "status.h"
#include "store.h"

/* The config file to read: opt (--config) when non-empty, else $AKSES_CONFIG when non-empty,
 * else NULL (no file: the embedded defaults). */
const char *settings_config_path(const char *opt);

/* Defaults, then the file settings_config_path(opt) names over them (config_load). *used gets
 * that path (NULL: none). AKSES_E_CONFIG with *bad_line (0: unreadable) on a bad file; cfg then
 * holds the plain defaults. */
akses_status settings_load(const char *opt, struct akses_config *cfg, const char **used,
                           int *bad_line);

/* The DB location: db_opt (--db) when non-empty, else $AKSES_DB when non-empty, else the
 * config's (its default is "akses.db"). Points into db_opt, the environment or cfg. */
const char *settings_db(const struct akses_config *cfg, const char *db_opt);

/* The store's options from the config: pass grace, repeat guard, audit key and passfile
 * (pointing into cfg, which must outlive the store_open call) and the default busy timeout. */
struct store_options settings_store_options(const struct akses_config *cfg);

#endif
