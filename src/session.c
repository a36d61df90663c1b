/*
 * session.c: the session model. Owns struct session and every change to
 * it (session_apply), with the checks that keep what the family typed
 * safe to keep and print: valid UTF-8, no control characters, capped
 * lengths, blank values of the right kind.
 *
 * Never prints, never saves (session_store.c does), never reads the
 * environment. Looks content up only through content.h.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agreement.h"
#include "blank.h"
#include "civil.h"
#include "fill.h"
#include "fingerprint.h"
#include "review.h"
#include "session.h"
#include "util.h"
#include "ytree.h"

static const char *const S_stage_ids[] = {
#define X(e, id, shown) id,
	SESSION_STAGE_TABLE
#undef X
};
static const char *const S_stage_shown[] = {
#define X(e, id, shown) shown,
	SESSION_STAGE_TABLE
#undef X
};
static const char *const S_action_ids[] = {
#define X(e, id) id,
	ACTION_TABLE
#undef X
};

NAMES_AT(session_stage_id, enum session_stage, S_stage_ids)
NAMES_AT(session_stage_shown, enum session_stage, S_stage_shown)
NAMES_FIND(session_stage_from_id, S_stage_ids)
NAMES_AT(action_id, enum action_kind, S_action_ids)

static const char *const S_talk_ids[] = {
#define X(e, id) id,
	SESSION_TALK_TABLE
#undef X
};

NAMES_AT(session_talk_id, enum session_talk, S_talk_ids)
NAMES_FIND(session_talk_from_id, S_talk_ids)

int
session_minutes(size_t questions)
{
	size_t m = questions * SESSION_MINUTES_PER_QUESTION;

	m = (m + 2) / 5 * 5;
	return m < 5 ? 5 : m > 600 ? 600 : (int)m;
}

static bool S_has_voices(const struct session *s, const char *prompt_id);
static void S_rule_removed(struct session *s, size_t index);

static void
S_free_voices(struct answer *a)
{
	for (size_t i = 0; i < a->n_voices; i++) {
		free(a->voices[i].name);
		free(a->voices[i].text);
	}
	free(a->voices);
	a->voices = NULL;
	a->n_voices = a->cap_voices = 0;
}

static void
S_free_not_agreed(struct session *s)
{
	for (size_t i = 0; i < s->n_not_agreed; i++) {
		free(s->not_agreed[i].item);
		free(s->not_agreed[i].who);
		free(s->not_agreed[i].reason);
	}
	free(s->not_agreed);
}

void
session_init(struct session *s)
{
	memset(s, 0, sizeof *s);
	s->format_version = SESSION_FORMAT_VERSION;
	s->stage = STAGE_FAMILY;
	s->band = (enum band)BAND_NONE;
	s->version = 1;
}

void
session_cleanup(struct session *s)
{
	free(s->id);
	free(s->child);
	for (size_t i = 0; i < s->n_grown_ups; i++)
		free(s->grown_ups[i]);
	free(s->region);
	free(s->template_id);
	for (size_t i = 0; i < s->n_answers; i++) {
		free(s->answers[i].prompt_id);
		free(s->answers[i].child);
		free(s->answers[i].grown_up);
		S_free_voices(&s->answers[i]);
	}
	free(s->answers);
	for (size_t i = 0; i < s->n_clauses; i++)
		free(s->clauses[i].clause_id);
	free(s->clauses);
	for (size_t i = 0; i < s->n_blanks; i++) {
		free(s->blanks[i].blank_id);
		free(s->blanks[i].value);
	}
	free(s->blanks);
	for (size_t i = 0; i < s->n_rules; i++)
		free(s->rules[i].text);
	free(s->rules);
	for (size_t i = 0; i < s->n_promises; i++)
		free(s->promises[i].promise_id);
	free(s->promises);
	for (size_t i = 0; i < s->n_signatures; i++)
		free(s->signatures[i].name);
	free(s->signatures);
	for (size_t i = 0; i < s->n_drafts; i++) {
		free(s->drafts[i].box);
		free(s->drafts[i].text);
	}
	free(s->drafts);
	S_free_not_agreed(s);
	signed_words_free(s->frozen);
	review_session_free(s);
	session_init(s);
}

char *
session_make_id(const char *child, time_t now)
{
	char slug[25], date[CIVIL_ISO_SIZE];
	size_t n = name_slug(child, slug, sizeof slug);
	struct civil d;

	/* UTC: an id is a name, and the library knows no time zone. */
	civil_from_time(now, 0, &d);
	civil_iso(&d, date);
	return xasprintf("%s-%s-%02d%02d", date, n > 0 ? slug : "child",
	    d.hour, d.min);
}

/* ---- lookups against content ------------------------------------------ */

static const struct promise *
S_promise(const struct template *t, const char *id)
{
	for (size_t i = 0; t != NULL && i < t->n_promises; i++)
		if (strcmp(t->promises[i].id, id) == 0)
			return &t->promises[i];
	return NULL;
}

const struct template *
session_template(const struct session *s, const struct content *c)
{
	const struct template *t;

	if (c == NULL)
		return NULL;
	t = s->template_id != NULL ? content_template(c, s->template_id) : NULL;
	if (t == NULL && (int)s->band >= 0)
		t = content_template_for_band(c, s->band);
	return t;
}

const struct answer *
session_answer(const struct session *s, const char *prompt_id)
{
	for (size_t i = 0; i < s->n_answers; i++)
		if (strcmp(s->answers[i].prompt_id, prompt_id) == 0)
			return &s->answers[i];
	return NULL;
}

bool
session_clause_on(const struct session *s, const struct clause *cl)
{
	for (size_t i = 0; i < s->n_clauses; i++)
		if (strcmp(s->clauses[i].clause_id, cl->id) == 0)
			return s->clauses[i].on;
	return cl->on;
}

bool
session_promise_on(const struct session *s, const struct promise *p)
{
	for (size_t i = 0; i < s->n_promises; i++)
		if (strcmp(s->promises[i].promise_id, p->id) == 0)
			return s->promises[i].on;
	return p->on;
}

const char *
session_blank(const struct session *s, const struct blank *b)
{
	for (size_t i = 0; i < s->n_blanks; i++)
		if (strcmp(s->blanks[i].blank_id, b->id) == 0)
			return s->blanks[i].value;
	return b->def;
}

char *
session_marker(const struct marker *m, void *arg)
{
	const struct session_markers *sm = arg;
	const struct session *s = sm->s;
	const struct template *t = sm->t;

	if (marker_is(m, NULL, "child"))
		return xstrdup(s->child != NULL ? s->child : "the child");
	if (marker_is(m, NULL, "grown-ups"))
		return s->n_grown_ups > 0 ? join_words((const char *const *)
		    s->grown_ups, s->n_grown_ups, "and") :
		    xstrdup("the grown-ups");
	for (size_t i = 0; t != NULL && i < t->n_blanks; i++)
		if (marker_is(m, NULL, t->blanks[i].id)) {
			const char *v = session_blank(s, &t->blanks[i]);

			return v != NULL ? xstrdup(v) : NULL;
		}
	return NULL;
}

int
session_review_months(const struct session *s, const struct template *t)
{
	if (s->review_months > 0)
		return s->review_months;
	return t != NULL && t->review_months > 0 ? t->review_months : 6;
}

struct S_sort_item {
	const struct prompt *p;
	size_t order;
};

