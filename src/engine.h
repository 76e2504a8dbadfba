/*-------------------------------------------------------------------------
 *
 * engine.h
 *	  Business-time arithmetic over a compiled calendar: add an amount,
 *	  measure elapsed open time, open/close queries, open periods.
 *
 * All instants are timestamptz microseconds and must be finite; the fmgr
 * glue handles infinities.  Open time is half-open: [open, close).
 *
 * IDENTIFICATION
 *	  src/engine.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENGINE_H
#define ENGINE_H

#include "calendar_compile.h"

typedef void (*SlaPeriodCallback) (void *arg, TimestampTz start, TimestampTz end);

extern bool sla_engine_is_open(SlaCalendar *cal, TimestampTz t);
extern TimestampTz sla_engine_next_open(SlaCalendar *cal, TimestampTz t);
extern TimestampTz sla_engine_next_close(SlaCalendar *cal, TimestampTz t);
extern int64 sla_engine_elapsed(SlaCalendar *cal, TimestampTz from, TimestampTz to);
extern TimestampTz sla_engine_add(SlaCalendar *cal, TimestampTz t,
								  int32 days, int64 time);
extern void sla_engine_open_periods(SlaCalendar *cal, TimestampTz lo,
									TimestampTz hi, SlaPeriodCallback cb,
									void *arg);

#endif							/* ENGINE_H */
