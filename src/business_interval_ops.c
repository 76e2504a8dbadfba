/*-------------------------------------------------------------------------
 *
 * business_interval_ops.c
 *	  Ordering, hashing and arithmetic of sla.business_interval.
 *
 * For ordering and hashing a day counts as 24 hours, as it does for
 * interval, so '1 day' = '24 hours'.  Every comparison operator and the
 * btree opclass go through one compare function, and the hash opclass hashes
 * the same combined value, so hashing agrees with equality.
 *
 * IDENTIFICATION
 *	  src/business_interval_ops.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include <math.h>

#include "business_interval.h"
#include "common/int128.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"

/* ---- ordering and hashing ---- */

/* Return days * 24 hours + time in microseconds, without overflow. */
static INT128
business_interval_cmp_value(const BusinessInterval *span)
{
	INT128		value = int64_to_int128(span->time);

	int128_add_int64_mul_int64(&value, span->days, USECS_PER_DAY);
	return value;
}

/* Compare two business intervals: -1, 0 or 1, a day being 24 hours. */
static int
business_interval_cmp_internal(const BusinessInterval *a,
							   const BusinessInterval *b)
{
	return int128_compare(business_interval_cmp_value(a),
						  business_interval_cmp_value(b));
}

/* btree support function 1. */
PG_FUNCTION_INFO_V1(sla_business_interval_cmp);
Datum
sla_business_interval_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(business_interval_cmp_internal(PG_GETARG_BUSINESS_INTERVAL_P(0),
												   PG_GETARG_BUSINESS_INTERVAL_P(1)));
}

/* Compare the two arguments of an operator call. */
static inline int
cmp_args(FunctionCallInfo fcinfo)
{
	return business_interval_cmp_internal(PG_GETARG_BUSINESS_INTERVAL_P(0),
										  PG_GETARG_BUSINESS_INTERVAL_P(1));
}

/* The larger of two business intervals (the second when they are equal). */
PG_FUNCTION_INFO_V1(sla_business_interval_larger);
Datum
sla_business_interval_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(cmp_args(fcinfo) > 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/* The smaller of two business intervals (the second when they are equal). */
PG_FUNCTION_INFO_V1(sla_business_interval_smaller);
Datum
sla_business_interval_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(cmp_args(fcinfo) < 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/* Operator =. */
PG_FUNCTION_INFO_V1(sla_business_interval_eq);
Datum
sla_business_interval_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_args(fcinfo) == 0);
}

/* Operator <>. */
PG_FUNCTION_INFO_V1(sla_business_interval_ne);
Datum
sla_business_interval_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_args(fcinfo) != 0);
}

/* Operator <. */
PG_FUNCTION_INFO_V1(sla_business_interval_lt);
Datum
sla_business_interval_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_args(fcinfo) < 0);
}

/* Operator <=. */
PG_FUNCTION_INFO_V1(sla_business_interval_le);
Datum
sla_business_interval_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_args(fcinfo) <= 0);
}

/* Operator >. */
PG_FUNCTION_INFO_V1(sla_business_interval_gt);
Datum
sla_business_interval_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_args(fcinfo) > 0);
}

/* Operator >=. */
PG_FUNCTION_INFO_V1(sla_business_interval_ge);
Datum
sla_business_interval_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_args(fcinfo) >= 0);
}

/*
 * Return the low 64 bits of the compare value: equal values (such as
 * '1 day' and '24 hours') get equal hash keys.
 */
static inline Datum
hash_key(FunctionCallInfo fcinfo)
{
	INT128		value = business_interval_cmp_value(PG_GETARG_BUSINESS_INTERVAL_P(0));

	return Int64GetDatum(int128_to_int64(value));
}

/* hash support function 1. */
PG_FUNCTION_INFO_V1(sla_business_interval_hash);
Datum
sla_business_interval_hash(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(hashint8, hash_key(fcinfo));
}

/* hash support function 2: the 64-bit hash with a seed. */
PG_FUNCTION_INFO_V1(sla_business_interval_hash_extended);
Datum
sla_business_interval_hash_extended(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall2(hashint8extended, hash_key(fcinfo),
							   PG_GETARG_DATUM(1));
}

/* ---- arithmetic ---- */

