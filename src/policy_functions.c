/*-------------------------------------------------------------------------
 *
 * policy_functions.c
 *	  The SQL functions of policies: target, due, state, remaining,
 *	  elapsed_fraction, escalation_level (each by policy value and by policy
 *	  name) and policy_at.
 *
 * These unpack arguments, find the target and its calendar, and ask the
 * clock (deadline.c).  Each call site keeps what it looked up in fn_extra:
 * the named policy's versions, one store slot per calendar it met, the
 * enum's values; a policy value is binary and needs no parsing per row.
 *
 * IDENTIFICATION
 *	  src/policy_functions.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "business_interval.h"
#include "business_time.h"
#include "calendar_store.h"
#include "deadline.h"
#include "policy_store.h"
#include "sla_policy.h"
#include "store_cache.h"

/* Lookups a call site remembers (a power of two), and their longest priority. */
#define SITE_MEMO		32
#define MEMO_PRIORITY	16

/*
 * A remembered lookup: in policy, priority and kind name target, whose
 * calendar is in slot cal.  Valid only while the policy's memory cannot be
 * reused for another value (see find_target).
 */
typedef struct TargetMemo
{
	const SlaPolicy *policy;
	uint64		epoch;			/* sla_store_epoch() when remembered */
	const SlaPolicyTarget *target;
	int			cal;			/* calendar slot, -1 if not looked up */
	uint32		cal_gen;		/* the slot's generation then */
	int			kind;
	int			len;
	char		priority[MEMO_PRIORITY];
} TargetMemo;

typedef struct PolicySite
{
	TargetMemo	memo[SITE_MEMO];
	bool		const_policy;	/* argument 0 is a constant (decided once) */
	bool		const_known;
	void	   *policy_slot;	/* store slot of the named policy */
	SlaCalendarSlots cals;		/* the calendars its policies name */
	Oid			state_oid[SLA_STATE_BREACHED + 1];	/* sla.sla_state's values */
	TypeCacheEntry *rangetype;	/* of the pauses' multirange */
} PolicySite;

/* What a call is about: the target and its calendar. */
typedef struct Target
{
	const SlaPolicy *policy;
	const SlaPolicyTarget *target;
	SlaCalendar *cal;
} Target;

static PolicySite *
site_of(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
														  sizeof(PolicySite));
	return (PolicySite *) fcinfo->flinfo->fn_extra;
}

/* The kind named by text argument argno, or 22023. */
static int
kind_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	int			kind = sla_policy_kind_from_name(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (kind < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown target kind \"%s\"", text_to_cstring(t)),
				 errhint("The kinds are: %s.", SLA_POLICY_KIND_LIST)));
	return kind;
}

/*
 * Find the target of the call's policy (argument 0: a value, or a name
 * whose version in force at version_at counts), priority (argument 1) and
 * kind (argument 2), and its compiled calendar when with_calendar (sla.target
 * reads no calendar: it is IMMUTABLE and answers before calendars exist).
 * False when the policy has none.
 */
