-- calendar_reinstall: DROP EXTENSION and CREATE EXTENSION in one session of one database.  The
-- backend's calendar cache must not answer from the dropped tables: it forgets their OIDs with
-- their calendars, and sees changes to the new tables.  (A database of its own, so that the
-- other test files keep their extension.)
\set regress_db :DBNAME
CREATE DATABASE sla_regress_reinstall;
\c sla_regress_reinstall
SET TimeZone = 'UTC';
CREATE EXTENSION sla;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('cr', 'UTC', 'mon-fri 09:00-17:00');
SELECT sla.next_open('2024-01-01 00:00+00', 'cr');
PREPARE next_open_cr AS SELECT sla.next_open('2024-01-01 00:00+00', 'cr');
EXECUTE next_open_cr;

DROP EXTENSION sla;
SELECT sla.next_open('2024-01-01 00:00+00', 'cr');
EXECUTE next_open_cr;

CREATE EXTENSION sla;
SELECT sla.next_open('2024-01-01 00:00+00', 'cr');
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('cr', 'UTC', 'mon-fri 10:00-17:00');
SELECT sla.next_open('2024-01-01 00:00+00', 'cr');
EXECUTE next_open_cr;
-- changes to the new tables are seen
UPDATE sla.calendar SET hours = 'mon-fri 11:00-17:00' WHERE name = 'cr';
SELECT sla.next_open('2024-01-01 00:00+00', 'cr');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cr', '2024-01-01', '12:00-13:00');
EXECUTE next_open_cr;
-- and the write checks use the new tables: 22023 at commit
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cr', '2023-12-31', '22:00-12:30');

\c :regress_db
DROP DATABASE sla_regress_reinstall;
