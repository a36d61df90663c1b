/*
 * test_reading.c: the shipped agreements read at the level of the child who
 * signs them, and stay short enough to live by.
 *
 * For each band's template: the clauses switched on by default (in every
 * section) and the promises switched on by default, each taken as one
 * sentence, with {{child}} as "Sam", {{grown-ups}} as "Mum and Dad" and
 * every other blank filled with its default. The Flesch-Kincaid grade is
 *
 *	0.39 * words / sentences + 11.8 * syllables / words - 15.59
 *
 * Words are runs of letters, digits and apostrophes. Syllables are groups of
 * vowels (a e i o u y), less a silent final "e" (not "le") and a final "ed"
 * after a letter other than t or d, at least one a word; a number is one
 * syllable when it is one digit, else two. Other counters differ by a few
 * tenths, so the content aims a little under the limits.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content.h"
#include "shipped.h"
#include "diag.h"
#include "util.h"

static struct content shipped;

/* The targets: at most this grade, and at most this many rules on. */
static const double max_grade[BAND__COUNT] = {
	[BAND_4_7] = 2.5, [BAND_8_10] = 4.5, [BAND_11_13] = 99.0, [BAND_14_17] = 99.0,	/* no limit */
};
static const size_t max_on[BAND__COUNT] = {
	[BAND_4_7] = 15, [BAND_8_10] = 20, [BAND_11_13] = 24, [BAND_14_17] = 24,
};

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

struct counts {
	size_t sentences, words, syllables;
};

static bool
S_vowel(int c)
{
	return strchr("aeiouy", c) != NULL;
}

static size_t
S_syllables(const char *w, size_t len)
{
	char lw[64];
	size_t n = 0, i;
	bool digits = false;

	if (len >= sizeof lw)
		len = sizeof lw - 1;
	for (i = 0; i < len; i++) {
		lw[i] = (char)tolower((unsigned char)w[i]);
		digits |= isdigit((unsigned char)w[i]) != 0;
	}
	lw[len] = '\0';
	if (digits)
		return len == 1 ? 1 : 2;
	for (i = 0; i < len; i++)
		if (S_vowel(lw[i]) && (i == 0 || !S_vowel(lw[i - 1])))
			n++;
	if (n > 1 && len > 2 && lw[len - 1] == 'e' && lw[len - 2] != 'l' &&
	    !S_vowel(lw[len - 2]))
		n--;
	if (n > 1 && len > 3 && lw[len - 2] == 'e' && lw[len - 1] == 'd' &&
	    lw[len - 3] != 't' && lw[len - 3] != 'd' && !S_vowel(lw[len - 3]))
		n--;
	return n == 0 ? 1 : n;
}

static bool
S_word_char(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return isalnum(c) || c == '\'' ||
	    (c == 0xe2 && (unsigned char)s[1] == 0x80 &&
		(unsigned char)s[2] == 0x99);	/* ’ */
}

static void
S_count_text(const char *s, struct counts *c)
{
	c->sentences++;
	while (*s != '\0') {
		const char *start;
		size_t letters = 0;
		char w[64];

		if (!S_word_char(s)) {
			s++;
			continue;
		}
		start = s;
		while (*s != '\0' && S_word_char(s)) {
			if ((unsigned char)*s == 0xe2) {
				s += 3;
				continue;
			}
			if (isalnum((unsigned char)*s) && letters < sizeof w - 1)
				w[letters++] = *s;
			s++;
		}
		(void)start;
		if (letters == 0)
			continue;
		c->words++;
		c->syllables += S_syllables(w, letters);
	}
}

