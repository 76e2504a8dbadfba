-- Contracts and KPI targets end to end: a service contract with P1-P4
-- resolution targets, 99.9% availability in service hours with credit tiers,
-- FCR, service level 80/20, CSAT and a count a job inserts; measured from demo
-- tickets, calls and outages with the KPI aggregates through registered
-- queries; January met, February missed with its credit tier.
SET timezone = 'Europe/Berlin';
\pset null '(null)'

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('kc_service', 'Europe/Berlin', 'mon-fri 08:00-18:00'),
	('kc_247', 'Europe/Berlin', '24/7');
INSERT INTO sla.policy (name, valid_from, policy) VALUES ('kc_standard', '2024-01-01 00:00+01', '{
	"calendar": "kc_service",
	"targets": {"P1": {"resolution": {"within": "4 hours", "calendar": "kc_247"}},
				"P2": {"resolution": "8 hours"}, "P3": {"resolution": "3 days"}, "P4": {"resolution": "5 days"}}}');

INSERT INTO sla.contract (name, customer, valid_from, valid_to, policy, calendar, comment) VALUES
	('acme_2024', 'acme', '2024-01-01 00:00', '2024-03-01 00:00', 'kc_standard', 'kc_service', 'two months');
INSERT INTO sla.kpi_target (contract, kpi, comparator, threshold, period) VALUES
	('acme_2024', 'resolution_P1', '>=', 95, 'month'),
	('acme_2024', 'resolution_P2', '>=', 90, 'month'),
	('acme_2024', 'resolution_P3', '>=', 90, 'month'),
	('acme_2024', 'resolution_P4', '>=', 85, 'month'),
	('acme_2024', 'availability', '>=', 99.9, 'month'),
	('acme_2024', 'availability', '>=', 99.95, 'quarter'),
	('acme_2024', 'fcr', '>=', 85, 'month'),
	('acme_2024', 'service_level', '>=', 80, 'month'),
	('acme_2024', 'csat', '>=', 90, 'month'),
	('acme_2024', 'calls_per_agent_day', '>=', 60, 'month');
-- 5% below 99.9, 10% below 99.5, 25% below 99: the largest reached applies
INSERT INTO sla.kpi_credit (contract, kpi, period, threshold, credit_percent) VALUES
	('acme_2024', 'availability', 'month', 99.9, 5),
	('acme_2024', 'availability', 'month', 99.5, 10),
	('acme_2024', 'availability', 'month', 99, 25),
	('acme_2024', 'csat', 'month', 90, 2);

-- demo data: tickets, calls (with survey scores) and outages; bolt's rows must not count
CREATE SCHEMA kc;
CREATE TABLE kc.tickets (id int PRIMARY KEY, customer text, priority text, opened_at timestamptz, resolved_at timestamptz);
INSERT INTO kc.tickets VALUES
	(1, 'acme', 'P1', '2024-01-09 10:00', '2024-01-09 12:00'),  -- due 14:00: met
	(2, 'acme', 'P1', '2024-01-13 22:00', '2024-01-14 01:30'),  -- Saturday night, 24/7: due 02:00, met
	(3, 'acme', 'P2', '2024-01-15 09:00', '2024-01-15 16:00'),  -- due 17:00: met
	(4, 'acme', 'P2', '2024-01-19 15:00', '2024-01-22 12:00'),  -- 3 h Friday + 5 h Monday: due Monday 13:00, met
	(5, 'acme', 'P3', '2024-01-23 10:00', '2024-01-25 17:00'),  -- due Friday 26th 10:00: met
	(6, 'acme', 'P4', '2024-01-29 10:00', NULL),                -- due 5 February: open, not yet due at the end of January
	(7, 'acme', 'P4', '2024-01-03 09:00', '2024-01-05 09:00'),  -- met
	(8, 'acme', 'P1', '2024-02-01 09:00', '2024-02-01 15:00'),  -- due 13:00: missed
	(9, 'acme', 'P1', '2024-02-05 10:00', '2024-02-05 11:00'),  -- met
	(10, 'acme', 'P2', '2024-02-06 09:00', '2024-02-06 10:00'), -- met
	(11, 'acme', 'P3', '2024-02-07 09:00', '2024-02-08 09:00'), -- met
	(12, 'acme', 'P4', '2024-02-26 10:00', NULL),               -- due 4 March: not counted in February
	(13, 'bolt', 'P1', '2024-01-09 10:00', '2024-01-10 10:00'); -- another customer
