/* db_pg_ping.c - is a PostgreSQL server reachable? (PQpingParams: no session, no password
 * needed, safe on any thread). */
#include <libpq-fe.h>

#include "db_pg_ping.h"

/* How long one host may take to answer: short, as the probe runs again anyway. */
#define DB_PG_PING_TIMEOUT "3"

bool db_pg_ping(const char *conninfo)
{
	if (!conninfo || !*conninfo)
		return false;
	/* the conninfo's own connect_timeout, if any, wins: it comes after ours (expand_dbname) */
	const char *keys[] = {"connect_timeout", "dbname", NULL};
	const char *vals[] = {DB_PG_PING_TIMEOUT, conninfo, NULL};
	return PQpingParams(keys, vals, 1) == PQPING_OK;
}
