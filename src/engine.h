/*-------------------------------------------------------------------------
 *
 * engine.h
 *	  Business-time arithmetic over a compiled calendar window: add an
 *	  amount, measure elapsed open time, open/close queries, open periods.
 *
 * The engine is pure: it reads the compiled window and nothing else (no
 * catalog, no time-zone calls, no memory allocation, no errors raised).
 * Every question returns an SlaStatus: SLA_OK with the answer,
 * SLA_NEED_WINDOW when the window must first be compiled further (the
 * caller does that with sla_calendar_provide() and asks again), or an
 * error code for the caller to report.
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

/* The questions the engine answers. */
typedef enum SlaQueryKind
{
	SLA_Q_IS_OPEN,				/* t -> open */
	SLA_Q_NEXT_OPEN,			/* t -> at */
	SLA_Q_NEXT_CLOSE,			/* t -> at */
	SLA_Q_ELAPSED,				/* [t, t2) -> amount */
	SLA_Q_ADD_DAYS,				/* t + days -> at */
	SLA_Q_ADD_TIME				/* t + amount -> at */
} SlaQueryKind;

typedef struct SlaQuery
{
	SlaQueryKind kind;
	TimestampTz t;
	TimestampTz t2;
	int32		days;
	int64		amount;			/* in for ADD_TIME, out for ELAPSED */
	TimestampTz at;				/* out */
	bool		open;			/* out */
} SlaQuery;

typedef void (*SlaPeriodCallback) (void *arg, TimestampTz start, TimestampTz end);

extern SlaStatus sla_engine_answer(const SlaCalendar *cal, SlaQuery *q,
								   SlaWindowNeed *need);
extern SlaStatus sla_engine_open_periods(const SlaCalendar *cal, TimestampTz lo,
										 TimestampTz hi, SlaPeriodCallback cb,
										 void *arg, SlaWindowNeed *need);

#endif							/* ENGINE_H */
