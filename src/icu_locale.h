/*-------------------------------------------------------------------------
 *
 * icu_locale.h
 *	  Locales through ICU, without ICU types: whether ICU knows a locale's
 *	  language and region, and which days are its weekend.
 *
 * IDENTIFICATION
 *	  src/icu_locale.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ICU_LOCALE_H
#define ICU_LOCALE_H

#include <stdbool.h>

#include "icu_status.h"

/* The locale of a calendar without one, and its weekend's default. */
#define SLA_DEFAULT_LOCALE	"en_US"

extern SlaIcuStatus sla_icu_check_locale(const char *locale, SlaIcuError *err);
extern SlaIcuStatus sla_icu_locale_weekend(const char *locale, bool weekend[7],
										   SlaIcuError *err);

#endif							/* ICU_LOCALE_H */
