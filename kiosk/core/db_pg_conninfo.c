/* db_pg_conninfo.c - a PostgreSQL target read by libpq's own parser, without connecting: a
 * password in it is refused (store_open), since it would show in `ps`, shell history and config. */
#include "db_pg_conninfo.h"

#include <string.h>

#include <libpq-fe.h>

bool db_pg_conninfo_has_password(const char *target)
{
	if (!target)
		return false;
	char *err = NULL;
	PQconninfoOption *opts = PQconninfoParse(target, &err);
	PQfreemem(err);
	if (!opts)
		return false;
	bool found = false;
	for (PQconninfoOption *o = opts; o->keyword; o++)
		if (strcmp(o->keyword, "password") == 0 && o->val && *o->val)
			found = true;
	PQconninfoFree(opts);
	return found;
}
