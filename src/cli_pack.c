/*
 * cli_pack.c: 'talkpact pack', prompt packs for teachers (issue 7). Parses
 * the options, loads the content as 'validate' does, asks pack.c for the
 * document and render.c for the chosen format, and writes it out.
 *
 * Must never: build document text itself (pack.c does), or write anything
 * but the finished pack to the output (a half-written file is removed).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "content.h"
#include "pack.h"
#include "render.h"
#include "util.h"

/* Format names, indexed by enum render_format. */
static const char *const S_formats[] = {
	[RENDER_MD] = "md", [RENDER_HTML] = "html", [RENDER_TXT] = "txt"
};

static void
S_usage(FILE *f)
{
	fputs("Usage: talkpact pack [OPTION]...\n"
	    "Print the conversation prompts as a pack for a class or a group of\n"
	    "families: a handout (HTML, Markdown or text) or cut-out cards (HTML).\n"
	    "A pack holds the questions only, never a family's answers.\n"
	    "\n"
	    "  -a, --age BAND       ages 4-7, 8-10, 11-13 or 14-17, or an age such\n"
	    "                       as 9; repeat for more bands (default: all)\n"
	    "  -t, --topic TOPIC    only this topic; repeat for more (default: all)\n"
	    "  -r, --region R       help and reporting lines for region R\n"
	    "                       (default: the locale's, or UK with a warning)\n"
	    "  -f, --format FORMAT  html (the default), md or txt; with -o, the\n"
	    "                       file's extension chooses when not given\n"
	    "  -l, --layout LAYOUT  handout (the default) or cards: eight cut-out\n"
	    "                       cards to a page (HTML only)\n"
	    "  -p, --paper PAPER    a4 or letter, for cards (default: the region's)\n"
	    "  -T, --title TEXT     the pack's title\n"
	    "  -o, --output FILE    write to FILE (mode 0600) instead of standard\n"
	    "                       output\n"
	    "  -c, --content DIR    also load prompts from DIR (as before 'pack')\n"
	    "      --only-content   load only the --content folders\n"
	    "  -h, --help           show this help and exit\n"
	    "\n"
	    "Open the HTML in a web browser and print it at 100%, with the\n"
	    "browser's own headers and footers off; cards print with dashed cut\n"
	    "lines, and a card with a long tip takes a whole row.\n"
	    "Exit status: 0 success, 64 usage (an unknown band, topic, region,\n"
	    "format, or cards asked for as md or txt), 65 problems in the\n"
	    "content, 66 a --content folder is missing, 73 cannot create FILE,\n"
	    "74 write error.\n", f);
}

/* A band name or an age 4..17; -1 if neither. */
static int
S_format_from_name(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, S_formats[i]) == 0)
			return i;	/* the index is the enum value */
	if (strcmp(s, "markdown") == 0)
		return RENDER_MD;
	if (strcmp(s, "text") == 0)
		return RENDER_TXT;
	return -1;
}

/* The format a file name asks for, or -1. */
static int
S_format_from_path(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	if (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0)
		return RENDER_HTML;
	if (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0)
		return RENDER_MD;
	if (strcmp(dot, ".txt") == 0)
		return RENDER_TXT;
	return -1;
}

