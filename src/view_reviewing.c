/*
 * view_reviewing.c: reviewing a signed agreement together (review.h), one
 * item at a time: a rule or promise as it was signed with keep, change or
 * drop (Left and Right) and a box for each voice on how it went; then the
 * band's review questions with the grown-up's tip and the two boxes. Each
 * item is saved through flow_apply() (ACTION_REVIEW) when confirmed; after
 * the last, on to choosing the agreement.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

/* The view's state, kept between visits. */
struct reviewing {
	bool ready;
	struct textfield child, grown;
	struct review_items items;	/* rebuilt on each visit */
	size_t at;			/* the item shown */
	size_t filled;			/* the item the boxes were filled for */
	int focus;			/* 0 the decision, 1 the child's box, 2 the grown-ups' */
	enum review_decision decided;
};

static struct reviewing S_rv;

static const struct review_item *
S_item(void)
{
	return S_rv.at < S_rv.items.n ? &S_rv.items.items[S_rv.at] : NULL;
}

static bool
S_decides(const struct review_item *it)
{
	return it != NULL && it->kind != REVIEW_ITEM_QUESTION;
}

/* "review/ITEM/child" or ".../grown-up": the box's draft. Caller frees. */
static char *
S_box(const struct review_item *it, bool grown)
{
	return xasprintf("review/%s/%s", it->key, grown ? "grown-up" : "child");
}

/* A box's draft, else what the note says. */
static void
S_fill_box(struct tui *t, struct textfield *tf, const struct review_item *it,
    bool grown, const char *confirmed)
{
	char *box = it != NULL ? S_box(it, grown) : NULL;
	const char *draft = box != NULL ? session_draft(&t->flow.s, box) : NULL;

	textfield_set(tf, draft != NULL ? draft : confirmed);
	tf->changed = draft != NULL;
	free(box);
}

/* The boxes and the decision as the note (or a draft) for the item has them. */
static void
S_fill(struct tui *t)
{
	const struct review_item *it = S_item();
	const struct review_note *n = it != NULL ?
	    review_note(&t->flow.s, it->key) : NULL;

	S_fill_box(t, &S_rv.child, it, false, n != NULL ? n->child : NULL);
	S_fill_box(t, &S_rv.grown, it, true, n != NULL ? n->grown_up : NULL);
	S_rv.decided = n != NULL && n->decision != DECISION_NONE ? n->decision :
	    S_decides(it) ? DECISION_KEEP : DECISION_NONE;
	S_rv.focus = S_decides(it) ? 0 : 1;
	S_rv.filled = S_rv.at;
}

static void
S_open(struct tui *t)
{
	if (!S_rv.ready) {
		textfield_init(&S_rv.child, SESSION_MAX_TEXT_BYTES, true);
		textfield_init(&S_rv.grown, SESSION_MAX_TEXT_BYTES, true);
		S_rv.ready = true;
	}
	review_items_cleanup(&S_rv.items);
	review_items(&t->flow.s, t->flow.c, &S_rv.items);
	/* Back from choosing: the last item; else the first not talked about. */
	S_rv.at = review_next(&t->flow.s, t->flow.c);
	if (S_rv.at >= S_rv.items.n && S_rv.items.n > 0 &&
	    t->flow.s.n_notes > 0)
		S_rv.at = S_rv.items.n - 1;
	S_fill(t);
}

/* Keep what is typed in both boxes as drafts (a pause, or leaving). */
static void
S_keep(struct tui *t)
{
	const struct review_item *it = S_item();
	const struct review_note *n;
	char *box;

	if (!S_rv.ready || it == NULL || S_rv.filled != S_rv.at)
		return;
	n = review_note(&t->flow.s, it->key);
	box = S_box(it, false);
	tui_keep_draft(t, box, &S_rv.child, n != NULL ? n->child : NULL);
	free(box);
	box = S_box(it, true);
	tui_keep_draft(t, box, &S_rv.grown, n != NULL ? n->grown_up : NULL);
	free(box);
}

static void
S_cleanup(void)
{
	review_items_cleanup(&S_rv.items);
	if (!S_rv.ready)
		return;
	textfield_cleanup(&S_rv.child);
	textfield_cleanup(&S_rv.grown);
	S_rv.ready = false;
}

static void
S_to_agreement(struct tui *t)
{
	struct action a = { .kind = ACTION_START_AGREEING };
	size_t change = 0;

	for (size_t i = 0; i < t->flow.s.n_notes; i++)
		change += t->flow.s.notes[i].decision == DECISION_CHANGE;
	if (!tui_apply(t, &a))
		return;
	if (change > 0)
		tui_note(t, "Every note is saved. You said you would change %zu: "
		    "change %s here.", change, change == 1 ? "it" : "them");
	else
		tui_note(t, "Every note is saved. Now choose the rules for the "
		    "new version.");
	tui_switch(t, &view_agree);
}

