-- icu_format: sla.format (business time in words) and sla.format_relative (relative times)
-- through ICU, in en, de, nl, zh, fr, ja, tr (docs/icu.md, "Localized output").
SET TimeZone = 'UTC';

-- Plural forms of business days: 0 (as minutes), 1, 2, 5 and 1000 days in each language.
SELECT l AS locale,
	   sla.format('1 day', l) AS one,
	   sla.format('2 days', l) AS two,
	   sla.format('5 days', l) AS five,
	   sla.format('1000 days', l) AS thousand
FROM unnest(ARRAY['en', 'de', 'nl', 'zh', 'fr', 'ja', 'tr']) AS l;

-- Days and time: the non-zero parts joined as each language lists units.
SELECT l AS locale,
	   sla.format('2 days 4 hours', l) AS days_hours,
	   sla.format('1 day 1 hour 1 minute', l) AS three_parts,
	   sla.format('3 days 2 hours 30 minutes 15 seconds', l) AS four_parts
FROM unnest(ARRAY['en', 'de', 'nl', 'zh', 'fr', 'ja', 'tr']) AS l;

-- Hours only, minutes only, seconds with decimals, zero, and time never carried into days.
SELECT l AS locale,
	   sla.format('1 hour', l) AS one_hour,
	   sla.format('4 hours', l) AS hours,
	   sla.format('90 minutes', l) AS ninety_min,
	   sla.format('1 minute', l) AS one_min,
	   sla.format('1.5 seconds', l) AS seconds,
	   sla.format('0', l) AS zero,
	   sla.format('30 hours', l) AS thirty_hours
FROM unnest(ARRAY['en', 'de', 'nl', 'zh', 'fr', 'ja', 'tr']) AS l;

-- Signs: each part keeps its own; a negative one is plural as its absolute value.
SELECT l AS locale,
	   sla.format('-1 day', l) AS minus_one_day,
	   sla.format('-2 days -4 hours', l) AS negative,
	   sla.format('1 day -2 hours', l) AS mixed,
	   sla.format('-0.000001 seconds', l) AS minus_one_us
FROM unnest(ARRAY['en', 'de', 'zh']) AS l;

-- Regions and scripts: de_AT, nl_BE, fr_CA and en_GB take their language's words;
-- zh_TW (traditional script) its own; POSIX names as lc_messages spells them.
SELECT l AS locale, sla.format('2 days 4 hours', l)
FROM unnest(ARRAY['de_AT', 'nl-BE', 'fr_CA', 'en_GB', 'zh_TW', 'zh_Hant', 'de_DE.UTF-8',
				  'nl_NL.utf8@euro', 'C', 'POSIX', 'C.UTF-8', '']) AS l;

-- Extremes of the type.
SELECT sla.format(sla.business_interval(2147483647, '2562047788:00:54.775807'), 'en') AS largest,
	   sla.format(sla.business_interval(-2147483647, '-2562047788:00:54.775807'), 'de') AS smallest;

-- The default locale is lc_messages ('C' and 'C.UTF-8' are English; the test machine has no
-- other operating-system locale that lc_messages could be set to).
SET lc_messages = 'C';
SELECT sla.format('2 days 4 hours') AS c, sla.format_relative('2024-01-01 15:00', '2024-01-01 12:00') AS c_rel;
SET lc_messages = 'C.UTF-8';
SELECT sla.format('1 day 1 minute') AS c_utf8, sla.format_relative('2024-01-01 12:00', '2024-01-03 12:00') AS c_utf8_rel;
RESET lc_messages;

-- Relative times: units by distance, truncated toward zero, past and future.
SELECT l AS locale,
	   sla.format_relative('2024-01-01 15:00', '2024-01-01 12:00', l) AS in_3_hours,
	   sla.format_relative('2024-01-01 12:00', '2024-01-03 12:30', l) AS two_days_ago,
	   sla.format_relative('2024-01-02 12:00', '2024-01-01 12:00', l) AS in_1_day,
	   sla.format_relative('2024-01-01 12:00', '2024-01-01 12:01', l) AS one_min_ago,
	   sla.format_relative('2024-01-01 12:00:05', '2024-01-01 12:00', l) AS in_5_s,
	   sla.format_relative('2024-01-01 12:00', '2024-01-01 12:00', l) AS now
