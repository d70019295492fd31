/* test_config.c - the INI config: embedded defaults, the shipped example, a full file, and the
 * line number of an unknown key or a bad value. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

/* Writes text to a fresh file under $AKSES_TEST_TMP (or /tmp) and returns its path (static). */
static const char *write_ini(const char *text)
{
	static char path[512];
	static unsigned n;
	const char *dir = getenv("AKSES_TEST_TMP");
	if (!dir || !*dir)
		dir = "/tmp";
	mkdir(dir, 0700);
	snprintf(path, sizeof path, "%s/akses-config-%ld-%u.ini", dir, (long)getpid(), n++);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void assert_defaults(const struct akses_config *c)
{
	ck_assert_str_eq(c->db, "akses.db");
	ck_assert_str_eq(c->station, "RECEPTION");
	ck_assert_str_eq(c->mode, "reception");
	ck_assert_str_eq(c->lang, "id");
	ck_assert_int_eq(c->idle_timeout_s, 60);
	ck_assert_int_eq(c->idle_countdown_s, 10);
	ck_assert_str_eq(c->agency,
	                 "Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat");
	ck_assert_str_eq(c->agency_unit, "Bidang Aplikasi Informatika");
	ck_assert_str_eq(c->city, "Padang");
	ck_assert_str_eq(c->badge_queue, "");
	ck_assert_str_eq(c->report_queue, "");
	ck_assert_int_eq(c->label, LABEL_62X100);
	ck_assert_int_eq(c->print_timeout_s, 30);
	ck_assert_int_eq(c->retention_days, 365);
	ck_assert_int_eq(c->pass_grace_min, 15);
	ck_assert_int_eq(c->scan_repeat_s, 10);
	ck_assert_int_eq(c->shift_minutes, 480);
	ck_assert_str_eq(c->web_listen, "127.0.0.1");
	ck_assert_int_eq(c->web_port, 8443);
	ck_assert_str_eq(c->web_cert, "akses-web.crt");
	ck_assert_str_eq(c->web_key, "akses-web.key");
	ck_assert_str_eq(c->web_url, "https://localhost:8443");

	ck_assert_str_eq(c->smtp_url, "");
	ck_assert_str_eq(c->smtp_tls, "required");
	ck_assert_str_eq(c->smtp_sender, "akses@localhost");
	ck_assert_str_eq(c->smtp_credentials, "");
	ck_assert_int_eq(c->smtp_timeout_s, 30);
	ck_assert_str_eq(c->notify_command, "");
	ck_assert_int_eq(c->command_timeout_s, 10);
	ck_assert_int_eq(c->notify_poll_s, 15);
}

START_TEST(test_defaults_are_the_documented_ones)
{
	struct akses_config c;
	config_defaults(&c);
	assert_defaults(&c);
}
END_TEST

/* A door station nobody named used to record every scan at "RECEPTION". */
START_TEST(test_an_unnamed_door_station_is_called_door)
{
	struct akses_config c;
	config_defaults(&c);
	config_set_mode(&c, true); /* akses-kiosk --mode door, no config file */
	ck_assert_str_eq(c.station, "DOOR");
	ck_assert_str_eq(c.mode, "door");
	int bad = -1;
	ck_assert_int_eq(config_load(write_ini("[station]\nmode = door\n"), &c, &bad), AKSES_OK);
	config_set_mode(&c, !strcmp(c.mode, "door"));
	ck_assert_str_eq(c.station, "DOOR");
	/* a name the file gives is kept, in either mode */
	ck_assert_int_eq(config_load(write_ini("[station]\nname = Pintu A\n"), &c, &bad), AKSES_OK);
	config_set_mode(&c, true);
	ck_assert_str_eq(c.station, "Pintu A");
	/* reception stays RECEPTION */
	config_defaults(&c);
	config_set_mode(&c, false);
	ck_assert_str_eq(c.station, "RECEPTION");
}
END_TEST

START_TEST(test_shipped_example_loads_and_states_the_true_defaults)
{
	/* assets/akses.ini.example, found from this source file's path */
	char path[1024];
	snprintf(path, sizeof path, "%s", __FILE__);
	char *slash = strrchr(path, '/');
	ck_assert_ptr_nonnull(slash);
	snprintf(slash, sizeof path - (size_t)(slash - path), "/../../assets/akses.ini.example");
	struct akses_config c;
	int line = -1;
	ck_assert_int_eq(config_load(path, &c, &line), AKSES_OK);
	ck_assert_int_eq(line, 0);
	assert_defaults(&c);
}
END_TEST

START_TEST(test_full_file_overrides_every_key)
{
	const char *p = write_ini("; door station\n"
	                          "# hash comments too\n"
	                          "[store]\n"
	                          "db = /var/lib/akses/akses.db\n"
	                          "[station]\n"
	                          "name = PINTU-1\n"
	                          "mode = door\n"
	                          "lang = en\n"
	                          "idle_timeout = 120 ; two minutes\n"
	                          "idle_countdown = 15\n"
	                          "[agency]\n"
	                          "name = Diskominfotik Sumbar\n"
	                          "unit = Bidang Aptika\n"
	                          "city = Bukittinggi\n"
	                          "[printer]\n"
	                          "badge_queue = QL820\n"
	                          "report_queue = A4-Lantai2\n"
	                          "label = cr80\n"
	                          "timeout = 45\n"
	                          "[privacy]\n"
	                          "retention_days = 730\n"
	                          "[passes]\n"
	                          "grace_minutes = 0\n"
	                          "repeat_guard_seconds = 600\n"
	                          "[door]\n"
	                          "shift_minutes = 600\n"
	                          "[web]\n"
	                          "listen = 0.0.0.0\n"
	                          "port = 443\n"
	                          "cert = /etc/akses/web.crt\n"
	                          "key = /etc/akses/web.key\n"
	                          "url = https://akses.diskominfo.local\n");
	struct akses_config c;
	int line = -1;
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_OK);
	ck_assert_str_eq(c.db, "/var/lib/akses/akses.db");
	ck_assert_str_eq(c.station, "PINTU-1");
	ck_assert_str_eq(c.mode, "door");
	ck_assert_str_eq(c.lang, "en");
	ck_assert_int_eq(c.idle_timeout_s, 120);
	ck_assert_int_eq(c.idle_countdown_s, 15);
	ck_assert_str_eq(c.agency, "Diskominfotik Sumbar");
	ck_assert_str_eq(c.agency_unit, "Bidang Aptika");
	ck_assert_str_eq(c.city, "Bukittinggi");
	ck_assert_str_eq(c.badge_queue, "QL820");
	ck_assert_str_eq(c.report_queue, "A4-Lantai2");
	ck_assert_int_eq(c.label, LABEL_CR80);
	ck_assert_int_eq(c.print_timeout_s, 45);
	ck_assert_int_eq(c.retention_days, 730);
	ck_assert_int_eq(c.pass_grace_min, 0);
	ck_assert_int_eq(c.scan_repeat_s, 600);
	ck_assert_int_eq(c.shift_minutes, 600);
	ck_assert_str_eq(c.web_listen, "0.0.0.0");
	ck_assert_int_eq(c.web_port, 443);
	ck_assert_str_eq(c.web_cert, "/etc/akses/web.crt");
	ck_assert_str_eq(c.web_key, "/etc/akses/web.key");
	ck_assert_str_eq(c.web_url, "https://akses.diskominfo.local");
	unlink(p);
}
END_TEST

