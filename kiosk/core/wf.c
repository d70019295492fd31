/* wf.c - the SOP as data: one transition per action (step, role, target state, time standard),
 * the states each action may start from, translated labels (the stable codes are in wf_codes.c). */
#include "wf.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

#define WF_STD 180      /* 3 minutes: the SOP's time standard for most steps */
#define WF_STD_LONG 300 /* 5 minutes: steps 11 and 12 */

/* Indexed by wf_action. Roles are the SOP's; WF_CANCEL lists KOORDINATOR, the staff role that may
 * cancel (the applicant may too, see wf_role_may). */
static const struct wf_transition wf_table[WF_COUNT] = {
    [WF_SUBMIT] = {WF_SUBMIT, 1, ROLE_NONE, RS_SUBMITTED, WF_STD, "submit"},
    [WF_DISPOSE_KADIS] = {WF_DISPOSE_KADIS, 2, ROLE_KADIS, RS_DISPOSED_KADIS, WF_STD,
                          "dispose-kadis"},
    [WF_DISPOSE_KABID] = {WF_DISPOSE_KABID, 3, ROLE_KABID, RS_DISPOSED_KABID, WF_STD,
                          "dispose-kabid"},
    [WF_VERIFY] = {WF_VERIFY, 4, ROLE_KOORDINATOR, RS_VERIFIED, WF_STD, "verify"},
    [WF_APPROVE] = {WF_APPROVE, 5, ROLE_KABID, RS_APPROVED, WF_STD, "approve"},
    [WF_REJECT] = {WF_REJECT, 5, ROLE_KABID, RS_REJECTED, WF_STD, "reject"},
    [WF_ASSIGN] = {WF_ASSIGN, 6, ROLE_KOORDINATOR, RS_ASSIGNED, WF_STD, "assign"},
    [WF_RECORD] = {WF_RECORD, 6, ROLE_HELPDESK, RS_RECORDED, WF_STD, "record"},
    [WF_VISIT_END] = {WF_VISIT_END, 7, ROLE_TIM_TEKNIS, RS_VISITED, WF_STD, "visit-end"},
    [WF_REPORT] = {WF_REPORT, 9, ROLE_HELPDESK, RS_REPORTED, WF_STD, "report"},
    [WF_FORWARD_KOORD] = {WF_FORWARD_KOORD, 10, ROLE_KOORDINATOR, RS_FORWARDED_KOORD, WF_STD,
                          "forward-koord"},
    [WF_FORWARD_KABID] = {WF_FORWARD_KABID, 11, ROLE_KABID, RS_FORWARDED_KABID, WF_STD_LONG,
                          "forward-kabid"},
    [WF_RECEIVE] = {WF_RECEIVE, 12, ROLE_KADIS, RS_CLOSED, WF_STD_LONG, "receive"},
    [WF_CANCEL] = {WF_CANCEL, 0, ROLE_KOORDINATOR, RS_CANCELLED, WF_STD, "cancel"},
    [WF_EXPIRE] = {WF_EXPIRE, 0, ROLE_NONE, RS_EXPIRED, WF_STD, "expire"},
};

const struct wf_transition *wf_get(wf_action a)
{
	if (a <= WF_NONE || a >= WF_COUNT)
		return NULL;
	return &wf_table[a];
}

/* Whether a person with this role may take action a at all (state aside). The system's actions
 * (VISIT_END is written by the scan path, EXPIRE by the expiry sweep) belong to no person. */
static bool wf_role_may(wf_action a, akses_role role)
{
	switch (a) {
	case WF_VISIT_END:
	case WF_EXPIRE:
		return false;
	case WF_CANCEL:
		return role == ROLE_NONE || role == ROLE_KOORDINATOR;
	default:
		return wf_table[a].role == role;
	}
}

/* Whether action a may start from state s (window_over: the visit window has ended). */
static bool wf_state_may(wf_action a, req_state s, bool window_over)
{
	switch (a) {
	case WF_SUBMIT:
		return s == RS_NONE;
	case WF_DISPOSE_KADIS:
		return s == RS_SUBMITTED;
	case WF_DISPOSE_KABID:
		return s == RS_DISPOSED_KADIS;
	case WF_VERIFY:
		return s == RS_DISPOSED_KABID;
	case WF_APPROVE:
	case WF_REJECT:
		return s == RS_VERIFIED;
	case WF_ASSIGN:
		return s == RS_APPROVED;
	case WF_RECORD:
		return s == RS_ASSIGNED;
	case WF_VISIT_END:
		return s == RS_ON_SITE;
	case WF_REPORT:
		/* A no-show: recorded, the window has passed and nobody came; the report says so.
		 */
		return s == RS_VISITED || (s == RS_RECORDED && window_over);
	case WF_FORWARD_KOORD:
		return s == RS_REPORTED;
	case WF_FORWARD_KABID:
		return s == RS_FORWARDED_KOORD;
	case WF_RECEIVE:
		return s == RS_FORWARDED_KABID;
	case WF_CANCEL:
		/* Before step 6 is complete: once recorded, passes exist and Koordinator/Kabid
		 * revoke them instead. */
		return s >= RS_SUBMITTED && s <= RS_ASSIGNED && s != RS_REJECTED;
	case WF_EXPIRE:
		return s >= RS_SUBMITTED && s <= RS_VERIFIED;
	default:
		return false;
	}
}

