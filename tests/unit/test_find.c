/*
 * test_find.c: cli_find_session(), which 'resume' and the interactive
 * program use: by id, prefix and path, the most recent unfinished session
 * when none is named (skipping signed and damaged ones), and the exit code
 * for each kind of failure.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <cmocka.h>

#include "cli.h"
#include "cli_session.h"
#include "util.h"

static char tmp[64];

static void
put(const char *name, const char *stage, const char *updated)
{
	char *path = xasprintf("%s/sessions/%s.yaml", tmp, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fprintf(f, "format: 1\nid: \"%s\"\nupdated: %s\nstage: %s\n"
	    "family: {child: \"C\", age: 9, band: 8-10, grown-ups: [\"G\"]}\n",
	    name, updated, stage);
	fclose(f);
	free(path);
}

static void
test_find(void **state)
{
	struct cli cli = { .prog = "talkpact" };
	struct session s;
	char *path = NULL, *dir;
	FILE *f;

	(void)state;
	strcpy(tmp, "/tmp/tp-find-XXXXXX");
	assert_non_null(mkdtemp(tmp));
	cli.state_dir = tmp;
	session_init(&s);

	/* Nothing yet: 66. */
	assert_int_equal(cli_find_session(&cli, NULL, &s, &path), EX_NOINPUT);

	put("2026-11-01-old-0900", "talking", "2026-11-01T09:00:00Z");
	put("2026-11-20-mid-0900", "agreeing", "2026-11-20T09:00:00Z");
	put("2026-11-25-done-0900", "signed", "2026-11-28T09:00:00Z");
	dir = xasprintf("%s/sessions/zz-broken.yaml", tmp);
	f = fopen(dir, "w");
	fputs("format: 1\nstage: [\n", f);
	fclose(f);
	free(dir);

	/* The newest unfinished one, past a newer signed and a damaged file. */
	assert_int_equal(cli_find_session(&cli, NULL, &s, &path), 0);
	assert_string_equal(s.id, "2026-11-20-mid-0900");
	assert_non_null(strstr(path, "/sessions/2026-11-20-mid-0900.yaml"));
	free(path);
	session_cleanup(&s);

	assert_int_equal(cli_find_session(&cli, "2026-11-01-old-0900", &s, NULL), 0);
	assert_string_equal(s.id, "2026-11-01-old-0900");
	session_cleanup(&s);
	assert_int_equal(cli_find_session(&cli, "2026-11-25", &s, NULL), 0);
	assert_string_equal(s.id, "2026-11-25-done-0900");
	session_cleanup(&s);
	assert_int_equal(cli_find_session(&cli, "2026-11", &s, NULL), EX_DATAERR);
	assert_int_equal(cli_find_session(&cli, "1999", &s, NULL), EX_NOINPUT);
	assert_int_equal(cli_find_session(&cli, "zz-broken", &s, NULL), EX_DATAERR);
	assert_null(s.child);
	dir = xasprintf("%s/sessions/2026-11-01-old-0900.yaml", tmp);
	assert_int_equal(cli_find_session(&cli, dir, &s, NULL), 0);
	assert_string_equal(s.id, "2026-11-01-old-0900");
	free(dir);
	session_cleanup(&s);
	assert_int_equal(cli_find_session(&cli, "/no/such/file.yaml", &s, NULL), EX_NOINPUT);

	/* No unfinished session left: 66 with a message. */
	put("2026-11-20-mid-0900", "signed", "2026-11-20T09:00:00Z");
	put("2026-11-01-old-0900", "signed", "2026-11-01T09:00:00Z");
	assert_int_equal(cli_find_session(&cli, NULL, &s, &path), EX_NOINPUT);
	assert_null(path);

	dir = xasprintf("rm -rf '%s'", tmp);
	assert_int_equal(system(dir), 0);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
