/*-------------------------------------------------------------------------
 *
 * holidays.c
 *	  sla.holidays(region, from_date, to_date): the days of a holiday
 *	  region, from the holiday store, evaluated by holiday_rules.c.
 *
 * IDENTIFICATION
 *	  src/holidays.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "calendar_dates.h"
#include "calendar_store.h"
#include "holiday_store.h"
#include "icu_calendar.h"

/* The SQL name of a day kind. */
static const char *
day_kind_name(SlaDayKind kind)
{
	switch (kind)
	{
		case SLA_DAY_HALF_DAY:
			return "half_day";
		case SLA_DAY_WORKING_DAY:
			return "working_day";
		default:
			return "holiday";
	}
}

/* Raise 22008 unless day is a finite date of the supported years. */
static void
check_day(DateADT day, const char *argname)
{
	if (!sla_calendar_day_supported(day))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s out of range", argname),
				 errdetail("Holidays cover the years %d to %d.", SLA_MIN_YEAR, SLA_MAX_YEAR)));
}

/*
 * NOTICE for every rule of set whose days in a year of [y0, y1] are not
 * known and that no rule of its name covers: a dated rule whose published
 * dates end before it, or a lunar or solar-term rule outside the years
 * its dates are computed for.  Its days there are unknown, not absent.
 */
static void
notice_unpublished(const SlaHolidaySet *set, int y0, int y1)
{
	bool	   *told = palloc0(Max(set->nrules, 1) * sizeof(bool));
	int			y,
				i;

	for (y = y0; y <= y1; y++)
	{
		i = -1;
		while ((i = sla_holidays_unpublished(set, y, i + 1)) >= 0)
		{
			const SlaHolidayRule *r = &set->rules[i];

			if (told[i])
				continue;
			told[i] = true;
			if (r->rule == SLA_RULE_DATED)
				ereport(NOTICE,
						(errmsg("dates of holiday \"%s\" of region \"%s\" are published only up to %d",
								r->name, set->region, r->last_year),
						 errdetail("Its days after %d are not included.", r->last_year),
						 errhint("Add the dates once they are published: a dated rule of the same name in %s.",
								 "sla.holiday_rule")));
			else
				ereport(NOTICE,
						(errmsg("dates of holiday \"%s\" of region \"%s\" are computed only for the years %d to %d",
								r->name, set->region, SLA_LUNAR_MIN_YEAR, SLA_LUNAR_MAX_YEAR),
						 errdetail("Its days in other years are not included."),
						 errhint("Add the dates as overrides in %s.", "sla.holiday_override")));
		}
	}
	pfree(told);
}

/*
 * sla.holidays(region text, from_date date, to_date date)
 *	  RETURNS TABLE(day date, name text, kind text, closes_at time)
 * The days of region from from_date to to_date, sorted by day: 22008 for
 * a date outside the years 1 to 9999, 22023 when from_date is after
 * to_date, 54000 for more than SLA_MAX_WINDOW_YEARS years, 42704 for an
 * unknown region.
 */
PG_FUNCTION_INFO_V1(sla_holidays);
Datum
sla_holidays(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	DateADT		from = PG_GETARG_DATEADT(1);
	DateADT		to = PG_GETARG_DATEADT(2);
	SlaHolidaySet *set;
	SlaHoliday *days;
	int			capacity;
	int			y0,
				y1,
				y;

	check_day(from, "from_date");
	check_day(to, "to_date");
	if (from > to)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("from_date must not be after to_date")));
	y0 = sla_day_year(from);
	y1 = sla_day_year(to);
	if (y1 - y0 + 1 > SLA_MAX_WINDOW_YEARS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("holidays can be listed for at most %d years at a time",
						SLA_MAX_WINDOW_YEARS)));

	set = sla_holiday_set_for_call(fcinfo, 0);
	capacity = sla_holiday_year_capacity(set);
	if (capacity < 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("holiday region \"%s\" has too many rules", set->region)));
	days = palloc(capacity * sizeof(SlaHoliday));
	InitMaterializedSRF(fcinfo, 0);
	for (y = y0; y <= y1; y++)
	{
		int			n,
					i;

		CHECK_FOR_INTERRUPTS();
		if (sla_holidays_of_year(set, y, days, capacity, &n) != SLA_OK)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("holiday region \"%s\" has too many days in %d", set->region, y)));
		for (i = 0; i < n; i++)
		{
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};

			if (days[i].day < from || days[i].day > to)
				continue;
			values[0] = DateADTGetDatum(days[i].day);
			values[1] = CStringGetTextDatum(days[i].observed ?
											psprintf("%s (observed)", days[i].name) :
											days[i].name);
			values[2] = CStringGetTextDatum(day_kind_name(days[i].kind));
			values[3] = TimeADTGetDatum(days[i].closes_at);
			nulls[3] = days[i].kind != SLA_DAY_HALF_DAY;
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	notice_unpublished(set, y0, y1);
	pfree(days);
	return (Datum) 0;
}
