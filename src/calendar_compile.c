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
 *
 * Compilation covers a contiguous window of whole local years.  Time-zone
 * work happens here, once per day of the window, never per row.
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

/* Margins that cover any UTC offset (< 16h) and ranges up to 48h long. */
#define SAFE_LO_MARGIN	(3 * USECS_PER_DAY)
#define SAFE_HI_MARGIN	(1 * USECS_PER_DAY)

/* Growable arrays used while compiling a window. */
typedef struct Builder
{
	const char *calname;		/* for error messages */
	int			niv;
	int			maxiv;
	TimestampTz *start;
	TimestampTz *end;
	int32	   *day;
	int			nday;
	int			maxday;
	int32	   *day_date;
	int32	   *day_first;
} Builder;

/* First local date of year y, as days since 2000-01-01. */
static int32
year_first_day(int y)
{
	return date2j(y, 1, 1) - POSTGRES_EPOCH_JDATE;
}

/* The year a date (days since 2000-01-01) falls in. */
static int
date_year(int32 d)
{
	int			y,
				m,
				md;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &md);
	return y;
}

/* Floor division, for instants before 2000. */
static int64
floor_div(int64 a, int64 b)
{
	int64		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

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
 * The local date of instant t in the calendar's zone, as days since
 * 2000-01-01.
 */
int32
sla_calendar_local_date(const SlaCalendar *cal, TimestampTz t)
{
	pg_time_t	secs;
	struct pg_tm *tm;

	secs = (pg_time_t) (floor_div(t, USECS_PER_SEC) +
						(int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY);
	tm = pg_localtime(&secs, cal->tz);
	if (tm == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range for calendar \"%s\"", cal->name)));
	return date2j(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday) - POSTGRES_EPOCH_JDATE;
}

/* The ranges in force on local date d: its exception's, or the weekday's. */
static void
day_ranges(const SlaCalendar *cal, int32 d, int *exc_pos,
		   const SlaTimeRange **ranges, int *nranges)
{
	int			i = *exc_pos;

	/* exceptions are sorted; callers walk dates in ascending order */
	while (i < cal->nexceptions && cal->exceptions[i].day < d)
		i++;
	*exc_pos = i;
	if (i < cal->nexceptions && cal->exceptions[i].day == d)
	{
		*ranges = cal->exc_ranges + cal->exceptions[i].first;
		*nranges = cal->exceptions[i].nranges;
	}
	else
	{
		const SlaDayHours *w = &cal->weekly.day[j2day(d + POSTGRES_EPOCH_JDATE)];

		*ranges = w->ranges;
		*nranges = w->nranges;
	}
}

/* How far past the next midnight the ranges reach (0 if they do not). */
static int64
ranges_reach(const SlaTimeRange *ranges, int n)
{
	int64		reach = 0;
	int			i;

	for (i = 0; i < n; i++)
		if (ranges[i].end - USECS_PER_DAY > reach)
			reach = ranges[i].end - USECS_PER_DAY;
	return reach;
}

/* Grow a builder array to hold at least need elements. */
static void *
grow(void *arr, int *max, int need, Size elemsize)
{
	int			newmax = Max(*max * 2, 1024);

	while (newmax < need)
		newmax *= 2;
	if ((Size) newmax * elemsize > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("compiled calendar is too large")));
	*max = newmax;
	return arr ? repalloc(arr, (Size) newmax * elemsize) : palloc((Size) newmax * elemsize);
}

/* Append one open interval of local date d. */
static void
builder_add(Builder *b, int32 d, TimestampTz s, TimestampTz e)
{
	if (b->niv >= SLA_MAX_WINDOW_INTERVALS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("business time span too large for calendar \"%s\"", b->calname),
				 errdetail("A computation may cover at most %d open ranges of one calendar.",
						   SLA_MAX_WINDOW_INTERVALS),
				 errhint("Compute over shorter spans.")));
	if (b->niv >= b->maxiv)
	{
		int			max = b->maxiv;

		b->start = grow(b->start, &max, b->niv + 1, sizeof(TimestampTz));
		max = b->maxiv;
		b->end = grow(b->end, &max, b->niv + 1, sizeof(TimestampTz));
		max = b->maxiv;
		b->day = grow(b->day, &max, b->niv + 1, sizeof(int32));
		b->maxiv = max;
	}
	if (b->nday == 0 || b->day_date[b->nday - 1] != d)
	{
		if (b->nday >= b->maxday)
		{
			int			max = b->maxday;

			b->day_date = grow(b->day_date, &max, b->nday + 1, sizeof(int32));
			max = b->maxday;
			b->day_first = grow(b->day_first, &max, b->nday + 1, sizeof(int32));
			b->maxday = max;
		}
		b->day_date[b->nday] = d;
		b->day_first[b->nday] = b->niv;
		b->nday++;
	}
	b->start[b->niv] = s;
	b->end[b->niv] = e;
	b->day[b->niv] = b->nday - 1;
	b->niv++;
}

