/*
 * privfile.c: private folders (0700) and atomic, private (0600) file
 * replacement, for the session store and the agreement writer. Never
 * prints, never exits, never reads the environment.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "privfile.h"
#include "util.h"

int
privfile_mkdirs(const char *path, char **cause)
{
	char *p = xstrdup(path);
	int rc = -1;

	for (char *q = p + 1; ; q++) {
		if (*q != '/' && *q != '\0')
			continue;
		char save = *q;

		*q = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf("cannot create folder %s: %s", p,
			    strerror(errno));
			goto out;
		}
		*q = save;
		if (save == '\0')
			break;
	}
	rc = 0;
out:
	free(p);
	return rc;
}

int
privfile_private_dir(const char *path, char **cause)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		*cause = xasprintf("cannot use folder %s: %s", path,
		    strerror(errno));
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		*cause = xasprintf("%s is not a folder", path);
		return -1;
	}
	if ((sb.st_mode & 077) != 0 && chmod(path, sb.st_mode & 0700) != 0) {
		*cause = xasprintf("cannot make folder %s private: %s", path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

static int
S_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
privfile_write(const char *path, const char *data, size_t len, char **cause)
{
	static unsigned counter;
	char *tmp = NULL, *dir, *slash;
	int fd = -1, dfd = -1, rc = -1, tries = 0;

	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	do {
		free(tmp);
		tmp = xasprintf("%s.tmp-%ld-%u", path, (long)getpid(), counter++);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	} while (fd < 0 && errno == EEXIST && ++tries < 100);
	if (fd < 0) {
		*cause = xasprintf("cannot create %s: %s", path, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	/* From here on the file could be made: a failure is an I/O error. */
	rc = -2;
	if (S_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		*cause = xasprintf("cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	if (close(fd) != 0) {
		fd = -1;
		*cause = xasprintf("cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		*cause = xasprintf("cannot replace %s: %s", path, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	/* Make the rename itself durable. */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    fsync(dfd) != 0) {
		*cause = xasprintf("cannot sync folder %s: %s", dir,
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	if (dfd >= 0)
		close(dfd);
	if (tmp != NULL) {
		unlink(tmp);
		free(tmp);
	}
	free(dir);
	return rc;
}