CREATE TABLE kc.calls (id int PRIMARY KEY, customer text, caller text, call_at timestamptz, wait interval,
	answered boolean, resolved boolean, score int);
INSERT INTO kc.calls VALUES
	(1, 'acme', 'c1', '2024-01-08 10:00', '10 s', true, true, 5),
	(2, 'acme', 'c2', '2024-01-09 11:00', '15 s', true, true, 4),
	(3, 'acme', 'c3', '2024-01-10 09:00', '20 s', true, true, 5),   -- within 20 s: a wait <= 20 s
	(4, 'acme', 'c4', '2024-01-11 14:00', '25 s', true, true, 4),
	(5, 'acme', 'c5', '2024-01-12 10:00', '5 s', true, true, 5),
	(6, 'acme', 'c6', '2024-01-16 10:00', '12 s', true, true, NULL),
	(7, 'acme', 'c7', '2024-01-17 10:00', '8 s', true, true, 4),
	(8, 'acme', 'c8', '2024-01-18 10:00', '60 s', false, false, NULL), -- abandoned
	(9, 'acme', 'c9', '2024-01-30 16:00', '18 s', true, true, 5),     -- c9 calls again on 2 February
	(10, 'acme', 'c9', '2024-02-02 09:00', '10 s', true, true, 5),
	(11, 'acme', 'c10', '2024-02-05 10:00', '45 s', true, true, 2),
	(12, 'acme', 'c11', '2024-02-06 10:00', '30 s', true, true, 4),
	(13, 'acme', 'c12', '2024-02-07 10:00', '5 s', true, false, 1),
	(14, 'acme', 'c12', '2024-02-08 10:00', '10 s', true, true, 5),
	(15, 'acme', 'c13', '2024-02-12 10:00', '90 s', false, false, NULL),
	(16, 'acme', 'c14', '2024-02-13 10:00', '19 s', true, true, 3),
	(17, 'bolt', 'b1', '2024-01-08 10:00', '300 s', true, false, 1);
CREATE TABLE kc.outages (customer text, outage tstzrange);
INSERT INTO kc.outages VALUES
	('acme', '[2024-01-10 12:00, 2024-01-10 12:12)'),  -- 12 minutes in service hours
	('acme', '[2024-01-20 02:00, 2024-01-20 06:00)'),  -- Saturday night: outside service hours
	('acme', '[2024-02-14 17:00, 2024-02-14 19:00)'),  -- 1 hour in service hours
	('acme', '[2024-02-20 08:00, 2024-02-20 08:30)'),  -- 30 minutes
	('bolt', '[2024-02-01 00:00, 2024-02-10 00:00)');

-- registered queries: $1 contract, $2 kpi, $3 period start, $4 period end, $5 customer, $6 calendar, $7 policy
INSERT INTO sla.kpi_query (kpi, query, comment)
SELECT 'resolution_' || p, $q$
	SELECT sla.compliance(sla.due($7, t.priority, 'resolution', t.opened_at), t.resolved_at, $4)
	FROM kc.tickets t
	WHERE t.customer = $5 AND t.priority = split_part($2, '_', 2) AND t.opened_at >= $3 AND t.opened_at < $4$q$,
	'tickets opened in the period, judged as of its end'
