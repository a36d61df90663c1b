/*
 * test_content.c: the content loader on in-memory buffers: what it builds
 * from good files, where it says bad ones go wrong, the replace/duplicate
 * rule, the id index and the enum names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

#include <cmocka.h>

#include "content.h"
#include "fill.h"
#include "diag.h"
#include "util.h"

static const char S_pack[] =
    "pack:\n"
    "  id: test-pack\n"
    "  title: A test pack\n"
    "  language: en-GB\n"
    "  version: 3\n"
    "prompts:\n"
    "  - id: photo-forward\n"
    "    bands: [8-10, 11-13]\n"
    "    topic: photos\n"
    "    question: If you sent a silly photo, who could see it?\n"
    "    tip: >\n"
    "      Children often think a photo\n"
    "      stays put.\n"
    "    follow-ups:\n"
    "      - What could you do?\n"
    "      - Who would you tell?\n"
    "    scenario: true\n"
    "    clauses: [bedtime-clause]\n"
    "    advice: [4, 5]\n"
    "  - id: quiet-one\n"
    "    bands: [4-7]\n"
    "    topic: worried\n"
    "    question: \"What if: something\"\n"
    "    tip: Listen.\n"
    "    short-talk: 2\n";

static const char S_template[] =
    "template:\n"
    "  id: agreement-8-10\n"
    "  title: Our family device agreement\n"
    "  band: 8-10\n"
    "  review-months: 3\n"
    "  signatures: [child, grown-up]\n"
    "blanks:\n"
    "  - id: bedtime\n"
    "    kind: time\n"
    "    label: Devices go to bed at\n"
    "    default: \"19:30\"\n"
    "  - id: minutes\n"
    "    kind: number\n"
    "    label: Minutes\n"
    "    default: 30\n"
    "    min: 0\n"
    "    max: 240\n"
    "  - id: room\n"
    "    kind: choice\n"
    "    label: Where devices sleep\n"
    "    choices: [the kitchen, the hall]\n"
    "    default: the hall\n"
    "sections:\n"
    "  - id: time\n"
    "    title: Time\n"
    "    clauses:\n"
    "      - id: bedtime-clause\n"
    "        text: \"{{child}}'s devices sleep at {{bedtime}} in {{room}}.\"\n"
    "        binds: child\n"
    "        advice: [7]\n"
    "      - id: meals\n"
    "        text: No screens at meals.\n"
    "        binds: everyone\n"
    "        on: false\n"
    "promises:\n"
    "  - id: listen\n"
    "    text: We will listen.\n"
    "  - id: explain\n"
    "    text: We will explain.\n"
    "    on: false\n"
    "if-something-goes-wrong:\n"
    "  - Stop.\n"
    "  - Tell a grown-up.\n";

static const char S_help[] =
    "help:\n"
    "  - region: UK\n"
    "    name: United Kingdom\n"
    "    resources:\n"
    "      - name: Childline\n"
    "        for: children\n"
    "        about: Free help.\n"
    "        phone: 0800 1111\n"
    "      - name: CEOP\n"
    "        for: report\n"
    "        about: Report.\n"
    "        web: ceop.police.uk\n";

static int
S_load(struct content *c, struct diag_list *d, const char *name,
    const char *text)
{
	return content_load_buffer(c, name, (const unsigned char *)text,
	    strlen(text), d);
}

/* The one diagnostic as a string; fails unless there is exactly one. */
static char *
S_only(const struct diag_list *d)
{
	assert_int_equal(d->n, 1);
	return diag_string(&d->items[0]);
}

