-- Catalog properties of every object of the extension: comments, markers,
-- privileges, dump registration.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS sla;
SELECT plan(16);

-- every function, type, table and column of sla has a comment
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM pg_proc p
	JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'sla'
	WHERE obj_description(p.oid, 'pg_proc') IS NULL
$$, 'every function and aggregate has a comment');
SELECT is_empty($$
	SELECT t.typname FROM pg_type t
	JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'sla'
	WHERE obj_description(t.oid, 'pg_type') IS NULL
$$, 'every type has a comment');
SELECT is_empty($$
	SELECT c.relname || '.' || a.attname FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'sla'
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	WHERE c.relkind = 'r' AND col_description(c.oid, a.attnum) IS NULL
$$, 'every table column has a comment');
SELECT is_empty($$
	SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = 'sla' AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') IS NULL
$$, 'every table has a comment');
SELECT is_empty($$
	SELECT o.oid::regoperator::text FROM pg_operator o
	JOIN pg_depend d ON d.classid = 'pg_operator'::regclass AND d.objid = o.oid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'sla'
	WHERE obj_description(o.oid, 'pg_operator') IS NULL
$$, 'every operator has a comment');

-- C symbols carry the sla_ prefix (PG15 exports every symbol)
SELECT is_empty($$
	SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE n.nspname = 'sla' AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
	  AND p.prosrc NOT LIKE 'sla\_%'
$$, 'every C function links to an sla_-prefixed symbol');

-- the business-time functions read tables: STABLE, STRICT, PARALLEL SAFE
SELECT is(
	(SELECT string_agg(format('%s %s %s %s', p.proname, p.provolatile, p.proisstrict, p.proparallel),
					   ', ' ORDER BY p.proname)
	 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
	 WHERE n.nspname = 'sla' AND p.proname IN
		('business_add', 'business_elapsed', 'is_open', 'next_open', 'next_close', 'open_periods')
	) COLLATE "C",
	'business_add s t s, business_elapsed s t s, is_open s t s, next_close s t s, next_open s t s, open_periods s t s',
	'engine functions are STABLE STRICT PARALLEL SAFE');
SELECT is_empty($$
	SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE n.nspname = 'sla' AND p.provolatile = 'i'
	  AND (p.prosrc ~ 'business_(add|elapsed)|is_open|next_(open|close)|open_periods|calendar')
$$, 'nothing that reads a calendar is IMMUTABLE');

-- signatures the rest of the product depends on
SELECT has_function('sla', 'business_add', ARRAY['timestamp with time zone', 'sla.business_interval', 'text'], 'business_add(timestamptz, business_interval, text)');
SELECT has_function('sla', 'business_elapsed', ARRAY['timestamp with time zone', 'timestamp with time zone', 'text'], 'business_elapsed(timestamptz, timestamptz, text)');
SELECT has_function('sla', 'open_periods', ARRAY['text', 'tstzrange'], 'open_periods(text, tstzrange)');
SELECT col_is_pk('sla', 'calendar', 'name', 'calendar.name is the primary key');
SELECT col_is_pk('sla', 'calendar_exception', ARRAY['calendar', 'day'], 'calendar_exception is keyed by (calendar, day)');

-- calendars and named policies are dumped with the database; calendars are
-- readable by everyone
SELECT results_eq($$
	SELECT format('%s', c) FROM (SELECT unnest(extconfig)::regclass AS c FROM pg_extension WHERE extname = 'sla') x ORDER BY 1
$$, $$ VALUES ('sla.calendar'), ('sla.calendar_exception'), ('sla.contract'), ('sla.event'), ('sla.event_id_seq'),
	('sla.holiday_date'), ('sla.holiday_override'), ('sla.holiday_region'), ('sla.holiday_rule'), ('sla.kpi_credit'),
	('sla.kpi_measurement'), ('sla.kpi_query'), ('sla.kpi_target'), ('sla.lunar_correction'), ('sla.policy'),
	('sla.recompute'), ('sla.recompute_id_seq'), ('sla.tracked') $$,
	'the calendar, holiday, correction, policy, tracking and contract tables are extension config tables');
SELECT ok(has_table_privilege('public', 'sla.calendar', 'SELECT')
		  AND has_table_privilege('public', 'sla.calendar_exception', 'SELECT')
		  AND NOT has_table_privilege('public', 'sla.calendar', 'INSERT'),
		  'calendars are readable, not writable, by PUBLIC');
SELECT ok(has_schema_privilege('public', 'sla', 'USAGE'), 'PUBLIC may use schema sla');

SELECT * FROM finish();
ROLLBACK;
