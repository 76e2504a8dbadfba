-- bench/kpi_measure.sql: time every KPI case against its reference, side by
-- side, round by round (round 0 is a warm-up); a case's time is the
-- "Execution Time" of EXPLAIN (ANALYZE, TIMING OFF).  The ratio of a case is
-- the median over the rounds of (case / reference) in the same round.
-- psql variable: runs.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET jit = off;
CREATE TABLE bench_kpi.bcase (
	id serial PRIMARY KEY,
	label text UNIQUE NOT NULL,
	workers int NOT NULL,
	query text NOT NULL,
	ref text,
	target float8
);
-- Each simple aggregate has its own floor: avg(x::int) over the same rows,
-- x the KPI's per-row test written in SQL over the same columns (so both
-- deform the same attributes of the same tuples).  "floor avg(flag::int)"
-- (the second column) is the cheapest aggregate on these rows, for reference.
CREATE TEMP TABLE k (ord int, label text, query text, floor text, ref text, target float8);
INSERT INTO k VALUES
	(1, 'floor avg(flag::int)', $q$SELECT avg(flag::int) FROM bench_kpi.r$q$, NULL, NULL, NULL),
	(2, 'compliance(due, done_at, at)', $q$SELECT sla.compliance(due, done_at, '2024-06-01') FROM bench_kpi.r$q$, $q$SELECT avg((done_at <= due)::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(3, 'compliance(due, done_at)', $q$SELECT sla.compliance(due, done_at) FROM bench_kpi.r$q$, $q$SELECT avg((done_at <= due)::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(4, 'compliance(met)', $q$SELECT sla.compliance(flag) FROM bench_kpi.r$q$, $q$SELECT avg(flag::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(5, 'service_level(wait, answered, T)', $q$SELECT sla.service_level(wait, answered, '20 s') FROM bench_kpi.r$q$, $q$SELECT avg((answered AND wait <= '20 s')::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(6, 'service_level(..., count_if_late, S)', $q$SELECT sla.service_level(wait, answered, '20 s', 'count_if_late', '5 s') FROM bench_kpi.r$q$, $q$SELECT avg((wait <= '20 s' AND (answered OR wait > '5 s'))::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(7, 'abandon_rate(wait, answered)', $q$SELECT sla.abandon_rate(wait, answered) FROM bench_kpi.r$q$, $q$SELECT avg((NOT answered AND wait > '5 s')::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(8, 'abandon_rate(wait, answered, S)', $q$SELECT sla.abandon_rate(wait, answered, '5 s') FROM bench_kpi.r$q$, $q$SELECT avg((NOT answered AND wait > '5 s')::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(9, 'asa(wait, answered)', $q$SELECT sla.asa(wait, answered) FROM bench_kpi.r$q$, $q$SELECT avg((answered AND wait <= '20 s')::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(10, 'aht(talk, hold, wrap)', $q$SELECT sla.aht(talk, hold, wrap) FROM bench_kpi.r$q$, $q$SELECT avg((talk + hold + wrap > '5 min')::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(11, 'csat(score)', $q$SELECT sla.csat(score) FROM bench_kpi.r$q$, $q$SELECT avg((score >= 4)::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(12, 'csat(score, top_box, scale)', $q$SELECT sla.csat(score, 2, 5) FROM bench_kpi.r$q$, $q$SELECT avg((score >= 4)::int) FROM bench_kpi.r$q$, NULL, 1.1),
	(13, 'availability(outage, period, cal)', $q$SELECT sla.availability(outage, '[2024-01-01, 2025-01-01)', 'bench_kpi_office') FROM bench_kpi.r$q$, $q$SELECT avg((outage && '[2024-01-01, 2025-01-01)')::int) FROM bench_kpi.r$q$, NULL, 1.1),
	-- the same KPIs written in plain SQL, for comparison (no target)
	(20, 'SQL compliance', $q$SELECT 100.0 * count(*) FILTER (WHERE done_at <= due) / nullif(count(*) FILTER (WHERE done_at IS NOT NULL OR due <= '2024-06-01'), 0) FROM bench_kpi.r$q$, NULL, 'compliance(due, done_at, at)', NULL),
	(21, 'SQL service_level', $q$SELECT 100.0 * count(*) FILTER (WHERE answered AND wait <= '20 s') / nullif(count(*) FILTER (WHERE answered), 0) FROM bench_kpi.r$q$, NULL, 'service_level(wait, answered, T)', NULL),
	(22, 'SQL asa', $q$SELECT avg(wait) FILTER (WHERE answered) FROM bench_kpi.r$q$, NULL, 'asa(wait, answered)', NULL),
	(23, 'SQL aht', $q$SELECT avg(talk + hold + wrap) FROM bench_kpi.r$q$, NULL, 'aht(talk, hold, wrap)', NULL),
	(24, 'SQL csat', $q$SELECT 100.0 * count(*) FILTER (WHERE score >= 4) / nullif(count(score), 0) FROM bench_kpi.r$q$, NULL, 'csat(score)', NULL),
	-- not simple aggregates: fcr sorts every contact, percentile every value
	(30, 'fcr(customer, contact_at, resolved, 7 days)', $q$SELECT sla.fcr(customer, contact_at, resolved, '7 days') FROM bench_kpi.r$q$, NULL, 'SQL fcr (window)', NULL),
	(31, 'SQL fcr (window)', $q$SELECT 100.0 * count(*) FILTER (WHERE resolved AND NOT coalesce(nxt <= contact_at + interval '7 days', false)) / count(*)
		FROM (SELECT resolved, contact_at, min(contact_at) OVER (PARTITION BY customer ORDER BY contact_at RANGE BETWEEN '1 microsecond' FOLLOWING AND UNBOUNDED FOLLOWING) AS nxt FROM bench_kpi.r) s$q$, NULL, NULL, NULL),
	(32, 'percentile_cont(0.9) interval', $q$SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY iv) FROM bench_kpi.r$q$, NULL, NULL, NULL),
	(33, 'percentile(0.9) interval', $q$SELECT sla.percentile(0.9) WITHIN GROUP (ORDER BY iv) FROM bench_kpi.r$q$, NULL, 'percentile_cont(0.9) interval', 1.2),
	(34, 'percentile(0.9) business_interval', $q$SELECT sla.percentile(0.9) WITHIN GROUP (ORDER BY bi) FROM bench_kpi.r$q$, NULL, 'percentile_cont(0.9) interval', 1.2);

-- the cases: each simple aggregate after its floor (whose ratio is to the
-- cheapest aggregate), serial, then the simple ones with 2 workers
INSERT INTO bench_kpi.bcase (label, workers, query, ref, target)
SELECT w.p || x.label, w.n, x.query, CASE WHEN x.ref IS NOT NULL THEN w.p || x.ref END, x.target
FROM (VALUES ('', 0), ('par ', 2)) w(p, n),
LATERAL (SELECT k.ord * 2 AS o, k.label, k.query,
				CASE WHEN k.floor IS NOT NULL THEN 'floor: ' || k.label ELSE k.ref END AS ref, k.target FROM k
		 UNION ALL
		 SELECT k.ord * 2 - 1, 'floor: ' || k.label, k.floor, 'floor avg(flag::int)', NULL FROM k WHERE k.floor IS NOT NULL) x
WHERE w.n = 0 OR x.o < 60
ORDER BY w.n, x.o;

CREATE FUNCTION bench_kpi.exec_ms(q text, workers int, OUT ms float8, OUT launched int) LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE format('SET max_parallel_workers_per_gather = %s', workers);
	EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO plan;
	ms := (plan -> 0 ->> 'Execution Time')::float8;
	launched := coalesce((regexp_match(plan::text, '"Workers Launched": ([0-9]+)'))[1]::int, 0);
END
$$;
CREATE TABLE bench_kpi.timing (round int, label text, ms float8, launched int);
SELECT format('INSERT INTO bench_kpi.timing SELECT %s, %L, ms, launched FROM bench_kpi.exec_ms(%L, %s)', r, label, query, workers)
FROM generate_series(0, :runs) r, bench_kpi.bcase ORDER BY r, id \gexec

\echo
\echo == KPI aggregates over the same rows: median ms, ns/row, median of per-round ratios to the reference
SELECT c.label AS "case", c.workers AS w,
	round(percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms)::numeric, 1) AS median_ms,
	round((percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) * 1e6 / (SELECT count(*) FROM bench_kpi.r))::numeric, 1) AS ns_row,
	min(t.launched) AS launched,
	c.ref AS reference,
	round(percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms / rt.ms)::numeric, 2) AS ratio,
	c.target,
	CASE WHEN c.target IS NULL THEN ''
		 WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms / rt.ms) <= c.target THEN 'met' ELSE 'MISSED' END AS result
FROM bench_kpi.bcase c
JOIN bench_kpi.timing t ON t.label = c.label AND t.round > 0
LEFT JOIN bench_kpi.timing rt ON rt.label = c.ref AND rt.round = t.round
GROUP BY c.id, c.label, c.workers, c.ref, c.target ORDER BY c.id;