FROM unnest('{P1,P2,P3,P4}'::text[]) AS p;
INSERT INTO sla.kpi_query (kpi, query) VALUES
	('availability', $q$
	SELECT sla.availability(o.outage, p.period, $6)
	FROM (VALUES (tstzrange($3, $4))) AS p(period)
	LEFT JOIN kc.outages o ON o.customer = $5 AND o.outage && p.period
	GROUP BY p.period$q$),
	('fcr', $q$
	SELECT sla.fcr(c.caller, c.call_at, c.resolved, '7 days', tstzrange($3, $4))
	FROM kc.calls c
	WHERE c.customer = $5 AND c.answered AND c.call_at >= $3 AND c.call_at < $4 + interval '7 days'$q$),
	('service_level', $q$
	SELECT sla.service_level(c.wait, c.answered, '20 s')
	FROM kc.calls c WHERE c.customer = $5 AND c.call_at >= $3 AND c.call_at < $4$q$),
	('csat', $q$
	SELECT sla.csat(c.score) FROM kc.calls c WHERE c.customer = $5 AND c.call_at >= $3 AND c.call_at < $4$q$);

-- the view: plain built-in types, a comment on every column, security_invoker
SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, t.typnamespace = 'pg_catalog'::regnamespace AS builtin,
	col_description(a.attrelid, a.attnum) IS NOT NULL AS commented
FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
WHERE a.attrelid = 'sla.kpi_attainment'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT reloptions FROM pg_class WHERE oid = 'sla.kpi_attainment'::regclass;

-- before any measurement: every started period, nothing met or missed
SELECT kpi, period, period_start, period_end, value, met, credit_percent
FROM sla.kpi_attainment WHERE kpi IN ('availability', 'csat') ORDER BY kpi, period, period_start;

-- the monthly job: January 1 starts both the month and the quarter
SELECT * FROM sla.measure('acme_2024', '2024-01-01 00:00', '2024-02-01 06:00');
SELECT * FROM sla.measure('acme_2024', '2024-02-01 00:00', '2024-03-01 06:00');
-- a count that another job measured
INSERT INTO sla.kpi_measurement (contract, kpi, period, period_start, value, measured_at) VALUES
	('acme_2024', 'calls_per_agent_day', 'month', '2024-01-01 00:00', 64, '2024-02-01 07:00'),
	('acme_2024', 'calls_per_agent_day', 'month', '2024-02-01 00:00', 58.5, '2024-03-01 07:00');

SELECT contract, customer, kpi, period, period_start::date, period_end::date, round(value, 4) AS value,
	comparator, threshold, met, credit_percent, measured_at
FROM sla.kpi_attainment ORDER BY period_start, kpi, period;

-- the same numbers straight from the aggregates, computed by hand in the comments
SELECT sla.availability(o.outage, tstzrange('2024-02-01', '2024-03-01'), 'kc_service') AS feb_availability  -- 1.5 h down of 210 h
FROM kc.outages o WHERE o.customer = 'acme';
SELECT 100 * (1 - 1.5 / 210.0) AS by_hand, 100 * (1 - 0.2 / 230.0) AS january_by_hand,
	100 * (1 - 1.7 / 440.0) AS quarter_by_hand;

-- credit: the largest tier reached, not the sum; none when met; 0 when missed above every tier
SELECT kpi, period_start::date, met, credit_percent FROM sla.kpi_attainment
WHERE kpi IN ('availability', 'csat', 'resolution_P1') AND period = 'month' ORDER BY kpi, period_start;

-- measuring again replaces the value
UPDATE kc.outages SET outage = '[2024-02-14 17:00, 2024-02-14 17:30)' WHERE outage = '[2024-02-14 17:00, 2024-02-14 19:00)';
SELECT kpi, round(value, 4) FROM sla.measure('acme_2024', '2024-02-01 00:00', '2024-03-02 06:00') WHERE kpi = 'availability';
SELECT kpi, round(value, 4) AS value, met, credit_percent, measured_at FROM sla.kpi_attainment
WHERE kpi = 'availability' AND period = 'month' ORDER BY period_start;

