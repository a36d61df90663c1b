/*
 * agreement.c: builds the family device agreement as a cmark tree from a
 * session, its template and the content; renders it with its fingerprint;
 * and checks a saved .md file against its fingerprint (verify).
 *
 * Owns the agreement's layout and wording. Must never put user text (the
 * family's words, names, blank values) anywhere but a doc_text() node,
 * never print, exit or read the environment.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "agreement.h"
#include "civil.h"
#include "fill.h"
#include "review.h"
#include "util.h"

#define S_FP_HEADING "Fingerprint"
#define S_FP_LINE "SHA-256 fingerprint: "
#define S_CHECKS_LINE "Section checks:"
#define S_SIGNED_LABEL "Signed on"
#define S_SIGNED_CHECK "The \"Signed on\" line"
#define S_RECORD_HEADING "Our conversation (private to our family)"
#define S_BROKEN_SECTION "if-a-rule-is-broken"
#define S_DRAFT "Draft, not signed yet"
/* The fingerprint on paper (html, txt): S_PAPER_FP "xxxx ..." S_PAPER_FP_AFTER. */
#define S_PAPER_FP "Fingerprint "
#define S_PAPER_FP_AFTER ": check the file with talkpact verify"

void
agreement_date(time_t t, long utc_offset, char *buf, size_t sz)
{
	struct civil d;

	civil_from_time(t, utc_offset, &d);
	civil_words(&d, buf, sz);
}

/* The last signature of a signed session, or NULL. */
static const struct signature *
S_last_signature(const struct session *s)
{
	const struct signature *last = NULL;

	if (s->stage != STAGE_SIGNED)
		return NULL;
	for (size_t i = 0; i < s->n_signatures; i++)
		if (last == NULL || s->signatures[i].when > last->when)
			last = &s->signatures[i];
	return last;
}

/* When it was signed: the last signature, or 0. */
static time_t
S_signed_when(const struct session *s)
{
	const struct signature *last = S_last_signature(s);

	return last != NULL ? last->when : 0;
}

/*
 * The signing date on the signer's own calendar (a format-1 signature's
 * is UTC's), or for a draft now's at utc_offset.
 */
static void
S_civil_date(const struct session *s, time_t now, long utc_offset,
    struct civil *d)
{
	const struct signature *last = S_last_signature(s);

	if (last == NULL)
		civil_from_time(now, utc_offset, d);
	else if (civil_parse_iso(last->date, d) != 0)
		civil_from_time(last->when, last->utc_offset, d);
}

int
agreement_review_day(const struct session *s, const struct template *t,
    char day[CIVIL_ISO_SIZE])
{
	struct civil d;

	day[0] = '\0';
	if (S_last_signature(s) == NULL)
		return -1;
	if (s->frozen != NULL) {
		memcpy(day, s->frozen->review_day, CIVIL_ISO_SIZE);
		day[CIVIL_ISO_SIZE - 1] = '\0';
		return civil_parse_iso(day, &d) == 0 ? 0 : -1;
	}
	S_civil_date(s, 0, 0, &d);
	d = civil_add_months(d, session_review_months(s, t));
	civil_iso(&d, day);
	return 0;
}

/* "A", "A and B", "A, B and C" as a text node into parent. */
static void
S_names(cmark_node *parent, const char *const *names, size_t n)
{
	char *joined = join_words(names, n, "and");

	doc_text(parent, joined);
	free(joined);
}

/* ---- the words: what the agreement says, from the content -------------- */

/* What S_fill_emit() needs: the pieces, and whose value it was. */
struct S_emit {
	struct signed_text *out;
	const struct fill_chain *chain;	/* fn[0] is the region's facts */
};

static void
S_piece(struct signed_text *t, bool value, const char *s, size_t len)
{
	char *p;
	size_t old;

	/* Words go in even pieces, values in odd ones. */
	if (t->n == 0 || ((t->n - 1) % 2 == 1) != value) {
		t->pieces = xreallocarray(t->pieces, t->n + 1,
		    sizeof *t->pieces);
		t->pieces[t->n++] = xstrdup("");
		if (((t->n - 1) % 2 == 1) != value) {
			t->pieces = xreallocarray(t->pieces, t->n + 1,
			    sizeof *t->pieces);
			t->pieces[t->n++] = xstrdup("");
		}
	}
	old = strlen(t->pieces[t->n - 1]);
	p = xreallocarray(t->pieces[t->n - 1], old + len + 1, 1);
	memcpy(p + old, s, len);
	p[old + len] = '\0';
	t->pieces[t->n - 1] = p;
}

static void
S_fill_emit(const char *s, size_t len, bool value, void *arg)
{
	struct S_emit *e = arg;

	if (len == 0)
		return;
	/* A region fact is the content's words, not the family's choice. */
	S_piece(e->out, value && e->chain->which != 0, s, len);
}

/*
 * Clause or promise text with {{blank}} markers filled: the template's
 * words and the family's values as pieces, so the value can be shown
 * as what the family chose; {{region:NAME}} becomes the family's region's
 * fact (or its neutral wording), as words. A marker we do not know stays
 * as words.
 */
static void
S_fill(struct signed_text *out, const char *text, const struct session *s,
    const struct content *c, const struct template *t)
{
	struct region_markers rm = { c, s->region != NULL ?
	    content_region(c, s->region) : NULL };
	struct session_markers sm = { s, t };
	struct fill_chain ch = { 2, { region_marker, session_marker },
	    { &rm, &sm }, -1 };
	struct S_emit e = { out, &ch };

	out->pieces = NULL;
	out->n = 0;
	(void)fill_walk(text, fill_chain, &ch, S_fill_emit, &e, NULL);
}

static struct signed_block *
S_w_block(struct signed_words *w, enum signed_block_kind kind,
    const char *heading)
{
	struct signed_block *b;

	w->blocks = xreallocarray(w->blocks, w->n_blocks + 1, sizeof *w->blocks);
	b = &w->blocks[w->n_blocks++];
	b->kind = kind;
	b->heading = xstrdup(heading);
	b->items = NULL;
	b->n_items = 0;
	return b;
}

static struct signed_text *
S_w_item(struct signed_block *b)
{
	struct signed_text *x;

	b->items = xreallocarray(b->items, b->n_items + 1, sizeof *b->items);
	x = &b->items[b->n_items++];
	x->pieces = NULL;
	x->n = 0;
	return x;
}

static bool S_agreed(const struct session *s, const char *kind,
    const char *id, size_t rule);

static bool
S_is_broken_section(const struct section *sec)
{
	return strcmp(sec->id, S_BROKEN_SECTION) == 0;
}

