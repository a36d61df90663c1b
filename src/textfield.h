/*
 * textfield.h: the editing logic of one text box, with no terminal in
 * sight: a UTF-8 buffer, a cursor that always sits between graphemes
 * (a character and its combining marks), readline-like movement and
 * deletion, and the wrapped layout a view draws. The TUI's drawing code
 * reads the layout; the unit tests drive the requests directly.
 */
#ifndef TALKPACT_TEXTFIELD_H
#define TALKPACT_TEXTFIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "keys.h"
#include "wrap.h"

struct textfield {
	char *buf;		/* UTF-8, NUL-terminated, owned */
	size_t len, cap;
	size_t cursor;		/* byte offset, on a grapheme boundary */
	size_t max_bytes;	/* longest text accepted */
	bool multiline;		/* wraps; Alt-Enter starts a new line */
	int goal_col;		/* column Up/Down aim for; -1 none */
	int top;		/* first wrapped row shown (for drawing) */
	bool changed;		/* edited since textfield_set/mark_saved */
};

enum tf_result {
	TF_IGNORED,	/* not an editing request: the view handles it */
	TF_MOVED,	/* the cursor moved */
	TF_CHANGED,	/* the text changed */
	TF_REFUSED	/* an editing request that could not apply (full, at an edge) */
};

void textfield_init(struct textfield *tf, size_t max_bytes, bool multiline);
void textfield_cleanup(struct textfield *tf);

/* Replace the text (NULL clears); cursor to the end. Invalid UTF-8 is copied as is. */
void textfield_set(struct textfield *tf, const char *text);
/* The text, owned by tf, valid until the next change. Never NULL. */
const char *textfield_text(const struct textfield *tf);
/* Is the text empty or only spaces and newlines? */
bool textfield_blank(const struct textfield *tf);

/*
 * Apply one request. ch is the character for REQ_ED_CHAR: a newline
 * there (only a paste gives one) starts a new line in a multi-line field
 * and is a space in a one-line field, as a tab is. width is the
 * box's width in columns (Up/Down move by wrapped rows in a multi-line
 * field; in a single-line field they are ignored).
 */
enum tf_result textfield_request(struct textfield *tf, enum request r,
    wchar_t ch, int width);

/*
 * Wrap the text for a box width columns wide (one column is kept for the
 * cursor at a line's end). *w is cleaned first. *row and *col get the
 * cursor's place.
 */
void textfield_layout(const struct textfield *tf, int width,
    struct wrap_lines *w, int *row, int *col);

/* Keep the cursor's row within rows visible rows (updates tf->top). */
void textfield_scroll(struct textfield *tf, int width, int rows);

#endif
