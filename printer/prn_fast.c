/* prn_fast.c - fast table text: glyphs and advances from cairo's scaled fonts cached per code point
 * (no shaping), greedy wrapping, and one show_glyphs per font per page, so a 10,000-row daily log
 * renders in well under a second. Text that needs real shaping falls back to pango (prn_text). */
#include <stdlib.h>
#include <string.h>

#include "prn_int.h"

/* Code points below this (all the fast path accepts) have their glyph and advance cached. */
#define FAST_CMAP 0x2e80
/* Glyphs of a cell laid out on the stack; longer text uses the heap. */
#define FAST_STACK 256

struct fast_glyph {
	unsigned long index;
	double adv;
	unsigned char state; /* 0 not looked up yet, 1 known, 2 missing from the font */
};

struct glyph_buf {
	cairo_glyph_t *g;
	int n, cap;
};

struct fast_font {
	cairo_scaled_font_t *sf;
	struct fast_glyph *cmap; /* FAST_CMAP entries, allocated on first use */
	/* The page's glyphs, in the order queued: cell by cell, each cell's lines in turn. (Sending
	 * a row line by line instead would let cairo write fewer text positions, but its in-line
	 * offsets are rounded to 1/1000 em, which moves glyphs by up to 0.02 pt: the page would no
	 * longer be exactly the same, for under 3% of the time.) */
	struct glyph_buf page;
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
		free(fa->f[i].page.g);
		free(fa->f[i].cmap);
	}
	free(fa);
}

/* The next code point of s (advancing *s), or -1 when text from here on is not for the fast path:
 * invalid or overlong UTF-8, 4-byte sequences (emoji, rare scripts), combining marks and scripts
 * that need shaping (Hebrew, Arabic, Indic ... Myanmar), and CJK and beyond, which DejaVu lacks
 * and pango finds a fallback font for. Every code point accepted is below FAST_CMAP. */