/*
 * The rules that are on, grouped by whom they bind: the template's
 * clauses (all but "If a rule is broken", which has its own block) and
 * the family's own rules.
 */
static const char *
S_group_heading(enum binds b)
{
	return b == BINDS_EVERYONE ? "What we all do" : b == BINDS_GROWN_UPS ?
	    "What the grown-ups do" : NULL;
}

/* The block of one group, opened when its first rule comes. */
static struct signed_block *
S_group(struct signed_words *w, const struct session *s, enum binds b,
    struct signed_block **block)
{
	if (*block == NULL) {
		const char *h = S_group_heading(b);
		char *heading = h != NULL ? xstrdup(h) :
		    xasprintf("What %s does", s->child != NULL &&
		    s->child[0] != '\0' ? s->child : "the child");

		*block = S_w_block(w, SIGNED_BLOCK_RULES, heading);
		free(heading);
	}
	return *block;
}

static void
S_w_rules_for(struct signed_words *w, const struct session *s,
    const struct content *c, const struct template *t, enum binds b)
{
	struct signed_block *block = NULL;
	size_t at = w->n_blocks;

	for (size_t i = 0; i < t->n_sections; i++) {
		const struct section *sec = &t->sections[i];

		if (S_is_broken_section(sec))
			continue;
		for (size_t j = 0; j < sec->n_clauses; j++)
			if (sec->clauses[j].binds == b &&
			    session_clause_on(s, &sec->clauses[j]) &&
			    S_agreed(s, "clause", sec->clauses[j].id, 0)) {
				block = S_group(w, s, b, &block);
				S_fill(S_w_item(block), sec->clauses[j].text, s,
				    c, t);
				block = &w->blocks[at];
			}
	}
	for (size_t i = 0; i < s->n_rules; i++)
		if (s->rules[i].binds == b && S_agreed(s, "rule", NULL, i + 1)) {
			struct signed_text *x;

			block = S_group(w, s, b, &block);
			x = S_w_item(block);
			S_piece(x, false, s->rules[i].text,
			    strlen(s->rules[i].text));
			block = &w->blocks[at];
		}
}

/* Is a clause, promise or rule (from 1) agreed by everyone? */
static bool
S_agreed(const struct session *s, const char *kind, const char *id,
    size_t rule)
{
	char *item;
	bool yes;

	if (s->n_not_agreed == 0)
		return true;
	item = session_item_id(kind, id, rule);
	yes = session_item_agreed(s, item);
	free(item);
	return yes;
}

/*
 * One item still to agree, as one text: its words, then who is not
 * agreeing yet (the name as a value, shown in bold) and why, in their
 * words. NULL text: a clause or promise to fill; else the family's rule.
 */
static void
S_w_still_item(struct signed_block *block, const struct session *s,
    const struct content *c, const struct template *t, const char *item,
    const char *fill, const char *text)
{
	struct signed_text *x = S_w_item(block);
	const struct not_agreed *na;

	if (fill != NULL)
		S_fill(x, fill, s, c, t);
	else
		S_piece(x, false, text, strlen(text));
	for (size_t k = 0; (na = session_not_agreed(s, item, k)) != NULL; k++) {
		S_piece(x, false, " Not agreed yet by ", 19);
		S_piece(x, true, na->who, strlen(na->who));
		if (na->reason != NULL) {
			S_piece(x, false, ": ", 2);
			S_piece(x, false, na->reason, strlen(na->reason));
		} else
			S_piece(x, false, ".", 1);
	}
}

/*
 * Still to agree: each clause, rule or promise someone has not agreed to
 * yet, with who and why. The rest of the agreement stands without them.
 */
static void
S_w_still_to_agree(struct signed_words *w, const struct session *s,
    const struct content *c, const struct template *t)
{
	struct signed_block *block = NULL;
	size_t at = 0;
	char *item;

	if (s->n_not_agreed == 0)
		return;
#define S_STILL() (block != NULL ? &w->blocks[at] : (at = w->n_blocks, \
	block = S_w_block(w, SIGNED_BLOCK_STILL, "Still to agree")))
	for (size_t i = 0; i < t->n_sections; i++)
		for (size_t j = 0; j < t->sections[i].n_clauses; j++) {
			const struct clause *cl = &t->sections[i].clauses[j];

			item = session_item_id("clause", cl->id, 0);
			if (!session_item_agreed(s, item))
				S_w_still_item(S_STILL(), s, c, t, item,
				    cl->text, NULL);
			free(item);
		}
	for (size_t i = 0; i < s->n_rules; i++) {
		item = session_item_id("rule", NULL, i + 1);
		if (!session_item_agreed(s, item))
			S_w_still_item(S_STILL(), s, c, t, item, NULL,
			    s->rules[i].text);
		free(item);
	}
	for (size_t i = 0; i < t->n_promises; i++) {
		item = session_item_id("promise", t->promises[i].id, 0);
		if (!session_item_agreed(s, item))
			S_w_still_item(S_STILL(), s, c, t, item,
			    t->promises[i].text, NULL);
		free(item);
	}
#undef S_STILL
}

/*
 * What changed since the agreement a review replaces, as a block of the
 * words (so it is frozen at signing): "Changed: ... (45 → 60 minutes)",
 * each label in bold; "Nothing changed" when nothing did.
 */
static void
S_w_changes(struct signed_words *w, const struct session *s,
    const struct content *c)
{
	struct review_changes ch;
	struct signed_block *block;
	char *heading;

	if (s->replaces == NULL)
		return;
	heading = xasprintf("What changed since %s", s->replaces->date != NULL ?
	    s->replaces->date : "the last version");
	block = S_w_block(w, SIGNED_BLOCK_CHANGES, heading);
	free(heading);
	if (review_changes(s, c, &ch) == 0) {
		static const char none[] = "Nothing changed: we agreed the same "
		    "rules and promises again.";

		S_piece(S_w_item(block), false, none, sizeof none - 1);
		return;
	}
	for (size_t i = 0; i < ch.n; i++) {
		struct signed_text *x = S_w_item(block);
		const char *label = review_change_label(ch.items[i].kind);
		char *rest = ch.items[i].detail != NULL ?
		    xasprintf(": %s (%s)", ch.items[i].text, ch.items[i].detail) :
		    xasprintf(": %s", ch.items[i].text);

		S_piece(x, false, "", 0);
		S_piece(x, true, label, strlen(label));
		S_piece(x, false, rest, strlen(rest));
		free(rest);
	}
	review_changes_cleanup(&ch);
}

