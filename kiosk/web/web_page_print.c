/* web_page_print.c - the Helpdesk prints a document to a CUPS queue or downloads its PDF, through
 * kiosk/paper's one entry point (paper_print, as aksesctl print), and sees the print jobs and
 * their states (store_print_list, the messages in the reader's language). A visitor pass is a
 * staff reprint for one person, with its reason (paper_print gives it a new token, as aksesctl's
 * `print badge --as --reason` and the kiosk's reprint); a receipt is reissued the same way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "paper.h"
#include "web.h"
#include "wf.h"

#define PRINT_JOBS_SHOWN 30
#define PRINT_PDF_MAX (8 * 1024 * 1024) /* bytes: far above any document of ours */

static const paper_doc print_docs[] = {PAPER_LOG,    PAPER_INSIDE, PAPER_COMPLIANCE,
                                       PAPER_REPORT, PAPER_LETTER, PAPER_DISPOSITION,
                                       PAPER_BADGE,  PAPER_RECEIPT};

static void print_field(struct web_buf *b, const char *name, const char *label, const char *type,
                        const char *value)
{
	web_rawf(b, "<label for=\"%s\">", name);
	web_esc(b, label);
	web_rawf(b, "</label><input id=\"%s\" name=\"%s\" type=\"%s\"", name, name, type);
	if (value) {
		web_raw(b, " value=\"");
		web_esc(b, value);
		web_raw(b, "\"");
	}
	web_raw(b, ">");
}

/* The person of a pass reprint: with ?number= the request's people to pick by name, else the
 * number (0 the applicant, 1.. a companion). */
static void print_person(struct web_req *r)
{
	struct web_buf *b = &r->body;
	struct akses_pass *passes = NULL;
	int n = 0;
	if (!r->query_number || !*r->query_number ||
	    store_pass_list(r->w->st, r->query_number, &passes, &n) != AKSES_OK || n == 0) {
		free(passes);
		print_field(b, "person",
		            W_("Person of a pass reprint (0 the applicant, 1.. a companion)"),
		            "number", NULL);
		return;
	}
	web_wrap(b, "<label for=\"person\">", W_("Person of a pass reprint"),
	         "</label><select id=\"person\" name=\"person\">");
	for (int i = 0; i < n; i++) {
		web_rawf(b, "<option value=\"%d\">%d. ", passes[i].person, passes[i].person);
		web_esc(b, passes[i].name);
		web_raw(b, "</option>");
	}
	web_raw(b, "</select>");
	free(passes);
}

void web_page_print(struct web_req *r)
{
	if (r->sess->role != ROLE_HELPDESK) {
		web_error_page(r, 403, W_("Print"), akses_status_message(AKSES_E_ROLE));
		return;
	}
	struct web_buf *b = &r->body;
	web_page_top(b, r->sess, W_("Print"), 0);
	web_page_flash(b, r->sess);
	web_wrap(b, "<h1>", W_("Print a document"), "</h1>");
	web_raw(b, "<form method=\"post\" action=\"/print\" class=\"card\" id=\"print\">");
	web_csrf_field(b, r->sess);
	web_wrap(b, "<label for=\"doc\">", W_("Document"),
	         "</label><select id=\"doc\" name=\"doc\">");
	for (size_t i = 0; i < sizeof print_docs / sizeof print_docs[0]; i++) {
		web_rawf(b, "<option value=\"%s\">", paper_doc_code(print_docs[i]));
		web_esc(b, paper_kind_label(paper_doc_code(print_docs[i])));
		web_raw(b, "</option>");
	}
	web_raw(b, "</select>");
	print_field(b, "number", W_("Request number (for a request's document)"), "text",
	            r->query_number);
	print_person(r);
	print_field(b, "reason", W_("Reason for a pass reprint"), "text", NULL);
	print_field(b, "day", W_("Day, or the range's first day"), "date", NULL);
	print_field(b, "to", W_("The range's last day (compliance)"), "date", NULL);
	print_field(b, "queue", W_("Queue (empty: the configured one)"), "text", NULL);
	web_wrap(b, "<button name=\"how\" value=\"queue\" id=\"print-queue\" class=\"primary\">",
	         W_("Print"), "</button>");
	web_wrap(b, "<button name=\"how\" value=\"pdf\" id=\"print-pdf\">", W_("Download the PDF"),
	         "</button></form>");
	struct akses_print_job *jobs = NULL;
	int n = 0;
	if (store_print_list(r->w->st, PRINT_JOBS_SHOWN, &jobs, &n) == AKSES_OK) {
		web_wrap(b, "<h2>", W_("Print jobs"), "</h2><table id=\"jobs\"><tbody>");
		for (int i = 0; i < n; i++) {
			char when[24], msg[300];
			clock_format(jobs[i].at, when, sizeof when);
			web_wrap(b, "<tr><td>", when, "</td>");
			web_wrap(b, "<td>", paper_kind_label(jobs[i].kind), "</td>");
			web_wrap(b, "<td>", jobs[i].number, "</td>");
			web_wrap(b, "<td>", jobs[i].to_file ? "PDF" : jobs[i].queue, "</td>");
			web_wrap(b, "<td class=\"state\">", wf_job_state_label(jobs[i].state),
			         "</td>");
			web_wrap(b, "<td>", paper_job_message(&jobs[i], msg, sizeof msg),
			         "</td></tr>");
		}
		web_raw(b, "</tbody></table>");
		free(jobs);
	}
	web_page_end(b);
}

