-- The reference cross-check: the C engine (sla.business_add, business_elapsed, is_open, next_open,
-- next_close, open_periods) against the independent model of model.sql, on cases drawn with a fixed
-- seed.  Run by test/reference/run after model.sql, in a database of its own; prints one line per case,
-- "ok - ..." or "not ok - ... engine: ...; model: ...".  See test/reference/README.md.
SET client_min_messages = warning;
-- the model's queries are many and small: compiling them costs more than it saves
SET jit = off;
-- a session zone that is none of the calendars' zones: neither side may depend on it
SET TimeZone = 'America/Los_Angeles';
SET IntervalStyle = postgres;
SET DateStyle = 'ISO, YMD';

-- Calendars ---------------------------------------------------------------------------------------
-- xc_*: ordinary and DST-stressing calendars, cases drawn in 2026-07 .. 2028-12.
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

-- xz_*: odd zones, cases around every UTC offset change of the zone from 1900 to 2100.  The hours put
-- ranges inside the zone's gaps and overlaps, night shifts across the changes, ranges touching at
-- midnight and whole days.
INSERT INTO sla.calendar (name, time_zone, hours, comment) VALUES
    ('xz_berlin_gap', 'Europe/Berlin', 'sun 02:30-02:45,03:00-03:15', 'gap range lands after the next one'),
    ('xz_apia_fri_sat', 'Pacific/Apia', 'fri 12:00-13:00; sat 09:00-10:00', 'Saturday lands before Friday in 2011'),
    ('xz_apia_office', 'Pacific/Apia', 'mon-fri 09:00-17:00', 'skipped Friday 2011-12-30'),
    ('xz_apia_saturday', 'Pacific/Apia', 'mon-fri 09:00-17:00', 'skipped Friday, working Saturday'),
    ('xz_apia_night', 'Pacific/Apia', 'mon-fri 20:00-04:00; sat 23:30-00:30; sun 03:00-04:30', 'night shifts, DST 2010-2021'),
    ('xz_kiritimati', 'Pacific/Kiritimati', 'mon-sat 09:00-17:00; sun 22:00-02:00', 'skipped Saturday 1994-12-31'),
    ('xz_kiritimati_247', 'Pacific/Kiritimati', '24/7', NULL),
    ('xz_lord_howe', 'Australia/Lord_Howe', 'mon-fri 09:00-17:00; sat 22:00-01:40; sun 01:40-02:10,02:20-02:50', '30-minute DST'),
    ('xz_santiago', 'America/Santiago', 'mon-fri 08:00-18:00; sat 22:00-00:30; sun 00:30-01:00,23:30-24:00', 'DST at midnight'),
    ('xz_havana', 'America/Havana', 'mon-fri 00:00-24:00; sat 23:00-01:30; sun 01:30-02:00', 'DST at midnight'),
    ('xz_casablanca', 'Africa/Casablanca', 'mon-sat 02:30-03:10,09:00-17:00; sun 01:00-02:30,02:40-04:00', 'Ramadan, negative DST'),
    ('xz_dublin', 'Europe/Dublin', 'mon-sat 00:00-24:00; sun 00:30-01:30,01:45-02:15', 'negative DST in tzdata'),
    ('xz_st_johns', 'America/St_Johns', 'mon-fri 09:00-17:00; sat 23:30-00:00:30; sun 00:00:30-00:30,01:59-02:31', '-03:30, changes at 00:01'),
    ('xz_troll', 'Antarctica/Troll', 'mon-sat 08:00-16:00; sun 00:30-01:30,02:00-03:30', '+02 DST from +00'),
    ('xz_troll_247', 'Antarctica/Troll', '24/7', NULL),
    ('xz_tehran', 'Asia/Tehran', 'sun-wed 00:00-00:30,08:00-16:00,23:30-24:00; thu 23:00-01:00; sat 08:00-16:00,23:30-24:00', 'changes at midnight'),
    ('xz_kathmandu', 'Asia/Kathmandu', 'sun-fri 00:00-00:20,10:00-17:00; sat 23:50-24:00', '+05:45 from 1986');
