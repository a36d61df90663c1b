/*
 * view_sign.c: signing: each person types their own name, the date is
 * recorded, and the family chooses when to look at the agreement again.
 * When the last person signs, the agreement's files are written and the
 * done screen shows where.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agreement.h"
#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"

#define S_MAX (1 + SESSION_MAX_GROWN_UPS)

struct signer {
	enum role role;
	size_t index;		/* grown-up number */
	char *label;
};

/* The screen's state (tui_state()). */
struct sign {
	struct signer signers[S_MAX];
	struct textfield fields[S_MAX];
	size_t n;
	int row;		/* 0..n-1 names, n review, n+1 sign */
	bool ready;
	int top;		/* first row shown when the screen scrolls */
};

static struct sign *
S_v(struct tui *t)
{
	return tui_state(t, &view_sign);
}

static const int S_months[] = { 1, 3, 6, 12 };
#define S_N_MONTHS 4

static void
S_clear(struct sign *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->signers[i].label);
	v->n = 0;
}

static void
S_open(struct tui *t)
{
	struct sign *v = S_v(t);
	const struct session *s = &t->flow.s;

	if (!v->ready) {
		for (int i = 0; i < S_MAX; i++)
			textfield_init(&v->fields[i], 64, false);
		v->ready = true;
	}
	S_clear(v);
	v->signers[v->n].role = ROLE_CHILD;
	v->signers[v->n].index = 0;
	v->signers[v->n].label = xasprintf("%s signs here", tui_child_name(t));
	v->n++;
	for (size_t i = 0; i < s->n_grown_ups && v->n < S_MAX; i++) {
		v->signers[v->n].role = ROLE_GROWN_UP;
		v->signers[v->n].index = i;
		v->signers[v->n].label = xasprintf("%s signs here", s->grown_ups[i]);
		v->n++;
	}
	for (size_t i = 0; i < v->n; i++)
		textfield_set(&v->fields[i], NULL);
	v->row = 0;
}

static void
S_cleanup(void *state)
{
	struct sign *v = state;

	S_clear(v);
	if (v->ready)
		for (int i = 0; i < S_MAX; i++)
			textfield_cleanup(&v->fields[i]);
	v->ready = false;
}

/* Left/Right: the next shorter or longer time, 1 to 12 months. */
static void
S_review(struct tui *t, int delta)
{
	const struct template *tp = flow_template(&t->flow);
	int cur = session_review_months(&t->flow.s, tp), k = 0;
	struct action a = { .kind = ACTION_SET_REVIEW };
	char *cause = NULL;

	for (int i = 0; i < S_N_MONTHS; i++)
		if (S_months[i] <= cur)
			k = i;
	k += delta;
	if (k < 0 || k >= S_N_MONTHS) {
		tui_warn(t, "%s", k < 0 ? "1 month is the shortest." :
		    "12 months is the longest.");
		return;
	}
	a.number = S_months[k];
	/* The stage for choosing is AGREEING; step back and forth if needed. */
	if (t->flow.s.stage == STAGE_SIGNING) {
		struct action back = { .kind = ACTION_BACK };
		struct action fwd = { .kind = ACTION_START_SIGNING };

		if (flow_apply(&t->flow, &back, &cause) != 0 ||
		    flow_apply(&t->flow, &a, &cause) != 0) {
			tui_mistake_cause(t, cause);
			cause = NULL;
		}
		if (flow_apply(&t->flow, &fwd, &cause) != 0)
			tui_mistake_cause(t, cause);
		else
			tui_clear_note(t);
		return;
	}
	if (flow_apply(&t->flow, &a, &cause) != 0)
		tui_mistake_cause(t, cause);
}

static void
S_sign(struct tui *t)
{
	struct sign *v = S_v(t);
	char *cause = NULL;

	for (size_t i = 0; i < v->n; i++)
		if (textfield_blank(&v->fields[i])) {
			tui_mistake(t, "Everyone signs: %s still needs to type a name.",
			    i == 0 ? tui_child_name(t) :
			    t->flow.s.grown_ups[v->signers[i].index]);
			v->row = (int)i;
			return;
		}
	for (size_t i = 0; i < v->n; i++) {
		struct action a = { .kind = ACTION_SIGN };

		a.number = v->signers[i].role;
		a.index = v->signers[i].index;
		a.text = textfield_text(&v->fields[i]);
		if (flow_apply(&t->flow, &a, &cause) != 0) {
			tui_mistake_cause(t, cause);
			v->row = (int)i;
			return;
		}
	}
	if (t->flow.s.stage != STAGE_SIGNED) {
		tui_mistake(t, "Not everyone this agreement needs has signed yet.");
		return;
	}
	if (flow_write(&t->flow, &cause) != 0) {
		tui_mistake_cause(t, cause);
		return;
	}
	tui_clear_note(t);
	tui_switch(t, &view_done);
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	struct sign *v = S_v(t);
	enum tf_result res;
	struct action back = { .kind = ACTION_BACK };

	if ((size_t)v->row < v->n) {
		res = textfield_request(&v->fields[v->row], r, ch, 40);
		if (res != TF_IGNORED) {
			if (res == TF_CHANGED)
				tui_clear_note(t);
			return;
		}
	}
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
	case REQ_SCROLL_UP:
		if (v->row > 0)
			v->row--;
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
	case REQ_SCROLL_DOWN:
		if ((size_t)v->row < v->n + 1)
			v->row++;
		break;
	case REQ_LEFT:
	case REQ_RIGHT:
	case REQ_TOGGLE:
		if ((size_t)v->row == v->n)
			S_review(t, r == REQ_LEFT ? -1 : 1);
		break;
	case REQ_ENTER:
		if ((size_t)v->row == v->n + 1)
			S_sign(t);
		else
			v->row++;
		break;
	case REQ_BACK:
		tui_clear_note(t);
		if (!tui_apply(t, &back))
			break;
		tui_switch(t, &view_agree);
		break;
	default:
		break;
	}
}

