/* paper_msg.c - printer/'s error codes as plain sentences for staff and visitors, translated in
 * the "akses-paper" gettext domain (English msgids, Indonesian in assets/po/akses-paper/id.po);
 * and a print job's message as it is stored (a code and its argument) and read back. */
#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "paper_int.h"

#define P_(s) dgettext(PAPER_DOMAIN, s)

void paper_msg_fill(char *out, size_t n, const char *tmpl, const char *arg)
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

const char *paper_prn_message(prn_status st)
{
	switch (st) {
	case PRN_OK: return P_("Printed.");
	case PRN_E_NOMEM: return P_("Out of memory while preparing the document.");
	case PRN_E_ARG: return P_("The document is missing information and cannot be printed.");
	case PRN_E_RENDER: return P_("The document could not be drawn.");
	case PRN_E_IO: return P_("The file could not be written.");
	case PRN_E_QR: return P_("The QR code could not be made.");
	case PRN_E_NO_SCHEDULER:
		return P_("The print service (CUPS) is not running. Ask staff to start it.");
	case PRN_E_NO_PRINTER: return P_("Printer queue %s does not exist. Ask staff to check it.");
	case PRN_E_NO_DEFAULT:
		return P_("No printer is set up: name a queue in the config or set a CUPS default.");
	case PRN_E_STOPPED:
		return P_("Printer queue %s is stopped. Staff can restart it with: cupsenable %s");
	case PRN_E_REJECTING:
		return P_("Printer queue %s is not accepting jobs. Staff can allow it with: cupsaccept %s");
	case PRN_E_SUBMIT: return P_("The printer queue %s refused the job.");
	case PRN_E_JOB_ABORTED: return P_("The print job on %s was aborted by the printer.");
	case PRN_E_JOB_CANCELED: return P_("The print job on %s was cancelled.");
	case PRN_E_JOB_STOPPED: return P_("The print job on %s stopped: the printer needs attention.");
	case PRN_E_TIMEOUT:
		return P_("The printer %s did not finish the job in time. Check the printer.");
	case PRN_E_NO_JOB: return P_("The print job never reached the print service (CUPS).");
	}
	return P_("Printing failed.");
}

/* ---- a job's message: stored as "CODE ARG", read in the reader's language ------------------ */

/* The paper glue's own messages (printer/'s are its prn_status codes). Never renamed: rows keep
 * them. */
static const struct {
	const char *code, *text;
} paper_own[] = {
	{"saved-to", N_("Saved to %s.")},
	{"sent-to", N_("Sent to printer %s.")},
	{"printed-on", N_("Printed on %s.")},
	{"confirmed", N_("Printed (confirmed with CUPS).")},
	{"ended-unprinted", N_("The print job ended without printing.")},
};

/* The translated sentence for a code (NULL when it is none of ours or printer/'s). */
static const char *paper_msg_template(const char *code)
{
	for (size_t i = 0; i < sizeof paper_own / sizeof paper_own[0]; i++)
		if (strcmp(code, paper_own[i].code) == 0)
			return P_(paper_own[i].text);
	for (int st = PRN_OK; st >= PRN_E_NO_JOB; st--)
		if (strcmp(code, prn_status_code((prn_status)st)) == 0)
			return paper_prn_message((prn_status)st);
	return NULL;
}

void paper_msg_say(struct paper_result *res, const char *code, const char *arg)
{
	snprintf(res->message_code, sizeof res->message_code, "%s%s%s", code, arg ? " " : "",
	         arg ? arg : "");
	const char *tmpl = paper_msg_template(code);
	paper_msg_fill(res->message, sizeof res->message, tmpl ? tmpl : code, arg);
}

const char *paper_job_message(const struct akses_print_job *j, char *out, size_t n)
{
	i18n_bind(PAPER_DOMAIN);
	char code[64];
	size_t len = strcspn(j->message, " ");
	const char *tmpl = NULL;
	if (!j->message_legacy && len < sizeof code) {
		memcpy(code, j->message, len);
		code[len] = '\0';
		tmpl = paper_msg_template(code);
	}
	/* a row from before the codes (its words as the printing session wrote them), or words
	 * that are no code: shown as they are */
	if (!tmpl)
		snprintf(out, n, "%s", j->message);
	else
		paper_msg_fill(out, n, tmpl, j->message[len] ? j->message + len + 1 : "");
	return out;
}
