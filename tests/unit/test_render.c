/*
 * test_render.c: the document engine. The Markdown writer is checked by a
 * property: for any text in any position, parsing render_markdown()'s output
 * again gives byte for byte the HTML that rendering the tree gives. Also
 * wrapping (widths, wide characters, long words), the self-contained HTML
 * page, and styled lines for the TUI.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cmark.h>

#include "render.h"
#include "util.h"

/* ---- helpers ---------------------------------------------------------- */

static char *
S_reparse_html(const char *md)
{
	cmark_node *d = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	char *h = cmark_render_html(d, CMARK_OPT_DEFAULT);

	cmark_node_free(d);
	return h;
}

/* Checks the round trip for doc; on failure prints the case and fails. */
static void
S_check_roundtrip(cmark_node *doc, const char *what, const char *input)
{
	char *md = render_markdown(doc);
	char *want = render_html_body(doc);
	char *got = S_reparse_html(md);

	if (strcmp(want, got) != 0) {
		print_error("round trip failed (%s) for input:\n[%s]\nmarkdown:\n[%s]\n"
		    "want:\n[%s]\ngot:\n[%s]\n", what, input, md, want, got);
		free(md);
		free(want);
		free(got);
		fail();
	}
	free(md);
	free(want);
	free(got);
}

/* Put s (and t) in position pos of a fresh tree; return the tree. */
static cmark_node *
S_tree(int pos, const char *s, const char *t)
{
	cmark_node *doc = doc_new(), *p, *l, *i, *q;

	switch (pos) {
	case 0:		/* paragraph, between two others */
		doc_text(doc_paragraph(doc), "before");
		doc_text(doc_paragraph(doc), s);
		doc_text(doc_paragraph(doc), t);
		break;
	case 1: case 2: case 3: case 4: case 5: case 6:	/* headings */
		doc_text(doc_heading(doc, pos), s);
		doc_text(doc_paragraph(doc), t);
		break;
	case 7:		/* bullet list items */
		l = doc_list(doc, false);
		doc_text(doc_paragraph(doc_item(l)), s);
		doc_text(doc_paragraph(doc_item(l)), t);
		break;
	case 8:		/* ordered list, then a bullet list, then ordered */
		l = doc_list(doc, true);
		doc_text(doc_paragraph(doc_item(l)), s);
		l = doc_list(doc, true);
		doc_text(doc_paragraph(doc_item(l)), t);
		l = doc_list(doc, false);
		doc_text(doc_paragraph(doc_item(l)), s);
		l = doc_list(doc, false);
		doc_text(doc_paragraph(doc_item(l)), t);
		break;
	case 9:		/* quote with two paragraphs */
		q = doc_quote(doc);
		doc_text(doc_paragraph(q), s);
		doc_text(doc_paragraph(q), t);
		break;
	case 10:	/* emphasis inside words */
		p = doc_paragraph(doc);
		doc_text(p, "x");
		doc_text(doc_emph(p), s);
		doc_text(p, "y");
		doc_text(doc_strong(p), t);
		doc_text(p, "z");
		break;
	case 11:	/* emphasis next to arbitrary text */
		p = doc_paragraph(doc);
		doc_text(p, s);
		doc_text(doc_strong(p), t);
		doc_text(doc_emph(p), s);
		doc_text(p, t);
		break;
	case 12:	/* nested: strong inside emph, quote inside item */
		p = doc_paragraph(doc);
		q = doc_emph(p);
		doc_text(q, s);
		doc_text(doc_strong(q), t);
		l = doc_list(doc, false);
		i = doc_item(l);
		doc_text(doc_paragraph(doc_quote(i)), s);
		doc_rule(doc);
		doc_text(doc_heading(doc_item(l), 2), t);
		break;
	default:	/* deep: list in quote in list, and a rule */
		l = doc_list(doc, true);
		i = doc_item(l);
		doc_text(doc_paragraph(i), t);
		q = doc_quote(i);
		l = doc_list(q, false);
		doc_text(doc_paragraph(doc_item(l)), s);
		doc_rule(doc);
		doc_text(doc_paragraph(doc), s);
		break;
	}
	return doc;
}
#define N_POSITIONS 14

/* xorshift64*: the same sequence everywhere for a given seed. */
static uint64_t S_seed = 0x7a1c9ac7u;

