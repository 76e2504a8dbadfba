/*-------------------------------------------------------------------------
 *
 * policy_text.h
 *	  sla_policy's JSON text to its canonical binary form, and back.
 *
 * Returns what is wrong with a document as a code and the path of the
 * offending value (e.g. "targets.P1.resolutoin"); sla_policy.c raises the
 * errors.  Reads IntervalStyle for the amounts, as business_interval does.
 *
 * IDENTIFICATION
 *	  src/policy_text.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef POLICY_TEXT_H
#define POLICY_TEXT_H

#include "lib/stringinfo.h"

#include "sla_policy.h"

typedef enum SlaPolicyError
{
	SLA_POLICY_OK,
	SLA_POLICY_SYNTAX,			/* not JSON; detail from the JSON parser */
	SLA_POLICY_TOO_DEEP,		/* nesting beyond SLA_JSON_MAX_DEPTH */
	SLA_POLICY_TOO_LONG,		/* longer than SLA_JSON_MAX_BYTES */
	SLA_POLICY_TOO_MANY,		/* more targets or escalations than allowed */
	SLA_POLICY_WRONG_TYPE,		/* expected and found say what */
	SLA_POLICY_UNKNOWN_KEY,
	SLA_POLICY_DUPLICATE_KEY,
	SLA_POLICY_MISSING_KEY,
	SLA_POLICY_UNKNOWN_KIND,
	SLA_POLICY_AMOUNT_SYNTAX,	/* detail: the text */
	SLA_POLICY_AMOUNT_MONTHS,	/* detail: the text */
	SLA_POLICY_AMOUNT_RANGE,	/* detail: the text */
	SLA_POLICY_AMOUNT_NOT_POSITIVE, /* detail: the text */
	SLA_POLICY_WARN_AT_RANGE,
	SLA_POLICY_ESCALATION_RANGE,
	SLA_POLICY_FRACTION_DIGITS,
	SLA_POLICY_NOT_ASCENDING,
	SLA_POLICY_NAME_LENGTH,
	SLA_POLICY_NO_CALENDAR
} SlaPolicyError;

typedef struct SlaPolicyParse
{
	SlaPolicyError error;
	char	   *path;			/* where, e.g. "targets.P1.resolution" */
	char	   *detail;			/* see SlaPolicyError; the allowed keys for
								 * SLA_POLICY_UNKNOWN_KEY */
	const char *expected;		/* SLA_POLICY_WRONG_TYPE: e.g. "a string" */
	const char *found;			/* SLA_POLICY_WRONG_TYPE: e.g. "a number" */
} SlaPolicyParse;

extern SlaPolicy *sla_policy_parse(const char *str, int len, SlaPolicyParse *result);
extern void sla_policy_format(const SlaPolicy *p, StringInfo out);

#endif							/* POLICY_TEXT_H */
