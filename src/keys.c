/*
 * keys.c: the key bindings: one table per mode, searched in order, so the
 * help screen and the bottom line can be generated from the same data.
 * Never includes curses and never looks at a view's state.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "keys.h"

struct binding {
	int key;
	enum request req;
};

/* Other names for a key listed in the tables: never shown. */
static const int S_aliases[] = {
	TK_RESIZE, TK_CTRL('m'), TK_CTRL('j'), 'Q', TK_CTRL('h'), TK_BACKSPACE,
	TK_ALT | TK_BACKSPACE, TK_ALT | TK_CTRL('m'), TK_ALT | TK_CTRL('j')
};

/* Keys that mean the same in both modes. */
static const struct binding S_common[] = {
	{ TK_F1, REQ_HELP },
	{ TK_ESC, REQ_BACK },
	{ TK_RESIZE, REQ_RESIZE },
	{ TK_CTRL('l'), REQ_REDRAW },
	{ TK_UP, REQ_UP },
	{ TK_DOWN, REQ_DOWN },
	{ TK_PGUP, REQ_PAGE_UP },
	{ TK_PGDN, REQ_PAGE_DOWN },
	{ TK_ENTER, REQ_ENTER },
	{ TK_CTRL('m'), REQ_ENTER },
	{ TK_CTRL('j'), REQ_ENTER },
	{ TK_TAB, REQ_NEXT_FIELD },
	{ TK_BTAB, REQ_PREV_FIELD },
	{ TK_F2, REQ_TIP },
	{ TK_F3, REQ_SKIP },
	{ TK_F4, REQ_LATER },
	{ TK_F5, REQ_PREVIOUS },
	{ TK_F10, REQ_QUIT },
};

/* Browsing: letters are commands. */
static const struct binding S_browse[] = {
	{ 'q', REQ_QUIT },
	{ 'Q', REQ_QUIT },
	{ '?', REQ_HELP },
	{ 'h', REQ_HELP },
	{ 'k', REQ_UP },
	{ 'j', REQ_DOWN },
	{ TK_LEFT, REQ_LEFT },
	{ TK_RIGHT, REQ_RIGHT },
	{ TK_HOME, REQ_FIRST },
	{ TK_END, REQ_LAST },
	{ 'g', REQ_FIRST },
	{ 'G', REQ_LAST },
	{ ' ', REQ_TOGGLE },
	{ 'e', REQ_EDIT },
	{ 't', REQ_TIP },
	{ 's', REQ_SKIP },
	{ 'l', REQ_LATER },
	{ 'p', REQ_PREVIOUS },
	{ 'b', REQ_PREVIOUS },
	{ 'a', REQ_ADD },
	{ '+', REQ_ADD },
	{ 'x', REQ_REMOVE },
	{ TK_DELETE, REQ_REMOVE },
	{ 'n', REQ_NOT_YET },
};

/* Typing: readline-like editing. */
static const struct binding S_edit[] = {
	{ TK_LEFT, REQ_LEFT },
	{ TK_RIGHT, REQ_RIGHT },
	{ TK_HOME, REQ_ED_BOL },
	{ TK_END, REQ_ED_EOL },
	{ TK_CTRL('a'), REQ_ED_BOL },
	{ TK_CTRL('e'), REQ_ED_EOL },
	{ TK_CTRL('b'), REQ_LEFT },
	{ TK_CTRL('f'), REQ_RIGHT },
	{ TK_CTRL('k'), REQ_ED_KILL_EOL },
	{ TK_CTRL('u'), REQ_ED_KILL_BOL },
	{ TK_CTRL('w'), REQ_ED_KILL_WORD },
	{ TK_ALT | 0x7f, REQ_ED_KILL_WORD },
	{ TK_ALT | TK_BACKSPACE, REQ_ED_KILL_WORD },
	{ TK_CTRL('h'), REQ_ED_BACKSPACE },
	{ 0x7f, REQ_ED_BACKSPACE },
	{ TK_BACKSPACE, REQ_ED_BACKSPACE },
	{ TK_DELETE, REQ_ED_DELETE },
	{ TK_CTRL('d'), REQ_ED_DELETE },
	{ TK_CLEFT, REQ_ED_WORD_LEFT },
	{ TK_CRIGHT, REQ_ED_WORD_RIGHT },
	{ TK_ALT | 'b', REQ_ED_WORD_LEFT },
	{ TK_ALT | 'f', REQ_ED_WORD_RIGHT },
	{ TK_ALT | TK_ENTER, REQ_ED_NEWLINE },
	{ TK_ALT | TK_CTRL('m'), REQ_ED_NEWLINE },
	{ TK_ALT | TK_CTRL('j'), REQ_ED_NEWLINE },
	{ TK_CTRL('t'), REQ_TIP },
	{ TK_CTRL('n'), REQ_SKIP },
	{ TK_CTRL('o'), REQ_LATER },
};

