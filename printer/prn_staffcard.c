/* prn_staffcard.c - a staff member's own card: a dark "PETUGAS / STAFF" band (never the visitor's
 * red), the name, the role, and a QR of the staff code that signs them in at the kiosk. */
#include <string.h>

#include "prn_int.h"

#define STAFF_BAND 0x1b3a2f /* dark green: a staff card, at a glance not a visitor pass */

/* Draw the card on d: band across the top, text on the left, QR on the right (landscape) or text
 * over the QR (portrait). Returns the QR's status. */
static prn_status staffcard_layout(struct prn_doc *d, const struct prn_staffcard *c)
{
	bool portrait = d->h > d->w;
	double wmm = d->w / PRN_PT_PER_MM, hmm = d->h / PRN_PT_PER_MM;
	/* scale against CR80 (85.6 x 54 landscape, or its portrait turn) */
	double k = portrait ? (wmm / 54.0 < hmm / 85.6 ? wmm / 54.0 : hmm / 85.6)
	                    : (wmm / 85.6 < hmm / 54.0 ? wmm / 85.6 : hmm / 54.0);
	double m = PRN_MM(3) * k, band_h = PRN_MM(10) * k;

	prn_rgb(d, STAFF_BAND);
	cairo_rectangle(d->cr, 0, 0, d->w, band_h);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 1, 1, 1);
	prn_text_fit(d, m, PRN_MM(1.2) * k, d->w - 2 * m, PRN_MM(5) * k, "PETUGAS / STAFF", 11 * k,
	             6 * k, true, PRN_CENTER);
	prn_text_fit(d, m, PRN_MM(6.2) * k, d->w - 2 * m, PRN_MM(3) * k,
	             "Kartu masuk kiosk · Kiosk sign-in card", 6 * k, 3.5 * k, false, PRN_CENTER);
	cairo_set_source_rgb(d->cr, 0, 0, 0);

	double y = band_h + PRN_MM(1.5) * k;
	double qr_side, qx, qy, tx, tw;
	if (portrait) {
		qr_side = d->w - 4 * m;
		qx = 2 * m;
		qy = d->h - qr_side - PRN_MM(6) * k;
		tx = m;
		tw = d->w - 2 * m;
	} else {
		qr_side = d->h - band_h - PRN_MM(7) * k;
		qx = d->w - qr_side - m * 0.5;
		qy = y;
		tx = m;
		tw = qx - tx - m * 0.5;
	}
	enum prn_align al = portrait ? PRN_CENTER : PRN_LEFT;
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	y += prn_text_fit(d, tx, y, tw, PRN_MM(6) * k, prn_s(c->agency), 5.5 * k, 3.5 * k, false,
	                  al);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	y += PRN_MM(2) * k;
	y += prn_text_fit(d, tx, y, tw, PRN_MM(14) * k, prn_s(c->name), 14 * k, 7 * k, true, al);
	y += PRN_MM(1.5) * k;
	prn_text_fit(d, tx, y, tw, PRN_MM(8) * k, prn_s(c->role), 9 * k, 5 * k, false, al);

	prn_status st = prn_qr(d, qx, qy, qr_side, c->code);
	if (st != PRN_OK)
		return st;
	/* the caption under the QR, no wider than it, so it stays inside a landscape card */
	prn_text_fit(d, qx, qy + qr_side, qr_side, PRN_MM(4) * k,
	             "Pindai untuk masuk · Scan to sign in", 6 * k, 3 * k, false, PRN_CENTER);
	return PRN_OK;
}

prn_status prn_render_staffcard(const struct prn_staffcard *c, struct prn_pdf *out)
{
	if (!c || !out || !c->code || !*c->code || !c->name)
		return PRN_E_ARG;
	double w = c->w_mm, h = c->h_mm;
	if (w <= 10 || h <= 10) {
		w = PRN_CR80_W;
		h = PRN_CR80_H;
	}
	memset(out, 0, sizeof(*out));
	struct prn_doc d;
	prn_status st = prn_doc_open(&d, out, w, h);
	if (st != PRN_OK)
		return st;
	st = staffcard_layout(&d, c);
	prn_status cst = prn_doc_close(&d);
	if (st == PRN_OK)
		st = cst;
	if (st != PRN_OK)
		prn_pdf_free(out);
	return st;
}
