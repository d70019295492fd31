/* store.c - opening the SQLite file (0600, WAL, full sync), migrations, transactions, and the
 * helpers every store_*.c shares: statements, the actor check, step rows and the audit chain. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "clock.h"
#include "secret.h"
#include "store_int.h"
#include "store_schema.h"
#include "valid.h"

akses_status store_fail(store *st, int rc)
{
	int err = 0, ext = rc;
	if (st && st->db) {
		snprintf(st->errmsg, sizeof st->errmsg, "%s", sqlite3_errmsg(st->db));
		err = sqlite3_system_errno(st->db);
		ext = sqlite3_extended_errcode(st->db);
	}
	if (rc == SQLITE_READONLY_DBMOVED || ext == SQLITE_READONLY_DBMOVED)
		return AKSES_E_DB_REPLACED;
	/* a full disk shows as SQLITE_FULL on the WAL, but as an I/O error when the -shm cannot
	 * grow: the errno of that very error tells it apart from a failing disk */
	bool os_error = (rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN;
	if ((rc & 0xff) == SQLITE_FULL || (os_error && (err == ENOSPC || err == EDQUOT)))
		return AKSES_E_DISK_FULL;
	if ((os_error && err == EROFS) || (st && st->read_only && (rc & 0xff) == SQLITE_READONLY))
		return AKSES_E_READ_ONLY;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return AKSES_E_BUSY;
	case SQLITE_NOMEM:
		return AKSES_E_NOMEM;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return AKSES_E_DB_CORRUPT;
	default:
		return AKSES_E_IO;
	}
}

const char *store_errmsg(const store *st)
{
	return st ? st->errmsg : "";
}

akses_status store_grow(void *arr, int *cap, int need, size_t elem)
{
	void **pp = arr;
	if (need <= *cap)
		return AKSES_OK;
	int ncap = *cap > 0 ? *cap : 16;
	while (ncap < need) {
		if (ncap > INT_MAX / 2)
			return AKSES_E_NOMEM;
		ncap *= 2;
	}
	void *p = realloc(*pp, (size_t)ncap * elem);
	if (!p)
		return AKSES_E_NOMEM;
	*pp = p;
	*cap = ncap;
	return AKSES_OK;
}

sqlite3_stmt *store_prep(store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc);
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

void store_col_text(sqlite3_stmt *s, int col, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	if (n == 0)
		return;
	snprintf(buf, n, "%s", t ? (const char *)t : "");
}

static akses_status exec(store *st, const char *sql)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? AKSES_OK : store_fail(st, rc);
}

/* The writer lock, but only on the file we opened: a DB deleted or replaced under us (a restore,
 * an `aksesctl init` on the same path) would take the write into a file nobody reads again. */
akses_status store_begin(store *st)
{
	akses_status rc = store_still_same(st);
	if (rc != AKSES_OK)
		return rc;
	return exec(st, "BEGIN IMMEDIATE");
}

akses_status store_commit(store *st)
{
	akses_status rc = exec(st, "COMMIT");
	if (rc != AKSES_OK)
		store_rollback(st);
	return rc;
}

