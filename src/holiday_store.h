/*-------------------------------------------------------------------------
 *
 * holiday_store.h
 *	  The only code that reads the holiday tables (sla.holiday_region,
 *	  sla.holiday_rule, sla.holiday_date, sla.holiday_override): hands out
 *	  a region's rules as an SlaHolidaySet (holiday_rules.h), from a
 *	  per-backend cache (store_cache.h) or read afresh for a calendar.
 *
 * IDENTIFICATION
 *	  src/holiday_store.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef HOLIDAY_STORE_H
#define HOLIDAY_STORE_H

#include "fmgr.h"

#include "holiday_rules.h"

/* Region codes are at most this long ("GB-ENG" is 6 bytes). */
#define SLA_HOLIDAY_REGION_MAXLEN	6

extern void sla_holiday_store_init(void);
extern SlaHolidaySet *sla_holiday_set_for_call(FunctionCallInfo fcinfo, int argno);
extern SlaHolidaySet *sla_holiday_store_read(const char *region);
extern bool sla_holiday_region_exists(const char *region);
extern void sla_holiday_report_missing(const char *region);
extern void sla_holiday_store_check_dated(const char *region, const char *name,
										  int first_year);

#endif							/* HOLIDAY_STORE_H */
