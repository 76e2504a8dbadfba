-- bench/measure.sql: time every case side by side and print the results.
-- Each round runs every case once, in order (interleaved, so drift hits all
-- cases alike); round 0 is the warm-up and is not counted.  A case's time is
-- the "Execution Time" of EXPLAIN (ANALYZE, TIMING OFF), in one backend, so
-- the calendar is compiled once (during the warm-up) and stays cached.
-- psql variable: runs (counted rounds).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET jit = off;

CREATE TABLE bench.bcase (
	id serial PRIMARY KEY,
	label text UNIQUE NOT NULL,
	workers int NOT NULL,			-- max_parallel_workers_per_gather
	tab text NOT NULL,				-- the table scanned: its rows give ns/row
	query text NOT NULL,
	ref text,						-- the case this one is compared with
	target text						-- '<= 1.5' (ratio) or '>= 100' (speed-up)
);

-- cum_at(x): open time before x from the cumulative table.
\set cum_at_o '(SELECT p.cum_before + least(k.opened_at - p.s, p.e - p.s) FROM bench.cum_iv p WHERE p.s <= k.opened_at ORDER BY p.s DESC LIMIT 1)'
\set cum_at_r '(SELECT p.cum_before + least(k.resolved_at - p.s, p.e - p.s) FROM bench.cum_iv p WHERE p.s <= k.resolved_at ORDER BY p.s DESC LIMIT 1)'

INSERT INTO bench.bcase (label, workers, tab, query, ref, target) VALUES
-- serial, 1M rows
('add 4h: floor',            0, 'bench.ticket', $q$SELECT max(opened_at + interval '4 hours') FROM bench.ticket$q$, NULL, NULL),
('add 4h: sla',              0, 'bench.ticket', $q$SELECT max(sla.business_add(opened_at, '4 hours', 'de_office')) FROM bench.ticket$q$, 'add 4h: floor', '<= 1.5'),
('add 20000h: sla',          0, 'bench.ticket', $q$SELECT max(sla.business_add(opened_at, '20000 hours', 'de_office')) FROM bench.ticket$q$, 'add 4h: sla', '<= 3'),
('elapsed max: floor',       0, 'bench.ticket', $q$SELECT max(resolved_at - opened_at) FROM bench.ticket$q$, NULL, NULL),
('elapsed max: sla',         0, 'bench.ticket', $q$SELECT sla.max(sla.business_elapsed(opened_at, resolved_at, 'de_office')) FROM bench.ticket$q$, 'elapsed max: floor', '<= 1.5'),
('elapsed sum: floor',       0, 'bench.ticket', $q$SELECT sum(resolved_at - opened_at) FROM bench.ticket$q$, NULL, NULL),
('elapsed sum: sla',         0, 'bench.ticket', $q$SELECT sla.sum(sla.business_elapsed(opened_at, resolved_at, 'de_office')) FROM bench.ticket$q$, 'elapsed sum: floor', '<= 1.5'),
-- 2 workers, 1M rows
('par add 4h: floor',        2, 'bench.ticket', $q$SELECT max(opened_at + interval '4 hours') FROM bench.ticket$q$, NULL, NULL),
('par add 4h: sla',          2, 'bench.ticket', $q$SELECT max(sla.business_add(opened_at, '4 hours', 'de_office')) FROM bench.ticket$q$, 'par add 4h: floor', '<= 1.5'),
('par add 20000h: sla',      2, 'bench.ticket', $q$SELECT max(sla.business_add(opened_at, '20000 hours', 'de_office')) FROM bench.ticket$q$, 'par add 4h: sla', '<= 3'),
('par elapsed max: floor',   2, 'bench.ticket', $q$SELECT max(resolved_at - opened_at) FROM bench.ticket$q$, NULL, NULL),
('par elapsed max: sla',     2, 'bench.ticket', $q$SELECT sla.max(sla.business_elapsed(opened_at, resolved_at, 'de_office')) FROM bench.ticket$q$, 'par elapsed max: floor', '<= 1.5'),
-- serial, the sample (the first rows, same mix): the peers, compared per row
-- with sla on the same sample rows, round by round (one sample, both sides)
('sample add 4h: floor',     0, 'bench.sample', $q$SELECT max(opened_at + interval '4 hours') FROM bench.sample$q$, NULL, NULL),
('sample add 4h: sla',       0, 'bench.sample', $q$SELECT max(sla.business_add(opened_at, '4 hours', 'de_office')) FROM bench.sample$q$, 'sample add 4h: floor', NULL),
('sample add 4h: plpgsql',   0, 'bench.sample', $q$SELECT max(bench.plpgsql_business_add(opened_at, '4 hours', 'de_office')) FROM bench.sample$q$, 'sample add 4h: sla', '>= 100'),
('sample add 4h: cum table', 0, 'bench.sample', $q$SELECT max(c.s + (t.target - c.cum_before)) FROM bench.sample k
	CROSS JOIN LATERAL (SELECT coalesce($q$ || :'cum_at_o' || $q$, interval '0') + interval '4 hours' AS target) t
	CROSS JOIN LATERAL (SELECT c.s, c.cum_before FROM bench.cum_iv c WHERE c.cum_end >= t.target ORDER BY c.cum_end LIMIT 1) c$q$,
	'sample add 4h: sla', '>= 20'),
