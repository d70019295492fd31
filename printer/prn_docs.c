/* prn_docs.c - the SOP's A4 paper: the access report as a berita acara (with the step timeline and
 * the report chain's acknowledgments), the SOP compliance report with its chart and CSV, the
 * who-is-inside evacuation list, the request letter and the disposition sheet (lembar disposisi). */
#include <string.h>

#include "prn_int.h"

#define TW(d) ((d)->w - (d)->ml - (d)->mr)

/* A simple table: header, rows of wrapped cells (row height = tallest cell). */
struct doc_table {
	int n;
	const char *const *titles;
	const double *w; /* fractions of the text width */
	double size;
	const bool *whole; /* NULL, or per column: a cell that never breaks (a request number) */
};

/* The size, at most size and at least 5 pt, at which every word of text fits on a line of width
 * w: a column's title or a request number is made smaller rather than broken mid-word (glyphs are
 * unhinted, so a width scales with the size). */
static double word_fit(struct prn_doc *d, const char *text, double w, double size, bool bold)
{
	double fit = size;
	for (const char *p = prn_s(text); *p;) {
		size_t n = strcspn(p, " \n");
		char word[160];
		if (n > 0 && n < sizeof word) {
			memcpy(word, p, n);
			word[n] = '\0';
			double ww = prn_text_width(d, word, size, bold);
			if (ww > w && size * w / ww * 0.98 < fit)
				fit = size * w / ww * 0.98;
		}
		p += n;
		p += strspn(p, " \n");
	}
	return fit < 5 ? 5 : fit;
}

/* The size of column i's text: the table's, or smaller for a title or a whole cell that would
 * otherwise break inside a word. */
static double cell_size(struct prn_doc *d, const struct doc_table *t, int i, const char *text,
                        bool title)
{
	if (!title && !(t->whole && t->whole[i]))
		return t->size;
	return word_fit(d, text, t->w[i] * TW(d) - 4, t->size, title);
}

static void dt_head(struct prn_doc *d, const void *arg)
{
	const struct doc_table *t = arg;
	double x = d->ml, hmax = 0;
	for (int i = 0; i < t->n; i++) {
		double h = prn_text(d, 0, 0, t->w[i] * TW(d) - 4, t->titles[i],
		                    cell_size(d, t, i, t->titles[i], true), true, PRN_LEFT, 0, false);
		if (h > hmax)
			hmax = h;
	}
	prn_rgb(d, 0xdde3ea);
	cairo_rectangle(d->cr, d->ml, d->y, TW(d), hmax + 6);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	for (int i = 0; i < t->n; i++) {
		prn_text(d, x + 2, d->y + 3, t->w[i] * TW(d) - 4, t->titles[i],
		         cell_size(d, t, i, t->titles[i], true), true, PRN_LEFT, 0, true);
		x += t->w[i] * TW(d);
	}
	d->y += hmax + 6;
}

static void dt_row(struct prn_doc *d, const struct doc_table *t, const char *const *cells,
                   unsigned shade)
{
	double hmax = 0, x = d->ml;
	for (int i = 0; i < t->n; i++) {
		double h = prn_text(d, 0, 0, t->w[i] * TW(d) - 4, cells[i],
		                    cell_size(d, t, i, cells[i], false), false, PRN_LEFT, 0, false);
		if (h > hmax)
			hmax = h;
	}
	prn_need(d, hmax + 6);
	if (shade) {
		prn_rgb(d, shade);
		cairo_rectangle(d->cr, d->ml, d->y, TW(d), hmax + 6);
		cairo_fill(d->cr);
		cairo_set_source_rgb(d->cr, 0, 0, 0);
	}
	for (int i = 0; i < t->n; i++) {
		prn_text(d, x + 2, d->y + 3, t->w[i] * TW(d) - 4, cells[i],
		         cell_size(d, t, i, cells[i], false), false, PRN_LEFT, 0, true);
		x += t->w[i] * TW(d);
	}
	d->y += hmax + 6;
	prn_rgb(d, 0xc8c8c8);
	prn_rule(d, 0.3);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
}

static void dt_begin(struct prn_doc *d, const struct doc_table *t)
{
	prn_need(d, 50);
	dt_head(d, t);
	d->on_new_page = dt_head;
	d->on_new_page_arg = t;
}

static void dt_end(struct prn_doc *d)
{
	d->on_new_page = NULL;
	d->y += 6;
}

