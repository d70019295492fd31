/* door_spool.h - a door station's durable local spool of exits recorded while its server was
 * gone: one line per exit, appended and fsync'd before the escort is told "recorded", replayed
 * in order when the server is back (store_scan_spooled, exactly once by the record's key), then
 * emptied. Exits the server refuses go to a "rejected" file for staff, never dropped. */
#ifndef AKSES_DOOR_SPOOL_H
#define AKSES_DOOR_SPOOL_H

#include <stdint.h>

#include "model.h"
#include "status.h"

#define DOOR_SPOOL_KEY_LEN 32 /* hex digits of 16 random bytes */

/* One spooled exit. */
struct door_spool_rec {
	int64_t seq;       /* 1, 2, ... in the order they were recorded at this station */
	int64_t at;        /* when the escort recorded it (unix seconds): the exit's time */
	int64_t escort_id; /* the escort signed in at the door */
	char key[DOOR_SPOOL_KEY_LEN + 1];             /* unique: the replay's idempotence key */
	char station[AKSES_BUF(AKSES_STATION_CHARS)]; /* no tab or newline */
	char token[AKSES_TOKEN_BUF];                  /* the pass as scanned (32 characters) */
};

/* Append r as the next record of the spool at path (created 0600 with its folder entry synced
 * when new), fsync'd before it returns: AKSES_OK means it survives a crash or power loss. Fills
 * r->seq (one more than the last record) and r->key (fresh random) first. A torn last line left
 * by a crash is closed with a newline first, so it stays one ignored line. AKSES_E_DISK_FULL,
 * AKSES_E_IO (nothing counted as written), AKSES_E_INVALID_ARG for a bad station or token. */
akses_status door_spool_append(const char *path, struct door_spool_rec *r);

/* The spool's records in file order into *out (malloc'd, NULL when none; the caller frees) and
 * *n. A missing file is an empty spool. Lines that are not whole records (a torn last line, a
 * damaged one) are skipped and counted in *skipped (may be NULL). */
akses_status door_spool_read(const char *path, struct door_spool_rec **out, int *n, int *skipped);

/* What the replay's sender made of one record. */
enum door_spool_verdict {
	DOOR_SPOOL_SENT,     /* recorded by the server (or found recorded by an earlier replay) */
	DOOR_SPOOL_REJECTED, /* the server refused it (unknown pass, ...): keep it for staff */
	DOOR_SPOOL_STOP      /* the server went away again: stop, replay the rest later */
};
typedef enum door_spool_verdict (*door_spool_send)(void *ctx, const struct door_spool_rec *r);

/* Replay the spool at path in order through send. Rejected records are appended (once per key)
 * to rejected_path. When every record was sent or rejected the spool is emptied (and synced):
 * AKSES_OK. On DOOR_SPOOL_STOP the spool is left whole, AKSES_E_DB_GONE: the records already
 * sent are sent again next time, which the server's key makes harmless. *sent and *rejected
 * (may be NULL) count this replay's records. */
akses_status door_spool_replay(const char *path, const char *rejected_path, door_spool_send send,
                               void *ctx, int *sent, int *rejected);

/* How many records the spool at path holds (0 when missing; -1 when unreadable). */
int door_spool_count(const char *path);

#endif
