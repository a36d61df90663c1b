/*
 * plain.c: plain mode: the TUI's flow as numbered line prompts on one
 * stream and answers read line by line from another, for screen readers,
 * braille displays and scripts. Lines starting with '/' are commands
 * (/skip /later /back /tip /quit /help). End of input stops cleanly;
 * every confirmed answer is already saved. No curses.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blank.h"
#include "cli.h"
#include "flow.h"
#include "render.h"
#include "tui.h"
#include "util.h"

enum step { STEP_NEXT, STEP_BACK, STEP_QUIT, STEP_EOF };

struct plain {
	FILE *in, *out;
	struct flow flow;
	char *line;
	size_t cap;
};

static const char S_help[] =
    "Type your answer and press Enter. Commands start with '/':\n"
    "  /skip   skip this question        /later  talk about it again later\n"
    "  /back   go back a step            /tip    the grown-up's tip\n"
    "  /quit   stop here (everything is saved)\n"
    "An empty line keeps what is shown in [brackets].\n";

/* Read one line without its newline; NULL at end of input. */
static const char *
S_read(struct plain *p, const char *prompt)
{
	ssize_t n;

	fputs(prompt, p->out);
	fflush(p->out);
	n = getline(&p->line, &p->cap, p->in);
	if (n < 0) {
		fputc('\n', p->out);
		return NULL;
	}
	while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
		p->line[--n] = '\0';
	return p->line;
}

/* A command line: returns its step, or -1 if the line is not a command. */
static int
S_command(struct plain *p, const char *l)
{
	if (strcmp(l, "/quit") == 0)
		return STEP_QUIT;
	if (strcmp(l, "/back") == 0)
		return STEP_BACK;
	if (strcmp(l, "/help") == 0) {
		fputs(S_help, p->out);
		return STEP_NEXT;
	}
	return -1;
}

static bool
S_apply(struct plain *p, const struct action *a)
{
	char *cause = NULL;

	if (flow_apply(&p->flow, a, &cause) != 0) {
		fprintf(p->out, "! %s\n", cause);
		free(cause);
		return false;
	}
	return true;
}

