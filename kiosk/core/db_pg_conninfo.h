/* db_pg_conninfo.h - reading a PostgreSQL target (URI or conninfo) without connecting: whether it
 * carries a password, which must live in a passfile instead. Only kiosk/core/store*.c include it.
 */
#ifndef AKSES_DB_PG_CONNINFO_H
#define AKSES_DB_PG_CONNINFO_H

#include <stdbool.h>

/* True when target (a postgresql:// URI or a key=value conninfo) names a password: a
 * "password=" keyword, "?password=" in a URI or "user:password@" before its host. Parsed by
 * libpq itself (PQconninfoParse), so every spelling libpq accepts is seen; a target libpq
 * cannot parse is false (the connection then fails with libpq's own reason). */
bool db_pg_conninfo_has_password(const char *target);

#endif
