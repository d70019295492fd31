/* test_render.c - every printer document renders to a PDF a person can use: read back with
 * poppler (pdfinfo, pdftotext), rasterized (pdftoppm) and QR-decoded (zbarimg). No CUPS needed,
 * except the check that an unreachable scheduler is reported at once. */
#include <check.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "prn.h"

#define AGENCY "Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat"
#define TOKEN "K7Q2M4XZ3ABCDEFGH5JKLMNPQRSTUVW6"
#define DAY0 1796058000 /* 2026-12-01 00:00 WIB */

static char dir[256];

/* Run a shell command and return its stdout (malloc'd, NUL-terminated). */
static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	ck_assert_msg(p != NULL, "popen %s", cmd);
	size_t cap = 65536, len = 0;
	char *buf = malloc(cap);
	size_t r;
	while ((r = fread(buf + len, 1, cap - len - 1, p)) > 0) {
		len += r;
		if (len + 1 >= cap)
			buf = realloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	pclose(p);
	return buf;
}

/* Save pdf under dir as name.pdf and return its path (static buffer per call site use). */
static const char *save(const struct prn_pdf *pdf, const char *name)
{
	static char path[512];
	snprintf(path, sizeof(path), "%s/%s.pdf", dir, name);
	ck_assert_int_eq(prn_pdf_save(pdf, path), PRN_OK);
	return path;
}

static int pdf_pages(const char *path)
{
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "pdfinfo '%s' | sed -n 's/^Pages: *//p'", path);
	char *out = run(cmd);
	int n = atoi(out);
	free(out);
	return n;
}

/* pdftotext of pages first..last (0: all), layout dropped, as one string. */
static char *pdf_text(const char *path, int first, int last)
{
	char cmd[600];
	if (first > 0)
		snprintf(cmd, sizeof(cmd), "pdftotext -f %d -l %d '%s' -", first, last, path);
	else
		snprintf(cmd, sizeof(cmd), "pdftotext '%s' -", path);
	return run(cmd);
}

/* The text with every run of whitespace made one space, so wrapped words still match. */
static char *flat(char *s)
{
	char *o = s;
	bool sp = false;
	for (char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == '\f') {
			sp = true;
			continue;
		}
		if (sp && o != s)
			*o++ = ' ';
		sp = false;
		*o++ = *p;
	}
	*o = '\0';
	return s;
}

static char *qr_of(const char *path)
{
	char cmd[1200];
	snprintf(cmd, sizeof(cmd),
	         "pdftoppm -r 150 -png -f 1 -l 1 -singlefile '%s' '%s/qr' && "
	         "zbarimg -q --raw '%s/qr.png' 2>/dev/null",
	         path, dir, dir);
	char *out = run(cmd);
	out[strcspn(out, "\r\n")] = '\0';
	return out;
}

static struct prn_badge badge(const char *name)
{
	struct prn_badge b = {.agency = AGENCY, .name = name,
	                      .institution = "PT Telekomunikasi Indonesia (Persero) Tbk",
	                      .escort = "Rahmat Hidayat", .number = "AKS-20261201-0007",
	                      .token = TOKEN, .start_at = DAY0 + 9 * 3600,
	                      .end_at = DAY0 + 12 * 3600, .w_mm = PRN_LABEL_W, .h_mm = PRN_LABEL_H};
	return b;
}

static void setup(void)
{
	const char *base = getenv("AKSES_TEST_TMP");
	char tmpl[256];
	if (base && *base) {
		char cmd[300];
		snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", base);
		free(run(cmd));
	}
	snprintf(tmpl, sizeof(tmpl), "%s/prn-XXXXXX", (base && *base) ? base : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	/* the paper in Indonesian, the default language, from the build's catalogs */
	setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain(PRN_DOMAIN, getenv("AKSES_LOCALEDIR"));
	bind_textdomain_codeset(PRN_DOMAIN, "UTF-8");
	setenv("LANGUAGE", "id", 1);
	snprintf(dir, sizeof(dir), "%s", tmpl);
	setenv("TZ", "Asia/Jakarta", 1);
	tzset();
}

static void teardown(void)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	free(run(cmd));
}

/* ---- badge -------------------------------------------------------------------------------- */

