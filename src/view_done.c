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

static void
S_draw(struct tui *t)
{
	const struct layout *l = &t->lay;
	int x = l->text_left, w = l->text_cols, y = l->body_top;
	const struct {
		const char *what;
		const char *path;
	} files[] = {
		{ "To print (open in a web browser):", t->flow.out_html },
		{ "Plain text:", t->flow.out_txt },
		{ "Markdown:", t->flow.out_md },
	};
	char *line;

	line = xasprintf("Well done, %s and %s!", tui_child_name(t),
	    t->flow.s.n_grown_ups == 1 ? t->flow.s.grown_ups[0] : "family");
	y += tui_wrapped(t, y, x, w, 2, line, ROLE_UI_QUESTION, true);
	free(line);
	y += tui_wrapped(t, y, x, w, 2, "Your family device agreement is signed "
	    "and saved.", ROLE_UI_NORMAL, true) + 1;
	if (t->flow.out_html == NULL) {
		tui_wrapped(t, y, x, w, 3, "The files could not be written: see the "
		    "message below. Press Enter to try again.", ROLE_UI_ERROR, false);
		return;
	}
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		tui_text(t, y++, x, files[i].what, w, ROLE_UI_LABEL);
		y += tui_wrapped(t, y, x + 2, w - 2, 2, files[i].path, ROLE_UI_STRONG, false);
	}
	y++;
	tui_text(t, y++, x, "Fingerprint (SHA-256):", w, ROLE_UI_LABEL);
	y += tui_wrapped(t, y, x + 2, w - 2, 2, t->flow.fingerprint, ROLE_UI_NORMAL, false);
	y++;
	y += tui_wrapped(t, y, x, w, 4, "To print: open the .html file in a web "
	    "browser and choose Print, or print the text file with: lp FILE. "
	    "Keep it somewhere you both can see it. 'talkpact verify FILE' "
	    "tells you if the signed text was changed.", ROLE_UI_NORMAL, false);
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
	default:
		break;
	}
}

static enum keys_mode
S_mode(struct tui *t)
{
	(void)t;
	return KEYS_BROWSE;
}

static const struct tui_hint *
S_hints(struct tui *t)
{
	static const struct tui_hint h[] = {
		{ "Enter", "finish" }, { "Esc", "read it again" }, { "?", "help" },
		{ "q", "quit" }, { NULL, NULL }
	};

	(void)t;
	return h;
}

static const char *const S_help[] = {
	"All done",
	"Your agreement is written in three files with the same words: a web",
	"page for printing, plain text, and Markdown. The fingerprint is a",
	"code worked out from the signed text; if anyone changes the text,",
	"the fingerprint no longer matches.",
	NULL
};

const struct view view_done = {
	.name = "All done", .open = S_open, .draw = S_draw,
	.request = S_request, .mode = S_mode, .hints = S_hints, .help = S_help,
	.cleanup = NULL
};
