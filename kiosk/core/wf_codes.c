/* wf_codes.c - the stable codes of core's enums (request state, role, purpose, denial, print
 * state, print job state, scan decision): one table each, and the parsers that read them back. */
#include "wf.h"

#include <stddef.h>
#include <strings.h>

#define WF_N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const wf_state_codes[RS_COUNT] = {
    [RS_NONE] = "NONE",
    [RS_SUBMITTED] = "SUBMITTED",
    [RS_DISPOSED_KADIS] = "DISPOSED_KADIS",
    [RS_DISPOSED_KABID] = "DISPOSED_KABID",
    [RS_VERIFIED] = "VERIFIED",
    [RS_APPROVED] = "APPROVED",
    [RS_REJECTED] = "REJECTED",
    [RS_ASSIGNED] = "ASSIGNED",
    [RS_RECORDED] = "RECORDED",
    [RS_ON_SITE] = "ON_SITE",
    [RS_VISITED] = "VISITED",
    [RS_REPORTED] = "REPORTED",
    [RS_FORWARDED_KOORD] = "FORWARDED_KOORD",
    [RS_FORWARDED_KABID] = "FORWARDED_KABID",
    [RS_CLOSED] = "CLOSED",
    [RS_CANCELLED] = "CANCELLED",
    [RS_EXPIRED] = "EXPIRED",
};

/* ROLE_NONE is the applicant: "PEMOHON" as the SOP calls them (what store.c writes too). */
static const char *const wf_role_codes[ROLE_COUNT] = {
    [ROLE_NONE] = "PEMOHON",          [ROLE_KADIS] = "KADIS",
    [ROLE_KABID] = "KABID",           [ROLE_KOORDINATOR] = "KOORDINATOR",
    [ROLE_TIM_TEKNIS] = "TIM_TEKNIS", [ROLE_HELPDESK] = "HELPDESK",
    [ROLE_ADMIN] = "ADMIN",
};

static const char *const wf_purpose_codes[PURPOSE_COUNT] = {
    [PURPOSE_NONE] = "none",
    [PURPOSE_MAINTENANCE] = "maintenance",
    [PURPOSE_INSTALLATION] = "installation",
    [PURPOSE_AUDIT] = "audit",
    [PURPOSE_VISIT] = "visit",
    [PURPOSE_OTHER] = "other",
};

static const char *const wf_deny_codes[DENY_COUNT] = {
    [DENY_NONE] = "none",
    [DENY_UNKNOWN] = "unknown",
    [DENY_NOT_YET_VALID] = "not-yet-valid",
    [DENY_EXPIRED] = "expired",
    [DENY_REVOKED] = "revoked",
    [DENY_ALREADY_INSIDE] = "already-inside",
    [DENY_NOT_INSIDE] = "not-inside",
    [DENY_WRONG_ESCORT] = "wrong-escort",
    [DENY_CLOSED] = "visit-closed",
    [DENY_RECEIPT] = "receipt",
    [DENY_REPLACED] = "replaced",
    [DENY_NOT_ISSUED] = "not-issued",
};

static const char *const wf_print_state_codes[] = {
    [PRINT_NONE] = "none",
    [PRINT_PENDING] = "pending",
    [PRINT_DONE] = "done",
    [PRINT_FAILED] = "failed",
};

static const char *const wf_job_state_codes[] = {
    [JOB_NONE] = "none",         [JOB_PENDING] = "pending", [JOB_ACCEPTED] = "accepted",
    [JOB_COMPLETED] = "completed", [JOB_ABORTED] = "aborted", [JOB_CANCELED] = "canceled",
    [JOB_STOPPED] = "stopped",   [JOB_FAILED] = "failed",
};

/* scan_decision starts at 1: index 0 names no decision and is never written. */
static const char *const wf_decision_codes[] = {
    [SCAN_ENTRY] = "ENTRY",
    [SCAN_EXIT] = "EXIT",
    [SCAN_DENIED] = "DENIED",
    [SCAN_REPEAT] = "REPEAT",
};

/* codes[i] for 0 < i < n (index 0 too when it has a code), else fallback. */
static const char *wf_code_of(const char *const *codes, int n, int i, const char *fallback)
{
	return i >= 0 && i < n && codes[i] ? codes[i] : fallback;
}

/* Looks code up case-insensitively among n codes, skipping index 0 (the "none" value, which is
 * never a valid parse result). Returns the index or -1. */
static int wf_lookup(const char *const *codes, int n, const char *code)
{
	if (!code)
		return -1;
	for (int i = 1; i < n; i++) {
		if (codes[i] && strcasecmp(codes[i], code) == 0)
			return i;
	}
	return -1;
}

const char *wf_state_code(req_state s)
{
	return wf_code_of(wf_state_codes, RS_COUNT, (int)s, "NONE");
}

int wf_state_parse(const char *code, req_state *out)
{
	int i = wf_lookup(wf_state_codes, RS_COUNT, code);
	if (i < 0)
		return -1;
	if (out)
		*out = (req_state)i;
	return 0;
}

const char *wf_role_code(akses_role r)
{
	return wf_code_of(wf_role_codes, ROLE_COUNT, (int)r, "PEMOHON");
}

/* Staff roles only: "PEMOHON" is not an account's role, so it does not parse. */
int wf_role_parse(const char *code, akses_role *out)
{
	int i = wf_lookup(wf_role_codes, ROLE_COUNT, code);
	if (i < 0)
		return -1;
	if (out)
		*out = (akses_role)i;
	return 0;
}

const char *wf_purpose_code(purpose_cat p)
{
	return wf_code_of(wf_purpose_codes, PURPOSE_COUNT, (int)p, "none");
}

int wf_purpose_parse(const char *code, purpose_cat *out)
{
	int i = wf_lookup(wf_purpose_codes, PURPOSE_COUNT, code);
	if (i < 0)
		return -1;
	if (out)
		*out = (purpose_cat)i;
	return 0;
}

const char *wf_deny_code(deny_reason r)
{
	return wf_code_of(wf_deny_codes, DENY_COUNT, (int)r, "none");
}

deny_reason wf_deny_parse(const char *code)
{
	int i = wf_lookup(wf_deny_codes, DENY_COUNT, code);
	return i < 0 ? DENY_NONE : (deny_reason)i;
}

const char *wf_print_state_code(print_state p)
{
	return wf_code_of(wf_print_state_codes, WF_N(wf_print_state_codes), (int)p, "none");
}

print_state wf_print_state_parse(const char *code)
{
	int i = wf_lookup(wf_print_state_codes, WF_N(wf_print_state_codes), code);
	return i < 0 ? PRINT_NONE : (print_state)i;
}

const char *wf_job_state_code(print_job_state j)
{
	return wf_code_of(wf_job_state_codes, WF_N(wf_job_state_codes), (int)j, "none");
}

print_job_state wf_job_state_parse(const char *code)
{
	int i = wf_lookup(wf_job_state_codes, WF_N(wf_job_state_codes), code);
	return i < 0 ? JOB_NONE : (print_job_state)i;
}

const char *wf_decision_code(scan_decision d)
{
	return wf_code_of(wf_decision_codes, WF_N(wf_decision_codes), (int)d, "DENIED");
}
