-- A tour of sla on a throwaway database: a calendar, deadlines around a
-- weekend, a holiday and a DST change, and elapsed business time.
\set ON_ERROR_STOP on
\pset footer off
CREATE EXTENSION IF NOT EXISTS sla;
SET timezone = 'Europe/Berlin';

\echo '== A calendar: Berlin office hours with a lunch break, Christmas closed, Christmas Eve a half day'
INSERT INTO sla.calendar (name, time_zone, hours, comment)
VALUES ('berlin_office', 'Europe/Berlin', 'mon-fri 09:00-12:30,13:30-17:00', 'Service desk, Berlin');
INSERT INTO sla.calendar_exception (calendar, day, hours, reason) VALUES
	('berlin_office', '2026-12-24', '09:00-12:00', 'Christmas Eve: half day'),
	('berlin_office', '2026-12-25', NULL, 'Christmas Day'),
	('berlin_office', '2026-12-26', NULL, 'Boxing Day');
SELECT name, time_zone, hours FROM sla.calendar;
SELECT day, coalesce(hours, 'closed') AS hours, reason FROM sla.calendar_exception ORDER BY day;

\echo '== Deadlines: opened at, plus a target in business time'
SELECT opened_at, target, sla.business_add(opened_at, target, 'berlin_office') AS due
FROM (VALUES
	(timestamptz '2026-11-27 16:00', sla.business_interval '2 hours'),  -- Friday afternoon: due Monday
	('2026-11-28 11:00', '15 minutes'),                                   -- Saturday: clock starts Monday 09:00
	('2026-11-24 13:00', '3 hours 30 minutes'),                           -- lunch, then exactly the 17:00 close
	('2026-12-23 15:00', '4 hours'),                                      -- half day, then the holidays
	('2026-11-23 12:00', '1 day'),                                        -- business days: Tuesday 12:00
	('2026-11-29 10:00', '1 day')                                         -- opened Sunday: due Monday at closing
) AS t(opened_at, target);

\echo '== Across the DST change (29 March 2026, Berlin springs forward 02:00 -> 03:00)'
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('berlin_247', 'Europe/Berlin', '24/7');
SELECT sla.business_elapsed('2026-03-29 00:00', '2026-03-30 00:00', 'berlin_247') AS open_on_dst_day,
	   sla.business_add('2026-03-28 12:00', '1 day', 'berlin_247') AS one_business_day_later,
	   sla.business_add('2026-03-29 01:00', '2 hours', 'berlin_247') AS two_hours_later;

\echo '== Elapsed business time of a few tickets'
SELECT opened_at, resolved_at, sla.business_elapsed(opened_at, resolved_at, 'berlin_office') AS business_time
FROM (VALUES
	(timestamptz '2026-11-27 16:00', timestamptz '2026-11-30 10:00'),
	('2026-12-23 10:00', '2026-12-28 10:00'),
	('2026-11-20 08:00', '2026-11-20 20:00')
) AS t(opened_at, resolved_at);

\echo '== Is the desk open? When does it open and close next?'
SELECT ts, sla.is_open(ts, 'berlin_office') AS open,
	   sla.next_open(ts, 'berlin_office') AS next_open,
	   sla.next_close(ts, 'berlin_office') AS next_close
FROM (VALUES (timestamptz '2026-11-25 12:45'), ('2026-11-25 17:00'), ('2026-12-24 11:00')) AS t(ts);

\echo '== Open periods of Christmas week'
SELECT lower(p) AS opens, upper(p) AS closes
FROM unnest(sla.open_periods('berlin_office', '[2026-12-23, 2026-12-29)')) AS p;

\echo '== A policy: targets per priority and kind, effective from 2026 (P1 resolution round the clock)'
INSERT INTO sla.policy (name, valid_from, policy, comment) VALUES ('standard', '2026-01-01', '{
	"calendar": "berlin_office", "warn_at": 0.8, "escalations": [0.5, 1.0, 1.5],
	"targets": {
		"P1": {"first_response": "15 minutes", "resolution": {"within": "4 hours", "calendar": "berlin_247"}},
		"P2": {"first_response": "1 hour", "resolution": "1 day"},
		"P3": {"first_response": "4 hours", "resolution": "3 days"}}}', 'contract 2026');
SELECT name, valid_from, policy FROM sla.policy;

\echo '== Tickets: status history to pauses, then due instants and states as of Wednesday 2 December 10:00'
CREATE TEMP TABLE demo_ticket (id int, priority text, opened_at timestamptz, responded_at timestamptz, resolved_at timestamptz);
INSERT INTO demo_ticket VALUES
	(1, 'P1', '2026-11-27 23:00', '2026-11-30 09:05', '2026-11-28 02:30'),  -- night: 24/7 resolution
	(2, 'P2', '2026-11-27 16:30', '2026-11-30 09:20', NULL),                -- Friday: first response Monday
	(3, 'P3', '2026-11-30 10:00', '2026-11-30 11:00', NULL),                -- waiting on the customer twice
	(4, 'P2', '2026-12-01 15:00', '2026-12-01 15:30', NULL);                -- open, still running on Wednesday
CREATE TEMP TABLE demo_status (ticket int, id int, changed_at timestamptz, status text);
INSERT INTO demo_status VALUES
	(3, 1, '2026-11-30 10:00', 'open'), (3, 2, '2026-11-30 14:00', 'waiting'),
	(3, 3, '2026-12-01 09:30', 'open'), (3, 4, '2026-12-02 09:00', 'waiting');
