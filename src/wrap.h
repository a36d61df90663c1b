/*
 * wrap.h: measuring and wrapping UTF-8 text by display width (wcwidth:
 * CJK and emoji take two columns, combining marks none), and the layout
 * maths of the screen. Pure functions: no curses, no allocation except the
 * line arrays, which the caller cleans up.
 *
 * Widths here come from the C library's wcwidth(), because curses places
 * characters by the same function: the cursor in a text box must land
 * where the terminal draws. render.h's text_width() uses its own table
 * instead, so that printed .txt files come out the same whatever the
 * locale; the two agree on letters, CJK and emoji.
 */
#ifndef TALKPACT_WRAP_H
#define TALKPACT_WRAP_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/*
 * Decode one character at s (len > 0 bytes available). Returns the bytes
 * it takes (1 for an invalid or truncated byte, decoded as U+FFFD).
 */
size_t wrap_decode(const char *s, size_t len, wchar_t *wc);

/* Columns one character takes: 0 for combining marks, 2 for wide, 1 for
 * anything unprintable (it is shown as a replacement). */
int wrap_char_width(wchar_t wc);

/* Display width of len bytes of UTF-8. */
int wrap_width(const char *s, size_t len);

/*
 * Bytes from s[at] to the end of the grapheme there: one character and the
 * zero-width (combining) characters after it. 0 at the end.
 */
size_t wrap_next(const char *s, size_t len, size_t at);
/* Start of the grapheme before byte at (0 at the start). */
size_t wrap_prev(const char *s, size_t len, size_t at);

/*
 * The longest prefix of s[0..len) that fits in cols columns, in bytes,
 * never cutting a grapheme. *used gets its width (may be NULL).
 */
size_t wrap_fit(const char *s, size_t len, int cols, int *used);

struct wrap_line {
	size_t start;		/* byte offset into the text */
	size_t len;		/* bytes shown (trailing break spaces excluded) */
	size_t next;		/* where the next line starts */
	int width;		/* display width of the shown bytes */
};

struct wrap_lines {
	struct wrap_line *lines;
	size_t n, cap;
};

void wrap_lines_init(struct wrap_lines *w);
void wrap_lines_cleanup(struct wrap_lines *w);

/*
 * Word-wrap text (len bytes) into lines of at most width columns,
 * appending to w. Breaks after spaces; a word longer than the width is cut
 * between graphemes; '\n' ends a line. Empty text gives one empty line.
 * width < 1 is taken as 1. Returns the number of lines added.
 */
size_t wrap_text(const char *text, size_t len, int width, struct wrap_lines *w);

/* The column to start a line of width w centred in cols columns. */
int wrap_centre(int cols, int w);

/*
 * Screen layout. The screen is a title row, a body and a two-row foot (a
 * message line and the keys line). The body's text column is at most
 * LAYOUT_MAX_TEXT wide and centred, so long lines stay readable on a wide
 * terminal.
 */
#define LAYOUT_MIN_COLS 60
#define LAYOUT_MIN_ROWS 18
#define LAYOUT_MAX_TEXT 76

struct layout {
	int cols, rows;
	bool too_small;		/* below LAYOUT_MIN_*: show the notice */
	int title_row;		/* 0 */
	int body_top, body_rows;
	int text_left, text_cols;	/* the readable column */
	int message_row, keys_row;
};

void layout_compute(struct layout *l, int cols, int rows);

#endif
