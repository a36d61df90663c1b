/*
 * render.c: the document engine. Builds cmark trees (doc_*) and turns them
 * into CommonMark (our own escaping writer), a self-contained printable HTML
 * page, and wrapped plain text or styled lines (one wrapping engine).
 *
 * Owns: escaping user text for Markdown and HTML, display widths, wrapping.
 * Must never: parse user text as Markdown, emit raw HTML that came from a
 * node's text, print, exit, or read the environment or the locale.
 *
 * Lines are cut by wrap.h's engine, measured by the width function the
 * caller names: width_print (utf8proc, the same on every machine) for
 * printed text, width_screen (wcwidth, as curses draws) for the TUI.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <utf8proc.h>

#include "render.h"
#include "util.h"
#include "wrap.h"

/* ------------------------------------------------------------------ */
/* A growing byte buffer.                                              */

struct S_buf {
	char *p;
	size_t len, cap;
};

static void
S_buf_grow(struct S_buf *b, size_t more)
{
	size_t want = b->len + more + 1;

	if (want <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < want)
		b->cap *= 2;
	b->p = xreallocarray(b->p, b->cap, 1);
}

static void
S_buf_put(struct S_buf *b, const char *s, size_t n)
{
	S_buf_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
S_buf_puts(struct S_buf *b, const char *s)
{
	S_buf_put(b, s, strlen(s));
}

static void
S_buf_putc(struct S_buf *b, char c)
{
	S_buf_put(b, &c, 1);
}

/* The buffer's string, never NULL; the caller frees it. */
static char *
S_buf_take(struct S_buf *b)
{
	char *p;

	if (b->p == NULL)
		return xstrdup("");
	p = b->p;
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

int
text_width(const char *s, size_t len)
{
	return wrap_measure(width_print, s, len);
}

/* ------------------------------------------------------------------ */
/* Building trees.                                                     */

static cmark_node *
S_append(cmark_node *parent, cmark_node_type type)
{
	cmark_node *n = cmark_node_new(type);

	if (n == NULL)
		return NULL;
	if (parent != NULL && !cmark_node_append_child(parent, n)) {
		cmark_node_free(n);
		return NULL;
	}
	return n;
}

cmark_node *
doc_new(void)
{
	return cmark_node_new(CMARK_NODE_DOCUMENT);
}

cmark_node *
doc_heading(cmark_node *parent, int level)
{
	cmark_node *n = S_append(parent, CMARK_NODE_HEADING);

	if (n != NULL)
		cmark_node_set_heading_level(n, level < 1 ? 1 : level > 6 ? 6 : level);
	return n;
}

cmark_node *
doc_paragraph(cmark_node *parent)
{
	return S_append(parent, CMARK_NODE_PARAGRAPH);
}

cmark_node *
doc_list(cmark_node *parent, bool ordered)
{
	cmark_node *n = S_append(parent, CMARK_NODE_LIST);

	if (n == NULL)
		return NULL;
	cmark_node_set_list_type(n, ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST);
	if (ordered) {
		cmark_node_set_list_start(n, 1);
		cmark_node_set_list_delim(n, CMARK_PERIOD_DELIM);
	}
	cmark_node_set_list_tight(n, 1);
	return n;
}

cmark_node *
doc_item(cmark_node *list)
{
	return S_append(list, CMARK_NODE_ITEM);
}

cmark_node *
doc_quote(cmark_node *parent)
{
	return S_append(parent, CMARK_NODE_BLOCK_QUOTE);
}

cmark_node *
doc_emph(cmark_node *parent)
{
	return S_append(parent, CMARK_NODE_EMPH);
}

cmark_node *
doc_strong(cmark_node *parent)
{
	return S_append(parent, CMARK_NODE_STRONG);
}

cmark_node *
doc_rule(cmark_node *parent)
{
	return S_append(parent, CMARK_NODE_THEMATIC_BREAK);
}

static bool
S_in_heading(cmark_node *n)
{
	for (; n != NULL; n = cmark_node_parent(n))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			return true;
	return false;
}

/* Append one text node for s[0..n), invalid UTF-8 replaced by U+FFFD. */
static cmark_node *
S_text_node(cmark_node *parent, const char *s, size_t n)
{
	struct S_buf b = { 0 };
	cmark_node *t;
	size_t i = 0, k;
	int32_t c;
	char *lit;

	if (utf8_valid(s, n, NULL)) {
		/* The common case: no copy of ours when s ends here. */
		if (s[n] == '\0') {
			t = S_append(parent, CMARK_NODE_TEXT);
			if (t != NULL)
				cmark_node_set_literal(t, s);
			return t;
		}
		lit = xstrndup(s, n);
		goto append;
	}
	while (i < n) {
		k = utf8_decode(s + i, n - i, &c);
		if (c < 0)
			S_buf_puts(&b, "\xef\xbf\xbd");
		else
			S_buf_put(&b, s + i, k);
		i += k;
	}
	lit = S_buf_take(&b);
append:
	t = S_append(parent, CMARK_NODE_TEXT);
	if (t != NULL)
		cmark_node_set_literal(t, lit);
	free(lit);
	return t;
}

cmark_node *
doc_text(cmark_node *parent, const char *text)
{
	bool heading = S_in_heading(parent);
	cmark_node *first = NULL, *t;
	const char *p, *e;

	p = text != NULL ? text : "";
	for (;;) {
		e = p + strcspn(p, "\r\n");
		if (e > p || (first == NULL && *e == '\0')) {
			t = S_text_node(parent, p, (size_t)(e - p));
			if (first == NULL)
				first = t;
		}
		if (*e == '\0')
			break;
		/* Headings are one line in every format: newlines are spaces. */
		if (heading)
			t = S_text_node(parent, " ", 1);
		else
			t = S_append(parent, CMARK_NODE_LINEBREAK);
		if (first == NULL)
			first = t;
		p = e + (e[0] == '\r' && e[1] == '\n' ? 2 : 1);
	}
	return first;
}

cmark_node *
doc_labelled(cmark_node *parent, const char *label, const char *sep,
    const char *text)
{
	cmark_node *p = doc_paragraph(parent);

	doc_text(doc_strong(p), label);
	doc_text(p, sep);
	doc_text(p, text);
	return p;
}

/* One or more class names [a-z-]+, separated by single spaces. */
static bool
S_class_ok(const char *cls)
{
	bool word = false;

	if (cls == NULL)
		return false;
	for (const char *p = cls; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || *p == '-')
			word = true;
		else if (*p == ' ' && word)
			word = false;
		else
			return false;
	}
	return word;
}

cmark_node *
doc_div(cmark_node *parent, const char *cls)
{
	cmark_node *n;
	char *open;

	if (!S_class_ok(cls))
		return NULL;
	n = S_append(parent, CMARK_NODE_CUSTOM_BLOCK);
	if (n == NULL)
		return NULL;
	open = xasprintf("<div class=\"%s\">", cls);
	cmark_node_set_on_enter(n, open);
	cmark_node_set_on_exit(n, "</div>");
	free(open);
	return n;
}

/* Does the doc_div() n carry the class cls? */
static bool
S_div_has(cmark_node *n, const char *cls)
{
	const char *open = cmark_node_get_on_enter(n), *p, *end;
	size_t len = strlen(cls);

	if (open == NULL || (p = strstr(open, "class=\"")) == NULL)
		return false;
	p += strlen("class=\"");
	if ((end = strchr(p, '"')) == NULL)
		return false;
	while (p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		size_t k = sp != NULL ? (size_t)(sp - p) : (size_t)(end - p);

		if (k == len && memcmp(p, cls, len) == 0)
			return true;
		p += k + (sp != NULL ? 1 : 0);
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Tidying: the few shapes that no Markdown can express are normalised */
/* the same way before every output, so all formats agree.             */

static bool
S_is_break(cmark_node *n)
{
	cmark_node_type t;

	if (n == NULL)
		return false;
	t = cmark_node_get_type(n);
	return t == CMARK_NODE_LINEBREAK || t == CMARK_NODE_SOFTBREAK;
}

static void
S_tidy(cmark_node *n)
{
	cmark_node *c, *next;
	cmark_node_type t = cmark_node_get_type(n);
	const char *lit;

	for (c = cmark_node_first_child(n); c != NULL; c = next) {
		next = cmark_node_next(c);
		S_tidy(c);
	}
	/* Remove what renders as nothing at all. */
	for (c = cmark_node_first_child(n); c != NULL; c = next) {
		cmark_node_type ct = cmark_node_get_type(c);

		next = cmark_node_next(c);
		if (ct == CMARK_NODE_TEXT) {
			lit = cmark_node_get_literal(c);
			if (lit == NULL || *lit == '\0')
				cmark_node_free(c);
		} else if ((ct == CMARK_NODE_EMPH || ct == CMARK_NODE_STRONG ||
		    ct == CMARK_NODE_PARAGRAPH) &&
		    cmark_node_first_child(c) == NULL) {
			cmark_node_free(c);
		}
	}
	switch (t) {
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
		/* Breaks at the edge of emphasis move outside it. */
		while (S_is_break(c = cmark_node_first_child(n))) {
			cmark_node_unlink(c);
			cmark_node_insert_before(n, c);
		}
		while (S_is_break(c = cmark_node_last_child(n))) {
			cmark_node_unlink(c);
			cmark_node_insert_after(n, c);
		}
		break;
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		/* A block cannot start or end with a line break. */
		while (S_is_break(c = cmark_node_first_child(n)))
			cmark_node_free(c);
		while (S_is_break(c = cmark_node_last_child(n)))
			cmark_node_free(c);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------------ */
/* CommonMark writer.                                                  */

struct S_md {
	struct S_buf out;
	struct S_buf prefix;	/* continuation prefix for each new line */
	bool at_line_start;	/* nothing but the prefix written yet */
	bool line_digits;	/* only digits written since then */
	char last;		/* last byte written, for delimiter choice */
	int32_t inner_end;	/* the character before the last closing delimiter */
	char close_delim;	/* that delimiter's character */
};

static bool
S_is_ascii_punct(int32_t c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	    (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/* Unicode space separators (Zs) other than U+0020. */
static bool
S_is_unicode_space(int32_t c)
{
	return c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x202f || c == 0x205f || c == 0x3000;
}

static void
S_md_raw(struct S_md *m, const char *s, size_t n)
{
	if (n == 0)
		return;
	S_buf_put(&m->out, s, n);
	m->last = s[n - 1];
	m->at_line_start = false;
	m->line_digits = false;
}

static void
S_md_entity(struct S_md *m, int32_t c)
{
	char e[16];
	int n = snprintf(e, sizeof e, "&#%ld;", (long)c);

	S_md_raw(m, e, (size_t)n);
}

static void
S_md_newline(struct S_md *m)
{
	S_buf_putc(&m->out, '\n');
	if (m->prefix.len > 0)
		S_buf_put(&m->out, m->prefix.p, m->prefix.len);
	m->last = '\n';
	m->at_line_start = true;
	m->line_digits = true;
}

/* A blank line between blocks: the prefix without its trailing spaces. */
static void
S_md_blank_line(struct S_md *m)
{
	size_t k = m->prefix.len;

	while (k > 0 && m->prefix.p[k - 1] == ' ')
		k--;
	S_buf_putc(&m->out, '\n');
	S_buf_put(&m->out, m->prefix.p != NULL ? m->prefix.p : "", k);
	S_md_newline(m);
}

/*
 * Does ASCII punctuation c need a backslash here? Some characters always
 * do; the others only where a parser would read them as syntax: at the
 * start of a line ("-", "+", "=") or after a line's leading digits
 * ("1." and "1)" start a list).
 */
static bool
S_md_needs_escape(const struct S_md *m, int32_t c)
{
	switch (c) {
	case '\\': case '`': case '*': case '_': case '[': case ']':
	case '<': case '>': case '&': case '#': case '~':
		return true;
	case '-': case '+': case '=':
		return m->at_line_start;
	case '.': case ')':
		return m->line_digits && !m->at_line_start;
	default:
		return false;
	}
}

/*
 * Text escaped so that it parses back to exactly itself: punctuation that
 * could be syntax is backslash-escaped; controls, tabs and non-ASCII
 * spaces become numeric character references; so does a space at the
 * start or end of a line (parsers strip those) or just inside emphasis
 * (first_blank, last_blank). first_hard and last_hard ask for the first
 * or last character as a reference when it is a letter or the like (not
 * a space or ASCII punctuation), so that an emphasis delimiter next to it
 * stays a delimiter.
 */
static void
S_md_text(struct S_md *m, const char *s, bool first_hard, bool last_hard,
    bool first_blank, bool last_blank)
{
	size_t len = strlen(s), i = 0, k;
	int32_t c;

	while (i < len) {
		bool first = (i == 0), last;

		/*
		 * Fast path: inside a line, away from the text's ends, a run of
		 * letters, digits, spaces and punctuation that is not syntax
		 * here goes out as it is, in one piece.
		 */
		if (!first && !m->at_line_start && !m->line_digits) {
			size_t j = i;

			while (j + 1 < len) {
				unsigned char b = (unsigned char)s[j];

				if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
				    (b >= '0' && b <= '9') || b == ' ' ||
				    (S_is_ascii_punct(b) && !S_md_needs_escape(m, b)))
					j++;
				else
					break;
			}
			if (j > i) {
				S_md_raw(m, s + i, j - i);
				i = j;
				continue;
			}
		}
		k = utf8_decode(s + i, len - i, &c);
		last = (i + k == len);
		if (c < 0) {
			S_md_raw(m, "\xef\xbf\xbd", 3);
		} else if (c < 0x20 || c == 0x7f || S_is_unicode_space(c)) {
			S_md_entity(m, c);
		} else if (c == ' ') {
			if (m->at_line_start || (first && first_blank) ||
			    (last && last_blank))
				S_md_entity(m, c);
			else
				S_md_raw(m, " ", 1);
		} else if (S_is_ascii_punct(c) && S_md_needs_escape(m, c)) {
			char e[2] = { '\\', (char)c };

			S_md_raw(m, e, 2);
		} else if (((first && first_hard) || (last && last_hard)) &&
		    !S_is_ascii_punct(c)) {
			/* Punctuation next to a delimiter keeps it one. */
			S_md_entity(m, c);
		} else {
			bool digits = c >= '0' && c <= '9' &&
			    (m->at_line_start || m->line_digits);

			S_md_raw(m, s + i, k);
			m->line_digits = digits;
		}
		i += k;
	}
}

static bool
S_is_emphasis(cmark_node *n)
{
	cmark_node_type t;

	if (n == NULL)
		return false;
	t = cmark_node_get_type(n);
	return t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG;
}

/* Does a line end follow n (a break, or the end of the block)? */
static bool
S_line_end_after(cmark_node *n)
{
	cmark_node *p;

	for (; n != NULL; n = p) {
		cmark_node *next = cmark_node_next(n);

		if (next != NULL)
			return S_is_break(next);
		p = cmark_node_parent(n);
		if (p == NULL || !S_is_emphasis(p))
			return true;
	}
	return true;
}

static void S_md_inlines(struct S_md *m, cmark_node *parent);

/*
 * Could character c, as the writer writes it, stop an emphasis delimiter
 * beside it being one? Anything but a letter, digit or other symbol: the
 * writer turns controls and spaces into references (which start with
 * '&'), and CommonMark counts ASCII and Unicode punctuation.
 */
static bool
S_md_flank_char(int32_t c)
{
	if (c < 0x80)
		return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'));
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CS:
		return true;
	default:
		return c == 0xfffd;
	}
}

/* The last character written (0 for none). */
static int32_t
S_md_last_char(const struct S_md *m)
{
	size_t i = m->out.len;
	int32_t c = 0;

	if (i == 0)
		return 0;
	while (i > 0 && m->out.len - i < 4 &&
	    ((unsigned char)m->out.p[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0)
		i--;
	(void)utf8_decode(m->out.p + i, m->out.len - i, &c);
	return c;
}

/* The first character an emphasis node will write inside its delimiters. */
static int32_t
S_md_first_char(cmark_node *n)
{
	for (cmark_node *c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_first_child(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_TEXT) {
			const char *lit = cmark_node_get_literal(c);
			int32_t cp = 0;

			if (lit != NULL && lit[0] != '\0')
				(void)utf8_decode(lit, strlen(lit), &cp);
			return cp;
		}
		if (!S_is_emphasis(c))
			return 0;
	}
	return 0;
}

static void
S_md_inline(struct S_md *m, cmark_node *n)
{
	const char *lit;
	char delim[3];

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		/*
		 * A blank just inside an emphasis delimiter would stop it being
		 * one, and so would a letter just outside it.
		 */
		lit = cmark_node_get_literal(n);
		/*
		 * Only where the character inside the delimiter is punctuation
		 * (or the delimiter is '_', which letters on both sides stop),
		 * so "£" or "é" next to bold text is written as itself.
		 */
		S_md_text(m, lit != NULL ? lit : "",
		    S_is_emphasis(cmark_node_previous(n)) &&
		    (m->close_delim == '_' || S_md_flank_char(m->inner_end)),
		    S_is_emphasis(cmark_node_next(n)) &&
		    (S_md_flank_char(S_md_first_char(cmark_node_next(n))) ||
		    (lit != NULL && lit[0] != '\0' &&
		    strchr("*_", lit[strlen(lit) - 1]) != NULL)),
		    cmark_node_previous(n) == NULL &&
		    S_is_emphasis(cmark_node_parent(n)),
		    S_line_end_after(n) || (cmark_node_next(n) == NULL &&
		    S_is_emphasis(cmark_node_parent(n))));
		break;
	case CMARK_NODE_LINEBREAK:
		S_md_raw(m, "\\", 1);
		S_md_newline(m);
		break;
	case CMARK_NODE_SOFTBREAK:
		S_md_newline(m);
		break;
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
		/* Never two runs of the same character side by side. */
		delim[0] = delim[1] = m->last == '*' ? '_' : '*';
		delim[2] = '\0';
		if (cmark_node_get_type(n) == CMARK_NODE_EMPH)
			delim[1] = '\0';
		S_md_raw(m, delim, strlen(delim));
		S_md_inlines(m, n);
		m->inner_end = S_md_last_char(m);
		m->close_delim = delim[0];
		S_md_raw(m, delim, strlen(delim));
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
	case CMARK_NODE_CUSTOM_INLINE:
		S_md_inlines(m, n);
		break;
	default:
		/* Raw HTML never leaves a tree. */
		break;
	}
}

static void
S_md_inlines(struct S_md *m, cmark_node *parent)
{
	for (cmark_node *c = cmark_node_first_child(parent); c != NULL;
	    c = cmark_node_next(c))
		S_md_inline(m, c);
}

static void S_md_blocks(struct S_md *m, cmark_node *parent, bool tight);

/* The marker of the list before this one, so two lists stay two. */
static cmark_node *
S_prev_block(cmark_node *n)
{
	cmark_node *p = cmark_node_previous(n);

	while (p != NULL && cmark_node_get_type(p) == CMARK_NODE_CUSTOM_BLOCK &&
	    cmark_node_last_child(p) != NULL)
		p = cmark_node_last_child(p);
	return p;
}

static int
S_list_variant(cmark_node *list)
{
	cmark_node *p = S_prev_block(list);
	int v = 0;

	/* Alternate with a directly preceding list of the same kind. */
	while (p != NULL && cmark_node_get_type(p) == CMARK_NODE_LIST &&
	    cmark_node_get_list_type(p) == cmark_node_get_list_type(list)) {
		v ^= 1;
		p = S_prev_block(p);
	}
	return v;
}

static void
S_md_block(struct S_md *m, cmark_node *n, bool tight)
{
	size_t saved;
	int level, num;
	const char *lit;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		S_md_inlines(m, n);
		break;
	case CMARK_NODE_HEADING:
		level = cmark_node_get_heading_level(n);
		S_md_raw(m, "######", (size_t)level);
		if (cmark_node_first_child(n) != NULL) {
			S_md_raw(m, " ", 1);
			/* Parsers strip a heading's leading blanks like a line's. */
			m->at_line_start = m->line_digits = true;
		}
		S_md_inlines(m, n);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		S_md_raw(m, "___", 3);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		saved = m->prefix.len;
		S_md_raw(m, "> ", 2);
		S_buf_puts(&m->prefix, "> ");
		m->at_line_start = m->line_digits = true;
		S_md_blocks(m, n, false);
		m->prefix.len = saved;
		m->prefix.p[saved] = '\0';
		break;
	case CMARK_NODE_LIST: {
		bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		bool ltight = cmark_node_get_list_tight(n) != 0;
		int v = S_list_variant(n);
		bool firsti = true;

		num = cmark_node_get_list_start(n);
		for (cmark_node *it = cmark_node_first_child(n); it != NULL;
		    it = cmark_node_next(it), num++) {
			char marker[32];
			int w;

			if (!firsti) {
				if (ltight)
					S_md_newline(m);
				else
					S_md_blank_line(m);
			}
			firsti = false;
			if (ordered)
				w = snprintf(marker, sizeof marker, "%d%c ", num,
				    v ? ')' : '.');
			else
				w = snprintf(marker, sizeof marker, "%c ",
				    v ? '*' : '-');
			saved = m->prefix.len;
			S_md_raw(m, marker, (size_t)w);
			for (int i = 0; i < w; i++)
				S_buf_putc(&m->prefix, ' ');
			m->at_line_start = m->line_digits = true;
			S_md_blocks(m, it, ltight);
			m->prefix.len = saved;
			m->prefix.p[saved] = '\0';
		}
		break;
	}
	case CMARK_NODE_CODE_BLOCK: {
		/* A fence longer than any run of backticks inside. */
		size_t run = 0, best = 0;

		lit = cmark_node_get_literal(n);
		if (lit == NULL)
			lit = "";
		for (const char *p = lit; *p != '\0'; p++) {
			run = *p == '`' ? run + 1 : 0;
			if (run > best)
				best = run;
		}
		best = best < 3 ? 3 : best + 1;
		for (size_t i = 0; i < best; i++)
			S_md_raw(m, "`", 1);
		for (const char *p = lit; *p != '\0'; p++) {
			S_md_newline(m);
			size_t k = strcspn(p, "\n");
			S_md_raw(m, p, k);
			p += k;
			if (*p == '\0')
				break;
		}
		S_md_newline(m);
		for (size_t i = 0; i < best; i++)
			S_md_raw(m, "`", 1);
		break;
	}
	case CMARK_NODE_CUSTOM_BLOCK:
		S_md_blocks(m, n, tight);
		break;
	default:
		break;
	}
}

/* Does this block write anything (a div of nothing writes nothing)? */
static bool
S_md_visible(cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);

	if (t == CMARK_NODE_HTML_BLOCK)
		return false;
	if (t == CMARK_NODE_CUSTOM_BLOCK) {
		for (cmark_node *c = cmark_node_first_child(n); c != NULL;
		    c = cmark_node_next(c))
			if (S_md_visible(c))
				return true;
		return false;
	}
	return true;
}

static void
S_md_blocks_inner(struct S_md *m, cmark_node *parent, bool tight, bool *first)
{
	for (cmark_node *c = cmark_node_first_child(parent); c != NULL;
	    c = cmark_node_next(c)) {
		if (!S_md_visible(c))
			continue;
		if (cmark_node_get_type(c) == CMARK_NODE_CUSTOM_BLOCK) {
			S_md_blocks_inner(m, c, tight, first);
			continue;
		}
		if (!*first) {
			if (tight)
				S_md_newline(m);
			else
				S_md_blank_line(m);
		}
		*first = false;
		S_md_block(m, c, tight);
	}
}

static void
S_md_blocks(struct S_md *m, cmark_node *parent, bool tight)
{
	bool first = true;

	S_md_blocks_inner(m, parent, tight, &first);
}

char *
render_markdown(cmark_node *doc)
{
	struct S_md m = { .at_line_start = true, .line_digits = true,
	    .last = '\n' };

	S_tidy(doc);
	S_buf_puts(&m.prefix, "");
	S_md_blocks(&m, doc, false);
	if (m.out.len > 0)
		S_buf_putc(&m.out, '\n');
	free(m.prefix.p);
	return S_buf_take(&m.out);
}

/* ------------------------------------------------------------------ */
/* HTML.                                                               */

static void
S_html_escape(struct S_buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&': S_buf_puts(b, "&amp;"); break;
		case '<': S_buf_puts(b, "&lt;"); break;
		case '>': S_buf_puts(b, "&gt;"); break;
		case '"': S_buf_puts(b, "&quot;"); break;
		case '\'': S_buf_puts(b, "&#39;"); break;
		default: S_buf_putc(b, *s); break;
		}
	}
}

/*
 * Phone numbers and dates never break across lines on the page either:
 * each run of words that wrap_joined() holds together goes into a
 * <span class="nowrap">. Changes the tree (the text stays the same).
 */
static void
S_html_nowrap_text(cmark_node *text)
{
	const char *lit = cmark_node_get_literal(text), *sp;
	size_t len = lit != NULL ? strlen(lit) : 0, i, a, b;
	char *copy;

	/* Only a space can join: jump from one to the next. */
	sp = lit;
	while (sp != NULL &&
	    (sp = memchr(sp, ' ', (size_t)(lit + len - sp))) != NULL &&
	    !wrap_joined(lit, len, (size_t)(sp - lit)))
		sp++;
	if (sp == NULL)
		return;
	i = (size_t)(sp - lit);
	copy = xstrdup(lit);
	/* The run: from the word before this space to the last word joined. */
	for (a = i; a > 0 && copy[a - 1] != ' '; a--)
		;
	for (b = i + 1; b < len; b++)
		if (copy[b] == ' ' && !wrap_joined(copy, len, b))
			break;
	{
		cmark_node *span = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
		cmark_node *inner = cmark_node_new(CMARK_NODE_TEXT);
		char *run = xstrndup(copy + a, b - a);

		cmark_node_set_on_enter(span, "<span class=\"nowrap\">");
		cmark_node_set_on_exit(span, "</span>");
		cmark_node_set_literal(inner, run);
		cmark_node_append_child(span, inner);
		cmark_node_insert_after(text, span);
		if (b < len) {
			cmark_node *rest = cmark_node_new(CMARK_NODE_TEXT);

			cmark_node_set_literal(rest, copy + b);
			cmark_node_insert_after(span, rest);
			S_html_nowrap_text(rest);
		}
		copy[a] = '\0';
		if (a > 0)
			cmark_node_set_literal(text, copy);
		else {
			cmark_node_unlink(text);
			cmark_node_free(text);
		}
		free(run);
	}
	free(copy);
}

static void
S_html_nowrap(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node **texts = NULL;
	size_t n = 0, cap = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(node) == CMARK_NODE_TEXT) {
			texts = xgrow(texts, &cap, n, sizeof *texts);
			texts[n++] = node;
		}
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < n; i++)
		S_html_nowrap_text(texts[i]);
	free(texts);
}

