/* door_spool.c - the door's durable exit spool (door_spool.h): a text file of tab-separated
 * records "1 seq at escort key station token", each line written whole and fsync'd. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "door_spool.h"

#define SPOOL_LINE_MAX 512

static akses_status spool_errno(int e)
{
	return e == ENOSPC || e == EDQUOT ? AKSES_E_DISK_FULL : AKSES_E_IO;
}

/* fsync the folder holding path, so a new file's name survives a power loss too. */
static int spool_sync_dir(const char *path)
{
	char copy[4096];
	snprintf(copy, sizeof copy, "%s", path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

static int spool_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* One line (without its '\n') into r; false when it is not a whole, well-formed record. */
static bool spool_parse(char *line, struct door_spool_rec *r)
{
	char *f[7];
	int n = 0;
	for (char *p = line; n < 7; n++) {
		f[n] = p;
		char *tab = strchr(p, '\t');
		if (!tab) {
			n++;
			break;
		}
		*tab = '\0';
		p = tab + 1;
	}
	if (n != 7 || strcmp(f[0], "1") != 0)
		return false;
	char *end;
	memset(r, 0, sizeof *r);
	r->seq = strtoll(f[1], &end, 10);
	if (*end || r->seq < 1)
		return false;
	r->at = strtoll(f[2], &end, 10);
	if (*end || r->at < 1)
		return false;
	r->escort_id = strtoll(f[3], &end, 10);
	if (*end || r->escort_id < 1)
		return false;
	if (strlen(f[4]) != DOOR_SPOOL_KEY_LEN ||
	    strspn(f[4], "0123456789abcdef") != DOOR_SPOOL_KEY_LEN)
		return false;
	if (strlen(f[5]) >= sizeof r->station || strlen(f[6]) != AKSES_TOKEN_LEN)
		return false;
	memcpy(r->key, f[4], DOOR_SPOOL_KEY_LEN + 1);
	memcpy(r->station, f[5], strlen(f[5]) + 1);
	memcpy(r->token, f[6], AKSES_TOKEN_LEN + 1);
	return true;
}

akses_status door_spool_read(const char *path, struct door_spool_rec **out, int *n, int *skipped)
{
	*out = NULL;
	*n = 0;
	if (skipped)
		*skipped = 0;
	FILE *f = fopen(path, "re");
	if (!f)
		return errno == ENOENT ? AKSES_OK : AKSES_E_IO;
	struct door_spool_rec *v = NULL;
	int cap = 0, bad = 0;
	char line[SPOOL_LINE_MAX];
	akses_status rc = AKSES_OK;
	while (fgets(line, sizeof line, f)) {
		size_t len = strlen(line);
		if (len == 0 || line[len - 1] != '\n') {
			/* torn (no newline: a crash mid-write) or too long: skip to the line's end
			 */
			bad++;
			int c;
			while (len == sizeof line - 1 && (c = fgetc(f)) != EOF && c != '\n')
				;
			continue;
		}
		line[len - 1] = '\0';
		struct door_spool_rec r;
		if (!spool_parse(line, &r)) {
			bad++;
			continue;
		}
		if (*n == cap) {
			int ncap = cap ? cap * 2 : 16;
			struct door_spool_rec *nv = realloc(v, (size_t)ncap * sizeof *nv);
			if (!nv) {
				rc = AKSES_E_NOMEM;
				break;
			}
			v = nv;
			cap = ncap;
		}
		v[(*n)++] = r;
	}
	if (ferror(f) && rc == AKSES_OK)
		rc = AKSES_E_IO;
	fclose(f);
	if (rc != AKSES_OK) {
		free(v);
		*n = 0;
		return rc;
	}
	*out = v;
	if (skipped)
		*skipped = bad;
	return AKSES_OK;
}

int door_spool_count(const char *path)
{
	struct door_spool_rec *v;
	int n;
	if (door_spool_read(path, &v, &n, NULL) != AKSES_OK)
		return -1;
	free(v);
	return n;
}

/* Append one already-filled record's line to path and fsync it. */
static akses_status spool_write(const char *path, const struct door_spool_rec *r)
{
	char line[SPOOL_LINE_MAX];
	int len =
	    snprintf(line, sizeof line, "1\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%s\t%s\t%s\n",
	             r->seq, r->at, r->escort_id, r->key, r->station, r->token);
	if (len < 0 || len >= (int)sizeof line)
		return AKSES_E_INVALID_ARG;
	bool existed = access(path, F_OK) == 0;
	int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return spool_errno(errno);
	akses_status rc = AKSES_OK;
	struct stat sb;
	char last = '\n';
	/* a torn last line (a crash mid-write) is closed first: it stays one skipped line instead
	 * of swallowing this record */
	if (fstat(fd, &sb) == 0 && sb.st_size > 0 && pread(fd, &last, 1, sb.st_size - 1) == 1 &&
	    last != '\n' && spool_write_all(fd, "\n", 1) != 0)
		rc = spool_errno(errno);
	if (rc == AKSES_OK && spool_write_all(fd, line, (size_t)len) != 0)
		rc = spool_errno(errno);
	if (rc == AKSES_OK && fsync(fd) != 0)
		rc = spool_errno(errno);
	if (close(fd) != 0 && rc == AKSES_OK)
		rc = spool_errno(errno);
	if (rc == AKSES_OK && !existed && spool_sync_dir(path) != 0)
		rc = AKSES_E_IO;
	return rc;
}

akses_status door_spool_append(const char *path, struct door_spool_rec *r)
{
	if (!path || !r || r->at < 1 || r->escort_id < 1 || strlen(r->token) != AKSES_TOKEN_LEN ||
	    strpbrk(r->token, "\t\n") || strpbrk(r->station, "\t\n"))
		return AKSES_E_INVALID_ARG;
	struct door_spool_rec *v;
	int n;
	akses_status rc = door_spool_read(path, &v, &n, NULL);
	if (rc != AKSES_OK)
		return rc;
	r->seq = n > 0 ? v[n - 1].seq + 1 : 1;
	free(v);
	unsigned char raw[DOOR_SPOOL_KEY_LEN / 2];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(r->key, sizeof r->key, raw, sizeof raw);
	return spool_write(path, r);
}

/* Keep a rejected record in rejected_path, once per key. */
static akses_status spool_reject(const char *rejected_path, const struct door_spool_rec *r)
{
	struct door_spool_rec *v;
	int n;
	akses_status rc = door_spool_read(rejected_path, &v, &n, NULL);
	if (rc != AKSES_OK)
		return rc;
	bool have = false;
	for (int i = 0; i < n && !have; i++)
		have = strcmp(v[i].key, r->key) == 0;
	free(v);
	return have ? AKSES_OK : spool_write(rejected_path, r);
}

/* Empty the spool for good: truncated and synced. */
static akses_status spool_empty(const char *path)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? AKSES_OK : spool_errno(errno);
	akses_status rc = ftruncate(fd, 0) == 0 && fsync(fd) == 0 ? AKSES_OK : spool_errno(errno);
	close(fd);
	return rc;
}

akses_status door_spool_replay(const char *path, const char *rejected_path, door_spool_send send,
                               void *ctx, int *sent, int *rejected)
{
	if (sent)
		*sent = 0;
	if (rejected)
		*rejected = 0;
	if (!path || !rejected_path || !send)
		return AKSES_E_INVALID_ARG;
	struct door_spool_rec *v;
	int n;
	akses_status rc = door_spool_read(path, &v, &n, NULL);
	if (rc != AKSES_OK)
		return rc;
	for (int i = 0; i < n && rc == AKSES_OK; i++) {
		enum door_spool_verdict d = send(ctx, &v[i]);
		if (d == DOOR_SPOOL_STOP) {
			rc = AKSES_E_DB_GONE;
		} else if (d == DOOR_SPOOL_REJECTED) {
			/* kept before the spool is emptied: a crash in between keeps it twice at
			 * most in the spool, once in the rejected file */
			if ((rc = spool_reject(rejected_path, &v[i])) == AKSES_OK && rejected)
				(*rejected)++;
		} else if (sent) {
			(*sent)++;
		}
	}
	sodium_memzero(v, (size_t)n * sizeof *v);
	free(v);
	if (rc == AKSES_OK && n > 0)
		rc = spool_empty(path);
	return rc;
}
