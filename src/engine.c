/*-------------------------------------------------------------------------
 *
 * engine.c
 *	  Business-time arithmetic over a compiled calendar window.
 *
 * Every question is answered with binary searches over the calendar's
 * sorted open intervals and their prefix sums of open time ("cum"), so the
 * cost does not grow with the span.  When an answer may lie outside the
 * compiled window the engine says so (SLA_NEED_WINDOW, with what it needs)
 * and the caller compiles more and asks again from scratch; each extension
 * adds at least half the window and the window is bounded, so that ends.
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

#include "engine.h"

/* Index of the last interval starting at or before t, or -1. */
static inline int
last_start_at_or_before(const SlaCalendar *cal, TimestampTz t)
{
	int64		k = (int64) sla_utc_day(t) - cal->index_first;
	int			lo,
				hi;

	/* a window with no open time (found by the engine fuzzer) */
	if (cal->niv == 0)
		return -1;
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

/* Open time before open day j starts, and up to its end. */
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

/*
 * About how many years hold "need" more of what the window holds "have"
 * of (open time or open days): a hint for growing the window.
 */
static int64
years_for(const SlaCalendar *cal, int64 need, int64 have)
{
	int64		years = ((int64) cal->win_last - cal->win_first + 1) / 366;
	int64		per_year = have / Max(years, 1);

	if (per_year <= 0)
		return 1;
	return Min(need / per_year, (int64) SLA_MAX_YEAR) + 1;
}

/* The rare part of require_window, out of line to keep the check small. */
static pg_noinline SlaStatus
require_window_slow(const SlaCalendar *cal, TimestampTz lo, TimestampTz hi,
					SlaWindowNeed *need)
{
	/* spans under 999 years cannot break the year limit: skip the count */
	if ((uint64) hi - (uint64) lo >= (uint64) 999 * 365 * USECS_PER_DAY)
	{
		SlaStatus	st = sla_check_span(lo, hi);

		if (st != SLA_OK)
			return st;
	}
	if (cal->compiled && lo >= cal->safe_lo && hi < cal->safe_hi)
		return SLA_OK;
	need->cover = true;
	need->lo = lo;
	need->hi = hi;
	return SLA_NEED_WINDOW;
}

/*
 * SLA_OK when the window answers exactly for every instant in [lo, hi];
 * else what to compile (or the span's error).  Inline: every question
 * starts here, and nearly always the window answers.
 */
static pg_attribute_always_inline SlaStatus
require_window(const SlaCalendar *cal, TimestampTz lo, TimestampTz hi,
			   SlaWindowNeed *need)
{
	if ((uint64) hi - (uint64) lo < (uint64) 999 * 365 * USECS_PER_DAY &&
		cal->compiled && lo >= cal->safe_lo && hi < cal->safe_hi)
		return SLA_OK;
	return require_window_slow(cal, lo, hi, need);
}

/*
 * The answer lies beyond the window: ask for about "years" more years that
 * way, for a search from t.  When nothing can open that way, "done" is the
 * caller's answer instead.
 */
static SlaStatus
require_more(const SlaCalendar *cal, bool forward, int64 years, TimestampTz t,
			 SlaStatus done, SlaWindowNeed *need)
{
	if (forward ? cal->done_fwd : cal->done_back)
		return done;
	need->cover = false;
	need->forward = forward;
	need->years = years;
	need->from = t;
	need->lo = t;
	need->hi = t;
	return SLA_NEED_WINDOW;
}

/* Is instant t inside open time? */
static SlaStatus
is_open(const SlaCalendar *cal, SlaQuery *q, SlaWindowNeed *need)
{
	SlaStatus	st = require_window(cal, q->t, q->t, need);
	int			i;

	if (st != SLA_OK)
		return st;
	i = last_start_at_or_before(cal, q->t);
	q->open = i >= 0 && q->t < cal->iv_end[i];
	return SLA_OK;
}

/* t when open, else the next opening; infinity when none is ever ahead. */
static SlaStatus
next_open(const SlaCalendar *cal, SlaQuery *q, SlaWindowNeed *need)
{
	SlaStatus	st = require_window(cal, q->t, q->t, need);
	int			i;

	if (st != SLA_OK)
		return st;
	i = last_start_at_or_before(cal, q->t);
	if (i >= 0 && q->t < cal->iv_end[i])
		q->at = q->t;
	else if (i + 1 < cal->niv && cal->iv_start[i + 1] < cal->safe_hi)
		q->at = cal->iv_start[i + 1];
	else
	{
		q->at = DT_NOEND;
		return require_more(cal, true, 1, q->t, SLA_OK, need);
	}
	return SLA_OK;
}

/*
 * The end of the open period containing t, or of the next one when t is
 * closed.  Touching intervals are one period.  Infinity when the calendar
 * never closes again (open without a break for over a week beyond its last
 * exception) or never opens again.
 */
static SlaStatus
next_close(const SlaCalendar *cal, SlaQuery *q, SlaWindowNeed *need)
{
	SlaStatus	st = require_window(cal, q->t, q->t, need);
	int			i;

	if (st != SLA_OK)
		return st;
	q->at = DT_NOEND;
	i = last_start_at_or_before(cal, q->t);
	if (i < 0 || q->t >= cal->iv_end[i])
		i++;
	if (i < cal->niv && cal->iv_start[i] < cal->safe_hi)
	{
		int			last = cal->iv_run_last[i];
		TimestampTz horizon = cal->iv_start[i];
		bool		to_end = cal->at_end && cal->iv_end[last] >= cal->end_instant;

		/*
		 * No interval missing from the window can touch this end, unless
		 * the run reaches the end of the supported years, which only cuts
		 * it short: then no close is known.
		 */
		if (last + 1 < cal->niv || (cal->iv_end[last] < cal->safe_hi && !to_end))
		{
			q->at = cal->iv_end[last];
			return SLA_OK;
		}
		if (to_end)
			return SLA_OK;
		if (cal->def.nexceptions > 0)
			horizon = Max(horizon, (TimestampTz)
						  (cal->def.exc_days[cal->def.nexceptions - 1] + 2) * USECS_PER_DAY);
		/* a whole week open beyond every exception: open forever */
		if (cal->iv_end[last] - horizon > 8 * USECS_PER_DAY)
			return SLA_OK;
	}
	return require_more(cal, true, 1, q->t, SLA_OK, need);
}

/* Open time in [t, t2), negative when t2 < t. */
static SlaStatus
elapsed(const SlaCalendar *cal, SlaQuery *q, SlaWindowNeed *need)
{
	SlaStatus	st = require_window(cal, Min(q->t, q->t2), Max(q->t, q->t2), need);

	if (st != SLA_OK)
		return st;
	q->amount = cum_at(cal, q->t2) - cum_at(cal, q->t);
	return SLA_OK;
}

/*
 * add_time_forward mirrors add_time_backward: the earliest t' >= t with
 * "amount" (> 0) open time in [t, t').
 */
static SlaStatus
add_time_forward(const SlaCalendar *cal, SlaQuery *q, int64 amount,
				 SlaWindowNeed *need)
{
	int64		target;
	int			i;

	if (pg_add_s64_overflow(cum_at_index(cal, q->t, &i), amount, &target))
		return SLA_ERR_RESULT_RANGE;
	/* no interval before t's reaches beyond t */
	i = first_reaching(cal, target, false, i);
	if (i < cal->niv && cal->iv_start[i] < cal->safe_hi)
	{
		q->at = cal->iv_start[i] + (target - cal->iv_cum[i]);
		return SLA_OK;
	}
	return require_more(cal, true,
						years_for(cal, target - total_open(cal), total_open(cal)),
						q->t, SLA_ERR_NO_OPEN_AFTER, need);
}

/*
 * add_time_backward mirrors add_time_forward: the latest t' <= t with
 * "amount" (> 0) open time in [t', t).
 */
static SlaStatus
add_time_backward(const SlaCalendar *cal, SlaQuery *q, int64 amount,
				  SlaWindowNeed *need)
{
	int			here;
	int64		target = cum_at_index(cal, q->t, &here) - amount;

	if (target >= 0)
	{
		/* t's interval is past target (its end is at or after t) */
		int			i = first_reaching_back(cal, target, here);
		TimestampTz result = cal->iv_start[i] + (target - cal->iv_cum[i]);

		if (result >= cal->safe_lo)
		{
			q->at = result;
			return SLA_OK;
		}
	}
	return require_more(cal, false, years_for(cal, -target, total_open(cal)),
						q->t, SLA_ERR_NO_OPEN_BEFORE, need);
}

/* t plus a business time amount; zero returns t, even outside hours. */
static SlaStatus
add_time(const SlaCalendar *cal, SlaQuery *q, SlaWindowNeed *need)
{
	SlaStatus	st;

	if (q->amount == 0)
	{
		q->at = q->t;
		return SLA_OK;
	}
	if (q->amount == PG_INT64_MIN)
		return SLA_ERR_RESULT_RANGE;
	if ((st = require_window(cal, q->t, q->t, need)) != SLA_OK)
		return st;
	return q->amount > 0 ? add_time_forward(cal, q, q->amount, need) :
		add_time_backward(cal, q, -q->amount, need);
}

/*
 * Business position of t for counting days: the open day *k it counts in
 * and the open time of that day already passed (*passed) or still left
 * (*left).  Inside an open day's span (first opening to last close) that
 * is its own day.  Between two open days one cut decides, so that the
 * position never goes back as t goes forward: counting forward, t is the
 * end of the earlier day before day_fwd_cut and the start of the later one
 * from it; counting backward, the start of the later day from
 * day_back_cut and the end of the earlier one before.  *k may be -1 or
 * nday beyond the window.
 */
static void
day_position(const SlaCalendar *cal, TimestampTz t, bool forward,
			 int *k, int64 *passed, int64 *left)
{
	int			i = last_start_at_or_before(cal, t);
	int			prev = i >= 0 ? cal->iv_day[i] : -1;
	int			next = prev + 1;

	if (prev >= 0 && t < cal->iv_end[cal->day_first_iv[prev + 1] - 1])
	{
		/* inside prev's span */
		int64		c = cal->iv_cum[i] + (Min(t, cal->iv_end[i]) - cal->iv_start[i]);

		*k = prev;
		*passed = c - day_cum_start(cal, prev);
		*left = day_cum_end(cal, prev) - c;
	}
	else if (forward ? (prev >= 0 && t < cal->day_fwd_cut[prev]) :
			 !(next < cal->nday && t >= cal->day_back_cut[next]))
	{
		/* the end of the earlier day */
		*k = prev;
		*passed = prev >= 0 ? day_cum_end(cal, prev) - day_cum_start(cal, prev) : 0;
		*left = 0;
	}
	else
	{
		/* the start of the later day */
		*k = next;
		*passed = 0;
		*left = next < cal->nday ? day_cum_end(cal, next) - day_cum_start(cal, next) : 0;
	}
}

/*
 * t plus n (!= 0) business days.  Forward: the earliest instant at offset
 * min(passed, length) in open day k + n (offset 0 is the previous open
 * day's close).  Backward: the latest instant with min(left, length) open
 * time left in open day k - n (0 left is the next open day's opening).
 */
static SlaStatus
add_days(const SlaCalendar *cal, SlaQuery *q, SlaWindowNeed *need)
{
	bool		forward = q->days > 0;
	int			k;
	int64		p;
	int64		r;
	int64		target_day;
	SlaStatus	st;

	if (q->days == 0)
	{
		q->at = q->t;
		return SLA_OK;
	}
	if (q->days == PG_INT32_MIN)
		return SLA_ERR_RESULT_RANGE;
	if ((st = require_window(cal, q->t, q->t, need)) != SLA_OK)
		return st;
	day_position(cal, q->t, forward, &k, &p, &r);
	target_day = (int64) k + q->days;
	if (target_day >= 0 && target_day < cal->nday)
	{
		int			kd = (int) target_day;
		int64		len = day_cum_end(cal, kd) - day_cum_start(cal, kd);

		if (forward)
		{
			int64		target = day_cum_start(cal, kd) + Min(p, len);

			/* from the previous day's last interval: offset 0 is its close */
			int			i = first_reaching(cal, target, false,
										   cal->day_first_iv[kd] - 1);

			if (cal->iv_start[i] < cal->safe_hi)
			{
				q->at = cal->iv_start[i] + (target - cal->iv_cum[i]);
				return SLA_OK;
			}
		}
		else
		{
			int64		target = day_cum_end(cal, kd) - Min(r, len);
			int			i = first_reaching(cal, target, true,
										   cal->day_first_iv[kd]);
			TimestampTz result = cal->iv_start[i] + (target - cal->iv_cum[i]);

			if (result >= cal->safe_lo)
			{
				q->at = result;
				return SLA_OK;
			}
		}
	}
	return forward ?
		require_more(cal, true, years_for(cal, target_day - cal->nday + 1, cal->nday),
					 q->t, SLA_ERR_NO_OPEN_AFTER, need) :
		require_more(cal, false, years_for(cal, -target_day + 1, cal->nday),
					 q->t, SLA_ERR_NO_OPEN_BEFORE, need);
}

/* Answer one question about instants (see SlaQuery). */
SlaStatus
sla_engine_answer(const SlaCalendar *cal, SlaQuery *q, SlaWindowNeed *need)
{
	switch (q->kind)
	{
		case SLA_Q_IS_OPEN:
			return is_open(cal, q, need);
		case SLA_Q_NEXT_OPEN:
			return next_open(cal, q, need);
		case SLA_Q_NEXT_CLOSE:
			return next_close(cal, q, need);
		case SLA_Q_ELAPSED:
			return elapsed(cal, q, need);
		case SLA_Q_ADD_DAYS:
			return add_days(cal, q, need);
		case SLA_Q_ADD_TIME:
			return add_time(cal, q, need);
	}
	return SLA_ERR_RESULT_RANGE;	/* not reached */
}

/*
 * Call cb for every open period (touching intervals merged) that meets
 * [lo, hi], in order.  Periods are not clipped; the caller does that.
 */
SlaStatus
sla_engine_open_periods(const SlaCalendar *cal, TimestampTz lo, TimestampTz hi,
						SlaPeriodCallback cb, void *arg, SlaWindowNeed *need)
{
	SlaStatus	st = require_window(cal, lo, hi, need);
	int			i;

	if (st != SLA_OK)
		return st;
	i = last_start_at_or_before(cal, lo);
	if (i < 0 || lo > cal->iv_end[cal->iv_run_last[i]])
		i++;
	while (i < cal->niv && cal->iv_start[i] <= hi)
	{
		int			last = cal->iv_run_last[i];

		cb(arg, cal->iv_start[i], cal->iv_end[last]);
		i = last + 1;
	}
	return SLA_OK;
}
