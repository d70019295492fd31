/* paper_int.h - what the paper glue's files share: the message table for printer/ codes and the
 * conversions from core records to printer structs. Not for use outside kiosk/paper. */
#ifndef AKSES_PAPER_INT_H
#define AKSES_PAPER_INT_H

#include "paper.h"
#include "prn.h"

#define PAPER_DOMAIN "akses-paper"

/* The print-job kind of a staff card (not a paper_doc: printed by paper_print_staffcard). */
#define PAPER_KIND_STAFFCARD "staffcard"

/* The translated sentence for a printer code; may hold "%s" placeholders for the queue name (at
 * most two, both the queue). Never NULL. */
const char *paper_prn_message(prn_status st);

/* Copy tmpl into out, each "%s" replaced by arg (the translated sentences hold the queue name or
 * a path that way; no printf with a translated format). */
void paper_msg_fill(char *out, size_t n, const char *tmpl, const char *arg);

/* Set res's message: message_code "CODE ARG" (what the store keeps) and message, the sentence
 * for code in the current language with arg in it. code: one of paper_msg.c's own or a
 * prn_status_code; arg may be NULL. */
void paper_msg_say(struct paper_result *res, const char *code, const char *arg);

/* Fill res for a printer failure (its plain sentence, with the queue) and return AKSES_E_PRINT. */
akses_status paper_fail(struct paper_result *res, prn_status pst, print_job_state js);

/* The second half of every print: write the rendered pdf to job->pdf_path, or send it to
 * job->queue (else queue, else the CUPS default), recorded in the store as a print job of kind for
 * number / pass_id, waiting for its end when job->wait. Frees pdf. Fills res. */
akses_status paper_deliver(store *st, const struct akses_config *cfg, const struct paper_job *job,
                           const char *queue, const char *kind, const char *number,
                           int64_t pass_id, bool reprint, const char *title, struct prn_pdf *pdf,
                           struct paper_result *res);

/* The store's rows as printer structs, for the PDF and the CSV (paper.c). paper_log_to_prn: the
 * day log's visits and denials into *pv, *pd (the caller frees both, pointers into log);
 * paper_comp_to_prn: the compliance rows of [from, to] into *out (the caller frees it). */
akses_status paper_log_to_prn(const struct akses_day_log *log, const struct akses_config *cfg,
                              struct prn_day_log *out, struct prn_log_visit **pv,
                              struct prn_log_denied **pd);
akses_status paper_comp_to_prn(store *st, const char *from, const char *to,
                               struct prn_comp_row **out, int *n);

#endif
