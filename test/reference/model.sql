-- BEGIN sla_ref model
-- A deliberately simple reference model of the business-time rules (docs/semantics.md; how it works:
-- test/reference/README.md).  It reads sla.calendar / sla.calendar_exception, materialises every local
-- date's open intervals with (date + time) AT TIME ZONE zone, and answers every question from those rows
-- and their running sums.  Instants are bigint microseconds since the epoch; nothing here reads the
-- session TimeZone.  It shares no code with the C engine.
CREATE SCHEMA sla_ref;

CREATE FUNCTION sla_ref.us(t timestamptz) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT RETURN (extract(epoch FROM t) * 1000000)::bigint;
CREATE FUNCTION sla_ref.ts(u bigint) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT RETURN timestamptz 'epoch' + u * interval '1 microsecond';
-- local date d at local time-of-day x (microseconds, may pass 24:00) in zone tz, as an instant
CREATE FUNCTION sla_ref.at(d date, x bigint, tz text) RETURNS bigint
    LANGUAGE sql STABLE STRICT RETURN sla_ref.us((d + x * interval '1 microsecond') AT TIME ZONE tz);

-- 'HH:MM' or 'HH:MM:SS' -> microseconds after local midnight.
CREATE FUNCTION sla_ref.tod(x text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE m text[] := regexp_match(x, '^(\d{1,2}):(\d\d)(?::(\d\d))?$');
BEGIN
    IF m IS NULL THEN RAISE EXCEPTION 'sla_ref: bad time "%"', x; END IF;
    RETURN ((m[1]::bigint * 60 + m[2]::bigint) * 60 + coalesce(m[3], '0')::bigint) * 1000000;
END $$;

-- '08:00-12:00,22:00-06:00' (or 'closed') -> (start, end) in microseconds after local midnight; an end
-- at or before its start runs past midnight (end + 24 h).
CREATE FUNCTION sla_ref.parse_ranges(txt text, OUT s bigint, OUT e bigint) RETURNS SETOF record
    LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE item text; p text[];
BEGIN
    IF lower(btrim(txt)) = 'closed' THEN RETURN; END IF;
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
    long_names constant text[] := '{sunday,monday,tuesday,wednesday,thursday,friday,saturday}';
    h text := lower(regexp_replace(hours, '\s', '', 'g'));
    part text; item text; m text[]; d0 int; d1 int; days int[]; r record; a text; b text;
BEGIN
    IF h = '24/7' THEN h := 'sun-sat00:00-24:00'; END IF;
    IF h = 'closed' THEN RETURN; END IF;
    FOREACH part IN ARRAY string_to_array(h, ';') LOOP
        CONTINUE WHEN part = '';
        m := regexp_match(part, '^([a-z,-]+)([0-9].*)$');
        IF m IS NULL THEN RAISE EXCEPTION 'sla_ref: bad hours "%"', part; END IF;
        days := '{}';
        FOREACH item IN ARRAY string_to_array(m[1], ',') LOOP
            a := split_part(item, '-', 1);
            b := coalesce(nullif(split_part(item, '-', 2), ''), a);
            d0 := coalesce(array_position(names, a), array_position(long_names, a)) - 1;
            d1 := coalesce(array_position(names, b), array_position(long_names, b)) - 1;
            IF d0 IS NULL OR d1 IS NULL THEN RAISE EXCEPTION 'sla_ref: bad day "%"', item; END IF;
            LOOP                            -- a day range runs forward and may wrap around the week
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

-- want: the calendars to materialise and their local dates, each range of dates a block (filled by the
-- caller before build()).  block: those ranges; the instants an answer involves must lie in one block,
-- at least two weeks from its ends (the interior [lo, hi]).  weekly: the weekly hours, parsed.  iv: each
-- materialised date's nonempty images [s, e).  period: the union of all images (overlapping or touching
-- images merged), with cum = open time before s.  span: each date's span [first image start, last image
-- end) in time order.  oday: open days numbered k in time order, with their effective span
-- [first_open, last_close) and length (open time).
CREATE TABLE sla_ref.want (cal text PRIMARY KEY, dates datemultirange NOT NULL);
CREATE TABLE sla_ref.block (cal text, tz text, blk int, lo_date date, hi_date date, lo bigint, hi bigint);
CREATE TABLE sla_ref.weekly (cal text, dow int, s bigint, e bigint);
CREATE TABLE sla_ref.iv (cal text, d date, s bigint, e bigint);
CREATE TABLE sla_ref.period (cal text, s bigint, e bigint, cum bigint, cum_end bigint, open_end boolean);
CREATE TABLE sla_ref.span (cal text, d date, s bigint, e bigint, own_len bigint, cur_end bigint, next_s bigint);
CREATE TABLE sla_ref.oday (cal text, d date, k int, first_open bigint, last_close bigint, len bigint);
CREATE INDEX ON sla_ref.block (cal, lo);
CREATE INDEX ON sla_ref.period (cal, s);
CREATE INDEX ON sla_ref.period (cal, e);
CREATE INDEX ON sla_ref.period (cal, cum);
CREATE INDEX ON sla_ref.period (cal, cum_end);
CREATE INDEX ON sla_ref.oday (cal, first_open);
CREATE INDEX ON sla_ref.oday (cal, last_close);
CREATE INDEX ON sla_ref.oday (cal, k);