static char *
S_html_body(cmark_node *doc, bool nowrap)
{
	char *html, *out;

	S_tidy(doc);
	if (nowrap)
		S_html_nowrap(doc);
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	out = xstrdup(html != NULL ? html : "");
	free(html);
	return out;
}

char *
render_html_body(cmark_node *doc)
{
	return S_html_body(doc, false);
}

static const char S_css[] =
    ":root { color-scheme: light; }\n"
    "html { font-family: \"DejaVu Sans\", \"Liberation Sans\", Arial,"
    " Helvetica, sans-serif; font-size: 12pt; line-height: 1.45;"
    " color: #111; background: #fff; }\n"
    "body { margin: 0 auto; max-width: 42em; padding: 1.5em; }\n"
    "h1 { font-size: 1.9em; margin: 0 0 .5em; }\n"
    "h2 { font-size: 1.4em; margin: 1.4em 0 .4em; }\n"
    "h3 { font-size: 1.15em; margin: 1.2em 0 .3em; }\n"
    "h4, h5, h6 { font-size: 1em; margin: 1em 0 .2em; }\n"
    "h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid;"
    " line-height: 1.2; }\n"
    "p { margin: .4em 0 .7em; orphans: 3; widows: 3; }\n"
    "ul, ol { padding-left: 1.6em; }\n"
    "li { margin: .25em 0; }\n"
    "blockquote { margin: .6em 0; padding: .2em 0 .2em 1em;"
    " border-left: 3pt solid #999; color: #333; }\n"
    "hr { border: 0; border-top: 1pt solid #999; margin: 1.2em 0; }\n"
    ".nowrap { white-space: nowrap; }\n"
    ".clause, li, blockquote { break-inside: avoid;"
    " page-break-inside: avoid; }\n"
    "footer { margin-top: 2em; padding-top: .5em; border-top: 1pt solid #ccc;"
    " font-size: .85em; color: #444; }\n"
    "@page { size: auto; margin: 18mm 16mm; }\n"
    "@media print {\n"
    "  html { font-size: 12pt; }\n"
    "  body { max-width: none; padding: 0; }\n"
    "  a { color: inherit; text-decoration: none; }\n"
    "}\n";

