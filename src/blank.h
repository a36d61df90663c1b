/*
 * blank.h: the one rule for what a family may type into an agreement's
 * blank (a time, a number, a choice or a line of text): how it is trimmed,
 * how a choice is matched, what the canonical value is and what the
 * family is told when it is wrong. session.c checks with it on save, the
 * front ends while typing; nobody else parses a blank's value.
 *
 * No curses, no printing, no exit.
 */
#ifndef TALKPACT_BLANK_H
#define TALKPACT_BLANK_H

#include <stdbool.h>

#include "content.h"

/*
 * Check text typed into blank b. White space at both ends is dropped
 * first, for every kind; a choice matches whatever the case.
 *
 * Returns 0 when the text is fine. Then *value (if value is not NULL) is
 * the canonical value, caller frees: "07:30" for " 7:30", "60" for "060",
 * a choice as the template spells it, text trimmed. It is NULL when the
 * text is empty (the blank goes back to its default) or, with partial,
 * when the text is only the start of a value ("19:", "the k").
 *
 * partial: the text is still being typed, so the start of a good value is
 * fine; a time or number that can no longer become one is not.
 *
 * Returns -1 with a message for the status line in *cause (caller frees)
 * when the text can never be a value for b.
 */
int blank_parse(const struct blank *b, const char *text, bool partial,
    char **value, char **cause);

#endif
