-- business_elapsed(a, b, cal) = open time in [a, b), negative when b < a, days always 0
-- (docs/semantics.md, "`business_elapsed`"), and the identities it shares with business_add
-- (docs/semantics.md, "Identities").  Calendars of this file are named be_*.
--
-- Session zone America/Los_Angeles; instants are written as Berlin wall-clock times through
-- sla_test.berlin().  January 2024: Mon 8 ... Fri 12, Sat 13, Sun 14, Mon 15.
SET TimeZone = 'America/Los_Angeles';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

CREATE FUNCTION pg_temp.el(a text, b text, cal text DEFAULT 'be_office') RETURNS sla.business_interval
LANGUAGE sql AS $$ SELECT sla.business_elapsed(sla_test.berlin(a), sla_test.berlin(b), cal) $$;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('be_office', 'Europe/Berlin', 'mon-fri 09:00-17:00'),
	('be_lunch',  'Europe/Berlin', 'mon-fri 08:00-12:00,13:00-17:00'),
	('be_shift',  'Europe/Berlin', 'mon-fri 22:00-06:00; tue-sat 06:00-08:00'),
	('be_once',   'Europe/Berlin', 'closed');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES
	('be_office', '2024-12-24', '09:00-12:00'),
	('be_office', '2024-12-25', NULL),
	('be_office', '2024-12-26', NULL),
	('be_office', '2024-12-28', '10:00-14:00'),
	('be_once',   '2024-03-05', '09:00-12:00');

-- ---------------------------------------------------------------------------
SELECT pg_temp.el('2024-01-08 09:00', '2024-01-08 17:00');	-- a whole day: 8 h
SELECT pg_temp.el('2024-01-08 08:00', '2024-01-08 18:00');	-- closed time around it does not count: 8 h
SELECT pg_temp.el('2024-01-08 10:00', '2024-01-08 12:30');	-- 2:30
SELECT pg_temp.el('2024-01-12 16:00', '2024-01-15 10:00');	-- over the weekend: 1 h + 1 h
SELECT pg_temp.el('2024-01-13 08:00', '2024-01-14 20:00');	-- the weekend alone: 0
SELECT pg_temp.el('2024-01-08 17:00', '2024-01-09 09:00');	-- from a close to the next opening: 0
SELECT pg_temp.el('2024-01-09 11:00', '2024-01-09 11:00');	-- an empty span: 0
SELECT pg_temp.el('2024-01-08 09:00', '2024-01-15 09:00');	-- a week: 40 h, as time (days stay 0)
SELECT pg_temp.el('2024-01-08 16:59:59.999999', '2024-01-08 17:00');	-- 1 µs
SELECT pg_temp.el('2024-01-08 09:00', '2024-01-08 09:00:00.000001');	-- 1 µs
SELECT pg_temp.el('2024-01-08 08:59:59.999999', '2024-01-08 09:00');	-- 0
-- Negative when b < a.
SELECT pg_temp.el('2024-01-15 10:00', '2024-01-12 16:00');	-- -2 h
SELECT pg_temp.el('2024-01-08 17:00', '2024-01-08 09:00');	-- -8 h
SELECT pg_temp.el('2024-01-08 09:00:00.000001', '2024-01-08 09:00');	-- -1 µs
-- The lunch break does not count: 11:00-12:00 and 13:00-14:00.
SELECT pg_temp.el('2024-01-08 11:00', '2024-01-08 14:00', 'be_lunch');
SELECT pg_temp.el('2024-01-08 12:10', '2024-01-08 12:50', 'be_lunch');	-- 0
-- A night shift touching the next morning's hours: Mon 22:00 to Tue 08:00 without a gap, 10 h.
SELECT pg_temp.el('2024-01-08 20:00', '2024-01-09 12:00', 'be_shift');
-- The week of 2024-12-23: Mon 8 h, Tue half day 3 h, Wed and Thu closed, Fri 8 h, Sat 4 h.
SELECT pg_temp.el('2024-12-23 00:00', '2024-12-30 00:00');	-- 23 h
-- All of 2024 on a calendar without exceptions: 2024 starts on a Monday and has 366 days = 52 weeks
-- + Mon 30 and Tue 31 December: 262 working days x 8 h = 2096 h; minus the exceptions of
-- be_office (Tue 24 -5 h, Wed 25 -8 h, Thu 26 -8 h, Sat 28 +4 h): 2079 h.
SELECT pg_temp.el('2024-01-01 00:00', '2025-01-01 00:00', 'be_lunch') AS lunch_2024,
	   pg_temp.el('2024-01-01 00:00', '2025-01-01 00:00') AS office_2024;
-- 900 years, 2000-01-01 to 2900-01-01 on be_lunch (8 h each weekday), checked by counting the
-- weekdays with generate_series.
SELECT sla.business_elapsed('2000-01-01 00:00+00', '2900-01-01 00:00+00', 'be_lunch') AS engine,
	   (SELECT count(*) * interval '8 hours' FROM generate_series(date '2000-01-01', date '2899-12-31', interval '1 day') AS d
		WHERE extract(isodow FROM d) <= 5) AS weekdays_x_8h;
