-- calendar_privileges: the business-time functions read the calendar tables with the caller's
-- privileges.  A role without SELECT on either table gets 42501, whether or not the calendar is
-- already compiled in the backend's cache; a writer needs SELECT too, for the checks at commit.
SET TimeZone = 'UTC';
\set SHOW_CONTEXT never
INSERT INTO sla.calendar (name, time_zone, hours) VALUES ('cp', 'UTC', 'mon-fri 09:00-17:00');
CREATE ROLE regress_sla_reader;
CREATE ROLE regress_sla_writer;
GRANT INSERT, UPDATE, DELETE ON sla.calendar_exception TO regress_sla_writer;

-- With the default grants (SELECT to PUBLIC) every role reads calendars.
SET ROLE regress_sla_reader;
SELECT sla.is_open('2024-01-01 10:00+00', 'cp');
RESET ROLE;

REVOKE SELECT ON sla.calendar FROM PUBLIC;
-- The cache is warm: the superuser compiles the calendar again after the REVOKE ...
SELECT sla.is_open('2024-01-01 10:00+00', 'cp');
-- ... and the reader, in the same backend, may still not use it.
SET ROLE regress_sla_reader;
SELECT sla.is_open('2024-01-01 10:00+00', 'cp');
\echo :LAST_ERROR_SQLSTATE
SELECT sla.business_add('2024-01-01 10:00+00', '1 hour', 'cp');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
-- The cache is cold: a change drops the compiled calendar, and the reader is the first to use it.
UPDATE sla.calendar SET hours = 'mon-fri 08:00-17:00' WHERE name = 'cp';
SET ROLE regress_sla_reader;
SELECT sla.next_open('2024-01-01 00:00+00', 'cp');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

-- SELECT on sla.calendar alone is not enough: the exceptions are read too.
GRANT SELECT ON sla.calendar TO PUBLIC;
REVOKE SELECT ON sla.calendar_exception FROM PUBLIC;
SELECT sla.next_open('2024-01-01 00:00+00', 'cp');
SET ROLE regress_sla_reader;
SELECT sla.next_open('2024-01-01 00:00+00', 'cp');
\echo :LAST_ERROR_SQLSTATE
-- A writer without SELECT is refused at commit, when the neighbouring dates are read.
SET ROLE regress_sla_writer;
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cp', '2024-01-01', NULL);
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

-- Grants back as CREATE EXTENSION made them; then both roles read and write again.
GRANT SELECT ON sla.calendar_exception TO PUBLIC;
SET ROLE regress_sla_writer;
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('cp', '2024-01-01', NULL);
SET ROLE regress_sla_reader;
SELECT sla.next_open('2024-01-01 00:00+00', 'cp');
RESET ROLE;
SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants
WHERE table_schema = 'sla' AND grantee IN ('PUBLIC', 'regress_sla_reader', 'regress_sla_writer')
ORDER BY 1, 2, 3;

DELETE FROM sla.calendar WHERE name = 'cp';
REVOKE ALL ON sla.calendar_exception FROM regress_sla_writer;
DROP ROLE regress_sla_reader;
DROP ROLE regress_sla_writer;
