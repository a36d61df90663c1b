/*
 * test_pack.c: prompt packs. Content is loaded from YAML in memory (the
 * real loader), then pack_select's choice and order, the card font-size
 * classes, and the handout and cards trees are checked on their output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cmark.h>

#include "content.h"
#include "pack.h"
#include "render.h"
#include "util.h"

static const char S_yaml[] =
    "pack:\n"
    "  id: test\n"
    "  title: Test\n"
    "  language: en-GB\n"
    "  version: 1\n"
    "prompts:\n"
    "  - id: p1\n"
    "    bands: [4-7, 8-10]\n"
    "    topic: people\n"
    "    question: Who do you play with?\n"
    "    tip: Listen first.\n"
    "    follow-ups: [Do you know them?]\n"
    "  - id: p2\n"
    "    bands: [8-10]\n"
    "    topic: places\n"
    "    question: Where should the tablet sleep?\n"
    "    tip: Let them choose.\n"
    "  - id: p3\n"
    "    bands: [4-7]\n"
    "    topic: places\n"
    "    scenario: true\n"
    "    question: \"<script>alert(1)</script> **not bold** [x](javascript:y)\"\n"
    "    tip: Stay calm.\n"
    "  - id: p4\n"
    "    bands: [11-13]\n"
    "    topic: people\n"
    "    question: Who are your friends online?\n"
    "    tip: Ask about them.\n";

static const char S_help_yaml[] =
    "help:\n"
    "  - region: XX\n"
    "    name: Testland\n"
    "    resources:\n"
    "      - name: Test line\n"
    "        for: children\n"
    "        about: Help for anyone.\n"
    "        phone: 0000 1111\n";

static void
S_load(struct content *c, const char *yaml)
{
	struct diag_list d;

	content_init(c);
	diag_list_init(&d);
	if (content_load_buffer(c, "test.yaml", (const unsigned char *)yaml,
	    strlen(yaml), &d) != 0 ||
	    content_load_buffer(c, "help.yaml", (const unsigned char *)S_help_yaml,
	    strlen(S_help_yaml), &d) != 0) {
		for (size_t i = 0; i < d.n; i++) {
			char *s = diag_string(&d.items[i]);

			print_error("%s\n", s);
			free(s);
		}
		fail();
	}
	diag_list_cleanup(&d);
}

static void
test_select(void **state)
{
	struct content c;
	struct pack_options o = { 0 };
	const struct prompt **ps;
	int *bands;
	size_t n;

	(void)state;
	S_load(&c, S_yaml);
	/* Every band: by band, then topic order; p1 once, under 4-7. */
	ps = pack_select(&c, &o, &n, &bands);
	assert_int_equal(n, 4);
	assert_string_equal(ps[0]->id, "p1");
	assert_int_equal(bands[0], BAND_4_7);
	assert_string_equal(ps[1]->id, "p3");
	assert_string_equal(ps[2]->id, "p2");
	assert_int_equal(bands[2], BAND_8_10);
	assert_string_equal(ps[3]->id, "p4");
	assert_int_equal(bands[3], BAND_11_13);
	free(ps);
	free(bands);

	/* One band: p1 now shows under 8-10. */
	o.bands = BAND_BIT(BAND_8_10);
	ps = pack_select(&c, &o, &n, &bands);
	assert_int_equal(n, 2);
	assert_string_equal(ps[0]->id, "p1");
	assert_int_equal(bands[0], BAND_8_10);
	assert_string_equal(ps[1]->id, "p2");
	free(ps);
	free(bands);

	/* One topic. */
	o.bands = 0;
	o.topics = 1u << TOPIC_PLACES;
	ps = pack_select(&c, &o, &n, NULL);
	assert_int_equal(n, 2);
	assert_string_equal(ps[0]->id, "p3");
	assert_string_equal(ps[1]->id, "p2");
	free(ps);

	/* Nothing. */
	o.topics = 1u << TOPIC_MONEY;
	ps = pack_select(&c, &o, &n, NULL);
	assert_int_equal(n, 0);
	free(ps);
	content_cleanup(&c);
}

