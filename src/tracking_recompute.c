/*-------------------------------------------------------------------------
 *
 * tracking_recompute.c
 *	  The second phase of sla.sweep(): open tracked rows whose dues depend
 *	  on a calendar that changed are recomputed, in batches, from their
 *	  original start on the calendar as it now is.
 *
 * A change of a calendar, an exception, or the holiday data a calendar
 * follows adds a row to sla.recompute (sla.recompute_trigger), in the
 * changing transaction, which writes nothing else: the tracked tables are
 * not touched there.  The sweep walks each entry, oldest first:
 *
 *	- entries not started yet are merged into the oldest one (their
 *	  calendars united): one walk serves many changes;
 *	- the policies that name one of its calendars (in any version, for a
 *	  target or as the default) give the affected rows: open rows (a mapped
 *	  done column is null) whose policy (the row's policy column, else the
 *	  table's default) is one of them.  A table whose rows can only use
 *	  other policies is skipped whole;
 *	- each table is walked by primary key (a keyset walk), in batches within
 *	  what is left of max_rows; each batch is one UPDATE that the trigger,
 *	  in sweep mode, turns into a full recomputation of each row.  The
 *	  entry keeps the table and the key of the last row recomputed, so the
 *	  next sweep goes on from there; it is deleted after the last table.
 *
 * Rows are taken with FOR UPDATE SKIP LOCKED, as in the first phase: a row
 * an application holds is not waited for.  The walk never moves past such
 * a row: it stops just before it, for this sweep, and the next sweep takes
 * it up again (the rows after it in that batch are recomputed twice, which
 * is harmless).  A row that fails on its own is parked (tracking_sweep.c)
 * and passed; a table whose writes all fail is reported and passed.
 *
 * Merging is safe because only entries nobody has started are merged, and
 * they all committed before the merged walk begins: every row it
 * recomputes sees all their changes.  An entry that arrives while another
 * is being walked is walked from the start itself.
 *
 * IDENTIFICATION
 *	  src/tracking_recompute.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "sla_tables.h"
#include "tracking_sweep.h"

/* How a batch of the walk of a table ended. */
typedef enum WalkStep
{
	WALK_DONE,					/* no affected row left in the table */
	WALK_MORE,					/* the batch was full: there may be more */
	WALK_HELD					/* a row is held: stop before it, this sweep */
} WalkStep;

/* An entry of sla.recompute, as the walk reads and updates it. */
typedef struct RecomputeEntry
{
	int64		id;
	Datum		policies;		/* text[] of the affected policies */
	int			npolicies;
	Oid			tbl;			/* InvalidOid: not started */
	Datum		after;			/* text[] key; (Datum) 0: from the start */
} RecomputeEntry;

/* Run a statement on sla's own tables; any error ends the sweep. */
static void
run_own(const char *sql, int nargs, Oid *types, Datum *values, const char *nulls, int expect)
{
	int			ret = SPI_execute_with_args(sql, nargs, types, values, nulls, false, 0);

	if (ret != expect)
		elog(ERROR, "could not run \"%s\": %s", sql, SPI_result_code_string(ret));
}

/*
 * Take the oldest entry no other sweep holds, merging the entries not
 * started after it into it when it has not started either; false when
 * there is none.
 */
static bool
next_entry(RecomputeEntry *e)
{
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	bool		isnull;
	Datum		calendars;
	bool		all;

	run_own("SELECT id, tbl::pg_catalog.oid, after, calendars FROM " SLA_SCHEMA_NAME ".recompute"
			" ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", 0, NULL, NULL, NULL, SPI_OK_SELECT);
	if (SPI_processed == 0)
		return false;
	e->id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	e->tbl = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	if (isnull)
		e->tbl = InvalidOid;
	e->after = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull);
	if (isnull)
		e->after = (Datum) 0;
	values[0] = Int64GetDatum(e->id);
	if (e->tbl == InvalidOid)
		run_own("WITH merged AS (DELETE FROM " SLA_SCHEMA_NAME ".recompute r WHERE r.id OPERATOR(pg_catalog.=) ANY"
				"  (SELECT m.id FROM " SLA_SCHEMA_NAME ".recompute m WHERE m.id OPERATOR(pg_catalog.>) $1"
				"   AND m.tbl IS NULL FOR UPDATE SKIP LOCKED) RETURNING r.calendars)"
				" UPDATE " SLA_SCHEMA_NAME ".recompute e SET calendars ="
				"  CASE WHEN e.calendars IS NULL OR EXISTS (SELECT FROM merged WHERE merged.calendars IS NULL) THEN NULL"
				"  ELSE ARRAY(SELECT DISTINCT c FROM pg_catalog.unnest(e.calendars) c UNION"
				"   SELECT pg_catalog.unnest(merged.calendars) FROM merged ORDER BY 1) END"
				" WHERE e.id OPERATOR(pg_catalog.=) $1 RETURNING e.calendars",
				1, types, values, NULL, SPI_OK_UPDATE_RETURNING);
	else
		run_own("SELECT calendars FROM " SLA_SCHEMA_NAME ".recompute WHERE id OPERATOR(pg_catalog.=) $1",
				1, types, values, NULL, SPI_OK_SELECT);
	calendars = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &all);

	/* the policies that name one of the calendars (all: every policy) */
	types[0] = TEXTARRAYOID;
	values[0] = calendars;
	run_own("SELECT pg_catalog.array_agg(DISTINCT p.name ORDER BY p.name) FROM " SLA_SCHEMA_NAME ".policy p"
			" WHERE $1 IS NULL OR pg_catalog.jsonb_path_exists(p.policy::pg_catalog.jsonb,"
			"  '$.**.calendar ? (@ == $c[*])', pg_catalog.jsonb_build_object('c', $1))",
			1, types, values, all ? "n" : NULL, SPI_OK_SELECT);
	e->policies = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	e->npolicies = isnull ? 0 : ArrayGetNItems(ARR_NDIM(DatumGetArrayTypeP(e->policies)),
											   ARR_DIMS(DatumGetArrayTypeP(e->policies)));
	return true;
}

