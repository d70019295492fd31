/* prn_int.h - what the printer's document files share: a drawing context over a cairo PDF surface
 * with one reusable pango layout, text fitting, QR drawing, A4 page furniture. Not public. */
#ifndef AKSES_PRN_INT_H
#define AKSES_PRN_INT_H

#include <cairo.h>
#include <libintl.h>
#include <pango/pangocairo.h>

#include "lang.h"
#include "prn.h"

#define PRN_FONT "DejaVu Sans"

/* The printer's own words, in the PRN_DOMAIN gettext domain (prn.h), in the thread's pinned
 * language when it has one (lang.h). */
#define R_(s) lang_gettext(PRN_DOMAIN, s)
#define RN_(s) (s)
#define PRN_PT_PER_MM (72.0 / 25.4)
#define PRN_MM(x) ((x) * PRN_PT_PER_MM)

enum prn_align { PRN_LEFT = 0, PRN_CENTER, PRN_RIGHT };

/* A laid-out piece of text kept for reuse: a document asks for the same text in the same box
 * again and again (a table's header on every page, the running head, measure-then-draw), and
 * laying it out (itemize, shape, wrap) is what costs in pango, not showing it. */
#define PRN_LAYOUTS 32
struct prn_lay {
	PangoLayout *lay;
	char *text; /* NULL: slot unused */
	double size, w;
	int max_lines;
	bool bold;
	enum prn_align align;
	unsigned long used; /* d->uses when last asked for: the least recent is replaced */
};

struct prn_doc {
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoLayout *lay;          /* owns the PangoContext every cached layout shares */
	PangoFontDescription *fd;
	PangoAttrList *attrs;      /* on every layout: no ligatures, no inserted hyphens */
	struct prn_lay cache[PRN_LAYOUTS];
	unsigned long uses;
	double w, h;           /* page size in points */
	double ml, mr, mt, mb; /* margins in points */
	double y;              /* the flow position on an A4 page */
	int page;              /* 1-based, the page being drawn */
	int pages_total;       /* known on the second pass (0: counting) */
	const struct prn_header *hdr;
	const char *title;     /* printed in every A4 page's running head */
	bool counting;         /* the first of two passes: lay out, draw nothing (all clipped) */
	struct prn_pdf *out;
	bool failed_write;
	/* called at the top of each continuation page after the running head (table headers) */
	void (*on_new_page)(struct prn_doc *d, const void *arg);
	const void *on_new_page_arg;
};

/* Open a PDF surface of w_mm x h_mm writing into out (or discarding when out is NULL). */
prn_status prn_doc_open(struct prn_doc *d, struct prn_pdf *out, double w_mm, double h_mm);
/* Finish the PDF (the last page shown) and release everything; returns the first error. */
prn_status prn_doc_close(struct prn_doc *d);

/* Draw text in a box at (x, y) of width w: size in points, bold or not, alignment, at most
 * max_lines lines (0: unlimited; over that it ends with an ellipsis). Returns the height used.
 * When draw is false only measures. */
double prn_text(struct prn_doc *d, double x, double y, double w, const char *text, double size,
                bool bold, enum prn_align align, int max_lines, bool draw);
/* Width of text on one line at size. */
double prn_text_width(struct prn_doc *d, const char *text, double size, bool bold);

/* Fit text into a w x max_h box: the largest size from max_size down to min_size at which it fits
 * on one line; failing that, wrapped on as few lines as fit at the largest size that fits in
 * max_h (down to min_size, then smaller still rather than cut). Draws it; returns height used. */
double prn_text_fit(struct prn_doc *d, double x, double y, double w, double max_h,
                    const char *text, double max_size, double min_size, bool bold,
                    enum prn_align align);

/* Draw payload as a QR code (ECLEVEL_M, 4-module quiet zone included in size) with its top-left
 * at (x, y), side size points; vector rectangles. PRN_E_QR if it cannot be encoded. */
prn_status prn_qr(struct prn_doc *d, double x, double y, double size, const char *payload);

/* A4 page furniture: the letterhead (kop) on page 1, a running head on later pages, the footer
 * "Halaman X dari N" and printed time. prn_page_start draws the head and sets d->y. */
void prn_page_start(struct prn_doc *d);
void prn_page_end(struct prn_doc *d);
/* Make room for h points: when the page would overflow, end it and start the next. Returns true
 * when a new page was started. */
bool prn_need(struct prn_doc *d, double h);
/* A section heading in the flow. */
void prn_heading(struct prn_doc *d, const char *text);
/* "Label : value" lines in the flow, label column lw wide. */
void prn_field(struct prn_doc *d, double lw, const char *label, const char *value);
/* A thin horizontal rule across the text width at d->y. */
void prn_rule(struct prn_doc *d, double width_pt);

/* A two-pass render for A4 documents: the first pass counts pages, the second draws "dari N".
 * render draws everything from page 1 (prn_page_start already done) and returns a status. */
typedef prn_status (*prn_render_fn)(struct prn_doc *d, const void *arg);
prn_status prn_run_a4(struct prn_pdf *out, const struct prn_header *hdr, const char *title,
                      prn_render_fn render, const void *arg);

/* Vertical bar chart in the box: n bars, labels under each, values over each (as "12" or, with
 * percent, "85%"); ref_line > 0 draws a dashed reference line at that value. */
void prn_bar_chart(struct prn_doc *d, double x, double y, double w, double h, int n,
                   const double *values, const char *const *labels, bool percent,
                   double ref_line);

/* Set a fill colour from 0xRRGGBB. */
void prn_rgb(struct prn_doc *d, unsigned rgb);

/* A fast path for big tables: glyphs straight from cairo's scaled fonts (no shaping; each code
 * point's glyph and advance looked up once), greedy word wrap to at most max_lines lines with an
 * ellipsis, glyphs queued for the whole page and shown with one cairo call per font at
 * prn_fast_flush. Text it cannot handle simply (combining marks, scripts
 * needing shaping, glyphs missing from the font) is drawn through pango at once instead. */
struct prn_fast;
struct prn_fast *prn_fast_new(struct prn_doc *d, double size);
void prn_fast_free(struct prn_fast *f);
/* Queue a cell's text at (x, y top) in width w; drawn by prn_fast_flush. */
void prn_fast_cell(struct prn_fast *f, double x, double y, double w, const char *text, bool bold,
                   int max_lines);
void prn_fast_flush(struct prn_fast *f);

/* Safe text: NULL -> "". */
static inline const char *prn_s(const char *s)
{
	return s ? s : "";
}

#endif
