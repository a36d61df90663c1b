/*
 * session.h: one family's conversation and agreement, and the only way to
 * change it: session_apply() with an action. The TUI, plain mode, the
 * command line and the tests all go through it; none of them edit a struct
 * session by hand.
 *
 * No curses, no printing, no exit. Saving is session_store.h's job.
 * Ownership: everything reachable from a struct session is owned by it and
 * freed by session_cleanup(). Strings are UTF-8 as the family typed them
 * (session_apply() rejects invalid UTF-8, NUL and control characters other
 * than newline and tab).
 */
#ifndef TALKPACT_SESSION_H
#define TALKPACT_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "content.h"

#define SESSION_FORMAT_VERSION 2
#define SESSION_MAX_GROWN_UPS 3
#define SESSION_MAX_TEXT_BYTES (16u * 1024)	/* one answer or rule */
#define SESSION_MAX_NAME_BYTES 80		/* a name, as typed */
#define SESSION_MAX_BLANK_BYTES 400		/* a text blank's value */
#define SESSION_MAX_RULES 40
#define SESSION_MAX_ANSWERS 1000
#define SESSION_MAX_DRAFTS 64
#define SESSION_MAX_BOX_BYTES 240		/* a draft's box name */

/* Where the family is. X(enum-suffix, id, shown-as) */
#define SESSION_STAGE_TABLE \
	X(FAMILY, "family", "Getting started") \
	X(TALKING, "talking", "Talking") \
	X(AGREEING, "agreeing", "Choosing the agreement") \
	X(SIGNING, "signing", "Signing") \
	X(SIGNED, "signed", "Signed") \
	X(REVIEWING, "reviewing", "Reviewing together")

enum session_stage {
#define X(e, id, shown) STAGE_##e,
	SESSION_STAGE_TABLE
#undef X
	STAGE__COUNT
};

enum answer_state {
	ANSWER_OPEN,		/* not reached yet */
	ANSWER_GIVEN,		/* one or both voices recorded */
	ANSWER_SKIPPED,
	ANSWER_LATER		/* "talk again later" */
};

/* How much of the band's talk the family chose. X(enum-suffix, id) */
#define SESSION_TALK_TABLE \
	X(ALL, "all") \
	X(SHORT, "short") \
	X(TOPICS, "topics")	/* the band's questions on the topics chosen */

enum session_talk {
#define X(e, id) TALK_##e,
	SESSION_TALK_TABLE
#undef X
	TALK__COUNT
};

/*
 * The time estimate the family screen shows: about this many minutes a
 * question, rounded to the nearest 5 minutes (at least 5).
 */
#define SESSION_MINUTES_PER_QUESTION 2
int session_minutes(size_t questions);

/* One grown-up's own words, under their own name. */
struct voice {
	char *name;		/* as the family has the grown-up's name */
	char *text;
};

struct answer {
	char *prompt_id;
	enum answer_state state;
	char *child;		/* the child's words, or NULL */
	char *grown_up;		/* the grown-ups' shared words, or NULL */
	struct voice *voices;	/* each grown-up's own words (SET_VOICE) */
	size_t n_voices, cap_voices;
};

struct clause_setting {		/* only clauses the family changed or filled */
	char *clause_id;
	bool on;
};

struct blank_value {
	char *blank_id;
	char *value;		/* checked against the blank's kind */
};

struct own_rule {
	char *text;
	enum binds binds;
	bool house;		/* a house rule, from the household */
};

/*
 * Someone has not agreed to an item yet: item is "clause/ID",
 * "promise/ID" or "rule/N" (the family's own rule N, from 1); who is the
 * child's or a grown-up's name; reason is in their words, or NULL. Such
 * an item is not in force: it prints under "Still to agree".
 */
struct not_agreed {
	char *item;
	char *who;
	char *reason;
};
#define SESSION_MAX_NOT_AGREED 64
#define SESSION_MAX_REASON_BYTES 400

struct promise_setting {
	char *promise_id;
	bool on;
};

/*
 * What was being typed in a box and not yet confirmed, kept so that
 * leaving (or a crash of the terminal) loses nothing. box names the box:
 * "answer/PROMPT/child", "answer/PROMPT/grown-up", "rule/new", "blank/ID",
 * "review/ITEM/child", "review/ITEM/grown-up", "review/ITEM/voice-N"
 * (REVIEW forgets them).
 */
struct draft {
	char *box;
	char *text;
};

