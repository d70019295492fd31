/* paper_csv.c - the daily log and the SOP compliance report as CSV (RFC 4180, UTF-8), from the
 * same rows the printed documents are made of. */
#include <stdio.h>
#include <stdlib.h>

#include "paper_int.h"

/* The CSV's end: everything flushed into f (the caller closes it). */
static akses_status csv_done(FILE *f, prn_status pst)
{
	return (pst == PRN_OK && fflush(f) == 0 && !ferror(f)) ? AKSES_OK : AKSES_E_IO;
}

akses_status paper_export_log_csv(store *st, const char *day, FILE *f)
{
	struct akses_day_log log;
	struct prn_day_log pl;
	struct prn_log_visit *pv = NULL;
	struct prn_log_denied *pd = NULL;
	struct akses_config cfg;
	if (!st || !day || !f)
		return AKSES_E_INVALID_ARG;
	config_defaults(&cfg);
	akses_status rc = store_day_log(st, day, &log);
	if (rc != AKSES_OK)
		return rc;
	rc = paper_log_to_prn(&log, &cfg, &pl, &pv, &pd);
	if (rc == AKSES_OK)
		rc = csv_done(f, prn_csv_day_log(&pl, f));
	free(pv);
	free(pd);
	store_day_log_free(&log);
	return rc;
}

akses_status paper_export_compliance_csv(store *st, const char *from, const char *to,
                                         FILE *f)
{
	struct prn_comp_row *rows = NULL;
	int n = 0;
	if (!st || !from || !to || !f)
		return AKSES_E_INVALID_ARG;
	akses_status rc = paper_comp_to_prn(st, from, to, &rows, &n);
	if (rc != AKSES_OK)
		return rc;
	struct prn_compliance c = {.from = from, .to = to, .n = n, .rows = rows};
	rc = csv_done(f, prn_csv_compliance(&c, f));
	free(rows);
	return rc;
}
