/*
 * test_review.c: the rules of a review (review.h) on the shipped 8-10
 * template and the signed 8-10 sample: what a review starts from and
 * goes through, the notes (and the mistakes refused), carrying the
 * decisions into the agreement (twice changes nothing more), what
 * changed (45 -> 60 minutes, a dropped rule, an added promise), and the
 * session file keeping it all.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "review.h"
#include "session.h"
#include "session_store.h"
#include "shipped.h"
#include "util.h"

#define NOW ((time_t)1797242400)	/* 2026-12-15T10:00:00Z */

static struct content shipped;
static struct session sample;

static int
S_setup(void **state)
{
	const char *top = getenv("top_srcdir");
	struct diag_list d;
	char *path;
	int rc;

	(void)state;
	if (shipped_load(&shipped) != 0)
		return -1;
	diag_list_init(&d);
	session_init(&sample);
	path = xasprintf("%s/tests/sessions/8-10.yaml", top != NULL ? top : ".");
	rc = session_store_load_path(path, &sample, &d);
	free(path);
	diag_list_cleanup(&d);
	return rc;
}

static int
S_teardown(void **state)
{
	(void)state;
	session_cleanup(&sample);
	content_cleanup(&shipped);
	return 0;
}

static void
S_apply(struct session *s, struct action a)
{
	char *cause = NULL;

	if (session_apply(s, &shipped, &a, NOW, &cause) != 0)
		fail_msg("%s: %s", action_id(a.kind), cause);
	free(cause);
}

static const struct previous_item *
S_item(const struct session *s, const char *key)
{
	for (size_t i = 0; i < s->replaces->n_items; i++)
		if (strcmp(s->replaces->items[i].key, key) == 0)
			return &s->replaces->items[i];
	return NULL;
}

static void
test_start(void **state)
{
	struct session r;
	struct review_items l;
	char *cause = NULL;
	size_t n, questions = 0;

	(void)state;
	assert_int_equal(review_start(&sample, &shipped, NOW, &r, &cause), 0);
	assert_int_equal(r.version, 2);
	assert_int_equal(r.stage, STAGE_REVIEWING);
	assert_null(r.id);
	assert_string_equal(r.child, "Sam");
	assert_int_equal(r.n_rules, sample.n_rules);
	assert_string_equal(r.replaces->id, "2026-11-29-sam-1412");
	assert_int_equal(r.replaces->version, 1);
	assert_non_null(r.replaces->fingerprint);
	assert_int_equal(strlen(r.replaces->fingerprint), 64);
	/* As signed: the blank filled, the family's own rules by number. */
	assert_string_equal(S_item(&r, "clause/game-time")->text,
	    "Sam has 45 minutes of games and videos on a school day, 90 on "
	    "other days.");
	assert_non_null(S_item(&r, "rule/1"));
	assert_non_null(S_item(&r, "promise/no-punish-telling"));
	assert_null(S_item(&r, "clause/shared-rooms"));	/* off: not a rule */
	/* First the rules, then the promises, then the questions. */
	n = review_items(&r, &shipped, &l);
	assert_true(n > 10);
	assert_int_equal(l.items[0].kind, REVIEW_ITEM_RULE);
	assert_int_equal(l.items[n - 1].kind, REVIEW_ITEM_QUESTION);
	for (size_t i = 1; i < n; i++)
		assert_true(l.items[i].kind >= l.items[i - 1].kind);
	for (size_t i = 0; i < n; i++)
		questions += l.items[i].kind == REVIEW_ITEM_QUESTION;
	assert_int_equal(questions, session_template(&r, &shipped)->n_review);
	assert_int_equal(review_next(&r, &shipped), 0);
	review_items_cleanup(&l);
	/* Nothing still to agree yet. */
	assert_int_equal(review_still_to_agree(&r, &shipped, &l), 0);
	session_cleanup(&r);

	/*
	 * The replaced rules are the words as signed (the frozen words), not
	 * the content's words now; and its fingerprint is the frozen one.
	 */
	assert_non_null(sample.frozen);
	{
		char **piece = &sample.frozen->blocks[0].items[0].pieces[0];
		char *was = *piece;

		*piece = xasprintf("As signed: %s", was);
		assert_int_equal(review_start(&sample, &shipped, NOW, &r,
		    &cause), 0);
		assert_true(strncmp(r.replaces->items[0].text, "As signed: ",
		    11) == 0);
		assert_string_equal(r.replaces->fingerprint,
		    sample.frozen->fingerprint);
		assert_string_equal(r.replaces->date, "29 November 2026");
		session_cleanup(&r);
		free(*piece);
		*piece = was;
	}

	/* Not signed: refused, and says how to carry on. */
	sample.stage = STAGE_SIGNING;
	assert_int_equal(review_start(&sample, &shipped, NOW, &r, &cause), -1);
	assert_string_equal(cause, "not signed yet: talkpact resume "
	    "2026-11-29-sam-1412");
	free(cause);
	sample.stage = STAGE_SIGNED;
}

