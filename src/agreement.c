/*
 * agreement.c: builds the family device agreement as a cmark tree from a
 * session, its template and the content; renders it with its fingerprint;
 * and checks a saved .md file against its fingerprint (verify).
 *
 * Owns the agreement's layout and wording. Must never put user text (the
 * family's words, names, blank values) anywhere but a doc_text() node,
 * never print, exit or read the environment.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "agreement.h"
#include "fill.h"
#include "util.h"

static const char *const S_months[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

#define S_FP_HEADING "Fingerprint"
#define S_FP_LINE "SHA-256 fingerprint: "
#define S_CHECKS_LINE "Section checks:"
#define S_SIGNED_LABEL "Signed on"
#define S_SIGNED_CHECK "The \"Signed on\" line"

/* "29 November 2026", locale-independent. */
static void
S_date(time_t t, char *buf, size_t sz)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL) {
		snprintf(buf, sz, "?");
		return;
	}
	snprintf(buf, sz, "%d %s %d", tm.tm_mday, S_months[tm.tm_mon],
	    tm.tm_year + 1900);
}

static time_t
S_add_months(time_t t, int months)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		return t;
	tm.tm_mon += months;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* When it was signed: the last signature, or 0. */
static time_t
S_signed_when(const struct session *s)
{
	time_t last = 0;

	for (size_t i = 0; i < s->n_signatures; i++)
		if (s->signatures[i].when > last)
			last = s->signatures[i].when;
	return s->stage == STAGE_SIGNED ? last : 0;
}

time_t
agreement_review_date(const struct session *s, const struct template *t)
{
	time_t when = S_signed_when(s);

	return when != 0 ? S_add_months(when, session_review_months(s, t)) : 0;
}

/* "A", "A and B", "A, B and C" as a text node into parent. */
static void
S_names(cmark_node *parent, const char *const *names, size_t n)
{
	char *joined = join_words(names, n, "and");

	doc_text(parent, joined);
	free(joined);
}

/* What S_fill_emit() needs: the paragraph, and whose value it was. */
struct S_emit {
	cmark_node *para;
	const struct fill_chain *chain;	/* fn[0] is the region's facts */
};

static void
S_fill_emit(const char *s, size_t len, bool value, void *arg)
{
	struct S_emit *e = arg;
	char *text;

	if (len == 0)
		return;
	text = xstrndup(s, len);
	/* A region fact is the content's words, not the family's choice. */
	doc_text(value && e->chain->which != 0 ? doc_strong(e->para) : e->para,
	    text);
	free(text);
}

/*
 * Clause or promise text with {{blank}} markers filled. The template's
 * words and the values both go in as text nodes; a value is emphasised so
 * the family sees what they chose; {{region:NAME}} becomes the family's
 * region's fact (or its neutral wording). A marker we do not know stays
 * as words.
 */
static void
S_fill(cmark_node *para, const char *text, const struct session *s,
    const struct content *c, const struct template *t)
{
	struct region_markers rm = { c, s->region != NULL ?
	    content_region(c, s->region) : NULL };
	struct session_markers sm = { s, t };
	struct fill_chain ch = { 2, { region_marker, session_marker },
	    { &rm, &sm }, -1 };
	struct S_emit e = { para, &ch };

	(void)fill_walk(text, fill_chain, &ch, S_fill_emit, &e, NULL);
}

