/* wf.h - the SOP as a state machine: one transition per step, who may take it, from which state,
 * and its time standard. Pure data and checks; the store applies them inside a transaction. */
#ifndef AKSES_WF_H
#define AKSES_WF_H

#include "model.h"
#include "status.h"

typedef enum wf_action {
	WF_NONE = 0,
	WF_SUBMIT,        /* step 1, PEMOHON (no staff role) */
	WF_DISPOSE_KADIS, /* step 2, KADIS */
	WF_DISPOSE_KABID, /* step 3, KABID */
	WF_VERIFY,        /* step 4, KOORDINATOR */
	WF_APPROVE,       /* step 5 YES, KABID */
	WF_REJECT,        /* step 5 NO, KABID; needs a reason */
	WF_ASSIGN,        /* step 6, KOORDINATOR: escort assigned */
	WF_RECORD,        /* step 6, HELPDESK: recorded, passes issued */
	WF_VISIT_END,     /* step 7, TIM_TEKNIS: last person scanned out (written by the scan path) */
	WF_REPORT,        /* step 9, HELPDESK: access report written */
	WF_FORWARD_KOORD, /* step 10, KOORDINATOR */
	WF_FORWARD_KABID, /* step 11, KABID */
	WF_RECEIVE,       /* step 12, KADIS: closes the request */
	WF_CANCEL,        /* applicant (role NONE) or KOORDINATOR, before RS_RECORDED */
	WF_EXPIRE,        /* the system: window passed before step 5 */
	WF_COUNT
} wf_action;

struct wf_transition {
	wf_action action;
	int step;            /* SOP number; 0 for cancel/expire */
	akses_role role;     /* ROLE_NONE: the applicant or the system */
	req_state to;
	int standard_s;      /* SOP time standard (mutu baku): 180 s, 300 s for steps 11 and 12 */
	const char *code;    /* "dispose-kadis", stable, for JSON and the audit trail */
};

/* The transition for an action; NULL for WF_NONE or out of range. */
const struct wf_transition *wf_get(wf_action a);

/* May this role take this action from this state? AKSES_OK, AKSES_E_ROLE or AKSES_E_STATE
 * (role is checked first). WF_VISIT_END and WF_EXPIRE are the system's and always AKSES_E_ROLE
 * for a person; WF_CANCEL is allowed to ROLE_NONE (applicant) and ROLE_KOORDINATOR. For
 * WF_REPORT, the state must be RS_VISITED, or RS_RECORDED with window_over true (a no-show). */
akses_status wf_check(wf_action a, akses_role role, req_state from, bool window_over);

/* The action a verb means for a role: "dispose" -> WF_DISPOSE_KADIS for KADIS, WF_DISPOSE_KABID
 * for KABID; "forward" -> WF_FORWARD_KOORD / WF_FORWARD_KABID. WF_NONE when the role has none. */
wf_action wf_for_verb(const char *verb, akses_role role);

/* The actions a role can take now on a request in this state (for an inbox and for buttons):
 * exactly those wf_check allows, in wf_action order. window_over: the visit window has ended
 * (the no-show report is offered only then). Returns how many were written to out (at most
 * max). */
int wf_actions_for(akses_role role, req_state s, bool window_over, wf_action *out, int max);

/* The step that waits in a state (e.g. RS_SUBMITTED -> 2), with the role that owns it and its
 * standard; 0 when the state is final. RS_RECORDED and RS_ON_SITE wait for step 7. */
int wf_next_step(req_state s, akses_role *role_out, int *standard_out);

/* When the step waiting in state s is due (0: nothing waits). Most steps are due their standard
 * after the previous step's completion (waiting_since). Step 7 is the escort's, and it cannot
 * start before the visit window does: while RS_RECORDED it is due its standard after the window's
 * start (or after step 6, if that came later); once the visitor is in (RS_ON_SITE) the escort's
 * remaining duty ends with the window (end_at). See docs/sop-timing.md. */
int64_t wf_due_at(req_state s, int64_t waiting_since, int64_t start_at, int64_t end_at);

/* Step 7's measured duration: from the window's start (or step 6, if that came later) to the
 * first entry at the door; 0 for an entry inside the grace before the start. */
int64_t wf_step7_duration(int64_t start_at, int64_t recorded_at, int64_t first_entry_at);

/* The SOP number of the last completed step in a state (RS_SUBMITTED -> 1, RS_ASSIGNED -> 5,
 * RS_RECORDED -> 6, RS_CLOSED -> 12). For final states other than CLOSED, the last step reached. */
int wf_last_step_of(req_state s);

bool wf_state_final(req_state s);

/* May this role see a request's identity number and phone whole in this state? Only the
 * Koordinator verifying identities (step 4, RS_DISPOSED_KABID); everyone else sees them masked
 * (valid_id_mask, valid_phone_mask). The kiosk's request screen and the web console ask this. */
bool wf_identity_full(akses_role role, req_state s);

/* Stable codes (wf_codes.c: one table per enum) and translated labels. The *_parse functions
 * read a code back, case-insensitively; the "none" code of an enum never parses. A scan's
 * decision is only ever written (the reports select it in SQL), so it has no parser. */
const char *wf_state_code(req_state s);      /* "SUBMITTED" */
const char *wf_state_label(req_state s);     /* "Menunggu disposisi Kepala Dinas" */
int wf_state_parse(const char *code, req_state *out); /* 0 or -1; case-insensitive */
const char *wf_role_code(akses_role r);      /* "KOORDINATOR" */
const char *wf_role_title(akses_role r);     /* "Koordinator (Helpdesk)" translated */
int wf_role_parse(const char *code, akses_role *out); /* 0 or -1; case-insensitive */
const char *wf_action_label(wf_action a);    /* "Disposisi ke Kabid" translated */
const char *wf_purpose_code(purpose_cat p);  /* "maintenance" */
const char *wf_purpose_label(purpose_cat p); /* "Pemeliharaan perangkat" translated */
int wf_purpose_parse(const char *code, purpose_cat *out);
const char *wf_deny_code(deny_reason r);     /* "already-inside" */
const char *wf_deny_label(deny_reason r);    /* "Sudah di dalam" translated */
deny_reason wf_deny_parse(const char *code);       /* DENY_NONE when unknown */
const char *wf_print_state_code(print_state p);     /* "pending" */
print_state wf_print_state_parse(const char *code); /* PRINT_NONE when unknown */
const char *wf_job_state_code(print_job_state j);   /* "completed" */
print_job_state wf_job_state_parse(const char *code); /* JOB_NONE when unknown */
const char *wf_decision_code(scan_decision d);      /* "ENTRY"; "DENIED" for no decision */
/* wf_print.c: the same states as translated words ("sudah dicetak") for screens and tables */
const char *wf_print_state_label(print_state p);
const char *wf_job_state_label(print_job_state j);
const char *wf_urgency_code(akses_urgency u);  /* "segera"; "" for URGENCY_NONE */
const char *wf_urgency_label(akses_urgency u); /* "Urgent" translated; "" for URGENCY_NONE */
int wf_urgency_parse(const char *code, akses_urgency *out); /* 0 or -1; case-insensitive */

#endif
