-- The policy cross-check: sla.due, sla.state, sla.remaining, sla.elapsed_fraction and
-- sla.escalation_level (src/deadline.c) against the plain model of policy_model.sql, on cases drawn
-- with a fixed seed over the xc_ calendars of crosscheck.sql.  Run by test/reference/run after
-- model.sql, crosscheck.sql and policy_model.sql, in the same session; prints one line per case,
-- "ok - ..." or "not ok - ...: engine ...; model ...".  See test/reference/README.md.

-- The calendar of the issue's worked example.
INSERT INTO sla.calendar (name, time_zone, hours, comment) VALUES
    ('xp_amsterdam', 'Europe/Amsterdam', 'mon-fri 08:00-16:00', 'the worked example of docs/policies.md');

-- A case: one target of a policy, asked everything.  model / engine: the answers as one text,
-- "due D; state S; remaining R; fraction F; level L" (NULL answers as NULL, an error as its text).
CREATE TABLE sla_ref.pc_case (id int PRIMARY KEY, policy text, priority text, kind text, amount text,
                              cal text, start timestamptz, done timestamptz, at timestamptz,
                              pauses tstzmultirange, note text, model text);

-- Pauses as text, instants in UTC to the microsecond, an unbounded side left empty.
CREATE FUNCTION sla_ref.pc_fmt(m tstzmultirange) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN '{' || coalesce((SELECT string_agg(CASE WHEN lower_inc(r) THEN '[' ELSE '(' END
                                              || coalesce(sla_ref.fmt(lower(r)), '') || ',' || coalesce(sla_ref.fmt(upper(r)), '')
                                              || CASE WHEN upper_inc(r) THEN ']' ELSE ')' END, ',' ORDER BY r)
                            FROM unnest(m) r), '') || '}';

-- The answers as one text, from either side.
CREATE FUNCTION sla_ref.pc_text(due timestamptz, state text, remaining interval, fraction float8, level int)
RETURNS text LANGUAGE sql IMMUTABLE RETURN
    'due ' || coalesce(sla_ref.fmt(due), 'NULL') || '; state ' || coalesce(state, 'NULL')
    || '; remaining ' || coalesce(remaining::text, 'NULL') || '; fraction ' || coalesce(fraction::text, 'NULL')
    || '; level ' || coalesce(level::text, 'NULL');

CREATE FUNCTION sla_ref.pc_model(c sla_ref.pc_case) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    p jsonb := c.policy::jsonb;
    state text; remaining bigint; fraction float8; level int;
    due timestamptz;
BEGIN
    SELECT * INTO state, remaining, fraction, level
    FROM sla_ref.p_as_of(p, c.priority, c.kind, c.start, c.done, c.at, c.pauses);
    due := sla_ref.p_due(p, c.priority, c.kind, c.start, c.pauses);
    IF due IS NULL AND state IS NOT NULL THEN
        RAISE EXCEPTION 'model: no fixed point within 1000 rounds';
    END IF;
    RETURN sla_ref.pc_text(due, state, remaining * interval '1 microsecond', fraction, level);
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;

CREATE FUNCTION sla_ref.pc_engine(c sla_ref.pc_case) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    p sla.sla_policy;
BEGIN
    p := c.policy::sla.sla_policy;
    RETURN sla_ref.pc_text(sla.due(p, c.priority, c.kind, c.start, c.pauses),
                           sla.state(p, c.priority, c.kind, c.start, c.done, c.at, c.pauses)::text,
                           sla.remaining(p, c.priority, c.kind, c.start, c.done, c.at, c.pauses),
                           sla.elapsed_fraction(p, c.priority, c.kind, c.start, c.done, c.at, c.pauses),
                           sla.escalation_level(p, c.priority, c.kind, c.start, c.done, c.at, c.pauses));
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;

-- The model against the worked example of the issue (docs/policies.md), whose answers were found by
-- hand: a check of the model itself.  Calendar mon-fri 08:00-16:00 Amsterdam; P2 first response 2
-- hours, warn_at 0.8, escalations [0.25, 0.5, 1.0]; started Friday 2026-12-04 15:00+01.
CREATE TABLE sla_ref.pc_worked (id int, what text, model text, expected text);
DO $$
DECLARE
    p constant jsonb := '{"calendar":"xp_amsterdam","warn_at":0.8,"escalations":[0.25,0.5,1.0],
                          "targets":{"P2":{"first_response":"2 hours"}}}';
    s constant timestamptz := '2026-12-04 15:00+01';
