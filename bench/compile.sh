#!/bin/bash
# bench/compile.sh: calendar compile time and memory, each in a fresh backend.
# For a span of N years, one business_elapsed call over the span compiles the
# window of local years around it (N + 3 years: the cover rule adds the years
# around the instants).  Cold = that first call (reads the calendar rows and
# compiles), warm = the same call again; memory = the "sla calendar" context.
set -euo pipefail
REPS=${REPS:-5}
P="psql -X -q -v ON_ERROR_STOP=1"

$P -c "CREATE TABLE bench.compile (cal text, span_years int, window_years int, rep int,
	cold_ms float8, warm_ms float8, cal_bytes bigint, cache_bytes bigint)"

for cal in de_office always; do
	for n in 1 10 100; do
		for rep in $(seq 1 "$REPS"); do
			q="SELECT sla.business_elapsed(timestamptz '2000-07-01 12:00+00', timestamptz '2000-07-01 12:00+00' + interval '$n years', '$cal')"
			$P <<-EOF
			SET jit = off;
			LOAD 'sla';
			SELECT bench.exec_ms(\$q\$$q\$q\$, 0) AS cold \gset
			SELECT bench.exec_ms(\$q\$$q\$q\$, 0) AS warm \gset
			INSERT INTO bench.compile VALUES ('$cal', $n, $n + 3, $rep, :cold, :warm,
				(SELECT sum(total_bytes) FROM pg_backend_memory_contexts WHERE name = 'sla calendar'),
				(SELECT sum(total_bytes) FROM pg_backend_memory_contexts WHERE name = 'sla calendar cache'));
			EOF
		done
	done
done

$P -P footer=off <<'EOF'
\echo
\echo 'Calendar compile (first call in a fresh backend) and memory, median of the reps'
WITH m AS (
	SELECT cal, span_years, window_years,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY cold_ms) AS cold,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY warm_ms) AS warm,
		max(cal_bytes) AS cal_bytes, max(cache_bytes) AS cache_bytes
	FROM bench.compile GROUP BY 1, 2, 3
)
SELECT cal, span_years, window_years,
	round(cold::numeric, 3) AS first_call_ms, round(warm::numeric, 3) AS warm_call_ms,
	round(((cold - warm) / window_years)::numeric, 3) AS compile_ms_per_year,
	cal_bytes AS "sla calendar bytes", cache_bytes AS "sla calendar cache bytes",
	round(cal_bytes::numeric / window_years) AS bytes_per_year,
	round((cal_bytes - lag(cal_bytes) OVER w)::numeric / (window_years - lag(window_years) OVER w)) AS marginal_bytes_per_year,
	round(((cold - lag(cold) OVER w) / (window_years - lag(window_years) OVER w))::numeric, 3) AS marginal_ms_per_year
FROM m WINDOW w AS (PARTITION BY cal ORDER BY span_years)
ORDER BY cal DESC, span_years;
EOF
