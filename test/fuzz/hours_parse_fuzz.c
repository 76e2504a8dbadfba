/*-------------------------------------------------------------------------
 *
 * hours_parse_fuzz.c
 *	  libFuzzer harness for the hours parser: any text must parse or be
 *	  rejected with an error, never crash, hang or read out of bounds.
 *
 * IDENTIFICATION
 *	  test/fuzz/hours_parse_fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hours_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parse the input both as weekly hours and as exception hours. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size + 1);
	SlaWeeklyHours weekly;
	SlaDayHours day;
	SlaHoursError err;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (!sla_parse_weekly_hours(text, SLA_WEEKDAYS_MON_FRI, &weekly, &err) && err.kind == SLA_HOURS_OK)
		abort();				/* a failure must say why */
	if (!sla_parse_day_hours(text, &day, &err) && err.kind == SLA_HOURS_OK)
		abort();
	free(text);
	return 0;
}
