/* prn_badge.c - the visitor pass and the submission receipt, on a label (62x100 mm portrait by
 * default, CR80 landscape, A6). The pass's red band marks a visitor, unlike staff cards; its QR
 * carries the opaque token only. Long names shrink, then wrap; nothing is cut. */
#include <string.h>

#include "prn_int.h"

#define BADGE_RED 0xc0392b     /* visitor band: visibly not a staff card */
#define RECEIPT_BLUE 0x1f4e79  /* receipt band: not to be mistaken for a pass */

/* "Sen, 01 Des 2026 09:00–12:00", or both days when the window crosses midnight. */
static void window_text(int64_t start, int64_t end, char *buf, size_t n)
{
	char d1[40], d2[40], h1[16], h2[16];
	prn_fmt_day_short(start, d1, sizeof(d1));
	prn_fmt_day_short(end, d2, sizeof(d2));
	prn_fmt_hm(start, h1, sizeof(h1));
	prn_fmt_hm(end, h2, sizeof(h2));
	if (strcmp(d1, d2) == 0)
		snprintf(buf, n, "%s %s–%s", d1, h1, h2);
	else
		snprintf(buf, n, "%s %s – %s %s", d1, h1, d2, h2);
}

/* A coloured band across the label with one or two centred white lines; returns its height. */
static double band(struct prn_doc *d, double y, double h, unsigned rgb, const char *l1,
                   const char *l2, double k)
{
	double pad = PRN_MM(2) * k;
	prn_rgb(d, rgb);
	cairo_rectangle(d->cr, 0, y, d->w, h);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 1, 1, 1);
	/* Each line shrinks until it fits on one line; then both are centred as a block. */
	double avail = d->w - 2 * pad, s1 = 11 * k, s2 = 6.5 * k;
	while (s1 > 5 * k && prn_text_width(d, l1, s1, true) > avail)
		s1 -= 0.25;
	while (l2 && s2 > 3.5 * k && prn_text_width(d, l2, s2, true) > avail)
		s2 -= 0.25;
	double h1 = prn_text(d, 0, 0, -1, l1, s1, true, PRN_CENTER, 0, false);
	double h2 = l2 ? prn_text(d, 0, 0, -1, l2, s2, true, PRN_CENTER, 0, false) : 0;
	double ty = y + (h - h1 - h2) / 2;
	prn_text(d, pad, ty, avail, l1, s1, true, PRN_CENTER, 0, true);
	if (l2)
		prn_text(d, pad, ty + h1, avail, l2, s2, true, PRN_CENTER, 0, true);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	return h;
}

/* Render the label body shared by badge and receipt. lines: up to 6 (label, value, size, bold)
 * rows under the name; the first line of lines may be the big item. */
struct label_line {
	const char *text;
	double size;   /* at k = 1 */
	bool bold;
	double box_mm; /* height allowed (portrait) */
};

/* Lay out a label: band, small agency line, the lines (each fitted into its box), the QR and
 * the caption under it. Portrait when taller than wide; otherwise text left, QR right. */
static prn_status label_layout(struct prn_doc *d, unsigned band_rgb, const char *band1,
                               const char *band2, const char *agency,
                               const struct label_line *lines, int n, const char *qr,
                               const char *caption)
{
	bool portrait = d->h >= d->w;
	double wmm = d->w / PRN_PT_PER_MM, hmm = d->h / PRN_PT_PER_MM;
	double k = portrait ? (wmm / 62.0 < hmm / 100.0 ? wmm / 62.0 : hmm / 100.0)
	                    : (hmm / 54.0 < wmm / 85.6 ? hmm / 54.0 : wmm / 85.6);
	double m = PRN_MM(3) * k;
	double y = 0;
	prn_status st;

	y += band(d, 0, PRN_MM(portrait ? 13 : 10) * k, band_rgb, band1, band2, k);
	y += PRN_MM(1.2) * k;
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	y += prn_text_fit(d, m, y, d->w - 2 * m, PRN_MM(3) * k, agency, 5.5 * k, 3.5 * k, false,
	                  PRN_CENTER);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	y += PRN_MM(1.2) * k;

	double qr_side, qx, qy, tx, tw;
	if (portrait) {
		qr_side = PRN_MM(35) * k;
		tx = m;
		tw = d->w - 2 * m;
		qx = (d->w - qr_side) / 2;
		qy = d->h - qr_side - PRN_MM(7) * k;
	} else {
		qr_side = d->h - y - PRN_MM(8) * k;
		if (qr_side > d->w * 0.42)
			qr_side = d->w * 0.42;
		qx = d->w - qr_side - m * 0.5;
		qy = y;
		tx = m;
		tw = qx - tx - m * 0.5;
	}
	double scale = portrait ? 1.0 : (d->h - y - m) / PRN_MM(52); /* landscape: squeeze boxes */
	if (scale > 1.0)
		scale = 1.0;
	for (int i = 0; i < n; i++) {
		if (!lines[i].text || !*lines[i].text)
			continue;
		double box = PRN_MM(lines[i].box_mm) * k * scale;
		double used = prn_text_fit(d, tx, y, tw, box, lines[i].text, lines[i].size * k,
		                           lines[i].size * k * 0.6, lines[i].bold,
		                           portrait ? PRN_CENTER : PRN_LEFT);
		y += (used > box ? used : box) * 0.35 + used * 0.65 + PRN_MM(0.8) * k;
	}
	st = prn_qr(d, qx, qy, qr_side, qr);
	if (st != PRN_OK)
		return st;
	/* The caption under the QR, kept inside the page on a landscape card. */
	double cx0 = qx - m, cx1 = qx + qr_side + m;
	if (cx1 > d->w - m * 0.3)
		cx1 = d->w - m * 0.3;
	prn_text_fit(d, cx0, qy + qr_side, cx1 - cx0, PRN_MM(5) * k, caption, 8.5 * k, 4 * k, true,
	             PRN_CENTER);
	return PRN_OK;
}

