/* ctl_pgtool.c - `audit backup` and `audit restore` on a PostgreSQL server: pg_dump's custom
 * format into a new 0600 file (written aside, synced, then linked into place), and pg_restore
 * into an empty database in one transaction. The tools run by fork/exec, never a shell; a
 * password reaches them only through PGPASSFILE (the config's [store] passfile). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ctl.h"
#include "settings.h"
#include "store_copy.h"

/* Run argv (argv[0] found on PATH) with stdout to out_fd (-1: /dev/null) and PGPASSFILE set to
 * passfile (when given). Its exit status (-1: could not run it); the first line it wrote on
 * stderr into err. */
static int pgtool_run(const char *const argv[], int out_fd, const char *passfile, char *err,
                      size_t n)
{
	err[0] = '\0';
	int p[2];
	if (pipe(p) != 0)
		return -1;
	fcntl(p[0], F_SETFD, FD_CLOEXEC); /* the child keeps only its dup2'd stderr */
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR | O_CLOEXEC);
		dup2(null, STDIN_FILENO);
		dup2(out_fd >= 0 ? out_fd : null, STDOUT_FILENO);
		dup2(p[1], STDERR_FILENO);
		if (passfile && *passfile)
			setenv("PGPASSFILE", passfile, 1);
		execvp(argv[0], (char *const *)argv);
		dprintf(STDERR_FILENO, "%s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		return -1;
	}
	char buf[512];
	size_t len = 0;
	ssize_t got;
	/* read to the end (a tool blocked on a full pipe would never exit); keep the start */
	while ((got = read(p[0], buf + len, sizeof buf - 1 - len)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			break;
		len += (size_t)got;
		if (len == sizeof buf - 1) {
			char drain[512];
			while (read(p[0], drain, sizeof drain) > 0)
				;
			break;
		}
	}
	close(p[0]);
	buf[len] = '\0';
	char *line = buf;
	while (*line == '\n')
		line++;
	line[strcspn(line, "\n")] = '\0';
	snprintf(err, n, "%s", line);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int ctl_pg_dump(struct ctl *c, const char *file)
{
	struct stat sb;
	if (lstat(file, &sb) == 0)
		return ctl_fail_text(
		    T_("%s already exists: a backup is written only to a new file"), file);
	char tmp[4200], err[512];
	snprintf(tmp, sizeof tmp, "%s.tmp", file);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return ctl_fail_text("%s: %s", tmp, strerror(errno));
	const char *dump[] = {"pg_dump",  "--format=custom", "--no-password",
	                      "--dbname", c->db_path,        NULL};
	int rc = pgtool_run(dump, fd, c->cfg.passfile, err, sizeof err);
	bool synced = rc == 0 && fsync(fd) == 0;
	synced = close(fd) == 0 && synced;
	/* read it back: a file pg_restore cannot list is no backup */
	const char *list[] = {"pg_restore", "--list", tmp, NULL};
	if (synced)
		rc = pgtool_run(list, -1, NULL, err, sizeof err);
	if (rc != 0 || !synced || link(tmp, file) != 0) {
		int e = errno;
		unlink(tmp);
		return ctl_fail_text(T_("the backup to %s failed (nothing was written): %s"), file,
		                     rc != 0 ? err : strerror(e));
	}
	unlink(tmp);
	store_sync_dir_of(file);
	return CTL_EXIT_OK;
}

int ctl_pg_restore(struct ctl *c, const char *file)
{
	const char *target = settings_db(&c->cfg, c->db_path);
	if (!store_is_server(target))
		return ctl_fail_text(
		    T_("audit restore is for a PostgreSQL server (--db postgresql://...); a SQLite "
		       "backup is a database file: put it in place of the stopped stations' file"));
	char err[512];
	if (access(file, R_OK) != 0)
		return ctl_fail_text("%s: %s", file, strerror(errno));
	const char *list[] = {"pg_restore", "--list", file, NULL};
	if (pgtool_run(list, -1, NULL, err, sizeof err) != 0)
		return ctl_fail_text(T_("%s is not a backup made by 'aksesctl audit backup' "
		                        "(pg_dump custom format): %s"),
		                     file, err);
	bool empty = false;
	akses_status st = store_pg_empty(target, c->cfg.passfile, &empty, err, sizeof err);
	if (st != AKSES_OK) {
		char detail[700];
		snprintf(detail, sizeof detail, "%s: %s", target, err);
		return ctl_fail(c, st, st == AKSES_E_IO ? detail : NULL);
	}
	if (!empty)
		return ctl_fail_text(T_("the database %s is not empty: a backup is restored only "
		                        "into a new, empty database (CREATE DATABASE)"),
		                     target);
	/* one transaction: a truncated or damaged file fails part-way and leaves nothing behind */
	const char *restore[] = {"pg_restore",
	                         "--no-owner",
	                         "--exit-on-error",
	                         "--single-transaction",
	                         "--no-password",
	                         "--dbname",
	                         target,
	                         file,
	                         NULL};
	if (pgtool_run(restore, -1, c->cfg.passfile, err, sizeof err) != 0)
		return ctl_fail_text(T_("%s could not be restored (nothing was restored): %s"),
		                     file, err);
	return CTL_EXIT_OK;
}
