-- tracking_sweep: sla.sweep marks at_risk at the warn_at crossing and breached at the due,
-- as of the instant it is given, writes one event per transition in order, returns the rows
-- whose state changed, takes at most max_rows, and finds nothing the second time.
SET TimeZone = 'UTC';
SET DateStyle = ISO;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('swp_office', 'UTC', 'mon-fri 09:00-17:00');
INSERT INTO sla.policy (name, valid_from, policy) VALUES ('swp_std', '-infinity',
	'{"calendar": "swp_office", "warn_at": 0.5, "targets": {
	  "P1": {"first_response": "1 hour", "resolution": "4 hours"},
	  "P2": {"first_response": "2 hours", "resolution": "8 hours"}}}');
CREATE TABLE swp_ticket (region text, num int, priority text, opened_at timestamptz,
	answered_at timestamptz, solved_at timestamptz, PRIMARY KEY (region, num));
INSERT INTO swp_ticket VALUES ('eu', 1, 'P1', '2030-01-07 09:00+00', NULL, NULL);
SELECT sla.track('swp_ticket', 'swp_std', '{"priority": "priority", "opened_at": "opened_at",
	"first_response_at": "answered_at", "resolved_at": "solved_at"}');
CREATE VIEW swp_v AS
SELECT region, num, sla_state, sla_breached_at, sla_next_check, sla_targets - 'at' AS events
FROM swp_ticket;
CREATE VIEW swp_events AS
SELECT id AS seq, row_key, kind, event, at, detail ->> 'source' AS source
FROM sla.event WHERE tbl = 'swp_ticket'::regclass;

-- the row from before tracking is judged by the first sweep, as of its instant
SELECT sla.sweep(at => '2030-01-07 09:00+00') AS changed;
SELECT * FROM swp_v ORDER BY region, num;
SET sla.now = '2030-01-07 09:00+00';
INSERT INTO swp_ticket VALUES ('eu', 2, 'P2', '2030-01-07 09:00+00', NULL, NULL),
	('us', 1, 'P2', '2030-01-07 09:00+00', '2030-01-07 09:05+00', NULL),
	('us', 2, 'P1', '2030-01-07 09:00+00', '2030-01-07 09:10+00', '2030-01-07 09:20+00');
SELECT * FROM swp_v ORDER BY region, num;

-- nothing is due yet
SELECT sla.sweep(at => '2030-01-07 09:29:59+00') AS changed;
-- 09:30: eu 1's first response is at risk (half of 1 hour)
SELECT sla.sweep(at => '2030-01-07 09:30+00') AS changed;
SELECT * FROM swp_v ORDER BY region, num;
-- 11:30: eu 1's first response passed its due (10:00) and its resolution its warning (11:00);
-- eu 2's first response both thresholds (10:00, 11:00), each with its own event, in order
SELECT sla.sweep(at => '2030-01-07 11:30+00') AS changed;
SELECT * FROM swp_v ORDER BY region, num;
SELECT row_key, kind, event, at, source FROM swp_events ORDER BY seq;
-- a second sweep at the same instant changes nothing and writes nothing
SELECT sla.sweep(at => '2030-01-07 11:30+00') AS changed;
SELECT count(*) AS events FROM swp_events;
-- an earlier instant neither
SELECT sla.sweep(at => '2030-01-07 10:00+00') AS changed;

-- max_rows: at most that many rows, the earliest next_check first (then by key)
SELECT region, num, sla_next_check FROM swp_ticket WHERE sla_next_check IS NOT NULL ORDER BY sla_next_check, region, num;
SELECT sla.sweep(1, '2030-01-08 17:00+00') AS changed;
SELECT region, num, sla_state, sla_next_check FROM swp_ticket ORDER BY region, num;
SELECT sla.sweep(0, '2030-01-08 17:00+00') AS changed;
SELECT sla.sweep(10, '2030-01-08 17:00+00') AS changed;
SELECT * FROM swp_v ORDER BY region, num;
SELECT row_key, kind, event, at, source FROM swp_events ORDER BY seq OFFSET 4;
-- sla_breached_at is the earliest due that breached, not the sweep's instant
SELECT region, num, sla_breached_at, sla_first_response_due, sla_resolution_due FROM swp_ticket ORDER BY region, num;

-- an application's write after the sweep: done late, nothing left to announce
SET sla.now = '2030-01-08 17:30+00';
UPDATE swp_ticket SET answered_at = '2030-01-08 17:10+00' WHERE (region, num) = ('eu', 1);
SELECT * FROM swp_v WHERE (region, num) = ('eu', 1);
SELECT count(*) AS events FROM swp_events;

-- bad arguments
SELECT sla.sweep(-1, '2030-01-08 17:00+00');
SELECT sla.sweep(10, 'infinity');
SELECT sla.sweep(NULL, '2030-01-08 17:00+00') IS NULL AS strict;
-- an untracked table is not swept; a dropped one is skipped (CASCADE drops its report view)
SELECT sla.untrack('swp_ticket');
UPDATE swp_ticket SET sla_next_check = '-infinity';
SELECT sla.sweep(10, '2030-01-09 17:00+00') AS changed;
SELECT sla.track('swp_ticket', 'swp_std', '{"priority": "priority", "opened_at": "opened_at",
	"first_response_at": "answered_at", "resolved_at": "solved_at"}');
DROP VIEW swp_v, swp_events;
DROP TABLE swp_ticket CASCADE;
SELECT sla.sweep(10, '2030-01-09 17:00+00') AS changed;
SELECT count(*) AS tracked_rows_left FROM sla.tracked;
DELETE FROM sla.tracked;

-- a partitioned table: the trigger fires on the partitions, the sweep updates through the root
INSERT INTO sla.policy (name, valid_from, policy) VALUES ('swp_part', '-infinity',
	'{"calendar": "swp_office", "warn_at": 0.5, "targets": {"P1": {"resolution": "1 hour"}}}');
CREATE TABLE swp_part (region text, id int, priority text, opened_at timestamptz, solved_at timestamptz,
	PRIMARY KEY (region, id)) PARTITION BY LIST (region);
CREATE TABLE swp_part_eu PARTITION OF swp_part FOR VALUES IN ('eu');
CREATE TABLE swp_part_us PARTITION OF swp_part FOR VALUES IN ('us');
SELECT sla.track('swp_part', 'swp_part', '{"priority": "priority", "opened_at": "opened_at", "resolved_at": "solved_at"}');
SET sla.now = '2030-01-07 09:00+00';
INSERT INTO swp_part VALUES ('eu', 1, 'P1', '2030-01-07 09:00+00', NULL), ('us', 1, 'P1', '2030-01-07 09:00+00', NULL);
SELECT region, id, sla_resolution_due, sla_state, sla_next_check FROM swp_part ORDER BY region, id;
SELECT sla.sweep(10, '2030-01-07 10:30+00') AS changed;
SELECT region, id, sla_state, sla_breached_at, sla_next_check, sla_targets FROM swp_part ORDER BY region, id;
-- events name the partition
SELECT tbl, row_key, kind, event, at FROM sla.event WHERE tbl::text LIKE 'swp_part%' ORDER BY id;
SELECT sla.sweep(10, '2030-01-07 10:30+00') AS changed;
SELECT sla.untrack('swp_part');
DROP TABLE swp_part;
