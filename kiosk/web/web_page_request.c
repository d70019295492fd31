/* web_page_request.c - one request as an official sees it in the console: the details with the
 * NIK and phone masked as at the kiosk (whole for the Koordinator verifying, wf_identity_full), the
 * timeline, where it stands with its countdown, and a form for each action wf_actions_for offers
 * the signed-in role, as the kiosk's request screen does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "valid.h"
#include "web.h"
#include "wf.h"

#define RQ_MAX_ACTS 8

/* "<dt>label</dt><dd>value</dd>" */
static void rq_item(struct web_buf *b, const char *id, const char *label, const char *value)
{
	web_rawf(b, "<dt>");
	web_esc(b, label);
	web_rawf(b, "</dt><dd id=\"%s\">", id);
	web_esc(b, value);
	web_raw(b, "</dd>");
}

static void rq_details(struct web_buf *b, const struct akses_request *q, bool full)
{
	char v[3300], t1[24], t2[24], d[24];
	web_raw(b, "<dl class=\"details\">");
	rq_item(b, "name", W_("Applicant"), q->name);
	valid_id_mask(q->id_type, q->nik, full, v, sizeof v);
	rq_item(b, "nik", akses_id_type_label(q->id_type), v);
	valid_phone_mask(q->phone, full, v, sizeof v);
	rq_item(b, "phone", W_("Phone"), v);
	rq_item(b, "institution", W_("Institution"), q->institution);
	snprintf(v, sizeof v, "%s — %s", wf_purpose_label(q->purpose_category), q->purpose);
	rq_item(b, "purpose", W_("Purpose"), v);
	clock_format_day(q->start_at, d, sizeof d);
	clock_format_hm(q->start_at, t1, sizeof t1);
	clock_format_hm(q->end_at, t2, sizeof t2);
	snprintf(v, sizeof v, "%s %s–%s", d, t1, t2);
	rq_item(b, "window", W_("Window"), v);
	if (q->escort_name[0])
		rq_item(b, "escort", W_("Escort"), q->escort_name);
	for (int i = 0; i < q->n_companions; i++) {
		const struct akses_person *p = &q->companions[i];
		char nik[40];
		valid_id_mask(p->id_type, p->nik, full, nik, sizeof nik);
		snprintf(v, sizeof v, "%s (%s %s)", p->name, akses_id_type_label(p->id_type), nik);
		char id[24];
		snprintf(id, sizeof id, "companion-%d", i + 1);
		rq_item(b, id, W_("Companion"), v);
	}
	for (int i = 0; i < q->n_equipment; i++)
		rq_item(b, "equipment", W_("Equipment"), q->equipment[i]);
	if (q->reason[0])
		rq_item(b, "reason", W_("Reason"), q->reason);
	if (q->report[0])
		rq_item(b, "report", W_("Access report"), q->report);
	web_raw(b, "</dl>");
}

static void rq_timeline(struct web_buf *b, const struct akses_step_rec *tl, int n)
{
	web_raw(b, "<h2>");
	web_esc(b, W_("Timeline"));
	web_raw(b, "</h2><ol class=\"timeline\" id=\"timeline\">");
	for (int i = 0; i < n; i++) {
		const struct akses_step_rec *s = &tl[i];
		char when[24], took[48] = "";
		clock_format(s->at, when, sizeof when);
		if (s->duration_s >= 0)
			snprintf(took, sizeof took, " · %d:%02d / %d:%02d",
			         (int)(s->duration_s / 60), (int)(s->duration_s % 60),
			         s->standard_s / 60, s->standard_s % 60);
		bool late =
		    (s->duration_s > s->standard_s && s->standard_s > 0) || s->action == WF_REJECT;
		web_rawf(b, "<li%s><b>%d.</b> ", late ? " class=\"late\"" : "", s->step);
		web_esc(b, wf_action_label((wf_action)s->action));
		web_raw(b, " — ");
		web_esc(b, s->actor_id ? s->actor_name : wf_role_title(s->role));
		web_raw(b, " · ");
		web_esc(b, when);
		web_esc(b, took);
		if (s->note[0]) {
			web_raw(b, "<div class=\"note\">");
			web_esc(b, s->note);
			web_raw(b, "</div>");
		}
		const char *u = wf_urgency_label(s->urgency);
		if (*u || s->instruction[0]) {
			web_raw(b, "<div class=\"note\">");
			web_esc(b, u);
			web_raw(b, *u && s->instruction[0] ? " · " : "");
			web_esc(b, s->instruction);
			web_raw(b, "</div>");
		}
		web_raw(b, "</li>");
	}
	web_raw(b, "</ol>");
}

