/*-------------------------------------------------------------------------
 *
 * holiday_store.c
 *	  The only code that reads the holiday tables.
 *
 * A region's rules are read together with those of its parents (a
 * subdivision inherits its country's), the dates of its dated rules and
 * the overrides of the whole chain, into an SlaHolidaySet that the pure
 * evaluator (holiday_rules.c) turns into days.  The dates of rules in
 * another calendar (chinese_lunar, solar_term, hijri) are computed here,
 * once per set, through holiday_lunar.c, with the official corrections of
 * sla.lunar_correction for the rule's region: this file is also the one
 * reader of that table for holidays.  Two kinds of readers: the
 * holiday store of store_cache.c, for sla.holidays() (cached per backend,
 * dropped when any holiday table changes), and the calendar store, which
 * reads the sets of a calendar's regions while it loads the calendar (its
 * own store lists the holiday tables too, so a changed rule recompiles the
 * calendars).  Everything is read with the active snapshot.
 *
 * IDENTIFICATION
 *	  src/holiday_store.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "access/xact.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "calendar_dates.h"
#include "holiday_lunar.h"
#include "holiday_store.h"
#include "status_report.h"
#include "sla_tables.h"
#include "store_cache.h"

/* A region and its ancestors: more would be a cycle. */
#define MAX_REGION_DEPTH	8

static void *load_region(const char *region, MemoryContext *mcxt);

/* Holiday sets, by region code, built from the holiday tables. */
static SlaStore holiday_store = {
	.name = "holiday",
	.ntables = 5,
	.tables = {SLA_HOLIDAY_REGION_TABLE, SLA_HOLIDAY_RULE_TABLE,
	SLA_HOLIDAY_DATE_TABLE, SLA_HOLIDAY_OVERRIDE_TABLE, SLA_LUNAR_CORRECTION_TABLE},
	.key_maxlen = SLA_HOLIDAY_REGION_MAXLEN,
	.load = load_region,
	.missing = sla_holiday_report_missing,
};

/* Register the holiday cache; called once from _PG_init. */
void
sla_holiday_store_init(void)
{
	sla_store_register(&holiday_store);
}

/* Raise 42704 for a region code without a row. */
void
sla_holiday_report_missing(const char *region)
{
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_OBJECT),
			 errmsg("holiday region \"%s\" does not exist", region),
			 errhint("Holiday regions are rows of %s.", SLA_HOLIDAY_REGION_QUALIFIED)));
}

