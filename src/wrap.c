/*
 * wrap.c: the one wrapping engine (wrap_text_by), the widths it measures
 * by (wcwidth for the screen, utf8proc for print), grapheme clusters
 * (utf8proc), and the screen layout arithmetic. Owns no state; never
 * includes curses, so the unit tests cover it all.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <utf8proc.h>

#include "util.h"
#include "wrap.h"

int
width_screen(int32_t cp)
{
	int w;

	if (cp == '\t')
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int
width_print(int32_t cp)
{
	if (cp < 0 || cp > 0x10ffff)
		return 1;
	return utf8proc_charwidth(cp);
}

size_t
wrap_decode(const char *str, size_t len, wchar_t *wc)
{
	int32_t cp;
	size_t n = utf8_decode(str, len, &cp);

	*wc = cp < 0 ? (wchar_t)0xfffd : (wchar_t)cp;
	return n;
}

int
wrap_measure(wrap_width_fn *fn, const char *s, size_t len)
{
	size_t i = 0;
	int w = 0;
	wchar_t wc;

	while (i < len) {
		i += wrap_decode(s + i, len - i, &wc);
		w += fn((int32_t)wc);
	}
	return w;
}

size_t
wrap_next(const char *s, size_t len, size_t at)
{
	utf8proc_int32_t state = 0;
	size_t i = at;
	wchar_t prev, wc;

	if (at >= len)
		return 0;
	i += wrap_decode(s + i, len - i, &prev);
	while (i < len) {
		size_t n = wrap_decode(s + i, len - i, &wc);

		if (utf8proc_grapheme_break_stateful(prev, wc, &state))
			break;
		prev = wc;
		i += n;
	}
	return i - at;
}

size_t
wrap_prev(const char *s, size_t len, size_t at)
{
	size_t i = 0, last = 0;

	/* Walk forward from the start: graphemes cannot be found backwards reliably. */
	while (i < at && i < len) {
		size_t n = wrap_next(s, len, i);

		last = i;
		i += n;
	}
	return last;
}

size_t
wrap_fit_by(const char *s, size_t len, int cols, wrap_width_fn *fn, int *used)
{
	size_t i = 0;
	int w = 0;

	while (i < len) {
		size_t n = wrap_next(s, len, i);
		int cw = wrap_measure(fn, s + i, n);

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

static bool
S_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Is s[0..n) a month's name, maybe with a comma or full stop after it? */
static bool
S_is_month(const char *s, size_t n)
{
	static const char *const months[] = { "January", "February", "March",
		"April", "May", "June", "July", "August", "September",
		"October", "November", "December" };
	static const unsigned char lens[] = { 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8,
		8 };

	while (n > 0 && (s[n - 1] == ',' || s[n - 1] == '.'))
		n--;
	/* Every word passes here: turn most away on their first letter. */
	if (n < 3 || n > 9 || s[0] == '\0' || strchr("JFMASOND", s[0]) == NULL)
		return false;
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		if (lens[i] == n && memcmp(months[i], s, n) == 0)
			return true;
	return false;
}

bool
wrap_joined(const char *text, size_t len, size_t at)
{
	size_t a, b;

	if (at == 0 || at + 1 >= len || text[at] != ' ' ||
	    text[at - 1] == ' ' || text[at + 1] == ' ')
		return false;
	/* Phone numbers: digits either side ("0808 800 5000"). */
	if (S_is_digit(text[at - 1]) && S_is_digit(text[at + 1]))
		return true;
	/* Dates have a digit on one side: most spaces stop here. */
	if (!S_is_digit(text[at - 1]) && !S_is_digit(text[at + 1]))
		return false;
	for (a = at; a > 0 && text[a - 1] != ' ' && text[a - 1] != '\n'; a--)
		;
	for (b = at + 1; b < len && text[b] != ' ' && text[b] != '\n'; b++)
		;
	/* Dates: "29 November", "November 2026". */
	if (at - a <= 2 && S_is_digit(text[a]) && S_is_digit(text[at - 1]) &&
	    S_is_month(text + at + 1, b - at - 1))
		return true;
	return S_is_digit(text[at + 1]) && S_is_month(text + a, at - a);
}

size_t
wrap_text_by(const char *text, size_t len, int first, int width,
    wrap_width_fn *fn, struct wrap_lines *w)
{
	size_t before = w->n, start = 0, i = 0;
	size_t brk = 0, brk_len = 0;	/* after the last run of spaces */
	int col = 0, brk_col = 0, lim;
	bool have_brk = false;

	if (first < 1)
		first = 1;
	if (width < 1)
		width = 1;
	while (i < len) {
		size_t n;
		int cw;

		lim = w->n == before ? first : width;
		if (text[i] == '\n') {
			S_push(w, start, i - start, i + 1, col);
			start = i = i + 1;
			col = 0;
			have_brk = false;
			continue;
		}
		if (text[i] == ' ' && !wrap_joined(text, len, i)) {
			/* Spaces at a break hang off the end of the line. */
			size_t j = i;

			while (j < len && text[j] == ' ')
				j++;
			if (col + (int)(j - i) > lim && col > 0) {
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
		cw = wrap_measure(fn, text + i, n);
		if (col + cw > lim && col > 0) {
			if (have_brk && brk > start) {
				S_push(w, start, brk_len, brk, brk_col);
				col = wrap_measure(fn, text + brk, i - brk);
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
		S_push(w, start, len - start, len,
		    wrap_measure(fn, text + start, len - start));
	return w->n - before;
}

int
wrap_char_width(wchar_t wc)
{
	return width_screen((int32_t)wc);
}

int
wrap_width(const char *s, size_t len)
{
	return wrap_measure(width_screen, s, len);
}

size_t
wrap_fit(const char *s, size_t len, int cols, int *used)
{
	return wrap_fit_by(s, len, cols, width_screen, used);
}

size_t
wrap_text(const char *text, size_t len, int width, struct wrap_lines *w)
{
	return wrap_text_by(text, len, width, width, width_screen, w);
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
