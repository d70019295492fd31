/* prn_draw.c - the drawing kit every document uses: a cairo PDF surface written into memory, one
 * reusable pango layout for all text, fitting long text, QR codes as vector squares, A4 page
 * furniture (letterhead, running head, "Halaman X dari N") and a small bar chart. Dates and CSV
 * cells are in prn_fmt.c. */
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <qrencode.h>

#include "prn_int.h"

/* ---- PDF in memory ------------------------------------------------------------------------ */

/* cairo's write callback: append to the prn_pdf buffer, growing it by doubling. */
static cairo_status_t pdf_write(void *closure, const unsigned char *data, unsigned int length)
{
	struct prn_doc *d = closure;
	struct prn_pdf *p = d->out;

	if (!p)
		return CAIRO_STATUS_SUCCESS;
	if (p->len + length > p->cap) {
		size_t cap = p->cap ? p->cap : 65536;
		while (cap < p->len + length)
			cap *= 2;
		unsigned char *nd = realloc(p->data, cap);
		if (!nd) {
			d->failed_write = true;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		p->data = nd;
		p->cap = cap;
	}
	memcpy(p->data + p->len, data, length);
	p->len += length;
	return CAIRO_STATUS_SUCCESS;
}

void prn_pdf_free(struct prn_pdf *pdf)
{
	if (!pdf)
		return;
	free(pdf->data);
	memset(pdf, 0, sizeof(*pdf));
}

prn_status prn_pdf_write(const struct prn_pdf *pdf, FILE *f)
{
	if (!pdf || !pdf->data || !f)
		return PRN_E_ARG;
	size_t w = fwrite(pdf->data, 1, pdf->len, f);
	return (w == pdf->len && fflush(f) == 0) ? PRN_OK : PRN_E_IO;
}

prn_status prn_pdf_save(const struct prn_pdf *pdf, const char *path)
{
	if (!pdf || !pdf->data || !path)
		return PRN_E_ARG;
	/* 0600 and never through a symbolic link: a badge holds a live QR code. */
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return PRN_E_IO;
	FILE *f = fdopen(fd, "wb");
	if (!f) {
		close(fd);
		return PRN_E_IO;
	}
	prn_status st = prn_pdf_write(pdf, f);
	int rc = fclose(f);
	return (st == PRN_OK && rc == 0) ? PRN_OK : PRN_E_IO;
}

const char *prn_status_code(prn_status st)
{
	switch (st) {
	case PRN_OK: return "ok";
	case PRN_E_NOMEM: return "no-memory";
	case PRN_E_ARG: return "bad-argument";
	case PRN_E_RENDER: return "render-failed";
	case PRN_E_IO: return "write-failed";
	case PRN_E_QR: return "qr-failed";
	case PRN_E_NO_SCHEDULER: return "scheduler-unreachable";
	case PRN_E_NO_PRINTER: return "unknown-printer";
	case PRN_E_NO_DEFAULT: return "no-default-printer";
	case PRN_E_STOPPED: return "queue-stopped";
	case PRN_E_REJECTING: return "queue-rejecting";
	case PRN_E_SUBMIT: return "submit-failed";
	case PRN_E_JOB_ABORTED: return "job-aborted";
	case PRN_E_JOB_CANCELED: return "job-canceled";
	case PRN_E_JOB_STOPPED: return "job-stopped";
	case PRN_E_TIMEOUT: return "job-timeout";
	case PRN_E_NO_JOB: return "unknown-job";
	}
	return "unknown";
}

/* ---- the drawing context ------------------------------------------------------------------ */

prn_status prn_doc_open(struct prn_doc *d, struct prn_pdf *out, double w_mm, double h_mm)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
	d->w = PRN_MM(w_mm);
	d->h = PRN_MM(h_mm);
	if (out) {
		out->w_mm = w_mm;
		out->h_mm = h_mm;
	}
	d->surf = cairo_pdf_surface_create_for_stream(pdf_write, d, d->w, d->h);
	if (cairo_surface_status(d->surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(d->surf);
		return PRN_E_RENDER;
	}
	cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_CREATOR, "Akses");
	d->cr = cairo_create(d->surf);
	d->lay = pango_cairo_create_layout(d->cr);
	d->fd = pango_font_description_from_string(PRN_FONT);
	/* Ligatures off: cairo writes an "fi" glyph with no Unicode mapping, so text read back from
	 * the PDF (pdftotext, a screen reader, a search) said "veri kasi". No hyphen inserted where a
	 * long word must break: "Langka-h" read as a hyphenated word. */
	d->attrs = pango_attr_list_new();
	if (d->attrs) {
		pango_attr_list_insert(d->attrs, pango_attr_font_features_new("liga=0, clig=0, dlig=0"));
		pango_attr_list_insert(d->attrs, pango_attr_insert_hyphens_new(FALSE));
	}
	if (!d->lay || !d->fd || !d->attrs) {
		prn_doc_close(d);
		return PRN_E_NOMEM;
	}
	/* One layout unit = one PDF point, and no hinting: positions measured are positions drawn. */
	PangoContext *ctx = pango_layout_get_context(d->lay);
	pango_cairo_context_set_resolution(ctx, 72.0);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	/* Glyphs at their true positions: rounded to whole points, small text (the letterhead's
	 * lines at 7-8 pt) got visibly uneven gaps between its letters. */
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_layout_context_changed(d->lay);
	d->page = 1;
	return PRN_OK;
}

