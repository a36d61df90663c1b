/*
 * test_store.c: session files: exact round trips (also of thousands of
 * hostile strings), damaged and newer files refused with FILE:LINE:COL,
 * never saved over, private modes, atomic saves leave no temp files,
 * listing and finding by id, prefix and path.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "hostile.h"
#include "session.h"
#include "session_store.h"
#include "util.h"

static char tmpdir[64];

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/tp-store-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc;
}

static void
apply_ok(struct session *s, struct action a)
{
	char *cause = NULL;

	if (session_apply(s, fixture_content(), &a, FIXTURE_NOW, &cause) != 0)
		fail_msg("apply %s: %s", action_id(a.kind), cause);
}

/* A session with something in every field. */
static void
full_session(struct session *s)
{
	session_init(s);
	s->id = xstrdup("2026-11-29-sam-1412");
	apply_ok(s, (struct action){ .kind = ACTION_SET_CHILD, .text = "Sam" });
	apply_ok(s, (struct action){ .kind = ACTION_SET_AGE, .number = 9 });
	apply_ok(s, (struct action){ .kind = ACTION_SET_GROWN_UP, .text = "Alex \"Al\" Smith" });
	apply_ok(s, (struct action){ .kind = ACTION_SET_GROWN_UP, .index = 1, .text = "Jo: the 2nd" });
	apply_ok(s, (struct action){ .kind = ACTION_SET_REGION, .id = "UK" });
	apply_ok(s, (struct action){ .kind = ACTION_START_TALKING });
	apply_ok(s, (struct action){ .kind = ACTION_ANSWER, .id = "p-people",
	    .text = "  Jo\n\tand # me\n\n- yes ", .text2 = "We'll see: maybe" });
	apply_ok(s, (struct action){ .kind = ACTION_SET_VOICE, .id = "p-people",
	    .index = 1, .text = "Jo's own: \"fine\"" });
	apply_ok(s, (struct action){ .kind = ACTION_LATER, .id = "p-photos" });
	apply_ok(s, (struct action){ .kind = ACTION_SKIP, .id = "p-worried" });
	apply_ok(s, (struct action){ .kind = ACTION_SET_TOPICS, .number =
	    (long)(SESSION_TOPIC_BIT(TOPIC_PEOPLE) | SESSION_TOPIC_BIT(TOPIC_PHOTOS)) });
	apply_ok(s, (struct action){ .kind = ACTION_SET_TALK, .number = TALK_SHORT });
	apply_ok(s, (struct action){ .kind = ACTION_START_AGREEING });
	apply_ok(s, (struct action){ .kind = ACTION_SET_CLAUSE, .id = "meals", .flag = true });
	apply_ok(s, (struct action){ .kind = ACTION_SET_CLAUSE, .id = "bed", .flag = false });
	apply_ok(s, (struct action){ .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "20:00" });
	apply_ok(s, (struct action){ .kind = ACTION_SET_BLANK, .id = "apps", .text = "true" });
	apply_ok(s, (struct action){ .kind = ACTION_ADD_RULE, .text = "No phones\nat the table", .number = BINDS_EVERYONE });
	apply_ok(s, (struct action){ .kind = ACTION_SET_NOT_AGREED, .id = "rule/1",
	    .text = "Sam", .text2 = "not at breakfast", .flag = true });
	apply_ok(s, (struct action){ .kind = ACTION_SET_PROMISE, .id = "explain", .flag = true });
	apply_ok(s, (struct action){ .kind = ACTION_SET_REVIEW, .number = 12 });
	apply_ok(s, (struct action){ .kind = ACTION_START_SIGNING });
	apply_ok(s, (struct action){ .kind = ACTION_SIGN, .number = ROLE_GROWN_UP, .index = 1, .text = "Jo", .when = 1795961600 });
	apply_ok(s, (struct action){ .kind = ACTION_SIGN, .number = ROLE_CHILD, .text = "Sam", .when = 1795961520 });
	apply_ok(s, (struct action){ .kind = ACTION_SET_DRAFT, .id = "rule/new", .text = "half a rule:\n\t\"quoted\"" });
	s->created = 1795960000;
	s->updated = 1795961620;
}

