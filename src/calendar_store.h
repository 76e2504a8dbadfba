/*-------------------------------------------------------------------------
 *
 * calendar_store.h
 *	  Read calendars from sla.calendar and sla.calendar_exception, keep the
 *	  compiled forms in a per-backend cache, and drop them when the tables
 *	  change.
 *
 * IDENTIFICATION
 *	  src/calendar_store.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef CALENDAR_STORE_H
#define CALENDAR_STORE_H

#include "fmgr.h"

#include "calendar_compile.h"

/* Calendar names longer than this (in bytes) cannot exist. */
#define SLA_CALENDAR_NAME_MAXLEN	127

extern SlaCalendar *sla_calendar_for_call(FunctionCallInfo fcinfo, int argno);
extern void sla_calendar_store_init(void);

#endif							/* CALENDAR_STORE_H */
