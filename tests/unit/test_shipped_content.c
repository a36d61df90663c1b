/*
 * test_shipped_content.c: the shipped prompts and templates keep what the
 * content issue promised, so a later edit cannot quietly thin them: counts
 * per band, required topics, scenarios, the school letter's seven points in
 * prompts and in clauses, the grown-ups' promises, the help lines exactly
 * as the content guide gives them; and the safety points of the 2026
 * review: the nude-image exception wherever evidence is mentioned, a
 * sextortion scenario with its steps in order, each band's 2026 topics, and
 * "an adult you trust" in 14-17. (The rules-on limits and reading grades are
 * test_reading.c's.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "content.h"
#include "shipped.h"
#include "diag.h"
#include "util.h"

#define MIN_PROMPTS 20
#define MIN_TOPICS 8
#define MIN_SCENARIOS 4
#define MIN_PROMISES 5

static struct content shipped;

static int
S_setup(void **state)
{
	(void)state;
	return shipped_load(&shipped);
}

static int
S_teardown(void **state)
{
	(void)state;
	content_cleanup(&shipped);
	return 0;
}

/* Topics CONTENT.md asks of every band, then of each band. */
static const enum topic every_band[] = {
	TOPIC_PEOPLE, TOPIC_PLACES, TOPIC_RATINGS, TOPIC_PHOTOS, TOPIC_UNSEND,
	TOPIC_KINDNESS, TOPIC_WORRIED, TOPIC_CONTROLS, TOPIC_GROWN_UPS,
};

static const enum topic by_band[BAND__COUNT][6] = {
	[BAND_4_7] = { TOPIC_WATCHING, TOPIC_MONEY, TOPIC_PRIVACY, TOPIC_STRANGERS },
	[BAND_8_10] = { TOPIC_STRANGERS, TOPIC_PRIVACY, TOPIC_MONEY },
	[BAND_11_13] = { TOPIC_PRIVACY, TOPIC_RELATIONSHIPS, TOPIC_STRANGERS,
	    TOPIC_WATCHING, TOPIC_WELLBEING, TOPIC_MONEY },
	[BAND_14_17] = { TOPIC_INDEPENDENCE, TOPIC_RELATIONSHIPS,
	    TOPIC_STRANGERS, TOPIC_WATCHING, TOPIC_WELLBEING, TOPIC_MONEY },
};

static void
S_check_band(enum band b)
{
	size_t n = 0, scenarios = 0, topics = 0, short_talk = 0;
	size_t per_topic[TOPIC__COUNT] = { 0 };
	unsigned advice = 0;

	for (size_t i = 0; i < shipped.n_prompts; i++) {
		const struct prompt *p = &shipped.prompts[i];

		if (!(p->bands & BAND_BIT(b)))
			continue;
		n++;
		per_topic[p->topic]++;
		scenarios += p->scenario;
		short_talk += p->short_talk > 0;
		advice |= p->advice;
		assert_true(strlen(p->question) > 0);
		assert_true(strlen(p->tip) > 0);
	}
	for (size_t t = 0; t < TOPIC__COUNT; t++)
		topics += per_topic[t] > 0;
	print_message("band %s: %zu prompts, %zu topics, %zu scenarios\n",
	    band_name(b), n, topics, scenarios);
	assert_true(n >= MIN_PROMPTS);
	assert_true(topics >= MIN_TOPICS);
	assert_true(scenarios >= MIN_SCENARIOS);
	for (size_t i = 0; i < sizeof every_band / sizeof every_band[0]; i++) {
		if (per_topic[every_band[i]] == 0)
			fail_msg("band %s has no prompt about '%s'", band_name(b),
			    topic_id(every_band[i]));
	}
	for (size_t i = 0; i < 6 && by_band[b][i] != 0; i++) {
		if (per_topic[by_band[b][i]] == 0)
			fail_msg("band %s has no prompt about '%s'", band_name(b),
			    topic_id(by_band[b][i]));
	}
	for (unsigned pt = 1; pt <= 7; pt++) {
		if (!(advice & (1u << pt)))
			fail_msg("no %s prompt carries point %u of the school letter",
			    band_name(b), pt);
	}
	/* A short talk of about ten questions (issue 19). */
	if (short_talk < 8 || short_talk > 12)
		fail_msg("band %s marks %zu short-talk prompts, not 8 to 12",
		    band_name(b), short_talk);
}