FROM unnest(ARRAY['en', 'de', 'nl', 'zh', 'fr', 'ja', 'tr']) AS l;

-- Unit boundaries (en): 59.9 s, 60 s, 59 min 59 s, 1 hour, 23:59:59, 24 hours, below a second.
SELECT d, sla.format_relative(timestamptz '2024-01-01 12:00' + d, '2024-01-01 12:00', 'en') AS future,
	   sla.format_relative(timestamptz '2024-01-01 12:00' - d, '2024-01-01 12:00', 'en') AS past
FROM unnest(ARRAY[interval '59.9 seconds', '60 seconds', '00:59:59', '1 hour', '23:59:59', '24 hours',
				  '0.999999 seconds', '400 days']) AS d;

-- The extremes of timestamptz: 294276 AD is many days away; a distance beyond int64 is 22008.
SELECT sla.format_relative('294276-12-31 23:59:59', '2000-01-01', 'en');
\set VERBOSITY default
SELECT sla.format_relative('294276-12-31 23:59:59', '4713-01-01 BC', 'en');
SELECT sla.format_relative('infinity', '2024-01-01', 'en');
SELECT sla.format_relative('2024-01-01', '-infinity', 'en');

-- Locales ICU has no data for: 22023, also for the relative form and for time only.
SELECT sla.format('2 days', 'xx');
SELECT sla.format('4 hours', 'xx_YY');
SELECT sla.format('4 hours', 'de_XX');
SELECT sla.format_relative('2024-01-01 15:00', '2024-01-01 12:00', 'klingon');
-- A language ICU knows but without shipped business-day words: 22023 when there are days,
-- time alone is formatted.
SELECT sla.format('2 days', 'es');
\set VERBOSITY terse
SELECT sla.format('4 hours 30 minutes', 'es') AS es_time,
	   sla.format_relative('2024-01-01 15:00', '2024-01-01 12:00', 'es') AS es_rel;

-- NULL in, NULL out (STRICT).
SELECT sla.format(NULL, 'en') IS NULL AS null_amount,
	   sla.format('1 day', NULL) IS NULL AS null_locale,
	   sla.format_relative(NULL, '2024-01-01', 'en') IS NULL AS null_deadline,
	   sla.format_relative('2024-01-01', NULL, 'en') IS NULL AS null_now,
	   sla.format_relative('2024-01-01', '2024-01-01', NULL) IS NULL AS null_rel_locale;

-- Core's format() with sla on the search_path: unchanged (sla.format's locale is a domain, so a
-- text, varchar or name argument matches core's better), except that a call with exactly two untyped literals
-- is ambiguous (both functions accept it): cast one (docs/icu.md).
SET search_path = "$user", public, sla;
SELECT format('%s-%s', 'a', 'b') AS three_literals, format('abc') AS one_literal,
	   format('x %s', 'y'::text) AS typed, format('x %s', 'v'::varchar) AS varchar,
	   format('x %s', 42) AS number, format('x %s', name 'n') AS a_name;
SELECT format('x %s', 'y');
SELECT format('2 days'::business_interval, 'de') AS sla_format,
	   format(business_interval '1 day', 'nl'::text) AS text_locale,
	   format(business_interval '1 day', 'fr'::name) AS name_locale;
RESET search_path;

-- Volatility and strictness.
SELECT p.oid::regprocedure, provolatile, proisstrict, proparallel,
	   pg_get_expr(proargdefaults, 0) AS defaults
FROM pg_proc p WHERE p.oid IN ('sla.format(sla.business_interval, sla.locale_name)'::regprocedure,
							   'sla.format_relative(timestamptz, timestamptz, text)'::regprocedure)
ORDER BY 1::text;
