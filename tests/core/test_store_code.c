/* test_store_code.c - staff codes through the store: issuing one (ADMIN or oneself), signing in by
 * scanning it, a new code retiring the old, revocation, disabled and locked accounts, wrong and
 * altered codes refused and recorded, passes and staff codes never mistaken for each other, and
 * nothing of a code in the audit trail or the sign-in rows. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "secret.h"
#include "store.h"
#include "testutil.h"
#include "valid.h"
#include "world.h"

#define STATION "Pintu Server"

static struct world w;

static void setup(void)
{
	world_open(&w);
}

static void teardown(void)
{
	world_close(&w);
}

/* Sign-in rows of one staff id (0: codes that named no one), ok or not. */
static int64_t signins(int64_t id, int ok)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM signin WHERE staff_id = %lld AND ok = %d",
	         (long long)id, ok);
	return world_int(&w, sql);
}

/* Audit rows with this action and subject "staff:<id>". */
static int64_t audits(const char *action, int64_t id)
{
	char sql[160];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM audit WHERE action = '%s' AND subject = 'staff:%lld'",
	         action, (long long)id);
	return world_int(&w, sql);
}

/* Issue a code for staff_id as actor; asserts success and a well-formed code. */
static void issue(int64_t actor, int64_t staff_id, char code[AKSES_TOKEN_BUF])
{
	ck_assert_int_eq(store_staff_code_issue(w.st, actor, staff_id, code), AKSES_OK);
	ck_assert_int_eq(valid_token(code, NULL), AKSES_OK);
}

/* Sign in by code; the account signed in (id 0 when refused) and the status in *rc. */
static int64_t signin(const char *code, akses_status *rc)
{
	struct akses_staff s;
	memset(&s, 0, sizeof s);
	*rc = store_signin_code(w.st, code, STATION, &s);
	return s.id;
}

START_TEST(test_own_staff_code_signs_in_and_is_recorded)
{
	char code[AKSES_TOKEN_BUF];
	issue(w.admin, w.teknis, code);
	struct akses_staff s;
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(store_signin_code(w.st, code, STATION, &s), AKSES_OK);
	ck_assert_int_eq(s.id, w.teknis);
	ck_assert_int_eq(s.role, ROLE_TIM_TEKNIS);
	ck_assert(s.active);
	ck_assert_str_gt(s.name, "");
	ck_assert_int_eq(signins(w.teknis, 1), 1);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM signin WHERE station = '" STATION "'"),
	                 1);
	ck_assert_int_eq(audits("signin", w.teknis), 1);
	ck_assert_int_eq(audits("staff-code", w.teknis), 1);
	/* a scanner may add spaces or type lowercase: still the same code */
	char loose[AKSES_TOKEN_BUF + 4];
	snprintf(loose, sizeof loose, " %s ", code);
	for (char *p = loose; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	akses_status rc;
	ck_assert_int_eq(signin(loose, &rc), w.teknis);
	ck_assert_int_eq(rc, AKSES_OK);
	ck_assert_int_eq(world_audit_verify(w.st, NULL, NULL), AKSES_OK);
}
END_TEST

START_TEST(test_staff_may_issue_their_own_code_but_only_admin_issues_others)
{
	char code[AKSES_TOKEN_BUF] = "unchanged";
	char *before = world_dump(&w);
	ck_assert_int_eq(store_staff_code_issue(w.st, w.koord, w.teknis, code), AKSES_E_ROLE);
	ck_assert_int_eq(store_staff_code_issue(w.st, w.admin, 999, code), AKSES_E_STAFF_NOT_FOUND);
	ck_assert_int_eq(store_staff_code_issue(w.st, 999, 999, code), AKSES_E_STAFF_NOT_FOUND);
	ck_assert_int_eq(store_staff_code_revoke(w.st, w.kabid, w.teknis), AKSES_E_ROLE);
	char *after = world_dump(&w);
	ck_assert_str_eq(before, after); /* refusals leave no trace */
	free(before);
	free(after);
	ck_assert_str_eq(code, "unchanged");
	issue(w.teknis, w.teknis, code);
	akses_status rc;
	ck_assert_int_eq(signin(code, &rc), w.teknis);
	ck_assert_int_eq(rc, AKSES_OK);
	char sql[160];
	snprintf(
	    sql, sizeof sql,
	    "SELECT actor_id FROM audit WHERE action = 'staff-code' AND subject = 'staff:%lld'",
	    (long long)w.teknis);
	ck_assert_int_eq(world_int(&w, sql), w.teknis);
}
END_TEST