/* "1 December 2026 at 09:05" ("1 Desember 2026 pukul 09:05"), or "-" for 0. */
static char *when(int64_t t, char *buf, size_t n)
{
	char day[48], hm[16];
	if (t <= 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, R_("%s at %s"), prn_fmt_day_long(t, day, sizeof(day)),
		         prn_fmt_hm(t, hm, sizeof(hm)));
	return buf;
}

/* "<when a> to <when b>" ("... s.d. ..."): a visit's window. */
static char *window(int64_t a, int64_t b, char *buf, size_t n)
{
	char wa[96], wb[96];
	snprintf(buf, n, R_("%s to %s"), when(a, wa, sizeof(wa)), when(b, wb, sizeof(wb)));
	return buf;
}

/* Signature boxes in one row: role on top, space, the name underlined, the date under it. */
static void signatures(struct prn_doc *d, const struct prn_signer *s, int n)
{
	if (n <= 0)
		return;
	int per_row = n < 3 ? n : 3;
	double cw = TW(d) / per_row;
	for (int i = 0; i < n; i += per_row) {
		prn_need(d, 90);
		for (int j = 0; j < per_row && i + j < n; j++) {
			const struct prn_signer *g = &s[i + j];
			double x = d->ml + j * cw;
			char line[256], at[80];
			prn_text(d, x, d->y, cw - 8, prn_s(g->role), 9, false, PRN_CENTER, 2, true);
			snprintf(line, sizeof(line), "( %s )",
			         (g->name && *g->name) ? g->name : "______________________");
			prn_text(d, x, d->y + 52, cw - 8, line, 9, true, PRN_CENTER, 2, true);
			if (g->at > 0)
				prn_text(d, x, d->y + 66, cw - 8, when(g->at, at, sizeof(at)), 7, false,
				         PRN_CENTER, 1, true);
		}
		d->y += 84;
	}
}

static void para(struct prn_doc *d, const char *text, double size)
{
	double h = prn_text(d, 0, 0, TW(d), text, size, false, PRN_LEFT, 0, false);
	if (h > d->h - d->mt - d->mb - 60) {
		/* Longer than a page: let it run, page by page, line block by line block. */
		d->y += prn_text(d, d->ml, d->y, TW(d), text, size, false, PRN_LEFT, 0, true);
		return;
	}
	prn_need(d, h);
	d->y += prn_text(d, d->ml, d->y, TW(d), text, size, false, PRN_LEFT, 0, true);
	d->y += 4;
}

/* ---- access report (berita acara) --------------------------------------------------------- */

/* The day a document speaks of: the event it records, not the day it came out of the printer (a
 * berita acara reprinted a week later must still carry the visit's date next to its signatures). */
static int64_t event_day(const struct prn_header *h)
{
	return h->event_at ? h->event_at : h->printed_at;
}

/* Everyone on the request, numbered, two to a row (a group of 30 is 15 rows that may run on to
 * the next page under their repeated heading). */
static void report_people(struct prn_doc *d, const struct prn_report *r)
{
	static const double widths[] = {0.06, 0.44, 0.06, 0.44};
	const char *const titles[] = {R_("No."), R_("Name"), R_("No."), R_("Name")};
	struct doc_table t = {4, titles, widths, 9, NULL};
	int rows = (r->n_people + 1) / 2;

	prn_heading(d, R_("People on the request"));
	dt_begin(d, &t);
	for (int i = 0; i < rows; i++) {
		char a[16], b[16];
		int k = i + rows; /* down the left column, then the right */
		snprintf(a, sizeof(a), "%d", i + 1);
		snprintf(b, sizeof(b), "%d", k + 1);
		const char *cells[] = {a, prn_s(r->people[i]), k < r->n_people ? b : "",
		                       k < r->n_people ? prn_s(r->people[k]) : ""};
		dt_row(d, &t, cells, 0);
	}
	dt_end(d);
}

