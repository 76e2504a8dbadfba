/*-------------------------------------------------------------------------
 *
 * tracking_trigger.c
 *	  The BEFORE INSERT OR UPDATE row trigger of a tracked table: due
 *	  instants, states and pauses computed from the row and the policy
 *	  version in force at its start; events for every threshold crossed.
 *
 * Everything is recomputed from the row's inputs (start, priority, policy,
 * done instants, pauses) whenever one of them changes, so a priority change
 * counts from the original start and a policy version keeps applying to
 * the tickets that started under it.  An update that changes none of them
 * costs a comparison per mapped column and nothing else.
 *
 * Each target's two thresholds are instants: "warn" (the share warn_at of
 * the target used) and "due".  As of an instant at, an open target has
 * crossed those at or before at; a done one those before it was done.  A
 * target's level is how many it has crossed (at_risk, then breached), and
 * each rise of the level writes an event at the crossing instant, in the
 * order crossed.  Once a target has an event, the row keeps, in its
 * targets column (null until then), each target's level (its last event)
 * and the instant "at" it was judged as of, so an event is never written
 * twice: such a row is never judged as of an instant before the last one
 * (a writer whose transaction began before a sweep's "at" is judged as of
 * that "at").  The row's next_check is the instant of
 * the check queued for it (tracking_checks.c), at or before the next
 * crossing of its open targets: a row that needs one sooner gets a new
 * check; one whose next crossing moved later keeps its check, which then
 * comes early and costs one judgement.  The sweep (tracking_sweep.c)
 * updates the rows whose checks are due, and this trigger, in sweep mode,
 * judges them as of the sweep's instant and queues their next checks.
 *
 * IDENTIFICATION
 *	  src/tracking_trigger.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/partition.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/datum.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/rel.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "calendar_store.h"
#include "deadline.h"
#include "policy_store.h"
#include "sla.h"
#include "sla_policy.h"
#include "tracking.h"

/* The targets of a tracked row: their kind, done column and due column. */
#define NKINDS 2
static const struct
{
	int			kind;
	TrackColumn done;
	TrackColumn due;
}			kinds[NKINDS] =
{
	{SLA_KIND_FIRST_RESPONSE, TC_FIRST_RESPONSE_AT, TC_FIRST_RESPONSE_DUE},
	{SLA_KIND_RESOLUTION, TC_RESOLVED_AT, TC_RESOLUTION_DUE},
};

/* The event of each level a target reaches. */
static const char *const level_events[] = {NULL, "at_risk", "breached"};

/* The sweep's UPDATE in progress, if any. */
static struct
{
	bool		active;
	SweepMode	mode;
	Oid			relid;
	TimestampTz at;
	int64		changed;		/* rows whose state or levels changed */
}			sweep;

/*
 * A version of the row, deformed once: the trigger reads a dozen of its
 * columns, and reading them one by one from a tuple with nulls or text
 * before them walks the tuple each time.
 */
typedef struct Row
{
	HeapTuple	tup;
	Datum	   *values;
	bool	   *nulls;
} Row;

/* What a trigger keeps for the rest of its statement (fn_extra). */
typedef struct TrackSite
{
	Oid			tgoid;
	TrackMapping *map;
	CheckQueue *queue;			/* the table's check queue */
	void	   *policy_slot;
	SlaCalendarSlots cals;		/* the calendars its policies name */
	Oid			state_oid[SLA_STATE_BREACHED + 1];
	TypeCacheEntry *mr_type;	/* tstzmultirange */
	/* the last targets value built, by what it says (rows share them) */
	Datum		targets;		/* 0: none yet */
	TimestampTz targets_at;
	int			targets_levels[NKINDS];
	/* the row's versions, deformed (arrays of the table's width) */
	Row			oldrow;
	Row			newrow;
	/* the last "at" read from a row's targets, as text and as an instant */
	char		old_at_text[MAXDATELEN + 1];
	int			old_at_len;		/* 0: none yet */
	TimestampTz old_at;
} TrackSite;

