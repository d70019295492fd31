/* notify_cmd.c - the agency's notify_command, run once per event through /bin/sh with the event's
 * JSON on stdin (its stdout joins akses-notify's stderr, the log), killed with its children when
 * it runs past command_timeout. The caller ignores SIGPIPE (a command that does not read). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "notify.h"

#define CMD_TICK_MS 20

int notify_cmd_run(const struct akses_config *cfg, const char *input, char *err, size_t errn)
{
	int fd[2];
	if (pipe(fd) != 0) {
		snprintf(err, errn, "pipe: %s", strerror(errno));
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, errn, "fork: %s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		/* its own process group, so a timeout ends whatever it started too */
		setpgid(0, 0);
		dup2(fd[0], STDIN_FILENO);
		dup2(STDERR_FILENO, STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		execl("/bin/sh", "sh", "-c", cfg->notify_command, (char *)NULL);
		_exit(127);
	}
	setpgid(pid, pid); /* also here: no race with the child's own call */
	close(fd[0]);
	size_t left = strlen(input);
	const char *p = input;
	while (left > 0) {
		ssize_t w = write(fd[1], p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break; /* it closed its stdin: its exit status says the rest */
		p += w;
		left -= (size_t)w;
	}
	close(fd[1]);
	/* bounded by count: command_timeout seconds of CMD_TICK_MS waits */
	int status = 0, ticks = cfg->command_timeout_s * (1000 / CMD_TICK_MS);
	pid_t done = 0;
	for (int i = 0; i <= ticks; i++) {
		done = waitpid(pid, &status, WNOHANG);
		if (done != 0)
			break;
		struct timespec ts = {0, CMD_TICK_MS * 1000000L};
		nanosleep(&ts, NULL);
	}
	if (done == 0) {
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
		snprintf(err, errn, "notify_command: killed after %d s", cfg->command_timeout_s);
		return -1;
	}
	if (done < 0) {
		snprintf(err, errn, "notify_command: waitpid: %s", strerror(errno));
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		snprintf(err, errn, "notify_command: exit %d", WEXITSTATUS(status));
	else
		snprintf(err, errn, "notify_command: signal %d",
		         WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return -1;
}
