/*-------------------------------------------------------------------------
 *
 * policy_pauses.c
 *	  The sla.pauses aggregate: a ticket's status history, in order of
 *	  change, to the tstzmultirange of time spent in paused statuses.
 *
 * Each row says the ticket entered a status at changed_at; consecutive
 * paused statuses make one pause, which ends at the first row of a status
 * that is not paused, or never (still paused).  The order of rows is the
 * meaning, so rows must come sorted (ORDER BY changed_at, id) and the
 * aggregate has no combine function: it never runs partially in parallel.
 *
 * IDENTIFICATION
 *	  src/policy_pauses.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "sla.h"

typedef struct PausesState
{
	bool		paused;			/* in a paused status now */
	TimestampTz since;			/* when the current pause began */
	TimestampTz last;			/* changed_at of the last row */
	bool		any;			/* a row was seen */
	int			n;
	int			max;
	TimestampTz *lo;			/* finished pauses [lo, hi) */
	TimestampTz *hi;
	ArrayType  *statuses;		/* the last paused_statuses seen, and */
	Datum	   *elems;			/* its elements */
	bool	   *nulls;
	int			nelems;
} PausesState;

/* Is status one of the state's paused statuses (rebuilt when they change)? */
static bool
is_paused(PausesState *st, MemoryContext aggcxt, ArrayType *statuses, text *status)
{
	int			i;

	if (st->statuses == NULL ||
		VARSIZE(st->statuses) != VARSIZE(statuses) ||
		memcmp(st->statuses, statuses, VARSIZE(statuses)) != 0)
	{
		MemoryContext old = MemoryContextSwitchTo(aggcxt);

		if (ARR_NDIM(statuses) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("paused statuses must be a one-dimensional array")));
		st->statuses = (ArrayType *) palloc(VARSIZE(statuses));
		memcpy(st->statuses, statuses, VARSIZE(statuses));
		deconstruct_array(st->statuses, TEXTOID, -1, false, TYPALIGN_INT,
						  &st->elems, &st->nulls, &st->nelems);
		MemoryContextSwitchTo(old);
	}
	for (i = 0; i < st->nelems; i++)
	{
		text	   *e;

		if (st->nulls[i])
			continue;
		e = DatumGetTextPP(st->elems[i]);
		if (VARSIZE_ANY_EXHDR(e) == VARSIZE_ANY_EXHDR(status) &&
			memcmp(VARDATA_ANY(e), VARDATA_ANY(status), VARSIZE_ANY_EXHDR(status)) == 0)
			return true;
	}
	return false;
}

/* Keep the finished pause [lo, hi) unless it is empty. */
static void
keep_pause(PausesState *st, MemoryContext aggcxt, TimestampTz lo, TimestampTz hi)
{
	if (lo >= hi)
		return;
	if (st->n == st->max)
	{
		st->max = st->max == 0 ? 8 : st->max * 2;
		if ((Size) st->max * sizeof(TimestampTz) > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many pauses")));
		if (st->lo == NULL)
		{
			st->lo = MemoryContextAlloc(aggcxt, st->max * sizeof(TimestampTz));
			st->hi = MemoryContextAlloc(aggcxt, st->max * sizeof(TimestampTz));
		}
		else
		{
			st->lo = repalloc(st->lo, st->max * sizeof(TimestampTz));
			st->hi = repalloc(st->hi, st->max * sizeof(TimestampTz));
		}
	}
	st->lo[st->n] = lo;
	st->hi[st->n] = hi;
	st->n++;
}

/* Transition: (state, changed_at, status, paused_statuses); NULL rows skipped. */
PG_FUNCTION_INFO_V1(sla_pauses_transfn);
Datum
sla_pauses_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	PausesState *st;
	TimestampTz at;
	bool		paused;

	aggcxt = sla_agg_context(fcinfo, "sla_pauses_transfn");
	st = PG_ARGISNULL(0) ? NULL : (PausesState *) PG_GETARG_POINTER(0);
	if (st == NULL)
		st = MemoryContextAllocZero(aggcxt, sizeof(PausesState));
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_POINTER(st);

	at = PG_GETARG_TIMESTAMPTZ(1);
	if (st->any && at < st->last)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("status changes must come in order of changed_at"),
				 errdetail("A change at %s follows one at %s.",
						   pstrdup(timestamptz_to_str(at)),
						   pstrdup(timestamptz_to_str(st->last))),
				 errhint("Write sla.pauses(changed_at, status, paused_statuses ORDER BY changed_at, id).")));
	paused = is_paused(st, aggcxt, PG_GETARG_ARRAYTYPE_P(3), PG_GETARG_TEXT_PP(2));
	if (paused && !st->paused)
		st->since = at;
	else if (!paused && st->paused)
		keep_pause(st, aggcxt, st->since, at);
	st->paused = paused;
	st->last = at;
	st->any = true;
	PG_RETURN_POINTER(st);
}

/* Final: the pauses as a tstzmultirange, the last open-ended if still paused. */
PG_FUNCTION_INFO_V1(sla_pauses_finalfn);
Datum
sla_pauses_finalfn(PG_FUNCTION_ARGS)
{
	PausesState *st = PG_ARGISNULL(0) ? NULL : (PausesState *) PG_GETARG_POINTER(0);
	TypeCacheEntry *rngtype = lookup_type_cache(TSTZRANGEOID, TYPECACHE_RANGE_INFO);
	int			n = st ? st->n + (st->paused ? 1 : 0) : 0;
	RangeType **ranges = palloc(sizeof(RangeType *) * Max(n, 1));
	int			i;

	for (i = 0; i < n; i++)
	{
		RangeBound lower = {0},
					upper = {0};
		bool		open = (i == st->n);

		lower.val = TimestampTzGetDatum(open ? st->since : st->lo[i]);
		lower.inclusive = true;
		lower.lower = true;
		upper.val = open ? (Datum) 0 : TimestampTzGetDatum(st->hi[i]);
		upper.infinite = open;
		upper.inclusive = false;
		upper.lower = false;
		ranges[i] = sla_make_range(rngtype, &lower, &upper, false);
	}
	PG_RETURN_MULTIRANGE_P(make_multirange(TSTZMULTIRANGEOID, rngtype, n, ranges));
}