static int
S_prompt_cmp(const void *a, const void *b)
{
	const struct S_sort_item *x = a, *y = b;

	if (x->p->topic != y->p->topic)
		return (int)x->p->topic < (int)y->p->topic ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

size_t
session_prompts(const struct session *s, const struct content *c,
    const struct prompt ***out)
{
	struct S_sort_item *items;
	size_t n = 0;

	*out = NULL;
	if (c == NULL || (int)s->band < 0 || c->n_prompts == 0)
		return 0;
	if (s->talk == TALK_SHORT && (n = content_short_talk(c, s->band,
	    out)) > 0)
		return n;
	items = xreallocarray(NULL, c->n_prompts, sizeof *items);
	for (size_t i = 0; i < c->n_prompts; i++) {
		if ((c->prompts[i].bands & BAND_BIT(s->band)) == 0)
			continue;
		if (s->talk == TALK_TOPICS && s->topics != 0 &&
		    (s->topics & SESSION_TOPIC_BIT(c->prompts[i].topic)) == 0)
			continue;
		items[n].p = &c->prompts[i];
		items[n].order = i;
		n++;
	}
	/* qsort is not stable; the load order breaks ties. */
	qsort(items, n, sizeof *items, S_prompt_cmp);
	if (n > 0) {
		*out = xreallocarray(NULL, n, sizeof **out);
		for (size_t i = 0; i < n; i++)
			(*out)[i] = items[i].p;
	}
	free(items);
	return n;
}

/* Not talked about yet: no answer, skip or "later". */
static bool
S_unreached(const struct session *s, const char *prompt_id)
{
	const struct answer *a = session_answer(s, prompt_id);

	return a == NULL || a->state == ANSWER_OPEN;
}

size_t
session_rest(const struct session *s, const struct content *c)
{
	const struct prompt **order;
	size_t n, rest = 0;
	struct session all;

	/* A review talks about the rules, not the questions. */
	if (s->talk == TALK_ALL || s->replaces != NULL)
		return 0;
	all = *s;
	all.talk = TALK_ALL;
	n = session_prompts(&all, c, &order);
	for (size_t i = 0; i < n; i++)
		rest += S_unreached(s, order[i]->id);
	free(order);
	return rest;
}

const struct signature *
session_signature(const struct session *s, enum role role, size_t grown_up)
{
	for (size_t i = 0; i < s->n_signatures; i++)
		if (s->signatures[i].role == role &&
		    (role != ROLE_GROWN_UP || s->signatures[i].grown_up == grown_up))
			return &s->signatures[i];
	return NULL;
}

size_t
session_signatures_needed(const struct session *s, const struct template *t,
    size_t *n_signed)
{
	bool child = false, grown = false;
	size_t need = 0, have = 0;

	if (t == NULL) {		/* no template: the child and every grown-up */
		child = grown = true;
	} else {
		for (size_t i = 0; i < t->n_signatures; i++) {
			if (t->signatures[i] == ROLE_CHILD)
				child = true;
			else if (t->signatures[i] == ROLE_GROWN_UP)
				grown = true;
		}
	}
	if (child) {
		need++;
		have += session_signature(s, ROLE_CHILD, 0) != NULL;
	}
	if (grown) {
		for (size_t g = 0; g < s->n_grown_ups; g++) {
			need++;
			have += session_signature(s, ROLE_GROWN_UP, g) != NULL;
		}
	}
	if (n_signed != NULL)
		*n_signed = have;
	return need;
}

char *
session_describe(const struct session *s, const struct content *c)
{
	const struct prompt **order = NULL;
	char who[SESSION_MAX_NAME_BYTES + 32];
	char *out;
	size_t n;

	if (s->child == NULL)
		snprintf(who, sizeof who, "A new session");
	else if (s->age > 0)
		snprintf(who, sizeof who, "%s, %d", s->child, s->age);
	else
		snprintf(who, sizeof who, "%s", s->child);

	if (session_signed_check(s) < 0)
		return xasprintf("%s, changed after signing", who);
	switch (s->stage) {
	case STAGE_TALKING:
		n = session_prompts(s, c, &order);
		free(order);
		if (n > 0) {
			out = xasprintf("%s, talking: %zu of %zu", who,
			    s->position < n ? s->position + 1 : n, n);
			break;
		}
		out = xasprintf("%s, talking", who);
		break;
	case STAGE_SIGNED: {
		char date[16] = "";
		const struct signature *last = NULL;

		/* The signer's own date, as signed. */
		for (size_t i = 0; i < s->n_signatures; i++)
			if (last == NULL || s->signatures[i].when > last->when)
				last = &s->signatures[i];
		if (last != NULL)
			snprintf(date, sizeof date, "%s", last->date);
		out = *date != '\0' ? xasprintf("%s, signed on %s", who, date) :
		    xasprintf("%s, signed", who);
		break;
	}
	default:
		out = xasprintf("%s, %s", who, S_stage_shown[s->stage]);
		/* "Getting started" reads better in lower case after a comma. */
		for (char *p = out + strlen(who) + 2; *p != '\0'; p++) {
			*p = (char)tolower((unsigned char)*p);
			break;
		}
		break;
	}
	if (s->version > 1) {
		char *v = xasprintf("%s (version %d)", out, s->version);

		free(out);
		out = v;
	}
	return out;
}

/* ---- checks ------------------------------------------------------------ */

static int
S_fail(char **cause, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
S_fail(char **cause, const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (cause != NULL)
		*cause = xstrdup(buf);
	return -1;
}

int
session_check_text(const char *text, size_t max, bool multiline,
    const char *what, char **cause)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t len = strlen(text), bad;

	if (len > max)
		return S_fail(cause, "%s is too long: please keep it under %zu "
		    "letters.", what, max);
	if (!utf8_valid(text, len, &bad))
		return S_fail(cause, "%s has a broken character (not UTF-8) "
		    "at byte %zu; please type it again.", what, bad + 1);
	for (size_t i = 0; i < len; i++) {
		if ((p[i] == '\n' || p[i] == '\t') && multiline)
			continue;
		if (p[i] < 0x20 || p[i] == 0x7f)
			return S_fail(cause, multiline ?
			    "%s has a control character in it; please type it "
			    "again." : "%s must be one line, with no tabs or "
			    "control characters.", what);
		/* C1 controls, U+0080..U+009F, are C2 80..C2 9F in UTF-8. */
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f)
			return S_fail(cause, "%s has a control character in "
			    "it; please type it again.", what);
	}
	return 0;
}

/* A name as typed, trimmed; NULL and *cause on a mistake. */
static char *
S_name(const char *text, const char *what, char **cause)
{
	char *t;

	if (text == NULL || text_is_blank(text)) {
		S_fail(cause, "Please type %s.", what);
		return NULL;
	}
	t = text_trim(text);
	if (session_check_text(t, SESSION_MAX_NAME_BYTES, false, "A name",
	    cause) != 0) {
		free(t);
		return NULL;
	}
	return t;
}

/* ---- changes ------------------------------------------------------------ */

static void
S_replace(char **slot, char *v)
{
	free(*slot);
	*slot = v;
}

static struct answer *
S_answer_slot(struct session *s, const char *prompt_id)
{
	struct answer *a;

	for (size_t i = 0; i < s->n_answers; i++)
		if (strcmp(s->answers[i].prompt_id, prompt_id) == 0)
			return &s->answers[i];
	s->answers = xgrow(s->answers, &s->cap_answers, s->n_answers,
	    sizeof *s->answers);
	a = &s->answers[s->n_answers++];
	memset(a, 0, sizeof *a);
	a->prompt_id = xstrdup(prompt_id);
	a->state = ANSWER_OPEN;
	return a;
}

