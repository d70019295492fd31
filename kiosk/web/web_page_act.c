/* web_page_act.c - an official's action posted from a request's page, carried out through the same
 * store calls as the kiosk and aksesctl (store_act, store_dispose, store_assign,
 * store_report_write, store_cancel), which check the role, the state and the text themselves; a
 * refusal is a page saying why, with nothing changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "wf.h"

/* The action a posted code names ("verify", "dispose-kadis" ...); WF_NONE when none. */
static wf_action act_parse(const char *code)
{
	for (int a = WF_NONE + 1; code && a < WF_COUNT; a++) {
		const struct wf_transition *t = wf_get((wf_action)a);
		if (t && t->code && !strcmp(t->code, code))
			return (wf_action)a;
	}
	return WF_NONE;
}

/* The HTTP status a refusal is answered with. */
static int act_http_status(akses_status rc)
{
	if (rc == AKSES_E_ROLE)
		return 403;
	if (rc == AKSES_E_REQUEST_NOT_FOUND || rc == AKSES_E_REQUEST_NUMBER)
		return 404;
	if (rc == AKSES_E_STATE)
		return 409;
	if (akses_status_is_input(rc) || rc == AKSES_E_ESCORT)
		return 400;
	return 500;
}

void web_page_act(struct web_req *r)
{
	const char *number = r->number;
	wf_action act = act_parse(web_form_get(&r->form, "act"));
	const char *text = web_form_get(&r->form, "text");
	int64_t actor = r->sess->staff_id;
	store *st = r->w->st;
	akses_status rc;
	switch (act) {
	case WF_DISPOSE_KADIS:
	case WF_DISPOSE_KABID: {
		const char *u = web_form_get(&r->form, "urgency");
		struct akses_disposition d = {text && *text ? text : NULL, URGENCY_NONE};
		if (u && *u && wf_urgency_parse(u, &d.urgency) != 0) {
			web_error_page(r, 400, W_("Action refused"),
			               W_("The urgency is not one the console offers. Nothing was "
			                  "changed."));
			return;
		}
		rc = store_dispose(st, number, act, actor, NULL, &d);
		break;
	}
	case WF_VERIFY:
		rc = store_act(st, number, act, actor, text && *text ? text : NULL);
		break;
	case WF_REJECT:
		rc = store_act(st, number, act, actor, text ? text : "");
		break;
	case WF_APPROVE:
	case WF_RECORD:
	case WF_FORWARD_KOORD:
	case WF_FORWARD_KABID:
	case WF_RECEIVE:
		rc = store_act(st, number, act, actor, NULL);
		break;
	case WF_ASSIGN: {
		const char *e = web_form_get(&r->form, "escort");
		char *end = NULL;
		long long id = e ? strtoll(e, &end, 10) : 0;
		rc = e && *e && end && !*end && id > 0 ? store_assign(st, number, actor, id)
		                                       : AKSES_E_ESCORT;
		break;
	}
	case WF_REPORT:
		rc = store_report_write(st, number, actor, text ? text : "");
		break;
	case WF_CANCEL:
		rc = store_cancel(st, number, actor, text ? text : "");
		break;
	default:
		web_error_page(r, 400, W_("Action refused"),
		               W_("The console offers no such action. Nothing was changed."));
		return;
	}
	if (rc != AKSES_OK) {
		char msg[600];
		snprintf(msg, sizeof msg, "%s: %s %s", wf_action_label(act),
		         akses_status_message(rc), W_("Nothing was changed."));
		web_error_page(r, act_http_status(rc), W_("Action refused"), msg);
		return;
	}
	/* done: back to the inbox, where it no longer waits, with the outcome on top */
	web_session_flash(r->sess, true, "%s: %s — %s", number, wf_action_label(act), W_("done"));
	web_redirect(r, "/");
}
