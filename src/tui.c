/*
 * tui.c: the full-screen program's main loop: the terminal (curses start
 * and a sane return on every exit path: normal, Ctrl-C, SIGTERM, SIGHUP and
 * crashes), reading keys and turning them into requests, the title row, the
 * status and keys lines, the help overlay, the too-small notice, colours
 * and the drawing helpers the views share. Views own their screens; this
 * file never looks inside a session except through flow.h.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <wchar.h>
#include <unistd.h>

#include "cli.h"
#include "tui.h"
#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

/* ---- the terminal, and giving it back -------------------------------- */

static volatile sig_atomic_t S_signal;	/* SIGINT, SIGTERM, SIGHUP, SIGQUIT */
static volatile sig_atomic_t S_active;		/* curses owns the terminal */
static struct termios S_saved_tio;
static bool S_have_tio;
static char S_reset[512];			/* written on a crash */
static size_t S_reset_len;

static void
S_on_signal(int sig)
{
	S_signal = sig;
}

/* Async-signal-safe: write(), tcsetattr(), signal() and raise() only. */
static void
S_on_crash(int sig)
{
	if (S_active) {
		if (S_reset_len > 0)
			(void)!write(STDOUT_FILENO, S_reset, S_reset_len);
		if (S_have_tio)
			(void)tcsetattr(STDIN_FILENO, TCSANOW, &S_saved_tio);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
S_add_reset(const char *cap)
{
	const char *s = tigetstr((char *)cap);
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (S_reset_len + n < sizeof S_reset) {
		memcpy(S_reset + S_reset_len, s, n);
		S_reset_len += n;
	}
}

static void
S_signals(void)
{
	struct sigaction sa;
	static const int crash[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = S_on_signal;	/* no SA_RESTART: wake get_wch */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* Ctrl-\ (typed, or in a paste): leave as Ctrl-C does, not dump core. */
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = S_on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
		sigaction(crash[i], &sa, NULL);
}

static const struct {
	short fg, bg;
	attr_t colour, mono;
} S_roles[] = {
#define X(role, fg, bg, ca, ma) { fg, bg, ca, ma },
	TUI_COLORS
#undef X
};

static attr_t S_attrs[ROLE_UI__COUNT];
static short S_pairs[ROLE_UI__COUNT];

static void
S_colours(struct tui *t, bool no_colour)
{
	t->colour = !no_colour && has_colors();
	if (t->colour) {
		start_color();
		use_default_colors();
	}
	for (int i = 0; i < ROLE_UI__COUNT; i++) {
		S_pairs[i] = 0;
		if (t->colour && (S_roles[i].fg != -1 || S_roles[i].bg != -1) &&
		    i < COLOR_PAIRS - 1) {
			init_pair((short)(i + 1), S_roles[i].fg, S_roles[i].bg);
			S_pairs[i] = (short)(i + 1);
			S_attrs[i] = S_roles[i].colour;
		} else
			S_attrs[i] = t->colour ? S_roles[i].colour : S_roles[i].mono;
	}
}

static void
S_role(enum tui_role r)
{
	attr_set(S_attrs[r], S_pairs[r], NULL);
}

static int S_key_cleft, S_key_cright;

/*
 * Bracketed paste: the terminal wraps pasted text in these, so a newline
 * in it is text, not Enter. The codes are our own, above curses' keys.
 */
#define S_PASTE_ON "\033[?2004h"
#define S_PASTE_OFF "\033[?2004l"
#define S_KEY_PASTE_START 0x6100
#define S_KEY_PASTE_END 0x6101
#define S_PASTE 0x7fffff00	/* S_read_key: a paste starts */
#define S_MOUSE 0x7fffff01	/* S_read_key: a click or the wheel, in S_mouse */
#define S_MOUSE_OFF "\033[?1000l"

static MEVENT S_mouse;		/* the latest S_MOUSE event */

static int
S_key_code(const char *cap)
{
	char *s = tigetstr((char *)cap);

	if (s == NULL || s == (char *)-1)
		return -1;
	return key_defined(s);
}

static void
S_start(struct tui *t, bool no_colour, bool no_mouse)
{
	if (tcgetattr(STDIN_FILENO, &S_saved_tio) == 0)
		S_have_tio = true;
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	set_escdelay(getenv("ESCDELAY") ? ESCDELAY : 50);
	S_colours(t, no_colour);
	S_reset_len = 0;
	S_add_reset("sgr0");
	S_add_reset("cnorm");
	S_add_reset("rmkx");
	S_add_reset("rmcup");
	if (S_reset_len + sizeof S_PASTE_OFF < sizeof S_reset) {
		memcpy(S_reset + S_reset_len, S_PASTE_OFF, sizeof S_PASTE_OFF - 1);
		S_reset_len += sizeof S_PASTE_OFF - 1;
	}
	/* Clicks and the wheel: press events at once, no click timing. */
	t->mouse = false;
	if (!no_mouse) {
		mmask_t want = BUTTON1_PRESSED | BUTTON4_PRESSED;

#ifdef BUTTON5_PRESSED
		want |= BUTTON5_PRESSED;
#endif
		mouseinterval(0);
		t->mouse = mousemask(want, NULL) != 0;
	}
	if (t->mouse && S_reset_len + sizeof S_MOUSE_OFF < sizeof S_reset) {
		memcpy(S_reset + S_reset_len, S_MOUSE_OFF, sizeof S_MOUSE_OFF - 1);
		S_reset_len += sizeof S_MOUSE_OFF - 1;
	}
	define_key("\033[200~", S_KEY_PASTE_START);
	define_key("\033[201~", S_KEY_PASTE_END);
	putp(S_PASTE_ON);
	fflush(stdout);
	S_key_cleft = S_key_code("kLFT5");
	S_key_cright = S_key_code("kRIT5");
	S_active = 1;
	S_signals();
	layout_compute(&t->lay, COLS, LINES);
}

static void
S_stop(void)
{
	if (!S_active)
		return;
	attr_set(A_NORMAL, 0, NULL);
	curs_set(1);
	mousemask(0, NULL);
	putp(S_PASTE_OFF);
	fflush(stdout);
	endwin();
	S_active = 0;
}

/* One key as our own code; -1 on timeout (wait_ms; -1 waits) or a signal. */
static int
S_read_key(int wait_ms)
{
	wint_t wc;
	int rc;

	timeout(wait_ms);
	rc = get_wch(&wc);
	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP: return TK_UP;
		case KEY_DOWN: return TK_DOWN;
		case KEY_LEFT: return TK_LEFT;
		case KEY_RIGHT: return TK_RIGHT;
		case KEY_HOME: return TK_HOME;
		case KEY_END: return TK_END;
		case KEY_PPAGE: return TK_PGUP;
		case KEY_NPAGE: return TK_PGDN;
		case KEY_BACKSPACE: return TK_BACKSPACE;
		case KEY_DC: return TK_DELETE;
		case KEY_ENTER: return TK_ENTER;
		case KEY_BTAB: return TK_BTAB;
		case KEY_RESIZE: return TK_RESIZE;
		case KEY_MOUSE:
			return getmouse(&S_mouse) == OK ? S_MOUSE : -1;
		default:
			break;
		}
		if (wc == S_KEY_PASTE_START)
			return S_PASTE;
		if ((int)wc == S_key_cleft)
			return TK_CLEFT;
		if ((int)wc == S_key_cright)
			return TK_CRIGHT;
		if (wc >= (wint_t)KEY_F(1) && wc <= (wint_t)KEY_F(10))
			return TK_F1 + (int)(wc - KEY_F(1));
		return -1;
	}
	if (wc == 27) {
		/* Esc alone, or Alt- (an Esc prefix) and the next key. */
		wint_t next;

		timeout(0);
		rc = get_wch(&next);
		timeout(-1);
		if (rc == OK) {
			if (next == '\r' || next == '\n')
				return TK_ALT | TK_ENTER;
			if (next == 0x7f || next == 8)
				return TK_ALT | 0x7f;
			return TK_ALT | (int)next;
		}
		if (rc == KEY_CODE_YES && next == KEY_BACKSPACE)
			return TK_ALT | 0x7f;
		/* Esc, then a key of its own (a resize, say): keep that one. */
		if (rc == KEY_CODE_YES)
			ungetch((int)next);
		return TK_ESC;
	}
	if (wc == '\r' || wc == '\n')
		return TK_ENTER;
	if (wc == '\t')
		return TK_TAB;
	if (wc == 8)
		return 0x7f;
	return (int)wc;
}

/* ---- drawing helpers -------------------------------------------------- */

int
tui_textn(struct tui *t, int y, int x, const char *s, size_t len, int w,
    enum tui_role r)
{
	int used = 0;
	size_t i = 0;

	if (y < 0 || y >= t->lay.rows || x >= t->lay.cols || w <= 0)
		return 0;
	if (x + w > t->lay.cols)
		w = t->lay.cols - x;
	S_role(r);
	move(y, x);
	while (i < len) {
		size_t n = wrap_next(s, len, i);
		int cw = wrap_width(s + i, n);
		wchar_t wcs[8];
		size_t k = 0, j = i;

		if (s[i] == '\n')
			break;
		if (used + cw > w)
			break;
		while (j < i + n && k < 7) {
			wchar_t wc;

			j += wrap_decode(s + j, i + n - j, &wc);
			if (wc < 0x20 || wc == 0x7f || (wc >= 0x80 && wc < 0xa0))
				wc = (k == 0) ? ' ' : 0;
			if (wc != 0)
				wcs[k++] = wc;
		}
		if (k > 0 && wrap_char_width(wcs[0]) == 0) {
			/* A stray combining mark: show it on a space. */
			memmove(wcs + 1, wcs, (k < 7 ? k : 6) * sizeof *wcs);
			wcs[0] = ' ';
			k = k < 7 ? k + 1 : 7;
			cw = 1;
		}
		wcs[k] = 0;
		if (k > 0)
			addnwstr(wcs, (int)k);
		used += cw;
		i += n;
	}
	return used;
}

int
tui_text(struct tui *t, int y, int x, const char *s, int w, enum tui_role r)
{
	return tui_textn(t, y, x, s, strlen(s), w, r);
}

void
tui_fill(struct tui *t, int y, int x, int w, enum tui_role r)
{
	if (y < 0 || y >= t->lay.rows || w <= 0)
		return;
	if (x + w > t->lay.cols)
		w = t->lay.cols - x;
	S_role(r);
	mvhline(y, x, ' ', w);
}

void
tui_choice(struct tui *t, int y, int x, int w, const char *value, bool focused)
{
	int vw = wrap_width(value, strlen(value));

	if (!focused) {
		tui_text_cut(t, y, x + 2, value, w - 2, ROLE_UI_NORMAL);
		return;
	}
	if (vw > w - 6)
		vw = w - 6;
	tui_text(t, y, x, "\xe2\x97\x82 ", 2, ROLE_UI_BORDER_FOCUS);
	tui_fill(t, y, x + 2, vw + 2, ROLE_UI_SELECTED);
	tui_text_cut(t, y, x + 3, value, w - 6, ROLE_UI_SELECTED);
	tui_text(t, y, x + 4 + vw, " \xe2\x96\xb8", 2, ROLE_UI_BORDER_FOCUS);
}

int
tui_wrapped(struct tui *t, int y, int x, int w, int rows, const char *s,
    enum tui_role r, bool centre)
{
	struct wrap_lines wl;
	int n;

	wrap_lines_init(&wl);
	wrap_text(s, strlen(s), w, &wl);
	n = (int)wl.n < rows ? (int)wl.n : rows;
	if (y >= 0)
		for (int i = 0; i < n; i++) {
			const struct wrap_line *l = &wl.lines[i];
			int off = centre ? wrap_centre(w, l->width) : 0;

			tui_textn(t, y + i, x + off, s + l->start, l->len, w - off, r);
		}
	wrap_lines_cleanup(&wl);
	return n;
}

void
tui_box(struct tui *t, int y, int x, int w, int h, enum tui_role r)
{
	if (w < 2 || h < 2)
		return;
	S_role(r);
	mvadd_wch(y, x, WACS_ULCORNER);
	mvadd_wch(y, x + w - 1, WACS_URCORNER);
	mvadd_wch(y + h - 1, x, WACS_LLCORNER);
	mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
	mvhline_set(y, x + 1, WACS_HLINE, w - 2);
	mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
	mvvline_set(y + 1, x, WACS_VLINE, h - 2);
	mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
}

int
tui_top(const struct tui *t, int need)
{
	int spare = t->lay.body_rows - need;

	return t->lay.body_top + (spare > 3 ? spare / 3 : 0);
}

void
tui_cursor(struct tui *t, int y, int x)
{
	t->cur_y = y;
	t->cur_x = x;
}

void
tui_field(struct tui *t, int y, int x, int w, int rows, const char *label,
    struct textfield *tf, bool focused)
{
	struct wrap_lines wl;
	int crow, ccol, inner = w - 4;

	tui_box(t, y, x, w, rows + 2, focused ? ROLE_UI_BORDER_FOCUS : ROLE_UI_BORDER);
	if (label != NULL) {
		int lw = wrap_width(label, strlen(label));

		tui_text(t, y, x + 2, " ", 1, focused ? ROLE_UI_BORDER_FOCUS : ROLE_UI_BORDER);
		tui_text(t, y, x + 3, label, w - 6, ROLE_UI_LABEL);
		tui_text(t, y, x + 3 + (lw < w - 6 ? lw : w - 6), " ", 1,
		    focused ? ROLE_UI_BORDER_FOCUS : ROLE_UI_BORDER);
	}
	if (inner < 2)
		return;
	textfield_scroll(tf, inner, rows);
	wrap_lines_init(&wl);
	textfield_layout(tf, inner, &wl, &crow, &ccol);
	for (int r = 0; r < rows; r++) {
		size_t li = (size_t)(tf->top + r);

		tui_fill(t, y + 1 + r, x + 1, w - 2,
		    focused ? ROLE_UI_FIELD_FOCUS : ROLE_UI_FIELD);
		if (li < wl.n)
			tui_textn(t, y + 1 + r, x + 2, tf->buf + wl.lines[li].start,
			    wl.lines[li].len, inner,
			    focused ? ROLE_UI_FIELD_FOCUS : ROLE_UI_FIELD);
	}
	if (tf->top > 0)
		tui_text(t, y, x + w - 3, "\xe2\x86\x91", 1, ROLE_UI_BORDER_FOCUS);
	if (tf->top + rows < (int)wl.n)
		tui_text(t, y + rows + 1, x + w - 3, "\xe2\x86\x93", 1, ROLE_UI_BORDER_FOCUS);
	if (focused)
		tui_cursor(t, y + 1 + crow - tf->top,
		    x + 2 + (ccol < inner ? ccol : inner));
	wrap_lines_cleanup(&wl);
}

void
tui_line_field(struct tui *t, int y, int x, int w, struct textfield *tf,
    bool focused)
{
	int used = 0, start = 0, cur;
	size_t from = 0;
	enum tui_role r = focused ? ROLE_UI_FIELD_FOCUS : ROLE_UI_SELECTED;

	if (w < 4)
		return;
	tui_fill(t, y, x, w, focused ? ROLE_UI_FIELD_FOCUS : ROLE_UI_FIELD);
	if (!focused)
		r = ROLE_UI_FIELD;
	/* Scroll sideways so the cursor stays in the box. */
	cur = wrap_width(tf->buf, tf->cursor);
	if (cur > w - 3) {
		start = cur - (w - 3);
		while (from < tf->len && used < start) {
			size_t n = wrap_next(tf->buf, tf->len, from);

			used += wrap_width(tf->buf + from, n);
			from += n;
		}
	}
	tui_textn(t, y, x + 1, tf->buf + from, tf->len - from, w - 2, r);
	if (!focused && tf->len == 0)
		tui_text(t, y, x + 1, "\xe2\x80\x94", 1, ROLE_UI_MUTED);
	if (focused)
		tui_cursor(t, y, x + 1 + cur - used);
}

int
tui_text_cut(struct tui *t, int y, int x, const char *s, int w,
    enum tui_role r)
{
	size_t len = strlen(s), n;
	int used;

	if (w <= 0)
		return 0;
	if (wrap_width(s, len) <= w && memchr(s, '\n', len) == NULL)
		return tui_textn(t, y, x, s, len, w, r);
	n = wrap_fit(s, len, w - 1, &used);
	tui_textn(t, y, x, s, n, w - 1, r);
	tui_text(t, y, x + used, "\xe2\x80\xa6", 1, r);
	return used + 1;
}

void *
tui_state(struct tui *t, const struct view *v)
{
	size_t i;

	for (i = 0; i < TUI_MAX_VIEWS && t->states[i].view != NULL; i++)
		if (t->states[i].view == v)
			return t->states[i].state;
	if (i == TUI_MAX_VIEWS)
		abort();	/* more views than TUI_MAX_VIEWS: a build mistake */
	t->states[i].view = v;
	t->states[i].state = xcalloc(1, v->state_size > 0 ? v->state_size : 1);
	return t->states[i].state;
}

void
tui_hit(struct tui *t, int y, int x, int w, int h, int id)
{
	int top = t->lay.body_top, bottom = t->lay.body_top + t->lay.body_rows;

	/* Only what shows in the body: the title and foot are drawn over the rest. */
	if (y < top) {
		h -= top - y;
		y = top;
	}
	if (y + h > bottom)
		h = bottom - y;
	if (h <= 0 || w <= 0 || t->n_hits == TUI_MAX_HITS)
		return;
	t->hits[t->n_hits++] = (struct tui_hit){ y, x, w, h, id };
}

int
tui_scroll(struct tui *t, int *top, int total, int from, int to)
{
	int rows = t->lay.body_rows;

	if (total <= rows) {
		*top = 0;
		return t->lay.body_top;
	}
	if (to - from > rows)
		to = from + rows;
	if (*top > from)
		*top = from;
	if (*top < to - rows)
		*top = to - rows;
	if (*top > total - rows)
		*top = total - rows;
	if (*top < 0)
		*top = 0;
	t->more_above = t->more_above || *top > 0;
	t->more_below = t->more_below || *top + rows < total;
	return t->lay.body_top - *top;
}

static enum keys_mode
S_mode_now(struct tui *t)
{
	return t->lay.too_small || t->help || t->view->mode == NULL ?
	    KEYS_BROWSE : t->view->mode(t);
}

const char *
tui_key(struct tui *t, enum request r)
{
	static char bufs[4][32];
	static unsigned next;
	char *b = bufs[next++ % 4];
	int key;

	if (keys_for(r, S_mode_now(t), &key, 1) == 0)
		return "";
	return keys_label(key, b, sizeof bufs[0]);
}

/* ---- status line ------------------------------------------------------ */

static void S_set_message(struct tui *t, bool bad, const char *fmt,
    va_list ap) __attribute__((format(printf, 3, 0)));

static void
S_set_message(struct tui *t, bool bad, const char *fmt, va_list ap)
{
	char *m;
	int n;
	va_list ap2;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	m = xmalloc((size_t)n + 1);
	vsnprintf(m, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	free(t->message);
	t->message = m;
	t->message_bad = bad;
}

void
tui_note(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_set_message(t, false, fmt, ap);
	va_end(ap);
}

void
tui_mistake(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_set_message(t, true, fmt, ap);
	va_end(ap);
	beep();
}

void
tui_warn(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_set_message(t, true, fmt, ap);
	va_end(ap);
}

/*
 * The status line is one row: a message naming a session file drops the
 * sessions folder (shown on the welcome screen) so that why it failed
 * ("No space left on device") still fits.
 */
static char *
S_short(const struct tui *t, const char *msg)
{
	size_t n = t->sessions_dir != NULL ? strlen(t->sessions_dir) : 0;
	const char *at = n > 0 ? strstr(msg, t->sessions_dir) : NULL;

	if (at == NULL || at[n] != '/')
		return xstrdup(msg);
	return xasprintf("%.*s%s", (int)(at - msg), msg, at + n + 1);
}

void
tui_mistake_cause(struct tui *t, char *cause)
{
	char *m = S_short(t, cause != NULL ? cause : "that did not work");

	tui_mistake(t, "%s", m);
	free(m);
	free(cause);
}

bool
tui_apply(struct tui *t, const struct action *a)
{
	char *cause = NULL;

	if (flow_apply(&t->flow, a, &cause) == 0)
		return true;
	tui_mistake_cause(t, cause);
	return false;
}

void
tui_clear_note(struct tui *t)
{
	free(t->message);
	t->message = NULL;
}

void
tui_keep_draft(struct tui *t, const char *box, const struct textfield *tf,
    const char *confirmed)
{
	const char *want = textfield_text(tf);
	const char *have;
	struct action a = { .kind = ACTION_SET_DRAFT };
	char *cause = NULL;

	if (!t->flow.open || t->flow.s.child == NULL)
		return;
	if (textfield_blank(tf) || (confirmed != NULL && strcmp(want, confirmed) == 0))
		want = NULL;
	have = session_draft(&t->flow.s, box);
	if (want == NULL ? have == NULL : have != NULL && strcmp(want, have) == 0)
		return;
	a.id = box;
	a.text = want;
	if (flow_apply(&t->flow, &a, &cause) != 0) {
		char *m = S_short(t, cause);

		tui_warn(t, "%s. What you typed is still here: free some space "
		    "and it is kept when you next pause.", m);
		free(m);
		free(cause);
	}
}

/* Keep the view's drafts; then, if a change is still not on disk, try once more. */
static void
S_keep(struct tui *t)
{
	char *cause = NULL;

	if (t->lay.too_small || t->view->keep == NULL)
		return;
	t->view->keep(t);
	if (t->flow.unsaved != NULL && flow_save(&t->flow, &cause) != 0)
		free(cause);
}

const char *
tui_child_name(const struct tui *t)
{
	if (t->flow.open && t->flow.s.child != NULL && *t->flow.s.child != '\0')
		return t->flow.s.child;
	return "the child";
}

size_t
tui_n_voices(const struct tui *t)
{
	return t->flow.s.n_grown_ups > 1 ? t->flow.s.n_grown_ups : 0;
}

char *
tui_voice_label(struct tui *t, size_t g, bool one, const char *what)
{
	if (one)
		return xasprintf("%s%s (%zu of %zu; %s: next)",
		    t->flow.s.grown_ups[g], what, g + 1, tui_n_voices(t),
		    tui_key(t, REQ_NEXT_FIELD));
	return xasprintf("%s%s", t->flow.s.grown_ups[g], what);
}

void
tui_switch(struct tui *t, const struct view *v)
{
	t->view = v;
	t->help = false;
	if (v->open != NULL)
		v->open(t);
}

/* ---- the frame -------------------------------------------------------- */

static const char *const S_saved_help[] = {
	"Everything you confirm is saved at once: you can stop at any time "
	"and carry on later from the welcome screen.",
	NULL
};

/* The keys while the help is up (its scrolling is tui.c's own). */
static const struct tui_binding S_help_bindings[] = {
	{ REQ_BACK, "close help", "Close the help" },
	{ REQ_UP, "scroll", NULL }, { REQ_DOWN, "scroll", NULL },
	{ REQ_PAGE_UP, "page", NULL }, { REQ_PAGE_DOWN, "page", NULL },
	TUI_BINDINGS_END
};

/* Help and quit work on every screen; they end every keys line. */
static const struct tui_binding S_everywhere[] = {
	{ REQ_HELP, "help", NULL }, { REQ_QUIT, "quit", NULL },
	TUI_BINDINGS_END
};

static const struct tui_binding *
S_bindings(struct tui *t)
{
	static const struct tui_binding none[] = { TUI_BINDINGS_END };
	const struct tui_binding *b;

	if (t->help)
		return S_help_bindings;
	b = t->view->bindings != NULL ? t->view->bindings(t) : NULL;
	return b != NULL ? b : none;
}

/* The labels of r's keys in mode, joined by sep; at most max keys. */
static void
S_key_labels(enum request r, enum keys_mode mode, size_t max,
    const char *sep, char *out, size_t size)
{
	int keys[8];
	size_t n = keys_for(r, mode, keys, max < 8 ? max : 8), used = 0;
	char lab[32], seen[8][32];

	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		bool dup = false;

		keys_label(keys[i], lab, sizeof lab);
		for (size_t j = 0; j < used; j++)
			dup = dup || strcmp(seen[j], lab) == 0;
		if (dup)
			continue;
		snprintf(seen[used++], sizeof seen[0], "%s", lab);
		if (out[0] != '\0')
			strncat(out, sep, size - strlen(out) - 1);
		strncat(out, lab, size - strlen(out) - 1);
	}
}

struct S_key_item {
	char keys[48];
	const char *what;
	int kw, ww;
};

/* The keys line's items: rows with the same words share one ("↑↓ move"). */
static size_t
S_key_items(struct tui *t, const struct tui_binding *b, struct S_key_item *it,
    size_t max)
{
	enum keys_mode mode = S_mode_now(t);
	size_t n = 0;

	for (; b->req != REQ_NONE && n < max; b++) {
		char lab[32];
		struct S_key_item *cur;

		if (b->what == NULL)
			continue;
		S_key_labels(b->req, mode, 1, "", lab, sizeof lab);
		if (lab[0] == '\0')
			continue;
		if (n > 0 && strcmp(it[n - 1].what, b->what) == 0) {
			cur = &it[n - 1];
			/* Two arrows read as one: "↑↓"; other keys "PgUp/PgDn". */
			if (!(wrap_width(lab, strlen(lab)) == 1 && cur->kw == 1))
				strncat(cur->keys, "/", sizeof cur->keys - strlen(cur->keys) - 1);
			strncat(cur->keys, lab, sizeof cur->keys - strlen(cur->keys) - 1);
		} else {
			cur = &it[n++];
			snprintf(cur->keys, sizeof cur->keys, "%s", lab);
			cur->what = b->what;
			cur->ww = wrap_width(b->what, strlen(b->what));
		}
		cur->kw = wrap_width(cur->keys, strlen(cur->keys));
	}
	return n;
}

static void
S_draw_title(struct tui *t)
{
	char right[160];
	int rw;

	tui_fill(t, 0, 0, t->lay.cols, ROLE_UI_TITLE);
	tui_text(t, 0, 1, "talkpact", 10, ROLE_UI_TITLE);
	right[0] = '\0';
	if (t->flow.open && t->flow.s.child != NULL) {
		if (t->flow.s.age > 0)
			snprintf(right, sizeof right, "%s, %d ", t->flow.s.child,
			    t->flow.s.age);
		else
			snprintf(right, sizeof right, "%s ", t->flow.s.child);
	}
	rw = wrap_width(right, strlen(right));
	tui_text(t, 0, 10, "\xc2\xb7 ", 2, ROLE_UI_TITLE_DIM);
	tui_text(t, 0, 12, t->view->name, t->lay.cols - 14 - rw, ROLE_UI_TITLE);
	if (rw > 0 && rw < t->lay.cols - 30)
		tui_text(t, 0, t->lay.cols - rw, right, rw, ROLE_UI_TITLE);
}

static void
S_draw_foot(struct tui *t)
{
	struct S_key_item items[40];
	size_t n, n_view, shown;
	int x = 1, pad = 1, gap = 2, need, cols = t->lay.cols;

	tui_fill(t, t->lay.message_row, 0, cols, ROLE_UI_NORMAL);
	if (t->message != NULL)
		tui_text_cut(t, t->lay.message_row, 1, t->message, cols - 2,
		    t->message_bad ? ROLE_UI_ERROR : ROLE_UI_OK);
	tui_fill(t, t->lay.keys_row, 0, cols, ROLE_UI_NORMAL);
	n_view = S_key_items(t, S_bindings(t), items, 36);
	n = n_view + S_key_items(t, S_everywhere, items + n_view, 4);
	/*
	 * Every key should show: when they do not fit, pack them tighter;
	 * when they still do not, the screen's own keys give way (an
	 * ellipsis says so; the help lists them all), never help and quit.
	 */
	for (int tight = 0; tight < 2; tight++) {
		pad = tight ? 0 : 1;
		gap = tight ? 1 : 2;
		need = 1;
		for (size_t i = 0; i < n; i++)
			need += items[i].kw + 2 * pad + 1 + items[i].ww + gap;
		if (need - gap <= cols - 1)
			break;
	}
	shown = n_view;
	while (shown > 0 && need - gap > cols - 1 - (shown < n_view ? 2 : 0)) {
		shown--;
		need -= items[shown].kw + 2 * pad + 1 + items[shown].ww + gap;
	}
	for (size_t i = 0; i < n; i++) {
		int kw = items[i].kw + 2 * pad;

		if (i >= shown && i < n_view) {
			if (i == shown) {
				tui_text(t, t->lay.keys_row, x, "\xe2\x80\xa6", 1,
				    ROLE_UI_KEYTEXT);
				x += 1 + gap;
			}
			continue;
		}
		if (x + kw + 1 + items[i].ww > cols)
			break;
		tui_fill(t, t->lay.keys_row, x, kw, ROLE_UI_KEY);
		tui_text(t, t->lay.keys_row, x + pad, items[i].keys, kw, ROLE_UI_KEY);
		x += kw + 1;
		x += tui_text(t, t->lay.keys_row, x, items[i].what, items[i].ww,
		    ROLE_UI_KEYTEXT);
		x += gap;
	}
}

struct S_help {
	char **lines;
	bool *heading;
	size_t n, cap, cap2;
};

static void
S_help_add(struct S_help *h, char *line, bool heading)
{
	h->lines = xgrow(h->lines, &h->cap, h->n, sizeof *h->lines);
	h->heading = xgrow(h->heading, &h->cap2, h->n, sizeof *h->heading);
	h->lines[h->n] = line;
	h->heading[h->n++] = heading;
}

/* "  F2, ^T        Show or hide the tip": the keys padded to col columns. */
static void
S_help_keys(struct S_help *h, enum request r, enum keys_mode mode,
    const char *words, int col)
{
	char keys[96];
	int kw;

	S_key_labels(r, mode, 6, ", ", keys, sizeof keys);
	if (keys[0] == '\0')
		return;
	kw = wrap_width(keys, strlen(keys));
	S_help_add(h, xasprintf("  %s%*s %s", keys, kw < col ? col - kw : 0, "",
	    words != NULL ? words : request_help(r)), false);
}

/*
 * The help for the screen as it is now: the view's words, then the keys
 * that work on it, from its bindings and keys.c's table. Caller frees
 * with S_help_free.
 */
static void
S_help_build(struct tui *t, struct S_help *h)
{
	static const enum request typing[] = {
		REQ_LEFT, REQ_RIGHT, REQ_ED_BOL, REQ_ED_EOL, REQ_ED_WORD_LEFT,
		REQ_ED_WORD_RIGHT, REQ_ED_BACKSPACE, REQ_ED_DELETE,
		REQ_ED_KILL_EOL, REQ_ED_KILL_BOL, REQ_ED_KILL_WORD, REQ_ED_NEWLINE
	};
	enum keys_mode mode = t->view->mode != NULL ? t->view->mode(t) : KEYS_BROWSE;
	const struct tui_binding *b = t->view->bindings != NULL ?
	    t->view->bindings(t) : NULL;
	struct textfield *tf = t->view->field != NULL ? t->view->field(t) : NULL;
	bool listed[REQ__COUNT] = { false };

	memset(h, 0, sizeof *h);
	/*
	 * The view's lines are a heading, then sentences broken for a wide
	 * window: a line that does not end a sentence goes on in the next,
	 * so each paragraph wraps to the window as one.
	 */
	for (const char *const *l = t->view->help; l != NULL && *l != NULL; l++) {
		size_t n = h->n > 0 ? strlen(h->lines[h->n - 1]) : 0;
		char last = n > 0 ? h->lines[h->n - 1][n - 1] : '.';

		if (l != t->view->help && **l != '\0' && !h->heading[h->n - 1] &&
		    strchr(".:!?", last) == NULL) {
			char *joined = xasprintf("%s %s", h->lines[h->n - 1], *l);

			free(h->lines[h->n - 1]);
			h->lines[h->n - 1] = joined;
		} else
			S_help_add(h, xstrdup(*l), l == t->view->help);
	}
	if (h->n > 0)
		S_help_add(h, xstrdup(""), false);
	S_help_add(h, xstrdup("Keys on this screen:"), true);
	for (; b != NULL && b->req != REQ_NONE; b++) {
		if (listed[b->req])
			continue;
		listed[b->req] = true;
		S_help_keys(h, b->req, mode, b->help, 14);
	}
	for (b = S_everywhere; b->req != REQ_NONE; b++)
		S_help_keys(h, b->req, mode, NULL, 14);
	S_help_keys(h, REQ_REDRAW, mode, NULL, 14);
	if (mode == KEYS_EDIT && tf != NULL) {
		S_help_add(h, xstrdup(""), false);
		S_help_add(h, xstrdup("When typing in a box:"), true);
		for (size_t i = 0; i < sizeof typing / sizeof typing[0]; i++)
			if (typing[i] != REQ_ED_NEWLINE || tf->multiline)
				S_help_keys(h, typing[i], mode, NULL, 14);
	}
	if (t->mouse) {
		S_help_add(h, xstrdup(""), false);
		S_help_add(h, xstrdup("A click chooses a box, an item or a button; "
		    "the wheel scrolls."), false);
	}
	S_help_add(h, xstrdup(""), false);
	for (const char *const *l = S_saved_help; *l != NULL; l++)
		S_help_add(h, xstrdup(*l), false);
}

static void
S_help_free(struct S_help *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h->lines);
	free(h->heading);
}

