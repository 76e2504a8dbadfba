/*-------------------------------------------------------------------------
 *
 * tracking_sweep.c
 *	  sla.sweep(): the breaches and warnings that time alone causes, on
 *	  every tracked table, then the rows a calendar change made stale
 *	  (tracking_recompute.c); a bad row does not fail the whole sweep.
 *
 * For each table of sla.tracked, one statement takes the checks that are
 * due from the table's check queue (tracking_checks.c), earliest first,
 * then their rows, each with FOR UPDATE SKIP LOCKED in a materialized CTE
 * (run once: as a subquery it could be rescanned and take more rows than
 * asked), updates those rows and deletes the checks taken: a row an
 * application holds keeps its check for the next sweep (the sweep never
 * waits for it), and two sweeps never take the same check or row.  The
 * UPDATE changes nothing itself; the table's tracking trigger, told that
 * this table is being swept and as of which instant, judges each row again,
 * writes its events and queues its next check (tracking_trigger.c), so the
 * sweep and the application's writes share one definition of every state.
 * A row judged as of the sweep's instant has its next check after it, so a
 * second sweep at the same instant finds nothing.  A check whose row is
 * gone is deleted, by a sweep that sees every row of the table (one that
 * row-level security limits cannot tell a row gone from one hidden).
 *
 * Failures are isolated.  Each table's batch runs in a subtransaction; when
 * it fails, the same rows are judged one at a time, each in its own
 * subtransaction.  A row that fails on its own is reported (WARNING, with
 * the table and the row's key) and parked: its check is deleted and its
 * next_check becomes infinity, a value the trigger never writes, so no
 * sweep takes it again until a write of a mapped column judges it (or the
 * user sets next_check to -infinity).  Parking is an UPDATE that the
 * trigger lets through unjudged; when even that fails (every
 * write fails), the table is reported and left for this sweep, and the
 * next sweep tries it again.  Errors that say the transaction itself is in
 * trouble (class 40: serialization failure, deadlock; 53: resources; 57:
 * cancel, shutdown; 58: system errors) are not caught: they end the sweep.
 *
 * IDENTIFICATION
 *	  src/tracking_sweep.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/rls.h"
#include "utils/timestamp.h"

#include "sla_tables.h"
#include "tracking.h"
#include "tracking_sweep.h"

/* The text elements of a text[] datum. */
static void
text_elements(Datum array, Datum **elems, bool **nulls, int *n)
{
	deconstruct_array(DatumGetArrayTypeP(array), TEXTOID, -1, false, TYPALIGN_INT,
					  elems, nulls, n);
}

/* Column col of row i of the last SPI result as a C string, or NULL. */
static char *
spi_text(int i, int col)
{
	return SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, col);
}

/*
 * The tracked tables that exist, in OID order, with their key columns, what
 * the sweep's statements need from their mappings, and whether the caller
 * may sweep them (tracking_privileges.c).
 */
