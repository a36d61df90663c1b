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
	ROW_GROWN_UP3, ROW_REGION, ROW_TALK, ROW_TOPICS, ROW_START, ROW__COUNT
};

/* The screen's state (tui_state()). */
struct family {
	struct textfield child, age, grown[SESSION_MAX_GROWN_UPS];
	bool ready;
	int row;		/* the focus */
	int top;		/* first row shown when the screen scrolls */
	size_t topic;		/* ROW_TOPICS: which of the band's topics */
};

/* Click places beyond the rows: the band's topics, from here on. */
#define S_HIT_TOPIC 100

/* The topics to choose from: shown only for a talk on chosen topics. */
static size_t
S_topics(struct tui *t, enum topic *out, size_t *counts)
{
	if (t->flow.s.talk != TALK_TOPICS)
		return 0;
	return flow_band_topics(&t->flow, out, counts);
}

static struct family *
S_v(struct tui *t)
{
	return tui_state(t, &view_family);
}

static struct textfield *
S_field(struct family *v, int row)
{
	switch (row) {
	case ROW_CHILD: return &v->child;
	case ROW_AGE: return &v->age;
	case ROW_GROWN_UP1: case ROW_GROWN_UP2: case ROW_GROWN_UP3:
		return &v->grown[row - ROW_GROWN_UP1];
	default: return NULL;
	}
}

static void
S_open(struct tui *t)
{
	struct family *v = S_v(t);
	const struct session *s = &t->flow.s;
	char age[16];

	if (!v->ready) {
		textfield_init(&v->child, 64, false);
		textfield_init(&v->age, 2, false);
		for (int i = 0; i < SESSION_MAX_GROWN_UPS; i++)
			textfield_init(&v->grown[i], 64, false);
		v->ready = true;
	}
	textfield_set(&v->child, s->child);
	snprintf(age, sizeof age, "%d", s->age);
	textfield_set(&v->age, s->age > 0 ? age : NULL);
	for (size_t i = 0; i < SESSION_MAX_GROWN_UPS; i++)
		textfield_set(&v->grown[i], i < s->n_grown_ups ? s->grown_ups[i] : NULL);
	v->row = s->child == NULL ? ROW_CHILD : s->age == 0 ? ROW_AGE :
	    s->n_grown_ups == 0 ? ROW_GROWN_UP1 : ROW_START;
	/* A damaged household is left alone: say so, and ask as for a first child. */
	if (t->flow.household_problem != NULL)
		tui_warn(t, "%s", t->flow.household_problem);
}

/* Save the box being left. Returns false (and says why) if it is refused. */
static bool
S_commit(struct tui *t, int row)
{
	struct family *v = S_v(t);
	struct textfield *tf = S_field(v, row);
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
		    "(%s to change).", band_name(t->flow.s.band), age,
		    tui_key(t, REQ_UP));
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
	struct family *v = S_v(t);
	int dir = to > v->row ? 1 : -1;

	enum topic topics[TOPIC__COUNT];
	size_t n = S_topics(t, topics, NULL);

	if (v->row == ROW_TOPICS && to == ROW_TOPICS - 1 && v->topic > 0) {
		v->topic--;	/* up the list of topics */
		return;
	}
	if (v->row == ROW_TOPICS && to == ROW_TOPICS + 1 && v->topic + 1 < n) {
		v->topic++;
		return;
	}
	if (to == ROW_TOPICS && n == 0)	/* no list: past it */
		to = v->row < ROW_TOPICS ? ROW_START : ROW_TALK;
	/* The household's rows are not asked: past them. */
	while (to >= 0 && to < ROW__COUNT && S_from_household(t, to))
		to += dir;
	if (to < 0 || to >= ROW__COUNT || to == v->row)
		return;
	if (!S_commit(t, v->row))
		return;
	if (to == ROW_TOPICS)
		v->topic = v->row > ROW_TOPICS ? n - 1 : 0;
	v->row = to;
}