struct signed_words *
agreement_words(const struct session *s, const struct content *c,
    time_t now, long utc_offset, char **cause)
{
	static const enum binds order[] = { BINDS_EVERYONE, BINDS_CHILD,
		BINDS_GROWN_UPS };
	const struct template *t = session_template(s, c);
	const struct region *r;
	const struct resource **lines = NULL;
	struct signed_words *w;
	struct signed_block *block;
	struct civil d;
	char date[64];
	size_t n;

	if (t == NULL) {
		*cause = xasprintf("the agreement for this session (%s) is not "
		    "loaded", s->template_id != NULL ? s->template_id :
		    "no template");
		return NULL;
	}
	w = xcalloc(1, sizeof *w);
	w->title = xstrdup(t->title);
	w->band = t->band;
	w->paper = xstrdup(agreement_paper_name(agreement_paper_for(s, c)));
	S_civil_date(s, now, utc_offset, &d);
	civil_words(&d, date, sizeof date);
	w->date = xstrdup(date);
	w->review_months = session_review_months(s, t);
	d = civil_add_months(d, w->review_months);
	civil_words(&d, date, sizeof date);
	w->review_date = xstrdup(date);
	civil_iso(&d, w->review_day);

	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		S_w_rules_for(w, s, c, t, order[i]);
	block = NULL;
	for (size_t i = 0; i < t->n_promises; i++) {
		if (!session_promise_on(s, &t->promises[i]) ||
		    !S_agreed(s, "promise", t->promises[i].id, 0))
			continue;
		if (block == NULL)
			block = S_w_block(w, SIGNED_BLOCK_TICKS,
			    "What the grown-ups promise");
		S_fill(S_w_item(block), t->promises[i].text, s, c, t);
	}
	for (size_t i = 0; i < t->n_sections; i++) {
		const struct section *sec = &t->sections[i];

		if (!S_is_broken_section(sec))
			continue;
		block = NULL;
		for (size_t j = 0; j < sec->n_clauses; j++) {
			if (!session_clause_on(s, &sec->clauses[j]) ||
			    !S_agreed(s, "clause", sec->clauses[j].id, 0))
				continue;
			if (block == NULL)
				block = S_w_block(w, SIGNED_BLOCK_TICKS,
				    sec->title);
			S_fill(S_w_item(block), sec->clauses[j].text, s, c, t);
		}
	}
	S_w_still_to_agree(w, s, c, t);

	S_w_changes(w, s, c);
	w->steps_heading = xstrdup("If something goes wrong");
	w->steps = xcalloc(t->n_steps, sizeof *w->steps);
	for (size_t i = 0; i < t->n_steps; i++)
		S_fill(&w->steps[w->n_steps++], t->steps[i], s, c, t);
	r = s->region != NULL ? content_region(c, s->region) : NULL;
	n = content_help_lines(c, r, t->band, &lines);
	if (n > 0) {
		w->help_region = xstrdup(r != NULL ? r->name : "");
		w->lines = xcalloc(n, sizeof *w->lines);
		for (size_t i = 0; i < n; i++) {
			struct signed_line *l = &w->lines[w->n_lines++];

			l->name = xstrdup(lines[i]->name);
			l->about = xstrdup(lines[i]->about);
			l->phone = lines[i]->phone != NULL ?
			    xstrdup(lines[i]->phone) : NULL;
			l->web = lines[i]->web != NULL ?
			    xstrdup(lines[i]->web) : NULL;
		}
	}
	free(lines);
	for (size_t i = 0; i < t->n_signatures; i++) {
		w->child_signs |= t->signatures[i] == ROLE_CHILD;
		w->grown_ups_sign |= t->signatures[i] == ROLE_GROWN_UP;
	}
	return w;
}

/* ---- the document, from the words -------------------------------------- */

/* A filled text into para: words as text, the family's values in bold. */
static void
S_text(cmark_node *para, const struct signed_text *x)
{
	for (size_t i = 0; i < x->n; i++) {
		if (x->pieces[i][0] == '\0')
			continue;
		doc_text(i % 2 == 1 ? doc_strong(para) : para, x->pieces[i]);
	}
}

/* One voice as its own paragraph: the name in bold, then the words. */
static void
S_voice(cmark_node *qa, const char *name, const char *words)
{
	(void)doc_labelled(qa, name, ": ", words);
}

/*
 * The grown-ups' words: each grown-up's own under their name; shared
 * words (the single grown-up key) under their names joined ("Priya and
 * Tom"), never "Grown-ups".
 */
static void
S_record_voices(cmark_node *qa, const struct session *s,
    const struct answer *a)
{
	if (a->grown_up != NULL) {
		char *names = join_words((const char *const *)s->grown_ups,
		    s->n_grown_ups, "and");

		S_voice(qa, s->n_grown_ups > 0 ? names : "Grown-up",
		    a->grown_up);
		free(names);
	}
	/* In the family's order of grown-ups, then any name no longer there. */
	for (size_t g = 0; g < s->n_grown_ups; g++) {
		const char *w = session_voice(a, s->grown_ups[g]);

		if (w != NULL)
			S_voice(qa, s->grown_ups[g], w);
	}
	for (size_t i = 0; i < a->n_voices; i++) {
		bool listed = false;

		for (size_t g = 0; g < s->n_grown_ups; g++)
			listed |= strcmp(s->grown_ups[g], a->voices[i].name) == 0;
		if (!listed)
			S_voice(qa, a->voices[i].name, a->voices[i].text);
	}
}

/*
 * The conversation record: every question with an answer, in both voices,
 * and those left for later. Only with --record, after the fingerprint
 * block; on paper it starts on a new page.
 */
static void
S_record(cmark_node *doc, const struct session *s, const struct content *c)
{
	const struct prompt **order = NULL;
	size_t n = session_prompts(s, c, &order), given = 0, later = 0;
	cmark_node *para, *qa, *list = NULL;

	doc = doc_div(doc, "record new-page");
	doc_text(doc_heading(doc, 2), S_RECORD_HEADING);
	for (size_t i = 0; i < n; i++) {
		const struct answer *a = session_answer(s, order[i]->id);

		if (a == NULL || a->state != ANSWER_GIVEN)
			continue;
		given++;
		/* The question in bold, not a heading: printed text writes
		 * headings below the second level in capitals. */
		qa = doc_div(doc, "qa");
		doc_text(doc_strong(doc_paragraph(qa)), order[i]->question);
		if (a->child != NULL) {
			para = doc_paragraph(qa);
			doc_text(doc_strong(para), s->child != NULL ? s->child :
			    "Child");
			doc_text(para, ": ");
			doc_text(para, a->child);
		}
		S_record_voices(qa, s, a);
	}
	if (given == 0)
		doc_text(doc_paragraph(doc), "We did not write down any answers "
		    "this time.");
	for (size_t i = 0; i < n; i++) {
		const struct answer *a = session_answer(s, order[i]->id);

		if (a == NULL || a->state != ANSWER_LATER)
			continue;
		if (later++ == 0) {
			doc_text(doc_paragraph(doc), "To talk about again later:");
			list = doc_list(doc, false);
		}
		doc_text(doc_paragraph(doc_item(list)), order[i]->question);
	}
	free(order);
}

