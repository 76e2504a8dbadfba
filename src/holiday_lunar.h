/*-------------------------------------------------------------------------
 *
 * holiday_lunar.h
 *	  The dates of holiday rules in another calendar (Chinese lunar, the
 *	  Qingming solar term, Umm al-Qura), computed once for every year they
 *	  can be, with the official corrections applied, for the holiday store
 *	  to hand to the pure evaluator (holiday_rules.h) as the rule's dates.
 *
 * Precomputing keeps holiday_rules.c free of ICU and of the tables: the
 * evaluator treats these rules like dated ones.  A rule answers for the
 * Gregorian years ICU's conversions and the solar-term code were checked
 * for (SLA_LUNAR_MIN_YEAR to SLA_LUNAR_MAX_YEAR); sla.holidays() reports
 * the years outside them as unknown.  No backend calls; ICU failures come
 * back as status codes.
 *
 * IDENTIFICATION
 *	  src/holiday_lunar.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef HOLIDAY_LUNAR_H
#define HOLIDAY_LUNAR_H

#include "holiday_rules.h"
#include "icu_calendar.h"

/* Room for the dates of one rule: two a year, plus the years either side. */
#define SLA_LUNAR_RULE_MAX_DATES \
	(SLA_LUNAR_MAX_DATES * (SLA_LUNAR_MAX_YEAR - SLA_LUNAR_MIN_YEAR + 3))

/* An official first day of a lunar month (a row of sla.lunar_correction). */
typedef struct SlaLunarCorrection
{
	int			depth;			/* the region's depth in the set's chain */
	SlaLunarSystem system;
	int			lunar_year;		/* as SlaLunarDate.lunar_year */
	int			month;
	int32_t		first_day;		/* days since 2000-01-01 */
} SlaLunarCorrection;

extern SlaIcuStatus sla_holiday_rule_dates(const SlaHolidayRule *rule,
										   const SlaLunarCorrection *corrections,
										   int ncorrections, int32_t *dates,
										   int *ndates, int *known_first,
										   int *known_last, SlaIcuError *err);

#endif							/* HOLIDAY_LUNAR_H */