static uint32_t
S_rand(void)
{
	S_seed ^= S_seed >> 12;
	S_seed ^= S_seed << 25;
	S_seed ^= S_seed >> 27;
	return (uint32_t)((S_seed * 2685821657736338717ull) >> 32);
}

static const char *const S_alphabet[] = {
	" ", " ", " ", "  ", "    ", "\t", "\n", "\n", "\r\n", "\r",
	"a", "b", "word", "Z", "0", "1", "9", "1.", "2)", "10.",
	"!", "\"", "#", "$", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".",
	"/", ":", ";", "<", "=", ">", "?", "@", "[", "\\", "]", "^", "_", "`",
	"{", "|", "}", "~",
	"~~~", "```", "---", "===", "***", "___", "* ", "- ", "+ ", "# ",
	"> ", "<div>", "<!--", "-->", "<script>", "&amp;", "&#32;", "&#x41;",
	"[a](b)", "![x](y)", "<http://x.y>", "http://x.y", "\\\n", "  \n",
	"\xf0\x9f\x98\x80",			/* emoji */
	"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",	/* ZWJ sequence */
	"e\xcc\x81",				/* e + combining acute */
	"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",	/* Hebrew (RTL) */
	"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85",	/* Arabic (RTL) */
	"\xe2\x80\xae",				/* RTL override */
	"\xc2\xa0",				/* no-break space */
	"\xe3\x80\x80",				/* ideographic space */
	"\xe4\xb8\xad\xe6\x96\x87",		/* CJK */
	"\xe2\x80\x9c", "\xe2\x80\x9d",		/* curly quotes (punctuation) */
	"\xc2\xa1",				/* inverted exclamation */
	"\xe2\x80\x8b",				/* zero width space */
	"\x01", "\x1b[31m", "\x7f",
};
#define N_ALPHA (sizeof S_alphabet / sizeof S_alphabet[0])

static char *
S_random_string(void)
{
	char buf[512];
	size_t len = 0, n = S_rand() % 12;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *piece = S_alphabet[S_rand() % N_ALPHA];
		size_t k = strlen(piece);

		if (len + k >= sizeof buf)
			break;
		memcpy(buf + len, piece, k + 1);
		len += k;
	}
	return xstrdup(buf);
}

/* ---- the Markdown writer -------------------------------------------- */

static const char *const S_nasty[] = {
	"", " ", "\n", "\n\n", "a\n", "\na", "~~~", "~~~\nx\n~~~", "```",
	"    indented code?", "\tTab", "  two leading", "trailing  ",
	"trailing  \nbreak", "1. not a list", "1) not a list", "- not a list",
	"+ not", "* not", "# not a heading", "####### seven", "> not a quote",
	"===", "---", "***", "___", "- - -", "a\n===", "a\n---", "<div>html</div>",
	"<!-- comment -->", "<script>alert(1)</script>", "[link](http://x)",
	"![img](x.png)", "<http://auto.link>", "http://bare.link", "*emph*",
	"_emph_", "**strong**", "`code`", "\\", "back\\", "back\\\nslash",
	"&amp; &copy; &#42;", "a  b", "[ref]: /url", "[ref]", "|a|b|",
	"\xf0\x9f\x98\x80 emoji", "e\xcc\x81", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d!",
	"\xc2\xa0nbsp\xc2\xa0", "\xe3\x80\x80", "a*b*c", "a_b_c", "**", "*",
	"!", "! ", "12345678901. big", "0. zero", "\r\nCRLF\r\n", "lone\rCR",
	"x\n    y", "x\n\ty", "x\n>y", "x\n#y", "x\n1. y", "x\n- y", "x\n===",
	"x\n<div>", "\x01\x02ctl", "tail \\", "\xff\xfe invalid",
};

static void
test_markdown_nasty(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof S_nasty / sizeof S_nasty[0]; i++) {
		for (int pos = 0; pos < N_POSITIONS; pos++) {
			cmark_node *doc = S_tree(pos, S_nasty[i],
			    S_nasty[(i + 7) % (sizeof S_nasty / sizeof S_nasty[0])]);
			char what[32];

			snprintf(what, sizeof what, "position %d", pos);
			S_check_roundtrip(doc, what, S_nasty[i]);
			cmark_node_free(doc);
		}
	}
}

