/*
 * test_ics.c: the iCalendar writer: TEXT escaping, folding at 75 octets
 * without splitting a UTF-8 character, and the review event's lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "ics.h"
#include "session.h"

static void
escape_is(const char *in, const char *want)
{
	char *got = ics_escape_text(in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_escape(void **state)
{
	(void)state;
	escape_is("", "");
	escape_is("Sam", "Sam");
	escape_is("a\\b;c,d", "a\\\\b\\;c\\,d");
	escape_is("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour");
	escape_is("\"quoted\" : colon", "\"quoted\" : colon");
	escape_is("tab\there, bell\a", "tab\there\\, bell ");
	escape_is("Zoë 🦊", "Zoë 🦊");
}

/* Every line of s ends in CRLF, is at most 75 octets and, unfolded, is want. */
static void
fold_check(const char *in)
{
	char *got = ics_fold(in), *p = got, *joined = calloc(1, strlen(got) + 1);
	size_t jn = 0;
	int n = 0;

	assert_non_null(joined);
	while (*p != '\0') {
		char *end = strstr(p, "\r\n");
		size_t len;

		assert_non_null(end);
		len = (size_t)(end - p);
		assert_true(len <= 75);
		assert_true(len == 0 || memchr(p, '\n', len) == NULL);
		if (n > 0) {
			assert_int_equal(p[0], ' ');
			p++;
			len--;
		}
		/* No piece starts inside a character. */
		if (len > 0)
			assert_int_not_equal((unsigned char)p[0] & 0xc0, 0x80);
		memcpy(joined + jn, p, len);
		jn += len;
		p = end + 2;
		n++;
	}
	joined[jn] = '\0';
	assert_string_equal(joined, in);
	free(joined);
	free(got);
}

static void
test_fold(void **state)
{
	char line[400];

	(void)state;
	/* 75 octets: one line; 76: two, the second " x". */
	memset(line, 'a', 75);
	line[75] = '\0';
	{
		char *got = ics_fold(line);

		assert_int_equal(strlen(got), 77);
		assert_string_equal(got + 75, "\r\n");
		free(got);
	}
	line[75] = 'b';
	line[76] = '\0';
	{
		char *got = ics_fold(line);

		assert_int_equal(strncmp(got + 75, "\r\n b\r\n", 6), 0);
		assert_int_equal(strlen(got), 75 + 2 + 2 + 2);
		free(got);
	}
	fold_check("");
	fold_check(line);
	/* Emoji (4 octets) and é (2) at every offset across the fold. */
	for (int pad = 0; pad < 8; pad++) {
		size_t n = 0;

		memcpy(line, "SUMMARY:", 8);
		n = 8;
		for (int i = 0; i < pad; i++)
			line[n++] = 'x';
		while (n < 300) {
			memcpy(line + n, "\xf0\x9f\xa6\x8a\xc3\xa9", 6);
			n += 6;
		}
		line[n] = '\0';
		fold_check(line);
	}
}

/* The review event of a session signed 29 November 2026, 6 months on. */
static void
test_review(void **state)
{
	struct session s;
	struct signature sig = { .role = ROLE_CHILD, .name = "Sam" };
	struct tm tm = { .tm_year = 126, .tm_mon = 10, .tm_mday = 29,
		.tm_hour = 15, .tm_isdst = -1 };
	char *out = NULL, *cause = NULL;

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	sig.when = mktime(&tm);
	session_init(&s);
	s.id = "2026-11-29-sam-1412";
	/* The fox starts at octet 73 of its line: folded before it, whole. */
	s.child = "Sam; \"Al\", \\ them 🦊";
	s.review_months = 6;

	/* Not signed: no date, no file. */
	s.stage = STAGE_AGREEING;
	assert_int_equal(ics_review(&s, NULL, sig.when, &out, &cause), -1);
	assert_null(out);
	assert_non_null(strstr(cause, "not signed"));
	free(cause);

	s.stage = STAGE_SIGNED;
	s.signatures = &sig;
	s.n_signatures = 1;
	assert_int_equal(ics_review(&s, NULL, 1797328800, &out, &cause), 0);
	assert_null(cause);
	assert_int_equal(strncmp(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30), 0);
	assert_non_null(strstr(out, "\r\nPRODID:-//talkpact//"));
	assert_non_null(strstr(out, "\r\nBEGIN:VEVENT\r\n"));
	assert_non_null(strstr(out, "\r\nUID:talkpact-review-2026-11-29-sam-1412\r\n"));
	/* 2026-12-15T10:00:00Z */
	assert_non_null(strstr(out, "\r\nDTSTAMP:20261215T100000Z\r\n"));
	assert_non_null(strstr(out, "\r\nDTSTART;VALUE=DATE:20270529\r\n"));
	assert_non_null(strstr(out, "\r\nDTEND;VALUE=DATE:20270530\r\n"));
	assert_non_null(strstr(out, "\r\nSUMMARY:Look at our family device "
	    "agreement again (Sam\\; \"Al\"\\, \\\\ them \r\n 🦊)\r\n"));
	assert_string_equal(out + strlen(out) - 27,
	    "END:VEVENT\r\nEND:VCALENDAR\r\n");
	/* Nothing but CRLF line endings. */
	for (const char *p = out; *p != '\0'; p++)
		if (*p == '\n')
			assert_int_equal(p[-1], '\r');
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_review),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
