/*-------------------------------------------------------------------------
 *
 * calendar_def.h
 *	  A calendar's definition as stored: weekly hours plus dated exceptions.
 *	  Answers "which hours are in force on date d" and "do two neighbouring
 *	  dates overlap", for the write checks and the compiler alike.
 *
 * Plain C with no backend dependencies (like hours_parse.h), so it can be
 * tested and fuzzed outside the server.  Dates are days since 2000-01-01,
 * as PostgreSQL's DateADT counts them.  Nothing here allocates or raises:
 * the callers own the arrays and turn statuses into errors.
 *
 * IDENTIFICATION
 *	  src/calendar_def.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CALENDAR_DEF_H
#define CALENDAR_DEF_H

#include <stdbool.h>
#include <stdint.h>

#include "hours_parse.h"

/*
 * Weekly hours and exceptions.  exc_days is sorted ascending without
 * duplicates; exception i's ranges, which replace the weekly hours on
 * exc_days[i], are exc_ranges[exc_first[i]] up to exc_first[i + 1] (no
 * ranges: closed that date).  Compact, so that calendars with many
 * exceptions stay small.  The definition only points at the arrays; it
 * does not own them.
 */
typedef struct SlaCalendarDef
{
	SlaWeeklyHours weekly;		/* indexed by weekday, 0 = Sunday */
	int			nexceptions;
	const int32_t *exc_days;
	const int32_t *exc_first;	/* nexceptions + 1 entries */
	const SlaTimeRange *exc_ranges;
} SlaCalendarDef;

/* The ranges in force on one date: sorted, never overlapping. */
typedef struct SlaDayRanges
{
	const SlaTimeRange *ranges;
	int			nranges;
} SlaDayRanges;

extern int	sla_calendar_def_weekday(int32_t d);
extern SlaDayRanges sla_calendar_def_hours_on(const SlaCalendarDef *def,
											  int32_t d, int *hint);
extern bool sla_calendar_def_find_overlap(const SlaCalendarDef *def,
										  int32_t first, int32_t last,
										  int32_t *later);

#endif							/* CALENDAR_DEF_H */
