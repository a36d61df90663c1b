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

static struct render_lines S_lines;
static int S_width = -1;		/* width S_lines was made for */
static size_t S_top;
static char *S_error;

static void
S_forget(void)
{
	render_lines_cleanup(&S_lines);
	memset(&S_lines, 0, sizeof S_lines);
	S_width = -1;
	free(S_error);
	S_error = NULL;
}

static void
S_open(struct tui *t)
{
	(void)t;
	S_forget();
	S_top = 0;
}

static void
S_cleanup(void)
{
	S_forget();
}

static void
S_make(struct tui *t, int width)
{
	char *cause = NULL;

	if (width == S_width)
		return;
	S_forget();
	S_width = width;
	if (flow_review_lines(&t->flow, width, &S_lines, &cause) != 0)
		S_error = cause != NULL ? cause : xstrdup("The agreement could not be shown.");
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
	const struct layout *l = &t->lay;
	int x = l->text_left, w = l->text_cols, y = l->body_top;
	int rows = S_rows(t);
	char pos[64];

	S_make(t, w);
	if (S_error != NULL) {
		tui_wrapped(t, y + 1, x, w, 4, S_error, ROLE_UI_ERROR, false);
		return;
	}
	if (S_lines.n > (size_t)rows && S_top > S_lines.n - (size_t)rows)
		S_top = S_lines.n - (size_t)rows;
	if (S_lines.n <= (size_t)rows)
		S_top = 0;
	for (int r = 0; r < rows && S_top + (size_t)r < S_lines.n; r++) {
		const struct render_line *ln = &S_lines.lines[S_top + (size_t)r];
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
	snprintf(pos, sizeof pos, "%zu%%", S_lines.n <= (size_t)rows ? 100 :
	    (S_top + (size_t)rows) * 100 / S_lines.n);
	tui_text(t, y + rows, x + w - (int)strlen(pos), pos, 6, ROLE_UI_MUTED);
	{
		size_t open = flow_count(&t->flow, ANSWER_LATER) +
		    flow_count(&t->flow, ANSWER_SKIPPED);
		char *foot = t->flow.s.stage == STAGE_SIGNED ?
		    xstrdup("This agreement is signed.") : open == 0 ?
		    xstrdup("Read it through together. Enter: sign it.") :
		    xasprintf("%zu %s still open (put off or skipped). Enter: "
		    "sign it.", open, open == 1 ? "question" : "questions");

		tui_text(t, y + rows, x, foot, w - 8, open > 0 &&
		    t->flow.s.stage != STAGE_SIGNED ? ROLE_UI_STRONG : ROLE_UI_MUTED);
		free(foot);
	}
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	int rows = S_rows(t);
	struct action a = { .kind = ACTION_BACK };

	(void)ch;
	switch (r) {
	case REQ_UP:
		if (S_top > 0)
			S_top--;
		break;
	case REQ_DOWN:
		if (S_top + (size_t)rows < S_lines.n)
			S_top++;
		break;
	case REQ_PAGE_UP:
		S_top = S_top > (size_t)(rows - 1) ? S_top - (size_t)(rows - 1) : 0;
		break;
	case REQ_PAGE_DOWN:
	case REQ_TOGGLE:
		S_top += (size_t)(rows - 1);	/* clamped when drawn */
		break;
	case REQ_FIRST:
		S_top = 0;
		break;
	case REQ_LAST:
		S_top = S_lines.n;
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

static const struct tui_hint *
S_hints(struct tui *t)
{
	static const struct tui_hint h[] = {
		{ "\xe2\x86\x91\xe2\x86\x93", "scroll" }, { "PgUp/PgDn", "page" },
		{ "Enter", "sign it" }, { "Esc", "change it" }, { "?", "help" },
		{ "q", "quit" }, { NULL, NULL }
	};
	static const struct tui_hint signed_h[] = {
		{ "\xe2\x86\x91\xe2\x86\x93", "scroll" }, { "PgUp/PgDn", "page" },
		{ "Enter", "files and printing" }, { "Esc", "welcome" },
		{ "?", "help" }, { "q", "quit" }, { NULL, NULL }
	};

	return t->flow.s.stage == STAGE_SIGNED ? signed_h : h;
}

static const char *const S_help[] = {
	"Reading it through",
	"This is your agreement exactly as it will be printed. Read it out",
	"loud together. Up and Down scroll a line, PgUp and PgDn a page, Home",
	"and End jump to the start and the end.",
	"Press Enter when you are happy, to sign it; Esc goes back to change",
	"the rules.",
	NULL
};

const struct view view_review = {
	.name = "Reading it through", .open = S_open, .draw = S_draw,
	.request = S_request, .hints = S_hints, .help = S_help,
	.cleanup = S_cleanup
};