/* Connect to SPI, checking the result. */
static void
spi_connect(void)
{
	int			ret;

	if ((ret = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(ret));
}

/* Run a read-only query with arguments, checking that it selected. */
static void
spi_select(const char *sql, int nargs, Oid *types, Datum *args, const char *table)
{
	int			ret = SPI_execute_with_args(sql, nargs, types, args, NULL, true, 0);

	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read %s: %s", table, SPI_result_code_string(ret));
}

/* Disconnect from SPI, checking the result. */
static void
spi_finish(void)
{
	int			ret;

	if ((ret = SPI_finish()) != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed: %s", SPI_result_code_string(ret));
}

/* Column col of row i of the last result, as a Datum; *isnull set. */
static Datum
col(uint64 i, int col, bool *isnull)
{
	return SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, col, isnull);
}

/* A text column as a C string in context cxt, or NULL. */
static char *
col_text(uint64 i, int c, MemoryContext cxt)
{
	bool		isnull;
	Datum		d = col(i, c, &isnull);

	if (isnull)
		return NULL;
	return MemoryContextStrdup(cxt, TextDatumGetCString(d));
}

/* An integer column (int2 or int4, by type), or dflt when null. */
static int
col_int(uint64 i, int c, int dflt)
{
	bool		isnull;
	Datum		d = col(i, c, &isnull);

	if (isnull)
		return dflt;
	return SPI_gettypeid(SPI_tuptable->tupdesc, c) == INT2OID ?
		DatumGetInt16(d) : DatumGetInt32(d);
}

/* A time column in microseconds, or 0 when null. */
static int64
col_time(uint64 i, int c)
{
	bool		isnull;
	Datum		d = col(i, c, &isnull);

	return isnull ? 0 : DatumGetTimeADT(d);
}

/* The day kind named s (the tables' CHECK constraints allow no other). */
static SlaDayKind
day_kind(const char *s)
{
	if (strcmp(s, "half_day") == 0)
		return SLA_DAY_HALF_DAY;
	if (strcmp(s, "working_day") == 0)
		return SLA_DAY_WORKING_DAY;
	return SLA_DAY_HOLIDAY;
}

/* The weekend shift named s. */
static SlaShift
shift_kind(const char *s)
{
	if (strcmp(s, "friday") == 0)
		return SLA_SHIFT_FRIDAY;
	if (strcmp(s, "monday") == 0)
		return SLA_SHIFT_MONDAY;
	if (strcmp(s, "next_free_weekday") == 0)
		return SLA_SHIFT_NEXT_FREE_WEEKDAY;
	if (strcmp(s, "next_free_day") == 0)
		return SLA_SHIFT_NEXT_FREE_DAY;
	return SLA_SHIFT_NONE;
}

/* The rule kind named s; elog for a name the CHECK constraint forbids. */
static SlaRuleKind
rule_kind(const char *s)
{
	static const struct
	{
		const char *name;
		SlaRuleKind kind;
	}			kinds[] = {
		{"fixed", SLA_RULE_FIXED},
		{"nth_weekday", SLA_RULE_NTH_WEEKDAY},
		{"last_weekday", SLA_RULE_LAST_WEEKDAY},
		{"weekday_on_or_after", SLA_RULE_WEEKDAY_ON_OR_AFTER},
		{"weekday_on_or_before", SLA_RULE_WEEKDAY_ON_OR_BEFORE},
		{"easter", SLA_RULE_EASTER},
		{"orthodox_easter", SLA_RULE_ORTHODOX_EASTER},
		{"dated", SLA_RULE_DATED},
		{"citizens_holiday", SLA_RULE_CITIZENS_HOLIDAY},
		{"chinese_lunar", SLA_RULE_CHINESE_LUNAR},
		{"solar_term", SLA_RULE_SOLAR_TERM},
		{"hijri", SLA_RULE_HIJRI},
	};
	int			i;

	for (i = 0; i < lengthof(kinds); i++)
		if (strcmp(s, kinds[i].name) == 0)
			return kinds[i].kind;
	elog(ERROR, "unknown holiday rule kind \"%s\"", s);
	return SLA_RULE_FIXED;		/* keep the compiler quiet */
}

/* The weekday named s (sun = 0), or -1 for null. */
static int
weekday_number(const char *s)
{
	static const char *const names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
	int			i;

	if (s != NULL)
		for (i = 0; i < 7; i++)
			if (strcmp(s, names[i]) == 0)
				return i;
	return -1;
}

/* Index of code in chain[0 .. n), which is its depth; -1 if absent. */
static int
chain_depth(char **chain, int n, const char *code)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(chain[i], code) == 0)
			return i;
	return -1;
}

/*
 * The dates of the set's chinese_lunar, solar_term and hijri rules, with
 * the corrections of sla.lunar_correction for the chain's regions (args:
 * the chain's codes as a text[]).  Called connected to SPI; the dates are
 * allocated in cxt.  Raises what ICU reports.
 */
static void
compute_lunar_rules(SlaHolidaySet *set, char **chain, int nchain, Datum *arg,
					Oid *argtype, MemoryContext cxt)
{
	SlaLunarCorrection *corrections = NULL;
	int			ncorrections = 0;
	int32	   *buf = NULL;
	uint64		i;
	int			r;

	for (r = 0; r < set->nrules; r++)
		if (SLA_RULE_HAS_DATES(set->rules[r].rule) && set->rules[r].rule != SLA_RULE_DATED)
			break;
	if (r == set->nrules)
		return;					/* no such rule: nothing to read */

	spi_select("SELECT calendar_system, region, lunar_year, month, first_day FROM "
			   SLA_LUNAR_CORRECTION_QUALIFIED " WHERE region OPERATOR(pg_catalog.=) ANY ($1)",
			   1, argtype, arg, SLA_LUNAR_CORRECTION_QUALIFIED);
	if (SPI_processed > 0)
		corrections = palloc(SPI_processed * sizeof(SlaLunarCorrection));
	for (i = 0; i < SPI_processed; i++)
	{
		SlaLunarCorrection *c = &corrections[ncorrections];
		char	   *system = col_text(i, 1, CurrentMemoryContext);
		bool		isnull;

		if (!sla_lunar_system_from_name(system, &c->system))
			continue;			/* the CHECK constraint allows no other */
		c->depth = chain_depth(chain, nchain, col_text(i, 2, CurrentMemoryContext));
		c->lunar_year = col_int(i, 3, 0);
		c->month = col_int(i, 4, 0);
		c->first_day = DatumGetDateADT(col(i, 5, &isnull));
		ncorrections++;
	}

	buf = palloc(SLA_LUNAR_RULE_MAX_DATES * sizeof(int32));
	for (; r < set->nrules; r++)
	{
		SlaHolidayRule *rule = &set->rules[r];
		int			n;
		SlaIcuError err;
		SlaIcuStatus st;
		int32	   *dates;

		if (!SLA_RULE_HAS_DATES(rule->rule) || rule->rule == SLA_RULE_DATED)
			continue;
		st = sla_holiday_rule_dates(rule, corrections, ncorrections, buf, &n,
									&rule->known_first, &rule->known_last, &err);
		if (st != SLA_ICU_OK)
			sla_report_icu_status(st, &err, NULL, rule->month);
		dates = MemoryContextAlloc(cxt, Max(n, 1) * sizeof(int32));
		memcpy(dates, buf, n * sizeof(int32));
		rule->dates = dates;
		rule->ndates = n;
	}
	pfree(buf);
	if (corrections)
		pfree(corrections);
}