/* The PDF written by paper_print into a private temporary file, as the reply. */
static akses_status print_pdf(struct web_req *r, struct paper_job *job, struct paper_result *res)
{
	char path[] = "/tmp/akses-web-XXXXXX";
	int fd = mkstemp(path); /* 0600 */
	if (fd < 0)
		return AKSES_E_IO;
	FILE *f = fdopen(fd, "w+b");
	if (!f) {
		close(fd);
		unlink(path);
		return AKSES_E_IO;
	}
	job->pdf_path = path;
	job->pdf_file = f;
	akses_status rc = paper_print(r->w->st, &r->w->cfg, job, res);
	if (rc == AKSES_OK) {
		fflush(f);
		rewind(f);
		char chunk[8192];
		size_t k;
		while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 && r->body.len < PRINT_PDF_MAX)
			web_raw_n(&r->body, chunk, k);
		r->ctype = "application/pdf";
		snprintf(r->disposition, sizeof r->disposition,
		         "attachment; filename=\"akses-%s.pdf\"", paper_doc_code(job->doc));
	}
	fclose(f);
	unlink(path);
	return rc;
}

void web_page_print_post(struct web_req *r)
{
	if (r->sess->role != ROLE_HELPDESK) {
		web_error_page(r, 403, W_("Print"), akses_status_message(AKSES_E_ROLE));
		return;
	}
	struct paper_job job;
	memset(&job, 0, sizeof job);
	const char *doc = web_form_get(&r->form, "doc"), *how = web_form_get(&r->form, "how");
	bool offered = false;
	if (doc && paper_doc_parse(doc, &job.doc) == 0)
		for (size_t i = 0; i < sizeof print_docs / sizeof print_docs[0]; i++)
			offered |= print_docs[i] == job.doc;
	if (!offered || !how || (strcmp(how, "queue") && strcmp(how, "pdf"))) {
		web_error_page(r, 400, W_("Print"),
		               W_("The console offers no such document. Nothing was printed."));
		return;
	}
	char today[16];
	const char *day = web_form_get(&r->form, "day"), *to = web_form_get(&r->form, "to");
	const char *queue = web_form_get(&r->form, "queue");
	if (!day || !*day)
		day = clock_format_day(clock_now(), today, sizeof today);
	job.number = web_form_get(&r->form, "number");
	job.day = job.from = day;
	job.to = to && *to ? to : day;
	job.actor_id = r->sess->staff_id;
	job.queue = queue && *queue ? queue : NULL;
	if (job.doc == PAPER_BADGE) {
		/* the store refuses a reprint without a reason and an unknown person: nothing
		 * changes */
		const char *person = web_form_get(&r->form, "person");
		char *end = NULL;
		long p = person && *person ? strtol(person, &end, 10) : -1;
		job.person = end && !*end && p >= 0 && p <= AKSES_MAX_COMPANIONS ? (int)p : -1;
		job.reason = web_form_get(&r->form, "reason");
	}
	struct paper_result res;
	memset(&res, 0, sizeof res);
	akses_status rc = !strcmp(how, "pdf") ? print_pdf(r, &job, &res)
	                                      : paper_print(r->w->st, &r->w->cfg, &job, &res);
	if (rc != AKSES_OK) {
		char msg[600];
		snprintf(msg, sizeof msg, "%s %s",
		         res.message[0] ? res.message : akses_status_message(rc),
		         W_("Nothing was printed."));
		r->body.len = 0;
		r->ctype = NULL;
		r->disposition[0] = '\0';
		web_error_page(r,
		               rc == AKSES_E_PRINT ? 502
		               : akses_status_is_input(rc) || rc == AKSES_E_REQUEST_NOT_FOUND ||
		                       rc == AKSES_E_PASS_NOT_FOUND ||
		                       rc == AKSES_E_NOT_PRINTABLE || rc == AKSES_E_PRINT_ACTIVE
		                   ? 400
		                   : 500,
		               W_("Print"), msg);
		return;
	}
	if (!strcmp(how, "queue")) {
		web_session_flash(r->sess, true, W_("Sent to %s as job %d."), res.queue,
		                  res.cups_job_id);
		web_redirect(r, "/print");
	}
}
