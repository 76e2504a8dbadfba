/*-------------------------------------------------------------------------
 *
 * icu_functions.c
 *	  SQL-callable functions over ICU's calendar and locale data and the
 *	  solar terms: sla.icu_lunar_dates, sla.qingming_date,
 *	  sla.locale_weekend, sla.format and sla.format_relative.  Unpack
 *	  arguments, call the ICU layer or the solar-term code, raise what they
 *	  report, pack the result.
 *
 * IDENTIFICATION
 *	  src/icu_functions.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/timestamp.h"

#include "business_interval.h"
#include "business_time.h"
#include "icu_calendar.h"
#include "icu_format.h"
#include "icu_locale.h"
#include "solar_term.h"
#include "status_report.h"

static const char *const day_abbrev[7] = {
	"sun", "mon", "tue", "wed", "thu", "fri", "sat"
};

/* The calendar system named by a text argument, or 22023. */
static SlaLunarSystem
lunar_system_arg(text *arg)
{
	char	   *name = text_to_cstring(arg);
	SlaLunarSystem system;

	if (!sla_lunar_system_from_name(name, &system))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown calendar system \"%s\"", name),
				 errhint("Use \"chinese\" or \"islamic-umalqura\".")));
	pfree(name);
	return system;
}

/*
 * sla.icu_lunar_dates(calendar_system text, month int, day int, in_year
 * int) RETURNS TABLE(day date, lunar_year int): ICU's Gregorian dates of a
 * lunar month and day in in_year, without corrections (zero, one or two
 * rows).  22023 for an unknown system, 22008 for a year, month or day out
 * of range.
 */
PG_FUNCTION_INFO_V1(sla_icu_lunar_dates_sql);
Datum
sla_icu_lunar_dates_sql(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SlaLunarSystem system = lunar_system_arg(PG_GETARG_TEXT_PP(0));
	int32		month = PG_GETARG_INT32(1);
	int32		day = PG_GETARG_INT32(2);
	int32		year = PG_GETARG_INT32(3);
	SlaLunarDate dates[SLA_LUNAR_MAX_DATES];
	int			ndates;
	SlaIcuError err;
	SlaIcuStatus st;
	int			i;

	st = sla_icu_lunar_dates(system, year, month, day, dates, &ndates, &err);
	if (st != SLA_ICU_OK)
		sla_report_icu_status(st, &err, NULL,
							  st == SLA_ICU_YEAR_RANGE ? year :
							  st == SLA_ICU_MONTH_RANGE ? month : day);

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < ndates; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = DateADTGetDatum(dates[i].day);
		values[1] = Int32GetDatum(dates[i].lunar_year);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * sla.qingming_date(in_year int) RETURNS date: the date in China Standard
 * Time on which the sun reaches 15 degrees of apparent longitude; 22008
 * outside the years checked against an independent ephemeris.
 */
PG_FUNCTION_INFO_V1(sla_qingming_date);
Datum
sla_qingming_date(PG_FUNCTION_ARGS)
{
	int32		year = PG_GETARG_INT32(0);

	if (year < SLA_QINGMING_MIN_YEAR || year > SLA_QINGMING_MAX_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("year out of range for solar terms: %d", year),
				 errdetail("Qingming is computed for the years %d to %d.",
						   SLA_QINGMING_MIN_YEAR, SLA_QINGMING_MAX_YEAR)));
	PG_RETURN_DATEADT(sla_solar_term_day(year, SLA_QINGMING_LONGITUDE,
										 SLA_CHINA_UTC_OFFSET));
}

/*
 * The weekend days as day specs of the hours grammar, in week order from
 * the first weekend day after a weekday: "sat-sun", "fri-sat", "sun",
 * "thu-fri"; two runs are separated by a comma, no weekend is "".
 */
static char *
format_weekend(const bool weekend[7])
{
	StringInfoData buf;
	int			start = 0;
	int			i;

	initStringInfo(&buf);
	/* start the walk on a weekday, so that no run wraps around it */
	while (start < 7 && weekend[start])
		start++;
	if (start == 7)
		return pstrdup("sun-sat");
	for (i = 1; i <= 7; i++)
	{
		int			d = (start + i) % 7;
		int			last = d;

		if (!weekend[d] || weekend[(d + 6) % 7])
			continue;
		/* d opens a run: find its end */
		while (weekend[(last + 1) % 7])
			last = (last + 1) % 7;
		if (buf.len > 0)
			appendStringInfoChar(&buf, ',');
		if (last == d)
			appendStringInfoString(&buf, day_abbrev[d]);
		else
			appendStringInfo(&buf, "%s-%s", day_abbrev[d], day_abbrev[last]);
	}
	return buf.data;
}

/*
 * sla.locale_weekend(locale text) RETURNS text: the weekend of locale from
 * ICU's week data, as day specs of the hours grammar.  22023 for a locale
 * ICU has no data for.
 */
