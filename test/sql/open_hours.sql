-- is_open, next_open, next_close and open_periods (docs/semantics.md, "Open time is half-open",
-- "Touching periods are one", "`is_open`, `next_open`, `next_close`", "`open_periods`"): open
-- time is half-open [open, close); touching periods are one.  Calendars of this file are named
-- oh_*; most are in UTC and the session prints UTC, so wall-clock times read directly.
-- January 2024: Mon 8, Tue 9, Wed 10, Thu 11, Fri 12, Sat 13, Sun 14, Mon 15.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = postgres;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('oh_office', 'UTC',           'mon-fri 09:00-17:00'),
	('oh_berlin', 'Europe/Berlin', 'mon-fri 09:00-17:00'),
	('oh_shift',  'UTC',           'mon-fri 22:00-06:00; mon-fri 06:00-14:00'),
	('oh_late',   'UTC',           'mon 18:00-24:00; tue 00:00-02:00; wed 20:00-24:00'),
	('oh_247',    'UTC',           '24/7'),
	('oh_247x',   'UTC',           '24/7'),
	('oh_once',   'UTC',           'closed');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES
	('oh_247x', '2024-05-01', '00:00-12:00'),
	('oh_once', '2024-03-05', '09:00-12:00');

-- ---------------------------------------------------------------------------
-- is_open: true at an opening, false at a closing
SELECT sla.is_open('2024-01-08 09:00+00', 'oh_office') AS at_open,
	   sla.is_open('2024-01-08 08:59:59.999999+00', 'oh_office') AS before_open,
	   sla.is_open('2024-01-08 12:00+00', 'oh_office') AS inside,
	   sla.is_open('2024-01-08 16:59:59.999999+00', 'oh_office') AS before_close,
	   sla.is_open('2024-01-08 17:00+00', 'oh_office') AS at_close,
	   sla.is_open('2024-01-13 12:00+00', 'oh_office') AS saturday;
-- In the calendar's zone: 09:00 Berlin is 08:00 UTC in January.
SELECT sla.is_open('2024-01-08 08:00+00', 'oh_berlin') AS at_open, sla.is_open('2024-01-08 16:00+00', 'oh_berlin') AS at_close;

-- next_open: ts itself when open, else the next opening
SELECT sla.next_open('2024-01-08 09:00+00', 'oh_office');	-- itself
SELECT sla.next_open('2024-01-08 12:34:56.789+00', 'oh_office');	-- itself
SELECT sla.next_open('2024-01-08 17:00+00', 'oh_office');	-- at a close: Tue 09:00
SELECT sla.next_open('2024-01-08 03:00+00', 'oh_office');	-- Mon 09:00
SELECT sla.next_open('2024-01-12 17:00+00', 'oh_office');	-- Fri close: Mon 15th 09:00
SELECT sla.next_open('2024-01-13 12:00+00', 'oh_office');	-- Saturday: Mon 15th 09:00
SELECT sla.next_open('2024-01-08 00:00+00', 'oh_berlin');	-- Mon 09:00 Berlin = 08:00 UTC

-- next_close: the end of the period containing ts, or of the next one
SELECT sla.next_close('2024-01-08 09:00+00', 'oh_office');	-- Mon 17:00
SELECT sla.next_close('2024-01-08 16:59:59.999999+00', 'oh_office');	-- Mon 17:00
SELECT sla.next_close('2024-01-08 17:00+00', 'oh_office');	-- closed at 17:00: the next period's end, Tue 17:00
SELECT sla.next_close('2024-01-08 03:00+00', 'oh_office');	-- Mon 17:00
SELECT sla.next_close('2024-01-13 12:00+00', 'oh_office');	-- Mon 15th 17:00

