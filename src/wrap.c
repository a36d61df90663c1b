/*
 * wrap.c: display-width measurement and word wrapping for the TUI, and the
 * screen layout arithmetic. Owns no state; never includes curses, so the
 * unit tests cover it all.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util.h"
#include "wrap.h"

size_t
wrap_decode(const char *str, size_t len, wchar_t *wc)
{
	int32_t cp;
	size_t n = utf8_decode(str, len, &cp);

	*wc = cp < 0 ? (wchar_t)0xfffd : (wchar_t)cp;
	return n;
}

int
wrap_char_width(wchar_t wc)
{
	int w;

	if (wc == '\t')
		return 1;
	w = wcwidth(wc);
	if (w < 0)
		return 1;
	return w;
}

int
wrap_width(const char *s, size_t len)
{
	size_t i = 0;
	int w = 0;
	wchar_t wc;

	while (i < len) {
		i += wrap_decode(s + i, len - i, &wc);
		w += wrap_char_width(wc);
	}
	return w;
}

/* Zero-width joiner and variation selectors glue emoji together too. */
static int
S_joins(wchar_t wc)
{
	return wc == 0x200d || (wc >= 0xfe00 && wc <= 0xfe0f) ||
	    (wc != '\t' && wc != '\n' && wcwidth(wc) == 0);
}

size_t
wrap_next(const char *s, size_t len, size_t at)
{
	size_t i = at;
	wchar_t wc;
	bool zwj;

	if (at >= len)
		return 0;
	i += wrap_decode(s + i, len - i, &wc);
	zwj = false;
	while (i < len) {
		size_t n = wrap_decode(s + i, len - i, &wc);

		if (!zwj && !S_joins(wc))
			break;
		zwj = (wc == 0x200d);
		i += n;
	}
	return i - at;
}

size_t
wrap_prev(const char *s, size_t len, size_t at)
{
	size_t i = 0, last = 0;

	/* Walk forward from the start: UTF-8 graphemes cannot be found backwards reliably. */
	while (i < at && i < len) {
		size_t n = wrap_next(s, len, i);

		last = i;
		i += n;
	}
	return last;
}

size_t
wrap_fit(const char *s, size_t len, int cols, int *used)
{
	size_t i = 0;
	int w = 0;

	while (i < len) {
		size_t n = wrap_next(s, len, i);
		int cw = wrap_width(s + i, n);

		if (s[i] == '\n' || w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	if (used != NULL)
		*used = w;
	return i;
}

void
wrap_lines_init(struct wrap_lines *w)
{
	memset(w, 0, sizeof *w);
}

void
wrap_lines_cleanup(struct wrap_lines *w)
{
	free(w->lines);
	memset(w, 0, sizeof *w);
}

static void
S_push(struct wrap_lines *w, size_t start, size_t len, size_t next, int width)
{
	w->lines = xgrow(w->lines, &w->cap, w->n, sizeof *w->lines);
	w->lines[w->n].start = start;
	w->lines[w->n].len = len;
	w->lines[w->n].next = next;
	w->lines[w->n].width = width;
	w->n++;
}

size_t
wrap_text(const char *text, size_t len, int width, struct wrap_lines *w)
{
	size_t before = w->n, start = 0, i = 0;
	size_t brk = 0, brk_len = 0;	/* after the last run of spaces */
	int col = 0, brk_col = 0;
	bool have_brk = false;

	if (width < 1)
		width = 1;
	while (i < len) {
		size_t n;
		int cw;

		if (text[i] == '\n') {
			S_push(w, start, i - start, i + 1, col);
			start = i = i + 1;
			col = 0;
			have_brk = false;
			continue;
		}
		if (text[i] == ' ') {
			/* Spaces at a break hang off the end of the line. */
			size_t j = i;

			while (j < len && text[j] == ' ')
				j++;
			if (col + (int)(j - i) > width && col > 0) {
				S_push(w, start, i - start, j, col);
				start = i = j;
				col = 0;
				have_brk = false;
				continue;
			}
			brk_len = i - start;
			brk_col = col;
			col += (int)(j - i);
			brk = j;
			have_brk = true;
			i = j;
			continue;
		}
		n = wrap_next(text, len, i);
		cw = wrap_width(text + i, n);
		if (col + cw > width && col > 0) {
			if (have_brk && brk > start) {
				S_push(w, start, brk_len, brk, brk_col);
				col = wrap_width(text + brk, i - brk);
				start = brk;
			} else {
				S_push(w, start, i - start, i, col);
				start = i;
				col = 0;
			}
			have_brk = false;
			continue;
		}
		col += cw;
		i += n;
	}
	if (start < len || w->n == before || (len > 0 && text[len - 1] == '\n'))
		S_push(w, start, len - start, len, wrap_width(text + start, len - start));
	return w->n - before;
}

int
wrap_centre(int cols, int w)
{
	return w >= cols ? 0 : (cols - w) / 2;
}

void
layout_compute(struct layout *l, int cols, int rows)
{
	memset(l, 0, sizeof *l);
	l->cols = cols;
	l->rows = rows;
	l->too_small = cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS;
	l->title_row = 0;
	l->body_top = 2;
	l->keys_row = rows - 1;
	l->message_row = rows - 2;
	l->body_rows = l->message_row - 1 - l->body_top;
	if (l->body_rows < 1)
		l->body_rows = 1;
	l->text_cols = cols - 4 < LAYOUT_MAX_TEXT ? cols - 4 : LAYOUT_MAX_TEXT;
	if (l->text_cols < 1)
		l->text_cols = 1;
	l->text_left = wrap_centre(cols, l->text_cols);
}
