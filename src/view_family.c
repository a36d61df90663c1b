/*
 * view_family.c: who is talking: the child's first name and age (which
 * suggests an age band the family may change), one to three grown-ups,
 * the region whose help lines the agreement lists, and how long a talk:
 * the band's short talk or all its questions, each with its time
 * estimate. Each box is saved through flow_apply() as the family moves on
 * from it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"
#include "tui_view.h"
#include "util.h"
#include "wrap.h"

enum row {
	ROW_CHILD, ROW_AGE, ROW_BAND, ROW_GROWN_UP1, ROW_GROWN_UP2,
	ROW_GROWN_UP3, ROW_REGION, ROW_TALK, ROW_START, ROW__COUNT
};

static struct textfield S_child, S_age, S_grown[SESSION_MAX_GROWN_UPS];
static bool S_ready;
static int S_row;

static struct textfield *
S_field(int row)
{
	switch (row) {
	case ROW_CHILD: return &S_child;
	case ROW_AGE: return &S_age;
	case ROW_GROWN_UP1: case ROW_GROWN_UP2: case ROW_GROWN_UP3:
		return &S_grown[row - ROW_GROWN_UP1];
	default: return NULL;
	}
}

static void
S_open(struct tui *t)
{
	const struct session *s = &t->flow.s;
	char age[16];

	if (!S_ready) {
		textfield_init(&S_child, 64, false);
		textfield_init(&S_age, 2, false);
		for (int i = 0; i < SESSION_MAX_GROWN_UPS; i++)
			textfield_init(&S_grown[i], 64, false);
		S_ready = true;
	}
	textfield_set(&S_child, s->child);
	snprintf(age, sizeof age, "%d", s->age);
	textfield_set(&S_age, s->age > 0 ? age : NULL);
	for (size_t i = 0; i < SESSION_MAX_GROWN_UPS; i++)
		textfield_set(&S_grown[i], i < s->n_grown_ups ? s->grown_ups[i] : NULL);
	S_row = s->child == NULL ? ROW_CHILD : s->age == 0 ? ROW_AGE :
	    s->n_grown_ups == 0 ? ROW_GROWN_UP1 : ROW_START;
	/* A damaged household is left alone: say so, and ask as for a first child. */
	if (t->flow.household_problem != NULL)
		tui_warn(t, "%s", t->flow.household_problem);
}

/* Save the box being left. Returns false (and says why) if it is refused. */
static bool
S_commit(struct tui *t, int row)
{
	struct textfield *tf = S_field(row);
	struct action a = { 0 };
	char *end;
	long age;

	if (tf == NULL || !tf->changed)
		return true;
	if (row == ROW_CHILD) {
		if (textfield_blank(tf)) {
			tui_mistake(t, "Please type the child's first name.");
			return false;
		}
		a.kind = ACTION_SET_CHILD;
		a.text = textfield_text(tf);
	} else if (row == ROW_AGE) {
		age = strtol(textfield_text(tf), &end, 10);
		if (*textfield_text(tf) == '\0' || *end != '\0' || age < 4 || age > 17) {
			tui_mistake(t, "The age is a number from 4 to 17.");
			return false;
		}
		a.kind = ACTION_SET_AGE;
		a.number = age;
	} else {
		a.kind = ACTION_SET_GROWN_UP;
		a.index = (size_t)(row - ROW_GROWN_UP1);
		a.text = textfield_text(tf);
	}
	if (!tui_apply(t, &a))
		return false;
	tf->changed = false;
	if (row == ROW_AGE)
		tui_note(t, "Saved. Questions for ages %s suit %ld-year-olds "
		    "(Up to change).", band_name(t->flow.s.band), age);
	else
		tui_note(t, "Saved.");
	return true;
}

/*
 * A conversation started from the household asks only the child's name
 * and age: its grown-ups and region are the household's.
 */
static bool
S_from_household(const struct tui *t, int row)
{
	return t->flow.from_household && ((row >= ROW_GROWN_UP1 &&
	    row <= ROW_GROWN_UP3) || row == ROW_REGION);
}

static void
S_move(struct tui *t, int to)
{
	int dir = to > S_row ? 1 : -1;

	while (to >= 0 && to < ROW__COUNT && S_from_household(t, to))
		to += dir;
	if (to < 0 || to >= ROW__COUNT || to == S_row)
		return;
	if (!S_commit(t, S_row))
		return;
	S_row = to;
}

