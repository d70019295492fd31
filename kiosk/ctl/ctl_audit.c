/* ctl_audit.c - `aksesctl audit verify|head|purge|backup`: walk the audit hash chain (against an
 * anchor kept elsewhere), print the chain head, anonymize old closed requests (retention), and
 * take an online backup that is itself verified (on a server: pg_dump, and restore; ctl_pgtool.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "ctl.h"
#include "settings.h"

static const char *const help =
    N_("Usage: aksesctl audit verify [--anchor N:HASH]\n"
       "       aksesctl audit head\n"
       "       aksesctl audit purge [--older-than DAYS] --as ID\n"
       "       aksesctl audit backup FILE --as ID\n"
       "       aksesctl audit restore FILE\n"
       "\n"
       "verify  check the database's integrity and walk the audit trail's hash chain (keyed\n"
       "        with the audit key file, DB.key); names the first row that was edited, or\n"
       "        follows a deleted one, and flags times that go backwards. With --anchor (a\n"
       "        head printed earlier: daily log, berita acara, syslog) it also finds deleted\n"
       "        last rows and a rewritten history.\n"
       "head    print the chain head N:HASH (row count and hash), to keep as an anchor.\n"
       "purge   ADMIN: anonymize the personal data of requests final for more than DAYS days\n"
       "        (default: the config's retention_days, 365). Counts, times and the audit chain\n"
       "        stay.\n"
       "backup  an online copy of the database into FILE (new, mode 0600), then verified;\n"
       "        ADMIN only. On a PostgreSQL server: pg_dump's custom format, the\n"
       "        password from [store] passfile.\n"
       "restore PostgreSQL: a backup FILE into the new, empty database --db names (all or\n"
       "        nothing), then its schema and audit trail verified. The audit key must be at\n"
       "        the server's key path ([store] audit_key, else DBNAME.key). On SQLite the\n"
       "        backup is itself a database file.\n");

/* Integrity and chain of an open store (against anchor when not NULL): CTL_EXIT_OK with *r, or
 * the failure printed. */
static int verify_store(struct ctl *c, store *st, const char *anchor,
                        struct store_audit_result *r)
{
	akses_status s = store_check(st);
	if (s != AKSES_OK)
		return ctl_fail(c, s, NULL);
	s = store_audit_check(st, anchor, r);
	char detail[128];
	switch (s) {
	case AKSES_OK:
		return CTL_EXIT_OK;
	case AKSES_E_ANCHOR_FORMAT:
		return ctl_usage("%s", akses_status_message(s));
	case AKSES_E_AUDIT_BROKEN:
	case AKSES_E_AUDIT_ANCHOR:
		snprintf(detail, sizeof detail, T_("audit row %lld"), (long long)r->bad_id);
		return ctl_fail(c, s, detail);
	case AKSES_E_AUDIT_TRUNCATED:
		snprintf(detail, sizeof detail, T_("%lld rows, the anchor names %lld"),
		         (long long)r->rows, (long long)r->anchor_rows);
		return ctl_fail(c, s, detail);
	case AKSES_E_AUDIT_KEY:
		snprintf(detail, sizeof detail, T_("%lld of %lld rows unchecked; key: %s"),
		         (long long)r->unchecked, (long long)r->rows, store_audit_key_path(st));
		return ctl_fail(c, s, detail);
	case AKSES_E_AUDIT_TIME:
		snprintf(detail, sizeof detail, T_("audit row %lld"), (long long)r->backwards_id);
		return ctl_fail(c, s, detail);
	default:
		return ctl_fail(c, s, NULL);
	}
}

void ctl_audit_announce(struct ctl *c)
{
	char head[STORE_ANCHOR_BUF];
	if (!c->st || store_audit_anchor(c->st, head) != AKSES_OK || !strcmp(head, c->audit_head))
		return;
	/* an anchor outside the DB: whoever later holds the file cannot take it back */
	openlog("aksesctl", LOG_PID, LOG_AUTHPRIV);
	syslog(LOG_AUTHPRIV | LOG_INFO, "akses audit head %s", head);
	closelog();
	snprintf(c->audit_head, sizeof c->audit_head, "%s", head);
}