-- ---------------------------------------------------------------------------
-- Touching periods are one.  oh_shift: Mon-Fri 06:00-14:00 and a night shift 22:00-06:00 that
-- touches the next morning: Mon 06:00-14:00, then Mon 22:00 to Tue 14:00, ..., Thu 22:00 to Fri
-- 14:00, and Fri 22:00 to Sat 06:00 (no Saturday morning).
SELECT sla.next_close('2024-01-08 23:00+00', 'oh_shift');	-- runs through 06:00: Tue 14:00
SELECT sla.is_open('2024-01-09 06:00+00', 'oh_shift') AS at_0600, sla.is_open('2024-01-09 05:59:59.999999+00', 'oh_shift') AS before_0600;
SELECT sla.next_open('2024-01-09 06:00+00', 'oh_shift');	-- itself
SELECT sla.next_close('2024-01-08 15:00+00', 'oh_shift');	-- closed: the next period, Mon 22:00 to Tue 14:00
SELECT sla.next_close('2024-01-12 23:00+00', 'oh_shift');	-- Friday's shift: Sat 06:00
SELECT sla.next_close('2024-01-08 07:00+00', 'oh_shift');	-- Monday morning (Sunday has no shift): Mon 14:00
SELECT sla.open_periods('oh_shift', '[2024-01-08 00:00+00, 2024-01-10 00:00+00)');
-- '24:00' ends: Monday 18:00-24:00 touches Tuesday 00:00-02:00; Wednesday 20:00-24:00 stops at midnight.
SELECT sla.next_close('2024-01-08 19:00+00', 'oh_late');	-- Tue 02:00
SELECT sla.is_open('2024-01-09 00:00+00', 'oh_late') AS tue_midnight, sla.is_open('2024-01-11 00:00+00', 'oh_late') AS thu_midnight;
SELECT sla.next_close('2024-01-10 21:00+00', 'oh_late');	-- Thu 00:00
SELECT sla.next_open('2024-01-11 00:00+00', 'oh_late');	-- Mon 15th 18:00
SELECT sla.open_periods('oh_late', '[2024-01-08 00:00+00, 2024-01-15 00:00+00)');

-- 24/7: never closes, next_open is ts itself, open at every midnight.
SELECT sla.next_close('2024-01-08 00:00+00', 'oh_247'), sla.next_open('2024-01-08 00:00+00', 'oh_247'),
	   sla.is_open('2024-01-09 00:00+00', 'oh_247');
-- 24/7 with one date open only until noon (2024-05-01): it closes then, and never again after.
SELECT sla.next_close('2024-04-20 00:00+00', 'oh_247x');	-- 2024-05-01 12:00
SELECT sla.next_open('2024-05-01 12:00+00', 'oh_247x');	-- 2024-05-02 00:00
SELECT sla.next_close('2024-05-01 13:00+00', 'oh_247x');	-- infinity
SELECT sla.next_close('2024-05-02 00:00+00', 'oh_247x');	-- infinity
SELECT sla.is_open('2024-05-01 11:59:59.999999+00', 'oh_247x') AS before_noon, sla.is_open('2024-05-01 12:00+00', 'oh_247x') AS at_noon;

-- A closed calendar with one open date, Tue 2024-03-05 09:00-12:00.
SELECT sla.next_open('2020-01-01 00:00+00', 'oh_once'), sla.next_close('2020-01-01 00:00+00', 'oh_once');
SELECT sla.is_open('2024-03-05 10:00+00', 'oh_once') AS open_then, sla.is_open('2024-03-06 10:00+00', 'oh_once') AS open_next_day;
-- After it, it never opens again: next_open is infinity, and so is next_close.
SELECT sla.next_open('2024-03-05 12:00+00', 'oh_once'), sla.next_close('2024-03-05 12:00+00', 'oh_once');
SELECT sla.next_open('2100-01-01 00:00+00', 'oh_once');

-- Infinities: next_open and next_close return them unchanged; is_open needs a finite ts (22008).
SELECT sla.next_open('infinity', 'oh_office') AS no_inf, sla.next_open('-infinity', 'oh_office') AS no_minf,
	   sla.next_close('infinity', 'oh_office') AS nc_inf, sla.next_close('-infinity', 'oh_office') AS nc_minf;
SELECT sla_test.try($$SELECT sla.is_open('infinity', 'oh_office')$$);
SELECT sla_test.try($$SELECT sla.is_open('-infinity', 'oh_247')$$);
SELECT sla.is_open(NULL, 'oh_office') IS NULL AS n1, sla.next_open(NULL, 'oh_office') IS NULL AS n2,
	   sla.next_close('2024-01-08 00:00+00', NULL) IS NULL AS n3;
