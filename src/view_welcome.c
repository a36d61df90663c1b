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
	const char *id;		/* into S_entries */
};

static struct flow_entries S_entries;
static struct item *S_items;
static size_t S_n, S_cap, S_sel, S_top;

static void
S_clear(void)
{
	for (size_t i = 0; i < S_n; i++)
		free(S_items[i].label);
	free(S_items);
	S_items = NULL;
	S_n = S_cap = 0;
	flow_entries_cleanup(&S_entries);
}

static void
S_add(enum item_kind k, char *label, const char *id)
{
	S_items = xgrow(S_items, &S_cap, S_n, sizeof *S_items);
	S_items[S_n].kind = k;
	S_items[S_n].label = label;
	S_items[S_n].id = id;
	S_n++;
}

/*
 * "Review it together" for the latest version of each child's signed
 * agreement whose review is due (due) or not yet (!due).
 */
static void
S_add_reviews(struct tui *t, bool due)
{
	time_t now = t->flow.now();
	long off = t->flow.utc_offset != NULL ? t->flow.utc_offset(now) : 0;

	for (size_t i = 0; i < S_entries.n; i++) {
		const struct flow_entry *e = &S_entries.items[i];
		char date[64];

		if (!e->latest || review_due_words(e->review_day, now, off, date,
		    sizeof date) != (due ? 1 : 0))
			continue;
		S_add(ITEM_TOGETHER, xasprintf("Review it together: %s's "
		    "agreement (review %s%s)", e->child != NULL ? e->child :
		    "the child", date, e->house_rules_changed ? "; house rules "
		    "changed since you signed" : ""), e->id);
	}
}

static void
S_open(struct tui *t)
{
	char *cause = NULL;

	S_clear();
	S_sel = S_top = 0;
	if (flow_list(&t->flow, &S_entries, &cause) != 0)
		tui_mistake_cause(t, cause);
	/* An agreement due for review comes first of all. */
	S_add_reviews(t, true);
	S_add(ITEM_NEW, xstrdup("Start a new conversation"), NULL);
	for (size_t i = 0; i < S_entries.n; i++) {
		const struct flow_entry *e = &S_entries.items[i];

		if (e->stage == STAGE_SIGNED)
			continue;
		S_add(ITEM_RESUME, xasprintf("Carry on: %s", e->describe), e->id);
	}
	for (size_t i = 0; i < S_entries.n; i++) {
		const struct flow_entry *e = &S_entries.items[i];

		if (e->stage != STAGE_SIGNED)
			continue;
		S_add(ITEM_REVIEW, xasprintf("Look at the signed agreement: %s%s",
		    e->describe, e->house_rules_changed ? " (house rules "
		    "changed since you signed)" : ""), e->id);
	}
	S_add_reviews(t, false);
	S_add(ITEM_QUIT, xstrdup("Quit"), NULL);
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
	const struct layout *l = &t->lay;
	int x = l->text_left, w = l->text_cols, y = l->body_top;
	int list_rows, bottom;
	char *kept;

	kept = xasprintf("Your conversations and signed agreements are kept in "
	    "%s, readable only by you. Nothing is ever sent anywhere.",
	    t->state_dir != NULL ? t->state_dir : "(nowhere: HOME is not set)");
	{
		int need = tui_wrapped(t, -1, 0, w, 2, S_hello, ROLE_UI_QUESTION, true) +
		    1 + (int)S_n + 1 + tui_wrapped(t, -1, 0, w, 3, kept,
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
	if (S_sel < S_top)
		S_top = S_sel;
	if (S_sel >= S_top + (size_t)list_rows)
		S_top = S_sel - (size_t)list_rows + 1;
	for (size_t i = S_top; i < S_n && (int)(i - S_top) < list_rows; i++) {
		bool sel = i == S_sel;
		int yy = y + (int)(i - S_top);

		if (sel)
			tui_fill(t, yy, x, w, ROLE_UI_SELECTED);
		tui_text(t, yy, x + 1, sel ? "\xe2\x96\xb8" : " ", 1,
		    sel ? ROLE_UI_SELECTED : ROLE_UI_NORMAL);
		tui_text(t, yy, x + 3, S_items[i].label, w - 4,
		    sel ? ROLE_UI_SELECTED : (S_items[i].kind == ITEM_QUIT ?
		    ROLE_UI_MUTED : ROLE_UI_NORMAL));
	}
	y += (int)(S_n < (size_t)list_rows ? S_n : (size_t)list_rows) + 1;
	tui_wrapped(t, y, x, w, 3, kept, ROLE_UI_MUTED, false);
	free(kept);
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	char *cause = NULL;
	const struct item *it;

	(void)ch;
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
		S_sel = S_sel > 0 ? S_sel - 1 : S_n - 1;
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
		S_sel = S_sel + 1 < S_n ? S_sel + 1 : 0;
		break;
	case REQ_FIRST:
		S_sel = 0;
		break;
	case REQ_LAST:
		S_sel = S_n - 1;
		break;
	case REQ_BACK:
		t->quit = true;
		break;
	case REQ_ENTER:
	case REQ_RIGHT:
		it = &S_items[S_sel];
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

static void
S_cleanup(void)
{
	S_clear();
}

static const struct tui_hint *
S_hints(struct tui *t)
{
	static const struct tui_hint h[] = {
		{ "\xe2\x86\x91\xe2\x86\x93", "choose" }, { "Enter", "open" },
		{ "?", "help" }, { "q", "quit" }, { NULL, NULL }
	};

	(void)t;
	return h;
}

static const char *const S_help[] = {
	"Welcome",
	"Use the Up and Down arrows to pick what to do, then press Enter.",
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
	.hints = S_hints, .help = S_help, .cleanup = S_cleanup
};
