/*
 * plain.c: plain mode: the TUI's flow as numbered line prompts on one
 * stream and answers read line by line from another, for screen readers,
 * braille displays and scripts. No curses.
 *
 * Every prompt is one row of S_questions: what it prints, which commands
 * it takes and what an answer does. Every line is read by S_ask, the one
 * place that handles the commands (/back /skip /later /tip /help /quit).
 * A stage (who is talking, talking, choosing, signing) is a list of steps,
 * each a question and which one (the third blank, the second grown-up),
 * that S_run walks forwards and, on /back, backwards. Lines are only ever
 * borrowed from struct plain; what must outlive a line (the child's words
 * until the grown-up's are typed, a rule until whom it is for is chosen)
 * has one owner there. End of input stops cleanly: every confirmed answer
 * is already saved.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "agreement.h"
#include "blank.h"
#include "cli.h"
#include "flow.h"
#include "render.h"
#include "review.h"
#include "tui.h"
#include "util.h"

/* How a stage ended. */
/* END_TALK: the family chose another talk (/short, /all): start the stage again. */
enum step_end { END_NEXT, END_BACK, END_QUIT, END_EOF, END_TALK };

/* What a line turned out to be, after the commands every question shares. */
enum reply {
	REPLY_TEXT,		/* p->line holds it */
	REPLY_EMPTY,
	REPLY_BACK,
	REPLY_SKIP,
	REPLY_LATER,
	REPLY_QUIT,
	REPLY_EOF,
	REPLY_TALK		/* /short or /all was applied */
};

/* Where to go after an answer. */
enum go {
	GO_NEXT,		/* the next step that is ready */
	GO_AGAIN,		/* ask the same again (after a mistake) */
	GO_BACK,		/* the step before that is ready, as /back */
	GO_PREV			/* the step just before, asked again at once */
};

/* Which commands a question takes besides /back, /help and /quit. */
#define TAKES_SKIP 1u		/* /skip and /later */
#define TAKES_TIP 2u
#define TAKES_TALK 4u		/* /short and /all */

/* The commands. X(enum-suffix, word, takes, help) */
#define PLAIN_COMMAND_TABLE \
	X(BACK, "/back", 0, "go back to the question before.") \
	X(SKIP, "/skip", TAKES_SKIP, "skip this question (while talking together).") \
	X(LATER, "/later", TAKES_SKIP, "talk about this question again later " \
	    "(while talking together).") \
	X(TIP, "/tip", TAKES_TIP, "the grown-up's tip and questions to ask " \
	    "next (while talking together).") \
	X(SHORT, "/short", TAKES_TALK, "a short talk: only the questions " \
	    "chosen for one evening (while talking or choosing the agreement).") \
	X(ALL, "/all", TAKES_TALK, "all the questions, carrying on with those " \
	    "a short talk left (while talking or choosing the agreement).") \
	X(TOPICS, "/topics", TAKES_TALK, "the band's topics; '/topics 1 3' " \
	    "(numbers or names) talks about those only (while talking or " \
	    "choosing the agreement).") \
	X(HELP, "/help", 0, "this list.") \
	X(QUIT, "/quit", 0, "stop here; everything you confirmed is saved.")

enum command {
#define X(e, word, takes, help) CMD_##e,
	PLAIN_COMMAND_TABLE
#undef X
	CMD__COUNT		/* not a command */
};

static const struct {
	const char *word;
	unsigned takes;		/* 0: every question takes it */
	const char *help;
} S_commands[] = {
#define X(e, word, takes, help) { word, takes, help },
	PLAIN_COMMAND_TABLE
#undef X
};

enum q {
	Q_MENU,
	Q_CHILD, Q_AGE, Q_BAND, Q_GROWN_UP, Q_REGION,
	Q_CHILD_WORDS, Q_GROWN_UP_WORDS, Q_COME_BACK,
	Q_BLANK, Q_CLAUSE, Q_RULE, Q_RULE_FOR, Q_PROMISE, Q_REVIEW,
	Q_SIGN,
	Q_VOICE, Q_HOUSE_RULE, Q_NOT_AGREED_WHO, Q_NOT_AGREED_WHY,
	Q_REVIEW_DECIDE, Q_REVIEW_CHILD, Q_REVIEW_GROWN_UP,
	Q_REVIEW_VOICE,
	Q__COUNT
};

/* One question at one point of the flow. */
struct step {
	enum q q;
	size_t i;		/* which grown-up, prompt, section or signer */
	size_t n;		/* the number printed before it, or 0 */
	const void *item;	/* the prompt, blank, clause or promise */
	enum role role;		/* Q_SIGN */
	size_t g;		/* Q_VOICE, Q_REVIEW_VOICE: which grown-up */
};

struct plain {
	FILE *in, *out;
	struct flow flow;
	char *line;		/* the line just read (getline's buffer) */
	size_t cap;
	unsigned long reads;	/* lines read so far */
	/* The welcome menu: saved sessions, and which of them are listed. */
	struct flow_entries menu;
	size_t *menu_items, n_menu;
	/* Owned: the child's words for prompt said_for, until the grown-up's. */
	char *said;
	size_t said_for;
	/* Owned: a rule of the family's own, until whom it is for is chosen. */
	char *rule;
	/* "Come back to these": the prompt chosen, or SIZE_MAX to go on. */
	size_t chosen;
	/* Steps per prompt while talking: the child, then each voice. */
	size_t per;
	/* Owned: each grown-up's words for prompt said_for, until the last. */
	char *voices[SESSION_MAX_GROWN_UPS];
	/* Owned: the item someone does not agree to yet, until who and why. */
	char *pending, *pending_who;
	/* A review: the decision made for item said_for, until the words are typed. */
	enum review_decision decided;
	size_t n_review_items;
};

struct question {
	unsigned takes;		/* TAKES_SKIP, TAKES_TIP */
	/* Is the step asked now? NULL: always. Called on arriving at it. */
	bool (*ready)(struct plain *, const struct step *);
	/* Printed once on arriving (the question being talked about); or NULL. */
	void (*intro)(struct plain *, const struct step *);
	/* The prompt: one line, no newline, printed each time it is asked. */
	void (*prompt)(struct plain *, const struct step *);
	/* What a line does (REPLY_TEXT, _EMPTY, _SKIP or _LATER). */
	enum go (*answer)(struct plain *, const struct step *, enum reply,
	    const char *);
};

static const struct question S_questions[Q__COUNT];

/* ---- reading a line ------------------------------------------------------ */

static void
S_help(struct plain *p)
{
	fputs("Type your answer and press Enter. An empty line keeps what is "
	    "shown in [brackets].\n", p->out);
	for (size_t i = 0; i < CMD__COUNT; i++)
		fprintf(p->out, "%s: %s\n", S_commands[i].word, S_commands[i].help);
	fputs("?: at a rule or promise, someone does not agree to it yet "
	    "(while choosing the agreement).\n", p->out);
}

/* Is line l, spaces and tabs around it aside, the word w in any case? */
static bool
S_is_word(const char *l, const char *w)
{
	size_t n;

	while (*l == ' ' || *l == '\t')
		l++;
	n = strlen(l);
	while (n > 0 && (l[n - 1] == ' ' || l[n - 1] == '\t'))
		n--;
	return n == strlen(w) && strncasecmp(l, w, n) == 0;
}

/* Which command a line is, or CMD__COUNT for none. */
static enum command
S_command(const char *l)
{
	if (l[0] != '/' && l[0] != ' ' && l[0] != '\t')
		return CMD__COUNT;
	for (size_t i = 0; i < CMD__COUNT; i++)
		if (S_is_word(l, S_commands[i].word))
			return (enum command)i;
	return CMD__COUNT;
}

static void
S_tip(struct plain *p, const struct prompt *pr)
{
	fprintf(p->out, "Tip: %s\n", pr->tip);
	for (size_t i = 0; i < pr->n_follow_ups; i++)
		fprintf(p->out, "Then ask: %s\n", pr->follow_ups[i]);
}

static bool S_apply(struct plain *p, const struct action *a);

/*
 * The talk the family is on, with its time estimate, and the other one
 * they can choose; with what a short talk has left for another evening.
 */