/*
 * The help in a box over the body, scrolled by rows of wrapped text
 * (help_top), marked "more" above and below when there is more.
 */
static void
S_draw_help(struct tui *t)
{
	struct S_help help;
	int w = t->lay.text_cols, x = t->lay.text_left;
	int top = t->lay.body_top, h = t->lay.body_rows, inner = h - 2;
	int total = 0, row = 0;

	S_help_build(t, &help);
	for (size_t i = 0; i < help.n; i++)
		total += tui_wrapped(t, -1, 0, w - 2, 1000, help.lines[i],
		    ROLE_UI_NORMAL, false);
	if (t->help_top > total - inner)
		t->help_top = total - inner;
	if (t->help_top < 0)
		t->help_top = 0;
	for (int r = top; r < top + h; r++)
		tui_fill(t, r, x - 1, w + 2, ROLE_UI_NORMAL);
	tui_box(t, top, x - 1, w + 2, h, ROLE_UI_BORDER_FOCUS);
	tui_text(t, top, x + 1, " Help ", 8, ROLE_UI_LABEL);
	for (size_t i = 0; i < help.n; i++) {
		const char *s = help.lines[i];
		struct wrap_lines wl;

		wrap_lines_init(&wl);
		wrap_text(s, strlen(s), w - 2, &wl);
		for (size_t k = 0; k < wl.n; k++, row++)
			if (row >= t->help_top && row < t->help_top + inner)
				tui_textn(t, top + 1 + row - t->help_top, x + 1,
				    s + wl.lines[k].start, wl.lines[k].len, w - 2,
				    help.heading[i] ? ROLE_UI_HEADING : ROLE_UI_NORMAL);
		wrap_lines_cleanup(&wl);
	}
	if (t->help_top > 0)
		tui_text(t, top, x + w - 8, " \xe2\x86\x91 more ", 8, ROLE_UI_LABEL);
	if (t->help_top + inner < total)
		tui_text(t, top + h - 1, x + w - 8, " \xe2\x86\x93 more ", 8,
		    ROLE_UI_LABEL);
	S_help_free(&help);
}

