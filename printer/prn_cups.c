/* prn_cups.c - submitting a PDF to CUPS through the destination API and tracking the job to its end.
 * Every call opens its own connection with a short timeout (never a hang when cupsd is down), so
 * a worker thread can print while another thread does something else. */
#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cups/cups.h>

#include "prn.h"

#define PRN_CONNECT_MS 3000 /* how long to wait for the scheduler to answer a connect */

/* Connect to the scheduler (the domain socket or host in cupsServer()), or NULL. */
static http_t *sched_connect(void)
{
	http_t *http = httpConnect2(cupsServer(), ippPort(), NULL, AF_UNSPEC, cupsEncryption(), 1,
	                            PRN_CONNECT_MS, NULL);
	if (http)
		httpSetTimeout(http, 10.0, NULL, NULL);
	return http;
}

/* Map cupsLastError() after a failed call to our codes; fallback for anything else. */
static prn_status last_error(prn_status fallback)
{
	switch (cupsLastError()) {
	case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE: /* libcups: connection refused or dropped */
		return PRN_E_NO_SCHEDULER;
	case IPP_STATUS_ERROR_NOT_FOUND: return PRN_E_NO_PRINTER;
	case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS: return PRN_E_REJECTING;
	default: return fallback;
	}
}

/* Ask the scheduler for a queue's state (Get-Printer-Attributes). */
static prn_status queue_state(http_t *http, const char *name, struct prn_queue *q)
{
	char uri[HTTP_MAX_URI];
	static const char *const want[] = {"printer-state", "printer-is-accepting-jobs",
	                                   "printer-state-reasons", "printer-state-message"};

	httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof(uri), "ipp", NULL, "localhost", 0,
	                 "/printers/%s", name);
	ipp_t *req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser());
	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, NULL, want);
	ipp_t *resp = cupsDoRequest(http, req, "/");
	if (!resp || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
		ippDelete(resp);
		return last_error(PRN_E_NO_PRINTER);
	}
	snprintf(q->name, sizeof(q->name), "%s", name);
	ipp_attribute_t *a;
	q->state = (a = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM)) ? ippGetInteger(a, 0)
	                                                                        : 3;
	q->accepting = (a = ippFindAttribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
	                   ? ippGetBoolean(a, 0)
	                   : true;
	q->reasons[0] = '\0';
	if ((a = ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD))) {
		for (int i = 0; i < ippGetCount(a); i++) {
			size_t len = strlen(q->reasons);
			snprintf(q->reasons + len, sizeof(q->reasons) - len, "%s%s", i ? "," : "",
			         ippGetString(a, i, NULL));
		}
	}
	q->message[0] = '\0';
	if ((a = ippFindAttribute(resp, "printer-state-message", IPP_TAG_TEXT)))
		snprintf(q->message, sizeof(q->message), "%s", ippGetString(a, 0, NULL));
	ippDelete(resp);
	return PRN_OK;
}

/* Resolve the destination on an open connection: named, else default, else "PDF". The caller
 * frees *dest with cupsFreeDests(1, *dest). */
static prn_status resolve(http_t *http, const char *name, cups_dest_t **dest)
{
	*dest = NULL;
	if (name && *name) {
		*dest = cupsGetNamedDest(http, name, NULL);
		if (!*dest)
			return last_error(PRN_E_NO_PRINTER) == PRN_E_NO_SCHEDULER ? PRN_E_NO_SCHEDULER
			                                                          : PRN_E_NO_PRINTER;
		return PRN_OK;
	}
	*dest = cupsGetNamedDest(http, NULL, NULL);
	if (!*dest && last_error(PRN_E_NO_DEFAULT) == PRN_E_NO_SCHEDULER)
		return PRN_E_NO_SCHEDULER;
	if (!*dest)
		*dest = cupsGetNamedDest(http, "PDF", NULL); /* the embedded default */
	if (!*dest)
		return last_error(PRN_E_NO_DEFAULT) == PRN_E_NO_SCHEDULER ? PRN_E_NO_SCHEDULER
		                                                           : PRN_E_NO_DEFAULT;
	return PRN_OK;
}