static void
S_talk_plan(struct plain *p)
{
	enum session_talk now = p->flow.s.talk, other = now == TALK_SHORT ?
	    TALK_ALL : TALK_SHORT;
	char *cur = flow_talk_label(&p->flow, now);
	char *alt = flow_talk_label(&p->flow, other);
	size_t rest = session_rest(&p->flow.s, p->flow.c);

	if (cur != NULL)
		fprintf(p->out, "This is %s.", cur);
	if (rest > 0 && p->flow.s.position >= p->flow.n_prompts)
		fprintf(p->out, " %s done: %zu more questions "
		    "are left for another evening; type /all to talk about "
		    "them.\n", p->flow.s.talk == TALK_TOPICS ? "The topics you "
		    "chose are" : "The short talk is", rest);
	else if (alt != NULL)
		fprintf(p->out, " Type %s for %s.\n", other == TALK_SHORT ?
		    "/short" : "/all", alt);
	else
		fputc('\n', p->out);
	if (now != TALK_TOPICS && p->flow.s.position < p->flow.n_prompts)
		fputs("Or type /topics to choose the topics to talk about.\n",
		    p->out);
	free(cur);
	free(alt);
}

/* "/topics ARGS": ARGS, or NULL for another line. */
static const char *
S_topics_args(const char *l)
{
	while (*l == ' ' || *l == '\t')
		l++;
	if (strncasecmp(l, "/topics", 7) != 0 || (l[7] != ' ' && l[7] != '\t' &&
	    l[7] != '\0'))
		return NULL;
	return l + 7;
}

/*
 * /topics: the band's topics, numbered, each with its questions and
 * whether it is chosen; /topics 1 3 (or their names: people photos)
 * chooses those. True when the talk changed.
 */
static bool
S_choose_topics(struct plain *p, const char *args)
{
	enum topic topics[TOPIC__COUNT];
	size_t counts[TOPIC__COUNT];
	size_t n = flow_band_topics(&p->flow, topics, counts);
	struct action a = { .kind = ACTION_SET_TOPICS };
	unsigned mask = 0;
	char *words = xstrdup(args), *save = NULL;
	bool any = false, bad = false;

	for (char *w = strtok_r(words, " \t,", &save); w != NULL && !bad;
	    w = strtok_r(NULL, " \t,", &save)) {
		char *end;
		long k = strtol(w, &end, 10);
		int found = -1;

		any = true;
		for (size_t i = 0; i < n; i++)
			if ((*end == '\0' && k == (long)i + 1) ||
			    strcasecmp(w, topic_id(topics[i])) == 0)
				found = (int)i;
		if (found < 0) {
			fprintf(p->out, "! No topic '%s' for ages %s: type /topics "
			    "for the list.\n", w, band_name(p->flow.s.band));
			bad = true;
		} else
			mask |= SESSION_TOPIC_BIT(topics[found]);
	}
	free(words);
	if (bad)
		return false;
	if (!any) {
		fprintf(p->out, "Topics for ages %s (type /topics and their "
		    "numbers, like /topics 1 3):\n", band_name(p->flow.s.band));
		for (size_t i = 0; i < n; i++)
			fprintf(p->out, "  %zu. %s %s (%zu question%s)\n", i + 1,
			    p->flow.s.talk == TALK_TOPICS && (p->flow.s.topics &
			    SESSION_TOPIC_BIT(topics[i])) ? "[x]" : "[ ]",
			    topic_title(topics[i]), counts[i],
			    counts[i] == 1 ? "" : "s");
		return false;
	}
	a.number = (long)mask;
	return S_apply(p, &a);
}

/* /short or /all: true when the talk changed. */
static bool
S_choose_talk(struct plain *p, enum session_talk talk)
{
	struct action a = { .kind = ACTION_SET_TALK, .number = talk };

	if (talk == TALK_SHORT && flow_talk_size(&p->flow, TALK_SHORT) == 0) {
		fprintf(p->out, "! There is no short talk for ages %s.\n",
		    band_name(p->flow.s.band));
		return false;
	}
	if (p->flow.s.talk == talk && p->flow.s.stage == STAGE_TALKING) {
		fputs("! That is the talk you are on.\n", p->out);
		return false;
	}
	return S_apply(p, &a);
}

/*
 * Ask step st: print its prompt and read one line, again and again while
 * the line is /help, /tip or a command the question does not take. The
 * line (without its line ending) stays in p->line until the next read.
 */
static enum reply
S_ask(struct plain *p, const struct step *st)
{
	const struct question *q = &S_questions[st->q];
	enum command cmd;
	ssize_t n;

	for (;;) {
		q->prompt(p, st);
		fflush(p->out);
		n = getline(&p->line, &p->cap, p->in);
		if (n < 0) {
			fputc('\n', p->out);
			return REPLY_EOF;
		}
		p->reads++;
		while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
			p->line[--n] = '\0';
		/* A NUL would cut the line short without a word: refuse it. */
		if (memchr(p->line, '\0', (size_t)n) != NULL) {
			fputs("! That line has a control character (NUL) in it; "
			    "please type it again.\n", p->out);
			continue;
		}
		cmd = S_command(p->line);
		if (cmd == CMD__COUNT && S_topics_args(p->line) != NULL)
			cmd = CMD_TOPICS;	/* with the topics chosen after it */
		if (cmd < CMD__COUNT && S_commands[cmd].takes != 0 &&
		    (q->takes & S_commands[cmd].takes) == 0) {
			fprintf(p->out, "! %s works only while %s. Type /help "
			    "for the commands.\n", S_commands[cmd].word,
			    S_commands[cmd].takes == TAKES_TALK ? "talking or "
			    "choosing the agreement" : "talking together");
			continue;
		}
		switch (cmd) {
		case CMD_BACK:
			return REPLY_BACK;
		case CMD_SKIP:
			return REPLY_SKIP;
		case CMD_LATER:
			return REPLY_LATER;
		case CMD_TIP:
			S_tip(p, st->item);
			continue;
		case CMD_SHORT:
		case CMD_ALL:
			if (S_choose_talk(p, cmd == CMD_SHORT ? TALK_SHORT :
			    TALK_ALL))
				return REPLY_TALK;
			continue;
		case CMD_TOPICS:
			if (S_choose_topics(p, S_topics_args(p->line)))
				return REPLY_TALK;
			continue;
		case CMD_HELP:
			S_help(p);
			continue;
		case CMD_QUIT:
			return REPLY_QUIT;
		case CMD__COUNT:
		default:
			return p->line[0] == '\0' ? REPLY_EMPTY : REPLY_TEXT;
		}
	}
}

/*
 * A whole line as a number: digits only, spaces around them allowed.
 * False for anything else ("3abc", "", "-1", "+3") and on overflow.
 */
static bool
S_number(const char *l, long *out)
{
	char *end;
	long v;

	while (*l == ' ' || *l == '\t')
		l++;
	if (!isdigit((unsigned char)*l))
		return false;
	errno = 0;
	v = strtol(l, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (errno != 0 || *end != '\0')
		return false;
	*out = v;
	return true;
}

/* y, yes, n or no in any case: 1 or 0; -1 for anything else. */
static int
S_yes(const char *l)
{
	if (S_is_word(l, "y") || S_is_word(l, "yes"))
		return 1;
	if (S_is_word(l, "n") || S_is_word(l, "no"))
		return 0;
	return -1;
}

/*
 * Apply an action and save; on a mistake print it and return false. A
 * change that could not be saved is said ("! Not saved: ...") and kept in
 * memory: the conversation goes on, and the last line says so again.
 */
static bool
S_apply(struct plain *p, const struct action *a)
{
	char *cause = NULL;
	int rc = flow_apply(&p->flow, a, &cause);

	if (rc != 0) {
		fprintf(p->out, "! %s\n", cause != NULL ? cause : "That did not work.");
		free(cause);
		return rc > 0;
	}
	return true;
}

/* " [value]" after a prompt, or nothing when there is no value. */
static void
S_current(struct plain *p, const char *v)
{
	if (v != NULL && *v != '\0')
		fprintf(p->out, " [%s]", v);
}

/* ---- walking a stage ------------------------------------------------------ */

/*
 * Ask steps[at], steps[at+1]... in turn, each until it is answered, going
 * back on /back. Steps that are not ready are passed over in the direction
 * of travel (back says which one it starts in). Returns END_NEXT past the
 * last step, END_BACK on going back from the first, or END_QUIT/END_EOF.
 */
static enum step_end
S_run(struct plain *p, const struct step *steps, size_t n, size_t at, bool back)
{
	bool arrived = true;

	while (at < n) {
		const struct step *st = &steps[at];
		const struct question *q = &S_questions[st->q];
		enum go go;
		enum reply r;

		if (arrived) {
			if (q->ready != NULL && !q->ready(p, st)) {
				if (!back)
					at++;
				else if (at == 0)
					return END_BACK;
				else
					at--;
				continue;
			}
			if (q->intro != NULL)
				q->intro(p, st);
			arrived = false;
		}
		r = S_ask(p, st);
		if (r == REPLY_QUIT)
			return END_QUIT;
		if (r == REPLY_EOF)
			return END_EOF;
		if (r == REPLY_TALK)
			return END_TALK;
		go = r == REPLY_BACK ? GO_BACK : q->answer(p, st, r, p->line);
		switch (go) {
		case GO_NEXT:
			at++;
			back = false;
			arrived = true;
			break;
		case GO_AGAIN:
			break;
		case GO_BACK:
			if (at == 0)
				return END_BACK;
			at--;
			back = true;
			arrived = true;
			break;
		case GO_PREV:
			if (at == 0)
				return END_BACK;
			at--;
			break;
		}
	}
	return END_NEXT;
}

/* ---- the welcome menu ----------------------------------------------------- */

static void
S_menu_intro(struct plain *p, const struct step *st)
{
	(void)st;
	fputs("talkpact: talk about devices and online life together, and sign "
	    "a family device agreement.\nType /help at any prompt for commands.\n\n"
	    "1) Start a new conversation\n", p->out);
	for (size_t k = 0; k < p->n_menu; k++) {
		const struct flow_entry *e = &p->menu.items[p->menu_items[k]];
		char date[64];

		if (e->stage != STAGE_SIGNED) {
			fprintf(p->out, "%zu) Carry on: %s\n", k + 2, e->describe);
			continue;
		}
		if (review_due_words(e->review_day, p->flow.now(),
		    p->flow.utc_offset != NULL ? p->flow.utc_offset(p->flow.now()) :
		    0, date, sizeof date) < 0)
			snprintf(date, sizeof date, "date unknown");
		fprintf(p->out, "%zu) Review it together: %s's agreement (review "
		    "%s%s)\n", k + 2, e->child != NULL ? e->child : "the child",
		    date, e->house_rules_changed ? "; house rules changed since "
		    "you signed" : "");
	}
}

static void
S_menu_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fputs("Choose [1]: ", p->out);
}

