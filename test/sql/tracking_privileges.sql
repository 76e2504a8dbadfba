-- tracking_privileges: who may do what with tracked tables (docs/security.md).
-- An application role writes its tickets with grants on its table only (events are
-- written as the owner of sla.event); sla.track and sla.untrack need the table's
-- ownership; the sweep runs with the caller's rights, on the tables it may update,
-- through their row-level security; events are read with the reader's rights on the
-- rows they name.  Roles are created and dropped here; writes are judged as of sla.now,
-- set before SET ROLE (it is a superuser setting).
SET TimeZone = 'UTC';
\set SHOW_CONTEXT never
\set VERBOSITY default
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('prv_cal', 'UTC', 'mon-fri 09:00-17:00');
INSERT INTO sla.policy (name, valid_from, policy) VALUES ('prv_support', '-infinity',
  '{"calendar": "prv_cal", "warn_at": 0.5, "targets": {"P1": {"first_response": "1 hour", "resolution": "4 hours"}}}');
CREATE ROLE regress_sla_prv_owner;		-- owns the ticket table and tracks it
CREATE ROLE regress_sla_prv_app;		-- the application: writes tickets
CREATE ROLE regress_sla_prv_report;		-- reads team blue's tickets and their events
CREATE ROLE regress_sla_prv_sweeper;	-- sweeps team blue's tickets
GRANT CREATE ON SCHEMA public TO regress_sla_prv_owner;

-- a table of the superuser's, tracked, with an event: nobody else may see it
CREATE TABLE prv_secret (id int PRIMARY KEY, priority text, created_at timestamptz, solved_at timestamptz);
SELECT sla.track('prv_secret', 'prv_support', '{"priority": "priority", "opened_at": "created_at", "resolved_at": "solved_at"}');
SET sla.now = '2026-12-07 09:00+00';
INSERT INTO prv_secret VALUES (1, 'P1', '2026-12-07 09:00+00', '2026-12-07 15:00+00');
SELECT row_key, kind, event, at FROM sla.event WHERE tbl = 'prv_secret'::regclass ORDER BY id;

-- the owner tracks its table and grants the other roles what they need on it, nothing on sla
SET ROLE regress_sla_prv_owner;
CREATE TABLE prv_ticket (id int PRIMARY KEY, team text NOT NULL, priority text NOT NULL,
  created_at timestamptz NOT NULL, replied_at timestamptz, solved_at timestamptz);
SELECT sla.track('prv_ticket', 'prv_support', '{"priority": "priority", "opened_at": "created_at",
  "first_response_at": "replied_at", "resolved_at": "solved_at"}');
GRANT SELECT, INSERT, UPDATE ON prv_ticket TO regress_sla_prv_app;
GRANT SELECT ON prv_ticket TO regress_sla_prv_report;
GRANT SELECT, UPDATE ON prv_ticket TO regress_sla_prv_sweeper;
ALTER TABLE prv_ticket ENABLE ROW LEVEL SECURITY;
CREATE POLICY prv_app ON prv_ticket TO regress_sla_prv_app USING (true);
CREATE POLICY prv_blue ON prv_ticket TO regress_sla_prv_report, regress_sla_prv_sweeper USING (team = 'blue');
-- ... but may not track, untrack or re-map a table it does not own
SELECT sla.track('prv_secret', 'prv_support', '{"priority": "priority", "opened_at": "created_at", "resolved_at": "solved_at"}');
SELECT sla.untrack('prv_secret');
INSERT INTO sla.tracked VALUES ('prv_secret', 'prv_support', '{}');
UPDATE sla.tracked SET policy = 'prv_other' WHERE tbl = 'prv_secret'::regclass;
DELETE FROM sla.tracked WHERE tbl = 'prv_secret'::regclass;
RESET ROLE;
SELECT tbl, policy FROM sla.tracked WHERE tbl::text LIKE 'prv%' ORDER BY tbl::text;

-- what every role holds on sla's tables and sequence (PUBLIC's grants; the check queues of
-- other tests' tables aside), and that the application role holds nothing more
SELECT c.oid::regclass::text AS object, p.privilege
FROM pg_class c, unnest('{SELECT,INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER}'::text[]) AS p(privilege)
WHERE c.relnamespace = 'sla'::regnamespace AND c.relkind IN ('r', 'p') AND has_table_privilege('public', c.oid, p.privilege)
  AND (c.relname NOT LIKE 'check\_%' OR c.relname LIKE 'check\_prv\_%')
