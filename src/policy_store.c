/*-------------------------------------------------------------------------
 *
 * policy_store.c
 *	  The only code that reads sla.policy: a named policy's versions, loaded
 *	  into the per-backend cache of store_cache.c and dropped when the table
 *	  changes (its statement trigger sends the invalidation).
 *
 * IDENTIFICATION
 *	  src/policy_store.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "policy_store.h"
#include "sla_tables.h"
#include "store_cache.h"

static void *load_policy(const char *name, MemoryContext *mcxt);
static void report_missing_policy(const char *name);

/* Named policies' versions, by name. */
static SlaStore policy_store = {
	.name = "policy",
	.ntables = 1,
	.tables = {SLA_POLICY_TABLE},
	.key_maxlen = SLA_POLICY_NAME_MAXLEN,
	.load = load_policy,
	.missing = report_missing_policy,
};

/* Register the policy cache; called once from _PG_init. */
void
sla_policy_store_init(void)
{
	sla_store_register(&policy_store);
}

/* Raise 42704 for a policy name without a row. */
static void
report_missing_policy(const char *name)
{
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_OBJECT),
			 errmsg("policy \"%s\" does not exist", name),
			 errhint("Named policies are rows of %s.", SLA_POLICY_QUALIFIED)));
}

/*
 * The store's load callback: every version of policy name, with the active
 * snapshot, copied into a context of its own (returned in *mcxt).
 */
static void *
load_policy(const char *name, MemoryContext *mcxt)
{
	MemoryContext cxt;
	MemoryContext old;
	SlaPolicyVersions *v;
	Datum		arg[1];
	Oid			argtype[1] = {TEXTOID};
	uint64		i;
	int			ret;

	/* the value's context, under the caller's as store_cache.h asks */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "sla policy",
								ALLOCSET_SMALL_SIZES);
	arg[0] = CStringGetTextDatum(name);
	if ((ret = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(ret));
	ret = SPI_execute_with_args("SELECT valid_from, policy FROM " SLA_POLICY_QUALIFIED
								" WHERE name OPERATOR(pg_catalog.=) $1 ORDER BY valid_from",
								1, argtype, arg, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read %s: %s", SLA_POLICY_QUALIFIED,
			 SPI_result_code_string(ret));
	if (SPI_processed == 0)
		report_missing_policy(name);
	if (SPI_processed > (uint64) (MaxAllocSize / sizeof(SlaPolicy *)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("policy \"%s\" has too many versions", name)));

	old = MemoryContextSwitchTo(cxt);
	v = palloc0(sizeof(SlaPolicyVersions));
	v->name = pstrdup(name);
	v->nversions = (int) SPI_processed;
	v->valid_from = palloc(sizeof(TimestampTz) * v->nversions);
	v->policies = palloc(sizeof(SlaPolicy *) * v->nversions);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		bool		from_null;
		bool		policy_null;
		Datum		from = SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &from_null);
		Datum		policy = SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &policy_null);

		/* the columns are NOT NULL; should that be dropped, refuse the row */
		if (from_null || policy_null)
			ereport(ERROR,
					(errcode(ERRCODE_NOT_NULL_VIOLATION),
					 errmsg("policy \"%s\" has a version with a null valid_from or policy",
							name)));
		v->valid_from[i] = DatumGetTimestampTz(from);
		v->policies[i] = (SlaPolicy *) PG_DETOAST_DATUM_COPY(policy);
	}
	MemoryContextSwitchTo(old);
	if ((ret = SPI_finish()) != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed: %s", SPI_result_code_string(ret));
	*mcxt = cxt;
	return v;
}

/*
 * The versions of the policy named by text argument argno, with the call
 * site's lookup memory in *slot (see store_cache.h for when a change is
 * seen).
 */
SlaPolicyVersions *
sla_policy_versions_for_call(FunctionCallInfo fcinfo, void **slot, int argno)
{
	return (SlaPolicyVersions *) sla_store_lookup_at(&policy_store, slot, fcinfo, argno);
}

/*
 * The versions of the policy named name (len bytes), for a call site that
 * keeps the lookup's memory in *slot (a trigger: the name comes from a row
 * or a trigger argument, not from a text argument).
 */
SlaPolicyVersions *
sla_policy_versions_for_name(FmgrInfo *flinfo, void **slot, const char *name, int len)
{
	return (SlaPolicyVersions *) sla_store_lookup_key(&policy_store, slot, flinfo,
													  name, len, false);
}

/*
 * The version in force at instant at: the last one whose valid_from is at
 * or before it.  Raises 22023 naming the first valid_from when none is.
 */
const SlaPolicy *
sla_policy_version_at(const SlaPolicyVersions *v, TimestampTz at)
{
	int			lo = 0;
	int			hi = v->nversions;

	/* the last index with valid_from <= at, by binary search */
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (v->valid_from[mid] <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("policy \"%s\" has no version in force at %s",
						v->name, timestamptz_to_str(at)),
				 errdetail("Its first version is valid from %s.",
						   timestamptz_to_str(v->valid_from[0]))));
	return v->policies[lo - 1];
}
