/*
 * pack.c: prompt packs for teachers. Chooses prompts from loaded content
 * and builds the document tree for a handout or for cut-out cards; render.c
 * turns the tree into HTML, Markdown or text.
 *
 * Owns: which prompts a pack holds and in what order, the pack's wording,
 * the card geometry and the font size each card needs to fit its text.
 * Must never: put content text anywhere but in cmark text nodes (doc_text),
 * include a family's answers, print, exit, or read files.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "content.h"
#include "pack.h"
#include "render.h"
#include "util.h"

static const char *const S_layout_names[] = {
#define X(e, name) name,
	PACK_LAYOUT_TABLE
#undef X
};

static const char *const S_paper_names[] = {
#define X(e, name) name,
	PACK_PAPER_TABLE
#undef X
};

const char *
pack_layout_name(enum pack_layout l)
{
	return (unsigned)l < PACK_LAYOUT__COUNT ? S_layout_names[l] : "?";
}

int
pack_layout_from_name(const char *s)
{
	for (int i = 0; i < PACK_LAYOUT__COUNT; i++)
		if (strcmp(s, S_layout_names[i]) == 0)
			return i;
	return -1;
}

const char *
pack_paper_name(enum pack_paper p)
{
	return (unsigned)p < PACK_PAPER__COUNT ? S_paper_names[p] : "?";
}

int
pack_paper_from_name(const char *s)
{
	for (int i = 0; i < PACK_PAPER__COUNT; i++)
		if (strcmp(s, S_paper_names[i]) == 0)
			return i;
	return -1;
}

/* ------------------------------------------------------------------ */
/* Choosing prompts.                                                   */

static bool
S_topic_on(const struct pack_options *o, enum topic t)
{
	return o->topics == 0 || (o->topics & (1u << (unsigned)t)) != 0;
}

static unsigned
S_bands(const struct pack_options *o)
{
	return o->bands != 0 ? o->bands : (1u << BAND__COUNT) - 1;
}

const struct prompt **
pack_select(const struct content *c, const struct pack_options *o, size_t *n,
    int **bands_of)
{
	const struct prompt **out = NULL;
	int *bo = NULL;
	size_t cap = 0, cap_b = 0, k = 0;
	unsigned sel = S_bands(o);

	for (int b = 0; b < BAND__COUNT; b++) {
		if ((sel & BAND_BIT(b)) == 0)
			continue;
		for (int t = 0; t < TOPIC__COUNT; t++) {
			if (!S_topic_on(o, (enum topic)t))
				continue;
			for (size_t i = 0; i < c->n_prompts; i++) {
				const struct prompt *p = &c->prompts[i];

				if ((int)p->topic != t ||
				    (p->bands & BAND_BIT(b)) == 0)
					continue;
				/* Already under a younger selected band. */
				if ((p->bands & sel & (BAND_BIT(b) - 1)) != 0)
					continue;
				out = xgrow(out, &cap, k, sizeof *out);
				bo = xgrow(bo, &cap_b, k, sizeof *bo);
				out[k] = p;
				bo[k] = b;
				k++;
			}
		}
	}
	*n = k;
	if (bands_of != NULL)
		*bands_of = bo;
	else
		free(bo);
	return out;
}

/* ------------------------------------------------------------------ */
/* Shared wording.                                                     */

#define S_SCENARIO_LABEL "Scenario: what would you do if\xe2\x80\xa6"
#define S_TIP_LABEL "Tip for the grown-up:"
#define S_FOOTER "Made with talkpact. A prompt pack holds questions only, " \
    "never a family's answers."

/* "4-7, 8-10 and 11-13" for the bands that have prompts. Caller frees. */
static char *
S_band_list(unsigned bands)
{
	char *list = xstrdup(""), *next;
	int total = 0, seen = 0;

	for (int b = 0; b < BAND__COUNT; b++)
		if (bands & BAND_BIT(b))
			total++;
	for (int b = 0; b < BAND__COUNT; b++) {
		if ((bands & BAND_BIT(b)) == 0)
			continue;
		seen++;
		next = xasprintf("%s%s%s", list,
		    seen == 1 ? "" : seen == total ? " and " : ", ",
		    band_name((enum band)b));
		free(list);
		list = next;
	}
	return list;
}

static char *
S_default_title(unsigned bands)
{
	char *list = S_band_list(bands), *t;

	t = xasprintf("Talking together about devices and online life: "
	    "prompts for ages %s", list);
	free(list);
	return t;
}

