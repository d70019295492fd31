/* test_store_files.c - the DB as a file among other processes: a second handle in one process does
 * not drop the first one's locks (another process opening and closing never deletes the -wal
 * under us), a DB deleted or replaced under an open handle is refused, only a regular file is a
 * DB, and a purge leaves no personal data in the DB file or its -wal while another handle is open. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "testutil.h"
#include "world.h"

static char path[256];

static void unlink_db(const char *p)
{
	char side[300];
	unlink(p);
	snprintf(side, sizeof side, "%s-wal", p);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", p);
	unlink(side);
}

static void setup(void)
{
	tu_set_now(WORLD_NOW);
	tu_db_path(path, sizeof path);
}

static void teardown(void)
{
	unlink_db(path);
}

/* Another process (the sqlite3 shell, as aksesctl would: open, read, close) counts the staff. */
static int other_process_staff_count(void)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'SELECT count(*) FROM staff' 2>&1", path);
	FILE *p = popen(cmd, "r");
	ck_assert(p != NULL);
	char line[128] = "";
	if (!fgets(line, sizeof line, p))
		line[0] = '\0';
	ck_assert_int_eq(pclose(p), 0);
	return atoi(line);
}

/* How many of this process's descriptors name a deleted -wal or -shm ("... (deleted)"). */
static int deleted_side_files(void)
{
	DIR *d = opendir("/proc/self/fd");
	ck_assert(d != NULL);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		char fd[300], target[600];
		snprintf(fd, sizeof fd, "/proc/self/fd/%s", e->d_name);
		ssize_t len = readlink(fd, target, sizeof target - 1);
		if (len <= 0)
			continue;
		target[len] = '\0';
		if (strstr(target, "(deleted)") &&
		    (strstr(target, "-wal") || strstr(target, "-shm") || strstr(target, path)))
			n++;
	}
	closedir(d);
	return n;
}

START_TEST(test_second_handle_keeps_the_first_handles_locks)
{
	store *h1 = NULL, *h2 = NULL;
	int64_t admin = 0, id = 0;
	ck_assert_int_eq(store_open(path, NULL, &h1), AKSES_OK);
	ck_assert_int_eq(store_init_admin(h1, "Admin Satu", WORLD_PIN, &admin), AKSES_OK);
	/* the kiosk's print worker: a second handle on the same file, opened and closed per job */
	for (int round = 0; round < 20; round++) {
		ck_assert_int_eq(store_open(path, NULL, &h2), AKSES_OK);
		if (round % 2)
			store_close(h2);
		/* aksesctl in another process: it must see it is not the last connection */
		ck_assert_int_eq(other_process_staff_count(), round + 1);
		char wal[300];
		snprintf(wal, sizeof wal, "%s-wal", path);
		ck_assert_msg(access(wal, F_OK) == 0, "round %d: the -wal was deleted", round);
		ck_assert_int_eq(deleted_side_files(), 0);
		/* the first handle writes on: another process must see it */
		char name[32];
		snprintf(name, sizeof name, "Staf Nomor %d", round + 1);
		ck_assert_int_eq(store_staff_add(h1, admin, name, ROLE_HELPDESK, "246810", &id),
		                 AKSES_OK);
		ck_assert_int_eq(other_process_staff_count(), round + 2);
		if (!(round % 2))
			store_close(h2);
	}
	store_close(h1);
	/* nothing lost once everyone is gone */
	ck_assert_int_eq(other_process_staff_count(), 21);
}
END_TEST

START_TEST(test_db_replaced_under_a_handle_is_refused)
{
	store *st = NULL;
	int64_t admin = 0, id = 0;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	ck_assert_int_eq(store_init_admin(st, "Admin Satu", WORLD_PIN, &admin), AKSES_OK);
	ck_assert_int_eq(store_still_same(st), AKSES_OK);
	/* a new DB made at the same path (aksesctl init after a restore, a copy moved in) */
	char other[256];
	tu_db_path(other, sizeof other);
	store *fresh = NULL;
	ck_assert_int_eq(store_open(other, NULL, &fresh), AKSES_OK);
	store_close(fresh);
	ck_assert_int_eq(rename(other, path), 0);
	ck_assert_int_eq(store_still_same(st), AKSES_E_DB_REPLACED);
	/* (the old -wal beside it still holds the admin: what others read now is not ours to say) */
	int seen = other_process_staff_count();
	ck_assert_int_eq(store_staff_add(st, admin, "Staf Hilang", ROLE_HELPDESK, "246810", &id),
	                 AKSES_E_DB_REPLACED);
	ck_assert_int_eq(other_process_staff_count(), seen);
	store_close(st);
}
END_TEST

START_TEST(test_db_deleted_under_a_handle_is_refused)
{
	store *st = NULL;
	int64_t admin = 0, id = 0;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	ck_assert_int_eq(store_init_admin(st, "Admin Satu", WORLD_PIN, &admin), AKSES_OK);
	unlink_db(path);
	ck_assert_int_eq(store_still_same(st), AKSES_E_DB_REPLACED);
	ck_assert_int_eq(store_staff_add(st, admin, "Staf Hilang", ROLE_HELPDESK, "246810", &id),
	                 AKSES_E_DB_REPLACED);
	store_close(st);
	ck_assert_int_eq(access(path, F_OK), -1);
}
END_TEST

