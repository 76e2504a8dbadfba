/*-------------------------------------------------------------------------
 *
 * tracking_sweep.c
 *	  sla.sweep(): the breaches and warnings that time alone causes, on
 *	  every tracked table.
 *
 * For each table of sla.tracked, one UPDATE of the rows whose next_check
 * has passed, taken through the table's partial index in next_check order
 * with FOR UPDATE SKIP LOCKED in a materialized CTE (run once: as a
 * subquery it could be rescanned and take more rows than asked): a row an application holds is left for the
 * next sweep (the sweep never waits for it), and two sweeps never take the
 * same row.  The UPDATE changes nothing itself; the table's tracking
 * trigger, told that this table is being swept and as of which instant,
 * judges each row again and writes its events (tracking_trigger.c), so
 * the sweep and the application's writes share one definition of every
 * state.  A row judged as of the sweep's instant has its next_check after
 * it, so a second sweep at the same instant finds nothing.
 *
 * IDENTIFICATION
 *	  src/tracking_sweep.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "sla_tables.h"
#include "tracking.h"

/* A tracked table and the statement that sweeps it. */
typedef struct SweepTable
{
	Oid			relid;
	char	   *name;
	char	   *update;			/* NULL: the table has no primary key */
} SweepTable;

/*
 * The tracked tables that exist and that the caller may sweep, in OID
 * order, each with its UPDATE: $1 the instant, $2 the most rows to take.
 */
static SweepTable *
tracked_tables(int *n)
{
	SweepTable *tables;
	uint64		i;
	int			ret;

	ret = SPI_execute("SELECT c.oid, pg_catalog.format('%I.%I', s.nspname, c.relname),"
					  " pg_catalog.format('WITH picked AS MATERIALIZED (SELECT %s FROM %I.%I"
					  " WHERE %I OPERATOR(pg_catalog.<=) $1 ORDER BY %I, %s LIMIT $2 FOR UPDATE SKIP LOCKED)"
					  " UPDATE %I.%I AS t SET %I = t.%I FROM picked AS p WHERE (%s) OPERATOR(pg_catalog.=) (%s)',"
					  " k.cols, s.nspname, c.relname, n.col, n.col, k.cols, s.nspname, c.relname, n.col, n.col,"
					  " k.tcols, k.pcols)"
					  " FROM " SLA_SCHEMA_NAME ".tracked t"
					  " JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) t.tbl"
					  " JOIN pg_catalog.pg_namespace s ON s.oid OPERATOR(pg_catalog.=) c.relnamespace"
					  " CROSS JOIN LATERAL (SELECT t.columns OPERATOR(pg_catalog.->>) 'next_check' AS col) n"
					  " LEFT JOIN LATERAL (SELECT"
					  "   pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY k.n) AS cols,"
					  "   pg_catalog.string_agg('t.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(a.attname), ', ' ORDER BY k.n) AS tcols,"
					  "   pg_catalog.string_agg('p.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(a.attname), ', ' ORDER BY k.n) AS pcols"
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
	*n = 0;
	tables = palloc0(sizeof(SweepTable) * (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		bool		isnull;
		Oid			relid = DatumGetObjectId(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));

		/* only the tables the caller may update (tracking_privileges.c) */
		if (!sla_tracking_may_sweep(relid))
			continue;
		tables[*n].relid = relid;
		tables[*n].name = SPI_getvalue(tup, SPI_tuptable->tupdesc, 2);
		tables[*n].update = SPI_getvalue(tup, SPI_tuptable->tupdesc, 3);
		(*n)++;
	}
	if (*n == 0 && SPI_processed > 0)
		sla_tracking_sweep_denied(SPI_processed);
	return tables;
}

/* Sweep one table: at most max_rows rows; the rows whose states changed. */
static int64
sweep_table(SweepTable *t, TimestampTz at, int64 max_rows, uint64 *taken)
{
	Oid			types[2] = {TIMESTAMPTZOID, INT8OID};
	Datum		values[2];
	int64		changed;
	int			ret;

	if (t->update == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TABLE_DEFINITION),
				 errmsg("tracked table \"%s\" has no primary key", t->name),
				 errhint("Add a primary key, or call sla.untrack().")));
	values[0] = TimestampTzGetDatum(at);
	values[1] = Int64GetDatum(max_rows);
	sla_tracking_sweep_begin(t->relid, at);
	PG_TRY();
	{
		ret = SPI_execute_with_args(t->update, 2, types, values, NULL, false, 0);
		if (ret != SPI_OK_UPDATE)
			elog(ERROR, "could not sweep \"%s\": %s", t->name, SPI_result_code_string(ret));
		*taken = SPI_processed;
	}
	PG_FINALLY();
	{
		changed = sla_tracking_sweep_end();
	}
	PG_END_TRY();
	return changed;
}

/*
 * sla.sweep(max_rows, at): judge as of at the tracked rows whose next
 * threshold has passed, at most max_rows of them; the number of rows
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
	tables = tracked_tables(&n);
	for (i = 0; i < n && remaining > 0; i++)
	{
		uint64		taken = 0;

		changed += sweep_table(&tables[i], at, remaining, &taken);
		remaining -= (int64) taken;
	}
	if ((ret = SPI_finish()) != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed: %s", SPI_result_code_string(ret));
	PG_RETURN_INT32((int32) changed);
}