static void
test_notes(void **state)
{
	struct session r;
	char *cause = NULL;
	struct action a = { .kind = ACTION_REVIEW, .id = "clause/game-time" };

	(void)state;
	assert_int_equal(review_start(&sample, &shipped, NOW, &r, &cause), 0);
	/* A rule needs a decision; a question has none; keys must exist. */
	a.number = DECISION_NONE;
	assert_int_equal(session_apply(&r, &shipped, &a, NOW, &cause), -1);
	free(cause);
	a.id = "prompt/what-worked";
	a.number = DECISION_KEEP;
	assert_int_equal(session_apply(&r, &shipped, &a, NOW, &cause), -1);
	free(cause);
	a.id = "clause/no-such-rule";
	assert_int_equal(session_apply(&r, &shipped, &a, NOW, &cause), -1);
	free(cause);
	a.id = "clause/game-time";
	a.text = "bad\001text";
	assert_int_equal(session_apply(&r, &shipped, &a, NOW, &cause), -1);
	free(cause);
	assert_int_equal(r.n_notes, 0);

	S_apply(&r, (struct action){ .kind = ACTION_REVIEW,
	    .id = "clause/game-time", .number = DECISION_CHANGE,
	    .text = "More, please", .text2 = "  " });
	assert_int_equal(r.n_notes, 1);
	assert_string_equal(review_note(&r, "clause/game-time")->child,
	    "More, please");
	assert_null(review_note(&r, "clause/game-time")->grown_up);
	/* Again: the note is replaced, not added. */
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW,
	    .id = "clause/game-time", .number = DECISION_KEEP });
	assert_int_equal(r.n_notes, 1);
	assert_null(review_note(&r, "clause/game-time")->child);
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW,
	    .id = "prompt/what-worked", .number = DECISION_NONE,
	    .text = "Bedtimes" });
	/* Talking is not a review's business. */
	a = (struct action){ .kind = ACTION_SET_TALK, .number = TALK_ALL };
	assert_int_equal(session_apply(&r, &shipped, &a, NOW, &cause), -1);
	free(cause);
	a = (struct action){ .kind = ACTION_BACK };
	assert_int_equal(session_apply(&r, &shipped, &a, NOW, &cause), -1);
	free(cause);
	session_cleanup(&r);
}

