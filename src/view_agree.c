/*
 * view_agree.c: choosing the agreement: the template's blanks (times and
 * numbers checked as they are typed), its sections with each clause
 * switched on or off, the family's own rules and whom each binds, and the
 * grown-ups' promises. Every change goes through flow_apply() and is
 * saved at once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blank.h"
#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

enum item_kind {
	IT_HEADING, IT_BLANK, IT_CLAUSE, IT_RULE, IT_ADD_RULE, IT_PROMISE,
	IT_CONTINUE
};

struct item {
	enum item_kind kind;
	const char *title;		/* IT_HEADING */
	const struct blank *blank;
	const struct clause *clause;
	const struct promise *promise;
	size_t rule;			/* IT_RULE: index */
};

/* The screen's state (tui_state()). */
struct agree {
	struct item *items;
	size_t n, cap, sel, top;
	struct textfield field;	/* the blank or new rule being typed */
	bool ready;
	long field_for;		/* item the field holds; -1 none */
	int new_binds;
	long remove_armed;	/* the rule asked to remove, awaiting a second ask; -1 */
	/*
	 * "Not agreed yet" being written for one item: who (0 the child,
	 * then each grown-up) and why, in their words. na_item is NULL
	 * otherwise.
	 */
	char *na_item;
	size_t na_who;
	struct textfield na_why;
};
#define S_NEW_RULE_BOX "rule/new"

static struct agree *
S_v(struct tui *t)
{
	return tui_state(t, &view_agree);
}

static void
S_add(struct agree *v, struct item it)
{
	v->items = xgrow(v->items, &v->cap, v->n, sizeof *v->items);
	v->items[v->n++] = it;
}

static void
S_build(struct tui *t)
{
	struct agree *v = S_v(t);
	const struct template *tp = flow_template(&t->flow);

	v->n = 0;
	v->field_for = -1;
	if (tp == NULL)
		return;
	if (tp->n_blanks > 0) {
		S_add(v, (struct item){ .kind = IT_HEADING, .title = "Fill in the blanks" });
		for (size_t i = 0; i < tp->n_blanks; i++)
			S_add(v, (struct item){ .kind = IT_BLANK, .blank = &tp->blanks[i] });
	}
	for (size_t s = 0; s < tp->n_sections; s++) {
		S_add(v, (struct item){ .kind = IT_HEADING, .title = tp->sections[s].title });
		for (size_t i = 0; i < tp->sections[s].n_clauses; i++)
			S_add(v, (struct item){ .kind = IT_CLAUSE,
			    .clause = &tp->sections[s].clauses[i] });
	}
	S_add(v, (struct item){ .kind = IT_HEADING, .title = "Our own rules" });
	for (size_t i = 0; i < t->flow.s.n_rules; i++)
		S_add(v, (struct item){ .kind = IT_RULE, .rule = i });
	S_add(v, (struct item){ .kind = IT_ADD_RULE });
	if (tp->n_promises > 0) {
		S_add(v, (struct item){ .kind = IT_HEADING, .title = "The grown-ups' promises" });
		for (size_t i = 0; i < tp->n_promises; i++)
			S_add(v, (struct item){ .kind = IT_PROMISE, .promise = &tp->promises[i] });
	}
	S_add(v, (struct item){ .kind = IT_CONTINUE });
	if (v->sel >= v->n)
		v->sel = v->n - 1;
	while (v->sel < v->n && v->items[v->sel].kind == IT_HEADING)
		v->sel++;
}

static bool
S_typed(const struct item *it)
{
	return (it->kind == IT_BLANK && it->blank->kind != BLANK_CHOICE) ||
	    it->kind == IT_ADD_RULE;
}

/* Load the field for the selected item if it is a typed one. */
static void
S_load_field(struct tui *t)
{
	struct agree *v = S_v(t);
	const struct item *it = &v->items[v->sel];

	if ((long)v->sel == v->field_for)
		return;
	v->field_for = (long)v->sel;
	if (it->kind == IT_BLANK) {
		/* A value typed but not confirmed before comes back. */
		char *box = xasprintf("blank/%s", it->blank->id);
		const char *d = session_draft(&t->flow.s, box);

		textfield_set(&v->field, d != NULL ? d :
		    session_blank(&t->flow.s, it->blank));
		v->field.changed = d != NULL;
		free(box);
	} else	/* a new rule half written before comes back */
		textfield_set(&v->field, it->kind == IT_ADD_RULE ?
		    session_draft(&t->flow.s, S_NEW_RULE_BOX) : NULL);
}

