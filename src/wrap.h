/*
 * wrap.h: the one wrapping engine, and the widths it measures by. Text is
 * UTF-8, cut only between grapheme clusters (from utf8proc, the same for
 * every purpose); how many columns a character takes depends on where the
 * text goes, so the engine takes the width function as a parameter:
 *
 * - width_screen(): the C library's wcwidth(), because curses places
 *   characters by the same function: a line the TUI measures at 28
 *   columns is drawn in 28 columns, and the cursor lands where the
 *   terminal draws it.
 * - width_print(): utf8proc's table, so that printed .txt files (and
 *   anything else that is kept) come out the same whatever the locale or
 *   the machine. It and wcwidth() agree on letters, CJK, emoji with their
 *   skin tones and combining marks; they differ on a few hundred spacing
 *   marks of Indic scripts (utf8proc: 0, glibc: 1) and Hangul jamo.
 *
 * render.c wraps documents (the review screen with width_screen, printed
 * text with width_print) with wrap_text_by(); the TUI's text boxes use the
 * width_screen shorthands below. Pure functions: no curses, no allocation
 * except the line arrays, which the caller cleans up.
 */
#ifndef TALKPACT_WRAP_H
#define TALKPACT_WRAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/* Columns one character (code point) takes; never negative. */
typedef int wrap_width_fn(int32_t cp);

/* wcwidth(): 0 for combining marks, 2 for wide, 1 for anything
 * unprintable (it is shown as a replacement) and for a tab. */
int width_screen(int32_t cp);
/* utf8proc_charwidth(): the same table on every machine; 1 for invalid. */
int width_print(int32_t cp);

/*
 * Decode one character at s (len > 0 bytes available). Returns the bytes
 * it takes (1 for an invalid or truncated byte, decoded as U+FFFD).
 */
size_t wrap_decode(const char *s, size_t len, wchar_t *wc);

/* Display width of len bytes of UTF-8, by fn. */
int wrap_measure(wrap_width_fn *fn, const char *s, size_t len);

/*
 * Bytes from s[at] to the end of the grapheme cluster there (Unicode's
 * extended grapheme clusters: a letter and its marks, an emoji with its
 * skin tone or joined by ZWJ, a flag). 0 at the end.
 */
size_t wrap_next(const char *s, size_t len, size_t at);
/* Start of the grapheme before byte at (0 at the start). */
size_t wrap_prev(const char *s, size_t len, size_t at);

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
 * The engine. Word-wrap text (len bytes) into lines of at most width
 * columns as fn measures them (the first line: first columns), appending
 * to w. Breaks after spaces, which hang off the end of the line; a word
 * longer than the width is cut between graphemes; '\n' ends a line; a
 * space wrap_joined() keeps is never a break. Empty
 * text gives one empty line. Widths < 1 are taken as 1. Returns the
 * number of lines added.
 */
size_t wrap_text_by(const char *text, size_t len, int first, int width,
    wrap_width_fn *fn, struct wrap_lines *w);

/*
 * Must the single space at text[at] never become a line break? True where
 * it joins the parts of a phone number ("0808 800 5000": digits on both
 * sides) or of a date ("29 November 2026"). The engine keeps these
 * together, and the HTML page marks the same runs as unbreakable.
 */
bool wrap_joined(const char *text, size_t len, size_t at);

/*
 * The longest prefix of s[0..len) that fits in cols columns as fn
 * measures them, in bytes, never cutting a grapheme or passing a '\n'.
 * *used gets its width (may be NULL).
 */
size_t wrap_fit_by(const char *s, size_t len, int cols, wrap_width_fn *fn,
    int *used);

/* For the screen, by width_screen(). */
int wrap_char_width(wchar_t wc);
int wrap_width(const char *s, size_t len);
size_t wrap_fit(const char *s, size_t len, int cols, int *used);
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
