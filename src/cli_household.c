/*
 * cli_household.c: the family's own data on the command line: 'talkpact
 * show CHILD' prints everything kept about one child, 'talkpact forget
 * CHILD' (or --all) deletes it after a confirmation. Also the household
 * line 'sessions' prints. Prints and picks exit codes; reading and writing
 * are session_store.c's and household.c's.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agreement.h"
#include "cli.h"
#include "cli_session.h"
#include "household.h"
#include "session.h"
#include "session_store.h"
#include "util.h"

/* A list of paths, owned. */
struct S_paths {
	char **p;
	size_t n, cap;
};

static void
S_paths_add(struct S_paths *ps, char *path)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->p[i], path) == 0) {
			free(path);
			return;
		}
	ps->p = xgrow(ps->p, &ps->cap, ps->n, sizeof *ps->p);
	ps->p[ps->n++] = path;
}

static void
S_paths_free(struct S_paths *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->p[i]);
	free(ps->p);
	memset(ps, 0, sizeof *ps);
}

static int
S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entry's id: the session's own, or its file name without .yaml. */
static char *
S_entry_id(const struct session_entry *e)
{
	const char *base = strrchr(e->path, '/') + 1;
	size_t n = strlen(base);

	if (e->ok && e->s.id != NULL)
		return xstrdup(e->s.id);
	return xstrndup(base, n > 5 ? n - 5 : n);
}

/*
 * Could sessions a and b (the same name) be the same child? Their ages
 * must agree with the years between them, give or take one.
 */
static bool
S_same_child(const struct session *a, const struct session *b)
{
	long years = (long)((a->created - b->created) / (365L * 24 * 3600));
	long d = (long)(a->age - b->age) - years;

	if (a->age == 0 || b->age == 0)
		return true;
	return d >= -1 && d <= 1;
}

/*
 * Pick the sessions of CHILD (a name, a session id or the start of one)
 * in l: pick[i] set for each. *by_id says it was an id. Prints and
 * returns 66 for nobody, 64 for a name two children share; else 0.
 */
static int
S_pick(const char *cmd, const char *arg, const struct session_list *l,
    bool *pick, bool *by_id)
{
	size_t n_id = 0, first = 0, groups = 0;
	size_t *group = xcalloc(l->n + 1, sizeof *group);
	int rc = 0;

	*by_id = false;
	for (size_t i = 0; i < l->n; i++) {
		char *id = S_entry_id(&l->items[i]);

		if (strcmp(id, arg) == 0) {
			memset(pick, 0, l->n * sizeof *pick);
			pick[i] = true;
			*by_id = true;
			free(id);
			goto out;
		}
		if (strncmp(id, arg, strlen(arg)) == 0 && strlen(arg) >= 4) {
			n_id++;
			first = i;
		}
		free(id);
	}
	if (n_id == 1) {
		pick[first] = true;
		*by_id = true;
		goto out;
	}
	/* By name: sessions of one name, grouped into children. */
	for (size_t i = 0; i < l->n; i++) {
		const struct session *s = &l->items[i].s;

		if (!l->items[i].ok || s->child == NULL ||
		    strcasecmp(s->child, arg) != 0)
			continue;
		group[i] = 0;
		for (size_t j = 0; j < i && group[i] == 0; j++)
			if (group[j] != 0 && S_same_child(s, &l->items[j].s))
				group[i] = group[j];
		if (group[i] == 0)
			group[i] = ++groups;
		pick[i] = true;
	}
	if (groups == 0) {
		rc = cli_error(EX_NOINPUT, "%s: there is no child or session "
		    "called '%s'; 'talkpact sessions' lists them", cmd, arg);
		goto out;
	}
	if (groups > 1) {
		fprintf(stderr, "talkpact %s: %zu children are called '%s'; "
		    "name one by a session id:\n", cmd, groups, arg);
		for (size_t i = 0; i < l->n; i++)
			if (pick[i]) {
				char *id = S_entry_id(&l->items[i]);

				fprintf(stderr, "  %s  (age %d)\n", id,
				    l->items[i].s.age);
				free(id);
			}
		memset(pick, 0, l->n * sizeof *pick);
		rc = EX_USAGE;
	}
out:
	free(group);
	return rc;
}

