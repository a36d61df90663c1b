/*
 * bench_render.c: the rendering figure. Builds a large agreement (the
 * 14-17 template with every clause on, long answers in both voices to
 * every prompt, signed), then times, in the same run:
 *   ours:  agreement_render_with(HTML, with the conversation record) -
 *          tree building, fingerprint and page;
 *   floor: libcmark parsing the same agreement's Markdown (with the record)
 *          and rendering it
 *          to HTML, which is all a Markdown-to-HTML program could do.
 * The two sides alternate, round by round (ABAB...), each round timing
 * REPEAT renderings of each in CPU time. Prints each side's median, and
 * the ratio's median and spread (min and max over the rounds).
 *
 *   bench_render TOP_SRCDIR [REPEAT [ours|floor]]
 *
 * With ours or floor, runs only that side REPEAT times and prints nothing
 * but its name: for counting each side's instructions under callgrind.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmark.h>

#include "agreement.h"
#include "content.h"
#include "diag.h"
#include "session.h"
#include "util.h"

#define ROUNDS 15

/*
 * With the conversation record: the long answers in both voices are the
 * text this benchmark is about (the pact alone is a page of fixed text).
 */
static const struct agreement_options S_opts = { .record = true };

static double
S_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
S_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
S_apply(struct session *s, const struct content *c, struct action *a)
{
	char *cause = NULL;

	if (session_apply(s, c, a, (time_t)1795961520, &cause) != 0) {
		fprintf(stderr, "bench_render: %s\n", cause ? cause : "action refused");
		exit(70);
	}
}

int
main(int argc, char **argv)
{
	struct content c;
	struct diag_list d;
	struct session s;
	const struct template *t;
	const struct prompt **order;
	size_t n;
	int repeat = argc > 2 ? atoi(argv[2]) : 20;
	double ours[ROUNDS], floor_[ROUNDS], ratio[ROUNDS];
	char *md = NULL, *cause = NULL, *long_child, *long_grown;
	time_t now = 1796000000;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_render TOP_SRCDIR [REPEAT]\n");
		return 64;
	}
	content_init(&c);
	diag_list_init(&d);
	{
		char *p = xasprintf("%s/prompts", argv[1]);
		char *a = xasprintf("%s/agreements", argv[1]);

		content_load_path(&c, p, &d);
		content_load_path(&c, a, &d);
		free(p);
		free(a);
	}
	if (d.n_errors) {
		fprintf(stderr, "bench_render: content did not load\n");
		return 65;
	}
	session_init(&s);
	long_child = xmalloc(2048);
	long_grown = xmalloc(2048);
	long_child[0] = long_grown[0] = '\0';
	for (int i = 0; i < 14; i++) {
		strcat(long_child, "I think we should always ask first, because it's kind. ");
		strcat(long_grown, "We agree, and we will remind each other without shouting. ");
	}
	S_apply(&s, &c, &(struct action){ .kind = ACTION_SET_CHILD, .text = "Sam" });
	S_apply(&s, &c, &(struct action){ .kind = ACTION_SET_AGE, .number = 15 });
	S_apply(&s, &c, &(struct action){ .kind = ACTION_SET_GROWN_UP, .index = 0, .text = "Alex" });
	S_apply(&s, &c, &(struct action){ .kind = ACTION_SET_GROWN_UP, .index = 1, .text = "Jo" });
	S_apply(&s, &c, &(struct action){ .kind = ACTION_SET_REGION, .id = "UK" });
	S_apply(&s, &c, &(struct action){ .kind = ACTION_START_TALKING });
	n = session_prompts(&s, &c, &order);
	for (size_t i = 0; i < n; i++)
		S_apply(&s, &c, &(struct action){ .kind = ACTION_ANSWER,
		    .id = order[i]->id, .text = long_child, .text2 = long_grown });
	free(order);
	S_apply(&s, &c, &(struct action){ .kind = ACTION_START_AGREEING });
	t = session_template(&s, &c);
	for (size_t i = 0; i < t->n_sections; i++)
		for (size_t k = 0; k < t->sections[i].n_clauses; k++)
			S_apply(&s, &c, &(struct action){ .kind = ACTION_SET_CLAUSE,
			    .id = t->sections[i].clauses[k].id, .flag = true });
	for (int i = 0; i < 5; i++)
		S_apply(&s, &c, &(struct action){ .kind = ACTION_ADD_RULE,
		    .text = long_grown, .number = BINDS_EVERYONE });
	S_apply(&s, &c, &(struct action){ .kind = ACTION_START_SIGNING });
	S_apply(&s, &c, &(struct action){ .kind = ACTION_SIGN, .number = ROLE_CHILD,
	    .text = "Sam", .when = now });
	S_apply(&s, &c, &(struct action){ .kind = ACTION_SIGN, .number = ROLE_GROWN_UP,
	    .index = 0, .text = "Alex", .when = now });
	S_apply(&s, &c, &(struct action){ .kind = ACTION_SIGN, .number = ROLE_GROWN_UP,
	    .index = 1, .text = "Jo", .when = now });

	if (agreement_render_with(&s, &c, now, RENDER_MD, &S_opts, &md, &cause) != 0) {
		fprintf(stderr, "bench_render: %s\n", cause);
		return 70;
	}
	if (argc > 3) {
		bool ours_only = strcmp(argv[3], "ours") == 0;

		for (int i = 0; i < repeat; i++) {
			char *html = NULL;

			if (ours_only) {
				if (agreement_render_with(&s, &c, now,
				    RENDER_HTML, &S_opts, &html, &cause) != 0)
					return 70;
			} else {
				cmark_node *doc = cmark_parse_document(md,
				    strlen(md), CMARK_OPT_DEFAULT);

				html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
				cmark_node_free(doc);
			}
			free(html);
		}
		printf("%s\n", argv[3]);
		goto out;
	}
	for (int r = 0; r < ROUNDS; r++) {
		double t0 = S_now();

		for (int i = 0; i < repeat; i++) {
			char *html = NULL;

			if (agreement_render_with(&s, &c, now, RENDER_HTML,
			    &S_opts, &html, &cause) != 0)
				return 70;
			free(html);
		}
		ours[r] = (S_now() - t0) / repeat;
		t0 = S_now();
		for (int i = 0; i < repeat; i++) {
			cmark_node *doc = cmark_parse_document(md, strlen(md),
			    CMARK_OPT_DEFAULT);
			char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT);

			free(html);
			cmark_node_free(doc);
		}
		floor_[r] = (S_now() - t0) / repeat;
		ratio[r] = ours[r] / floor_[r];
	}
	qsort(ours, ROUNDS, sizeof ours[0], S_cmp);
	qsort(floor_, ROUNDS, sizeof floor_[0], S_cmp);
	qsort(ratio, ROUNDS, sizeof ratio[0], S_cmp);
	printf("bytes=%zu ours_ms=%.3f floor_ms=%.3f ratio=%.2f ratio_min=%.2f "
	    "ratio_max=%.2f rounds=%d\n", strlen(md), ours[ROUNDS / 2],
	    floor_[ROUNDS / 2], ratio[ROUNDS / 2], ratio[0], ratio[ROUNDS - 1],
	    ROUNDS);
out:
	free(md);
	free(long_child);
	free(long_grown);
	session_cleanup(&s);
	content_cleanup(&c);
	diag_list_cleanup(&d);
	return 0;
}
