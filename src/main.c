/*
 * main.c: talkpact's entry point. Parses the global options, works out
 * where content and sessions live (the only place that reads the
 * environment), and hands over to a subcommand or the interactive program.
 */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "session_store.h"
#include "util.h"

const struct cli_command cli_commands[] = {
	{ "validate", cmd_validate, "check content files and report every problem" },
	{ "list", cmd_list, "list the prompts and agreement templates" },
	{ "pack", cmd_pack, "print prompt packs for teachers: a handout or cut-out cards" },
	{ "sessions", cmd_sessions, "list saved sessions" },
	{ "resume", cmd_resume, "carry on with a saved conversation" },
	{ "render", cmd_render, "write a session's agreement (md, html, txt) or review date (ics)" },
	{ "verify", cmd_verify, "check a signed agreement has not changed" },
	{ "show", cmd_show, "print everything kept about one child" },
	{ "forget", cmd_forget, "delete one child's sessions and agreements, or --all" },
	{ "review", cmd_review, "look at a signed agreement again together: its next version" },
	{ "history", cmd_history, "list each version of a child's signed agreement" },
	{ NULL, NULL, NULL },	/* commands arrive with their modules */
};
const size_t cli_n_commands = sizeof cli_commands / sizeof cli_commands[0] - 1;

static void
S_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact [OPTION]... [COMMAND [ARG]...]\n"
	    "Talk through devices and online life as a family, and write it down\n"
	    "as a family device agreement you both sign.\n"
	    "\n"
	    "With no command, starts the interactive program.\n"
	    "\n"
	    "Commands:\n");
	for (size_t i = 0; i < cli_n_commands; i++)
		fprintf(f, "  %-10s  %s\n", cli_commands[i].name,
		    cli_commands[i].summary);
	fprintf(f,
	    "\n"
	    "Options:\n"
	    "  -c, --content DIR   also load prompts and templates from DIR\n"
	    "                      (may be given more than once)\n"
	    "      --only-content  load only the --content folders, not the shipped\n"
	    "                      or your own content\n"
	    "      --plain         line-by-line mode for screen readers and scripts\n"
	    "      --no-mouse      do not read clicks and the wheel\n"
	    "  -q, --quiet         do not print notices\n"
	    "  -h, --help          show this help and exit\n"
	    "  -V, --version       show the version and exit\n"
	    "\n"
	    "Run 'talkpact COMMAND --help' for a command's options.\n"
	    "Exit status: 0 success, 1 verify found a change, 64 usage, 65 bad data,\n"
	    "66 missing input, 73 cannot create output, 74 I/O error.\n");
}

/*
 * The program's own path, symbolic links followed, into exe: argv0 itself
 * when it names a path, else the first executable of that name on $PATH,
 * as the shell found it. False when it cannot be told.
 */
static bool
S_which(const char *argv0, char exe[PATH_MAX])
{
	const char *path = getenv("PATH"), *p, *end;

	if (strchr(argv0, '/') != NULL)
		return realpath(argv0, exe) != NULL;
	for (p = path; p != NULL && *p != '\0'; p = *end != '\0' ? end + 1 : end) {
		char *cand;
		bool found;

		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		if (end == p)
			continue;
		cand = xasprintf("%.*s/%s", (int)(end - p), p, argv0);
		found = access(cand, X_OK) == 0 && realpath(cand, exe) != NULL;
		free(cand);
		if (found)
			return true;
	}
	return false;
}

/*
 * Where the shipped content is: $TALKPACT_DATADIR if set; else, for a
 * program run from its build tree, the source tree, which make names in
 * the file talkpact-srcdir next to the program (it is never installed);
 * else pkgdatadir. The program is known by the path it was started with,
 * or found on PATH as the shell found it (a symbolic link followed).
 */
static char *
S_find_datadir(const char *argv0)
{
	const char *env = getenv("TALKPACT_DATADIR");
	char exe[PATH_MAX], line[PATH_MAX + 2], *slash, *marker, *dir = NULL;
	FILE *fp;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (argv0 == NULL || !S_which(argv0, exe) ||
	    (slash = strrchr(exe, '/')) == NULL)
		return xstrdup(PKGDATADIR);
	*slash = '\0';
	marker = xasprintf("%s/talkpact-srcdir", exe);
	if ((fp = fopen(marker, "r")) != NULL) {
		if (fgets(line, sizeof line, fp) != NULL) {
			line[strcspn(line, "\n")] = '\0';
			if (line[0] == '/')
				dir = xstrdup(line);
		}
		fclose(fp);
	}
	free(marker);
	return dir != NULL ? dir : xstrdup(PKGDATADIR);
}

/* $XDG_x_HOME/talkpact, or ~/fallback/talkpact. NULL without a home. */
static char *
S_xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var), *home;

	if (v != NULL && v[0] == '/')
		return xasprintf("%s/talkpact", v);
	home = getenv("HOME");
	if (home == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/%s/talkpact", home, fallback);
}