START_TEST(test_only_a_regular_file_is_a_db)
{
	store *st = NULL;
	ck_assert_int_eq(store_open(path, NULL, &st), AKSES_OK);
	store_close(st);
	struct stat before, after;
	ck_assert_int_eq(stat(path, &before), 0);
	char link[300], dangling[300], target[300];
	snprintf(link, sizeof link, "%s.link", path);
	snprintf(dangling, sizeof dangling, "%s.dangling", path);
	snprintf(target, sizeof target, "%s.nowhere", path);
	ck_assert_int_eq(symlink(path, link), 0);
	ck_assert_int_eq(symlink(target, dangling), 0);
	ck_assert_int_eq(store_open(link, NULL, &st), AKSES_E_DB_NOT_FILE);
	ck_assert_int_eq(store_open(dangling, NULL, &st), AKSES_E_DB_NOT_FILE);
	ck_assert_int_eq(access(target, F_OK), -1); /* a dangling link's target is not created */
	ck_assert_int_eq(stat(path, &after), 0);
	ck_assert(after.st_mtime == before.st_mtime && after.st_size == before.st_size);
	bool journal_before = access("/dev/null-journal", F_OK) == 0;
	ck_assert_int_eq(store_open("/dev/null", NULL, &st), AKSES_E_DB_NOT_FILE);
	ck_assert(journal_before || access("/dev/null-journal", F_OK) != 0);
	char dir[300];
	snprintf(dir, sizeof dir, "%s.d", path);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	ck_assert_int_eq(store_open(dir, NULL, &st), AKSES_E_DB_NOT_FILE);
	ck_assert(st == NULL);
	rmdir(dir);
	unlink(link);
	unlink(dangling);
}
END_TEST

/* Does the file at p hold the bytes needle? */
static bool file_has(const char *p, const char *needle)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return false;
	size_t n = strlen(needle), cap = 1 << 20, len = 0;
	char *buf = malloc(cap);
	ck_assert(buf != NULL);
	size_t got;
	while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			ck_assert(buf != NULL);
		}
	}
	fclose(f);
	bool found = false;
	for (size_t i = 0; !found && i + n <= len; i++)
		found = memcmp(buf + i, needle, n) == 0;
	free(buf);
	return found;
}

#define GONE_NAME "Purnamasari Wibisono"
#define GONE_NIK "1371014507900077"

START_TEST(test_purge_leaves_nothing_in_the_wal_with_another_handle_open)
{
	struct world w;
	world_open(&w);
	/* the kiosk's connection, open the whole time */
	store *kiosk = NULL;
	ck_assert_int_eq(store_open(w.path, NULL, &kiosk), AKSES_OK);
	struct akses_request_input in;
	struct akses_submit_result res;
	world_input(&in, "2026-12-01 09:00", "2026-12-01 12:00", 0);
	in.name = GONE_NAME;
	in.nik = GONE_NIK;
	ck_assert_int_eq(store_submit(w.st, &in, &res, NULL, NULL), AKSES_OK);
	world_advance(&w, res.number, RS_VERIFIED);
	ck_assert_int_eq(store_act(w.st, res.number, WF_REJECT, w.kabid, "Tidak lengkap"),
	                 AKSES_OK);
	struct akses_request_summary *list = NULL;
	int n = 0;
	ck_assert_int_eq(store_request_list(kiosk, RS_NONE, &list, &n), AKSES_OK);
	free(list);
	char wal[300];
	snprintf(wal, sizeof wal, "%s-wal", w.path);
	ck_assert(file_has(wal, GONE_NAME) || file_has(w.path, GONE_NAME));
	tu_set_now("2028-01-01 08:00");
	int purged = 0;
	ck_assert_int_eq(store_purge(w.st, w.admin, 365, &purged), AKSES_OK);
	ck_assert_int_eq(purged, 1);
	ck_assert_msg(!file_has(wal, GONE_NAME), "the -wal still holds the name");
	ck_assert_msg(!file_has(wal, GONE_NIK), "the -wal still holds the NIK");
	ck_assert_msg(!file_has(w.path, GONE_NAME), "the DB file still holds the name");
	ck_assert_msg(!file_has(w.path, GONE_NIK), "the DB file still holds the NIK");
	/* the kiosk's handle reads on, the DB whole */
	ck_assert_int_eq(store_request_list(kiosk, RS_NONE, &list, &n), AKSES_OK);
	free(list);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(store_check(kiosk), AKSES_OK);
	store_close(kiosk);
	world_close(&w);
}
END_TEST

static Suite *files_suite(void)
{
	Suite *s = suite_create("store_files");
	TCase *tc = tcase_create("files");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_second_handle_keeps_the_first_handles_locks);
	tcase_add_test(tc, test_db_replaced_under_a_handle_is_refused);
	tcase_add_test(tc, test_db_deleted_under_a_handle_is_refused);
	tcase_add_test(tc, test_only_a_regular_file_is_a_db);
	tcase_add_test(tc, test_purge_leaves_nothing_in_the_wal_with_another_handle_open);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(files_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