START_TEST(test_a_new_code_retires_the_old_one)
{
	char first[AKSES_TOKEN_BUF], second[AKSES_TOKEN_BUF];
	issue(w.admin, w.teknis, first);
	issue(w.teknis, w.teknis, second);
	ck_assert_str_ne(first, second);
	akses_status rc;
	ck_assert_int_eq(signin(first, &rc), 0);
	ck_assert_int_eq(rc, AKSES_E_CODE_UNKNOWN);
	ck_assert_int_eq(signin(second, &rc), w.teknis);
	ck_assert_int_eq(rc, AKSES_OK);
	ck_assert_int_eq(audits("staff-code", w.teknis), 2);
	/* each account has its own code: one staff member's code never signs in another */
	char other[AKSES_TOKEN_BUF];
	issue(w.admin, w.teknis2, other);
	ck_assert_int_eq(signin(other, &rc), w.teknis2);
	ck_assert_int_eq(signin(second, &rc), w.teknis);
}
END_TEST

START_TEST(test_revoked_code_no_longer_signs_in)
{
	char code[AKSES_TOKEN_BUF];
	issue(w.admin, w.helpdesk, code);
	ck_assert_int_eq(store_staff_code_revoke(w.st, w.helpdesk, w.helpdesk), AKSES_OK);
	akses_status rc;
	ck_assert_int_eq(signin(code, &rc), 0);
	ck_assert_int_eq(rc, AKSES_E_CODE_UNKNOWN);
	/* revoking again (nothing left) is fine and recorded; so is an ADMIN's revoke */
	ck_assert_int_eq(store_staff_code_revoke(w.st, w.admin, w.helpdesk), AKSES_OK);
	ck_assert_int_eq(audits("staff-code", w.helpdesk), 3);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM audit WHERE action = 'staff-code' AND"
	                               " detail = 'revoked'"),
	                 2);
	/* the PIN still works */
	struct akses_staff s;
	ck_assert_int_eq(store_signin(w.st, w.helpdesk, WORLD_PIN, STATION, &s), AKSES_OK);
}
END_TEST

START_TEST(test_disabled_account_code_is_refused)
{
	char code[AKSES_TOKEN_BUF];
	issue(w.admin, w.teknis, code);
	ck_assert_int_eq(store_staff_disable(w.st, w.admin, w.teknis), AKSES_OK);
	akses_status rc;
	ck_assert_int_eq(signin(code, &rc), 0);
	ck_assert_int_eq(rc, AKSES_E_STAFF_DISABLED);
	ck_assert_int_eq(signins(w.teknis, 0), 1);
	ck_assert_int_eq(signins(w.teknis, 1), 0);
	/* no new card for a disabled account, not even by an ADMIN; the old one can be revoked */
	char fresh[AKSES_TOKEN_BUF];
	ck_assert_int_eq(store_staff_code_issue(w.st, w.admin, w.teknis, fresh),
	                 AKSES_E_STAFF_DISABLED);
	ck_assert_int_eq(store_staff_code_revoke(w.st, w.admin, w.teknis), AKSES_OK);
	ck_assert_int_eq(signin(code, &rc), 0);
	ck_assert_int_eq(rc, AKSES_E_CODE_UNKNOWN);
	/* a disabled actor changes nothing, not even their own code */
	ck_assert_int_eq(store_staff_code_revoke(w.st, w.teknis, w.teknis), AKSES_E_STAFF_DISABLED);
}
END_TEST

START_TEST(test_wrong_pins_at_a_station_do_not_shut_out_the_card)
{
	char code[AKSES_TOKEN_BUF];
	issue(w.admin, w.helpdesk, code);
	struct akses_staff s;
	/* someone guesses the Helpdesk's PIN at this station until it must wait ... */
	for (int i = 0; i < 6; i++)
		store_signin(w.st, w.helpdesk, "000000", STATION, &s);
	ck_assert_int_eq(store_signin(w.st, w.helpdesk, WORLD_PIN, STATION, &s), AKSES_E_PIN_LOCKED);
	/* ... and the Helpdesk still signs in with the card: there is no lock to shut them out */
	akses_status rc;
	ck_assert_int_eq(signin(code, &rc), w.helpdesk);
	ck_assert_int_eq(rc, AKSES_OK);
	struct akses_staff g;
	ck_assert_int_eq(store_staff_get(w.st, w.helpdesk, &g), AKSES_OK);
	ck_assert_int_eq(g.locked_until, 0);
}
END_TEST