/* 'audit_verify()' - Verify the integrity and the audit chain of the database. */
static int audit_verify(struct ctl *c, int argc, char **argv)
{
	const char *anchor = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "anchor", .kind = CTL_OPT_VALUE, .value = &anchor},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "audit verify", T_(help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if ((rc = ctl_open(c)) != CTL_EXIT_OK)
		return rc;
	struct store_audit_result r;
	if ((rc = verify_store(c, c->st, anchor, &r)) != CTL_EXIT_OK)
		return rc;
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddBoolToObject(o, "ok", true);
		cJSON_AddNumberToObject(o, "rows", (double)r.rows);
		cJSON_AddNumberToObject(o, "keyed", (double)r.keyed);
		if (anchor)
			cJSON_AddStringToObject(o, "anchor", anchor);
		return ctl_json_print(o);
	}
	printf(T_("Audit trail intact: %lld rows verified.\n"), (long long)r.rows);
	if (anchor)
		printf(T_("It matches the anchor %s.\n"), anchor);
	return CTL_EXIT_OK;
}

/* 'audit_head()' - Print the chain head N:HASH, an anchor to keep outside the DB. */
static int audit_head(struct ctl *c, int argc, char **argv)
{
	int rc = ctl_args(c, argc, argv, "audit head", T_(help), NULL, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if ((rc = ctl_open(c)) != CTL_EXIT_OK)
		return rc;
	char head[STORE_ANCHOR_BUF];
	akses_status st = store_audit_anchor(c->st, head);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "head", head);
		return ctl_json_print(o);
	}
	printf("%s\n", head);
	return CTL_EXIT_OK;
}

/* 'audit_purge()' - Anonymize requests final for longer than the retention (ADMIN). */
static int audit_purge(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *days_s = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "older-than", .kind = CTL_OPT_VALUE, .value = &days_s},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "audit purge", T_(help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	int days = c->cfg.retention_days > 0 ? c->cfg.retention_days : 365;
	if (days_s) {
		char *end = NULL;
		errno = 0;
		long v = strtol(days_s, &end, 10);
		if (errno || !*days_s || *end || v < 0 || v > 100000)
			return ctl_usage(T_("--older-than needs a number of days, not '%s'"),
			                 days_s);
		days = (int)v;
	}
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	int n = 0;
	akses_status st = store_purge(c->st, c->actor.id, days, &n);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "anonymized", n);
		cJSON_AddNumberToObject(o, "older_than_days", days);
		return ctl_json_print(o);
	}
	printf(T_("%d requests anonymized (final for more than %d days).\n"), n, days);
	return CTL_EXIT_OK;
}

/* The server's backup: its chain checked first, then pg_dump into a new file. */
static int audit_backup_pg(struct ctl *c, const char *file)
{
	struct store_audit_result r;
	akses_status chk = store_audit_check(c->st, NULL, &r);
	int rc = chk == AKSES_E_AUDIT_TIME ? CTL_EXIT_OK : verify_store(c, c->st, NULL, &r);
	if (rc != CTL_EXIT_OK || (rc = ctl_pg_dump(c, file)) != CTL_EXIT_OK)
		return rc;
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "file", file);
		cJSON_AddStringToObject(o, "format", "pg_dump-custom");
		cJSON_AddNumberToObject(o, "audit_rows", (double)r.rows);
		return ctl_json_print(o);
	}
	printf(T_("Backup written to %s (pg_dump, custom format); the audit trail it copies "
	          "verifies (%lld rows).\n"),
	       file, (long long)r.rows);
	return CTL_EXIT_OK;
}

