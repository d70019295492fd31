/* ctl_out.c - the files aksesctl writes for its user (export --out, print/staff card --pdf):
 * created new, 0600, never through a symbolic link, an existing file replaced only with --force,
 * and removed again when the command fails, so nothing half-written is left behind. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctl.h"

int ctl_out_open(struct ctl_out *o, const char *path, bool force)
{
	struct stat sb;

	memset(o, 0, sizeof *o);
	o->path = path;
	if (!path) {
		o->f = stdout;
		return CTL_EXIT_OK;
	}
	if (lstat(path, &sb) == 0) {
		/* Never through a link, even with --force: the link could point at any file of the
		 * user running aksesctl (a DB, a config, ~/.bashrc). */
		if (S_ISLNK(sb.st_mode))
			return ctl_fail_text(T_("%s is a symbolic link: not written (not even with "
			                        "--force)"),
			                     path);
		if (!S_ISREG(sb.st_mode))
			return ctl_fail_text(T_("%s is not a regular file: not written"), path);
		if (!force)
			return ctl_fail_text(T_("%s already exists: add --force to replace it"), path);
		/* Replace by unlink + exclusive create: the old inode (and any hard link to it) is never
		 * written into, and whatever appears at path in between makes the create fail. */
		if (unlink(path) != 0)
			return ctl_fail_text(T_("%s cannot be replaced: %s"), path, strerror(errno));
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return ctl_fail_text(T_("%s already exists: add --force to replace it"), path);
		return ctl_fail_text(T_("%s cannot be created: %s"), path, strerror(errno));
	}
	o->f = fdopen(fd, "wb");
	if (!o->f) {
		int err = errno;
		close(fd);
		unlink(path);
		return ctl_fail_text(T_("%s cannot be created: %s"), path, strerror(err));
	}
	o->created = true;
	return CTL_EXIT_OK;
}

bool ctl_out_close(struct ctl_out *o, bool ok)
{
	if (!o->f)
		return ok;
	bool written = !ferror(o->f);
	written = (o->f == stdout ? fflush(o->f) : fclose(o->f)) == 0 && written;
	o->f = NULL;
	if (o->created && !(ok && written))
		unlink(o->path); /* a failed command leaves no file behind */
	o->created = false;
	return ok && written;
}