/*
 * Read region, its ancestors, their rules, dated rules' dates and
 * overrides with the active snapshot, into a new set allocated in the
 * current memory context.  Returns NULL when the region does not exist.
 */
SlaHolidaySet *
sla_holiday_store_read(const char *region)
{
	MemoryContext cxt = CurrentMemoryContext;
	SlaHolidaySet *set;
	char	   *chain[MAX_REGION_DEPTH];
	int			nchain = 0;
	Datum		arg[1];
	Oid			argtype[1] = {TEXTOID};
	Datum	   *elems;
	ArrayType  *codes;
	SlaHolidayRule *rules;
	SlaHolidayOverride *overrides;
	uint64		i;
	int			r;

	spi_connect();

	/* the chain: the region, its parent, ... */
	chain[nchain] = MemoryContextStrdup(cxt, region);
	while (nchain < MAX_REGION_DEPTH)
	{
		char	   *parent;

		arg[0] = CStringGetTextDatum(chain[nchain]);
		spi_select("SELECT parent FROM " SLA_HOLIDAY_REGION_QUALIFIED
				   " WHERE code OPERATOR(pg_catalog.=) $1",
				   1, argtype, arg, SLA_HOLIDAY_REGION_QUALIFIED);
		if (SPI_processed == 0)
		{
			if (nchain == 0)
			{
				spi_finish();
				return NULL;
			}
			break;				/* a parent row cannot be missing (a foreign key) */
		}
		parent = col_text(0, 1, cxt);
		nchain++;
		if (parent == NULL || chain_depth(chain, nchain, parent) >= 0)
			break;
		if (nchain < MAX_REGION_DEPTH)
			chain[nchain] = parent;
	}
	elems = MemoryContextAlloc(cxt, nchain * sizeof(Datum));
	for (r = 0; r < nchain; r++)
		elems[r] = CStringGetTextDatum(chain[r]);
	codes = construct_array(elems, nchain, TEXTOID, -1, false, TYPALIGN_INT);
	arg[0] = PointerGetDatum(codes);
	argtype[0] = TEXTARRAYOID;

	set = MemoryContextAllocZero(cxt, sizeof(SlaHolidaySet));
	set->region = chain[0];

	/* the rules of the chain */
	spi_select("SELECT region, name, first_year, last_year, rule, month, day, weekday, nth,"
			   " offset_days, on_saturday, on_sunday, kind, closes_at, duration_days FROM "
			   SLA_HOLIDAY_RULE_QUALIFIED " WHERE region OPERATOR(pg_catalog.=) ANY ($1)"
			   " ORDER BY region, name, first_year",
			   1, argtype, arg, SLA_HOLIDAY_RULE_QUALIFIED);
	rules = MemoryContextAllocZero(cxt, Max(SPI_processed, 1) * sizeof(SlaHolidayRule));
	for (i = 0; i < SPI_processed; i++)
	{
		SlaHolidayRule *rule = &rules[i];
		char	   *code = col_text(i, 1, cxt);
		rule->depth = chain_depth(chain, nchain, code);
		rule->name = col_text(i, 2, cxt);
		rule->first_year = col_int(i, 3, 1);
		rule->last_year = col_int(i, 4, SLA_MAX_YEAR);
		rule->rule = rule_kind(col_text(i, 5, cxt));
		rule->month = col_int(i, 6, 0);
		rule->day = col_int(i, 7, 0);
		rule->weekday = weekday_number(col_text(i, 8, cxt));
		rule->nth = col_int(i, 9, 0);
		rule->offset = col_int(i, 10, 0);
		rule->on_saturday = shift_kind(col_text(i, 11, cxt));
		rule->on_sunday = shift_kind(col_text(i, 12, cxt));
		rule->kind = day_kind(col_text(i, 13, cxt));
		rule->closes_at = col_time(i, 14);
		rule->duration = col_int(i, 15, 1);
	}
	set->rules = rules;
	set->nrules = (int) SPI_processed;

	/* the dates of dated rules, matched to their rule */
	spi_select("SELECT region, name, first_year, day FROM " SLA_HOLIDAY_DATE_QUALIFIED
			   " WHERE region OPERATOR(pg_catalog.=) ANY ($1)"
			   " ORDER BY region, name, first_year, day",
			   1, argtype, arg, SLA_HOLIDAY_DATE_QUALIFIED);
	for (r = 0; r < set->nrules; r++)
	{
		SlaHolidayRule *rule = &rules[r];
		int32	   *dates = NULL;
		int			n = 0;

		if (rule->rule != SLA_RULE_DATED)
			continue;
		for (i = 0; i < SPI_processed; i++)
		{
			bool		isnull;
			char	   *code = TextDatumGetCString(col(i, 1, &isnull));
			char	   *name = TextDatumGetCString(col(i, 2, &isnull));

			if (chain_depth(chain, nchain, code) != rule->depth ||
				strcmp(name, rule->name) != 0 || col_int(i, 3, 0) != rule->first_year)
				continue;
			if (dates == NULL)
				dates = MemoryContextAlloc(cxt, SPI_processed * sizeof(int32));
			dates[n++] = DatumGetDateADT(col(i, 4, &isnull));
		}
		rule->dates = dates;
		rule->ndates = n;
	}

	/* the overrides of the chain: by day, parents first */
	spi_select("SELECT region, day, action, name, kind, closes_at FROM "
			   SLA_HOLIDAY_OVERRIDE_QUALIFIED " WHERE region OPERATOR(pg_catalog.=) ANY ($1)"
			   " AND day OPERATOR(pg_catalog.>=) '0001-01-01'"
			   " AND day OPERATOR(pg_catalog.<=) '9999-12-31' ORDER BY day",
			   1, argtype, arg, SLA_HOLIDAY_OVERRIDE_QUALIFIED);
	overrides = MemoryContextAllocZero(cxt, Max(SPI_processed, 1) * sizeof(SlaHolidayOverride));
	for (i = 0; i < SPI_processed; i++)
	{
		SlaHolidayOverride *o = &overrides[i];
		char	   *action = col_text(i, 3, cxt);
		bool		isnull;

		o->depth = chain_depth(chain, nchain, col_text(i, 1, cxt));
		o->day = DatumGetDateADT(col(i, 2, &isnull));
		o->remove = strcmp(action, "remove") == 0;
		o->name = col_text(i, 4, cxt);
		if (o->name == NULL)
			o->name = "";
		o->kind = day_kind(col_text(i, 5, cxt));
		o->closes_at = col_time(i, 6);
		/* parents first within a day: insertion by depth, descending */
		{
			int			j = (int) i;

			while (j > 0 && overrides[j - 1].day == o->day &&
				   overrides[j - 1].depth < overrides[j].depth)
			{
				SlaHolidayOverride tmp = overrides[j - 1];

				overrides[j - 1] = overrides[j];
				overrides[j] = tmp;
				j--;
			}
		}
	}
	set->overrides = overrides;
	set->noverrides = (int) SPI_processed;

	compute_lunar_rules(set, chain, nchain, arg, argtype, cxt);
	spi_finish();

	sla_holiday_set_prepare(set);
	return set;
}

