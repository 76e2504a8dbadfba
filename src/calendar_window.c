/*-------------------------------------------------------------------------
 *
 * calendar_window.c
 *	  Derive a compiled window's lookup arrays from its open intervals and
 *	  open days.
 *
 * Split from the compiler so that it needs neither the time zone nor the
 * memory manager: the engine's fuzz harness builds its random windows with
 * this same code.
 *
 * IDENTIFICATION
 *	  src/calendar_window.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "calendar_window.h"

/* x kept inside [lo, hi] (lo <= hi). */
static TimestampTz
clamp(TimestampTz x, TimestampTz lo, TimestampTz hi)
{
	return x < lo ? lo : (x > hi ? hi : x);
}

/*
 * Fill w's derived arrays: the open time before each interval, the last
 * interval of each touching run, how many intervals start before each UTC
 * midnight of the index, and each open day's cuts, its dates' midnights
 * kept inside the gaps around the day.
 */
void
sla_window_derive(const SlaWindowParts *w)
{
	int			i,
				k;

	for (i = 0; i < w->niv; i++)
		w->cum[i] = (i == 0) ? 0 : w->cum[i - 1] + (w->end[i - 1] - w->start[i - 1]);
	for (i = w->niv - 1; i >= 0; i--)
		w->run_last[i] = (i + 1 < w->niv && w->start[i + 1] == w->end[i]) ?
			w->run_last[i + 1] : i;

	for (i = 0, k = 0; k < w->nindex; k++)
	{
		TimestampTz midnight = (TimestampTz) (w->index_first + k) * USECS_PER_DAY;

		while (i < w->niv && w->start[i] < midnight)
			i++;
		w->day_index[k] = i;
	}

	for (k = 0; k < w->nday; k++)
	{
		int			next_first = k + 1 < w->nday ? w->day_first[k + 1] : w->niv;
		TimestampTz start = w->start[w->day_first[k]];
		TimestampTz end = w->end[next_first - 1];
		TimestampTz prev_end = k > 0 ? w->end[w->day_first[k] - 1] : DT_NOBEGIN;
		TimestampTz next_start = k + 1 < w->nday ? w->start[next_first] : DT_NOEND;

		w->back_cut[k] = clamp(w->date_start[k], prev_end, start);
		w->fwd_cut[k] = clamp(w->date_end[k], end, next_start);
	}
}
