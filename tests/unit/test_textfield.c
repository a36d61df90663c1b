/*
 * test_textfield.c: the text box's editing logic, the key table and the
 * wrapping and layout maths, all without a terminal.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keys.h"
#include "textfield.h"
#include "wrap.h"

static void
S_type(struct textfield *tf, const char *utf8)
{
	size_t i = 0, n = strlen(utf8);
	wchar_t wc;

	while (i < n) {
		i += wrap_decode(utf8 + i, n - i, &wc);
		assert_int_equal(textfield_request(tf, REQ_ED_CHAR, wc, 40), TF_CHANGED);
	}
}

static void
S_req(struct textfield *tf, enum request r)
{
	(void)textfield_request(tf, r, 0, 40);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(wrap_width("abc", 3), 3);
	assert_int_equal(wrap_width("caf\xc3\xa9", 5), 4);		/* café */
	assert_int_equal(wrap_width("cafe\xcc\x81", 6), 4);		/* e + U+0301 */
	assert_int_equal(wrap_width("\xe4\xb8\x96\xe7\x95\x8c", 6), 4);	/* 世界 */
	assert_int_equal(wrap_width("\xf0\x9f\x98\x80", 4), 2);		/* 😀 */
	assert_int_equal(wrap_width("a\xff" "b", 3), 3);		/* invalid byte: 1 */
	/* graphemes: e + combining acute is one step */
	assert_int_equal(wrap_next("cafe\xcc\x81!", 7, 3), 3);
	assert_int_equal(wrap_prev("cafe\xcc\x81!", 7, 6), 3);
	/* a ZWJ family emoji is one step */
	assert_int_equal(wrap_next("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7x", 12, 0), 11);
	assert_int_equal(wrap_fit("\xe4\xb8\x96\xe7\x95\x8c", 6, 3, NULL), 3);
}

static void
test_wrap(void **state)
{
	struct wrap_lines w;
	const char *s = "the quick brown fox jumps";

	(void)state;
	wrap_lines_init(&w);
	assert_int_equal(wrap_text(s, strlen(s), 10, &w), 3);
	assert_int_equal(w.lines[0].len, 9);		/* "the quick" */
	assert_memory_equal(s + w.lines[1].start, "brown fox", 9);
	assert_int_equal(w.lines[1].len, 9);
	assert_memory_equal(s + w.lines[2].start, "jumps", 5);
	for (size_t i = 0; i < w.n; i++)
		assert_true(w.lines[i].width <= 10);

	w.n = 0;	/* a word longer than the width is cut */
	assert_int_equal(wrap_text("abcdefghij", 10, 4, &w), 3);
	assert_int_equal(w.lines[2].len, 2);

	w.n = 0;	/* wide characters never straddle the edge */
	s = "\xe4\xb8\x96\xe7\x95\x8c\xe4\xb8\x96";	/* 世界世: 6 columns */
	assert_int_equal(wrap_text(s, strlen(s), 5, &w), 2);
	assert_int_equal(w.lines[0].width, 4);
	assert_int_equal(w.lines[1].width, 2);

	w.n = 0;	/* newlines end lines; a final newline gives an empty line */
	assert_int_equal(wrap_text("a\nb\n", 4, 10, &w), 3);
	assert_int_equal(w.lines[2].len, 0);

	w.n = 0;
	assert_int_equal(wrap_text("", 0, 10, &w), 1);
	wrap_lines_cleanup(&w);
}

static void
test_layout(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, 80, 24);
	assert_false(l.too_small);
	assert_int_equal(l.keys_row, 23);
	assert_int_equal(l.message_row, 22);
	assert_int_equal(l.text_cols, 76);
	assert_int_equal(l.text_left, 2);
	assert_true(l.body_top + l.body_rows <= l.message_row);
	layout_compute(&l, 200, 60);
	assert_int_equal(l.text_cols, LAYOUT_MAX_TEXT);
	assert_int_equal(l.text_left, (200 - LAYOUT_MAX_TEXT) / 2);
	layout_compute(&l, 59, 24);
	assert_true(l.too_small);
	layout_compute(&l, 80, 17);
	assert_true(l.too_small);
	assert_int_equal(wrap_centre(10, 4), 3);
	assert_int_equal(wrap_centre(4, 10), 0);
}