static void
S_check_template(enum band b)
{
	const struct template *t = content_template_for_band(&shipped, b);
	unsigned advice = 0;
	size_t off = 0, everyone = 0, clauses = 0;
	bool kinds[BLANK__COUNT] = { false }, no_punish = false;
	bool child_signs = false, grown_up_signs = false;

	assert_non_null(t);
	for (size_t s = 0; s < t->n_sections; s++) {
		for (size_t i = 0; i < t->sections[s].n_clauses; i++) {
			const struct clause *cl = &t->sections[s].clauses[i];

			clauses++;
			advice |= cl->advice;
			off += !cl->on;
			everyone += cl->binds == BINDS_EVERYONE;
		}
	}
	for (size_t i = 0; i < t->n_blanks; i++)
		kinds[t->blanks[i].kind] = true;
	for (size_t i = 0; i < t->n_promises; i++)
		if (strstr(t->promises[i].text, "not take your device away") != NULL)
			no_punish = true;
	for (size_t i = 0; i < t->n_signatures; i++) {
		child_signs |= t->signatures[i] == ROLE_CHILD;
		grown_up_signs |= t->signatures[i] == ROLE_GROWN_UP;
	}
	print_message("template %s: %zu sections, %zu clauses, %zu off, "
	    "%zu for everyone, %zu promises\n", t->id, t->n_sections, clauses,
	    off, everyone, t->n_promises);
	assert_true(t->n_sections >= 8);
	assert_true(off >= 2);
	assert_true(everyone >= 5);
	assert_true(kinds[BLANK_TIME]);
	assert_true(kinds[BLANK_NUMBER]);
	assert_true(kinds[BLANK_TEXT]);
	assert_true(t->n_promises >= MIN_PROMISES);
	assert_true(no_punish);
	assert_true(t->n_steps >= 3);
	assert_true(child_signs && grown_up_signs);
	assert_true(t->review_months == 1 || t->review_months == 3 ||
	    t->review_months == 6 || t->review_months == 12);
	for (unsigned pt = 1; pt <= 7; pt++) {
		if (!(advice & (1u << pt)))
			fail_msg("no clause in %s carries point %u of the school letter",
			    t->id, pt);
	}
}

static void
test_band_4_7(void **state) { (void)state; S_check_band(BAND_4_7); S_check_template(BAND_4_7); }
static void
test_band_8_10(void **state) { (void)state; S_check_band(BAND_8_10); S_check_template(BAND_8_10); }
static void
test_band_11_13(void **state) { (void)state; S_check_band(BAND_11_13); S_check_template(BAND_11_13); }
static void
test_band_14_17(void **state) { (void)state; S_check_band(BAND_14_17); S_check_template(BAND_14_17); }

/* The help lines, exactly as the content guide's table gives them. */
#define ALL ((1u << BAND__COUNT) - 1)
#define UP8 (BAND_BIT(BAND_8_10) | BAND_BIT(BAND_11_13) | BAND_BIT(BAND_14_17))
#define UP11 (BAND_BIT(BAND_11_13) | BAND_BIT(BAND_14_17))
#define ONLY14 BAND_BIT(BAND_14_17)

static const struct {
	const char *region, *name, *phone, *web;
	unsigned bands;
} S_table[] = {
	{ "UK", "Childline", "0800 1111", "childline.org.uk", ALL },
	{ "UK", "NSPCC helpline", "0808 800 5000", NULL, ALL },
	{ "UK", "Police", "999 in an emergency, 101 when it is not urgent",
	    NULL, ALL },
	{ "UK", "CEOP Safety Centre", NULL, "ceop.police.uk", UP8 },
	{ "UK", "Report Harmful Content", NULL, "reportharmfulcontent.com",
	    UP11 },
	{ "UK", "Report Remove (Childline and IWF)", NULL,
	    "childline.org.uk/remove", UP11 },
	{ "UK", "Samaritans", "116 123", NULL, ONLY14 },
	{ "UK", "Shout", NULL, NULL, ONLY14 },
	{ "UK", "ACT Early", "0800 011 3764", "actearly.uk", UP11 },
	{ "IE", "Childline (ISPCC)", "1800 66 66 66", "childline.ie", ALL },
	{ "IE", "An Garda Síochána", "112 or 999", NULL, ALL },
	{ "IE", "Hotline.ie", NULL, "hotline.ie", UP11 },
	{ "IE", "Samaritans", "116 123", NULL, ONLY14 },
	{ "US", "Childhelp National Child Abuse Hotline", "1-800-422-4453",
	    NULL, ALL },
	{ "US", "Emergency services", "911", NULL, ALL },
	{ "US", "NCMEC CyberTipline", "1-800-843-5678", "report.cybertip.org",
	    UP8 },
	{ "US", "988 Suicide and Crisis Lifeline", "988", NULL, UP11 },
	{ "AU", "Kids Helpline", "1800 55 1800", NULL, ALL },
	{ "AU", "Triple Zero", "000", NULL, ALL },
	{ "AU", "eSafety Commissioner", NULL, "esafety.gov.au/report", UP8 },
	{ "AU", "ACCCE", NULL, "accce.gov.au/report", UP11 },
	{ "AU", "Lifeline", "13 11 14", NULL, ONLY14 },
	{ "all", "Take It Down", NULL, "takeitdown.ncmec.org", UP11 },
};