START_TEST(test_partial_file_keeps_the_other_defaults)
{
	const char *p = write_ini("[printer]\nlabel = a6\n");
	struct akses_config c;
	int line = -1;
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_OK);
	ck_assert_int_eq(c.label, LABEL_A6);
	ck_assert_str_eq(c.station, "RECEPTION");
	ck_assert_int_eq(c.retention_days, 365);
	unlink(p);
}
END_TEST

START_TEST(test_unknown_key_is_reported_with_its_line)
{
	const char *p = write_ini("[station]\n"
	                          "name = LOBBY\n"
	                          "\n"
	                          "colour = red\n");
	struct akses_config c;
	int line = 0;
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_E_CONFIG);
	ck_assert_int_eq(line, 4);
	/* cfg still holds usable defaults, not half the file */
	assert_defaults(&c);
	unlink(p);
}
END_TEST

START_TEST(test_unknown_section_and_key_outside_a_section_are_errors)
{
	struct akses_config c;
	int line = 0;
	const char *p = write_ini("[station]\nname = A\n[stations]\nname = B\n");
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_E_CONFIG);
	ck_assert_int_eq(line, 4);
	unlink(p);
	p = write_ini("db = x.db\n");
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_E_CONFIG);
	ck_assert_int_eq(line, 1);
	unlink(p);
	p = write_ini("[store]\nthis line has no equals sign\n");
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_E_CONFIG);
	ck_assert_int_eq(line, 2);
	unlink(p);
}
END_TEST