-- Materialise the calendars of sla_ref.want, replacing what was built before.
CREATE FUNCTION sla_ref.build() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE sla_ref.block, sla_ref.weekly, sla_ref.iv, sla_ref.period, sla_ref.span, sla_ref.oday;
    INSERT INTO sla_ref.block
    SELECT c.name, c.time_zone, row_number() OVER (PARTITION BY c.name ORDER BY lower(r)), lower(r), upper(r) - 1,
           sla_ref.at(lower(r) + 14, 0, 'UTC'), sla_ref.at(upper(r) - 14, 0, 'UTC')
    FROM sla.calendar c JOIN sla_ref.want w ON w.cal = c.name CROSS JOIN unnest(w.dates) r;
    INSERT INTO sla_ref.weekly
    SELECT c.name, w.dow, w.s, w.e
    FROM sla.calendar c JOIN sla_ref.want ON want.cal = c.name CROSS JOIN LATERAL sla_ref.parse_weekly(c.hours) w;
    ANALYZE sla_ref.block, sla_ref.weekly;

    -- 1. images: the date's exception ranges if it has an exception, else its weekday's ranges
    INSERT INTO sla_ref.iv
    SELECT cal, d, s, e FROM (
        SELECT b.cal, dd.d, sla_ref.at(dd.d, w.s, b.tz) AS s, sla_ref.at(dd.d, w.e, b.tz) AS e
        FROM sla_ref.block b
        CROSS JOIN LATERAL (SELECT b.lo_date + i AS d FROM generate_series(0, b.hi_date - b.lo_date) i) dd
        JOIN sla_ref.weekly w ON w.cal = b.cal AND w.dow = date_part('dow', dd.d)::int
        WHERE NOT EXISTS (SELECT FROM sla.calendar_exception ex WHERE ex.calendar = b.cal AND ex.day = dd.d)
        UNION ALL
        SELECT b.cal, ex.day, sla_ref.at(ex.day, r.s, b.tz), sla_ref.at(ex.day, r.e, b.tz)
        FROM sla_ref.block b
        JOIN sla.calendar_exception ex ON ex.calendar = b.cal AND ex.day BETWEEN b.lo_date AND b.hi_date
        CROSS JOIN LATERAL sla_ref.parse_ranges(ex.hours) r) x
    WHERE e > s;                            -- empty or reversed: dropped

    -- 2. open time: the union of all images, whatever date they belong to; an image starts a new
    --    period unless it starts at or before the latest end so far
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
    UPDATE sla_ref.period p SET open_end = true FROM sla_ref.block b
    WHERE b.cal = p.cal AND b.hi_date = (SELECT upper(w.dates) - 1 FROM sla_ref.want w WHERE w.cal = b.cal)
      AND p.e = sla_ref.at(b.hi_date + 1, 0, b.tz);
    ANALYZE sla_ref.period;

    -- 3. open days.  Each date's span is [first image start, last image end).  In order of span start,
    --    a date owns [max(span start, end of all earlier spans), span end): the earlier-opening date owns
    --    an overlap, and a date left with nothing owned is no open day.  An open day's open time is the
    --    union within what it owns; its effective span runs from its first open instant to its last close.
    INSERT INTO sla_ref.span
    SELECT cal, d, s, e, NULL,
           max(e) OVER (PARTITION BY cal ORDER BY s, d ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
           lead(s) OVER (PARTITION BY cal ORDER BY s, d)
    FROM (SELECT cal, d, min(s) AS s, max(e) AS e FROM sla_ref.iv GROUP BY cal, d) x;
    ANALYZE sla_ref.span;
    -- the measure of the union of each date's own images
    UPDATE sla_ref.span sp SET own_len = o.len
    FROM (SELECT cal, d, sum(e - s) AS len
          FROM (SELECT cal, d, min(s) AS s, max(e) AS e
                FROM (SELECT cal, d, s, e, count(*) FILTER (WHERE newp) OVER (PARTITION BY cal, d ORDER BY s, e) AS g
                      FROM (SELECT cal, d, s, e,
                                   s > coalesce(max(e) OVER (PARTITION BY cal, d ORDER BY s, e
                                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), s - 1) AS newp
                            FROM sla_ref.iv) a) b
                GROUP BY cal, d, g) c
          GROUP BY cal, d) o
    WHERE sp.cal = o.cal AND sp.d = o.d;

    INSERT INTO sla_ref.oday
    SELECT cal, d, row_number() OVER (PARTITION BY cal ORDER BY first_open), first_open, last_close, len
    FROM (
        -- a span that no other span overlaps owns all of itself and holds no other date's images (those
        -- lie inside their own spans): its open time is the date's own images
        SELECT cal, d, s AS first_open, e AS last_close, own_len AS len FROM sla_ref.span
        WHERE coalesce(cur_end <= s, true) AND coalesce(next_s >= e, true)
        UNION ALL
        -- any other span: what it owns, its first open instant and last close in there, found in the union
        SELECT cal, d, first_open, last_close, sla_ref.c(cal, last_close) - sla_ref.c(cal, first_open)
        FROM (SELECT o.cal, o.d,
                     -- first open instant at or after os: os itself if a period holds it, else the next
                     -- period start
                     CASE WHEN (SELECT p.e > o.os FROM sla_ref.period p WHERE p.cal = o.cal AND p.s <= o.os
                                ORDER BY p.s DESC LIMIT 1)
                          THEN o.os
                          ELSE (SELECT min(p.s) FROM sla_ref.period p WHERE p.cal = o.cal AND p.s > o.os)
                     END AS first_open,
                     -- last close at or before oe: oe itself if open just before it, else the end of the
                     -- last period before it
                     (SELECT least(p.e, o.oe) FROM sla_ref.period p WHERE p.cal = o.cal AND p.s < o.oe
                      ORDER BY p.s DESC LIMIT 1) AS last_close
              FROM (SELECT cal, d, greatest(s, cur_end) AS os, e AS oe FROM sla_ref.span
                    WHERE NOT (coalesce(cur_end <= s, true) AND coalesce(next_s >= e, true))
                      AND e > coalesce(cur_end, s)) o) x
        WHERE first_open < last_close) y;
    ANALYZE sla_ref.oday;
