/* test_settings.c - the one route from config and overrides to the DB location and the store's
 * options: --db > $AKSES_DB > the config's [store] db > akses.db, --config > $AKSES_CONFIG, and
 * the store options built from the config. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "settings.h"

/* A config file under $AKSES_TEST_TMP (or /tmp) holding text; its path (static). */
static const char *write_ini(const char *name, const char *text)
{
	static char path[2][512];
	static int n;
	const char *dir = getenv("AKSES_TEST_TMP");
	if (!dir || !*dir)
		dir = "/tmp";
	mkdir(dir, 0700);
	char *p = path[n++ % 2];
	snprintf(p, sizeof path[0], "%s/akses-settings-%ld-%s.ini", dir, (long)getpid(), name);
	FILE *f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return p;
}

static void env_clear(void)
{
	unsetenv("AKSES_DB");
	unsetenv("AKSES_CONFIG");
}

START_TEST(test_db_option_beats_env_beats_config_beats_default)
{
	struct akses_config c;
	env_clear();
	config_defaults(&c);
	ck_assert_str_eq(settings_db(&c, NULL), "akses.db"); /* built in */
	snprintf(c.db, sizeof c.db, "/srv/config.db");
	ck_assert_str_eq(settings_db(&c, NULL), "/srv/config.db"); /* the config's */
	setenv("AKSES_DB", "/srv/env.db", 1);
	ck_assert_str_eq(settings_db(&c, NULL), "/srv/env.db"); /* $AKSES_DB over it */
	ck_assert_str_eq(settings_db(&c, "/srv/opt.db"), "/srv/opt.db"); /* --db over all */
	env_clear();
}
END_TEST

/* An empty --db or $AKSES_DB (an unset variable in a unit file) counts as not given: it must
 * not become a DB named "". */
START_TEST(test_empty_values_count_as_not_given)
{
	struct akses_config c;
	env_clear();
	config_defaults(&c);
	snprintf(c.db, sizeof c.db, "/srv/config.db");
	setenv("AKSES_DB", "", 1);
	ck_assert_str_eq(settings_db(&c, ""), "/srv/config.db");
	c.db[0] = '\0';
	ck_assert_str_eq(settings_db(&c, NULL), "akses.db");
	ck_assert_str_eq(settings_db(NULL, NULL), "akses.db");
	env_clear();
}
END_TEST

START_TEST(test_config_option_beats_env_and_none_means_defaults)
{
	struct akses_config c;
	const char *used = "x";
	int line = -1;
	env_clear();
	ck_assert_int_eq(settings_load(NULL, &c, &used, &line), AKSES_OK);
	ck_assert_ptr_null(used);
	ck_assert_str_eq(c.db, "akses.db");

	const char *env_ini = write_ini("env", "[store]\ndb = /srv/from-env.db\n");
	const char *opt_ini = write_ini("opt", "[store]\ndb = /srv/from-opt.db\n");
	setenv("AKSES_CONFIG", env_ini, 1);
	ck_assert_int_eq(settings_load(NULL, &c, &used, &line), AKSES_OK);
	ck_assert_str_eq(used, env_ini);
	ck_assert_str_eq(settings_db(&c, NULL), "/srv/from-env.db");
	ck_assert_int_eq(settings_load(opt_ini, &c, &used, &line), AKSES_OK);
	ck_assert_str_eq(used, opt_ini);
	ck_assert_str_eq(settings_db(&c, NULL), "/srv/from-opt.db");
	unlink(env_ini);
	unlink(opt_ini);
	env_clear();
}
END_TEST

START_TEST(test_a_bad_config_is_named_with_its_line_and_leaves_defaults)
{
	struct akses_config c;
	const char *used = NULL;
	int line = -1;
	env_clear();
	const char *ini = write_ini("bad", "[store]\ndb = /srv/x.db\nnope = 1\n");
	ck_assert_int_eq(settings_load(ini, &c, &used, &line), AKSES_E_CONFIG);
	ck_assert_str_eq(used, ini);
	ck_assert_int_eq(line, 3);
	ck_assert_str_eq(c.db, "akses.db");
	unlink(ini);
}
END_TEST

