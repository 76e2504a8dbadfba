/*-------------------------------------------------------------------------
 *
 * calendar_window.h
 *	  The lookup arrays of a compiled window, derived from its open
 *	  intervals and open days: prefix sums of open time, touching runs, the
 *	  per-UTC-day index and the cuts between open days (see SlaCalendar).
 *
 * Pure: no time-zone calls, no allocation, no errors.  The compiler derives
 * every window with it, and the engine's fuzz harness its random windows,
 * so the two cannot drift apart.
 *
 * IDENTIFICATION
 *	  src/calendar_window.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CALENDAR_WINDOW_H
#define CALENDAR_WINDOW_H

#include "datatype/timestamp.h"

/*
 * What a window is derived from, and the caller's arrays it fills.  The
 * intervals are sorted and never overlap (they may touch); each open day
 * is a run of consecutive intervals, days in time order.
 */
typedef struct SlaWindowParts
{
	int			niv;
	const TimestampTz *start;
	const TimestampTz *end;
	int			nday;
	const int32 *day_first;		/* first interval of each open day */
	const TimestampTz *date_start;	/* the local midnight starting each open
									 * day's date */
	const TimestampTz *date_end;	/* ... and the one ending it */
	int32		index_first;	/* the UTC days the index covers */
	int			nindex;

	/* filled in: niv, niv, nindex, nday and nday entries */
	int64	   *cum;
	int32	   *run_last;
	int32	   *day_index;
	TimestampTz *fwd_cut;
	TimestampTz *back_cut;
} SlaWindowParts;

extern void sla_window_derive(const SlaWindowParts *w);

#endif							/* CALENDAR_WINDOW_H */
