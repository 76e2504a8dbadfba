-- Ranges whose UTC images land out of order (docs/semantics.md, "Local times
-- that do not exist" and "Days follow time"): open time is the union of the
-- images of every range, whatever order they land in, and open days are
-- ordered by time, so business_add never goes back as ts goes forward.
-- Calendars of this file are named ord_*.  Timestamps print in UTC.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

-- Europe/Berlin on 2024-03-31 skips 02:00-03:00: 02:30 is 01:30 UTC, but
-- 03:00 is 01:00 UTC, earlier than 02:30's image.
INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('ord_ber', 'Europe/Berlin', 'sun 02:30-02:45,03:00-03:15'),
	('ord_apia_hours', 'Pacific/Apia', 'fri 12:00-13:00; sat 09:00-10:00'),
	('ord_apia', 'Pacific/Apia', 'mon-fri 09:00-17:00');

SELECT sla.open_periods('ord_ber', '[2024-03-31 00:00+00, 2024-03-31 03:00+00)');
SELECT t, sla.is_open(t, 'ord_ber'), sla.next_open(t, 'ord_ber'), sla.next_close(t, 'ord_ber')
FROM unnest(ARRAY[timestamptz '2024-03-31 00:59:59.999999+00', '2024-03-31 01:00+00',
				  '2024-03-31 01:14:59.999999+00', '2024-03-31 01:15+00',
				  '2024-03-31 01:30+00', '2024-03-31 01:45+00']) t;
SELECT sla.business_elapsed('2024-03-31 00:00+00', '2024-03-31 03:00+00', 'ord_ber');
SELECT sla.business_add('2024-03-31 00:00+00', '20 minutes', 'ord_ber'),
	   sla.business_add('2024-03-31 03:00+00', '-20 minutes', 'ord_ber');
-- a week later the day is ordinary: the same ranges, in order
SELECT sla.open_periods('ord_ber', '[2024-04-07 00:00+00, 2024-04-07 03:00+00)');

-- Pacific/Apia skipped Friday 2011-12-30 (UTC-10 -> UTC+14 at its midnight,
-- 10:00 UTC): Friday's 12:00-13:00 becomes 22:00-23:00 UTC by the gap rule,
-- later than Saturday's 09:00 (19:00 UTC).  Both hours are open.
SELECT sla.open_periods('ord_apia_hours', '[2011-12-28 00:00+00, 2012-01-03 00:00+00)');
SELECT sla.business_elapsed('2011-12-28 00:00+00', '2012-01-03 00:00+00', 'ord_apia_hours');
SELECT sla.business_add('2011-12-30 19:30+00', '1 hour', 'ord_apia_hours'),
	   sla.business_add('2011-12-30 23:00+00', '-90 minutes', 'ord_apia_hours');

-- With mon-fri 09:00-17:00, Friday 2011-12-30's hours land on Saturday
-- 2011-12-31 09:00-17:00 local (19:00-03:00 UTC).  Day amounts follow time:
-- from 18:00 UTC (Saturday 08:00 local, before that open day) one business
-- day is that day's close; from 20:00 it is one day later.  Neither is
-- earlier than the other, and minus one day is never later than the start.
SELECT t, sla.business_add(t, '1 day', 'ord_apia') AS plus_day,
	   sla.business_add(t, '-1 day', 'ord_apia') AS minus_day
FROM generate_series(timestamptz '2011-12-29 16:00+00', '2011-12-31 06:00+00', '2 hours') t;

-- the same over every minute of those days: monotonic, and -1 day <= t <= +1 day
SELECT count(*) AS instants,
	   bool_and(plus_day >= t AND minus_day <= t) AS around_t,
	   bool_and(plus_day >= prev_plus AND minus_day >= prev_minus) AS monotonic
FROM (SELECT t, plus_day, minus_day,
			 lag(plus_day, 1, '-infinity') OVER (ORDER BY t) AS prev_plus,
			 lag(minus_day, 1, '-infinity') OVER (ORDER BY t) AS prev_minus
	  FROM (SELECT t, sla.business_add(t, '1 day', 'ord_apia') AS plus_day,
				   sla.business_add(t, '-1 day', 'ord_apia') AS minus_day
			FROM generate_series(timestamptz '2011-12-26 00:00+00', '2012-01-06 00:00+00', '1 minute') t) s) s;

-- Pacific/Kiritimati skipped 1994-12-31 (UTC-10 -> UTC+14): the same rules
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('ord_kiri', 'Pacific/Kiritimati', '24/7');
SELECT sla.business_elapsed('1994-12-30 00:00+00', '1995-01-01 00:00+00', 'ord_kiri');
SELECT count(*) AS instants,
	   bool_and(plus_day >= prev_plus AND minus_day >= prev_minus) AS monotonic
FROM (SELECT t, plus_day, minus_day,
			 lag(plus_day, 1, '-infinity') OVER (ORDER BY t) AS prev_plus,
			 lag(minus_day, 1, '-infinity') OVER (ORDER BY t) AS prev_minus
	  FROM (SELECT t, sla.business_add(t, '1 day', 'ord_kiri') AS plus_day,
				   sla.business_add(t, '-1 day', 'ord_kiri') AS minus_day
			FROM generate_series(timestamptz '1994-12-28 00:00+00', '1995-01-03 00:00+00', '7 minutes') t) s) s;

-- Window edges of a calendar open only on dated exceptions (found by the
-- engine fuzzer): in a UTC+14 zone the first exception's hour starts the
-- day before in UTC, and walking back to it from a year later must find it
-- in a fresh session; far from every exception nothing is open.
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('ord_kiri_exc', 'Pacific/Kiritimati', 'closed');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('ord_kiri_exc', '2025-01-04', '00:00-01:00');
\c
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;
SELECT sla.business_add('2026-01-10 00:00+00', '-30 minutes', 'ord_kiri_exc'),
	   sla.business_add('2024-01-10 00:00+00', '30 minutes', 'ord_kiri_exc');
\c
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;
SELECT sla.is_open('2030-06-10 00:00+00', 'ord_kiri_exc'),
	   sla.next_open('2030-06-10 00:00+00', 'ord_kiri_exc'),
	   sla.next_close('2030-06-10 00:00+00', 'ord_kiri_exc'),
	   sla.business_elapsed('2030-06-10 00:00+00', '2030-06-11 00:00+00', 'ord_kiri_exc');
SELECT sla_test.try($$SELECT sla.business_add('2030-06-10 00:00+00', '1 minute', 'ord_kiri_exc')$$);
SELECT sla_test.try($$SELECT sla.business_add('2020-06-10 00:00+00', '-1 minute', 'ord_kiri_exc')$$);
