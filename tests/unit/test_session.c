/* test_session.c: the session model: every action, its checks and messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "fixture.h"
#include "session.h"
#include "util.h"

static int
apply(struct session *s, struct action a, char **cause)
{
	return session_apply(s, fixture_content(), &a, FIXTURE_NOW, cause);
}

/* Apply and expect success. */
#define OK(s, ...) do { char *c_ = NULL; \
	int r_ = apply((s), (struct action){ __VA_ARGS__ }, &c_); \
	if (r_ != 0) fail_msg("unexpected: %s", c_ ? c_ : "(null)"); \
	free(c_); } while (0)

/* Apply, expect failure with a message containing want. */
#define BAD(s, want, ...) do { char *c_ = NULL; \
	int r_ = apply((s), (struct action){ __VA_ARGS__ }, &c_); \
	assert_int_equal(r_, -1); assert_non_null(c_); \
	if (strstr(c_, (want)) == NULL) fail_msg("message '%s' lacks '%s'", c_, (want)); \
	free(c_); } while (0)

static void
family(struct session *s)
{
	session_init(s);
	OK(s, .kind = ACTION_SET_CHILD, .text = "  Sam ");
	OK(s, .kind = ACTION_SET_AGE, .number = 9);
	OK(s, .kind = ACTION_SET_GROWN_UP, .index = 0, .text = "Alex");
	OK(s, .kind = ACTION_SET_REGION, .id = "uk");
}

static void
test_family(void **state)
{
	struct session s;

	(void)state;
	session_init(&s);
	assert_int_equal(s.stage, STAGE_FAMILY);
	BAD(&s, "child's first name", .kind = ACTION_START_TALKING);
	BAD(&s, "Please type the child's first name", .kind = ACTION_SET_CHILD, .text = "   ");
	OK(&s, .kind = ACTION_SET_CHILD, .text = "  Sam ");
	assert_string_equal(s.child, "Sam");
	BAD(&s, "age from 4 to 17", .kind = ACTION_SET_AGE, .number = 3);
	BAD(&s, "age from 4 to 17", .kind = ACTION_SET_AGE, .number = 18);
	assert_int_equal(s.age, 0);
	OK(&s, .kind = ACTION_SET_AGE, .number = 7);
	assert_int_equal(s.band, BAND_4_7);
	OK(&s, .kind = ACTION_SET_AGE, .number = 9);
	assert_int_equal(s.band, BAND_8_10);
	OK(&s, .kind = ACTION_SET_AGE, .number = 17);
	assert_int_equal(s.band, BAND_14_17);
	OK(&s, .kind = ACTION_SET_AGE, .number = 9);
	BAD(&s, "grown-up's name", .kind = ACTION_START_TALKING);
	BAD(&s, "fill in grown-up 1 first", .kind = ACTION_SET_GROWN_UP, .index = 1, .text = "X");
	OK(&s, .kind = ACTION_SET_GROWN_UP, .index = 0, .text = "Alex");
	OK(&s, .kind = ACTION_SET_GROWN_UP, .index = 1, .text = "Jo");
	OK(&s, .kind = ACTION_SET_GROWN_UP, .index = 2, .text = "Gran");
	BAD(&s, "room for 3", .kind = ACTION_SET_GROWN_UP, .index = 3, .text = "Too many");
	OK(&s, .kind = ACTION_SET_GROWN_UP, .index = 1, .text = "");	/* removes Jo */
	assert_int_equal(s.n_grown_ups, 2);
	assert_string_equal(s.grown_ups[0], "Alex");
	assert_string_equal(s.grown_ups[1], "Gran");
	BAD(&s, "one line", .kind = ACTION_SET_GROWN_UP, .index = 0, .text = "Al\nex");
	assert_string_equal(s.grown_ups[0], "Alex");
	BAD(&s, "no help lines for 'ZZ'", .kind = ACTION_SET_REGION, .id = "ZZ");
	OK(&s, .kind = ACTION_SET_REGION, .id = "uk");
	assert_string_equal(s.region, "UK");
	OK(&s, .kind = ACTION_SET_BAND, .number = BAND_4_7);
	BAD(&s, "four age groups", .kind = ACTION_SET_BAND, .number = 4);
	OK(&s, .kind = ACTION_SET_BAND, .number = BAND_8_10);
	BAD(&s, "go on", .kind = ACTION_ANSWER, .id = "p-people", .text = "x");
	OK(&s, .kind = ACTION_START_TALKING);
	assert_int_equal(s.stage, STAGE_TALKING);
	assert_string_equal(s.template_id, "agreement-test");
	BAD(&s, "go back", .kind = ACTION_SET_CHILD, .text = "Kim");
	assert_true(s.created != 0 && s.updated >= s.created);
	session_cleanup(&s);
}

