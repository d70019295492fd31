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

/* The class of this thread's last failed db_pg_open: DB_E_GONE when no server could be reached
 * (or it is starting up or shutting down, or only standbys answered where a read-write server
 * was asked for), DB_E_NOMEM, else DB_E_IO (a refused login, no such database, a bad conninfo).
 * A failed open to a server that is gone takes about connect_timeout (3 s unless the conninfo
 * says otherwise) plus at most 2 s. */
db_err db_pg_open_errclass(void);

/* The delay before a broken connection's next reconnect: 0 while connected, else 500 ms after
 * the first failed reconnect, doubling with each further one up to 30 s. Calls in between fail
 * at once with DB_E_GONE. 0 for a connection of another driver. */
int db_pg_backoff_ms(db *c);

/* How long db_begin_write waits for another station's write transaction (and any statement for
 * a row lock) before it fails with DB_E_BUSY; 0 waits for ever. Default 5000 ms. */
int db_pg_set_lock_timeout(db *c, int ms);

/* How long any call waits for the server's answer on an established connection before it gives
 * up on the link (the socket is shut, the call fails with DB_E_GONE, a COMMIT's outcome is then
 * unknown, and the next call outside a transaction reconnects); 0 waits for ever. Default
 * DB_PG_ANSWER_MS, and never less than the lock timeout plus 5 s. */
#define DB_PG_ANSWER_MS 10000
int db_pg_set_answer_timeout(db *c, int ms);

/* The name of the database c is connected to ("" for a connection of another driver). */
const char *db_pg_dbname(db *c);

#endif