-- periods are cut in the calendar's time zone (New York) and to the contract's validity
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('kc_ny', 'America/New_York', 'mon-fri 09:00-17:00');
INSERT INTO sla.contract (name, customer, valid_from, valid_to, calendar) VALUES
	('bolt_q', 'bolt', '2024-03-15 12:00', '2024-05-10 00:00', 'kc_ny');
INSERT INTO sla.kpi_target VALUES ('bolt_q', 'availability', '>=', 99.5, 'quarter'),
	('bolt_q', 'availability', '>=', 99, 'week'), ('bolt_q', 'conversion_rate', '>', 12.5, 'month');
SET timezone = 'UTC';
SELECT kpi, period, period_start, period_end FROM sla.kpi_attainment WHERE contract = 'bolt_q'
ORDER BY kpi, period, period_start;
SELECT sla.kpi_period('2024-03-31 23:30+00', 'month', 'America/New_York') AS ny_march,
	   sla.kpi_period('2024-03-31 23:30+00', 'week', 'Europe/Berlin') AS berlin_week;
SET timezone = 'Europe/Berlin';

-- bad input
SELECT sla_test.try($$INSERT INTO sla.contract (name, customer, valid_from, valid_to, calendar) VALUES ('x', 'a', '2024-02-01', '2024-01-01', 'kc_service')$$);
SELECT sla_test.try($$INSERT INTO sla.contract (name, customer, valid_from, calendar) VALUES ('x', 'a', '-infinity', 'kc_service')$$);
SELECT sla_test.try($$INSERT INTO sla.contract (name, customer, valid_from, calendar) VALUES ('x', 'a', '2024-01-01', 'nowhere')$$);
SELECT sla_test.try($$INSERT INTO sla.contract (name, customer, valid_from, policy, calendar) VALUES ('x', 'a', '2024-01-01', 'nope', 'kc_service')$$);
SELECT sla_test.try($$INSERT INTO sla.contract (name, customer, valid_from, valid_to, policy, calendar) VALUES ('x', 'a', '2023-01-01', '2023-06-01', 'kc_standard', 'kc_service')$$);
SELECT sla_test.try($$DELETE FROM sla.policy WHERE name = 'kc_standard'$$);
SELECT sla_test.try($$UPDATE sla.policy SET valid_from = '2024-06-01' WHERE name = 'kc_standard'$$);
SELECT sla_test.try($$DELETE FROM sla.calendar WHERE name = 'kc_service'$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_target VALUES ('acme_2024', 'aht', '=>', 300, 'month')$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_target VALUES ('acme_2024', 'aht', '<=', 300, 'year')$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_target VALUES ('acme_2024', 'aht', '<=', 'NaN', 'month')$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_target VALUES ('nobody', 'aht', '<=', 300, 'month')$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_credit VALUES ('acme_2024', 'fcr', 'month', 80, 0)$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_credit VALUES ('acme_2024', 'aht', 'month', 80, 5)$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_measurement (contract, kpi, period, period_start, value) VALUES ('acme_2024', 'fcr', 'month', '2024-01-15', 90)$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_measurement (contract, kpi, period, period_start, value) VALUES ('acme_2024', 'fcr', 'month', '2024-03-01', 90)$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_measurement (contract, kpi, period, period_start, value) VALUES ('acme_2024', 'fcr', 'month', '2024-01-01 00:00+00', 90)$$);
SELECT sla_test.try($$INSERT INTO sla.kpi_measurement (contract, kpi, period, period_start, value) VALUES ('acme_2024', 'fcr', 'week', '2024-01-01', 90)$$);
SELECT sla_test.try($$SELECT sla.measure('nobody', '2024-01-01')$$);
SELECT sla_test.try($$SELECT sla.measure('acme_2024', '2024-01-02')$$);
SELECT sla_test.try($$SELECT sla.measure('acme_2024', '2024-03-01')$$);
SELECT sla_test.try($$SELECT sla.kpi_period('2024-01-01', 'year', 'UTC')$$);
SELECT sla_test.try($$SELECT sla.kpi_period('infinity', 'month', 'UTC')$$);
\set VERBOSITY default
INSERT INTO sla.kpi_measurement (contract, kpi, period, period_start, value) VALUES ('acme_2024', 'fcr', 'month', '2024-01-15', 90);
SELECT sla.measure('acme_2024', '2024-01-02');
\set VERBOSITY terse