static prn_status report_render(struct prn_doc *d, const void *arg)
{
	const struct prn_report *r = arg;
	char line[512], a[96], b[96], day[64];

	snprintf(line, sizeof(line), R_("Number: %s"), prn_s(r->doc_number));
	d->y -= 4;
	d->y += prn_text(d, d->ml, d->y, TW(d), line, 10, false, PRN_CENTER, 0, true);
	d->y += 10;
	snprintf(line, sizeof(line),
	         R_("On this day, %s, at %s, we the undersigned declare that access to the server "
	            "room / data centre took place according to the Server Room Access SOP, as "
	            "follows:"),
	         prn_fmt_day_long(event_day(&r->hdr), day, sizeof(day)), prn_s(r->hdr.city));
	para(d, line, 10);

	prn_heading(d, R_("Parties and subject"));
	prn_field(d, 150, R_("Request number"), prn_s(r->number));
	prn_field(d, 150, R_("Applicant"), prn_s(r->name));
	prn_field(d, 150, R_("Institution"), prn_s(r->institution));
	snprintf(line, sizeof(line), R_("%d person(s)"), r->n_people);
	prn_field(d, 150, R_("Number of people"), line);
	prn_field(d, 150, R_("Purpose"), prn_s(r->purpose));
	prn_field(d, 150, R_("Approved window"), window(r->start_at, r->end_at, line, sizeof(line)));
	prn_field(d, 150, R_("Escort (Technical Team)"), prn_s(r->escort));
	prn_field(d, 150, R_("First entry"), when(r->first_in, a, sizeof(a)));
	prn_field(d, 150, R_("Last exit"), when(r->last_out, b, sizeof(b)));
	prn_field(d, 150, R_("Status"), prn_s(r->state));
	if (r->people && r->n_people > 0)
		report_people(d, r);

	prn_heading(d, R_("Access report"));
	para(d, (r->text && *r->text) ? r->text : R_("(No report written yet.)"), 10);

	prn_heading(d, R_("SOP flow"));
	const char *const titles[] = {R_("Step"),     R_("Activity"), R_("Done by"), R_("Time"),
	                              R_("Duration"), R_("Standard"), R_("Note")};
	static const double widths[] = {0.08, 0.22, 0.2, 0.17, 0.1, 0.09, 0.14};
	struct doc_table t = {7, titles, widths, 7.5, NULL};
	dt_begin(d, &t);
	for (int i = 0; i < r->n_steps; i++) {
		const struct prn_step *s = &r->steps[i];
		char no[8], who[256], at[64], dur[32], std[32];
		snprintf(no, sizeof(no), "%d", s->step);
		if (s->actor && *s->actor)
			snprintf(who, sizeof(who), "%s (%s)", s->actor, prn_s(s->role));
		else
			snprintf(who, sizeof(who), "%s", prn_s(s->role));
		snprintf(at, sizeof(at), "%s %s", prn_fmt_day_short(s->at, a, sizeof(a)),
		         prn_fmt_hm(s->at, b, sizeof(b)));
		prn_fmt_duration(s->duration_s, dur, sizeof(dur));
		prn_fmt_duration(s->standard_s, std, sizeof(std));
		const char *cells[] = {no, prn_s(s->activity), who, at, dur, std, prn_s(s->note)};
		bool late = s->duration_s >= 0 && s->standard_s > 0 && s->duration_s > s->standard_s;
		dt_row(d, &t, cells, late ? 0xfbe5e1 : 0);
	}
	dt_end(d);

	/* The closing sentence, the place and date and the first signatures stay on one page: the
	 * signatures alone on a page sign nothing that can be read above them. */
	const char *closing = R_("This record is made truthfully, to be used as required.");
	snprintf(line, sizeof(line), "%s, %s", prn_s(r->hdr.city),
	         prn_fmt_day_long(event_day(&r->hdr), day, sizeof(day)));
	prn_need(d, prn_text(d, 0, 0, TW(d), closing, 10, false, PRN_LEFT, 0, false) + 4 +
	                prn_text(d, 0, 0, TW(d), line, 10, false, PRN_RIGHT, 0, false) + 6 + 90);
	para(d, closing, 10);
	d->y += prn_text(d, d->ml, d->y, TW(d), line, 10, false, PRN_RIGHT, 0, true);
	d->y += 6;
	struct prn_signer two[2] = {r->writer, r->escort_signer};
	signatures(d, two, 2);
	if (r->n_ack > 0) {
		prn_need(d, 110);
		d->y += prn_text(d, d->ml, d->y, TW(d), R_("Acknowledged / forwarded and received:"),
		                 10, false, PRN_LEFT, 0, true);
		d->y += 6;
		signatures(d, r->ack, r->n_ack);
	}
	return PRN_OK;
}

