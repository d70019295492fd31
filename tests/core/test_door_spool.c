/* test_door_spool.c - the door's exit spool: records appended and fsync'd survive, a torn last
 * line is ignored (and does not swallow the next record), replay goes in order, stops whole when
 * the server goes away again, keeps rejected records once, and empties the spool at the end. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "door_spool.h"
#include "testutil.h"

#define TOK_A "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
#define TOK_B "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
#define TOK_C "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"

static char spool[512], rejected[600];

static void setup(void)
{
	const char *tmp = getenv("AKSES_TEST_TMP") ? getenv("AKSES_TEST_TMP") : "/tmp";
	mkdir(tmp, 0700);
	snprintf(spool, sizeof spool, "%s/spool-%d.txt", tmp, (int)getpid());
	snprintf(rejected, sizeof rejected, "%s.rejected", spool);
	unlink(spool);
	unlink(rejected);
}

static void teardown(void)
{
	unlink(spool);
	unlink(rejected);
}

static struct door_spool_rec add(const char *token, int64_t at)
{
	struct door_spool_rec r;
	memset(&r, 0, sizeof r);
	r.at = at;
	r.escort_id = 5;
	snprintf(r.station, sizeof r.station, "Pintu Ruang Server");
	snprintf(r.token, sizeof r.token, "%s", token);
	ck_assert_int_eq(door_spool_append(spool, &r), AKSES_OK);
	return r;
}

START_TEST(test_appended_records_read_back_in_order_with_sequence_numbers)
{
	struct door_spool_rec a = add(TOK_A, 1000), b = add(TOK_B, 1010);
	ck_assert_int_eq(a.seq, 1);
	ck_assert_int_eq(b.seq, 2);
	ck_assert_str_ne(a.key, b.key);
	struct stat sb;
	ck_assert_int_eq(stat(spool, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600); /* it holds pass tokens */
	struct door_spool_rec *v;
	int n, skipped;
	ck_assert_int_eq(door_spool_read(spool, &v, &n, &skipped), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(skipped, 0);
	ck_assert_str_eq(v[0].token, TOK_A);
	ck_assert_int_eq(v[0].at, 1000);
	ck_assert_str_eq(v[0].key, a.key);
	ck_assert_str_eq(v[1].station, "Pintu Ruang Server");
	ck_assert_int_eq(v[1].seq, 2);
	free(v);
	ck_assert_int_eq(door_spool_count(spool), 2);
}
END_TEST

START_TEST(test_a_missing_spool_is_empty)
{
	ck_assert_int_eq(door_spool_count(spool), 0);
}
END_TEST

