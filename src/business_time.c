/*-------------------------------------------------------------------------
 *
 * business_time.c
 *	  SQL-callable business-time functions: business_add, business_elapsed,
 *	  is_open, next_open, next_close and open_periods.
 *
 * These only unpack arguments, handle infinities, fetch the compiled
 * calendar, ask the engine (compiling more of the calendar while it asks
 * for more) and raise what it reports.
 *
 * IDENTIFICATION
 *	  src/business_time.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "business_interval.h"
#include "business_time.h"
#include "calendar_store.h"
#include "engine.h"
#include "status_report.h"

/*
 * Each round compiles at least half the window again or fails, and the
 * window is bounded, so a question needs a few dozen rounds at most.
 */
#define MAX_COMPILE_ROUNDS	200

/*
 * Act on an engine status: false when answered; when the engine needs more
 * of the calendar compiled, compile it and return true to ask again; raise
 * any error.
 */
static bool
compile_more(SlaCalendar *cal, SlaStatus st, const SlaWindowNeed *need, int *rounds)
{
	int32		err_date = 0;

	if (st == SLA_OK)
		return false;
	if (st == SLA_NEED_WINDOW)
	{
		CHECK_FOR_INTERRUPTS();
		if (++*rounds > MAX_COMPILE_ROUNDS)
			elog(ERROR, "business time search on calendar \"%s\" did not converge",
				 cal->name);
		st = sla_calendar_provide(cal, need, &err_date);
		if (st == SLA_OK)
			return true;
	}
	sla_report_status(st, cal->name, cal->time_zone, err_date);
}

/* Answer q on cal, or raise its error.  Inline: it is on every row's path. */
static pg_attribute_always_inline void
answer(SlaCalendar *cal, SlaQuery *q)
{
	SlaWindowNeed need;
	int			rounds = 0;
	SlaStatus	st = sla_engine_answer(cal, q, &need);

	/* nearly always answered at once */
	if (likely(st == SLA_OK))
		return;
	while (compile_more(cal, st, &need, &rounds))
		st = sla_engine_answer(cal, q, &need);
}

/*
 * Raise 22008 for an infinite instant where a finite one is needed; what
 * names it in the message ("timestamp", "start of an SLA clock").
 */
void
sla_require_finite(TimestampTz t, const char *what)
{
	if (TIMESTAMP_NOT_FINITE(t))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be finite", what)));
}

/*
 * ts plus days business days and then time microseconds of business time on
 * cal.  Infinite ts is returned as is; so is ts for a zero amount.
 */
TimestampTz
sla_calendar_add(SlaCalendar *cal, TimestampTz ts, int32 days, int64 time)
{
	SlaQuery	q = {0};

	if (TIMESTAMP_NOT_FINITE(ts) || (days == 0 && time == 0))
		return ts;
	q.at = ts;
	if (days != 0)
	{
		q.kind = SLA_Q_ADD_DAYS;
		q.t = q.at;
		q.days = days;
		answer(cal, &q);
	}
	if (time != 0)
	{
		q.kind = SLA_Q_ADD_TIME;
		q.t = q.at;
		q.amount = time;
		answer(cal, &q);
	}
	if (!IS_VALID_TIMESTAMP(q.at))
		sla_report_status(SLA_ERR_RESULT_RANGE, cal->name, cal->time_zone, 0);
	return q.at;
}

/*
 * Open time of cal in [from, to) in microseconds (negative when to < from);
 * both must be finite.
 */
int64
sla_calendar_elapsed(SlaCalendar *cal, TimestampTz from, TimestampTz to)
{
	SlaQuery	q = {SLA_Q_ELAPSED};

	Assert(!TIMESTAMP_NOT_FINITE(from) && !TIMESTAMP_NOT_FINITE(to));
	q.t = from;
	q.t2 = to;
	answer(cal, &q);
	return q.amount;
}

/* business_add(ts, amount, calendar): ts plus an amount of business time. */
PG_FUNCTION_INFO_V1(sla_business_add);
Datum
sla_business_add(PG_FUNCTION_ARGS)
{
	TimestampTz ts = PG_GETARG_TIMESTAMPTZ(0);
	BusinessInterval *amount = PG_GETARG_BUSINESS_INTERVAL_P(1);
	SlaCalendar *cal = sla_calendar_for_call(fcinfo, 2);

	PG_RETURN_TIMESTAMPTZ(sla_calendar_add(cal, ts, amount->days, amount->time));
}

/* business_elapsed(from, to, calendar): open time in [from, to). */
PG_FUNCTION_INFO_V1(sla_business_elapsed);
Datum
sla_business_elapsed(PG_FUNCTION_ARGS)
{
	TimestampTz from = PG_GETARG_TIMESTAMPTZ(0);
	TimestampTz to = PG_GETARG_TIMESTAMPTZ(1);
	SlaCalendar *cal = sla_calendar_for_call(fcinfo, 2);

	sla_require_finite(from, "start of elapsed business time");
	sla_require_finite(to, "end of elapsed business time");
	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_make(0,
															 sla_calendar_elapsed(cal, from, to)));
}