UNION ALL
SELECT c.oid::regclass::text, p.privilege
FROM pg_class c, unnest('{USAGE,SELECT,UPDATE}'::text[]) AS p(privilege)
WHERE c.relnamespace = 'sla'::regnamespace AND c.relkind = 'S' AND has_sequence_privilege('public', c.oid, p.privilege)
ORDER BY 1, 2;
SELECT c.oid::regclass::text AS object, p.privilege
FROM pg_class c, unnest('{SELECT,INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER}'::text[]) AS p(privilege)
WHERE c.relnamespace = 'sla'::regnamespace AND c.relkind IN ('r', 'p')
  AND has_table_privilege('regress_sla_prv_app', c.oid, p.privilege) AND NOT has_table_privilege('public', c.oid, p.privilege)
UNION ALL
SELECT c.oid::regclass::text, p.privilege
FROM pg_class c, unnest('{USAGE,SELECT,UPDATE}'::text[]) AS p(privilege)
WHERE c.relnamespace = 'sla'::regnamespace AND c.relkind = 'S'
  AND has_sequence_privilege('regress_sla_prv_app', c.oid, p.privilege) AND NOT has_sequence_privilege('public', c.oid, p.privilege);
-- ... and writes its tickets: the trigger computes them and writes their events
SET sla.now = '2026-12-07 09:00+00';
SET ROLE regress_sla_prv_app;
INSERT INTO prv_ticket (id, team, priority, created_at) VALUES
  (1, 'blue', 'P1', '2026-12-07 09:00+00'),
  (2, 'red', 'P1', '2026-12-07 09:00+00'),
  (3, 'blue', 'P1', '2026-12-07 09:00+00');
UPDATE prv_ticket SET replied_at = '2026-12-07 09:10+00' WHERE id = 3;
-- a late reply: the breach is written by the application's own update
RESET ROLE;
SET sla.now = '2026-12-07 10:20+00';
SET ROLE regress_sla_prv_app;
INSERT INTO prv_ticket (id, team, priority, created_at) VALUES (4, 'red', 'P1', '2026-12-07 09:00+00');
UPDATE prv_ticket SET replied_at = '2026-12-07 10:20+00' WHERE id = 4;
SELECT id, team, sla_first_response_due, sla_resolution_due, sla_state, sla_next_check FROM prv_ticket ORDER BY id;
-- it reads the events of its table, not those of the superuser's
SELECT tbl, row_key, kind, event, at FROM sla.event ORDER BY id;
-- and cannot write events, nor take their ids
INSERT INTO sla.event (tbl, row_key, kind, event, at) VALUES ('prv_ticket', '{"id": 1}', 'resolution', 'breached', '2026-12-07 09:00+00');
UPDATE sla.event SET at = '2026-12-07 09:00+00';
DELETE FROM sla.event;
SELECT nextval('sla.event_id_seq');
RESET ROLE;

-- the report role sees team blue's tickets, so only their events (there are none yet)
SET ROLE regress_sla_prv_report;
SELECT id FROM prv_ticket ORDER BY id;
SELECT tbl, row_key, kind, event, at FROM sla.event ORDER BY id;
-- it may not update the table, so it may not sweep it either, nor see its checks
SELECT sla.sweep(at => '2026-12-07 10:30+00');
SELECT count(*) AS checks_seen FROM sla.check_prv_ticket;
DELETE FROM sla.check_prv_ticket;
RESET ROLE;
SELECT count(*) AS checks FROM sla.check_prv_ticket;

-- the sweeper, subject to row-level security, marks the blue tickets only
SET ROLE regress_sla_prv_sweeper;
SELECT sla.sweep(at => '2026-12-07 10:30+00');
SELECT sla.sweep(at => '2026-12-07 10:30+00');
-- of the checks it sees those of its rows only, so the red rows' due checks do not fill its sweeps
SELECT id, sla_check_at FROM sla.check_prv_ticket ORDER BY id, sla_check_at;
RESET ROLE;
SELECT id, sla_check_at FROM sla.check_prv_ticket ORDER BY id, sla_check_at;
SELECT id, team, sla_state, sla_next_check FROM prv_ticket ORDER BY id;
SET ROLE regress_sla_prv_report;
SELECT tbl, row_key, kind, event, at FROM sla.event ORDER BY id;
RESET ROLE;

