/*
 * view_welcome.c: the first screen: start a new conversation, carry on
 * with an unfinished one, look at a signed agreement, or quit; and where
 * the family's files are kept. Reads the saved sessions through flow.h;
 * never changes one.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

enum item_kind { ITEM_NEW, ITEM_RESUME, ITEM_REVIEW, ITEM_QUIT, ITEM_TOGETHER };

struct item {
	enum item_kind kind;
	char *label;		/* owned */
	const char *id;		/* into entries */
};

/* The screen's state (tui_state()). */
struct welcome {
	struct flow_entries entries;
	struct item *items;
	size_t n, cap, sel, top;
};

static struct welcome *
S_v(struct tui *t)
{
	return tui_state(t, &view_welcome);
}

static void
S_clear(struct welcome *v)
{
	while (v->n > 0)
		free(v->items[--v->n].label);
	free(v->items);
	v->items = NULL;
	v->cap = 0;
	flow_entries_cleanup(&v->entries);
}

static void
S_add(struct welcome *v, enum item_kind k, char *label, const char *id)
{
	v->items = xgrow(v->items, &v->cap, v->n, sizeof *v->items);
	v->items[v->n].kind = k;
	v->items[v->n].label = label;
	v->items[v->n].id = id;
	v->n++;
}

/*
 * "Review it together" for the latest version of each child's signed
 * agreement whose review is due (due) or not yet (!due).
 */
static void
S_add_reviews(struct tui *t, struct welcome *v, bool due)
{
	time_t now = t->flow.now();
	long off = t->flow.utc_offset != NULL ? t->flow.utc_offset(now) : 0;

	for (size_t i = 0; i < v->entries.n; i++) {
		const struct flow_entry *e = &v->entries.items[i];
		char date[64];

		if (!e->latest || review_due_words(e->review_day, now, off, date,
		    sizeof date) != (due ? 1 : 0))
			continue;
		S_add(v, ITEM_TOGETHER, xasprintf("Review it together: %s's "
		    "agreement (review %s%s)", e->child != NULL ? e->child :
		    "the child", date, e->house_rules_changed ? "; house rules "
		    "changed since you signed" : ""), e->id);
	}
}

static void
S_open(struct tui *t)
{
	struct welcome *v = S_v(t);
	char *cause = NULL;

	S_clear(v);
	v->sel = v->top = 0;
	if (flow_list(&t->flow, &v->entries, &cause) != 0)
		tui_mistake_cause(t, cause);
	/* An agreement due for review comes first of all. */
	S_add_reviews(t, v, true);
	S_add(v, ITEM_NEW, xstrdup("Start a new conversation"), NULL);
	for (size_t i = 0; i < v->entries.n; i++) {
		const struct flow_entry *e = &v->entries.items[i];

		if (e->stage == STAGE_SIGNED)
			continue;
		S_add(v, ITEM_RESUME, xasprintf("Carry on: %s", e->describe), e->id);
	}
	for (size_t i = 0; i < v->entries.n; i++) {
		const struct flow_entry *e = &v->entries.items[i];

		if (e->stage != STAGE_SIGNED)
			continue;
		S_add(v, ITEM_REVIEW, xasprintf("Look at the signed agreement: %s%s",
		    e->describe, e->house_rules_changed ? " (house rules "
		    "changed since you signed)" : ""), e->id);
	}
	S_add_reviews(t, v, false);
	S_add(v, ITEM_QUIT, xstrdup("Quit"), NULL);
	/* Any session left open by another screen is closed here. */
	flow_close(&t->flow);
}

static const char S_hello[] =
    "Hello! Let's talk about phones, tablets, games and being online, together.";
static const char S_intro[] =
    "A grown-up and a child sit here side by side. talkpact asks questions "
    "for the child's age; you both answer, in your own words. At the end you "
    "choose the rules that fit your family and sign them together as your "
    "family device agreement.";