INSERT INTO sla.calendar_exception (calendar, day, hours, reason) VALUES
    ('xz_apia_saturday', '2011-12-31', '09:00-17:00', 'a working Saturday: the same UTC hours as the skipped Friday'),
    ('xz_apia_night', '2011-12-29', '20:00-08:00', 'a shift running through the skipped date'),
    ('xz_kiritimati', '1994-12-30', '20:00-04:00', 'a shift running into the skipped date'),
    ('xz_kiritimati_247', '1995-01-01', '00:00-12:00', 'half a day after the skipped date'),
    ('xz_dublin', '2024-03-31', '00:00-24:00', 'whole spring-forward Sunday'),
    ('xz_dublin', '2024-10-27', '01:00-01:59', 'inside the fall-back overlap'),
    ('xz_havana', '2024-03-10', NULL, 'closed spring-forward Sunday'),
    ('xz_troll', '2024-03-31', '00:00-24:00', 'whole 22-hour Sunday'),
    ('xz_troll', '2024-10-27', '01:00-03:00', 'exactly the 2-hour overlap'),
    ('xz_tehran', '2022-03-22', '00:00-24:00', 'whole 23-hour day');

-- xz_*: the local dates on which the zone's UTC offset changes, 1900 .. 2100 (the local day is not 24
-- hours long), and the instant of the change (found by bisection on the offset, to the microsecond;
-- NULL for a date with two changes that cancel out).
CREATE FUNCTION sla_ref.utc_offset(t bigint, tz text) RETURNS interval LANGUAGE sql STABLE
    RETURN (sla_ref.ts(t) AT TIME ZONE tz) - (sla_ref.ts(t) AT TIME ZONE 'UTC');
CREATE FUNCTION sla_ref.change_instant(d date, tz text) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    lo bigint := sla_ref.at(d, 0, tz) - 86400000000;
    hi bigint := sla_ref.at(d + 1, 0, tz) + 86400000000;
    old interval := sla_ref.utc_offset(lo, tz);
    m bigint;
BEGIN
    IF sla_ref.utc_offset(hi, tz) = old THEN RETURN NULL; END IF;
    WHILE hi - lo > 1 LOOP                  -- offset(lo) is the old one, offset(hi) is not
        m := lo + (hi - lo) / 2;
        IF sla_ref.utc_offset(m, tz) = old THEN lo := m; ELSE hi := m; END IF;
    END LOOP;
    RETURN hi;
END $$;
CREATE TABLE sla_ref.xz_change AS
WITH zone AS (SELECT DISTINCT time_zone AS tz FROM sla.calendar WHERE name LIKE 'xz\_%'),
change AS (
    SELECT z.tz, x.d, sla_ref.change_instant(x.d, z.tz) AS at
    FROM zone z
    CROSS JOIN LATERAL (SELECT date '1900-01-01' + i AS d
                        FROM generate_series(0, date '2100-12-31' - date '1900-01-01') i) x
    WHERE ((x.d + 1)::timestamp AT TIME ZONE z.tz) - (x.d::timestamp AT TIME ZONE z.tz) <> interval '24 hours')
SELECT c.name AS cal, c.time_zone AS tz, ch.d, ch.at
FROM sla.calendar c JOIN change ch ON ch.tz = c.time_zone WHERE c.name LIKE 'xz\_%';

-- The model of these calendars: xc_ over 2024-06 .. 2030-12, xz_ over five weeks either side of each
-- change date.
INSERT INTO sla_ref.want
SELECT name, '{[2024-06-01, 2031-01-01)}' FROM sla.calendar WHERE name LIKE 'xc\_%'
UNION ALL
SELECT cal, range_agg(daterange(d - 35, d + 36)) FROM sla_ref.xz_change GROUP BY cal;
SELECT sla_ref.build() \gset

-- Cases ------------------------------------------------------------------------------------------
-- fn: 'business_add', 'business_elapsed', 'is_open', 'next_open', 'next_close', 'open_periods';
-- a: the instant (the start for business_elapsed); b: the end for business_elapsed; amount; within.
-- model: the model's answer as text, NULL when the case needs dates it has not materialised (the
-- generators then draw again; a NULL left is a disagreement).
CREATE TABLE sla_ref.xc_case (id int PRIMARY KEY, fn text, cal text, a timestamptz, b timestamptz,
                              amount interval, within tstzrange, note text, model text);