static const struct cli_command *
S_find_command(const char *name)
{
	for (size_t i = 0; i < cli_n_commands; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

static int
S_unknown_command(const char *name)
{
	const char *names[32];
	const char *best;
	size_t n = 0;

	for (size_t i = 0; i < cli_n_commands && n < 32; i++)
		names[n++] = cli_commands[i].name;
	best = closest_word(name, names, n);
	if (best != NULL)
		fprintf(stderr, "talkpact: unknown command '%s'; did you mean '%s'?\n",
		    name, best);
	else
		fprintf(stderr, "talkpact: unknown command '%s'\n", name);
	fprintf(stderr, "Try 'talkpact --help' for the list of commands.\n");
	return EX_USAGE;
}

static void
S_cli_cleanup(struct cli *cli)
{
	free(cli->datadir);
	free(cli->user_datadir);
	free(cli->state_dir);
	for (size_t i = 0; i < cli->n_content_dirs; i++)
		free(cli->content_dirs[i]);
	free(cli->content_dirs);
}

/*
 * The interactive program runs in plain mode when asked for, when stdin or
 * stdout is not a terminal, or when TERM is dumb or unset; NO_COLOR and
 * TALKPACT_EXIT_AFTER_FIRST_FRAME are read here and passed on.
 */
static void
S_interactive_env(struct cli *cli)
{
	const char *term = getenv("TERM"), *nc = getenv("NO_COLOR");
	const char *first = getenv("TALKPACT_EXIT_AFTER_FIRST_FRAME");

	/*
	 * A locale named but not installed leaves the C locale: the screen
	 * still needs UTF-8 (names, emoji, the boxes' lines).
	 */
	if (cli->locale != NULL && strcmp(cli->locale, "C") != 0 &&
	    strcmp(cli->locale, "POSIX") != 0 && MB_CUR_MAX == 1 &&
	    setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		(void)setlocale(LC_CTYPE, "C.utf8");
	cli->no_color = nc != NULL && *nc != '\0';
	cli->exit_after_first_frame = first != NULL && strcmp(first, "1") == 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || term == NULL ||
	    *term == '\0' || strcmp(term, "dumb") == 0)
		cli->plain = true;
}

/*
 * The clock: the one place talkpact reads the time. TALKPACT_NOW (a UTC
 * time as the session file writes it, "2026-12-15T10:00:00Z") fixes it,
 * for tests only.
 */
static bool S_clock_fixed;
static time_t S_clock_at;

static time_t
S_now(void)
{
	return S_clock_fixed ? S_clock_at : time(NULL);
}

/* The time zone's offset from UTC at t (tm_gmtoff), seconds east. */
static long
S_utc_offset(time_t t)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		return 0;
	return (long)tm.tm_gmtoff;
}

/* Reads TALKPACT_NOW: 0, or -1 when it is set but not such a time. */
static int
S_clock_env(void)
{
	const char *v = getenv("TALKPACT_NOW");

	if (v == NULL || *v == '\0')
		return 0;
	if (session_store_parse_time(v, &S_clock_at) != 0)
		return -1;
	S_clock_fixed = true;
	return 0;
}

/* LC_ALL, then LC_MESSAGES, then LANG: the first set and not empty. */
static const char *
S_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_CONTENT_OPTIONS,
		{ "plain", no_argument, NULL, 'P' },
		{ "no-mouse", no_argument, NULL, 'M' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli cli = { .prog = "talkpact", .now = S_now,
	    .utc_offset = S_utc_offset };
	const struct cli_command *cmd;
	int ch, rc, at;

	setlocale(LC_ALL, "");
	cli.locale = S_locale();
	opterr = 0;
	/* '+': stop at the command name; the command parses its own options. */
	while ((ch = getopt_long(argc, argv, "+:c:qhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			cli_add_content_dir(&cli, optarg);
			break;
		case 'O':
			cli.only_content = true;
			break;
		case 'P':
			cli.plain = true;
			break;
		case 'M':
			cli.no_mouse = true;
			break;
		case 'q':
			cli.quiet = true;
			break;
		case 'h':
			S_usage(stdout);
			S_cli_cleanup(&cli);
			return 0;
		case 'V':
			printf("talkpact %s\n", PACKAGE_VERSION);
			S_cli_cleanup(&cli);
			return 0;
		case ':':
			S_cli_cleanup(&cli);
			return cli_usage_error(NULL, "option '%s' needs a value",
			    argv[optind - 1]);
		default:
			S_cli_cleanup(&cli);
			return cli_usage_error(NULL, "unknown option '%s'",
			    argv[optind - 1]);
		}
	}

	if (S_clock_env() != 0) {
		S_cli_cleanup(&cli);
		return cli_error(EX_USAGE, "TALKPACT_NOW must be a UTC time "
		    "like 2026-12-15T10:00:00Z");
	}
	cli.datadir = S_find_datadir(argv[0]);
	cli.user_datadir = S_xdg_dir("XDG_DATA_HOME", ".local/share");
	cli.state_dir = S_xdg_dir("XDG_STATE_HOME", ".local/state");

	/* For the interactive program (no command, or resume). */
	S_interactive_env(&cli);
	if (optind >= argc) {
		rc = cli_interactive(&cli, NULL);
		S_cli_cleanup(&cli);
		return rc;
	}
	cmd = S_find_command(argv[optind]);
	if (cmd == NULL) {
		rc = S_unknown_command(argv[optind]);
		S_cli_cleanup(&cli);
		return rc;
	}
	at = optind;
	optind = 0;	/* glibc: reinitialise getopt for the command */
	rc = cmd->fn(&cli, argc - at, argv + at);
	S_cli_cleanup(&cli);
	return rc;
}
