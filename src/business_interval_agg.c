/*-------------------------------------------------------------------------
 *
 * business_interval_agg.c
 *	  sum(sla.business_interval) and avg(sla.business_interval).
 *
 * Both aggregates share one internal state: the count of non-null inputs
 * and the sums of their days and of their time.  The state has combine,
 * serialize and deserialize functions, so both aggregates run in parallel.
 *
 * IDENTIFICATION
 *	  src/business_interval_agg.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include "business_interval.h"
#include "common/int.h"
#include "libpq/pqformat.h"

/* Transition state of sum and avg. */
typedef struct BusinessIntervalAggState
{
	int64		count;			/* non-null inputs */
	int64		days;			/* sum of their days */
	int64		time;			/* sum of their time, microseconds */
} BusinessIntervalAggState;

/* Allocate a zeroed state in the aggregate context. */
static BusinessIntervalAggState *
agg_state_new(MemoryContext aggcontext)
{
	return MemoryContextAllocZero(aggcontext, sizeof(BusinessIntervalAggState));
}

/* Add a count and sums of days and time to a state; 22008 on overflow. */
static void
agg_state_add(BusinessIntervalAggState *dst,
			  int64 count, int64 days, int64 time)
{
	if (pg_add_s64_overflow(dst->count, count, &dst->count) ||
		pg_add_s64_overflow(dst->days, days, &dst->days) ||
		pg_add_s64_overflow(dst->time, time, &dst->time))
		sla_business_interval_out_of_range();
}

/* Transition function: count a non-null input and add it to the sums. */
PG_FUNCTION_INFO_V1(sla_business_interval_agg_trans);
Datum
sla_business_interval_agg_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "business_interval_agg_trans");
	BusinessIntervalAggState *state;
	BusinessInterval *value;

	state = PG_ARGISNULL(0) ? agg_state_new(aggcontext)
		: (BusinessIntervalAggState *) PG_GETARG_POINTER(0);
	if (!PG_ARGISNULL(1))
	{
		value = PG_GETARG_BUSINESS_INTERVAL_P(1);
		agg_state_add(state, 1, value->days, value->time);
	}
	PG_RETURN_POINTER(state);
}

/* Combine function: merge two partial states into a fresh or the first one. */
PG_FUNCTION_INFO_V1(sla_business_interval_agg_combine);
Datum
sla_business_interval_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "business_interval_agg_combine");
	BusinessIntervalAggState *state;
	BusinessIntervalAggState *other;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	other = (BusinessIntervalAggState *) PG_GETARG_POINTER(1);
	/* never hand back the other worker's state itself: copy it */
	state = PG_ARGISNULL(0) ? agg_state_new(aggcontext)
		: (BusinessIntervalAggState *) PG_GETARG_POINTER(0);
	agg_state_add(state, other->count, other->days, other->time);
	PG_RETURN_POINTER(state);
}

/* Serialize function: count, days and time as three int8s. */
PG_FUNCTION_INFO_V1(sla_business_interval_agg_serialize);
Datum
sla_business_interval_agg_serialize(PG_FUNCTION_ARGS)
{
	BusinessIntervalAggState *state;
	StringInfoData buf;

	sla_agg_context(fcinfo, "business_interval_agg_serialize");
	state = (BusinessIntervalAggState *) PG_GETARG_POINTER(0);
	pq_begintypsend(&buf);
	pq_sendint64(&buf, state->count);
	pq_sendint64(&buf, state->days);
	pq_sendint64(&buf, state->time);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Deserialize function: the inverse of the serialize function. */
PG_FUNCTION_INFO_V1(sla_business_interval_agg_deserialize);
Datum
sla_business_interval_agg_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "business_interval_agg_deserialize");
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	BusinessIntervalAggState *state = agg_state_new(aggcontext);
	StringInfoData buf;

	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(data), VARSIZE_ANY_EXHDR(data));
	state->count = pq_getmsgint64(&buf);
	state->days = pq_getmsgint64(&buf);
	state->time = pq_getmsgint64(&buf);
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(state);
}

/* Return the state, or NULL when no non-null input was seen. */
static BusinessIntervalAggState *
final_state(FunctionCallInfo fcinfo)
{
	BusinessIntervalAggState *state;

	sla_agg_context(fcinfo, "business_interval final function");
	if (PG_ARGISNULL(0))
		return NULL;
	state = (BusinessIntervalAggState *) PG_GETARG_POINTER(0);
	return state->count == 0 ? NULL : state;
}

/* Final function of sum: the sums; raises 22008 if the days overflow. */
PG_FUNCTION_INFO_V1(sla_business_interval_sum_final);
Datum
sla_business_interval_sum_final(PG_FUNCTION_ARGS)
{
	BusinessIntervalAggState *state = final_state(fcinfo);

	if (state == NULL)
		PG_RETURN_NULL();
	if (state->days < PG_INT32_MIN || state->days > PG_INT32_MAX)
		sla_business_interval_out_of_range();
	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_make((int32) state->days,
															 state->time));
}

/*
 * Final function of avg: the sums divided by the count, the fraction of a
 * day spilling into time as in business_interval / float8.
 */
PG_FUNCTION_INFO_V1(sla_business_interval_avg_final);
Datum
sla_business_interval_avg_final(PG_FUNCTION_ARGS)
{
	BusinessIntervalAggState *state = final_state(fcinfo);

	if (state == NULL)
		PG_RETURN_NULL();
	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_from_float8((double) state->days / state->count,
																	(double) state->time / state->count));
}
