/* test_lang.c - a thread pinned to a language (lang.h) reads that language while the process, and
 * every other thread, keeps its own: the print worker writes a visitor's paper in their language
 * while the screen stays in the session's. A missing or broken catalog gives the English msgid. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "lang.h"
#include "wf.h"

#define ROUNDS 2000 /* lookups per thread while the other one reads the other language */

struct reader {
	const char *pin; /* NULL: not pinned */
	const char *want;
	int wrong;
};

static void *read_purpose(void *arg)
{
	struct reader *r = arg;
	lang_thread_set(r->pin);
	for (int i = 0; i < ROUNDS; i++)
		if (strcmp(wf_purpose_label(PURPOSE_MAINTENANCE), r->want) != 0)
			r->wrong++;
	lang_thread_set(NULL);
	return NULL;
}

START_TEST(test_a_pinned_thread_reads_its_language_while_the_process_reads_its_own)
{
	ck_assert_int_eq(i18n_init(NULL, "en"), 0);
	struct reader id = {"id", "Pemeliharaan perangkat", 0};
	struct reader en = {NULL, "Equipment maintenance", 0};
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, read_purpose, &id), 0);
	read_purpose(&en);
	pthread_join(t, NULL);
	ck_assert_int_eq(id.wrong, 0);
	ck_assert_int_eq(en.wrong, 0);

	/* and the other way round: an Indonesian session, a thread pinned to English */
	ck_assert_int_eq(i18n_init(NULL, "id"), 0);
	struct reader en2 = {"en", "Equipment maintenance", 0};
	struct reader id2 = {NULL, "Pemeliharaan perangkat", 0};
	ck_assert_int_eq(pthread_create(&t, NULL, read_purpose, &en2), 0);
	read_purpose(&id2);
	pthread_join(t, NULL);
	ck_assert_int_eq(en2.wrong, 0);
	ck_assert_int_eq(id2.wrong, 0);
}
END_TEST

START_TEST(test_unpinning_follows_the_process_again)
{
	ck_assert_int_eq(i18n_init(NULL, "id"), 0);
	lang_thread_set("en");
	ck_assert_str_eq(lang_thread(), "en");
	ck_assert_str_eq(wf_purpose_label(PURPOSE_MAINTENANCE), "Equipment maintenance");
	lang_thread_set("xx"); /* not a language: unpinned */
	ck_assert_ptr_null(lang_thread());
	ck_assert_str_eq(wf_purpose_label(PURPOSE_MAINTENANCE), "Pemeliharaan perangkat");
	i18n_set_lang("en");
	ck_assert_str_eq(wf_purpose_label(PURPOSE_MAINTENANCE), "Equipment maintenance");
}
END_TEST

/* Write bytes as <dir>/id/LC_MESSAGES/<domain>.mo. */
static void write_mo(const char *dir, const char *domain, const void *bytes, size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "%s/id", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/id/LC_MESSAGES", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/id/LC_MESSAGES/%s.mo", dir, domain);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(bytes, 1, n, f), n);
	fclose(f);
}

START_TEST(test_a_missing_or_broken_catalog_gives_the_english)
{
	const char *tmp = getenv("AKSES_TEST_TMP");
	char dir[256];
	snprintf(dir, sizeof dir, "%s/lang-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	mkdir(tmp && *tmp ? tmp : "/tmp", 0700);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	/* a .mo header whose tables point far past the end of the file */
	const unsigned int bad[7] = {0x950412deu, 0, 5, 0x7ffffff0u, 0x7ffffff0u, 0, 0};
	write_mo(dir, "akses-test-bad", bad, sizeof bad);
	write_mo(dir, "akses-test-short", "\xde\x12\x04\x95", 4);
	bindtextdomain("akses-test-bad", dir);
	bindtextdomain("akses-test-short", dir);
	bindtextdomain("akses-test-none", dir);
	lang_thread_set("id");
	ck_assert_str_eq(lang_gettext("akses-test-bad", "Check status"), "Check status");
	ck_assert_str_eq(lang_gettext("akses-test-short", "Check status"), "Check status");
	ck_assert_str_eq(lang_gettext("akses-test-none", "Check status"), "Check status");
	lang_thread_set(NULL);
}
END_TEST

static Suite *lang_suite(void)
{
	Suite *s = suite_create("lang");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_a_pinned_thread_reads_its_language_while_the_process_reads_its_own);
	tcase_add_test(tc, test_unpinning_follows_the_process_again);
	tcase_add_test(tc, test_a_missing_or_broken_catalog_gives_the_english);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(lang_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