const char *
session_draft(const struct session *s, const char *box)
{
	for (size_t i = 0; i < s->n_drafts; i++)
		if (strcmp(s->drafts[i].box, box) == 0)
			return s->drafts[i].text;
	return NULL;
}

char *
session_draft_box(const char *prompt_id, bool grown_up)
{
	return xasprintf("answer/%s/%s", prompt_id, grown_up ? "grown-up" : "child");
}

/* Forget drafts whose box starts with prefix (the whole name if exact). */
static void
S_forget_drafts(struct session *s, const char *prefix, bool exact)
{
	size_t n = strlen(prefix), j = 0;

	for (size_t i = 0; i < s->n_drafts; i++) {
		const char *b = s->drafts[i].box;

		if (exact ? strcmp(b, prefix) == 0 : strncmp(b, prefix, n) == 0) {
			free(s->drafts[i].box);
			free(s->drafts[i].text);
			continue;
		}
		s->drafts[j++] = s->drafts[i];
	}
	s->n_drafts = j;
}

static int
S_set_draft(struct session *s, const struct action *a, char **cause)
{
	struct draft *d;

	if (a->id == NULL || *a->id == '\0' ||
	    session_check_text(a->id, SESSION_MAX_BOX_BYTES, false,
	    "A box's name", cause) != 0)
		return a->id == NULL || *a->id == '\0' ?
		    S_fail(cause, "A draft needs the box it was typed in.") : -1;
	if (a->text == NULL || *a->text == '\0') {
		S_forget_drafts(s, a->id, true);
		return 0;
	}
	if (session_check_text(a->text, SESSION_MAX_TEXT_BYTES, true,
	    "What was typed", cause) != 0)
		return -1;
	for (size_t i = 0; i < s->n_drafts; i++)
		if (strcmp(s->drafts[i].box, a->id) == 0) {
			S_replace(&s->drafts[i].text, xstrdup(a->text));
			return 0;
		}
	if (s->n_drafts >= SESSION_MAX_DRAFTS)
		return S_fail(cause, "Too many unfinished boxes are kept.");
	s->drafts = xgrow(s->drafts, &s->cap_drafts, s->n_drafts,
	    sizeof *s->drafts);
	d = &s->drafts[s->n_drafts++];
	d->box = xstrdup(a->id);
	d->text = xstrdup(a->text);
	return 0;
}

static void S_unfreeze(struct session *s);
static void S_sign_date(struct signature *g, time_t when, long utc_offset);

static void
S_clear_signatures(struct session *s)
{
	for (size_t i = 0; i < s->n_signatures; i++)
		free(s->signatures[i].name);
	s->n_signatures = 0;
	S_unfreeze(s);
}

/* The prompt with this id in this session's order, and its position. */
static const struct prompt *
S_session_prompt(const struct session *s, const struct content *c,
    const char *id, size_t *pos, size_t *n_out)
{
	const struct prompt **order, *found = NULL;
	size_t n = session_prompts(s, c, &order);

	for (size_t i = 0; id != NULL && i < n; i++)
		if (strcmp(order[i]->id, id) == 0) {
			found = order[i];
			*pos = i;
			break;
		}
	free(order);
	*n_out = n;
	return found;
}

static int
S_need_stage(const struct session *s, unsigned mask, char **cause)
{
	if (mask & (1u << s->stage))
		return 0;
	switch (s->stage) {
	case STAGE_SIGNED:
		return S_fail(cause, "This agreement is signed. Go back to "
		    "change it (the signatures will be removed).");
	case STAGE_SIGNING:
		return S_fail(cause, "You are signing now. Go back to change "
		    "the agreement.");
	default:
		return S_fail(cause, "That can't be done while %s; go %s "
		    "first.", s->stage == STAGE_FAMILY ? "getting started" :
		    s->stage == STAGE_TALKING ? "talking" :
		    s->stage == STAGE_REVIEWING ? "reviewing" :
		    "choosing the agreement",
		    s->stage != STAGE_REVIEWING &&
		    (mask & ((1u << s->stage) - 1)) ? "back" : "on");
	}
}

#define ST(x) (1u << STAGE_##x)

/* A young child's evening: the short talk is offered first for 4-7. */
static void
S_default_talk(struct session *s)
{
	s->talk = s->band == BAND_4_7 ? TALK_SHORT : TALK_ALL;
	s->topics = 0;		/* another band has other topics */
}

static int
S_apply_family(struct session *s, const struct content *c,
    const struct action *a, char **cause)
{
	char *v;

	switch (a->kind) {
	case ACTION_SET_CHILD:
		if ((v = S_name(a->text, "the child's first name", cause)) == NULL)
			return -1;
		S_replace(&s->child, v);
		return 0;
	case ACTION_SET_AGE:
		if (a->number < 4 || a->number > 17)
			return S_fail(cause, "Please type an age from 4 to 17.");
		s->age = (int)a->number;
		s->band = band_for_age((int)a->number);
		S_default_talk(s);
		return 0;
	case ACTION_SET_BAND:
		if (a->number < 0 || a->number >= BAND__COUNT)
			return S_fail(cause, "Please pick one of the four age "
			    "groups.");
		s->band = (enum band)a->number;
		S_default_talk(s);
		return 0;
	case ACTION_SET_GROWN_UP:
		if (a->index >= SESSION_MAX_GROWN_UPS)
			return S_fail(cause, "There is room for %d grown-ups.",
			    SESSION_MAX_GROWN_UPS);
		if (a->index > s->n_grown_ups)
			return S_fail(cause, "Please fill in grown-up %zu first.",
			    s->n_grown_ups + 1);
		if (a->text == NULL || text_is_blank(a->text)) {
			if (a->index == s->n_grown_ups)
				return 0;
			free(s->grown_ups[a->index]);
			memmove(&s->grown_ups[a->index],
			    &s->grown_ups[a->index + 1],
			    (s->n_grown_ups - a->index - 1) * sizeof s->grown_ups[0]);
			s->grown_ups[--s->n_grown_ups] = NULL;
			return 0;
		}
		if ((v = S_name(a->text, "a grown-up's name", cause)) == NULL)
			return -1;
		if (a->index == s->n_grown_ups)
			s->grown_ups[s->n_grown_ups++] = v;
		else
			S_replace(&s->grown_ups[a->index], v);
		return 0;
	case ACTION_SET_REGION: {
		const struct region *r;

		if (a->id == NULL || *a->id == '\0') {
			S_replace(&s->region, NULL);
			return 0;
		}
		if (c != NULL && (r = content_region(c, a->id)) != NULL) {
			S_replace(&s->region, xstrdup(r->code));
			return 0;
		}
		if (c == NULL || c->n_regions == 0)
			return S_fail(cause, "No help lines are loaded, so no "
			    "region can be chosen.");
		return S_fail(cause, "There are no help lines for '%s' yet; "
		    "pick one from the list.", a->id);
	}
	case ACTION_START_TALKING: {
		const struct template *t;

		if (s->child == NULL)
			return S_fail(cause, "Please type the child's first name.");
		if (s->age == 0)
			return S_fail(cause, "Please type the child's age.");
		if (s->n_grown_ups == 0)
			return S_fail(cause, "Please type at least one "
			    "grown-up's name.");
		if ((t = (int)s->band >= 0 ? content_template_for_band(c, s->band) : NULL) == NULL)
			return S_fail(cause, "There is no agreement for ages "
			    "%s; check the content folders.",
			    s->band == BAND_4_7 ? "4-7" : s->band == BAND_8_10 ?
			    "8-10" : s->band == BAND_11_13 ? "11-13" : "14-17");
		S_replace(&s->template_id, xstrdup(t->id));
		s->stage = STAGE_TALKING;
		return 0;
	}
	default:
		return S_fail(cause, "Unknown action.");
	}
}

