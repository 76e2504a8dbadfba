/*-------------------------------------------------------------------------
 *
 * business_interval.h
 *	  The sla.business_interval type: an amount of business time.
 *
 * A business interval is a number of business days plus an amount of
 * business time in microseconds.  Neither part can be turned into wall-clock
 * time without a calendar.  For ordering and hashing only, a day counts as
 * 24 hours, as it does for interval.
 *
 * IDENTIFICATION
 *	  src/business_interval.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef BUSINESS_INTERVAL_H
#define BUSINESS_INTERVAL_H

#include "fmgr.h"

#include "business_interval_wire.h"

typedef struct BusinessInterval
{
	int64		time;			/* business time, microseconds */
	int32		days;			/* business days */
	int32		flags;			/* reserved for future use, always zero */
} BusinessInterval;

#define DatumGetBusinessIntervalP(X)	((BusinessInterval *) DatumGetPointer(X))
#define BusinessIntervalPGetDatum(X)	PointerGetDatum(X)
#define PG_GETARG_BUSINESS_INTERVAL_P(n) DatumGetBusinessIntervalP(PG_GETARG_DATUM(n))
#define PG_RETURN_BUSINESS_INTERVAL_P(x) return BusinessIntervalPGetDatum(x)

/* Are days and time in range?  See business_interval_wire.h for the rule. */
static inline bool
sla_business_interval_in_range(int32 days, int64 time)
{
	return sla_business_interval_fields_in_range(days, time);
}

/* What parsing a business_interval text found wrong, if anything. */
typedef enum BusinessIntervalParseStatus
{
	BI_PARSE_OK,
	BI_PARSE_SYNTAX,			/* not an interval at all */
	BI_PARSE_MONTHS,			/* an interval with months or years */
	BI_PARSE_RANGE				/* a field or the result is too large */
} BusinessIntervalParseStatus;

/* Make a palloc'd business interval; raises 22008 if out of range. */
extern BusinessInterval *sla_business_interval_make(int32 days, int64 time);

/*
 * Make a business interval from fractional days and microseconds; the
 * fraction of a day spills into time at 24 hours a day (business_interval_ops.c).
 */
extern BusinessInterval *sla_business_interval_from_float8(double days,
														   double time);

/*
 * Parse business_interval text into *result without raising errors (for
 * inputs that embed amounts, such as sla_policy); reads IntervalStyle.
 */
extern BusinessIntervalParseStatus sla_business_interval_parse(const char *str,
															   BusinessInterval *result);

/* Arithmetic, for C callers such as the percentile's interpolation. */
extern Datum sla_business_interval_pl(PG_FUNCTION_ARGS);
extern Datum sla_business_interval_mi(PG_FUNCTION_ARGS);
extern Datum sla_business_interval_mul(PG_FUNCTION_ARGS);

/* Raise 22008 "business_interval out of range". */
extern void sla_business_interval_out_of_range(void) pg_attribute_noreturn();

#endif							/* BUSINESS_INTERVAL_H */
