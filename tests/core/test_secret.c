/* test_secret.c - pass tokens (32 base32 characters, never repeated), token hashes, constant-time
 * comparison and Argon2id PIN hashes. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "secret.h"
#include "valid.h"

#define DRAWS 1000

static int cmp_token(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

START_TEST(test_tokens_are_32_base32_characters_and_never_repeat)
{
	static char tokens[DRAWS][AKSES_TOKEN_BUF];
	int seen[256] = {0};
	for (int i = 0; i < DRAWS; i++) {
		secret_token(tokens[i]);
		ck_assert_uint_eq(strlen(tokens[i]), AKSES_TOKEN_LEN);
		for (int k = 0; k < AKSES_TOKEN_LEN; k++) {
			char c = tokens[i][k];
			ck_assert_msg((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'), "char %c",
			              c);
			seen[(unsigned char)c]++;
		}
		/* what the door scanner will accept, unchanged */
		char canon[AKSES_TOKEN_BUF];
		ck_assert_int_eq(valid_token(tokens[i], canon), AKSES_OK);
		ck_assert_str_eq(canon, tokens[i]);
	}
	qsort(tokens, DRAWS, sizeof tokens[0], cmp_token);
	for (int i = 1; i < DRAWS; i++)
		ck_assert_str_ne(tokens[i - 1], tokens[i]);
	/* All 32 symbols in use, each near 1000 of 32000: the 160 bits are all encoded. */
	const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	for (const char *p = alphabet; *p; p++)
		ck_assert_msg(seen[(unsigned char)*p] > 700 && seen[(unsigned char)*p] < 1300,
		              "symbol %c seen %d times", *p, seen[(unsigned char)*p]);
}
END_TEST

START_TEST(test_token_hash_is_sha256)
{
	static const unsigned char abc[SECRET_HASH_BYTES] = {
	    0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40,
	    0xde, 0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17,
	    0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
	unsigned char h[SECRET_HASH_BYTES];
	secret_token_hash("abc", h);
	ck_assert_mem_eq(h, abc, SECRET_HASH_BYTES);
}
END_TEST

START_TEST(test_same_token_same_hash_other_token_other_hash)
{
	char t1[AKSES_TOKEN_BUF], t2[AKSES_TOKEN_BUF];
	unsigned char h1[SECRET_HASH_BYTES], h1b[SECRET_HASH_BYTES], h2[SECRET_HASH_BYTES];
	secret_token(t1);
	secret_token(t2);
	secret_token_hash(t1, h1);
	secret_token_hash(t1, h1b);
	secret_token_hash(t2, h2);
	ck_assert(secret_equal(h1, h1b, SECRET_HASH_BYTES));
	ck_assert(!secret_equal(h1, h2, SECRET_HASH_BYTES));
}
END_TEST

START_TEST(test_equal_compares_every_byte)
{
	unsigned char a[SECRET_HASH_BYTES], b[SECRET_HASH_BYTES];
	memset(a, 0x5a, sizeof a);
	memcpy(b, a, sizeof b);
	ck_assert(secret_equal(a, b, sizeof a));
	b[0] ^= 1;
	ck_assert(!secret_equal(a, b, sizeof a));
	b[0] ^= 1;
	b[SECRET_HASH_BYTES - 1] ^= 0x80;
	ck_assert(!secret_equal(a, b, sizeof a));
	ck_assert(secret_equal(a, b, SECRET_HASH_BYTES - 1));
}
END_TEST

START_TEST(test_pin_hash_is_argon2id_and_verifies_only_the_right_pin)
{
	char h1[SECRET_PIN_HASH_BUF], h2[SECRET_PIN_HASH_BUF];
	ck_assert_int_eq(secret_pin_hash("2468", h1), AKSES_OK);
	/* Argon2id, t=4, m=9 MiB (9216 KiB), as secret.h promises */
	ck_assert_msg(strncmp(h1, "$argon2id$v=19$m=9216,t=4,p=1$", 30) == 0, "%s", h1);
	ck_assert(strstr(h1, "2468") == NULL);
	ck_assert(secret_pin_verify(h1, "2468"));
	ck_assert(!secret_pin_verify(h1, "2469"));
	ck_assert(!secret_pin_verify(h1, "24680"));
	ck_assert(!secret_pin_verify(h1, ""));
	ck_assert(!secret_pin_verify(h1, NULL));
	/* salted: the same PIN twice gives two different hashes, both valid */
	ck_assert_int_eq(secret_pin_hash("2468", h2), AKSES_OK);
	ck_assert_str_ne(h1, h2);
	ck_assert(secret_pin_verify(h2, "2468"));
	/* a damaged stored hash never verifies */
	ck_assert(!secret_pin_verify("not a hash", "2468"));
	ck_assert(!secret_pin_verify("", "2468"));
	ck_assert(!secret_pin_verify(NULL, "2468"));
	h1[strlen(h1) - 2] = h1[strlen(h1) - 2] == 'A' ? 'B' : 'A';
	ck_assert(!secret_pin_verify(h1, "2468"));
}
END_TEST

static Suite *secret_suite(void)
{
	Suite *s = suite_create("secret");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 30); /* Argon2id hashes take a moment under a sanitizer */
	tcase_add_test(tc, test_tokens_are_32_base32_characters_and_never_repeat);
	tcase_add_test(tc, test_token_hash_is_sha256);
	tcase_add_test(tc, test_same_token_same_hash_other_token_other_hash);
	tcase_add_test(tc, test_equal_compares_every_byte);
	tcase_add_test(tc, test_pin_hash_is_argon2id_and_verifies_only_the_right_pin);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	if (secret_init() != AKSES_OK)
		return EXIT_FAILURE;
	SRunner *sr = srunner_create(secret_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
