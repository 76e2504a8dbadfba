/*-------------------------------------------------------------------------
 *
 * kpi_fcr.c
 *	  sla.fcr: first-contact resolution, the percent of contacts resolved
 *	  with no further contact from the same customer within a repeat
 *	  window.
 *
 * A contact of customer c at t counts as met when it is resolved and no
 * other contact of c falls in (t, t + repeat_window].  Whether it did
 * depends on rows that may sit in another worker's part of the table, so
 * the state keeps every contact (customer, instant, window, flags) and the
 * final function sorts them by customer and instant and looks at each
 * contact's next one.  Customers are compared byte by byte (as the C
 * collation compares).  The window is elapsed time: a day is 24 hours, so
 * the answer does not depend on the session's time zone (the aggregate is
 * IMMUTABLE); months are refused (22023).
 *
 * Memory: 32 bytes per contact plus the customer names (a name repeated on
 * consecutive rows is kept once), in two arrays of at most 1 GB each
 * (about 33 million contacts per group); beyond that 54000.  Nothing spills
 * to disk.
 *
 * A row with a NULL customer or contact_at is not a contact.  A contact
 * with a NULL resolved or repeat_window is not counted, but still counts as
 * a repeat of the contacts before it; so does, in the overload with a
 * period, a contact outside the period.
 *
 * IDENTIFICATION
 *	  src/kpi_fcr.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include "common/hashfn.h"
#include "miscadmin.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "kpi.h"

/* Flags of a contact. */
#define FCR_RESOLVED	0x01	/* resolved at this contact */
#define FCR_COUNTED		0x02	/* judged: in the denominator */

/* One contact. */
typedef struct FcrContact
{
	int64		at;				/* contact instant */
	int64		window;			/* repeat window, microseconds */
	uint32		hash;			/* hash of the customer's bytes */
	uint32		name_off;		/* customer: offset in the names buffer */
	uint32		name_len;		/* customer: length in bytes */
	uint32		flags;			/* FCR_* */
} FcrContact;

/* State: every contact seen, and the customers' bytes. */
typedef struct FcrState
{
	FcrContact *contacts;
	int64		n;				/* contacts used */
	int64		cap;			/* contacts allocated */
	char	   *names;			/* customers' bytes, back to back */
	int64		names_len;		/* bytes used */
	int64		names_cap;		/* bytes allocated */
	int64		last_off;		/* offset of the latest customer added */
	int64		last_len;		/* its length, -1 for none */
} FcrState;

/* Raise 54000 for a group too large for the state's arrays. */
static void
too_many_contacts(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("too many contacts in one group for sla.fcr"),
			 errdetail("sla.fcr keeps every contact of a group in memory, at most 1 GB of contacts and 1 GB of customer names."),
			 errhint("Group by a smaller unit, such as a customer or a shorter period.")));
}

/* A new empty state in the aggregate context. */
static FcrState *
state_new(MemoryContext aggcontext)
{
	FcrState   *state = MemoryContextAllocZero(aggcontext, sizeof(FcrState));

	state->cap = 64;
	state->contacts = MemoryContextAlloc(aggcontext, state->cap * sizeof(FcrContact));
	state->names_cap = 1024;
	state->names = MemoryContextAlloc(aggcontext, state->names_cap);
	state->last_len = -1;
	return state;
}

/* Make room for extra more contacts. */
static void
reserve_contacts(FcrState *state, int64 extra)
{
	int64		need = state->n + extra;

	if (need <= state->cap)
		return;
	if (need > (int64) (MaxAllocSize / sizeof(FcrContact)))
		too_many_contacts();
	while (state->cap < need)
		state->cap = Min(state->cap * 2, (int64) (MaxAllocSize / sizeof(FcrContact)));
	state->contacts = repalloc(state->contacts, state->cap * sizeof(FcrContact));
}

/* Make room for extra more bytes of names. */
static void
reserve_names(FcrState *state, int64 extra)
{
	int64		need = state->names_len + extra;

	if (need <= state->names_cap)
		return;
	if (need > (int64) MaxAllocSize)
		too_many_contacts();
	while (state->names_cap < need)
		state->names_cap = Min(state->names_cap * 2, (int64) MaxAllocSize);
	state->names = repalloc(state->names, state->names_cap);
}

/* The repeat window in microseconds: 22023 for months or a negative one. */
static int64
window_usecs(const Interval *iv)
{
	int64		usecs;

	if (iv->month != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("repeat window cannot contain months or years"),
				 errhint("Give the window in days, a day counting as 24 hours.")));
	if (pg_mul_s64_overflow((int64) iv->day, USECS_PER_DAY, &usecs) ||
		pg_add_s64_overflow(usecs, iv->time, &usecs))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("interval out of range")));
	if (usecs < 0)
		sla_kpi_negative("repeat window");
	return usecs;
}