static enum go
S_menu_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	char *cause = NULL;
	long k = 1;

	(void)st;
	if (r == REPLY_TEXT && (!S_number(l, &k) || k < 1 ||
	    (unsigned long)k > p->n_menu + 1)) {
		if (p->n_menu == 0)
			fputs("! Press Enter (or type 1) to start a new "
			    "conversation.\n", p->out);
		else
			fprintf(p->out, "! Type a number from 1 to %zu.\n",
			    p->n_menu + 1);
		return GO_AGAIN;
	}
	if (k == 1) {
		flow_new(&p->flow);
		return GO_NEXT;
	}
	if (p->menu.items[p->menu_items[k - 2]].stage == STAGE_SIGNED ?
	    flow_review(&p->flow, p->menu.items[p->menu_items[k - 2]].id,
	    &cause) == 0 :
	    flow_open(&p->flow, p->menu.items[p->menu_items[k - 2]].id,
	    &cause) == 0)
		return GO_NEXT;
	fprintf(p->out, "! %s\n", cause);
	free(cause);
	return GO_AGAIN;
}

/* ---- who is talking --------------------------------------------------------- */

static void
S_child_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fputs("1. Child's first name", p->out);
	S_current(p, p->flow.s.child);
	fputs(": ", p->out);
}

static enum go
S_child_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	struct action a = { .kind = ACTION_SET_CHILD, .text = l };

	(void)st;
	if (r == REPLY_EMPTY && p->flow.s.child != NULL)
		return GO_NEXT;
	/* An empty name too: the session says what is missing. */
	return S_apply(p, &a) ? GO_NEXT : GO_AGAIN;
}

static void
S_age_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fputs("2. Age, 4 to 17", p->out);
	if (p->flow.s.age > 0)
		fprintf(p->out, " [%d]", p->flow.s.age);
	fputs(": ", p->out);
}

static enum go
S_age_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	struct action a = { .kind = ACTION_SET_AGE };

	(void)st;
	if (r == REPLY_EMPTY && p->flow.s.age > 0)
		return GO_NEXT;
	if (!S_number(l, &a.number)) {
		fputs("! The age is a number from 4 to 17.\n", p->out);
		return GO_AGAIN;
	}
	return S_apply(p, &a) ? GO_NEXT : GO_AGAIN;
}

static void
S_band_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fputs("3. Questions for ages (", p->out);
	for (int b = 0; b < BAND__COUNT; b++)
		fprintf(p->out, "%s%s", b > 0 ? ", " : "", band_name((enum band)b));
	fputc(')', p->out);
	if ((unsigned)p->flow.s.band < BAND__COUNT)
		S_current(p, band_name(p->flow.s.band));
	fputs(": ", p->out);
}

static enum go
S_band_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	struct action a = { .kind = ACTION_SET_BAND };
	int b;

	(void)st;
	if (r == REPLY_EMPTY && (unsigned)p->flow.s.band < BAND__COUNT)
		return GO_NEXT;
	if ((b = band_from_name(l)) < 0) {
		fputs("! Type one of 4-7, 8-10, 11-13 or 14-17.\n", p->out);
		return GO_AGAIN;
	}
	a.number = b;
	return S_apply(p, &a) ? GO_NEXT : GO_AGAIN;
}

/* Grown-up i is asked once there is a grown-up before it. */
static bool
S_grown_up_ready(struct plain *p, const struct step *st)
{
	return !p->flow.from_household && st->i <= p->flow.s.n_grown_ups;
}

static void
S_grown_up_prompt(struct plain *p, const struct step *st)
{
	const struct session *s = &p->flow.s;
	const char *cur = st->i < s->n_grown_ups ? s->grown_ups[st->i] : NULL;

	fprintf(p->out, "%zu. %s", 4 + st->i, st->i == 0 ? "Grown-up's name" :
	    cur != NULL ? "Another grown-up's name" :
	    "Another grown-up's name (Enter for none)");
	S_current(p, cur);
	fputs(": ", p->out);
}

static enum go
S_grown_up_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	struct action a = { .kind = ACTION_SET_GROWN_UP, .index = st->i, .text = l };

	if (r == REPLY_EMPTY && (st->i > 0 || p->flow.s.n_grown_ups > 0))
		return GO_NEXT;		/* keep the name, or no more grown-ups */
	if (r == REPLY_TEXT && !S_apply(p, &a))
		return GO_AGAIN;
	if (p->flow.s.n_grown_ups == 0) {
		fputs("! Please type at least one grown-up's name.\n", p->out);
		return GO_AGAIN;
	}
	return GO_NEXT;
}

static bool
S_region_ready(struct plain *p, const struct step *st)
{
	(void)st;
	return !p->flow.from_household && p->flow.c->n_regions > 0;
}

static void
S_region_intro(struct plain *p, const struct step *st)
{
	const struct content *c = p->flow.c;

	(void)st;
	fputs("7. Help lines for your country:", p->out);
	for (size_t i = 0; i < c->n_regions; i++)
		fprintf(p->out, " %s (%s),", c->regions[i].code,
		    c->regions[i].name);
	fputs(" or none\n", p->out);
}

static void
S_region_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fprintf(p->out, "   Region code [%s]: ",
	    p->flow.s.region != NULL ? p->flow.s.region : "none");
}

static enum go
S_region_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	struct action a = { .kind = ACTION_SET_REGION, .id = l };

	(void)st;
	if (r == REPLY_EMPTY)
		return GO_NEXT;
	if (S_is_word(l, "none"))
		a.id = NULL;	/* no help lines, on purpose */
	return S_apply(p, &a) ? GO_NEXT : GO_AGAIN;
}

/* ---- talking together ------------------------------------------------------- */

/* Asking the child's words anew: forget any typed before, and be at prompt i. */
static bool
S_words_ready(struct plain *p, const struct step *st)
{
	free(p->said);
	p->said = NULL;
	if (p->flow.s.position != st->i) {
		struct action a = { .kind = ACTION_GOTO, .number = (long)st->i };

		S_apply(p, &a);
	}
	return true;
}

static void
S_words_intro(struct plain *p, const struct step *st)
{
	const struct prompt *pr = st->item;

	fprintf(p->out, "\n[%s \xc2\xb7 %zu of %zu]\n%s%s\n",
	    topic_title(pr->topic), st->i + 1, p->flow.n_prompts,
	    pr->scenario ? "What would you do? " : "", pr->question);
}

static void
S_words_prompt(struct plain *p, const struct step *st)
{
	const struct session *s = &p->flow.s;

	(void)st;
	if (s->child != NULL)
		fprintf(p->out, "%s's words: ", s->child);
	else
		fputs("The child's words: ", p->out);
}

