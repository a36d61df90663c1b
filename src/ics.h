/*
 * ics.h: a signed agreement's review date as an iCalendar file (RFC
 * 5545) that phones and calendar programs import: one VCALENDAR holding
 * one all-day VEVENT, with CRLF line endings, lines folded at 75 octets
 * and text escaped. Written by hand: the few lines it takes do not need
 * libical. Library code: no printing, no exit, no environment, no clock
 * (the caller passes the time).
 */
#ifndef TALKPACT_ICS_H
#define TALKPACT_ICS_H

#include <time.h>

#include "content.h"
#include "session.h"

/*
 * s as an iCalendar TEXT value: backslash, semicolon and comma escaped
 * with a backslash, a line break (LF, CR LF or CR) as "\n", and any other
 * control character (which TEXT may not hold) as a space. Caller frees.
 */
char *ics_escape_text(const char *s);

/*
 * One content line (without its line ending) folded as RFC 5545 3.1
 * wants: pieces of at most 75 octets, each ending in CRLF, the ones after
 * the first starting with a space; a UTF-8 character is never split.
 * Returns the folded line with its final CRLF. Caller frees.
 */
char *ics_fold(const char *line);

/*
 * The reminder to look at the signed session s again, on its review date
 * (agreement_review_day(s, t): the day signed, or for a format-1 session
 * the session's interval, or else the template's t, which may be NULL,
 * after its UTC signing date), as an all-day event on that calendar day. Its UID is stable for the session (built from its id);
 * DTSTAMP is now, in UTC. On success returns 0 and *out (caller frees);
 * -1 with *cause (caller frees) when s has no review date (not signed).
 */
int ics_review(const struct session *s, const struct template *t,
    time_t now, char **out, char **cause);

#endif
