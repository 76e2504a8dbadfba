/*-------------------------------------------------------------------------
 *
 * tracking_mapping.c
 *	  The mapping of a tracked table, as its trigger carries it: which
 *	  column is the priority, the start, the done instants, the status,
 *	  and which columns receive the results.
 *
 * sla.track() checks a mapping and writes it, as JSON, into the trigger's
 * arguments (and into sla.tracked, for the sweep and sla.untrack()).  The
 * trigger resolves the names against the table's columns: a column renamed
 * (or, with a trigger not made by sla.track(), dropped or retyped) since
 * sla.track() is reported here, at the next write, naming the mapping and
 * the fix.  A resolved mapping is kept per backend, by trigger, until the
 * table's relcache entry is invalidated (any change of its columns, indexes
 * or triggers does that), so a statement writing one row does not parse
 * the arguments again.
 *
 * IDENTIFICATION
 *	  src/tracking_mapping.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "access/xact.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/syscache.h"

#include "sla_tables.h"
#include "tracking.h"

/* A resolved mapping kept for a trigger (by its OID). */
typedef struct MappingEntry
{
	Oid			tgoid;			/* hash key */
	Oid			relid;
	bool		valid;			/* false: the table changed since */
	char	   *args;			/* the trigger's mapping argument */
	MemoryContext cxt;			/* holds args and map */
	TrackMapping *map;
} MappingEntry;

static HTAB *mapping_cache = NULL;

/*
 * Contexts of mappings replaced during the transaction: a statement still
 * running may use one, so they go at its end.
 */
static List *retired = NIL;

/* The mapping's keys, in TrackColumn order. */
static const char *const column_keys[TC_COUNT] = {
	"priority", "opened_at", "first_response_at", "resolved_at", "status",
	"status_changed_at", "customer", "policy", "first_response_due",
	"resolution_due", "state", "breached_at", "paused", "targets", "next_check"
};

/* The type a mapped column must have; InvalidOid: any. */
static Oid
expected_type(TrackColumn col)
{
	switch (col)
	{
		case TC_OPENED_AT:
		case TC_FIRST_RESPONSE_AT:
		case TC_RESOLVED_AT:
		case TC_STATUS_CHANGED_AT:
		case TC_FIRST_RESPONSE_DUE:
		case TC_RESOLUTION_DUE:
		case TC_BREACHED_AT:
		case TC_NEXT_CHECK:
			return TIMESTAMPTZOID;
		case TC_PAUSED:
			return TSTZMULTIRANGEOID;
		case TC_TARGETS:
			return JSONBOID;
		case TC_POLICY:
			return TEXTOID;
		case TC_STATE:			/* checked by name: sla.sla_state */
		case TC_PRIORITY:
		case TC_STATUS:
		case TC_CUSTOMER:
		case TC_COUNT:
			break;
	}
	return InvalidOid;
}

/* Raise the mapping error of a trigger whose arguments sla.track() did not write. */
static void
report_bad_arguments(Relation rel)
{
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("invalid SLA tracking trigger arguments on table \"%s\"",
					RelationGetRelationName(rel)),
			 errhint("Create the trigger with sla.track().")));
}

/* Is type the enum sla.sla_state? */
static bool
is_state_type(Oid type)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(type));
	bool		result = false;

	if (HeapTupleIsValid(tup))
	{
		Form_pg_type t = (Form_pg_type) GETSTRUCT(tup);

		result = strcmp(NameStr(t->typname), "sla_state") == 0 &&
			strcmp(get_namespace_name(t->typnamespace), SLA_SCHEMA_NAME) == 0;
		ReleaseSysCache(tup);
	}
	return result;
}

/*
 * Resolve mapped column col of rel: its number, after checking it still
 * exists with the type sla.track() accepted.
 */