static bool
find_target(FunctionCallInfo fcinfo, bool named, TimestampTz version_at,
			bool with_calendar, Target *out)
{
	PolicySite *site = site_of(fcinfo);
	int			kind = kind_arg(fcinfo, 2);
	text	   *priority;
	const char *pri;
	int			len;
	TargetMemo *memo = NULL;
	int			cal;

	if (named)
	{
		SlaPolicyVersions *v = sla_policy_versions_for_call(fcinfo, &site->policy_slot, 0);

		out->policy = sla_policy_version_at(v, version_at);
	}
	else
		out->policy = PG_GETARG_SLA_POLICY_P(0);
	priority = PG_GETARG_TEXT_PP(1);
	pri = VARDATA_ANY(priority);
	len = VARSIZE_ANY_EXHDR(priority);

	/*
	 * Remember lookups in a policy whose address names it for the epoch: a
	 * store's version, or a constant argument (a column's value is copied
	 * per row, and a copy's address is reused by the next row's).
	 */
	if (!site->const_known)
	{
		site->const_policy = named || sla_arg_is_const(fcinfo->flinfo, 0);
		site->const_known = true;
	}
	if (site->const_policy && len <= MEMO_PRIORITY)
	{
		uint32		h = (uint32) ((uintptr_t) out->policy >> 4) * 31 + kind * 7 + len;

		if (len > 0)
			h = h * 31 + (unsigned char) pri[0] + 131 * (unsigned char) pri[len - 1];
		memo = &site->memo[h & (SITE_MEMO - 1)];
		if (memo->policy == out->policy && memo->epoch == sla_store_epoch() &&
			memo->kind == kind && memo->len == len &&
			memcmp(memo->priority, pri, len) == 0 &&
			(!with_calendar || memo->target == NULL ||
			 (memo->cal >= 0 && site->cals.gen[memo->cal] == memo->cal_gen)))
		{
			out->target = memo->target;
			out->cal = with_calendar && memo->target ?
				sla_calendar_in_slot(&site->cals, fcinfo->flinfo, memo->cal) : NULL;
			return memo->target != NULL;
		}
	}

	out->target = sla_policy_find(out->policy, pri, len, kind);
	out->cal = NULL;
	cal = -1;
	if (out->target != NULL && with_calendar)
	{
		cal = sla_calendar_slot(&site->cals,
								sla_policy_target_calendar(out->policy, out->target));
		out->cal = sla_calendar_in_slot(&site->cals, fcinfo->flinfo, cal);
	}
	if (memo != NULL)
	{
		memo->policy = out->policy;
		memo->epoch = sla_store_epoch();
		memo->target = out->target;
		memo->cal = cal;
		memo->cal_gen = cal >= 0 ? site->cals.gen[cal] : 0;
		memo->kind = kind;
		memo->len = len;
		memcpy(memo->priority, pri, len);
	}
	return out->target != NULL;
}

/* Set up c for target t started at start with the pauses in argument argno. */
static void
clock_for(FunctionCallInfo fcinfo, const Target *t, TimestampTz start, int argno,
		  SlaClock *c)
{
	SlaPause   *pauses;

	c->cal = t->cal;
	c->start = start;
	c->days = t->target->days;
	c->time = t->target->time;
	c->npauses = sla_pauses_from_datum(PG_GETARG_DATUM(argno),
										&site_of(fcinfo)->rangetype, &pauses);
	c->pauses = pauses;
	c->clip = DT_NOEND;
}

/* The OID of state's value of the sla.sla_state enum (the call's result type). */
static Datum
state_datum(FunctionCallInfo fcinfo, SlaState state)
{
	PolicySite *site = site_of(fcinfo);

	if (site->state_oid[state] == InvalidOid)
		site->state_oid[state] = sla_state_enum_oid(get_func_rettype(fcinfo->flinfo->fn_oid),
													state);
	return ObjectIdGetDatum(site->state_oid[state]);
}

/* target(policy, priority, kind): the target's amount, or NULL. */
static Datum
target_of(FunctionCallInfo fcinfo, bool named)
{
	Target		t;

	if (!find_target(fcinfo, named, named ? PG_GETARG_TIMESTAMPTZ(3) : 0, false, &t))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(sla_business_interval_make(t.target->days, t.target->time));
}

PG_FUNCTION_INFO_V1(sla_policy_target);
Datum
sla_policy_target(PG_FUNCTION_ARGS)
{
	return target_of(fcinfo, false);
}

PG_FUNCTION_INFO_V1(sla_policy_target_named);
Datum
sla_policy_target_named(PG_FUNCTION_ARGS)
{
	return target_of(fcinfo, true);
}

/* due(policy, priority, kind, started_at, pauses): the due instant, or NULL. */
static Datum
due_of(FunctionCallInfo fcinfo, bool named)
{
	TimestampTz start = PG_GETARG_TIMESTAMPTZ(3);
	Target		t;
	SlaClock	c;

	if (!find_target(fcinfo, named, start, true, &t))
		PG_RETURN_NULL();
	/* as business_add does, an infinite start is its own due */
	if (TIMESTAMP_NOT_FINITE(start))
		PG_RETURN_TIMESTAMPTZ(start);
	clock_for(fcinfo, &t, start, 4, &c);
	PG_RETURN_TIMESTAMPTZ(sla_clock_due(&c));
}

