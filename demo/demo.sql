-- A tour of sla on a throwaway database: a calendar, deadlines around a
-- weekend, a holiday and a DST change, and elapsed business time.
\set ON_ERROR_STOP on
\pset footer off
CREATE EXTENSION IF NOT EXISTS sla;
SET timezone = 'Europe/Berlin';

\echo '== A calendar: Berlin office hours with a lunch break, Christmas closed, Christmas Eve a half day'
INSERT INTO sla.calendar (name, time_zone, hours, comment)
VALUES ('berlin_office', 'Europe/Berlin', 'mon-fri 09:00-12:30,13:30-17:00', 'Service desk, Berlin');
INSERT INTO sla.calendar_exception (calendar, day, hours, reason) VALUES
	('berlin_office', '2026-12-24', '09:00-12:00', 'Christmas Eve: half day'),
	('berlin_office', '2026-12-25', NULL, 'Christmas Day'),
	('berlin_office', '2026-12-26', NULL, 'Boxing Day');
SELECT name, time_zone, hours FROM sla.calendar;
SELECT day, coalesce(hours, 'closed') AS hours, reason FROM sla.calendar_exception ORDER BY day;

\echo '== Deadlines: opened at, plus a target in business time'
SELECT opened_at, target, sla.business_add(opened_at, target, 'berlin_office') AS due
FROM (VALUES
	(timestamptz '2026-11-27 16:00', sla.business_interval '2 hours'),  -- Friday afternoon: due Monday
	('2026-11-28 11:00', '15 minutes'),                                   -- Saturday: clock starts Monday 09:00
	('2026-11-24 13:00', '3 hours 30 minutes'),                           -- lunch, then exactly the 17:00 close
	('2026-12-23 15:00', '4 hours'),                                      -- half day, then the holidays
	('2026-11-23 12:00', '1 day'),                                        -- business days: Tuesday 12:00
	('2026-11-29 10:00', '1 day')                                         -- opened Sunday: due Monday at closing
) AS t(opened_at, target);

\echo '== Across the DST change (29 March 2026, Berlin springs forward 02:00 -> 03:00)'
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('berlin_247', 'Europe/Berlin', '24/7');
SELECT sla.business_elapsed('2026-03-29 00:00', '2026-03-30 00:00', 'berlin_247') AS open_on_dst_day,
	   sla.business_add('2026-03-28 12:00', '1 day', 'berlin_247') AS one_business_day_later,
	   sla.business_add('2026-03-29 01:00', '2 hours', 'berlin_247') AS two_hours_later;

\echo '== Elapsed business time of a few tickets'
SELECT opened_at, resolved_at, sla.business_elapsed(opened_at, resolved_at, 'berlin_office') AS business_time
FROM (VALUES
	(timestamptz '2026-11-27 16:00', timestamptz '2026-11-30 10:00'),
	('2026-12-23 10:00', '2026-12-28 10:00'),
	('2026-11-20 08:00', '2026-11-20 20:00')
) AS t(opened_at, resolved_at);

\echo '== Is the desk open? When does it open and close next?'
SELECT ts, sla.is_open(ts, 'berlin_office') AS open,
	   sla.next_open(ts, 'berlin_office') AS next_open,
	   sla.next_close(ts, 'berlin_office') AS next_close
FROM (VALUES (timestamptz '2026-11-25 12:45'), ('2026-11-25 17:00'), ('2026-12-24 11:00')) AS t(ts);

\echo '== Open periods of Christmas week'
SELECT lower(p) AS opens, upper(p) AS closes
FROM unnest(sla.open_periods('berlin_office', '[2026-12-23, 2026-12-29)')) AS p;