SweepTable *
sla_sweep_tables(int *n)
{
	SweepTable *tables;
	uint64		i;
	int			ret;

	ret = SPI_execute("SELECT c.oid, pg_catalog.format('%I.%I', s.nspname, c.relname),"
					  " t.columns OPERATOR(pg_catalog.->>) 'next_check', t.policy,"
					  " t.columns OPERATOR(pg_catalog.->>) 'policy',"
					  " t.columns OPERATOR(pg_catalog.->>) 'first_response_at',"
					  " t.columns OPERATOR(pg_catalog.->>) 'resolved_at', k.names, k.types,"
					  " t.columns OPERATOR(pg_catalog.->>) 'checks',"
					  " EXISTS (SELECT FROM pg_catalog.pg_trigger g WHERE g.tgrelid OPERATOR(pg_catalog.=) c.oid"
					  "   AND g.tgname OPERATOR(pg_catalog.=) 'sla_track' AND g.tgenabled OPERATOR(pg_catalog.=) ANY ('{O,A}'))"
					  " FROM " SLA_SCHEMA_NAME ".tracked t"
					  " JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) t.tbl"
					  " JOIN pg_catalog.pg_namespace s ON s.oid OPERATOR(pg_catalog.=) c.relnamespace"
					  " LEFT JOIN LATERAL (SELECT"
					  "   pg_catalog.array_agg(a.attname::pg_catalog.text ORDER BY k.n) AS names,"
					  "   pg_catalog.array_agg(pg_catalog.format_type(a.atttypid, a.atttypmod) ORDER BY k.n) AS types"
					  "   FROM pg_catalog.pg_index i,"
					  "   LATERAL pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, n),"
					  "   pg_catalog.pg_attribute a"
					  "   WHERE i.indrelid OPERATOR(pg_catalog.=) c.oid AND i.indisprimary"
					  "   AND k.n OPERATOR(pg_catalog.<=) i.indnkeyatts"
					  "   AND a.attrelid OPERATOR(pg_catalog.=) c.oid AND a.attnum OPERATOR(pg_catalog.=) k.attnum) k ON true"
					  " ORDER BY c.oid",
					  true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read %s.tracked: %s", SLA_SCHEMA_NAME,
			 SPI_result_code_string(ret));
	*n = (int) SPI_processed;
	tables = palloc0(sizeof(SweepTable) * (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		SweepTable *t = &tables[i];
		HeapTuple	tup = SPI_tuptable->vals[i];
		char	   *first = spi_text(i, 6);
		char	   *resolved = spi_text(i, 7);
		char	   *col;
		bool		isnull;
		Datum		names;

		t->relid = DatumGetObjectId(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));
		t->may_sweep = sla_tracking_may_sweep(t->relid);
		t->has_trigger = DatumGetBool(SPI_getbinval(tup, SPI_tuptable->tupdesc, 11, &isnull));
		t->sees_all = check_enable_rls(t->relid, InvalidOid, true) != RLS_ENABLED;
		t->name = spi_text(i, 2);
		t->checks = spi_text(i, 10);
		t->next_check = (char *) quote_identifier(spi_text(i, 3));
		t->policy = spi_text(i, 4);
		col = spi_text(i, 5);
		t->policy_col = col ? (char *) quote_identifier(col) : NULL;
		if (first && resolved)
			t->open = psprintf("t.%s IS NULL OR t.%s IS NULL",
							   quote_identifier(first), quote_identifier(resolved));
		else
			t->open = psprintf("t.%s IS NULL", quote_identifier(first ? first : resolved));
		names = SPI_getbinval(tup, SPI_tuptable->tupdesc, 8, &isnull);
		if (!isnull)
		{
			Datum	   *elems;
			bool	   *nulls;
			int			j;

			text_elements(names, &elems, &nulls, &t->nkeys);
			t->keys = palloc(sizeof(char *) * t->nkeys);
			for (j = 0; j < t->nkeys; j++)
				t->keys[j] = (char *) quote_identifier(TextDatumGetCString(elems[j]));
			text_elements(SPI_getbinval(tup, SPI_tuptable->tupdesc, 9, &isnull),
						  &elems, &nulls, &j);
			t->key_types = palloc(sizeof(char *) * t->nkeys);
			for (j = 0; j < t->nkeys; j++)
				t->key_types[j] = TextDatumGetCString(elems[j]);
		}
	}
	return tables;
}

/* Append the key columns, each after prefix: "t.a, t.b". */
void
sla_sweep_append_keys(StringInfo buf, SweepTable *t, const char *prefix)
{
	int			i;

	for (i = 0; i < t->nkeys; i++)
		appendStringInfo(buf, "%s%s%s", i > 0 ? ", " : "", prefix, t->keys[i]);
}

/* Append the key in text[] parameter $param, typed: "$3[1]::int4, ...". */
void
sla_sweep_append_key_param(StringInfo buf, SweepTable *t, int param)
{
	int			i;

	for (i = 0; i < t->nkeys; i++)
		appendStringInfo(buf, "%s(($%d)[%d])::%s",
						 i > 0 ? ", " : "", param, i + 1, t->key_types[i]);
}