static enum step
S_family(struct plain *p)
{
	struct session *s = &p->flow.s;
	const char *l;
	char prompt[256];
	int cmd;

	fputs("\n== Who is talking ==\n", p->out);
	for (;;) {		/* child's name */
		struct action a = { .kind = ACTION_SET_CHILD };

		snprintf(prompt, sizeof prompt, "1. Child's first name%s%s%s: ",
		    s->child ? " [" : "", s->child ? s->child : "", s->child ? "]" : "");
		if ((l = S_read(p, prompt)) == NULL)
			return STEP_EOF;
		if ((cmd = S_command(p, l)) == STEP_QUIT || cmd == STEP_BACK)
			return (enum step)cmd;
		if (cmd >= 0 || (*l == '\0' && s->child == NULL))
			continue;
		if (*l == '\0')
			break;
		a.text = l;
		if (S_apply(p, &a))
			break;
	}
	for (;;) {		/* age */
		struct action a = { .kind = ACTION_SET_AGE };
		char *end;

		if (s->age > 0)
			snprintf(prompt, sizeof prompt, "2. Age, 4 to 17 [%d]: ", s->age);
		else
			snprintf(prompt, sizeof prompt, "2. Age, 4 to 17: ");
		if ((l = S_read(p, prompt)) == NULL)
			return STEP_EOF;
		if ((cmd = S_command(p, l)) == STEP_QUIT || cmd == STEP_BACK)
			return (enum step)cmd;
		if (cmd >= 0 || (*l == '\0' && s->age == 0))
			continue;
		if (*l == '\0')
			break;
		a.number = strtol(l, &end, 10);
		if (*end != '\0') {
			fputs("! The age is a number from 4 to 17.\n", p->out);
			continue;
		}
		if (S_apply(p, &a))
			break;
	}
	for (;;) {		/* band */
		struct action a = { .kind = ACTION_SET_BAND };
		int b;

		snprintf(prompt, sizeof prompt, "3. Questions for ages (4-7, 8-10, "
		    "11-13, 14-17) [%s]: ", band_name(s->band));
		if ((l = S_read(p, prompt)) == NULL)
			return STEP_EOF;
		if ((cmd = S_command(p, l)) == STEP_QUIT || cmd == STEP_BACK)
			return (enum step)cmd;
		if (cmd >= 0)
			continue;
		if (*l == '\0')
			break;
		if ((b = band_from_name(l)) < 0) {
			fputs("! Type one of 4-7, 8-10, 11-13 or 14-17.\n", p->out);
			continue;
		}
		a.number = b;
		if (S_apply(p, &a))
			break;
	}
	for (size_t i = 0; i < SESSION_MAX_GROWN_UPS; i++) {	/* grown-ups */
		struct action a = { .kind = ACTION_SET_GROWN_UP, .index = i };
		const char *cur = i < s->n_grown_ups ? s->grown_ups[i] : NULL;

		snprintf(prompt, sizeof prompt, "%zu. %s%s%s%s: ", 4 + i,
		    i == 0 ? "Grown-up's name" : "Another grown-up's name (Enter for none)",
		    cur ? " [" : "", cur ? cur : "", cur ? "]" : "");
		if ((l = S_read(p, prompt)) == NULL)
			return STEP_EOF;
		if ((cmd = S_command(p, l)) == STEP_QUIT || cmd == STEP_BACK)
			return (enum step)cmd;
		if (cmd >= 0 || (*l == '\0' && i == 0 && cur == NULL)) {
			i--;
			continue;
		}
		if (*l == '\0') {
			if (cur == NULL)
				break;
			continue;
		}
		a.text = l;
		if (!S_apply(p, &a))
			i--;
	}
	if (p->flow.c->n_regions > 0) {
		fputs("7. Help lines for your country:", p->out);
		for (size_t i = 0; i < p->flow.c->n_regions; i++)
			fprintf(p->out, " %s (%s)%s", p->flow.c->regions[i].code,
			    p->flow.c->regions[i].name,
			    i + 1 < p->flow.c->n_regions ? "," : "\n");
		for (;;) {
			struct action a = { .kind = ACTION_SET_REGION };

			snprintf(prompt, sizeof prompt, "   Region code [%s]: ",
			    s->region ? s->region : "none");
			if ((l = S_read(p, prompt)) == NULL)
				return STEP_EOF;
			if ((cmd = S_command(p, l)) == STEP_QUIT || cmd == STEP_BACK)
				return (enum step)cmd;
			if (cmd >= 0)
				continue;
			if (*l == '\0')
				break;
			a.id = l;
			if (S_apply(p, &a))
				break;
		}
	}
	{
		struct action a = { .kind = ACTION_START_TALKING };

		if (!S_apply(p, &a))
			return STEP_BACK;
	}
	return STEP_NEXT;
}

static enum step
S_talk(struct plain *p)
{
	struct session *s = &p->flow.s;
	const struct prompt *pr;
	const char *l;

	fputs("\n== Talking together ==\n", p->out);
	while ((pr = flow_current(&p->flow)) != NULL) {
		size_t pos = s->position;
		char *child = NULL;
		int cmd;
		struct action a = { 0 };

		fprintf(p->out, "\n[%s \xc2\xb7 %zu of %zu]\n%s%s\n",
		    topic_title(pr->topic), pos + 1, p->flow.n_prompts,
		    pr->scenario ? "What would you do? " : "", pr->question);
		for (int voice = 0; voice < 2; voice++) {
			char prompt[160];

			snprintf(prompt, sizeof prompt, "%s's words: ", voice == 0 ?
			    (s->child ? s->child : "The child") :
			    (s->n_grown_ups == 1 ? s->grown_ups[0] : "The grown-ups"));
			if ((l = S_read(p, prompt)) == NULL) {
				free(child);
				return STEP_EOF;
			}
			if (strcmp(l, "/tip") == 0) {
				fprintf(p->out, "Tip: %s\n", pr->tip);
				for (size_t i = 0; i < pr->n_follow_ups; i++)
					fprintf(p->out, "Then ask: %s\n", pr->follow_ups[i]);
				voice--;
				continue;
			}
			if (strcmp(l, "/skip") == 0 || strcmp(l, "/later") == 0) {
				a.kind = l[1] == 's' ? ACTION_SKIP : ACTION_LATER;
				break;
			}
			if ((cmd = S_command(p, l)) >= 0) {
				if (cmd == STEP_NEXT) {
					voice--;
					continue;
				}
				free(child);
				if (cmd == STEP_QUIT)
					return STEP_QUIT;
				if (pos == 0) {
					struct action b = { .kind = ACTION_BACK };

					return S_apply(p, &b) ? STEP_BACK : STEP_NEXT;
				}
				a.kind = ACTION_GOTO;
				a.number = (long)pos - 1;
				break;
			}
			if (voice == 0)
				child = xstrdup(l);
			else {
				a.kind = ACTION_ANSWER;
				a.text = *child != '\0' ? child : NULL;
				a.text2 = *l != '\0' ? l : NULL;
				if (a.text == NULL && a.text2 == NULL) {
					fputs("! Nothing typed: type an answer, or /skip "
					    "or /later.\n", p->out);
					free(child);
					child = NULL;
					voice = -1;
					a.kind = 0;
				}
			}
		}
		a.id = pr->id;
		if (!S_apply(p, &a)) {
			free(child);
			continue;
		}
		free(child);
	}
	{
		struct action a = { .kind = ACTION_START_AGREEING };

		if (s->stage == STAGE_TALKING && !S_apply(p, &a))
			return STEP_QUIT;
	}
	return STEP_NEXT;
}