struct signature {
	enum role role;
	size_t grown_up;	/* ROLE_GROWN_UP: index into grown_ups[]; else 0 */
	char *name;		/* as typed */
	time_t when;
	/*
	 * Format 2: the signer's own calendar date at when ("2026-11-29")
	 * and their offset from UTC in seconds (east positive), as main.c
	 * worked it out from the time zone. A format-1 signature has the
	 * UTC date and offset 0.
	 */
	char date[11];
	long utc_offset;
};

/*
 * A review (talkpact review): the agreement it replaces, as it was
 * signed, and how each of its rules and promises fared. review.h owns
 * what they mean; these are the session's data.
 */

/* How a rule or promise fared. X(enum-suffix, id) */
#define REVIEW_DECISION_TABLE \
	X(NONE, "none") \
	X(KEEP, "keep") \
	X(CHANGE, "change") \
	X(DROP, "drop")

enum review_decision {
#define X(e, id) DECISION_##e,
	REVIEW_DECISION_TABLE
#undef X
	DECISION__COUNT
};

/* One rule or promise of the replaced agreement, as signed. */
struct previous_item {
	char *key;		/* "clause/ID", "rule/N" (own rule N, from 1), "promise/ID" */
	char *text;		/* its words, blanks filled in */
	enum binds binds;	/* promises: BINDS_GROWN_UPS */
};

struct replaces {
	char *id;		/* the session of the replaced agreement */
	int version;		/* its version */
	time_t signed_at;	/* when it was signed */
	char *date;		/* that day as its agreement says it: "29 November 2026" */
	char *fingerprint;	/* its 64 hex digits, or NULL */
	struct previous_item *items;
	size_t n_items;
	struct blank_value *blanks;	/* every blank's value then */
	size_t n_blanks;
};

/* What the family said about one item in a review. */
struct review_note {
	char *key;		/* a previous_item's key, or "prompt/ID" */
	enum review_decision decision;	/* NONE for a review question */
	char *child;		/* or NULL */
	char *grown_up;		/* or NULL: the grown-ups' one shared line */
	struct voice *voices;	/* each grown-up's own line (REVIEW_VOICE) */
	size_t n_voices, cap_voices;
};

struct session {
	char *id;			/* file name without .yaml */
	int format_version;
	time_t created, updated;
	enum session_stage stage;

	char *child;			/* first name, or NULL before it is given */
	int age;			/* 4..17, 0 before it is given */
	enum band band;			/* suggested by age; the family may change it */
	char *grown_ups[SESSION_MAX_GROWN_UPS];
	size_t n_grown_ups;
	char *region;			/* "UK", or NULL */

	char *template_id;		/* the band's template, or NULL */
	size_t position;		/* index into the prompt order */
	enum session_talk talk;		/* TALK_SHORT: only the short talk */
	unsigned topics;		/* TALK_TOPICS: SESSION_TOPIC_BIT()s; 0 none */

	struct answer *answers;
	size_t n_answers, cap_answers;
	struct clause_setting *clauses;
	size_t n_clauses, cap_clauses;
	struct blank_value *blanks;
	size_t n_blanks, cap_blanks;
	struct own_rule *rules;
	size_t n_rules, cap_rules;
	struct promise_setting *promises;
	size_t n_promises, cap_promises;
	struct signature *signatures;
	size_t n_signatures, cap_signatures;
	int review_months;		/* 0: the template's default */
	struct draft *drafts;
	size_t n_drafts, cap_drafts;
	struct not_agreed *not_agreed;	/* optional: what is still to agree */
	size_t n_not_agreed, cap_not_agreed;

	/*
	 * What was signed (format 2): set by the last SIGN, read back by the
	 * store; NULL while not signed and for a signed format-1 file.
	 */
	struct signed_words *frozen;
	/*
	 * Loaded from a file whose data no longer matches its digest: the
	 * session was changed after signing. Such a session is never
	 * rendered or saved (session_signed_check()).
	 */
	bool changed_after_signing;
	int version;			/* 1, or 2, 3... for a review */
	struct replaces *replaces;	/* a review's: what it replaces; or NULL */
	struct review_note *notes;	/* a review's notes, in the order made */
	size_t n_notes, cap_notes;
};