/* Is the queue able to take a job now? PRN_E_STOPPED / PRN_E_REJECTING otherwise. */
static prn_status queue_ready(const struct prn_queue *q)
{
	if (q->state == IPP_PSTATE_STOPPED)
		return PRN_E_STOPPED;
	if (!q->accepting)
		return PRN_E_REJECTING;
	return PRN_OK;
}

prn_status prn_cups_queue(const char *name, struct prn_queue *q)
{
	cups_dest_t *dest = NULL;
	if (!q)
		return PRN_E_ARG;
	memset(q, 0, sizeof(*q));
	if (name)
		snprintf(q->name, sizeof(q->name), "%s", name);
	http_t *http = sched_connect();
	if (!http)
		return PRN_E_NO_SCHEDULER;
	prn_status st = resolve(http, name, &dest);
	if (st == PRN_OK)
		st = queue_state(http, dest->name, q);
	if (dest)
		cupsFreeDests(1, dest);
	httpClose(http);
	return st;
}

/* The media names for a page size: a PWG name for IPP and a PPD PageSize for PPD queues. */
static void media_names(double w_mm, double h_mm, char *media, size_t nm, char *pagesize,
                        size_t np)
{
	if (w_mm < 1 || h_mm < 1 || (w_mm == PRN_A4_W && h_mm == PRN_A4_H)) {
		snprintf(media, nm, "iso_a4_210x297mm");
		snprintf(pagesize, np, "A4");
	} else if (w_mm == PRN_A6_W && h_mm == PRN_A6_H) {
		snprintf(media, nm, "iso_a6_105x148mm");
		snprintf(pagesize, np, "A6");
	} else {
		snprintf(media, nm, "custom_%gx%gmm_%gx%gmm", w_mm, h_mm, w_mm, h_mm);
		snprintf(pagesize, np, "Custom.%gx%gmm", w_mm, h_mm);
	}
}

prn_status prn_cups_submit(const char *name, const char *title, const struct prn_pdf *pdf,
                           struct prn_queue *q, int *job_id)
{
	cups_dest_t *dest = NULL;
	cups_dinfo_t *info = NULL;
	cups_option_t *opts = NULL;
	int nopts = 0, id = 0;
	prn_status st;
	char media[96], pagesize[64];

	if (!pdf || !pdf->data || !q || !job_id)
		return PRN_E_ARG;
	*job_id = 0;
	memset(q, 0, sizeof(*q));
	if (name)
		snprintf(q->name, sizeof(q->name), "%s", name);
	http_t *http = sched_connect();
	if (!http)
		return PRN_E_NO_SCHEDULER;
	st = resolve(http, name, &dest);
	if (st != PRN_OK)
		goto out;
	snprintf(q->name, sizeof(q->name), "%s", dest->name);
	/* Read the queue's state first: a stopped or rejecting queue would take the job and sit on
	 * it (stopped) or refuse it with a vague error; say which instead. */
	st = queue_state(http, dest->name, q);
	if (st == PRN_OK)
		st = queue_ready(q);
	if (st != PRN_OK)
		goto out;

	info = cupsCopyDestInfo(http, dest);
	media_names(pdf->w_mm, pdf->h_mm, media, sizeof(media), pagesize, sizeof(pagesize));
	nopts = cupsAddOption("media", media, nopts, &opts);
	nopts = cupsAddOption("PageSize", pagesize, nopts, &opts);
	nopts = cupsAddOption("print-scaling", "none", nopts, &opts);
	if (cupsCreateDestJob(http, dest, info, &id, title ? title : "akses", nopts, opts) !=
	    IPP_STATUS_OK) {
		st = last_error(PRN_E_SUBMIT);
		goto out;
	}
	if (cupsStartDestDocument(http, dest, info, id, title ? title : "akses", CUPS_FORMAT_PDF, 0,
	                          NULL, 1) != HTTP_STATUS_CONTINUE ||
	    cupsWriteRequestData(http, (const char *)pdf->data, pdf->len) != HTTP_STATUS_CONTINUE ||
	    cupsFinishDestDocument(http, dest, info) != IPP_STATUS_OK) {
		st = last_error(PRN_E_SUBMIT);
		cupsCancelDestJob(http, dest, id);
		goto out;
	}
	*job_id = id;
	st = PRN_OK;
out:
	cupsFreeOptions(nopts, opts);
	if (info)
		cupsFreeDestInfo(info);
	if (dest)
		cupsFreeDests(1, dest);
	httpClose(http);
	return st;
}