/* Space on a topic: chosen or not, the talk's size said at once. */
static void
S_toggle_topic(struct tui *t)
{
	struct family *v = S_v(t);
	enum topic topics[TOPIC__COUNT];
	size_t n = S_topics(t, topics, NULL);
	struct action a = { .kind = ACTION_SET_TOPICS };

	if (v->topic >= n)
		return;
	a.number = (long)(t->flow.s.topics ^ SESSION_TOPIC_BIT(topics[v->topic]));
	if (tui_apply(t, &a))
		tui_clear_note(t);
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
	if (talk == TALK_TOPICS)
		return n == 0 ? xstrdup("topics: none yet") :
		    xasprintf("topics: %zu questions, ~%d min", n, session_minutes(n));
	return talk == TALK_SHORT ? xasprintf("short: %zu questions, ~%d min",
	    n, session_minutes(n)) : xasprintf("all %zu questions, ~%d min", n,
	    session_minutes(n));
}

/* Left and Right: a short talk (if the band has one), all, or topics. */
static void
S_cycle_talk(struct tui *t, int delta)
{
	static const enum session_talk order[] = { TALK_SHORT, TALK_ALL,
	    TALK_TOPICS };
	struct action a = { .kind = ACTION_SET_TALK };
	int k = 0, n = (int)(sizeof order / sizeof order[0]);

	if ((int)t->flow.s.band == BAND_NONE) {
		tui_mistake(t, "Please type the child's age first.");
		return;
	}
	while (k < n - 1 && order[k] != t->flow.s.talk)
		k++;
	do
		k = (k + delta + n) % n;
	while (order[k] == TALK_SHORT && flow_talk_size(&t->flow, TALK_SHORT) == 0);
	a.number = order[k];
	if (tui_apply(t, &a) && order[k] == TALK_TOPICS && t->flow.s.topics == 0)
		tui_note(t, "Choose the topics below (%s on a topic).",
		    tui_key(t, REQ_TOGGLE));
}