PG_FUNCTION_INFO_V1(sla_locale_weekend);
Datum
sla_locale_weekend(PG_FUNCTION_ARGS)
{
	char	   *locale = text_to_cstring(PG_GETARG_TEXT_PP(0));
	bool		weekend[7];
	SlaIcuError err;
	SlaIcuStatus st;

	st = sla_icu_locale_weekend(locale, weekend, &err);
	if (st != SLA_ICU_OK)
		sla_report_icu_status(st, &err, locale, 0);
	PG_RETURN_TEXT_P(cstring_to_text(format_weekend(weekend)));
}

/* The ICU formatters kept for one call site, and what closes them. */
typedef struct FormatCache
{
	MemoryContextCallback callback;
	SlaIcuFormatters *formatters;
} FormatCache;

/* Close a call site's ICU objects: its memory context is reset or deleted. */
static void
close_formatters(void *arg)
{
	sla_icu_formatters_close((SlaIcuFormatters *) arg);
}

/*
 * The ICU formatters of the calling site (fn_extra), made on its first
 * call in fn_mcxt, with a reset callback on fn_mcxt that closes the ICU
 * objects, which ICU allocates outside the memory contexts: so they go
 * when the query ends or fails, and repeated calls reuse them.  Without
 * an FmgrInfo (a direct call) a fresh cache each call, its callback on
 * the current context.
 */
static SlaIcuFormatters *
call_site_formatters(FunctionCallInfo fcinfo)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	MemoryContext mcxt = flinfo != NULL ? flinfo->fn_mcxt : CurrentMemoryContext;
	FormatCache *cache = flinfo != NULL ? (FormatCache *) flinfo->fn_extra : NULL;

	if (cache == NULL)
	{
		cache = MemoryContextAlloc(mcxt, sizeof(FormatCache));
		cache->formatters = MemoryContextAlloc(mcxt, sla_icu_formatters_size());
		sla_icu_formatters_init(cache->formatters);
		cache->callback.func = close_formatters;
		cache->callback.arg = cache->formatters;
		MemoryContextRegisterResetCallback(mcxt, &cache->callback);
		if (flinfo != NULL)
			flinfo->fn_extra = cache;
	}
	return cache->formatters;
}

/*
 * A locale argument of sla.format or sla.format_relative, made an ICU
 * locale name (lc_messages spells "de_DE.UTF-8" or "C").
 */
static char *
format_locale_arg(const char *name)
{
	char	   *locale = palloc(strlen(name) + 3);

	/* room for "en" when name is "" */
	sla_icu_locale_from_posix(name, locale, strlen(name) + 3);
	return locale;
}

/*
 * sla.format(amount business_interval, locale locale_name) RETURNS text: the
 * amount in words of locale ("2 Werktage, 4 Stunden").  22023 for a
 * locale ICU has no data for, or with business days, one whose language
 * has no shipped words for a business day.  The locale's type is a domain
 * over text, so that core's format(text, VARIADIC "any") keeps every call
 * with a text argument (see docs/icu.md).
 */
PG_FUNCTION_INFO_V1(sla_format_business_interval);
Datum
sla_format_business_interval(PG_FUNCTION_ARGS)
{
	BusinessInterval *amount = PG_GETARG_BUSINESS_INTERVAL_P(0);
	char	   *locale = format_locale_arg(text_to_cstring(PG_GETARG_TEXT_PP(1)));
	char		out[SLA_ICU_FORMAT_MAX];
	SlaIcuError err;
	SlaIcuStatus st;

	st = sla_icu_format_business(call_site_formatters(fcinfo), locale,
								 amount->days, amount->time, out, sizeof(out),
								 &err);
	if (st != SLA_ICU_OK)
		sla_report_icu_status(st, &err, locale, 0);
	PG_RETURN_TEXT_P(cstring_to_text(out));
}

/*
 * sla.format_relative(deadline timestamptz, now timestamptz, locale text)
 * RETURNS text: how far deadline is from now, in words of locale ("in 3
 * hours", "vor 2 Tagen"), in wall-clock time.  22008 for an infinite
 * timestamp or a distance beyond int64 microseconds, 22023 for a locale
 * ICU has no data for.
 */
PG_FUNCTION_INFO_V1(sla_format_relative);
Datum
sla_format_relative(PG_FUNCTION_ARGS)
{
	TimestampTz deadline = PG_GETARG_TIMESTAMPTZ(0);
	TimestampTz now = PG_GETARG_TIMESTAMPTZ(1);
	char	   *locale = format_locale_arg(text_to_cstring(PG_GETARG_TEXT_PP(2)));
	char		out[SLA_ICU_FORMAT_MAX];
	int64		diff;
	SlaIcuError err;
	SlaIcuStatus st;

	sla_require_finite(deadline, "deadline");
	sla_require_finite(now, "now");
	if (pg_sub_s64_overflow(deadline, now, &diff))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("interval out of range")));
	st = sla_icu_format_relative(call_site_formatters(fcinfo), locale, diff,
								 out, sizeof(out), &err);
	if (st != SLA_ICU_OK)
		sla_report_icu_status(st, &err, locale, 0);
	PG_RETURN_TEXT_P(cstring_to_text(out));
}