static void
S_talked(cmark_node *doc, const struct session *s, const struct content *c)
{
	const struct prompt **order = NULL;
	size_t n = session_prompts(s, c, &order), given = 0, later = 0;
	cmark_node *para, *list = NULL;

	/* Smaller on paper than the agreement itself (see the CSS). */
	doc = doc_div(doc, "conversation");
	doc_text(doc_heading(doc, 2), "What we talked about");
	for (size_t i = 0; i < n; i++) {
		const struct answer *a = session_answer(s, order[i]->id);

		if (a == NULL || a->state != ANSWER_GIVEN)
			continue;
		given++;
		doc_text(doc_heading(doc, 3), order[i]->question);
		if (a->child != NULL) {
			para = doc_paragraph(doc);
			doc_text(doc_strong(para), s->child != NULL ? s->child :
			    "Child");
			doc_text(para, ": ");
			doc_text(para, a->child);
		}
		if (a->grown_up != NULL) {
			para = doc_paragraph(doc);
			doc_text(doc_strong(para), s->n_grown_ups > 1 ?
			    "Grown-ups" : s->n_grown_ups == 1 ? s->grown_ups[0] :
			    "Grown-up");
			doc_text(para, ": ");
			doc_text(para, a->grown_up);
		}
	}
	if (given == 0)
		doc_text(doc_paragraph(doc), "We did not write down any answers "
		    "this time.");
	for (size_t i = 0; i < n; i++) {
		const struct answer *a = session_answer(s, order[i]->id);

		if (a == NULL || a->state != ANSWER_LATER)
			continue;
		if (later++ == 0) {
			doc_text(doc_paragraph(doc), "To talk about again later:");
			list = doc_list(doc, false);
		}
		doc_text(doc_paragraph(doc_item(list)), order[i]->question);
	}
	free(order);
}

static void
S_sections(cmark_node *doc, const struct session *s, const struct content *c,
    const struct template *t)
{
	for (size_t i = 0; i < t->n_sections; i++) {
		const struct section *sec = &t->sections[i];
		cmark_node *list = NULL;

		for (size_t j = 0; j < sec->n_clauses; j++) {
			if (!session_clause_on(s, &sec->clauses[j]))
				continue;
			if (list == NULL) {
				doc_text(doc_heading(doc, 2), sec->title);
				list = doc_list(doc, false);
			}
			S_fill(doc_paragraph(doc_item(list)), sec->clauses[j].text,
			    s, c, t);
		}
	}
}

static void
S_rules(cmark_node *doc, const struct session *s)
{
	cmark_node *list, *para;

	if (s->n_rules == 0)
		return;
	doc_text(doc_heading(doc, 2), "Our own rules");
	list = doc_list(doc, false);
	for (size_t i = 0; i < s->n_rules; i++) {
		para = doc_paragraph(doc_item(list));
		doc_text(para, s->rules[i].text);
		/* The space outside the emphasis keeps the Markdown plain. */
		doc_text(para, " ");
		doc_text(doc_emph(para), "(for ");
		doc_text(cmark_node_last_child(para),
		    binds_shown(s->rules[i].binds));
		doc_text(cmark_node_last_child(para), ")");
	}
}

static void
S_promises(cmark_node *doc, const struct session *s, const struct content *c,
    const struct template *t)
{
	cmark_node *list = NULL;

	for (size_t i = 0; i < t->n_promises; i++) {
		if (!session_promise_on(s, &t->promises[i]))
			continue;
		if (list == NULL) {
			doc_text(doc_heading(doc, 2), "What the grown-ups promise");
			list = doc_list(doc, false);
		}
		S_fill(doc_paragraph(doc_item(list)), t->promises[i].text, s,
		    c, t);
	}
}

static void
S_help(cmark_node *doc, const struct session *s, const struct content *c,
    const struct template *t)
{
	const struct region *r = s->region != NULL ?
	    content_region(c, s->region) : NULL;
	const struct resource **lines = NULL;
	size_t n = content_help_lines(c, r, t->band, &lines);
	cmark_node *list, *para;

	doc_text(doc_heading(doc, 2), "If something goes wrong");
	if (t->n_steps > 0) {
		list = doc_list(doc, true);
		for (size_t i = 0; i < t->n_steps; i++)
			S_fill(doc_paragraph(doc_item(list)), t->steps[i], s, c,
			    t);
	}
	if (n == 0) {
		free(lines);
		return;
	}
	doc = doc_div(doc, "help");
	para = doc_paragraph(doc);
	doc_text(para, "Help and reporting lines (");
	doc_text(para, r->name);
	doc_text(para, "):");
	list = doc_list(doc, false);
	for (size_t i = 0; i < n; i++) {
		const struct resource *x = lines[i];

		para = doc_paragraph(doc_item(list));
		doc_text(doc_strong(para), x->name);
		doc_text(para, " (");
		doc_text(para, resource_for_shown(x->kind));
		doc_text(para, "). ");
		doc_text(para, x->about);
		if (x->phone != NULL) {
			doc_text(para, " Phone ");
			doc_text(para, x->phone);
			doc_text(para, ".");
		}
		if (x->web != NULL) {
			/* An address as words: the page never links out. */
			doc_text(para, " Web: ");
			doc_text(para, x->web);
		}
	}
	free(lines);
}

