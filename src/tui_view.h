/*
 * tui_view.h: what the TUI's main loop (tui.c) shares with its views
 * (view_*.c): the screen state, the drawing helpers and the view table.
 * A view is tig's view_ops / ncdu's state: open, draw and request
 * callbacks. Views see requests, never key codes, and change the session
 * only through flow_apply().
 */
#ifndef TALKPACT_TUI_VIEW_H
#define TALKPACT_TUI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "flow.h"
#include "keys.h"
#include "textfield.h"
#include "wrap.h"

struct cli;

/*
 * Colour roles: X(role, fg, bg, colour-attr, mono-attr). One table; the
 * drawing code names roles, never colours or attributes.
 */
#define TUI_COLORS \
	X(NORMAL,   -1,            -1,         A_NORMAL, A_NORMAL) \
	X(TITLE,    COLOR_WHITE,   COLOR_BLUE, A_BOLD,   A_REVERSE | A_BOLD) \
	X(TITLE_DIM, COLOR_CYAN,   COLOR_BLUE, A_NORMAL, A_REVERSE) \
	X(QUESTION, COLOR_CYAN,    -1,         A_BOLD,   A_BOLD) \
	X(SCENARIO, COLOR_MAGENTA, -1,         A_BOLD,   A_BOLD) \
	X(TIP,      COLOR_YELLOW,  -1,         A_NORMAL, A_NORMAL) \
	X(LABEL,    COLOR_GREEN,   -1,         A_BOLD,   A_BOLD) \
	X(MUTED,    COLOR_BLUE,    -1,         A_BOLD,   A_DIM) \
	X(FIELD,    -1,            -1,         A_NORMAL, A_NORMAL) \
	X(FIELD_FOCUS, COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD) \
	X(BORDER,   COLOR_BLUE,    -1,         A_NORMAL, A_NORMAL) \
	X(BORDER_FOCUS, COLOR_CYAN, -1,        A_BOLD,   A_BOLD) \
	X(SELECTED, COLOR_BLACK,   COLOR_CYAN, A_NORMAL, A_REVERSE) \
	X(HEADING,  COLOR_CYAN,    -1,         A_BOLD,   A_BOLD | A_UNDERLINE) \
	X(EMPH,     -1,            -1,         A_UNDERLINE, A_UNDERLINE) \
	X(STRONG,   -1,            -1,         A_BOLD,   A_BOLD) \
	X(QUOTE,    COLOR_GREEN,   -1,         A_NORMAL, A_NORMAL) \
	X(KEY,      COLOR_BLACK,   COLOR_CYAN, A_NORMAL, A_REVERSE) \
	X(KEYTEXT,  -1,            -1,         A_NORMAL, A_NORMAL) \
	X(ERROR,    COLOR_RED,     -1,         A_BOLD,   A_BOLD | A_UNDERLINE) \
	X(OK,       COLOR_GREEN,   -1,         A_BOLD,   A_BOLD) \
	X(ON,       COLOR_GREEN,   -1,         A_BOLD,   A_BOLD) \
	X(OFF,      COLOR_RED,     -1,         A_NORMAL, A_DIM)

enum tui_role {
#define X(role, fg, bg, ca, ma) ROLE_UI_##role,
	TUI_COLORS
#undef X
	ROLE_UI__COUNT
};

/*
 * What works on a screen right now: a request and a few words for the
 * keys line (NULL: listed only in the help), and the help's words (NULL:
 * request_help()). The keys line and the F1 help are made from a view's
 * bindings and keys.c's table, so no view names a key: help and quit are
 * added by tui.c. A list ends with TUI_BINDINGS_END. Consecutive rows
 * with the same words share one place on the keys line ("↑↓ move").
 */
struct tui_binding {
	enum request req;
	const char *what;
	const char *help;
};
#define TUI_BINDINGS_END { REQ_NONE, NULL, NULL }
/* Up and Down move between boxes ("↑↓ move"); Tab and S-Tab too (help only). */
#define TUI_BIND_MOVE \
	{ REQ_UP, "move", NULL }, { REQ_DOWN, "move", NULL }, \
	{ REQ_NEXT_FIELD, NULL, NULL }, { REQ_PREV_FIELD, NULL, NULL }
/* Left and Right (and Space, help only) change a choice. */
#define TUI_BIND_CHANGE(what, back, next) \
	{ REQ_LEFT, what, back }, { REQ_RIGHT, what, next }, \
	{ REQ_TOGGLE, NULL, next }

struct tui;

struct view {
	const char *name;
	/* Entering the view (again); may refuse by switching elsewhere. */
	void (*open)(struct tui *t);
	/* Draw the body (title row and foot are drawn by tui.c). */
	void (*draw)(struct tui *t);
	/* Handle one request; ch is the character for REQ_ED_CHAR. */
	void (*request)(struct tui *t, enum request r, wchar_t ch);
	/* The text box being typed in now, or NULL (for pasting). */
	struct textfield *(*field)(struct tui *t);
	/* Are letters text right now? */
	enum keys_mode (*mode)(struct tui *t);	/* NULL: KEYS_BROWSE */
	/* The requests that do something now (see struct tui_binding). */
	const struct tui_binding *(*bindings)(struct tui *t);
	/* Help for the screen: lines of text, NULL-terminated; no key names
	 * (the keys are listed after it, from bindings). */
	const char *const *help;
	/*
	 * A click on a place the view marked with tui_hit() while drawing:
	 * focus that box, choose that item or press that button. May be NULL.
	 */
	void (*click)(struct tui *t, int id);
	/*
	 * Keep what is being typed as drafts in the session (flow_apply with
	 * ACTION_SET_DRAFT), after a pause in typing and on leaving; may be
	 * NULL for a view without text boxes worth keeping.
	 */
	void (*keep)(struct tui *t);
	/*
	 * The view's own state (tig's view->private): state_size bytes,
	 * zeroed, made on first use by tui_state() and kept between visits;
	 * cleanup frees what it holds (at exit; may be NULL).
	 */
	size_t state_size;
	void (*cleanup)(void *state);
};

