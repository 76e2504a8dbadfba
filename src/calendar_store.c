/*-------------------------------------------------------------------------
 *
 * calendar_store.c
 *	  The only code that reads sla.calendar and sla.calendar_exception.
 *
 * Compiled calendars are kept per backend, by name.  A statement trigger on
 * both tables sends a relcache invalidation for the table it fired on; our
 * callback only marks the cache stale.  The first use of a calendar at a
 * call site in each statement accepts pending invalidation messages, so a
 * change is seen by the next statement in every backend.
 *
 * Calendar rows are read like catalog rows, with the newest snapshot: a
 * change that commits after that read sends its invalidation after it, so
 * a cached calendar can never miss one.  (Reading with the statement's own
 * snapshot could cache rows older than an invalidation already processed.)
 * In parallel mode no new snapshot may be taken; there the statement's
 * snapshot is used, which leader and workers share, and what is read then
 * is kept until the transaction ends, outside the cache.  A call site keeps
 * its calendar for the whole statement, so one statement sees one version
 * of it.
 *
 * A stale calendar may still be in use by a call site of a running
 * statement, so it is not freed at once: it moves to a "retired" context
 * that is reset at transaction end.  Call sites remember the transaction
 * they looked up in and look again in a new one, so they never touch a
 * freed calendar.
 *
 * IDENTIFICATION
 *	  src/calendar_store.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/date.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

#include "calendar_store.h"
#include "status_report.h"

typedef struct CacheEntry
{
	char		name[SLA_CALENDAR_NAME_MAXLEN + 1];	/* hash key */
	SlaCalendar *cal;
} CacheEntry;

/* What one call site (fn_extra) remembers between calls. */
typedef struct CallCache
{
	uint64		xact_epoch;		/* sla_xact_epoch when last checked */
	Snapshot	snap;			/* the statement snapshot last checked */
	TransactionId snap_xmin;
	CommandId	snap_cid;
	SlaCalendar *cal;
	bool		const_arg;		/* the name is the same on every call */
	int			namelen;
	char		name[SLA_CALENDAR_NAME_MAXLEN + 1];
} CallCache;

static HTAB *calendar_cache = NULL;
static MemoryContext cache_context = NULL;	/* live calendars */
static MemoryContext retired_context = NULL;	/* stale, freed at xact end */
static bool cache_stale = false;
static uint64 sla_xact_epoch = 1;
static Oid	calendar_relid = InvalidOid;
static Oid	exception_relid = InvalidOid;

/* Relcache callback: a change to one of our tables makes the cache stale. */
static void
calendar_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == calendar_relid || relid == exception_relid)
		cache_stale = true;
}

/* Free retired calendars once no statement can use them any more. */
static void
calendar_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
		case XACT_EVENT_PREPARE:
			sla_xact_epoch++;
			if (retired_context)
				MemoryContextReset(retired_context);
			break;
		default:
			break;
	}
}

/* Register the callbacks; called once from _PG_init. */
void
sla_calendar_store_init(void)
{
	CacheRegisterRelcacheCallback(calendar_relcache_callback, (Datum) 0);
	RegisterXactCallback(calendar_xact_callback, NULL);
}

/* Create the cache and its contexts on first use. */
static void
cache_init(void)
{
	HASHCTL		ctl;

	if (calendar_cache)
		return;
	if (!CacheMemoryContext)
		CreateCacheMemoryContext();
	cache_context = AllocSetContextCreate(CacheMemoryContext, "sla calendar cache",
										  ALLOCSET_DEFAULT_SIZES);
	retired_context = AllocSetContextCreate(CacheMemoryContext, "sla retired calendars",
											ALLOCSET_SMALL_SIZES);
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = SLA_CALENDAR_NAME_MAXLEN + 1;
	ctl.entrysize = sizeof(CacheEntry);
	ctl.hcxt = cache_context;
	calendar_cache = hash_create("sla calendar cache", 16, &ctl,
								 HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
}

/* Move every cached calendar to the retired context and empty the cache. */
static void
cache_retire_all(void)
{
	HASH_SEQ_STATUS status;
	CacheEntry *entry;

	hash_seq_init(&status, calendar_cache);
	while ((entry = hash_seq_search(&status)) != NULL)
	{
		MemoryContextSetParent(entry->cal->mcxt, retired_context);
		hash_search(calendar_cache, entry->name, HASH_REMOVE, NULL);
	}
	cache_stale = false;
	/* the tables may have been dropped and created again */
	calendar_relid = InvalidOid;
	exception_relid = InvalidOid;
}

/*
 * Read a calendar's rows with the statement's snapshot and compile its
 * definition.  The result lives in its own context under the caller's.
 */
static SlaCalendar *
load_calendar(const char *name)
{
	MemoryContext caller = CurrentMemoryContext;
	Datum		arg[1];
	Oid			argtype[1] = {TEXTOID};
	char	   *time_zone;
	char	   *hours;
	SlaWeeklyHours weekly;
	SlaHoursError err;
	int			nexc;
	int32	   *exc_days;
	SlaDayHours *exc_hours;
	SlaCalendar *cal;
	SlaStatus	st;
	uint64		i;
	int			ret;

	arg[0] = CStringGetTextDatum(name);
	if (!IsInParallelMode())
		PushActiveSnapshot(GetLatestSnapshot());
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	ret = SPI_execute_with_args("SELECT time_zone, hours FROM sla.calendar"
								" WHERE name OPERATOR(pg_catalog.=) $1",
								1, argtype, arg, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read sla.calendar: %s", SPI_result_code_string(ret));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("calendar \"%s\" does not exist", name),
				 errhint("Calendars are rows of sla.calendar.")));
	{
		MemoryContext spi = MemoryContextSwitchTo(caller);

		time_zone = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
		hours = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
		MemoryContextSwitchTo(spi);
	}

	ret = SPI_execute_with_args("SELECT day, hours FROM sla.calendar_exception"
								" WHERE calendar OPERATOR(pg_catalog.=) $1 ORDER BY day",
								1, argtype, arg, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read sla.calendar_exception: %s",
			 SPI_result_code_string(ret));
	if (SPI_processed > (uint64) (MaxAllocSize / sizeof(SlaDayHours)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("calendar \"%s\" has too many exceptions", name)));
	nexc = (int) SPI_processed;
	exc_days = MemoryContextAlloc(caller, Max(nexc, 1) * sizeof(int32));
	exc_hours = MemoryContextAlloc(caller, Max(nexc, 1) * sizeof(SlaDayHours));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		bool		isnull;
		Datum		day = SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull);
		char	   *text = SPI_getvalue(tup, SPI_tuptable->tupdesc, 2);

		if (isnull || DATE_NOT_FINITE(DatumGetDateADT(day)))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("exception date of calendar \"%s\" out of range", name)));
		exc_days[i] = DatumGetDateADT(day);
		if (text == NULL)
			memset(&exc_hours[i], 0, sizeof(SlaDayHours));
		else if (!sla_parse_day_hours(text, &exc_hours[i], &err))
			sla_report_hours_error(text, &err, true);
		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	if (!OidIsValid(calendar_relid))
	{
		Oid			nsp = get_namespace_oid("sla", false);

		calendar_relid = get_relname_relid("calendar", nsp);
		exception_relid = get_relname_relid("calendar_exception", nsp);
	}
	SPI_finish();
	if (!IsInParallelMode())
		PopActiveSnapshot();

	if (!sla_parse_weekly_hours(hours, &weekly, &err))
		sla_report_hours_error(hours, &err, false);
	st = sla_calendar_build(name, time_zone, &weekly, nexc, exc_days, exc_hours, &cal);
	if (st != SLA_OK)
		sla_report_status(st, name, time_zone, 0);
	pfree(exc_days);
	pfree(exc_hours);
	return cal;
}

