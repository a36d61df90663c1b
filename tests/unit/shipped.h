/*
 * shipped.h: the shipped prompts and templates ($top_srcdir's prompts/ and
 * agreements/), loaded once for the tests that check the content itself.
 */
#ifndef TALKPACT_TEST_SHIPPED_H
#define TALKPACT_TEST_SHIPPED_H

#include "content.h"

/*
 * Load the shipped content into c (content_init() first) and check it,
 * printing every problem to stderr. 0, or -1 when there are errors.
 */
int shipped_load(struct content *c);

#endif
