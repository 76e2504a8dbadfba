/*-------------------------------------------------------------------------
 *
 * calendar_holidays.h
 *	  A calendar's holiday regions merged into its definition, for the
 *	  dates of one compiled window: sla.calendar_exception rows first, then
 *	  the regions' days (overrides and rules, holiday_rules.c), then the
 *	  weekly hours.
 *
 * IDENTIFICATION
 *	  src/calendar_holidays.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CALENDAR_HOLIDAYS_H
#define CALENDAR_HOLIDAYS_H

#include "calendar_def.h"
#include "holiday_rules.h"
#include "sla_status.h"

extern SlaStatus sla_calendar_def_with_regions(const SlaCalendarDef *base,
											   SlaHolidaySet *const *regions,
											   int nregions, int32 first,
											   int32 last, SlaCalendarDef *merged);
extern SlaDayHours sla_calendar_regular_hours(const SlaWeeklyHours *weekly);

#endif							/* CALENDAR_HOLIDAYS_H */
