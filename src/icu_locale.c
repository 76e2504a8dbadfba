/*-------------------------------------------------------------------------
 *
 * icu_locale.c
 *	  Check a locale name against ICU's data, and read its weekend from
 *	  ICU's week data (CLDR's weekendStart/weekendEnd by region).
 *
 * ICU accepts any string as a locale and quietly falls back to its root
 * data, so a typo would give the root locale's Saturday-Sunday weekend.
 * We accept a locale only when ICU has data for its language (some
 * locale of uloc_getAvailable has that language) and, when it names a
 * region, the region is an ISO 3166 country ICU knows or a three-digit
 * UN M.49 area.  No backend calls; every UCalendar is closed before
 * returning.
 *
 * IDENTIFICATION
 *	  src/icu_locale.c
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/uloc.h>

#include "icu_locale.h"

static const UChar utc_zone[] = {'U', 'T', 'C', 0};

/* Does ICU have data for some locale of language lang? */
static bool
language_available(const char *lang)
{
	int32_t		n = uloc_countAvailable();
	int32_t		i;

	for (i = 0; i < n; i++)
	{
		UErrorCode status = U_ZERO_ERROR;
		char		avail[ULOC_LANG_CAPACITY];

		uloc_getLanguage(uloc_getAvailable(i), avail, sizeof(avail), &status);
		if (U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING &&
			strcmp(avail, lang) == 0)
			return true;
	}
	return false;
}

/* Is region an ISO 3166 country ICU knows, or a UN M.49 area (3 digits)? */
static bool
region_known(const char *region)
{
	const char *const *countries;

	if (strlen(region) == 3 && strspn(region, "0123456789") == 3)
		return true;
	for (countries = uloc_getISOCountries(); *countries != NULL; countries++)
		if (strcmp(*countries, region) == 0)
			return true;
	return false;
}

/*
 * SLA_ICU_OK when ICU has data for locale's language and knows its region
 * (if it names one), SLA_ICU_BAD_LOCALE otherwise (also for an empty,
 * overlong or non-ASCII name).  Both "de_DE" and "de-DE" are accepted.
 */
SlaIcuStatus
sla_icu_check_locale(const char *locale, SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	char		lang[ULOC_LANG_CAPACITY];
	char		region[ULOC_COUNTRY_CAPACITY];
	size_t		len = strlen(locale);
	size_t		i;

	(void) err;
	if (len == 0 || len >= ULOC_FULLNAME_CAPACITY)
		return SLA_ICU_BAD_LOCALE;
	for (i = 0; i < len; i++)
		if ((unsigned char) locale[i] >= 0x80 || locale[i] == ' ')
			return SLA_ICU_BAD_LOCALE;
	uloc_getLanguage(locale, lang, sizeof(lang), &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING ||
		lang[0] == '\0' || !language_available(lang))
		return SLA_ICU_BAD_LOCALE;
	status = U_ZERO_ERROR;
	uloc_getCountry(locale, region, sizeof(region), &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		return SLA_ICU_BAD_LOCALE;
	if (region[0] != '\0' && !region_known(region))
		return SLA_ICU_BAD_LOCALE;
	return SLA_ICU_OK;
}

/* Read the weekend days from an open calendar; the caller closes it. */
static SlaIcuStatus
weekend_with(UCalendar *cal, bool weekend[7], SlaIcuError *err)
{
	int			d;

	for (d = 0; d < 7; d++)
	{
		UErrorCode	status = U_ZERO_ERROR;
		/* ICU counts UCAL_SUNDAY = 1 .. UCAL_SATURDAY = 7 */
		UCalendarWeekdayType type = ucal_getDayOfWeekType(cal, (UCalendarDaysOfWeek) (d + 1),
														  &status);

		if (U_FAILURE(status))
			return sla_icu_failed(err, "ucal_getDayOfWeekType", status);
		/* a weekend that starts or ends during a day leaves it a weekday */
		weekend[d] = (type == UCAL_WEEKEND);
	}
	return SLA_ICU_OK;
}

/*
 * The weekend days of locale (weekend[d] for weekday d, 0 = Sunday), from
 * ICU's week data for its region (or the likely region of its language).
 * SLA_ICU_BAD_LOCALE as sla_icu_check_locale; SLA_ICU_FAILED with err
 * filled when ICU fails.
 */
SlaIcuStatus
sla_icu_locale_weekend(const char *locale, bool weekend[7], SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	UCalendar  *cal;
	SlaIcuStatus st;

	if ((st = sla_icu_check_locale(locale, err)) != SLA_ICU_OK)
		return st;
	cal = ucal_open(utc_zone, -1, locale, UCAL_GREGORIAN, &status);
	if (U_FAILURE(status))
	{
		if (cal != NULL)
			ucal_close(cal);
		return sla_icu_failed(err, "ucal_open", status);
	}
	st = weekend_with(cal, weekend, err);
	ucal_close(cal);
	return st;
}