-- the owner is not subject to its table's row-level security: its sweep takes the rest
SET ROLE regress_sla_prv_owner;
SELECT sla.sweep(at => '2026-12-07 10:30+00');
-- unless the table forces it: then the owner's sweep sees no row (no policy is the owner's),
-- nor any event of the table
ALTER TABLE prv_ticket FORCE ROW LEVEL SECURITY;
SELECT sla.sweep(at => '2026-12-07 12:00+00');
SELECT tbl, row_key, kind, event, at FROM sla.event ORDER BY id;
ALTER TABLE prv_ticket NO FORCE ROW LEVEL SECURITY;
RESET ROLE;
SET ROLE regress_sla_prv_sweeper;
SELECT sla.sweep(at => '2026-12-07 12:00+00');
RESET ROLE;
SET ROLE regress_sla_prv_owner;
SELECT sla.sweep(at => '2026-12-07 12:00+00');
SELECT tbl, row_key, kind, event, at FROM sla.event ORDER BY id;
RESET ROLE;
SELECT id, team, sla_state, sla_next_check FROM prv_ticket ORDER BY id;

-- a partitioned table: events name the partition, and SELECT on the root is what counts
SET ROLE regress_sla_prv_owner;
CREATE TABLE prv_part (id int, region text, priority text NOT NULL, created_at timestamptz NOT NULL,
  solved_at timestamptz, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE prv_part_eu PARTITION OF prv_part FOR VALUES IN ('eu');
SELECT sla.track('prv_part', 'prv_support', '{"priority": "priority", "opened_at": "created_at", "resolved_at": "solved_at"}');
GRANT SELECT, INSERT ON prv_part TO regress_sla_prv_app;
INSERT INTO prv_part VALUES (1, 'eu', 'P1', '2026-12-07 09:00+00', '2026-12-07 15:00+00');
SET ROLE regress_sla_prv_app;
SELECT tbl, row_key, kind, event, at FROM sla.event WHERE tbl::text LIKE 'prv_part%' ORDER BY id;
SET ROLE regress_sla_prv_report;
SELECT count(*) AS events FROM sla.event WHERE tbl::text LIKE 'prv_part%';
RESET ROLE;

-- events of a deleted row stay visible to the table's owner only, when the table has row-level security
SET ROLE regress_sla_prv_app;
SELECT count(*) AS events_of_2 FROM sla.event WHERE row_key = '{"id": 2}';
RESET ROLE;
DELETE FROM prv_ticket WHERE id = 2;
SET ROLE regress_sla_prv_app;
SELECT count(*) AS events_of_2 FROM sla.event WHERE row_key = '{"id": 2}';
SET ROLE regress_sla_prv_owner;
SELECT count(*) AS events_of_2 FROM sla.event WHERE row_key = '{"id": 2}';

-- a calendar change: the queue is written and read with its owner's rights (nobody else holds any
-- on it); the owner's sweep stops at the superuser's table (the first of the walk), keeping its place; the
-- superuser's sweep finishes the walk (a day far ahead: no due moves)
RESET ROLE;
DELETE FROM sla.recompute;
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('prv_cal', '2027-06-01', NULL);
SELECT calendars, tbl FROM sla.recompute;
SET ROLE regress_sla_prv_owner;
SELECT sla.sweep(at => '2026-12-07 12:00+00');
SELECT sla.sweep(at => '2026-12-07 12:00+00');
RESET ROLE;
SELECT calendars, tbl FROM sla.recompute;
SELECT sla.sweep(at => '2026-12-07 12:00+00');
SELECT count(*) AS queued FROM sla.recompute;
DELETE FROM sla.calendar_exception WHERE calendar = 'prv_cal';
DELETE FROM sla.recompute;
SET ROLE regress_sla_prv_owner;

-- the owner untracks its table; the app still writes (no trigger any more)
SELECT sla.untrack('prv_ticket');
SET ROLE regress_sla_prv_app;
INSERT INTO prv_ticket (id, team, priority, created_at) VALUES (5, 'red', 'P1', '2026-12-07 09:00+00');
RESET ROLE;
SELECT tbl FROM sla.tracked WHERE tbl::text LIKE 'prv%' ORDER BY tbl::text;

RESET sla.now;
DELETE FROM sla.event WHERE tbl::text LIKE 'prv\_%';
SELECT sla.untrack('prv_secret');
SELECT sla.untrack('prv_part');
DROP TABLE prv_secret, prv_ticket, prv_part;
DELETE FROM sla.policy WHERE name = 'prv_support';
DELETE FROM sla.calendar WHERE name = 'prv_cal';
REVOKE CREATE ON SCHEMA public FROM regress_sla_prv_owner;
DROP ROLE regress_sla_prv_owner, regress_sla_prv_app, regress_sla_prv_report, regress_sla_prv_sweeper;
