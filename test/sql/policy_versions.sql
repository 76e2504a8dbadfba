-- Named, effective-dated policies: rows of sla.policy, the name overload of
-- every function (the version in force at started_at; sla.target at `at`),
-- sla.policy_at, versions switching exactly at valid_from, errors (unknown
-- name 42704, no version yet 22023, CHECK violations), a change seen by the
-- next statement, and a bare string literal read as a name.  Calendars and
-- policies of this file are named pv_*.  (Other sessions:
-- test/isolation/specs/policy_versions.spec.)
--
-- Calendar pv_office: mon-fri 08:00-16:00 Europe/Amsterdam; Friday
-- 2026-12-04, Monday 2026-12-07; UTC+1.
SET TimeZone = 'Europe/Amsterdam';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('pv_office', 'Europe/Amsterdam', 'mon-fri 08:00-16:00'),
	('pv_24x7', 'Europe/Amsterdam', '24/7');

-- pv_support: from 2026-01-01, P2 first response 2 hours (warn_at 0.8); from
-- Friday 2026-12-04 15:00, 1 hour (warn_at 0.5) and a P1 resolution.
INSERT INTO sla.policy (name, valid_from, policy, comment) VALUES
	('pv_support', '2026-01-01 00:00+01',
	 '{"calendar":"pv_office","warn_at":0.8,"escalations":[0.25,0.5,1.0],"targets":{"P2":{"first_response":"2 hours"}}}',
	 'contract 2026'),
	('pv_support', '2026-12-04 15:00+01',
	 '{"calendar":"pv_office","warn_at":0.5,"escalations":[0.5,1.0],"targets":{"P1":{"resolution":{"within":"4 hours","calendar":"pv_24x7"}},"P2":{"first_response":"1 hour"}}}',
	 'amendment 1');
SELECT name, valid_from, policy, comment FROM sla.policy WHERE name LIKE 'pv\_%' ORDER BY name, valid_from;

-- ---------------------------------------------------------------------------
-- sla.policy_at and sla.target(name, priority, kind, at): the version in
-- force at `at`, switching exactly at valid_from
SELECT at, sla.policy_at('pv_support', at) OPERATOR(sla.=) (SELECT policy FROM sla.policy WHERE name = 'pv_support' AND valid_from = '2026-12-04 15:00+01') AS is_amendment,
	sla.target('pv_support', 'P2', 'first_response', at) AS p2_first,
	sla.target('pv_support', 'P1', 'resolution', at) AS p1_resolution
FROM unnest(ARRAY['2026-01-01 00:00+01', '2026-12-04 14:59:59.999999+01', '2026-12-04 15:00+01',
				  '2026-12-04 15:00:00.000001+01', '2030-01-01 00:00+01', 'infinity']::timestamptz[]) AS at;
SELECT sla.policy_at('pv_support', '2026-06-01 00:00+02') AS v1;
SELECT sla.policy_at(NULL, '2026-06-01 00:00+02') IS NULL AS null_name,
	sla.policy_at('pv_support', NULL) IS NULL AS null_at,
	sla.target('pv_support', 'P2', 'first_response', NULL) IS NULL AS null_target_at;

-- ---------------------------------------------------------------------------
-- due, state, remaining, elapsed_fraction and escalation_level by name use
-- the version in force at started_at, whatever `at` is.
-- Started Friday 15:00 (the amendment, 1 hour): due Friday 16:00.
-- Started one microsecond earlier (2 hours): 1 h 00:00.000001 of Friday
-- remains, 59:59.999999 more on Monday: due Monday 08:59:59.999999.
SELECT started_at, sla.due('pv_support', 'P2', 'first_response', started_at) AS due
FROM unnest(ARRAY['2026-12-04 14:59:59.999999+01', '2026-12-04 15:00+01']::timestamptz[]) AS started_at;
-- each name overload equals the value overload with policy_at(started_at)
SELECT started_at, at,
	sla.state('pv_support', 'P2', 'first_response', started_at, NULL, at) AS state,
	sla.remaining('pv_support', 'P2', 'first_response', started_at, NULL, at) AS remaining,
	sla.elapsed_fraction('pv_support', 'P2', 'first_response', started_at, NULL, at) AS fraction,
	sla.escalation_level('pv_support', 'P2', 'first_response', started_at, NULL, at) AS level,
	sla.state(sla.policy_at('pv_support', started_at), 'P2', 'first_response', started_at, NULL, at)
		= sla.state('pv_support', 'P2', 'first_response', started_at, NULL, at) AS same_as_value
