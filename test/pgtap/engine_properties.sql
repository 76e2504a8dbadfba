-- Identities the engine must satisfy, over a few thousand generated cases
-- per calendar (fixed seed, so every run checks the same cases).
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS sla;
SELECT plan(9);

INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('pp_berlin', 'Europe/Berlin', 'mon-fri 08:00-12:00,13:00-17:00; sat 10:00-14:00'),
	('pp_night', 'America/New_York', 'sun-thu 22:00-06:00'),
	('pp_247', 'Australia/Lord_Howe', '24/7'),
	('pp_late', 'Europe/Paris', 'tue,thu 14:00-24:00; sat 00:00-03:00; sun 01:30-03:30');
INSERT INTO sla.calendar_exception (calendar, day, hours) VALUES
	('pp_berlin', '2026-12-24', '08:00-12:00'), ('pp_berlin', '2026-12-25', NULL),
	('pp_berlin', '2026-03-28', '00:00-24:00'), ('pp_247', '2026-04-05', '02:00-03:00');

SELECT setseed(0.4242);
CREATE TEMP TABLE cases AS
SELECT c.name AS cal,
	   timestamptz '2025-10-01 00:00+00' + random() * interval '400 days' AS ts,
	   (floor(random() * 40 * 3600) * 1000000 + floor(random() * 2) * floor(random() * 1000000))::bigint AS a_us,
	   (floor(random() * 20 * 3600) * 1000000)::bigint AS b_us
FROM (VALUES ('pp_berlin'), ('pp_night'), ('pp_247'), ('pp_late')) c(name),
	 generate_series(1, 600);
-- a quarter of the starts on exact boundaries: local openings and closings
UPDATE cases SET ts = date_trunc('hour', ts) WHERE random() < 0.25;
CREATE TEMP TABLE amounts AS
SELECT *, make_interval(secs => a_us / 1e6) AS a, make_interval(secs => b_us / 1e6) AS b FROM cases;

SELECT is((SELECT count(*) FROM amounts), 2400::bigint, 'generated 2400 cases');

SELECT is_empty($$
	SELECT cal, ts, a FROM amounts
	WHERE sla.business_elapsed(ts, sla.business_add(ts, a, cal), cal)::interval <> a
$$, 'business_elapsed(ts, business_add(ts, A)) = A');

SELECT is_empty($$
	SELECT cal, ts, a FROM amounts
	WHERE sla.business_elapsed(sla.business_add(ts, -a, cal), ts, cal)::interval <> a
$$, 'business_elapsed(business_add(ts, -A), ts) = A');

SELECT is_empty($$
	SELECT cal, ts, a, b FROM amounts
	WHERE sla.business_add(sla.business_add(ts, a, cal), b, cal) <> sla.business_add(ts, a + b, cal)
	   OR sla.business_add(sla.business_add(ts, -a, cal), -b, cal) <> sla.business_add(ts, -a - b, cal)
$$, 'business_add(business_add(ts, A), B) = business_add(ts, A + B) for amounts of one sign');

SELECT is_empty($$
	SELECT cal, ts, a FROM amounts
	WHERE sla.business_add(ts, a, cal) > sla.business_add(ts + b, a, cal)
	   OR sla.business_add(ts, -a, cal) > sla.business_add(ts + b, -a, cal)
$$, 'business_add is monotonic in ts');

SELECT is_empty($$
	SELECT cal, ts, a, r FROM (SELECT *, sla.business_add(ts, a, cal) AS r FROM amounts WHERE a_us > 0) x
	WHERE NOT sla.is_open(r, cal) AND NOT sla.is_open(r - interval '1 microsecond', cal)
$$, 'a positive amount ends inside open time or exactly at a close');

SELECT is_empty($$
	SELECT cal, ts FROM amounts
	WHERE sla.next_open(ts, cal) < ts
	   OR NOT sla.is_open(sla.next_open(ts, cal), cal)
	   OR (sla.is_open(ts, cal) <> (sla.next_open(ts, cal) = ts))
$$, 'next_open is ts when open, else an opening after ts');

SELECT is_empty($$
	SELECT cal, ts FROM amounts
	WHERE sla.next_close(ts, cal) <> 'infinity'
	  AND (sla.next_close(ts, cal) <= ts
		   OR sla.is_open(sla.next_close(ts, cal), cal)
		   OR NOT sla.is_open(sla.next_close(ts, cal) - interval '1 microsecond', cal)
		   OR sla.business_elapsed(sla.next_open(ts, cal), sla.next_close(ts, cal), cal)::interval
			  <> sla.next_close(ts, cal) - sla.next_open(ts, cal))
$$, 'next_close ends the current or next open period, open throughout');

SELECT is_empty($$
	SELECT cal, ts, a FROM amounts
	WHERE (SELECT coalesce(sum(upper(p) - lower(p)), interval '0')
		   FROM unnest(sla.open_periods(cal, tstzrange(ts, ts + a * 3))) p)
		  <> sla.business_elapsed(ts, ts + a * 3, cal)::interval
$$, 'open_periods covers exactly the elapsed business time');

SELECT * FROM finish();
ROLLBACK;