END $$;

-- the block whose interior holds t (NULL if none)
CREATE FUNCTION sla_ref.blk(cal text, t bigint) RETURNS int LANGUAGE sql STABLE
    RETURN (SELECT b.blk FROM sla_ref.block b WHERE b.cal = blk.cal AND t BETWEEN b.lo AND b.hi);
-- t itself if it lies in the interior of block bk, else NULL
CREATE FUNCTION sla_ref.inblk(cal text, bk int, t bigint) RETURNS bigint LANGUAGE sql STABLE
    RETURN CASE WHEN sla_ref.blk(cal, t) = bk THEN t END;

-- C(t): open time before t (cumulative, from the start of the materialised dates)
CREATE FUNCTION sla_ref.c(cal text, t bigint) RETURNS bigint LANGUAGE sql STABLE RETURN
    CASE WHEN t IS NOT NULL THEN coalesce(
        (SELECT p.cum + least(t, p.e) - p.s FROM sla_ref.period p WHERE p.cal = c.cal AND p.s <= t
         ORDER BY p.s DESC LIMIT 1), 0) END;

-- earliest t with C(t) = x: inside or at the end of the first period reaching x (NULL outside block bk)
CREATE FUNCTION sla_ref.earliest(cal text, bk int, x bigint) RETURNS bigint LANGUAGE sql STABLE RETURN
    sla_ref.inblk(cal, bk, (SELECT p.s + (x - p.cum) FROM sla_ref.period p
                            WHERE p.cal = earliest.cal AND p.cum_end >= x AND p.cum < x ORDER BY p.cum_end LIMIT 1));

