/* db_pg.h - the PostgreSQL driver behind db.h (libpq): opening a server by URI or conninfo.
 * Everything else goes through db.h. Only kiosk/core/store*.c and the tests include this. */
#ifndef AKSES_DB_PG_H
#define AKSES_DB_PG_H

#include <stddef.h>

#include "db.h"

/* Connect to conninfo (a postgresql:// URI or key=value conninfo; several hosts and
 * target_session_attrs=read-write work as libpq does them). passfile, when not NULL or empty,
 * names the password file (the pgpass format) handed to libpq as its "passfile" keyword: a
 * password never travels on a command line. DB_OK and the connection in *out, or DB_ERROR with
 * *out NULL and libpq's message in err (n bytes). */
int db_pg_open(const char *conninfo, const char *passfile, db **out, char *err, size_t n);

/* How long db_begin_write waits for another station's write transaction (and any statement for
 * a row lock) before it fails with DB_E_BUSY; 0 waits for ever. Default 5000 ms. */
int db_pg_set_lock_timeout(db *c, int ms);

/* The name of the database c is connected to ("" for a connection of another driver). */
const char *db_pg_dbname(db *c);

#endif