static void
S_draw_small(struct tui *t)
{
	char size[96];
	int y = t->lay.rows / 2 - 1;

	snprintf(size, sizeof size, "(at least %dx%d; now %dx%d)",
	    LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS, t->lay.cols, t->lay.rows);
	if (y < 0)
		y = 0;
	tui_wrapped(t, y, 0, t->lay.cols, 2, "Please make the window larger",
	    ROLE_UI_STRONG, true);
	tui_wrapped(t, y + 1 + (t->lay.cols < 30), 0, t->lay.cols, 2, size,
	    ROLE_UI_NORMAL, true);
}

static void
S_draw(struct tui *t)
{
	static int cursor_shown = -1;
	int want;

	erase();
	t->cur_y = t->cur_x = -1;
	t->n_hits = 0;
	t->more_above = t->more_below = false;
	if (t->lay.too_small)
		S_draw_small(t);
	else {
		t->view->draw(t);
		/*
		 * A screen scrolled to its focus (tui_scroll) says there is
		 * more, in the margin right of the text column.
		 */
		int mx = t->lay.text_left + t->lay.text_cols + 1;

		if (mx >= t->lay.cols)
			mx = t->lay.cols - 1;
		/* What scrolled past the body's edges is cut there. */
		if (t->more_above && !t->help)
			tui_fill(t, t->lay.body_top - 1, 0, t->lay.cols,
			    ROLE_UI_NORMAL);
		if (t->more_below && !t->help)
			tui_fill(t, t->lay.body_top + t->lay.body_rows, 0,
			    t->lay.cols, ROLE_UI_NORMAL);
		if (t->more_above && !t->help)
			tui_text(t, t->lay.body_top, mx, "\xe2\x86\x91", 1,
			    ROLE_UI_BORDER_FOCUS);
		if (t->more_below && !t->help)
			tui_text(t, t->lay.body_top + t->lay.body_rows - 1, mx,
			    "\xe2\x86\x93", 1, ROLE_UI_BORDER_FOCUS);
		if (t->help) {
			t->cur_y = -1;
			S_draw_help(t);
		}
		S_draw_title(t);
		S_draw_foot(t);
	}
	attr_set(A_NORMAL, 0, NULL);
	want = t->cur_y >= 0 ? 1 : 0;
	if (want != cursor_shown) {
		curs_set(want);
		cursor_shown = want;
	}
	if (want)
		move(t->cur_y, t->cur_x);
	else
		move(t->lay.rows - 1, t->lay.cols - 1);
	wnoutrefresh(stdscr);
	doupdate();
}

