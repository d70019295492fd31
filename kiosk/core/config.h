/* config.h - the one INI config file (inih): DB path, station, printer queues, label size, idle
 * timeout, language, retention, pass grace. Every key is optional; defaults are embedded. */
#ifndef AKSES_CONFIG_H
#define AKSES_CONFIG_H

#include <stdbool.h>

#include "status.h"

typedef enum config_label {
	LABEL_62X100 = 0, /* Brother QL 62 mm continuous, cut at 100 mm (default) */
	LABEL_CR80,       /* ID card 85.6 x 54 mm */
	LABEL_A6,         /* 105 x 148 mm */
} config_label;

#define CONFIG_DB_DEFAULT "akses.db"
#define CONFIG_IDLE_TIMEOUT_S 60  /* [station] idle_timeout's default */
#define CONFIG_IDLE_COUNTDOWN_S 10 /* [station] idle_countdown's default */
#define CONFIG_WEB_PORT 8443      /* [web] port's default */

struct akses_config {
	char db[512];             /* [store] db = akses.db: the DB's location (settings_db) */
	char audit_key[512];      /* [store] audit_key = (empty: the db's path + ".key") */
	char passfile[512];       /* [store] passfile = (empty: libpq's ~/.pgpass or $PGPASSFILE):
	                           * a server's password file, pgpass format, 0600 */
	char station[64];         /* [station] name = RECEPTION (DOOR for a door station) */
	bool station_named;       /* the file named the station (else the default above) */
	char mode[16];            /* [station] mode = reception | door */
	char lang[8];             /* [station] lang = id | en */
	int idle_timeout_s;       /* [station] idle_timeout = 60 */
	int idle_countdown_s;     /* [station] idle_countdown = 10 */
	char agency[160];         /* [agency] name = Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat */
	char agency_unit[160];    /* [agency] unit = Bidang Aplikasi Informatika */
	char city[64];            /* [agency] city = Padang */
	char badge_queue[128];    /* [printer] badge_queue = (empty: CUPS default) */
	char report_queue[128];   /* [printer] report_queue = (empty: CUPS default) */
	config_label label;       /* [printer] label = 62x100 | cr80 | a6 */
	int print_timeout_s;      /* [printer] timeout = 30: waiting for a job's end state */
	int retention_days;       /* [privacy] retention_days = 365 */
	int reset_window_min;     /* [privacy] pin_reset_window = 60: steps this soon after an
	                           * ADMIN set the actor's PIN are flagged in compliance */
	int pass_grace_min;       /* [passes] grace_minutes = 15 */
	int scan_repeat_s;        /* [passes] repeat_guard_seconds = 10 */
	int shift_minutes;        /* [door] shift_minutes = 480: how long the escort stays signed in
	                           * at a door station (no idle sign-out there) */
	char door_spool[512];     /* [door] spool = (empty: "akses-door.spool" beside a DB file, or in
	                           * the working folder for a server): exits recorded while offline */
	char web_listen[64];      /* [web] listen = 127.0.0.1: the console's IPv4 address (0.0.0.0: all) */
	int web_port;             /* [web] port = 8443 */
	char web_cert[512];       /* [web] cert = akses-web.crt: PEM certificate (chain) */
	char web_key[512];        /* [web] key = akses-web.key: its PEM private key (0600) */
	char web_url[256];        /* [web] url = https://localhost:8443: the console's address for links */

	/* [notify]: akses-notify (docs/notifications.md). An empty smtp_url sends no mail, an
	 * empty notify_command runs nothing. */
	char smtp_url[256];       /* [notify] smtp_url = smtp://host:587 or smtps://host:465 */
	char smtp_tls[16];        /* [notify] tls = required | try | none (STARTTLS on smtp://) */
	char smtp_sender[256];    /* [notify] sender = akses@localhost: the From address */
	char smtp_credentials[512]; /* [notify] credentials = (empty): a file, user then password */
	int smtp_timeout_s;       /* [notify] smtp_timeout = 30 */
	char notify_command[512]; /* [notify] notify_command = (empty): run per event, JSON on stdin */
	int command_timeout_s;    /* [notify] command_timeout = 10 */
	int notify_poll_s;        /* [notify] poll = 15: akses-notify's wait between rounds */
};

/* Fill cfg with the embedded defaults. */
void config_defaults(struct akses_config *cfg);

/* Defaults, then the file over them. AKSES_E_CONFIG with *bad_line set (0 = unreadable file) on an
 * unknown key or bad value; cfg then still holds usable defaults. */
akses_status config_load(const char *path, struct akses_config *cfg, int *bad_line);

/* After the mode is known (file or --mode): a door station the file did not name is "DOOR", so
 * its scans are never recorded as made at reception. */
void config_set_mode(struct akses_config *cfg, bool door);

int config_label_parse(const char *s, config_label *out);

#endif