SELECT sla_test.try($$SELECT sla.next_open('2024-01-08 00:00+00', 'oh_nope')$$);
-- The last days of year 9999 can be asked about: Fri 9999-12-31 is a working day.
SELECT sla.is_open('9999-12-31 12:00+00', 'oh_office') AS open_9999_12_31;
SELECT sla.next_close('9999-12-31 12:00+00', 'oh_office');
-- And the first days of year 1: Wed 0001-01-03 (0001-01-01 is a Monday).
SELECT sla.is_open('0001-01-03 12:00+00', 'oh_office') AS open_0001_01_03;
-- An answer past year 9999: 22008.
SELECT sla_test.try($$SELECT sla.next_open('9999-12-31 18:00+00', 'oh_office')$$);

-- ---------------------------------------------------------------------------
-- open_periods(cal, within): clipped to within, with its bounds
SELECT sla.open_periods('oh_office', '[2024-01-08 00:00+00, 2024-01-13 00:00+00)');	-- five days
SELECT sla.open_periods('oh_office', '[2024-01-08 12:00+00, 2024-01-09 12:00+00)');	-- clipped at both ends
SELECT sla.open_periods('oh_berlin', '[2024-01-08 00:00+00, 2024-01-09 00:00+00)');	-- 08:00-16:00 UTC
-- An inclusive upper bound at an opening keeps that one open instant.
SELECT sla.open_periods('oh_office', '[2024-01-08 12:00+00, 2024-01-09 09:00+00]');
-- An exclusive upper bound there does not.
SELECT sla.open_periods('oh_office', '[2024-01-08 12:00+00, 2024-01-09 09:00+00)');
-- An inclusive upper bound at a close adds nothing: the close is not open.
SELECT sla.open_periods('oh_office', '[2024-01-08 12:00+00, 2024-01-08 17:00+00]');
-- An exclusive lower bound at an opening stays exclusive; one at a close drops nothing.
SELECT sla.open_periods('oh_office', '(2024-01-08 09:00+00, 2024-01-08 12:00+00)');
SELECT sla.open_periods('oh_office', '(2024-01-08 17:00+00, 2024-01-09 12:00+00)');
-- An inclusive lower bound at a close: nothing at that instant.
SELECT sla.open_periods('oh_office', '[2024-01-08 17:00+00, 2024-01-09 09:00+00)');
-- Closed time only, a single instant, an empty range.
SELECT sla.open_periods('oh_office', '[2024-01-13 00:00+00, 2024-01-15 00:00+00)');
SELECT sla.open_periods('oh_office', '[2024-01-08 10:00+00, 2024-01-08 10:00+00]');
SELECT sla.open_periods('oh_office', 'empty');
-- 24/7: the range itself.
SELECT sla.open_periods('oh_247', '(2024-01-08 10:00+00, 2024-02-08 10:00:00.5+00]');
-- The open periods' total is business_elapsed over the same span (the first half of 2024).
SELECT (SELECT sum(upper(r) - lower(r)) FROM unnest(sla.open_periods('oh_berlin', '[2024-01-01, 2024-07-01)')) AS r)
	   = sla.business_elapsed('2024-01-01', '2024-07-01', 'oh_berlin')::interval AS same_total;
-- Unbounded or infinite ranges: 22008.
SELECT sla_test.try($$SELECT sla.open_periods('oh_office', '[2024-01-08 00:00+00,)')$$);
SELECT sla_test.try($$SELECT sla.open_periods('oh_office', '(,2024-01-08 00:00+00)')$$);
SELECT sla_test.try($$SELECT sla.open_periods('oh_office', '(,)')$$);
SELECT sla_test.try($$SELECT sla.open_periods('oh_office', '[2024-01-08 00:00+00, infinity)')$$);
SELECT sla_test.try($$SELECT sla.open_periods('oh_office', '[-infinity, 2024-01-08 00:00+00)')$$);
SELECT sla.open_periods('oh_office', NULL) IS NULL AS n1, sla.open_periods(NULL, '[2024-01-08, 2024-01-09)') IS NULL AS n2;
SELECT sla_test.try($$SELECT sla.open_periods('oh_nope', '[2024-01-08, 2024-01-09)')$$);

DELETE FROM sla.calendar WHERE name LIKE 'oh\_%';