SELECT t.id, t.priority, k.kind, p.pauses,
	   sla.due('standard', t.priority, k.kind, t.opened_at, p.pauses) AS due,
	   sla.state('standard', t.priority, k.kind, t.opened_at, k.done_at, '2026-12-02 10:00', p.pauses) AS state,
	   sla.remaining('standard', t.priority, k.kind, t.opened_at, k.done_at, '2026-12-02 10:00', p.pauses) AS remaining
FROM demo_ticket t
CROSS JOIN LATERAL (VALUES ('first_response', t.responded_at), ('resolution', t.resolved_at)) AS k(kind, done_at)
CROSS JOIN LATERAL (SELECT coalesce(sla.pauses(s.changed_at, s.status, '{waiting}' ORDER BY s.changed_at, s.id), '{}') AS pauses
					FROM demo_status s WHERE s.ticket = t.id) AS p
ORDER BY t.id, k.kind;

\echo '== Compliance of those targets as of Wednesday 10:00 (KPI aggregate: open and not yet due does not count)'
SELECT k.kind, sla.compliance(sla.due('standard', t.priority, k.kind, t.opened_at), k.done_at, '2026-12-02 10:00') AS compliance_pct
FROM demo_ticket t
CROSS JOIN LATERAL (VALUES ('first_response', t.responded_at), ('resolution', t.resolved_at)) AS k(kind, done_at)
GROUP BY k.kind ORDER BY k.kind;

\echo '== Holidays as data: Berlin''s public holidays in 2026, and a calendar that follows them'
SELECT day, name, kind FROM sla.holidays('DE-BE', '2026-01-01', '2026-12-31');
INSERT INTO sla.calendar (name, time_zone, hours, holidays) VALUES ('berlin_holidays', 'Europe/Berlin', 'mon-fri 09:00-17:00', '{DE-BE}');
SELECT sla.business_add('2026-12-23 16:00', '2 hours', 'berlin_holidays') AS due_dec_23_plus_2h;

\echo '== A tracked table: the trigger keeps due instants and states, the sweep marks breaches as time passes'
CREATE TABLE demo_desk_ticket (id int PRIMARY KEY, priority text, customer text, opened_at timestamptz,
	responded_at timestamptz, resolved_at timestamptz);
SELECT sla.track('demo_desk_ticket', 'standard', '{"priority": "priority", "opened_at": "opened_at",
	"first_response_at": "responded_at", "resolved_at": "resolved_at", "customer": "customer"}');
-- sla.now (superuser) fixes the instant writes are judged as of, instead of the clock
SET sla.now = '2026-11-30 09:00';
INSERT INTO demo_desk_ticket VALUES
	(1, 'P1', 'acme', '2026-11-30 09:00', '2026-11-30 09:10', '2026-11-30 12:00'),
	(2, 'P2', 'globex', '2026-11-30 09:00', '2026-11-30 11:00', NULL),
	(3, 'P3', 'acme', '2026-11-30 09:00', NULL, NULL);
SELECT sla.sweep(at => '2026-12-02 10:00') AS rows_changed;
SELECT id, priority, sla_state, sla_breached_at FROM demo_desk_ticket ORDER BY id;

\echo '== Its report view for BI tools (plain types, business time in hours) as of Wednesday 2 December 10:00'
SET sla.now = '2026-12-02 10:00';
SELECT row_key, kind, priority, customer, due, done_at, state, breached, business_hours
FROM sla.report_demo_desk_ticket ORDER BY row_key, kind;
SELECT month, kind, priority, customer, targets, met, breached, not_counted, round(compliance, 1) AS compliance
FROM sla.compliance_monthly ORDER BY kind, priority, customer;
RESET sla.now;

\echo '== Localized output through ICU: a business interval and a deadline relative to now'
SELECT l AS locale, sla.format('2 days 4 hours'::sla.business_interval, l) AS amount,
       sla.format_relative('2026-12-02 13:00+01', '2026-12-02 10:00+01', l) AS deadline
FROM unnest('{en,de,nl,fr,zh,ja,tr}'::text[]) AS l;

\echo '== A contract: 99.9% availability a month, 5% credit below 99.9 and 10% below 99.5; November measured'
INSERT INTO sla.contract (name, customer, valid_from, valid_to, policy, calendar)
	VALUES ('acme_2026', 'acme', '2026-11-01 00:00+01', '2027-01-01 00:00+01', 'standard', 'berlin_office');
INSERT INTO sla.kpi_target (contract, kpi, comparator, threshold, period)
	VALUES ('acme_2026', 'availability', '>=', 99.9, 'month');
INSERT INTO sla.kpi_credit (contract, kpi, period, threshold, credit_percent)
	VALUES ('acme_2026', 'availability', 'month', 99.9, 5), ('acme_2026', 'availability', 'month', 99.5, 10);
-- one outage of 30 minutes in service hours, measured with the availability aggregate
INSERT INTO sla.kpi_measurement (contract, kpi, period, period_start, value)
SELECT 'acme_2026', 'availability', 'month', '2026-11-01 00:00+01',
	   round(sla.availability(o, '[2026-11-01 00:00+01, 2026-12-01 00:00+01)', 'berlin_office'), 4)
FROM (VALUES (tstzrange('2026-11-18 10:00+01', '2026-11-18 10:30+01'))) AS v(o);
SELECT contract, kpi, to_char(period_start AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month,
	   value, comparator, threshold, met, credit_percent
FROM sla.kpi_attainment WHERE period_start < '2026-12-01' ORDER BY period_start;