/* A local date (days since 2000-01-01) as YYYY-MM-DD, whatever DateStyle. */
char *
sla_format_date(int32 d)
{
	int			y,
				m,
				md;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &md);
	return psprintf("%04d-%02d-%02d", y, m, md);
}

/* Raise the error for ranges of two neighbouring dates that overlap. */
static void
report_overlap(const SlaCalendar *cal, int32 d)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("calendar \"%s\" has overlapping open hours on %s",
					cal->name, sla_format_date(d)),
			 errdetail("A range of the previous day runs past midnight into this date's first range."),
			 errhint("Shorten the previous day's range or start this date's hours later.")));
}

/*
 * Compile local dates [first, last] into b.  Overlaps between neighbouring
 * dates are an error; an overlap that only DST creates is merged.
 */
static void
compile_dates(const SlaCalendar *cal, int32 first, int32 last, Builder *b)
{
	int			exc_pos = 0;
	const SlaTimeRange *ranges;
	int			nranges;
	int64		reach;
	int32		d;

	day_ranges(cal, first - 1, &exc_pos, &ranges, &nranges);
	reach = ranges_reach(ranges, nranges);

	for (d = first; d <= last; d++)
	{
		int			i;

		if ((d & 63) == 0)
			CHECK_FOR_INTERRUPTS();
		day_ranges(cal, d, &exc_pos, &ranges, &nranges);
		if (nranges > 0 && ranges[0].start < reach)
			report_overlap(cal, d);
		reach = ranges_reach(ranges, nranges);

		for (i = 0; i < nranges; i++)
		{
			TimestampTz s = local_to_utc(cal->tz, d, ranges[i].start);
			TimestampTz e = local_to_utc(cal->tz, d, ranges[i].end);

			/* a range that DST makes empty or reversed is empty that day */
			if (e <= s)
				continue;
			if (b->niv > 0 && s < b->end[b->niv - 1])
			{
				if (e <= b->end[b->niv - 1])
					continue;
				s = b->end[b->niv - 1];
			}
			builder_add(b, d, s, e);
		}
	}
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

/* Compile years [y0, y1] and install them as the calendar's window. */
static void
compile_window(SlaCalendar *cal, int y0, int y1)
{
	Builder		b;
	int32		first = year_first_day(y0);
	int32		last = year_first_day(y1 + 1) - 1;
	int64	   *cum;
	int32	   *run_last;
	int32	   *day_index;
	int			nindex;
	int			i,
				k;

	memset(&b, 0, sizeof(b));
	b.calname = cal->name;
	compile_dates(cal, first, last, &b);

	/* prefix sums of open time, and the end of each touching run */
	cum = palloc(Max(b.niv, 1) * sizeof(int64));
	run_last = palloc(Max(b.niv, 1) * sizeof(int32));
	for (i = 0; i < b.niv; i++)
		cum[i] = (i == 0) ? 0 : cum[i - 1] + (b.end[i - 1] - b.start[i - 1]);
	for (i = b.niv - 1; i >= 0; i--)
		run_last[i] = (i + 1 < b.niv && b.start[i + 1] == b.end[i]) ? run_last[i + 1] : i;

	/* per UTC day, the number of intervals starting before it */
	nindex = (last + 3) - (first - 2) + 1;
	day_index = palloc(nindex * sizeof(int32));
	for (i = 0, k = 0; k < nindex; k++)
	{
		TimestampTz midnight = (TimestampTz) (first - 2 + k) * USECS_PER_DAY;

		while (i < b.niv && b.start[i] < midnight)
			i++;
		day_index[k] = i;
	}

	/* Nothing can fail from here on: swap in the new window. */
	if (cal->compiled)
	{
		pfree(cal->day_index);
		pfree(cal->iv_start);
		pfree(cal->iv_end);
		pfree(cal->iv_cum);
		pfree(cal->iv_day);
		pfree(cal->iv_run_last);
		pfree(cal->day_date);
		pfree(cal->day_first_iv);
	}
	cal->iv_start = keep(cal, b.start, b.niv, sizeof(TimestampTz));
	cal->iv_end = keep(cal, b.end, b.niv, sizeof(TimestampTz));
	cal->iv_cum = keep(cal, cum, b.niv, sizeof(int64));
	cal->iv_day = keep(cal, b.day, b.niv, sizeof(int32));
	cal->iv_run_last = keep(cal, run_last, b.niv, sizeof(int32));
	cal->day_date = keep(cal, b.day_date, b.nday, sizeof(int32));
	cal->day_first_iv = MemoryContextAlloc(cal->mcxt, (b.nday + 1) * sizeof(int32));
	if (b.nday > 0)
		memcpy(cal->day_first_iv, b.day_first, b.nday * sizeof(int32));
	cal->day_first_iv[b.nday] = b.niv;
	cal->day_index = keep(cal, day_index, nindex, sizeof(int32));
	cal->index_first = first - 2;
	cal->nindex = nindex;
	cal->niv = b.niv;
	cal->nday = b.nday;
	cal->win_first = first;
	cal->win_last = last;
	/* no open time exists outside the supported years: complete there */
	cal->safe_lo = (y0 == SLA_MIN_YEAR) ? (TimestampTz) first * USECS_PER_DAY :
		(TimestampTz) first * USECS_PER_DAY + SAFE_LO_MARGIN;
	cal->safe_hi = (y1 == SLA_MAX_YEAR) ? (TimestampTz) (last + 1) * USECS_PER_DAY :
		(TimestampTz) (last + 1) * USECS_PER_DAY - SAFE_HI_MARGIN;
	cal->at_end = (y1 == SLA_MAX_YEAR);
	cal->end_instant = cal->at_end ? local_to_utc(cal->tz, last + 1, 0) : 0;
	cal->compiled = true;

	if (b.start)
	{
		pfree(b.start);
		pfree(b.end);
		pfree(b.day);
	}
	if (b.day_date)
	{
		pfree(b.day_date);
		pfree(b.day_first);
	}
	pfree(cum);
	pfree(run_last);
	pfree(day_index);
}

/* Raise 54000: one computation would span too many years. */
static pg_attribute_noreturn() void
report_too_many_years(const SlaCalendar *cal)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("business time span too large for calendar \"%s\"", cal->name),
			 errdetail("One computation may cover at most %d years of the calendar.",
					   SLA_MAX_WINDOW_YEARS)));
}

