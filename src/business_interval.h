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

/* Make a palloc'd business interval. */
extern BusinessInterval *sla_business_interval_make(int32 days, int64 time);

#endif							/* BUSINESS_INTERVAL_H */
