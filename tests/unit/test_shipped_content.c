/*
 * test_shipped_content.c: the shipped prompts and templates keep what the
 * content issue promised, so a later edit cannot quietly thin them: counts
 * per band, required topics, scenarios, the school letter's seven points in
 * prompts and in clauses, the grown-ups' promises, and the help lines
 * exactly as the content guide gives them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content.h"
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
	const char *top = getenv("top_srcdir");
	struct diag_list d;
	char *p, *a;

	(void)state;
	if (top == NULL)
		top = ".";
	content_init(&shipped);
	diag_list_init(&d);
	p = xasprintf("%s/prompts", top);
	a = xasprintf("%s/agreements", top);
	content_load_path(&shipped, p, &d);
	content_load_path(&shipped, a, &d);
	content_check(&shipped, &d);
	for (size_t i = 0; i < d.n; i++) {
		char *s = diag_string(&d.items[i]);

		fprintf(stderr, "%s\n", s);
		free(s);
	}
	free(p);
	free(a);
	if (d.n_errors != 0) {
		diag_list_cleanup(&d);
		return -1;
	}
	diag_list_cleanup(&d);
	return 0;
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
	size_t n = 0, scenarios = 0, topics = 0;
	size_t per_topic[TOPIC__COUNT] = { 0 };
	unsigned advice = 0;

	for (size_t i = 0; i < shipped.n_prompts; i++) {
		const struct prompt *p = &shipped.prompts[i];

		if (!(p->bands & BAND_BIT(b)))
			continue;
		n++;
		per_topic[p->topic]++;
		scenarios += p->scenario;
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

/* The help lines, exactly as the content guide gives them. */
static bool
S_has(const struct region *r, const char *name, const char *phone,
    const char *web)
{
	for (size_t i = 0; i < r->n_resources; i++) {
		const struct resource *x = &r->resources[i];

		if (strcmp(x->name, name) != 0)
			continue;
		if (phone != NULL && (x->phone == NULL || strcmp(x->phone, phone) != 0))
			return false;
		if (web != NULL && (x->web == NULL || strcmp(x->web, web) != 0))
			return false;
		return true;
	}
	return false;
}

static void
test_help_lines(void **state)
{
	const struct region *uk, *ie, *us, *au;

	(void)state;
	assert_non_null(uk = content_region(&shipped, "UK"));
	assert_non_null(ie = content_region(&shipped, "IE"));
	assert_non_null(us = content_region(&shipped, "US"));
	assert_non_null(au = content_region(&shipped, "AU"));
	assert_true(S_has(uk, "Childline", "0800 1111", NULL));
	assert_true(S_has(uk, "NSPCC helpline", "0808 800 5000", NULL));
	assert_true(S_has(uk, "CEOP Safety Centre", NULL, "ceop.police.uk"));
	assert_true(S_has(uk, "Police", "999", NULL));
	assert_true(S_has(ie, "Childline (ISPCC)", "1800 66 66 66", NULL));
	assert_true(S_has(ie, "Hotline.ie", NULL, NULL));
	assert_true(S_has(ie, "An Garda Síochána", "112 or 999", NULL));
	assert_true(S_has(us, "988 Suicide and Crisis Lifeline", "988", NULL));
	assert_true(S_has(us, "NCMEC CyberTipline", "1-800-843-5678",
	    "report.cybertip.org"));
	assert_true(S_has(us, "Take It Down", NULL, "takeitdown.ncmec.org"));
	assert_true(S_has(us, "Emergency services", "911", NULL));
	assert_true(S_has(au, "Kids Helpline", "1800 55 1800", NULL));
	assert_true(S_has(au, "eSafety Commissioner", NULL, "esafety.gov.au"));
	assert_true(S_has(au, "Triple Zero", "000", NULL));
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
	};

	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
