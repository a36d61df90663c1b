/*
 * cli_content.c: the content search path as the command line sees it
 * (cli_load_content), and the commands that look at content: 'validate'
 * and 'list'. It prints problems and picks exit codes; the loading and
 * checking itself is content.c's, and this file must never parse YAML.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "content.h"
#include "util.h"

static bool
S_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Load the search path into c, collecting problems in d. Each entry is
 * one load: duplicate ids within it are errors, across entries the later
 * replaces the earlier.
 */
static void
S_load_search_path(struct cli *cli, struct content *c, struct diag_list *d)
{
	if (!cli->only_content) {
		char *p = xasprintf("%s/prompts", cli->datadir);
		char *a = xasprintf("%s/agreements", cli->datadir);

		/*
		 * The shipped prompts and agreements are one entry as far as
		 * duplicates go, but loading them as two is harmless: their
		 * ids do not overlap (prompts and templates have separate
		 * ids) and validate reports everything either way.
		 */
		content_load_path(c, p, d);
		content_load_path(c, a, d);
		free(p);
		free(a);
		if (cli->user_datadir != NULL && S_is_dir(cli->user_datadir))
			content_load_path(c, cli->user_datadir, d);
	}
	for (size_t i = 0; i < cli->n_content_dirs; i++)
		content_load_path(c, cli->content_dirs[i], d);
}