-- registered queries that do not give one number
BEGIN;
UPDATE sla.kpi_query SET query = 'SELECT c.score FROM kc.calls c WHERE c.customer = $5 AND c.call_at >= $3 AND c.call_at < $4' WHERE kpi = 'csat';
SELECT sla_test.try($$SELECT sla.measure('acme_2024', '2024-01-01')$$);
UPDATE sla.kpi_query SET query = 'SELECT 1, 2' WHERE kpi = 'csat';
SELECT sla_test.try($$SELECT sla.measure('acme_2024', '2024-01-01')$$);
UPDATE sla.kpi_query SET query = 'SELECT interval ''20 s''' WHERE kpi = 'csat';
SELECT sla_test.try($$SELECT sla.measure('acme_2024', '2024-01-01')$$);
UPDATE sla.kpi_query SET query = 'SELECT count(*) FROM calls' WHERE kpi = 'csat';
SELECT sla_test.try($$SELECT sla.measure('acme_2024', '2024-01-01')$$);
-- no row, or a null: measured, nothing counted
UPDATE sla.kpi_query SET query = 'SELECT 1 WHERE false' WHERE kpi = 'csat';
SELECT kpi, value FROM sla.measure('acme_2024', '2024-01-01') WHERE kpi = 'csat';
SELECT kpi, value, met, credit_percent FROM sla.kpi_attainment WHERE kpi = 'csat' AND period_start = '2024-01-01';
ROLLBACK;

-- who may register: a query runs only for callers whose privileges its registrant has
CREATE ROLE regress_kpi_alice;
CREATE ROLE regress_kpi_bob;
GRANT INSERT, UPDATE ON sla.kpi_query TO regress_kpi_alice;
GRANT USAGE ON SCHEMA sla_test TO regress_kpi_alice;
SET ROLE regress_kpi_alice;
-- the row names its registrant (the superuser running this test): changing it alone is refused
SELECT left(sla_test.try($$UPDATE sla.kpi_query SET query = 'SELECT 0' WHERE kpi = 'csat'$$), 48);
SELECT sla_test.try($$INSERT INTO sla.kpi_query (kpi, query, registered_by) VALUES ('aht', 'SELECT 0', 'regress_kpi_bob')$$);
UPDATE sla.kpi_query SET query = 'SELECT 0', registered_by = current_user WHERE kpi = 'csat';
RESET ROLE;
SELECT kpi, registered_by FROM sla.kpi_query WHERE kpi = 'csat';
SELECT sla_test.try($$SELECT sla.measure('acme_2024', '2024-01-01')$$);
SELECT value FROM sla.kpi_measurement WHERE kpi = 'csat' AND period_start = '2024-01-01';
DELETE FROM sla.kpi_query WHERE kpi = 'csat';
REVOKE ALL ON sla.kpi_query FROM regress_kpi_alice;
REVOKE ALL ON SCHEMA sla_test FROM regress_kpi_alice;
DROP ROLE regress_kpi_alice, regress_kpi_bob;

-- deleting a contract deletes its targets, tiers and measurements
DELETE FROM sla.contract WHERE name IN ('acme_2024', 'bolt_q');
SELECT (SELECT count(*) FROM sla.kpi_target) AS targets, (SELECT count(*) FROM sla.kpi_credit) AS tiers,
	(SELECT count(*) FROM sla.kpi_measurement) AS measurements;
DELETE FROM sla.kpi_query;
DELETE FROM sla.policy WHERE name = 'kc_standard';
DELETE FROM sla.calendar WHERE name IN ('kc_service', 'kc_247', 'kc_ny');
DROP SCHEMA kc CASCADE;