/* A language tag we can put in an attribute unescaped: [A-Za-z0-9-]+. */
static const char *
S_lang(const char *lang)
{
	if (lang == NULL || *lang == '\0' || strlen(lang) > 35)
		return "en";
	for (const char *p = lang; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-'))
			return "en";
	return lang;
}

char *
render_html_page(cmark_node *doc, const struct render_page *page)
{
	struct S_buf b = { 0 };
	char *body;

	body = S_html_body(doc, true);
	S_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"");
	S_buf_puts(&b, S_lang(page != NULL ? page->lang : NULL));
	S_buf_puts(&b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width,"
	    " initial-scale=1\">\n<title>");
	S_html_escape(&b, page != NULL && page->title != NULL ? page->title : "");
	S_buf_puts(&b, "</title>\n<style>\n");
	S_buf_puts(&b, S_css);
	if (page != NULL && page->css != NULL) {
		/* Our own CSS, but never let it close the element. */
		if (strstr(page->css, "</") == NULL)
			S_buf_puts(&b, page->css);
	}
	S_buf_puts(&b, "</style>\n</head>\n<body>\n<main>\n");
	S_buf_puts(&b, body);
	S_buf_puts(&b, "</main>\n");
	if (page != NULL && page->footer != NULL) {
		S_buf_puts(&b, "<footer>");
		S_html_escape(&b, page->footer);
		S_buf_puts(&b, "</footer>\n");
	}
	S_buf_puts(&b, "</body>\n</html>\n");
	free(body);
	return S_buf_take(&b);
}

