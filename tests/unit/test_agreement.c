/*
 * test_agreement.c: the agreement document: every part present with both
 * voices, blanks filled, user text kept as text; the fingerprint and
 * verify (unchanged, each kind of change, not an agreement); and property
 * tests over thousands of hostile strings: Markdown -> parse -> HTML
 * equals tree -> HTML, no raw HTML or links from user text, and the text
 * appears verbatim (escaped) in the HTML.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <cmark.h>

#include "agreement.h"
#include "fixture.h"
#include "hostile.h"
#include "session.h"
#include "util.h"

#define NOW ((time_t)1795961520)	/* 2026-11-29 14:12 UTC */

static int
setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static void
apply_ok(struct session *s, struct action a)
{
	char *cause = NULL;

	if (session_apply(s, fixture_content(), &a, FIXTURE_NOW, &cause) != 0)
		fail_msg("apply %s: %s", action_id(a.kind), cause);
}

static void
signed_session(struct session *s, const char *child_answer, const char *name,
    const char *rule)
{
	session_init(s);
	apply_ok(s, (struct action){ .kind = ACTION_SET_CHILD, .text = name });
	apply_ok(s, (struct action){ .kind = ACTION_SET_AGE, .number = 9 });
	apply_ok(s, (struct action){ .kind = ACTION_SET_GROWN_UP, .text = "Alex Smith" });
	apply_ok(s, (struct action){ .kind = ACTION_SET_GROWN_UP, .index = 1, .text = "Jo" });
	apply_ok(s, (struct action){ .kind = ACTION_SET_REGION, .id = "UK" });
	apply_ok(s, (struct action){ .kind = ACTION_START_TALKING });
	apply_ok(s, (struct action){ .kind = ACTION_ANSWER, .id = "p-people",
	    .text = child_answer, .text2 = "We like to know who is new." });
	apply_ok(s, (struct action){ .kind = ACTION_LATER, .id = "p-photos" });
	apply_ok(s, (struct action){ .kind = ACTION_SKIP, .id = "p-worried" });
	apply_ok(s, (struct action){ .kind = ACTION_START_AGREEING });
	apply_ok(s, (struct action){ .kind = ACTION_SET_CLAUSE, .id = "meals", .flag = true });
	apply_ok(s, (struct action){ .kind = ACTION_SET_CLAUSE, .id = "photos-ask", .flag = false });
	apply_ok(s, (struct action){ .kind = ACTION_SET_BLANK, .id = "bedtime", .text = "20:15" });
	apply_ok(s, (struct action){ .kind = ACTION_ADD_RULE, .text = rule, .number = BINDS_GROWN_UPS });
	apply_ok(s, (struct action){ .kind = ACTION_START_SIGNING });
	apply_ok(s, (struct action){ .kind = ACTION_SIGN, .number = ROLE_CHILD, .text = name, .when = NOW });
	apply_ok(s, (struct action){ .kind = ACTION_SIGN, .number = ROLE_GROWN_UP, .index = 0, .text = "Alex Smith", .when = NOW + 60 });
	apply_ok(s, (struct action){ .kind = ACTION_SIGN, .number = ROLE_GROWN_UP, .index = 1, .text = "Jo", .when = NOW + 120 });
	assert_int_equal(s->stage, STAGE_SIGNED);
}

static char *
render(const struct session *s, enum render_format f)
{
	char *out = NULL, *cause = NULL;

	if (agreement_render(s, fixture_content(), NOW, f, &out, &cause) != 0)
		fail_msg("render: %s", cause);
	return out;
}

#define HAS(hay, needle) do { if (strstr((hay), (needle)) == NULL) \
	fail_msg("missing '%s' in:\n%s", (needle), (hay)); } while (0)
#define HASNT(hay, needle) do { if (strstr((hay), (needle)) != NULL) \
	fail_msg("unexpected '%s' in:\n%s", (needle), (hay)); } while (0)

/* "LEVEL TEXT|" for each heading of md, parsed again by cmark. */
static char *
headings(const char *md)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	char *out = xstrdup(""), *t;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (cmark_node_get_type(n) == CMARK_NODE_HEADING && ev == CMARK_EVENT_ENTER)
			t = xasprintf("%s%d ", out, cmark_node_get_heading_level(n));
		else if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			t = xasprintf("%s|", out);
		else if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_TEXT &&
		    cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_HEADING)
			t = xasprintf("%s%s", out, cmark_node_get_literal(n));
		else
			continue;
		free(out);
		out = t;
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return out;
}

