/* sql/sla--0.2.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION sla" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS 'sla: business-hours deadlines, elapsed business time and SLA calendars';
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

-- ---------------------------------------------------------------------------
-- business_interval: an amount of business time (business days + time)
-- BEGIN business_interval

CREATE TYPE @extschema@.business_interval;

CREATE FUNCTION @extschema@.business_interval_in(cstring)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_in'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_out(@extschema@.business_interval)
RETURNS cstring
AS 'MODULE_PATHNAME', 'sla_business_interval_out'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_recv(internal)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_send(@extschema@.business_interval)
RETURNS bytea
AS 'MODULE_PATHNAME', 'sla_business_interval_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.business_interval (
	INPUT = @extschema@.business_interval_in,
	OUTPUT = @extschema@.business_interval_out,
	RECEIVE = @extschema@.business_interval_recv,
	SEND = @extschema@.business_interval_send,
	INTERNALLENGTH = 16,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.business_interval IS 'an amount of business time: business days plus business time, like interval without months';
COMMENT ON FUNCTION @extschema@.business_interval_in(cstring) IS 'business_interval text input: interval syntax without months or years (reads IntervalStyle, hence STABLE)';
COMMENT ON FUNCTION @extschema@.business_interval_out(@extschema@.business_interval) IS 'business_interval text output, formatted like interval under IntervalStyle (hence STABLE)';
COMMENT ON FUNCTION @extschema@.business_interval_recv(internal) IS 'business_interval binary input';
COMMENT ON FUNCTION @extschema@.business_interval_send(@extschema@.business_interval) IS 'business_interval binary output';

-- casts: interval converts implicitly, the other way needs a cast
CREATE FUNCTION @extschema@.business_interval(interval)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_from_interval'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@."interval"(@extschema@.business_interval)
RETURNS interval
AS 'MODULE_PATHNAME', 'sla_business_interval_to_interval'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (interval AS @extschema@.business_interval)
	WITH FUNCTION @extschema@.business_interval(interval) AS IMPLICIT;

CREATE CAST (@extschema@.business_interval AS interval)
	WITH FUNCTION @extschema@."interval"(@extschema@.business_interval);

COMMENT ON FUNCTION @extschema@.business_interval(interval) IS 'convert an interval without months to business_interval: its days become business days';
COMMENT ON FUNCTION @extschema@."interval"(@extschema@.business_interval) IS 'convert a business_interval to an interval with the same days and time';
COMMENT ON CAST (interval AS @extschema@.business_interval) IS 'implicit: days become business days; months are an error';
COMMENT ON CAST (@extschema@.business_interval AS interval) IS 'explicit: business days become interval days';

-- functions
CREATE FUNCTION @extschema@.business_interval(days int4, "time" interval)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_construct'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.seconds(@extschema@.business_interval)
RETURNS float8
AS 'MODULE_PATHNAME', 'sla_seconds'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_cmp(@extschema@.business_interval, @extschema@.business_interval)
RETURNS int4
AS 'MODULE_PATHNAME', 'sla_business_interval_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_eq(@extschema@.business_interval, @extschema@.business_interval)
RETURNS bool
AS 'MODULE_PATHNAME', 'sla_business_interval_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_ne(@extschema@.business_interval, @extschema@.business_interval)
RETURNS bool
AS 'MODULE_PATHNAME', 'sla_business_interval_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_lt(@extschema@.business_interval, @extschema@.business_interval)
RETURNS bool
AS 'MODULE_PATHNAME', 'sla_business_interval_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_le(@extschema@.business_interval, @extschema@.business_interval)
RETURNS bool
AS 'MODULE_PATHNAME', 'sla_business_interval_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_gt(@extschema@.business_interval, @extschema@.business_interval)
RETURNS bool
AS 'MODULE_PATHNAME', 'sla_business_interval_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_ge(@extschema@.business_interval, @extschema@.business_interval)
RETURNS bool
AS 'MODULE_PATHNAME', 'sla_business_interval_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_hash(@extschema@.business_interval)
RETURNS int4
AS 'MODULE_PATHNAME', 'sla_business_interval_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_hash_extended(@extschema@.business_interval, int8)
RETURNS int8
AS 'MODULE_PATHNAME', 'sla_business_interval_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_pl(@extschema@.business_interval, @extschema@.business_interval)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_pl'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_mi(@extschema@.business_interval, @extschema@.business_interval)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_mi'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_um(@extschema@.business_interval)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_um'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_mul(@extschema@.business_interval, float8)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_mul'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.float8_mul_business_interval(float8, @extschema@.business_interval)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_float8_mul_business_interval'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_div(@extschema@.business_interval, float8)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_div'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_agg_trans(internal, @extschema@.business_interval)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_business_interval_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_agg_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_business_interval_agg_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_agg_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'sla_business_interval_agg_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_agg_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_business_interval_agg_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_sum_final(internal)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_sum_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.business_interval_avg_final(internal)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_avg_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.business_interval(int4, interval) IS 'make a business_interval from business days and business time (an interval without days or months)';
COMMENT ON FUNCTION @extschema@.seconds(@extschema@.business_interval) IS 'the business time in seconds; an error if there are business days';
COMMENT ON FUNCTION @extschema@.business_interval_cmp(@extschema@.business_interval, @extschema@.business_interval) IS 'compare two business_intervals, a day counting as 24 hours: -1, 0 or 1';
COMMENT ON FUNCTION @extschema@.business_interval_eq(@extschema@.business_interval, @extschema@.business_interval) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.business_interval_ne(@extschema@.business_interval, @extschema@.business_interval) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.business_interval_lt(@extschema@.business_interval, @extschema@.business_interval) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.business_interval_le(@extschema@.business_interval, @extschema@.business_interval) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.business_interval_gt(@extschema@.business_interval, @extschema@.business_interval) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.business_interval_ge(@extschema@.business_interval, @extschema@.business_interval) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.business_interval_hash(@extschema@.business_interval) IS 'hash of a business_interval, equal for equal values';
COMMENT ON FUNCTION @extschema@.business_interval_hash_extended(@extschema@.business_interval, int8) IS '64-bit seeded hash of a business_interval, equal for equal values';
COMMENT ON FUNCTION @extschema@.business_interval_pl(@extschema@.business_interval, @extschema@.business_interval) IS 'implementation of + operator';
COMMENT ON FUNCTION @extschema@.business_interval_mi(@extschema@.business_interval, @extschema@.business_interval) IS 'implementation of - operator';
COMMENT ON FUNCTION @extschema@.business_interval_um(@extschema@.business_interval) IS 'implementation of unary - operator';
COMMENT ON FUNCTION @extschema@.business_interval_mul(@extschema@.business_interval, float8) IS 'implementation of * operator';
COMMENT ON FUNCTION @extschema@.float8_mul_business_interval(float8, @extschema@.business_interval) IS 'implementation of * operator';
COMMENT ON FUNCTION @extschema@.business_interval_div(@extschema@.business_interval, float8) IS 'implementation of / operator';
COMMENT ON FUNCTION @extschema@.business_interval_agg_trans(internal, @extschema@.business_interval) IS 'sum and avg transition function';
COMMENT ON FUNCTION @extschema@.business_interval_agg_combine(internal, internal) IS 'sum and avg combine function';
COMMENT ON FUNCTION @extschema@.business_interval_agg_serialize(internal) IS 'sum and avg serialize function';
COMMENT ON FUNCTION @extschema@.business_interval_agg_deserialize(bytea, internal) IS 'sum and avg deserialize function';
COMMENT ON FUNCTION @extschema@.business_interval_sum_final(internal) IS 'sum final function';
COMMENT ON FUNCTION @extschema@.business_interval_avg_final(internal) IS 'avg final function';

-- operators
CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.business_interval, RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.business_interval_pl, COMMUTATOR = OPERATOR(@extschema@.+)
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.business_interval, RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.business_interval_mi
);
CREATE OPERATOR @extschema@.- (
	RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.business_interval_um
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.business_interval, RIGHTARG = float8,
	FUNCTION = @extschema@.business_interval_mul, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = float8, RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.float8_mul_business_interval, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.business_interval, RIGHTARG = float8,
	FUNCTION = @extschema@.business_interval_div
);
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.business_interval, RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.business_interval_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.business_interval, RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.business_interval_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.business_interval, RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.business_interval_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.business_interval, RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.business_interval_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.business_interval, RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.business_interval_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.business_interval, RIGHTARG = @extschema@.business_interval,
	FUNCTION = @extschema@.business_interval_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.+ (@extschema@.business_interval, @extschema@.business_interval) IS 'add: days to days, time to time';
COMMENT ON OPERATOR @extschema@.- (@extschema@.business_interval, @extschema@.business_interval) IS 'subtract: days from days, time from time';
COMMENT ON OPERATOR @extschema@.- (NONE, @extschema@.business_interval) IS 'negate';
COMMENT ON OPERATOR @extschema@.* (@extschema@.business_interval, float8) IS 'multiply; a fraction of a day spills into time at 24 hours a day';
COMMENT ON OPERATOR @extschema@.* (float8, @extschema@.business_interval) IS 'multiply; a fraction of a day spills into time at 24 hours a day';
COMMENT ON OPERATOR @extschema@./ (@extschema@.business_interval, float8) IS 'divide; a fraction of a day spills into time at 24 hours a day';
COMMENT ON OPERATOR @extschema@.= (@extschema@.business_interval, @extschema@.business_interval) IS 'equal, a day counting as 24 hours';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.business_interval, @extschema@.business_interval) IS 'not equal, a day counting as 24 hours';
COMMENT ON OPERATOR @extschema@.< (@extschema@.business_interval, @extschema@.business_interval) IS 'less than, a day counting as 24 hours';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.business_interval, @extschema@.business_interval) IS 'less than or equal, a day counting as 24 hours';
COMMENT ON OPERATOR @extschema@.> (@extschema@.business_interval, @extschema@.business_interval) IS 'greater than, a day counting as 24 hours';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.business_interval, @extschema@.business_interval) IS 'greater than or equal, a day counting as 24 hours';

-- opclasses
CREATE OPERATOR CLASS @extschema@.business_interval_ops
DEFAULT FOR TYPE @extschema@.business_interval USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.business_interval_cmp(@extschema@.business_interval, @extschema@.business_interval);

CREATE OPERATOR CLASS @extschema@.business_interval_ops
DEFAULT FOR TYPE @extschema@.business_interval USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.business_interval_hash(@extschema@.business_interval),
	FUNCTION 2 @extschema@.business_interval_hash_extended(@extschema@.business_interval, int8);

COMMENT ON OPERATOR FAMILY @extschema@.business_interval_ops USING btree IS 'btree operators of business_interval';
COMMENT ON OPERATOR CLASS @extschema@.business_interval_ops USING btree IS 'default btree opclass of business_interval: a day sorts as 24 hours';
COMMENT ON OPERATOR FAMILY @extschema@.business_interval_ops USING hash IS 'hash operators of business_interval';
COMMENT ON OPERATOR CLASS @extschema@.business_interval_ops USING hash IS 'default hash opclass of business_interval: hashes days * 24 hours + time';

-- aggregates
CREATE AGGREGATE @extschema@.sum(@extschema@.business_interval) (
	SFUNC = @extschema@.business_interval_agg_trans,
	STYPE = internal,
	SSPACE = 24,
	FINALFUNC = @extschema@.business_interval_sum_final,
	COMBINEFUNC = @extschema@.business_interval_agg_combine,
	SERIALFUNC = @extschema@.business_interval_agg_serialize,
	DESERIALFUNC = @extschema@.business_interval_agg_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.avg(@extschema@.business_interval) (
	SFUNC = @extschema@.business_interval_agg_trans,
	STYPE = internal,
	SSPACE = 24,
	FINALFUNC = @extschema@.business_interval_avg_final,
	COMBINEFUNC = @extschema@.business_interval_agg_combine,
	SERIALFUNC = @extschema@.business_interval_agg_serialize,
	DESERIALFUNC = @extschema@.business_interval_agg_deserialize,
	PARALLEL = SAFE
);

CREATE FUNCTION @extschema@.business_interval_larger(@extschema@.business_interval, @extschema@.business_interval)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_interval_larger(@extschema@.business_interval, @extschema@.business_interval) IS 'the larger of two business intervals (a day counts as 24 hours); support of max';

CREATE FUNCTION @extschema@.business_interval_smaller(@extschema@.business_interval, @extschema@.business_interval)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_interval_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_interval_smaller(@extschema@.business_interval, @extschema@.business_interval) IS 'the smaller of two business intervals (a day counts as 24 hours); support of min';

CREATE AGGREGATE @extschema@.max(@extschema@.business_interval) (
	SFUNC = @extschema@.business_interval_larger,
	STYPE = @extschema@.business_interval,
	COMBINEFUNC = @extschema@.business_interval_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.min(@extschema@.business_interval) (
	SFUNC = @extschema@.business_interval_smaller,
	STYPE = @extschema@.business_interval,
	COMBINEFUNC = @extschema@.business_interval_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.max(@extschema@.business_interval) IS 'the largest value (a day counts as 24 hours); NULL for no rows';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.business_interval) IS 'the smallest value (a day counts as 24 hours); NULL for no rows';
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.business_interval) IS 'sum of the days and of the time; NULL for no rows';
COMMENT ON AGGREGATE @extschema@.avg(@extschema@.business_interval) IS 'average of the days and of the time, a fraction of a day spilling into time';

-- END business_interval

-- ---------------------------------------------------------------------------
-- Calendars: rows in two tables, validated on write, compiled on first use.
-- BEGIN calendars
CREATE FUNCTION @extschema@.calendar_validate_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'sla_calendar_validate_trigger'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.calendar_validate_trigger() IS
'BEFORE row trigger of sla.calendar (argument ''calendar'', INSERT OR UPDATE) and sla.calendar_exception (argument ''exception'', INSERT OR UPDATE OR DELETE): checks each row on its own, rejecting unknown time zones (22023), malformed hours (22P02), overlapping ranges within the row (22023), more than 48 ranges a day (54000) and exception dates outside the years 1 to 9999 (22008); neighbouring dates are checked at commit by sla.calendar_check_trigger';

CREATE FUNCTION @extschema@.calendar_check_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'sla_calendar_check_trigger'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.calendar_check_trigger() IS
'Deferred constraint trigger (AFTER row) of sla.calendar (argument ''calendar'', UPDATE) and sla.calendar_exception (argument ''exception'', INSERT OR UPDATE OR DELETE): at commit, under a per-calendar advisory lock and with the newest snapshot, rejects dates whose hours overlap the date before or after (22023), or 40001 when the overlap comes from a change committed after the transaction''s snapshot';

CREATE FUNCTION @extschema@.calendar_invalidate_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'sla_calendar_invalidate_trigger'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.calendar_invalidate_trigger() IS
'AFTER statement trigger of the calendar tables: makes every backend recompile calendars after a change';

CREATE TABLE @extschema@.calendar (
	name text PRIMARY KEY
		CONSTRAINT calendar_name_length CHECK (pg_catalog.octet_length(name) OPERATOR(pg_catalog.>=) 1
			AND pg_catalog.octet_length(name) OPERATOR(pg_catalog.<=) 127),
	time_zone text NOT NULL DEFAULT 'UTC',
	hours text NOT NULL,
	comment text
);

COMMENT ON TABLE @extschema@.calendar IS
'Business calendars: a time zone and weekly opening hours; dated exceptions live in sla.calendar_exception';
COMMENT ON COLUMN @extschema@.calendar.name IS 'Calendar name, 1 to 127 bytes, as passed to the business-time functions';
COMMENT ON COLUMN @extschema@.calendar.time_zone IS 'Time zone name from pg_timezone_names (e.g. Europe/Berlin); the hours are local wall-clock times there';
COMMENT ON COLUMN @extschema@.calendar.hours IS 'Weekly hours, e.g. ''mon-fri 09:00-17:00; sat 10:00-14:00'', ''mon-fri 08:00-12:00,13:00-17:00'', ''sun-thu 22:00-06:00'', ''24/7'' or ''closed''';
COMMENT ON COLUMN @extschema@.calendar.comment IS 'Free text';

CREATE TABLE @extschema@.calendar_exception (
	calendar text NOT NULL REFERENCES @extschema@.calendar (name) ON UPDATE CASCADE ON DELETE CASCADE,
	day date NOT NULL,
	hours text,
	reason text,
	PRIMARY KEY (calendar, day)
);

COMMENT ON TABLE @extschema@.calendar_exception IS
'Dated exceptions: a row replaces that date''s weekly hours (null hours: closed all day)';
COMMENT ON COLUMN @extschema@.calendar_exception.calendar IS 'The calendar the exception belongs to';
COMMENT ON COLUMN @extschema@.calendar_exception.day IS 'Local date in the calendar''s time zone';
COMMENT ON COLUMN @extschema@.calendar_exception.hours IS 'Time ranges open that date, e.g. ''09:00-12:00'' (a half day) or ''08:00-12:00,13:00-17:00''; null closes the date';
COMMENT ON COLUMN @extschema@.calendar_exception.reason IS 'Free text, e.g. the name of the holiday';

CREATE TRIGGER calendar_validate
	BEFORE INSERT OR UPDATE ON @extschema@.calendar
	FOR EACH ROW EXECUTE FUNCTION @extschema@.calendar_validate_trigger('calendar');
CREATE TRIGGER calendar_invalidate
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.calendar
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.calendar_invalidate_trigger();
CREATE TRIGGER calendar_exception_validate
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.calendar_exception
	FOR EACH ROW EXECUTE FUNCTION @extschema@.calendar_validate_trigger('exception');
CREATE TRIGGER calendar_exception_invalidate
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.calendar_exception
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.calendar_invalidate_trigger();
CREATE CONSTRAINT TRIGGER calendar_neighbours
	AFTER UPDATE ON @extschema@.calendar
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.calendar_check_trigger('calendar');
CREATE CONSTRAINT TRIGGER calendar_exception_neighbours
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.calendar_exception
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.calendar_check_trigger('exception');
COMMENT ON TRIGGER calendar_neighbours ON @extschema@.calendar IS
'At commit: new weekly hours must not overlap an exception on the date before or after it';
COMMENT ON TRIGGER calendar_exception_neighbours ON @extschema@.calendar_exception IS
'At commit: the dates a row changed must not overlap the dates before and after them';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.calendar', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.calendar_exception', '');

GRANT SELECT ON @extschema@.calendar, @extschema@.calendar_exception TO PUBLIC;
-- END calendars

-- ---------------------------------------------------------------------------
-- Holidays as data: regions (ISO 3166 codes) in a tree, the rules of each
-- region (inherited by its subdivisions), government-published dates, and
-- user overrides; a calendar lists the regions whose days it follows.
-- BEGIN holidays
CREATE FUNCTION @extschema@.holiday_validate_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'sla_holiday_validate_trigger'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.holiday_validate_trigger() IS
'BEFORE row (INSERT OR UPDATE OR DELETE) and BEFORE TRUNCATE trigger of sla.holiday_region, sla.holiday_rule and sla.holiday_date: rows shipped with the extension change only with the extension (55000); override them in sla.holiday_override or add rows of your own';

CREATE FUNCTION @extschema@.holiday_check_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'sla_holiday_check_trigger'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.holiday_check_trigger() IS
'AFTER row trigger of sla.holiday_date (INSERT OR UPDATE) and sla.holiday_rule (UPDATE): every row of sla.holiday_date belongs to a rule of kind ''dated'' and lies in that rule''s years (23514)';

CREATE TABLE @extschema@.holiday_region (
	code text PRIMARY KEY
		CONSTRAINT holiday_region_code_iso CHECK (code ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$'),
	parent text REFERENCES @extschema@.holiday_region (code),
	name text NOT NULL CONSTRAINT holiday_region_name_nonempty CHECK (name <> ''),
	comment text,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT holiday_region_parent_country CHECK (parent IS NOT DISTINCT FROM
		CASE WHEN strpos(code, '-') > 0 THEN substr(code, 1, 2) END)
);

COMMENT ON TABLE @extschema@.holiday_region IS
'Holiday regions: countries (ISO 3166-1 alpha-2, e.g. DE) and their subdivisions (ISO 3166-2, e.g. DE-BY), which inherit the country''s rules';
COMMENT ON COLUMN @extschema@.holiday_region.code IS 'ISO 3166-1 alpha-2 code (DE) or ISO 3166-2 subdivision code (DE-BY, GB-SCT); the user-assigned codes AA, QM to QZ, XA to XZ and ZZ are free for regions of your own';
COMMENT ON COLUMN @extschema@.holiday_region.parent IS 'The country of a subdivision (the first two letters of its code); null for a country';
COMMENT ON COLUMN @extschema@.holiday_region.name IS 'English name';
COMMENT ON COLUMN @extschema@.holiday_region.comment IS 'Free text: what the region''s rules cover and leave out';
COMMENT ON COLUMN @extschema@.holiday_region.shipped IS 'True for rows installed with the extension (not dumped; changed only by extension updates)';

CREATE TABLE @extschema@.holiday_rule (
	region text NOT NULL REFERENCES @extschema@.holiday_region (code) ON UPDATE CASCADE ON DELETE CASCADE,
	name text NOT NULL CONSTRAINT holiday_rule_name_nonempty CHECK (name <> ''),
	first_year integer NOT NULL DEFAULT 1,
	last_year integer,
	rule text NOT NULL,
	month smallint,
	day smallint,
	weekday text,
	nth smallint,
	offset_days smallint NOT NULL DEFAULT 0,
	on_saturday text NOT NULL DEFAULT 'none',
	on_sunday text NOT NULL DEFAULT 'none',
	kind text NOT NULL DEFAULT 'holiday',
	closes_at time,
	source text NOT NULL CONSTRAINT holiday_rule_source_nonempty CHECK (source <> ''),
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (region, name, first_year),
	CONSTRAINT holiday_rule_years CHECK (first_year BETWEEN 1 AND 9999
		AND (last_year IS NULL OR last_year BETWEEN first_year AND 9999)),
	CONSTRAINT holiday_rule_rule CHECK (rule IN ('fixed', 'nth_weekday', 'last_weekday',
		'weekday_on_or_after', 'weekday_on_or_before', 'easter', 'orthodox_easter', 'dated',
		'citizens_holiday')),
	CONSTRAINT holiday_rule_month CHECK (month BETWEEN 1 AND 12),
	CONSTRAINT holiday_rule_day CHECK (day BETWEEN 1 AND
		CASE WHEN month = 2 THEN 29 WHEN month IN (4, 6, 9, 11) THEN 30 ELSE 31 END),
	CONSTRAINT holiday_rule_weekday CHECK (weekday IN ('sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat')),
	CONSTRAINT holiday_rule_nth CHECK (nth BETWEEN 1 AND 5),
	CONSTRAINT holiday_rule_offset CHECK (offset_days BETWEEN -200 AND 200),
	CONSTRAINT holiday_rule_parameters CHECK (CASE rule
		WHEN 'fixed' THEN month IS NOT NULL AND day IS NOT NULL AND weekday IS NULL AND nth IS NULL
		WHEN 'nth_weekday' THEN month IS NOT NULL AND day IS NULL AND weekday IS NOT NULL AND nth IS NOT NULL
		WHEN 'last_weekday' THEN month IS NOT NULL AND day IS NULL AND weekday IS NOT NULL AND nth IS NULL
		WHEN 'weekday_on_or_after' THEN month IS NOT NULL AND day IS NOT NULL AND weekday IS NOT NULL AND nth IS NULL
		WHEN 'weekday_on_or_before' THEN month IS NOT NULL AND day IS NOT NULL AND weekday IS NOT NULL AND nth IS NULL
		WHEN 'easter' THEN month IS NULL AND day IS NULL AND weekday IS NULL AND nth IS NULL
		WHEN 'orthodox_easter' THEN month IS NULL AND day IS NULL AND weekday IS NULL AND nth IS NULL
		ELSE month IS NULL AND day IS NULL AND weekday IS NULL AND nth IS NULL AND offset_days = 0 END),
	CONSTRAINT holiday_rule_dated_years CHECK (rule <> 'dated' OR last_year IS NOT NULL),
	CONSTRAINT holiday_rule_shift CHECK (on_saturday IN ('none', 'friday', 'monday', 'next_free_weekday', 'next_free_day')
		AND on_sunday IN ('none', 'friday', 'monday', 'next_free_weekday', 'next_free_day')
		AND (on_saturday = 'none' AND on_sunday = 'none' OR kind = 'holiday' AND rule <> 'citizens_holiday')),
	CONSTRAINT holiday_rule_kind CHECK (kind IN ('holiday', 'working_day', 'half_day')
		AND (kind = 'half_day') = (closes_at IS NOT NULL) AND closes_at > '00:00'
		AND (rule <> 'citizens_holiday' OR kind = 'holiday'))
);

COMMENT ON TABLE @extschema@.holiday_rule IS
'Holiday rules of a region, inherited by its subdivisions (a subdivision''s rule of the same name replaces the parent''s); each gives at most one date a year';
COMMENT ON COLUMN @extschema@.holiday_rule.region IS 'The region (sla.holiday_region) the rule belongs to';
COMMENT ON COLUMN @extschema@.holiday_rule.name IS 'English name of the holiday, as sla.holidays() returns it';
COMMENT ON COLUMN @extschema@.holiday_rule.first_year IS 'First year the rule applies (1 to 9999); part of the key, so a rule can change from a year on';
COMMENT ON COLUMN @extschema@.holiday_rule.last_year IS 'Last year the rule applies; null: open-ended (required for dated rules: the last year published)';
COMMENT ON COLUMN @extschema@.holiday_rule.rule IS 'How the date is found: fixed (month, day); nth_weekday (nth weekday of month); last_weekday (of month); weekday_on_or_after, weekday_on_or_before (month, day, weekday); easter, orthodox_easter (Easter Sunday plus offset_days); dated (the rows of sla.holiday_date); citizens_holiday (a day that is not a Sunday between two holidays, JP)';
COMMENT ON COLUMN @extschema@.holiday_rule.month IS 'Month 1 to 12 (fixed, weekday rules)';
COMMENT ON COLUMN @extschema@.holiday_rule.day IS 'Day of the month (fixed, weekday_on_or_after, weekday_on_or_before); 29 February only in leap years';
COMMENT ON COLUMN @extschema@.holiday_rule.weekday IS 'sun, mon, tue, wed, thu, fri or sat (weekday rules)';
COMMENT ON COLUMN @extschema@.holiday_rule.nth IS '1 to 5 (nth_weekday); no date in a year without a fifth such weekday';
COMMENT ON COLUMN @extschema@.holiday_rule.offset_days IS 'Days added to the date found, -200 to 200 (e.g. 1 for Easter Monday, -2 for Good Friday)';
COMMENT ON COLUMN @extschema@.holiday_rule.on_saturday IS 'When the holiday falls on a Saturday it is also observed on: none, friday (the day before), monday (the Monday after), next_free_weekday (the next Monday to Friday that is no holiday) or next_free_day (the next day that is no holiday)';
COMMENT ON COLUMN @extschema@.holiday_rule.on_sunday IS 'When the holiday falls on a Sunday it is also observed on: none, friday (two days before), monday (the day after), next_free_weekday or next_free_day';
COMMENT ON COLUMN @extschema@.holiday_rule.kind IS 'holiday (closed), working_day (a weekend day worked with the regular hours) or half_day (open until closes_at)';
COMMENT ON COLUMN @extschema@.holiday_rule.closes_at IS 'Local time work stops on a half_day; null otherwise';
COMMENT ON COLUMN @extschema@.holiday_rule.source IS 'The legal source of the rule (act, decree, official notice)';
COMMENT ON COLUMN @extschema@.holiday_rule.shipped IS 'True for rows installed with the extension (not dumped; changed only by extension updates)';

CREATE TABLE @extschema@.holiday_date (
	region text NOT NULL,
	name text NOT NULL,
	first_year integer NOT NULL,
	day date NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (region, name, first_year, day),
	FOREIGN KEY (region, name, first_year) REFERENCES @extschema@.holiday_rule (region, name, first_year)
		ON UPDATE CASCADE ON DELETE CASCADE
);

COMMENT ON TABLE @extschema@.holiday_date IS
'The published dates of a dated rule (e.g. equinox days a government announces each year); the rule gives their name, kind, source and the last year published';
COMMENT ON COLUMN @extschema@.holiday_date.region IS 'Region of the dated rule';
COMMENT ON COLUMN @extschema@.holiday_date.name IS 'Name of the dated rule';
COMMENT ON COLUMN @extschema@.holiday_date.first_year IS 'First year of the dated rule';
COMMENT ON COLUMN @extschema@.holiday_date.day IS 'A date of the rule, within its first_year and last_year';
COMMENT ON COLUMN @extschema@.holiday_date.shipped IS 'True for rows installed with the extension (not dumped; changed only by extension updates)';

CREATE TABLE @extschema@.holiday_override (
	region text NOT NULL REFERENCES @extschema@.holiday_region (code) ON UPDATE CASCADE ON DELETE CASCADE,
	day date NOT NULL CONSTRAINT holiday_override_day CHECK (day BETWEEN '0001-01-01' AND '9999-12-31'),
	action text NOT NULL DEFAULT 'add' CONSTRAINT holiday_override_action CHECK (action IN ('add', 'remove')),
	name text,
	kind text NOT NULL DEFAULT 'holiday',
	closes_at time,
	source text,
	PRIMARY KEY (region, day),
	CONSTRAINT holiday_override_kind CHECK (kind IN ('holiday', 'working_day', 'half_day')
		AND (kind = 'half_day') = (closes_at IS NOT NULL) AND closes_at > '00:00'),
	CONSTRAINT holiday_override_add CHECK (CASE action
		WHEN 'add' THEN name IS NOT NULL AND name <> ''
		ELSE kind = 'holiday' AND closes_at IS NULL END)
);

COMMENT ON TABLE @extschema@.holiday_override IS
'User decisions for one date of a region (decrees, one-off days): add replaces the days the rules give that date, remove drops them; a region''s own override wins over its parent''s';
COMMENT ON COLUMN @extschema@.holiday_override.region IS 'The region (sla.holiday_region); its subdivisions inherit the override';
COMMENT ON COLUMN @extschema@.holiday_override.day IS 'The date';
COMMENT ON COLUMN @extschema@.holiday_override.action IS 'add (the date is this day) or remove (the date is no day of the region)';
COMMENT ON COLUMN @extschema@.holiday_override.name IS 'English name of an added day';
COMMENT ON COLUMN @extschema@.holiday_override.kind IS 'holiday, working_day or half_day (of an added day)';
COMMENT ON COLUMN @extschema@.holiday_override.closes_at IS 'Local time work stops on an added half_day';
COMMENT ON COLUMN @extschema@.holiday_override.source IS 'Free text: the decree or reason';

CREATE TRIGGER holiday_region_validate
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.holiday_region
	FOR EACH ROW EXECUTE FUNCTION @extschema@.holiday_validate_trigger();
CREATE TRIGGER holiday_region_truncate
	BEFORE TRUNCATE ON @extschema@.holiday_region
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.holiday_validate_trigger();
CREATE TRIGGER holiday_region_invalidate
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.holiday_region
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.calendar_invalidate_trigger();
CREATE TRIGGER holiday_rule_validate
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.holiday_rule
	FOR EACH ROW EXECUTE FUNCTION @extschema@.holiday_validate_trigger();
CREATE TRIGGER holiday_rule_truncate
	BEFORE TRUNCATE ON @extschema@.holiday_rule
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.holiday_validate_trigger();
CREATE TRIGGER holiday_rule_check
	AFTER UPDATE ON @extschema@.holiday_rule
	FOR EACH ROW EXECUTE FUNCTION @extschema@.holiday_check_trigger();
CREATE TRIGGER holiday_rule_invalidate
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.holiday_rule
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.calendar_invalidate_trigger();
CREATE TRIGGER holiday_date_validate
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.holiday_date
	FOR EACH ROW EXECUTE FUNCTION @extschema@.holiday_validate_trigger();
CREATE TRIGGER holiday_date_truncate
	BEFORE TRUNCATE ON @extschema@.holiday_date
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.holiday_validate_trigger();
CREATE TRIGGER holiday_date_check
	AFTER INSERT OR UPDATE ON @extschema@.holiday_date
	FOR EACH ROW EXECUTE FUNCTION @extschema@.holiday_check_trigger();
CREATE TRIGGER holiday_date_invalidate
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.holiday_date
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.calendar_invalidate_trigger();
CREATE TRIGGER holiday_override_invalidate
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.holiday_override
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.calendar_invalidate_trigger();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.holiday_region', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.holiday_rule', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.holiday_date', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.holiday_override', '');

GRANT SELECT ON @extschema@.holiday_region, @extschema@.holiday_rule, @extschema@.holiday_date,
	@extschema@.holiday_override TO PUBLIC;

ALTER TABLE @extschema@.calendar ADD COLUMN holidays text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN @extschema@.calendar.holidays IS 'Holiday regions (codes of sla.holiday_region, e.g. {DE-BY}) whose days the calendar follows: holidays close, working days open with the regular hours, half days close early; sla.calendar_exception rows win over them';

CREATE FUNCTION @extschema@.holidays(region text, from_date date, to_date date)
RETURNS TABLE (day date, name text, kind text, closes_at time)
AS 'MODULE_PATHNAME', 'sla_holidays'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION @extschema@.holidays(text, date, date) IS
'The days of a holiday region from from_date to to_date (at most 1000 years), sorted: rules, observed days and overrides; 42704 for an unknown region, 22023 when from_date is after to_date';

-- the shipped regions and rules
-- END holidays

-- ---------------------------------------------------------------------------
-- Business-time functions over a calendar
-- BEGIN engine functions
CREATE FUNCTION @extschema@.business_add(ts timestamptz, amount @extschema@.business_interval, calendar text)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'sla_business_add'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5;

COMMENT ON FUNCTION @extschema@.business_add(timestamptz, @extschema@.business_interval, text) IS
'ts plus an amount of business time on a calendar: days first, then time; the earliest instant at which that much open time has passed (the latest, walking back, when negative)';

CREATE FUNCTION @extschema@.business_elapsed(from_ts timestamptz, to_ts timestamptz, calendar text)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_business_elapsed'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5;

COMMENT ON FUNCTION @extschema@.business_elapsed(timestamptz, timestamptz, text) IS
'Open time of a calendar in [from_ts, to_ts), negative when to_ts < from_ts; days are always 0';

CREATE FUNCTION @extschema@.is_open(ts timestamptz, calendar text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'sla_is_open'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5;

COMMENT ON FUNCTION @extschema@.is_open(timestamptz, text) IS
'Is the calendar open at ts? True at an opening instant, false at a closing instant';

CREATE FUNCTION @extschema@.next_open(ts timestamptz, calendar text)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'sla_next_open'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5;

COMMENT ON FUNCTION @extschema@.next_open(timestamptz, text) IS
'ts itself when the calendar is open, else its next opening; infinity when it never opens again';

CREATE FUNCTION @extschema@.next_close(ts timestamptz, calendar text)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'sla_next_close'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 5;

COMMENT ON FUNCTION @extschema@.next_close(timestamptz, text) IS
'End of the open period containing ts, or of the next one when closed; touching periods are one; infinity when it never closes';

CREATE FUNCTION @extschema@.open_periods(calendar text, within tstzrange)
RETURNS tstzmultirange
AS 'MODULE_PATHNAME', 'sla_open_periods'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION @extschema@.open_periods(text, tstzrange) IS
'Open time of a calendar inside a bounded range, as a multirange';
-- END engine functions