/* Append "(a.k1, a.k2) = (b.k1, b.k2)": the keys after prefixes a and b match. */
void
sla_sweep_append_key_match(StringInfo buf, SweepTable *t, const char *a, const char *b)
{
	appendStringInfoChar(buf, '(');
	sla_sweep_append_keys(buf, t, a);
	appendStringInfoString(buf, ") OPERATOR(pg_catalog.=) (");
	sla_sweep_append_keys(buf, t, b);
	appendStringInfoChar(buf, ')');
}

/*
 * Append the statement that has the trigger judge the rows of CTE "picked"
 * (their keys): "UPDATE t SET next_check = next_check ..." changes nothing
 * itself; the table's tracking trigger, in sweep mode, does the work.
 */
void
sla_sweep_append_judge_picked(StringInfo buf, SweepTable *t)
{
	appendStringInfo(buf, "UPDATE %s AS t SET %s = t.%s FROM picked AS p WHERE ",
					 t->name, t->next_check, t->next_check);
	sla_sweep_append_key_match(buf, t, "t.", "p.");
}

/* Append a row's key as text[]: "ARRAY[t.a::text, ...]". */
void
sla_sweep_append_key_array(StringInfo buf, SweepTable *t, const char *prefix)
{
	int			i;

	appendStringInfoString(buf, "ARRAY[");
	for (i = 0; i < t->nkeys; i++)
		appendStringInfo(buf, "%s%s%s::pg_catalog.text", i > 0 ? ", " : "", prefix, t->keys[i]);
	appendStringInfoChar(buf, ']');
}

/* A key (text[]) as a message shows it: "(a, b) = (x, y)". */
char *
sla_sweep_key_text(SweepTable *t, Datum key)
{
	StringInfoData buf;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int			i;

	text_elements(key, &elems, &nulls, &n);
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '(');
	sla_sweep_append_keys(&buf, t, "");
	appendStringInfoString(&buf, ") = (");
	for (i = 0; i < n; i++)
		appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "",
						 nulls[i] ? "NULL" : TextDatumGetCString(elems[i]));
	appendStringInfoChar(&buf, ')');
	return buf.data;
}

/*
 * The statement that judges one row, by key ($3), when no other
 * transaction holds it.  It returns nothing when the row was not taken.
 */
char *
sla_sweep_judge_one_sql(SweepTable *t)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "WITH picked AS MATERIALIZED (SELECT ");
	sla_sweep_append_keys(&buf, t, "t.");
	appendStringInfo(&buf, " FROM %s AS t WHERE (", t->name);
	sla_sweep_append_keys(&buf, t, "t.");
	appendStringInfoString(&buf, ") OPERATOR(pg_catalog.=) (");
	sla_sweep_append_key_param(&buf, t, 3);
	appendStringInfoString(&buf, ") FOR UPDATE SKIP LOCKED) ");
	sla_sweep_append_judge_picked(&buf, t);
	return buf.data;
}

/*
 * Run sql in a subtransaction, in sweep mode (when not SWEEP_NONE) for
 * table t as of at.  An error is caught and returned, unless it is one
 * that must end the sweep (see the file's comment).
 */
