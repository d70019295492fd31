/* db_pg_err.c - the PostgreSQL driver's errors: a failure recorded on the connection with the
 * server's own sentence, and its SQLSTATE sorted into db_err's classes. */
#include <stdio.h>
#include <string.h>

#include "db_pg_int.h"

int db_pg_err_set(struct pg_conn *c, db_err e, const char *msg)
{
	c->err = e;
	snprintf(c->msg, sizeof c->msg, "%s", msg && *msg ? msg : "unknown PostgreSQL error");
	/* libpq's messages end in a newline (and may span lines): keep the first line */
	c->msg[strcspn(c->msg, "\n")] = '\0';
	return DB_ERROR;
}

/* The class of a failed result r (NULL: libpq could not even make one) on connection c. */
db_err db_pg_err_class(struct pg_conn *c, const PGresult *r)
{
	if (PQstatus(c->pg) == CONNECTION_BAD)
		return DB_E_GONE;
	if (!r)
		return DB_E_NOMEM;
	const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	if (!st)
		return DB_E_IO;
	if (!strcmp(st, "40001") || !strcmp(st, "40P01") || !strcmp(st, "55P03"))
		return DB_E_BUSY;
	if (!strncmp(st, "23", 2))
		return DB_E_CONSTRAINT;
	if (!strcmp(st, "53100"))
		return DB_E_FULL;
	if (!strcmp(st, "53200"))
		return DB_E_NOMEM;
	if (!strcmp(st, "25006"))
		return DB_E_READ_ONLY;
	if (!strncmp(st, "08", 2) || !strcmp(st, "57P01") || !strcmp(st, "57P02") ||
	    !strcmp(st, "57P03"))
		return DB_E_GONE;
	if (!strcmp(st, "XX001") || !strcmp(st, "XX002"))
		return DB_E_CORRUPT;
	/* a standby refuses what writes in its own words (the writer lock: "cannot acquire lock
	 * mode ExclusiveLock ... while recovery is in progress"); libpq 14+ knows it is one */
	const char *hs = PQparameterStatus(c->pg, "in_hot_standby");
	if (hs && !strcmp(hs, "on"))
		return DB_E_READ_ONLY;
	return DB_E_IO;
}

/* Record the failure of r on c (and free r); DB_ERROR. */
int db_pg_err_result(struct pg_conn *c, PGresult *r)
{
	if (c->cut) { /* libpq's "server closed the connection" would be wrong: this side did */
		PQclear(r);
		return db_pg_err_set(c, DB_E_GONE, c->gone);
	}
	db_err e = db_pg_err_class(c, r);
	/* the server's own sentence, without libpq's "ERROR:  " in front */
	const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!m || !*m)
		m = r ? PQresultErrorMessage(r) : "";
	if (!*m)
		m = PQerrorMessage(c->pg);
	db_pg_err_set(c, e, m);
	PQclear(r);
	return DB_ERROR;
}
