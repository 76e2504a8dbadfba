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
#include "business_interval_text.h"
#include "business_interval_wire.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

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

/*
 * Tell whether DecodeInterval's DTERR_BAD_FORMAT hides a time out of range.
 *
 * DecodeInterval hands a signed time field ("-hh:mm:ss") whose time
 * overflows to its number parser, which calls it bad format, while the same
 * field unsigned is reported out of range.  So decode again with every
 * signed time field unsigned: DecodeInterval stops at the first field (from
 * the right) that fails, and the signs change no check of format, so an
 * overflow now means that field was a time out of range.
 */
static bool
signed_time_out_of_range(char **field, int *ftype, int nf)
{
	char	   *unsigned_field[MAXDATEFIELDS];
	int			unsigned_ftype[MAXDATEFIELDS];
	struct pg_itm_in itm_in;
	bool		any = false;
	int			dtype;
	int			dterr;
	int			i;

	for (i = 0; i < nf; i++)
	{
		unsigned_field[i] = field[i];
		unsigned_ftype[i] = ftype[i];
		if (ftype[i] == DTK_TZ && strchr(field[i] + 1, ':') != NULL)
		{
			unsigned_field[i] = field[i] + 1;
			unsigned_ftype[i] = DTK_TIME;
			any = true;
		}
	}
	if (!any)
		return false;
	dterr = DecodeInterval(unsigned_field, unsigned_ftype, nf,
						   INTERVAL_FULL_RANGE, &dtype, &itm_in);
	return dterr == DTERR_FIELD_OVERFLOW || dterr == DTERR_INTERVAL_OVERFLOW;
}

/*
 * Parse the text form of a business interval into *result.
 *
 * Accepts what interval_in accepts, minus months and years.  Returns
 * BI_PARSE_OK, or the reason the text was rejected; raises no errors itself
 * except the "can't happen" kind, so a soft-error input function can use it.
 */
BusinessIntervalParseStatus
sla_business_interval_parse(const char *str, BusinessInterval *result)
{
	struct pg_itm_in itm_in;
	Interval	span;
	char	   *field[MAXDATEFIELDS];
	int			ftype[MAXDATEFIELDS];
	char		workbuf[256];
	int			nf;
	int			dtype = 0;
	int			dterr;
	bool		parsed;
	bool		months;

	memset(&itm_in, 0, sizeof(itm_in));
	dterr = ParseDateTime(str, workbuf, sizeof(workbuf), field, ftype,
						  MAXDATEFIELDS, &nf);
	parsed = (dterr == 0);		/* nf and the fields are set only then */
	if (parsed)
		dterr = DecodeInterval(field, ftype, nf, INTERVAL_FULL_RANGE,
							   &dtype, &itm_in);
	if (dterr == 0)
		months = fields_have_month_units(field, ftype, nf);
	else if (dterr == DTERR_BAD_FORMAT)
	{
		if (parsed && signed_time_out_of_range(field, ftype, nf))
			return BI_PARSE_RANGE;
		memset(&itm_in, 0, sizeof(itm_in));
		dterr = DecodeISO8601Interval(unconstify(char *, str), &dtype, &itm_in);
		months = sla_iso8601_has_month_units(str);
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

	switch (sla_business_interval_parse(str, result))
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
 * days and time in range; the checks are sla_business_interval_decode's.
 */
PG_FUNCTION_INFO_V1(sla_business_interval_recv);
Datum
sla_business_interval_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes = buf->len - buf->cursor;
	SlaWireFields fields;
	SlaWireStatus status;

	status = sla_business_interval_decode((unsigned char *) buf->data +
										  buf->cursor, nbytes, &fields);
	if (status == SLA_WIRE_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type %s", "business_interval"),
				 errdetail("A business_interval takes %d bytes, not %d.",
						   SLA_BUSINESS_INTERVAL_WIRE_SIZE, nbytes)));
	if (status == SLA_WIRE_FLAGS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type %s", "business_interval"),
				 errdetail("The flags are %d, but only 0 is defined.",
						   fields.flags)));
	if (status == SLA_WIRE_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type %s", "business_interval"),
				 errdetail("The days or the time are out of range.")));
	Assert(status == SLA_WIRE_OK);
	buf->cursor = buf->len;
	PG_RETURN_BUSINESS_INTERVAL_P(sla_business_interval_make(fields.days,
															 fields.time));
}

/* Write time (int8), days (int4) and flags (int4), big-endian. */
PG_FUNCTION_INFO_V1(sla_business_interval_send);
Datum
sla_business_interval_send(PG_FUNCTION_ARGS)
{
	BusinessInterval *span = PG_GETARG_BUSINESS_INTERVAL_P(0);
	SlaWireFields fields;
	unsigned char bytes[SLA_BUSINESS_INTERVAL_WIRE_SIZE];
	StringInfoData buf;

	fields.time = span->time;
	fields.days = span->days;
	fields.flags = span->flags;
	sla_business_interval_encode(&fields, bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (char *) bytes, sizeof(bytes));
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
