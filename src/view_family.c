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

/* The screen's state (tui_state()). */
struct family {
	struct textfield child, age, grown[SESSION_MAX_GROWN_UPS];
	bool ready;
	int row;		/* the focus */
	int top;		/* first row shown when the screen scrolls */
};

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

static void
S_move(struct tui *t, int to)
{
	struct family *v = S_v(t);

	if (to < 0 || to >= ROW__COUNT || to == v->row)
		return;
	if (!S_commit(t, v->row))
		return;
	v->row = to;
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
		if (v->row == ROW_START || v->row == ROW_TALK)
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
			S_cycle_talk(t);
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
	for (int i = 0; i < SESSION_MAX_GROWN_UPS; i++) {
		ys[ROW_GROWN_UP1 + i] = y;
		y += 3;
	}
	ys[ROW_REGION] = y;
	y += 1 + gap;
	ys[ROW_TALK] = y;
	y += 1;
	ys[ROW_START] = y;
	return y + 1;
}

static int
S_row_height(int row)
{
	return row == ROW_CHILD || row == ROW_AGE ||
	    (row >= ROW_GROWN_UP1 && row <= ROW_GROWN_UP3) ? 3 : 1;
}

static void
S_draw(struct tui *t)
{
	struct family *v = S_v(t);
	const struct layout *l = &t->lay;
	const struct session *s = &t->flow.s;
	int x = l->text_left, w = l->text_cols;
	int ys[ROW__COUNT], title_rows, total, y0, from;
	char band[64], *region;
	const struct region *reg = s->region != NULL ?
	    content_region(t->flow.c, s->region) : NULL;

	total = S_layout(t, ys, &title_rows);
	/* The question stays in sight while the name and age are typed. */
	from = v->row == ROW_CHILD || v->row == ROW_AGE ? 0 : ys[v->row];
	y0 = total > l->body_rows ? tui_scroll(t, &v->top, total, from,
	    ys[v->row] + S_row_height(v->row)) : tui_top(t, total);
	for (int r = 0; r < ROW__COUNT; r++)
		tui_hit(t, y0 + ys[r], r == ROW_AGE ? x + w - 12 : x,
		    r == ROW_CHILD ? w - 14 : r == ROW_AGE ? 12 : w,
		    S_row_height(r), r);
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
	for (int i = 0; i < SESSION_MAX_GROWN_UPS; i++)
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
	S_choice(t, y0 + ys[ROW_REGION], x + 1, w, "Help lines for", region,
	    v->row == ROW_REGION);
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
		TUI_BIND_CHANGE("short or all", "A short talk or all the questions",
		    "A short talk or all the questions"),
		{ REQ_ENTER, "start talking", "Start talking" }, TUI_BIND_MOVE,
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
	return v->row == ROW_START ? start : v->row == ROW_TALK ? talk : choice;
}

#define S_STR(x) #x
#define S_XSTR(x) S_STR(x)
#define S_MINUTES S_XSTR(SESSION_MINUTES_PER_QUESTION)

static const char *const S_help[] = {
	"Who is talking",
	"Type the child's first name and age (4 to 17). The age picks the",
	"questions that suit them; \"Questions for\" can choose younger or",
	"older ones.",
	"Type one grown-up's name, and up to two more if you like.",
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
	.field = S_text_box, .mode = S_mode, .bindings = S_bindings, .help = S_help,
	.click = S_click, .state_size = sizeof (struct family), .cleanup = S_cleanup
};
