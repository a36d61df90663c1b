/*
 * view_reviewing.c: reviewing a signed agreement together (review.h), one
 * item at a time: a rule or promise as it was signed with keep, change or
 * drop and a box for each voice on how it went; then the
 * band's review questions with the grown-up's tip and the boxes: the
 * child's, then the grown-up's, or each grown-up's own (reached in turn,
 * as in view_talk.c). Each item is saved through flow_apply()
 * (ACTION_REVIEW, then ACTION_REVIEW_VOICE for each grown-up) when
 * confirmed; after the last, on to choosing the agreement.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

/* The screen's state (tui_state()), kept between visits. */
struct reviewing {
	bool ready;
	struct textfield child, grown;
	struct textfield voice[SESSION_MAX_GROWN_UPS];	/* each grown-up's */
	struct review_items items;	/* rebuilt on each visit */
	size_t at;			/* the item shown */
	size_t filled;			/* the item the boxes were filled for */
	int focus;			/* 0 the decision, 1 the child's box, then the grown-up's or each one's */
	enum review_decision decided;
	int top;			/* first row shown when the screen scrolls */
};

/* Click places: the decision, the child's box, the grown-ups' box or each one's (= focus). */
enum { S_HIT_DECISION, S_HIT_CHILD, S_HIT_GROWN };

static struct reviewing *
S_v(struct tui *t)
{
	return tui_state(t, &view_reviewing);
}

static const struct review_item *
S_item(const struct reviewing *v)
{
	return v->at < v->items.n ? &v->items.items[v->at] : NULL;
}

static bool
S_decides(const struct review_item *it)
{
	return it != NULL && it->kind != REVIEW_ITEM_QUESTION;
}

/* The last box's focus: the grown-up's, or the last grown-up's own. */
static int
S_last(const struct tui *t)
{
	size_t n = tui_n_voices(t);

	return S_HIT_GROWN + (n > 0 ? (int)n - 1 : 0);
}

/* The box at focus i (1 the child's, 2... the grown-up's or each one's). */
static struct textfield *
S_field(struct tui *t, int i)
{
	struct reviewing *v = S_v(t);

	if (i <= S_HIT_CHILD)
		return &v->child;
	return tui_n_voices(t) > 0 ? &v->voice[i - S_HIT_GROWN] : &v->grown;
}

/* Grown-up g's draft box: "review/ITEM/voice-1". Caller frees. */
static char *
S_voice_box(const struct review_item *it, size_t g)
{
	return xasprintf("review/%s/voice-%zu", it->key, g + 1);
}

/* "review/ITEM/child" or ".../grown-up": the box's draft. Caller frees. */
static char *
S_box(const struct review_item *it, bool grown)
{
	return xasprintf("review/%s/%s", it->key, grown ? "grown-up" : "child");
}

/* A box's draft, else what the note says. */
static void
S_fill_draft(struct tui *t, struct textfield *tf, char *box,
    const char *confirmed)
{
	const char *draft = box != NULL ? session_draft(&t->flow.s, box) : NULL;

	textfield_set(tf, draft != NULL ? draft : confirmed);
	tf->changed = draft != NULL;
	free(box);
}

static void
S_fill_box(struct tui *t, struct textfield *tf, const struct review_item *it,
    bool grown, const char *confirmed)
{
	S_fill_draft(t, tf, it != NULL ? S_box(it, grown) : NULL, confirmed);
}

/* The boxes and the decision as the note (or a draft) for the item has them. */
static void
S_fill(struct tui *t)
{
	struct reviewing *v = S_v(t);
	const struct review_item *it = S_item(v);
	const struct review_note *n = it != NULL ?
	    review_note(&t->flow.s, it->key) : NULL;

	S_fill_box(t, &v->child, it, false, n != NULL ? n->child : NULL);
	S_fill_box(t, &v->grown, it, true, n != NULL ? n->grown_up : NULL);
	for (size_t g = 0; g < tui_n_voices(t); g++)
		S_fill_draft(t, &v->voice[g], it != NULL ? S_voice_box(it, g) :
		    NULL, review_note_voice(n, t->flow.s.grown_ups[g]));
	v->decided = n != NULL && n->decision != DECISION_NONE ? n->decision :
	    S_decides(it) ? DECISION_KEEP : DECISION_NONE;
	v->focus = S_decides(it) ? 0 : 1;
	v->filled = v->at;
}