static void
test_insert_move(void **state)
{
	struct textfield tf;

	(void)state;
	textfield_init(&tf, 1024, false);
	S_type(&tf, "Zo\xc3\xab");			/* Zoë */
	assert_string_equal(textfield_text(&tf), "Zo\xc3\xab");
	assert_int_equal(tf.cursor, 4);
	S_req(&tf, REQ_LEFT);
	assert_int_equal(tf.cursor, 2);
	S_type(&tf, "x");
	assert_string_equal(textfield_text(&tf), "Zox\xc3\xab");
	S_req(&tf, REQ_ED_BOL);
	assert_int_equal(tf.cursor, 0);
	assert_int_equal(textfield_request(&tf, REQ_LEFT, 0, 40), TF_REFUSED);
	S_req(&tf, REQ_ED_EOL);
	assert_int_equal(tf.cursor, tf.len);
	S_req(&tf, REQ_ED_BACKSPACE);
	assert_string_equal(textfield_text(&tf), "Zox");
	S_req(&tf, REQ_ED_BOL);
	S_req(&tf, REQ_ED_DELETE);
	assert_string_equal(textfield_text(&tf), "ox");
	assert_true(tf.changed);
	/* control characters are never inserted; tabs become spaces */
	assert_int_equal(textfield_request(&tf, REQ_ED_CHAR, 0x1b, 40), TF_REFUSED);
	assert_int_equal(textfield_request(&tf, REQ_ED_CHAR, '\t', 40), TF_CHANGED);
	assert_string_equal(textfield_text(&tf), " ox");
	/* a single-line field refuses newlines */
	assert_int_equal(textfield_request(&tf, REQ_ED_NEWLINE, 0, 40), TF_REFUSED);
	/* a pasted newline is a space in a one-line field... */
	S_req(&tf, REQ_ED_EOL);
	assert_int_equal(textfield_request(&tf, REQ_ED_CHAR, '\n', 40), TF_CHANGED);
	assert_string_equal(textfield_text(&tf), " ox ");
	textfield_cleanup(&tf);
	/* ...and a new line in a multi-line one */
	textfield_init(&tf, 100, true);
	S_type(&tf, "one\ntwo\nthree");
	assert_string_equal(textfield_text(&tf), "one\ntwo\nthree");
	textfield_cleanup(&tf);
}

static void
test_combining_and_wide(void **state)
{
	struct textfield tf;
	struct wrap_lines w;
	int row, col;

	(void)state;
	textfield_init(&tf, 1024, false);
	textfield_set(&tf, "cafe\xcc\x81 \xe4\xb8\x96\xf0\x9f\x98\x80");
	/* Backspace removes the emoji (4 bytes), then the CJK char (3). */
	S_req(&tf, REQ_ED_BACKSPACE);
	assert_string_equal(textfield_text(&tf), "cafe\xcc\x81 \xe4\xb8\x96");
	wrap_lines_init(&w);
	textfield_layout(&tf, 40, &w, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 7);		/* café=4, space=1, 世=2 */
	S_req(&tf, REQ_ED_BACKSPACE);
	S_req(&tf, REQ_ED_BACKSPACE);
	/* e and its accent go together */
	S_req(&tf, REQ_ED_BACKSPACE);
	assert_string_equal(textfield_text(&tf), "caf");
	textfield_set(&tf, "cafe\xcc\x81");
	S_req(&tf, REQ_ED_BOL);
	S_req(&tf, REQ_RIGHT);
	S_req(&tf, REQ_RIGHT);
	S_req(&tf, REQ_RIGHT);
	S_req(&tf, REQ_ED_DELETE);
	assert_string_equal(textfield_text(&tf), "caf");
	wrap_lines_cleanup(&w);
	textfield_cleanup(&tf);
}