static void
S_open(struct tui *t)
{
	struct agree *v = S_v(t);

	if (!v->ready) {
		textfield_init(&v->field, SESSION_MAX_TEXT_BYTES, false);
		textfield_init(&v->na_why, SESSION_MAX_REASON_BYTES, false);
		v->new_binds = BINDS_EVERYONE;
		v->ready = true;
	}
	free(v->na_item);
	v->na_item = NULL;
	v->sel = 0;
	v->remove_armed = -1;
	v->top = 0;
	S_build(t);
	if (v->n > 0)
		S_load_field(t);
	if (session_rest(&t->flow.s, t->flow.c) > 0)
		tui_note(t, "%s left %zu questions for another evening: %s "
		    "talks about them.", t->flow.s.talk == TALK_TOPICS ?
		    "The topics you chose" : "The short talk",
		    session_rest(&t->flow.s, t->flow.c), tui_key(t, REQ_BACK));
}

static void
S_cleanup(void *state)
{
	struct agree *v = state;

	free(v->items);
	v->items = NULL;
	v->n = v->cap = 0;
	if (v->ready) {
		textfield_cleanup(&v->field);
		textfield_cleanup(&v->na_why);
	}
	free(v->na_item);
	v->na_item = NULL;
	v->ready = false;
}

/* Save a typed blank being left. Returns false if it is refused. */
static bool
S_commit(struct tui *t)
{
	struct agree *v = S_v(t);
	const struct item *it;
	struct action a = { .kind = ACTION_SET_BLANK };
	char *msg;

	if (v->n == 0 || v->field_for != (long)v->sel)
		return true;
	it = &v->items[v->sel];
	if (it->kind == IT_ADD_RULE) {
		/* Leaving a new rule half written keeps it (Esc too). */
		tui_keep_draft(t, S_NEW_RULE_BOX, &v->field, NULL);
		return true;
	}
	if (it->kind != IT_BLANK || !v->field.changed)
		return true;
	if (blank_parse(it->blank, textfield_text(&v->field), false, NULL,
	    &msg) != 0) {
		tui_mistake(t, "%s", msg);
		free(msg);
		return false;
	}
	a.id = it->blank->id;
	a.text = textfield_text(&v->field);
	if (!tui_apply(t, &a))
		return false;
	v->field.changed = false;
	tui_note(t, "Saved.");
	return true;
}

static void
S_move(struct tui *t, int delta)
{
	struct agree *v = S_v(t);
	size_t i = v->sel;

	if (!S_commit(t))
		return;
	for (;;) {
		if (delta < 0 && i == 0)
			return;
		if (delta > 0 && i + 1 >= v->n)
			return;
		i = delta < 0 ? i - 1 : i + 1;
		if (v->items[i].kind != IT_HEADING)
			break;
	}
	v->sel = i;
	S_load_field(t);
}

static void
S_apply(struct tui *t, struct action *a, const char *done)
{
	if (tui_apply(t, a) && done != NULL)
		tui_note(t, "%s", done);
}

