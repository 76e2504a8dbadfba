-- tracking_recompute: a change of a calendar (or its exceptions, or the holiday data it follows)
-- reaches the open tracked rows whose policy uses it: the changing transaction only queues it in
-- sla.recompute, and the next sweeps recompute those rows from their original start on the calendar
-- as it now is, in batches within max_rows; closed rows and rows of other calendars stay untouched.
SET TimeZone = 'UTC';
SET DateStyle = ISO;
DELETE FROM sla.recompute;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('rc_office', 'UTC', 'mon-fri 09:00-17:00'),
	('rc_other', 'UTC', 'mon-fri 09:00-17:00');
INSERT INTO sla.policy (name, valid_from, policy) VALUES
	('rc_std', '-infinity', '{"calendar": "rc_office", "warn_at": 0.5, "targets": {
	  "P1": {"first_response": "2 hours", "resolution": "16 hours"}}}'),
	-- the calendar named by a target, not as the default
	('rc_target', '-infinity', '{"calendar": "rc_other", "warn_at": 0.5, "targets": {
	  "P1": {"first_response": "2 hours", "resolution": {"within": "16 hours", "calendar": "rc_office"}}}}'),
	('rc_else', '-infinity', '{"calendar": "rc_other", "warn_at": 0.5, "targets": {
	  "P1": {"first_response": "2 hours", "resolution": "16 hours"}}}');
CREATE TABLE rc_ticket (id int PRIMARY KEY, priority text, opened_at timestamptz,
	answered_at timestamptz, solved_at timestamptz, contract text);
SELECT sla.track('rc_ticket', 'rc_std', '{"priority": "priority", "opened_at": "opened_at",
	"first_response_at": "answered_at", "resolved_at": "solved_at", "policy": "contract"}');
-- a table whose policy does not use rc_office
CREATE TABLE rc_elsewhere (id int PRIMARY KEY, priority text, opened_at timestamptz, solved_at timestamptz);
SELECT sla.track('rc_elsewhere', 'rc_else', '{"priority": "priority", "opened_at": "opened_at", "resolved_at": "solved_at"}');
-- Monday 7 January 2030, 09:00
SET sla.now = '2030-01-07 09:00+00';
INSERT INTO rc_ticket VALUES
	(1, 'P1', '2030-01-07 09:00+00', NULL, NULL, NULL),
	(2, 'P1', '2030-01-07 09:00+00', NULL, NULL, 'rc_target'),
	(3, 'P1', '2030-01-07 09:00+00', NULL, NULL, 'rc_else'),
	(4, 'P1', '2030-01-07 09:00+00', '2030-01-07 09:05+00', '2030-01-07 09:10+00', NULL),
	(5, 'P1', '2030-01-07 09:00+00', '2030-01-07 09:05+00', NULL, NULL);
INSERT INTO rc_elsewhere VALUES (1, 'P1', '2030-01-07 09:00+00', NULL);
CREATE VIEW rc_v AS
SELECT 'rc_ticket' AS tbl, id, sla_first_response_due AS fr_due, sla_resolution_due AS res_due, sla_state,
	sla_next_check, sla_targets ->> 'at' AS judged_at FROM rc_ticket
UNION ALL
SELECT 'rc_elsewhere', id, NULL, sla_resolution_due, sla_state, sla_next_check, sla_targets ->> 'at' FROM rc_elsewhere;
SELECT * FROM rc_v ORDER BY tbl DESC, id;