/* A block that is never split across pages on paper: a heading and its list. */
static cmark_node *
S_block(cmark_node *doc, const char *cls, const char *heading)
{
	cmark_node *div = doc_div(doc, cls);

	doc_text(doc_heading(div, 2), heading);
	return div;
}

/* The groups of rules, the promises, "if a rule is broken". */
static void
S_blocks(cmark_node *doc, const struct signed_words *w)
{
	for (size_t i = 0; i < w->n_blocks; i++) {
		const struct signed_block *b = &w->blocks[i];
		cmark_node *list;

		if (b->n_items == 0)
			continue;
		list = doc_list(S_block(doc, b->kind == SIGNED_BLOCK_RULES ?
		    "block rules ticks" : b->kind == SIGNED_BLOCK_CHANGES ?
		    "block changes" : b->kind == SIGNED_BLOCK_STILL ?
		    "block still" : "block ticks", b->heading), false);
		for (size_t j = 0; j < b->n_items; j++)
			S_text(doc_paragraph(doc_item(list)), &b->items[j]);
	}
}

static void
S_help(cmark_node *doc, const struct signed_words *w)
{
	cmark_node *list, *para;

	doc = S_block(doc, "block", w->steps_heading);
	if (w->n_steps > 0) {
		list = doc_list(doc, true);
		for (size_t i = 0; i < w->n_steps; i++)
			S_text(doc_paragraph(doc_item(list)), &w->steps[i]);
	}
	if (w->n_lines == 0)
		return;
	/* A block of its own, so the steps and the lines may sit on two pages. */
	doc = doc_div(cmark_node_parent(doc), "help block");
	para = doc_paragraph(doc);
	doc_text(para, "Help and reporting lines (");
	doc_text(para, w->help_region != NULL ? w->help_region : "");
	doc_text(para, "):");
	list = doc_list(doc, false);
	for (size_t i = 0; i < w->n_lines; i++) {
		const struct signed_line *x = &w->lines[i];

		para = doc_paragraph(doc_item(list));
		/* What each line is for is in its own words: no kind label,
		 * so the whole list fits the two sides of paper. */
		doc_text(doc_strong(para), x->name);
		doc_text(para, ": ");
		doc_text(para, x->about);
		if (x->phone != NULL) {
			doc_text(para, " Phone ");
			doc_text(para, x->phone);
			doc_text(para, ".");
		}
		if (x->web != NULL) {
			/* An address as words: the page never links out. */
			doc_text(para, " Web: ");
			doc_text(para, x->web);
		}
	}
}

/*
 * One signer: a line to sign on, the name under it and a line for the
 * date. A 4-7 or 8-10 child also gets a box to write a name or draw in.
 */
static void
S_signer(cmark_node *div, const char *who, const char *role, bool draw)
{
	cmark_node *box = doc_div(div, "signature"), *para;

	if (draw)
		doc_text(doc_paragraph(doc_div(box, "draw-box")),
		    "Write your name or draw yourself");
	doc_text(doc_paragraph(doc_div(box, "sign-line")),
	    "________________________________");
	box = doc_div(box, "signer");
	para = doc_paragraph(box);
	doc_text(doc_strong(para), who);
	if (role != NULL) {
		doc_text(para, " (");
		doc_text(para, role);
		doc_text(para, ")");
	}
	doc_text(doc_paragraph(box), "Date: ____________");
}

static void
S_signatures(cmark_node *doc, const struct session *s,
    const struct signed_words *w)
{
	cmark_node *div;
	bool young = w->band == BAND_4_7 || w->band == BAND_8_10;

	div = doc_div(doc, "signatures-block new-page");
	doc_text(doc_heading(div, 2), "Signatures");
	div = doc_div(div, "signatures");
	if (w->child_signs)
		S_signer(div, s->child != NULL ? s->child : "", "child", young);
	for (size_t g = 0; w->grown_ups_sign && g < s->n_grown_ups; g++)
		S_signer(div, s->grown_ups[g], NULL, false);
}

/* The "Signed on ... by ..." paragraph of the fingerprint block. */
static void
S_signed_para(cmark_node *parent, const struct session *s,
    const struct signed_words *w)
{
	cmark_node *para = doc_paragraph(parent);
	const char **names;
	size_t n = 0;

	if (S_signed_when(s) == 0) {
		doc_text(para, "Not signed yet; made on ");
		doc_text(para, w->date);
		doc_text(para, ".");
		return;
	}
	names = xreallocarray(NULL, s->n_signatures + 1, sizeof *names);
	for (size_t i = 0; i < s->n_signatures; i++)
		names[n++] = s->signatures[i].name;
	doc_text(para, S_SIGNED_LABEL " ");
	doc_text(para, w->date);
	doc_text(para, " by ");
	S_names(para, names, n);
	doc_text(para, ".");
	free(names);
}

/*
 * The fingerprint block after its "Signed on" paragraph: the fingerprint
 * line, the section checks and the note. verify builds it again from what
 * it computed and compares, so no character of it can change unseen.
 */
static char *S_plain_text(const char *md);

static void
S_fp_tail(cmark_node *doc, const char fp[FINGERPRINT_HEX + 1],
    const struct fingerprint_sections *secs,
    const char sig_hex[FINGERPRINT_HEX + 1])
{
	cmark_node *list, *para;
	char *groups, *line;

	groups = fingerprint_groups(fp, FINGERPRINT_SHOWN);
	line = xasprintf(S_FP_LINE "%s", groups);
	doc_text(doc_paragraph(doc), line);
	free(line);
	free(groups);
	doc_text(doc_paragraph(doc), S_CHECKS_LINE);
	list = doc_list(doc, false);
	for (size_t i = 0; i < secs->n; i++) {
		groups = fingerprint_groups(secs->items[i].hex,
		    FINGERPRINT_SECTION_SHOWN);
		para = doc_paragraph(doc_item(list));
		if (i == 0 && secs->items[i].heading[0] == '\0')
			doc_text(para, "Title");
		else {
			char *h = S_plain_text(secs->items[i].heading);

			doc_text(para, h);
			free(h);
		}
		doc_text(para, ": ");
		doc_text(para, groups);
		free(groups);
	}
	{
		groups = fingerprint_groups(sig_hex, FINGERPRINT_SECTION_SHOWN);
		para = doc_paragraph(doc_item(list));
		doc_text(para, S_SIGNED_CHECK ": ");
		doc_text(para, groups);
		free(groups);
	}
	doc_text(doc_paragraph(doc), "The first 32 of the 64 hex digits of a "
	    "SHA-256 of the words above. Check them with: talkpact verify "
	    "FILE.md");
}

