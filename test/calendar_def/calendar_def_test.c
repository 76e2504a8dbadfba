/*
 * calendar_def_test.c
 *	  Checks of src/calendar_def.c against brute force, outside the server:
 *	  the hours in force on a date (with and without a search hint, with
 *	  any hint), weekdays, and overlaps between neighbouring dates, over
 *	  random calendar definitions.  Prints "ok - ..." or "not ok - ...".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_def.h"

#define NDEFS		300
#define MAXEXC		60
#define SPAN		400			/* exceptions on days [-SPAN, SPAN) */

static unsigned int seed = 12345;

/* A small deterministic generator, the same on every platform. */
static int
rnd(int n)
{
	seed = seed * 1103515245u + 12345u;
	return (int) ((seed >> 8) % (unsigned int) n);
}

/* Random sorted ranges for one day: 0 to 3, some past midnight. */
static void
random_day(SlaDayHours *h)
{
	int			n = rnd(4);
	int64_t		t = 0;
	int			i;

	memset(h, 0, sizeof(*h));
	for (i = 0; i < n; i++)
	{
		int64_t		start = t + (int64_t) rnd(8) * SLA_USECS_PER_HOUR;
		int64_t		len = (int64_t) (1 + rnd(14)) * SLA_USECS_PER_HOUR;

		if (start >= SLA_USECS_PER_DAY)
			break;
		h->ranges[h->nranges].start = start;
		h->ranges[h->nranges].end = start + len;
		h->nranges++;
		t = start + len;
	}
}

/* Brute force: the exception of day d, else the weekday's hours. */
static SlaDayRanges
brute_hours_on(const SlaCalendarDef *def, int32_t d)
{
	SlaDayRanges r;
	int			i;
	int64_t		w;

	for (i = 0; i < def->nexceptions; i++)
		if (def->exc_days[i] == d)
		{
			r.ranges = def->exc_ranges + def->exc_first[i];
			r.nranges = def->exc_first[i + 1] - def->exc_first[i];
			return r;
		}
	w = (((int64_t) d % 7) + 7 + 6) % 7;	/* 2000-01-01 was a Saturday */
	r.ranges = def->weekly.day[w].ranges;
	r.nranges = def->weekly.day[w].nranges;
	return r;
}

/* Are two answers the same ranges of the same definition? */
static int
same(SlaDayRanges a, SlaDayRanges b)
{
	return a.nranges == b.nranges && (a.nranges == 0 || a.ranges == b.ranges);
}

/* Brute force: does any range of a, past midnight, reach past the start of any range of b? */
static int
brute_overlap(SlaDayRanges a, SlaDayRanges b)
{
	int			i,
				j;

	for (i = 0; i < a.nranges; i++)
		for (j = 0; j < b.nranges; j++)
			if (a.ranges[i].end - SLA_USECS_PER_DAY > b.ranges[j].start)
				return 1;
	return 0;
}

int
main(void)
{
	static int32_t days[MAXEXC];
	static int32_t first_range[MAXEXC + 1];
	static SlaTimeRange ranges[MAXEXC * SLA_MAX_RANGES_PER_DAY];
	long		bad_lookup = 0,
				bad_hint = 0,
				bad_any_hint = 0,
				bad_overlap = 0,
				bad_weekday = 0,
				checks = 0;
	int			k;

	/* weekdays: 2000-01-01 Saturday, 1999-12-31 Friday, 2024-01-01 Monday, 0001-01-01 Monday */
	if (sla_calendar_def_weekday(0) != 6 || sla_calendar_def_weekday(-1) != 5 ||
		sla_calendar_def_weekday(8766) != 1 || sla_calendar_def_weekday(-730119) != 1)
		bad_weekday++;
	for (k = -800000; k < 3000000; k += 997)
		if (sla_calendar_def_weekday(k + 7) != sla_calendar_def_weekday(k) ||
			sla_calendar_def_weekday(k + 1) != (sla_calendar_def_weekday(k) + 1) % 7)
			bad_weekday++;

	for (k = 0; k < NDEFS; k++)
	{
		SlaCalendarDef def;
		int			n = rnd(MAXEXC + 1);
		int			i,
					used = 0,
					hint = 0;
		int32_t		d;

		memset(&def, 0, sizeof(def));
		for (i = 0; i < 7; i++)
			random_day(&def.weekly.day[i]);
		/* sorted unique days: walk forward by random steps */
		d = -SPAN + rnd(20);
		first_range[0] = 0;
		for (i = 0; i < n && d < SPAN; i++)
		{
			SlaDayHours h;

			days[used] = d;
			random_day(&h);
			memcpy(ranges + first_range[used], h.ranges, h.nranges * sizeof(SlaTimeRange));
			first_range[used + 1] = first_range[used] + h.nranges;
			used++;
			d += 1 + rnd(3 * SPAN / (n + 1) + 1);
		}
		def.nexceptions = used;
		def.exc_days = days;
		def.exc_first = first_range;
		def.exc_ranges = ranges;

		for (d = -SPAN - 5; d < SPAN + 5; d++)
		{
			SlaDayRanges want = brute_hours_on(&def, d);
			int			any = rnd(used + 1);

			checks++;
			if (!same(sla_calendar_def_hours_on(&def, d, NULL), want))
				bad_lookup++;
			if (!same(sla_calendar_def_hours_on(&def, d, &hint), want))
				bad_hint++;
			if (!same(sla_calendar_def_hours_on(&def, d, &any), want))
				bad_any_hint++;
		}
		for (i = 0; i < 200; i++)
		{
			int32_t		first = -SPAN - 5 + rnd(2 * SPAN + 10);
			int32_t		last = first + rnd(10);
			int32_t		later = 0,
						x,
						want = 0;
			int			found = 0,
						got;

			for (x = first; x <= last && !found; x++)
				if (brute_overlap(brute_hours_on(&def, x - 1), brute_hours_on(&def, x)))
				{
					found = 1;
					want = x;
				}
			got = sla_calendar_def_find_overlap(&def, first, last, &later);
			if (got != found || (found && later != want))
				bad_overlap++;
		}
	}
	printf("%s - weekday of a date, anchors and 7-day period\n", bad_weekday ? "not ok" : "ok");
	printf("%s - hours on a date by binary search, %ld dates\n", bad_lookup ? "not ok" : "ok", checks);
	printf("%s - hours on a date walking forward with a hint, %ld dates\n", bad_hint ? "not ok" : "ok", checks);
	printf("%s - hours on a date with an arbitrary hint, %ld dates\n", bad_any_hint ? "not ok" : "ok", checks);
	printf("%s - first overlap between neighbouring dates, %d windows\n", bad_overlap ? "not ok" : "ok", NDEFS * 200);
	return (bad_weekday || bad_lookup || bad_hint || bad_any_hint || bad_overlap) ? 1 : 0;
}
