/* store_schema.h - the list of schema migrations (see store_schema.c). */
#ifndef AKSES_STORE_SCHEMA_H
#define AKSES_STORE_SCHEMA_H

/* How many migrations there are: the schema version they lead to. */
int store_schema_count(void);

/* The SQL taking the file from from_version to from_version + 1; NULL past the end. */
const char *store_schema_migration(int from_version);

#endif
