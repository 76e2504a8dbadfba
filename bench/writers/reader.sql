-- A reader: one deadline and one elapsed time on the calendar the writers change.
\set d random(0, 20)
SELECT sla.business_add(timestamptz '2024-06-01 10:00+00' + :d * interval '1 day', '10 hours', 'bench_writers'),
	   sla.business_elapsed(timestamptz '2024-06-01 10:00+00' + :d * interval '1 day',
							timestamptz '2024-06-08 10:00+00' + :d * interval '1 day', 'bench_writers');
