/* prn.h - the printer library: every paper document rendered to PDF (cairo + pango, QR codes from
 * libqrencode) and submitted to CUPS with its job tracked to the end. Knows nothing of SQLite or the
 * SOP: callers hand it plain structs of strings and times. Words on paper are in the language of
 * the PRN_DOMAIN lookup below (Indonesian or English); the pass keeps its bilingual bands. */
#ifndef AKSES_PRN_H
#define AKSES_PRN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The printer's own words on paper (page furniture, dates, every document's body) are in this
 * gettext domain (English msgids, Indonesian in assets/po/akses-printer/id.po): a document comes
 * out in the language of the session printing it, or in the language the rendering thread is
 * pinned to (lang_thread_set, lang.h). The caller binds it; unbound, the words are English. */
#define PRN_DOMAIN "akses-printer"

/* What went wrong, as a code: the caller turns it into a translated sentence. */
typedef enum prn_status {
	PRN_OK = 0,
	PRN_E_NOMEM = -1,
	PRN_E_ARG = -2,          /* a NULL or out-of-range argument (a programming error) */
	PRN_E_RENDER = -3,       /* cairo could not draw the document */
	PRN_E_IO = -4,           /* the PDF or CSV file could not be written */
	PRN_E_QR = -5,           /* the QR payload could not be encoded */
	PRN_E_NO_SCHEDULER = -10, /* cupsd is not reachable (not running, socket refused) */
	PRN_E_NO_PRINTER = -11,   /* the named queue does not exist */
	PRN_E_NO_DEFAULT = -12,   /* no queue named, no CUPS default and no "PDF" queue */
	PRN_E_STOPPED = -13,      /* the queue is stopped (printer-state 5), e.g. after an error */
	PRN_E_REJECTING = -14,    /* the queue does not accept jobs (cupsreject) */
	PRN_E_SUBMIT = -15,       /* CUPS refused the job or the document upload failed */
	PRN_E_JOB_ABORTED = -16,  /* the job ended aborted (filter or backend failure) */
	PRN_E_JOB_CANCELED = -17, /* someone cancelled the job */
	PRN_E_JOB_STOPPED = -18,  /* the job is stopped (the queue stopped under it) */
	PRN_E_TIMEOUT = -19,      /* the job did not reach an end state in time */
	PRN_E_NO_JOB = -20,       /* CUPS does not know the job (never submitted, or purged) */
} prn_status;

/* A stable lowercase code for logs and JSON ("queue-stopped"). Never NULL. */
const char *prn_status_code(prn_status st);

/* ---- rendered documents ------------------------------------------------------------------- */

/* A PDF in memory. data is malloc'd; free with prn_pdf_free. */
struct prn_pdf {
	unsigned char *data;
	size_t len;
	size_t cap;
	int pages;
	double w_mm, h_mm;       /* page size, for the job's media */
};

void prn_pdf_free(struct prn_pdf *pdf);
/* Write the PDF to path: created 0600 (or truncated), never through a symbolic link. PRN_E_IO on
 * failure. A caller that must not replace a file opens it itself and uses prn_pdf_write. */
prn_status prn_pdf_save(const struct prn_pdf *pdf, const char *path);
/* Write the PDF into an open stream (flushed, not closed). PRN_E_IO on failure. */
prn_status prn_pdf_write(const struct prn_pdf *pdf, FILE *f);

/* Page sizes (mm). */
#define PRN_A4_W 210.0
#define PRN_A4_H 297.0
#define PRN_LABEL_W 62.0  /* Brother QL 62 mm continuous, cut at 100 mm */
#define PRN_LABEL_H 100.0
#define PRN_CR80_W 85.6   /* ID card, landscape */
#define PRN_CR80_H 54.0
#define PRN_A6_W 105.0
#define PRN_A6_H 148.0

/* What heads every A4 document. printed_at is when the paper was made; event_at the date of the
 * event it records (the berita acara's "Pada hari ini"; 0 = printed_at); reprint marks a second
 * print of the same document: its footer says "Cetak ulang <printed_at>". */
