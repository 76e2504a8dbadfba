-- tracking_trigger: what the trigger computes on insert and update (dues,
-- state, pauses, settling, the policy version in force at the start, a
-- policy per row), and the events it writes.  Writes are judged as of
-- sla.now, so nothing here reads the clock.
SET TimeZone = 'UTC';
SET DateStyle = ISO;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('trg_office', 'UTC', 'mon-fri 09:00-17:00'), ('trg_24x7', 'UTC', '24/7');
INSERT INTO sla.policy (name, valid_from, policy) VALUES
	('trg_std', '-infinity', '{"calendar": "trg_office", "warn_at": 0.75, "targets": {
		"P1": {"first_response": "1 hour", "resolution": {"within": "4 hours", "calendar": "trg_24x7"}},
		"P2": {"first_response": "2 hours", "resolution": "1 day"}}}'),
	('trg_std', '2030-02-01 00:00+00', '{"calendar": "trg_office", "warn_at": 0.75, "targets": {
		"P1": {"first_response": "1 hour", "resolution": {"within": "4 hours", "calendar": "trg_24x7"}},
		"P2": {"first_response": "1 hour", "resolution": "1 day"}}}'),
	('trg_gold', '2030-01-01 00:00+00', '{"calendar": "trg_office", "targets": {
		"P2": {"first_response": "30 minutes", "resolution": "4 hours"}}}');
CREATE TABLE trg_ticket (id int PRIMARY KEY, priority text, opened_at timestamptz, answered_at timestamptz,
	solved_at timestamptz, status text, status_at timestamptz, customer text, contract text, note text);
SELECT sla.track('trg_ticket', 'trg_std', '{"priority": "priority", "opened_at": "opened_at",
	"first_response_at": "answered_at", "resolved_at": "solved_at", "status": "status",
	"status_changed_at": "status_at", "paused_statuses": ["waiting", "on_hold"],
	"customer": "customer", "policy": "contract"}');
CREATE VIEW trg_v AS
SELECT id, sla_first_response_due AS fr_due, sla_resolution_due AS res_due, sla_state, sla_breached_at,
	   sla_next_check, sla_paused, sla_targets - 'at' AS events, sla_targets ->> 'at' AS judged_at
FROM trg_ticket;
CREATE VIEW trg_events AS
SELECT id AS seq, row_key, kind, event, at, detail ->> 'source' AS source
FROM sla.event WHERE tbl = 'trg_ticket'::regclass;

-- Monday 2030-01-07, 09:00: P2 first response 2 hours (warn 10:30), resolution 1 business day
SET sla.now = '2030-01-07 09:00+00';
INSERT INTO trg_ticket (id, priority, opened_at, status, customer) VALUES
	(1, 'P2', '2030-01-07 09:00+00', 'new', 'acme'),
	(3, 'P2', '2030-01-07 09:00+00', 'new', 'acme'),
	(5, 'P2', '2030-01-07 09:00+00', 'new', 'acme'),
	(6, 'P9', '2030-01-07 09:00+00', 'new', 'acme'),
	(7, 'P2', NULL, 'new', 'acme');
-- the version in force at the start: from February, P2 first response is 1 hour
INSERT INTO trg_ticket (id, priority, opened_at, status) VALUES (2, 'P2', '2030-02-04 09:00+00', 'new');
-- a policy per row
INSERT INTO trg_ticket (id, priority, opened_at, status, contract) VALUES (4, 'P2', '2030-01-07 09:00+00', 'new', 'trg_gold');
SELECT * FROM trg_v ORDER BY id;
SELECT row_key, kind, event, at, source FROM trg_events ORDER BY seq;

-- a priority change counts from the original start: P1 is due at 10:00, so at 10:00 it is breached,
-- and the trigger writes both events, in order, at the instants they happened
SET sla.now = '2030-01-07 10:00+00';
UPDATE trg_ticket SET priority = 'P1' WHERE id = 1;
SELECT * FROM trg_v WHERE id = 1;
SELECT row_key, kind, event, at, source FROM trg_events ORDER BY seq;
-- a later write with an earlier sla.now is judged as of 10:00 still: no event twice
SET sla.now = '2030-01-07 09:00+00';
UPDATE trg_ticket SET customer = 'acme corp' WHERE id = 1;
SELECT count(*) AS events FROM trg_events;
-- back to P2: due 11:00 again, not yet at risk at 10:05
SET sla.now = '2030-01-07 10:05+00';
UPDATE trg_ticket SET priority = 'P2' WHERE id = 1;
SELECT * FROM trg_v WHERE id = 1;

