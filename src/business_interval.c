/*-------------------------------------------------------------------------
 *
 * business_interval.c
 *	  Text and binary I/O, casts and accessors of sla.business_interval.
 *
 * Text input goes through PostgreSQL's own interval parser, so every
 * interval spelling without months or years is accepted; the errors are
 * raised here, with this type's name and SQLSTATEs.  Text output is the
 * interval output for the same days and time, so it follows IntervalStyle
 * and reads back to the same value.
 *
 * IDENTIFICATION
 *	  src/business_interval.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include "business_interval.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

/* What parsing a business_interval text found wrong, if anything. */
typedef enum BusinessIntervalParseStatus
{
	BI_PARSE_OK,
	BI_PARSE_SYNTAX,			/* not an interval at all */
	BI_PARSE_MONTHS,			/* an interval with months or years */
	BI_PARSE_RANGE				/* a field or the result is too large */
} BusinessIntervalParseStatus;

/* ---- helpers ---- */

/* Make a palloc'd business interval; raises 22008 if out of range. */
BusinessInterval *
sla_business_interval_make(int32 days, int64 time)
{
	BusinessInterval *result;

	if (!sla_business_interval_in_range(days, time))
		sla_business_interval_out_of_range();
	result = palloc(sizeof(BusinessInterval));

	result->time = time;
	result->days = days;
	result->flags = 0;
	return result;
}

/* Raise the arithmetic out-of-range error. */
void
sla_business_interval_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("business_interval out of range")));
}

/* Return the interval with the same days and time, and no months. */
static Interval
business_interval_to_interval(const BusinessInterval *span)
{
	Interval	result;

	result.time = span->time;
	result.day = span->days;
	result.month = 0;
	return result;
}

/* Return the text form of an interval under the current IntervalStyle. */
static char *
interval_to_cstring(Interval span)
{
	struct pg_itm itm;
	char		buf[MAXDATELEN + 1];

	interval2itm(span, &itm);
	EncodeInterval(&itm, IntervalStyle, buf);
	return pstrdup(buf);
}

/*
 * Tell whether decoded interval fields name a month-or-longer unit.
 *
 * '0.5 month' decodes to 15 days with no month left in the result, so the
 * units themselves must be looked at.  The caller still checks the decoded
 * year and month counts, which catches the SQL-standard 'Y-M' form.
 */
static bool
fields_have_month_units(char **field, int *ftype, int nf)
{
	int			i;

	for (i = 0; i < nf; i++)
	{
		int			val;

		if (ftype[i] != DTK_STRING && ftype[i] != DTK_SPECIAL)
			continue;
		if (DecodeUnits(i, field[i], &val) != UNITS)
			continue;
		if (val == DTK_MONTH || val == DTK_YEAR || val == DTK_DECADE ||
			val == DTK_CENTURY || val == DTK_MILLENNIUM)
			return true;
	}
	return false;
}

/* Does the text from p up to stop hold a digit other than zero? */
static bool
has_nonzero_digit(const char *p, const char *stop)
{
	for (; p < stop && *p != '\0'; p++)
		if (*p >= '1' && *p <= '9')
			return true;
	return false;
}

/*
 * Tell whether an ISO 8601 duration has a year or month: a Y or M
 * designator, or nonzero year or month fields in the alternative format
 * "PYYYY-MM-DD" (a fractional month there would spill into days).
 */
static bool
iso8601_has_month_units(const char *str)
{
	const char *p;
	const char *dash1 = NULL;
	const char *dash2 = NULL;

	for (p = str; *p != '\0' && *p != 'T'; p++)
	{
		if (*p == 'Y' || *p == 'M')
			return true;
		/* a dash after a digit separates alternative-format fields */
		if (*p == '-' && p > str && p[-1] >= '0' && p[-1] <= '9')
		{
			if (dash1 == NULL)
				dash1 = p;
			else if (dash2 == NULL)
				dash2 = p;
		}
	}
	if (dash1 == NULL)
		return false;
	return has_nonzero_digit(str, dash1) ||
		has_nonzero_digit(dash1 + 1, dash2 ? dash2 : p);
}