/* /skip or /later at either voice: the whole question. */
static enum go
S_skip(struct plain *p, const struct step *st, enum reply r)
{
	const struct prompt *pr = st->item;
	struct action a = { .kind = r == REPLY_SKIP ? ACTION_SKIP : ACTION_LATER,
	    .id = pr->id };

	free(p->said);
	p->said = NULL;
	return S_apply(p, &a) ? GO_NEXT : GO_AGAIN;
}

static enum go
S_words_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	if (r == REPLY_SKIP || r == REPLY_LATER)
		return S_skip(p, st, r);
	free(p->said);
	p->said = xstrdup(l);
	p->said_for = st->i;
	return GO_NEXT;
}

/* The grown-up's words follow the child's for the same prompt. */
static bool
S_grown_words_ready(struct plain *p, const struct step *st)
{
	return p->said != NULL && p->said_for == st->i;
}

static void
S_grown_words_prompt(struct plain *p, const struct step *st)
{
	const struct session *s = &p->flow.s;

	(void)st;
	if (s->n_grown_ups == 1)
		fprintf(p->out, "%s's words: ", s->grown_ups[0]);
	else
		fputs("The grown-ups' words: ", p->out);
}

static enum go
S_grown_words_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	const struct prompt *pr = st->item;
	struct action a = { .kind = ACTION_ANSWER, .id = pr->id };

	if (r == REPLY_SKIP || r == REPLY_LATER)
		return S_skip(p, st, r);
	if (p->said[0] == '\0' && l[0] == '\0') {
		fputs("! Nothing typed: type what someone said, or /skip or "
		    "/later.\n", p->out);
		return GO_PREV;
	}
	a.text = p->said;
	a.text2 = l;
	if (!S_apply(p, &a))
		return GO_PREV;		/* the message says whose words */
	free(p->said);
	p->said = NULL;
	return GO_NEXT;
}

/* Each grown-up in turn, after the child, when there are two or more. */
static void
S_forget_voices(struct plain *p)
{
	for (size_t g = 0; g < SESSION_MAX_GROWN_UPS; g++) {
		free(p->voices[g]);
		p->voices[g] = NULL;
	}
}

static void
S_voice_prompt(struct plain *p, const struct step *st)
{
	fprintf(p->out, "%s's words (Enter to pass): ",
	    p->flow.s.grown_ups[st->g]);
}

static enum go
S_voice_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	const struct prompt *pr = st->item;
	const struct session *s = &p->flow.s;
	struct action a = { .kind = ACTION_ANSWER, .id = pr->id };
	bool any;

	if (r == REPLY_SKIP || r == REPLY_LATER) {
		S_forget_voices(p);
		return S_skip(p, st, r);
	}
	free(p->voices[st->g]);
	p->voices[st->g] = xstrdup(l);
	if (st->g + 1 < s->n_grown_ups)
		return GO_NEXT;
	any = p->said[0] != '\0';
	for (size_t g = 0; g < s->n_grown_ups; g++)
		any |= p->voices[g] != NULL && p->voices[g][0] != '\0';
	if (!any) {
		fputs("! Nothing typed: type what someone said, or /skip or "
		    "/later.\n", p->out);
		S_forget_voices(p);
		return GO_BACK;
	}
	/* Each voice under its own name, then the child's words move on. */
	for (size_t g = 0; g < s->n_grown_ups; g++) {
		struct action v = { .kind = ACTION_SET_VOICE, .id = pr->id,
		    .index = g, .text = p->voices[g] != NULL ? p->voices[g] : "" };

		if (!S_apply(p, &v))
			return GO_AGAIN;
	}
	a.text = p->said;
	if (!S_apply(p, &a))
		return GO_AGAIN;
	S_forget_voices(p);
	free(p->said);
	p->said = NULL;
	return GO_NEXT;
}

/* ---- come back to these ------------------------------------------------------ */

/* The prompt index of the k-th question put off or skipped, or n_prompts. */
static size_t
S_open_prompt(struct plain *p, size_t k)
{
	for (size_t i = 0; i < p->flow.n_prompts; i++) {
		const struct answer *a = session_answer(&p->flow.s,
		    p->flow.prompts[i]->id);

		if (a != NULL && (a->state == ANSWER_LATER ||
		    a->state == ANSWER_SKIPPED) && k-- == 0)
			return i;
	}
	return p->flow.n_prompts;
}

static size_t
S_n_open(struct plain *p)
{
	return flow_count(&p->flow, ANSWER_LATER) +
	    flow_count(&p->flow, ANSWER_SKIPPED);
}

static void
S_come_back_intro(struct plain *p, const struct step *st)
{
	size_t n = S_n_open(p);

	(void)st;
	fprintf(p->out, "\n== Come back to these ==\nThat was the last "
	    "question. %zu %s put off or skipped:\n", n,
	    n == 1 ? "question was" : "questions were");
	for (size_t k = 0; k < n; k++) {
		size_t i = S_open_prompt(p, k);
		const struct answer *a = session_answer(&p->flow.s,
		    p->flow.prompts[i]->id);

		fprintf(p->out, "%zu. %s (%s)\n", k + 1, p->flow.prompts[i]->question,
		    a->state == ANSWER_LATER ? "later" : "skipped");
	}
	fprintf(p->out, "%zu. Go on to choosing the agreement\n", n + 1);
}

static void
S_come_back_prompt(struct plain *p, const struct step *st)
{
	size_t n = S_n_open(p);

	(void)st;
	fprintf(p->out, "Talk about which now (%s%zu), or %zu to go on [%zu]: ",
	    n > 1 ? "1-" : "", n, n + 1, n + 1);
}

static enum go
S_come_back_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	size_t n = S_n_open(p);
	long k = (long)n + 1;

	(void)st;
	if (r == REPLY_SKIP || r == REPLY_LATER) {	/* not now: go on */
		p->chosen = SIZE_MAX;
		return GO_NEXT;
	}
	if (r != REPLY_EMPTY && (!S_number(l, &k) || k < 1 || (size_t)k > n + 1)) {
		fprintf(p->out, "! Type a number from 1 to %zu.\n", n + 1);
		return GO_AGAIN;
	}
	p->chosen = (size_t)k == n + 1 ? SIZE_MAX : S_open_prompt(p, (size_t)k - 1);
	return GO_NEXT;
}

/*
 * After the last question, while any were put off or skipped: list them
 * and talk about the one chosen (steps: the talk stage's), until "Go on".
 * END_BACK goes back to the last question.
 */
static enum step_end
S_come_back(struct plain *p, const struct step *steps)
{
	static const struct step list = { .q = Q_COME_BACK };

	while (S_n_open(p) > 0) {
		enum step_end end;

		p->chosen = SIZE_MAX;
		end = S_run(p, &list, 1, 0, false);
		if (end != END_NEXT)
			return end;
		if (p->chosen == SIZE_MAX)
			break;
		end = S_run(p, steps + p->per * p->chosen, p->per, 0, false);
		if (end == END_QUIT || end == END_EOF || end == END_TALK)
			return end;
	}
	return END_NEXT;
}

/* ---- choosing the agreement ------------------------------------------------- */

/*
 * Is text (or, for a choice, its number) a good value for blank b? Prints
 * what is wrong and returns -1, or returns 0 with *value the value to set
 * (text, or the choice it numbers), or NULL when blank_parse finds no
 * value in it (only white space): that keeps the blank as it is, as an
 * empty line does. The one place plain mode checks a blank.
 */
static int
S_blank_value(struct plain *p, const struct blank *b, const char *text,
    const char **value)
{
	char *msg, *v;
	long k;

	if (b->kind == BLANK_CHOICE && S_number(text, &k) && k >= 1 &&
	    (unsigned long)k <= b->n_choices)
		text = b->choices[k - 1];
	if (blank_parse(b, text, false, &v, &msg) == 0) {
		*value = v != NULL ? text : NULL;
		free(v);
		return 0;
	}
	if (b->kind == BLANK_CHOICE)
		fprintf(p->out, "! Type a number from 1 to %zu.\n", b->n_choices);
	else
		fprintf(p->out, "! %s\n", msg);
	free(msg);
	return -1;
}

static void
S_blank_prompt(struct plain *p, const struct step *st)
{
	const struct blank *b = st->item;

	fprintf(p->out, "%zu. %s", st->n, b->label);
	if (b->kind == BLANK_CHOICE) {
		fputc(':', p->out);
		for (size_t k = 0; k < b->n_choices; k++)
			fprintf(p->out, " %zu) %s", k + 1, b->choices[k]);
		fputs("\n   Choice", p->out);
	}
	S_current(p, session_blank(&p->flow.s, b));
	fputs(": ", p->out);
}