static void
S_cycle_band(struct tui *t, int delta)
{
	struct action a = { .kind = ACTION_SET_BAND };
	char *cause = NULL;
	int b = (int)t->flow.s.band == BAND_NONE ? 0 : (int)t->flow.s.band;

	a.number = (b + delta + BAND__COUNT) % BAND__COUNT;
	if (flow_apply(&t->flow, &a, &cause) != 0)
		tui_mistake_cause(t, cause);
	else
		tui_note(t, "Questions for ages %s.", band_name((enum band)a.number));
}

static void
S_cycle_region(struct tui *t, int delta)
{
	const struct content *c = t->flow.c;
	struct action a = { .kind = ACTION_SET_REGION };
	char *cause = NULL;
	long cur = -1;

	if (c->n_regions == 0) {
		tui_mistake(t, "No help lines are loaded.");
		return;
	}
	/* -1 is "none": chosen on purpose, as any region is. */
	for (size_t i = 0; i < c->n_regions; i++)
		if (t->flow.s.region != NULL &&
		    strcmp(c->regions[i].code, t->flow.s.region) == 0)
			cur = (long)i;
	cur = (cur + 1 + delta + (long)c->n_regions + 1) %
	    ((long)c->n_regions + 1) - 1;
	a.id = cur >= 0 ? c->regions[cur].code : NULL;
	if (flow_apply(&t->flow, &a, &cause) != 0)
		tui_mistake_cause(t, cause);
}

/* flow_talk_label(), or a shorter form when wider than room; caller frees. */
static char *
S_talk_label(const struct flow *f, enum session_talk talk, int room)
{
	char *full = flow_talk_label(f, talk);
	size_t n = flow_talk_size(f, talk);

	if (full == NULL)
		return xstrdup("no short talk for this age");
	if (wrap_width(full, strlen(full)) <= room)
		return full;
	free(full);
	return talk == TALK_SHORT ? xasprintf("short: %zu questions, ~%d min",
	    n, session_minutes(n)) : xasprintf("all %zu questions, ~%d min", n,
	    session_minutes(n));
}

static void
S_cycle_talk(struct tui *t)
{
	struct action a = { .kind = ACTION_SET_TALK };

	if ((int)t->flow.s.band == BAND_NONE) {
		tui_mistake(t, "Please type the child's age first.");
		return;
	}
	if (flow_talk_size(&t->flow, TALK_SHORT) == 0) {
		tui_mistake(t, "There is no short talk for ages %s.",
		    band_name(t->flow.s.band));
		return;
	}
	a.number = t->flow.s.talk == TALK_SHORT ? TALK_ALL : TALK_SHORT;
	tui_apply(t, &a);
}

static void
S_start(struct tui *t)
{
	struct action a = { .kind = ACTION_START_TALKING };
	char *cause = NULL;

	if (!S_commit(t, S_row))
		return;
	if (!t->flow.open || t->flow.s.child == NULL) {
		tui_mistake(t, "Please type the child's first name first.");
		S_row = ROW_CHILD;
		return;
	}
	if (t->flow.s.age == 0) {
		tui_mistake(t, "Please type the child's age (4 to 17).");
		S_row = ROW_AGE;
		return;
	}
	if (t->flow.s.n_grown_ups == 0) {
		tui_mistake(t, "Please type at least one grown-up's name.");
		S_row = ROW_GROWN_UP1;
		return;
	}
	if (t->flow.s.stage == STAGE_FAMILY &&
	    flow_apply(&t->flow, &a, &cause) != 0) {
		tui_mistake_cause(t, cause);
		return;
	}
	tui_clear_note(t);
	tui_switch(t, t->flow.s.stage == STAGE_TALKING ? &view_talk :
	    t->flow.s.stage == STAGE_AGREEING ? &view_agree : &view_sign);
}

static void
S_request(struct tui *t, enum request r, wchar_t ch)
{
	struct textfield *tf = S_field(S_row);
	enum tf_result res;

	if (tf != NULL) {
		res = textfield_request(tf, r, ch, 40);
		if (res == TF_CHANGED || res == TF_MOVED) {
			tui_clear_note(t);
			return;
		}
		if (res == TF_REFUSED && r == REQ_ED_CHAR && S_row == ROW_AGE) {
			tui_mistake(t, "The age is a number from 4 to 17.");
			return;
		}
		if (r == REQ_ED_CHAR && S_row == ROW_AGE && (ch < '0' || ch > '9'))
			return;
		if (res == TF_REFUSED)
			return;
	}
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
		S_move(t, S_row - 1);
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
		S_move(t, S_row + 1);
		break;
	case REQ_ENTER:
		if (S_row == ROW_START || S_row == ROW_TALK)
			S_start(t);
		else if (S_row == ROW_BAND || S_row == ROW_AGE)
			/* The band is suggested from the age: Up changes it. */
			S_move(t, ROW_GROWN_UP1);
		else if (S_row == ROW_REGION)
			S_move(t, ROW_START);
		else if (S_row == ROW_GROWN_UP1 || S_row == ROW_GROWN_UP2 ||
		    S_row == ROW_GROWN_UP3) {
			/* An empty optional grown-up: straight on to the region. */
			if (S_row > ROW_GROWN_UP1 && textfield_blank(tf))
				S_move(t, ROW_REGION);
			else
				S_move(t, S_row + 1);
		} else
			S_move(t, S_row + 1);
		break;
	case REQ_LEFT:
	case REQ_RIGHT:
	case REQ_TOGGLE:
		if (S_row == ROW_BAND)
			S_cycle_band(t, r == REQ_LEFT ? -1 : 1);
		else if (S_row == ROW_REGION)
			S_cycle_region(t, r == REQ_LEFT ? -1 : 1);
		else if (S_row == ROW_TALK)
			S_cycle_talk(t);
		break;
	case REQ_BACK:
		if (S_commit(t, S_row)) {
			tui_clear_note(t);
			tui_switch(t, &view_welcome);
		}
		break;
	default:
		break;
	}
}

