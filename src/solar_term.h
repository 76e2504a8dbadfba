/*-------------------------------------------------------------------------
 *
 * solar_term.h
 *	  The date of a solar term (the sun reaching a given apparent ecliptic
 *	  longitude) in a Gregorian year, at a given UTC offset: Qingming is the
 *	  term at 15 degrees in China Standard Time (UTC+8).
 *
 * Plain C with no backend or ICU calls (ICU computes solar terms inside
 * its Chinese calendar but does not expose them).
 *
 * IDENTIFICATION
 *	  src/solar_term.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef SOLAR_TERM_H
#define SOLAR_TERM_H

#include <stdint.h>

/*
 * Years for which Qingming (15 degrees, UTC+8) was checked against an
 * independent ephemeris (test/solar_term/run): every date agrees.
 */
#define SLA_QINGMING_MIN_YEAR	1900
#define SLA_QINGMING_MAX_YEAR	2100

/* Qingming: the sun at 15 degrees, dated in China Standard Time. */
#define SLA_QINGMING_LONGITUDE	15
#define SLA_CHINA_UTC_OFFSET	(8 * 60)

extern double sla_solar_term_instant(int year, int longitude);
extern int32_t sla_solar_term_day(int year, int longitude, int utc_offset_minutes);

#endif							/* SOLAR_TERM_H */
