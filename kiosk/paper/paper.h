/* paper.h - from the store to paper: gathers a document's data from the core, hands plain structs
 * to printer/ for rendering, submits to CUPS, and records the job in the store. Used by aksesctl
 * and the kiosk (the kiosk calls it from its print worker thread, with the worker's own store). */
#ifndef AKSES_PAPER_H
#define AKSES_PAPER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "config.h"
#include "model.h"
#include "status.h"
#include "store.h"

typedef enum paper_doc {
	PAPER_BADGE = 1,   /* one visitor pass (needs number + person) */
	PAPER_RECEIPT,     /* submission receipt (number; receipt_token, or staff to reissue one) */
	PAPER_LOG,         /* daily access log (day) */
	PAPER_REPORT,      /* access report / berita acara (number) */
	PAPER_COMPLIANCE,  /* SOP compliance (from, to) */
	PAPER_INSIDE,      /* who is inside now */
	PAPER_LETTER,      /* request letter (number) */
	PAPER_DISPOSITION, /* lembar disposisi (number) */
} paper_doc;

struct paper_job {
	paper_doc doc;
	const char *number;        /* request number, for per-request documents */
	int person;                /* badge: 0 applicant, 1.. companion */
	const char *day;           /* log: YYYY-MM-DD */
	const char *from, *to;     /* compliance */
	int64_t actor_id;          /* 0 = the visitor at the kiosk (first badge print, own receipt) */
	const char *reason;        /* badge reprint reason */
	const char *receipt_token; /* receipt: the token from store_submit, if just submitted;
	                            * badge with actor_id 0: the visitor's receipt token (proof) */
	const char *queue;         /* NULL: the config's queue for the document, else CUPS default */
	const char *pdf_path;      /* non-NULL: write the PDF there and do not print */
	FILE *pdf_file;            /* with pdf_path: the file, already created by the caller (aksesctl
	                            * creates it 0600, O_EXCL|O_NOFOLLOW); NULL: prn_pdf_save */
	bool wait;                 /* wait for the job's end state (config print_timeout_s) */
};

struct paper_result {
	akses_status status;       /* AKSES_OK, a store error, or AKSES_E_PRINT */
	int cups_job_id;
	print_job_state state;     /* JOB_ACCEPTED (no wait), JOB_COMPLETED, or how it failed */
	int printer_error;         /* printer/'s own code when status is AKSES_E_PRINT */
	char message[256];         /* plain words for staff: "Antrean PDF dihentikan (stopped) ..." */
	char message_code[192];    /* the same as stored with the job: "queue-stopped PDF" */
	char queue[128];           /* the queue it went to */
	char token[AKSES_TOKEN_BUF]; /* badge: the token printed in the QR */
	bool unrecorded;           /* the evacuation list printed although the disk (full, read-only)
	                              could not take its print record */
};

/* The kinds of document (one table in paper.c): the code a print job is stored with and aksesctl
 * names it by ("badge", "log", ...; "" for no kind), whether it is one request's paper, the kind
 * of a code (0, or -1 for none), and the translated name staff read for a stored kind (the code
 * itself when unknown). */
const char *paper_doc_code(paper_doc doc);
bool paper_doc_per_request(paper_doc doc);
int paper_doc_parse(const char *code, paper_doc *out);
const char *paper_kind_label(const char *code);

/* Do the whole job. On a badge print failure the pass stays printable (PRINT_FAILED). */
akses_status paper_print(store *st, const struct akses_config *cfg, const struct paper_job *job,
                         struct paper_result *res);

/* A staff member's own card (paper_staffcard.c): a fresh staff code for staff_id, issued as
 * job->actor_id (ADMIN, or oneself: store_staff_code_issue; the previous code stops working),
 * printed with name and role on the badge printer's label (or to job->pdf_path). Of job, only
 * actor_id, queue, pdf_path and wait are used. res->token holds the new code. The code is issued
 * before printing: if the print then fails, run it again (a new code, a new card). */
akses_status paper_print_staffcard(store *st, const struct akses_config *cfg, int64_t staff_id,
                                   const struct paper_job *job, struct paper_result *res);

/* A stored job's message in the current language (paper_msg.c): stored as a code and its
 * argument, it reads in the language of whoever looks, not of the session that printed; a row
 * from before that (message_legacy) as it was written. Returns out. */
const char *paper_job_message(const struct akses_print_job *j, char *out, size_t n);

/* ---- print jobs against CUPS (paper_reconcile.c) ------------------------------------------ */

struct paper_reconcile {
	int checked;   /* jobs of unknown end looked at */
	int completed; /* CUPS completed them: recorded done */
	int failed;    /* never reached CUPS, unknown to it, or ended unprinted: printable again */
	int still;     /* still under way in CUPS */
};
/* Reconcile the jobs whose end the store does not know with CUPS: one recorded more than two
 * minutes ago without a CUPS job id (the printing process died before submitting it), or that CUPS
 * does not know, becomes FAILED (its pass printable again, the earlier badge still valid); one
 * CUPS completed becomes COMPLETED; aborted/canceled ones fail. Run at start and on a timer. With
 * cupsd down the jobs CUPS has an id for are left as they are. out may be NULL. */
akses_status paper_reconcile(store *st, struct paper_reconcile *out);

struct paper_purge {
	int jobs;       /* print jobs purged */
	int files;      /* cups-pdf files removed */
	char dir[1024]; /* the cups-pdf folder looked in */
};
/* Purge what Akses printed more than days ago: each such CUPS job is purged from CUPS (job record
 * and spooled document) and its PDFs "akses-*-job_<id>.pdf" are removed from the cups-pdf folder
 * (pdf_dir, NULL: from /etc/cups/cups-pdf.conf); each job is then marked purged (audited as
 * actor_id). AKSES_E_PRINT when cupsd does not answer, AKSES_E_IO when a file cannot be removed. */
akses_status paper_purge_spool(store *st, int days, int64_t actor_id, const char *pdf_dir,
                               struct paper_purge *out);

/* CSV (RFC 4180, UTF-8) of the daily log or the compliance report into f (opened and closed by
 * the caller, who creates the file: see aksesctl's ctl_out_open). */
akses_status paper_export_log_csv(store *st, const char *day, FILE *f);
akses_status paper_export_compliance_csv(store *st, const char *from, const char *to,
                                         FILE *f);

#endif