/* A yes/no question with a default. Returns 1, 0, or -1 at end of input, -2 quit. */
static int
S_yes_no(struct plain *p, const char *q, bool def)
{
	char prompt[1024];
	const char *l;

	snprintf(prompt, sizeof prompt, "%s [%s]: ", q, def ? "Y/n" : "y/N");
	for (;;) {
		if ((l = S_read(p, prompt)) == NULL)
			return -1;
		if (strcmp(l, "/quit") == 0)
			return -2;
		if (*l == '\0')
			return def;
		if (strchr("yY", l[0]) != NULL)
			return 1;
		if (strchr("nN", l[0]) != NULL)
			return 0;
		fputs("! Type y or n.\n", p->out);
	}
}

static enum step
S_agree(struct plain *p)
{
	const struct template *t = flow_template(&p->flow);
	const char *l;
	int n = 1;

	if (t == NULL) {
		fputs("! This session's agreement template is not loaded.\n", p->out);
		return STEP_QUIT;
	}
	fprintf(p->out, "\n== Choosing the agreement: %s ==\n", t->title);
	for (size_t i = 0; i < t->n_blanks; i++) {
		const struct blank *b = &t->blanks[i];

		for (;;) {
			struct action a = { .kind = ACTION_SET_BLANK, .id = b->id };
			const char *cur = session_blank(&p->flow.s, b);
			char prompt[512], *msg;

			if (b->kind == BLANK_CHOICE) {
				fprintf(p->out, "%d. %s:", n, b->label);
				for (size_t k = 0; k < b->n_choices; k++)
					fprintf(p->out, " %zu) %s", k + 1, b->choices[k]);
				fputc('\n', p->out);
				snprintf(prompt, sizeof prompt, "   Choice [%s]: ",
				    cur ? cur : "");
			} else
				snprintf(prompt, sizeof prompt, "%d. %s [%s]: ", n,
				    b->label, cur ? cur : "");
			if ((l = S_read(p, prompt)) == NULL)
				return STEP_EOF;
			if (strcmp(l, "/quit") == 0)
				return STEP_QUIT;
			if (*l == '\0')
				break;
			if (b->kind == BLANK_CHOICE) {
				long k = strtol(l, NULL, 10);

				if (k >= 1 && (size_t)k <= b->n_choices)
					l = b->choices[k - 1];
			}
			if (blank_parse(b, l, false, NULL, &msg) != 0) {
				fprintf(p->out, "! %s\n", msg);
				free(msg);
				continue;
			}
			a.text = l;
			if (S_apply(p, &a))
				break;
		}
		n++;
	}
	for (size_t sct = 0; sct < t->n_sections; sct++) {
		fprintf(p->out, "\n-- %s --\n", t->sections[sct].title);
		for (size_t i = 0; i < t->sections[sct].n_clauses; i++) {
			const struct clause *cl = &t->sections[sct].clauses[i];
			char *text = flow_clause_text(&p->flow, cl);
			char *q = xasprintf("%d. Include: %s", n++, text);
			int yn = S_yes_no(p, q, session_clause_on(&p->flow.s, cl));
			struct action a = { .kind = ACTION_SET_CLAUSE, .id = cl->id };

			free(q);
			free(text);
			if (yn < 0)
				return yn == -1 ? STEP_EOF : STEP_QUIT;
			a.flag = yn == 1;
			if (a.flag != session_clause_on(&p->flow.s, cl))
				S_apply(p, &a);
		}
	}
	fputs("\n-- Our own rules --\n", p->out);
	for (;;) {
		struct action a = { .kind = ACTION_ADD_RULE, .number = BINDS_EVERYONE };
		char *rule;

		if ((l = S_read(p, "A rule of your own (Enter when done): ")) == NULL)
			return STEP_EOF;
		if (strcmp(l, "/quit") == 0)
			return STEP_QUIT;
		if (*l == '\0')
			break;
		rule = xstrdup(l);
		if ((l = S_read(p, "   For whom? 1) the child 2) the grown-ups "
		    "3) everyone [3]: ")) == NULL) {
			free(rule);
			return STEP_EOF;
		}
		if (*l == '1' || *l == '2')
			a.number = *l == '1' ? BINDS_CHILD : BINDS_GROWN_UPS;
		a.text = rule;
		S_apply(p, &a);
		free(rule);
	}
	if (t->n_promises > 0)
		fputs("\n-- The grown-ups' promises --\n", p->out);
	for (size_t i = 0; i < t->n_promises; i++) {
		const struct promise *pr = &t->promises[i];
		char *q = xasprintf("%d. Promise: %s", n++, pr->text);
		int yn = S_yes_no(p, q, session_promise_on(&p->flow.s, pr));
		struct action a = { .kind = ACTION_SET_PROMISE, .id = pr->id };

		free(q);
		if (yn < 0)
			return yn == -1 ? STEP_EOF : STEP_QUIT;
		a.flag = yn == 1;
		if (a.flag != session_promise_on(&p->flow.s, pr))
			S_apply(p, &a);
	}
	for (;;) {
		struct action a = { .kind = ACTION_SET_REVIEW };
		char prompt[128];

		snprintf(prompt, sizeof prompt, "Look at it again in how many months "
		    "(1, 3, 6, 12) [%d]: ", session_review_months(&p->flow.s, t));
		if ((l = S_read(p, prompt)) == NULL)
			return STEP_EOF;
		if (strcmp(l, "/quit") == 0)
			return STEP_QUIT;
		if (*l == '\0')
			break;
		a.number = strtol(l, NULL, 10);
		if (S_apply(p, &a))
			break;
	}
	{
		struct action a = { .kind = ACTION_START_SIGNING };

		if (!S_apply(p, &a))
			return STEP_QUIT;
	}
	return STEP_NEXT;
}