/*
 * The agreement files in DIR/agreements that belong to the picked
 * sessions: by the child's name in the file ("agreement-sam-DATE...")
 * when picked by name, else only those of the session's signing day.
 */
static void
S_agreement_files(const char *state_dir, const struct session_list *l,
    const bool *pick, bool by_id, struct S_paths *out)
{
	char *dir = xasprintf("%s/agreements", state_dir);
	DIR *d = opendir(dir);
	struct dirent *de;

	if (d == NULL) {
		free(dir);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		for (size_t i = 0; i < l->n; i++) {
			char slug[32], *stem;
			size_t n;

			if (!pick[i] || !l->items[i].ok)
				continue;
			if (by_id) {
				if (l->items[i].s.stage != STAGE_SIGNED)
					continue;
				stem = agreement_file_stem(&l->items[i].s, 0);
			} else {
				n = name_slug(l->items[i].s.child, slug,
				    sizeof slug);
				stem = xasprintf("agreement-%s-", n > 0 ? slug :
				    "family");
			}
			n = strlen(stem);
			/* STEM.ext, STEM-N.ext; by name, STEM then a date. */
			if (strncmp(de->d_name, stem, n) == 0 &&
			    (de->d_name[n] == '.' || de->d_name[n] == '-' ||
			    (!by_id && strlen(de->d_name + n) > 10 &&
			    de->d_name[n + 4] == '-' && de->d_name[n + 7] == '-')))
				S_paths_add(out, xasprintf("%s/%s", dir,
				    de->d_name));
			free(stem);
		}
	}
	closedir(d);
	free(dir);
	if (out->n > 1)
		qsort(out->p, out->n, sizeof *out->p, S_cmp);
}

/* Every regular file directly in dir. */
static void
S_all_files(const char *dir, struct S_paths *out)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat sb;
	size_t from = out->n;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char *p;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(p, &sb) == 0 && !S_ISDIR(sb.st_mode))
			S_paths_add(out, p);
		else
			free(p);
	}
	closedir(d);
	if (out->n - from > 1)
		qsort(out->p + from, out->n - from, sizeof *out->p, S_cmp);
}

static int
S_list_sessions(struct cli *cli, struct session_store *st,
    struct session_list *l)
{
	struct diag_list d;
	int rc;

	if ((rc = cli_open_store(cli, st)) != 0)
		return rc;
	diag_list_init(&d);
	if (session_store_list(st, l, &d) != 0) {
		cli_print_diags(cli, &d);
		rc = diag_exit_code(&d);
		diag_list_cleanup(&d);
		session_store_cleanup(st);
		return rc != 0 ? rc : EX_IOERR;
	}
	/* A damaged session is still listed by its id; show and forget go on. */
	diag_list_cleanup(&d);
	return 0;
}

/*
 * Load (or make, from the latest session) the household into h: 0 when
 * there is one, 1 when there is none, -1 when it is damaged (printed).
 */
static int
S_household(struct cli *cli, const struct session_list *l, struct household *h)
{
	struct diag_list d;
	bool made = false;
	int rc;

	household_init(h);
	diag_list_init(&d);
	rc = household_open(cli->state_dir, l->items, l->n, h, &made, &d);
	cli_print_diags(cli, &d);
	diag_list_cleanup(&d);
	return rc;
}

int
cli_household_sessions(struct cli *cli, const struct session_list *l,
    struct household *h)
{
	return S_household(cli, l, h);
}

/* ---- show --------------------------------------------------------------- */

static void
S_show_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact show CHILD\n"
	    "Print everything talkpact keeps about one child: each of their\n"
	    "sessions as it is saved (every answer, rule and signature), the\n"
	    "agreement files written for them, and what the household shares.\n"
	    "CHILD is a name or a session id (or the start of one).\n"
	    "\n"
	    "  -h, --help  show this help and exit\n");
}