void store_rollback(store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

akses_status store_tx_end(store *st, akses_status rc)
{
	if (rc == AKSES_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

/* The busy handler. SQLite's own (sqlite3_busy_timeout) sleeps longer and longer between tries,
 * 100 ms at the end, and a station that looks only every 100 ms loses the lock again and again to
 * stations that come back sooner: in a crowd of writers one waited past the timeout and its user
 * got AKSES_E_BUSY (tests/reliability/shared_db.sh). Try again every 1-4 ms (random, so waiters do
 * not march in step) until busy_timeout_ms have passed. Returns nonzero to try again. */
static int store_busy(void *arg, int count)
{
	store *st = arg;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	int64_t now_ms = (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
	if (count == 0)
		st->busy_since_ms = now_ms;
	if (now_ms - st->busy_since_ms >= st->opt.busy_timeout_ms)
		return 0;
	struct timespec pause = {.tv_sec = 0,
	                         .tv_nsec = (long)(1 + randombytes_uniform(4)) * 1000000L};
	nanosleep(&pause, NULL);
	return 1;
}

/* Create a new, empty DB file, 0600 even under umask 0, without ever closing a descriptor of a
 * file SQLite may have open: POSIX drops every fcntl lock a process holds on a file as soon as
 * it closes any descriptor of it, and another process then takes itself for the last connection
 * and deletes the -wal and -shm under us (SQLite's "How To Corrupt", 2.2). So the file is made
 * under a temporary name (mkstemp: 0600, O_EXCL), closed while no one knows it, and link()ed to
 * its name; link() never replaces a file, so one that appeared meanwhile is left as it is. */
static akses_status create_private(const char *path)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.new-XXXXXX", path) >= (int)sizeof tmp) {
		errno = ENAMETOOLONG;
		return AKSES_E_IO;
	}
	int fd = mkstemp(tmp);
	if (fd < 0)
		return AKSES_E_IO;
	int ok = fchmod(fd, 0600) == 0;
	close(fd);
	ok = ok && (link(tmp, path) == 0 || errno == EEXIST);
	int err = errno;
	unlink(tmp);
	errno = err;
	return ok ? AKSES_OK : AKSES_E_IO;
}

/* Is the file system holding path mounted read-only? */
static bool store_fs_readonly(const char *path)
{
	struct statvfs vfs;
	return statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY);
}

/* path as a file: URI (RFC 3986: everything but unreserved characters and '/' %-escaped). */
static bool store_uri(const char *path, const char *query, char *out, size_t n)
{
	size_t o = 0;
	int w = snprintf(out, n, "file:");
	if (w < 0 || (size_t)w >= n)
		return false;
	o = (size_t)w;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		             (*p >= '0' && *p <= '9') || strchr("/-._~", *p);
		w = plain ? snprintf(out + o, n - o, "%c", *p) : snprintf(out + o, n - o, "%%%02X", *p);
		if (w < 0 || (size_t)w >= n - o)
			return false;
		o += (size_t)w;
	}
	w = snprintf(out + o, n - o, "?%s", query);
	return w >= 0 && (size_t)w < n - o;
}

/* A device and inode to compare with the open file's; false when path is gone. */
static bool store_file_id(const char *path, dev_t *dev, ino_t *ino)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return false;
	*dev = sb.st_dev;
	*ino = sb.st_ino;
	return true;
}

akses_status store_still_same(store *st)
{
	if (!st)
		return AKSES_E_INVALID_ARG;
	dev_t dev;
	ino_t ino;
	if (!store_file_id(st->path, &dev, &ino) || dev != st->dev || ino != st->ino) {
		snprintf(st->errmsg, sizeof st->errmsg, "%.200s", st->path);
		return AKSES_E_DB_REPLACED;
	}
	return AKSES_OK;
}

static akses_status migrate(store *st)
{
	sqlite3_stmt *s = store_prep(st, "PRAGMA user_version");
	if (!s)
		return AKSES_E_IO;
	int version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	if (version > store_schema_count())
		return AKSES_E_DB_NEWER;
	while (version < store_schema_count()) {
		akses_status rc = store_begin(st);
		if (rc != AKSES_OK)
			return rc;
		/* another process may have migrated while we waited for the lock */
		s = store_prep(st, "PRAGMA user_version");
		if (!s)
			return store_tx_end(st, AKSES_E_IO);
		version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
		sqlite3_finalize(s);
		if (version >= store_schema_count()) {
			store_rollback(st);
			break;
		}
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", version + 1);
		if ((rc = exec(st, store_schema_migration(version))) == AKSES_OK)
			rc = exec(st, pragma);
		if ((rc = store_tx_end(st, rc)) != AKSES_OK)
			return rc;
		version++;
	}
	return AKSES_OK;
}

/* Open path read-write (SQLITE_OPEN_NOFOLLOW: a link is refused, as store_open checked) and
 * switch to WAL. AKSES_OK, or the status with st->errmsg set. */
