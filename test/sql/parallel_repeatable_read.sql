-- A parallel query inside a REPEATABLE READ transaction gives the same answers as the same query
-- run serially (docs/calendars.md, "Caching and invalidation": parallel workers read the calendars
-- with the transaction's snapshot, which they share with the leader), also after the transaction
-- changed a calendar itself.  Calendars of this file are named prr_*.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('prr_berlin', 'Europe/Berlin', 'mon-fri 08:00-12:00,13:00-17:00'),
	('prr_night', 'America/New_York', 'sun-thu 22:00-06:00'),
	('prr_247', 'Australia/Lord_Howe', '24/7');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES
	('prr_berlin', '2024-12-24', '08:00-12:00'), ('prr_berlin', '2024-12-25', NULL),
	('prr_night', '2024-11-03', NULL), ('prr_247', '2024-10-06', '00:00-01:00');

-- 6,000 instants over 2024, each with a calendar and an amount
CREATE TABLE prr_case AS
SELECT g, (ARRAY['prr_berlin', 'prr_night', 'prr_247'])[1 + g % 3] AS cal,
	   timestamptz '2024-01-01 00:00+00' + g * interval '87 minutes 13 seconds' AS ts,
	   ((g % 41) - 20) || ' hours ' || (g % 7) || ' minutes' AS amount,
	   ((g % 5) - 2) || ' days' AS days
FROM generate_series(1, 6000) AS g;
ANALYZE prr_case;

-- every function on every case, as one row of text per case (a psql variable, not a function, so
-- that the planner sees the parallel-safe functions themselves)
\set answers 'SELECT g, concat_ws(\' | \', sla.business_add(ts, amount::sla.business_interval, cal), sla.business_add(ts, days::sla.business_interval, cal), sla.business_elapsed(ts, ts + interval \'3 days\', cal), sla.is_open(ts, cal), sla.next_open(ts, cal), sla.next_close(ts, cal), sla.open_periods(cal, tstzrange(ts, ts + interval \'1 day\'))) AS answer FROM prr_case'

-- "Workers Launched" of the plan of a query, run
CREATE FUNCTION pg_temp.workers_launched(query text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE line text; n int := 0;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query LOOP
		IF line ~ 'Workers Launched: \d+' THEN
			n := n + substring(line FROM 'Workers Launched: (\d+)')::int;
		END IF;
	END LOOP;
	RETURN n;
END
$$;

BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT count(*) FROM prr_case;	-- takes the transaction's snapshot
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE prr_serial AS :answers;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
-- the functions are parallel safe, so the query runs in parallel workers
SELECT pg_temp.workers_launched('CREATE TEMP TABLE prr_parallel AS ' || :'answers') > 0 AS parallel;
SELECT (SELECT count(*) FROM prr_serial) AS cases,
	   (SELECT count(*) FROM (SELECT * FROM prr_parallel EXCEPT SELECT * FROM prr_serial) x) AS parallel_only,
	   (SELECT count(*) FROM (SELECT * FROM prr_serial EXCEPT SELECT * FROM prr_parallel) x) AS serial_only;
-- a few answers, to see they are not all empty
SELECT g, answer FROM prr_serial WHERE g IN (1, 2, 3) ORDER BY g;

-- the transaction changes a calendar: serial and parallel both see the change, and agree
UPDATE sla.calendar SET hours = 'mon-fri 09:00-17:00' WHERE name = 'prr_berlin';
DELETE FROM sla.calendar_exception WHERE calendar = 'prr_night';
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE prr_serial2 AS :answers;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT pg_temp.workers_launched('CREATE TEMP TABLE prr_parallel2 AS ' || :'answers') > 0 AS parallel;
SELECT (SELECT count(*) FROM (SELECT * FROM prr_serial2 EXCEPT SELECT * FROM prr_serial) x) AS changed,
	   (SELECT count(*) FROM (SELECT * FROM prr_parallel2 EXCEPT SELECT * FROM prr_serial2) x) AS parallel_only,
	   (SELECT count(*) FROM (SELECT * FROM prr_serial2 EXCEPT SELECT * FROM prr_parallel2) x) AS serial_only;
SELECT g, answer FROM prr_serial2 WHERE g IN (1, 2, 3) ORDER BY g;
ROLLBACK;

DROP TABLE prr_case;
DELETE FROM sla.calendar WHERE name LIKE 'prr\_%';
