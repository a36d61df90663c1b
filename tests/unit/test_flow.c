/*
 * test_flow.c: flow.c, the way through talkpact that the TUI and plain
 * mode share: nothing is saved before the child has a name, then every
 * change is saved at once (private folders and files, whatever the umask);
 * a refused action changes nothing; a failed save keeps the change in
 * memory and says so; sessions list, open and adopt; prompts, position and
 * counts; clause text with its blanks filled; blanks checked while typed
 * and when confirmed; the review lines; and the signed agreement's three
 * files, named once per child and day, reused when written again.
 */
#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "flow.h"
#include "render.h"
#include "session.h"
#include "util.h"

#define NOW ((time_t)1795961520)	/* 2026-11-29 14:12 UTC */

static char tmpdir[64];
static char *state;		/* tmpdir/state: the flow's state folder */

static int
setup(void **st)
{
	(void)st;
	setenv("TZ", "UTC", 1);
	tzset();
	strcpy(tmpdir, "/tmp/tp-flow-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	state = xasprintf("%s/state", tmpdir);
	return 0;
}

static int
teardown(void **st)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);

	(void)st;
	free(cmd);
	free(state);
	umask(022);
	return rc;
}

#define HAS(hay, needle) do { if ((hay) == NULL || strstr((hay), (needle)) == NULL) \
	fail_msg("missing '%s' in: %s", (needle), (hay) ? (hay) : "(null)"); } while (0)

static void
apply_ok(struct flow *f, struct action a)
{
	char *cause = NULL;

	if (flow_apply(f, &a, &cause) != 0)
		fail_msg("apply %s: %s", action_id(a.kind), cause);
	assert_null(cause);
}