/* 'audit_restore()' - Restore a server backup into an empty database, then verify it. */
static int audit_restore(struct ctl *c, int argc, char **argv)
{
	const char *pos[1];
	int rc = ctl_args(c, argc, argv, "audit restore", T_(help), NULL, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if ((rc = ctl_pg_restore(c, pos[0])) != CTL_EXIT_OK)
		return rc;
	/* opening migrates a backup of an older version; then the schema and the whole chain */
	if ((rc = ctl_open(c)) != CTL_EXIT_OK)
		return rc;
	struct store_audit_result r;
	if ((rc = verify_store(c, c->st, NULL, &r)) != CTL_EXIT_OK)
		return rc;
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "file", pos[0]);
		cJSON_AddNumberToObject(o, "audit_rows", (double)r.rows);
		return ctl_json_print(o);
	}
	printf(T_("Restored %s; the schema is current and the audit trail is intact (%lld rows).\n"),
	       pos[0], (long long)r.rows);
	return CTL_EXIT_OK;
}

/* 'audit_backup()' - Back the database up into a new 0600 file and verify the copy. */
static int audit_backup(struct ctl *c, int argc, char **argv)
{
	const char *pos[1], *as = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "audit backup", T_(help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	/* a backup is a copy of every visitor's NIK and phone: ADMIN only. It only reads, so it
	 * still works on a full or read-only disk (the copy goes elsewhere) */
	if ((rc = ctl_signin_read(c, as)) != CTL_EXIT_OK)
		return rc;
	if (c->actor.role != ROLE_ADMIN)
		return ctl_fail(c, AKSES_E_ROLE, NULL);
	if (store_is_server(c->db_path))
		return audit_backup_pg(c, pos[0]);
	errno = 0;
	akses_status st = store_backup(c->st, pos[0]);
	if (st != AKSES_OK) {
		char detail[600];
		snprintf(detail, sizeof detail, "%s%s%s", pos[0], errno ? ": " : "",
		         errno ? strerror(errno) : "");
		return ctl_fail(c, st, detail);
	}
	/* the copy is checked with this DB's key (the backup does not carry the key: keep that
	 * file apart, so a stolen backup alone cannot be rewritten) */
	struct store_options so = settings_store_options(&c->cfg);
	so.audit_key_path = store_audit_key_path(c->st);
	store *copy = NULL;
	if ((st = store_open(pos[0], &so, &copy)) != AKSES_OK)
		return ctl_fail(c, st, pos[0]);
	struct store_audit_result r;
	/* the copy's chain must be whole; times that run backwards are verify's finding (the copy
	 * is faithful to them), so they do not fail the backup */
	akses_status chk = store_audit_check(copy, NULL, &r);
	rc = chk == AKSES_E_AUDIT_TIME ? CTL_EXIT_OK : verify_store(c, copy, NULL, &r);
	int64_t rows = r.rows;
	store_close(copy);
	if (rc != CTL_EXIT_OK)
		return rc;
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "file", pos[0]);
		cJSON_AddNumberToObject(o, "audit_rows", (double)rows);
		return ctl_json_print(o);
	}
	printf(T_("Backup written to %s; its audit trail verifies (%lld rows).\n"), pos[0],
	       (long long)rows);
	return CTL_EXIT_OK;
}

/* 'ctl_cmd_audit()' - Do the audit command: dispatch its sub-command. */
int ctl_cmd_audit(struct ctl *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "verify") == 0)
		return audit_verify(c, argc - 1, argv + 1);
	if (strcmp(sub, "head") == 0)
		return audit_head(c, argc - 1, argv + 1);
	if (strcmp(sub, "purge") == 0)
		return audit_purge(c, argc - 1, argv + 1);
	if (strcmp(sub, "backup") == 0)
		return audit_backup(c, argc - 1, argv + 1);
	if (strcmp(sub, "restore") == 0)
		return audit_restore(c, argc - 1, argv + 1);
	return ctl_no_sub(argc, argv, "audit", T_(help));
}