struct prn_header {
	const char *agency;  /* "Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat" */
	const char *unit;    /* "Bidang Aplikasi Informatika" */
	const char *city;    /* "Padang" */
	const char *station; /* "RECEPTION" */
	int64_t printed_at;
	/* the audit chain's head "N:HASH" when printed (NULL or "": none), a footer line: paper
	 * kept outside the DB that a later `aksesctl audit verify --anchor` checks against */
	const char *audit_head;
	int64_t event_at;
	bool reprint;
};

/* The visitor pass. token is the only thing in the QR. No NIK, no phone: there is no field for
 * them. w_mm x h_mm is the label (62x100, CR80 85.6x54, A6). */
struct prn_badge {
	const char *agency;
	const char *name, *institution, *escort, *number, *token;
	int64_t start_at, end_at;
	int64_t reprinted_at; /* a staff reprint: "Cetak ulang <when>" on the label; 0 = first print */
	double w_mm, h_mm;
};
prn_status prn_render_badge(const struct prn_badge *b, struct prn_pdf *out);

/* The submission receipt: the number, what happens next, a QR of the receipt token (status
 * lookup). Printed on the badge printer, same label. */
struct prn_receipt {
	const char *agency;
	const char *number, *name, *token;
	int64_t submitted_at, start_at, end_at;
	double w_mm, h_mm;
};
prn_status prn_render_receipt(const struct prn_receipt *r, struct prn_pdf *out);

/* One visit in the daily log. now (in prn_day_log) decides how long a visit still inside lasts. */
struct prn_log_visit {
	const char *number, *name, *institution, *purpose, *escort;
	int64_t in_at, out_at; /* out_at 0 while inside */
	int64_t end_at;        /* the approved window's end */
	bool inside, overstay;
};
struct prn_log_denied {
	int64_t at;
	const char *station, *reason, *escort, *number, *name; /* number/name "" when unknown */
};
struct prn_day_log {
	struct prn_header hdr;
	const char *day;       /* "YYYY-MM-DD" */
	int64_t day_start;     /* local midnight, for the date line */
	int64_t now;
	int n_visits;
	const struct prn_log_visit *visits;
	int n_denied;
	const struct prn_log_denied *denied;
	int per_hour[24];
	int n_inside, n_overstay, n_people;
};
prn_status prn_render_day_log(const struct prn_day_log *log, struct prn_pdf *out);
/* The same log as CSV (RFC 4180, UTF-8, CRLF): one row per visit, then the denied scans. */
prn_status prn_csv_day_log(const struct prn_day_log *log, FILE *f);

/* One SOP step in a timeline (access report, disposition sheet). */
struct prn_step {
	int step;              /* SOP number 1..12 */
	const char *activity;  /* "Disposisi ke Kabid" */
	const char *role;      /* "Kepala Dinas" */
	const char *actor;     /* the person's name ("" for the applicant/system) */
	int64_t at;
	int64_t duration_s;    /* -1 unknown */
	int standard_s;
	const char *note;
};

/* Who signs where on an A4 document (an empty name leaves a blank line to sign over). */
struct prn_signer {
	const char *role;  /* "Kepala Dinas" */
	const char *name;
	int64_t at;        /* when they acted (0: not yet) */
};

/* The access report of one visit as a berita acara (SOP step 9, chain 10-12). */
struct prn_report {
	struct prn_header hdr;
	const char *doc_number;   /* "BA/AKS-20261129-0007" */
	const char *number;       /* request number */
	const char *name, *institution, *purpose, *escort, *state;
	int64_t start_at, end_at;
	int64_t first_in, last_out; /* 0 when nobody entered / still inside */
	int n_people;
	const char *const *people; /* NULL, or the n_people names: the applicant, then companions */
	const char *text;         /* the step 9 report text */
	int n_steps;
	const struct prn_step *steps;
	struct prn_signer writer;   /* helpdesk who wrote it (party one) */
	struct prn_signer escort_signer; /* the escort, as witness */
	int n_ack;                  /* steps 10..12 acknowledgments */
	const struct prn_signer *ack;
};
prn_status prn_render_report(const struct prn_report *r, struct prn_pdf *out);