static enum step
S_sign(struct plain *p)
{
	struct session *s = &p->flow.s;
	struct render_lines rl = { 0 };
	char *cause = NULL;
	const char *l;

	fputs("\n== Your agreement ==\n\n", p->out);
	if (flow_review_lines(&p->flow, RENDER_TEXT_WIDTH, &rl, &cause) == 0) {
		for (size_t i = 0; i < rl.n; i++)
			fprintf(p->out, "%s\n", rl.lines[i].text);
	} else {
		fprintf(p->out, "! %s\n", cause);
		free(cause);
		cause = NULL;
	}
	render_lines_cleanup(&rl);
	fputs("\n== Signing ==\n", p->out);
	for (size_t i = 0; i < 1 + s->n_grown_ups && s->stage == STAGE_SIGNING; i++) {
		struct action a = { .kind = ACTION_SIGN };
		char prompt[160];

		a.number = i == 0 ? ROLE_CHILD : ROLE_GROWN_UP;
		a.index = i == 0 ? 0 : i - 1;
		snprintf(prompt, sizeof prompt, "%s, type your name to sign: ",
		    i == 0 ? s->child : s->grown_ups[i - 1]);
		if ((l = S_read(p, prompt)) == NULL)
			return STEP_EOF;
		if (strcmp(l, "/quit") == 0)
			return STEP_QUIT;
		if (strcmp(l, "/back") == 0) {
			struct action b = { .kind = ACTION_BACK };

			return S_apply(p, &b) ? STEP_BACK : STEP_QUIT;
		}
		a.text = l;
		if (!S_apply(p, &a))
			i--;
	}
	if (flow_write(&p->flow, &cause) != 0) {
		fprintf(p->out, "! %s\n", cause);
		free(cause);
		return STEP_QUIT;
	}
	fprintf(p->out, "\n== Signed ==\nThree files, with the same words:\n"
	    "To print (web page): %s\nPlain text: %s\nMarkdown: %s\n"
	    "Fingerprint: %s (the same code is printed at the end of the "
	    "agreement)\n"
	    "How to print: open the .html file in a web browser and choose "
	    "Print.\n"
	    "Copies somewhere else: talkpact render %s -f all -o FOLDER\n"
	    "Check later that nothing was changed: talkpact verify %s\n",
	    p->flow.out_html, p->flow.out_txt, p->flow.out_md,
	    p->flow.fingerprint, s->id != NULL ? s->id : "SESSION",
	    p->flow.out_md);
	return STEP_QUIT;
}

