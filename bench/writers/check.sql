-- After the run: the calendar still compiles (no overlap was stored), and
-- what the writers left.
SELECT count(*) AS exceptions_left,
	   sla.business_elapsed('2024-06-01', '2024-06-22', 'bench_writers') AS open_in_three_weeks
FROM sla.calendar_exception WHERE calendar = 'bench_writers';
