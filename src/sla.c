/*-------------------------------------------------------------------------
 *
 * sla.c
 *	  Module magic, initialisation and settings of the sla extension.
 *
 * IDENTIFICATION
 *	  src/sla.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "fmgr.h"
#include "utils/guc.h"

#include "calendar_store.h"
#include "holiday_store.h"
#include "policy_store.h"
#include "sla.h"
#include "tracking.h"

PG_MODULE_MAGIC;

/* Set up the stores' cache callbacks and the settings when the library is loaded. */
void
_PG_init(void)
{
	sla_calendar_store_init();
	sla_policy_store_init();
	sla_holiday_store_init();

	DefineCustomBoolVariable("sla.notify_details",
							 "Puts the row's key and the details of an event into its notification.",
							 "When off, a notification on channel sla_events carries the event's id, table, kind, state and instant only.",
							 &sla_notify_details,
							 true,
							 PGC_SUSET,
							 0,
							 NULL, NULL, NULL);
	DefineCustomStringVariable("sla.now",
							   "The instant writes to tracked tables are judged as of.",
							   "Empty (the default): the transaction's start, now().  Set it to replay history or in tests; writes are never judged as of an instant before the one a row was last judged as of.",
							   &sla_now_setting,
							   "",
							   PGC_SUSET,
							   0,
							   NULL, NULL, NULL);
	MarkGUCPrefixReserved("sla");
}

/*
 * The trigger data of a trigger function's call; raises 39P01 when the
 * function was called some other way.
 */
TriggerData *
sla_trigger_data(FunctionCallInfo fcinfo)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function can only be called as a trigger")));
	return (TriggerData *) fcinfo->context;
}

/*
 * The aggregate memory context of a call of an aggregate's support function
 * fname (a state lives there); an error when not called by an aggregate.
 */
MemoryContext
sla_agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcontext;
}
