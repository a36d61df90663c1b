/*
 * cli_agreement.c: 'talkpact render' (a session's agreement as Markdown,
 * a printable HTML page and plain text, and its review date as an
 * iCalendar file) and 'talkpact verify' (has a
 * signed .md file changed?). Prints and picks exit codes; the document is
 * agreement.c's.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "agreement.h"
#include "cli.h"
#include "cli_session.h"
#include "content.h"
#include "fingerprint.h"
#include "ics.h"
#include "privfile.h"
#include "session.h"
#include "util.h"

#define S_VERIFY_MAX_BYTES (16u * 1024 * 1024)

static int S_output_folder(const char *output);

static const struct {
	const char *name, *ext;
	enum render_format fmt;
	bool ics;		/* not the agreement: its review date (ics.c) */
} S_formats[] = {
	{ "md", "md", RENDER_MD, false },
	{ "html", "html", RENDER_HTML, false },
	{ "txt", "txt", RENDER_TXT, false },
	{ "ics", "ics", RENDER_MD, true },
};
#define S_N_FORMATS (sizeof S_formats / sizeof S_formats[0])

static void
S_render_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact render SESSION [-f md|html|txt|ics|all] [--record]\n"
	    "                      [--paper a4|letter] [-o PATH]\n"
	    "Write a session's family device agreement, with its fingerprint.\n"
	    "\n"
	    "  -f, --format FORMAT  md (Markdown, the default), html (a page to\n"
	    "                       print on A4 or Letter), txt (72 columns),\n"
	    "                       ics (the review date, for a calendar; only\n"
	    "                       once signed), or all of them\n"
	    "      --record         add our conversation (every question and\n"
	    "                       answer) after the agreement, for the family\n"
	    "      --paper PAPER    a4 or letter for html (default: the region's\n"
	    "                       paper: Letter in the US, else A4)\n"
	    "  -o, --output PATH    for one format: the file to write (default or -:\n"
	    "                       standard output); for all: a folder to write\n"
	    "                       them in, or a file name without its ending\n"
	    "                       (default: the current folder, files named\n"
	    "                       like agreement-sam-2026-11-29.md)\n"
	    "  -h, --help           show this help\n"
	    "\n"
	    "SESSION is an id from 'talkpact sessions', the start of one, or a\n"
	    "session file's path.\n");
}

/* --record and --paper, into opts; 0 or a usage error's exit code. */
static int
S_render_option(int ch, const char *arg, struct agreement_options *opts)
{
	int paper;

	if (ch == 'r') {
		opts->record = true;
		return 0;
	}
	if ((paper = agreement_paper_from_name(arg)) < 0)
		return cli_usage_error("render", "unknown paper '%s' (use a4 or "
		    "letter)", arg);
	opts->paper = (enum agreement_paper)paper;
	return 0;
}

/* The session in S_formats[which]: 0 and *text, or -1 and *cause. */
static int
S_render_one(const struct session *s, const struct content *c, time_t now,
    int which, const struct agreement_options *opts, char **text,
    char **cause)
{
	if (S_formats[which].ics) {
		if (ics_review(s, session_template(s, c), now, text, cause) != 0) {
			char *why = *cause;

			*cause = xasprintf("%s: %s; sign it first (talkpact "
			    "resume %s)", s->id != NULL ? s->id : "this session",
			    why, s->id != NULL ? s->id : "SESSION");
			free(why);
			return -1;
		}
		return 0;
	}
	return agreement_render_with(s, c, now, S_formats[which].fmt, opts,
	    text, cause);
}

