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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
