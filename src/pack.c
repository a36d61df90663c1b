/*
 * pack.c: prompt packs for teachers. Chooses prompts from loaded content
 * and builds the document tree for a handout or for cut-out cards; render.c
 * turns the tree into HTML, Markdown or text.
 *
 * Owns: which prompts a pack holds and in what order, the pack's wording,
 * the card geometry and the font size each card needs to fit its text
 * (measured with the font's own advance widths, pack_font.h).
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

NAMES_AT(pack_layout_name, enum pack_layout, S_layout_names)
NAMES_FIND(pack_layout_from_name, S_layout_names)

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

#define S_SCENARIO_LABEL "Scenario"
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
	(void)doc_labelled(parent, label, " ", text);
}

/* ------------------------------------------------------------------ */
/* The handout.                                                        */

/*
 * Page numbers are CSS margin boxes ("3 of 8" at the foot of each page),
 * which Chromium prints; a browser without them prints no numbers, and
 * nothing else moves. The first band follows the cover on page 1.
 */
static const char S_handout_css[] =
    "@page { @bottom-center { content: counter(page) \" of \" counter(pages);"
    " font-family: \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif;"
    " font-size: 9pt; color: #444; } }\n"
    ".cover h1 { font-size: 1.8em; margin: 0 0 .3em; }\n"
    ".cover h2 { font-size: 1.1em; margin: .8em 0 .2em; }\n"
    ".cover { border-bottom: 1.5pt solid #333; padding-bottom: .6em;"
    " margin-bottom: .4em; }\n"
    ".band { break-before: page; page-break-before: always; }\n"
    ".cover + .band { break-before: auto; page-break-before: auto; }\n"
    ".band h2 { font-size: 1.5em; margin: .6em 0 .2em; }\n"
    ".band h3 { font-size: .9em; font-weight: normal;"
    " text-transform: uppercase;"
    " letter-spacing: .08em; color: #555; border-bottom: .75pt solid #999;"
    " padding-bottom: .15em; margin: 1.6em 0 .7em; }\n"
    ".prompt { break-inside: avoid; page-break-inside: avoid;"
    " margin: 0 0 1.1em; }\n"
    ".prompt p { margin: .2em 0; }\n"
    ".prompt ul { margin: .2em 0 .2em 1.9em; padding-left: 1.1em; }\n"
    ".question p { font-size: 1.1em; line-height: 1.3; padding-left: 1.9em;"
    " text-indent: -1.9em; }\n"
    ".scenario p { font-size: .78em; text-transform: uppercase;"
    " letter-spacing: .08em; color: #555; margin: 0 0 0 2.1em; }\n"
    ".tip { font-size: .93em; color: #333; border-left: 2pt solid #bbb;"
    " padding-left: .6em; margin: .35em 0 0 1.9em; }\n"
    ".help { break-before: page; page-break-before: always; }\n"
    ".help li { margin: .5em 0; }\n";

static void
S_handout_prompt(cmark_node *parent, const struct prompt *p, size_t number)
{
	cmark_node *box = doc_div(parent, "prompt"), *l, *q;
	char *num = xasprintf("%zu. ", number);

	if (p->scenario)
		doc_text(doc_paragraph(doc_div(box, "scenario")),
		    S_SCENARIO_LABEL);
	/* The number is ours, the question the content's. */
	q = doc_strong(doc_paragraph(doc_div(box, "question")));
	doc_text(q, num);
	doc_text(q, p->question);
	free(num);
	if (p->n_follow_ups > 0) {
		l = doc_list(box, false);
		for (size_t i = 0; i < p->n_follow_ups; i++)
			doc_text(doc_paragraph(doc_item(l)), p->follow_ups[i]);
	}
	if (p->tip != NULL && p->tip[0] != '\0')
		S_labelled(doc_div(box, "tip"), S_TIP_LABEL, p->tip);
}

/*
 * The help lines for region r that suit any of the bands shown, in
 * content order and once each (content_help_lines per band, merged).
 * *out: pointers into c; caller frees the array only.
 */
static size_t
S_help_lines(const struct content *c, const struct region *r,
    unsigned shown, const struct resource ***out)
{
	size_t n = 0;

	*out = NULL;
	for (int b = 0; b < BAND__COUNT; b++) {
		const struct resource **l;
		size_t m;

		if (!(shown & BAND_BIT(b)))
			continue;
		m = content_help_lines(c, r, (enum band)b, &l);
		for (size_t i = 0; i < m; i++) {
			size_t j;

			for (j = 0; j < n && (*out)[j] != l[i]; j++)
				;
			if (j < n)
				continue;
			*out = xreallocarray(*out, n + 1, sizeof **out);
			(*out)[n++] = l[i];
		}
		free(l);
	}
	return n;
}