/*
 * Compile years [y0, y1] (within the supported years).  The window holds
 * up to SLA_MAX_WINDOW_YEARS years of instants plus a year of margin on
 * either side.
 */
static void
compile_years(SlaCalendar *cal, int y0, int y1)
{
	Assert(y0 >= SLA_MIN_YEAR && y1 <= SLA_MAX_YEAR);
	if (y1 - y0 + 1 > SLA_MAX_WINDOW_YEARS + 2)
		report_too_many_years(cal);
	compile_window(cal, y0, y1);
}

/* Raise 22008: an instant or result outside the supported years. */
static pg_attribute_noreturn() void
report_out_of_years(const SlaCalendar *cal)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("timestamp out of range for calendar \"%s\"", cal->name),
			 errdetail("Business time is computed from %04d-01-01 to %04d-12-31.",
					   SLA_MIN_YEAR, SLA_MAX_YEAR)));
}

/*
 * Raise 54000 when [lo, hi] spans more than SLA_MAX_WINDOW_YEARS (UTC)
 * years, whatever is compiled already.  lo and hi are supported instants.
 */
void
sla_calendar_check_span(const SlaCalendar *cal, TimestampTz lo, TimestampTz hi)
{
	if (lo < (TimestampTz) year_first_day(SLA_MIN_YEAR) * USECS_PER_DAY ||
		hi >= (TimestampTz) year_first_day(SLA_MAX_YEAR + 1) * USECS_PER_DAY)
		report_out_of_years(cal);
	if (date_year((int32) floor_div(hi, USECS_PER_DAY)) -
		date_year((int32) floor_div(lo, USECS_PER_DAY)) + 1 > SLA_MAX_WINDOW_YEARS)
		report_too_many_years(cal);
}

/*
 * Make sure the compiled window answers exactly for every instant in
 * [lo, hi]: every open interval that contains or neighbours one of them is
 * compiled.  The window keeps what it had unless that would make it too
 * large; then it is rebuilt around [lo, hi] alone.  Instants must lie in the
 * supported years (UTC), else 22008; a calendar has no open time outside.
 */
void
sla_calendar_cover_slow(SlaCalendar *cal, TimestampTz lo, TimestampTz hi)
{
	int			y0,
				y1;

	if (cal->compiled && lo >= cal->safe_lo && hi < cal->safe_hi)
		return;
	/* supported instants (22008), then the year limit (54000) */
	sla_calendar_check_span(cal, lo, hi);
	y0 = date_year((int32) Max(floor_div(lo, USECS_PER_DAY) - 4,
							   year_first_day(SLA_MIN_YEAR)));
	y1 = date_year((int32) Min(floor_div(hi, USECS_PER_DAY) + 2,
							   year_first_day(SLA_MAX_YEAR + 1) - 1));
	if (cal->compiled &&
		Max(y1, date_year(cal->win_last)) - Min(y0, date_year(cal->win_first)) <
		SLA_MAX_WINDOW_YEARS)
	{
		y0 = Min(y0, date_year(cal->win_first));
		y1 = Max(y1, date_year(cal->win_last));
	}
	else if (!cal->compiled && y1 - y0 + 3 <= SLA_MAX_WINDOW_YEARS)
	{
		/* a first window: the neighbouring years too */
		y0 = Max(y0 - 1, SLA_MIN_YEAR);
		y1 = Min(y1 + 1, SLA_MAX_YEAR);
	}
	compile_years(cal, y0, y1);
}