/* One target of a row: as judged now, and as the row had it before. */
typedef struct TargetResult
{
	bool		present;
	bool		open;
	TimestampTz due;
	TimestampTz warn;
	SlaState	state;
	int			level;			/* thresholds crossed: 0, 1 or 2 */
	int			old_level;
} TargetResult;

/* An event to write. */
typedef struct PendingEvent
{
	int			k;
	int			level;
	TimestampTz at;
} PendingEvent;

/* sla.now: the instant writes are judged as of; empty: the transaction's start. */
char	   *sla_now_setting = NULL;

/* ---- sweep mode ---- */

/* Judge (or, parking, let through) rows of relid as of at, for the sweep's UPDATE of that table. */
void
sla_tracking_sweep_begin(Oid relid, TimestampTz at, SweepMode mode)
{
	sweep.active = true;
	sweep.mode = mode;
	sweep.relid = relid;
	sweep.at = at;
	sweep.changed = 0;
}

/* End sweep mode; the number of rows whose state or targets' levels changed. */
int64
sla_tracking_sweep_end(void)
{
	sweep.active = false;
	return sweep.changed;
}

/*
 * The instant an application's write is judged as of, and a pause begins
 * or ends at when no status_changed_at column says: sla.now when set (to
 * replay history, and for tests), else now().
 */
static TimestampTz
write_instant(void)
{
	static char *parsed_text = NULL;
	static TimestampTz parsed;

	if (sla_now_setting == NULL || sla_now_setting[0] == '\0')
		return GetCurrentTransactionStartTimestamp();
	if (parsed_text == NULL || strcmp(parsed_text, sla_now_setting) != 0)
	{
		TimestampTz t = DatumGetTimestampTz(DirectFunctionCall3(timestamptz_in,
																CStringGetDatum(sla_now_setting),
																ObjectIdGetDatum(InvalidOid),
																Int32GetDatum(-1)));

		if (TIMESTAMP_NOT_FINITE(t))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("sla.now must be finite")));
		if (parsed_text != NULL)
			pfree(parsed_text);
		parsed_text = MemoryContextStrdup(TopMemoryContext, sla_now_setting);
		parsed = t;
	}
	return parsed;
}

/* ---- the trigger's state ---- */

/* Check how the trigger is used: BEFORE INSERT OR UPDATE, for each row. */
static TriggerData *
check_call(FunctionCallInfo fcinfo)
{
	TriggerData *td = sla_trigger_data(fcinfo);

	if (!TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("SLA tracking must be a BEFORE INSERT OR UPDATE row trigger"),
				 errhint("Create it with sla.track().")));
	return td;
}

/* The trigger's state for this statement, resolving its mapping at first. */
static TrackSite *
site_of(FunctionCallInfo fcinfo, TriggerData *td)
{
	TrackSite  *site = (TrackSite *) fcinfo->flinfo->fn_extra;
	MemoryContext old;
	int			i;

	if (site != NULL && site->tgoid == td->tg_trigger->tgoid)
		return site;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	site = palloc0(sizeof(TrackSite));
	site->tgoid = td->tg_trigger->tgoid;
	site->map = sla_tracking_mapping(td);
	site->queue = sla_tracking_check_queue(td->tg_relation, site->map);
	for (i = 0; i <= SLA_STATE_BREACHED; i++)
		site->state_oid[i] =
			sla_state_enum_oid(TupleDescAttr(RelationGetDescr(td->tg_relation),
											 site->map->attnums[TC_STATE] - 1)->atttypid,
							   (SlaState) i);
	site->mr_type = lookup_type_cache(TSTZMULTIRANGEOID, TYPECACHE_MULTIRANGE_INFO);
	for (i = 0; i < 2; i++)
	{
		Row		   *r = i == 0 ? &site->oldrow : &site->newrow;
		int			natts = RelationGetDescr(td->tg_relation)->natts;

		r->values = palloc(sizeof(Datum) * natts);
		r->nulls = palloc(sizeof(bool) * natts);
	}
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = site;
	return site;
}

/* ---- reading a row ---- */