static void
S_toggle(struct tui *t, int delta)
{
	struct agree *v = S_v(t);
	const struct item *it = &v->items[v->sel];
	struct action a = { 0 };
	const struct blank *b;
	const char *cur;
	size_t k = 0;

	switch (it->kind) {
	case IT_CLAUSE:
	case IT_PROMISE: {
		static const char *const said[2][2] = {
			{ "Left out.", "Promised." }, { "Switched off.", "Switched on." }
		};
		bool clause = it->kind == IT_CLAUSE;

		a.kind = clause ? ACTION_SET_CLAUSE : ACTION_SET_PROMISE;
		a.id = clause ? it->clause->id : it->promise->id;
		a.flag = clause ? !session_clause_on(&t->flow.s, it->clause) :
		    !session_promise_on(&t->flow.s, it->promise);
		S_apply(t, &a, said[clause][a.flag]);
		break;
	}
	case IT_BLANK:
		b = it->blank;
		if (b->kind != BLANK_CHOICE || b->n_choices == 0)
			break;
		cur = session_blank(&t->flow.s, b);
		for (size_t i = 0; i < b->n_choices; i++)
			if (cur != NULL && strcmp(cur, b->choices[i]) == 0)
				k = i;
		k = (k + b->n_choices + (size_t)(delta < 0 ? -1 : 1)) % b->n_choices;
		a.kind = ACTION_SET_BLANK;
		a.id = b->id;
		a.text = b->choices[k];
		S_apply(t, &a, NULL);
		break;
	case IT_RULE: {
		const struct own_rule *r = &t->flow.s.rules[it->rule];

		a.kind = ACTION_EDIT_RULE;
		a.index = it->rule;
		a.text = r->text;
		a.number = ((int)r->binds + BINDS__COUNT + (delta < 0 ? -1 : 1)) %
		    BINDS__COUNT;
		/* The status line says what the choice now shows. */
		if (tui_apply(t, &a))
			tui_note(t, "This rule is now for %s.",
			    binds_shown((enum binds)a.number));
		break;
	}
	case IT_ADD_RULE:
		v->new_binds = (v->new_binds + BINDS__COUNT + (delta < 0 ? -1 : 1)) %
		    BINDS__COUNT;
		tui_note(t, "The new rule will be for %s.",
		    binds_shown((enum binds)v->new_binds));
		break;
	default:
		break;
	}
}

static void
S_continue(struct tui *t)
{
	struct action a = { .kind = ACTION_START_SIGNING };
	char *cause = NULL;

	if (!S_commit(t))
		return;
	if (t->flow.s.stage == STAGE_AGREEING && flow_apply(&t->flow, &a, &cause) != 0) {
		tui_mistake_cause(t, cause);
		return;
	}
	tui_clear_note(t);
	tui_switch(t, &view_review);
}

static void
S_enter(struct tui *t)
{
	struct agree *v = S_v(t);
	const struct item *it = &v->items[v->sel];
	struct action a = { 0 };

	switch (it->kind) {
	case IT_ADD_RULE:
		if (textfield_blank(&v->field)) {
			tui_mistake(t, "Type your rule first, then press %s.",
			    tui_key(t, REQ_ENTER));
			return;
		}
		a.kind = ACTION_ADD_RULE;
		a.text = textfield_text(&v->field);
		a.number = v->new_binds;
		if (!tui_apply(t, &a))
			return;
		tui_note(t, "Rule added, for %s.", binds_shown((enum binds)a.number));
		S_build(t);
		v->sel++;	/* stay on "add a rule" below the new one */
		while (v->sel < v->n && v->items[v->sel].kind != IT_ADD_RULE)
			v->sel++;
		v->field_for = -1;
		S_load_field(t);
		break;
	case IT_CONTINUE:
		S_continue(t);
		break;
	case IT_BLANK:
		if (S_commit(t))
			S_move(t, 1);
		break;
	default:
		S_toggle(t, 1);
		break;
	}
}

/* The item id of a clause, promise or rule for "not agreed yet", or NULL. */
static char *
S_item_id(const struct item *it)
{
	return it->kind == IT_CLAUSE ? session_item_id("clause", it->clause->id, 0) :
	    it->kind == IT_PROMISE ? session_item_id("promise", it->promise->id, 0) :
	    it->kind == IT_RULE ? session_item_id("rule", NULL, it->rule + 1) : NULL;
}

/* The person na_who names. */
static const char *
S_na_name(struct tui *t)
{
	struct agree *v = S_v(t);

	return v->na_who == 0 ? tui_child_name(t) :
	    t->flow.s.grown_ups[v->na_who - 1];
}

/*
 * n on a rule or promise: when someone holds it back, everyone agrees
 * now; else ask who does not agree yet, and why.
 */
static void
S_not_yet(struct tui *t, const struct item *it)
{
	struct agree *v = S_v(t);
	char *item = S_item_id(it);
	const struct not_agreed *na;

	if (item == NULL)
		return;
	if (session_item_agreed(&t->flow.s, item)) {
		v->na_item = item;
		v->na_who = 0;
		textfield_set(&v->na_why, NULL);
		tui_note(t, "Who does not agree yet, and why?");
		return;
	}
	while ((na = session_not_agreed(&t->flow.s, item, 0)) != NULL) {
		char *who = xstrdup(na->who);
		struct action a = { .kind = ACTION_SET_NOT_AGREED, .id = item,
		    .text = who, .flag = false };
		bool done = tui_apply(t, &a);

		free(who);
		if (!done)
			break;
	}
	tui_note(t, "Agreed by everyone now.");
	free(item);
}

