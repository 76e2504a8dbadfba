/*-------------------------------------------------------------------------
 *
 * calendar_holidays.c
 *	  Merge a calendar's holiday regions into its definition for a range
 *	  of dates, as exceptions of lower precedence than its own.
 *
 * The compiler asks for the dates of each window it compiles, so the
 * regions' rules give days in any year a calendar reaches (beyond the
 * years any data was published for), and the work is bounded by the
 * window.  What a region day does to a date:
 *
 * - holiday: closed;
 * - working_day: a date whose weekday has no hours opens with the
 *   calendar's regular hours (sla_calendar_regular_hours); a date with
 *   hours keeps them;
 * - half_day: the date's weekday hours, cut at closes_at.
 *
 * Where regions disagree on a date, a holiday wins over a half day (the
 * earliest closes_at among half days), which wins over a working day.  A
 * calendar's own exception on a date wins over all of them.
 *
 * IDENTIFICATION
 *	  src/calendar_holidays.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/memutils.h"

#include "calendar_dates.h"
#include "calendar_holidays.h"

/* One date's region day, once regions are merged. */
typedef struct RegionDay
{
	int32		day;
	SlaDayKind	kind;
	int64		closes_at;
} RegionDay;

/* Order region days by date, then precedence (see the file header). */
static int
compare_region_days(const void *a, const void *b)
{
	const RegionDay *x = a;
	const RegionDay *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->closes_at != y->closes_at)
		return x->closes_at < y->closes_at ? -1 : 1;
	return 0;
}

/*
 * The regular hours of a calendar, which a working day opens with:
 * Monday's, or when Monday is closed those of the first open day after it
 * in the week; none when no day opens.
 */
SlaDayHours
sla_calendar_regular_hours(const SlaWeeklyHours *weekly)
{
	SlaDayHours none;
	int			i;

	for (i = 1; i <= 7; i++)
		if (weekly->day[i % 7].nranges > 0)
			return weekly->day[i % 7];
	none.nranges = 0;
	return none;
}

/*
 * The region days of dates [first, last], one per date (the one that takes
 * precedence), sorted; *n set.  Allocated in the current context.
 */
static SlaStatus
collect_region_days(SlaHolidaySet *const *regions, int nregions, int32 first,
					int32 last, RegionDay **result, int *n)
{
	RegionDay  *days = NULL;
	int			ndays = 0;
	int			maxdays = 0;
	int			r,
				y,
				i,
				kept;

	for (r = 0; r < nregions; r++)
	{
		int			capacity = sla_holiday_year_capacity(regions[r]);
		SlaHoliday *buf;

		if (capacity < 0)
			return SLA_ERR_SPAN_RANGES;
		buf = palloc(capacity * sizeof(SlaHoliday));
		for (y = sla_day_year(first); y <= sla_day_year(last); y++)
		{
			int			nyear;

			CHECK_FOR_INTERRUPTS();
			if (sla_holidays_of_year(regions[r], y, buf, capacity, &nyear) != SLA_OK)
				return SLA_ERR_SPAN_RANGES;
			for (i = 0; i < nyear; i++)
			{
				if (buf[i].day < first || buf[i].day > last)
					continue;
				if (ndays >= maxdays)
				{
					maxdays = Max(maxdays * 2, 64);
					if ((Size) maxdays * sizeof(RegionDay) > MaxAllocSize)
						return SLA_ERR_SPAN_RANGES;
					days = days ? repalloc(days, maxdays * sizeof(RegionDay)) :
						palloc(maxdays * sizeof(RegionDay));
				}
				days[ndays].day = buf[i].day;
				days[ndays].kind = buf[i].kind;
				days[ndays].closes_at = buf[i].closes_at;
				ndays++;
			}
		}
		pfree(buf);
	}
	if (ndays > 0)
		qsort(days, ndays, sizeof(RegionDay), compare_region_days);
	kept = 0;
	for (i = 0; i < ndays; i++)
		if (kept == 0 || days[kept - 1].day != days[i].day)
			days[kept++] = days[i];
	*result = days;
	*n = kept;
	return SLA_OK;
}