/* The first view for a session taken over at start. */
static const struct view *
S_view_for(const struct session *s)
{
	switch (s->stage) {
	case STAGE_FAMILY: return &view_family;
	case STAGE_TALKING: return &view_talk;
	case STAGE_AGREEING: return &view_agree;
	case STAGE_SIGNING: return &view_sign;
	case STAGE_SIGNED: return &view_review;
	case STAGE_REVIEWING: return &view_reviewing;
	default: return &view_welcome;
	}
}

/* A click or the wheel (S_mouse): the help scrolls, or the view is told. */
static void
S_handle_mouse(struct tui *t)
{
	mmask_t b = S_mouse.bstate;
	bool up = (b & BUTTON4_PRESSED) != 0, down = false;

#ifdef BUTTON5_PRESSED
	down = (b & BUTTON5_PRESSED) != 0;
#endif
	if (t->lay.too_small)
		return;
	if (up || down) {
		if (t->help) {
			t->help_top += down ? 3 : -3;
			if (t->help_top < 0)
				t->help_top = 0;
		} else
			t->view->request(t, up ? REQ_SCROLL_UP : REQ_SCROLL_DOWN, 0);
		return;
	}
	if (!(b & BUTTON1_PRESSED) || t->help || t->view->click == NULL)
		return;
	/* The last marked wins: it was drawn on top. */
	for (size_t i = t->n_hits; i-- > 0;) {
		const struct tui_hit *h = &t->hits[i];

		if (S_mouse.y >= h->y && S_mouse.y < h->y + h->h &&
		    S_mouse.x >= h->x && S_mouse.x < h->x + h->w) {
			t->view->click(t, h->id);
			return;
		}
	}
}