/* Deform tup into r (whose arrays have the width of desc). */
static Row *
row_deform(Row *r, TupleDesc desc, HeapTuple tup)
{
	r->tup = tup;
	heap_deform_tuple(tup, desc, r->values, r->nulls);
	return r;
}

/* Column attnum of the row r. */
static inline Datum
row_attr(const Row *r, AttrNumber attnum, bool *isnull)
{
	*isnull = r->nulls[attnum - 1];
	return r->values[attnum - 1];
}

/* Does column attnum differ between two versions of the row? */
static bool
column_changed(TupleDesc desc, const Row *oldrow, const Row *newrow, AttrNumber attnum)
{
	Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);
	bool		oldnull,
				newnull;
	Datum		oldval = row_attr(oldrow, attnum, &oldnull);
	Datum		newval = row_attr(newrow, attnum, &newnull);

	return oldnull != newnull ||
		(!oldnull && !datumIsEqual(oldval, newval, att->attbyval, att->attlen));
}

/* Did any input of the mapping (or the pauses) change between two versions? */
static bool
inputs_changed(TrackMapping *m, TupleDesc desc, const Row *oldrow, const Row *newrow)
{
	int			col;

	for (col = 0; col <= TC_PAUSED; col++)
	{
		AttrNumber	attnum = m->attnums[col];

		if (attnum == 0 || (col > TC_POLICY && col != TC_PAUSED))
			continue;
		if (column_changed(desc, oldrow, newrow, attnum))
			return true;
	}
	return false;
}

/*
 * Did the row's next_check or its key change between two versions?  Then
 * its next_check says nothing of the checks queued for it.
 */
static bool
check_moved(TrackMapping *m, TupleDesc desc, const Row *oldrow, const Row *newrow)
{
	int			i;

	if (column_changed(desc, oldrow, newrow, m->attnums[TC_NEXT_CHECK]))
		return true;
	for (i = 0; i < m->npk; i++)
		if (column_changed(desc, oldrow, newrow, m->pk[i]))
			return true;
	return false;
}

/* A column's value as text (its type's output), or NULL. */
static char *
column_text(TupleDesc desc, const Row *row, AttrNumber attnum)
{
	Oid			type = TupleDescAttr(desc, attnum - 1)->atttypid;
	bool		isnull;
	Datum		value = row_attr(row, attnum, &isnull);
	Oid			out;
	bool		varlena;

	if (isnull)
		return NULL;
	if (type == TEXTOID || type == VARCHAROID)
		return TextDatumGetCString(value);
	getTypeOutputInfo(type, &out, &varlena);
	return OidOutputFunctionCall(out, value);
}

/* A timestamptz column's value; DT_NOEND when null. */
static TimestampTz
column_instant(const Row *row, AttrNumber attnum, bool *isnull)
{
	Datum		value = row_attr(row, attnum, isnull);

	return *isnull ? DT_NOEND : DatumGetTimestampTz(value);
}

/*
 * Is the row's status one of the paused statuses?  A text status is
 * compared in place: this runs for every row written.
 */
static bool
status_paused(TrackMapping *m, TupleDesc desc, const Row *row)
{
	AttrNumber	attnum = m->attnums[TC_STATUS];
	Oid			type = TupleDescAttr(desc, attnum - 1)->atttypid;
	const char *status;
	int			len;
	int			i;

	if (type == TEXTOID || type == VARCHAROID)
	{
		bool		isnull;
		Datum		value = row_attr(row, attnum, &isnull);
		text	   *t;

		if (isnull)
			return false;
		t = DatumGetTextPP(value);
		status = VARDATA_ANY(t);
		len = VARSIZE_ANY_EXHDR(t);
	}
	else
	{
		status = column_text(desc, row, attnum);
		if (status == NULL)
			return false;
		len = strlen(status);
	}
	for (i = 0; i < m->npaused; i++)
		if (strlen(m->paused[i]) == len && memcmp(status, m->paused[i], len) == 0)
			return true;
	return false;
}

/* Is v the JSON string s? */
static bool
json_string_is(const JsonbValue *v, const char *s)
{
	return v->type == jbvString && v->val.string.len == strlen(s) &&
		memcmp(v->val.string.val, s, v->val.string.len) == 0;
}

