/* store_copy.h - moving a SQLite deployment into an empty PostgreSQL database (aksesctl
 * migrate-sqlite): every row with its id, the audit key, counts and the audit chain checked. */
#ifndef AKSES_STORE_COPY_H
#define AKSES_STORE_COPY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define STORE_COPY_TABLES 32 /* far above the schema's tables */

struct store_copy_report {
	struct {
		char name[64];
		int64_t rows;
	} table[STORE_COPY_TABLES]; /* in the order they were copied (parents first) */
	int n;
	char full_table[64];             /* AKSES_E_ALREADY_INIT: a table of dst that has rows */
	struct store_audit_result audit; /* the copy's chain, walked inside the transaction */
	bool key_written;                /* the source's audit key was written to dst's key path */
};

/* Copy every table of src (a SQLite store, read in one snapshot) into dst (a PostgreSQL store,
 * already migrated) in ONE write transaction, ids kept and the identity sequences moved past
 * them. dst must hold no rows (else AKSES_E_ALREADY_INIT, rep->full_table names a table). The
 * audit key of src goes to dst's key path (store_audit_key_path(dst)) first: a key file there
 * already must be the same key (else AKSES_E_AUDIT_KEY). Before the commit the row counts of
 * both sides are compared (AKSES_E_IO when one differs) and dst's audit chain is walked with
 * that key: unless it is whole (times running backwards are the source's own finding and
 * allowed) the status is store_audit_check's, everything is rolled back and a key file written
 * is removed, so dst is left as empty as it was. AKSES_E_INVALID_ARG when the engines are not
 * SQLite -> PostgreSQL. */
akses_status store_copy_sqlite(store *src, store *dst, struct store_copy_report *rep);

/* Whether the PostgreSQL database target names holds no tables yet (a restore goes only into a
 * new, empty database), without migrating it. AKSES_OK with *empty; AKSES_E_DB_PASSWORD for a
 * password in target; AKSES_E_IO with libpq's reason in err when it cannot connect. */
akses_status store_pg_empty(const char *target, const char *passfile, bool *empty, char *err,
                            size_t n);

#endif
