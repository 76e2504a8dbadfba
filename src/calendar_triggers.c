/*-------------------------------------------------------------------------
 *
 * calendar_triggers.c
 *	  Triggers on sla.calendar and sla.calendar_exception: validate rows on
 *	  write, and tell every backend's calendar cache about a change.
 *
 * IDENTIFICATION
 *	  src/calendar_triggers.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/inval.h"
#include "utils/rel.h"

#include "calendar_compile.h"
#include "calendar_store.h"
#include "time_zone.h"

/* Check the trigger protocol: how this trigger function may be used. */
static TriggerData *
check_trigger_call(FunctionCallInfo fcinfo, bool row_before)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function can only be called as a trigger")));
	if (row_before &&
		(!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		 !TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		 TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) ||
		 TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) ||
		 trigdata->tg_trigger->tgnargs != 1))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("calendar validation must be a BEFORE INSERT OR UPDATE row trigger with one argument")));
	return trigdata;
}

/* The text value of column attname, or NULL. */
static char *
column_text(TriggerData *trigdata, HeapTuple tuple, const char *attname)
{
	TupleDesc	tupdesc = RelationGetDescr(trigdata->tg_relation);
	int			attnum = SPI_fnumber(tupdesc, attname);

	if (attnum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("relation \"%s\" has no column \"%s\"",
						RelationGetRelationName(trigdata->tg_relation), attname)));
	return SPI_getvalue(tuple, tupdesc, attnum);
}

/*
 * Validate a row of sla.calendar (argument 'calendar') or
 * sla.calendar_exception (argument 'exception'): the time zone must be a
 * known zone name (22023), hours must parse (22P02) without overlaps
 * (22023), and an exception's date must be one the engine can compute with.
 */
PG_FUNCTION_INFO_V1(sla_calendar_validate_trigger);
Datum
sla_calendar_validate_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = check_trigger_call(fcinfo, true);
	HeapTuple	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	const char *kind = trigdata->tg_trigger->tgargs[0];
	SlaHoursError err;
	char	   *hours;

	if (strcmp(kind, "calendar") == 0)
	{
		SlaWeeklyHours weekly;
		char	   *time_zone = column_text(trigdata, tuple, "time_zone");

		if (time_zone != NULL)
			sla_check_time_zone_name(time_zone);
		hours = column_text(trigdata, tuple, "hours");
		if (hours != NULL && !sla_parse_weekly_hours(hours, &weekly, &err))
			sla_raise_hours_error(hours, &err, false);
	}
	else if (strcmp(kind, "exception") == 0)
	{
		SlaDayHours day;
		TupleDesc	tupdesc = RelationGetDescr(trigdata->tg_relation);
		int			attnum = SPI_fnumber(tupdesc, "day");
		bool		isnull = true;
		Datum		value = (Datum) 0;

		if (attnum > 0)
			value = SPI_getbinval(tuple, tupdesc, attnum, &isnull);
		if (!isnull)
		{
			DateADT		d = DatumGetDateADT(value);
			int			y,
						m,
						md;

			if (!DATE_NOT_FINITE(d))
				j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &md);
			if (DATE_NOT_FINITE(d) || y < SLA_MIN_YEAR || y > SLA_MAX_YEAR)
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
						 errmsg("exception date out of range: \"%s\"",
								column_text(trigdata, tuple, "day")),
						 errdetail("Calendars cover the years %d to %d.",
								   SLA_MIN_YEAR, SLA_MAX_YEAR)));
		}
		hours = column_text(trigdata, tuple, "hours");
		if (hours != NULL && !sla_parse_day_hours(hours, &day, &err))
			sla_raise_hours_error(hours, &err, true);
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("invalid calendar validation trigger argument \"%s\"", kind),
				 errhint("Use \"calendar\" or \"exception\".")));

	return PointerGetDatum(tuple);
}

/*
 * AFTER statement trigger: queue a relcache invalidation of the table, so
 * every backend drops its compiled calendars once this transaction commits
 * (and this backend at the next command).
 */
PG_FUNCTION_INFO_V1(sla_calendar_invalidate_trigger);
Datum
sla_calendar_invalidate_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = check_trigger_call(fcinfo, false);

	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	return PointerGetDatum(NULL);
}