SweepRun
sla_sweep_run(SweepTable *t, TimestampTz at, SweepMode mode, const char *sql,
			  int nargs, Oid *types, Datum *values, const char *nulls)
{
	bool		sweeping = mode != SWEEP_NONE;
	MemoryContext cxt = CurrentMemoryContext;
	ResourceOwner owner = CurrentResourceOwner;
	SweepRun	run;

	memset(&run, 0, sizeof(run));
	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(cxt);
	if (sweeping)
		sla_tracking_sweep_begin(t->relid, at, mode);
	PG_TRY();
	{
		int			ret = SPI_execute_with_args(sql, nargs, types, values, nulls, false, 0);

		if (ret < 0)
			elog(ERROR, "could not sweep \"%s\": %s", t->name, SPI_result_code_string(ret));
		run.processed = SPI_processed;
		run.tuptable = SPI_tuptable;
		if (sweeping)
			run.changed = sla_tracking_sweep_end();
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
		run.ok = true;
	}
	PG_CATCH();
	{
		ErrorData  *edata;
		int			category;

		if (sweeping)
			(void) sla_tracking_sweep_end();
		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
		category = ERRCODE_TO_CATEGORY(edata->sqlerrcode);
		if (category == ERRCODE_TRANSACTION_ROLLBACK ||
			category == ERRCODE_INSUFFICIENT_RESOURCES ||
			category == ERRCODE_OPERATOR_INTERVENTION ||
			category == ERRCODE_SYSTEM_ERROR)
			ReThrowError(edata);
		run.ok = false;
		run.message = edata->message ? edata->message : pstrdup("unknown error");
	}
	PG_END_TRY();
	return run;
}

/* Report that table t could not be swept; its rows stay for the next sweep. */
void
sla_sweep_table_failed(SweepTable *t, const char *message)
{
	ereport(WARNING,
			(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
			 errmsg("could not sweep tracked table \"%s\": %s", t->name, message),
			 errhint("Its rows stay as they are until a later sweep succeeds; sla.track() again after fixing the mapping recomputes them all.")));
}

/*
 * Report that the row with key failed on its own, and park it (next_check
 * infinity, and its check qtid deleted, when given: no sweep takes it
 * again).  False when parking failed too: the table itself is at fault,
 * and is reported.
 */
bool
sla_sweep_row_failed(SweepTable *t, Datum key, Datum qtid, const char *message)
{
	StringInfoData sql;
	Oid			types[4] = {TIMESTAMPTZOID, INT8OID, TEXTARRAYOID, TIDOID};
	Datum		values[4] = {(Datum) 0, (Datum) 0, key, qtid};
	SweepRun	run;

	initStringInfo(&sql);
	appendStringInfo(&sql, "WITH parked AS (UPDATE %s AS t SET %s = 'infinity' WHERE (",
					 t->name, t->next_check);
	sla_sweep_append_keys(&sql, t, "t.");
	appendStringInfoString(&sql, ") OPERATOR(pg_catalog.=) (");
	sla_sweep_append_key_param(&sql, t, 3);
	appendStringInfo(&sql, ") RETURNING 1) DELETE FROM %s AS q WHERE q.ctid OPERATOR(pg_catalog.=) $4",
					 t->checks);
	run = sla_sweep_run(t, 0, SWEEP_PARK, sql.data, 4, types, values,
						qtid == (Datum) 0 ? "nn n" : "nn  ");
	if (!run.ok)
	{
		sla_sweep_table_failed(t, message);
		return false;
	}
	ereport(WARNING,
			(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
			 errmsg("could not sweep row %s of tracked table \"%s\": %s",
					sla_sweep_key_text(t, key), t->name, message),
			 errdetail("Its next check is now infinity: sweeps leave it alone."),
			 errhint("Fix the cause, then set its next check to -infinity for the next sweep, or write one of its mapped columns.")));
	return true;
}

/*
 * The statement that takes due checks of t (at most $2, due at $1; only
 * the check at $4 when one), judges their rows, deletes the checks done
 * (and those of rows gone, when the caller sees every row) and returns
 * the number of checks taken.
 */