prn_status prn_render_report(const struct prn_report *r, struct prn_pdf *out)
{
	if (!r || !out || (r->n_steps > 0 && !r->steps) || (r->n_ack > 0 && !r->ack))
		return PRN_E_ARG;
	return prn_run_a4(out, &r->hdr, R_("SERVER ROOM ACCESS RECORD"), report_render, r);
}

/* ---- SOP compliance ----------------------------------------------------------------------- */

/* Row i's step as the chart and the table name it: "6", or "6a", "6b" when two roles share the
 * step (step 6: the Coordinator assigns the escort, the Helpdesk records and issues the passes). */
static void comp_step_no(const struct prn_compliance *c, int i, char *out, size_t n)
{
	int before = 0, same = 0;
	for (int k = 0; k < c->n; k++)
		if (c->rows[k].step == c->rows[i].step) {
			same++;
			before += k < i;
		}
	if (same > 1 && before < 26)
		snprintf(out, n, "%d%c", c->rows[i].step, 'a' + before);
	else
		snprintf(out, n, "%d", c->rows[i].step);
}

static prn_status comp_render(struct prn_doc *d, const void *arg)
{
	const struct prn_compliance *c = arg;
	char line[256];

	snprintf(line, sizeof(line), R_("Period: %s to %s"), prn_s(c->from), prn_s(c->to));
	d->y -= 4;
	d->y += prn_text(d, d->ml, d->y, TW(d), line, 10, false, PRN_CENTER, 0, true);
	d->y += 6;
	para(d,
	     R_("Each step's duration runs from the end of the step before it to the end of the "
	        "step (step 7: from the start of the visit's window to the first entry), compared "
	        "with the SOP's time standard."),
	     9);
	if (c->n == 0) {
		d->y += 6;
		d->y += prn_text(d, d->ml, d->y, TW(d), R_("No SOP step in this period."), 11, true,
		                 PRN_LEFT, 0, true);
		return PRN_OK;
	}

	prn_heading(d, R_("Share within the standard per step"));
	double vals[64];
	char labs[64][24], nos[64][16];
	const char *lp[64];
	int n = c->n < 64 ? c->n : 64;
	for (int i = 0; i < n; i++) {
		vals[i] = c->rows[i].within * 100.0;
		comp_step_no(c, i, nos[i], sizeof nos[i]);
		snprintf(labs[i], sizeof(labs[i]), "L%s", nos[i]);
		lp[i] = labs[i];
	}
	prn_need(d, 120);
	prn_bar_chart(d, d->ml, d->y, TW(d), 110, n, vals, lp, true, 100);
	d->y += 118;

	prn_heading(d, R_("Per step and role"));
	const char *const titles[] = {R_("Step"),   R_("Activity"), R_("Role"),
	                              R_("Count"),  R_("Median"),   "P90",
	                              R_("Standard"), R_("Within standard")};
	static const double widths[] = {0.08, 0.24, 0.18, 0.08, 0.1, 0.1, 0.1, 0.12};
	struct doc_table t = {8, titles, widths, 8, NULL};
	dt_begin(d, &t);
	for (int i = 0; i < c->n; i++) {
		const struct prn_comp_row *r = &c->rows[i];
		char no[16], cnt[16], med[32], p90[32], std[32], in[16];
		comp_step_no(c, i, no, sizeof no);
		snprintf(cnt, sizeof(cnt), "%d", r->count);
		prn_fmt_duration((int64_t)(r->median_s + 0.5), med, sizeof(med));
		prn_fmt_duration((int64_t)(r->p90_s + 0.5), p90, sizeof(p90));
		prn_fmt_duration(r->standard_s, std, sizeof(std));
		snprintf(in, sizeof(in), "%.0f%%", r->within * 100.0);
		const char *cells[] = {no, prn_s(r->activity), prn_s(r->role), cnt, med, p90, std, in};
		dt_row(d, &t, cells, r->within < 0.8 ? 0xfbe5e1 : 0);
	}
	dt_end(d);
	/* xgettext:no-c-format */
	para(d, R_("Red rows: under 80% within the time standard."), 8);
	if (c->n_flags > 0) {
		prn_heading(d, R_("To check: steps soon after an ADMIN set the PIN"));
		const char *const ftitles[] = {R_("Note")};
		static const double fwidths[] = {1.0};
		struct doc_table ft = {1, ftitles, fwidths, 9, NULL};
		dt_begin(d, &ft);
		for (int i = 0; i < c->n_flags; i++) {
			const char *cells[] = {prn_s(c->flags[i])};
			dt_row(d, &ft, cells, 0xfbe5e1);
		}
		dt_end(d);
	}
	return PRN_OK;
}

