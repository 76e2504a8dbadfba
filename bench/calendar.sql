-- bench/calendar.sql: the benchmark calendars (run by setup.sql and policy_setup.sql).
-- de_office: mon-fri 09:00-17:00 Europe/Berlin minus the German national
-- holidays 2024-2026; always: 24/7 Europe/Berlin.
\set ON_ERROR_STOP on
DELETE FROM sla.calendar WHERE name IN ('de_office', 'always');
INSERT INTO sla.calendar (name, time_zone, hours, comment) VALUES
	('de_office', 'Europe/Berlin', 'mon-fri 09:00-17:00', 'benchmark: office hours, German national holidays'),
	('always', 'Europe/Berlin', '24/7', 'benchmark: 24/7');

-- German national holidays 2024-2026, from the Easter Sundays.
INSERT INTO sla.calendar_exception (calendar, day, hours, reason)
SELECT 'de_office', day, NULL, reason
FROM (VALUES (date '2024-03-31'), (date '2025-04-20'), (date '2026-04-05')) AS e(easter)
CROSS JOIN LATERAL (VALUES
	(make_date(extract(year FROM easter)::int, 1, 1), 'New Year'),
	(easter - 2, 'Good Friday'),
	(easter + 1, 'Easter Monday'),
	(make_date(extract(year FROM easter)::int, 5, 1), 'Labour Day'),
	(easter + 39, 'Ascension Day'),
	(easter + 50, 'Whit Monday'),
	(make_date(extract(year FROM easter)::int, 10, 3), 'German Unity Day'),
	(make_date(extract(year FROM easter)::int, 12, 25), 'Christmas Day'),
	(make_date(extract(year FROM easter)::int, 12, 26), 'Boxing Day')) AS h(day, reason);
