/*
 * view_talk.c: the conversation: one prompt at a time, grouped by topic,
 * with progress; the question large and central, scenarios in a labelled
 * box; the grown-up's tip one key away; a box for the child's words and
 * one for the grown-up's (with two or three grown-ups, one for each, under
 * their own name). Answers, skips and "talk again later" are saved
 * through flow_apply() the moment they are confirmed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

/* The screen's state (tui_state()). */
struct talk {
	struct textfield child, grown;
	/* Two or more grown-ups: a box each, for each one's own words. */
	struct textfield voice[SESSION_MAX_GROWN_UPS];
	bool ready, tip;
	int focus;		/* 0 child, then the grown-up's or each one's box */
	size_t shown;		/* position the boxes were filled for */
	/*
	 * "Come back to these": after the last question, the questions put
	 * off or skipped are listed; the family talks about them one by one
	 * (each then goes to the next one still open, and back to the list
	 * at the end) or goes on. back_sel: the list's selected row (the
	 * last row is "Go on"); revisit: a question was opened from the list.
	 */
	size_t back_sel, back_top;
	bool revisit;
	int top;		/* first row shown when the screen scrolls */
	int tip_top;		/* first row of the tip shown */
	int tip_rows, tip_total;	/* rows of the tip shown, and all of them */
};

static struct talk *
S_v(struct tui *t)
{
	return tui_state(t, &view_talk);
}

/* How many grown-ups answer in a box of their own: 0 for one grown-up. */
static size_t
S_n_voices(const struct tui *t)
{
	return tui_n_voices(t);
}

/* The boxes: the child's, then the grown-up's or each grown-up's. */
static int
S_n_boxes(const struct tui *t)
{
	return 1 + (S_n_voices(t) > 0 ? (int)S_n_voices(t) : 1);
}

static struct textfield *
S_box(struct tui *t, int i)
{
	struct talk *v = S_v(t);

	if (i == 0)
		return &v->child;
	return S_n_voices(t) > 0 ? &v->voice[i - 1] : &v->grown;
}

/* Grown-up g's draft box: "answer/PROMPT/voice-1". Caller frees. */
static char *
S_voice_box(const char *prompt_id, size_t g)
{
	return xasprintf("answer/%s/voice-%zu", prompt_id, g + 1);
}

/* Did anything typed change, or is everything blank? */
static bool
S_any(struct tui *t, bool changed)
{
	for (int i = 0; i < S_n_boxes(t); i++) {
		const struct textfield *tf = S_box(t, i);

		if (changed ? tf->changed : !textfield_blank(tf))
			return true;
	}
	return false;
}

/*
 * Record the answer: each grown-up's words under their name (SET_VOICE),
 * then the child's words (ANSWER, which moves on). False if refused.
 */
static bool
S_apply_answer(struct tui *t, const struct prompt *p)
{
	struct talk *v = S_v(t);
	struct action a = { .kind = ACTION_ANSWER, .id = p->id };

	for (size_t g = 0; g < S_n_voices(t); g++) {
		struct action va = { .kind = ACTION_SET_VOICE, .id = p->id,
		    .index = g, .text = textfield_blank(&v->voice[g]) ? "" :
		    textfield_text(&v->voice[g]) };

		if (!tui_apply(t, &va))
			return false;
	}
	a.text = textfield_blank(&v->child) ? NULL : textfield_text(&v->child);
	if (S_n_voices(t) == 0)
		a.text2 = textfield_blank(&v->grown) ? NULL :
		    textfield_text(&v->grown);
	return tui_apply(t, &a);
}

