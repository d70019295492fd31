/* prn-fast.c - fast table text: cairo scaled-font glyphs without shaping, greedy wrapping and one
 * show_glyphs per font per row, so a 10,000-row daily log renders in well under a second. Text
 * that needs real shaping falls back to pango (prn_text). */
#include <stdlib.h>
#include <string.h>

#include "prn_int.h"

struct fast_font {
	cairo_scaled_font_t *sf;
	cairo_glyph_t *q; /* queued glyphs */
	int nq, capq;
	unsigned long ellipsis; /* glyph of U+2026 */
	double ell_w;
};

struct prn_fast {
	struct prn_doc *d;
	double size, line_h, ascent;
	struct fast_font f[2]; /* regular, bold */
};

/* Make the scaled font for one weight at size; false on failure. */
static bool font_init(struct prn_fast *fa, struct fast_font *ff, bool bold)
{
	cairo_t *cr = fa->d->cr;
	cairo_save(cr);
	cairo_select_font_face(cr, PRN_FONT, CAIRO_FONT_SLANT_NORMAL,
	                       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, fa->size);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
	ff->sf = cairo_scaled_font_reference(cairo_get_scaled_font(cr));
	cairo_restore(cr);
	if (cairo_scaled_font_status(ff->sf) != CAIRO_STATUS_SUCCESS)
		return false;
	cairo_glyph_t *g = NULL;
	int ng = 0;
	if (cairo_scaled_font_text_to_glyphs(ff->sf, 0, 0, "…", -1, &g, &ng, NULL, NULL, NULL) !=
	        CAIRO_STATUS_SUCCESS ||
	    ng != 1)
		return false;
	ff->ellipsis = g[0].index;
	cairo_text_extents_t te;
	cairo_scaled_font_glyph_extents(ff->sf, g, 1, &te);
	ff->ell_w = te.x_advance;
	cairo_glyph_free(g);
	return true;
}

struct prn_fast *prn_fast_new(struct prn_doc *d, double size)
{
	struct prn_fast *fa = calloc(1, sizeof(*fa));
	if (!fa)
		return NULL;
	fa->d = d;
	fa->size = size;
	if (!font_init(fa, &fa->f[0], false) || !font_init(fa, &fa->f[1], true)) {
		prn_fast_free(fa);
		return NULL;
	}
	cairo_font_extents_t fe;
	cairo_scaled_font_extents(fa->f[0].sf, &fe);
	fa->line_h = fe.height;
	fa->ascent = fe.ascent;
	return fa;
}

void prn_fast_free(struct prn_fast *fa)
{
	if (!fa)
		return;
	for (int i = 0; i < 2; i++) {
		if (fa->f[i].sf)
			cairo_scaled_font_destroy(fa->f[i].sf);
		free(fa->f[i].q);
	}
	free(fa);
}

/* True when every code point is one a plain glyph-per-character mapping draws right: no
 * combining marks, nothing from scripts that need shaping (Arabic, Indic ...). */
static bool simple_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		if (c < 0x80) {
			p++;
			continue;
		}
		unsigned cp;
		int n;
		if ((c & 0xe0) == 0xc0) {
			cp = c & 0x1f;
			n = 1;
		} else if ((c & 0xf0) == 0xe0) {
			cp = c & 0x0f;
			n = 2;
		} else {
			return false; /* 4-byte: emoji and rare scripts */
		}
		for (int i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		p += n + 1;
		if (cp >= 0x0300 && cp <= 0x036f) /* combining diacritics */
			return false;
		if (cp >= 0x0590 && cp < 0x1e00) /* Hebrew .. Myanmar etc. */
			return false;
		if (cp >= 0x20d0 && cp <= 0x20ff)
			return false;
		if (cp >= 0x2e80) /* CJK and beyond: DejaVu lacks them, pango falls back */
			return false;
	}
	return true;
}