static void
S_open(struct tui *t)
{
	struct reviewing *v = S_v(t);

	if (!v->ready) {
		textfield_init(&v->child, SESSION_MAX_TEXT_BYTES, true);
		textfield_init(&v->grown, SESSION_MAX_TEXT_BYTES, true);
		for (size_t g = 0; g < SESSION_MAX_GROWN_UPS; g++)
			textfield_init(&v->voice[g], SESSION_MAX_TEXT_BYTES,
			    true);
		v->ready = true;
	}
	review_items_cleanup(&v->items);
	review_items(&t->flow.s, t->flow.c, &v->items);
	/* Back from choosing: the last item; else the first not talked about. */
	v->at = review_next(&t->flow.s, t->flow.c);
	if (v->at >= v->items.n && v->items.n > 0 &&
	    t->flow.s.n_notes > 0)
		v->at = v->items.n - 1;
	S_fill(t);
}

/* Keep what is typed in every box as drafts (a pause, or leaving). */
static void
S_keep(struct tui *t)
{
	struct reviewing *v = S_v(t);
	const struct review_item *it = S_item(v);
	const struct review_note *n;
	char *box;

	if (!v->ready || it == NULL || v->filled != v->at)
		return;
	n = review_note(&t->flow.s, it->key);
	box = S_box(it, false);
	tui_keep_draft(t, box, &v->child, n != NULL ? n->child : NULL);
	free(box);
	box = S_box(it, true);
	tui_keep_draft(t, box, &v->grown, n != NULL ? n->grown_up : NULL);
	free(box);
	for (size_t g = 0; g < tui_n_voices(t); g++) {
		box = S_voice_box(it, g);
		tui_keep_draft(t, box, &v->voice[g],
		    review_note_voice(n, t->flow.s.grown_ups[g]));
		free(box);
	}
}

static void
S_cleanup(void *state)
{
	struct reviewing *v = state;

	review_items_cleanup(&v->items);
	if (!v->ready)
		return;
	textfield_cleanup(&v->child);
	textfield_cleanup(&v->grown);
	for (size_t g = 0; g < SESSION_MAX_GROWN_UPS; g++)
		textfield_cleanup(&v->voice[g]);
	v->ready = false;
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
	struct reviewing *v = S_v(t);
	const struct review_item *it = S_item(v);
	const struct review_note *n;
	struct action a = { .kind = ACTION_REVIEW };

	if (it == NULL) {
		S_to_agreement(t);
		return;
	}
	a.id = it->key;
	a.number = v->decided;
	a.text = textfield_text(&v->child);
	/* Each grown-up in their own box: a shared line from before stays. */
	n = review_note(&t->flow.s, it->key);
	a.text2 = tui_n_voices(t) > 0 ? (n != NULL ? n->grown_up : NULL) :
	    textfield_text(&v->grown);
	if (!tui_apply(t, &a))
		return;
	/* Each grown-up's own line, under their name. */
	for (size_t g = 0; g < tui_n_voices(t); g++) {
		struct action va = { .kind = ACTION_REVIEW_VOICE, .id = it->key,
		    .index = g, .text = textfield_text(&v->voice[g]) };

		if (!tui_apply(t, &va))
			return;
	}
	tui_note(t, "Saved.");
	v->at++;
	if (v->at >= v->items.n) {
		S_to_agreement(t);
		return;
	}
	S_fill(t);
}

static void
S_previous(struct tui *t)
{
	struct reviewing *v = S_v(t);

	if (v->at == 0) {
		tui_mistake(t, "This is the first step of the review; %s to "
		    "leave (everything confirmed is saved).",
		    tui_key(t, REQ_QUIT));
		return;
	}
	tui_clear_note(t);
	S_keep(t);
	v->at--;
	S_fill(t);
}

static void
S_decide(struct reviewing *v, int step)
{
	int d = (int)v->decided + step;

	if (d <= DECISION_NONE)
		d = DECISION__COUNT - 1;
	if (d >= DECISION__COUNT)
		d = DECISION_NONE + 1;
	v->decided = (enum review_decision)d;
}