/* SOP compliance over a date range: per step and role. Durations in seconds. */
struct prn_comp_row {
	int step;
	const char *role, *activity;
	int count;
	double median_s, p90_s;
	int standard_s;
	double within;  /* 0..1 */
};
struct prn_compliance {
	struct prn_header hdr;
	const char *from, *to;
	int n;
	const struct prn_comp_row *rows;
	/* SOP steps taken soon after an ADMIN set the actor's PIN (one person may have acted in
	 * another's role): one plain line each, printed in red after the table */
	int n_flags;
	const char *const *flags;
};
prn_status prn_render_compliance(const struct prn_compliance *c, struct prn_pdf *out);
prn_status prn_csv_compliance(const struct prn_compliance *c, FILE *f);

/* Who is inside now: the evacuation list, large type. */
struct prn_inside_row {
	const char *number, *name, *institution, *escort;
	int64_t in_at, end_at;
	bool overstay;
};
struct prn_inside {
	struct prn_header hdr; /* printed_at is the "as of" time, printed large */
	int n;
	const struct prn_inside_row *rows;
};
prn_status prn_render_inside(const struct prn_inside *in, struct prn_pdf *out);

/* The request letter (surat permohonan) for the paper file. nik and phone arrive masked. */
struct prn_letter {
	struct prn_header hdr;
	const char *number, *name, *nik_masked, *institution, *phone_masked, *email;
	const char *purpose_category, *purpose;
	int64_t created_at, start_at, end_at;
	int n_companions;
	const char *const *companions;     /* names */
	const char *const *companion_niks; /* masked */
	/* what the numbers are ("NIK", "Nomor paspor"...); NULL (or a NULL list) means "NIK" */
	const char *id_label;
	const char *const *companion_id_labels;
	int n_equipment;
	const char *const *equipment;
};
prn_status prn_render_letter(const struct prn_letter *l, struct prn_pdf *out);

/* The disposition sheet (lembar disposisi). Each disposition (steps 2, 3, 4...) is one row of
 * "forwarded to / instruction / initials and date". */
struct prn_disposition_row {
	const char *from_role, *to_role, *instruction, *by;
	int64_t at; /* 0: not yet */
};
struct prn_disposition {
	struct prn_header hdr;
	const char *sender;       /* "Budi Santoso (PT Contoh)" */
	const char *letter_number, *agenda_number, *subject;
	int64_t letter_date, received_at;
	const char *urgency; /* "sangat segera" / "segera" / "biasa" / "rahasia"; NULL: none ticked */
	int n_rows;
	const struct prn_disposition_row *rows;
	const char *notes;
	const char *official_role, *official_name, *official_nip; /* the head who signs */
};
prn_status prn_render_disposition(const struct prn_disposition *d, struct prn_pdf *out);

/* A staff member's own card (CR80 by default): name, role and a QR of the staff code that signs
 * them in at the kiosk. A dark band marks staff, unlike the red visitor band. Nothing else in the
 * QR; no PIN anywhere. */
struct prn_staffcard {
	const char *agency;
	const char *name, *role; /* role as people read it: "Tim Teknis" */
	const char *code;        /* the staff code, the QR's only content */
	double w_mm, h_mm;       /* 0: CR80 landscape */
};
prn_status prn_render_staffcard(const struct prn_staffcard *c, struct prn_pdf *out);

/* ---- small helpers the glue shares --------------------------------------------------------- */

/* Indonesian date/time text in local time: "Sen, 01 Des 2026" / "1 Desember 2026" /
 * "09:00" / "2 j 05 m". Each returns buf. */
char *prn_fmt_day_short(int64_t t, char *buf, size_t n);
char *prn_fmt_day_long(int64_t t, char *buf, size_t n);
char *prn_fmt_hm(int64_t t, char *buf, size_t n);
char *prn_fmt_duration(int64_t s, char *buf, size_t n);

/* Write one CSV field with RFC 4180 quoting (quoted when it holds , ; " CR or LF), as it is: for
 * the cells we make ourselves (numbers, times, codes), so a number stays a number. */