/* Record how far the walk of entry e got: table tbl, after key after. */
static void
save_progress(RecomputeEntry *e)
{
	Oid			types[3] = {INT8OID, OIDOID, TEXTARRAYOID};
	Datum		values[3] = {Int64GetDatum(e->id), ObjectIdGetDatum(e->tbl), e->after};

	run_own("UPDATE " SLA_SCHEMA_NAME ".recompute SET tbl = $2::pg_catalog.regclass, after = $3"
			" WHERE id OPERATOR(pg_catalog.=) $1",
			3, types, values, e->after == (Datum) 0 ? "  n" : NULL, SPI_OK_UPDATE);
}

/* Can a row of t use one of the entry's policies? */
static bool
table_affected(SweepTable *t, RecomputeEntry *e)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int			i;

	if (t->policy_col != NULL)
		return e->npolicies > 0;
	if (e->npolicies == 0)
		return false;
	deconstruct_array(DatumGetArrayTypeP(e->policies), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	for (i = 0; i < n; i++)
		if (!nulls[i] && strcmp(TextDatumGetCString(elems[i]), t->policy) == 0)
			return true;
	return false;
}

/*
 * The affected rows of t after key $3 (all when null), in key order, at
 * most $2: "SELECT <key columns> FROM t WHERE ...".
 */
static void
append_candidates(StringInfo sql, SweepTable *t)
{
	appendStringInfoString(sql, "SELECT ");
	sla_sweep_append_keys(sql, t, "t.");
	appendStringInfo(sql, " FROM %s AS t WHERE ($3 IS NULL OR (", t->name);
	sla_sweep_append_keys(sql, t, "t.");
	appendStringInfoString(sql, ") OPERATOR(pg_catalog.>) (");
	sla_sweep_append_key_param(sql, t, 3);
	appendStringInfo(sql, ")) AND (%s)", t->open);
	if (t->policy_col != NULL)
		appendStringInfo(sql, " AND COALESCE(t.%s::pg_catalog.text, %s) OPERATOR(pg_catalog.=) ANY ($4)",
						 t->policy_col, quote_literal_cstr(t->policy));
	appendStringInfoString(sql, " ORDER BY ");
	sla_sweep_append_keys(sql, t, "t.");
	appendStringInfoString(sql, " LIMIT $2");
}

/*
 * One batch of the walk of t: recompute up to *remaining affected rows
 * after e->after, moving e->after past those done.  A table whose rows
 * cannot be read or written at all is reported and counts as done.
 */
