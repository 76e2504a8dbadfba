-- Every simple KPI aggregate: a parallel plan (partial aggregates in 2
-- workers, combined by the leader) gives exactly the serial result, and both
-- equal the KPI's formula written in plain SQL.
SET timezone = 'UTC';
CREATE TABLE kpi_rows AS
SELECT i, i % 4 AS g,
	'cust' || (i % 997) AS customer,
	timestamptz '2024-01-01' + (i * 7919 % 60000000) * interval '1 second' AS contact_at,
	timestamptz '2024-01-01' + (i % 1000) * interval '1 hour' AS due,
	CASE WHEN i % 11 = 0 THEN NULL
		 ELSE timestamptz '2024-01-01' + ((i * 31) % 1100) * interval '1 hour' END AS done_at,
	(i * 13 % 120) * interval '1 second' AS wait,
	i % 5 <> 0 AS answered,
	(i % 600) * interval '1 second' AS talk,
	(i % 7) * interval '10 seconds' AS hold,
	(i % 90) * interval '1 second' AS wrap,
	CASE WHEN i % 17 = 0 THEN NULL ELSE 1 + i % 5 END AS score,
	i % 3 = 0 AS resolved,
	CASE WHEN i % 100 = 0 THEN
		tstzrange(timestamptz '2024-01-01' + (i % 1500) * interval '1 hour',
				  timestamptz '2024-01-01' + (i % 1500) * interval '1 hour' + (i % 7) * interval '20 minutes') END AS outage
FROM generate_series(1, 60000) i;
ANALYZE kpi_rows;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('kpi_par', 'UTC', 'mon-fri 09:00-17:00');

-- the plan's shape and "Workers Launched", without the row counts that vary
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
		IF line ~ 'Aggregate|Gather|Workers Launched' THEN
			RETURN NEXT regexp_replace(line, ' \(actual.*$', '');
		END IF;
	END LOOP;
END
$$;

CREATE TEMP VIEW kpis AS
SELECT
	sla.compliance(due, done_at, '2024-02-01') AS compliance_at,
	sla.compliance(due, done_at) AS compliance_now,
	sla.compliance(answered) AS compliance_met,
	sla.service_level(wait, answered, '20 s') AS sl,
	sla.service_level(wait, answered, '20 s', 'count_as_missed') AS sl_missed,
	sla.service_level(wait, answered, '20 s', 'count_if_late', '5 s') AS sl_late,
	sla.service_level(wait, answered, '20 s', 'count_as_met_if_early', '5 s') AS sl_early,
	sla.abandon_rate(wait, answered) AS abandon,
	sla.abandon_rate(wait, answered, '5 s') AS abandon_short,
	sla.asa(wait, answered) AS asa,
	sla.awt(wait, answered) AS awt,
	sla.aht(talk, hold, wrap) AS aht,
	sla.csat(score) AS csat,
	sla.csat(score, 1, 5) AS csat_top1,
	sla.fcr(customer, contact_at, resolved, '7 days') AS fcr,
	sla.fcr(customer, contact_at, resolved, '7 days', '[2024-01-01, 2024-02-01)') AS fcr_period,
	sla.availability(outage, '[2024-01-01, 2024-03-01)', 'kpi_par') AS availability
FROM kpi_rows;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT * FROM pg_temp.plan('SELECT * FROM kpis');
CREATE TEMP TABLE par AS SELECT * FROM kpis;
SET max_parallel_workers_per_gather = 0;
SELECT * FROM pg_temp.plan('SELECT * FROM kpis');
CREATE TEMP TABLE ser AS SELECT * FROM kpis;
-- the same values, column by column
SELECT key, p.value = s.value AS same, s.value
FROM json_each_text((SELECT row_to_json(par) FROM par)) p
JOIN json_each_text((SELECT row_to_json(ser) FROM ser)) s USING (key);