FROM (VALUES
	-- amendment (1 h, warn_at 0.5): at 15:30 half used: at_risk, level 1
	('2026-12-04 15:00+01'::timestamptz, '2026-12-04 15:30+01'::timestamptz),
	-- 2026 terms (2 h, warn_at 0.8): at 15:30 a quarter used: running, level 1
	('2026-12-04 14:59:59.999999+01', '2026-12-04 15:30:00.000001+01'),
	-- read long after the amendment, still the 2026 terms: Monday 08:36 is at_risk
	('2026-12-04 14:59:59.999999+01', '2026-12-07 08:36:00.000001+01'),
	-- and the amendment's ticket is breached by Friday 16:00
	('2026-12-04 15:00+01', '2026-12-04 16:00+01')
) AS v(started_at, at);
-- pauses and done_at pass through the name overloads too: 15 paused minutes
-- move the 1 hour target to 16:00 + 15 open minutes = Monday 08:15
SELECT sla.due('pv_support', 'P2', 'first_response', '2026-12-04 15:00+01', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}') AS due,
	sla.state('pv_support', 'P2', 'first_response', '2026-12-04 15:00+01', '2026-12-07 08:15+01', '2026-12-07 12:00+01', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}') AS done_at_due,
	sla.state('pv_support', 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-04 15:40+01', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}') AS paused;
