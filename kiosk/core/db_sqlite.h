/* db_sqlite.h - what only the SQLite driver has: opening a file (or a file: URI) with SQLite's
 * flags, and the raw handle for the whole-file operations that stay SQLite-only (busy handler,
 * backup, WAL checkpoint, integrity check). Only store_open.c and db_sqlite.c include this. */
#ifndef AKSES_DB_SQLITE_H
#define AKSES_DB_SQLITE_H

#include <sqlite3.h>

#include "db.h"

/* Open filename with sqlite3_open_v2's flags (SQLITE_OPEN_*). *out is set even when opening
 * fails (NULL only when there was no memory for it), so that db_errclass, db_errmsg and
 * db_sys_errno say why; the caller closes it either way. DB_OK or DB_ERROR. */
int db_sqlite_open(const char *filename, int flags, db **out);

/* The connection's sqlite3 handle; NULL for a connection of another driver. */
sqlite3 *db_sqlite_handle(db *c);

#endif