static void
test_card_class(void **state)
{
	char buf[8192];
	const char *order[] = { "card-m", "card-long", "card-xlong",
	    "card-xxlong", "card-xxxlong", "card-tiny" };
	int last = 0;
	const char *cls;

	(void)state;
	assert_string_equal(pack_card_class(PAPER_A4, "Ages 4-7",
	    "Who?", "Tip: listen."), "card-m");
	assert_string_equal(pack_card_class(PAPER_LETTER, "Ages 4-7",
	    "Who?", NULL), "card-m");
	/*
	 * Longer tips never get a larger size, the sizes run out, and the
	 * smaller Letter card never gets a larger size than A4.
	 */
	strcpy(buf, "Tip:");
	for (int i = 0; i < 600; i++) {
		int k = -1, kl = 6;
		const char *letter;

		strcat(buf, " talk");
		cls = pack_card_class(PAPER_A4, "Ages 4-7", "Who?", buf);
		letter = pack_card_class(PAPER_LETTER, "Ages 4-7", "Who?",
		    buf);
		if (cls == NULL) {
			assert_true(i > 60);
			assert_null(letter);
			break;
		}
		for (int j = 0; j < 6; j++) {
			if (strcmp(cls, order[j]) == 0)
				k = j;
			if (letter != NULL && strcmp(letter, order[j]) == 0)
				kl = j;
		}
		assert_true(k >= last);
		assert_true(kl >= k);
		last = k;
	}
	assert_null(cls);
	assert_int_equal(last, 5);
	/*
	 * Widths come from the font: "ill" (0.28 + 0.28 + 0.28 em in DejaVu
	 * Sans) is far narrower than "mmm" (0.97 em each), so the same number
	 * of characters of "mmm" never gets a larger size, and sometimes a
	 * smaller one. A count of characters alone could not tell them apart.
	 */
	{
		char narrow[4096] = "", wide[4096] = "";
		bool differ = false;

		for (int i = 0; i < 200; i++) {
			const char *cn, *cw;
			int kn = 6, kw = 6;

			strcat(narrow, " ill");
			strcat(wide, " mmm");
			cn = pack_card_class(PAPER_A4, "x", "Who?", narrow);
			cw = pack_card_class(PAPER_A4, "x", "Who?", wide);
			for (int j = 0; j < 6; j++) {
				if (cn != NULL && strcmp(cn, order[j]) == 0)
					kn = j;
				if (cw != NULL && strcmp(cw, order[j]) == 0)
					kw = j;
			}
			assert_true(kw >= kn);
			differ = differ || kw > kn;
		}
		assert_true(differ);
	}
	/* An unbreakable word is measured too, not left to overflow. */
	memset(buf, 'W', 3000);
	buf[3000] = '\0';
	assert_null(pack_card_class(PAPER_A4, "x", buf, NULL));
}

static char *
S_build(const struct content *c, struct pack_options *o, enum render_format f,
    struct pack_doc *pd, struct diag_list *d)
{
	char *cause = NULL, *out;

	assert_int_equal(pack_build(c, o, pd, d, &cause), 0);
	assert_null(cause);
	if (f == RENDER_MD) {
		out = render_markdown(pd->doc);
	} else if (f == RENDER_TXT) {
		out = render_text(pd->doc, RENDER_TEXT_WIDTH);
	} else {
		struct render_page page = { .title = pd->title,
		    .footer = pd->footer, .css = pd->css, .lang = "en-GB" };

		out = render_html_page(pd->doc, &page);
	}
	return out;
}

static size_t
S_count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p != NULL;
	    p = strstr(p + 1, needle))
		n++;
	return n;
}