/* ------------------------------------------------------------------ */
/* The wrapping engine: plain text and the TUI's styled lines.         */

/* One level of the line prefix: a quote's "> " or a list item's indent. */
struct S_level {
	char *text;		/* for lines after the first */
	char *first;		/* for the first line (a list marker), or NULL */
	unsigned style;
};

struct S_wrap {
	int width;
	wrap_width_fn *fn;
	struct render_lines *out;

	struct S_level *levels;
	size_t n_levels, cap_levels;

	struct S_buf line;	/* the line being filled */
	struct render_span *spans;
	size_t n_spans, cap_spans;
	int col;		/* its display width */
	bool open;		/* a line is being filled */
	bool has_text;		/* it has text past the prefix */
	int prefix_width;

	/* The block's text, for the engine: words one space apart, '\n' at
	 * line breaks, and each byte's style beside it. */
	struct S_buf para;
	unsigned *styles;
	size_t cap_styles;
	bool glyphs;		/* a character since the last break */
	bool space;		/* a space is pending before the next one */
	unsigned space_style;

	bool blank_before;	/* a blank line goes before the next block */
	bool any;		/* any block written yet */
	unsigned style;		/* inline style in force */
	unsigned block_style;	/* style for the whole block (heading, quote) */
};

static void
S_line_put(struct S_wrap *w, const char *s, size_t n, unsigned style)
{
	struct render_span *last;

	if (n == 0)
		return;
	last = w->n_spans > 0 ? &w->spans[w->n_spans - 1] : NULL;
	if (last != NULL && last->style == style &&
	    last->start + last->len == w->line.len) {
		last->len += n;
	} else {
		w->spans = xgrow(w->spans, &w->cap_spans, w->n_spans,
		    sizeof *w->spans);
		w->spans[w->n_spans].start = w->line.len;
		w->spans[w->n_spans].len = n;
		w->spans[w->n_spans].style = style;
		w->n_spans++;
	}
	S_buf_put(&w->line, s, n);
}

