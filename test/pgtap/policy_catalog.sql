-- sla_policy and its functions: signatures, return types, defaults,
-- volatility, strictness and parallel safety, the sla_state enum, the
-- sla.policy table, the pauses aggregate, operators, opclass and casts.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS sla;
SELECT plan(55);

-- every policy function: signature, result, volatility, strictness
--   target by value: IMMUTABLE (needs nothing but its arguments);
--   everything that reads a calendar or sla.policy: STABLE;
--   state & co. are not STRICT (a NULL done_at means open); all PARALLEL SAFE
CREATE TEMP TABLE pt_functions (sig text, result text, volatility "char", strict bool) ON COMMIT DROP;
INSERT INTO pt_functions VALUES
	('sla.target(sla.sla_policy,text,text)', 'sla.business_interval', 'i', true),
	('sla.target(text,text,text,timestamp with time zone)', 'sla.business_interval', 's', true),
	('sla.due(sla.sla_policy,text,text,timestamp with time zone,tstzmultirange)', 'timestamp with time zone', 's', true),
	('sla.due(text,text,text,timestamp with time zone,tstzmultirange)', 'timestamp with time zone', 's', true),
	('sla.state(sla.sla_policy,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)', 'sla.sla_state', 's', false),
	('sla.state(text,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)', 'sla.sla_state', 's', false),
	('sla.remaining(sla.sla_policy,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)', 'interval', 's', false),
	('sla.remaining(text,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)', 'interval', 's', false),
	('sla.elapsed_fraction(sla.sla_policy,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)', 'double precision', 's', false),
	('sla.elapsed_fraction(text,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)', 'double precision', 's', false),
	('sla.escalation_level(sla.sla_policy,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)', 'integer', 's', false),
	('sla.escalation_level(text,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)', 'integer', 's', false),
	('sla.policy_at(text,timestamp with time zone)', 'sla.sla_policy', 's', true),
	-- the type's I/O: input reads IntervalStyle (STABLE), output is fixed
	('sla.sla_policy_in(cstring)', 'sla.sla_policy', 's', true),
	('sla.sla_policy_out(sla.sla_policy)', 'cstring', 'i', true),
	('sla.sla_policy_recv(internal)', 'sla.sla_policy', 's', true),
	('sla.sla_policy_send(sla.sla_policy)', 'bytea', 'i', true),
	('sla.sla_policy_eq(sla.sla_policy,sla.sla_policy)', 'boolean', 'i', true),
	('sla.sla_policy_ne(sla.sla_policy,sla.sla_policy)', 'boolean', 'i', true),
	('sla.sla_policy_hash(sla.sla_policy)', 'integer', 'i', true),
	('sla.sla_policy_hash_extended(sla.sla_policy,bigint)', 'bigint', 'i', true),
	('sla.sla_policy_to_jsonb(sla.sla_policy)', 'jsonb', 'i', true),
	('sla.sla_policy_from_jsonb(jsonb)', 'sla.sla_policy', 's', true);

-- one check per function: it exists with that signature and those markers
SELECT is(
	(SELECT format('%s %s %s %s', p.prorettype::regtype, p.provolatile, p.proisstrict, p.proparallel)
	 FROM pg_proc p WHERE p.oid = to_regprocedure(f.sig)),
	format('%s %s %s %s', f.result, f.volatility, f.strict, 's'),
	f.sig)
FROM pt_functions f ORDER BY f.sig;

-- no other function of the extension is named like a policy function
SELECT is(
	(SELECT count(*)::int FROM pg_proc p WHERE p.pronamespace = 'sla'::regnamespace
	 AND p.proname IN ('target', 'due', 'state', 'remaining', 'elapsed_fraction', 'escalation_level', 'policy_at')),
	13, 'thirteen policy functions (six by value and by name, and policy_at)');
-- argument names and defaults, as callers write them
SELECT is(pg_get_function_arguments('sla.target(text,text,text,timestamp with time zone)'::regprocedure),
	'policy text, priority text, kind text, at timestamp with time zone DEFAULT now()',
	'target by name: at defaults to now()');
SELECT is(pg_get_function_arguments('sla.due(sla.sla_policy,text,text,timestamp with time zone,tstzmultirange)'::regprocedure),
	'policy sla.sla_policy, priority text, kind text, started_at timestamp with time zone, pauses tstzmultirange DEFAULT ''{}''::tstzmultirange',
	'due: pauses default to none');
SELECT is(pg_get_function_arguments(f::regprocedure),
	replace('policy sla.sla_policy, priority text, kind text, started_at timestamp with time zone, done_at timestamp with time zone, at timestamp with time zone DEFAULT now(), pauses tstzmultirange DEFAULT ''{}''::tstzmultirange',
			'policy sla.sla_policy', CASE WHEN f LIKE '%(text,%' THEN 'policy text' ELSE 'policy sla.sla_policy' END),
	f || ': at defaults to now(), pauses to none')
FROM unnest(ARRAY[
	'sla.state(sla.sla_policy,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)',
	'sla.state(text,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)',
	'sla.remaining(sla.sla_policy,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)',
	'sla.elapsed_fraction(sla.sla_policy,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)',
	'sla.escalation_level(text,text,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,tstzmultirange)']) f;

-- the sla_state enum, least to most urgent
SELECT enum_has_labels('sla', 'sla_state', ARRAY['met', 'running', 'paused', 'at_risk', 'breached'],
	'sla_state is met < running < paused < at_risk < breached');