static enum go
S_blank_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	const struct blank *b = st->item;
	struct action a = { .kind = ACTION_SET_BLANK, .id = b->id };

	if (r == REPLY_EMPTY)
		return GO_NEXT;
	if (S_blank_value(p, b, l, &a.text) != 0)
		return GO_AGAIN;
	if (a.text == NULL)	/* only white space: kept, as for Enter */
		return GO_NEXT;
	return S_apply(p, &a) ? GO_NEXT : GO_AGAIN;
}

static void
S_clause_intro(struct plain *p, const struct step *st)
{
	const struct section *sct = &flow_template(&p->flow)->sections[st->i];

	if (st->item == &sct->clauses[0])
		fprintf(p->out, "\n-- %s --\n", sct->title);
}

static void
S_clause_prompt(struct plain *p, const struct step *st)
{
	char *text = flow_clause_text(&p->flow, st->item);

	fprintf(p->out, "%zu. Include: %s [%s]: ", st->n, text,
	    session_clause_on(&p->flow.s, st->item) ? "Y/n" : "y/N");
	free(text);
}

/* A yes or no; *on is left alone for an empty line. */
static bool
S_yes_no(struct plain *p, enum reply r, const char *l, bool *on)
{
	int yes;

	if (r == REPLY_EMPTY)
		return true;
	if ((yes = S_yes(l)) < 0) {
		fputs("! Type y or n.\n", p->out);
		return false;
	}
	*on = yes == 1;
	return true;
}

/* "?": someone does not agree to item yet; who and why are asked next. */
static bool
S_not_yet(struct plain *p, const char *l, const char *kind, const char *id,
    size_t rule)
{
	if (!S_is_word(l, "?"))
		return false;
	free(p->pending);
	p->pending = session_item_id(kind, id, rule);
	return true;
}

/* A clause or promise switched on or off: set only when it changed. */
static enum go
S_switch(struct plain *p, enum reply r, const char *l, enum action_kind kind,
    const char *id, bool was)
{
	struct action a = { .kind = kind, .id = id, .flag = was };

	if (r == REPLY_TEXT && S_not_yet(p, l, kind == ACTION_SET_PROMISE ?
	    "promise" : "clause", id, 0))
		return GO_NEXT;
	if (!S_yes_no(p, r, l, &a.flag))
		return GO_AGAIN;
	if (a.flag != was && !S_apply(p, &a))
		return GO_AGAIN;
	return GO_NEXT;
}

static enum go
S_clause_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	const struct clause *cl = st->item;

	return S_switch(p, r, l, ACTION_SET_CLAUSE, cl->id,
	    session_clause_on(&p->flow.s, cl));
}

/* Asking for a rule anew: forget one typed before. */
static bool
S_rule_ready(struct plain *p, const struct step *st)
{
	(void)st;
	free(p->rule);
	p->rule = NULL;
	return true;
}

static void
S_rule_intro(struct plain *p, const struct step *st)
{
	(void)st;
	fputs("\n-- Our own rules --\n", p->out);
}

static void
S_rule_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fputs("A rule of your own (Enter when done): ", p->out);
}

static enum go
S_rule_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	(void)st;
	free(p->rule);
	p->rule = r == REPLY_TEXT ? xstrdup(l) : NULL;
	return GO_NEXT;		/* whom it is for, or on when there is none */
}

static bool
S_rule_for_ready(struct plain *p, const struct step *st)
{
	(void)st;
	return p->rule != NULL;
}

static void
S_rule_for_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fputs("   For whom?", p->out);
	for (int b = 0; b < BINDS__COUNT; b++)
		fprintf(p->out, " %d) %s", b + 1, binds_shown((enum binds)b));
	fprintf(p->out, " [%d]: ", BINDS_EVERYONE + 1);
}

static enum go
S_rule_for_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	struct action a = { .kind = ACTION_ADD_RULE, .text = p->rule,
	    .number = BINDS_EVERYONE };
	long k;

	(void)st;
	if (r == REPLY_TEXT) {
		if (!S_number(l, &k) || k < 1 || k > BINDS__COUNT) {
			fprintf(p->out, "! Type a number from 1 to %d.\n",
			    BINDS__COUNT);
			return GO_AGAIN;
		}
		a.number = k - 1;
	}
	S_apply(p, &a);
	free(p->rule);
	p->rule = NULL;
	return GO_PREV;		/* another rule */
}

static void
S_promise_intro(struct plain *p, const struct step *st)
{
	if (st->i == 0)
		fputs("\n-- The grown-ups' promises --\n", p->out);
}

static void
S_promise_prompt(struct plain *p, const struct step *st)
{
	const struct promise *pr = st->item;

	fprintf(p->out, "%zu. Promise: %s [%s]: ", st->n, pr->text,
	    session_promise_on(&p->flow.s, pr) ? "Y/n" : "y/N");
}

static enum go
S_promise_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	const struct promise *pr = st->item;

	return S_switch(p, r, l, ACTION_SET_PROMISE, pr->id,
	    session_promise_on(&p->flow.s, pr));
}

static void
S_review_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fprintf(p->out, "Look at it again in how many months (1, 3, 6, 12) "
	    "[%d]: ", session_review_months(&p->flow.s, flow_template(&p->flow)));
}

static enum go
S_review_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	struct action a = { .kind = ACTION_SET_REVIEW };

	(void)st;
	if (r == REPLY_EMPTY)
		return GO_NEXT;
	if (!S_number(l, &a.number)) {
		fputs("! Type 1, 3, 6 or 12.\n", p->out);
		return GO_AGAIN;
	}
	return S_apply(p, &a) ? GO_NEXT : GO_AGAIN;
}

/* A house rule, offered as already agreed: Enter keeps it, ? questions it. */
static void
S_house_rule_intro(struct plain *p, const struct step *st)
{
	if (st->n == 1)
		fputs("\n-- House rules (already agreed by the household) --\n",
		    p->out);
}

static void
S_house_rule_prompt(struct plain *p, const struct step *st)
{
	fprintf(p->out, "House rule: %s [agreed; ? if not yet]: ",
	    p->flow.s.rules[st->i].text);
}

static enum go
S_house_rule_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	if (r == REPLY_EMPTY || S_yes(l) == 1)
		return GO_NEXT;
	if (S_not_yet(p, l, "rule", NULL, st->i + 1))
		return GO_NEXT;
	fputs("! Press Enter to keep it agreed, or type ? if someone does "
	    "not agree yet.\n", p->out);
	return GO_AGAIN;
}

static bool
S_pending_ready(struct plain *p, const struct step *st)
{
	(void)st;
	return p->pending != NULL;
}

static void
S_who_prompt(struct plain *p, const struct step *st)
{
	const struct session *s = &p->flow.s;

	(void)st;
	fprintf(p->out, "   Who does not agree yet (%s", s->child);
	for (size_t g = 0; g < s->n_grown_ups; g++)
		fprintf(p->out, ", %s", s->grown_ups[g]);
	fputs(")? ", p->out);
}

static enum go
S_who_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	const struct session *s = &p->flow.s;
	char *name = text_trim(l);
	bool known = s->child != NULL && strcasecmp(name, s->child) == 0;

	(void)st;
	(void)r;
	free(p->pending_who);
	p->pending_who = NULL;
	if (known)
		p->pending_who = xstrdup(s->child);
	for (size_t g = 0; !known && g < s->n_grown_ups; g++)
		if (strcasecmp(name, s->grown_ups[g]) == 0) {
			p->pending_who = xstrdup(s->grown_ups[g]);
			known = true;
		}
	free(name);
	if (!known) {
		fputs("! Type one of the names shown.\n", p->out);
		return GO_AGAIN;
	}
	return GO_NEXT;
}

static void
S_why_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fprintf(p->out, "   Why not yet, in %s's words (Enter to leave it): ",
	    p->pending_who);
}

static enum go
S_why_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	struct action a = { .kind = ACTION_SET_NOT_AGREED, .id = p->pending,
	    .text = p->pending_who, .text2 = l, .flag = true };

	(void)st;
	(void)r;
	if (!S_apply(p, &a))
		return GO_AGAIN;
	free(p->pending);
	free(p->pending_who);
	p->pending = p->pending_who = NULL;
	return GO_NEXT;
}

/* ---- signing ---------------------------------------------------------------- */

static const struct signature *
S_signature(struct plain *p, const struct step *st)
{
	return session_signature(&p->flow.s, st->role, st->i);
}

static bool
S_sign_ready(struct plain *p, const struct step *st)
{
	(void)st;
	return p->flow.s.stage == STAGE_SIGNING;
}

