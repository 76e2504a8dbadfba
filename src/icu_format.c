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
 * ereport): failures come back as status codes for the caller to raise.
 * The ICU objects a call needs are kept open in an SlaIcuFormatters, for
 * the locale of the last call, and opened lazily; a call in another
 * locale closes them all first.  Each object is stored in the cache as
 * soon as ICU returns it, so the cache is consistent at every return and
 * sla_icu_formatters_close() (which the caller must run, also after an
 * error) closes everything that is open.
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

/* The number formatters kept open, one per skeleton. */
typedef enum NumberKind
{
	NUMBER_PLAIN,
	NUMBER_HOURS,
	NUMBER_MINUTES,
	NUMBER_SECONDS,
	NUMBER_KINDS
} NumberKind;

static const char *const number_skeleton[NUMBER_KINDS] = {
	"",
	"measure-unit/duration-hour unit-width-full-name",
	"measure-unit/duration-minute unit-width-full-name",
	"measure-unit/duration-second unit-width-full-name .######"
};

/* Whether the business-day words of the cached locale were looked up. */
typedef enum WordsState
{
	WORDS_UNKNOWN,
	WORDS_FOUND,
	WORDS_NONE
} WordsState;

struct SlaIcuFormatters
{
	/* the checked locale the objects below are for; "" when none */
	char		locale[ULOC_FULLNAME_CAPACITY];
	WordsState	words;
	char		tag[32];		/* business-day words, when WORDS_FOUND */
	UNumberFormatter *number[NUMBER_KINDS];
	UFormattedNumber *result;
	UPluralRules *plural;
	UListFormatter *list;
	URelativeDateTimeFormatter *relative;
};

/* Bytes the caller allocates for an SlaIcuFormatters. */
size_t
sla_icu_formatters_size(void)
{
	return sizeof(SlaIcuFormatters);
}

/* Make f an empty cache: no locale, nothing open. */
void
sla_icu_formatters_init(SlaIcuFormatters *f)
{
	memset(f, 0, sizeof(*f));
}

/*
 * Close every ICU object open in f and leave it empty; safe to call on an
 * empty cache, and more than once.
 */
void
sla_icu_formatters_close(SlaIcuFormatters *f)
{
	int			i;

	for (i = 0; i < NUMBER_KINDS; i++)
		if (f->number[i] != NULL)
			unumf_close(f->number[i]);
	if (f->result != NULL)
		unumf_closeResult(f->result);
	if (f->plural != NULL)
		uplrules_close(f->plural);
	if (f->list != NULL)
		ulistfmt_close(f->list);
	if (f->relative != NULL)
		ureldatefmt_close(f->relative);
	sla_icu_formatters_init(f);
}

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
 * Make f serve locale: nothing to do when it already does; else check
 * locale (f is left as it was when the check fails), close what f holds
 * and remember locale, whose objects are then opened as calls need them.
 */
static SlaIcuStatus
use_locale(SlaIcuFormatters *f, const char *locale, SlaIcuError *err)
{
	SlaIcuStatus st;

	if (f->locale[0] != '\0' && strcmp(f->locale, locale) == 0)
		return SLA_ICU_OK;
	if ((st = sla_icu_check_locale(locale, err)) != SLA_ICU_OK)
		return st;
	sla_icu_formatters_close(f);
	/* the check refuses names that do not fit in ULOC_FULLNAME_CAPACITY */
	strcpy(f->locale, locale);
	return SLA_ICU_OK;
}

/*
 * value formatted by f's number formatter of kind, into part: "4 Stunden"
 * for NUMBER_HOURS, "1.000" for NUMBER_PLAIN.  The formatter and the
 * result object are opened on first use and kept in f.
 */
