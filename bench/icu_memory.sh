#!/bin/bash
# Memory of one backend under repeated ICU formatting (docs/performance.md,
# "ICU formatting memory"): CALLS calls (default 100,000) of sla.format and of
# sla.format_relative, each over several locales and values, then CALLS/5
# calls that fail (22023) inside a PL/pgSQL exception block, all in one
# session.  Before the first phase (after a warm-up of 1,000 calls of each,
# which loads ICU's data) and after each phase it prints the backend's
# resident memory (VmRSS from /proc/<pid>/status, read with pg_read_file, so
# it needs a superuser and a server on this machine) and the bytes in use in
# its memory contexts (pg_backend_memory_contexts).  ICU's objects live
# outside PostgreSQL's memory contexts, so an ICU object left open shows in
# VmRSS only: it grows by about the objects' size times CALLS.  Not a test:
# it prints numbers and asserts nothing.  Run inside a cluster where the
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
-- n calls of sla.format over 8 locales and amounts with days, hours, minutes, seconds, signs
CREATE FUNCTION pg_temp.formats(n int) RETURNS bigint LANGUAGE sql AS $$
	SELECT sum(length(sla.format(sla.business_interval(g % 7 - 3, (g % 5000) * interval '37 seconds'),
		(ARRAY['en', 'de', 'nl', 'zh', 'fr', 'ja', 'tr', 'zh_TW'])[g % 8 + 1])))
	FROM generate_series(1, n) AS g
$$;
CREATE FUNCTION pg_temp.relatives(n int) RETURNS bigint LANGUAGE sql AS $$
	SELECT sum(length(sla.format_relative('2024-06-03 12:00'::timestamptz + (g % 20000 - 10000) * interval '97 seconds',
		'2024-06-03 12:00', (ARRAY['en', 'de', 'nl', 'zh', 'fr', 'ja', 'tr', 'es'])[g % 8 + 1])))
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
CREATE FUNCTION pg_temp.timed(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE q;
	RETURN round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2);
END $$;
\o /dev/null
SELECT pg_temp.formats(1000), pg_temp.relatives(1000);
SELECT pg_temp.note('after warm-up (1,000 calls of each)', 0, NULL);
SELECT pg_temp.note('sla.format', :calls, pg_temp.timed('SELECT pg_temp.formats(' || :calls || ')'));
SELECT pg_temp.note('sla.format_relative', :calls, pg_temp.timed('SELECT pg_temp.relatives(' || :calls || ')'));
SELECT pg_temp.note('sla.format raising 22023', :calls / 5, pg_temp.timed('SELECT pg_temp.failures(' || :calls / 5 || ')'));
SELECT pg_temp.note('sla.format again', :calls, pg_temp.timed('SELECT pg_temp.formats(' || :calls || ')'));
\o
\pset footer off
SELECT phase, calls, seconds, rss_kb, rss_kb - first_value(rss_kb) OVER () AS rss_growth_kb,
	   contexts_kb, contexts_kb - first_value(contexts_kb) OVER () AS contexts_growth_kb
FROM mem;
SQL
psql -X -q -d postgres -c "DROP DATABASE $db"
