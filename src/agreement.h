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

#include "content.h"
#include "fingerprint.h"
#include "render.h"
#include "session.h"

struct cmark_node;

/*
 * The document, fingerprint included. When the session is not signed the
 * document says so and is dated now. Returns a tree (caller:
 * cmark_node_free()), or NULL with *cause (caller frees) when the
 * session's template is not loaded. *fp (may be NULL) gets the full
 * SHA-256 hex.
 */
struct cmark_node *agreement_build(const struct session *s,
    const struct content *c, time_t now, char fp[FINGERPRINT_HEX + 1],
    char **cause);

/*
 * The agreement as Markdown, a printable HTML page (A4 or Letter) or plain
 * text at RENDER_TEXT_WIDTH columns. Returns 0 and *out (caller frees),
 * or -1 with *cause (caller frees).
 */
int agreement_render(const struct session *s, const struct content *c,
    time_t now, enum render_format fmt, char **out, char **cause);

/* Wrapped, styled lines for the TUI's review screen. 0 or -1 and *cause. */
int agreement_lines(const struct session *s, const struct content *c,
    time_t now, int width, struct render_lines *out, char **cause);

/*
 * The fingerprint agreement_render() puts in every format, as 64 hex
 * digits in fp (for callers that do not include cmark.h). 0, or -1 and
 * *cause as for agreement_build().
 */
int agreement_fingerprint(const struct session *s, const struct content *c,
    time_t now, char fp[FINGERPRINT_HEX + 1], char **cause);

/*
 * When the family said they would look at a signed agreement again: the
 * signing date plus the session's review interval, or else the template's
 * (t may be NULL: session_review_months()). 0 when s is not signed.
 */
time_t agreement_review_date(const struct session *s,
    const struct template *t);

/* "agreement-sam-2026-11-29": a file name stem for the outputs. Caller frees. */
char *agreement_file_stem(const struct session *s, time_t now);

/* What verify found. */
enum agreement_verdict {
	AGREEMENT_UNCHANGED,
	AGREEMENT_CHANGED,
	AGREEMENT_NOT_AGREEMENT		/* no fingerprint block: not ours */
};

struct agreement_check {
	enum agreement_verdict verdict;
	char *signed_text;	/* "29 November 2026 by Sam and Alex", or NULL */
	bool is_signed;
	char **changes;		/* one message per change found */
	size_t n_changes, cap_changes;
};

/*
 * Check Markdown text written by agreement_render() against the
 * fingerprint and section checks it carries. Fills *out (caller:
 * agreement_check_cleanup()).
 */
void agreement_verify(const char *md, size_t len, struct agreement_check *out);
void agreement_check_cleanup(struct agreement_check *c);

#endif