START_TEST(test_badge_shows_visitor_band_name_window_escort_and_number)
{
	struct prn_badge b = badge("Nurul 'Aini Ḥasan José");
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_badge(&b, &pdf), PRN_OK);
	const char *path = save(&pdf, "badge");
	prn_pdf_free(&pdf);
	ck_assert_int_eq(pdf_pages(path), 1);
	char *t = flat(pdf_text(path, 0, 0));
	ck_assert_ptr_nonnull(strstr(t, "PENGUNJUNG / VISITOR"));
	ck_assert_ptr_nonnull(strstr(t, "WAJIB DIDAMPINGI"));
	ck_assert_ptr_nonnull(strstr(t, "Nurul 'Aini Ḥasan José"));
	ck_assert_ptr_nonnull(strstr(t, "Sel, 01 Des 2026 09:00–12:00"));
	ck_assert_ptr_nonnull(strstr(t, "Rahmat Hidayat"));
	ck_assert_ptr_nonnull(strstr(t, "AKS-20261201-0007"));
	/* The token is in the QR only, never as text. */
	ck_assert_ptr_null(strstr(t, TOKEN));
	free(t);
}
END_TEST

START_TEST(test_badge_qr_decodes_to_the_token_alone)
{
	struct prn_badge b = badge("Budi Santoso");
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_badge(&b, &pdf), PRN_OK);
	const char *path = save(&pdf, "badge-qr");
	prn_pdf_free(&pdf);
	char *q = qr_of(path);
	ck_assert_str_eq(q, TOKEN);
	free(q);
}
END_TEST

/* A 100-character name on every label size: still one page, every word on it. */
START_TEST(test_badge_for_100_character_name_fits_on_every_label)
{
	const char *name = "Raden Mas Muhammad Abdurrahman Wahidy Sastrodiningrat Kusumawardhani "
	                   "Prawirodirdjo Hadiningrat Putra";
	ck_assert_int_eq((int)strlen(name), 100);
	const double sizes[3][2] = {{PRN_LABEL_W, PRN_LABEL_H}, {PRN_CR80_W, PRN_CR80_H},
	                            {PRN_A6_W, PRN_A6_H}};
	for (int s = 0; s < 3; s++) {
		struct prn_badge b = badge(name);
		struct prn_pdf pdf;
		b.w_mm = sizes[s][0];
		b.h_mm = sizes[s][1];
		ck_assert_int_eq(prn_render_badge(&b, &pdf), PRN_OK);
		char nm[32];
		snprintf(nm, sizeof(nm), "badge-long-%d", s);
		const char *path = save(&pdf, nm);
		prn_pdf_free(&pdf);
		ck_assert_int_eq(pdf_pages(path), 1);
		char *t = flat(pdf_text(path, 0, 0));
		ck_assert_msg(strstr(t, name) != NULL, "size %d: name cut: %s", s, t);
		free(t);
		char *q = qr_of(path);
		ck_assert_str_eq(q, TOKEN);
		free(q);
	}
}
END_TEST

START_TEST(test_badge_without_token_is_refused)
{
	struct prn_badge b = badge("Budi");
	struct prn_pdf pdf;
	b.token = "";
	ck_assert_int_eq(prn_render_badge(&b, &pdf), PRN_E_ARG);
}
END_TEST

START_TEST(test_receipt_has_number_next_steps_and_receipt_token_qr)
{
	struct prn_receipt r = {.agency = AGENCY, .number = "AKS-20261201-0007",
	                        .name = "Nurul 'Aini", .token = TOKEN,
	                        .submitted_at = DAY0 + 8 * 3600, .start_at = DAY0 + 9 * 3600,
	                        .end_at = DAY0 + 12 * 3600, .w_mm = PRN_LABEL_W,
	                        .h_mm = PRN_LABEL_H};
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_receipt(&r, &pdf), PRN_OK);
	const char *path = save(&pdf, "receipt");
	prn_pdf_free(&pdf);
	char *t = flat(pdf_text(path, 0, 0));
	ck_assert_ptr_nonnull(strstr(t, "AKS-20261201-0007"));
	ck_assert_ptr_nonnull(strstr(t, "BUKAN KARTU AKSES"));
	ck_assert_ptr_nonnull(strstr(t, "4 digit terakhir HP"));
	free(t);
	char *q = qr_of(path);
	ck_assert_str_eq(q, TOKEN);
	free(q);
}
END_TEST

/* ---- daily log ---------------------------------------------------------------------------- */

