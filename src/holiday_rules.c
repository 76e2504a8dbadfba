/*-------------------------------------------------------------------------
 *
 * holiday_rules.c
 *	  Evaluate a region's holiday rules for one year: dates of each rule,
 *	  the JP citizens' holiday, weekend holidays observed on other days,
 *	  and the user's overrides, in that order.
 *
 * A year's days depend on its neighbours (a Saturday 1 January observed
 * on Friday 31 December, a Christmas weekend moving Boxing Day), so each
 * year is worked out from the rules of the year before, itself and the
 * year after, and only its own days are kept.  All loops are bounded by
 * the set's size or by a year.
 *
 * IDENTIFICATION
 *	  src/holiday_rules.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "calendar_dates.h"
#include "calendar_def.h"
#include "holiday_rules.h"

/* A weekend holiday is moved at most this many days (bounds the search). */
#define MAX_SHIFT_DAYS	366

/* Days before the first of each month, in common and leap years. */
static const int month_start[2][13] = {
	{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
	{0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}
};

/* Is y a leap year of the (proleptic) Gregorian calendar? */
static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y. */
static int
days_in_month(int y, int m)
{
	return month_start[is_leap(y)][m] - month_start[is_leap(y)][m - 1];
}

/* Days since 2000-01-01 of y-m-d (a valid date). */
int32_t
sla_date_from_ymd(int year, int month, int day)
{
	return sla_year_first_day(year) + month_start[is_leap(year)][month - 1] + day - 1;
}

/*
 * Easter Sunday of year, as a Gregorian date: the Western one by the
 * Gregorian computus (the "anonymous" algorithm, Meeus), the Orthodox one
 * by the Julian computus, moved from the Julian to the Gregorian calendar
 * (the difference is fixed from 1 March of a century year on, and Easter
 * is always later in the year).
 */
int32_t
sla_easter_day(int year, bool orthodox)
{
	int			month,
				day;

	if (orthodox)
	{
		int			a = year % 4,
					b = year % 7,
					c = year % 19;
		int			d = (19 * c + 15) % 30;
		int			e = (2 * a + 4 * b - d + 34) % 7;

		month = (d + e + 114) / 31;
		day = (d + e + 114) % 31 + 1;
		return sla_date_from_ymd(year, month, day) + (year / 100 - year / 400 - 2);
	}
	else
	{
		int			a = year % 19,
					b = year / 100,
					c = year % 100;
		int			d = b / 4,
					e = b % 4;
		int			f = (b + 8) / 25;
		int			g = (b - f + 1) / 3;
		int			h = (19 * a + b - d - g + 15) % 30;
		int			i = c / 4,
					k = c % 4;
		int			l = (32 + 2 * e + 2 * i - h - k) % 7;
		int			m = (a + 11 * h + 22 * l) / 451;

		month = (h + l - 7 * m + 114) / 31;
		day = (h + l - 7 * m + 114) % 31 + 1;
		return sla_date_from_ymd(year, month, day);
	}
}

/* Does rule r give a date in year y? */
static bool
in_force(const SlaHolidayRule *r, int y)
{
	return !r->shadowed && y >= r->first_year && y <= r->last_year;
}

/*
 * The date of computed rule r in year y (its offset added); false when the
 * year has none (29 February of a common year, a fifth Monday that does
 * not exist).
 */
static bool
rule_date(const SlaHolidayRule *r, int y, int32_t *out)
{
	int32_t		d;
	int			dim = r->month >= 1 ? days_in_month(y, r->month) : 0;

	switch (r->rule)
	{
		case SLA_RULE_FIXED:
			if (r->day > dim)
				return false;
			d = sla_date_from_ymd(y, r->month, r->day);
			break;
		case SLA_RULE_NTH_WEEKDAY:
			{
				int			w0 = sla_calendar_def_weekday(sla_date_from_ymd(y, r->month, 1));
				int			dd = 1 + (r->weekday - w0 + 7) % 7 + 7 * (r->nth - 1);

				if (dd > dim)
					return false;
				d = sla_date_from_ymd(y, r->month, dd);
			}
			break;
		case SLA_RULE_LAST_WEEKDAY:
			d = sla_date_from_ymd(y, r->month, dim);
			d -= (sla_calendar_def_weekday(d) - r->weekday + 7) % 7;
			break;
		case SLA_RULE_WEEKDAY_ON_OR_AFTER:
			if (r->day > dim)
				return false;
			d = sla_date_from_ymd(y, r->month, r->day);
			d += (r->weekday - sla_calendar_def_weekday(d) + 7) % 7;
			break;
		case SLA_RULE_WEEKDAY_ON_OR_BEFORE:
			if (r->day > dim)
				return false;
			d = sla_date_from_ymd(y, r->month, r->day);
			d -= (sla_calendar_def_weekday(d) - r->weekday + 7) % 7;
			break;
		case SLA_RULE_EASTER:
			d = sla_easter_day(y, false);
			break;
		case SLA_RULE_ORTHODOX_EASTER:
			d = sla_easter_day(y, true);
			break;
		default:
			return false;		/* rules with dates and citizens' rules have
								 * no formula */
	}
	*out = d + r->offset;
	return true;
}

/*
 * Mark the rules that a nearer region replaces: a subdivision's rule of
 * the same name as one of its parent's takes its place, every version of
 * it; keep durations in bounds; a dated rule knows the years of its
 * dates.  Called once by whoever fills the set.
 */
void
sla_holiday_set_prepare(SlaHolidaySet *set)
{
	int			i,
				j;

	for (i = 0; i < set->nrules; i++)
	{
		SlaHolidayRule *r = &set->rules[i];

		if (r->duration < 1)
			r->duration = 1;
		else if (r->duration > SLA_MAX_HOLIDAY_DURATION)
			r->duration = SLA_MAX_HOLIDAY_DURATION;
		if (r->rule == SLA_RULE_DATED)
		{
			r->known_first = r->first_year;
			r->known_last = r->last_year;
		}
		set->rules[i].shadowed = false;
		for (j = 0; j < set->nrules; j++)
			if (set->rules[j].depth < set->rules[i].depth &&
				strcmp(set->rules[j].name, set->rules[i].name) == 0)
			{
				set->rules[i].shadowed = true;
				break;
			}
	}
}

/*
 * Room sla_holidays_of_year() needs for one year of this set: every day
 * of three years (a rule's date times its duration), as many citizens' holidays and again as many observed
 * days, plus the overrides.  -1 when that passes what one allocation may
 * hold (the caller reports it).
 */
int
sla_holiday_year_capacity(const SlaHolidaySet *set)
{
	int64_t		base = 0;
	int64_t		total;
	int			i;

	for (i = 0; i < set->nrules; i++)
	{
		const SlaHolidayRule *r = &set->rules[i];

		if (SLA_RULE_HAS_DATES(r->rule))
			base += (int64_t) r->ndates * r->duration;
		else if (r->rule != SLA_RULE_CITIZENS_HOLIDAY)
			base += 3 * r->duration;
	}
	total = 4 * base + set->noverrides + 1;
	return total > 10000000 ? -1 : (int) total;
}

/* Order days by date, then moved days last, then kind and name. */
static int
compare_holidays(const void *a, const void *b)
{
	const SlaHoliday *x = a;
	const SlaHoliday *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->observed != y->observed)
		return x->observed ? 1 : -1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Is day d a holiday (not a half or working day) among h[0 .. n)? */
static bool
holiday_on(const SlaHoliday *h, int n, int32_t d)
{
	int			i;

	for (i = 0; i < n; i++)
		if (h[i].day == d && h[i].kind == SLA_DAY_HOLIDAY)
			return true;
	return false;
}

/* Append a day; false when out of room. */
static bool
append(SlaHoliday *out, int capacity, int *n, int32_t day, const char *name,
	   bool observed, SlaDayKind kind, int64_t closes_at, int rule)
{
	if (*n >= capacity)
		return false;
	out[*n].day = day;
	out[*n].name = name;
	out[*n].observed = observed;
	out[*n].kind = kind;
	out[*n].closes_at = closes_at;
	out[*n].rule = rule;
	(*n)++;
	return true;
}

/* Append the duration days of rule i from its date d on; false when full. */
static bool
append_rule_days(const SlaHolidayRule *r, int i, int32_t d, int32_t lo, int32_t hi,
				 SlaHoliday *out, int capacity, int *n)
{
	int			k;

	for (k = 0; k < r->duration; k++)
		if (d + k >= lo && d + k < hi &&
			!append(out, capacity, n, d + k, r->name, false, r->kind, r->closes_at, i))
			return false;
	return true;
}

/*
 * The dates of every rule in years y - 1 to y + 1 (not citizens' days).
 * A rule's years are those of its date before offset and duration (an
 * Eid that starts on 30 December belongs to that year's rule).
 */
static bool
add_rule_dates(const SlaHolidaySet *set, int y, SlaHoliday *out, int capacity,
			   int *n)
{
	int32_t		lo = sla_year_first_day(y - 1);
	int32_t		hi = sla_year_first_day(y + 2);
	int			i,
				k,
				yy;

	for (i = 0; i < set->nrules; i++)
	{
		const SlaHolidayRule *r = &set->rules[i];
		int32_t		d;

		if (r->shadowed)
			continue;
		if (SLA_RULE_HAS_DATES(r->rule))
		{
			int32_t		r_lo = sla_year_first_day(r->first_year);
			int32_t		r_hi = sla_year_first_day(r->last_year + 1);
			/* dates that can reach the window, with offset and duration */
			int32_t		reach_lo = lo - r->offset - r->duration;
			int32_t		reach_hi = hi - r->offset;

			for (k = 0; k < r->ndates; k++)
			{
				d = r->dates[k];
				if (d >= reach_lo && d < reach_hi && d >= r_lo && d < r_hi &&
					!append_rule_days(r, i, d + r->offset, lo, hi, out, capacity, n))
					return false;
			}
			continue;
		}
		if (r->rule == SLA_RULE_CITIZENS_HOLIDAY)
			continue;
		for (yy = y - 1; yy <= y + 1; yy++)
			if (in_force(r, yy) && rule_date(r, yy, &d) &&
				!append_rule_days(r, i, d, lo, hi, out, capacity, n))
				return false;
	}
	return true;
}

/*
 * The citizens' holidays: a day, not a Sunday, whose day before and day
 * after are holidays and that is none itself (JP, National Holidays Act
 * art. 3(3)).  out[0 .. *n) is sorted.
 */
static bool
add_citizens_holidays(const SlaHolidaySet *set, SlaHoliday *out, int capacity,
					  int *n)
{
	int			nbase = *n;
	int			i,
				j;

	for (i = 0; i < set->nrules; i++)
	{
		const SlaHolidayRule *r = &set->rules[i];
		int32_t		prev = 0;
		bool		have_prev = false;

		if (r->shadowed || r->rule != SLA_RULE_CITIZENS_HOLIDAY)
			continue;
		for (j = 0; j < nbase; j++)
		{
			int32_t		d = out[j].day;
			int32_t		m = d - 1;

			if (out[j].kind != SLA_DAY_HOLIDAY || (have_prev && prev == d))
				continue;
			if (have_prev && prev == d - 2 &&
				in_force(r, sla_day_year(m)) && sla_calendar_def_weekday(m) != 0 &&
				!holiday_on(out, *n, m) &&
				!append(out, capacity, n, m, r->name, false, SLA_DAY_HOLIDAY, 0, i))
				return false;
			prev = d;
			have_prev = true;
		}
	}
	return true;
}

/*
 * The days that holidays on a Saturday or Sunday are observed on, by the
 * rules' on_saturday and on_sunday.  out[0 .. *n) is sorted, so earlier
 * holidays take the free days first (a Christmas Day on Saturday takes
 * Monday, Boxing Day on Sunday then Tuesday).
 */
static bool
add_observed_days(const SlaHolidaySet *set, SlaHoliday *out, int capacity,
				  int *n)
{
	int			nbase = *n;
	int			i;

	for (i = 0; i < nbase; i++)
	{
		const SlaHoliday h = out[i];
		const SlaHolidayRule *r;
		int			wd = sla_calendar_def_weekday(h.day);
		SlaShift	shift;
		int32_t		t;
		int			steps;

		if (h.kind != SLA_DAY_HOLIDAY || h.rule < 0)
			continue;
		r = &set->rules[h.rule];
		shift = wd == 6 ? r->on_saturday : wd == 0 ? r->on_sunday : SLA_SHIFT_NONE;
		switch (shift)
		{
			case SLA_SHIFT_NONE:
				continue;
			case SLA_SHIFT_FRIDAY:
				t = h.day - (wd == 6 ? 1 : 2);
				break;
			case SLA_SHIFT_MONDAY:
				t = h.day + (wd == 6 ? 2 : 1);
				break;
			default:
				t = h.day + 1;
				for (steps = 0; steps < MAX_SHIFT_DAYS; steps++, t++)
				{
					int			twd = sla_calendar_def_weekday(t);

					if (shift == SLA_SHIFT_NEXT_FREE_WEEKDAY && (twd == 0 || twd == 6))
						continue;
					if (!holiday_on(out, *n, t))
						break;
				}
				if (steps == MAX_SHIFT_DAYS)
					continue;	/* a year of holidays: nowhere to go */
				break;
		}
		if (!append(out, capacity, n, t, h.name, true, SLA_DAY_HOLIDAY, 0, h.rule))
			return false;
	}
	return true;
}

/*
 * Apply the overrides dated in year y: each removes every day of its date
 * and, unless it is a removal, puts its own in their place.  Parents'
 * overrides come first, so a region's own has the last word.
 */
static bool
apply_overrides(const SlaHolidaySet *set, int y, SlaHoliday *out, int capacity,
				int *n)
{
	int32_t		lo = sla_year_first_day(y);
	int32_t		hi = sla_year_first_day(y + 1);
	int			a = 0,
				b = set->noverrides;
	int			i,
				j,
				kept;

	/* the first override dated lo or later */
	while (a < b)
	{
		int			mid = a + (b - a) / 2;

		if (set->overrides[mid].day < lo)
			a = mid + 1;
		else
			b = mid;
	}
	for (i = a; i < set->noverrides && set->overrides[i].day < hi; i++)
	{
		const SlaHolidayOverride *o = &set->overrides[i];

		kept = 0;
		for (j = 0; j < *n; j++)
			if (out[j].day != o->day)
				out[kept++] = out[j];
		*n = kept;
		if (!o->remove &&
			!append(out, capacity, n, o->day, o->name, false, o->kind, o->closes_at, -1))
			return false;
	}
	return true;
}

/*
 * The days of a region in year y (1 to 9999), sorted, into out (room for
 * capacity days: sla_holiday_year_capacity()).  SLA_ERR_SPAN_RANGES when
 * they do not fit.
 */
SlaStatus
sla_holidays_of_year(const SlaHolidaySet *set, int year, SlaHoliday *out,
					 int capacity, int *nout)
{
	int32_t		lo = sla_year_first_day(year);
	int32_t		hi = sla_year_first_day(year + 1);
	int			n = 0;
	int			i,
				kept;

	*nout = 0;
	if (!add_rule_dates(set, year, out, capacity, &n))
		return SLA_ERR_SPAN_RANGES;
	qsort(out, n, sizeof(SlaHoliday), compare_holidays);
	if (!add_citizens_holidays(set, out, capacity, &n))
		return SLA_ERR_SPAN_RANGES;
	qsort(out, n, sizeof(SlaHoliday), compare_holidays);
	if (!add_observed_days(set, out, capacity, &n))
		return SLA_ERR_SPAN_RANGES;
	if (!apply_overrides(set, year, out, capacity, &n))
		return SLA_ERR_SPAN_RANGES;

	kept = 0;
	for (i = 0; i < n; i++)
		if (out[i].day >= lo && out[i].day < hi)
			out[kept++] = out[i];
	qsort(out, kept, sizeof(SlaHoliday), compare_holidays);
	*nout = kept;
	return SLA_OK;
}

/*
 * A rule (from index start on) whose days in year are not known, when no
 * other rule of the same name gives them: a dated rule whose published
 * dates end before year, or a rule in force in year whose dates were
 * computed only for other years (lunar and solar-term rules, for the years
 * ICU and the solar-term code answer for).  Of a name's dated lists only
 * the latest is reported (one list per year, as China's, is one holiday
 * to the reader).  Returns its index, or -1.
 */
int
sla_holidays_unpublished(const SlaHolidaySet *set, int year, int start)
{
	int			i,
				j;

	for (i = start < 0 ? 0 : start; i < set->nrules; i++)
	{
		const SlaHolidayRule *r = &set->rules[i];
		bool		covered = false;

		if (r->shadowed || !SLA_RULE_HAS_DATES(r->rule))
			continue;
		if (r->rule == SLA_RULE_DATED ? r->last_year >= year :
			!in_force(r, year) || (year >= r->known_first && year <= r->known_last))
			continue;
		for (j = 0; j < set->nrules && !covered; j++)
		{
			const SlaHolidayRule *o = &set->rules[j];

			if (j == i || o->shadowed || strcmp(o->name, r->name) != 0)
				continue;
			/* a later list of the same name is the one to report */
			covered = (in_force(o, year) &&
					   (!SLA_RULE_HAS_DATES(o->rule) ||
						(year >= o->known_first && year <= o->known_last))) ||
				(r->rule == SLA_RULE_DATED && o->rule == SLA_RULE_DATED &&
				 o->last_year > r->last_year);
		}
		if (!covered)
			return i;
	}
	return -1;
}