prn_status prn_doc_close(struct prn_doc *d)
{
	prn_status st = PRN_OK;
	if (d->cr && cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
		st = PRN_E_RENDER;
	for (int i = 0; i < PRN_LAYOUTS; i++) {
		if (d->cache[i].lay)
			g_object_unref(d->cache[i].lay);
		free(d->cache[i].text);
		d->cache[i].lay = NULL;
		d->cache[i].text = NULL;
	}
	if (d->fd)
		pango_font_description_free(d->fd);
	if (d->attrs)
		pango_attr_list_unref(d->attrs);
	d->attrs = NULL;
	if (d->lay)
		g_object_unref(d->lay);
	if (d->cr)
		cairo_destroy(d->cr);
	if (d->surf) {
		cairo_surface_finish(d->surf);
		if (st == PRN_OK && cairo_surface_status(d->surf) != CAIRO_STATUS_SUCCESS)
			st = d->failed_write ? PRN_E_NOMEM : PRN_E_RENDER;
		cairo_surface_destroy(d->surf);
	}
	if (d->out)
		d->out->pages = d->page;
	d->fd = NULL;
	d->lay = NULL;
	d->cr = NULL;
	d->surf = NULL;
	return st;
}

void prn_rgb(struct prn_doc *d, unsigned rgb)
{
	cairo_set_source_rgb(d->cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
	                     (rgb & 0xff) / 255.0);
}

/* Configure a layout for one piece of text. Every property is set, so a reused layout lays out
 * exactly as a new one would. */
static void lay_set(struct prn_doc *d, PangoLayout *lay, const char *text, double size, bool bold,
                    double w, enum prn_align align, int max_lines)
{
	pango_font_description_set_size(d->fd, (gint)(size * PANGO_SCALE));
	pango_font_description_set_weight(d->fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(lay, d->fd);
	pango_layout_set_width(lay, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(lay, align == PRN_CENTER  ? PANGO_ALIGN_CENTER
	                                : align == PRN_RIGHT ? PANGO_ALIGN_RIGHT
	                                                     : PANGO_ALIGN_LEFT);
	if (max_lines > 0 && w > 0) {
		pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(lay, -max_lines);
	} else {
		pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_NONE);
		pango_layout_set_height(lay, -1);
	}
	pango_layout_set_attributes(lay, d->attrs);
	pango_layout_set_text(lay, text, -1);
}

/* The layout for text in this box: a cached one when the same text, size, weight, width,
 * alignment and line limit were asked for lately, else the least recently used slot laid out
 * anew (all slots share d->lay's context: 72 dpi, no hinting). Owned by d. When memory runs out
 * the shared d->lay is used uncached, as before the cache existed. */
static PangoLayout *lay_get(struct prn_doc *d, const char *text, double size, bool bold, double w,
                            enum prn_align align, int max_lines)
{
	struct prn_lay *old = &d->cache[0];
	text = prn_s(text);
	d->uses++;
	for (int i = 0; i < PRN_LAYOUTS; i++) {
		struct prn_lay *c = &d->cache[i];
		if (c->text && c->size == size && c->w == w && c->max_lines == max_lines &&
		    c->bold == bold && c->align == align && strcmp(c->text, text) == 0) {
			c->used = d->uses;
			return c->lay;
		}
		if (c->used < old->used)
			old = c;
	}
	free(old->text);
	old->text = strdup(text);
	if (!old->lay)
		old->lay = pango_layout_new(pango_layout_get_context(d->lay));
	if (!old->text || !old->lay) {
		free(old->text);
		old->text = NULL;
		lay_set(d, d->lay, text, size, bold, w, align, max_lines);
		return d->lay;
	}
	old->size = size;
	old->w = w;
	old->max_lines = max_lines;
	old->bold = bold;
	old->align = align;
	old->used = d->uses;
	lay_set(d, old->lay, text, size, bold, w, align, max_lines);
	return old->lay;
}

double prn_text(struct prn_doc *d, double x, double y, double w, const char *text, double size,
                bool bold, enum prn_align align, int max_lines, bool draw)
{
	int lw, lh;
	PangoLayout *lay = lay_get(d, text, size, bold, w, align, max_lines);
	pango_layout_get_size(lay, &lw, &lh);
	/* The counting pass only needs heights: showing would be clipped away anyway. */
	if (draw && !d->counting) {
		cairo_move_to(d->cr, x, y);
		pango_cairo_show_layout(d->cr, lay);
	}
	return (double)lh / PANGO_SCALE;
}

double prn_text_width(struct prn_doc *d, const char *text, double size, bool bold)
{
	int lw, lh;
	pango_layout_get_size(lay_get(d, text, size, bold, -1, PRN_LEFT, 0), &lw, &lh);
	return (double)lw / PANGO_SCALE;
}

double prn_text_fit(struct prn_doc *d, double x, double y, double w, double max_h,
                    const char *text, double max_size, double min_size, bool bold,
                    enum prn_align align)
{
	double size;
	/* 1. Shrink on one line. */
	for (size = max_size; size >= min_size - 1e-9; size -= 0.5) {
		double tw = prn_text_width(d, text, size, bold);
		double th = prn_text(d, x, y, -1, text, size, bold, align, 0, false);
		if (tw <= w && th <= max_h)
			return prn_text(d, x, y, w, text, size, bold, align, 0, true);
	}
	/* 2. Wrap, from the largest size down, until the lines fit the height. Below min_size we keep
	 * shrinking rather than cut anything: a name must never be lost. */
	for (size = max_size; size >= 3.0; size -= 0.5) {
		double th = prn_text(d, x, y, w, text, size, bold, align, 0, false);
		if (th <= max_h)
			return prn_text(d, x, y, w, text, size, bold, align, 0, true);
	}
	return prn_text(d, x, y, w, text, 3.0, bold, align, 0, true);
}

/* ---- QR ----------------------------------------------------------------------------------- */

prn_status prn_qr(struct prn_doc *d, double x, double y, double size, const char *payload)
{
	if (!payload || !*payload)
		return PRN_E_QR;
	/* casesensitive=1 keeps the uppercase base32 token as is; libqrencode picks alphanumeric
	 * mode for it by itself. */
	QRcode *q = QRcode_encodeString(payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return PRN_E_QR;
	int n = q->width;
	double m = size / (n + 8); /* 4 modules of quiet zone on each side */

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 1, 1, 1);
	cairo_rectangle(d->cr, x, y, size, size);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	for (int r = 0; r < n; r++) {
		int c = 0;
		while (c < n) {
			if (!(q->data[r * n + c] & 1)) {
				c++;
				continue;
			}
			int c0 = c;
			while (c < n && (q->data[r * n + c] & 1))
				c++;
			/* Runs merged per row; each square overlaps the next row by a hair so a
			 * rasterizer leaves no white seam between rows. */
			cairo_rectangle(d->cr, x + (c0 + 4) * m, y + (r + 4) * m, (c - c0) * m,
			                m + (r + 1 < n ? m * 0.02 : 0));
		}
	}
	cairo_fill(d->cr);
	cairo_restore(d->cr);
	QRcode_free(q);
	return PRN_OK;
}

/* ---- A4 page furniture -------------------------------------------------------------------- */

void prn_page_start(struct prn_doc *d)
{
	const struct prn_header *h = d->hdr;
	double x = d->ml, w = d->w - d->ml - d->mr;
	d->y = d->mt;
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	if (d->page == 1) {
		/* Letterhead (kop surat): agency, unit, city, a double rule, then the title. */
		d->y += prn_text_fit(d, x, d->y, w, 34, prn_s(h ? h->agency : NULL), 13, 10, true,
		                     PRN_CENTER);
		if (h && h->unit && *h->unit)
			d->y += prn_text(d, x, d->y, w, h->unit, 11, false, PRN_CENTER, 0, true);
		if (h && h->city && *h->city)
			d->y += prn_text(d, x, d->y, w, h->city, 9, false, PRN_CENTER, 0, true);
		d->y += 4;
		prn_rule(d, 1.6);
		d->y += 2.5;
		prn_rule(d, 0.5);
		d->y += 10;
		d->y += prn_text(d, x, d->y, w, prn_s(d->title), 14, true, PRN_CENTER, 0, true);
		d->y += 8;
	} else {
		char line[512];
		snprintf(line, sizeof(line), "%s — %s", prn_s(d->title),
		         prn_s(h ? h->agency : NULL));
		d->y += prn_text(d, x, d->y, w, line, 8, false, PRN_LEFT, 1, true);
		d->y += 3;
		prn_rule(d, 0.5);
		d->y += 8;
	}
}

void prn_page_end(struct prn_doc *d)
{
	char left[256], right[64], day[64], hm[16];
	double x = d->ml, w = d->w - d->ml - d->mr;
	double y = d->h - d->mb + 8;
	const struct prn_header *h = d->hdr;
	int64_t at = h ? h->printed_at : 0;

	if (d->counting) /* the footer moves nothing: counting has no use for it */
		return;
	cairo_set_source_rgb(d->cr, 0.25, 0.25, 0.25);
	snprintf(left, sizeof(left), "%s %s %s %s%s%s",
	         (h && h->reprint) ? R_("Reprinted") : R_("Printed"),
	         prn_fmt_day_long(at, day, sizeof(day)), R_("at"), prn_fmt_hm(at, hm, sizeof(hm)),
	         (h && h->station && *h->station) ? R_(" · Station ") : "",
	         (h && h->station) ? h->station : "");
	if (d->pages_total > 0)
		snprintf(right, sizeof(right), R_("Page %d of %d"), d->page, d->pages_total);
	else
		snprintf(right, sizeof(right), R_("Page %d"), d->page);
	cairo_move_to(d->cr, x, y - 3);
	cairo_line_to(d->cr, x + w, y - 3);
	cairo_set_line_width(d->cr, 0.4);
	cairo_stroke(d->cr);
	prn_text(d, x, y, w * 0.7, left, 7.5, false, PRN_LEFT, 1, true);
	prn_text(d, x + w * 0.6, y, w * 0.4, right, 7.5, false, PRN_RIGHT, 1, true);
	if (h && h->audit_head && *h->audit_head) {
		char anchor[128];
		snprintf(anchor, sizeof(anchor), R_("Audit trail %s"), h->audit_head);
		prn_text(d, x, y + 10, w, anchor, 7.5, false, PRN_LEFT, 1, true);
	}
	cairo_set_source_rgb(d->cr, 0, 0, 0);
}

bool prn_need(struct prn_doc *d, double h)
{
	if (d->y + h <= d->h - d->mb)
		return false;
	prn_page_end(d);
	cairo_show_page(d->cr);
	d->page++;
	prn_page_start(d);
	if (d->on_new_page)
		d->on_new_page(d, d->on_new_page_arg);
	return true;
}

void prn_rule(struct prn_doc *d, double width_pt)
{
	cairo_set_line_width(d->cr, width_pt);
	cairo_move_to(d->cr, d->ml, d->y);
	cairo_line_to(d->cr, d->w - d->mr, d->y);
	cairo_stroke(d->cr);
}

void prn_heading(struct prn_doc *d, const char *text)
{
	double w = d->w - d->ml - d->mr;
	prn_need(d, 40);
	d->y += 6;
	d->y += prn_text(d, d->ml, d->y, w, text, 11, true, PRN_LEFT, 0, true);
	d->y += 2;
	prn_rule(d, 0.6);
	d->y += 5;
}

void prn_field(struct prn_doc *d, double lw, const char *label, const char *value)
{
	double w = d->w - d->ml - d->mr;
	double hv = prn_text(d, 0, 0, w - lw - 8, value, 10, false, PRN_LEFT, 0, false);
	prn_need(d, hv + 3);
	prn_text(d, d->ml, d->y, lw, label, 10, false, PRN_LEFT, 0, true);
	prn_text(d, d->ml + lw, d->y, 8, ":", 10, false, PRN_LEFT, 0, true);
	d->y += prn_text(d, d->ml + lw + 8, d->y, w - lw - 8, value, 10, false, PRN_LEFT, 0, true);
	d->y += 3;
}

prn_status prn_run_a4(struct prn_pdf *out, const struct prn_header *hdr, const char *title,
                      prn_render_fn render, const void *arg)
{
	struct prn_doc d;
	prn_status st;
	int pages = 0;

	if (!out || !render)
		return PRN_E_ARG;
	memset(out, 0, sizeof(*out));
	/* Pass 1 counts pages into no output; pass 2 draws with "dari N" known. */
	for (int pass = 0; pass < 2; pass++) {
		st = prn_doc_open(&d, pass ? out : NULL, PRN_A4_W, PRN_A4_H);
		if (st != PRN_OK)
			return st;
		d.hdr = hdr;
		d.title = title;
		d.ml = d.mr = PRN_MM(18);
		d.mt = PRN_MM(14);
		d.mb = PRN_MM(16);
		d.counting = pass == 0;
		d.pages_total = pages;
		if (d.counting) {
			/* Nothing drawn while counting reaches the PDF: an empty clip makes cairo drop
			 * every fill, stroke and glyph at once, so each counted page costs its layout
			 * only (the clip outlives show_page: it is graphics state). */
			cairo_rectangle(d.cr, 0, 0, 0, 0);
			cairo_clip(d.cr);
		}
		prn_page_start(&d);
		st = render(&d, arg);
		prn_page_end(&d);
		pages = d.page;
		prn_status cst = prn_doc_close(&d);
		if (st == PRN_OK)
			st = cst;
		if (st != PRN_OK) {
			prn_pdf_free(out);
			return st;
		}
	}
	out->pages = pages;
	return PRN_OK;
}

/* ---- a bar chart -------------------------------------------------------------------------- */

void prn_bar_chart(struct prn_doc *d, double x, double y, double w, double h, int n,
                   const double *values, const char *const *labels, bool percent,
                   double ref_line)
{
	double max = 0;
	for (int i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	if (ref_line > max)
		max = ref_line;
	if (max <= 0)
		max = 1;
	double lab_h = 10, val_h = 9;
	double ph = h - lab_h - val_h; /* plot height */
	double slot = w / (n > 0 ? n : 1);
	double bw = slot * 0.7;

	cairo_save(d->cr);
	cairo_set_line_width(d->cr, 0.5);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_move_to(d->cr, x, y + val_h + ph);
	cairo_line_to(d->cr, x + w, y + val_h + ph);
	cairo_stroke(d->cr);
	for (int i = 0; i < n; i++) {
		double bh = ph * values[i] / max;
		double bx = x + i * slot + (slot - bw) / 2;
		/* a zero is a result too: a red stub and "0%", not a gap that reads as missing data */
		if (bh < 1.5) {
			bh = 1.5;
			prn_rgb(d, 0xb03030);
		} else {
			prn_rgb(d, 0x2f5d8a);
		}
		cairo_rectangle(d->cr, bx, y + val_h + ph - bh, bw, bh);
		cairo_fill(d->cr);
		cairo_set_source_rgb(d->cr, 0, 0, 0);
		{
			char v[32];
			if (percent)
				snprintf(v, sizeof(v), "%.0f%%", values[i]);
			else
				snprintf(v, sizeof(v), "%.0f", values[i]);
			prn_text(d, x + i * slot - 4, y + val_h + ph - bh - val_h, slot + 8, v, 6.5,
			         false, PRN_CENTER, 1, true);
		}
		if (labels && labels[i])
			prn_text(d, x + i * slot - 4, y + val_h + ph + 1.5, slot + 8, labels[i], 6.5,
			         false, PRN_CENTER, 1, true);
	}
	if (ref_line > 0) {
		double ry = y + val_h + ph - ph * ref_line / max;
		static const double dash[] = {3, 2};
		prn_rgb(d, 0xb03030);
		cairo_set_dash(d->cr, dash, 2, 0);
		cairo_move_to(d->cr, x, ry);
		cairo_line_to(d->cr, x + w, ry);
		cairo_stroke(d->cr);
	}
	cairo_restore(d->cr);
}
