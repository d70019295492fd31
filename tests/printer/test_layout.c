/* test_layout.c - the paper reads right when read back (pdftotext): no word broken or hyphenated
 * in a column title, request numbers on one line, the berita acara's closing sentence on the page
 * of its signatures, every compliance bar named once and a 0 % bar with its figure. (Ligatures
 * are checked through CUPS in cups_print.sh: only cups-pdf's output lost their letters.) */
#include <check.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prn.h"

#define AGENCY "Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat"
#define DAY0 1796058000 /* 2026-12-01 00:00 WIB */

static const struct prn_header hdr = {AGENCY, "Bidang Aplikasi Informatika", "Padang",
                                      "RECEPTION", DAY0 + 17 * 3600, NULL, 0, false};
static char dir[256];

static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	ck_assert_msg(p != NULL, "popen %s", cmd);
	size_t cap = 65536, len = 0, r;
	char *buf = malloc(cap);
	while ((r = fread(buf + len, 1, cap - len - 1, p)) > 0) {
		len += r;
		if (len + 1 >= cap)
			buf = realloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	pclose(p);
	return buf;
}

/* The PDF saved as dir/name.pdf and freed; its path in path. */
static void save(struct prn_pdf *pdf, const char *name, char *path, size_t n)
{
	snprintf(path, n, "%s/%s.pdf", dir, name);
	ck_assert_int_eq(prn_pdf_save(pdf, path), PRN_OK);
	prn_pdf_free(pdf);
}

/* pdftotext -layout of page (0: all). */
static char *text_of(const char *path, int page)
{
	char cmd[700];
	if (page > 0)
		snprintf(cmd, sizeof cmd, "pdftotext -layout -f %d -l %d '%s' -", page, page, path);
	else
		snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' -", path);
	return run(cmd);
}

static int pages_of(const char *path)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "pdfinfo '%s' | sed -n 's/^Pages: *//p'", path);
	char *out = run(cmd);
	int n = atoi(out);
	free(out);
	return n;
}

/* The first page (1-based) whose text holds s; 0 for none. */
static int page_with(const char *path, const char *s)
{
	int n = pages_of(path);
	for (int p = 1; p <= n; p++) {
		char *t = text_of(path, p);
		bool found = strstr(t, s) != NULL;
		free(t);
		if (found)
			return p;
	}
	return 0;
}

static void setup(void)
{
	const char *base = getenv("AKSES_TEST_TMP");
	char tmpl[256];
	if (base && *base) {
		char cmd[300];
		snprintf(cmd, sizeof cmd, "mkdir -p '%s'", base);
		free(run(cmd));
	}
	snprintf(tmpl, sizeof tmpl, "%s/prnlay-XXXXXX", (base && *base) ? base : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	/* the paper in Indonesian, the default language, from the build's catalogs */
	setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain(PRN_DOMAIN, getenv("AKSES_LOCALEDIR"));
	bind_textdomain_codeset(PRN_DOMAIN, "UTF-8");
	setenv("LANGUAGE", "id", 1);
	snprintf(dir, sizeof dir, "%s", tmpl);
}

static void teardown(void)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	free(run(cmd));
}