/*
 * The compiled calendar called name, from the cache or freshly loaded.  In
 * parallel mode a fresh load is kept only until transaction end.
 */
static SlaCalendar *
lookup_calendar(const char *name)
{
	CacheEntry *entry;
	bool		found;
	SlaCalendar *cal;

	cache_init();
	if (cache_stale)
		cache_retire_all();
	entry = hash_search(calendar_cache, name, HASH_FIND, &found);
	if (found)
		return entry->cal;

	cal = load_calendar(name);
	if (IsInParallelMode())
	{
		MemoryContextSetParent(cal->mcxt, retired_context);
		return cal;
	}
	/* the load ran SQL, which may have processed invalidations */
	if (cache_stale)
		cache_retire_all();
	MemoryContextSetParent(cal->mcxt, cache_context);
	entry = hash_search(calendar_cache, name, HASH_ENTER, &found);
	entry->cal = cal;
	return cal;
}

/*
 * Is argument argno of the call a constant?  (Not merely stable: a
 * PL/pgSQL variable is a Param that changes between evaluations that share
 * one snapshot.)
 */
static bool
arg_is_const(FmgrInfo *flinfo, int argno)
{
	Node	   *expr = flinfo->fn_expr;
	List	   *args;

	if (expr == NULL || !IsA(expr, FuncExpr))
		return false;
	args = ((FuncExpr *) expr)->args;
	return argno < list_length(args) && IsA(list_nth(args, argno), Const);
}

/*
 * The calendar named by argument argno of a function call.  Each call site
 * keeps the calendar it used last for the rest of the statement; it checks
 * for changes once per statement snapshot and once per transaction, and
 * otherwise costs a name comparison (none for a constant name).
 */
SlaCalendar *
sla_calendar_for_call(FunctionCallInfo fcinfo, int argno)
{
	CallCache  *cc = (CallCache *) fcinfo->flinfo->fn_extra;
	Snapshot	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;
	bool		same_statement;
	text	   *name;
	const char *str;
	int			len;

	same_statement = cc != NULL && cc->xact_epoch == sla_xact_epoch && cc->snap == snap &&
		(snap == NULL || (cc->snap_xmin == snap->xmin && cc->snap_cid == snap->curcid));
	/* the common case: a constant name, already looked up in this statement */
	if (same_statement && cc->cal && cc->const_arg)
		return cc->cal;

	name = PG_GETARG_TEXT_PP(argno);
	str = VARDATA_ANY(name);
	len = VARSIZE_ANY_EXHDR(name);
	if (same_statement && cc->cal &&
		cc->namelen == len && memcmp(cc->name, str, len) == 0)
		return cc->cal;

	if (cc == NULL)
	{
		cc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CallCache));
		cc->const_arg = arg_is_const(fcinfo->flinfo, argno);
		fcinfo->flinfo->fn_extra = cc;
	}
	if (len > SLA_CALENDAR_NAME_MAXLEN || len == 0 || memchr(str, '\0', len))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("calendar \"%s\" does not exist", text_to_cstring(name))));

	if (!same_statement)
	{
		AcceptInvalidationMessages();
		cc->xact_epoch = sla_xact_epoch;
		cc->snap = snap;
		cc->snap_xmin = snap ? snap->xmin : InvalidTransactionId;
		cc->snap_cid = snap ? snap->curcid : InvalidCommandId;
	}
	cc->cal = NULL;
	memcpy(cc->name, str, len);
	cc->name[len] = '\0';
	cc->namelen = len;
	cc->cal = lookup_calendar(cc->name);
	return cc->cal;
}
