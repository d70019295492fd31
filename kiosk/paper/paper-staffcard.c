/* paper-staffcard.c - paper_print_staffcard: issue a staff member's new code, render their card
 * with printer/, submit it to the badge printer (or write the PDF), and record the job. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "paper_int.h"
#include "wf.h"

#define P_(s) dgettext(PAPER_DOMAIN, s)

/* message = tmpl with each "%s" replaced by arg (no printf with a translated format). */
static void card_msg(char *out, size_t n, const char *tmpl, const char *arg)
{
	size_t o = 0;
	for (const char *p = tmpl; *p && o + 1 < n; p++) {
		if (p[0] == '%' && p[1] == 's') {
			for (const char *a = arg ? arg : ""; *a && o + 1 < n; a++)
				out[o++] = *a;
			p++;
		} else {
			out[o++] = *p;
		}
	}
	out[o] = '\0';
}

/* Fill res for a printer failure; returns AKSES_E_PRINT. */
static akses_status card_fail(struct paper_result *res, prn_status pst, print_job_state js)
{
	res->status = AKSES_E_PRINT;
	res->printer_error = pst;
	res->state = js;
	card_msg(res->message, sizeof res->message, paper_prn_message(pst), res->queue);
	return AKSES_E_PRINT;
}

/* The job's end state for a printer status. */
static print_job_state card_end_state(prn_status pst)
{
	switch (pst) {
	case PRN_OK:
		return JOB_COMPLETED;
	case PRN_E_JOB_ABORTED:
		return JOB_ABORTED;
	case PRN_E_JOB_CANCELED:
		return JOB_CANCELED;
	case PRN_E_JOB_STOPPED:
	case PRN_E_STOPPED:
		return JOB_STOPPED;
	default:
		return JOB_FAILED;
	}
}

/* Issue the code and render the card into pdf. */
static akses_status card_render(store *st, const struct akses_config *cfg, int64_t staff_id,
                                int64_t actor_id, struct paper_result *res, struct prn_pdf *pdf)
{
	struct akses_staff who;
	akses_status rc = store_staff_get(st, staff_id, &who);
	if (rc != AKSES_OK)
		return rc;
	if ((rc = store_staff_code_issue(st, actor_id, staff_id, res->token)) != AKSES_OK)
		return rc;
	struct prn_staffcard c = {.agency = cfg->agency,
	                          .name = who.name,
	                          .role = wf_role_title(who.role),
	                          .code = res->token};
	/* the badge printer's label; a staff card is designed for CR80 and fits the others */
	if (cfg->label == LABEL_A6) {
		c.w_mm = PRN_A6_W;
		c.h_mm = PRN_A6_H;
	} else if (cfg->label == LABEL_CR80) {
		c.w_mm = PRN_CR80_W;
		c.h_mm = PRN_CR80_H;
	} else {
		c.w_mm = PRN_LABEL_W;
		c.h_mm = PRN_LABEL_H;
	}
	return prn_render_staffcard(&c, pdf) == PRN_OK ? AKSES_OK : AKSES_E_PRINT;
}

akses_status paper_print_staffcard(store *st, const struct akses_config *cfg, int64_t staff_id,
                                   const struct paper_job *job, struct paper_result *res)
{
	if (!st || !cfg || !job || !res)
		return AKSES_E_INVALID_ARG;
	memset(res, 0, sizeof *res);
	i18n_bind(PAPER_DOMAIN);
	struct prn_pdf pdf = {0};
	akses_status rc = card_render(st, cfg, staff_id, job->actor_id, res, &pdf);
	if (rc == AKSES_E_PRINT)
		return card_fail(res, PRN_E_RENDER, JOB_FAILED);
	if (rc != AKSES_OK) {
		memset(res->token, 0, sizeof res->token);
		res->status = rc;
		snprintf(res->message, sizeof res->message, "%s", akses_status_message(rc));
		return rc;
	}
	if (job->pdf_path) {
		prn_status pst = prn_pdf_save(&pdf, job->pdf_path);
		prn_pdf_free(&pdf);
		if (pst != PRN_OK)
			return card_fail(res, pst, JOB_NONE);
		res->status = AKSES_OK;
		card_msg(res->message, sizeof res->message, P_("Saved to %s."), job->pdf_path);
		return AKSES_OK;
	}

	const char *queue = job->queue && *job->queue ? job->queue : cfg->badge_queue;
	if (queue && !*queue)
		queue = NULL;
	struct prn_queue q;
	prn_status pst = prn_cups_queue(queue, &q);
	snprintf(res->queue, sizeof res->queue, "%s", q.name[0] ? q.name : (queue ? queue : ""));
	int64_t rec = 0;
	rc = store_print_begin(st, "staffcard", NULL, 0, job->actor_id, false, res->queue, &rec);
	if (rc != AKSES_OK) {
		prn_pdf_free(&pdf);
		res->status = rc;
		snprintf(res->message, sizeof res->message, "%s", akses_status_message(rc));
		return rc;
	}
	char title[64];
	snprintf(title, sizeof title, "akses-staffcard-%lld", (long long)staff_id);
	int cups_id = 0;
	if (pst == PRN_OK)
		pst = prn_cups_submit(res->queue, title, &pdf, &q, &cups_id);
	prn_pdf_free(&pdf);
	res->cups_job_id = cups_id;
	if (pst != PRN_OK) {
		card_fail(res, pst, JOB_FAILED);
		store_print_update(st, rec, 0, JOB_FAILED, res->message);
		return AKSES_E_PRINT;
	}
	if (!job->wait) {
		res->status = AKSES_OK;
		res->state = JOB_ACCEPTED;
		card_msg(res->message, sizeof res->message, P_("Sent to printer %s."), res->queue);
		rc = store_print_update(st, rec, cups_id, JOB_ACCEPTED, res->message);
		return rc == AKSES_OK ? AKSES_OK : (res->status = rc);
	}
	prn_job_state js;
	pst = prn_cups_wait(res->queue, cups_id, cfg->print_timeout_s, &js);
	if (pst != PRN_OK) {
		print_job_state end = card_end_state(pst);
		/* given up on: cancel it so that a late card does not print unseen */
		if (pst == PRN_E_TIMEOUT || pst == PRN_E_STOPPED)
			prn_cups_cancel(cups_id);
		card_fail(res, pst, end);
		store_print_update(st, rec, cups_id, end, res->message);
		return AKSES_E_PRINT;
	}
	res->status = AKSES_OK;
	res->state = JOB_COMPLETED;
	card_msg(res->message, sizeof res->message, P_("Printed on %s."), res->queue);
	rc = store_print_update(st, rec, cups_id, JOB_COMPLETED, res->message);
	return rc == AKSES_OK ? AKSES_OK : (res->status = rc);
}
