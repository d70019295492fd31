/* db_pg_wait.c - waiting for a PostgreSQL server's answers with a deadline: libpq's blocking calls
 * wait for ever on a server that is frozen (its kernel still acknowledges TCP), so the driver
 * sends with PQsend* and waits here, cutting the link when the deadline passes. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <sys/socket.h>
#include <time.h>

#include "db_pg_int.h"

int64_t db_pg_wait_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The deadline in force: never shorter than a lock wait the server ends itself, none when either
 * is off (0). */
static int db_pg_wait_deadline_ms(const struct pg_conn *c)
{
	if (c->answer_ms == 0 || c->lock_timeout_ms == 0)
		return 0;
	int after_lock = c->lock_timeout_ms + PG_ANSWER_AFTER_LOCK_MS;
	return c->answer_ms > after_lock ? c->answer_ms : after_lock;
}

/* Wait until the answer to what was sent can be read without blocking (PQgetResult), sending
 * what libpq still holds meanwhile. false when the link broke, or when the server sent nothing
 * for the deadline: then this side shuts the socket (a cancel request would wait on the frozen
 * server too), libpq finds the link broken, and the caller's error is DB_E_GONE; a reset
 * reconnects later. */
bool db_pg_wait_ready(struct pg_conn *c)
{
	int ms = db_pg_wait_deadline_ms(c);
	int64_t end = db_pg_wait_now_ms() + ms;
	for (;;) {
		int f = PQflush(c->pg); /* 0 all sent, 1 more to send, -1 broken */
		if (f < 0)
			return false;
		if (f == 0 && !PQisBusy(c->pg))
			return true;
		int64_t left = ms ? end - db_pg_wait_now_ms() : -1;
		if (ms && left <= 0) {
			c->cut = true;
			shutdown(PQsocket(c->pg), SHUT_RDWR);
			PQconsumeInput(c->pg); /* reads the end of the link: CONNECTION_BAD */
			/* as after a failed reconnect: the calls that follow at once (a screen's
			 * next read) fail at once too, instead of waiting out a connect each */
			c->backoff_ms = PG_BACKOFF_FIRST_MS;
			c->retry_at = db_pg_wait_now_ms() + c->backoff_ms;
			snprintf(c->gone, sizeof c->gone, "the server did not answer within %d s",
			         ms / 1000);
			return false;
		}
		struct pollfd p = {.fd = PQsocket(c->pg), .events = POLLIN | (f ? POLLOUT : 0)};
		int n = poll(&p, 1, left > INT32_MAX ? INT32_MAX : (int)left);
		if (n < 0 && errno != EINTR)
			return false;
		if (n > 0 && (p.revents & (POLLIN | POLLERR | POLLHUP)) && !PQconsumeInput(c->pg))
			return false;
	}
}

/* The next result of what was sent, waited for at most the deadline (NULL: the statement's
 * results are over, or the link broke or was cut). */
PGresult *db_pg_wait_next(struct pg_conn *c)
{
	return db_pg_wait_ready(c) ? PQgetResult(c->pg) : NULL;
}

/* What PQexec returns, for a command sent with one of libpq's PQsend* calls (ok: its return):
 * every result read, the last kept, the first error over anything after it. NULL when nothing
 * could be sent or read (db_pg_err_result then takes libpq's message). Counted as the round trip it
 * is. */
PGresult *db_pg_wait_collect(struct pg_conn *c, int ok)
{
	c->trips++;
	if (!ok)
		return NULL;
	PGresult *last = NULL, *r;
	while ((r = db_pg_wait_next(c)) != NULL) {
		if (last && PQresultStatus(last) == PGRES_FATAL_ERROR) {
			PQclear(r);
		} else {
			PQclear(last);
			last = r;
		}
	}
	if (PQstatus(c->pg) == CONNECTION_BAD && last &&
	    PQresultStatus(last) != PGRES_FATAL_ERROR) {
		PQclear(last); /* the link broke after a first result: the statement did not end */
		last = NULL;
	}
	return last;
}

/* PQexec with the answer deadline. */
PGresult *db_pg_wait_exec(struct pg_conn *c, const char *sql)
{
	return db_pg_wait_collect(c, PQsendQuery(c->pg, sql));
}
