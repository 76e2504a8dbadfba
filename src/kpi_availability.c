/*-------------------------------------------------------------------------
 *
 * kpi_availability.c
 *	  sla.availability(outage, period, calendar): 100 * (1 - open time of
 *	  the union of the outages within the period / open time of the
 *	  period), on a calendar's open hours.
 *
 * The transition functions only collect the outages, clipped to the
 * period, so they need no calendar and run in parallel workers; the final
 * function sorts and unites them (overlapping outages count once) and asks
 * the calendar for the open time of each united piece and of the period.
 * A NULL or empty outage is no outage, so a LEFT JOIN of periods to
 * outages gives 100 for a period without one.  Every row of a group must
 * name the same period and calendar (22023); a row with a NULL period or
 * calendar is not counted.  Bounds' inclusivity does not matter: an
 * instant has no open time.  Memory: 16 bytes per outage.
 *
 * IDENTIFICATION
 *	  src/kpi_availability.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "business_time.h"
#include "calendar_store.h"
#include "kpi.h"

/* One outage clipped to the period: [lo, hi). */
typedef struct Outage
{
	TimestampTz lo;
	TimestampTz hi;
} Outage;

/* State: the group's period and calendar, and its outages. */
typedef struct AvailabilityState
{
	bool		has_period;		/* a row with a period was seen */
	TimestampTz period_lo;
	TimestampTz period_hi;		/* period_lo == period_hi: empty period */
	int			calendar_len;
	char		calendar[SLA_CALENDAR_NAME_MAXLEN + 1];
	Outage	   *outages;
	int64		n;
	int64		cap;
} AvailabilityState;

/* A new empty state in the aggregate context. */
static AvailabilityState *
state_new(MemoryContext aggcontext)
{
	AvailabilityState *state = MemoryContextAllocZero(aggcontext, sizeof(AvailabilityState));

	state->cap = 16;
	state->outages = MemoryContextAlloc(aggcontext, state->cap * sizeof(Outage));
	return state;
}

/* Make room for extra more outages. */
static void
reserve(AvailabilityState *state, int64 extra)
{
	int64		need = state->n + extra;

	if (need <= state->cap)
		return;
	if (need > (int64) (MaxAllocSize / sizeof(Outage)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many outages in one group for sla.availability")));
	while (state->cap < need)
		state->cap = Min(state->cap * 2, (int64) (MaxAllocSize / sizeof(Outage)));
	state->outages = repalloc(state->outages, state->cap * sizeof(Outage));
}

/* 22023: rows of one group with different periods or calendars. */
static void
mixed_groups(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("sla.availability needs the same period and calendar in every row of a group"),
			 errhint("Group by the period and the calendar.")));
}

/* Set the state's period and calendar, or check they are the same. */
static void
set_period(AvailabilityState *state, TimestampTz lo, TimestampTz hi,
		   const char *calendar, int len)
{
	if (state->has_period)
	{
		if (state->period_lo != lo || state->period_hi != hi ||
			state->calendar_len != len || memcmp(state->calendar, calendar, len) != 0)
			mixed_groups();
		return;
	}
	if (len > SLA_CALENDAR_NAME_MAXLEN)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("calendar \"%.*s\" does not exist", len, calendar)));
	state->has_period = true;
	state->period_lo = lo;
	state->period_hi = hi;
	state->calendar_len = len;
	memcpy(state->calendar, calendar, len);
	state->calendar[len] = '\0';
}

/*
 * Per call site: the range type's cache entry, whether period and calendar
 * are constants (then a group's first row checks them for all), and the
 * last period seen (its bytes and bounds), since a group's rows repeat one.
 */
typedef struct AvailabilitySite
{
	TypeCacheEntry *typcache;
	bool		constant;		/* period and calendar are constants */
	int			period_len;		/* bytes of period, 0 for none yet */
	char		period[64];		/* the last period, as stored */
	TimestampTz lo;				/* its bounds; lo == hi when empty */
	TimestampTz hi;
} AvailabilitySite;