('sample elapsed: sla',      0, 'bench.sample', $q$SELECT max(sla.seconds(sla.business_elapsed(opened_at, resolved_at, 'de_office'))) FROM bench.sample$q$, NULL, NULL),
('sample elapsed: plpgsql',  0, 'bench.sample', $q$SELECT max(bench.plpgsql_business_elapsed(opened_at, resolved_at, 'de_office')) FROM bench.sample$q$, 'sample elapsed: sla', '>= 100'),
('sample elapsed: cum table',0, 'bench.sample', $q$SELECT max(coalesce($q$ || :'cum_at_r' || $q$, interval '0') - coalesce($q$ || :'cum_at_o' || $q$, interval '0')) FROM bench.sample k$q$,
	'sample elapsed: sla', '>= 20'),
-- serial, 100 rows: the day loop's cost grows with the span
('tiny add 20000h: sla',     0, 'bench.tiny', $q$SELECT max(sla.business_add(opened_at, '20000 hours', 'de_office')) FROM bench.tiny$q$, NULL, NULL),
('tiny add 20000h: plpgsql', 0, 'bench.tiny', $q$SELECT max(bench.plpgsql_business_add(opened_at, '20000 hours', 'de_office')) FROM bench.tiny$q$, 'tiny add 20000h: sla', '>= 100');

CREATE FUNCTION bench.exec_ms(q text, workers int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', workers::text, true);
	EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO plan;
	RETURN (plan -> 0 ->> 'Execution Time')::float8;
END $$;

CREATE TABLE bench.timing (label text, round int, ms float8);

-- One transaction per round, so a slow round does not hold everything.
SELECT format('INSERT INTO bench.timing SELECT label, %s, bench.exec_ms(query, workers) FROM bench.bcase ORDER BY id', r)
FROM generate_series(0, :runs) AS r
\gexec

\echo
\echo 'Results (median of' :runs 'runs after one warm-up; ratio = per row, the median over rounds of case time / ref time in the same round; ratio_of_min = fastest / fastest of ref)'
WITH m AS (
	SELECT c.id, c.label, c.workers, c.tab, c.ref, c.target,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) AS ms,
		min(t.ms) AS min_ms, max(t.ms) AS max_ms,
		(SELECT reltuples FROM pg_class WHERE oid = c.tab::regclass) AS nrows
	FROM bench.bcase c JOIN bench.timing t USING (label)
	WHERE t.round > 0
	GROUP BY c.id
), pr AS (
	-- the ratio of each round (case and reference run minutes apart at most),
	-- then the median of those: steadier than a ratio of medians when the
	-- machine's speed drifts between rounds
	SELECT c.id, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms / tr.ms) AS paired
	FROM bench.bcase c
	JOIN bench.timing t ON t.label = c.label
	JOIN bench.timing tr ON tr.label = c.ref AND tr.round = t.round
	WHERE t.round > 0
	GROUP BY c.id
)
SELECT m.label AS "case", m.workers AS w, m.nrows::bigint AS "rows",
	round(m.ms::numeric, 1) AS median_ms,
	round(m.min_ms::numeric, 1) || '-' || round(m.max_ms::numeric, 1) AS range_ms,
	round((m.ms * 1e6 / m.nrows)::numeric, 1) AS ns_per_row,
	m.ref,
	round((pr.paired * r.nrows / m.nrows)::numeric, 2) AS ratio,
	round((m.min_ms / r.min_ms * r.nrows / m.nrows)::numeric, 2) AS ratio_of_min,
	m.target,
	CASE WHEN m.target IS NULL THEN ''
	     WHEN m.target LIKE '<=%' AND pr.paired * r.nrows / m.nrows <= substr(m.target, 3)::float8 THEN 'PASS'
	     WHEN m.target LIKE '>=%' AND pr.paired * r.nrows / m.nrows >= substr(m.target, 3)::float8 THEN 'PASS'
	     ELSE 'FAIL' END AS result
FROM m LEFT JOIN m r ON r.label = m.ref LEFT JOIN pr ON pr.id = m.id
ORDER BY m.id;