static void
test_good_pack(void **state)
{
	struct content c;
	struct diag_list d;
	const struct prompt *p;

	(void)state;
	content_init(&c);
	diag_list_init(&d);
	assert_int_equal(S_load(&c, &d, "p.yaml", S_pack), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(c.n_packs, 1);
	assert_string_equal(c.packs[0].id, "test-pack");
	assert_string_equal(c.packs[0].language, "en-GB");
	assert_int_equal(c.packs[0].version, 3);
	assert_int_equal(c.n_prompts, 2);
	p = content_prompt(&c, "photo-forward");
	assert_non_null(p);
	assert_ptr_equal(p, &c.prompts[0]);
	assert_int_equal(p->bands, BAND_BIT(BAND_8_10) | BAND_BIT(BAND_11_13));
	assert_int_equal(p->topic, TOPIC_PHOTOS);
	assert_string_equal(p->question,
	    "If you sent a silly photo, who could see it?");
	assert_string_equal(p->tip, "Children often think a photo stays put.\n");
	assert_int_equal(p->n_follow_ups, 2);
	assert_string_equal(p->follow_ups[1], "Who would you tell?");
	assert_true(p->scenario);
	assert_int_equal(p->n_clauses, 1);
	assert_string_equal(p->clauses[0], "bedtime-clause");
	assert_int_equal(p->advice, (1u << 4) | (1u << 5));
	assert_int_equal(p->short_talk, 0);
	assert_ptr_equal(p->pack, &c.packs[0]);
	assert_string_equal(p->where.file, "p.yaml");
	assert_int_equal(p->where.line, 7);
	assert_int_equal(p->where.col, 5);
	p = content_prompt(&c, "quiet-one");
	assert_non_null(p);
	assert_false(p->scenario);
	assert_int_equal(p->short_talk, 2);
	assert_int_equal(p->n_follow_ups, 0);
	assert_null(p->follow_ups);
	assert_string_equal(p->question, "What if: something");
	assert_null(content_prompt(&c, "nope"));
	assert_int_equal(c.n_files, 1);
	assert_string_equal(c.files[0], "p.yaml");
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

static void
test_good_template_and_help(void **state)
{
	struct content c;
	struct diag_list d;
	const struct template *t;
	const struct blank *b;
	const struct clause *cl;
	const struct region *r;

	(void)state;
	content_init(&c);
	diag_list_init(&d);
	assert_int_equal(S_load(&c, &d, "t.yaml", S_template), 0);
	assert_int_equal(S_load(&c, &d, "h.yaml", S_help), 0);
	assert_int_equal(S_load(&c, &d, "p.yaml", S_pack), 0);
	assert_int_equal(content_check(&c, &d), 0);
	assert_int_equal(d.n, 0);

	/* A locale's territory names the region; GB is the UK. */
	r = content_region(&c, "UK");
	assert_non_null(r);
	assert_ptr_equal(content_region_for_locale(&c, "en_GB.UTF-8"), r);
	assert_ptr_equal(content_region_for_locale(&c, "cy_GB"), r);
	assert_ptr_equal(content_region_for_locale(&c, "en_uk@euro"), r);
	assert_null(content_region_for_locale(&c, "en_AU.UTF-8"));
	assert_null(content_region_for_locale(&c, "C.UTF-8"));
	assert_null(content_region_for_locale(&c, "POSIX"));
	assert_null(content_region_for_locale(&c, "en_.UTF-8"));
	assert_null(content_region_for_locale(&c, NULL));

	t = content_template(&c, "agreement-8-10");
	assert_non_null(t);
	assert_ptr_equal(content_template_for_band(&c, BAND_8_10), t);
	assert_null(content_template_for_band(&c, BAND_4_7));
	assert_int_equal(t->band, BAND_8_10);
	assert_int_equal(t->review_months, 3);
	assert_int_equal(t->n_signatures, 2);
	assert_int_equal(t->signatures[0], ROLE_CHILD);
	assert_int_equal(t->signatures[1], ROLE_GROWN_UP);
	assert_int_equal(t->n_blanks, 3);
	b = template_blank(t, "bedtime");
	assert_non_null(b);
	assert_int_equal(b->kind, BLANK_TIME);
	assert_string_equal(b->def, "19:30");
	assert_int_equal(b->min, LONG_MIN);
	b = template_blank(t, "minutes");
	assert_int_equal(b->kind, BLANK_NUMBER);
	assert_string_equal(b->def, "30");
	assert_int_equal(b->min, 0);
	assert_int_equal(b->max, 240);
	b = template_blank(t, "room");
	assert_int_equal(b->kind, BLANK_CHOICE);
	assert_int_equal(b->n_choices, 2);
	assert_string_equal(b->choices[0], "the kitchen");
	assert_null(template_blank(t, "child"));
	assert_int_equal(t->n_sections, 1);
	assert_string_equal(t->sections[0].title, "Time");
	cl = template_clause(t, "bedtime-clause");
	assert_non_null(cl);
	assert_true(cl->on);
	assert_int_equal(cl->binds, BINDS_CHILD);
	assert_int_equal(cl->advice, 1u << 7);
	assert_string_equal(cl->text,
	    "{{child}}'s devices sleep at {{bedtime}} in {{room}}.");
	cl = template_clause(t, "meals");
	assert_false(cl->on);
	assert_int_equal(cl->binds, BINDS_EVERYONE);
	assert_null(template_clause(t, "nope"));
	assert_int_equal(t->n_promises, 2);
	assert_true(t->promises[0].on);
	assert_false(t->promises[1].on);
	assert_int_equal(t->n_steps, 2);
	assert_string_equal(t->steps[1], "Tell a grown-up.");

	r = content_region(&c, "UK");
	assert_non_null(r);
	assert_string_equal(r->name, "United Kingdom");
	assert_int_equal(r->n_resources, 2);
	assert_int_equal(r->resources[0].kind, RESOURCE_CHILDREN);
	assert_string_equal(r->resources[0].phone, "0800 1111");
	assert_null(r->resources[0].web);
	assert_null(r->resources[1].phone);
	assert_string_equal(r->resources[1].web, "ceop.police.uk");
	assert_null(content_region(&c, "FR"));
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

/* One bad buffer, one expected message. */
static void
S_expect_one(const char *text, const char *want)
{
	struct content c;
	struct diag_list d;
	char *got;

	content_init(&c);
	diag_list_init(&d);
	assert_int_equal(S_load(&c, &d, "x.yaml", text), -1);
	got = S_only(&d);
	assert_string_equal(got, want);
	assert_int_equal(diag_exit_code(&d), 65);
	free(got);
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

static void
test_bad_buffers(void **state)
{
	(void)state;
	S_expect_one("pack:\n  id: a\n  title: T\n  language: en\n  version: 1\n"
	    "prompts:\n  - id: p\n    bands: [8-10]\n    topic: photos\n"
	    "    qestion: Q?\n    question: Q?\n    tip: T.\n",
	    "x.yaml:10:5: error: unknown key 'qestion' in prompt 'p' "
	    "(did you mean 'question'?)");
	S_expect_one("pack:\n  id: a\n  title: T\n  language: en\n  version: 0\n"
	    "prompts: [x]\n",
	    "x.yaml:5:12: error: 'version' in pack 'a' must be 1 or more");
	S_expect_one("pack:\n  id: a b\n  title: T\n  language: en\n  version: 1\n"
	    "prompts: [x]\n",
	    "x.yaml:2:7: error: 'id' in pack 'a b' must be 1 to 64 letters, "
	    "digits and '-', not 'a b'");
	S_expect_one("pack:\n  id: a\n  title: T\n  language: en\n  version: 1\n"
	    "prompts:\n  - id: p\n    bands: [8-10]\n    topic: photos\n"
	    "    question: Q?\n    tip: T.\n    short-talk: 0\n",
	    "x.yaml:12:17: error: 'short-talk' in prompt 'p' is 0: give its "
	    "place in the short talk, 1 to 30");
	S_expect_one("pack:\n  id: a\n  title: T\n  language: en\n  version: 1\n"
	    "prompts:\n  - id: p\n    bands: [8-10]\n    topic: photos\n"
	    "    question: Q?\n    tip: T.\n    short-talk: yes\n",
	    "x.yaml:12:17: error: expected a whole number for 'short-talk' in "
	    "prompt 'p', found 'yes'");
	S_expect_one("key: \"unclosed\n",
	    "x.yaml:2:1: error: YAML syntax error: found unexpected end of "
	    "stream while scanning a quoted scalar that starts at line 1, "
	    "column 6");
	S_expect_one("a:\n\tb: 1\n", "x.yaml:2:1: error: YAML syntax error: "
	    "a tab character; indent with spaces, not tabs");
	/* libyaml counts characters, not bytes: places after non-ASCII. */
	S_expect_one("a: \xc3\xa9\xc3\xa9\n\tb: 1\n", "x.yaml:2:1: error: YAML "
	    "syntax error: a tab character; indent with spaces, not tabs");
	S_expect_one("template:\n  id: t\n  title: T\n  band: 8-10\n"
	    "  review-months: 3\n  signatures: [child]\nsections:\n  - id: s\n"
	    "    title: S\xc3\xa9" "ction\n    clauses:\n      - id: c\n"
	    "        text: \"\xc3\x87" "a va {{n\xc3\xb6pe}} ok\"\n"
	    "        binds: child\npromises: []\nif-something-goes-wrong: [x]\n",
	    "x.yaml:12:22: error: unknown blank '{{n\xc3\xb6pe}}' in the text "
	    "of clause 'c'; declare it under 'blanks:'");
	S_expect_one("ab\xc3(\n", "x.yaml:1:3: error: invalid UTF-8 (byte 0xc3); "
	    "content files must be saved as UTF-8");
	S_expect_one("a: \"\xe2\x82\xac\x07\"\n",
	    "x.yaml:1:6: error: control character U+0007 is not allowed");
	S_expect_one("", "x.yaml:1:1: error: the file is empty; expected "
	    "'pack:', 'template:' or 'help:'");
	S_expect_one("[1, 2]\n", "x.yaml:1:1: error: expected 'pack:', "
	    "'template:' or 'help:' at the top of the file, found a list");
	S_expect_one("pak:\n  id: x\n", "x.yaml:1:1: error: unknown key 'pak' "
	    "at the top of the file (did you mean 'pack'?)");
	S_expect_one("help:\n  - region: UK\n    name: U\n    resources:\n"
	    "      - name: N\n        for: kids\n        about: A\n",
	    "x.yaml:6:14: error: unknown kind of help 'kids' in resource 'N'; "
	    "expected one of: children, grown-ups, report, emergency, anyone");
	S_expect_one("template:\n  id: t\n  title: T\n  band: 8-10\n"
	    "  review-months: 2\n  signatures: [child]\nsections:\n"
	    "  - id: s\n    title: S\n    clauses: []\n"
	    "promises: []\nif-something-goes-wrong: []\n",
	    "x.yaml:5:18: error: 'review-months' in template 't' must be 1, 3, "
	    "6 or 12, not 2");
}

static void
test_problem_cap(void **state)
{
	struct content c;
	struct diag_list d;
	char *buf = xstrdup("help:\n  - region: UK\n    name: U\n    resources: []\n");
	size_t len = strlen(buf), errors = 0;

	(void)state;
	for (int i = 0; i < 200; i++) {
		char *more = xasprintf("%s    bad%d: 1\n", buf, i);

		free(buf);
		buf = more;
	}
	len = strlen(buf);
	content_init(&c);
	diag_list_init(&d);
	assert_int_equal(content_load_buffer(&c, "x.yaml",
	    (const unsigned char *)buf, len, &d), -1);
	for (size_t i = 0; i < d.n; i++)
		errors += d.items[i].level == DIAG_ERROR;
	assert_int_equal(errors, CONTENT_MAX_PROBLEMS);
	assert_int_equal(d.items[d.n - 1].level, DIAG_NOTICE);
	assert_int_equal(d.items[0].line, 5);
	free(buf);
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

static void
test_replace_and_duplicate(void **state)
{
	struct content c;
	struct diag_list d;
	char *s;
	const char *second =
	    "pack:\n  id: other\n  title: T\n  language: en\n  version: 1\n"
	    "prompts:\n  - id: photo-forward\n    bands: [14-17]\n"
	    "    topic: photos\n    question: New?\n    tip: New.\n";

	(void)state;
	content_init(&c);
	diag_list_init(&d);
	assert_int_equal(S_load(&c, &d, "a.yaml", S_pack), 0);
	/* Another load (search-path entry): a replacement, with a notice. */
	assert_int_equal(S_load(&c, &d, "b.yaml", second), 0);
	s = S_only(&d);
	assert_string_equal(s, "b.yaml:7:5: notice: prompt 'photo-forward' "
	    "replaces the one from a.yaml:7:5");
	free(s);
	assert_int_equal(c.n_prompts, 2);
	assert_ptr_equal(content_prompt(&c, "photo-forward"), &c.prompts[0]);
	assert_string_equal(c.prompts[0].question, "New?");
	assert_string_equal(c.prompts[0].pack->id, "other");
	assert_string_equal(c.prompts[1].pack->id, "test-pack");
	diag_list_cleanup(&d);
	content_cleanup(&c);

	/* Within one buffer, a repeated id is an error and the first stays. */
	content_init(&c);
	diag_list_init(&d);
	s = xasprintf("%s%s", S_pack, "  - id: quiet-one\n    bands: [4-7]\n"
	    "    topic: worried\n    question: Again?\n    tip: T.\n");
	assert_int_equal(S_load(&c, &d, "a.yaml", s), -1);
	free(s);
	s = S_only(&d);
	assert_string_equal(s, "a.yaml:26:5: error: duplicate prompt id "
	    "'quiet-one' (first defined at a.yaml:20:5)");
	free(s);
	assert_int_equal(c.n_prompts, 2);
	assert_string_equal(content_prompt(&c, "quiet-one")->question,
	    "What if: something");
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

static void
test_check_clauses(void **state)
{
	struct content c;
	struct diag_list d;
	char *s;

	(void)state;
	content_init(&c);
	diag_list_init(&d);
	s = xasprintf("%s", S_pack);
	/* A reference to a clause the 8-10 template lacks. */
	memcpy(strstr(s, "bedtime-clause"), "bedtime-claus!", 14);
	*strchr(strstr(s, "bedtime-claus!"), '!') = 'x';
	assert_int_equal(S_load(&c, &d, "t.yaml", S_template), 0);
	assert_int_equal(S_load(&c, &d, "p.yaml", s), 0);
	free(s);
	assert_int_equal(content_check(&c, &d), -1);
	s = S_only(&d);
	assert_string_equal(s, "p.yaml:7:5: error: prompt 'photo-forward' "
	    "leads to clause 'bedtime-clausx', which no template for its age "
	    "bands has");
	free(s);
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

/* Two prompts sharing a band may not share a short-talk place. */
static void
test_check_short_talk(void **state)
{
	struct content c;
	struct diag_list d;
	char *s;

	(void)state;
	content_init(&c);
	diag_list_init(&d);
	assert_int_equal(S_load(&c, &d, "p.yaml", S_pack), 0);
	/* quiet-one is 4-7 only: place 2 in 8-10 is no clash. */
	assert_int_equal(S_load(&c, &d, "q.yaml",
	    "pack:\n  id: q\n  title: T\n  language: en\n  version: 1\n"
	    "prompts:\n  - id: young\n    bands: [8-10]\n    topic: photos\n"
	    "    question: Q?\n    tip: T.\n    short-talk: 2\n"
	    "  - id: older\n    bands: [4-7, 14-17]\n    topic: photos\n"
	    "    question: Q?\n    tip: T.\n    short-talk: 2\n"), 0);
	assert_int_equal(content_check(&c, &d), -1);
	s = S_only(&d);
	assert_string_equal(s, "q.yaml:13:5: error: prompt 'older' takes "
	    "short-talk place 2, which prompt 'quiet-one' (p.yaml:20) "
	    "already has in its age bands");
	free(s);
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

/* Region facts, their neutral wording, paper and banded help lines. */
static const char S_regions[] =
    "help:\n"
    "  - region: all\n"
    "    name: every country\n"
    "    facts:\n"
    "      currency: \"\"\n"
    "      law: the law where we live\n"
    "    resources:\n"
    "      - name: Everywhere\n"
    "        for: report\n"
    "        about: Anywhere.\n"
    "        bands: [11-13, 14-17]\n"
    "  - region: US\n"
    "    name: United States\n"
    "    paper: letter\n"
    "    facts:\n"
    "      currency: $\n"
    "    resources:\n"
    "      - name: Any age\n"
    "        for: children\n"
    "        about: All.\n"
    "      - name: Teens\n"
    "        for: anyone\n"
    "        about: Older.\n"
    "        bands: [14-17]\n"
    "  - region: NZ\n"
    "    name: New Zealand\n"
    "    resources: []\n";

static void
test_region_facts(void **state)
{
	struct content c;
	struct diag_list d;
	const struct region *us, *nz;
	const struct resource **lines = NULL;
	struct region_markers rm;
	char *s;

	(void)state;
	content_init(&c);
	diag_list_init(&d);
	assert_int_equal(S_load(&c, &d, "r.yaml", S_regions), 0);
	assert_int_equal(d.n, 0);
	/* "all" is no region a family chooses. */
	assert_int_equal(c.n_regions, 2);
	assert_null(content_region(&c, "all"));
	assert_non_null(us = content_region(&c, "US"));
	assert_non_null(nz = content_region(&c, "NZ"));
	assert_int_equal(region_paper(us), PAPER_LETTER);
	assert_int_equal(region_paper(nz), PAPER_A4);
	assert_int_equal(region_paper(NULL), PAPER_A4);
	assert_string_equal(paper_id(PAPER_LETTER), "letter");
	assert_string_equal(content_region_fact(&c, us, "currency"), "$");
	/* A region without a fact: the neutral wording, not another's. */
	assert_string_equal(content_region_fact(&c, nz, "currency"), "");
	assert_string_equal(content_region_fact(&c, us, "law"),
	    "the law where we live");
	assert_null(content_region_fact(&c, us, "nothing"));
	rm.c = &c;
	rm.r = us;
	s = fill_string("{{region:currency}}5 by {{region:law}}, {{child}}",
	    region_marker, &rm, NULL);
	assert_string_equal(s, "$5 by the law where we live, {{child}}");
	free(s);
	rm.r = nz;
	s = fill_string("{{region:currency}}5", region_marker, &rm, NULL);
	assert_string_equal(s, "5");
	free(s);
	/* A chain: the first lookup with a value wins, and says which. */
	{
		struct region_markers us_rm = { &c, us };
		struct fill_chain ch = { 2, { region_marker, region_marker },
		    { &rm, &us_rm }, -1 };
		size_t at = 0;
		struct marker m;
		char *v;

		assert_int_equal(fill_next("{{region:currency}}", &at, &m), 1);
		v = fill_chain(&m, &ch);
		assert_string_equal(v, "");	/* NZ: the neutral wording */
		assert_int_equal(ch.which, 0);
		free(v);
		at = 0;
		assert_int_equal(fill_next("{{child}}", &at, &m), 1);
		assert_null(fill_chain(&m, &ch));
		assert_int_equal(ch.which, -1);
	}
	/* Bands: a line with none suits all; the lines for every region last. */
	assert_int_equal(content_help_lines(&c, us, BAND_4_7, &lines), 1);
	assert_string_equal(lines[0]->name, "Any age");
	free(lines);
	assert_int_equal(content_help_lines(&c, us, BAND_14_17, &lines), 3);
	assert_string_equal(lines[1]->name, "Teens");
	assert_string_equal(lines[2]->name, "Everywhere");
	free(lines);
	assert_int_equal(content_help_lines(&c, NULL, BAND_14_17, &lines), 0);
	assert_null(lines);
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

/* A {{region:NAME}} that no region defines fails the check at the marker. */
static void
test_undefined_fact(void **state)
{
	struct content c;
	struct diag_list d;
	char *s, *t = xasprintf("%s", S_template);

	(void)state;
	content_init(&c);
	diag_list_init(&d);
	/* Same length, so the places below stay put. */
	memcpy(strstr(t, "No screens at meals."), "\"{{region:nope}} ok\"", 20);
	assert_int_equal(S_load(&c, &d, "t.yaml", t), 0);
	assert_int_equal(S_load(&c, &d, "r.yaml", S_regions), 0);
	assert_int_equal(content_check(&c, &d), -1);
	s = S_only(&d);
	assert_string_equal(s, "t.yaml:32:16: error: region fact "
	    "'{{region:nope}}' is defined by no region; add it under 'facts:' "
	    "in a help file (in the 'region: all' block for the neutral "
	    "wording)");
	free(s);
	free(t);
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

/* Many prompts in many packs: the index finds each, pack pointers hold. */
static void
test_index_many(void **state)
{
	struct content c;
	struct diag_list d;

	(void)state;
	content_init(&c);
	diag_list_init(&d);
	for (int f = 0; f < 40; f++) {
		size_t cap = 1 << 16, n;
		char *buf = xmalloc(cap);

		n = (size_t)snprintf(buf, cap, "pack:\n  id: pack-%d\n  title: T\n"
		    "  language: en\n  version: 1\nprompts:\n", f);
		for (int i = 0; i < 250; i++)
			n += (size_t)snprintf(buf + n, cap - n, "  - id: p-%d-%d\n"
			    "    bands: [4-7]\n    topic: people\n    question: Q%d?\n"
			    "    tip: T.\n", f, i, i);
		assert_int_equal(content_load_buffer(&c, "many.yaml",
		    (const unsigned char *)buf, n, &d), 0);
		free(buf);
	}
	assert_int_equal(d.n, 0);
	assert_int_equal(c.n_prompts, 10000);
	assert_int_equal(c.n_packs, 40);
	for (int f = 0; f < 40; f++)
		for (int i = 0; i < 250; i += 7) {
			char id[32], pk[32];
			const struct prompt *p;

			snprintf(id, sizeof id, "p-%d-%d", f, i);
			snprintf(pk, sizeof pk, "pack-%d", f);
			p = content_prompt(&c, id);
			assert_non_null(p);
			assert_string_equal(p->id, id);
			assert_string_equal(p->pack->id, pk);
		}
	assert_null(content_prompt(&c, "p-40-0"));
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(band_name(BAND_11_13), "11-13");
	assert_int_equal(band_from_name("14-17"), BAND_14_17);
	assert_int_equal(band_from_name("14-18"), -1);
	assert_int_equal(band_for_age(2), BAND_4_7);
	assert_int_equal(band_for_age(7), BAND_4_7);
	assert_int_equal(band_for_age(8), BAND_8_10);
	assert_int_equal(band_for_age(13), BAND_11_13);
	assert_int_equal(band_for_age(14), BAND_14_17);
	assert_int_equal(band_for_age(40), BAND_14_17);
	assert_string_equal(topic_id(TOPIC_GROWN_UPS), "grown-ups");
	assert_string_equal(topic_title(TOPIC_UNSEND), "Sent can't be unsent");
	assert_int_equal(topic_from_name("independence"), TOPIC_INDEPENDENCE);
	assert_int_equal(topic_from_name("Photos"), -1);
	assert_string_equal(binds_id(BINDS_GROWN_UPS), "grown-ups");
	assert_string_equal(binds_shown(BINDS_CHILD), "the child");
	assert_int_equal(binds_from_name("everyone"), BINDS_EVERYONE);
	assert_string_equal(blank_kind_id(BLANK_CHOICE), "choice");
	assert_string_equal(role_id(ROLE_GROWN_UP), "grown-up");
	assert_string_equal(role_shown(ROLE_CHILD), "Child");
	assert_string_equal(resource_for_shown(RESOURCE_EMERGENCY),
	    "In an emergency");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_pack),
		cmocka_unit_test(test_good_template_and_help),
		cmocka_unit_test(test_bad_buffers),
		cmocka_unit_test(test_problem_cap),
		cmocka_unit_test(test_replace_and_duplicate),
		cmocka_unit_test(test_check_clauses),
		cmocka_unit_test(test_check_short_talk),
		cmocka_unit_test(test_region_facts),
		cmocka_unit_test(test_undefined_fact),
		cmocka_unit_test(test_index_many),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
