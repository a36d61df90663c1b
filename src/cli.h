/*
 * cli.h: what the command line front end shares between main.c and the
 * subcommands (cli_*.c). These files, and the TUI, are the only ones that
 * print or choose exit codes.
 */
#ifndef TALKPACT_CLI_H
#define TALKPACT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <sysexits.h>
#include <time.h>

struct content;
struct session;

struct cli {
	const char *prog;		/* "talkpact" */
	char *datadir;			/* shipped content: has prompts/, agreements/ */
	char *user_datadir;		/* $XDG_DATA_HOME/talkpact */
	char *state_dir;		/* $XDG_STATE_HOME/talkpact */
	char **content_dirs;		/* each --content DIR, in order */
	size_t n_content_dirs, cap_content_dirs;
	bool only_content;		/* --only-content: skip shipped and user content */
	bool plain;			/* --plain, no terminal, or TERM dumb/unset */
	bool quiet;			/* -q: no notices */
	bool no_color;			/* NO_COLOR is set (non-empty) */
	bool no_mouse;			/* --no-mouse: clicks and the wheel are not read */
	bool exit_after_first_frame;	/* TALKPACT_EXIT_AFTER_FIRST_FRAME=1 */
	/*
	 * The locale in force for messages: LC_ALL, then LC_MESSAGES, then
	 * LANG, the first set and not empty; or NULL. Its territory picks the
	 * default region (content_region_for_locale()).
	 */
	const char *locale;
	/*
	 * What time it is: main's clock, the only place that reads it (or
	 * the fixed TALKPACT_NOW, for tests). Passed on to the library.
	 */
	time_t (*now)(void);
	/*
	 * The local offset from UTC (seconds east) at time t, from the time
	 * zone: main.c works it out, the only place that reads TZ. The
	 * library takes it as an argument (civil.h).
	 */
	long (*utc_offset)(time_t t);
};

/* A subcommand: returns the process exit code. argv[0] is its name. */
typedef int (*cli_cmd_fn)(struct cli *cli, int argc, char **argv);

struct cli_command {
	const char *name;
	cli_cmd_fn fn;
	const char *summary;
};

/* The commands, defined in main.c. */
extern const struct cli_command cli_commands[];
extern const size_t cli_n_commands;

/* Add a --content DIR. */
void cli_add_content_dir(struct cli *cli, const char *dir);

/*
 * Load the search path (shipped, user, each --content) into *c, printing
 * every problem to stderr as FILE:LINE:COL. Returns 0 or the exit code the
 * worst problem implies (65, 66, 74).
 */
int cli_load_content(struct cli *cli, struct content *c);

/*
 * Write text to path, or to standard output when path is NULL. A file is
 * written whole or not at all, readable only by its owner (privfile.h);
 * a path that is a device or a pipe is written directly. Prints the
 * problem and returns 73 (cannot create) or 74 (write failed), or 0.
 */
int cli_write_output(const char *path, const char *text);

/* An age band by name ("8-10") or by age ("9"); -1 if neither. */
int cli_parse_band(const char *s);

/*
 * A usage mistake for an option value that is not one of names: says
 * which was meant when one is close, and lists them all. Returns 64.
 */
int cli_unknown_value(const char *cmd, const char *what, const char *value,
    const char *const *names, size_t n);
int cli_band_error(const char *cmd, const char *value);
int cli_topic_error(const char *cmd, const char *value);

struct diag_list;
/*
 * Print d's problems to stderr, one a line, as "FILE:LINE:COL: error: ..."
 * (a problem with no file: "talkpact: ..."); notices are left out with -q.
 * The one diagnostics printer.
 */
void cli_print_diags(const struct cli *cli, const struct diag_list *d);

/* Print "talkpact: message" to stderr and return code. */
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Print a usage mistake with a hint to try --help; returns EX_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Subcommands (cli_*.c). */
int cmd_validate(struct cli *cli, int argc, char **argv);	/* cli_content.c */
int cmd_list(struct cli *cli, int argc, char **argv);		/* cli_content.c */
int cmd_sessions(struct cli *cli, int argc, char **argv);	/* cli_session.c */
int cmd_render(struct cli *cli, int argc, char **argv);		/* cli_agreement.c */
int cmd_verify(struct cli *cli, int argc, char **argv);		/* cli_agreement.c */

int cmd_pack(struct cli *cli, int argc, char **argv);		/* cli_pack.c */
int cmd_resume(struct cli *cli, int argc, char **argv);		/* cli_tui.c */
int cmd_show(struct cli *cli, int argc, char **argv);		/* cli_household.c */
int cmd_forget(struct cli *cli, int argc, char **argv);		/* cli_household.c */

struct session_list;
struct household;
/*
 * The household for 'sessions' into h (household_init()ed): loaded, or
 * made from the latest session of l when the state folder has none.
 * Returns 0, 1 when there is none, -1 when it is damaged (the problem
 * printed as FILE:LINE:COL; the sessions still list from their own
 * copies). cli_household.c.
 */
int cli_household_sessions(struct cli *cli, const struct session_list *l,
    struct household *h);
int cmd_review(struct cli *cli, int argc, char **argv);		/* cli_review.c */
int cmd_history(struct cli *cli, int argc, char **argv);	/* cli_review.c */

/*
 * The interactive program (plain mode if cli->plain) with s to carry on
 * (ownership passes; cleaned up on every path) or NULL for the welcome
 * screen. Loads the content first. Returns the exit code. cli_tui.c.
 */
int cli_interactive(struct cli *cli, struct session *s);

/*
 * The options that choose the content, for the getopt_long() tables of
 * the program and of 'pack' (before and after the command): one spelling.
 */
#define CLI_CONTENT_OPTIONS \
	{ "content", required_argument, NULL, 'c' }, \
	{ "only-content", no_argument, NULL, 'O' }

#endif