static void
test_no_template(void **state)
{
	struct session s;

	(void)state;
	family(&s);
	OK(&s, .kind = ACTION_SET_AGE, .number = 15);
	BAD(&s, "no agreement for ages 14-17", .kind = ACTION_START_TALKING);
	assert_int_equal(s.stage, STAGE_FAMILY);
	session_cleanup(&s);
}

static void
test_prompts_order(void **state)
{
	struct session s;
	const struct prompt **order;
	size_t n;

	(void)state;
	family(&s);
	n = session_prompts(&s, fixture_content(), &order);
	assert_int_equal(n, 3);
	assert_string_equal(order[0]->id, "p-people");
	assert_string_equal(order[1]->id, "p-photos");
	assert_string_equal(order[2]->id, "p-worried");
	free(order);
	session_cleanup(&s);
}

static void
test_talking(void **state)
{
	struct session s;
	const struct answer *a;
	char *d;

	(void)state;
	family(&s);
	OK(&s, .kind = ACTION_START_TALKING);
	d = session_describe(&s, fixture_content());
	assert_string_equal(d, "Sam, 9, talking: 1 of 3");
	free(d);
	BAD(&s, "Type what someone said", .kind = ACTION_ANSWER, .id = "p-people", .text = " \n", .text2 = NULL);
	BAD(&s, "no question 'p-other'", .kind = ACTION_ANSWER, .id = "p-other", .text = "x");
	BAD(&s, "control character", .kind = ACTION_ANSWER, .id = "p-people", .text = "a\x1b[31mb");
	BAD(&s, "not UTF-8", .kind = ACTION_ANSWER, .id = "p-people", .text = "ab\xff");
	BAD(&s, "control character", .kind = ACTION_ANSWER, .id = "p-people", .text2 = "a\xc2\x85z");
	BAD(&s, "control character", .kind = ACTION_ANSWER, .id = "p-people", .text = "a\rb");
	assert_null(session_answer(&s, "p-people"));
	assert_int_equal(s.position, 0);
	OK(&s, .kind = ACTION_ANSWER, .id = "p-people",
	    .text = "  my friend Jo\n\tand # nobody else  ", .text2 = NULL);
	a = session_answer(&s, "p-people");
	assert_non_null(a);
	assert_int_equal(a->state, ANSWER_GIVEN);
	assert_string_equal(a->child, "  my friend Jo\n\tand # nobody else  ");
	assert_null(a->grown_up);
	assert_int_equal(s.position, 1);
	OK(&s, .kind = ACTION_LATER, .id = "p-photos");
	assert_int_equal(session_answer(&s, "p-photos")->state, ANSWER_LATER);
	assert_int_equal(s.position, 2);
	OK(&s, .kind = ACTION_GOTO, .number = 0);
	assert_int_equal(s.position, 0);
	/* Answering a question away from the position does not move it. */
	OK(&s, .kind = ACTION_SKIP, .id = "p-worried");
	assert_int_equal(s.position, 0);
	assert_int_equal(session_answer(&s, "p-worried")->state, ANSWER_SKIPPED);
	BAD(&s, "no question 5", .kind = ACTION_GOTO, .number = 4);
	OK(&s, .kind = ACTION_GOTO, .number = 3);
	/* Answering again replaces both voices. */
	OK(&s, .kind = ACTION_ANSWER, .id = "p-people", .text = NULL, .text2 = "Grown-up view");
	a = session_answer(&s, "p-people");
	assert_null(a->child);
	assert_string_equal(a->grown_up, "Grown-up view");
	assert_int_equal(s.n_answers, 3);
	BAD(&s, "go on", .kind = ACTION_SET_CLAUSE, .id = "bed", .flag = false);
	OK(&s, .kind = ACTION_START_AGREEING);
	d = session_describe(&s, fixture_content());
	assert_string_equal(d, "Sam, 9, choosing the agreement");
	free(d);
	session_cleanup(&s);
}