/* However long the report, the closing sentence is on the page of the first signatures. */
START_TEST(test_berita_acara_signatures_never_sit_alone)
{
	struct prn_step steps[1] = {
		{9, "Laporan akses", "Helpdesk", "Helpdesk Enam", DAY0 + 14 * 3600, 100, 180, ""}};
	struct prn_signer ack[3] = {{"Koordinator", "", 0}, {"Kabid", "", 0}, {"Kepala Dinas", "", 0}};
	char text[8192];
	int split = 0;
	for (int lines = 20; lines <= 58; lines += 2) {
		size_t o = 0;
		for (int i = 0; i < lines; i++)
			o += (size_t)snprintf(text + o, sizeof text - o, "Pekerjaan baris %d selesai.\n",
			                      i + 1);
		struct prn_report r = {.hdr = hdr, .doc_number = "BA/AKS-20261201-00007",
		                       .number = "AKS-20261201-00007", .name = "Nurul 'Aini",
		                       .institution = "PT Contoh", .purpose = "Ganti UPS",
		                       .escort = "Rahmat Hidayat", .state = "Dilaporkan",
		                       .start_at = DAY0 + 9 * 3600, .end_at = DAY0 + 12 * 3600,
		                       .n_people = 1, .text = text, .n_steps = 1, .steps = steps,
		                       .writer = {"Helpdesk", "Helpdesk Enam", DAY0 + 14 * 3600},
		                       .escort_signer = {"Tim Teknis", "Rahmat Hidayat", 0},
		                       .n_ack = 3, .ack = ack};
		struct prn_pdf pdf;
		char path[400], name[32];
		ck_assert_int_eq(prn_render_report(&r, &pdf), PRN_OK);
		snprintf(name, sizeof name, "ba-%d", lines);
		save(&pdf, name, path, sizeof path);
		int closing = page_with(path, "Demikian berita acara");
		int signed_ = page_with(path, "( Helpdesk Enam )");
		ck_assert_msg(closing > 0 && closing == signed_,
		              "%d lines: closing sentence on page %d, signatures on page %d", lines,
		              closing, signed_);
		split += signed_ > 1;
	}
	ck_assert_msg(split > 0, "no length put the signatures on a second page");
}
END_TEST

/* A group of 30 with the longest names: the letter names every companion with their number, runs
 * on to further pages, and ends with the applicant's signature; the berita acara lists all 30. */
START_TEST(test_a_group_of_thirty_is_on_the_letter_and_the_berita_acara)
{
	static char names[30][512], niks[29][32];
	const char *comp[29], *cn[29], *people[30];
	for (int i = 0; i < 30; i++) {
		size_t o = 0;
		while (o < 100) /* 100 characters, wide letters */
			o += (size_t)snprintf(names[i] + o, sizeof names[i] - o, "Wulan Wiwik W%02d ", i);
		names[i][100] = '\0';
		people[i] = names[i];
	}
	for (int i = 0; i < 29; i++) {
		snprintf(niks[i], sizeof niks[i], "317101******%04d", i + 1);
		comp[i] = names[i + 1];
		cn[i] = niks[i];
	}
	struct prn_letter l = {.hdr = hdr, .number = "AKS-20261201-00007", .name = "Nurul 'Aini",
	                       .nik_masked = "317105******0003", .institution = "Universitas Andalas",
	                       .phone_masked = "+62812*****7890", .purpose_category = "Kunjungan",
	                       .purpose = "Studi banding", .created_at = DAY0 + 8 * 3600,
	                       .start_at = DAY0 + 10 * 3600, .end_at = DAY0 + 12 * 3600,
	                       .n_companions = 29, .companions = comp, .companion_niks = cn};
	struct prn_pdf pdf;
	char path[400];
	ck_assert_int_eq(prn_render_letter(&l, &pdf), PRN_OK);
	save(&pdf, "letter-30", path, sizeof path);
	int pages = pages_of(path);
	ck_assert_int_ge(pages, 2);
	for (int i = 0; i < 29; i++) {
		char want[64];
		snprintf(want, sizeof want, "(NIK %.16s)", niks[i]);
		ck_assert_msg(page_with(path, want) > 0, "companion %d is not on the letter", i + 1);
	}
	ck_assert_int_eq(page_with(path, "( Nurul 'Aini )"), pages);

	struct prn_report r = {.hdr = hdr, .doc_number = "BA/AKS-20261201-00007",
	                       .number = "AKS-20261201-00007", .name = names[0],
	                       .institution = "Universitas Andalas", .purpose = "Studi banding",
	                       .escort = "Rahmat Hidayat", .state = "Dilaporkan",
	                       .start_at = DAY0 + 10 * 3600, .end_at = DAY0 + 12 * 3600,
	                       .n_people = 30, .people = people, .text = "Selesai.",
	                       .writer = {"Helpdesk", "Helpdesk Enam", DAY0 + 14 * 3600},
	                       .escort_signer = {"Tim Teknis", "Rahmat Hidayat", 0}};
	ck_assert_int_eq(prn_render_report(&r, &pdf), PRN_OK);
	save(&pdf, "ba-30", path, sizeof path);
	char *t = text_of(path, 0);
	for (int i = 0; i < 30; i++) {
		char want[32];
		snprintf(want, sizeof want, "W%02d", i); /* each name's mark, wrapped or not */
		ck_assert_msg(strstr(t, want) != NULL, "person %d is not on the berita acara", i + 1);
	}
	free(t);
}
END_TEST

