/* paper.c - paper_print: gather a document's data from the store, render it with printer/, submit it
 * to CUPS (or write the PDF), wait if asked, and record the job and its end in the store. A badge
 * whose print fails stays printable by the visitor (the store marks it PRINT_FAILED). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "paper_int.h"
#include "valid.h"
#include "wf.h"

#define P_(s) lang_gettext(PAPER_DOMAIN, s) /* the thread's pinned language: lang.h */

/* ---- small helpers ------------------------------------------------------------------------ */

static void header_of(const struct akses_config *cfg, struct prn_header *h)
{
	h->agency = cfg->agency;
	h->unit = cfg->agency_unit;
	h->city = cfg->city;
	h->station = cfg->station;
	h->printed_at = clock_now();
}

static void label_mm(config_label l, double *w, double *h)
{
	switch (l) {
	case LABEL_CR80: *w = PRN_CR80_W; *h = PRN_CR80_H; break;
	case LABEL_A6: *w = PRN_A6_W; *h = PRN_A6_H; break;
	default: *w = PRN_LABEL_W; *h = PRN_LABEL_H; break;
	}
}

/* The label of what role does at SOP step number step (its first wf action there): step 6 is
 * "Assign escort" for the Coordinator and "Record and issue passes" for the Helpdesk. */
static const char *step_label(int step, akses_role role)
{
	for (int pass = 0; pass < 2; pass++) /* the role's own action, else the step's first */
		for (int a = WF_SUBMIT; a < WF_COUNT; a++) {
			const struct wf_transition *t = wf_get((wf_action)a);
			if (t && t->step == step && (pass == 1 || t->role == role))
				return wf_action_label((wf_action)a);
		}
	return "";
}

/* Mask all but the first keep_head and last keep_tail characters (ASCII: NIK, phone). */
static void mask(const char *s, int keep_head, int keep_tail, char *out, size_t n)
{
	size_t len = strlen(s), o = 0;
	for (size_t i = 0; i < len && o + 1 < n; i++)
		out[o++] = ((int)i < keep_head || i >= len - (size_t)keep_tail) ? s[i] : '*';
	out[o] = '\0';
}

/* The visitor's own paper (pass, receipt, request letter) printed by staff is written in the
 * language the visitor used when they applied (the request's), whatever the staff session's: the
 * rendering thread is pinned to it until paper_print unpins it. Printed by the visitor themselves
 * at the kiosk it follows their session, the language on their screen. Staff paper (berita acara,
 * lembar disposisi, logs) always follows the session. */
static void visitor_lang(int64_t actor_id, const char *request_lang)
{
	if (actor_id > 0)
		lang_thread_set(request_lang);
}

/* ---- gathering: each fills the PDF for one document --------------------------------------- */

struct gather {
	store *st;
	const struct akses_config *cfg;
	const struct paper_job *job;
	struct paper_result *res;
	int64_t pass_id; /* badge */
	bool reprint;
	struct prn_pdf pdf;
	char title[96];
};

/* A per-request document printed before says it is a reprint (its footer: "Cetak ulang <when>"). A
 * failed lookup only leaves the mark off. */
static void mark_reprint(struct gather *g, struct prn_header *h)
{
	int n = 0;
	h->reprint = store_print_count(g->st, paper_doc_code(g->job->doc), g->job->number, &n) ==
	                     AKSES_OK &&
	             n > 0;
}

