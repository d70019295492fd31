/* store_audit_key.c - the audit chain's HMAC key, kept in a file outside the DB (0600): found
 * next to the DB (akses.db.key) or where the config says, made by the first audit write. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "store_int.h"

/* "akses-audit-key 1 FROM HEX\n": format version, the first row that must be keyed, the key. */
#define KEY_MAGIC "akses-audit-key"

/* Read and parse the key file. -1: absent (ENOENT), 0: there but unusable, 1: loaded. */
static int key_load(store *st)
{
	int fd = open(st->akey_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? -1 : 0;
	struct stat sb;
	char buf[256];
	ssize_t n = -1;
	/* a key others may read is no secret: refuse it like ssh refuses an open private key */
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 077) == 0)
		n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	char magic[32], hex[80];
	int version = 0;
	long long from = 0;
	size_t klen = 0;
	if (sscanf(buf, "%31s %d %lld %79s", magic, &version, &from, hex) != 4 ||
	    strcmp(magic, KEY_MAGIC) != 0 || version != 1 || from < 1 || strlen(hex) != 64 ||
	    sodium_hex2bin(st->akey, sizeof st->akey, hex, 64, NULL, &klen, NULL) != 0 ||
	    klen != sizeof st->akey) {
		sodium_memzero(buf, sizeof buf);
		sodium_memzero(hex, sizeof hex);
		sodium_memzero(st->akey, sizeof st->akey);
		return 0;
	}
	sodium_memzero(buf, sizeof buf);
	sodium_memzero(hex, sizeof hex);
	st->akey_from = from;
	st->akey_loaded = true;
	return 1;
}

void store_audit_key_open(store *st, const char *db_path, const char *opt_path)
{
	if (opt_path && *opt_path)
		snprintf(st->akey_path, sizeof st->akey_path, "%s", opt_path);
	else
		snprintf(st->akey_path, sizeof st->akey_path, "%s.key", db_path);
	key_load(st);
}

const char *store_audit_key_path(const store *st)
{
	return st ? st->akey_path : "";
}

void store_sync_dir_of(const char *path)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	int dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
}

/* Write a new key file: a private temporary file, synced, then link(2)ed to the final name,
 * which fails if the name exists. So the key file appears whole or not at all, and of two
 * writers making it at once one wins and the other loads the winner's key. */
static akses_status key_create(store *st, int64_t from)
{
	char tmp[sizeof st->akey_path + 16];
	unsigned char key[32];
	char hex[65], line[160];
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", st->akey_path) >= (int)sizeof tmp)
		return AKSES_E_AUDIT_KEY;
	int fd = mkstemp(tmp); /* 0600 */
	if (fd < 0)
		return AKSES_E_AUDIT_KEY;
	randombytes_buf(key, sizeof key);
	sodium_bin2hex(hex, sizeof hex, key, sizeof key);
	int len = snprintf(line, sizeof line, KEY_MAGIC " 1 %" PRId64 " %s\n", from, hex);
	bool ok = fchmod(fd, 0600) == 0 && write(fd, line, (size_t)len) == len && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	sodium_memzero(key, sizeof key);
	sodium_memzero(hex, sizeof hex);
	sodium_memzero(line, sizeof line);
	int linked = ok ? link(tmp, st->akey_path) : -1;
	int err = errno;
	unlink(tmp);
	if (linked != 0 && !(ok && err == EEXIST))
		return AKSES_E_AUDIT_KEY;
	/* the directory entry made durable too, before any row depends on it */
	store_sync_dir_of(st->akey_path);
	return key_load(st) == 1 ? AKSES_OK : AKSES_E_AUDIT_KEY;
}

akses_status store_audit_key_ready(store *st, int64_t next_id)
{
	if (st->akey_loaded)
		return AKSES_OK;
	int got = key_load(st); /* another station may have made it since we opened */
	if (got == 1)
		return AKSES_OK;
	if (got == 0)
		return AKSES_E_AUDIT_KEY; /* there but unusable: never replace it */
	/* absent: a new key only while no row is keyed yet (a new DB, or one from before keys);
	 * once rows are keyed a lost key stays lost, or a thief would just delete it */
	db_stmt *s = store_prep(st, "SELECT 1 FROM audit WHERE keyed = 1 LIMIT 1");
	if (!s)
		return AKSES_E_IO;
	int rc = db_step(s);
	db_finalize(s);
	if (rc == DB_ROW)
		return AKSES_E_AUDIT_KEY;
	if (rc != DB_DONE)
		return store_fail(st, rc);
	return key_create(st, next_id);
}