static void
test_handout(void **state)
{
	struct content c;
	struct pack_options o = { .region = "XX" };
	struct pack_doc pd;
	struct diag_list d;
	char *s, *cause = NULL;

	(void)state;
	S_load(&c, S_yaml);
	diag_list_init(&d);
	s = S_build(&c, &o, RENDER_MD, &pd, &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(pd.n_prompts, 4);
	assert_non_null(strstr(s, "# Talking together about devices and online "
	    "life: prompts for ages 4-7, 8-10 and 11-13\n"));
	assert_non_null(strstr(s, "\n## Ages 4-7\n\n### Who we talk to and "
	    "play with\n\n**1. Who do you play with?**\n\n- Do you know them?\n\n"
	    "**Tip for the grown-up:** Listen first.\n"));
	/* Questions are numbered through the pack; a scenario says so once. */
	assert_non_null(strstr(s, "\nScenario\n\n"
	    "**2. \\<script\\>alert(1)\\</script\\> \\*\\*not bold\\*\\* "
	    "\\[x\\](javascript:y)**"));
	assert_non_null(strstr(s, "\n**3. Where should the tablet sleep?**\n"));
	assert_non_null(strstr(s, "\n**4. Who are your friends online?**\n"));
	assert_int_equal(S_count(s, "Scenario"), 2);	/* the cover, p3 */
	assert_null(strstr(s, "what would you do"));
	assert_non_null(strstr(s, "\n## Help and reporting: Testland\n"));
	assert_non_null(strstr(s, "- **Test line**: Help for anyone.\\\n"
	    "  Phone: 0000 1111\n"));
	assert_int_equal(S_count(s, "**Tip for the grown-up:**"), 4);
	free(s);
	pack_doc_cleanup(&pd);

	/* HTML: user text is only ever text. */
	s = S_build(&c, &o, RENDER_HTML, &pd, &d);
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "href="));
	assert_non_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt; "
	    "**not bold** [x](javascript:y)"));
	assert_int_equal(S_count(s, "<div class=\"band\">"), 3);
	assert_int_equal(S_count(s, "<div class=\"prompt\">"), 4);
	assert_non_null(strstr(s, ".band { break-before: page;"));
	/* The cover shares page 1 with the first band. */
	assert_non_null(strstr(s, ".cover + .band { break-before: auto;"));
	assert_non_null(strstr(s, "</div>\n<div class=\"band\">"));
	assert_true(strstr(s, "<div class=\"cover\">") <
	    strstr(s, "<div class=\"band\">"));
	/* Each page says "N of M" at its foot. */
	assert_non_null(strstr(s, "@page { @bottom-center { content: "
	    "counter(page) \" of \" counter(pages);"));
	assert_non_null(strstr(s, "<div class=\"question\">\n<p><strong>1. "
	    "Who do you play with?</strong></p>"));
	assert_non_null(strstr(s, "<footer>Made with talkpact."));
	free(s);
	pack_doc_cleanup(&pd);

	/* Text: the same pack, wrapped. */
	o.title = "Year 2";
	o.bands = BAND_BIT(BAND_8_10);
	s = S_build(&c, &o, RENDER_TXT, &pd, &d);
	assert_true(strncmp(s, "Year 2\n======\n\nFor ages 8-10: 2 questions",
	    40) == 0);
	assert_non_null(strstr(s, "\nWHO WE TALK TO AND PLAY WITH\n"));
	free(s);
	pack_doc_cleanup(&pd);

	/* Errors: an unknown region, nothing chosen. */
	o.region = "ZZ";
	assert_int_equal(pack_build(&c, &o, &pd, &d, &cause), -1);
	assert_string_equal(cause, "no help lines for region 'ZZ'; the regions "
	    "are: XX");
	free(cause);
	cause = NULL;
	o.region = "XX";
	o.topics = 1u << TOPIC_MONEY;
	assert_int_equal(pack_build(&c, &o, &pd, &d, &cause), -1);
	assert_non_null(strstr(cause, "no prompts match"));
	free(cause);
	assert_null(pd.doc);

	/* The default region missing is a warning, not an error. */
	o.topics = 0;
	o.region = NULL;
	s = S_build(&c, &o, RENDER_MD, &pd, &d);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].level, DIAG_WARNING);
	assert_non_null(strstr(d.items[0].message, "region 'UK'"));
	assert_null(strstr(s, "Help and reporting:"));
	free(s);
	pack_doc_cleanup(&pd);
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

/* Is what inside the CSS rule that starts at rule (before its '}')? */
static bool
S_in_rule(const char *rule, const char *what)
{
	const char *at = strstr(rule, what);

	return at != NULL && at < strchr(rule, '}');
}