static void
S_help(cmark_node *doc, const struct region *r,
    const struct resource *const *lines, size_t n_lines)
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

		for (size_t i = 0; i < n_lines; i++) {
			const struct resource *x = lines[i];
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
	s = xasprintf("A question marked \xe2\x80\x9c%s\xe2\x80\x9d "
	    "describes a situation: imagine it together and talk about what "
	    "you would do. %s", S_SCENARIO_LABEL, r != NULL ?
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
			for (; i < n && bands_of[i] == b && ps[i]->topic == t;
			    i++)
				S_handout_prompt(band, ps[i], i + 1);
		}
	}
	if (r != NULL) {
		const struct resource **lines;
		size_t n_lines = S_help_lines(c, r, shown, &lines);

		if (n_lines > 0)
			S_help(doc, r, lines, n_lines);
		free(lines);
	}
}

/* ------------------------------------------------------------------ */
/* Cards.                                                              */

/*
 * Geometry in millimetres. Page margins are 10mm (8mm above and below
 * on Letter, whose cards are otherwise too short for the tips); a sheet
 * of 2x4 cards fits inside the printable area with a little room to
 * spare, so rounding never pushes a card onto the next page. The sheet
 * has one outer frame and each line between two cards is drawn once (by
 * the card left of it or above it), so a cut line is never doubled.
 */
struct S_paper {
	const char *page;		/* CSS @page size */
	const char *margin;		/* CSS @page margin */
	double card_w, card_h;		/* one card */
};

static const struct S_paper S_papers[] = {
	[PAPER_A4] = { "A4", "10mm", 95.0, 69.0 },	/* 190 x 276 of 190 x 277 */
	/* 195 x 262 of 195.9 x 263.4 */
	[PAPER_LETTER] = { "letter", "8mm 10mm", 97.5, 65.5 },
};

#define S_CARD_PAD 3.0			/* padding inside the cut lines */
#define S_CARD_BORDER 0.3		/* a cut line, and the frame */
#define S_PT 0.352778			/* millimetres in a point */
#define S_META_PT 9.0			/* the band and topic line */
#define S_META_LH 1.2
#define S_META_GAP 1.0			/* below the band/topic line */
#define S_Q_LH 1.2
#define S_Q_GAP 1.5			/* below the question */
#define S_SAFETY 1.5			/* height kept free for rounding */
#define S_WIDTH_SLACK 0.98		/* a line's width we fill at most */

/*
 * The sizes a card may take, largest first: the first that fits is used.
 * Tips stay at 9 pt or more on every size but the last, which is only for
 * text that fits nowhere else, not even on a card a whole row wide. A line
 * is never less than 1.17 em high, so lines never overlap: DejaVu Sans
 * reaches 0.93 em above the baseline and 0.24 em below.
 */
struct S_tier {
	const char *cls;
	double q_pt, tip_pt, tip_lh;	/* sizes; the tip's line height */
};

static const struct S_tier S_tiers[] = {
	{ "card-m", 14.0, 10.5, 1.25 },
	{ "card-long", 12.5, 10.0, 1.25 },
	{ "card-xlong", 11.0, 9.5, 1.2 },
	{ "card-xxlong", 10.0, 9.0, 1.2 },
	{ "card-xxxlong", 9.0, 9.0, 1.17 },
	{ "card-tiny", 9.0, 8.0, 1.17 },
};
#define S_N_TIERS (sizeof S_tiers / sizeof S_tiers[0])

/*
 * The advance widths of DejaVu Sans, the first font in the page's font
 * list, generated from the font files by tools/font-widths.py.
 */
#include "pack_font.h"
#define S_N_GLYPHS (sizeof S_glyphs / sizeof S_glyphs[0])
#define S_UNKNOWN_EM 1000		/* a glyph from another font: 1 em */

