/*-------------------------------------------------------------------------
 *
 * calendar_compile.c
 *	  Turn a calendar's weekly hours, dated exceptions and time zone into
 *	  sorted UTC open intervals with prefix sums of open time.
 *
 * Local wall-clock times become instants exactly as PostgreSQL's
 * "(day + time) AT TIME ZONE zone" does, through DetermineTimeZoneOffset():
 * a time in a spring-forward gap takes the offset in force before the
 * change, an ambiguous time in a fall-back overlap the offset after it.
 * DST can make a range land earlier in UTC than the one before it, even one
 * of an earlier date (a zone that skips a date); open time is the union of
 * all images whatever their order, and open days are ordered by time.
 *
 * Compilation covers a contiguous window of whole local years.  Time-zone
 * work happens here, a few calls per day of the window, never per row.
 * Errors are returned as SlaStatus codes; the caller reports them.
 *
 * IDENTIFICATION
 *	  src/calendar_compile.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#include "calendar_compile.h"
#include "calendar_holidays.h"
#include "calendar_window.h"

/* Margins that cover any UTC offset (< 16h) and ranges up to 48h long. */
#define SAFE_LO_MARGIN	(3 * USECS_PER_DAY)
#define SAFE_HI_MARGIN	(1 * USECS_PER_DAY)

/* The UTC image of one range of one local date. */
typedef struct Image
{
	TimestampTz start;
	TimestampTz end;
	int32		date;
} Image;

/* Growable arrays used while compiling a window. */
typedef struct Builder
{
	int			nimg;			/* images of every range, then sorted */
	int			maximg;
	Image	   *img;
	int			nspan;			/* per date: [first image start, last end) */
	int			maxspan;
	Image	   *span;
	int			niv;			/* the open intervals, split by day */
	int			maxiv;
	TimestampTz *start;
	TimestampTz *end;
	int32	   *day;
	int			nday;
	int			maxday;
	int32	   *day_date;
	int32	   *day_first;
	int			last_owner;		/* owned span of the last interval */
} Builder;

/*
 * Convert local date "day" plus "usecs" after its midnight (usecs may be
 * 48h or more) to an instant, with AT TIME ZONE's rules.
 */
