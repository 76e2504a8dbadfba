-- business_add with time amounts (docs/semantics.md, "`business_add` with a time amount"): the
-- earliest t >= ts with open time in [ts, t) equal to the amount; walking back for negative
-- amounts.  Calendars of this file are named ba_*.
--
-- The session runs in America/Los_Angeles, none of the calendars' zones: results must not depend
-- on it.  Instants are given and shown as Europe/Berlin wall-clock times through AT TIME ZONE,
-- which does not read the session zone either.  January 2024: Mon 8, Tue 9, ..., Fri 12, Sat 13,
-- Sun 14, Mon 15; Berlin is UTC+1 then.
SET TimeZone = 'America/Los_Angeles';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

-- business_add on Berlin wall-clock times.
CREATE FUNCTION pg_temp.add(local text, amount text, cal text DEFAULT 'ba_office') RETURNS text
LANGUAGE sql AS $$ SELECT sla_test.berlin_text(sla.business_add(sla_test.berlin(local), amount::sla.business_interval, cal)) $$;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('ba_office', 'Europe/Berlin', 'mon-fri 09:00-17:00'),
	('ba_plain',  'Europe/Berlin', 'mon-fri 09:00-17:00'),
	('ba_lunch',  'Europe/Berlin', 'mon-fri 08:00-12:00,13:00-17:00'),
	('ba_closed', 'Europe/Berlin', 'closed'),
	('ba_once',   'Europe/Berlin', 'closed');
INSERT INTO sla.calendar_exception (calendar, day, hours, reason) VALUES
	('ba_office', '2024-12-24', '09:00-12:00', 'Christmas Eve: half day'),
	('ba_office', '2024-12-25', NULL, 'Christmas'),
	('ba_office', '2024-12-26', NULL, 'Boxing Day'),
	('ba_office', '2024-12-28', '10:00-14:00', 'extra working Saturday'),
	('ba_office', '2025-01-01', NULL, 'New Year'),
	('ba_once', '2024-03-05', '09:00-12:00', 'the only open date');

-- ---------------------------------------------------------------------------
-- Starting inside, at an opening, at a closing, outside hours
SELECT pg_temp.add('2024-01-09 10:00', '2 hours');			-- inside: Tue 12:00
SELECT pg_temp.add('2024-01-09 09:00', '1 hour');			-- at the opening: Tue 10:00
SELECT pg_temp.add('2024-01-09 13:00', '4 hours');			-- lands exactly on the close: Tue 17:00
SELECT pg_temp.add('2024-01-09 13:00', '4 hours 1 microsecond');	-- one µs more: Wed 09:00:00.000001
SELECT pg_temp.add('2024-01-09 17:00', '1 hour');			-- at the closing: Wed 10:00
SELECT pg_temp.add('2024-01-09 03:00', '1 hour');			-- at night, before opening: Tue 10:00
SELECT pg_temp.add('2024-01-09 20:00', '1 hour');			-- in the evening: Wed 10:00
SELECT pg_temp.add('2024-01-12 16:00', '2 hours');			-- Fri 16:00 + 2 h: 1 h Friday, 1 h Monday = Mon 10:00
SELECT pg_temp.add('2024-01-13 12:00', '1 hour');			-- Saturday: the weekend does not count, Mon 10:00
SELECT pg_temp.add('2024-01-14 23:59:59.999999', '1 microsecond');	-- Sun: Mon 09:00:00.000001
SELECT pg_temp.add('2024-01-08 09:00', '40 hours');			-- a whole week, 5 x 8 h: Fri 17:00
SELECT pg_temp.add('2024-01-08 09:00', '40:00:00.000001');	-- and one µs: next Mon 09:00:00.000001
SELECT pg_temp.add('2024-01-08 12:00', '90 minutes');		-- Mon 13:30
SELECT pg_temp.add('2024-01-08 12:00', '8 hours');			-- 5 h Mon + 3 h Tue: Tue 12:00