/* The level of the event recorded at key of object container c (0: none). */
static int
event_level(JsonbContainer *c, const char *key)
{
	JsonbValue	v;

	if (!getKeyJsonValueFromContainer(c, key, strlen(key), &v))
		return 0;
	if (json_string_is(&v, "breached"))
		return 2;
	return json_string_is(&v, "at_risk") ? 1 : 0;
}

/*
 * The instant of the text s (len bytes) that targets_json wrote.  Rows
 * written together carry the same one: the last is remembered.
 */
static TimestampTz
stored_instant(TrackSite *site, const char *s, int len)
{
	if (len > 0 && len == site->old_at_len && memcmp(s, site->old_at_text, len) == 0)
		return site->old_at;
	site->old_at = DatumGetTimestampTz(DirectFunctionCall3(timestamptz_in,
														   CStringGetDatum(pnstrdup(s, len)),
														   ObjectIdGetDatum(InvalidOid),
														   Int32GetDatum(-1)));
	site->old_at_len = 0;
	if (len < (int) sizeof(site->old_at_text))
	{
		memcpy(site->old_at_text, s, len);
		site->old_at_len = len;
	}
	return site->old_at;
}

/*
 * What the row had before the write: each target's level (the last event
 * written for it) and the instant it was judged as of (*old_at;
 * DT_NOBEGIN when never).
 */
static void
read_old(TrackSite *site, const Row *oldrow, TargetResult *res, TimestampTz *old_at)
{
	bool		isnull;
	Datum		value = row_attr(oldrow, site->map->attnums[TC_TARGETS], &isnull);
	Jsonb	   *jb;
	JsonbValue	at;
	int			k;

	*old_at = DT_NOBEGIN;
	if (isnull)
		return;
	jb = DatumGetJsonbP(value);
	if (!JB_ROOT_IS_OBJECT(jb))
		return;
	if (getKeyJsonValueFromContainer(&jb->root, "at", 2, &at) && at.type == jbvString)
		*old_at = stored_instant(site, at.val.string.val, at.val.string.len);
	for (k = 0; k < NKINDS; k++)
		res[k].old_level = event_level(&jb->root, sla_policy_kind_names[kinds[k].kind]);
}

/* ---- pauses ---- */

/*
 * The pauses mr (null: none) after a status change at t: into a paused
 * status adds [t, infinity); out of one ends the last pause without end
 * at t (or drops it, when it began at or after t).
 */
static Datum
pauses_after_change(TrackSite *site, Datum mr, bool mr_null, bool into, TimestampTz t)
{
	TypeCacheEntry *rt = site->mr_type->rngtype;
	RangeType **ranges = NULL;
	RangeType **out;
	int32		n = 0;
	int			i;

	if (!mr_null)
		multirange_deserialize(rt, DatumGetMultirangeTypeP(mr), &n, &ranges);
	out = palloc(sizeof(RangeType *) * (n + 1));
	if (n > 0)
		memcpy(out, ranges, sizeof(RangeType *) * n);
	if (into)
	{
		RangeBound	lower = {TimestampTzGetDatum(t), TIMESTAMP_NOT_FINITE(t), true, true};
		RangeBound	upper = {(Datum) 0, true, false, false};

		out[n++] = sla_make_range(rt, &lower, &upper, false);
	}
	else
		for (i = n - 1; i >= 0; i--)
		{
			RangeBound	lower,
						upper;
			bool		empty;

			range_deserialize(rt, out[i], &lower, &upper, &empty);
			if (empty || !upper.infinite)
				continue;
			if (lower.infinite || DatumGetTimestampTz(lower.val) < t)
			{
				upper.val = TimestampTzGetDatum(t);
				upper.infinite = false;
				upper.inclusive = false;
				out[i] = sla_make_range(rt, &lower, &upper, false);
			}
			else
			{
				memmove(out + i, out + i + 1, sizeof(RangeType *) * (n - i - 1));
				n--;
			}
			break;
		}
	return MultirangeTypePGetDatum(make_multirange(site->mr_type->type_id, rt, n, out));
}

