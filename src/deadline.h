/*-------------------------------------------------------------------------
 *
 * deadline.h
 *	  An SLA clock: a target of business time started at an instant on a
 *	  calendar, stopped by pauses.  Its due instant, and its reading as of
 *	  an instant (state, time used and left), as the policy functions
 *	  define them (docs/policies.md).
 *
 * IDENTIFICATION
 *	  src/deadline.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef DEADLINE_H
#define DEADLINE_H

#include "datatype/timestamp.h"
#include "utils/typcache.h"

#include "calendar_compile.h"

/* A pause as given: DT_NOBEGIN / DT_NOEND for an unbounded side. */
typedef struct SlaPause
{
	TimestampTz lo;
	TimestampTz hi;
	bool		lo_inc;
	bool		hi_inc;
} SlaPause;

typedef struct SlaClock
{
	SlaCalendar *cal;
	TimestampTz start;			/* finite */
	int32		days;			/* the target: business days, */
	int64		time;			/* then business time (microseconds) */
	const SlaPause *pauses;		/* ascending and disjoint */
	int			npauses;
	TimestampTz clip;			/* pauses end here at the latest; DT_NOEND:
								 * as given */
} SlaClock;

/* The states, in the order of the sla.sla_state enum. */
typedef enum SlaState
{
	SLA_STATE_MET,
	SLA_STATE_RUNNING,
	SLA_STATE_PAUSED,
	SLA_STATE_AT_RISK,
	SLA_STATE_BREACHED
} SlaState;

/* What a clock shows as of an instant. */
typedef struct SlaReading
{
	TimestampTz due;			/* with the pauses clipped at the instant */
	bool		done;			/* done at or before the instant */
	int64		used;			/* open time outside pauses, start to
								 * least(at, done) */
	int64		total;			/* open time outside pauses, start to due */
} SlaReading;

extern Oid	sla_state_enum_oid(Oid enumtype, SlaState state);
extern int	sla_pauses_from_datum(Datum mr, TypeCacheEntry **rangetype,
								  SlaPause **pauses);
extern TimestampTz sla_clock_due(const SlaClock *c);
extern void sla_clock_read(SlaClock *c, TimestampTz done_at, TimestampTz at,
						   SlaReading *r);
extern SlaState sla_clock_state(SlaClock *c, TimestampTz done_at, TimestampTz at,
								int64 warn_at);
extern bool sla_reading_reached(const SlaReading *r, int64 fraction);
extern double sla_reading_fraction(const SlaReading *r);
extern TimestampTz sla_clock_warn(SlaClock *c, int64 warn_at, TimestampTz at);
extern bool sla_clock_paused(const SlaClock *c, TimestampTz at);

#endif							/* DEADLINE_H */
