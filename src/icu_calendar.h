/*-------------------------------------------------------------------------
 *
 * icu_calendar.h
 *	  ICU's calendar conversions, without ICU types: the Gregorian dates of
 *	  a Chinese-lunar or Umm al-Qura (Hijri) month and day in a year.
 *
 * The functions return status codes and never raise errors; every ICU
 * object they open is closed before they return.  The SQL-facing code
 * turns the codes into ereport()s (sla_report_icu_status).
 *
 * IDENTIFICATION
 *	  src/icu_calendar.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ICU_CALENDAR_H
#define ICU_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "icu_status.h"

/* The lunar calendars ICU converts for us. */
typedef enum SlaLunarSystem
{
	SLA_LUNAR_CHINESE,			/* "chinese": ICU's astronomical Chinese calendar */
	SLA_LUNAR_UMALQURA			/* "islamic-umalqura": Saudi Arabia's Umm al-Qura */
} SlaLunarSystem;

/* Gregorian years the lunar conversions answer for. */
#define SLA_LUNAR_MIN_YEAR	1900
#define SLA_LUNAR_MAX_YEAR	2100

/* A lunar date can fall twice in one Gregorian year, never more. */
#define SLA_LUNAR_MAX_DATES	2

/* One Gregorian date of a lunar month and day. */
typedef struct SlaLunarDate
{
	int32_t		day;			/* days since 2000-01-01 */
	int32_t		lunar_year;		/* AH year; for chinese, the Gregorian year
								 * in which that Chinese year begins */
} SlaLunarDate;

extern bool sla_lunar_system_from_name(const char *name, SlaLunarSystem *system);
extern SlaIcuStatus sla_icu_lunar_dates(SlaLunarSystem system, int year, int month,
										int day, SlaLunarDate *out, int *ndates,
										SlaIcuError *err);

#endif							/* ICU_CALENDAR_H */