static void
S_handle(struct tui *t, int key)
{
	enum request r;
	wchar_t ch = 0;

	if (key == S_MOUSE) {
		S_handle_mouse(t);
		return;
	}
	r = keys_request(key, S_mode_now(t), &ch);
	switch (r) {
	case REQ_RESIZE:
		layout_compute(&t->lay, COLS, LINES);
		return;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		return;
	case REQ_QUIT:
		t->quit = true;
		return;
	default:
		break;
	}
	if (t->lay.too_small)
		return;
	if (t->help) {
		if (r == REQ_DOWN || r == REQ_PAGE_DOWN)
			t->help_top += r == REQ_DOWN ? 1 : t->lay.body_rows - 3;
		else if (r == REQ_UP || r == REQ_PAGE_UP) {
			t->help_top -= r == REQ_UP ? 1 : t->lay.body_rows - 3;
			if (t->help_top < 0)
				t->help_top = 0;
		} else
			t->help = false;
		return;
	}
	if (r == REQ_HELP) {
		t->help = true;
		t->help_top = 0;
		return;
	}
	if (r == REQ_NONE)
		return;
	t->view->request(t, r, ch);
}

/* Most characters one paste brings; more is left out. */
#define TUI_PASTE_MAX (64 * 1024)

/*
 * A paste: read up to its end marker (or a quiet half second), then give
 * it to the box being typed in, character by character, newlines as text.
 */