prn_status prn_render_compliance(const struct prn_compliance *c, struct prn_pdf *out)
{
	if (!c || !out || (c->n > 0 && !c->rows))
		return PRN_E_ARG;
	return prn_run_a4(out, &c->hdr, R_("SERVER ROOM ACCESS SOP COMPLIANCE REPORT"), comp_render,
	                  c);
}

prn_status prn_csv_compliance(const struct prn_compliance *c, FILE *f)
{
	if (!c || !f)
		return PRN_E_ARG;
	const char *head[] = {"step", "activity", "role", "count", "median_s", "p90_s",
	                      "standard_s", "within_share"};
	for (int i = 0; i < 8; i++)
		prn_csv_field(f, head[i], i == 7);
	for (int i = 0; i < c->n; i++) {
		const struct prn_comp_row *r = &c->rows[i];
		char no[8], cnt[16], med[32], p90[32], std[16], in[16];
		snprintf(no, sizeof(no), "%d", r->step);
		snprintf(cnt, sizeof(cnt), "%d", r->count);
		snprintf(med, sizeof(med), "%.0f", r->median_s);
		snprintf(p90, sizeof(p90), "%.0f", r->p90_s);
		snprintf(std, sizeof(std), "%d", r->standard_s);
		snprintf(in, sizeof(in), "%.3f", r->within);
		const char *cells[] = {no, r->activity, r->role, cnt, med, p90, std, in};
		for (int k = 0; k < 8; k++) /* activity and role are text, the rest numbers */
			(k == 1 || k == 2 ? prn_csv_text : prn_csv_field)(f, cells[k], k == 7);
	}
	return ferror(f) ? PRN_E_IO : PRN_OK;
}

/* ---- who is inside (evacuation list) ------------------------------------------------------ */

static prn_status inside_render(struct prn_doc *d, const void *arg)
{
	const struct prn_inside *in = arg;
	char line[256], day[64], hm[16];

	snprintf(line, sizeof(line), R_("As of %s at %s"),
	         prn_fmt_day_long(in->hdr.printed_at, day, sizeof(day)),
	         prn_fmt_hm(in->hdr.printed_at, hm, sizeof(hm)));
	d->y -= 4;
	d->y += prn_text(d, d->ml, d->y, TW(d), line, 16, true, PRN_CENTER, 0, true);
	snprintf(line, sizeof(line), R_("%d people inside"), in->n);
	d->y += prn_text(d, d->ml, d->y, TW(d), line, 22, true, PRN_CENTER, 0, true);
	d->y += 10;
	if (in->n == 0) {
		d->y += prn_text(d, d->ml, d->y, TW(d), R_("No visitors inside."), 16, false,
		                 PRN_CENTER, 0, true);
		return PRN_OK;
	}
	const char *const titles[] = {"✓",           R_("Name"), R_("Institution"),
	                              R_("Escort"), R_("In"),   R_("Request")};
	/* the time and the request number never break: they are read aloud at the muster point */
	static const double widths[] = {0.05, 0.24, 0.19, 0.18, 0.1, 0.24};
	static const bool whole[] = {false, false, false, false, true, true};
	struct doc_table t = {6, titles, widths, 12, whole};
	dt_begin(d, &t);
	for (int i = 0; i < in->n; i++) {
		const struct prn_inside_row *r = &in->rows[i];
		char h[16];
		const char *cells[] = {"☐", prn_s(r->name), prn_s(r->institution), prn_s(r->escort),
		                       prn_fmt_hm(r->in_at, h, sizeof(h)), prn_s(r->number)};
		dt_row(d, &t, cells, r->overstay ? 0xfbe5e1 : 0);
	}
	dt_end(d);
	para(d, R_("Red rows: past their window. Tick each person at the assembly point."), 10);
	return PRN_OK;
}

prn_status prn_render_inside(const struct prn_inside *in, struct prn_pdf *out)
{
	if (!in || !out || (in->n > 0 && !in->rows))
		return PRN_E_ARG;
	return prn_run_a4(out, &in->hdr, R_("WHO IS INSIDE THE SERVER ROOM (EVACUATION)"),
	                  inside_render, in);
}

/* ---- request letter ----------------------------------------------------------------------- */