static int
S_level_width(const struct S_wrap *w, const struct S_level *l, bool first)
{
	const char *s = first && l->first != NULL ? l->first : l->text;

	return wrap_measure(w->fn, s, strlen(s));
}

/* Start a line: write every level's prefix. */
static void
S_line_open(struct S_wrap *w)
{
	w->col = 0;
	for (size_t i = 0; i < w->n_levels; i++) {
		struct S_level *l = &w->levels[i];
		const char *s = l->first != NULL ? l->first : l->text;

		S_line_put(w, s, strlen(s), l->style);
		w->col += wrap_measure(w->fn, s, strlen(s));
		free(l->first);
		l->first = NULL;
	}
	w->prefix_width = w->col;
	w->open = true;
	w->has_text = false;
}

static void
S_emit(struct S_wrap *w, char *text, struct render_span *spans, size_t n_spans)
{
	struct render_lines *o = w->out;

	o->lines = xgrow(o->lines, &o->cap, o->n, sizeof *o->lines);
	o->lines[o->n].text = text;
	o->lines[o->n].spans = spans;
	o->lines[o->n].n_spans = n_spans;
	o->n++;
}

/* Finish the line: trailing spaces go, spans are clipped to match. */
static void
S_line_close(struct S_wrap *w)
{
	size_t len = w->line.len;

	if (!w->open)
		return;
	while (len > 0 && w->line.p[len - 1] == ' ')
		len--;
	while (w->n_spans > 0 && w->spans[w->n_spans - 1].start >= len)
		w->n_spans--;
	if (w->n_spans > 0) {
		struct render_span *s = &w->spans[w->n_spans - 1];

		if (s->start + s->len > len)
			s->len = len - s->start;
	}
	if (w->line.p == NULL)
		S_buf_puts(&w->line, "");
	w->line.p[len] = '\0';
	w->line.len = len;
	if (w->n_spans == 0) {
		free(w->spans);
		w->spans = NULL;
	}
	S_emit(w, S_buf_take(&w->line), w->spans, w->n_spans);
	w->spans = NULL;
	w->n_spans = w->cap_spans = 0;
	w->open = false;
	w->has_text = false;
}

