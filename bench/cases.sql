-- bench/cases.sql: the case table, the timer and the timings table, for
-- measure.sql and policy_measure.sql (which fill bench.bcase, then run rounds.sql).
\set ON_ERROR_STOP on
CREATE TABLE bench.bcase (
	id serial PRIMARY KEY,
	label text UNIQUE NOT NULL,
	workers int NOT NULL,			-- max_parallel_workers_per_gather
	tab text NOT NULL,				-- the table scanned: its rows give ns/row
	query text NOT NULL,
	ref text,						-- the case this one is compared with
	target text						-- '<= 1.5' (ratio) or '>= 100' (speed-up)
);

CREATE FUNCTION bench.exec_ms(q text, workers int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', workers::text, true);
	EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO plan;
	RETURN (plan -> 0 ->> 'Execution Time')::float8;
END $$;

CREATE TABLE bench.timing (label text, round int, ms float8);
