/*
 * cli_review.c: 'talkpact review [SESSION]', looking at a signed
 * agreement again together (review.h; the flow opens or starts the
 * review, then the interactive program or plain mode carries on), and
 * 'talkpact history [CHILD]', each version of a child's agreement. Prints
 * and picks exit codes; the rules are review.c's and flow.c's.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "agreement.h"
#include "cli.h"
#include "cli_session.h"
#include "content.h"
#include "fingerprint.h"
#include "flow.h"
#include "review.h"
#include "session.h"
#include "session_store.h"
#include "util.h"

static void
S_review_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact review [SESSION]\n"
	    "Look at a signed agreement again together: each rule and promise\n"
	    "that was on (keep, change or drop, and how it went, in both\n"
	    "voices), the questions for a review, then choosing, reading and\n"
	    "signing as before. The result is the next version of the child's\n"
	    "agreement, which says what changed; the earlier ones are kept.\n"
	    "SESSION is a signed session (an id, the start of one, or a file):\n"
	    "its child's latest version is reviewed. Without it, a review in\n"
	    "progress carries on, or else the latest signed agreement is\n"
	    "reviewed. See 'talkpact history'.\n"
	    "\n"
	    "  -h, --help  show this help and exit\n");
}

/* The id to review when none is given: a review in progress, else the latest signed. */
static int
S_pick(struct cli *cli, char **id)
{
	struct session_store st;
	struct session_list l;
	struct diag_list d;
	size_t best = SIZE_MAX;
	int rc;

	*id = NULL;
	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	diag_list_init(&d);
	rc = session_store_list(&st, &l, &d);
	session_store_cleanup(&st);
	if (rc != 0) {
		cli_print_diags(cli, &d);
		rc = diag_exit_code(&d);
		diag_list_cleanup(&d);
		return rc != 0 ? rc : EX_IOERR;
	}
	diag_list_cleanup(&d);
	/* Newest first: a review in progress wins. */
	for (size_t i = 0; i < l.n && best == SIZE_MAX; i++)
		if (l.items[i].ok && l.items[i].s.replaces != NULL &&
		    l.items[i].s.stage != STAGE_SIGNED)
			best = i;
	for (size_t i = 0; i < l.n && best == SIZE_MAX; i++)
		if (l.items[i].ok && l.items[i].s.stage == STAGE_SIGNED)
			best = i;
	if (best != SIZE_MAX)
		*id = xstrdup(l.items[best].s.id);
	session_list_cleanup(&l);
	if (*id == NULL)
		return cli_error(EX_NOINPUT, "there is no signed agreement to "
		    "review yet; see 'talkpact sessions'");
	return 0;
}

int
cmd_review(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct session s;
	struct content c;
	struct flow f;
	char *id = NULL, *cause = NULL;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			S_review_usage(stdout);
			return 0;
		default:
			return cli_usage_error("review", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error("review", "unexpected argument '%s'",
		    argv[optind + 1]);
	session_init(&s);
	if (optind < argc) {
		rc = cli_find_session(cli, argv[optind], &s, NULL);
		if (rc == 0 && s.stage != STAGE_SIGNED && s.replaces == NULL)
			rc = cli_error(EX_DATAERR, "not signed yet: talkpact "
			    "resume %s", s.id != NULL ? s.id : argv[optind]);
		/* A review in progress carries on, as resume would. */
		if (rc == 0 && s.stage != STAGE_SIGNED)
			return cli_interactive(cli, &s);
		if (rc == 0)
			id = xstrdup(s.id != NULL ? s.id : "");
		session_cleanup(&s);
	} else
		rc = S_pick(cli, &id);
	if (rc != 0) {
		free(id);
		return rc;
	}
	content_init(&c);
	if ((rc = cli_load_content(cli, &c)) != 0)
		goto out;
	flow_init(&f, cli->state_dir, &c, cli->now);
	if (flow_review(&f, id, &cause) != 0) {
		rc = cli_error(EX_DATAERR, "%s", cause);
		free(cause);
		flow_cleanup(&f);
		goto out;
	}
	/* Hand the review over: the interactive program loads its own content. */
	s = f.s;
	session_init(&f.s);
	flow_cleanup(&f);
	content_cleanup(&c);
	free(id);
	return cli_interactive(cli, &s);
out:
	content_cleanup(&c);
	free(id);
	return rc;
}

/* ---- history ---------------------------------------------------------------- */

static void
S_history_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact history [CHILD]\n"
	    "List each version of a child's signed agreement, newest first:\n"
	    "the date it was signed, who signed it, its fingerprint and its\n"
	    "files; and a review in progress. Without CHILD, every child's.\n"
	    "\n"
	    "  -h, --help  show this help and exit\n");
}