static void
S_sign_prompt(struct plain *p, const struct step *st)
{
	const struct session *s = &p->flow.s;
	const struct signature *sig = S_signature(p, st);
	const char *who = st->role == ROLE_CHILD ? s->child :
	    st->i < s->n_grown_ups ? s->grown_ups[st->i] : NULL;

	fprintf(p->out, "%s, type your name to sign", who != NULL ? who :
	    role_shown(st->role));
	S_current(p, sig != NULL ? sig->name : NULL);
	fputs(": ", p->out);
}

static enum go
S_sign_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	struct action a = { .kind = ACTION_SIGN, .number = st->role,
	    .index = st->i, .text = l };

	if (r == REPLY_EMPTY && S_signature(p, st) != NULL)
		return GO_NEXT;
	return S_apply(p, &a) ? GO_NEXT : GO_AGAIN;
}

/* ---- reviewing together ---------------------------------------------------- */

/* Each item's decision starts from what was decided before, else keep. */
static bool
S_decide_ready(struct plain *p, const struct step *st)
{
	const struct review_item *it = st->item;
	const struct review_note *n = review_note(&p->flow.s, it->key);

	free(p->said);
	p->said = NULL;
	S_forget_voices(p);
	p->said_for = st->i;
	p->decided = n != NULL && n->decision != DECISION_NONE ? n->decision :
	    DECISION_KEEP;
	return true;
}

static void
S_review_item_intro(struct plain *p, const struct step *st)
{
	const struct review_item *it = st->item;
	const char *what = it->kind == REVIEW_ITEM_PROMISE ? "A promise" :
	    it->kind == REVIEW_ITEM_QUESTION ? "To talk about" :
	    it->kind == REVIEW_ITEM_TO_AGREE ? "Still to agree" : "A rule";

	fprintf(p->out, "\n[%s \xc2\xb7 %zu of %zu]\n%s\n", what, st->i + 1,
	    p->n_review_items, it->text);
	if (it->kind == REVIEW_ITEM_TO_AGREE)
		fprintf(p->out, "%s\n", it->tip);
	else if (it->tip != NULL)
		fprintf(p->out, "Tip for the grown-up: %s\n", it->tip);
}

static void
S_decide_prompt(struct plain *p, const struct step *st)
{
	(void)st;
	fprintf(p->out, "Keep it, change it or drop it (keep, change, drop) "
	    "[%s]: ", review_decision_shown(p->decided));
}

static enum go
S_decide_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	(void)st;
	if (r == REPLY_EMPTY)
		return GO_NEXT;
	if (S_is_word(l, "keep") || S_is_word(l, "k"))
		p->decided = DECISION_KEEP;
	else if (S_is_word(l, "change") || S_is_word(l, "c"))
		p->decided = DECISION_CHANGE;
	else if (S_is_word(l, "drop") || S_is_word(l, "d"))
		p->decided = DECISION_DROP;
	else {
		fputs("! Type keep, change or drop (or k, c, d).\n", p->out);
		return GO_AGAIN;
	}
	return GO_NEXT;
}

/* A question has no decision: its intro comes with the child's words. */
static bool
S_review_words_ready(struct plain *p, const struct step *st)
{
	const struct review_item *it = st->item;

	if (it->kind == REVIEW_ITEM_QUESTION) {
		free(p->said);
		p->said = NULL;
		S_forget_voices(p);
		p->said_for = st->i;
		p->decided = DECISION_NONE;
		S_review_item_intro(p, st);
	} else if (p->said_for != st->i)
		return false;	/* arrived going back: decide again first */
	else
		fputs("How did it go? Enter if there is nothing to add.\n",
		    p->out);
	return true;
}

static enum go
S_review_words_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	(void)r;
	free(p->said);
	p->said = xstrdup(l);
	p->said_for = st->i;
	return GO_NEXT;
}

static bool
S_review_grown_ready(struct plain *p, const struct step *st)
{
	return p->said != NULL && p->said_for == st->i;
}

static enum go
S_review_grown_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	const struct review_item *it = st->item;
	struct action a = { .kind = ACTION_REVIEW, .id = it->key,
	    .number = p->decided, .text = p->said, .text2 = l };

	(void)r;
	if (!S_apply(p, &a))
		return GO_PREV;
	free(p->said);
	p->said = NULL;
	return GO_NEXT;
}

/*
 * Each grown-up in turn, when there are two or more; an empty line
 * passes. After the last, the note, then each line under its own name.
 */
static enum go
S_review_voice_answer(struct plain *p, const struct step *st, enum reply r,
    const char *l)
{
	const struct review_item *it = st->item;
	const struct session *s = &p->flow.s;
	const struct review_note *n = review_note(s, it->key);
	/* Each grown-up's own line: a shared line from before stays. */
	struct action a = { .kind = ACTION_REVIEW, .id = it->key,
	    .number = p->decided, .text = p->said,
	    .text2 = n != NULL ? n->grown_up : NULL };

	(void)r;
	free(p->voices[st->g]);
	p->voices[st->g] = xstrdup(l);
	if (st->g + 1 < s->n_grown_ups)
		return GO_NEXT;
	if (!S_apply(p, &a))
		return GO_AGAIN;
	for (size_t g = 0; g < s->n_grown_ups; g++) {
		struct action v = { .kind = ACTION_REVIEW_VOICE, .id = it->key,
		    .index = g, .text = p->voices[g] != NULL ? p->voices[g] : "" };

		if (!S_apply(p, &v))
			return GO_AGAIN;
	}
	S_forget_voices(p);
	free(p->said);
	p->said = NULL;
	return GO_NEXT;
}

/* ---- the questions ------------------------------------------------------------ */

static const struct question S_questions[Q__COUNT] = {
	[Q_MENU] = { 0, NULL, S_menu_intro, S_menu_prompt, S_menu_answer },
	[Q_CHILD] = { 0, NULL, NULL, S_child_prompt, S_child_answer },
	[Q_AGE] = { 0, NULL, NULL, S_age_prompt, S_age_answer },
	[Q_BAND] = { 0, NULL, NULL, S_band_prompt, S_band_answer },
	[Q_GROWN_UP] = { 0, S_grown_up_ready, NULL, S_grown_up_prompt,
	    S_grown_up_answer },
	[Q_REGION] = { 0, S_region_ready, S_region_intro, S_region_prompt,
	    S_region_answer },
	[Q_CHILD_WORDS] = { TAKES_SKIP | TAKES_TIP | TAKES_TALK, S_words_ready,
	    S_words_intro, S_words_prompt, S_words_answer },
	[Q_GROWN_UP_WORDS] = { TAKES_SKIP | TAKES_TIP | TAKES_TALK, S_grown_words_ready,
	    NULL, S_grown_words_prompt, S_grown_words_answer },
	[Q_COME_BACK] = { TAKES_SKIP | TAKES_TALK, NULL, S_come_back_intro, S_come_back_prompt,
	    S_come_back_answer },
	[Q_BLANK] = { TAKES_TALK, NULL, NULL, S_blank_prompt, S_blank_answer },
	[Q_CLAUSE] = { TAKES_TALK, NULL, S_clause_intro, S_clause_prompt, S_clause_answer },
	[Q_RULE] = { TAKES_TALK, S_rule_ready, S_rule_intro, S_rule_prompt, S_rule_answer },
	[Q_RULE_FOR] = { TAKES_TALK, S_rule_for_ready, NULL, S_rule_for_prompt,
	    S_rule_for_answer },
	[Q_PROMISE] = { TAKES_TALK, NULL, S_promise_intro, S_promise_prompt,
	    S_promise_answer },
	[Q_REVIEW] = { TAKES_TALK, NULL, NULL, S_review_prompt, S_review_answer },
	[Q_SIGN] = { 0, S_sign_ready, NULL, S_sign_prompt, S_sign_answer },
	[Q_VOICE] = { TAKES_SKIP | TAKES_TIP | TAKES_TALK, S_grown_words_ready,
	    NULL, S_voice_prompt, S_voice_answer },
	[Q_HOUSE_RULE] = { TAKES_TALK, NULL, S_house_rule_intro,
	    S_house_rule_prompt, S_house_rule_answer },
	[Q_NOT_AGREED_WHO] = { TAKES_TALK, S_pending_ready, NULL, S_who_prompt,
	    S_who_answer },
	[Q_NOT_AGREED_WHY] = { TAKES_TALK, S_pending_ready, NULL, S_why_prompt,
	    S_why_answer },
	[Q_REVIEW_DECIDE] = { 0, S_decide_ready, S_review_item_intro,
	    S_decide_prompt, S_decide_answer },
	[Q_REVIEW_CHILD] = { 0, S_review_words_ready, NULL, S_words_prompt,
	    S_review_words_answer },
	[Q_REVIEW_GROWN_UP] = { 0, S_review_grown_ready, NULL,
	    S_grown_words_prompt, S_review_grown_answer },
	[Q_REVIEW_VOICE] = { 0, S_review_grown_ready, NULL,
	    S_voice_prompt, S_review_voice_answer },
};

