/*-------------------------------------------------------------------------
 *
 * hours_parse.h
 *	  Parse a calendar's opening hours: the weekly grammar
 *	  ("mon-fri 09:00-17:00; sat 10:00-14:00", "weekdays 09:00-17:00",
 *	  "24/7", "closed") and the time ranges of a dated exception
 *	  ("09:00-12:00,13:00-17:00").
 *
 * "weekdays" names the days that are not the weekend of the calendar's
 * locale; the caller asks ICU for them and passes them in as a bit mask
 * (bit d for weekday d, 0 = Sunday), so the parser needs no ICU.
 *
 * The parser is plain C with no backend dependencies, so it can be fuzzed
 * outside the server.  It reports errors through SlaHoursError; the caller
 * turns them into ereport()s.
 *
 * IDENTIFICATION
 *	  src/hours_parse.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef HOURS_PARSE_H
#define HOURS_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#define SLA_USECS_PER_MINUTE	INT64_C(60000000)
#define SLA_USECS_PER_HOUR		INT64_C(3600000000)
#define SLA_USECS_PER_DAY		INT64_C(86400000000)

/* More ranges than this in one day is surely a mistake; it bounds all loops. */
#define SLA_MAX_RANGES_PER_DAY	48

/*
 * One open range of a day, in microseconds after that day's local midnight.
 * 0 <= start < 24h and start < end <= start + 24h: an end past 24h runs into
 * the next day but still belongs to the day it starts on.
 */
typedef struct SlaTimeRange
{
	int64_t		start;
	int64_t		end;
} SlaTimeRange;

/* The open ranges of one day, sorted by start, never overlapping. */
typedef struct SlaDayHours
{
	int			nranges;
	SlaTimeRange ranges[SLA_MAX_RANGES_PER_DAY];
} SlaDayHours;

/* Weekly hours, indexed by weekday with 0 = Sunday (as j2day() counts). */
typedef struct SlaWeeklyHours
{
	SlaDayHours day[7];
} SlaWeeklyHours;

typedef enum SlaHoursErrorKind
{
	SLA_HOURS_OK = 0,
	SLA_HOURS_SYNTAX,			/* malformed text: 22P02 */
	SLA_HOURS_OVERLAP,			/* ranges overlap: 22023 */
	SLA_HOURS_LIMIT				/* too many ranges: 54000 */
} SlaHoursErrorKind;

typedef struct SlaHoursError
{
	SlaHoursErrorKind kind;
	char		detail[256];	/* a complete sentence for errdetail */
} SlaHoursError;

/* The bit of weekday d (0 = Sunday) in a weekdays mask. */
#define SLA_WEEKDAY_BIT(d)		((uint8_t) (1u << (d)))
/* Monday to Friday: the weekdays of a Saturday-Sunday weekend (en_US). */
#define SLA_WEEKDAYS_MON_FRI	((uint8_t) 0x3E)

extern bool sla_parse_weekly_hours(const char *text, uint8_t weekdays,
								   SlaWeeklyHours *out, SlaHoursError *err);
extern bool sla_parse_day_hours(const char *text, SlaDayHours *out,
								SlaHoursError *err);
extern bool sla_ranges_overlap_next(const SlaTimeRange *today, int ntoday,
									const SlaTimeRange *tomorrow, int ntomorrow);

#endif							/* HOURS_PARSE_H */