/* Every way a session can change. X(enum-suffix, id) */
#define ACTION_TABLE \
	X(SET_CHILD, "set-child")		/* text: first name */ \
	X(SET_AGE, "set-age")			/* number: 4..17; sets band */ \
	X(SET_BAND, "set-band")			/* number: enum band */ \
	X(SET_GROWN_UP, "set-grown-up")		/* index, text ("" removes) */ \
	X(SET_REGION, "set-region")		/* id: region code */ \
	X(START_TALKING, "start-talking")	/* family complete -> TALKING */ \
	X(ANSWER, "answer")			/* id: prompt; text: child; text2: grown-up */ \
	X(SKIP, "skip")				/* id: prompt */ \
	X(LATER, "later")			/* id: prompt */ \
	X(GOTO, "goto")				/* number: position in prompt order */ \
	X(START_AGREEING, "start-agreeing")	/* -> AGREEING */ \
	X(SET_CLAUSE, "set-clause")		/* id: clause; flag: on */ \
	X(SET_BLANK, "set-blank")		/* id: blank; text: value */ \
	X(ADD_RULE, "add-rule")			/* text; number: enum binds; flag: a house rule */ \
	X(EDIT_RULE, "edit-rule")		/* index; text; number: enum binds */ \
	X(REMOVE_RULE, "remove-rule")		/* index */ \
	X(SET_PROMISE, "set-promise")		/* id: promise; flag: on */ \
	X(SET_REVIEW, "set-review")		/* number: months 1, 3, 6, 12 */ \
	X(START_SIGNING, "start-signing")	/* -> SIGNING */ \
	X(SIGN, "sign")				/* number: enum role; index: grown-up; text: name; when */ \
	X(BACK, "back")				/* to the previous stage, unsigning */ \
	X(SET_DRAFT, "set-draft")		/* id: box; text ("" or NULL forgets it) */ \
	X(SET_TALK, "set-talk")			/* number: enum session_talk */ \
	X(SET_VOICE, "set-voice")		/* id: prompt; index: grown-up; text ("" removes) */ \
	X(SET_NOT_AGREED, "set-not-agreed")	/* id: item; text: who; text2: reason; flag: not agreed */ \
	X(REVIEW, "review")			/* id: item key; number: enum review_decision; text: child; text2: grown-up */ \
	X(SET_TOPICS, "set-topics")		/* number: SESSION_TOPIC_BIT()s; -> TALK_TOPICS */ \
	X(REVIEW_VOICE, "review-voice")		/* id: item key (after REVIEW); index: grown-up; text ("" removes) */

enum action_kind {
#define X(e, id) ACTION_##e,
	ACTION_TABLE
#undef X
	ACTION__COUNT
};

struct action {
	enum action_kind kind;
	const char *id;
	const char *text;
	const char *text2;
	long number;
	size_t index;
	bool flag;
	time_t when;		/* SIGN; 0 means now */
	long utc_offset;	/* SIGN: signer's offset from UTC, seconds east */
};

/* Stage and action names, from the tables above. *_from_id returns -1 if unknown. */
const char *session_stage_id(enum session_stage st);
const char *session_stage_shown(enum session_stage st);
int session_stage_from_id(const char *id);
const char *action_id(enum action_kind k);
const char *session_talk_id(enum session_talk t);
int session_talk_from_id(const char *id);
const char *review_decision_id(enum review_decision d);
int review_decision_from_id(const char *id);

/*
 * Check one piece of text the family typed: valid UTF-8, no control
 * characters (newline and tab allowed only if multiline), at most max
 * bytes. Returns 0, or -1 with a message for the status line in *cause
 * (caller frees). what names the thing ("The answer", "A name").
 */
int session_check_text(const char *text, size_t max, bool multiline,
    const char *what, char **cause);

/*
 * The signatures the template asks for: one for the child if it lists
 * "child", one per grown-up if it lists "grown-up". Returns how many, and
 * whether each is present in *n_signed (may be NULL).
 */
size_t session_signatures_needed(const struct session *s,
    const struct template *t, size_t *n_signed);

/* The signature for role (and grown-up index), or NULL. */
const struct signature *session_signature(const struct session *s,
    enum role role, size_t grown_up);

void session_init(struct session *s);
void session_cleanup(struct session *s);

/* A new session's id from the child's name and the time: "2026-11-29-sam-1432". Caller frees. */
char *session_make_id(const char *child, time_t now);

/*
 * Apply one action at the caller's time now (the library reads no clock):
 * on success returns 0 and sets s->updated to now (and SIGN's time, when
 * the action gives none). On a
 * mistake (bad time "25:00", number out of range, unknown id, text too long
 * or not valid UTF-8, action not allowed at this stage) returns -1, leaves
 * s unchanged and sets *cause to a message for the status line (caller
 * frees).
 */
int session_apply(struct session *s, const struct content *c,
    const struct action *a, time_t now, char **cause);