/* One Get-Job-Attributes: the job's state, or PRN_JOB_UNKNOWN with *st set on failure. */
static prn_job_state job_state(http_t *http, int job_id, prn_status *st)
{
	char uri[HTTP_MAX_URI];
	static const char *const want[] = {"job-state", "job-state-reasons"};
	httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof(uri), "ipp", NULL, "localhost", 0,
	                 "/jobs/%d", job_id);
	ipp_t *req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", NULL, uri);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser());
	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 2, NULL, want);
	ipp_t *resp = cupsDoRequest(http, req, "/");
	ipp_attribute_t *a = resp ? ippFindAttribute(resp, "job-state", IPP_TAG_ENUM) : NULL;
	prn_job_state js = PRN_JOB_UNKNOWN;
	*st = PRN_OK;
	if (!a) {
		*st = last_error(PRN_E_SUBMIT);
	} else {
		switch (ippGetInteger(a, 0)) {
		case IPP_JSTATE_PENDING: js = PRN_JOB_PENDING; break;
		case IPP_JSTATE_HELD: js = PRN_JOB_HELD; break;
		case IPP_JSTATE_PROCESSING: js = PRN_JOB_PROCESSING; break;
		case IPP_JSTATE_STOPPED: js = PRN_JOB_STOPPED; break;
		case IPP_JSTATE_CANCELED: js = PRN_JOB_CANCELED; break;
		case IPP_JSTATE_ABORTED: js = PRN_JOB_ABORTED; break;
		case IPP_JSTATE_COMPLETED: js = PRN_JOB_COMPLETED; break;
		default: js = PRN_JOB_UNKNOWN;
		}
	}
	ippDelete(resp);
	return js;
}

static double mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

prn_status prn_cups_wait(const char *queue, int job_id, int timeout_s, prn_job_state *state)
{
	prn_job_state js = PRN_JOB_UNKNOWN;
	prn_status st = PRN_OK;
	if (job_id <= 0)
		return PRN_E_ARG;
	if (timeout_s <= 0)
		timeout_s = 30;
	double until = mono_now() + timeout_s;
	http_t *http = sched_connect();
	if (!http) {
		if (state)
			*state = js;
		return PRN_E_NO_SCHEDULER;
	}
	for (;;) {
		js = job_state(http, job_id, &st);
		if (st != PRN_OK)
			break;
		if (js == PRN_JOB_COMPLETED || js == PRN_JOB_ABORTED || js == PRN_JOB_CANCELED ||
		    js == PRN_JOB_STOPPED)
			break;
		if (mono_now() >= until) {
			/* Still pending: most often the queue was stopped under the job. */
			struct prn_queue q;
			st = PRN_E_TIMEOUT;
			if (queue && *queue && queue_state(http, queue, &q) == PRN_OK &&
			    q.state == IPP_PSTATE_STOPPED)
				st = PRN_E_STOPPED;
			break;
		}
		struct timespec nap = {0, 150 * 1000 * 1000};
		nanosleep(&nap, NULL);
	}
	httpClose(http);
	if (state)
		*state = js;
	if (st != PRN_OK)
		return st;
	switch (js) {
	case PRN_JOB_COMPLETED: return PRN_OK;
	case PRN_JOB_ABORTED: return PRN_E_JOB_ABORTED;
	case PRN_JOB_CANCELED: return PRN_E_JOB_CANCELED;
	case PRN_JOB_STOPPED: return PRN_E_JOB_STOPPED;
	default: return PRN_E_TIMEOUT;
	}
}

