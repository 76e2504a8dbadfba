/*-------------------------------------------------------------------------
 *
 * holiday_triggers.c
 *	  Triggers on the holiday tables: rows shipped with the extension
 *	  change only with the extension, and the dates of a dated rule lie in
 *	  its years.  (Invalidation reuses sla.calendar_invalidate_trigger.)
 *
 * Shipped rows are not dumped (pg_extension_config_dump filters them), so
 * a change to one would be lost by a dump and restore: only the
 * extension's own scripts may change them.  Users override shipped days
 * in sla.holiday_override or add rules of their own.
 *
 * IDENTIFICATION
 *	  src/holiday_triggers.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/rel.h"

#include "holiday_store.h"
#include "sla.h"

/* Is the row's "shipped" column true?  (False when there is none.) */
static bool
row_shipped(TriggerData *trigdata, HeapTuple tuple)
{
	TupleDesc	tupdesc = RelationGetDescr(trigdata->tg_relation);
	int			attnum = SPI_fnumber(tupdesc, "shipped");
	bool		isnull;
	Datum		value;

	if (attnum <= 0 || tuple == NULL)
		return false;
	value = SPI_getbinval(tuple, tupdesc, attnum, &isnull);
	return !isnull && DatumGetBool(value);
}

/*
 * BEFORE row (INSERT, UPDATE, DELETE) and BEFORE TRUNCATE trigger: outside
 * the extension's scripts, raise 55000 for a row that is or would become a
 * shipped one, and for TRUNCATE (which would remove shipped rows).
 */
PG_FUNCTION_INFO_V1(sla_holiday_validate_trigger);
Datum
sla_holiday_validate_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = sla_trigger_data(fcinfo);
	const char *table = RelationGetRelationName(trigdata->tg_relation);
	HeapTuple	oldtuple = NULL;
	HeapTuple	newtuple = NULL;

	if (!TRIGGER_FIRED_BEFORE(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" must be fired BEFORE", trigdata->tg_trigger->tgname)));
	if (creating_extension)
		return TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ?
			PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
							trigdata->tg_newtuple : trigdata->tg_trigtuple) :
			PointerGetDatum(NULL);
	if (TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("cannot truncate sla.%s", table),
				 errdetail("It holds rows shipped with the extension."),
				 errhint("Delete the rows of your own with DELETE ... WHERE NOT shipped.")));
	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		newtuple = trigdata->tg_trigtuple;
	else if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		oldtuple = trigdata->tg_trigtuple;
		newtuple = trigdata->tg_newtuple;
	}
	else
		oldtuple = trigdata->tg_trigtuple;
	if (row_shipped(trigdata, oldtuple) || row_shipped(trigdata, newtuple))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("cannot change shipped rows of sla.%s", table),
				 errdetail("Rows with shipped = true come with the extension and change only with its updates."),
				 errhint("Override a shipped day in sla.holiday_override, or add rows of your own with shipped = false.")));
	return PointerGetDatum(newtuple != NULL ? newtuple : oldtuple);
}

/*
 * AFTER row trigger of sla.holiday_date (INSERT, UPDATE) and
 * sla.holiday_rule (UPDATE): the dates of the rule written must belong to
 * a dated rule and lie in its years (23514).
 */
PG_FUNCTION_INFO_V1(sla_holiday_check_trigger);
Datum
sla_holiday_check_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = sla_trigger_data(fcinfo);
	TupleDesc	tupdesc = RelationGetDescr(trigdata->tg_relation);
	HeapTuple	tuple;
	char	   *region;
	char	   *name;
	char	   *first_year;

	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event) || !TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" must be fired AFTER ... FOR EACH ROW",
						trigdata->tg_trigger->tgname)));
	if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		return PointerGetDatum(NULL);
	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	region = SPI_getvalue(tuple, tupdesc, SPI_fnumber(tupdesc, "region"));
	name = SPI_getvalue(tuple, tupdesc, SPI_fnumber(tupdesc, "name"));
	first_year = SPI_getvalue(tuple, tupdesc, SPI_fnumber(tupdesc, "first_year"));
	if (region == NULL || name == NULL || first_year == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("relation \"%s\" needs columns region, name and first_year",
						RelationGetRelationName(trigdata->tg_relation))));
	sla_holiday_store_check_dated(region, name, pg_strtoint32(first_year));
	return PointerGetDatum(NULL);
}