/* A paragraph with a strong label and text after it. */
static void
S_labelled(cmark_node *parent, const char *label, const char *text)
{
	cmark_node *p = doc_paragraph(parent);

	doc_text(doc_strong(p), label);
	doc_text(p, " ");
	doc_text(p, text);
}

/* ------------------------------------------------------------------ */
/* The handout.                                                        */

static const char S_handout_css[] =
    ".cover h1 { font-size: 2.1em; margin-top: 1.5em; }\n"
    ".band { break-before: page; page-break-before: always; }\n"
    ".prompt { break-inside: avoid; page-break-inside: avoid;"
    " margin: 0 0 1.2em; }\n"
    ".prompt p { margin: .25em 0; }\n"
    ".prompt ul { margin: .25em 0; }\n"
    ".scenario p { font-style: italic; color: #444; font-size: .9em; }\n"
    ".tip { font-size: .93em; color: #333; border-left: 2pt solid #bbb;"
    " padding-left: .6em; margin-top: .35em; }\n"
    ".help { break-before: page; page-break-before: always; }\n"
    ".help li { margin: .5em 0; }\n";

static void
S_handout_prompt(cmark_node *parent, const struct prompt *p)
{
	cmark_node *box = doc_div(parent, "prompt"), *l;

	if (p->scenario)
		doc_text(doc_paragraph(doc_div(box, "scenario")),
		    S_SCENARIO_LABEL);
	doc_text(doc_strong(doc_paragraph(box)), p->question);
	if (p->n_follow_ups > 0) {
		l = doc_list(box, false);
		for (size_t i = 0; i < p->n_follow_ups; i++)
			doc_text(doc_paragraph(doc_item(l)), p->follow_ups[i]);
	}
	if (p->tip != NULL && p->tip[0] != '\0')
		S_labelled(doc_div(box, "tip"), S_TIP_LABEL, p->tip);
}

static void
S_help(cmark_node *doc, const struct region *r)
{
	cmark_node *box = doc_div(doc, "help"), *h;

	h = doc_heading(box, 2);
	doc_text(h, "Help and reporting: ");
	doc_text(h, r->name);
	doc_text(doc_paragraph(box), "If something online worries a child or "
	    "a grown-up, these services can help. Keep this page where "
	    "everyone can find it.");
	for (int k = 0; k < RESOURCE__COUNT; k++) {
		cmark_node *l = NULL;

		for (size_t i = 0; i < r->n_resources; i++) {
			const struct resource *x = &r->resources[i];
			cmark_node *p;

			if ((int)x->kind != k)
				continue;
			if (l == NULL) {
				doc_text(doc_heading(box, 3),
				    resource_for_shown((enum resource_for)k));
				l = doc_list(box, false);
			}
			p = doc_paragraph(doc_item(l));
			doc_text(doc_strong(p), x->name);
			if (x->about != NULL && x->about[0] != '\0') {
				doc_text(p, ": ");
				doc_text(p, x->about);
			}
			if (x->phone != NULL) {
				doc_text(p, "\nPhone: ");
				doc_text(p, x->phone);
			}
			if (x->web != NULL) {
				doc_text(p, "\nWeb: ");
				doc_text(p, x->web);
			}
		}
	}
}

static void
S_handout(cmark_node *doc, const struct content *c, const struct pack_options *o,
    const struct prompt **ps, const int *bands_of, size_t n,
    const char *title, unsigned shown, const struct region *r)
{
	cmark_node *cover = doc_div(doc, "cover"), *p;
	char *list = S_band_list(shown), *s;
	size_t i = 0;

	(void)c;
	doc_text(doc_heading(cover, 1), title);
	s = xasprintf("For ages %s: %zu %s to talk about together.", list, n,
	    n == 1 ? "question" : "questions");
	doc_text(doc_paragraph(cover), s);
	free(s);
	if (o->topics != 0) {
		p = doc_paragraph(cover);
		doc_text(p, "Topics: ");
		for (int t = 0, k = 0; t < TOPIC__COUNT; t++) {
			if (!S_topic_on(o, (enum topic)t))
				continue;
			if (k++ > 0)
				doc_text(p, "; ");
			doc_text(p, topic_title((enum topic)t));
		}
		doc_text(p, ".");
	}
	doc_text(doc_heading(cover, 2), "How to use this pack");
	doc_text(doc_paragraph(cover), "Pick one or two questions at a time "
	    "and talk them through together: there are no wrong answers. The "
	    "follow-up questions keep the conversation going, and the tip "
	    "under each question is for the grown-up leading it.");
	s = xasprintf("Questions marked \xe2\x80\x9c%s\xe2\x80\x9d are "
	    "scenarios: imagine the situation together and talk about what "
	    "you could do. %s", S_SCENARIO_LABEL, r != NULL ?
	    "Help and reporting lines are at the end." : "");
	doc_text(doc_paragraph(cover), s);
	free(s);
	free(list);

	while (i < n) {
		int b = bands_of[i];
		cmark_node *band = doc_div(doc, "band");

		s = xasprintf("Ages %s", band_name((enum band)b));
		doc_text(doc_heading(band, 2), s);
		free(s);
		while (i < n && bands_of[i] == b) {
			enum topic t = ps[i]->topic;

			doc_text(doc_heading(band, 3), topic_title(t));
			while (i < n && bands_of[i] == b && ps[i]->topic == t)
				S_handout_prompt(band, ps[i++]);
		}
	}
	if (r != NULL)
		S_help(doc, r);
}