/* Typing who and why: Enter saves, Esc leaves it. */
static void
S_not_yet_request(struct tui *t, enum request r, wchar_t ch)
{
	struct agree *v = S_v(t);
	size_t people = 1 + t->flow.s.n_grown_ups;
	struct action a = { .kind = ACTION_SET_NOT_AGREED, .flag = true };

	if (textfield_request(&v->na_why, r, ch, 40) != TF_IGNORED)
		return;
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
		v->na_who = (v->na_who + people - 1) % people;
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
		v->na_who = (v->na_who + 1) % people;
		break;
	case REQ_ENTER:
		a.id = v->na_item;
		a.text = S_na_name(t);
		a.text2 = textfield_blank(&v->na_why) ? NULL :
		    textfield_text(&v->na_why);
		if (!tui_apply(t, &a))
			break;
		tui_note(t, "Not agreed yet by %s: it goes under \"Still to "
		    "agree\".", a.text);
		/* FALLTHROUGH */
	case REQ_BACK:
		free(v->na_item);
		v->na_item = NULL;
		break;
	default:
		break;
	}
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	struct agree *v = S_v(t);
	const struct item *it;
	enum tf_result res;
	struct action a = { 0 };
	char *msg;

	if (v->na_item != NULL) {
		S_not_yet_request(t, r, ch);
		return;
	}
	if (v->n == 0) {
		if (r == REQ_BACK)
			tui_switch(t, t->flow.s.replaces != NULL ? &view_reviewing :
			    &view_talk);
		return;
	}
	it = &v->items[v->sel];
	if (r != REQ_REMOVE && v->remove_armed >= 0) {
		v->remove_armed = -1;
		tui_clear_note(t);
	}
	if (S_typed(it)) {
		S_load_field(t);
		res = textfield_request(&v->field, r, ch, 40);
		if (res == TF_CHANGED) {
			tui_clear_note(t);
			if (it->kind == IT_BLANK && blank_parse(it->blank,
			    textfield_text(&v->field), true, NULL, &msg) != 0) {
				tui_warn(t, "%s", msg);
				free(msg);
			}
			return;
		}
		if (res == TF_MOVED || res == TF_REFUSED)
			return;
	}
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
	case REQ_SCROLL_UP:
		S_move(t, -1);
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
	case REQ_SCROLL_DOWN:
		S_move(t, 1);
		break;
	case REQ_PAGE_UP:
		for (int i = 0; i < t->lay.body_rows / 2; i++)
			S_move(t, -1);
		break;
	case REQ_PAGE_DOWN:
		for (int i = 0; i < t->lay.body_rows / 2; i++)
			S_move(t, 1);
		break;
	case REQ_FIRST:
		if (S_commit(t)) {
			v->sel = 0;
			while (v->sel + 1 < v->n && v->items[v->sel].kind == IT_HEADING)
				v->sel++;
			S_load_field(t);
		}
		break;
	case REQ_LAST:
		if (S_commit(t)) {
			v->sel = v->n - 1;
			S_load_field(t);
		}
		break;
	case REQ_TOGGLE:
	case REQ_RIGHT:
		S_toggle(t, 1);
		break;
	case REQ_LEFT:
		S_toggle(t, -1);
		break;
	case REQ_ENTER:
		S_enter(t);
		break;
	case REQ_ADD:
		if (S_commit(t)) {
			while (v->sel + 1 < v->n && v->items[v->sel].kind != IT_ADD_RULE)
				v->sel++;
			while (v->sel > 0 && v->items[v->sel].kind != IT_ADD_RULE)
				v->sel--;
			S_load_field(t);
		}
		break;
	case REQ_NOT_YET:
		S_not_yet(t, it);
		break;
	case REQ_REMOVE:
		/* One key must not throw a rule away: x twice removes it. */
		if (it->kind == IT_RULE && v->remove_armed != (long)it->rule) {
			v->remove_armed = (long)it->rule;
			tui_warn(t, "Press %s again to remove \"%s\"; any other "
			    "key keeps it.", tui_key(t, REQ_REMOVE),
			    t->flow.s.rules[it->rule].text);
			return;
		}
		if (it->kind == IT_RULE) {
			a.kind = ACTION_REMOVE_RULE;
			a.index = it->rule;
			S_apply(t, &a, "Rule removed.");
			S_build(t);
			v->field_for = -1;
			S_load_field(t);
		}
		break;
	case REQ_BACK:
		if (!S_commit(t))
			break;
		/* After a short talk, back is on to the questions it left. */
		a.kind = session_rest(&t->flow.s, t->flow.c) > 0 ?
		    ACTION_SET_TALK : ACTION_BACK;
		a.number = TALK_ALL;
		if (!tui_apply(t, &a))
			break;
		tui_clear_note(t);
		/* A review goes back to reviewing. */
		tui_switch(t, t->flow.s.stage == STAGE_REVIEWING ?
		    &view_reviewing : &view_talk);
		break;
	default:
		break;
	}
}

