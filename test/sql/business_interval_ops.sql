-- sla.business_interval: arithmetic, ordering, hashing
SET search_path = sla, public;
SET IntervalStyle = postgres;

-- + and - work on days and time separately; unary minus negates both
SELECT business_interval '1 day 2 hours' + '3 hours' AS plus,
	business_interval '1 day 2 hours' - '3 hours' AS minus,
	- business_interval '1 day -2 hours' AS negated,
	business_interval '1 day' - '24 hours' AS day_minus_24h,
	interval '1 hour' + business_interval '1 day' AS interval_plus;
SELECT business_interval '2147483647 days' + '1 day';
SELECT business_interval '-2147483647 days' - '1 day';
SELECT business_interval '2562047788:00:54.775807' + '00:00:00.000001';
SELECT business_interval '-2562047788:00:54.775807' - '00:00:00.000001';
SELECT - business_interval '-2147483647 days -2562047788:00:54.775807' AS negated_min;

-- * and /: a fraction of a day spills into time at 24 hours a day
SELECT business_interval '1 day' * 0.5 AS half_day,
	business_interval '3 days 3 hours' * 1.5 AS times_1_5,
	2 * business_interval '1 day 1 hour' AS two_times,
	business_interval '1 day' * 0.1 AS tenth,
	business_interval '-1 day' * 0.5 AS negative_half,
	business_interval '1 day' * 0.9999999999999 AS rounds_to_day,
	business_interval '1 day' / 3 AS third,
	business_interval '3 days' / 3 AS three_thirds,
	business_interval '1 hour' / 7 AS seventh,
	business_interval '1 day' / 'Infinity' AS by_infinity;
-- the same results as interval's own * and /
SELECT v, f, (v * f)::interval = (v::interval * f) AND (v * f)::text = (v::interval * f)::text AS mul_as_interval,
	(v / f)::interval = (v::interval / f) AND (v / f)::text = (v::interval / f)::text AS div_as_interval
FROM (VALUES (business_interval '1 day 2 hours'), ('-3 days 00:00:00.000007'), ('7 days -1 hour'), ('00:00:00.000001'))
	AS a(v),
	(VALUES (0.5::float8), (-1.5), (3), (0.1), (1.0 / 3), (1e-7), (86400)) AS b(f)
ORDER BY v, f;
SELECT business_interval '1 day' * 'NaN'::float8;
SELECT business_interval '1 day' * 'Infinity'::float8;
SELECT business_interval '1 hour' * 1e300;
SELECT business_interval '2147483647 days' * 2;
SELECT business_interval '1 day' / 0;
SELECT business_interval '1 day' / 'NaN'::float8;

-- ordering: a day sorts as 24 hours, as for interval
SELECT business_interval '1 day' = '24 hours' AS eq, business_interval '1 day' <> '24 hours' AS ne,
	business_interval '1 day' < '25 hours' AS lt, business_interval '1 day' <= '24 hours' AS le,
	business_interval '1 day' > '23:59:59.999999' AS gt, business_interval '-1 day' >= '-24 hours' AS ge,
	business_interval_cmp('1 day', '24 hours') AS cmp_eq,
	business_interval_cmp('1 day', '25 hours') AS cmp_lt,
	business_interval_cmp('2 days', '25 hours') AS cmp_gt;
-- extremes compare without overflow
SELECT business_interval '2147483647 days' > '2562047788:00:54.775807' AS max_days_gt_max_time,
	business_interval '-2147483647 days' < '-2562047788:00:54.775807' AS min_days_lt_min_time,
	business_interval '2147483647 days -2562047788:00:54.775807' > '2147483646 days' AS mixed;
CREATE TEMP TABLE bi_sorted (v business_interval);
INSERT INTO bi_sorted VALUES ('25 hours'), ('1 day'), ('-1 day'), ('0'), ('24 hours'), (NULL),
	('1 day -00:00:00.000001'), ('-25 hours'), ('2 days -23 hours');
SELECT v FROM bi_sorted ORDER BY v, v::text;

-- NULLs
SELECT NULL::business_interval + '1 hour' AS plus, business_interval '1 hour' * NULL AS times,
	NULL::business_interval = '1 hour' AS eq, business_interval_cmp(NULL, '1 hour') AS cmp;

-- hashing agrees with =: '1 day' and '24 hours' hash alike
SELECT business_interval_hash('1 day') = business_interval_hash('24 hours') AS hash_eq,
	business_interval_hash_extended('1 day', 42) = business_interval_hash_extended('24 hours', 42) AS hash_ext_eq,
	(business_interval_hash_extended('1 day', 0) & 4294967295) = (business_interval_hash('1 day')::int8 & 4294967295) AS seed0_low_bits,
	business_interval_hash_extended('1 day', 0) <> business_interval_hash_extended('1 day', 1) AS seed_matters,
	business_interval_hash('1 day') <> business_interval_hash('25 hours') AS hash_differs;
CREATE TEMP TABLE bi_left (id int, v business_interval);
CREATE TEMP TABLE bi_right (id int, v business_interval);
INSERT INTO bi_left VALUES (1, '1 day'), (2, '24 hours'), (3, '25 hours'), (4, '2 days -24 hours'), (5, NULL);
INSERT INTO bi_right VALUES (10, '24 hours'), (11, '1 day 1 hour'), (12, '1 day'), (13, NULL);
ANALYZE bi_left, bi_right;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT l.id, r.id FROM bi_left l JOIN bi_right r ON l.v = r.v;
SELECT l.id, l.v, r.id, r.v FROM bi_left l JOIN bi_right r ON l.v = r.v ORDER BY l.id, r.id;
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT l.id, r.id FROM bi_left l JOIN bi_right r ON l.v = r.v;
SELECT l.id, r.id FROM bi_left l JOIN bi_right r ON l.v = r.v ORDER BY l.id, r.id;
RESET enable_hashjoin;
RESET enable_nestloop;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT count(*), min(id), max(id) FROM bi_left GROUP BY v;
SELECT count(*), min(id), max(id) FROM bi_left GROUP BY v ORDER BY min(id);
RESET enable_sort;

-- the btree and hash opclasses serve indexes
CREATE TEMP TABLE bi_indexed AS SELECT i, business_interval '1 minute' * i AS v FROM generate_series(1, 2000) i;
CREATE INDEX bi_indexed_btree ON bi_indexed USING btree (v);
CREATE INDEX bi_indexed_hash ON bi_indexed USING hash (v);
ANALYZE bi_indexed;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT i FROM bi_indexed WHERE v = '1 day';
SELECT i FROM bi_indexed WHERE v = '1 day';
DROP INDEX bi_indexed_hash;
EXPLAIN (COSTS OFF) SELECT i FROM bi_indexed WHERE v BETWEEN '1 day' AND '1 day 00:02';
SELECT i FROM bi_indexed WHERE v BETWEEN '1 day' AND '1 day 00:02' ORDER BY v;
RESET enable_seqscan;
RESET enable_bitmapscan;