/*
 * The draft kept for a box, or NULL. A draft is forgotten when what it
 * was typed for is confirmed (ANSWER forgets "answer/PROMPT/...", ADD_RULE
 * "rule/new", SET_BLANK "blank/ID").
 */
const char *session_draft(const struct session *s, const char *box);
/* "answer/PROMPT/child" or ".../grown-up". Caller frees. */
char *session_draft_box(const char *prompt_id, bool grown_up);

/* Lookups against the template; defaults when the family changed nothing. */
const struct template *session_template(const struct session *s,
    const struct content *c);
const struct answer *session_answer(const struct session *s, const char *prompt_id);
bool session_clause_on(const struct session *s, const struct clause *cl);
bool session_promise_on(const struct session *s, const struct promise *p);
const char *session_blank(const struct session *s, const struct blank *b);
int session_review_months(const struct session *s, const struct template *t);

struct marker;
/*
 * The value of a {{marker}} in template t's text for this session: the
 * child's name ("the child" before it is given), the grown-ups joined as
 * "A, B and C" ("the grown-ups"), or a blank's value or default. NULL for
 * a marker t does not know. Caller frees. A fill_lookup_fn for fill.h
 * with a struct session_markers as its argument.
 */
struct session_markers {
	const struct session *s;
	const struct template *t;	/* or NULL */
};
char *session_marker(const struct marker *m, void *markers);

/*
 * The prompts this session talks through, in order: all the band's (by
 * topic as listed in TOPIC_TABLE, then load order) or, for a short talk,
 * the band's short talk in its order (content_short_talk(); all of them
 * when the band has none). *out is an array of pointers into c; caller
 * frees the array only.
 *
 * SET_AGE and SET_BAND choose the short talk for 4-7 and all the
 * questions for the other bands; SET_TALK chooses: at the family stage before talking, or later to carry
 * on with the rest (TALK_ALL after a short talk): then the stage goes back
 * to talking (if it was choosing the agreement) and the position to the
 * first question not yet reached in the new order.
 */
size_t session_prompts(const struct session *s, const struct content *c,
    const struct prompt ***out);

/*
 * Topics: a talk on the topics the family chose (TALK_TOPICS) asks the
 * band's questions on those topics only, in the same order; SET_TOPICS
 * chooses them (as SET_TALK does, at the same stages) and a new age or
 * band forgets them. With none chosen it is all the questions.
 */
#define SESSION_TOPIC_BIT(t) (1u << (unsigned)(t))

/*
 * How many of the band's questions a short talk (or a talk on chosen
 * topics) leaves for another evening: those with no answer, skip or
 * "later" yet. 0 when the talk is all the questions.
 */
size_t session_rest(const struct session *s, const struct content *c);

/*
 * A grown-up's own words in an answer, by name, or NULL. Voices are set
 * with SET_VOICE (at talking or choosing the agreement): it records the
 * words under grown_ups[index]'s name and marks the answer given, without
 * moving on; ANSWER then moves on and may carry no other words.
 */
const char *session_voice(const struct answer *a, const char *name);

/*
 * Not agreed yet. SET_NOT_AGREED (while choosing the agreement) marks item
 * ("clause/ID", "promise/ID", "rule/N") as not yet agreed by who (the
 * child or a grown-up, by name) with a short reason in their words (flag
 * true), or agreed by them after all (flag false). An ADD_RULE with flag
 * true adds a house rule (allowed from the family stage on).
 * session_not_agreed() is the i-th entry for item (NULL past the last);
 * session_item_agreed() says whether nobody holds item back.
 */
const struct not_agreed *session_not_agreed(const struct session *s,
    const char *item, size_t i);
bool session_item_agreed(const struct session *s, const char *item);
/* "clause/ID", "promise/ID", "rule/N" (from 1). Caller frees. */
char *session_item_id(const char *kind, const char *id, size_t rule);
/* Copy src's not-agreed entries into dst (a review starting from src). */
void session_copy_not_agreed(struct session *dst, const struct session *src);

/* "Sam, 8, talking: 7 of 22". Caller frees. */
char *session_describe(const struct session *s, const struct content *c);

/* ---- what was signed (format 2) ---------------------------------------- */

/*
 * A text of the agreement as signed: the template's words with the
 * family's values filled in, as pieces that alternate between words
 * (pieces[0], [2]...: plain) and a value the family chose (pieces[1],
 * [3]...: shown in bold). A family's own rule is one piece.
 */
struct signed_text {
	char **pieces;
	size_t n;
};

