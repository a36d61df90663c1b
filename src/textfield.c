/*
 * textfield.c: editing a UTF-8 text box: insertion, deletion and cursor
 * movement by grapheme, word and wrapped row. Owns the buffer; never
 * draws, never includes curses.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "textfield.h"
#include "util.h"

void
textfield_init(struct textfield *tf, size_t max_bytes, bool multiline)
{
	memset(tf, 0, sizeof *tf);
	tf->cap = 64;
	tf->buf = xmalloc(tf->cap);
	tf->buf[0] = '\0';
	tf->max_bytes = max_bytes;
	tf->multiline = multiline;
	tf->goal_col = -1;
}

void
textfield_cleanup(struct textfield *tf)
{
	free(tf->buf);
	memset(tf, 0, sizeof *tf);
}

static void
S_reserve(struct textfield *tf, size_t need)
{
	while (tf->cap < need + 1) {
		tf->cap *= 2;
		tf->buf = xreallocarray(tf->buf, tf->cap, 1);
	}
}

void
textfield_set(struct textfield *tf, const char *text)
{
	size_t n = text != NULL ? strlen(text) : 0;

	S_reserve(tf, n);
	if (n > 0)
		memcpy(tf->buf, text, n);
	tf->buf[n] = '\0';
	tf->len = tf->cursor = n;
	tf->goal_col = -1;
	tf->top = 0;
	tf->changed = false;
}

const char *
textfield_text(const struct textfield *tf)
{
	return tf->buf;
}

bool
textfield_blank(const struct textfield *tf)
{
	for (size_t i = 0; i < tf->len; i++)
		if (tf->buf[i] != ' ' && tf->buf[i] != '\n' && tf->buf[i] != '\t')
			return false;
	return true;
}

static void
S_delete(struct textfield *tf, size_t from, size_t to)
{
	memmove(tf->buf + from, tf->buf + to, tf->len - to + 1);
	tf->len -= to - from;
	tf->cursor = from;
	tf->changed = true;
}

static enum tf_result
S_insert(struct textfield *tf, wchar_t ch)
{
	char enc[4];
	size_t n;
	unsigned long c = (unsigned long)ch;

	if (c < 0x80) {
		enc[0] = (char)c; n = 1;
	} else if (c < 0x800) {
		enc[0] = (char)(0xc0 | (c >> 6));
		enc[1] = (char)(0x80 | (c & 0x3f)); n = 2;
	} else if (c < 0x10000) {
		if (c >= 0xd800 && c <= 0xdfff)
			return TF_REFUSED;
		enc[0] = (char)(0xe0 | (c >> 12));
		enc[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		enc[2] = (char)(0x80 | (c & 0x3f)); n = 3;
	} else if (c <= 0x10ffff) {
		enc[0] = (char)(0xf0 | (c >> 18));
		enc[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		enc[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		enc[3] = (char)(0x80 | (c & 0x3f)); n = 4;
	} else
		return TF_REFUSED;
	if (tf->len + n > tf->max_bytes)
		return TF_REFUSED;
	S_reserve(tf, tf->len + n);
	memmove(tf->buf + tf->cursor + n, tf->buf + tf->cursor,
	    tf->len - tf->cursor + 1);
	memcpy(tf->buf + tf->cursor, enc, n);
	tf->len += n;
	tf->cursor += n;
	tf->changed = true;
	return TF_CHANGED;
}

static bool
S_is_word(const struct textfield *tf, size_t at)
{
	wchar_t wc;

	wrap_decode(tf->buf + at, tf->len - at, &wc);
	return iswalnum((wint_t)wc) || wc == '\'' || wc >= 0x80;
}

static size_t
S_word_left(const struct textfield *tf, size_t at)
{
	size_t p = at;

	while (p > 0) {		/* skip what is not a word */
		size_t q = wrap_prev(tf->buf, tf->len, p);

		if (S_is_word(tf, q))
			break;
		p = q;
	}
	while (p > 0) {
		size_t q = wrap_prev(tf->buf, tf->len, p);

		if (!S_is_word(tf, q))
			break;
		p = q;
	}
	return p;
}

static size_t
S_word_right(const struct textfield *tf, size_t at)
{
	size_t p = at;

	while (p < tf->len && !S_is_word(tf, p))
		p += wrap_next(tf->buf, tf->len, p);
	while (p < tf->len && S_is_word(tf, p))
		p += wrap_next(tf->buf, tf->len, p);
	return p;
}

/* Start and end of the logical line (between newlines) around the cursor. */
static size_t
S_bol(const struct textfield *tf)
{
	size_t p = tf->cursor;

	while (p > 0 && tf->buf[p - 1] != '\n')
		p--;
	return p;
}

static size_t
S_eol(const struct textfield *tf)
{
	size_t p = tf->cursor;

	while (p < tf->len && tf->buf[p] != '\n')
		p++;
	return p;
}

void
textfield_layout(const struct textfield *tf, int width,
    struct wrap_lines *w, int *row, int *col)
{
	size_t i;

	w->n = 0;
	wrap_text(tf->buf, tf->len, width > 1 ? width - 1 : 1, w);
	*row = 0;
	*col = 0;
	for (i = 0; i < w->n; i++) {
		const struct wrap_line *l = &w->lines[i];
		bool last = i + 1 == w->n;

		if (tf->cursor >= l->start &&
		    (last || tf->cursor < w->lines[i + 1].start)) {
			size_t upto = tf->cursor - l->start;

			*row = (int)i;
			*col = wrap_width(tf->buf + l->start, upto);
			return;
		}
	}
}

