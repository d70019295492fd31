/* store_schema_pg.h - the schema in PostgreSQL's DDL and its migrations (see store_schema_pg.c),
 * versioned like the SQLite file's: the same number means the same tables, columns and rules. */
#ifndef AKSES_STORE_SCHEMA_PG_H
#define AKSES_STORE_SCHEMA_PG_H

#include <stdbool.h>

#include "db.h"

/* The version the migrations lead to (STORE_SCHEMA_VERSION when both engines are in step). */
int store_schema_pg_count(void);

/* The SQL taking a database from from_version on (a NULL-terminated list of pieces, run in
 * order in one transaction), and in *to_version the version it leads to: from 0 the baseline
 * (the whole schema at once), from the baseline on one version at a time. NULL when none. */
const char *const *store_schema_pg_migration(int from_version, int *to_version);

/* The database's schema version in *version (0: an empty database). DB_OK or DB_ERROR. */
int store_schema_pg_version(db *c, int *version);

/* Bring the database to store_schema_pg_count(), each step in its own write transaction (the
 * writer lock makes concurrent migrators wait, and the second finds the work done). DB_OK;
 * DB_ERROR with the error on c; *newer set (and DB_ERROR) when the database is of a later
 * version than this program knows. Run by the owner role: a station's role may not CREATE. */
int store_schema_pg_migrate(db *c, bool *newer);

#endif
