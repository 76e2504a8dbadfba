-- BEGIN sla_ref model
-- A deliberately simple reference model of the business-time rules (docs: test/reference/README.md).
-- It reads sla.calendar / sla.calendar_exception, materialises every local date's open intervals with
-- (date + time) AT TIME ZONE zone, and answers every question from those rows and their running sums.
-- Instants are bigint microseconds since the epoch; nothing here reads the session TimeZone.
CREATE SCHEMA sla_ref;

CREATE FUNCTION sla_ref.us(t timestamptz) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT RETURN (extract(epoch FROM t) * 1000000)::bigint;
CREATE FUNCTION sla_ref.ts(u bigint) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT RETURN timestamptz 'epoch' + u * interval '1 microsecond';

-- 'HH:MM' or 'HH:MM:SS' -> microseconds after local midnight.
CREATE FUNCTION sla_ref.tod(x text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE m text[] := regexp_match(x, '^(\d{1,2}):(\d\d)(?::(\d\d))?$');
BEGIN
    IF m IS NULL THEN RAISE EXCEPTION 'sla_ref: bad time "%"', x; END IF;
    RETURN ((m[1]::bigint * 60 + m[2]::bigint) * 60 + coalesce(m[3], '0')::bigint) * 1000000;
END $$;

-- '08:00-12:00,22:00-06:00' -> (start, end) in microseconds after local midnight; an end at or
-- before its start runs past midnight (end + 24 h).
CREATE FUNCTION sla_ref.parse_ranges(txt text, OUT s bigint, OUT e bigint) RETURNS SETOF record
    LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE item text; p text[];
BEGIN
    FOREACH item IN ARRAY string_to_array(regexp_replace(txt, '\s', '', 'g'), ',') LOOP
        p := string_to_array(item, '-');
        IF array_length(p, 1) <> 2 THEN RAISE EXCEPTION 'sla_ref: bad range "%"', item; END IF;
        s := sla_ref.tod(p[1]);
        e := sla_ref.tod(p[2]);
        IF e <= s THEN e := e + 86400000000; END IF;
        RETURN NEXT;
    END LOOP;
END $$;

-- Weekly hours -> (dow 0 = Sunday .. 6, start, end).
CREATE FUNCTION sla_ref.parse_weekly(hours text, OUT dow int, OUT s bigint, OUT e bigint)
    RETURNS SETOF record LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    names constant text[] := '{sun,mon,tue,wed,thu,fri,sat}';
    h text := lower(regexp_replace(hours, '\s', '', 'g'));
    part text; item text; m text[]; d0 int; d1 int; days int[]; r record;
BEGIN
    IF h = '24/7' THEN h := 'sun-sat00:00-24:00'; END IF;
    IF h = 'closed' THEN RETURN; END IF;
    FOREACH part IN ARRAY string_to_array(h, ';') LOOP
        CONTINUE WHEN part = '';
        m := regexp_match(part, '^([a-z,-]+)([0-9].*)$');
        IF m IS NULL THEN RAISE EXCEPTION 'sla_ref: bad hours "%"', part; END IF;
        days := '{}';
        FOREACH item IN ARRAY string_to_array(m[1], ',') LOOP
            d0 := array_position(names, split_part(item, '-', 1)) - 1;
            d1 := coalesce(array_position(names, nullif(split_part(item, '-', 2), '')) - 1, d0);
            IF d0 IS NULL THEN RAISE EXCEPTION 'sla_ref: bad day "%"', item; END IF;
            LOOP                            -- a day range may wrap around the week
                days := days || d0;
                EXIT WHEN d0 = d1;
                d0 := (d0 + 1) % 7;
            END LOOP;
        END LOOP;
        FOR r IN SELECT * FROM sla_ref.parse_ranges(m[2]) LOOP
            FOREACH dow IN ARRAY days LOOP
                s := r.s; e := r.e;
                RETURN NEXT;
            END LOOP;
        END LOOP;
    END LOOP;
END $$;

-- iv: each local date's own nonempty intervals [s, e).  period: their union, touching intervals
-- merged, with cum = open time before s (C at s).  oday: open days numbered k, with span and length.
CREATE TABLE sla_ref.horizon (lo bigint, hi bigint);
CREATE TABLE sla_ref.iv (cal text, d date, s bigint, e bigint);
CREATE TABLE sla_ref.period (cal text, s bigint, e bigint, cum bigint, cum_end bigint, open_end boolean);
CREATE TABLE sla_ref.oday (cal text, d date, k int, first_open bigint, last_close bigint, len bigint);

-- Materialise the calendars named LIKE pattern for the local dates lo .. hi.  Answers are NULL for
-- instants (inputs or results) closer than two weeks to either end.
CREATE FUNCTION sla_ref.build(lo date, hi date, pattern text DEFAULT '%') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE sla_ref.horizon, sla_ref.iv, sla_ref.period, sla_ref.oday;
    INSERT INTO sla_ref.horizon
    VALUES (sla_ref.us((lo + 14)::timestamp AT TIME ZONE 'UTC'), sla_ref.us((hi - 14)::timestamp AT TIME ZONE 'UTC'));

    INSERT INTO sla_ref.iv
    SELECT c.name, x.d, x.s, x.e
    FROM sla.calendar c
    CROSS JOIN LATERAL (SELECT lo + i AS d FROM generate_series(0, hi - lo) i) dd
    LEFT JOIN sla.calendar_exception ex ON ex.calendar = c.name AND ex.day = dd.d
    CROSS JOIN LATERAL (
        SELECT r.s, r.e FROM sla_ref.parse_ranges(ex.hours) r WHERE ex.day IS NOT NULL
        UNION ALL
        SELECT w.s, w.e FROM sla_ref.parse_weekly(c.hours) w
        WHERE ex.day IS NULL AND w.dow = extract(dow FROM dd.d)) r
    CROSS JOIN LATERAL (
        SELECT dd.d,
               sla_ref.us((dd.d + r.s * interval '1 microsecond') AT TIME ZONE c.time_zone) AS s,
               sla_ref.us((dd.d + r.e * interval '1 microsecond') AT TIME ZONE c.time_zone) AS e) x
    WHERE x.e > x.s                         -- empty or reversed: nothing that day
      AND c.name LIKE pattern;

    -- union: an interval starts a new period unless it starts at or before the latest end so far
    INSERT INTO sla_ref.period
    SELECT cal, s, e, sum(e - s) OVER w - (e - s), sum(e - s) OVER w, false
    FROM (SELECT cal, min(s) AS s, max(e) AS e
          FROM (SELECT cal, s, e, count(*) FILTER (WHERE newp) OVER (PARTITION BY cal ORDER BY s, e) AS g
                FROM (SELECT cal, s, e,
                             s > coalesce(max(e) OVER (PARTITION BY cal ORDER BY s, e
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), s - 1) AS newp
                      FROM sla_ref.iv) a) b
          GROUP BY cal, g) c
    WINDOW w AS (PARTITION BY cal ORDER BY s);

    -- a period running to the end of the last date never closes (there is nothing after it)
    UPDATE sla_ref.period p SET open_end = true FROM sla.calendar c
    WHERE c.name = p.cal AND p.e = sla_ref.us((hi + 1)::timestamp AT TIME ZONE c.time_zone);

    -- open days: length = measure of the union of the date's own intervals
    INSERT INTO sla_ref.oday
    SELECT cal, d, row_number() OVER (PARTITION BY cal ORDER BY d), min(s), max(e), sum(e - s)
    FROM (SELECT cal, d, min(s) AS s, max(e) AS e
          FROM (SELECT cal, d, s, e, count(*) FILTER (WHERE newp) OVER (PARTITION BY cal, d ORDER BY s, e) AS g
                FROM (SELECT cal, d, s, e,
                             s > coalesce(max(e) OVER (PARTITION BY cal, d ORDER BY s, e
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), s - 1) AS newp
                      FROM sla_ref.iv) a) b
          GROUP BY cal, d, g) c
    GROUP BY cal, d;

    CREATE INDEX ON sla_ref.period (cal, s);
    CREATE INDEX ON sla_ref.period (cal, cum);
    CREATE INDEX ON sla_ref.period (cal, cum_end);
    CREATE INDEX ON sla_ref.oday (cal, first_open);
    CREATE INDEX ON sla_ref.oday (cal, d);
    CREATE INDEX ON sla_ref.oday (cal, k);
    ANALYZE sla_ref.period;
    ANALYZE sla_ref.oday;
END $$;

-- t itself if inside the horizon, else NULL
CREATE FUNCTION sla_ref.hz(t bigint) RETURNS bigint LANGUAGE sql STABLE
    RETURN (SELECT t FROM sla_ref.horizon WHERE t BETWEEN lo AND hi);

-- C(t): open time before t (cumulative, from the start of the materialised dates)
CREATE FUNCTION sla_ref.c(cal text, t bigint) RETURNS bigint LANGUAGE sql STABLE RETURN
    CASE WHEN sla_ref.hz(t) IS NOT NULL THEN coalesce(
        (SELECT p.cum + least(t, p.e) - p.s FROM sla_ref.period p WHERE p.cal = c.cal AND p.s <= t
         ORDER BY p.s DESC LIMIT 1), 0) END;

-- earliest t with C(t) = x, x > 0: inside or at the end of the first period reaching x
CREATE FUNCTION sla_ref.earliest(cal text, x bigint) RETURNS bigint LANGUAGE sql STABLE RETURN
    sla_ref.hz((SELECT p.s + (x - p.cum) FROM sla_ref.period p
                WHERE p.cal = earliest.cal AND p.cum_end >= x AND p.cum < x ORDER BY p.cum_end LIMIT 1));

-- latest t with C(t) = x: inside or at the start of the last period starting at or below x
CREATE FUNCTION sla_ref.latest(cal text, x bigint) RETURNS bigint LANGUAGE sql STABLE RETURN
    sla_ref.hz((SELECT p.s + (x - p.cum) FROM sla_ref.period p
                WHERE p.cal = latest.cal AND p.cum <= x AND x < p.cum_end ORDER BY p.cum DESC LIMIT 1));

-- Business days: n > 0 forward, n < 0 backward (domain.md section 2).
CREATE FUNCTION sla_ref.add_days(cal text, t bigint, n int) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    tz text := (SELECT time_zone FROM sla.calendar WHERE name = cal);
    cur sla_ref.oday; tgt sla_ref.oday; dloc date; vk int; off bigint;
BEGIN
    IF n = 0 THEN RETURN t; END IF;
    IF sla_ref.hz(t) IS NULL THEN RETURN NULL; END IF;
    SELECT * INTO cur FROM sla_ref.oday o
    WHERE o.cal = add_days.cal AND o.first_open <= t AND t < o.last_close ORDER BY o.first_open DESC LIMIT 1;
    IF FOUND THEN                           -- inside the span of open day k
        vk := cur.k;
        off := CASE WHEN n > 0 THEN sla_ref.c(cal, t) - sla_ref.c(cal, cur.first_open)
                    ELSE sla_ref.c(cal, cur.last_close) - sla_ref.c(cal, t) END;
    ELSE
        dloc := (sla_ref.ts(t) AT TIME ZONE tz)::date;
        SELECT * INTO cur FROM sla_ref.oday o WHERE o.cal = add_days.cal AND o.d = dloc;
        IF FOUND THEN                       -- before or after the span of its own date
            vk := cur.k;
            off := CASE WHEN (t < cur.first_open) = (n > 0) THEN 0 ELSE cur.len END;
        ELSIF n > 0 THEN                    -- a date with no open time: start of the next open day
            vk := (SELECT min(o.k) FROM sla_ref.oday o WHERE o.cal = add_days.cal AND o.d > dloc);
            off := 0;
        ELSE                                -- ... or the end of the previous one
            vk := (SELECT max(o.k) FROM sla_ref.oday o WHERE o.cal = add_days.cal AND o.d < dloc);
            off := 0;
        END IF;
    END IF;
    SELECT * INTO tgt FROM sla_ref.oday o WHERE o.cal = add_days.cal AND o.k = vk + n;
    IF NOT FOUND THEN RETURN NULL; END IF;
    IF n > 0 THEN
        RETURN sla_ref.earliest(cal, sla_ref.c(cal, tgt.first_open) + least(off, tgt.len));
    ELSE
        RETURN sla_ref.latest(cal, sla_ref.c(cal, tgt.last_close) - least(off, tgt.len));
    END IF;
END $$;

-- Business time: a > 0 earliest t with C(t) = C(ts) + a; a < 0 latest t with C(t) = C(ts) + a.
CREATE FUNCTION sla_ref.add_time(cal text, t bigint, a bigint) RETURNS bigint LANGUAGE sql STABLE RETURN
    CASE WHEN a = 0 THEN t
         WHEN a > 0 THEN sla_ref.earliest(cal, sla_ref.c(cal, t) + a)
         ELSE sla_ref.latest(cal, sla_ref.c(cal, t) + a) END;

-- The engine's surface.  amount: days part = interval days, time part = the rest (no months).
CREATE FUNCTION sla_ref.business_add(ts timestamptz, amount interval, cal text) RETURNS timestamptz
    LANGUAGE sql STABLE RETURN sla_ref.ts(sla_ref.add_time(cal,
        sla_ref.add_days(cal, sla_ref.us(ts), extract(day FROM amount)::int),
        (extract(epoch FROM amount - make_interval(days => extract(day FROM amount)::int)) * 1000000)::bigint));

CREATE FUNCTION sla_ref.business_elapsed(a timestamptz, b timestamptz, cal text) RETURNS interval
    LANGUAGE sql STABLE RETURN
    (sla_ref.c(cal, sla_ref.us(b)) - sla_ref.c(cal, sla_ref.us(a))) * interval '1 microsecond';

CREATE FUNCTION sla_ref.is_open(ts timestamptz, cal text) RETURNS boolean LANGUAGE sql STABLE RETURN
    CASE WHEN sla_ref.hz(sla_ref.us(ts)) IS NOT NULL THEN coalesce(
        (SELECT sla_ref.us(ts) < p.e FROM sla_ref.period p WHERE p.cal = is_open.cal AND p.s <= sla_ref.us(ts)
         ORDER BY p.s DESC LIMIT 1), false) END;

CREATE FUNCTION sla_ref.next_open(ts timestamptz, cal text) RETURNS timestamptz LANGUAGE sql STABLE RETURN
    CASE WHEN sla_ref.is_open(ts, cal) THEN ts
         WHEN NOT sla_ref.is_open(ts, cal) THEN sla_ref.ts(sla_ref.hz(
            (SELECT min(p.s) FROM sla_ref.period p WHERE p.cal = next_open.cal AND p.s > sla_ref.us(ts)))) END;

-- the first period ending after ts is the one containing ts, or else the next one; 'infinity' when
-- that period never closes (a 24/7 calendar)
CREATE FUNCTION sla_ref.next_close(ts timestamptz, cal text) RETURNS timestamptz LANGUAGE sql STABLE RETURN
    CASE WHEN sla_ref.hz(sla_ref.us(ts)) IS NOT NULL THEN
        (SELECT CASE WHEN p.open_end THEN 'infinity' ELSE sla_ref.ts(sla_ref.hz(p.e)) END
         FROM sla_ref.period p WHERE p.cal = next_close.cal AND p.e > sla_ref.us(ts) ORDER BY p.e LIMIT 1) END;
-- END sla_ref model
