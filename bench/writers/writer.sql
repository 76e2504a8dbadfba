-- A writer: upsert the exception of one day, then delete the exception of
-- another day of the same 14 days (each statement commits on its own, as
-- most applications write).
\set a random(0, 13)
\set b random(0, 13)
INSERT INTO sla.calendar_exception (calendar, day, hours, reason)
	VALUES ('bench_writers', date '2024-06-03' + :a, '10:00-14:00', 'writer')
	ON CONFLICT (calendar, day) DO UPDATE SET hours = excluded.hours, reason = excluded.reason;
DELETE FROM sla.calendar_exception WHERE calendar = 'bench_writers' AND day = date '2024-06-03' + :b;