/* ---- judging targets ---- */

/*
 * Judge target t of policy p for a row started at start, done at done
 * (DT_NOEND: open), with pauses, as of at.  A done instant settles the
 * target whenever it lies: the row says the work is done.
 */
static void
judge_target(TrackSite *site, FmgrInfo *flinfo, const SlaPolicy *p,
			 const SlaPolicyTarget *t, TimestampTz start, TimestampTz done,
			 SlaPause *pauses, int npauses, TimestampTz at, TargetResult *r)
{
	SlaClock	c;

	c.cal = sla_calendar_in_slot(&site->cals, flinfo,
								 sla_calendar_slot(&site->cals, sla_policy_target_calendar(p, t)));
	c.start = start;
	c.days = t->days;
	c.time = t->time;
	c.pauses = pauses;
	c.npauses = npauses;
	c.clip = DT_NOEND;
	r->present = true;
	r->due = sla_clock_due(&c);
	r->warn = sla_clock_warn(&c, p->warn_at, at);
	if (done != DT_NOEND)
	{
		r->open = false;
		r->state = done <= r->due ? SLA_STATE_MET : SLA_STATE_BREACHED;
		r->level = r->due < done ? 2 : r->warn < done ? 1 : 0;
	}
	else
	{
		r->open = true;
		r->level = r->due <= at ? 2 : r->warn <= at ? 1 : 0;
		if (r->level == 2)
			r->state = SLA_STATE_BREACHED;
		else if (sla_clock_paused(&c, at))
			r->state = SLA_STATE_PAUSED;
		else
			r->state = r->level == 1 ? SLA_STATE_AT_RISK : SLA_STATE_RUNNING;
	}
}

/* ---- JSON of a row ---- */

/* The row's primary key as a JSON object: numbers as numbers, the rest as text. */
static char *
row_key_json(TrackMapping *m, TupleDesc desc, const Row *row)
{
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < m->npk; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, m->pk[i] - 1);
		char	   *value = column_text(desc, row, m->pk[i]);

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		escape_json(&buf, NameStr(att->attname));
		appendStringInfoString(&buf, ": ");
		if (value == NULL)
			appendStringInfoString(&buf, "null");
		else if (att->atttypid == INT2OID || att->atttypid == INT4OID ||
				 att->atttypid == INT8OID)
			appendStringInfoString(&buf, value);
		else
			escape_json(&buf, value);
	}
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

/*
 * The targets column: the instant the row was judged as of, and the last
 * event written for each target that has one (rows with an event only).
 * Kept small: a row's width is what an update of any column pays.
 */
static Datum
targets_json(TargetResult *res, TimestampTz at)
{
	StringInfoData buf;
	int			k;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"at\": ");
	sla_tracking_append_instant(&buf, at);
	for (k = 0; k < NKINDS; k++)
		if (res[k].present && res[k].level > 0)
			appendStringInfo(&buf, ", \"%s\": \"%s\"",
							 sla_policy_kind_names[kinds[k].kind], level_events[res[k].level]);
	appendStringInfoChar(&buf, '}');
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data));
}

/*
 * Has no target of the row an event?  Then its targets column stays null:
 * the instant a row was judged as of only guards events already written
 * (judged as of an earlier one, a level could fall and rise again), and
 * most open rows have none, so they do not carry it (a row's width is what
 * an update of any of its columns pays).
 */
static bool
no_events(const TargetResult *res)
{
	int			k;

	for (k = 0; k < NKINDS; k++)
		if (res[k].present && res[k].level > 0)
			return false;
	return true;
}

/*
 * The targets column of a row judged as of at with results res: the value
 * last built when it says the same (rows written together mostly do),
 * else a new one, kept for the next rows.
 */