/* The advance of one character, in thousandths of an em. */
static unsigned
S_advance(int32_t cp, bool bold)
{
	size_t lo = 0, hi = S_N_GLYPHS;

	if (cp == '\t' || cp == '\n' || cp == '\r')
		cp = ' ';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if ((int32_t)S_glyphs[mid].cp == cp)
			return bold ? S_glyphs[mid].bold : S_glyphs[mid].regular;
		if ((int32_t)S_glyphs[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return S_UNKNOWN_EM;
}

/*
 * The width of len bytes at s set at pt points, in millimetres. The
 * bytes before bold_end (an address in the same string, or NULL) are bold.
 */
static double
S_text_mm(const char *s, size_t len, double pt, const char *bold_end)
{
	unsigned long em = 0;
	size_t i = 0;

	while (i < len) {
		int32_t cp;
		bool bold = bold_end != NULL && s + i < bold_end;

		i += utf8_decode(s + i, len - i, &cp);
		em += S_advance(cp, bold);
	}
	return (double)em / 1000.0 * pt * S_PT;
}

/*
 * The lines that s takes in a column width_mm wide at pt points, its
 * first bold bytes in bold: the greedy wrap a browser does, breaking
 * only at spaces (a browser may also break after a hyphen, which can only
 * save lines), and breaking a word wider than the line anywhere
 * (overflow-wrap: anywhere).
 */
static int
S_count_lines(const char *s, double width_mm, double pt, size_t bold)
{
	const char *p = s, *bold_end = s + bold;
	double x = 0;
	int lines = 0;

	width_mm *= S_WIDTH_SLACK;
	while (*p != '\0') {
		size_t k;
		double w, space;

		/* The space before this word, bold inside the bold part. */
		space = S_advance(' ', p < bold_end) / 1000.0 * pt * S_PT;
		p += strspn(p, " \t\r\n");
		if (*p == '\0')
			break;
		k = strcspn(p, " \t\r\n");
		w = S_text_mm(p, k, pt, bold_end);
		if (lines == 0) {
			lines = 1;
		} else if (x + space + w > width_mm) {
			lines++;
			x = 0;
		} else {
			x += space;
		}
		if (x + w > width_mm) {		/* a word wider than the line */
			size_t i = 0;

			while (i < k) {
				int32_t cp;
				size_t n = utf8_decode(p + i, k - i, &cp);
				double c = S_text_mm(p + i, n, pt, bold_end);

				if (x + c > width_mm && x > 0) {
					lines++;
					x = 0;
				}
				x += c;
				i += n;
			}
		} else {
			x += w;
		}
		p += k;
	}
	return lines;
}

/*
 * Does the text fit a card (two columns wide if wide) at this size? Lines
 * (n of them, each starting with bold[i] bold bytes) are set as the tip.
 */
static bool
S_fits(const struct S_paper *pp, bool wide, const struct S_tier *t,
    const char *meta, const char *question, const char *tip,
    char *const *lines, const size_t *bold, size_t n)
{
	double w = (wide ? 2 : 1) * pp->card_w - 2 * S_CARD_PAD -
	    2 * S_CARD_BORDER;
	double h = pp->card_h - 2 * S_CARD_PAD - 2 * S_CARD_BORDER - S_SAFETY;
	double used;

	used = S_count_lines(meta, w, S_META_PT, 0) *
	    S_META_PT * S_META_LH * S_PT + S_META_GAP;
	used += S_count_lines(question, w, t->q_pt, strlen(question)) *
	    t->q_pt * S_Q_LH * S_PT + S_Q_GAP;
	/* A tip starts with its label in bold (S_card). */
	if (tip != NULL)
		used += S_count_lines(tip, w, t->tip_pt,
		    strncmp(tip, S_TIP_LABEL, strlen(S_TIP_LABEL)) == 0 ?
		    strlen(S_TIP_LABEL) : 0) * t->tip_pt * t->tip_lh * S_PT;
	for (size_t i = 0; i < n; i++)
		used += S_count_lines(lines[i], w, t->tip_pt, bold[i]) *
		    t->tip_pt * t->tip_lh * S_PT;
	return used <= h;
}

/* The first (largest) size whose text fits, or NULL. */
static const struct S_tier *
S_tier_for(enum paper paper, bool wide, const char *meta,
    const char *question, const char *tip)
{
	for (size_t i = 0; i < S_N_TIERS; i++)
		if (S_fits(&S_papers[paper], wide, &S_tiers[i], meta, question,
		    tip, NULL, NULL, 0))
			return &S_tiers[i];
	return NULL;
}

const char *
pack_card_class(enum paper paper, const char *meta, const char *question,
    const char *tip)
{
	const struct S_tier *t = S_tier_for(paper, false, meta, question, tip);

	return t != NULL ? t->cls : NULL;
}

static char *
S_cards_css(enum paper paper)
{
	const struct S_paper *pp = &S_papers[paper];
	char *tiers = xstrdup(""), *t, *css;

	for (size_t i = 0; i < S_N_TIERS; i++) {
		t = xasprintf("%s.%s .card-q p { font-size: %.1fpt; }\n"
		    ".%s .card-tip p { font-size: %.1fpt; line-height: %.2f; }\n",
		    tiers, S_tiers[i].cls, S_tiers[i].q_pt, S_tiers[i].cls,
		    S_tiers[i].tip_pt, S_tiers[i].tip_lh);
		free(tiers);
		tiers = t;
	}
	css = xasprintf(
	    "@page { size: %s; margin: %s; }\n"
	    "html, body { margin: 0; padding: 0; max-width: none; }\n"
	    "body { padding: 0; }\n"
	    /* The frame goes round the rows in use: a sheet is as high as
	     * its rows (each a hair under a card, for the frame). */
	    ".sheet { box-sizing: border-box; width: %.1fmm;"
	    " display: grid; grid-template-columns: repeat(2, 1fr);"
	    " grid-auto-rows: %.2fmm;"
	    " border: %.2fmm dashed #777;"
	    " break-after: page; page-break-after: always;"
	    " break-inside: avoid; page-break-inside: avoid; }\n"
	    ".sheet:last-child { break-after: auto; page-break-after: auto; }\n"
	    ".card { box-sizing: border-box; min-width: 0; min-height: 0;"
	    " padding: %.1fmm; overflow-wrap: anywhere; word-break: normal;"
	    " break-inside: avoid; page-break-inside: avoid; }\n"
	    ".card-wide { grid-column: span 2; }\n"
	    ".cut-r { border-right: %.2fmm dashed #777; }\n"
	    ".cut-b { border-bottom: %.2fmm dashed #777; }\n"
	    ".card p { margin: 0; }\n"
	    ".card-meta p { font-size: %.1fpt; line-height: %.2f; color: #555;"
	    " margin-bottom: %.1fmm; }\n"
	    ".card-q p { font-weight: bold; line-height: %.2f;"
	    " margin-bottom: %.1fmm; }\n"
	    ".card-tip p { color: #222; }\n"
	    "%s",
	    pp->page, pp->margin, 2 * pp->card_w,
	    pp->card_h - S_CARD_BORDER / 2, S_CARD_BORDER,
	    S_CARD_PAD, S_CARD_BORDER, S_CARD_BORDER, S_META_PT, S_META_LH,
	    S_META_GAP, S_Q_LH, S_Q_GAP, tiers);
	free(tiers);
	return css;
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

/*
 * One card's text, sized. A prompt's card has a tip; the help card has
 * lines instead, each starting with a bold name (bold bytes in bold[]).
 */
struct S_card {
	char *meta, *question, *tip;	/* owned; tip may be NULL */
	char **lines;			/* owned; the help card's lines */
	size_t *bold, n_lines;
	const struct S_tier *tier;
	bool wide;			/* takes a whole row of the sheet */
	bool help;			/* the help card */
};

static const struct S_tier *const S_smallest = &S_tiers[S_N_TIERS - 1];

static const struct S_tier *
S_card_tier(enum paper paper, struct S_card *k, const char *question,
    const char *tip)
{
	return S_tier_for(paper, k->wide, k->meta, question, tip);
}

/*
 * The card's text and size. A card whose tip would be under 9 pt (the
 * smallest size) on one card takes a whole row; text too long even for
 * that is cut down, with a warning.
 */
static void
S_card_prepare(struct S_card *k, const struct prompt *p, int band,
    enum paper paper, struct diag_list *d)
{
	char *t;

	memset(k, 0, sizeof *k);
	k->question = S_squash(p->question);
	k->meta = xasprintf("Ages %s \xc2\xb7 %s%s", band_name((enum band)band),
	    topic_title(p->topic), p->scenario ? " \xc2\xb7 " S_SCENARIO_LABEL : "");
	if (p->tip != NULL && p->tip[0] != '\0') {
		t = S_squash(p->tip);
		k->tip = xasprintf("%s %s", S_TIP_LABEL, t);
		free(t);
	}
	k->tier = S_card_tier(paper, k, k->question, k->tip);
	if (k->tier == NULL || k->tier == S_smallest) {
		const struct S_tier *w;

		k->wide = true;
		w = S_card_tier(paper, k, k->question, k->tip);
		if (w == NULL || w == S_smallest) {
			k->wide = k->tier == NULL;
			if (k->tier == NULL)
				k->tier = w;
		} else {
			k->tier = w;
		}
	}
	if (k->tier == NULL && k->tip != NULL &&
	    S_card_tier(paper, k, k->question, NULL) != NULL) {
		/* The question fits on its own: the tip is what is too long. */
		free(k->tip);
		k->tip = xstrdup(S_TIP_LABEL " too long for a card; see the "
		    "handout (talkpact pack --layout handout).");
		k->tier = S_card_tier(paper, k, k->question, k->tip);
		if (k->tier == NULL) {
			free(k->tip);
			k->tip = NULL;
			k->tier = S_card_tier(paper, k, k->question, NULL);
		}
		S_warn(d, p, "the tip is too long for a card; the card points "
		    "to the handout instead");
	}
	if (k->tier == NULL) {
		/* The question itself is too long: shorten it to fit. */
		size_t keep = strlen(k->question);

		while ((k->tier == NULL || k->tier == S_smallest) && keep > 8) {
			keep = keep * 9 / 10;
			t = S_shorten(k->question, keep);
			k->tier = S_card_tier(paper, k, t, k->tip);
			if ((k->tier == NULL || k->tier == S_smallest) &&
			    k->tip != NULL &&
			    S_card_tier(paper, k, t, NULL) != NULL) {
				free(k->tip);
				k->tip = NULL;
				k->tier = S_card_tier(paper, k, t, NULL);
			}
			free(k->question);
			k->question = t;
		}
		S_warn(d, p, "the question is too long for a card and was "
		    "shortened");
		if (k->tier == NULL)
			k->tier = S_smallest;
	}
}

/*
 * A phone number is never split across lines: its spaces become no-break
 * spaces. Caller frees.
 */
static char *
S_phone(const char *phone)
{
	char *out = xmalloc(2 * strlen(phone) + 1), *q = out;

	for (const char *p = phone; *p != '\0'; p++) {
		if (*p == ' ') {
			*q++ = '\xc2';
			*q++ = '\xa0';
		} else {
			*q++ = *p;
		}
	}
	*q = '\0';
	return out;
}

/*
 * The region's help lines on one card, after the prompts: each service's
 * name, phone and web address (its description is in the handout). A
 * whole row wide if they fit no other way, and left out (NULL tier) if
 * they do not fit at all.
 */
static void
S_help_card(struct S_card *k, const struct region *r,
    const struct resource *const *lines, size_t n_lines, enum paper paper)
{
	memset(k, 0, sizeof *k);
	k->help = true;
	k->meta = xasprintf("Help and reporting \xc2\xb7 %s", r->name);
	k->question = xstrdup("If something online worries a child or a "
	    "grown-up, these services can help.");
	k->lines = xmalloc((n_lines + 1) * sizeof *k->lines);
	k->bold = xmalloc((n_lines + 1) * sizeof *k->bold);
	for (int kind = 0; kind < RESOURCE__COUNT; kind++) {
		for (size_t i = 0; i < n_lines; i++) {
			const struct resource *x = lines[i];
			char *phone;

			if ((int)x->kind != kind)
				continue;
			phone = x->phone != NULL ? S_phone(x->phone) : NULL;
			k->lines[k->n_lines] = xasprintf("%s%s%s%s%s", x->name,
			    phone != NULL ? ": " : "", phone != NULL ? phone : "",
			    x->web != NULL ? (phone != NULL ? ", " : ": ") : "",
			    x->web != NULL ? x->web : "");
			k->bold[k->n_lines++] = strlen(x->name);
			free(phone);
		}
	}
	for (int wide = 0; wide < 2 && k->tier == NULL; wide++) {
		k->wide = wide;
		for (size_t i = 0; i + 1 < S_N_TIERS && k->tier == NULL; i++)
			if (S_fits(&S_papers[paper], k->wide, &S_tiers[i],
			    k->meta, k->question, NULL, k->lines, k->bold,
			    k->n_lines))
				k->tier = &S_tiers[i];
	}
}

static void
S_card_free(struct S_card *k)
{
	free(k->meta);
	free(k->question);
	free(k->tip);
	for (size_t i = 0; i < k->n_lines; i++)
		free(k->lines[i]);
	free(k->lines);
	free(k->bold);
}

/*
 * Put the card in slot (0-7: row * 2 + column) of sheet, with a cut line
 * below it if another row follows, and free its text.
 */
static void
S_card_emit(cmark_node *sheet, struct S_card *k, int slot, bool cut_below)
{
	cmark_node *card;
	char *cls;

	/* One cut line between neighbours: right of the left column, below
	 * all but the last row; the sheet's frame does the rest. */
	cls = xasprintf("card %s%s%s%s%s", k->help ? "help-card " : "",
	    k->tier->cls, k->wide ? " card-wide" : "",
	    !k->wide && slot % 2 == 0 ? " cut-r" : "", cut_below ? " cut-b" : "");
	card = doc_div(sheet, cls);
	free(cls);
	doc_text(doc_paragraph(doc_div(card, "card-meta")), k->meta);
	doc_text(doc_paragraph(doc_div(card, "card-q")), k->question);
	if (k->tip != NULL) {
		cmark_node *para = doc_paragraph(doc_div(card, "card-tip"));

		/* The label is ours; the rest is the content's text. */
		doc_text(doc_strong(para), S_TIP_LABEL);
		doc_text(para, k->tip + strlen(S_TIP_LABEL));
	}
	if (k->n_lines > 0) {
		cmark_node *box = doc_div(card, "card-tip");

		for (size_t i = 0; i < k->n_lines; i++) {
			cmark_node *para = doc_paragraph(box);
			char *name = xasprintf("%.*s", (int)k->bold[i],
			    k->lines[i]);

			doc_text(doc_strong(para), name);
			doc_text(para, k->lines[i] + k->bold[i]);
			free(name);
		}
	}
	S_card_free(k);
}

/*
 * Lay the cards out in sheets of PACK_CARDS_PER_PAGE slots, in order, but
 * a wide card due in a right-hand slot waits for the next row (the next
 * narrow card goes first). Returns the number of sheets.
 */
static size_t
S_cards(cmark_node *doc, struct S_card *cards, size_t n)
{
	size_t *wait = xmalloc((n + 1) * sizeof *wait), head = 0, tail = 0;
	size_t *order = xmalloc((n + 1) * sizeof *order), k = 0;
	int *slots = xmalloc((n + 1) * sizeof *slots);
	size_t sheets = 0, i = 0;
	int slot = PACK_CARDS_PER_PAGE;

	while (i < n || head < tail) {
		size_t c;

		if (slot % 2 == 1 && i < n && cards[i].wide) {
			wait[tail++] = i++;
			continue;
		}
		if (slot % 2 == 0 && head < tail)
			c = wait[head++];
		else if (i < n)
			c = i++;
		else {
			slot++;		/* only wide cards are left */
			c = wait[head++];
		}
		if (slot >= PACK_CARDS_PER_PAGE)
			slot = 0;
		order[k] = c;
		slots[k++] = slot;
		slot += cards[c].wide ? 2 : 1;
	}
	for (size_t j = 0; j < k; j++) {
		cmark_node *sheet;
		size_t first = j, end = j + 1;

		if (slots[j] != 0)
			continue;
		/* A sheet: cards first..end-1; its last row has no cut below. */
		while (end < k && slots[end] != 0)
			end++;
		sheet = doc_div(doc, "sheet");
		sheets++;
		for (size_t m = first; m < end; m++)
			S_card_emit(sheet, &cards[order[m]], slots[m],
			    slots[m] / 2 < slots[end - 1] / 2);
	}
	free(wait);
	free(order);
	free(slots);
	return sheets;
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
	} else if (o->layout == PACK_LAYOUT_CARDS) {
		r = content_region(c, PACK_DEFAULT_REGION);	/* or none */
	} else {
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
		struct S_card *cards = xmalloc((n + 1) * sizeof *cards);
		size_t k = n;

		for (size_t i = 0; i < n; i++)
			S_card_prepare(&cards[i], ps[i], bands_of[i], o->paper, d);
		const struct resource **lines = NULL;
		size_t n_lines = r != NULL ? S_help_lines(c, r, shown, &lines) : 0;

		if (n_lines > 0) {
			S_help_card(&cards[k], r, lines, n_lines, o->paper);
			if (cards[k].tier != NULL)
				k++;
			else
				S_card_free(&cards[k]);
		}
		free(lines);
		out->n_pages = S_cards(out->doc, cards, k);
		free(cards);
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
