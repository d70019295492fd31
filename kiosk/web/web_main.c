/* web_main.c - akses-web's entry point: options, the config and DB through settings.c (the same
 * route as aksesctl and the kiosk), the certificate and key, the HTTPS server, and a clean stop on
 * SIGINT or SIGTERM. */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "web.h"
#include "web_server.h"

#define WEB_PEM_MAX (256 * 1024)

static void web_usage(FILE *f)
{
	fputs(
	    W_("Usage: akses-web [--db PATH] [--config FILE]\n"
	       "\n"
	       "The HTTPS console of Akses for officials and Helpdesk. It serves on the config's\n"
	       "[web] listen and port with its cert and key (aksesctl web cert makes a first "
	       "pair).\n"),
	    f);
}

/* A whole PEM file into a string; NULL (errno set) when unreadable or too big. */
static char *web_read_pem(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *s = malloc(WEB_PEM_MAX + 1);
	size_t n = s ? fread(s, 1, WEB_PEM_MAX + 1, f) : 0;
	bool bad = !s || ferror(f) || n > WEB_PEM_MAX || n == 0;
	fclose(f);
	if (bad) {
		free(s);
		errno = EINVAL;
		return NULL;
	}
	s[n] = '\0';
	return s;
}

int main(int argc, char **argv)
{
	const char *db_opt = NULL, *config_opt = NULL;
	i18n_init(NULL, "id");
	i18n_bind(WEB_DOMAIN);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			web_usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			db_opt = argv[++i];
		} else if (!strcmp(argv[i], "--config") && i + 1 < argc) {
			config_opt = argv[++i];
		} else {
			web_usage(stderr);
			return 2;
		}
	}
	static struct web w;
	const char *used = NULL;
	int bad_line = 0;
	if (settings_load(config_opt, &w.cfg, &used, &bad_line) != AKSES_OK) {
		fprintf(stderr, "akses-web: %s: %s %d\n", used ? used : "?",
		        akses_status_message(AKSES_E_CONFIG), bad_line);
		return 1;
	}
	i18n_set_lang(w.cfg.lang);
	const char *db = settings_db(&w.cfg, db_opt);
	struct store_options so = settings_store_options(&w.cfg);
	akses_status rc = store_open(db, &so, &w.st);
	if (rc != AKSES_OK) {
		/* a target refused for its password is not echoed into the logs */
		fprintf(stderr, "akses-web: %s: %s\n", rc == AKSES_E_DB_PASSWORD ? "--db" : db,
		        akses_status_message(rc));
		return 1;
	}
	char *cert = web_read_pem(w.cfg.web_cert);
	char *key = cert ? web_read_pem(w.cfg.web_key) : NULL;
	if (!cert || !key) {
		fprintf(
		    stderr, "akses-web: %s: %s (%s)\n", cert ? w.cfg.web_key : w.cfg.web_cert,
		    W_("cannot read the certificate or key; make a pair with aksesctl web cert"),
		    strerror(errno));
		store_close(w.st);
		return 1;
	}
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)w.cfg.web_port);
	if (inet_pton(AF_INET, w.cfg.web_listen, &addr.sin_addr) != 1) {
		fprintf(stderr, "akses-web: [web] listen = %s: %s\n", w.cfg.web_listen,
		        W_("not an IPv4 address"));
		store_close(w.st);
		return 1;
	}
	/* SIGINT and SIGTERM are waited for here, not delivered to the server's thread */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	struct MHD_Daemon *d = web_server_start(&w, cert, key, &addr);
	if (!d) {
		fprintf(stderr, "akses-web: %s %s:%d\n", W_("cannot serve HTTPS on"),
		        w.cfg.web_listen, w.cfg.web_port);
		store_close(w.st);
		return 1;
	}
	fprintf(stderr, "akses-web: https://%s:%d/ (%s)\n", w.cfg.web_listen, w.cfg.web_port, db);
	int sig = 0;
	sigwait(&sigs, &sig);
	MHD_stop_daemon(d);
	memset(key, 0, strlen(key));
	free(key);
	free(cert);
	store_close(w.st);
	return 0;
}
