-- holidays: holiday rules as data (sla.holiday_region/rule/date/override),
-- sla.holidays(), and calendars that follow holiday regions.
\pset null '(null)'
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- Test regions use ISO 3166 user-assigned codes (XA, XB).
INSERT INTO sla.holiday_region (code, parent, name) VALUES
	('XA', NULL, 'Test country'), ('XA-N', 'XA', 'North'), ('XA-S', 'XA', 'South'), ('XB', NULL, 'Other');

-- Each rule kind, in 2024 (a leap year) and 2023.
INSERT INTO sla.holiday_rule (region, name, rule, month, day, weekday, nth, offset_days, source) VALUES
	('XA', 'Fixed', 'fixed', 7, 14, NULL, NULL, 0, 't'),
	('XA', 'Leap Day', 'fixed', 2, 29, NULL, NULL, 0, 't'),
	('XA', 'Third Monday of January', 'nth_weekday', 1, NULL, 'mon', 3, 0, 't'),
	('XA', 'Fifth Friday of March', 'nth_weekday', 3, NULL, 'fri', 5, 0, 't'),
	('XA', 'Last Monday of May', 'last_weekday', 5, NULL, 'mon', NULL, 0, 't'),
	('XA', 'Monday on or after 25 May', 'weekday_on_or_after', 5, 25, 'mon', NULL, 0, 't'),
	('XA', 'Wednesday before 23 November', 'weekday_on_or_before', 11, 22, 'wed', NULL, 0, 't'),
	('XA', 'Good Friday', 'easter', NULL, NULL, NULL, NULL, -2, 't'),
	('XA', 'Orthodox Easter Monday', 'orthodox_easter', NULL, NULL, NULL, NULL, 1, 't'),
	('XA', 'Day after Thanksgiving', 'nth_weekday', 11, NULL, 'thu', 4, 1, 't');
SELECT * FROM sla.holidays('XA', '2024-01-01', '2024-12-31');
SELECT * FROM sla.holidays('XA', '2023-01-01', '2023-12-31');

-- Easter: Western and Orthodox over years where they differ and coincide.
SELECT y, (SELECT day FROM sla.holidays('XA', make_date(y, 1, 1), make_date(y, 12, 31)) WHERE name = 'Good Friday') + 2 AS easter,
	(SELECT day FROM sla.holidays('XA', make_date(y, 1, 1), make_date(y, 12, 31)) WHERE name = 'Orthodox Easter Monday') - 1 AS orthodox
FROM generate_series(2000, 2040, 8) y;

-- Validity years: a rule that starts in 2025 and one that ends in 2024.
INSERT INTO sla.holiday_rule (region, name, first_year, last_year, rule, month, day, source) VALUES
	('XB', 'New Day', 2025, NULL, 'fixed', 3, 1, 't'),
	('XB', 'Old Day', 1, 2024, 'fixed', 3, 2, 't');
SELECT * FROM sla.holidays('XB', '2024-01-01', '2025-12-31');

-- Observed days on both weekend days: friday/monday (US style) and the next free
-- weekday (GB style: Christmas takes Monday, Boxing Day then Tuesday).
INSERT INTO sla.holiday_rule (region, name, rule, month, day, on_saturday, on_sunday, source) VALUES
	('XB', 'Independence', 'fixed', 7, 4, 'friday', 'monday', 't'),
	('XB', 'Christmas', 'fixed', 12, 25, 'next_free_weekday', 'next_free_weekday', 't'),
	('XB', 'Boxing', 'fixed', 12, 26, 'next_free_weekday', 'next_free_weekday', 't');
SELECT * FROM sla.holidays('XB', '2020-07-01', '2021-07-31') WHERE name ~ 'Independence';
SELECT * FROM sla.holidays('XB', '2021-12-20', '2022-12-31') WHERE name ~ 'Christmas|Boxing';

-- Inheritance: XA-N gets XA's rules plus its own; a subdivision's rule of the same
-- name replaces the parent's; XA-S only inherits.
INSERT INTO sla.holiday_rule (region, name, rule, month, day, source) VALUES
	('XA-N', 'North Day', 'fixed', 4, 1, 't'),
	('XA-N', 'Fixed', 'fixed', 7, 15, 't');
