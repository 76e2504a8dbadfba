/*-------------------------------------------------------------------------
 *
 * business_day_words.c
 *	  Shipped data: how each language writes a number of business days.
 *
 * CLDR (and so ICU) has a unit "day" but no "business day".  Each pattern
 * below is CLDR's duration-day pattern of the language in ICU 72's data
 * (unit-width-full-name: "{0} day"/"{0} days", "{0} Tag"/"{0} Tage", "{0}
 * dag"/"{0} dagen", "{0}天", "{0} jour"/"{0} jours", "{0} 日", "{0} gün"),
 * with the word for a day replaced by the language's usual term for a
 * working day, so that spacing and plural forms stay those of CLDR:
 *
 *	en	"business day": the term of commercial and banking usage (e.g. the
 *		"business day" of US Regulation CC, 12 CFR 229.2).
 *	de	"Werktag": the everyday term; German statutes count Saturday as a
 *		Werktag (BUrlG section 3), Arbeitstag being the narrower word, but
 *		"Werktage" is what service terms write ("innerhalb von 2 Werktagen").
 *	nl	"werkdag": the everyday and contractual term.
 *	zh	"工作日" with the classifier 个 (simplified) or 個 (traditional), as
 *		the State Council's holiday notices write it.
 *	fr	"jour ouvré": a day the business actually works (Code du travail),
 *		as opposed to "jour ouvrable" (every day but the weekly rest day).
 *	ja	"営業日": a business's (bank's) day of operation.
 *	tr	"iş günü": the term of the Labour Law (4857 sayılı İş Kanunu);
 *		Turkish nouns stay singular after a number.
 *
 * Languages are matched on the language subtag, or on language and script
 * where the script changes the words (zh_Hant).  A category the language
 * does not list falls back to "other", as ICU's own plural patterns do.
 *
 * IDENTIFICATION
 *	  src/business_day_words.c
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "business_day_words.h"

typedef struct BusinessDayWord
{
	const char *tag;			/* language, or language_Script */
	const char *category;		/* CLDR plural category */
	const char *pattern;		/* UTF-8, "{0}" for the number */
} BusinessDayWord;

static const BusinessDayWord words[] = {
	{"en", "one", "{0} business day"},
	{"en", "other", "{0} business days"},
	{"de", "one", "{0} Werktag"},
	{"de", "other", "{0} Werktage"},
	{"nl", "one", "{0} werkdag"},
	{"nl", "other", "{0} werkdagen"},
	{"zh", "other", "{0}个工作日"},
	{"zh_Hant", "other", "{0} 個工作日"},
	{"fr", "one", "{0} jour ouvré"},
	{"fr", "other", "{0} jours ouvrés"},
	{"ja", "other", "{0} 営業日"},
	{"tr", "other", "{0} iş günü"},
};

#define NWORDS (sizeof(words) / sizeof(words[0]))

/* Has a language (or language_Script) tag any shipped pattern? */
bool
sla_business_day_language(const char *tag)
{
	size_t		i;

	for (i = 0; i < NWORDS; i++)
		if (strcmp(words[i].tag, tag) == 0)
			return true;
	return false;
}

/*
 * The pattern of tag for plural category, else its "other" pattern; NULL
 * when tag has none.
 */
const char *
sla_business_day_pattern(const char *tag, const char *category)
{
	const char *other = NULL;
	size_t		i;

	for (i = 0; i < NWORDS; i++)
	{
		if (strcmp(words[i].tag, tag) != 0)
			continue;
		if (strcmp(words[i].category, category) == 0)
			return words[i].pattern;
		if (strcmp(words[i].category, "other") == 0)
			other = words[i].pattern;
	}
	return other;
}

/* The languages with patterns ("en, de, ..."), in table order, for a hint. */
const char *
sla_business_day_languages(void)
{
	static char list[NWORDS * 8];
	size_t		i;

	if (list[0] != '\0')
		return list;
	for (i = 0; i < NWORDS; i++)
	{
		/* one entry per language: its first row, without script variants */
		if (strchr(words[i].tag, '_') != NULL ||
			(i > 0 && strcmp(words[i - 1].tag, words[i].tag) == 0))
			continue;
		if (list[0] != '\0')
			strcat(list, ", ");
		strcat(list, words[i].tag);
	}
	return list;
}
