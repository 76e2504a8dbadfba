-- sla.target and sla.due of a policy value: the issue's worked example, pauses
-- inside and outside hours, overlapping, touching, open-ended, before the
-- start; day and mixed targets; per-target calendars; DST; NULL and infinite
-- arguments.  Calendars of this file are named pd_*.
--
-- Calendar pd_office: mon-fri 08:00-16:00 Europe/Amsterdam (8 open hours a
-- day).  December 2026: Thu 3, Fri 4, Sat 5, Sun 6, Mon 7, Tue 8; Amsterdam
-- is UTC+1 then.  The session shows instants in Amsterdam time.
SET TimeZone = 'Europe/Amsterdam';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('pd_office', 'Europe/Amsterdam', 'mon-fri 08:00-16:00'),
	('pd_24x7', 'Europe/Amsterdam', '24/7');

-- The worked example's policy: P2 first response 2 hours, warn_at 0.8,
-- escalations [0.25, 0.5, 1.0]; more targets for the other cases: P2
-- resolution 1 business day, next_response 1 day 4 hours (days, then time),
-- P1 resolution 4 hours on the 24x7 calendar, P1 first response 1 business
-- day on it.  P1 has no periodic_update, P3 nothing at all.
\set pol '{"calendar":"pd_office","warn_at":0.8,"escalations":[0.25,0.5,1.0],"targets":{"P2":{"first_response":"2 hours","resolution":"1 day","next_response":"1 day 04:00:00"},"P1":{"first_response":{"within":"1 day","calendar":"pd_24x7"},"resolution":{"within":"4 hours","calendar":"pd_24x7"}}}}'

-- ---------------------------------------------------------------------------
-- sla.target: the amount, NULL where the policy has none, 22023 for a kind
-- that does not exist (with the kinds in the hint)
SELECT sla.target(:'pol'::sla.sla_policy, 'P2', 'first_response') AS p2_first,
	sla.target(:'pol'::sla.sla_policy, 'P2', 'resolution') AS p2_resolution,
	sla.target(:'pol'::sla.sla_policy, 'P2', 'next_response') AS p2_next,
	sla.target(:'pol'::sla.sla_policy, 'P1', 'resolution') AS p1_resolution,
	sla.target(:'pol'::sla.sla_policy, 'P1', 'periodic_update') IS NULL AS p1_no_update,
	sla.target(:'pol'::sla.sla_policy, 'P3', 'resolution') IS NULL AS p3_nothing;
-- priorities are exact byte strings: no case folding, no prefix match
SELECT p, sla.target(:'pol'::sla.sla_policy, p, 'first_response') AS target
FROM (VALUES ('P2'), ('p2'), ('P'), ('P20'), ('P2 '), (' P2'), ('')) AS v(p);
SELECT sla.target(:'pol'::sla.sla_policy, 'P2', 'resolutoin');
SELECT sla_test.try($$SELECT sla.target('{"calendar":"c","targets":{}}'::sla.sla_policy, 'P9', 'Resolution')$$) AS unknown_kind_without_target;
SELECT sla_test.try($$SELECT sla.target('{"calendar":"c","targets":{}}'::sla.sla_policy, 'P9', '')$$) AS empty_kind;
-- strict: NULL in, NULL out
SELECT sla.target(NULL::sla.sla_policy, 'P2', 'resolution') IS NULL AS null_policy,
	sla.target(:'pol'::sla.sla_policy, NULL, 'resolution') IS NULL AS null_priority,
	sla.target(:'pol'::sla.sla_policy, 'P2', NULL) IS NULL AS null_kind;
-- (that sla.target never reads a calendar: test/pending/policy_pending.sql)

-- ---------------------------------------------------------------------------
-- The worked example.  Started Friday 15:00: one open hour Friday
-- (15:00-16:00), one Monday (08:00-09:00): due Monday 2026-12-07 09:00.
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01') AS due;
-- without pauses it is business_add of the target
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01')
	= sla.business_add('2026-12-04 15:00+01', '2 hours', 'pd_office') AS is_business_add;
-- a pause Friday 15:30-15:45 covers 15 open minutes: due 09:15
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01',
			   '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}') AS due;
