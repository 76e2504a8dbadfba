/*-------------------------------------------------------------------------
 *
 * icu_format.c
 *	  Localized text of business time and of relative times through ICU:
 *	  hours, minutes and seconds from ICU's number formatter with measure
 *	  units, numbers and plural categories from ICU, the words for a
 *	  business day from business_day_words.c, the parts joined by ICU's
 *	  list formatter ("units" lists), relative times from ICU's relative
 *	  date-time formatter.
 *
 * Like icu_locale.c, this file makes no backend calls (no palloc, no
 * ereport): every ICU object it opens is closed before the function that
 * opened it returns, on success and on failure, and failures come back as
 * status codes for the caller to raise.  So an error can never leave an
 * ICU object open.
 *
 * IDENTIFICATION
 *	  src/icu_format.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ulistformatter.h>
#include <unicode/unumberformatter.h>
#include <unicode/upluralrules.h>
#include <unicode/ureldatefmt.h>
#include <unicode/ustring.h>

#include "business_day_words.h"
#include "icu_format.h"
#include "icu_locale.h"

#define USECS_PER_SEC	INT64_C(1000000)
#define USECS_PER_MIN	(60 * USECS_PER_SEC)
#define USECS_PER_HOUR	(60 * USECS_PER_MIN)
#define USECS_PER_DAY	(24 * USECS_PER_HOUR)

/* UTF-16 code units of one formatted part, and of the joined list */
#define PART_CAP		128
#define LIST_CAP		640

typedef struct Part
{
	UChar		text[PART_CAP];
	int32_t		len;
} Part;

/* The status of a finished sequence of ICU calls whose last was call. */
static SlaIcuStatus
icu_result(SlaIcuError *err, const char *call, UErrorCode status)
{
	/* a result that exactly fills its buffer has no room for the zero */
	if (status == U_STRING_NOT_TERMINATED_WARNING)
		status = U_BUFFER_OVERFLOW_ERROR;
	if (U_FAILURE(status))
		return sla_icu_failed(err, call, status);
	return SLA_ICU_OK;
}

/*
 * A locale name as lc_messages holds it, made an ICU locale: the POSIX
 * code set (".UTF-8") is dropped, and "C", "POSIX" and "" (messages in
 * the untranslated language) become "en".  Other names are copied.
 */
void
sla_icu_locale_from_posix(const char *name, char *out, size_t outsize)
{
	size_t		len = strcspn(name, ".");
	const char *rest = name + len;

	/* keep what follows the code set: "@" keywords */
	rest += strcspn(rest, "@");
	if (len + strlen(rest) >= outsize)
	{
		/* too long for a locale: hand it on whole, the check refuses it */
		strncpy(out, name, outsize - 1);
		out[outsize - 1] = '\0';
		return;
	}
	memcpy(out, name, len);
	strcpy(out + len, rest);
	if (strcmp(out, "C") == 0 || strcmp(out, "POSIX") == 0 || out[0] == '\0')
		strcpy(out, "en");
}

/*
 * value formatted by ICU's number formatter for skeleton in locale, into
 * part: "4 Stunden" for "measure-unit/duration-hour
 * unit-width-full-name", "1.000" for "".
 */
static SlaIcuStatus
format_number(const char *locale, const char *skeleton, double value,
			  Part *part, SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar		uskeleton[80];
	UNumberFormatter *fmt;
	UFormattedNumber *result = NULL;
	const char *call = "unumf_openForSkeletonAndLocale";

	/* skeletons are invariant characters, and shorter than the buffer */
	u_charsToUChars(skeleton, uskeleton, (int32_t) strlen(skeleton) + 1);
	fmt = unumf_openForSkeletonAndLocale(uskeleton, -1, locale, &status);
	if (U_SUCCESS(status))
	{
		call = "unumf_openResult";
		result = unumf_openResult(&status);
	}
	if (U_SUCCESS(status))
	{
		call = "unumf_formatDouble";
		unumf_formatDouble(fmt, value, result, &status);
	}
	if (U_SUCCESS(status))
	{
		call = "unumf_resultToString";
		part->len = unumf_resultToString(result, part->text, PART_CAP, &status);
	}
	if (result != NULL)
		unumf_closeResult(result);
	if (fmt != NULL)
		unumf_close(fmt);
	return icu_result(err, call, status);
}

/* The CLDR plural category ("one", "other", ...) of n in locale. */
static SlaIcuStatus
plural_category(const char *locale, double n, char *category, size_t size,
				SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	UPluralRules *rules;
	UChar		keyword[16];
	int32_t		len = 0;
	const char *call = "uplrules_open";

	rules = uplrules_open(locale, &status);
	if (U_SUCCESS(status))
	{
		call = "uplrules_select";
		len = uplrules_select(rules, n, keyword, 16, &status);
	}
	if (rules != NULL)
		uplrules_close(rules);
	if (U_SUCCESS(status) && (size_t) len >= size)
		status = U_BUFFER_OVERFLOW_ERROR;
	if (icu_result(err, call, status) != SLA_ICU_OK)
		return SLA_ICU_FAILED;
	/* keywords are invariant characters */
	u_UCharsToChars(keyword, category, len);
	category[len] = '\0';
	return SLA_ICU_OK;
}

