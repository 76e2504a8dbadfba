/*-------------------------------------------------------------------------
 *
 * business_interval_text.c
 *	  Find months or years in ISO 8601 business_interval text.
 *
 * PostgreSQL's ISO 8601 interval parser folds a fractional month into days
 * ('P0.5M' is 15 days), so its result cannot tell whether the text named a
 * month; this scan of the text can.  Plain C with no backend calls, so
 * test/fuzz runs it standalone.
 *
 * IDENTIFICATION
 *	  src/business_interval_text.c
 *
 *-------------------------------------------------------------------------
 */
#include "business_interval_text.h"

#include <stddef.h>

/* Does the text from p up to stop (or its end) hold a digit other than 0? */
static bool
has_nonzero_digit(const char *p, const char *stop)
{
	for (; p < stop && *p != '\0'; p++)
		if (*p >= '1' && *p <= '9')
			return true;
	return false;
}

/*
 * Tell whether an ISO 8601 duration has a year or month: a Y or M
 * designator before the time part, or nonzero year or month fields in the
 * alternative format "PYYYY-MM-DD" (a fractional month there would spill
 * into days).  Reads str up to its terminating NUL and no further.
 */
bool
sla_iso8601_has_month_units(const char *str)
{
	const char *p;
	const char *dash1 = NULL;
	const char *dash2 = NULL;

	for (p = str; *p != '\0' && *p != 'T'; p++)
	{
		if (*p == 'Y' || *p == 'M')
			return true;
		/* a dash after a digit separates alternative-format fields */
		if (*p == '-' && p > str && p[-1] >= '0' && p[-1] <= '9')
		{
			if (dash1 == NULL)
				dash1 = p;
			else if (dash2 == NULL)
				dash2 = p;
		}
	}
	if (dash1 == NULL)
		return false;
	return has_nonzero_digit(str, dash1) ||
		has_nonzero_digit(dash1 + 1, dash2 ? dash2 : p);
}