static void
S_paste(struct tui *t)
{
	wchar_t *buf = xreallocarray(NULL, TUI_PASTE_MAX, sizeof *buf);
	size_t n = 0, lost = 0;
	struct textfield *tf;
	bool prev_cr = false;
	mbstate_t mbs;

	/*
	 * Bytes, decoded here: get_wch() meets a byte that is not in the
	 * locale's encoding by dropping everything after it (the rest of the
	 * paste and its end marker). Such a byte becomes U+FFFD instead.
	 */
	memset(&mbs, 0, sizeof mbs);
	for (;;) {
		wint_t wc;
		wchar_t w;
		char byte;
		size_t got;
		int ch;

		timeout(500);
		ch = getch();
		if (ch == ERR)
			break;
		if (ch > 0xff) {
			if (!mbsinit(&mbs)) {	/* a character cut short */
				memset(&mbs, 0, sizeof mbs);
				if (n < TUI_PASTE_MAX)
					buf[n++] = 0xfffd;
			}
			if (ch == S_KEY_PASTE_END)
				break;
			if (ch != KEY_ENTER)
				continue;
			wc = '\n';
		} else {
			byte = (char)ch;
			got = mbrtowc(&w, &byte, 1, &mbs);
			if (got == (size_t)-2)
				continue;
			if (got == (size_t)-1) {
				memset(&mbs, 0, sizeof mbs);
				if (n < TUI_PASTE_MAX)
					buf[n++] = 0xfffd;
				else
					lost++;
				/* This byte may be (or start) the next character. */
				got = mbrtowc(&w, &byte, 1, &mbs);
				if (got == (size_t)-1)
					memset(&mbs, 0, sizeof mbs);
				if (got == (size_t)-1 || got == (size_t)-2)
					continue;
			}
			wc = (wint_t)w;
		}
		if (wc == '\n' && prev_cr) {	/* CR LF: one line break */
			prev_cr = false;
			continue;
		}
		prev_cr = wc == '\r';
		if (wc == '\r')
			wc = '\n';
		if ((wc < 0x20 && wc != '\n' && wc != '\t') || wc == 0x7f ||
		    (wc >= 0x80 && wc < 0xa0))
			continue;
		if (n < TUI_PASTE_MAX)
			buf[n++] = (wchar_t)wc;
		else
			lost++;
	}
	timeout(-1);
	tf = t->view->field != NULL && !t->help && !t->lay.too_small ?
	    t->view->field(t) : NULL;
	if (tf == NULL) {
		if (n > 0)
			tui_mistake(t, "There is no text box here to paste into.");
		free(buf);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t before;

		tf = t->view->field(t);
		if (tf == NULL)
			break;
		before = tf->len;
		t->view->request(t, REQ_ED_CHAR, buf[i]);
		/* Full: the rest is left out (one message, one beep). */
		if (t->view->field(t) == tf && tf->len == before &&
		    tf->len + 4 >= tf->max_bytes) {
			lost += n - i;
			break;
		}
	}
	if (lost > 0)
		tui_warn(t, "The paste was cut: this box holds at most %zu "
		    "bytes of text.", tf != NULL ? tf->max_bytes : (size_t)0);
	free(buf);
}