static void
S_start(struct tui *t)
{
	struct family *v = S_v(t);
	struct action a = { .kind = ACTION_START_TALKING };
	char *cause = NULL;

	if (!S_commit(t, v->row))
		return;
	if (!t->flow.open || t->flow.s.child == NULL) {
		tui_mistake(t, "Please type the child's first name first.");
		v->row = ROW_CHILD;
		return;
	}
	if (t->flow.s.age == 0) {
		tui_mistake(t, "Please type the child's age (4 to 17).");
		v->row = ROW_AGE;
		return;
	}
	if (t->flow.s.n_grown_ups == 0) {
		tui_mistake(t, "Please type at least one grown-up's name.");
		v->row = ROW_GROWN_UP1;
		return;
	}
	if (t->flow.s.talk == TALK_TOPICS && t->flow.s.topics == 0) {
		tui_mistake(t, "Please choose at least one topic (%s on a topic).",
		    tui_key(t, REQ_TOGGLE));
		v->row = ROW_TOPICS;
		v->topic = 0;
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
	struct family *v = S_v(t);
	struct textfield *tf = S_field(v, v->row);
	enum tf_result res;

	if (tf != NULL) {
		res = textfield_request(tf, r, ch, 40);
		if (res == TF_CHANGED || res == TF_MOVED) {
			tui_clear_note(t);
			return;
		}
		if (res == TF_REFUSED && r == REQ_ED_CHAR && v->row == ROW_AGE) {
			tui_mistake(t, "The age is a number from 4 to 17.");
			return;
		}
		if (r == REQ_ED_CHAR && v->row == ROW_AGE && (ch < '0' || ch > '9'))
			return;
		if (res == TF_REFUSED)
			return;
	}
	switch (r) {
	case REQ_UP:
	case REQ_PREV_FIELD:
	case REQ_SCROLL_UP:
		S_move(t, v->row - 1);
		break;
	case REQ_DOWN:
	case REQ_NEXT_FIELD:
	case REQ_SCROLL_DOWN:
		S_move(t, v->row + 1);
		break;
	case REQ_ENTER:
		if (v->row == ROW_START || v->row == ROW_TALK ||
		    v->row == ROW_TOPICS)
			S_start(t);
		else if (v->row == ROW_BAND || v->row == ROW_AGE)
			/* The band is suggested from the age: Up changes it. */
			S_move(t, ROW_GROWN_UP1);
		else if (v->row == ROW_REGION)
			S_move(t, ROW_START);
		else if (v->row == ROW_GROWN_UP1 || v->row == ROW_GROWN_UP2 ||
		    v->row == ROW_GROWN_UP3) {
			/* An empty optional grown-up: straight on to the region. */
			if (v->row > ROW_GROWN_UP1 && textfield_blank(tf))
				S_move(t, ROW_REGION);
			else
				S_move(t, v->row + 1);
		} else
			S_move(t, v->row + 1);
		break;
	case REQ_LEFT:
	case REQ_RIGHT:
	case REQ_TOGGLE:
		if (v->row == ROW_BAND)
			S_cycle_band(t, r == REQ_LEFT ? -1 : 1);
		else if (v->row == ROW_REGION)
			S_cycle_region(t, r == REQ_LEFT ? -1 : 1);
		else if (v->row == ROW_TALK)
			S_cycle_talk(t, r == REQ_LEFT ? -1 : 1);
		else if (v->row == ROW_TOPICS && r == REQ_TOGGLE)
			S_toggle_topic(t);
		break;
	case REQ_BACK:
		if (S_commit(t, v->row)) {
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

static int
S_row_height(struct tui *t, int row)
{
	enum topic topics[TOPIC__COUNT];

	if (row == ROW_TOPICS)
		return (int)S_topics(t, topics, NULL);
	return row == ROW_CHILD || row == ROW_AGE ||
	    (row >= ROW_GROWN_UP1 && row <= ROW_GROWN_UP3) ? 3 : 1;
}

/* The band's topics, one a row, each chosen [x] or not [ ]. */
static void
S_draw_topics(struct tui *t, int y, int x, int w)
{
	struct family *v = S_v(t);
	enum topic topics[TOPIC__COUNT];
	size_t counts[TOPIC__COUNT];
	size_t n = S_topics(t, topics, counts);

	for (size_t i = 0; i < n; i++) {
		bool on = (t->flow.s.topics & SESSION_TOPIC_BIT(topics[i])) != 0;
		bool sel = v->row == ROW_TOPICS && v->topic == i;
		char *line = xasprintf("%s (%zu)", topic_title(topics[i]), counts[i]);

		if (sel)
			tui_fill(t, y + (int)i, x + 12, w - 12, ROLE_UI_SELECTED);
		tui_text(t, y + (int)i, x + 13, on ? "[x]" : "[ ]", 3,
		    sel ? ROLE_UI_SELECTED : on ? ROLE_UI_ON : ROLE_UI_OFF);
		tui_text_cut(t, y + (int)i, x + 17, line, w - 18,
		    sel ? ROLE_UI_SELECTED : on ? ROLE_UI_NORMAL : ROLE_UI_MUTED);
		tui_hit(t, y + (int)i, x, w, 1, S_HIT_TOPIC + (int)i);
		free(line);
	}
}

/*
 * Where each row goes, from the screen's first row (0), and how tall the
 * whole screen is: the screen scrolls to its focus when the window is
 * shorter (60x18 has 15 body rows; the screen wants 17).
 */
static int
S_layout(struct tui *t, int ys[ROW__COUNT], int *title_rows)
{
	const struct layout *l = &t->lay;
	int gap = l->body_rows >= 24 ? 1 : 0, y;

	*title_rows = tui_wrapped(t, -1, 0, l->text_cols, 2,
	    "Who is talking today?", ROLE_UI_QUESTION, true);
	y = *title_rows + gap;
	ys[ROW_CHILD] = ys[ROW_AGE] = y;
	y += 3;
	ys[ROW_BAND] = y;
	y += 1 + gap;
	if (t->flow.from_household) {
		/* The household's grown-ups, help lines and house rules. */
		for (int i = 0; i < SESSION_MAX_GROWN_UPS; i++)
			ys[ROW_GROWN_UP1 + i] = y;
		ys[ROW_REGION] = y;
		y += 3 + gap;
	} else {
		for (int i = 0; i < SESSION_MAX_GROWN_UPS; i++) {
			ys[ROW_GROWN_UP1 + i] = y;
			y += 3;
		}
		ys[ROW_REGION] = y;
		y += 1 + gap;
	}
	ys[ROW_TALK] = y;
	y += 1;
	ys[ROW_TOPICS] = y;
	y += S_row_height(t, ROW_TOPICS);
	ys[ROW_START] = y;
	return y + 1;
}

static void
S_draw(struct tui *t)
{
	struct family *v = S_v(t);
	const struct layout *l = &t->lay;
	const struct session *s = &t->flow.s;
	int x = l->text_left, w = l->text_cols;
	int ys[ROW__COUNT], title_rows, total, y0, from;
	bool house = t->flow.from_household;
	char band[64], *region;
	const struct region *reg = s->region != NULL ?
	    content_region(t->flow.c, s->region) : NULL;

	total = S_layout(t, ys, &title_rows);
	/* The question stays in sight while the name and age are typed. */
	from = v->row == ROW_CHILD || v->row == ROW_AGE ? 0 : ys[v->row];
	if (v->row == ROW_TOPICS)
		from += (int)v->topic;
	y0 = total > l->body_rows ? tui_scroll(t, &v->top, total, from,
	    v->row == ROW_TOPICS ? from + 1 :
	    ys[v->row] + S_row_height(t, v->row)) : tui_top(t, total);
	for (int r = 0; r < ROW__COUNT; r++)
		if (r != ROW_TOPICS && !S_from_household(t, r))
			tui_hit(t, y0 + ys[r], r == ROW_AGE ? x + w - 12 : x,
			    r == ROW_CHILD ? w - 14 : r == ROW_AGE ? 12 : w,
			    S_row_height(t, r), r);
	S_draw_topics(t, y0 + ys[ROW_TOPICS], x, w);
	tui_wrapped(t, y0, x, w, 2, "Who is talking today?", ROLE_UI_QUESTION, true);
	/* Name and age side by side; boxes three rows tall. */
	tui_field(t, y0 + ys[ROW_CHILD], x, w - 14, 1, "Child's first name",
	    &v->child, v->row == ROW_CHILD);
	tui_field(t, y0 + ys[ROW_AGE], x + w - 12, 12, 1, "Age", &v->age,
	    v->row == ROW_AGE);
	snprintf(band, sizeof band, "ages %s%s",
	    (int)s->band != BAND_NONE ? band_name(s->band) : "(from the age)",
	    s->age > 0 && s->band == band_for_age(s->age) ? " (suggested)" : "");
	S_choice(t, y0 + ys[ROW_BAND], x + 1, w, "Questions for", band,
	    v->row == ROW_BAND);
	if (house)
		S_draw_household(t, y0 + ys[ROW_GROWN_UP1], x, w);
	for (int i = 0; !house && i < SESSION_MAX_GROWN_UPS; i++)
		tui_field(t, y0 + ys[ROW_GROWN_UP1 + i], x, w, 1, i == 0 ?
		    "Grown-up's name" : "Another grown-up (optional)",
		    &v->grown[i], v->row == ROW_GROWN_UP1 + i);
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
	if (!house)
		S_choice(t, y0 + ys[ROW_REGION], x + 1, w, "Help lines for",
		    region, v->row == ROW_REGION);
	free(region);
	if ((int)s->band != BAND_NONE) {
		/* A label column of 12, not 24: the estimate needs the room. */
		char *talk = S_talk_label(&t->flow, s->talk, w - 1 - 12 - 6);

		tui_text(t, y0 + ys[ROW_TALK], x + 1, "How long", 12,
		    v->row == ROW_TALK ? ROLE_UI_LABEL : ROLE_UI_NORMAL);
		tui_choice(t, y0 + ys[ROW_TALK], x + 1 + 12, w - 1 - 12, talk,
		    v->row == ROW_TALK);
		free(talk);
	} else
		S_choice(t, y0 + ys[ROW_TALK], x + 1, w, "How long",
		    "(from the age)", v->row == ROW_TALK);
	if (v->row == ROW_START)
		tui_fill(t, y0 + ys[ROW_START], x + w / 2 - 12, 24, ROLE_UI_SELECTED);
	tui_text(t, y0 + ys[ROW_START], x + w / 2 - 9, "Start talking  \xe2\x86\x92",
	    20, v->row == ROW_START ? ROLE_UI_SELECTED : ROLE_UI_LABEL);
}

/* A click focuses a box or a choice; on the button it starts. */
static void
S_click(struct tui *t, int id)
{
	struct family *v = S_v(t);

	if (id >= S_HIT_TOPIC) {
		/* A topic: chosen by the click, on or off by the next one. */
		if (v->row == ROW_TOPICS && v->topic == (size_t)(id - S_HIT_TOPIC)) {
			S_toggle_topic(t);
			return;
		}
		S_move(t, ROW_TOPICS);
		if (v->row == ROW_TOPICS)
			v->topic = (size_t)(id - S_HIT_TOPIC);
		return;
	}
	if (id < 0 || id >= ROW__COUNT)
		return;
	S_move(t, id);
	if (id == ROW_START && v->row == ROW_START)
		S_start(t);
}

static void
S_cleanup(void *state)
{
	struct family *v = state;

	if (!v->ready)
		return;
	textfield_cleanup(&v->child);
	textfield_cleanup(&v->age);
	for (int i = 0; i < SESSION_MAX_GROWN_UPS; i++)
		textfield_cleanup(&v->grown[i]);
	v->ready = false;
}

static struct textfield *
S_text_box(struct tui *t)
{
	struct family *v = S_v(t);

	return v->ready ? S_field(v, v->row) : NULL;
}

static enum keys_mode
S_mode(struct tui *t)
{
	struct family *v = S_v(t);

	return S_field(v, v->row) != NULL ? KEYS_EDIT : KEYS_BROWSE;
}

#define S_STR(x) #x
#define S_XSTR(x) S_STR(x)
#define S_MINUTES S_XSTR(SESSION_MINUTES_PER_QUESTION)

static const char *const S_help[] = {
	"Who is talking",
	"Type the child's first name and age (4 to 17). The age picks the",
	"questions that suit them; \"Questions for\" can choose younger or",
	"older ones.",
	"Type one grown-up's name, and up to two more if you like; for",
	"another child, the household's grown-ups and help lines are used.",
	"\"Help lines for\" chooses which country's help and reporting lines",
	"go at the end of your agreement.",
	"\"How long\" chooses a short talk, about ten questions the content",
	"picks for one evening (offered first for ages 4-7), all the",
	"questions, or the topics you choose from the list that then shows.",
	"The time is a guess: about " S_MINUTES " minutes a question.",
	"The questions a short talk or your topics leave are there for another",
	"evening.",
	"Each box is saved as soon as you move on from it.",
	NULL
};

static const struct tui_binding *
S_bindings(struct tui *t)
{
	static const struct tui_binding edit[] = {
		{ REQ_ENTER, "next", "Save this box and go to the next" },
		TUI_BIND_MOVE,
		{ REQ_BACK, "back", "Back to the welcome screen" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding choice[] = {
		TUI_BIND_CHANGE("change", "The choice before", "The next choice"),
		TUI_BIND_MOVE, { REQ_ENTER, "next", "Go on to the next box" },
		{ REQ_BACK, "back", "Back to the welcome screen" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding talk[] = {
		TUI_BIND_CHANGE("short, all or topics", "A short talk, all the "
		    "questions, or topics you choose", "A short talk, all the "
		    "questions, or topics you choose"),
		{ REQ_ENTER, "start talking", "Start talking" }, TUI_BIND_MOVE,
		{ REQ_BACK, "back", "Back to the welcome screen" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding topics[] = {
		{ REQ_TOGGLE, "on/off", "Talk about this topic, or not" },
		TUI_BIND_MOVE, { REQ_ENTER, "start talking", "Start talking" },
		{ REQ_BACK, "back", "Back to the welcome screen" },
		TUI_BINDINGS_END
	};
	static const struct tui_binding start[] = {
		{ REQ_ENTER, "start talking", "Start talking" },
		{ REQ_UP, "move", NULL }, { REQ_PREV_FIELD, NULL, NULL },
		{ REQ_BACK, "back", "Back to the welcome screen" },
		TUI_BINDINGS_END
	};
	struct family *v = S_v(t);

	if (S_field(v, v->row) != NULL)
		return edit;
	if (v->row == ROW_TOPICS)
		return topics;
	return v->row == ROW_START ? start : v->row == ROW_TALK ? talk : choice;
}

const struct view view_family = {
	.name = "Who is talking", .open = S_open, .draw = S_draw, .request = S_request,
	.field = S_text_box, .mode = S_mode, .bindings = S_bindings, .help = S_help,
	.click = S_click, .state_size = sizeof (struct family), .cleanup = S_cleanup
};
