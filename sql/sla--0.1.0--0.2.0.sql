/* sql/sla--0.1.0--0.2.0.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION sla UPDATE TO '0.2.0'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- business_interval text I/O reads IntervalStyle (as interval_in and
-- interval_out do), so it is STABLE, not IMMUTABLE.
-- BEGIN business_interval
ALTER FUNCTION @extschema@.business_interval_in(cstring) STABLE;
ALTER FUNCTION @extschema@.business_interval_out(@extschema@.business_interval) STABLE;
COMMENT ON FUNCTION @extschema@.business_interval_in(cstring) IS 'business_interval text input: interval syntax without months or years (reads IntervalStyle, hence STABLE)';
COMMENT ON FUNCTION @extschema@.business_interval_out(@extschema@.business_interval) IS 'business_interval text output, formatted like interval under IntervalStyle (hence STABLE)';
-- END business_interval

-- ---------------------------------------------------------------------------
-- Calendar writers check neighbouring dates at commit, in a deferred
-- constraint trigger under a per-calendar advisory lock, with the newest
-- snapshot; the BEFORE row trigger only checks each row on its own.
-- BEGIN calendars
COMMENT ON FUNCTION @extschema@.calendar_validate_trigger() IS
'BEFORE row trigger of sla.calendar (argument ''calendar'', INSERT OR UPDATE) and sla.calendar_exception (argument ''exception'', INSERT OR UPDATE OR DELETE): checks each row on its own, rejecting unknown time zones (22023), malformed hours (22P02), overlapping ranges within the row (22023), more than 48 ranges a day (54000) and exception dates outside the years 1 to 9999 (22008); neighbouring dates are checked at commit by sla.calendar_check_trigger';

CREATE FUNCTION @extschema@.calendar_check_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'sla_calendar_check_trigger'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.calendar_check_trigger() IS
'Deferred constraint trigger (AFTER row) of sla.calendar (argument ''calendar'', UPDATE) and sla.calendar_exception (argument ''exception'', INSERT OR UPDATE OR DELETE): at commit, under a per-calendar advisory lock and with the newest snapshot, rejects dates whose hours overlap the date before or after (22023), or 40001 when the overlap comes from a change committed after the transaction''s snapshot';

CREATE CONSTRAINT TRIGGER calendar_neighbours
	AFTER UPDATE ON @extschema@.calendar
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.calendar_check_trigger('calendar');
CREATE CONSTRAINT TRIGGER calendar_exception_neighbours
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.calendar_exception
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.calendar_check_trigger('exception');
COMMENT ON TRIGGER calendar_neighbours ON @extschema@.calendar IS
'At commit: new weekly hours must not overlap an exception on the date before or after it';
COMMENT ON TRIGGER calendar_exception_neighbours ON @extschema@.calendar_exception IS
'At commit: the dates a row changed must not overlap the dates before and after them';
-- END calendars

-- ---------------------------------------------------------------------------
-- Policies: targets per priority and kind, deadlines, states, versions
-- BEGIN policies
CREATE TYPE @extschema@.sla_policy;

CREATE FUNCTION @extschema@.sla_policy_in(cstring)
RETURNS @extschema@.sla_policy
AS 'MODULE_PATHNAME', 'sla_policy_in'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_in(cstring) IS
'Text input of sla_policy: JSON, checked (22P02 malformed, 22023 naming the path of a wrong value); STABLE because amounts are read under IntervalStyle';

CREATE FUNCTION @extschema@.sla_policy_out(@extschema@.sla_policy)
RETURNS cstring
AS 'MODULE_PATHNAME', 'sla_policy_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_out(@extschema@.sla_policy) IS
'Text output of sla_policy: canonical JSON (sorted keys, amounts as "N days HH:MM:SS", exact decimals)';

CREATE FUNCTION @extschema@.sla_policy_recv(internal)
RETURNS @extschema@.sla_policy
AS 'MODULE_PATHNAME', 'sla_policy_recv'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_recv(internal) IS
'Binary input of sla_policy: a version byte (1) and the JSON text, checked as text input is';

CREATE FUNCTION @extschema@.sla_policy_send(@extschema@.sla_policy)
RETURNS bytea
AS 'MODULE_PATHNAME', 'sla_policy_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_send(@extschema@.sla_policy) IS
'Binary output of sla_policy: a version byte (1) and the canonical JSON text';

CREATE TYPE @extschema@.sla_policy (
	INPUT = @extschema@.sla_policy_in,
	OUTPUT = @extschema@.sla_policy_out,
	RECEIVE = @extschema@.sla_policy_recv,
	SEND = @extschema@.sla_policy_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.sla_policy IS
'An SLA policy: targets per priority and kind (first_response, next_response, periodic_update, resolution), each a business_interval on the default or its own calendar, a warning threshold warn_at and escalation thresholds; JSON text form';

CREATE FUNCTION @extschema@.sla_policy_eq(@extschema@.sla_policy, @extschema@.sla_policy)
RETURNS boolean
AS 'MODULE_PATHNAME', 'sla_policy_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_eq(@extschema@.sla_policy, @extschema@.sla_policy) IS
'Do two policies have the same canonical form?';

CREATE FUNCTION @extschema@.sla_policy_ne(@extschema@.sla_policy, @extschema@.sla_policy)
RETURNS boolean
AS 'MODULE_PATHNAME', 'sla_policy_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_ne(@extschema@.sla_policy, @extschema@.sla_policy) IS
'Do two policies differ in canonical form?';

CREATE FUNCTION @extschema@.sla_policy_hash(@extschema@.sla_policy)
RETURNS integer
AS 'MODULE_PATHNAME', 'sla_policy_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_hash(@extschema@.sla_policy) IS
'Hash of a policy''s canonical form, for hash joins and GROUP BY';

CREATE FUNCTION @extschema@.sla_policy_hash_extended(@extschema@.sla_policy, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME', 'sla_policy_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_hash_extended(@extschema@.sla_policy, bigint) IS
'Seeded 64-bit hash of a policy''s canonical form';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.sla_policy,
	RIGHTARG = @extschema@.sla_policy,
	FUNCTION = @extschema@.sla_policy_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel,
	HASHES
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.sla_policy, @extschema@.sla_policy) IS
'Same canonical form ("24 hours" and "1 day" differ: business time is not a business day)';

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.sla_policy,
	RIGHTARG = @extschema@.sla_policy,
	FUNCTION = @extschema@.sla_policy_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);

COMMENT ON OPERATOR @extschema@.<> (@extschema@.sla_policy, @extschema@.sla_policy) IS
'Different canonical form';

CREATE OPERATOR CLASS @extschema@.sla_policy_hash_ops
	DEFAULT FOR TYPE @extschema@.sla_policy USING hash AS
	OPERATOR 1 @extschema@.= (@extschema@.sla_policy, @extschema@.sla_policy),
	FUNCTION 1 @extschema@.sla_policy_hash(@extschema@.sla_policy),
	FUNCTION 2 @extschema@.sla_policy_hash_extended(@extschema@.sla_policy, bigint);

CREATE FUNCTION @extschema@.sla_policy_to_jsonb(@extschema@.sla_policy)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'sla_policy_to_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_to_jsonb(@extschema@.sla_policy) IS
'The policy''s canonical JSON as jsonb';

CREATE FUNCTION @extschema@.sla_policy_from_jsonb(jsonb)
RETURNS @extschema@.sla_policy
AS 'MODULE_PATHNAME', 'sla_policy_from_jsonb'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sla_policy_from_jsonb(jsonb) IS
'A policy from jsonb, checked as text input is';

CREATE CAST (@extschema@.sla_policy AS jsonb)
	WITH FUNCTION @extschema@.sla_policy_to_jsonb(@extschema@.sla_policy);
CREATE CAST (jsonb AS @extschema@.sla_policy)
	WITH FUNCTION @extschema@.sla_policy_from_jsonb(jsonb);

CREATE TYPE @extschema@.sla_state AS ENUM ('met', 'running', 'paused', 'at_risk', 'breached');

COMMENT ON TYPE @extschema@.sla_state IS
'State of an SLA target, least to most urgent (max() over a ticket''s targets is its most urgent): met, running, paused, at_risk, breached';

CREATE TABLE @extschema@.policy (
	name text NOT NULL
		CONSTRAINT policy_name_length CHECK (pg_catalog.octet_length(name) OPERATOR(pg_catalog.>=) 1
			AND pg_catalog.octet_length(name) OPERATOR(pg_catalog.<=) 127),
	valid_from timestamptz NOT NULL
		CONSTRAINT policy_valid_from_finite CHECK (valid_from OPERATOR(pg_catalog.<>) 'infinity'),
	policy @extschema@.sla_policy NOT NULL,
	comment text,
	PRIMARY KEY (name, valid_from)
);

COMMENT ON TABLE @extschema@.policy IS
'Named policies with effective-dated versions: a version is in force from its valid_from until the next one''s';
COMMENT ON COLUMN @extschema@.policy.name IS 'Policy name, 1 to 127 bytes, as passed to the policy functions';
COMMENT ON COLUMN @extschema@.policy.valid_from IS 'First instant at which this version is in force (-infinity: always before the next version)';
COMMENT ON COLUMN @extschema@.policy.policy IS 'The policy''s terms; calendar names in it are checked when used';
COMMENT ON COLUMN @extschema@.policy.comment IS 'Free text, e.g. the contract clause';

CREATE TRIGGER policy_invalidate
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.policy
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.calendar_invalidate_trigger();
COMMENT ON FUNCTION @extschema@.calendar_invalidate_trigger() IS
'AFTER statement trigger of every table behind a cache (calendars, named policies): makes every backend reload what it cached from the table after a change';
COMMENT ON TRIGGER policy_invalidate ON @extschema@.policy IS
'Makes every backend reload named policies after a change';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.policy', '');
GRANT SELECT ON @extschema@.policy TO PUBLIC;

-- target
CREATE FUNCTION @extschema@.target(policy @extschema@.sla_policy, priority text, kind text)
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_policy_target'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.target(@extschema@.sla_policy, text, text) IS
'The policy''s target for a priority and kind, or NULL when it has none; 22023 for an unknown kind';

CREATE FUNCTION @extschema@.target(policy text, priority text, kind text, at timestamptz DEFAULT now())
RETURNS @extschema@.business_interval
AS 'MODULE_PATHNAME', 'sla_policy_target_named'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.target(text, text, text, timestamptz) IS
'The target of the version of a named policy in force at at, or NULL; 42704 for an unknown policy';

-- due
CREATE FUNCTION @extschema@.due(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, pauses tstzmultirange DEFAULT '{}')
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'sla_policy_due'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.due(@extschema@.sla_policy, text, text, timestamptz, tstzmultirange) IS
'Due instant of a target started at started_at: business_add of the target, pushed later by the open time the pauses cover before it (until stable); infinity when a pause without end begins before it; NULL without such a target';

CREATE FUNCTION @extschema@.due(policy text, priority text, kind text,
	started_at timestamptz, pauses tstzmultirange DEFAULT '{}')
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'sla_policy_due_named'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.due(text, text, text, timestamptz, tstzmultirange) IS
'sla.due under the version of a named policy in force at started_at';

-- state, remaining, elapsed_fraction, escalation_level (as of at)
CREATE FUNCTION @extschema@.state(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS @extschema@.sla_state
AS 'MODULE_PATHNAME', 'sla_policy_state'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.state(@extschema@.sla_policy, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'State of a target as of at (pauses clipped at at; done_at NULL or after at: open): met, breached, paused, at_risk (elapsed fraction >= warn_at) or running; NULL without such a target or for any other NULL argument';

CREATE FUNCTION @extschema@.state(policy text, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS @extschema@.sla_state
AS 'MODULE_PATHNAME', 'sla_policy_state_named'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.state(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'sla.state under the version of a named policy in force at started_at';

CREATE FUNCTION @extschema@.remaining(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS interval
AS 'MODULE_PATHNAME', 'sla_policy_remaining'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.remaining(@extschema@.sla_policy, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'Open time outside pauses left until the due instant as of at (or at done_at when done); negative past due';

CREATE FUNCTION @extschema@.remaining(policy text, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS interval
AS 'MODULE_PATHNAME', 'sla_policy_remaining_named'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.remaining(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'sla.remaining under the version of a named policy in force at started_at';

CREATE FUNCTION @extschema@.elapsed_fraction(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS float8
AS 'MODULE_PATHNAME', 'sla_policy_elapsed_fraction'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.elapsed_fraction(@extschema@.sla_policy, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'Open time outside pauses from started_at to least(at, done_at), over that from started_at to the due instant, as of at';

CREATE FUNCTION @extschema@.elapsed_fraction(policy text, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS float8
AS 'MODULE_PATHNAME', 'sla_policy_elapsed_fraction_named'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.elapsed_fraction(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'sla.elapsed_fraction under the version of a named policy in force at started_at';

CREATE FUNCTION @extschema@.escalation_level(policy @extschema@.sla_policy, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS integer
AS 'MODULE_PATHNAME', 'sla_policy_escalation_level'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.escalation_level(@extschema@.sla_policy, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'How many escalation thresholds the elapsed fraction has reached as of at (equal counts as reached; compared exactly)';

CREATE FUNCTION @extschema@.escalation_level(policy text, priority text, kind text,
	started_at timestamptz, done_at timestamptz, at timestamptz DEFAULT now(),
	pauses tstzmultirange DEFAULT '{}')
RETURNS integer
AS 'MODULE_PATHNAME', 'sla_policy_escalation_level_named'
LANGUAGE C STABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.escalation_level(text, text, text, timestamptz, timestamptz, timestamptz, tstzmultirange) IS
'sla.escalation_level under the version of a named policy in force at started_at';

CREATE FUNCTION @extschema@.policy_at(name text, at timestamptz)
RETURNS @extschema@.sla_policy
AS 'MODULE_PATHNAME', 'sla_policy_at'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.policy_at(text, timestamptz) IS
'The version of a named policy in force at at; 42704 for an unknown name, 22023 when none is in force yet';

-- pauses: an ordered aggregate over a ticket's status history
CREATE FUNCTION @extschema@.pauses_transfn(internal, timestamptz, text, text[])
RETURNS internal
AS 'MODULE_PATHNAME', 'sla_pauses_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.pauses_transfn(internal, timestamptz, text, text[]) IS
'Transition function of sla.pauses';

CREATE FUNCTION @extschema@.pauses_finalfn(internal)
RETURNS tstzmultirange
AS 'MODULE_PATHNAME', 'sla_pauses_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.pauses_finalfn(internal) IS
'Final function of sla.pauses';

CREATE AGGREGATE @extschema@.pauses(changed_at timestamptz, status text, paused_statuses text[]) (
	SFUNC = @extschema@.pauses_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.pauses_finalfn,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.pauses(timestamptz, text, text[]) IS
'Time spent in paused statuses, from a status history given ORDER BY changed_at, id (22023 when out of order); the last pause open-ended while still paused; rows with a NULL skipped; never partial (order matters)';
-- END policies
-- ICU: lunar calendars (Chinese, Umm al-Qura) with the official corrections,
-- Qingming, locale weekends, and the calendar's locale
-- BEGIN icu
CREATE FUNCTION @extschema@.icu_lunar_dates(calendar_system text, lunar_month integer, lunar_day integer, in_year integer)
RETURNS TABLE (day date, lunar_year integer)
AS 'MODULE_PATHNAME', 'sla_icu_lunar_dates_sql'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 2;

COMMENT ON FUNCTION @extschema@.icu_lunar_dates(text, integer, integer, integer) IS
'ICU''s Gregorian dates in in_year (1900 to 2100) of a lunar month and day of calendar_system ''chinese'' or ''islamic-umalqura'', uncorrected: zero, one or two rows, each with its lunar year (AH year; for chinese, the Gregorian year in which that Chinese year begins). STABLE because another ICU version may answer differently';

CREATE TABLE @extschema@.lunar_correction (
	calendar_system text NOT NULL
		CONSTRAINT lunar_correction_system CHECK (calendar_system OPERATOR(pg_catalog.=) ANY (ARRAY['chinese', 'islamic-umalqura'])),
	region text NOT NULL,
	lunar_year integer NOT NULL,
	month integer NOT NULL
		CONSTRAINT lunar_correction_month CHECK (month OPERATOR(pg_catalog.>=) 1 AND month OPERATOR(pg_catalog.<=) 12),
	first_day date NOT NULL,
	source text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (calendar_system, region, lunar_year, month)
);

COMMENT ON TABLE @extschema@.lunar_correction IS
'Official first days of lunar months where a region''s authority departed from ICU''s calendar (moon sighting, a different criterion); sla.lunar_dates applies them';
COMMENT ON COLUMN @extschema@.lunar_correction.calendar_system IS '''chinese'' or ''islamic-umalqura''';
COMMENT ON COLUMN @extschema@.lunar_correction.region IS 'The region whose authority published the date, as an ISO 3166 code (SA, TR, CN)';
COMMENT ON COLUMN @extschema@.lunar_correction.lunar_year IS 'AH year; for chinese, the Gregorian year in which the Chinese year begins';
COMMENT ON COLUMN @extschema@.lunar_correction.month IS 'Lunar month, 1 to 12';
COMMENT ON COLUMN @extschema@.lunar_correction.first_day IS 'The Gregorian date the authority declared the first day of that month';
COMMENT ON COLUMN @extschema@.lunar_correction.source IS 'Where the official date was published';
COMMENT ON COLUMN @extschema@.lunar_correction.shipped IS 'True for rows shipped with the extension (not dumped); rows users add are dumped';

INSERT INTO @extschema@.lunar_correction (calendar_system, region, lunar_year, month, first_day, source, shipped) VALUES
('islamic-umalqura', 'SA', 1425, 12, '2005-01-11', 'Supreme Judiciary Council statement (Saudi Press Agency, January 2005): Arafat on 2005-01-19, Eid al-Adha on 2005-01-20; ICU: 2005-01-21', true),
('islamic-umalqura', 'SA', 1427, 12, '2006-12-21', 'Supreme Judicial Council announcement of Hajj 1427 (Royal Embassy of Saudi Arabia, news 2006): Arafat on 2006-12-29, Eid al-Adha on 2006-12-30; ICU: 2006-12-31', true),
('islamic-umalqura', 'SA', 1428, 12, '2007-12-10', 'High Judiciary Council announcement of Dhu al-Hijjah 1428 (December 2007): Arafat on 2007-12-18, Eid al-Adha on 2007-12-19; ICU: 2007-12-20', true),
('islamic-umalqura', 'SA', 1436, 12, '2015-09-15', 'Supreme Court announcement (Saudi Press Agency, 2015-09-13): 1 Dhu al-Hijjah 1436 on 2015-09-15, Eid al-Adha on 2015-09-24, a day after the Umm al-Qura calendar; ICU: 2015-09-23', true),
('islamic-umalqura', 'SA', 1437, 12, '2016-09-03', 'Supreme Court announcement (Saudi Press Agency, 2016-09-02): Arafat on 2016-09-11, Eid al-Adha on 2016-09-12; ICU: 2016-09-11', true),
('islamic-umalqura', 'TR', 1436, 12, '2015-09-15', 'Diyanet İşleri Başkanlığı, 2015 Dini Günler Takvimi: Kurban Bayramı 1st day 2015-09-24; ICU: 2015-09-23', true),
('islamic-umalqura', 'TR', 1437, 10, '2016-07-05', 'Diyanet İşleri Başkanlığı, 2016 Dini Günler Takvimi: 1 Şevval 1437 = 2016-07-05 (Ramazan Bayramı); ICU: 2016-07-06', true),
('islamic-umalqura', 'TR', 1437, 12, '2016-09-03', 'Diyanet İşleri Başkanlığı, 2016 Dini Günler Takvimi: 1 Zilhicce 1437 = 2016-09-03, Kurban Bayramı 1st day 2016-09-12; ICU: 2016-09-11', true);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.lunar_correction', 'WHERE NOT shipped');
GRANT SELECT ON @extschema@.lunar_correction TO PUBLIC;

CREATE FUNCTION @extschema@.lunar_dates(calendar_system text, lunar_month integer, lunar_day integer, in_year integer, region text)
RETURNS SETOF date
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 2
SET search_path = pg_catalog, pg_temp
AS $$
SELECT DISTINCT s.d FROM (
	SELECT COALESCE(c.first_day OPERATOR(pg_catalog.+) ($3 OPERATOR(pg_catalog.-) 1), i.day) AS d
	FROM pg_catalog.generate_series($4 OPERATOR(pg_catalog.-) 1, $4 OPERATOR(pg_catalog.+) 1) AS y
	CROSS JOIN LATERAL @extschema@.icu_lunar_dates($1, $2, $3,
		CASE WHEN y OPERATOR(pg_catalog.>=) 1900 AND y OPERATOR(pg_catalog.<=) 2100 THEN y ELSE $4 END) AS i
	LEFT JOIN @extschema@.lunar_correction AS c
		ON c.calendar_system OPERATOR(pg_catalog.=) $1 AND c.region OPERATOR(pg_catalog.=) $5
		AND c.lunar_year OPERATOR(pg_catalog.=) i.lunar_year AND c.month OPERATOR(pg_catalog.=) $2
) AS s
WHERE s.d OPERATOR(pg_catalog.>=) pg_catalog.make_date($4, 1, 1)
	AND s.d OPERATOR(pg_catalog.<=) pg_catalog.make_date($4, 12, 31)
ORDER BY s.d
$$;

COMMENT ON FUNCTION @extschema@.lunar_dates(text, integer, integer, integer, text) IS
'Gregorian dates in in_year of a lunar month and day (''chinese'' or ''islamic-umalqura''), as the authority of region publishes them: ICU''s dates, with the months listed in sla.lunar_correction for that region moved to their official first day. Zero, one or two dates';

CREATE FUNCTION @extschema@.qingming_date(in_year integer)
RETURNS date
AS 'MODULE_PATHNAME', 'sla_qingming_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.qingming_date(integer) IS
'Date of the Qingming solar term (the sun at 15 degrees of apparent longitude, China Standard Time) in in_year, 1900 to 2100; computed astronomically, with no ICU or table, hence IMMUTABLE';

CREATE FUNCTION @extschema@.locale_weekend(locale text)
RETURNS text
AS 'MODULE_PATHNAME', 'sla_locale_weekend'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.locale_weekend(text) IS
'Weekend days of a locale from ICU''s week data, as days of the hours grammar (''sat-sun'', ''fri-sat'', ''sun''); 22023 for a locale whose language ICU has no data for or whose region it does not know. STABLE because ICU''s data can change';

ALTER TABLE @extschema@.calendar ADD COLUMN locale text NOT NULL DEFAULT 'en_US';
COMMENT ON COLUMN @extschema@.calendar.locale IS
'ICU locale of the calendar (e.g. de_DE, ar_SA); ''weekdays'' in its hours means the days outside this locale''s weekend (see sla.locale_weekend)';
COMMENT ON COLUMN @extschema@.calendar.hours IS 'Weekly hours, e.g. ''mon-fri 09:00-17:00; sat 10:00-14:00'', ''mon-fri 08:00-12:00,13:00-17:00'', ''sun-thu 22:00-06:00'', ''weekdays 09:00-17:00'' (the days outside the weekend of the calendar''s locale), ''24/7'' or ''closed''';
COMMENT ON FUNCTION @extschema@.calendar_validate_trigger() IS
'BEFORE row trigger of sla.calendar (argument ''calendar'', INSERT OR UPDATE) and sla.calendar_exception (argument ''exception'', INSERT OR UPDATE OR DELETE): checks each row on its own, rejecting unknown time zones and locales (22023), malformed hours (22P02; ''weekdays'' in exception hours too), overlapping ranges within the row (22023), more than 48 ranges a day (54000) and exception dates outside the years 1 to 9999 (22008); neighbouring dates are checked at commit by sla.calendar_check_trigger';
-- END icu

-- ---------------------------------------------------------------------------
-- Tracking: SLAs kept on the application's own tables, the sweep, events
-- BEGIN tracking
CREATE TABLE @extschema@.tracked (
	tbl regclass PRIMARY KEY,
	policy text NOT NULL,
	columns jsonb NOT NULL
);

COMMENT ON TABLE @extschema@.tracked IS
'Tables whose SLAs a trigger keeps (written by sla.track and sla.untrack; the trigger carries a copy of the row)';
COMMENT ON COLUMN @extschema@.tracked.tbl IS 'The tracked table';
COMMENT ON COLUMN @extschema@.tracked.policy IS 'The named policy of rows whose policy column is null or unmapped';
COMMENT ON COLUMN @extschema@.tracked.columns IS 'The mapping as sla.track completed it: every key sla.track knows that is mapped, result columns included';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.tracked', '');
GRANT SELECT ON @extschema@.tracked TO PUBLIC;

CREATE SEQUENCE @extschema@.event_id_seq;

COMMENT ON SEQUENCE @extschema@.event_id_seq IS 'Ids of sla.event';

CREATE TABLE @extschema@.event (
	id bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.event_id_seq'),
	tbl regclass NOT NULL,
	row_key jsonb NOT NULL,
	kind text NOT NULL,
	event @extschema@.sla_state NOT NULL
		CONSTRAINT event_is_transition CHECK (event OPERATOR(pg_catalog.=) ANY ('{at_risk,breached}')),
	at timestamptz NOT NULL,
	detail jsonb
);

ALTER SEQUENCE @extschema@.event_id_seq OWNED BY @extschema@.event.id;

COMMENT ON TABLE @extschema@.event IS
'One row per transition of a tracked row''s target (at_risk at the warn_at crossing, breached at the due), written by the tracking trigger and the sweep, each also notified on channel sla_events';
COMMENT ON COLUMN @extschema@.event.id IS 'Increasing id, also in the notification';
COMMENT ON COLUMN @extschema@.event.tbl IS 'The tracked table';
COMMENT ON COLUMN @extschema@.event.row_key IS 'The row''s primary key as a JSON object (integers as numbers, other types as their text)';
COMMENT ON COLUMN @extschema@.event.kind IS 'The target kind: first_response or resolution';
COMMENT ON COLUMN @extschema@.event.event IS 'The state entered: at_risk or breached';
COMMENT ON COLUMN @extschema@.event.at IS 'When it happened: the warn_at crossing or the due instant, not when it was noticed';
COMMENT ON COLUMN @extschema@.event.detail IS 'due, warn, policy, priority, customer (when mapped) and source (write or sweep)';

CREATE INDEX event_tbl_row_key ON @extschema@.event (tbl, row_key);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.event', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_id_seq', '');

CREATE FUNCTION @extschema@.track_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'sla_track_trigger'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.track_trigger() IS
'BEFORE INSERT OR UPDATE row trigger created by sla.track (arguments: the default policy and the mapping as JSON): computes due instants, state, pauses and the next check from the row and the policy version in force at its start, and writes an event per threshold crossed';

CREATE FUNCTION @extschema@.track(tbl regclass, policy text, columns jsonb)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	inputs constant text[] := '{priority,opened_at,first_response_at,resolved_at,status,status_changed_at,customer,policy}';
	result_keys constant text[] := '{first_response_due,resolution_due,state,breached_at,paused,targets,next_check}';
	results constant jsonb := '{"first_response_due": "sla_first_response_due", "resolution_due": "sla_resolution_due",
		"state": "sla_state", "breached_at": "sla_breached_at", "paused": "sla_paused",
		"targets": "sla_targets", "next_check": "sla_next_check"}';
	result_types constant jsonb := '{"first_response_due": "timestamp with time zone",
		"resolution_due": "timestamp with time zone", "state": "@extschema@.sla_state",
		"breached_at": "timestamp with time zone", "paused": "tstzmultirange", "targets": "jsonb",
		"next_check": "timestamp with time zone"}';
	mapping jsonb := '{}';
	key text;
	col text;
	coltype regtype;
	used text[] := '{}';
	added boolean := false;
	nc_attnum int2;
BEGIN
	IF columns IS NULL OR jsonb_typeof(columns) OPERATOR(pg_catalog.<>) 'object' THEN
		RAISE EXCEPTION 'columns must be a JSON object mapping keys to column names'
			USING ERRCODE = '22023';
	END IF;
	FOR key IN SELECT jsonb_object_keys(columns) LOOP
		IF NOT (key OPERATOR(pg_catalog.=) ANY (inputs) OR results ? key OR key OPERATOR(pg_catalog.=) 'paused_statuses') THEN
			RAISE EXCEPTION 'unknown key "%" in the columns of sla.track', key
				USING ERRCODE = '22023',
					  HINT = 'The keys are: ' || array_to_string(inputs || '{paused_statuses}'::text[]
						|| result_keys, ', ') || '.';
		END IF;
		IF key OPERATOR(pg_catalog.<>) 'paused_statuses' AND jsonb_typeof(columns -> key) OPERATOR(pg_catalog.<>) 'string' THEN
			RAISE EXCEPTION 'column name of "%" must be a JSON string', key USING ERRCODE = '22023';
		END IF;
	END LOOP;
	IF NOT EXISTS (SELECT FROM pg_class WHERE oid OPERATOR(pg_catalog.=) tbl AND relkind OPERATOR(pg_catalog.=) ANY ('{r,p}')) THEN
		RAISE EXCEPTION '"%" is not a table', tbl USING ERRCODE = '42809';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_index WHERE indrelid OPERATOR(pg_catalog.=) tbl AND indisprimary) THEN
		RAISE EXCEPTION 'table "%" has no primary key', tbl
			USING ERRCODE = '42P16', DETAIL = 'SLA tracking names a row by its primary key.';
	END IF;
	IF policy IS NULL OR NOT EXISTS (SELECT FROM @extschema@.policy p WHERE p.name OPERATOR(pg_catalog.=) track.policy) THEN
		RAISE EXCEPTION 'policy "%" does not exist', policy
			USING ERRCODE = '42704', HINT = 'Named policies are rows of sla.policy.';
	END IF;
	IF NOT (columns ? 'priority' AND columns ? 'opened_at') THEN
		RAISE EXCEPTION 'columns must map "priority" and "opened_at"' USING ERRCODE = '22023';
	END IF;
	IF NOT (columns ? 'first_response_at' OR columns ? 'resolved_at') THEN
		RAISE EXCEPTION 'columns must map "first_response_at" or "resolved_at" (or both)'
			USING ERRCODE = '22023', DETAIL = 'A target is tracked when the column of its done instant is mapped.';
	END IF;
	IF (columns ? 'status') OPERATOR(pg_catalog.<>) (columns ? 'paused_statuses') THEN
		RAISE EXCEPTION '"status" and "paused_statuses" must be mapped together' USING ERRCODE = '22023';
	END IF;
	IF columns ? 'status_changed_at' AND NOT columns ? 'status' THEN
		RAISE EXCEPTION '"status_changed_at" needs "status"' USING ERRCODE = '22023';
	END IF;
	IF columns ? 'paused_statuses' THEN
		IF jsonb_typeof(columns -> 'paused_statuses') OPERATOR(pg_catalog.<>) 'array'
		   OR EXISTS (SELECT FROM jsonb_array_elements(columns -> 'paused_statuses') e
					  WHERE jsonb_typeof(e) OPERATOR(pg_catalog.<>) 'string') THEN
			RAISE EXCEPTION '"paused_statuses" must be a JSON array of strings' USING ERRCODE = '22023';
		END IF;
		mapping := jsonb_set(mapping, '{paused_statuses}', columns -> 'paused_statuses');
	END IF;

	-- the inputs: columns that exist, timestamps of type timestamptz
	FOREACH key IN ARRAY inputs LOOP
		CONTINUE WHEN NOT columns ? key;
		col := columns ->> key;
		SELECT atttypid INTO coltype FROM pg_attribute
		WHERE attrelid OPERATOR(pg_catalog.=) tbl AND attname OPERATOR(pg_catalog.=) col
		  AND attnum OPERATOR(pg_catalog.>) 0 AND NOT attisdropped;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'column "%" of relation "%" does not exist', col, tbl
				USING ERRCODE = '42703', DETAIL = format('It is mapped as "%s".', key);
		END IF;
		IF (key OPERATOR(pg_catalog.~~) '%\_at' AND coltype OPERATOR(pg_catalog.<>) 'timestamptz'::regtype)
		   OR (key OPERATOR(pg_catalog.=) 'policy' AND coltype OPERATOR(pg_catalog.<>) ALL ('{text,varchar}'::regtype[])) THEN
			RAISE EXCEPTION 'column "%" of relation "%" has type %', col, tbl, coltype
				USING ERRCODE = '42804',
					  DETAIL = format('"%s" must be a column of type %s.', key,
									  CASE key WHEN 'policy' THEN 'text' ELSE 'timestamp with time zone' END);
		END IF;
		mapping := jsonb_set(mapping, ARRAY[key], to_jsonb(col));
		used := used || col;
	END LOOP;

	-- the results: existing columns of the right type, or new ones
	FOREACH key IN ARRAY result_keys LOOP
		col := coalesce(columns ->> key, results ->> key);
		IF col OPERATOR(pg_catalog.=) ANY (used) THEN
			RAISE EXCEPTION 'column "%" is mapped twice', col
				USING ERRCODE = '22023', DETAIL = format('"%s" must be a column of its own.', key);
		END IF;
		used := used || col;
		SELECT atttypid INTO coltype FROM pg_attribute
		WHERE attrelid OPERATOR(pg_catalog.=) tbl AND attname OPERATOR(pg_catalog.=) col
		  AND attnum OPERATOR(pg_catalog.>) 0 AND NOT attisdropped;
		IF FOUND AND coltype OPERATOR(pg_catalog.<>) (result_types ->> key)::regtype THEN
			RAISE EXCEPTION 'column "%" of relation "%" has type %', col, tbl, coltype
				USING ERRCODE = '42804',
					  DETAIL = format('"%s" must be a column of type %s.', key, (result_types ->> key)::regtype);
		END IF;
		mapping := jsonb_set(mapping, ARRAY[key], to_jsonb(col));
	END LOOP;

	-- from here on the table changes
	FOREACH key IN ARRAY result_keys LOOP
		col := mapping ->> key;
		IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid OPERATOR(pg_catalog.=) tbl
					   AND attname OPERATOR(pg_catalog.=) col AND NOT attisdropped) THEN
			IF key OPERATOR(pg_catalog.=) 'next_check' THEN
				-- every row is stale: the next sweeps judge them (no rewrite, no trigger)
				EXECUTE format('ALTER TABLE %s ADD COLUMN %I timestamptz DEFAULT ''-infinity''', tbl, col);
				EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', tbl, col);
				added := true;
			ELSE
				EXECUTE format('ALTER TABLE %s ADD COLUMN %I %s', tbl, col, (result_types ->> key)::regtype);
			END IF;
		END IF;
	END LOOP;
	SELECT attnum INTO nc_attnum FROM pg_attribute
	WHERE attrelid OPERATOR(pg_catalog.=) tbl AND attname OPERATOR(pg_catalog.=) (mapping ->> 'next_check');
	IF NOT EXISTS (SELECT FROM pg_index WHERE indrelid OPERATOR(pg_catalog.=) tbl AND indnatts OPERATOR(pg_catalog.=) 1
				   AND indkey[0] OPERATOR(pg_catalog.=) nc_attnum AND indpred IS NOT NULL) THEN
		EXECUTE format('CREATE INDEX ON %s (%I) WHERE %I IS NOT NULL', tbl,
					   mapping ->> 'next_check', mapping ->> 'next_check');
	END IF;
	IF EXISTS (SELECT FROM pg_trigger WHERE tgrelid OPERATOR(pg_catalog.=) tbl AND tgname OPERATOR(pg_catalog.=) 'sla_track') THEN
		EXECUTE format('DROP TRIGGER sla_track ON %s', tbl);
	END IF;
	EXECUTE format('CREATE TRIGGER sla_track BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION @extschema@.track_trigger(%L, %L)',
				   tbl, policy, mapping::text);
	INSERT INTO @extschema@.tracked AS t (tbl, policy, columns) VALUES (tbl, policy, mapping)
	ON CONFLICT ON CONSTRAINT tracked_pkey DO UPDATE SET policy = excluded.policy, columns = excluded.columns;
	IF NOT added THEN
		-- tracked before, perhaps with other terms: every row is stale
		EXECUTE format('UPDATE %s SET %I = ''-infinity''', tbl, mapping ->> 'next_check');
	END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.track(regclass, text, jsonb) IS
'Keeps SLAs on a table: checks the mapping (42703 missing column, 42804 wrong type, 42704 unknown policy, 42P16 no primary key, 22023 bad key), adds the missing result columns and the partial index of open rows by next check, creates the trigger, records the table in sla.tracked and leaves every existing row for the next sweeps';

CREATE FUNCTION @extschema@.untrack(tbl regclass, drop_columns boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mapping jsonb;
	key text;
BEGIN
	DELETE FROM @extschema@.tracked t WHERE t.tbl OPERATOR(pg_catalog.=) untrack.tbl RETURNING t.columns INTO mapping;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'table "%" is not tracked', tbl USING ERRCODE = '42704';
	END IF;
	IF EXISTS (SELECT FROM pg_trigger WHERE tgrelid OPERATOR(pg_catalog.=) tbl AND tgname OPERATOR(pg_catalog.=) 'sla_track') THEN
		EXECUTE format('DROP TRIGGER sla_track ON %s', tbl);
	END IF;
	IF drop_columns THEN
		FOREACH key IN ARRAY '{first_response_due,resolution_due,state,breached_at,paused,targets,next_check}'::text[] LOOP
			IF EXISTS (SELECT FROM pg_attribute WHERE attrelid OPERATOR(pg_catalog.=) tbl
					   AND attname OPERATOR(pg_catalog.=) (mapping ->> key) AND NOT attisdropped) THEN
				EXECUTE format('ALTER TABLE %s DROP COLUMN %I', tbl, mapping ->> key);
			END IF;
		END LOOP;
	END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.untrack(regclass, boolean) IS
'Stops keeping SLAs on a table: drops its trigger and its row of sla.tracked, and with drop_columns its result columns (and so their index); its events stay';

CREATE FUNCTION @extschema@.sweep(max_rows integer DEFAULT 10000, at timestamptz DEFAULT now())
RETURNS integer
AS 'MODULE_PATHNAME', 'sla_sweep'
LANGUAGE C STRICT VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION @extschema@.sweep(integer, timestamptz) IS
'Judges as of at the tracked rows whose next threshold (warn_at crossing or due) has passed, at most max_rows, skipping rows other transactions hold; writes their events; returns the number of rows whose state changed';
-- END tracking
