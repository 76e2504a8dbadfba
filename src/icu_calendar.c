/*-------------------------------------------------------------------------
 *
 * icu_calendar.c
 *	  Gregorian dates of Chinese-lunar and Umm al-Qura (Hijri) dates,
 *	  through ICU's "chinese" and "islamic-umalqura" calendars.
 *
 * A lunar year is shorter than a Gregorian one (354 or 355 days for the
 * Hijri year, 353 to 385 for the Chinese), so a lunar month and day falls
 * once or twice in a Gregorian year.  We ask ICU which lunar years are
 * current on January 1st and December 31st, and convert the month and day
 * of each of those years, keeping the dates inside the Gregorian year.
 *
 * Every UCalendar is opened with the zone "UTC", where ICU's milliseconds
 * are whole days of its Julian day count, and closed before returning,
 * also on failure.  Every UErrorCode is checked.  No backend calls: errors
 * come back as SlaIcuStatus codes.
 *
 * IDENTIFICATION
 *	  src/icu_calendar.c
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/utypes.h>

#include "calendar_dates.h"
#include "icu_calendar.h"

/* ICU's Chinese extended year of the Chinese year beginning in Gregorian year y. */
#define CHINESE_YEAR_OFFSET		2637

#define MS_PER_DAY				86400000.0
/* days from 1970-01-01 (ICU's epoch) to 2000-01-01 */
#define UNIX_TO_2000_DAYS		10957

static const UChar utc_zone[] = {'U', 'T', 'C', 0};

/* Map a calendar system name to its code; false for an unknown name. */
bool
sla_lunar_system_from_name(const char *name, SlaLunarSystem *system)
{
	if (strcmp(name, "chinese") == 0)
		*system = SLA_LUNAR_CHINESE;
	else if (strcmp(name, "islamic-umalqura") == 0)
		*system = SLA_LUNAR_UMALQURA;
	else
		return false;
	return true;
}

/* The name of an ICU error code, for messages. */
const char *
sla_icu_error_name(int code)
{
	return u_errorName((UErrorCode) code);
}

/* The lunar (extended) year current on date d (days since 2000-01-01). */
static SlaIcuStatus
lunar_year_on(UCalendar *cal, int32_t d, int32_t *year, SlaIcuError *err)
{
	UErrorCode status = U_ZERO_ERROR;

	ucal_setMillis(cal, ((double) d + UNIX_TO_2000_DAYS) * MS_PER_DAY, &status);
	if (U_FAILURE(status))
		return sla_icu_failed(err, "ucal_setMillis", status);
	*year = ucal_get(cal, UCAL_EXTENDED_YEAR, &status);
	if (U_FAILURE(status))
		return sla_icu_failed(err, "ucal_get", status);
	return SLA_ICU_OK;
}

/*
 * The Gregorian date of month/day (1-based, never a Chinese leap month) of
 * lunar extended year lyear.  *exists is false when that year's month is
 * shorter than day (ICU, non-lenient, refuses the fields).
 */
static SlaIcuStatus
lunar_to_day(UCalendar *cal, SlaLunarSystem system, int32_t lyear, int month,
			 int day, bool *exists, int32_t *out, SlaIcuError *err)
{
	UErrorCode status = U_ZERO_ERROR;
	UDate		ms;

	ucal_clear(cal);
	ucal_set(cal, UCAL_EXTENDED_YEAR, lyear);
	ucal_set(cal, UCAL_MONTH, month - 1);
	if (system == SLA_LUNAR_CHINESE)
		ucal_set(cal, UCAL_IS_LEAP_MONTH, 0);
	ucal_set(cal, UCAL_DATE, day);
	ms = ucal_getMillis(cal, &status);
	if (status == U_ILLEGAL_ARGUMENT_ERROR)
	{
		*exists = false;
		return SLA_ICU_OK;
	}
	if (U_FAILURE(status))
		return sla_icu_failed(err, "ucal_getMillis", status);
	*exists = true;
	*out = (int32_t) floor(ms / MS_PER_DAY) - UNIX_TO_2000_DAYS;
	return SLA_ICU_OK;
}

/* Convert with an open calendar; the caller closes it. */
static SlaIcuStatus
lunar_dates_with(UCalendar *cal, SlaLunarSystem system, int year, int month,
				 int day, SlaLunarDate *out, int *ndates, SlaIcuError *err)
{
	int32_t		first = sla_year_first_day(year);
	int32_t		last = sla_year_first_day(year + 1) - 1;
	int32_t		ly_first;
	int32_t		ly_last;
	int32_t		ly;
	SlaIcuStatus st;

	if ((st = lunar_year_on(cal, first, &ly_first, err)) != SLA_ICU_OK ||
		(st = lunar_year_on(cal, last, &ly_last, err)) != SLA_ICU_OK)
		return st;
	/* a Gregorian year touches two lunar years, three at most */
	if (ly_last < ly_first || ly_last - ly_first > 2)
		return sla_icu_failed(err, "ucal_get", U_INTERNAL_PROGRAM_ERROR);
	for (ly = ly_first; ly <= ly_last; ly++)
	{
		bool		exists;
		int32_t		d;

		if ((st = lunar_to_day(cal, system, ly, month, day, &exists, &d, err)) != SLA_ICU_OK)
			return st;
		if (!exists || d < first || d > last)
			continue;
		if (*ndates >= SLA_LUNAR_MAX_DATES)
			return sla_icu_failed(err, "ucal_getMillis", U_INTERNAL_PROGRAM_ERROR);
		out[*ndates].day = d;
		out[*ndates].lunar_year = system == SLA_LUNAR_CHINESE ?
			ly - CHINESE_YEAR_OFFSET : ly;
		(*ndates)++;
	}
	return SLA_ICU_OK;
}

/*
 * The Gregorian dates (0 to SLA_LUNAR_MAX_DATES, in order) in Gregorian
 * year of lunar month/day of system, as ICU computes them, each with the
 * lunar year it belongs to.  A day past the end of a month in a lunar year
 * (the 30th of a 29-day month) gives no date for that lunar year.
 * Chinese leap months are never meant.  Returns SLA_ICU_YEAR_RANGE,
 * SLA_ICU_MONTH_RANGE, SLA_ICU_DAY_RANGE for arguments out of range, and
 * SLA_ICU_FAILED with err filled when ICU fails.
 */
SlaIcuStatus
sla_icu_lunar_dates(SlaLunarSystem system, int year, int month, int day,
					SlaLunarDate *out, int *ndates, SlaIcuError *err)
{
	UErrorCode status = U_ZERO_ERROR;
	UCalendar  *cal;
	SlaIcuStatus st;

	*ndates = 0;
	if (year < SLA_LUNAR_MIN_YEAR || year > SLA_LUNAR_MAX_YEAR)
		return SLA_ICU_YEAR_RANGE;
	if (month < 1 || month > 12)
		return SLA_ICU_MONTH_RANGE;
	if (day < 1 || day > 30)
		return SLA_ICU_DAY_RANGE;

	cal = ucal_open(utc_zone, -1,
					system == SLA_LUNAR_CHINESE ? "@calendar=chinese" :
					"@calendar=islamic-umalqura",
					UCAL_DEFAULT, &status);
	if (U_FAILURE(status))
	{
		if (cal != NULL)
			ucal_close(cal);
		return sla_icu_failed(err, "ucal_open", status);
	}
	ucal_setAttribute(cal, UCAL_LENIENT, 0);
	st = lunar_dates_with(cal, system, year, month, day, out, ndates, err);
	ucal_close(cal);
	return st;
}