static struct prn_day_log day_log(int n, struct prn_log_visit *v, char (*names)[64])
{
	for (int i = 0; i < n; i++) {
		snprintf(names[i], 64, "Pengunjung %05d", i + 1);
		v[i] = (struct prn_log_visit){"AKS-20261201-0001",
		                              names[i],
		                              "PT Contoh Sejahtera",
		                              "Pemeliharaan perangkat",
		                              "Rahmat Hidayat",
		                              DAY0 + 8 * 3600 + i % 36000,
		                              (i % 9 == 4) ? 0 : DAY0 + 9 * 3600 + i % 36000,
		                              DAY0 + 12 * 3600,
		                              i % 9 == 4,
		                              i % 13 == 6};
	}
	struct prn_day_log log = {.hdr = {AGENCY, "Bidang Aplikasi Informatika", "Padang",
	                                  "RECEPTION", DAY0 + 17 * 3600},
	                          .day = "2026-12-01", .day_start = DAY0, .now = DAY0 + 17 * 3600,
	                          .n_visits = n, .visits = v};
	for (int i = 0; i < n; i++)
		log.per_hour[8 + (i % 36000) / 3600]++;
	return log;
}

START_TEST(test_day_log_without_visits_says_so_on_one_page)
{
	struct prn_day_log log = day_log(0, NULL, NULL);
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_day_log(&log, &pdf), PRN_OK);
	const char *path = save(&pdf, "log-empty");
	prn_pdf_free(&pdf);
	ck_assert_int_eq(pdf_pages(path), 1);
	char *t = flat(pdf_text(path, 0, 0));
	ck_assert_ptr_nonnull(strstr(t, "LOG AKSES HARIAN"));
	ck_assert_ptr_nonnull(strstr(t, "1 Desember 2026"));
	ck_assert_ptr_nonnull(strstr(t, "Tidak ada kunjungan"));
	ck_assert_ptr_nonnull(strstr(t, "Tidak ada pemindaian yang ditolak"));
	ck_assert_ptr_nonnull(strstr(t, "Halaman 1 dari 1"));
	free(t);
}
END_TEST

START_TEST(test_day_log_of_10000_visits_paginates_with_header_on_every_page)
{
	int n = 10000;
	struct prn_log_visit *v = calloc(n, sizeof(*v));
	char(*names)[64] = calloc(n, 64);
	struct prn_day_log log = day_log(n, v, names);
	struct prn_log_denied den = {DAY0 + 10 * 3600, "DOOR-1", "Sudah di dalam",
	                             "Rahmat Hidayat", "AKS-20261201-0001", "Pengunjung 00001"};
	log.n_denied = 1;
	log.denied = &den;
	struct prn_pdf pdf;
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	ck_assert_int_eq(prn_render_day_log(&log, &pdf), PRN_OK);
	clock_gettime(CLOCK_MONOTONIC, &b);
	double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
	printf("daily log of %d visits: %d pages, %zu bytes, rendered in %.3f s\n", n, pdf.pages,
	       pdf.len, s);
	const char *path = save(&pdf, "log-10000");
	int pages = pdf.pages;
	prn_pdf_free(&pdf);
	ck_assert_int_gt(pages, 100);
	ck_assert_int_eq(pdf_pages(path), pages);
	/* The column header is repeated on page 2 and on the last page of visits. */
	char *t2 = flat(pdf_text(path, 2, 2));
	ck_assert_ptr_nonnull(strstr(t2, "Permohonan"));
	ck_assert_ptr_nonnull(strstr(t2, "Keperluan"));
	ck_assert_ptr_nonnull(strstr(t2, "Pendamping"));
	char want[64];
	snprintf(want, sizeof(want), "Halaman 2 dari %d", pages);
	ck_assert_ptr_nonnull(strstr(t2, want));
	free(t2);
	char *tl = flat(pdf_text(path, pages, pages));
	ck_assert_ptr_nonnull(strstr(tl, "Pengunjung 10000"));
	ck_assert_ptr_nonnull(strstr(tl, "Pemindaian ditolak"));
	snprintf(want, sizeof(want), "Halaman %d dari %d", pages, pages);
	ck_assert_ptr_nonnull(strstr(tl, want));
	free(tl);
	free(v);
	free(names);
}
END_TEST

