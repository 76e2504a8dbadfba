-- calendar_writers: how writes to sla.calendar and sla.calendar_exception are checked.  Each row
-- is checked on its own at once (BEFORE row trigger); the dates a row changes are checked against
-- the dates before and after them at commit (deferred constraint trigger), under a per-calendar
-- advisory lock.  Concurrent writers: test/isolation/specs/calendar_write_*.spec.
-- Calendars of this file are named cw_*.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
\set VERBOSITY default
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('cw', 'UTC', 'mon-fri 09:00-17:00');

-- The triggers: BEFORE row validation, deferred neighbour checks, statement invalidation.
SELECT c.relname, t.tgname, t.tgenabled, t.tgdeferrable, t.tginitdeferred, pg_get_triggerdef(t.oid) AS def
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = 'sla'::regnamespace AND NOT t.tgisinternal
ORDER BY c.relname, t.tgname;

-- A single statement: the overlap is refused when the statement commits (22023).
-- Monday 2024-01-01 22:00 runs to Tuesday 10:00, into Tuesday's 09:00 opening.
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cw', '2024-01-01', '22:00-10:00');
\echo :LAST_ERROR_SQLSTATE
-- Errors of the row itself come at once, at the statement.
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cw', '2024-01-01', '22:00-10');
\echo :LAST_ERROR_SQLSTATE

-- In a transaction the overlap is refused at COMMIT; until then the rows may overlap, so two rows
-- can be changed in any order.
BEGIN;
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cw', '2024-01-01', '22:00-10:00');
SELECT day, hours FROM sla.calendar_exception WHERE calendar = 'cw' ORDER BY day;
COMMIT;
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM sla.calendar_exception WHERE calendar = 'cw';
BEGIN;
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cw', '2024-01-01', '22:00-10:00');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cw', '2024-01-02', '10:00-17:00');
COMMIT;
SELECT day, hours FROM sla.calendar_exception WHERE calendar = 'cw' ORDER BY day;
-- Monday 22:00 to Tuesday 17:00, one period (the ranges touch at 10:00): 19 hours
SELECT sla.business_elapsed('2024-01-01', '2024-01-03', 'cw');
-- Swap: Monday back to weekly hours needs Tuesday's 10:00 first; in either order within a transaction.
BEGIN;
DELETE FROM sla.calendar_exception WHERE calendar = 'cw' AND day = '2024-01-02';
UPDATE sla.calendar_exception SET hours = '22:00-09:00' WHERE calendar = 'cw' AND day = '2024-01-01';
COMMIT;
SELECT day, hours FROM sla.calendar_exception WHERE calendar = 'cw' ORDER BY day;

-- SET CONSTRAINTS ... IMMEDIATE checks at the end of each statement instead, which lets a
-- transaction (or a PL/pgSQL exception block) catch the error.  The check takes the calendar's
-- advisory lock (class 5459009 = 0x534C41, key hashtext(name)), held until the transaction ends.
BEGIN;
SET CONSTRAINTS sla.calendar_exception_neighbours IMMEDIATE;
SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid();
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cw', '2024-01-03', '09:00-12:00');
SELECT classid, objid::int4 = hashtext('cw') AS cw_key, objsubid, mode, granted
FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid();
SAVEPOINT s;
UPDATE sla.calendar_exception SET hours = '22:00-10:00' WHERE calendar = 'cw' AND day = '2024-01-01';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
COMMIT;
SELECT day, hours FROM sla.calendar_exception WHERE calendar = 'cw' ORDER BY day;
DO $$
BEGIN
	SET CONSTRAINTS ALL IMMEDIATE;
	UPDATE sla.calendar_exception SET hours = '21:00-09:30' WHERE calendar = 'cw' AND day = '2024-01-01';
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'caught %: %', SQLSTATE, SQLERRM;
END
$$;

-- Deleting an exception gives its date back its weekly hours, checked at commit.  Tuesday
-- 2024-01-02 closed lets Monday run to Tuesday 10:00; deleting the closure is refused.
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cw', '2024-01-02', NULL);
UPDATE sla.calendar_exception SET hours = '22:00-10:00' WHERE calendar = 'cw' AND day = '2024-01-01';
DELETE FROM sla.calendar_exception WHERE calendar = 'cw' AND day = '2024-01-02';
\echo :LAST_ERROR_SQLSTATE
-- Moving the closure to another date is a delete at its old date too.
UPDATE sla.calendar_exception SET day = '2024-01-09' WHERE calendar = 'cw' AND day = '2024-01-02';
\echo :LAST_ERROR_SQLSTATE
-- ... and so is moving it to another calendar, whose dates are checked as well.
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('cw_nights', 'UTC', 'mon-fri 22:00-06:00');
UPDATE sla.calendar_exception SET calendar = 'cw_nights' WHERE calendar = 'cw' AND day = '2024-01-02';
\echo :LAST_ERROR_SQLSTATE
UPDATE sla.calendar_exception SET calendar = 'cw_nights', day = '2024-01-10' WHERE calendar = 'cw' AND day = '2024-01-03';
SELECT calendar, day, hours FROM sla.calendar_exception WHERE calendar LIKE 'cw%' ORDER BY calendar, day;