static void
test_help_lines(void **state)
{
	(void)state;
	assert_non_null(shipped.everywhere);
	for (size_t i = 0; i < sizeof S_table / sizeof S_table[0]; i++) {
		const struct region *r = strcmp(S_table[i].region, "all") == 0 ?
		    shipped.everywhere : content_region(&shipped,
		    S_table[i].region);
		const struct resource *x = NULL;

		assert_non_null(r);
		for (size_t k = 0; k < r->n_resources && x == NULL; k++)
			if (strcmp(r->resources[k].name, S_table[i].name) == 0)
				x = &r->resources[k];
		if (x == NULL)
			fail_msg("%s: no line '%s'", S_table[i].region,
			    S_table[i].name);
		if (S_table[i].phone != NULL)
			assert_string_equal(x->phone != NULL ? x->phone : "",
			    S_table[i].phone);
		if (S_table[i].web != NULL)
			assert_string_equal(x->web != NULL ? x->web : "",
			    S_table[i].web);
		if (x->bands != S_table[i].bands)
			fail_msg("%s '%s': bands 0x%x, the table says 0x%x",
			    S_table[i].region, S_table[i].name, x->bands,
			    S_table[i].bands);
	}
	/* Every line shipped is in the table: none added unchecked. */
	for (size_t k = 0; k < shipped.n_regions; k++) {
		const struct region *r = &shipped.regions[k];

		for (size_t j = 0; j < r->n_resources; j++) {
			bool found = false;

			for (size_t i = 0; i < sizeof S_table / sizeof S_table[0];
			    i++)
				found = found || (strcmp(S_table[i].region,
				    r->code) == 0 && strcmp(S_table[i].name,
				    r->resources[j].name) == 0);
			if (!found)
				fail_msg("%s: line '%s' is not in the content "
				    "guide's table", r->code,
				    r->resources[j].name);
		}
	}
	/* A 4-7 agreement: a child line, the grown-ups' line, the police. */
	for (size_t k = 0; k < shipped.n_regions; k++) {
		const struct resource **lines = NULL;
		size_t n = content_help_lines(&shipped, &shipped.regions[k],
		    BAND_4_7, &lines);

		for (size_t i = 0; i < n; i++)
			assert_true(lines[i]->kind != RESOURCE_REPORT &&
			    lines[i]->kind != RESOURCE_ANYONE);
		free(lines);
	}
}

/*
 * The safety and 2026 points of the content issue. Text checks are by
 * words a reader would see (case ignored): weak alone, but each fails when
 * the point it guards is deleted, which is what they are for.
 */
static bool
S_has_word(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = text; *p != '\0'; p++)
		if (strncasecmp(p, word, n) == 0)
			return true;
	return false;
}

/* Position of the first of alts ("a|b|c") in text at or after from, or -1. */
static long
S_find_any(const char *text, const char *alts, long from)
{
	char buf[256], *save = NULL;
	long best = -1;

	snprintf(buf, sizeof buf, "%s", alts);
	for (char *w = strtok_r(buf, "|", &save); w != NULL;
	    w = strtok_r(NULL, "|", &save)) {
		size_t n = strlen(w);

		for (const char *p = text + from; *p != '\0'; p++) {
			if (strncasecmp(p, w, n) == 0) {
				long at = (long)(p - text);

				if (best < 0 || at < best)
					best = at;
				break;
			}
		}
	}
	return best;
}

typedef void (*S_text_fn)(enum band b, const char *what, const char *id,
    const char *text, bool child_facing);

