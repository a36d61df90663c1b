/*
 * view_talk.c: the conversation: one prompt at a time, grouped by topic,
 * with progress; the question large and central, scenarios in a labelled
 * box; the grown-up's tip one key away; a box for the child's words and
 * one for the grown-up's. Answers, skips and "talk again later" are saved
 * through flow_apply() the moment they are confirmed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

static struct textfield S_child, S_grown;
/* Two or more grown-ups: a box each, for each one's own words. */
static struct textfield S_voice[SESSION_MAX_GROWN_UPS];
static bool S_ready, S_tip;
static int S_focus;		/* 0 child, then each grown-up's box */
static size_t S_shown = (size_t)-1;	/* position the boxes were filled for */
/*
 * "Come back to these": after the last question, the questions put off
 * or skipped are listed; the family talks about them one by one (each
 * then goes to the next one still open, and back to the list at the end)
 * or goes on. S_back_sel: the list's selected row (the last row is "Go
 * on"); S_revisit: a question was opened from the list.
 */
static size_t S_back_sel, S_back_top;
static bool S_revisit;

/* How many grown-ups answer in a box of their own: 0 for one grown-up. */
static size_t
S_n_voices(const struct tui *t)
{
	return t->flow.s.n_grown_ups > 1 ? t->flow.s.n_grown_ups : 0;
}

/* The boxes: the child's, then the grown-up's or each grown-up's. */
static int
S_n_boxes(const struct tui *t)
{
	return 1 + (S_n_voices(t) > 0 ? (int)S_n_voices(t) : 1);
}

static struct textfield *
S_box(const struct tui *t, int i)
{
	if (i == 0)
		return &S_child;
	return S_n_voices(t) > 0 ? &S_voice[i - 1] : &S_grown;
}

/* Grown-up g's draft box: "answer/PROMPT/voice-1". Caller frees. */
static char *
S_voice_box(const char *prompt_id, size_t g)
{
	return xasprintf("answer/%s/voice-%zu", prompt_id, g + 1);
}

/* Did anything typed change, or is everything blank? */
static bool
S_any(const struct tui *t, bool changed)
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
	struct action a = { .kind = ACTION_ANSWER, .id = p->id };

	for (size_t g = 0; g < S_n_voices(t); g++) {
		struct action v = { .kind = ACTION_SET_VOICE, .id = p->id,
		    .index = g, .text = textfield_blank(&S_voice[g]) ? "" :
		    textfield_text(&S_voice[g]) };

		if (!tui_apply(t, &v))
			return false;
	}
	a.text = textfield_blank(&S_child) ? NULL : textfield_text(&S_child);
	if (S_n_voices(t) == 0)
		a.text2 = textfield_blank(&S_grown) ? NULL :
		    textfield_text(&S_grown);
	return tui_apply(t, &a);
}

static void
S_fill(struct tui *t)
{
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
	textfield_set(&S_child, dc != NULL ? dc : a != NULL ? a->child : NULL);
	textfield_set(&S_grown, dg != NULL ? dg : a != NULL ? a->grown_up : NULL);
	S_child.changed = dc != NULL;
	S_grown.changed = dg != NULL;
	S_focus = dc == NULL && dg != NULL ? 1 : 0;
	for (size_t g = 0; p != NULL && g < S_n_voices(t); g++) {
		char *box = S_voice_box(p->id, g);
		const char *dv = session_draft(&t->flow.s, box);

		free(box);
		textfield_set(&S_voice[g], dv != NULL ? dv :
		    session_voice(a, t->flow.s.grown_ups[g]));
		S_voice[g].changed = dv != NULL;
		if (dv != NULL && dc == NULL && S_focus == 0)
			S_focus = 1 + (int)g;
	}
	S_shown = t->flow.s.position;
}

/* Keep what is typed in both boxes as drafts. */
static void
S_keep(struct tui *t)
{
	const struct prompt *p = flow_current(&t->flow);
	const struct answer *a;
	char *box;

	if (!S_ready || p == NULL || S_shown != t->flow.s.position)
		return;
	a = session_answer(&t->flow.s, p->id);
	box = session_draft_box(p->id, false);
	tui_keep_draft(t, box, &S_child, a != NULL ? a->child : NULL);
	free(box);
	box = session_draft_box(p->id, true);
	tui_keep_draft(t, box, &S_grown, a != NULL ? a->grown_up : NULL);
	free(box);
	for (size_t g = 0; g < S_n_voices(t); g++) {
		box = S_voice_box(p->id, g);
		tui_keep_draft(t, box, &S_voice[g],
		    session_voice(a, t->flow.s.grown_ups[g]));
		free(box);
	}
}

