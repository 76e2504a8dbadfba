-- engine_crosscheck: the C engine (sla.business_add, business_elapsed, is_open, next_open, next_close)
-- against an independent reference model of domain.md section 2, on a few thousand random cases drawn
-- with a fixed seed.  The model is test/reference/model.sql (see test/reference/README.md).
-- Expected output: the cases per function with 0 mismatches, and no mismatching rows.
\set ECHO none
SET client_min_messages = warning;
-- a session zone that is none of the calendars' zones: neither side may depend on it
SET TimeZone = 'America/Los_Angeles';
SET IntervalStyle = postgres;

-- the reference model (psql runs this file from the top of the tree)
\i test/reference/model.sql

-- Calendars under test ---------------------------------------------------------------------------
INSERT INTO sla.calendar (name, time_zone, hours, comment) VALUES
    ('xc_berlin_office', 'Europe/Berlin', 'mon-fri 08:00-12:00,13:00-17:00', 'lunch break, half days, holidays'),
    ('xc_new_york', 'America/New_York', 'mon-fri 09:00-17:30; sat 09:00-12:00', 'Saturday mornings'),
    ('xc_lord_howe', 'Australia/Lord_Howe', 'mon-fri 09:00-17:00; sun 01:00-03:00', '30-minute DST shift'),
    ('xc_night', 'Europe/Berlin', 'sun-thu 22:00-06:00', 'night shift, extra shifts on DST weekends'),
    ('xc_247', 'Europe/Berlin', '24/7', NULL),
    ('xc_kolkata', 'Asia/Kolkata', 'Mon-Sat 09:30-18:00', 'no DST, +05:30'),
    ('xc_gap', 'Europe/Berlin', 'sun 01:30-03:30; wed 09:00-17:00', 'ranges in the DST gap and overlap'),
    ('xc_touch', 'America/New_York', 'mon-fri 16:00-24:00; tue-sat 00:00-02:00', 'ranges touching at midnight'),
    ('xc_santiago', 'America/Santiago', 'mon-sat 00:00-01:30,09:00-18:00; sun 23:00-24:00', 'DST changes at midnight'),
    ('xc_havana', 'America/Havana', '24/7', 'DST changes at midnight and 01:00');
INSERT INTO sla.calendar_exception (calendar, day, hours, reason) VALUES
    ('xc_berlin_office', '2026-12-24', '08:00-12:00', 'half day'),
    ('xc_berlin_office', '2026-12-25', NULL, 'holiday'),
    ('xc_berlin_office', '2026-12-31', '08:00-12:00', 'half day'),
    ('xc_berlin_office', '2027-01-01', NULL, 'holiday'),
    ('xc_berlin_office', '2027-03-26', NULL, 'holiday'),
    ('xc_berlin_office', '2027-03-29', NULL, 'holiday'),
    ('xc_berlin_office', '2027-12-24', '08:00-12:00', 'half day'),
    ('xc_berlin_office', '2028-03-25', '09:00-13:00', 'extra Saturday before the DST change'),
    ('xc_berlin_office', '2028-04-14', NULL, 'holiday'),
    ('xc_berlin_office', '2028-10-28', '10:00-14:00', 'extra Saturday before the DST change'),
    ('xc_new_york', '2026-11-26', NULL, 'holiday'),
    ('xc_new_york', '2026-11-27', '09:00-13:00', 'half day'),
    ('xc_new_york', '2027-03-14', '01:00-04:00', 'across the spring-forward gap'),
    ('xc_new_york', '2027-07-05', NULL, 'holiday'),
    ('xc_new_york', '2027-11-07', '00:30-03:00', 'across the fall-back overlap'),
    ('xc_lord_howe', '2026-12-25', NULL, 'holiday'),
    ('xc_lord_howe', '2027-10-02', '22:00-01:00', 'touches the Sunday range across the DST change'),
    ('xc_lord_howe', '2028-04-01', '23:00-01:00', 'touches the Sunday range across the DST change'),
    ('xc_night', '2026-10-24', '22:00-06:00', 'Saturday shift, fall back'),
    ('xc_night', '2026-12-24', NULL, 'holiday'),
    ('xc_night', '2027-03-27', '22:00-06:00', 'Saturday shift, spring forward'),
    ('xc_night', '2027-10-30', '22:00-06:00', 'Saturday shift, fall back'),
    ('xc_night', '2027-12-31', '22:00-02:00', 'short Friday shift'),
    ('xc_night', '2028-03-25', '22:00-06:00', 'Saturday shift, spring forward'),
    ('xc_night', '2028-10-28', '22:00-06:00', 'Saturday shift, fall back'),
    ('xc_kolkata', '2027-01-26', NULL, 'holiday'),
    ('xc_kolkata', '2027-10-29', '09:30-13:00', 'half day'),
    ('xc_gap', '2026-10-25', '00:00-24:00', 'whole fall-back day (25 h)'),
    ('xc_gap', '2027-03-28', '00:00-24:00', 'whole spring-forward day (23 h)'),
    ('xc_gap', '2027-07-17', '00:00-24:00', 'whole Saturday'),
    ('xc_gap', '2028-03-26', '02:30-03:00,10:00-11:00', 'a range reversed by the gap: empty'),
    ('xc_gap', '2028-10-29', '02:00-03:00', 'a range in the overlap'),
    ('xc_touch', '2027-11-24', NULL, 'holiday, the next morning stays');