static akses_status do_badge(struct gather *g)
{
	struct akses_pass *passes = NULL;
	int n = 0;
	akses_status rc = store_pass_list(g->st, g->job->number, &passes, &n);
	if (rc != AKSES_OK)
		return rc;
	struct akses_pass p;
	bool found = false;
	for (int i = 0; i < n; i++)
		if (passes[i].person == g->job->person) {
			p = passes[i];
			found = true;
		}
	free(passes);
	if (!found)
		return AKSES_E_PASS_NOT_FOUND;
	if (g->job->actor_id > 0) { /* a staff reprint: the visitor's language */
		struct akses_request *r = malloc(sizeof(*r));
		if (!r)
			return AKSES_E_NOMEM;
		rc = store_request_get(g->st, g->job->number, r);
		if (rc == AKSES_OK)
			visitor_lang(g->job->actor_id, r->lang);
		free(r);
		if (rc != AKSES_OK)
			return rc;
	}
	g->pass_id = p.id;
	g->reprint = g->job->actor_id > 0;
	/* A fresh token for this print: the store checks first print vs reprint and records it. It
	 * only waits aside: the badge printed before keeps working until this one reached CUPS. The
	 * visitor's first print carries the receipt's token as proof; staff their sign-in. */
	rc = store_pass_token_pending(g->st, p.id, g->job->actor_id, g->job->reason,
	                              g->job->actor_id == 0 ? g->job->receipt_token : NULL,
	                              g->res->token);
	if (rc != AKSES_OK)
		return rc;
	struct prn_badge b = {.agency = g->cfg->agency, .name = p.name,
	                      .institution = p.institution, .escort = p.escort_name,
	                      .number = p.number, .token = g->res->token,
	                      .start_at = p.start_at, .end_at = p.end_at,
	                      .reprinted_at = (p.issued || p.print_count > 0) ? clock_now() : 0};
	label_mm(g->cfg->label, &b.w_mm, &b.h_mm);
	snprintf(g->title, sizeof(g->title), "akses-badge-%s-%d", p.number, p.person);
	return prn_render_badge(&b, &g->pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
}

static akses_status do_receipt(struct gather *g)
{
	struct akses_request *r = malloc(sizeof(*r));
	char tok[AKSES_TOKEN_BUF];
	akses_status rc;
	if (!r)
		return AKSES_E_NOMEM;
	rc = store_request_get(g->st, g->job->number, r);
	if (rc == AKSES_OK) {
		if (g->job->receipt_token && *g->job->receipt_token)
			snprintf(tok, sizeof(tok), "%s", g->job->receipt_token);
		else
			rc = store_receipt_reissue(g->st, g->job->number, g->job->actor_id, tok);
	}
	if (rc == AKSES_OK) {
		visitor_lang(g->job->actor_id, r->lang);
		struct prn_receipt rc_ = {.agency = g->cfg->agency, .number = r->number,
		                          .name = r->name, .token = tok,
		                          .submitted_at = r->created_at, .start_at = r->start_at,
		                          .end_at = r->end_at};
		label_mm(g->cfg->label, &rc_.w_mm, &rc_.h_mm);
		snprintf(g->title, sizeof(g->title), "akses-receipt-%s", r->number);
		rc = prn_render_receipt(&rc_, &g->pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
	}
	free(r);
	return rc;
}

/* The day log as printer structs (pointers into log; the arrays are the caller's to free). */
akses_status paper_log_to_prn(const struct akses_day_log *log, const struct akses_config *cfg,
                              struct prn_day_log *out, struct prn_log_visit **pv,
                              struct prn_log_denied **pd)
{
	memset(out, 0, sizeof(*out));
	header_of(cfg, &out->hdr);
	*pv = calloc((size_t)log->n_visits + 1, sizeof(**pv));
	*pd = calloc((size_t)log->n_denied + 1, sizeof(**pd));
	if (!*pv || !*pd)
		return AKSES_E_NOMEM;
	for (int i = 0; i < log->n_visits; i++) {
		const struct akses_visit *v = &log->visits[i];
		(*pv)[i] = (struct prn_log_visit){v->number, v->name,   v->institution, v->purpose,
		                                  v->escort, v->in_at,  v->out_at,      v->end_at,
		                                  v->inside, v->overstay};
	}
	for (int i = 0; i < log->n_denied; i++) {
		const struct akses_denied_scan *x = &log->denied[i];
		(*pd)[i] = (struct prn_log_denied){x->at,     x->station, wf_deny_label(x->reason),
		                                   x->escort, x->number,  x->name};
	}
	int64_t end;
	clock_day_bounds(log->day, &out->day_start, &end);
	out->day = log->day;
	out->now = clock_now();
	out->n_visits = log->n_visits;
	out->visits = *pv;
	out->n_denied = log->n_denied;
	out->denied = *pd;
	memcpy(out->per_hour, log->entries_per_hour, sizeof(out->per_hour));
	out->n_inside = log->n_inside;
	out->n_overstay = log->n_overstay;
	out->n_people = log->n_people;
	return AKSES_OK;
}

static akses_status do_log(struct gather *g)
{
	struct akses_day_log log;
	struct prn_day_log pl;
	struct prn_log_visit *pv = NULL;
	struct prn_log_denied *pd = NULL;
	akses_status rc = store_day_log(g->st, g->job->day, &log);
	if (rc != AKSES_OK)
		return rc;
	rc = paper_log_to_prn(&log, g->cfg, &pl, &pv, &pd);
	char head[STORE_ANCHOR_BUF]; /* the audit anchor in the footer */
	if (rc == AKSES_OK && store_audit_anchor(g->st, head) == AKSES_OK)
		pl.hdr.audit_head = head;
	if (rc == AKSES_OK) {
		snprintf(g->title, sizeof(g->title), "akses-log-%s", log.day);
		rc = prn_render_day_log(&pl, &g->pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
	}
	free(pv);
	free(pd);
	store_day_log_free(&log);
	return rc;
}

static akses_status do_report(struct gather *g)
{
	struct akses_request *r = malloc(sizeof(*r));
	struct akses_step_rec *steps = NULL;
	struct prn_step *ps = NULL;
	int n = 0;
	akses_status rc;
	if (!r)
		return AKSES_E_NOMEM;
	rc = store_request_get(g->st, g->job->number, r);
	if (rc == AKSES_OK)
		rc = store_timeline(g->st, g->job->number, &steps, &n);
	if (rc != AKSES_OK) {
		free(r);
		return rc;
	}
	ps = calloc((size_t)n + 1, sizeof(*ps));
	if (!ps) {
		free(steps);
		free(r);
		return AKSES_E_NOMEM;
	}
	struct prn_report rep = {0};
	struct prn_signer ack[3] = {
		{wf_role_title(ROLE_KOORDINATOR), "", 0},
		{wf_role_title(ROLE_KABID), "", 0},
		{wf_role_title(ROLE_KADIS), "", 0},
	};
	header_of(g->cfg, &rep.hdr);
	char head[STORE_ANCHOR_BUF]; /* the audit anchor in the footer */
	if (store_audit_anchor(g->st, head) == AKSES_OK)
		rep.hdr.audit_head = head;
	mark_reprint(g, &rep.hdr);
	rep.writer = (struct prn_signer){wf_role_title(ROLE_HELPDESK), "", 0};
	for (int i = 0; i < n; i++) {
		const struct akses_step_rec *s = &steps[i];
		ps[i] = (struct prn_step){s->step,       wf_action_label((wf_action)s->action),
		                          wf_role_title(s->role), s->actor_name, s->at,
		                          s->duration_s, s->standard_s, s->note};
		if (s->step == 9)
			rep.writer = (struct prn_signer){wf_role_title(s->role), s->actor_name, s->at};
		if (s->step >= 10 && s->step <= 12)
			ack[s->step - 10] = (struct prn_signer){wf_role_title(s->role), s->actor_name,
			                                        s->at};
		if (s->step == 7)
			rep.last_out = s->at;
	}
	/* The first entry of the visit, not of a calendar day: an entry at 23:52 in the grace
	 * before a 00:00 window is the visit's first. */
	int64_t first_in = 0;
	if (store_first_entry(g->st, r->number, &first_in) == AKSES_OK)
		rep.first_in = first_in;
	/* The berita acara speaks of the day the report was written (step 9), else of the visit:
	 * never of the day it happens to be printed. */
	rep.hdr.event_at = rep.writer.at ? rep.writer.at : (rep.last_out ? rep.last_out : r->start_at);
	char docno[48];
	snprintf(docno, sizeof(docno), "BA/%s", r->number);
	rep.doc_number = docno;
	rep.number = r->number;
	rep.name = r->name;
	rep.institution = r->institution;
	rep.purpose = r->purpose;
	rep.escort = r->escort_name;
	rep.state = wf_state_label(r->state);
	rep.start_at = r->start_at;
	rep.end_at = r->end_at;
	rep.n_people = 1 + r->n_companions;
	const char *people[1 + AKSES_MAX_COMPANIONS];
	people[0] = r->name;
	for (int i = 0; i < r->n_companions; i++)
		people[1 + i] = r->companions[i].name;
	rep.people = people;
	rep.text = r->report;
	rep.n_steps = n;
	rep.steps = ps;
	rep.escort_signer = (struct prn_signer){wf_role_title(ROLE_TIM_TEKNIS), r->escort_name, 0};
	rep.n_ack = 3;
	rep.ack = ack;
	snprintf(g->title, sizeof(g->title), "akses-report-%s", r->number);
	rc = prn_render_report(&rep, &g->pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
	free(ps);
	free(steps);
	free(r);
	return rc;
}

/* Compliance rows as printer rows; *out is the caller's to free. */
akses_status paper_comp_to_prn(store *st, const char *from, const char *to,
                               struct prn_comp_row **out, int *n)
{
	struct akses_compliance_row *rows = NULL;
	akses_status rc = store_compliance(st, from, to, &rows, n);
	if (rc != AKSES_OK)
		return rc;
	*out = calloc((size_t)*n + 1, sizeof(**out));
	if (!*out) {
		free(rows);
		return AKSES_E_NOMEM;
	}
	for (int i = 0; i < *n; i++)
		(*out)[i] = (struct prn_comp_row){rows[i].step,      wf_role_title(rows[i].role),
		                                  step_label(rows[i].step, rows[i].role), rows[i].count,
		                                  rows[i].median_s,  rows[i].p90_s,
		                                  rows[i].standard_s, rows[i].within_share};
	free(rows);
	return AKSES_OK;
}

static akses_status do_compliance(struct gather *g)
{
	struct prn_comp_row *rows = NULL;
	int n = 0;
	akses_status rc = paper_comp_to_prn(g->st, g->job->from, g->job->to, &rows, &n);
	if (rc != AKSES_OK)
		return rc;
	struct prn_compliance c = {.from = g->job->from, .to = g->job->to, .n = n, .rows = rows};
	/* the steps one person may have taken in another's role, after a PIN reset */
	struct akses_reset_flag *fl = NULL;
	int nf = 0;
	rc = store_compliance_resets(g->st, g->job->from, g->job->to, g->cfg->reset_window_min, &fl,
	                             &nf);
	char (*lines)[200] = nf > 0 ? calloc((size_t)nf, sizeof *lines) : NULL;
	const char **lp = nf > 0 ? calloc((size_t)nf, sizeof *lp) : NULL;
	if (rc == AKSES_OK && nf > 0 && (!lines || !lp))
		rc = AKSES_E_NOMEM;
	for (int i = 0; rc == AKSES_OK && i < nf; i++) {
		char at[32], set[32];
		clock_format(fl[i].step_at, at, sizeof at);
		clock_format(fl[i].reset_at, set, sizeof set);
		snprintf(lines[i], sizeof lines[i],
		         P_("%s step %d by staff %lld at %s, %lld min after staff %lld set their PIN "
		            "(%s)"),
		         fl[i].number, fl[i].step, (long long)fl[i].actor_id, at,
		         (long long)((fl[i].step_at - fl[i].reset_at) / 60), (long long)fl[i].reset_by,
		         set);
		lp[i] = lines[i];
	}
	c.n_flags = rc == AKSES_OK ? nf : 0;
	c.flags = lp;
	header_of(g->cfg, &c.hdr);
	snprintf(g->title, sizeof(g->title), "akses-compliance-%s-%s", g->job->from, g->job->to);
	if (rc == AKSES_OK)
		rc = prn_render_compliance(&c, &g->pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
	free(lines);
	free(lp);
	free(fl);
	free(rows);
	return rc;
}

static akses_status do_inside(struct gather *g)
{
	struct akses_visit *v = NULL;
	int n = 0;
	akses_status rc = store_inside(g->st, &v, &n);
	if (rc != AKSES_OK)
		return rc;
	struct prn_inside_row *rows = calloc((size_t)n * 2 + 1, sizeof(*rows));
	if (!rows) {
		free(v);
		return AKSES_E_NOMEM;
	}
	int m = 0;
	for (int i = 0; i < n; i++)
		rows[m++] = (struct prn_inside_row){v[i].number, v[i].name,  v[i].institution,
		                                    v[i].escort, v[i].in_at, v[i].end_at,
		                                    v[i].overstay};
	/* Everyone in the room is counted at the muster point: each escort (inside with their
	 * visitors from the first one's entry) once, under their visitors' request number. */
	for (int i = 0; i < n; i++) {
		bool seen = !v[i].escort[0];
		for (int k = 0; k < i && !seen; k++)
			seen = strcmp(v[k].escort, v[i].escort) == 0;
		if (seen)
			continue;
		struct prn_inside_row e = {v[i].number, v[i].escort, wf_role_title(ROLE_TIM_TEKNIS),
		                           "-", v[i].in_at, v[i].end_at, false};
		for (int k = i + 1; k < n; k++)
			if (strcmp(v[k].escort, v[i].escort) == 0 && v[k].in_at < e.in_at)
				e.in_at = v[k].in_at;
		rows[m++] = e;
	}
	struct prn_inside in = {.n = m, .rows = rows};
	header_of(g->cfg, &in.hdr);
	snprintf(g->title, sizeof(g->title), "akses-inside");
	rc = prn_render_inside(&in, &g->pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
	free(rows);
	free(v);
	return rc;
}

static akses_status do_letter(struct gather *g)
{
	struct akses_request *r = malloc(sizeof(*r));
	if (!r)
		return AKSES_E_NOMEM;
	akses_status rc = store_request_get(g->st, g->job->number, r);
	if (rc == AKSES_OK) {
		visitor_lang(g->job->actor_id, r->lang);
		char nik[32], phone[32], cnik[AKSES_MAX_COMPANIONS][32];
		const char *cn[AKSES_MAX_COMPANIONS], *ck[AKSES_MAX_COMPANIONS],
			*cl[AKSES_MAX_COMPANIONS],
			*eq[AKSES_MAX_EQUIPMENT];
		/* The paper file gets masked NIK and phone: enough to check, not to copy. */
		valid_id_mask(r->id_type, r->nik, false, nik, sizeof(nik));
		mask(r->phone, 5, 4, phone, sizeof(phone));
		for (int i = 0; i < r->n_companions; i++) {
			valid_id_mask(r->companions[i].id_type, r->companions[i].nik, false, cnik[i],
			              sizeof(cnik[i]));
			cn[i] = r->companions[i].name;
			ck[i] = cnik[i];
			cl[i] = akses_id_type_label(r->companions[i].id_type);
		}
		for (int i = 0; i < r->n_equipment; i++)
			eq[i] = r->equipment[i];
		struct prn_letter l = {.number = r->number, .name = r->name, .nik_masked = nik,
		                       .institution = r->institution, .phone_masked = phone,
		                       .email = r->email,
		                       .purpose_category = wf_purpose_label(r->purpose_category),
		                       .purpose = r->purpose, .created_at = r->created_at,
		                       .start_at = r->start_at, .end_at = r->end_at,
		                       .n_companions = r->n_companions, .companions = cn,
		                       .companion_niks = ck, .companion_id_labels = cl,
		                       .id_label = akses_id_type_label(r->id_type),
		                       .n_equipment = r->n_equipment,
		                       .equipment = eq};
		header_of(g->cfg, &l.hdr);
		mark_reprint(g, &l.hdr);
		snprintf(g->title, sizeof(g->title), "akses-letter-%s", r->number);
		rc = prn_render_letter(&l, &g->pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
	}
	free(r);
	return rc;
}

static akses_status do_disposition(struct gather *g)
{
	struct akses_request *r = malloc(sizeof(*r));
	struct akses_step_rec *steps = NULL;
	int n = 0;
	if (!r)
		return AKSES_E_NOMEM;
	akses_status rc = store_request_get(g->st, g->job->number, r);
	if (rc == AKSES_OK)
		rc = store_timeline(g->st, g->job->number, &steps, &n);
	if (rc != AKSES_OK) {
		free(r);
		return rc;
	}
	/* The four hand-offs a disposition sheet carries: steps 2, 3, 4 and 5. */
	static const struct {
		int step;
		akses_role from, to;
	} hop[4] = {{2, ROLE_KADIS, ROLE_KABID},
	            {3, ROLE_KABID, ROLE_KOORDINATOR},
	            {4, ROLE_KOORDINATOR, ROLE_KABID},
	            {5, ROLE_KABID, ROLE_KOORDINATOR}};
	struct prn_disposition_row rows[4];
	char instr[4][AKSES_BUF(AKSES_NOTE_CHARS) + 128];
	const char *kadis = "";
	akses_urgency urgency = URGENCY_NONE;
	for (int h = 0; h < 4; h++) {
		rows[h] = (struct prn_disposition_row){wf_role_title(hop[h].from),
		                                       wf_role_title(hop[h].to), "", "", 0};
		for (int i = 0; i < n; i++) {
			if (steps[i].step != hop[h].step)
				continue;
			/* the Kadis's or Kabid's instruction is the isi disposisi; the action's
			 * name stands in for it when none was given */
			if (steps[i].instruction[0])
				snprintf(instr[h], sizeof(instr[h]), "%s", steps[i].instruction);
			else if (steps[i].note[0])
				snprintf(instr[h], sizeof(instr[h]), "%s: %s",
				         wf_action_label((wf_action)steps[i].action), steps[i].note);
			else
				snprintf(instr[h], sizeof(instr[h]), "%s",
				         wf_action_label((wf_action)steps[i].action));
			rows[h].instruction = instr[h];
			rows[h].by = steps[i].actor_name;
			rows[h].at = steps[i].at;
			if (steps[i].step == 2)
				kadis = steps[i].actor_name;
			/* the sheet has one "Sifat": the latest urgency a head gave */
			if (steps[i].urgency != URGENCY_NONE)
				urgency = steps[i].urgency;
		}
	}
	char sender[AKSES_BUF(AKSES_NAME_CHARS) + AKSES_BUF(AKSES_INSTITUTION_CHARS) + 8];
	char subject[AKSES_BUF(AKSES_PURPOSE_CHARS) + 128];
	snprintf(sender, sizeof(sender), "%s (%s)", r->name, r->institution);
	snprintf(subject, sizeof(subject), P_("Server room access request — %s: %s"),
	         wf_purpose_label(r->purpose_category), r->purpose);
	struct prn_disposition d = {.sender = sender, .letter_number = r->number,
	                            .agenda_number = r->number, .subject = subject,
	                            .letter_date = r->created_at, .received_at = r->created_at,
	                            .urgency = urgency != URGENCY_NONE ? wf_urgency_code(urgency)
	                                                               : NULL,
	                            .n_rows = 4, .rows = rows,
	                            .notes = r->reason,
	                            .official_role = wf_role_title(ROLE_KADIS),
	                            .official_name = kadis, .official_nip = NULL};
	header_of(g->cfg, &d.hdr);
	mark_reprint(g, &d.hdr);
	snprintf(g->title, sizeof(g->title), "akses-disposition-%s", r->number);
	rc = prn_render_disposition(&d, &g->pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
	free(steps);
	free(r);
	return rc;
}

/* ---- the kinds of document ---------------------------------------------------------------- */

/* Every document in one place: the code stored with its print jobs (and aksesctl's sub-command),
 * how its data is gathered, whether it is one request's paper, whether it goes to the badge
 * printer (else the report printer), and what staff read for it. */
struct paper_kind {
	const char *code;
	akses_status (*gather)(struct gather *g);
	bool per_request;
	bool badge_queue;
	const char *label;
};

static const struct paper_kind kinds[] = {
	[PAPER_BADGE] = {"badge", do_badge, true, true, N_("Visitor pass")},
	[PAPER_RECEIPT] = {"receipt", do_receipt, true, true, N_("Receipt")},
	[PAPER_LOG] = {"log", do_log, false, false, N_("Daily access log")},
	[PAPER_REPORT] = {"report", do_report, true, false, N_("Access report")},
	[PAPER_COMPLIANCE] = {"compliance", do_compliance, false, false, N_("SOP compliance")},
	[PAPER_INSIDE] = {"inside", do_inside, false, false, N_("Who is inside")},
	[PAPER_LETTER] = {"letter", do_letter, true, false, N_("Request letter")},
	[PAPER_DISPOSITION] = {"disposition", do_disposition, true, false, N_("Disposition sheet")},
};
#define PAPER_KINDS ((int)(sizeof kinds / sizeof kinds[0]))

static bool paper_doc_valid(paper_doc doc)
{
	return (int)doc >= PAPER_BADGE && (int)doc < PAPER_KINDS;
}

const char *paper_doc_code(paper_doc doc)
{
	return paper_doc_valid(doc) ? kinds[doc].code : "";
}

bool paper_doc_per_request(paper_doc doc)
{
	return paper_doc_valid(doc) && kinds[doc].per_request;
}

int paper_doc_parse(const char *code, paper_doc *out)
{
	for (int k = PAPER_BADGE; code && k < PAPER_KINDS; k++)
		if (strcmp(code, kinds[k].code) == 0) {
			*out = (paper_doc)k;
			return 0;
		}
	return -1;
}

const char *paper_kind_label(const char *code)
{
	i18n_bind(PAPER_DOMAIN);
	paper_doc doc;
	if (paper_doc_parse(code, &doc) == 0)
		return P_(kinds[doc].label);
	if (code && strcmp(code, PAPER_KIND_STAFFCARD) == 0)
		return P_("Staff card");
	return code ? code : "";
}

/* ---- the whole job ------------------------------------------------------------------------ */

akses_status paper_print(store *st, const struct akses_config *cfg, const struct paper_job *job,
                         struct paper_result *res)
{
	struct gather g = {st, cfg, job, res, 0, false, {0}, ""};

	if (!st || !cfg || !job || !res || !paper_doc_valid(job->doc))
		return AKSES_E_INVALID_ARG;
	memset(res, 0, sizeof(*res));
	i18n_bind(PAPER_DOMAIN);
	i18n_bind(PRN_DOMAIN); /* the paper in this session's language */
	const struct paper_kind *k = &kinds[job->doc];
	if ((k->per_request && (!job->number || !*job->number)) ||
	    (job->doc == PAPER_LOG && (!job->day || !*job->day)) ||
	    (job->doc == PAPER_COMPLIANCE && (!job->from || !job->to)))
		return res->status = AKSES_E_INVALID_ARG;

	akses_status rc = k->gather(&g);
	lang_thread_set(NULL); /* what follows (messages, the job's record) is for the session */
	if (rc == AKSES_E_PRINT) {
		prn_pdf_free(&g.pdf);
		return paper_fail(res, PRN_E_RENDER, JOB_FAILED);
	}
	if (rc != AKSES_OK) {
		prn_pdf_free(&g.pdf);
		res->status = rc;
		snprintf(res->message, sizeof(res->message), "%s", akses_status_message(rc));
		return rc;
	}

	/* The queue: asked for, else the config's for this kind of paper, else CUPS decides. */
	const char *queue = k->badge_queue ? cfg->badge_queue : cfg->report_queue;
	return paper_deliver(st, cfg, job, queue, k->code, k->per_request ? job->number : NULL,
	                     g.pass_id, g.reprint, g.title, &g.pdf, res);
}