START_TEST(test_wrong_code_is_refused_and_recorded)
{
	char code[AKSES_TOKEN_BUF], stranger[AKSES_TOKEN_BUF];
	issue(w.admin, w.kabid, code);
	secret_token(stranger); /* well-formed, but nobody's */
	const char *wrong[] = {stranger, "", "BUKAN-KODE", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1",
	                       "AKS-20261201-0001"};
	akses_status rc;
	for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
		ck_assert_int_eq(signin(wrong[i], &rc), 0);
		ck_assert_msg(rc == AKSES_E_CODE_UNKNOWN, "'%s' gave %d", wrong[i], rc);
	}
	ck_assert_int_eq(signins(0, 0), 5);
	ck_assert_int_eq(world_int(&w, "SELECT count(*) FROM signin WHERE ok = 1"), 0);
	ck_assert_int_eq(audits("signin-failed", 0), 5);
	/* the account whose code exists is untouched by others' wrong scans */
	struct akses_staff g;
	ck_assert_int_eq(store_staff_get(w.st, w.kabid, &g), AKSES_OK);
	ck_assert_int_eq(g.failed_pins, 0);
	ck_assert_int_eq(g.locked_until, 0);
	ck_assert_int_eq(store_signin_code(w.st, NULL, STATION, NULL), AKSES_E_INVALID_ARG);
	/* the refusal reads plainly in both languages */
	ck_assert_int_eq(i18n_init(NULL, "en"), 0);
	ck_assert_str_eq(akses_status_message(AKSES_E_CODE_UNKNOWN),
	                 "This staff code is not known.");
	i18n_set_lang("id");
	ck_assert_str_eq(akses_status_message(AKSES_E_CODE_UNKNOWN),
	                 "Kode petugas ini tidak dikenal.");
}
END_TEST

START_TEST(test_one_character_changed_is_refused)
{
	char code[AKSES_TOKEN_BUF];
	issue(w.admin, w.koord, code);
	akses_status rc;
	for (int pos = 0; pos < AKSES_TOKEN_LEN; pos += 7) {
		char bent[AKSES_TOKEN_BUF];
		memcpy(bent, code, sizeof bent);
		bent[pos] = bent[pos] == 'A' ? 'B' : 'A';
		ck_assert_int_eq(signin(bent, &rc), 0);
		ck_assert_int_eq(rc, AKSES_E_CODE_UNKNOWN);
	}
	/* one character short or long is no code either */
	char shorter[AKSES_TOKEN_BUF];
	memcpy(shorter, code, sizeof shorter);
	shorter[AKSES_TOKEN_LEN - 1] = '\0';
	ck_assert_int_eq(signin(shorter, &rc), 0);
	ck_assert_int_eq(rc, AKSES_E_CODE_UNKNOWN);
	char longer[AKSES_TOKEN_BUF + 1];
	snprintf(longer, sizeof longer, "%sA", code);
	ck_assert_int_eq(signin(longer, &rc), 0);
	ck_assert_int_eq(rc, AKSES_E_CODE_UNKNOWN);
	ck_assert_int_eq(signin(code, &rc), w.koord);
	ck_assert_int_eq(rc, AKSES_OK);
}
END_TEST

