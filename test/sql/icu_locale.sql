-- icu_locale: weekends from ICU's week data (sla.locale_weekend), the calendar's locale and
-- "weekdays" in its hours (docs/calendars.md, "Locale and weekdays").  Calendars of this file
-- are named il_*.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

SELECT l AS locale, sla.locale_weekend(l) AS weekend
FROM unnest(ARRAY['en_US', 'de_DE', 'de-DE', 'de', 'fr_FR', 'nl_NL', 'en_GB', 'ar_SA', 'ar_AE',
				  'ar_EG', 'ar', 'he_IL', 'fa_IR', 'en_IN', 'hi_IN', 'ja_JP', 'zh_CN', 'tr_TR',
				  'es_419', 'en_US_POSIX', 'de_DE@calendar=gregorian']) AS l;

-- Unknown or invalid locales: 22023.
\set VERBOSITY default
SELECT sla.locale_weekend('xx_YY');
SELECT sla.locale_weekend('de_XX');
SELECT sla.locale_weekend('klingon');
SELECT sla.locale_weekend('');
SELECT sla.locale_weekend('de DE');
SELECT sla.locale_weekend('dé_DE');
\set VERBOSITY terse

-- A calendar's locale: en_US by default; "weekdays" means the days outside its weekend.
INSERT INTO sla.calendar (name, hours) VALUES ('il_us', 'weekdays 09:00-17:00');
INSERT INTO sla.calendar (name, hours, locale) VALUES ('il_sa', 'weekdays 09:00-17:00', 'ar_SA');
INSERT INTO sla.calendar (name, hours, locale) VALUES ('il_in', 'weekdays 10:00-18:00', 'en_IN');
INSERT INTO sla.calendar (name, hours, locale) VALUES ('il_mix', 'weekdays 09:00-12:00; sat 10:00-11:00', 'de_DE');
SELECT name, locale, hours FROM sla.calendar WHERE name LIKE 'il\_%' ORDER BY name;
-- Which days of the week 2024-01-01 (a Monday) to 2024-01-07 are open, per calendar.
SELECT c AS calendar,
	   string_agg(to_char(d, 'Dy'), ' ' ORDER BY d) FILTER (WHERE sla.is_open(d + time '12:00' AT TIME ZONE 'UTC', c)
	   OR sla.is_open(d + time '10:30' AT TIME ZONE 'UTC', c)) AS open_days
FROM unnest(ARRAY['il_us', 'il_sa', 'il_in', 'il_mix']) AS c,
	 generate_series(date '2024-01-01', date '2024-01-07', '1 day') AS g(t),
	 LATERAL (SELECT g.t::date) AS x(d)
GROUP BY c ORDER BY c;
-- Changing the locale changes the days: Saudi Arabia's weekend, then a US one again.
UPDATE sla.calendar SET locale = 'he_IL' WHERE name = 'il_us';
SELECT sla.is_open('2024-01-05 12:00+00', 'il_us') AS fri, sla.is_open('2024-01-07 12:00+00', 'il_us') AS sun;
UPDATE sla.calendar SET locale = 'en_US' WHERE name = 'il_us';
SELECT sla.is_open('2024-01-05 12:00+00', 'il_us') AS fri, sla.is_open('2024-01-07 12:00+00', 'il_us') AS sun;

-- Rejected: an unknown locale (22023), "weekdays" in a day range or in exception hours (22P02).
\set VERBOSITY default
INSERT INTO sla.calendar (name, hours, locale) VALUES ('il_bad', 'mon-fri 09:00-17:00', 'xx_YY');
UPDATE sla.calendar SET locale = 'de_XX' WHERE name = 'il_us';
INSERT INTO sla.calendar (name, hours) VALUES ('il_bad', 'weekdays-sat 09:00-17:00');
INSERT INTO sla.calendar (name, hours) VALUES ('il_bad', 'mon-weekdays 09:00-17:00');
INSERT INTO sla.calendar (name, hours) VALUES ('il_bad', 'weekdays, weekdays 09:00-17:00');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('il_us', '2024-01-02', 'weekdays 09:00-12:00');
INSERT INTO sla.calendar (name, hours, locale) VALUES ('il_bad', 'weekdays 09:00-17:00', NULL);
\set VERBOSITY terse

DELETE FROM sla.calendar WHERE name LIKE 'il\_%';
