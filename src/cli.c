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

#include "cli.h"
#include "content.h"
#include "diag.h"
#include "privfile.h"
#include "util.h"

void
cli_print_diags(const struct cli *cli, const struct diag_list *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *line;

		if (d->items[i].level == DIAG_NOTICE && cli != NULL && cli->quiet)
			continue;
		/* A problem with no file is about the command: say who says so. */
		if (d->items[i].file == NULL) {
			fprintf(stderr, "talkpact: %s\n", d->items[i].message);
			continue;
		}
		line = diag_string(&d->items[i]);
		fprintf(stderr, "%s\n", line);
		free(line);
	}
	fflush(stderr);
}

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

	if (path == NULL || strcmp(path, "-") == 0) {
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

int
cli_parse_band(const char *s)
{
	int b = band_from_name(s);
	char *end;
	long age;

	if (b >= 0)
		return b;
	errno = 0;
	age = strtol(s, &end, 10);
	if (errno == 0 && end != s && *end == '\0' && age >= 4 && age <= 17)
		return (int)band_for_age((int)age);
	return -1;
}

int
cli_unknown_value(const char *cmd, const char *what, const char *value,
    const char *const *names, size_t n)
{
	const char *best = closest_word(value, names, n);
	char list[512];
	size_t len = 0;

	list[0] = '\0';
	for (size_t i = 0; i < n && len + strlen(names[i]) + 3 < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? ", " : "", names[i]);
	if (best != NULL)
		return cli_usage_error(cmd, "unknown %s '%s'; did you mean "
		    "'%s'? (%s)", what, value, best, list);
	return cli_usage_error(cmd, "unknown %s '%s' (choose from: %s)",
	    what, value, list);
}

int
cli_band_error(const char *cmd, const char *value)
{
	const char *names[BAND__COUNT + 1];

	for (int b = 0; b < BAND__COUNT; b++)
		names[b] = band_name((enum band)b);
	names[BAND__COUNT] = "or an age from 4 to 17";
	return cli_unknown_value(cmd, "age band", value, names, BAND__COUNT + 1);
}

int
cli_topic_error(const char *cmd, const char *value)
{
	const char *names[TOPIC__COUNT];

	for (int t = 0; t < TOPIC__COUNT; t++)
		names[t] = topic_id((enum topic)t);
	return cli_unknown_value(cmd, "topic", value, names, TOPIC__COUNT);
}
