/*
 * civil.c: calendar dates from a time and a UTC offset, months added on
 * the calendar, and dates written as text. Pure arithmetic (the days
 * from 1970 algorithm of H. Hinnant's "chrono-compatible low-level date
 * algorithms"), so the time zone, the locale and the clock play no part.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "civil.h"

static const char *const S_months[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

/* The date of a day counted from 1970-01-01. */
static void
S_civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void
civil_from_time(time_t t, long utc_offset, struct civil *out)
{
	long long s, days, rem;

	if (utc_offset > CIVIL_MAX_OFFSET || utc_offset < -CIVIL_MAX_OFFSET)
		utc_offset = 0;
	s = (long long)t + utc_offset;
	days = s / 86400;
	rem = s % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	S_civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(rem / 3600);
	out->min = (int)(rem / 60 % 60);
	out->sec = (int)(rem % 60);
}

int
civil_month_days(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12)
		return 31;
	return month == 2 && leap ? 29 : days[month - 1];
}

struct civil
civil_add_months(struct civil d, int months)
{
	long m = (long)d.year * 12 + (d.month - 1) + months;
	int last;

	d.year = (int)(m / 12);
	d.month = (int)(m % 12) + 1;
	last = civil_month_days(d.year, d.month);
	/* As the calendar has always counted it here: on into the next month. */
	if (d.day > last) {
		d.day -= last;
		if (++d.month > 12) {
			d.month = 1;
			d.year++;
		}
	}
	return d;
}

void
civil_iso(const struct civil *d, char buf[CIVIL_ISO_SIZE])
{
	snprintf(buf, CIVIL_ISO_SIZE, "%04u-%02u-%02u",
	    (unsigned)d->year % 10000, (unsigned)d->month % 100,
	    (unsigned)d->day % 100);
}

void
civil_words(const struct civil *d, char *buf, size_t sz)
{
	if (d->month < 1 || d->month > 12) {
		snprintf(buf, sz, "?");
		return;
	}
	snprintf(buf, sz, "%d %s %d", d->day, S_months[d->month - 1], d->year);
}

int
civil_parse_iso(const char *s, struct civil *d)
{
	int y, m, dd;
	char back[CIVIL_ISO_SIZE];

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &dd) != 3)
		return -1;
	if (y < 1970 || y > 9999 || m < 1 || m > 12 || dd < 1 ||
	    dd > civil_month_days(y, m))
		return -1;
	memset(d, 0, sizeof *d);
	d->year = y;
	d->month = m;
	d->day = dd;
	civil_iso(d, back);
	return strcmp(back, s) == 0 ? 0 : -1;
}

void
civil_offset_text(long utc_offset, char buf[CIVIL_OFFSET_SIZE])
{
	long a = utc_offset < 0 ? -utc_offset : utc_offset;

	if (a > CIVIL_MAX_OFFSET)
		a = 0;
	snprintf(buf, CIVIL_OFFSET_SIZE, "%c%02ld:%02ld",
	    utc_offset < 0 && a != 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

int
civil_offset_parse(const char *s, long *out)
{
	char back[CIVIL_OFFSET_SIZE];
	int h, m;
	long v;

	if (strlen(s) != 6 || (s[0] != '+' && s[0] != '-') ||
	    sscanf(s + 1, "%2d:%2d", &h, &m) != 2 || h < 0 || m < 0 || m > 59)
		return -1;
	v = (long)h * 3600 + (long)m * 60;
	if (v > CIVIL_MAX_OFFSET)
		return -1;
	if (s[0] == '-')
		v = -v;
	civil_offset_text(v, back);
	/* "-00:00" reads as UTC but is not how it is written. */
	if (strcmp(back, s) != 0)
		return -1;
	*out = v;
	return 0;
}
