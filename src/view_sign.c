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

static struct signer S_signers[S_MAX];
static struct textfield S_fields[S_MAX];
static size_t S_n;
static int S_row;		/* 0..S_n-1 names, S_n review, S_n+1 sign */
static bool S_ready;

static const int S_months[] = { 1, 3, 6, 12 };
#define S_N_MONTHS 4

static void
S_clear(void)
{
	for (size_t i = 0; i < S_n; i++)
		free(S_signers[i].label);
	S_n = 0;
}

static void
S_open(struct tui *t)
{
	const struct session *s = &t->flow.s;

	if (!S_ready) {
		for (int i = 0; i < S_MAX; i++)
			textfield_init(&S_fields[i], 64, false);
		S_ready = true;
	}
	S_clear();
	S_signers[S_n].role = ROLE_CHILD;
	S_signers[S_n].index = 0;
	S_signers[S_n].label = xasprintf("%s signs here", tui_child_name(t));
	S_n++;
	for (size_t i = 0; i < s->n_grown_ups && S_n < S_MAX; i++) {
		S_signers[S_n].role = ROLE_GROWN_UP;
		S_signers[S_n].index = i;
		S_signers[S_n].label = xasprintf("%s signs here", s->grown_ups[i]);
		S_n++;
	}
	for (size_t i = 0; i < S_n; i++)
		textfield_set(&S_fields[i], NULL);
	S_row = 0;
}

static void
S_cleanup(void)
{
	S_clear();
	if (S_ready)
		for (int i = 0; i < S_MAX; i++)
			textfield_cleanup(&S_fields[i]);
	S_ready = false;
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
	char *cause = NULL;

	for (size_t i = 0; i < S_n; i++)
		if (textfield_blank(&S_fields[i])) {
			tui_mistake(t, "Everyone signs: %s still needs to type a name.",
			    i == 0 ? tui_child_name(t) :
			    t->flow.s.grown_ups[S_signers[i].index]);
			S_row = (int)i;
			return;
		}
	for (size_t i = 0; i < S_n; i++) {
		struct action a = { .kind = ACTION_SIGN };

		a.number = S_signers[i].role;
		a.index = S_signers[i].index;
		a.text = textfield_text(&S_fields[i]);
		if (flow_apply(&t->flow, &a, &cause) != 0) {
			tui_mistake_cause(t, cause);
			S_row = (int)i;
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
	enum tf_result res;
	struct action back = { .kind = ACTION_BACK };

	if ((size_t)S_row < S_n) {
		res = textfield_request(&S_fields[S_row], r, ch, 40);
		if (res != TF_IGNORED) {
			if (res == TF_CHANGED)
				tui_clear_note(t);
			return;
		}
	}
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
		if (S_row > 0)
			S_row--;
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
		if ((size_t)S_row < S_n + 1)
			S_row++;
		break;
	case REQ_LEFT:
	case REQ_RIGHT:
	case REQ_TOGGLE:
		if ((size_t)S_row == S_n)
			S_review(t, r == REQ_LEFT ? -1 : 1);
		break;
	case REQ_ENTER:
		if ((size_t)S_row == S_n + 1)
			S_sign(t);
		else
			S_row++;
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
	const struct layout *l = &t->lay;
	const struct template *tp = flow_template(&t->flow);
	int x = l->text_left, w = l->text_cols, y = tui_top(t, 8 + 3 * (int)S_n);
	char date[64], review[96];
	time_t now = t->flow.now();
	int months = session_review_months(&t->flow.s, tp);

	/* The date as the agreement writes it, on main.c's calendar. */
	agreement_date(now, t->flow.utc_offset != NULL ?
	    t->flow.utc_offset(now) : 0, date, sizeof date);
	y += tui_wrapped(t, y, x, w, 2, "Sign your agreement", ROLE_UI_QUESTION, true);
	{
		char *line = xasprintf("Each of you types your own name. Today's date, "
		    "%s, is written beside it.", date);

		y += tui_wrapped(t, y, x, w, 2, line, ROLE_UI_NORMAL, true) + 1;
		free(line);
	}
	for (size_t i = 0; i < S_n; i++) {
		tui_field(t, y, x, w, 1, S_signers[i].label, &S_fields[i],
		    S_row == (int)i);
		y += 3;
	}
	y++;
	snprintf(review, sizeof review, "in %d month%s%s", months,
	    months == 1 ? "" : "s", tp != NULL && months == tp->review_months ?
	    " (suggested)" : "");
	tui_text(t, y, x + 1, "Look at it again", 20,
	    (size_t)S_row == S_n ? ROLE_UI_LABEL : ROLE_UI_NORMAL);
	tui_choice(t, y, x + 22, w - 22, review, (size_t)S_row == S_n);
	y += 2;
	if ((size_t)S_row == S_n + 1)
		tui_fill(t, y, x + w / 2 - 14, 28, ROLE_UI_SELECTED);
	tui_text(t, y, x + w / 2 - 11, "Sign and write it  \xe2\x9c\x93", 24,
	    (size_t)S_row == S_n + 1 ? ROLE_UI_SELECTED : ROLE_UI_LABEL);
}

static struct textfield *
S_text_box(struct tui *t)
{
	(void)t;
	return (size_t)S_row < S_n ? &S_fields[S_row] : NULL;
}

static enum keys_mode
S_mode(struct tui *t)
{
	(void)t;
	return (size_t)S_row < S_n ? KEYS_EDIT : KEYS_BROWSE;
}

static const struct tui_hint *
S_hints(struct tui *t)
{
	static const struct tui_hint edit[] = {
		{ "Enter", "next" }, { "\xe2\x86\x91\xe2\x86\x93", "move" },
		{ "Esc", "back" }, { "F1", "help" }, { "F10", "quit" }, { NULL, NULL }
	};
	static const struct tui_hint choice[] = {
		{ "\xe2\x86\x90\xe2\x86\x92", "change" }, { "\xe2\x86\x91\xe2\x86\x93", "move" },
		{ "Esc", "back" }, { "?", "help" }, { "q", "quit" }, { NULL, NULL }
	};
	static const struct tui_hint sign[] = {
		{ "Enter", "sign and write" }, { "\xe2\x86\x91", "move" },
		{ "Esc", "back" }, { "?", "help" }, { "q", "quit" }, { NULL, NULL }
	};

	(void)t;
	if ((size_t)S_row < S_n)
		return edit;
	return (size_t)S_row == S_n ? choice : sign;
}

static const char *const S_help[] = {
	"Signing",
	"Each person types their own name in their box: that is their",
	"signature, and today's date is recorded with it.",
	"\"Look at it again\" chooses when talkpact suggests you sit down and",
	"talk about the agreement again (Left and Right change it).",
	"\"Sign and write it\" saves the agreement as a page to print.",
	NULL
};

const struct view view_sign = {
	.name = "Signing", .open = S_open, .draw = S_draw,
	.request = S_request, .field = S_text_box, .mode = S_mode, .hints = S_hints, .help = S_help,
	.cleanup = S_cleanup
};
