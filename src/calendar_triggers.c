/*-------------------------------------------------------------------------
 *
 * calendar_triggers.c
 *	  Triggers on sla.calendar and sla.calendar_exception: validate each row
 *	  on write, check neighbouring dates at commit, and tell every backend's
 *	  calendar cache about a change.
 *
 * Writes are checked in two steps.  A BEFORE row trigger checks what one
 * row can show on its own (time zone, hours syntax, exception date, that
 * its holiday regions exist), takes no lock and reads nothing but
 * sla.holiday_region (through the holiday store).  A deferred constraint trigger (AFTER row,
 * DEFERRABLE INITIALLY DEFERRED) checks, at commit, that the dates a row
 * changed do not overlap the dates before and after them.
 *
 * The neighbour check must see every change committed before it, whatever
 * the writer's isolation level, and two writers must not each pass it with
 * half of an overlap.  So it takes a transaction-level advisory lock per
 * calendar, held until commit, and then reads with the newest snapshot.
 * Writers of one calendar therefore commit one after the other, and each
 * checks the state left by all those before it.  An overlap found there
 * raises 22023 when this transaction can see the rows involved, and 40001
 * when it cannot (REPEATABLE READ or SERIALIZABLE, a change committed after
 * its snapshot): its own view of the calendar was stale, and a retry sees
 * the other change and gets 22023.
 *
 * The lock is taken at commit, after every row lock the transaction will
 * take, and the lock holder only reads before it commits: waiting for it
 * never closes a cycle with row locks, so single-statement writes cannot
 * deadlock.  When one transaction writes several calendars, it locks them
 * all in key order at its first check (the BEFORE trigger notes which), so
 * two such transactions do not deadlock on each other's locks either.
 *
 * IDENTIFICATION
 *	  src/calendar_triggers.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "calendar_def.h"
#include "calendar_store.h"
#include "holiday_store.h"
#include "icu_locale.h"
#include "sla.h"
#include "status_report.h"
#include "time_zone.h"

/* First key of the advisory locks that serialise writes to one calendar. */
#define SLA_ADVISORY_LOCK_CLASS 0x534C41	/* "SLA" */

/* How a trigger function may be used. */
typedef enum TriggerUse
{
	USE_ROW_BEFORE,				/* BEFORE ... FOR EACH ROW, one argument */
	USE_ROW_AFTER,				/* AFTER ... FOR EACH ROW, one argument */
	USE_ANY						/* any trigger */
} TriggerUse;

/* Check the trigger protocol: how this trigger function may be used. */
static TriggerData *
check_trigger_call(FunctionCallInfo fcinfo, TriggerUse use)
{
	TriggerData *trigdata = sla_trigger_data(fcinfo);

	if (use == USE_ROW_BEFORE &&
		(!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		 !TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		 TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) ||
		 trigdata->tg_trigger->tgnargs != 1))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("calendar validation must be a BEFORE row trigger with one argument")));
	if (use == USE_ROW_AFTER &&
		(!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		 !TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		 TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) ||
		 trigdata->tg_trigger->tgnargs != 1))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("calendar neighbour check must be an AFTER row trigger with one argument")));
	return trigdata;
}

/* Raise 39P01 for a trigger argument that names no table we know. */
static void
report_bad_argument(const char *kind)
{
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("invalid calendar trigger argument \"%s\"", kind),
			 errhint("Use \"calendar\" or \"exception\".")));
}