START_TEST(test_compliance_names_each_bar_once_and_shows_zero)
{
	struct prn_comp_row rows[3] = {
		{5, "Kabid", "Setujui", 4, 100, 200, 180, 0.5},
		{6, "Koordinator (Helpdesk)", "Tunjuk pendamping", 4, 90, 170, 180, 1.0},
		{6, "Helpdesk", "Catat dan terbitkan kartu akses", 4, 400, 500, 180, 0.0},
	};
	struct prn_compliance c = {.hdr = hdr, .from = "2026-11-01", .to = "2026-11-30", .n = 3,
	                           .rows = rows};
	struct prn_pdf pdf;
	char path[400];
	ck_assert_int_eq(prn_render_compliance(&c, &pdf), PRN_OK);
	save(&pdf, "compliance", path, sizeof path);
	char *t = text_of(path, 0);
	ck_assert_msg(strstr(t, "L6a") && strstr(t, "L6b") && strstr(t, "L5"), "%s", t);
	ck_assert_msg(!strstr(t, "L6 "), "a bar is still labelled L6: %s", t);
	/* the 0 % bar carries its figure: 50% once, 100% once, 0% in the chart and the table */
	const char *p = strstr(t, "0%");
	int zeros = 0;
	for (; p; p = strstr(p + 1, "0%"))
		zeros += p == t || (p[-1] == ' ');
	ck_assert_msg(zeros >= 2, "the 0%% bar has no figure: %s", t);
	ck_assert_msg(strstr(t, "Langkah") && !strstr(t, "Langka-"), "%s", t);
	free(t);
}
END_TEST

START_TEST(test_evacuation_list_keeps_headers_and_numbers_whole)
{
	struct prn_inside_row rows[2] = {
		{"AKS-20261201-00007", "Nurul 'Aini", "PT Contoh", "Rahmat Hidayat", DAY0 + 9 * 3600,
		 DAY0 + 12 * 3600, false},
		{"AKS-20261201-00007", "Rahmat Hidayat", "Tim Teknis", "-", DAY0 + 9 * 3600,
		 DAY0 + 12 * 3600, false},
	};
	struct prn_inside in = {.hdr = hdr, .n = 2, .rows = rows};
	struct prn_pdf pdf;
	char path[400];
	ck_assert_int_eq(prn_render_inside(&in, &pdf), PRN_OK);
	save(&pdf, "inside", path, sizeof path);
	char *t = text_of(path, 0);
	ck_assert_msg(strstr(t, "Pendamping") && strstr(t, "Masuk") && strstr(t, "Permohonan"),
	              "a column title is broken: %s", t);
	ck_assert_msg(!strstr(t, "Pendampin-") && !strstr(t, "Mas-"), "%s", t);
	/* both rows carry the whole number on one line */
	const char *p = strstr(t, "AKS-20261201-00007");
	ck_assert_msg(p && strstr(p + 1, "AKS-20261201-00007"), "a request number is split: %s", t);
	free(t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("printer-layout");
	TCase *tc = tcase_create("read back");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_berita_acara_signatures_never_sit_alone);
	tcase_add_test(tc, test_a_group_of_thirty_is_on_the_letter_and_the_berita_acara);
	tcase_add_test(tc, test_compliance_names_each_bar_once_and_shows_zero);
	tcase_add_test(tc, test_evacuation_list_keeps_headers_and_numbers_whole);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
