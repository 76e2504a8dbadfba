-- bench/kpi_setup.sql: 1M rows for the KPI aggregate benchmark (schema
-- bench_kpi), every column a KPI reads, and a calendar for availability.
-- psql variable: rows.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_kpi CASCADE;
CREATE SCHEMA bench_kpi;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('bench_kpi_office', 'Europe/Berlin', 'mon-fri 09:00-17:00')
	ON CONFLICT DO NOTHING;
CREATE TABLE bench_kpi.r AS
SELECT i,
	i % 3 <> 0 AS flag,
	timestamptz '2024-01-01' + (i % 100000) * interval '5 minutes' AS due,
	CASE WHEN i % 11 = 0 THEN NULL
		 ELSE timestamptz '2024-01-01' + ((i * 31) % 110000) * interval '5 minutes' END AS done_at,
	(i * 13 % 120) * interval '1 second' AS wait,
	i % 5 <> 0 AS answered,
	(i % 600) * interval '1 second' AS talk,
	(i % 7) * interval '10 seconds' AS hold,
	(i % 90) * interval '1 second' AS wrap,
	1 + i % 5 AS score,
	'cust' || (i % 20011) AS customer,
	timestamptz '2024-01-01' + (i::bigint * 7919 % 60000000) * interval '1 second' AS contact_at,
	i % 3 = 0 AS resolved,
	CASE WHEN i % 1000 = 0 THEN
		tstzrange(timestamptz '2024-01-01' + (i % 9000) * interval '1 hour',
				  timestamptz '2024-01-01' + (i % 9000) * interval '1 hour' + (i % 7) * interval '20 minutes') END AS outage,
	sla.business_interval(i % 5, (i::bigint * 7919 % 86400) * interval '1 second') AS bi,
	make_interval(days => i % 5, secs => i::bigint * 7919 % 86400) AS iv
FROM generate_series(1, :rows) i;
VACUUM ANALYZE bench_kpi.r;
