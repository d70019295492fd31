/* rel_chaos.c - runs one command again and again for a number of seconds and SIGKILLs each run at
 * a random moment; every complete line a run wrote on stdout (a confirmation) goes to a log.
 *
 * Usage: rel_chaos SECONDS MIN_MS MAX_MS LOG ERRLOG -- CMD [ARG...]
 *
 * Each run gets a kill delay drawn from [MIN_MS, MAX_MS]; a run that ends before it is not killed.
 * Only this program's own children are killed, and only before they are reaped, so a PID can
 * never name some other process (a child stays a zombie, keeping its PID, until waitpid). A run
 * that ends by itself must exit 0 (or 3, a DENIED scan); any other ending is a failure, its stderr
 * kept in ERRLOG. The last line on stdout: "runs=N completed=N killed=N failed=N lines=N seed=S".
 * Exit 0 when no run failed. $REL_SEED fixes the random sequence (to replay a run).
 * The runs are bounded by count as well as by time: at most $REL_MAX_RUNS (default 1000), so a
 * fast machine does not pile up more work in one pinned day than a slow one could.
 * With $REL_ARGS naming a file, an argument that is exactly "{}" becomes line N of that file in
 * run N, and the runs stop when the lines do: each run gets its own target (a fresh database)
 * without a shell in between, whose start-up a short kill window would otherwise spend. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct chaos_count {
	long runs, completed, killed, failed, lines;
};

/* Milliseconds on the monotonic clock. */
static long long chaos_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Write all of buf to fd (retrying short writes); -1 on error. */
static int chaos_write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Move the complete lines at the start of buf (len bytes) to the log; returns how many bytes are
 * left (an unfinished line, kept for the next read) and counts the lines. */
static size_t chaos_flush_lines(char *buf, size_t len, int log_fd, struct chaos_count *c)
{
	char *end = NULL;
	for (size_t i = 0; i < len; i++)
		if (buf[i] == '\n') {
			end = buf + i + 1;
			c->lines++;
		}
	if (!end)
		return len;
	size_t done = (size_t)(end - buf);
	if (chaos_write_all(log_fd, buf, done) != 0) {
		perror("rel_chaos: log");
		exit(2);
	}
	memmove(buf, end, len - done);
	return len - done;
}

/* One run: start argv with stdout on a pipe and stderr appended to err_fd, kill it after delay_ms
 * unless it ended first, log its complete lines, reap it and count the outcome. */
