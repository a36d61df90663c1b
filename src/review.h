/*
 * review.h: looking at a signed agreement again together. A review is a
 * new session, the next version of the child's agreement, that starts as
 * a copy of the signed one (the family, the clause settings, the blanks,
 * their own rules and promises) and keeps what it replaces (struct
 * replaces in session.h: its rules and promises as they were signed).
 * The family goes through each rule and promise that was on (keep,
 * change or drop, and a line from each voice on how it went), then the
 * band's review questions, then chooses, reads and signs as before. The
 * new agreement says what changed since the one it replaces.
 *
 * Library code: no printing, no exit, no clock (times come in).
 * Ownership: as each function says.
 */
#ifndef TALKPACT_REVIEW_H
#define TALKPACT_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "content.h"
#include "session.h"

/*
 * Start a review of prev, a signed session, into out (session_init()ed):
 * version prev's + 1, stage "reviewing", created and updated now, no id
 * yet (the store gives one), everything the family chose copied, and
 * out->replaces filled by review_previous_rules(). Returns 0, or -1 with
 * *cause (caller frees) when prev is not signed or its agreement is not
 * loaded.
 */
int review_start(const struct session *prev, const struct content *c,
    time_t now, struct session *out, char **cause);

/*
 * What prev said when it was signed, into *r (zeroed first; free with
 * review_replaces_free()): its id, version, signing time, fingerprint
 * (NULL when it cannot be computed), every rule and promise that was on,
 * with its words filled in, and every blank's value.
 */
void review_previous_rules(const struct session *prev, const struct content *c,
    struct replaces *r);
void review_replaces_free(struct replaces *r);

/* Free s's review data (s->replaces, s->notes); session_cleanup() calls it. */
void review_session_free(struct session *s);

/* What a review goes through, in this order. */
enum review_item_kind {
	REVIEW_ITEM_TO_AGREE,		/* review_still_to_agree() */
	REVIEW_ITEM_RULE,		/* a rule that was on: keep, change or drop */
	REVIEW_ITEM_PROMISE,		/* a promise that was on: the same */
	REVIEW_ITEM_QUESTION		/* one of the band's review questions */
};

struct review_item {
	enum review_item_kind kind;
	const char *key;	/* the note's key; borrowed from s, c or owned by the list */
	const char *text;	/* the rule or promise as signed, or the question */
	const char *tip;	/* a question's tip, or NULL */
	enum binds binds;	/* a rule's */
};

struct review_items {
	struct review_item *items;
	size_t n, cap;
};

/*
 * The items a review of s goes through: first the items still to agree,
 * then each rule that was on in the replaced agreement, each promise, and
 * the review questions of s's template. Pointers borrow from s and c.
 * Returns how many (0 when s is not a review). Caller:
 * review_items_cleanup().
 */
size_t review_items(const struct session *s, const struct content *c,
    struct review_items *out);
void review_items_cleanup(struct review_items *l);

/*
 * The items still to agree that a review must take first: each item
 * someone had not agreed to yet (session.h's not_agreed, copied from the
 * agreement reviewed), once, with its words filled in (appended to out,
 * as REVIEW_ITEM_TO_AGREE; key, text and tip owned by out; the tip says
 * who had not agreed and why, and what each decision means). Keep means agreed
 * now, drop switches it off, change leaves it still to agree
 * (review_finish()). Returns how many were added.
 */
size_t review_still_to_agree(const struct session *s, const struct content *c,
    struct review_items *out);
/* A still-to-agree item's note key: "still/" then its item ("still/rule/2"). */
#define REVIEW_STILL_PREFIX "still/"


/* The note for key, or NULL. */
const struct review_note *review_note(const struct session *s, const char *key);

/* The first item with no note yet (its index), or the number of items. */
size_t review_next(const struct session *s, const struct content *c);

/* "keep", "change", "drop" (and "none"). */
const char *review_decision_shown(enum review_decision d);

/*
 * ACTION_REVIEW (session_apply() calls it in the reviewing stage): the
 * note for a->id, a key of review_items(); a->number its decision (a rule
 * or promise needs keep, change or drop; a question none); a->text and
 * a->text2 the child's and the grown-up's line (either may be empty).
 * Returns 0 or -1 with *cause, s unchanged.
 */
int review_apply(struct session *s, const struct content *c,
    const struct action *a, char **cause);

/*
 * ACTION_REVIEW_VOICE (after ACTION_REVIEW has made the note for a->id):
 * grown-up a->index's own line about it, kept under their name; blank
 * text removes it. Returns 0 or -1 with *cause, s unchanged.
 */
int review_apply_voice(struct session *s, const struct action *a,
    char **cause);

/* Grown-up name's own line in note n, or NULL. */
const char *review_note_voice(const struct review_note *n, const char *name);

/*
 * Carry the decisions into the agreement when a review moves on to
 * choosing (s->stage is already "agreeing"): a dropped rule or promise is
 * switched off (an own rule removed), a kept one on (an own rule put
 * back if it was removed); a changed one is left for the family to
 * change. Applying it twice changes nothing more.
 */
void review_finish(struct session *s, const struct content *c, time_t now);

/* One line of "What changed since ...". */
enum review_change_kind {
	CHANGE_RULE_ADDED,
	CHANGE_RULE_CHANGED,
	CHANGE_RULE_DROPPED,
	CHANGE_PROMISE_ADDED,
	CHANGE_PROMISE_CHANGED,
	CHANGE_PROMISE_DROPPED
};

struct review_change {
	enum review_change_kind kind;
	char *text;		/* the rule or promise (as it is now; as it was if dropped) */
	char *detail;		/* "45 → 60 minutes", "the kitchen → the hall", or NULL */
};

struct review_changes {
	struct review_change *items;
	size_t n, cap;
};

/*
 * What changed between the agreement s replaces and s: rules added,
 * changed (with what changed in them) and dropped, then promises the
 * same way. Returns how many (0 also when s is not a review). Caller:
 * review_changes_cleanup().
 */
size_t review_changes(const struct session *s, const struct content *c,
    struct review_changes *out);
void review_changes_cleanup(struct review_changes *l);

/* "Added", "Changed", "Dropped", "Promise added"... */
const char *review_change_label(enum review_change_kind k);

/*
 * How a review day ("2027-05-29", agreement_review_day()) stands at now
 * on the calendar utc_offset seconds east of UTC, into buf: "on 29 May
 * 2027", or from that day on "due since 29 May 2027" (as 'talkpact
 * sessions' says it). Returns 1 when due, 0 when not yet, -1 (buf
 * untouched) when review_day is not a date.
 */
int review_due_words(const char *review_day, time_t now, long utc_offset,
    char *buf, size_t sz);

/*
 * "29 November 2026": the day s was signed, as its agreement says it (the
 * last signer's own date), or NULL when it is not signed. Caller frees.
 */
char *review_signed_date(const struct session *s);

/* When s was signed: its last signature's time, or 0. */
time_t review_signed_at(const struct session *s);

struct session_list;
/*
 * In a list of saved sessions (session_store_list()): the latest signed
 * version of child's agreement (names compared ignoring case; the
 * highest version, then the latest signing), or SIZE_MAX when there is
 * none. And the unsigned review that replaces the session replaced_id,
 * or SIZE_MAX.
 */
size_t review_latest(const struct session_list *l, const char *child);
size_t review_in_progress(const struct session_list *l, const char *replaced_id);

#endif
