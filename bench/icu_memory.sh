#!/bin/bash
# Memory of one backend under repeated ICU formatting (docs/performance.md,
# "ICU formatting memory"), all in one session:
#   - CALLS calls (default 100,000) of sla.format and of sla.format_relative
#     in one query each, over 8 locales in runs of CALLS/8 calls per locale
#     (a call site keeps its formatters while the locale stays the same);
#   - the same calls with the locale changing on every call (a call site
#     closes and reopens its formatters on every call);
#   - CALLS/5 calls that fail (22023) inside a PL/pgSQL exception block;
#   - CALLS/10 short queries run by EXECUTE, each of 3 call sites over 5
#     rows, every other one failing with 22023 in its third call site after
#     the other two opened their formatters (each query's end or failure
#     runs the memory-context callbacks that close them);
#   - the first phase again.
# Before the first phase (after a warm-up of 1,000 calls of each, which
# loads ICU's data) and after each phase it prints the calls made, the
# seconds and microseconds per call, the backend's resident memory (VmRSS
# from /proc/<pid>/status, read with pg_read_file, so it needs a superuser
# and a server on this machine) and the bytes in use in its memory contexts
# (pg_backend_memory_contexts).  ICU's objects live outside PostgreSQL's
# memory contexts, so an ICU object left open shows in VmRSS only: it grows
# by about the objects' size times the number of opens.  Not a test: it
# prints numbers and asserts nothing.  Run inside a cluster where the
# extension is installed:
#   make install && pg_virtualenv -t bench/icu_memory.sh
set -euo pipefail
CALLS=${CALLS:-100000}
db=sla_bench_icu_memory
PGOPTIONS="-c client_min_messages=warning" psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
echo "sla.so: $(psql -X -At -d "$db" -c "SELECT setting FROM pg_settings WHERE name = 'server_version'") server, CALLS=$CALLS"
psql -X -q -v ON_ERROR_STOP=1 -v calls="$CALLS" -d "$db" <<'SQL'
CREATE EXTENSION sla;
SET timezone = 'UTC';
CREATE TEMP TABLE mem (phase text, calls int, rss_kb bigint, contexts_kb bigint, seconds numeric);
CREATE FUNCTION pg_temp.note(phase text, calls int, seconds numeric) RETURNS void LANGUAGE sql AS $$
	INSERT INTO mem SELECT phase, calls,
		substring(pg_read_file('/proc/' || pg_backend_pid() || '/status') FROM 'VmRSS:\s*(\d+)')::bigint,
		(SELECT sum(used_bytes) / 1024 FROM pg_backend_memory_contexts), seconds
$$;
-- n calls of sla.format over 8 locales and amounts with days, hours, minutes, seconds, signs;
-- runs of n/8 calls per locale, or (alternate) a new locale on every call
CREATE FUNCTION pg_temp.formats(n int, alternate bool DEFAULT false) RETURNS bigint LANGUAGE sql AS $$
	SELECT sum(length(sla.format(sla.business_interval(g % 7 - 3, (g % 5000) * interval '37 seconds'),
		(ARRAY['en', 'de', 'nl', 'zh', 'fr', 'ja', 'tr', 'zh_TW'])[CASE WHEN alternate THEN g % 8 ELSE (g - 1) * 8 / n END + 1])))
	FROM generate_series(1, n) AS g
$$;
CREATE FUNCTION pg_temp.relatives(n int, alternate bool DEFAULT false) RETURNS bigint LANGUAGE sql AS $$
	SELECT sum(length(sla.format_relative('2024-06-03 12:00'::timestamptz + (g % 20000 - 10000) * interval '97 seconds',
		'2024-06-03 12:00', (ARRAY['en', 'de', 'nl', 'zh', 'fr', 'ja', 'tr', 'es'])[CASE WHEN alternate THEN g % 8 ELSE (g - 1) * 8 / n END + 1])))
	FROM generate_series(1, n) AS g
$$;
-- n calls that raise 22023 (no business-day words; unknown locale), each caught
CREATE FUNCTION pg_temp.failures(n int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE caught int := 0;
BEGIN
	FOR g IN 1 .. n LOOP
		BEGIN
			PERFORM sla.format('2 days', CASE WHEN g % 2 = 0 THEN 'es' ELSE 'xx' END);
		EXCEPTION WHEN invalid_parameter_value THEN
			caught := caught + 1;
		END;
	END LOOP;
	RETURN caught;
END $$;
-- n short queries (executor state and memory context of their own), 3 call sites over 5 rows;
-- in every other one the third fails (22023: 'es' has no business-day words) on the first row
CREATE FUNCTION pg_temp.short_queries(n int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE caught int := 0; total bigint;
BEGIN
	FOR g IN 1 .. n LOOP
		BEGIN
			EXECUTE 'SELECT sum(length(sla.format(sla.business_interval(i, i * interval ''37 minutes''), $1))
					   + length(sla.format_relative(''2024-06-03 12:00''::timestamptz + i * interval ''5 hours'', ''2024-06-03 12:00'', $1))
					   + length(sla.format(''2 days'', $2)))
				FROM generate_series(1, 5) AS i'
			INTO total
			USING (ARRAY['en', 'de', 'nl', 'zh', 'fr', 'ja', 'tr', 'zh_TW'])[g % 8 + 1],
				  CASE WHEN g % 2 = 0 THEN 'es' ELSE 'de' END;
		EXCEPTION WHEN invalid_parameter_value THEN
			caught := caught + 1;
		END;
	END LOOP;
	RETURN caught;
END $$;
CREATE FUNCTION pg_temp.timed(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE q;
	RETURN round(extract(epoch FROM clock_timestamp() - t0)::numeric, 3);
END $$;
\o /dev/null
SELECT pg_temp.formats(1000), pg_temp.relatives(1000);
SELECT pg_temp.note('after warm-up (1,000 calls of each)', 0, NULL);
SELECT pg_temp.note('sla.format', :calls, pg_temp.timed('SELECT pg_temp.formats(' || :calls || ')'));
SELECT pg_temp.note('sla.format_relative', :calls, pg_temp.timed('SELECT pg_temp.relatives(' || :calls || ')'));
SELECT pg_temp.note('sla.format, locale changing every call', :calls, pg_temp.timed('SELECT pg_temp.formats(' || :calls || ', true)'));
SELECT pg_temp.note('sla.format_relative, locale changing every call', :calls, pg_temp.timed('SELECT pg_temp.relatives(' || :calls || ', true)'));
SELECT pg_temp.note('sla.format raising 22023', :calls / 5, pg_temp.timed('SELECT pg_temp.failures(' || :calls / 5 || ')'));
-- calls: 15 in each of the succeeding queries, 3 (the last raising) in each of the failing ones
SELECT pg_temp.note(:calls / 10 || ' short queries, half failing', :calls / 20 * 15 + :calls / 20 * 3,
	pg_temp.timed('SELECT pg_temp.short_queries(' || :calls / 10 || ')'));
SELECT pg_temp.note('sla.format again', :calls, pg_temp.timed('SELECT pg_temp.formats(' || :calls || ')'));
\o
\pset footer off
SELECT phase, calls, seconds, round(seconds * 1e6 / nullif(calls, 0)) AS us_per_call,
	   rss_kb, rss_kb - first_value(rss_kb) OVER () AS rss_growth_kb,
	   contexts_kb, contexts_kb - first_value(contexts_kb) OVER () AS contexts_growth_kb
FROM mem;
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"
