/*
 * agreement.h: the family device agreement as a document: built from the
 * session, its template and the content (prompts, help lines), rendered in
 * every format with its fingerprint, and checked again by 'talkpact
 * verify'.
 *
 * Everything the family typed enters the document only as cmark text nodes
 * (render.h's doc_text), so it can never become a heading, a link or HTML.
 * Library code: no printing, no exit, no environment. Callers that do not
 * include cmark.h (the TUI) use agreement_render() and agreement_lines().
 */
#ifndef TALKPACT_AGREEMENT_H
#define TALKPACT_AGREEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "civil.h"
#include "content.h"
#include "fingerprint.h"
#include "render.h"
#include "session.h"

struct cmark_node;

/*
 * The document as Markdown keeps it: the pact and its fingerprint block
 * (with the section checks), without the conversation record. When the
 * session is not signed the document says so and is dated now. Returns a tree (caller:
 * cmark_node_free()), or NULL with *cause (caller frees) when the
 * session's template is not loaded. *fp (may be NULL) gets the full
 * SHA-256 hex.
 */
struct cmark_node *agreement_build(const struct session *s,
    const struct content *c, time_t now, char fp[FINGERPRINT_HEX + 1],
    char **cause);

/*
 * The agreement (the pact, without the conversation record) as Markdown,
 * a printable HTML page (on the session's paper) or plain text at
 * RENDER_TEXT_WIDTH columns. Returns 0 and *out (caller frees), or -1
 * with *cause (caller frees).
 *
 * A signed session (format 2) is rendered from what was signed
 * (s->frozen), never from c: its Markdown is the signed text byte for
 * byte, whatever the time zone, the locale or the content; one whose
 * data no longer matches its digest (session_signed_check() < 0) is
 * refused ("changed after signing"). A signed format-1 session is built
 * from c, dated by its signatures' UTC dates.
 */
int agreement_render(const struct session *s, const struct content *c,
    time_t now, enum render_format fmt, char **out, char **cause);

/* Paper for the printable page. */
enum agreement_paper {
	AGREEMENT_PAPER_AUTO,		/* agreement_paper_for() */
	AGREEMENT_PAPER_A4,
	AGREEMENT_PAPER_LETTER
};

/* "a4", "letter" ("auto" for AUTO). */
const char *agreement_paper_name(enum agreement_paper p);
/* AGREEMENT_PAPER_A4 or _LETTER for "a4" or "letter", else -1. */
int agreement_paper_from_name(const char *name);
/*
 * The paper a session's page asks for without --paper: the region's
 * (United States: Letter; UK, IE, AU and no region: A4). The one place
 * that picks it.
 */
enum agreement_paper agreement_paper_for(const struct session *s,
    const struct content *c);

struct agreement_options {
	/*
	 * The conversation record (every question and voice) after the
	 * fingerprint block, under "Our conversation (private to our
	 * family)"; on paper from a new page. The fingerprint never covers it.
	 */
	bool record;
	enum agreement_paper paper;	/* HTML's @page size */
	/*
	 * The local offset from UTC (seconds east) that dates a draft: main.c
	 * works it out. A signed agreement has its own dates.
	 */
	long utc_offset;
};

/*
 * agreement_render() with options (o may be NULL: no record, the
 * session's paper). HTML and text are the pact for paper: the fingerprint
 * as one line and a sentence, none on a draft, which says "Draft, not
 * signed yet" instead (on every page of the HTML); the per-section checks
 * are in the Markdown only, which verify reads.
 */
int agreement_render_with(const struct session *s, const struct content *c,
    time_t now, enum render_format fmt, const struct agreement_options *o,
    char **out, char **cause);

/*
 * agreement_build() with options: with o->record, the conversation
 * record after the fingerprint block (o may be NULL).
 */
struct cmark_node *agreement_build_with(const struct session *s,
    const struct content *c, time_t now, const struct agreement_options *o,
    char fp[FINGERPRINT_HEX + 1], char **cause);