/* A short talk: its own order, then the rest for another evening. */
static void
test_short_talk(void **state)
{
	struct session s;
	const struct prompt **order;
	char *d;
	size_t n;

	(void)state;
	assert_int_equal(session_minutes(10), 20);
	assert_int_equal(session_minutes(34), 70);
	assert_int_equal(session_minutes(1), 5);
	family(&s);
	assert_int_equal(s.talk, TALK_ALL);
	assert_int_equal(session_rest(&s, fixture_content()), 0);
	BAD(&s, "short talk", .kind = ACTION_SET_TALK, .number = TALK__COUNT);
	OK(&s, .kind = ACTION_SET_TALK, .number = TALK_SHORT);
	assert_int_equal(s.stage, STAGE_FAMILY);
	n = session_prompts(&s, fixture_content(), &order);
	assert_int_equal(n, 2);
	assert_string_equal(order[0]->id, "p-worried");
	assert_string_equal(order[1]->id, "p-photos");
	free(order);
	assert_int_equal(session_rest(&s, fixture_content()), 3);
	OK(&s, .kind = ACTION_START_TALKING);
	d = session_describe(&s, fixture_content());
	assert_string_equal(d, "Sam, 9, talking: 1 of 2");
	free(d);
	OK(&s, .kind = ACTION_ANSWER, .id = "p-worried", .text = "Tell Mum");
	OK(&s, .kind = ACTION_SKIP, .id = "p-photos");
	assert_int_equal(s.position, 2);
	BAD(&s, "no question 'p-people'", .kind = ACTION_ANSWER, .id = "p-people", .text = "x");
	assert_int_equal(session_rest(&s, fixture_content()), 1);
	/* The agreement is reachable after the short talk. */
	OK(&s, .kind = ACTION_START_AGREEING);
	/* Carrying on with the rest: back to talking, at the first one left. */
	OK(&s, .kind = ACTION_SET_TALK, .number = TALK_ALL);
	assert_int_equal(s.stage, STAGE_TALKING);
	assert_int_equal(s.position, 0);	/* p-people, first by topic */
	assert_int_equal(session_rest(&s, fixture_content()), 0);
	n = session_prompts(&s, fixture_content(), &order);
	assert_int_equal(n, 3);
	free(order);
	OK(&s, .kind = ACTION_ANSWER, .id = "p-people", .text = "Jo");
	assert_int_equal(s.position, 1);
	/* A band with no short talk marked talks through everything. */
	OK(&s, .kind = ACTION_BACK);
	assert_int_equal(s.stage, STAGE_FAMILY);
	OK(&s, .kind = ACTION_SET_AGE, .number = 5);
	assert_int_equal(s.talk, TALK_SHORT);	/* offered first for 4-7 */
	n = session_prompts(&s, fixture_content(), &order);
	assert_int_equal(n, 2);
	free(order);
	OK(&s, .kind = ACTION_SET_BAND, .number = BAND_11_13);
	assert_int_equal(s.talk, TALK_ALL);
	assert_string_equal(session_talk_id(TALK_SHORT), "short");
	assert_int_equal(session_talk_from_id("all"), TALK_ALL);
	session_cleanup(&s);
}

/* Topics: the band's questions on the topics chosen; the rest for another evening. */
static void
test_topics(void **state)
{
	struct session s;
	const struct prompt **order;
	size_t n;

	(void)state;
	family(&s);
	BAD(&s, "not topics", .kind = ACTION_SET_TOPICS, .number = -1);
	OK(&s, .kind = ACTION_SET_TOPICS, .number = (long)(SESSION_TOPIC_BIT(TOPIC_PHOTOS) |
	    SESSION_TOPIC_BIT(TOPIC_PEOPLE)));
	assert_int_equal(s.talk, TALK_TOPICS);
	assert_string_equal(session_talk_id(TALK_TOPICS), "topics");
	n = session_prompts(&s, fixture_content(), &order);
	assert_int_equal(n, 2);
	assert_string_equal(order[0]->id, "p-people");
	assert_string_equal(order[1]->id, "p-photos");
	free(order);
	assert_int_equal(session_rest(&s, fixture_content()), 3);
	OK(&s, .kind = ACTION_START_TALKING);
	OK(&s, .kind = ACTION_ANSWER, .id = "p-people", .text = "Jo");
	assert_int_equal(s.position, 1);
	assert_int_equal(session_rest(&s, fixture_content()), 2);
	/* All the questions: the rest, from the first not reached. */
	OK(&s, .kind = ACTION_SET_TALK, .number = TALK_ALL);
	assert_int_equal(session_rest(&s, fixture_content()), 0);
	assert_int_equal(s.position, 1);
	/* A new age forgets them: another band has other topics. */
	OK(&s, .kind = ACTION_BACK);
	OK(&s, .kind = ACTION_SET_AGE, .number = 12);
	assert_int_equal(s.topics, 0);
	session_cleanup(&s);
}

