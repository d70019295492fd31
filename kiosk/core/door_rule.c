/* door_rule.c - the door's rule (SOP step 7) as pure logic: ENTRY, EXIT, DENIED with a reason, or
 * REPEAT, from the facts the store loaded; and the line that tells the escort what to do next. */
#include "door_rule.h"

#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "wf.h"

/* A denial that the token itself explains, before anything about a pass is asked. */
static deny_reason door_token_denial(const struct door_facts *f)
{
	if (f->found)
		return DENY_NONE;
	if (f->receipt)
		return DENY_RECEIPT;
	if (f->replaced)
		return DENY_REPLACED;
	/* a typed number whose request exists but has no pass yet; a scanned token naming nothing */
	return f->state != RS_NONE ? DENY_NOT_ISSUED : DENY_UNKNOWN;
}

void door_decide(const struct door_facts *f, struct door_verdict *v)
{
	memset(v, 0, sizeof *v);
	v->decision = SCAN_DENIED;
	v->valid_from = f->start_at - (int64_t)f->grace_min * 60;
	if ((v->reason = door_token_denial(f)) != DENY_NONE)
		return;
	/* leaving late, or still inside past the window's end (whatever is decided below) */
	bool late = f->now > f->end_at;
	if (f->escort_id != f->reader_id) {
		v->reason = DENY_WRONG_ESCORT;
		v->overstay = late && f->inside;
		return;
	}
	scan_decision want;
	if (f->dir == SCAN_DIR_AUTO)
		want = f->inside ? SCAN_EXIT : SCAN_ENTRY;
	else
		want = f->dir == SCAN_DIR_IN ? SCAN_ENTRY : SCAN_EXIT;
	/* Someone inside on a pass revoked meanwhile must still be let out, and that exit recorded:
	 * otherwise the evacuation list would show them inside for ever. A pass nobody revoked whose
	 * visit was closed (the report written, step 9 on) says so, not "revoked". */
	bool visit_open =
	    f->state == RS_RECORDED || f->state == RS_ON_SITE || f->state == RS_VISITED;
	if ((f->revoked || !visit_open) && !(f->inside && want == SCAN_EXIT)) {
		v->reason = f->revoked ? DENY_REVOKED : DENY_CLOSED;
		v->overstay = late && f->inside;
		return;
	}
	/* In AUTO, a scanner that reads the same badge twice must not turn one passage into an entry
	 * and an exit: a read within the repeat guard of the last accepted one is a double read,
	 * recorded as REPEAT and changing nothing (no denial: the person did nothing wrong). An
	 * explicit direction says what the escort means, and anti-passback already refuses a
	 * double. The doors are PCs of their own whose clocks differ a little (and read their
	 * seconds at different instants): a read stamped before the last one, by less than the
	 * guard, is the same double read seen by the door whose clock is behind, not an exit. */
	if (f->dir == SCAN_DIR_AUTO && f->repeat_s > 0 && f->last_scan_at > 0 &&
	    f->now > f->last_scan_at - f->repeat_s && f->now < f->last_scan_at + f->repeat_s) {
		v->decision = SCAN_REPEAT;
		v->reason = DENY_NONE;
		return;
	}
	if (want == SCAN_ENTRY && f->inside) {
		v->reason = DENY_ALREADY_INSIDE;
		v->overstay = late;
		return;
	}
	if (want == SCAN_EXIT && !f->inside) {
		v->reason = DENY_NOT_INSIDE;
		return;
	}
	if (want == SCAN_ENTRY) {
		if (f->now < v->valid_from) {
			v->reason = DENY_NOT_YET_VALID;
			return;
		}
		if (f->now >= f->end_at) {
			v->reason = DENY_EXPIRED;
			return;
		}
	}
	/* an exit is always allowed for someone inside, even after the window: they must leave */
	v->decision = want;
	v->reason = DENY_NONE;
	v->overstay = want == SCAN_EXIT && late;
}

/* A time as the escort reads it: "09:00" on the day of the read, "2030-03-13 09:00" otherwise. */
static void door_when(int64_t t, int64_t at, char *buf, size_t n)
{
	char d1[20], d2[20];
	clock_format_day(t, d1, sizeof d1);
	clock_format_day(at, d2, sizeof d2);
	if (strcmp(d1, d2) == 0)
		clock_format_hm(t, buf, n);
	else
		clock_format(t, buf, n);
}

char *door_explain(const struct akses_scan_result *r, char *buf, size_t n)
{
	char when[40];
	const char *label = wf_deny_label(r->reason);

	if (!buf || n == 0)
		return buf;
	switch (r->reason) {
	case DENY_NOT_YET_VALID:
		door_when(r->valid_from, r->at, when, sizeof when);
		/* TRANSLATORS: the pass's window has not begun; %s: its start ("09:00", or with the
		 * day when it is not today) */
		snprintf(buf, n, C_("Not valid yet — from %s: wait, or ask Helpdesk to change the "
		                    "visit's time"),
		         when);
		break;
	case DENY_EXPIRED:
		door_when(r->end_at, r->at, when, sizeof when);
		snprintf(buf, n, C_("Pass expired — the visit ended at %s: the visitor needs a new "
		                    "request"),
		         when);
		break;
	case DENY_WRONG_ESCORT:
		if (r->escort_name[0])
			snprintf(buf, n, C_("Not your visitor — escort: %s"), r->escort_name);
		else
			snprintf(buf, n, "%s", C_("Not your visitor — no escort is assigned yet: "
			                          "ask the Coordinator"));
		break;
	case DENY_RECEIPT:
		snprintf(buf, n, "%s", C_("This is a receipt, not an access pass — print the pass at "
		                          "reception"));
		break;
	case DENY_REPLACED:
		snprintf(buf, n, "%s", C_("Replaced by a new print — use the newest pass, or ask "
		                          "Helpdesk"));
		break;
	case DENY_REVOKED:
		snprintf(buf, n, "%s", C_("Pass revoked — do not let in: call the Coordinator"));
		break;
	case DENY_CLOSED:
		snprintf(buf, n, "%s", C_("Visit closed — the access report is written: a new "
		                          "visit needs a new request"));
		break;
	case DENY_ALREADY_INSIDE:
		snprintf(buf, n, "%s", C_("Already inside — scan the pass again when the visitor "
		                          "leaves"));
		break;
	case DENY_NOT_INSIDE:
		snprintf(buf, n, "%s", C_("Not inside — scan again to let the visitor in"));
		break;
	case DENY_UNKNOWN:
		snprintf(buf, n, "%s", C_("Unknown pass — enter the request number by hand, or "
		                          "send the visitor to reception"));
		break;
	case DENY_NOT_ISSUED:
		snprintf(buf, n, "%s", C_("No access pass yet — the request is not approved and "
		                          "recorded: send the visitor to reception"));
		break;
	default:
		snprintf(buf, n, "%s", label);
		break;
	}
	return buf;
}