START_TEST(test_a_pass_is_no_staff_code_and_a_staff_code_opens_no_door)
{
	char number[AKSES_NUMBER_BUF], pass_token[AKSES_TOKEN_BUF], code[AKSES_TOKEN_BUF];
	world_submit(&w, "2026-12-01 08:10", "2026-12-01 10:00", 0, number);
	world_advance(&w, number, RS_RECORDED);
	struct akses_pass *p = NULL;
	int n = 0;
	ck_assert_int_eq(store_pass_list(w.st, number, &p, &n), AKSES_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(world_visitor_token(&w, p[0].id, pass_token), AKSES_OK);
	free(p);
	issue(w.admin, w.teknis, code);
	/* a visitor's pass at the sign-in screen signs no one in */
	akses_status rc;
	ck_assert_int_eq(signin(pass_token, &rc), 0);
	ck_assert_int_eq(rc, AKSES_E_CODE_UNKNOWN);
	/* the escort's own card at the door is an unknown pass, not an entry */
	struct akses_scan_result r;
	ck_assert_int_eq(store_scan(w.st, code, w.teknis, STATION, SCAN_DIR_AUTO, &r), AKSES_OK);
	ck_assert_int_eq(r.decision, SCAN_DENIED);
	ck_assert_int_eq(r.reason, DENY_UNKNOWN);
	/* and the pass still does what it is for */
	ck_assert_int_eq(store_scan(w.st, pass_token, w.teknis, STATION, SCAN_DIR_AUTO, &r),
	                 AKSES_OK);
	ck_assert_int_eq(r.decision, SCAN_ENTRY);
}
END_TEST

/* Hex of a code's SHA-256, as world_dump writes blobs. */
static void code_hash_hex(const char *code, char hex[2 * SECRET_HASH_BYTES + 1])
{
	unsigned char h[SECRET_HASH_BYTES];
	secret_token_hash(code, h);
	for (int i = 0; i < SECRET_HASH_BYTES; i++)
		snprintf(hex + 2 * i, 3, "%02x", h[i]);
}

/* How many times needle occurs in hay. */
static int occurrences(const char *hay, const char *needle)
{
	int k = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		k++;
	return k;
}

START_TEST(test_nothing_of_a_code_is_kept_but_its_hash_on_the_account)
{
	char first[AKSES_TOKEN_BUF], code[AKSES_TOKEN_BUF];
	issue(w.admin, w.teknis, first);
	issue(w.admin, w.teknis, code);
	akses_status rc;
	signin(code, &rc);
	ck_assert_int_eq(rc, AKSES_OK);
	signin(first, &rc);
	ck_assert_int_eq(rc, AKSES_E_CODE_UNKNOWN);
	char *dump = world_dump(&w);
	/* not the codes, in any table (audit, signin, staff ...) */
	ck_assert_int_eq(occurrences(dump, code), 0);
	ck_assert_int_eq(occurrences(dump, first), 0);
	/* the current code's hash once (the staff row), the retired one's nowhere */
	char hex[2 * SECRET_HASH_BYTES + 1];
	code_hash_hex(code, hex);
	ck_assert_int_eq(occurrences(dump, hex), 1);
	code_hash_hex(first, hex);
	ck_assert_int_eq(occurrences(dump, hex), 0);
	free(dump);
	/* not even a piece of the code in the audit trail or the sign-in rows */
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT (SELECT count(*) FROM audit"
	         " WHERE replace(upper(subject || detail), '%.8s', '') <> upper(subject || detail))"
	         " + (SELECT count(*) FROM signin"
	         " WHERE replace(upper(station), '%.8s', '') <> upper(station))",
	         code + 12, code + 12);
	ck_assert_int_eq(world_int(&w, sql), 0);
	ck_assert_int_eq(world_audit_verify(w.st, NULL, NULL), AKSES_OK);
}
END_TEST

static Suite *code_suite(void)
{
	Suite *s = suite_create("store_code");
	TCase *tc = tcase_create("code");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_own_staff_code_signs_in_and_is_recorded);
	tcase_add_test(tc, test_staff_may_issue_their_own_code_but_only_admin_issues_others);
	tcase_add_test(tc, test_a_new_code_retires_the_old_one);
	tcase_add_test(tc, test_revoked_code_no_longer_signs_in);
	tcase_add_test(tc, test_disabled_account_code_is_refused);
	tcase_add_test(tc, test_wrong_pins_at_a_station_do_not_shut_out_the_card);
	tcase_add_test(tc, test_wrong_code_is_refused_and_recorded);
	tcase_add_test(tc, test_one_character_changed_is_refused);
	tcase_add_test(tc, test_a_pass_is_no_staff_code_and_a_staff_code_opens_no_door);
	tcase_add_test(tc, test_nothing_of_a_code_is_kept_but_its_hash_on_the_account);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	world_init();
	SRunner *sr = srunner_create(code_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
