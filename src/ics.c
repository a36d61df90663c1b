/*
 * ics.c: a signed agreement's review date as an iCalendar file (RFC
 * 5545), built by hand: the escaping of TEXT values, the folding of long
 * lines and the one all-day event. The date is agreement.c's
 * (agreement_review_day()), a calendar day; this file only writes it
 * down, and counts the day after with civil.h. No printing, no clock, no
 * time zone, no environment.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agreement.h"
#include "ics.h"
#include "util.h"

/* RFC 5545 3.1: content lines longer than this many octets are folded. */
#define S_FOLD_OCTETS 75

/* A growing string. */
struct S_buf {
	char *p;
	size_t n, cap;
};

static void
S_add(struct S_buf *b, const char *s, size_t len)
{
	while (b->n + len + 1 > b->cap) {
		b->cap = b->cap == 0 ? 256 : b->cap * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

static void
S_adds(struct S_buf *b, const char *s)
{
	S_add(b, s, strlen(s));
}

char *
ics_escape_text(const char *s)
{
	struct S_buf b = { NULL, 0, 0 };

	S_add(&b, "", 0);
	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '\\' || ch == ';' || ch == ',') {
			char esc[2] = { '\\', (char)ch };

			S_add(&b, esc, 2);
		} else if (ch == '\r' || ch == '\n') {
			S_adds(&b, "\\n");
			if (ch == '\r' && s[1] == '\n')
				s++;
		} else if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			S_adds(&b, " ");
		else
			S_add(&b, s, 1);
	}
	return b.p;
}

char *
ics_fold(const char *line)
{
	struct S_buf b = { NULL, 0, 0 };
	size_t len = strlen(line), at = 0;
	bool first = true;

	S_add(&b, "", 0);
	while (len - at > (first ? S_FOLD_OCTETS : S_FOLD_OCTETS - 1)) {
		size_t cut = at + (first ? S_FOLD_OCTETS : S_FOLD_OCTETS - 1);

		/* Back off the continuation bytes of a character cut in two. */
		while (cut > at + 1 && ((unsigned char)line[cut] & 0xc0) == 0x80)
			cut--;
		if (!first)
			S_adds(&b, " ");
		S_add(&b, line + at, cut - at);
		S_adds(&b, "\r\n");
		at = cut;
		first = false;
	}
	if (!first)
		S_adds(&b, " ");
	S_add(&b, line + at, len - at);
	S_adds(&b, "\r\n");
	return b.p;
}

/* NAME:VALUE (value already escaped where it is TEXT), folded, into b. */
static void
S_line(struct S_buf *b, const char *name, const char *value)
{
	char *line = xasprintf("%s:%s", name, value), *folded = ics_fold(line);

	S_adds(b, folded);
	free(folded);
	free(line);
}

/* NAME:TEXT with text escaped. */
static void
S_text(struct S_buf *b, const char *name, const char *text)
{
	char *esc = ics_escape_text(text);

	S_line(b, name, esc);
	free(esc);
}

/* The review day as YYYYMMDD, and the day after it: calendar days. */
static int
S_days(const char *iso, char day[16], char next[16])
{
	struct civil d;

	if (civil_parse_iso(iso, &d) != 0)
		return -1;
	snprintf(day, 16, "%04d%02d%02d", d.year, d.month, d.day);
	if (d.day < civil_month_days(d.year, d.month))
		d.day++;
	else {
		d.day = 1;
		d = civil_add_months(d, 1);
	}
	snprintf(next, 16, "%04d%02d%02d", d.year % 10000, d.month, d.day);
	return 0;
}

int
ics_review(const struct session *s, const struct template *t, time_t now,
    char **out, char **cause)
{
	struct S_buf b = { NULL, 0, 0 };
	char review[CIVIL_ISO_SIZE];
	char day[16], next[16], stamp[32], *summary, *text, *uid;
	struct tm tm;

	*out = NULL;
	*cause = NULL;
	if (agreement_review_day(s, t, review) != 0) {
		*cause = xstrdup("this agreement is not signed yet, so it has no "
		    "review date");
		return -1;
	}
	if (S_days(review, day, next) != 0 || gmtime_r(&now, &tm) == NULL) {
		*cause = xstrdup("the review date is not a date this computer "
		    "can write");
		return -1;
	}
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	summary = s->child != NULL && *s->child != '\0' ?
	    xasprintf("Look at our family device agreement again (%s)",
	    s->child) : xstrdup("Look at our family device agreement again");
	if (s->id != NULL)
		uid = xasprintf("talkpact-review-%s", s->id);
	else {
		char *stem = agreement_file_stem(s, now);

		uid = xasprintf("talkpact-review-%s", stem);
		free(stem);
	}

	S_line(&b, "BEGIN", "VCALENDAR");
	S_line(&b, "VERSION", "2.0");
	S_line(&b, "PRODID", "-//talkpact//talkpact " PACKAGE_VERSION "//EN");
	S_line(&b, "CALSCALE", "GREGORIAN");
	S_line(&b, "METHOD", "PUBLISH");
	S_line(&b, "BEGIN", "VEVENT");
	S_text(&b, "UID", uid);
	S_line(&b, "DTSTAMP", stamp);
	S_line(&b, "DTSTART;VALUE=DATE", day);
	S_line(&b, "DTEND;VALUE=DATE", next);
	S_text(&b, "SUMMARY", summary);
	text = xasprintf("Time to talk about our agreement again: what worked, "
	    "what was hard, what has changed since.\nTo see it: talkpact "
	    "render %s -f html", s->id != NULL ? s->id : "SESSION");
	S_text(&b, "DESCRIPTION", text);
	free(text);
	S_line(&b, "TRANSP", "TRANSPARENT");
	/* A reminder at nine in the morning of the day. */
	S_line(&b, "BEGIN", "VALARM");
	S_line(&b, "ACTION", "DISPLAY");
	S_line(&b, "TRIGGER;RELATED=START", "PT9H");
	S_text(&b, "DESCRIPTION", summary);
	S_line(&b, "END", "VALARM");
	S_line(&b, "END", "VEVENT");
	S_line(&b, "END", "VCALENDAR");
	free(summary);
	free(uid);
	*out = b.p;
	return 0;
}