static void
S_open(struct tui *t)
{
	if (!S_ready) {
		textfield_init(&S_child, SESSION_MAX_TEXT_BYTES, true);
		textfield_init(&S_grown, SESSION_MAX_TEXT_BYTES, true);
		for (size_t g = 0; g < SESSION_MAX_GROWN_UPS; g++)
			textfield_init(&S_voice[g], SESSION_MAX_TEXT_BYTES, true);
		S_ready = true;
	}
	S_tip = false;
	S_revisit = false;
	S_fill(t);
}

static void
S_cleanup(void)
{
	if (!S_ready)
		return;
	textfield_cleanup(&S_child);
	textfield_cleanup(&S_grown);
	for (size_t g = 0; g < SESSION_MAX_GROWN_UPS; g++)
		textfield_cleanup(&S_voice[g]);
	S_ready = false;
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
	struct action a = { .kind = ACTION_GOTO, .number = (long)pos };

	if (!tui_apply(t, &a))
		return;
	if (pos >= t->flow.n_prompts && S_n_open(t) == 0)
		S_to_agreement(t);
	else {
		if (pos >= t->flow.n_prompts) {
			S_revisit = false;
			S_back_sel = S_back_top = 0;
		}
		S_fill(t);
	}
}

/* After a question: the next one, or (from the list) the next still open. */
static void
S_onward(struct tui *t, size_t pos)
{
	S_goto(t, S_revisit ? S_next_open(t, pos + 1) : pos + 1);
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
	const struct prompt *p = flow_current(&t->flow);

	if (p == NULL) {
		S_to_agreement(t);
		return;
	}
	if (S_focus < S_n_boxes(t) - 1) {
		S_focus++;
		return;
	}
	if (!S_any(t, false)) {
		const struct answer *a = session_answer(&t->flow.s, p->id);

		if (a != NULL && a->state != ANSWER_OPEN) {
			S_onward(t, t->flow.s.position);
			return;
		}
		tui_mistake(t, "Nothing typed yet: type what you said, or F3 to "
		    "skip, F4 to talk about it later.");
		S_focus = 0;
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
	size_t n = S_n_open(t), pos;

	if (S_back_sel > n)
		S_back_sel = n;
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
		S_back_sel = S_back_sel > 0 ? S_back_sel - 1 : n;
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
		S_back_sel = S_back_sel < n ? S_back_sel + 1 : 0;
		break;
	case REQ_FIRST:
		S_back_sel = 0;
		break;
	case REQ_LAST:
		S_back_sel = n;
		break;
	case REQ_ENTER:
	case REQ_RIGHT:
		if (n == 0 || S_back_sel == n) {
			S_revisit = false;
			S_to_agreement(t);
			break;
		}
		pos = S_next_open(t, 0);
		for (size_t i = 0; i < S_back_sel; i++)
			pos = S_next_open(t, pos + 1);
		tui_clear_note(t);
		S_goto(t, pos);
		S_revisit = true;
		break;
	case REQ_BACK:
	case REQ_PREVIOUS:
	case REQ_PAGE_UP:
		S_revisit = false;
		S_previous(t);
		break;
	default:		/* PgDn and the rest do not leave the list */
		break;
	}
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	struct textfield *tf;
	enum tf_result res;

	if (S_shown != t->flow.s.position)
		S_fill(t);
	if (S_focus >= S_n_boxes(t))
		S_focus = 0;
	tf = S_box(t, S_focus);
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
		S_focus = (S_focus + 1) % S_n_boxes(t);
		break;
	case REQ_PREV_FIELD:
		S_focus = (S_focus + S_n_boxes(t) - 1) % S_n_boxes(t);
		break;
	case REQ_DOWN:
		if (S_focus < S_n_boxes(t) - 1)
			S_focus++;
		break;
	case REQ_UP:
		if (S_focus > 0)
			S_focus--;
		break;
	case REQ_TIP:
		S_tip = !S_tip;
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

/* After the last question: what is still open, and the way on. */
static void
S_draw_back(struct tui *t)
{
	const struct layout *l = &t->lay;
	int x = l->text_left, w = l->text_cols, y = l->body_top;
	int bottom = l->body_top + l->body_rows, rows;
	size_t n = S_n_open(t), pos, i;
	char *line;

	if (n == 0) {
		tui_wrapped(t, y + 2, x, w, 3, "That was the last question.",
		    ROLE_UI_QUESTION, true);
		tui_wrapped(t, y + 4, x, w, 3, "Press Enter to choose the rules "
		    "for your agreement, or Esc to go back.", ROLE_UI_NORMAL, true);
		return;
	}
	if (S_back_sel > n)
		S_back_sel = n;
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
	if (S_back_sel < n) {
		if (S_back_sel < S_back_top)
			S_back_top = S_back_sel;
		if (S_back_sel >= S_back_top + (size_t)rows)
			S_back_top = S_back_sel - (size_t)rows + 1;
	}
	pos = S_next_open(t, 0);
	for (i = 0; i < n && pos < t->flow.n_prompts; i++, pos = S_next_open(t, pos + 1)) {
		const struct answer *a = session_answer(&t->flow.s,
		    t->flow.prompts[pos]->id);
		const char *st = a->state == ANSWER_LATER ? "later" : "skipped";
		bool sel = i == S_back_sel;
		int sw = (int)strlen(st);

		if (i < S_back_top || i >= S_back_top + (size_t)rows)
			continue;
		if (sel)
			tui_fill(t, y, x, w, ROLE_UI_SELECTED);
		tui_text(t, y, x, sel ? "\xe2\x96\xb8" : " ", 1,
		    sel ? ROLE_UI_SELECTED : ROLE_UI_NORMAL);
		tui_text(t, y, x + 2, t->flow.prompts[pos]->question, w - sw - 4,
		    sel ? ROLE_UI_SELECTED : ROLE_UI_NORMAL);
		tui_text(t, y, x + w - sw, st, sw, sel ? ROLE_UI_SELECTED : ROLE_UI_MUTED);
		y++;
	}
	y++;
	if (S_back_sel == n)
		tui_fill(t, y, x, w, ROLE_UI_SELECTED);
	tui_text(t, y, x, S_back_sel == n ? "\xe2\x96\xb8" : " ", 1,
	    S_back_sel == n ? ROLE_UI_SELECTED : ROLE_UI_NORMAL);
	tui_text(t, y, x + 2, "Go on to choosing the agreement", w - 2,
	    S_back_sel == n ? ROLE_UI_SELECTED : ROLE_UI_STRONG);
}

static void
S_draw(struct tui *t)
{
	const struct layout *l = &t->lay;
	const struct prompt *p;
	const struct answer *ans;
	int x = l->text_left, w = l->text_cols, y = l->body_top;
	int bottom = l->body_top + l->body_rows, qrows, rows, avail, tip_rows, fixed, nb;
	bool one;
	char head[256], *label;
	const char *grown = t->flow.s.n_grown_ups == 1 ? t->flow.s.grown_ups[0] :
	    "The grown-ups";

	if (S_shown != t->flow.s.position)
		S_fill(t);
	p = flow_current(&t->flow);
	if (p == NULL) {
		S_draw_back(t);
		return;
	}
	snprintf(head, sizeof head, "%s \xc2\xb7 %zu of %zu", topic_title(p->topic),
	    t->flow.s.position + 1, t->flow.n_prompts);
	ans = session_answer(&t->flow.s, p->id);
	/* How tall is the rest? Then boxes as tall as fit, and all of it a
	 * little down from the top on a tall window. */
	qrows = tui_wrapped(t, -1, 0, w - 8, 5, p->question, ROLE_UI_QUESTION, true);
	tip_rows = 1;
	if (S_tip) {
		tip_rows = tui_wrapped(t, -1, 0, w - 4, bottom - y, p->tip,
		    ROLE_UI_TIP, false);
		for (size_t i = 0; i < p->n_follow_ups; i++) {
			char *f = xasprintf("Then ask: %s", p->follow_ups[i]);

			tip_rows += tui_wrapped(t, -1, 0, w - 4, 2, f, ROLE_UI_TIP, false);
			free(f);
		}
	}
	nb = S_n_boxes(t);
	fixed = 3 + qrows + (p->scenario ? 2 : 0) + 1 + tip_rows +
	    (S_tip ? 1 : 0) + 2 * nb;
	/*
	 * Too low for a box each (60x18 with two or three grown-ups): the
	 * child's box and the grown-up speaking now, Tab to the next.
	 */
	one = nb > 2 && l->body_rows - fixed < nb;
	if (one) {
		fixed -= 2 * (nb - 2);
		nb = 2;
	}
	rows = (l->body_rows - fixed) / nb;
	if (rows > (l->body_rows >= 40 ? 10 : 6))
		rows = l->body_rows >= 40 ? 10 : 6;
	if (rows < 1)
		rows = 1;
	/* Down from the top as if the tip were hidden, so showing it does not
	 * move the question; only as far as everything still fits. */
	{
		int plain = fixed - tip_rows - (S_tip ? 1 : 0) + 1;
		int top = tui_top(t, plain + nb * rows);

		if (top > bottom - fixed - nb * rows)
			top = bottom - fixed - nb * rows;
		if (top > y)
			y = top;
	}
	S_heading(t, x, y, w, head, ans);
	y += 3;
	/* The question: centred and bold; a scenario sits in a labelled box. */
	if (p->scenario) {
		tui_box(t, y, x + 1, w - 2, qrows + 2, ROLE_UI_SCENARIO);
		tui_text(t, y, x + 3, " What would you do? ", w - 6, ROLE_UI_SCENARIO);
		tui_wrapped(t, y + 1, x + 4, w - 8, 5, p->question, ROLE_UI_SCENARIO, true);
		y += qrows + 2;
	} else {
		tui_wrapped(t, y, x + 4, w - 8, 5, p->question, ROLE_UI_QUESTION, true);
		y += qrows;
	}
	y++;
	/* The tip, or where to find it. */
	avail = bottom - y;
	if (S_tip) {
		int tr = avail - nb * (rows + 2) > 2 ? avail - nb * (rows + 2) : 2;
		int used = tui_wrapped(t, y, x + 2, w - 4, tr, p->tip, ROLE_UI_TIP, false);

		tui_text(t, y, x, "\xe2\x80\xa2", 1, ROLE_UI_TIP);
		y += used;
		for (size_t i = 0; i < p->n_follow_ups &&
		    y < bottom - nb * (rows + 2) - 1; i++) {
			char *f = xasprintf("Then ask: %s", p->follow_ups[i]);

			y += tui_wrapped(t, y, x + 2, w - 4, 2, f, ROLE_UI_TIP, false);
			free(f);
		}
	} else
		tui_text(t, y, x, "F2: a tip for the grown-up", w, ROLE_UI_MUTED);
	y += 1;
	label = xasprintf("%s's words", tui_child_name(t));
	tui_field(t, y, x, w, rows, label, &S_child, S_focus == 0);
	free(label);
	y += rows + 2;
	if (S_n_voices(t) > 0) {
		/* Each grown-up in their own words, under their own name. */
		for (size_t g = 0; g < S_n_voices(t); g++) {
			size_t speaking = S_focus > 0 ? (size_t)S_focus - 1 : 0;

			if (one && g != speaking)
				continue;
			label = one ? xasprintf("%s's words (%zu of %zu; Tab: "
			    "next)", t->flow.s.grown_ups[g], g + 1,
			    S_n_voices(t)) : xasprintf("%s's words",
			    t->flow.s.grown_ups[g]);
			tui_field(t, y, x, w, rows, label, &S_voice[g],
			    S_focus == 1 + (int)g);
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
	tui_field(t, y, x, w, rows, label, &S_grown, S_focus == 1);
	free(label);
}

static struct textfield *
S_text_box(struct tui *t)
{
	if (!S_ready || flow_current(&t->flow) == NULL)
		return NULL;
	if (S_shown != t->flow.s.position)
		S_fill(t);
	if (S_focus >= S_n_boxes(t))
		S_focus = 0;
	return S_box(t, S_focus);
}

static enum keys_mode
S_mode(struct tui *t)
{
	return flow_current(&t->flow) != NULL ? KEYS_EDIT : KEYS_BROWSE;
}

static const struct tui_hint *
S_hints(struct tui *t)
{
	static const struct tui_hint back[] = {
		{ "\xe2\x86\x91\xe2\x86\x93", "choose" },
		{ "Enter", "talk about it / go on" }, { "Esc", "back" },
		{ "F1", "help" }, { "F10", "quit" }, { NULL, NULL }
	};
	static const struct tui_hint h[] = {
		{ "Enter", "next" }, { "Tab", "other box" }, { "F2", "tip" },
		{ "F3", "skip" }, { "F4", "later" }, { "Esc", "back" },
		{ "F1", "help" }, { "F10", "quit" }, { NULL, NULL }
	};

	return flow_current(&t->flow) == NULL && S_n_open(t) > 0 ? back : h;
}

static const char *const S_help[] = {
	"Talking together",
	"Read the question out loud and talk about it. Then type what the",
	"child said in the first box, and what the grown-up said in the",
	"second. Enter moves to the next box, then saves and goes on.",
	"",
	"F2 (or Ctrl-T)   show or hide a tip for the grown-up",
	"F3 (or Ctrl-N)   skip this question",
	"F4 (or Ctrl-O)   talk about this again later",
	"Esc or F5        back to the question before",
	"PgUp / PgDn      previous / next question",
	"Alt-Enter        a new line inside an answer",
	"",
	"Questions in a box marked \"What would you do?\" are stories to",
	"imagine together: there is no wrong answer.",
	"Questions put off or skipped come back after the last one.",
	NULL
};

const struct view view_talk = {
	.name = "Talking together", .open = S_open, .draw = S_draw,
	.request = S_request, .field = S_text_box, .mode = S_mode, .hints = S_hints, .help = S_help,
	.keep = S_keep, .cleanup = S_cleanup
};
