/*
 * view_review.c: the whole agreement as it will print, from the same
 * document tree as the files (flow_review_lines: render_lines under the
 * hood), wrapped to the window with headings, emphasis and quotes styled.
 * Scrolls; never changes the session except to go back a stage.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

/* The screen's state (tui_state()). */
struct review {
	struct render_lines lines;
	int width;		/* width lines was made for; -1 none */
	size_t top;
	char *error;
};

static struct review *
S_v(struct tui *t)
{
	return tui_state(t, &view_review);
}

static void
S_forget(struct review *v)
{
	render_lines_cleanup(&v->lines);
	memset(&v->lines, 0, sizeof v->lines);
	v->width = -1;
	free(v->error);
	v->error = NULL;
}

static void
S_open(struct tui *t)
{
	struct review *v = S_v(t);

	S_forget(v);
	v->top = 0;
}

static void
S_cleanup(void *state)
{
	S_forget(state);
}

static void
S_make(struct tui *t, int width)
{
	struct review *v = S_v(t);
	char *cause = NULL;

	if (width == v->width)
		return;
	S_forget(v);
	v->width = width;
	if (flow_review_lines(&t->flow, width, &v->lines, &cause) != 0)
		v->error = cause != NULL ? cause : xstrdup("The agreement could not be shown.");
}

static enum tui_role
S_role_for(unsigned style)
{
	if (style & RSTYLE_TITLE)
		return ROLE_UI_QUESTION;
	if (style & RSTYLE_HEADING)
		return ROLE_UI_HEADING;
	if (style & RSTYLE_STRONG)
		return ROLE_UI_STRONG;
	if (style & RSTYLE_EMPH)
		return ROLE_UI_EMPH;
	if (style & RSTYLE_QUOTE)
		return ROLE_UI_QUOTE;
	if (style & RSTYLE_MUTED)
		return ROLE_UI_MUTED;
	return ROLE_UI_NORMAL;
}

static int
S_rows(const struct tui *t)
{
	return t->lay.body_rows - 1;
}

static void
S_draw(struct tui *t)
{
	struct review *v = S_v(t);
	const struct layout *l = &t->lay;
	int x = l->text_left, w = l->text_cols, y = l->body_top;
	int rows = S_rows(t);
	char pos[64];

	S_make(t, w);
	if (v->error != NULL) {
		tui_wrapped(t, y + 1, x, w, 4, v->error, ROLE_UI_ERROR, false);
		return;
	}
	if (v->lines.n > (size_t)rows && v->top > v->lines.n - (size_t)rows)
		v->top = v->lines.n - (size_t)rows;
	if (v->lines.n <= (size_t)rows)
		v->top = 0;
	for (int r = 0; r < rows && v->top + (size_t)r < v->lines.n; r++) {
		const struct render_line *ln = &v->lines.lines[v->top + (size_t)r];
		size_t at = 0;
		int col = 0;

		/* Text between spans is plain; each span has its style. */
		for (size_t k = 0; k <= ln->n_spans; k++) {
			size_t start = k < ln->n_spans ? ln->spans[k].start : strlen(ln->text);

			if (start > at)
				col += tui_textn(t, y + r, x + col, ln->text + at,
				    start - at, w - col, ROLE_UI_NORMAL);
			if (k == ln->n_spans)
				break;
			col += tui_textn(t, y + r, x + col, ln->text + start,
			    ln->spans[k].len, w - col, S_role_for(ln->spans[k].style));
			at = start + ln->spans[k].len;
		}
	}
	snprintf(pos, sizeof pos, "%zu%%", v->lines.n <= (size_t)rows ? 100 :
	    (v->top + (size_t)rows) * 100 / v->lines.n);
	tui_text(t, y + rows, x + w - (int)strlen(pos), pos, 6, ROLE_UI_MUTED);
	{
		size_t open = flow_count(&t->flow, ANSWER_LATER) +
		    flow_count(&t->flow, ANSWER_SKIPPED);
		char *foot = t->flow.s.stage == STAGE_SIGNED ?
		    xstrdup("This agreement is signed.") : open == 0 ?
		    xasprintf("Read it through together. %s: sign it.",
		    tui_key(t, REQ_ENTER)) :
		    xasprintf("%zu %s still open (put off or skipped). %s: "
		    "sign it.", open, open == 1 ? "question" : "questions",
		    tui_key(t, REQ_ENTER));

		tui_text(t, y + rows, x, foot, w - 8, open > 0 &&
		    t->flow.s.stage != STAGE_SIGNED ? ROLE_UI_STRONG : ROLE_UI_MUTED);
		free(foot);
	}
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	struct review *v = S_v(t);
	int rows = S_rows(t);
	struct action a = { .kind = ACTION_BACK };

	(void)ch;
	switch (r) {
	case REQ_UP:
	case REQ_SCROLL_UP:
		if (v->top > 0)
			v->top--;
		break;
	case REQ_DOWN:
	case REQ_SCROLL_DOWN:
		if (v->top + (size_t)rows < v->lines.n)
			v->top++;
		break;
	case REQ_PAGE_UP:
		v->top = v->top > (size_t)(rows - 1) ? v->top - (size_t)(rows - 1) : 0;
		break;
	case REQ_PAGE_DOWN:
	case REQ_TOGGLE:
		v->top += (size_t)(rows - 1);	/* clamped when drawn */
		break;
	case REQ_FIRST:
		v->top = 0;
		break;
	case REQ_LAST:
		v->top = v->lines.n;
		break;
	case REQ_ENTER:
		tui_clear_note(t);
		if (t->flow.s.stage == STAGE_SIGNED)
			tui_switch(t, &view_done);
		else
			tui_switch(t, &view_sign);
		break;
	case REQ_BACK:
		tui_clear_note(t);
		if (t->flow.s.stage == STAGE_SIGNED) {
			tui_switch(t, &view_welcome);
			break;
		}
		if (!tui_apply(t, &a))
			break;
		tui_switch(t, &view_agree);
		break;
	default:
		break;
	}
}

static const struct tui_binding *
S_bindings(struct tui *t)
{
#define S_SCROLL \
		{ REQ_UP, "scroll", NULL }, { REQ_DOWN, "scroll", NULL }, \
		{ REQ_PAGE_UP, "page", NULL }, { REQ_PAGE_DOWN, "page", NULL }, \
		{ REQ_TOGGLE, NULL, "Scroll down a page" }, \
		{ REQ_FIRST, NULL, NULL }, { REQ_LAST, NULL, NULL }
	static const struct tui_binding unsigned_b[] = {
		S_SCROLL, { REQ_ENTER, "sign it", "Go on to signing it" },
		{ REQ_BACK, "change it", "Back to choosing the rules" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding signed_b[] = {
		S_SCROLL, { REQ_ENTER, "files and printing",
		    "Where its files are, and how to print them" },
		{ REQ_BACK, "welcome", "Back to the welcome screen" },
		TUI_BINDINGS_END
	};
#undef S_SCROLL

	return t->flow.s.stage == STAGE_SIGNED ? signed_b : unsigned_b;
}

static const char *const S_help[] = {
	"Reading it through",
	"This is your agreement exactly as it will be printed. Read it out",
	"loud together. When you are happy with it, go on to sign it; or go",
	"back and change the rules.",
	NULL
};

const struct view view_review = {
	.name = "Reading it through", .open = S_open, .draw = S_draw,
	.request = S_request, .bindings = S_bindings, .help = S_help,
	.state_size = sizeof (struct review), .cleanup = S_cleanup
};