int
cmd_render(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "record", no_argument, NULL, 'r' },
		{ "paper", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *format = "md", *output = NULL;
	struct session s;
	struct content c;
	struct stat sb;
	char *cause = NULL, *stem = NULL, *text, *file = NULL;
	time_t now = cli->now();
	struct agreement_options opts = { .record = false,
	    .paper = AGREEMENT_PAPER_AUTO, .utc_offset = cli->utc_offset(now) };
	int ch, rc, which = -1;
	bool all;

	while ((ch = getopt_long(argc, argv, ":f:o:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'r':
		case 'p':
			if ((rc = S_render_option(ch, optarg, &opts)) != 0)
				return rc;
			break;
		case 'h':
			S_render_usage(stdout);
			return 0;
		case ':':
			return cli_usage_error("render", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			return cli_usage_error("render", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	all = strcmp(format, "all") == 0;
	for (size_t i = 0; i < S_N_FORMATS; i++)
		if (strcmp(format, S_formats[i].name) == 0)
			which = (int)i;
	if (!all && which < 0)
		return cli_usage_error("render", "unknown format '%s' (use md, "
		    "html, txt, ics or all)", format);
	if (opts.paper != AGREEMENT_PAPER_AUTO && !all &&
	    S_formats[which].fmt != RENDER_HTML)
		return cli_usage_error("render", "--paper is for html, the page "
		    "to print (not %s)", format);
	if (optind >= argc)
		return cli_usage_error("render", "which session? (see "
		    "'talkpact sessions')");
	if (optind + 1 < argc)
		return cli_usage_error("render", "unexpected argument '%s'",
		    argv[optind + 1]);

	session_init(&s);
	if ((rc = cli_find_session(cli, argv[optind], &s, &file)) != 0)
		return rc;
	content_init(&c);
	if (session_signed_check(&s) < 0) {
		/* Before the content: it plays no part in what was signed. */
		fprintf(stderr, "%s: changed after signing: its data no longer "
		    "matches what was signed, so it is not rendered (the "
		    "signed .md and paper are what the family agreed)\n",
		    file != NULL ? file : argv[optind]);
		rc = EX_DATAERR;
		goto out;
	}
	if ((rc = cli_load_content(cli, &c)) != 0)
		goto out;

	if (!all) {
		if (S_render_one(&s, &c, now, which, &opts, &text, &cause) != 0) {
			rc = cli_error(EX_DATAERR, "%s", cause);
			goto out;
		}
		rc = cli_write_output(output, text);
		free(text);
		goto out;
	}
	/* All three: into a folder, or next to a stem. */
	if ((rc = S_output_folder(output)) != 0)
		goto out;
	if (output == NULL || (stat(output, &sb) == 0 && S_ISDIR(sb.st_mode)) ||
	    output[strlen(output) - 1] == '/') {
		char *name = agreement_file_stem_at(&s, now, opts.utc_offset);

		stem = xasprintf("%s%s%s", output != NULL ? output : ".",
		    output != NULL && output[strlen(output) - 1] == '/' ? "" : "/",
		    name);
		free(name);
	} else
		stem = xstrdup(output);
	for (size_t i = 0; i < S_N_FORMATS && rc == 0; i++) {
		char *path;

		/* A draft has no review date to put in a calendar. */
		if (S_formats[i].ics && s.stage != STAGE_SIGNED)
			continue;
		if (S_render_one(&s, &c, now, (int)i, &opts, &text, &cause) != 0) {
			rc = cli_error(EX_DATAERR, "%s", cause);
			break;
		}
		path = xasprintf("%s.%s", stem, S_formats[i].ext);
		rc = cli_write_output(path, text);
		if (rc == 0 && !cli->quiet)
			printf("%s\n", path);
		free(path);
		free(text);
	}
out:
	free(file);
	free(stem);
	free(cause);
	content_cleanup(&c);
	session_cleanup(&s);
	return rc;
}

/*
 * -o FOLDER/ (a trailing slash): the folder, created with its missing
 * parents (0700 each) when it does not exist. Returns 0 or an exit code.
 */
static int
S_output_folder(const char *output)
{
	struct stat sb;
	char *cause = NULL;
	int rc;

	if (output == NULL || *output == '\0' || output[strlen(output) - 1] != '/' ||
	    stat(output, &sb) == 0)
		return 0;
	if (privfile_mkdirs(output, &cause) == 0)
		return 0;
	rc = cli_error(EX_CANTCREAT, "%s", cause);
	free(cause);
	return rc;
}

static void
S_verify_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact verify FILE [--fingerprint \"xxxx xxxx ...\"]\n"
	    "Check that a signed agreement written by 'talkpact render' has not\n"
	    "changed since it was signed, by its fingerprint. FILE is its .md\n"
	    "(the words are checked) or its .txt (only the fingerprint it states).\n"
	    "  -p, --fingerprint FP  the fingerprint written on the signed paper\n"
	    "                        (spaces and case do not matter)\n"
	    "Exit status: 0 unchanged, 1 changed or not the paper's, 64 a wrong\n"
	    "fingerprint or command line, 65 not an agreement, 66 no such file,\n"
	    "74 cannot read it.\n");
}

int
cmd_verify(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "fingerprint", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct agreement_check chk;
	const char *path, *paper_arg = NULL;
	char *buf = NULL, paper[FINGERPRINT_HEX + 1] = "";
	char *shown_paper = NULL, *shown_file = NULL;
	size_t len = 0, bad;
	int ch, rc;
	bool matches = true;

	(void)cli;
	while ((ch = getopt_long(argc, argv, ":hp:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			S_verify_usage(stdout);
			return 0;
		case 'p':
			paper_arg = optarg;
			break;
		case ':':
			return cli_usage_error("verify", "%s needs a value (the "
			    "fingerprint on the signed paper)", argv[optind - 1]);
		default:
			return cli_usage_error("verify", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("verify", "which file? (an agreement's "
		    ".md or .txt file)");
	if (optind + 1 < argc)
		return cli_usage_error("verify", "unexpected argument '%s'",
		    argv[optind + 1]);
	if (paper_arg != NULL &&
	    fingerprint_parse_paper(paper_arg, paper) == 0)
		return cli_usage_error("verify", "--fingerprint '%s' is not a "
		    "fingerprint: copy the %d hex digits (0-9, a-f) from the "
		    "signed paper, in groups of 4 or not", paper_arg,
		    FINGERPRINT_SHOWN);
	path = argv[optind];
	if (read_file(path, S_VERIFY_MAX_BYTES, &buf, &len, NULL) != 0) {
		if (errno == EFBIG)
			return cli_error(EX_DATAERR, "%s: too big to be an "
			    "agreement", path);
		if (errno == EISDIR || errno == ENODEV)
			return cli_error(EX_DATAERR, "%s: cannot read it: %s",
			    path, errno == EISDIR ? "it is a folder" :
			    "it is not a regular file");
		return cli_error(errno == ENOENT ? EX_NOINPUT : EX_IOERR,
		    "%s: %s", path, strerror(errno));
	}
	if (!utf8_valid(buf, len, &bad)) {
		free(buf);
		return cli_error(EX_DATAERR, "%s: not a talkpact agreement (not "
		    "UTF-8 text; byte %zu)", path, bad + 1);
	}
	agreement_verify(buf, len, &chk);
	free(buf);
	if (paper[0] != '\0') {
		/* The words' own fingerprint where there is one, else the stated. */
		const char *mine = chk.computed[0] != '\0' ? chk.computed :
		    chk.stated;

		matches = fingerprint_matches(mine, paper);
		shown_paper = fingerprint_groups(paper, FINGERPRINT_SHOWN);
		shown_file = fingerprint_groups(mine, FINGERPRINT_SHOWN);
	}
	switch (chk.verdict) {
	case AGREEMENT_UNCHANGED:
	case AGREEMENT_CHANGED:
		if (!matches) {
			printf("%s: DIFFERENT from the paper: its words have the "
			    "fingerprint %s, the paper says %s\n", path,
			    shown_file, shown_paper);
			for (size_t i = 0; i < chk.n_changes; i++)
				printf("  %s\n", chk.changes[i]);
			rc = 1;
		} else if (chk.verdict == AGREEMENT_CHANGED) {
			printf("%s: CHANGED since it was %s:\n", path,
			    chk.is_signed ? "signed" : "made");
			for (size_t i = 0; i < chk.n_changes; i++)
				printf("  %s\n", chk.changes[i]);
			rc = 1;
		} else {
			printf("%s: unchanged %s%s%s\n", path,
			    chk.is_signed ? "since signed on " : "(",
			    chk.signed_text, chk.is_signed ? "" : ")");
			if (paper[0] != '\0')
				printf("%s: its words match the fingerprint on "
				    "the paper, %s\n", path, shown_paper);
			rc = 0;
		}
		break;
	case AGREEMENT_STATED:
		if (paper[0] == '\0') {
			shown_file = fingerprint_groups(chk.stated,
			    FINGERPRINT_SHOWN);
			rc = cli_error(EX_USAGE, "%s: it states the fingerprint "
			    "%s, but its words cannot be checked: the "
			    "fingerprint is of the .md's Markdown, which plain "
			    "text does not keep. Give the fingerprint on the "
			    "signed paper with --fingerprint, or verify the "
			    ".md", path, shown_file);
		} else if (!matches) {
			printf("%s: DIFFERENT from the paper: it states the "
			    "fingerprint %s, the paper says %s\n", path,
			    shown_file, shown_paper);
			rc = 1;
		} else {
			printf("%s: states the fingerprint on the paper, %s\n"
			    "Its words are not checked (plain text does not keep "
			    "the Markdown they were fingerprinted as): to check "
			    "them, verify the .md with --fingerprint.\n", path,
			    shown_paper);
			rc = 0;
		}
		break;
	default:
		rc = cli_error(EX_DATAERR, "%s: not a talkpact agreement (it has "
		    "no fingerprint)", path);
		break;
	}
	free(shown_paper);
	free(shown_file);
	agreement_check_cleanup(&chk);
	if (fflush(stdout) != 0)
		rc = EX_IOERR;
	return rc;
}