/* How many people hold the item back (a row each under it). */
static int
S_held_rows(struct tui *t, const struct item *it)
{
	char *item = S_item_id(it);
	int n = 0;

	while (item != NULL && session_not_agreed(&t->flow.s, item, (size_t)n) != NULL)
		n++;
	free(item);
	return n;
}

/* Under an item: "Not agreed yet by Maya: why", a row each. */
static void
S_draw_held(struct tui *t, const struct item *it, int y, int x, int w)
{
	char *item = S_item_id(it);
	const struct not_agreed *na;

	for (size_t k = 0; item != NULL &&
	    (na = session_not_agreed(&t->flow.s, item, k)) != NULL; k++) {
		char *line = xasprintf("Not agreed yet by %s%s%s", na->who,
		    na->reason != NULL ? ": " : "",
		    na->reason != NULL ? na->reason : "");

		tui_text(t, y + (int)k, x + 5, line, w - 6, ROLE_UI_TIP);
		free(line);
	}
	free(item);
}

/* Rows an item takes at width w. */
static int
S_height(struct tui *t, const struct item *it, int w, char **text_out)
{
	char *text = NULL;
	int h = 1;

	switch (it->kind) {
	case IT_CLAUSE:
		text = flow_clause_text(&t->flow, it->clause);
		break;
	case IT_PROMISE:
		text = xstrdup(it->promise->text);
		break;
	case IT_RULE:
		text = xasprintf("%s (for %s%s)", t->flow.s.rules[it->rule].text,
		    binds_shown(t->flow.s.rules[it->rule].binds),
		    t->flow.s.rules[it->rule].house ? "; a house rule, agreed" : "");
		break;
	case IT_HEADING:
	case IT_BLANK:
		h = 2;
		break;
	default:
		break;
	}
	if (text != NULL)
		h = tui_wrapped(t, -1, 0, w - 6, 6, text, ROLE_UI_NORMAL, false) +
		    S_held_rows(t, it);
	if (text_out != NULL)
		*text_out = text;
	else
		free(text);
	return h;
}