/*
 * A review's place among the versions, under the title: "Version 2,
 * replacing the agreement of 29 November 2026." From the session's own
 * data (what it replaces), which the signed digest covers.
 */
static void
S_version(cmark_node *doc, const struct session *s)
{
	char *line;

	if (s->replaces == NULL)
		return;
	line = xasprintf("Version %d, replacing the agreement of %s.",
	    s->version, s->replaces->date != NULL ? s->replaces->date : "?");
	doc_text(doc_paragraph(doc_div(doc, "version")), line);
	free(line);
}

/* Everything above the fingerprint block: the pact. */
static cmark_node *
S_body(const struct session *s, const struct signed_words *w)
{
	cmark_node *doc = doc_new(), *h, *para, *div;
	bool signed_ = S_signed_when(s) != 0;

	h = doc_heading(doc, 1);
	doc_text(h, w->title);
	if (s->child != NULL) {
		doc_text(h, " for ");
		doc_text(h, s->child);
	}
	para = doc_paragraph(doc);
	if (s->child != NULL) {
		doc_text(para, s->child);
		if (s->age > 0) {
			char age[32];

			snprintf(age, sizeof age, " (%d)", s->age);
			doc_text(para, age);
		}
		if (s->n_grown_ups > 0)
			doc_text(para, " with ");
	}
	S_names(para, (const char *const *)s->grown_ups, s->n_grown_ups);
	doc_text(para, signed_ ? ", agreed on " : ", a draft of ");
	doc_text(para, w->date);
	doc_text(para, ".");
	if (!signed_)
		doc_text(doc_emph(doc_paragraph(doc)), S_DRAFT ".");
	S_version(doc, s);

	/* The review date, where nobody misses it. */
	div = doc_div(doc, "review");
	para = doc_paragraph(div);
	doc_text(para, "We will look at this again together by ");
	doc_text(doc_strong(para), w->review_date);
	{
		char *line = xasprintf(" (in %d month%s).", w->review_months,
		    w->review_months == 1 ? "" : "s");

		doc_text(para, line);
		free(line);
	}

	S_blocks(doc, w);
	S_help(doc, w);
	S_signatures(doc, s, w);
	return doc;
}

static char *S_plain_text(const char *md);

/*
 * The words to build from: what was signed, or else the content's now
 * (NULL with *cause when its template is not loaded). *own: the caller
 * frees them.
 */
static const struct signed_words *
S_words(const struct session *s, const struct content *c, time_t now,
    long utc_offset, struct signed_words **own, char **cause)
{
	*own = NULL;
	if (s->frozen != NULL && S_signed_when(s) != 0)
		return s->frozen;
	*own = agreement_words(s, c, now, utc_offset, cause);
	return *own;
}

/*
 * The whole document. paper: the fingerprint as one line and a sentence
 * (none on a draft), for HTML and text; else the full block verify reads.
 * record: the conversation after the fingerprint.
 */
static cmark_node *
S_build(const struct session *s, const struct content *c, time_t now,
    long utc_offset, bool paper, bool record,
    char fp_out[FINGERPRINT_HEX + 1], char **cause)
{
	struct signed_words *own;
	const struct signed_words *w = S_words(s, c, now, utc_offset, &own,
	    cause);
	struct fingerprint_sections secs;
	cmark_node *doc, *sig, *block;
	char *body_md, *sig_md, fp[FINGERPRINT_HEX + 1];
	char sig_hex[FINGERPRINT_HEX + 1];

	if (w == NULL)
		return NULL;
	doc = S_body(s, w);
	body_md = render_markdown(doc);

	/* The signed paragraph, rendered alone exactly as it will appear. */
	sig = doc_new();
	S_signed_para(sig, s, w);
	sig_md = render_markdown(sig);
	cmark_node_free(sig);

	fingerprint_agreement(body_md, strlen(body_md), sig_md, strlen(sig_md),
	    fp, &secs, sig_hex);
	/* Signed and frozen: the fingerprint is the one signed. */
	if (w->fingerprint[0] != '\0')
		memcpy(fp, w->fingerprint, sizeof fp);

	if (!paper) {
		block = doc_div(doc, "fingerprint");
		doc_text(doc_heading(block, 2), S_FP_HEADING);
		S_signed_para(block, s, w);
		S_fp_tail(block, fp, &secs, sig_hex);
	} else if (S_signed_when(s) != 0) {
		char *groups = fingerprint_groups(fp, FINGERPRINT_SHOWN);
		char *line = xasprintf(S_PAPER_FP "%s" S_PAPER_FP_AFTER
		    ". It shows whether the words of this "
		    "agreement were changed after we signed it.", groups);

		/*
		 * Beside the last signature when a place in its row is free
		 * (the block ends with the signers' row).
		 */
		cmark_node *sigs = cmark_node_last_child(cmark_node_last_child(doc));

		block = doc_div(sigs != NULL ? sigs : doc, "fingerprint");
		doc_text(doc_paragraph(block), line);
		free(line);
		free(groups);
	}
	if (record)
		S_record(doc, s, c);
	fingerprint_sections_cleanup(&secs);
	free(body_md);
	free(sig_md);
	signed_words_free(own);
	if (fp_out != NULL)
		memcpy(fp_out, fp, sizeof fp);
	return doc;
}

struct cmark_node *
agreement_build(const struct session *s, const struct content *c, time_t now,
    char fp_out[FINGERPRINT_HEX + 1], char **cause)
{
	return S_build(s, c, now, 0, false, false, fp_out, cause);
}

struct cmark_node *
agreement_build_with(const struct session *s, const struct content *c,
    time_t now, const struct agreement_options *o,
    char fp_out[FINGERPRINT_HEX + 1], char **cause)
{
	return S_build(s, c, now, o != NULL ? o->utc_offset : 0, false,
	    o != NULL && o->record, fp_out, cause);
}

int
agreement_freeze_markdown(const struct session *s, char **md,
    char fp[FINGERPRINT_HEX + 1], char **cause)
{
	cmark_node *doc;

	*md = NULL;
	if (s->frozen == NULL) {
		*cause = xstrdup("nothing was frozen to write");
		return -1;
	}
	doc = S_build(s, NULL, 0, 0, false, false, fp, cause);
	if (doc == NULL)
		return -1;
	*md = render_markdown(doc);
	cmark_node_free(doc);
	return 0;
}