prn_status prn_cups_cancel(int job_id)
{
	if (job_id <= 0)
		return PRN_E_ARG;
	http_t *http = sched_connect();
	if (!http)
		return PRN_E_NO_SCHEDULER;
	prn_status st = cupsCancelJob2(http, NULL, job_id, 0) == IPP_STATUS_OK
	                    ? PRN_OK
	                    : last_error(PRN_E_SUBMIT);
	httpClose(http);
	return st;
}

prn_status prn_cups_job_state(int job_id, prn_job_state *state)
{
	if (job_id <= 0 || !state)
		return PRN_E_ARG;
	*state = PRN_JOB_UNKNOWN;
	http_t *http = sched_connect();
	if (!http)
		return PRN_E_NO_SCHEDULER;
	prn_status st;
	*state = job_state(http, job_id, &st);
	if (st != PRN_OK && cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
		st = PRN_E_NO_JOB;
	httpClose(http);
	return st;
}

prn_status prn_cups_purge(int job_id)
{
	if (job_id <= 0)
		return PRN_E_ARG;
	http_t *http = sched_connect();
	if (!http)
		return PRN_E_NO_SCHEDULER;
	prn_status st = PRN_OK;
	if (cupsCancelJob2(http, NULL, job_id, 1) != IPP_STATUS_OK)
		st = cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND ? PRN_E_NO_JOB
		                                                   : last_error(PRN_E_SUBMIT);
	httpClose(http);
	return st;
}

/* Replace each ${NAME} of in by value of the same name (HOME, USER) into out. */
static void expand(const char *in, const char *home, const char *user, char *out, size_t n)
{
	size_t o = 0;
	while (*in && o + 1 < n) {
		const char *v = NULL;
		size_t skip = 0;
		if (strncmp(in, "${HOME}", 7) == 0)
			v = home, skip = 7;
		else if (strncmp(in, "${USER}", 7) == 0)
			v = user, skip = 7;
		if (v) {
			o += (size_t)snprintf(out + o, n - o, "%s", v);
			if (o >= n)
				o = n - 1;
			in += skip;
		} else {
			out[o++] = *in++;
		}
	}
	out[o] = '\0';
}

prn_status prn_cups_pdf_dir(const char *conf, char *dir, size_t n)
{
	if (!dir || n == 0)
		return PRN_E_ARG;
	struct passwd *pw = getpwuid(getuid());
	if (!pw)
		return PRN_E_IO;
	char out[1024] = "/var/spool/cups-pdf/${USER}", line[1024];
	FILE *f = fopen(conf ? conf : "/etc/cups/cups-pdf.conf", "r");
	while (f && fgets(line, sizeof line, f)) {
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, "Out", 3) != 0 || (p[3] != ' ' && p[3] != '\t'))
			continue;
		p += 3;
		while (*p == ' ' || *p == '\t')
			p++;
		p[strcspn(p, "\r\n")] = '\0';
		snprintf(out, sizeof out, "%s", p);
	}
	if (f)
		fclose(f);
	expand(out, pw->pw_dir, pw->pw_name, dir, n);
	return PRN_OK;
}

prn_status prn_cups_pdf_remove(const char *dir, const char *prefix, int job_id, int *removed)
{
	if (!dir || !prefix || job_id <= 0 || !removed)
		return PRN_E_ARG;
	*removed = 0;
	char tail[32];
	snprintf(tail, sizeof tail, "job_%d.pdf", job_id);
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? PRN_OK : PRN_E_IO; /* nothing was ever written there */
	prn_status st = PRN_OK;
	struct dirent *e;
	size_t lt = strlen(tail), lp = strlen(prefix);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		/* "-job_12.pdf" must not also match "-job_112.pdf": the character before is '-' or '_'
		 * (cups-pdf writes "<title>-job_<id>.pdf") */
		if (len <= lt + lp || strncmp(e->d_name, prefix, lp) != 0 ||
		    strcmp(e->d_name + len - lt, tail) != 0 ||
		    (e->d_name[len - lt - 1] != '-' && e->d_name[len - lt - 1] != '_'))
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (unlink(path) == 0)
			(*removed)++;
		else if (errno != ENOENT)
			st = PRN_E_IO;
	}
	closedir(d);
	return st;
}