/* One signer: their role, name as typed, date, and a line to sign on paper. */
static void
S_signer(cmark_node *div, enum role role, const char *who,
    const struct signature *sig)
{
	cmark_node *box = doc_div(div, "signature"), *para;
	char date[64];

	para = doc_paragraph(box);
	doc_text(doc_strong(para), role_shown(role));
	doc_text(para, ": ");
	doc_text(para, who);
	doc_text(para, "\n");
	if (sig != NULL) {
		S_date(sig->when, date, sizeof date);
		doc_text(para, "Signed in talkpact as ");
		doc_text(doc_strong(para), sig->name);
		doc_text(para, " on ");
		doc_text(para, date);
	} else
		doc_text(para, "Not signed yet");
	para = doc_paragraph(doc_div(box, "sign-here"));
	doc_text(para, "Signed by hand: ______________________");
}

static void
S_signatures(cmark_node *doc, const struct session *s,
    const struct template *t)
{
	cmark_node *div;
	bool child = false, grown = false;

	for (size_t i = 0; i < t->n_signatures; i++) {
		child |= t->signatures[i] == ROLE_CHILD;
		grown |= t->signatures[i] == ROLE_GROWN_UP;
	}
	doc_text(doc_heading(doc, 2), "Signatures");
	div = doc_div(doc, "signatures");
	if (child)
		S_signer(div, ROLE_CHILD, s->child != NULL ? s->child : "",
		    session_signature(s, ROLE_CHILD, 0));
	for (size_t g = 0; grown && g < s->n_grown_ups; g++)
		S_signer(div, ROLE_GROWN_UP, s->grown_ups[g],
		    session_signature(s, ROLE_GROWN_UP, g));
}

/* The "Signed on ... by ..." paragraph of the fingerprint block. */
static void
S_signed_para(cmark_node *parent, const struct session *s, time_t now)
{
	cmark_node *para = doc_paragraph(parent);
	time_t when = S_signed_when(s);
	const char **names;
	char date[64];
	size_t n = 0;

	if (when == 0) {
		S_date(now, date, sizeof date);
		doc_text(para, "Not signed yet; made on ");
		doc_text(para, date);
		doc_text(para, ".");
		return;
	}
	names = xreallocarray(NULL, s->n_signatures + 1, sizeof *names);
	for (size_t i = 0; i < s->n_signatures; i++)
		names[n++] = s->signatures[i].name;
	S_date(when, date, sizeof date);
	doc_text(para, S_SIGNED_LABEL " ");
	doc_text(para, date);
	doc_text(para, " by ");
	S_names(para, names, n);
	doc_text(para, ".");
	free(names);
}

/*
 * The fingerprint block after its "Signed on" paragraph: the fingerprint
 * line, the section checks and the note. verify builds it again from what
 * it computed and compares, so no character of it can change unseen.
 */
static char *S_plain_text(const char *md);

