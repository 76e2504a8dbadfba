-- BEGIN sla_ref policy model
-- A deliberately plain model of the policy functions (sla.due, state, remaining, elapsed_fraction,
-- escalation_level), written from the rules of docs/policies.md and nothing else.  It reads the
-- policy from its JSON text with jsonb operators and asks the engine only two questions,
-- sla.business_add and sla.business_elapsed (the engine itself is checked against model.sql).  The
-- due instant is found by literal fixed-point iteration, not by walking the pauses: it shares no
-- code or algorithm with src/deadline.c.  Obviously right, not fast.  Needs the schema sla_ref
-- (model.sql).  Instants as timestamptz, amounts of open time as bigint microseconds.

-- The microseconds of an interval that has no months and no days (business_elapsed's answers).
CREATE FUNCTION sla_ref.p_us(x interval) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT
    RETURN (extract(epoch FROM x) * 1000000)::bigint;

-- The target of policy p for priority and kind: its amount (text as written in the policy) and its
-- calendar (its own, else the policy's); no row when the policy has none.
CREATE FUNCTION sla_ref.p_target(p jsonb, priority text, kind text, OUT amount text, OUT cal text)
RETURNS SETOF record LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(t) WHEN 'string' THEN t #>> '{}' ELSE t ->> 'within' END,
           coalesce(CASE jsonb_typeof(t) WHEN 'object' THEN t ->> 'calendar' END, p ->> 'calendar')
    FROM (SELECT p -> 'targets' -> priority -> kind AS t) x
    WHERE t IS NOT NULL
$$;

-- Open time of calendar cal in [a, b): 0 when b <= a.
CREATE FUNCTION sla_ref.p_open(cal text, a timestamptz, b timestamptz) RETURNS bigint LANGUAGE sql STABLE
    RETURN CASE WHEN b <= a THEN 0 ELSE sla_ref.p_us(sla.business_elapsed(a, b, cal)::interval) END;

-- Open time of calendar cal covered by the pauses within [a, b): each range of the multirange (whose
-- ranges never overlap or touch) cut to [a, b) and measured; an unbounded side is no cut.
CREATE FUNCTION sla_ref.p_paused(cal text, pauses tstzmultirange, a timestamptz, b timestamptz)
RETURNS bigint LANGUAGE sql STABLE RETURN
    (SELECT coalesce(sum(sla_ref.p_open(cal, greatest(lower(r), a), least(upper(r), b))), 0)
     FROM unnest(pauses) r);

-- Open time outside the pauses in [a, b).
CREATE FUNCTION sla_ref.p_outside(cal text, pauses tstzmultirange, a timestamptz, b timestamptz)
RETURNS bigint LANGUAGE sql STABLE RETURN
    sla_ref.p_open(cal, a, b) - sla_ref.p_paused(cal, pauses, a, b);

-- The due instant, word for word: due0 = business_add(start, target); then
-- due := business_add(due0, open time of the pauses in [start, due)) until it no longer changes;
-- infinity as soon as a pause without end begins before the due.  Each round moves the due by the open
-- time the last move brought under pauses, so a pause that covers the due and is many times longer than
-- the target takes many rounds: after 1000 rounds the model gives up and answers NULL (the case
-- generator then draws again).
CREATE FUNCTION sla_ref.p_due(cal text, amount text, start timestamptz, pauses tstzmultirange)
RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
DECLARE
    due0 timestamptz := sla.business_add(start, amount::sla.business_interval, cal);
    due timestamptz := due0;
    next timestamptz;
BEGIN
    FOR round IN 1 .. 1000 LOOP
        IF EXISTS (SELECT FROM unnest(pauses) r WHERE upper_inf(r) AND (lower_inf(r) OR lower(r) < due)) THEN
            RETURN 'infinity';
        END IF;
        next := sla.business_add(due0, (sla_ref.p_paused(cal, pauses, start, due) * interval '1 microsecond')::sla.business_interval, cal);
        IF next = due THEN
            RETURN due;
        END IF;
        due := next;
    END LOOP;
    RETURN NULL;
END $$;

-- A reading as of at (done NULL: open): the pauses clipped at at (a pause still open ends at at, one
-- that begins later is dropped), done_at after at counted as not done; the due instant with those
-- pauses; used = open time outside them in [start, least(at, done)); total = the same up to the due.
CREATE TYPE sla_ref.p_reading AS (due timestamptz, done boolean, used bigint, total bigint);
CREATE FUNCTION sla_ref.p_read(cal text, amount text, start timestamptz, done timestamptz, at timestamptz,
                               pauses tstzmultirange) RETURNS sla_ref.p_reading LANGUAGE plpgsql STABLE AS $$
DECLARE
    clipped tstzmultirange := pauses * tstzmultirange(tstzrange(NULL, at, '()'));
    r sla_ref.p_reading;
BEGIN
    r.done := done IS NOT NULL AND done <= at;
    r.due := sla_ref.p_due(cal, amount, start, clipped);
    IF r.due IS NULL THEN
        RAISE EXCEPTION 'model: no fixed point within 1000 rounds';
    END IF;
    r.used := sla_ref.p_outside(cal, clipped, start, CASE WHEN r.done THEN done ELSE at END);
    r.total := sla_ref.p_outside(cal, clipped, start, r.due);
    RETURN r;
END $$;

-- The due instant of one call, as sla.due gives it (NULL without such a target).
CREATE FUNCTION sla_ref.p_due(p jsonb, priority text, kind text, start timestamptz, pauses tstzmultirange)
RETURNS timestamptz LANGUAGE sql STABLE RETURN
    (SELECT sla_ref.p_due(t.cal, t.amount, start, pauses) FROM sla_ref.p_target(p, priority, kind) t);

-- The as-of answers of one call, as sla.state, remaining (in microseconds), elapsed_fraction and
-- escalation_level give them; no row without such a target.
CREATE FUNCTION sla_ref.p_as_of(p jsonb, priority text, kind text, start timestamptz, done timestamptz,
                                at timestamptz, pauses tstzmultirange,
                                OUT state text, OUT remaining bigint, OUT fraction float8, OUT level int)
RETURNS SETOF record LANGUAGE plpgsql STABLE AS $$
DECLARE
    t record := (SELECT x FROM sla_ref.p_target(p, priority, kind) x);
    r sla_ref.p_reading;
BEGIN
    IF t IS NULL THEN RETURN; END IF;
    r := sla_ref.p_read(t.cal, t.amount, start, done, at, pauses);
    state := CASE
        WHEN r.done AND done <= r.due THEN 'met'
        WHEN r.done THEN 'breached'
        WHEN at >= r.due THEN 'breached'
        WHEN pauses @> at THEN 'paused'                    -- the pauses as given, not clipped
        WHEN r.used::numeric >= coalesce((p ->> 'warn_at')::numeric, 0.75) * r.total THEN 'at_risk'
        ELSE 'running' END;
    remaining := r.total - r.used;
    fraction := r.used::float8 / r.total::float8;
    -- a threshold is reached when used / total >= it, decided exactly
    level := (SELECT count(*) FROM jsonb_array_elements_text(coalesce(p -> 'escalations', '[]')) e
              WHERE r.used::numeric >= e::numeric * r.total);
    RETURN NEXT;
END $$;
-- END sla_ref policy model