static int
S_apply_talk(struct session *s, const struct content *c,
    const struct action *a, char **cause)
{
	const struct prompt *p;
	struct answer *ans;
	size_t pos = 0, n = 0;
	char *child = NULL, *grown = NULL;

	if (a->kind == ACTION_GOTO) {
		S_session_prompt(s, c, NULL, &pos, &n);
		if (a->number < 0 || (size_t)a->number > n)
			return S_fail(cause, "There is no question %ld.",
			    a->number + 1);
		s->position = (size_t)a->number;
		return 0;
	}
	if ((p = S_session_prompt(s, c, a->id, &pos, &n)) == NULL)
		return S_fail(cause, "There is no question '%s' for this age "
		    "group.", a->id != NULL ? a->id : "");
	if (a->kind == ACTION_ANSWER) {
		bool has_child = a->text != NULL && !text_is_blank(a->text);
		bool has_grown = a->text2 != NULL && !text_is_blank(a->text2);

		if (!has_child && !has_grown && !S_has_voices(s, p->id))
			return S_fail(cause, "Type what someone said, or skip "
			    "this question.");
		if (has_child && session_check_text(a->text,
		    SESSION_MAX_TEXT_BYTES, true, "The child's answer", cause) != 0)
			return -1;
		if (has_grown && session_check_text(a->text2,
		    SESSION_MAX_TEXT_BYTES, true, "The grown-up's answer",
		    cause) != 0)
			return -1;
		if (session_answer(s, p->id) == NULL &&
		    s->n_answers >= SESSION_MAX_ANSWERS)
			return S_fail(cause, "This session has too many answers.");
		/* Kept exactly as typed: the child's own words. */
		child = has_child ? xstrdup(a->text) : NULL;
		grown = has_grown ? xstrdup(a->text2) : NULL;
	} else if (session_answer(s, p->id) == NULL &&
	    s->n_answers >= SESSION_MAX_ANSWERS)
		return S_fail(cause, "This session has too many answers.");

	ans = S_answer_slot(s, p->id);
	switch (a->kind) {
	case ACTION_ANSWER: {
		char *prefix = xasprintf("answer/%s/", p->id);

		S_replace(&ans->child, child);
		S_replace(&ans->grown_up, grown);
		ans->state = ANSWER_GIVEN;
		S_forget_drafts(s, prefix, false);
		free(prefix);
		break;
	}
	case ACTION_SKIP:
		ans->state = ANSWER_SKIPPED;
		break;
	default:
		ans->state = ANSWER_LATER;
		break;
	}
	if (pos == s->position && s->position < n)
		s->position++;
	return 0;
}

static int
S_set_flag(struct session *s, bool promise, const char *id, bool on)
{
	if (promise) {
		for (size_t i = 0; i < s->n_promises; i++)
			if (strcmp(s->promises[i].promise_id, id) == 0) {
				s->promises[i].on = on;
				return 0;
			}
		s->promises = xgrow(s->promises, &s->cap_promises,
		    s->n_promises, sizeof *s->promises);
		s->promises[s->n_promises].promise_id = xstrdup(id);
		s->promises[s->n_promises++].on = on;
		return 0;
	}
	for (size_t i = 0; i < s->n_clauses; i++)
		if (strcmp(s->clauses[i].clause_id, id) == 0) {
			s->clauses[i].on = on;
			return 0;
		}
	s->clauses = xgrow(s->clauses, &s->cap_clauses, s->n_clauses,
	    sizeof *s->clauses);
	s->clauses[s->n_clauses].clause_id = xstrdup(id);
	s->clauses[s->n_clauses++].on = on;
	return 0;
}

static int
S_apply_agree(struct session *s, const struct content *c,
    const struct action *a, char **cause)
{
	const struct template *t = session_template(s, c);
	const struct blank *b;
	char *v;

	/* A house rule needs no template: it comes before there is one. */
	if (t == NULL && !(a->kind == ACTION_ADD_RULE && a->flag))
		return S_fail(cause, "This session's agreement (%s) is not "
		    "loaded; check the content folders.",
		    s->template_id != NULL ? s->template_id : "none");
	switch (a->kind) {
	case ACTION_SET_CLAUSE:
		if (a->id == NULL || template_clause(t, a->id) == NULL)
			return S_fail(cause, "There is no part '%s' in this "
			    "agreement.", a->id != NULL ? a->id : "");
		return S_set_flag(s, false, a->id, a->flag);
	case ACTION_SET_PROMISE:
		if (a->id == NULL || S_promise(t, a->id) == NULL)
			return S_fail(cause, "There is no promise '%s' in this "
			    "agreement.", a->id != NULL ? a->id : "");
		return S_set_flag(s, true, a->id, a->flag);
	case ACTION_SET_BLANK:
		if (a->id == NULL || (b = template_blank(t, a->id)) == NULL)
			return S_fail(cause, "There is no blank '%s' in this "
			    "agreement.", a->id != NULL ? a->id : "");
		if (blank_parse(b, a->text, false, &v, cause) != 0)
			return -1;
		if (v == NULL) {
			/* Empty: back to the template's default. */
			for (size_t i = 0; i < s->n_blanks; i++)
				if (strcmp(s->blanks[i].blank_id, b->id) == 0) {
					free(s->blanks[i].blank_id);
					free(s->blanks[i].value);
					s->blanks[i] = s->blanks[--s->n_blanks];
					break;
				}
			return 0;
		}
		for (size_t i = 0; i < s->n_blanks; i++)
			if (strcmp(s->blanks[i].blank_id, b->id) == 0) {
				S_replace(&s->blanks[i].value, v);
				return 0;
			}
		s->blanks = xgrow(s->blanks, &s->cap_blanks, s->n_blanks,
		    sizeof *s->blanks);
		s->blanks[s->n_blanks].blank_id = xstrdup(b->id);
		s->blanks[s->n_blanks++].value = v;
		return 0;
	case ACTION_ADD_RULE:
	case ACTION_EDIT_RULE:
		if (a->kind == ACTION_EDIT_RULE && a->index >= s->n_rules)
			return S_fail(cause, "There is no rule %zu.", a->index + 1);
		if (a->kind == ACTION_ADD_RULE && s->n_rules >= SESSION_MAX_RULES)
			return S_fail(cause, "There is room for %d of your own "
			    "rules.", SESSION_MAX_RULES);
		if (a->text == NULL || text_is_blank(a->text))
			return S_fail(cause, "Please type the rule.");
		if (a->number < 0 || a->number >= BINDS__COUNT)
			return S_fail(cause, "Please choose whom the rule is for.");
		if (session_check_text(a->text, SESSION_MAX_TEXT_BYTES, true,
		    "The rule", cause) != 0)
			return -1;
		if (a->kind == ACTION_ADD_RULE) {
			s->rules = xgrow(s->rules, &s->cap_rules, s->n_rules,
			    sizeof *s->rules);
			s->rules[s->n_rules].text = xstrdup(a->text);
			s->rules[s->n_rules].house = a->flag;
			s->rules[s->n_rules++].binds = (enum binds)a->number;
		} else {
			S_replace(&s->rules[a->index].text, xstrdup(a->text));
			s->rules[a->index].binds = (enum binds)a->number;
		}
		return 0;
	case ACTION_REMOVE_RULE:
		if (a->index >= s->n_rules)
			return S_fail(cause, "There is no rule %zu.", a->index + 1);
		free(s->rules[a->index].text);
		memmove(&s->rules[a->index], &s->rules[a->index + 1],
		    (s->n_rules - a->index - 1) * sizeof *s->rules);
		s->n_rules--;
		S_rule_removed(s, a->index);
		return 0;
	case ACTION_SET_REVIEW:
		if (a->number != 1 && a->number != 3 && a->number != 6 &&
		    a->number != 12)
			return S_fail(cause, "Please choose 1, 3, 6 or 12 months.");
		s->review_months = (int)a->number;
		return 0;
	default:
		return S_fail(cause, "Unknown action.");
	}
}