/*
 * Parse the text form of a business interval into *result.
 *
 * Accepts what interval_in accepts, minus months and years.  Returns
 * BI_PARSE_OK, or the reason the text was rejected; raises no errors itself
 * except the "can't happen" kind, so a soft-error input function can use it.
 */
static BusinessIntervalParseStatus
business_interval_parse(char *str, BusinessInterval *result)
{
	struct pg_itm_in itm_in;
	Interval	span;
	char	   *field[MAXDATEFIELDS];
	int			ftype[MAXDATEFIELDS];
	char		workbuf[256];
	int			nf;
	int			dtype = 0;
	int			dterr;
	bool		months;

	memset(&itm_in, 0, sizeof(itm_in));
	dterr = ParseDateTime(str, workbuf, sizeof(workbuf), field, ftype,
						  MAXDATEFIELDS, &nf);
	if (dterr == 0)
		dterr = DecodeInterval(field, ftype, nf, INTERVAL_FULL_RANGE,
							   &dtype, &itm_in);
	if (dterr == 0)
		months = fields_have_month_units(field, ftype, nf);
	else if (dterr == DTERR_BAD_FORMAT)
	{
		memset(&itm_in, 0, sizeof(itm_in));
		dterr = DecodeISO8601Interval(str, &dtype, &itm_in);
		months = iso8601_has_month_units(str);
	}
	else
		months = false;

	if (dterr == DTERR_FIELD_OVERFLOW || dterr == DTERR_INTERVAL_OVERFLOW)
		return BI_PARSE_RANGE;
	if (dterr != 0 || dtype != DTK_DELTA)
		return BI_PARSE_SYNTAX;
	if (months || itm_in.tm_year != 0 || itm_in.tm_mon != 0)
		return BI_PARSE_MONTHS;
	if (itmin2interval(&itm_in, &span) != 0 ||
		!sla_business_interval_in_range(span.day, span.time))
		return BI_PARSE_RANGE;

	result->time = span.time;
	result->days = span.day;
	result->flags = 0;
	return BI_PARSE_OK;
}

/* ---- text and binary I/O ---- */

/*
 * business_interval_in --- parse interval text without months or years.
 *
 * Raises 22P02 for text that is not an interval, 22023 for months or years
 * and 22008 for values out of range.
 */
PG_FUNCTION_INFO_V1(sla_business_interval_in);
Datum
sla_business_interval_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	BusinessInterval *result = sla_business_interval_make(0, 0);

	switch (business_interval_parse(str, result))
	{
		case BI_PARSE_OK:
			break;
		case BI_PARSE_SYNTAX:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"business_interval", str)));
			break;
		case BI_PARSE_MONTHS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("business_interval cannot contain months or years: \"%s\"",
							str),
					 errdetail("A month or a year has no fixed number of business days."),
					 errhint("Give the amount in business days, for example \"20 days\".")));
			break;
		case BI_PARSE_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("business_interval out of range: \"%s\"", str)));
			break;
	}
	PG_RETURN_BUSINESS_INTERVAL_P(result);
}

/* Print a business interval as interval output under IntervalStyle. */
PG_FUNCTION_INFO_V1(sla_business_interval_out);
Datum
sla_business_interval_out(PG_FUNCTION_ARGS)
{
	BusinessInterval *span = PG_GETARG_BUSINESS_INTERVAL_P(0);

	PG_RETURN_CSTRING(interval_to_cstring(business_interval_to_interval(span)));
}

/*
 * business_interval_recv --- read time (int8), days (int4), flags (int4).
 *
 * Raises 22P03 unless there are exactly 16 bytes, with zero flags and
 * days and time in range.
 */
