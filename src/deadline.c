/*-------------------------------------------------------------------------
 *
 * deadline.c
 *	  SLA clocks: due instants with pauses, and readings as of an instant.
 *
 * The due instant: a pause pushes it later by the open time the pause
 * covers before it, until stable.  With A the open time of the pauses in
 * [start, due0) (due0 the unpaused due), the stable due is the earliest
 * instant t whose open time outside the pauses in [due0, t) reaches A, so
 * it is found by walking the pauses after due0 once: a few engine calls per
 * pause, never a loop per day.
 *
 * IDENTIFICATION
 *	  src/deadline.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_enum.h"
#include "miscadmin.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "business_time.h"
#include "deadline.h"
#include "sla_policy.h"

/* The labels of the sla.sla_state enum, in SlaState order. */
static const char *const state_labels[] = {"met", "running", "paused", "at_risk", "breached"};

/* The OID of state's value of the enum type enumtype (sla.sla_state). */
Oid
sla_state_enum_oid(Oid enumtype, SlaState state)
{
	Oid			oid = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
									  ObjectIdGetDatum(enumtype),
									  CStringGetDatum(state_labels[state]));

	if (!OidIsValid(oid))
		elog(ERROR, "sla_state has no value \"%s\"", state_labels[state]);
	return oid;
}

/*
 * The number of ranges of multirange datum mr, read without detoasting when
 * it is stored inline and uncompressed (a short header would otherwise cost
 * a copy per row, and most rows have no pauses); -1 when it must be
 * detoasted first.
 */
static int64
multirange_count_inline(Datum mr)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(mr);
	uint32		count;

	if (VARATT_IS_EXTERNAL(raw) || VARATT_IS_COMPRESSED(raw))
		return -1;
	memcpy(&count, VARDATA_ANY(raw) + offsetof(MultirangeType, rangeCount) - VARHDRSZ,
		   sizeof(count));
	return count;
}

/*
 * Unpack tstzmultirange datum mr into pauses (palloc'd, in the
 * multirange's order: ascending and disjoint), reading the bounds in place.
 * *rangetype caches the multirange's type entry for the caller's site.
 */
int
sla_pauses_from_datum(Datum mr, TypeCacheEntry **rangetype, SlaPause **pauses)
{
	MultirangeType *m;
	uint32		n;
	uint32		i;

	*pauses = NULL;
	if (multirange_count_inline(mr) == 0)
		return 0;
	m = DatumGetMultirangeTypeP(mr);
	if (MultirangeIsEmpty(m))
		return 0;
	if (*rangetype == NULL || (*rangetype)->type_id != MultirangeTypeGetOid(m))
		*rangetype = lookup_type_cache(MultirangeTypeGetOid(m), TYPECACHE_MULTIRANGE_INFO);
	n = m->rangeCount;
	*pauses = palloc(sizeof(SlaPause) * n);
	for (i = 0; i < n; i++)
	{
		RangeBound	lower,
					upper;
		SlaPause   *p = &(*pauses)[i];

		/* no range is built */
		multirange_get_bounds((*rangetype)->rngtype, m, i, &lower, &upper);
		p->lo = lower.infinite ? DT_NOBEGIN : DatumGetTimestampTz(lower.val);
		p->hi = upper.infinite ? DT_NOEND : DatumGetTimestampTz(upper.val);
		p->lo_inc = lower.inclusive;
		p->hi_inc = upper.inclusive;
	}
	return (int) n;
}

/* Pause i of c as it counts: clipped to [start, clip); false if empty. */
static bool
pause_span(const SlaClock *c, int i, TimestampTz *lo, TimestampTz *hi)
{
	*lo = Max(c->pauses[i].lo, c->start);
	*hi = Min(c->pauses[i].hi, c->clip);
	return *lo < *hi;
}

/* Open time of c's (clipped) pauses within [from, to); both finite. */
static int64
paused_open(const SlaClock *c, TimestampTz from, TimestampTz to)
{
	int64		sum = 0;
	int			i;

	for (i = 0; i < c->npauses; i++)
	{
		TimestampTz lo,
					hi;

		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		if (!pause_span(c, i, &lo, &hi))
			continue;
		if (lo >= to)
			break;
		lo = Max(lo, from);
		hi = Min(hi, to);
		if (lo < hi)
			sum += sla_calendar_elapsed(c->cal, lo, hi);
	}
	return sum;
}

/*
 * Open time outside c's pauses in [from, to), 0 when to <= from; both
 * finite.
 */
static int64
open_outside(const SlaClock *c, TimestampTz from, TimestampTz to)
{
	if (to <= from)
		return 0;
	return sla_calendar_elapsed(c->cal, from, to) - paused_open(c, from, to);
}

/*
 * The due instant of c: infinity when a pause without end begins before
 * it (the clock stopped for good).
 */