/* ------------------------------------------------------------------ */
/* Cards.                                                              */

/*
 * Geometry in millimetres. Page margins are 10mm; a sheet of 2x4 cards
 * fits inside the printable area with a little room to spare, so
 * rounding never pushes a card onto the next page.
 */
struct S_paper {
	const char *page;		/* CSS @page size */
	double card_w, card_h;		/* one card */
};

static const struct S_paper S_papers[] = {
	[PACK_PAPER_A4] = { "A4", 95.0, 69.0 },		/* 190 x 276 of 190 x 277 */
	[PACK_PAPER_LETTER] = { "letter", 97.5, 64.5 },	/* 195 x 258 of 195.9 x 259.4 */
};

#define S_CARD_PAD 4.0			/* padding inside the dashed border */
#define S_CARD_BORDER 0.35
#define S_PT 0.3528			/* millimetres in a point */
#define S_META_PT 7.0
#define S_META_GAP 1.5			/* below the band/topic line */
#define S_Q_GAP 2.0			/* below the question */
#define S_SAFETY 3.0			/* slack for font metrics */
/* Average advance of a column of text_width, in em: generous on purpose. */
#define S_EM_REGULAR 0.60
#define S_EM_BOLD 0.64

struct S_tier {
	const char *cls;
	double q_pt, tip_pt;
};

static const struct S_tier S_tiers[] = {
	{ "card-m", 15.0, 9.5 },
	{ "card-long", 13.0, 8.5 },
	{ "card-xlong", 11.0, 7.5 },
	{ "card-xxlong", 9.5, 6.5 },
};
#define S_N_TIERS (sizeof S_tiers / sizeof S_tiers[0])

/* Lines that greedy word wrap at cols columns gives (long words broken). */
static int
S_count_lines(const char *s, int cols)
{
	int lines = 0, col = 0;
	const char *p = s;

	if (cols < 1)
		cols = 1;
	while (*p != '\0') {
		size_t k;
		int w;

		p += strspn(p, " \t\r\n");
		if (*p == '\0')
			break;
		k = strcspn(p, " \t\r\n");
		w = text_width(p, k);
		p += k;
		if (lines == 0) {
			lines = 1;
			col = 0;
		} else if (col > 0 && col + 1 + w > cols) {
			lines++;
			col = 0;
		} else if (col > 0) {
			col++;
		}
		while (col + w > cols) {	/* a word wider than the line */
			w -= cols - col;
			lines++;
			col = 0;
		}
		col += w;
	}
	return lines;
}

static int
S_cols(double width_mm, double pt, double em)
{
	return (int)(width_mm / (em * pt * S_PT));
}

static bool
S_fits(const struct S_paper *pp, const struct S_tier *t, const char *meta,
    const char *question, const char *tip)
{
	double w = pp->card_w - 2 * S_CARD_PAD - 2 * S_CARD_BORDER;
	double h = pp->card_h - 2 * S_CARD_PAD - 2 * S_CARD_BORDER - S_SAFETY;
	double used;

	used = S_count_lines(meta, S_cols(w, S_META_PT, S_EM_REGULAR)) *
	    S_META_PT * 1.25 * S_PT + S_META_GAP;
	used += S_count_lines(question, S_cols(w, t->q_pt, S_EM_BOLD)) *
	    t->q_pt * 1.2 * S_PT + S_Q_GAP;
	if (tip != NULL)
		used += S_count_lines(tip, S_cols(w, t->tip_pt, S_EM_BOLD)) *
		    t->tip_pt * 1.25 * S_PT;
	return used <= h;
}

