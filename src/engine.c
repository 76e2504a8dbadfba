/*-------------------------------------------------------------------------
 *
 * engine.c
 *	  Business-time arithmetic over a compiled calendar.
 *
 * Every question is answered with binary searches over the calendar's
 * sorted open intervals and their prefix sums of open time ("cum"), so the
 * cost does not grow with the span.  When an answer may lie outside the
 * compiled window the window is extended and the question asked again from
 * scratch, since extending rebuilds the arrays.  Each extension at least
 * adds half the window and the window is bounded, so every loop ends.
 *
 * The rules implemented here are written out in docs/semantics.md.
 *
 * IDENTIFICATION
 *	  src/engine.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "miscadmin.h"

#include "engine.h"

/* Average open time per year of the window, for extension hints. */
#define WINDOW_DAYS(cal)	((int64) (cal)->win_last - (cal)->win_first + 1)

/* Index of the last interval starting at or before t, or -1. */
static inline int
last_start_at_or_before(const SlaCalendar *cal, TimestampTz t)
{
	int64		k = (t >= 0 ? t / USECS_PER_DAY : -((-t - 1) / USECS_PER_DAY) - 1) -
		cal->index_first;
	int			lo,
				hi;

	if (k >= 0 && k + 1 < cal->nindex)
	{
		/* the intervals starting on t's UTC day: a few at most */
		int			i = cal->day_index[k];
		int			end = cal->day_index[k + 1];

		/* the first step without a branch: it is the unpredictable one */
		i += (i < end) & (cal->iv_start[Min(i, cal->niv - 1)] <= t);
		while (i < end && cal->iv_start[i] <= t)
			i++;
		return i - 1;
	}

	lo = 0;
	hi = cal->niv;
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (cal->iv_start[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

/* Open time in the window up to the end of interval i. */
static inline int64
cum_end(const SlaCalendar *cal, int i)
{
	return cal->iv_cum[i] + (cal->iv_end[i] - cal->iv_start[i]);
}

/*
 * Open time in the window before instant t.  *ip is set to the last
 * interval starting at or before t (-1 if none).
 */
static int64
cum_at_index(const SlaCalendar *cal, TimestampTz t, int *ip)
{
	int			i = last_start_at_or_before(cal, t);

	*ip = i;
	if (i < 0)
		return 0;
	return cal->iv_cum[i] + (Min(t, cal->iv_end[i]) - cal->iv_start[i]);
}

/* Open time in the window before instant t. */
static int64
cum_at(const SlaCalendar *cal, TimestampTz t)
{
	int			i;

	return cum_at_index(cal, t, &i);
}

/* Open time of the whole window. */
static int64
total_open(const SlaCalendar *cal)
{
	return cal->niv > 0 ? cum_end(cal, cal->niv - 1) : 0;
}

/*
 * First interval whose cumulative end reaches target (>= target, or
 * > target when strict), or niv when none does.  The search gallops from
 * interval "from", below which none reaches it, so that a short amount
 * costs a step or two whatever the size of the window.
 */
static int
first_reaching(const SlaCalendar *cal, int64 target, bool strict, int from)
{
	int			lo = Max(from, 0),
				hi,
				step = 1;

	/* most often the answer is where the search starts */
	if (lo < cal->niv)
	{
		int64		c = cum_end(cal, lo);

		if (strict ? c > target : c >= target)
			return lo;
	}
	/* gallop: find hi with cum_end(hi) reaching target */
	for (;;)
	{
		int64		c;

		hi = lo + step;
		if (hi >= cal->niv)
		{
			hi = cal->niv;
			break;
		}
		c = cum_end(cal, hi);
		if (strict ? c > target : c >= target)
			break;
		lo = hi;
		step *= 2;
	}
	/* the answer is in [lo, hi] */
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int64		c = cum_end(cal, mid);

		if (strict ? c > target : c >= target)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/*
 * First interval whose cumulative end is > target, knowing that interval
 * "from" is one: galloping backward, so a short walk back stays short.
 */
static int
first_reaching_back(const SlaCalendar *cal, int64 target, int from)
{
	int			hi = from,
				lo,
				step = 1;

	/* gallop down: find lo below the answer (or -1) */
	for (;;)
	{
		lo = hi - step;
		if (lo < 0)
		{
			lo = -1;
			break;
		}
		if (cum_end(cal, lo) <= target)
			break;
		hi = lo;
		step *= 2;
	}
	/* the answer is in (lo, hi] */
	while (hi - lo > 1)
	{
		int			mid = lo + (hi - lo) / 2;

		if (cum_end(cal, mid) > target)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* First open day whose local date is on or after d, or nday. */
static int
first_day_on_or_after(const SlaCalendar *cal, int32 d)
{
	int			lo = 0,
				hi = cal->nday;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (cal->day_date[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Open time before open day j starts, and its length. */
static inline int64
day_cum_start(const SlaCalendar *cal, int j)
{
	return cal->iv_cum[cal->day_first_iv[j]];
}

static inline int64
day_cum_end(const SlaCalendar *cal, int j)
{
	return cum_end(cal, cal->day_first_iv[j + 1] - 1);
}

/* Is t inside the span (first opening to last close) of an open day? */
static bool
inside_day_span(const SlaCalendar *cal, TimestampTz t, int *day)
{
	int			i = last_start_at_or_before(cal, t);

	if (i < 0)
		return false;
	*day = cal->iv_day[i];
	return t < cal->iv_end[cal->day_first_iv[*day + 1] - 1];
}

/* A hint of how many years hold "need" more open time, from the window. */
static int64
years_for_open_time(const SlaCalendar *cal, int64 need)
{
	int64		per_year = total_open(cal) / Max(WINDOW_DAYS(cal) / 366, 1);

	if (per_year <= 0)
		return 1;
	return Min(need / per_year, (int64) SLA_MAX_YEAR) + 1;
}

/* The same for open days. */
static int64
years_for_days(const SlaCalendar *cal, int64 ndays)
{
	int64		per_year = cal->nday / Max(WINDOW_DAYS(cal) / 366, 1);

	if (per_year <= 0)
		return 1;
	return Min(ndays / per_year, (int64) SLA_MAX_YEAR) + 1;
}

static pg_attribute_noreturn() void
report_no_open_time(const SlaCalendar *cal, bool forward)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 forward ?
			 errmsg("calendar \"%s\" has no open time after its last dated exception",
					cal->name) :
			 errmsg("calendar \"%s\" has no open time before its first dated exception",
					cal->name),
			 errdetail("Its weekly hours are \"closed\", so only dated exceptions open it."),
			 errhint("Add exceptions that open dates in this period, or weekly hours.")));
}

static pg_attribute_noreturn() void
report_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("timestamp out of range")));
}

/* Is instant t inside open time? */
bool
sla_engine_is_open(SlaCalendar *cal, TimestampTz t)
{
	int			i;

	sla_calendar_cover(cal, t, t);
	i = last_start_at_or_before(cal, t);
	return i >= 0 && t < cal->iv_end[i];
}

/* t when open, else the next opening; infinity when none is ever ahead. */
TimestampTz
sla_engine_next_open(SlaCalendar *cal, TimestampTz t)
{
	for (;;)
	{
		int			i;

		CHECK_FOR_INTERRUPTS();
		sla_calendar_cover(cal, t, t);
		i = last_start_at_or_before(cal, t);
		if (i >= 0 && t < cal->iv_end[i])
			return t;
		if (i + 1 < cal->niv && cal->iv_start[i + 1] < cal->safe_hi)
			return cal->iv_start[i + 1];
		if (!sla_calendar_extend(cal, true, 1, t))
			return DT_NOEND;
	}
}

/*
 * The end of the open period containing t, or of the next one when t is
 * closed.  Touching intervals are one period.  Infinity when the calendar
 * never closes again (open without a break for over a week beyond its last
 * exception) or never opens again.
 */
TimestampTz
sla_engine_next_close(SlaCalendar *cal, TimestampTz t)
{
	for (;;)
	{
		int			i;

		CHECK_FOR_INTERRUPTS();
		sla_calendar_cover(cal, t, t);
		i = last_start_at_or_before(cal, t);
		if (i < 0 || t >= cal->iv_end[i])
			i++;
		if (i < cal->niv && cal->iv_start[i] < cal->safe_hi)
		{
			int			last = cal->iv_run_last[i];
			TimestampTz horizon = cal->iv_start[i];

			/*
			 * No interval missing from the window can touch this end, unless
			 * the run reaches the end of the supported years, which only
			 * cuts it short.
			 */
			if (last + 1 < cal->niv ||
				(cal->iv_end[last] < cal->safe_hi &&
				 !(cal->at_end && cal->iv_end[last] >= cal->end_instant)))
				return cal->iv_end[last];
			/* open until the end of the supported years: no close known */
			if (cal->at_end && cal->iv_end[last] >= cal->end_instant)
				return DT_NOEND;
			if (cal->nexceptions > 0)
				horizon = Max(horizon, (TimestampTz)
							  (cal->exceptions[cal->nexceptions - 1].day + 2) * USECS_PER_DAY);
			/* a whole week open beyond every exception: open forever */
			if (cal->iv_end[last] - horizon > 8 * USECS_PER_DAY)
				return DT_NOEND;
		}
		if (!sla_calendar_extend(cal, true, 1, t))
			return DT_NOEND;
	}
}

/* Open time in [from, to), negative when to < from. */
int64
sla_engine_elapsed(SlaCalendar *cal, TimestampTz from, TimestampTz to)
{
	sla_calendar_cover(cal, Min(from, to), Max(from, to));
	return cum_at(cal, to) - cum_at(cal, from);
}

/* The earliest t' >= t with "amount" (> 0) open time in [t, t'). */
static TimestampTz
add_time_forward(SlaCalendar *cal, TimestampTz t, int64 amount)
{
	for (;;)
	{
		int64		target;
		int			i;

		CHECK_FOR_INTERRUPTS();
		sla_calendar_cover(cal, t, t);
		if (pg_add_s64_overflow(cum_at_index(cal, t, &i), amount, &target))
			report_out_of_range();
		/* no interval before t's reaches beyond t */
		i = first_reaching(cal, target, false, i);
		if (i < cal->niv && cal->iv_start[i] < cal->safe_hi)
			return cal->iv_start[i] + (target - cal->iv_cum[i]);
		if (!sla_calendar_extend(cal, true,
								 years_for_open_time(cal, target - total_open(cal)), t))
			report_no_open_time(cal, true);
	}
}

/* The latest t' <= t with "amount" (> 0) open time in [t', t). */
static TimestampTz
add_time_backward(SlaCalendar *cal, TimestampTz t, int64 amount)
{
	for (;;)
	{
		int64		target;
		int			here;

		CHECK_FOR_INTERRUPTS();
		sla_calendar_cover(cal, t, t);
		target = cum_at_index(cal, t, &here) - amount;
		if (target >= 0)
		{
			/* t's interval is past target (its end is at or after t) */
			int			i = first_reaching_back(cal, target, here);
			TimestampTz result = cal->iv_start[i] + (target - cal->iv_cum[i]);

			if (result >= cal->safe_lo)
				return result;
		}
		if (!sla_calendar_extend(cal, false, years_for_open_time(cal, -target), t))
			report_no_open_time(cal, false);
	}
}

/*
 * Business position of t for counting days: the open day k it counts in,
 * and the open time already passed in it (*passed) and still left (*left).
 * Inside an open day's span that is its own day; otherwise the open day of
 * t's local date (before its opening nothing has passed, after its close
 * everything).  On a date with no open day of its own, t counts as the
 * start of the next open day when counting forward and as the end of the
 * previous one when counting backward; k may then be nday or -1.
 */
static void
day_position(const SlaCalendar *cal, TimestampTz t, bool forward,
			 int *k, int64 *passed, int64 *left)
{
	int			j;
	int64		c;

	if (inside_day_span(cal, t, &j))
		c = cum_at(cal, t);
	else
	{
		int32		d = sla_calendar_local_date(cal, t);

		j = first_day_on_or_after(cal, d);
		if (j < cal->nday && cal->day_date[j] == d)
			c = (t < cal->iv_start[cal->day_first_iv[j]]) ?
				day_cum_start(cal, j) : day_cum_end(cal, j);
		else
		{
			*k = forward ? j : j - 1;
			*passed = 0;
			*left = 0;
			return;
		}
	}
	*k = j;
	*passed = c - day_cum_start(cal, j);
	*left = day_cum_end(cal, j) - c;
}

/*
 * n (> 0) business days after t: the earliest instant at offset min(p,
 * length) in open day k + n.  An offset of 0 is therefore the previous open
 * day's close.
 */
static TimestampTz
add_days_forward(SlaCalendar *cal, TimestampTz t, int32 n)
{
	for (;;)
	{
		int			k;
		int64		p;
		int64		r;
		int64		target_day;

		CHECK_FOR_INTERRUPTS();
		sla_calendar_cover(cal, t, t);
		day_position(cal, t, true, &k, &p, &r);
		target_day = (int64) k + n;
		if (target_day < cal->nday)
		{
			int			kd = (int) target_day;
			int64		len = day_cum_end(cal, kd) - day_cum_start(cal, kd);
			int64		target = day_cum_start(cal, kd) + Min(p, len);
			/* from the previous day's last interval: offset 0 is its close */
			int			i = first_reaching(cal, target, false,
										   cal->day_first_iv[kd] - 1);

			if (cal->iv_start[i] < cal->safe_hi)
				return cal->iv_start[i] + (target - cal->iv_cum[i]);
		}
		if (!sla_calendar_extend(cal, true,
								 years_for_days(cal, target_day - cal->nday + 1), t))
			report_no_open_time(cal, true);
	}
}

/*
 * n (> 0) business days before t: the latest instant with min(r, length)
 * open time left in open day k - n.
 */
static TimestampTz
add_days_backward(SlaCalendar *cal, TimestampTz t, int32 n)
{
	for (;;)
	{
		int			k;
		int64		p;
		int64		r;
		int64		target_day;

		CHECK_FOR_INTERRUPTS();
		sla_calendar_cover(cal, t, t);
		day_position(cal, t, false, &k, &p, &r);
		target_day = (int64) k - n;
		if (target_day >= 0)
		{
			int			kd = (int) target_day;
			int64		len = day_cum_end(cal, kd) - day_cum_start(cal, kd);
			int64		target = day_cum_end(cal, kd) - Min(r, len);
			int			i = first_reaching(cal, target, true,
										   cal->day_first_iv[kd]);
			TimestampTz result = cal->iv_start[i] + (target - cal->iv_cum[i]);

			if (result >= cal->safe_lo)
				return result;
		}
		if (!sla_calendar_extend(cal, false, years_for_days(cal, -target_day + 1), t))
			report_no_open_time(cal, false);
	}
}

/*
 * t plus a business amount: the days first, then the time.  A zero amount
 * returns t, even outside open hours.
 */
TimestampTz
sla_engine_add(SlaCalendar *cal, TimestampTz t, int32 days, int64 time)
{
	if (days > 0)
		t = add_days_forward(cal, t, days);
	else if (days < 0)
	{
		if (days == PG_INT32_MIN)
			report_out_of_range();
		t = add_days_backward(cal, t, -days);
	}

	if (time > 0)
		t = add_time_forward(cal, t, time);
	else if (time < 0)
	{
		if (time == PG_INT64_MIN)
			report_out_of_range();
		t = add_time_backward(cal, t, -time);
	}
	return t;
}

/*
 * Call cb for every open period (touching intervals merged) that meets
 * [lo, hi], in order.  Periods are not clipped; the caller does that.
 */
void
sla_engine_open_periods(SlaCalendar *cal, TimestampTz lo, TimestampTz hi,
						SlaPeriodCallback cb, void *arg)
{
	int			i;

	sla_calendar_cover(cal, lo, hi);
	i = last_start_at_or_before(cal, lo);
	if (i < 0 || lo > cal->iv_end[cal->iv_run_last[i]])
		i++;
	while (i < cal->niv && cal->iv_start[i] <= hi)
	{
		int			last = cal->iv_run_last[i];

		CHECK_FOR_INTERRUPTS();
		cb(arg, cal->iv_start[i], cal->iv_end[last]);
		i = last + 1;
	}
}