static TimestampTz
local_to_utc(pg_tz *tz, int32 day, int64 usecs)
{
	struct pg_tm tm;
	int64		secs;
	int			offset;

	day += (int32) (usecs / USECS_PER_DAY);
	usecs %= USECS_PER_DAY;
	j2date(day + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	secs = usecs / USECS_PER_SEC;
	tm.tm_hour = (int) (secs / SECS_PER_HOUR);
	tm.tm_min = (int) (secs / SECS_PER_MINUTE % MINS_PER_HOUR);
	tm.tm_sec = (int) (secs % SECS_PER_MINUTE);
	tm.tm_isdst = -1;
	offset = DetermineTimeZoneOffset(&tm, tz);
	return (TimestampTz) day * USECS_PER_DAY + usecs + (int64) offset * USECS_PER_SEC;
}

/*
 * Make room for one more element in a builder array.  Returns false when
 * the array would pass MaxAllocSize.
 */
static bool
grow(void **arr, int n, int *max, Size elemsize)
{
	int			newmax;

	if (n < *max)
		return true;
	newmax = Max(*max * 2, 1024);
	if ((Size) newmax * elemsize > MaxAllocSize)
		return false;
	*arr = *arr ? repalloc(*arr, (Size) newmax * elemsize) :
		palloc((Size) newmax * elemsize);
	*max = newmax;
	return true;
}

/* Append an image or a date span. */
static SlaStatus
add_image(Image **arr, int *n, int *max, TimestampTz s, TimestampTz e, int32 d)
{
	/* images bound the intervals: stop before they take gigabytes */
	if (*n >= SLA_MAX_WINDOW_INTERVALS ||
		!grow((void **) arr, *n, max, sizeof(Image)))
		return SLA_ERR_SPAN_RANGES;
	(*arr)[*n].start = s;
	(*arr)[*n].end = e;
	(*arr)[*n].date = d;
	(*n)++;
	return SLA_OK;
}

/* Append open interval [s, e) of owned span "owner" (local date d). */
static SlaStatus
builder_add(Builder *b, int owner, int32 d, TimestampTz s, TimestampTz e)
{
	int			max;

	if (b->niv >= SLA_MAX_WINDOW_INTERVALS)
		return SLA_ERR_SPAN_RANGES;
	if (b->niv >= b->maxiv)
	{
		max = b->maxiv;
		if (!grow((void **) &b->start, b->niv, &max, sizeof(TimestampTz)))
			return SLA_ERR_SPAN_RANGES;
		max = b->maxiv;
		if (!grow((void **) &b->end, b->niv, &max, sizeof(TimestampTz)))
			return SLA_ERR_SPAN_RANGES;
		max = b->maxiv;
		if (!grow((void **) &b->day, b->niv, &max, sizeof(int32)))
			return SLA_ERR_SPAN_RANGES;
		b->maxiv = max;
	}
	/* owned spans come in time order; each is one open day */
	if (b->nday == 0 || owner != b->last_owner)
	{
		if (b->nday >= b->maxday)
		{
			max = b->maxday;
			if (!grow((void **) &b->day_date, b->nday, &max, sizeof(int32)))
				return SLA_ERR_SPAN_RANGES;
			max = b->maxday;
			if (!grow((void **) &b->day_first, b->nday, &max, sizeof(int32)))
				return SLA_ERR_SPAN_RANGES;
			b->maxday = max;
		}
		b->day_date[b->nday] = d;
		b->day_first[b->nday] = b->niv;
		b->nday++;
		b->last_owner = owner;
	}
	b->start[b->niv] = s;
	b->end[b->niv] = e;
	b->day[b->niv] = b->nday - 1;
	b->niv++;
	return SLA_OK;
}

/*
 * Sort images by start (dates by span start), keeping the order of equal
 * ones.  Insertion sort: DST puts only a few images out of order, next to
 * where they belong, so this is linear in practice.
 */
static void
sort_images(Image *a, int n)
{
	int			i;

	for (i = 1; i < n; i++)
	{
		Image		x = a[i];
		int			j = i;

		if ((i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		while (j > 0 && a[j - 1].start > x.start)
		{
			a[j] = a[j - 1];
			j--;
		}
		a[j] = x;
	}
}

/*
 * Images of local dates [first, last]: every range of every date in UTC,
 * and per date the span from its first opening to its last close.  Ranges
 * of neighbouring dates that overlap in local time are an error
 * (SLA_ERR_OVERLAP, *err_date the later date; the definition's check);
 * ranges that DST makes empty or reversed are empty that day.
 */
static SlaStatus
collect_images(const SlaCalendar *cal, const SlaCalendarDef *def, int32 first,
			   int32 last, Builder *b, int32 *err_date)
{
	int			hint = 0;
	int32		d;
	SlaStatus	st;

	if (sla_calendar_def_find_overlap(def, first, last, err_date))
		return SLA_ERR_OVERLAP;

	for (d = first; d <= last; d++)
	{
		SlaDayRanges day = sla_calendar_def_hours_on(def, d, &hint);
		TimestampTz span_s = DT_NOEND;
		TimestampTz span_e = DT_NOBEGIN;
		int			i;

		if ((d & 63) == 0)
			CHECK_FOR_INTERRUPTS();
		for (i = 0; i < day.nranges; i++)
		{
			TimestampTz s = local_to_utc(cal->tz, d, day.ranges[i].start);
			TimestampTz e = local_to_utc(cal->tz, d, day.ranges[i].end);

			if (e <= s)
				continue;
			if ((st = add_image(&b->img, &b->nimg, &b->maximg, s, e, d)) != SLA_OK)
				return st;
			span_s = Min(span_s, s);
			span_e = Max(span_e, e);
		}
		if (span_s < span_e &&
			(st = add_image(&b->span, &b->nspan, &b->maxspan, span_s, span_e, d)) != SLA_OK)
			return st;
	}
	return SLA_OK;
}

/*
 * Turn the dates' spans (sorted by start) into the disjoint spans each open
 * day owns: a span that starts inside an earlier-opening one loses that
 * part, and one inside it entirely is no open day.  Done in place; returns
 * how many are left.
 */
static int
own_spans(Image *span, int n)
{
	TimestampTz cur_end = DT_NOBEGIN;
	int			kept = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		TimestampTz s = Max(span[i].start, cur_end);

		if (span[i].end <= s)
			continue;
		span[kept].start = s;
		span[kept].end = span[i].end;
		span[kept].date = span[i].date;
		kept++;
		cur_end = span[i].end;
	}
	return kept;
}

/*
 * The open intervals: the union of the sorted images (images that only
 * touch stay apart), cut where one owned span ends and the next begins, so
 * that every interval belongs to one open day.
 */
static SlaStatus
build_intervals(Builder *b, const Image *owned, int nowned)
{
	int			i = 0,
				j = 0;
	SlaStatus	st;

	while (i < b->nimg)
	{
		TimestampTz cs = b->img[i].start;
		TimestampTz ce = b->img[i].end;

		for (i++; i < b->nimg && b->img[i].start < ce; i++)
			ce = Max(ce, b->img[i].end);
		/* every image lies inside the owned spans, which are in order */
		while (cs < ce)
		{
			TimestampTz pe;

			while (j + 1 < nowned && owned[j].end <= cs)
				j++;
			pe = Min(ce, owned[j].end);
			if (pe <= cs)
				pe = ce;		/* cannot happen; never loop forever */
			if ((st = builder_add(b, j, owned[j].date, cs, pe)) != SLA_OK)
				return st;
			cs = pe;
		}
	}
	return SLA_OK;
}

/*
 * The local midnights that start and end each open day's date; the window
 * keeps them inside the gaps around the day as its cuts (see SlaCalendar).
 */
static void
compute_midnights(const SlaCalendar *cal, const Builder *b,
				  TimestampTz *date_start, TimestampTz *date_end)
{
	int32		memo_date = 0;
	TimestampTz memo = 0;
	bool		have_memo = false;
	int			k;

	for (k = 0; k < b->nday; k++)
	{
		/* consecutive dates share a midnight: one time-zone call per day */
		if (have_memo && memo_date == b->day_date[k])
			date_start[k] = memo;
		else
			date_start[k] = local_to_utc(cal->tz, b->day_date[k], 0);
		date_end[k] = local_to_utc(cal->tz, b->day_date[k] + 1, 0);
		memo_date = b->day_date[k] + 1;
		memo = date_end[k];
		have_memo = true;
	}
}

/*
 * Compile local dates [first, last] into b.  The calendar's holiday
 * regions, if any, are merged into its definition for these dates (and
 * the day before, which the overlap check reads) in a scratch context.
 */
static SlaStatus
compile_dates(const SlaCalendar *cal, int32 first, int32 last, Builder *b,
			  int32 *err_date)
{
	SlaStatus	st;
	int			nowned;

	if (cal->nregions > 0)
	{
		MemoryContext scratch = AllocSetContextCreate(CurrentMemoryContext,
													  "sla calendar region days",
													  ALLOCSET_DEFAULT_SIZES);
		MemoryContext old = MemoryContextSwitchTo(scratch);
		SlaCalendarDef merged;

		st = sla_calendar_def_with_regions(&cal->def, cal->regions, cal->nregions,
										   first - 1, last + 1, &merged);
		MemoryContextSwitchTo(old);
		if (st == SLA_OK)
			st = collect_images(cal, &merged, first, last, b, err_date);
		MemoryContextDelete(scratch);
	}
	else
		st = collect_images(cal, &cal->def, first, last, b, err_date);
	if (st != SLA_OK)
		return st;
	sort_images(b->img, b->nimg);
	sort_images(b->span, b->nspan);
	nowned = own_spans(b->span, b->nspan);
	return build_intervals(b, b->span, nowned);
}

/* Copy n elements of size sz into the calendar's context. */
static void *
keep(const SlaCalendar *cal, const void *src, int n, Size sz)
{
	void	   *dst = MemoryContextAlloc(cal->mcxt, Max((Size) n * sz, 1));

	if (n > 0)
		memcpy(dst, src, (Size) n * sz);
	return dst;
}

/* Free whatever a builder holds. */
static void
builder_free(Builder *b)
{
	if (b->img)
		pfree(b->img);
	if (b->span)
		pfree(b->span);
	if (b->start)
		pfree(b->start);
	if (b->end)
		pfree(b->end);
	if (b->day)
		pfree(b->day);
	if (b->day_date)
		pfree(b->day_date);
	if (b->day_first)
		pfree(b->day_first);
}

/* Compile years [y0, y1] and install them as the calendar's window. */
static SlaStatus
compile_window(SlaCalendar *cal, int y0, int y1, int32 *err_date)
{
	Builder		b;
	int32		first = sla_year_first_day(y0);
	int32		last = sla_year_first_day(y1 + 1) - 1;
	SlaWindowParts w;
	TimestampTz *date_start;
	TimestampTz *date_end;
	SlaStatus	st;

	memset(&b, 0, sizeof(b));
	if ((st = compile_dates(cal, first, last, &b, err_date)) != SLA_OK)
	{
		builder_free(&b);
		return st;
	}

	/* the lookup arrays; the index covers every UTC day of the window */
	date_start = palloc(Max(b.nday, 1) * sizeof(TimestampTz));
	date_end = palloc(Max(b.nday, 1) * sizeof(TimestampTz));
	compute_midnights(cal, &b, date_start, date_end);
	w.niv = b.niv;
	w.start = b.start;
	w.end = b.end;
	w.nday = b.nday;
	w.day_first = b.day_first;
	w.date_start = date_start;
	w.date_end = date_end;
	w.index_first = first - 2;
	w.nindex = (last + 3) - (first - 2) + 1;
	w.cum = palloc(Max(b.niv, 1) * sizeof(int64));
	w.run_last = palloc(Max(b.niv, 1) * sizeof(int32));
	w.day_index = palloc(w.nindex * sizeof(int32));
	w.fwd_cut = palloc(Max(b.nday, 1) * sizeof(TimestampTz));
	w.back_cut = palloc(Max(b.nday, 1) * sizeof(TimestampTz));
	sla_window_derive(&w);

	/* Nothing can fail from here on: swap in the new window. */
	if (cal->compiled)
	{
		pfree(cal->day_index);
		pfree(cal->iv_start);
		pfree(cal->iv_end);
		pfree(cal->iv_cum);
		pfree(cal->iv_day);
		pfree(cal->iv_run_last);
		pfree(cal->day_first_iv);
		pfree(cal->day_fwd_cut);
		pfree(cal->day_back_cut);
	}
	cal->iv_start = keep(cal, b.start, b.niv, sizeof(TimestampTz));
	cal->iv_end = keep(cal, b.end, b.niv, sizeof(TimestampTz));
	cal->iv_cum = keep(cal, w.cum, b.niv, sizeof(int64));
	cal->iv_day = keep(cal, b.day, b.niv, sizeof(int32));
	cal->iv_run_last = keep(cal, w.run_last, b.niv, sizeof(int32));
	cal->day_first_iv = MemoryContextAlloc(cal->mcxt, (b.nday + 1) * sizeof(int32));
	if (b.nday > 0)
		memcpy(cal->day_first_iv, b.day_first, b.nday * sizeof(int32));
	cal->day_first_iv[b.nday] = b.niv;
	cal->day_fwd_cut = keep(cal, w.fwd_cut, b.nday, sizeof(TimestampTz));
	cal->day_back_cut = keep(cal, w.back_cut, b.nday, sizeof(TimestampTz));
	cal->day_index = keep(cal, w.day_index, w.nindex, sizeof(int32));
	cal->index_first = w.index_first;
	cal->nindex = w.nindex;
	cal->niv = b.niv;
	cal->nday = b.nday;
	cal->win_first = first;
	cal->win_last = last;
	/* no open time exists outside the supported years: complete there */
	cal->safe_lo = (y0 == SLA_MIN_YEAR) ? (TimestampTz) first * USECS_PER_DAY :
		(TimestampTz) first * USECS_PER_DAY + SAFE_LO_MARGIN;
	cal->safe_hi = (y1 == SLA_MAX_YEAR) ? (TimestampTz) (last + 1) * USECS_PER_DAY :
		(TimestampTz) (last + 1) * USECS_PER_DAY - SAFE_HI_MARGIN;
	/*
	 * With closed weekly hours nothing opens beyond the exceptions (region
	 * days open only with weekly hours, so they add nothing): nothing
	 * starts at or after safe_hi once the last exception's date is 3 days
	 * before it (a range starts within a day, plus up to 16 hours of UTC
	 * offset), nothing ends before safe_lo once the first exception's date
	 * is 4 days past the window's first (safe_lo is 3 days in).
	 */
	cal->done_fwd = !cal->weekly_open &&
		(cal->def.nexceptions == 0 ||
		 last > cal->def.exc_days[cal->def.nexceptions - 1] + 2);
	cal->done_back = !cal->weekly_open &&
		(cal->def.nexceptions == 0 || first < cal->def.exc_days[0] - 3);
	cal->at_end = (y1 == SLA_MAX_YEAR);
	cal->end_instant = cal->at_end ? local_to_utc(cal->tz, last + 1, 0) : 0;
	cal->compiled = true;

	builder_free(&b);
	pfree(date_start);
	pfree(date_end);
	pfree(w.cum);
	pfree(w.run_last);
	pfree(w.day_index);
	pfree(w.fwd_cut);
	pfree(w.back_cut);
	return SLA_OK;
}

/*
 * Compile years [y0, y1] (within the supported years).  The window holds
 * up to SLA_MAX_WINDOW_YEARS years of instants plus a year of margin on
 * either side.
 */
static SlaStatus
compile_years(SlaCalendar *cal, int y0, int y1, int32 *err_date)
{
	Assert(y0 >= SLA_MIN_YEAR && y1 <= SLA_MAX_YEAR);
	if (y1 - y0 + 1 > SLA_MAX_WINDOW_YEARS + 2)
		return SLA_ERR_SPAN_YEARS;
	return compile_window(cal, y0, y1, err_date);
}

/*
 * Make sure the compiled window answers exactly for every instant in
 * [lo, hi]: every open interval that contains or neighbours one of them is
 * compiled.  The window keeps what it had unless that would make it too
 * large (in years, or in open ranges: a dense calendar's window left by a
 * long search); then it is rebuilt around [lo, hi] alone.
 */
static SlaStatus
cover(SlaCalendar *cal, TimestampTz lo, TimestampTz hi, int32 *err_date)
{
	int			y0,
				y1;
	SlaStatus	st;

	if (cal->compiled && lo >= cal->safe_lo && hi < cal->safe_hi)
		return SLA_OK;
	if ((st = sla_check_span(lo, hi)) != SLA_OK)
		return st;
	y0 = sla_day_year(Max(sla_utc_day(lo) - 4, sla_year_first_day(SLA_MIN_YEAR)));
	y1 = sla_day_year(Min(sla_utc_day(hi) + 2, sla_year_first_day(SLA_MAX_YEAR + 1) - 1));
	if (cal->compiled &&
		Max(y1, sla_day_year(cal->win_last)) - Min(y0, sla_day_year(cal->win_first)) <
		SLA_MAX_WINDOW_YEARS)
	{
		/* a failed compilation leaves the window as it was */
		st = compile_years(cal, Min(y0, sla_day_year(cal->win_first)),
						   Max(y1, sla_day_year(cal->win_last)), err_date);
		if (st != SLA_ERR_SPAN_RANGES)
			return st;
	}
	else if (!cal->compiled && y1 - y0 + 3 <= SLA_MAX_WINDOW_YEARS)
	{
		/* a first window: the neighbouring years too */
		y0 = Max(y0 - 1, SLA_MIN_YEAR);
		y1 = Min(y1 + 1, SLA_MAX_YEAR);
	}
	return compile_years(cal, y0, y1, err_date);
}

/*
 * Grow the window by about years_hint years forward or backward, for a
 * search that starts at instant "from", which stays covered; years on the
 * far side of "from" are dropped when the window would grow too large.
 * SLA_ERR_OUT_OF_YEARS at the end of the supported years, SLA_ERR_SPAN_YEARS
 * when the search would span more than the window limit.
 */
static SlaStatus
extend(SlaCalendar *cal, bool forward, int64 years_hint, TimestampTz from,
	   int32 *err_date)
{
	int			y0 = sla_day_year(cal->win_first);
	int			y1 = sla_day_year(cal->win_last);
	int			limit = SLA_MAX_WINDOW_YEARS + 2;
	int32		from_day = sla_utc_day(from);
	int			keep_lo = sla_day_year(Max(from_day - 4, sla_year_first_day(SLA_MIN_YEAR)));
	int			keep_hi = sla_day_year(Min(from_day + 2, sla_year_first_day(SLA_MAX_YEAR + 1) - 1));
	int			ny0,
				ny1;
	int64		step;

	if ((forward && y1 >= SLA_MAX_YEAR) || (!forward && y0 <= SLA_MIN_YEAR))
		return SLA_ERR_OUT_OF_YEARS;
	/* grow by the hint, and at least by half the window, to keep it cheap */
	step = Max(years_hint, (int64) (y1 - y0 + 1) / 2);
	step = Min(Max(step, 1), (int64) limit);
	if (forward)
	{
		ny1 = (int) Min((int64) y1 + step, (int64) SLA_MAX_YEAR);
		ny0 = Min(Max(y0, ny1 - limit + 1), keep_lo);
		if (ny1 - ny0 + 1 > limit)
		{
			ny1 = ny0 + limit - 1;
			if (ny1 <= y1)
				return SLA_ERR_SPAN_YEARS;
		}
	}
	else
	{
		ny0 = (int) Max((int64) y0 - step, (int64) SLA_MIN_YEAR);
		ny1 = Max(Min(y1, ny0 + limit - 1), keep_hi);
		if (ny1 - ny0 + 1 > limit)
		{
			ny0 = ny1 - limit + 1;
			if (ny0 >= y0)
				return SLA_ERR_SPAN_YEARS;
		}
	}
	return compile_years(cal, ny0, ny1, err_date);
}

/*
 * Compile what the engine asked for (see SlaWindowNeed).  On an overlap
 * between neighbouring dates *err_date is the later date.
 */
SlaStatus
sla_calendar_provide(SlaCalendar *cal, const SlaWindowNeed *need, int32 *err_date)
{
	if (need->cover || !cal->compiled)
		return cover(cal, need->lo, need->hi, err_date);
	return extend(cal, need->forward, need->years, need->from, err_date);
}

/*
 * Build a calendar from its definition, copying what it needs, and its
 * holiday regions (not copied: the caller keeps them as long as the
 * calendar, e.g. in a child of its context).  The calendar lives in a new
 * memory context, a child of the current one; the caller reparents it to
 * keep it.  SLA_ERR_TIME_ZONE for a time zone
 * PostgreSQL does not know, SLA_ERR_NO_OPEN_TIME for a calendar that never
 * opens.
 */
SlaStatus
sla_calendar_build(const char *name, const char *time_zone,
				   const SlaCalendarDef *def, SlaHolidaySet *const *regions,
				   int nregions, SlaCalendar **result)
{
	MemoryContext mcxt;
	MemoryContext old;
	SlaCalendar *cal;
	pg_tz	   *tz;
	int			nranges = def->nexceptions > 0 ? def->exc_first[def->nexceptions] : 0;
	bool		any_open = nranges > 0;
	int			d;

	*result = NULL;
	tz = pg_tzset(time_zone);
	if (tz == NULL)
		return SLA_ERR_TIME_ZONE;

	mcxt = AllocSetContextCreate(CurrentMemoryContext, "sla calendar",
								 ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(mcxt);
	cal = palloc0(sizeof(SlaCalendar));
	cal->mcxt = mcxt;
	cal->name = pstrdup(name);
	cal->time_zone = pstrdup(time_zone);
	cal->tz = tz;
	cal->def.weekly = def->weekly;
	cal->def.nexceptions = def->nexceptions;
	cal->def.exc_days = keep(cal, def->exc_days, def->nexceptions, sizeof(int32));
	if (def->exc_first != NULL)
		cal->def.exc_first = keep(cal, def->exc_first, def->nexceptions + 1, sizeof(int32));
	else
		cal->def.exc_first = palloc0(sizeof(int32));	/* no exceptions */
	cal->def.exc_ranges = keep(cal, def->exc_ranges, nranges, sizeof(SlaTimeRange));
	cal->regions = regions;
	cal->nregions = nregions;
	for (d = 0; d < 7; d++)
		if (def->weekly.day[d].nranges > 0)
			cal->weekly_open = true;
	MemoryContextSwitchTo(old);

	if (!cal->weekly_open && !any_open)
	{
		MemoryContextDelete(mcxt);
		return SLA_ERR_NO_OPEN_TIME;
	}
	*result = cal;
	return SLA_OK;
}