static AttrNumber
resolve_column(Relation rel, TrackMapping *m, TrackColumn col)
{
	TupleDesc	desc = RelationGetDescr(rel);
	const char *name = m->names[col];
	Oid			want = expected_type(col);
	Oid			type;
	int			i;

	for (i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), name) == 0)
			break;
	}
	if (i == desc->natts)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						name, RelationGetRelationName(rel)),
				 errdetail("SLA tracking maps \"%s\" to this column.", column_keys[col]),
				 errhint("Rename the column back, or call sla.track() again with \"%s\" mapped to its new name; sla.untrack() stops tracking.",
						 column_keys[col])));
	type = TupleDescAttr(desc, i)->atttypid;
	if ((col == TC_STATE && !is_state_type(type)) ||
		(col == TC_POLICY && type != TEXTOID && type != VARCHAROID) ||
		(col != TC_POLICY && want != InvalidOid && type != want))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of relation \"%s\" has type %s",
						name, RelationGetRelationName(rel), format_type_be(type)),
				 errdetail("SLA tracking maps \"%s\" to this column, which must be of type %s.",
						   column_keys[col],
						   col == TC_STATE ? "sla.sla_state" : format_type_be(want)),
				 errhint("Change the column's type back, or call sla.track() again with \"%s\" mapped to another column.",
						 column_keys[col])));
	return (AttrNumber) (i + 1);
}

/* The string value of key in object container c, or NULL. */
static char *
json_string(JsonbContainer *c, const char *key)
{
	JsonbValue	v;

	if (!getKeyJsonValueFromContainer(c, key, strlen(key), &v) || v.type != jbvString)
		return NULL;
	return pnstrdup(v.val.string.val, v.val.string.len);
}

/* Read the paused statuses (a JSON array of strings) of mapping c into m. */
static void
read_paused(Relation rel, JsonbContainer *c, TrackMapping *m)
{
	JsonbValue	v;
	JsonbIterator *it;
	JsonbIteratorToken tok;
	JsonbValue	elem;

	m->npaused = 0;
	if (!getKeyJsonValueFromContainer(c, "paused_statuses", 15, &v))
		return;
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
		report_bad_arguments(rel);
	m->paused = palloc(sizeof(char *) * (JsonContainerSize(v.val.binary.data) + 1));
	it = JsonbIteratorInit(v.val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &elem, true)) != WJB_DONE)
	{
		if (tok != WJB_ELEM)
			continue;
		if (elem.type != jbvString)
			report_bad_arguments(rel);
		m->paused[m->npaused++] = pnstrdup(elem.val.string.val, elem.val.string.len);
	}
}

/* The primary key's columns of rel into m (42P16 when it has none). */
static void
read_primary_key(Relation rel, TrackMapping *m)
{
	Oid			pkoid = RelationGetPrimaryKeyIndex(rel);
	HeapTuple	tup;
	Form_pg_index idx;
	int			i;

	if (!OidIsValid(pkoid))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TABLE_DEFINITION),
				 errmsg("table \"%s\" has no primary key", RelationGetRelationName(rel)),
				 errdetail("SLA tracking names a row by its primary key."),
				 errhint("Add a primary key, or call sla.untrack().")));
	tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(pkoid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for index %u", pkoid);
	idx = (Form_pg_index) GETSTRUCT(tup);
	m->npk = idx->indnkeyatts;
	m->pk = palloc(sizeof(AttrNumber) * m->npk);
	for (i = 0; i < m->npk; i++)
		m->pk[i] = idx->indkey.values[i];
	ReleaseSysCache(tup);
}

/*
 * The mapping of the trigger being fired, resolved against the table's
 * columns, allocated in the current memory context.  Arguments: the
 * default policy's name and the mapping as JSON.
 */
