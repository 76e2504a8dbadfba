/*-------------------------------------------------------------------------
 *
 * calendar_compile.h
 *	  A compiled business calendar: weekly hours, dated exceptions and a
 *	  time zone turned into sorted UTC open intervals with prefix sums of
 *	  open time, for a contiguous window of local years that grows on demand.
 *
 * The compiler returns an SlaStatus instead of raising errors; the caller
 * reports it (status_report.c).
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

#include "calendar_dates.h"
#include "calendar_def.h"
#include "holiday_rules.h"
#include "hours_parse.h"
#include "sla_status.h"

/* A window holds at most this many open ranges (about 50 bytes each). */
#define SLA_MAX_WINDOW_INTERVALS	2000000

/*
 * A calendar.  Definition fields never change once built; the compiled
 * window only grows, and everything in it is rebuilt whole when it does.
 * The engine reads the window only (it is pure); the compiler builds it.
 *
 * Open time is the union of the UTC images of every range.  An open day is
 * the open time of one local date, and open days are numbered in time order
 * (by their first opening instant): where two dates' spans overlap in UTC,
 * the earlier-opening day owns the overlap.
 */
typedef struct SlaCalendar
{
	MemoryContext mcxt;			/* owns the calendar and all its arrays */
	char	   *name;
	char	   *time_zone;
	pg_tz	   *tz;

	SlaCalendarDef def;			/* weekly hours and exceptions (arrays owned) */
	int			nregions;		/* holiday regions, merged into def per window */
	SlaHolidaySet *const *regions;	/* (calendar_holidays.c) */
	bool		weekly_open;	/* do the weekly hours open at all? */

	/* The compiled window: local dates [win_first, win_last] */
	bool		compiled;
	int32		win_first;
	int32		win_last;
	TimestampTz safe_lo;		/* every interval ending after this is here */
	TimestampTz safe_hi;		/* every interval starting before this is here */
	bool		done_back;		/* no open time ends before safe_lo */
	bool		done_fwd;		/* no open time starts at or after safe_hi */
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

	/*
	 * Open days, in time order.  Between day k's last close and day k+1's
	 * first opening, an instant counts forward as the end of day k before
	 * day_fwd_cut[k] (the local midnight that ends day k's date, kept inside
	 * the gap) and as the start of day k+1 from then on; backward it counts
	 * as the start of day k+1 from day_back_cut[k+1] (the local midnight
	 * that starts day k+1's date, kept inside the gap) and as the end of day
	 * k before.  One cut per gap keeps business_add monotonic.
	 */
	int			nday;
	int32	   *day_first_iv;	/* nday + 1 entries; the last is niv */
	TimestampTz *day_fwd_cut;
	TimestampTz *day_back_cut;
} SlaCalendar;

/*
 * What the engine needs compiled before it can answer: an exact window
 * around [lo, hi] (cover), or about "years" more years one way (grow) for
 * a search that started at "from", which must stay covered.
 */
typedef struct SlaWindowNeed
{
	bool		cover;
	TimestampTz lo;
	TimestampTz hi;
	bool		forward;
	int64		years;
	TimestampTz from;
} SlaWindowNeed;

extern SlaStatus sla_calendar_build(const char *name, const char *time_zone,
									const SlaCalendarDef *def,
									SlaHolidaySet *const *regions, int nregions,
									SlaCalendar **result);
extern SlaStatus sla_calendar_provide(SlaCalendar *cal, const SlaWindowNeed *need,
									  int32 *err_date);

#endif							/* CALENDAR_COMPILE_H */