-- New weekly hours are checked against the exceptions at commit.  Monday 2024-01-01 runs to
-- Tuesday 10:00 and Tuesday 2024-01-02 is closed, so weekly hours from 08:00 fit ...
UPDATE sla.calendar SET hours = 'mon-fri 08:00-17:00' WHERE name = 'cw';
-- ... until the closure goes (22023).
DELETE FROM sla.calendar_exception WHERE calendar = 'cw' AND day = '2024-01-02';
\echo :LAST_ERROR_SQLSTATE
-- Tuesdays from 10:00 let it go; then weekly hours that open Tuesdays earlier are refused (22023).
UPDATE sla.calendar SET hours = 'mon,wed-fri 08:00-17:00; tue 10:00-17:00' WHERE name = 'cw';
DELETE FROM sla.calendar_exception WHERE calendar = 'cw' AND day = '2024-01-02';
UPDATE sla.calendar SET hours = 'mon-fri 07:00-17:00' WHERE name = 'cw';
\echo :LAST_ERROR_SQLSTATE
SELECT name, hours FROM sla.calendar WHERE name LIKE 'cw%' ORDER BY name;
-- A rename carries the exceptions along; a calendar's delete takes them with it.
UPDATE sla.calendar SET name = 'cw_renamed' WHERE name = 'cw';
SELECT calendar, day, hours FROM sla.calendar_exception WHERE calendar LIKE 'cw%' ORDER BY calendar, day;
DELETE FROM sla.calendar WHERE name = 'cw_renamed';
SELECT count(*) FROM sla.calendar_exception WHERE calendar = 'cw_renamed';

-- Many rows in one statement: each date is checked against the state at commit.
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('cw_many', 'Europe/Berlin', 'mon-fri 09:00-17:00');
INSERT INTO sla.calendar_exception (calendar, day, hours)
	SELECT 'cw_many', d::date, CASE WHEN extract(isodow FROM d) = 5 THEN '22:00-09:00' END
	FROM generate_series(timestamp '2024-01-01', '2024-12-31', '1 day') AS d
	WHERE extract(isodow FROM d) IN (5, 6, 7);
SELECT count(*), count(hours) FROM sla.calendar_exception WHERE calendar = 'cw_many';
-- Friday nights run into closed Saturdays; opening every Saturday at 08:00 is refused.
UPDATE sla.calendar_exception SET hours = '08:00-12:00' WHERE calendar = 'cw_many' AND extract(isodow FROM day) = 6;
\echo :LAST_ERROR_SQLSTATE

-- The trigger functions refuse other uses (39P01).
CREATE TABLE cw_table (calendar text, day date, hours text);
CREATE TRIGGER cw_before BEFORE INSERT ON cw_table
	FOR EACH ROW EXECUTE FUNCTION sla.calendar_check_trigger('exception');
INSERT INTO cw_table VALUES ('cw_many', '2024-01-01', NULL);
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER cw_before ON cw_table;
CREATE TRIGGER cw_after AFTER INSERT ON cw_table
	FOR EACH ROW EXECUTE FUNCTION sla.calendar_validate_trigger('exception');
INSERT INTO cw_table VALUES ('cw_many', '2024-01-01', NULL);
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER cw_after ON cw_table;
CREATE TRIGGER cw_after AFTER INSERT ON cw_table
	FOR EACH ROW EXECUTE FUNCTION sla.calendar_check_trigger('tickets');
INSERT INTO cw_table VALUES ('cw_many', '2024-01-01', NULL);
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER cw_after ON cw_table;
CREATE TRIGGER cw_after AFTER INSERT ON cw_table
	FOR EACH STATEMENT EXECUTE FUNCTION sla.calendar_check_trigger('exception');
INSERT INTO cw_table VALUES ('cw_many', '2024-01-01', NULL);
\echo :LAST_ERROR_SQLSTATE
DROP TABLE cw_table;
SELECT sla.calendar_check_trigger();
\echo :LAST_ERROR_SQLSTATE

DELETE FROM sla.calendar WHERE name LIKE 'cw%';
