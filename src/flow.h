/*
 * flow.h: one family's way through talkpact, shared by the TUI and plain
 * mode: which session is open, the prompts it talks through, applying an
 * action and saving at once (blank.h checks blanks), and
 * writing the signed agreement. It glues session.h to the session store
 * and the agreement renderer, so the front ends never touch either.
 *
 * No curses, no printing, no exit, no environment: errors come back as a
 * message in *cause (caller frees).
 */
#ifndef TALKPACT_FLOW_H
#define TALKPACT_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "content.h"
#include "session.h"

struct cli;
struct render_lines;

/* A saved conversation, for the welcome screen. */
struct flow_entry {
	char *id;
	char *child;		/* or NULL */
	char *describe;		/* session_describe() */
	enum session_stage stage;
	time_t updated;
	/* Signed before the household's house rules last changed. */
	bool house_rules_changed;
	int version;		/* 1, or 2, 3... after reviews */
	char review_day[11];	/* a signed one's, "2027-05-29" (agreement_review_day()), or "" */
	bool latest;		/* the latest signed version of its child's agreement */
};

struct flow_entries {
	struct flow_entry *items;
	size_t n, cap;
};

/*
 * What time it is: the caller's clock (main's, or a fixed one for tests),
 * asked whenever the flow needs the time; the library reads no clock.
 */
typedef time_t (*flow_clock)(void);

struct flow {
	flow_clock now;			/* never NULL */
	/*
	 * The local offset from UTC (seconds east) at a time, from main.c
	 * (cli->utc_offset): it dates each signature on the signer's own
	 * calendar and a draft's page. NULL: UTC.
	 */
	long (*utc_offset)(time_t t);
	const char *state_dir;		/* sessions go in its sessions/; borrowed, or NULL */
	const struct content *c;	/* borrowed */
	const char *locale;		/* suggests a new session's region; borrowed, or NULL */
	struct session s;		/* the open session, if open */
	bool open;
	const struct prompt **prompts;	/* session_prompts(), owned array */
	size_t n_prompts;
	/*
	 * Why the latest change is not on disk (the session in memory is
	 * newer than its file), or NULL when everything is saved. Owned.
	 */
	char *unsaved;
	/*
	 * After flow_write(): the files written (out_ics: the review date
	 * for a calendar) and the fingerprint.
	 */
	char *out_md, *out_html, *out_txt, *out_ics, *fingerprint;
	/*
	 * The open session was started from the household: its grown-ups
	 * and region are the household's (no need to ask them again) and
	 * its house rules are offered as agreed. n_house: how many.
	 */
	bool from_household;
	size_t n_house;
	/* Why the household file could not be used, or NULL. Owned. */
	char *household_problem;
};

void flow_init(struct flow *f, const char *state_dir, const struct content *c,
    flow_clock now);
void flow_cleanup(struct flow *f);

/* Saved sessions, newest first. Returns 0 or -1 with *cause. */
int flow_list(const struct flow *f, struct flow_entries *out, char **cause);
void flow_entries_cleanup(struct flow_entries *e);

/*
 * Start an empty session (not saved until the child's name is given), its
 * region the one f->locale's territory has help lines for
 * (content_region_for_locale), or none. When the state folder has a
 * household (household.h; made from the latest session if it has none),
 * the session starts with its grown-ups, region and house rules and
 * f->from_household is set; a damaged household is left alone and said
 * in f->household_problem.
 *
 * Signing (SIGN that completes the signatures) brings the household in
 * step: the session's rules that bind everyone become the house rules,
 * and when they changed, the other children's signed agreements are
 * marked "house rules changed since you signed" (household_after_signing);
 * no signed session is rewritten. Starting to talk makes the household
 * when there is none yet.
 */
void flow_new(struct flow *f);


/* Close the open session (it is already saved). */
void flow_close(struct flow *f);
/* Open a saved session by id. Returns 0 or -1 with *cause. */
int flow_open(struct flow *f, const char *id, char **cause);
/*
 * Review the signed agreement id together (review.h): open the review
 * already in progress for the latest signed version of its child's
 * agreement, or start one from that version and save it. id may also be
 * a review in progress (opened as it is). Returns 0, or -1 with *cause
 * ("not signed yet: talkpact resume ID" for a session not signed).
 */
int flow_review(struct flow *f, const char *id, char **cause);

/*
 * Where the signed session s's files are: "DIR/STEM" (add .md, .html,
 * .txt, .ics) when DIR/STEM.md holds its words, the name flow_write()
 * gave them; else NULL (not written, or changed by hand). Caller frees.
 */
char *flow_agreement_files(const struct flow *f, const struct session *s);

/* Take over a session the caller loaded (e.g. from 'talkpact resume'). */
void flow_adopt(struct flow *f, struct session *s);

/*
 * Apply one action and save straight away. Returns 0; -1 with *cause when
 * the action was refused (the session unchanged); 1 with *cause ("Not
 * saved: ...") when it was applied in memory but could not be saved (and
 * f->unsaved says so until a later save works).
 */
int flow_apply(struct flow *f, const struct action *a, char **cause);

/*
 * Save the open session again (after a save failed). Returns 0, or -1
 * with *cause; f->unsaved follows the result.
 */
int flow_save(struct flow *f, char **cause);

/* The region f->locale suggests, or NULL. */
const struct region *flow_locale_region(const struct flow *f);

/* The template for the session's band, or NULL. */
const struct template *flow_template(const struct flow *f);
/* The prompt at the session's position, or NULL past the end. */
const struct prompt *flow_current(const struct flow *f);
/* How many prompts have an answer given, skipped or marked later. */
size_t flow_count(const struct flow *f, enum answer_state st);

/*
 * How many questions a talk of this kind has for the session's band (0
 * for a short talk when the band has none), and the one wording of the
 * choice with its time estimate (session_minutes()): "a short talk (about
 * 10 questions, about 20 minutes)" or "all the questions (34, about 70
 * minutes)". The label is NULL for a short talk the band lacks; caller
 * frees it.
 */
size_t flow_talk_size(const struct flow *f, enum session_talk talk);
char *flow_talk_label(const struct flow *f, enum session_talk talk);

/*
 * The topics the session's band has questions on, in TOPIC_TABLE's
 * order, into out (TOPIC__COUNT long), with how many questions each has
 * into counts (may be NULL). A talk on chosen topics (TALK_TOPICS) is
 * sized and labelled by the session's choice: "3 topics (12 questions,
 * about 25 minutes)", "topics: none chosen yet".
 */
size_t flow_band_topics(const struct flow *f, enum topic *out, size_t *counts);

/* A clause's text with its blanks filled in as the session has them. Caller frees. */
char *flow_clause_text(const struct flow *f, const struct clause *cl);

/* The agreement as it will print, wrapped to width, for the review screen. */
int flow_review_lines(struct flow *f, int width, struct render_lines *out,
    char **cause);

/*
 * Write the signed agreement as STATE_DIR/agreements/STEM.md, .html and
 * .txt, and its review date for a calendar as STEM.ics (ics_review())
 * (agreement_file_stem(); "-2", "-3"... when another agreement has that
 * name; the folder 0700, each file 0600 and replaced atomically) and
 * fill out_* (full paths) and fingerprint (the printed 32 digits in groups
 * of four). Writing the same signed agreement again reuses its files.
 * Returns 0 or -1 with *cause.
 */
int flow_write(struct flow *f, char **cause);

#endif
