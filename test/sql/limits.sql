-- Limits (docs/semantics.md, "Limits"): the 2,000,000 open ranges of one computation, the end of
-- year 9999 on a 24/7 calendar, and the 1000 years of one computation for every function.  Calendars
-- of this file are named lim_*.  Each limit is tried in a new session (\c) as well, since the limits
-- must not depend on what the backend compiled before.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

-- lim_dense: 48 ranges of 15 minutes every day (the most a day may have), 12 open hours a day, so
-- about 17,500 ranges a year: 2,000,000 ranges are about 114 years.
INSERT INTO sla.calendar (name, time_zone, hours)
SELECT 'lim_dense', 'UTC',
	   'mon-sun ' || string_agg(to_char(time '00:00' + i * interval '30 minutes', 'HH24:MI') || '-' ||
							   to_char(time '00:15' + i * interval '30 minutes', 'HH24:MI'), ',' ORDER BY i)
FROM generate_series(0, 47) AS i;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('lim_247', 'UTC', '24/7'),
	('lim_berlin', 'Europe/Berlin', '24/7'),
	('lim_office', 'UTC', 'mon-fri 09:00-17:00'),
	-- opens only on two dates: next_open searches from one to the other
	('lim_once_999', 'UTC', 'closed'),
	('lim_once_1000', 'UTC', 'closed'),
	('lim_once_1001', 'UTC', 'closed'),
	('lim_once_1003', 'UTC', 'closed'),
	-- open all the time except on one date: next_close searches up to it
	('lim_gap_999', 'UTC', '24/7'),
	('lim_gap_1000', 'UTC', '24/7'),
	('lim_gap_1001', 'UTC', '24/7'),
	('lim_gap_1003', 'UTC', '24/7');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES
	('lim_once_999', '2000-06-01', '09:00-17:00'), ('lim_once_999', '2998-06-01', '09:00-17:00'),
	('lim_once_1000', '2000-06-01', '09:00-17:00'), ('lim_once_1000', '2999-06-01', '09:00-17:00'),
	('lim_once_1001', '2000-06-01', '09:00-17:00'), ('lim_once_1001', '3000-06-01', '09:00-17:00'),
	('lim_once_1003', '2000-06-01', '09:00-17:00'), ('lim_once_1003', '3002-06-01', '09:00-17:00'),
	('lim_gap_999', '2998-06-01', NULL), ('lim_gap_1000', '2999-06-01', NULL),
	('lim_gap_1001', '3000-06-01', NULL), ('lim_gap_1003', '3002-06-01', NULL);