static Datum
site_targets(TrackSite *site, FunctionCallInfo fcinfo, TargetResult *res, TimestampTz at)
{
	int			levels[NKINDS];
	MemoryContext old;
	int			k;

	for (k = 0; k < NKINDS; k++)
		levels[k] = res[k].present ? res[k].level : 0;
	if (site->targets != (Datum) 0 && site->targets_at == at &&
		memcmp(levels, site->targets_levels, sizeof(levels)) == 0)
		return site->targets;
	if (site->targets != (Datum) 0)
		pfree(DatumGetPointer(site->targets));
	site->targets = (Datum) 0;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	site->targets = targets_json(res, at);
	MemoryContextSwitchTo(old);
	site->targets_at = at;
	memcpy(site->targets_levels, levels, sizeof(levels));
	return site->targets;
}

/* An event's details: the target's instants, its terms and where it came from. */
static char *
detail_json(const TargetResult *r, const char *policy, const char *priority,
			const char *customer, bool customer_mapped, bool sweeping)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"due\": ");
	sla_tracking_append_instant(&buf, r->due);
	appendStringInfoString(&buf, ", \"warn\": ");
	sla_tracking_append_instant(&buf, r->warn);
	appendStringInfoString(&buf, ", \"policy\": ");
	escape_json(&buf, policy);
	appendStringInfoString(&buf, ", \"priority\": ");
	escape_json(&buf, priority);
	if (customer_mapped)
	{
		appendStringInfoString(&buf, ", \"customer\": ");
		if (customer == NULL)
			appendStringInfoString(&buf, "null");
		else
			escape_json(&buf, customer);
	}
	appendStringInfo(&buf, ", \"source\": \"%s\"}", sweeping ? "sweep" : "write");
	return buf.data;
}

/* ---- the trigger ---- */

/*
 * The row's next_check, given the next crossing of its open targets (next;
 * DT_NOEND: none), queueing a check when the row needs one: when it has
 * none (a new row, a parked one, a next_check or key just written), when
 * next comes before the check it has, and when the sweep is taking that
 * check (it is due).  A check queued at or before next is kept.
 */
static TimestampTz
next_check(TrackSite *site, Relation rel, TupleDesc desc, const Row *oldrow,
		   const Row *newrow, TimestampTz next, bool sweeping)
{
	bool		isnull;
	TimestampTz has = column_instant(newrow, site->map->attnums[TC_NEXT_CHECK], &isnull);
	bool		queued = oldrow != NULL && !isnull && has != DT_NOEND &&
		!check_moved(site->map, desc, oldrow, newrow);

	if (next == DT_NOEND)
		return DT_NOEND;		/* settled: its checks, if any, just go */
	if (queued && next >= has && !(sweeping && sweep.mode == SWEEP_DUE && has <= sweep.at))
		return has;
	sla_tracking_queue_check(rel, site->map, site->queue, newrow->tup, next);
	return next;
}

/* Order events by instant, then target, then level. */
static int
event_cmp(const void *a, const void *b)
{
	const PendingEvent *x = a;
	const PendingEvent *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->k != y->k)
		return x->k - y->k;
	return x->level - y->level;
}

/* Set column col of the result to value (or null). */
#define SET_COLUMN(col, value, isnull) \
	do { \
		cols[ncols] = m->attnums[col]; \
		values[ncols] = (value); \
		nulls[ncols] = (isnull); \
		ncols++; \
	} while (0)

/*
 * Recompute the row newrow (oldrow: the row before an update, or NULL)
 * and write the events of the thresholds crossed since; as of the sweep's
 * instant when sweeping, else as of the transaction's start.  The result
 * is newrow's tuple with the results set.
 */