-- Answers as text: instants in UTC to the microsecond, intervals as IntervalStyle postgres prints them.
CREATE FUNCTION sla_ref.fmt(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN isfinite(t) THEN to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || 'Z' ELSE t::text END;
CREATE FUNCTION sla_ref.fmt(m tstzmultirange) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN isempty(m) THEN '{}' ELSE
        '{' || (SELECT string_agg(CASE WHEN lower_inc(r) THEN '[' ELSE '(' END || sla_ref.fmt(lower(r)) || ','
                                  || sla_ref.fmt(upper(r)) || CASE WHEN upper_inc(r) THEN ']' ELSE ')' END, ',' ORDER BY r)
                FROM unnest(m) r) || '}' END;
CREATE FUNCTION sla_ref.fmt(r tstzrange) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN sla_ref.fmt(tstzmultirange(r));

-- The model's answer to a case (NULL: outside its dates; an error is shown as the answer).
CREATE FUNCTION sla_ref.model_answer(c sla_ref.xc_case) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN CASE c.fn
        WHEN 'business_add' THEN sla_ref.fmt(sla_ref.business_add(c.a, c.amount, c.cal))
        WHEN 'business_elapsed' THEN sla_ref.business_elapsed(c.a, c.b, c.cal)::text
        WHEN 'is_open' THEN sla_ref.is_open(c.a, c.cal)::text
        WHEN 'next_open' THEN sla_ref.fmt(sla_ref.next_open(c.a, c.cal))
        WHEN 'next_close' THEN sla_ref.fmt(sla_ref.next_close(c.a, c.cal))
        WHEN 'open_periods' THEN sla_ref.fmt(sla_ref.open_periods(c.cal, c.within)) END;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;

-- The engine's answer to a case, in the same form.
CREATE FUNCTION sla_ref.engine_answer(c sla_ref.xc_case) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN CASE c.fn
        WHEN 'business_add' THEN sla_ref.fmt(sla.business_add(c.a, c.amount::text::sla.business_interval, c.cal))
        WHEN 'business_elapsed' THEN sla.business_elapsed(c.a, c.b, c.cal)::interval::text
        WHEN 'is_open' THEN sla.is_open(c.a, c.cal)::text
        WHEN 'next_open' THEN sla_ref.fmt(sla.next_open(c.a, c.cal))
        WHEN 'next_close' THEN sla_ref.fmt(sla.next_close(c.a, c.cal))
        WHEN 'open_periods' THEN sla_ref.fmt(sla.open_periods(c.cal, c.within)) END;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;

-- Store a case with the model's answer.
CREATE FUNCTION sla_ref.add_case(c sla_ref.xc_case) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    c.model := sla_ref.model_answer(c);
    INSERT INTO sla_ref.xc_case SELECT c.*;
    RETURN c.model;
END $$;

-- The two defects of issue 12, exactly.
DO $$ BEGIN
PERFORM sla_ref.add_case(ROW(id, fn, cal, a, b, amount, within, note, NULL)::sla_ref.xc_case)
FROM (VALUES
    (1, 'open_periods', 'xz_berlin_gap', NULL::timestamptz, NULL::timestamptz, NULL::interval,
     '[2024-03-31 00:00+00, 2024-03-31 03:00+00)'::tstzrange, 'issue 12 union'),
    (2, 'is_open', 'xz_berlin_gap', '2024-03-31 01:05+00', NULL, NULL, NULL, 'issue 12 union'),
    (3, 'business_elapsed', 'xz_berlin_gap', '2024-03-31 00:00+00', '2024-03-31 03:00+00', NULL, NULL, 'issue 12 union'),
    (4, 'business_add', 'xz_berlin_gap', '2024-03-31 00:00+00', NULL, '10 minutes', NULL, 'issue 12 union'),
    (5, 'next_close', 'xz_berlin_gap', '2024-03-31 00:00+00', NULL, NULL, NULL, 'issue 12 union'),
    (6, 'business_elapsed', 'xz_apia_fri_sat', '2011-12-28 00:00+00', '2012-01-03 00:00+00', NULL, NULL, 'issue 12 union'),
    (7, 'open_periods', 'xz_apia_fri_sat', NULL, NULL, NULL, '[2011-12-28 00:00+00, 2012-01-03 00:00+00)', 'issue 12 union'),
    (8, 'business_add', 'xz_apia_office', '2011-12-30 18:00+00', NULL, '1 day', NULL, 'issue 12 day order'),
    (9, 'business_add', 'xz_apia_office', '2011-12-30 20:00+00', NULL, '1 day', NULL, 'issue 12 day order'),
    (10, 'business_add', 'xz_apia_office', '2011-12-30 18:00+00', NULL, '-1 day', NULL, 'issue 12 day order')
) v(id, fn, cal, a, b, amount, within, note) ORDER BY id;
END $$;

-- xc_*: instants to draw from: range and period boundaries and DST change dates per calendar.
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

-- An xc_ instant: any microsecond, a whole minute, a boundary exactly or 1 us either side, a local
-- time on a DST change date, or a round local time.
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

-- An xz_ instant around the change on date d at instant at: the change itself, local midnights, and
-- every range boundary of the dates d-1 .. d+1 as AT TIME ZONE gives it (also for ranges that come out
-- empty), each exactly or 1 us either side; now and then any microsecond of those three days.
CREATE FUNCTION sla_ref.xz_instant(cal text, d date, at bigint) RETURNS timestamptz LANGUAGE plpgsql AS $$
DECLARE
    tz text := (SELECT c.time_zone FROM sla.calendar c WHERE c.name = xz_instant.cal);
    lo bigint := sla_ref.at(d - 1, 0, tz);
    hi bigint := sla_ref.at(d + 2, 0, tz);
    cand bigint[];
BEGIN
    IF random() < 0.15 THEN RETURN sla_ref.ts(lo + floor(random() * (hi - lo))::bigint); END IF;
    cand := ARRAY(
        SELECT x FROM (
            SELECT at UNION ALL SELECT lo UNION ALL SELECT sla_ref.at(d, 0, tz) UNION ALL
            SELECT sla_ref.at(d + 1, 0, tz) UNION ALL SELECT hi UNION ALL
            SELECT sla_ref.at(dd.d, y, tz)
            FROM (SELECT d + i AS d FROM generate_series(-1, 1) i) dd
            LEFT JOIN sla.calendar_exception ex ON ex.calendar = xz_instant.cal AND ex.day = dd.d
            CROSS JOIN LATERAL (
                SELECT r.s, r.e FROM sla_ref.parse_ranges(ex.hours) r WHERE ex.day IS NOT NULL
                UNION ALL
                SELECT w.s, w.e FROM sla_ref.weekly w
                WHERE ex.day IS NULL AND w.cal = xz_instant.cal AND w.dow = date_part('dow', dd.d)::int) r
            CROSS JOIN LATERAL (VALUES (r.s), (r.e)) v(y)) b(x)
        WHERE x IS NOT NULL);
    RETURN sla_ref.ts(cand[1 + floor(random() * cardinality(cand))::int] + floor(random() * 3)::int - 1);
END $$;

-- A time amount, scaled to the calendar's weekly open time (scale 1: up to 600 hours): minutes,
-- microseconds, whole hours, a few microseconds, seconds, zero or a large one.
CREATE FUNCTION sla_ref.xc_time_amount(scale float8 DEFAULT 1) RETURNS interval LANGUAGE plpgsql AS $$
DECLARE
    kind int := floor(random() * 6);
    sign int := CASE WHEN random() < 0.4 THEN -1 ELSE 1 END;
BEGIN
    RETURN sign * CASE kind
        WHEN 0 THEN (1 + floor(random() * 6000 * scale)) * interval '1 minute'
        WHEN 1 THEN (1 + floor(random() * 360000000000 * scale)) * interval '1 microsecond'
        WHEN 2 THEN (1 + floor(random() * 60 * scale)) * interval '1 hour'
        WHEN 3 THEN (1 + floor(random() * 3)) * interval '1 microsecond'
        WHEN 4 THEN (1 + floor(random() * 1000000 * scale)) * interval '1 second'
        ELSE CASE WHEN random() < 0.5 THEN interval '0'
                  ELSE (200 + floor(random() * 400)) * 3600000000 * scale * interval '1 microsecond' END
    END;
END $$;

-- A day amount: 0 .. max_days days either way, alone or with a time part of the same (rarely the
-- other) sign.
CREATE FUNCTION sla_ref.xc_day_amount(max_days int DEFAULT 10) RETURNS interval LANGUAGE plpgsql AS $$
DECLARE
    n int := floor(random() * (max_days + 1));
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

-- A time amount that is exactly the open time up to one of the next closes, or back to one of the
-- last openings.
CREATE FUNCTION sla_ref.xc_exact_amount(cal text, a timestamptz) RETURNS interval LANGUAGE sql AS $$
    SELECT CASE WHEN r < 0.5 THEN
        (SELECT (sla_ref.c(cal, p.e) - sla_ref.c(cal, sla_ref.us(a))) * interval '1 microsecond'
         FROM sla_ref.period p WHERE p.cal = xc_exact_amount.cal AND p.e > sla_ref.us(a)
         ORDER BY p.e OFFSET floor(random() * 4) LIMIT 1)
    ELSE
        (SELECT (sla_ref.c(cal, p.s) - sla_ref.c(cal, sla_ref.us(a))) * interval '1 microsecond'
         FROM sla_ref.period p WHERE p.cal = xc_exact_amount.cal AND p.s < sla_ref.us(a)
         ORDER BY p.s DESC OFFSET floor(random() * 4) LIMIT 1)
    END FROM (SELECT random() AS r) x
$$;

-- A range for open_periods from two instants, with random bound inclusivity; now and then empty.
CREATE FUNCTION sla_ref.xc_within(a timestamptz, b timestamptz) RETURNS tstzrange LANGUAGE sql AS $$
    SELECT CASE WHEN random() < 0.03 THEN 'empty'::tstzrange
                ELSE tstzrange(least(a, b), greatest(a, b), (ARRAY['[)', '[]', '()', '(]'])[1 + floor(random() * 4)::int]) END
$$;

-- Draw the xc_ cases: 6,400 over the functions, calendars in turn.
DO $xc$
<<xc>>
DECLARE
    cals text[] := ARRAY(SELECT cal FROM sla_ref.xc_pick ORDER BY cal);
    f record; cal text; a timestamptz; b timestamptz; r float8; id int := 100; c sla_ref.xc_case;
BEGIN
    PERFORM setseed(0.2028);            -- fixed seed: the same cases on every run
    FOR f IN SELECT * FROM (VALUES (1, 'business_add time', 1600), (2, 'business_add days', 1200),
                                   (3, 'business_elapsed', 1200), (4, 'is_open', 600),
                                   (5, 'next_open', 600), (6, 'next_close', 600),
                                   (7, 'open_periods', 600)) v(o, fn, n) ORDER BY o LOOP
        FOR i IN 1 .. f.n LOOP
            id := id + 1;
            cal := cals[1 + i % cardinality(cals)];
            FOR try IN 1 .. 10 LOOP         -- draw again while the model cannot answer
                a := sla_ref.xc_instant(cal);
                b := NULL;
                IF f.fn IN ('business_elapsed', 'open_periods') THEN
                    r := random();
                    b := CASE WHEN r < 0.5 THEN sla_ref.xc_instant(cal)
                              WHEN r < 0.9 THEN a + (floor(random() * 5184000000000) - 2592000000000) * interval '1 microsecond'
                              ELSE a + (floor(random() * 5) - 2) * interval '1 microsecond' END;
                END IF;
                c := ROW(id, split_part(f.fn, ' ', 1), cal,
                         CASE WHEN f.fn <> 'open_periods' THEN a END,
                         CASE WHEN f.fn = 'business_elapsed' THEN b END,
                         CASE f.fn WHEN 'business_add days' THEN sla_ref.xc_day_amount()
                                   WHEN 'business_add time' THEN coalesce(CASE WHEN random() < 0.2
                                        THEN sla_ref.xc_exact_amount(xc.cal, a) END, sla_ref.xc_time_amount()) END,
                         CASE WHEN f.fn = 'open_periods' THEN sla_ref.xc_within(a, b) END, NULL, NULL);
                c.model := sla_ref.model_answer(c);
                EXIT WHEN c.model IS NOT NULL;
            END LOOP;
            INSERT INTO sla_ref.xc_case SELECT c.*;
        END LOOP;
    END LOOP;
END $xc$;

-- Draw the xz_ cases: three around each change (thirty around a skipped date), of functions drawn at
-- random, amounts scaled to the calendar's weekly open time.
DO $xz$
<<xz>>
DECLARE
    ch record; a timestamptz; b timestamptz; id int := 20000; c sla_ref.xc_case; scale float8;
    fns constant text[] := '{business_add,business_add,business_add,business_elapsed,is_open,next_open,next_close,open_periods}';
    fn text;
BEGIN
    PERFORM setseed(0.1994);            -- fixed seed: the same cases on every run
    FOR ch IN SELECT * FROM sla_ref.xz_change ORDER BY cal, d LOOP
        scale := (SELECT sum(w.e - w.s) / 3600e6 / 600 FROM sla_ref.weekly w WHERE w.cal = ch.cal);
        FOR j IN 1 .. CASE WHEN sla_ref.at(ch.d + 1, 0, ch.tz) = sla_ref.at(ch.d, 0, ch.tz) THEN 30 ELSE 3 END LOOP
            id := id + 1;
            FOR try IN 1 .. 10 LOOP         -- draw again while the model cannot answer
                fn := fns[1 + floor(random() * cardinality(fns))::int];
                a := sla_ref.xz_instant(ch.cal, ch.d, ch.at);
                b := CASE WHEN fn IN ('business_elapsed', 'open_periods') THEN
                          CASE WHEN random() < 0.6 THEN sla_ref.xz_instant(ch.cal, ch.d, ch.at)
                               ELSE a + (floor(random() * 518400000000) - 259200000000) * interval '1 microsecond' END END;
                c := ROW(id, fn, ch.cal,
                         CASE WHEN fn <> 'open_periods' THEN a END,
                         CASE WHEN fn = 'business_elapsed' THEN b END,
                         CASE WHEN fn = 'business_add' THEN CASE
                             WHEN random() < 0.4 THEN sla_ref.xc_day_amount(3)
                             ELSE coalesce(CASE WHEN random() < 0.3 THEN sla_ref.xc_exact_amount(ch.cal, a) END,
                                           sla_ref.xc_time_amount(scale)) END END,
                         CASE WHEN fn = 'open_periods' THEN sla_ref.xc_within(a, b) END, NULL, NULL);
                c.model := sla_ref.model_answer(c);
                EXIT WHEN c.model IS NOT NULL;
            END LOOP;
            INSERT INTO sla_ref.xc_case SELECT c.*;
        END LOOP;
    END LOOP;
END $xz$;

-- Engine against model -----------------------------------------------------------------------------
-- An error on either side is a disagreement, and so is a NULL from the model.
\pset format unaligned
\pset tuples_only on
SELECT CASE WHEN ok THEN 'ok' ELSE 'not ok' END || ' - ' || id || ' ' || fn || ' ' || cal
       || CASE WHEN a IS NOT NULL THEN ' ' || sla_ref.fmt(a) ELSE '' END
       || CASE WHEN b IS NOT NULL THEN ' .. ' || sla_ref.fmt(b) ELSE '' END
       || CASE WHEN amount IS NOT NULL THEN ' by ' || amount::text ELSE '' END
       || CASE WHEN within IS NOT NULL THEN ' within ' || sla_ref.fmt(within) ELSE '' END
       || coalesce(' (' || note || ')', '')
       || CASE WHEN ok THEN ': ' || engine
               ELSE ': engine ' || coalesce(engine, 'NULL') || '; model ' || coalesce(model, 'NULL (outside its dates)') END
FROM (SELECT c.*, e.engine, coalesce(e.engine = c.model AND c.model NOT LIKE 'ERROR%', false) AS ok
      FROM sla_ref.xc_case c CROSS JOIN LATERAL (SELECT sla_ref.engine_answer(c) AS engine) e) x
ORDER BY id;
