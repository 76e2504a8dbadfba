/*-------------------------------------------------------------------------
 *
 * status_report.h
 *	  The one place where the pure layers' status codes and the hours
 *	  parser's errors and the ICU layer's status codes become ereport()s,
 *	  with their SQLSTATEs.
 *
 * IDENTIFICATION
 *	  src/status_report.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef STATUS_REPORT_H
#define STATUS_REPORT_H

#include "hours_parse.h"
#include "icu_calendar.h"
#include "sla_status.h"

extern pg_attribute_noreturn() void sla_report_status(SlaStatus status,
													  const char *calname,
													  const char *time_zone,
													  int32 date);
extern pg_attribute_noreturn() void sla_report_hours_error(const char *text,
														   const SlaHoursError *err,
														   bool exception_hours);
extern pg_attribute_noreturn() void sla_report_icu_status(SlaIcuStatus status,
														  const SlaIcuError *err,
														  const char *locale,
														  int value);
extern char *sla_format_date(int32 d);

#endif							/* STATUS_REPORT_H */
