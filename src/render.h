/*
 * render.h: documents (agreements, prompt packs) are cmark node trees; this
 * module turns a tree into CommonMark, a self-contained printable HTML page,
 * plain text wrapped for printers, and styled lines for the TUI's review
 * screen, both cut by wrap.h's engine.
 *
 * Safety: user text enters a tree only through doc_text() (a cmark text
 * node): never as Markdown source. render_markdown() is our own writer,
 * because libcmark 0.30.2's cmark_render_commonmark() does not escape every
 * construct (a "~~~" line, leading spaces); parsing its output again gives
 * the same HTML as rendering the tree directly. HTML output never contains
 * raw HTML or a live link that came from user text.
 *
 * Only render.c, agreement.c and pack.c include cmark.h; callers of the
 * functions below that take a tree must be among them.
 */
#ifndef TALKPACT_RENDER_H
#define TALKPACT_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "wrap.h"

struct cmark_node;

enum render_format { RENDER_MD, RENDER_HTML, RENDER_TXT };
#define RENDER_TEXT_WIDTH 72

/*
 * Tree building helpers. Each returns a new node appended to parent (owned
 * by the tree), or NULL if parent cannot hold that kind of node (text
 * straight into a document, a paragraph into a list) or cls is invalid.
 */
struct cmark_node *doc_new(void);			/* caller: cmark_node_free() */
struct cmark_node *doc_heading(struct cmark_node *parent, int level);
struct cmark_node *doc_paragraph(struct cmark_node *parent);
struct cmark_node *doc_list(struct cmark_node *parent, bool ordered);
struct cmark_node *doc_item(struct cmark_node *list);
struct cmark_node *doc_quote(struct cmark_node *parent);
struct cmark_node *doc_emph(struct cmark_node *parent);
struct cmark_node *doc_strong(struct cmark_node *parent);
struct cmark_node *doc_rule(struct cmark_node *parent);	/* thematic break */
/*
 * A paragraph: label in bold, then sep and text, each a text node
 * ("**Priya**: words"). Returns the paragraph.
 */
struct cmark_node *doc_labelled(struct cmark_node *parent, const char *label,
    const char *sep, const char *text);
/*
 * Text, exactly as given, never parsed: "\n", "\r\n" and "\r" become line
 * breaks (inside a heading, spaces: a heading is one line in every format);
 * invalid UTF-8 becomes U+FFFD. Returns the first node added.
 */
struct cmark_node *doc_text(struct cmark_node *parent, const char *text);
/*
 * A block that only the HTML page sees, wrapped in <div class="CLASS">
 * (classes from our own code: [a-z-]+, several separated by single
 * spaces; anything else returns NULL). In Markdown and text its children
 * appear as ordinary blocks.
 */
struct cmark_node *doc_div(struct cmark_node *parent, const char *cls);

/* Page furniture for HTML. */
struct render_page {
	const char *title;		/* <title>, plain text */
	const char *footer;		/* printed at the foot, plain text, or NULL */
	const char *css;		/* extra CSS from our own code, or NULL */
	const char *lang;		/* "en-GB" */
};

/*
 * Outputs. Each returns a new NUL-terminated string; caller frees. Each
 * first tidies the tree in place the same way, so all formats agree: line
 * breaks at the start or end of a paragraph or heading are dropped (at the
 * edge of emphasis they move outside it), and empty text, emphasis and
 * paragraphs are removed. Tidying twice changes nothing.
 */
char *render_markdown(struct cmark_node *doc);
/* The page also keeps each phone number and date on one line (wrap_joined()). */
char *render_html_page(struct cmark_node *doc, const struct render_page *page);
char *render_html_body(struct cmark_node *doc);	/* just the body HTML */
char *render_text(struct cmark_node *doc, int width);

/* Styled, wrapped lines, for the TUI. */
enum render_style {
	RSTYLE_PLAIN = 0,
	RSTYLE_HEADING = 1 << 0,
	RSTYLE_TITLE = 1 << 1,		/* level-1 heading */
	RSTYLE_EMPH = 1 << 2,
	RSTYLE_STRONG = 1 << 3,
	RSTYLE_QUOTE = 1 << 4,
	RSTYLE_MUTED = 1 << 5
};

struct render_span {
	size_t start, len;		/* bytes into the line's text */
	unsigned style;
};

struct render_line {
	char *text;			/* UTF-8, no newline; display width <= width */
	struct render_span *spans;
	size_t n_spans;
};

struct render_lines {
	struct render_line *lines;
	size_t n, cap;
};

/*
 * Wrap doc to width display columns as fn measures them (wrap.h:
 * width_screen for the TUI, width_print for anything printed or kept;
 * widths under 10 count as 10), with wrap.h's engine. Headings: level 1
 * underlined with '=', level 2 with '-', deeper levels in capitals (ASCII
 * letters only); lists "- " and right-aligned "1. " with hanging indents;
 * quotes "> "; control characters dropped, tabs as spaces. out is
 * overwritten; free it with render_lines_cleanup(). render_text() is these
 * lines, by width_print, joined by newlines.
 */
void render_lines(struct cmark_node *doc, int width, wrap_width_fn *fn,
    struct render_lines *out);
void render_lines_cleanup(struct render_lines *l);

/* Display width of UTF-8 text for print: wrap_measure(width_print, ...). */
int text_width(const char *s, size_t len);

#endif