static void chaos_run(char **argv, long delay_ms, int log_fd, int err_fd, struct chaos_count *c)
{
	int fds[2];
	if (pipe(fds) != 0) {
		perror("rel_chaos: pipe");
		exit(2);
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("rel_chaos: fork");
		exit(2);
	}
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(err_fd, STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	c->runs++;
	long long deadline = chaos_ms() + delay_ms;
	bool sent_kill = false;
	char buf[8192];
	size_t len = 0;
	for (;;) {
		long long left = deadline - chaos_ms();
		if (!sent_kill && left <= 0) {
			kill(pid, SIGKILL); /* still our unreaped child: the PID is its own */
			sent_kill = true;
		}
		struct pollfd p = {.fd = fds[0], .events = POLLIN};
		int r = poll(&p, 1, sent_kill ? -1 : (int)(left > 0 ? left : 0));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue;
		ssize_t n = read(fds[0], buf + len, sizeof buf - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break; /* EOF: the run ended (or died) */
		len = chaos_flush_lines(buf, len + (size_t)n, log_fd, c);
		if (len == sizeof buf)
			len = 0; /* a line longer than the buffer is no confirmation of ours */
	}
	close(fds[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	/* an unfinished last line is dropped: the run never confirmed it */
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && sent_kill) {
		c->killed++;
	} else if (WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3)) {
		c->completed++;
	} else {
		c->failed++;
		char line[96];
		int m = snprintf(line, sizeof line, "rel_chaos: run %ld ended with %s %d\n",
		                 c->runs, WIFEXITED(status) ? "exit" : "signal",
		                 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		chaos_write_all(err_fd, line, (size_t)m);
	}
}

/* Line n (1-based) of the file f, without its newline, into out; false past the last line. */
static bool chaos_arg_line(FILE *f, long n, char *out, size_t size)
{
	rewind(f);
	for (long i = 1; fgets(out, (int)size, f); i++)
		if (i == n) {
			out[strcspn(out, "\n")] = '\0';
			return true;
		}
	return false;
}

/* A non-negative count from the environment; 0 when unset. */
static long chaos_env_long(const char *name)
{
	const char *v = getenv(name);
	long n = v && *v ? strtol(v, NULL, 10) : 0;
	return n > 0 ? n : 0;
}

int main(int argc, char **argv)
{
	if (argc < 8 || strcmp(argv[6], "--") != 0) {
		fprintf(stderr,
		        "usage: rel_chaos SECONDS MIN_MS MAX_MS LOG ERRLOG -- CMD [ARG...]\n");
		return 2;
	}
	long seconds = strtol(argv[1], NULL, 10);
	long min_ms = strtol(argv[2], NULL, 10);
	long max_ms = strtol(argv[3], NULL, 10);
	if (seconds <= 0 || min_ms < 0 || max_ms < min_ms) {
		fprintf(stderr, "rel_chaos: bad SECONDS or delays\n");
		return 2;
	}
	int log_fd = open(argv[4], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	int err_fd = open(argv[5], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (log_fd < 0 || err_fd < 0) {
		perror("rel_chaos: log files");
		return 2;
	}
	const char *env_seed = getenv("REL_SEED");
	unsigned seed = env_seed && *env_seed ? (unsigned)strtoul(env_seed, NULL, 10)
	                                      : (unsigned)(time(NULL) ^ (getpid() << 8));
	srand(seed);
	const char *env_max = getenv("REL_MAX_RUNS");
	long max_runs = env_max && *env_max ? strtol(env_max, NULL, 10) : 1000;
	if (max_runs <= 0) {
		fprintf(stderr, "rel_chaos: bad REL_MAX_RUNS\n");
		return 2;
	}
	/* A loaded machine fits fewer runs into SECONDS, and the test asserting "enough were killed"
	 * then fails for want of runs, not for anything lost: past SECONDS, go on until the minimums
	 * REL_MIN_RUNS / REL_MIN_KILLED / REL_MIN_LINES are met, still bounded by REL_MAX_RUNS and by
	 * four times SECONDS. */
	long min_runs = chaos_env_long("REL_MIN_RUNS"), min_killed = chaos_env_long("REL_MIN_KILLED");
	long min_lines = chaos_env_long("REL_MIN_LINES");
	const char *args_path = getenv("REL_ARGS");
	FILE *args = args_path && *args_path ? fopen(args_path, "r") : NULL;
	if (args_path && *args_path && !args) {
		perror("rel_chaos: REL_ARGS");
		return 2;
	}
	char **cmd = argv + 7, arg[4096];
	for (char **a = cmd; args && *a; a++)
		if (strcmp(*a, "{}") == 0)
			*a = arg;
	struct chaos_count c = {0};
	long long t0 = chaos_ms(), stop = t0 + seconds * 1000, cap = t0 + seconds * 4000;
	while (c.runs < max_runs &&
	       (chaos_ms() < stop || (chaos_ms() < cap && (c.runs < min_runs ||
	                                                   c.killed < min_killed ||
	                                                   c.lines < min_lines)))) {
		long delay = min_ms + (long)((double)rand() / ((double)RAND_MAX + 1) *
		                             (double)(max_ms - min_ms + 1));
		if (args && !chaos_arg_line(args, c.runs + 1, arg, sizeof arg))
			break; /* every target has had its run */
		chaos_run(cmd, delay, log_fd, err_fd, &c);
	}
	close(log_fd);
	close(err_fd);
	printf("runs=%ld completed=%ld killed=%ld failed=%ld lines=%ld seed=%u\n", c.runs,
	       c.completed, c.killed, c.failed, c.lines, seed);
	return c.failed == 0 && c.runs > 0 ? 0 : 1;
}
