/*
 * dates.c
 *	  Print the date of every solar term of 1900 to 2100 at UTC+8, as
 *	  src/solar_term.c computes it: "year longitude days-since-2000-01-01".
 */
#include <stdio.h>

#include "solar_term.h"

int
main(void)
{
	int			y;
	int			l;

	for (y = 1900; y <= 2100; y++)
		for (l = 0; l < 360; l += 15)
			printf("%d %d %d\n", y, l, (int) sla_solar_term_day(y, l, 8 * 60));
	return 0;
}
