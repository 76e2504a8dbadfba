/*-------------------------------------------------------------------------
 *
 * kpi_percentile.c
 *	  sla.percentile(fraction) WITHIN GROUP (ORDER BY v): the continuous
 *	  percentile of business_interval or interval values, as percentile_cont
 *	  computes it for interval.
 *
 * The values sort in their btree order (a day as 24 hours and, for
 * interval, a month as 30 days); the result at the position fraction *
 * (n - 1) interpolates between its two neighbours as lo + (hi - lo) *
 * (position - floor(position)), with the type's own -, * and + (the
 * fraction of a day spilling into time).  NULL values are skipped; a NULL
 * fraction or no value gives NULL; a fraction outside [0, 1] is 22003.
 *
 * percentile_cont feeds a tuplesort that compares through the type's
 * comparison function; here the values (16 bytes each, in memory, never
 * spilled to disk) are sorted once by an inlined comparison of their spans,
 * and every percentile over the same ORDER BY shares that sort.
 *
 * IDENTIFICATION
 *	  src/kpi_percentile.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include <math.h>

#include "common/int128.h"
#include "miscadmin.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "business_interval.h"
#include "kpi.h"

/* A value: business_interval (months 0) or interval, as one layout. */
typedef struct PctValue
{
	int64		time;			/* microseconds */
	int32		days;
	int32		months;
} PctValue;

/* State: the values seen. */
typedef struct PercentileState
{
	PctValue   *values;
	int64		n;
	int64		cap;
	bool		sorted;			/* values are in order */
} PercentileState;

/* Append a value, growing the array (beyond 1 GB if need be). */
static PercentileState *
add_value(FunctionCallInfo fcinfo, int64 time, int32 days, int32 months)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "percentile_trans");
	PercentileState *state;

	if (PG_ARGISNULL(0))
	{
		state = MemoryContextAllocZero(aggcontext, sizeof(PercentileState));
		state->cap = 1024;
		state->values = MemoryContextAllocHuge(aggcontext, state->cap * sizeof(PctValue));
	}
	else
		state = (PercentileState *) PG_GETARG_POINTER(0);
	if (unlikely(state->n == state->cap))
	{
		state->cap *= 2;
		state->values = repalloc_huge(state->values, state->cap * sizeof(PctValue));
	}
	state->values[state->n].time = time;
	state->values[state->n].days = days;
	state->values[state->n].months = months;
	state->n++;
	state->sorted = false;
	return state;
}

/* percentile(fraction) WITHIN GROUP (ORDER BY business_interval): transition. */
PG_FUNCTION_INFO_V1(sla_percentile_bi_trans);
Datum
sla_percentile_bi_trans(PG_FUNCTION_ARGS)
{
	BusinessInterval *v;

	if (PG_ARGISNULL(1))
	{
		sla_agg_context(fcinfo, "percentile_trans");
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	v = PG_GETARG_BUSINESS_INTERVAL_P(1);
	PG_RETURN_POINTER(add_value(fcinfo, v->time, v->days, 0));
}

/* percentile(fraction) WITHIN GROUP (ORDER BY interval): transition. */
PG_FUNCTION_INFO_V1(sla_percentile_interval_trans);
Datum
sla_percentile_interval_trans(PG_FUNCTION_ARGS)
{
	Interval   *v;

	if (PG_ARGISNULL(1))
	{
		sla_agg_context(fcinfo, "percentile_trans");
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	v = PG_GETARG_INTERVAL_P(1);
	PG_RETURN_POINTER(add_value(fcinfo, v->time, v->day, v->month));
}

/* A value's span: (months * 30 + days) * 24 hours + time, in 128 bits. */
static inline INT128
span(const PctValue *v)
{
	INT128		r = int64_to_int128(v->time);

	int128_add_int64_mul_int64(&r, (int64) v->months * DAYS_PER_MONTH + v->days,
							   USECS_PER_DAY);
	return r;
}

#define ST_SORT sort_values
#define ST_ELEMENT_TYPE PctValue
#define ST_COMPARE(a, b) int128_compare(span(a), span(b))
#define ST_CHECK_FOR_INTERRUPTS
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * The shared part of both final functions: check the fraction, sort, and
 * find the two neighbours and the proportion between them.  Returns false
 * when the result is NULL.
 */
static bool
percentile_position(FunctionCallInfo fcinfo, PctValue *lo, PctValue *hi,
					double *proportion)
{
	PercentileState *state;
	double		fraction;
	double		position;
	int64		first;
	int64		second;

	sla_agg_context(fcinfo, "percentile_final");
	if (PG_ARGISNULL(1))
		return false;
	fraction = PG_GETARG_FLOAT8(1);
	if (fraction < 0 || fraction > 1 || isnan(fraction))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("percentile value %g is not between 0 and 1", fraction)));
	if (PG_ARGISNULL(0))
		return false;
	state = (PercentileState *) PG_GETARG_POINTER(0);
	if (state->n == 0)
		return false;
	if (!state->sorted)
	{
		sort_values(state->values, state->n);
		state->sorted = true;
	}
	position = fraction * (state->n - 1);
	first = (int64) floor(position);
	second = (int64) ceil(position);
	*lo = state->values[first];
	*hi = state->values[second];
	*proportion = (second > first) ? position - first : 0;
	return true;
}

/* Final function over business_interval: lo + (hi - lo) * proportion. */
PG_FUNCTION_INFO_V1(sla_percentile_bi_final);
Datum
sla_percentile_bi_final(PG_FUNCTION_ARGS)
{
	PctValue	lo;
	PctValue	hi;
	double		proportion;
	Datum		lo_d;
	Datum		diff;

	if (!percentile_position(fcinfo, &lo, &hi, &proportion))
		PG_RETURN_NULL();
	lo_d = BusinessIntervalPGetDatum(sla_business_interval_make(lo.days, lo.time));
	if (proportion == 0)
		PG_RETURN_DATUM(lo_d);
	diff = DirectFunctionCall2(sla_business_interval_mi,
							   BusinessIntervalPGetDatum(sla_business_interval_make(hi.days, hi.time)),
							   lo_d);
	diff = DirectFunctionCall2(sla_business_interval_mul, diff, Float8GetDatum(proportion));
	PG_RETURN_DATUM(DirectFunctionCall2(sla_business_interval_pl, diff, lo_d));
}

/* Final function over interval: the same with interval's -, * and +. */
PG_FUNCTION_INFO_V1(sla_percentile_interval_final);
Datum
sla_percentile_interval_final(PG_FUNCTION_ARGS)
{
	PctValue	lo;
	PctValue	hi;
	double		proportion;
	Interval   *lo_iv = palloc(sizeof(Interval));
	Interval   *hi_iv = palloc(sizeof(Interval));
	Datum		diff;

	if (!percentile_position(fcinfo, &lo, &hi, &proportion))
		PG_RETURN_NULL();
	lo_iv->time = lo.time;
	lo_iv->day = lo.days;
	lo_iv->month = lo.months;
	if (proportion == 0)
		PG_RETURN_INTERVAL_P(lo_iv);
	hi_iv->time = hi.time;
	hi_iv->day = hi.days;
	hi_iv->month = hi.months;
	diff = DirectFunctionCall2(interval_mi, IntervalPGetDatum(hi_iv), IntervalPGetDatum(lo_iv));
	diff = DirectFunctionCall2(interval_mul, diff, Float8GetDatum(proportion));
	PG_RETURN_DATUM(DirectFunctionCall2(interval_pl, diff, IntervalPGetDatum(lo_iv)));
}
