-- bench/rounds.sql: run every case of bench.bcase round by round and print the
-- results.  Each round runs every case once, in order (interleaved, so drift
-- hits all cases alike); round 0 is the warm-up and is not counted.  A case's
-- time is the "Execution Time" of EXPLAIN (ANALYZE, TIMING OFF).
-- psql variable: runs (counted rounds).
\set ON_ERROR_STOP on
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
