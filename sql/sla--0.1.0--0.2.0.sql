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
