-- holidays_lunar: rule kinds in other calendars (chinese_lunar, solar_term, hijri) with
-- offsets, durations and the corrections of sla.lunar_correction; the shipped CN (with its
-- moved days, 调休), TR (half-day eves) and SA regions; calendars following them;
-- inheritance and overrides for these regions.
\pset null '(null)'
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- Each new rule kind on a region of our own: the eve of a lunar date is offset -1, a
-- multi-day feast a duration.  2000 is a year in which 1 Shawwal falls twice.
INSERT INTO sla.holiday_region (code, name) VALUES ('XL', 'Lunar test');
INSERT INTO sla.holiday_rule (region, name, rule, month, day, offset_days, duration_days, source) VALUES
	('XL', 'Eve', 'chinese_lunar', 1, 1, -1, 1, 't'),
	('XL', 'New Year', 'chinese_lunar', 1, 1, 0, 2, 't'),
	('XL', 'Mid-Autumn', 'chinese_lunar', 8, 15, 0, 1, 't'),
	('XL', 'Qingming', 'solar_term', NULL, NULL, 0, 1, 't'),
	('XL', 'Feast', 'hijri', 10, 1, 0, 3, 't');
SELECT * FROM sla.holidays('XL', '2000-01-01', '2000-12-31');

-- A correction of the rule's region moves its month (and is seen by the next statement);
-- the same correction for another region changes nothing here.
INSERT INTO sla.lunar_correction (calendar_system, region, lunar_year, month, first_day, source) VALUES
	('islamic-umalqura', 'XB', 1421, 10, '2000-12-28', 't');
SELECT * FROM sla.holidays('XL', '2000-12-25', '2000-12-31') WHERE name = 'Feast';
INSERT INTO sla.lunar_correction (calendar_system, region, lunar_year, month, first_day, source) VALUES
	('islamic-umalqura', 'XL', 1421, 10, '2000-12-28', 't');
SELECT * FROM sla.holidays('XL', '2000-12-25', '2001-01-02') WHERE name = 'Feast';
DELETE FROM sla.lunar_correction WHERE NOT shipped;

-- Lunar dates exist for 1900 to 2100; later years are reported, not guessed.
SELECT * FROM sla.holidays('XL', '2100-12-01', '2101-12-31') WHERE name <> 'Qingming';

-- Bad rules (23514) and shipped corrections (55000).
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, day, weekday, source) VALUES ('XL', 'Bad', 'hijri', 9, 1, 'mon', 't')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, day, source) VALUES ('XL', 'Bad', 'chinese_lunar', 8, 31, 't')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, source) VALUES ('XL', 'Bad', 'solar_term', 4, 't')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, day, duration_days, source) VALUES ('XL', 'Bad', 'hijri', 12, 10, 0, 't')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, duration_days, source) VALUES ('XL', 'Bad', 'citizens_holiday', 2, 't')$$);
SELECT sla_test.try($$UPDATE sla.lunar_correction SET first_day = first_day + 1 WHERE region = 'SA' AND lunar_year = 1436$$);
SELECT sla_test.try($$TRUNCATE sla.lunar_correction$$);

-- China: statutory days by rule, the moved days of the 2026 notice (a working Saturday on
-- 14 and 28 February), and for 2027 the statutory days only, the moved days reported.
SELECT * FROM sla.holidays('CN', '2026-02-10', '2026-03-01');
SELECT * FROM sla.holidays('CN', '2027-01-01', '2027-02-28');
-- the law's versions: 除夕 off in 2008-2013 and from 2025, not 2014-2024; Labour Day 1, then 2 days
SELECT y, string_agg(to_char(day, 'MM-DD') || ' ' || name, ', ' ORDER BY day) FROM generate_series(2012, 2026, 7) y,
	sla.holidays('CN', make_date(y, 1, 1), make_date(y, 5, 31)) WHERE kind = 'holiday' AND name NOT LIKE 'Moved%' GROUP BY y ORDER BY y;

-- A calendar with holidays '{CN}' over Spring Festival 2026: closed from the eve to the
-- moved Monday 23 February, open on the working Saturdays 14 and 28 February.
INSERT INTO sla.calendar (name, time_zone, hours, holidays) VALUES
	('hol_beijing', 'Asia/Shanghai', 'mon-fri 09:00-18:00', '{CN}');
SELECT * FROM unnest(sla.open_periods('hol_beijing', '[2026-02-13 00:00+08, 2026-03-01 00:00+08)'));
SELECT sla.business_add('2026-02-13 17:00+08', '2 hours', 'hol_beijing');

-- An Islamic holiday twice in one Gregorian year: Eid al-Fitr of AH 1420 and 1421 in 2000.
SELECT * FROM sla.holidays('SA', '2000-01-01', '2000-12-31') WHERE name = 'Eid al-Fitr';
-- SA's corrections: Eid al-Adha 2015 a day after the Umm al-Qura calendar.
SELECT * FROM sla.holidays('SA', '2015-09-20', '2015-09-30');

-- Turkey: the half-day eves end at 13:00; a calendar keeps the morning.
SELECT * FROM sla.holidays('TR', '2024-04-08', '2024-04-13');
SELECT * FROM sla.holidays('TR', '2024-10-27', '2024-10-30');
INSERT INTO sla.calendar (name, time_zone, hours, holidays) VALUES
	('hol_istanbul', 'Europe/Istanbul', 'mon-fri 09:00-18:00', '{TR}');
SELECT * FROM unnest(sla.open_periods('hol_istanbul', '[2024-04-08 00:00+03, 2024-04-16 00:00+03)'));
-- Diyanet's corrections: Ramazan Bayramı 2016 a day before the Umm al-Qura calendar.
SELECT * FROM sla.holidays('TR', '2016-07-04', '2016-07-07');

-- Inheritance and overrides for the new regions: a province inherits the country's lunar
-- rules, corrections and moved days; its own rule of the same name replaces every version
-- of the country's; an override of the country reaches it, its own wins.
INSERT INTO sla.holiday_region (code, parent, name) VALUES ('CN-SH', 'CN', 'Shanghai'), ('TR-34', 'TR', 'Istanbul');
INSERT INTO sla.holiday_rule (region, name, rule, month, day, duration_days, source) VALUES
	('CN-SH', 'Spring Festival', 'chinese_lunar', 1, 1, 7, 't');
INSERT INTO sla.holiday_override (region, day, action, name, kind, closes_at) VALUES
	('TR', '2024-04-09', 'add', 'Bridge day', 'holiday', NULL),
	('TR-34', '2024-04-12', 'remove', NULL, 'holiday', NULL);
SELECT * FROM sla.holidays('CN-SH', '2026-02-14', '2026-02-28');
SELECT * FROM sla.holidays('TR', '2024-04-08', '2024-04-13');
SELECT * FROM sla.holidays('TR-34', '2024-04-08', '2024-04-13');
SELECT * FROM sla.holidays('TR-34', '2016-07-04', '2016-07-07');

DELETE FROM sla.calendar WHERE name LIKE 'hol\_%';
DELETE FROM sla.holiday_override WHERE region IN ('TR', 'TR-34');
DELETE FROM sla.holiday_region WHERE code IN ('CN-SH', 'TR-34', 'XL');
