/*
 * civil.h: calendar dates, the one owner of calendar arithmetic and of how
 * a date is written. A time becomes a date only with a UTC offset given by
 * the caller (main.c works it out from the time zone), so nothing here
 * depends on TZ, the locale or the clock: no localtime, no mktime.
 *
 * No printing, no exit, no environment.
 */
#ifndef TALKPACT_CIVIL_H
#define TALKPACT_CIVIL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* The most a UTC offset is from UTC: 14 hours either way (with margin). */
#define CIVIL_MAX_OFFSET (18L * 3600)

struct civil {
	int year;		/* 1970..9999 */
	int month;		/* 1..12 */
	int day;		/* 1..31 */
	int hour, min, sec;	/* 0 for a date alone */
};

/*
 * The wall-clock date and time at t for a place utc_offset seconds east
 * of UTC (-8 * 3600 for Los Angeles in winter). An offset past
 * CIVIL_MAX_OFFSET counts as 0.
 */
void civil_from_time(time_t t, long utc_offset, struct civil *out);

/* Days in month (1..12) of year. */
int civil_month_days(int year, int month);

/*
 * d plus months calendar months; a day the later month does not have
 * runs on into the month after (29 November + 3 months is 1 March 2027,
 * 31 August + 6 months 3 March or, in a leap year, 2 March), as talkpact
 * has always dated reviews. The time of day is kept.
 */
struct civil civil_add_months(struct civil d, int months);

/* "2026-11-29" into buf (at least CIVIL_ISO_SIZE bytes). */
#define CIVIL_ISO_SIZE 11
void civil_iso(const struct civil *d, char buf[CIVIL_ISO_SIZE]);

/*
 * "29 November 2026", English month names in any locale: how the
 * agreement writes a date. Into buf of sz bytes.
 */
void civil_words(const struct civil *d, char *buf, size_t sz);

/*
 * Read "2026-11-29" (exactly, a real date from 1970 to 9999) into *d
 * (time of day 0). Returns 0 or -1.
 */
int civil_parse_iso(const char *s, struct civil *d);

/* A UTC offset as ISO 8601 writes it: "+00:00", "-08:00", "+05:45". */
#define CIVIL_OFFSET_SIZE 7
void civil_offset_text(long utc_offset, char buf[CIVIL_OFFSET_SIZE]);
/*
 * Read "+HH:MM" or "-HH:MM" (at most CIVIL_MAX_OFFSET, minutes under 60)
 * into *out seconds. Returns 0 or -1.
 */
int civil_offset_parse(const char *s, long *out);

#endif
