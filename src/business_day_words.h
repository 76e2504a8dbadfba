/*-------------------------------------------------------------------------
 *
 * business_day_words.h
 *	  The words for a business (working) day per language, which ICU does
 *	  not have: one pattern per plural category, "{0}" standing for the
 *	  number.
 *
 * IDENTIFICATION
 *	  src/business_day_words.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef BUSINESS_DAY_WORDS_H
#define BUSINESS_DAY_WORDS_H

#include <stdbool.h>

extern bool sla_business_day_language(const char *tag);
extern const char *sla_business_day_pattern(const char *tag,
											 const char *category);
extern const char *sla_business_day_languages(void);

#endif							/* BUSINESS_DAY_WORDS_H */
