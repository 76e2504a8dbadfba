-- Functions whose result depends on a setting are STABLE, never IMMUTABLE:
-- business_interval text I/O follows IntervalStyle, as interval's does.
SET TimeZone = 'UTC';

-- every input and output function of the extension's types, with its label
SELECT t.typname, p.oid::regprocedure AS function, p.provolatile
FROM pg_type t JOIN pg_proc p ON p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend)
WHERE t.typnamespace = 'sla'::regnamespace AND t.typtype = 'b' AND t.typcategory <> 'A'
ORDER BY t.typname, p.oid::regprocedure::text;

-- the setting changes the text of one value ...
SET IntervalStyle = postgres;
SELECT '1 day 02:30'::sla.business_interval::text AS postgres_style;
SET IntervalStyle = iso_8601;
SELECT '1 day 02:30'::sla.business_interval::text AS iso_style;
SET IntervalStyle = sql_standard;
SELECT '1 day 02:30'::sla.business_interval::text AS sql_style,
	   '-1 2:30'::sla.business_interval OPERATOR(sla.=) '-1 days -02:30'::sla.business_interval AS all_negative;
SET IntervalStyle = postgres;
SELECT '-1 2:30'::sla.business_interval OPERATOR(sla.=) '-1 days +02:30'::sla.business_interval AS mixed_signs;

-- ... so an index on it is refused instead of silently missing rows
CREATE TABLE vol_t (x sla.business_interval);
SELECT sla_test.try($$CREATE INDEX ON vol_t ((x::text))$$);
SELECT sla_test.try($$CREATE INDEX ON vol_t ((sla.business_interval_out(x)))$$);
DROP TABLE vol_t;