static void
S_draw_item(struct tui *t, const struct item *it, int y, int x, int w,
    bool sel, char *text)
{
	struct agree *v = S_v(t);
	enum tui_role r = sel ? ROLE_UI_SELECTED : ROLE_UI_NORMAL;
	const char *val;
	int lw;

	switch (it->kind) {
	case IT_HEADING:
		tui_text(t, y + 1, x, it->title, w, ROLE_UI_HEADING);
		break;
	case IT_BLANK:
		/* The label on one row, its value below it. */
		lw = 4;
		tui_text(t, y, x + 2, it->blank->label, w - 2,
		    sel ? ROLE_UI_LABEL : ROLE_UI_NORMAL);
		y++;
		if (it->blank->kind == BLANK_CHOICE) {
			int vw;

			val = session_blank(&t->flow.s, it->blank);
			val = val != NULL ? val : "";
			vw = wrap_width(val, strlen(val));
			if (sel) {
				tui_text(t, y, x + lw, "\xe2\x97\x82 ", 2, ROLE_UI_BORDER_FOCUS);
				tui_fill(t, y, x + lw + 2, vw + 2, ROLE_UI_SELECTED);
			}
			tui_text(t, y, x + lw + 3, val, w - lw - 6,
			    sel ? ROLE_UI_SELECTED : ROLE_UI_STRONG);
			if (sel)
				tui_text(t, y, x + lw + 5 + vw, "\xe2\x96\xb8", 1,
				    ROLE_UI_BORDER_FOCUS);
		} else if (sel)
			tui_line_field(t, y, x + lw + 2, w - lw - 2, &v->field, true);
		else {
			val = session_blank(&t->flow.s, it->blank);
			tui_text(t, y, x + lw + 3, val != NULL ? val : "", w - lw - 3,
			    ROLE_UI_STRONG);
		}
		break;
	case IT_CLAUSE:
	case IT_PROMISE: {
		bool on = it->kind == IT_CLAUSE ?
		    session_clause_on(&t->flow.s, it->clause) :
		    session_promise_on(&t->flow.s, it->promise);
		int h = tui_wrapped(t, -1, 0, w - 6, 6, text, r, false);

		if (sel)
			for (int i = 0; i < h; i++)
				tui_fill(t, y + i, x, w, ROLE_UI_SELECTED);
		tui_text(t, y, x + 1, S_held_rows(t, it) > 0 ? "[?]" : on ? "[x]" :
		    "[ ]", 3, sel ? ROLE_UI_SELECTED : on ? ROLE_UI_ON : ROLE_UI_OFF);
		tui_wrapped(t, y, x + 5, w - 6, 6, text,
		    sel ? ROLE_UI_SELECTED : on ? ROLE_UI_NORMAL : ROLE_UI_MUTED, false);
		S_draw_held(t, it, y + h, x, w);
		break;
	}
	case IT_RULE: {
		int h = tui_wrapped(t, -1, 0, w - 6, 6, text, r, false);

		if (sel)
			for (int i = 0; i < h; i++)
				tui_fill(t, y + i, x, w, ROLE_UI_SELECTED);
		tui_text(t, y, x + 1, S_held_rows(t, it) > 0 ? "?" :
		    "\xe2\x80\xa2", 1, r);
		tui_wrapped(t, y, x + 5, w - 6, 6, text, r, false);
		S_draw_held(t, it, y + h, x, w);
		break;
	}
	case IT_ADD_RULE: {
		char *who = xasprintf("for %s", binds_shown((enum binds)v->new_binds));

		if (sel) {
			free(who);
			who = xasprintf("for %s (change after)",
			    binds_shown((enum binds)v->new_binds));
		}
		int ww = wrap_width(who, strlen(who));

		tui_text(t, y, x + 1, "+", 1, ROLE_UI_LABEL);
		if (sel) {
			tui_line_field(t, y, x + 4, w - ww - 10, &v->field, true);
			tui_text(t, y, x + w - ww - 4, "\xe2\x97\x82 ", 2, ROLE_UI_BORDER_FOCUS);
			tui_text(t, y, x + w - ww - 2, who, ww, ROLE_UI_LABEL);
			tui_text(t, y, x + w - 1, "\xe2\x96\xb8", 1, ROLE_UI_BORDER_FOCUS);
		} else
			tui_text(t, y, x + 4, "Add a rule of your own", w - 5, ROLE_UI_MUTED);
		free(who);
		break;
	}
	case IT_CONTINUE:
		if (sel)
			tui_fill(t, y, x + w / 2 - 16, 32, ROLE_UI_SELECTED);
		tui_text(t, y, x + w / 2 - 13, "Read it through and sign  \xe2\x86\x92", 30,
		    sel ? ROLE_UI_SELECTED : ROLE_UI_LABEL);
		break;
	}
}

