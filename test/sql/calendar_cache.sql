-- A calendar change is seen by the next statement of the same session, also
-- inside a transaction and by parallel workers; a rollback undoes it.
-- (Other sessions: test/isolation/specs/calendar_cache.spec.)
SET timezone = 'UTC';
INSERT INTO sla.calendar (name, time_zone, hours)
	VALUES ('cc_office', 'Europe/Berlin', 'mon-fri 09:00-17:00');

-- Thursday 24 December 2026 16:00 Berlin + 2 h: Friday 10:00 Berlin
SELECT sla.business_add('2026-12-24 15:00+00', '2 hours', 'cc_office');
INSERT INTO sla.calendar_exception (calendar, day, hours, reason)
	VALUES ('cc_office', '2026-12-25', NULL, 'Christmas Day');
-- the holiday moves it to Monday 10:00 Berlin
SELECT sla.business_add('2026-12-24 15:00+00', '2 hours', 'cc_office');

-- inside a transaction: each statement sees the one before; rollback undoes
BEGIN;
DELETE FROM sla.calendar_exception WHERE calendar = 'cc_office';
SELECT sla.business_add('2026-12-24 15:00+00', '2 hours', 'cc_office');
ROLLBACK;
SELECT sla.business_add('2026-12-24 15:00+00', '2 hours', 'cc_office');

-- one PL/pgSQL block, the same expression before and after a change
DO $$
DECLARE
	due timestamptz;
BEGIN
	FOR i IN 1..2 LOOP
		due := sla.business_add('2026-12-24 15:00+00', '2 hours', 'cc_office');
		RAISE NOTICE 'round %: %', i, due;
		UPDATE sla.calendar_exception SET hours = '09:00-12:00'
			WHERE calendar = 'cc_office' AND day = '2026-12-25';
	END LOOP;
END
$$;

-- parallel workers compile the calendar themselves, from the same snapshot
CREATE TABLE cc_tickets AS
	SELECT g, timestamptz '2026-12-24 15:00+00' + (g % 4) * interval '15 minutes' AS opened_at
	FROM generate_series(1, 20000) g;
ANALYZE cc_tickets;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- the plan as run (workers planned and launched), without the row counts that
-- depend on how the rows fall to the leader and the workers
CREATE FUNCTION cc_explain_analyze(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query LOOP
		CONTINUE WHEN line ~ 'Rows Removed by Filter: ';
		RETURN NEXT regexp_replace(line, ' \(actual rows=\d+ loops=\d+\)$', '');
	END LOOP;
END
$$;
SELECT cc_explain_analyze($q$
SELECT min(sla.business_add(opened_at, '2 hours', 'cc_office')),
	   max(sla.business_add(opened_at, '2 hours', 'cc_office'))
FROM cc_tickets$q$);
-- half day 09:00-12:00 on Friday: 16:00 + 2 h = Fri 10:00, 16:45 + 2 h = Fri 10:45
SELECT min(sla.business_add(opened_at, '2 hours', 'cc_office')),
	   max(sla.business_add(opened_at, '2 hours', 'cc_office'))
FROM cc_tickets;
UPDATE sla.calendar_exception SET hours = NULL
	WHERE calendar = 'cc_office' AND day = '2026-12-25';
-- closed again: Monday 10:00 and 10:45 Berlin
SELECT min(sla.business_add(opened_at, '2 hours', 'cc_office')),
	   max(sla.business_add(opened_at, '2 hours', 'cc_office'))
FROM cc_tickets;
-- force_parallel_mode (debug_parallel_query from PostgreSQL 16): a worker runs even a one-row query
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
					   THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false) IS NOT NULL AS forced;
SELECT cc_explain_analyze($q$
SELECT sla.business_add(opened_at, '2 hours', 'cc_office') FROM cc_tickets WHERE g = 1$q$);
SELECT sla.business_add(opened_at, '2 hours', 'cc_office') FROM cc_tickets WHERE g = 1;
UPDATE sla.calendar_exception SET hours = '09:00-12:00'
	WHERE calendar = 'cc_office' AND day = '2026-12-25';
-- the worker of the next statement sees the half day: 16:15 + 2 h = Fri 10:15 Berlin
SELECT sla.business_add(opened_at, '2 hours', 'cc_office') FROM cc_tickets WHERE g = 1;
UPDATE sla.calendar_exception SET hours = NULL
	WHERE calendar = 'cc_office' AND day = '2026-12-25';
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
					   THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', false) IS NOT NULL AS reset;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- rename: the old name is gone, the new one keeps the exceptions
UPDATE sla.calendar SET name = 'cc_renamed' WHERE name = 'cc_office';
SELECT sla.business_add('2026-12-24 15:00+00', '2 hours', 'cc_office');
SELECT sla.business_add('2026-12-24 15:00+00', '2 hours', 'cc_renamed');
-- truncating the exceptions drops the holiday
TRUNCATE sla.calendar_exception;
SELECT sla.business_add('2026-12-24 15:00+00', '2 hours', 'cc_renamed');

-- the calendar may differ per row, and per evaluation of one PL/pgSQL expression
-- (Saturday 26 December 12:00 UTC + 1 hour: Monday 10:00 on cc_a, 13:00 on cc_b)
INSERT INTO sla.calendar (name, hours) VALUES ('cc_a', 'mon-fri 09:00-17:00'), ('cc_b', '24/7');
SELECT c, sla.business_add('2026-12-26 12:00+00', '1 hour', c)
FROM (VALUES ('cc_a'), ('cc_b'), ('cc_a'), ('cc_b')) AS v(c);
CREATE FUNCTION pg_temp.dues(cals text[]) RETURNS SETOF timestamptz STABLE LANGUAGE plpgsql AS $$
DECLARE
	c text;
BEGIN
	FOREACH c IN ARRAY cals LOOP
		RETURN NEXT sla.business_add('2026-12-26 12:00+00', '1 hour', c);
	END LOOP;
END
$$;
SELECT * FROM pg_temp.dues(ARRAY['cc_a', 'cc_b', 'cc_a']);

DROP TABLE cc_tickets;
DROP FUNCTION cc_explain_analyze(text);
DELETE FROM sla.calendar WHERE name LIKE 'cc\_%';
SELECT sla.business_add('2026-12-24 15:00+00', '2 hours', 'cc_renamed');