static void
S_choice(struct tui *t, int y, int x, int w, const char *label,
    const char *value, bool focused)
{
	tui_text(t, y, x, label, 24, focused ? ROLE_UI_LABEL : ROLE_UI_NORMAL);
	tui_choice(t, y, x + 24, w - 24, value, focused);
}

/* What the household already says, in three lines: nothing to retype. */
static void
S_draw_household(struct tui *t, int y, int x, int w)
{
	const struct session *s = &t->flow.s;
	const struct region *reg = s->region != NULL ?
	    content_region(t->flow.c, s->region) : NULL;
	char *names = join_words((const char *const *)s->grown_ups,
	    s->n_grown_ups, "and"), *rules;

	tui_text(t, y, x + 1, "Grown-ups", 24, ROLE_UI_NORMAL);
	tui_text(t, y, x + 27, names, w - 27, ROLE_UI_STRONG);
	tui_text(t, y + 1, x + 1, "Help lines for", 24, ROLE_UI_NORMAL);
	tui_text(t, y + 1, x + 27, reg != NULL ? reg->name : "none", w - 27,
	    ROLE_UI_STRONG);
	rules = xasprintf("%zu, already agreed",
	    t->flow.n_house);
	tui_text(t, y + 2, x + 1, "House rules", 24, ROLE_UI_NORMAL);
	tui_text(t, y + 2, x + 27, rules, w - 27, ROLE_UI_MUTED);
	free(rules);
	free(names);
}

static void
S_draw(struct tui *t)
{
	const struct layout *l = &t->lay;
	const struct session *s = &t->flow.s;
	int x = l->text_left, w = l->text_cols;
	bool roomy = l->body_rows >= 24;
	bool house = t->flow.from_household;
	int y = tui_top(t, (roomy ? 20 : 17) - (house ? 7 : 0));
	int gap = roomy ? 1 : 0;
	char band[64], *region;
	const struct region *reg = s->region != NULL ?
	    content_region(t->flow.c, s->region) : NULL;

	y += tui_wrapped(t, y, x, w, 2, "Who is talking today?",
	    ROLE_UI_QUESTION, true) + gap;
	/* Name and age side by side; boxes three rows tall. */
	tui_field(t, y, x, w - 14, 1, "Child's first name", &S_child,
	    S_row == ROW_CHILD);
	tui_field(t, y, x + w - 12, 12, 1, "Age", &S_age, S_row == ROW_AGE);
	y += 3;
	snprintf(band, sizeof band, "ages %s%s",
	    (int)s->band != BAND_NONE ? band_name(s->band) : "(from the age)",
	    s->age > 0 && s->band == band_for_age(s->age) ? " (suggested)" : "");
	S_choice(t, y, x + 1, w, "Questions for", band, S_row == ROW_BAND);
	y += 1 + gap;
	if (house) {
		S_draw_household(t, y, x, w);
		y += 3 + gap;
	}
	for (int i = 0; !house && i < SESSION_MAX_GROWN_UPS; i++) {
		char label[64];

		snprintf(label, sizeof label, i == 0 ? "Grown-up's name" :
		    "Another grown-up (optional)");
		tui_field(t, y, x, w, 1, label, &S_grown[i],
		    S_row == ROW_GROWN_UP1 + i);
		y += 3;
	}
	if (reg != NULL)
		region = xstrdup(reg->name);
	else if (flow_locale_region(&t->flow) != NULL || t->flow.locale == NULL ||
	    strcspn(t->flow.locale, "_") > strcspn(t->flow.locale, ".@"))
		region = xstrdup("none (no help lines in the agreement)");
	else {
		/* The locale's name up to its codeset: "en_NZ". */
		size_t n = strcspn(t->flow.locale, ".@");

		region = xasprintf("none: no help lines for %.*s yet",
		    (int)(n < 20 ? n : 20), t->flow.locale);
	}
	if (!house) {
		S_choice(t, y, x + 1, w, "Help lines for", region,
		    S_row == ROW_REGION);
		y += 1 + gap;
	}
	free(region);
	if ((int)s->band != BAND_NONE) {
		/* A label column of 12, not 24: the estimate needs the room. */
		char *talk = S_talk_label(&t->flow, s->talk, w - 1 - 12 - 6);

		tui_text(t, y, x + 1, "How long", 12, S_row == ROW_TALK ?
		    ROLE_UI_LABEL : ROLE_UI_NORMAL);
		tui_choice(t, y, x + 1 + 12, w - 1 - 12, talk,
		    S_row == ROW_TALK);
		free(talk);
	} else
		S_choice(t, y, x + 1, w, "How long", "(from the age)",
		    S_row == ROW_TALK);
	y += 1;
	if (S_row == ROW_START)
		tui_fill(t, y, x + w / 2 - 12, 24, ROLE_UI_SELECTED);
	tui_text(t, y, x + w / 2 - 9, "Start talking  \xe2\x86\x92", 20,
	    S_row == ROW_START ? ROLE_UI_SELECTED : ROLE_UI_LABEL);
}