static int
S_apply_sign(struct session *s, const struct content *c,
    const struct action *a, time_t now, char **cause)
{
	const struct template *t = session_template(s, c);
	struct signature *sig = NULL;
	size_t need, have, g = 0;
	char *name;

	if (a->number == ROLE_GROWN_UP) {
		if (a->index >= s->n_grown_ups)
			return S_fail(cause, "There is no grown-up %zu.",
			    a->index + 1);
		g = a->index;
	} else if (a->number != ROLE_CHILD)
		return S_fail(cause, "Please choose who is signing.");
	if ((name = S_name(a->text, "your name", cause)) == NULL)
		return -1;
	for (size_t i = 0; i < s->n_signatures; i++)
		if (s->signatures[i].role == (enum role)a->number &&
		    s->signatures[i].grown_up == g)
			sig = &s->signatures[i];
	if (sig == NULL) {
		s->signatures = xgrow(s->signatures, &s->cap_signatures,
		    s->n_signatures, sizeof *s->signatures);
		sig = &s->signatures[s->n_signatures++];
		sig->name = NULL;
	}
	sig->role = (enum role)a->number;
	sig->grown_up = g;
	S_replace(&sig->name, name);
	S_sign_date(sig, a->when != 0 ? a->when : now, a->utc_offset);
	need = session_signatures_needed(s, t, &have);
	if (have == need) {
		s->stage = STAGE_SIGNED;
		if (session_freeze(s, c, cause) != 0) {
			s->stage = STAGE_SIGNING;
			return -1;
		}
	}
	return 0;
}

static int
S_set_talk(struct session *s, const struct content *c,
    const struct action *a, char **cause)
{
	const struct prompt **order;
	size_t n;

	if (a->number < 0 || a->number >= TALK__COUNT)
		return S_fail(cause, "Please choose a short talk or all the "
		    "questions.");
	s->talk = (enum session_talk)a->number;
	/* Carry on from the first question not reached in the new order. */
	n = session_prompts(s, c, &order);
	s->position = n;
	for (size_t i = 0; i < n; i++)
		if (S_unreached(s, order[i]->id)) {
			s->position = i;
			break;
		}
	free(order);
	if (s->stage != STAGE_FAMILY)
		s->stage = STAGE_TALKING;
	return 0;
}

/* ---- every voice, and what is not agreed yet --------------------------- */

const char *
session_voice(const struct answer *a, const char *name)
{
	for (size_t i = 0; a != NULL && name != NULL && i < a->n_voices; i++)
		if (strcmp(a->voices[i].name, name) == 0)
			return a->voices[i].text;
	return NULL;
}

static bool
S_has_voices(const struct session *s, const char *prompt_id)
{
	const struct answer *a = session_answer(s, prompt_id);

	return a != NULL && a->n_voices > 0;
}

static int
S_set_voice(struct session *s, const struct content *c,
    const struct action *a, char **cause)
{
	const struct prompt *p;
	struct answer *ans;
	const char *name;
	size_t pos = 0, n = 0, i;
	bool has = a->text != NULL && !text_is_blank(a->text);

	if ((p = S_session_prompt(s, c, a->id, &pos, &n)) == NULL)
		return S_fail(cause, "There is no question '%s' for this age "
		    "group.", a->id != NULL ? a->id : "");
	if (a->index >= s->n_grown_ups)
		return S_fail(cause, "There is no grown-up %zu.", a->index + 1);
	name = s->grown_ups[a->index];
	if (has && session_check_text(a->text, SESSION_MAX_TEXT_BYTES, true,
	    "The grown-up's answer", cause) != 0)
		return -1;
	if (session_answer(s, p->id) == NULL) {
		if (!has)
			return 0;
		if (s->n_answers >= SESSION_MAX_ANSWERS)
			return S_fail(cause, "This session has too many answers.");
	}
	ans = S_answer_slot(s, p->id);
	for (i = 0; i < ans->n_voices; i++)
		if (strcmp(ans->voices[i].name, name) == 0)
			break;
	if (!has) {
		if (i < ans->n_voices) {
			free(ans->voices[i].name);
			free(ans->voices[i].text);
			memmove(&ans->voices[i], &ans->voices[i + 1],
			    (ans->n_voices - i - 1) * sizeof *ans->voices);
			ans->n_voices--;
		}
		return 0;
	}
	if (i == ans->n_voices) {
		ans->voices = xgrow(ans->voices, &ans->cap_voices,
		    ans->n_voices, sizeof *ans->voices);
		ans->voices[i].name = xstrdup(name);
		ans->voices[i].text = NULL;
		ans->n_voices++;
	}
	S_replace(&ans->voices[i].text, xstrdup(a->text));
	ans->state = ANSWER_GIVEN;
	return 0;
}

char *
session_item_id(const char *kind, const char *id, size_t rule)
{
	if (strcmp(kind, "rule") == 0)
		return xasprintf("rule/%zu", rule);
	return xasprintf("%s/%s", kind, id);
}

const struct not_agreed *
session_not_agreed(const struct session *s, const char *item, size_t i)
{
	for (size_t k = 0; k < s->n_not_agreed; k++)
		if (strcmp(s->not_agreed[k].item, item) == 0 && i-- == 0)
			return &s->not_agreed[k];
	return NULL;
}

bool
session_item_agreed(const struct session *s, const char *item)
{
	return session_not_agreed(s, item, 0) == NULL;
}

/* Is item one this session's template or rules has? */
static bool
S_item_known(const struct session *s, const struct content *c,
    const char *item)
{
	const struct template *t = session_template(s, c);
	long n;

	if (strncmp(item, "rule/", 5) == 0)
		return ytree_parse_long(item + 5, &n) && n >= 1 &&
		    (size_t)n <= s->n_rules;
	if (t == NULL)
		return false;
	if (strncmp(item, "promise/", 8) == 0) {
		for (size_t i = 0; i < t->n_promises; i++)
			if (strcmp(t->promises[i].id, item + 8) == 0)
				return true;
		return false;
	}
	if (strncmp(item, "clause/", 7) == 0)
		for (size_t i = 0; i < t->n_sections; i++)
			for (size_t j = 0; j < t->sections[i].n_clauses; j++)
				if (strcmp(t->sections[i].clauses[j].id,
				    item + 7) == 0)
					return true;
	return false;
}

static void
S_drop_not_agreed(struct session *s, size_t k)
{
	free(s->not_agreed[k].item);
	free(s->not_agreed[k].who);
	free(s->not_agreed[k].reason);
	memmove(&s->not_agreed[k], &s->not_agreed[k + 1],
	    (s->n_not_agreed - k - 1) * sizeof *s->not_agreed);
	s->n_not_agreed--;
}

