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
-- END icu
