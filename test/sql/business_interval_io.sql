-- sla.business_interval: text input and output, casts, binary I/O

SET IntervalStyle = postgres;

-- every accepted spelling
SELECT input, input::sla.business_interval AS value
FROM (VALUES ('4 hours'), ('90 minutes'), ('2 days 4 hours'), ('01:30:00'),
			 ('PT4H'), ('P2DT4H'), ('P1DT1H1M1S'), ('-1 day'), ('1 day -2 hours'),
			 ('00:00:00.000001'), ('@ 4 hours ago'), ('@ 1 day 2 hours'), ('0'),
			 ('1.5 days'), ('1 week'), ('P1W'), ('P0000-00-02T03:00:00'),
			 ('1 day 24 hours'), ('  3 DAYS  '), ('1 millisecond'),
			 ('2562047788:00:54.775807'), ('-2562047788:00:54.775807'),
			 ('2147483647 days'), ('-2147483647 days'),
			 ('PT0.5S')) AS v(input);

-- rejected text, with SQLSTATE and message
SELECT input, sla_test.try(format('SELECT %L::sla.business_interval', input)) AS result
FROM (VALUES (''), ('abc'), ('4 hourz'), ('4 hours extra'), ('infinity'),
			 ('1 month'), ('1 year'), ('0.5 month'), ('2 days 1 mon'), ('1 year -12 months'),
			 ('0 years'), ('3 decades'), ('1 century'), ('1 millennium'), ('1-2'), ('1-0 3 04:00'),
			 ('P1M'), ('P1Y'), ('P0.5M'), ('P1Y2M3DT4H'), ('P0001-00-00'),
			 ('P0000-00.5-00'), ('P0000-01-00T01:00'),
			 ('9999999999 hours'), ('2147483648 days'), ('-2147483649 days'),
			 ('2562047789 hours'),
			 -- the most negative days and time are reserved, so the range is symmetric
			 ('-2147483648 days'), ('-2562047788:00:54.775808'),
			 ('-2562047788 hours -54.775808 seconds'),
			 -- a time field out of range is 22008 with or without a sign
			 -- (PostgreSQL's interval_in calls the signed one bad syntax)
			 ('2562047789:00:00'), ('-2562047789:00:00'), ('+2562047789:00:00'),
			 ('1 day -99999999999:00'),
			 -- malformed text stays 22P02, signed time or not; fields are read
			 -- from the right, so here "abc" is met before the time
			 ('-1:2:3:4'), ('-99999999999:00 abc')) AS v(input);

-- the error text as users see it
SELECT '1 month'::sla.business_interval;
SELECT 'abc'::sla.business_interval;

SELECT NULL::sla.business_interval IS NULL AS is_null;

-- output under every IntervalStyle, and that it reads back to the same days
-- and time (compared through send, so '1 day' never matches '24 hours')
CREATE TEMP TABLE bi_values (id serial, v sla.business_interval);
INSERT INTO bi_values (v) VALUES ('0'), ('4 hours'), ('90 minutes'), ('2 days 4 hours'),
	('-1 day'), ('1 day -2 hours'), ('-1 day 2 hours'), ('-1 day -2 hours'),
	('00:00:00.000001'), ('-00:00:00.000001'), ('1 day'), ('24 hours'),
	('100 hours 59 minutes 59.999999 seconds'), ('3 days -00:00:00.5'),
	('2562047788:00:54.775807'), ('-2562047788:00:54.775807'),
	('2147483647 days'), ('-2147483647 days'),
	('2147483647 days 2562047788:00:54.775807'),
	('-2147483647 days -2562047788:00:54.775807'),
	('-2147483647 days 2562047788:00:54.775807');

\set round_trip 'SELECT id, v, sla.business_interval_send(v::text::sla.business_interval) = sla.business_interval_send(v) AS reads_back FROM bi_values ORDER BY id;'
SET IntervalStyle = postgres;
:round_trip
SET IntervalStyle = postgres_verbose;
:round_trip
SET IntervalStyle = sql_standard;
:round_trip
SET IntervalStyle = iso_8601;
:round_trip
RESET IntervalStyle;
SET IntervalStyle = postgres;

-- casts
SELECT interval '2 days 04:00'::sla.business_interval AS from_interval,
	sla.business_interval '2 days 04:00'::interval AS to_interval,
	pg_typeof(sla.business_interval '2 days 04:00'::interval) AS type;
SELECT sla_test.try($$SELECT interval '1 mon 2 days'::sla.business_interval$$);
-- implicit from interval: an interval expression passes straight in
SELECT sla.seconds(interval '90 minutes') AS seconds;
-- but never implicit back to interval
SELECT sla_test.try($$SELECT date '2024-01-01' + sla.business_interval '1 day'$$);

-- constructor
SELECT sla.business_interval(2, '4 hours') AS constructed,
	sla.business_interval(-1, '-00:30') AS negative,
	sla.business_interval(0, '0') AS zero;
SELECT sla_test.try($$SELECT sla.business_interval(2, '1 day 4 hours')$$);
SELECT sla_test.try($$SELECT sla.business_interval(2, '1 mon')$$);

-- seconds
SELECT sla.seconds('90 minutes') AS s1, sla.seconds('-00:00:00.000001') AS s2,
	sla.seconds('0') AS s3, sla.seconds('P0DT1H') AS s4, sla.seconds(NULL) AS s5;
SELECT sla_test.try($$SELECT sla.seconds('1 day 2 hours')$$);
SELECT sla.seconds('1 day 2 hours');

-- binary: send layout is time (int8), days (int4), flags (int4)
SELECT sla.business_interval_send('1 day 00:00:00.000001');
SELECT sla.business_interval_send('-1 day');

-- binary round trip through COPY (FORMAT binary)
-- (\copy takes its file name literally, relative to the directory of the run)
CREATE TEMP TABLE bi_copy (id int, v sla.business_interval);
\copy (SELECT id, v FROM bi_values) TO 'results/business_interval_io.data' WITH (FORMAT binary)
\copy bi_copy FROM 'results/business_interval_io.data' WITH (FORMAT binary)
SELECT count(*) AS copied,
	count(*) FILTER (WHERE sla.business_interval_send(c.v) = sla.business_interval_send(o.v)) AS identical
FROM bi_copy c JOIN bi_values o USING (id);

-- bad binary data: written as bytea, read back as business_interval
CREATE TEMP TABLE bi_raw (b bytea);
CREATE TEMP TABLE bi_in (v sla.business_interval);
INSERT INTO bi_raw VALUES ('\x00000000000000010000000200000001');  -- flags = 1
\copy bi_raw TO 'results/business_interval_io.data' WITH (FORMAT binary)
\copy bi_in FROM 'results/business_interval_io.data' WITH (FORMAT binary)
TRUNCATE bi_raw;
INSERT INTO bi_raw VALUES ('\x000000000000000100000002000000');  -- 15 bytes
\copy bi_raw TO 'results/business_interval_io.data' WITH (FORMAT binary)
\copy bi_in FROM 'results/business_interval_io.data' WITH (FORMAT binary)
TRUNCATE bi_raw;
INSERT INTO bi_raw VALUES ('\x0000000000000001000000020000000000');  -- 17 bytes
\copy bi_raw TO 'results/business_interval_io.data' WITH (FORMAT binary)
\copy bi_in FROM 'results/business_interval_io.data' WITH (FORMAT binary)
TRUNCATE bi_raw;
INSERT INTO bi_raw VALUES ('\x00000000000000008000000000000000');  -- days reserved
\copy bi_raw TO 'results/business_interval_io.data' WITH (FORMAT binary)
\copy bi_in FROM 'results/business_interval_io.data' WITH (FORMAT binary)
TRUNCATE bi_raw;
INSERT INTO bi_raw VALUES ('\x00000000000000010000000200000000');  -- valid
\copy bi_raw TO 'results/business_interval_io.data' WITH (FORMAT binary)
\copy bi_in FROM 'results/business_interval_io.data' WITH (FORMAT binary)
SELECT v FROM bi_in;