/* ---- paper -------------------------------------------------------------- */

static const char *const S_paper_names[] = { "auto", "a4", "letter" };

const char *
agreement_paper_name(enum agreement_paper p)
{
	return (unsigned)p < sizeof S_paper_names / sizeof S_paper_names[0] ?
	    S_paper_names[p] : "?";
}

int
agreement_paper_from_name(const char *name)
{
	if (strcmp(name, "a4") == 0 || strcmp(name, "A4") == 0)
		return AGREEMENT_PAPER_A4;
	if (strcmp(name, "letter") == 0 || strcmp(name, "Letter") == 0)
		return AGREEMENT_PAPER_LETTER;
	return -1;
}

enum agreement_paper
agreement_paper_for(const struct session *s, const struct content *c)
{
	/* The region's paper fact (A4 when there is no region). */
	return region_paper(s->region != NULL ? content_region(c, s->region) :
	    NULL) == PAPER_LETTER ? AGREEMENT_PAPER_LETTER : AGREEMENT_PAPER_A4;
}

/*
 * Print layout. Type by age (16pt for 4-7 with a tick box by each rule,
 * 14pt for 8-10, 12pt from 11); every block (a heading and its list, the
 * signatures) kept on one page; the page number, the fingerprint and a
 * draft's notice in the page's own margin boxes, where they can never
 * cover the text; the conversation record on pages of its own.
 */
static const char S_agreement_css[] =
    ".block, .review, .signatures-block, .fingerprint { break-inside: avoid;"
    " page-break-inside: avoid; }\n"
    /* A long group of rules may go on over the page, a whole rule at a
     * time, never leaving its heading behind. */
    ".block.rules { break-inside: auto; page-break-inside: auto; }\n"
    ".block li { break-inside: avoid; page-break-inside: avoid; }\n"
    ".review { border: 1.5pt solid #111; padding: .2em .6em; margin: .4em 0; }\n"
    ".review p { margin: 0; }\n"
    ".help { font-size: .72em; }\n"
    ".help li { margin: .1em 0; break-inside: avoid; page-break-inside: avoid; }\n"
    /* Many short lines: two columns on paper. */
    ".help ul { columns: 2; column-gap: 6mm; }\n"
    ".signatures { display: flex; flex-wrap: wrap; align-items: flex-end;"
    " gap: 0 10mm; }\n"
    ".signature { flex: 0 0 78mm; break-inside: avoid; page-break-inside:"
    " avoid; margin: .2em 0 .4em; }\n"
    ".signature p { margin: .15em 0; }\n"
    ".sign-line { width: 75mm; height: 6.5mm; border-bottom: 1pt solid #111; }\n"
    ".sign-line p { visibility: hidden; margin: 0; }\n"
    ".signer { display: flex; flex-wrap: wrap; justify-content: space-between;"
    " gap: 0 1em; }\n"
    ".signer p { white-space: nowrap; }\n"
    ".draw-box { width: 75mm; height: 32mm; border: 1pt dashed #555;"
    " box-sizing: border-box; padding: .2em .4em; font-size: .6em;"
    " color: #444; }\n"
    ".draw-box p { margin: 0; }\n"
    ".fingerprint { font-size: .65em; color: #333; margin-top: .4em;"
    " flex: 1 1 60mm; align-self: flex-end; }\n"
    ".fingerprint p { margin: .1em 0; }\n"
    ".record { break-before: page; page-break-before: always;"
    " font-size: 11pt; }\n"
    ".qa { break-inside: avoid; page-break-inside: avoid; margin: .5em 0; }\n"
    ".record p { margin: .1em 0 .3em; }\n"
    "@media print {\n"
    "  html { line-height: 1.18; }\n"
    "  h1 { font-size: 1.4em; margin: 0 0 .1em; }\n"
    "  h2 { font-size: 1.1em; margin: .35em 0 .05em; }\n"
    "  p { margin: .15em 0 .25em; }\n"
    "  li { margin: 0; }\n"
    "  ul, ol { margin: .1em 0; padding-left: 1.3em; }\n"
    "}\n";

static const char S_tick_css[] =
    ".ticks ul { list-style: none; padding-left: 1.5em; }\n"
    ".ticks ul > li { position: relative; }\n"
    ".ticks ul > li::before { content: \"\"; position: absolute;"
    " left: -1.4em; top: .2em; width: .8em; height: .8em;"
    " border: 1.5pt solid #111; box-sizing: border-box; }\n";

/* The CSS for one pact: the shared layout, the band's type, the paper. */
static char *
S_page_css(enum band band, enum agreement_paper paper,
    const char *fp_groups, bool draft)
{
	const char *size = band == BAND_4_7 ? "16pt" : band == BAND_8_10 ?
	    "13.5pt" : "12pt";
	char *foot = draft ? xstrdup("") : xasprintf("  @bottom-left {"
	    " content: \"Fingerprint %s: check the file with talkpact"
	    " verify\"; font-size: 7pt; color: #444; }\n", fp_groups);
	char *css = xasprintf("%s%s"
	    "html, html body { font-size: %s; }\n"
	    "@media print { html { font-size: %s; } }\n"
	    "@page {\n"
	    "  size: %s;\n"
	    "  margin: %s 12mm 11mm;\n"
	    "%s"
	    "%s"
	    "  @bottom-right { content: counter(page) \" of \" counter(pages);"
	    " font-size: 9pt; }\n"
	    "}\n",
	    S_agreement_css, band == BAND_4_7 ? S_tick_css : "", size, size,
	    paper == AGREEMENT_PAPER_LETTER ? "letter" : "A4",
	    draft ? "14mm" : "8mm",
	    draft ? "  @top-center { content: \"" S_DRAFT "\";"
	    " font-size: 11pt; font-weight: bold; }\n" : "", foot);

	free(foot);
	return css;
}

/* The Markdown of a frozen agreement: the text signed, byte for byte. */
static char *
S_frozen_markdown(const struct session *s, const struct content *c,
    bool record)
{
	cmark_node *doc;
	char *rec, *out;

	if (!record)
		return xstrdup(s->frozen->markdown);
	doc = doc_new();
	S_record(doc, s, c);
	rec = render_markdown(doc);
	cmark_node_free(doc);
	out = xasprintf("%s\n%s", s->frozen->markdown, rec);
	free(rec);
	return out;
}