static TrackMapping *
resolve_mapping(TriggerData *trigdata)
{
	Relation	rel = trigdata->tg_relation;
	Trigger    *tg = trigdata->tg_trigger;
	TrackMapping *m = palloc0(sizeof(TrackMapping));
	Jsonb	   *jb;
	int			col;

	if (tg->tgnargs != 2)
		report_bad_arguments(rel);
	m->policy = pstrdup(tg->tgargs[0]);
	jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(tg->tgargs[1])));
	if (!JB_ROOT_IS_OBJECT(jb))
		report_bad_arguments(rel);
	for (col = 0; col < TC_COUNT; col++)
	{
		m->names[col] = json_string(&jb->root, column_keys[col]);
		if (m->names[col] != NULL)
			m->attnums[col] = resolve_column(rel, m, (TrackColumn) col);
	}
	/* what sla.track() always maps */
	for (col = TC_FIRST_RESPONSE_DUE; col < TC_COUNT; col++)
		if (m->names[col] == NULL)
			report_bad_arguments(rel);
	if (m->names[TC_PRIORITY] == NULL || m->names[TC_OPENED_AT] == NULL)
		report_bad_arguments(rel);
	m->checks = json_string(&jb->root, "checks");
	if (m->checks == NULL)
		report_bad_arguments(rel);
	read_paused(rel, &jb->root, m);
	read_primary_key(rel, m);
	return m;
}

/* A table's relcache entry was invalidated (InvalidOid: all): its mappings go stale. */
static void
mapping_relcache_callback(Datum arg, Oid relid)
{
	HASH_SEQ_STATUS seq;
	MappingEntry *e;

	hash_seq_init(&seq, mapping_cache);
	while ((e = hash_seq_search(&seq)) != NULL)
		if (!OidIsValid(relid) || e->relid == relid)
			e->valid = false;
}

/*
 * At the end of a transaction no statement uses a replaced or stale
 * mapping: free them (stale ones may be of triggers dropped since).
 */
static void
mapping_xact_callback(XactEvent event, void *arg)
{
	HASH_SEQ_STATUS seq;
	MappingEntry *e;
	ListCell   *lc;

	if (event != XACT_EVENT_COMMIT && event != XACT_EVENT_ABORT &&
		event != XACT_EVENT_PARALLEL_COMMIT && event != XACT_EVENT_PARALLEL_ABORT &&
		event != XACT_EVENT_PREPARE)
		return;
	foreach(lc, retired)
		MemoryContextDelete((MemoryContext) lfirst(lc));
	list_free(retired);
	retired = NIL;
	hash_seq_init(&seq, mapping_cache);
	while ((e = hash_seq_search(&seq)) != NULL)
		if (!e->valid)
		{
			MemoryContextDelete(e->cxt);
			hash_search(mapping_cache, &e->tgoid, HASH_REMOVE, NULL);
		}
}

/*
 * The mapping of the trigger being fired: the one kept for it while its
 * table has not changed since, else resolved again (and kept).  It stays
 * valid until the end of the transaction.
 */
TrackMapping *
sla_tracking_mapping(TriggerData *trigdata)
{
	Trigger    *tg = trigdata->tg_trigger;
	Oid			relid = RelationGetRelid(trigdata->tg_relation);
	const char *args = tg->tgnargs == 2 ? tg->tgargs[1] : "";
	MappingEntry *e;
	bool		found;
	MemoryContext cxt;
	MemoryContext old;
	TrackMapping *map;

	if (mapping_cache == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(Oid);
		ctl.entrysize = sizeof(MappingEntry);
		ctl.hcxt = CacheMemoryContext;
		mapping_cache = hash_create("sla tracking mappings", 16, &ctl,
									HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		CacheRegisterRelcacheCallback(mapping_relcache_callback, (Datum) 0);
		RegisterXactCallback(mapping_xact_callback, NULL);
	}
	e = hash_search(mapping_cache, &tg->tgoid, HASH_FIND, NULL);
	if (e != NULL && e->valid && e->relid == relid && strcmp(e->args, args) == 0)
		return e->map;

	/* resolve in a context of its own, kept only when that succeeds */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "sla tracking mapping",
								ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(cxt);
	map = resolve_mapping(trigdata);
	args = pstrdup(args);
	MemoryContextSwitchTo(old);
	MemoryContextSetParent(cxt, CacheMemoryContext);

	e = hash_search(mapping_cache, &tg->tgoid, HASH_ENTER, &found);
	if (found)
	{
		old = MemoryContextSwitchTo(TopMemoryContext);
		retired = lappend(retired, e->cxt);
		MemoryContextSwitchTo(old);
	}
	e->relid = relid;
	e->valid = true;
	e->args = (char *) args;
	e->cxt = cxt;
	e->map = map;
	return map;
}
