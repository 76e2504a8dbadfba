/*-------------------------------------------------------------------------
 *
 * kpi_compliance.c
 *	  Transition functions of sla.compliance: the share of targets met.
 *
 * A target done at or before its due instant is met; done after it, or
 * still open at an instant `at` at or after it (breached, as sla.state
 * says), it is missed; open and not yet due, it is not counted.  A row
 * with a NULL due instant, or open with a NULL `at`, is not counted.  The
 * ratio's state and final function are in kpi_state.c.
 *
 * IDENTIFICATION
 *	  src/kpi_compliance.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include "access/xact.h"
#include "utils/timestamp.h"

#include "kpi.h"

/* Count one target due at due, done at done_at (NULL: open), as of at. */
static inline void
count_target(SlaKpiCounts *state, TimestampTz due, bool open,
			 TimestampTz done_at, TimestampTz at)
{
	if (!open)
	{
		state->counted++;
		state->met += (done_at <= due);
	}
	else if (at >= due)
		state->counted++;
}

/* compliance(due, done_at, at): transition function. */
PG_FUNCTION_INFO_V1(sla_compliance_at_trans);
Datum
sla_compliance_at_trans(PG_FUNCTION_ARGS)
{
	SlaKpiCounts *state = sla_kpi_counts_arg(fcinfo, "compliance_at_trans");

	if (!PG_ARGISNULL(1) && (!PG_ARGISNULL(2) || !PG_ARGISNULL(3)))
		count_target(state, PG_GETARG_TIMESTAMPTZ(1), PG_ARGISNULL(2),
					 PG_ARGISNULL(2) ? 0 : PG_GETARG_TIMESTAMPTZ(2),
					 PG_ARGISNULL(3) ? 0 : PG_GETARG_TIMESTAMPTZ(3));
	PG_RETURN_POINTER(state);
}

/*
 * compliance(due, done_at): transition function; open targets are judged
 * as of the transaction's start (now()), the same in parallel workers.
 */
PG_FUNCTION_INFO_V1(sla_compliance_now_trans);
Datum
sla_compliance_now_trans(PG_FUNCTION_ARGS)
{
	SlaKpiCounts *state = sla_kpi_counts_arg(fcinfo, "compliance_now_trans");

	if (!PG_ARGISNULL(1))
		count_target(state, PG_GETARG_TIMESTAMPTZ(1), PG_ARGISNULL(2),
					 PG_ARGISNULL(2) ? 0 : PG_GETARG_TIMESTAMPTZ(2),
					 GetCurrentTransactionStartTimestamp());
	PG_RETURN_POINTER(state);
}

/* compliance(met boolean): transition function; NULL is not counted. */
PG_FUNCTION_INFO_V1(sla_compliance_met_trans);
Datum
sla_compliance_met_trans(PG_FUNCTION_ARGS)
{
	SlaKpiCounts *state = sla_kpi_counts_arg(fcinfo, "compliance_met_trans");

	if (!PG_ARGISNULL(1))
	{
		state->counted++;
		state->met += PG_GETARG_BOOL(1);
	}
	PG_RETURN_POINTER(state);
}