static int
S_set_not_agreed(struct session *s, const struct content *c,
    const struct action *a, char **cause)
{
	bool known = false, has_reason = a->text2 != NULL &&
	    !text_is_blank(a->text2);
	struct not_agreed *na;
	size_t k;

	if (a->id == NULL || !S_item_known(s, c, a->id))
		return S_fail(cause, "There is no rule or promise '%s'.",
		    a->id != NULL ? a->id : "");
	if (a->text != NULL && s->child != NULL && strcmp(a->text, s->child) == 0)
		known = true;
	for (size_t i = 0; a->text != NULL && i < s->n_grown_ups; i++)
		if (strcmp(a->text, s->grown_ups[i]) == 0)
			known = true;
	if (!known)
		return S_fail(cause, "Who has not agreed? Choose the child or "
		    "one of the grown-ups.");
	for (k = 0; k < s->n_not_agreed; k++)
		if (strcmp(s->not_agreed[k].item, a->id) == 0 &&
		    strcmp(s->not_agreed[k].who, a->text) == 0)
			break;
	if (!a->flag) {
		if (k < s->n_not_agreed)
			S_drop_not_agreed(s, k);
		return 0;
	}
	if (has_reason && session_check_text(a->text2,
	    SESSION_MAX_REASON_BYTES, false, "The reason", cause) != 0)
		return -1;
	if (k == s->n_not_agreed) {
		if (s->n_not_agreed >= SESSION_MAX_NOT_AGREED)
			return S_fail(cause, "There is room for %d things still "
			    "to agree.", SESSION_MAX_NOT_AGREED);
		s->not_agreed = xgrow(s->not_agreed, &s->cap_not_agreed,
		    s->n_not_agreed, sizeof *s->not_agreed);
		na = &s->not_agreed[s->n_not_agreed++];
		na->item = xstrdup(a->id);
		na->who = xstrdup(a->text);
		na->reason = NULL;
	} else
		na = &s->not_agreed[k];
	S_replace(&na->reason, has_reason ? xstrdup(a->text2) : NULL);
	return 0;
}

void
session_copy_not_agreed(struct session *dst, const struct session *src)
{
	for (size_t i = 0; i < src->n_not_agreed; i++) {
		const struct not_agreed *na = &src->not_agreed[i];

		dst->not_agreed = xgrow(dst->not_agreed, &dst->cap_not_agreed,
		    dst->n_not_agreed, sizeof *dst->not_agreed);
		dst->not_agreed[dst->n_not_agreed].item = xstrdup(na->item);
		dst->not_agreed[dst->n_not_agreed].who = xstrdup(na->who);
		dst->not_agreed[dst->n_not_agreed++].reason = na->reason != NULL ?
		    xstrdup(na->reason) : NULL;
	}
}

/* Rule index (from 0) was removed: its entries go, later rules move up. */
static void
S_rule_removed(struct session *s, size_t index)
{
	for (size_t k = 0; k < s->n_not_agreed; ) {
		long n;

		if (strncmp(s->not_agreed[k].item, "rule/", 5) != 0 ||
		    !ytree_parse_long(s->not_agreed[k].item + 5, &n)) {
			k++;
			continue;
		}
		if ((size_t)n == index + 1) {
			S_drop_not_agreed(s, k);
			continue;
		}
		if ((size_t)n > index + 1)
			S_replace(&s->not_agreed[k].item,
			    session_item_id("rule", NULL, (size_t)n - 1));
		k++;
	}
}

/* The topics chosen, then a talk on them (as SET_TALK TOPICS). */
static int
S_set_topics(struct session *s, const struct content *c,
    const struct action *a, char **cause)
{
	struct action talk = { .kind = ACTION_SET_TALK, .number = TALK_TOPICS };

	if (a->number < 0 || a->number >= (long)SESSION_TOPIC_BIT(TOPIC__COUNT))
		return S_fail(cause, "Those are not topics talkpact knows.");
	s->topics = (unsigned)a->number;
	return S_set_talk(s, c, &talk, cause);
}

int
session_apply(struct session *s, const struct content *c,
    const struct action *a, time_t now, char **cause)
{
	int rc = -1;

	if (cause != NULL)
		*cause = NULL;
	switch (a->kind) {
	case ACTION_SET_CHILD:
	case ACTION_SET_AGE:
	case ACTION_SET_BAND:
	case ACTION_SET_GROWN_UP:
	case ACTION_SET_REGION:
	case ACTION_START_TALKING:
		if (S_need_stage(s, ST(FAMILY), cause) == 0)
			rc = S_apply_family(s, c, a, cause);
		break;
	case ACTION_ANSWER:
	case ACTION_SKIP:
	case ACTION_LATER:
	case ACTION_GOTO:
		if (S_need_stage(s, ST(TALKING) | ST(AGREEING), cause) == 0)
			rc = S_apply_talk(s, c, a, cause);
		break;
	case ACTION_START_AGREEING:
		if (S_need_stage(s, ST(TALKING) | ST(REVIEWING), cause) == 0) {
			bool review = s->stage == STAGE_REVIEWING;

			s->stage = STAGE_AGREEING;
			if (review)
				review_finish(s, c, now);
			rc = 0;
		}
		break;
	case ACTION_ADD_RULE:
		/* A house rule comes with the household, before talking. */
		if (S_need_stage(s, a->flag ? ST(FAMILY) | ST(TALKING) |
		    ST(AGREEING) : ST(AGREEING), cause) == 0)
			rc = S_apply_agree(s, c, a, cause);
		break;
	case ACTION_SET_VOICE:
		if (S_need_stage(s, ST(TALKING) | ST(AGREEING), cause) == 0)
			rc = S_set_voice(s, c, a, cause);
		break;
	case ACTION_SET_NOT_AGREED:
		if (S_need_stage(s, ST(AGREEING), cause) == 0)
			rc = S_set_not_agreed(s, c, a, cause);
		break;
	case ACTION_SET_CLAUSE:
	case ACTION_SET_BLANK:
	case ACTION_EDIT_RULE:
	case ACTION_REMOVE_RULE:
	case ACTION_SET_PROMISE:
	case ACTION_SET_REVIEW:
		if (S_need_stage(s, ST(AGREEING), cause) == 0)
			rc = S_apply_agree(s, c, a, cause);
		break;
	case ACTION_START_SIGNING:
		if (S_need_stage(s, ST(AGREEING), cause) == 0) {
			if (session_template(s, c) == NULL) {
				rc = S_fail(cause, "This session's agreement is "
				    "not loaded; check the content folders.");
				break;
			}
			s->stage = STAGE_SIGNING;
			rc = 0;
		}
		break;
	case ACTION_SIGN:
		if (S_need_stage(s, ST(SIGNING), cause) == 0)
			rc = S_apply_sign(s, c, a, now, cause);
		break;
	case ACTION_SET_DRAFT:
		if (S_need_stage(s, ST(FAMILY) | ST(TALKING) | ST(AGREEING) |
		    ST(SIGNING) | ST(REVIEWING), cause) == 0)
			rc = S_set_draft(s, a, cause);
		break;
	case ACTION_SET_TALK:
		if (s->replaces != NULL) {
			rc = S_fail(cause, "A review talks about the rules you "
			    "signed, not the questions.");
			break;
		}
		if (S_need_stage(s, ST(FAMILY) | ST(TALKING) | ST(AGREEING),
		    cause) == 0)
			rc = S_set_talk(s, c, a, cause);
		break;
	case ACTION_REVIEW:
		if (S_need_stage(s, ST(REVIEWING), cause) == 0)
			rc = review_apply(s, c, a, cause);
		break;
	case ACTION_REVIEW_VOICE:
		if (S_need_stage(s, ST(REVIEWING), cause) == 0)
			rc = review_apply_voice(s, a, cause);
		break;
	case ACTION_SET_TOPICS:
		if (S_need_stage(s, ST(FAMILY) | ST(TALKING) | ST(AGREEING),
		    cause) == 0)
			rc = S_set_topics(s, c, a, cause);
		break;
	case ACTION_BACK:
		if (s->stage == STAGE_FAMILY || s->stage == STAGE_REVIEWING) {
			rc = S_fail(cause, "This is the first step.");
			break;
		}
		/* A review goes back from choosing to reviewing. */
		if (s->stage == STAGE_AGREEING && s->replaces != NULL) {
			s->stage = STAGE_REVIEWING;
			rc = 0;
			break;
		}
		if (s->stage == STAGE_SIGNED || s->stage == STAGE_SIGNING)
			S_clear_signatures(s);
		s->stage = s->stage == STAGE_SIGNED ? STAGE_SIGNING :
		    (enum session_stage)(s->stage - 1);
		rc = 0;
		break;
	default:
		rc = S_fail(cause, "Unknown action.");
		break;
	}
	if (rc == 0 && a->kind == ACTION_ADD_RULE)
		S_forget_drafts(s, "rule/new", true);
	if (rc == 0 && a->kind == ACTION_REVIEW) {
		char *box = xasprintf("review/%s/", a->id);

		S_forget_drafts(s, box, false);
		free(box);
	}
	if (rc == 0 && a->kind == ACTION_SET_BLANK && a->id != NULL) {
		char *box = xasprintf("blank/%s", a->id);

		S_forget_drafts(s, box, true);
		free(box);
	}
	if (rc == 0) {
		s->updated = now;
		if (s->created == 0)
			s->created = s->updated;
	}
	return rc;
}

