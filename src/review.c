/*
 * review.c: the rules of a review (review.h): starting one from a signed
 * agreement, what it goes through, the family's notes, carrying their
 * decisions into the agreement, and what changed since the agreement it
 * replaces.
 *
 * Changes the session only as session_apply() asks (review_apply,
 * review_finish) or while building a new one (review_start). Never
 * prints, exits or reads the clock.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "agreement.h"
#include "civil.h"
#include "fill.h"
#include "review.h"
#include "session_store.h"
#include "util.h"
#include "ytree.h"

static const char *const S_decision_ids[] = {
#define X(e, id) id,
	REVIEW_DECISION_TABLE
#undef X
};

NAMES_AT(review_decision_id, enum review_decision, S_decision_ids)
NAMES_FIND(review_decision_from_id, S_decision_ids)

const char *
review_decision_shown(enum review_decision d)
{
	return review_decision_id(d);
}

/* ---- the agreement as it stands ------------------------------------------ */

/* A clause's or promise's words with the family's values and the region's facts. */
static char *
S_filled(const struct session *s, const struct content *c,
    const struct template *t, const char *text)
{
	struct region_markers rm = { c, s->region != NULL ?
	    content_region(c, s->region) : NULL };
	struct session_markers sm = { s, t };
	struct fill_chain ch = { 2, { region_marker, session_marker },
	    { &rm, &sm }, -1 };

	return fill_string(text, fill_chain, &ch, NULL);
}

static void
S_add_item(struct replaces *r, size_t *cap, char *key, char *text,
    enum binds binds)
{
	r->items = xgrow(r->items, cap, r->n_items, sizeof *r->items);
	r->items[r->n_items].key = key;
	r->items[r->n_items].text = text;
	r->items[r->n_items].binds = binds;
	r->n_items++;
}

static bool
S_broken_section(const struct section *sec)
{
	return strcmp(sec->id, "if-a-rule-is-broken") == 0;
}

/* Agreed by everyone: an item still to agree is not in force. */
static bool
S_in_force(const struct session *s, const char *kind, const char *id,
    size_t rule)
{
	char *item = session_item_id(kind, id, rule);
	bool yes = session_item_agreed(s, item);

	free(item);
	return yes;
}

static void
S_clause_item(const struct session *s, const struct content *c,
    const struct template *t, const struct clause *cl, struct replaces *r,
    size_t *cap)
{
	if (session_clause_on(s, cl) && S_in_force(s, "clause", cl->id, 0))
		S_add_item(r, cap, xasprintf("clause/%s", cl->id),
		    S_filled(s, c, t, cl->text), cl->binds);
}

/*
 * The rules and promises that are on in s, and every blank's value, in
 * the order the agreement prints them: for everyone, the child, the
 * grown-ups (each the template's clauses, then the family's own rules),
 * the promises, then "If a rule is broken".
 */
static void
S_standing(const struct session *s, const struct content *c, struct replaces *r)
{
	static const enum binds order[] = { BINDS_EVERYONE, BINDS_CHILD,
		BINDS_GROWN_UPS };
	const struct template *t = session_template(s, c);
	size_t cap = 0;

	if (t == NULL)
		return;
	for (size_t g = 0; g < sizeof order / sizeof order[0]; g++) {
		for (size_t i = 0; i < t->n_sections; i++)
			for (size_t j = 0; j < t->sections[i].n_clauses &&
			    !S_broken_section(&t->sections[i]); j++)
				if (t->sections[i].clauses[j].binds == order[g])
					S_clause_item(s, c, t,
					    &t->sections[i].clauses[j], r, &cap);
		for (size_t i = 0; i < s->n_rules; i++)
			if (s->rules[i].binds == order[g] &&
			    S_in_force(s, "rule", NULL, i + 1))
				S_add_item(r, &cap, xasprintf("rule/%zu", i + 1),
				    xstrdup(s->rules[i].text), s->rules[i].binds);
	}
	for (size_t i = 0; i < t->n_promises; i++)
		if (session_promise_on(s, &t->promises[i]) &&
		    S_in_force(s, "promise", t->promises[i].id, 0))
			S_add_item(r, &cap, xasprintf("promise/%s",
			    t->promises[i].id), S_filled(s, c, t,
			    t->promises[i].text), BINDS_GROWN_UPS);
	for (size_t i = 0; i < t->n_sections; i++)
		for (size_t j = 0; j < t->sections[i].n_clauses &&
		    S_broken_section(&t->sections[i]); j++)
			S_clause_item(s, c, t, &t->sections[i].clauses[j], r, &cap);
	if (t->n_blanks > 0)
		r->blanks = xcalloc(t->n_blanks, sizeof *r->blanks);
	for (size_t i = 0; i < t->n_blanks; i++) {
		const char *v = session_blank(s, &t->blanks[i]);

		r->blanks[r->n_blanks].blank_id = xstrdup(t->blanks[i].id);
		r->blanks[r->n_blanks++].value = xstrdup(v != NULL ? v : "");
	}
}

