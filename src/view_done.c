/*
 * view_done.c: the end: where the agreement's .md, .html and .txt files
 * are, its fingerprint, and how to print it. Writes the files if this
 * signed session has none yet; changes nothing else.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

static void
S_open(struct tui *t)
{
	char *cause = NULL;

	if (t->flow.out_html == NULL && flow_write(&t->flow, &cause) != 0)
		tui_mistake_cause(t, cause);
}

/* "Zoë, Alex and Jo": everyone who signed. Caller frees. */
static char *
S_everyone(const struct tui *t)
{
	const struct session *s = &t->flow.s;
	const char *names[1 + SESSION_MAX_GROWN_UPS];
	size_t n = 0;

	names[n++] = tui_child_name(t);
	for (size_t i = 0; i < s->n_grown_ups; i++)
		names[n++] = s->grown_ups[i];
	return join_words(names, n, "and");
}

/* The screen's state (tui_state()): how far it is scrolled, and how far it goes. */
struct done {
	int top;
	int total;		/* rows of the last frame */
};

static struct done *
S_v(struct tui *t)
{
	return tui_state(t, &view_done);
}

/* Draw from row y (far above the screen: only measure); returns the row after. */
static int
S_body(struct tui *t, int y)
{
	const struct layout *l = &t->lay;
	int x = l->text_left, w = l->text_cols, lw = 12;
	const struct {
		const char *what;
		const char *path;
	} files[] = {
		{ "To print", t->flow.out_html },
		{ "Plain text", t->flow.out_txt },
		{ "Markdown", t->flow.out_md },
	};
	bool full = true;
	char *line, *names;

	names = S_everyone(t);
	line = xasprintf("Well done, %s!", names);
	free(names);
	y += tui_wrapped(t, y, x, w, 2, line, ROLE_UI_QUESTION, true);
	free(line);
	y += tui_wrapped(t, y, x, w, 2, "Your family device agreement is signed "
	    "and saved.", ROLE_UI_NORMAL, true) + 1;
	if (t->flow.out_html == NULL) {
		line = xasprintf("The files could not be written: see the message "
		    "below. Press %s to try again.", tui_key(t, REQ_ENTER));
		y += tui_wrapped(t, y, x, w, 3, line, ROLE_UI_ERROR, false);
		free(line);
		return y;
	}
	/* Full paths when they fit (the column widens on a wide window);
	 * else the folder once, then the names. */
	for (size_t i = 0; i < 3; i++) {
		int need = lw + 2 + wrap_width(files[i].path, strlen(files[i].path));

		if (need > w && need <= l->cols - 4) {
			x -= (need - w + 1) / 2;
			w = need;
		}
	}
	for (size_t i = 0; i < 3; i++)
		if (lw + 2 + wrap_width(files[i].path, strlen(files[i].path)) > w)
			full = false;
	tui_text(t, y++, x, "Three files, with the same words:", w, ROLE_UI_LABEL);
	if (!full) {
		const char *slash = strrchr(t->flow.out_html, '/');
		char *dir = xstrndup(t->flow.out_html,
		    (size_t)(slash - t->flow.out_html + 1));

		line = xasprintf("in the folder %s", dir);
		y += tui_wrapped(t, y, x + 2, w - 2, 3, line, ROLE_UI_NORMAL, false);
		free(line);
		free(dir);
	}
	for (size_t i = 0; i < 3; i++) {
		const char *shown = full ? files[i].path :
		    strrchr(files[i].path, '/') + 1;

		tui_text(t, y, x + 2, files[i].what, lw, ROLE_UI_NORMAL);
		tui_text(t, y++, x + 2 + lw, shown, w - 2 - lw, ROLE_UI_STRONG);
	}
	y++;
	tui_text(t, y, x, "Fingerprint:", w, ROLE_UI_LABEL);
	tui_text(t, y++, x + 14, t->flow.fingerprint, w - 14, ROLE_UI_STRONG);
	y += tui_wrapped(t, y, x + 2, w - 2, 2, "The same code is printed at the "
	    "foot of every page.", ROLE_UI_MUTED, false) + 1;
	y += tui_wrapped(t, y, x, w, 2, "How to print: open the .html file in a "
	    "web browser and choose Print.", ROLE_UI_NORMAL, false);
	line = xasprintf("Copies somewhere else: talkpact render %s -f all -o "
	    "FOLDER", t->flow.s.id != NULL ? t->flow.s.id : "SESSION");
	y += tui_wrapped(t, y, x, w, 2, line, ROLE_UI_NORMAL, false);
	free(line);
	/* The conversation is on no file until the family asks for it. */
	y += tui_wrapped(t, y, x + 2, w - 2, 2, "With your conversation too "
	    "(private to your family): add --record.", ROLE_UI_NORMAL, false);
	y += tui_wrapped(t, y, x, w, 2, "Check later that nothing was changed: "
	    "talkpact verify on the .md file.", ROLE_UI_NORMAL, false);
	line = xasprintf("Press %s to finish.", tui_key(t, REQ_ENTER));
	y += 1 + tui_wrapped(t, y + 1, x, w, 1, line, ROLE_UI_OK, true);
	free(line);
	return y;
}