PG_FUNCTION_INFO_V1(sla_policy_due);
Datum
sla_policy_due(PG_FUNCTION_ARGS)
{
	return due_of(fcinfo, false);
}

PG_FUNCTION_INFO_V1(sla_policy_due_named);
Datum
sla_policy_due_named(PG_FUNCTION_ARGS)
{
	return due_of(fcinfo, true);
}

/* What an as-of function answers. */
typedef enum AsOf
{
	AS_OF_STATE,
	AS_OF_REMAINING,
	AS_OF_FRACTION,
	AS_OF_LEVEL
} AsOf;

/*
 * state, remaining, elapsed_fraction and escalation_level:
 * (policy, priority, kind, started_at, done_at, at, pauses), NULL done_at
 * meaning still open, any other NULL giving NULL.
 */
static Datum
as_of(FunctionCallInfo fcinfo, bool named, AsOf what)
{
	TimestampTz start,
				done,
				at;
	Target		t;
	SlaClock	c;
	SlaReading	r;
	int			argno;

	for (argno = 0; argno < 7; argno++)
		if (argno != 4 && PG_ARGISNULL(argno))
			PG_RETURN_NULL();
	start = PG_GETARG_TIMESTAMPTZ(3);
	done = PG_ARGISNULL(4) ? DT_NOEND : PG_GETARG_TIMESTAMPTZ(4);
	at = PG_GETARG_TIMESTAMPTZ(5);
	sla_require_finite(start, "start of an SLA clock");
	sla_require_finite(at, "instant of an SLA reading");
	if (!find_target(fcinfo, named, start, true, &t))
		PG_RETURN_NULL();
	clock_for(fcinfo, &t, start, 6, &c);
	if (what == AS_OF_STATE)
		return state_datum(fcinfo, sla_clock_state(&c, done, at, t.policy->warn_at));

	sla_clock_read(&c, done, at, &r);
	switch (what)
	{
		case AS_OF_REMAINING:
			{
				Interval   *left = palloc0(sizeof(Interval));

				left->time = r.total - r.used;
				PG_RETURN_INTERVAL_P(left);
			}
		case AS_OF_FRACTION:
			PG_RETURN_FLOAT8(sla_reading_fraction(&r));
		case AS_OF_LEVEL:
			{
				const int64 *esc = sla_policy_escalations(t.policy);
				int			level = 0;

				while (level < t.policy->nescalations &&
					   sla_reading_reached(&r, esc[level]))
					level++;
				PG_RETURN_INT32(level);
			}
		case AS_OF_STATE:
			break;
	}
	pg_unreachable();
}

#define AS_OF_FUNCTION(sqlname, what) \
PG_FUNCTION_INFO_V1(sqlname); \
Datum \
sqlname(PG_FUNCTION_ARGS) \
{ \
	return as_of(fcinfo, false, what); \
} \
PG_FUNCTION_INFO_V1(sqlname##_named); \
Datum \
sqlname##_named(PG_FUNCTION_ARGS) \
{ \
	return as_of(fcinfo, true, what); \
}

AS_OF_FUNCTION(sla_policy_state, AS_OF_STATE)
AS_OF_FUNCTION(sla_policy_remaining, AS_OF_REMAINING)
AS_OF_FUNCTION(sla_policy_elapsed_fraction, AS_OF_FRACTION)
AS_OF_FUNCTION(sla_policy_escalation_level, AS_OF_LEVEL)

/* policy_at(name, at): the version of a named policy in force at at. */
PG_FUNCTION_INFO_V1(sla_policy_at);
Datum
sla_policy_at(PG_FUNCTION_ARGS)
{
	PolicySite *site = site_of(fcinfo);
	SlaPolicyVersions *v = sla_policy_versions_for_call(fcinfo, &site->policy_slot, 0);
	const SlaPolicy *p = sla_policy_version_at(v, PG_GETARG_TIMESTAMPTZ(1));
	SlaPolicy  *copy = palloc(VARSIZE(p));

	memcpy(copy, p, VARSIZE(p));
	PG_RETURN_POINTER(copy);
}