PG_FUNCTION_INFO_V1(sla_business_interval_recv);
Datum
sla_business_interval_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	BusinessInterval *result;
	int			nbytes = buf->len - buf->cursor;
	int64		time;
	int32		days;
	int32		flags;

	if (nbytes != sizeof(BusinessInterval))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type %s", "business_interval"),
				 errdetail("A business_interval takes %d bytes, not %d.",
						   (int) sizeof(BusinessInterval), nbytes)));

	time = pq_getmsgint64(buf);
	days = pq_getmsgint(buf, 4);
	flags = pq_getmsgint(buf, 4);
	if (flags != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type %s", "business_interval"),
				 errdetail("The flags are %d, but only 0 is defined.", flags)));
	if (!sla_business_interval_in_range(days, time))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type %s", "business_interval"),
				 errdetail("The days or the time are out of range.")));
	result = sla_business_interval_make(days, time);
	PG_RETURN_BUSINESS_INTERVAL_P(result);
}

/* Write time (int8), days (int4) and flags (int4). */
PG_FUNCTION_INFO_V1(sla_business_interval_send);
Datum
sla_business_interval_send(PG_FUNCTION_ARGS)
{
	BusinessInterval *span = PG_GETARG_BUSINESS_INTERVAL_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, span->time);
	pq_sendint32(&buf, span->days);
	pq_sendint32(&buf, span->flags);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- casts, constructor and accessors ---- */

/* Raise 22023 for an interval that cannot become business time. */
static void
check_interval_fields(Interval *span, bool days_allowed)
{
	if (span->month != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert interval \"%s\" to business_interval",
						interval_to_cstring(*span)),
				 errdetail("The interval has months or years, and a month or a year has no fixed number of business days."),
				 errhint("Give the amount in days, for example \"20 days\".")));
	if (span->day != 0 && !days_allowed)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("business time \"%s\" cannot contain days",
						interval_to_cstring(*span)),
				 errhint("Pass the business days as the first argument.")));
}

/* Cast interval to business_interval: days stay days, time stays time. */
PG_FUNCTION_INFO_V1(sla_business_interval_from_interval);
Datum
sla_business_interval_from_interval(PG_FUNCTION_ARGS)
{
	Interval   *span = PG_GETARG_INTERVAL_P(0);

	check_interval_fields(span, true);
	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_make(span->day,
															 span->time));
}

/* Cast business_interval to an interval with the same days and time. */
PG_FUNCTION_INFO_V1(sla_business_interval_to_interval);
Datum
sla_business_interval_to_interval(PG_FUNCTION_ARGS)
{
	BusinessInterval *span = PG_GETARG_BUSINESS_INTERVAL_P(0);
	Interval   *result = palloc(sizeof(Interval));

	*result = business_interval_to_interval(span);
	PG_RETURN_INTERVAL_P(result);
}

/* Build a business interval from days and a day-less, month-less interval. */
PG_FUNCTION_INFO_V1(sla_business_interval_construct);
Datum
sla_business_interval_construct(PG_FUNCTION_ARGS)
{
	int32		days = PG_GETARG_INT32(0);
	Interval   *time = PG_GETARG_INTERVAL_P(1);

	check_interval_fields(time, false);
	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_make(days,
															 time->time));
}

/*
 * seconds --- the time part in seconds.
 *
 * Raises 22023 when there are business days, which have no length in
 * seconds without a calendar.
 */
PG_FUNCTION_INFO_V1(sla_seconds);
Datum
sla_seconds(PG_FUNCTION_ARGS)
{
	BusinessInterval *span = PG_GETARG_BUSINESS_INTERVAL_P(0);

	if (span->days != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert business_interval \"%s\" to seconds",
						interval_to_cstring(business_interval_to_interval(span))),
				 errdetail("A business day has no length in seconds without a calendar."),
				 errhint("Give the amount as time, for example \"32 hours\", or convert the days with a calendar first.")));
	PG_RETURN_FLOAT8((float8) span->time / USECS_PER_SEC);
}