BEGIN
    INSERT INTO sla_ref.pc_worked
    SELECT row_number() OVER (), what, model, expected FROM (VALUES
        ('due', sla_ref.fmt(sla_ref.p_due(p, 'P2', 'first_response', s, '{}')), sla_ref.fmt(timestamptz '2026-12-07 09:00+01')),
        ('due, paused Fri 15:30-15:45',
         sla_ref.fmt(sla_ref.p_due(p, 'P2', 'first_response', s, '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}')),
         sla_ref.fmt(timestamptz '2026-12-07 09:15+01')),
        ('due, paused Sat 10:00-12:00',
         sla_ref.fmt(sla_ref.p_due(p, 'P2', 'first_response', s, '{[2026-12-05 10:00+01, 2026-12-05 12:00+01)}')),
         sla_ref.fmt(timestamptz '2026-12-07 09:00+01')),
        ('at Mon 08:00: state, fraction, level',
         (SELECT concat_ws(' ', state, fraction, level) FROM sla_ref.p_as_of(p, 'P2', 'first_response', s, NULL, '2026-12-07 08:00+01', '{}')),
         'running 0.5 2'),
        ('at Mon 08:36: state',
         (SELECT state FROM sla_ref.p_as_of(p, 'P2', 'first_response', s, NULL, '2026-12-07 08:36+01', '{}')), 'at_risk'),
        ('at Mon 09:00, open: state',
         (SELECT state FROM sla_ref.p_as_of(p, 'P2', 'first_response', s, NULL, '2026-12-07 09:00+01', '{}')), 'breached'),
        ('done Mon 09:00: state',
         (SELECT state FROM sla_ref.p_as_of(p, 'P2', 'first_response', s, '2026-12-07 09:00+01', '2026-12-07 10:00+01', '{}')), 'met'),
        ('done Mon 09:00:00.000001: state',
         (SELECT state FROM sla_ref.p_as_of(p, 'P2', 'first_response', s, '2026-12-07 09:00:00.000001+01', '2026-12-07 10:00+01', '{}')), 'breached'),
        ('at Mon 08:45: remaining',
         (SELECT (remaining * interval '1 microsecond')::text FROM sla_ref.p_as_of(p, 'P2', 'first_response', s, NULL, '2026-12-07 08:45+01', '{}')),
         '00:15:00')
    ) v(what, model, expected);
END $$;

-- Fixed cases: the worked example again, engine against model, and a few hand-picked corners.
INSERT INTO sla_ref.pc_case (id, policy, priority, kind, amount, cal, start, done, at, pauses, note)
SELECT 30000 + row_number() OVER (), p, 'P2', 'first_response', '2 hours', 'xp_amsterdam', '2026-12-04 15:00+01',
       done::timestamptz, at::timestamptz, pauses::tstzmultirange, note
FROM (VALUES ('{"calendar":"xp_amsterdam","warn_at":0.8,"escalations":[0.25,0.5,1.0],"targets":{"P2":{"first_response":"2 hours"}}}')) pp(p),
     (VALUES (NULL, '2026-12-07 08:00+01', '{}', 'worked example'),
             (NULL, '2026-12-07 08:36+01', '{}', 'worked example'),
             (NULL, '2026-12-07 09:00+01', '{}', 'worked example'),
             ('2026-12-07 09:00+01', '2026-12-07 10:00+01', '{}', 'worked example'),
             ('2026-12-07 09:00:00.000001+01', '2026-12-07 10:00+01', '{}', 'worked example'),
             (NULL, '2026-12-07 08:45+01', '{}', 'worked example'),
             (NULL, '2026-12-07 08:45+01', '{[2026-12-04 15:30+01, 2026-12-04 15:45+01)}', 'worked example, paused Friday'),
             (NULL, '2026-12-07 08:45+01', '{[2026-12-05 10:00+01, 2026-12-05 12:00+01)}', 'worked example, paused Saturday'),
             (NULL, '2026-12-07 08:45+01', '{[2026-12-04 15:30+01,)}', 'open pause before the due'),
             (NULL, '2026-12-07 08:45+01', '{[2026-12-07 09:00+01,)}', 'open pause at the due'),
             (NULL, '2026-12-07 08:45+01', '{[2026-12-07 08:45+01, 2026-12-07 08:45+01]}', 'a pause of one instant, at it'),
             (NULL, '2026-12-07 08:45+01', '{(2026-12-07 08:30+01, 2026-12-07 08:45+01)}', 'at the excluded end of a pause'),
             (NULL, '2026-12-07 08:45+01', '{[2026-12-04 15:10+01, 2026-12-04 15:20+01), [2026-12-04 15:20+01, 2026-12-07 08:50+01]}',
              'touching pauses, one still open at at'),
             (NULL, '2026-12-04 14:00+01', '{[2026-12-04 13:00+01, 2026-12-04 14:30+01)}', 'at before the start, in a pause'),
             ('2026-12-04 14:00+01', '2026-12-07 08:45+01', '{}', 'done before the start')
     ) v(done, at, pauses, note);