-- latest t with C(t) = x: inside or at the start of the last period starting at or below x
CREATE FUNCTION sla_ref.latest(cal text, bk int, x bigint) RETURNS bigint LANGUAGE sql STABLE RETURN
    sla_ref.inblk(cal, bk, (SELECT p.s + (x - p.cum) FROM sla_ref.period p
                            WHERE p.cal = latest.cal AND p.cum <= x AND x < p.cum_end ORDER BY p.cum DESC LIMIT 1));

-- Business days (docs/semantics.md, "Day amounts"): n > 0 forward, n < 0 backward.  NULL unless every
-- instant used lies in the interior of t's block.
CREATE FUNCTION sla_ref.add_days(cal text, t bigint, n int) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    bk int := sla_ref.blk(cal, t);
    tz text := (SELECT b.tz FROM sla_ref.block b WHERE b.cal = add_days.cal AND b.blk = bk);
    cur sla_ref.oday; prev sla_ref.oday; nxt sla_ref.oday; tgt sla_ref.oday;
    vk int; off bigint; eod bigint; sod bigint;
BEGIN
    IF n = 0 THEN RETURN t; END IF;
    IF bk IS NULL THEN RETURN NULL; END IF;
    SELECT * INTO cur FROM sla_ref.oday o
    WHERE o.cal = add_days.cal AND o.first_open <= t ORDER BY o.first_open DESC LIMIT 1;
    IF FOUND AND t < cur.last_close THEN    -- inside the effective span of open day k
        IF sla_ref.inblk(cal, bk, cur.first_open) IS NULL OR sla_ref.inblk(cal, bk, cur.last_close) IS NULL THEN
            RETURN NULL;
        END IF;
        vk := cur.k;
        off := CASE WHEN n > 0 THEN sla_ref.c(cal, t) - sla_ref.c(cal, cur.first_open)
                    ELSE sla_ref.c(cal, cur.last_close) - sla_ref.c(cal, t) END;
    ELSE                                    -- between the open days prev and nxt
        SELECT * INTO prev FROM sla_ref.oday o
        WHERE o.cal = add_days.cal AND o.last_close <= t ORDER BY o.last_close DESC LIMIT 1;
        SELECT * INTO nxt FROM sla_ref.oday o
        WHERE o.cal = add_days.cal AND o.first_open > t ORDER BY o.first_open LIMIT 1;
        IF sla_ref.inblk(cal, bk, prev.last_close) IS NULL OR sla_ref.inblk(cal, bk, nxt.first_open) IS NULL THEN
            RETURN NULL;
        END IF;
        IF n > 0 THEN                       -- prev's full length up to prev's local midnight, then 0 of nxt
            eod := least(greatest(sla_ref.at(prev.d + 1, 0, tz), prev.last_close), nxt.first_open);
            IF t < eod THEN vk := prev.k; off := prev.len; ELSE vk := nxt.k; off := 0; END IF;
        ELSE                                -- nxt's full length from nxt's local midnight, before it 0 of prev
            sod := least(greatest(sla_ref.at(nxt.d, 0, tz), prev.last_close), nxt.first_open);
            IF t >= sod THEN vk := nxt.k; off := nxt.len; ELSE vk := prev.k; off := 0; END IF;
        END IF;
    END IF;
    SELECT * INTO tgt FROM sla_ref.oday o WHERE o.cal = add_days.cal AND o.k = vk + n;
    IF sla_ref.inblk(cal, bk, tgt.first_open) IS NULL OR sla_ref.inblk(cal, bk, tgt.last_close) IS NULL THEN
        RETURN NULL;
    END IF;
    IF n > 0 THEN                           -- earliest instant with min(off, len) of day k+n behind it
        RETURN sla_ref.earliest(cal, bk, sla_ref.c(cal, tgt.first_open) + least(off, tgt.len));
    ELSE                                    -- latest instant with min(off, len) of day k+n ahead of it
        RETURN sla_ref.latest(cal, bk, sla_ref.c(cal, tgt.last_close) - least(off, tgt.len));
    END IF;
END $$;