/* Move to wrapped row (row) at goal column. */
static void
S_to_row(struct textfield *tf, const struct wrap_lines *w, int row, int goal)
{
	const struct wrap_line *l = &w->lines[row];
	size_t end = (size_t)row + 1 < w->n ? w->lines[row + 1].start : tf->len;
	size_t n;

	/* Never land past the line's end (on a hanging space or the newline). */
	if (end > l->start && (size_t)row + 1 < w->n &&
	    (tf->buf[end - 1] == '\n' || tf->buf[end - 1] == ' '))
		end = l->start + l->len;
	n = wrap_fit(tf->buf + l->start, end - l->start, goal, NULL);
	tf->cursor = l->start + n;
}

static enum tf_result
S_vertical(struct textfield *tf, int delta, int width)
{
	struct wrap_lines w;
	int row, col;
	enum tf_result res = TF_REFUSED;

	if (!tf->multiline)
		return TF_IGNORED;
	wrap_lines_init(&w);
	textfield_layout(tf, width, &w, &row, &col);
	if (tf->goal_col < 0)
		tf->goal_col = col;
	if (row + delta >= 0 && row + delta < (int)w.n) {
		S_to_row(tf, &w, row + delta, tf->goal_col);
		res = TF_MOVED;
	} else
		res = TF_IGNORED;	/* let the view move to another box */
	wrap_lines_cleanup(&w);
	return res;
}

enum tf_result
textfield_request(struct textfield *tf, enum request r, wchar_t ch, int width)
{
	size_t old = tf->cursor, p;
	enum tf_result res;

	if (r != REQ_UP && r != REQ_DOWN)
		tf->goal_col = -1;
	switch (r) {
	case REQ_ED_CHAR:
		/* Keys never give '\n'; a paste does: kept where lines are. */
		if (ch == '\n' && tf->multiline)
			return S_insert(tf, '\n');
		if (ch == '\n' || ch == '\t')
			ch = ' ';
		if ((unsigned long)ch < 0x20 || ch == 0x7f)
			return TF_REFUSED;
		return S_insert(tf, ch);
	case REQ_ED_NEWLINE:
		if (!tf->multiline)
			return TF_REFUSED;
		return S_insert(tf, '\n');
	case REQ_LEFT:
		tf->cursor = wrap_prev(tf->buf, tf->len, tf->cursor);
		break;
	case REQ_RIGHT:
		tf->cursor += wrap_next(tf->buf, tf->len, tf->cursor);
		break;
	case REQ_ED_BOL:
		tf->cursor = S_bol(tf);
		break;
	case REQ_ED_EOL:
		tf->cursor = S_eol(tf);
		break;
	case REQ_FIRST:
		tf->cursor = 0;
		break;
	case REQ_LAST:
		tf->cursor = tf->len;
		break;
	case REQ_ED_WORD_LEFT:
		tf->cursor = S_word_left(tf, tf->cursor);
		break;
	case REQ_ED_WORD_RIGHT:
		tf->cursor = S_word_right(tf, tf->cursor);
		break;
	case REQ_UP:
		return S_vertical(tf, -1, width);
	case REQ_DOWN:
		return S_vertical(tf, 1, width);
	case REQ_ED_BACKSPACE:
		if (tf->cursor == 0)
			return TF_REFUSED;
		S_delete(tf, wrap_prev(tf->buf, tf->len, tf->cursor), tf->cursor);
		return TF_CHANGED;
	case REQ_ED_DELETE:
		if (tf->cursor == tf->len)
			return TF_REFUSED;
		S_delete(tf, tf->cursor,
		    tf->cursor + wrap_next(tf->buf, tf->len, tf->cursor));
		return TF_CHANGED;
	case REQ_ED_KILL_EOL:
		p = S_eol(tf);
		if (p == tf->cursor && p < tf->len)
			p++;		/* at a newline: join the lines */
		if (p == tf->cursor)
			return TF_REFUSED;
		S_delete(tf, tf->cursor, p);
		return TF_CHANGED;
	case REQ_ED_KILL_BOL:
		p = S_bol(tf);
		if (p == tf->cursor)
			return TF_REFUSED;
		S_delete(tf, p, tf->cursor);
		return TF_CHANGED;
	case REQ_ED_KILL_WORD:
		p = S_word_left(tf, tf->cursor);
		if (p == tf->cursor)
			return TF_REFUSED;
		S_delete(tf, p, tf->cursor);
		return TF_CHANGED;
	default:
		return TF_IGNORED;
	}
	res = tf->cursor == old ? TF_REFUSED : TF_MOVED;
	return res;
}

void
textfield_scroll(struct textfield *tf, int width, int rows)
{
	struct wrap_lines w;
	int row, col;

	wrap_lines_init(&w);
	textfield_layout(tf, width, &w, &row, &col);
	if (rows < 1)
		rows = 1;
	if (row < tf->top)
		tf->top = row;
	if (row >= tf->top + rows)
		tf->top = row - rows + 1;
	if (tf->top > (int)w.n - rows)
		tf->top = (int)w.n - rows > 0 ? (int)w.n - rows : 0;
	if (tf->top < 0)
		tf->top = 0;
	wrap_lines_cleanup(&w);
}
