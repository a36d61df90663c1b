/*
 * blank.c: parsing what a family types into a blank (see blank.h). One
 * trimming rule, one case-insensitive choice match, one set of messages,
 * whether the text is checked while typing or when it is saved.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "blank.h"
#include "session.h"
#include "util.h"

#define S_TIME_SHAPE "Please type a time like 19:30 (24-hour clock)."

static bool
S_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "7:30", "19:30" -> "07:30", "19:30"; with partial, "1", "19", "19:", "19:3". */
static int
S_time(const char *v, bool partial, char **value, char **cause)
{
	size_t n = strlen(v), hd = 0;
	unsigned h = 0, m = 0;

	while (hd < n && hd < 3 && S_digit(v[hd]))
		h = h * 10 + (unsigned)(v[hd++] - '0');
	if (hd == 3 || (hd < n && v[hd] != ':') || (hd == 0 && n > 0))
		goto shape;
	if (h > 23) {
		*cause = xasprintf("%u is not an hour: hours go from 00 to 23.", h);
		return -1;
	}
	if (hd == n || hd + 1 == n) {	/* "19" or "19:" */
		if (partial)
			return 0;
		goto shape;
	}
	for (size_t i = hd + 1; i < n; i++)
		if (!S_digit(v[i]) || i > hd + 2)
			goto shape;
	if (n - hd - 1 == 1) {		/* "19:3" */
		if (partial && v[hd + 1] <= '5')
			return 0;
		goto shape;
	}
	m = (unsigned)(v[hd + 1] - '0') * 10 + (unsigned)(v[hd + 2] - '0');
	if (m > 59) {
		*cause = xasprintf("%02u is not a minute: minutes go from 00 "
		    "to 59.", m);
		return -1;
	}
	*value = xasprintf("%02u:%02u", h, m);
	return 0;
shape:
	*cause = xstrdup(S_TIME_SHAPE);
	return -1;
}

static char *
S_range(const struct blank *b)
{
	if (b->min != LONG_MIN && b->max != LONG_MAX)
		return xasprintf("Please type a number from %ld to %ld.", b->min,
		    b->max);
	if (b->min != LONG_MIN)
		return xasprintf("Please type a number of at least %ld.", b->min);
	if (b->max != LONG_MAX)
		return xasprintf("Please type a number of at most %ld.", b->max);
	return xstrdup("Please type a whole number.");
}

static int
S_number(const struct blank *b, const char *v, bool partial, char **value,
    char **cause)
{
	char *end;
	long n;

	for (const char *p = v; *p != '\0'; p++)
		if (!S_digit(*p) && !(p == v && *p == '-'))
			goto bad;
	if (strcmp(v, "-") == 0) {
		if (partial && b->min < 0)
			return 0;
		goto bad;
	}
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0)
		goto bad;
	if (n < b->min || n > b->max) {
		/* "4" on the way to "45" */
		if (partial && n >= 0 && n < b->min)
			return 0;
		goto bad;
	}
	*value = xasprintf("%ld", n);
	return 0;
bad:
	*cause = S_range(b);
	return -1;
}

static int
S_choice(const struct blank *b, const char *v, bool partial, char **value,
    char **cause)
{
	size_t len = strlen(v);
	char *list;

	for (size_t i = 0; i < b->n_choices; i++)
		if (strcasecmp(b->choices[i], v) == 0) {
			*value = xstrdup(b->choices[i]);
			return 0;
		}
	for (size_t i = 0; partial && i < b->n_choices; i++)
		if (strncasecmp(b->choices[i], v, len) == 0)
			return 0;
	list = join_words((const char *const *)b->choices, b->n_choices, "or");
	*cause = xasprintf("Please pick one of: %s.", list);
	free(list);
	return -1;
}

int
blank_parse(const struct blank *b, const char *text, bool partial,
    char **value, char **cause)
{
	char *v, *got = NULL, *why = NULL;
	int rc;

	v = text_trim(text != NULL ? text : "");
	if (*v == '\0')
		rc = 0;
	else switch (b->kind) {
	case BLANK_TIME:
		rc = S_time(v, partial, &got, &why);
		break;
	case BLANK_NUMBER:
		rc = S_number(b, v, partial, &got, &why);
		break;
	case BLANK_CHOICE:
		rc = S_choice(b, v, partial, &got, &why);
		break;
	case BLANK_TEXT:
	default:
		rc = session_check_text(v, SESSION_MAX_BLANK_BYTES, false,
		    "That", &why);
		if (rc == 0) {
			got = v;
			v = NULL;
		}
		break;
	}
	free(v);
	if (rc != 0) {
		free(got);
		if (cause != NULL)
			*cause = why;
		else
			free(why);
		return -1;
	}
	if (value != NULL)
		*value = got;
	else
		free(got);
	return 0;
}