/*
 * The tag of the business-day words for locale: its language and script
 * ("zh_Hant" for zh_TW) when words are shipped for those, else its
 * language.  SLA_ICU_NO_WORDS when the language has none.
 */
static SlaIcuStatus
words_tag(const char *locale, char *tag, size_t size, SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	char		full[ULOC_FULLNAME_CAPACITY];
	char		lang[ULOC_LANG_CAPACITY];
	char		script[ULOC_SCRIPT_CAPACITY];

	uloc_addLikelySubtags(locale, full, sizeof(full), &status);
	if (icu_result(err, "uloc_addLikelySubtags", status) != SLA_ICU_OK)
		return SLA_ICU_FAILED;
	uloc_getLanguage(full, lang, sizeof(lang), &status);
	if (icu_result(err, "uloc_getLanguage", status) != SLA_ICU_OK)
		return SLA_ICU_FAILED;
	uloc_getScript(full, script, sizeof(script), &status);
	if (icu_result(err, "uloc_getScript", status) != SLA_ICU_OK)
		return SLA_ICU_FAILED;
	if (script[0] != '\0')
	{
		snprintf(tag, size, "%s_%s", lang, script);
		if (sla_business_day_language(tag))
			return SLA_ICU_OK;
	}
	snprintf(tag, size, "%s", lang);
	return sla_business_day_language(tag) ? SLA_ICU_OK : SLA_ICU_NO_WORDS;
}

/* Append UTF-8 text (len bytes, or -1 up to its zero) to part. */
static SlaIcuStatus
append_utf8(Part *part, const char *text, int32_t len, SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	int32_t		added = 0;

	u_strFromUTF8(part->text + part->len, PART_CAP - part->len, &added,
				  text, len, &status);
	if (icu_result(err, "u_strFromUTF8", status) != SLA_ICU_OK)
		return SLA_ICU_FAILED;
	part->len += added;
	return SLA_ICU_OK;
}

/*
 * "2 Werktage": days formatted by ICU as a plain number, set in the
 * shipped pattern of tag for its plural category in locale.
 */
static SlaIcuStatus
format_days(const char *locale, const char *tag, int32_t days, Part *part,
			SlaIcuError *err)
{
	Part		number;
	char		category[8];
	const char *pattern;
	const char *hole;
	SlaIcuStatus st;

	if ((st = format_number(locale, "", (double) days, &number, err)) != SLA_ICU_OK ||
		(st = plural_category(locale, (double) days, category, sizeof(category),
							  err)) != SLA_ICU_OK)
		return st;
	pattern = sla_business_day_pattern(tag, category);
	hole = strstr(pattern, "{0}");
	part->len = 0;
	if ((st = append_utf8(part, pattern, (int32_t) (hole - pattern), err)) != SLA_ICU_OK)
		return st;
	if (part->len + number.len > PART_CAP)
		return sla_icu_failed(err, "u_strFromUTF8", U_BUFFER_OVERFLOW_ERROR);
	memcpy(part->text + part->len, number.text, number.len * sizeof(UChar));
	part->len += number.len;
	return append_utf8(part, hole + 3, -1, err);
}

/* parts joined by ICU's list formatter for units, as UTF-8 into out. */
static SlaIcuStatus
join_parts(const char *locale, const Part *parts, int32_t nparts, char *out,
		   size_t outsize, SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	UListFormatter *fmt;
	const UChar *items[4];
	int32_t		lens[4];
	UChar		joined[LIST_CAP];
	int32_t		len = 0;
	int32_t		i;

	for (i = 0; i < nparts; i++)
	{
		items[i] = parts[i].text;
		lens[i] = parts[i].len;
	}
	fmt = ulistfmt_openForType(locale, ULISTFMT_TYPE_UNITS, ULISTFMT_WIDTH_WIDE,
							   &status);
	if (U_SUCCESS(status))
		len = ulistfmt_format(fmt, items, lens, nparts, joined, LIST_CAP, &status);
	if (fmt != NULL)
		ulistfmt_close(fmt);
	if (icu_result(err, fmt == NULL ? "ulistfmt_openForType" : "ulistfmt_format",
				   status) != SLA_ICU_OK)
		return SLA_ICU_FAILED;
	u_strToUTF8(out, (int32_t) outsize, NULL, joined, len, &status);
	return icu_result(err, "u_strToUTF8", status);
}

