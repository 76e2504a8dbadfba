-- sla.state, sla.remaining, sla.elapsed_fraction and sla.escalation_level of a
-- policy value, as of an instant: the worked example, every state at and
-- around each boundary (one microsecond either side), pauses as of `at`,
-- done_at on, before and after `at`, day and mixed targets, a 24x7 target,
-- DST, NULL and infinite arguments.  Calendars of this file are named ps_*.
--
-- Calendar ps_office: mon-fri 08:00-16:00 Europe/Amsterdam.  December 2026:
-- Fri 4, Sat 5, Sun 6, Mon 7, Tue 8; UTC+1.
SET TimeZone = 'Europe/Amsterdam';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('ps_office', 'Europe/Amsterdam', 'mon-fri 08:00-16:00'),
	('ps_24x7', 'Europe/Amsterdam', '24/7');

-- P2 first response 2 hours, warn_at 0.8, escalations [0.25, 0.5, 1.0]; P2
-- resolution 1 business day; next_response 1 day 4 hours; P1 resolution 4
-- hours on 24x7.
CREATE TEMP TABLE ps_policy (p sla.sla_policy);
INSERT INTO ps_policy VALUES ('{"calendar":"ps_office","warn_at":0.8,"escalations":[0.25,0.5,1.0],"targets":{"P2":{"first_response":"2 hours","resolution":"1 day","next_response":"1 day 04:00:00"},"P1":{"resolution":{"within":"4 hours","calendar":"ps_24x7"}}}}');

-- The four readings of one target started Friday 2026-12-04 15:00.
CREATE FUNCTION pg_temp.read(prio text, kind text, done_at timestamptz, at timestamptz,
							 pauses tstzmultirange DEFAULT '{}',
							 started_at timestamptz DEFAULT '2026-12-04 15:00+01',
							 OUT state sla.sla_state, OUT remaining interval,
							 OUT fraction float8, OUT level int)
LANGUAGE sql AS $$
	SELECT sla.state(p, prio, kind, started_at, done_at, at, pauses),
		   sla.remaining(p, prio, kind, started_at, done_at, at, pauses),
		   sla.elapsed_fraction(p, prio, kind, started_at, done_at, at, pauses),
		   sla.escalation_level(p, prio, kind, started_at, done_at, at, pauses)
	FROM ps_policy
$$;

