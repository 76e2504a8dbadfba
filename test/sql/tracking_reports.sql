-- tracking_reports: the report view sla.track creates per tracked table (one row per
-- row and target kind, plain types, as of sla.now when set), its name, RLS through
-- security_invoker, and sla.compliance_weekly/monthly over every report view with
-- weeks and months cut in the time zone of the policy's default calendar.
SET TimeZone = 'UTC';
SET DateStyle = ISO;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('rep_office', 'Europe/Amsterdam', 'mon-fri 08:00-16:00'),
	('rep_247', 'Europe/Amsterdam', '24/7'),
	('rep_ny', 'America/New_York', 'mon-fri 09:00-17:00');
INSERT INTO sla.policy (name, valid_from, policy) VALUES
	('rep_std', '-infinity', '{"calendar": "rep_office", "warn_at": 0.75, "targets": {
		"P1": {"first_response": "30 minutes", "resolution": {"within": "4 hours", "calendar": "rep_247"}},
		"P2": {"first_response": "2 hours", "resolution": "1 day"}}}'),
	('rep_alt', '-infinity', '{"calendar": "rep_ny", "targets": {"P1": {"first_response": "1 hour"}}}');
CREATE TABLE rep_ticket (id int PRIMARY KEY, priority text NOT NULL, status text NOT NULL DEFAULT 'new',
	status_changed_at timestamptz, customer text, created_at timestamptz NOT NULL,
	first_reply_at timestamptz, solved_at timestamptz);
SELECT sla.track('rep_ticket', 'rep_std', '{"priority": "priority", "opened_at": "created_at",
	"first_response_at": "first_reply_at", "resolved_at": "solved_at", "status": "status",
	"status_changed_at": "status_changed_at", "paused_statuses": ["waiting"], "customer": "customer"}');
SELECT sla.report_view('rep_ticket');

-- 1: P2 acme, Monday 7 December 09:00 Amsterdam, paused 09:30-10:00, replied 11:20
-- 2: P1 globex at 09:10, replied 09:50 (due 09:40), solved 14:00 (24/7: due 13:10)
-- 3: P2 acme, Sunday 23:30 UTC = Monday 00:30 Amsterdam (week 50 there, 49 in UTC), paused since 09:00
-- 4: P1 globex, 30 November 23:30 UTC = 1 December 00:30 Amsterdam (December there), both met
SET sla.now = '2026-11-30 23:30+00';
INSERT INTO rep_ticket (id, priority, customer, created_at) VALUES (4, 'P1', 'globex', '2026-11-30 23:30+00');
SET sla.now = '2026-12-01 08:20+01';
UPDATE rep_ticket SET first_reply_at = '2026-12-01 08:20+01', solved_at = '2026-12-01 03:00+01' WHERE id = 4;
SET sla.now = '2026-12-06 23:30+00';
INSERT INTO rep_ticket (id, priority, customer, created_at) VALUES (3, 'P2', 'acme', '2026-12-06 23:30+00');
SET sla.now = '2026-12-07 09:00+01';
INSERT INTO rep_ticket (id, priority, customer, created_at) VALUES (1, 'P2', 'acme', '2026-12-07 09:00+01');
UPDATE rep_ticket SET status = 'waiting', status_changed_at = '2026-12-07 09:00+01' WHERE id = 3;
SET sla.now = '2026-12-07 09:10+01';
INSERT INTO rep_ticket (id, priority, customer, created_at) VALUES (2, 'P1', 'globex', '2026-12-07 09:10+01');
SET sla.now = '2026-12-07 09:30+01';
UPDATE rep_ticket SET status = 'waiting', status_changed_at = '2026-12-07 09:30+01' WHERE id = 1;
SET sla.now = '2026-12-07 10:00+01';
UPDATE rep_ticket SET status = 'open', status_changed_at = '2026-12-07 10:00+01' WHERE id = 1;
SET sla.now = '2026-12-07 11:20+01';
UPDATE rep_ticket SET first_reply_at = '2026-12-07 11:20+01' WHERE id = 1;
UPDATE rep_ticket SET first_reply_at = '2026-12-07 09:50+01', solved_at = '2026-12-07 14:00+01' WHERE id = 2;

