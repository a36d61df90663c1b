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

/* A key and what it does, for the bottom line. */
struct tui_hint {
	const char *key;
	const char *what;
};

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
	/* The keys that work now; NULL-terminated. */
	const struct tui_hint *(*hints)(struct tui *t);
	/* Help for the screen: lines of text, NULL-terminated. */
	const char *const *help;
	/*
	 * Keep what is being typed as drafts in the session (flow_apply with
	 * ACTION_SET_DRAFT), after a pause in typing and on leaving; may be
	 * NULL for a view without text boxes worth keeping.
	 */
	void (*keep)(struct tui *t);
	/* Free what the view keeps between visits (at exit); may be NULL. */
	void (*cleanup)(void);
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
};

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

#endif