int
agreement_render_with(const struct session *s, const struct content *c,
    time_t now, enum render_format fmt, const struct agreement_options *o,
    char **out, char **cause)
{
	char fp[FINGERPRINT_HEX + 1], *groups, *title, *css;
	bool record = o != NULL && o->record;
	bool frozen = s->frozen != NULL && S_signed_when(s) != 0;
	cmark_node *doc;
	const struct template *t;
	enum agreement_paper paper;
	enum band band;
	const char *heading;

	*out = NULL;
	if (session_signed_check(s) < 0) {
		*cause = xstrdup("changed after signing: its words no longer "
		    "match what was signed");
		return -1;
	}
	if (frozen && fmt == RENDER_MD) {
		*out = S_frozen_markdown(s, c, record);
		return 0;
	}
	doc = S_build(s, c, now, o != NULL ? o->utc_offset : 0,
	    fmt != RENDER_MD, record, fp, cause);
	if (doc == NULL)
		return -1;
	switch (fmt) {
	case RENDER_MD:
		*out = render_markdown(doc);
		break;
	case RENDER_TXT:
		*out = render_text(doc, RENDER_TEXT_WIDTH);
		break;
	case RENDER_HTML:
	default:
		if (frozen) {
			heading = s->frozen->title;
			band = s->frozen->band;
			paper = agreement_paper_from_name(s->frozen->paper) ==
			    AGREEMENT_PAPER_LETTER ? AGREEMENT_PAPER_LETTER :
			    AGREEMENT_PAPER_A4;
		} else {
			t = session_template(s, c);
			heading = t->title;
			band = t->band;
			paper = agreement_paper_for(s, c);
		}
		if (o != NULL && o->paper != AGREEMENT_PAPER_AUTO)
			paper = o->paper;
		groups = fingerprint_groups(fp, FINGERPRINT_SHOWN);
		title = s->child != NULL ? xasprintf("%s for %s", heading,
		    s->child) : xstrdup(heading);
		css = S_page_css(band, paper, groups, S_signed_when(s) == 0);
		*out = render_html_page(doc, &(struct render_page){
		    .title = title, .footer = NULL, .css = css,
		    .lang = "en-GB" });
		free(title);
		free(css);
		free(groups);
		break;
	}
	cmark_node_free(doc);
	return 0;
}

int
agreement_render(const struct session *s, const struct content *c, time_t now,
    enum render_format fmt, char **out, char **cause)
{
	return agreement_render_with(s, c, now, fmt, NULL, out, cause);
}

int
agreement_lines(const struct session *s, const struct content *c, time_t now,
    int width, struct render_lines *out, char **cause)
{
	return agreement_lines_at(s, c, now, 0, width, out, cause);
}

int
agreement_lines_at(const struct session *s, const struct content *c,
    time_t now, long utc_offset, int width, struct render_lines *out,
    char **cause)
{
	cmark_node *doc = S_build(s, c, now, utc_offset, false, false, NULL,
	    cause);

	if (doc == NULL)
		return -1;
	render_lines(doc, width, width_screen, out);
	cmark_node_free(doc);
	return 0;
}

int
agreement_fingerprint(const struct session *s, const struct content *c,
    time_t now, char fp[FINGERPRINT_HEX + 1], char **cause)
{
	cmark_node *doc = agreement_build(s, c, now, fp, cause);

	if (doc == NULL)
		return -1;
	cmark_node_free(doc);
	return 0;
}

char *
agreement_file_stem(const struct session *s, time_t now)
{
	return agreement_file_stem_at(s, now, 0);
}

char *
agreement_file_stem_at(const struct session *s, time_t now, long utc_offset)
{
	char slug[32], date[CIVIL_ISO_SIZE];
	size_t n = name_slug(s->child, slug, sizeof slug);
	struct civil d;

	S_civil_date(s, now, utc_offset, &d);
	civil_iso(&d, date);
	/* A review's versions never share a name with the first: "-v2". */
	if (s->version > 1)
		return xasprintf("agreement-%s-%s-v%d", n > 0 ? slug : "family",
		    date, s->version);
	return xasprintf("agreement-%s-%s", n > 0 ? slug : "family", date);
}

/* ---- verify ------------------------------------------------------------ */

static void
S_change(struct agreement_check *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
S_change(struct agreement_check *c, const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	c->changes = xgrow(c->changes, &c->cap_changes, c->n_changes,
	    sizeof *c->changes);
	c->changes[c->n_changes++] = xstrdup(buf);
}

/* The literal text of Markdown source (one paragraph), via cmark. */
static char *
S_plain_text(const char *md)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t len = 0, cap = 64;
	char *out = xmalloc(cap);

	out[0] = '\0';
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit = NULL;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			lit = " ";
			break;
		default:
			break;
		}
		if (lit == NULL)
			continue;
		while (len + strlen(lit) + 1 > cap)
			cap *= 2;
		out = xreallocarray(out, cap, 1);
		memcpy(out + len, lit, strlen(lit) + 1);
		len += strlen(lit);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return out;
}

/* Start of the line that is exactly "## Fingerprint" (the last one). */
static const char *
S_find_fp(const char *canon)
{
	const char *p = canon, *found = NULL;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');

		if (strncmp(p, "## " S_FP_HEADING "\n", sizeof("## " S_FP_HEADING)) == 0)
			found = p;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return found;
}

/*
 * A paper form (txt, html): the fingerprint it states, S_PAPER_FP and
 * FINGERPRINT_SHOWN digits in groups then S_PAPER_FP_AFTER, with any run
 * of white space (a wrapped line) read as one space. Every place it is
 * stated must agree.
 */
static void
S_verify_paper(const char *text, size_t len, struct agreement_check *out)
{
	char *flat = xmalloc(len + 1);
	size_t o = 0;
	const char *p;
	size_t groups_len = FINGERPRINT_SHOWN + FINGERPRINT_SHOWN / 4 - 1;

	for (size_t i = 0; i < len; i++) {
		char ch = text[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
		    ch == '\f' || ch == '\v') {
			if (o > 0 && flat[o - 1] == ' ')
				continue;
			ch = ' ';
		}
		flat[o++] = ch;
	}
	flat[o] = '\0';
	for (p = flat; (p = strstr(p, S_PAPER_FP)) != NULL; p++) {
		const char *g = p + strlen(S_PAPER_FP);
		char *groups, hex[FINGERPRINT_HEX + 1];
		bool shape = strlen(g) >= groups_len &&
		    strncmp(g + groups_len, S_PAPER_FP_AFTER,
		    strlen(S_PAPER_FP_AFTER)) == 0;

		if (!shape)
			continue;
		for (size_t i = 0; i < groups_len && shape; i++)
			shape = i % 5 == 4 ? g[i] == ' ' :
			    isxdigit((unsigned char)g[i]) != 0;
		if (!shape)
			continue;
		groups = xstrndup(g, groups_len);
		if (fingerprint_parse_hex(groups, hex, FINGERPRINT_SHOWN) ==
		    FINGERPRINT_SHOWN) {
			if (out->stated[0] == '\0') {
				memcpy(out->stated, hex, sizeof hex);
				out->verdict = AGREEMENT_STATED;
			} else if (strcmp(out->stated, hex) != 0 &&
			    out->verdict != AGREEMENT_CHANGED) {
				S_change(out, "it states two different "
				    "fingerprints");
				out->verdict = AGREEMENT_CHANGED;
			}
		}
		free(groups);
	}
	free(flat);
}