static enum step
S_welcome(struct plain *p)
{
	struct flow_entries e = { 0 };
	const char **ids;
	size_t n = 0, k;
	char *cause = NULL;
	const char *l;
	enum step rc = STEP_NEXT;

	if (flow_list(&p->flow, &e, &cause) != 0) {
		fprintf(p->out, "! %s\n", cause);
		free(cause);
	}
	ids = xcalloc(e.n + 1, sizeof *ids);
	fputs("talkpact: talk about devices and online life together, and sign "
	    "a family device agreement.\nType /help at any prompt for commands.\n\n"
	    "1) Start a new conversation\n", p->out);
	for (size_t i = 0; i < e.n; i++)
		if (e.items[i].stage != STAGE_SIGNED) {
			ids[n++] = e.items[i].id;
			fprintf(p->out, "%zu) Carry on: %s\n", n + 1, e.items[i].describe);
		}
	for (;;) {
		if ((l = S_read(p, "Choose [1]: ")) == NULL) {
			rc = STEP_EOF;
			break;
		}
		if (strcmp(l, "/quit") == 0) {
			rc = STEP_QUIT;
			break;
		}
		k = *l == '\0' ? 1 : (size_t)strtoul(l, NULL, 10);
		if (k == 1) {
			flow_new(&p->flow);
			break;
		}
		if (k >= 2 && k <= n + 1) {
			if (flow_open(&p->flow, ids[k - 2], &cause) == 0)
				break;
			fprintf(p->out, "! %s\n", cause);
			free(cause);
			cause = NULL;
			continue;
		}
		fprintf(p->out, "! Type a number from 1 to %zu.\n", n + 1);
	}
	free(ids);
	flow_entries_cleanup(&e);
	return rc;
}

int
plain_run(struct cli *cli, struct content *c, struct session *s, FILE *in,
    FILE *out)
{
	struct plain p = { .in = in, .out = out };
	enum step st = STEP_NEXT;

	flow_init(&p.flow, cli->state_dir, c);
	if (s != NULL)
		flow_adopt(&p.flow, s);
	else
		st = S_welcome(&p);
	while (st != STEP_QUIT && st != STEP_EOF) {
		switch (p.flow.s.stage) {
		case STAGE_FAMILY:
			st = S_family(&p);
			if (st == STEP_BACK)
				st = STEP_QUIT;
			break;
		case STAGE_TALKING:
			st = S_talk(&p);
			break;
		case STAGE_AGREEING:
			st = S_agree(&p);
			break;
		case STAGE_SIGNING:
			st = S_sign(&p);
			break;
		default:
			st = S_sign(&p);
			break;
		}
	}
	if (p.flow.open && p.flow.s.id != NULL && p.flow.s.stage != STAGE_SIGNED)
		fprintf(out, "Saved. Carry on later with: talkpact resume %s\n",
		    p.flow.s.id);
	free(p.line);
	flow_cleanup(&p.flow);
	fflush(out);
	return 0;
}