time_t
review_signed_at(const struct session *s)
{
	time_t last = 0;

	for (size_t i = 0; i < s->n_signatures; i++)
		if (s->signatures[i].when > last)
			last = s->signatures[i].when;
	return last;
}

char *
review_signed_date(const struct session *s)
{
	const struct signature *last = NULL;
	struct civil d;
	char buf[64];

	if (s->frozen != NULL && s->frozen->date != NULL)
		return xstrdup(s->frozen->date);
	for (size_t i = 0; i < s->n_signatures; i++)
		if (last == NULL || s->signatures[i].when > last->when)
			last = &s->signatures[i];
	if (last == NULL)
		return NULL;
	if (civil_parse_iso(last->date, &d) != 0)
		civil_from_time(last->when, last->utc_offset, &d);
	civil_words(&d, buf, sizeof buf);
	return xstrdup(buf);
}

/* A signed text's words as one string. */
static char *
S_joined(const struct signed_text *x)
{
	size_t len = 0;
	char *out;

	for (size_t i = 0; i < x->n; i++)
		len += strlen(x->pieces[i]);
	out = xmalloc(len + 1);
	out[0] = '\0';
	for (size_t i = 0; i < x->n; i++)
		strcat(out, x->pieces[i]);
	return out;
}

/*
 * The words as they were signed: the frozen agreement's rules, promises
 * and "If a rule is broken" are the items in the same order (S_standing
 * follows the agreement's order), so each item takes its frozen words.
 * When the counts differ (a file changed by hand), the words stay as the
 * content gives them.
 */
static void
S_frozen_words(const struct signed_words *w, struct replaces *r)
{
	size_t n = 0, k = 0;

	/* Neither what changed nor what was still to agree was in force. */
#define S_IN_FORCE(b) ((b)->kind != SIGNED_BLOCK_CHANGES && \
	    (b)->kind != SIGNED_BLOCK_STILL)
	for (size_t i = 0; i < w->n_blocks; i++)
		if (S_IN_FORCE(&w->blocks[i]))
			n += w->blocks[i].n_items;
	if (n != r->n_items)
		return;
	for (size_t i = 0; i < w->n_blocks; i++)
		for (size_t j = 0; j < w->blocks[i].n_items &&
		    S_IN_FORCE(&w->blocks[i]); j++) {
			free(r->items[k].text);
			r->items[k++].text = S_joined(&w->blocks[i].items[j]);
		}
#undef S_IN_FORCE
}

void
review_previous_rules(const struct session *prev, const struct content *c,
    struct replaces *r)
{
	char fp[FINGERPRINT_HEX + 1], *cause = NULL;

	memset(r, 0, sizeof *r);
	r->id = xstrdup(prev->id != NULL ? prev->id : "");
	r->version = prev->version > 0 ? prev->version : 1;
	r->signed_at = review_signed_at(prev);
	r->date = review_signed_date(prev);
	if (prev->frozen != NULL && prev->frozen->fingerprint[0] != '\0')
		r->fingerprint = xstrdup(prev->frozen->fingerprint);
	else if (agreement_fingerprint(prev, c, prev->updated, fp, &cause) == 0)
		r->fingerprint = xstrdup(fp);
	free(cause);
	S_standing(prev, c, r);
	if (prev->frozen != NULL)
		S_frozen_words(prev->frozen, r);
}