-- A closed calendar open on one date only.
SELECT pg_temp.el('2020-01-01 00:00', '2030-01-01 00:00', 'be_once');	-- 3 h
SELECT pg_temp.el('2030-01-01 00:00', '2020-01-01 00:00', 'be_once');	-- -3 h

-- ---------------------------------------------------------------------------
-- Identities: business_elapsed(ts, business_add(ts, A)) = A for time amounts of either sign, for
-- starts inside, at an opening, at a closing, at night and at the weekend (compared as interval,
-- so that this file does not depend on the business_interval operators).
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE sla.business_elapsed(t, sla.business_add(t, a::sla.business_interval, c), c)::interval <> a::interval) AS failures
FROM unnest(ARRAY['2024-01-09 10:00', '2024-01-09 09:00', '2024-01-09 17:00', '2024-01-09 03:00',
				  '2024-01-13 12:00', '2024-12-24 11:59:59.999999', '2024-12-27 23:00']) AS s,
	 LATERAL (SELECT sla_test.berlin(s) AS t) AS tt,
	 unnest(ARRAY['1 microsecond', '1 hour', '8 hours', '08:00:00.000001', '40 hours', '1000 hours',
				  '-1 microsecond', '-1 hour', '-8 hours', '-40 hours', '-1000 hours']) AS a,
	 unnest(ARRAY['be_office', 'be_lunch', 'be_shift']) AS c;
-- business_add(business_add(ts, A), B) = business_add(ts, A + B) for amounts of the same sign.
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE sla.business_add(sla.business_add(t, a::sla.business_interval, c), b::sla.business_interval, c)
						  <> sla.business_add(t, a::interval + b::interval, c)) AS failures
FROM unnest(ARRAY['2024-01-09 10:00', '2024-01-09 17:00', '2024-01-13 12:00', '2024-12-23 16:30']) AS s,
	 LATERAL (SELECT sla_test.berlin(s) AS t) AS tt,
	 (VALUES ('1 hour', '7 hours'), ('3 hours', '5 hours'), ('8 hours', '0.000001 seconds'), ('30 minutes', '100 hours'),
			 ('-1 hour', '-7 hours'), ('-3 hours', '-5 hours'), ('-30 minutes', '-100 hours')) AS v(a, b),
	 unnest(ARRAY['be_office', 'be_lunch']) AS c;
-- A positive result lies inside open time or exactly at a close.
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE NOT sla.is_open(r, 'be_lunch') AND sla.is_open(r - interval '1 microsecond', 'be_lunch') IS NOT TRUE) AS misplaced
FROM generate_series(sla_test.berlin('2024-01-12 00:00'), sla_test.berlin('2024-01-16 00:00'), interval '37 minutes') AS t,
	 unnest(ARRAY['1 hour', '4 hours', '90 minutes']::sla.business_interval[]) AS a,
	 LATERAL (SELECT sla.business_add(t, a, 'be_lunch') AS r) AS rr;
-- business_add is monotonic in ts.
SELECT bool_and(r1 <= r2) AS monotonic
FROM (SELECT sla.business_add(t, '3 hours', 'be_lunch') AS r1,
			 sla.business_add(t + interval '13 minutes', '3 hours', 'be_lunch') AS r2
	  FROM generate_series(sla_test.berlin('2024-01-12 00:00'), sla_test.berlin('2024-01-16 00:00'), interval '13 minutes') AS t) AS s;

-- ---------------------------------------------------------------------------
-- Arguments
SELECT sla.business_elapsed(NULL, '2024-01-08 10:00+01', 'be_office') IS NULL AS n1,
	   sla.business_elapsed('2024-01-08 10:00+01', NULL, 'be_office') IS NULL AS n2,
	   sla.business_elapsed('2024-01-08 10:00+01', '2024-01-08 11:00+01', NULL) IS NULL AS n3;
-- Infinite bounds: 22008.
SELECT sla_test.try($$SELECT sla.business_elapsed('-infinity', '2024-01-08 10:00+01', 'be_office')$$);
SELECT sla_test.try($$SELECT sla.business_elapsed('2024-01-08 10:00+01', 'infinity', 'be_office')$$);
SELECT sla_test.try($$SELECT sla.business_elapsed('2024-01-08 10:00+01', '2024-01-09 10:00+01', 'be_nope')$$);
-- Over 1000 years of one calendar: 54000; past year 9999: 22008.
SELECT sla_test.try($$SELECT sla.business_elapsed('2000-01-01 00:00+00', '3100-01-01 00:00+00', 'be_office')$$);
SELECT sla_test.try($$SELECT sla.business_elapsed('9999-12-01 00:00+00', '10000-01-02 00:00+00', 'be_office')$$);
-- Up to the last day of year 9999 is fine: Mon 9999-12-27 to Fri 31, 5 x 8 h.
SELECT pg_temp.el('9999-12-27 00:00', '9999-12-31 23:00');

DELETE FROM sla.calendar WHERE name LIKE 'be\_%';
