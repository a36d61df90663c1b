/*
 * util.h: memory that cannot fail (out of memory ends the program with a
 * message, the one exit a library module may take), and small string and
 * UTF-8 helpers shared by every module.
 */
#ifndef TALKPACT_UTIL_H
#define TALKPACT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string. Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *items (of *cap elements of size) so that n+1 fit. */
void *xgrow(void *items, size_t *cap, size_t n, size_t size);

/*
 * Decode one character at s (len > 0 bytes left). Returns its length in
 * bytes; *cp is -1 for a byte that does not start a valid character
 * (overlong, surrogate, past U+10FFFF, truncated), whose length is 1.
 */
size_t utf8_decode(const char *s, size_t len, int32_t *cp);

/* Is s (len bytes) valid UTF-8 with no NUL? Sets *bad to the first bad offset. */
bool utf8_valid(const char *s, size_t len, size_t *bad);

/*
 * A file-name-safe form of a name: lower-case ASCII letters and digits,
 * '-' for spaces and dashes, Latin-1 letters folded ("Zoë" is "zoe"),
 * anything else left out. Writes at most size - 1 bytes and a NUL into
 * out; returns the length (0 if nothing was left).
 */
size_t name_slug(const char *name, char *out, size_t size);

/*
 * A copy of s without white space (space, tab, newline, CR, VT, FF) at
 * either end: the one trimming rule for what people type. Caller frees.
 */
char *text_trim(const char *s);
/* Is s empty or only white space (as text_trim() counts it)? */
bool text_is_blank(const char *s);

/*
 * Words joined as a list is written in a sentence: "A", "A and B",
 * "A, B and C" (conj "and"; "or" for choices). "" for none. Caller frees.
 */
char *join_words(const char *const *words, size_t n, const char *conj);

struct stat;
/*
 * Read a whole regular file of at most max bytes into *buf (NUL-added,
 * caller frees) and *len. Never blocks on a FIFO or a device: the file is
 * opened without blocking and checked before it is read. Returns 0, or -1
 * with errno: EISDIR for a folder, ENODEV for anything else that is not a
 * regular file (a FIFO, a device, a socket: st tells which), EFBIG for
 * more than max bytes (st->st_size says how many), or open's and read's
 * own (ENOENT...). st (may be NULL) gets the file's fstat.
 */
int read_file(const char *path, size_t max, char **buf, size_t *len,
    struct stat *st);
/* "a named pipe (FIFO)", "a character device"... for a file's st_mode. */
const char *file_type_name(unsigned mode);

/* The index of s in names[n] (an enum's names), or -1. */
int names_find(const char *const *names, size_t n, const char *s);
/* names[i] (an enum's name, shown or written), or "?" outside [0, n). */
const char *names_at(const char *const *names, size_t n, long i);

/*
 * An enum's name table and its two look-ups in one line each, so that no
 * module writes them out again: NAMES_AT(band_name, enum band, S_names)
 * defines `const char *band_name(enum band)`, NAMES_FIND(band_from_name,
 * S_names) defines `int band_from_name(const char *)` (-1 if unknown).
 * names is a static array of the module's own.
 */
#define NAMES_COUNT(names) (sizeof (names) / sizeof (names)[0])
#define NAMES_AT(fn, type, names) \
	const char *fn(type v) { return names_at((names), NAMES_COUNT(names), (long)v); }
#define NAMES_FIND(fn, names) \
	int fn(const char *s) { return names_find((names), NAMES_COUNT(names), s); }

/* Levenshtein distance, capped at 16 (used for "did you mean"). */
unsigned edit_distance(const char *a, const char *b);

/* The candidate closest to word, or NULL if none is close enough. */
const char *closest_word(const char *word, const char *const *cands, size_t n);

#endif