-- pauses: waiting from 09:30 stops both clocks; open again at 10:30 moves both dues an hour later
SET sla.now = '2030-01-07 09:45+00';
UPDATE trg_ticket SET status = 'waiting', status_at = '2030-01-07 09:30+00' WHERE id = 3;
SELECT * FROM trg_v WHERE id = 3;
-- from one paused status to another: the same pause
UPDATE trg_ticket SET status = 'on_hold', status_at = '2030-01-07 10:00+00' WHERE id = 3;
SELECT sla_paused FROM trg_ticket WHERE id = 3;
SET sla.now = '2030-01-07 10:30+00';
UPDATE trg_ticket SET status = 'open', status_at = '2030-01-07 10:30+00' WHERE id = 3;
SELECT * FROM trg_v WHERE id = 3;
-- without status_changed_at, the pause follows sla.now (the statement's now() when unset)
SET sla.now = '2030-01-07 11:00+00';
UPDATE trg_ticket SET status = 'waiting', status_at = NULL WHERE id = 3;
SET sla.now = '2030-01-07 11:15+00';
UPDATE trg_ticket SET status = 'open' WHERE id = 3;
SELECT sla_paused, sla_first_response_due FROM trg_ticket WHERE id = 3;
-- a pause that would end before it began is dropped
UPDATE trg_ticket SET status = 'waiting', status_at = '2030-01-07 12:00+00' WHERE id = 3;
UPDATE trg_ticket SET status = 'open', status_at = '2030-01-07 11:50+00' WHERE id = 3;
SELECT sla_paused FROM trg_ticket WHERE id = 3;

-- done: answered at 10:45 (due 11:00: met, after the warning at 10:30), solved on Tuesday at 09:30
-- (one business day from Monday 09:00 is due Monday 17:00: breached); sla_breached_at is the due instant
SET sla.now = '2030-01-08 10:00+00';
UPDATE trg_ticket SET answered_at = '2030-01-07 10:45+00', solved_at = '2030-01-08 09:30+00' WHERE id = 5;
SELECT * FROM trg_v WHERE id = 5;
SELECT row_key, kind, event, at, source FROM trg_events WHERE row_key = '{"id": 5}' ORDER BY seq;
SELECT detail FROM sla.event WHERE row_key = '{"id": 5}' AND event = 'breached';
-- done on time: met, no event
UPDATE trg_ticket SET answered_at = '2030-01-07 09:20+00', solved_at = '2030-01-07 09:25+00' WHERE id = 4;
SELECT * FROM trg_v WHERE id = 4;
SELECT count(*) AS events FROM trg_events WHERE row_key = '{"id": 4}';

-- the dues are those of sla.due with the row's pauses
SELECT id, sla_first_response_due = sla.due(coalesce(contract, 'trg_std'), priority, 'first_response', opened_at, coalesce(sla_paused, '{}')) AS fr_same,
	   sla_resolution_due = sla.due(coalesce(contract, 'trg_std'), priority, 'resolution', opened_at, coalesce(sla_paused, '{}')) AS res_same
FROM trg_ticket WHERE sla_state IS NOT NULL ORDER BY id;

-- what the policy or the row cannot give
INSERT INTO trg_ticket (id, priority, opened_at, contract) VALUES (8, 'P2', '2030-01-07 09:00+00', 'trg_silver');
INSERT INTO trg_ticket (id, priority, opened_at, contract) VALUES (8, 'P2', '2029-12-31 09:00+00', 'trg_gold');
INSERT INTO trg_ticket (id, priority, opened_at) VALUES (8, 'P2', 'infinity');
SET sla.now = 'infinity';
INSERT INTO trg_ticket (id, priority, opened_at) VALUES (8, 'P2', '2030-01-07 09:00+00');
RESET sla.now;
DROP VIEW trg_v, trg_events;
SELECT sla.untrack('trg_ticket');
DROP TABLE trg_ticket;