static void
S_blank_line(struct S_wrap *w)
{
	/* Inside a quote the blank line keeps its "> " (trimmed to ">"). */
	bool markers = false;

	for (size_t i = 0; i < w->n_levels; i++)
		if (w->levels[i].first != NULL)
			markers = true;
	if (markers) {
		/* A list marker waits for its first line; keep it. */
		S_emit(w, xstrdup(""), NULL, 0);
		return;
	}
	S_line_open(w);
	S_line_close(w);
}

/* Add n bytes in one style to the block's text. */
static void
S_para_put(struct S_wrap *w, const char *s, size_t n, unsigned style)
{
	size_t at = w->para.len;

	S_buf_put(&w->para, s, n);
	w->styles = xgrow(w->styles, &w->cap_styles, w->para.len,
	    sizeof *w->styles);
	for (size_t i = at; i < w->para.len; i++)
		w->styles[i] = style;
}

static void
S_wrap_space(struct S_wrap *w)
{
	if (w->glyphs) {
		w->space = true;
		w->space_style = w->style | w->block_style;
	}
}

static void
S_wrap_break(struct S_wrap *w)
{
	S_para_put(w, "\n", 1, 0);
	w->glyphs = false;
	w->space = false;
}

/* Add text to the block: spaces separate words; controls vanish. */
static void
S_wrap_text(struct S_wrap *w, const char *s)
{
	size_t len = strlen(s), i = 0, k;
	int32_t c;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &c);
		if (c == ' ' || c == '\t') {
			S_wrap_space(w);
			i += k;
			continue;
		}
		if (c >= 0 && (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))) {
			i += k;
			continue;
		}
		if (w->space)
			S_para_put(w, " ", 1, w->space_style);
		w->space = false;
		if (c < 0)
			S_para_put(w, "\xef\xbf\xbd", 3, w->style | w->block_style);
		else
			S_para_put(w, s + i, k, w->style | w->block_style);
		w->glyphs = true;
		i += k;
	}
}

