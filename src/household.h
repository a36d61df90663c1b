/*
 * household.h: what one family shares between its children's
 * conversations, kept in STATE_DIR/household.yaml (format in
 * talkpact-session(5)): the grown-ups (one to three), the region, the
 * house rules (rules that bind everyone) and which children's signed
 * agreements were made before the house rules last changed.
 *
 * Each session keeps its own copy of the family it was started with, so a
 * session file still renders alone; the household only seeds new
 * sessions and keeps the house rules in step. Read through ytree.h,
 * written 0600 atomically through privfile.h; never written over when it
 * does not load. No printing, no exit, no environment, no clock.
 */
#ifndef TALKPACT_HOUSEHOLD_H
#define TALKPACT_HOUSEHOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "content.h"
#include "diag.h"
#include "session.h"

#define HOUSEHOLD_FORMAT_VERSION 1
#define HOUSEHOLD_FILE "household.yaml"
#define HOUSEHOLD_MAX_FILE_BYTES (1024u * 1024)
#define HOUSEHOLD_MAX_MARKS 64

struct house_rule {
	char *text;
	enum binds binds;		/* BINDS_EVERYONE for the house's own */
};

/* A signed agreement made before the house rules last changed. */
struct household_mark {
	char *session_id;
	time_t since;			/* when the house rules changed */
};

struct household {
	int format_version;
	time_t updated;
	char *grown_ups[SESSION_MAX_GROWN_UPS];
	size_t n_grown_ups;
	char *region;			/* or NULL */
	struct house_rule *rules;
	size_t n_rules, cap_rules;
	struct household_mark *marks;
	size_t n_marks, cap_marks;
};

void household_init(struct household *h);
void household_cleanup(struct household *h);

/* STATE_DIR/household.yaml. Caller frees. */
char *household_path(const char *state_dir);

/*
 * Load path into h (household_init()ed; left empty on failure). Problems
 * go to *d as FILE:LINE:COL: DIAG_MISSING for no file, DIAG_IO for a read
 * error, DIAG_DATA for a damaged file or a newer format. Returns 0 or -1.
 */
int household_load_path(const char *path, struct household *h,
    struct diag_list *d);
int household_load_buffer(const char *name, const char *buf, size_t len,
    struct household *h, struct diag_list *d);

/* The file as text. Caller frees. */
char *household_format(const struct household *h);

/*
 * Write h to path atomically (0600). Refuses (-1, *cause, caller frees)
 * to replace a file that does not load, so a damaged household is never
 * lost.
 */
int household_save_path(const char *path, const struct household *h,
    char **cause);

/*
 * The household a session implies: its grown-ups, region and own rules
 * that bind everyone (the house rules). Replaces what h held.
 */
void household_from_session(struct household *h, const struct session *s);

/*
 * Load STATE_DIR's household into h; when there is none, make one from
 * the latest session of sessions past getting started (newest first, as
 * session_store_list() gives them; n may be 0) and save it. *made says it was made now.
 * Returns 0; 1 when there is no household and no session to make one
 * from (h empty); -1 when the file is damaged or cannot be read or
 * written, with problems in *d (FILE:LINE:COL) and h empty.
 */
struct session_entry;
int household_open(const char *state_dir, const struct session_entry *sessions,
    size_t n, struct household *h, bool *made, struct diag_list *d);

/* Is session id marked "house rules changed since you signed"? */
bool household_marked(const struct household *h, const char *session_id);

/*
 * A new session's family from the household: its grown-ups and region,
 * and its house rules as the session's own rules that bind everyone,
 * marked as house rules (already agreed). Returns 0, or -1 with *cause
 * when the session refused one (caller frees).
 */
int household_seed(const struct household *h, struct session *s,
    const struct content *c, time_t now, char **cause);

/* Do the session's rules that bind everyone differ from the house rules? */
bool household_rules_differ(const struct household *h,
    const struct session *s);

/*
 * After session s was signed (or reviewed): when its rules that bind
 * everyone differ from the house rules, they become the house rules and
 * every other signed session listed in others (ids of signed sessions,
 * n of them) is marked "house rules changed since you signed" at now;
 * s itself is unmarked (it has just agreed them). Returns true when h
 * changed and needs saving.
 */
bool household_after_signing(struct household *h, const struct session *s,
    const char *const *others, size_t n, time_t now);

/* Forget everything about session id (its mark). True if h changed. */
bool household_forget_session(struct household *h, const char *session_id);

#endif