/* Save the item's note and go to the next (or on to choosing). */
static void
S_confirm(struct tui *t)
{
	const struct review_item *it = S_item();
	struct action a = { .kind = ACTION_REVIEW };

	if (it == NULL) {
		S_to_agreement(t);
		return;
	}
	a.id = it->key;
	a.number = S_rv.decided;
	a.text = textfield_text(&S_rv.child);
	a.text2 = textfield_text(&S_rv.grown);
	if (!tui_apply(t, &a))
		return;
	tui_note(t, "Saved.");
	S_rv.at++;
	if (S_rv.at >= S_rv.items.n) {
		S_to_agreement(t);
		return;
	}
	S_fill(t);
}

static void
S_previous(struct tui *t)
{
	if (S_rv.at == 0) {
		tui_mistake(t, "This is the first step of the review; F10 to "
		    "leave (everything confirmed is saved).");
		return;
	}
	tui_clear_note(t);
	S_keep(t);
	S_rv.at--;
	S_fill(t);
}

static void
S_decide(int step)
{
	int d = (int)S_rv.decided + step;

	if (d <= DECISION_NONE)
		d = DECISION__COUNT - 1;
	if (d >= DECISION__COUNT)
		d = DECISION_NONE + 1;
	S_rv.decided = (enum review_decision)d;
}

/* Typing in a box: true when the box took the request. */
static bool
S_typed(struct tui *t, enum request r, wchar_t ch)
{
	struct textfield *tf = S_rv.focus == 2 ? &S_rv.grown : &S_rv.child;

	switch (textfield_request(tf, r, ch, t->lay.text_cols - 4)) {
	case TF_CHANGED:
		tui_clear_note(t);
		return true;
	case TF_MOVED:
		return true;
	case TF_REFUSED:
		if (r == REQ_ED_CHAR)
			tui_mistake(t, "That is as long as it can be.");
		return true;
	default:
		return false;
	}
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	const struct review_item *it = S_item();

	if (S_rv.filled != S_rv.at)
		S_fill(t);
	if (it != NULL && S_rv.focus > 0 && S_typed(t, r, ch))
		return;
	switch (r) {
	case REQ_ENTER:
		if (it != NULL && S_rv.focus < 2)
			S_rv.focus++;
		else
			S_confirm(t);
		break;
	case REQ_LEFT:
	case REQ_RIGHT:
		if (S_decides(it) && S_rv.focus == 0)
			S_decide(r == REQ_LEFT ? -1 : 1);
		break;
	case REQ_NEXT_FIELD:
	case REQ_DOWN:
		if (S_rv.focus < 2)
			S_rv.focus++;
		break;
	case REQ_PREV_FIELD:
	case REQ_UP:
		if (S_rv.focus > (S_decides(it) ? 0 : 1))
			S_rv.focus--;
		break;
	case REQ_PAGE_DOWN:
		S_confirm(t);
		break;
	case REQ_BACK:
	case REQ_PREVIOUS:
	case REQ_PAGE_UP:
		S_previous(t);
		break;
	default:
		break;
	}
}

static const char *
S_kind_shown(const struct review_item *it)
{
	switch (it->kind) {
	case REVIEW_ITEM_TO_AGREE:
		return "Still to agree";
	case REVIEW_ITEM_RULE:
		return "A rule";
	case REVIEW_ITEM_PROMISE:
		return "A promise";
	default:
		return "To talk about";
	}
}

/* Keep, change, drop in a row: the chosen one marked, and strong when focused. */
static void
S_draw_decision(struct tui *t, int y, int x, int w)
{
	static const char *const words[] = { "Keep it", "Change it", "Drop it" };
	int at = x + 2;

	tui_text(t, y, x, S_rv.focus == 0 ? "\xe2\x96\xb8" : " ", 1,
	    ROLE_UI_LABEL);
	for (int d = DECISION_KEEP; d < DECISION__COUNT; d++) {
		bool on = S_rv.decided == (enum review_decision)d;
		char *cell = xasprintf("%s %s", on ? "(\xe2\x80\xa2)" : "( )",
		    words[d - DECISION_KEEP]);

		at += tui_text(t, y, at, cell, w - (at - x), on ?
		    (S_rv.focus == 0 ? ROLE_UI_SELECTED : ROLE_UI_STRONG) :
		    ROLE_UI_NORMAL) + 3;
		free(cell);
	}
}

