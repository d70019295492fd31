/* paper_deliver.c - the second half of every print: the rendered PDF to a file or a CUPS queue,
 * recorded in the store as a print job from its start to its end (paper_deliver, paper_fail). */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "paper_int.h"

/* The evacuation list must print in an emergency even when the disk cannot take its print record
 * (full, read-only): it issues nothing, so it may go unrecorded, and says so (res->unrecorded). */
static bool paper_may_go_unrecorded(const char *kind, akses_status rc)
{
	return strcmp(kind, paper_doc_code(PAPER_INSIDE)) == 0 && akses_status_is_storage_refusal(rc);
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

akses_status paper_fail(struct paper_result *res, prn_status pst, print_job_state js)
{
	res->status = AKSES_E_PRINT;
	res->printer_error = pst;
	res->state = js;
	paper_msg_say(res, prn_status_code(pst), res->queue);
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
			paper_record_end(st, rec, 0, JOB_FAILED, res->message_code);
			return AKSES_E_PRINT;
		}
		res->status = AKSES_OK;
		res->state = JOB_COMPLETED;
		paper_msg_say(res, "saved-to", job->pdf_path);
		rc = paper_record_end(st, rec, 0, JOB_COMPLETED, res->message_code);
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
		paper_record_end(st, rec, 0, JOB_FAILED, res->message_code);
		return AKSES_E_PRINT;
	}
	/* CUPS has it: record its job id at once (a badge's new token takes effect now), so that a
	 * process killed while waiting leaves a job that reconciling can look up in CUPS. */
	paper_msg_say(res, "sent-to", res->queue);
	rc = paper_record_end(st, rec, cups_id, JOB_ACCEPTED, res->message_code);
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
		paper_record_end(st, rec, cups_id, end, res->message_code);
		return AKSES_E_PRINT;
	}
	res->status = AKSES_OK;
	res->state = JOB_COMPLETED;
	paper_msg_say(res, "printed-on", res->queue);
	rc = paper_record_end(st, rec, cups_id, JOB_COMPLETED, res->message_code);
	return rc == AKSES_OK ? AKSES_OK : (res->status = rc);
}