UPDATE sla_ref.pc_case c SET model = sla_ref.pc_model(c);

-- Random cases --------------------------------------------------------------------------------------
-- An element of a at random.
CREATE FUNCTION sla_ref.pc_any(a anyarray) RETURNS anyelement LANGUAGE sql VOLATILE
    AS $$ SELECT a[1 + floor(random() * cardinality(a))::int] $$;

-- A target amount: business time (round, odd or to the microsecond), business days, or both.
CREATE FUNCTION sla_ref.pc_amount() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    r float8 := random();
BEGIN
    RETURN CASE
        WHEN r < 0.35 THEN sla_ref.pc_any('{15 minutes,30 minutes,45 minutes,1 hour,90 minutes,2 hours,4 hours,8 hours,24 hours,40 hours}'::text[])
        WHEN r < 0.45 THEN ((1 + floor(random() * 3000)) * interval '1 minute')::text
        WHEN r < 0.55 THEN ((1 + floor(random() * 100000000000)) * interval '1 microsecond')::text
        WHEN r < 0.60 THEN sla_ref.pc_any('{00:00:00.000001,00:00:01,00:00:00.5}'::text[])
        WHEN r < 0.80 THEN sla_ref.pc_any('{1 day,2 days,3 days,5 days}'::text[])
        WHEN r < 0.90 THEN sla_ref.pc_any('{1 day 04:00:00,2 days 00:30:00,1 day 00:00:00.000001}'::text[])
        ELSE (1 + floor(random() * 4)) || ' days ' || ((1 + floor(random() * 600)) * interval '1 minute')::text
    END;
END $$;

-- An instant near t: t exactly or 1 us either side.
CREATE FUNCTION sla_ref.pc_near(t timestamptz) RETURNS timestamptz LANGUAGE sql VOLATILE
    RETURN t + (floor(random() * 3) - 1) * interval '1 microsecond';

-- An amount of time for a pause: a microsecond, round lengths, or any microsecond up to two days.
CREATE FUNCTION sla_ref.pc_length() RETURNS interval LANGUAGE sql VOLATILE RETURN
    CASE WHEN random() < 0.5 THEN sla_ref.pc_any('{00:00:00.000001,00:01:00,00:15:00,01:00:00,03:00:00,24:00:00}'::interval[])
         ELSE floor(random() * 172800000000) * interval '1 microsecond' END;

-- Draw the cases: 3,000 over the xc_ calendars in turn, with a fixed seed.
DO $pc$
DECLARE
    cals constant text[] := ARRAY(SELECT cal FROM sla_ref.xc_pick ORDER BY cal);
    kinds constant text[] := '{first_response,next_response,periodic_update,resolution}';
    prios constant text[] := '{P1,P2,P3,P4,urgent}';
    warns constant numeric[] := '{0.5,0.8,0.9,1,0.333333333,0.000000001,0.999999999}';
    thresholds constant numeric[] := '{0.25,0.5,0.75,0.8,1,1.5,2,0.333333333,3,999.999999999}';
    c sla_ref.pc_case;
    cal text; tcal text; prio text; kind text; amount text;
    targets jsonb; pol jsonb; esc numeric[]; warn numeric;
    due0 timestamptz; due timestamptz; wlo timestamptz; whi timestamptz;
    pool timestamptz[]; ranges tstzrange[]; lo timestamptz; hi timestamptz; prev tstzrange;
    thr numeric; big bigint; r float8;
