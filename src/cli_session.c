/*
 * cli_session.c: the command line's view of saved sessions: 'talkpact
 * sessions', and finding one session for 'resume', 'render' and the
 * interactive program (cli_find_session). Prints and picks exit codes;
 * the reading and writing is session_store.c's.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agreement.h"
#include "civil.h"
#include "cli.h"
#include "cli_session.h"
#include "content.h"
#include "diag.h"
#include "household.h"
#include "session.h"
#include "session_store.h"
#include "util.h"

int
cli_open_store(struct cli *cli, struct session_store *st)
{
	char *cause = NULL;

	if (session_store_open(st, cli->state_dir, &cause) != 0) {
		cli_error(EX_CANTCREAT, "%s", cause);
		free(cause);
		return EX_CANTCREAT;
	}
	return 0;
}

int
cli_find_session(struct cli *cli, const char *arg, struct session *s,
    char **path)
{
	struct session_store st;
	struct session_list l;
	struct diag_list d;
	int rc;

	if (path != NULL)
		*path = NULL;
	diag_list_init(&d);
	/* A path needs no store; an id or "the latest" does. */
	if (arg != NULL && (strchr(arg, '/') != NULL ||
	    (strlen(arg) > 5 && strcmp(arg + strlen(arg) - 5, ".yaml") == 0))) {
		rc = session_store_load(NULL, arg, s, path, &d);
		goto out;
	}
	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	if (arg != NULL) {
		rc = session_store_load(&st, arg, s, path, &d);
		session_store_cleanup(&st);
		goto out;
	}
	rc = session_store_list(&st, &l, &d);
	session_store_cleanup(&st);
	if (rc != 0)
		goto out;
	/* Newest first: the first unfinished one that loads. */
	rc = -1;
	for (size_t i = 0; i < l.n; i++) {
		if (!l.items[i].ok || l.items[i].s.stage == STAGE_SIGNED)
			continue;
		*s = l.items[i].s;
		session_init(&l.items[i].s);
		if (path != NULL)
			*path = xstrdup(l.items[i].path);
		rc = 0;
		break;
	}
	session_list_cleanup(&l);
	if (rc != 0) {
		cli_print_diags(cli, &d);
		diag_list_cleanup(&d);
		return cli_error(EX_NOINPUT, "there is no unfinished session to "
		    "continue; run 'talkpact' to start one, or 'talkpact "
		    "sessions' to see them all");
	}
	/* Damaged files elsewhere in the folder do not stop us. */
	diag_list_cleanup(&d);
	return 0;
out:
	if (rc != 0) {
		cli_print_diags(cli, &d);
		rc = diag_exit_code(&d);
		if (rc == 0)
			rc = EX_DATAERR;
	}
	diag_list_cleanup(&d);
	return rc;
}

static void
S_sessions_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact sessions [--format text|tsv]\n"
	    "List the saved sessions, newest first: id, child, when last\n"
	    "changed and how far the family got; a signed one with the date\n"
	    "to look at it again, or since when that is due. Continue one with\n"
	    "'talkpact resume ID'; print its agreement with 'talkpact render ID'.\n"
	    "\n"
	    "  -f, --format FORMAT  text (for reading, the default) or tsv: one\n"
	    "                       line per session, tab-separated: id, child,\n"
	    "                       stage, updated (UTC), review date (empty\n"
	    "                       until signed)\n"
	    "  -h, --help           show this help and exit\n");
}

/* s with tabs and line breaks as spaces, for one tsv field. */
static void
S_tsv_field(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

/*
 * The content, loaded into c (content_init()ed) only when a signed
 * session needs its template's review interval; problems are printed.
 */
static void
S_load_for_review(struct cli *cli, const struct session_list *l,
    struct content *c)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].ok && l->items[i].s.stage == STAGE_SIGNED &&
		    l->items[i].s.review_months == 0) {
			(void)cli_load_content(cli, c);
			return;
		}
}


/*
 * ", review on 29 May 2027" after a signed session's stage, or ", review
 * due since 29 May 2027" from that day on; nothing when it has no review
 * date.
 */
static void
S_print_review(const struct session *s, const struct content *c, time_t now,
    long utc_offset)
{
	char day[CIVIL_ISO_SIZE], today[CIVIL_ISO_SIZE], date[64];
	struct civil r, d;

	if (agreement_review_day(s, session_template(s, c), day) != 0 ||
	    civil_parse_iso(day, &r) != 0)
		return;
	civil_words(&r, date, sizeof date);
	civil_from_time(now, utc_offset, &d);
	civil_iso(&d, today);
	printf(", review %s %s", strcmp(today, day) >= 0 ? "due since" : "on",
	    date);
}

/*
 * One line per session for scripts and shell completion: id, child,
 * stage id, updated as UTC ISO 8601, review date (local, YYYY-MM-DD) of
 * a signed session. A damaged file is its name with stage "damaged".
 */