START_TEST(test_bad_values_are_refused_with_their_line)
{
	static const char *bad[] = {
	    "[station]\nidle_timeout = 9\n",
	    "[station]\nidle_timeout = 3601\n",
	    "[station]\nidle_timeout = 60s\n",
	    "[station]\nidle_timeout =\n",
	    "[station]\nidle_timeout = sixty\n",
	    "[station]\nmode = lobby\n",
	    "[station]\nlang = fr\n",
	    "[station]\nname =\n",
	    "[store]\ndb =\n",
	    "[printer]\nlabel = 62x29\n",
	    "[printer]\ntimeout = 0\n",
	    "[printer]\ntimeout = 601\n",
	    "[privacy]\nretention_days = 0\n",
	    "[privacy]\nretention_days = 3651\n",
	    "[passes]\ngrace_minutes = -1\n",
	    "[passes]\ngrace_minutes = 241\n",
	    "[passes]\nrepeat_guard_seconds = 601\n",
	    "[door]\nshift_minutes = 0\n",
	    "[door]\nshift_minutes = 1441\n",
	    "[web]\nport = 0\n",
	    "[web]\nport = 65536\n",
	    "[web]\ncert =\n",
	    "[web]\nurl =\n",
	    "[passes]\nrepeat_guard_seconds = 99999999999999999999\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *p = write_ini(bad[i]);
		struct akses_config c;
		int line = 0;
		ck_assert_msg(config_load(p, &c, &line) == AKSES_E_CONFIG, "accepted: %s", bad[i]);
		ck_assert_msg(line == 2, "line %d for: %s", line, bad[i]);
		assert_defaults(&c);
		unlink(p);
	}
}
END_TEST

START_TEST(test_boundary_values_are_accepted)
{
	const char *p = write_ini("[station]\nidle_timeout = 10\n[privacy]\nretention_days = 3650\n"
	                          "[passes]\ngrace_minutes = 240\nrepeat_guard_seconds = 0\n"
	                          "[printer]\ntimeout = 600\nbadge_queue =\n");
	struct akses_config c;
	int line = -1;
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_OK);
	ck_assert_int_eq(c.idle_timeout_s, 10);
	ck_assert_int_eq(c.retention_days, 3650);
	ck_assert_int_eq(c.pass_grace_min, 240);
	ck_assert_int_eq(c.scan_repeat_s, 0);
	ck_assert_int_eq(c.print_timeout_s, 600);
	ck_assert_str_eq(c.badge_queue, "");
	unlink(p);
}
END_TEST

START_TEST(test_long_lines_are_read_whole)
{
	char text[1200], path[700];
	memset(path, 'a', 400);
	path[0] = '/';
	path[400] = '\0';
	snprintf(text, sizeof text, "[store]\ndb = %s\n[station]\nname = PINTU\n", path);
	const char *p = write_ini(text);
	struct akses_config c;
	int line = -1;
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_OK);
	ck_assert_str_eq(c.db, path);
	ck_assert_str_eq(c.station, "PINTU");
	unlink(p);
	/* a value longer than its field is a bad value on its own line */
	memset(path, 'b', 600);
	path[600] = '\0';
	snprintf(text, sizeof text, "[store]\ndb = %s\n[station]\nname = PINTU\n", path);
	p = write_ini(text);
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_E_CONFIG);
	ck_assert_int_eq(line, 2);
	unlink(p);
}
END_TEST

/* Found while hardening config_load for the fuzzer: inih took an indented line for the
 * continuation of the previous value, so the station was named "mode = door" and stayed a
 * reception. */
START_TEST(test_an_indented_key_is_a_key_not_part_of_the_previous_value)
{
	const char *p = write_ini("[station]\nname = PINTU-1\n    mode = door\n");
	struct akses_config c;
	int line = -1;
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_OK);
	ck_assert_str_eq(c.station, "PINTU-1");
	ck_assert_str_eq(c.mode, "door");
	unlink(p);
}
END_TEST

/* A line over 4 KiB (inih splits it and blames the next line) or a NUL byte (inih reads the line
 * only up to it) is refused on its own line. */
START_TEST(test_overlong_lines_and_nul_bytes_are_refused_on_their_line)
{
	char text[10000];
	memset(text, 'x', sizeof text);
	memcpy(text, "[station]\n;", 11);
	snprintf(text + 9000, sizeof text - 9000, "\nname = PINTU\n");
	const char *p = write_ini(text);
	struct akses_config c;
	int line = -1;
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_E_CONFIG);
	ck_assert_int_eq(line, 2);
	assert_defaults(&c);
	unlink(p);

	static const char nul[] = "[station]\nname = A\nmode = door\0 lobby\n";
	p = write_ini("");
	FILE *f = fopen(p, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(nul, 1, sizeof nul - 1, f), sizeof nul - 1);
	fclose(f);
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_E_CONFIG);
	ck_assert_int_eq(line, 3);
	assert_defaults(&c);
	unlink(p);
}
END_TEST