/* is_open(ts, calendar): true at an opening instant, false at a close. */
PG_FUNCTION_INFO_V1(sla_is_open);
Datum
sla_is_open(PG_FUNCTION_ARGS)
{
	TimestampTz ts = PG_GETARG_TIMESTAMPTZ(0);
	SlaCalendar *cal = sla_calendar_for_call(fcinfo, 1);
	SlaQuery	q = {SLA_Q_IS_OPEN};

	sla_require_finite(ts, "timestamp");
	q.t = ts;
	answer(cal, &q);
	PG_RETURN_BOOL(q.open);
}

/* next_open(ts, calendar): ts when open, else the next opening. */
PG_FUNCTION_INFO_V1(sla_next_open);
Datum
sla_next_open(PG_FUNCTION_ARGS)
{
	TimestampTz ts = PG_GETARG_TIMESTAMPTZ(0);
	SlaCalendar *cal = sla_calendar_for_call(fcinfo, 1);
	SlaQuery	q = {SLA_Q_NEXT_OPEN};

	if (TIMESTAMP_NOT_FINITE(ts))
		PG_RETURN_TIMESTAMPTZ(ts);
	q.t = ts;
	answer(cal, &q);
	PG_RETURN_TIMESTAMPTZ(q.at);
}

/* next_close(ts, calendar): the end of the current or next open period. */
PG_FUNCTION_INFO_V1(sla_next_close);
Datum
sla_next_close(PG_FUNCTION_ARGS)
{
	TimestampTz ts = PG_GETARG_TIMESTAMPTZ(0);
	SlaCalendar *cal = sla_calendar_for_call(fcinfo, 1);
	SlaQuery	q = {SLA_Q_NEXT_CLOSE};

	if (TIMESTAMP_NOT_FINITE(ts))
		PG_RETURN_TIMESTAMPTZ(ts);
	q.t = ts;
	answer(cal, &q);
	PG_RETURN_TIMESTAMPTZ(q.at);
}

/* Collects open periods as tstzrange values clipped to "within". */
typedef struct PeriodCollector
{
	TypeCacheEntry *rngtype;
	RangeType  *within;
	RangeType **ranges;
	int			nranges;
	int			maxranges;
} PeriodCollector;

/* Engine callback: intersect one open period with "within" and keep it. */
static void
collect_period(void *arg, TimestampTz start, TimestampTz end)
{
	PeriodCollector *pc = (PeriodCollector *) arg;
	RangeBound	lower = {0},
				upper = {0};
	RangeType  *period;
	RangeType  *clipped;

	CHECK_FOR_INTERRUPTS();
	lower.val = TimestampTzGetDatum(start);
	lower.inclusive = true;
	lower.lower = true;
	upper.val = TimestampTzGetDatum(end);
	upper.inclusive = false;
	upper.lower = false;
	period = make_range(pc->rngtype, &lower, &upper, false);
	clipped = range_intersect_internal(pc->rngtype, period, pc->within);
	if (RangeIsEmpty(clipped))
		return;
	if (pc->nranges >= pc->maxranges)
	{
		pc->maxranges *= 2;
		pc->ranges = repalloc_huge(pc->ranges, pc->maxranges * sizeof(RangeType *));
	}
	pc->ranges[pc->nranges++] = clipped;
}

/*
 * open_periods(calendar, within): the calendar's open time inside a bounded
 * tstzrange, as a tstzmultirange.
 */
PG_FUNCTION_INFO_V1(sla_open_periods);
Datum
sla_open_periods(PG_FUNCTION_ARGS)
{
	SlaCalendar *cal = sla_calendar_for_call(fcinfo, 0);
	RangeType  *within = PG_GETARG_RANGE_P(1);
	PeriodCollector pc;
	RangeBound	lower,
				upper;
	bool		empty;
	Oid			mltrngtypoid = get_fn_expr_rettype(fcinfo->flinfo);
	SlaWindowNeed need;
	int			rounds = 0;

	if (!OidIsValid(mltrngtypoid))
		mltrngtypoid = TSTZMULTIRANGEOID;
	memset(&pc, 0, sizeof(pc));
	pc.rngtype = lookup_type_cache(RangeTypeGetOid(within), TYPECACHE_RANGE_INFO);
	if (pc.rngtype->rngelemtype == NULL)
		elog(ERROR, "type %u is not a range type", RangeTypeGetOid(within));
	pc.within = within;
	pc.maxranges = 64;
	pc.ranges = palloc(pc.maxranges * sizeof(RangeType *));

	range_deserialize(pc.rngtype, within, &lower, &upper, &empty);
	if (!empty)
	{
		if (lower.infinite || upper.infinite ||
			TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(lower.val)) ||
			TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(upper.val)))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("open periods need a bounded range"),
					 errhint("Give both bounds of the range as finite timestamps.")));
		while (compile_more(cal,
							sla_engine_open_periods(cal, DatumGetTimestampTz(lower.val),
													DatumGetTimestampTz(upper.val),
													collect_period, &pc, &need),
							&need, &rounds))
			;
	}
	PG_RETURN_MULTIRANGE_P(make_multirange(mltrngtypoid, pc.rngtype,
										   pc.nranges, pc.ranges));
}