BEGIN
    PERFORM setseed(0.4242);            -- fixed seed: the same cases on every run
    FOR i IN 1 .. 3000 LOOP
        cal := cals[1 + i % cardinality(cals)];
        -- the target under test, on the default calendar or (30%) its own
        prio := sla_ref.pc_any(prios);
        kind := sla_ref.pc_any(kinds);
        amount := sla_ref.pc_amount();
        tcal := CASE WHEN random() < 0.3 THEN sla_ref.pc_any(cals) ELSE cal END;
        targets := jsonb_build_object(prio, jsonb_build_object(kind,
            CASE WHEN tcal <> cal OR random() < 0.1 THEN jsonb_build_object('within', amount, 'calendar', tcal)
                 ELSE to_jsonb(amount) END));
        -- other targets beside it
        FOR j IN 1 .. floor(random() * 4)::int LOOP
            targets := jsonb_set(targets, ARRAY[sla_ref.pc_any(prios)],
                                 coalesce(targets -> sla_ref.pc_any(prios), '{}') ||
                                 jsonb_build_object(sla_ref.pc_any(kinds), sla_ref.pc_amount()));
        END LOOP;
        -- jsonb_set above may have replaced the target under test: put it back
        targets := jsonb_set(targets, ARRAY[prio], coalesce(targets -> prio, '{}') ||
            jsonb_build_object(kind, CASE WHEN tcal <> cal THEN jsonb_build_object('within', amount, 'calendar', tcal)
                                          ELSE to_jsonb(amount) END));
        warn := CASE WHEN random() < 0.3 THEN NULL ELSE sla_ref.pc_any(warns) END;
        esc := ARRAY(SELECT DISTINCT x FROM (SELECT sla_ref.pc_any(thresholds) x FROM generate_series(1, floor(random() * 5)::int)) e ORDER BY x);
        pol := jsonb_build_object('calendar', cal, 'targets', targets)
            || CASE WHEN warn IS NULL THEN '{}' ELSE jsonb_build_object('warn_at', warn) END
            || CASE WHEN cardinality(esc) = 0 AND random() < 0.5 THEN '{}' ELSE jsonb_build_object('escalations', to_jsonb(esc)) END;
        -- now and then ask for a target the policy does not have
        IF random() < 0.02 THEN
            IF random() < 0.5 THEN prio := 'P9'; ELSE
                kind := (SELECT k FROM unnest(kinds) k WHERE NOT (targets -> prio) ? k LIMIT 1);
                kind := coalesce(kind, 'first_response');
                IF (targets -> prio) ? kind THEN prio := 'P9'; END IF;
            END IF;
        END IF;

        -- draw the instants and pauses again (at most 10 times) while the model finds no fixed point
        FOR try IN 1 .. 10 LOOP
            c := ROW(30100 + i, pol::text, prio, kind, amount, tcal, sla_ref.xc_instant(tcal), NULL, NULL, '{}', NULL, NULL);
            due0 := sla_ref.p_due(tcal, amount, c.start, '{}');
            wlo := c.start - interval '1 day';
            whi := due0 + interval '2 days';
            -- instants to put pauses on: the start, the unpaused due, openings and closings in between
            pool := ARRAY[c.start, due0] || ARRAY(
                SELECT sla_ref.ts(b) FROM sla_ref.period p CROSS JOIN LATERAL (VALUES (p.s), (p.e)) v(b)
                WHERE p.cal = tcal AND p.e >= sla_ref.us(wlo) AND p.s <= sla_ref.us(whi)
                  AND b BETWEEN sla_ref.us(wlo) AND sla_ref.us(whi)
                ORDER BY b LIMIT 60);
            ranges := '{}';
            prev := NULL;
            FOR j IN 1 .. floor(random() * 5)::int LOOP
                r := random();
                IF r < 0.25 THEN                -- anywhere, any length
                    lo := wlo + random() * (whi - wlo);
                    hi := lo + sla_ref.pc_length();
                ELSIF r < 0.45 THEN             -- from an opening or closing to another, exactly or 1 us off
                    lo := sla_ref.pc_near(sla_ref.pc_any(pool));
                    hi := sla_ref.pc_near(sla_ref.pc_any(pool));
                ELSIF r < 0.55 AND prev IS NOT NULL AND NOT upper_inf(prev) THEN   -- touching the one before
                    lo := upper(prev);
                    hi := lo + sla_ref.pc_length();
                ELSIF r < 0.65 AND prev IS NOT NULL AND NOT upper_inf(prev) AND NOT lower_inf(prev) THEN   -- overlapping it
                    lo := lower(prev) + (upper(prev) - lower(prev)) / 2;
                    hi := upper(prev) + sla_ref.pc_length();
                ELSIF r < 0.73 THEN             -- without end
                    lo := CASE WHEN random() < 0.5 THEN sla_ref.pc_near(sla_ref.pc_any(pool)) ELSE wlo + random() * (whi - wlo) END;
                    hi := NULL;
                ELSIF r < 0.83 THEN             -- before the start, or ending exactly there
                    hi := c.start - sla_ref.pc_any('{0,00:00:00.000001,01:00:00}'::interval[]);
                    lo := hi - sla_ref.pc_length();
                ELSIF r < 0.88 THEN             -- without beginning
                    lo := NULL;
                    hi := sla_ref.pc_near(sla_ref.pc_any(pool));
                ELSE                            -- from the start or the unpaused due
                    lo := sla_ref.pc_near(CASE WHEN random() < 0.5 THEN c.start ELSE due0 END);
                    hi := lo + sla_ref.pc_length();
                END IF;
                IF lo > hi THEN
                    SELECT hi, lo INTO lo, hi;
                END IF;
                prev := tstzrange(lo, hi, sla_ref.pc_any('{"[)","[]","()","(]"}'::text[]));
                ranges := ranges || prev;
            END LOOP;
            c.pauses := tstzmultirange(VARIADIC ranges);
            due := sla_ref.p_due(tcal, amount, c.start, c.pauses);
            CONTINUE WHEN due IS NULL;
            -- at: anywhere, on the due, at a fraction of the target, on a pause's bound, on an opening or closing
            r := random();
            IF r < 0.2 OR NOT isfinite(due) AND r < 0.4 THEN
                c.at := c.start - interval '1 hour' + random() * (whi - c.start + interval '1 hour');
            ELSIF r < 0.4 THEN
                c.at := sla_ref.pc_near(due);
            ELSIF r < 0.6 THEN
                thr := sla_ref.pc_any(ARRAY[coalesce(warn, 0.75)] || esc || ARRAY[0.75::numeric]);
                big := floor(thr * sla_ref.p_open(tcal, c.start, due0));
                c.at := sla_ref.pc_near(sla.business_add(c.start, big * interval '1 microsecond', tcal));
            ELSIF r < 0.8 AND cardinality(ranges) > 0 THEN
                c.at := sla_ref.pc_near(coalesce((SELECT sla_ref.pc_any(ARRAY[lower(x), upper(x)]) FROM unnest(c.pauses) x
                                                  ORDER BY random() LIMIT 1), c.start));
            ELSE
                c.at := sla_ref.pc_near(sla_ref.pc_any(pool));
            END IF;
            -- done: open (half the time), around at, around the due, anywhere, or before the start
            r := random();
            c.done := CASE WHEN r < 0.5 THEN NULL
                           WHEN r < 0.65 THEN sla_ref.pc_near(c.at)
                           WHEN r < 0.8 AND isfinite(due) THEN sla_ref.pc_near(due)
                           WHEN r < 0.95 THEN wlo + random() * (whi - wlo)
                           ELSE c.start - interval '1 minute' END;
            c.model := sla_ref.pc_model(c);
            EXIT WHEN c.model NOT LIKE '%no fixed point%';
        END LOOP;
        INSERT INTO sla_ref.pc_case SELECT c.*;
    END LOOP;