static void
S_fp_tail(cmark_node *doc, const char fp[FINGERPRINT_HEX + 1],
    const struct fingerprint_sections *secs,
    const char sig_hex[FINGERPRINT_HEX + 1])
{
	cmark_node *list, *para;
	char *groups, *line;

	groups = fingerprint_groups(fp, FINGERPRINT_SHOWN);
	line = xasprintf(S_FP_LINE "%s", groups);
	doc_text(doc_paragraph(doc), line);
	free(line);
	free(groups);
	doc_text(doc_paragraph(doc), S_CHECKS_LINE);
	list = doc_list(doc, false);
	for (size_t i = 0; i < secs->n; i++) {
		groups = fingerprint_groups(secs->items[i].hex,
		    FINGERPRINT_SECTION_SHOWN);
		para = doc_paragraph(doc_item(list));
		if (i == 0 && secs->items[i].heading[0] == '\0')
			doc_text(para, "Title");
		else {
			char *h = S_plain_text(secs->items[i].heading);

			doc_text(para, h);
			free(h);
		}
		doc_text(para, ": ");
		doc_text(para, groups);
		free(groups);
	}
	{
		groups = fingerprint_groups(sig_hex, FINGERPRINT_SECTION_SHOWN);
		para = doc_paragraph(doc_item(list));
		doc_text(para, S_SIGNED_CHECK ": ");
		doc_text(para, groups);
		free(groups);
	}
	doc_text(doc_paragraph(doc), "The first 32 of the 64 hex digits of a "
	    "SHA-256 of the words above. Check them with: talkpact verify "
	    "FILE.md");
}

/* Everything above the fingerprint block. */
static cmark_node *
S_body(const struct session *s, const struct content *c,
    const struct template *t, time_t now)
{
	cmark_node *doc = doc_new(), *h, *para;
	time_t when = S_signed_when(s), review;
	char date[64];
	int months = session_review_months(s, t);

	h = doc_heading(doc, 1);
	doc_text(h, t->title);
	if (s->child != NULL) {
		doc_text(h, " for ");
		doc_text(h, s->child);
	}
	para = doc_paragraph(doc);
	S_date(when != 0 ? when : now, date, sizeof date);
	if (s->child != NULL) {
		doc_text(para, s->child);
		if (s->age > 0) {
			char age[32];

			snprintf(age, sizeof age, " (%d)", s->age);
			doc_text(para, age);
		}
		if (s->n_grown_ups > 0)
			doc_text(para, " with ");
	}
	S_names(para, (const char *const *)s->grown_ups, s->n_grown_ups);
	doc_text(para, when != 0 ? ", agreed on " : ", a draft of ");
	doc_text(para, date);
	doc_text(para, ".");
	if (when == 0)
		doc_text(doc_emph(doc_paragraph(doc)), "Not signed yet.");

	S_talked(doc, s, c);
	S_sections(doc, s, c, t);
	S_rules(doc, s);
	S_promises(doc, s, c, t);
	S_help(doc, s, c, t);

	doc_text(doc_heading(doc, 2), "When we look at this again");
	review = S_add_months(when != 0 ? when : now, months);
	S_date(review, date, sizeof date);
	para = doc_paragraph(doc);
	snprintf(date + strlen(date), sizeof date - strlen(date), ".");
	{
		char *line = xasprintf("We will look at this agreement again "
		    "together in %d month%s, by ", months, months == 1 ? "" : "s");

		doc_text(para, line);
		free(line);
	}
	doc_text(para, date);

	S_signatures(doc, s, t);
	return doc;
}

static char *S_plain_text(const char *md);

struct cmark_node *
agreement_build(const struct session *s, const struct content *c, time_t now,
    char fp_out[FINGERPRINT_HEX + 1], char **cause)
{
	const struct template *t = session_template(s, c);
	struct fingerprint_sections secs;
	cmark_node *doc, *sig;
	char *body_md, *sig_md, fp[FINGERPRINT_HEX + 1];
	char sig_hex[FINGERPRINT_HEX + 1];

	if (t == NULL) {
		*cause = xasprintf("the agreement for this session (%s) is not "
		    "loaded", s->template_id != NULL ? s->template_id :
		    "no template");
		return NULL;
	}
	doc = S_body(s, c, t, now);
	body_md = render_markdown(doc);

	/* The signed paragraph, rendered alone exactly as it will appear. */
	sig = doc_new();
	S_signed_para(sig, s, now);
	sig_md = render_markdown(sig);
	cmark_node_free(sig);

	fingerprint_agreement(body_md, strlen(body_md), sig_md, strlen(sig_md),
	    fp, &secs, sig_hex);

	doc = doc_div(doc, "fingerprint");
	doc_text(doc_heading(doc, 2), S_FP_HEADING);
	S_signed_para(doc, s, now);
	S_fp_tail(doc, fp, &secs, sig_hex);
	fingerprint_sections_cleanup(&secs);
	free(body_md);
	free(sig_md);
	if (fp_out != NULL)
		memcpy(fp_out, fp, sizeof fp);
	return cmark_node_parent(doc);
}

