/*-------------------------------------------------------------------------
 *
 * holiday_lunar.c
 *	  Compute the base dates of a chinese_lunar, solar_term or hijri
 *	  holiday rule for every year it can answer for, correcting ICU's
 *	  lunar months where the region's authority declared another first
 *	  day (sla.lunar_correction, read by the holiday store).
 *
 * A correction moves the whole month: the rule's day d of that month is
 * first_day + d - 1.  A corrected date can cross into the next or the
 * previous Gregorian year, so the lunar dates of the years either side are
 * converted too, and only dates in the rule's years are kept.  Bounded:
 * at most SLA_LUNAR_RULE_MAX_DATES dates per rule.
 *
 * IDENTIFICATION
 *	  src/holiday_lunar.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>

#include "calendar_dates.h"
#include "holiday_lunar.h"
#include "solar_term.h"

/* Order dates ascending (qsort). */
static int
compare_dates(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a;
	int32_t		y = *(const int32_t *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* The official first day of a lunar month for a rule, if corrected. */
static bool
corrected_first_day(const SlaLunarCorrection *c, int n, int depth,
					SlaLunarSystem system, int lunar_year, int month,
					int32_t *first_day)
{
	int			i;

	for (i = 0; i < n; i++)
		if (c[i].depth == depth && c[i].system == system &&
			c[i].lunar_year == lunar_year && c[i].month == month)
		{
			*first_day = c[i].first_day;
			return true;
		}
	return false;
}

/*
 * The base dates (before offset and duration) of rule, a chinese_lunar,
 * solar_term or hijri rule, in its years that lie in SLA_LUNAR_MIN_YEAR to
 * SLA_LUNAR_MAX_YEAR, ascending and distinct, into dates (room for
 * SLA_LUNAR_RULE_MAX_DATES); *known_first and *known_last are the years
 * they cover (empty when *known_first > *known_last).  The corrections of
 * the rule's own region apply.  Returns what ICU reports.
 */
SlaIcuStatus
sla_holiday_rule_dates(const SlaHolidayRule *rule, const SlaLunarCorrection *corrections,
					   int ncorrections, int32_t *dates, int *ndates,
					   int *known_first, int *known_last, SlaIcuError *err)
{
	int			a = rule->first_year > SLA_LUNAR_MIN_YEAR ? rule->first_year : SLA_LUNAR_MIN_YEAR;
	int			b = rule->last_year < SLA_LUNAR_MAX_YEAR ? rule->last_year : SLA_LUNAR_MAX_YEAR;
	SlaLunarSystem system = rule->rule == SLA_RULE_HIJRI ? SLA_LUNAR_UMALQURA : SLA_LUNAR_CHINESE;
	int			n = 0,
				kept = 0,
				y,
				i;

	*ndates = 0;
	*known_first = a;
	*known_last = b;
	if (a > b)
		return SLA_ICU_OK;
	if (rule->rule == SLA_RULE_SOLAR_TERM)
	{
		for (y = a; y <= b; y++)
			dates[n++] = sla_solar_term_day(y, SLA_QINGMING_LONGITUDE, SLA_CHINA_UTC_OFFSET);
		*ndates = n;
		return SLA_ICU_OK;
	}

	for (y = a > SLA_LUNAR_MIN_YEAR ? a - 1 : a; y <= b + 1 && y <= SLA_LUNAR_MAX_YEAR; y++)
	{
		SlaLunarDate found[SLA_LUNAR_MAX_DATES];
		int			nfound;
		SlaIcuStatus st;

		st = sla_icu_lunar_dates(system, y, rule->month, rule->day, found, &nfound, err);
		if (st != SLA_ICU_OK)
			return st;
		for (i = 0; i < nfound && n < SLA_LUNAR_RULE_MAX_DATES; i++)
		{
			int32_t		first_day;
			int32_t		d = found[i].day;

			if (corrected_first_day(corrections, ncorrections, rule->depth, system,
									found[i].lunar_year, rule->month, &first_day))
				d = first_day + rule->day - 1;
			if (sla_day_year(d) >= a && sla_day_year(d) <= b)
				dates[n++] = d;
		}
	}
	qsort(dates, n, sizeof(int32_t), compare_dates);
	for (i = 0; i < n; i++)
		if (kept == 0 || dates[kept - 1] != dates[i])
			dates[kept++] = dates[i];
	*ndates = kept;
	return SLA_ICU_OK;
}
