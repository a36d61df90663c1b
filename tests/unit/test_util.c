/* test_util.c: UTF-8 validation, edit distance and "did you mean". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "civil.h"
#include "diag.h"
#include "util.h"

static void
test_utf8(void **state)
{
	size_t bad = 99;

	(void)state;
	assert_true(utf8_valid("plain", 5, NULL));
	assert_true(utf8_valid("h\xc3\xa9llo \xe4\xb8\x96 \xf0\x9f\x98\x80", 15, NULL));
	assert_false(utf8_valid("ab\xff", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("a\0b", 3, &bad));
	assert_int_equal(bad, 1);
	assert_false(utf8_valid("\xc0\xaf", 2, &bad));	/* overlong */
	assert_int_equal(bad, 0);
	assert_false(utf8_valid("\xed\xa0\x80", 3, &bad));	/* surrogate */
	assert_false(utf8_valid("x\xe4\xb8", 3, &bad));	/* truncated */
	assert_int_equal(bad, 1);
}

static void
test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("validate", "validate"), 0);
	assert_int_equal(edit_distance("valdate", "validate"), 1);
	assert_int_equal(edit_distance("qestion", "question"), 1);
	assert_int_equal(edit_distance("", "abc"), 3);
}

static void
test_closest_word(void **state)
{
	static const char *const words[] = { "question", "tip", "topic", "bands" };

	(void)state;
	assert_string_equal(closest_word("qestion", words, 4), "question");
	assert_string_equal(closest_word("topik", words, 4), "topic");
	assert_null(closest_word("zzzzzzzz", words, 4));
}

static void
test_name_slug(void **state)
{
	char out[12];

	(void)state;
	assert_int_equal(name_slug("Zoë", out, sizeof out), 3);
	assert_string_equal(out, "zoe");
	name_slug("  Mary-Jane  O'Neil ", out, sizeof out);
	assert_string_equal(out, "mary-jane-o");	/* cut at the size */
	name_slug("Ærøskøbing Straße", out, sizeof out);
	assert_string_equal(out, "aeroskobing");
	assert_int_equal(name_slug("世界 😀", out, sizeof out), 0);
	assert_string_equal(out, "");
	name_slug("Ana-", out, sizeof out);
	assert_string_equal(out, "ana");
}

static void
test_diag(void **state)
{
	struct diag_list d;
	char *s;

	(void)state;
	diag_list_init(&d);
	assert_int_equal(diag_exit_code(&d), 0);
	diag_add(&d, DIAG_NOTICE, DIAG_DATA, "a.yaml", 0, 0, "replaced");
	assert_int_equal(diag_exit_code(&d), 0);
	diag_add(&d, DIAG_ERROR, DIAG_DATA, "p/8-10.yaml", 12, 5,
	    "unknown key '%s'", "qestion");
	s = diag_string(&d.items[1]);
	assert_string_equal(s, "p/8-10.yaml:12:5: error: unknown key 'qestion'");
	free(s);
	s = diag_string(&d.items[0]);
	assert_string_equal(s, "a.yaml: notice: replaced");
	free(s);
	assert_int_equal(diag_exit_code(&d), 65);
	diag_add(&d, DIAG_ERROR, DIAG_MISSING, "gone", 0, 0, "no such file");
	assert_int_equal(diag_exit_code(&d), 65);
	assert_int_equal(d.n_errors, 2);
	diag_list_cleanup(&d);
}