static enum request
S_find(const struct binding *b, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		if (b[i].key == key)
			return b[i].req;
	return REQ_NONE;
}

#define S_LEN(a) (sizeof (a) / sizeof (a)[0])

enum request
keys_request(int key, enum keys_mode mode, wchar_t *ch)
{
	enum request r;

	if (ch != NULL)
		*ch = 0;
	if (mode == KEYS_EDIT) {
		r = S_find(S_edit, S_LEN(S_edit), key);
		if (r != REQ_NONE)
			return r;
		r = S_find(S_common, S_LEN(S_common), key);
		if (r != REQ_NONE)
			return r;
		/* Any other printable character is text, 'q' and '?' too. */
		if (key >= 0x20 && key < TK_SPECIAL && key != 0x7f &&
		    !(key >= 0x80 && key < 0xa0) && iswprint((wint_t)key)) {
			if (ch != NULL)
				*ch = (wchar_t)key;
			return REQ_ED_CHAR;
		}
		return REQ_NONE;
	}
	r = S_find(S_browse, S_LEN(S_browse), key);
	if (r != REQ_NONE)
		return r;
	return S_find(S_common, S_LEN(S_common), key);
}

static const struct {
	const char *name, *help;
} S_requests[] = {
#define X(e, name, help) { name, help },
	REQUEST_TABLE
#undef X
};

const char *
request_name(enum request r)
{
	return (unsigned)r < REQ__COUNT ? S_requests[r].name : "";
}

const char *
request_help(enum request r)
{
	return (unsigned)r < REQ__COUNT ? S_requests[r].help : "";
}

const char *
keys_label(int key, char *buf, size_t size)
{
	static const char *const special[] = {
		"", "\xe2\x86\x91", "\xe2\x86\x93", "\xe2\x86\x90",
		"\xe2\x86\x92", "C-Left", "C-Right",
		"Home", "End", "PgUp", "PgDn", "Bksp", "Del", "Enter", "Tab",
		"S-Tab", "Esc", "", "F1", "F2", "F3", "F4", "F5", "F6", "F7",
		"F8", "F9", "F10"
	};
	const char *alt = (key & TK_ALT) ? "Alt-" : "";

	key &= ~TK_ALT;
	if (key > TK_SPECIAL && key <= TK_F10)
		snprintf(buf, size, "%s%s", alt, special[key - TK_SPECIAL]);
	else if (key == ' ')
		snprintf(buf, size, "%sSpace", alt);
	else if (key == 0x7f)
		snprintf(buf, size, "%sBksp", alt);
	else if (key >= 0 && key < 0x20)
		snprintf(buf, size, "%s^%c", alt, key + '@');
	else if (key >= 0x20 && key < 0x7f)
		snprintf(buf, size, "%s%c", alt, key);
	else
		snprintf(buf, size, "%sU+%04X", alt, (unsigned)key);
	return buf;
}

size_t
keys_for(enum request r, enum keys_mode mode, int *keys, size_t max)
{
	/* The common keys first: F1, F10, Enter, arrows are shown before letters. */
	const struct binding *tables[2] = { S_common,
	    mode == KEYS_EDIT ? S_edit : S_browse };
	size_t lens[2] = { S_LEN(S_common),
	    mode == KEYS_EDIT ? S_LEN(S_edit) : S_LEN(S_browse) };
	size_t n = 0;

	for (size_t t = 0; t < 2; t++)
		for (size_t i = 0; i < lens[t] && n < max; i++) {
			const struct binding *b = &tables[t][i];

			/* Only keys that still mean r here (edit shadows common). */
			bool alias = false;

			for (size_t k = 0; k < S_LEN(S_aliases); k++)
				alias = alias || S_aliases[k] == b->key;
			if (b->req == r && !alias &&
			    keys_request(b->key, mode, NULL) == r)
				keys[n++] = b->key;
		}
	return n;
}
