/* sql/sla--0.1.0--0.2.0.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION sla UPDATE TO '0.2.0'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- business_interval text I/O reads IntervalStyle (as interval_in and
-- interval_out do), so it is STABLE, not IMMUTABLE.
-- BEGIN business_interval
ALTER FUNCTION @extschema@.business_interval_in(cstring) STABLE;
ALTER FUNCTION @extschema@.business_interval_out(@extschema@.business_interval) STABLE;
COMMENT ON FUNCTION @extschema@.business_interval_in(cstring) IS 'business_interval text input: interval syntax without months or years (reads IntervalStyle, hence STABLE)';
COMMENT ON FUNCTION @extschema@.business_interval_out(@extschema@.business_interval) IS 'business_interval text output, formatted like interval under IntervalStyle (hence STABLE)';
-- END business_interval

-- ---------------------------------------------------------------------------
-- Calendar writers check neighbouring dates at commit, in a deferred
-- constraint trigger under a per-calendar advisory lock, with the newest
-- snapshot; the BEFORE row trigger only checks each row on its own.
-- BEGIN calendars
COMMENT ON FUNCTION @extschema@.calendar_validate_trigger() IS
'BEFORE row trigger of sla.calendar (argument ''calendar'', INSERT OR UPDATE) and sla.calendar_exception (argument ''exception'', INSERT OR UPDATE OR DELETE): checks each row on its own, rejecting unknown time zones (22023), malformed hours (22P02), overlapping ranges within the row (22023), more than 48 ranges a day (54000) and exception dates outside the years 1 to 9999 (22008); neighbouring dates are checked at commit by sla.calendar_check_trigger';

CREATE FUNCTION @extschema@.calendar_check_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'sla_calendar_check_trigger'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.calendar_check_trigger() IS
'Deferred constraint trigger (AFTER row) of sla.calendar (argument ''calendar'', UPDATE) and sla.calendar_exception (argument ''exception'', INSERT OR UPDATE OR DELETE): at commit, under a per-calendar advisory lock and with the newest snapshot, rejects dates whose hours overlap the date before or after (22023), or 40001 when the overlap comes from a change committed after the transaction''s snapshot';

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
-- END calendars