/*
 * The store's load callback: the set of region, in its own context (a
 * child of the current one) returned in *mcxt.
 */
static void *
load_region(const char *region, MemoryContext *mcxt)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "sla holiday set",
											  ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	SlaHolidaySet *set = sla_holiday_store_read(region);

	MemoryContextSwitchTo(old);
	if (set == NULL)
		sla_holiday_report_missing(region);
	*mcxt = cxt;
	return set;
}

/*
 * The holiday set of the region named by argument argno of a function
 * call, from the cache (see store_cache.h for when a change is seen).
 */
SlaHolidaySet *
sla_holiday_set_for_call(FunctionCallInfo fcinfo, int argno)
{
	return (SlaHolidaySet *) sla_store_lookup_arg(&holiday_store, fcinfo, argno);
}

/* Does a region with this code exist (with the active snapshot)? */
bool
sla_holiday_region_exists(const char *region)
{
	Datum		arg[1] = {CStringGetTextDatum(region)};
	Oid			argtype[1] = {TEXTOID};
	bool		found;

	spi_connect();
	spi_select("SELECT 1 FROM " SLA_HOLIDAY_REGION_QUALIFIED
			   " WHERE code OPERATOR(pg_catalog.=) $1",
			   1, argtype, arg, SLA_HOLIDAY_REGION_QUALIFIED);
	found = SPI_processed > 0;
	spi_finish();
	return found;
}

