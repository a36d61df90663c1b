/*
 * keys.h: key codes of our own, and the one table that turns a key into an
 * enum request before any view sees it (tig's enum request). Views act on
 * requests, never on key codes, so this file links and is tested without
 * curses; tui.c translates curses' codes into these.
 */
#ifndef TALKPACT_KEYS_H
#define TALKPACT_KEYS_H

#include <stdbool.h>
#include <wchar.h>

/*
 * A key is an int: a Unicode code point for a character (control keys are
 * their ASCII code: TK_CTRL('a') == 1), or one of the special keys below,
 * which lie above Unicode. TK_ALT is or'ed in when Alt (Meta/Esc prefix)
 * was held.
 */
#define TK_CTRL(c) ((c) & 0x1f)
#define TK_ALT 0x1000000
enum tk_special {
	TK_SPECIAL = 0x200000,
	TK_UP, TK_DOWN, TK_LEFT, TK_RIGHT,
	TK_CLEFT, TK_CRIGHT,		/* Ctrl-Left, Ctrl-Right */
	TK_HOME, TK_END, TK_PGUP, TK_PGDN,
	TK_BACKSPACE, TK_DELETE, TK_ENTER, TK_TAB, TK_BTAB, TK_ESC,
	TK_RESIZE,
	TK_F1, TK_F2, TK_F3, TK_F4, TK_F5, TK_F6, TK_F7, TK_F8, TK_F9, TK_F10
};

/*
 * Requests. X(enum-suffix, name, what it does). The names are what the
 * help screen shows.
 */
#define REQUEST_TABLE \
	X(NONE, "", "nothing") \
	X(QUIT, "quit", "Leave talkpact (everything is saved)") \
	X(BACK, "back", "Go back") \
	X(HELP, "help", "Show help for this screen") \
	X(REDRAW, "redraw", "Draw the screen again") \
	X(RESIZE, "resize", "The window changed size") \
	X(UP, "up", "Move up") \
	X(DOWN, "down", "Move down") \
	X(LEFT, "left", "Move left") \
	X(RIGHT, "right", "Move right") \
	X(PAGE_UP, "page-up", "Scroll up a page") \
	X(PAGE_DOWN, "page-down", "Scroll down a page") \
	X(FIRST, "first", "Go to the top") \
	X(LAST, "last", "Go to the end") \
	X(ENTER, "enter", "Choose, or go on") \
	X(NEXT_FIELD, "next-field", "Next box") \
	X(PREV_FIELD, "prev-field", "Previous box") \
	X(TOGGLE, "toggle", "Switch on or off") \
	X(EDIT, "edit", "Type in this box") \
	X(TIP, "tip", "Show or hide the grown-up's tip") \
	X(SKIP, "skip", "Skip this question") \
	X(LATER, "later", "Talk about this again later") \
	X(PREVIOUS, "previous", "Back to the question before") \
	X(ADD, "add", "Add a rule of your own") \
	X(REMOVE, "remove", "Remove this rule") \
	X(ED_BOL, "start-of-line", "Cursor to start of line") \
	X(ED_EOL, "end-of-line", "Cursor to end of line") \
	X(ED_WORD_LEFT, "word-left", "Cursor back a word") \
	X(ED_WORD_RIGHT, "word-right", "Cursor forward a word") \
	X(ED_BACKSPACE, "backspace", "Delete the character before the cursor") \
	X(ED_DELETE, "delete", "Delete the character under the cursor") \
	X(ED_KILL_EOL, "kill-to-end", "Delete to the end of the line") \
	X(ED_KILL_BOL, "kill-to-start", "Delete to the start of the line") \
	X(ED_KILL_WORD, "kill-word", "Delete the word before the cursor") \
	X(ED_NEWLINE, "newline", "Start a new line in the answer") \
	X(ED_CHAR, "character", "Type a character") \
	X(NOT_YET, "not-yet", "Someone does not agree to this yet") \
	X(SCROLL_UP, "scroll-up", "Scroll up") \
	X(SCROLL_DOWN, "scroll-down", "Scroll down")

enum request {
#define X(e, name, help) REQ_##e,
	REQUEST_TABLE
#undef X
	REQ__COUNT
};

/* Where the key was pressed: keys mean different things while typing. */
enum keys_mode {
	KEYS_BROWSE,	/* moving between items: letters are commands */
	KEYS_EDIT	/* a text box has the cursor: letters are text */
};

/*
 * The request for key in mode. For REQ_ED_CHAR, *ch is the character to
 * insert (never a control character). ch may be NULL.
 */
enum request keys_request(int key, enum keys_mode mode, wchar_t *ch);

/* "quit", "help", ...; "" for REQ_NONE. */
const char *request_name(enum request r);
const char *request_help(enum request r);

/* A short label for a key as the bottom line shows it: "Esc", "F1", "^K", "q". */
const char *keys_label(int key, char *buf, size_t size);

/*
 * The keys that give r in mode, the one to show first, into keys (at
 * most max); aliases (Ctrl-M for Enter, Q for q) are left out. Returns
 * how many. The keys line and the help are made from this, so no screen
 * names a key of its own.
 */
size_t keys_for(enum request r, enum keys_mode mode, int *keys, size_t max);

#endif