/* Append n glyphs shifted by (dx, dy) to the font's queue. */
static bool queue(struct fast_font *ff, const cairo_glyph_t *g, int n, double dx, double dy)
{
	if (ff->nq + n > ff->capq) {
		int cap = ff->capq ? ff->capq * 2 : 512;
		while (cap < ff->nq + n)
			cap *= 2;
		cairo_glyph_t *nq = realloc(ff->q, (size_t)cap * sizeof(*nq));
		if (!nq)
			return false;
		ff->q = nq;
		ff->capq = cap;
	}
	for (int i = 0; i < n; i++) {
		ff->q[ff->nq].index = g[i].index;
		ff->q[ff->nq].x = g[i].x + dx;
		ff->q[ff->nq].y = g[i].y + dy;
		ff->nq++;
	}
	return true;
}

void prn_fast_cell(struct prn_fast *fa, double x, double y, double w, const char *text, bool bold,
                   int max_lines)
{
	struct fast_font *ff = &fa->f[bold ? 1 : 0];
	cairo_glyph_t *g = NULL;
	int ng = 0;

	if (!text || !*text)
		return;
	if (!simple_text(text) ||
	    cairo_scaled_font_text_to_glyphs(ff->sf, 0, 0, text, -1, &g, &ng, NULL, NULL, NULL) !=
	        CAIRO_STATUS_SUCCESS) {
		prn_text(fa->d, x, y, w, text, fa->size, bold, PRN_LEFT, max_lines, true);
		return;
	}
	/* One glyph per code point here (no shaping): glyph i is code point i. Missing glyphs
	 * (index 0) mean the font lacks the character: let pango find a fallback font. */
	for (int i = 0; i < ng; i++) {
		if (g[i].index == 0) {
			cairo_glyph_free(g);
			prn_text(fa->d, x, y, w, text, fa->size, bold, PRN_LEFT, max_lines, true);
			return;
		}
	}
	/* Code point index -> is a space, for breaking. */
	char *space = malloc((size_t)ng + 1);
	if (!space) {
		cairo_glyph_free(g);
		return;
	}
	{
		const unsigned char *p = (const unsigned char *)text;
		for (int i = 0; i < ng && *p; i++) {
			space[i] = (*p == ' ');
			p++;
			while ((*p & 0xc0) == 0x80)
				p++;
		}
	}
	cairo_text_extents_t te;
	cairo_scaled_font_glyph_extents(ff->sf, &g[ng - 1], 1, &te);
	double end_x = g[ng - 1].x + te.x_advance; /* the whole text's advance */

#define ADV_END(i) ((i) + 1 < ng ? g[(i) + 1].x : end_x) /* where glyph i ends */
	int start = 0;
	for (int line = 0; line < max_lines && start < ng; line++) {
		double x0 = g[start].x;
		double by = y + fa->ascent + line * fa->line_h;
		if (end_x - x0 <= w) { /* the rest fits on this line */
			queue(ff, &g[start], ng - start, x - x0, by);
			break;
		}
		int e = start;
		if (line == max_lines - 1) {
			/* Last allowed line: as many glyphs as fit with the ellipsis after them. */
			while (e < ng && ADV_END(e) - x0 + ff->ell_w <= w)
				e++;
			while (e > start && space[e - 1])
				e--;
			queue(ff, &g[start], e - start, x - x0, by);
			cairo_glyph_t el = {ff->ellipsis, g[e].x, 0};
			queue(ff, &el, 1, x - x0, by);
			break;
		}
		/* Greedy: break at the last space that fits; a word longer than the line breaks
		 * anywhere. */
		int brk = -1;
		while (e < ng && ADV_END(e) - x0 <= w) {
			if (space[e] && e > start)
				brk = e;
			e++;
		}
		if (e < ng && space[e])
			brk = e;
		int stop = brk > start ? brk : (e > start ? e : start + 1);
		queue(ff, &g[start], stop - start, x - x0, by);
		start = stop;
		while (start < ng && space[start])
			start++;
	}
#undef ADV_END
	free(space);
	cairo_glyph_free(g);
}

void prn_fast_flush(struct prn_fast *fa)
{
	cairo_t *cr = fa->d->cr;
	for (int i = 0; i < 2; i++) {
		struct fast_font *ff = &fa->f[i];
		if (ff->nq == 0)
			continue;
		cairo_set_scaled_font(cr, ff->sf);
		cairo_show_glyphs(cr, ff->q, ff->nq);
		ff->nq = 0;
	}
}