static void
test_cards(void **state)
{
	struct content c;
	struct pack_options o = { .layout = PACK_LAYOUT_CARDS };
	struct pack_doc pd;
	struct diag_list d;
	char *yaml, *s, *p;
	size_t len;

	(void)state;
	/* 17 prompts, the last with a question far too long for a card. */
	yaml = xstrdup("pack: {id: cards, title: Cards, language: en-GB, "
	    "version: 1}\nprompts:\n");
	for (int i = 0; i < 17; i++) {
		char *q = i < 16 ? xasprintf("Question number %d?", i) :
		    xstrdup("");

		if (i == 16)
			for (int k = 0; k < 120; k++) {
				p = xasprintf("%sand then something else happens ", q);
				free(q);
				q = p;
			}
		p = xasprintf("%s  - id: c%d\n    bands: [14-17]\n    topic: "
		    "money\n    question: \"%s\"\n    tip: Tip %d.\n", yaml, i,
		    q, i);
		free(yaml);
		free(q);
		yaml = p;
	}
	S_load(&c, yaml);
	diag_list_init(&d);
	s = S_build(&c, &o, RENDER_HTML, &pd, &d);
	assert_int_equal(pd.n_prompts, 17);
	assert_int_equal(pd.n_pages, 3);
	assert_int_equal(S_count(s, "<div class=\"sheet\">"), 3);
	assert_int_equal(S_count(s, "<div class=\"card card-"), 17);
	/*
	 * One cut line between neighbours: the left card of a row draws the
	 * line on its right, every row but a sheet's last the line below;
	 * the sheet's frame draws the outside.
	 */
	assert_int_equal(S_count(s, "<div class=\"card card-m cut-r cut-b\">"), 6);
	assert_int_equal(S_count(s, "<div class=\"card card-m cut-b\">"), 6);
	assert_int_equal(S_count(s, "<div class=\"card card-m cut-r\">"), 2);
	assert_int_equal(S_count(s, "<div class=\"card card-m\">"), 2);
	/* The long question takes a whole row, alone on the last sheet. */
	assert_int_equal(S_count(s, " card-wide\">"), 1);
	assert_non_null(strstr(s, "@page { size: A4; margin: 10mm; }"));
	assert_non_null(strstr(s, "grid-auto-rows: 68.85mm"));
	assert_non_null(strstr(s, ".sheet { box-sizing: border-box; "
	    "width: 190.0mm;"));
	assert_non_null(strstr(s, "border: 0.30mm dashed #777"));
	assert_non_null(strstr(s, ".cut-r { border-right: 0.30mm dashed"));
	assert_non_null(strstr(s, ".cut-b { border-bottom: 0.30mm dashed"));
	p = strstr(s, "\n.card { ");
	assert_non_null(p);
	/* A card draws no border of its own, only the cut lines above. */
	assert_false(S_in_rule(p, "border:"));
	assert_false(S_in_rule(p, "border-right"));
	assert_false(S_in_rule(p, "border-bottom"));
	assert_null(strstr(s, "overflow: hidden"));
	assert_null(strstr(s, "<footer"));
	/* The long question was shortened, and that is reported with its place. */
	assert_non_null(strstr(s, "happens \xe2\x80\xa6</p>") == NULL ?
	    strstr(s, "\xe2\x80\xa6</p>") : NULL);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].level, DIAG_WARNING);
	assert_string_equal(d.items[0].file, "test.yaml");
	assert_true(d.items[0].line > 1);
	assert_non_null(strstr(d.items[0].message, "'c16'"));
	len = strlen(s);
	assert_true(len > 1000);
	free(s);
	pack_doc_cleanup(&pd);

	o.paper = PAPER_LETTER;
	s = S_build(&c, &o, RENDER_HTML, &pd, &d);
	assert_non_null(strstr(s, "@page { size: letter; margin: 8mm 10mm; }"));
	assert_non_null(strstr(s, "grid-auto-rows: 65.35mm"));
	free(s);
	pack_doc_cleanup(&pd);
	diag_list_cleanup(&d);
	content_cleanup(&c);
	free(yaml);
}