static void
test_round_trip(void **state)
{
	struct session s, t;
	struct diag_list d;
	char *a, *b;

	(void)state;
	full_session(&s);
	a = session_store_format(&s);
	assert_non_null(a);
	assert_non_null(strstr(a, "\nformat: 2\n"));
	assert_non_null(strstr(a, "child: \"  Jo\\n\\tand # me\\n\\n- yes \""));
	session_init(&t);
	diag_list_init(&d);
	if (session_store_load_buffer("x.yaml", a, strlen(a), &t, &d) != 0)
		fail_msg("%s", diag_string(&d.items[0]));
	assert_string_equal(t.id, s.id);
	assert_int_equal(t.stage, STAGE_SIGNING);
	assert_string_equal(t.grown_ups[0], "Alex \"Al\" Smith");
	assert_string_equal(t.grown_ups[1], "Jo: the 2nd");
	assert_string_equal(t.answers[0].child, "  Jo\n\tand # me\n\n- yes ");
	assert_int_equal(t.answers[1].state, ANSWER_LATER);
	assert_int_equal(t.answers[2].state, ANSWER_SKIPPED);
	assert_string_equal(t.blanks[1].value, "true");
	assert_int_equal(t.signatures[0].grown_up, 1);
	assert_int_equal(t.signatures[0].when, 1795961600);
	assert_int_equal(t.created, 1795960000);
	assert_int_equal(t.review_months, 12);
	assert_non_null(strstr(a, "\ntalk: short\n"));
	assert_int_equal(t.talk, TALK_SHORT);
	assert_non_null(strstr(a, "\ntopics: [people, photos]\n"));
	assert_int_equal(t.topics, SESSION_TOPIC_BIT(TOPIC_PEOPLE) |
	    SESSION_TOPIC_BIT(TOPIC_PHOTOS));
	/* Every side's optional keys in one file: topics, voices, not-agreed. */
	assert_non_null(strstr(a, "\n  voices:\n    'Jo: the 2nd': \"Jo's own: \\\"fine\\\"\"\n"));
	assert_string_equal(session_voice(&t.answers[0], "Jo: the 2nd"), "Jo's own: \"fine\"");
	assert_non_null(strstr(a, "\nnot-agreed:\n"));
	assert_false(session_item_agreed(&t, "rule/1"));
	assert_string_equal(session_not_agreed(&t, "rule/1", 0)->reason, "not at breakfast");
	assert_non_null(strstr(a, "\ndrafts:\n"));
	assert_string_equal(session_draft(&t, "rule/new"), "half a rule:\n\t\"quoted\"");
	b = session_store_format(&t);
	assert_string_equal(a, b);
	free(a);
	free(b);
	diag_list_cleanup(&d);
	session_cleanup(&s);
	session_cleanup(&t);
}

/* Thousands of hostile answers, names and rules come back byte for byte. */
static void
test_hostile_round_trip(void **state)
{
	uint64_t seed = 0x5eed5eed1234ULL;
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	for (int i = 0; i < 2000; i++) {
		struct session s, t;
		char *ans = hostile_string(&seed, 12, false);
		char *name = hostile_string(&seed, 4, true);
		char *rule = hostile_string(&seed, 8, false);
		char *f;

		full_session(&s);
		free(s.answers[0].child);
		s.answers[0].child = xstrdup(ans);
		if (name[strspn(name, " ")] != '\0' && strlen(name) <= SESSION_MAX_NAME_BYTES) {
			free(s.child);
			s.child = xstrdup(name);
		}
		free(s.rules[0].text);
		s.rules[0].text = xstrdup(rule);
		f = session_store_format(&s);
		assert_non_null(f);
		session_init(&t);
		if (session_store_load_buffer("h.yaml", f, strlen(f), &t, &d) != 0)
			fail_msg("seed round %d: %s\n%s", i, diag_string(&d.items[0]), f);
		assert_string_equal(t.answers[0].child, ans);
		assert_string_equal(t.rules[0].text, rule);
		assert_string_equal(t.child, s.child);
		free(f);
		free(ans);
		free(name);
		free(rule);
		session_cleanup(&s);
		session_cleanup(&t);
	}
	diag_list_cleanup(&d);
}

/* Load text; expect failure with "name:LINE:COL: error: ...want..." */
static void
expect_bad(const char *text, const char *want)
{
	struct session s;
	struct diag_list d;
	char *msg;

	session_init(&s);
	diag_list_init(&d);
	assert_int_equal(session_store_load_buffer("bad.yaml", text,
	    strlen(text), &s, &d), -1);
	assert_true(d.n >= 1);
	msg = diag_string(&d.items[0]);
	if (strstr(msg, want) == NULL)
		fail_msg("'%s' lacks '%s'", msg, want);
	assert_null(s.child);
	free(msg);
	diag_list_cleanup(&d);
}

