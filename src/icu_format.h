/*-------------------------------------------------------------------------
 *
 * icu_format.h
 *	  Localized text through ICU, without ICU types: an amount of business
 *	  time ("2 Werktage, 4 Stunden") and a relative time ("vor 2 Tagen").
 *
 * IDENTIFICATION
 *	  src/icu_format.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ICU_FORMAT_H
#define ICU_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "icu_status.h"

/* Bytes of UTF-8 output, with the terminating zero, that always suffice. */
#define SLA_ICU_FORMAT_MAX	2048

extern void sla_icu_locale_from_posix(const char *name, char *out,
									  size_t outsize);
extern SlaIcuStatus sla_icu_format_business(const char *locale, int32_t days,
											int64_t time_us, char *out,
											size_t outsize, SlaIcuError *err);
extern SlaIcuStatus sla_icu_format_relative(const char *locale,
											int64_t diff_us, char *out,
											size_t outsize, SlaIcuError *err);

#endif							/* ICU_FORMAT_H */