static void
test_markdown_property(void **state)
{
	(void)state;
	for (int round = 0; round < 4000; round++) {
		char *s = S_random_string(), *t = S_random_string();
		int pos = (int)(S_rand() % N_POSITIONS);
		cmark_node *doc = S_tree(pos, s, t);
		char what[64];

		snprintf(what, sizeof what, "round %d position %d", round, pos);
		S_check_roundtrip(doc, what, s);
		cmark_node_free(doc);
		free(s);
		free(t);
	}
}

/* The exact Markdown for a few cases, so the writer's style is pinned. */
static void
test_markdown_exact(void **state)
{
	cmark_node *doc = doc_new(), *l, *p;
	char *md;

	(void)state;
	doc_text(doc_heading(doc, 1), "Our agreement");
	p = doc_paragraph(doc);
	doc_text(p, "We'll put phones away at 7.30pm.\nEvery day");
	l = doc_list(doc, true);
	doc_text(doc_paragraph(doc_item(l)), "1. Ask first");
	doc_text(doc_paragraph(doc_item(l)), "  Be kind");
	md = render_markdown(doc);
	assert_string_equal(md,
	    "# Our agreement\n"
	    "\n"
	    "We'll put phones away at 7.30pm.\\\n"
	    "Every day\n"
	    "\n"
	    "1. 1\\. Ask first\n"
	    "2. &#32; Be kind\n");
	free(md);
	cmark_node_free(doc);
}

/* A div is transparent in Markdown and text, a <div class> in HTML. */
static void
test_div(void **state)
{
	cmark_node *a = doc_new(), *b = doc_new(), *d;
	char *ma, *mb, *ta, *tb, *h;

	(void)state;
	assert_null(doc_div(a, "Bad Class"));
	assert_null(doc_div(a, "x\"><script>"));
	assert_null(doc_div(a, ""));
	assert_null(doc_div(a, " card"));
	assert_null(doc_div(a, "card "));
	assert_null(doc_div(a, "card  long"));
	d = doc_div(a, "card card-long");
	assert_non_null(d);
	cmark_node_free(d);
	d = doc_div(a, "band-break");
	assert_non_null(d);
	doc_text(doc_heading(d, 2), "Ages 4-7");
	doc_text(doc_paragraph(d), "Hello");
	doc_text(doc_paragraph(a), "After");
	doc_text(doc_heading(b, 2), "Ages 4-7");
	doc_text(doc_paragraph(b), "Hello");
	doc_text(doc_paragraph(b), "After");
	ma = render_markdown(a);
	mb = render_markdown(b);
	assert_string_equal(ma, mb);
	ta = render_text(a, 72);
	tb = render_text(b, 72);
	assert_string_equal(ta, tb);
	h = render_html_body(a);
	assert_non_null(strstr(h, "<div class=\"band-break\">\n<h2>Ages 4-7</h2>"));
	assert_non_null(strstr(h, "</div>\n<p>After</p>"));
	assert_null(strstr(h, "card-long"));
	free(ma); free(mb); free(ta); free(tb); free(h);
	cmark_node_free(a);
	cmark_node_free(b);
}

/* ---- HTML ------------------------------------------------------------- */

static void
test_html_page(void **state)
{
	cmark_node *doc = doc_new();
	struct render_page page = {
		.title = "Sam & Alex's <agreement>",
		.footer = "Fingerprint \"abc\" <b>",
		.css = ".extra { color: red; }",
		.lang = "en-GB",
	};
	char *h;

	(void)state;
	doc_text(doc_heading(doc, 1), "<script>alert(1)</script>");
	doc_text(doc_paragraph(doc), "[click](javascript:alert(1)) <img src=x "
	    "onerror=alert(1)> http://example.com");
	h = render_html_page(doc, &page);
	assert_true(strncmp(h, "<!DOCTYPE html>\n<html lang=\"en-GB\">", 35) == 0);
	assert_non_null(strstr(h, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(h,
	    "<title>Sam &amp; Alex&#39;s &lt;agreement&gt;</title>"));
	assert_non_null(strstr(h,
	    "<footer>Fingerprint &quot;abc&quot; &lt;b&gt;</footer>"));
	assert_non_null(strstr(h, ".extra { color: red; }"));
	assert_non_null(strstr(h, "@page"));
	assert_non_null(strstr(h, "@media print"));
	assert_non_null(strstr(h, "break-inside: avoid"));
	assert_non_null(strstr(h, "break-after: avoid"));
	assert_non_null(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	/* Self-contained: nothing to fetch, nothing to run, no live links. */
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "<link"));
	assert_null(strstr(h, "<a "));
	assert_null(strstr(h, "<img"));
	assert_null(strstr(h, "href="));
	assert_null(strstr(h, "url("));
	assert_null(strstr(h, "@import"));
	assert_null(strstr(h, "@font-face"));
	/* The one URL is the user's words, as text in a paragraph. */
	assert_non_null(strstr(h, "onerror=alert(1)&gt; http://example.com</p>"));
	assert_ptr_equal(strstr(h, "://"), strstr(h, "http://example.com") + 4);
	assert_null(strstr(strstr(h, "://") + 1, "://"));
	free(h);

	/* A bad language tag falls back; hostile CSS is refused. */
	page.lang = "en\"><script>";
	page.css = "</style><script>";
	page.footer = NULL;
	h = render_html_page(doc, &page);
	assert_non_null(strstr(h, "<html lang=\"en\">"));
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "<footer"));
	free(h);
	cmark_node_free(doc);
}