/* Are the period and calendar arguments of the aggregate call constants? */
static bool
args_constant(FunctionCallInfo fcinfo)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);

	if (aggref == NULL || list_length(aggref->args) != 3)
		return false;
	for (int i = 1; i < 3; i++)
		if (!IsA(list_nth_node(TargetEntry, aggref->args, i)->expr, Const))
			return false;
	return true;
}

/* The call site's cache, made on first use. */
static AvailabilitySite *
site_of(FunctionCallInfo fcinfo)
{
	AvailabilitySite *site = (AvailabilitySite *) fcinfo->flinfo->fn_extra;

	if (site == NULL)
	{
		site = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(AvailabilitySite));
		site->constant = args_constant(fcinfo);
		fcinfo->flinfo->fn_extra = site;
	}
	return site;
}

/* The bounds of a tstzrange argument; false when empty. */
static bool
range_bounds(AvailabilitySite *site, RangeType *r, RangeBound *lower,
			 RangeBound *upper)
{
	bool		empty;

	if (site->typcache == NULL || site->typcache->type_id != RangeTypeGetOid(r))
		site->typcache = lookup_type_cache(RangeTypeGetOid(r), TYPECACHE_RANGE_INFO);
	range_deserialize(site->typcache, r, lower, upper, &empty);
	return !empty;
}

/*
 * The bounds of the period argument (lo == hi for an empty period), read
 * again only when its bytes change; 22008 without finite bounds.
 */
static void
period_bounds(AvailabilitySite *site, RangeType *period, TimestampTz *lo,
			  TimestampTz *hi)
{
	int			len = VARSIZE(period);
	RangeBound	lower;
	RangeBound	upper;

	if (len == site->period_len && memcmp(site->period, period, len) == 0)
	{
		*lo = site->lo;
		*hi = site->hi;
		return;
	}
	if (range_bounds(site, period, &lower, &upper))
	{
		if (lower.infinite || upper.infinite ||
			TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(lower.val)) ||
			TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(upper.val)))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("availability needs a bounded period")));
		*lo = DatumGetTimestampTz(lower.val);
		*hi = DatumGetTimestampTz(upper.val);
	}
	else
		*lo = *hi = 0;
	site->period_len = 0;
	if (len <= sizeof(site->period))
	{
		memcpy(site->period, period, len);
		site->period_len = len;
		site->lo = *lo;
		site->hi = *hi;
	}
}

/*
 * availability(outage, period, calendar): transition function; keeps the
 * part of the outage inside the period.
 */
PG_FUNCTION_INFO_V1(sla_availability_trans);
Datum
sla_availability_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "availability_trans");
	AvailabilitySite *site = site_of(fcinfo);
	AvailabilityState *state;
	RangeBound	lower;
	RangeBound	upper;
	TimestampTz plo;
	TimestampTz phi;
	text	   *calendar;

	state = PG_ARGISNULL(0) ? state_new(aggcontext)
		: (AvailabilityState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_POINTER(state);
	if (site->constant && state->has_period)
	{
		/* constant arguments: checked on the group's first row */
		plo = state->period_lo;
		phi = state->period_hi;
	}
	else
	{
		period_bounds(site, PG_GETARG_RANGE_P(2), &plo, &phi);
		calendar = PG_GETARG_TEXT_PP(3);
		set_period(state, plo, phi, VARDATA_ANY(calendar), VARSIZE_ANY_EXHDR(calendar));
	}

	if (!PG_ARGISNULL(1) && range_bounds(site, PG_GETARG_RANGE_P(1), &lower, &upper))
	{
		TimestampTz lo = lower.infinite ? plo : Max(DatumGetTimestampTz(lower.val), plo);
		TimestampTz hi = upper.infinite ? phi : Min(DatumGetTimestampTz(upper.val), phi);

		if (lo < hi)
		{
			reserve(state, 1);
			state->outages[state->n].lo = lo;
			state->outages[state->n].hi = hi;
			state->n++;
		}
	}
	PG_RETURN_POINTER(state);
}

