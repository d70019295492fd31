/* paper_int.h - what the paper glue's files share: the message table for printer/ codes and the
 * conversions from core records to printer structs. Not for use outside kiosk/paper. */
#ifndef AKSES_PAPER_INT_H
#define AKSES_PAPER_INT_H

#include "paper.h"
#include "prn.h"

#define PAPER_DOMAIN "akses-paper"

/* The translated sentence for a printer code; may hold "%s" placeholders for the queue name (at
 * most two, both the queue). Never NULL. */
const char *paper_prn_message(prn_status st);

#endif