static void
test_kill(void **state)
{
	struct textfield tf;

	(void)state;
	textfield_init(&tf, 1024, false);
	textfield_set(&tf, "we play games together");
	S_req(&tf, REQ_ED_KILL_WORD);
	assert_string_equal(textfield_text(&tf), "we play games ");
	S_req(&tf, REQ_ED_KILL_WORD);
	assert_string_equal(textfield_text(&tf), "we play ");
	S_req(&tf, REQ_ED_WORD_LEFT);
	assert_int_equal(tf.cursor, 3);
	S_req(&tf, REQ_ED_KILL_EOL);
	assert_string_equal(textfield_text(&tf), "we ");
	S_req(&tf, REQ_ED_KILL_BOL);
	assert_string_equal(textfield_text(&tf), "");
	assert_int_equal(textfield_request(&tf, REQ_ED_KILL_BOL, 0, 40), TF_REFUSED);
	textfield_set(&tf, "one two three");
	S_req(&tf, REQ_ED_BOL);
	S_req(&tf, REQ_ED_WORD_RIGHT);
	assert_int_equal(tf.cursor, 3);
	S_req(&tf, REQ_ED_WORD_RIGHT);
	assert_int_equal(tf.cursor, 7);
	S_req(&tf, REQ_ED_WORD_LEFT);
	assert_int_equal(tf.cursor, 4);
	textfield_cleanup(&tf);
}

static void
test_limit(void **state)
{
	struct textfield tf;

	(void)state;
	textfield_init(&tf, 4, false);
	S_type(&tf, "ab\xc3\xa9");			/* 4 bytes: full */
	assert_int_equal(textfield_request(&tf, REQ_ED_CHAR, 'x', 40), TF_REFUSED);
	assert_int_equal(textfield_request(&tf, REQ_ED_CHAR, 0x4e16, 40), TF_REFUSED);
	assert_string_equal(textfield_text(&tf), "ab\xc3\xa9");
	textfield_cleanup(&tf);
}

static void
test_multiline(void **state)
{
	struct textfield tf;
	struct wrap_lines w;
	int row, col;

	(void)state;
	textfield_init(&tf, 1024, true);
	/* width 11: text wraps at 10 columns */
	textfield_set(&tf, "aaaa bbbb cccc dddd");
	wrap_lines_init(&w);
	textfield_layout(&tf, 11, &w, &row, &col);
	assert_int_equal(w.n, 2);
	assert_int_equal(row, 1);
	assert_int_equal(col, 9);
	assert_int_equal(textfield_request(&tf, REQ_UP, 0, 11), TF_MOVED);
	textfield_layout(&tf, 11, &w, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 9);
	assert_int_equal(tf.cursor, 9);
	/* at the top row, Up is for the view (move to another box) */
	assert_int_equal(textfield_request(&tf, REQ_UP, 0, 11), TF_IGNORED);
	assert_int_equal(textfield_request(&tf, REQ_DOWN, 0, 11), TF_MOVED);
	assert_int_equal(tf.cursor, 19);
	/* Alt-Enter starts a new line; Home/End stay within it */
	assert_int_equal(textfield_request(&tf, REQ_ED_NEWLINE, 0, 11), TF_CHANGED);
	S_type(&tf, "ee");
	S_req(&tf, REQ_ED_BOL);
	assert_int_equal(tf.cursor, 20);
	textfield_layout(&tf, 11, &w, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 0);
	/* a short view scrolls to keep the cursor visible */
	textfield_scroll(&tf, 11, 1);
	assert_int_equal(tf.top, 2);
	S_req(&tf, REQ_FIRST);
	textfield_scroll(&tf, 11, 1);
	assert_int_equal(tf.top, 0);
	wrap_lines_cleanup(&w);
	textfield_cleanup(&tf);
}