/* Wrapped, styled lines for the TUI's review screen. 0 or -1 and *cause. */
int agreement_lines(const struct session *s, const struct content *c,
    time_t now, int width, struct render_lines *out, char **cause);
/* agreement_lines() with a draft dated at utc_offset (seconds east). */
int agreement_lines_at(const struct session *s, const struct content *c,
    time_t now, long utc_offset, int width, struct render_lines *out,
    char **cause);

/*
 * The fingerprint agreement_render() puts in every format, as 64 hex
 * digits in fp (for callers that do not include cmark.h). 0, or -1 and
 * *cause as for agreement_build().
 */
int agreement_fingerprint(const struct session *s, const struct content *c,
    time_t now, char fp[FINGERPRINT_HEX + 1], char **cause);

/*
 * When the family said they would look at a signed agreement again, as
 * "2027-05-29" in day: what was signed, or for a signed format-1 file the
 * signing date (UTC) plus the session's review interval, or else the
 * template's (t may be NULL: session_review_months()), added on the
 * calendar (civil.h). Returns 0, or -1 (and "") when s is not signed.
 */
int agreement_review_day(const struct session *s, const struct template *t,
    char day[CIVIL_ISO_SIZE]);

/*
 * A time as the agreement writes a date, "29 May 2027" (English month
 * names in any locale), on the calendar utc_offset seconds east of UTC,
 * into buf of sz bytes.
 */
void agreement_date(time_t t, long utc_offset, char *buf, size_t sz);

/*
 * The agreement's words for s (session_words() calls this): its template
 * and region filled with the family's values and dated. Returns a new
 * struct (caller: signed_words_free()) or NULL with *cause.
 */
struct signed_words *agreement_words(const struct session *s,
    const struct content *c, time_t now, long utc_offset, char **cause);

/*
 * The Markdown (without the conversation record) and fingerprint of
 * s->frozen's words, for session_freeze(). 0 and *md (caller frees), or
 * -1 and *cause.
 */
int agreement_freeze_markdown(const struct session *s, char **md,
    char fp[FINGERPRINT_HEX + 1], char **cause);

/*
 * "agreement-sam-2026-11-29": a file name stem for the outputs, with the
 * signing date (the last signer's own), or for a draft now's date in UTC
 * (agreement_file_stem_at(): at utc_offset seconds east). Caller frees.
 */
char *agreement_file_stem(const struct session *s, time_t now);
char *agreement_file_stem_at(const struct session *s, time_t now,
    long utc_offset);

/* What verify found. */
enum agreement_verdict {
	AGREEMENT_UNCHANGED,
	AGREEMENT_CHANGED,
	AGREEMENT_NOT_AGREEMENT,	/* no fingerprint: not ours */
	/*
	 * A paper form (the .txt, or the .html page): it states a
	 * fingerprint, but its words cannot be recomputed into one (the
	 * fingerprint is of the Markdown, which plain text does not keep).
	 * Only the stated fingerprint can be compared with the paper.
	 */
	AGREEMENT_STATED
};

struct agreement_check {
	enum agreement_verdict verdict;
	char *signed_text;	/* "29 November 2026 by Sam and Alex", or NULL */
	bool is_signed;
	char **changes;		/* one message per change found */
	size_t n_changes, cap_changes;
	/* The fingerprint the file states (FINGERPRINT_SHOWN digits), or "". */
	char stated[FINGERPRINT_HEX + 1];
	/* The fingerprint of the file's words (all 64 digits), or "". */
	char computed[FINGERPRINT_HEX + 1];
};

/*
 * Check text written by agreement_render() against the fingerprint it
 * carries. Markdown (the .md): its fingerprint and section checks are
 * recomputed from its words. Anything else that states a fingerprint the
 * way the paper forms do ("Fingerprint xxxx ...: check the file with"):
 * AGREEMENT_STATED with that fingerprint in stated (AGREEMENT_CHANGED if
 * it states two different ones). Fills *out (caller:
 * agreement_check_cleanup()).
 */
void agreement_verify(const char *md, size_t len, struct agreement_check *out);
void agreement_check_cleanup(struct agreement_check *c);

#endif
