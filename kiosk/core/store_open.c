/* store_open.c - opening the SQLite file (0600, WAL, full sync, read-only fallback), the
 * migrations, closing, and the whole-file operations: integrity check, WAL wipe, backup. The one
 * store file that knows SQLite (db_sqlite.h): everything here is about a file. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "db_pg_conninfo.h"
#include "db_sqlite.h"
#include "secret.h"
#include "store_int.h"
#include "store_schema.h"

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
	if (db_engine_of(st->db) == DB_ENGINE_PG) /* a server: there is no file to swap */
		return AKSES_OK;
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
	db_stmt *s = store_prep(st, "PRAGMA user_version");
	if (!s)
		return AKSES_E_IO;
	int version = db_step(s) == DB_ROW ? db_col_int(s, 0) : 0;
	db_finalize(s);
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
		version = db_step(s) == DB_ROW ? db_col_int(s, 0) : 0;
		db_finalize(s);
		if (version >= store_schema_count()) {
			store_rollback(st);
			break;
		}
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", version + 1);
		if ((rc = store_exec(st, store_schema_migration(version))) == AKSES_OK)
			rc = store_exec(st, pragma);
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
	int src = db_sqlite_open(
	    path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW, &st->db);
	if (src != DB_OK)
		return st->db ? store_fail(st, src) : AKSES_E_NOMEM;
	sqlite3_busy_handler(db_sqlite_handle(st->db), store_busy, st);
	/* journal_mode answers with a row; a file that is not a DB fails here (SQLITE_NOTADB). A
	 * directory we may not write (no -wal/-shm can be made) fails here too, with CANTOPEN or
	 * READONLY: that is AKSES_E_IO, not a damaged file, or staff would restore a good DB. */
	db_stmt *s = store_prep(st, "PRAGMA journal_mode=WAL");
	if (!s || db_step(s) != DB_ROW) {
		akses_status rc = store_fail(st, DB_ERROR);
		db_finalize(s);
		return rc;
	}
	db_finalize(s);
	return store_exec(st, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;");
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
	db_close(st->db);
	st->db = NULL;
	if (!store_uri(path, query, uri, sizeof uri))
		return first;
	if (db_sqlite_open(uri, flags, &st->db) != DB_OK)
		return first;
	sqlite3_busy_handler(db_sqlite_handle(st->db), store_busy, st);
	if (!st->read_only && store_exec(st, "PRAGMA locking_mode=EXCLUSIVE") != AKSES_OK)
		return first;
	/* a first read proves the way works (the schema, the WAL index) */
	db_stmt *s = store_prep(st, "SELECT count(*) FROM sqlite_schema");
	int ok = s && db_step(s) == DB_ROW;
	db_finalize(s);
	if (!ok)
		return first;
	return store_exec(st, "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;");
}

/* A read-only connection cannot migrate: it reads only a DB of this very version. */
static akses_status store_schema_current(store *st)
{
	db_stmt *s = store_prep(st, "PRAGMA user_version");
	if (!s)
		return AKSES_E_IO;
	int version = db_step(s) == DB_ROW ? db_col_int(s, 0) : -1;
	db_finalize(s);
	if (version > store_schema_count())
		return AKSES_E_DB_NEWER;
	return version == store_schema_count() ? AKSES_OK : AKSES_E_READ_ONLY;
}

void store_set_options(store *st, const char *path, const struct store_options *opt)
{
	snprintf(st->path, sizeof st->path, "%s", path);
	st->opt.pass_grace_min = STORE_GRACE_MIN_DEFAULT;
	st->opt.scan_repeat_s = STORE_REPEAT_S_DEFAULT;
	st->opt.busy_timeout_ms = STORE_BUSY_MS_DEFAULT;
	if (opt) {
		if (opt->pass_grace_min >= 0)
			st->opt.pass_grace_min = opt->pass_grace_min;
		if (opt->scan_repeat_s >= 0)
			st->opt.scan_repeat_s = opt->scan_repeat_s;
		if (opt->busy_timeout_ms > 0)
			st->opt.busy_timeout_ms = opt->busy_timeout_ms;
		st->opt.short_lived = opt->short_lived;
	}
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
	if (db_target_is_pg(path)) {
		/* a password in the target shows in `ps` and the config: only a passfile holds it */
		if (db_pg_conninfo_has_password(path))
			return AKSES_E_DB_PASSWORD;
		return store_open_pg(path, opt, out);
	}
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
	store_set_options(st, path, opt);
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
	if (rc == AKSES_OK && !st->read_only)
		rc = store_step_sum_fill(st);
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
	db_close(st->db);
	sodium_memzero(st->akey, sizeof st->akey);
	free(st);
}

akses_status store_wal_wipe(store *st)
{
	if (st->read_only || db_engine_of(st->db) == DB_ENGINE_PG) /* no WAL file: see store_open_pg.c */
		return AKSES_OK;
	/* the pragma is sqlite3_wal_checkpoint_v2(TRUNCATE) with its SQLITE_BUSY turned into a first
	 * column of 1, and any other error classed by the driver like every statement's */
	db_stmt *s = store_prep(st, "PRAGMA wal_checkpoint(TRUNCATE)");
	if (!s)
		return store_fail(st, DB_ERROR);
	int src = db_step(s);
	bool busy = src == DB_ROW && db_col_int(s, 0) != 0;
	db_finalize(s);
	if (src != DB_ROW)
		return store_fail(st, src);
	return busy ? AKSES_E_BUSY : AKSES_OK;
}

akses_status store_check(store *st)
{
	if (db_engine_of(st->db) == DB_ENGINE_PG)
		return store_pg_check(st);
	db_stmt *s = store_prep(st, "PRAGMA integrity_check");
	if (!s)
		return AKSES_E_DB_CORRUPT;
	int ok = db_step(s) == DB_ROW &&
	         strcmp(db_col_text(s, 0), "ok") == 0;
	db_finalize(s);
	return ok ? AKSES_OK : AKSES_E_DB_CORRUPT;
}

akses_status store_backup(store *st, const char *path)
{
	if (!path || !*path)
		return AKSES_E_INVALID_ARG;
	if (db_engine_of(st->db) == DB_ENGINE_PG) {
		snprintf(st->errmsg, sizeof st->errmsg, "PostgreSQL: pg_dump -Fc");
		return AKSES_E_IO; /* the server's own tools back it up (docs/postgresql.md) */
	}
	/* refuse to overwrite: a backup target that exists is probably a mistake */
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return AKSES_E_IO;
	close(fd);
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_backup *b = sqlite3_backup_init(dst, "main", db_sqlite_handle(st->db), "main");
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
