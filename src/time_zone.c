/*-------------------------------------------------------------------------
 *
 * time_zone.c
 *	  Check that a calendar's time zone is a zone name PostgreSQL knows.
 *
 * A calendar must keep its zone's DST rules, so only names listed in
 * pg_timezone_names are accepted.  pg_tzset() alone would also accept POSIX
 * specifications such as "UTC+3" or "<+03>-3", which are fixed offsets or
 * home-made rules; those, abbreviations and numeric offsets are rejected.
 *
 * IDENTIFICATION
 *	  src/time_zone.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "miscadmin.h"
#include "pgtime.h"

#include "status_report.h"
#include "time_zone.h"

/* Is name listed among the zones in PostgreSQL's tz database? */
static bool
listed_zone(const char *name)
{
	pg_tzenum  *dir = pg_tzenumerate_start();
	pg_tz	   *tz;
	bool		found = false;

	while ((tz = pg_tzenumerate_next(dir)) != NULL)
	{
		CHECK_FOR_INTERRUPTS();
		if (pg_strcasecmp(pg_get_timezone_name(tz), name) == 0)
		{
			found = true;
			break;
		}
	}
	pg_tzenumerate_end(dir);
	return found;
}

/*
 * Raise 22023 unless name is a time zone name of pg_timezone_names
 * (case-insensitive, as PostgreSQL matches zone names).
 */
void
sla_check_time_zone_name(const char *name)
{
	bool		plain = true;
	const char *p;

	/* a POSIX spec needs a digit, "<" or ":"; names without them are files */
	for (p = name; *p; p++)
		if ((*p >= '0' && *p <= '9') || *p == '<' || *p == ',' || *p == ':')
			plain = false;

	if (name[0] == '\0' || strlen(name) > TZ_STRLEN_MAX ||
		pg_tzset(name) == NULL || (!plain && !listed_zone(name)))
		sla_report_status(SLA_ERR_TIME_ZONE, NULL, name, 0);
}