/* End a paragraph-like block: the engine cuts its text into lines. */
static void
S_wrap_end_block(struct S_wrap *w)
{
	struct wrap_lines wl;
	size_t len = w->para.len;
	int first = w->width, rest = w->width;

	w->space = false;
	w->glyphs = false;
	if (len == 0) {
		if (w->open)
			S_line_close(w);
		return;
	}
	if (w->para.p[len - 1] == '\n')
		len--;	/* a break at the end opens no line of its own */
	for (size_t i = 0; i < w->n_levels; i++) {
		first -= S_level_width(w, &w->levels[i], true);
		rest -= S_level_width(w, &w->levels[i], false);
	}
	wrap_lines_init(&wl);
	wrap_text_by(w->para.p, len, first, rest, w->fn, &wl);
	for (size_t i = 0; i < wl.n; i++) {
		const struct wrap_line *l = &wl.lines[i];
		size_t at = l->start, end = l->start + l->len;

		S_line_open(w);
		while (at < end) {
			size_t run = at + 1;

			while (run < end && w->styles[run] == w->styles[at])
				run++;
			S_line_put(w, w->para.p + at, run - at, w->styles[at]);
			at = run;
		}
		w->col += l->width;
		w->has_text = l->len > 0;
		S_line_close(w);
	}
	wrap_lines_cleanup(&wl);
	w->para.len = 0;
}

static void
S_wrap_inlines(struct S_wrap *w, cmark_node *parent)
{
	for (cmark_node *n = cmark_node_first_child(parent); n != NULL;
	    n = cmark_node_next(n)) {
		unsigned saved = w->style;
		const char *lit;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			S_wrap_text(w, lit != NULL ? lit : "");
			break;
		case CMARK_NODE_SOFTBREAK:
			S_wrap_space(w);
			break;
		case CMARK_NODE_LINEBREAK:
			S_wrap_break(w);
			break;
		case CMARK_NODE_EMPH:
			w->style |= RSTYLE_EMPH;
			S_wrap_inlines(w, n);
			break;
		case CMARK_NODE_STRONG:
			w->style |= RSTYLE_STRONG;
			S_wrap_inlines(w, n);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_CUSTOM_INLINE:
			S_wrap_inlines(w, n);
			break;
		default:
			break;
		}
		w->style = saved;
	}
}

static void
S_push_level(struct S_wrap *w, const char *first, const char *text,
    unsigned style)
{
	int used = 0, tw = wrap_measure(w->fn, text, strlen(text));

	for (size_t i = 0; i < w->n_levels; i++)
		used += S_level_width(w, &w->levels[i], false);
	w->levels = xgrow(w->levels, &w->cap_levels, w->n_levels,
	    sizeof *w->levels);
	/* Past the width's room for text, nesting stops indenting. */
	if (used + tw > w->width - 8) {
		w->levels[w->n_levels].text = xstrdup("");
		w->levels[w->n_levels].first = first != NULL &&
		    used + wrap_measure(w->fn, first, strlen(first)) <=
		    w->width - 2 ?
		    xstrdup(first) : NULL;
	} else {
		w->levels[w->n_levels].text = xstrdup(text);
		w->levels[w->n_levels].first = first != NULL ? xstrdup(first) : NULL;
	}
	w->levels[w->n_levels].style = style;
	w->n_levels++;
}

static void
S_pop_level(struct S_wrap *w)
{
	struct S_level *l = &w->levels[w->n_levels - 1];

	/* An item that wrote nothing still shows its marker. */
	if (l->first != NULL) {
		S_line_open(w);
		S_line_close(w);
	}
	w->n_levels--;
	free(l->text);
	free(l->first);
}

static void S_wrap_blocks(struct S_wrap *w, cmark_node *parent, bool tight);

static void
S_wrap_before_block(struct S_wrap *w)
{
	if (w->blank_before && w->any)
		S_blank_line(w);
	w->blank_before = false;
	w->any = true;
}

