-- tracking_checks: the check queue of a tracked table.  A new row gets a check at its next
-- threshold; a row whose next threshold comes sooner gets another, one whose threshold moves
-- later keeps its own (which then comes early and costs one judgement); a row whose key
-- changes, or that is reopened, gets one; the checks of rows gone are deleted by the sweep;
-- the queue must match the table's key.
SET TimeZone = 'UTC';
SET DateStyle = ISO;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('chk_office', 'UTC', 'mon-fri 09:00-17:00');
INSERT INTO sla.policy (name, valid_from, policy) VALUES ('chk_std', '-infinity',
	'{"calendar": "chk_office", "warn_at": 0.5, "targets": {
	  "P1": {"resolution": "2 hours"},
	  "P2": {"resolution": "8 hours"}}}');
CREATE TABLE chk_ticket (id int PRIMARY KEY, priority text, opened_at timestamptz, solved_at timestamptz);
SELECT sla.track('chk_ticket', 'chk_std', '{"priority": "priority", "opened_at": "opened_at",
	"resolved_at": "solved_at"}');
SELECT sla.check_queue('chk_ticket');
CREATE VIEW chk_checks AS SELECT id, sla_check_at FROM sla.check_chk_ticket;
CREATE VIEW chk_rows AS SELECT id, priority, sla_state, sla_resolution_due, sla_next_check FROM chk_ticket;

-- new rows: one check each, at the warning (half the target)
SET sla.now = '2030-01-07 09:00+00';
INSERT INTO chk_ticket VALUES (1, 'P2', '2030-01-07 09:00+00', NULL), (2, 'P1', '2030-01-07 09:00+00', NULL),
	(3, 'P2', '2030-01-07 09:00+00', NULL);
SELECT * FROM chk_rows ORDER BY id;
SELECT * FROM chk_checks ORDER BY id, sla_check_at;

-- 1 rises to P1 (warning 10:00, sooner than its 13:00): a second check;
-- 2 falls to P2 (warning 13:00, later): it keeps its check of 10:00
UPDATE chk_ticket SET priority = 'P1' WHERE id = 1;
UPDATE chk_ticket SET priority = 'P2' WHERE id = 2;
SELECT * FROM chk_rows ORDER BY id;
SELECT * FROM chk_checks ORDER BY id, sla_check_at;

-- 3's key changes: a check for the new key; 1 is resolved; 4 is deleted after its insert
UPDATE chk_ticket SET id = 30 WHERE id = 3;
UPDATE chk_ticket SET solved_at = '2030-01-07 09:30+00' WHERE id = 1;
INSERT INTO chk_ticket VALUES (4, 'P1', '2030-01-07 09:00+00', NULL);
DELETE FROM chk_ticket WHERE id = 4;
SELECT * FROM chk_rows ORDER BY id;
SELECT * FROM chk_checks ORDER BY id, sla_check_at;
RESET sla.now;

-- the sweep at 10:00 takes the checks due: 2's early check judges it (no event, nothing
-- changes) and gives it its own; 1 (resolved) and the gone keys 3 and 4 lose theirs
SELECT sla.sweep(at => '2030-01-07 10:00+00') AS changed;
SELECT * FROM chk_rows ORDER BY id;
SELECT * FROM chk_checks ORDER BY id, sla_check_at;
SELECT row_key, event, at FROM sla.event WHERE tbl = 'chk_ticket'::regclass ORDER BY id;
-- a second sweep at the same instant finds nothing
SELECT sla.sweep(at => '2030-01-07 10:00+00') AS changed;
SELECT count(*) AS checks FROM sla.check_chk_ticket;

-- 1 is reopened: it gets a check again (its resolution breached at 11:00)
SET sla.now = '2030-01-07 10:30+00';
UPDATE chk_ticket SET solved_at = NULL WHERE id = 1;
RESET sla.now;
SELECT * FROM chk_rows WHERE id = 1;
SELECT * FROM chk_checks WHERE id = 1;
SELECT sla.sweep(at => '2030-01-07 11:00+00') AS changed;
SELECT * FROM chk_rows WHERE id = 1;
SELECT row_key, event, at FROM sla.event WHERE tbl = 'chk_ticket'::regclass ORDER BY id;

-- a queue gone or no longer matching the table's key is reported at the next write
\set VERBOSITY terse
ALTER TABLE sla.check_chk_ticket RENAME TO chk_moved;
INSERT INTO chk_ticket VALUES (5, 'P1', '2030-01-07 09:00+00', NULL);
ALTER TABLE sla.chk_moved RENAME TO check_chk_ticket;
ALTER TABLE sla.check_chk_ticket ADD COLUMN extra int;
\set VERBOSITY default
INSERT INTO chk_ticket VALUES (5, 'P1', '2030-01-07 09:00+00', NULL);

-- untrack drops the queue; tracking again makes it anew, with a check of every row
DROP VIEW chk_checks;
SELECT sla.untrack('chk_ticket');
SELECT sla.check_queue('chk_ticket') IS NULL AS no_queue, to_regclass('sla.check_chk_ticket') IS NULL AS dropped;
SELECT sla.track('chk_ticket', 'chk_std', '{"priority": "priority", "opened_at": "opened_at",
	"resolved_at": "solved_at"}');
SET sla.now = '2030-01-07 09:00+00';
INSERT INTO chk_ticket VALUES (5, 'P1', '2030-01-07 09:00+00', NULL);
RESET sla.now;
SELECT * FROM chk_rows ORDER BY id;
SELECT id, sla_check_at FROM sla.check_chk_ticket ORDER BY id, sla_check_at;
SELECT sla.untrack('chk_ticket');
DELETE FROM sla.event WHERE tbl = 'chk_ticket'::regclass;
DROP VIEW chk_rows;
DROP TABLE chk_ticket;
DELETE FROM sla.policy WHERE name = 'chk_std';
DELETE FROM sla.calendar WHERE name = 'chk_office';