static void
S_cleanup(void)
{
	if (!S_ready)
		return;
	textfield_cleanup(&S_child);
	textfield_cleanup(&S_age);
	for (int i = 0; i < SESSION_MAX_GROWN_UPS; i++)
		textfield_cleanup(&S_grown[i]);
	S_ready = false;
}

static struct textfield *
S_text_box(struct tui *t)
{
	(void)t;
	return S_ready ? S_field(S_row) : NULL;
}

static enum keys_mode
S_mode(struct tui *t)
{
	(void)t;
	return S_field(S_row) != NULL ? KEYS_EDIT : KEYS_BROWSE;
}

static const struct tui_hint *
S_hints(struct tui *t)
{
	static const struct tui_hint edit[] = {
		{ "Enter", "next" }, { "\xe2\x86\x91\xe2\x86\x93", "move" },
		{ "Esc", "back" }, { "F1", "help" }, { "F10", "quit" },
		{ NULL, NULL }
	};
	static const struct tui_hint choice[] = {
		{ "\xe2\x86\x90\xe2\x86\x92", "change" }, { "\xe2\x86\x91\xe2\x86\x93", "move" },
		{ "Enter", "next" }, { "Esc", "back" }, { "?", "help" },
		{ "q", "quit" }, { NULL, NULL }
	};
	static const struct tui_hint start[] = {
		{ "Enter", "start talking" }, { "\xe2\x86\x91", "move" },
		{ "Esc", "back" }, { "?", "help" }, { "q", "quit" }, { NULL, NULL }
	};

	static const struct tui_hint talk[] = {
		{ "\xe2\x86\x90\xe2\x86\x92", "short or all" }, { "Enter", "start talking" },
		{ "\xe2\x86\x91\xe2\x86\x93", "move" }, { "Esc", "back" }, { "?", "help" },
		{ "q", "quit" }, { NULL, NULL }
	};

	(void)t;
	if (S_field(S_row) != NULL)
		return edit;
	return S_row == ROW_START ? start : S_row == ROW_TALK ? talk : choice;
}

#define S_STR(x) #x
#define S_XSTR(x) S_STR(x)
#define S_MINUTES S_XSTR(SESSION_MINUTES_PER_QUESTION)

static const char *const S_help[] = {
	"Who is talking",
	"Type the child's first name and age (4 to 17). The age picks the",
	"questions that suit them; use Left and Right on \"Questions for\" to",
	"choose younger or older ones.",
	"Type one grown-up's name, and up to two more if you like; for",
	"another child, the household's grown-ups and help lines are used.",
	"\"Help lines for\" chooses which country's help and reporting lines",
	"go at the end of your agreement.",
	"\"How long\" chooses a short talk, about ten questions the content",
	"picks for one evening (offered first for ages 4-7), or all the",
	"questions. The time is a guess: about " S_MINUTES " minutes a question.",
	"The questions a short talk leaves are there for another evening.",
	"Each box is saved as soon as you move on from it.",
	NULL
};

const struct view view_family = {
	.name = "Who is talking", .open = S_open, .draw = S_draw, .request = S_request,
	.field = S_text_box, .mode = S_mode, .hints = S_hints, .help = S_help, .cleanup = S_cleanup
};