static HeapTuple
track_row(FunctionCallInfo fcinfo, TriggerData *td, TrackSite *site,
		  const Row *oldrow, Row *newrow, bool sweeping)
{
	Relation	rel = td->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	TrackMapping *m = site->map;
	TargetResult res[NKINDS];
	PendingEvent events[NKINDS * 2];
	int			nevents = 0;
	int			cols[TC_COUNT];
	Datum		values[TC_COUNT];
	bool		nulls[TC_COUNT];
	int			ncols = 0;
	TimestampTz at;
	TimestampTz old_at = DT_NOBEGIN;
	TimestampTz opened;
	bool		opened_null;
	bool		isnull;
	char	   *priority;
	const char *policy_name = m->policy;
	char	   *customer = NULL;
	Datum		paused;
	bool		paused_null;
	SlaPause   *pauses = NULL;
	int			npauses = 0;
	int			row_state = -1;
	TimestampTz breached_at = DT_NOEND;
	TimestampTz next = DT_NOEND;
	bool		changed = false;
	int			k;
	HeapTuple	result;

	memset(res, 0, sizeof(res));
	if (oldrow != NULL)
		read_old(site, oldrow, res, &old_at);
	/* never judged as of an instant before the last one: no event twice */
	at = sweeping ? sweep.at : write_instant();
	at = Max(at, old_at);

	/* a status change into or out of a paused status moves the pauses */
	paused = row_attr(newrow, m->attnums[TC_PAUSED], &paused_null);
	if (m->attnums[TC_STATUS] != 0)
	{
		bool		was = oldrow != NULL && status_paused(m, desc, oldrow);
		bool		is = status_paused(m, desc, newrow);

		if (was != is)
		{
			TimestampTz t = write_instant();

			if (m->attnums[TC_STATUS_CHANGED_AT] != 0)
			{
				TimestampTz changed_at = column_instant(newrow,
														m->attnums[TC_STATUS_CHANGED_AT],
														&isnull);

				if (!isnull)
					t = changed_at;
			}
			paused = pauses_after_change(site, paused, paused_null, is, t);
			paused_null = false;
			SET_COLUMN(TC_PAUSED, paused, false);
		}
	}
	if (!paused_null)
		npauses = sla_pauses_from_datum(paused, &site->mr_type, &pauses);

	opened = column_instant(newrow, m->attnums[TC_OPENED_AT], &opened_null);
	priority = column_text(desc, newrow, m->attnums[TC_PRIORITY]);
	if (m->attnums[TC_POLICY] != 0)
	{
		char	   *name = column_text(desc, newrow, m->attnums[TC_POLICY]);

		if (name != NULL)
			policy_name = name;
	}
	if (!opened_null && priority != NULL)
	{
		SlaPolicyVersions *v;
		const SlaPolicy *p;

		if (TIMESTAMP_NOT_FINITE(opened))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("column \"%s\" of relation \"%s\" must be finite",
							m->names[TC_OPENED_AT], RelationGetRelationName(rel)),
					 errdetail("SLA tracking starts its clocks there.")));
		v = sla_policy_versions_for_name(fcinfo->flinfo, &site->policy_slot,
										 policy_name, strlen(policy_name));
		p = sla_policy_version_at(v, opened);
		for (k = 0; k < NKINDS; k++)
		{
			const SlaPolicyTarget *t;
			TimestampTz done = DT_NOEND;

			if (m->attnums[kinds[k].done] == 0)
				continue;
			t = sla_policy_find(p, priority, strlen(priority), kinds[k].kind);
			if (t == NULL)
				continue;
			done = column_instant(newrow, m->attnums[kinds[k].done], &isnull);
			judge_target(site, fcinfo->flinfo, p, t, opened, done, pauses, npauses, at, &res[k]);
		}
	}

	for (k = 0; k < NKINDS; k++)
	{
		TargetResult *r = &res[k];
		int			level;

		SET_COLUMN(kinds[k].due, TimestampTzGetDatum(r->due), !r->present);
		if (r->old_level != r->level)
			changed = true;
		if (!r->present)
			continue;
		row_state = Max(row_state, (int) r->state);
		if (r->state == SLA_STATE_BREACHED)
			breached_at = Min(breached_at, r->due);
		if (r->open && r->level < 2)
			next = Min(next, r->level == 0 ? r->warn : r->due);
		for (level = r->old_level + 1; level <= r->level; level++)
		{
			events[nevents].k = k;
			events[nevents].level = level;
			events[nevents].at = level == 1 ? r->warn : r->due;
			nevents++;
		}
	}
	SET_COLUMN(TC_STATE, ObjectIdGetDatum(row_state >= 0 ? site->state_oid[row_state] : InvalidOid),
			   row_state < 0);
	if (oldrow != NULL)
	{
		Datum		old_state = row_attr(oldrow, m->attnums[TC_STATE], &isnull);

		if (isnull != (row_state < 0) ||
			(!isnull && DatumGetObjectId(old_state) != site->state_oid[row_state]))
			changed = true;
	}
	else
		changed = true;
	SET_COLUMN(TC_BREACHED_AT, TimestampTzGetDatum(breached_at), TIMESTAMP_NOT_FINITE(breached_at));
	SET_COLUMN(TC_NEXT_CHECK, TimestampTzGetDatum(next_check(site, rel, desc, oldrow, newrow, next, sweeping)),
			   TIMESTAMP_NOT_FINITE(next));
	if (no_events(res))
		SET_COLUMN(TC_TARGETS, (Datum) 0, true);
	else
		SET_COLUMN(TC_TARGETS, site_targets(site, fcinfo, res, at), false);
	if (sweeping && changed)
		sweep.changed++;

	if (nevents > 0)
	{
		char	   *row_key = row_key_json(m, desc, newrow);
		int			i;

		if (m->attnums[TC_CUSTOMER] != 0)
			customer = column_text(desc, newrow, m->attnums[TC_CUSTOMER]);
		qsort(events, nevents, sizeof(PendingEvent), event_cmp);
		for (i = 0; i < nevents; i++)
			sla_tracking_event(rel, row_key, sla_policy_kind_names[kinds[events[i].k].kind],
							   level_events[events[i].level], events[i].at,
							   detail_json(&res[events[i].k], policy_name, priority,
										   customer, m->attnums[TC_CUSTOMER] != 0,
										   sweeping));
	}
	/* the row with its results, as heap_modify_tuple_by_cols makes it (deformed once) */
	for (k = 0; k < ncols; k++)
	{
		newrow->values[cols[k] - 1] = values[k];
		newrow->nulls[cols[k] - 1] = nulls[k];
	}
	result = heap_form_tuple(desc, newrow->values, newrow->nulls);
	result->t_data->t_ctid = newrow->tup->t_data->t_ctid;
	result->t_self = newrow->tup->t_self;
	result->t_tableOid = newrow->tup->t_tableOid;
	return result;
}

