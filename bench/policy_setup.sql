-- bench/policy_setup.sql: extension, calendars, policies and the ticket targets
-- for bench/policy.sh.  Everything lives in schema "bench" except the calendar
-- and policy rows (sla.calendar*, sla.policy).
-- psql variables: rows (ticket targets), at (the instant states are read at).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET jit = off;

CREATE EXTENSION IF NOT EXISTS sla;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;

\ir calendar.sql

-- The typical contract over office hours (every target on de_office); P3 has
-- no periodic update, P4 neither that nor a next response (NULL answers).
CREATE TABLE bench.contract (name text PRIMARY KEY, policy sla.sla_policy NOT NULL);
INSERT INTO bench.contract VALUES
('standard', '{"calendar": "de_office", "warn_at": 0.75, "escalations": [0.5, 0.75, 1.0, 1.5], "targets": {
	"P1": {"first_response": "15 minutes", "next_response": "30 minutes", "periodic_update": "1 hour", "resolution": "4 hours"},
	"P2": {"first_response": "1 hour", "next_response": "2 hours", "periodic_update": "4 hours", "resolution": "1 day"},
	"P3": {"first_response": "4 hours", "next_response": "8 hours", "resolution": "3 days"},
	"P4": {"first_response": "1 day", "resolution": "5 days"}}}'),
-- tighter terms for some customers (the policy column mixes both)
('premium', '{"calendar": "de_office", "warn_at": 0.8, "escalations": [0.5, 1.0], "targets": {
	"P1": {"first_response": "10 minutes", "next_response": "15 minutes", "periodic_update": "30 minutes", "resolution": "2 hours"},
	"P2": {"first_response": "30 minutes", "next_response": "1 hour", "periodic_update": "2 hours", "resolution": "8 hours"},
	"P3": {"first_response": "2 hours", "next_response": "4 hours", "resolution": "2 days"},
	"P4": {"first_response": "8 hours", "resolution": "3 days"}}}'),
-- standard with the P1 resolution on the 24/7 calendar (two calendars per query)
('standard_24x7', '{"calendar": "de_office", "warn_at": 0.75, "escalations": [0.5, 0.75, 1.0, 1.5], "targets": {
	"P1": {"first_response": "15 minutes", "next_response": "30 minutes", "periodic_update": "1 hour", "resolution": {"within": "4 hours", "calendar": "always"}},
	"P2": {"first_response": "1 hour", "next_response": "2 hours", "periodic_update": "4 hours", "resolution": "1 day"},
	"P3": {"first_response": "4 hours", "next_response": "8 hours", "resolution": "3 days"},
	"P4": {"first_response": "1 day", "resolution": "5 days"}}}');

-- The named policy: standard until 2025-07-01, premium's targets from then on.
DELETE FROM sla.policy WHERE name = 'contract';
INSERT INTO sla.policy (name, valid_from, policy, comment)
SELECT 'contract', timestamptz '-infinity', policy, 'benchmark: first version' FROM bench.contract WHERE name = 'standard'
UNION ALL
SELECT 'contract', timestamptz '2025-07-01 00:00 Europe/Berlin', policy, 'benchmark: second version' FROM bench.contract WHERE name = 'premium';

-- Working days of the year before :at (for targets started in working hours).
CREATE TABLE bench.workday AS
SELECT d::date AS day
FROM generate_series((:'at'::timestamptz - interval '365 days')::date, (:'at'::timestamptz)::date - 1, interval '1 day') AS d
WHERE extract(isodow FROM d) < 6
  AND d::date NOT IN (SELECT day FROM sla.calendar_exception WHERE calendar = 'de_office');