START_TEST(test_day_log_marks_still_inside_and_overstay)
{
	struct prn_log_visit v[3];
	char names[3][64];
	struct prn_day_log log = day_log(3, v, names);
	v[0].inside = true;
	v[0].out_at = 0;
	v[0].overstay = false;
	v[1].inside = false;
	v[1].overstay = true;
	v[2].inside = false;
	v[2].overstay = false;
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_day_log(&log, &pdf), PRN_OK);
	const char *path = save(&pdf, "log-marks");
	prn_pdf_free(&pdf);
	char *t = flat(pdf_text(path, 0, 0));
	ck_assert_ptr_nonnull(strstr(t, "MASIH DI DALAM"));
	ck_assert_ptr_nonnull(strstr(t, "LEWAT WAKTU"));
	ck_assert_ptr_nonnull(strstr(t, "Keluar"));
	free(t);
}
END_TEST

/* The table's fast text path: accented Latin names come out letter for letter, a name in a script
 * that needs shaping goes through pango without upsetting the rows around it, and a cell too long
 * for two lines ends in an ellipsis instead of running into the next row. */
START_TEST(test_day_log_writes_names_as_given_and_ends_overlong_cells_with_ellipsis)
{
	struct prn_log_visit v[5];
	char names[5][64];
	struct prn_day_log log = day_log(5, v, names);
	v[0].name = "José Ramos";
	v[1].name = "Ḥasanah Nurhaliza Ñúñez";
	v[2].name = "حسن البنا";
	v[3].name = "Siti Aminah";
	v[4].name = "Budi";
	v[4].purpose = "Penggantian UPS dan pengecekan baterai seluruh rak server lantai dua "
	               "serta pendinginan ruang arsip";
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_day_log(&log, &pdf), PRN_OK);
	const char *path = save(&pdf, "log-names");
	prn_pdf_free(&pdf);
	ck_assert_int_eq(pdf_pages(path), 1);
	char *t = flat(pdf_text(path, 0, 0));
	ck_assert_msg(strstr(t, "José Ramos") != NULL, "%s", t);
	ck_assert_msg(strstr(t, "Ḥasanah Nurhaliza Ñúñez") != NULL, "%s", t);
	ck_assert_ptr_nonnull(strstr(t, "Siti Aminah"));
	ck_assert_ptr_nonnull(strstr(t, "Penggantian UPS"));
	ck_assert_ptr_nonnull(strstr(t, "…"));
	ck_assert_msg(strstr(t, "arsip") == NULL, "the overlong purpose was not cut: %s", t);
	free(t);
}
END_TEST

START_TEST(test_csv_quotes_comma_quote_and_newline)
{
	struct prn_log_visit v[1];
	char names[1][64];
	struct prn_day_log log = day_log(1, v, names);
	v[0].name = "Budi \"Ucok\" Santoso, S.T.";
	v[0].institution = "PT Satu\nDua";
	v[0].inside = false;
	v[0].overstay = false;
	v[0].in_at = DAY0 + 9 * 3600;
	v[0].out_at = DAY0 + 10 * 3600 + 30 * 60;
	char path[300];
	snprintf(path, sizeof(path), "%s/log.csv", dir);
	FILE *f = fopen(path, "wb");
	ck_assert_int_eq(prn_csv_day_log(&log, f), PRN_OK);
	fclose(f);
	f = fopen(path, "rb");
	char buf[2048];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	const char *want =
		"record,request,name,institution,purpose,escort,in,out,duration_min,status,station,"
		"reason\r\n"
		"visit,AKS-20261201-0001,\"Budi \"\"Ucok\"\" Santoso, S.T.\",\"PT Satu\nDua\","
		"Pemeliharaan perangkat,Rahmat Hidayat,2026-12-01 09:00,2026-12-01 10:30,90,out,,\r\n";
	ck_assert_str_eq(buf, want);
}
END_TEST

/* OWASP CSV injection: a name, institution, purpose or escort name that starts a formula opens as
 * text in a spreadsheet (a leading '), still quoted by RFC 4180; the numbers we write stay numbers. */