/* Open a single-page label document, run the layout, close. */
static prn_status label_doc(struct prn_pdf *out, double w_mm, double h_mm, unsigned band_rgb,
                            const char *band1, const char *band2, const char *agency,
                            const struct label_line *lines, int n, const char *qr,
                            const char *caption)
{
	struct prn_doc d;
	if (w_mm <= 10 || h_mm <= 10) {
		w_mm = PRN_LABEL_W;
		h_mm = PRN_LABEL_H;
	}
	memset(out, 0, sizeof(*out));
	prn_status st = prn_doc_open(&d, out, w_mm, h_mm);
	if (st != PRN_OK)
		return st;
	st = label_layout(&d, band_rgb, band1, band2, agency, lines, n, qr, caption);
	prn_status cst = prn_doc_close(&d);
	if (st == PRN_OK)
		st = cst;
	if (st != PRN_OK)
		prn_pdf_free(out);
	return st;
}

prn_status prn_render_badge(const struct prn_badge *b, struct prn_pdf *out)
{
	char win[128], esc[512];
	if (!b || !out || !b->token || !*b->token || !b->name)
		return PRN_E_ARG;
	window_text(b->start_at, b->end_at, win, sizeof(win));
	snprintf(esc, sizeof(esc), "Pendamping / Escort: %s",
	         (b->escort && *b->escort) ? b->escort : "-");
	const struct label_line lines[] = {
		{b->name, 15, true, 17},
		{b->institution, 9, false, 8},
		{win, 8, true, 4.5},
		{esc, 7, false, 4.5},
	};
	/* a reprint says so under its QR: the badge it replaced no longer opens the door */
	char caption[160], d1[40], h1[16];
	if (b->reprinted_at)
		snprintf(caption, sizeof(caption), "%s · Cetak ulang / Reprint %s %s",
		         b->number ? b->number : "", prn_fmt_day_short(b->reprinted_at, d1, sizeof(d1)),
		         prn_fmt_hm(b->reprinted_at, h1, sizeof(h1)));
	else
		snprintf(caption, sizeof(caption), "%s", b->number ? b->number : "");
	return label_doc(out, b->w_mm, b->h_mm, BADGE_RED, "PENGUNJUNG / VISITOR",
	                 "WAJIB DIDAMPINGI · MUST BE ESCORTED", b->agency, lines, 4, b->token,
	                 caption);
}

prn_status prn_render_receipt(const struct prn_receipt *r, struct prn_pdf *out)
{
	char win[128], sub[96], d1[40], h1[16];
	if (!r || !out || !r->token || !*r->token || !r->number)
		return PRN_E_ARG;
	window_text(r->start_at, r->end_at, win, sizeof(win));
	snprintf(sub, sizeof(sub), R_("Submitted %s %s"),
	         prn_fmt_day_short(r->submitted_at, d1, sizeof(d1)),
	         prn_fmt_hm(r->submitted_at, h1, sizeof(h1)));
	char want[160];
	snprintf(want, sizeof(want), R_("Requested window: %s"), win);
	const struct label_line lines[] = {
		{r->number, 13, true, 7},
		{r->name, 9, false, 6},
		{sub, 6.5, false, 3.5},
		{want, 6.5, false, 3.5},
		{R_("Next: disposition, verification and the Head of Division's decision. Check the "
		    "status by scanning this QR code at the kiosk, or type the number and the last 4 "
		    "digits of your phone. Once approved, print your visitor pass at the kiosk."),
		 6, false, 12},
	};
	/* the visitor's paper: in the language they used at the kiosk; the band that says it is no
	 * pass stays in both, for the guard at the door */
	return label_doc(out, r->w_mm, r->h_mm, RECEIPT_BLUE, R_("REQUEST RECEIPT"),
	                 "BUKAN KARTU AKSES · NOT AN ACCESS PASS", r->agency, lines, 5, r->token,
	                 R_("Check status"));
}