static int
S_by_version(const void *a, const void *b)
{
	const struct session *x = *(const struct session *const *)a;
	const struct session *y = *(const struct session *const *)b;

	if (x->version != y->version)
		return x->version > y->version ? -1 : 1;
	return review_signed_at(x) > review_signed_at(y) ? -1 :
	    review_signed_at(x) < review_signed_at(y) ? 1 : 0;
}

static void
S_one_version(const struct flow *f, const struct session *s)
{
	const char **names = xcalloc(s->n_signatures + 1, sizeof *names);
	char fp[FINGERPRINT_HEX + 1], *who, *files, *cause = NULL, *date;

	for (size_t i = 0; i < s->n_signatures; i++)
		names[i] = s->signatures[i].name;
	who = join_words(names, s->n_signatures, "and");
	free(names);
	date = review_signed_date(s);
	printf("\nVersion %d, signed %s by %s", s->version,
	    date != NULL ? date : "?", who);
	free(date);
	if (s->replaces != NULL)
		printf(", replacing the agreement of %s", s->replaces->date !=
		    NULL ? s->replaces->date : "?");
	printf("\n  session:     %s\n", s->id);
	free(who);
	if (agreement_fingerprint(s, f->c, f->now(), fp, &cause) == 0) {
		char *groups = fingerprint_groups(fp, FINGERPRINT_SHOWN);

		printf("  fingerprint: %s\n", groups);
		free(groups);
	} else {
		printf("  fingerprint: unknown (%s)\n", cause);
		free(cause);
	}
	if ((files = flow_agreement_files(f, s)) != NULL) {
		printf("  files:       %s.md\n"
		    "               %s.html\n"
		    "               %s.txt\n"
		    "               %s.ics\n", files, files, files, files);
		free(files);
	} else
		printf("  files:       none kept here; write them with: talkpact "
		    "render %s -f all -o FOLDER\n", s->id);
}

/* One child's versions, newest first, and a review in progress. */
static void
S_child_history(const struct flow *f, const struct session_list *l,
    const char *child)
{
	const struct session **v = xcalloc(l->n + 1, sizeof *v);
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].ok && l->items[i].s.stage == STAGE_SIGNED &&
		    l->items[i].s.child != NULL &&
		    strcasecmp(l->items[i].s.child, child) == 0)
			v[n++] = &l->items[i].s;
	qsort(v, n, sizeof *v, S_by_version);
	printf("%s's agreement: %zu version%s, newest first\n", v[0]->child, n,
	    n == 1 ? "" : "s");
	for (size_t i = 0; i < l->n; i++) {
		const struct session *s = &l->items[i].s;

		if (l->items[i].ok && s->replaces != NULL &&
		    s->stage != STAGE_SIGNED && s->child != NULL &&
		    strcasecmp(s->child, child) == 0)
			printf("\nVersion %d, being reviewed now (%s): carry on "
			    "with: talkpact review %s\n", s->version,
			    session_stage_shown(s->stage), s->id);
	}
	for (size_t i = 0; i < n; i++)
		S_one_version(f, v[i]);
	free(v);
}

int
cmd_history(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct session_store st;
	struct session_list l = { 0 };
	struct diag_list d;
	struct content c;
	struct flow f;
	const char *want;
	size_t shown = 0;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			S_history_usage(stdout);
			return 0;
		default:
			return cli_usage_error("history", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error("history", "unexpected argument '%s'",
		    argv[optind + 1]);
	want = optind < argc ? argv[optind] : NULL;
	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	diag_list_init(&d);
	content_init(&c);
	if (session_store_list(&st, &l, &d) != 0) {
		cli_print_diags(cli, &d);
		rc = diag_exit_code(&d);
		goto out;
	}
	if ((rc = cli_load_content(cli, &c)) != 0)
		goto out;
	flow_init(&f, cli->state_dir, &c, cli->now);
	/* Each child once, in the order of their latest change. */
	for (size_t i = 0; i < l.n; i++) {
		const struct session *s = &l.items[i].s;
		bool seen = false;

		if (!l.items[i].ok || s->stage != STAGE_SIGNED || s->child == NULL ||
		    (want != NULL && strcasecmp(s->child, want) != 0))
			continue;
		for (size_t j = 0; j < i && !seen; j++)
			seen = l.items[j].ok && l.items[j].s.stage == STAGE_SIGNED &&
			    l.items[j].s.child != NULL &&
			    strcasecmp(l.items[j].s.child, s->child) == 0;
		if (seen)
			continue;
		if (shown++ > 0)
			putchar('\n');
		S_child_history(&f, &l, s->child);
	}
	flow_cleanup(&f);
	if (shown == 0)
		rc = want != NULL ? cli_error(EX_NOINPUT, "there is no signed "
		    "agreement for '%s'; see 'talkpact sessions'", want) :
		    (printf("No signed agreements yet.\n"), 0);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = cli_error(EX_IOERR, "cannot write the list");
out:
	session_list_cleanup(&l);
	diag_list_cleanup(&d);
	content_cleanup(&c);
	session_store_cleanup(&st);
	return rc;
}