START_TEST(test_csv_neutralises_formula_payloads_in_every_text_cell)
{
	static const char *const payload[] = {
	    "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
	    "Siti-Aminah; S.T.", "Budi Santoso"};
	static const char *const cell[] = {
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "'+1+1", "'-2+3", "'@SUM(A1)", "'\t=1",
	    "\"'\r=1\"", "\"Siti-Aminah; S.T.\"", "Budi Santoso"};
	enum { N = sizeof(payload) / sizeof(payload[0]) };
	struct prn_log_visit v[N];
	char names[N][64];
	struct prn_day_log log = day_log(N, v, names);
	for (int i = 0; i < N; i++) {
		v[i].name = v[i].institution = v[i].purpose = v[i].escort = payload[i];
		v[i].inside = v[i].overstay = false;
		v[i].in_at = DAY0 + 9 * 3600;
		v[i].out_at = DAY0 + 10 * 3600 + 30 * 60;
	}
	struct prn_log_denied d = {DAY0 + 11 * 3600, "=cmd|' /C calc'!A0", "-1", "+62812",
	                           "AKS-20261201-0002", "@SUM(A1)"};
	log.n_denied = 1;
	log.denied = &d;
	char path[300];
	snprintf(path, sizeof(path), "%s/inject.csv", dir);
	FILE *f = fopen(path, "wb");
	ck_assert_int_eq(prn_csv_day_log(&log, f), PRN_OK);
	fclose(f);
	f = fopen(path, "rb");
	static char buf[8192];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);

	static char want[8192];
	int o = snprintf(want, sizeof(want), "record,request,name,institution,purpose,escort,in,out,"
	                                     "duration_min,status,station,reason\r\n");
	for (int i = 0; i < N; i++)
		o += snprintf(want + o, sizeof(want) - (size_t)o,
		              "visit,AKS-20261201-0001,%s,%s,%s,%s,2026-12-01 09:00,2026-12-01 10:30,90,"
		              "out,,\r\n",
		              cell[i], cell[i], cell[i], cell[i]);
	snprintf(want + o, sizeof(want) - (size_t)o,
	         "denied,AKS-20261201-0002,'@SUM(A1),,,'+62812,2026-12-01 11:00,,,denied,"
	         "'=cmd|' /C calc'!A0,'-1\r\n");
	ck_assert_str_eq(buf, want);
}
END_TEST

/* ---- the SOP's A4 paper ------------------------------------------------------------------- */

static const struct prn_header hdr = {AGENCY, "Bidang Aplikasi Informatika", "Padang",
                                      "RECEPTION", DAY0 + 15 * 3600, NULL, 0, false};

START_TEST(test_access_report_is_a_berita_acara_with_timeline_and_signatures)
{
	struct prn_step steps[3] = {
		{1, "Permohonan diajukan", "Pemohon", "", DAY0 + 8 * 3600, 120, 180, ""},
		{2, "Disposisi ke Kabid", "Kepala Dinas", "Kadis Dua", DAY0 + 8 * 3600 + 600, 600,
		 180, "Segera"},
		{9, "Laporan akses", "Helpdesk", "Helpdesk Enam", DAY0 + 14 * 3600, 100, 180, ""},
	};
	struct prn_signer ack[3] = {{"Koordinator", "Koordinator Empat", DAY0 + 14 * 3600 + 60},
	                            {"Kabid", "", 0},
	                            {"Kepala Dinas", "", 0}};
	struct prn_report r = {.hdr = hdr, .doc_number = "BA/AKS-20261201-0007",
	                       .number = "AKS-20261201-0007", .name = "Nurul 'Aini",
	                       .institution = "PT Contoh", .purpose = "Ganti UPS",
	                       .escort = "Rahmat Hidayat", .state = "Dilaporkan",
	                       .start_at = DAY0 + 9 * 3600, .end_at = DAY0 + 12 * 3600,
	                       .first_in = DAY0 + 9 * 3600 + 300, .last_out = DAY0 + 11 * 3600,
	                       .n_people = 1, .text = "UPS rak 3 diganti. Tidak ada kendala.",
	                       .n_steps = 3, .steps = steps,
	                       .writer = {"Helpdesk", "Helpdesk Enam", DAY0 + 14 * 3600},
	                       .escort_signer = {"Tim Teknis", "Rahmat Hidayat", 0},
	                       .n_ack = 3, .ack = ack};
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_report(&r, &pdf), PRN_OK);
	const char *path = save(&pdf, "report");
	prn_pdf_free(&pdf);
	char *t = flat(pdf_text(path, 0, 0));
	ck_assert_ptr_nonnull(strstr(t, "BERITA ACARA"));
	ck_assert_ptr_nonnull(strstr(t, "BA/AKS-20261201-0007"));
	ck_assert_ptr_nonnull(strstr(t, "Nurul 'Aini"));
	ck_assert_ptr_nonnull(strstr(t, "UPS rak 3 diganti"));
	ck_assert_ptr_nonnull(strstr(t, "Disposisi ke Kabid"));
	ck_assert_ptr_nonnull(strstr(t, "( Koordinator Empat )"));
	free(t);
}
END_TEST

