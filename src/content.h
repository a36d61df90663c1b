/*
 * content.h: talkpact's content as plain structs, and the strict YAML loader
 * that builds them (prompt packs, agreement templates, help lines).
 *
 * Only content.c includes libyaml. Nothing here prints or exits: every
 * problem becomes a struct diag with file, line and column, and the caller
 * decides what the user sees.
 *
 * Ownership: everything reachable from a struct content is owned by it and
 * freed by content_cleanup(). Strings are UTF-8, NUL-terminated, never NULL
 * unless the comment says "or NULL".
 */
#ifndef TALKPACT_CONTENT_H
#define TALKPACT_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Age bands. X(enum-suffix, name) */
#define BAND_TABLE \
	X(4_7, "4-7") \
	X(8_10, "8-10") \
	X(11_13, "11-13") \
	X(14_17, "14-17")

enum band {
#define X(e, name) BAND_##e,
	BAND_TABLE
#undef X
	BAND__COUNT
};
#define BAND_NONE (-1)
#define BAND_BIT(b) (1u << (unsigned)(b))

/* Topics, in the order they are shown. X(enum-suffix, id, title) */
#define TOPIC_TABLE \
	X(PEOPLE, "people", "Who we talk to and play with") \
	X(PLACES, "places", "Where and when we use devices") \
	X(RATINGS, "ratings", "Age ratings, apps and games") \
	X(PHOTOS, "photos", "Photos and sharing") \
	X(UNSEND, "unsend", "Sent can't be unsent") \
	X(KINDNESS, "kindness", "Being kind") \
	X(WORRIED, "worried", "When something feels wrong") \
	X(CONTROLS, "controls", "Controls and checking together") \
	X(GROWN_UPS, "grown-ups", "Grown-ups' habits too") \
	X(PRIVACY, "privacy", "Private information and passwords") \
	X(STRANGERS, "strangers", "People we only know online") \
	X(MONEY, "money", "Money, buying and scams") \
	X(WATCHING, "watching", "What we watch and see") \
	X(WELLBEING, "wellbeing", "Sleep and feeling good") \
	X(RELATIONSHIPS, "relationships", "Relationships, images and the law") \
	X(INDEPENDENCE, "independence", "Growing independence") \
	X(AI, "ai", "AI, chatbots and made-up pictures")

enum topic {
#define X(e, id, title) TOPIC_##e,
	TOPIC_TABLE
#undef X
	TOPIC__COUNT
};

/* Whom a clause binds. X(enum-suffix, id, shown-as) */
#define BINDS_TABLE \
	X(CHILD, "child", "the child") \
	X(GROWN_UPS, "grown-ups", "the grown-ups") \
	X(EVERYONE, "everyone", "everyone")

enum binds {
#define X(e, id, shown) BINDS_##e,
	BINDS_TABLE
#undef X
	BINDS__COUNT
};

/* Kinds of blank. X(enum-suffix, id) */
#define BLANK_KIND_TABLE \
	X(TEXT, "text") \
	X(TIME, "time") \
	X(NUMBER, "number") \
	X(CHOICE, "choice")

enum blank_kind {
#define X(e, id) BLANK_##e,
	BLANK_KIND_TABLE
#undef X
	BLANK__COUNT
};

/* Signature roles. X(enum-suffix, id, shown-as) */
#define ROLE_TABLE \
	X(CHILD, "child", "Child") \
	X(GROWN_UP, "grown-up", "Grown-up")

enum role {
#define X(e, id, shown) ROLE_##e,
	ROLE_TABLE
#undef X
	ROLE__COUNT
};

/* What a help line is for. X(enum-suffix, id, shown-as) */
#define RESOURCE_FOR_TABLE \
	X(CHILDREN, "children", "For children and young people") \
	X(GROWN_UPS, "grown-ups", "For grown-ups") \
	X(REPORT, "report", "To report") \
	X(EMERGENCY, "emergency", "In an emergency") \
	X(ANYONE, "anyone", "For anyone")

enum resource_for {
#define X(e, id, shown) RESOURCE_##e,
	RESOURCE_FOR_TABLE
#undef X
	RESOURCE__COUNT
};

/* Where an item was defined, for messages ("replaced X from FILE:LINE"). */
struct origin {
	const char *file;	/* shared, owned by struct content */
	unsigned line;
	unsigned col;
};

struct pack {
	char *id, *title, *language;
	long version;
	struct origin where;
};