static WalkStep
walk_batch(SweepTable *t, RecomputeEntry *e, TimestampTz at, int64 *remaining,
		   int64 *changed)
{
	StringInfoData sql;
	Oid			types[4] = {TIMESTAMPTZOID, INT8OID, TEXTARRAYOID, TEXTARRAYOID};
	Datum		values[4] = {TimestampTzGetDatum(at), Int64GetDatum(*remaining), e->after, e->policies};
	char		nulls[5] = "    ";
	SweepRun	run;
	uint64		i;

	if (e->after == (Datum) 0)
		nulls[2] = 'n';
	if (e->npolicies == 0)
		nulls[3] = 'n';

	/* the whole batch at once: the candidates, those taken, their update */
	initStringInfo(&sql);
	appendStringInfoString(&sql, "WITH cand AS MATERIALIZED (");
	append_candidates(&sql, t);
	appendStringInfoString(&sql, "), picked AS MATERIALIZED (SELECT ");
	sla_sweep_append_keys(&sql, t, "t.");
	appendStringInfo(&sql, " FROM %s AS t, cand AS c WHERE (", t->name);
	sla_sweep_append_keys(&sql, t, "t.");
	appendStringInfoString(&sql, ") OPERATOR(pg_catalog.=) (");
	sla_sweep_append_keys(&sql, t, "c.");
	appendStringInfo(&sql, ") FOR UPDATE OF t SKIP LOCKED), upd AS (UPDATE %s AS t SET %s = t.%s FROM picked AS p WHERE (",
					 t->name, t->next_check, t->next_check);
	sla_sweep_append_keys(&sql, t, "t.");
	appendStringInfoString(&sql, ") OPERATOR(pg_catalog.=) (");
	sla_sweep_append_keys(&sql, t, "p.");
	appendStringInfoString(&sql, ") RETURNING 1) SELECT ");
	sla_sweep_append_key_array(&sql, t, "c.");
	appendStringInfoString(&sql, ", EXISTS (SELECT FROM picked AS p WHERE (");
	sla_sweep_append_keys(&sql, t, "p.");
	appendStringInfoString(&sql, ") OPERATOR(pg_catalog.=) (");
	sla_sweep_append_keys(&sql, t, "c.");
	appendStringInfoString(&sql, ")) FROM cand AS c ORDER BY ");
	sla_sweep_append_keys(&sql, t, "c.");
	run = sla_sweep_run(t, at, true, sql.data, 4, types, values, nulls);
	if (run.ok)
	{
		*changed += run.changed;
		for (i = 0; i < run.processed; i++)
		{
			bool		isnull;

			if (!DatumGetBool(SPI_getbinval(run.tuptable->vals[i], run.tuptable->tupdesc, 2, &isnull)))
				return WALK_HELD;
			e->after = SPI_getbinval(run.tuptable->vals[i], run.tuptable->tupdesc, 1, &isnull);
			(*remaining)--;
		}
		return (int64) run.processed == DatumGetInt64(values[1]) ? WALK_MORE : WALK_DONE;
	}

	/* the batch failed: the same rows one at a time */
	resetStringInfo(&sql);
	appendStringInfoString(&sql, "SELECT ");
	sla_sweep_append_key_array(&sql, t, "c.");
	appendStringInfoString(&sql, " FROM (");
	append_candidates(&sql, t);
	appendStringInfoString(&sql, ") AS c");
	run = sla_sweep_run(t, at, false, sql.data, 4, types, values, nulls);
	if (!run.ok)
	{
		sla_sweep_table_failed(t, run.message);
		return WALK_DONE;
	}
	{
		SPITupleTable *keys = run.tuptable;
		uint64		nkeys = run.processed;
		char	   *judge = sla_sweep_judge_one_sql(t, false);

		for (i = 0; i < nkeys; i++)
		{
			bool		isnull;
			Datum		key = SPI_getbinval(keys->vals[i], keys->tupdesc, 1, &isnull);
			SweepRun	one;

			values[2] = key;
			one = sla_sweep_run(t, at, true, judge, 3, types, values, NULL);
			if (one.ok && one.processed == 0)
				return WALK_HELD;	/* taken by no one: held, or gone */
			if (one.ok)
				*changed += one.changed;
			else if (!sla_sweep_row_failed(t, key, one.message))
				return WALK_DONE;	/* the table is broken: pass it */
			e->after = key;
			(*remaining)--;
		}
		return (int64) nkeys == DatumGetInt64(values[1]) ? WALK_MORE : WALK_DONE;
	}
}

/*
 * Recompute, with at most *remaining rows, the rows of the entries of
 * sla.recompute; the rows whose state changed.
 */
int64
sla_recompute_rows(TimestampTz at, int64 *remaining)
{
	int64		changed = 0;
	SweepTable *tables = NULL;
	int			ntables = 0;
	RecomputeEntry e;

	while (*remaining > 0 && next_entry(&e))
	{
		int			i;

		if (tables == NULL)
			tables = sla_sweep_tables(&ntables);
		for (i = 0; i < ntables && tables[i].relid < e.tbl; i++)
			;
		if (i < ntables && tables[i].relid != e.tbl)
			e.after = (Datum) 0;	/* that table is no longer tracked */
		for (; i < ntables; i++)
		{
			SweepTable *t = &tables[i];
			WalkStep	step = WALK_MORE;

			if (t->relid != e.tbl)
				e.after = (Datum) 0;
			e.tbl = t->relid;
			if (t->nkeys == 0 || !table_affected(t, &e))
				continue;
			while (step == WALK_MORE && *remaining > 0)
				step = walk_batch(t, &e, at, remaining, &changed);
			if (step != WALK_DONE)
			{
				/* out of budget in this table, or a row is held: go on next time */
				save_progress(&e);
				return changed;
			}
		}
		{
			Oid			types[1] = {INT8OID};
			Datum		values[1] = {Int64GetDatum(e.id)};

			run_own("DELETE FROM " SLA_SCHEMA_NAME ".recompute WHERE id OPERATOR(pg_catalog.=) $1",
					1, types, values, NULL, SPI_OK_DELETE);
		}
	}
	return changed;
}