-- ---------------------------------------------------------------------------
-- 2,000,000 open ranges per computation: 54000 with its own detail.  100 years of lim_dense are about
-- 1,750,000 ranges and work (12 hours a day); 130 years are about 2,280,000 and do not.
SELECT sla.business_elapsed('2000-01-01', '2100-01-01', 'lim_dense') AS hundred_years;
CREATE FUNCTION sla_test.lim_try(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE detail text;
BEGIN
	EXECUTE query;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || ' (' || detail || ')';
END
$$;
SELECT sla_test.lim_try($$SELECT sla.business_elapsed('2000-01-01', '2130-01-01', 'lim_dense')$$);
\c
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;
SELECT sla_test.lim_try($$SELECT sla.business_elapsed('2000-01-01', '2130-01-01', 'lim_dense')$$);
SELECT sla_test.lim_try($$SELECT sla.open_periods('lim_dense', '[2000-01-01, 2130-01-01)')$$);
-- a search that runs into the limit: 600,000 open hours are about 137 years of lim_dense
SELECT sla_test.lim_try($$SELECT sla.business_add('2000-01-01', '600000 hours', 'lim_dense')$$);
SELECT sla_test.lim_try($$SELECT sla.business_add('2200-01-01', '-600000 hours', 'lim_dense')$$);
-- shorter computations still work in the same session afterwards
SELECT sla.business_add('2000-01-01', '24 hours', 'lim_dense') AS two_days_on,
	   sla.is_open('2000-01-01 00:14:59.999999', 'lim_dense') AS open, sla.is_open('2000-01-01 00:15', 'lim_dense') AS closed;
-- a window left far off by a long computation: a short one elsewhere gets a window of its own
-- (the two together would pass 2,000,000 ranges)
SELECT sla.business_elapsed('2100-01-01', '2200-01-01', 'lim_dense') AS far,
	   sla.business_add('2000-01-01', '24 hours', 'lim_dense') AS near;

-- ---------------------------------------------------------------------------
-- The end of year 9999 on a 24/7 calendar.  lim_247 (UTC) is open up to 10000-01-01 00:00 UTC;
-- lim_berlin up to 10000-01-01 00:00 Berlin, 9999-12-31 23:00 UTC.
SELECT sla.is_open('9999-12-31 23:59:59.999999', 'lim_247') AS utc_last_instant,
	   sla.is_open('9999-12-31 22:59:59.999999', 'lim_berlin') AS berlin_last_instant,
	   sla.is_open('9999-12-31 23:00', 'lim_berlin') AS berlin_year_10000,
	   sla.is_open('9999-12-31 23:59:59.999999', 'lim_berlin') AS berlin_utc_last_instant;
-- next_close: a period cut short only by the end of year 9999 never closes, up to its very end
SELECT sla.next_close('9999-01-01', 'lim_247') AS jan, sla.next_close('9999-12-31 12:00', 'lim_247') AS last_day,
	   sla.next_close('9999-12-31 23:59:59.999999', 'lim_247') AS last_instant,
	   sla.next_close('9999-12-31 22:59:59.999999', 'lim_berlin') AS berlin_last_instant;
SELECT sla.next_open('9999-12-31 23:59:59.999999', 'lim_247') AS open_itself;
-- after the last open time of year 9999 there is no next opening: 22008
SELECT sla_test.try($$SELECT sla.next_open('9999-12-31 23:30', 'lim_berlin')$$);
SELECT sla_test.try($$SELECT sla.next_close('9999-12-31 23:30', 'lim_berlin')$$);
-- business_add: an amount that uses up the open time exactly at the end of year 9999 lands on that
-- close (10000-01-01 00:00 in the calendar's zone); one microsecond more needs open time past the end
-- of year 9999: 22008, and so does a day that would lie there
SELECT sla.business_add('9999-12-31 12:00', '11:59:59.999999', 'lim_247') AS last_instant,
	   sla.business_add('9999-12-31 12:00', '12 hours', 'lim_247') AS at_the_end,
	   sla.business_add('9999-12-31 12:00', '11 hours', 'lim_berlin') AS berlin_at_the_end,
	   sla.business_add('9999-12-30 12:00', '1 day', 'lim_247') AS last_day;
SELECT sla_test.try($$SELECT sla.business_add('9999-12-31 12:00', '12:00:00.000001', 'lim_247')$$);
SELECT sla_test.try($$SELECT sla.business_add('9999-12-31 12:00', '11:00:00.000001', 'lim_berlin')$$);
SELECT sla_test.try($$SELECT sla.business_add('9999-12-31 12:00', '1 day', 'lim_247')$$);
SELECT sla_test.try($$SELECT sla.business_add('9999-12-30 12:00', '2 days', 'lim_berlin')$$);
-- and the same at the start of year 1
SELECT sla.business_add('0001-01-01 12:00', '-12 hours', 'lim_247') AS first_instant;
SELECT sla_test.try($$SELECT sla.business_add('0001-01-01 12:00', '-12:00:00.000001', 'lim_247')$$);
-- instants outside the years 1 to 9999: 22008
SELECT sla_test.try($$SELECT sla.is_open('10000-01-01 00:00', 'lim_247')$$);
SELECT sla_test.try($$SELECT sla.next_close('10000-01-01 00:00', 'lim_247')$$);
-- the open time of the last two days of year 9999 up to the last instant: 48 hours less 1 us in UTC,
-- 47 hours in Berlin (closed from 23:00 UTC)
SELECT sla.business_elapsed('9999-12-30', '9999-12-31 23:59:59.999999', 'lim_247') AS utc,
	   sla.business_elapsed('9999-12-30', '9999-12-31 23:59:59.999999', 'lim_berlin') AS berlin;

-- ---------------------------------------------------------------------------
-- 1000 years at once, counted as the UTC years of the instants passed, for business_elapsed and
-- open_periods: 999 and 1000 years work, 1001 raise 54000 (an instant outside years 1 to 9999 raises
-- 22008 first).
\c
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;
SELECT sla.business_elapsed('2000-01-01', '2998-12-31 23:59', 'lim_247') AS years_999,
	   sla.business_elapsed('2000-01-01', '2999-12-31 23:59:59.999999', 'lim_247') AS years_1000;
SELECT sla_test.try($$SELECT sla.business_elapsed('2000-01-01', '3000-01-01', 'lim_247')$$) AS years_1001;
SELECT sla_test.try($$SELECT sla.business_elapsed('3000-01-01', '2000-01-01', 'lim_247')$$) AS years_1001_reversed;
SELECT sla_test.try($$SELECT sla.business_elapsed('9000-01-01', '10000-01-01', 'lim_247')$$) AS past_9999;
\c
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;
SELECT sla_test.try($$SELECT sla.business_elapsed('2000-01-01', '3000-01-01', 'lim_247')$$) AS years_1001_new_session;
SELECT sla.open_periods('lim_247', '[2000-01-01, 2998-12-31 23:59]') AS years_999;
SELECT sla.open_periods('lim_247', '[2000-01-01, 2999-12-31 23:59:59.999999]') AS years_1000;
SELECT sla_test.try($$SELECT sla.open_periods('lim_247', '[2000-01-01, 3000-01-01)')$$) AS years_1001;
SELECT sla_test.try($$SELECT sla.open_periods('lim_247', '(1999-12-31 23:59:59.999999, 2999-12-31 23:59:59.999999]')$$) AS years_1001_lower_bound;
-- is_open takes one instant: it works after any of these
SELECT sla.is_open('2000-01-01', 'lim_office') AS sat_2000, sla.is_open('9999-06-01 12:00', 'lim_office') AS tue_9999;

-- business_add, next_open and next_close search from their start and raise 54000 only when the
-- search spans more than about 1000 years: 999, 1000 and 1001 UTC years work, 1003 do not.  On
-- lim_247 an amount of open time is plain elapsed time.
\c
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;
-- the open time of lim_247 from a to b (negative when b < a), as a business_interval of hours
CREATE FUNCTION pg_temp.hours(a timestamptz, b timestamptz) RETURNS sla.business_interval
LANGUAGE sql AS $$ SELECT (extract(epoch FROM b - a)::bigint / 3600 || ' hours')::sla.business_interval $$;
SELECT sla.business_add('2000-06-01', pg_temp.hours('2000-06-01', '2998-06-01'), 'lim_247') AS years_999,
	   sla.business_add('2000-06-01', pg_temp.hours('2000-06-01', '2999-06-01'), 'lim_247') AS years_1000,
	   sla.business_add('2000-06-01', pg_temp.hours('2000-06-01', '3000-06-01'), 'lim_247') AS years_1001;
SELECT sla_test.try(format('SELECT sla.business_add(%L, %L, %L)', '2000-06-01',
						   pg_temp.hours('2000-06-01', '3002-06-01'), 'lim_247')) AS years_1003;
\c
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;
-- the open time of lim_247 from a to b (negative when b < a), as a business_interval of hours
CREATE FUNCTION pg_temp.hours(a timestamptz, b timestamptz) RETURNS sla.business_interval
LANGUAGE sql AS $$ SELECT (extract(epoch FROM b - a)::bigint / 3600 || ' hours')::sla.business_interval $$;
SELECT sla.business_add('2998-06-01', pg_temp.hours('2998-06-01', '2000-06-01'), 'lim_247') AS back_999,
	   sla.business_add('2999-06-01', pg_temp.hours('2999-06-01', '2000-06-01'), 'lim_247') AS back_1000,
	   sla.business_add('3000-06-01', pg_temp.hours('3000-06-01', '2000-06-01'), 'lim_247') AS back_1001;
SELECT sla_test.try(format('SELECT sla.business_add(%L, %L, %L)', '3002-06-01',
						   pg_temp.hours('3002-06-01', '2000-06-01'), 'lim_247')) AS back_1003;
-- day amounts search the same way: on lim_once_* the next open day after 2000-06-01 is years away
-- (+1 day from the first open day's close is the close of the second)
SELECT sla.business_add('2000-06-01 18:00', '1 day', 'lim_once_999') AS days_999,
	   sla.business_add('2000-06-01 18:00', '1 day', 'lim_once_1000') AS days_1000,
	   sla.business_add('2000-06-01 18:00', '1 day', 'lim_once_1001') AS days_1001;
SELECT sla_test.try($$SELECT sla.business_add('2000-06-01 18:00', '1 day', 'lim_once_1003')$$) AS days_1003;
\c
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SELECT sla.next_open('2000-06-02', 'lim_once_999') AS open_999, sla.next_open('2000-06-02', 'lim_once_1000') AS open_1000,
	   sla.next_open('2000-06-02', 'lim_once_1001') AS open_1001;
SELECT sla_test.try($$SELECT sla.next_open('2000-06-02', 'lim_once_1003')$$) AS open_1003;
SELECT sla.next_close('2000-06-01', 'lim_gap_999') AS close_999, sla.next_close('2000-06-01', 'lim_gap_1000') AS close_1000,
	   sla.next_close('2000-06-01', 'lim_gap_1001') AS close_1001;
SELECT sla_test.try($$SELECT sla.next_close('2000-06-01', 'lim_gap_1003')$$) AS close_1003;
-- and after the limit was hit, shorter searches work in the same session
SELECT sla.next_open('3002-05-01', 'lim_once_1003') AS open_3002, sla.next_close('3002-05-01', 'lim_gap_1003') AS close_3002;

DELETE FROM sla.calendar WHERE name LIKE 'lim\_%';
DROP FUNCTION sla_test.lim_try(text);