/* ---- the stages --------------------------------------------------------------- */

/* Where a stage starts: its first step, or its last when going back. */
static enum step_end
S_run_stage(struct plain *p, const struct step *steps, size_t n, bool from_end,
    size_t start)
{
	if (from_end)
		return n > 0 ? S_run(p, steps, n, n - 1, true) : END_BACK;
	return S_run(p, steps, n, start, false);
}

/* The welcome menu: returns END_NEXT with a session open, or END_QUIT/_EOF. */
static enum step_end
S_welcome(struct plain *p)
{
	static const struct step menu = { .q = Q_MENU };
	enum step_end end;
	char *cause = NULL;

	if (flow_list(&p->flow, &p->menu, &cause) != 0) {
		fprintf(p->out, "! %s\n", cause);
		free(cause);
	}
	p->menu_items = xcalloc(p->menu.n + 1, sizeof *p->menu_items);
	p->n_menu = 0;
	for (size_t i = 0; i < p->menu.n; i++)
		if (p->menu.items[i].stage != STAGE_SIGNED)
			p->menu_items[p->n_menu++] = i;
	/* Then the latest version of each child's signed agreement, to review. */
	for (size_t i = 0; i < p->menu.n; i++)
		if (p->menu.items[i].latest)
			p->menu_items[p->n_menu++] = i;
	while ((end = S_run(p, &menu, 1, 0, false)) == END_BACK)
		fputs("! This is the first question. Type /quit to stop.\n", p->out);
	free(p->menu_items);
	p->menu_items = NULL;
	p->n_menu = 0;
	flow_entries_cleanup(&p->menu);
	return end;
}

/* A second child: what the household already says, asked no more. */
static void
S_household_intro(struct plain *p)
{
	const struct session *s = &p->flow.s;
	char *names;

	if (p->flow.household_problem != NULL)
		fprintf(p->out, "! %s\n", p->flow.household_problem);
	if (!p->flow.from_household)
		return;
	names = join_words((const char *const *)s->grown_ups, s->n_grown_ups,
	    "and");
	fprintf(p->out, "From your household: %s; help lines: %s; %zu house "
	    "rule%s, already agreed.\n", names, s->region != NULL ? s->region :
	    "none", p->flow.n_house, p->flow.n_house == 1 ? "" : "s");
	free(names);
}

static enum step_end
S_family(struct plain *p, bool from_end)
{
	struct step steps[4 + SESSION_MAX_GROWN_UPS];
	size_t n = 0;
	struct action go = { .kind = ACTION_START_TALKING };
	enum step_end end;

	steps[n++] = (struct step){ .q = Q_CHILD };
	steps[n++] = (struct step){ .q = Q_AGE };
	steps[n++] = (struct step){ .q = Q_BAND };
	for (size_t i = 0; i < SESSION_MAX_GROWN_UPS; i++)
		steps[n++] = (struct step){ .q = Q_GROWN_UP, .i = i };
	steps[n++] = (struct step){ .q = Q_REGION };
	fputs("\n== Who is talking ==\n", p->out);
	S_household_intro(p);
	end = S_run_stage(p, steps, n, from_end, 0);
	if (end == END_NEXT)
		S_apply(p, &go);	/* if refused, the stage runs again */
	return end;
}

/*
 * A stage's end as an action: on to the next stage (next), or back to the
 * one before (which starts again at its last question); nothing on quit.
 */
static void
S_stage_end(struct plain *p, enum step_end end, enum action_kind next)
{
	struct action a = { .kind = end == END_NEXT ? next : ACTION_BACK };

	if (end == END_NEXT || end == END_BACK)
		S_apply(p, &a);
}

static enum step_end
S_talk(struct plain *p, bool from_end)
{
	size_t np = p->flow.n_prompts, n = 0, ng = p->flow.s.n_grown_ups;
	struct step *steps;
	enum step_end end;

	/* Two or more grown-ups: each answers in their own words. */
	p->per = ng > 1 ? 1 + ng : 2;
	steps = xcalloc(p->per * np + 1, sizeof *steps);
	for (size_t i = 0; i < np; i++) {
		steps[n++] = (struct step){ .q = Q_CHILD_WORDS, .i = i,
		    .item = p->flow.prompts[i] };
		if (ng <= 1)
			steps[n++] = (struct step){ .q = Q_GROWN_UP_WORDS,
			    .i = i, .item = p->flow.prompts[i] };
		for (size_t g = 0; ng > 1 && g < ng; g++)
			steps[n++] = (struct step){ .q = Q_VOICE, .i = i,
			    .g = g, .item = p->flow.prompts[i] };
	}
	fputs("\n== Talking together ==\n", p->out);
	S_talk_plan(p);
	/* Back from the agreement: to the list it was reached from, if any. */
	if (from_end && S_n_open(p) > 0)
		end = END_NEXT;
	else
		end = S_run_stage(p, steps, n, from_end,
		    p->per * (p->flow.s.position < np ? p->flow.s.position : np));
	/* Questions put off or skipped come back before the agreement. */
	while (end == END_NEXT && (end = S_come_back(p, steps)) == END_BACK)
		end = S_run_stage(p, steps, n, true, 0);
	free(steps);
	free(p->said);
	p->said = NULL;
	S_forget_voices(p);
	S_stage_end(p, end, ACTION_START_AGREEING);
	return end;
}

/* A review's rules and promises the family said they would change. */
static void
S_to_change(struct plain *p)
{
	const struct replaces *r = p->flow.s.replaces;
	size_t n = 0;

	for (size_t i = 0; r != NULL && i < r->n_items; i++) {
		const struct review_note *note = review_note(&p->flow.s,
		    r->items[i].key);

		if (note == NULL || note->decision != DECISION_CHANGE)
			continue;
		if (n++ == 0)
			fputs("In the review you said you would change:\n", p->out);
		fprintf(p->out, "- %s\n", r->items[i].text);
	}
}

static enum step_end
S_agree(struct plain *p, bool from_end)
{
	const struct template *t = flow_template(&p->flow);
	struct step *steps;
	size_t n = 0, cap, num = 1, rest;
	enum step_end end;

	if (t == NULL) {
		fputs("! This session's agreement template is not loaded.\n", p->out);
		return END_QUIT;
	}
	cap = t->n_blanks + 3 * t->n_promises + 3 + 3 * p->flow.s.n_rules;
	for (size_t i = 0; i < t->n_sections; i++)
		cap += 3 * t->sections[i].n_clauses;
	steps = xcalloc(cap, sizeof *steps);
	for (size_t i = 0; i < t->n_blanks; i++)
		steps[n++] = (struct step){ .q = Q_BLANK, .n = num++,
		    .item = &t->blanks[i] };
	/* After each: who does not agree yet, and why, when "?" was typed. */
#define S_NOT_AGREED_STEPS() do { \
		steps[n++] = (struct step){ .q = Q_NOT_AGREED_WHO }; \
		steps[n++] = (struct step){ .q = Q_NOT_AGREED_WHY }; \
	} while (0)
	for (size_t i = 0; i < t->n_sections; i++)
		for (size_t k = 0; k < t->sections[i].n_clauses; k++) {
			steps[n++] = (struct step){ .q = Q_CLAUSE, .i = i,
			    .n = num++, .item = &t->sections[i].clauses[k] };
			S_NOT_AGREED_STEPS();
		}
	for (size_t i = 0, h = 1; i < p->flow.s.n_rules; i++)
		if (p->flow.s.rules[i].house) {
			steps[n++] = (struct step){ .q = Q_HOUSE_RULE, .i = i,
			    .n = h++ };
			S_NOT_AGREED_STEPS();
		}
	steps[n++] = (struct step){ .q = Q_RULE };
	steps[n++] = (struct step){ .q = Q_RULE_FOR };
	for (size_t i = 0; i < t->n_promises; i++) {
		steps[n++] = (struct step){ .q = Q_PROMISE, .i = i, .n = num++,
		    .item = &t->promises[i] };
		S_NOT_AGREED_STEPS();
	}
#undef S_NOT_AGREED_STEPS
	steps[n++] = (struct step){ .q = Q_REVIEW };
	fprintf(p->out, "\n== Choosing the agreement: %s ==\n", t->title);
	S_to_change(p);
	if ((rest = session_rest(&p->flow.s, p->flow.c)) > 0)
		fprintf(p->out, "%s left %zu more questions for "
		    "another evening; type /all to talk about them.\n",
		    p->flow.s.talk == TALK_TOPICS ? "The topics you chose" :
		    "The short talk", rest);
	end = S_run_stage(p, steps, n, from_end, 0);
	free(steps);
	free(p->rule);
	p->rule = NULL;
	free(p->pending);
	free(p->pending_who);
	p->pending = p->pending_who = NULL;
	S_stage_end(p, end, ACTION_START_SIGNING);
	return end;
}