TimestampTz
sla_clock_due(const SlaClock *c)
{
	TimestampTz due0 = sla_calendar_add(c->cal, c->start, c->days, c->time);
	TimestampTz cursor = due0;
	int64		owed;
	int			i;

	if (c->npauses == 0 || TIMESTAMP_NOT_FINITE(due0))
		return due0;

	/*
	 * Open time always comes right before due0 (business_add ends where the
	 * amount is used up), so a pause that begins before due0 covers some:
	 * one without end is met below by the walk, which answers infinity.
	 */
	owed = paused_open(c, c->start, due0);
	if (owed == 0)
		return due0;
	/* spend the owed time outside the pauses from due0 on */
	for (i = 0; i < c->npauses; i++)
	{
		TimestampTz lo,
					hi;
		int64		gap;

		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		if (!pause_span(c, i, &lo, &hi) || hi <= cursor)
			continue;
		if (lo > cursor)
		{
			gap = sla_calendar_elapsed(c->cal, cursor, lo);
			if (gap >= owed)
				break;
			owed -= gap;
		}
		if (hi == DT_NOEND)
			return DT_NOEND;
		cursor = hi;
	}
	return sla_calendar_add(c->cal, cursor, 0, owed);
}

/*
 * Open time outside c's pauses from its start to due, its due instant with
 * the same clip: a time target's due is where exactly its time is used up.
 */
static int64
clock_total(const SlaClock *c, TimestampTz due)
{
	if (c->days == 0)
		return c->time;
	return open_outside(c, c->start, due);
}

/*
 * Read c as of at: pauses clipped at at, done_at counted only when at or
 * before at (DT_NOEND: not done).  at must be finite.
 */
void
sla_clock_read(SlaClock *c, TimestampTz done_at, TimestampTz at, SlaReading *r)
{
	TimestampTz end;

	c->clip = at;
	r->due = sla_clock_due(c);
	r->done = done_at <= at;
	end = r->done ? done_at : at;
	r->used = open_outside(c, c->start, end);
	r->total = clock_total(c, r->due);
}

/* Is at inside one of c's pauses as given (bounds as given)?  (A paused target.) */
bool
sla_clock_paused(const SlaClock *c, TimestampTz at)
{
	int			i;

	for (i = 0; i < c->npauses; i++)
	{
		const SlaPause *p = &c->pauses[i];

		if (at < p->lo || (at == p->lo && !p->lo_inc))
			break;
		if (at < p->hi || (at == p->hi && p->hi_inc))
			return true;
	}
	return false;
}

/*
 * Has the used share of r reached fraction (billionths of the total)?
 * Exact: no division, no rounding.
 */
bool
sla_reading_reached(const SlaReading *r, int64 fraction)
{
	if (r->total <= 0)
		return r->used >= r->total;
	return (int128) r->used * SLA_FRACTION_SCALE >= (int128) fraction * r->total;
}

/* The used share of r as a float8 (0 before any is used). */
double
sla_reading_fraction(const SlaReading *r)
{
	if (r->total <= 0)
		return r->used >= r->total ? 1.0 : 0.0;
	return (double) r->used / (double) r->total;
}

/*
 * The state of c as of at (finite); warn_at in billionths.  Needs the time
 * used only when the target is open, not yet due and not paused.
 */
SlaState
sla_clock_state(SlaClock *c, TimestampTz done_at, TimestampTz at, int64 warn_at)
{
	SlaReading r;

	c->clip = at;
	r.due = sla_clock_due(c);
	if (done_at <= at)
		return done_at <= r.due ? SLA_STATE_MET : SLA_STATE_BREACHED;
	if (at >= r.due)
		return SLA_STATE_BREACHED;
	if (sla_clock_paused(c, at))
		return SLA_STATE_PAUSED;
	r.used = open_outside(c, c->start, at);
	r.total = clock_total(c, r.due);
	return sla_reading_reached(&r, warn_at) ? SLA_STATE_AT_RISK : SLA_STATE_RUNNING;
}

/*
 * The instant at which c's used share reaches warn_at (billionths), as
 * the state functions judge it as of at: the total is the one they use
 * as of at (pauses clipped there), the crossing is found with the pauses
 * as given, so a pause without end that begins before it gives infinity.
 * A tracked row's trigger and the sweep compare this instant with the
 * time, so "at_risk" needs no reading per sweep.
 */
TimestampTz
sla_clock_warn(SlaClock *c, int64 warn_at, TimestampTz at)
{
	SlaClock	w = *c;
	int128		need;
	int64		total;

	c->clip = at;
	total = c->days == 0 ? c->time : clock_total(c, sla_clock_due(c));
	c->clip = DT_NOEND;
	/* the least used time u with u * SCALE >= warn_at * total */
	need = ((int128) warn_at * total + SLA_FRACTION_SCALE - 1) / SLA_FRACTION_SCALE;
	w.days = 0;
	w.time = (int64) need;
	w.clip = DT_NOEND;
	return sla_clock_due(&w);
}
