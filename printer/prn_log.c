/* prn_log.c - the daily access log (A4): summary, entries per hour, the visits table (header
 * repeated on every page, still-inside and overstay rows marked), denied scans; and its CSV.
 * Rows have a fixed height so 10,000 visits paginate in one cheap counting pass. */
#include <string.h>

#include "prn_int.h"

#define LOG_FONT 6.5
#define LOG_ROW (2 * 8.2 + 3.5) /* two lines of LOG_FONT text plus padding */
#define LOG_HEAD_ROW 16.0

struct log_col {
	const char *title;
	double w; /* points */
};

static const struct log_col visit_cols[] = {
	/* the request column fits a five-digit AKS-YYYYMMDD-NNNNN on one line; titles are msgids,
	 * translated when drawn */
	{RN_("No."), 19},     {RN_("Request"), 80}, {RN_("Name"), 78}, {RN_("Institution"), 62},
	{RN_("Purpose"), 56}, {RN_("Escort"), 54},  {RN_("In"), 27},   {RN_("Out"), 27},
	{RN_("Duration"), 34}, {RN_("Status"), 56},
};
#define N_VISIT_COLS ((int)(sizeof(visit_cols) / sizeof(visit_cols[0])))

static const struct log_col denied_cols[] = {
	{RN_("No."), 17},    {RN_("Time"), 30},    {RN_("Station"), 60}, {RN_("Reason"), 90},
	{RN_("Escort"), 80}, {RN_("Request"), 80}, {RN_("Name"), 133},
};
#define N_DENIED_COLS ((int)(sizeof(denied_cols) / sizeof(denied_cols[0])))

#define LOG_RULES 64 /* more rows than an A4 page holds */

struct log_table {
	const struct log_col *cols;
	int n;
	struct prn_fast *fast; /* drawing pass only */
	/* Row rules not stroked yet: consecutive ones go out as one path (one PDF operator and one
	 * colour instead of one each), stroked before anything else is drawn so the paint order,
	 * and so the page, stays exactly as if each were stroked at once. */
	double rule_y[LOG_RULES];
	int n_rules;
};