static void
S_draw(struct tui *t)
{
	struct welcome *v = S_v(t);
	const struct layout *l = &t->lay;
	int x = l->text_left, w = l->text_cols, y = l->body_top;
	int list_rows, bottom;
	char *kept;

	kept = xasprintf("Your conversations and signed agreements are kept in "
	    "%s, readable only by you. Nothing is ever sent anywhere.",
	    t->state_dir != NULL ? t->state_dir : "(nowhere: HOME is not set)");
	{
		int need = tui_wrapped(t, -1, 0, w, 2, S_hello, ROLE_UI_QUESTION, true) +
		    1 + (int)v->n + 1 + tui_wrapped(t, -1, 0, w, 3, kept,
		    ROLE_UI_MUTED, false);

		if (l->body_rows >= 18)
			need += tui_wrapped(t, -1, 0, w, 4, S_intro, ROLE_UI_NORMAL,
			    false) + 1;
		y = tui_top(t, need);
	}
	y += tui_wrapped(t, y, x, w, 2, S_hello, ROLE_UI_QUESTION, true);
	y++;
	if (l->body_rows >= 18) {
		y += tui_wrapped(t, y, x, w, 4, S_intro, ROLE_UI_NORMAL, false);
		y++;
	}
	bottom = l->body_top + l->body_rows;
	list_rows = bottom - y - 1 - tui_wrapped(t, -1, 0, w, 3, kept,
	    ROLE_UI_MUTED, false);
	if (list_rows < 3)
		list_rows = 3;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + (size_t)list_rows)
		v->top = v->sel - (size_t)list_rows + 1;
	for (size_t i = v->top; i < v->n && (int)(i - v->top) < list_rows; i++) {
		bool sel = i == v->sel;
		int yy = y + (int)(i - v->top);

		if (sel)
			tui_fill(t, yy, x, w, ROLE_UI_SELECTED);
		tui_hit(t, yy, x, w, 1, (int)i);
		tui_text(t, yy, x + 1, sel ? "\xe2\x96\xb8" : " ", 1,
		    sel ? ROLE_UI_SELECTED : ROLE_UI_NORMAL);
		tui_text_cut(t, yy, x + 3, v->items[i].label, w - 4,
		    sel ? ROLE_UI_SELECTED : (v->items[i].kind == ITEM_QUIT ?
		    ROLE_UI_MUTED : ROLE_UI_NORMAL));
	}
	y += (int)(v->n < (size_t)list_rows ? v->n : (size_t)list_rows) + 1;
	tui_wrapped(t, y, x, w, 3, kept, ROLE_UI_MUTED, false);
	free(kept);
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	struct welcome *v = S_v(t);
	char *cause = NULL;
	const struct item *it;

	(void)ch;
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
	case REQ_SCROLL_UP:
		v->sel = v->sel > 0 ? v->sel - 1 : v->n - 1;
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
	case REQ_SCROLL_DOWN:
		v->sel = v->sel + 1 < v->n ? v->sel + 1 : 0;
		break;
	case REQ_FIRST:
		v->sel = 0;
		break;
	case REQ_LAST:
		v->sel = v->n - 1;
		break;
	case REQ_BACK:
		t->quit = true;
		break;
	case REQ_ENTER:
	case REQ_RIGHT:
		it = &v->items[v->sel];
		tui_clear_note(t);
		switch (it->kind) {
		case ITEM_NEW:
			flow_new(&t->flow);
			tui_switch(t, &view_family);
			break;
		case ITEM_RESUME:
		case ITEM_REVIEW:
			if (flow_open(&t->flow, it->id, &cause) != 0) {
				tui_mistake_cause(t, cause);
				break;
			}
			if (it->kind == ITEM_REVIEW)
				tui_switch(t, &view_review);
			else if (t->flow.s.stage == STAGE_FAMILY)
				tui_switch(t, &view_family);
			else if (t->flow.s.stage == STAGE_TALKING)
				tui_switch(t, &view_talk);
			else if (t->flow.s.stage == STAGE_AGREEING)
				tui_switch(t, &view_agree);
			else
				tui_switch(t, &view_sign);
			break;
		case ITEM_QUIT:
			t->quit = true;
			break;
		case ITEM_TOGETHER:
			if (flow_review(&t->flow, it->id, &cause) != 0) {
				tui_mistake_cause(t, cause);
				break;
			}
			tui_switch(t, t->flow.s.stage == STAGE_REVIEWING ?
			    &view_reviewing : t->flow.s.stage == STAGE_AGREEING ?
			    &view_agree : &view_sign);
			break;
		}
		break;
	default:
		break;
	}
}

/* A click chooses an item; a click on the chosen one opens it. */
static void
S_click(struct tui *t, int id)
{
	struct welcome *v = S_v(t);

	if ((size_t)id >= v->n)
		return;
	if ((size_t)id == v->sel)
		S_request(t, REQ_ENTER, 0);
	else
		v->sel = (size_t)id;
}

static void
S_cleanup(void *state)
{
	S_clear(state);
}

static const struct tui_binding *
S_bindings(struct tui *t)
{
	static const struct tui_binding b[] = {
		{ REQ_UP, "choose", NULL }, { REQ_DOWN, "choose", NULL },
		{ REQ_ENTER, "open", "Open what is chosen" },
		{ REQ_NEXT_FIELD, NULL, "Next in the list" },
		{ REQ_PREV_FIELD, NULL, "Back up the list" },
		{ REQ_FIRST, NULL, NULL }, { REQ_LAST, NULL, NULL },
		{ REQ_BACK, NULL, "Leave talkpact" },
		TUI_BINDINGS_END
	};

	(void)t;
	return b;
}

static const char *const S_help[] = {
	"Welcome",
	"Choose what to do, and open it.",
	"Start a new conversation: a grown-up and a child answer questions",
	"together, then choose and sign their agreement.",
	"Carry on: pick up an unfinished conversation where you stopped.",
	"Look at a signed agreement: read it again, and see where its",
	"files are so you can print them.",
	"Review it together: look at each rule and promise of a signed",
	"agreement again, keep, change or drop it, and sign its next",
	"version. One that is due for review is listed first.",
	NULL
};

const struct view view_welcome = {
	.name = "Welcome", .open = S_open, .draw = S_draw, .request = S_request,
	.bindings = S_bindings, .help = S_help, .click = S_click,
	.state_size = sizeof (struct welcome), .cleanup = S_cleanup
};
