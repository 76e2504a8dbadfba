/*-------------------------------------------------------------------------
 *
 * business_time.h
 *	  Business-time arithmetic on a compiled calendar for C callers (the
 *	  policy functions): the engine asked, with more of the calendar
 *	  compiled while it needs more, and its errors raised.
 *
 * IDENTIFICATION
 *	  src/business_time.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef BUSINESS_TIME_H
#define BUSINESS_TIME_H

#include "datatype/timestamp.h"

#include "calendar_compile.h"

extern TimestampTz sla_calendar_add(SlaCalendar *cal, TimestampTz ts,
									int32 days, int64 time);
extern int64 sla_calendar_elapsed(SlaCalendar *cal, TimestampTz from,
								  TimestampTz to);
extern void sla_require_finite(TimestampTz t, const char *what);

#endif							/* BUSINESS_TIME_H */