void
review_replaces_free(struct replaces *r)
{
	if (r == NULL)
		return;
	free(r->id);
	free(r->date);
	free(r->fingerprint);
	for (size_t i = 0; i < r->n_items; i++) {
		free(r->items[i].key);
		free(r->items[i].text);
	}
	free(r->items);
	for (size_t i = 0; i < r->n_blanks; i++) {
		free(r->blanks[i].blank_id);
		free(r->blanks[i].value);
	}
	free(r->blanks);
	memset(r, 0, sizeof *r);
}

void
review_session_free(struct session *s)
{
	review_replaces_free(s->replaces);
	free(s->replaces);
	s->replaces = NULL;
	for (size_t i = 0; i < s->n_notes; i++) {
		free(s->notes[i].key);
		free(s->notes[i].child);
		free(s->notes[i].grown_up);
		for (size_t v = 0; v < s->notes[i].n_voices; v++) {
			free(s->notes[i].voices[v].name);
			free(s->notes[i].voices[v].text);
		}
		free(s->notes[i].voices);
	}
	free(s->notes);
	s->notes = NULL;
	s->n_notes = s->cap_notes = 0;
}

/* ---- starting ---------------------------------------------------------------- */

static char *
S_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

int
review_start(const struct session *prev, const struct content *c, time_t now,
    struct session *out, char **cause)
{
	if (prev->stage != STAGE_SIGNED) {
		*cause = xasprintf("not signed yet: talkpact resume %s",
		    prev->id != NULL ? prev->id : "");
		return -1;
	}
	if (session_template(prev, c) == NULL) {
		*cause = xasprintf("the agreement for this session (%s) is not "
		    "loaded; check the content folders", prev->template_id !=
		    NULL ? prev->template_id : "none");
		return -1;
	}
	session_init(out);
	out->created = out->updated = now;
	out->stage = STAGE_REVIEWING;
	out->version = (prev->version > 0 ? prev->version : 1) + 1;
	out->child = S_dup(prev->child);
	out->age = prev->age;
	out->band = prev->band;
	for (size_t i = 0; i < prev->n_grown_ups; i++)
		out->grown_ups[out->n_grown_ups++] = xstrdup(prev->grown_ups[i]);
	out->region = S_dup(prev->region);
	out->template_id = S_dup(prev->template_id);
	out->talk = prev->talk;
	out->review_months = prev->review_months;
	if (prev->n_clauses > 0) {
		out->clauses = xcalloc(prev->n_clauses, sizeof *out->clauses);
		out->cap_clauses = prev->n_clauses;
	}
	for (size_t i = 0; i < prev->n_clauses; i++) {
		out->clauses[i].clause_id = xstrdup(prev->clauses[i].clause_id);
		out->clauses[i].on = prev->clauses[i].on;
	}
	out->n_clauses = prev->n_clauses;
	if (prev->n_blanks > 0) {
		out->blanks = xcalloc(prev->n_blanks, sizeof *out->blanks);
		out->cap_blanks = prev->n_blanks;
	}
	for (size_t i = 0; i < prev->n_blanks; i++) {
		out->blanks[i].blank_id = xstrdup(prev->blanks[i].blank_id);
		out->blanks[i].value = xstrdup(prev->blanks[i].value);
	}
	out->n_blanks = prev->n_blanks;
	if (prev->n_rules > 0) {
		out->rules = xcalloc(prev->n_rules, sizeof *out->rules);
		out->cap_rules = prev->n_rules;
	}
	for (size_t i = 0; i < prev->n_rules; i++) {
		out->rules[i].text = xstrdup(prev->rules[i].text);
		out->rules[i].binds = prev->rules[i].binds;
		out->rules[i].house = prev->rules[i].house;
	}
	out->n_rules = prev->n_rules;
	/* What was still to agree comes first in the review. */
	session_copy_not_agreed(out, prev);
	if (prev->n_promises > 0) {
		out->promises = xcalloc(prev->n_promises, sizeof *out->promises);
		out->cap_promises = prev->n_promises;
	}
	for (size_t i = 0; i < prev->n_promises; i++) {
		out->promises[i].promise_id = xstrdup(prev->promises[i].promise_id);
		out->promises[i].on = prev->promises[i].on;
	}
	out->n_promises = prev->n_promises;
	out->replaces = xcalloc(1, sizeof *out->replaces);
	review_previous_rules(prev, c, out->replaces);
	return 0;
}

