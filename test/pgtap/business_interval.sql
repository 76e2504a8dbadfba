-- sla.business_interval: catalog properties and error codes
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS sla;
SELECT plan(167);

-- every function of the type, and whether it is strict
CREATE TEMP TABLE bi_functions (sig regprocedure, strict bool) ON COMMIT DROP;
INSERT INTO bi_functions VALUES
	('sla.business_interval_in(cstring)', true),
	('sla.business_interval_out(sla.business_interval)', true),
	('sla.business_interval_recv(internal)', true),
	('sla.business_interval_send(sla.business_interval)', true),
	('sla.business_interval(interval)', true),
	('sla."interval"(sla.business_interval)', true),
	('sla.business_interval(int4, interval)', true),
	('sla.seconds(sla.business_interval)', true),
	('sla.business_interval_cmp(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_eq(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_ne(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_lt(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_le(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_gt(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_ge(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_hash(sla.business_interval)', true),
	('sla.business_interval_hash_extended(sla.business_interval, int8)', true),
	('sla.business_interval_pl(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_mi(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_um(sla.business_interval)', true),
	('sla.business_interval_mul(sla.business_interval, float8)', true),
	('sla.float8_mul_business_interval(float8, sla.business_interval)', true),
	('sla.business_interval_div(sla.business_interval, float8)', true),
	('sla.business_interval_agg_trans(internal, sla.business_interval)', false),
	('sla.business_interval_agg_combine(internal, internal)', false),
	('sla.business_interval_agg_serialize(internal)', true),
	('sla.business_interval_agg_deserialize(bytea, internal)', true),
	('sla.business_interval_sum_final(internal)', false),
	('sla.business_interval_avg_final(internal)', false),
	('sla.business_interval_larger(sla.business_interval, sla.business_interval)', true),
	('sla.business_interval_smaller(sla.business_interval, sla.business_interval)', true),
	('sla.sum(sla.business_interval)', false),
	('sla.avg(sla.business_interval)', false),
	('sla.max(sla.business_interval)', false),
	('sla.min(sla.business_interval)', false);

-- 35 functions x 3 markers = 105 tests
-- text I/O reads IntervalStyle (as interval_in and interval_out do): STABLE
SELECT is(p.provolatile::text, v.want, f.sig::text || CASE v.want WHEN 'i' THEN ' is immutable' ELSE ' is stable' END)
FROM bi_functions f JOIN pg_proc p ON p.oid = f.sig,
	LATERAL (SELECT CASE WHEN f.sig IN ('sla.business_interval_in(cstring)'::regprocedure,
	                                    'sla.business_interval_out(sla.business_interval)'::regprocedure)
	                THEN 's' ELSE 'i' END AS want) v
ORDER BY f.sig::text;
SELECT is(p.proparallel, 's', f.sig::text || ' is parallel safe')
FROM bi_functions f JOIN pg_proc p ON p.oid = f.sig ORDER BY f.sig::text;
SELECT is(p.proisstrict, f.strict, f.sig::text || CASE WHEN f.strict THEN ' is' ELSE ' is not' END || ' strict')
FROM bi_functions f JOIN pg_proc p ON p.oid = f.sig ORDER BY f.sig::text;

-- the listed functions are all the type's functions in the extension (1)
SELECT set_eq(
	$$SELECT p.oid::regprocedure FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
	  WHERE d.classid = 'pg_proc'::regclass AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'sla')
	    AND d.deptype = 'e'
	    AND (p.proname LIKE 'business_interval%' OR p.proname IN ('seconds', 'interval', 'float8_mul_business_interval', 'sum', 'avg', 'max', 'min'))$$,
	$$SELECT sig FROM bi_functions$$,
	'every business_interval function is listed');

-- aggregates run in parallel with combine, serialize and deserialize (2)
SELECT results_eq(
	$$SELECT aggfnoid::regprocedure::text, aggcombinefn::text, aggserialfn::text, aggdeserialfn::text
	  FROM pg_aggregate WHERE aggfnoid IN ('sla.sum(sla.business_interval)'::regprocedure, 'sla.avg(sla.business_interval)'::regprocedure)
	  ORDER BY 1$$,
	$$VALUES ('sla.avg(sla.business_interval)', 'sla.business_interval_agg_combine', 'sla.business_interval_agg_serialize', 'sla.business_interval_agg_deserialize'),
	         ('sla.sum(sla.business_interval)', 'sla.business_interval_agg_combine', 'sla.business_interval_agg_serialize', 'sla.business_interval_agg_deserialize')$$,
	'sum and avg have combine, serialize and deserialize functions');
SELECT is((SELECT concat_ws('/', typlen, typalign, typstorage, typbyval) FROM pg_type WHERE oid = 'sla.business_interval'::regtype),
	'16/d/p/f', 'business_interval is 16 bytes, double aligned, plain, by reference');

-- default btree and hash opclasses; = hashes and merges (3)
SELECT ok(EXISTS (SELECT FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
	WHERE c.opcintype = 'sla.business_interval'::regtype AND c.opcdefault AND a.amname = 'btree'), 'default btree opclass');