/*
 * Is rel the table being swept, or one of its partitions?  (The sweep
 * updates a partitioned table through its root; the trigger fires on the
 * partition.)
 */
static bool
swept(Relation rel)
{
	List	   *ancestors;
	bool		result;

	if (RelationGetRelid(rel) == sweep.relid)
		return true;
	if (!rel->rd_rel->relispartition)
		return false;
	ancestors = get_partition_ancestors(RelationGetRelid(rel));
	result = list_member_oid(ancestors, sweep.relid);
	list_free(ancestors);
	return result;
}

/*
 * sla.track_trigger(): BEFORE INSERT OR UPDATE row trigger created by
 * sla.track(), with the default policy and the mapping as arguments.
 */
PG_FUNCTION_INFO_V1(sla_track_trigger);
Datum
sla_track_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td = check_call(fcinfo);
	TrackSite  *site = site_of(fcinfo, td);
	bool		update = TRIGGER_FIRED_BY_UPDATE(td->tg_event);
	HeapTuple	newtup = update ? td->tg_newtuple : td->tg_trigtuple;
	HeapTuple	oldtup = update ? td->tg_trigtuple : NULL;
	bool		sweeping = sweep.active && swept(td->tg_relation);
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	Row		   *oldrow = NULL;
	Row		   *newrow;

	/* parking a row that cannot be judged: its write goes through as it is */
	if (sweeping && sweep.mode == SWEEP_PARK)
		return PointerGetDatum(newtup);
	newrow = row_deform(&site->newrow, desc, newtup);
	if (update)
		oldrow = row_deform(&site->oldrow, desc, oldtup);
	/* an update of other columns costs the comparison and nothing else */
	if (update && !sweeping &&
		!inputs_changed(site->map, desc, oldrow, newrow) &&
		!check_moved(site->map, desc, oldrow, newrow))
		return PointerGetDatum(newtup);
	return PointerGetDatum(track_row(fcinfo, td, site, oldrow, newrow, sweeping));
}