/* ---- what a review goes through ---------------------------------------------- */

static void
S_push(struct review_items *l, enum review_item_kind k, const char *key,
    const char *text, const char *tip, enum binds binds)
{
	l->items = xgrow(l->items, &l->cap, l->n, sizeof *l->items);
	l->items[l->n].kind = k;
	l->items[l->n].key = key;
	l->items[l->n].text = text;
	l->items[l->n].tip = tip;
	l->items[l->n].binds = binds;
	l->n++;
}

/*
 * The words of a clause, rule or promise still to agree, its blanks
 * filled as the session has them. Caller frees; NULL if it is gone.
 */
static char *
S_still_text(const struct session *s, const struct content *c,
    const char *item)
{
	const struct template *t = session_template(s, c);
	struct region_markers rm = { c, s->region != NULL ?
	    content_region(c, s->region) : NULL };
	struct session_markers sm = { s, t };
	struct fill_chain ch = { 2, { region_marker, session_marker },
	    { &rm, &sm }, -1 };
	const char *text = NULL;
	long n;

	if (strncmp(item, "rule/", 5) == 0)
		return ytree_parse_long(item + 5, &n) && n >= 1 &&
		    (size_t)n <= s->n_rules ? xstrdup(s->rules[n - 1].text) :
		    NULL;
	for (size_t i = 0; t != NULL && i < t->n_promises; i++)
		if (strncmp(item, "promise/", 8) == 0 &&
		    strcmp(t->promises[i].id, item + 8) == 0)
			text = t->promises[i].text;
	for (size_t i = 0; t != NULL && i < t->n_sections; i++)
		for (size_t j = 0; j < t->sections[i].n_clauses; j++)
			if (strncmp(item, "clause/", 7) == 0 &&
			    strcmp(t->sections[i].clauses[j].id, item + 7) == 0)
				text = t->sections[i].clauses[j].text;
	return text != NULL ? fill_string(text, fill_chain, &ch, "___") : NULL;
}

/*
 * Who had not agreed to item yet and why, and what a decision means for
 * it: "Not agreed yet by Maya: ... Keep: everyone agrees now. ...".
 * Caller frees.
 */
static char *
S_still_tip(const struct session *s, const char *item)
{
	const struct not_agreed *na;
	char *tip = xstrdup(""), *more;

	for (size_t k = 0; (na = session_not_agreed(s, item, k)) != NULL; k++) {
		more = xasprintf("%sNot agreed yet by %s%s%s%s", tip, na->who,
		    na->reason != NULL ? ": " : "", na->reason != NULL ?
		    na->reason : "", na->reason != NULL && na->reason[0] != '\0' &&
		    strchr(".!?", na->reason[strlen(na->reason) - 1]) != NULL ?
		    " " : ". ");
		free(tip);
		tip = more;
	}
	more = xasprintf("%sKeep: everyone agrees now. Change: still to agree. "
	    "Drop: leave it out.", tip);
	free(tip);
	return more;
}

size_t
review_still_to_agree(const struct session *s, const struct content *c,
    struct review_items *out)
{
	size_t before = out->n;

	/* Each item once, in the order it was first held back. */
	for (size_t i = 0; i < s->n_not_agreed; i++) {
		const char *item = s->not_agreed[i].item;
		bool seen = false;
		char *text;

		for (size_t k = 0; k < i; k++)
			seen |= strcmp(s->not_agreed[k].item, item) == 0;
		if (seen || (text = S_still_text(s, c, item)) == NULL)
			continue;
		S_push(out, REVIEW_ITEM_TO_AGREE, xasprintf("%s%s",
		    REVIEW_STILL_PREFIX, item), text, S_still_tip(s, item),
		    BINDS_EVERYONE);
	}
	return out->n - before;
}

static bool
S_is_promise(const char *key)
{
	return strncmp(key, "promise/", 8) == 0;
}

size_t
review_items(const struct session *s, const struct content *c,
    struct review_items *out)
{
	const struct template *t = session_template(s, c);

