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
'BEFORE row (INSERT OR UPDATE OR DELETE) and BEFORE TRUNCATE trigger of sla.holiday_region, sla.holiday_rule, sla.holiday_date and sla.lunar_correction: rows shipped with the extension change only with the extension (55000); override them in sla.holiday_override or add rows of your own';

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
	duration_days smallint NOT NULL DEFAULT 1,
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
		'citizens_holiday', 'chinese_lunar', 'solar_term', 'hijri')),
	CONSTRAINT holiday_rule_month CHECK (month BETWEEN 1 AND 12),
	CONSTRAINT holiday_rule_day CHECK (day BETWEEN 1 AND
		CASE WHEN rule IN ('chinese_lunar', 'hijri') THEN 30
		WHEN month = 2 THEN 29 WHEN month IN (4, 6, 9, 11) THEN 30 ELSE 31 END),
	CONSTRAINT holiday_rule_weekday CHECK (weekday IN ('sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat')),
	CONSTRAINT holiday_rule_nth CHECK (nth BETWEEN 1 AND 5),
	CONSTRAINT holiday_rule_offset CHECK (offset_days BETWEEN -200 AND 200),
	CONSTRAINT holiday_rule_duration CHECK (duration_days BETWEEN 1 AND 30
		AND (duration_days = 1 OR rule <> 'citizens_holiday')),
	CONSTRAINT holiday_rule_parameters CHECK (CASE rule
		WHEN 'fixed' THEN month IS NOT NULL AND day IS NOT NULL AND weekday IS NULL AND nth IS NULL
		WHEN 'nth_weekday' THEN month IS NOT NULL AND day IS NULL AND weekday IS NOT NULL AND nth IS NOT NULL
		WHEN 'last_weekday' THEN month IS NOT NULL AND day IS NULL AND weekday IS NOT NULL AND nth IS NULL
		WHEN 'weekday_on_or_after' THEN month IS NOT NULL AND day IS NOT NULL AND weekday IS NOT NULL AND nth IS NULL
		WHEN 'weekday_on_or_before' THEN month IS NOT NULL AND day IS NOT NULL AND weekday IS NOT NULL AND nth IS NULL
		WHEN 'easter' THEN month IS NULL AND day IS NULL AND weekday IS NULL AND nth IS NULL
		WHEN 'orthodox_easter' THEN month IS NULL AND day IS NULL AND weekday IS NULL AND nth IS NULL
		WHEN 'chinese_lunar' THEN month IS NOT NULL AND day IS NOT NULL AND weekday IS NULL AND nth IS NULL
		WHEN 'hijri' THEN month IS NOT NULL AND day IS NOT NULL AND weekday IS NULL AND nth IS NULL
		WHEN 'solar_term' THEN month IS NULL AND day IS NULL AND weekday IS NULL AND nth IS NULL
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
COMMENT ON COLUMN @extschema@.holiday_rule.rule IS 'How the date is found: fixed (month, day); nth_weekday (nth weekday of month); last_weekday (of month); weekday_on_or_after, weekday_on_or_before (month, day, weekday); easter, orthodox_easter (Easter Sunday plus offset_days); dated (the rows of sla.holiday_date); citizens_holiday (a day that is not a Sunday between two holidays, JP); chinese_lunar (month, day of the Chinese calendar, through ICU); solar_term (the Qingming solar term, China Standard Time); hijri (month, day of the Umm al-Qura calendar, through ICU); lunar dates follow sla.lunar_correction for the rule''s region and exist for the years 1900 to 2100';
COMMENT ON COLUMN @extschema@.holiday_rule.month IS 'Month 1 to 12 (fixed, weekday rules; the lunar month of chinese_lunar and hijri rules)';
COMMENT ON COLUMN @extschema@.holiday_rule.day IS 'Day of the month (fixed, weekday_on_or_after, weekday_on_or_before); 29 February only in leap years; 1 to 30 of a lunar month (chinese_lunar, hijri; no date in a year whose month is shorter)';
COMMENT ON COLUMN @extschema@.holiday_rule.weekday IS 'sun, mon, tue, wed, thu, fri or sat (weekday rules)';
COMMENT ON COLUMN @extschema@.holiday_rule.nth IS '1 to 5 (nth_weekday); no date in a year without a fifth such weekday';
COMMENT ON COLUMN @extschema@.holiday_rule.offset_days IS 'Days added to the date found, -200 to 200 (e.g. 1 for Easter Monday, -2 for Good Friday, -1 for the eve of a lunar date)';
COMMENT ON COLUMN @extschema@.holiday_rule.duration_days IS 'Days the holiday lasts from its date, 1 to 30 (e.g. 4 for Kurban Bayramı); each day is listed under the rule''s name';
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
INSERT INTO @extschema@.holiday_region (code, parent, name, comment, shipped) VALUES
	('DE', NULL, 'Germany', 'Holidays of all 16 Länder; each Land adds its own (DE-BW ... DE-TH). Holidays of single municipalities (Assumption Day in Protestant parts of Bavaria, Augsburg Peace Festival, Corpus Christi in Sorbian Saxony and Thuringian Eichsfeld) are not shipped.', true),
	('DE-BW', 'DE', 'Baden-Württemberg', NULL, true),
	('DE-BY', 'DE', 'Bavaria', NULL, true),
	('DE-BE', 'DE', 'Berlin', NULL, true),
	('DE-BB', 'DE', 'Brandenburg', NULL, true),
	('DE-HB', 'DE', 'Bremen', NULL, true),
	('DE-HH', 'DE', 'Hamburg', NULL, true),
	('DE-HE', 'DE', 'Hesse', NULL, true),
	('DE-MV', 'DE', 'Mecklenburg-Western Pomerania', NULL, true),
	('DE-NI', 'DE', 'Lower Saxony', NULL, true),
	('DE-NW', 'DE', 'North Rhine-Westphalia', NULL, true),
	('DE-RP', 'DE', 'Rhineland-Palatinate', NULL, true),
	('DE-SL', 'DE', 'Saarland', NULL, true),
	('DE-SN', 'DE', 'Saxony', NULL, true),
	('DE-ST', 'DE', 'Saxony-Anhalt', NULL, true),
	('DE-SH', 'DE', 'Schleswig-Holstein', NULL, true),
	('DE-TH', 'DE', 'Thuringia', NULL, true),
	('AT', NULL, 'Austria', 'General public holidays (ARG § 7). Good Friday was a holiday for Protestant and Old Catholic churches only until 2018 and is not shipped.', true),
	('CH', NULL, 'Switzerland', 'National level only: the days that are public holidays in all 26 cantons. Cantonal holidays (Berchtold''s Day, Good Friday, Easter Monday, Whit Monday, St. Stephen''s Day, ...) are not shipped.', true),
	('NL', NULL, 'Netherlands', 'The generally recognised holidays of the Algemene termijnenwet; whether employees have the day off (Good Friday, 5 May) depends on their collective agreement.', true),
	('BE', NULL, 'Belgium', 'Legal public holidays. A holiday on a Sunday or usual day off is replaced by a working day the employer chooses, which is not modelled.', true),
	('FR', NULL, 'France', 'Legal holidays of metropolitan France (Code du travail L3133-1). Whit Monday is often the "journée de solidarité" (worked). Alsace-Moselle (Good Friday, 26 December) and the overseas departments are not shipped.', true),
	('GB', NULL, 'United Kingdom', 'Bank holidays of all four nations; each nation adds its own (GB-ENG, GB-SCT, GB-WLS, GB-NIR).', true),
	('GB-ENG', 'GB', 'England', NULL, true),
	('GB-SCT', 'GB', 'Scotland', NULL, true),
	('GB-WLS', 'GB', 'Wales', NULL, true),
	('GB-NIR', 'GB', 'Northern Ireland', NULL, true),
	('IE', NULL, 'Ireland', 'Public holidays. The Act gives an employee a paid day off or extra pay for a public holiday on a day off; no substitute day is modelled.', true),
	('US', NULL, 'United States', 'Federal holidays (5 U.S.C. 6103) with their observed days. Days closed by executive order (Christmas Eve in some years, national days of mourning) are not shipped; add overrides.', true),
	('CA', NULL, 'Canada', 'Federal general holidays (Canada Labour Code). Provincial holidays are not shipped; a general holiday on a non-working day gives federal employees another day (s. 196), which is not modelled, except Canada Day (Holidays Act).', true),
	('AU', NULL, 'Australia', 'Days that are public holidays in every state and territory. State days (King''s Birthday, Labour Day, Melbourne Cup, ...) are not shipped; substitutes follow NSW and Victoria (other states differ in some years: Anzac Day on a weekend, Boxing Day in South Australia).', true),
	('BR', NULL, 'Brazil', 'National holidays. Carnival (Monday and Tuesday) and Corpus Christi are optional days (pontos facultativos), not shipped; states and municipalities add their own.', true),
	('JP', NULL, 'Japan', 'National holidays with substitute holidays and citizens'' holidays. The equinox days are announced each February for the next year (National Astronomical Observatory of Japan, 暦要項, in the Official Gazette): shipped through 2026.', true);

INSERT INTO @extschema@.holiday_rule (region, name, first_year, last_year, rule, month, day, weekday, nth,
	offset_days, on_saturday, on_sunday, kind, closes_at, source, shipped) VALUES
	('DE', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Länder holiday acts (Feiertagsgesetze) of all 16 Länder', true),
	('DE', 'Good Friday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, -2, 'none', 'none', 'holiday', NULL, 'Länder holiday acts (Feiertagsgesetze) of all 16 Länder', true),
	('DE', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Länder holiday acts (Feiertagsgesetze) of all 16 Länder', true),
	('DE', 'Labour Day', 2000, NULL, 'fixed', 5, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Länder holiday acts (Feiertagsgesetze) of all 16 Länder', true),
	('DE', 'Ascension Day', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 39, 'none', 'none', 'holiday', NULL, 'Länder holiday acts (Feiertagsgesetze) of all 16 Länder', true),
	('DE', 'Whit Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 50, 'none', 'none', 'holiday', NULL, 'Länder holiday acts (Feiertagsgesetze) of all 16 Länder', true),
	('DE', 'German Unity Day', 2000, NULL, 'fixed', 10, 3, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Einigungsvertrag (Unification Treaty) of 31 August 1990, art. 2(2)', true),
	('DE', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Länder holiday acts (Feiertagsgesetze) of all 16 Länder', true),
	('DE', 'Second Day of Christmas', 2000, NULL, 'fixed', 12, 26, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Länder holiday acts (Feiertagsgesetze) of all 16 Länder', true),
	('DE', 'Reformation Day', 2017, 2017, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Länder acts making 31 October 2017 (500th anniversary of the Reformation) a one-off holiday in every Land', true),
	('DE-BW', 'Epiphany', 2000, NULL, 'fixed', 1, 6, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonntage und Feiertage (FTG) Baden-Württemberg, § 1', true),
	('DE-BW', 'Corpus Christi', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 60, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonntage und Feiertage (FTG) Baden-Württemberg, § 1', true),
	('DE-BW', 'All Saints'' Day', 2000, NULL, 'fixed', 11, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonntage und Feiertage (FTG) Baden-Württemberg, § 1', true),
	('DE-BY', 'Epiphany', 2000, NULL, 'fixed', 1, 6, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über den Schutz der Sonn- und Feiertage (FTG) Bayern, art. 1', true),
	('DE-BY', 'Corpus Christi', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 60, 'none', 'none', 'holiday', NULL, 'Gesetz über den Schutz der Sonn- und Feiertage (FTG) Bayern, art. 1', true),
	('DE-BY', 'Assumption Day', 2000, NULL, 'fixed', 8, 15, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über den Schutz der Sonn- und Feiertage (FTG) Bayern, art. 1', true),
	('DE-BY', 'All Saints'' Day', 2000, NULL, 'fixed', 11, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über den Schutz der Sonn- und Feiertage (FTG) Bayern, art. 1', true),
	('DE-BB', 'Reformation Day', 2000, NULL, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Feiertagsgesetz (FTG) Brandenburg, § 2', true),
	('DE-BB', 'Easter Sunday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Feiertagsgesetz (FTG) Brandenburg, § 2', true),
	('DE-BB', 'Whit Sunday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 49, 'none', 'none', 'holiday', NULL, 'Feiertagsgesetz (FTG) Brandenburg, § 2', true),
	('DE-HB', 'Reformation Day', 2017, NULL, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonn- und Feiertage Bremen, § 1 (from 2018; 2017 a one-off holiday in every Land)', true),
	('DE-HH', 'Reformation Day', 2017, NULL, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über Sonntage, Feiertage, Gedenktage und Trauertage Hamburg, § 1 (from 2018; 2017 a one-off holiday in every Land)', true),
	('DE-NI', 'Reformation Day', 2017, NULL, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Niedersächsisches Gesetz über die Feiertage (NFeiertagsG), § 2 (from 2018; 2017 a one-off holiday in every Land)', true),
	('DE-SH', 'Reformation Day', 2017, NULL, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über Sonn- und Feiertage (SFTG) Schleswig-Holstein, § 2 (from 2018; 2017 a one-off holiday in every Land)', true),
	('DE-HE', 'Corpus Christi', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 60, 'none', 'none', 'holiday', NULL, 'Hessisches Feiertagsgesetz (HFeiertagsG), § 1', true),
	('DE-HE', 'Easter Sunday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Hessisches Feiertagsgesetz (HFeiertagsG), § 1', true),
	('DE-HE', 'Whit Sunday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 49, 'none', 'none', 'holiday', NULL, 'Hessisches Feiertagsgesetz (HFeiertagsG), § 1', true),
	('DE-MV', 'Reformation Day', 2000, NULL, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Feiertagsgesetz Mecklenburg-Vorpommern (FTG M-V), § 2', true),
	('DE-NW', 'Corpus Christi', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 60, 'none', 'none', 'holiday', NULL, 'Feiertagsgesetz NW, § 2', true),
	('DE-NW', 'All Saints'' Day', 2000, NULL, 'fixed', 11, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Feiertagsgesetz NW, § 2', true),
	('DE-RP', 'Corpus Christi', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 60, 'none', 'none', 'holiday', NULL, 'Landesgesetz über den Schutz der Sonn- und Feiertage (LFtG) Rheinland-Pfalz, § 2', true),
	('DE-RP', 'All Saints'' Day', 2000, NULL, 'fixed', 11, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Landesgesetz über den Schutz der Sonn- und Feiertage (LFtG) Rheinland-Pfalz, § 2', true),
	('DE-SL', 'Corpus Christi', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 60, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonn- und Feiertage (FTG) Saarland, § 2', true),
	('DE-SL', 'Assumption Day', 2000, NULL, 'fixed', 8, 15, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonn- und Feiertage (FTG) Saarland, § 2', true),
	('DE-SL', 'All Saints'' Day', 2000, NULL, 'fixed', 11, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonn- und Feiertage (FTG) Saarland, § 2', true),
	('DE-SN', 'Reformation Day', 2000, NULL, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über Sonn- und Feiertage im Freistaat Sachsen (SächsSFG), § 1', true),
	('DE-SN', 'Repentance and Prayer Day', 2000, NULL, 'weekday_on_or_before', 11, 22, 'wed', NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über Sonn- und Feiertage im Freistaat Sachsen (SächsSFG), § 1', true),
	('DE-ST', 'Epiphany', 2000, NULL, 'fixed', 1, 6, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonn- und Feiertage (FeiertG LSA), § 2', true),
	('DE-ST', 'Reformation Day', 2000, NULL, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonn- und Feiertage (FeiertG LSA), § 2', true),
	('DE-TH', 'Reformation Day', 2000, NULL, 'fixed', 10, 31, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Thüringer Feiertagsgesetz (ThürFtG), § 2', true),
	('DE-TH', 'World Children''s Day', 2019, NULL, 'fixed', 9, 20, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Thüringer Feiertagsgesetz (ThürFtG), § 2 (from 2019)', true),
	('DE-BE', 'International Women''s Day', 2019, NULL, 'fixed', 3, 8, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Gesetz über die Sonn- und Feiertage (SonnFG) Berlin, § 1 (from 2019)', true),
	('DE-MV', 'International Women''s Day', 2023, NULL, 'fixed', 3, 8, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Feiertagsgesetz Mecklenburg-Vorpommern (FTG M-V), § 2 (from 2023)', true),
	('DE-BE', 'Liberation Day', 2020, 2020, 'fixed', 5, 8, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Berlin: one-off holiday for the 75th anniversary of the end of the Second World War (SonnFG amendment 2019)', true),
	('DE-BE', 'Liberation Day', 2025, 2025, 'fixed', 5, 8, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Berlin: one-off holiday for the 80th anniversary of the end of the Second World War (SonnFG amendment 2024)', true),
	('AT', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'Epiphany', 2000, NULL, 'fixed', 1, 6, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'Labour Day', 2000, NULL, 'fixed', 5, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'Assumption Day', 2000, NULL, 'fixed', 8, 15, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'National Day', 2000, NULL, 'fixed', 10, 26, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'All Saints'' Day', 2000, NULL, 'fixed', 11, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'Immaculate Conception', 2000, NULL, 'fixed', 12, 8, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'St. Stephen''s Day', 2000, NULL, 'fixed', 12, 26, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'Ascension Day', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 39, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'Whit Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 50, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('AT', 'Corpus Christi', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 60, 'none', 'none', 'holiday', NULL, 'Arbeitsruhegesetz (ARG) § 7(2); Feiertagsruhegesetz 1957', true),
	('CH', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Cantonal holiday laws (a holiday in every canton); Arbeitsgesetz (ArG) art. 20a', true),
	('CH', 'Ascension Day', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 39, 'none', 'none', 'holiday', NULL, 'Cantonal holiday laws (a holiday in every canton); Arbeitsgesetz (ArG) art. 20a', true),
	('CH', 'Swiss National Day', 2000, NULL, 'fixed', 8, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Federal Constitution art. 110(3); Bundesfeiertagsverordnung', true),
	('CH', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Cantonal holiday laws (a holiday in every canton); Arbeitsgesetz (ArG) art. 20a', true),
	('NL', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(1)', true),
	('NL', 'Good Friday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, -2, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(2)', true),
	('NL', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(1)', true),
	('NL', 'Queen''s Day', 2000, 2013, 'fixed', 4, 30, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(1) (the Queen''s birthday as celebrated; on a Sunday it was celebrated on Saturday 29 April, not modelled)', true),
	('NL', 'King''s Day', 2014, NULL, 'fixed', 4, 27, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(1) (the King''s birthday as celebrated; on a Sunday it is celebrated on Saturday 26 April, not modelled)', true),
	('NL', 'Liberation Day', 2000, NULL, 'fixed', 5, 5, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(1)', true),
	('NL', 'Ascension Day', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 39, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(1)', true),
	('NL', 'Whit Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 50, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(1)', true),
	('NL', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(1)', true),
	('NL', 'Second Day of Christmas', 2000, NULL, 'fixed', 12, 26, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Algemene termijnenwet art. 3(1)', true),
	('BE', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('BE', 'Labour Day', 2000, NULL, 'fixed', 5, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('BE', 'National Day', 2000, NULL, 'fixed', 7, 21, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('BE', 'Assumption Day', 2000, NULL, 'fixed', 8, 15, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('BE', 'All Saints'' Day', 2000, NULL, 'fixed', 11, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('BE', 'Armistice Day', 2000, NULL, 'fixed', 11, 11, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('BE', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('BE', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('BE', 'Ascension Day', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 39, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('BE', 'Whit Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 50, 'none', 'none', 'holiday', NULL, 'Wet van 4 januari 1974 betreffende de feestdagen, art. 1; Koninklijk besluit van 18 april 1974, art. 1', true),
	('FR', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'Labour Day', 2000, NULL, 'fixed', 5, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'Victory in Europe Day', 2000, NULL, 'fixed', 5, 8, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'Bastille Day', 2000, NULL, 'fixed', 7, 14, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'Assumption Day', 2000, NULL, 'fixed', 8, 15, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'All Saints'' Day', 2000, NULL, 'fixed', 11, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'Armistice Day', 2000, NULL, 'fixed', 11, 11, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'Ascension Day', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 39, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('FR', 'Whit Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 50, 'none', 'none', 'holiday', NULL, 'Code du travail, art. L3133-1', true),
	('GB', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'next_free_weekday', 'next_free_weekday', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB', 'Good Friday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, -2, 'none', 'none', 'holiday', NULL, 'Common law holiday (England, Wales, Northern Ireland); Banking and Financial Dealings Act 1971, Schedule 1 (Scotland)', true),
	('GB', 'Early May Bank Holiday', 2000, 2019, 'nth_weekday', 5, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB', 'Early May Bank Holiday', 2020, 2020, 'fixed', 5, 8, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Proclamation of 2019 moving the 2020 holiday to 8 May (75th anniversary of VE Day)', true),
	('GB', 'Early May Bank Holiday', 2021, NULL, 'nth_weekday', 5, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB', 'Spring Bank Holiday', 2000, 2001, 'last_weekday', 5, NULL, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB', 'Spring Bank Holiday', 2002, 2002, 'fixed', 6, 4, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Proclamation moving the 2002 holiday to 4 June (Golden Jubilee)', true),
	('GB', 'Spring Bank Holiday', 2003, 2011, 'last_weekday', 5, NULL, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB', 'Spring Bank Holiday', 2012, 2012, 'fixed', 6, 4, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Proclamation moving the 2012 holiday to 4 June (Diamond Jubilee)', true),
	('GB', 'Spring Bank Holiday', 2013, 2021, 'last_weekday', 5, NULL, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB', 'Spring Bank Holiday', 2022, 2022, 'fixed', 6, 2, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Proclamation moving the 2022 holiday to 2 June (Platinum Jubilee)', true),
	('GB', 'Spring Bank Holiday', 2023, NULL, 'last_weekday', 5, NULL, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB', 'Golden Jubilee of Elizabeth II', 2002, 2002, 'fixed', 6, 3, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Royal proclamation of 2001 (one-off bank holiday)', true),
	('GB', 'Wedding of Prince William and Catherine Middleton', 2011, 2011, 'fixed', 4, 29, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Royal proclamation of 2010 (one-off bank holiday)', true),
	('GB', 'Diamond Jubilee of Elizabeth II', 2012, 2012, 'fixed', 6, 5, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Royal proclamation of 2011 (one-off bank holiday)', true),
	('GB', 'Platinum Jubilee of Elizabeth II', 2022, 2022, 'fixed', 6, 3, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Royal proclamation of 2021 (one-off bank holiday)', true),
	('GB', 'State Funeral of Queen Elizabeth II', 2022, 2022, 'fixed', 9, 19, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Royal proclamation of 12 September 2022 (one-off bank holiday)', true),
	('GB', 'Coronation of King Charles III', 2023, 2023, 'fixed', 5, 8, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Royal proclamation of 2022 (one-off bank holiday)', true),
	('GB', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'next_free_weekday', 'next_free_weekday', 'holiday', NULL, 'Common law holiday (England, Wales, Northern Ireland); Banking and Financial Dealings Act 1971, Schedule 1 (Scotland)', true),
	('GB', 'Boxing Day', 2000, NULL, 'fixed', 12, 26, NULL, NULL, 0, 'next_free_weekday', 'next_free_weekday', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB-ENG', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB-ENG', 'Summer Bank Holiday', 2000, NULL, 'last_weekday', 8, NULL, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB-WLS', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB-WLS', 'Summer Bank Holiday', 2000, NULL, 'last_weekday', 8, NULL, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB-NIR', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB-NIR', 'Summer Bank Holiday', 2000, NULL, 'last_weekday', 8, NULL, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1', true),
	('GB-NIR', 'St. Patrick''s Day', 2000, NULL, 'fixed', 3, 17, NULL, NULL, 0, 'next_free_weekday', 'next_free_weekday', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1 (Northern Ireland)', true),
	('GB-NIR', 'Battle of the Boyne', 2000, NULL, 'fixed', 7, 12, NULL, NULL, 0, 'next_free_weekday', 'next_free_weekday', 'holiday', NULL, 'Royal proclamation each year (Northern Ireland)', true),
	('GB-SCT', '2 January', 2000, NULL, 'fixed', 1, 2, NULL, NULL, 0, 'next_free_weekday', 'next_free_weekday', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1 (Scotland)', true),
	('GB-SCT', 'Summer Bank Holiday', 2000, NULL, 'nth_weekday', 8, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Banking and Financial Dealings Act 1971, Schedule 1, and royal proclamations under its section 1 (Scotland)', true),
	('GB-SCT', 'St. Andrew''s Day', 2007, NULL, 'fixed', 11, 30, NULL, NULL, 0, 'next_free_weekday', 'next_free_weekday', 'holiday', NULL, 'St Andrew''s Day Bank Holiday (Scotland) Act 2007', true),
	('IE', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2', true),
	('IE', 'St. Brigid''s Day', 2023, 2029, 'nth_weekday', 2, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2 (as amended 2022: the first Monday in February)', true),
	('IE', 'St. Brigid''s Day', 2030, 2030, 'fixed', 2, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2 (as amended 2022: 1 February when it is a Friday)', true),
	('IE', 'St. Brigid''s Day', 2031, 2035, 'nth_weekday', 2, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2 (as amended 2022: the first Monday in February)', true),
	('IE', 'St. Brigid''s Day', 2036, 2036, 'fixed', 2, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2 (as amended 2022: 1 February when it is a Friday)', true),
	('IE', 'St. Brigid''s Day', 2037, NULL, 'nth_weekday', 2, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2 (as amended 2022: the first Monday in February; 1 February when a Friday, modelled through 2040 only)', true),
	('IE', 'St. Patrick''s Day', 2000, NULL, 'fixed', 3, 17, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2', true),
	('IE', 'Day of Remembrance and Recognition', 2022, 2022, 'fixed', 3, 18, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2, as amended 2022 (one-off)', true),
	('IE', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2', true),
	('IE', 'May Bank Holiday', 2000, NULL, 'nth_weekday', 5, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2', true),
	('IE', 'June Bank Holiday', 2000, NULL, 'nth_weekday', 6, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2', true),
	('IE', 'August Bank Holiday', 2000, NULL, 'nth_weekday', 8, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2', true),
	('IE', 'October Bank Holiday', 2000, NULL, 'last_weekday', 10, NULL, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2', true),
	('IE', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2', true),
	('IE', 'St. Stephen''s Day', 2000, NULL, 'fixed', 12, 26, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Organisation of Working Time Act 1997, Schedule 2', true),
	('US', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'friday', 'monday', 'holiday', NULL, '5 U.S.C. 6103(a); observed: 5 U.S.C. 6103(b), Executive Order 11582', true),
	('US', 'Birthday of Martin Luther King, Jr.', 2000, NULL, 'nth_weekday', 1, NULL, 'mon', 3, 0, 'none', 'none', 'holiday', NULL, '5 U.S.C. 6103(a)', true),
	('US', 'Washington''s Birthday', 2000, NULL, 'nth_weekday', 2, NULL, 'mon', 3, 0, 'none', 'none', 'holiday', NULL, '5 U.S.C. 6103(a)', true),
	('US', 'Memorial Day', 2000, NULL, 'last_weekday', 5, NULL, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, '5 U.S.C. 6103(a)', true),
	('US', 'Juneteenth National Independence Day', 2021, NULL, 'fixed', 6, 19, NULL, NULL, 0, 'friday', 'monday', 'holiday', NULL, '5 U.S.C. 6103(a); observed: 5 U.S.C. 6103(b), Executive Order 11582; Juneteenth National Independence Day Act of 17 June 2021', true),
	('US', 'Independence Day', 2000, NULL, 'fixed', 7, 4, NULL, NULL, 0, 'friday', 'monday', 'holiday', NULL, '5 U.S.C. 6103(a); observed: 5 U.S.C. 6103(b), Executive Order 11582', true),
	('US', 'Labor Day', 2000, NULL, 'nth_weekday', 9, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, '5 U.S.C. 6103(a)', true),
	('US', 'Columbus Day', 2000, NULL, 'nth_weekday', 10, NULL, 'mon', 2, 0, 'none', 'none', 'holiday', NULL, '5 U.S.C. 6103(a)', true),
	('US', 'Veterans Day', 2000, NULL, 'fixed', 11, 11, NULL, NULL, 0, 'friday', 'monday', 'holiday', NULL, '5 U.S.C. 6103(a); observed: 5 U.S.C. 6103(b), Executive Order 11582', true),
	('US', 'Thanksgiving Day', 2000, NULL, 'nth_weekday', 11, NULL, 'thu', 4, 0, 'none', 'none', 'holiday', NULL, '5 U.S.C. 6103(a)', true),
	('US', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'friday', 'monday', 'holiday', NULL, '5 U.S.C. 6103(a); observed: 5 U.S.C. 6103(b), Executive Order 11582', true),
	('CA', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays)', true),
	('CA', 'Good Friday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, -2, 'none', 'none', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays)', true),
	('CA', 'Victoria Day', 2000, NULL, 'weekday_on_or_before', 5, 24, 'mon', NULL, 0, 'none', 'none', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays); Holidays Act, s. 2 (the Monday before 25 May)', true),
	('CA', 'Canada Day', 2000, NULL, 'fixed', 7, 1, NULL, NULL, 0, 'none', 'monday', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays); Holidays Act, s. 2 (2 July when 1 July is a Sunday)', true),
	('CA', 'Labour Day', 2000, NULL, 'nth_weekday', 9, NULL, 'mon', 1, 0, 'none', 'none', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays)', true),
	('CA', 'National Day for Truth and Reconciliation', 2021, NULL, 'fixed', 9, 30, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays), as amended by S.C. 2021, c. 11', true),
	('CA', 'Thanksgiving Day', 2000, NULL, 'nth_weekday', 10, NULL, 'mon', 2, 0, 'none', 'none', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays)', true),
	('CA', 'Remembrance Day', 2000, NULL, 'fixed', 11, 11, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays)', true),
	('CA', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays)', true),
	('CA', 'Boxing Day', 2000, NULL, 'fixed', 12, 26, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Canada Labour Code, s. 166 (general holidays)', true),
	('AU', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'monday', 'monday', 'holiday', NULL, 'Public holiday acts of every state and territory (e.g. Public Holidays Act 2010 (NSW), ss. 4-5)', true),
	('AU', 'Australia Day', 2000, NULL, 'fixed', 1, 26, NULL, NULL, 0, 'monday', 'monday', 'holiday', NULL, 'Public holiday acts of every state and territory (e.g. Public Holidays Act 2010 (NSW), ss. 4-5)', true),
	('AU', 'Good Friday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, -2, 'none', 'none', 'holiday', NULL, 'Public holiday acts of every state and territory (e.g. Public Holidays Act 2010 (NSW), ss. 4-5)', true),
	('AU', 'Easter Monday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, 1, 'none', 'none', 'holiday', NULL, 'Public holiday acts of every state and territory (e.g. Public Holidays Act 2010 (NSW), ss. 4-5)', true),
	('AU', 'Anzac Day', 2000, NULL, 'fixed', 4, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Public holiday acts of every state and territory (e.g. Public Holidays Act 2010 (NSW), ss. 4-5)', true),
	('AU', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'next_free_weekday', 'next_free_weekday', 'holiday', NULL, 'Public holiday acts of every state and territory (e.g. Public Holidays Act 2010 (NSW), ss. 4-5)', true),
	('AU', 'Boxing Day', 2000, NULL, 'fixed', 12, 26, NULL, NULL, 0, 'next_free_weekday', 'next_free_weekday', 'holiday', NULL, 'Public holiday acts of every state and territory (e.g. Public Holidays Act 2010 (NSW), ss. 4-5)', true),
	('BR', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Lei nº 662/1949, art. 1, as amended by Lei nº 10.607/2002', true),
	('BR', 'Tiradentes', 2000, NULL, 'fixed', 4, 21, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Lei nº 662/1949, art. 1, as amended by Lei nº 10.607/2002', true),
	('BR', 'Labour Day', 2000, NULL, 'fixed', 5, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Lei nº 662/1949, art. 1, as amended by Lei nº 10.607/2002', true),
	('BR', 'Independence Day', 2000, NULL, 'fixed', 9, 7, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Lei nº 662/1949, art. 1, as amended by Lei nº 10.607/2002', true),
	('BR', 'All Souls'' Day', 2000, NULL, 'fixed', 11, 2, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Lei nº 662/1949, art. 1, as amended by Lei nº 10.607/2002', true),
	('BR', 'Republic Proclamation Day', 2000, NULL, 'fixed', 11, 15, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Lei nº 662/1949, art. 1, as amended by Lei nº 10.607/2002', true),
	('BR', 'Christmas Day', 2000, NULL, 'fixed', 12, 25, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Lei nº 662/1949, art. 1, as amended by Lei nº 10.607/2002', true),
	('BR', 'Our Lady of Aparecida', 2000, NULL, 'fixed', 10, 12, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Lei nº 6.802/1980', true),
	('BR', 'Black Consciousness Day', 2024, NULL, 'fixed', 11, 20, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Lei nº 14.759/2023', true),
	('BR', 'Good Friday', 2000, NULL, 'easter', NULL, NULL, NULL, NULL, -2, 'none', 'none', 'holiday', NULL, 'Lei nº 9.093/1995, art. 2', true),
	('JP', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Coming of Age Day', 2000, NULL, 'nth_weekday', 1, NULL, 'mon', 2, 0, 'none', 'none', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2', true),
	('JP', 'National Foundation Day', 2000, NULL, 'fixed', 2, 11, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Emperor''s Birthday', 2000, 2018, 'fixed', 12, 23, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Emperor''s Birthday', 2020, NULL, 'fixed', 2, 23, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2, as amended by Act No. 63 of 2017; substitute holiday: art. 3(2)', true),
	('JP', 'Vernal Equinox Day', 2000, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; dates: 暦要項 of the National Astronomical Observatory of Japan, Official Gazette each February; substitute holiday: art. 3(2)', true),
	('JP', 'Greenery Day', 2000, 2006, 'fixed', 4, 29, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Showa Day', 2007, NULL, 'fixed', 4, 29, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2, as amended by Act No. 43 of 2005; substitute holiday: art. 3(2)', true),
	('JP', 'Constitution Memorial Day', 2000, NULL, 'fixed', 5, 3, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Greenery Day', 2007, NULL, 'fixed', 5, 4, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2, as amended by Act No. 43 of 2005; substitute holiday: art. 3(2)', true),
	('JP', 'Children''s Day', 2000, NULL, 'fixed', 5, 5, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Marine Day', 2000, 2002, 'fixed', 7, 20, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Marine Day', 2003, 2019, 'nth_weekday', 7, NULL, 'mon', 3, 0, 'none', 'none', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2, as amended by Act No. 59 of 2001', true),
	('JP', 'Marine Day', 2020, 2020, 'fixed', 7, 23, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Act on Special Measures for the Tokyo 2020 Olympic and Paralympic Games, art. 32', true),
	('JP', 'Marine Day', 2021, 2021, 'fixed', 7, 22, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Act on Special Measures for the Tokyo 2020 Olympic and Paralympic Games, art. 32, as amended 2020', true),
	('JP', 'Marine Day', 2022, NULL, 'nth_weekday', 7, NULL, 'mon', 3, 0, 'none', 'none', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2', true),
	('JP', 'Mountain Day', 2016, 2019, 'fixed', 8, 11, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2, as amended by Act No. 43 of 2014; substitute holiday: art. 3(2)', true),
	('JP', 'Mountain Day', 2020, 2020, 'fixed', 8, 10, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Act on Special Measures for the Tokyo 2020 Olympic and Paralympic Games, art. 32', true),
	('JP', 'Mountain Day', 2021, 2021, 'fixed', 8, 8, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, 'Act on Special Measures for the Tokyo 2020 Olympic and Paralympic Games, art. 32, as amended 2020; substitute holiday: art. 3(2)', true),
	('JP', 'Mountain Day', 2022, NULL, 'fixed', 8, 11, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Respect for the Aged Day', 2000, 2002, 'fixed', 9, 15, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Respect for the Aged Day', 2003, NULL, 'nth_weekday', 9, NULL, 'mon', 3, 0, 'none', 'none', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2, as amended by Act No. 59 of 2001', true),
	('JP', 'Autumnal Equinox Day', 2000, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; dates: 暦要項 of the National Astronomical Observatory of Japan, Official Gazette each February; substitute holiday: art. 3(2)', true),
	('JP', 'Health and Sports Day', 2000, 2019, 'nth_weekday', 10, NULL, 'mon', 2, 0, 'none', 'none', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2, as amended by Act No. 8 of 1998', true),
	('JP', 'Sports Day', 2020, 2020, 'fixed', 7, 24, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Act on Special Measures for the Tokyo 2020 Olympic and Paralympic Games, art. 32', true),
	('JP', 'Sports Day', 2021, 2021, 'fixed', 7, 23, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Act on Special Measures for the Tokyo 2020 Olympic and Paralympic Games, art. 32, as amended 2020', true),
	('JP', 'Sports Day', 2022, NULL, 'nth_weekday', 10, NULL, 'mon', 2, 0, 'none', 'none', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2, as amended by Act No. 57 of 2018', true),
	('JP', 'Culture Day', 2000, NULL, 'fixed', 11, 3, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Labour Thanksgiving Day', 2000, NULL, 'fixed', 11, 23, NULL, NULL, 0, 'none', 'next_free_day', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays, Act No. 178 of 1948), art. 2; substitute holiday: art. 3(2)', true),
	('JP', 'Enthronement Day', 2019, 2019, 'fixed', 5, 1, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Act No. 99 of 2018 (天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律)', true),
	('JP', 'Enthronement Ceremony Day', 2019, 2019, 'fixed', 10, 22, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, 'Act No. 99 of 2018 (天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律)', true),
	('JP', 'Citizens'' Holiday', 2000, NULL, 'citizens_holiday', NULL, NULL, NULL, NULL, 0, 'none', 'none', 'holiday', NULL, '国民の祝日に関する法律 (Act on National Holidays), art. 3(3)', true);

INSERT INTO @extschema@.holiday_date (region, name, first_year, day, shipped) VALUES
	('JP', 'Vernal Equinox Day', 2000, '2000-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2000-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2001-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2001-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2002-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2002-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2003-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2003-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2004-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2004-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2005-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2005-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2006-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2006-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2007-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2007-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2008-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2008-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2009-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2009-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2010-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2010-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2011-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2011-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2012-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2012-09-22', true),
	('JP', 'Vernal Equinox Day', 2000, '2013-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2013-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2014-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2014-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2015-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2015-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2016-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2016-09-22', true),
	('JP', 'Vernal Equinox Day', 2000, '2017-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2017-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2018-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2018-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2019-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2019-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2020-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2020-09-22', true),
	('JP', 'Vernal Equinox Day', 2000, '2021-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2021-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2022-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2022-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2023-03-21', true),
	('JP', 'Autumnal Equinox Day', 2000, '2023-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2024-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2024-09-22', true),
	('JP', 'Vernal Equinox Day', 2000, '2025-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2025-09-23', true),
	('JP', 'Vernal Equinox Day', 2000, '2026-03-20', true),
	('JP', 'Autumnal Equinox Day', 2000, '2026-09-23', true);
-- CN, IN, TR and SA: holidays in the Chinese and Umm al-Qura calendars (rule kinds chinese_lunar,
-- solar_term, hijri, evaluated through ICU with sla.lunar_correction) and published lists.
INSERT INTO @extschema@.holiday_region (code, parent, name, comment, shipped) VALUES
	('CN', NULL, 'China', 'National holidays of the State Council''s 全国年节及纪念日放假办法 by rule, and each year''s moved rest days and working days (调休) from the State Council''s notice, 2007 to 2026; later years give the statutory days only and report the moved days as not yet published. Days for part of the population (Women''s Day, Youth Day, Children''s Day, Army Day) are not shipped.', true),
	('IN', NULL, 'India', 'The 14 compulsory holidays of central government offices (DoPT''s yearly O.M.): the three national holidays, Christmas and Good Friday by rule (from 2013), the other nine as published for 2018 to 2026 (from the O.M.s of 2017 to 2025; not included before 2018, the earliest year whose list was found; after 2026 a NOTICE). The three holidays each state''s coordination committee adds, restricted holidays and state holidays are not shipped; add them as overrides.', true),
	('TR', NULL, 'Turkey', 'National and religious holidays of Law No. 2429, with the Diyanet''s dates for Ramazan and Kurban Bayramı (sla.lunar_correction) and the half-day eves (arife, 28 October) that end at 13:00. Extra days the government adds by decree (bridge days) are not shipped.', true),
	('SA', NULL, 'Saudi Arabia', 'Holidays of the Labour Law''s implementing regulations (private sector): Founding Day, National Day, four days of Eid al-Fitr and of Eid al-Adha by the Umm al-Qura calendar with the Supreme Court''s announced corrections (sla.lunar_correction). Government offices get longer Eid holidays, not shipped.', true);

INSERT INTO @extschema@.holiday_rule (region, name, first_year, last_year, rule, month, day, weekday, nth,
	offset_days, duration_days, on_saturday, on_sunday, kind, closes_at, source, shipped) VALUES
	('CN', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法 (State Council Decree No. 270 of 1999), art. 2', true),
	('CN', 'Spring Festival', 2000, 2007, 'chinese_lunar', 1, 1, NULL, NULL, 0, 3, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法 (State Council Decree No. 270 of 1999), art. 2: 正月初一、初二、初三', true),
	('CN', 'Spring Festival', 2008, 2013, 'chinese_lunar', 1, 1, NULL, NULL, 0, 2, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 513 of 2007: 农历除夕、正月初一、初二', true),
	('CN', 'Spring Festival', 2014, 2024, 'chinese_lunar', 1, 1, NULL, NULL, 0, 3, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 644 of 2013: 正月初一、初二、初三', true),
	('CN', 'Spring Festival', 2025, NULL, 'chinese_lunar', 1, 1, NULL, NULL, 0, 3, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 795 of 2024: 农历除夕、正月初一、初二、初三', true),
	('CN', 'Chinese New Year''s Eve', 2008, 2013, 'chinese_lunar', 1, 1, NULL, NULL, -1, 1, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 513 of 2007: 农历除夕', true),
	('CN', 'Chinese New Year''s Eve', 2025, NULL, 'chinese_lunar', 1, 1, NULL, NULL, -1, 1, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 795 of 2024: 农历除夕', true),
	('CN', 'Qingming Festival', 2008, NULL, 'solar_term', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 513 of 2007: 清明节 (the day of the Qingming solar term)', true),
	('CN', 'Labour Day', 2000, 2007, 'fixed', 5, 1, NULL, NULL, 0, 3, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法 (State Council Decree No. 270 of 1999), art. 2: 5月1日、2日、3日', true),
	('CN', 'Labour Day', 2008, 2024, 'fixed', 5, 1, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 513 of 2007: 5月1日', true),
	('CN', 'Labour Day', 2025, NULL, 'fixed', 5, 1, NULL, NULL, 0, 2, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 795 of 2024: 5月1日、2日', true),
	('CN', 'Dragon Boat Festival', 2008, NULL, 'chinese_lunar', 5, 5, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 513 of 2007: 端午节 (农历端午当日)', true),
	('CN', 'Mid-Autumn Festival', 2008, NULL, 'chinese_lunar', 8, 15, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法, art. 2, as amended by State Council Decree No. 513 of 2007: 中秋节 (农历中秋当日)', true),
	('CN', 'National Day', 2000, NULL, 'fixed', 10, 1, NULL, NULL, 0, 3, 'none', 'none', 'holiday', NULL, '全国年节及纪念日放假办法 (State Council Decree No. 270 of 1999), art. 2: 10月1日、2日、3日', true),
	('IN', 'Republic Day', 2000, NULL, 'fixed', 1, 26, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'National holiday: Ministry of Home Affairs; Department of Personnel and Training, yearly Office Memorandum on holidays for central government offices (compulsory holidays, item 1)', true),
	('IN', 'Independence Day', 2000, NULL, 'fixed', 8, 15, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'National holiday: Ministry of Home Affairs; Department of Personnel and Training, yearly Office Memorandum on holidays for central government offices (compulsory holidays)', true),
	('IN', 'Gandhi Jayanti', 2000, NULL, 'fixed', 10, 2, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'National holiday: Ministry of Home Affairs; Department of Personnel and Training, yearly Office Memorandum on holidays for central government offices (compulsory holidays)', true),
	('TR', 'New Year''s Day', 2000, NULL, 'fixed', 1, 1, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Ulusal Bayram ve Genel Tatiller Hakkında Kanun (Law No. 2429), art. 2(a)', true),
	('TR', 'National Sovereignty and Children''s Day', 2000, NULL, 'fixed', 4, 23, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Law No. 2429, art. 2(b)', true),
	('TR', 'Labour and Solidarity Day', 2009, NULL, 'fixed', 5, 1, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Law No. 2429, art. 2, as amended by Law No. 5892 of 2009', true),
	('TR', 'Commemoration of Atatürk, Youth and Sports Day', 2000, NULL, 'fixed', 5, 19, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Law No. 2429, art. 2(c)', true),
	('TR', 'Democracy and National Unity Day', 2017, NULL, 'fixed', 7, 15, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Law No. 2429, art. 2, as amended in 2016 (a holiday from 2017)', true),
	('TR', 'Victory Day', 2000, NULL, 'fixed', 8, 30, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Law No. 2429, art. 2(ç)', true),
	('TR', 'Republic Day Eve', 2000, NULL, 'fixed', 10, 28, NULL, NULL, 0, 1, 'none', 'none', 'half_day', '13:00', 'Law No. 2429, art. 1: Cumhuriyet Bayramı begins on 28 October at 13:00', true),
	('TR', 'Republic Day', 2000, NULL, 'fixed', 10, 29, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Law No. 2429, art. 1', true),
	('TR', 'Ramadan Feast Eve', 2000, NULL, 'hijri', 10, 1, NULL, NULL, -1, 1, 'none', 'none', 'half_day', '13:00', 'Law No. 2429, art. 2(d): Ramazan Bayramı from its eve (arife) at 13:00; dates: Diyanet İşleri Başkanlığı', true),
	('TR', 'Ramadan Feast', 2000, NULL, 'hijri', 10, 1, NULL, NULL, 0, 3, 'none', 'none', 'holiday', NULL, 'Law No. 2429, art. 2(d): Ramazan Bayramı, 1 to 3 Şevval; dates: Diyanet İşleri Başkanlığı', true),
	('TR', 'Sacrifice Feast Eve', 2000, NULL, 'hijri', 12, 10, NULL, NULL, -1, 1, 'none', 'none', 'half_day', '13:00', 'Law No. 2429, art. 2(e): Kurban Bayramı from its eve (arife) at 13:00; dates: Diyanet İşleri Başkanlığı', true),
	('TR', 'Sacrifice Feast', 2000, NULL, 'hijri', 12, 10, NULL, NULL, 0, 4, 'none', 'none', 'holiday', NULL, 'Law No. 2429, art. 2(e): Kurban Bayramı, 10 to 13 Zilhicce; dates: Diyanet İşleri Başkanlığı', true),
	('SA', 'Founding Day', 2022, NULL, 'fixed', 2, 22, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Royal Order A/371 of 27 January 2022 (24 Jumada al-Akhirah 1443): 22 February, Founding Day, an official holiday', true),
	('SA', 'National Day', 2005, NULL, 'fixed', 9, 23, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Council of Ministers decision of 2005 making 23 September (National Day) an official holiday; Labour Law implementing regulations (holidays)', true),
	('SA', 'Eid al-Fitr', 2000, NULL, 'hijri', 9, 29, NULL, NULL, 1, 4, 'none', 'none', 'holiday', NULL, 'Labour Law (Royal Decree M/51 of 2005), art. 112, and its implementing regulations: four days from the day after 29 Ramadan; dates: Umm al-Qura calendar, corrected by the Supreme Court''s announcements', true),
	('SA', 'Eid al-Adha', 2000, NULL, 'hijri', 12, 9, NULL, NULL, 0, 4, 'none', 'none', 'holiday', NULL, 'Labour Law (Royal Decree M/51 of 2005), art. 112, and its implementing regulations: four days from the Day of Arafah (9 Dhu al-Hijjah); dates: Umm al-Qura calendar, corrected by the Supreme Court''s announcements', true);
-- CN: the rest days and working days each year's State Council notice moves (调休), beyond the
-- statutory days above; from the notices of 2007 to 2026 (dates of late December can come from the
-- next year's notice).
INSERT INTO @extschema@.holiday_rule (region, name, first_year, last_year, rule, month, day, weekday, nth,
	offset_days, duration_days, on_saturday, on_sunday, kind, closes_at, source, shipped) VALUES
	('CN', 'Moved working day', 2006, 2006, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2007年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2008-03/28/content_1761.htm)', true),
	('CN', 'Moved rest day', 2007, 2007, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2007年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2008-03/28/content_1761.htm); 国务院办公厅关于2008年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2008-03/28/content_1645.htm)', true),
	('CN', 'Moved working day', 2007, 2007, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2007年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2008-03/28/content_1761.htm); 国务院办公厅关于2008年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2008-03/28/content_1645.htm)', true),
	('CN', 'Moved rest day', 2008, 2008, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2008年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2008-03/28/content_1645.htm)', true),
	('CN', 'Moved working day', 2008, 2008, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2008年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2008-03/28/content_1645.htm)', true),
	('CN', 'Moved rest day', 2009, 2009, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2009年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2008-12/10/content_1572.htm)', true),
	('CN', 'Moved working day', 2009, 2009, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2009年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2008-12/10/content_1572.htm)', true),
	('CN', 'Moved rest day', 2010, 2010, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2010年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2009-12/08/content_1476.htm)', true),
	('CN', 'Moved working day', 2010, 2010, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2010年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2009-12/08/content_1476.htm)', true),
	('CN', 'Moved rest day', 2011, 2011, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2011年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2010-12/10/content_1423.htm)', true),
	('CN', 'Moved working day', 2011, 2011, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2011年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2010-12/10/content_1423.htm); 国务院办公厅关于2012年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2011-12/06/content_1411.htm)', true),
	('CN', 'Moved rest day', 2012, 2012, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2012年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2011-12/06/content_1411.htm)', true),
	('CN', 'Moved working day', 2012, 2012, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2012年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2011-12/06/content_1411.htm)', true),
	('CN', 'Moved rest day', 2013, 2013, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2013年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2012-12/10/content_1353.htm)', true),
	('CN', 'Moved working day', 2013, 2013, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2013年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2012-12/10/content_1353.htm)', true),
	('CN', 'Moved rest day', 2014, 2014, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2014年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2014-01/02/content_1194.htm)', true),
	('CN', 'Moved working day', 2014, 2014, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2014年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2014-01/02/content_1194.htm)', true),
	('CN', 'Moved rest day', 2015, 2015, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2015年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2014-12/16/content_9302.htm, https://www.gov.cn/zhengce/zhengceku/2015-05/13/content_9742.htm)', true),
	('CN', 'Moved working day', 2015, 2015, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2015年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2014-12/16/content_9302.htm, https://www.gov.cn/zhengce/zhengceku/2015-05/13/content_9742.htm)', true),
	('CN', 'Moved rest day', 2016, 2016, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2016年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2015-12/10/content_10394.htm)', true),
	('CN', 'Moved working day', 2016, 2016, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2016年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2015-12/10/content_10394.htm)', true),
	('CN', 'Moved rest day', 2017, 2017, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2017年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2016-12/01/content_5141603.htm)', true),
	('CN', 'Moved working day', 2017, 2017, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2017年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2016-12/01/content_5141603.htm)', true),
	('CN', 'Moved rest day', 2018, 2018, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2018年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2017-11/30/content_5243579.htm); 国务院办公厅关于2019年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm, https://www.gov.cn/zhengce/zhengceku/2019-03/22/content_5375877.htm)', true),
	('CN', 'Moved working day', 2018, 2018, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2018年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2017-11/30/content_5243579.htm); 国务院办公厅关于2019年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm, https://www.gov.cn/zhengce/zhengceku/2019-03/22/content_5375877.htm)', true),
	('CN', 'Moved rest day', 2019, 2019, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2019年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm, https://www.gov.cn/zhengce/zhengceku/2019-03/22/content_5375877.htm)', true),
	('CN', 'Moved working day', 2019, 2019, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2019年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm, https://www.gov.cn/zhengce/zhengceku/2019-03/22/content_5375877.htm)', true),
	('CN', 'Moved rest day', 2020, 2020, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2020年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm, https://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm)', true),
	('CN', 'Moved working day', 2020, 2020, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2020年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm, https://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm)', true),
	('CN', 'Moved rest day', 2021, 2021, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2021年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2020-11/25/content_5564127.htm)', true),
	('CN', 'Moved working day', 2021, 2021, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2021年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2020-11/25/content_5564127.htm)', true),
	('CN', 'Moved rest day', 2022, 2022, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2022年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2021-10/25/content_5644835.htm)', true),
	('CN', 'Moved working day', 2022, 2022, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2022年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2021-10/25/content_5644835.htm)', true),
	('CN', 'Moved rest day', 2023, 2023, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2023年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2022-12/08/content_5730844.htm)', true),
	('CN', 'Moved working day', 2023, 2023, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2023年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/2022-12/08/content_5730844.htm)', true),
	('CN', 'Moved rest day', 2024, 2024, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2024年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm)', true),
	('CN', 'Moved working day', 2024, 2024, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2024年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm)', true),
	('CN', 'Moved rest day', 2025, 2025, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2025年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm)', true),
	('CN', 'Moved working day', 2025, 2025, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2025年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm)', true),
	('CN', 'Moved rest day', 2026, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2026年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm)', true),
	('CN', 'Moved working day', 2026, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'working_day', NULL, 'State Council General Office notice on the holiday arrangements (调休): 国务院办公厅关于2026年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm)', true);

INSERT INTO @extschema@.holiday_date (region, name, first_year, day, shipped) VALUES
	('CN', 'Moved working day', 2006, '2006-12-30', true),
	('CN', 'Moved working day', 2006, '2006-12-31', true),
	('CN', 'Moved rest day', 2007, '2007-01-02', true),
	('CN', 'Moved rest day', 2007, '2007-01-03', true),
	('CN', 'Moved rest day', 2007, '2007-02-21', true),
	('CN', 'Moved rest day', 2007, '2007-02-22', true),
	('CN', 'Moved rest day', 2007, '2007-02-23', true),
	('CN', 'Moved rest day', 2007, '2007-05-04', true),
	('CN', 'Moved rest day', 2007, '2007-05-07', true),
	('CN', 'Moved rest day', 2007, '2007-10-04', true),
	('CN', 'Moved rest day', 2007, '2007-10-05', true),
	('CN', 'Moved rest day', 2007, '2007-12-31', true),
	('CN', 'Moved working day', 2007, '2007-02-17', true),
	('CN', 'Moved working day', 2007, '2007-02-25', true),
	('CN', 'Moved working day', 2007, '2007-04-28', true),
	('CN', 'Moved working day', 2007, '2007-04-29', true),
	('CN', 'Moved working day', 2007, '2007-09-29', true),
	('CN', 'Moved working day', 2007, '2007-09-30', true),
	('CN', 'Moved working day', 2007, '2007-12-29', true),
	('CN', 'Moved rest day', 2008, '2008-02-11', true),
	('CN', 'Moved rest day', 2008, '2008-02-12', true),
	('CN', 'Moved rest day', 2008, '2008-05-02', true),
	('CN', 'Moved rest day', 2008, '2008-06-09', true),
	('CN', 'Moved rest day', 2008, '2008-09-15', true),
	('CN', 'Moved rest day', 2008, '2008-09-29', true),
	('CN', 'Moved rest day', 2008, '2008-09-30', true),
	('CN', 'Moved working day', 2008, '2008-02-02', true),
	('CN', 'Moved working day', 2008, '2008-02-03', true),
	('CN', 'Moved working day', 2008, '2008-05-04', true),
	('CN', 'Moved working day', 2008, '2008-09-27', true),
	('CN', 'Moved working day', 2008, '2008-09-28', true),
	('CN', 'Moved rest day', 2009, '2009-01-02', true),
	('CN', 'Moved rest day', 2009, '2009-01-28', true),
	('CN', 'Moved rest day', 2009, '2009-01-29', true),
	('CN', 'Moved rest day', 2009, '2009-01-30', true),
	('CN', 'Moved rest day', 2009, '2009-04-06', true),
	('CN', 'Moved rest day', 2009, '2009-05-29', true),
	('CN', 'Moved rest day', 2009, '2009-10-05', true),
	('CN', 'Moved rest day', 2009, '2009-10-06', true),
	('CN', 'Moved rest day', 2009, '2009-10-07', true),
	('CN', 'Moved rest day', 2009, '2009-10-08', true),
	('CN', 'Moved working day', 2009, '2009-01-04', true),
	('CN', 'Moved working day', 2009, '2009-01-24', true),
	('CN', 'Moved working day', 2009, '2009-02-01', true),
	('CN', 'Moved working day', 2009, '2009-05-31', true),
	('CN', 'Moved working day', 2009, '2009-09-27', true),
	('CN', 'Moved working day', 2009, '2009-10-10', true),
	('CN', 'Moved rest day', 2010, '2010-02-16', true),
	('CN', 'Moved rest day', 2010, '2010-02-17', true),
	('CN', 'Moved rest day', 2010, '2010-02-18', true),
	('CN', 'Moved rest day', 2010, '2010-02-19', true),
	('CN', 'Moved rest day', 2010, '2010-05-03', true),
	('CN', 'Moved rest day', 2010, '2010-06-14', true),
	('CN', 'Moved rest day', 2010, '2010-06-15', true),
	('CN', 'Moved rest day', 2010, '2010-09-23', true),
	('CN', 'Moved rest day', 2010, '2010-09-24', true),
	('CN', 'Moved rest day', 2010, '2010-10-04', true),
	('CN', 'Moved rest day', 2010, '2010-10-05', true),
	('CN', 'Moved rest day', 2010, '2010-10-06', true),
	('CN', 'Moved rest day', 2010, '2010-10-07', true),
	('CN', 'Moved working day', 2010, '2010-02-20', true),
	('CN', 'Moved working day', 2010, '2010-02-21', true),
	('CN', 'Moved working day', 2010, '2010-06-12', true),
	('CN', 'Moved working day', 2010, '2010-06-13', true),
	('CN', 'Moved working day', 2010, '2010-09-19', true),
	('CN', 'Moved working day', 2010, '2010-09-25', true),
	('CN', 'Moved working day', 2010, '2010-09-26', true),
	('CN', 'Moved working day', 2010, '2010-10-09', true),
	('CN', 'Moved rest day', 2011, '2011-01-03', true),
	('CN', 'Moved rest day', 2011, '2011-02-07', true),
	('CN', 'Moved rest day', 2011, '2011-02-08', true),
	('CN', 'Moved rest day', 2011, '2011-04-04', true),
	('CN', 'Moved rest day', 2011, '2011-05-02', true),
	('CN', 'Moved rest day', 2011, '2011-10-04', true),
	('CN', 'Moved rest day', 2011, '2011-10-05', true),
	('CN', 'Moved rest day', 2011, '2011-10-06', true),
	('CN', 'Moved rest day', 2011, '2011-10-07', true),
	('CN', 'Moved working day', 2011, '2011-01-30', true),
	('CN', 'Moved working day', 2011, '2011-02-12', true),
	('CN', 'Moved working day', 2011, '2011-04-02', true),
	('CN', 'Moved working day', 2011, '2011-10-08', true),
	('CN', 'Moved working day', 2011, '2011-10-09', true),
	('CN', 'Moved working day', 2011, '2011-12-31', true),
	('CN', 'Moved rest day', 2012, '2012-01-02', true),
	('CN', 'Moved rest day', 2012, '2012-01-03', true),
	('CN', 'Moved rest day', 2012, '2012-01-25', true),
	('CN', 'Moved rest day', 2012, '2012-01-26', true),
	('CN', 'Moved rest day', 2012, '2012-01-27', true),
	('CN', 'Moved rest day', 2012, '2012-04-02', true),
	('CN', 'Moved rest day', 2012, '2012-04-03', true),
	('CN', 'Moved rest day', 2012, '2012-04-30', true),
	('CN', 'Moved rest day', 2012, '2012-06-22', true),
	('CN', 'Moved rest day', 2012, '2012-10-04', true),
	('CN', 'Moved rest day', 2012, '2012-10-05', true),
	('CN', 'Moved working day', 2012, '2012-01-21', true),
	('CN', 'Moved working day', 2012, '2012-01-29', true),
	('CN', 'Moved working day', 2012, '2012-03-31', true),
	('CN', 'Moved working day', 2012, '2012-04-01', true),
	('CN', 'Moved working day', 2012, '2012-04-28', true),
	('CN', 'Moved working day', 2012, '2012-09-29', true),
	('CN', 'Moved rest day', 2013, '2013-01-02', true),
	('CN', 'Moved rest day', 2013, '2013-01-03', true),
	('CN', 'Moved rest day', 2013, '2013-02-12', true),
	('CN', 'Moved rest day', 2013, '2013-02-13', true),
	('CN', 'Moved rest day', 2013, '2013-02-14', true),
	('CN', 'Moved rest day', 2013, '2013-02-15', true),
	('CN', 'Moved rest day', 2013, '2013-04-05', true),
	('CN', 'Moved rest day', 2013, '2013-04-29', true),
	('CN', 'Moved rest day', 2013, '2013-04-30', true),
	('CN', 'Moved rest day', 2013, '2013-06-10', true),
	('CN', 'Moved rest day', 2013, '2013-06-11', true),
	('CN', 'Moved rest day', 2013, '2013-09-20', true),
	('CN', 'Moved rest day', 2013, '2013-10-04', true),
	('CN', 'Moved rest day', 2013, '2013-10-07', true),
	('CN', 'Moved working day', 2013, '2013-01-05', true),
	('CN', 'Moved working day', 2013, '2013-01-06', true),
	('CN', 'Moved working day', 2013, '2013-02-16', true),
	('CN', 'Moved working day', 2013, '2013-02-17', true),
	('CN', 'Moved working day', 2013, '2013-04-07', true),
	('CN', 'Moved working day', 2013, '2013-04-27', true),
	('CN', 'Moved working day', 2013, '2013-04-28', true),
	('CN', 'Moved working day', 2013, '2013-06-08', true),
	('CN', 'Moved working day', 2013, '2013-06-09', true),
	('CN', 'Moved working day', 2013, '2013-09-22', true),
	('CN', 'Moved working day', 2013, '2013-09-29', true),
	('CN', 'Moved working day', 2013, '2013-10-12', true),
	('CN', 'Moved rest day', 2014, '2014-02-03', true),
	('CN', 'Moved rest day', 2014, '2014-02-04', true),
	('CN', 'Moved rest day', 2014, '2014-02-05', true),
	('CN', 'Moved rest day', 2014, '2014-02-06', true),
	('CN', 'Moved rest day', 2014, '2014-04-07', true),
	('CN', 'Moved rest day', 2014, '2014-05-02', true),
	('CN', 'Moved rest day', 2014, '2014-10-06', true),
	('CN', 'Moved rest day', 2014, '2014-10-07', true),
	('CN', 'Moved working day', 2014, '2014-01-26', true),
	('CN', 'Moved working day', 2014, '2014-02-08', true),
	('CN', 'Moved working day', 2014, '2014-05-04', true),
	('CN', 'Moved working day', 2014, '2014-09-28', true),
	('CN', 'Moved working day', 2014, '2014-10-11', true),
	('CN', 'Moved rest day', 2015, '2015-01-02', true),
	('CN', 'Moved rest day', 2015, '2015-02-18', true),
	('CN', 'Moved rest day', 2015, '2015-02-23', true),
	('CN', 'Moved rest day', 2015, '2015-02-24', true),
	('CN', 'Moved rest day', 2015, '2015-04-06', true),
	('CN', 'Moved rest day', 2015, '2015-06-22', true),
	('CN', 'Moved rest day', 2015, '2015-09-03', true),
	('CN', 'Moved rest day', 2015, '2015-09-04', true),
	('CN', 'Moved rest day', 2015, '2015-10-05', true),
	('CN', 'Moved rest day', 2015, '2015-10-06', true),
	('CN', 'Moved rest day', 2015, '2015-10-07', true),
	('CN', 'Moved working day', 2015, '2015-01-04', true),
	('CN', 'Moved working day', 2015, '2015-02-15', true),
	('CN', 'Moved working day', 2015, '2015-02-28', true),
	('CN', 'Moved working day', 2015, '2015-09-06', true),
	('CN', 'Moved working day', 2015, '2015-10-10', true),
	('CN', 'Moved rest day', 2016, '2016-02-11', true),
	('CN', 'Moved rest day', 2016, '2016-02-12', true),
	('CN', 'Moved rest day', 2016, '2016-05-02', true),
	('CN', 'Moved rest day', 2016, '2016-06-10', true),
	('CN', 'Moved rest day', 2016, '2016-09-16', true),
	('CN', 'Moved rest day', 2016, '2016-10-04', true),
	('CN', 'Moved rest day', 2016, '2016-10-05', true),
	('CN', 'Moved rest day', 2016, '2016-10-06', true),
	('CN', 'Moved rest day', 2016, '2016-10-07', true),
	('CN', 'Moved working day', 2016, '2016-02-06', true),
	('CN', 'Moved working day', 2016, '2016-02-14', true),
	('CN', 'Moved working day', 2016, '2016-06-12', true),
	('CN', 'Moved working day', 2016, '2016-09-18', true),
	('CN', 'Moved working day', 2016, '2016-10-08', true),
	('CN', 'Moved working day', 2016, '2016-10-09', true),
	('CN', 'Moved rest day', 2017, '2017-01-02', true),
	('CN', 'Moved rest day', 2017, '2017-01-27', true),
	('CN', 'Moved rest day', 2017, '2017-01-31', true),
	('CN', 'Moved rest day', 2017, '2017-02-01', true),
	('CN', 'Moved rest day', 2017, '2017-02-02', true),
	('CN', 'Moved rest day', 2017, '2017-04-03', true),
	('CN', 'Moved rest day', 2017, '2017-05-29', true),
	('CN', 'Moved rest day', 2017, '2017-10-05', true),
	('CN', 'Moved rest day', 2017, '2017-10-06', true),
	('CN', 'Moved working day', 2017, '2017-01-22', true),
	('CN', 'Moved working day', 2017, '2017-02-04', true),
	('CN', 'Moved working day', 2017, '2017-04-01', true),
	('CN', 'Moved working day', 2017, '2017-05-27', true),
	('CN', 'Moved working day', 2017, '2017-09-30', true),
	('CN', 'Moved rest day', 2018, '2018-02-15', true),
	('CN', 'Moved rest day', 2018, '2018-02-19', true),
	('CN', 'Moved rest day', 2018, '2018-02-20', true),
	('CN', 'Moved rest day', 2018, '2018-02-21', true),
	('CN', 'Moved rest day', 2018, '2018-04-06', true),
	('CN', 'Moved rest day', 2018, '2018-04-30', true),
	('CN', 'Moved rest day', 2018, '2018-10-04', true),
	('CN', 'Moved rest day', 2018, '2018-10-05', true),
	('CN', 'Moved rest day', 2018, '2018-12-31', true),
	('CN', 'Moved working day', 2018, '2018-02-11', true),
	('CN', 'Moved working day', 2018, '2018-02-24', true),
	('CN', 'Moved working day', 2018, '2018-04-08', true),
	('CN', 'Moved working day', 2018, '2018-04-28', true),
	('CN', 'Moved working day', 2018, '2018-09-29', true),
	('CN', 'Moved working day', 2018, '2018-09-30', true),
	('CN', 'Moved working day', 2018, '2018-12-29', true),
	('CN', 'Moved rest day', 2019, '2019-02-04', true),
	('CN', 'Moved rest day', 2019, '2019-02-08', true),
	('CN', 'Moved rest day', 2019, '2019-05-02', true),
	('CN', 'Moved rest day', 2019, '2019-05-03', true),
	('CN', 'Moved rest day', 2019, '2019-10-04', true),
	('CN', 'Moved rest day', 2019, '2019-10-07', true),
	('CN', 'Moved working day', 2019, '2019-02-02', true),
	('CN', 'Moved working day', 2019, '2019-02-03', true),
	('CN', 'Moved working day', 2019, '2019-04-28', true),
	('CN', 'Moved working day', 2019, '2019-05-05', true),
	('CN', 'Moved working day', 2019, '2019-09-29', true),
	('CN', 'Moved working day', 2019, '2019-10-12', true),
	('CN', 'Moved rest day', 2020, '2020-01-24', true),
	('CN', 'Moved rest day', 2020, '2020-01-28', true),
	('CN', 'Moved rest day', 2020, '2020-01-29', true),
	('CN', 'Moved rest day', 2020, '2020-01-30', true),
	('CN', 'Moved rest day', 2020, '2020-01-31', true),
	('CN', 'Moved rest day', 2020, '2020-04-06', true),
	('CN', 'Moved rest day', 2020, '2020-05-04', true),
	('CN', 'Moved rest day', 2020, '2020-05-05', true),
	('CN', 'Moved rest day', 2020, '2020-06-26', true),
	('CN', 'Moved rest day', 2020, '2020-10-05', true),
	('CN', 'Moved rest day', 2020, '2020-10-06', true),
	('CN', 'Moved rest day', 2020, '2020-10-07', true),
	('CN', 'Moved rest day', 2020, '2020-10-08', true),
	('CN', 'Moved working day', 2020, '2020-01-19', true),
	('CN', 'Moved working day', 2020, '2020-04-26', true),
	('CN', 'Moved working day', 2020, '2020-05-09', true),
	('CN', 'Moved working day', 2020, '2020-06-28', true),
	('CN', 'Moved working day', 2020, '2020-09-27', true),
	('CN', 'Moved working day', 2020, '2020-10-10', true),
	('CN', 'Moved rest day', 2021, '2021-02-11', true),
	('CN', 'Moved rest day', 2021, '2021-02-15', true),
	('CN', 'Moved rest day', 2021, '2021-02-16', true),
	('CN', 'Moved rest day', 2021, '2021-02-17', true),
	('CN', 'Moved rest day', 2021, '2021-04-05', true),
	('CN', 'Moved rest day', 2021, '2021-05-03', true),
	('CN', 'Moved rest day', 2021, '2021-05-04', true),
	('CN', 'Moved rest day', 2021, '2021-05-05', true),
	('CN', 'Moved rest day', 2021, '2021-09-20', true),
	('CN', 'Moved rest day', 2021, '2021-10-04', true),
	('CN', 'Moved rest day', 2021, '2021-10-05', true),
	('CN', 'Moved rest day', 2021, '2021-10-06', true),
	('CN', 'Moved rest day', 2021, '2021-10-07', true),
	('CN', 'Moved working day', 2021, '2021-02-07', true),
	('CN', 'Moved working day', 2021, '2021-02-20', true),
	('CN', 'Moved working day', 2021, '2021-04-25', true),
	('CN', 'Moved working day', 2021, '2021-05-08', true),
	('CN', 'Moved working day', 2021, '2021-09-18', true),
	('CN', 'Moved working day', 2021, '2021-09-26', true),
	('CN', 'Moved working day', 2021, '2021-10-09', true),
	('CN', 'Moved rest day', 2022, '2022-01-03', true),
	('CN', 'Moved rest day', 2022, '2022-01-31', true),
	('CN', 'Moved rest day', 2022, '2022-02-04', true),
	('CN', 'Moved rest day', 2022, '2022-04-04', true),
	('CN', 'Moved rest day', 2022, '2022-05-02', true),
	('CN', 'Moved rest day', 2022, '2022-05-03', true),
	('CN', 'Moved rest day', 2022, '2022-05-04', true),
	('CN', 'Moved rest day', 2022, '2022-09-12', true),
	('CN', 'Moved rest day', 2022, '2022-10-04', true),
	('CN', 'Moved rest day', 2022, '2022-10-05', true),
	('CN', 'Moved rest day', 2022, '2022-10-06', true),
	('CN', 'Moved rest day', 2022, '2022-10-07', true),
	('CN', 'Moved working day', 2022, '2022-01-29', true),
	('CN', 'Moved working day', 2022, '2022-01-30', true),
	('CN', 'Moved working day', 2022, '2022-04-02', true),
	('CN', 'Moved working day', 2022, '2022-04-24', true),
	('CN', 'Moved working day', 2022, '2022-05-07', true),
	('CN', 'Moved working day', 2022, '2022-10-08', true),
	('CN', 'Moved working day', 2022, '2022-10-09', true),
	('CN', 'Moved rest day', 2023, '2023-01-02', true),
	('CN', 'Moved rest day', 2023, '2023-01-25', true),
	('CN', 'Moved rest day', 2023, '2023-01-26', true),
	('CN', 'Moved rest day', 2023, '2023-01-27', true),
	('CN', 'Moved rest day', 2023, '2023-05-02', true),
	('CN', 'Moved rest day', 2023, '2023-05-03', true),
	('CN', 'Moved rest day', 2023, '2023-06-23', true),
	('CN', 'Moved rest day', 2023, '2023-10-04', true),
	('CN', 'Moved rest day', 2023, '2023-10-05', true),
	('CN', 'Moved rest day', 2023, '2023-10-06', true),
	('CN', 'Moved working day', 2023, '2023-01-28', true),
	('CN', 'Moved working day', 2023, '2023-01-29', true),
	('CN', 'Moved working day', 2023, '2023-04-23', true),
	('CN', 'Moved working day', 2023, '2023-05-06', true),
	('CN', 'Moved working day', 2023, '2023-06-25', true),
	('CN', 'Moved working day', 2023, '2023-10-07', true),
	('CN', 'Moved working day', 2023, '2023-10-08', true),
	('CN', 'Moved rest day', 2024, '2024-02-13', true),
	('CN', 'Moved rest day', 2024, '2024-02-14', true),
	('CN', 'Moved rest day', 2024, '2024-02-15', true),
	('CN', 'Moved rest day', 2024, '2024-02-16', true),
	('CN', 'Moved rest day', 2024, '2024-04-05', true),
	('CN', 'Moved rest day', 2024, '2024-05-02', true),
	('CN', 'Moved rest day', 2024, '2024-05-03', true),
	('CN', 'Moved rest day', 2024, '2024-09-16', true),
	('CN', 'Moved rest day', 2024, '2024-10-04', true),
	('CN', 'Moved rest day', 2024, '2024-10-07', true),
	('CN', 'Moved working day', 2024, '2024-02-04', true),
	('CN', 'Moved working day', 2024, '2024-02-18', true),
	('CN', 'Moved working day', 2024, '2024-04-07', true),
	('CN', 'Moved working day', 2024, '2024-04-28', true),
	('CN', 'Moved working day', 2024, '2024-05-11', true),
	('CN', 'Moved working day', 2024, '2024-09-14', true),
	('CN', 'Moved working day', 2024, '2024-09-29', true),
	('CN', 'Moved working day', 2024, '2024-10-12', true),
	('CN', 'Moved rest day', 2025, '2025-02-03', true),
	('CN', 'Moved rest day', 2025, '2025-02-04', true),
	('CN', 'Moved rest day', 2025, '2025-05-05', true),
	('CN', 'Moved rest day', 2025, '2025-06-02', true),
	('CN', 'Moved rest day', 2025, '2025-10-07', true),
	('CN', 'Moved rest day', 2025, '2025-10-08', true),
	('CN', 'Moved working day', 2025, '2025-01-26', true),
	('CN', 'Moved working day', 2025, '2025-02-08', true),
	('CN', 'Moved working day', 2025, '2025-04-27', true),
	('CN', 'Moved working day', 2025, '2025-09-28', true),
	('CN', 'Moved working day', 2025, '2025-10-11', true),
	('CN', 'Moved rest day', 2026, '2026-01-02', true),
	('CN', 'Moved rest day', 2026, '2026-02-20', true),
	('CN', 'Moved rest day', 2026, '2026-02-23', true),
	('CN', 'Moved rest day', 2026, '2026-04-06', true),
	('CN', 'Moved rest day', 2026, '2026-05-04', true),
	('CN', 'Moved rest day', 2026, '2026-05-05', true),
	('CN', 'Moved rest day', 2026, '2026-10-05', true),
	('CN', 'Moved rest day', 2026, '2026-10-06', true),
	('CN', 'Moved rest day', 2026, '2026-10-07', true),
	('CN', 'Moved working day', 2026, '2026-01-04', true),
	('CN', 'Moved working day', 2026, '2026-02-14', true),
	('CN', 'Moved working day', 2026, '2026-02-28', true),
	('CN', 'Moved working day', 2026, '2026-05-09', true),
	('CN', 'Moved working day', 2026, '2026-09-20', true),
	('CN', 'Moved working day', 2026, '2026-10-10', true);

-- IN: the rest of the 14 compulsory holidays of central government offices (DoPT's yearly O.M.):
-- Christmas and Good Friday by rule, the others as the dated lists of the O.M.s found for 2018-2026
INSERT INTO @extschema@.holiday_rule (region, name, first_year, last_year, rule, month, day, weekday, nth,
		offset_days, duration_days, on_saturday, on_sunday, kind, closes_at, source, shipped) VALUES
	('IN', 'Christmas Day', 2013, NULL, 'fixed', 12, 25, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. on holidays to be observed in central government offices, compulsory holidays (para 2): on the list of every O.M. read, for 2013 (F.No.12/4/2012-JCA-2 of 5 June 2012), 2015, 2016 and 2024 to 2026', true),
	('IN', 'Good Friday', 2013, NULL, 'easter', NULL, NULL, NULL, NULL, -2, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. on holidays to be observed in central government offices, compulsory holidays (para 2): on the list of every O.M. read, for 2013 (F.No.12/4/2012-JCA-2 of 5 June 2012), 2015, 2016 and 2024 to 2026', true),
	('IN', 'Mahavir Jayanti', 2018, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. "Holidays to be observed in central government offices", compulsory holiday (para 2), date from Annexure I: 2018: O.M. No. 12/3/2017-JCA-2 of 14 June 2017 (as reprinted, e.g. 7thpaycommissionnews.in, oneindia.com); 2019: O.M. No. 12/2/2018-JCA-2 of 11 July 2018 (as forwarded by the Department of Posts'' letter No. 21-1/2018-PE-II of 1 November 2018, reprinted e.g. by 7thpaycommissionnews.com, whose Diwali "October-08" is a misprint beside its Saka date Kartika 05, a Sunday: 27 October, as in the other lists read, e.g. AIIMS Bhubaneswar''s); 2020: O.M. No. 12/1/2019-JCA-2 of 18 June 2019 (Annexure I as reprinted, e.g. govtempdiary.com; the same dates in the Karnataka and Tamil Nadu coordination committees'' lists); 2021: O.M. No. 12/9/2020-JCA-2 of 10 June 2020 (as reprinted, e.g. staffnews.in, with the Railway Board letter No. 2020/E(LR)III/LR/HL1/1 of 27 August 2020 that forwards it); 2022: O.M. No. 12/5/2021-JCA-2 of 8 June 2021 (as reprinted, e.g. igecorner.com; the same dates in livemint.com, 25 December 2021); 2023: O.M. No. 12/5/2022-JCA of 16 June 2022 (as reprinted, e.g. edudwar.com, shikshapress.com; the same dates in the 2023 list of the Controller of Communication Accounts, Mumbai, on cgca.gov.in); 2024: O.M. of 3 July 2023 (as reprinted, e.g. 7thpaycommissionnews.in; the same dates in the Government of NCT of Delhi list); 2025: O.M. No. 12/2/2023-JCA of 9 July 2024, Annexure I (as reprinted, e.g. cgstaffportal.in; Department of Posts letter Y-21/2/2024-PE-II-DOP of 10 October 2024 forwards it); 2026: O.M. of July 2025, Annexure I (as reported by Sakshi Post, 8 July 2025)', true),
	('IN', 'Buddha Purnima', 2018, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. "Holidays to be observed in central government offices", compulsory holiday (para 2), date from Annexure I: 2018: O.M. No. 12/3/2017-JCA-2 of 14 June 2017 (as reprinted, e.g. 7thpaycommissionnews.in, oneindia.com); 2019: O.M. No. 12/2/2018-JCA-2 of 11 July 2018 (as forwarded by the Department of Posts'' letter No. 21-1/2018-PE-II of 1 November 2018, reprinted e.g. by 7thpaycommissionnews.com, whose Diwali "October-08" is a misprint beside its Saka date Kartika 05, a Sunday: 27 October, as in the other lists read, e.g. AIIMS Bhubaneswar''s); 2020: O.M. No. 12/1/2019-JCA-2 of 18 June 2019 (Annexure I as reprinted, e.g. govtempdiary.com; the same dates in the Karnataka and Tamil Nadu coordination committees'' lists); 2021: O.M. No. 12/9/2020-JCA-2 of 10 June 2020 (as reprinted, e.g. staffnews.in, with the Railway Board letter No. 2020/E(LR)III/LR/HL1/1 of 27 August 2020 that forwards it); 2022: O.M. No. 12/5/2021-JCA-2 of 8 June 2021 (as reprinted, e.g. igecorner.com; the same dates in livemint.com, 25 December 2021); 2023: O.M. No. 12/5/2022-JCA of 16 June 2022 (as reprinted, e.g. edudwar.com, shikshapress.com; the same dates in the 2023 list of the Controller of Communication Accounts, Mumbai, on cgca.gov.in); 2024: O.M. of 3 July 2023 (as reprinted, e.g. 7thpaycommissionnews.in; the same dates in the Government of NCT of Delhi list); 2025: O.M. No. 12/2/2023-JCA of 9 July 2024, Annexure I (as reprinted, e.g. cgstaffportal.in; Department of Posts letter Y-21/2/2024-PE-II-DOP of 10 October 2024 forwards it); 2026: O.M. of July 2025, Annexure I (as reported by Sakshi Post, 8 July 2025)', true),
	('IN', 'Idu''l Fitr', 2018, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. "Holidays to be observed in central government offices", compulsory holiday (para 2), date from Annexure I: 2018: O.M. No. 12/3/2017-JCA-2 of 14 June 2017 (as reprinted, e.g. 7thpaycommissionnews.in, oneindia.com); 2019: O.M. No. 12/2/2018-JCA-2 of 11 July 2018 (as forwarded by the Department of Posts'' letter No. 21-1/2018-PE-II of 1 November 2018, reprinted e.g. by 7thpaycommissionnews.com, whose Diwali "October-08" is a misprint beside its Saka date Kartika 05, a Sunday: 27 October, as in the other lists read, e.g. AIIMS Bhubaneswar''s); 2020: O.M. No. 12/1/2019-JCA-2 of 18 June 2019 (Annexure I as reprinted, e.g. govtempdiary.com; the same dates in the Karnataka and Tamil Nadu coordination committees'' lists); 2021: O.M. No. 12/9/2020-JCA-2 of 10 June 2020 (as reprinted, e.g. staffnews.in, with the Railway Board letter No. 2020/E(LR)III/LR/HL1/1 of 27 August 2020 that forwards it); 2022: O.M. No. 12/5/2021-JCA-2 of 8 June 2021 (as reprinted, e.g. igecorner.com; the same dates in livemint.com, 25 December 2021); 2023: O.M. No. 12/5/2022-JCA of 16 June 2022 (as reprinted, e.g. edudwar.com, shikshapress.com; the same dates in the 2023 list of the Controller of Communication Accounts, Mumbai, on cgca.gov.in); 2024: O.M. of 3 July 2023 (as reprinted, e.g. 7thpaycommissionnews.in; the same dates in the Government of NCT of Delhi list); 2025: O.M. No. 12/2/2023-JCA of 9 July 2024, Annexure I (as reprinted, e.g. cgstaffportal.in; Department of Posts letter Y-21/2/2024-PE-II-DOP of 10 October 2024 forwards it); 2026: O.M. of July 2025, Annexure I (as reported by Sakshi Post, 8 July 2025); the O.M. lets the Ministry change the dates of the four Islamic holidays after the moon is sighted: the dates are as first published, later changes were not checked', true),
	('IN', 'Idu''l Zuha', 2018, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. "Holidays to be observed in central government offices", compulsory holiday (para 2), date from Annexure I: 2018: O.M. No. 12/3/2017-JCA-2 of 14 June 2017 (as reprinted, e.g. 7thpaycommissionnews.in, oneindia.com); 2019: O.M. No. 12/2/2018-JCA-2 of 11 July 2018 (as forwarded by the Department of Posts'' letter No. 21-1/2018-PE-II of 1 November 2018, reprinted e.g. by 7thpaycommissionnews.com, whose Diwali "October-08" is a misprint beside its Saka date Kartika 05, a Sunday: 27 October, as in the other lists read, e.g. AIIMS Bhubaneswar''s); 2020: O.M. No. 12/1/2019-JCA-2 of 18 June 2019 (Annexure I as reprinted, e.g. govtempdiary.com; the same dates in the Karnataka and Tamil Nadu coordination committees'' lists); 2021: O.M. No. 12/9/2020-JCA-2 of 10 June 2020 (as reprinted, e.g. staffnews.in, with the Railway Board letter No. 2020/E(LR)III/LR/HL1/1 of 27 August 2020 that forwards it); 2022: O.M. No. 12/5/2021-JCA-2 of 8 June 2021 (as reprinted, e.g. igecorner.com; the same dates in livemint.com, 25 December 2021); 2023: O.M. No. 12/5/2022-JCA of 16 June 2022 (as reprinted, e.g. edudwar.com, shikshapress.com; the same dates in the 2023 list of the Controller of Communication Accounts, Mumbai, on cgca.gov.in); 2024: O.M. of 3 July 2023 (as reprinted, e.g. 7thpaycommissionnews.in; the same dates in the Government of NCT of Delhi list); 2025: O.M. No. 12/2/2023-JCA of 9 July 2024, Annexure I (as reprinted, e.g. cgstaffportal.in; Department of Posts letter Y-21/2/2024-PE-II-DOP of 10 October 2024 forwards it); 2026: O.M. of July 2025, Annexure I (as reported by Sakshi Post, 8 July 2025); the O.M. lets the Ministry change the dates of the four Islamic holidays after the moon is sighted: the dates are as first published, later changes were not checked except one (in 2018 the Ministry moved Idu''l Zuha in Delhi to 23 August (O.M. No. 12/4/2018-JCA2 of 14 August 2018) and withdrew the move (O.M. of the same number of 20 August 2018), so 22 August stands)', true),
	('IN', 'Muharram', 2018, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. "Holidays to be observed in central government offices", compulsory holiday (para 2), date from Annexure I: 2018: O.M. No. 12/3/2017-JCA-2 of 14 June 2017 (as reprinted, e.g. 7thpaycommissionnews.in, oneindia.com); 2019: O.M. No. 12/2/2018-JCA-2 of 11 July 2018 (as forwarded by the Department of Posts'' letter No. 21-1/2018-PE-II of 1 November 2018, reprinted e.g. by 7thpaycommissionnews.com, whose Diwali "October-08" is a misprint beside its Saka date Kartika 05, a Sunday: 27 October, as in the other lists read, e.g. AIIMS Bhubaneswar''s); 2020: O.M. No. 12/1/2019-JCA-2 of 18 June 2019 (Annexure I as reprinted, e.g. govtempdiary.com; the same dates in the Karnataka and Tamil Nadu coordination committees'' lists); 2021: O.M. No. 12/9/2020-JCA-2 of 10 June 2020 (as reprinted, e.g. staffnews.in, with the Railway Board letter No. 2020/E(LR)III/LR/HL1/1 of 27 August 2020 that forwards it); 2022: O.M. No. 12/5/2021-JCA-2 of 8 June 2021 (as reprinted, e.g. igecorner.com; the same dates in livemint.com, 25 December 2021); 2023: O.M. No. 12/5/2022-JCA of 16 June 2022 (as reprinted, e.g. edudwar.com, shikshapress.com; the same dates in the 2023 list of the Controller of Communication Accounts, Mumbai, on cgca.gov.in); 2024: O.M. of 3 July 2023 (as reprinted, e.g. 7thpaycommissionnews.in; the same dates in the Government of NCT of Delhi list); 2025: O.M. No. 12/2/2023-JCA of 9 July 2024, Annexure I (as reprinted, e.g. cgstaffportal.in; Department of Posts letter Y-21/2/2024-PE-II-DOP of 10 October 2024 forwards it); 2026: O.M. of July 2025, Annexure I (as reported by Sakshi Post, 8 July 2025); the O.M. lets the Ministry change the dates of the four Islamic holidays after the moon is sighted: the dates are as first published, later changes were not checked', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. "Holidays to be observed in central government offices", compulsory holiday (para 2), date from Annexure I: 2018: O.M. No. 12/3/2017-JCA-2 of 14 June 2017 (as reprinted, e.g. 7thpaycommissionnews.in, oneindia.com); 2019: O.M. No. 12/2/2018-JCA-2 of 11 July 2018 (as forwarded by the Department of Posts'' letter No. 21-1/2018-PE-II of 1 November 2018, reprinted e.g. by 7thpaycommissionnews.com, whose Diwali "October-08" is a misprint beside its Saka date Kartika 05, a Sunday: 27 October, as in the other lists read, e.g. AIIMS Bhubaneswar''s); 2020: O.M. No. 12/1/2019-JCA-2 of 18 June 2019 (Annexure I as reprinted, e.g. govtempdiary.com; the same dates in the Karnataka and Tamil Nadu coordination committees'' lists); 2021: O.M. No. 12/9/2020-JCA-2 of 10 June 2020 (as reprinted, e.g. staffnews.in, with the Railway Board letter No. 2020/E(LR)III/LR/HL1/1 of 27 August 2020 that forwards it); 2022: O.M. No. 12/5/2021-JCA-2 of 8 June 2021 (as reprinted, e.g. igecorner.com; the same dates in livemint.com, 25 December 2021); 2023: O.M. No. 12/5/2022-JCA of 16 June 2022 (as reprinted, e.g. edudwar.com, shikshapress.com; the same dates in the 2023 list of the Controller of Communication Accounts, Mumbai, on cgca.gov.in); 2024: O.M. of 3 July 2023 (as reprinted, e.g. 7thpaycommissionnews.in; the same dates in the Government of NCT of Delhi list); 2025: O.M. No. 12/2/2023-JCA of 9 July 2024, Annexure I (as reprinted, e.g. cgstaffportal.in; Department of Posts letter Y-21/2/2024-PE-II-DOP of 10 October 2024 forwards it); 2026: O.M. of July 2025, Annexure I (as reported by Sakshi Post, 8 July 2025); the O.M. lets the Ministry change the dates of the four Islamic holidays after the moon is sighted: the dates are as first published, later changes were not checked', true),
	('IN', 'Dussehra', 2018, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. "Holidays to be observed in central government offices", compulsory holiday (para 2), date from Annexure I: 2018: O.M. No. 12/3/2017-JCA-2 of 14 June 2017 (as reprinted, e.g. 7thpaycommissionnews.in, oneindia.com); 2019: O.M. No. 12/2/2018-JCA-2 of 11 July 2018 (as forwarded by the Department of Posts'' letter No. 21-1/2018-PE-II of 1 November 2018, reprinted e.g. by 7thpaycommissionnews.com, whose Diwali "October-08" is a misprint beside its Saka date Kartika 05, a Sunday: 27 October, as in the other lists read, e.g. AIIMS Bhubaneswar''s); 2020: O.M. No. 12/1/2019-JCA-2 of 18 June 2019 (Annexure I as reprinted, e.g. govtempdiary.com; the same dates in the Karnataka and Tamil Nadu coordination committees'' lists); 2021: O.M. No. 12/9/2020-JCA-2 of 10 June 2020 (as reprinted, e.g. staffnews.in, with the Railway Board letter No. 2020/E(LR)III/LR/HL1/1 of 27 August 2020 that forwards it); 2022: O.M. No. 12/5/2021-JCA-2 of 8 June 2021 (as reprinted, e.g. igecorner.com; the same dates in livemint.com, 25 December 2021); 2023: O.M. No. 12/5/2022-JCA of 16 June 2022 (as reprinted, e.g. edudwar.com, shikshapress.com; the same dates in the 2023 list of the Controller of Communication Accounts, Mumbai, on cgca.gov.in); 2024: O.M. of 3 July 2023 (as reprinted, e.g. 7thpaycommissionnews.in; the same dates in the Government of NCT of Delhi list); 2025: O.M. No. 12/2/2023-JCA of 9 July 2024, Annexure I (as reprinted, e.g. cgstaffportal.in; Department of Posts letter Y-21/2/2024-PE-II-DOP of 10 October 2024 forwards it); 2026: O.M. of July 2025, Annexure I (as reported by Sakshi Post, 8 July 2025)', true),
	('IN', 'Diwali', 2018, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. "Holidays to be observed in central government offices", compulsory holiday (para 2), date from Annexure I: 2018: O.M. No. 12/3/2017-JCA-2 of 14 June 2017 (as reprinted, e.g. 7thpaycommissionnews.in, oneindia.com); 2019: O.M. No. 12/2/2018-JCA-2 of 11 July 2018 (as forwarded by the Department of Posts'' letter No. 21-1/2018-PE-II of 1 November 2018, reprinted e.g. by 7thpaycommissionnews.com, whose Diwali "October-08" is a misprint beside its Saka date Kartika 05, a Sunday: 27 October, as in the other lists read, e.g. AIIMS Bhubaneswar''s); 2020: O.M. No. 12/1/2019-JCA-2 of 18 June 2019 (Annexure I as reprinted, e.g. govtempdiary.com; the same dates in the Karnataka and Tamil Nadu coordination committees'' lists); 2021: O.M. No. 12/9/2020-JCA-2 of 10 June 2020 (as reprinted, e.g. staffnews.in, with the Railway Board letter No. 2020/E(LR)III/LR/HL1/1 of 27 August 2020 that forwards it); 2022: O.M. No. 12/5/2021-JCA-2 of 8 June 2021 (as reprinted, e.g. igecorner.com; the same dates in livemint.com, 25 December 2021); 2023: O.M. No. 12/5/2022-JCA of 16 June 2022 (as reprinted, e.g. edudwar.com, shikshapress.com; the same dates in the 2023 list of the Controller of Communication Accounts, Mumbai, on cgca.gov.in); 2024: O.M. of 3 July 2023 (as reprinted, e.g. 7thpaycommissionnews.in; the same dates in the Government of NCT of Delhi list); 2025: O.M. No. 12/2/2023-JCA of 9 July 2024, Annexure I (as reprinted, e.g. cgstaffportal.in; Department of Posts letter Y-21/2/2024-PE-II-DOP of 10 October 2024 forwards it); 2026: O.M. of July 2025, Annexure I (as reported by Sakshi Post, 8 July 2025)', true),
	('IN', 'Guru Nanak''s Birthday', 2018, 2026, 'dated', NULL, NULL, NULL, NULL, 0, 1, 'none', 'none', 'holiday', NULL, 'Department of Personnel and Training, yearly O.M. "Holidays to be observed in central government offices", compulsory holiday (para 2), date from Annexure I: 2018: O.M. No. 12/3/2017-JCA-2 of 14 June 2017 (as reprinted, e.g. 7thpaycommissionnews.in, oneindia.com); 2019: O.M. No. 12/2/2018-JCA-2 of 11 July 2018 (as forwarded by the Department of Posts'' letter No. 21-1/2018-PE-II of 1 November 2018, reprinted e.g. by 7thpaycommissionnews.com, whose Diwali "October-08" is a misprint beside its Saka date Kartika 05, a Sunday: 27 October, as in the other lists read, e.g. AIIMS Bhubaneswar''s); 2020: O.M. No. 12/1/2019-JCA-2 of 18 June 2019 (Annexure I as reprinted, e.g. govtempdiary.com; the same dates in the Karnataka and Tamil Nadu coordination committees'' lists); 2021: O.M. No. 12/9/2020-JCA-2 of 10 June 2020 (as reprinted, e.g. staffnews.in, with the Railway Board letter No. 2020/E(LR)III/LR/HL1/1 of 27 August 2020 that forwards it); 2022: O.M. No. 12/5/2021-JCA-2 of 8 June 2021 (as reprinted, e.g. igecorner.com; the same dates in livemint.com, 25 December 2021); 2023: O.M. No. 12/5/2022-JCA of 16 June 2022 (as reprinted, e.g. edudwar.com, shikshapress.com; the same dates in the 2023 list of the Controller of Communication Accounts, Mumbai, on cgca.gov.in); 2024: O.M. of 3 July 2023 (as reprinted, e.g. 7thpaycommissionnews.in; the same dates in the Government of NCT of Delhi list); 2025: O.M. No. 12/2/2023-JCA of 9 July 2024, Annexure I (as reprinted, e.g. cgstaffportal.in; Department of Posts letter Y-21/2/2024-PE-II-DOP of 10 October 2024 forwards it); 2026: O.M. of July 2025, Annexure I (as reported by Sakshi Post, 8 July 2025)', true);

INSERT INTO @extschema@.holiday_date (region, name, first_year, day, shipped) VALUES
	('IN', 'Mahavir Jayanti', 2018, '2018-03-29', true),
	('IN', 'Buddha Purnima', 2018, '2018-04-30', true),
	('IN', 'Idu''l Fitr', 2018, '2018-06-16', true),
	('IN', 'Idu''l Zuha', 2018, '2018-08-22', true),
	('IN', 'Muharram', 2018, '2018-09-21', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, '2018-11-21', true),
	('IN', 'Dussehra', 2018, '2018-10-19', true),
	('IN', 'Diwali', 2018, '2018-11-07', true),
	('IN', 'Guru Nanak''s Birthday', 2018, '2018-11-23', true),
	('IN', 'Mahavir Jayanti', 2018, '2019-04-17', true),
	('IN', 'Buddha Purnima', 2018, '2019-05-18', true),
	('IN', 'Idu''l Fitr', 2018, '2019-06-05', true),
	('IN', 'Idu''l Zuha', 2018, '2019-08-12', true),
	('IN', 'Muharram', 2018, '2019-09-10', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, '2019-11-10', true),
	('IN', 'Dussehra', 2018, '2019-10-08', true),
	('IN', 'Diwali', 2018, '2019-10-27', true),
	('IN', 'Guru Nanak''s Birthday', 2018, '2019-11-12', true),
	('IN', 'Mahavir Jayanti', 2018, '2020-04-06', true),
	('IN', 'Buddha Purnima', 2018, '2020-05-07', true),
	('IN', 'Idu''l Fitr', 2018, '2020-05-25', true),
	('IN', 'Idu''l Zuha', 2018, '2020-08-01', true),
	('IN', 'Muharram', 2018, '2020-08-30', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, '2020-10-30', true),
	('IN', 'Dussehra', 2018, '2020-10-25', true),
	('IN', 'Diwali', 2018, '2020-11-14', true),
	('IN', 'Guru Nanak''s Birthday', 2018, '2020-11-30', true),
	('IN', 'Mahavir Jayanti', 2018, '2021-04-25', true),
	('IN', 'Buddha Purnima', 2018, '2021-05-26', true),
	('IN', 'Idu''l Fitr', 2018, '2021-05-14', true),
	('IN', 'Idu''l Zuha', 2018, '2021-07-21', true),
	('IN', 'Muharram', 2018, '2021-08-19', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, '2021-10-19', true),
	('IN', 'Dussehra', 2018, '2021-10-15', true),
	('IN', 'Diwali', 2018, '2021-11-04', true),
	('IN', 'Guru Nanak''s Birthday', 2018, '2021-11-19', true),
	('IN', 'Mahavir Jayanti', 2018, '2022-04-14', true),
	('IN', 'Buddha Purnima', 2018, '2022-05-16', true),
	('IN', 'Idu''l Fitr', 2018, '2022-05-03', true),
	('IN', 'Idu''l Zuha', 2018, '2022-07-10', true),
	('IN', 'Muharram', 2018, '2022-08-09', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, '2022-10-09', true),
	('IN', 'Dussehra', 2018, '2022-10-05', true),
	('IN', 'Diwali', 2018, '2022-10-24', true),
	('IN', 'Guru Nanak''s Birthday', 2018, '2022-11-08', true),
	('IN', 'Mahavir Jayanti', 2018, '2023-04-04', true),
	('IN', 'Buddha Purnima', 2018, '2023-05-05', true),
	('IN', 'Idu''l Fitr', 2018, '2023-04-22', true),
	('IN', 'Idu''l Zuha', 2018, '2023-06-29', true),
	('IN', 'Muharram', 2018, '2023-07-29', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, '2023-09-28', true),
	('IN', 'Dussehra', 2018, '2023-10-24', true),
	('IN', 'Diwali', 2018, '2023-11-12', true),
	('IN', 'Guru Nanak''s Birthday', 2018, '2023-11-27', true),
	('IN', 'Mahavir Jayanti', 2018, '2024-04-21', true),
	('IN', 'Buddha Purnima', 2018, '2024-05-23', true),
	('IN', 'Idu''l Fitr', 2018, '2024-04-11', true),
	('IN', 'Idu''l Zuha', 2018, '2024-06-17', true),
	('IN', 'Muharram', 2018, '2024-07-17', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, '2024-09-16', true),
	('IN', 'Dussehra', 2018, '2024-10-12', true),
	('IN', 'Diwali', 2018, '2024-10-31', true),
	('IN', 'Guru Nanak''s Birthday', 2018, '2024-11-15', true),
	('IN', 'Mahavir Jayanti', 2018, '2025-04-10', true),
	('IN', 'Buddha Purnima', 2018, '2025-05-12', true),
	('IN', 'Idu''l Fitr', 2018, '2025-03-31', true),
	('IN', 'Idu''l Zuha', 2018, '2025-06-07', true),
	('IN', 'Muharram', 2018, '2025-07-06', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, '2025-09-05', true),
	('IN', 'Dussehra', 2018, '2025-10-02', true),
	('IN', 'Diwali', 2018, '2025-10-20', true),
	('IN', 'Guru Nanak''s Birthday', 2018, '2025-11-05', true),
	('IN', 'Mahavir Jayanti', 2018, '2026-03-31', true),
	('IN', 'Buddha Purnima', 2018, '2026-05-01', true),
	('IN', 'Idu''l Fitr', 2018, '2026-03-21', true),
	('IN', 'Idu''l Zuha', 2018, '2026-05-27', true),
	('IN', 'Muharram', 2018, '2026-06-26', true),
	('IN', 'Prophet Mohammad''s Birthday', 2018, '2026-08-26', true),
	('IN', 'Dussehra', 2018, '2026-10-20', true),
	('IN', 'Diwali', 2018, '2026-11-08', true),
	('IN', 'Guru Nanak''s Birthday', 2018, '2026-11-24', true);

-- END holidays

-- ---------------------------------------------------------------------------
-- Policies: targets per priority and kind, deadlines, states, versions
-- BEGIN policies
CREATE TYPE @extschema@.sla_policy;

CREATE FUNCTION @extschema@.sla_policy_in(cstring)
RETURNS @extschema@.sla_policy
AS 'MODULE_PATHNAME', 'sla_policy_in'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_in(cstring) IS
'Text input of sla_policy: JSON, checked (22P02 malformed, 22023 naming the path of a wrong value); STABLE because amounts are read under IntervalStyle';

CREATE FUNCTION @extschema@.sla_policy_out(@extschema@.sla_policy)
RETURNS cstring
AS 'MODULE_PATHNAME', 'sla_policy_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_out(@extschema@.sla_policy) IS
'Text output of sla_policy: canonical JSON (sorted keys, amounts as "N days HH:MM:SS", exact decimals)';

CREATE FUNCTION @extschema@.sla_policy_recv(internal)
RETURNS @extschema@.sla_policy
AS 'MODULE_PATHNAME', 'sla_policy_recv'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_recv(internal) IS
'Binary input of sla_policy: a version byte (1) and the JSON text, checked as text input is';

CREATE FUNCTION @extschema@.sla_policy_send(@extschema@.sla_policy)
RETURNS bytea
AS 'MODULE_PATHNAME', 'sla_policy_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_send(@extschema@.sla_policy) IS
'Binary output of sla_policy: a version byte (1) and the canonical JSON text';

CREATE TYPE @extschema@.sla_policy (
	INPUT = @extschema@.sla_policy_in,
	OUTPUT = @extschema@.sla_policy_out,
	RECEIVE = @extschema@.sla_policy_recv,
	SEND = @extschema@.sla_policy_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.sla_policy IS
'An SLA policy: targets per priority and kind (first_response, next_response, periodic_update, resolution), each a business_interval on the default or its own calendar, a warning threshold warn_at and escalation thresholds; JSON text form';

CREATE FUNCTION @extschema@.sla_policy_eq(@extschema@.sla_policy, @extschema@.sla_policy)
RETURNS boolean
AS 'MODULE_PATHNAME', 'sla_policy_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_eq(@extschema@.sla_policy, @extschema@.sla_policy) IS
'Do two policies have the same canonical form?';

CREATE FUNCTION @extschema@.sla_policy_ne(@extschema@.sla_policy, @extschema@.sla_policy)
RETURNS boolean
AS 'MODULE_PATHNAME', 'sla_policy_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_ne(@extschema@.sla_policy, @extschema@.sla_policy) IS
'Do two policies differ in canonical form?';

CREATE FUNCTION @extschema@.sla_policy_hash(@extschema@.sla_policy)
RETURNS integer
AS 'MODULE_PATHNAME', 'sla_policy_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_hash(@extschema@.sla_policy) IS
'Hash of a policy''s canonical form, for hash joins and GROUP BY';

CREATE FUNCTION @extschema@.sla_policy_hash_extended(@extschema@.sla_policy, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME', 'sla_policy_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_hash_extended(@extschema@.sla_policy, bigint) IS
'Seeded 64-bit hash of a policy''s canonical form';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.sla_policy,
	RIGHTARG = @extschema@.sla_policy,
	FUNCTION = @extschema@.sla_policy_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel,
	HASHES
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.sla_policy, @extschema@.sla_policy) IS
'Same canonical form ("24 hours" and "1 day" differ: business time is not a business day)';

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.sla_policy,
	RIGHTARG = @extschema@.sla_policy,
	FUNCTION = @extschema@.sla_policy_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);

COMMENT ON OPERATOR @extschema@.<> (@extschema@.sla_policy, @extschema@.sla_policy) IS
'Different canonical form';

CREATE OPERATOR CLASS @extschema@.sla_policy_hash_ops
	DEFAULT FOR TYPE @extschema@.sla_policy USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.sla_policy, @extschema@.sla_policy),
	FUNCTION 1 @extschema@.sla_policy_hash(@extschema@.sla_policy),
	FUNCTION 2 @extschema@.sla_policy_hash_extended(@extschema@.sla_policy, bigint);

CREATE FUNCTION @extschema@.sla_policy_to_jsonb(@extschema@.sla_policy)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'sla_policy_to_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_to_jsonb(@extschema@.sla_policy) IS
'The policy''s canonical JSON as jsonb';

CREATE FUNCTION @extschema@.sla_policy_from_jsonb(jsonb)
RETURNS @extschema@.sla_policy
AS 'MODULE_PATHNAME', 'sla_policy_from_jsonb'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_from_jsonb(jsonb) IS
'A policy from jsonb, checked as text input is';

CREATE CAST (@extschema@.sla_policy AS jsonb)
	WITH FUNCTION @extschema@.sla_policy_to_jsonb(@extschema@.sla_policy);
CREATE CAST (jsonb AS @extschema@.sla_policy)
	WITH FUNCTION @extschema@.sla_policy_from_jsonb(jsonb);

CREATE TYPE @extschema@.sla_state AS ENUM ('met', 'running', 'paused', 'at_risk', 'breached');

COMMENT ON TYPE @extschema@.sla_state IS
'State of an SLA target, least to most urgent (max() over a ticket''s targets is its most urgent): met, running, paused, at_risk, breached';

CREATE TABLE @extschema@.policy (
	name text NOT NULL
		CONSTRAINT policy_name_length CHECK (pg_catalog.octet_length(name) OPERATOR(pg_catalog.>=) 1
			AND pg_catalog.octet_length(name) OPERATOR(pg_catalog.<=) 127),
	valid_from timestamptz NOT NULL
		CONSTRAINT policy_valid_from_finite CHECK (valid_from OPERATOR(pg_catalog.<>) 'infinity'),
	policy @extschema@.sla_policy NOT NULL,
	comment text,
	PRIMARY KEY (name, valid_from)
);

COMMENT ON TABLE @extschema@.policy IS
'Named policies with effective-dated versions: a version is in force from its valid_from until the next one''s';
COMMENT ON COLUMN @extschema@.policy.name IS 'Policy name, 1 to 127 bytes, as passed to the policy functions';
COMMENT ON COLUMN @extschema@.policy.valid_from IS 'First instant at which this version is in force (-infinity: always before the next version)';
COMMENT ON COLUMN @extschema@.policy.policy IS 'The policy''s terms; calendar names in it are checked when used';
COMMENT ON COLUMN @extschema@.policy.comment IS 'Free text, e.g. the contract clause';

CREATE TRIGGER policy_invalidate
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.policy
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.calendar_invalidate_trigger();
COMMENT ON FUNCTION @extschema@.calendar_invalidate_trigger() IS
'AFTER statement trigger of every table behind a cache (calendars, named policies): makes every backend reload what it cached from the table after a change';
COMMENT ON TRIGGER policy_invalidate ON @extschema@.policy IS
'Makes every backend reload named policies after a change';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.policy', '');
GRANT SELECT ON @extschema@.policy TO PUBLIC;

-- target
CREATE FUNCTION @extschema@.target(policy @extschema@.sla_policy, priority text, kind text)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_policy_target'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.target(@extschema@.sla_policy, text, text) IS
'The policy''s target for a priority and kind, or NULL when it has none; 22023 for an unknown kind';

CREATE FUNCTION @extschema@.target(policy text, priority text, kind text, at timestamptz DEFAULT now())
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_policy_target_named'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.target(text, text, text, timestamptz) IS
'The target of the version of a named policy in force at at, or NULL; 42704 for an unknown policy';

-- due
CREATE FUNCTION @extschema@.due(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, pauses tstzmultirange DEFAULT '{}')
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'sla_policy_due'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.due(@extschema@.sla_policy, text, text, timestamptz, tstzmultirange) IS
'Due instant of a target started at started_at: business_add of the target, pushed later by the open time the pauses cover before it (until stable); infinity when a pause without end begins before it; NULL without such a target';

CREATE FUNCTION @extschema@.due(policy text, priority text, kind text,
	started_at timestamptz, pauses tstzmultirange DEFAULT '{}')
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'sla_policy_due_named'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.due(text, text, text, timestamptz, tstzmultirange) IS
'sla.due under the version of a named policy in force at started_at';

-- state, remaining, elapsed_fraction, escalation_level (as of at)
CREATE FUNCTION @extschema@.state(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS @extschema@.sla_state
AS 'MODULE_PATHNAME', 'sla_policy_state'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.state(@extschema@.sla_policy, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'State of a target as of at (pauses clipped at at; done_at NULL or after at: open): met, breached, paused, at_risk (elapsed fraction >= warn_at) or running; NULL without such a target or for any other NULL argument';

CREATE FUNCTION @extschema@.state(policy text, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS @extschema@.sla_state
AS 'MODULE_PATHNAME', 'sla_policy_state_named'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.state(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'sla.state under the version of a named policy in force at started_at';

CREATE FUNCTION @extschema@.remaining(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS interval
AS 'MODULE_PATHNAME', 'sla_policy_remaining'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.remaining(@extschema@.sla_policy, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'Open time outside pauses left until the due instant as of at (or at done_at when done); negative past due';

CREATE FUNCTION @extschema@.remaining(policy text, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS interval
AS 'MODULE_PATHNAME', 'sla_policy_remaining_named'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.remaining(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'sla.remaining under the version of a named policy in force at started_at';

CREATE FUNCTION @extschema@.elapsed_fraction(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS float8
AS 'MODULE_PATHNAME', 'sla_policy_elapsed_fraction'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.elapsed_fraction(@extschema@.sla_policy, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'Open time outside pauses from started_at to least(at, done_at), over that from started_at to the due instant, as of at';

CREATE FUNCTION @extschema@.elapsed_fraction(policy text, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS float8
AS 'MODULE_PATHNAME', 'sla_policy_elapsed_fraction_named'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.elapsed_fraction(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'sla.elapsed_fraction under the version of a named policy in force at started_at';

CREATE FUNCTION @extschema@.escalation_level(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS integer
AS 'MODULE_PATHNAME', 'sla_policy_escalation_level'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.escalation_level(@extschema@.sla_policy, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'How many escalation thresholds the elapsed fraction has reached as of at (equal counts as reached; compared exactly)';

CREATE FUNCTION @extschema@.escalation_level(policy text, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS integer
AS 'MODULE_PATHNAME', 'sla_policy_escalation_level_named'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.escalation_level(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'sla.escalation_level under the version of a named policy in force at started_at';

CREATE FUNCTION @extschema@.policy_at(name text, at timestamptz)
RETURNS @extschema@.sla_policy
AS 'MODULE_PATHNAME', 'sla_policy_at'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.policy_at(text, timestamptz) IS
'The version of a named policy in force at at; 42704 for an unknown name, 22023 when none is in force yet';

-- pauses: an ordered aggregate over a ticket's status history
CREATE FUNCTION @extschema@.pauses_transfn(internal, timestamptz, text, text[])
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_pauses_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.pauses_transfn(internal, timestamptz, text, text[]) IS
'Transition function of sla.pauses';

CREATE FUNCTION @extschema@.pauses_finalfn(internal)
RETURNS tstzmultirange
AS 'MODULE_PATHNAME', 'sla_pauses_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.pauses_finalfn(internal) IS
'Final function of sla.pauses';

CREATE AGGREGATE @extschema@.pauses(changed_at timestamptz, status text, paused_statuses text[]) (
	SFUNC = @extschema@.pauses_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.pauses_finalfn,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.pauses(timestamptz, text, text[]) IS
'Time spent in paused statuses, from a status history given ORDER BY changed_at, id (22023 when out of order); the last pause open-ended while still paused; rows with a NULL skipped; never partial (order matters)';
-- END policies
-- ICU: lunar calendars (Chinese, Umm al-Qura) with the official corrections,
-- Qingming, locale weekends, and the calendar's locale
-- BEGIN icu
CREATE FUNCTION @extschema@.icu_lunar_dates(calendar_system text, lunar_month integer, lunar_day integer, in_year integer)
RETURNS TABLE (day date, lunar_year integer)
AS 'MODULE_PATHNAME', 'sla_icu_lunar_dates_sql'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 2;

COMMENT ON FUNCTION @extschema@.icu_lunar_dates(text, integer, integer, integer) IS
'ICU''s Gregorian dates in in_year (1900 to 2100) of a lunar month and day of calendar_system ''chinese'' or ''islamic-umalqura'', uncorrected: zero, one or two rows, each with its lunar year (AH year; for chinese, the Gregorian year in which that Chinese year begins). STABLE because another ICU version may answer differently';

CREATE TABLE @extschema@.lunar_correction (
	calendar_system text NOT NULL
		CONSTRAINT lunar_correction_system CHECK (calendar_system OPERATOR(pg_catalog.=) ANY (ARRAY['chinese', 'islamic-umalqura'])),
	region text NOT NULL,
	lunar_year integer NOT NULL,
	month integer NOT NULL
		CONSTRAINT lunar_correction_month CHECK (month OPERATOR(pg_catalog.>=) 1 AND month OPERATOR(pg_catalog.<=) 12),
	first_day date NOT NULL,
	source text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (calendar_system, region, lunar_year, month)
);

COMMENT ON TABLE @extschema@.lunar_correction IS
'Official first days of lunar months where a region''s authority departed from ICU''s calendar (moon sighting, a different criterion); sla.lunar_dates applies them';
COMMENT ON COLUMN @extschema@.lunar_correction.calendar_system IS '''chinese'' or ''islamic-umalqura''';
COMMENT ON COLUMN @extschema@.lunar_correction.region IS 'The region whose authority published the date, as an ISO 3166 code (SA, TR, CN)';
COMMENT ON COLUMN @extschema@.lunar_correction.lunar_year IS 'AH year; for chinese, the Gregorian year in which the Chinese year begins';
COMMENT ON COLUMN @extschema@.lunar_correction.month IS 'Lunar month, 1 to 12';
COMMENT ON COLUMN @extschema@.lunar_correction.first_day IS 'The Gregorian date the authority declared the first day of that month';
COMMENT ON COLUMN @extschema@.lunar_correction.source IS 'Where the official date was published';
COMMENT ON COLUMN @extschema@.lunar_correction.shipped IS 'True for rows shipped with the extension (not dumped); rows users add are dumped';

INSERT INTO @extschema@.lunar_correction (calendar_system, region, lunar_year, month, first_day, source, shipped) VALUES
('islamic-umalqura', 'SA', 1425, 12, '2005-01-11', 'Supreme Judiciary Council statement (Saudi Press Agency, January 2005): Arafat on 2005-01-19, Eid al-Adha on 2005-01-20; ICU: 2005-01-21', true),
('islamic-umalqura', 'SA', 1427, 12, '2006-12-21', 'Supreme Judicial Council announcement of Hajj 1427 (Royal Embassy of Saudi Arabia, news 2006): Arafat on 2006-12-29, Eid al-Adha on 2006-12-30; ICU: 2006-12-31', true),
('islamic-umalqura', 'SA', 1428, 12, '2007-12-10', 'High Judiciary Council announcement of Dhu al-Hijjah 1428 (December 2007): Arafat on 2007-12-18, Eid al-Adha on 2007-12-19; ICU: 2007-12-20', true),
('islamic-umalqura', 'SA', 1436, 12, '2015-09-15', 'Supreme Court announcement (Saudi Press Agency, 2015-09-13): 1 Dhu al-Hijjah 1436 on 2015-09-15, Eid al-Adha on 2015-09-24, a day after the Umm al-Qura calendar; ICU: 2015-09-23', true),
('islamic-umalqura', 'SA', 1437, 12, '2016-09-03', 'Supreme Court announcement (Saudi Press Agency, 2016-09-02): Arafat on 2016-09-11, Eid al-Adha on 2016-09-12; ICU: 2016-09-11', true),
('islamic-umalqura', 'TR', 1436, 12, '2015-09-15', 'Diyanet İşleri Başkanlığı, 2015 Dini Günler Takvimi: Kurban Bayramı 1st day 2015-09-24; ICU: 2015-09-23', true),
('islamic-umalqura', 'TR', 1437, 10, '2016-07-05', 'Diyanet İşleri Başkanlığı, 2016 Dini Günler Takvimi: 1 Şevval 1437 = 2016-07-05 (Ramazan Bayramı); ICU: 2016-07-06', true),
('islamic-umalqura', 'TR', 1437, 12, '2016-09-03', 'Diyanet İşleri Başkanlığı, 2016 Dini Günler Takvimi: 1 Zilhicce 1437 = 2016-09-03, Kurban Bayramı 1st day 2016-09-12; ICU: 2016-09-11', true);

CREATE TRIGGER lunar_correction_validate
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.lunar_correction
	FOR EACH ROW EXECUTE FUNCTION @extschema@.holiday_validate_trigger();
CREATE TRIGGER lunar_correction_truncate
	BEFORE TRUNCATE ON @extschema@.lunar_correction
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.holiday_validate_trigger();
-- a correction moves lunar holidays: the holiday and calendar stores list this table
CREATE TRIGGER lunar_correction_invalidate
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.lunar_correction
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.calendar_invalidate_trigger();
SELECT pg_catalog.pg_extension_config_dump('@extschema@.lunar_correction', 'WHERE NOT shipped');
GRANT SELECT ON @extschema@.lunar_correction TO PUBLIC;

CREATE FUNCTION @extschema@.lunar_dates(calendar_system text, lunar_month integer, lunar_day integer, in_year integer, region text)
RETURNS SETOF date
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 2
SET search_path = pg_catalog, pg_temp
AS $$
SELECT DISTINCT s.d FROM (
	SELECT COALESCE(c.first_day OPERATOR(pg_catalog.+) ($3 OPERATOR(pg_catalog.-) 1), i.day) AS d
	FROM pg_catalog.generate_series($4 OPERATOR(pg_catalog.-) 1, $4 OPERATOR(pg_catalog.+) 1) AS y
	CROSS JOIN LATERAL @extschema@.icu_lunar_dates($1, $2, $3,
		CASE WHEN y OPERATOR(pg_catalog.>=) 1900 AND y OPERATOR(pg_catalog.<=) 2100 THEN y ELSE $4 END) AS i
	LEFT JOIN @extschema@.lunar_correction AS c
		ON c.calendar_system OPERATOR(pg_catalog.=) $1 AND c.region OPERATOR(pg_catalog.=) $5
		AND c.lunar_year OPERATOR(pg_catalog.=) i.lunar_year AND c.month OPERATOR(pg_catalog.=) $2
) AS s
WHERE s.d OPERATOR(pg_catalog.>=) pg_catalog.make_date($4, 1, 1)
	AND s.d OPERATOR(pg_catalog.<=) pg_catalog.make_date($4, 12, 31)
ORDER BY s.d
$$;

COMMENT ON FUNCTION @extschema@.lunar_dates(text, integer, integer, integer, text) IS
'Gregorian dates in in_year of a lunar month and day (''chinese'' or ''islamic-umalqura''), as the authority of region publishes them: ICU''s dates, with the months listed in sla.lunar_correction for that region moved to their official first day. Zero, one or two dates';

CREATE FUNCTION @extschema@.qingming_date(in_year integer)
RETURNS date
AS 'MODULE_PATHNAME', 'sla_qingming_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.qingming_date(integer) IS
'Date of the Qingming solar term (the sun at 15 degrees of apparent longitude, China Standard Time) in in_year, 1900 to 2100; computed astronomically, with no ICU or table, hence IMMUTABLE';

CREATE FUNCTION @extschema@.locale_weekend(locale text)
RETURNS text
AS 'MODULE_PATHNAME', 'sla_locale_weekend'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.locale_weekend(text) IS
'Weekend days of a locale from ICU''s week data, as days of the hours grammar (''sat-sun'', ''fri-sat'', ''sun''); 22023 for a locale whose language ICU has no data for or whose region it does not know. STABLE because ICU''s data can change';

ALTER TABLE @extschema@.calendar ADD COLUMN locale text NOT NULL DEFAULT 'en_US';
COMMENT ON COLUMN @extschema@.calendar.locale IS
'ICU locale of the calendar (e.g. de_DE, ar_SA); ''weekdays'' in its hours means the days outside this locale''s weekend (see sla.locale_weekend)';
COMMENT ON COLUMN @extschema@.calendar.hours IS 'Weekly hours, e.g. ''mon-fri 09:00-17:00; sat 10:00-14:00'', ''mon-fri 08:00-12:00,13:00-17:00'', ''sun-thu 22:00-06:00'', ''weekdays 09:00-17:00'' (the days outside the weekend of the calendar''s locale), ''24/7'' or ''closed''';
COMMENT ON FUNCTION @extschema@.calendar_validate_trigger() IS
'BEFORE row trigger of sla.calendar (argument ''calendar'', INSERT OR UPDATE) and sla.calendar_exception (argument ''exception'', INSERT OR UPDATE OR DELETE): checks each row on its own, rejecting unknown time zones and locales (22023), malformed hours (22P02; ''weekdays'' in exception hours too), overlapping ranges within the row (22023), more than 48 ranges a day (54000) and exception dates outside the years 1 to 9999 (22008); neighbouring dates are checked at commit by sla.calendar_check_trigger';
-- The locale of sla.format is of this domain, not text: a text (or name, varchar) argument then
-- matches core's format(text, VARIADIC "any") better, so sla on the search_path keeps format('%s', x).
CREATE DOMAIN @extschema@.locale_name AS text;
COMMENT ON DOMAIN @extschema@.locale_name IS
'An ICU locale name (''de_DE'', ''zh_TW'', ''de_DE.UTF-8''); the type of sla.format''s locale, so that core''s format() keeps its calls with text arguments when sla is on the search_path';

CREATE FUNCTION @extschema@.format(amount @extschema@.business_interval, locale @extschema@.locale_name DEFAULT pg_catalog.current_setting('lc_messages'))
RETURNS text
AS 'MODULE_PATHNAME', 'sla_format_business_interval'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.format(@extschema@.business_interval, @extschema@.locale_name) IS
'An amount of business time in words of a locale (default: lc_messages, with ''C'' as ''en''): its non-zero business days, hours, minutes and seconds, each with its own sign, joined as ICU joins units (''2 Werktage, 4 Stunden'', ''2 werkdagen en 4 uur''); ''0 minutes'' for zero. Hours, minutes, seconds, numbers, plural forms and the list from ICU; the words for a business day shipped for de, en, fr, ja, nl, tr, zh. 22023 for a locale ICU has no data for, or one without business-day words when there are days. The locale is of domain sla.locale_name so that core''s format(text, ...) keeps its calls with text arguments. STABLE because ICU''s data can change';

CREATE FUNCTION @extschema@.format_relative(deadline timestamptz, now timestamptz, locale text DEFAULT pg_catalog.current_setting('lc_messages'))
RETURNS text
AS 'MODULE_PATHNAME', 'sla_format_relative'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.format_relative(timestamptz, timestamptz, text) IS
'How far deadline is from now in wall-clock time, in words of a locale from ICU''s relative date-time formatter (''in 3 hours'', ''vor 2 Tagen''): whole seconds below a minute, minutes below an hour, hours below a day, else days, truncated toward zero; ICU''s word for now below a second. 22008 for an infinite timestamp, 22023 for a locale ICU has no data for. STABLE because ICU''s data can change';
-- END icu

-- ---------------------------------------------------------------------------
-- KPI aggregates: ratios as numeric percentages (NULL when nothing counts),
-- averages as intervals, percentiles over business_interval and interval.
-- BEGIN kpi

-- the two states of the simple KPI aggregates
CREATE FUNCTION @extschema@.kpi_counts_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_kpi_counts_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kpi_counts_combine(internal, internal) IS 'combine function of the ratio KPIs: adds met and counted rows';

CREATE FUNCTION @extschema@.kpi_counts_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'sla_kpi_counts_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kpi_counts_serialize(internal) IS 'serialize function of the ratio KPIs';

CREATE FUNCTION @extschema@.kpi_counts_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_kpi_counts_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kpi_counts_deserialize(bytea, internal) IS 'deserialize function of the ratio KPIs';

CREATE FUNCTION @extschema@.kpi_counts_percent(internal)
RETURNS numeric
AS 'MODULE_PATHNAME', 'sla_kpi_counts_percent'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kpi_counts_percent(internal) IS 'final function of the ratio KPIs: 100 * met / counted as numeric, NULL when no row was counted';

CREATE FUNCTION @extschema@.kpi_interval_sum_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_kpi_interval_sum_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kpi_interval_sum_combine(internal, internal) IS 'combine function of the interval averages (asa, awt, aht)';

CREATE FUNCTION @extschema@.kpi_interval_sum_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'sla_kpi_interval_sum_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kpi_interval_sum_serialize(internal) IS 'serialize function of the interval averages';

CREATE FUNCTION @extschema@.kpi_interval_sum_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_kpi_interval_sum_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kpi_interval_sum_deserialize(bytea, internal) IS 'deserialize function of the interval averages';

CREATE FUNCTION @extschema@.kpi_interval_avg(internal)
RETURNS interval
AS 'MODULE_PATHNAME', 'sla_kpi_interval_avg'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kpi_interval_avg(internal) IS 'final function of the interval averages: the sum divided by the count as avg(interval) does, NULL for no row';

-- compliance
CREATE FUNCTION @extschema@.compliance_at_trans(internal, timestamptz, timestamptz, timestamptz)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_compliance_at_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.compliance_at_trans(internal, timestamptz, timestamptz, timestamptz) IS 'transition function of sla.compliance(due, done_at, at)';

CREATE FUNCTION @extschema@.compliance_now_trans(internal, timestamptz, timestamptz)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_compliance_now_trans'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.compliance_now_trans(internal, timestamptz, timestamptz) IS 'transition function of sla.compliance(due, done_at): open targets judged as of now(), the transaction''s start';

CREATE FUNCTION @extschema@.compliance_met_trans(internal, boolean)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_compliance_met_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.compliance_met_trans(internal, boolean) IS 'transition function of sla.compliance(met)';

CREATE AGGREGATE @extschema@.compliance(due timestamptz, done_at timestamptz, at timestamptz) (
	SFUNC = @extschema@.compliance_at_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.compliance(timestamptz, timestamptz, timestamptz) IS
'Percent of targets met: done_at <= due is met; done after due, or open (done_at NULL) with at >= due, is missed; open and not yet due, or due NULL, is not counted. 100 * met / (met + missed) as numeric, NULL when nothing is counted';

CREATE AGGREGATE @extschema@.compliance(due timestamptz, done_at timestamptz) (
	SFUNC = @extschema@.compliance_now_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.compliance(timestamptz, timestamptz) IS
'sla.compliance(due, done_at, at) with at = now(), the start of the transaction (its transition function is STABLE)';

CREATE AGGREGATE @extschema@.compliance(met boolean) (
	SFUNC = @extschema@.compliance_met_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.compliance(boolean) IS
'Percent of true among the non-NULL values, as numeric; NULL when there is none';

-- contact-centre KPIs
CREATE FUNCTION @extschema@.service_level_trans(internal, interval, boolean, interval)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_service_level_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.service_level_trans(internal, interval, boolean, interval) IS 'transition function of sla.service_level(wait, answered, threshold)';

CREATE FUNCTION @extschema@.service_level_trans(internal, interval, boolean, interval, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_service_level_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.service_level_trans(internal, interval, boolean, interval, text) IS 'transition function of sla.service_level(wait, answered, threshold, abandoned)';

CREATE FUNCTION @extschema@.service_level_trans(internal, interval, boolean, interval, text, interval)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_service_level_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.service_level_trans(internal, interval, boolean, interval, text, interval) IS 'transition function of sla.service_level(wait, answered, threshold, abandoned, short_abandon)';

CREATE AGGREGATE @extschema@.service_level(wait interval, answered boolean, threshold interval) (
	SFUNC = @extschema@.service_level_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.service_level(interval, boolean, interval) IS
'Percent of answered calls answered within threshold (wait <= threshold), abandoned calls excluded (variant exclude); NULL when no call counts';

CREATE AGGREGATE @extschema@.service_level(wait interval, answered boolean, threshold interval, abandoned text) (
	SFUNC = @extschema@.service_level_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.service_level(interval, boolean, interval, text) IS
'Service level with abandoned calls treated by variant: exclude (answered within T / answered), count_as_missed (answered within T / offered), count_if_late (abandoned within T excluded, later ones missed), count_as_met_if_early (abandoned within T met); 22023 for another name';

CREATE AGGREGATE @extschema@.service_level(wait interval, answered boolean, threshold interval, abandoned text, short_abandon interval) (
	SFUNC = @extschema@.service_level_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.service_level(interval, boolean, interval, text, interval) IS
'sla.service_level(wait, answered, threshold, abandoned) where calls abandoned within short_abandon (wait <= short_abandon) leave every count';

CREATE FUNCTION @extschema@.abandon_rate_trans(internal, interval, boolean)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_abandon_rate_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.abandon_rate_trans(internal, interval, boolean) IS 'transition function of sla.abandon_rate(wait, answered)';

CREATE FUNCTION @extschema@.abandon_rate_trans(internal, interval, boolean, interval)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_abandon_rate_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.abandon_rate_trans(internal, interval, boolean, interval) IS 'transition function of sla.abandon_rate(wait, answered, short_abandon)';

CREATE AGGREGATE @extschema@.abandon_rate(wait interval, answered boolean) (
	SFUNC = @extschema@.abandon_rate_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.abandon_rate(interval, boolean) IS
'Percent of offered calls abandoned (answered false); NULL when no call counts';

CREATE AGGREGATE @extschema@.abandon_rate(wait interval, answered boolean, short_abandon interval) (
	SFUNC = @extschema@.abandon_rate_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.abandon_rate(interval, boolean, interval) IS
'Percent of offered calls abandoned, calls abandoned within short_abandon (wait <= short_abandon) counted neither as abandoned nor as offered';

CREATE FUNCTION @extschema@.asa_trans(internal, interval, boolean)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_asa_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.asa_trans(internal, interval, boolean) IS 'transition function of sla.asa and sla.awt';

CREATE AGGREGATE @extschema@.asa(wait interval, answered boolean) (
	SFUNC = @extschema@.asa_trans,
	STYPE = internal,
	SSPACE = 32,
	FINALFUNC = @extschema@.kpi_interval_avg,
	COMBINEFUNC = @extschema@.kpi_interval_sum_combine,
	SERIALFUNC = @extschema@.kpi_interval_sum_serialize,
	DESERIALFUNC = @extschema@.kpi_interval_sum_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.asa(interval, boolean) IS
'Average speed of answer: the mean wait of answered calls, abandoned calls not counted (avg(wait) FILTER (WHERE answered)); NULL when no call was answered';

CREATE AGGREGATE @extschema@.awt(wait interval, answered boolean) (
	SFUNC = @extschema@.asa_trans,
	STYPE = internal,
	SSPACE = 32,
	FINALFUNC = @extschema@.kpi_interval_avg,
	COMBINEFUNC = @extschema@.kpi_interval_sum_combine,
	SERIALFUNC = @extschema@.kpi_interval_sum_serialize,
	DESERIALFUNC = @extschema@.kpi_interval_sum_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.awt(interval, boolean) IS
'Average wait time as contract texts name it: the same as sla.asa, the mean wait of answered calls';

CREATE FUNCTION @extschema@.aht_trans(internal, interval, interval, interval)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_aht_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aht_trans(internal, interval, interval, interval) IS 'transition function of sla.aht';

CREATE AGGREGATE @extschema@.aht(talk interval, hold interval, wrap interval) (
	SFUNC = @extschema@.aht_trans,
	STYPE = internal,
	SSPACE = 32,
	FINALFUNC = @extschema@.kpi_interval_avg,
	COMBINEFUNC = @extschema@.kpi_interval_sum_combine,
	SERIALFUNC = @extschema@.kpi_interval_sum_serialize,
	DESERIALFUNC = @extschema@.kpi_interval_sum_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.aht(interval, interval, interval) IS
'Average handle time: the mean of talk + hold + wrap (after-call work) per contact, rows with a NULL not counted; NULL when no row counts';

CREATE FUNCTION @extschema@.csat_trans(internal, integer)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_csat_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_trans(internal, integer) IS 'transition function of sla.csat(score)';

CREATE FUNCTION @extschema@.csat_trans(internal, integer, integer, integer)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_csat_scale_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_trans(internal, integer, integer, integer) IS 'transition function of sla.csat(score, top_box, scale)';

CREATE AGGREGATE @extschema@.csat(score integer) (
	SFUNC = @extschema@.csat_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(integer) IS
'Customer satisfaction: percent of scores 4 and 5 among the scores 1 to 5, NULL scores not counted; 22003 for a score outside 1 to 5';

CREATE AGGREGATE @extschema@.csat(score integer, top_box integer, scale integer) (
	SFUNC = @extschema@.csat_trans,
	STYPE = internal,
	SSPACE = 16,
	FINALFUNC = @extschema@.kpi_counts_percent,
	COMBINEFUNC = @extschema@.kpi_counts_combine,
	SERIALFUNC = @extschema@.kpi_counts_serialize,
	DESERIALFUNC = @extschema@.kpi_counts_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(integer, integer, integer) IS
'Customer satisfaction on the scale 1 to scale: percent of scores above scale - top_box (top_box 2 on 1-5: 4 and 5); 22003 for a score outside the scale, 22023 unless 1 <= top_box <= scale';

-- first-contact resolution
CREATE FUNCTION @extschema@.fcr_trans(internal, text, timestamptz, boolean, interval)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_fcr_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fcr_trans(internal, text, timestamptz, boolean, interval) IS 'transition function of sla.fcr(customer, contact_at, resolved, repeat_window): keeps the contact';

CREATE FUNCTION @extschema@.fcr_trans(internal, text, timestamptz, boolean, interval, tstzrange)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_fcr_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fcr_trans(internal, text, timestamptz, boolean, interval, tstzrange) IS 'transition function of sla.fcr(customer, contact_at, resolved, repeat_window, period): keeps the contact';

CREATE FUNCTION @extschema@.fcr_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_fcr_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fcr_combine(internal, internal) IS 'combine function of sla.fcr: appends the contacts';

CREATE FUNCTION @extschema@.fcr_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'sla_fcr_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fcr_serialize(internal) IS 'serialize function of sla.fcr';

CREATE FUNCTION @extschema@.fcr_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_fcr_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fcr_deserialize(bytea, internal) IS 'deserialize function of sla.fcr';

CREATE FUNCTION @extschema@.fcr_final(internal)
RETURNS numeric
AS 'MODULE_PATHNAME', 'sla_fcr_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fcr_final(internal) IS 'final function of sla.fcr: sorts the contacts by customer and instant, 100 * met / counted';

CREATE AGGREGATE @extschema@.fcr(customer text, contact_at timestamptz, resolved boolean, repeat_window interval) (
	SFUNC = @extschema@.fcr_trans,
	STYPE = internal,
	SSPACE = 10000,
	FINALFUNC = @extschema@.fcr_final,
	COMBINEFUNC = @extschema@.fcr_combine,
	SERIALFUNC = @extschema@.fcr_serialize,
	DESERIALFUNC = @extschema@.fcr_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.fcr(text, timestamptz, boolean, interval) IS
'First-contact resolution: percent of contacts resolved with no further contact from the same customer in (contact_at, contact_at + repeat_window]; the window is elapsed time (a day is 24 hours, months 22023); customers compared byte by byte; 32 bytes of memory per contact plus names, 54000 beyond 1 GB. A WHERE on the period hides the repeats after its end: use the overload with a period';

CREATE AGGREGATE @extschema@.fcr(customer text, contact_at timestamptz, resolved boolean, repeat_window interval, period tstzrange) (
	SFUNC = @extschema@.fcr_trans,
	STYPE = internal,
	SSPACE = 10000,
	FINALFUNC = @extschema@.fcr_final,
	COMBINEFUNC = @extschema@.fcr_combine,
	SERIALFUNC = @extschema@.fcr_serialize,
	DESERIALFUNC = @extschema@.fcr_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.fcr(text, timestamptz, boolean, interval, tstzrange) IS
'sla.fcr counting only the contacts inside period, every row still counting as a repeat of earlier contacts: read the rows up to the period''s end + repeat_window';

-- availability
CREATE FUNCTION @extschema@.availability_trans(internal, tstzrange, tstzrange, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_availability_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_trans(internal, tstzrange, tstzrange, text) IS 'transition function of sla.availability: keeps the outage clipped to the period (reads no calendar)';

CREATE FUNCTION @extschema@.availability_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_availability_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_combine(internal, internal) IS 'combine function of sla.availability';

CREATE FUNCTION @extschema@.availability_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'sla_availability_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_serialize(internal) IS 'serialize function of sla.availability';

CREATE FUNCTION @extschema@.availability_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_availability_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_deserialize(bytea, internal) IS 'deserialize function of sla.availability';

CREATE FUNCTION @extschema@.availability_final(internal)
RETURNS numeric
AS 'MODULE_PATHNAME', 'sla_availability_final'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_final(internal) IS 'final function of sla.availability: reads the calendar (STABLE), unites the outages, 100 * (1 - outage open time / period open time)';

CREATE AGGREGATE @extschema@.availability(outage tstzrange, period tstzrange, calendar text) (
	SFUNC = @extschema@.availability_trans,
	STYPE = internal,
	SSPACE = 100,
	FINALFUNC = @extschema@.availability_final,
	COMBINEFUNC = @extschema@.availability_combine,
	SERIALFUNC = @extschema@.availability_serialize,
	DESERIALFUNC = @extschema@.availability_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.availability(tstzrange, tstzrange, text) IS
'Availability in service hours: 100 * (1 - open time of the union of the outages within period / open time of period) on calendar; overlapping outages count once; a NULL outage is none (a LEFT JOIN gives 100); one period and calendar per group (22023); NULL when the period has no open time. Reads the calendar in its final function (STABLE)';

-- percentiles
CREATE FUNCTION @extschema@.percentile_trans(internal, @extschema@.business_interval)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_percentile_bi_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_trans(internal, @extschema@.business_interval) IS 'transition function of sla.percentile over business_interval: keeps the value';

CREATE FUNCTION @extschema@.percentile_final(internal, float8, @extschema@.business_interval)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_percentile_bi_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_final(internal, float8, @extschema@.business_interval) IS 'final function of sla.percentile over business_interval: sorts once, interpolates';

CREATE AGGREGATE @extschema@.percentile(fraction float8 ORDER BY @extschema@.business_interval) (
	SFUNC = @extschema@.percentile_trans,
	STYPE = internal,
	SSPACE = 1000000,
	FINALFUNC = @extschema@.percentile_final,
	FINALFUNC_EXTRA,
	FINALFUNC_MODIFY = SHAREABLE,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.percentile(float8 ORDER BY @extschema@.business_interval) IS
'Continuous percentile of business intervals in their btree order (a day as 24 hours), interpolating as percentile_cont does on interval: lo + (hi - lo) * proportion; NULL values skipped; 22003 for a fraction outside [0, 1]; 16 bytes of memory per value, never spilled';

CREATE FUNCTION @extschema@.percentile_trans(internal, interval)
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_percentile_interval_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_trans(internal, interval) IS 'transition function of sla.percentile over interval: keeps the value';

CREATE FUNCTION @extschema@.percentile_final(internal, float8, interval)
RETURNS interval
AS 'MODULE_PATHNAME', 'sla_percentile_interval_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_final(internal, float8, interval) IS 'final function of sla.percentile over interval: sorts once, interpolates';

CREATE AGGREGATE @extschema@.percentile(fraction float8 ORDER BY interval) (
	SFUNC = @extschema@.percentile_trans,
	STYPE = internal,
	SSPACE = 1000000,
	FINALFUNC = @extschema@.percentile_final,
	FINALFUNC_EXTRA,
	FINALFUNC_MODIFY = SHAREABLE,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.percentile(float8 ORDER BY interval) IS
'Continuous percentile of intervals, the same result as percentile_cont(fraction) WITHIN GROUP (ORDER BY v) (equal values of different spelling, such as 1 day and 24:00:00, may come out either way); 16 bytes of memory per value, never spilled';
-- END kpi

-- Tracking: SLAs kept on the application's own tables, the sweep, events
-- BEGIN tracking
CREATE TABLE @extschema@.tracked (
	tbl regclass PRIMARY KEY,
	policy text NOT NULL,
	columns jsonb NOT NULL
);

COMMENT ON TABLE @extschema@.tracked IS
'Tables whose SLAs a trigger keeps (written by sla.track and sla.untrack; the trigger carries a copy of the row)';
COMMENT ON COLUMN @extschema@.tracked.tbl IS 'The tracked table';
COMMENT ON COLUMN @extschema@.tracked.policy IS 'The named policy of rows whose policy column is null or unmapped';
COMMENT ON COLUMN @extschema@.tracked.columns IS 'The mapping as sla.track completed it: every key sla.track knows that is mapped, result columns included';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.tracked', '');

-- Everyone reads the mappings (the triggers' arguments are public in
-- pg_trigger anyway); a table's row is written by its owner only, so that
-- sla.track and sla.untrack need no privilege beyond owning the table.
ALTER TABLE @extschema@.tracked ENABLE ROW LEVEL SECURITY;
CREATE POLICY tracked_readable ON @extschema@.tracked FOR SELECT USING (true);
CREATE POLICY tracked_by_table_owner ON @extschema@.tracked
	USING (pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c
								   WHERE c.oid OPERATOR(pg_catalog.=) tbl), 'USAGE'));
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.tracked TO PUBLIC;

CREATE SEQUENCE @extschema@.event_id_seq;

COMMENT ON SEQUENCE @extschema@.event_id_seq IS 'Ids of sla.event';

CREATE TABLE @extschema@.event (
	id bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.event_id_seq'),
	tbl regclass NOT NULL,
	row_key jsonb NOT NULL,
	kind text NOT NULL,
	event @extschema@.sla_state NOT NULL
		CONSTRAINT event_is_transition CHECK (event OPERATOR(pg_catalog.=) ANY ('{at_risk,breached}')),
	at timestamptz NOT NULL,
	detail jsonb
);

ALTER SEQUENCE @extschema@.event_id_seq OWNED BY @extschema@.event.id;

COMMENT ON TABLE @extschema@.event IS
'One row per transition of a tracked row''s target (at_risk at the warn_at crossing, breached at the due), written by the tracking trigger and the sweep, each also notified on channel sla_events';
COMMENT ON COLUMN @extschema@.event.id IS 'Increasing id, also in the notification';
COMMENT ON COLUMN @extschema@.event.tbl IS 'The tracked table';
COMMENT ON COLUMN @extschema@.event.row_key IS 'The row''s primary key as a JSON object (integers as numbers, other types as their text)';
COMMENT ON COLUMN @extschema@.event.kind IS 'The target kind: first_response or resolution';
COMMENT ON COLUMN @extschema@.event.event IS 'The state entered: at_risk or breached';
COMMENT ON COLUMN @extschema@.event.at IS 'When it happened: the warn_at crossing or the due instant, not when it was noticed';
COMMENT ON COLUMN @extschema@.event.detail IS 'due, warn, policy, priority, customer (when mapped) and source (write or sweep)';

CREATE INDEX event_tbl_row_key ON @extschema@.event (tbl, row_key);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.event', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_id_seq', '');

CREATE FUNCTION @extschema@.event_visible(tbl regclass, row_key jsonb)
RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel regclass;
	cond text;
	seen boolean;
BEGIN
	-- through the table the event names, or through the root of its partition tree
	FOREACH rel IN ARRAY ARRAY[tbl, pg_partition_root(tbl)] LOOP
		CONTINUE WHEN rel IS NULL OR NOT coalesce(has_table_privilege(rel, 'SELECT'), false);
		IF NOT row_security_active(rel) THEN
			RETURN true;
		END IF;
		-- row-level security applies: is the row there for the caller?
		SELECT string_agg(format('%I OPERATOR(%I.%s) ($1 OPERATOR(pg_catalog.->>) %L)::%s', a.attname,
								 n.nspname, o.oprname, a.attname, format_type(a.atttypid, a.atttypmod)),
						  ' AND ')
		INTO cond
		FROM pg_index i
		CROSS JOIN LATERAL unnest(i.indkey::int2[], i.indclass::oid[]) AS k(attnum, opclass)
		JOIN pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid AND a.attnum OPERATOR(pg_catalog.=) k.attnum
		JOIN pg_opclass oc ON oc.oid OPERATOR(pg_catalog.=) k.opclass
		JOIN pg_amop am ON am.amopfamily OPERATOR(pg_catalog.=) oc.opcfamily
			AND am.amoplefttype OPERATOR(pg_catalog.=) oc.opcintype
			AND am.amoprighttype OPERATOR(pg_catalog.=) oc.opcintype
			AND am.amopstrategy OPERATOR(pg_catalog.=) 3
		JOIN pg_operator o ON o.oid OPERATOR(pg_catalog.=) am.amopopr
		JOIN pg_namespace n ON n.oid OPERATOR(pg_catalog.=) o.oprnamespace
		WHERE i.indrelid OPERATOR(pg_catalog.=) rel AND i.indisprimary;
		CONTINUE WHEN cond IS NULL;
		EXECUTE format('SELECT EXISTS (SELECT FROM %s WHERE %s)', rel, cond) INTO seen USING row_key;
		IF seen THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END
$$;

COMMENT ON FUNCTION @extschema@.event_visible(regclass, jsonb) IS
'Whether the caller may see the events of the row with key row_key of table tbl: it may read the table (or the root of its partition tree) and, where row-level security applies to it, see the row; the policy of sla.event';

-- Events are read with the reader's rights on the tables they name: whoever
-- may read a row may read its events, nobody else (the table's owner, a
-- superuser or a BYPASSRLS role sees all).  No policy lets anyone but the
-- owner write: the trigger writes events as the owner of sla.event.
ALTER TABLE @extschema@.event ENABLE ROW LEVEL SECURITY;
-- (the common case, a table the reader may read without row-level security,
-- inline: a tenth of the cost of the function call)
CREATE POLICY event_readable ON @extschema@.event FOR SELECT
	USING ((pg_catalog.has_table_privilege(tbl, 'SELECT') AND NOT pg_catalog.row_security_active(tbl))
		   OR @extschema@.event_visible(tbl, row_key));
GRANT SELECT ON @extschema@.event TO PUBLIC;

CREATE FUNCTION @extschema@.track_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'sla_track_trigger'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.track_trigger() IS
'BEFORE INSERT OR UPDATE row trigger created by sla.track (arguments: the default policy and the mapping as JSON): computes due instants, state, pauses and the next check from the row and the policy version in force at its start, and writes an event per threshold crossed';

CREATE FUNCTION @extschema@.track(tbl regclass, policy text, columns jsonb)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	inputs constant text[] := '{priority,opened_at,first_response_at,resolved_at,status,status_changed_at,customer,policy}';
	result_keys constant text[] := '{first_response_due,resolution_due,state,breached_at,paused,targets,next_check}';
	results constant jsonb := '{"first_response_due": "sla_first_response_due", "resolution_due": "sla_resolution_due",
		"state": "sla_state", "breached_at": "sla_breached_at", "paused": "sla_paused",
		"targets": "sla_targets", "next_check": "sla_next_check"}';
	result_types constant jsonb := '{"first_response_due": "timestamp with time zone",
		"resolution_due": "timestamp with time zone", "state": "@extschema@.sla_state",
		"breached_at": "timestamp with time zone", "paused": "tstzmultirange", "targets": "jsonb",
		"next_check": "timestamp with time zone"}';
	mapping jsonb := '{}';
	key text;
	col text;
	coltype regtype;
	used text[] := '{}';
	added boolean := false;
BEGIN
	IF columns IS NULL OR jsonb_typeof(columns) OPERATOR(pg_catalog.<>) 'object' THEN
		RAISE EXCEPTION 'columns must be a JSON object mapping keys to column names'
			USING ERRCODE = '22023';
	END IF;
	FOR key IN SELECT jsonb_object_keys(columns) LOOP
		IF NOT (key OPERATOR(pg_catalog.=) ANY (inputs) OR results ? key OR key OPERATOR(pg_catalog.=) 'paused_statuses') THEN
			RAISE EXCEPTION 'unknown key "%" in the columns of sla.track', key
				USING ERRCODE = '22023',
					  HINT = 'The keys are: ' || array_to_string(inputs || '{paused_statuses}'::text[]
						|| result_keys, ', ') || '.';
		END IF;
		IF key OPERATOR(pg_catalog.<>) 'paused_statuses' AND jsonb_typeof(columns -> key) OPERATOR(pg_catalog.<>) 'string' THEN
			RAISE EXCEPTION 'column name of "%" must be a JSON string', key USING ERRCODE = '22023';
		END IF;
	END LOOP;
	IF NOT EXISTS (SELECT FROM pg_class WHERE oid OPERATOR(pg_catalog.=) tbl AND relkind OPERATOR(pg_catalog.=) ANY ('{r,p}')) THEN
		RAISE EXCEPTION '"%" is not a table', tbl USING ERRCODE = '42809';
	END IF;
	IF NOT pg_has_role((SELECT relowner FROM pg_class WHERE oid OPERATOR(pg_catalog.=) tbl), 'USAGE') THEN
		RAISE EXCEPTION 'must be owner of table %', tbl
			USING ERRCODE = '42501',
				  DETAIL = 'sla.track adds columns and a trigger to the table.',
				  HINT = 'Call it as the table''s owner or a member of the owning role.';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_index WHERE indrelid OPERATOR(pg_catalog.=) tbl AND indisprimary) THEN
		RAISE EXCEPTION 'table "%" has no primary key', tbl
			USING ERRCODE = '42P16', DETAIL = 'SLA tracking names a row by its primary key.';
	END IF;
	IF policy IS NULL OR NOT EXISTS (SELECT FROM @extschema@.policy p WHERE p.name OPERATOR(pg_catalog.=) track.policy) THEN
		RAISE EXCEPTION 'policy "%" does not exist', policy
			USING ERRCODE = '42704', HINT = 'Named policies are rows of sla.policy.';
	END IF;
	IF NOT (columns ? 'priority' AND columns ? 'opened_at') THEN
		RAISE EXCEPTION 'columns must map "priority" and "opened_at"' USING ERRCODE = '22023';
	END IF;
	IF NOT (columns ? 'first_response_at' OR columns ? 'resolved_at') THEN
		RAISE EXCEPTION 'columns must map "first_response_at" or "resolved_at" (or both)'
			USING ERRCODE = '22023', DETAIL = 'A target is tracked when the column of its done instant is mapped.';
	END IF;
	IF (columns ? 'status') OPERATOR(pg_catalog.<>) (columns ? 'paused_statuses') THEN
		RAISE EXCEPTION '"status" and "paused_statuses" must be mapped together' USING ERRCODE = '22023';
	END IF;
	IF columns ? 'status_changed_at' AND NOT columns ? 'status' THEN
		RAISE EXCEPTION '"status_changed_at" needs "status"' USING ERRCODE = '22023';
	END IF;
	IF columns ? 'paused_statuses' THEN
		IF jsonb_typeof(columns -> 'paused_statuses') OPERATOR(pg_catalog.<>) 'array'
		   OR EXISTS (SELECT FROM jsonb_array_elements(columns -> 'paused_statuses') e
					  WHERE jsonb_typeof(e) OPERATOR(pg_catalog.<>) 'string') THEN
			RAISE EXCEPTION '"paused_statuses" must be a JSON array of strings' USING ERRCODE = '22023';
		END IF;
		mapping := jsonb_set(mapping, '{paused_statuses}', columns -> 'paused_statuses');
	END IF;

	-- the inputs: columns that exist, timestamps of type timestamptz
	FOREACH key IN ARRAY inputs LOOP
		CONTINUE WHEN NOT columns ? key;
		col := columns ->> key;
		SELECT atttypid INTO coltype FROM pg_attribute
		WHERE attrelid OPERATOR(pg_catalog.=) tbl AND attname OPERATOR(pg_catalog.=) col
		  AND attnum OPERATOR(pg_catalog.>) 0 AND NOT attisdropped;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'column "%" of relation "%" does not exist', col, tbl
				USING ERRCODE = '42703', DETAIL = format('It is mapped as "%s".', key);
		END IF;
		IF (key OPERATOR(pg_catalog.~~) '%\_at' AND coltype OPERATOR(pg_catalog.<>) 'timestamptz'::regtype)
		   OR (key OPERATOR(pg_catalog.=) 'policy' AND coltype OPERATOR(pg_catalog.<>) ALL ('{text,varchar}'::regtype[])) THEN
			RAISE EXCEPTION 'column "%" of relation "%" has type %', col, tbl, coltype
				USING ERRCODE = '42804',
					  DETAIL = format('"%s" must be a column of type %s.', key,
									  CASE key WHEN 'policy' THEN 'text' ELSE 'timestamp with time zone' END);
		END IF;
		mapping := jsonb_set(mapping, ARRAY[key], to_jsonb(col));
		used := used || col;
	END LOOP;

	-- the results: existing columns of the right type, or new ones
	FOREACH key IN ARRAY result_keys LOOP
		col := coalesce(columns ->> key, results ->> key);
		IF col OPERATOR(pg_catalog.=) ANY (used) THEN
			RAISE EXCEPTION 'column "%" is mapped twice', col
				USING ERRCODE = '22023', DETAIL = format('"%s" must be a column of its own.', key);
		END IF;
		used := used || col;
		SELECT atttypid INTO coltype FROM pg_attribute
		WHERE attrelid OPERATOR(pg_catalog.=) tbl AND attname OPERATOR(pg_catalog.=) col
		  AND attnum OPERATOR(pg_catalog.>) 0 AND NOT attisdropped;
		IF FOUND AND coltype OPERATOR(pg_catalog.<>) (result_types ->> key)::regtype THEN
			RAISE EXCEPTION 'column "%" of relation "%" has type %', col, tbl, coltype
				USING ERRCODE = '42804',
					  DETAIL = format('"%s" must be a column of type %s.', key, (result_types ->> key)::regtype);
		END IF;
		mapping := jsonb_set(mapping, ARRAY[key], to_jsonb(col));
	END LOOP;

	-- from here on the table changes
	FOREACH key IN ARRAY result_keys LOOP
		col := mapping ->> key;
		IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid OPERATOR(pg_catalog.=) tbl
					   AND attname OPERATOR(pg_catalog.=) col AND NOT attisdropped) THEN
			IF key OPERATOR(pg_catalog.=) 'next_check' THEN
				-- every row is stale: the next sweeps judge them (no rewrite, no trigger)
				EXECUTE format('ALTER TABLE %s ADD COLUMN %I timestamptz DEFAULT ''-infinity''', tbl, col);
				EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', tbl, col);
				added := true;
			ELSE
				EXECUTE format('ALTER TABLE %s ADD COLUMN %I %s', tbl, col, (result_types ->> key)::regtype);
			END IF;
		END IF;
	END LOOP;
	IF EXISTS (SELECT FROM pg_trigger WHERE tgrelid OPERATOR(pg_catalog.=) tbl AND tgname OPERATOR(pg_catalog.=) 'sla_track') THEN
		EXECUTE format('DROP TRIGGER sla_track ON %s', tbl);
	END IF;
	IF NOT added THEN
		-- tracked before, perhaps with other terms: every row is stale (no trigger runs here)
		EXECUTE format('UPDATE %s SET %I = ''-infinity''', tbl, mapping ->> 'next_check');
	END IF;
	INSERT INTO @extschema@.tracked AS t (tbl, policy, columns) VALUES (tbl, policy, mapping)
	ON CONFLICT ON CONSTRAINT tracked_pkey DO UPDATE SET policy = excluded.policy, columns = excluded.columns;
	-- the queue of checks (a check of every row now), which the trigger and the sweep find in the mapping
	mapping := jsonb_set(mapping, '{checks}', to_jsonb(@extschema@.create_check_queue(tbl)::text));
	UPDATE @extschema@.tracked t SET columns = mapping WHERE t.tbl OPERATOR(pg_catalog.=) track.tbl;
	-- an UPDATE that sets none of the mapped columns (nor the key) does not even fire the trigger
	EXECUTE format('CREATE TRIGGER sla_track BEFORE INSERT OR UPDATE OF %s ON %s FOR EACH ROW EXECUTE FUNCTION @extschema@.track_trigger(%L, %L)',
				   (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
					FROM pg_attribute a
					WHERE a.attrelid OPERATOR(pg_catalog.=) tbl AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
					  AND (a.attname OPERATOR(pg_catalog.=) ANY (SELECT c.value FROM jsonb_each_text(mapping OPERATOR(pg_catalog.-) 'paused_statuses') c)
						   OR a.attnum OPERATOR(pg_catalog.=) ANY (SELECT unnest(x.indkey::int2[]) FROM pg_index x
																	WHERE x.indrelid OPERATOR(pg_catalog.=) tbl AND x.indisprimary))),
				   tbl, policy, mapping::text);
	PERFORM @extschema@.create_report_view(tbl);
END
$$;

COMMENT ON FUNCTION @extschema@.track(regclass, text, jsonb) IS
'Keeps SLAs on a table its caller owns (42501 otherwise): checks the mapping (42703 missing column, 42804 wrong type, 42704 unknown policy, 42P16 no primary key, 22023 bad key), adds the missing result columns, records the table in sla.tracked, makes its check queue (sla.create_check_queue) with a check of every existing row for the next sweeps, creates the trigger and creates or replaces the table''s report view (sla.create_report_view)';

CREATE FUNCTION @extschema@.untrack(tbl regclass, drop_columns boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mapping jsonb;
	key text;
BEGIN
	IF NOT pg_has_role((SELECT relowner FROM pg_class WHERE oid OPERATOR(pg_catalog.=) tbl), 'USAGE') THEN
		RAISE EXCEPTION 'must be owner of table %', tbl
			USING ERRCODE = '42501',
				  DETAIL = 'sla.untrack drops the table''s trigger and perhaps its columns.',
				  HINT = 'Call it as the table''s owner or a member of the owning role.';
	END IF;
	DELETE FROM @extschema@.tracked t WHERE t.tbl OPERATOR(pg_catalog.=) untrack.tbl RETURNING t.columns INTO mapping;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'table "%" is not tracked', tbl USING ERRCODE = '42704';
	END IF;
	PERFORM @extschema@.drop_report_view(tbl);
	PERFORM @extschema@.drop_check_queue(tbl);
	IF EXISTS (SELECT FROM pg_trigger WHERE tgrelid OPERATOR(pg_catalog.=) tbl AND tgname OPERATOR(pg_catalog.=) 'sla_track') THEN
		EXECUTE format('DROP TRIGGER sla_track ON %s', tbl);
	END IF;
	IF drop_columns THEN
		FOREACH key IN ARRAY '{first_response_due,resolution_due,state,breached_at,paused,targets,next_check}'::text[] LOOP
			IF EXISTS (SELECT FROM pg_attribute WHERE attrelid OPERATOR(pg_catalog.=) tbl
					   AND attname OPERATOR(pg_catalog.=) (mapping ->> key) AND NOT attisdropped) THEN
				EXECUTE format('ALTER TABLE %s DROP COLUMN %I', tbl, mapping ->> key);
			END IF;
		END LOOP;
	END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.untrack(regclass, boolean) IS
'Stops keeping SLAs on a table its caller owns (42501 otherwise): drops its trigger and its row of sla.tracked, its report view, its check queue (sla.drop_check_queue), and with drop_columns its result columns; its events stay';

CREATE FUNCTION @extschema@.object_name(prefix text, tbl regclass)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	nsp name;
	rel name;
	result text;
BEGIN
	SELECT n.nspname, c.relname INTO nsp, rel
	FROM pg_class c JOIN pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
	WHERE c.oid OPERATOR(pg_catalog.=) tbl;
	result := prefix || CASE WHEN nsp OPERATOR(pg_catalog.=) 'public' THEN rel::text ELSE nsp || '_' || rel END;
	IF octet_length(result) OPERATOR(pg_catalog.>) 63
	   OR EXISTS (SELECT FROM pg_class c WHERE c.relname OPERATOR(pg_catalog.=) result
				  AND c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace) THEN
		WHILE octet_length(result) OPERATOR(pg_catalog.>) 54 LOOP
			result := left(result, -1);
		END LOOP;
		result := result || '_' || left(md5(format('%I.%I', nsp, rel)), 8);
		IF EXISTS (SELECT FROM pg_class c WHERE c.relname OPERATOR(pg_catalog.=) result
				   AND c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace) THEN
			RAISE EXCEPTION 'relation "%.%" already exists', '@extschema@', result
				USING ERRCODE = '42P07', DETAIL = format('It is the name sla gives an object of table %s (prefix %s).', tbl, prefix);
		END IF;
	END IF;
	RETURN result;
END
$$;

COMMENT ON FUNCTION @extschema@.object_name(text, regclass) IS
'A free name in schema sla for an object sla makes for a tracked table: prefix then the table''s name (schema_table outside schema public), shortened with a hash of the qualified name when longer than 63 bytes or taken (42P07 when even that is taken)';

CREATE FUNCTION @extschema@.check_queue(tbl regclass)
RETURNS regclass
LANGUAGE sql STABLE
AS $$
	SELECT q.oid::regclass
	FROM pg_catalog.pg_policy p
	JOIN pg_catalog.pg_class q ON q.oid OPERATOR(pg_catalog.=) p.polrelid
	WHERE p.polname OPERATOR(pg_catalog.=) 'sla_check_queue'
	  AND q.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace
	  AND EXISTS (SELECT FROM pg_catalog.pg_depend d
				  WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_policy'::regclass
					AND d.objid OPERATOR(pg_catalog.=) p.oid
					AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::regclass
					AND d.refobjid OPERATOR(pg_catalog.=) check_queue.tbl)
	ORDER BY q.oid
	LIMIT 1
$$;

COMMENT ON FUNCTION @extschema@.check_queue(regclass) IS
'The check queue of a table (the table in schema sla whose policy sla_check_queue names the table), or null';

CREATE FUNCTION @extschema@.create_check_queue(tbl regclass)
RETURNS regclass
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	q regclass;
	q_name text;
	key_cols text;
	key_defs text;
	key_names text[];
BEGIN
	IF NOT EXISTS (SELECT FROM @extschema@.tracked t WHERE t.tbl OPERATOR(pg_catalog.=) create_check_queue.tbl) THEN
		RAISE EXCEPTION 'table "%" is not tracked', tbl USING ERRCODE = '42704';
	END IF;
	SELECT array_agg(a.attname::text ORDER BY k.n), string_agg(format('%I', a.attname), ', ' ORDER BY k.n),
		   string_agg(format('%I %s NOT NULL', a.attname, format_type(a.atttypid, a.atttypmod))
						|| CASE WHEN a.attcollation OPERATOR(pg_catalog.<>) 0 THEN
							   (SELECT format(' COLLATE %I.%I', cn.nspname, co.collname)
								FROM pg_collation co JOIN pg_namespace cn ON cn.oid OPERATOR(pg_catalog.=) co.collnamespace
								WHERE co.oid OPERATOR(pg_catalog.=) a.attcollation) ELSE '' END,
					  ', ' ORDER BY k.n)
	INTO key_names, key_cols, key_defs
	FROM pg_index x
	CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
	JOIN pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) x.indrelid AND a.attnum OPERATOR(pg_catalog.=) k.attnum
	WHERE x.indrelid OPERATOR(pg_catalog.=) tbl AND x.indisprimary AND k.n OPERATOR(pg_catalog.<=) x.indnkeyatts;
	q := @extschema@.check_queue(tbl);
	IF q IS NULL THEN
		q_name := @extschema@.object_name('check_', tbl);
		EXECUTE format('CREATE TABLE @extschema@.%I (sla_check_at timestamptz NOT NULL, %s)', q_name, key_defs);
		q := format('@extschema@.%I', q_name)::regclass;
		EXECUTE format('CREATE INDEX ON %s (sla_check_at)', q);
		-- the sweep deletes the checks it has done, also where a publication covers every table
		EXECUTE format('ALTER TABLE %s REPLICA IDENTITY FULL', q);
		-- the trigger writes checks past privileges (no role needs INSERT); a sweep reads, takes and
		-- deletes those of the tables it may select and update
		EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', q);
		-- (a role that row-level security limits on the table sees the checks of the rows it sees)
		EXECUTE format('CREATE POLICY sla_check_queue ON %s USING (pg_catalog.has_table_privilege(%L::regclass, ''SELECT'')'
					   ' AND pg_catalog.has_table_privilege(%L::regclass, ''UPDATE'')'
					   ' AND (NOT pg_catalog.row_security_active(%L::regclass)'
					   ' OR EXISTS (SELECT FROM %s AS t WHERE (%s) OPERATOR(pg_catalog.=) (%s))))',
					   q, tbl::text, tbl::text, tbl::text, tbl,
					   (SELECT string_agg(format('t.%I', c), ', ' ORDER BY n) FROM unnest(key_names) WITH ORDINALITY AS k(c, n)),
					   (SELECT string_agg(format('%s.%I', q, c), ', ' ORDER BY n) FROM unnest(key_names) WITH ORDINALITY AS k(c, n)));
		EXECUTE format('GRANT SELECT, UPDATE, DELETE ON %s TO PUBLIC', q);
		EXECUTE format('COMMENT ON TABLE %s IS %L', q,
					   format('The check queue of %s: when each of its open rows is next to be judged by sla.sweep (written by its tracking trigger; a row may have checks that are no longer needed: the sweep drops them)', tbl));
		EXECUTE format('COMMENT ON COLUMN %s.sla_check_at IS %L', q, 'The instant from which a sweep judges the row');
	END IF;
	-- every row is stale: judged by the next sweeps
	EXECUTE format('INSERT INTO %s (sla_check_at, %s) SELECT ''-infinity'', %s FROM %s', q, key_cols, key_cols, tbl);
	RETURN q;
END
$$;

COMMENT ON FUNCTION @extschema@.create_check_queue(regclass) IS
'Creates, if missing, the check queue of a tracked table (called by sla.track; runs as the extension''s owner, who owns the queues): sla.check_<table>, named as report views are, with the table''s primary key and sla_check_at, readable by the roles that may select and update the table (under its row-level security, those of the rows they see); then queues a check of every row of the table at -infinity';

CREATE FUNCTION @extschema@.drop_check_queue(tbl regclass)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	q regclass := @extschema@.check_queue(tbl);
BEGIN
	IF EXISTS (SELECT FROM @extschema@.tracked t WHERE t.tbl OPERATOR(pg_catalog.=) drop_check_queue.tbl) THEN
		RAISE EXCEPTION 'table % is tracked', tbl
			USING ERRCODE = '55000', HINT = 'sla.untrack drops the check queue of a table.';
	END IF;
	IF q IS NOT NULL THEN
		EXECUTE format('DROP TABLE %s', q);
	END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.drop_check_queue(regclass) IS
'Drops the check queue of a table if it has one (called by sla.untrack; runs as the extension''s owner; 55000 while the table is tracked)';

CREATE FUNCTION @extschema@.sweep(max_rows integer DEFAULT 10000, at timestamptz DEFAULT now())
RETURNS integer
AS 'MODULE_PATHNAME', 'sla_sweep'
LANGUAGE C STRICT VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION @extschema@.sweep(integer, timestamptz) IS
'Judges as of at the tracked rows whose checks are due (a check comes at or before the next warn_at crossing or due), deleting the checks it took, then recomputes the open rows whose calendar changed (sla.recompute), at most max_rows in all, skipping rows other transactions hold, in the tracked tables the caller may select and update (42501 when there are some and it may update none; the walk of a calendar change waits at a table the caller may not update, for a sweep by a role that may), through its row-level security; writes their events; reports and parks (next check infinity) a row that cannot be judged; returns the number of rows whose state changed';
CREATE SEQUENCE @extschema@.recompute_id_seq;

COMMENT ON SEQUENCE @extschema@.recompute_id_seq IS 'Ids of sla.recompute';

CREATE TABLE @extschema@.recompute (
	id bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.recompute_id_seq'),
	calendars text[],
	xact pg_catalog.xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
	wait_for text[],
	tbl regclass,
	after text[]
);

ALTER SEQUENCE @extschema@.recompute_id_seq OWNED BY @extschema@.recompute.id;

COMMENT ON TABLE @extschema@.recompute IS
'Calendar changes whose open tracked rows sla.sweep has still to recompute: written by sla.recompute_trigger in the changing transaction, walked by primary key in batches by the sweeps, deleted when every tracked table is done';
COMMENT ON COLUMN @extschema@.recompute.id IS 'Order of the changes; the sweep walks the oldest first';
COMMENT ON COLUMN @extschema@.recompute.calendars IS 'The calendars that changed; null: every calendar';
COMMENT ON COLUMN @extschema@.recompute.xact IS 'The transaction that wrote the entry (one entry per transaction and calendar)';
COMMENT ON COLUMN @extschema@.recompute.wait_for IS 'The transactions (virtual ids) running when a sweep first saw the entry; its walk starts once they have all ended, so that no row judged on the calendar as it was is committed behind the walk';
COMMENT ON COLUMN @extschema@.recompute.tbl IS 'The tracked table the walk is in; null: not started (later changes not started are merged into it)';
COMMENT ON COLUMN @extschema@.recompute.after IS 'The primary key (as text) of the last row of tbl recomputed; null: none yet';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.recompute', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.recompute_id_seq', '');

CREATE FUNCTION @extschema@.recompute_trigger()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	names text[];
BEGIN
	IF NOT EXISTS (SELECT FROM @extschema@.tracked) THEN
		RETURN NULL;
	END IF;
	IF TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND (to_jsonb(NEW) OPERATOR(pg_catalog.-) '{comment,reason}'::text[])
	   OPERATOR(pg_catalog.=) (to_jsonb(OLD) OPERATOR(pg_catalog.-) '{comment,reason}'::text[]) THEN
		-- only free text changed: no open hour moved
		RETURN NULL;
	END IF;
	IF TG_LEVEL OPERATOR(pg_catalog.=) 'ROW' THEN
		-- a calendar or an exception: the calendars named before and after
		SELECT array_agg(DISTINCT n ORDER BY n) INTO names
		FROM unnest(ARRAY[to_jsonb(NEW) OPERATOR(pg_catalog.->>) TG_ARGV[0],
						  to_jsonb(OLD) OPERATOR(pg_catalog.->>) TG_ARGV[0]]) n
		WHERE n IS NOT NULL;
	ELSIF TG_NARGS OPERATOR(pg_catalog.>) 0 THEN
		-- TRUNCATE of a calendar table: every calendar
		names := NULL;
	ELSE
		-- holiday data: the calendars that follow holiday regions
		SELECT array_agg(c.name ORDER BY c.name) INTO names FROM @extschema@.calendar c
		WHERE c.holidays OPERATOR(pg_catalog.<>) '{}';
		IF names IS NULL THEN
			RETURN NULL;
		END IF;
	END IF;
	IF NOT EXISTS (SELECT FROM @extschema@.recompute r
				   WHERE r.xact OPERATOR(pg_catalog.=) pg_current_xact_id()
					 AND (r.calendars IS NULL OR r.calendars OPERATOR(pg_catalog.@>) names)) THEN
		INSERT INTO @extschema@.recompute (calendars) VALUES (names);
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION @extschema@.recompute_trigger() IS
'AFTER trigger of the calendar and holiday tables (FOR EACH ROW with the column naming the calendar as argument, FOR EACH STATEMENT without: every calendar, or those following holiday regions): while a table is tracked, queues the change in sla.recompute for sla.sweep to recompute the open rows it affects';

CREATE TRIGGER calendar_recompute
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.calendar
	FOR EACH ROW EXECUTE FUNCTION @extschema@.recompute_trigger('name');
CREATE TRIGGER calendar_truncate_recompute
	AFTER TRUNCATE ON @extschema@.calendar
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.recompute_trigger('name');
CREATE TRIGGER calendar_exception_recompute
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.calendar_exception
	FOR EACH ROW EXECUTE FUNCTION @extschema@.recompute_trigger('calendar');
CREATE TRIGGER calendar_exception_truncate_recompute
	AFTER TRUNCATE ON @extschema@.calendar_exception
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.recompute_trigger('calendar');
CREATE TRIGGER holiday_region_recompute
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.holiday_region
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.recompute_trigger();
CREATE TRIGGER holiday_rule_recompute
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.holiday_rule
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.recompute_trigger();
CREATE TRIGGER holiday_date_recompute
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.holiday_date
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.recompute_trigger();
CREATE TRIGGER holiday_override_recompute
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.holiday_override
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.recompute_trigger();
CREATE TRIGGER lunar_correction_recompute
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.lunar_correction
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.recompute_trigger();
-- END tracking

-- ---------------------------------------------------------------------------
-- Contracts: a customer's terms (calendar, ticket policy), KPI targets per
-- week, month or quarter, service-credit tiers, measurements (inserted by a
-- job or computed by registered queries) and the attainment view.
-- BEGIN contracts
CREATE FUNCTION @extschema@.kpi_period(at timestamptz, period text, time_zone text)
RETURNS tstzrange
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	local_start timestamp;
BEGIN
	IF period OPERATOR(pg_catalog.<>) ALL ('{week,month,quarter}') THEN
		RAISE EXCEPTION 'unknown KPI period "%"', period
			USING ERRCODE = '22023', HINT = 'The periods are: week, month, quarter.';
	END IF;
	IF NOT isfinite(at) THEN
		RAISE EXCEPTION 'timestamp must be finite' USING ERRCODE = '22008';
	END IF;
	local_start := date_trunc(period, at AT TIME ZONE time_zone);
	RETURN tstzrange(local_start AT TIME ZONE time_zone,
		(local_start OPERATOR(pg_catalog.+) CASE period WHEN 'week' THEN interval '7 days'
			WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END) AT TIME ZONE time_zone);
END
$$;

COMMENT ON FUNCTION @extschema@.kpi_period(timestamptz, text, text) IS
'The week (Monday to Monday), month or quarter that contains at, from local midnight to local midnight in time_zone; 22023 for another period, 22008 for an infinite at';

CREATE FUNCTION @extschema@.kpi_met(value numeric, comparator text, threshold numeric)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE comparator
	WHEN '>=' THEN value OPERATOR(pg_catalog.>=) threshold
	WHEN '>' THEN value OPERATOR(pg_catalog.>) threshold
	WHEN '<=' THEN value OPERATOR(pg_catalog.<=) threshold
	WHEN '<' THEN value OPERATOR(pg_catalog.<) threshold END;

COMMENT ON FUNCTION @extschema@.kpi_met(numeric, text, numeric) IS
'value comparator threshold, the comparator one of >=, >, <=, <; NULL when value is NULL (not measured) or for another comparator';

CREATE TABLE @extschema@.contract (
	name text PRIMARY KEY
		CONSTRAINT contract_name_length CHECK (pg_catalog.octet_length(name) OPERATOR(pg_catalog.>=) 1
			AND pg_catalog.octet_length(name) OPERATOR(pg_catalog.<=) 127),
	customer text NOT NULL,
	valid_from timestamptz NOT NULL
		CONSTRAINT contract_valid_from_finite CHECK (pg_catalog.isfinite(valid_from)),
	valid_to timestamptz NOT NULL DEFAULT 'infinity'
		CONSTRAINT contract_valid_to_not_minus_infinity CHECK (valid_to OPERATOR(pg_catalog.<>) '-infinity'),
	policy text,
	calendar text NOT NULL REFERENCES @extschema@.calendar (name) ON UPDATE CASCADE,
	comment text,
	CONSTRAINT contract_valid_range CHECK (valid_from OPERATOR(pg_catalog.<) valid_to)
);

COMMENT ON TABLE @extschema@.contract IS
'Service contracts: a customer, a validity, the named ticket policy and the calendar whose time zone cuts the KPI periods and whose hours are the service hours';
COMMENT ON COLUMN @extschema@.contract.name IS 'Contract name, 1 to 127 bytes';
COMMENT ON COLUMN @extschema@.contract.customer IS 'The customer, as the ticket and call tables name it (passed to registered KPI queries)';
COMMENT ON COLUMN @extschema@.contract.valid_from IS 'First instant the contract is in force (finite); the first period starts here';
COMMENT ON COLUMN @extschema@.contract.valid_to IS 'First instant the contract is no longer in force (infinity: open-ended); the last period ends here';
COMMENT ON COLUMN @extschema@.contract.policy IS 'Name of the sla.policy whose targets the tickets of the contract follow, or null; checked on write (23503) by sla.contract_check_policy, and deleting its last version in force is refused';
COMMENT ON COLUMN @extschema@.contract.calendar IS 'The service-hours calendar (foreign key to sla.calendar): its time zone cuts weeks, months and quarters; availability is measured on its hours';
COMMENT ON COLUMN @extschema@.contract.comment IS 'Free text, e.g. the contract reference';

-- sla.policy is keyed by (name, valid_from): no foreign key can name a policy
-- by name alone, so two triggers keep the reference.
CREATE FUNCTION @extschema@.contract_check_policy()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	-- pg_dump restores contracts before policies and sets check_function_bodies off
	IF NEW.policy IS NULL OR NOT current_setting('check_function_bodies')::boolean THEN
		RETURN NEW;
	END IF;
	IF NOT EXISTS (SELECT FROM @extschema@.policy p WHERE p.name OPERATOR(pg_catalog.=) NEW.policy
				   AND p.valid_from OPERATOR(pg_catalog.<) NEW.valid_to) THEN
		RAISE EXCEPTION 'policy "%" of contract "%" does not exist', NEW.policy, NEW.name
			USING ERRCODE = '23503',
				  DETAIL = format('No version of policy "%s" is in force before %s.', NEW.policy, NEW.valid_to),
				  HINT = 'Named policies are rows of sla.policy.';
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.contract_check_policy() IS
'BEFORE INSERT OR UPDATE row trigger of sla.contract: a policy name needs a version of sla.policy in force before the contract ends (23503); skipped while check_function_bodies is off, as during a restore';

CREATE TRIGGER contract_check_policy
	BEFORE INSERT OR UPDATE OF policy, valid_to ON @extschema@.contract
	FOR EACH ROW EXECUTE FUNCTION @extschema@.contract_check_policy();

CREATE FUNCTION @extschema@.policy_check_contracts()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
BEGIN
	SELECT k.name, k.policy INTO c FROM @extschema@.contract k
	WHERE k.policy IN (SELECT o.name FROM old_rows o)
	  AND NOT EXISTS (SELECT FROM @extschema@.policy p WHERE p.name OPERATOR(pg_catalog.=) k.policy
					  AND p.valid_from OPERATOR(pg_catalog.<) k.valid_to)
	ORDER BY k.name LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'policy "%" is still used by contract "%"', c.policy, c.name
			USING ERRCODE = '23503',
				  DETAIL = 'The contract needs a version of the policy in force before it ends.';
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION @extschema@.policy_check_contracts() IS
'AFTER DELETE and AFTER UPDATE statement triggers of sla.policy: refuses (23503) to leave a contract without a version of its policy in force before the contract ends';

CREATE TRIGGER policy_check_contracts_delete
	AFTER DELETE ON @extschema@.policy
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.policy_check_contracts();
CREATE TRIGGER policy_check_contracts_update
	AFTER UPDATE ON @extschema@.policy
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.policy_check_contracts();
COMMENT ON TRIGGER policy_check_contracts_delete ON @extschema@.policy IS
'A contract''s policy keeps a version in force before the contract ends';
COMMENT ON TRIGGER policy_check_contracts_update ON @extschema@.policy IS
'A contract''s policy keeps a version in force before the contract ends';

CREATE TABLE @extschema@.kpi_target (
	contract text NOT NULL REFERENCES @extschema@.contract (name) ON UPDATE CASCADE ON DELETE CASCADE,
	kpi text NOT NULL
		CONSTRAINT kpi_target_kpi_length CHECK (pg_catalog.octet_length(kpi) OPERATOR(pg_catalog.>=) 1
			AND pg_catalog.octet_length(kpi) OPERATOR(pg_catalog.<=) 127),
	comparator text NOT NULL
		CONSTRAINT kpi_target_comparator CHECK (comparator OPERATOR(pg_catalog.=) ANY ('{>=,>,<=,<}')),
	threshold numeric NOT NULL
		CONSTRAINT kpi_target_threshold_finite CHECK (threshold OPERATOR(pg_catalog.<>) ALL ('{NaN,Infinity,-Infinity}')),
	period text NOT NULL
		CONSTRAINT kpi_target_period CHECK (period OPERATOR(pg_catalog.=) ANY ('{week,month,quarter}')),
	comment text,
	PRIMARY KEY (contract, kpi, period)
);

COMMENT ON TABLE @extschema@.kpi_target IS
'A contract''s KPI targets: the value measured over each week, month or quarter must satisfy value comparator threshold';
COMMENT ON COLUMN @extschema@.kpi_target.contract IS 'The contract';
COMMENT ON COLUMN @extschema@.kpi_target.kpi IS 'KPI name, 1 to 127 bytes, free text (standard names in docs/contracts.md: availability, fcr, service_level, csat, resolution_P1 ...)';
COMMENT ON COLUMN @extschema@.kpi_target.comparator IS 'How the measured value must compare with the threshold: >=, >, <= or <';
COMMENT ON COLUMN @extschema@.kpi_target.threshold IS 'The threshold, in the KPI''s unit (a percentage 0 to 100 for ratios, a count, hours ...)';
COMMENT ON COLUMN @extschema@.kpi_target.period IS 'The period each value covers: week (Monday to Monday), month or quarter, in the time zone of the contract''s calendar';
COMMENT ON COLUMN @extschema@.kpi_target.comment IS 'Free text, e.g. the contract clause';

CREATE TABLE @extschema@.kpi_credit (
	contract text NOT NULL,
	kpi text NOT NULL,
	period text NOT NULL,
	threshold numeric NOT NULL
		CONSTRAINT kpi_credit_threshold_finite CHECK (threshold OPERATOR(pg_catalog.<>) ALL ('{NaN,Infinity,-Infinity}')),
	credit_percent numeric NOT NULL
		CONSTRAINT kpi_credit_percent_range CHECK (credit_percent OPERATOR(pg_catalog.>) 0
			AND credit_percent OPERATOR(pg_catalog.<=) 100),
	PRIMARY KEY (contract, kpi, period, threshold),
	FOREIGN KEY (contract, kpi, period) REFERENCES @extschema@.kpi_target (contract, kpi, period)
		ON UPDATE CASCADE ON DELETE CASCADE
);

COMMENT ON TABLE @extschema@.kpi_credit IS
'Service-credit tiers of a KPI target: a tier is reached when the measured value fails value comparator threshold (the target''s comparator, the tier''s threshold); a missed period earns the largest credit among the tiers reached (tiers do not add)';
COMMENT ON COLUMN @extschema@.kpi_credit.contract IS 'The contract';
COMMENT ON COLUMN @extschema@.kpi_credit.kpi IS 'The KPI of the target';
COMMENT ON COLUMN @extschema@.kpi_credit.period IS 'The period of the target';
COMMENT ON COLUMN @extschema@.kpi_credit.threshold IS 'The tier''s threshold, compared as the target''s (for ">= 99.9": tiers at 99.9 and 99.5 mean below 99.9 and below 99.5)';
COMMENT ON COLUMN @extschema@.kpi_credit.credit_percent IS 'Credit due for a period that reaches this tier, in percent (0 to 100) of the period''s fee';

CREATE TABLE @extschema@.kpi_measurement (
	contract text NOT NULL,
	kpi text NOT NULL,
	period text NOT NULL,
	period_start timestamptz NOT NULL,
	value numeric
		CONSTRAINT kpi_measurement_value_finite CHECK (value OPERATOR(pg_catalog.<>) ALL ('{NaN,Infinity,-Infinity}')),
	measured_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (contract, kpi, period, period_start),
	FOREIGN KEY (contract, kpi, period) REFERENCES @extschema@.kpi_target (contract, kpi, period)
		ON UPDATE CASCADE ON DELETE CASCADE
);

COMMENT ON TABLE @extschema@.kpi_measurement IS
'Measured KPI values, one per target and period: inserted by a job, or by sla.measure from the registered queries of sla.kpi_query';
COMMENT ON COLUMN @extschema@.kpi_measurement.contract IS 'The contract';
COMMENT ON COLUMN @extschema@.kpi_measurement.kpi IS 'The KPI of the target';
COMMENT ON COLUMN @extschema@.kpi_measurement.period IS 'The period of the target';
COMMENT ON COLUMN @extschema@.kpi_measurement.period_start IS 'Start of the period measured: local midnight starting a week, month or quarter in the time zone of the contract''s calendar, or the contract''s valid_from for its first period (checked, 22023)';
COMMENT ON COLUMN @extschema@.kpi_measurement.value IS 'The measured value; null when there was nothing to count (e.g. no P1 ticket in the period)';
COMMENT ON COLUMN @extschema@.kpi_measurement.measured_at IS 'When the value was measured';

CREATE FUNCTION @extschema@.kpi_measurement_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
	p tstzrange;
BEGIN
	SELECT k.valid_from, k.valid_to, cal.time_zone INTO c
	FROM @extschema@.contract k JOIN @extschema@.calendar cal ON cal.name OPERATOR(pg_catalog.=) k.calendar
	WHERE k.name OPERATOR(pg_catalog.=) NEW.contract;
	IF NOT FOUND THEN
		RETURN NEW;  -- the foreign key reports it
	END IF;
	IF isfinite(NEW.period_start) THEN
		p := @extschema@.kpi_period(NEW.period_start, NEW.period, c.time_zone);
	END IF;
	IF p IS NULL OR NEW.period_start OPERATOR(pg_catalog.<) c.valid_from
	   OR NEW.period_start OPERATOR(pg_catalog.>=) c.valid_to
	   OR (NEW.period_start OPERATOR(pg_catalog.<>) lower(p) AND NEW.period_start OPERATOR(pg_catalog.<>) c.valid_from) THEN
		RAISE EXCEPTION '% is not the start of a % of contract "%"', NEW.period_start, NEW.period, NEW.contract
			USING ERRCODE = '22023',
				  DETAIL = format('Periods start at local midnight in time zone %s, the first at the contract''s valid_from %s, and end before its valid_to %s.',
								  c.time_zone, c.valid_from, c.valid_to),
				  HINT = CASE WHEN p IS NOT NULL THEN format('The %s containing it starts at %s.', NEW.period,
															  greatest(lower(p), c.valid_from)) END;
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.kpi_measurement_check() IS
'BEFORE INSERT OR UPDATE row trigger of sla.kpi_measurement: period_start must start one of the contract''s periods (22023)';

CREATE TRIGGER kpi_measurement_check
	BEFORE INSERT OR UPDATE ON @extschema@.kpi_measurement
	FOR EACH ROW EXECUTE FUNCTION @extschema@.kpi_measurement_check();

CREATE TABLE @extschema@.kpi_query (
	kpi text PRIMARY KEY
		CONSTRAINT kpi_query_kpi_length CHECK (pg_catalog.octet_length(kpi) OPERATOR(pg_catalog.>=) 1
			AND pg_catalog.octet_length(kpi) OPERATOR(pg_catalog.<=) 127),
	query text NOT NULL,
	registered_by text NOT NULL DEFAULT CURRENT_USER,
	comment text
);

COMMENT ON TABLE @extschema@.kpi_query IS
'Registered KPI queries, run by sla.measure for every target of the KPI: one SELECT returning at most one row of one numeric column, with parameters $1 contract, $2 kpi, $3 period start, $4 period end, $5 customer, $6 calendar, $7 policy';
COMMENT ON COLUMN @extschema@.kpi_query.kpi IS 'The KPI name the query measures, as in sla.kpi_target';
COMMENT ON COLUMN @extschema@.kpi_query.query IS 'A SELECT with schema-qualified names (it runs with search_path pg_catalog, pg_temp) and the parameters $1 to $7; values arrive as parameters, never pasted into the text';
COMMENT ON COLUMN @extschema@.kpi_query.registered_by IS 'The role that registered the query (a role the writer is a member of, 42501 otherwise); sla.measure runs the query only for callers whose privileges this role has';
COMMENT ON COLUMN @extschema@.kpi_query.comment IS 'Free text, e.g. the definition in words';

CREATE FUNCTION @extschema@.kpi_query_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT pg_has_role(current_user, NEW.registered_by, 'MEMBER') THEN
		RAISE EXCEPTION 'permission denied to register a KPI query as role "%"', NEW.registered_by
			USING ERRCODE = '42501',
				  DETAIL = 'A registered query records a role the writer is a member of.';
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.kpi_query_check() IS
'BEFORE INSERT OR UPDATE row trigger of sla.kpi_query: registered_by must be a role the current user is a member of (42501), so nobody registers a query in another role''s name';

CREATE TRIGGER kpi_query_check
	BEFORE INSERT OR UPDATE ON @extschema@.kpi_query
	FOR EACH ROW EXECUTE FUNCTION @extschema@.kpi_query_check();

CREATE FUNCTION @extschema@.measure(contract text, period_start timestamptz, measured_at timestamptz DEFAULT now())
RETURNS TABLE (kpi text, period text, value numeric)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
	t record;
	p tstzrange;
	r record;
	txt text;
	v numeric;
	n bigint;
	found_period boolean := false;
BEGIN
	SELECT k.name, k.customer, k.valid_from, k.valid_to, k.policy, k.calendar, cal.time_zone INTO c
	FROM @extschema@.contract k JOIN @extschema@.calendar cal ON cal.name OPERATOR(pg_catalog.=) k.calendar
	WHERE k.name OPERATOR(pg_catalog.=) measure.contract;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'contract "%" does not exist', measure.contract USING ERRCODE = '42704';
	END IF;
	IF period_start IS NULL OR measured_at IS NULL THEN
		RAISE EXCEPTION 'period_start and measured_at must not be null' USING ERRCODE = '22004';
	END IF;
	FOR t IN SELECT g.kpi, g.period, q.query, q.registered_by
			 FROM @extschema@.kpi_target g LEFT JOIN @extschema@.kpi_query q ON q.kpi OPERATOR(pg_catalog.=) g.kpi
			 WHERE g.contract OPERATOR(pg_catalog.=) c.name ORDER BY g.kpi, g.period LOOP
		-- only the targets with a period starting at period_start
		CONTINUE WHEN NOT isfinite(period_start) OR period_start OPERATOR(pg_catalog.<) c.valid_from
			OR period_start OPERATOR(pg_catalog.>=) c.valid_to;
		p := @extschema@.kpi_period(period_start, t.period, c.time_zone);
		CONTINUE WHEN period_start OPERATOR(pg_catalog.<>) lower(p) AND period_start OPERATOR(pg_catalog.<>) c.valid_from;
		found_period := true;
		CONTINUE WHEN t.query IS NULL;
		IF NOT pg_has_role(t.registered_by, current_user, 'USAGE') THEN
			RAISE EXCEPTION 'permission denied to run the KPI query of "%" registered by role "%"', t.kpi, t.registered_by
				USING ERRCODE = '42501',
					  DETAIL = format('A registered query runs with the privileges of the caller, role "%s", which role "%s" does not have.',
									  current_user, t.registered_by),
					  HINT = 'Register the query as a role that has the privileges of every role that measures.';
		END IF;
		p := tstzrange(greatest(lower(p), c.valid_from), least(upper(p), c.valid_to));
		BEGIN
			EXECUTE t.query INTO r USING c.name, t.kpi, lower(p), upper(p), c.customer, c.calendar, c.policy;
		EXCEPTION WHEN OTHERS THEN
			RAISE EXCEPTION 'KPI query of "%" failed: %', t.kpi, SQLERRM
				USING ERRCODE = SQLSTATE, DETAIL = format('Contract "%s", %s starting %s.', c.name, t.period, lower(p));
		END;
		GET DIAGNOSTICS n = ROW_COUNT;
		IF n OPERATOR(pg_catalog.>) 1 THEN
			RAISE EXCEPTION 'KPI query of "%" returned % rows', t.kpi, n
				USING ERRCODE = '21000', HINT = 'A KPI query returns at most one row (none or a null value: nothing measured).';
		END IF;
		v := NULL;
		IF n OPERATOR(pg_catalog.=) 1 THEN
			-- a json object keeps every column, in order, even columns of the same name
			SELECT count(*), min(j.value) INTO n, txt FROM json_each_text(row_to_json(r)) AS j;
			IF n OPERATOR(pg_catalog.<>) 1 THEN
				RAISE EXCEPTION 'KPI query of "%" returned % columns', t.kpi, n
					USING ERRCODE = '42601', HINT = 'A KPI query returns one numeric column.';
			END IF;
			BEGIN
				v := txt::numeric;
			EXCEPTION WHEN data_exception THEN
				RAISE EXCEPTION 'KPI query of "%" returned "%", not a number', t.kpi, txt
					USING ERRCODE = '42804', HINT = 'A KPI query returns one numeric column (durations as seconds or hours).';
			END;
		END IF;
		INSERT INTO @extschema@.kpi_measurement AS m (contract, kpi, period, period_start, value, measured_at)
		VALUES (c.name, t.kpi, t.period, lower(p), v, measure.measured_at)
		ON CONFLICT ON CONSTRAINT kpi_measurement_pkey
		DO UPDATE SET value = excluded.value, measured_at = excluded.measured_at;
		kpi := t.kpi;
		period := t.period;
		value := v;
		RETURN NEXT;
	END LOOP;
	IF NOT found_period THEN
		RAISE EXCEPTION '% starts no period of contract "%"', period_start, c.name
			USING ERRCODE = '22023',
				  DETAIL = format('Periods start at local midnight in time zone %s, the first at the contract''s valid_from %s, and end before its valid_to %s.',
								  c.time_zone, c.valid_from, c.valid_to);
	END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.measure(text, timestamptz, timestamptz) IS
'Runs the registered query of every target of the contract whose period starts at period_start (with parameters, over the period cut to the contract''s validity), stores each value in sla.kpi_measurement (replacing an earlier one) and returns them; 42704 unknown contract, 22023 no period starts there, 42501 a query registered by a role without the caller''s privileges, 21000 a query returning several rows';

CREATE VIEW @extschema@.kpi_attainment WITH (security_invoker = true) AS
SELECT c.name AS contract,
	c.customer,
	t.kpi,
	t.period,
	p.period_start,
	p.period_end,
	m.value,
	t.comparator,
	t.threshold,
	@extschema@.kpi_met(m.value, t.comparator, t.threshold) AS met,
	CASE @extschema@.kpi_met(m.value, t.comparator, t.threshold)
		WHEN true THEN 0 WHEN false THEN coalesce(cr.credit_percent, 0) END AS credit_percent,
	m.measured_at
FROM @extschema@.contract c
JOIN @extschema@.calendar cal ON cal.name OPERATOR(pg_catalog.=) c.calendar
JOIN @extschema@.kpi_target t ON t.contract OPERATOR(pg_catalog.=) c.name
CROSS JOIN LATERAL (
	-- local midnights starting the periods, from the one holding valid_from
	-- to the last one begun before valid_to and before now
	SELECT GREATEST(g.local_start AT TIME ZONE cal.time_zone, c.valid_from) AS period_start,
		LEAST((g.local_start OPERATOR(pg_catalog.+) s.step) AT TIME ZONE cal.time_zone, c.valid_to) AS period_end
	FROM (SELECT CASE t.period WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
			ELSE interval '3 months' END AS step) AS s,
		pg_catalog.generate_series(pg_catalog.date_trunc(t.period, c.valid_from AT TIME ZONE cal.time_zone),
			LEAST(c.valid_to, pg_catalog.now()) AT TIME ZONE cal.time_zone, s.step) AS g(local_start)
	WHERE g.local_start AT TIME ZONE cal.time_zone OPERATOR(pg_catalog.<) LEAST(c.valid_to, pg_catalog.now())
) AS p
LEFT JOIN @extschema@.kpi_measurement m ON m.contract OPERATOR(pg_catalog.=) t.contract
	AND m.kpi OPERATOR(pg_catalog.=) t.kpi AND m.period OPERATOR(pg_catalog.=) t.period
	AND m.period_start OPERATOR(pg_catalog.=) p.period_start
LEFT JOIN LATERAL (
	-- the largest credit among the tiers the value reached
	SELECT k.credit_percent FROM @extschema@.kpi_credit k
	WHERE k.contract OPERATOR(pg_catalog.=) t.contract AND k.kpi OPERATOR(pg_catalog.=) t.kpi
	  AND k.period OPERATOR(pg_catalog.=) t.period AND NOT @extschema@.kpi_met(m.value, t.comparator, k.threshold)
	ORDER BY k.credit_percent DESC LIMIT 1
) AS cr ON true;

COMMENT ON VIEW @extschema@.kpi_attainment IS
'Per contract, KPI target and period that has started (weeks, months, quarters in the time zone of the contract''s calendar, cut to the contract''s validity): the measured value, the target, whether it was met and the service credit due';
COMMENT ON COLUMN @extschema@.kpi_attainment.contract IS 'The contract';
COMMENT ON COLUMN @extschema@.kpi_attainment.customer IS 'The contract''s customer';
COMMENT ON COLUMN @extschema@.kpi_attainment.kpi IS 'The KPI name';
COMMENT ON COLUMN @extschema@.kpi_attainment.period IS 'week, month or quarter';
COMMENT ON COLUMN @extschema@.kpi_attainment.period_start IS 'Start of the period: local midnight in the calendar''s time zone, or the contract''s valid_from for the first period';
COMMENT ON COLUMN @extschema@.kpi_attainment.period_end IS 'End of the period (exclusive): the next period''s start, or the contract''s valid_to';
COMMENT ON COLUMN @extschema@.kpi_attainment.value IS 'The measured value; null when not measured or nothing was counted';
COMMENT ON COLUMN @extschema@.kpi_attainment.comparator IS 'The target''s comparator: >=, >, <= or <';
COMMENT ON COLUMN @extschema@.kpi_attainment.threshold IS 'The target''s threshold';
COMMENT ON COLUMN @extschema@.kpi_attainment.met IS 'value comparator threshold; null when the value is null';
COMMENT ON COLUMN @extschema@.kpi_attainment.credit_percent IS 'Service credit due in percent of the period''s fee: the largest credit among the tiers the value reached, 0 when met or no tier is reached, null when not measured';
COMMENT ON COLUMN @extschema@.kpi_attainment.measured_at IS 'When the value was measured; null when not measured';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.contract', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.kpi_target', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.kpi_credit', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.kpi_measurement', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.kpi_query', '');
GRANT SELECT ON @extschema@.contract, @extschema@.kpi_target, @extschema@.kpi_credit, @extschema@.kpi_measurement,
	@extschema@.kpi_query, @extschema@.kpi_attainment TO PUBLIC;
-- END contracts

-- Reports: plain-typed views of tracked tables for BI tools
-- BEGIN reports
CREATE FUNCTION @extschema@.report_at()
RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT coalesce(nullif(pg_catalog.current_setting('sla.now', true), '')::timestamptz,
							   pg_catalog.now())
$$;

COMMENT ON FUNCTION @extschema@.report_at() IS
'The instant the report views judge as of: the setting sla.now when set (to replay history, or in tests), else now(), the start of the transaction';

CREATE FUNCTION @extschema@.report_target(policy_name text, priority text, kind text, opened_at timestamptz,
	done_at timestamptz, due timestamptz, pauses tstzmultirange, at timestamptz)
RETURNS TABLE (target text, due timestamptz, state text, met boolean, breached boolean, paused boolean,
	paused_hours numeric, business_hours numeric, calendar text, time_zone text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT tg.target::text,
		   nullif(report_target.due, 'infinity'),
		   st.state::text,
		   coalesce(report_target.done_at OPERATOR(pg_catalog.<=) report_target.due, false),
		   coalesce(report_target.done_at OPERATOR(pg_catalog.>) report_target.due
			   OR (report_target.done_at IS NULL AND report_target.at OPERATOR(pg_catalog.>=) report_target.due), false),
		   st.state OPERATOR(pg_catalog.=) 'paused',
		   pg_catalog.round(ph.seconds OPERATOR(pg_catalog./) 3600, 6),
		   pg_catalog.round((el.seconds OPERATOR(pg_catalog.-) ph.seconds) OPERATOR(pg_catalog./) 3600, 6),
		   c.calendar,
		   dc.time_zone
	FROM (SELECT (SELECT p.policy FROM @extschema@.policy p
				  WHERE p.name OPERATOR(pg_catalog.=) report_target.policy_name
					AND p.valid_from OPERATOR(pg_catalog.<=) report_target.opened_at
				  ORDER BY p.valid_from DESC LIMIT 1) AS policy OFFSET 0) v
	CROSS JOIN LATERAL (SELECT @extschema@.sla_policy_to_jsonb(v.policy) AS terms OFFSET 0) j
	CROSS JOIN LATERAL (SELECT coalesce(
			j.terms OPERATOR(pg_catalog.#>>) ARRAY['targets', report_target.priority, report_target.kind, 'calendar'],
			j.terms OPERATOR(pg_catalog.->>) 'calendar') AS calendar) c
	LEFT JOIN @extschema@.calendar dc
		ON dc.name OPERATOR(pg_catalog.=) coalesce(j.terms OPERATOR(pg_catalog.->>) 'calendar', c.calendar)
	CROSS JOIN LATERAL (SELECT @extschema@.target(v.policy, report_target.priority, report_target.kind) AS target) tg
	CROSS JOIN LATERAL (SELECT @extschema@.state(v.policy, report_target.priority, report_target.kind,
			report_target.opened_at, report_target.done_at, report_target.at,
			coalesce(report_target.pauses, '{}')) AS state) st
	CROSS JOIN LATERAL (SELECT greatest(report_target.opened_at,
			least(report_target.done_at, report_target.at)) AS upto) e
	CROSS JOIN LATERAL (SELECT pg_catalog.extract('epoch',
			@extschema@.business_elapsed(report_target.opened_at, e.upto, c.calendar)::interval) AS seconds) el
	CROSS JOIN LATERAL (SELECT CASE WHEN c.calendar IS NOT NULL THEN coalesce(pg_catalog.sum(pg_catalog.extract('epoch',
			@extschema@.business_elapsed(pg_catalog.lower(r), pg_catalog.upper(r), c.calendar)::interval)), 0) END AS seconds
		FROM pg_catalog.unnest(report_target.pauses OPERATOR(pg_catalog.*)
			pg_catalog.tstzmultirange(pg_catalog.tstzrange(report_target.opened_at, e.upto))) r) ph
$$;

COMMENT ON FUNCTION @extschema@.report_target(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange, timestamptz) IS
'One target of a tracked row as the report views show it, as of at, under the policy version in force at opened_at: target, due (null while an open pause stops the clock), state, met and breached as sla.compliance counts them, open time inside and outside pauses in hours on the target''s calendar, and the time zone of the policy''s default calendar';

CREATE FUNCTION @extschema@.report_view(tbl regclass)
RETURNS regclass
LANGUAGE sql STABLE
AS $$
	SELECT v.oid::regclass
	FROM pg_catalog.pg_rewrite r
	JOIN pg_catalog.pg_class v ON v.oid OPERATOR(pg_catalog.=) r.ev_class
	WHERE v.relkind OPERATOR(pg_catalog.=) 'v'
	  AND v.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace
	  AND EXISTS (SELECT FROM pg_catalog.pg_depend d
				  WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::regclass
					AND d.objid OPERATOR(pg_catalog.=) r.oid
					AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::regclass
					AND d.refobjid OPERATOR(pg_catalog.=) report_view.tbl)
	  AND EXISTS (SELECT FROM pg_catalog.pg_depend d
				  WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::regclass
					AND d.objid OPERATOR(pg_catalog.=) r.oid
					AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::regclass
					AND d.refobjid OPERATOR(pg_catalog.=)
						'@extschema@.report_target(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange, timestamptz)'::regprocedure)
	ORDER BY v.oid
	LIMIT 1
$$;

COMMENT ON FUNCTION @extschema@.report_view(regclass) IS
'The report view of a table (the view in schema sla that reads the table through sla.report_target), or null';

CREATE FUNCTION @extschema@.create_report_view(tbl regclass)
RETURNS regclass
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m jsonb;
	default_policy text;
	nsp name;
	rel name;
	view_name text;
	existing regclass;
	kinds text[] := '{}';
	key_parts text[] := '{}';
	policy_expr text;
	priority_expr text;
	column_comments constant text[][] := '{
		{tbl, "The tracked table, schema-qualified"},
		{row_key, "The row''s primary key as a JSON object, as in sla.event.row_key (integers as numbers, other types as text)"},
		{kind, "The target kind: first_response or resolution"},
		{priority, "The row''s priority, as text"},
		{policy, "The named policy of the row (its policy column, else the policy given to sla.track)"},
		{customer, "The row''s customer (the customer column of the mapping), null when unmapped"},
		{opened_at, "When both clocks started"},
		{target, "The target under the policy version in force at opened_at (a business interval, as text); null when the policy has none for this priority and kind"},
		{due, "The due instant the trigger computed, with the row''s pauses; null while an open pause stops the clock, or without a target"},
		{done_at, "When the target was done (first response or resolution); null while open"},
		{state, "The target''s state as of at (sla.state): met, running, paused, at_risk or breached"},
		{met, "Done at or before the due instant (counted as met by sla.compliance)"},
		{breached, "Done after the due instant, or open at or after it as of at (counted as missed by sla.compliance)"},
		{paused, "Stopped by an open pause as of at"},
		{paused_hours, "Open time of the target''s calendar covered by pauses, from opened_at to done_at (or at while open), in hours"},
		{business_hours, "Open time of the target''s calendar outside pauses from opened_at to done_at (or at while open), in hours: the business time the target took"},
		{calendar, "The calendar the target counts on: its own or the policy''s default"},
		{time_zone, "The time zone of the policy''s default calendar (of the target''s calendar when the policy has no default): the zone weeks and months are cut in"},
		{at, "The instant the row is judged as of: the setting sla.now when set, else now() (sla.report_at())"}}';
	i int;
BEGIN
	SELECT t.columns, t.policy INTO m, default_policy FROM @extschema@.tracked t WHERE t.tbl OPERATOR(pg_catalog.=) create_report_view.tbl;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'table "%" is not tracked', tbl USING ERRCODE = '42704';
	END IF;
	SELECT n.nspname, c.relname INTO nsp, rel
	FROM pg_class c JOIN pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
	WHERE c.oid OPERATOR(pg_catalog.=) tbl;

	-- the name: kept when the table has its view; else report_<table> (report_<schema>_<table>
	-- outside public), shortened with a hash of the qualified name when too long or taken
	existing := @extschema@.report_view(tbl);
	IF existing IS NOT NULL THEN
		SELECT c.relname INTO view_name FROM pg_class c WHERE c.oid OPERATOR(pg_catalog.=) existing;
	ELSE
		view_name := @extschema@.object_name('report_', tbl);
	END IF;

	IF m ? 'first_response_at' THEN
		kinds := kinds || format('(%L, t.%I, t.%I)', 'first_response', m ->> 'first_response_at', m ->> 'first_response_due');
	END IF;
	IF m ? 'resolved_at' THEN
		kinds := kinds || format('(%L, t.%I, t.%I)', 'resolution', m ->> 'resolved_at', m ->> 'resolution_due');
	END IF;
	SELECT array_agg(format(CASE WHEN a.atttypid OPERATOR(pg_catalog.=) ANY ('{int2,int4,int8}'::regtype[])
							THEN '%L, t.%I' ELSE '%L, t.%I::text' END, a.attname, a.attname) ORDER BY k.n)
	INTO key_parts
	FROM pg_index x
	CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
	JOIN pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) x.indrelid AND a.attnum OPERATOR(pg_catalog.=) k.attnum
	WHERE x.indrelid OPERATOR(pg_catalog.=) tbl AND x.indisprimary;
	policy_expr := CASE WHEN m ? 'policy' THEN format('coalesce(t.%I::text, %L)', m ->> 'policy', default_policy)
						ELSE format('%L::text', default_policy) END;
	priority_expr := format('t.%I::text', m ->> 'priority');

	EXECUTE format($view$CREATE OR REPLACE VIEW @extschema@.%I WITH (security_invoker = true) AS
SELECT %L::text AS tbl,
	pg_catalog.jsonb_build_object(%s)::text AS row_key,
	k.kind,
	%s AS priority,
	%s AS policy,
	%s AS customer,
	t.%I AS opened_at,
	r.target, r.due, k.done_at, r.state, r.met, r.breached, r.paused, r.paused_hours, r.business_hours,
	r.calendar, r.time_zone, a.at
FROM (SELECT @extschema@.report_at() AS at) a
CROSS JOIN %s t
CROSS JOIN LATERAL (VALUES %s) AS k(kind, done_at, due)
CROSS JOIN LATERAL @extschema@.report_target(%s, %s, k.kind, t.%I, k.done_at, k.due, t.%I, a.at) r$view$,
		view_name, format('%I.%I', nsp, rel), array_to_string(key_parts, ', '), priority_expr, policy_expr,
		CASE WHEN m ? 'customer' THEN format('t.%I::text', m ->> 'customer') ELSE 'NULL::text' END,
		m ->> 'opened_at', tbl, array_to_string(kinds, ', '), policy_expr, priority_expr,
		m ->> 'opened_at', m ->> 'paused');
	EXECUTE format('COMMENT ON VIEW @extschema@.%I IS %L', view_name,
				   format('SLA targets of %s, one row per row and target kind, as of sla.report_at() (written by sla.track)', tbl));
	FOR i IN 1 .. array_length(column_comments, 1) LOOP
		EXECUTE format('COMMENT ON COLUMN @extschema@.%I.%I IS %L', view_name, column_comments[i][1], column_comments[i][2]);
	END LOOP;
	EXECUTE format('GRANT SELECT ON @extschema@.%I TO PUBLIC', view_name);
	RETURN format('@extschema@.%I', view_name)::regclass;
END
$$;

COMMENT ON FUNCTION @extschema@.create_report_view(regclass) IS
'Creates or replaces the report view of a tracked table (called by sla.track; runs as the extension''s owner, who owns the views: they are security_invoker, so a reader needs rights on the table): sla.report_<table>, sla.report_<schema>_<table> outside schema public, shortened with a hash when longer than 63 bytes or taken; a table keeps the view it has';

CREATE FUNCTION @extschema@.drop_report_view(tbl regclass)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v regclass := @extschema@.report_view(tbl);
BEGIN
	-- it runs as the extension's owner: a table still tracked keeps its view (sla.untrack, which
	-- only the table's owner may call, removes the table from sla.tracked first)
	IF EXISTS (SELECT FROM @extschema@.tracked t WHERE t.tbl OPERATOR(pg_catalog.=) drop_report_view.tbl) THEN
		RAISE EXCEPTION 'table % is tracked', tbl
			USING ERRCODE = '55000', HINT = 'sla.untrack drops the report view of a table.';
	END IF;
	IF v IS NOT NULL THEN
		EXECUTE format('DROP VIEW %s', v);
	END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.drop_report_view(regclass) IS
'Drops the report view of a table if it has one (called by sla.untrack; runs as the extension''s owner; 55000 while the table is tracked)';

CREATE FUNCTION @extschema@.report_rows()
RETURNS TABLE (tbl text, row_key text, kind text, priority text, policy text, customer text,
	opened_at timestamptz, target text, due timestamptz, done_at timestamptz, state text, met boolean,
	breached boolean, paused boolean, paused_hours numeric, business_hours numeric, calendar text,
	time_zone text, at timestamptz)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v regclass;
BEGIN
	FOR v IN SELECT @extschema@.report_view(t.tbl) FROM @extschema@.tracked t ORDER BY t.tbl LOOP
		IF v IS NOT NULL THEN
			RETURN QUERY EXECUTE format('SELECT * FROM %s', v);
		END IF;
	END LOOP;
END
$$;

COMMENT ON FUNCTION @extschema@.report_rows() IS
'The rows of every tracked table''s report view, read with the caller''s privileges (so row-level security holds); what sla.compliance_weekly and sla.compliance_monthly count';

CREATE VIEW @extschema@.compliance_weekly WITH (security_invoker = true) AS
SELECT pg_catalog.to_char(w.week_start AT TIME ZONE r.time_zone, 'IYYY-"W"IW') AS week,
	   w.week_start,
	   ((w.week_start AT TIME ZONE r.time_zone) OPERATOR(pg_catalog.+) '7 days'::interval) AT TIME ZONE r.time_zone AS week_end,
	   r.time_zone, r.kind, r.priority, r.policy, r.customer,
	   pg_catalog.count(*)::numeric AS targets,
	   pg_catalog.count(*) FILTER (WHERE r.met)::numeric AS met,
	   pg_catalog.count(*) FILTER (WHERE r.breached)::numeric AS breached,
	   pg_catalog.count(*) FILTER (WHERE NOT (r.met OR r.breached))::numeric AS not_counted,
	   @extschema@.compliance(CASE WHEN r.met THEN true WHEN r.breached THEN false END) AS compliance,
	   pg_catalog.max(r.at) AS at
FROM @extschema@.report_rows() r
CROSS JOIN LATERAL (SELECT pg_catalog.date_trunc('week', r.opened_at, r.time_zone) AS week_start) w
GROUP BY r.time_zone, w.week_start, r.kind, r.priority, r.policy, r.customer;

COMMENT ON VIEW @extschema@.compliance_weekly IS
'Compliance of the targets of every tracked table by the week they opened in (ISO weeks, Monday 00:00 in the time zone of the policy''s default calendar), priority, policy, customer and kind, as of sla.report_at()';

CREATE VIEW @extschema@.compliance_monthly WITH (security_invoker = true) AS
SELECT pg_catalog.to_char(m.month_start AT TIME ZONE r.time_zone, 'YYYY-MM') AS month,
	   m.month_start,
	   ((m.month_start AT TIME ZONE r.time_zone) OPERATOR(pg_catalog.+) '1 month'::interval) AT TIME ZONE r.time_zone AS month_end,
	   r.time_zone, r.kind, r.priority, r.policy, r.customer,
	   pg_catalog.count(*)::numeric AS targets,
	   pg_catalog.count(*) FILTER (WHERE r.met)::numeric AS met,
	   pg_catalog.count(*) FILTER (WHERE r.breached)::numeric AS breached,
	   pg_catalog.count(*) FILTER (WHERE NOT (r.met OR r.breached))::numeric AS not_counted,
	   @extschema@.compliance(CASE WHEN r.met THEN true WHEN r.breached THEN false END) AS compliance,
	   pg_catalog.max(r.at) AS at
FROM @extschema@.report_rows() r
CROSS JOIN LATERAL (SELECT pg_catalog.date_trunc('month', r.opened_at, r.time_zone) AS month_start) m
GROUP BY r.time_zone, m.month_start, r.kind, r.priority, r.policy, r.customer;

COMMENT ON VIEW @extschema@.compliance_monthly IS
'Compliance of the targets of every tracked table by the month they opened in (from the 1st, 00:00 in the time zone of the policy''s default calendar), priority, policy, customer and kind, as of sla.report_at()';

COMMENT ON COLUMN @extschema@.compliance_weekly.week IS 'The ISO week, e.g. 2026-W49';
COMMENT ON COLUMN @extschema@.compliance_weekly.week_start IS 'Monday 00:00 of the week in time_zone';
COMMENT ON COLUMN @extschema@.compliance_weekly.week_end IS 'Monday 00:00 of the next week in time_zone (exclusive)';
COMMENT ON COLUMN @extschema@.compliance_monthly.month IS 'The month, e.g. 2026-12';
COMMENT ON COLUMN @extschema@.compliance_monthly.month_start IS 'The 1st of the month, 00:00 in time_zone';
COMMENT ON COLUMN @extschema@.compliance_monthly.month_end IS 'The 1st of the next month, 00:00 in time_zone (exclusive)';
COMMENT ON COLUMN @extschema@.compliance_weekly.time_zone IS 'The time zone of the policy''s default calendar, in which periods are cut';
COMMENT ON COLUMN @extschema@.compliance_weekly.kind IS 'The target kind: first_response or resolution';
COMMENT ON COLUMN @extschema@.compliance_weekly.priority IS 'The tickets'' priority';
COMMENT ON COLUMN @extschema@.compliance_weekly.policy IS 'The tickets'' named policy';
COMMENT ON COLUMN @extschema@.compliance_weekly.customer IS 'The tickets'' customer (the customer column of sla.track''s mapping); null when unmapped';
COMMENT ON COLUMN @extschema@.compliance_weekly.targets IS 'Targets of tickets opened in the period';
COMMENT ON COLUMN @extschema@.compliance_weekly.met IS 'Of those, done at or before the due instant';
COMMENT ON COLUMN @extschema@.compliance_weekly.breached IS 'Of those, done after the due instant, or open at or after it as of at';
COMMENT ON COLUMN @extschema@.compliance_weekly.not_counted IS 'Of those, neither: open and not yet due, stopped by an open pause, or without a target';
COMMENT ON COLUMN @extschema@.compliance_weekly.compliance IS 'Percent met of met and breached (sla.compliance(due, done_at, at)); null when none is counted';
COMMENT ON COLUMN @extschema@.compliance_weekly.at IS 'The instant judged as of: sla.report_at(), the setting sla.now when set, else now()';
COMMENT ON COLUMN @extschema@.compliance_monthly.time_zone IS 'The time zone of the policy''s default calendar, in which periods are cut';
COMMENT ON COLUMN @extschema@.compliance_monthly.kind IS 'The target kind: first_response or resolution';
COMMENT ON COLUMN @extschema@.compliance_monthly.priority IS 'The tickets'' priority';
COMMENT ON COLUMN @extschema@.compliance_monthly.policy IS 'The tickets'' named policy';
COMMENT ON COLUMN @extschema@.compliance_monthly.customer IS 'The tickets'' customer (the customer column of sla.track''s mapping); null when unmapped';
COMMENT ON COLUMN @extschema@.compliance_monthly.targets IS 'Targets of tickets opened in the period';
COMMENT ON COLUMN @extschema@.compliance_monthly.met IS 'Of those, done at or before the due instant';
COMMENT ON COLUMN @extschema@.compliance_monthly.breached IS 'Of those, done after the due instant, or open at or after it as of at';
COMMENT ON COLUMN @extschema@.compliance_monthly.not_counted IS 'Of those, neither: open and not yet due, stopped by an open pause, or without a target';
COMMENT ON COLUMN @extschema@.compliance_monthly.compliance IS 'Percent met of met and breached (sla.compliance(due, done_at, at)); null when none is counted';
COMMENT ON COLUMN @extschema@.compliance_monthly.at IS 'The instant judged as of: sla.report_at(), the setting sla.now when set, else now()';

GRANT SELECT ON @extschema@.compliance_weekly, @extschema@.compliance_monthly TO PUBLIC;
-- END reports
