-- calendar_hours: the weekly-hours grammar, exception hours, time zone names and exception dates
-- (docs/calendars.md, "Weekly hours", "Exception hours", "Validation", "Time zones"), as
-- accepted or rejected by the triggers on sla.calendar and sla.calendar_exception.  Calendars
-- of this file are named ch_*.
--
-- Accepted hours are shown as the open periods of one week: the calendars are in UTC, the session
-- prints UTC, and the week is Monday 2024-01-01 00:00 to Monday 2024-01-08 00:00 (clipped there).
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

-- Run a statement; 'ok', or its SQLSTATE, message and (if any) detail.  Neighbouring dates are
-- checked at commit; SET CONSTRAINTS ALL IMMEDIATE checks them at the end of the statement instead.
CREATE FUNCTION pg_temp.try(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	SET CONSTRAINTS ALL IMMEDIATE;
	EXECUTE query;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(nullif(' | ' || detail, ' | '), '');
END
$$;

-- Try weekly hours on a throwaway calendar row (rolled back by the exception block when rejected).
CREATE FUNCTION pg_temp.try_hours(hours text) RETURNS text
LANGUAGE sql AS $$
	SELECT pg_temp.try(format('INSERT INTO sla.calendar (name, hours) VALUES (%L, %L)', 'ch_try', hours))
$$;

-- Try exception hours on calendar ch_base, on date 2024-01-01 + n.
CREATE FUNCTION pg_temp.try_exc(n int, hours text) RETURNS text
LANGUAGE sql AS $$
	SELECT pg_temp.try(format('INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES (%L, %L, %L)',
							  'ch_base', date '2024-01-01' + n, hours))
$$;

-- "Mon 09:00" (seconds only when not zero).
CREATE FUNCTION pg_temp.hm(t timestamptz) RETURNS text
LANGUAGE sql AS $$
	SELECT to_char(t, 'Dy HH24:MI') || CASE WHEN extract(second FROM t) <> 0 THEN to_char(t, ':SS') ELSE '' END
$$;

-- The open periods of calendar cal in the week of 2024-01-01, and the week's open time.
CREATE FUNCTION pg_temp.week(cal text) RETURNS text
LANGUAGE sql AS $$
	SELECT coalesce(string_agg(pg_temp.hm(lower(r)) || '-' || pg_temp.hm(upper(r)), ', ' ORDER BY lower(r)), '(none)')
		|| '  [' || sla.business_elapsed('2024-01-01', '2024-01-08', cal)::text || ']'
	FROM unnest(sla.open_periods(cal, '[2024-01-01, 2024-01-08)')) AS r
$$;

INSERT INTO sla.calendar (name, hours) VALUES ('ch_base', 'mon-fri 09:00-17:00');

-- ---------------------------------------------------------------------------
-- Accepted weekly hours
INSERT INTO sla.calendar (name, hours) VALUES
	('ch_simple',   'mon-fri 09:00-17:00; sat 10:00-14:00'),
	('ch_lunch',    'mon-fri 08:00-12:00,13:00-17:00'),
	('ch_list',     'mon,wed,fri 09:00-12:00'),
	('ch_mixed',    'mon,wed-fri 09:00-10:00'),
	('ch_wrap',     'sun-thu 08:00-16:00'),
	('ch_wrap2',    'fri-mon 10:00-11:00'),
	('ch_long',     'Monday 09:00-10:00; tuesday-THURSDAY 11:00-12:00; Sun 13:00-14:00'),
	('ch_case',     E'  MON - Fri\t09:00 -  17:00 ;\n SAT 10:00-12:00 ;;  '),
	('ch_247',      '24/7'),
	('ch_247sp',    '  24/7  '),
	('ch_2400',     'mon 20:00-24:00; tue 00:00-04:00'),
	('ch_night',    'fri 22:00-06:00'),
	('ch_sunnight', 'sun 22:00-06:00'),
	('ch_day24',    'mon 09:00-09:00'),
	('ch_midnight', 'wed 00:00-00:00'),
	('ch_full',     'wed 00:00-24:00'),
	('ch_secs',     'mon 9:00:30-17:00:15'),
	('ch_twice',    'mon 13:00-17:00; mon 09:00-12:00'),
	('ch_touch',    'mon 09:00-12:00,12:00-17:00'),
	('ch_touch2',   'sat 22:00-06:00; sun 06:00-10:00'),
	('ch_touch3',   'sun 20:00-08:00; mon 08:00-12:00'),
	('ch_order',    'tue 13:00-14:00, 08:00-09:00, 10:00-11:00');

-- Mon-Fri 09-17 (8 h x 5) and Saturday 10-14 (4 h): 44 h.
SELECT pg_temp.week('ch_simple');
-- Two ranges a day: 8 h x 5 = 40 h.
SELECT pg_temp.week('ch_lunch');
-- Monday, Wednesday, Friday, 3 h each: 9 h.
SELECT pg_temp.week('ch_list');
-- A list with a range in it: Mon, Wed, Thu, Fri, 1 h each: 4 h.
SELECT pg_temp.week('ch_mixed');
-- sun-thu wraps around the week: Mon-Thu and Sunday 2024-01-07, 8 h each: 40 h.
SELECT pg_temp.week('ch_wrap');
-- fri-mon: Mon, Fri, Sat, Sun: 4 h.
SELECT pg_temp.week('ch_wrap2');
-- Full day names in any case: Mon 1 h, Tue-Thu 1 h each, Sun 1 h: 5 h.
SELECT pg_temp.week('ch_long');
-- Case, tabs, newlines, spaces around "-", a trailing ";" and an empty clause: 40 h + 2 h.
SELECT pg_temp.week('ch_case');
-- 24/7: one period over the whole week, nothing missing at any midnight: 168 h.
SELECT pg_temp.week('ch_247');
SELECT pg_temp.week('ch_247sp');
-- 24:00 as an end; Monday's 20:00-24:00 touches Tuesday's 00:00-04:00: one period of 8 h.
SELECT pg_temp.week('ch_2400');
-- An end before the start runs past midnight and is Friday's: Fri 22:00 to Sat 06:00, 8 h.
SELECT pg_temp.week('ch_night');
-- Sunday's night shift: the one of Sunday 2023-12-31 reaches into this week until Mon 06:00, and
-- the one of Sunday 2024-01-07 is clipped at the end of the week (2 h): 6 h + 2 h = 8 h.
SELECT pg_temp.week('ch_sunnight');
-- 'mon 09:00-09:00' is 24 h from Monday 09:00.
SELECT pg_temp.week('ch_day24');
-- 'wed 00:00-00:00' and 'wed 00:00-24:00' are both the whole Wednesday.
SELECT pg_temp.week('ch_midnight');
SELECT pg_temp.week('ch_full');
-- Seconds and a one-digit hour: 09:00:30 to 17:00:15 is 7:59:45.
SELECT pg_temp.week('ch_secs');
-- The same day in two clauses, in any order: 4 h + 3 h.
SELECT pg_temp.week('ch_twice');
-- Touching ranges are fine and make one period.
SELECT pg_temp.week('ch_touch');
-- Saturday's night shift touches Sunday's 06:00: one period Sat 22:00 to Sun 10:00, 12 h.
SELECT pg_temp.week('ch_touch2');
-- Across the week's wrap: Sunday 2023-12-31 20:00-08:00 reaches this Monday and touches Monday's
-- 08:00-12:00 (Mon 00:00-12:00), and this Sunday's shift from 20:00 is clipped at midnight:
-- 12 h + 4 h = 16 h.
SELECT pg_temp.week('ch_touch3');
-- Ranges in any order are sorted: 1 h each.
SELECT pg_temp.week('ch_order');

-- Exactly 48 ranges a day are accepted: 48 ranges of 10 minutes, one every 20 minutes from 00:00.
SELECT pg_temp.try_hours('mon ' || string_agg(to_char(time '00:00' + i * interval '20 minutes', 'HH24:MI') || '-' ||
									   to_char(time '00:10' + i * interval '20 minutes', 'HH24:MI'), ',' ORDER BY i))
FROM generate_series(0, 47) AS i;
-- 48 x 10 minutes = 8 h on Monday.
SELECT sla.business_elapsed('2024-01-01', '2024-01-02', 'ch_try');
DELETE FROM sla.calendar WHERE name = 'ch_try';

-- 'closed': no weekly hours.  A calendar with no open time at all fails at once (22023) in every
-- engine function, even for a zero amount.
INSERT INTO sla.calendar (name, hours) VALUES ('ch_closed', 'closed'), ('ch_closed2', ' CLOSED ');
SELECT pg_temp.try($$SELECT sla.business_add('2024-01-01', '0', 'ch_closed')$$);
SELECT pg_temp.try($$SELECT sla.is_open('2024-01-01', 'ch_closed2')$$);
SELECT pg_temp.try($$SELECT sla.open_periods('ch_closed', '[2024-01-01, 2024-01-08)')$$);
-- One exception opens a date (Tuesday 2024-01-02): the calendar is open then and only then.
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('ch_closed', '2024-01-02', '09:00-12:00');
SELECT pg_temp.week('ch_closed');

-- ---------------------------------------------------------------------------
-- Malformed weekly hours: 22P02, the detail names the offending token
SELECT hours, pg_temp.try_hours(hours) AS result
FROM (VALUES
	('mon 25:00-26:00'),			-- hour 25
	('mon 09:60-17:00'),			-- minute 60
	('mon 09:00-17:00:60'),			-- second 60
	('mon 24:00-08:00'),			-- 24:00 only as an end
	('mon 09:00-24:30'),			-- nothing after 24:00
	('mon 09:00-24:00:01'),
	('mon 09:00 17:00'),			-- missing dash
	('mon 9-17'),					-- hours without minutes
	('mon 09.00-17.00'),			-- dots
	('mon 9:0-17:00'),				-- one-digit minutes
	('mon 009:00-17:00'),			-- three-digit hour
	('mon 09:00-17:00pm'),
	('mon-fri nine to five'),		-- garbage words
	('weekdays 09:00-17:00'),
	('mo 09:00-17:00'),
	('mon-fri'),					-- days without ranges
	('mon-'),
	('09:00-17:00'),				-- ranges without days
	(''),							-- empty text
	('   '),
	('mon 09:00-17:00,'),			-- trailing comma
	('mon 09:00-17:00 tue 10:00-12:00'),	-- missing ";"
	('mon 09:00-17:00; foo'),
	('; mon 09:00-17:00'),
	('mon 09:00-'),
	('mon 09:00-17:00 # comment'),
	('closed; mon 09:00-17:00'),
	('24/7; sat 10:00-12:00'),
	('24 / 7'),
	('mon 09:00–17:00')				-- an en dash is not "-"
) AS v(hours);

-- Malformed hours on UPDATE are rejected the same way.
SELECT pg_temp.try($$UPDATE sla.calendar SET hours = 'mon 9am-5pm' WHERE name = 'ch_base'$$);

-- ---------------------------------------------------------------------------
-- Overlapping ranges: 22023, naming the day
SELECT hours, pg_temp.try_hours(hours) AS result
FROM (VALUES
	('mon 09:00-13:00,12:00-17:00'),			-- within a day
	('mon 09:00-17:00; mon-fri 16:00-18:00'),	-- within a day, from two clauses
	('tue 09:00-17:00,09:00-10:00'),			-- same start
	('wed 08:00-18:00,10:00-11:00'),			-- one inside the other
	('mon 22:00-06:00; tue 05:00-12:00'),		-- a night shift overlapping the next morning
	('mon 09:00-09:00; tue 08:00-10:00'),		-- a 24-hour range overlapping the next morning
	('sat 22:00-08:00; sun 07:00-12:00'),		-- across the week's wrap, Saturday to Sunday
	('sun 22:00-09:00; mon 08:00-17:00')		-- Sunday's shift into Monday
) AS v(hours);

-- More than 48 ranges a day: 54000.  One clause of 49 ranges (the message repeats the whole text,
-- so only its start is shown) ...
SELECT left(pg_temp.try_hours('mon ' || string_agg(to_char(time '00:00' + i * interval '20 minutes', 'HH24:MI') || '-' ||
											to_char(time '00:10' + i * interval '20 minutes', 'HH24:MI'), ',' ORDER BY i)), 60)
FROM generate_series(0, 48) AS i;
-- ... and two clauses of 25 ranges each for Monday (the detail names the day).
SELECT regexp_replace(pg_temp.try_hours(
		'mon ' || string_agg(to_char(time '00:00' + i * interval '20 minutes', 'HH24:MI') || '-' ||
							 to_char(time '00:10' + i * interval '20 minutes', 'HH24:MI'), ',' ORDER BY i) FILTER (WHERE i < 25) ||
		'; mon ' || string_agg(to_char(time '00:00' + i * interval '20 minutes', 'HH24:MI') || '-' ||
							   to_char(time '00:10' + i * interval '20 minutes', 'HH24:MI'), ',' ORDER BY i) FILTER (WHERE i >= 25)),
	'"mon .*"', '"..."')
FROM generate_series(0, 49) AS i;

-- ---------------------------------------------------------------------------
-- Exception hours: time ranges only; null closes the date
SELECT hours, pg_temp.try_exc(n::int, hours) AS result
FROM (VALUES
	(0, '09:00-12:00'),
	(1, '08:00-12:00,13:00-17:00'),
	(20, '22:00-06:00'),			-- a Sunday: ends before Monday's 09:00
	(3, '00:00-24:00'),
	(4, ' closed '),
	(5, NULL),
	(6, 'mon 09:00-12:00'),			-- day names are not allowed
	(7, 'Friday 09:00-12:00'),
	(8, '24/7'),
	(9, ''),
	(10, '09:00-12:00,'),
	(11, '09:00-12:00 13:00-17:00'),
	(12, '09:00-12:00; 13:00-17:00'),
	(13, '24:00-02:00'),
	(14, '09:00-25:00'),
	(15, '09:00-12:00,11:00-13:00'),	-- overlapping within the date
	(16, '18:00-06:00,05:00-07:00')	-- the night range ends the next morning: no overlap
) AS v(n, hours);
DELETE FROM sla.calendar_exception WHERE calendar = 'ch_base';

-- An exception that overlaps its neighbours' hours is rejected on write, naming both dates:
-- Monday 2024-01-01 22:00-10:00 reaches Tuesday's 09:00.  So is new weekly hours that would
-- overlap an existing exception: with Monday 22:00-09:00 in place, Tuesday may not open at 08:00.
SELECT pg_temp.try($$INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('ch_base', '2024-01-01', '22:00-10:00')$$);
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('ch_base', '2024-01-01', '22:00-09:00');
SELECT pg_temp.try($$UPDATE sla.calendar SET hours = 'mon-fri 08:00-17:00' WHERE name = 'ch_base'$$);
SELECT pg_temp.try($$UPDATE sla.calendar_exception SET hours = '21:00-09:30' WHERE calendar = 'ch_base'$$);
-- Moving the exception to another date checks the new date without the old row: Tuesday
-- 2024-01-02 22:00 to Wednesday 09:00 touches Wednesday's opening.
SELECT pg_temp.try($$UPDATE sla.calendar_exception SET day = '2024-01-02' WHERE calendar = 'ch_base'$$);
-- Deleting an exception brings back the date's weekly hours, which must fit too.  Tuesday's weekly
-- hours get a night shift to 08:00; Tuesday 2024-01-02 is closed by exception, so Wednesday
-- 2024-01-03 may open at 07:00 by exception; deleting the Tuesday exception would bring back a
-- range running to Wednesday 08:00: 22023.  Deleting the Wednesday exception instead is fine.
UPDATE sla.calendar SET hours = 'mon-fri 09:00-17:00; tue 22:00-08:00' WHERE name = 'ch_base';
UPDATE sla.calendar_exception SET hours = NULL WHERE calendar = 'ch_base' AND day = '2024-01-02';
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('ch_base', '2024-01-03', '07:00-17:00');
SELECT pg_temp.try($$DELETE FROM sla.calendar_exception WHERE calendar = 'ch_base' AND day = '2024-01-02'$$);
SELECT pg_temp.try($$DELETE FROM sla.calendar_exception WHERE calendar = 'ch_base' AND day = '2024-01-03'$$);
UPDATE sla.calendar SET hours = 'mon-fri 09:00-17:00' WHERE name = 'ch_base';
DELETE FROM sla.calendar_exception WHERE calendar = 'ch_base';
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('ch_base', '2024-01-01', '22:00-09:00');
UPDATE sla.calendar_exception SET hours = '22:00-09:00' WHERE calendar = 'ch_base';
-- Touching is fine: Mon 22:00 to Tue 17:00 UTC is one period (Monday 2024-01-01 has only the exception).
SELECT pg_temp.week('ch_base');
DELETE FROM sla.calendar_exception WHERE calendar = 'ch_base';

-- ---------------------------------------------------------------------------
-- Time zones: names from pg_timezone_names only (22023 otherwise)
SELECT zone, pg_temp.try(format('INSERT INTO sla.calendar (name, time_zone, hours) VALUES (%L, %L, %L)',
								'ch_tz_' || n, zone, 'mon-fri 09:00-17:00')) AS result
FROM (VALUES (1, 'Europe/Berlin'), (2, 'europe/berlin'), (3, 'UTC'), (4, 'Etc/GMT+3'),
			 (5, 'America/New_York'), (6, 'PST'), (7, '+02'), (8, 'UTC+3'), (9, ''),
			 (10, 'Mars/Olympus'), (11, 'Europe/Berlin '), (12, '<+03>-3'), (13, 'CET-1CEST,M3.5.0,M10.5.0/3'))
	AS v(n, zone);
-- A time zone is required; the default is UTC.
SELECT pg_temp.try($$INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('ch_tz_null', NULL, '24/7')$$);
INSERT INTO sla.calendar (name, hours) VALUES ('ch_tz_default', '24/7');
SELECT time_zone FROM sla.calendar WHERE name = 'ch_tz_default';
-- A zone is checked on UPDATE too.
SELECT pg_temp.try($$UPDATE sla.calendar SET time_zone = 'CEST' WHERE name = 'ch_tz_1'$$);
-- 'europe/berlin' is Europe/Berlin: Monday 2024-01-08 09:00 CET is 08:00 UTC, 17:00 CET is 16:00 UTC,
-- and in July (CEST) 07:00 and 15:00 UTC.
SELECT sla.next_open('2024-01-08 00:00', 'ch_tz_2'), sla.next_close('2024-01-08 00:00', 'ch_tz_2');
SELECT sla.next_open('2024-07-08 00:00', 'ch_tz_2'), sla.next_close('2024-07-08 00:00', 'ch_tz_2');
-- Etc/GMT+3 is UTC-3 (POSIX sign): Monday 09:00 is 12:00 UTC.
SELECT sla.next_open('2024-01-08 00:00', 'ch_tz_4');

-- ---------------------------------------------------------------------------
-- Exception dates: finite, years 1 to 9999 (22008)
SELECT day, pg_temp.try(format('INSERT INTO sla.calendar_exception (calendar, day) VALUES (%L, %L)', 'ch_base', day)) AS result
FROM (VALUES ('infinity'), ('-infinity'), ('10000-01-01'), ('0001-12-31 BC'),
			 ('0001-01-01'), ('9999-12-31'), ('2024-02-29')) AS v(day);
-- An exception needs an existing calendar.
SELECT pg_temp.try($$INSERT INTO sla.calendar_exception (calendar, day) VALUES ('ch_nope', '2024-01-01')$$);

-- Calendar names: 1 to 127 bytes.
SELECT pg_temp.try($$INSERT INTO sla.calendar (name, hours) VALUES ('', '24/7')$$);
SELECT pg_temp.try(format('INSERT INTO sla.calendar (name, hours) VALUES (%L, %L)', 'ch_' || repeat('x', 125), '24/7'));
SELECT pg_temp.try(format('INSERT INTO sla.calendar (name, hours) VALUES (%L, %L)', 'ch_' || repeat('x', 124), '24/7'));
SELECT sla.business_elapsed('2024-01-01', '2024-01-02', 'ch_' || repeat('x', 124));
-- A longer name than any calendar can have does not exist (42704).
SELECT pg_temp.try(format('SELECT sla.is_open(%L, %L)', '2024-01-01', 'ch_' || repeat('x', 125)));

-- Moving an exception to another calendar gives the date left behind its weekly hours back:
-- ch_nights' Tuesday night 22:00-06:00 would overlap Wednesday's exception from 05:00 (22023).
-- A rename carries the exceptions along (ON UPDATE CASCADE) and checks nothing new.
INSERT INTO sla.calendar (name, hours) VALUES ('ch_nights', 'mon-fri 22:00-06:00'), ('ch_days', 'mon-fri 09:00-17:00');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES
	('ch_nights', '2024-01-02', NULL), ('ch_nights', '2024-01-03', '05:00-12:00');
SELECT pg_temp.try($$UPDATE sla.calendar_exception SET calendar = 'ch_days' WHERE calendar = 'ch_nights' AND day = '2024-01-02'$$);
UPDATE sla.calendar SET name = 'ch_nights2' WHERE name = 'ch_nights';
SELECT calendar, day, hours FROM sla.calendar_exception WHERE calendar LIKE 'ch\_night%' ORDER BY day;

DELETE FROM sla.calendar WHERE name LIKE 'ch\_%';
SELECT count(*) FROM sla.calendar_exception WHERE calendar LIKE 'ch\_%';
