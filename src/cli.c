/*
 * cli.c: helpers every subcommand shares: messages in one style, exit
 * codes, and loading the content search path with its problems printed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>

#include "cli.h"
#include "privfile.h"
#include "util.h"

void
cli_add_content_dir(struct cli *cli, const char *dir)
{
	cli->content_dirs = xgrow(cli->content_dirs, &cli->cap_content_dirs,
	    cli->n_content_dirs, sizeof *cli->content_dirs);
	cli->content_dirs[cli->n_content_dirs++] = xstrdup(dir);
}

int
cli_error(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("talkpact: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs(cmd != NULL ? "talkpact " : "talkpact", stderr);
	if (cmd != NULL)
		fputs(cmd, stderr);
	fputs(": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		fprintf(stderr, "\nTry 'talkpact %s --help' for more information.\n",
		    cmd);
	else
		fputs("\nTry 'talkpact --help' for more information.\n", stderr);
	return EX_USAGE;
}

int
cli_write_output(const char *path, const char *text)
{
	size_t len = strlen(text);
	struct stat st;
	char *cause = NULL;
	int rc, fd;

	if (path == NULL) {
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)
			return cli_error(EX_IOERR, "cannot write to standard "
			    "output: %s", strerror(errno));
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* /dev/stdout, a pipe: nothing to replace, just write. */
		if (S_ISDIR(st.st_mode))
			return cli_error(EX_CANTCREAT, "cannot create %s: it "
			    "is a folder", path);
		if ((fd = open(path, O_WRONLY | O_CLOEXEC)) < 0)
			return cli_error(EX_CANTCREAT, "cannot open %s: %s",
			    path, strerror(errno));
		while (len > 0) {
			ssize_t w = write(fd, text, len);

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				rc = cli_error(EX_IOERR, "cannot write %s: %s",
				    path, strerror(w < 0 ? errno : EIO));
				close(fd);
				return rc;
			}
			text += w;
			len -= (size_t)w;
		}
		if (close(fd) != 0)
			return cli_error(EX_IOERR, "cannot write %s: %s", path,
			    strerror(errno));
		return 0;
	}
	rc = privfile_write(path, text, len, &cause);
	if (rc != 0) {
		rc = cli_error(rc == -1 ? EX_CANTCREAT : EX_IOERR, "%s", cause);
		free(cause);
	}
	return rc;
}