/* Add one contact (a customer of len bytes at name). */
static void
add_contact(FcrState *state, const char *name, int len, int64 at,
			int64 window, uint32 flags)
{
	FcrContact *c;

	reserve_contacts(state, 1);
	c = &state->contacts[state->n++];
	/* rows of one customer often come together: keep its name once */
	if (state->last_len != len ||
		memcmp(state->names + state->last_off, name, len) != 0)
	{
		reserve_names(state, len);
		memcpy(state->names + state->names_len, name, len);
		state->last_off = state->names_len;
		state->last_len = len;
		state->names_len += len;
	}
	c->at = at;
	c->window = window;
	c->hash = hash_bytes((const unsigned char *) name, len);
	c->name_off = (uint32) state->last_off;
	c->name_len = (uint32) len;
	c->flags = flags;
}

/* Is contact_at inside the period (argument argno, a tstzrange)? */
static bool
in_period(FunctionCallInfo fcinfo, int argno, TimestampTz at)
{
	RangeType  *period = PG_GETARG_RANGE_P(argno);
	TypeCacheEntry *typcache = (TypeCacheEntry *) fcinfo->flinfo->fn_extra;

	if (typcache == NULL || typcache->type_id != RangeTypeGetOid(period))
	{
		typcache = lookup_type_cache(RangeTypeGetOid(period), TYPECACHE_RANGE_INFO);
		fcinfo->flinfo->fn_extra = typcache;
	}
	return range_contains_elem_internal(typcache, period, TimestampTzGetDatum(at));
}

/*
 * fcr(customer, contact_at, resolved, repeat_window [, period]):
 * transition function of both overloads; keeps the contact.
 */
PG_FUNCTION_INFO_V1(sla_fcr_trans);
Datum
sla_fcr_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "fcr_trans");
	FcrState   *state;
	text	   *customer;
	TimestampTz at;
	int64		window = 0;
	uint32		flags = 0;

	state = PG_ARGISNULL(0) ? state_new(aggcontext) : (FcrState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(state);
	customer = PG_GETARG_TEXT_PP(1);
	at = PG_GETARG_TIMESTAMPTZ(2);
	if (!PG_ARGISNULL(4))
		window = window_usecs(PG_GETARG_INTERVAL_P(4));
	if (!PG_ARGISNULL(3) && !PG_ARGISNULL(4) &&
		(PG_NARGS() < 6 || (!PG_ARGISNULL(5) && in_period(fcinfo, 5, at))))
		flags = FCR_COUNTED | (PG_GETARG_BOOL(3) ? FCR_RESOLVED : 0);
	add_contact(state, VARDATA_ANY(customer), VARSIZE_ANY_EXHDR(customer),
				at, window, flags);
	PG_RETURN_POINTER(state);
}

/* Combine function: append the second state's contacts to the first. */
PG_FUNCTION_INFO_V1(sla_fcr_combine);
Datum
sla_fcr_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "fcr_combine");
	FcrState   *state;
	FcrState   *other;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	other = (FcrState *) PG_GETARG_POINTER(1);
	state = PG_ARGISNULL(0) ? state_new(aggcontext) : (FcrState *) PG_GETARG_POINTER(0);
	reserve_contacts(state, other->n);
	reserve_names(state, other->names_len);
	for (int64 i = 0; i < other->n; i++)
	{
		FcrContact *c = &state->contacts[state->n + i];

		*c = other->contacts[i];
		c->name_off += (uint32) state->names_len;
	}
	state->n += other->n;
	memcpy(state->names + state->names_len, other->names, other->names_len);
	state->names_len += other->names_len;
	state->last_len = -1;
	PG_RETURN_POINTER(state);
}

/*
 * Serialize function: a version byte, the counts, the contacts and the
 * names, in this backend's byte order (states travel only between the
 * processes of one server).
 */