/* Stroke the pending row rules, if any, as one path. */
static void rules_flush(struct prn_doc *d, struct log_table *t)
{
	if (t->n_rules == 0)
		return;
	double tw = 0;
	for (int i = 0; i < t->n; i++)
		tw += t->cols[i].w;
	prn_rgb(d, 0xc8c8c8);
	cairo_set_line_width(d->cr, 0.3);
	for (int i = 0; i < t->n_rules; i++) {
		cairo_move_to(d->cr, d->ml, t->rule_y[i]);
		cairo_line_to(d->cr, d->ml + tw, t->rule_y[i]);
	}
	cairo_stroke(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	t->n_rules = 0;
}

/* Draw a table's header row at d->y (grey band, bold titles) and move below it. */
static void table_head(struct prn_doc *d, const void *arg)
{
	const struct log_table *t = arg;
	double x = d->ml, tw = 0;
	if (d->counting) { /* a fixed height: nothing to measure */
		d->y += LOG_HEAD_ROW;
		return;
	}
	for (int i = 0; i < t->n; i++)
		tw += t->cols[i].w;
	prn_rgb(d, 0xdde3ea);
	cairo_rectangle(d->cr, d->ml, d->y, tw, LOG_HEAD_ROW);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	for (int i = 0; i < t->n; i++) {
		prn_text(d, x + 2, d->y + 4, t->cols[i].w - 4, R_(t->cols[i].title), LOG_FONT, true,
		         PRN_LEFT, 1, true);
		x += t->cols[i].w;
	}
	d->y += LOG_HEAD_ROW;
}

/* One table row of n cells (up to two lines each, then an ellipsis), optionally shaded. Drawn
 * only on the drawing pass; the counting pass just advances. */
static void table_row(struct prn_doc *d, struct log_table *t, const char *const *cells,
                      unsigned shade, const bool *bold)
{
	/* Text is queued for the whole page (one text object per page is far cheaper in cairo's PDF
	 * output than one per row): show it before the page ends, after the pending rules. */
	if (d->y + LOG_ROW > d->h - d->mb) {
		rules_flush(d, t);
		if (t->fast)
			prn_fast_flush(t->fast);
	}
	prn_need(d, LOG_ROW);
	if (!d->counting) {
		double x = d->ml, tw = 0;
		for (int i = 0; i < t->n; i++)
			tw += t->cols[i].w;
		if (shade) {
			rules_flush(d, t); /* the rule above stays under this row's shading */
			prn_rgb(d, shade);
			cairo_rectangle(d->cr, d->ml, d->y, tw, LOG_ROW);
			cairo_fill(d->cr);
			cairo_set_source_rgb(d->cr, 0, 0, 0);
		}
		for (int i = 0; i < t->n; i++) {
			if (cells[i] && *cells[i]) {
				if (t->fast)
					prn_fast_cell(t->fast, x + 2, d->y + 2, t->cols[i].w - 4,
					              cells[i], bold && bold[i], 2);
				else
					prn_text(d, x + 2, d->y + 2, t->cols[i].w - 4, cells[i],
					         LOG_FONT, bold && bold[i], PRN_LEFT, 2, true);
			}
			x += t->cols[i].w;
		}
		if (t->n_rules == LOG_RULES)
			rules_flush(d, t);
		t->rule_y[t->n_rules++] = d->y + LOG_ROW;
		if (!t->fast) /* text drawn at once: keep each rule in its place after it */
			rules_flush(d, t);
	}
	d->y += LOG_ROW;
}

/* The status words for a visit: inside and overstay are spelled out and upper-cased. */
static const char *visit_status(const struct prn_log_visit *v)
{
	if (v->inside && v->overstay)
		return R_("INSIDE, OVERSTAYED");
	if (v->inside)
		return R_("STILL INSIDE");
	if (v->overstay)
		return R_("OVERSTAYED");
	return R_("Out");
}

/* A summary figure box: big number, small label. */
static void figure(struct prn_doc *d, double x, double w, int value, const char *label)
{
	char v[32];
	snprintf(v, sizeof(v), "%d", value);
	prn_rgb(d, 0xf2f4f7);
	cairo_rectangle(d->cr, x, d->y, w - 6, 38);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	prn_text(d, x + 4, d->y + 3, w - 14, v, 15, true, PRN_LEFT, 1, true);
	prn_text(d, x + 4, d->y + 23, w - 14, label, 7, false, PRN_LEFT, 1, true);
}

/* The visits: a table that repeats its head on each page, or one line when there were none. */
static void log_visits(struct prn_doc *d, const struct prn_day_log *log, double tw)
{
	prn_heading(d, R_("List of visits"));
	if (log->n_visits == 0) {
		d->y += prn_text(d, d->ml, d->y, tw, R_("No visits on this day."), 11, true,
		                 PRN_LEFT, 0, true);
		d->y += 6;
	} else {
		struct log_table t = {.cols = visit_cols, .n = N_VISIT_COLS};
		if (!d->counting)
			t.fast = prn_fast_new(d, LOG_FONT); /* NULL: every cell through pango */
		static const bool bold[N_VISIT_COLS] = {false, false, true, false, false,
		                                        false, false, false, false, true};
		table_head(d, &t);
		d->on_new_page = table_head;
		d->on_new_page_arg = &t;
		for (int i = 0; i < log->n_visits; i++) {
			const struct prn_log_visit *v = &log->visits[i];
			char no[16], in[16], out[16], dur[32];
			if (d->counting) {
				prn_need(d, LOG_ROW);
				d->y += LOG_ROW;
				continue;
			}
			int64_t end = v->out_at ? v->out_at : (v->inside ? log->now : 0);
			snprintf(no, sizeof(no), "%d", i + 1);
			prn_fmt_hm(v->in_at, in, sizeof(in));
			prn_fmt_hm(v->out_at, out, sizeof(out));
			prn_fmt_duration(end ? end - v->in_at : -1, dur, sizeof(dur));
			const char *cells[N_VISIT_COLS] = {no,         v->number, v->name, v->institution,
			                                   v->purpose, v->escort, in,      out,
			                                   dur,        visit_status(v)};
			unsigned shade = v->overstay ? 0xf9d6d2 : v->inside ? 0xfff2c6 : 0;
			table_row(d, &t, cells, shade, bold);
		}
		d->on_new_page = NULL;
		d->on_new_page_arg = NULL; /* t goes out of scope */
		rules_flush(d, &t);
		if (t.fast)
			prn_fast_flush(t.fast);
		prn_fast_free(t.fast);
		d->y += 4;
		prn_need(d, 20);
		d->y += prn_text(d, d->ml, d->y, tw,
		                 R_("Yellow rows: still inside. Red rows: overstayed (left after the "
		                    "window ended, or still inside after it)."),
		                 7, false, PRN_LEFT, 0, !d->counting);
	}
}

/* The denied scans: a table, or one line when there were none. */
static void log_denied(struct prn_doc *d, const struct prn_day_log *log, double tw)
{
	prn_heading(d, R_("Denied scans"));
	if (log->n_denied == 0) {
		d->y += prn_text(d, d->ml, d->y, tw, R_("No scan was denied."), 10, false,
		                 PRN_LEFT, 0, true);
	} else {
		struct log_table t = {.cols = denied_cols, .n = N_DENIED_COLS};
		table_head(d, &t);
		d->on_new_page = table_head;
		d->on_new_page_arg = &t;
		for (int i = 0; i < log->n_denied; i++) {
			const struct prn_log_denied *x = &log->denied[i];
			char no[16], at[16];
			snprintf(no, sizeof(no), "%d", i + 1);
			prn_fmt_hm(x->at, at, sizeof(at));
			const char *cells[N_DENIED_COLS] = {no,        at,        x->station, x->reason,
			                                    x->escort, x->number, x->name};
			table_row(d, &t, cells, 0, NULL);
		}
		d->on_new_page = NULL;
		d->on_new_page_arg = NULL; /* t goes out of scope */
		rules_flush(d, &t);
	}
}

static prn_status log_render(struct prn_doc *d, const void *arg)
{
	const struct prn_day_log *log = arg;
	double tw = d->w - d->ml - d->mr;
	char line[256], day[64];

	snprintf(line, sizeof(line), R_("Date: %s (%s)"), prn_fmt_day_long(log->day_start, day,
	                                                                  sizeof(day)),
	         prn_s(log->day));
	d->y += prn_text(d, d->ml, d->y, tw, line, 10, false, PRN_CENTER, 0, true);
	if (log->hdr.station && *log->hdr.station) {
		snprintf(line, sizeof(line), R_("Station: %s"), log->hdr.station);
		d->y += prn_text(d, d->ml, d->y, tw, line, 10, false, PRN_CENTER, 0, true);
	}
	d->y += 10;

	/* Totals. */
	double fw = tw / 5;
	figure(d, d->ml, fw, log->n_visits, R_("Visits"));
	figure(d, d->ml + fw, fw, log->n_people, R_("People"));
	figure(d, d->ml + 2 * fw, fw, log->n_inside, R_("Still inside"));
	figure(d, d->ml + 3 * fw, fw, log->n_overstay, R_("Overstayed"));
	figure(d, d->ml + 4 * fw, fw, log->n_denied, R_("Denied scans"));
	d->y += 46;

	/* Entries per hour. */
	prn_heading(d, R_("Entries per hour"));
	double vals[24];
	char labs[24][4];
	const char *lp[24];
	for (int h = 0; h < 24; h++) {
		vals[h] = log->per_hour[h];
		snprintf(labs[h], sizeof(labs[h]), "%02d", h);
		lp[h] = labs[h];
	}
	prn_bar_chart(d, d->ml, d->y, tw, 78, 24, vals, lp, false, 0);
	d->y += 84;

	log_visits(d, log, tw);
	log_denied(d, log, tw);

	/* Sign-off. */
	d->y += 14;
	prn_need(d, 70);
	double sx = d->ml + tw * 0.6;
	d->y += prn_text(d, sx, d->y, tw * 0.4, R_("Helpdesk officer,"), 10, false, PRN_LEFT, 0,
	                 true);
	d->y += 40;
	prn_text(d, sx, d->y, tw * 0.4, "(______________________)", 10, false, PRN_LEFT, 0, true);
	d->y += 14;
	return PRN_OK;
}

prn_status prn_render_day_log(const struct prn_day_log *log, struct prn_pdf *out)
{
	if (!log || !out || (log->n_visits > 0 && !log->visits) ||
	    (log->n_denied > 0 && !log->denied))
		return PRN_E_ARG;
	return prn_run_a4(out, &log->hdr, R_("SERVER ROOM DAILY ACCESS LOG"), log_render, log);
}

/* "YYYY-MM-DD HH:MM" for CSV, local time; "" for 0. */
static const char *csv_time(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	time_t tt = (time_t)t;
	if (t <= 0 || !localtime_r(&tt, &tm)) {
		buf[0] = '\0';
		return buf;
	}
	strftime(buf, n, "%Y-%m-%d %H:%M", &tm);
	return buf;
}

prn_status prn_csv_day_log(const struct prn_day_log *log, FILE *f)
{
	char in[32], out[32], dur[32];
	if (!log || !f)
		return PRN_E_ARG;
	/* One table: visits then denied scans, told apart by the first column. The cells people
	 * typed (name, institution, purpose, escort, station, reason) are free text, neutralised
	 * against formulas; the rest we make ourselves and write as they are (numbers stay numbers). */
	static const bool text[] = {false, false, true, true, true,  true,
	                            false, false, false, false, true, true};
	const char *head[] = {"record", "request", "name", "institution", "purpose", "escort",
	                      "in", "out", "duration_min", "status", "station", "reason"};
	int nh = (int)(sizeof(head) / sizeof(head[0]));
	_Static_assert(sizeof(text) / sizeof(text[0]) == sizeof(head) / sizeof(head[0]),
	               "one text flag per column");
	for (int i = 0; i < nh; i++)
		prn_csv_field(f, head[i], i == nh - 1);
	for (int i = 0; i < log->n_visits; i++) {
		const struct prn_log_visit *v = &log->visits[i];
		int64_t end = v->out_at ? v->out_at : (v->inside ? log->now : 0);
		if (end)
			snprintf(dur, sizeof(dur), "%lld", (long long)((end - v->in_at) / 60));
		else
			dur[0] = '\0';
		const char *st = v->inside && v->overstay ? "inside,overstay"
		                 : v->inside              ? "inside"
		                 : v->overstay            ? "out,overstay"
		                                          : "out";
		const char *cells[] = {"visit", v->number, v->name, v->institution, v->purpose, v->escort,
		                       csv_time(v->in_at, in, sizeof(in)),
		                       csv_time(v->out_at, out, sizeof(out)), dur, st, "", ""};
		for (int c = 0; c < nh; c++)
			(text[c] ? prn_csv_text : prn_csv_field)(f, cells[c], c == nh - 1);
	}
	for (int i = 0; i < log->n_denied; i++) {
		const struct prn_log_denied *x = &log->denied[i];
		const char *cells[] = {"denied", x->number, x->name, "", "", x->escort,
		                       csv_time(x->at, in, sizeof(in)), "", "", "denied", x->station,
		                       x->reason};
		for (int c = 0; c < nh; c++)
			(text[c] ? prn_csv_text : prn_csv_field)(f, cells[c], c == nh - 1);
	}
	return ferror(f) ? PRN_E_IO : PRN_OK;
}