static akses_status store_open_rw(store *st, const char *path)
{
	int src = sqlite3_open_v2(path, &st->db,
	                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW,
	                          NULL);
	if (src != SQLITE_OK)
		return store_fail(st, src);
	sqlite3_busy_handler(st->db, store_busy, st);
	/* journal_mode answers with a row; a file that is not a DB fails here (SQLITE_NOTADB). A
	 * directory we may not write (no -wal/-shm can be made) fails here too, with CANTOPEN or
	 * READONLY: that is AKSES_E_IO, not a damaged file, or staff would restore a good DB. */
	sqlite3_stmt *s = store_prep(st, "PRAGMA journal_mode=WAL");
	if (!s || sqlite3_step(s) != SQLITE_ROW) {
		akses_status rc = store_fail(st, sqlite3_errcode(st->db));
		sqlite3_finalize(s);
		return rc;
	}
	sqlite3_finalize(s);
	return exec(st, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;");
}

/* The second way in, for reading what is there when the first failed:
 * - on a read-only file system nobody can change the file, so it is opened immutable (no locks,
 *   no -shm needed); a -wal left beside it (the disk went read-only under a writer) is read
 *   through a read-only connection instead, which needs the -shm that is then there too;
 * - on a full disk, when no other connection has made the -shm (32 KiB SQLite cannot allocate),
 *   a one-command process (opt.short_lived: aksesctl) keeps the WAL index in its own memory with
 *   locking_mode=EXCLUSIVE: the kiosk would then wait for that one command, never for longer.
 * Writes through either fail and are refused as AKSES_E_READ_ONLY or AKSES_E_DISK_FULL. */
static akses_status store_open_fallback(store *st, const char *path, akses_status first)
{
	char uri[PATH_MAX * 3 + 32], wal[PATH_MAX + 8];
	int flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW;
	const char *query;
	if (store_fs_readonly(path)) {
		snprintf(wal, sizeof wal, "%s-wal", path);
		query = access(wal, F_OK) == 0 ? "mode=ro" : "mode=ro&immutable=1";
		flags |= SQLITE_OPEN_READONLY;
		st->read_only = true;
	} else if (first == AKSES_E_DISK_FULL && st->opt.short_lived) {
		query = "mode=rw";
		flags |= SQLITE_OPEN_READWRITE;
	} else {
		return first;
	}
	sqlite3_close_v2(st->db);
	st->db = NULL;
	if (!store_uri(path, query, uri, sizeof uri))
		return first;
	int src = sqlite3_open_v2(uri, &st->db, flags, NULL);
	if (src != SQLITE_OK)
		return first;
	sqlite3_busy_handler(st->db, store_busy, st);
	if (!st->read_only && exec(st, "PRAGMA locking_mode=EXCLUSIVE") != AKSES_OK)
		return first;
	/* a first read proves the way works (the schema, the WAL index) */
	sqlite3_stmt *s = store_prep(st, "SELECT count(*) FROM sqlite_schema");
	int ok = s && sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	if (!ok)
		return first;
	return exec(st, "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;");
}

/* A read-only connection cannot migrate: it reads only a DB of this very version. */
static akses_status store_schema_current(store *st)
{
	sqlite3_stmt *s = store_prep(st, "PRAGMA user_version");
	if (!s)
		return AKSES_E_IO;
	int version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_finalize(s);
	if (version > store_schema_count())
		return AKSES_E_DB_NEWER;
	return version == store_schema_count() ? AKSES_OK : AKSES_E_READ_ONLY;
}

akses_status store_open(const char *path, const struct store_options *opt, store **out)
{
	if (!path || !*path || !out)
		return AKSES_E_INVALID_ARG;
	*out = NULL;
	if (strlen(path) >= PATH_MAX)
		return AKSES_E_INVALID_ARG;
	if (secret_init() != AKSES_OK)
		return AKSES_E_IO;
	/* Only a regular file is a DB: never a link (its target would become a DB, a dangling one's
	 * created), a device (/dev/null: SQLite would make /dev/null-journal) or a folder. */
	struct stat sb;
	if (lstat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return AKSES_E_DB_NOT_FILE;
		/* a file we may not write: SQLite would quietly open it read-only and fail at the
		 * first write; say so now, with errno (access() opens nothing, so drops no lock). A
		 * read-only file system (EROFS) is not this: store_open_fallback reads it. */
		if (access(path, R_OK | W_OK) != 0 && errno != EROFS)
			return AKSES_E_IO;
	} else if (errno != ENOENT) {
		return AKSES_E_IO;
	} else if (create_private(path) != AKSES_OK) {
		return AKSES_E_IO;
	}
	store *st = calloc(1, sizeof *st);
	if (!st)
		return AKSES_E_NOMEM;
	snprintf(st->path, sizeof st->path, "%s", path);
	st->opt.pass_grace_min = 15;
	st->opt.scan_repeat_s = 10;
	st->opt.busy_timeout_ms = 5000;
	if (opt) {
		if (opt->pass_grace_min >= 0)
			st->opt.pass_grace_min = opt->pass_grace_min;
		if (opt->scan_repeat_s >= 0)
			st->opt.scan_repeat_s = opt->scan_repeat_s;
		if (opt->busy_timeout_ms > 0)
			st->opt.busy_timeout_ms = opt->busy_timeout_ms;
		st->opt.short_lived = opt->short_lived;
	}
	/* the file SQLite opened is the one we looked at (not swapped in between); every write
	 * transaction compares the path with it again (store_still_same) */
	if (!store_file_id(path, &st->dev, &st->ino)) {
		store_close(st);
		return AKSES_E_IO;
	}
	akses_status rc = store_open_rw(st, path);
	if (rc != AKSES_OK) {
		int err = errno;
		rc = store_open_fallback(st, path, rc);
		errno = err;
	}
	if (rc == AKSES_OK && !st->read_only)
		rc = migrate(st);
	else if (rc == AKSES_OK && st->read_only)
		rc = store_schema_current(st);
	if (rc == AKSES_OK)
		rc = store_still_same(st);
	if (rc != AKSES_OK) {
		store_close(st);
		return rc;
	}
	store_audit_key_open(st, path, opt ? opt->audit_key_path : NULL);
	*out = st;
	return AKSES_OK;
}

void store_close(store *st)
{
	if (!st)
		return;
	sqlite3_close_v2(st->db);
	sodium_memzero(st->akey, sizeof st->akey);
	free(st);
}

akses_status store_wal_wipe(store *st)
{
	if (st->read_only)
		return AKSES_OK;
	int src = sqlite3_wal_checkpoint_v2(st->db, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	return src == SQLITE_OK ? AKSES_OK : store_fail(st, src);
}

akses_status store_check(store *st)
{
	sqlite3_stmt *s = store_prep(st, "PRAGMA integrity_check");
	if (!s)
		return AKSES_E_DB_CORRUPT;
	int ok = sqlite3_step(s) == SQLITE_ROW &&
	         strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0;
	sqlite3_finalize(s);
	return ok ? AKSES_OK : AKSES_E_DB_CORRUPT;
}

akses_status store_backup(store *st, const char *path)
{
	if (!path || !*path)
		return AKSES_E_INVALID_ARG;
	/* refuse to overwrite: a backup target that exists is probably a mistake */
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return AKSES_E_IO;
	close(fd);
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
		if (b) {
			rc = sqlite3_backup_step(b, -1);
			sqlite3_backup_finish(b);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		} else {
			rc = sqlite3_errcode(dst);
		}
	}
	if (rc != SQLITE_OK)
		snprintf(st->errmsg, sizeof st->errmsg, "%s", sqlite3_errmsg(dst));
	sqlite3_close_v2(dst);
	if (rc != SQLITE_OK) {
		unlink(path);
		return AKSES_E_IO;
	}
	return AKSES_OK;
}

/* ---- audit chain ---------------------------------------------------------------------------- */

/* One running hash over the canonical text: plain SHA-256 or, with a key, HMAC-SHA256. */
struct audit_h {
	bool keyed;
	crypto_hash_sha256_state sha;
	crypto_auth_hmacsha256_state mac;
};

static void audit_h_update(struct audit_h *h, const void *p, size_t n)
{
	if (h->keyed)
		crypto_auth_hmacsha256_update(&h->mac, p, (unsigned long long)n);
	else
		crypto_hash_sha256_update(&h->sha, p, (unsigned long long)n);
}

void store_audit_hash(const unsigned char *key, const char *prev_hash, int64_t id, int64_t at,
                      int64_t actor_id, const char *action, const char *subject,
                      const char *detail, char out[65])
{
	struct audit_h h;
	h.keyed = key != NULL;
	if (key)
		crypto_auth_hmacsha256_init(&h.mac, key, 32);
	else
		crypto_hash_sha256_init(&h.sha);
	char head[96];
	int n = snprintf(head, sizeof head, "|%" PRId64 "|%" PRId64 "|%" PRId64 "|", id, at,
	                 actor_id);
	audit_h_update(&h, prev_hash, strlen(prev_hash));
	audit_h_update(&h, head, (size_t)n);
	/* lengths before each text, so no two different rows hash the same text */
	const char *parts[3] = {action, subject, detail};
	for (int i = 0; i < 3; i++) {
		char len[24];
		int m = snprintf(len, sizeof len, "%zu:", strlen(parts[i]));
		audit_h_update(&h, len, (size_t)m);
		audit_h_update(&h, parts[i], strlen(parts[i]));
	}
	unsigned char digest[crypto_hash_sha256_BYTES];
	if (h.keyed)
		crypto_auth_hmacsha256_final(&h.mac, digest);
	else
		crypto_hash_sha256_final(&h.sha, digest);
	sodium_memzero(&h, sizeof h);
	sodium_bin2hex(out, 65, digest, sizeof digest);
}

/* Every new row is keyed (HMAC with the key outside the DB): someone with a copy of
 * the DB alone can no longer rewrite history and chain it again. No key: nothing is written. */
akses_status store_audit(store *st, int64_t actor_id, const char *action, const char *subject,
                         const char *detail)
{
	char prev[65] = "0000000000000000000000000000000000000000000000000000000000000000";
	int64_t id = 1;
	subject = subject ? subject : "";
	detail = detail ? detail : "";
	sqlite3_stmt *s = store_prep(st, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
	if (!s)
		return AKSES_E_IO;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0) + 1;
		store_col_text(s, 1, prev, sizeof prev);
	} else if (rc != SQLITE_DONE) {
		sqlite3_finalize(s);
		return store_fail(st, rc);
	}
	sqlite3_finalize(s);
	akses_status krc = store_audit_key_ready(st, id);
	if (krc != AKSES_OK)
		return krc;
	int64_t at = clock_now();
	char hash[65];
	store_audit_hash(st->akey, prev, id, at, actor_id, action, subject, detail, hash);
	s = store_prep(st, "INSERT INTO audit(id, at, actor_id, action, subject, detail, prev_hash,"
	                   " hash, keyed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, at);
	sqlite3_bind_int64(s, 3, actor_id);
	sqlite3_bind_text(s, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, detail, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? AKSES_OK : store_fail(st, rc);
}

/* ---- shared lookups ------------------------------------------------------------------------- */

akses_status store_actor(store *st, int64_t actor_id, struct akses_staff *out)
{
	sqlite3_stmt *s = store_prep(st, "SELECT id, name, role, active, failed_pins, locked_until,"
	                                 " created_at FROM staff WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, actor_id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return rc == SQLITE_DONE ? AKSES_E_STAFF_NOT_FOUND : store_fail(st, rc);
	}
	struct akses_staff tmp;
	memset(&tmp, 0, sizeof tmp);
	tmp.id = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, tmp.name, sizeof tmp.name);
	char role[24];
	store_col_text(s, 2, role, sizeof role);
	if (wf_role_parse(role, &tmp.role) != 0)
		tmp.role = ROLE_NONE;
	tmp.active = sqlite3_column_int(s, 3) != 0;
	tmp.failed_pins = sqlite3_column_int(s, 4);
	tmp.locked_until = sqlite3_column_int64(s, 5);
	tmp.created_at = sqlite3_column_int64(s, 6);
	sqlite3_finalize(s);
	if (out)
		*out = tmp;
	return tmp.active ? AKSES_OK : AKSES_E_STAFF_DISABLED;
}

akses_status store_request_head(store *st, const char *number, int64_t *id, req_state *state,
                                int64_t *end_at)
{
	char canon[AKSES_NUMBER_BUF];
	if (valid_request_number(number, canon) != AKSES_OK)
		return AKSES_E_REQUEST_NUMBER;
	sqlite3_stmt *s = store_prep(st, "SELECT id, state, end_at FROM request WHERE number = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_text(s, 1, canon, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return rc == SQLITE_DONE ? AKSES_E_REQUEST_NOT_FOUND : store_fail(st, rc);
	}
	if (id)
		*id = sqlite3_column_int64(s, 0);
	if (state && wf_state_parse((const char *)sqlite3_column_text(s, 1), state) != 0)
		*state = RS_NONE;
	if (end_at)
		*end_at = sqlite3_column_int64(s, 2);
	sqlite3_finalize(s);
	return AKSES_OK;
}

akses_status store_step_add(store *st, int64_t request_id, wf_action action, int64_t actor_id,
                            int64_t at, const char *note)
{
	const struct wf_transition *t = wf_get(action);
	if (!t)
		return AKSES_E_INVALID_ARG;
	/* a step's duration runs from the previous step's completion; step 1 from the form's start */
	int64_t since = -1;
	sqlite3_stmt *s = store_prep(st, "SELECT at FROM step WHERE request_id = ?1"
	                                 " ORDER BY id DESC LIMIT 1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, request_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		since = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (since < 0) {
		s = store_prep(st, "SELECT form_started_at FROM request WHERE id = ?1");
		if (!s)
			return AKSES_E_IO;
		sqlite3_bind_int64(s, 1, request_id);
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0)
			since = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	s = store_prep(st, "INSERT INTO step(request_id, step, action, role, actor_id, at,"
	                   " duration_s, standard_s, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!s)
		return AKSES_E_IO;
	akses_role role = t->role;
	/* wf lists KOORDINATOR for WF_CANCEL; without an actor it was the applicant's own cancel */
	if (action == WF_CANCEL)
		role = actor_id > 0 ? ROLE_KOORDINATOR : ROLE_NONE;
	sqlite3_bind_int64(s, 1, request_id);
	sqlite3_bind_int(s, 2, t->step);
	sqlite3_bind_text(s, 3, t->code, -1, SQLITE_STATIC);
	/* expiry is the system's, not the applicant's: it must not count as a PEMOHON step */
	const char *role_code = action == WF_EXPIRE ? "SYSTEM"
	                        : role == ROLE_NONE ? "PEMOHON"
	                                            : wf_role_code(role);
	sqlite3_bind_text(s, 4, role_code, -1, SQLITE_STATIC);
	if (actor_id > 0)
		sqlite3_bind_int64(s, 5, actor_id);
	else
		sqlite3_bind_null(s, 5);
	sqlite3_bind_int64(s, 6, at);
	sqlite3_bind_int64(s, 7, since >= 0 && at >= since ? at - since : -1);
	sqlite3_bind_int(s, 8, t->standard_s);
	sqlite3_bind_text(s, 9, note ? note : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? AKSES_OK : store_fail(st, rc);
}

akses_status store_set_state(store *st, int64_t request_id, req_state to, int64_t at)
{
	sqlite3_stmt *s = store_prep(st, "UPDATE request SET state = ?2,"
	                                 " last_step = max(last_step, ?3),"
	                                 " updated_at = ?4, final_at = CASE WHEN ?5 THEN ?4"
	                                 " ELSE final_at END WHERE id = ?1");
	if (!s)
		return AKSES_E_IO;
	sqlite3_bind_int64(s, 1, request_id);
	sqlite3_bind_text(s, 2, wf_state_code(to), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, wf_last_step_of(to));
	sqlite3_bind_int64(s, 4, at);
	sqlite3_bind_int(s, 5, wf_state_final(to));
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? AKSES_OK : store_fail(st, rc);
}