-- a pause Saturday 10:00-12:00 covers no open time: due 09:00
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01',
			   '{[2026-12-05 10:00+01, 2026-12-05 12:00+01)}') AS due;
-- the answer does not depend on the session's time zone
SET TimeZone = 'America/Los_Angeles';
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01') = '2026-12-07 09:00+01' AS same_in_los_angeles;
SET TimeZone = 'Europe/Amsterdam';

-- ---------------------------------------------------------------------------
-- Pauses, P2 first response (2 hours) started Friday 15:00.  Each row: the
-- pauses, and the due instant worked out from the calendar.
SELECT label, sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01', pauses) AS due
FROM (VALUES
	-- none: 09:00 (the default '{}' and an explicit empty multirange agree)
	('no pause', '{}'::tstzmultirange),
	('an empty range', '{empty}'),
	-- inside hours: the open time covered is owed
	('Fri 15:30-15:45: 15 min -> 09:15', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}'),
	('Mon 08:30-08:45 (before the due): 15 min -> 09:15', '{[2026-12-07 08:30+01, 2026-12-07 08:45+01)}'),
	('Fri 15:00-16:00, the whole Friday part: 1 h -> 10:00', '{[2026-12-04 15:00+01, 2026-12-04 16:00+01)}'),
	-- crossing the close: only 15:30-16:00 is open -> 09:30
	('Fri 15:30-Sat 12:00: 30 min -> 09:30', '{[2026-12-04 15:30+01, 2026-12-05 12:00+01)}'),
	-- outside hours: nothing owed
	('Sat 10:00-12:00: 09:00', '{[2026-12-05 10:00+01, 2026-12-05 12:00+01)}'),
	('Fri 16:00-Mon 08:00, exactly the closed time: 09:00', '{[2026-12-04 16:00+01, 2026-12-07 08:00+01)}'),
	('Fri 20:00-23:00, at night: 09:00', '{[2026-12-04 20:00+01, 2026-12-04 23:00+01)}'),
	-- overlapping and touching pauses count once (the multirange merges them)
	('overlapping 15:10-15:30 and 15:20-15:40: 30 min -> 09:30', '{[2026-12-04 15:10+01, 2026-12-04 15:30+01), [2026-12-04 15:20+01, 2026-12-04 15:40+01)}'),
	('touching 15:10-15:20 and 15:20-15:30: 20 min -> 09:20', '{[2026-12-04 15:10+01, 2026-12-04 15:20+01), [2026-12-04 15:20+01, 2026-12-04 15:30+01)}'),
	('the same pause twice: 15 min -> 09:15', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01), [2026-12-04 15:30+01, 2026-12-04 15:45+01)}'),
	('two apart, Fri 15:10-15:20 and Mon 08:10-08:20: 20 min -> 09:20', '{[2026-12-04 15:10+01, 2026-12-04 15:20+01), [2026-12-07 08:10+01, 2026-12-07 08:20+01)}'),
	-- before started_at: only the part from the start counts
	('Thu 09:00-12:00, before the start: 09:00', '{[2026-12-03 09:00+01, 2026-12-03 12:00+01)}'),
	('Fri 14:00-15:00, ending at the start: 09:00', '{[2026-12-04 14:00+01, 2026-12-04 15:00+01)}'),
	('Fri 14:00-15:30, across the start: 30 min -> 09:30', '{[2026-12-04 14:00+01, 2026-12-04 15:30+01)}'),
	('since -infinity until Fri 15:30: 30 min -> 09:30', '{(, 2026-12-04 15:30+01)}'),
	-- after the due: nothing owed, also from exactly the due on
	('Mon 09:00-10:00, from the due: 09:00', '{[2026-12-07 09:00+01, 2026-12-07 10:00+01)}'),
	('Tue 09:00-10:00: 09:00', '{[2026-12-08 09:00+01, 2026-12-08 10:00+01)}'),
	-- one microsecond before the due is owed, and spent after the pause:
	-- 10:00:00.000001
	('Mon 08:59:59.999999-10:00: 1 us -> 10:00:00.000001', '{[2026-12-07 08:59:59.999999+01, 2026-12-07 10:00+01)}'),
	-- owed time walks over later pauses: 15 min owed, 5 min spent 09:00-09:05,
	-- paused 09:05-09:10, 10 min left -> 09:20
	('Fri 15:30-15:45 and Mon 09:05-09:10: 09:20', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01), [2026-12-07 09:05+01, 2026-12-07 09:10+01)}'),
	-- a later pause starting exactly where the owed time runs out: 09:15
	('Fri 15:30-15:45 and Mon 09:15-10:00: 09:15', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01), [2026-12-07 09:15+01, 2026-12-07 10:00+01)}'),
	-- the whole span from the start to the unpaused due is paused: nothing
	-- used until 09:00, then 2 hours: 11:00
	('Fri 15:00-Mon 09:00: 2 h -> 11:00', '{[2026-12-04 15:00+01, 2026-12-07 09:00+01)}'),
	-- inclusive and exclusive bounds cover the same open time
	('[15:30, 15:45]: 09:15', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01]}'),
	('(15:30, 15:45): 09:15', '{(2026-12-04 15:30+01, 2026-12-04 15:45+01)}'),
	-- open-ended: a pause without end that begins before the due stops the
	-- clock for good; one that begins at or after it changes nothing
	('open from Fri 15:30: infinity', '{[2026-12-04 15:30+01,)}'),
	('open from Sat 10:00, at the weekend: infinity', '{[2026-12-05 10:00+01,)}'),
	('open from Mon 08:59:59.999999: infinity', '{[2026-12-07 08:59:59.999999+01,)}'),
	('open from Mon 09:00, the due: 09:00', '{[2026-12-07 09:00+01,)}'),
	('open from Tue: 09:00', '{[2026-12-08 08:00+01,)}'),
	('open from Thu, before the start: infinity', '{[2026-12-03 09:00+01,)}'),
	('everything (,): infinity', '{(,)}'),
	-- begins after the unpaused due but before the due the pauses push to
	('Fri 15:30-15:45 and open from Mon 09:10: infinity', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01), [2026-12-07 09:10+01,)}'),
	('Fri 15:30-15:45 and open from Mon 09:15: 09:15', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01), [2026-12-07 09:15+01,)}')
) AS v(label, pauses);

