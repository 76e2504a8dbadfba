-- sla.percentile: continuous percentiles of business_interval and interval,
-- interpolating as percentile_cont does on interval
SET search_path = sla, public;
SET IntervalStyle = postgres;

-- five resolution times in business time, sorted: 1 h, 3 h, 8 h (1 day counts
-- as 24 h for sorting), 1 day 2 h, 2 days; NULL skipped
CREATE TEMP TABLE r (v business_interval);
INSERT INTO r VALUES ('1 day 2 hours'), ('1 hour'), ('2 days'), (NULL), ('3 hours'), ('8 hours');
-- position fraction * (5 - 1): 0 -> 1 h; 0.5 -> 8 h; 0.9 -> 3.6: 1 day 2 h + (2 days - 1 day 2 h) * 0.6
SELECT f, percentile(f) WITHIN GROUP (ORDER BY v) FROM r, (VALUES (0.0::float8), (0.25), (0.5), (0.9), (1)) x(f)
GROUP BY f ORDER BY f;
-- 0.9 by hand, with business_interval's own - * + (as percentile_cont uses interval's):
SELECT business_interval '1 day 2 hours' + (business_interval '2 days' - business_interval '1 day 2 hours') * 0.6 AS hand_computed;
-- the same values as interval: the same answers as percentile_cont
SELECT f, percentile(f) WITHIN GROUP (ORDER BY v::interval) AS sla,
	percentile_cont(f) WITHIN GROUP (ORDER BY v::interval) AS pg
FROM r, (VALUES (0.0::float8), (0.25), (0.5), (0.9), (1)) x(f) GROUP BY f ORDER BY f;
-- several percentiles over one ORDER BY share one sort
SELECT percentile(0.5) WITHIN GROUP (ORDER BY v) AS median, percentile(0.9) WITHIN GROUP (ORDER BY v) AS p90 FROM r;
-- a single value, no values, a NULL fraction
SELECT percentile(0.3) WITHIN GROUP (ORDER BY v) FROM (VALUES (business_interval '2 hours')) t(v);
SELECT percentile(0.5) WITHIN GROUP (ORDER BY v) IS NULL AS is_null FROM r WHERE false;
SELECT percentile(0.5) WITHIN GROUP (ORDER BY v) IS NULL AS is_null FROM r WHERE v IS NULL;
SELECT percentile(NULL) WITHIN GROUP (ORDER BY v) IS NULL AS is_null FROM r;
-- a fraction outside [0, 1]: 22003, as percentile_cont
SELECT percentile(1.5) WITHIN GROUP (ORDER BY v) FROM r;
SELECT sla_test.try($$SELECT sla.percentile(-0.1) WITHIN GROUP (ORDER BY v) FROM (VALUES (interval '1 h')) t(v)$$);
SELECT sla_test.try($$SELECT sla.percentile('NaN') WITHIN GROUP (ORDER BY v) FROM (VALUES (interval '1 h')) t(v)$$);
-- negative values and days sort as 24 hours
SELECT percentile(0.5) WITHIN GROUP (ORDER BY v) FROM (VALUES (business_interval '-1 day'), ('-25 hours'), ('23 hours')) t(v);
-- per group
SELECT g, percentile(0.5) WITHIN GROUP (ORDER BY v) FROM (VALUES (1, business_interval '1 h'), (1, '3 h'), (2, '1 day'), (2, '1 day'), (2, '2 days')) t(g, v)
GROUP BY g ORDER BY g;

-- agreement with percentile_cont on 10,000 intervals with months, days and
-- time, at 21 fractions, compared as text (equal spans spelled differently,
-- such as 1 day and 24:00:00, could come out either way; these spans are distinct)
CREATE TEMP TABLE iv AS
	SELECT make_interval(months => i % 3, days => (i * 7) % 40, secs => (i * 7919) % 86400 + i / 1e6) AS v
	FROM generate_series(1, 10000) i;
SELECT count(*) AS fractions, count(*) FILTER (WHERE a::text = b::text) AS equal
FROM (SELECT f, percentile(f) WITHIN GROUP (ORDER BY v) AS a, percentile_cont(f) WITHIN GROUP (ORDER BY v) AS b
	  FROM iv, (SELECT g / 20.0 AS f FROM generate_series(0, 20) g) x GROUP BY f) s;
-- and over business_interval against percentile_cont on the same values as interval
SELECT count(*) AS fractions, count(*) FILTER (WHERE a::interval::text = b::text) AS equal
FROM (SELECT f, percentile(f) WITHIN GROUP (ORDER BY v::business_interval) AS a,
			 percentile_cont(f) WITHIN GROUP (ORDER BY v) AS b
	  FROM (SELECT make_interval(days => (i * 7) % 40, secs => (i * 7919) % 86400 + i / 1e6) AS v
			FROM generate_series(1, 10000) i) s2, (SELECT g / 20.0 AS f FROM generate_series(0, 20) g) x GROUP BY f) s;