/*
 * The rows of sla.holiday_date of rule (region, name, first_year) must
 * belong to a dated rule and lie in its years: raise 23514 otherwise.
 * For the check trigger, after a date or a rule was written.
 */
void
sla_holiday_store_check_dated(const char *region, const char *name, int first_year)
{
	Datum		arg[3] = {CStringGetTextDatum(region), CStringGetTextDatum(name),
	Int32GetDatum(first_year)};
	Oid			argtype[3] = {TEXTOID, TEXTOID, INT4OID};
	MemoryContext cxt = CurrentMemoryContext;
	char	   *rule;
	char	   *outside;
	int			last_year;
	int64		ndates;
	bool		isnull;

	/* see the rows of the statement that fired the trigger */
	CommandCounterIncrement();
	PushCopiedSnapshot(GetActiveSnapshot());
	UpdateActiveSnapshotCommandId();
	spi_connect();
	spi_select("SELECT r.rule, r.last_year,"
			   " (SELECT pg_catalog.count(*) FROM " SLA_HOLIDAY_DATE_QUALIFIED " d"
			   "   WHERE d.region OPERATOR(pg_catalog.=) r.region"
			   "   AND d.name OPERATOR(pg_catalog.=) r.name"
			   "   AND d.first_year OPERATOR(pg_catalog.=) r.first_year),"
			   " (SELECT pg_catalog.min(d.day)::text FROM " SLA_HOLIDAY_DATE_QUALIFIED " d"
			   "   WHERE d.region OPERATOR(pg_catalog.=) r.region"
			   "   AND d.name OPERATOR(pg_catalog.=) r.name"
			   "   AND d.first_year OPERATOR(pg_catalog.=) r.first_year"
			   "   AND (pg_catalog.date_part('year', d.day) OPERATOR(pg_catalog.<) r.first_year"
			   "    OR pg_catalog.date_part('year', d.day) OPERATOR(pg_catalog.>)"
			   "       COALESCE(r.last_year, 9999)))"
			   " FROM " SLA_HOLIDAY_RULE_QUALIFIED " r"
			   " WHERE r.region OPERATOR(pg_catalog.=) $1 AND r.name OPERATOR(pg_catalog.=) $2"
			   " AND r.first_year OPERATOR(pg_catalog.=) $3",
			   3, argtype, arg, SLA_HOLIDAY_RULE_QUALIFIED);
	if (SPI_processed == 0)
	{
		spi_finish();
		PopActiveSnapshot();
		return;					/* the foreign key reports a missing rule */
	}
	rule = col_text(0, 1, cxt);
	last_year = col_int(0, 2, SLA_MAX_YEAR);
	ndates = DatumGetInt64(col(0, 3, &isnull));
	outside = col_text(0, 4, cxt);
	spi_finish();
	PopActiveSnapshot();

	if (ndates > 0 && strcmp(rule, "dated") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("holiday rule \"%s\" of region \"%s\" has dates but is not dated",
						name, region),
				 errdetail("Rows of %s belong to rules of kind \"dated\"; this one is \"%s\".",
						   SLA_HOLIDAY_DATE_QUALIFIED, rule)));
	if (outside != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("holiday date %s is outside the years of rule \"%s\" of region \"%s\"",
						outside, name, region),
				 errdetail("The rule covers the years %d to %d.", first_year, last_year),
				 errhint("Change the rule's last_year, or add a rule of the same name for the later years.")));
}