akses_status wf_check(wf_action a, akses_role role, req_state from, bool window_over)
{
	if (a <= WF_NONE || a >= WF_COUNT || role < ROLE_NONE || role >= ROLE_COUNT)
		return AKSES_E_INVALID_ARG;
	if (!wf_role_may(a, role))
		return AKSES_E_ROLE;
	if (!wf_state_may(a, from, window_over))
		return AKSES_E_STATE;
	return AKSES_OK;
}

/* Matches a verb against an action code: the whole code ("dispose-kabid"), or the part before
 * the dash ("dispose", "forward") so that one word works for every role that has such a step. */
static bool wf_verb_matches(const char *verb, const char *code)
{
	if (strcasecmp(verb, code) == 0)
		return true;
	size_t n = 0;
	while (code[n] && code[n] != '-')
		n++;
	return code[n] == '-' && strlen(verb) == n && strncasecmp(verb, code, n) == 0;
}

wf_action wf_for_verb(const char *verb, akses_role role)
{
	if (!verb)
		return WF_NONE;
	for (int a = WF_NONE + 1; a < WF_COUNT; a++) {
		if (wf_role_may((wf_action)a, role) && wf_verb_matches(verb, wf_table[a].code))
			return (wf_action)a;
	}
	return WF_NONE;
}

/* Lists the actions role may take now from state s: the request screen's buttons come from here,
 * so what it offers is what the store will accept. */
int wf_actions_for(akses_role role, req_state s, bool window_over, wf_action *out, int max)
{
	int n = 0;
	for (int a = WF_NONE + 1; a < WF_COUNT && n < max; a++) {
		if (wf_check((wf_action)a, role, s, window_over) == AKSES_OK)
			out[n++] = (wf_action)a;
	}
	return n;
}

int64_t wf_due_at(req_state s, int64_t waiting_since, int64_t start_at, int64_t end_at)
{
	int standard = 0;
	int step = wf_next_step(s, NULL, &standard);
	if (step == 0)
		return 0;
	if (step != 7)
		return waiting_since + standard;
	if (s == RS_ON_SITE)
		return end_at;
	return (start_at > waiting_since ? start_at : waiting_since) + standard;
}

int64_t wf_step7_duration(int64_t start_at, int64_t recorded_at, int64_t first_entry_at)
{
	int64_t from = start_at > recorded_at ? start_at : recorded_at;
	return first_entry_at > from ? first_entry_at - from : 0;
}

int wf_next_step(req_state s, akses_role *role_out, int *standard_out)
{
	int step = 0;
	akses_role role = ROLE_NONE;
	switch (s) {
	case RS_SUBMITTED:
		step = 2, role = ROLE_KADIS;
		break;
	case RS_DISPOSED_KADIS:
		step = 3, role = ROLE_KABID;
		break;
	case RS_DISPOSED_KABID:
		step = 4, role = ROLE_KOORDINATOR;
		break;
	case RS_VERIFIED:
		step = 5, role = ROLE_KABID;
		break;
	case RS_APPROVED:
		step = 6, role = ROLE_KOORDINATOR;
		break;
	case RS_ASSIGNED:
		step = 6, role = ROLE_HELPDESK;
		break;
	case RS_RECORDED:
	case RS_ON_SITE:
		step = 7, role = ROLE_TIM_TEKNIS;
		break;
	case RS_VISITED:
		step = 9, role = ROLE_HELPDESK;
		break;
	case RS_REPORTED:
		step = 10, role = ROLE_KOORDINATOR;
		break;
	case RS_FORWARDED_KOORD:
		step = 11, role = ROLE_KABID;
		break;
	case RS_FORWARDED_KABID:
		step = 12, role = ROLE_KADIS;
		break;
	default:
		break;
	}
	if (role_out)
		*role_out = role;
	if (standard_out)
		*standard_out = step == 0 ? 0 : (step >= 11 ? WF_STD_LONG : WF_STD);
	return step;
}

int wf_last_step_of(req_state s)
{
	switch (s) {
	case RS_SUBMITTED:
		return 1;
	case RS_DISPOSED_KADIS:
		return 2;
	case RS_DISPOSED_KABID:
		return 3;
	case RS_VERIFIED:
		return 4;
	case RS_APPROVED:
	case RS_REJECTED:
	case RS_ASSIGNED: /* step 6 is only complete once the helpdesk has recorded */
		return 5;
	case RS_RECORDED:
	case RS_ON_SITE:
		return 6;
	case RS_VISITED:
		return 7;
	case RS_REPORTED:
		return 9;
	case RS_FORWARDED_KOORD:
		return 10;
	case RS_FORWARDED_KABID:
		return 11;
	case RS_CLOSED:
		return 12;
	default:
		/* CANCELLED and EXPIRED: the store keeps the step they were reached from. */
		return 0;
	}
}