-- The model of the xc_ calendars (other tests' calendars are none of its business), over local dates
-- far enough around the instants drawn (2026-07 .. 2028-12) for every amount.
DO $$ BEGIN PERFORM sla_ref.build('2024-06-01', '2030-12-31', 'xc\_%'); END $$;

-- Random cases ----------------------------------------------------------------------------------
-- Boundaries (each date's own range ends and the merged periods' ends) and DST change dates per calendar.
CREATE TABLE sla_ref.xc_pick AS
SELECT c.name AS cal, c.time_zone AS tz,
       ARRAY(SELECT DISTINCT b FROM (SELECT s FROM sla_ref.iv WHERE cal = c.name UNION ALL
                                     SELECT e FROM sla_ref.iv WHERE cal = c.name UNION ALL
                                     SELECT s FROM sla_ref.period WHERE cal = c.name UNION ALL
                                     SELECT e FROM sla_ref.period WHERE cal = c.name) x(b)
             WHERE b BETWEEN sla_ref.us('2026-07-01 00:00+00') AND sla_ref.us('2029-01-01 00:00+00')
             ORDER BY b) AS bounds,
       ARRAY(SELECT d FROM (SELECT date '2026-07-01' + i AS d FROM generate_series(0, 913) i) dd
             WHERE sla_ref.us((d + 1)::timestamp AT TIME ZONE c.time_zone)
                 - sla_ref.us(d::timestamp AT TIME ZONE c.time_zone) <> 86400000000
             ORDER BY d) AS dst_days
FROM sla.calendar c WHERE c.name LIKE 'xc\_%';

-- An instant for calendar cal: any microsecond, a whole minute, a boundary exactly or 1 us either
-- side, a local time on a DST change date, or a round local time.
CREATE FUNCTION sla_ref.xc_instant(cal text) RETURNS timestamptz LANGUAGE plpgsql AS $$
DECLARE
    lo constant bigint := sla_ref.us('2026-07-01 00:00+00');
    hi constant bigint := sla_ref.us('2029-01-01 00:00+00');
    p sla_ref.xc_pick := (SELECT x FROM sla_ref.xc_pick x WHERE x.cal = xc_instant.cal);
    kind int := floor(random() * 6);
BEGIN
    IF kind = 4 AND cardinality(p.dst_days) = 0 THEN kind := 5; END IF;
    RETURN CASE kind
        WHEN 0 THEN sla_ref.ts(lo + floor(random() * (hi - lo))::bigint)
        WHEN 1 THEN sla_ref.ts(lo + floor(random() * ((hi - lo) / 60000000))::bigint * 60000000)
        WHEN 2 THEN sla_ref.ts(p.bounds[1 + floor(random() * cardinality(p.bounds))::int])
        WHEN 3 THEN sla_ref.ts(p.bounds[1 + floor(random() * cardinality(p.bounds))::int]
                               + (2 * floor(random() * 2)::int - 1))
        WHEN 4 THEN (p.dst_days[1 + floor(random() * cardinality(p.dst_days))::int]
                     + floor(random() * 1440) * interval '1 minute') AT TIME ZONE p.tz
        ELSE (date '2026-07-01' + floor(random() * 913)::int + floor(random() * 48) * interval '30 minutes')
             AT TIME ZONE p.tz
    END;
END $$;

-- A time amount: minutes, microseconds, whole hours, a few microseconds, zero or a large one.
CREATE FUNCTION sla_ref.xc_time_amount() RETURNS interval LANGUAGE plpgsql AS $$
DECLARE
    kind int := floor(random() * 6);
    sign int := CASE WHEN random() < 0.4 THEN -1 ELSE 1 END;
BEGIN
    RETURN sign * CASE kind
        WHEN 0 THEN (1 + floor(random() * 6000)) * interval '1 minute'
        WHEN 1 THEN (1 + floor(random() * 360000000000)) * interval '1 microsecond'
        WHEN 2 THEN (1 + floor(random() * 60)) * interval '1 hour'
        WHEN 3 THEN (1 + floor(random() * 3)) * interval '1 microsecond'
        WHEN 4 THEN (1 + floor(random() * 1000000)) * interval '1 second'
        ELSE CASE WHEN random() < 0.5 THEN interval '0' ELSE (200 + floor(random() * 400)) * interval '1 hour' END
    END;
END $$;

-- A day amount: 0-10 days either way, alone or with a time part of the same (rarely the other) sign.
CREATE FUNCTION sla_ref.xc_day_amount() RETURNS interval LANGUAGE plpgsql AS $$
DECLARE
    n int := floor(random() * 11);
    sign int := CASE WHEN random() < 0.4 THEN -1 ELSE 1 END;
    r float8 := random();
BEGIN
    RETURN sign * make_interval(days => n) + CASE
        WHEN r < 0.4 THEN interval '0'
        WHEN r < 0.75 THEN sign * floor(random() * 600) * interval '1 minute'
        WHEN r < 0.9 THEN sign * floor(random() * 36000000000) * interval '1 microsecond'
        ELSE -sign * (1 + floor(random() * 600)) * interval '1 minute'
    END;
END $$;

CREATE TABLE sla_ref.xc_case (id int PRIMARY KEY, fn text, cal text, a timestamptz, b timestamptz, amount interval);

DO $xc$
<<xc>>
DECLARE
    cals text[] := ARRAY(SELECT cal FROM sla_ref.xc_pick ORDER BY cal);
    f record; cal text; a timestamptz; b timestamptz; r float8; id int := 0;
BEGIN
    PERFORM setseed(0.2028);            -- fixed seed: the same cases on every run
    FOR f IN SELECT * FROM (VALUES (1, 'business_add time', 1600), (2, 'business_add days', 1200),
                                   (3, 'business_elapsed', 1200), (4, 'is_open', 600),
                                   (5, 'next_open', 600), (6, 'next_close', 600)) v(o, fn, n) ORDER BY o LOOP
        FOR i IN 1 .. f.n LOOP
            id := id + 1;
            cal := cals[1 + i % cardinality(cals)];
            a := sla_ref.xc_instant(cal);
            b := NULL;
            IF f.fn = 'business_elapsed' THEN
                r := random();
                b := CASE WHEN r < 0.5 THEN sla_ref.xc_instant(cal)
                          WHEN r < 0.9 THEN a + (floor(random() * 5184000000000) - 2592000000000) * interval '1 microsecond'
                          ELSE a + (floor(random() * 5) - 2) * interval '1 microsecond' END;
            END IF;
            r := random();
            INSERT INTO sla_ref.xc_case VALUES (id, f.fn, cal, a, b, CASE
                WHEN f.fn = 'business_add days' THEN sla_ref.xc_day_amount()
                WHEN f.fn = 'business_add time' THEN coalesce(CASE
                -- exactly the open time up to one of the next closes, or back to one of the last openings
                WHEN r < 0.1 THEN (SELECT (sla_ref.c(xc.cal, p.e) - sla_ref.c(xc.cal, sla_ref.us(a))) * interval '1 microsecond'
                                   FROM sla_ref.period p WHERE p.cal = xc.cal AND p.e > sla_ref.us(a)
                                   ORDER BY p.e OFFSET floor(random() * 4) LIMIT 1)
                WHEN r < 0.2 THEN (SELECT (sla_ref.c(xc.cal, p.s) - sla_ref.c(xc.cal, sla_ref.us(a))) * interval '1 microsecond'
                                   FROM sla_ref.period p WHERE p.cal = xc.cal AND p.s < sla_ref.us(a)
                                   ORDER BY p.s DESC OFFSET floor(random() * 4) LIMIT 1)
                END, sla_ref.xc_time_amount()) END);
        END LOOP;
    END LOOP;
END $xc$;

-- Engine against model ----------------------------------------------------------------------------
-- Results shown as UTC text; an error on either side is a mismatch, and so is a NULL from the model.
CREATE FUNCTION sla_ref.fmt(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN isfinite(t) THEN to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || 'Z' ELSE t::text END;
CREATE TABLE sla_ref.xc_result (id int PRIMARY KEY, ok boolean, ref text, eng text);
DO $$
DECLARE
    c sla_ref.xc_case; rt timestamptz; et timestamptz; ri interval; ei interval; rb boolean; eb boolean;
BEGIN
    FOR c IN SELECT * FROM sla_ref.xc_case ORDER BY id LOOP
        rt := NULL; et := NULL; ri := NULL; ei := NULL; rb := NULL; eb := NULL;
        BEGIN
            CASE c.fn
            WHEN 'business_add time', 'business_add days' THEN
                rt := sla_ref.business_add(c.a, c.amount, c.cal);
                et := sla.business_add(c.a, c.amount::text::sla.business_interval, c.cal);
            WHEN 'business_elapsed' THEN
                ri := sla_ref.business_elapsed(c.a, c.b, c.cal);
                ei := sla.business_elapsed(c.a, c.b, c.cal)::interval;
            WHEN 'is_open' THEN
                rb := sla_ref.is_open(c.a, c.cal);
                eb := sla.is_open(c.a, c.cal);
            WHEN 'next_open' THEN
                rt := sla_ref.next_open(c.a, c.cal);
                et := sla.next_open(c.a, c.cal);
            WHEN 'next_close' THEN
                rt := sla_ref.next_close(c.a, c.cal);
                et := sla.next_close(c.a, c.cal);
            END CASE;
            INSERT INTO sla_ref.xc_result VALUES (c.id,
                coalesce(rt = et OR ri = ei OR rb = eb, false),
                coalesce(sla_ref.fmt(rt), ri::text, rb::text), coalesce(sla_ref.fmt(et), ei::text, eb::text));
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO sla_ref.xc_result VALUES (c.id, false,
                coalesce(sla_ref.fmt(rt), ri::text, rb::text), 'ERROR: ' || SQLERRM);
        END;
    END LOOP;
END $$;

SELECT c.fn AS function, count(*) AS cases, count(*) FILTER (WHERE NOT r.ok) AS mismatches
FROM sla_ref.xc_case c JOIN sla_ref.xc_result r USING (id)
GROUP BY c.fn ORDER BY min(c.id);

SELECT c.id, c.fn, c.cal, sla_ref.fmt(c.a) AS a, coalesce(sla_ref.fmt(c.b), c.amount::text) AS b_or_amount,
       r.ref, r.eng
FROM sla_ref.xc_case c JOIN sla_ref.xc_result r USING (id)
WHERE NOT r.ok ORDER BY c.id LIMIT 10;

-- Clean up -----------------------------------------------------------------------------------------
DELETE FROM sla.calendar_exception WHERE calendar LIKE 'xc\_%';
DELETE FROM sla.calendar WHERE name LIKE 'xc\_%';
DROP SCHEMA sla_ref CASCADE;
