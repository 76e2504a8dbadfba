-- icu_lunar: Chinese-lunar and Umm al-Qura dates through ICU, the official corrections of
-- sla.lunar_correction, and Qingming (docs/icu.md).  Expected dates are the officially
-- published ones: China's State Council holiday notices (Spring Festival 2000-2026; Qingming,
-- Dragon Boat and Mid-Autumn since they became public holidays in 2008), Saudi Arabia's
-- Supreme (Judicial) Court announcements and Turkey's Diyanet calendars, as listed in
-- docs/icu.md with their sources.
SET DateStyle = 'ISO, YMD';

-- China: the published date of each holiday against sla.lunar_dates (region CN) and
-- sla.qingming_date; New Year's Eve is the day before the Spring Festival.
WITH official (year, spring, qingming, dragon_boat, mid_autumn) AS (VALUES
	(2000, date '2000-02-05', NULL::date, NULL::date, NULL::date),
	(2001, '2001-01-24', NULL, NULL, NULL), (2002, '2002-02-12', NULL, NULL, NULL),
	(2003, '2003-02-01', NULL, NULL, NULL), (2004, '2004-01-22', NULL, NULL, NULL),
	(2005, '2005-02-09', NULL, NULL, NULL), (2006, '2006-01-29', NULL, NULL, NULL),
	(2007, '2007-02-18', NULL, NULL, NULL),
	(2008, '2008-02-07', '2008-04-04', '2008-06-08', '2008-09-14'),
	(2009, '2009-01-26', '2009-04-04', '2009-05-28', '2009-10-03'),
	(2010, '2010-02-14', '2010-04-05', '2010-06-16', '2010-09-22'),
	(2011, '2011-02-03', '2011-04-05', '2011-06-06', '2011-09-12'),
	(2012, '2012-01-23', '2012-04-04', '2012-06-23', '2012-09-30'),
	(2013, '2013-02-10', '2013-04-04', '2013-06-12', '2013-09-19'),
	(2014, '2014-01-31', '2014-04-05', '2014-06-02', '2014-09-08'),
	(2015, '2015-02-19', '2015-04-05', '2015-06-20', '2015-09-27'),
	(2016, '2016-02-08', '2016-04-04', '2016-06-09', '2016-09-15'),
	(2017, '2017-01-28', '2017-04-04', '2017-05-30', '2017-10-04'),
	(2018, '2018-02-16', '2018-04-05', '2018-06-18', '2018-09-24'),
	(2019, '2019-02-05', '2019-04-05', '2019-06-07', '2019-09-13'),
	(2020, '2020-01-25', '2020-04-04', '2020-06-25', '2020-10-01'),
	(2021, '2021-02-12', '2021-04-04', '2021-06-14', '2021-09-21'),
	(2022, '2022-02-01', '2022-04-05', '2022-06-03', '2022-09-10'),
	(2023, '2023-01-22', '2023-04-05', '2023-06-22', '2023-09-29'),
	(2024, '2024-02-10', '2024-04-04', '2024-06-10', '2024-09-17'),
	(2025, '2025-01-29', '2025-04-04', '2025-05-31', '2025-10-06'),
	(2026, '2026-02-17', '2026-04-05', '2026-06-19', '2026-09-25'))
SELECT o.year,
	   s.d AS spring_festival, s.d - 1 AS new_years_eve, sla.qingming_date(o.year) AS qingming,
	   b.d AS dragon_boat, m.d AS mid_autumn,
	   s.d = o.spring AND sla.qingming_date(o.year) IS NOT DISTINCT FROM coalesce(o.qingming, sla.qingming_date(o.year))
	   AND b.d = coalesce(o.dragon_boat, b.d) AND m.d = coalesce(o.mid_autumn, m.d) AS official
FROM official o
CROSS JOIN LATERAL (SELECT sla.lunar_dates('chinese', 1, 1, o.year, 'CN') AS d) s
CROSS JOIN LATERAL (SELECT sla.lunar_dates('chinese', 5, 5, o.year, 'CN') AS d) b
CROSS JOIN LATERAL (SELECT sla.lunar_dates('chinese', 8, 15, o.year, 'CN') AS d) m
ORDER BY o.year;

-- Qingming, 1900 and 2100 (the ends of the range), and two years on April 5th/6th of old.
SELECT y, sla.qingming_date(y) FROM unnest(ARRAY[1900, 1902, 1943, 2100]) AS y;