static void
S_draw(struct tui *t)
{
	struct sign *v = S_v(t);
	const struct layout *l = &t->lay;
	const struct template *tp = flow_template(&t->flow);
	int x = l->text_left, w = l->text_cols, y, y0, hr, sr, total, from, to;
	char date[64], review[96], *line;
	time_t now = t->flow.now();
	int months = session_review_months(&t->flow.s, tp);

	/* The date as the agreement writes it, on main.c's calendar. */
	agreement_date(now, t->flow.utc_offset != NULL ?
	    t->flow.utc_offset(now) : 0, date, sizeof date);
	line = xasprintf("Each of you types your own name. Today's date, "
	    "%s, is written beside it.", date);
	/* Rows from the top (0); scrolled to the focus on a short window. */
	hr = tui_wrapped(t, -1, 0, w, 2, "Sign your agreement", ROLE_UI_QUESTION, true);
	sr = tui_wrapped(t, -1, 0, w, 2, line, ROLE_UI_NORMAL, true);
	total = hr + sr + 1 + 3 * (int)v->n + 1 + 2 + 1;
	if ((size_t)v->row < v->n) {
		from = v->row == 0 ? 0 : hr + sr + 1 + 3 * v->row;
		to = hr + sr + 1 + 3 * v->row + 3;
	} else {	/* the choice, or the button two rows below it */
		to = total - ((size_t)v->row == v->n ? 2 : 0);
		from = to - 1;
	}
	y0 = total > l->body_rows ? tui_scroll(t, &v->top, total, from, to) :
	    tui_top(t, total);
	y = y0;
	y += tui_wrapped(t, y, x, w, 2, "Sign your agreement", ROLE_UI_QUESTION, true);
	y += tui_wrapped(t, y, x, w, 2, line, ROLE_UI_NORMAL, true) + 1;
	free(line);
	for (size_t i = 0; i < v->n; i++) {
		tui_field(t, y, x, w, 1, v->signers[i].label, &v->fields[i],
		    v->row == (int)i);
		tui_hit(t, y, x, w, 3, (int)i);
		y += 3;
	}
	y++;
	snprintf(review, sizeof review, "in %d month%s%s", months,
	    months == 1 ? "" : "s", tp != NULL && months == tp->review_months ?
	    " (suggested)" : "");
	tui_text(t, y, x + 1, "Look at it again", 20,
	    (size_t)v->row == v->n ? ROLE_UI_LABEL : ROLE_UI_NORMAL);
	tui_choice(t, y, x + 22, w - 22, review, (size_t)v->row == v->n);
	tui_hit(t, y, x, w, 1, (int)v->n);
	y += 2;
	if ((size_t)v->row == v->n + 1)
		tui_fill(t, y, x + w / 2 - 14, 28, ROLE_UI_SELECTED);
	tui_text(t, y, x + w / 2 - 11, "Sign and write it  \xe2\x9c\x93", 24,
	    (size_t)v->row == v->n + 1 ? ROLE_UI_SELECTED : ROLE_UI_LABEL);
	tui_hit(t, y, x + w / 2 - 14, 28, 1, (int)v->n + 1);
}

/* A click focuses a name box or the choice; on the button it signs. */
static void
S_click(struct tui *t, int id)
{
	struct sign *v = S_v(t);

	if (id < 0 || (size_t)id > v->n + 1)
		return;
	v->row = id;
	if ((size_t)id == v->n + 1)
		S_sign(t);
}

static struct textfield *
S_text_box(struct tui *t)
{
	struct sign *v = S_v(t);

	(void)t;
	return (size_t)v->row < v->n ? &v->fields[v->row] : NULL;
}

static enum keys_mode
S_mode(struct tui *t)
{
	struct sign *v = S_v(t);

	(void)t;
	return (size_t)v->row < v->n ? KEYS_EDIT : KEYS_BROWSE;
}

static const struct tui_binding *
S_bindings(struct tui *t)
{
	static const struct tui_binding edit[] = {
		{ REQ_ENTER, "next", "Go to the next box" }, TUI_BIND_MOVE,
		{ REQ_BACK, "back", "Back to choosing the rules" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding choice[] = {
		TUI_BIND_CHANGE("change", "Sooner", "Later"), TUI_BIND_MOVE,
		{ REQ_ENTER, NULL, "Go on" },
		{ REQ_BACK, "back", "Back to choosing the rules" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding sign[] = {
		{ REQ_ENTER, "sign and write", "Sign, and write the agreement's files" },
		{ REQ_UP, "move", NULL }, { REQ_PREV_FIELD, NULL, NULL },
		{ REQ_BACK, "back", "Back to choosing the rules" },
		TUI_BINDINGS_END
	};
	struct sign *v = S_v(t);

	if ((size_t)v->row < v->n)
		return edit;
	return (size_t)v->row == v->n ? choice : sign;
}

static const char *const S_help[] = {
	"Signing",
	"Each person types their own name in their box: that is their",
	"signature, and today's date is recorded with it.",
	"\"Look at it again\" chooses when talkpact suggests you sit down and",
	"talk about the agreement again.",
	"\"Sign and write it\" saves the agreement as a page to print.",
	NULL
};

const struct view view_sign = {
	.name = "Signing", .open = S_open, .draw = S_draw,
	.request = S_request, .field = S_text_box, .mode = S_mode,
	.bindings = S_bindings, .help = S_help, .click = S_click,
	.state_size = sizeof (struct sign), .cleanup = S_cleanup
};
