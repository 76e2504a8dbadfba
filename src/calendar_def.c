/*-------------------------------------------------------------------------
 *
 * calendar_def.c
 *	  The hours in force on a date, and overlaps between neighbouring dates,
 *	  of a calendar definition (weekly hours plus dated exceptions).
 *
 * The one place that decides which ranges hold on a date: an exception's
 * when the date has one, else its weekday's.  Whether a range of one date
 * that runs past midnight overlaps the next date's first range is decided
 * by sla_ranges_overlap_next() in the hours parser, which also applies it
 * within the week.
 *
 * IDENTIFICATION
 *	  src/calendar_def.c
 *
 *-------------------------------------------------------------------------
 */
#include <stddef.h>

#include "calendar_def.h"

/*
 * The weekday of date d (days since 2000-01-01, a Saturday), 0 = Sunday,
 * as j2day() counts; correct for dates before 2000 too.
 */
int
sla_calendar_def_weekday(int32_t d)
{
	int64_t		w = ((int64_t) d + 6) % 7;

	return (int) (w < 0 ? w + 7 : w);
}

/*
 * The hours in force on date d: its exception's, else its weekday's.
 *
 * hint may be NULL.  Otherwise it is a position in the exceptions that a
 * caller walking dates in ascending order keeps between calls (start it at
 * 0): each call then costs O(1) on average instead of a binary search.  A
 * hint past d is ignored, so any hint gives the right answer.
 */
SlaDayRanges
sla_calendar_def_hours_on(const SlaCalendarDef *def, int32_t d, int *hint)
{
	SlaDayRanges r;
	int			lo = 0;
	int			hi = def->nexceptions;

	if (hint != NULL && *hint >= 0 && *hint <= def->nexceptions &&
		(*hint == 0 || def->exc_days[*hint - 1] < d))
	{
		/* walking forward: skip the exceptions before d */
		lo = *hint;
		while (lo < hi && def->exc_days[lo] < d)
			lo++;
	}
	else
	{
		while (lo < hi)
		{
			int			mid = lo + (hi - lo) / 2;

			if (def->exc_days[mid] < d)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	if (hint != NULL)
		*hint = lo;
	if (lo < def->nexceptions && def->exc_days[lo] == d)
	{
		r.ranges = def->exc_ranges + def->exc_first[lo];
		r.nranges = def->exc_first[lo + 1] - def->exc_first[lo];
	}
	else
	{
		const SlaDayHours *w = &def->weekly.day[sla_calendar_def_weekday(d)];

		r.ranges = w->ranges;
		r.nranges = w->nranges;
	}
	return r;
}

/*
 * Look for a date x in [first, last] whose first range starts before a
 * range of date x - 1, run past midnight, has ended.  Returns true and sets
 * *later to the first such x, or returns false when every such pair of
 * dates only touches at most.  Checks last - first + 1 pairs: to check one
 * date d against both neighbours, pass first = d, last = d + 1.
 */
bool
sla_calendar_def_find_overlap(const SlaCalendarDef *def, int32_t first,
							  int32_t last, int32_t *later)
{
	int			hint = 0;
	SlaDayRanges prev;
	int64_t		x;

	if (first > last)
		return false;
	prev = sla_calendar_def_hours_on(def, first - 1, &hint);
	for (x = first; x <= last; x++)
	{
		SlaDayRanges cur = sla_calendar_def_hours_on(def, (int32_t) x, &hint);

		if (sla_ranges_overlap_next(prev.ranges, prev.nranges, cur.ranges, cur.nranges))
		{
			*later = (int32_t) x;
			return true;
		}
		prev = cur;
	}
	return false;
}
