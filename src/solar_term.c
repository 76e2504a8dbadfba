/*-------------------------------------------------------------------------
 *
 * solar_term.c
 *	  Solar terms from the sun's apparent longitude.
 *
 * The sun's position is the low-precision solar theory of J. Meeus,
 * "Astronomical Algorithms" (2nd ed., 1998), chapter 25: geometric mean
 * longitude and anomaly, the equation of the centre, and the corrections
 * for nutation and aberration, good to about 0.01 degree, that is about a
 * quarter of an hour of the sun's motion.  The term's instant is found by
 * Newton steps (chapter 27's correction 58 sin(target - lambda) days),
 * converted from Terrestrial Time to UT with Espenak and Meeus' polynomial
 * for Delta T, and shifted to the requested UTC offset.
 *
 * A quarter of an hour matters only when a term falls that close to
 * local midnight.  test/solar_term/run compares the dates of all 24 terms
 * of 1900 to 2100 at UTC+8 with an independent ephemeris (PyEphem, whose
 * sun follows VSOP87): Qingming agrees in every one of those years, while
 * about one date in 350 of the other terms is a day off (the test lists
 * them).  That is why the SQL surface offers Qingming only, for the years
 * checked (SLA_QINGMING_MIN_YEAR to SLA_QINGMING_MAX_YEAR).
 *
 * IDENTIFICATION
 *	  src/solar_term.c
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>

#include "calendar_dates.h"
#include "solar_term.h"

#define J2000		2451545.0	/* Julian day of 2000-01-01 12:00 TT */
#define DEG2RAD(x)	((x) * (3.14159265358979323846 / 180.0))

/* Reduce an angle in degrees to [0, 360). */
static double
reduce_degrees(double x)
{
	x = fmod(x, 360.0);
	return x < 0 ? x + 360.0 : x;
}

/* The sun's apparent ecliptic longitude (degrees) at Julian ephemeris day jde. */
static double
apparent_longitude(double jde)
{
	double		t = (jde - J2000) / 36525.0;
	double		l0 = 280.46646 + t * (36000.76983 + t * 0.0003032);
	double		m = DEG2RAD(357.52911 + t * (35999.05029 - t * 0.0001537));
	double		c = (1.914602 - t * (0.004817 + t * 0.000014)) * sin(m) +
		(0.019993 - t * 0.000101) * sin(2 * m) + 0.000289 * sin(3 * m);
	double		omega = DEG2RAD(125.04 - 1934.136 * t);

	return reduce_degrees(l0 + c - 0.00569 - 0.00478 * sin(omega));
}

/* Delta T = TT - UT in seconds (Espenak and Meeus, 2006), 1900 to 2150. */
static double
delta_t(double y)
{
	double		t;

	if (y < 1920)
	{
		t = y - 1900;
		return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - t * 0.000197)));
	}
	if (y < 1941)
	{
		t = y - 1920;
		return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
	}
	if (y < 1961)
	{
		t = y - 1950;
		return 29.07 + t * (0.407 + t * (-1.0 / 233 + t / 2547));
	}
	if (y < 1986)
	{
		t = y - 1975;
		return 45.45 + t * (1.067 + t * (-1.0 / 260 - t / 718));
	}
	if (y < 2005)
	{
		t = y - 2000;
		return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 +
														   t * (0.000651814 + t * 0.00002373599))));
	}
	if (y < 2050)
	{
		t = y - 2000;
		return 62.92 + t * (0.32217 + t * 0.005589);
	}
	t = (y - 1820) / 100;
	return -20 + 32 * t * t - 0.5628 * (2150 - y);
}

/*
 * The instant (Julian day, UT) at which the sun's apparent longitude
 * reaches longitude degrees (0 to 359) in Gregorian year.  Each longitude
 * is reached once a tropical year; none of the terms lies near the turn
 * of the year, so once in each Gregorian year.
 */
double
sla_solar_term_instant(int year, int longitude)
{
	/* Julian day of January 1st, 0h UT: days since 2000-01-01 + 2451544.5 */
	double		jan1 = sla_year_first_day(year) + 2451544.5;
	/* the sun is near 280 degrees on January 1st */
	double		jde = jan1 + reduce_degrees(longitude - 280.0) * (365.2422 / 360.0);
	int			i;

	for (i = 0; i < 50; i++)
	{
		double		diff = reduce_degrees(longitude - apparent_longitude(jde) + 180.0) - 180.0;
		double		step = 58.0 * sin(DEG2RAD(diff));

		jde += step;
		if (fabs(step) < 1e-7)
			break;
	}
	return jde - delta_t(year + 0.5) / 86400.0;
}

/*
 * The local date (days since 2000-01-01) of the term at longitude degrees
 * (0 to 359) in year, at utc_offset_minutes east of UTC.  The caller keeps
 * to what was checked (see the file header).
 */
int32_t
sla_solar_term_day(int year, int longitude, int utc_offset_minutes)
{
	/* days since 2000-01-01 00:00 local time */
	double		local = sla_solar_term_instant(year, longitude) - 2451544.5 +
		utc_offset_minutes / 1440.0;

	return (int32_t) floor(local);
}
