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

#define P_(s) dgettext(PAPER_DOMAIN, s)

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

/* The label of the SOP step number (via its first wf action). */
static const char *step_label(int step)
{
	for (int a = WF_SUBMIT; a < WF_COUNT; a++) {
		const struct wf_transition *t = wf_get((wf_action)a);
		if (t && t->step == step)
			return wf_action_label((wf_action)a);
	}
	return "";
}

static const char *const kind_code[] = {
	[PAPER_BADGE] = "badge",   [PAPER_RECEIPT] = "receipt",   [PAPER_LOG] = "log",
	[PAPER_REPORT] = "report", [PAPER_COMPLIANCE] = "compliance", [PAPER_INSIDE] = "inside",
	[PAPER_LETTER] = "letter", [PAPER_DISPOSITION] = "disposition",
};

/* Mask all but the first keep_head and last keep_tail characters (ASCII: NIK, phone). */
static void mask(const char *s, int keep_head, int keep_tail, char *out, size_t n)
{
	size_t len = strlen(s), o = 0;
	for (size_t i = 0; i < len && o + 1 < n; i++)
		out[o++] = ((int)i < keep_head || i >= len - (size_t)keep_tail) ? s[i] : '*';
	out[o] = '\0';
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
static void mark_reprint(struct gather *g, const char *kind, struct prn_header *h)
{
	int n = 0;
	h->reprint = store_print_count(g->st, kind, g->job->number, &n) == AKSES_OK && n > 0;
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
static akses_status log_to_prn(const struct akses_day_log *log, const struct akses_config *cfg,
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
	rc = log_to_prn(&log, g->cfg, &pl, &pv, &pd);
	char head[STORE_ANCHOR_BUF]; /* the audit anchor in the footer (issue 8.5) */
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
	char head[STORE_ANCHOR_BUF]; /* the audit anchor in the footer (issue 8.5) */
	if (store_audit_anchor(g->st, head) == AKSES_OK)
		rep.hdr.audit_head = head;
	mark_reprint(g, "report", &rep.hdr);
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
static akses_status comp_to_prn(store *st, const char *from, const char *to,
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
		                                  step_label(rows[i].step), rows[i].count,
		                                  rows[i].median_s,  rows[i].p90_s,
		                                  rows[i].standard_s, rows[i].within_share};
	free(rows);
	return AKSES_OK;
}

static akses_status do_compliance(struct gather *g)
{
	struct prn_comp_row *rows = NULL;
	int n = 0;
	akses_status rc = comp_to_prn(g->st, g->job->from, g->job->to, &rows, &n);
	if (rc != AKSES_OK)
		return rc;
	struct prn_compliance c = {.from = g->job->from, .to = g->job->to, .n = n, .rows = rows};
	/* the steps one person may have taken in another's role, after a PIN reset (issue 8.6) */
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
		         "%s langkah %d oleh staf %lld pada %s, %lld menit setelah staf %lld mengatur "
		         "PIN-nya (%s)",
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
	struct prn_inside_row *rows = calloc((size_t)n + 1, sizeof(*rows));
	if (!rows) {
		free(v);
		return AKSES_E_NOMEM;
	}
	for (int i = 0; i < n; i++)
		rows[i] = (struct prn_inside_row){v[i].number, v[i].name,  v[i].institution,
		                                  v[i].escort, v[i].in_at, v[i].end_at,
		                                  v[i].overstay};
	struct prn_inside in = {.n = n, .rows = rows};
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
		mark_reprint(g, "letter", &l.hdr);
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
	for (int h = 0; h < 4; h++) {
		rows[h] = (struct prn_disposition_row){wf_role_title(hop[h].from),
		                                       wf_role_title(hop[h].to), "", "", 0};
		for (int i = 0; i < n; i++) {
			if (steps[i].step != hop[h].step)
				continue;
			if (steps[i].note[0])
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
		}
	}
	char sender[AKSES_BUF(AKSES_NAME_CHARS) + AKSES_BUF(AKSES_INSTITUTION_CHARS) + 8];
	char subject[AKSES_BUF(AKSES_PURPOSE_CHARS) + 128];
	snprintf(sender, sizeof(sender), "%s (%s)", r->name, r->institution);
	snprintf(subject, sizeof(subject), "Permohonan akses ruang server — %s: %s",
	         wf_purpose_label(r->purpose_category), r->purpose);
	struct prn_disposition d = {.sender = sender, .letter_number = r->number,
	                            .agenda_number = r->number, .subject = subject,
	                            .letter_date = r->created_at, .received_at = r->created_at,
	                            .urgency = NULL, .n_rows = 4, .rows = rows,
	                            .notes = r->reason,
	                            .official_role = wf_role_title(ROLE_KADIS),
	                            .official_name = kadis, .official_nip = NULL};
	header_of(g->cfg, &d.hdr);
	mark_reprint(g, "disposition", &d.hdr);
	snprintf(g->title, sizeof(g->title), "akses-disposition-%s", r->number);
	rc = prn_render_disposition(&d, &g->pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
	free(steps);
	free(r);
	return rc;
}

/* The evacuation list must print in an emergency even when the disk cannot take its print record
 * (full, read-only): it issues nothing, so it may go unrecorded, and says so (res->unrecorded). */
static bool paper_may_go_unrecorded(const char *kind, akses_status rc)
{
	return strcmp(kind, "inside") == 0 && akses_status_is_storage_refusal(rc);
}

/* Record a job about to go to queue (or, to_file, to a file) into *rec. On a refusal the PDF is
 * freed, res says why, and the status is returned; the evacuation list goes on unrecorded (*rec
 * 0, res->unrecorded) when only the disk refused. */
static akses_status paper_record_begin(store *st, const struct paper_job *job, const char *kind,
                                       const char *number, int64_t pass_id, bool reprint,
                                       const char *queue, bool to_file, struct prn_pdf *pdf,
                                       int64_t *rec, struct paper_result *res)
{
	*rec = 0;
	akses_status rc = store_print_begin_dest(st, kind, number, pass_id, job->actor_id, reprint,
	                                         queue, to_file, rec);
	if (paper_may_go_unrecorded(kind, rc)) {
		res->unrecorded = true;
		*rec = 0;
		return AKSES_OK;
	}
	if (rc != AKSES_OK) {
		prn_pdf_free(pdf);
		res->status = rc;
		snprintf(res->message, sizeof(res->message), "%s", akses_status_message(rc));
	}
	return rc;
}

/* store_print_update for a recorded job; nothing to do for one that went unrecorded (rec 0). */
static akses_status paper_record_end(store *st, int64_t rec, int cups_id, print_job_state state,
                                     const char *message)
{
	return rec > 0 ? store_print_update(st, rec, cups_id, state, message) : AKSES_OK;
}

/* ---- the whole job ------------------------------------------------------------------------ */

akses_status paper_print(store *st, const struct akses_config *cfg, const struct paper_job *job,
                         struct paper_result *res)
{
	struct gather g = {st, cfg, job, res, 0, false, {0}, ""};
	akses_status rc;

	if (!st || !cfg || !job || !res || job->doc < PAPER_BADGE || job->doc > PAPER_DISPOSITION)
		return AKSES_E_INVALID_ARG;
	memset(res, 0, sizeof(*res));
	i18n_bind(PAPER_DOMAIN);
	bool per_request = job->doc == PAPER_BADGE || job->doc == PAPER_RECEIPT ||
	                   job->doc == PAPER_REPORT || job->doc == PAPER_LETTER ||
	                   job->doc == PAPER_DISPOSITION;
	if ((per_request && (!job->number || !*job->number)) ||
	    (job->doc == PAPER_LOG && (!job->day || !*job->day)) ||
	    (job->doc == PAPER_COMPLIANCE && (!job->from || !job->to)))
		return res->status = AKSES_E_INVALID_ARG;

	switch (job->doc) {
	case PAPER_BADGE: rc = do_badge(&g); break;
	case PAPER_RECEIPT: rc = do_receipt(&g); break;
	case PAPER_LOG: rc = do_log(&g); break;
	case PAPER_REPORT: rc = do_report(&g); break;
	case PAPER_COMPLIANCE: rc = do_compliance(&g); break;
	case PAPER_INSIDE: rc = do_inside(&g); break;
	case PAPER_LETTER: rc = do_letter(&g); break;
	default: rc = do_disposition(&g); break;
	}
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
	const char *queue = (job->doc == PAPER_BADGE || job->doc == PAPER_RECEIPT) ? cfg->badge_queue
	                                                                          : cfg->report_queue;
	return paper_deliver(st, cfg, job, queue, kind_code[job->doc],
	                     per_request ? job->number : NULL, g.pass_id, g.reprint, g.title, &g.pdf,
	                     res);
}

akses_status paper_fail(struct paper_result *res, prn_status pst, print_job_state js)
{
	res->status = AKSES_E_PRINT;
	res->printer_error = pst;
	res->state = js;
	paper_msg_fill(res->message, sizeof(res->message), paper_prn_message(pst), res->queue);
	return AKSES_E_PRINT;
}

static print_job_state job_end_state(prn_status pst)
{
	switch (pst) {
	case PRN_OK: return JOB_COMPLETED;
	case PRN_E_JOB_ABORTED: return JOB_ABORTED;
	case PRN_E_JOB_CANCELED: return JOB_CANCELED;
	case PRN_E_JOB_STOPPED:
	case PRN_E_STOPPED: return JOB_STOPPED;
	default: return JOB_FAILED;
	}
}

akses_status paper_deliver(store *st, const struct akses_config *cfg, const struct paper_job *job,
                           const char *queue, const char *kind, const char *number,
                           int64_t pass_id, bool reprint, const char *title, struct prn_pdf *pdf,
                           struct paper_result *res)
{
	akses_status rc;
	/* To a file: recorded like a print (destination "file"), since a badge written to a file
	 * opens the door as well as a printed one. */
	if (job->pdf_path) {
		int64_t rec;
		if ((rc = paper_record_begin(st, job, kind, number, pass_id, reprint, NULL, true, pdf,
		                             &rec, res)) != AKSES_OK)
			return rc;
		prn_status pst = job->pdf_file ? prn_pdf_write(pdf, job->pdf_file)
		                               : prn_pdf_save(pdf, job->pdf_path);
		prn_pdf_free(pdf);
		if (pst != PRN_OK) {
			paper_fail(res, pst, JOB_FAILED);
			paper_record_end(st, rec, 0, JOB_FAILED, res->message);
			return AKSES_E_PRINT;
		}
		res->status = AKSES_OK;
		res->state = JOB_COMPLETED;
		paper_msg_fill(res->message, sizeof(res->message), P_("Saved to %s."), job->pdf_path);
		rc = paper_record_end(st, rec, 0, JOB_COMPLETED, res->message);
		return rc == AKSES_OK ? AKSES_OK : (res->status = rc);
	}

	if (job->queue && *job->queue)
		queue = job->queue;
	if (queue && !*queue)
		queue = NULL;
	struct prn_queue q;
	prn_status pst = prn_cups_queue(queue, &q);
	snprintf(res->queue, sizeof(res->queue), "%s", q.name[0] ? q.name : (queue ? queue : ""));

	int64_t rec;
	if ((rc = paper_record_begin(st, job, kind, number, pass_id, reprint, res->queue, false, pdf,
	                             &rec, res)) != AKSES_OK)
		return rc;
	int cups_id = 0;
	if (pst == PRN_OK)
		pst = prn_cups_submit(res->queue, title, pdf, &q, &cups_id);
	prn_pdf_free(pdf);
	res->cups_job_id = cups_id;
	if (pst != PRN_OK) {
		paper_fail(res, pst, JOB_FAILED);
		paper_record_end(st, rec, 0, JOB_FAILED, res->message);
		return AKSES_E_PRINT;
	}
	/* CUPS has it: record its job id at once (a badge's new token takes effect now), so that a
	 * process killed while waiting leaves a job that reconciling can look up in CUPS. */
	paper_msg_fill(res->message, sizeof(res->message), P_("Sent to printer %s."), res->queue);
	rc = paper_record_end(st, rec, cups_id, JOB_ACCEPTED, res->message);
	if (!job->wait || rc != AKSES_OK) {
		res->status = rc;
		res->state = JOB_ACCEPTED;
		return rc;
	}
	prn_job_state js;
	pst = prn_cups_wait(res->queue, cups_id, cfg->print_timeout_s, &js);
	if (pst != PRN_OK) {
		print_job_state end = job_end_state(pst);
		/* Given up on: cancel it so a late print does not become a silent duplicate. */
		if (pst == PRN_E_TIMEOUT || pst == PRN_E_STOPPED)
			prn_cups_cancel(cups_id);
		paper_fail(res, pst, end);
		paper_record_end(st, rec, cups_id, end, res->message);
		return AKSES_E_PRINT;
	}
	res->status = AKSES_OK;
	res->state = JOB_COMPLETED;
	paper_msg_fill(res->message, sizeof(res->message), P_("Printed on %s."), res->queue);
	rc = paper_record_end(st, rec, cups_id, JOB_COMPLETED, res->message);
	return rc == AKSES_OK ? AKSES_OK : (res->status = rc);
}

/* ---- CSV ---------------------------------------------------------------------------------- */

/* The CSV's end: everything flushed into f (the caller closes it). */
static akses_status csv_done(FILE *f, prn_status pst)
{
	return (pst == PRN_OK && fflush(f) == 0 && !ferror(f)) ? AKSES_OK : AKSES_E_IO;
}

akses_status paper_export_log_csv(store *st, const char *day, FILE *f)
{
	struct akses_day_log log;
	struct prn_day_log pl;
	struct prn_log_visit *pv = NULL;
	struct prn_log_denied *pd = NULL;
	struct akses_config cfg;
	if (!st || !day || !f)
		return AKSES_E_INVALID_ARG;
	config_defaults(&cfg);
	akses_status rc = store_day_log(st, day, &log);
	if (rc != AKSES_OK)
		return rc;
	rc = log_to_prn(&log, &cfg, &pl, &pv, &pd);
	if (rc == AKSES_OK)
		rc = csv_done(f, prn_csv_day_log(&pl, f));
	free(pv);
	free(pd);
	store_day_log_free(&log);
	return rc;
}

akses_status paper_export_compliance_csv(store *st, const char *from, const char *to,
                                         FILE *f)
{
	struct prn_comp_row *rows = NULL;
	int n = 0;
	if (!st || !from || !to || !f)
		return AKSES_E_INVALID_ARG;
	akses_status rc = comp_to_prn(st, from, to, &rows, &n);
	if (rc != AKSES_OK)
		return rc;
	struct prn_compliance c = {.from = from, .to = to, .n = n, .rows = rows};
	rc = csv_done(f, prn_csv_compliance(&c, f));
	free(rows);
	return rc;
}
