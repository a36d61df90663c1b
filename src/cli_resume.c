/*
 * cli_resume.c: 'talkpact resume [SESSION]': find a saved session (by id,
 * the start of an id, a path, or the most recent unfinished one) and hand
 * it to the interactive program, or to plain mode with --plain.
 *
 * Not built yet: it needs tui.h and tui.c from the TUI branch. When they
 * are in main, move this file to src_libtalkpact_a_SOURCES, declare
 * cmd_resume in cli.h and add { "resume", cmd_resume, ... } to main.c's
 * table (and document it in talkpact(1) and README.md).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cli_session.h"
#include "content.h"
#include "session.h"
#include "tui.h"
#include "util.h"

static void
S_resume_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact resume [SESSION]\n"
	    "Carry on with a saved session where the family left off. SESSION is\n"
	    "an id from 'talkpact sessions', the start of one, or a session\n"
	    "file's path; without it, the most recently changed session that is\n"
	    "not signed yet.\n");
}

int
cmd_resume(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct session *s;
	struct content c;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			S_resume_usage(stdout);
			return 0;
		default:
			return cli_usage_error("resume", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind + 1 < argc)
		return cli_usage_error("resume", "unexpected argument '%s'",
		    argv[optind + 1]);
	s = xmalloc(sizeof *s);
	session_init(s);
	rc = cli_find_session(cli, optind < argc ? argv[optind] : NULL, s, NULL);
	if (rc != 0) {
		free(s);
		return rc;
	}
	content_init(&c);
	if ((rc = cli_load_content(cli, &c)) != 0) {
		session_cleanup(s);
		free(s);
		content_cleanup(&c);
		return rc;
	}
	/* The TUI owns the session from here and cleans it up. */
	if (cli->plain)
		rc = plain_run(cli, &c, s, stdin, stdout);
	else
		rc = tui_run(cli, &c, s);
	content_cleanup(&c);
	return rc;
}