/* A text area named text: label, required or not, how long. */
static void rq_textarea(struct web_buf *b, const char *code, const char *label, bool required,
                        int max)
{
	web_rawf(b, "<label for=\"text-%s\">", code);
	web_esc(b, label);
	web_rawf(b,
	         "</label><textarea id=\"text-%s\" name=\"text\" rows=\"3\" maxlength=\"%d\"%s>"
	         "</textarea>",
	         code, max, required ? " required" : "");
}

/* One action's form. */
static void rq_action_form(struct web_req *r, const char *number, wf_action act,
                           const struct akses_staff *escorts, int n_escorts)
{
	struct web_buf *b = &r->body;
	const struct wf_transition *t = wf_get(act);
	if (!t)
		return;
	bool danger = act == WF_REJECT || act == WF_CANCEL;
	web_rawf(b, "<form method=\"post\" class=\"act card\" id=\"form-%s\" action=\"/request/",
	         t->code);
	web_esc(b, number);
	web_raw(b, "/act\">");
	web_csrf_field(b, r->sess);
	web_rawf(b, "<input type=\"hidden\" name=\"act\" value=\"%s\">", t->code);
	switch (act) {
	case WF_DISPOSE_KADIS:
	case WF_DISPOSE_KABID:
		rq_textarea(b, t->code, W_("Instruction (optional)"), false, AKSES_NOTE_CHARS);
		web_rawf(b, "<label for=\"urgency-%s\">", t->code);
		web_esc(b, W_("Urgency"));
		web_rawf(b,
		         "</label><select id=\"urgency-%s\" name=\"urgency\"><option value=\"\">",
		         t->code);
		web_esc(b, W_("(not given)"));
		web_raw(b, "</option>");
		for (int u = URGENCY_NONE + 1; u < URGENCY_COUNT; u++) {
			web_rawf(b, "<option value=\"%s\">", wf_urgency_code((akses_urgency)u));
			web_esc(b, wf_urgency_label((akses_urgency)u));
			web_raw(b, "</option>");
		}
		web_raw(b, "</select>");
		break;
	case WF_VERIFY:
		rq_textarea(b, t->code, W_("Note for the Kabid (optional)"), false,
		            AKSES_NOTE_CHARS);
		break;
	case WF_REJECT:
		rq_textarea(b, t->code, W_("Reason the applicant will read (required)"), true,
		            AKSES_NOTE_CHARS);
		break;
	case WF_CANCEL:
		rq_textarea(b, t->code, W_("Reason for cancelling (required)"), true,
		            AKSES_NOTE_CHARS);
		break;
	case WF_REPORT:
		rq_textarea(b, t->code, W_("Access report (required)"), true, AKSES_REPORT_CHARS);
		break;
	case WF_ASSIGN:
		web_raw(b, "<label for=\"escort\">");
		web_esc(b, W_("Escort (Tim Teknis)"));
		web_raw(b, "</label><select id=\"escort\" name=\"escort\" required>");
		for (int i = 0; i < n_escorts; i++) {
			web_rawf(b, "<option value=\"%lld\">", (long long)escorts[i].id);
			web_esc(b, escorts[i].name);
			web_raw(b, "</option>");
		}
		web_raw(b, "</select>");
		if (n_escorts == 0) {
			web_raw(b, "<p class=\"flash bad\">");
			web_esc(b, W_("No active Tim Teknis: add one with aksesctl."));
			web_raw(b, "</p>");
		}
		break;
	default:
		break;
	}
	web_rawf(b, "<button id=\"act-%s\" class=\"%s\">", t->code, danger ? "danger" : "primary");
	web_esc(b, wf_action_label(act));
	web_raw(b, "</button></form>");
}