int
cli_load_content(struct cli *cli, struct content *c)
{
	struct diag_list d;
	int rc;

	diag_list_init(&d);
	S_load_search_path(cli, c, &d);
	if (d.n_errors == 0)
		content_check(c, &d);
	cli_print_diags(cli, &d);
	rc = diag_exit_code(&d);
	diag_list_cleanup(&d);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* validate                                                                */

static void
S_validate_usage(FILE *f)
{
	fputs("Usage: talkpact validate [PATH]...\n"
	    "Check content files (prompt packs, agreement templates, help lines)\n"
	    "and report every problem as FILE:LINE:COL.\n"
	    "\n"
	    "With no PATH, checks everything on the search path: the shipped\n"
	    "content, your own, and each --content folder. A PATH may be a file\n"
	    "or a folder (every .yaml and .yml file below it).\n"
	    "\n"
	    "  -h, --help  show this help and exit\n"
	    "\n"
	    "Exit status: 0 no problems, 65 problems found, 66 a PATH does not\n"
	    "exist.\n", f);
}

static const char *
S_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

int
cmd_validate(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct content c;
	struct diag_list d;
	int ch, rc;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			S_validate_usage(stdout);
			return 0;
		default:
			return cli_usage_error("validate", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	content_init(&c);
	diag_list_init(&d);
	if (optind >= argc)
		S_load_search_path(cli, &c, &d);
	else
		for (int i = optind; i < argc; i++)
			content_load_path(&c, argv[i], &d);
	content_check(&c, &d);
	cli_print_diags(cli, &d);

	printf("%zu %s, %zu %s, %zu %s, %zu %s: ", c.n_files,
	    S_plural(c.n_files, "file", "files"), c.n_prompts,
	    S_plural(c.n_prompts, "prompt", "prompts"), c.n_templates,
	    S_plural(c.n_templates, "template", "templates"), c.n_regions,
	    S_plural(c.n_regions, "region", "regions"));
	if (d.n_errors == 0)
		printf("no problems\n");
	else
		printf("%zu %s\n", d.n_errors,
		    S_plural(d.n_errors, "error", "errors"));
	rc = diag_exit_code(&d);
	diag_list_cleanup(&d);
	content_cleanup(&c);
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_error(EX_IOERR, "cannot write the summary");
	return rc;
}

/* ---------------------------------------------------------------------- */
/* list                                                                    */

enum list_format { LIST_TEXT, LIST_TSV };

static void
S_list_usage(FILE *f)
{
	fputs("Usage: talkpact list [--age BAND] [--topic TOPIC] "
	    "[--format text|tsv]\n"
	    "List the prompts and agreement templates on the search path.\n"
	    "\n"
	    "  -a, --age BAND       only this age band (4-7, 8-10, 11-13, 14-17),\n"
	    "                       or the band for an age such as 9\n"
	    "  -t, --topic TOPIC    only prompts on this topic (see\n"
	    "                       talkpact-content(5) for the list)\n"
	    "  -f, --format FORMAT  text (for reading, the default) or tsv: one\n"
	    "                       line per item and band, tab-separated: kind,\n"
	    "                       id, band, topic, title; without --age and\n"
	    "                       --topic, also each region with help lines\n"
	    "  -h, --help           show this help and exit\n", f);
}

/* Copy s with tabs and line breaks as spaces. Caller frees. */
static char *
S_one_line(const char *s)
{
	char *o = xstrdup(s);

	for (char *p = o; *p != '\0'; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	return o;
}

static void
S_tsv_row(const char *kind, const char *id, const char *band,
    const char *topic, const char *title)
{
	char *t = S_one_line(title);

	printf("%s\t%s\t%s\t%s\t%s\n", kind, id, band, topic, t);
	free(t);
}

static size_t
S_u8len(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

/* Print text word-wrapped to width, each line after indent spaces. */
static void
S_wrap(const char *text, int indent, int width)
{
	char *t = S_one_line(text);
	const char *p = t;
	size_t col = 0, avail = width - indent > 20 ? (size_t)(width - indent) : 20;

	while (*p != '\0') {
		size_t wl, ww;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		wl = strcspn(p, " ");
		ww = S_u8len(p, wl);
		if (col > 0 && col + 1 + ww > avail) {
			putchar('\n');
			col = 0;
		}
		if (col == 0)
			printf("%*s", indent, "");
		else {
			putchar(' ');
			col++;
		}
		fwrite(p, 1, wl, stdout);
		col += ww;
		p += wl;
	}
	if (col > 0)
		putchar('\n');
	free(t);
}

static int
S_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 40)
		return ws.ws_col > 100 ? 100 : ws.ws_col;
	return 80;
}

/* "Ages 8-10" once before a band's first line, a blank line between bands. */
static void
S_band_header(int b, bool *header, bool *first)
{
	if (*header)
		return;
	printf("%sAges %s\n", *first ? "" : "\n", band_name((enum band)b));
	*header = true;
	*first = false;
}

static void
S_list_text(const struct content *c, int band, int topic)
{
	int width = S_width();
	bool first = true;

	for (int b = 0; b < BAND__COUNT; b++) {
		bool header = false;

		if (band >= 0 && b != band)
			continue;
		for (int t = 0; t < TOPIC__COUNT; t++) {
			bool theader = false;

			if (topic >= 0 && t != topic)
				continue;
			for (size_t i = 0; i < c->n_prompts; i++) {
				const struct prompt *p = &c->prompts[i];

				if (!(p->bands & BAND_BIT(b)) ||
				    (int)p->topic != t)
					continue;
				S_band_header(b, &header, &first);
				if (!theader) {
					printf("\n  %s (%s)\n",
					    topic_title((enum topic)t),
					    topic_id((enum topic)t));
					theader = true;
				}
				printf("    %s%s\n", p->id,
				    p->scenario ? "  [what would you do?]" : "");
				S_wrap(p->question, 6, width);
			}
		}
		if (topic >= 0)
			continue;
		for (size_t i = 0; i < c->n_templates; i++) {
			const struct template *tp = &c->templates[i];

			if ((int)tp->band != b)
				continue;
			S_band_header(b, &header, &first);
			printf("\n  Agreement template\n    %s\n", tp->id);
			S_wrap(tp->title, 6, width);
		}
	}
	if (first)
		printf("Nothing matches.\n");
}

static void
S_list_tsv(const struct content *c, int band, int topic)
{
	for (size_t i = 0; i < c->n_prompts; i++) {
		const struct prompt *p = &c->prompts[i];

		if (topic >= 0 && (int)p->topic != topic)
			continue;
		for (int b = 0; b < BAND__COUNT; b++)
			if ((p->bands & BAND_BIT(b)) && (band < 0 || b == band))
				S_tsv_row("prompt", p->id,
				    band_name((enum band)b), topic_id(p->topic),
				    p->question);
	}
	if (topic >= 0)
		return;
	for (size_t i = 0; i < c->n_templates; i++) {
		const struct template *t = &c->templates[i];

		if (band < 0 || (int)t->band == band)
			S_tsv_row("template", t->id, band_name(t->band), "",
			    t->title);
	}
	/* Regions have no band: only the whole list names them. */
	if (band >= 0)
		return;
	for (size_t i = 0; i < c->n_regions; i++)
		S_tsv_row("region", c->regions[i].code, "", "",
		    c->regions[i].name);
}

int
cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "age", required_argument, NULL, 'a' },
		{ "topic", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "tsv" };
	enum list_format format = LIST_TEXT;
	struct content c;
	int ch, band = -1, topic = -1, rc;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:a:t:f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			if ((band = cli_parse_band(optarg)) < 0)
				return cli_band_error("list", optarg);
			break;
		case 't':
			if ((topic = topic_from_name(optarg)) < 0)
				return cli_topic_error("list", optarg);
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = LIST_TEXT;
			else if (strcmp(optarg, "tsv") == 0)
				format = LIST_TSV;
			else
				return cli_unknown_value("list", "format", optarg,
				    formats, 2);
			break;
		case 'h':
			S_list_usage(stdout);
			return 0;
		case ':':
			return cli_usage_error("list", "option '%s' needs a value",
			    argv[optind - 1]);
		default:
			return cli_usage_error("list", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("list", "unexpected argument '%s'",
		    argv[optind]);

	content_init(&c);
	rc = cli_load_content(cli, &c);
	if (rc == 0) {
		if (format == LIST_TSV)
			S_list_tsv(&c, band, topic);
		else
			S_list_text(&c, band, topic);
		if (fflush(stdout) != 0 || ferror(stdout))
			rc = cli_error(EX_IOERR, "cannot write the list");
	}
	content_cleanup(&c);
	return rc;
}