/* read_file: regular files only, capped, and never blocked by a FIFO. */
static void
test_read_file(void **state)
{
	char dir[] = "/tmp/talkpact-read-XXXXXX", *path, *buf = NULL;
	struct stat st;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/f", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("hello", f);
	fclose(f);
	assert_int_equal(read_file(path, 5, &buf, &len, NULL), 0);
	assert_int_equal(len, 5);
	assert_string_equal(buf, "hello");
	free(buf);
	assert_int_equal(read_file(path, 4, &buf, &len, &st), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(st.st_size, 5);
	assert_int_equal(read_file(dir, 100, &buf, &len, NULL), -1);
	assert_int_equal(errno, EISDIR);
	unlink(path);
	assert_int_equal(read_file(path, 100, &buf, &len, NULL), -1);
	assert_int_equal(errno, ENOENT);
	/* A FIFO with no writer would block a plain open(): refused at once. */
	if (mkfifo(path, 0600) == 0) {
		assert_int_equal(read_file(path, 100, &buf, &len, &st), -1);
		assert_int_equal(errno, ENODEV);
		assert_string_equal(file_type_name(st.st_mode),
		    "a named pipe (FIFO)");
		unlink(path);
	}
	rmdir(dir);
	free(path);
}

/* civil.h: dates from a time and an offset, months on the calendar. */
static void
test_civil(void **state)
{
	struct civil d;
	char iso[CIVIL_ISO_SIZE], words[64], off[CIVIL_OFFSET_SIZE];
	long v;

	(void)state;
	/* 2026-11-29T15:30:00Z: the 29th in London, the 30th in Kiritimati,
	 * still the 29th (07:30) in Los Angeles. */
	civil_from_time(1795966200, 0, &d);
	civil_iso(&d, iso);
	assert_string_equal(iso, "2026-11-29");
	assert_int_equal(d.hour, 15);
	assert_int_equal(d.min, 30);
	civil_from_time(1795966200, 14 * 3600, &d);
	civil_iso(&d, iso);
	assert_string_equal(iso, "2026-11-30");
	assert_int_equal(d.hour, 5);
	civil_from_time(1795966200, -8 * 3600, &d);
	civil_iso(&d, iso);
	assert_string_equal(iso, "2026-11-29");
	assert_int_equal(d.hour, 7);
	civil_from_time(0, -3600, &d);
	civil_iso(&d, iso);
	assert_string_equal(iso, "1969-12-31");
	/* An offset no place has counts as UTC. */
	civil_from_time(1795966200, 30L * 3600, &d);
	assert_int_equal(d.hour, 15);
	civil_words(&d, words, sizeof words);
	assert_string_equal(words, "29 November 2026");

	/* Months: on into the next month when the day is not there. */
	assert_int_equal(civil_parse_iso("2026-11-29", &d), 0);
	d = civil_add_months(d, 3);
	civil_iso(&d, iso);
	assert_string_equal(iso, "2027-03-01");
	assert_int_equal(civil_parse_iso("2027-08-31", &d), 0);
	d = civil_add_months(d, 6);
	civil_iso(&d, iso);
	assert_string_equal(iso, "2028-03-02");
	assert_int_equal(civil_parse_iso("2026-12-15", &d), 0);
	d = civil_add_months(d, 12);
	civil_iso(&d, iso);
	assert_string_equal(iso, "2027-12-15");
	assert_int_equal(civil_parse_iso("2026-12-15", &d), 0);
	d = civil_add_months(d, 1);
	civil_iso(&d, iso);
	assert_string_equal(iso, "2027-01-15");
	assert_int_equal(civil_month_days(2028, 2), 29);
	assert_int_equal(civil_month_days(2100, 2), 28);
	assert_int_equal(civil_month_days(2000, 2), 29);

	assert_int_equal(civil_parse_iso("2026-02-29", &d), -1);
	assert_int_equal(civil_parse_iso("2026-2-28", &d), -1);
	assert_int_equal(civil_parse_iso("2026-02-28x", &d), -1);
	assert_int_equal(civil_parse_iso("1969-12-31", &d), -1);
	assert_int_equal(civil_parse_iso("+026-02-28", &d), -1);

	civil_offset_text(0, off);
	assert_string_equal(off, "+00:00");
	civil_offset_text(-8 * 3600, off);
	assert_string_equal(off, "-08:00");
	civil_offset_text(5 * 3600 + 45 * 60, off);
	assert_string_equal(off, "+05:45");
	civil_offset_text(-(3 * 3600 + 30 * 60), off);
	assert_string_equal(off, "-03:30");
	assert_int_equal(civil_offset_parse("+14:00", &v), 0);
	assert_int_equal(v, 14 * 3600);
	assert_int_equal(civil_offset_parse("-09:30", &v), 0);
	assert_int_equal(v, -(9 * 3600 + 30 * 60));
	assert_int_equal(civil_offset_parse("-00:00", &v), -1);
	assert_int_equal(civil_offset_parse("+19:00", &v), -1);
	assert_int_equal(civil_offset_parse("+05:60", &v), -1);
	assert_int_equal(civil_offset_parse("05:00", &v), -1);
	assert_int_equal(civil_offset_parse("+5:00", &v), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_closest_word),
		cmocka_unit_test(test_name_slug),
		cmocka_unit_test(test_diag),
		cmocka_unit_test(test_civil),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