struct prompt {
	char *id;
	unsigned bands;			/* BAND_BIT() set */
	enum topic topic;
	char *question;
	char *tip;
	char **follow_ups;
	size_t n_follow_ups;
	bool scenario;
	char **clauses;			/* clause ids it leads to */
	size_t n_clauses;
	unsigned advice;		/* bit n set: school letter point n (1-7) */
	int short_talk;			/* place in its bands' short talk (1..), 0: not in it */
	const struct pack *pack;	/* the pack it came from */
	struct origin where;
};

struct blank {
	char *id;
	enum blank_kind kind;
	char *label;
	char *def;			/* default, as text ("19:30", "30") */
	char **choices;			/* BLANK_CHOICE only */
	size_t n_choices;
	long min, max;			/* BLANK_NUMBER; LONG_MIN/LONG_MAX if unset */
	struct origin where;
};

struct clause {
	char *id;
	char *text;			/* with {{blank}} markers */
	enum binds binds;
	bool on;			/* starts switched on */
	unsigned advice;
	struct origin where;
};

struct section {
	char *id, *title;
	struct clause *clauses;
	size_t n_clauses;
};

struct promise {
	char *id, *text;
	bool on;
	struct origin where;
};

/*
 * A question for talking the agreement over again (the template's
 * "review:" list): asked in a review after the rules and promises.
 */
struct review_prompt {
	char *id, *question, *tip;
	struct origin where;
};

struct template {
	char *id, *title;
	enum band band;
	int review_months;		/* 1, 3, 6 or 12 */
	enum role *signatures;
	size_t n_signatures;
	struct blank *blanks;
	size_t n_blanks;
	struct section *sections;
	size_t n_sections;
	struct promise *promises;
	size_t n_promises;
	char **steps;			/* if-something-goes-wrong */
	size_t n_steps;
	struct origin where;
	struct review_prompt *review;	/* "review:", or NULL */
	size_t n_review;
};

/* Paper sizes a region prints on. X(enum-suffix, id) */
#define PAPER_TABLE \
	X(A4, "a4") \
	X(LETTER, "letter")

enum paper {
#define X(e, id) PAPER_##e,
	PAPER_TABLE
#undef X
	PAPER__COUNT
};

struct resource {
	char *name;
	enum resource_for kind;
	char *about;
	char *phone;			/* or NULL */
	char *web;			/* or NULL */
	unsigned bands;			/* BAND_BIT() set; all bands if none given */
};

/* A region fact: what {{region:NAME}} becomes in agreement text. */
struct fact {
	char *name;			/* "currency" */
	char *text;			/* "£"; may be empty */
	struct origin where;
};

struct region {
	char *code;			/* "UK" */
	char *name;			/* "United Kingdom" */
	enum paper paper;		/* PAPER_A4 unless the content says */
	struct fact *facts;
	size_t n_facts;
	struct resource *resources;
	size_t n_resources;
	struct origin where;
};

/*
 * Everything loaded. Arrays are in load order (files sorted by path within
 * each search-path entry); an item replaced by a later one with the same id
 * is removed in place of the new one.
 */
struct content {
	struct pack *packs;
	size_t n_packs;
	struct prompt *prompts;
	size_t n_prompts;
	struct template *templates;
	size_t n_templates;
	struct region *regions;
	size_t n_regions;
	/*
	 * The block with "region: all", or NULL: help lines for every region
	 * and the neutral wording of each fact for a region that lacks it.
	 * Not in regions[]: no family chooses it.
	 */
	struct region *everywhere;
	size_t n_files;			/* files read */
	char **files;			/* their paths; struct origin points here */
	void *index;			/* private: id lookup tables */
};

/* Limits, documented in talkpact-content(5). */
#define CONTENT_MAX_FILE_BYTES (4u * 1024 * 1024)
#define CONTENT_MAX_LINE_BYTES (64u * 1024)
#define CONTENT_MAX_TEXT_BYTES (16u * 1024)
#define CONTENT_MAX_DEPTH 32
#define CONTENT_MAX_PROBLEMS 50
#define CONTENT_MAX_SHORT_TALK 30	/* highest "short-talk:" place */

void content_init(struct content *c);
void content_cleanup(struct content *c);