/* Combine function: the same period and calendar, outages appended. */
PG_FUNCTION_INFO_V1(sla_availability_combine);
Datum
sla_availability_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "availability_combine");
	AvailabilityState *state;
	AvailabilityState *other;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	other = (AvailabilityState *) PG_GETARG_POINTER(1);
	state = PG_ARGISNULL(0) ? state_new(aggcontext)
		: (AvailabilityState *) PG_GETARG_POINTER(0);
	if (other->has_period)
		set_period(state, other->period_lo, other->period_hi,
				   other->calendar, other->calendar_len);
	reserve(state, other->n);
	memcpy(state->outages + state->n, other->outages, other->n * sizeof(Outage));
	state->n += other->n;
	PG_RETURN_POINTER(state);
}

/* Serialize function: the fixed part, then the outages (this server only). */
PG_FUNCTION_INFO_V1(sla_availability_serialize);
Datum
sla_availability_serialize(PG_FUNCTION_ARGS)
{
	AvailabilityState *state;
	Size		head = offsetof(AvailabilityState, outages);
	Size		len;
	bytea	   *result;

	sla_agg_context(fcinfo, "availability_serialize");
	state = (AvailabilityState *) PG_GETARG_POINTER(0);
	len = VARHDRSZ + head + sizeof(int64) + state->n * sizeof(Outage);
	if (len > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many outages in one group for sla.availability")));
	result = palloc(len);
	SET_VARSIZE(result, len);
	memcpy(VARDATA(result), state, head);
	memcpy(VARDATA(result) + head, &state->n, sizeof(int64));
	memcpy(VARDATA(result) + head + sizeof(int64), state->outages, state->n * sizeof(Outage));
	PG_RETURN_BYTEA_P(result);
}

/* Deserialize function: the inverse of the serialize function. */
PG_FUNCTION_INFO_V1(sla_availability_deserialize);
Datum
sla_availability_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "availability_deserialize");
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	const char *p = VARDATA_ANY(data);
	Size		len = VARSIZE_ANY_EXHDR(data);
	Size		head = offsetof(AvailabilityState, outages);
	AvailabilityState *state = state_new(aggcontext);
	int64		n;

	if (len < head + sizeof(int64))
		elog(ERROR, "invalid sla.availability state");
	memcpy(&n, p + head, sizeof(int64));
	if (n < 0 || len != head + sizeof(int64) + n * sizeof(Outage))
		elog(ERROR, "invalid sla.availability state");
	memcpy(state, p, head);
	reserve(state, n);
	memcpy(state->outages, p + head + sizeof(int64), n * sizeof(Outage));
	state->n = n;
	PG_RETURN_POINTER(state);
}

#define ST_SORT sort_outages
#define ST_ELEMENT_TYPE Outage
#define ST_COMPARE(a, b) ((a)->lo < (b)->lo ? -1 : (a)->lo > (b)->lo ? 1 : 0)
#define ST_CHECK_FOR_INTERRUPTS
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * Final function: unite the outages and measure them and the period on
 * the calendar; NULL without a period or when the period has no open time.
 * Sorting reorders the state without changing what it holds.
 */
PG_FUNCTION_INFO_V1(sla_availability_final);
Datum
sla_availability_final(PG_FUNCTION_ARGS)
{
	AvailabilityState *state;
	SlaCalendar *cal;
	int64		open;
	int64		down = 0;

	sla_agg_context(fcinfo, "availability_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (AvailabilityState *) PG_GETARG_POINTER(0);
	if (!state->has_period)
		PG_RETURN_NULL();
	cal = sla_calendar_for_name(fcinfo->flinfo, &fcinfo->flinfo->fn_extra,
								state->calendar, state->calendar_len);
	if (state->period_lo == state->period_hi)
		PG_RETURN_NULL();
	open = sla_calendar_elapsed(cal, state->period_lo, state->period_hi);
	if (open == 0)
		PG_RETURN_NULL();
	sort_outages(state->outages, state->n);
	for (int64 i = 0; i < state->n;)
	{
		TimestampTz lo = state->outages[i].lo;
		TimestampTz hi = state->outages[i].hi;

		for (i++; i < state->n && state->outages[i].lo <= hi; i++)
			hi = Max(hi, state->outages[i].hi);
		down += sla_calendar_elapsed(cal, lo, hi);
	}
	PG_RETURN_DATUM(sla_kpi_percent(open - down, open));
}