-- Microsecond starts around an opening and a closing
SELECT pg_temp.add('2024-01-09 08:59:59.999999', '1 hour');	-- before opening: Tue 10:00
SELECT pg_temp.add('2024-01-09 09:00:00.000001', '1 hour');	-- Tue 10:00:00.000001
SELECT pg_temp.add('2024-01-09 16:59:59.999999', '1 microsecond');	-- lands on the close: Tue 17:00
SELECT pg_temp.add('2024-01-09 16:59:59.999999', '2 microseconds');	-- Wed 09:00:00.000001
SELECT pg_temp.add('2024-01-09 17:00:00.000001', '1 microsecond');	-- Wed 09:00:00.000001

-- A zero amount returns ts unchanged, even outside hours
SELECT pg_temp.add('2024-01-13 12:00', '0');
SELECT pg_temp.add('2024-01-09 03:00:00.5', '0 days 0 hours');
SELECT pg_temp.add('2024-01-09 17:00', '00:00:00');
SELECT sla.business_add('2024-01-13 12:00:00.123456+01', '0', 'ba_office') = '2024-01-13 12:00:00.123456+01' AS unchanged;

-- ---------------------------------------------------------------------------
-- Negative amounts walk back: the latest t <= ts with open time in [t, ts) = |A|
SELECT pg_temp.add('2024-01-09 13:00', '-4 hours');			-- lands exactly on the opening: Tue 09:00
SELECT pg_temp.add('2024-01-09 13:00', '-4 hours -1 microsecond');	-- Mon 16:59:59.999999
SELECT pg_temp.add('2024-01-09 13:00', '-5 hours');			-- Mon 16:00
SELECT pg_temp.add('2024-01-09 09:00', '-1 hour');			-- at an opening: Mon 16:00
SELECT pg_temp.add('2024-01-09 17:00', '-8 hours');			-- at a closing, a whole day: Tue 09:00
SELECT pg_temp.add('2024-01-09 20:00', '-1 hour');			-- evening: Tue 16:00
SELECT pg_temp.add('2024-01-15 10:00', '-2 hours');			-- Mon 10:00: 1 h Monday, 1 h Friday = Fri 16:00
SELECT pg_temp.add('2024-01-13 12:00', '-1 hour');			-- Saturday: Fri 16:00
SELECT pg_temp.add('2024-01-15 09:00', '-1 microsecond');	-- Fri 16:59:59.999999
SELECT pg_temp.add('2024-01-12 17:00', '-40 hours');			-- a whole week: Mon 2024-01-08 09:00
SELECT pg_temp.add('2024-01-09 09:00:00.000001', '-1 microsecond');	-- Tue 09:00
SELECT pg_temp.add('2024-01-09 09:00:00.000001', '-2 microseconds');	-- Mon 16:59:59.999999

-- ---------------------------------------------------------------------------
-- A lunch break: 'mon-fri 08:00-12:00,13:00-17:00'
SELECT pg_temp.add('2024-01-09 11:00', '1 hour', 'ba_lunch');	-- lands at the start of lunch: Tue 12:00
SELECT pg_temp.add('2024-01-09 11:00', '01:00:00.000001', 'ba_lunch');	-- Tue 13:00:00.000001
SELECT pg_temp.add('2024-01-09 11:30', '2 hours', 'ba_lunch');	-- 30 min before lunch, 90 after: Tue 14:30
SELECT pg_temp.add('2024-01-09 12:30', '1 hour', 'ba_lunch');	-- during lunch: Tue 14:00
SELECT pg_temp.add('2024-01-09 16:00', '8 hours', 'ba_lunch');	-- 1 h Tue, 7 h Wed (4 + 3): Wed 16:00
SELECT pg_temp.add('2024-01-09 13:00', '-1 hour', 'ba_lunch');	-- back over lunch: Tue 11:00
SELECT pg_temp.add('2024-01-09 13:30', '-1 hour', 'ba_lunch');	-- 30 min after lunch, 30 before: Tue 11:30
SELECT pg_temp.add('2024-01-09 12:30', '-1 hour', 'ba_lunch');	-- during lunch: Tue 11:00

