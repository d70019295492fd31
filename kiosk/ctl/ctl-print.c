/* ctl-print.c - aksesctl's "print" and "export" commands: documents to CUPS or to a PDF file, and
 * CSV exports. (First cut: the command table entry points; the paper glue is wired in next.) */
#include <stdio.h>
#include <string.h>

#include "ctl.h"

/* `aksesctl print ...`: not wired to the paper glue yet; says so plainly. */
int ctl_cmd_print(struct ctl *c, int argc, char **argv)
{
	(void)c;
	if (argc < 2)
		return ctl_usage("print badge|receipt|log|report|compliance|inside|letter|"
		                 "disposition|status ...");
	fprintf(stderr, "aksesctl: print %s: not available in this build yet\n", argv[1]);
	return CTL_EXIT_FAIL;
}

/* `aksesctl export ...`: not wired to the paper glue yet; says so plainly. */
int ctl_cmd_export(struct ctl *c, int argc, char **argv)
{
	(void)c;
	if (argc < 2)
		return ctl_usage("export log DAY --csv [--out FILE] | export compliance --from D --to D "
		                 "--csv [--out FILE]");
	fprintf(stderr, "aksesctl: export %s: not available in this build yet\n", argv[1]);
	return CTL_EXIT_FAIL;
}
