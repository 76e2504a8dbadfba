/*-------------------------------------------------------------------------
 *
 * time_zone.h
 *	  Check that a calendar's time zone is a zone name PostgreSQL knows.
 *
 * IDENTIFICATION
 *	  src/time_zone.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef TIME_ZONE_H
#define TIME_ZONE_H

extern void sla_check_time_zone_name(const char *name);

#endif							/* TIME_ZONE_H */