/* A directory opens like a file but reads nothing: inih took it for an empty config. */
START_TEST(test_a_directory_is_not_an_empty_config)
{
	struct akses_config c;
	int line = 99;
	ck_assert_int_eq(config_load("/", &c, &line), AKSES_E_CONFIG);
	ck_assert_int_eq(line, 0);
	assert_defaults(&c);
}
END_TEST

START_TEST(test_missing_file_is_a_config_error_on_line_0)
{
	struct akses_config c;
	int line = 99;
	ck_assert_int_eq(config_load("/nonexistent/akses.ini", &c, &line), AKSES_E_CONFIG);
	ck_assert_int_eq(line, 0);
	assert_defaults(&c);
}
END_TEST

START_TEST(test_label_codes_round_trip)
{
	static const char *codes[] = {"62x100", "cr80", "a6"};
	for (int l = LABEL_62X100; l <= LABEL_A6; l++) {
		config_label back = LABEL_A6;
		ck_assert_int_eq(config_label_parse(codes[l], &back), 0);
		ck_assert_int_eq(back, l);
	}
	config_label x;
	ck_assert_int_eq(config_label_parse("A4", &x), -1);
	ck_assert_int_eq(config_label_parse(NULL, &x), -1);
}
END_TEST

START_TEST(test_notify_keys_are_read_and_bad_ones_refused_with_their_line)
{
	const char *p = write_ini("[web]\n"
	                          "url = https://akses.lan:8443\n"
	                          "[notify]\n"
	                          "smtp_url = smtps://mail.dinas.go.id:465\n"
	                          "tls = try\n"
	                          "sender = akses@dinas.go.id\n"
	                          "credentials = /etc/akses/smtp.cred\n"
	                          "smtp_timeout = 20\n"
	                          "notify_command = /usr/local/bin/wa-gateway --group it\n"
	                          "command_timeout = 5\n"
	                          "poll = 60\n");
	struct akses_config c;
	int line = -1;
	ck_assert_int_eq(config_load(p, &c, &line), AKSES_OK);
	ck_assert_str_eq(c.web_url, "https://akses.lan:8443");
	ck_assert_str_eq(c.smtp_url, "smtps://mail.dinas.go.id:465");
	ck_assert_str_eq(c.smtp_tls, "try");
	ck_assert_str_eq(c.smtp_sender, "akses@dinas.go.id");
	ck_assert_str_eq(c.smtp_credentials, "/etc/akses/smtp.cred");
	ck_assert_int_eq(c.smtp_timeout_s, 20);
	ck_assert_str_eq(c.notify_command, "/usr/local/bin/wa-gateway --group it");
	ck_assert_int_eq(c.command_timeout_s, 5);
	ck_assert_int_eq(c.notify_poll_s, 60);
	const char *bad[] = {"tls = starttls\n", "sender =\n", "poll = 0\n",
	                     "command_timeout = 10s\n", "smtp_timeout = 601\n"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[128];
		snprintf(text, sizeof text, "[notify]\nsmtp_url =\n%s", bad[i]);
		ck_assert_int_eq(config_load(write_ini(text), &c, &line), AKSES_E_CONFIG);
		ck_assert_int_eq(line, 3);
	}
}
END_TEST

static Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_defaults_are_the_documented_ones);
	tcase_add_test(tc, test_shipped_example_loads_and_states_the_true_defaults);
	tcase_add_test(tc, test_full_file_overrides_every_key);
	tcase_add_test(tc, test_partial_file_keeps_the_other_defaults);
	tcase_add_test(tc, test_unknown_key_is_reported_with_its_line);
	tcase_add_test(tc, test_unknown_section_and_key_outside_a_section_are_errors);
	tcase_add_test(tc, test_bad_values_are_refused_with_their_line);
	tcase_add_test(tc, test_boundary_values_are_accepted);
	tcase_add_test(tc, test_long_lines_are_read_whole);
	tcase_add_test(tc, test_an_indented_key_is_a_key_not_part_of_the_previous_value);
	tcase_add_test(tc, test_overlong_lines_and_nul_bytes_are_refused_on_their_line);
	tcase_add_test(tc, test_a_directory_is_not_an_empty_config);
	tcase_add_test(tc, test_missing_file_is_a_config_error_on_line_0);
	tcase_add_test(tc, test_label_codes_round_trip);
	tcase_add_test(tc, test_an_unnamed_door_station_is_called_door);
	tcase_add_test(tc, test_notify_keys_are_read_and_bad_ones_refused_with_their_line);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(config_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
