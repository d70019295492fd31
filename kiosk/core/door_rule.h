/* door_rule.h - the door's rule (SOP step 7) as pure logic: the facts the store loaded about one
 * scanned or typed pass in, the decision and what explains it out. No SQL, no clock, no I/O. */
#ifndef AKSES_DOOR_RULE_H
#define AKSES_DOOR_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* What is known at the door about one read. found/receipt/replaced say what the token is; the rest
 * describes the pass and its request (meaningful when found, or replaced for the request's
 * fields). */
struct door_facts {
	bool found;            /* a pass holds this token (or the typed number and person) */
	bool receipt;          /* not a pass: a request's receipt */
	bool replaced;         /* not a pass any more: a token a reprint retired */
	bool revoked;
	bool inside;
	req_state state;       /* the request's (RS_NONE: no request; a typed number's request
	                        * without passes is denied DENY_NOT_ISSUED) */
	int64_t escort_id;     /* the escort assigned to the request (0: nobody) */
	int64_t reader_id;     /* the escort signed in at the door */
	int64_t last_scan_at;  /* the last accepted scan of the pass (0: never) */
	int64_t start_at, end_at;
	int64_t now;
	scan_direction dir;
	int grace_min;         /* an entry is allowed this long before start_at */
	int repeat_s;          /* in AUTO, a read within this of the last accepted one is a repeat */
};

struct door_verdict {
	scan_decision decision;
	deny_reason reason;    /* DENY_NONE unless SCAN_DENIED */
	bool overstay;         /* leaving late, or still inside past the window's end */
	int64_t valid_from;    /* start_at minus the grace: when a "not yet valid" pass starts */
};

/* Decide one read, in this order: what the token is (receipt, replaced, unknown, no pass yet), the
 * escort, revoked or closed (someone inside may always leave), the double read (AUTO only), the
 * direction (anti-passback), then the window for an entry. */
void door_decide(const struct door_facts *f, struct door_verdict *v);

/* One line for the escort: the denial and what to do next ("Not valid yet - from 09:00",
 * "Not your visitor - escort: Dedi", "This is a receipt - print the pass at reception"),
 * translated. r's valid_from, end_at and escort_name fill the details. Returns buf. */
char *door_explain(const struct akses_scan_result *r, char *buf, size_t n);

#endif
