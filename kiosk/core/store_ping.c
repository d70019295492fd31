/* store_ping.c - store_ping: is the store's server reachable, without a store handle (a kiosk's
 * background probe while it is offline). A SQLite file has no server: always reachable. */
#include "db.h"
#include "db_pg_ping.h"
#include "store.h"

akses_status store_ping(const char *target)
{
	if (!target || !db_target_is_pg(target))
		return AKSES_OK;
	return db_pg_ping(target) ? AKSES_OK : AKSES_E_DB_GONE;
}