/* Drafts: kept per box, replaced, forgotten when blank or answered. */
static void
test_drafts(void **state)
{
	struct session s;
	char *box;

	(void)state;
	family(&s);
	OK(&s, .kind = ACTION_START_TALKING);
	box = session_draft_box("p-people", false);
	assert_string_equal(box, "answer/p-people/child");
	OK(&s, .kind = ACTION_SET_DRAFT, .id = box, .text = "half\nan answer");
	OK(&s, .kind = ACTION_SET_DRAFT, .id = "answer/p-people/grown-up", .text = "mine");
	OK(&s, .kind = ACTION_SET_DRAFT, .id = "answer/p-photos/child", .text = "other");
	assert_string_equal(session_draft(&s, box), "half\nan answer");
	OK(&s, .kind = ACTION_SET_DRAFT, .id = box, .text = "replaced");
	assert_string_equal(session_draft(&s, box), "replaced");
	assert_int_equal(s.n_drafts, 3);
	BAD(&s, "control character", .kind = ACTION_SET_DRAFT, .id = box, .text = "a\x1b" "b");
	BAD(&s, "needs the box", .kind = ACTION_SET_DRAFT, .id = NULL, .text = "x");
	assert_string_equal(session_draft(&s, box), "replaced");
	/* Confirming the answer forgets both of its drafts, and only those. */
	OK(&s, .kind = ACTION_ANSWER, .id = "p-people", .text = "replaced");
	assert_null(session_draft(&s, box));
	assert_null(session_draft(&s, "answer/p-people/grown-up"));
	assert_string_equal(session_draft(&s, "answer/p-photos/child"), "other");
	OK(&s, .kind = ACTION_SET_DRAFT, .id = "answer/p-photos/child", .text = "");
	assert_int_equal(s.n_drafts, 0);
	/* Adding the rule forgets the new rule's draft. */
	OK(&s, .kind = ACTION_START_AGREEING);
	OK(&s, .kind = ACTION_SET_DRAFT, .id = "rule/new", .text = "Phones in the hall");
	assert_string_equal(session_draft(&s, "rule/new"), "Phones in the hall");
	OK(&s, .kind = ACTION_ADD_RULE, .text = "Phones in the hall", .number = BINDS_EVERYONE);
	assert_null(session_draft(&s, "rule/new"));
	/* Setting a blank forgets its draft. */
	OK(&s, .kind = ACTION_SET_DRAFT, .id = "blank/bedtime", .text = "20:1");
	OK(&s, .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "20:15");
	assert_null(session_draft(&s, "blank/bedtime"));
	free(box);
	session_cleanup(&s);
}

static void
test_too_long(void **state)
{
	struct session s;
	char *big = malloc(SESSION_MAX_TEXT_BYTES + 2);

	(void)state;
	memset(big, 'a', SESSION_MAX_TEXT_BYTES + 1);
	big[SESSION_MAX_TEXT_BYTES + 1] = '\0';
	family(&s);
	OK(&s, .kind = ACTION_START_TALKING);
	BAD(&s, "too long", .kind = ACTION_ANSWER, .id = "p-people", .text = big);
	big[SESSION_MAX_TEXT_BYTES] = '\0';
	OK(&s, .kind = ACTION_ANSWER, .id = "p-people", .text = big);
	memset(big, 'b', 100);
	big[SESSION_MAX_NAME_BYTES + 1] = '\0';
	session_cleanup(&s);
	session_init(&s);
	BAD(&s, "too long", .kind = ACTION_SET_CHILD, .text = big);
	free(big);
	session_cleanup(&s);
}

static void
agreeing(struct session *s)
{
	family(s);
	OK(s, .kind = ACTION_START_TALKING);
	OK(s, .kind = ACTION_START_AGREEING);
}