int
cmd_pack(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "age", required_argument, NULL, 'a' },
		{ "topic", required_argument, NULL, 't' },
		{ "region", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "layout", required_argument, NULL, 'l' },
		{ "paper", required_argument, NULL, 'p' },
		{ "title", required_argument, NULL, 'T' },
		{ "output", required_argument, NULL, 'o' },
		CLI_CONTENT_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct pack_options o = { .layout = PACK_LAYOUT_HANDOUT,
	    .paper = PAPER_A4 };
	const char *output = NULL;
	struct pack_doc pd = { 0 };
	struct content c;
	struct diag_list d;
	char *cause = NULL, *text = NULL;
	int ch, v, format = -1, rc;
	bool paper_given = false;
	const struct region *r;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:a:t:r:f:l:p:T:o:c:h", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'a':
			if ((v = cli_parse_band(optarg)) < 0)
				return cli_band_error("pack", optarg);
			o.bands |= BAND_BIT(v);
			break;
		case 't':
			if ((v = topic_from_name(optarg)) < 0)
				return cli_topic_error("pack", optarg);
			o.topics |= 1u << (unsigned)v;
			break;
		case 'r':
			o.region = optarg;
			break;
		case 'f':
			if ((format = S_format_from_name(optarg)) < 0)
				return cli_unknown_value("pack", "format", optarg,
				    (const char *const[]){ "html", "md", "txt" }, 3);
			break;
		case 'l':
			if ((v = pack_layout_from_name(optarg)) < 0) {
				const char *n[] = { "handout", "cards" };

				return cli_unknown_value("pack", "layout", optarg, n, 2);
			}
			o.layout = (enum pack_layout)v;
			break;
		case 'p':
			if ((v = paper_from_name(optarg)) < 0) {
				const char *n[] = { "a4", "letter" };

				return cli_unknown_value("pack", "paper size", optarg, n, 2);
			}
			o.paper = (enum paper)v;
			paper_given = true;
			break;
		case 'T':
			if (optarg[0] == '\0')
				return cli_usage_error("pack",
				    "the --title is empty");
			if (!utf8_valid(optarg, strlen(optarg), NULL))
				return cli_usage_error("pack",
				    "the --title is not valid UTF-8");
			o.title = optarg;
			break;
		case 'o':
			output = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case 'c':
			cli_add_content_dir(cli, optarg);
			break;
		case 'O':
			cli->only_content = true;
			break;
		case 'h':
			S_usage(stdout);
			return 0;
		case ':':
			return cli_usage_error("pack", "option '%s' needs a value",
			    argv[optind - 1]);
		default:
			return cli_usage_error("pack", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("pack", "unexpected argument '%s'",
		    argv[optind]);
	if (format < 0 && output != NULL)
		format = S_format_from_path(output);
	if (format < 0)
		format = RENDER_HTML;
	if (o.layout == PACK_LAYOUT_CARDS && format != RENDER_HTML)
		return cli_usage_error("pack", "cards are printed from HTML only; "
		    "use --format html (or --layout handout for %s)",
		    S_formats[format]);
	if (cli->only_content && cli->n_content_dirs == 0)
		return cli_usage_error("pack", "--only-content needs at least "
		    "one --content DIR");

	content_init(&c);
	diag_list_init(&d);
	rc = cli_load_content(cli, &c);
	if (rc != 0)
		goto out;
	/* No --region: the locale's, never the UK's without saying so. */
	if (o.region == NULL) {
		r = content_region_for_locale(&c, cli->locale);
		if (r != NULL)
			o.region = r->code;
		else if (o.layout == PACK_LAYOUT_HANDOUT &&
		    content_region(&c, PACK_DEFAULT_REGION) != NULL)
			diag_add(&d, DIAG_WARNING, DIAG_DATA, NULL, 0, 0,
			    "the locale (%s) names no region with help lines, "
			    "so the help page is for %s; choose one with "
			    "--region", cli->locale != NULL ? cli->locale :
			    "not set", PACK_DEFAULT_REGION);
	}
	r = content_region(&c, o.region != NULL ? o.region :
	    PACK_DEFAULT_REGION);
	if (!paper_given && r != NULL)
		o.paper = region_paper(r);
	if (pack_build(&c, &o, &pd, &d, &cause) != 0) {
		rc = cli_usage_error("pack", "%s", cause);
		goto out;
	}
	cli_print_diags(cli, &d);
	switch (format) {
	case RENDER_MD:
		text = render_markdown(pd.doc);
		break;
	case RENDER_TXT:
		text = render_text(pd.doc, RENDER_TEXT_WIDTH);
		break;
	default: {
		struct render_page page = {
			.title = pd.title,
			.footer = pd.footer,
			.css = pd.css,
			.lang = c.n_packs > 0 && c.packs[0].language != NULL ?
			    c.packs[0].language : "en-GB",
		};

		text = render_html_page(pd.doc, &page);
		break;
	}
	}
	rc = cli_write_output(output, text);
out:
	free(text);
	free(cause);
	pack_doc_cleanup(&pd);
	diag_list_cleanup(&d);
	content_cleanup(&c);
	return rc;
}