-- a holiday on Tuesday 8 (a future date) in rc_office: the changing transaction only queues it
INSERT INTO sla.calendar_exception (calendar, day, hours, reason) VALUES ('rc_office', '2030-01-08', NULL, 'holiday');
SELECT calendars, tbl, after FROM sla.recompute ORDER BY id;
SELECT * FROM rc_v ORDER BY tbl DESC, id;
-- the next sweep (Monday 09:30: nothing due by time) recomputes the open rows whose policy uses
-- rc_office (1: the default policy, 2: a target's calendar, 5: resolution still open): their
-- resolution is due Wednesday 17:00 instead of Tuesday 17:00; the first response (Monday 11:00,
-- time already used) does not move; 3 (rc_else), 4 (closed) and rc_elsewhere are not touched
SELECT sla.sweep(10, '2030-01-07 09:30+00') AS changed;
SELECT * FROM rc_v ORDER BY tbl DESC, id;
SELECT count(*) AS queued FROM sla.recompute;

-- a batch limit: three affected rows, two per sweep; the entry keeps its place between sweeps
UPDATE sla.calendar_exception SET hours = '09:00-13:00', reason = 'half day' WHERE calendar = 'rc_office';
SELECT calendars, tbl, after FROM sla.recompute ORDER BY id;
SELECT sla.sweep(2, '2030-01-07 09:40+00') AS changed;
SELECT calendars, tbl, after FROM sla.recompute ORDER BY id;
SELECT id, res_due, judged_at FROM rc_v WHERE tbl = 'rc_ticket' ORDER BY id;
SELECT sla.sweep(2, '2030-01-07 09:40+00') AS changed;
SELECT count(*) AS queued FROM sla.recompute;
SELECT id, res_due, judged_at FROM rc_v WHERE tbl = 'rc_ticket' ORDER BY id;
-- rows a sweep takes by time count against max_rows first: with 1 left for the walk, it moves on
DELETE FROM sla.calendar_exception WHERE calendar = 'rc_office';
SELECT sla.sweep(4, '2030-01-07 10:00+00') AS changed;
SELECT calendars, tbl, after FROM sla.recompute ORDER BY id;
SELECT sla.sweep(4, '2030-01-07 10:00+00') AS changed;
SELECT count(*) AS queued FROM sla.recompute;
SELECT * FROM rc_v ORDER BY tbl DESC, id;

-- a change of a date before now changes the time already used: closing Monday 7 (the start)
-- makes the clocks start on Tuesday; the first response's breach of Monday is undone, and its
-- level falls (at_risk again: its warning instant is still passed)
SELECT sla.sweep(10, '2030-01-07 12:00+00') AS changed;
SELECT id, fr_due, sla_state, sla_next_check FROM rc_v WHERE tbl = 'rc_ticket' AND id = 1;
INSERT INTO sla.calendar_exception (calendar, day, hours, reason) VALUES ('rc_office', '2030-01-07', NULL, 'closed');
SELECT sla.sweep(10, '2030-01-08 10:00+00') AS changed;
SELECT id, fr_due, res_due, sla_state, sla_next_check FROM rc_v WHERE tbl = 'rc_ticket' AND id IN (1, 2, 5) ORDER BY id;

-- a change of free text only (a comment, a reason) moves no open hour: nothing is queued
UPDATE sla.calendar SET comment = 'front office' WHERE name = 'rc_office';
UPDATE sla.calendar_exception SET reason = 'closed (strike)' WHERE calendar = 'rc_office';
SELECT count(*) AS queued FROM sla.recompute;

-- several changes before a sweep are merged into one walk; a change of rc_other reaches row 3 and
-- rc_elsewhere, and row 2 (its first response runs on rc_other)
BEGIN;
UPDATE sla.calendar SET hours = 'mon-fri 08:00-17:00' WHERE name = 'rc_other';
UPDATE sla.calendar SET comment = 'renamed later' WHERE name = 'rc_other';
COMMIT;
DELETE FROM sla.calendar_exception WHERE calendar = 'rc_office';
SELECT calendars, tbl, after FROM sla.recompute ORDER BY id;
SELECT sla.sweep(1, '2030-01-08 10:00+00') AS changed;
SELECT calendars, tbl, after FROM sla.recompute ORDER BY id;
SELECT sla.sweep(10, '2030-01-08 10:00+00') AS changed;
SELECT calendars FROM sla.recompute;
SELECT * FROM rc_v ORDER BY tbl DESC, id;
-- holiday data: queued for the calendars that follow holiday regions (none here: nothing queued)
INSERT INTO sla.holiday_override (region, day, name) VALUES ('DE', '2030-01-09', 'rc test day');
SELECT count(*) AS queued FROM sla.recompute;
UPDATE sla.calendar SET holidays = '{DE}' WHERE name = 'rc_other';
DELETE FROM sla.recompute;
DELETE FROM sla.holiday_override WHERE region = 'DE' AND day = '2030-01-09';
SELECT calendars FROM sla.recompute;
-- nothing is tracked: nothing is queued
SELECT sla.untrack('rc_ticket');
SELECT sla.untrack('rc_elsewhere');
DELETE FROM sla.recompute;
UPDATE sla.calendar SET hours = 'mon-fri 09:00-17:00' WHERE name = 'rc_other';
SELECT count(*) AS queued FROM sla.recompute;
DROP VIEW rc_v;
DROP TABLE rc_ticket, rc_elsewhere;
DELETE FROM sla.event;
DELETE FROM sla.policy WHERE name LIKE 'rc\_%';
DELETE FROM sla.calendar WHERE name LIKE 'rc\_%';