static void
test_blanks(void **state)
{
	const struct template *t = &fixture_content()->templates[0];
	struct session s;

	(void)state;
	agreeing(&s);
	assert_string_equal(session_blank(&s, &t->blanks[0]), "19:30");
	BAD(&s, "25 is not an hour", .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "25:00");
	BAD(&s, "Please type a time like 19:30", .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "7pm");
	BAD(&s, "60 is not a minute", .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "19:60");
	BAD(&s, "Please type a time like 19:30", .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "19:3");
	OK(&s, .kind = ACTION_SET_BLANK, .id = "bedtime", .text = " 7:05 ");
	assert_string_equal(session_blank(&s, &t->blanks[0]), "07:05");
	OK(&s, .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "20:15");
	assert_string_equal(session_blank(&s, &t->blanks[0]), "20:15");
	assert_int_equal(s.n_blanks, 1);
	BAD(&s, "number from 0 to 180", .kind = ACTION_SET_BLANK, .id = "minutes", .text = "181");
	BAD(&s, "number from 0 to 180", .kind = ACTION_SET_BLANK, .id = "minutes", .text = "-1");
	BAD(&s, "number from 0 to 180", .kind = ACTION_SET_BLANK, .id = "minutes", .text = "ten");
	BAD(&s, "number from 0 to 180", .kind = ACTION_SET_BLANK, .id = "minutes", .text = "99999999999999999999999");
	OK(&s, .kind = ACTION_SET_BLANK, .id = "minutes", .text = "060");
	assert_string_equal(session_blank(&s, &t->blanks[1]), "60");
	BAD(&s, "Please pick one of: the kitchen or the hall.", .kind = ACTION_SET_BLANK, .id = "room", .text = "the garden");
	OK(&s, .kind = ACTION_SET_BLANK, .id = "room", .text = "The Hall");
	assert_string_equal(session_blank(&s, &t->blanks[2]), "the hall");
	BAD(&s, "one line", .kind = ACTION_SET_BLANK, .id = "apps", .text = "a\nb");
	OK(&s, .kind = ACTION_SET_BLANK, .id = "apps", .text = "<b>Minecraft</b> & {{child}}");
	assert_string_equal(session_blank(&s, &t->blanks[3]), "<b>Minecraft</b> & {{child}}");
	BAD(&s, "no blank 'child'", .kind = ACTION_SET_BLANK, .id = "child", .text = "x");
	/* Empty goes back to the default. */
	OK(&s, .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "");
	assert_string_equal(session_blank(&s, &t->blanks[0]), "19:30");
	assert_int_equal(s.n_blanks, 3);
	session_cleanup(&s);
}

static void
test_clauses_rules_promises(void **state)
{
	const struct template *t = &fixture_content()->templates[0];
	struct session s;

	(void)state;
	agreeing(&s);
	assert_true(session_clause_on(&s, &t->sections[0].clauses[0]));
	assert_false(session_clause_on(&s, &t->sections[0].clauses[2]));
	OK(&s, .kind = ACTION_SET_CLAUSE, .id = "meals", .flag = true);
	OK(&s, .kind = ACTION_SET_CLAUSE, .id = "bed", .flag = false);
	assert_true(session_clause_on(&s, &t->sections[0].clauses[2]));
	assert_false(session_clause_on(&s, &t->sections[0].clauses[0]));
	BAD(&s, "no part 'nope'", .kind = ACTION_SET_CLAUSE, .id = "nope");
	OK(&s, .kind = ACTION_SET_PROMISE, .id = "explain", .flag = true);
	assert_true(session_promise_on(&s, &t->promises[1]));
	BAD(&s, "no promise", .kind = ACTION_SET_PROMISE, .id = "nope");

	BAD(&s, "type the rule", .kind = ACTION_ADD_RULE, .text = "", .number = BINDS_CHILD);
	BAD(&s, "whom the rule is for", .kind = ACTION_ADD_RULE, .text = "x", .number = 7);
	OK(&s, .kind = ACTION_ADD_RULE, .text = "No phones at the table", .number = BINDS_EVERYONE);
	OK(&s, .kind = ACTION_ADD_RULE, .text = "Charge in the hall", .number = BINDS_GROWN_UPS);
	OK(&s, .kind = ACTION_EDIT_RULE, .index = 1, .text = "Charge in the kitchen", .number = BINDS_CHILD);
	assert_string_equal(s.rules[1].text, "Charge in the kitchen");
	assert_int_equal(s.rules[1].binds, BINDS_CHILD);
	BAD(&s, "no rule 3", .kind = ACTION_EDIT_RULE, .index = 2, .text = "x");
	OK(&s, .kind = ACTION_REMOVE_RULE, .index = 0);
	assert_int_equal(s.n_rules, 1);
	assert_string_equal(s.rules[0].text, "Charge in the kitchen");
	BAD(&s, "no rule 2", .kind = ACTION_REMOVE_RULE, .index = 1);
	for (int i = 1; i < SESSION_MAX_RULES; i++)
		OK(&s, .kind = ACTION_ADD_RULE, .text = "r", .number = BINDS_CHILD);
	BAD(&s, "room for 40", .kind = ACTION_ADD_RULE, .text = "r", .number = BINDS_CHILD);

	assert_int_equal(session_review_months(&s, t), 3);
	BAD(&s, "1, 3, 6 or 12", .kind = ACTION_SET_REVIEW, .number = 2);
	OK(&s, .kind = ACTION_SET_REVIEW, .number = 12);
	assert_int_equal(session_review_months(&s, t), 12);
	session_cleanup(&s);
}

