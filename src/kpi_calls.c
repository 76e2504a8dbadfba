/*-------------------------------------------------------------------------
 *
 * kpi_calls.c
 *	  Transition functions of the contact-centre KPIs: sla.service_level,
 *	  sla.abandon_rate, sla.asa and sla.awt, sla.aht.
 *
 * A call has a queue wait and was answered or abandoned (answered =
 * false; its wait is then the time until the caller hung up).  "Within" a
 * threshold means a wait <= the threshold.  An abandoned call whose wait
 * is within short_abandon leaves every count.  A row with a NULL argument
 * is not counted; a negative duration is an error (22023).  Durations
 * compare as interval's btree order does (a day as 24 hours, a month as 30
 * days).  The states and final functions are in kpi_state.c.
 *
 * IDENTIFICATION
 *	  src/kpi_calls.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "kpi.h"

/* How service_level treats abandoned calls (see docs/kpis.md). */
typedef enum ServiceLevelVariant
{
	SL_EXCLUDE,					/* answered within T / answered */
	SL_COUNT_AS_MISSED,			/* answered within T / offered */
	SL_COUNT_IF_LATE,			/* abandoned within T excluded, later missed */
	SL_COUNT_AS_MET_IF_EARLY	/* abandoned within T count as met */
} ServiceLevelVariant;

static const char *const variant_names[] = {
	"exclude", "count_as_missed", "count_if_late", "count_as_met_if_early"
};

/* The variant of the previous row, kept per call site in fn_extra. */
typedef struct VariantCache
{
	ServiceLevelVariant variant;
	int			len;			/* bytes of name */
	char		name[32];		/* the text it was parsed from */
} VariantCache;

/* Parse a variant name; 22023 listing the allowed names when unknown. */
static ServiceLevelVariant
parse_variant(const char *name, int len)
{
	for (int i = 0; i < lengthof(variant_names); i++)
		if (strlen(variant_names[i]) == len &&
			memcmp(variant_names[i], name, len) == 0)
			return (ServiceLevelVariant) i;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown service level variant \"%.*s\"", len, name),
			 errhint("The variants are: exclude, count_as_missed, count_if_late, count_as_met_if_early.")));
	pg_unreachable();
}

/* The variant in argument argno, parsed once per distinct text. */
static ServiceLevelVariant
variant_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	const char *name = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	VariantCache *cache = (VariantCache *) fcinfo->flinfo->fn_extra;

	if (likely(cache != NULL && cache->len == len &&
			   memcmp(cache->name, name, len) == 0))
		return cache->variant;
	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(VariantCache));
		cache->len = -1;
		fcinfo->flinfo->fn_extra = cache;
	}
	cache->variant = parse_variant(name, len);
	cache->len = len;
	memcpy(cache->name, name, len);
	return cache->variant;
}

/*
 * service_level(wait, answered, threshold [, abandoned [, short_abandon]]):
 * transition function of the three overloads (the variant defaults to
 * exclude, short_abandon to none).
 */
PG_FUNCTION_INFO_V1(sla_service_level_trans);
Datum
sla_service_level_trans(PG_FUNCTION_ARGS)
{
	SlaKpiCounts *state = sla_kpi_counts_arg(fcinfo, "service_level_trans");
	int			nargs = PG_NARGS();
	ServiceLevelVariant variant = SL_EXCLUDE;
	int64		wait;
	int64		threshold;
	bool		within;

	for (int i = 1; i < nargs; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_POINTER(state);
	wait = sla_kpi_interval_usecs(PG_GETARG_INTERVAL_P(1), "wait");
	threshold = sla_kpi_interval_usecs(PG_GETARG_INTERVAL_P(3), "threshold");
	within = (wait <= threshold);
	if (nargs > 4)
		variant = variant_arg(fcinfo, 4);

	if (PG_GETARG_BOOL(2))
	{
		state->counted++;
		state->met += within;
		PG_RETURN_POINTER(state);
	}
	/* an abandoned call */
	if (nargs > 5 &&
		wait <= sla_kpi_interval_usecs(PG_GETARG_INTERVAL_P(5), "short_abandon"))
		PG_RETURN_POINTER(state);
	switch (variant)
	{
		case SL_EXCLUDE:
			break;
		case SL_COUNT_AS_MISSED:
			state->counted++;
			break;
		case SL_COUNT_IF_LATE:
			state->counted += !within;
			break;
		case SL_COUNT_AS_MET_IF_EARLY:
			state->counted++;
			state->met += within;
			break;
	}
	PG_RETURN_POINTER(state);
}

/*
 * abandon_rate(wait, answered [, short_abandon]): transition function;
 * abandoned calls among offered calls, short abandons leaving both.
 */
PG_FUNCTION_INFO_V1(sla_abandon_rate_trans);
Datum
sla_abandon_rate_trans(PG_FUNCTION_ARGS)
{
	SlaKpiCounts *state = sla_kpi_counts_arg(fcinfo, "abandon_rate_trans");
	int			nargs = PG_NARGS();
	int64		wait;

	for (int i = 1; i < nargs; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_POINTER(state);
	wait = sla_kpi_interval_usecs(PG_GETARG_INTERVAL_P(1), "wait");
	if (PG_GETARG_BOOL(2))
	{
		state->counted++;
		PG_RETURN_POINTER(state);
	}
	if (nargs > 3 &&
		wait <= sla_kpi_interval_usecs(PG_GETARG_INTERVAL_P(3), "short_abandon"))
		PG_RETURN_POINTER(state);
	state->counted++;
	state->met++;
	PG_RETURN_POINTER(state);
}

/*
 * asa(wait, answered) and awt: transition function; adds the wait of an
 * answered call, ignores abandoned calls.
 */
PG_FUNCTION_INFO_V1(sla_asa_trans);
Datum
sla_asa_trans(PG_FUNCTION_ARGS)
{
	SlaKpiIntervalSum *state = sla_kpi_interval_sum_arg(fcinfo, "asa_trans");
	Interval   *wait;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || !PG_GETARG_BOOL(2))
		PG_RETURN_POINTER(state);
	wait = PG_GETARG_INTERVAL_P(1);
	(void) sla_kpi_interval_usecs(wait, "wait");
	sla_kpi_interval_sum_add(state, wait->month, wait->day, wait->time);
	state->count++;
	PG_RETURN_POINTER(state);
}

/*
 * aht(talk, hold, wrap): transition function; adds one handled contact's
 * talk + hold + after-call work.
 */
PG_FUNCTION_INFO_V1(sla_aht_trans);
Datum
sla_aht_trans(PG_FUNCTION_ARGS)
{
	SlaKpiIntervalSum *state = sla_kpi_interval_sum_arg(fcinfo, "aht_trans");
	static const char *const what[] = {"talk", "hold", "wrap"};
	Interval   *iv[3];

	for (int i = 0; i < 3; i++)
	{
		if (PG_ARGISNULL(i + 1))
			PG_RETURN_POINTER(state);
		iv[i] = PG_GETARG_INTERVAL_P(i + 1);
		(void) sla_kpi_interval_usecs(iv[i], what[i]);
	}
	for (int i = 0; i < 3; i++)
		sla_kpi_interval_sum_add(state, iv[i]->month, iv[i]->day, iv[i]->time);
	state->count++;
	PG_RETURN_POINTER(state);
}