	memset(out, 0, sizeof *out);
	if (s->replaces == NULL)
		return 0;
	(void)review_still_to_agree(s, c, out);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < s->replaces->n_items; i++) {
			const struct previous_item *p = &s->replaces->items[i];

			if (S_is_promise(p->key) != (pass == 1))
				continue;
			S_push(out, pass == 0 ? REVIEW_ITEM_RULE :
			    REVIEW_ITEM_PROMISE, p->key, p->text, NULL, p->binds);
		}
	for (size_t i = 0; t != NULL && i < t->n_review; i++) {
		/* The key lives in the template: "prompt/" + id, made once. */
		char *key = xasprintf("prompt/%s", t->review[i].id);

		S_push(out, REVIEW_ITEM_QUESTION, key, t->review[i].question,
		    t->review[i].tip, BINDS_EVERYONE);
	}
	return out->n;
}

void
review_items_cleanup(struct review_items *l)
{
	for (size_t i = 0; i < l->n; i++) {
		if (l->items[i].kind == REVIEW_ITEM_QUESTION ||
		    l->items[i].kind == REVIEW_ITEM_TO_AGREE)
			free((char *)(uintptr_t)l->items[i].key);
		if (l->items[i].kind == REVIEW_ITEM_TO_AGREE) {
			free((char *)(uintptr_t)l->items[i].text);
			free((char *)(uintptr_t)l->items[i].tip);
		}
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

const struct review_note *
review_note(const struct session *s, const char *key)
{
	for (size_t i = 0; key != NULL && i < s->n_notes; i++)
		if (strcmp(s->notes[i].key, key) == 0)
			return &s->notes[i];
	return NULL;
}

size_t
review_next(const struct session *s, const struct content *c)
{
	struct review_items l;
	size_t n = review_items(s, c, &l), i;

	for (i = 0; i < n; i++)
		if (review_note(s, l.items[i].key) == NULL)
			break;
	review_items_cleanup(&l);
	return i;
}

/* ---- the family's notes ------------------------------------------------------- */

static int
S_fail(char **cause, const char *msg)
{
	if (cause != NULL)
		*cause = xstrdup(msg);
	return -1;
}

/* Text for a note: NULL when blank; -1 when it is not acceptable. */
static int
S_line(const char *text, const char *what, char **out, char **cause)
{
	*out = NULL;
	if (text == NULL || text_is_blank(text))
		return 0;
	if (session_check_text(text, SESSION_MAX_TEXT_BYTES, true, what,
	    cause) != 0)
		return -1;
	*out = xstrdup(text);
	return 0;
}

int
review_apply(struct session *s, const struct content *c,
    const struct action *a, char **cause)
{
	struct review_items l;
	const struct review_item *it = NULL;
	struct review_note *note = NULL;
	char *child = NULL, *grown = NULL;

	review_items(s, c, &l);
	for (size_t i = 0; a->id != NULL && i < l.n; i++)
		if (strcmp(l.items[i].key, a->id) == 0)
			it = &l.items[i];
	if (it == NULL) {
		review_items_cleanup(&l);
		return S_fail(cause, "There is no such rule, promise or question "
		    "in this review.");
	}
	if (it->kind == REVIEW_ITEM_QUESTION ?
	    a->number != DECISION_NONE :
	    (a->number <= DECISION_NONE || a->number >= DECISION__COUNT)) {
		/* it points into l: read it before l is freed. */
		bool question = it->kind == REVIEW_ITEM_QUESTION;

		review_items_cleanup(&l);
		return S_fail(cause, question ?
		    "A question is talked about, not kept or dropped." :
		    "Please choose keep, change or drop.");
	}
	if (S_line(a->text, "The child's words", &child, cause) != 0 ||
	    S_line(a->text2, "The grown-up's words", &grown, cause) != 0) {
		free(child);
		review_items_cleanup(&l);
		return -1;
	}
	for (size_t i = 0; i < s->n_notes; i++)
		if (strcmp(s->notes[i].key, it->key) == 0)
			note = &s->notes[i];
	if (note == NULL) {
		s->notes = xgrow(s->notes, &s->cap_notes, s->n_notes,
		    sizeof *s->notes);
		note = &s->notes[s->n_notes++];
		memset(note, 0, sizeof *note);
		note->key = xstrdup(it->key);
	}
	note->decision = (enum review_decision)a->number;
	free(note->child);
	free(note->grown_up);
	note->child = child;
	note->grown_up = grown;
	review_items_cleanup(&l);
	return 0;
}

int
review_apply_voice(struct session *s, const struct action *a, char **cause)
{
	struct review_note *note = NULL;
	const char *name;
	char *text = NULL;
	size_t i;

	for (i = 0; a->id != NULL && i < s->n_notes; i++)
		if (strcmp(s->notes[i].key, a->id) == 0)
			note = &s->notes[i];
	if (note == NULL)
		return S_fail(cause, "Choose keep, change or drop first.");
	if (a->index >= s->n_grown_ups)
		return S_fail(cause, "There is no such grown-up.");
	if (S_line(a->text, "The grown-up's words", &text, cause) != 0)
		return -1;
	name = s->grown_ups[a->index];
	for (i = 0; i < note->n_voices; i++)
		if (strcmp(note->voices[i].name, name) == 0)
			break;
	if (text == NULL) {
		if (i < note->n_voices) {
			free(note->voices[i].name);
			free(note->voices[i].text);
			memmove(&note->voices[i], &note->voices[i + 1],
			    (note->n_voices - i - 1) * sizeof *note->voices);
			note->n_voices--;
		}
		return 0;
	}
	if (i == note->n_voices) {
		note->voices = xgrow(note->voices, &note->cap_voices,
		    note->n_voices, sizeof *note->voices);
		note->voices[i].name = xstrdup(name);
		note->voices[i].text = NULL;
		note->n_voices++;
	}
	free(note->voices[i].text);
	note->voices[i].text = text;
	return 0;
}

const char *
review_note_voice(const struct review_note *n, const char *name)
{
	for (size_t i = 0; n != NULL && name != NULL && i < n->n_voices; i++)
		if (strcmp(n->voices[i].name, name) == 0)
			return n->voices[i].text;
	return NULL;
}

/* ---- carrying the decisions over ---------------------------------------------- */

static void
S_do(struct session *s, const struct content *c, time_t now,
    struct action a)
{
	char *cause = NULL;

	/* A clause or promise gone from the content since: nothing to do. */
	if (session_apply(s, c, &a, now, &cause) != 0)
		free(cause);
}

static size_t
S_own_rule(const struct session *s, const char *text)
{
	for (size_t i = 0; i < s->n_rules; i++)
		if (strcmp(s->rules[i].text, text) == 0)
			return i;
	return SIZE_MAX;
}

/*
 * A decision on an item still to agree: keep is agreed now (nobody holds
 * it back any more), drop switches it off (or removes the family's rule),
 * change leaves it still to agree while the family changes it.
 */
static void
S_finish_still(struct session *s, const struct content *c, time_t now)
{
	for (size_t i = 0; i < s->n_notes; i++) {
		const struct review_note *n = &s->notes[i];
		const char *item;
		char *held;
		long k;

		if (strncmp(n->key, REVIEW_STILL_PREFIX,
		    strlen(REVIEW_STILL_PREFIX)) != 0 ||
		    (n->decision != DECISION_KEEP && n->decision != DECISION_DROP))
			continue;
		item = n->key + strlen(REVIEW_STILL_PREFIX);
		held = xstrdup(item);
		/* Everyone agrees now, or it goes. */
		for (const struct not_agreed *na; (na = session_not_agreed(s,
		    held, 0)) != NULL; ) {
			char *who = xstrdup(na->who);

			S_do(s, c, now, (struct action){ .kind =
			    ACTION_SET_NOT_AGREED, .id = held, .text = who,
			    .flag = false });
			free(who);
		}
		if (n->decision == DECISION_DROP) {
			if (strncmp(held, "clause/", 7) == 0)
				S_do(s, c, now, (struct action){ .kind =
				    ACTION_SET_CLAUSE, .id = held + 7 });
			else if (strncmp(held, "promise/", 8) == 0)
				S_do(s, c, now, (struct action){ .kind =
				    ACTION_SET_PROMISE, .id = held + 8 });
			else if (ytree_parse_long(held + 5, &k) && k >= 1 &&
			    (size_t)k <= s->n_rules)
				S_do(s, c, now, (struct action){ .kind =
				    ACTION_REMOVE_RULE, .index = (size_t)k - 1 });
		}
		free(held);
	}
}

void
review_finish(struct session *s, const struct content *c, time_t now)
{
	if (s->replaces == NULL)
		return;
	S_finish_still(s, c, now);
	for (size_t i = 0; i < s->replaces->n_items; i++) {
		const struct previous_item *p = &s->replaces->items[i];
		const struct review_note *n = review_note(s, p->key);
		bool drop = n != NULL && n->decision == DECISION_DROP;
		bool keep = n != NULL && n->decision == DECISION_KEEP;
		size_t at;

		if (strncmp(p->key, "clause/", 7) == 0 && (drop || keep))
			S_do(s, c, now, (struct action){ .kind = ACTION_SET_CLAUSE,
			    .id = p->key + 7, .flag = keep });
		else if (S_is_promise(p->key) && (drop || keep))
			S_do(s, c, now, (struct action){ .kind = ACTION_SET_PROMISE,
			    .id = p->key + 8, .flag = keep });
		else if (strncmp(p->key, "rule/", 5) == 0) {
			at = S_own_rule(s, p->text);
			if (drop && at != SIZE_MAX)
				S_do(s, c, now, (struct action){ .kind =
				    ACTION_REMOVE_RULE, .index = at });
			else if (keep && at == SIZE_MAX)
				S_do(s, c, now, (struct action){ .kind =
				    ACTION_ADD_RULE, .text = p->text,
				    .number = p->binds });
		}
	}
}

/* ---- what changed --------------------------------------------------------------- */

static const char *const S_change_labels[] = {
	"Added", "Changed", "Dropped", "Promise added", "Promise changed",
	"Promise dropped"
};

const char *
review_change_label(enum review_change_kind k)
{
	return (unsigned)k < sizeof S_change_labels / sizeof S_change_labels[0] ?
	    S_change_labels[k] : "?";
}

static void
S_change(struct review_changes *l, enum review_change_kind k, const char *text,
    char *detail)
{
	l->items = xgrow(l->items, &l->cap, l->n, sizeof *l->items);
	l->items[l->n].kind = k;
	l->items[l->n].text = xstrdup(text);
	l->items[l->n].detail = detail;
	l->n++;
}

static const struct previous_item *
S_find(const struct replaces *r, const struct previous_item *p)
{
	bool own = strncmp(p->key, "rule/", 5) == 0;

	for (size_t i = 0; i < r->n_items; i++) {
		const struct previous_item *q = &r->items[i];

		/* Own rules are known by their words, the rest by their id. */
		if (own ? strncmp(q->key, "rule/", 5) == 0 &&
		    strcmp(q->text, p->text) == 0 : strcmp(q->key, p->key) == 0)
			return q;
	}
	return NULL;
}

static const char *
S_blank_value(const struct replaces *r, const char *id)
{
	for (size_t i = 0; i < r->n_blanks; i++)
		if (strcmp(r->blanks[i].blank_id, id) == 0)
			return r->blanks[i].value;
	return NULL;
}

/*
 * What changed inside one clause or promise: each of its blanks whose
 * value changed, "old → new", and for a number the word after it in the
 * text ("45 → 60 minutes"). NULL when no blank changed.
 */
static char *
S_detail(const struct replaces *was, const struct replaces *now,
    const struct template *t, const char *key)
{
	const char *text = NULL, *slash = strchr(key, '/');
	struct marker m;
	size_t at = 0;
	char *out = NULL;

	if (t == NULL || slash == NULL)
		return NULL;
	if (strncmp(key, "clause/", 7) == 0) {
		const struct clause *cl = template_clause(t, slash + 1);

		text = cl != NULL ? cl->text : NULL;
	} else
		for (size_t i = 0; i < t->n_promises; i++)
			if (strcmp(t->promises[i].id, slash + 1) == 0)
				text = t->promises[i].text;
	while (text != NULL && fill_next(text, &at, &m) == 1) {
		char *id = xstrndup(m.name, m.name_len), *piece, *joined;
		const struct blank *b = m.ns_len == 0 ? template_blank(t, id) :
		    NULL;
		const char *old = b != NULL ? S_blank_value(was, id) : NULL;
		const char *new = b != NULL ? S_blank_value(now, id) : NULL;
		const char *after = text + m.start + m.len;
		size_t wlen = 0;

		free(id);
		if (old == NULL || new == NULL || strcmp(old, new) == 0)
			continue;
		/* A number's unit, when the text gives one: "45 minutes". */
		if (b->kind == BLANK_NUMBER) {
			while (*after == ' ')
				after++;
			while (isalpha((unsigned char)after[wlen]))
				wlen++;
			if (wlen < 4 || after[wlen - 1] != 's')
				wlen = 0;
		}
		piece = wlen > 0 ? xasprintf("%s \xe2\x86\x92 %s %.*s", old, new,
		    (int)wlen, after) : xasprintf("%s \xe2\x86\x92 %s", old, new);
		if (out == NULL)
			out = piece;
		else {
			joined = xasprintf("%s, %s", out, piece);
			free(out);
			free(piece);
			out = joined;
		}
	}
	return out;
}

size_t
review_changes(const struct session *s, const struct content *c,
    struct review_changes *out)
{
	const struct template *t = session_template(s, c);
	struct replaces now;

	memset(out, 0, sizeof *out);
	if (s->replaces == NULL)
		return 0;
	memset(&now, 0, sizeof now);
	S_standing(s, c, &now);
	for (int promises = 0; promises < 2; promises++) {
		enum review_change_kind add = promises ? CHANGE_PROMISE_ADDED :
		    CHANGE_RULE_ADDED;

		/* Added and changed, in the order the agreement lists them. */
		for (size_t i = 0; i < now.n_items; i++) {
			const struct previous_item *p = &now.items[i];
			const struct previous_item *q;

			if (S_is_promise(p->key) != (promises == 1))
				continue;
			if ((q = S_find(s->replaces, p)) == NULL)
				S_change(out, add, p->text, NULL);
			else if (strcmp(q->text, p->text) != 0)
				S_change(out, add + 1, p->text, S_detail(s->replaces,
				    &now, t, p->key));
		}
		/* Dropped, as the old agreement listed them. */
		for (size_t i = 0; i < s->replaces->n_items; i++) {
			const struct previous_item *q = &s->replaces->items[i];

			if (S_is_promise(q->key) != (promises == 1))
				continue;
			if (S_find(&now, q) == NULL)
				S_change(out, add + 2, q->text, NULL);
		}
	}
	review_replaces_free(&now);
	return out->n;
}

void
review_changes_cleanup(struct review_changes *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].text);
		free(l->items[i].detail);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* ---- versions --------------------------------------------------------------- */

size_t
review_latest(const struct session_list *l, const char *child)
{
	size_t best = SIZE_MAX;

	for (size_t i = 0; child != NULL && i < l->n; i++) {
		const struct session *s = &l->items[i].s;
		const struct session *b;

		if (!l->items[i].ok || s->stage != STAGE_SIGNED ||
		    s->child == NULL || strcasecmp(s->child, child) != 0)
			continue;
		if (best == SIZE_MAX) {
			best = i;
			continue;
		}
		b = &l->items[best].s;
		if (s->version > b->version || (s->version == b->version &&
		    review_signed_at(s) > review_signed_at(b)))
			best = i;
	}
	return best;
}

size_t
review_in_progress(const struct session_list *l, const char *replaced_id)
{
	for (size_t i = 0; replaced_id != NULL && i < l->n; i++) {
		const struct session *s = &l->items[i].s;

		if (l->items[i].ok && s->stage != STAGE_SIGNED &&
		    s->replaces != NULL && strcmp(s->replaces->id, replaced_id) == 0)
			return i;
	}
	return SIZE_MAX;
}

int
review_due_words(const char *review_day, time_t now, long utc_offset,
    char *buf, size_t sz)
{
	char today[CIVIL_ISO_SIZE], date[64];
	struct civil r, d;
	bool due;

	if (review_day == NULL || civil_parse_iso(review_day, &r) != 0)
		return -1;
	civil_words(&r, date, sizeof date);
	civil_from_time(now, utc_offset, &d);
	civil_iso(&d, today);
	due = strcmp(today, review_day) >= 0;
	snprintf(buf, sz, "%s %s", due ? "due since" : "on", date);
	return due ? 1 : 0;
}
