/*
 * cli_tui.c: the command line's way into the interactive program: no
 * command at all, and 'talkpact resume [SESSION]'. Loads the content,
 * finds the session (cli_find_session) and hands over to the full-screen
 * program or plain mode, as main.c decided from the terminal and the
 * environment. Prints and picks exit codes; never reads the environment.
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

int
cli_interactive(struct cli *cli, struct session *s)
{
	struct content c;
	int rc;

	content_init(&c);
	rc = cli_load_content(cli, &c);
	if (rc == 0 && cli->plain)
		rc = plain_run(cli, &c, s, stdin, stdout);
	else if (rc == 0) {
		char *farewell = NULL;
		bool bad = false;

		rc = tui_run(cli, &c, s, &farewell, &bad);
		if (farewell != NULL)
			fprintf(bad ? stderr : stdout, "%s\n", farewell);
		free(farewell);
	} else if (s != NULL)
		session_cleanup(s);
	content_cleanup(&c);
	return rc;
}

static void
S_resume_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact resume [SESSION]\n"
	    "Carry on with a saved conversation where the family stopped: the\n"
	    "most recently changed unfinished one, or SESSION (an id, enough of\n"
	    "the start of one to pick it, or a session file's path). A signed\n"
	    "session opens at its agreement. See 'talkpact sessions'.\n");
}

int
cmd_resume(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct session s;
	char *path = NULL;
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
	if (argc - optind > 1)
		return cli_usage_error("resume", "unexpected argument '%s'",
		    argv[optind + 1]);
	session_init(&s);
	rc = cli_find_session(cli, optind < argc ? argv[optind] : NULL, &s,
	    &path);
	if (rc == 0 && session_signed_check(&s) < 0) {
		fprintf(stderr, "%s: changed after signing: its data no longer "
		    "matches what was signed, so it is not opened\n", path);
		rc = EX_DATAERR;
	}
	free(path);
	if (rc != 0) {
		session_cleanup(&s);
		return rc;
	}
	return cli_interactive(cli, &s);
}