static char *
render_html_body_of(const struct session *s)
{
	char *cause = NULL, *h;
	struct agreement_options o = { .record = true };
	cmark_node *doc = agreement_build_with(s, fixture_content(), NOW, &o,
	    NULL, &cause);

	assert_non_null(doc);
	h = render_html_body(doc);
	cmark_node_free(doc);
	return h;
}

static void verify_text(const char *md, struct agreement_check *c);

static char *
render_with(const struct session *s, enum render_format f, bool record,
    enum agreement_paper paper)
{
	char *out = NULL, *cause = NULL;
	struct agreement_options o = { .record = record, .paper = paper };

	if (agreement_render_with(s, fixture_content(), NOW, f, &o, &out,
	    &cause) != 0)
		fail_msg("render: %s", cause);
	return out;
}

static void
test_contents(void **state)
{
	struct session s;
	char *md, *txt, *html;

	(void)state;
	signed_session(&s, "Jo and  me\nand Gran", "Sam", "We charge phones downstairs");
	md = render(&s, RENDER_MD);
	/* Structure, from the Markdown parsed again: the headings in order. */
	{
		char *h = headings(md);

		assert_string_equal(h, "1 Our family device agreement for Sam|"
		    "2 What we all do|2 What Sam does|2 What the grown-ups do|"
		    "2 What the grown-ups promise|2 If something goes wrong|"
		    "2 Signatures|2 Fingerprint|");
		free(h);
	}
	HASNT(md, "Jo and");		/* no conversation without --record */
	HASNT(md, "Our conversation");
	{
		/* The child's words keep their double space and line break. */
		char *body = render_html_body_of(&s);

		HAS(body, "<strong>Sam</strong>: Jo and  me<br />\nand Gran");
		free(body);
	}
	/* The words, in the plain text. */
	txt = render(&s, RENDER_TXT);
	HAS(txt, "Sam (9) with Alex Smith and Jo, agreed on 29 November 2026.");
	HAS(txt, "We will look at this again together by 1 March 2027 (in 3 months).");
	HASNT(txt, "Jo and");
	HAS(txt, "What we all do\n--------------\n\n- All our devices go to bed at 20:15 in the kitchen.");
	HAS(txt, "What Sam does\n-------------\n\n- Sam plays up to 45 minutes of games, using a drawing app.");
	HAS(txt, "- We keep meal times screen-free.");
	HASNT(txt, "We ask before we share a photo");	/* switched off */
	HAS(txt, "What the grown-ups do\n---------------------\n\n- Alex Smith and Jo will listen first if Sam is worried.\n- We charge phones downstairs\n");
	HASNT(txt, "(for the grown-ups)");
	HAS(txt, "- We will not take your device away");
	HASNT(txt, "When we say no");
	HAS(txt, "1. Stop, and tell a grown-up");
	HAS(txt, "Help and reporting lines (United Kingdom):");
	HAS(txt, "- Childline: Free and confidential help. Phone 0800 1111.");
	/* A form feed starts the signatures on a new sheet. */
	HAS(txt, "\n\f\nSignatures\n----------\n\nWrite your name or draw yourself\n\n________________________________\n\nSam (child)\n\nDate: ____________\n");
	HAS(txt, "\nJo\n\nDate: ____________\n");
	HASNT(txt, "Signed in talkpact");
	/* On paper the fingerprint is one line, with no section checks. */
	HAS(txt, "Fingerprint ");
	HAS(txt, ": check the file with\ntalkpact verify.");
	HASNT(txt, "SHA-256 fingerprint");
	HASNT(txt, "What the grown-ups promise: ");
	HASNT(txt, "The \"Signed on\" line: ");
	/* The Markdown keeps the full block, which verify reads. */
	HAS(md, "SHA-256 fingerprint: ");
	HAS(md, "- What the grown-ups promise: ");
	HAS(md, "- The \"Signed on\" line: ");
	/* Blank values stand out (strong) in the HTML. */
	html = render(&s, RENDER_HTML);
	HAS(html, "go to bed at <strong>20:15</strong> in <strong>the kitchen</strong>");
	HAS(html, "<title>Our family device agreement for Sam</title>");
	HAS(html, "<div class=\"signature\">");
	HAS(html, "<div class=\"sign-line\">");
	HAS(html, "Date: ____________");
	HAS(html, "@bottom-right { content: counter(page) \" of \" counter(pages);");
	HAS(html, "@bottom-left { content: \"Fingerprint ");
	HAS(html, "size: A4;");			/* the UK's paper */
	HAS(html, "html, html body { font-size: 13.5pt; }");	/* ages 8-10: about 14pt */
	HASNT(html, "<footer>");		/* nothing fixed over the text */
	HASNT(html, "Draft, not signed yet");
	HAS(html, "<span class=\"nowrap\">29 November 2026</span>");
	HAS(html, "break-inside: avoid");
	HASNT(html, "href=");
	HASNT(html, "Section checks");
	for (char *p = txt, *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		assert_true(nl - p <= RENDER_TEXT_WIDTH * 4);	/* bytes; UTF-8 may be wider */
	free(md);
	free(html);
	free(txt);
	session_cleanup(&s);
}

/* --record adds the conversation after the fingerprint; --paper the size. */
static void
test_record_and_paper(void **state)
{
	struct session s;
	struct agreement_check c;
	char *md, *txt, *html, *h;

	(void)state;
	signed_session(&s, "I would tell Mum", "Sam", "Phones downstairs");
	md = render_with(&s, RENDER_MD, true, AGREEMENT_PAPER_AUTO);
	h = headings(md);
	assert_string_equal(h, "1 Our family device agreement for Sam|"
	    "2 What we all do|2 What Sam does|2 What the grown-ups do|"
	    "2 What the grown-ups promise|2 If something goes wrong|"
	    "2 Signatures|2 Fingerprint|"
	    "2 Our conversation (private to our family)|");
	free(h);
	HAS(md, "**Who do you talk to online?**\n\n**Sam**: I would tell Mum\n");
	/* The record is not covered by the fingerprint. */
	verify_text(md, &c);
	assert_int_equal(c.verdict, AGREEMENT_UNCHANGED);
	agreement_check_cleanup(&c);
	{
		char *plain = render(&s, RENDER_MD), *fp1, *fp2;

		fp1 = strstr(plain, "SHA-256 fingerprint: ");
		fp2 = strstr(md, "SHA-256 fingerprint: ");
		assert_memory_equal(fp1, fp2, 60);
		free(plain);
	}
	txt = render_with(&s, RENDER_TXT, true, AGREEMENT_PAPER_AUTO);
	HAS(txt, "talkpact verify.");
	HAS(txt, "\n\f\nOur conversation (private to our family)\n");
	/* Questions in normal case, as they were asked. */
	HAS(txt, "\nWho do you talk to online?\n\nSam: I would tell Mum\n");
	HAS(txt, "To talk about again later:\n\n- Who could see a photo you sent to one friend?");
	HASNT(txt, "What would you do if something online scared you?");	/* skipped */
	html = render_with(&s, RENDER_HTML, true, AGREEMENT_PAPER_LETTER);
	HAS(html, "<div class=\"record new-page\">");
	HAS(html, ".record { break-before: page;");
	HAS(html, "size: letter;");
	assert_true(strstr(html, "record new-page") > strstr(html, "Fingerprint "));
	free(html);
	html = render_with(&s, RENDER_HTML, false, AGREEMENT_PAPER_AUTO);
	HASNT(html, "I would tell Mum");
	HASNT(html, "Our conversation");
	free(html);
	free(s.region);
	s.region = xstrdup("US");
	assert_int_equal(agreement_paper_for(&s, fixture_content()), AGREEMENT_PAPER_LETTER);
	free(s.region);
	s.region = NULL;
	assert_int_equal(agreement_paper_for(&s, fixture_content()), AGREEMENT_PAPER_A4);
	assert_int_equal(agreement_paper_from_name("letter"), AGREEMENT_PAPER_LETTER);
	assert_int_equal(agreement_paper_from_name("a4"), AGREEMENT_PAPER_A4);
	assert_int_equal(agreement_paper_from_name("a5"), -1);
	free(md);
	free(txt);
	session_cleanup(&s);
}

static void
test_unsigned_and_missing_template(void **state)
{
	struct session s;
	char *md, *cause = NULL, *out = NULL;

	(void)state;
	signed_session(&s, "x", "Sam", "r");
	apply_ok(&s, (struct action){ .kind = ACTION_BACK });
	md = render(&s, RENDER_TXT);
	HAS(md, "a draft of 29 November 2026.");
	HAS(md, "\nDraft, not signed yet.\n");
	HASNT(md, "Fingerprint");	/* no fingerprint on a draft's paper */
	free(md);
	md = render(&s, RENDER_HTML);
	HAS(md, "@top-center { content: \"Draft, not signed yet\";");
	HASNT(md, "Fingerprint");
	free(md);
	md = render(&s, RENDER_MD);	/* verify still reads a draft's .md */
	HAS(md, "Not signed yet; made on 29 November 2026.");
	free(md);
	free(s.template_id);
	s.template_id = xstrdup("gone");
	s.band = BAND_14_17;
	assert_int_equal(agreement_render(&s, fixture_content(), NOW, RENDER_MD, &out, &cause), -1);
	HAS(cause, "(gone) is not loaded");
	free(cause);
	session_cleanup(&s);
}

static void
verify_text(const char *md, struct agreement_check *c)
{
	agreement_verify(md, strlen(md), c);
}

/* Replace the first occurrence of from with to in a copy of md. */
static char *
edit(const char *md, const char *from, const char *to)
{
	const char *at = strstr(md, from);
	char *out;

	if (at == NULL)
		fail_msg("'%s' not in document", from);
	out = xasprintf("%.*s%s%s", (int)(at - md), md, to, at + strlen(from));
	return out;
}

static void
expect_change(const char *md, const char *from, const char *to, const char *msg)
{
	struct agreement_check c;
	char *m = edit(md, from, to);

	verify_text(m, &c);
	assert_int_equal(c.verdict, AGREEMENT_CHANGED);
	assert_true(c.n_changes >= 1);
	if (strstr(c.changes[0], msg) == NULL)
		fail_msg("change '%s' lacks '%s'", c.changes[0], msg);
	agreement_check_cleanup(&c);
	free(m);
}

/*
 * The paper is the anchor: the .md's words give the whole fingerprint
 * (what is printed is its start); the paper forms (txt, html) only state
 * it; and a .md with a word changed and its block recomputed agrees with
 * itself but not with the paper.
 */
static void
test_verify_paper(void **state)
{
	struct session s, forged;
	struct agreement_check c, k;
	char *md, *txt, *html, *fmd, *two, paper[FINGERPRINT_HEX + 1];

	(void)state;
	signed_session(&s, "I would tell Mum", "Sam", "Phones downstairs");
	md = render(&s, RENDER_MD);
	verify_text(md, &c);
	assert_int_equal(c.verdict, AGREEMENT_UNCHANGED);
	assert_int_equal(strlen(c.computed), FINGERPRINT_HEX);
	assert_int_equal(strlen(c.stated), FINGERPRINT_SHOWN);
	assert_memory_equal(c.computed, c.stated, FINGERPRINT_SHOWN);
	memcpy(paper, c.stated, sizeof paper);
	agreement_check_cleanup(&c);

	txt = render(&s, RENDER_TXT);
	verify_text(txt, &c);
	assert_int_equal(c.verdict, AGREEMENT_STATED);
	assert_string_equal(c.stated, paper);
	assert_string_equal(c.computed, "");	/* words not recomputed */
	assert_int_equal(c.n_changes, 0);
	agreement_check_cleanup(&c);
	html = render(&s, RENDER_HTML);
	verify_text(html, &c);
	assert_int_equal(c.verdict, AGREEMENT_STATED);
	assert_string_equal(c.stated, paper);
	agreement_check_cleanup(&c);

	/* A .txt that states two different fingerprints. */
	two = xasprintf("%sFingerprint 0000 0000 0000 0000 0000 0000 0000 0000:"
	    " check the file with talkpact verify.\n", txt);
	verify_text(two, &c);
	assert_int_equal(c.verdict, AGREEMENT_CHANGED);
	HAS(c.changes[0], "two different fingerprints");
	agreement_check_cleanup(&c);
	free(two);

	/* The forgery: one word changed, the block recomputed by rendering. */
	signed_session(&forged, "I would tell Mum", "Sam", "Phones upstairs");
	fmd = render(&forged, RENDER_MD);
	verify_text(fmd, &k);
	assert_int_equal(k.verdict, AGREEMENT_UNCHANGED);	/* agrees with itself */
	assert_false(fingerprint_matches(k.computed, paper));	/* not the paper */
	verify_text(md, &c);
	assert_true(fingerprint_matches(c.computed, paper));
	agreement_check_cleanup(&c);
	agreement_check_cleanup(&k);

	free(fmd);
	free(html);
	free(txt);
	free(md);
	session_cleanup(&forged);
	session_cleanup(&s);
}

static void
test_verify(void **state)
{
	struct session s;
	struct agreement_check c;
	char *md, *crlf, *fp_line, *fp_at;

	(void)state;
	signed_session(&s, "I would tell Mum", "Sam", "Phones downstairs");
	md = render(&s, RENDER_MD);
	verify_text(md, &c);
	assert_int_equal(c.verdict, AGREEMENT_UNCHANGED);
	assert_true(c.is_signed);
	assert_string_equal(c.signed_text, "29 November 2026 by Sam, Alex Smith and Jo");
	agreement_check_cleanup(&c);

	/* Line endings and trailing blanks do not count. */
	crlf = xmalloc(strlen(md) * 3 + 1);
	{
		size_t o = 0;

		for (const char *p = md; *p; p++) {
			if (*p == '\n') {
				crlf[o++] = ' ';
				crlf[o++] = '\r';
			}
			crlf[o++] = *p;
		}
		crlf[o] = '\0';
	}
	verify_text(crlf, &c);
	assert_int_equal(c.verdict, AGREEMENT_UNCHANGED);
	agreement_check_cleanup(&c);
	free(crlf);

	HASNT(md, "tell Mum");	/* the record is not in the pact */
	expect_change(md, "go to bed", "go to sleep", "the section \"What we all do\" changed");
	expect_change(md, "Phones down", "Phones up", "the section \"What the grown-ups do\" changed");
	{
		/* A name in the signatures section. */
		const char *sig = strstr(md, "## Signatures\n"), *jo = strstr(sig, "Jo");
		char *m = xasprintf("%.*sJoe%s", (int)(jo - md), md, jo + 2);
		struct agreement_check k;

		verify_text(m, &k);
		assert_int_equal(k.verdict, AGREEMENT_CHANGED);
		HAS(k.changes[0], "the section \"Signatures\" changed");
		agreement_check_cleanup(&k);
		free(m);
	}
	expect_change(md, "# Our family device agreement for Sam", "# Our family device agreement for Tom", "the title changed");
	expect_change(md, "November 2026 by Sam", "November 2026 by Pam", "the \"Signed on\" line changed");
	expect_change(md, "Signed on 29 November", "Signed on 28 November", "the \"Signed on\" line changed");
	expect_change(md, "## What the grown-ups do\n", "## Our rules\n", "the section \"Our rules\" changed");
	{
		const char *a = strstr(md, "## What the grown-ups do\n"), *b = strstr(md, "## What the grown-ups promise");
		char *cut = xstrndup(a, (size_t)(b - a));

		expect_change(md, cut, "", "sections were added or removed");
		free(cut);
	}
	/* The fingerprint line itself. */
	fp_at = strchr(strstr(md, "SHA-256 fingerprint"), ' ') + 1;
	fp_at = strchr(fp_at, ' ') + 1;
	fp_line = xstrndup(fp_at, 4);
	expect_change(md, fp_line, strcmp(fp_line, "0000") ? "0000" : "1111", "the fingerprint line changed");
	free(fp_line);

	verify_text("# Just a note\n\nHello.\n", &c);
	assert_int_equal(c.verdict, AGREEMENT_NOT_AGREEMENT);
	agreement_check_cleanup(&c);
	verify_text("", &c);
	assert_int_equal(c.verdict, AGREEMENT_NOT_AGREEMENT);
	agreement_check_cleanup(&c);
	free(md);
	session_cleanup(&s);
}

/* The HTML-escaped form of text, as cmark writes it (for text nodes). */
static char *
escape(const char *text)
{
	size_t n = 0;
	char *out = xmalloc(strlen(text) * 6 + 1);

	for (const char *p = text; *p; p++) {
		switch (*p) {
		case '<': memcpy(out + n, "&lt;", 4); n += 4; break;
		case '>': memcpy(out + n, "&gt;", 4); n += 4; break;
		case '&': memcpy(out + n, "&amp;", 5); n += 5; break;
		case '"': memcpy(out + n, "&quot;", 6); n += 6; break;
		default: out[n++] = *p;
		}
	}
	out[n] = '\0';
	return out;
}

/* The HTML without our doc_div wrappers, which Markdown does not carry. */
static char *
strip_divs(const char *html)
{
	char *out = xmalloc(strlen(html) + 1), *o = out;

	while (*html != '\0') {
		if (strncmp(html, "<div class=\"", 12) == 0) {
			html = strstr(html, ">\n") + 2;
			continue;
		}
		if (strncmp(html, "</div>\n", 7) == 0) {
			html += 7;
			continue;
		}
		*o++ = *html++;
	}
	*o = '\0';
	return out;
}

/*
 * Any one character of a signed agreement changed, anywhere in the file
 * (body, signing line, fingerprint block, its note), and verify notices.
 */
static void
test_verify_every_character(void **state)
{
	struct session s;
	struct agreement_check c;
	char *md;
	size_t len, checked = 0;

	(void)state;
	signed_session(&s, "I would tell Mum", "Sam", "Phones downstairs");
	md = render(&s, RENDER_MD);
	len = strlen(md);
	for (size_t i = 0; i < len; i++) {
		char was = md[i];

		/* Blanks at line ends are not words; a change inside UTF-8 is
		 * refused as "not text" and tested elsewhere. */
		if (was == ' ' || was == '\n' || (unsigned char)was >= 0x80)
			continue;
		md[i] = was == 'x' ? 'y' : 'x';
		verify_text(md, &c);
		if (c.verdict == AGREEMENT_UNCHANGED)
			fail_msg("changing byte %zu ('%c') went unnoticed: ...%.30s",
			    i, was, md + (i > 15 ? i - 15 : 0));
		agreement_check_cleanup(&c);
		md[i] = was;
		checked++;
	}
	print_message("%zu one-character changes, all caught\n", checked);
	assert_true(checked > 1000);
	free(md);
	session_cleanup(&s);
}

static void
test_hostile_property(void **state)
{
	uint64_t seed = 0x7a1c9acdeadbeefULL;

	(void)state;
	for (int round = 0; round < 1500; round++) {
		char *ans = hostile_string(&seed, 10, false);
		char *name = hostile_string(&seed, 3, true);
		char *rule = hostile_string(&seed, 8, false);
		char fp[FINGERPRINT_HEX + 1], *md, *tree_html, *md_html, *cause = NULL;
		struct session s;
		struct agreement_check c;
		cmark_node *doc, *parsed;
		const char *trimmed;

		if (ans[strspn(ans, " \t\n")] == '\0') {
			free(ans);
			ans = xstrdup("x");
		}
		if (rule[strspn(rule, " \t\n")] == '\0') {
			free(rule);
			rule = xstrdup("r");
		}
		/* Names are trimmed when typed; keep what session_apply kept. */
		if (name[strspn(name, " ")] == '\0' || strlen(name) > 60) {
			free(name);
			name = xstrdup("N");
		}
		signed_session(&s, ans, name, rule);
		doc = agreement_build_with(&s, fixture_content(), NOW,
		    &(struct agreement_options){ .record = true }, fp, &cause);
		assert_non_null(doc);
		md = render_markdown(doc);
		{
			char *h = render_html_body(doc);

			tree_html = strip_divs(h);
			free(h);
		}
		parsed = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
		md_html = cmark_render_html(parsed, CMARK_OPT_DEFAULT);
		if (strcmp(tree_html, md_html) != 0) {
			size_t k = 0;

			while (tree_html[k] == md_html[k])
				k++;
			print_error("first difference at %zu:\ntree: %.80s\nmd:   %.80s\n", k,
			    tree_html + (k > 20 ? k - 20 : 0), md_html + (k > 20 ? k - 20 : 0));
		}
		if (strcmp(tree_html, md_html) != 0)
			fail_msg("round %d: md->html differs from tree->html\nanswer: [%s]\nname: [%s]\nrule: [%s]\n--- md\n%s",
			    round, ans, name, rule, md);
		/* Structure: the same headings, whatever the text. */
		{
			size_t h = 0;

			for (const char *p = tree_html; (p = strstr(p, "<h2>")) != NULL; p++)
				h++;
			assert_int_equal(h, 8);
		}
		HASNT(tree_html, "<script");
		HASNT(tree_html, "href=");
		HASNT(tree_html, "<a ");
		HASNT(tree_html, "<img");
		HASNT(tree_html, "<pre");
		HASNT(tree_html, "<code");
		HASNT(tree_html, "<hr");
		HASNT(tree_html, "<blockquote");
		/* Each line of the answer appears verbatim, escaped. */
		for (char *p = ans, *nl; ; p = nl + 1) {
			char *line, *esc;

			nl = strchr(p, '\n');
			line = nl != NULL ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
			/* cmark drops a line's trailing blanks before a break. */
			trimmed = line;
			{
				size_t l = strlen(line);

				while (l > 0 && (line[l - 1] == ' ' || line[l - 1] == '\t'))
					line[--l] = '\0';
			}
			esc = escape(trimmed);
			if (*esc != '\0' && strstr(tree_html, esc) == NULL)
				fail_msg("round %d: answer line [%s] not verbatim in html", round, esc);
			free(esc);
			free(line);
			if (nl == NULL)
				break;
		}
		/* And the .md it writes verifies. */
		agreement_verify(md, strlen(md), &c);
		if (c.verdict != AGREEMENT_UNCHANGED)
			fail_msg("round %d: verify: %s\n%s", round, c.n_changes ? c.changes[0] : "not an agreement", md);
		agreement_check_cleanup(&c);
		free(md);
		free(tree_html);
		free(md_html);
		cmark_node_free(parsed);
		cmark_node_free(doc);
		free(ans);
		free(name);
		free(rule);
		session_cleanup(&s);
	}
}

/* The TUI's review lines: wrapped to the width, title first, styled. */
static void
test_lines(void **state)
{
	struct session s;
	struct render_lines l = { NULL, 0, 0 };
	char *cause = NULL;
	bool found = false;

	(void)state;
	signed_session(&s, "x", "Sam", "r");
	assert_int_equal(agreement_lines(&s, fixture_content(), NOW, 40, &l, &cause), 0);
	assert_true(l.n > 50);
	assert_non_null(strstr(l.lines[0].text, "Our family device"));
	assert_true(l.lines[0].n_spans > 0 && (l.lines[0].spans[0].style & RSTYLE_TITLE));
	for (size_t i = 0; i < l.n; i++) {
		assert_true(text_width(l.lines[i].text, strlen(l.lines[i].text)) <= 40);
		if (strstr(l.lines[i].text, "SHA-256 fingerprint:") != NULL)
			found = true;
	}
	assert_true(found);
	render_lines_cleanup(&l);
	session_cleanup(&s);
}

/* The longest answer allowed, made of hostile pieces, stays one answer. */
static void
test_long_text(void **state)
{
	uint64_t seed = 42;
	struct session s;
	char *big = xmalloc(SESSION_MAX_TEXT_BYTES + 64), *md, *html, *esc;
	size_t n = 0;
	cmark_node *doc;

	(void)state;
	while (n < SESSION_MAX_TEXT_BYTES - 40) {
		char *p = hostile_string(&seed, 1, true);

		memcpy(big + n, p, strlen(p));
		n += strlen(p);
		free(p);
	}
	big[n] = '\0';
	signed_session(&s, big, "Sam", "r");
	doc = agreement_build_with(&s, fixture_content(), NOW,
	    &(struct agreement_options){ .record = true }, NULL, &(char *){ NULL });
	md = render_markdown(doc);
	html = render_html_body(doc);
	esc = escape(big);
	HASNT(html, "<script");
	HASNT(html, "href=");
	if (strstr(html, esc) == NULL) {
		/* cmark strips the paragraph's leading and trailing blanks. */
		size_t a = strspn(esc, " "), e = strlen(esc);

		while (e > a && esc[e - 1] == ' ')
			e--;
		esc[e] = '\0';
		if (strstr(html, esc + a) == NULL)
			fail_msg("the long answer is not verbatim in the HTML");
	}
	free(esc);
	free(md);
	free(html);
	cmark_node_free(doc);
	free(big);
	session_cleanup(&s);
}

static void
test_stem(void **state)
{
	struct session s;
	char *stem;

	(void)state;
	signed_session(&s, "x", "Sam Lee", "r");
	stem = agreement_file_stem(&s, NOW + 86400 * 5);
	assert_string_equal(stem, "agreement-sam-lee-2026-11-29");
	free(stem);
	session_cleanup(&s);
}

/*
 * A signed session renders from what it froze: no content needed, the
 * .md the text signed, html and txt built from the frozen words; data
 * that no longer matches the digest is refused. A draft is dated at the
 * offset it is given, never by TZ.
 */
static void
test_frozen(void **state)
{
	static const enum render_format fmts[] = { RENDER_MD, RENDER_HTML,
		RENDER_TXT };
	struct session s;
	char *with[3], *out = NULL, *cause = NULL;

	(void)state;
	signed_session(&s, "Mostly friends.", "Sam", "We charge phones downstairs.");
	assert_non_null(s.frozen);
	assert_int_equal(session_signed_check(&s), 1);
	for (size_t i = 0; i < 3; i++) {
		with[i] = render(&s, fmts[i]);
		/* No content at all: the same bytes. */
		assert_int_equal(agreement_render(&s, NULL, NOW + 999999,
		    fmts[i], &out, &cause), 0);
		assert_string_equal(out, with[i]);
		free(out);
	}
	assert_string_equal(with[0], s.frozen->markdown);
	assert_non_null(strstr(with[0], "agreed on 29 November 2026"));

	/* Words changed in memory: refused until the digest says so too. */
	free(s.frozen->blocks[0].items[0].pieces[0]);
	s.frozen->blocks[0].items[0].pieces[0] = xstrdup("Changed words ");
	assert_int_equal(session_signed_check(&s), -1);
	assert_int_equal(agreement_render(&s, NULL, NOW, RENDER_HTML, &out,
	    &cause), -1);
	assert_null(out);
	assert_non_null(strstr(cause, "changed after signing"));
	free(cause);
	cause = NULL;
	session_signed_digest(&s, s.frozen->digest);
	out = render(&s, RENDER_HTML);
	assert_non_null(strstr(out, "Changed words "));
	free(out);
	out = render(&s, RENDER_TXT);
	assert_non_null(strstr(out, "Changed words "));
	free(out);
	/* The .md stays the text signed. */
	out = render(&s, RENDER_MD);
	assert_null(strstr(out, "Changed words"));
	assert_string_equal(out, with[0]);
	free(out);
	for (size_t i = 0; i < 3; i++)
		free(with[i]);

	/* Unsigned (BACK): a draft, dated at the offset given. */
	apply_ok(&s, (struct action){ .kind = ACTION_BACK });
	assert_null(s.frozen);
	assert_int_equal(agreement_render_with(&s, fixture_content(), NOW,
	    RENDER_MD, &(struct agreement_options){ .utc_offset = 14 * 3600 },
	    &out, &cause), 0);
	assert_non_null(strstr(out, "a draft of 30 November 2026"));
	free(out);
	assert_int_equal(agreement_render_with(&s, fixture_content(), NOW,
	    RENDER_MD, &(struct agreement_options){ .utc_offset = -8 * 3600 },
	    &out, &cause), 0);
	assert_non_null(strstr(out, "a draft of 29 November 2026"));
	free(out);
	session_cleanup(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contents),
		cmocka_unit_test(test_record_and_paper),
		cmocka_unit_test(test_unsigned_and_missing_template),
		cmocka_unit_test(test_verify),
		cmocka_unit_test(test_verify_paper),
		cmocka_unit_test(test_verify_every_character),
		cmocka_unit_test(test_hostile_property),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_stem),
		cmocka_unit_test(test_frozen),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