/* The text with its markers filled: "Sam", "Mum and Dad", defaults. */
static char *
S_fill(const struct template *t, const char *text)
{
	size_t cap = strlen(text) * 4 + 256, n = 0;
	char *out = xmalloc(cap);

	while (*text != '\0') {
		const char *end, *val = NULL;
		char name[128];
		size_t len;

		if (text[0] != '{' || text[1] != '{' ||
		    (end = strstr(text + 2, "}}")) == NULL) {
			if (n + 1 >= cap)
				break;
			out[n++] = *text++;
			continue;
		}
		len = (size_t)(end - (text + 2));
		if (len >= sizeof name)
			len = sizeof name - 1;
		memcpy(name, text + 2, len);
		name[len] = '\0';
		if (strcmp(name, "child") == 0)
			val = "Sam";
		else if (strcmp(name, "grown-ups") == 0)
			val = "Mum and Dad";
		else {
			const struct blank *b = template_blank(t, name);

			val = b != NULL && b->def != NULL ? b->def : "something";
		}
		len = strlen(val);
		if (n + len + 1 >= cap)
			break;
		memcpy(out + n, val, len);
		n += len;
		text = end + 2;
	}
	out[n] = '\0';
	return out;
}

static double
S_grade(const struct counts *c)
{
	if (c->words == 0 || c->sentences == 0)
		return 0;
	return 0.39 * (double)c->words / (double)c->sentences +
	    11.8 * (double)c->syllables / (double)c->words - 15.59;
}

static void
S_check(enum band b)
{
	const struct template *t = content_template_for_band(&shipped, b);
	struct counts c = { 0 };
	size_t on = 0;
	double g;

	assert_non_null(t);
	for (size_t s = 0; s < t->n_sections; s++) {
		for (size_t i = 0; i < t->sections[s].n_clauses; i++) {
			const struct clause *cl = &t->sections[s].clauses[i];
			char *text;

			if (!cl->on)
				continue;
			on++;
			text = S_fill(t, cl->text);
			S_count_text(text, &c);
			free(text);
		}
	}
	for (size_t i = 0; i < t->n_promises; i++) {
		char *text;

		if (!t->promises[i].on)
			continue;
		text = S_fill(t, t->promises[i].text);
		S_count_text(text, &c);
		free(text);
	}
	g = S_grade(&c);
	print_message("band %s: reading grade %.2f (limit %.1f), %zu rules on "
	    "(limit %zu); %zu sentences, %zu words, %zu syllables\n",
	    band_name(b), g, max_grade[b], on, max_on[b], c.sentences, c.words,
	    c.syllables);
	if (g > max_grade[b])
		fail_msg("the %s agreement reads at grade %.2f, above %.1f",
		    band_name(b), g, max_grade[b]);
	if (on > max_on[b])
		fail_msg("the %s agreement has %zu rules on by default, more "
		    "than %zu", band_name(b), on, max_on[b]);
}

/* The counter itself, on sentences whose grade is known by hand. */
static void
test_counter(void **state)
{
	struct counts c = { 0 };

	(void)state;
	/* 6 words, 6 syllables: 0.39 * 6 + 11.8 - 15.59 = -1.45 */
	S_count_text("We put the phone to bed.", &c);
	assert_int_equal(c.words, 6);
	assert_int_equal(c.syllables, 6);
	assert_true(S_grade(&c) < -1.44 && S_grade(&c) > -1.46);
	memset(&c, 0, sizeof c);
	/* "Devices" 3, "charge" 1, "kitchen" 2, "at" 1, "18:30" 2 + 2 */
	S_count_text("Devices charge in the kitchen at 18:30.", &c);
	assert_int_equal(c.words, 8);
	assert_int_equal(c.syllables, 3 + 1 + 1 + 1 + 2 + 1 + 2 + 2);
	memset(&c, 0, sizeof c);
	S_count_text("We’ll ask first; it's fine.", &c);
	assert_int_equal(c.words, 5);
	assert_int_equal(c.syllables, 5);
}

static void
test_band_4_7(void **state) { (void)state; S_check(BAND_4_7); }
static void
test_band_8_10(void **state) { (void)state; S_check(BAND_8_10); }
static void
test_band_11_13(void **state) { (void)state; S_check(BAND_11_13); }
static void
test_band_14_17(void **state) { (void)state; S_check(BAND_14_17); }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counter),
		cmocka_unit_test(test_band_4_7),
		cmocka_unit_test(test_band_8_10),
		cmocka_unit_test(test_band_11_13),
		cmocka_unit_test(test_band_14_17),
	};

	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