static void
S_draw(struct tui *t)
{
	const struct layout *l = &t->lay;
	const struct review_item *it;
	int x = l->text_left, w = l->text_cols, y = l->body_top, rows, filled;
	char *head, *label;
	const char *grown = t->flow.s.n_grown_ups == 1 ? t->flow.s.grown_ups[0] :
	    NULL;

	if (S_rv.filled != S_rv.at)
		S_fill(t);
	if ((it = S_item()) == NULL) {
		tui_wrapped(t, y + 2, x, w, 3, "That was the last item of the "
		    "review.", ROLE_UI_QUESTION, true);
		tui_wrapped(t, y + 4, x, w, 3, "Press Enter to choose the rules "
		    "for the new version of your agreement.", ROLE_UI_NORMAL, true);
		return;
	}
	rows = (l->body_rows - 14) / 2;
	if (rows > 4)
		rows = 4;
	if (rows < 1)
		rows = 1;
	head = xasprintf("Reviewing together, version %d \xc2\xb7 %s \xc2\xb7 "
	    "%zu of %zu", t->flow.s.version, S_kind_shown(it), S_rv.at + 1,
	    S_rv.items.n);
	tui_text(t, y, x, head, w, ROLE_UI_LABEL);
	free(head);
	filled = (int)((long)w * (long)S_rv.at / (long)S_rv.items.n);
	for (int i = 0; i < w; i++)
		tui_text(t, y + 1, x + i, i < filled ? "\xe2\x94\x81" :
		    "\xe2\x94\x80", 1, i < filled ? ROLE_UI_ON : ROLE_UI_BORDER);
	y += 3;
	y += tui_wrapped(t, y, x + 4, w - 8, 5, it->text, ROLE_UI_QUESTION, true);
	y++;
	if (it->tip != NULL)
		y += tui_wrapped(t, y, x + 2, w - 4, 3, it->tip, ROLE_UI_TIP,
		    false) + 1;
	if (S_decides(it)) {
		S_draw_decision(t, y, x, w);
		y += 2;
	}
	label = xasprintf("%s: how did it go?", tui_child_name(t));
	tui_field(t, y, x, w, rows, label, &S_rv.child, S_rv.focus == 1);
	free(label);
	y += rows + 2;
	label = grown != NULL ? xasprintf("%s: how did it go?", grown) :
	    xstrdup("The grown-ups: how did it go?");
	tui_field(t, y, x, w, rows, label, &S_rv.grown, S_rv.focus == 2);
	free(label);
}

static struct textfield *
S_text_box(struct tui *t)
{
	(void)t;
	if (!S_rv.ready || S_item() == NULL || S_rv.focus == 0)
		return NULL;
	return S_rv.focus == 1 ? &S_rv.child : &S_rv.grown;
}

static enum keys_mode
S_mode(struct tui *t)
{
	(void)t;
	return S_item() != NULL && S_rv.focus > 0 ? KEYS_EDIT : KEYS_BROWSE;
}

static const struct tui_hint *
S_hints(struct tui *t)
{
	static const struct tui_hint decide[] = {
		{ "\xe2\x86\x90\xe2\x86\x92", "keep / change / drop" },
		{ "Enter", "next" }, { "Esc", "back" }, { "F1", "help" },
		{ "F10", "quit" }, { NULL, NULL }
	};
	static const struct tui_hint words[] = {
		{ "Enter", "next" }, { "Tab", "other box" }, { "Esc", "back" },
		{ "F1", "help" }, { "F10", "quit" }, { NULL, NULL }
	};

	(void)t;
	return S_rv.focus == 0 ? decide : words;
}

static const char *const S_help[] = {
	"Reviewing together",
	"Look at each rule and promise of the agreement you signed. Choose",
	"with Left and Right whether to keep it, change it or drop it, then",
	"say how it went: the child's words in the first box, the grown-ups'",
	"in the second (either may stay empty). Enter moves on and saves.",
	"Then talk about the review questions the same way.",
	"",
	"A dropped rule is switched off in the new version; a changed one",
	"waits for you to change it when you choose the agreement.",
	"Esc or PgUp      the item before",
	"Alt-Enter        a new line inside your words",
	NULL
};

const struct view view_reviewing = {
	.name = "Reviewing together", .open = S_open, .draw = S_draw,
	.request = S_request, .field = S_text_box, .mode = S_mode,
	.hints = S_hints, .help = S_help, .keep = S_keep, .cleanup = S_cleanup
};
