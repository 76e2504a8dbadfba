/*-------------------------------------------------------------------------
 *
 * kpi_state.c
 *	  The two states of the simple KPI aggregates (kpi.h): their combine,
 *	  serialize, deserialize and final functions.
 *
 * A ratio ends as 100 * met / counted, a numeric computed by numeric
 * division (at least 16 significant digits), NULL when no row was counted:
 * never 0 and never NaN.  An average ends as the sum of its intervals
 * divided by their count through interval_div, exactly as avg(interval).
 *
 * IDENTIFICATION
 *	  src/kpi_state.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "kpi.h"

/* Raise 22023 for a negative duration argument. */
void
sla_kpi_negative(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must not be negative", what)));
}

/* Raise 22008 for a sum or span of intervals out of range. */
static void
interval_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("interval out of range")));
}

/* sla_kpi_interval_usecs for intervals with months or days. */
int64
sla_kpi_interval_usecs_slow(const Interval *iv, const char *what)
{
	int64		days;
	int64		usecs;

	if (pg_mul_s64_overflow((int64) iv->month, DAYS_PER_MONTH, &days) ||
		pg_add_s64_overflow(days, (int64) iv->day, &days) ||
		pg_mul_s64_overflow(days, USECS_PER_DAY, &usecs) ||
		pg_add_s64_overflow(usecs, iv->time, &usecs))
		interval_out_of_range();
	if (usecs < 0)
		sla_kpi_negative(what);
	return usecs;
}

/* Add one interval's fields (or a partial sum) to a sum; 22008 on overflow. */
void
sla_kpi_interval_sum_add(SlaKpiIntervalSum *sum, int64 months, int64 days,
						 int64 time)
{
	if (pg_add_s64_overflow(sum->months, months, &sum->months) ||
		pg_add_s64_overflow(sum->days, days, &sum->days) ||
		pg_add_s64_overflow(sum->time, time, &sum->time))
		interval_out_of_range();
}

/* 100 * part / whole as numeric (whole > 0): numeric division's scale. */
Datum
sla_kpi_percent(int64 part, int64 whole)
{
	Datum		hundred_part;

	Assert(whole > 0);
	hundred_part = DirectFunctionCall2(numeric_mul,
									   NumericGetDatum(int64_to_numeric(100)),
									   NumericGetDatum(int64_to_numeric(part)));
	return DirectFunctionCall2(numeric_div, hundred_part,
							   NumericGetDatum(int64_to_numeric(whole)));
}

/* ---- counts ---- */

/*
 * Combine function: add the second state's counts to the first, or to a
 * fresh state (never hand back the other worker's state itself).
 */
PG_FUNCTION_INFO_V1(sla_kpi_counts_combine);
Datum
sla_kpi_counts_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "kpi_counts_combine");
	SlaKpiCounts *state;
	SlaKpiCounts *other;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	other = (SlaKpiCounts *) PG_GETARG_POINTER(1);
	state = PG_ARGISNULL(0)
		? (SlaKpiCounts *) MemoryContextAllocZero(aggcontext, sizeof(SlaKpiCounts))
		: (SlaKpiCounts *) PG_GETARG_POINTER(0);
	if (pg_add_s64_overflow(state->met, other->met, &state->met) ||
		pg_add_s64_overflow(state->counted, other->counted, &state->counted))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("bigint out of range")));
	PG_RETURN_POINTER(state);
}

/* Serialize function: met and counted as two int8s. */
PG_FUNCTION_INFO_V1(sla_kpi_counts_serialize);
Datum
sla_kpi_counts_serialize(PG_FUNCTION_ARGS)
{
	SlaKpiCounts *state;
	StringInfoData buf;

	sla_agg_context(fcinfo, "kpi_counts_serialize");
	state = (SlaKpiCounts *) PG_GETARG_POINTER(0);
	pq_begintypsend(&buf);
	pq_sendint64(&buf, state->met);
	pq_sendint64(&buf, state->counted);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Deserialize function: the inverse of the serialize function. */
PG_FUNCTION_INFO_V1(sla_kpi_counts_deserialize);
Datum
sla_kpi_counts_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "kpi_counts_deserialize");
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	SlaKpiCounts *state = MemoryContextAllocZero(aggcontext, sizeof(SlaKpiCounts));
	StringInfoData buf;

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	state->met = pq_getmsgint64(&buf);
	state->counted = pq_getmsgint64(&buf);
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(state);
}