-- the fixed point the issue defines: due = business_add(due0, open time of
-- the pauses in [started_at, due)); checked for the finite rows above
SELECT count(*) AS cases,
	count(*) FILTER (WHERE d = sla.business_add('2026-12-07 09:00+01',
		(SELECT coalesce(sla.sum(sla.business_elapsed(greatest(lower(r), '2026-12-04 15:00+01'), least(upper(r), d), 'pd_office')), '0')
		 FROM unnest(pauses) r
		 WHERE coalesce(lower(r), '-infinity') < d AND upper(r) > '2026-12-04 15:00+01')::sla.business_interval,
		'pd_office')) AS fixed_points
FROM (SELECT pauses, sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01', pauses) AS d
	  FROM unnest(ARRAY[
		'{}', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}', '{[2026-12-07 08:30+01, 2026-12-07 08:45+01)}',
		'{[2026-12-04 15:30+01, 2026-12-05 12:00+01)}', '{[2026-12-04 14:00+01, 2026-12-04 15:30+01)}',
		'{[2026-12-07 08:59:59.999999+01, 2026-12-07 10:00+01)}',
		'{[2026-12-04 15:30+01, 2026-12-04 15:45+01), [2026-12-07 09:05+01, 2026-12-07 09:10+01)}',
		'{[2026-12-04 15:00+01, 2026-12-07 09:00+01)}']::tstzmultirange[]) AS u(pauses)) x;