static prn_status letter_render(struct prn_doc *d, const void *arg)
{
	const struct prn_letter *l = arg;
	char line[1024], day[64];

	snprintf(line, sizeof(line), R_("Request number: %s"), prn_s(l->number));
	d->y -= 4;
	d->y += prn_text(d, d->ml, d->y, TW(d), line, 10, false, PRN_CENTER, 0, true);
	d->y += 8;
	snprintf(line, sizeof(line), "%s, %s", prn_s(l->hdr.city),
	         prn_fmt_day_long(l->created_at, day, sizeof(day)));
	d->y += prn_text(d, d->ml, d->y, TW(d), line, 10, false, PRN_RIGHT, 0, true);
	d->y += 6;
	para(d, R_("To:\nThe Head of Agency\nat the office"), 10);
	para(d, R_("Subject: Request for access to the server room / data centre"), 10);
	para(d, R_("Dear Sir or Madam, I, the undersigned:"), 10);
	prn_field(d, 120, R_("Name"), prn_s(l->name));
	prn_field(d, 120, l->id_label ? l->id_label : "NIK", prn_s(l->nik_masked));
	prn_field(d, 120, R_("Institution"), prn_s(l->institution));
	prn_field(d, 120, R_("Phone"), prn_s(l->phone_masked));
	if (l->email && *l->email)
		prn_field(d, 120, R_("Email"), l->email);
	para(d, R_("request access to the server room / data centre for the following purpose:"),
	     10);
	prn_field(d, 120, R_("Category"), prn_s(l->purpose_category));
	prn_field(d, 120, R_("Description"), prn_s(l->purpose));
	prn_field(d, 120, R_("Time"), window(l->start_at, l->end_at, line, sizeof(line)));
	if (l->n_companions > 0) {
		prn_heading(d, R_("Companions entering with the applicant"));
		for (int i = 0; i < l->n_companions; i++) {
			const char *label =
			    l->companion_id_labels && l->companion_id_labels[i]
			        ? l->companion_id_labels[i]
			        : "NIK";
			snprintf(line, sizeof(line), "%d. %s (%s %s)", i + 1, prn_s(l->companions[i]),
			         label, l->companion_niks ? prn_s(l->companion_niks[i]) : "-");
			para(d, line, 10);
		}
	}
	if (l->n_equipment > 0) {
		prn_heading(d, R_("Equipment brought in"));
		for (int i = 0; i < l->n_equipment; i++) {
			snprintf(line, sizeof(line), "%d. %s", i + 1, prn_s(l->equipment[i]));
			para(d, line, 10);
		}
	}
	d->y += 6;
	para(d,
	     R_("I agree to follow the Server Room Access SOP and to be escorted by the Technical "
	        "Team while inside, and I consent to the processing of my personal data under Law "
	        "27/2022 (UU PDP). Thank you for your attention."),
	     10);
	struct prn_signer s = {R_("Applicant,"), l->name, 0};
	prn_need(d, 100);
	d->y += 6;
	/* Only the applicant signs, in the right third. */
	double save_ml = d->ml, save_mr = d->mr;
	d->ml = save_ml + TW(d) * 2 / 3;
	signatures(d, &s, 1);
	d->ml = save_ml;
	d->mr = save_mr;
	return PRN_OK;
}

prn_status prn_render_letter(const struct prn_letter *l, struct prn_pdf *out)
{
	if (!l || !out || (l->n_companions > 0 && !l->companions) ||
	    (l->n_equipment > 0 && !l->equipment))
		return PRN_E_ARG;
	return prn_run_a4(out, &l->hdr, R_("SERVER ROOM ACCESS REQUEST LETTER"), letter_render, l);
}

/* ---- disposition sheet -------------------------------------------------------------------- */

/* A bordered box with a label on top and a value inside; returns its height. */
static double box(struct prn_doc *d, double x, double y, double w, double min_h, const char *label,
                  const char *value)
{
	double hl = prn_text(d, 0, 0, w - 8, label, 7.5, true, PRN_LEFT, 0, false);
	double hv = prn_text(d, 0, 0, w - 8, value, 10, false, PRN_LEFT, 0, false);
	double h = hl + hv + 10;
	if (h < min_h)
		h = min_h;
	cairo_set_line_width(d->cr, 0.6);
	cairo_rectangle(d->cr, x, y, w, h);
	cairo_stroke(d->cr);
	prn_text(d, x + 4, y + 3, w - 8, label, 7.5, true, PRN_LEFT, 0, true);
	prn_text(d, x + 4, y + 5 + hl, w - 8, value, 10, false, PRN_LEFT, 0, true);
	return h;
}

