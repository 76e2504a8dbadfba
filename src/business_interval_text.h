/*-------------------------------------------------------------------------
 *
 * business_interval_text.h
 *	  Checks on business_interval text that PostgreSQL's interval parser
 *	  does not make, as plain C with no backend dependencies.
 *
 * IDENTIFICATION
 *	  src/business_interval_text.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef BUSINESS_INTERVAL_TEXT_H
#define BUSINESS_INTERVAL_TEXT_H

#include <stdbool.h>

extern bool sla_iso8601_has_month_units(const char *str);

#endif							/* BUSINESS_INTERVAL_TEXT_H */