static SlaIcuStatus
format_number(SlaIcuFormatters *f, NumberKind kind, double value,
			  Part *part, SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	const char *call = "unumf_openForSkeletonAndLocale";

	if (f->number[kind] == NULL)
	{
		const char *skeleton = number_skeleton[kind];
		UChar		uskeleton[80];
		UNumberFormatter *fmt;

		/* skeletons are invariant characters, and shorter than the buffer */
		u_charsToUChars(skeleton, uskeleton, (int32_t) strlen(skeleton) + 1);
		fmt = unumf_openForSkeletonAndLocale(uskeleton, -1, f->locale, &status);
		/* a formatter returned with a failure is closed, not kept */
		if (U_FAILURE(status) && fmt != NULL)
			unumf_close(fmt);
		else
			f->number[kind] = fmt;
	}
	if (U_SUCCESS(status) && f->result == NULL)
	{
		UFormattedNumber *result;

		call = "unumf_openResult";
		result = unumf_openResult(&status);
		if (U_FAILURE(status) && result != NULL)
			unumf_closeResult(result);
		else
			f->result = result;
	}
	if (U_SUCCESS(status))
	{
		call = "unumf_formatDouble";
		unumf_formatDouble(f->number[kind], value, f->result, &status);
	}
	if (U_SUCCESS(status))
	{
		call = "unumf_resultToString";
		part->len = unumf_resultToString(f->result, part->text, PART_CAP, &status);
	}
	return icu_result(err, call, status);
}