/*
 * Load one path: a regular .yaml/.yml file, or a directory walked
 * recursively (sorted, symlink loops detected, non-regular files reported,
 * never opened for reading). Problems go to *d (errors and, for replaced
 * ids, notices), sorted by place within each file. Returns 0 if nothing at
 * error level was added to *d, -1 otherwise (the good parts are still
 * loaded; an item with a problem is left out whole). A missing path is an
 * error with kind DIAG_MISSING so the caller can exit 66.
 *
 * Each call is one search-path entry: an id used twice within one call is
 * an error (the first is kept); an id loaded by an earlier call is
 * replaced in place, with a DIAG_NOTICE naming both places.
 */
int content_load_path(struct content *c, const char *path, struct diag_list *d);

/*
 * Load a file's bytes already in memory (used by the fuzzer and tests), as
 * one entry of its own; name is used in messages and origins. Returns as
 * content_load_path.
 */
int content_load_buffer(struct content *c, const char *name,
    const unsigned char *buf, size_t len, struct diag_list *d);

/*
 * Cross-file checks once everything is loaded: every clause a prompt
 * leads to exists in some template for one of the prompt's bands (prompts
 * whose bands have no template loaded are not checked), and every
 * {{region:NAME}} in a template's text names a fact some region (or the
 * "region: all" block) defines, reported at the marker. The checks within
 * one template (blanks referenced exist, defaults valid) happen at load
 * time. Two prompts that share a band may not hold the same short-talk
 * place (reported at the later one). Returns 0 or -1.
 */
int content_check(struct content *c, struct diag_list *d);

/* Lookups; NULL if absent. Pointers stay valid until content_cleanup(). */
const struct prompt *content_prompt(const struct content *c, const char *id);
const struct template *content_template(const struct content *c, const char *id);
/* The template for a band: the last loaded one when there are several. */
const struct template *content_template_for_band(const struct content *c, enum band b);
/* A region by its code, whatever the case ("uk" finds "UK"). */
const struct region *content_region(const struct content *c, const char *code);
/*
 * The region for a locale name such as "en_AU.UTF-8" or "ga_IE@euro": its
 * territory (between '_' and '.' or '@') as a region code, with GB meaning
 * the UK. NULL when the locale names no territory ("C", "C.UTF-8",
 * "POSIX") or the content has no region for it. The one mapping from
 * locales to regions: the caller says which locale variable is in force.
 */
const struct region *content_region_for_locale(const struct content *c,
    const char *locale);
/*
 * The help lines for region r (NULL: none, and then no lines at all) and
 * band b: r's lines that suit b, then the lines for every region that suit
 * b, in content order. *out is an array of pointers into c; caller frees
 * the array only. Returns how many.
 */
size_t content_help_lines(const struct content *c, const struct region *r,
    enum band b, const struct resource ***out);
/*
 * The text of region fact name for region r (NULL: no region): r's own,
 * else the neutral wording from the "region: all" block, else NULL.
 */
const char *content_region_fact(const struct content *c,
    const struct region *r, const char *name);
/* The paper region r prints on (NULL: A4). */
enum paper region_paper(const struct region *r);
const char *paper_id(enum paper p);
/* PAPER_A4 or PAPER_LETTER for "a4" or "letter", else -1. */
int paper_from_name(const char *s);
/*
 * A fill_lookup_fn (fill.h) for {{region:NAME}} markers, with a struct
 * region_markers as its argument: the fact's text as a new string (caller
 * frees), or NULL for any other marker or a fact with no text anywhere.
 */
struct region_markers {
	const struct content *c;
	const struct region *r;		/* or NULL */
};
struct marker;
char *region_marker(const struct marker *m, void *markers);

/*
 * Band b's short talk: the prompts marked "short-talk" for b, by their
 * place (load order breaks no ties: places are unique per band after
 * content_check). *out is an array of pointers into c, or NULL when there
 * are none; caller frees the array only. Returns how many.
 */
size_t content_short_talk(const struct content *c, enum band b,
    const struct prompt ***out);

/* In template t (NULL: none). */
const struct clause *template_clause(const struct template *t, const char *id);
const struct blank *template_blank(const struct template *t, const char *id);

/* Names and parsing for the enums above; *_from_name returns -1 if unknown. */
const char *band_name(enum band b);
int band_from_name(const char *s);
enum band band_for_age(int age);	/* 4..17; ages outside clamp */
const char *topic_id(enum topic t);
const char *topic_title(enum topic t);
int topic_from_name(const char *s);
const char *binds_id(enum binds b);
const char *binds_shown(enum binds b);
int binds_from_name(const char *s);
const char *blank_kind_id(enum blank_kind k);
const char *role_id(enum role r);
const char *role_shown(enum role r);
const char *resource_for_shown(enum resource_for f);

#endif