/* ---- what was signed (format 2) ---------------------------------------- */

static const char *const S_block_ids[] = {
#define X(e, id) id,
	SIGNED_BLOCK_TABLE
#undef X
};

NAMES_AT(signed_block_id, enum signed_block_kind, S_block_ids)
NAMES_FIND(signed_block_from_id, S_block_ids)

/* The signer's own date, from the offset main.c gave with the time. */
static void
S_sign_date(struct signature *g, time_t when, long utc_offset)
{
	struct civil d;

	if (utc_offset > CIVIL_MAX_OFFSET || utc_offset < -CIVIL_MAX_OFFSET)
		utc_offset = 0;
	g->when = when;
	g->utc_offset = utc_offset;
	civil_from_time(when, utc_offset, &d);
	civil_iso(&d, g->date);
}

static void
S_unfreeze(struct session *s)
{
	signed_words_free(s->frozen);
	s->frozen = NULL;
	s->changed_after_signing = false;
}

static void
S_text_free(struct signed_text *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->pieces[i]);
	free(t->pieces);
}

void
signed_words_free(struct signed_words *w)
{
	if (w == NULL)
		return;
	free(w->title);
	free(w->paper);
	free(w->date);
	free(w->review_date);
	for (size_t i = 0; i < w->n_blocks; i++) {
		free(w->blocks[i].heading);
		for (size_t j = 0; j < w->blocks[i].n_items; j++)
			S_text_free(&w->blocks[i].items[j]);
		free(w->blocks[i].items);
	}
	free(w->blocks);
	free(w->steps_heading);
	for (size_t i = 0; i < w->n_steps; i++)
		S_text_free(&w->steps[i]);
	free(w->steps);
	free(w->help_region);
	for (size_t i = 0; i < w->n_lines; i++) {
		free(w->lines[i].name);
		free(w->lines[i].about);
		free(w->lines[i].phone);
		free(w->lines[i].web);
	}
	free(w->lines);
	free(w->markdown);
	free(w);
}

struct signed_words *
session_words(const struct session *s, const struct content *c, time_t now,
    long utc_offset, char **cause)
{
	return agreement_words(s, c, now, utc_offset, cause);
}

int
session_freeze(struct session *s, const struct content *c, char **cause)
{
	struct signed_words *w = session_words(s, c, 0, 0, cause), *old;
	char *md;

	if (w == NULL)
		return -1;
	old = s->frozen;
	s->frozen = w;
	s->changed_after_signing = false;
	if (agreement_freeze_markdown(s, &md, w->fingerprint, cause) != 0) {
		s->frozen = old;
		signed_words_free(w);
		return -1;
	}
	signed_words_free(old);
	w->markdown = md;
	session_signed_digest(s, w->digest);
	return 0;
}

/* The canonical form: "key len:value\n" lines. */
struct S_canon {
	char *p;
	size_t n, cap;
};

static void
S_canon_put(struct S_canon *b, const char *key, const char *v)
{
	char head[96];
	size_t hl, vl;

	if (v == NULL)
		v = "";
	vl = strlen(v);
	hl = (size_t)snprintf(head, sizeof head, "%s %zu:", key, vl);
	if (hl >= sizeof head)
		hl = sizeof head - 1;
	while (b->n + hl + vl + 2 > b->cap) {
		b->cap = b->cap == 0 ? 4096 : b->cap * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->n, head, hl);
	b->n += hl;
	memcpy(b->p + b->n, v, vl);
	b->n += vl;
	b->p[b->n++] = '\n';
	b->p[b->n] = '\0';
}

static void
S_canon_long(struct S_canon *b, const char *key, long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	S_canon_put(b, key, buf);
}

static void
S_canon_text(struct S_canon *b, const char *key, const struct signed_text *t)
{
	S_canon_long(b, key, (long)t->n);
	for (size_t i = 0; i < t->n; i++)
		S_canon_put(b, i % 2 == 0 ? "words" : "value", t->pieces[i]);
}

static void
S_canon_words(struct S_canon *b, const struct signed_words *w)
{
	S_canon_put(b, "signed.title", w->title);
	S_canon_put(b, "signed.band", band_name(w->band));
	S_canon_put(b, "signed.paper", w->paper);
	S_canon_put(b, "signed.date", w->date);
	S_canon_put(b, "signed.review-date", w->review_date);
	S_canon_put(b, "signed.review-day", w->review_day);
	S_canon_long(b, "signed.review-months", w->review_months);
	S_canon_long(b, "signed.blocks", (long)w->n_blocks);
	for (size_t i = 0; i < w->n_blocks; i++) {
		S_canon_put(b, "block.kind", signed_block_id(w->blocks[i].kind));
		S_canon_put(b, "block.heading", w->blocks[i].heading);
		S_canon_long(b, "block.items", (long)w->blocks[i].n_items);
		for (size_t j = 0; j < w->blocks[i].n_items; j++)
			S_canon_text(b, "item", &w->blocks[i].items[j]);
	}
	S_canon_put(b, "signed.steps-heading", w->steps_heading);
	S_canon_long(b, "signed.steps", (long)w->n_steps);
	for (size_t i = 0; i < w->n_steps; i++)
		S_canon_text(b, "step", &w->steps[i]);
	S_canon_put(b, "signed.help-region", w->help_region);
	S_canon_long(b, "signed.lines", (long)w->n_lines);
	for (size_t i = 0; i < w->n_lines; i++) {
		S_canon_put(b, "line.name", w->lines[i].name);
		S_canon_put(b, "line.about", w->lines[i].about);
		S_canon_put(b, "line.phone", w->lines[i].phone);
		S_canon_put(b, "line.web", w->lines[i].web);
	}
	S_canon_put(b, "signed.markdown", w->markdown);
	S_canon_put(b, "signed.fingerprint", w->fingerprint);
}

