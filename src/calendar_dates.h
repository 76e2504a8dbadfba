/*-------------------------------------------------------------------------
 *
 * calendar_dates.h
 *	  Date arithmetic shared by the compiler and the engine: dates as days
 *	  since 2000-01-01 (PostgreSQL's epoch), proleptic Gregorian, as
 *	  PostgreSQL's own date type counts them.
 *
 * Plain inline C with no backend calls, so the engine stays pure.
 *
 * IDENTIFICATION
 *	  src/calendar_dates.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CALENDAR_DATES_H
#define CALENDAR_DATES_H

#include <stdint.h>

#include "hours_parse.h"
#include "sla_status.h"

/* Local years a calendar can be compiled for. */
#define SLA_MIN_YEAR			1
#define SLA_MAX_YEAR			9999

/* One computation may span at most this many (UTC) years. */
#define SLA_MAX_WINDOW_YEARS	1000

/* Floor division (b > 0), for instants and dates before 2000. */
static inline int64_t
sla_floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if (a % b != 0 && a < 0)
		q--;
	return q;
}

/* Days from 2000-01-01 to January 1st of year y. */
static inline int32_t
sla_year_first_day(int y)
{
	int64_t		p = (int64_t) y - 1;	/* whole years before y */

	/* days from 0001-01-01 to y-01-01, minus those to 2000-01-01 */
	return (int32_t) (p * 365 + sla_floor_div(p, 4) - sla_floor_div(p, 100) +
					  sla_floor_div(p, 400) - 730119);
}

/* The year date d (days since 2000-01-01) falls in. */
static inline int
sla_day_year(int32_t d)
{
	/* 146097 days every 400 years; start from a guess and correct it */
	int			y = (int) (2000 + sla_floor_div((int64_t) d * 400, 146097));

	while (sla_year_first_day(y) > d)
		y--;
	while (sla_year_first_day(y + 1) <= d)
		y++;
	return y;
}

/* The UTC date of instant t (microseconds since 2000-01-01 00:00 UTC). */
static inline int32_t
sla_utc_day(int64_t t)
{
	return (int32_t) sla_floor_div(t, SLA_USECS_PER_DAY);
}

/*
 * SLA_ERR_OUT_OF_YEARS unless instants lo <= hi lie in the supported years
 * (UTC), SLA_ERR_SPAN_YEARS when they span more than SLA_MAX_WINDOW_YEARS
 * years.
 */
static inline SlaStatus
sla_check_span(int64_t lo, int64_t hi)
{
	if (lo < (int64_t) sla_year_first_day(SLA_MIN_YEAR) * SLA_USECS_PER_DAY ||
		hi >= (int64_t) sla_year_first_day(SLA_MAX_YEAR + 1) * SLA_USECS_PER_DAY)
		return SLA_ERR_OUT_OF_YEARS;
	if (sla_day_year(sla_utc_day(hi)) - sla_day_year(sla_utc_day(lo)) + 1 >
		SLA_MAX_WINDOW_YEARS)
		return SLA_ERR_SPAN_YEARS;
	return SLA_OK;
}

#endif							/* CALENDAR_DATES_H */
