/*
 * ytree.h: the one YAML reader. Content files and session files are read
 * into a small tree of nodes, each with its place (FILE:LINE:COL), by the
 * only code that calls libyaml's parser. What the two formats refuse
 * alike is refused here, once: bytes that are not UTF-8 text, anchors,
 * aliases, tags, a second document, nesting past a depth, over-long text,
 * and (in ytree_fields) unknown and repeated keys. What a value means
 * (null, true/false, a whole number, one of a table's names) is decided
 * here too, so both formats read the same text the same way.
 *
 * Problems go to a diag_list as errors with file, line and column.
 * No printing, no exit (but through xmalloc).
 */
#ifndef TALKPACT_YTREE_H
#define TALKPACT_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum ynode_type { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP, YNODE_BAD };

struct ynode {
	enum ynode_type type;
	unsigned line, col;		/* where it starts, 1-based */
	unsigned end_line, end_col;	/* where it ends, 1-based */
	char *str;			/* YNODE_SCALAR; NULL once taken */
	size_t len;
	bool plain;			/* an unquoted scalar */
	bool owned;			/* str is malloc'd (a value), not the tree's */
	struct ynode **kids;		/* YNODE_SEQ items; YNODE_MAP key, value, ... */
	size_t n, cap;
};

struct ytree {
	/* Set by the caller (ytree_init): */
	const char *file;		/* for messages */
	const unsigned char *buf;	/* borrowed */
	size_t len;
	struct diag_list *d;
	const char *files;		/* "content files": "... are not allowed in FILES" */
	const char *one;		/* "a content file": "ONE holds one" */
	const char *syntax;		/* "YAML syntax error": "SYNTAX: problem" */
	size_t max_text;		/* bytes in one scalar */
	size_t max_line;		/* bytes in one line */
	unsigned max_depth;
	unsigned max_problems;		/* then stop, with a notice */

	/* Kept by ytree: */
	struct ytree_chunk *arena;	/* nodes, lists of kids, keys */
	struct ynode *root;
	unsigned problems;
	bool stopped;			/* max_problems reached */
	size_t *lines;			/* line starts, built when needed */
	size_t n_lines;
};

/*
 * Start reading buf (len bytes) as file, reporting to d, with the limits
 * and words of a format; ytree_cleanup() frees what it keeps, the tree
 * with it (but for the strings taken with ynode_take()).
 */
void ytree_init(struct ytree *t, const char *file, const unsigned char *buf,
    size_t len, struct diag_list *d);
void ytree_cleanup(struct ytree *t);

/*
 * Check the bytes (UTF-8, no NUL or control characters, no over-long
 * line: each reported at its line and column, which libyaml cannot give)
 * and parse the one document into a tree, which t owns. Returns its root,
 * or NULL after reporting a problem, or NULL with nothing reported for a
 * file with no document (empty, or comments only).
 */
struct ynode *ytree_parse(struct ytree *t);

/* Report a problem at line and column (0 when unknown). */
void ytree_err(struct ytree *t, unsigned line, unsigned col, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

/*
 * Where the bytes s (len) stand in the source within node n, when it has
 * them as written (not folded across lines): *line and *col; else n's own
 * place.
 */
void ytree_place(struct ytree *t, const struct ynode *n, const char *s,
    size_t len, unsigned *line, unsigned *col);

/*
 * A mapping's keys against a table of names. found[i] is the value of
 * keys[i], or NULL (a null value counts as absent, but a repeat is still
 * refused). keys NULL: any key, found unused. Reports a mapping that is
 * not one ("expected WHAT as 'key: value' lines"), keys that are not
 * text, unknown keys (with "did you mean") and repeated keys, naming what
 * the mapping is. Returns false only when map is not a mapping.
 */
bool ytree_fields(struct ytree *t, struct ynode *map, const char *const *keys,
    size_t nkeys, struct ynode **found, const char *what);

/* Typed values: the rules, without messages (the caller words them). */
/* YAML 1.1/1.2 core null: absent, or plain "", "~", "null", "Null", "NULL". */
bool ynode_null(const struct ynode *n);
/* "nothing", "a list", "a mapping (key: value)" or "text", for messages. */
const char *ynode_found(const struct ynode *n);
/* Plain true or false. */
bool ynode_bool(const struct ynode *n, bool *out);
/*
 * A plain whole number in decimal, sign allowed. Returns 0 with *out, 1
 * when it is a number outside min..max (*out set), -1 when it is none.
 */
int ynode_long(const struct ynode *n, long min, long max, long *out);
/* Parse text as ynode_long() does; false if it is not a whole number. */
bool ytree_parse_long(const char *s, long *out);
/* The index of a scalar's text in names[n], or -1. */
int ynode_enum(const struct ynode *n, const char *const *names, size_t count);
/* A scalar's text, taken over from the node (or a copy). Caller frees. */
char *ynode_take(struct ynode *n);
/* The value of key in mapping map, or NULL if absent or null ("key: ~"). */
struct ynode *ynode_get(const struct ynode *map, const char *key);

#endif