/* A list of the pact under a heading. X(enum-suffix, id) */
#define SIGNED_BLOCK_TABLE \
	X(RULES, "rules")		/* a group of rules (tick boxes: 4-7) */ \
	X(TICKS, "ticks")		/* promises, "if a rule is broken" */ \
	X(STILL, "still")		/* still to agree: who has not yet, and why */ \
	X(CHANGES, "changes")		/* a review's "What changed since" (review.h) */

enum signed_block_kind {
#define X(e, id) SIGNED_BLOCK_##e,
	SIGNED_BLOCK_TABLE
#undef X
	SIGNED_BLOCK__COUNT
};
const char *signed_block_id(enum signed_block_kind k);
int signed_block_from_id(const char *id);

struct signed_block {
	enum signed_block_kind kind;
	char *heading;
	struct signed_text *items;
	size_t n_items;
};

/* A help or reporting line as the agreement printed it. */
struct signed_line {
	char *name, *about;
	char *phone, *web;	/* or NULL */
};

/*
 * The words and data of a signed agreement, frozen at the last signature
 * so that rendering it never again depends on the clock, the time zone,
 * the locale or the content (which may change or be gone). Everything is
 * text as printed. The store writes it after signatures: as signed: (see
 * talkpact-session(5)).
 */
struct signed_words {
	char *title;			/* the template's title */
	enum band band;			/* the type size and the drawing boxes */
	char *paper;			/* "a4" or "letter", the region's */
	char *date;			/* signing date: "29 November 2026" */
	char *review_date;		/* "29 May 2027" */
	char review_day[11];		/* "2027-05-29": calendars, lists */
	int review_months;		/* 1, 3, 6 or 12 */
	struct signed_block *blocks;	/* in the order printed */
	size_t n_blocks;
	char *steps_heading;		/* "If something goes wrong" */
	struct signed_text *steps;	/* numbered */
	size_t n_steps;
	char *help_region;		/* region's name; NULL: no help lines */
	struct signed_line *lines;
	size_t n_lines;
	/*
	 * Who signs on paper: the child, the grown-ups. Not written: the
	 * store reads them from the signatures.
	 */
	bool child_signs, grown_ups_sign;
	/*
	 * The agreement's Markdown (the .md, without the conversation
	 * record) exactly as signed, and its fingerprint (64 hex digits).
	 * render -f md writes this text, byte for byte, from now on.
	 */
	char *markdown;
	char fingerprint[65];
	/*
	 * SHA-256 (64 hex digits) of session_signed_canonical(): the frozen
	 * words and the family's own data. Written at signing, compared on
	 * loading.
	 */
	char digest[65];
};

/* Free w and everything it holds (NULL is fine). */
void signed_words_free(struct signed_words *w);

/*
 * The words the agreement for s would have if it were signed now: the
 * template's and region's words filled with the family's values, dated
 * by its last signature's own date (or now at utc_offset, for a draft).
 * markdown, fingerprint and digest are left empty (agreement.c and
 * session_freeze() fill them). Returns a new struct (caller:
 * signed_words_free()), or NULL with *cause when the template is not
 * loaded.
 */
struct signed_words *session_words(const struct session *s,
    const struct content *c, time_t now, long utc_offset, char **cause);

/*
 * Freeze what s's family signed: session_words(), the agreement's
 * Markdown and fingerprint (agreement_freeze_markdown()) and the digest,
 * into s->frozen. SIGN does this when the last signature is given.
 * Returns 0, or -1 with *cause (s unchanged).
 */
int session_freeze(struct session *s, const struct content *c, char **cause);

/*
 * The canonical form the digest covers, as one string (caller frees):
 * one line per datum, "key len:value", in a fixed order: the template
 * id; the family (child, age, band, grown-ups, region); answers, clause
 * settings, blanks, rules, promises, review months; every signature
 * (role, grown-up, name, time, date, offset); then every frozen word,
 * the Markdown and the fingerprint. Keys others add to format 2 are not
 * in it unless they are appended here; append them at the end and only
 * when present, so that a file signed before keeps its digest (a line
 * added for an absent key would make every older signed file read as
 * changed after signing).
 */
char *session_signed_canonical(const struct session *s);

/* SHA-256 of session_signed_canonical() as 64 hex digits. */
void session_signed_digest(const struct session *s, char out[65]);

/*
 * Is s signed and sealed in format 2 with data that matches its digest?
 * 1: yes; 0: not frozen (not signed, or a signed format-1 file); -1:
 * changed after signing (the data no longer matches the digest).
 */
int session_signed_check(const struct session *s);

#endif
