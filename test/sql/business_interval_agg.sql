-- sla.business_interval: sum, avg, min and max, serial and parallel
SET search_path = sla, public;
SET IntervalStyle = postgres;

CREATE TEMP TABLE bi_agg (g int, v business_interval);
INSERT INTO bi_agg VALUES (1, '1 day'), (1, '2 days 4 hours'), (1, NULL),
	(2, '1 day'), (2, '0'),
	(3, '-1 day 30 minutes'), (3, '1 day -30 minutes'),
	(4, NULL);
SELECT g, sum(v), avg(v), count(v) FROM bi_agg GROUP BY g ORDER BY g;
SELECT sum(v), avg(v) FROM bi_agg;
-- no rows, and only NULLs, give NULL
SELECT sum(v) IS NULL AS sum_null, avg(v) IS NULL AS avg_null FROM bi_agg WHERE false;
SELECT sum(v) IS NULL AS sum_null, avg(v) IS NULL AS avg_null FROM bi_agg WHERE g = 4;
-- avg of days spills the fraction of a day into time, as interval avg does
SELECT avg(v) AS avg, avg(v::interval) AS interval_avg
FROM (VALUES (business_interval '1 day'), ('2 days'), ('2 days')) AS t(v);
-- an interval column converts implicitly
SELECT sum(v) FROM (VALUES (interval '1 hour'), (interval '1 day')) AS t(v);
-- overflow
SELECT sum(v) FROM (VALUES (business_interval '2562047788:00:54.775807'), ('1 hour')) AS t(v);
SELECT sum(v) FROM (VALUES (business_interval '2147483647 days'), ('1 day')) AS t(v);
SELECT sum(v) FROM (VALUES (business_interval '2147483647 days'), ('1 day'), ('-1 day')) AS t(v);

-- parallel: partial aggregates combine to the serial result
CREATE TABLE bi_par AS
	SELECT i, business_interval(i % 5, interval '1 second' * i - interval '1 hour') AS v
	FROM generate_series(1, 100000) i;
ANALYZE bi_par;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT sum(v), avg(v) FROM bi_par;
SELECT sum(v) AS par_sum, avg(v) AS par_avg FROM bi_par \gset
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT sum(v), avg(v) FROM bi_par;
SELECT sum(v), avg(v),
	sla.business_interval_send(sum(v)) = sla.business_interval_send(:'par_sum') AS same_sum,
	sla.business_interval_send(avg(v)) = sla.business_interval_send(:'par_avg') AS same_avg
FROM bi_par;
RESET max_parallel_workers_per_gather;
DROP TABLE bi_par;

-- min and max: a day sorts as 24 hours
SELECT min(v), max(v) FROM (VALUES (business_interval '25 hours'), ('1 day'), ('-2 hours'), (NULL), ('24:00:00')) AS t(v);
SELECT min(v) IS NULL AS min_null, max(v) IS NULL AS max_null FROM (VALUES (NULL::business_interval)) AS t(v);
-- an index answers max() through the sort operator
CREATE TABLE bi_idx AS SELECT business_interval(i % 3, interval '1 minute' * i) AS v FROM generate_series(1, 1000) i;
CREATE INDEX ON bi_idx (v);
ANALYZE bi_idx;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT max(v) FROM bi_idx;
SELECT max(v), min(v) FROM bi_idx;
RESET enable_seqscan;
DROP TABLE bi_idx;
-- parallel max/min combine
CREATE TABLE bi_par2 AS SELECT business_interval(i % 4, interval '1 second' * i) AS v FROM generate_series(1, 50000) i;
ANALYZE bi_par2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT max(v), min(v) FROM bi_par2;
SELECT max(v), min(v) FROM bi_par2;
RESET max_parallel_workers_per_gather;
DROP TABLE bi_par2;
