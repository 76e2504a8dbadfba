/*-------------------------------------------------------------------------
 *
 * calendar_compile.h
 *	  A compiled business calendar: weekly hours, dated exceptions and a
 *	  time zone turned into sorted UTC open intervals with prefix sums of
 *	  open time, for a contiguous window of local years that grows on demand.
 *
 * IDENTIFICATION
 *	  src/calendar_compile.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CALENDAR_COMPILE_H
#define CALENDAR_COMPILE_H

#include "datatype/timestamp.h"
#include "pgtime.h"

#include "hours_parse.h"

/* Local years a calendar can be compiled for. */
#define SLA_MIN_YEAR			1
#define SLA_MAX_YEAR			9999

/* At most this many years are compiled at once for one calendar. */
#define SLA_MAX_WINDOW_YEARS	1000

/* ... and at most this many open ranges (about 40 bytes each). */
#define SLA_MAX_WINDOW_INTERVALS	2000000

/* One dated exception: that date's ranges replace its weekly hours. */
typedef struct SlaException
{
	int32		day;			/* local date, days since 2000-01-01 */
	int			first;			/* index of its first range in exc_ranges */
	int			nranges;		/* 0: closed all day */
} SlaException;

/*
 * A calendar.  Definition fields never change once built; the compiled
 * window only grows, and everything in it is rebuilt whole when it does.
 * Engine code must re-read the arrays after any call that may extend it.
 */
typedef struct SlaCalendar
{
	MemoryContext mcxt;			/* owns the calendar and all its arrays */
	char	   *name;
	char	   *time_zone;
	pg_tz	   *tz;

	SlaWeeklyHours weekly;
	bool		weekly_open;	/* do the weekly hours open at all? */
	int			nexceptions;	/* sorted by day */
	SlaException *exceptions;
	SlaTimeRange *exc_ranges;

	/* The compiled window: local dates [win_first, win_last] */
	bool		compiled;
	int32		win_first;
	int32		win_last;
	TimestampTz safe_lo;		/* every interval ending after this is here */
	TimestampTz safe_hi;		/* every interval starting before this is here */
	bool		at_end;			/* the window reaches the last supported year */
	TimestampTz end_instant;	/* if so, the local end of that year */

	int			niv;			/* open intervals, sorted, never overlapping */
	TimestampTz *iv_start;
	TimestampTz *iv_end;
	int64	   *iv_cum;			/* open time before interval i in the window */
	int32	   *iv_day;			/* open day interval i belongs to */
	int32	   *iv_run_last;	/* last interval of the touching run of i */

	/*
	 * day_index[k]: how many intervals start before UTC midnight of day
	 * index_first + k, for k in [0, nindex).  It turns "the last interval
	 * starting at or before t" into a lookup and a short scan.
	 */
	int32		index_first;
	int			nindex;
	int32	   *day_index;

	int			nday;			/* open days: local dates with open time */
	int32	   *day_date;
	int32	   *day_first_iv;	/* nday + 1 entries; the last is niv */
} SlaCalendar;

extern SlaCalendar *sla_calendar_build(const char *name, const char *time_zone,
									   const SlaWeeklyHours *weekly,
									   int nexceptions, const int32 *exc_days,
									   const SlaDayHours *exc_hours);
extern void sla_calendar_cover_slow(SlaCalendar *cal, TimestampTz lo, TimestampTz hi);
extern void sla_calendar_check_span(const SlaCalendar *cal, TimestampTz lo, TimestampTz hi);
extern bool sla_calendar_extend(SlaCalendar *cal, bool forward, int64 years_hint,
								TimestampTz from);
extern int32 sla_calendar_local_date(const SlaCalendar *cal, TimestampTz t);
extern char *sla_format_date(int32 d);

/*
 * Make sure the compiled window answers exactly for every instant in
 * [lo, hi]; inline, since nearly every call finds it does already.
 */
static inline void
sla_calendar_cover(SlaCalendar *cal, TimestampTz lo, TimestampTz hi)
{
	/* spans under 999 years cannot break the year limit: skip the count */
	if ((uint64) hi - (uint64) lo >= (uint64) 999 * 365 * USECS_PER_DAY)
		sla_calendar_check_span(cal, lo, hi);
	if (!cal->compiled || lo < cal->safe_lo || hi >= cal->safe_hi)
		sla_calendar_cover_slow(cal, lo, hi);
}

#endif							/* CALENDAR_COMPILE_H */