SELECT ok('met'::sla.sla_state < 'running' AND 'running'::sla.sla_state < 'paused'
		  AND 'paused'::sla.sla_state < 'at_risk' AND 'at_risk'::sla.sla_state < 'breached',
		  'sla_state sorts by urgency');

-- the pauses aggregate: ordered input, never partial (no combine function)
SELECT has_function('sla', 'pauses', ARRAY['timestamp with time zone', 'text', 'text[]'], 'pauses(timestamptz, text, text[])');
SELECT is_aggregate('sla', 'pauses', ARRAY['timestamp with time zone', 'text', 'text[]'], 'pauses is an aggregate');
SELECT is(
	(SELECT format('%s %s %s', a.aggcombinefn, a.aggfinalfn::regproc, p.prorettype::regtype)
	 FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
	 WHERE a.aggfnoid = 'sla.pauses(timestamptz,text,text[])'::regprocedure),
	'- sla.pauses_finalfn tstzmultirange', 'pauses: no combine function, returns tstzmultirange');

-- the type: variable length, double-aligned, extended storage; = and <>
-- with a hash opclass; casts to and from jsonb, explicit both ways
SELECT is((SELECT format('%s %s %s', typlen, typalign, typstorage) FROM pg_type WHERE oid = 'sla.sla_policy'::regtype),
	'-1 d x', 'sla_policy is a varlena');
SELECT has_operator('sla.sla_policy', 'sla', '=', 'sla.sla_policy', 'boolean', 'sla_policy = sla_policy');
SELECT has_operator('sla.sla_policy', 'sla', '<>', 'sla.sla_policy', 'boolean', 'sla_policy <> sla_policy');
SELECT ok((SELECT oprcanhash FROM pg_operator WHERE oid = 'sla.=(sla.sla_policy,sla.sla_policy)'::regoperator),
	'= on sla_policy HASHES');
SELECT is((SELECT oprnegate::regoperator::text FROM pg_operator WHERE oid = 'sla.=(sla.sla_policy,sla.sla_policy)'::regoperator),
	'sla.<>(sla.sla_policy,sla.sla_policy)', '<> is the negator of =');
SELECT ok(EXISTS (SELECT FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
				  WHERE c.opcname = 'sla_policy_hash_ops' AND a.amname = 'hash' AND c.opcdefault
				  AND c.opcintype = 'sla.sla_policy'::regtype),
	'a default hash opclass for sla_policy');
SELECT is((SELECT string_agg(format('%s->%s %s', castsource::regtype, casttarget::regtype, castcontext), ', ' ORDER BY castsource::regtype::text)
		   FROM pg_cast WHERE 'sla.sla_policy'::regtype IN (castsource, casttarget)),
	'jsonb->sla.sla_policy e, sla.sla_policy->jsonb e', 'explicit casts to and from jsonb');

-- sla.policy: keyed by (name, valid_from), dumped, readable by everyone,
-- invalidating caches on every kind of write
SELECT has_table('sla', 'policy', 'table sla.policy');
SELECT columns_are('sla', 'policy', ARRAY['name', 'valid_from', 'policy', 'comment'], 'sla.policy columns');
SELECT col_type_is('sla', 'policy', 'policy', 'sla.sla_policy', 'policy.policy is an sla_policy');
SELECT col_is_pk('sla', 'policy', ARRAY['name', 'valid_from'], 'sla.policy is keyed by (name, valid_from)');
SELECT ok('sla.policy'::regclass = ANY ((SELECT extconfig FROM pg_extension WHERE extname = 'sla')::regclass[]),
	'sla.policy is an extension config table (pg_dump keeps its rows)');
SELECT ok(has_table_privilege('public', 'sla.policy', 'SELECT') AND NOT has_table_privilege('public', 'sla.policy', 'INSERT'),
	'sla.policy is readable, not writable, by PUBLIC');
SELECT is((SELECT string_agg(format('%s %s', tgfoid::regproc, tgtype), ', ' ORDER BY tgname COLLATE "C")
			FROM pg_trigger WHERE tgrelid = 'sla.policy'::regclass AND NOT tgisinternal),
	-- 60 = statement-level (0) AFTER INSERT (4) DELETE (8) UPDATE (16) TRUNCATE (32)
	'sla.policy_check_contracts 8, sla.policy_check_contracts 16, sla.calendar_invalidate_trigger 60',
	'an AFTER statement trigger on every write invalidates caches; deletes and updates keep contracts'' policies');

-- error codes users can catch
SELECT throws_ok($$SELECT '{"targets":'::sla.sla_policy$$, '22P02', NULL, 'malformed JSON: 22P02');
SELECT throws_ok($$SELECT '{"calendar":"c","targets":{},"x":1}'::sla.sla_policy$$, '22023', NULL, 'unknown key: 22023');
SELECT throws_ok($$SELECT ('{"calendar":"c","targets":{},"x":' || repeat('[', 40) || repeat(']', 40) || '}')::sla.sla_policy$$, '54000', NULL, 'deep nesting: 54000');
SELECT throws_ok($$SELECT sla.policy_at('pt_no_such_policy', '2026-01-01')$$, '42704', NULL, 'unknown policy: 42704');
SELECT throws_ok($$SELECT sla.target('{"calendar":"c","targets":{}}'::sla.sla_policy, 'P1', 'resolutoin')$$, '22023', NULL, 'unknown kind: 22023');

SELECT * FROM finish();
ROLLBACK;