void
agreement_verify(const char *md, size_t len, struct agreement_check *out)
{
	char *canon = fingerprint_canonical(md, len), *body = NULL, *sig = NULL;
	char fp_file[FINGERPRINT_HEX + 1] = "", fp[FINGERPRINT_HEX + 1];
	char sig_hex[FINGERPRINT_HEX + 1];
	char checks[64][FINGERPRINT_SECTION_SHOWN + 1];
	const char *block, *p, *sig_start = NULL, *sig_end = NULL;
	const char *fp_line = NULL;
	struct fingerprint_sections secs = { NULL, 0, 0 };
	size_t n_checks = 0, nd;
	bool in_checks = false, ok = true;

	memset(out, 0, sizeof *out);
	out->verdict = AGREEMENT_NOT_AGREEMENT;
	/* An agreement is UTF-8 text: no NUL, nothing invalid. */
	if (!utf8_valid(md, len, NULL))
		goto done;
	if ((block = S_find_fp(canon)) == NULL) {
		S_verify_paper(md, len, out);
		goto done;
	}
	{
		/* A record after the block (--record) is not part of it. */
		char *next = strstr(block + 1, "\n## ");

		if (next != NULL) {
			next[1] = '\0';
			while (next > block && next[-1] == '\n')
				*next-- = '\0';
		}
	}
	/* Walk the block's lines. */
	p = strchr(block, '\n') + 1;
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		char *raw = xstrndup(p, (size_t)(nl - p));
		/* Compare what the lines say, not how Markdown escaped it. */
		char *line = S_plain_text(raw);

		if (strncmp(line, S_FP_LINE, strlen(S_FP_LINE)) == 0) {
			if (fp_line == NULL)
				fp_line = p;
			nd = fingerprint_parse_hex(line + strlen(S_FP_LINE),
			    fp_file, FINGERPRINT_SHOWN);
			if (nd != FINGERPRINT_SHOWN)
				fp_file[0] = '\0';
		} else if (strcmp(line, S_CHECKS_LINE) == 0) {
			in_checks = true;
		} else if (in_checks && (raw[0] == '-' || raw[0] == '*') &&
		    raw[1] == ' ') {
			const char *colon = strrchr(line, ':');

			if (n_checks < 64) {
				if (colon == NULL || fingerprint_parse_hex(colon + 1,
				    checks[n_checks], FINGERPRINT_SECTION_SHOWN) !=
				    FINGERPRINT_SECTION_SHOWN)
					checks[n_checks][0] = '\0';
				n_checks++;
			}
		} else if (in_checks && raw[0] != '\0')
			in_checks = false;
		else if (fp_file[0] == '\0' && n_checks == 0 && raw[0] != '\0') {
			if (sig_start == NULL)
				sig_start = p;
			sig_end = nl + 1;
		}
		free(line);
		free(raw);
		p = nl + 1;
	}
	if (fp_file[0] == '\0' || sig_start == NULL)
		goto done;

	out->verdict = AGREEMENT_UNCHANGED;
	body = xstrndup(canon, (size_t)(block - canon));
	sig = xstrndup(sig_start, (size_t)(sig_end - sig_start));
	{
		char *plain = S_plain_text(sig);
		size_t pl = strlen(plain);

		if (pl > 0 && plain[pl - 1] == '.')
			plain[--pl] = '\0';
		if (strncmp(plain, S_SIGNED_LABEL " ", strlen(S_SIGNED_LABEL) + 1) == 0) {
			out->is_signed = true;
			out->signed_text = xstrdup(plain + strlen(S_SIGNED_LABEL) + 1);
		} else
			out->signed_text = xstrdup(plain);
		free(plain);
	}
	fingerprint_agreement(body, strlen(body), sig, strlen(sig), fp, &secs,
	    sig_hex);
	memcpy(out->stated, fp_file, sizeof fp_file);
	memcpy(out->computed, fp, sizeof fp);

	if (n_checks != secs.n + 1) {
		S_change(out, "sections were added or removed: the agreement "
		    "has %zu, its fingerprint lists %zu", secs.n,
		    n_checks > 0 ? n_checks - 1 : 0);
		ok = false;
	} else {
		if (strncmp(sig_hex, checks[secs.n], FINGERPRINT_SECTION_SHOWN) != 0) {
			S_change(out, "the \"Signed on\" line changed (its date "
			    "or names)");
			ok = false;
		}
		for (size_t i = 0; i < secs.n; i++) {
			if (strncmp(secs.items[i].hex, checks[i],
			    FINGERPRINT_SECTION_SHOWN) == 0)
				continue;
			ok = false;
			if (i == 0 && secs.items[i].heading[0] == '\0')
				S_change(out, "the title changed");
			else {
				char *h = S_plain_text(secs.items[i].heading);

				S_change(out, "the section \"%s\" changed", h);
				free(h);
			}
		}
	}
	if (strncmp(fp, fp_file, FINGERPRINT_SHOWN) != 0) {
		if (ok)
			S_change(out, "the fingerprint line changed");
		ok = false;
	}
	if (ok) {
		/* Everything after the "Signed on" paragraph, exactly. */
		cmark_node *tail = doc_new();
		char *md_tail, *want;

		S_fp_tail(tail, fp, &secs, sig_hex);
		md_tail = render_markdown(tail);
		want = fingerprint_canonical(md_tail, strlen(md_tail));
		if (fp_line == NULL || strcmp(fp_line, want) != 0) {
			S_change(out, "the fingerprint block changed (its "
			    "checks or its note)");
			ok = false;
		}
		free(want);
		free(md_tail);
		cmark_node_free(tail);
	}
	if (!ok)
		out->verdict = AGREEMENT_CHANGED;
done:
	fingerprint_sections_cleanup(&secs);
	free(body);
	free(sig);
	free(canon);
}

void
agreement_check_cleanup(struct agreement_check *c)
{
	free(c->signed_text);
	for (size_t i = 0; i < c->n_changes; i++)
		free(c->changes[i]);
	free(c->changes);
	memset(c, 0, sizeof *c);
}
