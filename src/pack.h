/*
 * pack.h: prompt packs for teachers (issue 7). Builds a printable document
 * from the loaded content: a handout (cover, each band's prompts by topic,
 * the region's help lines) or cut-out cards, eight slots to a page (a
 * card with a long tip takes a row of two), the help lines on the last.
 *
 * A pack is built from content only: it never holds a family's answers.
 * Nothing here prints or exits; problems are returned (cause, diag_list).
 * Only pack.c (with render.c and agreement.c) includes cmark.h.
 */
#ifndef TALKPACT_PACK_H
#define TALKPACT_PACK_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "diag.h"

struct cmark_node;
struct content;
struct prompt;

/* Layouts. X(enum-suffix, name); the paper is content.h's enum paper. */
#define PACK_LAYOUT_TABLE \
	X(HANDOUT, "handout") \
	X(CARDS, "cards")

enum pack_layout {
#define X(e, name) PACK_LAYOUT_##e,
	PACK_LAYOUT_TABLE
#undef X
	PACK_LAYOUT__COUNT
};

#define PACK_CARDS_PER_PAGE 8		/* 2 columns x 4 rows */
#define PACK_DEFAULT_REGION "UK"

struct pack_options {
	unsigned bands;			/* BAND_BIT() set; 0: every band */
	unsigned topics;		/* bit (1u << enum topic) set; 0: every topic */
	const char *region;		/* help lines; NULL: PACK_DEFAULT_REGION */
	const char *title;		/* or NULL for a title from the bands */
	enum pack_layout layout;
	enum paper paper;		/* cards only (content.h) */
};

/* A built pack: the tree and the page furniture for render_html_page(). */
struct pack_doc {
	struct cmark_node *doc;		/* owned; freed by pack_doc_cleanup() */
	char *title;			/* owned */
	char *css;			/* owned, for struct render_page.css */
	const char *footer;		/* static, or NULL */
	size_t n_prompts;		/* prompts in the pack */
	size_t n_pages;			/* cards: sheets; handout: 0 */
};

/*
 * The prompts the options select, in pack order (band, then topic order,
 * then load order), each exactly once: a prompt in several selected bands
 * goes under the youngest. Returns a new array of n pointers into c, and
 * in bands_of[i] (if not NULL) the band each is shown under; caller frees
 * both arrays (free()).
 */
const struct prompt **pack_select(const struct content *c,
    const struct pack_options *o, size_t *n, int **bands_of);

/*
 * Build the pack. Returns 0, or -1 with *cause (caller frees) when nothing
 * can be built: an unknown --region, or no prompt matches. Warnings go to
 * *d: a handout's default region with no help lines loaded (cards then
 * just have no help card), a card whose text was too long to fit and was
 * shortened (with the prompt's FILE:LINE:COL).
 */
int pack_build(const struct content *c, const struct pack_options *o,
    struct pack_doc *out, struct diag_list *d, char **cause);
void pack_doc_cleanup(struct pack_doc *p);

/* Names for the tables above; *_from_name returns -1 if unknown. */
const char *pack_layout_name(enum pack_layout l);
int pack_layout_from_name(const char *s);

/*
 * The size class for a card one column wide with this text (the small
 * band/topic line, the question, and the tip starting with its bold
 * label), the largest at which it fits, measured with DejaVu Sans's
 * advance widths: "card-m", "card-long", "card-xlong", "card-xxlong",
 * "card-xxxlong" (tips 10.5 down to 9 pt) or "card-tiny" (8 pt); NULL if
 * it does not fit even at the smallest size. Exposed for tests.
 */
const char *pack_card_class(enum paper paper, const char *meta,
    const char *question, const char *tip);

#endif
