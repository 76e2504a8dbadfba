/*-------------------------------------------------------------------------
 *
 * kpi.h
 *	  States and helpers shared by the KPI aggregates (kpi_*.c): a pair of
 *	  counts for every ratio, a sum of intervals for every average, and the
 *	  interval spans the contact-centre aggregates compare.
 *
 * Every ratio aggregate keeps two counts, the rows that count as met and
 * the rows that are counted at all; its final function is 100 * met /
 * counted as numeric, NULL when nothing was counted.  Every average keeps
 * a count and the sums of the months, days and time of its intervals; its
 * final function divides as avg(interval) does.  Both states have one
 * combine, serialize and deserialize function each (kpi_state.c), so every
 * aggregate built on them runs in parallel.
 *
 * IDENTIFICATION
 *	  src/kpi.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KPI_H
#define KPI_H

#include "fmgr.h"
#include "common/int.h"
#include "datatype/timestamp.h"

#include "sla.h"

/* State of a ratio: rows counted as met among the rows counted. */
typedef struct SlaKpiCounts
{
	int64		met;			/* rows counted as met */
	int64		counted;		/* rows counted (the denominator) */
} SlaKpiCounts;

/* State of an average of intervals. */
typedef struct SlaKpiIntervalSum
{
	int64		count;			/* intervals added */
	int64		months;			/* sum of their months */
	int64		days;			/* sum of their days */
	int64		time;			/* sum of their time, microseconds */
} SlaKpiIntervalSum;

extern void sla_kpi_interval_sum_add(SlaKpiIntervalSum *sum, int64 months,
									 int64 days, int64 time);
extern int64 sla_kpi_interval_usecs_slow(const Interval *iv, const char *what);
extern void sla_kpi_negative(const char *what) pg_attribute_noreturn();
extern Datum sla_kpi_percent(int64 part, int64 whole);

/*
 * The counts state of a transition call: argument 0, or a new zeroed one in
 * the aggregate context on the first row.  Fails outside an aggregate.
 */
static inline SlaKpiCounts *
sla_kpi_counts_arg(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, fname);

	if (PG_ARGISNULL(0))
		return (SlaKpiCounts *) MemoryContextAllocZero(aggcontext,
													   sizeof(SlaKpiCounts));
	return (SlaKpiCounts *) PG_GETARG_POINTER(0);
}

/* The interval-sum state of a transition call, as sla_kpi_counts_arg. */
static inline SlaKpiIntervalSum *
sla_kpi_interval_sum_arg(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, fname);

	if (PG_ARGISNULL(0))
		return (SlaKpiIntervalSum *) MemoryContextAllocZero(aggcontext,
															sizeof(SlaKpiIntervalSum));
	return (SlaKpiIntervalSum *) PG_GETARG_POINTER(0);
}

/*
 * An interval as microseconds, a day counting as 24 hours and a month as 30
 * days (the order of interval's btree opclass), for comparing waits with
 * thresholds.  22023 when negative, 22008 beyond int64 (what names the
 * argument in the message).
 */
static inline int64
sla_kpi_interval_usecs(const Interval *iv, const char *what)
{
	if (likely(iv->month == 0 && iv->day == 0))
	{
		if (unlikely(iv->time < 0))
			sla_kpi_negative(what);
		return iv->time;
	}
	return sla_kpi_interval_usecs_slow(iv, what);
}

#endif							/* KPI_H */