static prn_status disp_render(struct prn_doc *d, const void *arg)
{
	const struct prn_disposition *p = arg;
	double w = TW(d), x = d->ml, h1, h2;
	char a[96], b[96];

	h1 = box(d, x, d->y, w / 2, 40, R_("Letter from"), prn_s(p->sender));
	h2 = box(d, x + w / 2, d->y, w / 2, h1, R_("Received on"),
	         when(p->received_at, a, sizeof(a)));
	d->y += h1 > h2 ? h1 : h2;
	h1 = box(d, x, d->y, w / 2, 40, R_("Letter number"), prn_s(p->letter_number));
	h2 = box(d, x + w / 2, d->y, w / 2, h1, R_("Agenda number"), prn_s(p->agenda_number));
	d->y += h1 > h2 ? h1 : h2;
	h1 = box(d, x, d->y, w / 2, 40, R_("Letter date"), when(p->letter_date, b, sizeof(b)));
	/* Urgency: four boxes, the one given ticked (the kiosk and aksesctl give segera, biasa or
	 * rahasia; "sangat segera" is on the paper form and kept for it). */
	char urg[200];
	const char *u = prn_s(p->urgency);
	snprintf(urg, sizeof(urg), R_("%s Very urgent   %s Urgent   %s Ordinary   %s Confidential"),
	         strcmp(u, "sangat segera") == 0 ? "☒" : "☐", strcmp(u, "segera") == 0 ? "☒" : "☐",
	         strcmp(u, "biasa") == 0 ? "☒" : "☐", strcmp(u, "rahasia") == 0 ? "☒" : "☐");
	h2 = box(d, x + w / 2, d->y, w / 2, h1, R_("Urgency"), urg);
	d->y += h1 > h2 ? h1 : h2;
	d->y += box(d, x, d->y, w, 40, R_("Subject"), prn_s(p->subject));
	d->y += 10;

	const char *const titles[] = {R_("From"), R_("Forwarded to"),
	                              R_("Disposition / instruction"), R_("Initials and date")};
	static const double widths[] = {0.18, 0.2, 0.37, 0.25};
	struct doc_table t = {4, titles, widths, 9, NULL};
	dt_begin(d, &t);
	for (int i = 0; i < p->n_rows; i++) {
		const struct prn_disposition_row *r = &p->rows[i];
		char para_[256];
		if (r->at > 0)
			snprintf(para_, sizeof(para_), "%s\n%s", prn_s(r->by), when(r->at, a, sizeof(a)));
		else
			snprintf(para_, sizeof(para_), "\n\n");
		const char *cells[] = {prn_s(r->from_role), prn_s(r->to_role), prn_s(r->instruction),
		                       para_};
		dt_row(d, &t, cells, 0);
	}
	dt_end(d);
	prn_need(d, 60);
	d->y += box(d, x, d->y, w, 60, R_("Note"), prn_s(p->notes));
	d->y += 14;
	prn_need(d, 110);
	char role[160], nip[96];
	snprintf(role, sizeof(role), "%s,", prn_s(p->official_role));
	snprintf(nip, sizeof(nip), "NIP %s",
	         (p->official_nip && *p->official_nip) ? p->official_nip : "______________________");
	double sx = d->ml + w * 0.58, sw = w * 0.42;
	prn_text(d, sx, d->y, sw, role, 10, false, PRN_CENTER, 0, true);
	char nm[256];
	snprintf(nm, sizeof(nm), "( %s )",
	         (p->official_name && *p->official_name) ? p->official_name
	                                                 : "______________________");
	prn_text(d, sx, d->y + 56, sw, nm, 10, true, PRN_CENTER, 0, true);
	prn_text(d, sx, d->y + 70, sw, nip, 9, false, PRN_CENTER, 0, true);
	d->y += 90;
	return PRN_OK;
}

prn_status prn_render_disposition(const struct prn_disposition *p, struct prn_pdf *out)
{
	if (!p || !out || (p->n_rows > 0 && !p->rows))
		return PRN_E_ARG;
	return prn_run_a4(out, &p->hdr, R_("DISPOSITION SHEET"), disp_render, p);
}