-- the report as of Tuesday 8 December 12:00 Amsterdam (sla.now), read with only pg_catalog on the path
SET sla.now = '2026-12-08 12:00+01';
SET search_path = pg_catalog;
SELECT row_key, kind, priority, policy, customer, opened_at, target, due, done_at, state,
	   met, breached, paused, paused_hours, business_hours, calendar, time_zone, at, tbl
FROM sla.report_rep_ticket ORDER BY row_key, kind;
RESET search_path;

-- a table in another schema with a two-column key and a policy column, no customer, first response only
CREATE SCHEMA rep_crm;
CREATE TABLE rep_crm.ticket (region text, num int, priority text, opened timestamptz, answered timestamptz,
	contract text, PRIMARY KEY (region, num));
SELECT sla.track('rep_crm.ticket', 'rep_std', '{"priority": "priority", "opened_at": "opened",
	"first_response_at": "answered", "policy": "contract"}');
SET sla.now = '2026-12-07 10:00+01';
INSERT INTO rep_crm.ticket VALUES ('eu', 1, 'P1', '2026-12-07 10:00+01', NULL, NULL),
	('us', 1, 'P1', '2026-12-07 09:00-05', NULL, 'rep_alt');
SET sla.now = '2026-12-07 10:20+01';
UPDATE rep_crm.ticket SET answered = '2026-12-07 10:20+01' WHERE region = 'eu';
SET sla.now = '2026-12-08 12:00+01';
SELECT tbl, row_key, kind, priority, policy, customer, due, state, met, breached, business_hours, time_zone
FROM sla.report_rep_crm_ticket ORDER BY row_key;

-- compliance by week and month, cut in the policy's default calendar's zone whatever the session's
SET TimeZone = 'Pacific/Auckland';
SELECT week, week_start AT TIME ZONE 'UTC' AS week_start_utc, week_end AT TIME ZONE 'UTC' AS week_end_utc,
	   time_zone, kind, priority, policy, customer, targets, met, breached, not_counted,
	   round(compliance, 2) AS compliance, at AT TIME ZONE 'UTC' AS at_utc
FROM sla.compliance_weekly WHERE policy LIKE 'rep\_%'
ORDER BY week, time_zone, policy, priority, customer, kind;
SELECT month, month_start AT TIME ZONE 'UTC' AS month_start_utc, month_end AT TIME ZONE 'UTC' AS month_end_utc,
	   time_zone, kind, priority, policy, customer, targets, met, breached, not_counted,
	   round(compliance, 2) AS compliance
FROM sla.compliance_monthly WHERE policy LIKE 'rep\_%'
ORDER BY month, time_zone, policy, priority, customer, kind;
SET TimeZone = 'UTC';

-- without sla.now the views judge as of now()
RESET sla.now;
SELECT DISTINCT at = now() AS at_is_now FROM sla.report_rep_ticket;
SELECT DISTINCT at = now() AS at_is_now FROM sla.compliance_monthly WHERE policy LIKE 'rep\_%';
SET sla.now = '2026-12-08 12:00+01';

-- row-level security holds through the views (security_invoker); a role must be able to
-- read every tracked table to read the compliance views
CREATE ROLE rep_reader;
GRANT USAGE ON SCHEMA rep_crm TO rep_reader;
GRANT SELECT ON rep_ticket TO rep_reader;
ALTER TABLE rep_ticket ENABLE ROW LEVEL SECURITY;
CREATE POLICY rep_acme ON rep_ticket TO rep_reader USING (customer = 'acme');
BEGIN;
-- only this file's tables count here
DELETE FROM sla.tracked WHERE tbl NOT IN ('rep_ticket'::regclass, 'rep_crm.ticket'::regclass);
SET LOCAL ROLE rep_reader;
SELECT row_key, kind, customer FROM sla.report_rep_ticket ORDER BY row_key, kind;
SAVEPOINT no_grant;
SELECT * FROM sla.compliance_weekly;
ROLLBACK TO SAVEPOINT no_grant;
RESET ROLE;
GRANT SELECT ON rep_crm.ticket TO rep_reader;
SET LOCAL ROLE rep_reader;
SELECT week, kind, priority, policy, customer, targets FROM sla.compliance_weekly ORDER BY week, policy, priority, customer, kind;
ROLLBACK;
ALTER TABLE rep_ticket DISABLE ROW LEVEL SECURITY;

