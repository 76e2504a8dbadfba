-- Documented calendar forms (docs/calendars.md): day ranges that wrap round the week (tue-mon is the
-- whole week, mon-mon is Monday alone), time zone names with digits or a leading colon, and the 48
-- ranges a dated exception may have.  Calendars of this file are named cf_*.
-- January 2024: Mon 8, Tue 9, Wed 10, Thu 11, Fri 12, Sat 13, Sun 14, Mon 15.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

-- ---------------------------------------------------------------------------
-- Day ranges run forward from their first day to their last and may wrap round the week.
INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('cf_tue_mon', 'UTC', 'tue-mon 09:00-10:00'),
	('cf_mon_mon', 'UTC', 'mon-mon 09:00-10:00'),
	('cf_fri_mon', 'UTC', 'fri-mon 09:00-10:00'),
	('cf_long', 'UTC', 'Tuesday-Monday 11:00-12:00; monday-monday 13:00-14:00');
-- the local dates of the open periods of one week, as weekday names
CREATE FUNCTION pg_temp.week(cal text) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(to_char(lower(r), 'Dy HH24:MI') || '-' || to_char(upper(r), 'HH24:MI'), ', ' ORDER BY r)
	FROM unnest(sla.open_periods(cal, '[2024-01-08, 2024-01-15)')) r
$$;
SELECT name, hours, pg_temp.week(name) FROM sla.calendar WHERE name LIKE 'cf\_%' ORDER BY name;
-- tue-mon: every day, so 7 open hours a week, and Monday + 1 day is Tuesday
SELECT sla.business_elapsed('2024-01-08', '2024-01-15', 'cf_tue_mon') AS tue_mon_week,
	   sla.business_elapsed('2024-01-08', '2024-01-15', 'cf_mon_mon') AS mon_mon_week,
	   sla.business_add('2024-01-08 09:30', '1 day', 'cf_tue_mon') AS tue_mon_next_day,
	   sla.business_add('2024-01-08 09:30', '1 day', 'cf_mon_mon') AS mon_mon_next_day;

-- ---------------------------------------------------------------------------
-- Time zones.  Names pg_timezone_names lists are accepted even with digits (EST5EDT, Etc/GMT-3);
-- a leading colon is rejected with 22023, as are names with spaces around them.
SELECT name, (SELECT count(*) FROM pg_timezone_names WHERE pg_timezone_names.name = z.name) AS listed
FROM (VALUES ('EST5EDT'), ('Etc/GMT-3'), (':Europe/Berlin')) AS z(name);
SELECT zone, sla_test.try(format('INSERT INTO sla.calendar (name, time_zone, hours) VALUES (%L, %L, %L)',
								 'cf_tz_' || n, zone, 'mon-fri 09:00-17:00')) AS result
FROM (VALUES (1, 'EST5EDT'), (2, 'Etc/GMT-3'), (3, ':Europe/Berlin'), (4, ':UTC'), (5, ' EST5EDT'))
	AS v(n, zone);
SELECT sla_test.try($$UPDATE sla.calendar SET time_zone = ':Europe/Berlin' WHERE name = 'cf_tz_1'$$);
SELECT name, time_zone FROM sla.calendar WHERE name LIKE 'cf\_tz\_%' ORDER BY name;
-- EST5EDT follows the US rules: 09:00 is 14:00 UTC in January, 13:00 UTC in July; the change days
-- of 2024 (10 March, 3 November) are 23 and 25 hours long.
SELECT sla.next_open('2024-01-08 00:00', 'cf_tz_1') AS january, sla.next_open('2024-07-08 00:00', 'cf_tz_1') AS july;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('cf_est5edt_247', 'EST5EDT', '24/7'), ('cf_gmt_247', 'Etc/GMT-3', '24/7');
SELECT sla.business_elapsed(('2024-03-10'::date + time '00:00') AT TIME ZONE 'EST5EDT',
							('2024-03-11'::date + time '00:00') AT TIME ZONE 'EST5EDT', 'cf_est5edt_247') AS march_10,
	   sla.business_elapsed(('2024-11-03'::date + time '00:00') AT TIME ZONE 'EST5EDT',
							('2024-11-04'::date + time '00:00') AT TIME ZONE 'EST5EDT', 'cf_est5edt_247') AS november_3;
-- Etc/GMT-3 is UTC+3 (POSIX sign) all year, without DST: 09:00 is 06:00 UTC, every day 24 hours.
SELECT sla.next_open('2024-01-08 00:00', 'cf_tz_2') AS january, sla.next_open('2024-07-08 00:00', 'cf_tz_2') AS july,
	   sla.next_close('2024-07-08 00:00', 'cf_tz_2') AS july_close;
SELECT sla.business_elapsed('2024-03-30 21:00', '2024-04-01 21:00', 'cf_gmt_247') AS two_days_around_eu_change,
	   sla.business_add('2024-10-26 21:00', '1 day', 'cf_gmt_247') AS plus_1_day;

-- ---------------------------------------------------------------------------
-- A dated exception may have 48 ranges; more raise 54000, on INSERT and UPDATE.
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('cf_exc', 'UTC', 'mon-fri 09:00-17:00');
CREATE FUNCTION pg_temp.ranges(n int) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(to_char(time '00:00' + i * interval '20 minutes', 'HH24:MI') || '-' ||
					  to_char(time '00:10' + i * interval '20 minutes', 'HH24:MI'), ',' ORDER BY i)
	FROM generate_series(0, n - 1) AS i
$$;
SELECT sla_test.try(format('INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES (%L, %L, %L)',
						   'cf_exc', '2024-01-13', pg_temp.ranges(48))) AS ranges_48;
SELECT sla.business_elapsed('2024-01-13', '2024-01-14', 'cf_exc') AS saturday_48_ranges,
	   cardinality(ARRAY(SELECT unnest(sla.open_periods('cf_exc', '[2024-01-13, 2024-01-14)')))) AS periods;
-- the message repeats the whole text, so only its start is shown
SELECT left(sla_test.try(format('INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES (%L, %L, %L)',
								'cf_exc', '2024-01-14', pg_temp.ranges(49))), 60) AS ranges_49;
SELECT left(sla_test.try(format('UPDATE sla.calendar_exception SET hours = %L WHERE calendar = %L AND day = %L',
								pg_temp.ranges(49), 'cf_exc', '2024-01-13')), 60) AS update_to_49;
SELECT left(sla_test.try(format('INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES (%L, %L, %L)',
								'cf_exc', '2024-01-14', pg_temp.ranges(60))), 60) AS ranges_60;
SELECT day, length(hours) FROM sla.calendar_exception WHERE calendar = 'cf_exc' ORDER BY day;

DELETE FROM sla.calendar WHERE name LIKE 'cf\_%';
