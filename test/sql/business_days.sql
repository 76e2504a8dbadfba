-- business_add with day amounts (docs/semantics.md, "Day amounts": "Adding N days" and "Negative
-- days").
-- Forward: ts has an open day k and open time p already passed in it (before opening 0, after
-- closing the day's length, a closed date counts as 0 of the next open day); the result is the
-- earliest instant at offset min(p, length of day k+N) in open day k+N.  So an offset of 0 is
-- reached at the close of the open day before k+N.  Backward: the open time r left in day k (a
-- closed date is r = 0 of the previous open day); the latest instant with min(r, length) left
-- in day k-N.  Calendars of this file are named bd_*.
--
-- Session zone America/Los_Angeles; instants given and shown as Berlin wall-clock times.
-- January 2024: Mon 8 ... Fri 12, Sat 13, Sun 14, Mon 15, Tue 16, Wed 17, Thu 18, Fri 19.
SET TimeZone = 'America/Los_Angeles';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

CREATE FUNCTION pg_temp.add(local text, amount text, cal text DEFAULT 'bd_office') RETURNS text
LANGUAGE sql AS $$ SELECT sla_test.berlin_text(sla.business_add(sla_test.berlin(local), amount::sla.business_interval, cal)) $$;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('bd_office', 'Europe/Berlin', 'mon-fri 09:00-17:00'),
	('bd_night',  'Europe/Berlin', 'mon-fri 22:00-06:00'),
	('bd_247',    'Europe/Berlin', '24/7');
-- The week of the 15th: Wednesday 17 is a half day to 13:00, Thursday 18 is closed.
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES
	('bd_office', '2024-01-17', '09:00-13:00'),
	('bd_office', '2024-01-18', NULL);

-- ---------------------------------------------------------------------------
-- Forward, a plain week
SELECT pg_temp.add('2024-01-08 12:00', '1 day');	-- p = 3 h: Tue 12:00
SELECT pg_temp.add('2024-01-08 12:00', '4 days');	-- Fri 12:00
SELECT pg_temp.add('2024-01-12 12:00', '1 day');	-- Fri 12:00 + 1 day: Mon 12:00
SELECT pg_temp.add('2024-01-08 12:00', '5 days');	-- Mon 15th 12:00 (the half-day week starts on Monday)
SELECT pg_temp.add('2024-01-08 18:00', '1 day');	-- after closing, p = 8 h: Tue 17:00
SELECT pg_temp.add('2024-01-08 17:00', '1 day');	-- at the closing, p = 8 h: Tue 17:00
-- Sunday is closed: position 0 of Monday; Monday + 1 day at offset 0 = Monday at closing.
SELECT pg_temp.add('2024-01-14 10:00', '1 day');	-- Mon 17:00
SELECT pg_temp.add('2024-01-13 12:00', '2 days');	-- Saturday: Tue 17:00
-- Before opening (p = 0) and at the opening instant (p = 0): the same rule, the close of day k.
SELECT pg_temp.add('2024-01-08 08:00', '1 day');	-- Mon 17:00
SELECT pg_temp.add('2024-01-08 09:00', '1 day');	-- Mon 17:00
SELECT pg_temp.add('2024-01-08 09:00:00.000001', '1 day');	-- p = 1 µs: Tue 09:00:00.000001
SELECT pg_temp.add('2024-01-08 16:59:59.999999', '1 day');	-- Tue 16:59:59.999999

-- Landing on a half day gives its early close; starting on one keeps its position.
SELECT pg_temp.add('2024-01-16 15:00', '1 day');	-- p = 6 h, Wed has 4 h: Wed 13:00
SELECT pg_temp.add('2024-01-16 11:00', '1 day');	-- p = 2 h: Wed 11:00
SELECT pg_temp.add('2024-01-17 12:00', '1 day');	-- p = 3 h; Thu closed: Fri 12:00
SELECT pg_temp.add('2024-01-17 14:00', '1 day');	-- after the early close, p = 4 h: Fri 13:00
SELECT pg_temp.add('2024-01-18 12:00', '1 day');	-- the closed Thursday counts as 0 of Fri: Fri + 1 = Mon 22nd at offset 0 = Fri 17:00
SELECT pg_temp.add('2024-01-15 12:00', '3 days');	-- Tue, Wed (half), Fri: Fri 19th 12:00

-- ---------------------------------------------------------------------------
-- Backward (docs/semantics.md, "Negative days")
SELECT pg_temp.add('2024-01-11 12:00', '-1 day');	-- Thu 12:00 - 1 day, r = 5 h: Wed 12:00
SELECT pg_temp.add('2024-01-11 08:00', '-2 days');	-- Thu 08:00 - 2 days, r = 8 h: Tue 09:00
SELECT pg_temp.add('2024-01-11 18:00', '-2 days');	-- Thu 18:00 - 2 days, r = 0: Wed 09:00
SELECT pg_temp.add('2024-01-14 10:00', '-1 day');	-- Sunday - 1 day, r = 0 of Friday: Fri 09:00
SELECT pg_temp.add('2024-01-15 12:00', '-1 day');	-- Monday - 1 day: Fri 12:00
SELECT pg_temp.add('2024-01-11 17:00', '-1 day');	-- at a closing, r = 0: the latest instant with 0 left in Wed is Thu 09:00
SELECT pg_temp.add('2024-01-11 09:00', '-1 day');	-- at an opening, r = 8 h: Wed 09:00
-- Backward over the half day and the closed day: Fri 19 12:00, r = 5 h; Wed 17 has 4 h: Wed 09:00.
SELECT pg_temp.add('2024-01-19 12:00', '-1 day');
SELECT pg_temp.add('2024-01-19 16:00', '-1 day');	-- r = 1 h: Wed 12:00
SELECT pg_temp.add('2024-01-18 12:00', '-1 day');	-- the closed Thursday is r = 0 of Wed: Tue, 0 left = Wed 09:00

-- ---------------------------------------------------------------------------
-- Mixed amounts: days first, then time
SELECT pg_temp.add('2024-01-08 12:00', '1 day 2 hours');	-- Tue 12:00 + 2 h = Tue 14:00
SELECT pg_temp.add('2024-01-08 16:00', '1 day 2 hours');	-- Tue 16:00 + 2 h = Wed 10:00
SELECT pg_temp.add('2024-01-11 12:00', '-1 day -2 hours');	-- Wed 12:00 - 2 h = Wed 10:00
SELECT pg_temp.add('2024-01-11 12:00', '1 day -2 hours');	-- Fri 12:00 - 2 h = Fri 10:00
SELECT pg_temp.add('2024-01-11 12:00', '-1 day +2 hours');	-- Wed 12:00 + 2 h = Wed 14:00
SELECT pg_temp.add('2024-01-14 10:00', '1 day 1 hour');	-- Sunday: Mon 17:00 + 1 h = Tue 10:00
-- business_interval(days, time) says the same.
SELECT sla_test.berlin_text(sla.business_add(sla_test.berlin('2024-01-08 16:00'), sla.business_interval(1, '2 hours'), 'bd_office'));
-- 2500 days from Mon 2024-01-08 12:00 (offset 3 h).  Without exceptions that is 500 weeks later,
-- Mon 2024-01-08 + 3500 days = Mon 2033-08-08.  The half day Wed 17 still counts as an open day;
-- the closed Thu 18 does not, so it is one weekday later: Tue 2033-08-09 12:00.
SELECT pg_temp.add('2024-01-08 12:00', '2500 days');
SELECT (date '2024-01-08' + 3500) AS mon_500_weeks_later;

-- ---------------------------------------------------------------------------
-- A night shift 'mon-fri 22:00-06:00': a shift is the open day it starts on.
SELECT pg_temp.add('2024-01-08 23:00', '1 day', 'bd_night');	-- p = 1 h: Tue 23:00
SELECT pg_temp.add('2024-01-09 03:00', '1 day', 'bd_night');	-- inside Monday's shift, p = 5 h: Wed 03:00
SELECT pg_temp.add('2024-01-12 23:00', '1 day', 'bd_night');	-- Friday's shift: Mon 23:00
SELECT pg_temp.add('2024-01-13 03:00', '1 day', 'bd_night');	-- Friday's shift, p = 5 h: Monday's shift, Tue 03:00
-- Tue 12:00 is on Tuesday's date before its opening: p = 0 of Tuesday's shift; + 1 day = offset 0
-- of Wednesday's shift, first reached when Tuesday's shift ends, Wed 06:00.
SELECT pg_temp.add('2024-01-09 12:00', '1 day', 'bd_night');
-- Saturday noon: no shift starts on Saturday, so p = 0 of Monday's shift; + 1 day = Tue 06:00.
SELECT pg_temp.add('2024-01-13 12:00', '1 day', 'bd_night');
SELECT pg_temp.add('2024-01-10 03:00', '-1 day', 'bd_night');	-- Tuesday's shift, r = 3 h: Monday's, Tue 03:00
SELECT pg_temp.add('2024-01-10 22:00', '-1 day', 'bd_night');	-- Wednesday's opening, r = 8 h: Tue 22:00

-- ---------------------------------------------------------------------------
-- 24/7: offsets are open time, not wall-clock time.  Spring-forward Sunday 2024-03-31 has 23 h.
-- Sat 12:00, p = 12 h: Sunday at 12 h of open time = 00:00 CET + 12 h = 13:00 CEST.
SELECT pg_temp.add('2024-03-30 12:00', '1 day', 'bd_247');
SELECT sla.business_add(sla_test.berlin('2024-03-30 12:00'), '1 day', 'bd_247') = '2024-03-31 11:00+00' AS at_11_utc;
-- Sat 23:30, p = 23.5 h > 23 h: Sunday's whole length, its end: Mon 2024-04-01 00:00 CEST.
SELECT pg_temp.add('2024-03-30 23:30', '1 day', 'bd_247');
-- Sun 23:00 CEST, p = 22 h: Mon 22:00.
SELECT pg_temp.add('2024-03-31 23:00', '1 day', 'bd_247');
-- Mon 12:00 CEST - 1 day, r = 12 h: Sunday with 12 h left = Mon 00:00 CEST - 12 h = Sun 12:00 CEST.
SELECT pg_temp.add('2024-04-01 12:00', '-1 day', 'bd_247');
-- Fall-back Sunday 2024-10-27 has 25 h.  Sat 12:00, p = 12 h: Sun 00:00 CEST + 12 h = 11:00 CET.
SELECT pg_temp.add('2024-10-26 12:00', '1 day', 'bd_247');
-- Sun 12:00 CET is 13 h into the day: Mon 13:00.
SELECT pg_temp.add('2024-10-27 12:00', '1 day', 'bd_247');
-- Sat 23:00 CEST, p = 23 h: Sunday at 23 h = 22:00 CET (the day still has 2 h left).
SELECT pg_temp.add('2024-10-26 23:00', '1 day', 'bd_247');

-- Zero days and zero time return ts unchanged; NULL gives NULL.
SELECT pg_temp.add('2024-01-13 12:00', '0 days');
SELECT sla.business_add('2024-01-13 12:00+01', NULL, 'bd_office') IS NULL AS is_null;

DELETE FROM sla.calendar WHERE name LIKE 'bd\_%';