/* The text value of column attname, or NULL, also when there is no such column. */
static char *
column_text_opt(TriggerData *trigdata, HeapTuple tuple, const char *attname)
{
	TupleDesc	tupdesc = RelationGetDescr(trigdata->tg_relation);
	int			attnum = SPI_fnumber(tupdesc, attname);

	return attnum > 0 ? SPI_getvalue(tuple, tupdesc, attnum) : NULL;
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

/* The date in column "day" of tuple; false when it is null. */
static bool
column_day(TriggerData *trigdata, HeapTuple tuple, DateADT *day)
{
	TupleDesc	tupdesc = RelationGetDescr(trigdata->tg_relation);
	int			attnum = SPI_fnumber(tupdesc, "day");
	bool		isnull = true;
	Datum		value = (Datum) 0;

	if (attnum > 0)
		value = SPI_getbinval(tuple, tupdesc, attnum, &isnull);
	if (!isnull)
		*day = DatumGetDateADT(value);
	return !isnull;
}

/* ---- the advisory locks of calendar writers ---- */

/*
 * The calendars this transaction wrote, by lock key: keys[0 .. nlocked)
 * are locked, the rest are still to lock.  Kept in TopTransactionContext;
 * lxid tells whether they belong to the current transaction.
 */
typedef struct WriterLocks
{
	LocalTransactionId lxid;
	int			n;
	int			nlocked;
	int			max;
	int32	   *keys;
} WriterLocks;

static WriterLocks writer_locks;

/* The second key of the advisory lock of calendar name. */
static int32
calendar_lock_key(const char *name)
{
	return (int32) hash_bytes((const unsigned char *) name, strlen(name));
}

/* Remember that this transaction writes calendar name (BEFORE triggers). */
static void
note_calendar_write(const char *name)
{
	int32		key = calendar_lock_key(name);
	int			i;

	if (writer_locks.lxid != MyProc->lxid || writer_locks.keys == NULL)
	{
		writer_locks.lxid = MyProc->lxid;
		writer_locks.n = writer_locks.nlocked = 0;
		writer_locks.max = 8;
		writer_locks.keys = MemoryContextAlloc(TopTransactionContext,
											   writer_locks.max * sizeof(int32));
	}
	for (i = 0; i < writer_locks.n; i++)
		if (writer_locks.keys[i] == key)
			return;
	if (writer_locks.n >= writer_locks.max)
	{
		writer_locks.max *= 2;
		writer_locks.keys = repalloc(writer_locks.keys, writer_locks.max * sizeof(int32));
	}
	writer_locks.keys[writer_locks.n++] = key;
}

/* qsort comparator for lock keys. */
static int
compare_keys(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

/* Take the transaction-level advisory lock with second key key. */
static void
lock_key(int32 key)
{
	DirectFunctionCall2(pg_advisory_xact_lock_int4,
						Int32GetDatum(SLA_ADVISORY_LOCK_CLASS),
						Int32GetDatum(key));
}

/*
 * Lock calendar name for the neighbour check, until transaction end.
 * First every calendar noted and not yet locked, in key order; a calendar
 * that was not noted (its BEFORE trigger disabled) is locked after them.
 */
static void
lock_calendar(const char *name)
{
	if (writer_locks.lxid == MyProc->lxid && writer_locks.nlocked < writer_locks.n)
	{
		int			i;

		qsort(writer_locks.keys + writer_locks.nlocked,
			  writer_locks.n - writer_locks.nlocked, sizeof(int32), compare_keys);
		for (i = writer_locks.nlocked; i < writer_locks.n; i++)
			lock_key(writer_locks.keys[i]);
		writer_locks.nlocked = writer_locks.n;
	}
	/* held already in the common case, which costs no wait */
	lock_key(calendar_lock_key(name));
}

/* ---- the neighbour check ---- */

/*
 * Read calendar name's definition for dates first to last, with the newest
 * snapshot (newest) or the transaction's own, both showing this
 * transaction's changes.  False when there is nothing to check (the
 * calendar is gone, or its stored weekly hours do not parse).
 */
static bool
read_for_check(const char *name, DateADT first, DateADT last, bool newest,
			   SlaCalendarDef *def)
{
	bool		found;

	/* make this statement's own rows visible to the snapshot */
	CommandCounterIncrement();
	if (newest)
		PushActiveSnapshot(GetLatestSnapshot());
	else
	{
		PushCopiedSnapshot(GetTransactionSnapshot());
		UpdateActiveSnapshotCommandId();
	}
	found = sla_calendar_store_read(name, first, last, false, NULL, def, NULL, NULL);
	PopActiveSnapshot();
	return found;
}

/*
 * Raise the error for an overlap between dates later - 1 and later of
 * calendar name, found with the newest snapshot: 40001 if this transaction
 * uses one snapshot throughout and the overlap is not there in it, else
 * 22023.
 */
static void
report_overlap(const char *name, DateADT later)
{
	if (IsolationUsesXactSnapshot())
	{
		SlaCalendarDef def;
		int32		x;

		if (!read_for_check(name, later - 1, later, false, &def) ||
			!sla_calendar_def_find_overlap(&def, later, later, &x))
			ereport(ERROR,
					(errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
					 errmsg("could not serialize access due to a concurrent change of calendar \"%s\"",
							name),
					 errdetail("With a change committed after this transaction took its snapshot, the open hours on %s and %s would overlap.",
							   sla_format_date(later - 1), sla_format_date(later)),
					 errhint("The transaction might succeed if retried.")));
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("calendar \"%s\" would have overlapping open hours on %s and %s",
					name, sla_format_date(later - 1), sla_format_date(later)),
			 errdetail("A range of the earlier date runs past midnight into the first range of the later one."),
			 errhint("Change the exception hours so that the ranges touch at most.")));
}

/*
 * Check that the hours of calendar name on date day, as stored now, fit
 * those of the day before and the day after.  Nothing to check for a date
 * no calendar can hold (a row written with the triggers disabled).
 */
static void
check_date(const char *name, DateADT day)
{
	SlaCalendarDef def;
	int32		later;

	if (!sla_calendar_day_supported(day))
		return;
	lock_calendar(name);
	if (read_for_check(name, day - 1, day + 1, true, &def) &&
		sla_calendar_def_find_overlap(&def, day, day + 1, &later))
		report_overlap(name, later);
}

/*
 * Check every exception of calendar name against the dates around it, as
 * stored now: its weekly hours changed.  (Weekly hours cannot overlap
 * among themselves; the parser checks the week round.)
 */
static void
check_all_exceptions(const char *name)
{
	SlaCalendarDef def;
	int32		later;
	int			i;

	lock_calendar(name);
	if (!read_for_check(name, DATEVAL_NOBEGIN, DATEVAL_NOEND, true, &def))
		return;
	for (i = 0; i < def.nexceptions; i++)
	{
		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
		if (sla_calendar_def_find_overlap(&def, def.exc_days[i], def.exc_days[i] + 1, &later))
			report_overlap(name, later);
	}
}

/* ---- BEFORE row validation ---- */

/*
 * An exception's date must be one the engine can compute with: 22008
 * outside the supported years.
 */
static void
validate_exception_day(TriggerData *trigdata, HeapTuple tuple, DateADT day)
{
	if (!sla_calendar_day_supported(day))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("exception date out of range: \"%s\"",
						column_text(trigdata, tuple, "day")),
				 errdetail("Calendars cover the years %d to %d.",
						   SLA_MIN_YEAR, SLA_MAX_YEAR)));
}