static void
test_signing(void **state)
{
	const struct template *t = &fixture_content()->templates[0];
	struct session s;
	size_t have;
	char *d;

	(void)state;
	agreeing(&s);
	OK(&s, .kind = ACTION_START_SIGNING);
	assert_int_equal(s.stage, STAGE_SIGNING);
	BAD(&s, "Go back to change", .kind = ACTION_SET_CLAUSE, .id = "bed");
	assert_int_equal(session_signatures_needed(&s, t, &have), 2);
	assert_int_equal(have, 0);
	BAD(&s, "no grown-up 2", .kind = ACTION_SIGN, .number = ROLE_GROWN_UP, .index = 1, .text = "Jo");
	BAD(&s, "type your name", .kind = ACTION_SIGN, .number = ROLE_CHILD, .text = " ");
	OK(&s, .kind = ACTION_SIGN, .number = ROLE_CHILD, .text = "sam!", .when = 1795000000);
	assert_int_equal(s.stage, STAGE_SIGNING);
	OK(&s, .kind = ACTION_SIGN, .number = ROLE_CHILD, .text = "Sam", .when = 1795000000);
	assert_int_equal(s.n_signatures, 1);
	assert_string_equal(session_signature(&s, ROLE_CHILD, 0)->name, "Sam");
	OK(&s, .kind = ACTION_SIGN, .number = ROLE_GROWN_UP, .index = 0, .text = "Alex Smith", .when = 1795000100);
	assert_int_equal(s.stage, STAGE_SIGNED);
	d = session_describe(&s, fixture_content());
	assert_non_null(strstr(d, "Sam, 9, signed on 2026-"));
	free(d);
	BAD(&s, "signed", .kind = ACTION_SIGN, .number = ROLE_CHILD, .text = "Sam");
	OK(&s, .kind = ACTION_BACK);
	assert_int_equal(s.stage, STAGE_SIGNING);
	assert_int_equal(s.n_signatures, 0);
	OK(&s, .kind = ACTION_BACK);
	assert_int_equal(s.stage, STAGE_AGREEING);
	OK(&s, .kind = ACTION_BACK);
	OK(&s, .kind = ACTION_BACK);
	assert_int_equal(s.stage, STAGE_FAMILY);
	BAD(&s, "first step", .kind = ACTION_BACK);
	session_cleanup(&s);
}

static void
test_make_id(void **state)
{
	char *id;

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	id = session_make_id("Sam-Lee O'Brien", 1795961520);	/* 2026-11-29 14:12 UTC */
	assert_string_equal(id, "2026-11-29-sam-lee-obrien-1412");
	free(id);
	id = session_make_id("\xc3\x89lo\xc3\xafse", 1795961520);
	assert_string_equal(id, "2026-11-29-eloise-1412");	/* folded */
	free(id);
	id = session_make_id("\xe5\xb0\x8f", 1795961520);
	assert_string_equal(id, "2026-11-29-child-1412");
	free(id);
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(session_stage_id(STAGE_AGREEING), "agreeing");
	assert_int_equal(session_stage_from_id("signed"), STAGE_SIGNED);
	assert_int_equal(session_stage_from_id("nope"), -1);
	assert_string_equal(action_id(ACTION_SET_BLANK), "set-blank");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_family),
		cmocka_unit_test(test_no_template),
		cmocka_unit_test(test_prompts_order),
		cmocka_unit_test(test_talking),
		cmocka_unit_test(test_short_talk),
		cmocka_unit_test(test_topics),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_blanks),
		cmocka_unit_test(test_clauses_rules_promises),
		cmocka_unit_test(test_signing),
		cmocka_unit_test(test_make_id),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_drafts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
