-- sla.compliance: met / (met + missed), against a hand-computed dataset
SET timezone = 'UTC';

-- one row per case; "expect" says how the row counts as of at = 2024-03-01
CREATE TEMP TABLE t (id int, grp text, due timestamptz, done_at timestamptz, expect text);
INSERT INTO t VALUES
	(1, 'a', '2024-02-01 10:00', '2024-02-01 09:59', 'met'),
	(2, 'a', '2024-02-01 10:00', '2024-02-01 10:00', 'met (at the due instant)'),
	(3, 'a', '2024-02-01 10:00', '2024-02-01 10:00:00.000001', 'missed'),
	(4, 'a', '2024-02-01 10:00', NULL, 'missed (open, past due)'),
	(5, 'a', '2024-03-01 00:00', NULL, 'missed (open, due exactly at at)'),
	(6, 'a', '2024-03-01 00:00:00.000001', NULL, 'not counted (open, not yet due)'),
	(7, 'a', NULL, '2024-02-01', 'not counted (no due)'),
	(8, 'a', 'infinity', NULL, 'not counted (paused open-ended)'),
	(9, 'a', 'infinity', '2024-02-01', 'met'),
	(10, 'b', '2024-03-05', NULL, 'not counted'),
	(11, 'b', NULL, NULL, 'not counted');
-- a: met 1, 2, 9; missed 3, 4, 5: 3 / 6 = 50 %
SELECT grp, sla.compliance(due, done_at, '2024-03-01') FROM t GROUP BY grp ORDER BY grp;
SELECT sla.compliance(due, done_at, '2024-03-01') FROM t;
-- as of a later instant row 6 and 10 are missed too: 3 / 8
SELECT sla.compliance(due, done_at, '2024-03-10') FROM t;
-- a NULL at counts only the done rows: 1, 2, 3, 9 -> 3 / 4
SELECT sla.compliance(due, done_at, NULL) FROM t;
-- no row, or nothing countable: NULL, never 0
SELECT sla.compliance(due, done_at, '2024-03-01') IS NULL AS is_null FROM t WHERE false;
SELECT sla.compliance(due, done_at, '2024-03-01') IS NULL AS is_null FROM t WHERE id IN (6, 7, 8);
-- every met and every missed
SELECT sla.compliance(due, done_at, '2024-03-01') FROM t WHERE id IN (1, 2);
SELECT sla.compliance(due, done_at, '2024-03-01') FROM t WHERE id IN (3, 4);

-- the two-argument form judges open targets as of now(): a due in 2000 is
-- past, 'infinity' never is; the same as passing now() explicitly
SELECT sla.compliance(due, done_at) FROM (VALUES
	('2000-01-01'::timestamptz, NULL::timestamptz), ('2000-01-01', '1999-12-31'),
	('infinity', NULL), ('3000-01-01', NULL)) v(due, done_at);
BEGIN;
SELECT sla.compliance(due, done_at) = sla.compliance(due, done_at, now()) AS same_as_now FROM t;
COMMIT;

-- compliance(met boolean): share of true, NULL skipped
SELECT sla.compliance(m) FROM (VALUES (true), (false), (NULL), (true)) v(m);
SELECT sla.compliance(m) FROM (VALUES (true), (true)) v(m);
SELECT sla.compliance(m) FROM (VALUES (false)) v(m);
SELECT sla.compliance(m) IS NULL AS is_null FROM (VALUES (NULL::boolean)) v(m);
-- the same as the SQL formula
SELECT sla.compliance(m) = 100 * avg(m::int) AS same_as_avg
FROM (SELECT i % 3 <> 0 AS m FROM generate_series(1, 1000) i) s;

-- as a window aggregate (a running compliance)
SELECT id, sla.compliance(due, done_at, '2024-03-01') OVER (ORDER BY id) FROM t WHERE id <= 5 ORDER BY id;

-- the result is numeric, 100 * met / counted with numeric division's scale
SELECT pg_typeof(sla.compliance(true)), sla.compliance(m) FROM (VALUES (true), (false), (false)) v(m);

-- the two-argument form reads now(): its transition function is STABLE, the
-- others IMMUTABLE
SELECT p.oid::regprocedure AS transfn, p.provolatile
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggtransfn
WHERE a.aggfnoid::regproc::text = 'sla.compliance' ORDER BY 1::text;
