/*-------------------------------------------------------------------------
 *
 * tracking_checks.c
 *	  The check queue of a tracked table: when each open row is next to be
 *	  judged by the sweep.
 *
 * A tracked table's next checks are not indexed on the table itself: an
 * index there would take an entry at every update that is not HOT, of any
 * column, so an update of an unrelated column would pay for it.  They are
 * rows (the instant and the row's primary key) of a table of their own in
 * schema sla, made by sla.create_check_queue(), indexed by instant.  The
 * tracking trigger adds a check when a row needs one sooner than the one
 * it has (the row's next_check column says which it has); the sweep takes
 * the checks that are due, judges their rows and deletes them.  A check
 * that is no longer needed (its row was resolved, deleted, or checked
 * sooner) costs one judgement when it comes due, and goes.
 *
 * The trigger writes checks directly (heap and index insertion, as the
 * catalogs are written), past privileges and row-level security: no role
 * needs the right to insert into a queue, and no user code runs.  The
 * queue is found by the name the mapping carries, once per statement.
 *
 * IDENTIFICATION
 *	  src/tracking_checks.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/index.h"
#include "catalog/namespace.h"
#include "nodes/makefuncs.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/timestamp.h"
#include "utils/varlena.h"

#include "tracking.h"

/* Raise the error of a queue that does not have the table's key. */
static void
report_bad_queue(Relation rel, Relation q)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATATYPE_MISMATCH),
			 errmsg("check queue \"%s\" does not match the primary key of tracked table \"%s\"",
					RelationGetRelationName(q), RelationGetRelationName(rel)),
			 errhint("Call sla.untrack() then sla.track() again: the queue is made anew.")));
}

/*
 * The check queue named by mapping m of table rel, checked against the
 * table's key, with what inserting into its indexes needs; for one
 * statement (the lock taken here is held to the transaction's end, so
 * the queue cannot change under it).  An error when it is gone.
 */
CheckQueue *
sla_tracking_check_queue(Relation rel, TrackMapping *m)
{
	List	   *names = textToQualifiedNameList(cstring_to_text(m->checks));
	Oid			relid = RangeVarGetRelid(makeRangeVarFromNameList(names), NoLock, true);
	CheckQueue *cq;
	Relation	q;
	TupleDesc	desc = RelationGetDescr(rel);
	TupleDesc	qdesc;
	List	   *indexes;
	ListCell   *lc;
	int			i;

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("check queue \"%s\" of tracked table \"%s\" does not exist",
						m->checks, RelationGetRelationName(rel)),
				 errhint("Call sla.track() again: it makes the queue and checks every row.")));
	q = table_open(relid, RowExclusiveLock);
	qdesc = RelationGetDescr(q);
	if (qdesc->natts != m->npk + 1 || TupleDescAttr(qdesc, 0)->atttypid != TIMESTAMPTZOID)
		report_bad_queue(rel, q);
	for (i = 0; i < m->npk; i++)
		if (TupleDescAttr(qdesc, i + 1)->atttypid != TupleDescAttr(desc, m->pk[i] - 1)->atttypid ||
			TupleDescAttr(qdesc, i + 1)->attisdropped)
			report_bad_queue(rel, q);
	indexes = RelationGetIndexList(q);
	cq = palloc0(offsetof(CheckQueue, indexes) + sizeof(CheckQueueIndex) * list_length(indexes));
	cq->relid = relid;
	foreach(lc, indexes)
	{
		Relation	index = index_open(lfirst_oid(lc), RowExclusiveLock);
		CheckQueueIndex *ci = &cq->indexes[cq->nindexes++];

		ci->relid = lfirst_oid(lc);
		ci->info = BuildIndexInfo(index);
		ci->unique = index->rd_index->indisunique;
		if (ci->info->ii_Expressions != NIL || ci->info->ii_Predicate != NIL ||
			!ci->info->ii_ReadyForInserts)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("check queue \"%s\" has an index on expressions or with a predicate",
							RelationGetRelationName(q)),
					 errhint("Drop index \"%s\": the queue's own index is on column sla_check_at.",
							 RelationGetRelationName(index))));
		index_close(index, NoLock);
	}
	list_free(indexes);
	table_close(q, NoLock);
	return cq;
}

/*
 * Queue a check at instant at of the row tup of rel (mapping m) into queue
 * cq: its first column is the instant, the others the table's primary
 * key, in order.
 */
void
sla_tracking_queue_check(Relation rel, TrackMapping *m, CheckQueue *cq,
						 HeapTuple tup, TimestampTz at)
{
	TupleDesc	desc = RelationGetDescr(rel);
	Relation	q = table_open(cq->relid, RowExclusiveLock);
	Datum		values[INDEX_MAX_KEYS + 1];
	bool		nulls[INDEX_MAX_KEYS + 1];
	HeapTuple	qtup;
	int			i;

	values[0] = TimestampTzGetDatum(at);
	nulls[0] = false;
	for (i = 0; i < m->npk; i++)
		values[i + 1] = heap_getattr(tup, m->pk[i], desc, &nulls[i + 1]);
	qtup = heap_form_tuple(RelationGetDescr(q), values, nulls);
	simple_heap_insert(q, qtup);
	for (i = 0; i < cq->nindexes; i++)
	{
		CheckQueueIndex *ci = &cq->indexes[i];
		Relation	index = index_open(ci->relid, RowExclusiveLock);
		Datum		ivalues[INDEX_MAX_KEYS];
		bool		inulls[INDEX_MAX_KEYS];
		int			k;

		for (k = 0; k < ci->info->ii_NumIndexAttrs; k++)
		{
			AttrNumber	attnum = ci->info->ii_IndexAttrNumbers[k];

			ivalues[k] = values[attnum - 1];
			inulls[k] = nulls[attnum - 1];
		}
		index_insert(index, ivalues, inulls, &qtup->t_self, q,
					 ci->unique ? UNIQUE_CHECK_YES : UNIQUE_CHECK_NO, false, ci->info);
		index_close(index, NoLock);
	}
	heap_freetuple(qtup);
	table_close(q, NoLock);
}
