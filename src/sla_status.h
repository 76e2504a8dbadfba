/*-------------------------------------------------------------------------
 *
 * sla_status.h
 *	  Status codes of the pure layers (compiler, engine).
 *
 * The compiler and the engine never raise errors: they return one of these
 * and the SQL-facing code turns it into an ereport() in one place
 * (status_report.c), the way datetime.c returns DTERR_* codes and
 * DateTimeParseError() reports them.  Plain C, so the engine can be built
 * and fuzzed outside the server.
 *
 * IDENTIFICATION
 *	  src/sla_status.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef SLA_STATUS_H
#define SLA_STATUS_H

typedef enum SlaStatus
{
	SLA_OK = 0,
	SLA_NEED_WINDOW,			/* engine: compile more of the calendar, then
								 * ask again; never reported */
	SLA_ERR_OUT_OF_YEARS,		/* an instant outside years 1..9999: 22008 */
	SLA_ERR_RESULT_RANGE,		/* a result beyond timestamptz: 22008 */
	SLA_ERR_SPAN_YEARS,			/* a computation over > 1000 years: 54000 */
	SLA_ERR_SPAN_RANGES,		/* a window of > 2,000,000 ranges: 54000 */
	SLA_ERR_NO_OPEN_AFTER,		/* no open time after the last exception:
								 * 22023 */
	SLA_ERR_NO_OPEN_BEFORE,		/* no open time before the first one: 22023 */
	SLA_ERR_OVERLAP,			/* neighbouring dates overlap: 22023, with the
								 * later date */
	SLA_ERR_TIME_ZONE,			/* the time zone is not known: 22023 */
	SLA_ERR_NO_OPEN_TIME		/* the calendar never opens: 22023 */
} SlaStatus;

#endif							/* SLA_STATUS_H */