/* ---- text and wrapping ------------------------------------------------ */

static void
test_text_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("hello", 5), 5);
	assert_int_equal(text_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4);
	assert_int_equal(text_width("\xf0\x9f\x98\x80", 4), 2);
	assert_int_equal(text_width("e\xcc\x81", 3), 1);
	assert_int_equal(text_width("a\xff" "b", 3), 3);
	assert_int_equal(text_width("\xd7\xa9\xd7\x9c", 4), 2);
	assert_int_equal(text_width("\xef\xbc\xa1", 3), 2);	/* fullwidth A */
	assert_int_equal(text_width("", 0), 0);
}

/*
 * The read-through (review) screen wraps by width_screen, the wcwidth()
 * that curses draws by; the printed text by width_print (utf8proc). A
 * skin-tone emoji, a combining mark and CJK must measure alike in both,
 * so the screen shows the lines the paper will have, and no screen line
 * measured to fit is drawn wider than the screen.
 */
static void
test_screen_and_print_agree(void **state)
{
	/* 👍🏽 (U+1F44D U+1F3FD), é as e + U+0301, 世界 */
	static const char *const samples[] = {
		"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "e\xcc\x81",
		"\xe4\xb8\x96\xe7\x95\x8c",
	};
	static const int widths[] = { 4, 1, 4 };
	struct render_lines screen, print;
	cmark_node *doc;
	char *text = NULL;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		size_t len = strlen(samples[i]);

		assert_int_equal(wrap_measure(width_screen, samples[i], len),
		    widths[i]);
		assert_int_equal(wrap_measure(width_print, samples[i], len),
		    widths[i]);
		/* One grapheme each but the CJK pair: never cut inside one. */
		assert_int_equal(wrap_next(samples[i], len, 0),
		    i == 2 ? 3 : len);
	}
	for (int n = 0; n < 12; n++) {
		char *next = xasprintf("%s%s %s caf%s %s", text != NULL ? text : "",
		    samples[0], samples[0], samples[1], samples[2]);

		free(text);
		text = next;
	}
	doc = doc_new();
	doc_text(doc_paragraph(doc), text);
	doc_text(doc_item(doc_list(doc, false)), text);
	render_lines(doc, 28, width_screen, &screen);
	render_lines(doc, 28, width_print, &print);
	assert_true(screen.n > 10);
	assert_int_equal(screen.n, print.n);
	for (size_t i = 0; i < screen.n; i++) {
		const char *l = screen.lines[i].text;

		assert_string_equal(l, print.lines[i].text);
		assert_true(wrap_width(l, strlen(l)) <= 28);
	}
	render_lines_cleanup(&screen);
	render_lines_cleanup(&print);
	cmark_node_free(doc);
	free(text);
}

static void
S_check_widths(const char *text, int width)
{
	const char *p = text;

	while (*p != '\0') {
		size_t k = strcspn(p, "\n");
		int w = text_width(p, k);

		if (w > width) {
			print_error("line wider than %d (%d): [%.*s]\n", width, w,
			    (int)k, p);
			fail();
		}
		if (k > 0 && p[k - 1] == ' ') {
			print_error("trailing space: [%.*s]\n", (int)k, p);
			fail();
		}
		p += k;
		if (*p == '\n')
			p++;
	}
}