/*
 * Final function of every ratio: 100 * met / counted as numeric, NULL when
 * no row was counted.
 */
PG_FUNCTION_INFO_V1(sla_kpi_counts_percent);
Datum
sla_kpi_counts_percent(PG_FUNCTION_ARGS)
{
	SlaKpiCounts *state;

	sla_agg_context(fcinfo, "kpi_counts_percent");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (SlaKpiCounts *) PG_GETARG_POINTER(0);
	if (state->counted == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(sla_kpi_percent(state->met, state->counted));
}

/* ---- interval sums ---- */

/* Combine function of the averages: add the second sum to the first. */
PG_FUNCTION_INFO_V1(sla_kpi_interval_sum_combine);
Datum
sla_kpi_interval_sum_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "kpi_interval_sum_combine");
	SlaKpiIntervalSum *state;
	SlaKpiIntervalSum *other;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	other = (SlaKpiIntervalSum *) PG_GETARG_POINTER(1);
	state = PG_ARGISNULL(0)
		? (SlaKpiIntervalSum *) MemoryContextAllocZero(aggcontext, sizeof(SlaKpiIntervalSum))
		: (SlaKpiIntervalSum *) PG_GETARG_POINTER(0);
	sla_kpi_interval_sum_add(state, other->months, other->days, other->time);
	state->count += other->count;
	PG_RETURN_POINTER(state);
}

/* Serialize function of the averages: four int8s. */
PG_FUNCTION_INFO_V1(sla_kpi_interval_sum_serialize);
Datum
sla_kpi_interval_sum_serialize(PG_FUNCTION_ARGS)
{
	SlaKpiIntervalSum *state;
	StringInfoData buf;

	sla_agg_context(fcinfo, "kpi_interval_sum_serialize");
	state = (SlaKpiIntervalSum *) PG_GETARG_POINTER(0);
	pq_begintypsend(&buf);
	pq_sendint64(&buf, state->count);
	pq_sendint64(&buf, state->months);
	pq_sendint64(&buf, state->days);
	pq_sendint64(&buf, state->time);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Deserialize function of the averages. */
PG_FUNCTION_INFO_V1(sla_kpi_interval_sum_deserialize);
Datum
sla_kpi_interval_sum_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "kpi_interval_sum_deserialize");
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	SlaKpiIntervalSum *state = MemoryContextAllocZero(aggcontext, sizeof(SlaKpiIntervalSum));
	StringInfoData buf;

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	state->count = pq_getmsgint64(&buf);
	state->months = pq_getmsgint64(&buf);
	state->days = pq_getmsgint64(&buf);
	state->time = pq_getmsgint64(&buf);
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(state);
}

/*
 * Final function of the averages: the sum divided by the count with
 * interval_div, as avg(interval) does; NULL for no interval.  A sum whose
 * months or days leave int4 raises 22008, as interval addition would.
 */
PG_FUNCTION_INFO_V1(sla_kpi_interval_avg);
Datum
sla_kpi_interval_avg(PG_FUNCTION_ARGS)
{
	SlaKpiIntervalSum *state;
	Interval	sum;

	sla_agg_context(fcinfo, "kpi_interval_avg");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (SlaKpiIntervalSum *) PG_GETARG_POINTER(0);
	if (state->count == 0)
		PG_RETURN_NULL();
	if (state->months < PG_INT32_MIN || state->months > PG_INT32_MAX ||
		state->days < PG_INT32_MIN || state->days > PG_INT32_MAX)
		interval_out_of_range();
	sum.month = (int32) state->months;
	sum.day = (int32) state->days;
	sum.time = state->time;
	PG_RETURN_DATUM(DirectFunctionCall2(interval_div, IntervalPGetDatum(&sum),
										Float8GetDatum((double) state->count)));
}
