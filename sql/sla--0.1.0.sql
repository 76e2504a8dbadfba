/* sql/sla--0.1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION sla" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS 'sla: business-hours deadlines, elapsed business time and SLA calendars';
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

-- ---------------------------------------------------------------------------
-- business_interval: an amount of business time (business days + time)
-- BEGIN business_interval
-- END business_interval

-- ---------------------------------------------------------------------------
-- Calendars: rows in two tables, validated on write, compiled on first use.
-- BEGIN calendars
-- END calendars

-- ---------------------------------------------------------------------------
-- Business-time functions over a calendar
-- BEGIN engine functions
-- END engine functions