static void
test_text_layout(void **state)
{
	cmark_node *doc = doc_new(), *l, *q, *i;
	char *t;

	(void)state;
	doc_text(doc_heading(doc, 1), "Our family agreement");
	doc_text(doc_paragraph(doc), "We talked about phones, tablets and games, "
	    "and this is what we agreed together on Sunday afternoon.");
	doc_text(doc_heading(doc, 2), "Where");
	doc_text(doc_heading(doc, 3), "At home, \xc3\xa9t\xc3\xa9");
	l = doc_list(doc, false);
	doc_text(doc_paragraph(doc_item(l)), "Devices stay downstairs at night so "
	    "everyone sleeps well and nobody is tempted.");
	doc_text(doc_paragraph(doc_item(l)), "Short one");
	l = doc_list(doc, true);
	for (int k = 0; k < 10; k++)
		doc_text(doc_paragraph(doc_item(l)), "Step");
	q = doc_quote(doc);
	doc_text(doc_paragraph(q), "I want to play Minecraft with my friends "
	    "from school after homework.\nAnd on Saturdays.");
	doc_rule(doc);
	i = doc_item(doc_list(doc, false));
	doc_text(doc_paragraph(i), "");
	t = render_text(doc, 40);
	assert_string_equal(t,
	    "Our family agreement\n"
	    "====================\n"
	    "\n"
	    "We talked about phones, tablets and\n"
	    "games, and this is what we agreed\n"
	    "together on Sunday afternoon.\n"
	    "\n"
	    "Where\n"
	    "-----\n"
	    "\n"
	    "AT HOME, \xc3\xa9T\xc3\xa9\n"
	    "\n"
	    "- Devices stay downstairs at night so\n"
	    "  everyone sleeps well and nobody is\n"
	    "  tempted.\n"
	    "- Short one\n"
	    "\n"
	    " 1. Step\n"
	    " 2. Step\n"
	    " 3. Step\n"
	    " 4. Step\n"
	    " 5. Step\n"
	    " 6. Step\n"
	    " 7. Step\n"
	    " 8. Step\n"
	    " 9. Step\n"
	    "10. Step\n"
	    "\n"
	    "> I want to play Minecraft with my\n"
	    "> friends from school after homework.\n"
	    "> And on Saturdays.\n"
	    "\n"
	    "----------------------------------------\n"
	    "\n"
	    "-\n");
	S_check_widths(t, 40);
	free(t);
	cmark_node_free(doc);
}

