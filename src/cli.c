/*
 * cli.c: helpers every subcommand shares: messages in one style, exit
 * codes, and loading the content search path with its problems printed.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
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