void web_page_request(struct web_req *r)
{
	const char *number = r->number;
	struct web_buf *b = &r->body;
	struct akses_request q;
	akses_status rc = store_request_get(r->w->st, number, &q);
	if (rc != AKSES_OK) {
		web_error_page(
		    r, rc == AKSES_E_REQUEST_NOT_FOUND || rc == AKSES_E_REQUEST_NUMBER ? 404 : 500,
		    W_("Request"), akses_status_message(rc));
		return;
	}
	struct akses_step_rec *tl = NULL;
	int n_tl = 0;
	if (store_timeline(r->w->st, q.number, &tl, &n_tl) != AKSES_OK)
		n_tl = 0;
	int64_t now = clock_now();
	akses_role role = r->sess->role;
	wf_action acts[RQ_MAX_ACTS];
	/* the store's rule: the window is over from its end on, as the kiosk asks */
	int n_acts = wf_actions_for(role, q.state, now >= q.end_at, acts, RQ_MAX_ACTS);
	struct akses_staff *escorts = NULL;
	int n_escorts = 0;
	for (int i = 0; i < n_acts; i++) {
		if (acts[i] != WF_ASSIGN ||
		    store_staff_list(r->w->st, ROLE_TIM_TEKNIS, &escorts, &n_escorts) != AKSES_OK)
			continue;
		int k = 0; /* only active escorts can be chosen */
		for (int j = 0; j < n_escorts; j++)
			if (escorts[j].active)
				escorts[k++] = escorts[j];
		n_escorts = k;
	}
	web_page_top(b, r->sess, q.number, 0);
	web_page_flash(b, r->sess);
	web_raw(b, "<h1 id=\"number\">");
	web_esc(b, q.number);
	web_raw(b, "</h1><p class=\"state\" id=\"state\">");
	web_esc(b, wf_state_label(q.state));
	int step = wf_next_step(q.state, NULL, NULL);
	if (step) {
		int64_t since = n_tl ? tl[n_tl - 1].at : q.created_at;
		web_raw(b, " · ");
		web_esc(b, W_("step"));
		web_rawf(b, " %d ", step);
		web_due_span(b, wf_due_at(q.state, since, q.start_at, q.end_at), now);
	}
	web_raw(b, "</p><div class=\"cols\"><section>");
	rq_details(b, &q, wf_identity_full(role, q.state));
	rq_timeline(b, tl, n_tl);
	web_raw(b, "</section><section class=\"actions\" id=\"actions\">");
	if (n_acts == 0) {
		web_raw(b, "<p class=\"muted\">");
		web_esc(b, W_("Nothing for your role to do on this request now."));
		web_raw(b, "</p>");
	}
	for (int i = 0; i < n_acts; i++)
		rq_action_form(r, q.number, acts[i], escorts, n_escorts);
	if (role == ROLE_HELPDESK) { /* its documents and a pass reprint, this request filled in */
		web_raw(b, "<p><a id=\"print-link\" href=\"/print?number=");
		web_esc(b, q.number); /* AKS-YYYYMMDD-NNNNN: nothing to %-escape */
		web_wrap(b, "\">", W_("Print a document"), "</a></p>");
	}
	web_raw(b, "</section></div>");
	web_page_end(b);
	free(tl);
	free(escorts);
	/* the applicant's details leave memory with the page */
	volatile unsigned char *v = (volatile unsigned char *)&q;
	for (size_t i = 0; i < sizeof q; i++)
		v[i] = 0;
}