/* Every text a band shows: prompts, and its template's parts. */
static void
S_each_text(enum band b, S_text_fn fn)
{
	const struct template *t = content_template_for_band(&shipped, b);

	for (size_t i = 0; i < shipped.n_prompts; i++) {
		const struct prompt *p = &shipped.prompts[i];

		if (!(p->bands & BAND_BIT(b)))
			continue;
		fn(b, "question", p->id, p->question, true);
		fn(b, "tip", p->id, p->tip, false);
		for (size_t f = 0; f < p->n_follow_ups; f++)
			fn(b, "follow-up", p->id, p->follow_ups[f], true);
	}
	assert_non_null(t);
	for (size_t s = 0; s < t->n_sections; s++)
		for (size_t i = 0; i < t->sections[s].n_clauses; i++)
			fn(b, "clause", t->sections[s].clauses[i].id,
			    t->sections[s].clauses[i].text, true);
	for (size_t i = 0; i < t->n_promises; i++)
		fn(b, "promise", t->promises[i].id, t->promises[i].text, true);
	/* The steps are read as one text: a step may say the exception. */
	{
		char *all = xstrdup("");

		for (size_t i = 0; i < t->n_steps; i++) {
			char *next = xasprintf("%s%s\n", all, t->steps[i]);

			free(all);
			all = next;
		}
		fn(b, "steps", "if-something-goes-wrong", all, true);
		free(all);
	}
}

static size_t S_bad;

/*
 * Evidence: wherever it is mentioned, the exception for nude images is
 * said in the same breath, and nothing says to keep every picture.
 */
static void
S_evidence(enum band b, const char *what, const char *id, const char *text,
    bool child_facing)
{
	(void)child_facing;
	if (S_has_word(text, "evidence") && !S_has_word(text, "nude") &&
	    !S_has_word(text, "naked") && !S_has_word(text, "sexual") &&
	    !S_has_word(text, "without clothes")) {
		print_message("%s %s %s: evidence without the nude-image "
		    "exception: %s\n", band_name(b), what, id, text);
		S_bad++;
	}
	if (S_has_word(text, "keep everything")) {
		print_message("%s %s %s: keeps every image: %s\n",
		    band_name(b), what, id, text);
		S_bad++;
	}
	if (S_has_word(text, "national reporting service")) {
		print_message("%s %s %s: a reporting service with no name\n",
		    band_name(b), what, id);
		S_bad++;
	}
}

/* 14-17 speaks of "an adult you trust", never of "a grown-up". */
static void
S_adult(enum band b, const char *what, const char *id, const char *text,
    bool child_facing)
{
	const char *p = text;

	if (!child_facing)
		return;
	while ((p = strstr(p, "grown-up")) != NULL) {
		if (p < text + 2 || p[-1] != '{' || p[-2] != '{') {
			print_message("%s %s %s says 'grown-up': %s\n",
			    band_name(b), what, id, text);
			S_bad++;
			break;
		}
		p += 8;
	}
}

static void
test_evidence_exception(void **state)
{
	(void)state;
	S_bad = 0;
	for (int b = 0; b < BAND__COUNT; b++)
		S_each_text((enum band)b, S_evidence);
	S_each_text(BAND_14_17, S_adult);
	assert_int_equal(S_bad, 0);
	/* The older bands' agreements keep the exception in a rule that is on. */
	for (int b = BAND_11_13; b <= BAND_14_17; b++) {
		const struct template *t = content_template_for_band(&shipped,
		    (enum band)b);
		bool found = false;

		for (size_t s = 0; s < t->n_sections; s++)
			for (size_t i = 0; i < t->sections[s].n_clauses; i++) {
				const struct clause *cl = &t->sections[s].clauses[i];

				found |= cl->on &&
				    S_has_word(cl->text, "never screenshot") &&
				    (S_has_word(cl->text, "nude") ||
					S_has_word(cl->text, "sexual"));
			}
		if (!found)
			fail_msg("%s: no rule on by default says never to "
			    "screenshot a nude image", band_name((enum band)b));
	}
}

/*
 * Sextortion: its own scenario in 11-13 and 14-17, with the steps in the
 * content guide's order, never the young person's fault, to the police.
 */
static void
test_sextortion(void **state)
{
	static const char *const steps[] = {
		"pay", "block", "delete the chat|keep the chat", "tell",
		"report", "Take It Down",
	};

	(void)state;
	for (int b = BAND_11_13; b <= BAND_14_17; b++) {
		bool found = false;

		for (size_t i = 0; i < shipped.n_prompts && !found; i++) {
			const struct prompt *p = &shipped.prompts[i];
			long at = 0;

			if (!(p->bands & BAND_BIT(b)) || !p->scenario ||
			    !S_has_word(p->tip, "sextortion"))
				continue;
			for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
				long next = S_find_any(p->tip, steps[s], at);

				if (next < 0)
					fail_msg("%s: the sextortion tip of %s lacks "
					    "'%s' after the step before",
					    band_name((enum band)b), p->id, steps[s]);
				at = next + 1;
			}
			assert_true(S_has_word(p->tip, "not in trouble"));
			assert_true(S_find_any(p->tip,
			    "never their fault|not their fault", 0) >= 0);
			assert_true(S_has_word(p->tip, "police"));
			found = true;
		}
		if (!found)
			fail_msg("%s has no sextortion scenario",
			    band_name((enum band)b));
	}
}

