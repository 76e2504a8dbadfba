-- Two faults found by writing the tests from the rules, with the expected
-- output written by hand before the fixes: sla.target reading a calendar,
-- and an error detail naming one instant twice.
SET TimeZone = 'Europe/Amsterdam';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

-- 1. sla.target(policy value, ...) is IMMUTABLE and needs no calendar: it
-- returns the amount without reading sla.calendar, so a policy whose
-- calendar does not exist (yet: policies restore before calendars) still
-- answers: 01:00:00 and 04:00:00.
SELECT sla.target('{"calendar":"pp_missing","targets":{"P1":{"resolution":"1 hour"}}}'::sla.sla_policy, 'P1', 'resolution') AS default_calendar_missing;
SELECT sla.target('{"calendar":"pp_missing","targets":{"P1":{"resolution":{"within":"4 hours","calendar":"pp_missing_too"}}}}'::sla.sla_policy, 'P1', 'resolution') AS target_calendar_missing;

-- 2. The detail of an out-of-order status history names both instants:
-- rows sorted by changed_at DESC, the change at 08:50 follows the one at
-- 08:55.
CREATE TEMP TABLE pp_history (id int, changed_at timestamptz, status text);
INSERT INTO pp_history VALUES
	(1, '2026-12-07 08:50+01', 'open'),
	(2, '2026-12-07 08:55+01', 'on_hold');
SELECT sla.pauses(changed_at, status, ARRAY['on_hold'] ORDER BY changed_at DESC) FROM pp_history;