-- ---------------------------------------------------------------------------
-- Dated exceptions on ba_office: Tue 2024-12-24 09:00-12:00 (half day), Wed 25 and Thu 26 closed,
-- Sat 28 10:00-14:00 (extra working Saturday), Wed 2025-01-01 closed.
SELECT pg_temp.add('2024-12-24 11:00', '2 hours');	-- 1 h on the half day, 25 and 26 closed, Fri 27 10:00
SELECT pg_temp.add('2024-12-23 16:00', '4 hours');	-- 1 h Mon, 3 h Tue: lands on the early close, Tue 12:00
SELECT pg_temp.add('2024-12-24 12:00', '1 hour');	-- after the early close: Fri 27 10:00
SELECT pg_temp.add('2024-12-27 15:00', '4 hours');	-- 2 h Fri, 2 h on the working Saturday: Sat 28 12:00
SELECT pg_temp.add('2024-12-27 15:00', '6 hours');	-- 2 h Fri, 4 h Sat: lands on Saturday's close, 14:00
SELECT pg_temp.add('2024-12-28 14:00', '-3 hours');	-- Sat 11:00
SELECT pg_temp.add('2024-12-30 10:00', '-5 hours');	-- 1 h Mon, 4 h Sat: Sat 28 10:00, exactly its opening
SELECT pg_temp.add('2024-12-27 10:00', '-2 hours');	-- 1 h Fri 27, 1 h of the half day: Tue 24 11:00
-- Year boundary: Tue 31 16:00 + 2 h, 1 January closed: Thu 2025-01-02 10:00; and back again.
SELECT pg_temp.add('2024-12-31 16:00', '2 hours');
SELECT pg_temp.add('2025-01-02 10:00', '-2 hours');
-- 29 February 2028 is a Tuesday.
SELECT pg_temp.add('2028-02-28 16:00', '2 hours');	-- Tue 2028-02-29 10:00
SELECT pg_temp.add('2028-02-29 16:00', '2 hours');	-- Wed 2028-03-01 10:00
SELECT pg_temp.add('2028-03-01 10:00', '-2 hours');	-- Tue 2028-02-29 16:00

-- ---------------------------------------------------------------------------
-- A 20,000-hour span.  On ba_plain (no exceptions) 20000 h = 2500 days of 8 h = 500 whole weeks
-- counted from Mon 2024-01-08 09:00, ending at 17:00 on the Friday of week 500: 2024-01-08 + 499 * 7
-- + 4 = 2024-01-08 + 3497 days.  09:00-17:00 contains no DST change, so 17:00 local is the answer.
SELECT pg_temp.add('2024-01-08 09:00', '20000 hours', 'ba_plain');
SELECT sla.business_add(sla_test.berlin('2024-01-08 09:00'), '20000 hours', 'ba_plain')
	= ((date '2024-01-08' + 3497) + time '17:00') AT TIME ZONE 'Europe/Berlin' AS same;