static void
S_wrap_block(struct S_wrap *w, cmark_node *n, bool tight)
{
	int level, num, maxw;
	size_t first_line;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		S_wrap_before_block(w);
		S_wrap_inlines(w, n);
		S_wrap_end_block(w);
		w->blank_before = !tight;
		break;
	case CMARK_NODE_HEADING:
		S_wrap_before_block(w);
		level = cmark_node_get_heading_level(n);
		w->block_style |= RSTYLE_HEADING | (level == 1 ? RSTYLE_TITLE : 0);
		first_line = w->out->n;
		S_wrap_inlines(w, n);
		S_wrap_end_block(w);
		w->block_style &= ~(unsigned)(RSTYLE_HEADING | RSTYLE_TITLE);
		if (level >= 3) {
			/* No underline: capitals (ASCII only) set it apart. */
			for (size_t i = first_line; i < w->out->n; i++)
				for (char *q = w->out->lines[i].text;
				    *q != '\0'; q++)
					if (*q >= 'a' && *q <= 'z')
						*q = (char)(*q - 'a' + 'A');
		} else {
			/* Underline as wide as the heading's widest line. */
			maxw = 0;
			for (size_t i = first_line; i < w->out->n; i++) {
				const char *t = w->out->lines[i].text;
				int tw = wrap_measure(w->fn, t, strlen(t)) -
				    w->prefix_width;

				if (tw > maxw)
					maxw = tw;
			}
			if (maxw > 0) {
				S_line_open(w);
				for (int i = 0; i < maxw && w->col < w->width; i++) {
					S_line_put(w, level == 1 ? "=" : "-", 1,
					    RSTYLE_HEADING | (level == 1 ?
					    RSTYLE_TITLE : 0) | RSTYLE_MUTED);
					w->col++;
				}
				w->has_text = true;
				S_line_close(w);
			}
		}
		w->blank_before = true;
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		S_wrap_before_block(w);
		S_line_open(w);
		while (w->col < w->width) {
			S_line_put(w, "-", 1, RSTYLE_MUTED | w->block_style);
			w->col++;
		}
		w->has_text = true;
		S_line_close(w);
		w->blank_before = true;
		break;
	case CMARK_NODE_BLOCK_QUOTE: {
		unsigned saved = w->block_style;

		S_wrap_before_block(w);
		w->any = false;
		S_push_level(w, NULL, "> ", RSTYLE_QUOTE | RSTYLE_MUTED);
		w->block_style |= RSTYLE_QUOTE;
		S_wrap_blocks(w, n, false);
		w->block_style = saved;
		S_pop_level(w);
		w->any = true;
		w->blank_before = true;
		break;
	}
	case CMARK_NODE_LIST: {
		bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		bool ltight = cmark_node_get_list_tight(n) != 0;
		int last, mw;
		char marker[32], pad[32];

		S_wrap_before_block(w);
		num = cmark_node_get_list_start(n);
		/* Numbers right-aligned, so text lines up past "9." and "10.". */
		last = num;
		for (cmark_node *it = cmark_node_first_child(n); it != NULL;
		    it = cmark_node_next(it))
			last++;
		mw = snprintf(marker, sizeof marker, "%d. ", last - 1);
		for (cmark_node *it = cmark_node_first_child(n); it != NULL;
		    it = cmark_node_next(it), num++) {
			if (it != cmark_node_first_child(n) && !ltight)
				S_blank_line(w);
			if (ordered)
				snprintf(marker, sizeof marker, "%*d. ", mw - 2, num);
			else
				snprintf(marker, sizeof marker, "- ");
			memset(pad, ' ', strlen(marker));
			pad[strlen(marker)] = '\0';
			S_push_level(w, marker, pad, 0);
			w->any = false;
			w->blank_before = false;
			S_wrap_blocks(w, it, ltight);
			S_pop_level(w);
		}
		w->any = true;
		w->blank_before = true;
		break;
	}
	case CMARK_NODE_CODE_BLOCK: {
		const char *lit = cmark_node_get_literal(n);

		S_wrap_before_block(w);
		for (const char *p = lit != NULL ? lit : ""; *p != '\0';) {
			size_t k = strcspn(p, "\n");
			char *ln = xstrndup(p, k);

			S_wrap_text(w, ln);
			free(ln);
			S_wrap_break(w);
			p += k;
			if (*p == '\n')
				p++;
		}
		S_wrap_end_block(w);
		w->blank_before = true;
		break;
	}
	case CMARK_NODE_CUSTOM_BLOCK:
		if (w->fn == width_print && S_div_has(n, "new-page")) {
			/* Printed text starts this block on a new sheet. */
			S_line_open(w);
			S_line_put(w, "\f", 1, RSTYLE_PLAIN);
			S_line_close(w);
			w->blank_before = false;
		}
		S_wrap_blocks(w, n, tight);
		break;
	default:
		break;
	}
}

static void
S_wrap_blocks(struct S_wrap *w, cmark_node *parent, bool tight)
{
	for (cmark_node *c = cmark_node_first_child(parent); c != NULL;
	    c = cmark_node_next(c))
		S_wrap_block(w, c, tight);
}

void
render_lines(cmark_node *doc, int width, wrap_width_fn *fn,
    struct render_lines *out)
{
	struct S_wrap w = { 0 };

	out->lines = NULL;
	out->n = out->cap = 0;
	/* Room for at least a wide character after the deepest prefix. */
	w.width = width < 10 ? 10 : width;
	w.fn = fn;
	w.out = out;
	S_tidy(doc);
	S_wrap_blocks(&w, doc, false);
	S_wrap_end_block(&w);
	free(w.line.p);
	free(w.spans);
	free(w.para.p);
	free(w.styles);
	for (size_t i = 0; i < w.n_levels; i++) {
		free(w.levels[i].text);
		free(w.levels[i].first);
	}
	free(w.levels);
}

void
render_lines_cleanup(struct render_lines *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->lines[i].text);
		free(l->lines[i].spans);
	}
	free(l->lines);
	l->lines = NULL;
	l->n = l->cap = 0;
}

char *
render_text(cmark_node *doc, int width)
{
	struct render_lines l;
	struct S_buf b = { 0 };

	render_lines(doc, width, width_print, &l);
	for (size_t i = 0; i < l.n; i++) {
		S_buf_puts(&b, l.lines[i].text);
		S_buf_putc(&b, '\n');
	}
	render_lines_cleanup(&l);
	return S_buf_take(&b);
}