-- grouped: parallel partial aggregates per group
SET max_parallel_workers_per_gather = 2;
SELECT * FROM pg_temp.plan('SELECT g, sla.compliance(due, done_at, ''2024-02-01''), sla.fcr(customer, contact_at, resolved, ''7 days'') FROM kpi_rows GROUP BY g');
CREATE TEMP TABLE gpar AS SELECT g, sla.compliance(due, done_at, '2024-02-01') AS c, sla.fcr(customer, contact_at, resolved, '7 days') AS f FROM kpi_rows GROUP BY g;
SET max_parallel_workers_per_gather = 0;
SELECT g, c, f, (g, c, f) IN (SELECT * FROM gpar) AS same_as_parallel
FROM (SELECT g, sla.compliance(due, done_at, '2024-02-01') AS c, sla.fcr(customer, contact_at, resolved, '7 days') AS f FROM kpi_rows GROUP BY g) s ORDER BY g;

-- the formulas in plain SQL, on the same rows (availability to 12 decimals:
-- the SQL divides seconds, the aggregate microseconds)
SELECT
	(SELECT 100.0 * count(*) FILTER (WHERE done_at <= due)
		/ count(*) FILTER (WHERE done_at IS NOT NULL OR due <= '2024-02-01') FROM kpi_rows) = compliance_at AS compliance_at,
	(SELECT 100 * avg(answered::int) FROM kpi_rows) = compliance_met AS compliance_met,
	(SELECT 100.0 * count(*) FILTER (WHERE answered AND wait <= '20 s') / count(*) FILTER (WHERE answered) FROM kpi_rows) = sl AS sl,
	(SELECT 100.0 * count(*) FILTER (WHERE answered AND wait <= '20 s') / count(*) FROM kpi_rows) = sl_missed AS sl_missed,
	(SELECT 100.0 * count(*) FILTER (WHERE answered AND wait <= '20 s')
		/ count(*) FILTER (WHERE answered OR wait > '20 s') FROM kpi_rows) = sl_late AS sl_late,
	(SELECT 100.0 * count(*) FILTER (WHERE wait <= '20 s' AND (answered OR wait > '5 s'))
		/ count(*) FILTER (WHERE answered OR wait > '5 s') FROM kpi_rows) = sl_early AS sl_early,
	(SELECT 100.0 * count(*) FILTER (WHERE NOT answered) / count(*) FROM kpi_rows) = abandon AS abandon,
	(SELECT 100.0 * count(*) FILTER (WHERE NOT answered AND wait > '5 s')
		/ count(*) FILTER (WHERE answered OR wait > '5 s') FROM kpi_rows) = abandon_short AS abandon_short,
	(SELECT avg(wait) FILTER (WHERE answered) FROM kpi_rows) = asa AS asa,
	(SELECT avg(talk + hold + wrap) FROM kpi_rows) = aht AS aht,
	(SELECT 100.0 * count(*) FILTER (WHERE score >= 4) / count(score) FROM kpi_rows) = csat AS csat,
	(SELECT 100.0 * count(*) FILTER (WHERE score = 5) / count(score) FROM kpi_rows) = csat_top1 AS csat_top1,
	(SELECT 100.0 * count(*) FILTER (WHERE resolved AND NOT coalesce(next_at <= contact_at + interval '7 days', false)) / count(*)
	 FROM (SELECT resolved, contact_at, min(contact_at) OVER (PARTITION BY customer ORDER BY contact_at
			RANGE BETWEEN '1 microsecond' FOLLOWING AND UNBOUNDED FOLLOWING) AS next_at FROM kpi_rows) k) = fcr AS fcr,
	(SELECT round(100 * (1 - sla.business_elapsed_union / sla.open), 12) FROM
		(SELECT extract(epoch FROM sum(sla.business_elapsed(lower(r), upper(r), 'kpi_par')::interval)) AS business_elapsed_union,
				extract(epoch FROM sla.business_elapsed('2024-01-01', '2024-03-01', 'kpi_par')::interval) AS open
		 FROM (SELECT unnest(range_agg(outage * '[2024-01-01, 2024-03-01)')) AS r FROM kpi_rows) u) sla) = round(availability, 12) AS availability
FROM ser;

DELETE FROM sla.calendar WHERE name = 'kpi_par';
DROP VIEW kpis;
DROP TABLE kpi_rows;