PG_FUNCTION_INFO_V1(sla_fcr_serialize);
Datum
sla_fcr_serialize(PG_FUNCTION_ARGS)
{
	FcrState   *state;
	bytea	   *result;
	Size		len;
	char	   *p;

	sla_agg_context(fcinfo, "fcr_serialize");
	state = (FcrState *) PG_GETARG_POINTER(0);
	len = VARHDRSZ + 1 + 2 * sizeof(int64) + state->n * sizeof(FcrContact) + state->names_len;
	if (len > MaxAllocSize)
		too_many_contacts();
	result = palloc(len);
	SET_VARSIZE(result, len);
	p = VARDATA(result);
	*p++ = 1;
	memcpy(p, &state->n, sizeof(int64));
	p += sizeof(int64);
	memcpy(p, &state->names_len, sizeof(int64));
	p += sizeof(int64);
	memcpy(p, state->contacts, state->n * sizeof(FcrContact));
	p += state->n * sizeof(FcrContact);
	memcpy(p, state->names, state->names_len);
	PG_RETURN_BYTEA_P(result);
}

/* Deserialize function: the inverse of the serialize function. */
PG_FUNCTION_INFO_V1(sla_fcr_deserialize);
Datum
sla_fcr_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = sla_agg_context(fcinfo, "fcr_deserialize");
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	const char *p = VARDATA_ANY(data);
	Size		len = VARSIZE_ANY_EXHDR(data);
	FcrState   *state = state_new(aggcontext);
	int64		n;
	int64		names_len;

	if (len < 1 + 2 * sizeof(int64) || p[0] != 1)
		elog(ERROR, "invalid sla.fcr state");
	memcpy(&n, p + 1, sizeof(int64));
	memcpy(&names_len, p + 1 + sizeof(int64), sizeof(int64));
	p += 1 + 2 * sizeof(int64);
	if (n < 0 || names_len < 0 ||
		len != 1 + 2 * sizeof(int64) + n * sizeof(FcrContact) + names_len)
		elog(ERROR, "invalid sla.fcr state");
	reserve_contacts(state, n);
	reserve_names(state, names_len);
	memcpy(state->contacts, p, n * sizeof(FcrContact));
	memcpy(state->names, p + n * sizeof(FcrContact), names_len);
	state->n = n;
	state->names_len = names_len;
	PG_RETURN_POINTER(state);
}

/* Order of contacts: by customer (hash, then bytes), then by instant. */
static inline int
compare_contacts(const FcrContact *a, const FcrContact *b, const char *names)
{
	int			r;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->name_off != b->name_off || a->name_len != b->name_len)
	{
		r = memcmp(names + a->name_off, names + b->name_off,
				   Min(a->name_len, b->name_len));
		if (r != 0)
			return r;
		if (a->name_len != b->name_len)
			return a->name_len < b->name_len ? -1 : 1;
	}
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return 0;
}

#define ST_SORT sort_contacts
#define ST_ELEMENT_TYPE FcrContact
#define ST_COMPARE_ARG_TYPE const char
#define ST_COMPARE(a, b, arg) compare_contacts(a, b, arg)
#define ST_CHECK_FOR_INTERRUPTS
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* Are two contacts of the same customer? */
static inline bool
same_customer(const FcrContact *a, const FcrContact *b, const char *names)
{
	return a->hash == b->hash && a->name_len == b->name_len &&
		(a->name_off == b->name_off ||
		 memcmp(names + a->name_off, names + b->name_off, a->name_len) == 0);
}

/*
 * Final function: sort the contacts, then a counted contact is met when
 * resolved and the customer's next later contact (if any) comes after its
 * window.  Sorting reorders the state without changing what it holds, so
 * the state stays usable (FINALFUNC_MODIFY = READ_ONLY).
 */
PG_FUNCTION_INFO_V1(sla_fcr_final);
Datum
sla_fcr_final(PG_FUNCTION_ARGS)
{
	FcrState   *state;
	int64		met = 0;
	int64		counted = 0;
	int64		next = 0;

	sla_agg_context(fcinfo, "fcr_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (FcrState *) PG_GETARG_POINTER(0);
	sort_contacts(state->contacts, state->n, state->names);
	for (int64 i = 0; i < state->n; i++)
	{
		FcrContact *c = &state->contacts[i];
		int64		end;

		if (!(c->flags & FCR_COUNTED))
			continue;
		counted++;
		if (!(c->flags & FCR_RESOLVED))
			continue;
		/* the first contact after c's instant, c's customer or not */
		if (next <= i)
			next = i + 1;
		while (next < state->n && same_customer(&state->contacts[next], c, state->names) &&
			   state->contacts[next].at == c->at)
			next++;
		if (pg_add_s64_overflow(c->at, c->window, &end))
			end = PG_INT64_MAX;
		if (next < state->n && same_customer(&state->contacts[next], c, state->names) &&
			state->contacts[next].at <= end)
			continue;
		met++;
	}
	if (counted == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(sla_kpi_percent(met, counted));
}