START_TEST(test_a_torn_last_line_is_ignored_and_the_next_record_is_whole)
{
	add(TOK_A, 1000);
	/* a crash mid-write: half a record, no newline */
	FILE *f = fopen(spool, "a");
	fputs("1\t2\t1005\t5\t0123", f);
	fclose(f);
	struct door_spool_rec *v;
	int n, skipped;
	ck_assert_int_eq(door_spool_read(spool, &v, &n, &skipped), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(skipped, 1);
	free(v);
	struct door_spool_rec c = add(TOK_C, 1020);
	ck_assert_int_eq(c.seq, 2);
	ck_assert_int_eq(door_spool_read(spool, &v, &n, &skipped), AKSES_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(skipped, 1);
	ck_assert_str_eq(v[1].token, TOK_C);
	free(v);
}
END_TEST

START_TEST(test_a_bad_token_or_station_is_refused_and_nothing_written)
{
	struct door_spool_rec r;
	memset(&r, 0, sizeof r);
	r.at = 1000;
	r.escort_id = 5;
	snprintf(r.token, sizeof r.token, "SHORT");
	ck_assert_int_eq(door_spool_append(spool, &r), AKSES_E_INVALID_ARG);
	snprintf(r.token, sizeof r.token, TOK_A);
	snprintf(r.station, sizeof r.station, "Pintu\tA");
	ck_assert_int_eq(door_spool_append(spool, &r), AKSES_E_INVALID_ARG);
	ck_assert_int_eq(access(spool, F_OK), -1);
}
END_TEST

/* A sender that records what it saw; says STOP at stop_at (1-based), REJECTED for TOK_B. */
struct seen {
	int n, stop_at;
	char tokens[8][AKSES_TOKEN_BUF];
	int64_t at[8];
};

static enum door_spool_verdict send(void *ctx, const struct door_spool_rec *r)
{
	struct seen *s = ctx;
	if (s->n + 1 == s->stop_at)
		return DOOR_SPOOL_STOP;
	snprintf(s->tokens[s->n], AKSES_TOKEN_BUF, "%s", r->token);
	s->at[s->n++] = r->at;
	return strcmp(r->token, TOK_B) ? DOOR_SPOOL_SENT : DOOR_SPOOL_REJECTED;
}

START_TEST(test_replay_goes_in_order_keeps_rejected_and_empties_the_spool)
{
	add(TOK_A, 1000);
	add(TOK_B, 1010);
	add(TOK_C, 1020);
	struct seen s = {0};
	int sent, rej;
	ck_assert_int_eq(door_spool_replay(spool, rejected, send, &s, &sent, &rej), AKSES_OK);
	ck_assert_int_eq(s.n, 3);
	ck_assert_str_eq(s.tokens[0], TOK_A);
	ck_assert_str_eq(s.tokens[1], TOK_B);
	ck_assert_str_eq(s.tokens[2], TOK_C);
	ck_assert_int_eq(s.at[0], 1000);
	ck_assert_int_eq(s.at[2], 1020);
	ck_assert_int_eq(sent, 2);
	ck_assert_int_eq(rej, 1);
	ck_assert_int_eq(door_spool_count(spool), 0);
	struct door_spool_rec *v;
	int n;
	ck_assert_int_eq(door_spool_read(rejected, &v, &n, NULL), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(v[0].token, TOK_B);
	free(v);
	/* an empty spool replays nothing */
	struct seen none = {0};
	ck_assert_int_eq(door_spool_replay(spool, rejected, send, &none, &sent, &rej), AKSES_OK);
	ck_assert_int_eq(none.n, 0);
}
END_TEST

START_TEST(test_replay_stopped_by_the_server_leaves_the_spool_whole)
{
	add(TOK_A, 1000);
	add(TOK_B, 1010);
	add(TOK_C, 1020);
	struct seen s = {.stop_at = 3};
	ck_assert_int_eq(door_spool_replay(spool, rejected, send, &s, NULL, NULL), AKSES_E_DB_GONE);
	ck_assert_int_eq(door_spool_count(spool), 3);
	/* the second replay sends everything again (the server's key makes A harmless), and the
	 * rejected record is still kept once */
	struct seen t = {0};
	ck_assert_int_eq(door_spool_replay(spool, rejected, send, &t, NULL, NULL), AKSES_OK);
	ck_assert_int_eq(t.n, 3);
	ck_assert_int_eq(door_spool_count(rejected), 1);
	ck_assert_int_eq(door_spool_count(spool), 0);
}
END_TEST

static Suite *spool_suite(void)
{
	Suite *s = suite_create("door_spool");
	TCase *tc = tcase_create("spool");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_appended_records_read_back_in_order_with_sequence_numbers);
	tcase_add_test(tc, test_a_missing_spool_is_empty);
	tcase_add_test(tc, test_a_torn_last_line_is_ignored_and_the_next_record_is_whole);
	tcase_add_test(tc, test_a_bad_token_or_station_is_refused_and_nothing_written);
	tcase_add_test(tc, test_replay_goes_in_order_keeps_rejected_and_empties_the_spool);
	tcase_add_test(tc, test_replay_stopped_by_the_server_leaves_the_spool_whole);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(spool_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
