-- Calendar of the writers benchmark: weekdays in Berlin, and exceptions on
-- the 14 days the writers change (every other day a half day).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS sla;
DELETE FROM sla.calendar WHERE name = 'bench_writers';
INSERT INTO sla.calendar (name, time_zone, hours)
	VALUES ('bench_writers', 'Europe/Berlin', 'mon-fri 09:00-17:00');
INSERT INTO sla.calendar_exception (calendar, day, hours, reason)
	SELECT 'bench_writers', date '2024-06-03' + i, '09:00-13:00', 'setup'
	FROM generate_series(0, 13, 2) AS i;
