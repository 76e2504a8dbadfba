-- bench/setup.sql: extension, calendars, holidays and 1M tickets for bench/run.sh.
-- Everything lives in schema "bench" except the calendar rows (sla.calendar*).
-- psql variables: rows (tickets), sample (rows for the slow peers).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET jit = off;

CREATE EXTENSION IF NOT EXISTS sla;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;

\ir calendar.sql

-- Working days 2024-2026 (for tickets opened in working hours).
CREATE TABLE bench.workday AS
SELECT d::date AS day
FROM generate_series(date '2024-01-01', date '2026-12-31', interval '1 day') AS d
WHERE extract(isodow FROM d) < 6
  AND d::date NOT IN (SELECT day FROM sla.calendar_exception WHERE calendar = 'de_office');

-- Tickets: 1% on boundaries, the rest half uniform over 2024-2026 (nights,
-- weekends, holidays), half inside working hours; resolved up to 45 days later.
SELECT setseed(0.42) AS seed \gset
CREATE TABLE bench.ticket (id int PRIMARY KEY, opened_at timestamptz NOT NULL, resolved_at timestamptz NOT NULL);
WITH w AS (SELECT array_agg(day ORDER BY day) AS days FROM bench.workday),
t AS (
	SELECT i,
		CASE
		WHEN i % 100 = 0 THEN	-- boundary: a random date at 00:00, 09:00, 13:00, 16:59:59 or 17:00
			(date '2024-01-01' + floor(random() * 1096)::int
			 + (ARRAY[time '00:00', '09:00', '13:00', '16:59:59', '17:00'])[1 + floor(random() * 5)::int])
			AT TIME ZONE 'Europe/Berlin'
		WHEN i % 2 = 0 THEN		-- uniform
			timestamptz '2024-01-01 00:00 Europe/Berlin'
			+ random() * (timestamptz '2027-01-01 00:00 Europe/Berlin' - timestamptz '2024-01-01 00:00 Europe/Berlin')
		ELSE					-- inside working hours, to the microsecond
			(w.days[1 + floor(random() * cardinality(w.days))::int]
			 + time '09:00' + random() * interval '8 hours')
			AT TIME ZONE 'Europe/Berlin'
		END AS opened_at
	FROM w, generate_series(1, :rows) AS i
)
INSERT INTO bench.ticket
SELECT i, opened_at, opened_at + random() * interval '45 days' FROM t;
VACUUM ANALYZE bench.ticket;

-- The sample the slow peers run on: the first rows, same mix as the whole.
CREATE TABLE bench.sample AS SELECT * FROM bench.ticket WHERE id <= :sample;
CREATE TABLE bench.tiny AS SELECT * FROM bench.ticket WHERE id <= 100;
VACUUM ANALYZE bench.sample;
VACUUM ANALYZE bench.tiny;

SELECT count(*) AS tickets,
	round(100.0 * count(*) FILTER (WHERE sla.is_open(opened_at, 'de_office')) / count(*), 1) AS pct_opened_in_hours,
	min(opened_at) AS first_opened, max(opened_at) AS last_opened,
	(SELECT count(*) FROM sla.calendar_exception WHERE calendar = 'de_office') AS holidays
FROM bench.ticket;