SELECT * FROM sla.holidays('XA-N', '2024-04-01', '2024-07-31');
SELECT * FROM sla.holidays('XA-S', '2024-04-01', '2024-07-31');

-- Overrides: remove a rule day, add a decree; the subdivision's own override wins.
INSERT INTO sla.holiday_override (region, day, action, name, kind, closes_at) VALUES
	('XA', '2024-07-14', 'remove', NULL, 'holiday', NULL),
	('XA', '2024-07-16', 'add', 'Decree Day', 'holiday', NULL),
	('XA-N', '2024-07-16', 'add', 'North Half Day', 'half_day', '13:00');
SELECT * FROM sla.holidays('XA', '2024-07-01', '2024-07-31');
SELECT * FROM sla.holidays('XA-N', '2024-07-01', '2024-07-31');

-- Dated rules: published dates with the last year covered; later years are
-- reported, not guessed.  JP style: a Sunday holiday's substitute is the next day
-- that is no holiday (2020: Monday is one, so Tuesday); a day between two
-- holidays is a citizens' holiday (2021-09-21).
INSERT INTO sla.holiday_region (code, name) VALUES ('XC', 'Third');
INSERT INTO sla.holiday_rule (region, name, first_year, last_year, rule, on_sunday, source) VALUES
	('XC', 'Equinox', 2020, 2021, 'dated', 'next_free_day', 'gazette');
INSERT INTO sla.holiday_date (region, name, first_year, day) VALUES
	('XC', 'Equinox', 2020, '2020-09-20'), ('XC', 'Equinox', 2020, '2021-09-22');
INSERT INTO sla.holiday_rule (region, name, rule, month, weekday, nth, on_sunday, source) VALUES
	('XC', 'Aged', 'nth_weekday', 9, 'mon', 3, 'next_free_day', 't');
INSERT INTO sla.holiday_rule (region, name, rule, source) VALUES ('XC', 'Citizens', 'citizens_holiday', 't');
SELECT * FROM sla.holidays('XC', '2020-09-01', '2022-09-30');
SELECT sla_test.try($$INSERT INTO sla.holiday_date VALUES ('XC', 'Equinox', 2020, '2022-09-23')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_date VALUES ('XC', 'Aged', 1, '2021-09-20')$$);

-- Shipped data: a few regions and years.
SELECT * FROM sla.holidays('DE-BY', '2024-01-01', '2024-12-31');
SELECT * FROM sla.holidays('GB-ENG', '2012-05-01', '2012-06-30');
SELECT * FROM sla.holidays('GB-SCT', '2021-12-24', '2022-01-05');
SELECT * FROM sla.holidays('US', '2021-06-01', '2021-07-31');
SELECT * FROM sla.holidays('JP', '2019-04-27', '2019-05-07');
SELECT * FROM sla.holidays('JP', '2026-09-19', '2026-09-24');
SELECT * FROM sla.holidays('IE', '2030-01-30', '2030-02-05');
SELECT code, (SELECT count(*) FROM sla.holidays(code, '2025-01-01', '2025-12-31')) AS days_2025
FROM sla.holiday_region WHERE shipped ORDER BY code;

-- Bad input, with SQLSTATEs.
SELECT sla_test.try($$SELECT * FROM sla.holidays('ZZ', '2024-01-01', '2024-12-31')$$);
SELECT sla_test.try($$SELECT * FROM sla.holidays('germany', '2024-01-01', '2024-12-31')$$);
SELECT sla_test.try($$SELECT * FROM sla.holidays('DE', '2024-12-31', '2024-01-01')$$);
SELECT sla_test.try($$SELECT * FROM sla.holidays('DE', '-infinity', '2024-01-01')$$);
SELECT sla_test.try($$SELECT * FROM sla.holidays('DE', '2000-01-01', '3000-01-01')$$);
SELECT * FROM sla.holidays(NULL, '2024-01-01', '2024-12-31');
SELECT sla_test.try($$INSERT INTO sla.holiday_region (code, name) VALUES ('de-by', 'x')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_region (code, name) VALUES ('XA-Q', 'x')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, day, source) VALUES ('XA', 'Bad', 'fixed', 2, 30, 't')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, source) VALUES ('XA', 'Bad', 'nth_weekday', 2, 't')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, day, kind, source) VALUES ('XA', 'Bad', 'fixed', 2, 3, 'half_day', 't')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, day, kind, on_sunday, source) VALUES ('XA', 'Bad', 'fixed', 2, 3, 'working_day', 'monday', 't')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, day, source) VALUES ('XA', 'Bad', 'fixed', 2, 3, NULL)$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, day, source) VALUES ('QQ', 'Bad', 'fixed', 2, 3, 't')$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_override (region, day, action) VALUES ('XA', '2024-01-01', 'add')$$);
SELECT sla_test.try($$UPDATE sla.holiday_rule SET month = 2 WHERE region = 'DE' AND name = 'Labour Day'$$);
SELECT sla_test.try($$DELETE FROM sla.holiday_region WHERE code = 'DE-BY'$$);
SELECT sla_test.try($$INSERT INTO sla.holiday_rule (region, name, rule, month, day, source, shipped) VALUES ('XA', 'Sneaky', 'fixed', 2, 3, 't', true)$$);
SELECT sla_test.try($$TRUNCATE sla.holiday_rule CASCADE$$);

