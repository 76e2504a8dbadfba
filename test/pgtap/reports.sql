-- The views of sla (the compliance views and a tracked table's report view) give BI
-- tools plain columns: built-in types only, each with a comment, read with the
-- reader's privileges.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS sla;
SELECT plan(6);

INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('tap_rep', 'UTC', '24/7');
INSERT INTO sla.policy (name, valid_from, policy) VALUES ('tap_rep', '-infinity',
	'{"calendar": "tap_rep", "targets": {"P1": {"first_response": "1 hour", "resolution": "4 hours"}}}');
CREATE TABLE tap_rep_ticket (id int PRIMARY KEY, priority text, opened_at timestamptz,
	answered_at timestamptz, solved_at timestamptz, customer text);
SELECT sla.track('tap_rep_ticket', 'tap_rep', '{"priority": "priority", "opened_at": "opened_at",
	"first_response_at": "answered_at", "resolved_at": "solved_at", "customer": "customer"}');

CREATE TEMP VIEW tap_view_columns AS
SELECT c.relname, a.attname, a.atttypid, t.typnamespace, col_description(c.oid, a.attnum) AS comment, c.reloptions
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
WHERE c.relnamespace = 'sla'::regnamespace AND c.relkind = 'v';

SELECT bag_has($$SELECT DISTINCT relname::text FROM tap_view_columns$$,
	$$VALUES ('compliance_weekly'), ('compliance_monthly'), ('report_tap_rep_ticket')$$,
	'the compliance views and the report view of a tracked table exist');
SELECT is_empty($$
	SELECT relname || '.' || attname FROM tap_view_columns
	WHERE NOT (atttypid < 16384 OR typnamespace = 'pg_catalog'::regnamespace)
$$, 'every column of every view of sla has a built-in type');
SELECT is_empty($$
	SELECT relname || '.' || attname || ' ' || atttypid::regtype FROM tap_view_columns
	WHERE atttypid NOT IN ('text'::regtype, 'boolean'::regtype, 'timestamptz'::regtype, 'numeric'::regtype)
$$, 'every column of every view of sla is text, boolean, timestamptz or numeric');
SELECT is_empty($$
	SELECT relname || '.' || attname FROM tap_view_columns WHERE comment IS NULL OR comment = ''
$$, 'every column of every view of sla has a comment');
SELECT is_empty($$
	SELECT DISTINCT relname FROM tap_view_columns WHERE NOT coalesce('security_invoker=true' = ANY (reloptions), false)
$$, 'every view of sla is security_invoker');
SELECT is_empty($$
	SELECT c.relname FROM pg_class c
	WHERE c.relnamespace = 'sla'::regnamespace AND c.relkind = 'v' AND obj_description(c.oid, 'pg_class') IS NULL
$$, 'every view of sla has a comment');

SELECT * FROM finish();
ROLLBACK;
