/* paper_staffcard.c - paper_print_staffcard: issue a staff member's new code, render their card
 * with printer/, submit it to the badge printer (or write the PDF), and record the job. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "paper_int.h"
#include "wf.h"

#define P_(s) dgettext(PAPER_DOMAIN, s)

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
	i18n_bind(PRN_DOMAIN);
	struct prn_pdf pdf = {0};
	akses_status rc = card_render(st, cfg, staff_id, job->actor_id, res, &pdf);
	if (rc == AKSES_E_PRINT)
		return paper_fail(res, PRN_E_RENDER, JOB_FAILED);
	if (rc != AKSES_OK) {
		memset(res->token, 0, sizeof res->token);
		res->status = rc;
		snprintf(res->message, sizeof res->message, "%s", akses_status_message(rc));
		return rc;
	}
	char title[64];
	snprintf(title, sizeof title, "akses-staffcard-%lld", (long long)staff_id);
	return paper_deliver(st, cfg, job, cfg->badge_queue, PAPER_KIND_STAFFCARD, NULL, 0, false, title, &pdf,
	                     res);
}