static void
S_show_household(const struct household *h, const char *path,
    const struct session_list *l, const bool *pick)
{
	char *names = join_words((const char *const *)h->grown_ups,
	    h->n_grown_ups, "and");

	printf("Shared by the household (%s):\n", path);
	printf("  grown-ups: %s\n", h->n_grown_ups > 0 ? names : "none");
	if (h->region != NULL)
		printf("  region: %s\n", h->region);
	printf("  house rules: %zu\n", h->n_rules);
	for (size_t i = 0; i < h->n_rules; i++)
		printf("    - %s\n", h->rules[i].text);
	for (size_t i = 0; i < l->n; i++)
		if (pick[i] && l->items[i].ok &&
		    household_marked(h, l->items[i].s.id))
			printf("  %s: house rules changed since you signed\n",
			    l->items[i].s.id);
	free(names);
}

int
cmd_show(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct session_store st;
	struct session_list l;
	struct household h;
	struct S_paths files = { 0 };
	bool *pick, by_id;
	char *hpath;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			S_show_usage(stdout);
			return 0;
		default:
			return cli_usage_error("show", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("show", optind == argc ?
		    "which child? Give a name or a session id" :
		    "one child at a time");
	if ((rc = S_list_sessions(cli, &st, &l)) != 0)
		return rc;
	pick = xcalloc(l.n + 1, sizeof *pick);
	if ((rc = S_pick("show", argv[optind], &l, pick, &by_id)) != 0)
		goto out;
	printf("Everything talkpact keeps about %s:\n", argv[optind]);
	for (size_t i = 0; i < l.n; i++) {
		char *buf = NULL;
		size_t len = 0;

		if (!pick[i])
			continue;
		printf("\n== Session file %s ==\n", l.items[i].path);
		if (read_file(l.items[i].path, SESSION_MAX_FILE_BYTES, &buf,
		    &len, NULL) != 0) {
			rc = cli_error(EX_IOERR, "cannot read %s: %s",
			    l.items[i].path, strerror(errno));
			continue;
		}
		fwrite(buf, 1, len, stdout);
		if (len > 0 && buf[len - 1] != '\n')
			putchar('\n');
		free(buf);
	}
	S_agreement_files(cli->state_dir, &l, pick, by_id, &files);
	printf("\n== Agreement files ==\n");
	if (files.n == 0)
		printf("none\n");
	for (size_t i = 0; i < files.n; i++)
		printf("%s\n", files.p[i]);
	hpath = household_path(cli->state_dir);
	if (S_household(cli, &l, &h) == 0) {
		putchar('\n');
		S_show_household(&h, hpath, &l, pick);
	}
	household_cleanup(&h);
	free(hpath);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = cli_error(EX_IOERR, "cannot write what is kept");
out:
	S_paths_free(&files);
	free(pick);
	session_list_cleanup(&l);
	session_store_cleanup(&st);
	return rc;
}

/* ---- forget ------------------------------------------------------------- */

static void
S_forget_usage(FILE *f)
{
	fprintf(f,
	    "Usage: talkpact forget [--yes] CHILD\n"
	    "       talkpact forget [--yes] --all\n"
	    "Delete everything talkpact keeps about one child: their sessions\n"
	    "(with any unfinished drafts) and their signed agreements' files;\n"
	    "or, with --all, the whole household. Lists the files first and\n"
	    "asks before deleting; lists what it deleted. Copies written\n"
	    "elsewhere with 'render -o' are not touched.\n"
	    "CHILD is a name or a session id (or the start of one).\n"
	    "\n"
	    "  -a, --all   forget the whole household: every session, every\n"
	    "              agreement and the household file\n"
	    "  -y, --yes   do not ask (for scripts; needed without a terminal)\n"
	    "  -h, --help  show this help and exit\n");
}

/* Ask on the terminal; true for "y" or "yes". */
static bool
S_confirm(size_t n)
{
	char line[64];

	printf("Delete %s %zu file%s? Type yes to delete: ",
	    n == 1 ? "this" : "these", n, n == 1 ? "" : "s");
	fflush(stdout);
	if (fgets(line, sizeof line, stdin) == NULL)
		return false;
	line[strcspn(line, "\r\n")] = '\0';
	return strcasecmp(line, "yes") == 0 || strcasecmp(line, "y") == 0;
}

int
cmd_forget(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "yes", no_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct session_store st;
	struct session_list l;
	struct S_paths files = { 0 }, gone = { 0 }, left = { 0 };
	struct household h;
	bool all = false, yes = false, *pick = NULL, by_id = false;
	char *hpath = NULL, *cause = NULL;
	int ch, rc, hrc;

	while ((ch = getopt_long(argc, argv, ":ayh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			all = true;
			break;
		case 'y':
			yes = true;
			break;
		case 'h':
			S_forget_usage(stdout);
			return 0;
		default:
			return cli_usage_error("forget", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (all ? optind != argc : optind + 1 != argc)
		return cli_usage_error("forget", all ? "--all takes no child" :
		    optind == argc ? "which child? Give a name or a session "
		    "id, or --all" : "one child at a time");
	if (!yes && !isatty(STDIN_FILENO))
		return cli_usage_error("forget", "there is no terminal to ask "
		    "on; add --yes to delete without asking");
	if ((rc = S_list_sessions(cli, &st, &l)) != 0)
		return rc;
	pick = xcalloc(l.n + 1, sizeof *pick);
	hpath = household_path(cli->state_dir);
	if (all) {
		char *dir = xasprintf("%s/agreements", cli->state_dir);

		S_all_files(st.dir, &files);
		S_all_files(dir, &files);
		if (access(hpath, F_OK) == 0)
			S_paths_add(&files, xstrdup(hpath));
		free(dir);
	} else {
		if ((rc = S_pick("forget", argv[optind], &l, pick, &by_id)) != 0)
			goto out;
		for (size_t i = 0; i < l.n; i++)
			if (pick[i])
				S_paths_add(&files, xstrdup(l.items[i].path));
		S_agreement_files(cli->state_dir, &l, pick, by_id, &files);
	}
	if (files.n == 0) {
		printf("There is nothing to forget.\n");
		goto out;
	}
	printf("To delete:\n");
	for (size_t i = 0; i < files.n; i++)
		printf("  %s\n", files.p[i]);
	if (!yes && !S_confirm(files.n)) {
		printf("Nothing was deleted.\n");
		goto out;
	}
	for (size_t i = 0; i < files.n; i++) {
		if (unlink(files.p[i]) == 0 || errno == ENOENT) {
			S_paths_add(&gone, xstrdup(files.p[i]));
			continue;
		}
		fprintf(stderr, "talkpact forget: cannot delete %s: %s\n",
		    files.p[i], strerror(errno));
		S_paths_add(&left, xstrdup(files.p[i]));
	}
	/* The household forgets the marks of the sessions that went. */
	if (!all) {
		household_init(&h);
		hrc = S_household(cli, &l, &h);
		if (hrc == 0) {
			bool changed = false;

			for (size_t i = 0; i < l.n; i++)
				if (pick[i] && l.items[i].ok)
					changed |= household_forget_session(&h,
					    l.items[i].s.id);
			if (changed && household_save_path(hpath, &h, &cause) != 0) {
				fprintf(stderr, "talkpact forget: %s\n", cause);
				free(cause);
			}
		}
		household_cleanup(&h);
	}
	printf("Deleted:\n");
	for (size_t i = 0; i < gone.n; i++)
		printf("  %s\n", gone.p[i]);
	if (gone.n == 0)
		printf("  nothing\n");
	printf("Copies written elsewhere with 'render -o' are not touched.\n");
	if (left.n > 0) {
		printf("Still there (could not be deleted):\n");
		for (size_t i = 0; i < left.n; i++)
			printf("  %s\n", left.p[i]);
		rc = EX_IOERR;
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = cli_error(EX_IOERR, "cannot write the list");
out:
	S_paths_free(&files);
	S_paths_free(&gone);
	S_paths_free(&left);
	free(pick);
	free(hpath);
	session_list_cleanup(&l);
	session_store_cleanup(&st);
	return rc;
}