/*
 * Print layout: the agreement at 12pt, the conversation and the
 * fingerprint smaller, signatures side by side with room to sign, and no
 * clause or signature split across pages. The page takes the printer's
 * paper (A4 or Letter): the margins suit both.
 */
static const char S_agreement_css[] =
    ".conversation { font-size: .85em; }\n"
    ".conversation h3 { font-size: 1em; margin: .8em 0 .1em; }\n"
    ".conversation p { margin: .1em 0 .3em; }\n"
    ".help { font-size: .85em; }\n"
    ".signatures { display: flex; flex-wrap: wrap; gap: 0 1.5em; }\n"
    ".signature { flex: 1 1 14em; margin: .4em 0 .8em; break-inside: avoid;"
    " page-break-inside: avoid; }\n"
    ".signature p { margin: .2em 0; }\n"
    ".signature { font-size: .9em; }\n"
    ".sign-here p { margin-top: 1.2em; }\n"
    ".fingerprint { font-size: .7em; }\n"
    ".fingerprint h2 { font-size: 1.2em; margin-top: .4em; }\n"
    ".fingerprint p { margin: .1em 0; }\n"
    ".fingerprint ul { columns: 2; margin: .2em 0; }\n"
    ".fingerprint li { margin: 0; }\n"
    "footer { font-family: \"DejaVu Sans Mono\", monospace; }\n"
    "@page { margin: 12mm 14mm; }\n"
    "@media print {\n"
    "  html { line-height: 1.25; }\n"
    "  h1 { font-size: 1.6em; margin-bottom: .3em; }\n"
    "  h2 { font-size: 1.2em; margin: .6em 0 .15em; }\n"
    "  p { margin: .25em 0 .4em; }\n"
    "  li { margin: 0; line-height: 1.2; }\n"
    "  ul, ol { margin: .2em 0; }\n"
    "  footer { position: fixed; bottom: 0; left: 0; right: 0;"
    " margin: 0; padding-top: .2em; background: #fff; font-size: 8pt; }\n"
    "  main { margin-bottom: 1.5em; }\n"
    "}\n";

int
agreement_render(const struct session *s, const struct content *c, time_t now,
    enum render_format fmt, char **out, char **cause)
{
	char fp[FINGERPRINT_HEX + 1], *groups, *title, *footer;
	cmark_node *doc = agreement_build(s, c, now, fp, cause);
	const struct template *t;

	if (doc == NULL)
		return -1;
	switch (fmt) {
	case RENDER_MD:
		*out = render_markdown(doc);
		break;
	case RENDER_TXT:
		*out = render_text(doc, RENDER_TEXT_WIDTH);
		break;
	case RENDER_HTML:
	default:
		t = session_template(s, c);
		groups = fingerprint_groups(fp, FINGERPRINT_SHOWN);
		title = s->child != NULL ? xasprintf("%s for %s", t->title,
		    s->child) : xstrdup(t->title);
		footer = xasprintf("Fingerprint %s", groups);
		*out = render_html_page(doc, &(struct render_page){
		    .title = title, .footer = footer, .css = S_agreement_css,
		    .lang = "en-GB" });
		free(title);
		free(footer);
		free(groups);
		break;
	}
	cmark_node_free(doc);
	return 0;
}