const char *
pack_card_class(enum pack_paper paper, const char *meta, const char *question,
    const char *tip)
{
	const struct S_paper *pp = &S_papers[paper];

	for (size_t i = 0; i < S_N_TIERS; i++)
		if (S_fits(pp, &S_tiers[i], meta, question, tip))
			return S_tiers[i].cls;
	return NULL;
}

static char *
S_cards_css(enum pack_paper paper)
{
	const struct S_paper *pp = &S_papers[paper];
	struct { char *s; } b = { NULL };
	char *tiers = xstrdup(""), *t;

	for (size_t i = 0; i < S_N_TIERS; i++) {
		t = xasprintf("%s.%s .card-q p { font-size: %.1fpt; }\n"
		    ".%s .card-tip p { font-size: %.1fpt; }\n", tiers,
		    S_tiers[i].cls, S_tiers[i].q_pt, S_tiers[i].cls,
		    S_tiers[i].tip_pt);
		free(tiers);
		tiers = t;
	}
	b.s = xasprintf(
	    "@page { size: %s; margin: 10mm; }\n"
	    "html, body { margin: 0; padding: 0; max-width: none; }\n"
	    "body { padding: 0; }\n"
	    ".sheet { width: %.1fmm; height: %.1fmm; display: grid;"
	    " grid-template-columns: repeat(2, %.1fmm);"
	    " grid-template-rows: repeat(4, %.1fmm);"
	    " break-after: page; page-break-after: always;"
	    " break-inside: avoid; page-break-inside: avoid; }\n"
	    ".sheet:last-child { break-after: auto; page-break-after: auto; }\n"
	    ".card { box-sizing: border-box; width: %.1fmm; height: %.1fmm;"
	    " border: %.2fmm dashed #777; padding: %.1fmm;"
	    " overflow-wrap: anywhere; word-break: normal;"
	    " break-inside: avoid; page-break-inside: avoid; }\n"
	    ".card p { margin: 0; }\n"
	    ".card-meta p { font-size: %.1fpt; line-height: 1.25; color: #555;"
	    " margin-bottom: %.1fmm; }\n"
	    ".card-q p { font-weight: bold; line-height: 1.2;"
	    " margin-bottom: %.1fmm; }\n"
	    ".card-tip p { line-height: 1.25; color: #222; }\n"
	    "%s",
	    pp->page, 2 * pp->card_w, 4 * pp->card_h, pp->card_w, pp->card_h,
	    pp->card_w, pp->card_h, S_CARD_BORDER, S_CARD_PAD, S_META_PT,
	    S_META_GAP, S_Q_GAP, tiers);
	free(tiers);
	return b.s;
}

/* Whitespace runs to single spaces: a card has no room for line breaks. */
static char *
S_squash(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *q = out;
	bool space = false;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = q != out;
			continue;
		}
		if (space)
			*q++ = ' ';
		space = false;
		*q++ = *s;
	}
	*q = '\0';
	return out;
}

/* Shorten text at a word boundary (keeping UTF-8 whole) and add "…". */
static char *
S_shorten(const char *s, size_t keep)
{
	size_t n = strlen(s);

	if (keep >= n)
		return xstrdup(s);
	while (keep > 0 && ((unsigned char)s[keep] & 0xc0) == 0x80)
		keep--;
	for (size_t k = keep; k > keep / 2; k--) {
		if (s[k] == ' ') {
			keep = k;
			break;
		}
	}
	return xasprintf("%.*s\xe2\x80\xa6", (int)keep, s);
}

static void
S_warn(struct diag_list *d, const struct prompt *p, const char *what)
{
	diag_add(d, DIAG_WARNING, DIAG_DATA, p->where.file, p->where.line,
	    p->where.col, "prompt '%s': %s", p->id, what);
}

static void
S_card(cmark_node *sheet, const struct prompt *p, int band,
    enum pack_paper paper, struct diag_list *d)
{
	char *meta, *question = S_squash(p->question), *tip = NULL, *t, *cls;
	const char *tier;
	cmark_node *card;