START_TEST(test_compliance_report_and_csv_carry_every_step)
{
	struct prn_comp_row rows[2] = {
		{2, "Kepala Dinas", "Disposisi ke Kabid", 10, 150, 400, 180, 0.7},
		{3, "Kabid", "Disposisi ke Koordinator", 10, 90, 170, 180, 1.0},
	};
	struct prn_compliance c = {.hdr = hdr, .from = "2026-11-01", .to = "2026-11-30", .n = 2,
	                           .rows = rows};
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_compliance(&c, &pdf), PRN_OK);
	const char *path = save(&pdf, "compliance");
	prn_pdf_free(&pdf);
	char *t = flat(pdf_text(path, 0, 0));
	ck_assert_ptr_nonnull(strstr(t, "KEPATUHAN SOP"));
	ck_assert_ptr_nonnull(strstr(t, "2026-11-01 s.d. 2026-11-30"));
	ck_assert_ptr_nonnull(strstr(t, "Disposisi ke Koordinator"));
	ck_assert_ptr_nonnull(strstr(t, "70%"));
	free(t);
	char cpath[300];
	snprintf(cpath, sizeof(cpath), "%s/c.csv", dir);
	FILE *f = fopen(cpath, "wb");
	ck_assert_int_eq(prn_csv_compliance(&c, f), PRN_OK);
	fclose(f);
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "cat '%s'", cpath);
	char *csv = run(cmd);
	ck_assert_str_eq(csv, "step,activity,role,count,median_s,p90_s,standard_s,within_share\r\n"
	                      "2,Disposisi ke Kabid,Kepala Dinas,10,150,400,180,0.700\r\n"
	                      "3,Disposisi ke Koordinator,Kabid,10,90,170,180,1.000\r\n");
	free(csv);
}
END_TEST

START_TEST(test_inside_list_names_everyone_with_escort)
{
	struct prn_inside_row rows[2] = {
		{"AKS-20261201-0007", "Nurul 'Aini", "PT Contoh", "Rahmat Hidayat", DAY0 + 9 * 3600,
		 DAY0 + 12 * 3600, false},
		{"AKS-20261201-0008", "Budi Santoso", "CV Dua", "Rahmat Hidayat", DAY0 + 8 * 3600,
		 DAY0 + 10 * 3600, true},
	};
	struct prn_inside in = {.hdr = hdr, .n = 2, .rows = rows};
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_inside(&in, &pdf), PRN_OK);
	const char *path = save(&pdf, "inside");
	prn_pdf_free(&pdf);
	char *t = flat(pdf_text(path, 0, 0));
	ck_assert_ptr_nonnull(strstr(t, "EVAKUASI"));
	ck_assert_ptr_nonnull(strstr(t, "2 orang di dalam"));
	ck_assert_ptr_nonnull(strstr(t, "Budi Santoso"));
	ck_assert_ptr_nonnull(strstr(t, "pukul 15:00"));
	free(t);
}
END_TEST