/* Typing in a box: true when the box took the request. */
static bool
S_typed(struct tui *t, enum request r, wchar_t ch)
{
	struct reviewing *v = S_v(t);
	struct textfield *tf = S_field(t, v->focus);

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
	struct reviewing *v = S_v(t);
	const struct review_item *it = S_item(v);

	if (v->filled != v->at)
		S_fill(t);
	if (it != NULL && v->focus > 0 && S_typed(t, r, ch))
		return;
	switch (r) {
	case REQ_ENTER:
		if (it != NULL && v->focus < S_last(t))
			v->focus++;
		else
			S_confirm(t);
		break;
	case REQ_LEFT:
	case REQ_RIGHT:
	case REQ_TOGGLE:
		if (S_decides(it) && v->focus == 0)
			S_decide(v, r == REQ_LEFT ? -1 : 1);
		break;
	case REQ_NEXT_FIELD:
	case REQ_DOWN:
		if (v->focus < S_last(t))
			v->focus++;
		break;
	case REQ_PREV_FIELD:
	case REQ_UP:
		if (v->focus > (S_decides(it) ? 0 : 1))
			v->focus--;
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
	struct reviewing *v = S_v(t);
	static const char *const words[] = { "Keep it", "Change it", "Drop it" };
	int at = x + 2;

	tui_text(t, y, x, v->focus == 0 ? "\xe2\x96\xb8" : " ", 1,
	    ROLE_UI_LABEL);
	for (int d = DECISION_KEEP; d < DECISION__COUNT; d++) {
		bool on = v->decided == (enum review_decision)d;
		char *cell = xasprintf("%s %s", on ? "(\xe2\x80\xa2)" : "( )",
		    words[d - DECISION_KEEP]);

		at += tui_text(t, y, at, cell, w - (at - x), on ?
		    (v->focus == 0 ? ROLE_UI_SELECTED : ROLE_UI_STRONG) :
		    ROLE_UI_NORMAL) + 3;
		free(cell);
	}
}

static void
S_draw(struct tui *t)
{
	struct reviewing *v = S_v(t);
	const struct layout *l = &t->lay;
	const struct review_item *it;
	int x = l->text_left, w = l->text_cols, y = l->body_top, body = l->body_rows;
	int rows, filled, th, tiph, total, y0, b1, bf, from, to, nb;
	char *head, *label;
	const char *grown = t->flow.s.n_grown_ups == 1 ? t->flow.s.grown_ups[0] :
	    NULL;

	if (v->filled != v->at)
		S_fill(t);
	if ((it = S_item(v)) == NULL) {
		tui_wrapped(t, y + 2, x, w, 3, "That was the last item of the "
		    "review.", ROLE_UI_QUESTION, true);
		label = xasprintf("%s: choose the rules for the new version of "
		    "your agreement.", tui_key(t, REQ_ENTER));
		tui_wrapped(t, y + 4, x, w, 3, label, ROLE_UI_NORMAL, true);
		free(label);
		return;
	}
	/*
	 * Rows from the screen's top (0): the heading and its bar, a gap, the
	 * item, a gap, its tip, the decision, then the two boxes. A window
	 * too short for all of it scrolls to what has the focus.
	 */
	th = tui_wrapped(t, -1, 0, w - 8, 5, it->text, ROLE_UI_QUESTION, true);
	tiph = it->tip != NULL ? tui_wrapped(t, -1, 0, w - 4, 3, it->tip,
	    ROLE_UI_TIP, false) + 1 : 0;
	nb = 1 + (tui_n_voices(t) > 0 ? (int)tui_n_voices(t) : 1);
	rows = (body - 10 - 2 * nb) / nb;
	if (rows > 4)
		rows = 4;
	if (rows < 1)
		rows = 1;
	b1 = 3 + th + 1 + tiph + (S_decides(it) ? 2 : 0);
	total = b1 + nb * (rows + 2);
	bf = v->focus == 0 ? b1 - 2 : b1 + (v->focus - 1) * (rows + 2);
	to = v->focus == 0 ? bf + 1 : bf + rows + 2;
	/* As much above the focus as fits: the item, else the focus alone. */
	from = to <= body ? 0 : to - 3 <= body ? 3 : bf;
	y0 = total > body ? tui_scroll(t, &v->top, total, from, to) : y;
	y = y0;
	head = xasprintf("Reviewing together, version %d \xc2\xb7 %s \xc2\xb7 "
	    "%zu of %zu", t->flow.s.version, S_kind_shown(it), v->at + 1,
	    v->items.n);
	tui_text_cut(t, y, x, head, w, ROLE_UI_LABEL);
	free(head);
	filled = (int)((long)w * (long)v->at / (long)v->items.n);
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
		tui_hit(t, y, x, w, 1, S_HIT_DECISION);
		y += 2;
	}
	label = xasprintf("%s: how did it go?", tui_child_name(t));
	tui_field(t, y, x, w, rows, label, &v->child, v->focus == 1);
	tui_hit(t, y, x, w, rows + 2, S_HIT_CHILD);
	free(label);
	y += rows + 2;
	/* Each grown-up in their own words, under their own name. */
	for (size_t g = 0; g < tui_n_voices(t); g++) {
		label = tui_voice_label(t, g, false, ": how did it go?");
		tui_field(t, y, x, w, rows, label, &v->voice[g],
		    v->focus == S_HIT_GROWN + (int)g);
		tui_hit(t, y, x, w, rows + 2, S_HIT_GROWN + (int)g);
		free(label);
		y += rows + 2;
	}
	if (tui_n_voices(t) > 0)
		return;
	label = grown != NULL ? xasprintf("%s: how did it go?", grown) :
	    xstrdup("The grown-ups: how did it go?");
	tui_field(t, y, x, w, rows, label, &v->grown, v->focus == 2);
	tui_hit(t, y, x, w, rows + 2, S_HIT_GROWN);
	free(label);
}

