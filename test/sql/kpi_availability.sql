-- sla.availability: 100 * (1 - open time of the union of outages within the
-- period / open time of the period), against a hand-computed dataset
SET timezone = 'UTC';
INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('kpi_office', 'UTC', 'mon-fri 09:00-17:00'),
	('kpi_always', 'UTC', '24/7'),
	('kpi_berlin', 'Europe/Berlin', 'mon-fri 09:00-17:00');

-- weeks of January 2024 (Mon 1st): each has 5 x 8 = 40 open hours
CREATE TEMP TABLE periods (name text, period tstzrange);
INSERT INTO periods VALUES
	('week 1', '[2024-01-01, 2024-01-08)'), ('week 2', '[2024-01-08, 2024-01-15)'),
	('week 3', '[2024-01-15, 2024-01-22)');
CREATE TEMP TABLE outages (id int, outage tstzrange);
INSERT INTO outages VALUES
	-- week 1: 08:00-10:00 and 09:30-11:00 Tuesday overlap: 09:00-11:00 open = 2 h
	(1, '[2024-01-02 08:00, 2024-01-02 10:00)'), (2, '[2024-01-02 09:30, 2024-01-02 11:00)'),
	-- week 1: Saturday: no open time
	(3, '[2024-01-06 00:00, 2024-01-07 00:00)'),
	-- week 1: inside outage 1 entirely: nothing more
	(4, '[2024-01-02 09:10, 2024-01-02 09:20)'),
	-- week 2: Friday 16:00 to Monday (week 3) 10:00: 1 h in week 2, 1 h in week 3
	(5, '[2024-01-12 16:00, 2024-01-15 10:00)'),
	-- week 2: touching outages 12:00-13:00 and 13:00-14:00 Wednesday: 2 h
	(6, '[2024-01-10 12:00, 2024-01-10 13:00)'), (7, '[2024-01-10 13:00, 2024-01-10 14:00)'),
	-- an empty range and a NULL are no outage
	(8, 'empty'), (9, NULL);
-- week 1: 1 - 2/40 = 95; week 2: 1 - 3/40 = 92.5; week 3: 1 - 1/40 = 97.5
SELECT p.name, sla.availability(o.outage, p.period, 'kpi_office')
FROM periods p LEFT JOIN outages o ON o.outage && p.period
GROUP BY p.name, p.period ORDER BY p.name;
-- a period without outages gives 100 through the LEFT JOIN's NULL
SELECT sla.availability(o.outage, '[2024-02-05, 2024-02-12)', 'kpi_office')
FROM (VALUES (1)) x LEFT JOIN outages o ON o.outage && '[2024-02-05, 2024-02-12)';
-- the same outages on a 24/7 calendar: week 1: 1 - (3 h + 24 h) / 168 h
SELECT p.name, sla.availability(o.outage, p.period, 'kpi_always')
FROM periods p LEFT JOIN outages o ON o.outage && p.period
GROUP BY p.name, p.period ORDER BY p.name;
SELECT 100 * (1 - 27 / 168.0) AS hand_computed_week1;
-- outages are clipped to the period: all outages against week 2 only
SELECT sla.availability(outage, '[2024-01-08, 2024-01-15)', 'kpi_office') FROM outages;
-- unbounded outages are clipped too: a whole week down
SELECT sla.availability(o, '[2024-01-08, 2024-01-15)', 'kpi_office') FROM (VALUES (tstzrange(NULL, NULL))) v(o);
SELECT sla.availability(o, '[2024-01-08, 2024-01-15)', 'kpi_office') FROM (VALUES (tstzrange('2024-01-12 16:00', NULL))) v(o);
-- bounds' inclusivity does not matter
SELECT sla.availability(o, '(2024-01-08, 2024-01-15]', 'kpi_office') FROM (VALUES (tstzrange('2024-01-10 12:00', '2024-01-10 13:00', '[]'))) v(o);
-- open hours in the calendar's time zone: 09:00-17:00 Berlin is 08:00-16:00 UTC in winter
SELECT sla.availability(o, '[2024-01-08, 2024-01-15)', 'kpi_berlin') FROM (VALUES (tstzrange('2024-01-10 15:00', '2024-01-10 17:00'))) v(o);
-- a period without open time, an empty period, no rows: NULL, never 100 or NaN
SELECT sla.availability(NULL, '[2024-01-06, 2024-01-08)', 'kpi_office') IS NULL AS weekend;
SELECT sla.availability(NULL, 'empty', 'kpi_office') IS NULL AS empty_period;
SELECT sla.availability(outage, '[2024-01-08, 2024-01-15)', 'kpi_office') IS NULL AS no_rows FROM outages WHERE false;
SELECT sla.availability(outage, NULL, 'kpi_office') IS NULL AS null_period FROM outages;
-- one period and calendar per group: 22023
SELECT sla.availability(o.outage, p.period, 'kpi_office') FROM periods p LEFT JOIN outages o ON o.outage && p.period;
SELECT sla_test.try($$SELECT sla.availability(NULL, p, c) FROM (VALUES ('[2024-01-08, 2024-01-15)'::tstzrange, 'kpi_office'), ('[2024-01-08, 2024-01-15)', 'kpi_always')) v(p, c)$$);
-- unbounded or infinite periods: 22008; unknown calendar: 42704
SELECT sla_test.try($$SELECT sla.availability(NULL, '[2024-01-08,)', 'kpi_office')$$);
SELECT sla_test.try($$SELECT sla.availability(NULL, '[2024-01-08, infinity)', 'kpi_office')$$);
SELECT sla_test.try($$SELECT sla.availability(NULL, '[2024-01-08, 2024-01-15)', 'nowhere')$$);
-- a calendar change is seen by the next statement
UPDATE sla.calendar SET hours = 'mon-fri 10:00-17:00' WHERE name = 'kpi_office';
SELECT p.name, sla.availability(o.outage, p.period, 'kpi_office')
FROM periods p LEFT JOIN outages o ON o.outage && p.period
WHERE p.name = 'week 1' GROUP BY p.name, p.period;
SELECT 100 * (1 - 1 / 35.0) AS hand_computed;
DELETE FROM sla.calendar WHERE name LIKE 'kpi\_%';