-- a per-target calendar in a named version: P1 resolution 4 h on 24x7
SELECT sla.due('pv_support', 'P1', 'resolution', '2026-12-04 15:00+01') AS p1_due;
-- no target: NULL (P1 is not in the 2026 terms)
SELECT sla.due('pv_support', 'P1', 'resolution', '2026-12-04 14:59:59.999999+01') IS NULL AS no_p1_before,
	sla.state('pv_support', 'P3', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01') IS NULL AS no_p3;
-- NULLs: NULL out (done_at NULL: open)
SELECT sla.due(NULL::text, 'P2', 'first_response', '2026-12-04 15:00+01') IS NULL AS due_null_name,
	sla.state(NULL::text, 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01') IS NULL AS state_null_name,
	sla.remaining('pv_support', 'P2', 'first_response', NULL, NULL, '2026-12-07 08:00+01') IS NULL AS remaining_null_start,
	sla.target(NULL::text, 'P2', 'first_response', '2026-12-07 08:00+01') IS NULL AS target_null_name;

-- ---------------------------------------------------------------------------
-- Errors.  An unknown name: 42704, from every function.
SELECT sla.due('pv_nope', 'P2', 'first_response', '2026-12-04 15:00+01');
SELECT f, sla_test.try(q) AS error
FROM (VALUES
	('target', $$SELECT sla.target('pv_nope', 'P2', 'first_response', '2026-12-04 15:00+01')$$),
	('due', $$SELECT sla.due('pv_nope', 'P2', 'first_response', '2026-12-04 15:00+01')$$),
	('state', $$SELECT sla.state('pv_nope', 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01')$$),
	('remaining', $$SELECT sla.remaining('pv_nope', 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01')$$),
	('elapsed_fraction', $$SELECT sla.elapsed_fraction('pv_nope', 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01')$$),
	('escalation_level', $$SELECT sla.escalation_level('pv_nope', 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01')$$),
	('policy_at', $$SELECT sla.policy_at('pv_nope', '2026-12-04 15:00+01')$$),
	('names are exact', $$SELECT sla.policy_at('PV_SUPPORT', '2026-12-04 15:00+01')$$),
	('empty name', $$SELECT sla.policy_at('', '2026-12-04 15:00+01')$$)
) AS v(f, q);
-- no version in force at started_at: 22023 naming the first valid_from
SELECT sla.due('pv_support', 'P2', 'first_response', '2025-12-31 23:59:59.999999+01');
SELECT f, sla_test.try(q) AS error
FROM (VALUES
	('target', $$SELECT sla.target('pv_support', 'P2', 'first_response', '2025-12-31 23:59:59.999999+01')$$),
	('due', $$SELECT sla.due('pv_support', 'P2', 'first_response', '2025-06-01 12:00+02')$$),
	('due at -infinity', $$SELECT sla.due('pv_support', 'P2', 'first_response', '-infinity')$$),
	('state', $$SELECT sla.state('pv_support', 'P2', 'first_response', '2025-06-01 12:00+02', NULL, '2026-12-07 08:00+01')$$),
	('policy_at', $$SELECT sla.policy_at('pv_support', '2025-12-31 23:59:59.999999+01')$$)
) AS v(f, q);
-- an unknown kind is 22023 before the name is looked up
SELECT sla_test.try($$SELECT sla.due('pv_nope', 'P2', 'first_reponse', '2026-12-04 15:00+01')$$) AS unknown_kind;
-- the calendar of a version is checked when used: 42704
INSERT INTO sla.policy (name, valid_from, policy) VALUES
	('pv_nocal', '-infinity', '{"calendar":"pv_missing","targets":{"P2":{"first_response":"1 hour"}}}');
SELECT sla_test.try($$SELECT sla.due('pv_nocal', 'P2', 'first_response', '2026-12-04 15:00+01')$$) AS missing_calendar;
-- a -infinity version is in force before every other
SELECT sla.policy_at('pv_nocal', '-infinity') IS NOT NULL AS at_minus_infinity,
	sla.policy_at('pv_nocal', '1900-01-01 00:00+00') IS NOT NULL AS in_1900;

-- the table checks what is written: CHECK, NOT NULL, primary key, and the
-- policy through its input function
SELECT what, sla_test.try(q) AS error
FROM (VALUES
	('empty name', $$INSERT INTO sla.policy (name, valid_from, policy) VALUES ('', '2026-01-01', '{"calendar":"c","targets":{}}')$$),
	('name of 128 bytes', format($$INSERT INTO sla.policy (name, valid_from, policy) VALUES (%L, '2026-01-01', '{"calendar":"c","targets":{}}')$$, repeat('n', 128))),
	('name of 64 é (128 bytes)', format($$INSERT INTO sla.policy (name, valid_from, policy) VALUES (%L, '2026-01-01', '{"calendar":"c","targets":{}}')$$, repeat('é', 64))),
	('valid_from infinity', $$INSERT INTO sla.policy (name, valid_from, policy) VALUES ('pv_x', 'infinity', '{"calendar":"c","targets":{}}')$$),
	('NULL name', $$INSERT INTO sla.policy (name, valid_from, policy) VALUES (NULL, '2026-01-01', '{"calendar":"c","targets":{}}')$$),
	('NULL valid_from', $$INSERT INTO sla.policy (name, valid_from, policy) VALUES ('pv_x', NULL, '{"calendar":"c","targets":{}}')$$),
	('NULL policy', $$INSERT INTO sla.policy (name, valid_from, policy) VALUES ('pv_x', '2026-01-01', NULL)$$),
	('same name and valid_from', $$INSERT INTO sla.policy (name, valid_from, policy) VALUES ('pv_support', '2026-12-04 15:00+01', '{"calendar":"c","targets":{}}')$$),
	('an invalid policy', $$INSERT INTO sla.policy (name, valid_from, policy) VALUES ('pv_x', '2026-01-01', '{"calendar":"c","targets":{"P1":{"resolution":"0"}}}')$$),
	('malformed JSON', $$INSERT INTO sla.policy (name, valid_from, policy) VALUES ('pv_x', '2026-01-01', '{"calendar":')$$),
	('an UPDATE to infinity', $$UPDATE sla.policy SET valid_from = 'infinity' WHERE name = 'pv_support'$$),
	('name of 127 bytes is fine', format($$INSERT INTO sla.policy (name, valid_from, policy) VALUES (%L, '2026-01-01', '{"calendar":"c","targets":{}}')$$, repeat('n', 127)))
) AS v(what, q);
DELETE FROM sla.policy WHERE name = repeat('n', 127);

-- ---------------------------------------------------------------------------
-- A bare string literal where both overloads exist is read as a NAME (text
-- is the preferred type): a JSON document there is looked up as a policy
-- name and fails with 42704.  Cast it to sla.sla_policy to pass a value.
SELECT sla.due('{"calendar":"pv_office","targets":{"P2":{"first_response":"1 hour"}}}', 'P2', 'first_response', '2026-12-04 15:00+01');
SELECT sla.due('{"calendar":"pv_office","targets":{"P2":{"first_response":"1 hour"}}}'::sla.sla_policy, 'P2', 'first_response', '2026-12-04 15:00+01') AS cast_to_value;
SELECT sla_test.try($$SELECT sla.state('{"calendar":"pv_office","targets":{}}', 'P2', 'first_response', '2026-12-04 15:00+01', NULL, '2026-12-07 08:00+01')$$) AS state_literal,
	sla_test.try($$SELECT sla.target('{"calendar":"pv_office","targets":{}}', 'P2', 'first_response')$$) AS target_literal;
-- a text column is a name, an sla_policy column a value
CREATE TEMP TABLE pv_tickets (id int, policy_name text, terms sla.sla_policy, opened_at timestamptz);
INSERT INTO pv_tickets VALUES
	(1, 'pv_support', NULL, '2026-12-04 14:59:59.999999+01'),
	(2, 'pv_support', NULL, '2026-12-04 15:00+01'),
	(3, NULL, '{"calendar":"pv_office","targets":{"P2":{"first_response":"30 minutes"}}}', '2026-12-04 15:00+01');
SELECT id, coalesce(sla.due(policy_name, 'P2', 'first_response', opened_at),
					sla.due(terms, 'P2', 'first_response', opened_at)) AS due
FROM pv_tickets ORDER BY id;

-- ---------------------------------------------------------------------------
-- A change to sla.policy is seen by the next statement, also inside a
-- transaction and inside one PL/pgSQL block; a rollback undoes it.
SELECT sla.due('pv_support', 'P2', 'first_response', '2026-12-04 15:00+01') AS before_change;
UPDATE sla.policy SET policy = '{"calendar":"pv_office","targets":{"P2":{"first_response":"30 minutes"}}}'
	WHERE name = 'pv_support' AND valid_from = '2026-12-04 15:00+01';
-- 30 minutes: Friday 15:30
SELECT sla.due('pv_support', 'P2', 'first_response', '2026-12-04 15:00+01') AS after_update;
BEGIN;
DELETE FROM sla.policy WHERE name = 'pv_support' AND valid_from = '2026-12-04 15:00+01';
-- the amendment gone, the 2026 terms apply: Monday 09:00
SELECT sla.due('pv_support', 'P2', 'first_response', '2026-12-04 15:00+01') AS after_delete;
ROLLBACK;
SELECT sla.due('pv_support', 'P2', 'first_response', '2026-12-04 15:00+01') AS after_rollback;
-- a new version from 15:00:00.000001 leaves the ticket of 15:00 alone
INSERT INTO sla.policy (name, valid_from, policy) VALUES
	('pv_support', '2026-12-04 15:00:00.000001+01', '{"calendar":"pv_office","targets":{"P2":{"first_response":"10 minutes"}}}');
SELECT started_at, sla.due('pv_support', 'P2', 'first_response', started_at) AS due
FROM unnest(ARRAY['2026-12-04 15:00+01', '2026-12-04 15:00:00.000001+01']::timestamptz[]) AS started_at;
-- the same call site in one block, before and after a change
DO $$
DECLARE
	due timestamptz;
BEGIN
	FOR i IN 1..2 LOOP
		due := sla.due('pv_support', 'P2', 'first_response', '2026-12-04 15:30+01');
		RAISE NOTICE 'round %: %', i, due;
		UPDATE sla.policy SET valid_from = '2026-12-04 15:30:00.000001+01'
			WHERE name = 'pv_support' AND valid_from = '2026-12-04 15:00:00.000001+01';
	END LOOP;
END
$$;
-- a renamed policy: the old name is gone, the new one found
UPDATE sla.policy SET name = 'pv_renamed' WHERE name = 'pv_support';
SELECT sla_test.try($$SELECT sla.policy_at('pv_support', '2026-12-04 15:00+01')$$) AS old_name;
SELECT sla.target('pv_renamed', 'P2', 'first_response', '2026-12-04 15:00+01') AS new_name;
-- TRUNCATE counts as a change
TRUNCATE sla.policy;
SELECT sla_test.try($$SELECT sla.target('pv_renamed', 'P2', 'first_response', '2026-12-04 15:00+01')$$) AS after_truncate;
