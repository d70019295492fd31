/* conc_run.c - the barrier harness of the concurrency suite: n forked children, each with its own
 * store connection, released at once by the parent closing a pipe; reports come back through
 * another pipe. */
#include "conc_run.h"

#include <check.h>
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Read exactly n bytes unless the pipe ends first; the bytes read. */
static size_t conc_read(int fd, void *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, (char *)buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

/* Child i: open, say ready, wait for the barrier to open, run, report, leave. The parent's own
 * connection (inherited) is never touched, and _exit skips the atexit handlers that would. */
static void conc_child(const char *target, int i, int ready_w, int go_r, int out_w, conc_fn fn,
                       const void *ctx)
{
	struct conc_result r;
	memset(&r, 0, sizeof r);
	r.i = i;
	store *st = NULL;
	akses_status rc = store_open(target, NULL, &st);
	char b = rc == AKSES_OK ? 'y' : 'n';
	if (write(ready_w, &b, 1) != 1)
		_exit(3);
	char c;
	while (conc_read(go_r, &c, 1) == 1) /* nothing is written: EOF is the start signal */
		;
	r.rc = rc == AKSES_OK ? fn(st, i, ctx, &r) : rc;
	int ok = write(out_w, &r, sizeof r) == (ssize_t)sizeof r;
	store_close(st);
	_exit(ok ? 0 : 4);
}

void conc_run(const char *target, int n, conc_fn fn, const void *ctx, struct conc_result *res)
{
	ck_assert(n > 0 && n <= CONC_MAX);
	int ready[2], go[2], out[2];
	ck_assert(pipe(ready) == 0 && pipe(go) == 0 && pipe(out) == 0);
	pid_t pids[CONC_MAX];
	for (int i = 0; i < n; i++) {
		pids[i] = fork();
		ck_assert(pids[i] >= 0);
		if (pids[i] == 0) {
			close(ready[0]);
			close(go[1]); /* or the barrier never opens */
			close(out[0]);
			conc_child(target, i, ready[1], go[0], out[1], fn, ctx);
		}
	}
	close(ready[1]);
	close(go[0]);
	close(out[1]);
	/* everyone connected before anyone starts: the race is the operation, not the connect */
	char flags[CONC_MAX];
	size_t got = conc_read(ready[0], flags, (size_t)n);
	close(go[1]);
	close(ready[0]);
	bool seen[CONC_MAX] = {false};
	int reports = 0;
	struct conc_result r;
	while (reports < n && conc_read(out[0], &r, sizeof r) == sizeof r) {
		ck_assert(r.i >= 0 && r.i < n && !seen[r.i]);
		seen[r.i] = true;
		res[r.i] = r;
		reports++;
	}
	close(out[0]);
	for (int i = 0; i < n; i++) {
		int status = 0;
		ck_assert(waitpid(pids[i], &status, 0) == pids[i]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child %d: status %d", i,
		              status);
	}
	ck_assert_msg(got == (size_t)n && memchr(flags, 'n', (size_t)n) == NULL,
	              "a child could not open %s", target);
	ck_assert_int_eq(reports, n);
}
