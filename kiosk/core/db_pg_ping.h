/* db_pg_ping.h - is a PostgreSQL server reachable? libpq's PQping, with no connection object and
 * no session: cheap and thread-safe, for a station's background probe while it is offline. */
#ifndef AKSES_DB_PG_PING_H
#define AKSES_DB_PG_PING_H

#include <stdbool.h>

/* True when the server named by conninfo (a URI or key=value conninfo, several hosts included)
 * accepts connections; false when it does not answer within a few seconds, refuses them
 * (starting up, shutting down) or conninfo is bad. Never blocks longer than its connect_timeout
 * per host. */
bool db_pg_ping(const char *conninfo);

#endif
