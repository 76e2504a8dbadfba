-- calendar_invalid_rows: rows that the write checks would refuse, stored with the checks disabled
-- (as rows written by hand with ALTER TABLE ... DISABLE TRIGGER, or by an older build), then used:
-- every business-time function raises the error the checks would have raised, never crashes, and
-- such rows can still be fixed or deleted with the checks enabled.  Calendars here are named ci_*.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

-- Each use runs all six functions and shows the distinct results.
CREATE FUNCTION pg_temp.use(cal text) RETURNS SETOF text
LANGUAGE sql AS $$
	SELECT DISTINCT r FROM unnest(ARRAY[
		sla_test.try(format('SELECT sla.is_open(%L, %L)', '2024-01-01 12:00+00', cal)),
		sla_test.try(format('SELECT sla.next_open(%L, %L)', '2024-01-01 12:00+00', cal)),
		sla_test.try(format('SELECT sla.next_close(%L, %L)', '2024-01-01 12:00+00', cal)),
		sla_test.try(format('SELECT sla.business_add(%L, %L, %L)', '2024-01-01 12:00+00', '1 hour', cal)),
		sla_test.try(format('SELECT sla.business_elapsed(%L, %L, %L)', '2024-01-01', '2024-01-08', cal)),
		sla_test.try(format('SELECT sla.open_periods(%L, %L)', cal, '[2024-01-01, 2024-01-08)'))]) AS r
	ORDER BY 1
$$;

ALTER TABLE sla.calendar DISABLE TRIGGER calendar_validate;
ALTER TABLE sla.calendar DISABLE TRIGGER calendar_neighbours;
ALTER TABLE sla.calendar_exception DISABLE TRIGGER calendar_exception_validate;
ALTER TABLE sla.calendar_exception DISABLE TRIGGER calendar_exception_neighbours;

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('ci_syntax', 'UTC', 'mon-fri 9-17'),
	('ci_week_overlap', 'UTC', 'mon 22:00-06:00; tue 05:00-09:00'),
	('ci_week_limit', 'UTC', 'mon ' || (SELECT string_agg(format('%s:00-%s:30', lpad(h::text, 2, '0'), lpad(h::text, 2, '0')), ',')
										 FROM generate_series(0, 23) AS h) || '; mon ' ||
								   (SELECT string_agg(format('%s:40-%s:50', lpad(h::text, 2, '0'), lpad(h::text, 2, '0')), ',')
										 FROM generate_series(0, 23) AS h) || ', 23:55-23:59'),
	('ci_zone_unknown', 'Mars/Olympus', 'mon-fri 09:00-17:00'),
	('ci_zone_empty', '', 'mon-fri 09:00-17:00'),
	('ci_zone_posix', 'UTC+3', 'mon-fri 09:00-17:00'),
	('ci_closed', 'UTC', 'closed'),
	('ci_exc_syntax', 'UTC', 'mon-fri 09:00-17:00'),
	('ci_exc_own_overlap', 'UTC', 'mon-fri 09:00-17:00'),
	('ci_exc_limit', 'UTC', 'mon-fri 09:00-17:00'),
	('ci_exc_neighbours', 'UTC', 'mon-fri 09:00-17:00'),
	('ci_exc_infinite', 'UTC', 'mon-fri 09:00-17:00'),
	('ci_exc_far', 'UTC', 'mon-fri 09:00-17:00'),
	('ci_exc_bc', 'UTC', 'mon-fri 09:00-17:00');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES
	('ci_exc_syntax', '2024-01-02', 'mon 09:00-12:00'),
	('ci_exc_own_overlap', '2024-01-02', '09:00-12:00,11:00-13:00'),
	('ci_exc_limit', '2024-01-02', (SELECT string_agg(format('%s:00-%s:10,%s:20-%s:30', lpad(h::text, 2, '0'), lpad(h::text, 2, '0'),
																lpad(h::text, 2, '0'), lpad(h::text, 2, '0')), ',')
									FROM generate_series(0, 23) AS h) || ',23:40-23:50'),
	('ci_exc_neighbours', '2024-01-01', '22:00-10:00'),
	('ci_exc_infinite', 'infinity', NULL),
	('ci_exc_far', '10000-01-03', NULL),
	('ci_exc_bc', '0001-12-31 BC', NULL);

ALTER TABLE sla.calendar ENABLE TRIGGER calendar_validate;
ALTER TABLE sla.calendar ENABLE TRIGGER calendar_neighbours;
ALTER TABLE sla.calendar_exception ENABLE TRIGGER calendar_exception_validate;
ALTER TABLE sla.calendar_exception ENABLE TRIGGER calendar_exception_neighbours;

-- (Messages that repeat long hours are cut after 100 characters.)
SELECT name, left(pg_temp.use(name), 100) AS result FROM sla.calendar WHERE name LIKE 'ci\_%' ORDER BY name, result;

-- A write next to a stored row that does not parse is checked as if that date had its weekly
-- hours; the bad row stays until it is fixed or deleted.
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('ci_exc_syntax', '2024-01-01', '20:00-10:00');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('ci_exc_syntax', '2024-01-01', '20:00-09:00');
SELECT * FROM pg_temp.use('ci_exc_syntax');

-- Fixing or deleting the rows, with the checks enabled.
UPDATE sla.calendar SET hours = 'mon-fri 09:00-17:00' WHERE name IN ('ci_syntax', 'ci_week_overlap', 'ci_week_limit');
UPDATE sla.calendar SET time_zone = 'UTC' WHERE name LIKE 'ci\_zone%';
UPDATE sla.calendar_exception SET hours = '09:00-12:00' WHERE calendar IN ('ci_exc_syntax', 'ci_exc_own_overlap', 'ci_exc_limit') AND day = '2024-01-02';
UPDATE sla.calendar_exception SET hours = '22:00-09:00' WHERE calendar = 'ci_exc_neighbours';
DELETE FROM sla.calendar_exception WHERE calendar IN ('ci_exc_infinite', 'ci_exc_far', 'ci_exc_bc');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES ('ci_closed', '2024-01-03', '09:00-17:00');
SELECT name, pg_temp.use(name) AS result FROM sla.calendar WHERE name LIKE 'ci\_%' ORDER BY name, result;

DELETE FROM sla.calendar WHERE name LIKE 'ci\_%';
