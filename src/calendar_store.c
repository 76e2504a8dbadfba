/*-------------------------------------------------------------------------
 *
 * calendar_store.c
 *	  The only code that reads sla.calendar and sla.calendar_exception.
 *
 * A calendar's holiday regions (column holidays) are read through the
 * holiday store (holiday_store.c), which alone reads the holiday tables;
 * the calendar store lists those tables too (sla.lunar_correction
 * included, which moves lunar holidays), so that a changed rule, override
 * or correction recompiles the calendars that use it.
 *
 * Two readers share one query pair: the loader of compiled calendars,
 * which the per-backend cache of store_cache.c calls (with the newest
 * snapshot, or the statement's in parallel mode; see store_cache.h for
 * invalidation and lifetimes), and the neighbour checks of the write
 * triggers, which read part of a definition with the snapshot they choose.
 * Both read with the active snapshot.
 *
 * IDENTIFICATION
 *	  src/calendar_store.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"

#include "calendar_store.h"
#include "icu_locale.h"
#include "holiday_store.h"
#include "status_report.h"
#include "sla_tables.h"
#include "store_cache.h"

static void *load_calendar(const char *name, MemoryContext *mcxt);
static void report_missing_calendar(const char *name);

/* Compiled calendars, by name, built from the calendar and holiday tables. */
static SlaStore calendar_store = {
	.name = "calendar",
	.ntables = 7,
	.tables = {SLA_CALENDAR_TABLE, SLA_CALENDAR_EXCEPTION_TABLE,
		SLA_HOLIDAY_REGION_TABLE, SLA_HOLIDAY_RULE_TABLE, SLA_HOLIDAY_DATE_TABLE,
	SLA_HOLIDAY_OVERRIDE_TABLE, SLA_LUNAR_CORRECTION_TABLE},
	.key_maxlen = SLA_CALENDAR_NAME_MAXLEN,
	.load = load_calendar,
	.missing = report_missing_calendar,
};

/* Register the calendar cache; called once from _PG_init. */
void
sla_calendar_store_init(void)
{
	sla_store_register(&calendar_store);
}

/* Raise 42704 for a calendar name without a row. */
static void
report_missing_calendar(const char *name)
{
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_OBJECT),
			 errmsg("calendar \"%s\" does not exist", name),
			 errhint("Calendars are rows of %s.", SLA_CALENDAR_QUALIFIED)));
}

/*
 * The region codes of a calendar's holidays column (text[]), as C strings
 * in the current context; null elements are left out (the write check
 * refuses them).
 */
static void
read_regions(HeapTuple tup, TupleDesc desc, int col, char ***regions, int *nregions)
{
	bool		isnull;
	Datum		value = SPI_getbinval(tup, desc, col, &isnull);
	Datum	   *elems;
	bool	   *nulls;
	int			nelems,
				i;

	if (isnull)
		return;
	deconstruct_array(DatumGetArrayTypeP(value), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &nelems);
	*regions = palloc(Max(nelems, 1) * sizeof(char *));
	for (i = 0; i < nelems; i++)
		if (!nulls[i])
			(*regions)[(*nregions)++] = TextDatumGetCString(elems[i]);
}

/* Is day a date a calendar can hold: finite, in the supported years? */
bool
sla_calendar_day_supported(DateADT day)
{
	return !DATE_NOT_FINITE(day) &&
		day >= sla_year_first_day(SLA_MIN_YEAR) &&
		day < sla_year_first_day(SLA_MAX_YEAR + 1);
}

/*
 * The weekdays mask of the hours grammar for locale: the days outside its
 * weekend in ICU's week data.  22023 for a locale ICU has no data for.
 */
uint8
sla_calendar_locale_weekdays(const char *locale)
{
	bool		weekend[7];
	SlaIcuError err;
	SlaIcuStatus st;
	uint8		mask = 0;
	int			d;

	st = sla_icu_locale_weekend(locale, weekend, &err);
	if (st != SLA_ICU_OK)
		sla_report_icu_status(st, &err, locale, 0);
	for (d = 0; d < 7; d++)
		if (!weekend[d])
			mask |= SLA_WEEKDAY_BIT(d);
	return mask;
}

/* The text of column attname of the calendar row read, NULL if no such column. */
static char *
row_column(const char *attname)
{
	int			attnum = SPI_fnumber(SPI_tuptable->tupdesc, attname);

	if (attnum <= 0)
		return NULL;
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, attnum);
}