-- ---------------------------------------------------------------------------
-- A business-days target: P2 resolution, 1 day.  Started Friday 15:00, 7 of
-- Friday's 8 open hours passed: Monday at 7 open hours, 15:00.
SELECT label, sla.due(:'pol'::sla.sla_policy, 'P2', 'resolution', '2026-12-04 15:00+01', pauses) AS due
FROM (VALUES
	('no pause: Mon 15:00', '{}'::tstzmultirange),
	('Fri 15:30-15:45: 15 min -> Mon 15:15', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}'),
	('Sat 10:00-12:00: Mon 15:00', '{[2026-12-05 10:00+01, 2026-12-05 12:00+01)}'),
	-- 1 h before the unpaused due (14:00-15:00), and the pause goes on to
	-- 17:00: the hour is spent Tuesday 08:00-09:00
	('Mon 14:00-17:00: Tue 09:00', '{[2026-12-07 14:00+01, 2026-12-07 17:00+01)}'),
	-- all of Monday: 7 h owed (Mon 08:00-15:00), spent from Tuesday 08:00
	('all of Monday: Tue 15:00', '{[2026-12-07 00:00+01, 2026-12-08 00:00+01)}'),
	('open from Mon 14:59:59.999999: infinity', '{[2026-12-07 14:59:59.999999+01,)}'),
	('open from Mon 15:00: Mon 15:00', '{[2026-12-07 15:00+01,)}')
) AS v(label, pauses);
-- days, then time: 1 day 4 hours from Friday 15:00 is Monday 15:00 plus 4
-- open hours (1 on Monday, 3 on Tuesday): Tuesday 11:00
SELECT label, sla.due(:'pol'::sla.sla_policy, 'P2', 'next_response', '2026-12-04 15:00+01', pauses) AS due
FROM (VALUES
	('no pause: Tue 11:00', '{}'::tstzmultirange),
	('Sat 10:00-12:00: Tue 11:00', '{[2026-12-05 10:00+01, 2026-12-05 12:00+01)}'),
	('Mon 08:00-10:00: 2 h -> Tue 13:00', '{[2026-12-07 08:00+01, 2026-12-07 10:00+01)}'),
	-- 15 min owed Friday; a pause from the unpaused due Tue 11:00 to 12:00
	-- delays spending them: 12:15
	('Fri 15:30-15:45 and Tue 11:00-12:00: 15 min, spent after the pause -> Tue 12:15',
	 '{[2026-12-04 15:30+01, 2026-12-04 15:45+01), [2026-12-08 11:00+01, 2026-12-08 12:00+01)}'),
	-- a pause from Tue 10:00 covers an hour before the unpaused due too:
	-- 1 h 15 owed, spent from 12:00: 13:15
	('Fri 15:30-15:45 and Tue 10:00-12:00: 1 h 15 owed -> Tue 13:15',
	 '{[2026-12-04 15:30+01, 2026-12-04 15:45+01), [2026-12-08 10:00+01, 2026-12-08 12:00+01)}')
) AS v(label, pauses);
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'next_response', '2026-12-04 15:00+01')
	= sla.business_add('2026-12-04 15:00+01', '1 day 04:00:00', 'pd_office') AS is_business_add;
-- started on a Saturday, which counts as Monday before opening: Monday
-- 08:00 + 2 h = 10:00; + 1 day = Monday at closing (the weekend is position 0
-- of Monday, as business_add has it)
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-12-05 10:00+01') AS sat_first_response,
	sla.due(:'pol'::sla.sla_policy, 'P2', 'resolution', '2026-12-05 10:00+01') AS sat_resolution,
	sla.due(:'pol'::sla.sla_policy, 'P2', 'resolution', '2026-12-05 10:00+01')
		= sla.business_add('2026-12-05 10:00+01', '1 day', 'pd_office') AS is_business_add;

-- ---------------------------------------------------------------------------
-- A target on its own calendar: P1 resolution, 4 hours on 24x7.  Friday
-- 15:00 + 4 h = Friday 19:00; a pause at night now counts.
SELECT label, sla.due(:'pol'::sla.sla_policy, 'P1', 'resolution', '2026-12-04 15:00+01', pauses) AS due
FROM (VALUES
	('no pause: Fri 19:00', '{}'::tstzmultirange),
	('Fri 17:00-18:00, after office hours: 1 h -> Fri 20:00', '{[2026-12-04 17:00+01, 2026-12-04 18:00+01)}'),
	('Sat 10:00-12:00, after the due: Fri 19:00', '{[2026-12-05 10:00+01, 2026-12-05 12:00+01)}'),
	('open from Fri 18:00: infinity', '{[2026-12-04 18:00+01,)}')
) AS v(label, pauses);
-- the same target priority on the office calendar is another answer
SELECT sla.due('{"calendar":"pd_office","targets":{"P1":{"resolution":"4 hours"}}}'::sla.sla_policy, 'P1', 'resolution', '2026-12-04 15:00+01') AS office_p1;
-- a target calendar that does not exist: 42704 when used, not at input
SELECT sla_test.try($$SELECT sla.due('{"calendar":"pd_office","targets":{"P1":{"resolution":{"within":"4 hours","calendar":"pd_missing"}}}}'::sla.sla_policy, 'P1', 'resolution', '2026-12-04 15:00+01')$$) AS missing_calendar;
SELECT sla.due('{"calendar":"pd_missing","targets":{"P1":{"resolution":{"within":"4 hours","calendar":"pd_24x7"}}}}'::sla.sla_policy, 'P1', 'resolution', '2026-12-04 15:00+01') AS missing_default_unused;