-- names: kept when tracked again; hashed when too long or taken; a view only for tracked tables
SELECT sla.track('rep_crm.ticket', 'rep_std', '{"priority": "priority", "opened_at": "opened",
	"first_response_at": "answered", "resolved_at": "answered", "policy": "contract"}');
SELECT sla.track('rep_crm.ticket', 'rep_std', '{"priority": "priority", "opened_at": "opened",
	"first_response_at": "answered", "policy": "contract"}');
SELECT sla.report_view('rep_crm.ticket');
CREATE TABLE rep_crm_ticket (id int PRIMARY KEY, priority text, opened_at timestamptz, done timestamptz);
SELECT sla.track('rep_crm_ticket', 'rep_std', '{"priority": "priority", "opened_at": "opened_at", "resolved_at": "done"}');
SELECT sla.report_view('rep_crm_ticket');
CREATE TABLE rep_a_table_name_long_enough_that_its_view_name_would_pass_63 (id int PRIMARY KEY,
	priority text, opened_at timestamptz, done timestamptz);
SELECT sla.track('rep_a_table_name_long_enough_that_its_view_name_would_pass_63', 'rep_std',
	'{"priority": "priority", "opened_at": "opened_at", "resolved_at": "done"}');
SELECT sla.report_view('rep_a_table_name_long_enough_that_its_view_name_would_pass_63');
SELECT sla.create_report_view('rep_crm_ticket') AS again,
	   sla_test.try($$SELECT sla.create_report_view('sla.calendar')$$) AS not_tracked;
SELECT sla.report_view('sla.calendar') IS NULL AS no_view;

-- every column of the views has a plain type and a comment
SELECT c.relname, count(*) AS columns,
	   string_agg(DISTINCT format_type(a.atttypid, a.atttypmod), ', ' ORDER BY format_type(a.atttypid, a.atttypmod)) AS types,
	   count(*) FILTER (WHERE col_description(c.oid, a.attnum) IS NULL) AS without_comment,
	   c.reloptions
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.relnamespace = 'sla'::regnamespace AND c.relkind = 'v' AND c.relname LIKE ANY ('{report\_rep%,compliance%}')
GROUP BY c.oid, c.relname, c.reloptions ORDER BY c.relname;

-- untrack drops the view; a tracked table is dropped with CASCADE (its view goes with it)
SELECT sla.untrack('rep_crm_ticket', drop_columns => true);
SELECT sla.report_view('rep_crm_ticket') IS NULL AS dropped;
\set VERBOSITY terse
DROP TABLE rep_a_table_name_long_enough_that_its_view_name_would_pass_63;
\set VERBOSITY default
DROP TABLE rep_a_table_name_long_enough_that_its_view_name_would_pass_63 CASCADE;
SELECT count(*) AS rows_without_their_table FROM sla.compliance_monthly WHERE policy LIKE 'rep\_%';
DELETE FROM sla.tracked WHERE tbl::text ~ '^[0-9]+$';

-- cleanup
SELECT sla.untrack('rep_ticket');
SELECT sla.untrack('rep_crm.ticket');
SELECT count(*) AS report_views_left FROM pg_class
WHERE relnamespace = 'sla'::regnamespace AND relname LIKE 'report\_rep%';
SELECT * FROM sla.compliance_weekly WHERE policy LIKE 'rep\_%';
DROP TABLE rep_ticket, rep_crm.ticket, rep_crm_ticket;
DROP SCHEMA rep_crm;
DROP ROLE rep_reader;
DELETE FROM sla.policy WHERE name LIKE 'rep\_%';
DELETE FROM sla.calendar WHERE name LIKE 'rep\_%';
RESET sla.now;