/* All of it when it fits; else scrolled (Up, Down, the wheel), marked more. */
static void
S_draw(struct tui *t)
{
	struct done *v = S_v(t);
	const int far = -100000;

	v->total = S_body(t, far) - far;
	if (v->total <= t->lay.body_rows) {
		v->top = 0;
		S_body(t, tui_top(t, v->total));
		return;
	}
	S_body(t, tui_scroll(t, &v->top, v->total, v->top, v->top + 1));
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	char *cause = NULL;

	(void)ch;
	switch (r) {
	case REQ_ENTER:
		if (t->flow.out_html == NULL) {
			if (flow_write(&t->flow, &cause) != 0)
				tui_mistake_cause(t, cause);
			break;
		}
		t->quit = true;
		break;
	case REQ_BACK:
		tui_switch(t, &view_review);
		break;
	case REQ_UP:
	case REQ_SCROLL_UP:
	case REQ_PAGE_UP:
		S_v(t)->top -= r == REQ_PAGE_UP ? t->lay.body_rows - 1 : 1;
		break;
	case REQ_DOWN:
	case REQ_SCROLL_DOWN:
	case REQ_PAGE_DOWN:	/* clamped when drawn */
		S_v(t)->top += r == REQ_PAGE_DOWN ? t->lay.body_rows - 1 : 1;
		break;
	default:
		break;
	}
}

static const struct tui_binding *
S_bindings(struct tui *t)
{
	static const struct tui_binding b[] = {
		{ REQ_ENTER, "finish", "Finish (or, if the files could not be "
		    "written, try again)" },
		{ REQ_BACK, "read it again", "Show the agreement again" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding scrolled[] = {
		{ REQ_UP, "scroll", NULL }, { REQ_DOWN, "scroll", NULL },
		{ REQ_ENTER, "finish", "Finish (or, if the files could not be "
		    "written, try again)" },
		{ REQ_BACK, "read it again", "Show the agreement again" },
		{ REQ_PAGE_UP, NULL, NULL }, { REQ_PAGE_DOWN, NULL, NULL },
		TUI_BINDINGS_END
	};

	return S_v(t)->total > t->lay.body_rows ? scrolled : b;
}

static const char *const S_help[] = {
	"All done",
	"Your agreement is written in three files with the same words: a web",
	"page for printing, plain text, and Markdown. To print it, open the",
	".html file in a web browser and choose Print.",
	"The fingerprint is a code worked out from the signed text; if anyone",
	"changes the text, it no longer matches: 'talkpact verify FILE.md'",
	"checks. 'talkpact render' writes more copies wherever you like;",
	"with --record they add your conversation, every question and answer.",
	NULL
};

const struct view view_done = {
	.name = "All done", .open = S_open, .draw = S_draw,
	.request = S_request, .bindings = S_bindings, .help = S_help,
	.state_size = sizeof (struct done)
};