static void
S_fill(struct tui *t)
{
	struct talk *v = S_v(t);
	const struct prompt *p = flow_current(&t->flow);
	const struct answer *a = p != NULL ? session_answer(&t->flow.s, p->id) : NULL;

	const char *dc = NULL, *dg = NULL;

	if (p != NULL) {
		char *box = session_draft_box(p->id, false);

		dc = session_draft(&t->flow.s, box);
		free(box);
		box = session_draft_box(p->id, true);
		dg = session_draft(&t->flow.s, box);
		free(box);
	}
	/* What was being typed last time comes back in its box. */
	textfield_set(&v->child, dc != NULL ? dc : a != NULL ? a->child : NULL);
	textfield_set(&v->grown, dg != NULL ? dg : a != NULL ? a->grown_up : NULL);
	v->child.changed = dc != NULL;
	v->grown.changed = dg != NULL;
	v->focus = dc == NULL && dg != NULL ? 1 : 0;
	for (size_t g = 0; p != NULL && g < S_n_voices(t); g++) {
		char *box = S_voice_box(p->id, g);
		const char *dv = session_draft(&t->flow.s, box);

		free(box);
		textfield_set(&v->voice[g], dv != NULL ? dv :
		    session_voice(a, t->flow.s.grown_ups[g]));
		v->voice[g].changed = dv != NULL;
		if (dv != NULL && dc == NULL && v->focus == 0)
			v->focus = 1 + (int)g;
	}
	v->shown = t->flow.s.position;
	v->top = v->tip_top = 0;	/* a new question shows from its top */
}

/* Keep what is typed in both boxes as drafts. */
static void
S_keep(struct tui *t)
{
	struct talk *v = S_v(t);
	const struct prompt *p = flow_current(&t->flow);
	const struct answer *a;
	char *box;

	if (!v->ready || p == NULL || v->shown != t->flow.s.position)
		return;
	a = session_answer(&t->flow.s, p->id);
	box = session_draft_box(p->id, false);
	tui_keep_draft(t, box, &v->child, a != NULL ? a->child : NULL);
	free(box);
	box = session_draft_box(p->id, true);
	tui_keep_draft(t, box, &v->grown, a != NULL ? a->grown_up : NULL);
	free(box);
	for (size_t g = 0; g < S_n_voices(t); g++) {
		box = S_voice_box(p->id, g);
		tui_keep_draft(t, box, &v->voice[g],
		    session_voice(a, t->flow.s.grown_ups[g]));
		free(box);
	}
}

static void
S_open(struct tui *t)
{
	struct talk *v = S_v(t);

	if (!v->ready) {
		textfield_init(&v->child, SESSION_MAX_TEXT_BYTES, true);
		textfield_init(&v->grown, SESSION_MAX_TEXT_BYTES, true);
		for (size_t g = 0; g < SESSION_MAX_GROWN_UPS; g++)
			textfield_init(&v->voice[g], SESSION_MAX_TEXT_BYTES, true);
		v->ready = true;
	}
	v->tip = false;
	v->tip_top = v->top = 0;
	v->revisit = false;
	v->shown = (size_t)-1;
	S_fill(t);
}

static void
S_cleanup(void *state)
{
	struct talk *v = state;

	if (!v->ready)
		return;
	textfield_cleanup(&v->child);
	textfield_cleanup(&v->grown);
	for (size_t g = 0; g < SESSION_MAX_GROWN_UPS; g++)
		textfield_cleanup(&v->voice[g]);
	v->ready = false;
}

/* Past the last prompt: on to choosing the agreement. */
static void
S_to_agreement(struct tui *t)
{
	struct action a = { .kind = ACTION_START_AGREEING };
	char *cause = NULL;

	if (t->flow.s.stage == STAGE_TALKING &&
	    flow_apply(&t->flow, &a, &cause) != 0) {
		tui_mistake_cause(t, cause);
		return;
	}
	tui_note(t, "Every answer is saved. Now choose the rules that fit your family.");
	tui_switch(t, &view_agree);
}

/* Is the prompt at pos put off or skipped? */
static bool
S_open_at(const struct tui *t, size_t pos)
{
	const struct answer *a = session_answer(&t->flow.s,
	    t->flow.prompts[pos]->id);

	return a != NULL && (a->state == ANSWER_LATER || a->state == ANSWER_SKIPPED);
}

/* The first prompt put off or skipped at or after from, or n_prompts. */
static size_t
S_next_open(const struct tui *t, size_t from)
{
	while (from < t->flow.n_prompts && !S_open_at(t, from))
		from++;
	return from;
}

/* How many prompts are put off or skipped. */
static size_t
S_n_open(const struct tui *t)
{
	return flow_count(&t->flow, ANSWER_LATER) +
	    flow_count(&t->flow, ANSWER_SKIPPED);
}

