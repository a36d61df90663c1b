/*
 * fingerprint.h: the agreement's fingerprint. A SHA-256 (nettle) over a
 * canonical form of the agreement's Markdown, so that the printed copy,
 * the HTML page and the .md file all show the same value, and 'talkpact
 * verify' can recompute it from the .md file alone.
 *
 * The canonical form of Markdown text: a UTF-8 byte order mark at the
 * start is dropped, CR LF and lone CR become LF, spaces and tabs at the
 * end of each line are dropped, blank lines at the start and end are
 * dropped, runs of blank lines become one, and the text ends with one LF.
 * So an editor that changes line endings or trims lines does not change
 * the fingerprint; any change to the words does.
 *
 * Sections: the canonical text is split before every line that starts
 * with "## " (a level-2 heading, the only way talkpact's agreements start
 * a section; user text can never produce one, as it is escaped). Part 0
 * is everything before the first such line (the title).
 *
 * No printing, no exit, no cmark.
 */
#ifndef TALKPACT_FINGERPRINT_H
#define TALKPACT_FINGERPRINT_H

#include <stdbool.h>
#include <stddef.h>

#define FINGERPRINT_HEX 64		/* a SHA-256 as hex digits */
#define FINGERPRINT_SHOWN 32		/* digits shown: 8 groups of 4 */
#define FINGERPRINT_SECTION_SHOWN 8	/* digits shown per section: 2 groups */

/* The canonical form of text (len bytes). Caller frees. */
char *fingerprint_canonical(const char *text, size_t len);

/* SHA-256 of len bytes as 64 lower-case hex digits and a NUL. */
void fingerprint_sha256_hex(const void *data, size_t len,
    char out[FINGERPRINT_HEX + 1]);

/*
 * The agreement's fingerprint, with its per-part checks, in one pass:
 * canonical(body) is split into sections (below) and each is hashed, as is
 * canonical(signed), where body is the Markdown above the "## Fingerprint"
 * heading and signed is the "Signed on..." paragraph inside that block.
 * The fingerprint is the SHA-256 of those hashes, each written as 64 hex
 * digits and a newline, in order, the signed paragraph's last. So every
 * word is covered, every byte is hashed once, and a changed part can be
 * named. secs (may be NULL) gets the sections, caller cleans up;
 * sig_hex (may be NULL) the signed paragraph's hash.
 */
struct fingerprint_sections;
void fingerprint_agreement(const char *body, size_t body_len,
    const char *signed_, size_t signed_len, char out[FINGERPRINT_HEX + 1],
    struct fingerprint_sections *secs, char sig_hex[FINGERPRINT_HEX + 1]);

/* The first ndigits of hex in groups of four: "3f2a 9c01 ...". Caller frees. */
char *fingerprint_groups(const char *hex, size_t ndigits);

/*
 * Split canonical Markdown into sections as above. Each section has its
 * heading line's text (without "## "; "" for part 0) and its SHA-256.
 */
struct fingerprint_section {
	char *heading;
	char hex[FINGERPRINT_HEX + 1];
};
struct fingerprint_sections {
	struct fingerprint_section *items;
	size_t n, cap;
};
void fingerprint_sections(const char *md, size_t len,
    struct fingerprint_sections *out);
void fingerprint_sections_cleanup(struct fingerprint_sections *s);

/*
 * Read hex digits from text such as "3f2a 9c01" (spaces allowed between
 * groups) into out (at most max digits, lower-cased, NUL-terminated: out
 * holds max + 1 bytes). Returns how many digits, or 0 (and "") if anything
 * else is there.
 */
size_t fingerprint_parse_hex(const char *text, char *out, size_t max);

/*
 * The fingerprint someone copied from the signed paper, such as
 * "0C63 3120 ...": spaces, tabs and case do not matter. At least the
 * FINGERPRINT_SHOWN digits printed on paper, at most FINGERPRINT_HEX.
 * Returns how many digits went into out (lower case), or 0 (and "") when
 * text is not such a fingerprint.
 */
size_t fingerprint_parse_paper(const char *text, char out[FINGERPRINT_HEX + 1]);

/*
 * Whether two fingerprints (lower-case hex, such as a recomputed one and
 * fingerprint_parse_paper()'s) agree on all the digits both have; each
 * must have at least FINGERPRINT_SHOWN.
 */
bool fingerprint_matches(const char *a, const char *b);

#endif