END $pc$;

-- Engine against model ------------------------------------------------------------------------------
-- The model's own check against the hand-found answers, then every case; an error on either side is a
-- disagreement.
SELECT CASE WHEN model IS NOT DISTINCT FROM expected THEN 'ok' ELSE 'not ok' END
       || ' - policy model, worked example ' || id || ': ' || what || ': '
       || CASE WHEN model IS NOT DISTINCT FROM expected THEN model
               ELSE 'model ' || coalesce(model, 'NULL') || '; expected ' || expected END
FROM sla_ref.pc_worked ORDER BY id;

SELECT CASE WHEN ok THEN 'ok' ELSE 'not ok' END || ' - ' || id || ' policy ' || cal || ' ' || priority || '.' || kind
       || ' ' || amount || ' warn_at ' || coalesce(policy::jsonb ->> 'warn_at', 'default')
       || ' escalations ' || coalesce(policy::jsonb ->> 'escalations', '[]')
       || ' start ' || sla_ref.fmt(start) || ' done ' || coalesce(sla_ref.fmt(done), 'NULL') || ' at ' || sla_ref.fmt(at)
       || ' pauses ' || sla_ref.pc_fmt(pauses) || coalesce(' (' || note || ')', '')
       || CASE WHEN ok THEN ': ' || engine
               ELSE ': engine ' || coalesce(engine, 'NULL') || '; model ' || coalesce(model, 'NULL') || '; policy ' || policy END
FROM (SELECT c.*, e.engine, coalesce(e.engine = c.model AND c.model NOT LIKE 'ERROR%', false) AS ok
      FROM sla_ref.pc_case c CROSS JOIN LATERAL (SELECT sla_ref.pc_engine(c) AS engine) e) x
ORDER BY id;