static void
test_changes(void **state)
{
	struct session r;
	struct review_changes ch;
	char *cause = NULL;
	size_t rules_before;

	(void)state;
	assert_int_equal(review_start(&sample, &shipped, NOW, &r, &cause), 0);
	assert_int_equal(review_changes(&r, &shipped, &ch), 0);
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW,
	    .id = "clause/ai-not-people", .number = DECISION_DROP });
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW,
	    .id = "rule/1", .number = DECISION_DROP });
	S_apply(&r, (struct action){ .kind = ACTION_START_AGREEING });
	assert_int_equal(r.stage, STAGE_AGREEING);
	assert_int_equal(r.n_rules, sample.n_rules - 1);
	/* Back to reviewing and on again: nothing more changes. */
	S_apply(&r, (struct action){ .kind = ACTION_BACK });
	assert_int_equal(r.stage, STAGE_REVIEWING);
	rules_before = r.n_rules;
	S_apply(&r, (struct action){ .kind = ACTION_START_AGREEING });
	assert_int_equal(r.n_rules, rules_before);
	/* Kept after all: the own rule comes back. */
	S_apply(&r, (struct action){ .kind = ACTION_BACK });
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW,
	    .id = "rule/1", .number = DECISION_KEEP });
	S_apply(&r, (struct action){ .kind = ACTION_START_AGREEING });
	assert_int_equal(r.n_rules, sample.n_rules);

	S_apply(&r, (struct action){ .kind = ACTION_SET_BLANK,
	    .id = "game-minutes", .text = "60" });
	S_apply(&r, (struct action){ .kind = ACTION_SET_BLANK,
	    .id = "charging-room", .text = "the hall" });
	S_apply(&r, (struct action){ .kind = ACTION_SET_PROMISE,
	    .id = "same-phone-free-times", .flag = true });
	assert_int_equal(review_changes(&r, &shipped, &ch), 4);
	assert_int_equal(ch.items[0].kind, CHANGE_RULE_CHANGED);
	assert_string_equal(ch.items[0].text, "Sam has 60 minutes of games and "
	    "videos on a school day, 90 on other days.");
	assert_string_equal(ch.items[0].detail, "45 \xe2\x86\x92 60 minutes");
	assert_int_equal(ch.items[1].kind, CHANGE_RULE_CHANGED);
	assert_string_equal(ch.items[1].detail,
	    "the kitchen \xe2\x86\x92 the hall");
	assert_int_equal(ch.items[2].kind, CHANGE_RULE_DROPPED);
	assert_string_equal(ch.items[2].text, "AI chatbots can be wrong and are "
	    "not people, so we tell them nothing private.");
	assert_int_equal(ch.items[3].kind, CHANGE_PROMISE_ADDED);
	assert_string_equal(review_change_label(ch.items[3].kind), "Promise added");
	review_changes_cleanup(&ch);
	session_cleanup(&r);
}

static void
test_store(void **state)
{
	struct session r, back;
	struct diag_list d;
	char *cause = NULL, *text, *again;

	(void)state;
	assert_int_equal(review_start(&sample, &shipped, NOW, &r, &cause), 0);
	r.id = xstrdup("2026-12-15-sam-1000");
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW,
	    .id = "clause/game-time", .number = DECISION_CHANGE,
	    .text = "More time\nplease", .text2 = "Agreed: 60" });
	/* With the topics key beside the review's keys (any format). */
	r.topics = SESSION_TOPIC_BIT(TOPIC_PEOPLE);
	text = session_store_format(&r);
	assert_non_null(text);
	diag_list_init(&d);
	session_init(&back);
	assert_int_equal(session_store_load_buffer("r.yaml", text, strlen(text),
	    &back, &d), 0);
	assert_int_equal(back.version, 2);
	assert_int_equal(back.stage, STAGE_REVIEWING);
	assert_string_equal(back.replaces->id, r.replaces->id);
	assert_int_equal(back.replaces->signed_at, r.replaces->signed_at);
	assert_int_equal(back.replaces->n_items, r.replaces->n_items);
	assert_int_equal(back.replaces->n_blanks, r.replaces->n_blanks);
	assert_string_equal(back.notes[0].child, "More time\nplease");
	assert_int_equal(back.notes[0].decision, DECISION_CHANGE);
	assert_int_equal(back.topics, SESSION_TOPIC_BIT(TOPIC_PEOPLE));
	again = session_store_format(&back);
	assert_string_equal(again, text);
	free(again);
	free(text);
	session_cleanup(&back);
	session_cleanup(&r);

	/* A review needs what it replaces; a decision must be one we know. */
	session_init(&back);
	text = "format: 1\nstage: reviewing\nfamily: {child: Sam, age: 9, "
	    "band: 8-10, grown-ups: [Jo]}\n";
	assert_int_equal(session_store_load_buffer("x.yaml", text, strlen(text),
	    &back, &d), -1);
	session_cleanup(&back);
	session_init(&back);
	text = "format: 1\nstage: talking\nfamily: {child: Sam, age: 9, "
	    "band: 8-10, grown-ups: [Jo]}\nreview:\n- item: x\n  decision: "
	    "maybe\n";
	assert_int_equal(session_store_load_buffer("y.yaml", text, strlen(text),
	    &back, &d), -1);
	session_cleanup(&back);
	assert_true(d.n >= 2);
	diag_list_cleanup(&d);
}