int
agreement_lines(const struct session *s, const struct content *c, time_t now,
    int width, struct render_lines *out, char **cause)
{
	cmark_node *doc = agreement_build(s, c, now, NULL, cause);

	if (doc == NULL)
		return -1;
	render_lines(doc, width, width_screen, out);
	cmark_node_free(doc);
	return 0;
}

int
agreement_fingerprint(const struct session *s, const struct content *c,
    time_t now, char fp[FINGERPRINT_HEX + 1], char **cause)
{
	cmark_node *doc = agreement_build(s, c, now, fp, cause);

	if (doc == NULL)
		return -1;
	cmark_node_free(doc);
	return 0;
}

char *
agreement_file_stem(const struct session *s, time_t now)
{
	char slug[32], date[16];
	time_t when = S_signed_when(s);
	size_t n = name_slug(s->child, slug, sizeof slug);
	struct tm tm;

	when = when != 0 ? when : now;
	if (localtime_r(&when, &tm) == NULL ||
	    strftime(date, sizeof date, "%Y-%m-%d", &tm) == 0)
		strcpy(date, "undated");
	return xasprintf("agreement-%s-%s", n > 0 ? slug : "family", date);
}

/* ---- verify ------------------------------------------------------------ */

static void
S_change(struct agreement_check *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
S_change(struct agreement_check *c, const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	c->changes = xgrow(c->changes, &c->cap_changes, c->n_changes,
	    sizeof *c->changes);
	c->changes[c->n_changes++] = xstrdup(buf);
}

/* The literal text of Markdown source (one paragraph), via cmark. */
static char *
S_plain_text(const char *md)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t len = 0, cap = 64;
	char *out = xmalloc(cap);

	out[0] = '\0';
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit = NULL;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			lit = " ";
			break;
		default:
			break;
		}
		if (lit == NULL)
			continue;
		while (len + strlen(lit) + 1 > cap)
			cap *= 2;
		out = xreallocarray(out, cap, 1);
		memcpy(out + len, lit, strlen(lit) + 1);
		len += strlen(lit);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return out;
}

/* Start of the line that is exactly "## Fingerprint" (the last one). */
static const char *
S_find_fp(const char *canon)
{
	const char *p = canon, *found = NULL;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');

		if (strncmp(p, "## " S_FP_HEADING "\n", sizeof("## " S_FP_HEADING)) == 0)
			found = p;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return found;
}