-- One row per ticket target (a ticket and a kind).  Priorities P1 10%, P2 25%,
-- P3 40%, P4 25%; kinds first_response 35%, resolution 35%, next_response 20%,
-- periodic_update 10%; started_at in the 365 days before :at, half uniform
-- (nights, weekends, holidays), half inside working hours.  Open: 60% of
-- those started in the 14 days before :at, 3% of the older ones; the others
-- done after a delay of up to 10 days (squared uniform: most are quick).  A
-- quarter has 1-3 pauses (one a day from the start, 10 minutes to 2 days
-- long); in a third of the open ones with pauses the last one has no end.
SELECT setseed(0.13) AS seed \gset
CREATE TABLE bench.pticket (
	id int PRIMARY KEY,
	priority text NOT NULL,
	kind text NOT NULL,
	started_at timestamptz NOT NULL,
	done_at timestamptz,
	pauses tstzmultirange NOT NULL,
	target sla.business_interval,		-- standard's target (the baseline's amount)
	target_named sla.business_interval,	-- contract's version at started_at
	cal text							-- the calendar of standard_24x7's target
);
WITH w AS (SELECT array_agg(day ORDER BY day) AS days FROM bench.workday),
r AS (
	SELECT i, random() AS r_prio, random() AS r_kind, random() AS r_start, random() AS r_open,
		random() AS r_done, random() AS r_pause, random() AS r_open_end
	FROM generate_series(1, :rows) AS i
),
t AS (
	SELECT r.*,
		CASE WHEN r_prio < 0.10 THEN 'P1' WHEN r_prio < 0.35 THEN 'P2' WHEN r_prio < 0.75 THEN 'P3' ELSE 'P4' END AS priority,
		CASE WHEN r_kind < 0.35 THEN 'first_response' WHEN r_kind < 0.70 THEN 'resolution'
		     WHEN r_kind < 0.90 THEN 'next_response' ELSE 'periodic_update' END AS kind,
		CASE WHEN i % 2 = 0 THEN :'at'::timestamptz - r_start * interval '365 days'
		ELSE (w.days[1 + floor(r_start * cardinality(w.days))::int]
			  + time '09:00' + random() * interval '8 hours') AT TIME ZONE 'Europe/Berlin'
		END AS started_at,
		CASE WHEN r_pause < 0.25 THEN 1 + floor(r_pause * 12)::int ELSE 0 END AS npauses
	FROM r, w
),
s AS (
	SELECT t.*,
		CASE WHEN r_open < CASE WHEN started_at > :'at'::timestamptz - interval '14 days' THEN 0.60 ELSE 0.03 END
		     THEN NULL
		     ELSE started_at + r_done * r_done * interval '10 days' END AS done_at
	FROM t
)
INSERT INTO bench.pticket
SELECT i, priority, kind, started_at, done_at,
	coalesce((SELECT range_agg(tstzrange(lo, CASE WHEN k = npauses AND done_at IS NULL AND r_open_end < 1.0 / 3 THEN NULL
	                                              ELSE lo + interval '10 minutes' + random() * interval '2 days' END))
	          FROM (SELECT k, started_at + (k - 1) * interval '1 day' + random() * interval '1 day' AS lo
	                FROM generate_series(1, npauses) AS k) AS q),
	         '{}'),
	sla.target(c.policy, priority, kind),
	sla.target('contract', priority, kind, started_at),
	CASE WHEN priority = 'P1' AND kind = 'resolution' THEN 'always' ELSE 'de_office' END
FROM s, bench.contract c WHERE c.name = 'standard';
-- VACUUM sets the visibility map: scans then skip per-tuple visibility checks.
VACUUM ANALYZE bench.pticket;

-- The same rows with a policy column: every third customer is premium.
CREATE TABLE bench.pticket_pol AS
SELECT t.*, c.policy, sla.target(c.policy, t.priority, t.kind) AS target_pol
FROM bench.pticket t
JOIN bench.contract c ON c.name = CASE WHEN t.id % 3 = 0 THEN 'premium' ELSE 'standard' END;
-- The paused quarter alone: due with pauses against business_add on its rows.
CREATE TABLE bench.pticket_paused AS SELECT * FROM bench.pticket WHERE NOT isempty(pauses);
VACUUM ANALYZE bench.pticket_pol;
VACUUM ANALYZE bench.pticket_paused;

SELECT count(*) AS targets,
	count(*) FILTER (WHERE target IS NULL) AS without_target,
	count(*) FILTER (WHERE done_at IS NULL) AS open,
	count(*) FILTER (WHERE NOT isempty(pauses)) AS with_pauses,
	count(*) FILTER (WHERE upper_inf(pauses)) AS open_ended_pause,
	round(avg((SELECT count(*) FROM unnest(pauses))) FILTER (WHERE NOT isempty(pauses)), 2) AS pauses_per_paused,
	round(100.0 * count(*) FILTER (WHERE sla.is_open(started_at, 'de_office')) / count(*), 1) AS pct_started_in_hours,
	min(started_at) AS first_started, max(started_at) AS last_started
FROM bench.pticket;
SELECT priority, count(*), count(*) FILTER (WHERE kind = 'first_response') AS first_response,
	count(*) FILTER (WHERE kind = 'resolution') AS resolution,
	count(*) FILTER (WHERE kind = 'next_response') AS next_response,
	count(*) FILTER (WHERE kind = 'periodic_update') AS periodic_update
FROM bench.pticket GROUP BY 1 ORDER BY 1;
SELECT sla.state(c.policy, priority, kind, started_at, done_at, :'at', pauses) AS state_standard, count(*)
FROM bench.pticket, bench.contract c WHERE c.name = 'standard' GROUP BY 1 ORDER BY 1;
SELECT pg_size_pretty(pg_table_size('bench.pticket')) AS pticket,
	pg_size_pretty(pg_table_size('bench.pticket_pol')) AS pticket_pol,
	pg_size_pretty(pg_table_size('bench.pticket_paused')) AS pticket_paused,
	(SELECT pg_column_size(policy) FROM bench.contract WHERE name = 'standard') AS policy_bytes;
-- The baselines compute the same deadlines: due without pauses is business_add
-- of the target on the target's calendar (0 rows differ expected).
SELECT count(*) FILTER (WHERE sla.due(c.policy, priority, kind, started_at)
	IS DISTINCT FROM sla.business_add(started_at, target, 'de_office')) AS due_differs_from_add,
	count(*) FILTER (WHERE sla.due('contract', priority, kind, started_at)
	IS DISTINCT FROM sla.business_add(started_at, target_named, 'de_office')) AS named_due_differs,
	count(*) FILTER (WHERE sla.due(s.policy, priority, kind, started_at)
	IS DISTINCT FROM sla.business_add(started_at, target, cal)) AS due_24x7_differs
FROM bench.pticket, bench.contract c, bench.contract s WHERE c.name = 'standard' AND s.name = 'standard_24x7';