/*
 * Every voice in a review: with two grown-ups (Alex Smith and Jo), each
 * one's line about an item is kept under their name (after the note is
 * made), written and read back as the note's "voices", and in the digest
 * only when present.
 */
static void
test_voices(void **state)
{
	struct session r, back;
	struct diag_list d;
	char *cause = NULL, *text, *again, *plain, *with;
	const struct review_note *n;
	struct action a = { .kind = ACTION_REVIEW_VOICE,
	    .id = "clause/game-time", .index = 0, .text = "Fair" };

	(void)state;
	assert_int_equal(review_start(&sample, &shipped, NOW, &r, &cause), 0);
	r.id = xstrdup("2026-12-15-sam-1000");
	/* No note yet: a voice needs the decision first. */
	assert_int_equal(session_apply(&r, &shipped, &a, NOW, &cause), -1);
	free(cause);
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW,
	    .id = "clause/game-time", .number = DECISION_KEEP,
	    .text = "It worked" });
	plain = session_signed_canonical(&r);
	assert_null(strstr(plain, "note.voices"));
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW_VOICE,
	    .id = "clause/game-time", .index = 0, .text = "Fair enough" });
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW_VOICE,
	    .id = "clause/game-time", .index = 1, .text = "Too long on Sundays" });
	n = review_note(&r, "clause/game-time");
	assert_int_equal(n->n_voices, 2);
	assert_null(n->grown_up);
	assert_string_equal(review_note_voice(n, r.grown_ups[0]), "Fair enough");
	assert_string_equal(review_note_voice(n, "Jo"), "Too long on Sundays");
	assert_null(review_note_voice(n, "Nobody"));
	/* No such grown-up; text that is not acceptable. */
	a.index = 2;
	assert_int_equal(session_apply(&r, &shipped, &a, NOW, &cause), -1);
	free(cause);
	a.index = 1;
	a.text = "bad\001text";
	assert_int_equal(session_apply(&r, &shipped, &a, NOW, &cause), -1);
	free(cause);
	assert_string_equal(review_note_voice(n, "Jo"), "Too long on Sundays");
	/* In the digest, only when present. */
	with = session_signed_canonical(&r);
	assert_non_null(strstr(with, "note.voices"));
	assert_non_null(strstr(with, "Too long on Sundays"));

	/* Written as the note's voices and read back the same. */
	text = session_store_format(&r);
	assert_non_null(strstr(text, "  voices:\n"));
	assert_non_null(strstr(text, "    Jo: \"Too long on Sundays\"\n"));
	diag_list_init(&d);
	session_init(&back);
	assert_int_equal(session_store_load_buffer("r.yaml", text, strlen(text),
	    &back, &d), 0);
	n = review_note(&back, "clause/game-time");
	assert_int_equal(n->n_voices, 2);
	assert_string_equal(review_note_voice(n, "Jo"), "Too long on Sundays");
	again = session_store_format(&back);
	assert_string_equal(again, text);
	free(again);
	again = session_signed_canonical(&back);
	assert_string_equal(again, with);
	free(again);
	session_cleanup(&back);
	diag_list_cleanup(&d);
	free(text);

	/* A blank line removes a voice; with none left the digest is as before. */
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW_VOICE,
	    .id = "clause/game-time", .index = 0, .text = "" });
	S_apply(&r, (struct action){ .kind = ACTION_REVIEW_VOICE,
	    .id = "clause/game-time", .index = 1, .text = "  " });
	assert_int_equal(review_note(&r, "clause/game-time")->n_voices, 0);
	again = session_signed_canonical(&r);
	assert_string_equal(again, plain);
	free(again);
	free(plain);
	free(with);
	session_cleanup(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_store),
		cmocka_unit_test(test_voices),
	};

	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