-- Umm al-Qura: Eid al-Fitr (1 Shawwal) and Eid al-Adha (10 Dhu al-Hijjah), ICU against the
-- dates Saudi Arabia (SA) and Turkey (TR) published; the rows where one of them differs from
-- ICU come from sla.lunar_correction.
SELECT y,
	   (SELECT array_agg(day) FROM sla.icu_lunar_dates('islamic-umalqura', 10, 1, y)) AS icu_fitr,
	   ARRAY(SELECT sla.lunar_dates('islamic-umalqura', 10, 1, y, 'SA')) AS sa_fitr,
	   ARRAY(SELECT sla.lunar_dates('islamic-umalqura', 10, 1, y, 'TR')) AS tr_fitr,
	   (SELECT array_agg(day) FROM sla.icu_lunar_dates('islamic-umalqura', 12, 10, y)) AS icu_adha,
	   ARRAY(SELECT sla.lunar_dates('islamic-umalqura', 12, 10, y, 'SA')) AS sa_adha,
	   ARRAY(SELECT sla.lunar_dates('islamic-umalqura', 12, 10, y, 'TR')) AS tr_adha
FROM generate_series(2000, 2026) AS y
ORDER BY y;

-- A Hijri date falling twice in one Gregorian year, with the lunar years it belongs to.
SELECT * FROM sla.icu_lunar_dates('islamic-umalqura', 10, 1, 2000);
SELECT * FROM sla.icu_lunar_dates('islamic-umalqura', 12, 10, 2006);
-- ... and a Chinese one: the 1st of the 12th month, in January and December 2000.
SELECT * FROM sla.icu_lunar_dates('chinese', 12, 1, 2000);
-- The 30th of a month that has 29 days in that lunar year gives no date for it:
-- Ramadan 1445 had 30 days, Dhu al-Qa'dah 1445 had 29.
SELECT * FROM sla.icu_lunar_dates('islamic-umalqura', 9, 30, 2024);
SELECT * FROM sla.icu_lunar_dates('islamic-umalqura', 11, 30, 2024);
-- Chinese year numbering: the Gregorian year in which the Chinese year begins.
SELECT * FROM sla.icu_lunar_dates('chinese', 12, 30, 2024);

-- A user's correction moves a month (region XX) and takes effect at once.
BEGIN;
INSERT INTO sla.lunar_correction (calendar_system, region, lunar_year, month, first_day, source)
VALUES ('islamic-umalqura', 'XX', 1446, 10, '2025-03-31', 'test decree');
SELECT sla.lunar_dates('islamic-umalqura', 10, 3, 2025, 'XX'), sla.lunar_dates('islamic-umalqura', 10, 3, 2025, 'SA');
ROLLBACK;
-- A correction that moves a date across the turn of the year: ICU begins the 12th month of
-- the Chinese year 2024 on 2024-12-31; moved to 2025-01-01, its first day leaves 2024.
SELECT * FROM sla.icu_lunar_dates('chinese', 12, 1, 2024);
BEGIN;
INSERT INTO sla.lunar_correction (calendar_system, region, lunar_year, month, first_day, source)
VALUES ('chinese', 'XX', 2024, 12, '2025-01-01', 'test decree');
SELECT ARRAY(SELECT sla.lunar_dates('chinese', 12, 1, 2024, 'XX')) AS in_2024,
	   ARRAY(SELECT sla.lunar_dates('chinese', 12, 1, 2025, 'XX')) AS in_2025,
	   ARRAY(SELECT sla.lunar_dates('chinese', 12, 1, 2025, 'CN')) AS cn_2025;
ROLLBACK;

-- Bad input: unknown calendar system (22023), month, day and year out of range (22008).
\set VERBOSITY default
SELECT * FROM sla.icu_lunar_dates('hebrew', 1, 1, 2024);
SELECT * FROM sla.icu_lunar_dates('Chinese', 1, 1, 2024);
SELECT * FROM sla.icu_lunar_dates('chinese', 13, 1, 2024);
SELECT * FROM sla.icu_lunar_dates('chinese', 0, 1, 2024);
SELECT * FROM sla.icu_lunar_dates('islamic-umalqura', 1, 31, 2024);
SELECT * FROM sla.icu_lunar_dates('islamic-umalqura', 1, 0, 2024);
SELECT * FROM sla.icu_lunar_dates('islamic-umalqura', 1, 1, 1899);
SELECT * FROM sla.icu_lunar_dates('islamic-umalqura', 1, 1, 2101);
SELECT sla.lunar_dates('chinese', 1, 1, 2101, 'CN');
SELECT sla.qingming_date(1899);
SELECT sla.qingming_date(2101);
-- NULL in, no rows or NULL out (STRICT).
SELECT count(*) FROM sla.icu_lunar_dates(NULL, 1, 1, 2024);
SELECT sla.qingming_date(NULL);
-- Bad corrections are refused by the table's constraints.
INSERT INTO sla.lunar_correction (calendar_system, region, lunar_year, month, first_day, source)
VALUES ('hebrew', 'IL', 5785, 1, '2024-10-03', 'x');
INSERT INTO sla.lunar_correction (calendar_system, region, lunar_year, month, first_day, source)
VALUES ('chinese', 'CN', 2024, 13, '2024-10-03', 'x');
