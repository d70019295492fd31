/* wf_print.c - the words staff read for a pass's print state and a print job's state (the codes
 * are wf.c's wf_print_state_code and wf_job_state_code; these are for screens and tables). */
#include "i18n.h"
#include "wf.h"

const char *wf_print_state_label(print_state p)
{
	switch (p) {
	case PRINT_PENDING:
		return C_("printing");
	case PRINT_DONE:
		return C_("printed");
	case PRINT_FAILED:
		return C_("print failed");
	default:
		return C_("not printed");
	}
}

const char *wf_job_state_label(print_job_state j)
{
	switch (j) {
	case JOB_PENDING:
		return C_("waiting");
	case JOB_ACCEPTED:
		return C_("sent to the printer");
	case JOB_COMPLETED:
		return C_("printed");
	case JOB_ABORTED:
		return C_("aborted by the printer");
	case JOB_CANCELED:
		return C_("cancelled");
	case JOB_STOPPED:
		return C_("stopped");
	case JOB_FAILED:
		return C_("failed");
	default:
		return C_("unknown");
	}
}