/* Save what is typed, if anything changed. Returns false if refused. */
static bool
S_save_typed(struct tui *t)
{
	const struct prompt *p = flow_current(&t->flow);
	char *cause = NULL;
	size_t pos = t->flow.s.position;

	if (p == NULL || !S_any(t, true))
		return true;
	if (!S_any(t, false))
		return true;
	if (!S_apply_answer(t, p))
		return false;
	/* Saving moves on; stay put so the caller decides where to go. */
	if (t->flow.s.position != pos) {
		struct action g = { .kind = ACTION_GOTO, .number = (long)pos };

		if (flow_apply(&t->flow, &g, &cause) != 0)
			tui_mistake_cause(t, cause);
	}
	for (int i = 0; i < S_n_boxes(t); i++)
		S_box(t, i)->changed = false;
	return true;
}

static void
S_goto(struct tui *t, size_t pos)
{
	struct talk *v = S_v(t);
	struct action a = { .kind = ACTION_GOTO, .number = (long)pos };

	if (!tui_apply(t, &a))
		return;
	if (pos >= t->flow.n_prompts && S_n_open(t) == 0)
		S_to_agreement(t);
	else {
		if (pos >= t->flow.n_prompts) {
			v->revisit = false;
			v->back_sel = v->back_top = 0;
		}
		S_fill(t);
	}
}

/* After a question: the next one, or (from the list) the next still open. */
static void
S_onward(struct tui *t, size_t pos)
{
	struct talk *v = S_v(t);

	S_goto(t, v->revisit ? S_next_open(t, pos + 1) : pos + 1);
}

static void
S_mark(struct tui *t, enum action_kind k)
{
	const struct prompt *p = flow_current(&t->flow);
	struct action a = { .kind = k };
	size_t pos = t->flow.s.position;

	if (p == NULL)
		return;
	if (!S_save_typed(t))
		return;
	a.id = p->id;
	if (!tui_apply(t, &a))
		return;
	tui_note(t, k == ACTION_SKIP ? "Skipped." :
	    k == ACTION_LATER ? "Marked to talk about again later." : "Saved.");
	S_onward(t, pos);
}

static void
S_confirm(struct tui *t)
{
	struct talk *v = S_v(t);
	const struct prompt *p = flow_current(&t->flow);

	if (p == NULL) {
		S_to_agreement(t);
		return;
	}
	if (v->focus < S_n_boxes(t) - 1) {
		v->focus++;
		return;
	}
	if (!S_any(t, false)) {
		const struct answer *a = session_answer(&t->flow.s, p->id);

		if (a != NULL && a->state != ANSWER_OPEN) {
			S_onward(t, t->flow.s.position);
			return;
		}
		tui_mistake(t, "Nothing typed yet: type what you said, or %s to "
		    "skip, %s to talk about it later.", tui_key(t, REQ_SKIP),
		    tui_key(t, REQ_LATER));
		v->focus = 0;
		return;
	}
	{
		size_t pos = t->flow.s.position;

		if (!S_apply_answer(t, p))
			return;
		tui_note(t, "Saved.");
		S_onward(t, pos);
	}
}

static void
S_previous(struct tui *t)
{
	size_t pos = t->flow.s.position;

	if (!S_save_typed(t))
		return;
	tui_clear_note(t);
	if (pos == 0) {
		struct action a = { .kind = ACTION_BACK };

		if (!tui_apply(t, &a))
			return;
		tui_switch(t, &view_family);
		return;
	}
	S_goto(t, pos - 1);
}

