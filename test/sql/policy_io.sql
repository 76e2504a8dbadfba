-- sla.sla_policy as a value: JSON text in and canonical text out, jsonb
-- casts, binary send/recv, equality and hashing, and every bad input with
-- its SQLSTATE.  No calendar is read here: calendar names in a policy are
-- checked when used, so none of the names below needs to exist.
SET IntervalStyle = postgres;

-- SQLSTATE, message, detail and hint of a failing statement ('ok' if none).
CREATE FUNCTION pg_temp.fail(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	st text;
	msg text;
	det text;
	hin text;
BEGIN
	EXECUTE query;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		det = PG_EXCEPTION_DETAIL, hin = PG_EXCEPTION_HINT;
	RETURN st || ': ' || msg
		|| CASE WHEN det <> '' THEN ' | DETAIL: ' || det ELSE '' END
		|| CASE WHEN hin <> '' THEN ' | HINT: ' || hin ELSE '' END;
END
$$;
-- the error of JSON text read as a policy
CREATE FUNCTION pg_temp.bad(doc text) RETURNS text
LANGUAGE sql AS $$ SELECT pg_temp.fail(format('SELECT %L::sla.sla_policy', doc)) $$;

-- ---------------------------------------------------------------------------
-- The issue's example, and its canonical form: keys sorted, amounts as
-- "HH:MM:SS" or "N day(s)" or both, a calendar per target only where it differs
-- from the default, every optional key written out.
SELECT '{"calendar":"support_nl","warn_at":0.8,"escalations":[0.5,1.0],"targets":{"P1":{"first_response":"15 minutes","resolution":{"within":"4 hours","calendar":"24x7"}},"P2":{"first_response":"1 hour","resolution":"1 day"}}}'::sla.sla_policy;
-- defaults: warn_at 0.75, no escalations
SELECT '{"targets":{"P1":{"resolution":{"within":"4 hours","calendar":"c"}}}}'::sla.sla_policy;
-- an empty policy is a value too (every target NULL)
SELECT '{"calendar":"c","targets":{}}'::sla.sla_policy;
-- targets sort by priority, bytewise ("P10" < "P2" < "a" < "p1"), kinds in
-- their fixed order; a target calendar equal to the default is dropped, one
-- that differs is kept; whitespace does not matter
SELECT $${ "targets" : { "p1" : {"resolution":"1 day"}, "a":{"resolution":"1 day"},
	"P2": { "resolution" : "2 days", "periodic_update":"3 hours", "next_response":"45 minutes", "first_response":"1 hour" },
	"P10": {"first_response": {"calendar": "c", "within": "10 minutes"}, "resolution": {"calendar": "24x7", "within": "8 hours"}} },
	"calendar" : "c" }$$::sla.sla_policy;
-- without a default calendar, every target keeps its own
SELECT '{"targets":{"P1":{"first_response":{"within":"1 hour","calendar":"c"},"resolution":{"within":"1 hour","calendar":"c"}}}}'::sla.sla_policy;

-- amounts: one fixed form, whatever the input spelling
SELECT amount, format('{"calendar":"c","targets":{"P1":{"resolution":%s}}}',
					  to_json(amount))::sla.sla_policy::jsonb #>> '{targets,P1,resolution}' AS canonical
FROM (VALUES ('15 minutes'), ('PT15M'), ('900 seconds'), ('1 hour'), ('60 minutes'),
			 ('24 hours'), ('1 day'), ('2 days'), ('1 day 4 hours'), ('1 day 04:00'),
			 ('P1DT4H'), ('100 hours'), ('1 microsecond'), ('1.5 seconds'),
			 ('00:00:00.000010'), ('1 week'), ('2147483647 days'),
			 ('2562047788:00:54.775807'), ('3 days 00:00:00.5')) AS v(amount);

-- fractions: exact, shortest decimal, any JSON spelling
SELECT doc::sla.sla_policy::jsonb - 'targets' AS canonical
FROM (VALUES ('{"warn_at":0.8,"escalations":[0.25,0.5,1.0],"targets":{}}'),
			 ('{"warn_at":0.80,"escalations":[2.5e-1,5E-1,1],"targets":{}}'),
			 ('{"warn_at":1,"escalations":[0.000000001,1000],"targets":{}}'),
			 ('{"warn_at":1.000000000,"escalations":[1e3],"targets":{}}'),
			 ('{"warn_at":0.123456789,"escalations":[0.123456789,999.999999999],"targets":{}}'),
			 -- trailing zeros beyond the ninth place are not extra precision
			 ('{"warn_at":0.7500000000,"escalations":[],"targets":{}}'),
			 ('{"warn_at":0.000000001,"targets":{}}')) AS v(doc);

-- ---------------------------------------------------------------------------
-- Round trips: text -> policy -> text is stable (the canonical text reads
-- back to itself), and text -> policy -> jsonb -> policy gives the same value
CREATE TEMP TABLE pio_docs (id serial, doc text);
INSERT INTO pio_docs (doc) VALUES
	('{"calendar":"support_nl","warn_at":0.8,"escalations":[0.5,1.0],"targets":{"P1":{"first_response":"15 minutes","resolution":{"within":"4 hours","calendar":"24x7"}},"P2":{"first_response":"1 hour","resolution":"1 day"}}}'),
	('{"targets":{"P1":{"resolution":{"within":"4 hours","calendar":"c"}}}}'),
	('{"calendar":"c","targets":{}}'),
	('{"targets":{}}'),
	('{"calendar":"c","warn_at":1,"escalations":[0.000000001,1000],"targets":{"x":{"first_response":"1 day 04:00:00.000001"}}}'),
	('{"calendar":"c","targets":{"P1":{"resolution":{"within":"1 day","calendar":"c"}}}}'),
	('{"calendar":"a \"quoted\" name\\/ é ✓","targets":{"\u00e9\t\"":{"resolution":{"within":"1 hour","calendar":"\\\\"}}}}'),
	('{"calendar":"c","targets":{"P1":{"first_response":"2147483647 days 2562047788:00:54.775807"}}}');
SELECT id, doc::sla.sla_policy AS canonical,
	doc::sla.sla_policy::text::sla.sla_policy::text = doc::sla.sla_policy::text AS text_stable,
	doc::sla.sla_policy::jsonb::sla.sla_policy OPERATOR(sla.=) doc::sla.sla_policy AS jsonb_round_trip,
	doc::sla.sla_policy::jsonb = doc::sla.sla_policy::text::jsonb AS jsonb_is_the_text
FROM pio_docs ORDER BY id;
-- jsonb to policy directly, and a jsonb path into a policy
SELECT '{"targets":{"P1":{"resolution":"4 hours"}},"calendar":"c"}'::jsonb::sla.sla_policy;
SELECT ('{"calendar":"c","targets":{"P1":{"resolution":"4 hours"}}}'::sla.sla_policy::jsonb) -> 'targets' -> 'P1' ->> 'resolution' AS resolution;

-- the output is the same under every IntervalStyle, and input is read alike
-- (for the positive amounts a target has)
CREATE TEMP TABLE pio_styles (style text, out text, reread boolean);
SET IntervalStyle = postgres_verbose;
INSERT INTO pio_styles SELECT 'postgres_verbose', p::text, p::text::sla.sla_policy OPERATOR(sla.=) p
	FROM (SELECT '{"calendar":"c","targets":{"P1":{"first_response":"15 minutes","resolution":"1 day 4 hours 30 seconds"}}}'::sla.sla_policy) x(p);
SET IntervalStyle = sql_standard;
INSERT INTO pio_styles SELECT 'sql_standard', p::text, p::text::sla.sla_policy OPERATOR(sla.=) p
	FROM (SELECT '{"calendar":"c","targets":{"P1":{"first_response":"15 minutes","resolution":"1 day 4 hours 30 seconds"}}}'::sla.sla_policy) x(p);
SET IntervalStyle = iso_8601;
INSERT INTO pio_styles SELECT 'iso_8601', p::text, p::text::sla.sla_policy OPERATOR(sla.=) p
	FROM (SELECT '{"calendar":"c","targets":{"P1":{"first_response":"15 minutes","resolution":"1 day 4 hours 30 seconds"}}}'::sla.sla_policy) x(p);
SET IntervalStyle = postgres;
INSERT INTO pio_styles SELECT 'postgres', p::text, p::text::sla.sla_policy OPERATOR(sla.=) p
	FROM (SELECT '{"calendar":"c","targets":{"P1":{"first_response":"15 minutes","resolution":"1 day 4 hours 30 seconds"}}}'::sla.sla_policy) x(p);
SELECT count(DISTINCT out) AS distinct_outputs, bool_and(reread) AS all_reread, min(out) AS out FROM pio_styles;

-- binary: send is a version byte (1) and the canonical text
SELECT sla.sla_policy_send('{"calendar":"c","targets":{}}');
SELECT convert_from(substr(sla.sla_policy_send(p), 2), 'UTF8') = p::text AS send_is_text,
	get_byte(sla.sla_policy_send(p), 0) AS version
FROM (SELECT '{"calendar":"c","warn_at":0.8,"targets":{"P1":{"resolution":"1 day"}}}'::sla.sla_policy) x(p);
-- send and recv through COPY (FORMAT binary)
-- (\copy takes its file name literally, relative to the directory of the run)
CREATE TEMP TABLE pio_values AS SELECT id, doc::sla.sla_policy AS p FROM pio_docs;
CREATE TEMP TABLE pio_copy (id int, p sla.sla_policy);
\copy (SELECT id, p FROM pio_values) TO 'results/policy_io.data' WITH (FORMAT binary)
\copy pio_copy FROM 'results/policy_io.data' WITH (FORMAT binary)
SELECT count(*) AS copied, count(*) FILTER (WHERE c.p OPERATOR(sla.=) o.p) AS equal,
	count(*) FILTER (WHERE c.p::text = o.p::text) AS same_text
FROM pio_copy c JOIN pio_values o USING (id);
-- recv of bytes written as bytea: a good value, a bad version, and text
-- that recv checks as text input is checked
CREATE TEMP TABLE pio_raw (b bytea);
CREATE TEMP TABLE pio_in (p sla.sla_policy);
INSERT INTO pio_raw VALUES ('\x01' || convert_to('{"targets":{"P1":{"resolution":"1 hour"}},"calendar":"c"}', 'UTF8'));
\copy pio_raw TO 'results/policy_io.data' WITH (FORMAT binary)
\copy pio_in FROM 'results/policy_io.data' WITH (FORMAT binary)
SELECT p FROM pio_in;
TRUNCATE pio_raw;
INSERT INTO pio_raw VALUES ('\x02' || convert_to('{"calendar":"c","targets":{}}', 'UTF8'));  -- version 2: 22P03
\copy pio_raw TO 'results/policy_io.data' WITH (FORMAT binary)
\copy pio_in FROM 'results/policy_io.data' WITH (FORMAT binary)
-- the same, showing the SQLSTATE
\set VERBOSITY sqlstate
\copy pio_in FROM 'results/policy_io.data' WITH (FORMAT binary)
\set VERBOSITY default
TRUNCATE pio_raw;
INSERT INTO pio_raw VALUES ('\x00' || convert_to('{"calendar":"c","targets":{}}', 'UTF8'));  -- version 0: 22P03
\copy pio_raw TO 'results/policy_io.data' WITH (FORMAT binary)
\copy pio_in FROM 'results/policy_io.data' WITH (FORMAT binary)
TRUNCATE pio_raw;
INSERT INTO pio_raw VALUES ('\x01' || convert_to('{"calendar":"c","targets":{"P1":{"resolution":"0"}}}', 'UTF8'));  -- 22023
\copy pio_raw TO 'results/policy_io.data' WITH (FORMAT binary)
\copy pio_in FROM 'results/policy_io.data' WITH (FORMAT binary)
TRUNCATE pio_raw;
INSERT INTO pio_raw VALUES ('\x01' || convert_to('{"calendar":"c","targets":{', 'UTF8'));  -- 22P02
\copy pio_raw TO 'results/policy_io.data' WITH (FORMAT binary)
\copy pio_in FROM 'results/policy_io.data' WITH (FORMAT binary)
TRUNCATE pio_raw;
INSERT INTO pio_raw VALUES ('');  -- not even a version byte
\copy pio_raw TO 'results/policy_io.data' WITH (FORMAT binary)
\copy pio_in FROM 'results/policy_io.data' WITH (FORMAT binary)
SELECT count(*) AS rows_read FROM pio_in;

-- ---------------------------------------------------------------------------
-- Equality: the canonical form.  Key order, spacing, spelling of amounts and
-- fractions, and a target calendar equal to the default do not matter;
-- "24 hours" (business time) and "1 day" (a business day) differ.
SELECT a, b, a::sla.sla_policy OPERATOR(sla.=) b::sla.sla_policy AS eq,
	a::sla.sla_policy OPERATOR(sla.<>) b::sla.sla_policy AS ne
FROM (VALUES
	('{"calendar":"c","targets":{"P1":{"resolution":"24 hours"}}}', '{"calendar":"c","targets":{"P1":{"resolution":"1 day"}}}'),
	('{"calendar":"c","targets":{"P1":{"resolution":"24 hours"}}}', '{"calendar":"c","targets":{"P1":{"resolution":"24:00:00"}}}'),
	('{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}}}', '{ "targets" : { "P1" : { "resolution" : "60 minutes" } }, "calendar" : "c" }'),
	('{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}}}', '{"calendar":"c","warn_at":0.75,"escalations":[],"targets":{"P1":{"resolution":"PT1H"}}}'),
	('{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}}}', '{"calendar":"c","targets":{"P1":{"resolution":{"within":"1 hour","calendar":"c"}}}}'),
	('{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}}}', '{"calendar":"d","targets":{"P1":{"resolution":{"within":"1 hour","calendar":"c"}}}}'),
	('{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}}}', '{"targets":{"P1":{"resolution":{"within":"1 hour","calendar":"c"}}}}'),
	('{"calendar":"c","warn_at":0.8,"targets":{}}', '{"calendar":"c","warn_at":8e-1,"targets":{}}'),
	('{"calendar":"c","warn_at":0.8,"targets":{}}', '{"calendar":"c","warn_at":0.800000001,"targets":{}}'),
	('{"calendar":"c","escalations":[1],"targets":{}}', '{"calendar":"c","escalations":[1.0],"targets":{}}'),
	('{"calendar":"c","escalations":[1],"targets":{}}', '{"calendar":"c","targets":{}}'),
	('{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}}}', '{"calendar":"c","targets":{"p1":{"resolution":"1 hour"}}}'),
	('{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}}}', '{"calendar":"c","targets":{"P1":{"first_response":"1 hour"}}}'),
	('{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}}}', '{"calendar":"C","targets":{"P1":{"resolution":"1 hour"}}}'),
	('{"calendar":"c","targets":{}}', '{"calendar":"c","targets":{"P1":{}}}')
) AS v(a, b);
SELECT NULL::sla.sla_policy OPERATOR(sla.=) '{"targets":{}}' AS null_eq;

-- Hashing agrees with equality: GROUP BY, DISTINCT and a hash join over
-- differently written equal policies, with hashed plans forced
CREATE TEMP TABLE pio_many (id int, p sla.sla_policy);
INSERT INTO pio_many
SELECT g, (ARRAY[
	'{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}}}',
	'{ "targets" : { "P1" : { "resolution" : "60 minutes" } }, "calendar" : "c" }',
	'{"calendar":"c","warn_at":0.75,"targets":{"P1":{"resolution":{"within":"PT1H","calendar":"c"}}}}',
	'{"calendar":"c","targets":{"P1":{"resolution":"1 day"}}}',
	'{"calendar":"c","targets":{"P1":{"resolution":"24 hours"}}}',
	'{"calendar":"c","targets":{"P1":{"resolution":"1 day 00:00:00"}}}'])[1 + g % 6]::sla.sla_policy
FROM generate_series(0, 599) g;
ANALYZE pio_many;
SET enable_sort = off;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT p, count(*) FROM pio_many GROUP BY p;
SELECT p, count(*) FROM pio_many GROUP BY p ORDER BY p::text;
SELECT count(*) AS distinct_rows FROM (SELECT DISTINCT p FROM pio_many) d;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM pio_many a JOIN pio_many b ON a.p OPERATOR(sla.=) b.p;
-- 600 rows in three classes: 300 of "01:00:00", 200 of "1 day", 100 of
-- "24:00:00": 300^2 + 200^2 + 100^2 pairs
SELECT count(*) AS joined_pairs FROM pio_many a JOIN pio_many b ON a.p OPERATOR(sla.=) b.p;
RESET enable_sort;
RESET enable_mergejoin;
RESET enable_nestloop;
-- equal values hash alike, also with a seed
SELECT count(DISTINCT sla.sla_policy_hash(p)) AS hashes,
	count(DISTINCT sla.sla_policy_hash_extended(p, 42)) AS seeded_hashes
FROM pio_many;

-- ---------------------------------------------------------------------------
-- Bad input, each with its SQLSTATE and the path of the offending value.
-- Malformed JSON: 22P02
SELECT doc, pg_temp.bad(doc) AS error
FROM (VALUES (''), ('{'), ('{"targets":{}'), ('not json'), ('{"targets":{},}'),
			 ('{targets:{}}'), ('{"targets":{}} x'), ('{"targets":{"P1":{"resolution":"1 hour",}}}')) AS v(doc);
-- Not an object at the top, unknown keys (top level, in a target object),
-- missing targets and within, unknown kinds: 22023 naming the path
SELECT doc, pg_temp.bad(doc) AS error
FROM (VALUES ('[]'), ('"text"'), ('null'), ('42'),
			 ('{"calendar":"c"}'),
			 ('{}'),
			 ('{"calendar":"c","targets":{},"warnat":0.5}'),
			 ('{"calendar":"c","targets":{},"Targets":{}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":{"within":"1 hour","calender":"c"}}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":{"calendar":"c"}}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":{}}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolutoin":"1 hour"}}}'),
			 ('{"calendar":"c","targets":{"P1":{"Resolution":"1 hour"}}}'),
			 ('{"calendar":"c","targets":{"P1":{"":"1 hour"}}}')) AS v(doc);
-- Wrong JSON types at every key: 22023 with what was expected and found
SELECT doc, pg_temp.bad(doc) AS error
FROM (VALUES ('{"calendar":1,"targets":{}}'),
			 ('{"calendar":null,"targets":{}}'),
			 ('{"calendar":["c"],"targets":{}}'),
			 ('{"calendar":"c","targets":[]}'),
			 ('{"calendar":"c","targets":null}'),
			 ('{"calendar":"c","targets":{"P1":"1 hour"}}'),
			 ('{"calendar":"c","targets":{"P1":[]}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":3600}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":null}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":["1 hour"]}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":true}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":{"within":1}}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":{"within":"1 hour","calendar":7}}}}'),
			 ('{"calendar":"c","warn_at":"0.8","targets":{}}'),
			 ('{"calendar":"c","warn_at":null,"targets":{}}'),
			 ('{"calendar":"c","escalations":0.5,"targets":{}}'),
			 ('{"calendar":"c","escalations":{"a":0.5},"targets":{}}'),
			 ('{"calendar":"c","escalations":[0.5,"1"],"targets":{}}'),
			 ('{"calendar":"c","escalations":[[0.5]],"targets":{}}')) AS v(doc);
-- Duplicate keys at every level: 22023, never last-wins
SELECT doc, pg_temp.bad(doc) AS error
FROM (VALUES ('{"calendar":"c","calendar":"d","targets":{}}'),
			 ('{"calendar":"c","targets":{},"targets":{}}'),
			 ('{"calendar":"c","warn_at":0.5,"targets":{},"warn_at":0.5}'),
			 ('{"calendar":"c","escalations":[],"escalations":[1],"targets":{}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":"1 hour"},"P1":{"first_response":"1 hour"}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":"1 hour","resolution":"2 hours"}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":{"within":"1 hour","within":"2 hours"}}}}'),
			 ('{"calendar":"c","targets":{"P1":{"resolution":{"within":"1 hour","calendar":"a","calendar":"b"}}}}'),
			 -- the first repeated key in document order is named
			 ('{"b":1,"a":1,"b":2,"a":2}')) AS v(doc);
-- Amounts: zero, negative, mixed signs, months or years (22023); not an
-- amount (22P02); out of range (22008)
SELECT amount, pg_temp.bad(format('{"calendar":"c","targets":{"P1":{"resolution":%s}}}', to_json(amount))) AS error
FROM (VALUES ('0'), ('00:00:00'), ('0 days'), ('-1 hour'), ('-1 day'), ('-00:00:00.000001'),
			 ('1 day -1 hour'), ('-1 day 2 hours'), ('1 hour ago'),
			 ('1 month'), ('1 year'), ('P1M'), ('1 day 1 mon'),
			 ('an hour'), (''), ('infinity'), ('1 hourz'),
			 ('2147483648 days'), ('9999999999 hours'), ('2562047789:00:00')) AS v(amount);
SELECT pg_temp.bad('{"calendar":"c","targets":{"P1":{"resolution":{"within":"-4 hours","calendar":"24x7"}}}}') AS within_negative;
-- warn_at outside (0, 1]; escalations not strictly ascending, zero, negative,
-- above 1000; more than 9 decimals (22023)
SELECT doc, pg_temp.bad(doc) AS error
FROM (VALUES ('{"calendar":"c","warn_at":0,"targets":{}}'),
			 ('{"calendar":"c","warn_at":0.0,"targets":{}}'),
			 ('{"calendar":"c","warn_at":-0.5,"targets":{}}'),
			 ('{"calendar":"c","warn_at":-0,"targets":{}}'),
			 ('{"calendar":"c","warn_at":1.000000001,"targets":{}}'),
			 ('{"calendar":"c","warn_at":1.5,"targets":{}}'),
			 ('{"calendar":"c","warn_at":1e1,"targets":{}}'),
			 ('{"calendar":"c","warn_at":1e-10,"targets":{}}'),
			 ('{"calendar":"c","warn_at":0.1234567891,"targets":{}}'),
			 ('{"calendar":"c","escalations":[0.5,0.25],"targets":{}}'),
			 ('{"calendar":"c","escalations":[0.5,0.5],"targets":{}}'),
			 ('{"calendar":"c","escalations":[0.5,5e-1],"targets":{}}'),
			 ('{"calendar":"c","escalations":[0,0.5],"targets":{}}'),
			 ('{"calendar":"c","escalations":[0.5,-1],"targets":{}}'),
			 ('{"calendar":"c","escalations":[0.5,1000.000000001],"targets":{}}'),
			 ('{"calendar":"c","escalations":[1001],"targets":{}}'),
			 ('{"calendar":"c","escalations":[1e4],"targets":{}}'),
			 ('{"calendar":"c","escalations":[0.5,0.0000000001],"targets":{}}'),
			 ('{"calendar":"c","escalations":[1.0000000005],"targets":{}}')) AS v(doc);
-- names: priorities and calendars of 1 to 127 bytes (22023); 127 bytes of
-- a two-byte letter is too long, 63 of them (126 bytes) fits
SELECT what, pg_temp.bad(doc) AS error
FROM (VALUES ('empty priority', '{"calendar":"c","targets":{"":{"resolution":"1 hour"}}}'),
			 ('priority of 128 bytes', format('{"calendar":"c","targets":{"%s":{"resolution":"1 hour"}}}', repeat('p', 128))),
			 ('priority of 127 bytes', format('{"calendar":"c","targets":{"%s":{"resolution":"1 hour"}}}', repeat('p', 127))),
			 ('priority of 64 é (128 bytes)', format('{"calendar":"c","targets":{"%s":{"resolution":"1 hour"}}}', repeat('é', 64))),
			 ('priority of 63 é (126 bytes)', format('{"calendar":"c","targets":{"%s":{"resolution":"1 hour"}}}', repeat('é', 63))),
			 ('empty default calendar', '{"calendar":"","targets":{}}'),
			 ('default calendar of 128 bytes', format('{"calendar":"%s","targets":{}}', repeat('c', 128))),
			 ('default calendar of 127 bytes', format('{"calendar":"%s","targets":{}}', repeat('c', 127))),
			 ('empty target calendar', '{"calendar":"c","targets":{"P1":{"resolution":{"within":"1 hour","calendar":""}}}}'),
			 ('target calendar of 128 bytes', format('{"calendar":"c","targets":{"P1":{"resolution":{"within":"1 hour","calendar":"%s"}}}}', repeat('c', 128))),
			 ('no calendar at all', '{"targets":{"P1":{"first_response":"1 hour","resolution":{"within":"4 hours","calendar":"24x7"}}}}'),
			 ('no calendar, second priority', '{"targets":{"P1":{"resolution":{"within":"4 hours","calendar":"24x7"}},"P2":{"resolution":"1 day"}}}')) AS v(what, doc);
-- size limits (54000): nesting deeper than 32 levels (anywhere, checked
-- before anything else), more than 1 MB of text, more than 4096 targets,
-- more than 64 escalation thresholds
SELECT what, pg_temp.bad(doc) AS error
FROM (VALUES ('32 levels', '{"calendar":"c","targets":{},"x":' || repeat('[', 31) || repeat(']', 31) || '}'),
			 ('33 levels', '{"calendar":"c","targets":{},"x":' || repeat('[', 32) || repeat(']', 32) || '}'),
			 ('100000 levels', repeat('[', 100000) || repeat(']', 100000)),
			 ('1 MB', '{"calendar":"c","targets":{}}' || repeat(' ', 1024 * 1024 - 29)),
			 ('1 MB and a byte', '{"calendar":"c","targets":{}}' || repeat(' ', 1024 * 1024 - 28)),
			 ('4096 targets', format('{"calendar":"c","targets":{%s}}',
				(SELECT string_agg(format('"P%s":{"first_response":"1 hour","next_response":"1 hour","periodic_update":"1 hour","resolution":"1 hour"}', g), ',')
				 FROM generate_series(1, 1024) g))),
			 ('4097 targets', format('{"calendar":"c","targets":{%s,"Z":{"resolution":"1 hour"}}}',
				(SELECT string_agg(format('"P%s":{"first_response":"1 hour","next_response":"1 hour","periodic_update":"1 hour","resolution":"1 hour"}', g), ',')
				 FROM generate_series(1, 1024) g))),
			 ('64 escalations', format('{"calendar":"c","escalations":[%s],"targets":{}}',
				(SELECT string_agg(g::text, ',') FROM generate_series(1, 64) g))),
			 ('65 escalations', format('{"calendar":"c","escalations":[%s],"targets":{}}',
				(SELECT string_agg(g::text, ',') FROM generate_series(1, 65) g)))) AS v(what, doc);
-- the 4096 targets are all there
SELECT (SELECT count(*) FROM jsonb_object_keys(p::jsonb -> 'targets')) AS priorities,
	(SELECT count(*) FROM jsonb_each(p::jsonb -> 'targets') e, jsonb_object_keys(e.value)) AS targets,
	p::jsonb #>> '{targets,P1024,periodic_update}' AS last_one
FROM (SELECT format('{"calendar":"c","targets":{%s}}',
		(SELECT string_agg(format('"P%s":{"first_response":"1 hour","next_response":"1 hour","periodic_update":"%s hours","resolution":"1 hour"}', g, g), ',')
		 FROM generate_series(1, 1024) g))::sla.sla_policy) x(p);

-- the errors as a user sees them, hints included
SELECT '{"calendar":"c","targets":{"P1":{"resolutoin":"1 hour"}}}'::sla.sla_policy;
SELECT '{"calendar":"c","targets":{},"warnat":0.5}'::sla.sla_policy;
SELECT '{"targets":{"P1":{"resolution":"1 day"}}}'::sla.sla_policy;
SELECT '{"calendar":"c","targets":{"P1":{"resolution":"1 month"}}}'::sla.sla_policy;
SELECT '{"calendar":"c","targets":'::sla.sla_policy;
-- jsonb input goes through the same checks (jsonb itself keeps only the
-- last of duplicate keys, so those cannot reach the policy)
SELECT pg_temp.fail($$SELECT '{"calendar":"c","targets":{"P1":{"resolution":"0"}}}'::jsonb::sla.sla_policy$$) AS from_jsonb;
SELECT pg_temp.fail($$SELECT '{"calendar":"c","targets":{"P1":{"resolution":"1 hour"}},"x":1}'::jsonb::sla.sla_policy$$) AS from_jsonb;
SELECT '{"calendar":"c","targets":{"P1":{"resolution":"2 hours","resolution":"1 hour"}}}'::jsonb::sla.sla_policy AS jsonb_last_wins;

-- NULL in, NULL out
SELECT NULL::sla.sla_policy IS NULL AS is_null, NULL::jsonb::sla.sla_policy IS NULL AS from_null_jsonb;