/*
 * The optional keys of every voice and "not agreed yet" in the canonical
 * form, only when present, so that a file without them keeps its digest.
 */
static void
S_canon_voices(struct S_canon *b, const struct answer *a)
{
	if (a->n_voices == 0)
		return;
	S_canon_long(b, "answer.voices", (long)a->n_voices);
	for (size_t i = 0; i < a->n_voices; i++) {
		S_canon_put(b, "voice.name", a->voices[i].name);
		S_canon_put(b, "voice.text", a->voices[i].text);
	}
}

static void
S_canon_not_agreed(struct S_canon *b, const struct session *s)
{
	if (s->n_not_agreed == 0)
		return;
	S_canon_long(b, "not-agreed", (long)s->n_not_agreed);
	for (size_t i = 0; i < s->n_not_agreed; i++) {
		S_canon_put(b, "not-agreed.item", s->not_agreed[i].item);
		S_canon_put(b, "not-agreed.who", s->not_agreed[i].who);
		S_canon_put(b, "not-agreed.reason", s->not_agreed[i].reason);
	}
}

/* A review note's voices (optional): only when present, as for answers. */
static void
S_canon_note_voices(struct S_canon *b, const struct review_note *n)
{
	if (n->n_voices == 0)
		return;
	S_canon_long(b, "note.voices", (long)n->n_voices);
	for (size_t i = 0; i < n->n_voices; i++) {
		S_canon_put(b, "voice.name", n->voices[i].name);
		S_canon_put(b, "voice.text", n->voices[i].text);
	}
}

/*
 * A review's keys (review.h), only when the session is a review, so a
 * first version's digest is as it always was.
 */
static void
S_canon_review(struct S_canon *b, const struct session *s)
{
	const struct replaces *r = s->replaces;

	if (s->version <= 1 && r == NULL && s->n_notes == 0)
		return;
	S_canon_long(b, "version", s->version);
	if (r != NULL) {
		S_canon_put(b, "replaces.session", r->id);
		S_canon_long(b, "replaces.version", r->version);
		S_canon_long(b, "replaces.signed", (long)r->signed_at);
		S_canon_put(b, "replaces.date", r->date);
		S_canon_put(b, "replaces.fingerprint", r->fingerprint);
		S_canon_long(b, "replaces.rules", (long)r->n_items);
		for (size_t i = 0; i < r->n_items; i++) {
			S_canon_put(b, "replaced.item", r->items[i].key);
			S_canon_put(b, "replaced.text", r->items[i].text);
			S_canon_put(b, "replaced.binds", binds_id(r->items[i].binds));
		}
		S_canon_long(b, "replaces.blanks", (long)r->n_blanks);
		for (size_t i = 0; i < r->n_blanks; i++) {
			S_canon_put(b, "replaced.blank", r->blanks[i].blank_id);
			S_canon_put(b, "replaced.value", r->blanks[i].value);
		}
	}
	S_canon_long(b, "review", (long)s->n_notes);
	for (size_t i = 0; i < s->n_notes; i++) {
		S_canon_put(b, "note.item", s->notes[i].key);
		S_canon_put(b, "note.decision",
		    review_decision_id(s->notes[i].decision));
		S_canon_put(b, "note.child", s->notes[i].child);
		S_canon_long(b, "note.has-child", s->notes[i].child != NULL);
		S_canon_put(b, "note.grown-up", s->notes[i].grown_up);
		S_canon_long(b, "note.has-grown-up", s->notes[i].grown_up != NULL);
		S_canon_note_voices(b, &s->notes[i]);
	}
}

char *
session_signed_canonical(const struct session *s)
{
	struct S_canon b = { NULL, 0, 0 };

	S_canon_put(&b, "talkpact-signed", "2");
	S_canon_put(&b, "template", s->template_id);
	S_canon_put(&b, "family.child", s->child);
	S_canon_long(&b, "family.age", s->age);
	S_canon_put(&b, "family.band", (int)s->band >= 0 &&
	    s->band < BAND__COUNT ? band_name(s->band) : "");
	S_canon_long(&b, "family.grown-ups", (long)s->n_grown_ups);
	for (size_t i = 0; i < s->n_grown_ups; i++)
		S_canon_put(&b, "grown-up", s->grown_ups[i]);
	S_canon_put(&b, "family.region", s->region);
	S_canon_long(&b, "answers", (long)s->n_answers);
	for (size_t i = 0; i < s->n_answers; i++) {
		const struct answer *a = &s->answers[i];

		S_canon_put(&b, "answer.prompt", a->prompt_id);
		S_canon_long(&b, "answer.state", a->state);
		S_canon_put(&b, "answer.child", a->child);
		S_canon_long(&b, "answer.has-child", a->child != NULL);
		S_canon_put(&b, "answer.grown-up", a->grown_up);
		S_canon_long(&b, "answer.has-grown-up", a->grown_up != NULL);
		S_canon_voices(&b, a);
	}
	S_canon_long(&b, "clauses", (long)s->n_clauses);
	for (size_t i = 0; i < s->n_clauses; i++) {
		S_canon_put(&b, "clause", s->clauses[i].clause_id);
		S_canon_long(&b, "clause.on", s->clauses[i].on);
	}
	S_canon_long(&b, "blanks", (long)s->n_blanks);
	for (size_t i = 0; i < s->n_blanks; i++) {
		S_canon_put(&b, "blank", s->blanks[i].blank_id);
		S_canon_put(&b, "blank.value", s->blanks[i].value);
	}
	S_canon_long(&b, "rules", (long)s->n_rules);
	for (size_t i = 0; i < s->n_rules; i++) {
		S_canon_put(&b, "rule", s->rules[i].text);
		S_canon_put(&b, "rule.binds", binds_id(s->rules[i].binds));
		if (s->rules[i].house)	/* optional: only when there */
			S_canon_long(&b, "rule.house", 1);
	}
	S_canon_long(&b, "promises", (long)s->n_promises);
	for (size_t i = 0; i < s->n_promises; i++) {
		S_canon_put(&b, "promise", s->promises[i].promise_id);
		S_canon_long(&b, "promise.on", s->promises[i].on);
	}
	S_canon_long(&b, "review-months", s->review_months);
	S_canon_not_agreed(&b, s);
	S_canon_long(&b, "signatures", (long)s->n_signatures);
	for (size_t i = 0; i < s->n_signatures; i++) {
		const struct signature *g = &s->signatures[i];

		S_canon_put(&b, "signature.role", role_id(g->role));
		S_canon_long(&b, "signature.grown-up", (long)g->grown_up);
		S_canon_put(&b, "signature.name", g->name);
		S_canon_long(&b, "signature.time", (long)g->when);
		S_canon_put(&b, "signature.date", g->date);
		S_canon_long(&b, "signature.offset", g->utc_offset);
	}
	if (s->frozen != NULL)
		S_canon_words(&b, s->frozen);
	S_canon_review(&b, s);
	return b.p != NULL ? b.p : xstrdup("");
}

void
session_signed_digest(const struct session *s, char out[65])
{
	char *canon = session_signed_canonical(s);

	fingerprint_sha256_hex(canon, strlen(canon), out);
	free(canon);
}

int
session_signed_check(const struct session *s)
{
	char digest[65];

	if (s->stage != STAGE_SIGNED || s->frozen == NULL)
		return 0;
	if (s->changed_after_signing)
		return -1;
	session_signed_digest(s, digest);
	return strcmp(digest, s->frozen->digest) == 0 ? 1 : -1;
}