-- Calendars follow regions: precedence calendar_exception > override > rule > weekly hours.
INSERT INTO sla.calendar (name, time_zone, hours, holidays) VALUES
	('hol_office', 'UTC', 'mon-fri 09:00-17:00', '{XA,XB}');
INSERT INTO sla.holiday_rule (region, name, rule, month, day, kind, closes_at, source) VALUES
	('XA', 'Eve', 'fixed', 12, 24, 'half_day', '12:00', 't'),
	('XA', 'Working Saturday', 'fixed', 12, 18, 'working_day', NULL, 't');
SELECT * FROM unnest(sla.open_periods('hol_office', '[2021-12-17, 2021-12-30)'));
-- far beyond the shipped years, rules still apply (2521-12-25 is a Thursday)
SELECT * FROM unnest(sla.open_periods('hol_office', '[2521-12-22, 2521-12-30)'));
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('hol_office', '2021-12-27', '10:00-11:00');
INSERT INTO sla.holiday_override (region, day, action, name, kind, closes_at) VALUES
	('XB', '2021-12-24', 'add', 'Closed Eve', 'holiday', NULL);
SELECT * FROM unnest(sla.open_periods('hol_office', '[2021-12-23, 2021-12-29)'));

-- A working day on a calendar whose weekdays differ opens with Monday's hours.
INSERT INTO sla.calendar (name, time_zone, hours, holidays) VALUES
	('hol_shop', 'UTC', 'mon 08:00-12:00; tue-fri 09:00-17:00', '{XA}');
SELECT * FROM unnest(sla.open_periods('hol_shop', '[2021-12-18, 2021-12-19)'));

-- Invalidation: a changed rule is seen by the next statement.
SELECT sla.is_open('2024-03-01 10:00+00', 'hol_office');
UPDATE sla.holiday_rule SET month = 3, day = 1, first_year = 1 WHERE region = 'XB' AND name = 'New Day';
SELECT sla.is_open('2024-03-01 10:00+00', 'hol_office');
SELECT day, name FROM sla.holidays('XB', '2024-03-01', '2024-03-01');
DELETE FROM sla.holiday_rule WHERE region = 'XB' AND name = 'New Day';
SELECT sla.is_open('2024-03-01 10:00+00', 'hol_office');

-- Unknown regions on write and at use.
SELECT sla_test.try($$INSERT INTO sla.calendar (name, hours, holidays) VALUES ('hol_bad', '24/7', '{XA,QZ}')$$);
SELECT sla_test.try($$INSERT INTO sla.calendar (name, hours, holidays) VALUES ('hol_bad', '24/7', '{NULL}')$$);
INSERT INTO sla.holiday_region (code, name) VALUES ('XD', 'Short-lived');
INSERT INTO sla.calendar (name, hours, holidays) VALUES ('hol_gone', '24/7', '{XD}');
DELETE FROM sla.holiday_region WHERE code = 'XD';
SELECT sla_test.try($$SELECT sla.is_open('2024-01-01', 'hol_gone')$$);

DELETE FROM sla.calendar WHERE name LIKE 'hol\_%';
DELETE FROM sla.holiday_region WHERE code IN ('XA-N', 'XA-S');
DELETE FROM sla.holiday_region WHERE code IN ('XA', 'XB', 'XC');
