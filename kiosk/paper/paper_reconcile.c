/* paper_reconcile.c - print jobs against what CUPS really did: jobs left "pending" by a print that
 * died mid-way become printable again, jobs CUPS finished are recorded so; and the purge of what
 * Akses left in CUPS's spool and in the cups-pdf folder (names and live QR codes) after N days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "paper_int.h"


/* A job recorded as begun this long ago without a CUPS job id never reached CUPS: the printing
 * process died between recording it and submitting it (the store waits as long before it lets
 * another print of the same pass start). */
#define PAPER_LOST_S 120

/* The store's job state for what CUPS says about a job; JOB_NONE: still under way there. */
static print_job_state from_cups(prn_job_state js)
{
	switch (js) {
	case PRN_JOB_COMPLETED: return JOB_COMPLETED;
	case PRN_JOB_ABORTED: return JOB_ABORTED;
	case PRN_JOB_CANCELED: return JOB_CANCELED;
	default: return JOB_NONE; /* pending, held, processing, stopped: it may still print */
	}
}

akses_status paper_reconcile(store *st, struct paper_reconcile *out)
{
	struct akses_print_job *jobs = NULL;
	int n = 0;
	if (!st)
		return AKSES_E_INVALID_ARG;
	i18n_bind(PAPER_DOMAIN);
	struct paper_reconcile sum = {0};
	akses_status rc = store_print_open(st, &jobs, &n);
	if (rc != AKSES_OK)
		return rc;
	int64_t now = clock_now();
	bool cups_down = false; /* asked once: not again for every job */
	for (int i = 0; i < n && rc == AKSES_OK; i++) {
		const struct akses_print_job *j = &jobs[i];
		print_job_state to = JOB_NONE;
		const char *why = "";
		sum.checked++;
		if (j->cups_job_id <= 0) {
			if (now - j->at < PAPER_LOST_S)
				continue; /* perhaps being submitted right now */
			to = JOB_FAILED;
			why = prn_status_code(PRN_E_NO_JOB);
		} else if (cups_down) {
			sum.still++;
			continue;
		} else {
			prn_job_state js;
			prn_status pst = prn_cups_job_state(j->cups_job_id, &js);
			if (pst == PRN_E_NO_SCHEDULER) {
				/* nothing can be known of this one now; the next run will */
				cups_down = true;
				sum.still++;
				continue;
			}
			if (pst == PRN_E_NO_JOB) {
				to = JOB_FAILED;
				why = prn_status_code(PRN_E_NO_JOB);
			} else if (pst == PRN_OK) {
				to = from_cups(js);
				why = to == JOB_COMPLETED ? "confirmed" : "ended-unprinted";
			}
		}
		if (to == JOB_NONE) {
			sum.still++;
			continue;
		}
		rc = store_print_update(st, j->id, j->cups_job_id, to, why);
		if (to == JOB_COMPLETED)
			sum.completed++;
		else
			sum.failed++;
	}
	free(jobs);
	if (out)
		*out = sum;
	return rc;
}

akses_status paper_purge_spool(store *st, int days, int64_t actor_id, const char *pdf_dir,
                               struct paper_purge *out)
{
	struct akses_print_job *jobs = NULL;
	int n = 0;
	if (!st || days < 0 || !out)
		return AKSES_E_INVALID_ARG;
	memset(out, 0, sizeof *out);
	if (pdf_dir && *pdf_dir)
		snprintf(out->dir, sizeof out->dir, "%s", pdf_dir);
	else if (prn_cups_pdf_dir(NULL, out->dir, sizeof out->dir) != PRN_OK)
		return AKSES_E_IO;
	akses_status rc = store_print_spooled(st, clock_now() - (int64_t)days * 86400, &jobs, &n);
	if (rc != AKSES_OK)
		return rc;
	for (int i = 0; i < n && rc == AKSES_OK; i++) {
		int removed = 0;
		/* CUPS first: a job it still holds keeps its document file in the spool */
		prn_status pst = prn_cups_purge(jobs[i].cups_job_id);
		if (pst == PRN_E_NO_SCHEDULER) {
			rc = AKSES_E_PRINT;
			break;
		}
		if (prn_cups_pdf_remove(out->dir, "akses-", jobs[i].cups_job_id, &removed) != PRN_OK) {
			rc = AKSES_E_IO;
			break;
		}
		out->files += removed;
		out->jobs++;
		rc = store_print_purged(st, jobs[i].id, actor_id);
	}
	free(jobs);
	return rc;
}
