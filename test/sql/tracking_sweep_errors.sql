-- tracking_sweep_errors: a row the trigger cannot judge does not fail the sweep: it is reported
-- (WARNING with the table and the row's key) and parked (next_check infinity, left out of later
-- sweeps), the other rows and tables are swept and counted; a table whose every write fails is
-- reported and left for the next sweep.
SET TimeZone = 'UTC';
SET DateStyle = ISO;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('se_24x7', 'UTC', '24/7');
INSERT INTO sla.policy (name, valid_from, policy) VALUES
	('se_std', '-infinity', '{"calendar": "se_24x7", "warn_at": 0.5, "targets": {"P1": {"resolution": "1 hour"}}}'),
	('se_gold', '-infinity', '{"calendar": "se_24x7", "warn_at": 0.5, "targets": {"P1": {"resolution": "2 hours"}}}');
CREATE TABLE se_ticket (region text, num int, priority text, opened_at timestamptz, solved_at timestamptz,
	contract text, PRIMARY KEY (region, num));
SELECT sla.track('se_ticket', 'se_std', '{"priority": "priority", "opened_at": "opened_at",
	"resolved_at": "solved_at", "policy": "contract"}');
CREATE TABLE se_other (id int PRIMARY KEY, priority text, opened_at timestamptz, solved_at timestamptz);
SELECT sla.track('se_other', 'se_std', '{"priority": "priority", "opened_at": "opened_at", "resolved_at": "solved_at"}');
SET sla.now = '2030-01-07 09:00+00';
INSERT INTO se_ticket VALUES ('eu', 1, 'P1', '2030-01-07 09:00+00', NULL, NULL),
	('eu', 2, 'P1', '2030-01-07 09:00+00', NULL, 'se_gold'),
	('us', 1, 'P1', '2030-01-07 09:00+00', NULL, NULL);
INSERT INTO se_other VALUES (1, 'P1', '2030-01-07 09:00+00', NULL);
-- the policy of eu 2 is deleted: that row can no longer be judged
DELETE FROM sla.policy WHERE name = 'se_gold';
SELECT sla.sweep(10, '2030-01-07 10:30+00') AS changed;
SELECT region, num, sla_state, sla_next_check FROM se_ticket ORDER BY region, num;
SELECT id, sla_state, sla_next_check FROM se_other;
SELECT row_key, event, at FROM sla.event WHERE tbl = 'se_ticket'::regclass ORDER BY id;
-- the parked row is not tried again
SELECT sla.sweep(10, '2030-01-07 11:00+00') AS changed;
-- after the fix, setting its next check to -infinity has the next sweep judge it
INSERT INTO sla.policy (name, valid_from, policy) VALUES
	('se_gold', '-infinity', '{"calendar": "se_24x7", "warn_at": 0.5, "targets": {"P1": {"resolution": "2 hours"}}}');
UPDATE se_ticket SET sla_next_check = '-infinity' WHERE sla_next_check = 'infinity';
SELECT sla.sweep(10, '2030-01-07 11:30+00') AS changed;
SELECT region, num, sla_state, sla_next_check FROM se_ticket ORDER BY region, num;

-- a mapped column renamed: every write to se_ticket fails, so the table is reported (once) and its
-- rows stay for the next sweep; se_other is still swept
SET sla.now = '2030-01-07 11:30+00';
INSERT INTO se_ticket VALUES ('eu', 3, 'P1', '2030-01-07 11:30+00', NULL, NULL);
INSERT INTO se_other VALUES (2, 'P1', '2030-01-07 11:30+00', NULL);
ALTER TABLE se_ticket RENAME COLUMN opened_at TO created_at;
SELECT sla.sweep(10, '2030-01-07 12:00+00') AS changed;
SELECT region, num, sla_state, sla_next_check FROM se_ticket ORDER BY region, num;
SELECT id, sla_state, sla_next_check FROM se_other ORDER BY id;
ALTER TABLE se_ticket RENAME COLUMN created_at TO opened_at;
SELECT sla.sweep(10, '2030-01-07 12:00+00') AS changed;
SELECT region, num, sla_state, sla_next_check FROM se_ticket ORDER BY region, num;

-- a calendar change walks past the rows that fail (parked), and finishes: eu 4 and eu 5 use a
-- policy whose target names a calendar that is deleted
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('se_gone', 'UTC', '24/7');
INSERT INTO sla.policy (name, valid_from, policy) VALUES ('se_two', '-infinity',
	'{"calendar": "se_24x7", "warn_at": 0.5, "targets": {"P1": {"resolution": {"within": "3 hours", "calendar": "se_gone"}}}}');
SET sla.now = '2030-01-07 12:00+00';
INSERT INTO se_ticket VALUES ('eu', 4, 'P1', '2030-01-07 12:00+00', NULL, 'se_two'),
	('eu', 5, 'P1', '2030-01-07 12:00+00', NULL, 'se_two');
DELETE FROM sla.calendar WHERE name = 'se_gone';
SELECT calendars, tbl, after FROM sla.recompute;
SELECT sla.sweep(10, '2030-01-07 12:10+00') AS changed;
SELECT count(*) AS queued FROM sla.recompute;
SELECT region, num, sla_state, sla_resolution_due, sla_next_check FROM se_ticket ORDER BY region, num;

-- a tracked table whose trigger is disabled is reported and passed over: an UPDATE without its
-- trigger judges nothing, so the same due rows would take every sweep's max_rows; se_other (after
-- it in the walk) is still swept with a budget of one row
SET sla.now = '2030-01-07 12:10+00';
INSERT INTO se_ticket VALUES ('eu', 6, 'P1', '2030-01-07 12:10+00', NULL, NULL);
INSERT INTO se_other VALUES (3, 'P1', '2030-01-07 12:10+00', NULL);
ALTER TABLE se_ticket DISABLE TRIGGER sla_track;
SELECT sla.sweep(1, '2030-01-07 12:45+00') AS changed;
SELECT sla.sweep(1, '2030-01-07 12:45+00') AS changed;
SELECT id, sla_state, sla_next_check FROM se_other WHERE id = 3;
ALTER TABLE se_ticket ENABLE TRIGGER sla_track;
SELECT sla.sweep(10, '2030-01-07 12:45+00') AS changed;
SELECT region, num, sla_state, sla_next_check FROM se_ticket WHERE num = 6;

SELECT sla.untrack('se_ticket');
SELECT sla.untrack('se_other');
DROP TABLE se_ticket, se_other;
DELETE FROM sla.recompute;
DELETE FROM sla.event;
DELETE FROM sla.policy WHERE name LIKE 'se\_%';
DELETE FROM sla.calendar WHERE name LIKE 'se\_%';