/*
 * Read calendar name with the active snapshot (the caller picks it): its
 * time zone (if time_zone is not NULL), its holiday regions (if regions is
 * not NULL: *nregions codes, none in a 0.1.0 table without the column), its
 * weekly hours (where "weekdays" means the days outside the weekend of its
 * locale), and its exceptions dated first to last, into def; the arrays are
 * allocated in the caller's memory context.
 *
 * strict (to compile the calendar): a missing calendar raises 42704, and
 * stored rows that the write checks would have refused raise their error
 * (22P02, 22023, 54000; 22008 for a date outside the supported years).
 * Otherwise (for the write checks, which must not fail on rows they do not
 * write): returns false when the calendar is missing or its weekly hours do
 * not parse, and leaves out exceptions that do not parse or are out of
 * range, as if their date had its weekly hours.
 */
bool
sla_calendar_store_read(const char *name, DateADT first, DateADT last,
						bool strict, char **time_zone, SlaCalendarDef *def,
						char ***regions, int *nregions)
{
	MemoryContext caller = CurrentMemoryContext;
	Datum		arg[3];
	Oid			argtype[3] = {TEXTOID, DATEOID, DATEOID};
	char	   *hours;
	char	   *locale;
	SlaHoursError err;
	int32	   *days;
	int32	   *first_range;
	SlaTimeRange *ranges;
	int			nranges = 0;
	int			maxranges;
	SlaDayHours exc_hours;
	SlaIcuError icu_err;
	int			nexc = 0;
	uint64		i;
	int			ret;

	memset(def, 0, sizeof(*def));
	arg[0] = CStringGetTextDatum(name);
	arg[1] = DateADTGetDatum(first);
	arg[2] = DateADTGetDatum(last);
	if ((ret = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(ret));

	/* all columns: a 0.1.0 table has no locale column */
	if (regions != NULL)
	{
		*regions = NULL;
		*nregions = 0;
	}
	ret = SPI_execute_with_args("SELECT * FROM " SLA_CALENDAR_QUALIFIED
								" WHERE name OPERATOR(pg_catalog.=) $1",
								1, argtype, arg, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read %s: %s", SLA_CALENDAR_QUALIFIED,
			 SPI_result_code_string(ret));
	if (SPI_processed == 0)
	{
		if (strict)
			report_missing_calendar(name);
		SPI_finish();
		return false;
	}
	{
		MemoryContext spi = MemoryContextSwitchTo(caller);
		HeapTuple	tup = SPI_tuptable->vals[0];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		int			holidays_col = SPI_fnumber(desc, "holidays");

		if (time_zone != NULL)
			*time_zone = row_column("time_zone");
		hours = row_column("hours");
		if (regions != NULL && holidays_col > 0)
			read_regions(tup, desc, holidays_col, regions, nregions);
		/* the column is NOT NULL; should that be dropped, null is no hours */
		if (hours == NULL)
			hours = pstrdup("");
		locale = row_column("locale");
		if (locale == NULL)
			locale = pstrdup(SLA_DEFAULT_LOCALE);
		MemoryContextSwitchTo(spi);
	}

	ret = SPI_execute_with_args("SELECT day, hours FROM " SLA_CALENDAR_EXCEPTION_QUALIFIED
								" WHERE calendar OPERATOR(pg_catalog.=) $1"
								" AND day OPERATOR(pg_catalog.>=) $2"
								" AND day OPERATOR(pg_catalog.<=) $3 ORDER BY day",
								3, argtype, arg, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read %s: %s", SLA_CALENDAR_EXCEPTION_QUALIFIED,
			 SPI_result_code_string(ret));
	if (SPI_processed >= (uint64) (MaxAllocSize / sizeof(SlaTimeRange) / 4))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("calendar \"%s\" has too many exceptions", name)));
	days = MemoryContextAlloc(caller, Max(SPI_processed, 1) * sizeof(int32));
	first_range = MemoryContextAlloc(caller, (SPI_processed + 1) * sizeof(int32));
	maxranges = Max((int) SPI_processed * 2, 16);
	ranges = MemoryContextAlloc(caller, maxranges * sizeof(SlaTimeRange));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		bool		isnull;
		Datum		day = SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull);
		char	   *text = SPI_getvalue(tup, SPI_tuptable->tupdesc, 2);

		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
		if (isnull || !sla_calendar_day_supported(DatumGetDateADT(day)))
		{
			if (!strict)
				continue;
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("exception date of calendar \"%s\" out of range", name),
					 isnull ? 0 :
					 errdetail("The stored date %s lies outside the years %d to %d.",
							   SPI_getvalue(tup, SPI_tuptable->tupdesc, 1),
							   SLA_MIN_YEAR, SLA_MAX_YEAR)));
		}
		if (text == NULL)
			exc_hours.nranges = 0;
		else if (!sla_parse_day_hours(text, &exc_hours, &err))
		{
			if (!strict)
				continue;
			sla_report_hours_error(text, &err, true);
		}
		/* keep the ranges compact: a few per exception, not a day's room */
		if (nranges + exc_hours.nranges > maxranges)
		{
			maxranges = Max(maxranges * 2, nranges + exc_hours.nranges);
			if ((Size) maxranges * sizeof(SlaTimeRange) > MaxAllocSize)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("calendar \"%s\" has too many exceptions", name)));
			ranges = repalloc(ranges, maxranges * sizeof(SlaTimeRange));
		}
		memcpy(ranges + nranges, exc_hours.ranges,
			   exc_hours.nranges * sizeof(SlaTimeRange));
		first_range[nexc] = nranges;
		nranges += exc_hours.nranges;
		days[nexc++] = DatumGetDateADT(day);
	}
	if ((ret = SPI_finish()) != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed: %s", SPI_result_code_string(ret));

	if (!strict && sla_icu_check_locale(locale, &icu_err) != SLA_ICU_OK)
	{
		pfree(days);
		pfree(first_range);
		pfree(ranges);
		return false;
	}
	if (!sla_parse_weekly_hours(hours, sla_calendar_locale_weekdays(locale),
								&def->weekly, &err))
	{
		if (!strict)
		{
			pfree(days);
			pfree(first_range);
			pfree(ranges);
			return false;
		}
		sla_report_hours_error(hours, &err, false);
	}
	first_range[nexc] = nranges;
	def->nexceptions = nexc;
	def->exc_days = days;
	def->exc_first = first_range;
	def->exc_ranges = ranges;
	return true;
}

