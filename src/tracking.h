/*-------------------------------------------------------------------------
 *
 * tracking.h
 *	  SLAs kept on an application's own table: the mapping sla.track()
 *	  gives its trigger, the trigger's sweep mode, and the events both
 *	  write (docs/triggers.md).
 *
 * IDENTIFICATION
 *	  src/tracking.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef TRACKING_H
#define TRACKING_H

#include "access/attnum.h"
#include "commands/trigger.h"
#include "datatype/timestamp.h"
#include "lib/stringinfo.h"

/*
 * The keys of a mapping (sla.tracked.columns): the row's inputs, then the
 * columns the trigger writes.  Keep in step with sla.track().
 */
typedef enum TrackColumn
{
	TC_PRIORITY,
	TC_OPENED_AT,
	TC_FIRST_RESPONSE_AT,
	TC_RESOLVED_AT,
	TC_STATUS,
	TC_STATUS_CHANGED_AT,
	TC_CUSTOMER,
	TC_POLICY,
	TC_FIRST_RESPONSE_DUE,		/* the first column the trigger writes */
	TC_RESOLUTION_DUE,
	TC_STATE,
	TC_BREACHED_AT,
	TC_PAUSED,
	TC_TARGETS,
	TC_NEXT_CHECK,
	TC_COUNT
} TrackColumn;

/* A table's mapping, resolved against its current columns. */
typedef struct TrackMapping
{
	char	   *policy;			/* the default policy's name */
	char	   *names[TC_COUNT];	/* column names; NULL: not mapped */
	AttrNumber	attnums[TC_COUNT];	/* 0: not mapped */
	int			npaused;
	char	  **paused;			/* statuses that stop the clock */
	int			npk;
	AttrNumber *pk;				/* the primary key's columns */
	char	   *checks;			/* the check queue's qualified name */
} TrackMapping;

extern TrackMapping *sla_tracking_mapping(TriggerData *trigdata);

/*
 * The sweep's UPDATE of one table runs the trigger in sweep mode: what the
 * statement in progress does to the rows it updates.
 */
typedef enum SweepMode
{
	SWEEP_NONE,					/* nothing: the application's writes */
	SWEEP_DUE,					/* judge rows whose checks are due (and taken) */
	SWEEP_RECOMPUTE,			/* judge rows a calendar change made stale */
	SWEEP_PARK					/* let a write through unjudged (parking a row) */
} SweepMode;

extern void sla_tracking_sweep_begin(Oid relid, TimestampTz at, SweepMode mode);
extern int64 sla_tracking_sweep_end(void);

/* A check queue, as one statement writes into it (tracking_checks.c). */
typedef struct CheckQueueIndex
{
	Oid			relid;
	struct IndexInfo *info;
	bool		unique;
} CheckQueueIndex;

typedef struct CheckQueue
{
	Oid			relid;
	int			nindexes;
	CheckQueueIndex indexes[FLEXIBLE_ARRAY_MEMBER];
} CheckQueue;

extern CheckQueue *sla_tracking_check_queue(Relation rel, TrackMapping *m);
extern void sla_tracking_queue_check(Relation rel, TrackMapping *m, CheckQueue *cq,
									 HeapTuple tup, TimestampTz at);

/* Which tracked tables the current user may sweep. */
extern bool sla_tracking_may_sweep(Oid relid);
extern void sla_tracking_sweep_denied(uint64 ntracked);
extern Oid	sla_relation_owner(Oid relid);

/* Events: one row of sla.event and one notification each. */
extern void sla_tracking_append_instant(StringInfo buf, TimestampTz t);
extern void sla_tracking_event(Relation rel, const char *row_key,
							   const char *kind, const char *event,
							   TimestampTz at, const char *detail);
extern bool sla_notify_details;
extern char *sla_now_setting;

#endif							/* TRACKING_H */