static int next_cp(const unsigned char **s)
{
	const unsigned char *p = *s;
	unsigned c = *p, cp;
	int n;
	if (c < 0x80) {
		*s = p + 1;
		return (int)c;
	}
	if ((c & 0xe0) == 0xc0) {
		cp = c & 0x1f;
		n = 1;
	} else if ((c & 0xf0) == 0xe0) {
		cp = c & 0x0f;
		n = 2;
	} else {
		return -1;
	}
	for (int i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (cp < (n == 1 ? 0x80u : 0x800u)) /* overlong */
		return -1;
	if (cp >= 0x0300 && cp <= 0x036f) /* combining diacritics */
		return -1;
	if (cp >= 0x0590 && cp < 0x1e00) /* Hebrew .. Myanmar etc. */
		return -1;
	if (cp >= 0x20d0 && cp <= 0x20ff) /* combining marks for symbols */
		return -1;
	if (cp >= FAST_CMAP)
		return -1;
	*s = p + n + 1;
	return (int)cp;
}

/* The glyph of code point cp, looked up in cairo once per font and then kept: *adv is its
 * advance. False when the font has no glyph for it (pango must find a fallback font). */
static bool glyph_of(struct fast_font *ff, int cp, unsigned long *index, double *adv)
{
	struct fast_glyph *fg;
	if (!ff->cmap) {
		ff->cmap = calloc(FAST_CMAP, sizeof(*ff->cmap));
		if (!ff->cmap)
			return false;
	}
	fg = &ff->cmap[cp];
	if (fg->state == 0) {
		char u[4];
		int n;
		cairo_glyph_t *g = NULL;
		int ng = 0;
		cairo_text_extents_t te;
		/* UTF-8 of cp (below 0x2e80: at most 3 bytes) */
		if (cp < 0x80) {
			u[0] = (char)cp;
			n = 1;
		} else if (cp < 0x800) {
			u[0] = (char)(0xc0 | (cp >> 6));
			u[1] = (char)(0x80 | (cp & 0x3f));
			n = 2;
		} else {
			u[0] = (char)(0xe0 | (cp >> 12));
			u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
			u[2] = (char)(0x80 | (cp & 0x3f));
			n = 3;
		}
		fg->state = 2;
		if (cairo_scaled_font_text_to_glyphs(ff->sf, 0, 0, u, n, &g, &ng, NULL, NULL,
		                                     NULL) == CAIRO_STATUS_SUCCESS &&
		    ng == 1 && g[0].index != 0) {
			/* A lone glyph at x = 0: its extents' advance is exactly the metrics
			 * advance cairo adds up in text_to_glyphs, so positions summed here are bit
			 * for bit the ones cairo would compute for the whole string. */
			cairo_scaled_font_glyph_extents(ff->sf, g, 1, &te);
			fg->index = g[0].index;
			fg->adv = te.x_advance;
			fg->state = 1;
		}
		cairo_glyph_free(g);
	}
	*index = fg->index;
	*adv = fg->adv;
	return fg->state == 1;
}

/* Glyphs of text laid on one line from x = 0 into g (room for cap; the text has at most cap code
 * points) and, per glyph, whether it is a space. The number of glyphs; *end the advance of the
 * whole text; -1 when the text needs pango. */
static int fast_glyphs(struct fast_font *ff, const char *text, cairo_glyph_t *g, char *space,
                       int cap, double *end)
{
	const unsigned char *p = (const unsigned char *)text;
	double x = 0;
	int ng = 0;
	while (*p && ng < cap) {
		int cp = next_cp(&p);
		unsigned long index;
		double adv;
		if (cp < 0 || !glyph_of(ff, cp, &index, &adv))
			return -1;
		g[ng].index = index;
		g[ng].x = x;
		g[ng].y = 0;
		space[ng] = cp == ' ';
		x += adv;
		ng++;
	}
	*end = x;
	return ng;
}

/* Append n glyphs shifted by (dx, dy) to buf; false when out of memory. */
static bool queue(struct glyph_buf *buf, const cairo_glyph_t *g, int n, double dx, double dy)
{
	if (buf->n + n > buf->cap) {
		int cap = buf->cap ? buf->cap * 2 : 512;
		while (cap < buf->n + n)
			cap *= 2;
		cairo_glyph_t *ng = realloc(buf->g, (size_t)cap * sizeof(*ng));
		if (!ng)
			return false;
		buf->g = ng;
		buf->cap = cap;
	}
	for (int i = 0; i < n; i++) {
		buf->g[buf->n].index = g[i].index;
		buf->g[buf->n].x = g[i].x + dx;
		buf->g[buf->n].y = g[i].y + dy;
		buf->n++;
	}
	return true;
}

void prn_fast_cell(struct prn_fast *fa, double x, double y, double w, const char *text, bool bold,
                   int max_lines)
{
	struct fast_font *ff = &fa->f[bold ? 1 : 0];
	cairo_glyph_t gs[FAST_STACK], *g = gs;
	char sps[FAST_STACK], *space = sps;
	double end_x; /* the whole text's advance */

	if (!text || !*text)
		return;
	/* Code points <= bytes: a table cell fits the stack; a longer text gets the heap. */
	size_t len = strlen(text);
	if (len > FAST_STACK) {
		g = malloc(len * sizeof(*g));
		space = malloc(len);
		if (!g || !space) {
			free(g);
			free(space);
			return;
		}
	}
	int ng =
	    fast_glyphs(ff, text, g, space, (int)(len > FAST_STACK ? len : FAST_STACK), &end_x);
	if (ng <= 0) {
		if (ng < 0)
			prn_text(fa->d, x, y, w, text, fa->size, bold, PRN_LEFT, max_lines, true);
		if (g != gs) {
			free(g);
			free(space);
		}
		return;
	}

#define ADV_END(i) ((i) + 1 < ng ? g[(i) + 1].x : end_x) /* where glyph i ends */
	int start = 0;
	for (int line = 0; line < max_lines && start < ng; line++) {
		double x0 = g[start].x;
		double by = y + fa->ascent + line * fa->line_h;
		if (end_x - x0 <= w) { /* the rest fits on this line */
			queue(&ff->page, &g[start], ng - start, x - x0, by);
			break;
		}
		int e = start;
		if (line == max_lines - 1) {
			/* Last allowed line: as many glyphs as fit with the ellipsis after them. */
			while (e < ng && ADV_END(e) - x0 + ff->ell_w <= w)
				e++;
			while (e > start && space[e - 1])
				e--;
			queue(&ff->page, &g[start], e - start, x - x0, by);
			cairo_glyph_t el = {ff->ellipsis, g[e].x, 0};
			queue(&ff->page, &el, 1, x - x0, by);
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
		queue(&ff->page, &g[start], stop - start, x - x0, by);
		start = stop;
		while (start < ng && space[start])
			start++;
	}
#undef ADV_END
	if (g != gs) {
		free(g);
		free(space);
	}
}

void prn_fast_flush(struct prn_fast *fa)
{
	cairo_t *cr = fa->d->cr;
	for (int i = 0; i < 2; i++) {
		struct fast_font *ff = &fa->f[i];
		if (ff->page.n == 0)
			continue;
		cairo_set_scaled_font(cr, ff->sf);
		cairo_show_glyphs(cr, ff->page.g, ff->page.n);
		ff->page.n = 0;
	}
}