static char *
sweep_checks_sql(SweepTable *t, bool one)
{
	StringInfoData sql;

	initStringInfo(&sql);
	appendStringInfoString(&sql, "WITH due AS MATERIALIZED (SELECT q.ctid AS qtid, ");
	sla_sweep_append_keys(&sql, t, "q.");
	appendStringInfo(&sql, " FROM %s AS q WHERE q.sla_check_at OPERATOR(pg_catalog.<=) $1", t->checks);
	if (one)
		appendStringInfoString(&sql, " AND q.ctid OPERATOR(pg_catalog.=) $4");
	appendStringInfoString(&sql, " ORDER BY q.sla_check_at, ");
	sla_sweep_append_keys(&sql, t, "q.");
	appendStringInfoString(&sql, " LIMIT $2 FOR UPDATE SKIP LOCKED), picked AS MATERIALIZED (SELECT ");
	sla_sweep_append_keys(&sql, t, "t.");
	appendStringInfo(&sql, " FROM %s AS t WHERE EXISTS (SELECT FROM due AS d WHERE ", t->name);
	sla_sweep_append_key_match(&sql, t, "t.", "d.");
	appendStringInfoString(&sql, ") FOR UPDATE OF t SKIP LOCKED), judged AS (");
	sla_sweep_append_judge_picked(&sql, t);
	appendStringInfo(&sql, " RETURNING 1), done AS (DELETE FROM %s AS q USING due AS d"
					 " WHERE q.ctid OPERATOR(pg_catalog.=) d.qtid AND (EXISTS (SELECT FROM picked AS p WHERE ",
					 t->checks);
	sla_sweep_append_key_match(&sql, t, "p.", "d.");
	appendStringInfoChar(&sql, ')');
	if (t->sees_all)
	{
		appendStringInfo(&sql, " OR NOT EXISTS (SELECT FROM %s AS t WHERE ", t->name);
		sla_sweep_append_key_match(&sql, t, "t.", "d.");
		appendStringInfoChar(&sql, ')');
	}
	appendStringInfoString(&sql, ") RETURNING 1) SELECT (SELECT pg_catalog.count(*) FROM due),"
						   " (SELECT pg_catalog.count(*) FROM judged), (SELECT pg_catalog.count(*) FROM done)");
	return sql.data;
}

/*
 * Take, one at a time, the due checks of t (at most max_rows), after their
 * batch failed; the rows whose state changed.
 */
static int64
sweep_rows_one_by_one(SweepTable *t, TimestampTz at, int64 max_rows, uint64 *taken)
{
	StringInfoData sql;
	Oid			types[4] = {TIMESTAMPTZOID, INT8OID, TEXTARRAYOID, TIDOID};
	Datum		values[4];
	char	   *judge = sweep_checks_sql(t, true);
	SPITupleTable *checks;
	SweepRun	run;
	int64		changed = 0;
	uint64		i;

	initStringInfo(&sql);
	appendStringInfoString(&sql, "SELECT q.ctid, ");
	sla_sweep_append_key_array(&sql, t, "q.");
	appendStringInfo(&sql, " FROM %s AS q WHERE q.sla_check_at OPERATOR(pg_catalog.<=) $1"
					 " ORDER BY q.sla_check_at, ", t->checks);
	sla_sweep_append_keys(&sql, t, "q.");
	appendStringInfoString(&sql, " LIMIT $2");
	values[0] = TimestampTzGetDatum(at);
	values[1] = Int64GetDatum(max_rows);
	run = sla_sweep_run(t, at, SWEEP_NONE, sql.data, 2, types, values, NULL);
	if (!run.ok)
	{
		sla_sweep_table_failed(t, run.message);
		return 0;
	}
	checks = run.tuptable;
	for (i = 0; i < run.processed; i++)
	{
		bool		isnull;
		SweepRun	one;

		values[3] = SPI_getbinval(checks->vals[i], checks->tupdesc, 1, &isnull);
		values[2] = SPI_getbinval(checks->vals[i], checks->tupdesc, 2, &isnull);
		one = sla_sweep_run(t, at, SWEEP_DUE, judge, 4, types, values, NULL);
		(*taken)++;
		if (one.ok)
			changed += one.changed;
		else if (!sla_sweep_row_failed(t, values[2], values[3], one.message))
			break;
	}
	return changed;
}

