-- bench/peers.sql: the hand-written peers sla replaces, written for the benchmark.
-- Both read the same holidays as sla (sla.calendar_exception rows with null hours)
-- and hard-code the weekly hours mon-fri 09:00-17:00 Europe/Berlin.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- 1. The usual PL/pgSQL day loop: walk day by day in local time, look up each
-- day's holiday row, add the day's open hours until the amount is used up.
-- Local times become instants with AT TIME ZONE, as in sla.
CREATE FUNCTION bench.plpgsql_business_add(ts timestamptz, amount interval, cal text)
RETURNS timestamptz LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
	tz constant text := 'Europe/Berlin';
	remaining interval := amount;
	d date := (ts AT TIME ZONE tz)::date;
	day_open timestamptz;
	day_close timestamptz;
	start_at timestamptz;
BEGIN
	IF amount <= interval '0' THEN
		RETURN ts;		-- positive amounts only
	END IF;
	LOOP
		IF extract(isodow FROM d) < 6 AND NOT EXISTS (
			SELECT 1 FROM sla.calendar_exception e
			WHERE e.calendar = cal AND e.day = d AND e.hours IS NULL) THEN
			day_open := (d + time '09:00') AT TIME ZONE tz;
			day_close := (d + time '17:00') AT TIME ZONE tz;
			start_at := greatest(ts, day_open);
			IF start_at < day_close THEN
				IF start_at + remaining <= day_close THEN
					RETURN start_at + remaining;
				END IF;
				remaining := remaining - (day_close - start_at);
			END IF;
		END IF;
		d := d + 1;
	END LOOP;
END $$;

-- The same loop for the open time in [a, b) (a <= b).
CREATE FUNCTION bench.plpgsql_business_elapsed(a timestamptz, b timestamptz, cal text)
RETURNS interval LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
	tz constant text := 'Europe/Berlin';
	total interval := interval '0';
	d date := (a AT TIME ZONE tz)::date;
	last_day date := (b AT TIME ZONE tz)::date;
	lo timestamptz;
	hi timestamptz;
BEGIN
	WHILE d <= last_day LOOP
		IF extract(isodow FROM d) < 6 AND NOT EXISTS (
			SELECT 1 FROM sla.calendar_exception e
			WHERE e.calendar = cal AND e.day = d AND e.hours IS NULL) THEN
			lo := greatest(a, (d + time '09:00') AT TIME ZONE tz);
			hi := least(b, (d + time '17:00') AT TIME ZONE tz);
			IF lo < hi THEN
				total := total + (hi - lo);
			END IF;
		END IF;
		d := d + 1;
	END LOOP;
	RETURN total;
END $$;

-- 2. The cumulative calendar table: every open interval 2023-2040 in UTC with
-- the open time before it; a deadline is two index probes (see run.sh's queries).
CREATE TABLE bench.cum_iv AS
WITH iv AS (
	SELECT (d::date + time '09:00') AT TIME ZONE 'Europe/Berlin' AS s,
	       (d::date + time '17:00') AT TIME ZONE 'Europe/Berlin' AS e
	FROM generate_series(date '2023-01-01', date '2040-12-31', interval '1 day') AS d
	WHERE extract(isodow FROM d) < 6
	  AND d::date NOT IN (SELECT day FROM sla.calendar_exception
	                      WHERE calendar = 'de_office' AND hours IS NULL))
SELECT s, e,
	coalesce(sum(e - s) OVER (ORDER BY s ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), interval '0') AS cum_before,
	sum(e - s) OVER (ORDER BY s) AS cum_end
FROM iv;
ALTER TABLE bench.cum_iv ADD PRIMARY KEY (s);
CREATE INDEX ON bench.cum_iv (cum_end);
VACUUM ANALYZE bench.cum_iv;
