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
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/inval.h"
#include "utils/rel.h"

#include "calendar_compile.h"
#include "calendar_store.h"
#include "status_report.h"
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
		 TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) ||
		 trigdata->tg_trigger->tgnargs != 1))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("calendar validation must be a BEFORE row trigger with one argument")));
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

/* ---- overlaps between an exception and its neighbouring dates ---- */

/* First key of the advisory locks that serialise writes to one calendar. */
#define SLA_ADVISORY_LOCK_CLASS 0x534C41	/* "SLA" */

/* A calendar's weekly hours and its exceptions, read for a check. */
typedef struct NeighbourData
{
	SlaWeeklyHours weekly;
	int			n;
	int32	   *days;			/* sorted */
	SlaDayHours *hours;
} NeighbourData;

/*
 * Read calendar calname's weekly hours and exceptions, leaving out the
 * exceptions of dates skip1 and skip2 (rows being replaced).  Returns false when
 * the calendar does not exist (the foreign key reports that).
 */
static bool
read_neighbour_data(const char *calname, int32 skip1, int32 skip2,
					NeighbourData *nd)
{
	Datum		arg[1];
	Oid			argtype[1] = {TEXTOID};
	MemoryContext caller = CurrentMemoryContext;
	SlaHoursError err;
	uint64		i;
	bool		found = false;

	/*
	 * Writers of one calendar's hours take turns (a transaction-level
	 * advisory lock on the name), so that two transactions cannot each add
	 * half of an overlap; under READ COMMITTED the queries below then see
	 * what the other committed.
	 */
	DirectFunctionCall2(pg_advisory_xact_lock_int4,
						Int32GetDatum(SLA_ADVISORY_LOCK_CLASS),
						Int32GetDatum((int32) hash_bytes((const unsigned char *) calname,
														 strlen(calname))));

	memset(nd, 0, sizeof(*nd));
	arg[0] = CStringGetTextDatum(calname);
	SPI_connect();
	if (SPI_execute_with_args("SELECT hours FROM sla.calendar WHERE name OPERATOR(pg_catalog.=) $1",
							  1, argtype, arg, NULL, false, 1) == SPI_OK_SELECT &&
		SPI_processed == 1)
	{
		char	   *hours = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

		found = (hours != NULL && sla_parse_weekly_hours(hours, &nd->weekly, &err));
	}
	if (found &&
		SPI_execute_with_args("SELECT day, hours FROM sla.calendar_exception"
							  " WHERE calendar OPERATOR(pg_catalog.=) $1 ORDER BY day",
							  1, argtype, arg, NULL, false, 0) == SPI_OK_SELECT)
	{
		/* room for one more, see neighbour_data_add */
		nd->days = MemoryContextAlloc(caller, (SPI_processed + 1) * sizeof(int32));
		nd->hours = MemoryContextAllocZero(caller, (SPI_processed + 1) * sizeof(SlaDayHours));
		for (i = 0; i < SPI_processed; i++)
		{
			bool		isnull;
			Datum		day = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
			char	   *text = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);

			if (isnull || DatumGetDateADT(day) == skip1 || DatumGetDateADT(day) == skip2)
				continue;
			/* rows that no longer parse are reported when they are used */
			if (text != NULL && !sla_parse_day_hours(text, &nd->hours[nd->n], &err))
				continue;
			nd->days[nd->n++] = DatumGetDateADT(day);
			if ((i & 255) == 0)
				CHECK_FOR_INTERRUPTS();
		}
	}
	SPI_finish();
	return found;
}

/* Add the exception (d, hours) to nd, keeping it sorted; d is not in it. */
static void
neighbour_data_add(NeighbourData *nd, int32 d, const SlaDayHours *hours)
{
	int			i = nd->n;

	while (i > 0 && nd->days[i - 1] > d)
	{
		nd->days[i] = nd->days[i - 1];
		nd->hours[i] = nd->hours[i - 1];
		i--;
	}
	nd->days[i] = d;
	nd->hours[i] = *hours;
	nd->n++;
}

/* The hours in force on date d: its exception's, or its weekday's. */
static const SlaDayHours *
hours_on(const NeighbourData *nd, int32 d)
{
	int			lo = 0,
				hi = nd->n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (nd->days[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nd->n && nd->days[lo] == d)
		return &nd->hours[lo];
	return &nd->weekly.day[j2day(d + POSTGRES_EPOCH_JDATE)];
}

/* Raise 22023 if date d's hours overlap those of the day before or after. */
static void
check_date_against_neighbours(const char *calname, const NeighbourData *nd,
							  int32 d, const SlaDayHours *hours)
{
	int32		other = 0;

	if (sla_day_hours_overlap(hours_on(nd, d - 1), hours))
		other = d - 1;
	else if (sla_day_hours_overlap(hours, hours_on(nd, d + 1)))
		other = d + 1;
	else
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("calendar \"%s\" would have overlapping open hours on %s and %s",
					calname, sla_format_date(Min(d, other)), sla_format_date(Max(d, other))),
			 errdetail("A range of the earlier date runs past midnight into the first range of the later one."),
			 errhint("Change the exception hours so that the ranges touch at most.")));
}