void
agreement_verify(const char *md, size_t len, struct agreement_check *out)
{
	char *canon = fingerprint_canonical(md, len), *body = NULL, *sig = NULL;
	char fp_file[FINGERPRINT_HEX + 1] = "", fp[FINGERPRINT_HEX + 1];
	char sig_hex[FINGERPRINT_HEX + 1];
	char checks[64][FINGERPRINT_SECTION_SHOWN + 1];
	const char *block, *p, *sig_start = NULL, *sig_end = NULL;
	const char *fp_line = NULL;
	struct fingerprint_sections secs = { NULL, 0, 0 };
	size_t n_checks = 0, nd;
	bool in_checks = false, ok = true;

	memset(out, 0, sizeof *out);
	out->verdict = AGREEMENT_NOT_AGREEMENT;
	/* An agreement is UTF-8 text: no NUL, nothing invalid. */
	if (!utf8_valid(md, len, NULL))
		goto done;
	if ((block = S_find_fp(canon)) == NULL)
		goto done;
	/* Walk the block's lines. */
	p = strchr(block, '\n') + 1;
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		char *raw = xstrndup(p, (size_t)(nl - p));
		/* Compare what the lines say, not how Markdown escaped it. */
		char *line = S_plain_text(raw);

		if (strncmp(line, S_FP_LINE, strlen(S_FP_LINE)) == 0) {
			if (fp_line == NULL)
				fp_line = p;
			nd = fingerprint_parse_hex(line + strlen(S_FP_LINE),
			    fp_file, FINGERPRINT_SHOWN);
			if (nd != FINGERPRINT_SHOWN)
				fp_file[0] = '\0';
		} else if (strcmp(line, S_CHECKS_LINE) == 0) {
			in_checks = true;
		} else if (in_checks && (raw[0] == '-' || raw[0] == '*') &&
		    raw[1] == ' ') {
			const char *colon = strrchr(line, ':');

			if (n_checks < 64) {
				if (colon == NULL || fingerprint_parse_hex(colon + 1,
				    checks[n_checks], FINGERPRINT_SECTION_SHOWN) !=
				    FINGERPRINT_SECTION_SHOWN)
					checks[n_checks][0] = '\0';
				n_checks++;
			}
		} else if (in_checks && raw[0] != '\0')
			in_checks = false;
		else if (fp_file[0] == '\0' && n_checks == 0 && raw[0] != '\0') {
			if (sig_start == NULL)
				sig_start = p;
			sig_end = nl + 1;
		}
		free(line);
		free(raw);
		p = nl + 1;
	}
	if (fp_file[0] == '\0' || sig_start == NULL)
		goto done;

	out->verdict = AGREEMENT_UNCHANGED;
	body = xstrndup(canon, (size_t)(block - canon));
	sig = xstrndup(sig_start, (size_t)(sig_end - sig_start));
	{
		char *plain = S_plain_text(sig);
		size_t pl = strlen(plain);

		if (pl > 0 && plain[pl - 1] == '.')
			plain[--pl] = '\0';
		if (strncmp(plain, S_SIGNED_LABEL " ", strlen(S_SIGNED_LABEL) + 1) == 0) {
			out->is_signed = true;
			out->signed_text = xstrdup(plain + strlen(S_SIGNED_LABEL) + 1);
		} else
			out->signed_text = xstrdup(plain);
		free(plain);
	}
	fingerprint_agreement(body, strlen(body), sig, strlen(sig), fp, &secs,
	    sig_hex);

	if (n_checks != secs.n + 1) {
		S_change(out, "sections were added or removed: the agreement "
		    "has %zu, its fingerprint lists %zu", secs.n,
		    n_checks > 0 ? n_checks - 1 : 0);
		ok = false;
	} else {
		if (strncmp(sig_hex, checks[secs.n], FINGERPRINT_SECTION_SHOWN) != 0) {
			S_change(out, "the \"Signed on\" line changed (its date "
			    "or names)");
			ok = false;
		}
		for (size_t i = 0; i < secs.n; i++) {
			if (strncmp(secs.items[i].hex, checks[i],
			    FINGERPRINT_SECTION_SHOWN) == 0)
				continue;
			ok = false;
			if (i == 0 && secs.items[i].heading[0] == '\0')
				S_change(out, "the title changed");
			else {
				char *h = S_plain_text(secs.items[i].heading);

				S_change(out, "the section \"%s\" changed", h);
				free(h);
			}
		}
	}
	if (strncmp(fp, fp_file, FINGERPRINT_SHOWN) != 0) {
		if (ok)
			S_change(out, "the fingerprint line changed");
		ok = false;
	}
	if (ok) {
		/* Everything after the "Signed on" paragraph, exactly. */
		cmark_node *tail = doc_new();
		char *md_tail, *want;

		S_fp_tail(tail, fp, &secs, sig_hex);
		md_tail = render_markdown(tail);
		want = fingerprint_canonical(md_tail, strlen(md_tail));
		if (fp_line == NULL || strcmp(fp_line, want) != 0) {
			S_change(out, "the fingerprint block changed (its "
			    "checks or its note)");
			ok = false;
		}
		free(want);
		free(md_tail);
		cmark_node_free(tail);
	}
	if (!ok)
		out->verdict = AGREEMENT_CHANGED;
done:
	fingerprint_sections_cleanup(&secs);
	free(body);
	free(sig);
	free(canon);
}

void
agreement_check_cleanup(struct agreement_check *c)
{
	free(c->signed_text);
	for (size_t i = 0; i < c->n_changes; i++)
		free(c->changes[i]);
	free(c->changes);
	memset(c, 0, sizeof *c);
}