/*
 * The store's load callback: read every row of calendar name and compile
 * its definition.  The calendar lives in its own context, returned in
 * *mcxt, under the caller's.
 */
static void *
load_calendar(const char *name, MemoryContext *mcxt)
{
	SlaCalendarDef def;
	char	   *time_zone;
	char	  **codes;
	int			ncodes;
	MemoryContext regions_cxt = NULL;
	SlaHolidaySet **regions = NULL;
	SlaCalendar *cal;
	SlaStatus	st;

	sla_calendar_store_read(name, DATEVAL_NOBEGIN, DATEVAL_NOEND, true, &time_zone, &def,
							&codes, &ncodes);
	if (ncodes > 0)
	{
		/* the regions' rules, kept with the calendar, which compiles them */
		MemoryContext old;
		int			i;

		regions_cxt = AllocSetContextCreate(CurrentMemoryContext, "sla calendar regions",
											ALLOCSET_SMALL_SIZES);
		old = MemoryContextSwitchTo(regions_cxt);
		regions = palloc(ncodes * sizeof(SlaHolidaySet *));
		for (i = 0; i < ncodes; i++)
			if ((regions[i] = sla_holiday_store_read(codes[i])) == NULL)
				sla_holiday_report_missing(codes[i]);
		MemoryContextSwitchTo(old);
	}
	st = sla_calendar_build(name, time_zone, &def, regions, ncodes, &cal);
	if (st != SLA_OK)
		sla_report_status(st, name, time_zone, 0);
	if (regions_cxt != NULL)
		MemoryContextSetParent(regions_cxt, cal->mcxt);
	pfree(unconstify(int32_t *, def.exc_days));
	pfree(unconstify(int32_t *, def.exc_first));
	pfree(unconstify(SlaTimeRange *, def.exc_ranges));
	*mcxt = cal->mcxt;
	return cal;
}

/*
 * The calendar named by argument argno of a function call, from the cache
 * (see store_cache.h for when a change is seen).
 */
SlaCalendar *
sla_calendar_for_call(FunctionCallInfo fcinfo, int argno)
{
	return (SlaCalendar *) sla_store_lookup_arg(&calendar_store, fcinfo, argno);
}

/*
 * The compiled calendar named name (len bytes), for a call site that keeps
 * the lookup's memory in *site (NULL at first, as long-lived as flinfo).
 */
SlaCalendar *
sla_calendar_for_name(FmgrInfo *flinfo, void **site, const char *name, int len)
{
	return (SlaCalendar *) sla_store_lookup_key(&calendar_store, site, flinfo,
												name, len, false);
}

/* The slot of slots that holds calendar name, taking one in turn if none does. */
int
sla_calendar_slot(SlaCalendarSlots *slots, const char *name)
{
	int			i;

	for (i = 0; i < SLA_CALENDAR_SLOTS; i++)
		if (slots->slot[i] != NULL && strcmp(slots->name[i], name) == 0)
			return i;
	i = slots->next;
	slots->next = (i + 1) % SLA_CALENDAR_SLOTS;
	/* a slot remembers one key at a time: a new key just reloads it */
	strlcpy(slots->name[i], name, sizeof(slots->name[i]));
	slots->len[i] = strlen(slots->name[i]);
	slots->gen[i]++;
	return i;
}

/* The compiled calendar of slot i (checked against changes by the store). */
SlaCalendar *
sla_calendar_in_slot(SlaCalendarSlots *slots, FmgrInfo *flinfo, int i)
{
	return sla_calendar_for_name(flinfo, &slots->slot[i], slots->name[i], slots->len[i]);
}
