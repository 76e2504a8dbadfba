-- Daylight-saving time (docs/semantics.md, "Local hours become instants as `AT TIME ZONE` does"):
-- local wall-clock times become instants exactly as "(date + time) AT TIME ZONE zone" does; a
-- 24/7 calendar loses no minute at midnight or at a DST change.  Calendars of this file are
-- named dst_*.  Timestamps print in UTC.
--
-- 2024 changes: Europe/Berlin 31 Mar 02:00 CET -> 03:00 CEST (01:00 UTC) and 27 Oct 03:00 CEST
-- -> 02:00 CET (01:00 UTC); America/New_York 10 Mar 02:00 EST -> 03:00 EDT (07:00 UTC) and 3 Nov
-- 02:00 EDT -> 01:00 EST (06:00 UTC); Australia/Lord_Howe 7 Apr 02:00 (+11) -> 01:30 (+10:30)
-- and 6 Oct 02:00 (+10:30) -> 02:30 (+11); Asia/Kolkata +05:30 all year.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

-- Local date + time in zone z, as AT TIME ZONE converts it.
CREATE FUNCTION pg_temp.at(d date, t time, z text) RETURNS timestamptz
LANGUAGE sql AS $$ SELECT (d + t) AT TIME ZONE z $$;
-- Open time of calendar cal over local date d of zone z (midnight to midnight).
CREATE FUNCTION pg_temp.day_open(cal text, d date, z text) RETURNS sla.business_interval
LANGUAGE sql AS $$ SELECT sla.business_elapsed((d + time '00:00') AT TIME ZONE z, ((d + 1) + time '00:00') AT TIME ZONE z, cal) $$;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('dst_ber_247',    'Europe/Berlin',       '24/7'),
	('dst_ny_247',     'America/New_York',    '24/7'),
	('dst_lh_247',     'Australia/Lord_Howe', '24/7'),
	('dst_kol_247',    'Asia/Kolkata',        '24/7'),
	('dst_tokyo_247',  'Asia/Tokyo',          '24/7'),
	('dst_ber_office', 'Europe/Berlin',       'mon-fri 09:00-17:00'),
	('dst_ny_office',  'America/New_York',    'mon-fri 09:00-17:00'),
	('dst_ber_gap',    'Europe/Berlin',       'sun 02:30-04:00'),
	('dst_ber_rev',    'Europe/Berlin',       'sun 02:30-03:15'),
	('dst_ber_early',  'Europe/Berlin',       'sun 01:00-02:30'),
	('dst_ber_night',  'Europe/Berlin',       'sat 22:00-06:00'),
	('dst_ny_night',   'America/New_York',    'sat 22:00-06:00'),
	('dst_lh_gap',     'Australia/Lord_Howe', 'sun 02:15-03:00');

-- ---------------------------------------------------------------------------
-- 24/7: the open time of a local day is its length
SELECT pg_temp.day_open('dst_ber_247', '2024-03-31', 'Europe/Berlin') AS ber_spring,	-- 23 h
	   pg_temp.day_open('dst_ber_247', '2024-10-27', 'Europe/Berlin') AS ber_fall,		-- 25 h
	   pg_temp.day_open('dst_ber_247', '2024-01-15', 'Europe/Berlin') AS ber_plain;		-- 24 h
SELECT pg_temp.day_open('dst_ny_247', '2024-03-10', 'America/New_York') AS ny_spring,	-- 23 h
	   pg_temp.day_open('dst_ny_247', '2024-11-03', 'America/New_York') AS ny_fall,		-- 25 h
	   pg_temp.day_open('dst_ny_247', '2024-07-04', 'America/New_York') AS ny_plain;	-- 24 h
-- Lord Howe shifts by 30 minutes: 24.5 h when it ends (April), 23.5 h when it starts (October).
SELECT pg_temp.day_open('dst_lh_247', '2024-04-07', 'Australia/Lord_Howe') AS lh_april,
	   pg_temp.day_open('dst_lh_247', '2024-10-06', 'Australia/Lord_Howe') AS lh_october,
	   pg_temp.day_open('dst_lh_247', '2024-10-13', 'Australia/Lord_Howe') AS lh_plain;
-- Kolkata and Tokyo have no DST.
SELECT pg_temp.day_open('dst_kol_247', '2024-03-31', 'Asia/Kolkata') AS kolkata,
	   pg_temp.day_open('dst_tokyo_247', '2024-10-27', 'Asia/Tokyo') AS tokyo;