/* The list after the last question: rows are the open questions, then "Go on". */
static void
S_back_request(struct tui *t, enum request r)
{
	struct talk *v = S_v(t);
	size_t n = S_n_open(t), pos;

	if (v->back_sel > n)
		v->back_sel = n;
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
	case REQ_SCROLL_UP:
		v->back_sel = v->back_sel > 0 ? v->back_sel - 1 : n;
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
	case REQ_SCROLL_DOWN:
		v->back_sel = v->back_sel < n ? v->back_sel + 1 : 0;
		break;
	case REQ_FIRST:
		v->back_sel = 0;
		break;
	case REQ_LAST:
		v->back_sel = n;
		break;
	case REQ_ENTER:
	case REQ_RIGHT:
		if (n == 0 || v->back_sel == n) {
			v->revisit = false;
			S_to_agreement(t);
			break;
		}
		pos = S_next_open(t, 0);
		for (size_t i = 0; i < v->back_sel; i++)
			pos = S_next_open(t, pos + 1);
		tui_clear_note(t);
		S_goto(t, pos);
		v->revisit = true;
		break;
	case REQ_BACK:
	case REQ_PREVIOUS:
	case REQ_PAGE_UP:
		v->revisit = false;
		S_previous(t);
		break;
	default:		/* PgDn and the rest do not leave the list */
		break;
	}
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	struct talk *v = S_v(t);
	struct textfield *tf;
	enum tf_result res;

	if (v->shown != t->flow.s.position)
		S_fill(t);
	if (v->focus >= S_n_boxes(t))
		v->focus = 0;
	tf = S_box(t, v->focus);
	if (flow_current(&t->flow) == NULL) {
		S_back_request(t, r);
		return;
	}
	res = textfield_request(tf, r, ch, t->lay.text_cols - 4);
	if (res == TF_CHANGED || res == TF_MOVED) {
		if (res == TF_CHANGED)
			tui_clear_note(t);
		return;
	}
	if (res == TF_REFUSED) {
		if (r == REQ_ED_CHAR)
			tui_mistake(t, "That answer is as long as it can be.");
		return;
	}
	switch (r) {
	case REQ_ENTER:
		S_confirm(t);
		break;
	case REQ_NEXT_FIELD:
		v->focus = (v->focus + 1) % S_n_boxes(t);
		break;
	case REQ_PREV_FIELD:
		v->focus = (v->focus + S_n_boxes(t) - 1) % S_n_boxes(t);
		break;
	case REQ_DOWN:
		if (v->focus < S_n_boxes(t) - 1)
			v->focus++;
		break;
	case REQ_UP:
		if (v->focus > 0)
			v->focus--;
		break;
	case REQ_TIP:
		/* Shown, then page by page when it is cut, then hidden. */
		if (!v->tip) {
			v->tip = true;
			v->tip_top = 0;
		} else if (v->tip_top + v->tip_rows < v->tip_total)
			v->tip_top += v->tip_rows > 3 ? v->tip_rows - 1 : v->tip_rows;
		else
			v->tip = false;
		break;
	case REQ_SCROLL_UP:
	case REQ_SCROLL_DOWN:
		/* The wheel scrolls a tip that is cut. */
		if (v->tip && v->tip_rows < v->tip_total) {
			v->tip_top += r == REQ_SCROLL_UP ? -1 : 1;
			if (v->tip_top < 0)
				v->tip_top = 0;
		}
		break;
	case REQ_SKIP:
		S_mark(t, ACTION_SKIP);
		break;
	case REQ_LATER:
		S_mark(t, ACTION_LATER);
		break;
	case REQ_PREVIOUS:
	case REQ_BACK:
		S_previous(t);
		break;
	case REQ_PAGE_DOWN:
		if (S_save_typed(t))
			S_onward(t, t->flow.s.position);
		break;
	case REQ_PAGE_UP:
		S_previous(t);
		break;
	default:
		break;
	}
}

/* The topic and progress, with a thin progress bar under it. */
static void
S_heading(struct tui *t, int x, int y, int w, const char *head,
    const struct answer *ans)
{
	int filled = (int)((long)w * (long)(t->flow.s.position) /
	    (long)(t->flow.n_prompts > 0 ? t->flow.n_prompts : 1));

	tui_text(t, y, x, head, w, ROLE_UI_LABEL);
	if (ans != NULL && ans->state != ANSWER_OPEN) {
		const char *st = ans->state == ANSWER_GIVEN ? "answered" :
		    ans->state == ANSWER_SKIPPED ? "skipped" : "for later";

		tui_text(t, y, x + w - (int)strlen(st), st, w, ROLE_UI_MUTED);
	}
	for (int i = 0; i < w; i++)
		tui_text(t, y + 1, x + i, i < filled ? "\xe2\x94\x81" :
		    "\xe2\x94\x80", 1, i < filled ? ROLE_UI_ON : ROLE_UI_BORDER);
}