/* The CLDR plural category ("one", "other", ...) of n in f's locale. */
static SlaIcuStatus
plural_category(SlaIcuFormatters *f, double n, char *category, size_t size,
				SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar		keyword[16];
	int32_t		len = 0;
	const char *call = "uplrules_open";

	if (f->plural == NULL)
	{
		UPluralRules *rules = uplrules_open(f->locale, &status);

		if (U_FAILURE(status) && rules != NULL)
			uplrules_close(rules);
		else
			f->plural = rules;
	}
	if (U_SUCCESS(status))
	{
		call = "uplrules_select";
		len = uplrules_select(f->plural, n, keyword, 16, &status);
	}
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
 * language.  SLA_ICU_NO_WORDS when the language has none.  (The answer
 * is kept in the cache by cached_words_tag.)
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

/*
 * The business-day words tag of f's locale, looked up on first use and
 * kept in f (also when there are none); ICU failures are not kept.
 */
static SlaIcuStatus
cached_words_tag(SlaIcuFormatters *f, SlaIcuError *err)
{
	SlaIcuStatus st;

	if (f->words == WORDS_UNKNOWN)
	{
		st = words_tag(f->locale, f->tag, sizeof(f->tag), err);
		if (st == SLA_ICU_OK)
			f->words = WORDS_FOUND;
		else if (st == SLA_ICU_NO_WORDS)
			f->words = WORDS_NONE;
		else
			return st;
	}
	return f->words == WORDS_FOUND ? SLA_ICU_OK : SLA_ICU_NO_WORDS;
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
 * shipped pattern of tag for its plural category in f's locale.
 */
static SlaIcuStatus
format_days(SlaIcuFormatters *f, const char *tag, int32_t days, Part *part,
			SlaIcuError *err)
{
	Part		number;
	char		category[8];
	const char *pattern;
	const char *hole;
	SlaIcuStatus st;

	if ((st = format_number(f, NUMBER_PLAIN, (double) days, &number, err)) != SLA_ICU_OK ||
		(st = plural_category(f, (double) days, category, sizeof(category),
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

/*
 * parts joined by f's list formatter for units (opened on first use), as
 * UTF-8 into out.
 */
static SlaIcuStatus
join_parts(SlaIcuFormatters *f, const Part *parts, int32_t nparts, char *out,
		   size_t outsize, SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	const char *call = "ulistfmt_openForType";
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
	if (f->list == NULL)
	{
		UListFormatter *fmt = ulistfmt_openForType(f->locale, ULISTFMT_TYPE_UNITS,
												   ULISTFMT_WIDTH_WIDE, &status);

		if (U_FAILURE(status) && fmt != NULL)
			ulistfmt_close(fmt);
		else
			f->list = fmt;
	}
	if (U_SUCCESS(status))
	{
		call = "ulistfmt_format";
		len = ulistfmt_format(f->list, items, lens, nparts, joined, LIST_CAP, &status);
	}
	if (icu_result(err, call, status) != SLA_ICU_OK)
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
 * locale's language.  Uses and fills the cache f.
 */
SlaIcuStatus
sla_icu_format_business(SlaIcuFormatters *f, const char *locale, int32_t days,
						int64_t time_us, char *out, size_t outsize,
						SlaIcuError *err)
{
	Part		parts[4];
	int32_t		nparts = 0;
	int64_t		hours = time_us / USECS_PER_HOUR;
	int64_t		minutes = (time_us % USECS_PER_HOUR) / USECS_PER_MIN;
	int64_t		usecs = time_us % USECS_PER_MIN;
	SlaIcuStatus st;

	if ((st = use_locale(f, locale, err)) != SLA_ICU_OK)
		return st;
	if (days != 0)
	{
		if ((st = cached_words_tag(f, err)) != SLA_ICU_OK ||
			(st = format_days(f, f->tag, days, &parts[nparts++], err)) != SLA_ICU_OK)
			return st;
	}
	if (hours != 0 &&
		(st = format_number(f, NUMBER_HOURS, (double) hours, &parts[nparts++],
							err)) != SLA_ICU_OK)
		return st;
	if ((minutes != 0 || (nparts == 0 && usecs == 0)) &&
		(st = format_number(f, NUMBER_MINUTES, (double) minutes, &parts[nparts++],
							err)) != SLA_ICU_OK)
		return st;
	if (usecs != 0 &&
		(st = format_number(f, NUMBER_SECONDS, (double) usecs / USECS_PER_SEC,
							&parts[nparts++], err)) != SLA_ICU_OK)
		return st;
	return join_parts(f, parts, nparts, out, outsize, err);
}

/*
 * The text in locale of an instant diff_us microseconds away ("in 3
 * hours", "vor 2 Tagen"), as UTF-8 into out.  The unit is seconds below a
 * minute, minutes below an hour, hours below a day, else days; the amount
 * is the whole number of units, truncated toward zero; below a second it
 * is ICU's word for now.  Uses and fills the cache f.
 */
SlaIcuStatus
sla_icu_format_relative(SlaIcuFormatters *f, const char *locale,
						int64_t diff_us, char *out, size_t outsize,
						SlaIcuError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	const char *call = "ureldatefmt_open";
	URelativeDateTimeUnit unit;
	int64_t		unit_us;
	int64_t		amount;
	UChar		text[PART_CAP];
	int32_t		len = 0;
	SlaIcuStatus st;

	if ((st = use_locale(f, locale, err)) != SLA_ICU_OK)
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
	if (f->relative == NULL)
	{
		URelativeDateTimeFormatter *fmt;

		fmt = ureldatefmt_open(f->locale, NULL, UDAT_STYLE_LONG,
							   UDISPCTX_CAPITALIZATION_NONE, &status);
		if (U_FAILURE(status) && fmt != NULL)
			ureldatefmt_close(fmt);
		else
			f->relative = fmt;
	}
	if (U_SUCCESS(status))
	{
		call = "ureldatefmt_format";
		/* the non-numeric form of zero seconds is the word for now */
		if (amount == 0)
			len = ureldatefmt_format(f->relative, 0.0, UDAT_REL_UNIT_SECOND, text,
									 PART_CAP, &status);
		else
			len = ureldatefmt_formatNumeric(f->relative, (double) amount, unit,
											text, PART_CAP, &status);
	}
	if (icu_result(err, call, status) != SLA_ICU_OK)
		return SLA_ICU_FAILED;
	u_strToUTF8(out, (int32_t) outsize, NULL, text, len, &status);
	return icu_result(err, "u_strToUTF8", status);
}
