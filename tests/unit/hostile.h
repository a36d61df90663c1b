/*
 * hostile.h: a seeded generator of text a family could type that tries to
 * break documents and files: Markdown and HTML syntax, fences, blank
 * look-alikes, YAML syntax, emoji, combining marks, right-to-left text,
 * tabs and newlines. Every string passes session_check_text() as an
 * answer (multiline) or, with oneline set, as a name.
 */
#ifndef TALKPACT_TEST_HOSTILE_H
#define TALKPACT_TEST_HOSTILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* xorshift64*; never give it a zero seed. */
uint64_t hostile_next(uint64_t *state);

/* A new string of about up to maxpieces pieces; caller frees. */
char *hostile_string(uint64_t *state, size_t maxpieces, bool oneline);

#endif