/*
 * Every element of a calendar's holidays column must name an existing
 * holiday region: 22004 for a null element, 42704 for an unknown code.
 * (A 0.1.0 table has no such column: nothing to check.)
 */
static void
validate_holidays(TriggerData *trigdata, HeapTuple tuple)
{
	TupleDesc	tupdesc = RelationGetDescr(trigdata->tg_relation);
	int			attnum = SPI_fnumber(tupdesc, "holidays");
	bool		isnull;
	Datum		value;
	Datum	   *elems;
	bool	   *nulls;
	int			nelems,
				i;

	if (attnum <= 0)
		return;
	value = SPI_getbinval(tuple, tupdesc, attnum, &isnull);
	if (isnull)
		return;					/* the column is NOT NULL */
	deconstruct_array(DatumGetArrayTypeP(value), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &nelems);
	for (i = 0; i < nelems; i++)
	{
		char	   *code;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("holiday region of a calendar must not be null")));
		code = TextDatumGetCString(elems[i]);
		if (!sla_holiday_region_exists(code))
			sla_holiday_report_missing(code);
	}
}

/*
 * Validate a row of sla.calendar (argument 'calendar') or
 * sla.calendar_exception (argument 'exception') on its own: the time zone
 * must be a known zone name (22023), the holiday regions must exist
 * (42704), hours must parse (22P02) without
 * overlaps within the row (22023) or too many ranges (54000), and an
 * exception's date must be one the engine can compute with (22008).  It
 * also notes the calendars the row writes, for the neighbour check to lock
 * in order at commit.  A deleted row is not checked.
 */