static void
test_damaged(void **state)
{
	(void)state;
	expect_bad("", "bad.yaml:1:1: error: the file is empty");
	expect_bad("format: 1\nstage: [talking\n", "bad.yaml:3:1: error: this is not a readable session file");
	expect_bad("- a\n- b\n", "bad.yaml:1:1: error: this is not a session file");
	expect_bad("stage: family\n", "'format' is missing");
	expect_bad("format: 3\nstage: wobbly\nfuture: yes\n",
	    "bad.yaml:1:9: error: this session was saved by a newer talkpact (format 3)");
	expect_bad("format: one\n", "bad.yaml:1:9: error: format must be a number");
	expect_bad("format: 1\nstage: talking\nstage: family\n", "bad.yaml:3:1: error: duplicate key 'stage' in a session file (first given at line 2)");
	expect_bad("format: 1\nstage: family\nfamliy: {}\n", "bad.yaml:3:1: error: unknown key 'famliy'");
	expect_bad("format: 1\nstage: family\ntalk: brief\n", "bad.yaml:3:7: error: talk must be all, short or topics");
	expect_bad("format: 1\nstage: family\ntopics: [people, nope]\n", "bad.yaml:3:18: error: topics: not a topic talkpact knows");
	expect_bad("format: 1\nstage: family\ntopics: people\n", "bad.yaml:3:9: error: topics must be a list");
	expect_bad("format: 1\nstage: done\n", "bad.yaml:2:8: error: stage must be family, talking, agreeing, signing, signed or reviewing");
	expect_bad("format: 1\nstage: family\nfamily:\n  age: 30\n", "bad.yaml:4:8: error: age must be from 4 to 17");
	expect_bad("format: 1\nstage: family\nfamily:\n  child: \"a\\x1bb\"\n", "bad.yaml:4:10: error: text contains control character U+001B");
	expect_bad("format: 1\nstage: family\nfamily:\n  child: \"a\\nb\"\n", "bad.yaml:4:10: error: The child's name must be one line");
	expect_bad("format: 1\nstage: family\nfamily:\n  child: \"a\\0b\"\n", "bad.yaml:4:10: error: text contains a NUL character");
	expect_bad("format: 1\nstage: family\nfamily:\n  child: \"a\xff\"\n", "bad.yaml:4:12: error: invalid UTF-8 (byte 0xff); session files must be saved as UTF-8");
	expect_bad("format: 1\nstage: talking\n", "the family's details are incomplete");
	expect_bad("format: 1\nstage: family\nx: &a 1\n", "bad.yaml:3:4: error: anchors (&a) are not allowed in session files");
	expect_bad("format: 1\nstage: &a family\n", "bad.yaml:2:8: error: anchors (&a) are not allowed in session files");
	expect_bad("format: 1\nstage: family\nanswers:\n  - prompt: p\n    state: maybe\n", "bad.yaml:5:12: error: state must be open, given, skipped or later");
	expect_bad("format: 1\nstage: family\nanswers:\n  - {prompt: p, state: open}\n  - {prompt: p, state: open}\n", "bad.yaml:5:5: error: prompt 'p' is answered twice");
	expect_bad("format: 1\nstage: family\nclauses: {bed: yes}\n", "bad.yaml:3:16: error: clauses must be true or false");
	expect_bad("format: 1\nstage: family\nreview-months: 5\n", "review-months must be 1, 3, 6 or 12");
	expect_bad("format: 1\nstage: family\nsignatures:\n  - {role: grown-up, grown-up: 1, name: A, time: 2026-11-29T14:12:00Z}\n",
	    "grown-up must be from 1 to 0");
	expect_bad("format: 1\nstage: family\nfamily: {child: Sam, grown-ups: [A]}\nsignatures:\n  - {role: child, name: A, time: yesterday}\n",
	    "bad.yaml:5:34: error: time must be a UTC time like 2026-11-29T14:32:00Z");
	expect_bad("format: 1\nstage: family\n---\nformat: 1\n", "bad.yaml:3:1: error: a second YAML document ('---'); a session file holds one");
}

static char *
store_dir(void)
{
	return xasprintf("%s/state/talkpact", tmpdir);
}

static size_t
count_files(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strstr(de->d_name, part) != NULL)
			n++;
	closedir(d);
	return n;
}