START_TEST(test_letter_and_disposition_sheet_carry_the_request)
{
	const char *comp[1] = {"Siti Rahma"}, *cnik[1] = {"1371********0002"},
		   *eq[1] = {"Laptop"};
	struct prn_letter l = {.hdr = hdr, .number = "AKS-20261201-0007", .name = "Nurul 'Aini",
	                       .nik_masked = "1371********0001", .institution = "PT Contoh",
	                       .phone_masked = "+6281*****7890", .purpose_category = "Pemeliharaan",
	                       .purpose = "Ganti UPS", .created_at = DAY0 + 8 * 3600,
	                       .start_at = DAY0 + 9 * 3600, .end_at = DAY0 + 12 * 3600,
	                       .n_companions = 1, .companions = comp, .companion_niks = cnik,
	                       .n_equipment = 1, .equipment = eq};
	struct prn_pdf pdf;
	ck_assert_int_eq(prn_render_letter(&l, &pdf), PRN_OK);
	const char *path = save(&pdf, "letter");
	prn_pdf_free(&pdf);
	char *t = flat(pdf_text(path, 0, 0));
	ck_assert_ptr_nonnull(strstr(t, "SURAT PERMOHONAN"));
	ck_assert_ptr_nonnull(strstr(t, "AKS-20261201-0007"));
	ck_assert_ptr_nonnull(strstr(t, "Siti Rahma"));
	ck_assert_ptr_nonnull(strstr(t, "1371********0001"));
	free(t);

	struct prn_disposition_row rows[2] = {
		{"Kepala Dinas", "Kabid", "Disposisi ke Kabid: segera", "Kadis Dua",
		 DAY0 + 8 * 3600 + 600},
		{"Kabid", "Koordinator", "", "", 0},
	};
	struct prn_disposition d = {.hdr = hdr, .sender = "Nurul 'Aini (PT Contoh)",
	                            .letter_number = "AKS-20261201-0007",
	                            .agenda_number = "AKS-20261201-0007",
	                            .subject = "Permohonan akses ruang server",
	                            .letter_date = DAY0 + 8 * 3600, .received_at = DAY0 + 8 * 3600,
	                            .urgency = "segera", .n_rows = 2, .rows = rows,
	                            .official_role = "Kepala Dinas", .official_name = "Kadis Dua"};
	ck_assert_int_eq(prn_render_disposition(&d, &pdf), PRN_OK);
	path = save(&pdf, "disposition");
	prn_pdf_free(&pdf);
	t = flat(pdf_text(path, 0, 0));
	ck_assert_ptr_nonnull(strstr(t, "LEMBAR DISPOSISI"));
	ck_assert_ptr_nonnull(strstr(t, "Nomor agenda"));
	ck_assert_ptr_nonnull(strstr(t, "Sangat segera"));
	ck_assert_ptr_nonnull(strstr(t, "Disposisi ke Kabid: segera"));
	ck_assert_ptr_nonnull(strstr(t, "NIP"));
	free(t);
}
END_TEST

/* ---- CUPS without a scheduler ------------------------------------------------------------- */

START_TEST(test_unreachable_scheduler_is_reported_at_once)
{
	char sock[300];
	snprintf(sock, sizeof(sock), "%s/no-cupsd.sock", dir);
	setenv("CUPS_SERVER", sock, 1);
	struct prn_badge b = badge("Budi");
	struct prn_pdf pdf;
	struct prn_queue q;
	int id = -1;
	ck_assert_int_eq(prn_render_badge(&b, &pdf), PRN_OK);
	time_t t0 = time(NULL);
	ck_assert_int_eq(prn_cups_submit("PDF", "t", &pdf, &q, &id), PRN_E_NO_SCHEDULER);
	ck_assert_int_eq(id, 0);
	ck_assert_int_eq(prn_cups_queue(NULL, &q), PRN_E_NO_SCHEDULER);
	ck_assert_int_le(time(NULL) - t0, 5);
	prn_pdf_free(&pdf);
	unsetenv("CUPS_SERVER");
}
END_TEST

static Suite *render_suite(void)
{
	Suite *s = suite_create("printer-render");
	TCase *tc = tcase_create("documents");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_badge_shows_visitor_band_name_window_escort_and_number);
	tcase_add_test(tc, test_badge_qr_decodes_to_the_token_alone);
	tcase_add_test(tc, test_badge_for_100_character_name_fits_on_every_label);
	tcase_add_test(tc, test_badge_without_token_is_refused);
	tcase_add_test(tc, test_receipt_has_number_next_steps_and_receipt_token_qr);
	tcase_add_test(tc, test_day_log_without_visits_says_so_on_one_page);
	tcase_add_test(tc, test_day_log_of_10000_visits_paginates_with_header_on_every_page);
	tcase_add_test(tc, test_day_log_marks_still_inside_and_overstay);
	tcase_add_test(tc, test_day_log_writes_names_as_given_and_ends_overlong_cells_with_ellipsis);
	tcase_add_test(tc, test_csv_quotes_comma_quote_and_newline);
	tcase_add_test(tc, test_csv_neutralises_formula_payloads_in_every_text_cell);
	tcase_add_test(tc, test_access_report_is_a_berita_acara_with_timeline_and_signatures);
	tcase_add_test(tc, test_compliance_report_and_csv_carry_every_step);
	tcase_add_test(tc, test_inside_list_names_everyone_with_escort);
	tcase_add_test(tc, test_letter_and_disposition_sheet_carry_the_request);
	tcase_add_test(tc, test_unreachable_scheduler_is_reported_at_once);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(render_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