/* How many files dir holds (0 if it does not exist). */
static size_t
count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static void
assert_mode(const char *path, unsigned want)
{
	struct stat sb;

	if (stat(path, &sb) != 0)
		fail_msg("%s does not exist", path);
	if ((sb.st_mode & 07777) != want)
		fail_msg("%s is %03o, not %03o", path, sb.st_mode & 07777, want);
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	size_t n;

	if (fp == NULL)
		fail_msg("cannot read %s", path);
	buf = xmalloc(1 << 20);
	n = fread(buf, 1, (1 << 20) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* The family, up to the first question. */
static void
family(struct flow *f, const char *child)
{
	flow_new(f);
	apply_ok(f, (struct action){ .kind = ACTION_SET_CHILD, .text = child });
	apply_ok(f, (struct action){ .kind = ACTION_SET_AGE, .number = 9 });
	apply_ok(f, (struct action){ .kind = ACTION_SET_GROWN_UP, .text = "Alex" });
	apply_ok(f, (struct action){ .kind = ACTION_SET_REGION, .id = "UK" });
	apply_ok(f, (struct action){ .kind = ACTION_START_TALKING });
}

/* From the first question to signed, with `rule` as the family's own. */
static void
to_signed(struct flow *f, const char *rule)
{
	apply_ok(f, (struct action){ .kind = ACTION_ANSWER, .id = "p-people",
	    .text = "Friends from school", .text2 = "We know them too" });
	apply_ok(f, (struct action){ .kind = ACTION_SKIP, .id = "p-photos" });
	apply_ok(f, (struct action){ .kind = ACTION_LATER, .id = "p-worried" });
	apply_ok(f, (struct action){ .kind = ACTION_START_AGREEING });
	apply_ok(f, (struct action){ .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "20:15" });
	apply_ok(f, (struct action){ .kind = ACTION_ADD_RULE, .text = rule, .number = BINDS_EVERYONE });
	apply_ok(f, (struct action){ .kind = ACTION_START_SIGNING });
	apply_ok(f, (struct action){ .kind = ACTION_SIGN, .number = ROLE_CHILD,
	    .text = f->s.child, .when = NOW });
	apply_ok(f, (struct action){ .kind = ACTION_SIGN, .number = ROLE_GROWN_UP,
	    .index = 0, .text = "Alex", .when = NOW + 60 });
	assert_int_equal(f->s.stage, STAGE_SIGNED);
}

/* ---- saving ------------------------------------------------------------- */

static void
test_saved_once_named_privately(void **st)
{
	struct flow f;
	struct flow_entries l;
	char *sessions = xasprintf("%s/sessions", state), *cause = NULL, *file;

	(void)st;
	umask(0);	/* folders 0700 and files 0600 come from the program */
	flow_init(&f, state, fixture_content(), fixture_now);
	flow_new(&f);
	apply_ok(&f, (struct action){ .kind = ACTION_SET_AGE, .number = 9 });
	assert_int_equal(count_files(sessions), 0);	/* no name, no file */

	apply_ok(&f, (struct action){ .kind = ACTION_SET_CHILD, .text = "Zoë" });
	assert_int_equal(count_files(sessions), 1);
	assert_non_null(f.s.id);
	assert_mode(state, 0700);
	assert_mode(sessions, 0700);
	file = xasprintf("%s/%s.yaml", sessions, f.s.id);
	assert_mode(file, 0600);
	{
		char *text = slurp(file);

		HAS(text, "Zoë");
		free(text);
	}

	/* Each change is on disk at once. */
	apply_ok(&f, (struct action){ .kind = ACTION_SET_GROWN_UP, .text = "Alex 李" });
	{
		char *text = slurp(file);

		HAS(text, "Alex 李");
		free(text);
	}

	assert_int_equal(flow_list(&f, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].id, f.s.id);
	assert_string_equal(l.items[0].child, "Zoë");
	assert_int_equal(l.items[0].stage, STAGE_FAMILY);
	assert_non_null(l.items[0].describe);
	flow_entries_cleanup(&l);
	free(file);
	free(sessions);
	flow_cleanup(&f);
}

static void
test_refused_action_changes_nothing(void **st)
{
	struct flow f;
	char *cause = NULL;

	(void)st;
	flow_init(&f, state, fixture_content(), fixture_now);
	assert_int_equal(flow_apply(&f, &(struct action){ .kind = ACTION_SET_CHILD,
	    .text = "Sam" }, &cause), -1);
	assert_string_equal(cause, "No conversation is open.");
	free(cause);
	cause = NULL;

	family(&f, "Sam");
	assert_int_equal(flow_apply(&f, &(struct action){ .kind = ACTION_SET_AGE,
	    .number = 99 }, &cause), -1);
	assert_non_null(cause);
	assert_null(strstr(cause, "Not saved"));	/* refused, not a disk problem */
	assert_int_equal(f.s.age, 9);
	free(cause);
	flow_cleanup(&f);
}

static void
test_failed_save_keeps_the_change(void **st)
{
	struct flow f;
	char *cause = NULL;
	FILE *fp;

	(void)st;
	/* The state folder's place is taken by a file. */
	fp = fopen(state, "w");
	assert_non_null(fp);
	fclose(fp);
	flow_init(&f, state, fixture_content(), fixture_now);
	flow_new(&f);
	assert_int_equal(flow_apply(&f, &(struct action){ .kind = ACTION_SET_CHILD,
	    .text = "Sam" }, &cause), 1);
	HAS(cause, "Not saved: ");
	HAS(cause, state);
	assert_string_equal(f.s.child, "Sam");	/* kept in memory */
	assert_non_null(f.unsaved);		/* and known not to be on disk */
	HAS(f.unsaved, "Not saved: ");
	free(cause);
	flow_cleanup(&f);

	/* No HOME and no XDG_STATE_HOME: nowhere to keep anything. */
	cause = NULL;
	flow_init(&f, NULL, fixture_content(), fixture_now);
	flow_new(&f);
	assert_int_equal(flow_apply(&f, &(struct action){ .kind = ACTION_SET_CHILD,
	    .text = "Sam" }, &cause), 1);
	HAS(cause, "Not saved: There is nowhere to keep conversations");
	assert_string_equal(f.s.child, "Sam");
	free(cause);
	{
		struct flow_entries l;

		assert_int_equal(flow_list(&f, &l, &cause), 0);
		assert_int_equal(l.n, 0);
		flow_entries_cleanup(&l);
	}
	flow_cleanup(&f);
}

/* ---- sessions: open, adopt, list ---------------------------------------- */

static void
test_open_adopt_and_list(void **st)
{
	struct flow f;
	struct flow_entries l;
	struct session s;
	char *cause = NULL, *id, *bad;
	FILE *fp;

	(void)st;
	flow_init(&f, state, fixture_content(), fixture_now);
	family(&f, "Sam");
	apply_ok(&f, (struct action){ .kind = ACTION_ANSWER, .id = "p-people",
	    .text = "Friends", .text2 = "Good" });
	id = xstrdup(f.s.id);
	flow_close(&f);
	assert_false(f.open);
	assert_null(flow_current(&f));

	assert_int_equal(flow_open(&f, id, &cause), 0);
	assert_true(f.open);
	assert_string_equal(f.s.child, "Sam");
	assert_int_equal(f.n_prompts, 3);
	assert_int_equal(f.s.position, 1);
	assert_string_equal(flow_current(&f)->id, "p-photos");

	/* A damaged file is left out of the list; a missing id is refused. */
	bad = xasprintf("%s/sessions/broken.yaml", state);
	fp = fopen(bad, "w");
	assert_non_null(fp);
	fputs("format: [unclosed\n", fp);
	fclose(fp);
	assert_int_equal(flow_list(&f, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].id, id);
	flow_entries_cleanup(&l);

	assert_int_equal(flow_open(&f, "no-such-session", &cause), -1);
	assert_non_null(cause);
	assert_false(f.open);
	free(cause);

	/* Adopting takes the caller's session and leaves it empty. */
	session_init(&s);
	s.id = xstrdup("adopted");
	assert_int_equal(session_apply(&s, fixture_content(), &(struct action){
	    .kind = ACTION_SET_CHILD, .text = "Kim" }, FIXTURE_NOW, &cause), 0);
	flow_adopt(&f, &s);
	assert_null(s.child);
	assert_null(s.id);
	assert_true(f.open);
	assert_string_equal(f.s.child, "Kim");
	session_cleanup(&s);

	free(bad);
	free(id);
	flow_cleanup(&f);
}

/* ---- the conversation ---------------------------------------------------- */

static void
test_prompts_position_and_counts(void **st)
{
	struct flow f;

	(void)st;
	flow_init(&f, state, fixture_content(), fixture_now);
	flow_new(&f);
	assert_null(flow_template(&f));		/* no band yet */
	family(&f, "Sam");
	assert_non_null(flow_template(&f));
	assert_string_equal(flow_template(&f)->id, "agreement-test");
	/* The 8-10 prompts in topic order. */
	assert_int_equal(f.n_prompts, 3);
	assert_string_equal(f.prompts[0]->id, "p-people");
	assert_string_equal(f.prompts[1]->id, "p-photos");
	assert_string_equal(f.prompts[2]->id, "p-worried");
	assert_string_equal(flow_current(&f)->id, "p-people");

	apply_ok(&f, (struct action){ .kind = ACTION_ANSWER, .id = "p-people",
	    .text = "Friends", .text2 = "" });
	assert_string_equal(flow_current(&f)->id, "p-photos");
	apply_ok(&f, (struct action){ .kind = ACTION_SKIP, .id = "p-photos" });
	apply_ok(&f, (struct action){ .kind = ACTION_LATER, .id = "p-worried" });
	assert_null(flow_current(&f));		/* past the end */
	assert_int_equal(flow_count(&f, ANSWER_GIVEN), 1);
	assert_int_equal(flow_count(&f, ANSWER_SKIPPED), 1);
	assert_int_equal(flow_count(&f, ANSWER_LATER), 1);

	/* A new band brings its own prompts. */
	apply_ok(&f, (struct action){ .kind = ACTION_BACK });
	apply_ok(&f, (struct action){ .kind = ACTION_SET_AGE, .number = 5 });
	assert_int_equal(f.n_prompts, 2);
	assert_string_equal(f.prompts[0]->id, "p-people");
	assert_string_equal(f.prompts[1]->id, "p-other");
	flow_cleanup(&f);
}

static void
test_clause_text(void **st)
{
	struct flow f;
	const struct template *t;
	char *s;

	(void)st;
	flow_init(&f, state, fixture_content(), fixture_now);
	flow_new(&f);
	apply_ok(&f, (struct action){ .kind = ACTION_SET_AGE, .number = 9 });
	t = flow_template(&f);
	assert_non_null(t);
	/* Before names: the roles; blanks: their defaults. */
	s = flow_clause_text(&f, &t->sections[0].clauses[1]);
	assert_string_equal(s, "the child plays up to 45 minutes of games, using a drawing app.");
	free(s);
	s = flow_clause_text(&f, &t->sections[1].clauses[1]);
	assert_string_equal(s, "the grown-ups will listen first if the child is worried.");
	free(s);

	apply_ok(&f, (struct action){ .kind = ACTION_SET_CHILD, .text = "Sam" });
	apply_ok(&f, (struct action){ .kind = ACTION_SET_GROWN_UP, .text = "Alex" });
	apply_ok(&f, (struct action){ .kind = ACTION_SET_GROWN_UP, .index = 1, .text = "Jo" });
	apply_ok(&f, (struct action){ .kind = ACTION_SET_GROWN_UP, .index = 2, .text = "Kim" });
	apply_ok(&f, (struct action){ .kind = ACTION_SET_REGION, .id = "UK" });
	apply_ok(&f, (struct action){ .kind = ACTION_START_TALKING });
	apply_ok(&f, (struct action){ .kind = ACTION_START_AGREEING });
	apply_ok(&f, (struct action){ .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "20:15" });
	apply_ok(&f, (struct action){ .kind = ACTION_SET_BLANK, .id = "room", .text = "the hall" });
	s = flow_clause_text(&f, &t->sections[0].clauses[0]);
	assert_string_equal(s, "All our devices go to bed at 20:15 in the hall.");
	free(s);
	s = flow_clause_text(&f, &t->sections[1].clauses[1]);
	assert_string_equal(s, "Alex, Jo and Kim will listen first if Sam is worried.");
	free(s);
	flow_cleanup(&f);
}

/* ---- the signed agreement ------------------------------------------------ */

static void
test_review_lines(void **st)
{
	struct flow f;
	struct render_lines rl;
	char *cause = NULL;
	bool child = false, rule = false;

	(void)st;
	flow_init(&f, state, fixture_content(), fixture_now);
	assert_int_equal(flow_review_lines(&f, 60, &rl, &cause), -1);
	HAS(cause, "No conversation is open.");
	free(cause);
	cause = NULL;

	family(&f, "Sam");
	to_signed(&f, "Phones sleep downstairs");
	assert_int_equal(flow_review_lines(&f, 40, &rl, &cause), 0);
	assert_true(rl.n > 10);
	for (size_t i = 0; i < rl.n; i++) {
		if (text_width(rl.lines[i].text, strlen(rl.lines[i].text)) > 40)
			fail_msg("line %zu is wider than 40: %s", i, rl.lines[i].text);
		child |= strstr(rl.lines[i].text, "Sam") != NULL;
		rule |= strstr(rl.lines[i].text, "Phones sleep downstairs") != NULL;
	}
	assert_true(child);
	assert_true(rule);
	render_lines_cleanup(&rl);
	flow_cleanup(&f);
}

static void
test_write_agreement(void **st)
{
	struct flow f;
	char *cause = NULL, *dir = xasprintf("%s/agreements", state), *want, *md;

	(void)st;
	umask(0);
	flow_init(&f, state, fixture_content(), fixture_now);
	family(&f, "Sam");
	assert_int_equal(flow_write(&f, &cause), -1);
	assert_string_equal(cause, "The agreement is not signed yet.");
	free(cause);
	cause = NULL;

	to_signed(&f, "Phones sleep downstairs");
	assert_int_equal(flow_write(&f, &cause), 0);
	assert_null(cause);
	want = xasprintf("%s/agreement-sam-2026-11-29.md", dir);
	assert_string_equal(f.out_md, want);
	free(want);
	want = xasprintf("%s/agreement-sam-2026-11-29.html", dir);
	assert_string_equal(f.out_html, want);
	free(want);
	want = xasprintf("%s/agreement-sam-2026-11-29.txt", dir);
	assert_string_equal(f.out_txt, want);
	free(want);
	/* The review date for a calendar, beside them. */
	want = xasprintf("%s/agreement-sam-2026-11-29.ics", dir);
	assert_string_equal(f.out_ics, want);
	free(want);
	assert_mode(dir, 0700);
	assert_mode(f.out_md, 0600);
	assert_mode(f.out_html, 0600);
	assert_mode(f.out_txt, 0600);
	assert_mode(f.out_ics, 0600);
	md = slurp(f.out_ics);
	HAS(md, "BEGIN:VEVENT\r\n");
	HAS(md, "\r\nDTSTART;VALUE=DATE:");
	free(md);
	md = slurp(f.out_md);
	HAS(md, "Phones sleep downstairs");
	free(md);
	/* The fingerprint as printed: 8 groups of 4 hex digits. */
	assert_non_null(f.fingerprint);
	assert_int_equal(strlen(f.fingerprint), 39);
	assert_int_equal(strspn(f.fingerprint, "0123456789abcdef "), 39);
	md = slurp(f.out_txt);
	HAS(md, f.fingerprint);
	free(md);

	/* Written again: the same files, nothing new. */
	assert_int_equal(flow_write(&f, &cause), 0);
	want = xasprintf("%s/agreement-sam-2026-11-29.md", dir);
	assert_string_equal(f.out_md, want);
	free(want);
	assert_int_equal(count_files(dir), 4);

	/* Its .md changed by hand: said, left alone, and no "-2" copies. */
	{
		FILE *fp = fopen(f.out_md, "a");
		char *edited = xstrdup(f.out_md);

		assert_non_null(fp);
		fputs("\nWe changed our minds about bedtime.\n", fp);
		fclose(fp);
		assert_int_equal(flow_write(&f, &cause), -1);
		HAS(cause, "was changed after it was signed");
		HAS(cause, "talkpact verify");
		free(cause);
		cause = NULL;
		assert_int_equal(count_files(dir), 4);
		md = slurp(edited);
		HAS(md, "We changed our minds about bedtime.");
		free(md);
		free(edited);
	}

	/* Another agreement for Sam on the same day gets "-2". */
	family(&f, "Sam");
	to_signed(&f, "Tablets stay in the kitchen");
	assert_int_equal(flow_write(&f, &cause), 0);
	want = xasprintf("%s/agreement-sam-2026-11-29-2.md", dir);
	assert_string_equal(f.out_md, want);
	free(want);
	assert_int_equal(count_files(dir), 8);

	/* A change after writing forgets the old paths. */
	apply_ok(&f, (struct action){ .kind = ACTION_BACK });
	assert_null(f.out_md);
	assert_null(f.fingerprint);
	free(dir);
	flow_cleanup(&f);
}

static void
test_write_fails(void **st)
{
	struct flow f;
	char *cause = NULL, *dir = xasprintf("%s/agreements", state);
	FILE *fp;

	(void)st;
	flow_init(&f, state, fixture_content(), fixture_now);
	family(&f, "Sam");
	to_signed(&f, "Phones sleep downstairs");
	/* The agreements folder's place is taken by a file. */
	fp = fopen(dir, "w");
	assert_non_null(fp);
	fclose(fp);
	assert_int_equal(flow_write(&f, &cause), -1);
	HAS(cause, "The agreement was not written: ");
	HAS(cause, dir);
	assert_null(f.out_md);
	assert_null(f.fingerprint);
	free(cause);
	flow_cleanup(&f);

	cause = NULL;
	flow_init(&f, NULL, fixture_content(), fixture_now);
	flow_new(&f);
	apply_ok(&f, (struct action){ .kind = ACTION_SET_AGE, .number = 9 });
	assert_int_equal(flow_write(&f, &cause), -1);
	assert_non_null(cause);
	free(cause);
	free(dir);
	flow_cleanup(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_saved_once_named_privately, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_action_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_save_keeps_the_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_adopt_and_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prompts_position_and_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clause_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_agreement, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_fails, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