void prn_csv_field(FILE *f, const char *s, bool last);
/* Write one free-text CSV field (a name, institution, purpose, station, reason ...): like
 * prn_csv_field, but a cell starting with = + - @ tab or CR gets a leading single quote, so a
 * spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection"). */
void prn_csv_text(FILE *f, const char *s, bool last);

/* ---- CUPS ---------------------------------------------------------------------------------- */

/* The end (or current) state of a CUPS job. */
typedef enum prn_job_state {
	PRN_JOB_UNKNOWN = 0,
	PRN_JOB_PENDING,
	PRN_JOB_HELD,
	PRN_JOB_PROCESSING,
	PRN_JOB_STOPPED,
	PRN_JOB_CANCELED,
	PRN_JOB_ABORTED,
	PRN_JOB_COMPLETED,
} prn_job_state;

/* A queue as CUPS reports it just now. */
struct prn_queue {
	char name[128];
	int state;            /* printer-state: 3 idle, 4 processing, 5 stopped */
	bool accepting;       /* printer-is-accepting-jobs */
	char reasons[256];    /* printer-state-reasons, comma separated ("none") */
	char message[256];    /* printer-state-message, when CUPS gives one */
};

/* Find the queue to use: name when given (PRN_E_NO_PRINTER if CUPS has none such), else the
 * CUPS default destination, else a queue named "PDF" (PRN_E_NO_DEFAULT when neither). Fills q
 * with its state. PRN_E_NO_SCHEDULER when cupsd does not answer within a few seconds. */
prn_status prn_cups_queue(const char *name, struct prn_queue *q);

/* Check the queue, then submit the PDF as one job titled title, with the media size set on the
 * job from pdf->w_mm x h_mm. Returns at once: *job_id is CUPS's job id, q the queue used and its
 * state. PRN_E_STOPPED / PRN_E_REJECTING when the queue cannot take it (nothing submitted). */
prn_status prn_cups_submit(const char *name, const char *title, const struct prn_pdf *pdf,
                           struct prn_queue *q, int *job_id);

/* Poll the job until it ends (completed, aborted, canceled, stopped) or timeout_s passes.
 * PRN_OK only for completed; else the matching PRN_E_JOB_*, PRN_E_TIMEOUT (with *state the last
 * seen; PRN_E_STOPPED instead when the queue stopped meanwhile) or PRN_E_NO_SCHEDULER. */
prn_status prn_cups_wait(const char *queue, int job_id, int timeout_s, prn_job_state *state);

/* Cancel a job that will not be waited for any longer (after a timeout), so that it does not
 * print later behind the caller's back. PRN_OK or PRN_E_NO_SCHEDULER / PRN_E_SUBMIT. */
prn_status prn_cups_cancel(int job_id);

/* One look at a job by its CUPS id (Get-Job-Attributes), no waiting: PRN_OK with *state,
 * PRN_E_NO_JOB when CUPS does not know it, PRN_E_NO_SCHEDULER when cupsd does not answer. */
prn_status prn_cups_job_state(int job_id, prn_job_state *state);

/* Purge a job: CUPS forgets it and deletes its spooled document (Cancel-Job with purge-job, as
 * `cancel -x`), whatever its state. PRN_OK, PRN_E_NO_JOB, PRN_E_NO_SCHEDULER or PRN_E_SUBMIT. */
prn_status prn_cups_purge(int job_id);

/* The folder where the cups-pdf backend writes its PDFs for the user running this program: the
 * `Out` line of conf (NULL: /etc/cups/cups-pdf.conf) with ${HOME} and ${USER} expanded, else
 * cups-pdf's default /var/spool/cups-pdf/${USER}. PRN_E_IO when no user is known. */
prn_status prn_cups_pdf_dir(const char *conf, char *dir, size_t n);

/* Delete the PDFs cups-pdf wrote in dir for CUPS job job_id whose name starts with prefix
 * ("akses-": only what Akses printed): names "<title>-job_<id>.pdf". *removed counts them.
 * PRN_E_IO when the folder cannot be read or a file cannot be removed. */
prn_status prn_cups_pdf_remove(const char *dir, const char *prefix, int job_id, int *removed);

#endif
