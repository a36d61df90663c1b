/*
 * fill.h: {{marker}} text, the one place that finds markers and fills
 * them. Agreement clauses and promises carry markers for blanks
 * ({{bedtime}}), for the family ({{child}}, {{grown-ups}}) and, with a
 * namespace, for other facts ({{region:currency}}). The content loader
 * checks markers with fill_next(), the agreement and the front ends fill
 * them with fill_walk() or fill_string().
 *
 * No curses, no printing, no exit.
 */
#ifndef TALKPACT_FILL_H
#define TALKPACT_FILL_H

#include <stdbool.h>
#include <stddef.h>

struct marker {
	size_t start;		/* byte offset of "{{" in the text */
	size_t len;		/* bytes from "{{" to after "}}" */
	const char *name;	/* inside the braces ("region:currency"), not NUL-terminated */
	size_t name_len;
	size_t ns_len;		/* bytes before ':' in name ("region"); 0 if none */
};

/*
 * The next marker at or after byte *at of text. Returns 1 and fills *m
 * (and moves *at past it), 0 when there is none, or -1 for a "{{" with no
 * "}}" after it (m->start is where it is).
 */
int fill_next(const char *text, size_t *at, struct marker *m);

/* Does marker m have namespace ns and key key ("region", "currency")? */
bool marker_is(const struct marker *m, const char *ns, const char *key);

/*
 * A marker's value as a new string, which the filler frees, or NULL when
 * the marker is unknown or has no value.
 */
typedef char *fill_lookup_fn(const struct marker *m, void *arg);
/*
 * Lookups tried in order, as one fill_lookup_fn (fill_chain) whose
 * argument is a struct fill_chain: the first that gives a value wins, and
 * which records its index (or -1 when none did), so an emitter can tell
 * whose value it was. For example the region's facts, then the family's
 * values.
 */
#define FILL_CHAIN_MAX 4
struct fill_chain {
	size_t n;
	fill_lookup_fn *fn[FILL_CHAIN_MAX];
	void *arg[FILL_CHAIN_MAX];
	int which;			/* set by each call */
};
char *fill_chain(const struct marker *m, void *chain);

/* A piece of the filled text: the text's own words, or a marker's value. */
typedef void fill_emit_fn(const char *s, size_t len, bool value, void *arg);

/*
 * Walk text, passing its words and each marker's value, in order, to
 * emit (with emit_arg). lookup (with lookup_arg) gives the values; a
 * marker it does not know becomes missing (as a value) or, when missing
 * is NULL, stays as written (as words). Returns how many markers had no
 * value.
 */
size_t fill_walk(const char *text, fill_lookup_fn *lookup, void *lookup_arg,
    fill_emit_fn *emit, void *emit_arg, const char *missing);

/* fill_walk() into one new string. Caller frees. */
char *fill_string(const char *text, fill_lookup_fn *lookup, void *lookup_arg,
    const char *missing);

#endif