static void
S_draw(struct tui *t)
{
	struct agree *v = S_v(t);
	const struct layout *l = &t->lay;
	int x = l->text_left, w = l->text_cols, y = l->body_top;
	int bottom = l->body_top + l->body_rows, used;
	const struct template *tp = flow_template(&t->flow);

	if (tp == NULL || v->n == 0) {
		char *m = xasprintf("This session's agreement template is not "
		    "loaded. Check the content folders, or press %s to go back.",
		    tui_key(t, REQ_BACK));

		tui_wrapped(t, y + 2, x, w, 4, m, ROLE_UI_ERROR, true);
		free(m);
		return;
	}
	tui_text(t, y, x, tp->title, w, ROLE_UI_QUESTION);
	y += 1;
	/* Scroll so the selected item (and its heading) shows. */
	if (v->sel < v->top)
		v->top = v->sel > 0 && v->items[v->sel - 1].kind == IT_HEADING ?
		    v->sel - 1 : v->sel;
	for (;;) {
		used = 0;
		for (size_t i = v->top; i <= v->sel; i++)
			used += S_height(t, &v->items[i], w, NULL);
		if (used <= bottom - y || v->top >= v->sel)
			break;
		v->top++;
	}
	for (size_t i = v->top; i < v->n && y < bottom; i++) {
		char *text = NULL;
		int h = S_height(t, &v->items[i], w, &text);

		if (y + h > bottom && i != v->sel) {
			free(text);
			break;
		}
		S_draw_item(t, &v->items[i], y, x, w, i == v->sel, text);
		if (v->items[i].kind != IT_HEADING)
			tui_hit(t, y, x, w, h, (int)i);
		free(text);
		y += h;
		if (y >= bottom && i + 1 < v->n)
			t->more_below = true;
	}
	t->more_above = t->more_above || v->top > 0;
	if (v->na_item != NULL) {
		char *who = xasprintf("Not agreed yet by \xe2\x97\x82 %s \xe2\x96\xb8, why:",
		    S_na_name(t));
		int ww = wrap_width(who, strlen(who));

		tui_fill(t, bottom - 1, x, w, ROLE_UI_NORMAL);
		tui_text(t, bottom - 1, x, who, w, ROLE_UI_LABEL);
		tui_line_field(t, bottom - 1, x + ww + 1, w - ww - 1, &v->na_why, true);
		free(who);
	}
}

static struct textfield *
S_text_box(struct tui *t)
{
	struct agree *v = S_v(t);

	if (v->ready && v->na_item != NULL)
		return &v->na_why;
	if (!v->ready || v->n == 0 || !S_typed(&v->items[v->sel]))
		return NULL;
	S_load_field(t);
	return &v->field;
}

/* Keep a new rule being written as a draft. */
static void
S_keep(struct tui *t)
{
	struct agree *v = S_v(t);
	const struct item *it;

	if (!v->ready || v->n == 0 || v->field_for != (long)v->sel)
		return;
	it = &v->items[v->sel];
	if (it->kind == IT_ADD_RULE)
		tui_keep_draft(t, S_NEW_RULE_BOX, &v->field, NULL);
	else if (it->kind == IT_BLANK && S_typed(it)) {
		char *box = xasprintf("blank/%s", it->blank->id);

		tui_keep_draft(t, box, &v->field, session_blank(&t->flow.s, it->blank));
		free(box);
	}
}

static enum keys_mode
S_mode(struct tui *t)
{
	struct agree *v = S_v(t);

	(void)t;
	return v->na_item != NULL || (v->n > 0 && S_typed(&v->items[v->sel])) ?
	    KEYS_EDIT : KEYS_BROWSE;
}

/* A click chooses an item; on the chosen one it acts as Enter; the button is pressed. */
static void
S_click(struct tui *t, int id)
{
	struct agree *v = S_v(t);

	if (id < 0 || (size_t)id >= v->n || v->items[id].kind == IT_HEADING)
		return;
	if ((size_t)id == v->sel) {
		if (!S_typed(&v->items[id]))
			S_enter(t);
		return;
	}
	if (!S_commit(t))
		return;
	v->sel = (size_t)id;
	v->remove_armed = -1;
	S_load_field(t);
	if (v->items[id].kind == IT_CONTINUE)
		S_continue(t);
}