/* The ranges a region day gives date rd->day, appended at out[*n]. */
static void
region_day_ranges(const SlaCalendarDef *base, const SlaDayHours *regular,
				  const RegionDay *rd, SlaTimeRange *out, int *n)
{
	const SlaDayHours *own = &base->weekly.day[sla_calendar_def_weekday(rd->day)];
	int			i;

	switch (rd->kind)
	{
		case SLA_DAY_HOLIDAY:
			break;
		case SLA_DAY_WORKING_DAY:
			{
				const SlaDayHours *h = own->nranges > 0 ? own : regular;

				memcpy(out + *n, h->ranges, h->nranges * sizeof(SlaTimeRange));
				*n += h->nranges;
			}
			break;
		case SLA_DAY_HALF_DAY:
			for (i = 0; i < own->nranges; i++)
				if (own->ranges[i].start < rd->closes_at)
				{
					out[*n].start = own->ranges[i].start;
					out[*n].end = Min(own->ranges[i].end, rd->closes_at);
					(*n)++;
				}
			break;
	}
}

/*
 * A definition for dates [first, last] with the regions' days merged in:
 * every exception of base, and the region day of each date in the range
 * that base has no exception for.  The arrays are allocated in the current
 * memory context.  SLA_ERR_SPAN_RANGES when they would be too large.
 */
SlaStatus
sla_calendar_def_with_regions(const SlaCalendarDef *base, SlaHolidaySet *const *regions,
							  int nregions, int32 first, int32 last,
							  SlaCalendarDef *merged)
{
	SlaDayHours regular = sla_calendar_regular_hours(&base->weekly);
	RegionDay  *rdays;
	int			nrdays;
	int			nbase_ranges = base->nexceptions > 0 ? base->exc_first[base->nexceptions] : 0;
	int64		maxranges;
	int32	   *days;
	int32	   *first_range;
	SlaTimeRange *ranges;
	int			nexc = 0,
				nranges = 0;
	int			b = 0,
				r = 0;
	SlaStatus	st;

	if ((st = collect_region_days(regions, nregions, first, last, &rdays, &nrdays)) != SLA_OK)
		return st;
	maxranges = (int64) nbase_ranges + (int64) nrdays * SLA_MAX_RANGES_PER_DAY + 1;
	if ((Size) maxranges * sizeof(SlaTimeRange) > MaxAllocSize ||
		(Size) (base->nexceptions + nrdays + 1) * sizeof(int32) > MaxAllocSize)
		return SLA_ERR_SPAN_RANGES;
	days = palloc((base->nexceptions + nrdays + 1) * sizeof(int32));
	first_range = palloc((base->nexceptions + nrdays + 1) * sizeof(int32));
	ranges = palloc(maxranges * sizeof(SlaTimeRange));

	/* merge two sorted lists; the calendar's own exception wins a date */
	while (b < base->nexceptions || r < nrdays)
	{
		bool		take_base = r >= nrdays ||
			(b < base->nexceptions && base->exc_days[b] <= rdays[r].day);

		first_range[nexc] = nranges;
		if (take_base)
		{
			int			k = base->exc_first[b + 1] - base->exc_first[b];

			if (r < nrdays && rdays[r].day == base->exc_days[b])
				r++;			/* hidden by the exception */
			memcpy(ranges + nranges, base->exc_ranges + base->exc_first[b],
				   k * sizeof(SlaTimeRange));
			nranges += k;
			days[nexc++] = base->exc_days[b++];
		}
		else
		{
			region_day_ranges(base, &regular, &rdays[r], ranges, &nranges);
			days[nexc++] = rdays[r++].day;
		}
	}
	first_range[nexc] = nranges;
	if (rdays)
		pfree(rdays);

	merged->weekly = base->weekly;
	merged->nexceptions = nexc;
	merged->exc_days = days;
	merged->exc_first = first_range;
	merged->exc_ranges = ranges;
	return SLA_OK;
}