/*
 * Grow the window by about years_hint years forward or backward, for a
 * search that starts at instant "from", which stays covered; years on the
 * far side of "from" are dropped when the window would grow too large.
 * Returns false, changing nothing, when no open time can lie further that
 * way (the weekly hours are closed and the window is past every exception).
 * Raises 22008 at the end of the supported years, 54000 when the search
 * would span more than the window limit.
 */
bool
sla_calendar_extend(SlaCalendar *cal, bool forward, int64 years_hint,
					TimestampTz from)
{
	int			y0 = date_year(cal->win_first);
	int			y1 = date_year(cal->win_last);
	int			limit = SLA_MAX_WINDOW_YEARS + 2;
	int32		from_day = (int32) floor_div(from, USECS_PER_DAY);
	int			keep_lo = date_year(Max(from_day - 4, year_first_day(SLA_MIN_YEAR)));
	int			keep_hi = date_year(Min(from_day + 2, year_first_day(SLA_MAX_YEAR + 1) - 1));
	int			ny0,
				ny1;
	int64		step;

	if (!cal->weekly_open)
	{
		if (cal->nexceptions == 0)
			return false;
		if (forward && cal->win_last > cal->exceptions[cal->nexceptions - 1].day + 2)
			return false;
		if (!forward && cal->win_first < cal->exceptions[0].day - 2)
			return false;
	}
	if ((forward && y1 >= SLA_MAX_YEAR) || (!forward && y0 <= SLA_MIN_YEAR))
		report_out_of_years(cal);
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
				report_too_many_years(cal);
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
				report_too_many_years(cal);
		}
	}
	compile_years(cal, ny0, ny1);
	return true;
}

/*
 * Build a calendar from parsed hours.  exc_days must be sorted and unique.
 * The calendar lives in a new memory context, a child of the current one;
 * the caller reparents it to keep it.  Raises 22023 for an unknown time zone
 * or a calendar with no open time at all.
 */
SlaCalendar *
sla_calendar_build(const char *name, const char *time_zone,
				   const SlaWeeklyHours *weekly,
				   int nexceptions, const int32 *exc_days,
				   const SlaDayHours *exc_hours)
{
	MemoryContext mcxt;
	MemoryContext old;
	SlaCalendar *cal;
	bool		any_open = false;
	int			nranges = 0;
	int			i,
				d;

	mcxt = AllocSetContextCreate(CurrentMemoryContext, "sla calendar",
								 ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(mcxt);
	cal = palloc0(sizeof(SlaCalendar));
	cal->mcxt = mcxt;
	cal->name = pstrdup(name);
	cal->time_zone = pstrdup(time_zone);
	cal->tz = pg_tzset(time_zone);
	if (cal->tz == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" not recognized", time_zone),
				 errdetail("Calendar \"%s\" names it.", name)));
	cal->weekly = *weekly;
	for (d = 0; d < 7; d++)
		if (weekly->day[d].nranges > 0)
			cal->weekly_open = true;

	for (i = 0; i < nexceptions; i++)
		nranges += exc_hours[i].nranges;
	cal->nexceptions = nexceptions;
	cal->exceptions = palloc(Max(nexceptions, 1) * sizeof(SlaException));
	cal->exc_ranges = palloc(Max(nranges, 1) * sizeof(SlaTimeRange));
	nranges = 0;
	for (i = 0; i < nexceptions; i++)
	{
		cal->exceptions[i].day = exc_days[i];
		cal->exceptions[i].first = nranges;
		cal->exceptions[i].nranges = exc_hours[i].nranges;
		memcpy(cal->exc_ranges + nranges, exc_hours[i].ranges,
			   exc_hours[i].nranges * sizeof(SlaTimeRange));
		nranges += exc_hours[i].nranges;
		if (exc_hours[i].nranges > 0)
			any_open = true;
	}
	MemoryContextSwitchTo(old);

	if (!cal->weekly_open && !any_open)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("calendar \"%s\" has no open time", name),
				 errdetail("Its weekly hours are \"closed\" and no dated exception opens a date."),
				 errhint("Give the calendar weekly hours, or add an exception with hours.")));
	return cal;
}
