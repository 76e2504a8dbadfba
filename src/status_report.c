/*-------------------------------------------------------------------------
 *
 * status_report.c
 *	  Raise the errors that the compiler, the engine and the hours parser
 *	  return as codes, with their SQLSTATEs and messages.
 *
 * IDENTIFICATION
 *	  src/status_report.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/datetime.h"

#include "business_day_words.h"
#include "calendar_compile.h"
#include "status_report.h"

/* A local date (days since 2000-01-01) as YYYY-MM-DD, whatever DateStyle. */
char *
sla_format_date(int32 d)
{
	int			y,
				m,
				md;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &md);
	return psprintf("%04d-%02d-%02d", y, m, md);
}

/*
 * Raise the error for a status of calendar calname (whose time zone is
 * time_zone); date is the later date of an overlap.
 */
void
sla_report_status(SlaStatus status, const char *calname, const char *time_zone,
				  int32 date)
{
	switch (status)
	{
		case SLA_ERR_OUT_OF_YEARS:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("timestamp out of range for calendar \"%s\"", calname),
					 errdetail("Business time is computed from %04d-01-01 to %04d-12-31.",
							   SLA_MIN_YEAR, SLA_MAX_YEAR)));
			break;
		case SLA_ERR_RESULT_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("timestamp out of range")));
			break;
		case SLA_ERR_SPAN_YEARS:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("business time span too large for calendar \"%s\"", calname),
					 errdetail("One computation may cover at most %d years of the calendar.",
							   SLA_MAX_WINDOW_YEARS)));
			break;
		case SLA_ERR_SPAN_RANGES:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("business time span too large for calendar \"%s\"", calname),
					 errdetail("A computation may cover at most %d open ranges of one calendar.",
							   SLA_MAX_WINDOW_INTERVALS),
					 errhint("Compute over shorter spans.")));
			break;
		case SLA_ERR_NO_OPEN_AFTER:
		case SLA_ERR_NO_OPEN_BEFORE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 status == SLA_ERR_NO_OPEN_AFTER ?
					 errmsg("calendar \"%s\" has no open time after its last dated exception",
							calname) :
					 errmsg("calendar \"%s\" has no open time before its first dated exception",
							calname),
					 errdetail("Its weekly hours are \"closed\", so only dated exceptions open it."),
					 errhint("Add exceptions that open dates in this period, or weekly hours.")));
			break;
		case SLA_ERR_OVERLAP:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("calendar \"%s\" has overlapping open hours on %s",
							calname, sla_format_date(date)),
					 errdetail("A range of the previous day runs past midnight into this date's first range."),
					 errhint("Shorten the previous day's range or start this date's hours later.")));
			break;
		case SLA_ERR_TIME_ZONE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("time zone \"%s\" not recognized", time_zone),
					 errdetail("A calendar needs a time zone name from pg_timezone_names, such as \"Europe/Berlin\" or \"UTC\"."),
					 errhint("Abbreviations such as \"PST\" and offsets such as \"+02\" lose the zone's daylight-saving rules.")));
			break;
		case SLA_ERR_NO_OPEN_TIME:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("calendar \"%s\" has no open time", calname),
					 errdetail("Its weekly hours are \"closed\" and no dated exception opens a date."),
					 errhint("Give the calendar weekly hours, or add an exception with hours.")));
			break;
		case SLA_OK:
		case SLA_NEED_WINDOW:
			break;
	}
	elog(ERROR, "unexpected sla status %d", (int) status);
}

/* Turn a parser error into an ereport: 22P02, 22023 or 54000. */
void
sla_report_hours_error(const char *text, const SlaHoursError *err,
					   bool exception_hours)
{
	const char *what = exception_hours ? "exception hours" : "calendar hours";

	switch (err->kind)
	{
		case SLA_HOURS_OVERLAP:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("overlapping open ranges in %s \"%s\"", what, text),
					 errdetail("%s", err->detail),
					 errhint("Open ranges may touch but not overlap.")));
			break;
		case SLA_HOURS_LIMIT:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many open ranges in %s \"%s\"", what, text),
					 errdetail("%s", err->detail)));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for %s: \"%s\"", what, text),
					 errdetail("%s", err->detail),
					 exception_hours ?
					 errhint("Write time ranges like \"09:00-12:00\" or \"08:00-12:00,13:00-17:00\", or leave hours null to close the date.") :
					 errhint("Write weekly hours like \"mon-fri 09:00-17:00; sat 10:00-14:00\", \"24/7\" or \"closed\".")));
			break;
	}
	pg_unreachable();
}

/*
 * Raise the error of an ICU-layer status: value is the offending year,
 * month or day, locale the offending locale name.
 */
void
sla_report_icu_status(SlaIcuStatus status, const SlaIcuError *err,
					  const char *locale, int value)
{
	switch (status)
	{
		case SLA_ICU_YEAR_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("year out of range for lunar dates: %d", value),
					 errdetail("Lunar dates are converted for the years %d to %d.",
							   SLA_LUNAR_MIN_YEAR, SLA_LUNAR_MAX_YEAR)));
			break;
		case SLA_ICU_MONTH_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("lunar month out of range: %d", value),
					 errdetail("Months are numbered 1 to 12; Chinese leap months are not supported.")));
			break;
		case SLA_ICU_DAY_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("lunar day out of range: %d", value),
					 errdetail("Lunar months have 29 or 30 days.")));
			break;
		case SLA_ICU_BAD_LOCALE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid locale name: \"%s\"", locale),
					 errdetail("ICU has no data for its language, or does not know its region."),
					 errhint("Use a language code with an optional ISO 3166 region, such as \"de_DE\", \"ar_SA\" or \"en\".")));
			break;
		case SLA_ICU_NO_WORDS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("no words for a business day in locale \"%s\"", locale),
					 errdetail("Business days are written in the languages %s.",
							   sla_business_day_languages()),
					 errhint("Use a locale of one of these languages, or convert the days to time with a calendar first.")));
			break;
		case SLA_ICU_FAILED:
			ereport(ERROR,
					(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
					 errmsg("ICU call %s failed: %s", err->call,
							sla_icu_error_name(err->code))));
			break;
		case SLA_ICU_OK:
			break;
	}
	elog(ERROR, "unexpected ICU status %d", (int) status);
}
