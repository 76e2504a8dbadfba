/*-------------------------------------------------------------------------
 *
 * tracking_sweep.h
 *	  What the two phases of sla.sweep() share: the tracked tables with the
 *	  SQL that names their rows, and running one piece of work in a
 *	  subtransaction so that a bad row does not fail the whole sweep.
 *
 * IDENTIFICATION
 *	  src/tracking_sweep.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef TRACKING_SWEEP_H
#define TRACKING_SWEEP_H

#include "datatype/timestamp.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"

#include "tracking.h"

/*
 * A tracked table, with the SQL fragments that name its rows by primary
 * key.  A key travels as text[] (each column's text), so one statement
 * shape serves every key.
 */
typedef struct SweepTable
{
	Oid			relid;
	char	   *name;			/* quoted, schema-qualified */
	char	   *next_check;		/* quoted column */
	char	   *checks;			/* its check queue, qualified; NULL: none */
	char	   *policy;			/* the default policy */
	char	   *policy_col;		/* quoted column, or NULL */
	char	   *open;			/* a condition on t: a target is not done */
	int			nkeys;			/* 0: no primary key */
	char	  **keys;			/* quoted key columns */
	char	  **key_types;		/* their types, as format_type gives them */
	bool		may_sweep;		/* the caller may select and update it */
	bool		has_trigger;	/* its sla_track trigger exists and fires */
	bool		sees_all;		/* no row-level security hides rows from the caller */
} SweepTable;

/* The result of one piece of sweep work, run in a subtransaction. */
typedef struct SweepRun
{
	bool		ok;				/* false: it failed with an error */
	char	   *message;		/* the error's message, when it failed */
	uint64		processed;		/* rows the statement returned or updated */
	int64		changed;		/* rows whose state changed (sweep mode) */
	SPITupleTable *tuptable;	/* its rows, when it returns rows */
} SweepRun;

extern SweepTable *sla_sweep_tables(int *n);
extern void sla_sweep_append_keys(StringInfo buf, SweepTable *t, const char *prefix);
extern void sla_sweep_append_key_match(StringInfo buf, SweepTable *t, const char *a,
									   const char *b);
extern void sla_sweep_append_judge_picked(StringInfo buf, SweepTable *t);
extern void sla_sweep_append_key_param(StringInfo buf, SweepTable *t, int param);
extern void sla_sweep_append_key_array(StringInfo buf, SweepTable *t, const char *prefix);
extern SweepRun sla_sweep_run(SweepTable *t, TimestampTz at, SweepMode mode,
							  const char *sql, int nargs, Oid *types,
							  Datum *values, const char *nulls);
extern char *sla_sweep_key_text(SweepTable *t, Datum key);
extern void sla_sweep_table_failed(SweepTable *t, const char *message);
extern bool sla_sweep_row_failed(SweepTable *t, Datum key, Datum qtid, const char *message);
extern char *sla_sweep_judge_one_sql(SweepTable *t);

/* The second phase: rows whose calendar changed (tracking_recompute.c). */
extern int64 sla_recompute_rows(TimestampTz at, int64 *remaining);

#endif							/* TRACKING_SWEEP_H */