/* How often an idle screen keeps what is being typed. */
#define TUI_DRAFT_PAUSE_MS 2000

int
tui_run(struct cli *cli, struct content *c, struct session *s,
    char **farewell, bool *farewell_bad)
{
	struct tui t;
	bool first = true;
	int rc = 0;

	*farewell = NULL;
	*farewell_bad = false;

	memset(&t, 0, sizeof t);
	t.cli = cli;
	t.state_dir = cli->state_dir;
	t.sessions_dir = cli->state_dir != NULL ?
	    xasprintf("%s/sessions", cli->state_dir) : NULL;
	flow_init(&t.flow, cli->state_dir, c, cli->now);
	t.flow.utc_offset = cli->utc_offset;
	t.flow.locale = cli->locale;
	S_start(&t, cli->no_color, cli->no_mouse);
	if (s != NULL) {
		flow_adopt(&t.flow, s);
		tui_switch(&t, S_view_for(&t.flow.s));
	} else
		tui_switch(&t, &view_welcome);
	while (!t.quit) {
		int key;

		S_draw(&t);
		if (first && cli->exit_after_first_frame)
			break;
		first = false;
		key = S_read_key(t.view->keep != NULL ? TUI_DRAFT_PAUSE_MS : -1);
		if (S_signal != 0)
			break;
		if (key < 0) {
			S_keep(&t);	/* a pause in typing */
			continue;
		}
		if (key == S_PASTE) {
			S_paste(&t);
			continue;
		}
		S_handle(&t, key);
	}
	/* Leaving by any way (F10, q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT): keep drafts. */
	if (!t.lay.too_small && t.view->keep != NULL)
		t.view->keep(&t);
	if (t.flow.unsaved != NULL) {
		char *cause = NULL;

		if (flow_save(&t.flow, &cause) != 0)
			free(cause);
	}
	S_stop();
	if (t.flow.open && t.flow.s.id != NULL && t.flow.unsaved != NULL) {
		*farewell = xasprintf("%s\nThe latest change is not saved. To keep "
		    "it next time, free some space first; what was saved "
		    "before is still there: talkpact resume %s",
		    t.flow.unsaved, t.flow.s.id);
		*farewell_bad = true;
		rc = 74;
	} else if (t.flow.open && t.flow.s.id != NULL &&
	    t.flow.s.stage != STAGE_SIGNED)
		*farewell = xasprintf("Carry on with: talkpact resume %s",
		    t.flow.s.id);
	for (size_t i = 0; i < TUI_MAX_VIEWS && t.states[i].view != NULL; i++) {
		if (t.states[i].view->cleanup != NULL)
			t.states[i].view->cleanup(t.states[i].state);
		free(t.states[i].state);
	}
	if (S_signal != 0)
		rc = 128 + S_signal;
	tui_clear_note(&t);
	flow_cleanup(&t.flow);
	free(t.sessions_dir);
	return rc;
}