-- Business time: a > 0 earliest t with C(t) = C(ts) + a; a < 0 latest t with C(t) = C(ts) + a.
CREATE FUNCTION sla_ref.add_time(cal text, t bigint, a bigint) RETURNS bigint LANGUAGE sql STABLE RETURN
    CASE WHEN a = 0 THEN t
         WHEN a > 0 THEN sla_ref.earliest(cal, sla_ref.blk(cal, t), sla_ref.c(cal, t) + a)
         ELSE sla_ref.latest(cal, sla_ref.blk(cal, t), sla_ref.c(cal, t) + a) END;

-- The engine's surface.  amount: days part = interval days, time part = the rest (no months).
CREATE FUNCTION sla_ref.business_add(ts timestamptz, amount interval, cal text) RETURNS timestamptz
    LANGUAGE sql STABLE RETURN sla_ref.ts(sla_ref.add_time(cal,
        sla_ref.add_days(cal, sla_ref.us(ts), extract(day FROM amount)::int),
        (extract(epoch FROM amount - make_interval(days => extract(day FROM amount)::int)) * 1000000)::bigint));

CREATE FUNCTION sla_ref.business_elapsed(a timestamptz, b timestamptz, cal text) RETURNS interval
    LANGUAGE sql STABLE RETURN
    CASE WHEN sla_ref.blk(cal, sla_ref.us(a)) = sla_ref.blk(cal, sla_ref.us(b)) THEN
        (sla_ref.c(cal, sla_ref.us(b)) - sla_ref.c(cal, sla_ref.us(a))) * interval '1 microsecond' END;

CREATE FUNCTION sla_ref.is_open(ts timestamptz, cal text) RETURNS boolean LANGUAGE sql STABLE RETURN
    CASE WHEN sla_ref.blk(cal, sla_ref.us(ts)) IS NOT NULL THEN coalesce(
        (SELECT sla_ref.us(ts) < p.e FROM sla_ref.period p WHERE p.cal = is_open.cal AND p.s <= sla_ref.us(ts)
         ORDER BY p.s DESC LIMIT 1), false) END;

CREATE FUNCTION sla_ref.next_open(ts timestamptz, cal text) RETURNS timestamptz LANGUAGE sql STABLE RETURN
    CASE WHEN sla_ref.is_open(ts, cal) THEN ts
         WHEN NOT sla_ref.is_open(ts, cal) THEN sla_ref.ts(sla_ref.inblk(cal, sla_ref.blk(cal, sla_ref.us(ts)),
            (SELECT min(p.s) FROM sla_ref.period p WHERE p.cal = next_open.cal AND p.s > sla_ref.us(ts)))) END;

-- the first period ending after ts is the one containing ts, or else the next one; 'infinity' when
-- that period never closes (a 24/7 calendar)
CREATE FUNCTION sla_ref.next_close(ts timestamptz, cal text) RETURNS timestamptz LANGUAGE sql STABLE RETURN
    (SELECT CASE WHEN p.s > sla_ref.us(ts) AND sla_ref.inblk(cal, bk, p.s) IS NULL THEN NULL
                 WHEN p.open_end THEN 'infinity'
                 ELSE sla_ref.ts(sla_ref.inblk(cal, bk, p.e)) END
     FROM sla_ref.period p, sla_ref.blk(cal, sla_ref.us(ts)) bk
     WHERE p.cal = next_close.cal AND p.e > sla_ref.us(ts) AND bk IS NOT NULL ORDER BY p.e LIMIT 1);

-- open time inside within: every period cut by within (range intersection keeps within's bounds and
-- their inclusivity), touching pieces merged by range_agg.
CREATE FUNCTION sla_ref.open_periods(cal text, within tstzrange) RETURNS tstzmultirange LANGUAGE sql STABLE RETURN
    CASE WHEN isempty(within) THEN '{}'::tstzmultirange
         WHEN sla_ref.blk(cal, sla_ref.us(lower(within))) = sla_ref.blk(cal, sla_ref.us(upper(within))) THEN
        (SELECT coalesce(range_agg(r), '{}') FROM (
             SELECT tstzrange(sla_ref.ts(p.s), sla_ref.ts(p.e), '[)') * within AS r FROM sla_ref.period p
             WHERE p.cal = open_periods.cal AND p.s <= sla_ref.us(upper(within))
               AND p.s >= coalesce((SELECT max(q.s) FROM sla_ref.period q WHERE q.cal = open_periods.cal
                                    AND q.s <= sla_ref.us(lower(within))), sla_ref.us(lower(within)))) x
         WHERE NOT isempty(r)) END;
-- END sla_ref model