static enum step_end
S_sign(struct plain *p)
{
	const struct session *s = &p->flow.s;
	const struct template *t = flow_template(&p->flow);
	struct step steps[1 + SESSION_MAX_GROWN_UPS];
	struct render_lines rl = { 0 };
	bool child = t == NULL, grown = t == NULL;
	char *cause = NULL;
	size_t n = 0;
	enum step_end end;

	fputs("\n== Your agreement ==\n\n", p->out);
	if (flow_review_lines(&p->flow, RENDER_TEXT_WIDTH, &rl, &cause) == 0) {
		for (size_t i = 0; i < rl.n; i++)
			fprintf(p->out, "%s\n", rl.lines[i].text);
	} else {
		fprintf(p->out, "! %s\n", cause);
		free(cause);
	}
	render_lines_cleanup(&rl);
	if (S_n_open(p) > 0)
		fprintf(p->out, "\n%zu %s still open (put off or skipped).\n",
		    S_n_open(p), S_n_open(p) == 1 ? "question is" : "questions are");
	/* Whom the template asks to sign, as session_signatures_needed(). */
	for (size_t i = 0; t != NULL && i < t->n_signatures; i++) {
		child = child || t->signatures[i] == ROLE_CHILD;
		grown = grown || t->signatures[i] == ROLE_GROWN_UP;
	}
	if (child)
		steps[n++] = (struct step){ .q = Q_SIGN, .role = ROLE_CHILD };
	for (size_t g = 0; grown && g < s->n_grown_ups; g++)
		steps[n++] = (struct step){ .q = Q_SIGN, .role = ROLE_GROWN_UP,
		    .i = g };
	fputs("\n== Signing ==\n", p->out);
	end = S_run(p, steps, n, 0, false);
	if (end == END_BACK) {
		struct action a = { .kind = ACTION_BACK };

		S_apply(p, &a);
	}
	return end;
}

/*
 * Reviewing together: each rule and promise of the agreement it replaces
 * (keep, change or drop, then a line from each voice), then the band's
 * review questions (a line from each voice); from the first not talked
 * about yet. Then on to choosing the agreement.
 */
static enum step_end
S_reviewing(struct plain *p, bool from_end)
{
	const struct session *s = &p->flow.s;
	struct review_items l;
	size_t n = review_items(s, p->flow.c, &l), k = 0, next;
	size_t voices = s->n_grown_ups > 1 ? s->n_grown_ups : 1;
	struct step *steps = xcalloc((2 + voices) * n + 1, sizeof *steps);
	size_t *first = xcalloc(n + 1, sizeof *first);
	enum step_end end;

	for (size_t i = 0; i < n; i++) {
		first[i] = k;
		if (l.items[i].kind != REVIEW_ITEM_QUESTION)
			steps[k++] = (struct step){ .q = Q_REVIEW_DECIDE, .i = i,
			    .item = &l.items[i] };
		steps[k++] = (struct step){ .q = Q_REVIEW_CHILD, .i = i,
		    .item = &l.items[i] };
		/* Two or more grown-ups: each in turn, under their own name. */
		for (size_t g = 0; s->n_grown_ups > 1 && g < s->n_grown_ups; g++)
			steps[k++] = (struct step){ .q = Q_REVIEW_VOICE, .i = i,
			    .item = &l.items[i], .g = g };
		if (s->n_grown_ups <= 1)
			steps[k++] = (struct step){ .q = Q_REVIEW_GROWN_UP,
			    .i = i, .item = &l.items[i] };
	}
	first[n] = k;
	p->n_review_items = n;
	fprintf(p->out, "\n== Reviewing together: version %d ==\nLooking again "
	    "at the agreement signed on %s: for each rule and promise, keep "
	    "it, change it or drop it, and say how it went.\n", s->version,
	    s->replaces != NULL && s->replaces->date != NULL ?
	    s->replaces->date : "?");
	/* Back from choosing: the last item again. */
	next = from_end && n > 0 ? n - 1 : review_next(s, p->flow.c);
	end = S_run(p, steps, k, first[next < n ? next : n], false);
	if (end == END_BACK)
		fputs("! This is the first step of a review. Type /quit to stop.\n",
		    p->out);
	free(p->said);
	p->said = NULL;
	S_forget_voices(p);
	free(first);
	free(steps);
	review_items_cleanup(&l);
	if (end == END_NEXT) {
		struct action a = { .kind = ACTION_START_AGREEING };

		S_apply(p, &a);
	}
	return end == END_BACK ? END_NEXT : end;
}

/* Signed: write the agreement's files and say where they are. */
static enum step_end
S_done(struct plain *p)
{
	const struct session *s = &p->flow.s;
	char *cause = NULL;

	if (flow_write(&p->flow, &cause) != 0) {
		fprintf(p->out, "! %s\n", cause);
		free(cause);
		return END_QUIT;
	}
	fprintf(p->out, "\n== Signed ==\nThree files, with the same words:\n"
	    "To print (web page): %s\nPlain text: %s\nMarkdown: %s\n"
	    "Review date for a calendar (import it on a phone): %s\n"
	    "Fingerprint: %s (the same code is printed at the end of the "
	    "agreement)\n"
	    "How to print: open the .html file in a web browser and choose "
	    "Print.\n"
	    "Copies somewhere else: talkpact render %s -f all -o FOLDER\n"
	    "Check later that nothing was changed: talkpact verify %s\n",
	    p->flow.out_html, p->flow.out_txt, p->flow.out_md,
	    p->flow.out_ics, p->flow.fingerprint, s->id != NULL ? s->id : "SESSION",
	    p->flow.out_md);
	return END_QUIT;
}

int
plain_run(struct cli *cli, struct content *c, struct session *s, FILE *in,
    FILE *out)
{
	struct plain p = { .in = in, .out = out };
	enum step_end end = END_NEXT;
	int rc = 0;

	flow_init(&p.flow, cli->state_dir, c, cli->now);
	p.flow.utc_offset = cli->utc_offset;
	p.flow.locale = cli->locale;
	if (s != NULL)
		flow_adopt(&p.flow, s);
	else
		end = S_welcome(&p);
	while (end == END_NEXT || end == END_BACK || end == END_TALK) {
		enum session_stage was = p.flow.s.stage;
		unsigned long reads = p.reads;

		switch (was) {
		case STAGE_FAMILY:
			end = S_family(&p, end == END_BACK);
			if (end == END_BACK)
				end = S_welcome(&p);
			break;
		case STAGE_TALKING:
			end = S_talk(&p, end == END_BACK);
			break;
		case STAGE_AGREEING:
			end = S_agree(&p, end == END_BACK);
			break;
		case STAGE_SIGNING:
			end = S_sign(&p);
			break;
		case STAGE_REVIEWING:
			end = S_reviewing(&p, end == END_BACK);
			break;
		case STAGE_SIGNED:
		default:
			end = S_done(&p);
			break;
		}
		/* Every turn reads a line or changes the stage; never spin. */
		if (p.reads == reads && p.flow.s.stage == was &&
		    (end == END_NEXT || end == END_BACK || end == END_TALK)) {
			fputs("! Plain mode cannot go on from here.\n", out);
			end = END_QUIT;
		}
	}
	/* Once more before the last word: space may have been freed. */
	if (p.flow.unsaved != NULL) {
		char *cause = NULL;

		if (flow_save(&p.flow, &cause) != 0)
			free(cause);
	}
	if (p.flow.open && p.flow.unsaved != NULL) {
		fprintf(out, "%s\nThe latest changes are not saved. To keep them "
		    "next time, free some space first; what was saved before "
		    "is still there%s%s\n", p.flow.unsaved,
		    p.flow.s.id != NULL ? ": talkpact resume " : ".",
		    p.flow.s.id != NULL ? p.flow.s.id : "");
		rc = 74;
	} else if (p.flow.open && p.flow.s.id != NULL && p.flow.s.stage != STAGE_SIGNED)
		fprintf(out, "Saved. Carry on later with: talkpact resume %s\n",
		    p.flow.s.id);
	free(p.line);
	free(p.said);
	free(p.rule);
	S_forget_voices(&p);
	free(p.pending);
	free(p.pending_who);
	flow_cleanup(&p.flow);
	fflush(out);
	return rc;
}
