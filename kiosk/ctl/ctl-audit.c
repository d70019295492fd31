/* ctl-audit.c - `aksesctl audit verify|purge|backup`: walk the audit hash chain, anonymize old
 * closed requests (retention), and take an online backup that is itself verified. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"

static const char *const help =
    N_("Usage: aksesctl audit verify\n"
       "       aksesctl audit purge [--older-than DAYS] --as ID\n"
       "       aksesctl audit backup FILE --as ID\n"
       "\n"
       "verify  check the database's integrity and walk the audit trail's hash chain; names the\n"
       "        first row that was edited, or follows a deleted one.\n"
       "purge   ADMIN: anonymize the personal data of requests final for more than DAYS days\n"
       "        (default: the config's retention_days, 365). Counts, times and the audit chain\n"
       "        stay.\n"
       "backup  an online copy of the database into FILE (new, mode 0600), then verified;\n"
       "        ADMIN only.\n");

/* Integrity and chain of an open store: CTL_EXIT_OK with *rows, or the failure printed. */
static int verify_store(struct ctl *c, store *st, int64_t *rows)
{
	akses_status s = store_check(st);
	if (s != AKSES_OK)
		return ctl_fail(c, s, NULL);
	int64_t bad = 0;
	s = store_audit_verify(st, rows, &bad);
	if (s == AKSES_E_AUDIT_BROKEN) {
		char detail[64];
		snprintf(detail, sizeof detail, T_("audit row %lld"), (long long)bad);
		return ctl_fail(c, s, detail);
	}
	if (s != AKSES_OK)
		return ctl_fail(c, s, NULL);
	return CTL_EXIT_OK;
}

/* 'audit_verify()' - Verify the integrity and the audit chain of the database. */
static int audit_verify(struct ctl *c, int argc, char **argv)
{
	int rc = ctl_args(c, argc, argv, "audit verify", T_(help), NULL, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if ((rc = ctl_open(c)) != CTL_EXIT_OK)
		return rc;
	int64_t rows = 0;
	if ((rc = verify_store(c, c->st, &rows)) != CTL_EXIT_OK)
		return rc;
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddBoolToObject(o, "ok", true);
		cJSON_AddNumberToObject(o, "rows", (double)rows);
		return ctl_json_print(o);
	}
	printf(T_("Audit trail intact: %lld rows verified.\n"), (long long)rows);
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
	errno = 0;
	akses_status st = store_backup(c->st, pos[0]);
	if (st != AKSES_OK) {
		char detail[600];
		snprintf(detail, sizeof detail, "%s%s%s", pos[0], errno ? ": " : "",
		         errno ? strerror(errno) : "");
		return ctl_fail(c, st, detail);
	}
	store *copy = NULL;
	if ((st = store_open(pos[0], NULL, &copy)) != AKSES_OK)
		return ctl_fail(c, st, pos[0]);
	int64_t rows = 0;
	rc = verify_store(c, copy, &rows);
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
	if (strcmp(sub, "purge") == 0)
		return audit_purge(c, argc - 1, argv + 1);
	if (strcmp(sub, "backup") == 0)
		return audit_backup(c, argc - 1, argv + 1);
	return ctl_no_sub(argc, argv, "audit", T_(help));
}