static void
S_sessions_tsv(const struct session_list *l, const struct content *c)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct session *s = &l->items[i].s;
		const char *base = strrchr(l->items[i].path, '/') + 1;
		char when[32] = "", review[16] = "";
		struct tm tm;

		if (!l->items[i].ok) {
			printf("%.*s\t\tdamaged\t\t\n",
			    (int)(strlen(base) > 5 ? strlen(base) - 5 : strlen(base)),
			    base);
			continue;
		}
		if (s->updated != 0 && gmtime_r(&s->updated, &tm) != NULL)
			strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		(void)agreement_review_day(s, session_template(s, c), review);
		S_tsv_field(s->id != NULL ? s->id : base);
		putchar('\t');
		S_tsv_field(s->child);
		printf("\t%s\t%s\t%s\n", session_signed_check(s) < 0 ?
		    "changed-after-signing" : session_stage_id(s->stage), when,
		    review);
	}
}

int
cmd_sessions(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "tsv" };
	struct session_store st;
	struct session_list l;
	struct diag_list d;
	struct content c;
	struct household h;
	time_t now = cli->now();
	size_t idw = 2, childw = 5, damaged = 0;
	bool tsv = false;
	int ch, rc, hrc;

	while ((ch = getopt_long(argc, argv, ":f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				tsv = false;
			else if (strcmp(optarg, "tsv") == 0)
				tsv = true;
			else
				return cli_unknown_value("sessions", "format",
				    optarg, formats, 2);
			break;
		case 'h':
			S_sessions_usage(stdout);
			return 0;
		case ':':
			return cli_usage_error("sessions", "option '%s' needs "
			    "a value", argv[optind - 1]);
		default:
			return cli_usage_error("sessions", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("sessions", "unexpected argument '%s'",
		    argv[optind]);
	if ((rc = cli_open_store(cli, &st)) != 0)
		return rc;
	diag_list_init(&d);
	if (session_store_list(&st, &l, &d) != 0) {
		cli_print_diags(cli, &d);
		rc = diag_exit_code(&d);
		diag_list_cleanup(&d);
		session_store_cleanup(&st);
		return rc;
	}
	content_init(&c);
	S_load_for_review(cli, &l, &c);
	household_init(&h);
	hrc = cli_household_sessions(cli, &l, &h);
	if (tsv) {
		for (size_t i = 0; i < l.n; i++)
			damaged += !l.items[i].ok;
		S_sessions_tsv(&l, &c);
		goto out;
	}
	if (l.n == 0) {
		printf("No sessions yet. Run 'talkpact' to start one.\n");
		goto out;
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct session *s = &l.items[i].s;
		const char *base = strrchr(l.items[i].path, '/') + 1;
		size_t w = l.items[i].ok && s->id != NULL ? strlen(s->id) :
		    strlen(base);

		if (w > idw)
			idw = w;
		if (s->child != NULL && strlen(s->child) > childw)
			childw = strlen(s->child);
	}
	if (childw > 24)
		childw = 24;
	printf("%-*s  %-*s  %3s  %-16s  %s\n", (int)idw, "ID", (int)childw,
	    "CHILD", "AGE", "CHANGED", "STAGE");
	for (size_t i = 0; i < l.n; i++) {
		const struct session *s = &l.items[i].s;
		const char *base = strrchr(l.items[i].path, '/') + 1;
		char when[32] = "-", age[16] = "-";
		struct civil u;

		if (!l.items[i].ok) {
			damaged++;
			printf("%-*s  %-*s  %3s  %-16s  %s\n", (int)idw, base,
			    (int)childw, "?", "?", "?",
			    "damaged (see the message above)");
			continue;
		}
		if (s->updated != 0) {
			civil_from_time(s->updated, cli->utc_offset(s->updated),
			    &u);
			snprintf(when, sizeof when, "%04d-%02d-%02d %02d:%02d",
			    u.year, u.month, u.day, u.hour, u.min);
		}
		if (s->age > 0)
			snprintf(age, sizeof age, "%d", s->age);
		printf("%-*s  %-*.*s  %3s  %-16s  %s", (int)idw,
		    s->id != NULL ? s->id : base, (int)childw, (int)childw,
		    s->child != NULL ? s->child : "-", age, when,
		    session_signed_check(s) < 0 ? "Changed after signing" :
		    session_stage_shown(s->stage));
		if (s->stage == STAGE_TALKING) {
			size_t n[4] = { 0, 0, 0, 0 };

			/* Only answers given count as answered. */
			for (size_t k = 0; k < s->n_answers; k++)
				n[s->answers[k].state]++;
			printf(" (%zu answered", n[ANSWER_GIVEN]);
			if (n[ANSWER_LATER] > 0)
				printf(", %zu for later", n[ANSWER_LATER]);
			if (n[ANSWER_SKIPPED] > 0)
				printf(", %zu skipped", n[ANSWER_SKIPPED]);
			putchar(')');
		}
		if (s->stage == STAGE_SIGNED && session_signed_check(s) >= 0)
			S_print_review(s, &c, now, cli->utc_offset(now));
		if (hrc == 0 && household_marked(&h, s->id))
			printf(", house rules changed since you signed");
		putchar('\n');
	}
out:
	cli_print_diags(cli, &d);
	rc = damaged > 0 || hrc < 0 ? EX_DATAERR : 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = cli_error(EX_IOERR, "cannot write the list");
	household_cleanup(&h);
	session_list_cleanup(&l);
	diag_list_cleanup(&d);
	content_cleanup(&c);
	session_store_cleanup(&st);
	return rc;
}