PG_FUNCTION_INFO_V1(sla_calendar_validate_trigger);
Datum
sla_calendar_validate_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = check_trigger_call(fcinfo, USE_ROW_BEFORE);
	bool		deleting = TRIGGER_FIRED_BY_DELETE(trigdata->tg_event);
	bool		updating = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	HeapTuple	tuple = updating ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	const char *kind = trigdata->tg_trigger->tgargs[0];
	SlaHoursError err;
	char	   *hours;
	char	   *name;

	if (strcmp(kind, "calendar") == 0)
	{
		SlaWeeklyHours weekly;
		char	   *time_zone;
		char	   *locale;

		/* a deleted calendar takes its exceptions along: nothing to check */
		if (deleting)
			return PointerGetDatum(tuple);
		time_zone = column_text(trigdata, tuple, "time_zone");
		if (time_zone != NULL)
			sla_check_time_zone_name(time_zone);
		/* a 0.1.0 table has no locale column: its calendars are en_US */
		locale = column_text_opt(trigdata, tuple, "locale");
		hours = column_text(trigdata, tuple, "hours");
		if (hours != NULL &&
			!sla_parse_weekly_hours(hours,
									sla_calendar_locale_weekdays(locale ? locale : SLA_DEFAULT_LOCALE),
									&weekly, &err))
			sla_report_hours_error(hours, &err, false);
		validate_holidays(trigdata, tuple);
		/* new weekly hours are checked against the exceptions at commit */
		name = column_text(trigdata, tuple, "name");
		if (updating && name != NULL)
			note_calendar_write(name);
	}
	else if (strcmp(kind, "exception") == 0)
	{
		SlaDayHours day_hours;
		DateADT		day;

		if (!deleting)
		{
			if (column_day(trigdata, tuple, &day))
				validate_exception_day(trigdata, tuple, day);
			hours = column_text(trigdata, tuple, "hours");
			if (hours != NULL && !sla_parse_day_hours(hours, &day_hours, &err))
				sla_report_hours_error(hours, &err, true);
			name = column_text(trigdata, tuple, "calendar");
			if (name != NULL)
				note_calendar_write(name);
		}
		if (deleting || updating)
		{
			name = column_text(trigdata, trigdata->tg_trigtuple, "calendar");
			if (name != NULL)
				note_calendar_write(name);
		}
	}
	else
		report_bad_argument(kind);

	return PointerGetDatum(tuple);
}

/* ---- the deferred neighbour check ---- */

/*
 * Deferred constraint trigger (AFTER INSERT OR UPDATE OR DELETE ... FOR
 * EACH ROW) of sla.calendar_exception (argument 'exception'): the dates the
 * row changed, the new row's and the old row's, must not overlap the dates
 * before and after them, as stored at commit.  A deleted (or moved) date
 * gets its weekly hours back, which must fit too.  Of sla.calendar
 * (argument 'calendar', AFTER UPDATE): new weekly hours must fit around
 * the calendar's exceptions.  Raises 22023, or 40001 when the overlap comes
 * from a change this transaction's snapshot does not show.
 */
PG_FUNCTION_INFO_V1(sla_calendar_check_trigger);
Datum
sla_calendar_check_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = check_trigger_call(fcinfo, USE_ROW_AFTER);
	bool		inserting = TRIGGER_FIRED_BY_INSERT(trigdata->tg_event);
	bool		updating = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	HeapTuple	newtuple = updating ? trigdata->tg_newtuple :
		inserting ? trigdata->tg_trigtuple : NULL;
	HeapTuple	oldtuple = inserting ? NULL : trigdata->tg_trigtuple;
	const char *kind = trigdata->tg_trigger->tgargs[0];

	if (strcmp(kind, "calendar") == 0)
	{
		char	   *name;
		char	   *old_hours;
		char	   *new_hours;

		/* a new calendar has no exceptions; a deleted one takes them along */
		if (!updating)
			return PointerGetDatum(NULL);
		name = column_text(trigdata, newtuple, "name");
		old_hours = column_text(trigdata, oldtuple, "hours");
		new_hours = column_text(trigdata, newtuple, "hours");
		if (name != NULL && new_hours != NULL &&
			(old_hours == NULL || strcmp(old_hours, new_hours) != 0))
			check_all_exceptions(name);
	}
	else if (strcmp(kind, "exception") == 0)
	{
		char	   *new_name = NULL;
		char	   *old_name = NULL;
		DateADT		new_day = 0;
		DateADT		old_day = 0;
		bool		has_new = false;
		bool		has_old = false;

		if (newtuple != NULL)
		{
			new_name = column_text(trigdata, newtuple, "calendar");
			has_new = new_name != NULL && column_day(trigdata, newtuple, &new_day);
		}
		if (oldtuple != NULL)
		{
			old_name = column_text(trigdata, oldtuple, "calendar");
			has_old = old_name != NULL && column_day(trigdata, oldtuple, &old_day);
		}
		/* lock both calendars before reading either */
		if (has_new)
			lock_calendar(new_name);
		if (has_old)
			lock_calendar(old_name);
		if (has_new)
			check_date(new_name, new_day);
		if (has_old && !(has_new && old_day == new_day && strcmp(old_name, new_name) == 0))
			check_date(old_name, old_day);
	}
	else
		report_bad_argument(kind);

	return PointerGetDatum(NULL);
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
	TriggerData *trigdata = check_trigger_call(fcinfo, USE_ANY);

	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	return PointerGetDatum(NULL);
}