/* What 2026 asks of each band: each group must be in some prompt. */
static const char *const topics_2026[BAND__COUNT][16] = {
	[BAND_4_7] = { "voice assistant|talking toy|toys that talk",
	    "rude|naked", "driving|drive" },
	[BAND_8_10] = { "chatbot", "homework|schoolwork", "rude|naked",
	    "on camera|video call|go live|going live|livestream|live stream",
	    "challenge", "true|misinformation", "birthday", "scam",
	    "influencer|advert| ads|paid post|paid to say", "driving|drive", "PEGI" },
	[BAND_11_13] = { "chatbot", "homework|schoolwork", "nudif|AI-made|fake sexual", "porn",
	    "on camera|video call|go live|going live|livestream|live stream",
	    "challenge", "true|misinformation", "birthday", "scam|trick",
	    "influencer|advert| ads|paid post|paid to say", "self-harm|hurting themselves|hurt themselves",
	    "driving|drive", "PEGI" },
	[BAND_14_17] = { "chatbot", "homework|schoolwork", "nudif|AI-made|fake sexual", "porn",
	    "on camera|video call|go live|going live|livestream|live stream",
	    "challenge", "true|misinformation", "birthday", "scam",
	    "money mule", "influencer|advert| ads|paid post|paid to say",
	    "self-harm|hurting themselves|hurt themselves", "misogyn|women and girls",
	    "learner|start driving|new drivers", "driving|drive", "PEGI" },
};

static void
test_2026_topics(void **state)
{
	size_t missing = 0;

	(void)state;
	for (int b = 0; b < BAND__COUNT; b++) {
		for (size_t g = 0; g < 16 && topics_2026[b][g] != NULL; g++) {
			bool found = false;

			for (size_t i = 0; i < shipped.n_prompts && !found; i++) {
				const struct prompt *p = &shipped.prompts[i];

				if (!(p->bands & BAND_BIT(b)))
					continue;
				found = S_find_any(p->question, topics_2026[b][g], 0) >= 0 ||
				    S_find_any(p->tip, topics_2026[b][g], 0) >= 0;
			}
			if (!found) {
				print_message("%s: no prompt about '%s'\n",
				    band_name((enum band)b), topics_2026[b][g]);
				missing++;
			}
		}
	}
	assert_int_equal(missing, 0);
}

/*
 * Review prompts: a few per band (what worked, what was hard, what has
 * changed since), each with a tip; 14-17 also asks which controls step
 * down now. For 4-7, questions of about ten words or fewer.
 */
static void
test_review_prompts(void **state)
{
	static const char *const asks[] = { "work|easy", "hard",
	    "changed|new since|anything new" };

	(void)state;
	for (int b = 0; b < BAND__COUNT; b++) {
		const struct template *t = content_template_for_band(&shipped,
		    (enum band)b);
		bool controls = false;

		assert_non_null(t);
		print_message("%s: %zu review questions\n", band_name((enum band)b),
		    t->n_review);
		assert_in_range(t->n_review, 3, 6);
		for (size_t i = 0; i < t->n_review; i++) {
			assert_true(strlen(t->review[i].tip) > 20);
			controls = controls || (S_find_any(t->review[i].question,
			    "controls", 0) >= 0 && S_find_any(t->review[i].question,
			    "step down|come off", 0) >= 0);
			if (b == BAND_4_7) {
				size_t words = 1;

				for (const char *c = t->review[i].question; *c; c++)
					words += *c == ' ';
				assert_in_range(words, 1, 14);
			}
		}
		for (size_t g = 0; g < sizeof asks / sizeof asks[0]; g++) {
			bool found = false;

			for (size_t i = 0; i < t->n_review && !found; i++)
				found = S_find_any(t->review[i].question, asks[g],
				    0) >= 0;
			if (!found)
				print_message("%s: no review question about '%s'\n",
				    band_name((enum band)b), asks[g]);
			assert_true(found);
		}
		assert_true(b != BAND_14_17 || controls);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_band_4_7),
		cmocka_unit_test(test_band_8_10),
		cmocka_unit_test(test_band_11_13),
		cmocka_unit_test(test_band_14_17),
		cmocka_unit_test(test_help_lines),
		cmocka_unit_test(test_evidence_exception),
		cmocka_unit_test(test_sextortion),
		cmocka_unit_test(test_2026_topics),
		cmocka_unit_test(test_review_prompts),
	};

	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