-- ---------------------------------------------------------------------------
-- The worked example: P2 first response, due Monday 09:00; 2 open hours in
-- all, 1 on Friday (15:00-16:00) and 1 on Monday (08:00-09:00).
-- At Monday 08:00: 1 h used of 2 = 0.5, thresholds 0.25 and 0.5 reached.
SELECT * FROM pg_temp.read('P2', 'first_response', NULL, '2026-12-07 08:00+01');
-- At 08:36: 96 min used = 0.8 = warn_at: at_risk.
SELECT * FROM pg_temp.read('P2', 'first_response', NULL, '2026-12-07 08:36+01');
-- At 09:00, still open: breached.
SELECT * FROM pg_temp.read('P2', 'first_response', NULL, '2026-12-07 09:00+01');
-- Done at 09:00: met; done one microsecond later: breached.
SELECT * FROM pg_temp.read('P2', 'first_response', '2026-12-07 09:00+01', '2026-12-07 12:00+01');
SELECT * FROM pg_temp.read('P2', 'first_response', '2026-12-07 09:00:00.000001+01', '2026-12-07 12:00+01');
-- Remaining at 08:45: 15 minutes.
SELECT * FROM pg_temp.read('P2', 'first_response', NULL, '2026-12-07 08:45+01');
-- pauses default to '{}' (at defaults to now(), which tests never use)
SELECT sla.state(p, 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:36+01') AS state_default_pauses
FROM ps_policy;

-- ---------------------------------------------------------------------------
-- Every boundary, one microsecond either side, no pauses.  Open time used at
-- `at` (u) against 2 h: 0.25 at u = 30 min (Fri 15:30), 0.5 at 60 min (Fri
-- 16:00; nothing more until Mon 08:00), 0.8 at 96 min (Mon 08:36), 1 at 120
-- min (Mon 09:00).  remaining = 2 h - u, negative past due.
SELECT label, r.*
FROM (VALUES
	('at the start: running, 0', '2026-12-04 15:00+01'::timestamptz),
	('before the start (Fri 14:00): running, 0', '2026-12-04 14:00+01'),
	('Fri 15:29:59.999999: level 0', '2026-12-04 15:29:59.999999+01'),
	('Fri 15:30: 0.25, level 1', '2026-12-04 15:30+01'),
	('Fri 15:59:59.999999: level 1', '2026-12-04 15:59:59.999999+01'),
	('Fri 16:00, the close: 0.5, level 2', '2026-12-04 16:00+01'),
	('Sat 12:00: unchanged, 0.5', '2026-12-05 12:00+01'),
	('Mon 08:00: 0.5, level 2', '2026-12-07 08:00+01'),
	('Mon 08:35:59.999999: running', '2026-12-07 08:35:59.999999+01'),
	('Mon 08:36: at_risk, 0.8', '2026-12-07 08:36+01'),
	('Mon 08:45: at_risk, 15 min left', '2026-12-07 08:45+01'),
	('Mon 08:59:59.999999: at_risk, 1 us left, level 2', '2026-12-07 08:59:59.999999+01'),
	('Mon 09:00, the due: breached, 0 left, level 3', '2026-12-07 09:00+01'),
	('Mon 09:00:00.000001: breached, -1 us', '2026-12-07 09:00:00.000001+01'),
	('Mon 10:00: breached, -1 h, 1.5', '2026-12-07 10:00+01'),
	('Mon 16:00: -7 h, 4.5', '2026-12-07 16:00+01'),
	('Tue 08:00: still -7 h (the night does not count)', '2026-12-08 08:00+01')
) AS v(label, at), pg_temp.read('P2', 'first_response', NULL, at) r;

-- done_at: done at or before the due is met, after it breached; a done
-- target reads as of done_at; a done_at after `at` counts as not yet done
SELECT label, r.*
FROM (VALUES
	('done Fri 15:10, read Mon: met, 1:50 left, 1/12', '2026-12-04 15:10+01'::timestamptz, '2026-12-07 12:00+01'::timestamptz),
	('done at the start: met, 2 h left, 0', '2026-12-04 15:00+01', '2026-12-07 12:00+01'),
	('done before the start (Fri 14:00): met, 2 h left, 0', '2026-12-04 14:00+01', '2026-12-07 12:00+01'),
	('done Mon 08:59:59.999999: met, 1 us left', '2026-12-07 08:59:59.999999+01', '2026-12-07 12:00+01'),
	('done Mon 09:00, the due: met, 0 left, level 3', '2026-12-07 09:00+01', '2026-12-07 12:00+01'),
	('done Mon 09:00:00.000001: breached, -1 us', '2026-12-07 09:00:00.000001+01', '2026-12-07 12:00+01'),
	('done Mon 10:00: breached, -1 h', '2026-12-07 10:00+01', '2026-12-08 12:00+01'),
	('done = at = Mon 08:45: met, 15 min left', '2026-12-07 08:45+01', '2026-12-07 08:45+01'),
	('done = at = Mon 09:00: met', '2026-12-07 09:00+01', '2026-12-07 09:00+01'),
	('done Mon 08:45, at 08:44:59.999999: open, at_risk, 15:00.000001 left', '2026-12-07 08:45+01', '2026-12-07 08:44:59.999999+01'),
	('done Mon 09:30, at 08:45: open, at_risk, 15 min left', '2026-12-07 09:30+01', '2026-12-07 08:45+01'),
	('done Mon 09:30, at 08:00: open, running', '2026-12-07 09:30+01', '2026-12-07 08:00+01'),
	('done Mon 09:30, at 09:10: open and past due: breached', '2026-12-07 09:30+01', '2026-12-07 09:10+01'),
	('done infinity: open', 'infinity', '2026-12-07 08:45+01'),
	('done -infinity: done before the start, met, 2 h left', '-infinity', '2026-12-07 08:45+01')
) AS v(label, done_at, at), pg_temp.read('P2', 'first_response', done_at, at) r;

-- ---------------------------------------------------------------------------
-- Pauses as of `at`.  A pause Fri 15:30-15:45 moves the due to 09:15.  At a
-- pause's start (inclusive) the clock is paused; at its end (exclusive) it
-- runs.  The pauses count only up to `at`: the time left is what the clock
-- would show now.
SELECT label, r.*
FROM (VALUES
	('Fri 15:29:59.999999: running', '2026-12-04 15:29:59.999999+01'::timestamptz),
	('Fri 15:30, pause start: paused, 1:30 left', '2026-12-04 15:30+01'),
	('Fri 15:40: paused, still 1:30 left', '2026-12-04 15:40+01'),
	('Fri 15:44:59.999999: paused', '2026-12-04 15:44:59.999999+01'),
	('Fri 15:45, pause end: running, 1:30 left', '2026-12-04 15:45+01'),
	('Mon 08:00: 45 min used: 0.375, level 1', '2026-12-07 08:00+01'),
	-- warn_at: 96 min used at Mon 08:51
	('Mon 08:50:59.999999: running', '2026-12-07 08:50:59.999999+01'),
	('Mon 08:51: at_risk', '2026-12-07 08:51+01'),
	('Mon 09:00: not yet due, 15 min left', '2026-12-07 09:00+01'),
	('Mon 09:14:59.999999: at_risk, 1 us left', '2026-12-07 09:14:59.999999+01'),
	('Mon 09:15, the due: breached', '2026-12-07 09:15+01')
) AS v(label, at), pg_temp.read('P2', 'first_response', NULL, at, '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}') r;

-- bounds as given decide whether `at` is inside a pause
SELECT label, (pg_temp.read('P2', 'first_response', NULL, at, pauses)).state
FROM (VALUES
	('[15:30,15:45] at 15:45: paused', '2026-12-04 15:45+01'::timestamptz, '{[2026-12-04 15:30+01, 2026-12-04 15:45+01]}'::tstzmultirange),
	('(15:30,15:45) at 15:30: running', '2026-12-04 15:30+01', '{(2026-12-04 15:30+01, 2026-12-04 15:45+01)}'),
	('(15:30,15:45) at 15:30:00.000001: paused', '2026-12-04 15:30:00.000001+01', '{(2026-12-04 15:30+01, 2026-12-04 15:45+01)}'),
	('[15:30,15:45) at 15:45: running', '2026-12-04 15:45+01', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}')
) AS v(label, at, pauses);

-- more pause cases: each row says the state and time left worked out
SELECT label, r.*
FROM (VALUES
	-- a pause at the weekend: the clock is paused (though closed), nothing owed
	('Sat 10:00-12:00, at Sat 11:00: paused, 1 h left', '2026-12-05 11:00+01'::timestamptz, '{[2026-12-05 10:00+01, 2026-12-05 12:00+01)}'::tstzmultirange),
	('Sat 10:00-12:00, at Mon 08:36: at_risk, due stays 09:00', '2026-12-07 08:36+01', '{[2026-12-05 10:00+01, 2026-12-05 12:00+01)}'),
	-- paused wins over at_risk: 08:40-08:50, at 08:45 100 min used (0.83)
	('Mon 08:40-08:50, at 08:45: paused (not at_risk), 20 min left', '2026-12-07 08:45+01', '{[2026-12-07 08:40+01, 2026-12-07 08:50+01)}'),
	-- breached wins over paused: a pause after the due
	('Mon 09:30-10:00, at 09:45: breached, -30 min', '2026-12-07 09:45+01', '{[2026-12-07 09:30+01, 2026-12-07 10:00+01)}'),
	-- past due, the time after the due counts outside pauses too: at 10:00,
	-- 60 min Friday + 120 Monday - 15 paused = 165 used: -45 min
	('Mon 09:30-09:45, at 10:00: breached, -45 min', '2026-12-07 10:00+01', '{[2026-12-07 09:30+01, 2026-12-07 09:45+01)}'),
	-- open-ended pauses end at `at`: the time left, not infinity
	('open from Mon 08:40, at 08:45: paused, 20 min left', '2026-12-07 08:45+01', '{[2026-12-07 08:40+01,)}'),
	-- at 10:00 the open pause has covered 08:40-09:00 before the unpaused due,
	-- which moves it to 10:20: still paused, not breached, 20 min left
	('open from Mon 08:40, at 10:00: paused, 20 min left', '2026-12-07 10:00+01', '{[2026-12-07 08:40+01,)}'),
	('open from Fri 15:30, at Tue 12:00: paused, 1:30 left, level 1', '2026-12-08 12:00+01', '{[2026-12-04 15:30+01,)}'),
	-- one that begins after `at` does not count yet
	('open from Mon 09:30, at 08:45: at_risk, 15 min left', '2026-12-07 08:45+01', '{[2026-12-07 09:30+01,)}'),
	('open from Mon 09:00, at 09:00: breached (the due is not moved)', '2026-12-07 09:00+01', '{[2026-12-07 09:00+01,)}'),
	-- pauses before started_at do not count; one across it counts from it
	('Fri 14:00-14:30, at Fri 15:30: running, 1:30 left', '2026-12-04 15:30+01', '{[2026-12-04 14:00+01, 2026-12-04 14:30+01)}'),
	('Fri 14:00-15:10, at Fri 15:05: paused, 2 h left, 0', '2026-12-04 15:05+01', '{[2026-12-04 14:00+01, 2026-12-04 15:10+01)}'),
	('Fri 14:00-15:10, at Mon 08:00: 50 min used, running', '2026-12-07 08:00+01', '{[2026-12-04 14:00+01, 2026-12-04 15:10+01)}')
) AS v(label, at, pauses), pg_temp.read('P2', 'first_response', NULL, at, pauses) r;
-- done while paused: done Mon 11:00 inside a pause open since 08:40, read on
-- Tuesday: 100 min used, met, 20 min left
SELECT * FROM pg_temp.read('P2', 'first_response', '2026-12-07 11:00+01', '2026-12-08 12:00+01', '{[2026-12-07 08:40+01,)}');
-- as of `at`, the due sla.due gives (infinity for an open pause) is not used
SELECT sla.due(p, 'P2', 'first_response', '2026-12-04 15:00+01', '{[2026-12-07 08:40+01,)}') AS due
FROM ps_policy;

-- ---------------------------------------------------------------------------
-- A days target: P2 resolution 1 day, due Monday 15:00; the total is the open
-- time from the start to the due, 1 h + 7 h = 8 h; warn_at at 6 h 24 min
-- used: Monday 13:24.
SELECT label, r.*
FROM (VALUES
	('Mon 08:00: 1/8, level 0', '2026-12-07 08:00+01'::timestamptz),
	('Mon 09:00: 2/8 = 0.25, level 1', '2026-12-07 09:00+01'),
	('Mon 13:23:59.999999: running', '2026-12-07 13:23:59.999999+01'),
	('Mon 13:24: at_risk, 1:36 left', '2026-12-07 13:24+01'),
	('Mon 14:59:59.999999: at_risk', '2026-12-07 14:59:59.999999+01'),
	('Mon 15:00: breached', '2026-12-07 15:00+01'),
	('Mon 16:00: breached, -1 h, 9/8', '2026-12-07 16:00+01')
) AS v(label, at), pg_temp.read('P2', 'resolution', NULL, at) r;
-- with a pause Fri 15:30-15:45: due Monday 15:15, the total still 8 h of
-- unpaused open time; 6 h 24 min used at Monday 13:39
SELECT label, r.*
FROM (VALUES
	('Mon 13:24: running', '2026-12-07 13:24+01'::timestamptz),
	('Mon 13:38:59.999999: running', '2026-12-07 13:38:59.999999+01'),
	('Mon 13:39: at_risk', '2026-12-07 13:39+01'),
	('Mon 15:00: at_risk, 15 min left', '2026-12-07 15:00+01'),
	('Mon 15:15: breached', '2026-12-07 15:15+01')
) AS v(label, at), pg_temp.read('P2', 'resolution', NULL, at, '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}') r;
-- days and time: 1 day 4 hours, due Tuesday 11:00, 12 open hours in all
-- (1 Friday, 8 Monday, 3 Tuesday); warn_at at 9 h 36 min used: Tue 08:36
SELECT label, r.*
FROM (VALUES
	('Mon 16:00: 9/12 = 0.75, level 2', '2026-12-07 16:00+01'::timestamptz),
	('Tue 08:35:59.999999: running', '2026-12-08 08:35:59.999999+01'),
	('Tue 08:36: at_risk', '2026-12-08 08:36+01'),
	('Tue 11:00: breached', '2026-12-08 11:00+01')
) AS v(label, at), pg_temp.read('P2', 'next_response', NULL, at) r;

-- ---------------------------------------------------------------------------
-- A target on its own calendar: P1 resolution 4 hours on 24x7, due Friday
-- 19:00; warn_at at 3 h 12 min (18:12)
SELECT label, r.*
FROM (VALUES
	('Fri 18:00: 0.75, level 2', '2026-12-04 18:00+01'::timestamptz),
	('Fri 18:11:59.999999: running', '2026-12-04 18:11:59.999999+01'),
	('Fri 18:12: at_risk', '2026-12-04 18:12+01'),
	('Fri 19:00: breached', '2026-12-04 19:00+01')
) AS v(label, at), pg_temp.read('P1', 'resolution', NULL, at) r;
-- across the autumn DST change: started Sunday 2026-10-25 00:00 CEST, due
-- 03:00 CET (4 elapsed hours); at 02:12 CET 3 h 12 min have passed
SELECT label, r.*
FROM (VALUES
	('02:12 CEST (2 h 12 min): running, 0.55', '2026-10-25 02:12+02'::timestamptz),
	('02:12 CET (3 h 12 min): at_risk', '2026-10-25 02:12+01'),
	('03:00 CET: breached', '2026-10-25 03:00+01')
) AS v(label, at), pg_temp.read('P1', 'resolution', NULL, at, '{}', '2026-10-25 00:00+02') r;

-- ---------------------------------------------------------------------------
-- max() over a ticket's targets gives its most urgent state (enum order)
SELECT max(s) AS most_urgent, min(s) AS least_urgent
FROM (VALUES ('running'::sla.sla_state), ('at_risk'), ('paused'), ('met')) AS v(s);
SELECT max(sla.state(p, prio, kind, '2026-12-04 15:00+01', NULL, '2026-12-07 08:36+01')) AS ticket_state
FROM ps_policy, (VALUES ('P2', 'first_response'), ('P2', 'resolution'), ('P2', 'next_response')) AS t(prio, kind);

-- ---------------------------------------------------------------------------
-- NULL arguments: NULL out, except done_at (open)
SELECT sla.state(NULL::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01') IS NULL AS null_policy,
	sla.state(p, NULL, 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01') IS NULL AS null_priority,
	sla.state(p, 'P2', NULL, '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01') IS NULL AS null_kind,
	sla.state(p, 'P2', 'first_response', NULL, NULL, '2026-12-07 08:00+01') IS NULL AS null_start,
	sla.state(p, 'P2', 'first_response', '2026-12-04 15:00+01', NULL, NULL) IS NULL AS null_at,
	sla.state(p, 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01', NULL) IS NULL AS null_pauses,
	sla.state(p, 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01') AS null_done_is_open
FROM ps_policy;
SELECT sla.remaining(p, 'P2', 'first_response', NULL, NULL, '2026-12-07 08:00+01') IS NULL AS remaining,
	sla.elapsed_fraction(p, 'P2', 'first_response', '2026-12-04 15:00+01', NULL, NULL) IS NULL AS fraction,
	sla.escalation_level(p, 'P2', NULL, '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01') IS NULL AS level,
	sla.remaining(p, 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01') AS remaining_open
FROM ps_policy;
-- no target for the priority or the kind: NULL from each
SELECT r.state IS NULL AND r.remaining IS NULL AND r.fraction IS NULL AND r.level IS NULL AS all_null
FROM pg_temp.read('P3', 'first_response', NULL, '2026-12-07 08:00+01') r;
SELECT r.state IS NULL AND r.remaining IS NULL AND r.fraction IS NULL AND r.level IS NULL AS all_null
FROM pg_temp.read('P1', 'periodic_update', '2026-12-07 08:00+01', '2026-12-07 08:00+01', '{[2026-12-04 15:30+01,)}') r;
-- an unknown kind: 22023 with the kinds in the hint, from each function
SELECT sla.state(p, 'P2', 'resolutoin', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01') FROM ps_policy;
SELECT sla_test.try(format('SELECT sla.%s(%L::sla.sla_policy, %L, %L, %L, NULL, %L)',
						   f, (SELECT p FROM ps_policy), 'P3', 'resolutoin', '2026-12-04 15:00+01', '2026-12-07 08:00+01')) AS error
FROM unnest(ARRAY['state', 'remaining', 'elapsed_fraction', 'escalation_level']) f;
-- infinite started_at or at: 22008 (the readings need finite instants)
SELECT label, sla_test.try(format('SELECT sla.%s(%L::sla.sla_policy, %L, %L, %L, NULL, %L)',
								  f, (SELECT p FROM ps_policy), 'P2', 'first_response', started_at, at)) AS error
FROM (VALUES ('started infinity', 'infinity', '2026-12-07 08:00+01'),
			 ('started -infinity', '-infinity', '2026-12-07 08:00+01'),
			 ('at infinity', '2026-12-04 15:00+01', 'infinity'),
			 ('at -infinity', '2026-12-04 15:00+01', '-infinity')) AS v(label, started_at, at),
	unnest(ARRAY['state', 'remaining', 'elapsed_fraction', 'escalation_level']) f
ORDER BY label, f;