/* Operator +: add days to days and time to time. */
PG_FUNCTION_INFO_V1(sla_business_interval_pl);
Datum
sla_business_interval_pl(PG_FUNCTION_ARGS)
{
	BusinessInterval *a = PG_GETARG_BUSINESS_INTERVAL_P(0);
	BusinessInterval *b = PG_GETARG_BUSINESS_INTERVAL_P(1);
	int32		days;
	int64		time;

	if (pg_add_s32_overflow(a->days, b->days, &days) ||
		pg_add_s64_overflow(a->time, b->time, &time))
		sla_business_interval_out_of_range();
	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_make(days, time));
}

/* Operator -: subtract days from days and time from time. */
PG_FUNCTION_INFO_V1(sla_business_interval_mi);
Datum
sla_business_interval_mi(PG_FUNCTION_ARGS)
{
	BusinessInterval *a = PG_GETARG_BUSINESS_INTERVAL_P(0);
	BusinessInterval *b = PG_GETARG_BUSINESS_INTERVAL_P(1);
	int32		days;
	int64		time;

	if (pg_sub_s32_overflow(a->days, b->days, &days) ||
		pg_sub_s64_overflow(a->time, b->time, &time))
		sla_business_interval_out_of_range();
	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_make(days, time));
}

/* Unary operator -; the symmetric range means it cannot overflow. */
PG_FUNCTION_INFO_V1(sla_business_interval_um);
Datum
sla_business_interval_um(PG_FUNCTION_ARGS)
{
	BusinessInterval *a = PG_GETARG_BUSINESS_INTERVAL_P(0);

	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_make(-a->days, -a->time));
}

/*
 * Make a business interval from a scaled number of days and of microseconds.
 *
 * As interval_mul does, the fraction of a day spills into time at 24 hours
 * a day, and time never carries up into days; a spilled fraction that rounds
 * to a whole day becomes that day.  The time is rounded to a microsecond.
 * Raises 22008 when a part is NaN, infinite or too large.
 */
BusinessInterval *
sla_business_interval_from_float8(double days, double time)
{
	double		whole_days = trunc(days);
	double		spill = rint((days - whole_days) * USECS_PER_DAY);

	if (isnan(days) || isnan(time))
		sla_business_interval_out_of_range();
	if (fabs(spill) >= USECS_PER_DAY)
	{
		whole_days += (spill > 0) ? 1 : -1;
		spill = 0;
	}
	time = rint(time + spill);
	if (whole_days <= PG_INT32_MIN || whole_days > PG_INT32_MAX ||
		!FLOAT8_FITS_IN_INT64(time))
		sla_business_interval_out_of_range();
	return sla_business_interval_make((int32) whole_days, (int64) time);
}

/* Multiply days and time by a float8. */
static BusinessInterval *
business_interval_scale(const BusinessInterval *span, float8 factor)
{
	return sla_business_interval_from_float8(span->days * factor,
											 span->time * factor);
}

/* Operator *: scale days and time by a float8. */
PG_FUNCTION_INFO_V1(sla_business_interval_mul);
Datum
sla_business_interval_mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_BUSINESS_INTERVAL_P(business_interval_scale(PG_GETARG_BUSINESS_INTERVAL_P(0),
														  PG_GETARG_FLOAT8(1)));
}

/* Operator * with the float8 first. */
PG_FUNCTION_INFO_V1(sla_float8_mul_business_interval);
Datum
sla_float8_mul_business_interval(PG_FUNCTION_ARGS)
{
	PG_RETURN_BUSINESS_INTERVAL_P(business_interval_scale(PG_GETARG_BUSINESS_INTERVAL_P(1),
														  PG_GETARG_FLOAT8(0)));
}

/* Operator /: divide days and time by a float8; raises 22012 for zero. */
PG_FUNCTION_INFO_V1(sla_business_interval_div);
Datum
sla_business_interval_div(PG_FUNCTION_ARGS)
{
	BusinessInterval *span = PG_GETARG_BUSINESS_INTERVAL_P(0);
	float8		divisor = PG_GETARG_FLOAT8(1);

	if (divisor == 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_DIVISION_BY_ZERO),
				 errmsg("division by zero")));
	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_from_float8(span->days / divisor,
																	span->time / divisor));
}