-- Historical rules, not today's: New York's DST ended on 29 October in 2006 (last Sunday of
-- October), on the first Sunday of November from 2007.
SELECT pg_temp.day_open('dst_ny_247', '2006-10-29', 'America/New_York') AS ny_2006_oct_29,	-- 25 h
	   pg_temp.day_open('dst_ny_247', '2006-11-05', 'America/New_York') AS ny_2006_nov_5;	-- 24 h
-- The whole of 2024 in Berlin: 366 days, the two changes cancel out: 8784 h.
SELECT sla.business_elapsed(pg_temp.at('2024-01-01', '00:00', 'Europe/Berlin'),
							pg_temp.at('2025-01-01', '00:00', 'Europe/Berlin'), 'dst_ber_247');

-- No minute missing at midnight or at the change: open at local midnight, at the instants
-- around the change, and never closing.
SELECT sla.is_open(pg_temp.at('2024-03-31', '00:00', 'Europe/Berlin'), 'dst_ber_247') AS midnight_spring,
	   sla.is_open(pg_temp.at('2024-10-27', '00:00', 'Europe/Berlin'), 'dst_ber_247') AS midnight_fall,
	   sla.is_open(pg_temp.at('2024-01-16', '00:00', 'Europe/Berlin'), 'dst_ber_247') AS midnight_plain,
	   sla.is_open('2024-03-31 00:59:59.999999+00', 'dst_ber_247') AS before_change,
	   sla.is_open('2024-03-31 01:00:00+00', 'dst_ber_247') AS at_change,
	   sla.is_open(pg_temp.at('2024-04-07', '00:00', 'Asia/Kolkata'), 'dst_kol_247') AS kolkata_midnight;
SELECT sla.next_close('2024-03-30 12:00+00', 'dst_ber_247') AS ber, sla.next_close('2024-11-03 05:30+00', 'dst_ny_247') AS ny,
	   sla.next_close('2024-04-06 15:00+00', 'dst_lh_247') AS lh, sla.next_open('2024-03-31 01:00+00', 'dst_ber_247') AS open_itself;
SELECT sla.open_periods('dst_ber_247', '[2024-03-30 00:00+00, 2024-04-02 00:00+00)');
SELECT sla.open_periods('dst_ny_247', '[2024-11-02 00:00+00, 2024-11-05 00:00+00)');

-- business_add on 24/7 is plain elapsed time: Berlin's Sunday 2024-03-31 00:00 (23:00 UTC Sat)
-- + 24 h = Sunday 23:00 UTC = Monday 01:00 CEST; and over the fall-back day, 25 h later is midnight.
SELECT sla.business_add(pg_temp.at('2024-03-31', '00:00', 'Europe/Berlin'), '24 hours', 'dst_ber_247');
SELECT sla.business_add(pg_temp.at('2024-10-27', '00:00', 'Europe/Berlin'), '25 hours', 'dst_ber_247')
	= pg_temp.at('2024-10-28', '00:00', 'Europe/Berlin') AS next_midnight;
SELECT sla.business_add(pg_temp.at('2024-04-07', '00:00', 'Australia/Lord_Howe'), '24:30:00', 'dst_lh_247')
	= pg_temp.at('2024-04-08', '00:00', 'Australia/Lord_Howe') AS lord_howe_midnight;

-- ---------------------------------------------------------------------------
-- Office hours across DST: 09:00-17:00 local, 8 h a day whatever the offset.
-- Fri 2024-03-29 16:00 CET (15:00 UTC) + 2 h: 1 h Friday, Mon 2024-04-01 10:00 CEST = 08:00 UTC.
SELECT sla.business_add(pg_temp.at('2024-03-29', '16:00', 'Europe/Berlin'), '2 hours', 'dst_ber_office');
SELECT sla.business_add(pg_temp.at('2024-03-29', '16:00', 'Europe/Berlin'), '2 hours', 'dst_ber_office')
	= pg_temp.at('2024-04-01', '10:00', 'Europe/Berlin') AS agrees;
-- Fri 2024-10-25 16:00 CEST + 2 h = Mon 2024-10-28 10:00 CET = 09:00 UTC.
SELECT sla.business_add(pg_temp.at('2024-10-25', '16:00', 'Europe/Berlin'), '2 hours', 'dst_ber_office');
-- New York: Fri 2024-03-08 16:00 EST + 2 h = Mon 03-11 10:00 EDT = 14:00 UTC;
-- Fri 2024-11-01 16:00 EDT + 2 h = Mon 11-04 10:00 EST = 15:00 UTC.
SELECT sla.business_add(pg_temp.at('2024-03-08', '16:00', 'America/New_York'), '2 hours', 'dst_ny_office'),
	   sla.business_add(pg_temp.at('2024-11-01', '16:00', 'America/New_York'), '2 hours', 'dst_ny_office');