/* A click: the decision or a box takes the focus; on the decision, the next choice. */
static void
S_click(struct tui *t, int id)
{
	struct reviewing *v = S_v(t);
	const struct review_item *it = S_item(v);

	if (it == NULL || id < S_HIT_DECISION || id > S_last(t))
		return;
	if (id == S_HIT_DECISION && !S_decides(it))
		return;
	if (id == S_HIT_DECISION && v->focus == 0)
		S_decide(v, 1);
	v->focus = id;
}

static struct textfield *
S_text_box(struct tui *t)
{
	struct reviewing *v = S_v(t);

	if (!v->ready || S_item(v) == NULL || v->focus == 0)
		return NULL;
	return S_field(t, v->focus);
}

static enum keys_mode
S_mode(struct tui *t)
{
	struct reviewing *v = S_v(t);

	return S_item(v) != NULL && v->focus > 0 ? KEYS_EDIT : KEYS_BROWSE;
}

static const struct tui_binding *
S_bindings(struct tui *t)
{
#define S_BACK { REQ_BACK, "back", "The item before" }, \
		{ REQ_PREVIOUS, NULL, "The item before" }, \
		{ REQ_PAGE_UP, NULL, "The item before" }
	static const struct tui_binding decide[] = {
		TUI_BIND_CHANGE("keep / change / drop", "Keep, change or drop it",
		    "Keep, change or drop it"),
		{ REQ_ENTER, "next", "On to the child's box" },
		{ REQ_DOWN, NULL, "On to the child's box" },
		{ REQ_NEXT_FIELD, NULL, "On to the child's box" },
		{ REQ_PAGE_DOWN, NULL, "Save this item and go to the next" },
		S_BACK,
		TUI_BINDINGS_END
	};
	static const struct tui_binding words[] = {
		{ REQ_ENTER, "next", "Next box; in the last, save and go on" },
		{ REQ_NEXT_FIELD, "other box", "The next box" },
		S_BACK,
		{ REQ_PREV_FIELD, NULL, "The box before" },
		{ REQ_UP, NULL, "Move up in the words, or to what is above" },
		{ REQ_DOWN, NULL, "Move down in the words, or to the box below" },
		{ REQ_PAGE_DOWN, NULL, "Save this item and go to the next" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding last[] = {
		{ REQ_ENTER, "choose the rules", "Go on to choosing the new version" },
		S_BACK,
		TUI_BINDINGS_END
	};
#undef S_BACK
	struct reviewing *v = S_v(t);

	if (S_item(v) == NULL)
		return last;
	return v->focus == 0 ? decide : words;
}

static const char *const S_help[] = {
	"Reviewing together",
	"Look at each rule and promise of the agreement you signed. Choose",
	"whether to keep it, change it or drop it, then say how it went:",
	"the child's words in the first box, then the grown-up's, or each",
	"grown-up's in a box of their own (any may stay empty). Going on",
	"from the last box saves it.",
	"Then talk about the review questions the same way.",
	"",
	"A dropped rule is switched off in the new version; a changed one",
	"waits for you to change it when you choose the agreement.",
	NULL
};

const struct view view_reviewing = {
	.name = "Reviewing together", .open = S_open, .draw = S_draw,
	.request = S_request, .field = S_text_box, .mode = S_mode,
	.bindings = S_bindings, .help = S_help, .click = S_click,
	.keep = S_keep, .state_size = sizeof (struct reviewing),
	.cleanup = S_cleanup
};
