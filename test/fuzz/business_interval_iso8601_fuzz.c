/*-------------------------------------------------------------------------
 *
 * business_interval_iso8601_fuzz.c
 *	  libFuzzer harness for the scan that finds months or years in ISO 8601
 *	  business_interval text: no read past the string, and the answer obeys
 *	  the documented rule where it is clear-cut.
 *
 * IDENTIFICATION
 *	  test/fuzz/business_interval_iso8601_fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "business_interval_text.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Report a broken property and stop, so libFuzzer saves the input. */
static void
fail(const char *what)
{
	fprintf(stderr, "property failed: %s\n", what);
	abort();
}

/*
 * Scan the date part (before the first T) of an exact-size NUL-terminated
 * copy of the input and check the answer against what the date part holds:
 * a Y or M designator means months; with neither, no nonzero digit or no
 * dash after a digit (no alternative-format fields) means none.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size + 1);
	bool		designator = false;
	bool		nonzero = false;
	bool		field_dash = false;
	bool		got;
	size_t		i;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	got = sla_iso8601_has_month_units(text);
	for (i = 0; text[i] != '\0' && text[i] != 'T'; i++)
	{
		if (text[i] == 'Y' || text[i] == 'M')
			designator = true;
		if (text[i] >= '1' && text[i] <= '9')
			nonzero = true;
		if (text[i] == '-' && i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')
			field_dash = true;
	}
	if (designator && !got)
		fail("a Y or M designator was not seen");
	if (!designator && (!nonzero || !field_dash) && got)
		fail("months found in text without a designator or nonzero field");
	free(text);
	return 0;
}