START_TEST(test_store_options_come_from_the_config)
{
	struct akses_config c;
	config_defaults(&c);
	struct store_options so = settings_store_options(&c);
	ck_assert_int_eq(so.pass_grace_min, STORE_GRACE_MIN_DEFAULT);
	ck_assert_int_eq(so.scan_repeat_s, STORE_REPEAT_S_DEFAULT);
	ck_assert_int_eq(so.busy_timeout_ms, 0); /* the store's own default */
	ck_assert_ptr_eq(so.audit_key_path, c.audit_key);
	ck_assert_ptr_null(so.passfile); /* none named: libpq's ~/.pgpass or $PGPASSFILE */
	ck_assert(!so.short_lived);

	c.pass_grace_min = 40;
	c.scan_repeat_s = 0;
	snprintf(c.audit_key, sizeof c.audit_key, "/etc/akses/audit.key");
	so = settings_store_options(&c);
	ck_assert_int_eq(so.pass_grace_min, 40);
	ck_assert_int_eq(so.scan_repeat_s, 0);
	ck_assert_str_eq(so.audit_key_path, "/etc/akses/audit.key");
	snprintf(c.passfile, sizeof c.passfile, "/etc/akses/pgpass");
	so = settings_store_options(&c);
	ck_assert_str_eq(so.passfile, "/etc/akses/pgpass"); /* [store] passfile reaches the store */

	so = settings_store_options(NULL); /* no config: every default */
	ck_assert_int_lt(so.pass_grace_min, 0);
	ck_assert_int_lt(so.scan_repeat_s, 0);
	ck_assert_ptr_null(so.audit_key_path);
}
END_TEST

START_TEST(test_passfile_key_reaches_the_store_options)
{
	struct akses_config c;
	const char *ini = write_ini("pass", "[store]\ndb = host=db1 dbname=akses\n"
	                                    "passfile = /etc/akses/pgpass\n");
	ck_assert_int_eq(settings_load(ini, &c, NULL, NULL), AKSES_OK);
	struct store_options so = settings_store_options(&c);
	ck_assert_str_eq(so.passfile, "/etc/akses/pgpass");
	unlink(ini);
}
END_TEST

/* A password in the server's address would show in `ps` and the config: refused before any
 * connection is tried (port 1: nothing listens there, so a connection attempt would say so). */
START_TEST(test_a_password_in_the_server_address_is_refused)
{
	static const char *const bad[] = {
	    "postgresql://akses_station:s3cret@127.0.0.1:1/akses",
	    "postgresql://akses_station@127.0.0.1:1/akses?password=s3cret",
	    "host=127.0.0.1 port=1 dbname=akses user=akses_station password=s3cret",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		store *st = NULL;
		ck_assert_int_eq(store_open(bad[i], NULL, &st), AKSES_E_DB_PASSWORD);
		ck_assert_ptr_null(st);
	}
	/* without one, the same address is tried (and fails: nobody listens on port 1) */
	store *st = NULL;
	ck_assert_int_ne(store_open("postgresql://akses_station@127.0.0.1:1/akses", NULL, &st),
	                 AKSES_E_DB_PASSWORD);
	ck_assert_ptr_null(st);
	ck_assert_str_ne(akses_status_message(AKSES_E_DB_PASSWORD), "");
}
END_TEST

static Suite *settings_suite(void)
{
	Suite *s = suite_create("settings");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_db_option_beats_env_beats_config_beats_default);
	tcase_add_test(tc, test_passfile_key_reaches_the_store_options);
	tcase_add_test(tc, test_a_password_in_the_server_address_is_refused);
	tcase_add_test(tc, test_empty_values_count_as_not_given);
	tcase_add_test(tc, test_config_option_beats_env_and_none_means_defaults);
	tcase_add_test(tc, test_a_bad_config_is_named_with_its_line_and_leaves_defaults);
	tcase_add_test(tc, test_store_options_come_from_the_config);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(settings_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