bool wf_state_final(req_state s)
{
	return s == RS_REJECTED || s == RS_CLOSED || s == RS_CANCELLED || s == RS_EXPIRED;
}

bool wf_identity_full(akses_role role, req_state s)
{
	return role == ROLE_KOORDINATOR && s == RS_DISPOSED_KABID;
}

const char *wf_state_label(req_state s)
{
	switch (s) {
	case RS_SUBMITTED:
		return C_("Waiting for the Head of Agency's disposition");
	case RS_DISPOSED_KADIS:
		return C_("Waiting for the Head of Division's disposition");
	case RS_DISPOSED_KABID:
		return C_("Waiting for the Coordinator's verification");
	case RS_VERIFIED:
		return C_("Waiting for the Head of Division's decision");
	case RS_APPROVED:
		return C_("Approved: waiting for an escort to be assigned");
	case RS_REJECTED:
		return C_("Rejected");
	case RS_ASSIGNED:
		return C_("Escort assigned: waiting to be recorded by the helpdesk");
	case RS_RECORDED:
		return C_("Recorded: the pass can be printed");
	case RS_ON_SITE:
		return C_("Visit under way");
	case RS_VISITED:
		return C_("Visit finished: waiting for the access report");
	case RS_REPORTED:
		return C_("Access report written: waiting for the Coordinator");
	case RS_FORWARDED_KOORD:
		return C_("Access report with the Head of Division");
	case RS_FORWARDED_KABID:
		return C_("Access report with the Head of Agency");
	case RS_CLOSED:
		return C_("Closed");
	case RS_CANCELLED:
		return C_("Cancelled");
	case RS_EXPIRED:
		return C_("Expired: not decided in time");
	default:
		return C_("Unknown state");
	}
}

const char *wf_role_title(akses_role r)
{
	switch (r) {
	case ROLE_NONE:
		return C_("Applicant");
	case ROLE_KADIS:
		return C_("Head of Agency");
	case ROLE_KABID:
		return C_("Head of Informatics Applications Division");
	case ROLE_KOORDINATOR:
		return C_("Coordinator (Helpdesk)");
	case ROLE_TIM_TEKNIS:
		return C_("Technical Team");
	case ROLE_HELPDESK:
		return C_("Helpdesk");
	case ROLE_ADMIN:
		return C_("Administrator");
	default:
		return C_("Unknown role");
	}
}

const char *wf_action_label(wf_action a)
{
	switch (a) {
	case WF_SUBMIT:
		return C_("Submit request");
	case WF_DISPOSE_KADIS:
		return C_("Forward to the Head of Division (disposition)");
	case WF_DISPOSE_KABID:
		return C_("Forward to the Coordinator (disposition)");
	case WF_VERIFY:
		return C_("Verify");
	case WF_APPROVE:
		return C_("Approve");
	case WF_REJECT:
		return C_("Reject");
	case WF_ASSIGN:
		return C_("Assign escort");
	case WF_RECORD:
		return C_("Record and issue passes");
	case WF_VISIT_END:
		return C_("Visit ended");
	case WF_REPORT:
		return C_("Write access report");
	case WF_FORWARD_KOORD:
		return C_("Forward report to the Head of Division");
	case WF_FORWARD_KABID:
		return C_("Forward report to the Head of Agency");
	case WF_RECEIVE:
		return C_("Receive report");
	case WF_CANCEL:
		return C_("Cancel request");
	case WF_EXPIRE:
		return C_("Expired");
	default:
		return C_("Unknown action");
	}
}

const char *wf_purpose_label(purpose_cat p)
{
	switch (p) {
	case PURPOSE_MAINTENANCE:
		return C_("Equipment maintenance");
	case PURPOSE_INSTALLATION:
		return C_("Installation");
	case PURPOSE_AUDIT:
		return C_("Audit / inspection");
	case PURPOSE_VISIT:
		return C_("Visit / study tour");
	case PURPOSE_OTHER:
		return C_("Other");
	default:
		return C_("Not chosen");
	}
}

const char *wf_deny_label(deny_reason r)
{
	switch (r) {
	case DENY_UNKNOWN:
		return C_("Unknown pass");
	case DENY_NOT_YET_VALID:
		return C_("Not valid yet");
	case DENY_EXPIRED:
		return C_("Pass expired");
	case DENY_REVOKED:
		return C_("Pass revoked");
	case DENY_ALREADY_INSIDE:
		return C_("Already inside");
	case DENY_NOT_INSIDE:
		return C_("Not inside");
	case DENY_WRONG_ESCORT:
		return C_("Not this escort's visitor");
	case DENY_CLOSED:
		return C_("Visit closed: the access report is written");
	case DENY_RECEIPT:
		return C_("This is a receipt, not an access pass: print the pass at reception");
	case DENY_REPLACED:
		return C_("Replaced by a new print");
	case DENY_NOT_ISSUED:
		return C_("No access pass yet: the request is not approved and recorded");
	default:
		return "";
	}
}