-- On ba_office the exceptions shift it.  Computed independently: for every date from 2024-01-08,
-- its open hours (an exception's single range, or 09:00-17:00 on weekdays), a running sum of open
-- time before the date, and the first date whose open time reaches 20000 h; the answer is that
-- date's opening plus what is still missing, as Berlin wall-clock time.
WITH d AS (
	SELECT g::date AS day,
		   CASE WHEN e.calendar IS NOT NULL THEN e.hours
				WHEN extract(isodow FROM g) <= 5 THEN '09:00-17:00' END AS h
	FROM generate_series(date '2024-01-08', date '2024-01-08' + 4000, interval '1 day') AS g
	LEFT JOIN sla.calendar_exception AS e ON e.calendar = 'ba_office' AND e.day = g::date
), l AS (
	SELECT day, split_part(h, '-', 1)::time AS opens,
		   coalesce(split_part(h, '-', 2)::time - split_part(h, '-', 1)::time, interval '0') AS len
	FROM d
), c AS (
	SELECT day, opens, len, sum(len) OVER (ORDER BY day) - len AS before FROM l
)
SELECT sla_test.berlin_text(sla.business_add(sla_test.berlin('2024-01-08 09:00'), '20000 hours', 'ba_office')) AS engine,
	   sla_test.berlin_text((day + opens + (interval '20000 hours' - before)) AT TIME ZONE 'Europe/Berlin') AS independent
FROM c
WHERE before < interval '20000 hours' AND before + len >= interval '20000 hours';
-- And back again.
SELECT pg_temp.add('2033-08-05 17:00', '-20000 hours', 'ba_plain');	-- Mon 2024-01-08 09:00

-- ---------------------------------------------------------------------------
-- Arguments: NULL, infinities, unknown and closed calendars, the ends of time
SELECT sla.business_add(NULL, '1 hour', 'ba_office') IS NULL AS n1,
	   sla.business_add('2024-01-09 10:00+01', NULL, 'ba_office') IS NULL AS n2,
	   sla.business_add('2024-01-09 10:00+01', '1 hour', NULL) IS NULL AS n3;
SELECT sla.business_add('infinity', '1 hour', 'ba_office'), sla.business_add('-infinity', '1 hour', 'ba_office');
SELECT sla.business_add('infinity', '-3 days', 'ba_office'), sla.business_add('-infinity', '-1 hour', 'ba_office');
SELECT sla_test.try($$SELECT sla.business_add('2024-01-09 10:00+01', '1 hour', 'ba_nope')$$);
SELECT sla_test.try($$SELECT sla.business_add('2024-01-09 10:00+01', '1 hour', 'BA_OFFICE')$$);
SELECT sla_test.try($$SELECT sla.business_add('2024-01-09 10:00+01', '1 hour', '')$$);
-- 'closed' without exceptions: no open time at all, 22023 at once, even for a zero amount.
SELECT sla_test.try($$SELECT sla.business_add('2024-01-09 10:00+01', '1 hour', 'ba_closed')$$);
SELECT sla_test.try($$SELECT sla.business_add('2024-01-09 10:00+01', '0', 'ba_closed')$$);
-- 'closed' with one open date, Tue 2024-03-05 09:00-12:00.
SELECT pg_temp.add('2024-03-01 12:00', '2 hours', 'ba_once');	-- Tue 2024-03-05 11:00
SELECT pg_temp.add('2024-03-05 12:00', '-3 hours', 'ba_once');	-- Tue 2024-03-05 09:00
SELECT pg_temp.add('2030-01-01 00:00', '-1 hour', 'ba_once');	-- years later, back to Tue 2024-03-05 11:00
SELECT sla_test.try($$SELECT sla.business_add('2024-03-05 11:00+01', '2 hours', 'ba_once')$$);
SELECT sla_test.try($$SELECT sla.business_add('2024-03-05 10:00+01', '-2 hours', 'ba_once')$$);
-- Results past year 9999 or before year 1: 22008.  Fri 9999-12-31 is a working day.
SELECT pg_temp.add('9999-12-31 12:00', '5 hours');	-- Fri 9999-12-31 17:00
SELECT sla_test.try($$SELECT sla.business_add('9999-12-31 16:00+01', '2 hours', 'ba_office')$$);
SELECT sla_test.try($$SELECT sla.business_add('9999-12-31 16:00+01', '1 day', 'ba_office')$$);
SELECT sla_test.try($$SELECT sla.business_add('0001-01-02 12:00+00', '-100 hours', 'ba_plain')$$);
-- An amount needing more than 1000 years of the calendar: 3,000,000 h at about 2088 h a year is
-- some 1437 years (to about year 3461, so not past 9999): 54000.
SELECT sla_test.try($$SELECT sla.business_add('2024-01-08 09:00+01', '3000000 hours', 'ba_plain')$$);

-- ---------------------------------------------------------------------------
-- A calendar change is seen by the next statement.
SELECT pg_temp.add('2024-01-09 16:00', '2 hours', 'ba_lunch');	-- Wed 09:00 (opens 08:00): Wed 09:00
UPDATE sla.calendar SET hours = 'mon-fri 07:00-19:00' WHERE name = 'ba_lunch';
SELECT pg_temp.add('2024-01-09 16:00', '2 hours', 'ba_lunch');	-- now Tue 18:00
UPDATE sla.calendar SET time_zone = 'UTC' WHERE name = 'ba_lunch';
SELECT pg_temp.add('2024-01-09 16:00', '2 hours', 'ba_lunch');	-- 16:00 Berlin = 15:00 UTC, + 2 h = 17:00 UTC = 18:00 Berlin

DELETE FROM sla.calendar WHERE name LIKE 'ba\_%';