/*
 * A card whose tip would be under 9 pt on one card takes a whole row, and
 * one due in a right-hand slot waits for the next row.
 */
static void
test_wide_cards(void **state)
{
	struct content c;
	struct pack_options o = { .layout = PACK_LAYOUT_CARDS };
	struct pack_doc pd;
	struct diag_list d;
	char *yaml, *s, *tip = xstrdup(""), *t;
	const char *a, *b, *w;

	(void)state;
	for (int i = 0; i < 35; i++) {
		t = xasprintf("%stalk about it together ", tip);
		free(tip);
		tip = t;
	}
	yaml = xasprintf("pack: {id: w, title: W, language: en-GB, version: 1}\n"
	    "prompts:\n"
	    "  - {id: w0, bands: [8-10], topic: money, question: First?,"
	    " tip: Short.}\n"
	    "  - {id: w1, bands: [8-10], topic: money, question: Second?,"
	    " tip: %s}\n"
	    "  - {id: w2, bands: [8-10], topic: money, question: Third?,"
	    " tip: Short.}\n", tip);
	S_load(&c, yaml);
	diag_list_init(&d);
	s = S_build(&c, &o, RENDER_HTML, &pd, &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(pd.n_pages, 1);
	a = strstr(s, "First?");
	b = strstr(s, "Third?");
	w = strstr(s, "Second?");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(w);
	assert_true(a < b && b < w);
	assert_non_null(strstr(s, "<div class=\"card card-m cut-r cut-b\">"));
	assert_non_null(strstr(s, "<div class=\"card card-m cut-b\">"));
	/* The wide card's tip is at 9 pt or more. */
	assert_non_null(strstr(s, "<div class=\"card card-m card-wide\">"));
	free(s);
	pack_doc_cleanup(&pd);
	diag_list_cleanup(&d);
	content_cleanup(&c);
	free(yaml);
	free(tip);
}

/* With help lines, the cards end with a card of them. */
static void
test_help_card(void **state)
{
	struct content c;
	struct pack_options o = { .layout = PACK_LAYOUT_CARDS, .region = "XX" };
	struct pack_doc pd;
	struct diag_list d;
	char *s;

	(void)state;
	S_load(&c, S_yaml);
	diag_list_init(&d);
	s = S_build(&c, &o, RENDER_HTML, &pd, &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(S_count(s, "<div class=\"card card-"), 4);
	assert_int_equal(S_count(s, "<div class=\"card help-card card-"), 1);
	assert_true(strstr(s, "Who are your friends online?") <
	    strstr(s, "help-card"));
	assert_non_null(strstr(s, "<p>Help and reporting \xc2\xb7 Testland</p>"));
	/* The phone number never splits: its space is a no-break space. */
	assert_non_null(strstr(s, "<p><strong>Test line</strong>: "
	    "0000\xc2\xa0" "1111</p>"));
	free(s);
	pack_doc_cleanup(&pd);

	/* No help lines for the default region: no help card, no warning. */
	o.region = NULL;
	s = S_build(&c, &o, RENDER_HTML, &pd, &d);
	assert_int_equal(d.n, 0);
	assert_null(strstr(s, "help-card\""));
	assert_null(strstr(s, "Testland"));
	free(s);
	pack_doc_cleanup(&pd);
	diag_list_cleanup(&d);
	content_cleanup(&c);
}

static void
test_names(void **state)
{
	(void)state;
	assert_int_equal(pack_layout_from_name("cards"), PACK_LAYOUT_CARDS);
	assert_int_equal(pack_layout_from_name("handout"), PACK_LAYOUT_HANDOUT);
	assert_int_equal(pack_layout_from_name("poster"), -1);
	assert_int_equal(paper_from_name("letter"), PAPER_LETTER);
	assert_int_equal(paper_from_name("A4"), -1);
	assert_string_equal(paper_id(PAPER_A4), "a4");
	assert_string_equal(pack_layout_name(PACK_LAYOUT_CARDS), "cards");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_select),
		cmocka_unit_test(test_card_class),
		cmocka_unit_test(test_handout),
		cmocka_unit_test(test_cards),
		cmocka_unit_test(test_wide_cards),
		cmocka_unit_test(test_help_card),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