-- ---------------------------------------------------------------------------
-- DST.  Amsterdam leaves summer time on Sunday 2026-10-25 (03:00 CEST ->
-- 02:00 CET) and enters it on Sunday 2026-03-29 (02:00 CET -> 03:00 CEST).
-- Office hours stay 08:00-16:00 local: Friday 15:00 CEST + 2 h = Monday
-- 09:00 CET, and Friday 15:00 CET + 2 h = Monday 09:00 CEST.
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-10-23 15:00+02') AS autumn,
	sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-03-27 15:00+01') AS spring;
-- 24x7 counts elapsed time: Sunday 00:00 + 4 h is 03:00 local in autumn (the
-- hour 02:00-03:00 repeats) and 05:00 local in spring (02:00-03:00 is skipped)
SELECT sla.due(:'pol'::sla.sla_policy, 'P1', 'resolution', '2026-10-25 00:00+02') AS autumn_24x7,
	sla.due(:'pol'::sla.sla_policy, 'P1', 'resolution', '2026-03-29 00:00+01') AS spring_24x7;
-- a pause across the autumn change: 01:00 CEST to 02:30 CET is 2.5 hours,
-- so 03:00 CET + 2.5 h = 05:30 CET
SELECT sla.due(:'pol'::sla.sla_policy, 'P1', 'resolution', '2026-10-25 00:00+02',
			   '{[2026-10-25 01:00+02, 2026-10-25 02:30+01)}') AS autumn_24x7_paused;
-- a business day on 24x7 across a change: Saturday 12:00 is 12 open hours
-- into Saturday; in spring Sunday has 23 hours and its 12th ends at 13:00
-- local, in autumn 25 hours and its 12th ends at 11:00 local
SELECT sla.due(:'pol'::sla.sla_policy, 'P1', 'first_response', '2026-03-28 12:00+01') AS spring_day_24x7,
	sla.due(:'pol'::sla.sla_policy, 'P1', 'first_response', '2026-10-24 12:00+02') AS autumn_day_24x7;

-- ---------------------------------------------------------------------------
-- NULL and infinite arguments.  due is STRICT: any NULL gives NULL.
SELECT sla.due(NULL::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01') IS NULL AS null_policy,
	sla.due(:'pol'::sla.sla_policy, NULL, 'first_response', '2026-12-04 15:00+01') IS NULL AS null_priority,
	sla.due(:'pol'::sla.sla_policy, 'P2', NULL, '2026-12-04 15:00+01') IS NULL AS null_kind,
	sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', NULL) IS NULL AS null_start,
	sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01', NULL) IS NULL AS null_pauses;
-- a priority or kind without a target: NULL, also with pauses
SELECT sla.due(:'pol'::sla.sla_policy, 'P3', 'first_response', '2026-12-04 15:00+01') IS NULL AS no_priority,
	sla.due(:'pol'::sla.sla_policy, 'P1', 'periodic_update', '2026-12-04 15:00+01', '{[2026-12-04 15:30+01,)}') IS NULL AS no_kind;
-- an unknown kind: 22023 with the kinds in the hint
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'first_reponse', '2026-12-04 15:00+01');
-- an infinite start is its own due, as business_add's
SELECT sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', 'infinity') AS plus_infinity,
	sla.due(:'pol'::sla.sla_policy, 'P2', 'first_response', '-infinity') AS minus_infinity,
	sla.due(:'pol'::sla.sla_policy, 'P2', 'resolution', 'infinity', '{[2026-12-04 15:30+01,)}') AS with_pauses;
