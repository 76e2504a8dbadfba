/*-------------------------------------------------------------------------
 *
 * icu_status.h
 *	  Status codes of the ICU layer (icu_calendar.c, icu_locale.c, icu_format.c), which
 *	  never raises errors; sla_report_icu_status() raises them.
 *
 * IDENTIFICATION
 *	  src/icu_status.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ICU_STATUS_H
#define ICU_STATUS_H

typedef enum SlaIcuStatus
{
	SLA_ICU_OK = 0,
	SLA_ICU_YEAR_RANGE,			/* Gregorian year outside the supported years */
	SLA_ICU_MONTH_RANGE,		/* lunar month outside 1 to 12 */
	SLA_ICU_DAY_RANGE,			/* lunar day outside 1 to 30 */
	SLA_ICU_BAD_LOCALE,			/* a locale ICU has no language or region for */
	SLA_ICU_NO_WORDS,			/* a language without business-day words */
	SLA_ICU_FAILED				/* an ICU call failed (see the error code) */
} SlaIcuStatus;

/* An ICU failure: its UErrorCode and the call that returned it. */
typedef struct SlaIcuError
{
	int			code;			/* a UErrorCode */
	const char *call;			/* the ICU function that failed */
} SlaIcuError;

extern const char *sla_icu_error_name(int code);

/* Record a failed ICU call (code: its UErrorCode); SLA_ICU_FAILED, for tail calls. */
static inline SlaIcuStatus
sla_icu_failed(SlaIcuError *err, const char *call, int code)
{
	err->code = code;
	err->call = call;
	return SLA_ICU_FAILED;
}

#endif							/* ICU_STATUS_H */
