/*-------------------------------------------------------------------------
 *
 * holiday_rules.h
 *	  Holiday rules as data, evaluated: a region's rules (with those it
 *	  inherits from its parents) and user overrides in, the sorted days of
 *	  a year out, with their names and kinds.
 *
 * Plain C with no backend dependencies (like hours_parse.h): nothing here
 * allocates or raises.  The holiday store (holiday_store.c) fills an
 * SlaHolidaySet from the tables; sla.holidays() and the calendar compiler
 * ask it for one year at a time.  Dates are days since 2000-01-01.
 *
 * Rule kinds that need another calendar (Chinese lunar dates, the Qingming
 * solar term, Hijri dates) are evaluated from dates the store computed
 * beforehand: it asks ICU (icu_calendar.h) and the solar-term code
 * (solar_term.h) for the base date of each year the rule can answer for,
 * applies the official corrections of sla.lunar_correction, and hands them
 * over in the rule's dates array, as it does for the published dates of a
 * dated rule.  So this file stays pure (no ICU, no tables) and the cost of
 * ICU is paid once per set, not once per year asked.
 *
 * IDENTIFICATION
 *	  src/holiday_rules.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef HOLIDAY_RULES_H
#define HOLIDAY_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "sla_status.h"

/* How a rule finds its date in a year (column rule of sla.holiday_rule). */
typedef enum SlaRuleKind
{
	SLA_RULE_FIXED,				/* month, day */
	SLA_RULE_NTH_WEEKDAY,		/* nth weekday of month */
	SLA_RULE_LAST_WEEKDAY,		/* last weekday of month */
	SLA_RULE_WEEKDAY_ON_OR_AFTER,	/* first weekday on or after month/day */
	SLA_RULE_WEEKDAY_ON_OR_BEFORE,	/* last weekday on or before month/day */
	SLA_RULE_EASTER,			/* Western (Gregorian) Easter Sunday */
	SLA_RULE_ORTHODOX_EASTER,	/* Orthodox (Julian) Easter Sunday */
	SLA_RULE_DATED,				/* the published dates of the rule */
	SLA_RULE_CITIZENS_HOLIDAY,	/* a day between two holidays (JP) */
	SLA_RULE_CHINESE_LUNAR,		/* month/day of the Chinese calendar */
	SLA_RULE_SOLAR_TERM,		/* the Qingming solar term (China) */
	SLA_RULE_HIJRI				/* month/day of the Umm al-Qura calendar */
} SlaRuleKind;

/* Do a rule's dates come in its dates array (published or precomputed)? */
#define SLA_RULE_HAS_DATES(kind) \
	((kind) == SLA_RULE_DATED || (kind) == SLA_RULE_CHINESE_LUNAR || \
	 (kind) == SLA_RULE_SOLAR_TERM || (kind) == SLA_RULE_HIJRI)

/* A holiday lasts at most this many days (column duration_days). */
#define SLA_MAX_HOLIDAY_DURATION	30

/* Where a holiday that falls on a Saturday or Sunday is also observed. */
typedef enum SlaShift
{
	SLA_SHIFT_NONE,
	SLA_SHIFT_FRIDAY,			/* the Friday before */
	SLA_SHIFT_MONDAY,			/* the Monday after */
	SLA_SHIFT_NEXT_FREE_WEEKDAY,	/* the next Mon-Fri that is no holiday */
	SLA_SHIFT_NEXT_FREE_DAY		/* the next day that is no holiday */
} SlaShift;

/* Day kinds, in precedence order: the first wins where two meet. */
typedef enum SlaDayKind
{
	SLA_DAY_HOLIDAY,			/* closed */
	SLA_DAY_HALF_DAY,			/* open until closes_at */
	SLA_DAY_WORKING_DAY			/* a weekend day that is worked */
} SlaDayKind;

typedef struct SlaHolidayRule
{
	const char *name;
	int			depth;			/* 0: the region's own, 1: its parent's ... */
	bool		shadowed;		/* a nearer region has a rule of this name */
	int			first_year;
	int			last_year;		/* SLA_MAX_YEAR when open-ended */
	SlaRuleKind rule;
	int			month;			/* 1-12, or 0 */
	int			day;			/* 1-31, or 0 */
	int			weekday;		/* 0 = Sunday, or -1 */
	int			nth;			/* 1-5, or 0 */
	int			offset;			/* days added to the date found */
	int			duration;		/* days from that date on, 1 or more */
	SlaShift	on_saturday;
	SlaShift	on_sunday;
	SlaDayKind	kind;
	int64_t		closes_at;		/* half days: microseconds after midnight */
	int			ndates;			/* SLA_RULE_HAS_DATES: base dates, ascending */
	const int32_t *dates;
	int			known_first;	/* SLA_RULE_HAS_DATES: the years dates */
	int			known_last;		/* covers (dated: first_year, last_year) */
} SlaHolidayRule;

/* A user's decision for one date of a region: it wins over the rules. */
typedef struct SlaHolidayOverride
{
	int32_t		day;
	int			depth;
	bool		remove;			/* no region day that date */
	const char *name;
	SlaDayKind	kind;
	int64_t		closes_at;
} SlaHolidayOverride;

/*
 * A region with everything it inherits.  Overrides are sorted by day and,
 * within a day, parents first (depth descending), so the region's own
 * override is applied last.
 */
typedef struct SlaHolidaySet
{
	const char *region;
	int			nrules;
	SlaHolidayRule *rules;
	int			noverrides;
	const SlaHolidayOverride *overrides;
} SlaHolidaySet;

/* One day of a region. */
typedef struct SlaHoliday
{
	int32_t		day;
	const char *name;
	bool		observed;		/* the day a weekend holiday moved to */
	SlaDayKind	kind;
	int64_t		closes_at;
	int			rule;			/* its index in the set's rules; -1 for an
								 * override */
} SlaHoliday;

extern void sla_holiday_set_prepare(SlaHolidaySet *set);
extern int	sla_holiday_year_capacity(const SlaHolidaySet *set);
extern SlaStatus sla_holidays_of_year(const SlaHolidaySet *set, int year,
									  SlaHoliday *out, int capacity,
									  int *nout);
extern int	sla_holidays_unpublished(const SlaHolidaySet *set, int year,
									 int start);
extern int32_t sla_easter_day(int year, bool orthodox);
extern int32_t sla_date_from_ymd(int year, int month, int day);

#endif							/* HOLIDAY_RULES_H */