-- Backward over the change: Mon 2024-04-01 10:00 CEST - 2 h = Fri 03-29 16:00 CET = 15:00 UTC.
SELECT sla.business_add(pg_temp.at('2024-04-01', '10:00', 'Europe/Berlin'), '-2 hours', 'dst_ber_office');
-- A week around each change still has 40 h.
SELECT sla.business_elapsed(pg_temp.at('2024-03-25', '00:00', 'Europe/Berlin'), pg_temp.at('2024-04-01', '00:00', 'Europe/Berlin'), 'dst_ber_office') AS spring_week,
	   sla.business_elapsed(pg_temp.at('2024-10-28', '00:00', 'Europe/Berlin'), pg_temp.at('2024-11-04', '00:00', 'Europe/Berlin'), 'dst_ber_office') AS fall_week;
-- Every opening and closing in March-April 2024 equals AT TIME ZONE of the local date and time.
SELECT count(*) AS periods,
	   count(*) FILTER (WHERE lower(r) = pg_temp.at((lower(r) AT TIME ZONE 'Europe/Berlin')::date, '09:00', 'Europe/Berlin')
						  AND upper(r) = pg_temp.at((lower(r) AT TIME ZONE 'Europe/Berlin')::date, '17:00', 'Europe/Berlin')) AS agree