/* Click places: box i is i (the child's 0), the tip, the list's rows from S_HIT_LIST. */
enum { S_HIT_TIP = 50, S_HIT_LIST = 100 };

/* After the last question: what is still open, and the way on. */
static void
S_draw_back(struct tui *t)
{
	struct talk *v = S_v(t);
	const struct layout *l = &t->lay;
	int x = l->text_left, w = l->text_cols, y = l->body_top;
	int bottom = l->body_top + l->body_rows, rows;
	size_t n = S_n_open(t), pos, i;
	char *line;

	if (n == 0) {
		tui_wrapped(t, y + 2, x, w, 3, "That was the last question.",
		    ROLE_UI_QUESTION, true);
		line = xasprintf("Press %s to choose the rules for your agreement, "
		    "or %s to go back.", tui_key(t, REQ_ENTER), tui_key(t, REQ_BACK));
		tui_wrapped(t, y + 4, x, w, 3, line, ROLE_UI_NORMAL, true);
		free(line);
		return;
	}
	if (v->back_sel > n)
		v->back_sel = n;
	tui_text(t, y, x, "Come back to these", w, ROLE_UI_HEADING);
	line = xasprintf("That was the last question. %zu %s put off or "
	    "skipped: talk about %s now, or go on.", n,
	    n == 1 ? "question was" : "questions were", n == 1 ? "it" : "them");
	y += 1 + tui_wrapped(t, y + 1, x, w, 3, line, ROLE_UI_NORMAL, false) + 1;
	free(line);
	/* One row a question; scrolled so the selected row shows. */
	rows = bottom - y - 2;
	if (rows < 1)
		rows = 1;
	if (v->back_sel < n) {
		if (v->back_sel < v->back_top)
			v->back_top = v->back_sel;
		if (v->back_sel >= v->back_top + (size_t)rows)
			v->back_top = v->back_sel - (size_t)rows + 1;
	}
	pos = S_next_open(t, 0);
	for (i = 0; i < n && pos < t->flow.n_prompts; i++, pos = S_next_open(t, pos + 1)) {
		const struct answer *a = session_answer(&t->flow.s,
		    t->flow.prompts[pos]->id);
		const char *st = a->state == ANSWER_LATER ? "later" : "skipped";
		bool sel = i == v->back_sel;
		int sw = (int)strlen(st);

		if (i < v->back_top || i >= v->back_top + (size_t)rows)
			continue;
		if (sel)
			tui_fill(t, y, x, w, ROLE_UI_SELECTED);
		tui_hit(t, y, x, w, 1, S_HIT_LIST + (int)i);
		tui_text(t, y, x, sel ? "\xe2\x96\xb8" : " ", 1,
		    sel ? ROLE_UI_SELECTED : ROLE_UI_NORMAL);
		tui_text_cut(t, y, x + 2, t->flow.prompts[pos]->question, w - sw - 4,
		    sel ? ROLE_UI_SELECTED : ROLE_UI_NORMAL);
		tui_text(t, y, x + w - sw, st, sw, sel ? ROLE_UI_SELECTED : ROLE_UI_MUTED);
		y++;
	}
	y++;
	if (v->back_sel == n)
		tui_fill(t, y, x, w, ROLE_UI_SELECTED);
	tui_hit(t, y, x, w, 1, S_HIT_LIST + (int)n);
	tui_text(t, y, x, v->back_sel == n ? "\xe2\x96\xb8" : " ", 1,
	    v->back_sel == n ? ROLE_UI_SELECTED : ROLE_UI_NORMAL);
	tui_text(t, y, x + 2, "Go on to choosing the agreement", w - 2,
	    v->back_sel == n ? ROLE_UI_SELECTED : ROLE_UI_STRONG);
}

