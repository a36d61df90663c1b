/*
 * fixture.h: a small struct content built by hand (static data, nothing to
 * free), so the session, store and agreement tests do not depend on the
 * YAML loader. Band 8-10 has a template "agreement-test" and prompts
 * p-people, p-photos, p-worried (in topic order) plus p-other for 4-7;
 * its short talk is p-worried (place 1), then p-photos (place 3).
 */
#ifndef TALKPACT_TEST_FIXTURE_H
#define TALKPACT_TEST_FIXTURE_H

#include <time.h>

#include "content.h"

const struct content *fixture_content(void);

/* The tests' clock: always 2026-11-29T14:12:00Z (the library reads none). */
#define FIXTURE_NOW ((time_t)1795961520)
time_t fixture_now(void);

#endif
