/* print_worker.c - printing off the UI thread: the worker opens its own store handle, calls
 * paper_print(..., wait = true) and posts the result back as an SDL user event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk.h"
#include "settings.h"

/* A job as the worker owns it: copies of everything it needs (the UI may move on). */
struct pw_job {
	char db_path[512];
	struct akses_config cfg;
	paper_doc doc;
	char number[AKSES_NUMBER_BUF];
	int person;
	char receipt_token[AKSES_TOKEN_BUF];
	char day[16];                             /* log: YYYY-MM-DD */
	int64_t actor_id;                         /* 0: the visitor; else the signed-in staff */
	char reason[AKSES_BUF(AKSES_NOTE_CHARS)]; /* a staff reprint's reason */
	uint32_t ev;
	struct paper_result res; /* filled by the worker, read by the UI after the event */
};

static SDL_atomic_t pw_busy;

/* The worker thread: one job, then the result event. The job is freed by print_worker_done. */
static int pw_main(void *p)
{
	struct pw_job *j = p;
	store *st = NULL;
	struct store_options so = settings_store_options(&j->cfg);
	akses_status rc = store_open(j->db_path, &so, &st);

	memset(&j->res, 0, sizeof j->res);
	if (rc == AKSES_OK) {
		struct paper_job pj;
		memset(&pj, 0, sizeof pj);
		pj.doc = j->doc;
		pj.number = j->number;
		pj.person = j->person;
		pj.actor_id = j->actor_id; /* 0: the visitor at the kiosk */
		pj.receipt_token = j->receipt_token[0] ? j->receipt_token : NULL;
		pj.day = j->day[0] ? j->day : NULL;
		pj.reason = j->reason[0] ? j->reason : NULL;
		pj.wait = true;
		/* a job left pending by a kiosk killed mid-print would refuse this one */
		(void)paper_reconcile(st, NULL);
		paper_print(st, &j->cfg, &pj, &j->res);
	} else {
		j->res.status = rc;
	}
	if (st)
		store_close(st);
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = j->ev;
	e.user.data1 = j;
	if (SDL_PushEvent(&e) < 1) {
		free(j);
		SDL_AtomicSet(&pw_busy, 0);
	}
	return 0;
}

bool print_worker_start(struct app *a, paper_doc doc, const char *number, int person,
                        const char *receipt_token)
{
	struct paper_job pj;

	memset(&pj, 0, sizeof pj);
	pj.doc = doc;
	pj.number = number;
	pj.person = person;
	pj.receipt_token = receipt_token;
	return print_worker_start_job(a, &pj);
}

bool print_worker_start_job(struct app *a, const struct paper_job *job)
{
	if (!SDL_AtomicCAS(&pw_busy, 0, 1))
		return false;
	struct pw_job *j = calloc(1, sizeof *j);
	if (!j) {
		SDL_AtomicSet(&pw_busy, 0);
		return false;
	}
	paper_doc doc = job->doc;
	int person = job->person;
	snprintf(j->db_path, sizeof j->db_path, "%s", a->db);
	j->cfg = a->cfg;
	j->doc = doc;
	snprintf(j->number, sizeof j->number, "%s", job->number ? job->number : "");
	j->person = person;
	snprintf(j->receipt_token, sizeof j->receipt_token, "%s",
	         job->receipt_token ? job->receipt_token : "");
	snprintf(j->day, sizeof j->day, "%s", job->day ? job->day : "");
	j->actor_id = job->actor_id;
	snprintf(j->reason, sizeof j->reason, "%s", job->reason ? job->reason : "");
	j->ev = a->ev_print;

	memset(&a->print, 0, sizeof a->print);
	a->print.phase = PRINT_BUSY;
	a->print.doc = doc;
	snprintf(a->print.number, sizeof a->print.number, "%s", j->number);
	a->print.person = person;

	SDL_Thread *t = SDL_CreateThread(pw_main, "akses-print", j);
	if (!t) {
		free(j);
		SDL_AtomicSet(&pw_busy, 0);
		a->print.phase = PRINT_ERROR;
		a->print.res.status = AKSES_E_PRINT;
		snprintf(a->print.res.message, sizeof a->print.res.message, "%s", SDL_GetError());
		return false;
	}
	SDL_DetachThread(t);
	return true;
}

void print_worker_done(struct app *a, const SDL_Event *e)
{
	struct pw_job *j = e->user.data1;

	a->print.res = j->res;
	a->print.phase = j->res.status == AKSES_OK ? PRINT_OK : PRINT_ERROR;
	/* the token printed is no business of the UI: don't keep it around */
	memset(a->print.res.token, 0, sizeof a->print.res.token);
	memset(j, 0, sizeof *j);
	free(j);
	SDL_AtomicSet(&pw_busy, 0);
}

/* At most one reconciling thread; apart from pw_busy, so a visitor's print is never refused
 * because a reconciliation is running (both may reconcile at once: a job's end counts once). */
static SDL_atomic_t pw_reconciling;

/* Where the reconciling thread opens its store: the DB and its audit key (settling a job writes
 * audit rows, which need the key the config names). */
struct pw_where {
	char db[sizeof ((struct app *)0)->db];
	struct akses_config cfg;
};

/* The reconciling thread: its own store handle (the UI's is not for other threads). */
static int pw_reconcile_main(void *p)
{
	struct pw_where *where = p;
	store *st = NULL;
	struct store_options so = settings_store_options(&where->cfg);
	if (store_open(where->db, &so, &st) == AKSES_OK)
		(void)paper_reconcile(st, NULL);
	if (st)
		store_close(st);
	free(where);
	SDL_AtomicSet(&pw_reconciling, 0);
	return 0;
}

void print_worker_reconcile(struct app *a)
{
	if (!a->db[0] || a->db_status != AKSES_OK || !a->st)
		return;
	/* Nearly always nothing is open: one cheap read on the UI's own handle, and no second
	 * handle (nor CUPS lookups) unless there is something to settle. */
	struct akses_print_job *open_jobs = NULL;
	int n_open = 0;
	akses_status rc = store_print_open(a->st, &open_jobs, &n_open);
	free(open_jobs);
	if (rc != AKSES_OK || n_open == 0 || !SDL_AtomicCAS(&pw_reconciling, 0, 1))
		return;
	struct pw_where *where = calloc(1, sizeof *where);
	if (where) {
		snprintf(where->db, sizeof where->db, "%s", a->db);
		where->cfg = a->cfg;
	}
	SDL_Thread *t =
	    where ? SDL_CreateThread(pw_reconcile_main, "akses-reconcile", where) : NULL;
	if (!t) {
		free(where);
		SDL_AtomicSet(&pw_reconciling, 0);
		return;
	}
	SDL_DetachThread(t);
}