FROM unnest(sla.open_periods('dst_ber_office', '[2024-03-01, 2024-05-01)')) AS r;
-- Historical offsets: West Germany had no DST from 1950 to 1979.  Tue 1975-07-01 16:00 CET + 2 h
-- = Wed 1975-07-02 10:00 CET = 09:00 UTC (not 08:00, as today's summer offset would give).
SELECT sla.business_add(pg_temp.at('1975-07-01', '16:00', 'Europe/Berlin'), '2 hours', 'dst_ber_office');
SELECT sla.next_open('1975-07-02 00:00+00', 'dst_ber_office') = pg_temp.at('1975-07-02', '09:00', 'Europe/Berlin') AS agrees;

-- ---------------------------------------------------------------------------
-- Range boundaries inside a DST gap or overlap
-- 'sun 02:30-04:00' in Berlin.  Spring-forward Sunday: 02:30 does not exist and takes the offset
-- before the change (+01), 01:30 UTC; 04:00 CEST is 02:00 UTC: 30 minutes open.
SELECT sla.open_periods('dst_ber_gap', '[2024-03-31 00:00+00, 2024-04-01 00:00+00)');
SELECT sla.next_open('2024-03-30 00:00+00', 'dst_ber_gap') = pg_temp.at('2024-03-31', '02:30', 'Europe/Berlin') AS agrees,
	   pg_temp.at('2024-03-31', '02:30', 'Europe/Berlin') AS at_time_zone;
SELECT pg_temp.day_open('dst_ber_gap', '2024-03-31', 'Europe/Berlin') AS spring_sunday;
-- Fall-back Sunday: 02:30 happens twice and takes the standard offset (+01), 01:30 UTC;
-- 04:00 CET is 03:00 UTC: 90 minutes.
SELECT sla.open_periods('dst_ber_gap', '[2024-10-27 00:00+00, 2024-10-28 00:00+00)');
SELECT sla.next_open('2024-10-26 00:00+00', 'dst_ber_gap') = pg_temp.at('2024-10-27', '02:30', 'Europe/Berlin') AS agrees;
SELECT sla.is_open('2024-10-27 00:30+00', 'dst_ber_gap') AS first_0230_is_closed,
	   sla.is_open('2024-10-27 01:30+00', 'dst_ber_gap') AS second_0230_is_open;
-- Ordinary Sundays: 90 minutes, in winter and in summer.
SELECT pg_temp.day_open('dst_ber_gap', '2024-03-24', 'Europe/Berlin') AS winter,
	   pg_temp.day_open('dst_ber_gap', '2024-07-07', 'Europe/Berlin') AS summer;
-- 'sun 02:30-03:15' on the spring-forward Sunday: 02:30 -> 01:30 UTC, 03:15 CEST -> 01:15 UTC, a
-- reversed range, so nothing is open that day; on other Sundays 45 minutes.
SELECT pg_temp.day_open('dst_ber_rev', '2024-03-31', 'Europe/Berlin') AS spring_sunday,
	   pg_temp.day_open('dst_ber_rev', '2024-03-24', 'Europe/Berlin') AS other_sunday;
SELECT sla.open_periods('dst_ber_rev', '[2024-03-30 00:00+00, 2024-04-01 00:00+00)');
SELECT sla.next_open('2024-03-30 00:00+00', 'dst_ber_rev') = pg_temp.at('2024-04-07', '02:30', 'Europe/Berlin') AS skips_to_next_sunday;
-- 'sun 01:00-02:30' on the fall-back Sunday: 01:00 CEST is 23:00 UTC Saturday, 02:30 (standard)
-- is 01:30 UTC: 2.5 h; on the spring-forward Sunday 01:00 CET = 00:00 UTC to 01:30 UTC: 1.5 h.
SELECT pg_temp.day_open('dst_ber_early', '2024-10-27', 'Europe/Berlin') AS fall_sunday,
	   pg_temp.day_open('dst_ber_early', '2024-03-31', 'Europe/Berlin') AS spring_sunday;
SELECT sla.open_periods('dst_ber_early', '[2024-10-26 00:00+00, 2024-10-28 00:00+00)');
-- Lord Howe 'sun 02:15-03:00' on 2024-10-06: 02:15 is in the 30-minute gap and takes +10:30,
-- 15:45 UTC on the 5th; 03:00 (+11) is 16:00 UTC: 15 minutes.
SELECT sla.open_periods('dst_lh_gap', '[2024-10-05 00:00+00, 2024-10-07 00:00+00)');
SELECT sla.next_open('2024-10-04 00:00+00', 'dst_lh_gap') = pg_temp.at('2024-10-06', '02:15', 'Australia/Lord_Howe') AS agrees;

-- ---------------------------------------------------------------------------
-- Night shifts across DST: 'sat 22:00-06:00'
-- Berlin spring: Sat 22:00 CET (21:00 UTC) to Sun 06:00 CEST (04:00 UTC): 7 h.
-- Berlin fall:   Sat 22:00 CEST (20:00 UTC) to Sun 06:00 CET (05:00 UTC): 9 h.
SELECT sla.open_periods('dst_ber_night', '[2024-03-30 00:00+00, 2024-04-01 00:00+00)') AS spring,
	   sla.open_periods('dst_ber_night', '[2024-10-26 00:00+00, 2024-10-28 00:00+00)') AS fall;
-- The whole spring shift is 7 h: 7 h from its start ends exactly at its close; one µs more goes
-- to the next Saturday's shift, 22:00 CEST = 2024-04-06 20:00 UTC, + 1 µs.
SELECT sla.business_add(pg_temp.at('2024-03-30', '22:00', 'Europe/Berlin'), '7 hours', 'dst_ber_night') AS seven,
	   sla.business_add(pg_temp.at('2024-03-30', '22:00', 'Europe/Berlin'), '07:00:00.000001', 'dst_ber_night') AS seven_and_1us;
SELECT sla.next_close(pg_temp.at('2024-10-26', '23:00', 'Europe/Berlin'), 'dst_ber_night') = pg_temp.at('2024-10-27', '06:00', 'Europe/Berlin') AS agrees;
-- New York spring: Sat 2024-03-09 22:00 EST (03:00 UTC Sun) to Sun 06:00 EDT (10:00 UTC): 7 h;
-- fall: Sat 2024-11-02 22:00 EDT (02:00 UTC Sun) to Sun 06:00 EST (11:00 UTC): 9 h.
SELECT sla.business_elapsed('2024-03-09 00:00+00', '2024-03-11 00:00+00', 'dst_ny_night') AS spring,
	   sla.business_elapsed('2024-11-02 00:00+00', '2024-11-04 00:00+00', 'dst_ny_night') AS fall;

-- ---------------------------------------------------------------------------
-- The session time zone changes nothing.
SET TimeZone = 'Asia/Tokyo';
SELECT pg_temp.day_open('dst_ber_247', '2024-03-31', 'Europe/Berlin') AS ber_spring,
	   sla.business_add('2024-03-29 15:00+00', '2 hours', 'dst_ber_office') = '2024-04-01 08:00+00' AS office,
	   sla.business_add('2024-03-30 11:00+00', '1 day', 'dst_ber_247') = '2024-03-31 11:00+00' AS one_day,
	   sla.next_open('2024-03-30 00:00+00', 'dst_ber_gap') = '2024-03-31 01:30+00' AS gap;
SET TimeZone = 'Pacific/Kiritimati';
SELECT pg_temp.day_open('dst_ny_247', '2024-11-03', 'America/New_York') AS ny_fall,
	   sla.business_add('2024-03-29 15:00+00', '2 hours', 'dst_ber_office') = '2024-04-01 08:00+00' AS office,
	   sla.business_add('2024-03-30 11:00+00', '1 day', 'dst_ber_247') = '2024-03-31 11:00+00' AS one_day;
SET TimeZone = 'UTC';

DELETE FROM sla.calendar WHERE name LIKE 'dst\_%';
