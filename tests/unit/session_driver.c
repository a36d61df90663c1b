/*
 * session_driver.c: applies a fixed sequence of session changes, saving
 * after each one like the interactive program does, for the SIGKILL test
 * (tests/cli/sigkill.sh).
 *
 *   session_driver run DIR      apply change 0, 1, 2... saving each to
 *                               DIR/sessions/kill.yaml and printing
 *                               "saved N" once it is on disk
 *   session_driver check DIR N  the file loads cleanly and holds at least
 *                               changes 0..N (exit 0), else exit 1
 *   session_driver              (as a unit test) run and check in-process
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "session.h"
#include "session_store.h"
#include "util.h"

#define N_ANSWERS 150

static size_t
n_changes(void)
{
	return 5 + N_ANSWERS;
}

/* Change i of the sequence; text is scratch space for it. */
static struct action
change(size_t i, char *text, size_t sz)
{
	static const char *const prompts[] = { "p-people", "p-photos", "p-worried" };

	switch (i) {
	case 0: return (struct action){ .kind = ACTION_SET_CHILD, .text = "Sam" };
	case 1: return (struct action){ .kind = ACTION_SET_AGE, .number = 9 };
	case 2: return (struct action){ .kind = ACTION_SET_GROWN_UP, .text = "Alex" };
	case 3: return (struct action){ .kind = ACTION_SET_REGION, .id = "UK" };
	case 4: return (struct action){ .kind = ACTION_START_TALKING };
	default:
		/* Long answers, so a kill often lands inside a write. */
		snprintf(text, sz, "answer %zu: %0*d", i, 3000, 7);
		return (struct action){ .kind = ACTION_ANSWER,
		    .id = prompts[i % 3], .text = text, .text2 = "ok" };
	}
}

/* The session after changes 0..n-1, as a file's text without its times. */
static char *
expected(size_t n)
{
	struct session s;
	char text[4096], *cause = NULL, *f;

	session_init(&s);
	s.id = xstrdup("kill");
	for (size_t i = 0; i < n; i++) {
		struct action a = change(i, text, sizeof text);

		if (session_apply(&s, fixture_content(), &a, FIXTURE_NOW, &cause) != 0) {
			fprintf(stderr, "change %zu: %s\n", i, cause);
			exit(2);
		}
	}
	s.created = s.updated = 0;
	f = session_store_format(&s);
	session_cleanup(&s);
	return f;
}

static int
run(const char *dir, FILE *progress)
{
	struct session_store st;
	struct session s;
	char text[4096], *cause = NULL;

	if (session_store_open(&st, dir, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		return 2;
	}
	session_init(&s);
	s.id = xstrdup("kill");
	for (size_t i = 0; i < n_changes(); i++) {
		struct action a = change(i, text, sizeof text);

		if (session_apply(&s, fixture_content(), &a, FIXTURE_NOW, &cause) != 0 ||
		    session_store_save(&st, &s, &cause) != 0) {
			fprintf(stderr, "change %zu: %s\n", i, cause);
			return 2;
		}
		fprintf(progress, "saved %zu\n", i);
		fflush(progress);
	}
	session_cleanup(&s);
	session_store_cleanup(&st);
	return 0;
}

/* 0 if DIR's file loads and holds changes 0..confirmed (or one more). */
static int
check(const char *dir, long confirmed, char **why)
{
	struct session s;
	struct diag_list d;
	char *path = xasprintf("%s/sessions/kill.yaml", dir), *got;
	int rc = 1;

	session_init(&s);
	diag_list_init(&d);
	if (session_store_load_path(path, &s, &d) != 0) {
		if (confirmed < 0 && d.n > 0 && d.items[0].kind == DIAG_MISSING) {
			rc = 0;		/* killed before the first save */
			goto out;
		}
		*why = d.n > 0 ? diag_string(&d.items[0]) : xstrdup("no file");
		goto out;
	}
	s.created = s.updated = 0;
	got = session_store_format(&s);
	for (size_t n = 0; n <= n_changes(); n++) {
		char *want = expected(n);
		int same = strcmp(want, got) == 0;

		free(want);
		if (!same)
			continue;
		if ((long)n - 1 >= confirmed) {
			rc = 0;
		} else
			*why = xasprintf("the file holds changes 0..%ld, but "
			    "change %ld was confirmed", (long)n - 1, confirmed);
		break;
	}
	if (rc != 0 && *why == NULL)
		*why = xstrdup("the file matches no state of the sequence");
	free(got);
out:
	free(path);
	diag_list_cleanup(&d);
	session_cleanup(&s);
	return rc;
}

int
main(int argc, char **argv)
{
	char *why = NULL, dir[64];
	int rc;

	if (argc == 3 && strcmp(argv[1], "run") == 0)
		return run(argv[2], stdout);
	if (argc == 4 && strcmp(argv[1], "check") == 0) {
		rc = check(argv[2], strtol(argv[3], NULL, 10), &why);
		if (rc != 0)
			printf("%s\n", why);
		free(why);
		return rc;
	}
	/* As a unit test: the whole sequence, saved and read back. */
	strcpy(dir, "/tmp/tp-driver-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 99;
	printf("1..1\n");
	{
		FILE *devnull = fopen("/dev/null", "w");

		if (devnull == NULL)
			return 99;
		rc = run(dir, devnull);
		fclose(devnull);
	}
	if (rc == 0)
		rc = check(dir, (long)n_changes() - 1, &why);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			rc = 1;
		free(cmd);
	}
	printf("%s 1 - every change is saved and reads back%s%s\n",
	    rc == 0 ? "ok" : "not ok", why != NULL ? ": " : "", why != NULL ? why : "");
	free(why);
	return rc == 0 ? 0 : 1;
}
