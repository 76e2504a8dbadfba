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
 * A transaction that was running when the change committed may have
 * judged rows on the calendar as it was, and commit them after the walk
 * passed their place.  So a sweep that first sees an entry notes those
 * transactions (their virtual ids, in wait_for): the writers of tracked
 * tables, and those whose snapshot may predate the change; the walk
 * starts only once they have all ended (a later sweep; the
 * sweep never waits for them): a row written after that was judged on the
 * changed calendar, one written before is visible to the walk.  Every
 * transaction that began after the change sees it (the calendar caches are
 * invalidated at its commit).
 *
 * Merging is safe because only entries nobody has started, and whose
 * transactions to wait for have all ended, are merged: every row the walk
 * recomputes sees all their changes.  An entry that arrives while another
 * is being walked is walked from the start itself.
 *
 * IDENTIFICATION
 *	  src/tracking_recompute.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "sla_tables.h"
#include "tracking.h"
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

/*
 * Run a statement on sla's own tables (the queue, policies) as the owner of
 * sla.recompute, in a security-restricted operation, so that a role that
 * may sweep its tables needs no rights on the queue (docs/security.md);
 * any error ends the sweep.
 */
static void
run_own(const char *sql, int nargs, Oid *types, Datum *values, const char *nulls, int expect)
{
	Oid			queue = get_relname_relid("recompute", get_namespace_oid(SLA_SCHEMA_NAME, false));
	Oid			save_userid;
	int			save_sec_context;
	int			ret;

	if (!OidIsValid(queue))
		elog(ERROR, "table %s.recompute does not exist", SLA_SCHEMA_NAME);
	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(sla_relation_owner(queue),
						   save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	ret = SPI_execute_with_args(sql, nargs, types, values, nulls, false, 0);
	SetUserIdAndSecContext(save_userid, save_sec_context);
	if (ret != expect)
		elog(ERROR, "could not run \"%s\": %s", sql, SPI_result_code_string(ret));
}

/* Append vxid to elems as text, unless it is invalid. */
static void
add_vxid(Datum *elems, int *n, VirtualTransactionId vxid)
{
	if (VirtualTransactionIdIsValid(vxid))
		elems[(*n)++] = CStringGetTextDatum(psprintf("%d/%u", vxid.backendId,
													 vxid.localTransactionId));
}

/*
 * The transactions that may have judged rows on a calendar as it was
 * before the change of transaction xid committed, as text[] of virtual
 * ids: those writing a tracked table or one of its partitions now (they
 * hold its RowExclusiveLock from before their first write to their end),
 * and those whose snapshot
 * may not show the change (xmin at or before xid).  Vacuum is left out.
 */
static Datum
transactions_to_wait_for(TransactionId xid, SweepTable *tables, int ntables)
{
	VirtualTransactionId *vxids;
	Datum	   *elems;
	int			n = 0;
	int			nvxids;
	int			max;
	int			i;

	vxids = GetCurrentVirtualXIDs(xid, true, false,
								  PROC_IN_VACUUM | PROC_IN_LOGICAL_DECODING, &nvxids);
	max = nvxids + 16;
	elems = palloc(sizeof(Datum) * max);
	for (i = 0; i < nvxids; i++)
		add_vxid(elems, &n, vxids[i]);
	for (i = 0; i < ntables; i++)
	{
		/* a partition written directly is locked without its root */
		List	   *rels = find_all_inheritors(tables[i].relid, NoLock, NULL);
		ListCell   *lc;

		foreach(lc, rels)
		{
			LOCKTAG		tag;
			int			count;
			int			j;

			SET_LOCKTAG_RELATION(tag, MyDatabaseId, lfirst_oid(lc));
			vxids = GetLockConflicts(&tag, ShareLock, &count);
			if (n + count > max)
			{
				max = (n + count) * 2;
				elems = repalloc(elems, sizeof(Datum) * max);
			}
			for (j = 0; j < count; j++)
				add_vxid(elems, &n, vxids[j]);
		}
	}
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* Have all the transactions of wait_for (text[] of virtual ids) ended? */
static bool
all_ended(Datum wait_for)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int			i;

	deconstruct_array(DatumGetArrayTypeP(wait_for), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	for (i = 0; i < n; i++)
	{
		VirtualTransactionId vxid;
		int			backend;
		unsigned int local;

		if (nulls[i] || sscanf(TextDatumGetCString(elems[i]), "%d/%u", &backend, &local) != 2)
			continue;
		vxid.backendId = backend;
		vxid.localTransactionId = local;
		if (!VirtualXactLock(vxid, false))
			return false;
	}
	return true;
}

/*
 * Give the entries not started a list of transactions to wait for, when
 * they have none.  The list is taken after the statement that saw the
 * entries (so after they committed): it holds every transaction still
 * running that may have judged rows on a calendar as it was.
 */
static void
note_waits(SweepTable *tables, int ntables)
{
	Oid			types[2] = {INT8OID, TEXTARRAYOID};
	Datum		values[2];
	SPITupleTable *pending;
	uint64		npending;
	uint64		i;

	run_own("SELECT id, pg_catalog.xid(xact) FROM " SLA_SCHEMA_NAME ".recompute"
			" WHERE tbl IS NULL AND wait_for IS NULL", 0, NULL, NULL, NULL, SPI_OK_SELECT);
	pending = SPI_tuptable;
	npending = SPI_processed;
	for (i = 0; i < npending; i++)
	{
		bool		isnull;

		values[0] = SPI_getbinval(pending->vals[i], pending->tupdesc, 1, &isnull);
		values[1] = transactions_to_wait_for(DatumGetTransactionId(SPI_getbinval(pending->vals[i],
																				 pending->tupdesc, 2,
																				 &isnull)),
											 tables, ntables);
		run_own("UPDATE " SLA_SCHEMA_NAME ".recompute SET wait_for = $2"
				" WHERE id OPERATOR(pg_catalog.=) $1 AND wait_for IS NULL",
				2, types, values, NULL, SPI_OK_UPDATE);
	}
}

/*
 * Take the oldest entry no other sweep holds, merging into it the entries
 * not started whose transactions to wait for have ended, when it has not
 * started either; false when there is none, or when it must still wait.
 */
static bool
next_entry(RecomputeEntry *e, SweepTable *tables, int ntables)
{
	Oid			types[1] = {INT8OID};
	Datum		values[1];
	bool		isnull;
	Datum		calendars;
	bool		all;

	note_waits(tables, ntables);
	run_own("SELECT id, tbl::pg_catalog.oid, after, calendars, wait_for FROM " SLA_SCHEMA_NAME ".recompute"
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
	values[0] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 5, &isnull);
	if (e->tbl == InvalidOid && !isnull && !all_ended(values[0]))
		return false;
	values[0] = Int64GetDatum(e->id);
	if (e->tbl == InvalidOid)
	{
		Oid			mtypes[2] = {INT8OID, INT8ARRAYOID};
		Datum		mvalues[2];
		Datum	   *ready;
		int			nready = 0;
		uint64		i;

		/* the entries after it that are ready too */
		run_own("SELECT id, wait_for FROM " SLA_SCHEMA_NAME ".recompute WHERE id OPERATOR(pg_catalog.>) $1"
				" AND tbl IS NULL AND wait_for IS NOT NULL ORDER BY id FOR UPDATE SKIP LOCKED",
				1, types, values, NULL, SPI_OK_SELECT);
		ready = palloc(sizeof(Datum) * (SPI_processed + 1));
		for (i = 0; i < SPI_processed; i++)
			if (all_ended(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull)))
				ready[nready++] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
		mvalues[0] = values[0];
		mvalues[1] = PointerGetDatum(construct_array(ready, nready, INT8OID, 8, FLOAT8PASSBYVAL,
													 TYPALIGN_DOUBLE));
		run_own("WITH merged AS (DELETE FROM " SLA_SCHEMA_NAME ".recompute r"
				"  WHERE r.id OPERATOR(pg_catalog.=) ANY ($2) RETURNING r.calendars)"
				" UPDATE " SLA_SCHEMA_NAME ".recompute e SET calendars ="
				"  CASE WHEN e.calendars IS NULL OR EXISTS (SELECT FROM merged WHERE merged.calendars IS NULL) THEN NULL"
				"  ELSE ARRAY(SELECT DISTINCT c FROM pg_catalog.unnest(e.calendars) c UNION"
				"   SELECT pg_catalog.unnest(merged.calendars) FROM merged ORDER BY 1) END"
				" WHERE e.id OPERATOR(pg_catalog.=) $1 RETURNING e.calendars",
				2, mtypes, mvalues, NULL, SPI_OK_UPDATE_RETURNING);
	}
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
	appendStringInfo(&sql, " FROM %s AS t, cand AS c WHERE ", t->name);
	sla_sweep_append_key_match(&sql, t, "t.", "c.");
	appendStringInfoString(&sql, " FOR UPDATE OF t SKIP LOCKED), upd AS (");
	sla_sweep_append_judge_picked(&sql, t);
	appendStringInfoString(&sql, " RETURNING 1) SELECT ");
	sla_sweep_append_key_array(&sql, t, "c.");
	appendStringInfoString(&sql, ", EXISTS (SELECT FROM picked AS p WHERE ");
	sla_sweep_append_key_match(&sql, t, "p.", "c.");
	appendStringInfoString(&sql, ") FROM cand AS c ORDER BY ");
	sla_sweep_append_keys(&sql, t, "c.");
	run = sla_sweep_run(t, at, SWEEP_RECOMPUTE, sql.data, 4, types, values, nulls);
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
	run = sla_sweep_run(t, at, SWEEP_NONE, sql.data, 4, types, values, nulls);
	if (!run.ok)
	{
		sla_sweep_table_failed(t, run.message);
		return WALK_DONE;
	}
	{
		SPITupleTable *keys = run.tuptable;
		uint64		nkeys = run.processed;
		char	   *judge = sla_sweep_judge_one_sql(t);

		for (i = 0; i < nkeys; i++)
		{
			bool		isnull;
			Datum		key = SPI_getbinval(keys->vals[i], keys->tupdesc, 1, &isnull);
			SweepRun	one;

			values[2] = key;
			one = sla_sweep_run(t, at, SWEEP_RECOMPUTE, judge, 3, types, values, NULL);
			if (one.ok && one.processed == 0)
				return WALK_HELD;	/* taken by no one: held, or gone */
			if (one.ok)
				*changed += one.changed;
			else if (!sla_sweep_row_failed(t, key, (Datum) 0, one.message))
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
	SweepTable *tables;
	int			ntables;
	RecomputeEntry e;

	tables = sla_sweep_tables(&ntables);
	while (*remaining > 0 && next_entry(&e, tables, ntables))
	{
		int			i;

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
			/* a table without its trigger is judged anew when tracked again */
			if (t->nkeys == 0 || !t->has_trigger || !table_affected(t, &e))
				continue;
			if (!t->may_sweep)
			{
				/*
				 * The caller may not update this table: leave the walk here
				 * for a sweep by a role that may (the owner's, a pg_cron
				 * job's), rather than pass rows that need recomputing.
				 */
				save_progress(&e);
				return changed;
			}
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
