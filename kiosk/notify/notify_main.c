/* notify_main.c - akses-notify: delivers the outbox's notifications (notify.h). With --once one
 * round and exit (tests, cron); otherwise a round every [notify] poll seconds until SIGTERM or
 * SIGINT (a systemd service, docs/notifications.md). Exit 0, or 1 when the store failed. */
#include <curl/curl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "i18n.h"
#include "notify.h"
#include "settings.h"

static volatile sig_atomic_t notify_stop;

static void notify_on_signal(int sig)
{
	(void)sig;
	notify_stop = 1;
}

static void notify_usage(FILE *f)
{
	fputs(M_("Usage: akses-notify [--once] [--config FILE] [--db DB] [--lang id|en]\n"
	         "\n"
	         "Delivers the notifications the SOP's steps wrote to the outbox: e-mail over SMTP "
	         "and\n"
	         "the config's notify_command, with retries. --once: one round, then exit; without "
	         "it a\n"
	         "round every [notify] poll seconds until stopped. Also writes one reminder for "
	         "each\n"
	         "step past its time standard.\n"),
	      f);
}

/* One round; prints its summary when something happened (or always with --once). */
static akses_status notify_once(store *st, const struct akses_config *cfg, bool verbose)
{
	struct notify_counts c;
	akses_status rc = notify_round(st, cfg, clock_now(), 200, &c);
	if (rc != AKSES_OK) {
		fprintf(stderr, "akses-notify: %s (%s)\n", akses_status_message(rc),
		        store_errmsg(st));
		return rc;
	}
	if (verbose || c.events > 0 || c.reminders > 0)
		printf(
		    M_("%d reminders, %d events: mail %d sent, %d failed, %d skipped; command %d "
		       "sent, %d failed, %d skipped\n"),
		    c.reminders, c.events, c.mail_sent, c.mail_failed, c.mail_skipped, c.cmd_sent,
		    c.cmd_failed, c.cmd_skipped);
	if (*c.last_error)
		fprintf(stderr, "akses-notify: %s\n", c.last_error);
	fflush(stdout);
	return AKSES_OK;
}

int main(int argc, char **argv)
{
	const char *config = NULL, *db = NULL, *lang = NULL;
	bool once = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--once") == 0)
			once = true;
		else if (strcmp(a, "--config") == 0 && i + 1 < argc)
			config = argv[++i];
		else if (strcmp(a, "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strcmp(a, "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			i18n_init(NULL, lang ? lang : "id");
			i18n_bind(NOTIFY_DOMAIN);
			notify_usage(stdout);
			return 0;
		} else {
			i18n_init(NULL, "id");
			i18n_bind(NOTIFY_DOMAIN);
			fprintf(stderr, "akses-notify: %s: %s\n", M_("unknown option"), a);
			return 2;
		}
	}
	struct akses_config cfg;
	const char *used = NULL;
	int bad_line = 0;
	akses_status rc = settings_load(config, &cfg, &used, &bad_line);
	i18n_init(NULL, lang ? lang : cfg.lang);
	i18n_bind(NOTIFY_DOMAIN);
	if (rc != AKSES_OK) {
		fprintf(stderr, "akses-notify: %s: %s %d\n", used ? used : "",
		        M_("bad config, line"), bad_line);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN); /* a notify_command that does not read its stdin */
	signal(SIGTERM, notify_on_signal);
	signal(SIGINT, notify_on_signal);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "akses-notify: curl_global_init failed\n");
		return 1;
	}
	struct store_options opt = settings_store_options(&cfg);
	store *st = NULL;
	if ((rc = store_open(settings_db(&cfg, db), &opt, &st)) != AKSES_OK) {
		fprintf(stderr, "akses-notify: %s\n", akses_status_message(rc));
		curl_global_cleanup();
		return 1;
	}
	int exit_code = 0;
	if (once) {
		exit_code = notify_once(st, &cfg, true) == AKSES_OK ? 0 : 1;
	} else {
		while (!notify_stop) {
			/* a store error (the disk, a lock) is logged and tried again next round */
			notify_once(st, &cfg, false);
			for (int s = 0; s < cfg.notify_poll_s && !notify_stop; s++) {
				struct timespec ts = {1, 0};
				nanosleep(&ts, NULL);
			}
		}
	}
	store_close(st);
	curl_global_cleanup();
	return exit_code;
}