/* The tip and its follow-ups as one text, wrapped into *wl at w. Caller frees. */
static char *
S_tip_text(const struct prompt *p, int w, struct wrap_lines *wl)
{
	char *text = xstrdup(p->tip != NULL ? p->tip : "");

	for (size_t i = 0; i < p->n_follow_ups; i++) {
		char *more = xasprintf("%s\nThen ask: %s", text, p->follow_ups[i]);

		free(text);
		text = more;
	}
	wrap_text(text, strlen(text), w, wl);
	return text;
}

static void
S_draw(struct tui *t)
{
	struct talk *v = S_v(t);
	const struct layout *l = &t->lay;
	const struct prompt *p;
	const struct answer *ans;
	int x = l->text_left, w = l->text_cols, body = l->body_rows;
	int qh, rows, base, tip_area, total, y0, y, b1, bf, to, from, cap, nb;
	bool one;
	char head[256], *label, *tip = NULL;
	struct wrap_lines tl;
	const char *grown = t->flow.s.n_grown_ups == 1 ? t->flow.s.grown_ups[0] :
	    "The grown-ups";

	if (v->shown != t->flow.s.position)
		S_fill(t);
	p = flow_current(&t->flow);
	if (p == NULL) {
		S_draw_back(t);
		return;
	}
	snprintf(head, sizeof head, "%s \xc2\xb7 %zu of %zu", topic_title(p->topic),
	    t->flow.s.position + 1, t->flow.n_prompts);
	ans = session_answer(&t->flow.s, p->id);
	/*
	 * Rows from the screen's top (0): the heading and its bar, a gap, the
	 * question (in a box if a scenario), a gap, the tip (or where to find
	 * it), then the answer boxes (the child's, then the grown-up's or
	 * each grown-up's) as tall as fit. A tip longer than the room left
	 * shows in part, marked "more", and scrolls; a window too short for
	 * all of it scrolls to the box being typed in. Too low for a box each
	 * (60x18 with two or three grown-ups): the child's box and the
	 * grown-up speaking now, the next one a key away.
	 */
	qh = tui_wrapped(t, -1, 0, w - 8, 5, p->question, ROLE_UI_QUESTION, true) +
	    (p->scenario ? 2 : 0);
	if (v->focus >= S_n_boxes(t))
		v->focus = 0;
	nb = S_n_boxes(t);
	one = nb > 2 && body - (3 + qh + 1 + 2 * nb) - 1 < nb;
	if (one)
		nb = 2;
	base = 3 + qh + 1 + 2 * nb;
	wrap_lines_init(&tl);
	v->tip_total = 0;
	if (v->tip) {
		tip = S_tip_text(p, w - 4, &tl);
		v->tip_total = (int)tl.n;
	}
	tip_area = v->tip ? v->tip_total + 1 : 1;
	cap = body >= 40 ? 10 : 6;
	rows = (body - base - tip_area) / nb;
	rows = rows > cap ? cap : rows < 1 ? 1 : rows;
	v->tip_rows = v->tip_total;
	if (v->tip && base + nb * rows + v->tip_rows + 1 > body) {
		v->tip_rows = body - base - nb * rows - 1;
		if (v->tip_rows < 2)
			v->tip_rows = 2;
		if (v->tip_rows > v->tip_total)
			v->tip_rows = v->tip_total;
	}
	if (v->tip_top > v->tip_total - v->tip_rows)
		v->tip_top = v->tip_total - v->tip_rows;
	if (v->tip_top < 0)
		v->tip_top = 0;
	tip_area = v->tip ? v->tip_rows + 1 : 1;
	total = base + tip_area + nb * rows;
	b1 = 3 + qh + 1 + tip_area;
	/* The focused box's row: the second of two when only two show. */
	bf = b1 + (one ? (v->focus > 0 ? 1 : 0) : v->focus) * (rows + 2);
	to = bf + rows + 2;
	/* As much above the box as fits: the question, else the tip, else the box. */
	from = to <= body ? 0 : to - 3 <= body ? 3 : to - (3 + qh + 1) <= body ?
	    3 + qh + 1 : bf;
	if (total > body)
		y0 = tui_scroll(t, &v->top, total, from, to);
	else {
		/* Down from the top as if the tip were hidden, so showing it
		 * does not move the question; only as far as everything fits. */
		int plain = base + 1 + nb * rows;

		y0 = tui_top(t, plain);
		if (y0 > l->body_top + body - total)
			y0 = l->body_top + body - total;
		if (y0 < l->body_top)
			y0 = l->body_top;
	}
	y = y0;
	S_heading(t, x, y, w, head, ans);
	y += 3;
	/* The question: centred and bold; a scenario sits in a labelled box. */
	if (p->scenario) {
		tui_box(t, y, x + 1, w - 2, qh, ROLE_UI_SCENARIO);
		tui_text(t, y, x + 3, " What would you do? ", w - 6, ROLE_UI_SCENARIO);
		tui_wrapped(t, y + 1, x + 4, w - 8, 5, p->question, ROLE_UI_SCENARIO, true);
	} else
		tui_wrapped(t, y, x + 4, w - 8, 5, p->question, ROLE_UI_QUESTION, true);
	y += qh + 1;
	/* The tip, or where to find it. */
	tui_hit(t, y, x, w, v->tip ? v->tip_rows : 1, S_HIT_TIP);
	if (v->tip) {
		for (int i = 0; i < v->tip_rows; i++) {
			const struct wrap_line *ln = &tl.lines[v->tip_top + i];

			tui_textn(t, y + i, x + 2, tip + ln->start, ln->len, w - 4,
			    ROLE_UI_TIP);
		}
		if (v->tip_top == 0)
			tui_text(t, y, x, "\xe2\x80\xa2", 1, ROLE_UI_TIP);
		/* Cut: say so, at the end it goes on from. */
		if (v->tip_top > 0)
			tui_text(t, y - 1, x + w - 8, " \xe2\x86\x91 more ", 8, ROLE_UI_LABEL);
		if (v->tip_top + v->tip_rows < v->tip_total)
			tui_text(t, y + v->tip_rows, x + w - 8,
			    " \xe2\x86\x93 more ", 8, ROLE_UI_LABEL);
		y += v->tip_rows + 1;
	} else {
		label = xasprintf("%s: a tip for the grown-up", tui_key(t, REQ_TIP));
		tui_text(t, y, x, label, w, ROLE_UI_MUTED);
		free(label);
		y += 1;
	}
	free(tip);
	wrap_lines_cleanup(&tl);
	label = xasprintf("%s's words", tui_child_name(t));
	tui_field(t, y, x, w, rows, label, &v->child, v->focus == 0);
	tui_hit(t, y, x, w, rows + 2, 0);
	free(label);
	y += rows + 2;
	if (S_n_voices(t) > 0) {
		/* Each grown-up in their own words, under their own name. */
		size_t speaking = v->focus > 0 ? (size_t)v->focus - 1 : 0;

		for (size_t g = 0; g < S_n_voices(t); g++) {
			if (one && g != speaking)
				continue;
			label = tui_voice_label(t, g, one, "'s words");
			tui_field(t, y, x, w, rows, label, &v->voice[g],
			    v->focus == 1 + (int)g);
			tui_hit(t, y, x, w, rows + 2, 1 + (int)g);
			free(label);
			y += rows + 2;
		}
		return;
	}
	label = xasprintf("%s's words", grown);
	if (t->flow.s.n_grown_ups != 1) {
		free(label);
		label = xstrdup("The grown-ups' words");
	}
	tui_field(t, y, x, w, rows, label, &v->grown, v->focus == 1);
	tui_hit(t, y, x, w, rows + 2, 1);
	free(label);
}