/* The date in column "day" of tuple, checked to lie in the supported years. */
static bool
exception_day(TriggerData *trigdata, HeapTuple tuple, int32 *day)
{
	TupleDesc	tupdesc = RelationGetDescr(trigdata->tg_relation);
	int			attnum = SPI_fnumber(tupdesc, "day");
	bool		isnull = true;
	Datum		value = (Datum) 0;
	int			y = 0,
				m,
				md;

	if (attnum > 0)
		value = SPI_getbinval(tuple, tupdesc, attnum, &isnull);
	if (isnull)
		return false;
	*day = DatumGetDateADT(value);
	if (!DATE_NOT_FINITE(*day))
		j2date(*day + POSTGRES_EPOCH_JDATE, &y, &m, &md);
	if (DATE_NOT_FINITE(*day) || y < SLA_MIN_YEAR || y > SLA_MAX_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("exception date out of range: \"%s\"",
						column_text(trigdata, tuple, "day")),
				 errdetail("Calendars cover the years %d to %d.",
						   SLA_MIN_YEAR, SLA_MAX_YEAR)));
	return true;
}

/*
 * Validate a write to sla.calendar_exception: the hours must parse, and the
 * dates it changes must not overlap their neighbours.  A deleted (or moved)
 * date falls back to its weekly hours, which must fit too.
 */
static HeapTuple
validate_exception_row(TriggerData *trigdata)
{
	bool		deleting = TRIGGER_FIRED_BY_DELETE(trigdata->tg_event);
	bool		updating = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	HeapTuple	tuple = updating ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	int32		new_day = DATEVAL_NOBEGIN;
	int32		old_day = DATEVAL_NOBEGIN;
	bool		has_new = false;
	bool		has_old = false;
	SlaDayHours hours;
	SlaHoursError err;
	char	   *text;
	char	   *calname;
	char	   *old_calname;
	bool		moved;
	NeighbourData nd;

	memset(&hours, 0, sizeof(hours));
	if (!deleting)
	{
		has_new = exception_day(trigdata, tuple, &new_day);
		text = column_text(trigdata, tuple, "hours");
		if (text != NULL && !sla_parse_day_hours(text, &hours, &err))
			sla_report_hours_error(text, &err, true);
	}
	if (deleting || updating)
		has_old = exception_day(trigdata, trigdata->tg_trigtuple, &old_day);

	calname = column_text(trigdata, tuple, "calendar");
	old_calname = column_text(trigdata, trigdata->tg_trigtuple, "calendar");
	moved = updating && calname != NULL && old_calname != NULL &&
		strcmp(calname, old_calname) != 0;

	/* the new row, among the other dates of its calendar */
	if (calname != NULL &&
		read_neighbour_data(calname, new_day, moved ? DATEVAL_NOBEGIN : old_day, &nd))
	{
		if (has_new)
		{
			check_date_against_neighbours(calname, &nd, new_day, &hours);
			neighbour_data_add(&nd, new_day, &hours);
		}
		/* a date left behind gets its weekly hours back */
		if (has_old && !moved && (!has_new || old_day != new_day))
			check_date_against_neighbours(calname, &nd, old_day,
										  &nd.weekly.day[j2day(old_day + POSTGRES_EPOCH_JDATE)]);
	}
	/* moved to another calendar: the date left behind in the old one */
	if (moved && has_old &&
		read_neighbour_data(old_calname, old_day, DATEVAL_NOBEGIN, &nd))
		check_date_against_neighbours(old_calname, &nd, old_day,
									  &nd.weekly.day[j2day(old_day + POSTGRES_EPOCH_JDATE)]);
	return tuple;
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

	if (strcmp(kind, "calendar") == 0 && TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		;						/* the exceptions go with it */
	else if (strcmp(kind, "calendar") == 0)
	{
		SlaWeeklyHours weekly;
		char	   *time_zone = column_text(trigdata, tuple, "time_zone");

		if (time_zone != NULL)
			sla_check_time_zone_name(time_zone);
		hours = column_text(trigdata, tuple, "hours");
		if (hours != NULL && !sla_parse_weekly_hours(hours, &weekly, &err))
			sla_report_hours_error(hours, &err, false);
		/* new weekly hours must fit around the existing exceptions */
		if (hours != NULL && TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
		{
			char	   *oldname = column_text(trigdata, trigdata->tg_trigtuple, "name");
			NeighbourData nd;
			int			i;

			if (oldname != NULL &&
				read_neighbour_data(oldname, DATEVAL_NOBEGIN, DATEVAL_NOBEGIN, &nd))
			{
				nd.weekly = weekly;
				for (i = 0; i < nd.n; i++)
					check_date_against_neighbours(oldname, &nd, nd.days[i], &nd.hours[i]);
			}
		}
	}
	else if (strcmp(kind, "exception") == 0)
		tuple = validate_exception_row(trigdata);
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
