/*-------------------------------------------------------------------------
 *
 * kpi_csat.c
 *	  Transition functions of sla.csat: the share of top ratings.
 *
 * Scores run from 1 to scale; the top_box highest scores count as
 * satisfied (csat(score) is scale 5, top box 2: scores 4 and 5).  A NULL
 * score is not counted; a score outside the scale is an error (22003), not
 * a skipped row.  The state and final function are in kpi_state.c.
 *
 * IDENTIFICATION
 *	  src/kpi_csat.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include "kpi.h"

/* Count one score on the scale 1..scale, satisfied above scale - top_box. */
static inline void
count_score(SlaKpiCounts *state, int32 score, int32 top_box, int32 scale)
{
	if (unlikely(score < 1 || score > scale))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("csat score %d is outside the scale 1 to %d", score, scale)));
	state->counted++;
	state->met += (score > scale - top_box);
}

/* csat(score): transition function, scale 1 to 5, top box 4 and 5. */
PG_FUNCTION_INFO_V1(sla_csat_trans);
Datum
sla_csat_trans(PG_FUNCTION_ARGS)
{
	SlaKpiCounts *state = sla_kpi_counts_arg(fcinfo, "csat_trans");

	if (!PG_ARGISNULL(1))
		count_score(state, PG_GETARG_INT32(1), 2, 5);
	PG_RETURN_POINTER(state);
}

/*
 * csat(score, top_box, scale): transition function; 22023 unless
 * 1 <= top_box <= scale.  A row with a NULL argument is not counted.
 */
PG_FUNCTION_INFO_V1(sla_csat_scale_trans);
Datum
sla_csat_scale_trans(PG_FUNCTION_ARGS)
{
	SlaKpiCounts *state = sla_kpi_counts_arg(fcinfo, "csat_scale_trans");
	int32		top_box;
	int32		scale;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_POINTER(state);
	top_box = PG_GETARG_INT32(2);
	scale = PG_GETARG_INT32(3);
	if (unlikely(scale < 1 || top_box < 1 || top_box > scale))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("csat top box %d does not fit the scale 1 to %d", top_box, scale),
				 errdetail("The top box must be at least 1 and at most the scale's highest score.")));
	count_score(state, PG_GETARG_INT32(1), top_box, scale);
	PG_RETURN_POINTER(state);
}
