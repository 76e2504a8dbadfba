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

/*
 * The ICU objects of the last locale formatted, kept open between calls
 * (opaque: its ICU types stay in icu_format.c).  The caller allocates
 * sla_icu_formatters_size() bytes, runs sla_icu_formatters_init() once,
 * and must run sla_icu_formatters_close() when it drops the cache, also
 * after an error: the objects are allocated by ICU, outside any memory
 * context.
 */
typedef struct SlaIcuFormatters SlaIcuFormatters;

extern size_t sla_icu_formatters_size(void);
extern void sla_icu_formatters_init(SlaIcuFormatters *f);
extern void sla_icu_formatters_close(SlaIcuFormatters *f);

extern void sla_icu_locale_from_posix(const char *name, char *out,
									  size_t outsize);
extern SlaIcuStatus sla_icu_format_business(SlaIcuFormatters *f,
											const char *locale, int32_t days,
											int64_t time_us, char *out,
											size_t outsize, SlaIcuError *err);
extern SlaIcuStatus sla_icu_format_relative(SlaIcuFormatters *f,
											const char *locale,
											int64_t diff_us, char *out,
											size_t outsize, SlaIcuError *err);

#endif							/* ICU_FORMAT_H */