/* A click: a box takes the focus, the tip shows or hides, a row of the list is chosen. */
static void
S_click(struct tui *t, int id)
{
	struct talk *v = S_v(t);

	if (id >= S_HIT_LIST) {
		if ((size_t)(id - S_HIT_LIST) == v->back_sel)
			S_back_request(t, REQ_ENTER);
		else
			v->back_sel = (size_t)(id - S_HIT_LIST);
		return;
	}
	if (flow_current(&t->flow) == NULL)
		return;
	if (id == S_HIT_TIP) {
		v->tip = !v->tip;
		v->tip_top = 0;
	} else if (id >= 0 && id < S_n_boxes(t))
		v->focus = id;
}

static struct textfield *
S_text_box(struct tui *t)
{
	struct talk *v = S_v(t);

	if (!v->ready || flow_current(&t->flow) == NULL)
		return NULL;
	if (v->shown != t->flow.s.position)
		S_fill(t);
	if (v->focus >= S_n_boxes(t))
		v->focus = 0;
	return S_box(t, v->focus);
}

static enum keys_mode
S_mode(struct tui *t)
{
	return flow_current(&t->flow) != NULL ? KEYS_EDIT : KEYS_BROWSE;
}

static const struct tui_binding *
S_bindings(struct tui *t)
{
	static const struct tui_binding last[] = {
		{ REQ_ENTER, "choose the rules", "Go on to choosing the agreement" },
		{ REQ_BACK, "back", "Back to the last question" },
		{ REQ_PREVIOUS, NULL, "Back to the last question" },
		{ REQ_PAGE_UP, NULL, "Back to the last question" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding back[] = {
		{ REQ_UP, "choose", NULL }, { REQ_DOWN, "choose", NULL },
		{ REQ_ENTER, "talk about it / go on",
		    "Talk about the question chosen, or go on" },
		{ REQ_NEXT_FIELD, NULL, "Next in the list" },
		{ REQ_PREV_FIELD, NULL, "Back up the list" },
		{ REQ_FIRST, NULL, NULL }, { REQ_LAST, NULL, NULL },
		{ REQ_BACK, "back", "Back to the last question" },
		{ REQ_PREVIOUS, NULL, "Back to the last question" },
		{ REQ_PAGE_UP, NULL, "Back to the last question" },
		TUI_BINDINGS_END
	};
#define S_TALK_BINDINGS(tip) { \
		{ REQ_ENTER, "next", "Next box; in the last, save and go on" }, \
		{ REQ_NEXT_FIELD, "other box", "The next box" }, \
		{ REQ_TIP, tip, "Show the grown-up's tip, the rest of it, or hide it" }, \
		{ REQ_SKIP, "skip", "Skip this question" }, \
		{ REQ_LATER, "later", "Talk about this again later" }, \
		{ REQ_BACK, "back", "Back to the question before" }, \
		{ REQ_PREV_FIELD, NULL, "The box before" }, \
		{ REQ_UP, NULL, "Move up in the answer, or to the box above" }, \
		{ REQ_DOWN, NULL, "Move down in the answer, or to the box below" }, \
		{ REQ_PREVIOUS, NULL, "Back to the question before" }, \
		{ REQ_PAGE_UP, NULL, "The question before" }, \
		{ REQ_PAGE_DOWN, NULL, "The next question (what is typed is kept)" }, \
		TUI_BINDINGS_END }
	static const struct tui_binding hidden[] = S_TALK_BINDINGS("tip");
	static const struct tui_binding more[] = S_TALK_BINDINGS("more tip");
	static const struct tui_binding shown[] = S_TALK_BINDINGS("hide tip");
#undef S_TALK_BINDINGS
	struct talk *v = S_v(t);

	if (flow_current(&t->flow) == NULL)
		return S_n_open(t) > 0 ? back : last;
	if (!v->tip)
		return hidden;
	return v->tip_top + v->tip_rows < v->tip_total ? more : shown;
}

static const char *const S_help[] = {
	"Talking together",
	"Read the question out loud and talk about it. Then type what the",
	"child said in the first box, and what the grown-up said in the",
	"second, and go on to the next question. With two or three",
	"grown-ups, each has a box of their own under their name; a box",
	"left empty passes.",
	"",
	"Questions in a box marked \"What would you do?\" are stories to",
	"imagine together: there is no wrong answer.",
	"Questions put off or skipped come back after the last one.",
	NULL
};

const struct view view_talk = {
	.name = "Talking together", .open = S_open, .draw = S_draw,
	.request = S_request, .field = S_text_box, .mode = S_mode,
	.bindings = S_bindings, .help = S_help, .click = S_click, .keep = S_keep,
	.state_size = sizeof (struct talk), .cleanup = S_cleanup
};