static const struct tui_binding *
S_bindings(struct tui *t)
{
#define S_MOVES TUI_BIND_MOVE, \
		{ REQ_PAGE_UP, NULL, NULL }, { REQ_PAGE_DOWN, NULL, NULL }
#define S_BACK { REQ_BACK, "back", "Back to the questions" }
	static const struct tui_binding toggle[] = {
		{ REQ_TOGGLE, "on/off", NULL },
		{ REQ_NOT_YET, "not yet", "Someone does not agree to this yet "
		    "(again: everyone agrees now)" }, S_MOVES,
		{ REQ_ADD, "add a rule", "To the box for a rule of your own" },
		S_BACK, { REQ_ENTER, NULL, "Switch on or off" },
		{ REQ_FIRST, NULL, NULL }, { REQ_LAST, NULL, NULL },
		TUI_BINDINGS_END
	};
	static const struct tui_binding choice[] = {
		TUI_BIND_CHANGE("change", "The choice before", "The next choice"),
		S_MOVES, S_BACK,
		{ REQ_ENTER, NULL, "Go on to the next" },
		{ REQ_ADD, NULL, "To the box for a rule of your own" },
		{ REQ_FIRST, NULL, NULL }, { REQ_LAST, NULL, NULL },
		TUI_BINDINGS_END
	};
	static const struct tui_binding rule[] = {
		TUI_BIND_CHANGE("who it is for", "Whom the rule is for",
		    "Whom the rule is for"),
		{ REQ_REMOVE, "remove", "Remove this rule (asks again first)" },
		{ REQ_NOT_YET, "not yet", "Someone does not agree to this yet "
		    "(again: everyone agrees now)" },
		S_MOVES, S_BACK,
		{ REQ_ENTER, NULL, "Whom the rule is for" },
		{ REQ_ADD, NULL, "To the box for a rule of your own" },
		{ REQ_FIRST, NULL, NULL }, { REQ_LAST, NULL, NULL },
		TUI_BINDINGS_END
	};
	static const struct tui_binding typed[] = {
		{ REQ_ENTER, "save", "Save it and go to the next" }, S_MOVES, S_BACK,
		TUI_BINDINGS_END
	};
	static const struct tui_binding add[] = {
		{ REQ_ENTER, "add", "Add the rule typed" }, S_MOVES, S_BACK,
		TUI_BINDINGS_END
	};
	static const struct tui_binding cont[] = {
		{ REQ_ENTER, "read it through", "Read the agreement through, to sign it" },
		{ REQ_UP, "move", NULL }, { REQ_PREV_FIELD, NULL, NULL },
		{ REQ_PAGE_UP, NULL, NULL }, S_BACK,
		{ REQ_ADD, NULL, "To the box for a rule of your own" },
		{ REQ_FIRST, NULL, NULL },
		TUI_BINDINGS_END
	};
	static const struct tui_binding none[] = { S_BACK, TUI_BINDINGS_END };
	static const struct tui_binding not_yet[] = {
		{ REQ_UP, "who", "The one before" }, { REQ_DOWN, "who", "The next one" },
		{ REQ_NEXT_FIELD, NULL, NULL }, { REQ_PREV_FIELD, NULL, NULL },
		{ REQ_ENTER, "save", "Save who does not agree yet, and why" },
		{ REQ_BACK, "leave it", "Leave it as it was" },
		TUI_BINDINGS_END
	};
#undef S_MOVES
#undef S_BACK
	struct agree *v = S_v(t);
	const struct item *it;

	if (v->na_item != NULL)
		return not_yet;
	if (v->n == 0)
		return none;
	it = &v->items[v->sel];
	switch (it->kind) {
	case IT_BLANK:
		return it->blank->kind == BLANK_CHOICE ? choice : typed;
	case IT_ADD_RULE:
		return add;
	case IT_RULE:
		return rule;
	case IT_CONTINUE:
		return cont;
	default:
		return toggle;
	}
}

static const char *const S_help[] = {
	"Choosing your agreement",
	"First fill in the blanks: times (like 19:30), numbers, and choices.",
	"The clauses below use them.",
	"Each rule is switched on [x] or off [ ]; only rules that are on go",
	"into your agreement.",
	"Under \"Our own rules\", type a rule of your own and add it; each of",
	"your rules says whom it is for, and can be removed (it asks twice).",
	"When someone does not agree to a rule or promise yet, say who and",
	"why: it goes under \"Still to agree\", and asking again agrees it.",
	"The grown-ups' promises are what the grown-ups agree to do.",
	"Everything is saved as you go. At the end, read it through and sign.",
	NULL
};

const struct view view_agree = {
	.name = "Choosing our agreement", .open = S_open, .draw = S_draw,
	.request = S_request, .field = S_text_box, .keep = S_keep, .mode = S_mode,
	.bindings = S_bindings, .help = S_help, .click = S_click,
	.state_size = sizeof (struct agree), .cleanup = S_cleanup
};