static void
test_keys(void **state)
{
	wchar_t ch;

	(void)state;
	/* letters are commands when browsing, text when typing */
	assert_int_equal(keys_request('q', KEYS_BROWSE, &ch), REQ_QUIT);
	assert_int_equal(keys_request('q', KEYS_EDIT, &ch), REQ_ED_CHAR);
	assert_int_equal(ch, 'q');
	assert_int_equal(keys_request('?', KEYS_BROWSE, NULL), REQ_HELP);
	assert_int_equal(keys_request('?', KEYS_EDIT, &ch), REQ_ED_CHAR);
	assert_int_equal(keys_request(0x4e16, KEYS_EDIT, &ch), REQ_ED_CHAR);
	assert_int_equal(ch, 0x4e16);
	/* the same keys work everywhere */
	assert_int_equal(keys_request(TK_F1, KEYS_EDIT, NULL), REQ_HELP);
	assert_int_equal(keys_request(TK_F1, KEYS_BROWSE, NULL), REQ_HELP);
	assert_int_equal(keys_request(TK_ESC, KEYS_EDIT, NULL), REQ_BACK);
	assert_int_equal(keys_request(TK_ESC, KEYS_BROWSE, NULL), REQ_BACK);
	assert_int_equal(keys_request(TK_RESIZE, KEYS_EDIT, NULL), REQ_RESIZE);
	/* readline editing */
	assert_int_equal(keys_request(TK_CTRL('a'), KEYS_EDIT, NULL), REQ_ED_BOL);
	assert_int_equal(keys_request(TK_CTRL('e'), KEYS_EDIT, NULL), REQ_ED_EOL);
	assert_int_equal(keys_request(TK_CTRL('k'), KEYS_EDIT, NULL), REQ_ED_KILL_EOL);
	assert_int_equal(keys_request(TK_CTRL('u'), KEYS_EDIT, NULL), REQ_ED_KILL_BOL);
	assert_int_equal(keys_request(TK_CTRL('w'), KEYS_EDIT, NULL), REQ_ED_KILL_WORD);
	assert_int_equal(keys_request(TK_ALT | 'b', KEYS_EDIT, NULL), REQ_ED_WORD_LEFT);
	assert_int_equal(keys_request(TK_ALT | 'f', KEYS_EDIT, NULL), REQ_ED_WORD_RIGHT);
	assert_int_equal(keys_request(TK_CLEFT, KEYS_EDIT, NULL), REQ_ED_WORD_LEFT);
	assert_int_equal(keys_request(0x7f, KEYS_EDIT, NULL), REQ_ED_BACKSPACE);
	assert_int_equal(keys_request(TK_ALT | TK_ENTER, KEYS_EDIT, NULL), REQ_ED_NEWLINE);
	/* control characters are never text */
	assert_int_equal(keys_request(TK_CTRL('g'), KEYS_EDIT, &ch), REQ_NONE);
	assert_int_equal(keys_request(0x9b, KEYS_EDIT, &ch), REQ_NONE);
	assert_string_equal(request_name(REQ_QUIT), "quit");
	assert_string_equal(request_name(REQ__COUNT), "");
}

static void
test_labels(void **state)
{
	char b[16];

	(void)state;
	assert_string_equal(keys_label(TK_F1, b, sizeof b), "F1");
	assert_string_equal(keys_label(TK_ESC, b, sizeof b), "Esc");
	assert_string_equal(keys_label(TK_CTRL('k'), b, sizeof b), "^K");
	assert_string_equal(keys_label('q', b, sizeof b), "q");
	assert_string_equal(keys_label(TK_ALT | 'b', b, sizeof b), "Alt-b");
	assert_string_equal(keys_label(' ', b, sizeof b), "Space");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_insert_move),
		cmocka_unit_test(test_combining_and_wide),
		cmocka_unit_test(test_kill),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_multiline),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_labels),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