static void
test_wrap_wide_and_long(void **state)
{
	cmark_node *doc = doc_new();
	char long_word[300], *t, *expect;

	(void)state;
	memset(long_word, 'x', 100);
	long_word[100] = '\0';
	doc_text(doc_paragraph(doc), long_word);
	/* 15 CJK characters = 30 columns. */
	doc_text(doc_paragraph(doc),
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad");
	doc_text(doc_paragraph(doc), "ab \xf0\x9f\x98\x80\xf0\x9f\x98\x80"
	    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80 e\xcc\x81" "e\xcc\x81");
	t = render_text(doc, 11);
	expect = xstrdup(
	    "xxxxxxxxxxx\nxxxxxxxxxxx\nxxxxxxxxxxx\nxxxxxxxxxxx\nxxxxxxxxxxx\n"
	    "xxxxxxxxxxx\nxxxxxxxxxxx\nxxxxxxxxxxx\nxxxxxxxxxxx\nx\n"
	    "\n"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\n"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\n"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\n"
	    "\n"
	    "ab\n"
	    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
	    "\xf0\x9f\x98\x80\n"
	    "e\xcc\x81" "e\xcc\x81\n");
	assert_string_equal(t, expect);
	S_check_widths(t, 11);
	free(t);
	free(expect);
	cmark_node_free(doc);
}

/* Random documents at random widths never exceed the width. */
static void
test_wrap_property(void **state)
{
	(void)state;
	for (int round = 0; round < 600; round++) {
		char *s = S_random_string(), *t = S_random_string(), *out;
		int width = 10 + (int)(S_rand() % 70);
		cmark_node *doc = S_tree((int)(S_rand() % N_POSITIONS), s, t);

		out = render_text(doc, width);
		S_check_widths(out, width);
		assert_null(strchr(out, '\t'));
		assert_null(strchr(out, '\x1b'));
		assert_null(strchr(out, '\r'));
		free(out);
		cmark_node_free(doc);
		free(s);
		free(t);
	}
}

static bool
S_has_span(const struct render_line *l, const char *text, unsigned style)
{
	const char *at = strstr(l->text, text);

	if (at == NULL)
		return false;
	for (size_t i = 0; i < l->n_spans; i++) {
		size_t off = (size_t)(at - l->text);

		if (l->spans[i].start <= off &&
		    off + strlen(text) <= l->spans[i].start + l->spans[i].len)
			return (l->spans[i].style & style) == style;
	}
	return false;
}

static void
test_lines_styles(void **state)
{
	cmark_node *doc = doc_new(), *p;
	struct render_lines l;
	char *t;

	(void)state;
	doc_text(doc_heading(doc, 1), "Title");
	doc_text(doc_heading(doc, 2), "Section");
	p = doc_paragraph(doc);
	doc_text(p, "plain ");
	doc_text(doc_emph(p), "soft");
	doc_text(p, " and ");
	doc_text(doc_strong(p), "firm");
	doc_text(doc_paragraph(doc_quote(doc)), "quoted");
	render_lines(doc, 30, width_print, &l);
	assert_int_equal(l.n, 9);
	assert_string_equal(l.lines[0].text, "Title");
	assert_true(S_has_span(&l.lines[0], "Title", RSTYLE_HEADING | RSTYLE_TITLE));
	assert_string_equal(l.lines[1].text, "=====");
	assert_string_equal(l.lines[2].text, "");
	assert_string_equal(l.lines[3].text, "Section");
	assert_true(S_has_span(&l.lines[3], "Section", RSTYLE_HEADING));
	assert_false(S_has_span(&l.lines[3], "Section", RSTYLE_TITLE));
	assert_string_equal(l.lines[6].text, "plain soft and firm");
	assert_true(S_has_span(&l.lines[6], "plain", RSTYLE_PLAIN));
	assert_true(S_has_span(&l.lines[6], "soft", RSTYLE_EMPH));
	assert_false(S_has_span(&l.lines[6], "plain", RSTYLE_EMPH));
	assert_true(S_has_span(&l.lines[6], "firm", RSTYLE_STRONG));
	assert_false(S_has_span(&l.lines[6], "firm", RSTYLE_EMPH));
	assert_string_equal(l.lines[8].text, "> quoted");
	assert_true(S_has_span(&l.lines[8], "quoted", RSTYLE_QUOTE));
	/* Spans cover the text exactly, in order, without overlap. */
	for (size_t i = 0; i < l.n; i++) {
		size_t end = 0;

		for (size_t k = 0; k < l.lines[i].n_spans; k++) {
			assert_true(l.lines[i].spans[k].start >= end);
			end = l.lines[i].spans[k].start + l.lines[i].spans[k].len;
		}
		assert_true(end <= strlen(l.lines[i].text));
	}
	/* The same engine as render_text. */
	t = render_text(doc, 30);
	{
		size_t off = 0;

		for (size_t i = 0; i < l.n; i++) {
			size_t k = strlen(l.lines[i].text);

			assert_memory_equal(t + off, l.lines[i].text, k);
			assert_int_equal(t[off + k], '\n');
			off += k + 1;
		}
		assert_int_equal(t[off], '\0');
	}
	free(t);
	render_lines_cleanup(&l);
	assert_int_equal(l.n, 0);
	cmark_node_free(doc);
}

/* Issue 17: phone numbers and dates whole, £ as itself, a form feed. */
static void
test_print_rules(void **state)
{
	cmark_node *doc = doc_new(), *p;
	char *txt, *md, *html;

	(void)state;
	/* Each sentence puts the number or the date across column 30. */
	doc_text(doc_paragraph(doc), "For grown-ups: call 0808 800 5000 any day.");
	doc_text(doc_paragraph(doc), "We look at this again by 29 November 2026 together.");
	doc_text(doc_paragraph(doc), "Call it any day now or on 1-800-843-5678 today.");
	p = doc_paragraph(doc);
	doc_text(p, "Pocket money up to \xc2\xa3");
	doc_text(doc_strong(p), "5");
	doc_text(p, "\xc2\xa3 a week");
	doc_text(doc_paragraph(doc_div(doc, "signatures new-page")), "Signed");
	txt = render_text(doc, 30);
	assert_string_equal(txt,
	    "For grown-ups: call\n"
	    "0808 800 5000 any day.\n"
	    "\n"
	    "We look at this again by\n"
	    "29 November 2026 together.\n"
	    "\n"
	    "Call it any day now or on\n"
	    "1-800-843-5678 today.\n"
	    "\n"
	    "Pocket money up to \xc2\xa3" "5\xc2\xa3 a week\n"
	    "\f\n"
	    "Signed\n");
	free(txt);
	/* The screen gets no form feed. */
	{
		struct render_lines l;

		render_lines(doc, 30, width_screen, &l);
		for (size_t i = 0; i < l.n; i++)
			assert_null(strchr(l.lines[i].text, '\f'));
		render_lines_cleanup(&l);
	}
	md = render_markdown(doc);
	assert_non_null(strstr(md, "Pocket money up to \xc2\xa3**5**\xc2\xa3 a week"));
	assert_null(strstr(md, "&#163;"));
	free(md);
	html = render_html_page(doc, &(struct render_page){ .title = "t" });
	assert_non_null(strstr(html, "<span class=\"nowrap\">0808 800 5000</span>"));
	assert_non_null(strstr(html, "<span class=\"nowrap\">29 November 2026</span>"));
	assert_non_null(strstr(html, ".nowrap { white-space: nowrap; }"));
	free(html);
	cmark_node_free(doc);
	/* The rule itself. */
	assert_true(wrap_joined("on 0808 800 5000", 16, 7));
	assert_true(wrap_joined("by 1 March 2027.", 16, 4));
	assert_true(wrap_joined("by 1 March 2027.", 16, 10));
	assert_false(wrap_joined("by 1 March 2027.", 16, 2));
	assert_false(wrap_joined("in 3 months", 11, 4));
	assert_false(wrap_joined("May we", 6, 3));
}

static void
test_doc_text_sanitises(void **state)
{
	cmark_node *doc = doc_new(), *p, *h, *n;

	(void)state;
	p = doc_paragraph(doc);
	n = doc_text(p, "a\r\nb\n\nc");
	assert_int_equal(cmark_node_get_type(n), CMARK_NODE_TEXT);
	assert_string_equal(cmark_node_get_literal(n), "a");
	n = cmark_node_next(n);
	assert_int_equal(cmark_node_get_type(n), CMARK_NODE_LINEBREAK);
	n = cmark_node_next(n);
	assert_string_equal(cmark_node_get_literal(n), "b");
	n = cmark_node_next(n);
	assert_int_equal(cmark_node_get_type(n), CMARK_NODE_LINEBREAK);
	n = cmark_node_next(n);
	assert_int_equal(cmark_node_get_type(n), CMARK_NODE_LINEBREAK);
	n = cmark_node_next(n);
	assert_string_equal(cmark_node_get_literal(n), "c");
	assert_null(cmark_node_next(n));
	/* Invalid UTF-8 becomes U+FFFD; headings stay on one line. */
	n = doc_text(doc_paragraph(doc), "x\xffy");
	assert_string_equal(cmark_node_get_literal(n), "x\xef\xbf\xbdy");
	h = doc_heading(doc, 2);
	doc_text(h, "one\ntwo");
	for (n = cmark_node_first_child(h); n != NULL; n = cmark_node_next(n))
		assert_int_equal(cmark_node_get_type(n), CMARK_NODE_TEXT);
	/* Text cannot go straight into a document or a list. */
	assert_null(doc_text(doc, "no"));
	assert_null(doc_paragraph(doc_list(doc, false)));
	cmark_node_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doc_text_sanitises),
		cmocka_unit_test(test_markdown_exact),
		cmocka_unit_test(test_markdown_nasty),
		cmocka_unit_test(test_markdown_property),
		cmocka_unit_test(test_div),
		cmocka_unit_test(test_html_page),
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_screen_and_print_agree),
		cmocka_unit_test(test_text_layout),
		cmocka_unit_test(test_wrap_wide_and_long),
		cmocka_unit_test(test_wrap_property),
		cmocka_unit_test(test_lines_styles),
		cmocka_unit_test(test_print_rules),
	};

	/* wcwidth() needs a UTF-8 locale, as the program sets one. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