/* Most views; most places a frame can mark for the mouse. */
#define TUI_MAX_VIEWS 16
#define TUI_MAX_HITS 64

struct tui_hit {
	int y, x, w, h;
	int id;
};

extern const struct view view_welcome, view_family, view_talk, view_agree,
    view_review, view_sign, view_done;
extern const struct view view_reviewing;	/* view_reviewing.c */

struct tui {
	struct cli *cli;
	struct flow flow;
	struct layout lay;
	const struct view *view;
	bool quit;
	bool help;		/* the help overlay is up */
	int help_top;
	char *message;		/* status line, or NULL */
	bool message_bad;
	int cur_y, cur_x;	/* where the cursor goes; -1: hidden */
	bool colour;
	const char *state_dir;	/* for the welcome screen's "kept in" */
	char *sessions_dir;	/* state_dir/sessions, or NULL without a home */
	bool mouse;		/* clicks and the wheel are read */
	struct tui_hit hits[TUI_MAX_HITS];	/* this frame's, for clicks */
	size_t n_hits;
	bool more_above, more_below;	/* the body is scrolled (tui_scroll) */
	struct {
		const struct view *view;
		void *state;
	} states[TUI_MAX_VIEWS];
};

/* The view's state (see struct view); made zeroed on first use. */
void *tui_state(struct tui *t, const struct view *v);
/* Mark rows [y, y+h) x [x, x+w) of this frame: a click there is view->click(id). */
void tui_hit(struct tui *t, int y, int x, int w, int h, int id);
/*
 * A screen taller than the body: content rows 0..total-1, of which rows
 * [from, to) (the focus) must show. *top is the view's first row shown,
 * kept between frames and moved as little as it takes. Returns the screen
 * row where content row 0 goes (above the body when scrolled); the frame
 * marks "more" above and below.
 */
int tui_scroll(struct tui *t, int *top, int total, int from, int to);
/*
 * The label of the key shown for r in the current mode ("F2"), for a
 * sentence that names it; from keys.c's table. Valid until the next call.
 */
const char *tui_key(struct tui *t, enum request r);
/* Draw s in at most w columns at (y, x), ending in "…" when it is cut. */
int tui_text_cut(struct tui *t, int y, int x, const char *s, int w,
    enum tui_role r);

/* Switch to a view (calls its open). */
void tui_switch(struct tui *t, const struct view *v);
/* The status line: a friendly note, or a mistake to fix. */
void tui_note(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_mistake(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Take a *cause message from flow or session (frees it). */
/* A problem shown while typing: no beep. */
void tui_warn(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A one-row text box without a border at (y, x), w wide. */
void tui_line_field(struct tui *t, int y, int x, int w, struct textfield *tf,
    bool focused);
void tui_mistake_cause(struct tui *t, char *cause);
void tui_clear_note(struct tui *t);

/* Drawing: all clip to the screen and to w columns. */
int tui_text(struct tui *t, int y, int x, const char *s, int w, enum tui_role r);
int tui_textn(struct tui *t, int y, int x, const char *s, size_t len, int w,
    enum tui_role r);
void tui_fill(struct tui *t, int y, int x, int w, enum tui_role r);
/* A value picked with Left and Right at (y, x), w wide: "◂ value ▸" when
 * focused, else the value alone two columns in. */
void tui_choice(struct tui *t, int y, int x, int w, const char *value,
    bool focused);
/*
 * Apply an action through flow (saving it); on a mistake show it on the
 * status line. Returns whether it was applied.
 */
bool tui_apply(struct tui *t, const struct action *a);
/* Wrap s into at most rows lines w wide at (y, x); centre each line if
 * centre. Returns the lines drawn; with y < 0 just counts them. */
int tui_wrapped(struct tui *t, int y, int x, int w, int rows, const char *s,
    enum tui_role r, bool centre);
/* A box with a title, rows inside; draws the field and places the cursor if focused. */
void tui_field(struct tui *t, int y, int x, int w, int rows, const char *label,
    struct textfield *tf, bool focused);
/* Rows a field box takes for inner rows. */
#define TUI_FIELD_ROWS(rows) ((rows) + 2)
void tui_box(struct tui *t, int y, int x, int w, int h, enum tui_role r);
void tui_cursor(struct tui *t, int y, int x);
/*
 * The row to start a screen of need rows: the body's top, moved down a
 * third of the spare rows on a tall window so the screen does not hang
 * from the title.
 */
int tui_top(const struct tui *t, int need);

/*
 * Keep one box's text as a draft: forgotten when it is blank or the same
 * as confirmed (NULL: nothing confirmed); saved only when it changed
 * since the last time. A failure shows on the status line.
 */
void tui_keep_draft(struct tui *t, const char *box, const struct textfield *tf,
    const char *confirmed);

/* Shared text for views. */
const char *tui_child_name(const struct tui *t);	/* "the child" before it is given */

/*
 * Every voice: how many grown-ups speak in a box of their own (0 for one
 * grown-up, who has the one grown-up's box); and grown-up g's box label,
 * their name then what ("'s words": "Tom's words"), with "(2 of 3; KEY:
 * next)" when only the one speaking shows. Caller frees the label.
 */
size_t tui_n_voices(const struct tui *t);
char *tui_voice_label(struct tui *t, size_t g, bool one,
    const char *what);

#endif
