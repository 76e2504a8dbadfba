/*-------------------------------------------------------------------------
 *
 * calendar_store.h
 *	  The only code that reads sla.calendar and sla.calendar_exception:
 *	  hands out compiled calendars from a per-backend cache (store_cache.h),
 *	  and reads calendar definitions for the write checks.
 *
 * IDENTIFICATION
 *	  src/calendar_store.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CALENDAR_STORE_H
#define CALENDAR_STORE_H

#include "fmgr.h"
#include "utils/date.h"

#include "calendar_compile.h"
#include "calendar_def.h"

/* Calendar names longer than this (in bytes) cannot exist. */
#define SLA_CALENDAR_NAME_MAXLEN	127

/*
 * Store slots of one call site for calendars it names itself (the calendars
 * of a policy's targets): a slot remembers one name, more names take the
 * slots in turn, and a slot's generation changes when its name does.
 */
#define SLA_CALENDAR_SLOTS	8

typedef struct SlaCalendarSlots
{
	void	   *slot[SLA_CALENDAR_SLOTS];
	char		name[SLA_CALENDAR_SLOTS][SLA_CALENDAR_NAME_MAXLEN + 1];
	int			len[SLA_CALENDAR_SLOTS];
	uint32		gen[SLA_CALENDAR_SLOTS];
	int			next;
} SlaCalendarSlots;

extern SlaCalendar *sla_calendar_for_call(FunctionCallInfo fcinfo, int argno);
extern int	sla_calendar_slot(SlaCalendarSlots *slots, const char *name);
extern SlaCalendar *sla_calendar_in_slot(SlaCalendarSlots *slots, FmgrInfo *flinfo,
										 int i);
extern SlaCalendar *sla_calendar_for_name(FmgrInfo *flinfo, void **site,
										  const char *name, int len);
extern void sla_calendar_store_init(void);
extern bool sla_calendar_store_read(const char *name, DateADT first, DateADT last,
									bool strict, char **time_zone,
									SlaCalendarDef *def, char ***regions,
									int *nregions);
extern bool sla_calendar_day_supported(DateADT day);
extern uint8 sla_calendar_locale_weekdays(const char *locale);

#endif							/* CALENDAR_STORE_H */
