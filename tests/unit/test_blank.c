/*
 * test_blank.c: the one blank rule (blank.h), the one {{marker}} filler
 * (fill.h) and the name joiner, each asked the same question as typing
 * and saving would ask it.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "blank.h"
#include "fill.h"
#include "util.h"

static char *rooms[] = { "the kitchen", "the hall" };
static struct blank S_time = { .id = "bedtime", .kind = BLANK_TIME,
	.label = "Bedtime", .def = "19:30", .min = LONG_MIN, .max = LONG_MAX };
static struct blank S_num = { .id = "minutes", .kind = BLANK_NUMBER,
	.label = "Minutes", .def = "45", .min = 10, .max = 180 };
static struct blank S_room = { .id = "room", .kind = BLANK_CHOICE,
	.label = "Room", .def = "the kitchen", .choices = rooms, .n_choices = 2,
	.min = LONG_MIN, .max = LONG_MAX };
static struct blank S_text = { .id = "apps", .kind = BLANK_TEXT,
	.label = "Apps", .def = "a drawing app", .min = LONG_MIN, .max = LONG_MAX };

/* blank_parse's value in one mode, or "!" and the message. */
static char *
S_parse(const struct blank *b, const char *text, bool partial)
{
	char *v = NULL, *why = NULL, *out;

	if (blank_parse(b, text, partial, &v, &why) != 0) {
		assert_null(v);
		assert_non_null(why);
		out = xasprintf("!%s", why);
		free(why);
		return out;
	}
	assert_null(why);
	out = v != NULL ? v : xstrdup("");
	return out;
}

#define PARSE(b, text, partial, want) do { \
	char *got_ = S_parse((b), (text), (partial)); \
	if (strncmp(got_, (want), strlen(want)) != 0) \
		fail_msg("'%s' (%s) gave '%s', not '%s'", (text), \
		    (partial) ? "typing" : "saving", got_, (want)); \
	free(got_); \
} while (0)
/* The same answer typing and saving. */
#define BOTH(b, text, want) do { PARSE(b, text, true, want); \
	PARSE(b, text, false, want); } while (0)

static void
test_time(void **state)
{
	(void)state;
	/* Trailing and leading spaces are trimmed the same way on both paths. */
	BOTH(&S_time, "22:30 ", "22:30");
	BOTH(&S_time, "  7:05", "07:05");
	BOTH(&S_time, "25:00", "!25 is not an hour");
	BOTH(&S_time, "19:60", "!60 is not a minute");
	BOTH(&S_time, "7pm", "!Please type a time like 19:30");
	BOTH(&S_time, "123", "!Please type a time like 19:30");
	BOTH(&S_time, "19:305", "!Please type a time like 19:30");
	BOTH(&S_time, "", "");
	/* The start of a time is fine while typing only. */
	PARSE(&S_time, "19:", true, "");
	PARSE(&S_time, "19:3", true, "");
	PARSE(&S_time, "2", true, "");
	PARSE(&S_time, "19:", false, "!Please type a time like 19:30");
	PARSE(&S_time, "19:3", false, "!Please type a time like 19:30");
	PARSE(&S_time, "19:7", true, "!Please type a time like 19:30");
}

static void
test_number(void **state)
{
	(void)state;
	BOTH(&S_num, " 060 ", "60");
	BOTH(&S_num, "181", "!Please type a number from 10 to 180.");
	BOTH(&S_num, "ten", "!Please type a number from 10 to 180.");
	BOTH(&S_num, "99999999999999999999999", "!Please type a number from 10 to 180.");
	PARSE(&S_num, "4", true, "");		/* on the way to 45 */
	PARSE(&S_num, "4", false, "!Please type a number from 10 to 180.");
	PARSE(&S_num, "-", true, "!Please type a number from 10 to 180.");
}

static void
test_choice(void **state)
{
	(void)state;
	/* Whatever the case, on both paths; the template's spelling is kept. */
	BOTH(&S_room, "The Hall", "the hall");
	BOTH(&S_room, " the KITCHEN ", "the kitchen");
	BOTH(&S_room, "the garden", "!Please pick one of: the kitchen or the hall.");
	PARSE(&S_room, "The K", true, "");
	PARSE(&S_room, "The K", false, "!Please pick one of:");
}

static void
test_text(void **state)
{
	(void)state;
	BOTH(&S_text, "  Minecraft & {{child}} ", "Minecraft & {{child}}");
	BOTH(&S_text, "a\nb", "!That must be one line");
	BOTH(&S_text, "   ", "");
}

static void
test_join(void **state)
{
	const char *names[] = { "Sam", "Alex", "Jo" };
	char *s;

	(void)state;
	s = join_words(names, 0, "and");
	assert_string_equal(s, "");
	free(s);
	s = join_words(names, 1, "and");
	assert_string_equal(s, "Sam");
	free(s);
	s = join_words(names, 2, "and");
	assert_string_equal(s, "Sam and Alex");
	free(s);
	s = join_words(names, 3, "or");
	assert_string_equal(s, "Sam, Alex or Jo");
	free(s);
	s = text_trim(" \t x y \r\n");
	assert_string_equal(s, "x y");
	free(s);
}

static char *
S_lookup(const struct marker *m, void *arg)
{
	(void)arg;
	if (marker_is(m, NULL, "child"))
		return xstrdup("Zoë");
	if (marker_is(m, "region", "currency"))
		return xstrdup("£");
	return NULL;
}

static void
test_fill(void **state)
{
	const char *text = "{{child}} saves {{region:currency}}5, {{nope}} "
	    "and {{region:child}}.";
	struct marker m;
	size_t at = 0;
	char *s;

	(void)state;
	s = fill_string(text, S_lookup, NULL, "___");
	assert_string_equal(s, "Zoë saves £5, ___ and ___.");
	free(s);
	s = fill_string(text, S_lookup, NULL, NULL);
	assert_string_equal(s, "Zoë saves £5, {{nope}} and {{region:child}}.");
	free(s);
	s = fill_string("no markers", S_lookup, NULL, "___");
	assert_string_equal(s, "no markers");
	free(s);

	/* The scanner gives each marker's place and namespace. */
	assert_int_equal(fill_next(text, &at, &m), 1);
	assert_int_equal(m.start, 0);
	assert_int_equal(m.len, 9);
	assert_int_equal(m.ns_len, 0);
	assert_int_equal(fill_next(text, &at, &m), 1);
	assert_int_equal(m.start, 16);
	assert_int_equal(m.ns_len, 6);
	assert_true(marker_is(&m, "region", "currency"));
	assert_false(marker_is(&m, NULL, "currency"));
	at = 0;
	assert_int_equal(fill_next("a {{b", &at, &m), -1);
	assert_int_equal(m.start, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_choice),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_fill),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