	meta = xasprintf("Ages %s \xc2\xb7 %s%s", band_name((enum band)band),
	    topic_title(p->topic), p->scenario ? " \xc2\xb7 " S_SCENARIO_LABEL : "");
	if (p->tip != NULL && p->tip[0] != '\0') {
		t = S_squash(p->tip);
		tip = xasprintf("%s %s", S_TIP_LABEL, t);
		free(t);
	}
	tier = pack_card_class(paper, meta, question, tip);
	if (tier == NULL && tip != NULL &&
	    pack_card_class(paper, meta, question, NULL) != NULL) {
		/* The question fits on its own: the tip is what is too long. */
		free(tip);
		tip = xstrdup(S_TIP_LABEL " too long for a card; see the "
		    "handout (talkpact pack --layout handout).");
		tier = pack_card_class(paper, meta, question, tip);
		if (tier == NULL) {
			free(tip);
			tip = NULL;
			tier = pack_card_class(paper, meta, question, NULL);
		}
		S_warn(d, p, "the tip is too long for a card; the card points "
		    "to the handout instead");
	}
	if (tier == NULL) {
		/* The question itself is too long: shorten it to fit. */
		size_t keep = strlen(question);

		while (tier == NULL && keep > 8) {
			keep = keep * 9 / 10;
			t = S_shorten(question, keep);
			tier = pack_card_class(paper, meta, t, tip);
			if (tier == NULL && tip != NULL &&
			    pack_card_class(paper, meta, t, NULL) != NULL) {
				free(tip);
				tip = NULL;
				tier = pack_card_class(paper, meta, t, NULL);
			}
			free(question);
			question = t;
		}
		S_warn(d, p, "the question is too long for a card and was "
		    "shortened");
		if (tier == NULL)
			tier = S_tiers[S_N_TIERS - 1].cls;
	}
	cls = xasprintf("card %s", tier);
	card = doc_div(sheet, cls);
	free(cls);
	doc_text(doc_paragraph(doc_div(card, "card-meta")), meta);
	doc_text(doc_paragraph(doc_div(card, "card-q")), question);
	if (tip != NULL) {
		cmark_node *para = doc_paragraph(doc_div(card, "card-tip"));

		/* The label is ours; the rest is the content's text. */
		doc_text(doc_strong(para), S_TIP_LABEL);
		doc_text(para, tip + strlen(S_TIP_LABEL));
	}
	free(meta);
	free(question);
	free(tip);
}

/* ------------------------------------------------------------------ */

static char *
S_region_list(const struct content *c)
{
	char *s = xstrdup(""), *t;

	for (size_t i = 0; i < c->n_regions; i++) {
		t = xasprintf("%s%s%s", s, i > 0 ? ", " : "", c->regions[i].code);
		free(s);
		s = t;
	}
	return s;
}

int
pack_build(const struct content *c, const struct pack_options *o,
    struct pack_doc *out, struct diag_list *d, char **cause)
{
	const struct prompt **ps = NULL;
	const struct region *r = NULL;
	int *bands_of = NULL, rc = -1;
	size_t n = 0;
	unsigned shown = 0;

	memset(out, 0, sizeof *out);
	if (o->region != NULL) {
		r = content_region(c, o->region);
		if (r == NULL) {
			char *known = S_region_list(c);

			*cause = c->n_regions > 0 ?
			    xasprintf("no help lines for region '%s'; the "
			    "regions are: %s", o->region, known) :
			    xasprintf("no help lines for region '%s': no "
			    "help lines are loaded", o->region);
			free(known);
			goto out;
		}
	} else if (o->layout == PACK_LAYOUT_HANDOUT) {
		r = content_region(c, PACK_DEFAULT_REGION);
		if (r == NULL)
			diag_add(d, DIAG_WARNING, DIAG_DATA, NULL, 0, 0,
			    "no help lines for region '%s' are loaded; the "
			    "pack has no help page (choose one with --region)",
			    PACK_DEFAULT_REGION);
	}
	ps = pack_select(c, o, &n, &bands_of);
	if (n == 0) {
		*cause = xstrdup("no prompts match the chosen ages and topics");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		shown |= BAND_BIT(bands_of[i]);
	out->title = o->title != NULL ? xstrdup(o->title) : S_default_title(shown);
	out->doc = doc_new();
	out->n_prompts = n;
	if (o->layout == PACK_LAYOUT_CARDS) {
		cmark_node *sheet = NULL;

		for (size_t i = 0; i < n; i++) {
			if (i % PACK_CARDS_PER_PAGE == 0) {
				sheet = doc_div(out->doc, "sheet");
				out->n_pages++;
			}
			S_card(sheet, ps[i], bands_of[i], o->paper, d);
		}
		out->css = S_cards_css(o->paper);
		out->footer = NULL;
	} else {
		S_handout(out->doc, c, o, ps, bands_of, n, out->title, shown, r);
		out->css = xstrdup(S_handout_css);
		out->footer = S_FOOTER;
	}
	rc = 0;
out:
	free(ps);
	free(bands_of);
	return rc;
}

void
pack_doc_cleanup(struct pack_doc *p)
{
	if (p->doc != NULL)
		cmark_node_free(p->doc);
	free(p->title);
	free(p->css);
	memset(p, 0, sizeof *p);
}