/*
 * The text of days business days and time_us microseconds of business
 * time in locale, as UTF-8 into out: the non-zero parts among business
 * days, hours, minutes and seconds (with up to six decimals), each with
 * its own sign, joined as a list of units; "0 minutes" when all are zero.
 * SLA_ICU_BAD_LOCALE for a locale ICU has no data for, SLA_ICU_NO_WORDS
 * when days are non-zero and no business-day words are shipped for the
 * locale's language.
 */
SlaIcuStatus
sla_icu_format_business(const char *locale, int32_t days, int64_t time_us,
						char *out, size_t outsize, SlaIcuError *err)
{
	Part		parts[4];
	int32_t		nparts = 0;
	int64_t		hours = time_us / USECS_PER_HOUR;
	int64_t		minutes = (time_us % USECS_PER_HOUR) / USECS_PER_MIN;
	int64_t		usecs = time_us % USECS_PER_MIN;
	char		tag[32];
	SlaIcuStatus st;

	if ((st = sla_icu_check_locale(locale, err)) != SLA_ICU_OK)
		return st;
	if (days != 0)
	{
		if ((st = words_tag(locale, tag, sizeof(tag), err)) != SLA_ICU_OK ||
			(st = format_days(locale, tag, days, &parts[nparts++], err)) != SLA_ICU_OK)
			return st;
	}
	if (hours != 0 &&
		(st = format_number(locale, "measure-unit/duration-hour unit-width-full-name",
							(double) hours, &parts[nparts++], err)) != SLA_ICU_OK)
		return st;
	if ((minutes != 0 || (nparts == 0 && usecs == 0)) &&
		(st = format_number(locale, "measure-unit/duration-minute unit-width-full-name",
							(double) minutes, &parts[nparts++], err)) != SLA_ICU_OK)
		return st;
	if (usecs != 0 &&
		(st = format_number(locale, "measure-unit/duration-second unit-width-full-name .######",
							(double) usecs / USECS_PER_SEC, &parts[nparts++],
							err)) != SLA_ICU_OK)
		return st;
	return join_parts(locale, parts, nparts, out, outsize, err);
}

/*
 * The text in locale of an instant diff_us microseconds away ("in 3
 * hours", "vor 2 Tagen"), as UTF-8 into out.  The unit is seconds below a
 * minute, minutes below an hour, hours below a day, else days; the amount
 * is the whole number of units, truncated toward zero; below a second it
 * is ICU's word for now.
 */
SlaIcuStatus
sla_icu_format_relative(const char *locale, int64_t diff_us, char *out,
						size_t outsize, SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	URelativeDateTimeFormatter *fmt;
	URelativeDateTimeUnit unit;
	int64_t		unit_us;
	int64_t		amount;
	UChar		text[PART_CAP];
	int32_t		len = 0;
	SlaIcuStatus st;

	if ((st = sla_icu_check_locale(locale, err)) != SLA_ICU_OK)
		return st;
	/* compared without negating diff_us, which may be INT64_MIN */
	if (diff_us > -USECS_PER_MIN && diff_us < USECS_PER_MIN)
	{
		unit = UDAT_REL_UNIT_SECOND;
		unit_us = USECS_PER_SEC;
	}
	else if (diff_us > -USECS_PER_HOUR && diff_us < USECS_PER_HOUR)
	{
		unit = UDAT_REL_UNIT_MINUTE;
		unit_us = USECS_PER_MIN;
	}
	else if (diff_us > -USECS_PER_DAY && diff_us < USECS_PER_DAY)
	{
		unit = UDAT_REL_UNIT_HOUR;
		unit_us = USECS_PER_HOUR;
	}
	else
	{
		unit = UDAT_REL_UNIT_DAY;
		unit_us = USECS_PER_DAY;
	}
	amount = diff_us / unit_us;
	fmt = ureldatefmt_open(locale, NULL, UDAT_STYLE_LONG,
						   UDISPCTX_CAPITALIZATION_NONE, &status);
	if (U_SUCCESS(status))
	{
		/* the non-numeric form of zero seconds is the word for now */
		if (amount == 0)
			len = ureldatefmt_format(fmt, 0.0, UDAT_REL_UNIT_SECOND, text,
									 PART_CAP, &status);
		else
			len = ureldatefmt_formatNumeric(fmt, (double) amount, unit, text,
											PART_CAP, &status);
	}
	if (fmt != NULL)
		ureldatefmt_close(fmt);
	if (icu_result(err, fmt == NULL ? "ureldatefmt_open" : "ureldatefmt_format",
				   status) != SLA_ICU_OK)
		return SLA_ICU_FAILED;
	u_strToUTF8(out, (int32_t) outsize, NULL, text, len, &status);
	return icu_result(err, "u_strToUTF8", status);
}