/* Is t still tracked, with its check queue (as a new snapshot sees)? */
static bool
still_tracked(SweepTable *t)
{
	Oid			types[2] = {OIDOID, TEXTOID};
	Datum		values[2] = {ObjectIdGetDatum(t->relid), CStringGetTextDatum(t->checks)};
	SweepRun	run;
	bool		isnull;

	run = sla_sweep_run(t, 0, SWEEP_NONE,
						"SELECT EXISTS (SELECT FROM " SLA_SCHEMA_NAME ".tracked AS t"
						" WHERE t.tbl OPERATOR(pg_catalog.=) $1::pg_catalog.regclass)"
						" AND pg_catalog.to_regclass($2) IS NOT NULL", 2, types, values, NULL);
	return !run.ok || DatumGetBool(SPI_getbinval(run.tuptable->vals[0], run.tuptable->tupdesc, 1, &isnull));
}

/* Sweep one table: at most max_rows checks; the rows whose states changed. */
static int64
sweep_table(SweepTable *t, TimestampTz at, int64 max_rows, uint64 *taken)
{
	Oid			types[2] = {TIMESTAMPTZOID, INT8OID};
	Datum		values[2];
	SweepRun	run;

	if (t->nkeys == 0)
	{
		sla_sweep_table_failed(t, "it has no primary key");
		return 0;
	}
	if (t->checks == NULL)
	{
		sla_sweep_table_failed(t, "it has no check queue");
		return 0;
	}
	values[0] = TimestampTzGetDatum(at);
	values[1] = Int64GetDatum(max_rows);
	run = sla_sweep_run(t, at, SWEEP_DUE, sweep_checks_sql(t, false), 2, types, values, NULL);
	if (run.ok)
	{
		bool		isnull;

		*taken = (uint64) DatumGetInt64(SPI_getbinval(run.tuptable->vals[0],
													  run.tuptable->tupdesc, 1, &isnull));
		return run.changed;
	}
	if (!still_tracked(t))
		return 0;				/* untracked while the sweep waited for it */
	return sweep_rows_one_by_one(t, at, max_rows, taken);
}

/*
 * sla.sweep(max_rows, at): judge as of at the tracked rows whose next
 * threshold has passed, at most max_rows of them, then with what is left
 * of max_rows the rows a calendar change made stale; the number of rows
 * whose state changed (events are rows of sla.event).
 */
PG_FUNCTION_INFO_V1(sla_sweep);
Datum
sla_sweep(PG_FUNCTION_ARGS)
{
	int32		max_rows = PG_GETARG_INT32(0);
	TimestampTz at = PG_GETARG_TIMESTAMPTZ(1);
	int64		remaining = max_rows;
	int64		changed = 0;
	SweepTable *tables;
	int			n;
	int			i;
	int			ret;

	if (max_rows < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("max_rows must not be negative")));
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("instant of a sweep must be finite")));
	if ((ret = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(ret));
	tables = sla_sweep_tables(&n);
	for (i = 0; i < n && !tables[i].may_sweep; i++)
		;
	if (n > 0 && i == n)
		sla_tracking_sweep_denied(n);
	for (i = 0; i < n && remaining > 0; i++)
	{
		uint64		taken = 0;

		if (!tables[i].may_sweep)
			continue;			/* another role's table: its sweeps judge it */
		if (!tables[i].has_trigger)
		{
			/*
			 * Without its trigger an UPDATE judges nothing: the same due rows
			 * would be taken again by every sweep, using up max_rows.
			 */
			ereport(WARNING,
					(errmsg("tracked table \"%s\" has no enabled sla_track trigger", tables[i].name),
					 errdetail("Its rows are not swept."),
					 errhint("Call sla.track() again (its rows are then judged anew), or sla.untrack().")));
			continue;
		}
		changed += sweep_table(&tables[i], at, remaining, &taken);
		remaining -= (int64) taken;
	}
	if (remaining > 0)
		changed += sla_recompute_rows(at, &remaining);
	if ((ret = SPI_finish()) != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed: %s", SPI_result_code_string(ret));
	PG_RETURN_INT32((int32) changed);
}