static void
test_store_files(void **state)
{
	struct session_store st;
	struct session s, t;
	struct stat sb;
	struct diag_list d;
	char *cause = NULL, *sd = store_dir(), *path, *got = NULL, *msg;
	FILE *f;

	(void)state;
	/* A loose existing state folder is made private. */
	path = xasprintf("%s/state", tmpdir);
	assert_int_equal(mkdir(path, 0755), 0);
	free(path);
	assert_int_equal(mkdir(sd, 0755), 0);
	assert_int_equal(session_store_open(&st, sd, &cause), 0);
	assert_int_equal(stat(sd, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(stat(st.dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);

	full_session(&s);
	session_store_new_id(&st, &s, 1795961520);
	assert_non_null(strstr(s.id, "-sam-"));
	assert_int_equal(session_store_save(&st, &s, &cause), 0);
	path = session_store_path(&st, s.id);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(count_files(st.dir, s.id), 1);
	assert_int_equal(count_files(st.dir, ".tmp-"), 0);
	/* Saving again replaces it; still one file. */
	assert_int_equal(session_store_save(&st, &s, &cause), 0);
	assert_int_equal(count_files(st.dir, s.id), 1);

	/* A second session for the same child and minute gets its own id. */
	session_init(&t);
	t.child = xstrdup("Sam");
	session_store_new_id(&st, &t, 1795961520);
	assert_string_not_equal(t.id, s.id);
	assert_non_null(strstr(t.id, "-2"));
	assert_int_equal(session_store_save(&st, &t, &cause), 0);

	/* Find by id, by prefix, by path; ambiguous and missing prefixes. */
	diag_list_init(&d);
	session_cleanup(&t);
	assert_int_equal(session_store_load(&st, s.id, &t, &got, &d), 0);
	assert_string_equal(got, path);
	free(got);
	assert_int_equal(session_store_load(&st, path, &t, NULL, &d), 0);
	assert_string_equal(t.id, s.id);
	assert_int_equal(session_store_load(&st, "2026", &t, NULL, &d), -1);
	msg = diag_string(&d.items[d.n - 1]);
	assert_non_null(strstr(msg, "matches 2 sessions"));
	free(msg);
	assert_int_equal(session_store_load(&st, "1999", &t, NULL, &d), -1);
	assert_int_equal(d.items[d.n - 1].kind, DIAG_MISSING);
	assert_int_equal(session_store_load(&st, "/nope/x.yaml", &t, NULL, &d), -1);
	assert_int_equal(d.items[d.n - 1].kind, DIAG_MISSING);
	diag_list_cleanup(&d);

	/* Damage the file: it is listed as broken and never saved over. */
	f = fopen(path, "w");
	fputs("format: 1\nstage: [\n", f);
	fclose(f);
	assert_int_equal(session_store_save(&st, &s, &cause), -1);
	assert_non_null(strstr(cause, "not saving over"));
	assert_non_null(strstr(cause, ".yaml:3:1: error:"));
	free(cause);
	cause = NULL;
	f = fopen(path, "r");
	{
		char buf[64] = "";
		size_t n = fread(buf, 1, sizeof buf - 1, f);

		buf[n] = '\0';
		assert_string_equal(buf, "format: 1\nstage: [\n");
	}
	fclose(f);
	assert_int_equal(count_files(st.dir, ".tmp-"), 0);
	/* A newer format is not saved over either. */
	f = fopen(path, "w");
	fputs("format: 7\n", f);
	fclose(f);
	assert_int_equal(session_store_save(&st, &s, &cause), -1);
	assert_non_null(strstr(cause, "newer talkpact"));
	free(cause);

	{
		struct session_list l;

		diag_list_init(&d);
		assert_int_equal(session_store_list(&st, &l, &d), 0);
		assert_int_equal(l.n, 2);
		assert_true(l.items[0].ok);
		assert_false(l.items[1].ok);
		assert_int_equal(d.n_errors, 1);
		session_list_cleanup(&l);
		diag_list_cleanup(&d);
	}
	free(path);
	free(sd);
	session_cleanup(&s);
	session_cleanup(&t);
	session_store_cleanup(&st);
}

/* full_session() signed by everyone, in Kiritimati (UTC+14). */
static void
signed_session(struct session *s)
{
	full_session(s);
	apply_ok(s, (struct action){ .kind = ACTION_SET_DRAFT, .id = "rule/new" });
	apply_ok(s, (struct action){ .kind = ACTION_SIGN, .number = ROLE_GROWN_UP,
	    .index = 0, .text = "Alex", .when = 1795961640, .utc_offset = 14 * 3600 });
	assert_int_equal(s->stage, STAGE_SIGNED);
	s->updated = 1795961640;
}

static void
load_ok(const char *text, struct session *t)
{
	struct diag_list d;

	session_init(t);
	diag_list_init(&d);
	if (session_store_load_buffer("s.yaml", text, strlen(text), t, &d) != 0)
		fail_msg("%s", diag_string(&d.items[0]));
	diag_list_cleanup(&d);
}

/* Replace the first from in text by to. */
static char *
edit(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);

	if (at == NULL)
		fail_msg("no '%s' in:\n%s", from, text);
	return xasprintf("%.*s%s%s", (int)(at - text), text, to,
	    at + strlen(from));
}

/*
 * Format 2: signing freezes the words, each signer's own date and offset,
 * and a digest, all after signatures:; the file reads back byte for byte.
 */
static void
test_signed_round_trip(void **state)
{
	struct session s, t;
	char *a, *b, *sig, *sd;

	(void)state;
	signed_session(&s);
	assert_non_null(s.frozen);
	assert_int_equal(session_signed_check(&s), 1);
	/* 2026-11-29T10:14Z is already the 30th in Kiritimati. */
	assert_string_equal(s.signatures[2].date, "2026-11-30");
	assert_string_equal(s.signatures[0].date, "2026-11-29");
	assert_string_equal(s.frozen->date, "30 November 2026");
	assert_string_equal(s.frozen->review_day, "2027-11-30");
	assert_non_null(strstr(s.frozen->markdown, "agreed on 30 November 2026"));
	assert_non_null(strstr(s.frozen->markdown, "SHA-256 fingerprint: "));
	a = session_store_format(&s);
	assert_non_null(a);
	sig = strstr(a, "\nsignatures:\n");
	sd = strstr(a, "\nsigned:\n");
	assert_non_null(sig);
	assert_non_null(sd);
	assert_true(sd > sig);
	/* Nothing but signing after signatures: (drafts come before). */
	assert_null(strstr(sig, "\ndrafts:"));
	assert_non_null(strstr(a, "\n  date: 2026-11-30\n  offset: \"+14:00\"\n"));
	assert_non_null(strstr(sd, "\n  digest: "));
	assert_non_null(strstr(sd, "\n  fingerprint: "));
	load_ok(a, &t);
	assert_int_equal(t.stage, STAGE_SIGNED);
	assert_int_equal(session_signed_check(&t), 1);
	assert_false(t.changed_after_signing);
	assert_int_equal(t.signatures[2].utc_offset, 14 * 3600);
	assert_string_equal(t.frozen->markdown, s.frozen->markdown);
	assert_string_equal(t.frozen->digest, s.frozen->digest);
	b = session_store_format(&t);
	assert_string_equal(a, b);
	free(b);
	session_cleanup(&t);

	/* Cut at signatures: a valid unsigned session, ready to sign again. */
	b = xstrndup(a, (size_t)(sig - a) + 1);
	load_ok(b, &t);
	assert_int_equal(t.stage, STAGE_SIGNING);
	assert_int_equal(t.n_signatures, 0);
	assert_null(t.frozen);
	assert_int_equal(session_signed_check(&t), 0);
	assert_string_equal(t.blanks[0].value, "20:00");
	free(b);
	session_cleanup(&t);
	/* Cut inside signed: (the block gone, the signatures kept): unsigned too. */
	b = xstrndup(a, (size_t)(sd - a) + 1);
	load_ok(b, &t);
	assert_int_equal(t.stage, STAGE_SIGNING);
	free(b);
	session_cleanup(&t);
	free(a);
	session_cleanup(&s);
}

/* A blank edited after signing: loads, is seen, is never saved or rendered. */
static void
test_changed_after_signing(void **state)
{
	struct session s, t;
	char *a, *b, *c, *cause = NULL, *path;
	FILE *f;

	(void)state;
	signed_session(&s);
	a = session_store_format(&s);
	b = edit(a, "bedtime: \"20:00\"", "bedtime: \"21:30\"");
	load_ok(b, &t);
	assert_int_equal(t.stage, STAGE_SIGNED);
	assert_true(t.changed_after_signing);
	assert_int_equal(session_signed_check(&t), -1);
	session_cleanup(&t);
	/* The frozen words edited too: still caught by the digest. */
	c = edit(a, "We will look at this again", "We will look at this again soon");
	load_ok(c, &t);
	assert_int_equal(session_signed_check(&t), -1);
	free(c);
	/* An answer edited (the family's own data). */
	c = edit(a, "We'll see: maybe", "We'll see");
	session_cleanup(&t);
	load_ok(c, &t);
	assert_int_equal(session_signed_check(&t), -1);
	free(c);
	/* A signer's date edited. */
	c = edit(a, "date: 2026-11-30", "date: 2026-11-29");
	session_cleanup(&t);
	load_ok(c, &t);
	assert_int_equal(session_signed_check(&t), -1);
	free(c);

	/* Never written, never written over. */
	path = xasprintf("%s/changed.yaml", tmpdir);
	assert_int_equal(session_store_save_path(path, &t, &cause), -1);
	assert_non_null(strstr(cause, "changed after signing"));
	free(cause);
	cause = NULL;
	f = fopen(path, "w");
	fputs(b, f);
	fclose(f);
	assert_int_equal(session_store_save_path(path, &s, &cause), -1);
	assert_non_null(strstr(cause, "changed after signing"));
	free(cause);
	free(path);
	free(a);
	free(b);
	session_cleanup(&s);
	session_cleanup(&t);
}

/* Format 1 still loads: UTC dates; a signed one is never rewritten. */
static void
test_format1(void **state)
{
	static const char f1[] =
	    "format: 1\nid: \"x\"\nstage: signed\n"
	    "family: {child: \"Sam\", age: 9, band: 8-10, grown-ups: [\"Alex\"]}\n"
	    "template: \"t-8-10\"\n"
	    "signatures:\n"
	    "  - {role: child, name: \"Sam\", time: 2026-11-29T23:30:00Z}\n"
	    "  - {role: grown-up, grown-up: 1, name: \"Alex\", time: 2026-11-29T23:40:00Z}\n";
	struct session t;
	char *cause = NULL, *path = xasprintf("%s/f1.yaml", tmpdir);
	FILE *f;

	(void)state;
	load_ok(f1, &t);
	assert_int_equal(t.format_version, 1);
	assert_int_equal(t.stage, STAGE_SIGNED);
	assert_null(t.frozen);
	assert_int_equal(session_signed_check(&t), 0);
	assert_string_equal(t.signatures[1].date, "2026-11-29");
	assert_int_equal(t.signatures[1].utc_offset, 0);
	f = fopen(path, "w");
	fputs(f1, f);
	fclose(f);
	assert_int_equal(session_store_save_path(path, &t, &cause), -1);
	assert_non_null(strstr(cause, "older talkpact"));
	free(cause);
	session_cleanup(&t);
	/* signed: in a format-1 file, or in a file that is not signed. */
	expect_bad("format: 1\nstage: family\nsigned: {}\n", "'signed' is format 2");
	expect_bad("format: 2\nstage: family\nsigned: {}\n", "'signed' belongs to a signed session");
	expect_bad("format: 2\nstage: family\nfamily: {child: Sam, grown-ups: [A]}\nsignatures:\n  - {role: child, name: A, time: 2026-11-29T14:12:00Z}\n",
	    "needs its 'date' and 'offset'");
	expect_bad("format: 2\nstage: family\nfamily: {child: Sam, grown-ups: [A]}\nsignatures:\n  - {role: child, name: A, time: 2026-11-29T14:12:00Z, date: 2026-11-31, offset: \"+00:00\"}\n",
	    "a signature's date must be a date");
	expect_bad("format: 2\nstage: family\nfamily: {child: Sam, grown-ups: [A]}\nsignatures:\n  - {role: child, name: A, time: 2026-11-29T14:12:00Z, date: 2026-11-29, offset: \"+25:00\"}\n",
	    "a signature's offset must be");
	free(path);
}

static void
test_store_open_fails(void **state)
{
	struct session_store st;
	char *cause = NULL, *file = xasprintf("%s/afile", tmpdir);
	FILE *f = fopen(file, "w");

	(void)state;
	fclose(f);
	assert_int_equal(session_store_open(&st, file, &cause), -1);
	assert_non_null(strstr(cause, "afile"));
	free(cause);
	assert_int_equal(session_store_open(&st, NULL, &cause), -1);
	free(cause);
	free(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_hostile_round_trip),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_store_files),
		cmocka_unit_test(test_store_open_fails),
		cmocka_unit_test(test_signed_round_trip),
		cmocka_unit_test(test_changed_after_signing),
		cmocka_unit_test(test_format1),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