SELECT ok(EXISTS (SELECT FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
	WHERE c.opcintype = 'sla.business_interval'::regtype AND c.opcdefault AND a.amname = 'hash'), 'default hash opclass');
SELECT ok((SELECT oprcanhash AND oprcanmerge FROM pg_operator
	WHERE oid = 'sla.=(sla.business_interval, sla.business_interval)'::regoperator), '= hashes and merges');

-- casts: implicit from interval, explicit to interval (2)
SELECT is((SELECT castcontext FROM pg_cast WHERE castsource = 'interval'::regtype AND casttarget = 'sla.business_interval'::regtype),
	'i', 'interval to business_interval is implicit');
SELECT is((SELECT castcontext FROM pg_cast WHERE castsource = 'sla.business_interval'::regtype AND casttarget = 'interval'::regtype),
	'e', 'business_interval to interval is explicit');

-- every extension object of the type has a comment (1 + 1)
CREATE TEMP VIEW bi_objects AS
	SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS object,
		obj_description(d.objid, d.classid::regclass::name) AS comment
	FROM pg_depend d
	LEFT JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
	WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'sla') AND d.deptype = 'e'
	  AND pg_describe_object(d.classid, d.objid, d.objsubid) LIKE '%business_interval%'
	  AND (p.oid IS NULL OR p.proname LIKE 'business_interval%'
	       OR p.proname IN ('seconds', 'interval', 'float8_mul_business_interval', 'sum', 'avg', 'max', 'min'));
-- 1 type, 35 functions, 12 operators, 2 casts, 2 opclasses, 2 opfamilies
SELECT is((SELECT count(*)::int FROM bi_objects), 54, 'business_interval has 54 extension objects');
SELECT is_empty($$SELECT object FROM bi_objects WHERE comment IS NULL$$, 'every business_interval object has a comment');

-- text input errors by SQLSTATE (16 + 15 + 5)
SELECT throws_ok(format('SELECT %L::sla.business_interval', s), '22P02', NULL, format('%L is a syntax error', s))
FROM unnest(ARRAY['', ' ', 'abc', '4 hourz', '4 hours extra', 'infinity', '-infinity', 'now', 'epoch',
	'P', 'P1Q', 'PT1X', '1:2:3:4', '@', 'ago', '1 day 1 day']) AS s;
SELECT throws_ok(format('SELECT %L::sla.business_interval', s), '22023', NULL, format('%L has months or years', s))
FROM unnest(ARRAY['1 month', '1 mon', '2 months', '1 year', '1 yr', '0 years', '0.5 month', '1 year -12 months',
	'3 decades', '1 century', '1-2', 'P1M', 'P1Y', 'P0.5Y', 'P4']) AS s;
SELECT throws_ok(format('SELECT %L::sla.business_interval', s), '22008', NULL, format('%L is out of range', s))
FROM unnest(ARRAY['9999999999 hours', '2147483648 days', '-2147483648 days', '2562047789 hours',
	'-2562047788 hours -54.775808 seconds']) AS s;

-- operator and function errors by SQLSTATE (13); operators need sla on the path
SET LOCAL search_path = sla, public;
SELECT throws_ok(q, e, NULL, q) FROM (VALUES
	($$SELECT sla.business_interval '2147483647 days' + '1 day'$$, '22008'),
	($$SELECT sla.business_interval '-2147483647 days' - '1 day'$$, '22008'),
	($$SELECT sla.business_interval '2562047788:00:54.775807' + '00:00:00.000001'$$, '22008'),
	($$SELECT sla.business_interval '1 hour' * 1e300$$, '22008'),
	($$SELECT sla.business_interval '1 day' * 'NaN'::float8$$, '22008'),
	($$SELECT sla.business_interval '1 day' * '-Infinity'::float8$$, '22008'),
	($$SELECT 2147483647.0 * sla.business_interval '2 days'$$, '22008'),
	($$SELECT sla.business_interval '1 day' / 0$$, '22012'),
	($$SELECT sla.business_interval '1 day' / 1e-300$$, '22008'),
	($$SELECT sla.seconds('1 day')$$, '22023'),
	($$SELECT interval '1 mon'::sla.business_interval$$, '22023'),
	($$SELECT sla.business_interval(1, '1 day')$$, '22023'),
	($$SELECT sla.sum(v) FROM (VALUES (sla.business_interval '2562047788:00:54.775807'), ('1 hour')) t(v)$$, '22008')
) AS t(q, e);

-- equal values hash alike, with and without a seed (3)
SELECT is(sla.business_interval_hash('1 day'), sla.business_interval_hash('24 hours'), 'hash: 1 day = 24 hours');
SELECT is(sla.business_interval_hash_extended('-2 days 3 hours', 7), sla.business_interval_hash_extended('-45 hours', 7),
	'hash_extended: -2 days 3 hours = -45 hours');
SELECT is(sla.business_interval_hash_extended('1 day', 0) & 4294967295, sla.business_interval_hash('1 day')::int8 & 4294967295,
	'hash_extended with seed 0 agrees with hash in the low 32 bits');

SELECT * FROM finish();
ROLLBACK;
