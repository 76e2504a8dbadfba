#!/bin/bash
# bench/run.sh: the sla benchmark, one command on a throwaway cluster:
#
#   pg_virtualenv -o 'jit=off' bench/run.sh
#
# Needs the extension installed (make && make install).  Creates the
# extension, schema "bench" (tickets, peers, timings) and two calendars,
# then prints the results.  Knobs: ROWS (1000000), SAMPLE (rows for the slow
# peers, 20000), RUNS (counted rounds after one warm-up, 7), REPS (fresh
# backends per compile measurement, 5).
set -euo pipefail
cd "$(dirname "$0")"
ROWS=${ROWS:-1000000}
SAMPLE=${SAMPLE:-20000}
RUNS=${RUNS:-7}
export REPS=${REPS:-5}
P="psql -X -v ON_ERROR_STOP=1"

echo "== sla benchmark $(date -u '+%Y-%m-%d %H:%M UTC')"
. ./describe_run.inc

echo "== setup: $ROWS tickets"
$P -q -v rows="$ROWS" -v sample="$SAMPLE" -f setup.sql
$P -q -f peers.sql

echo "== timings: $RUNS runs + 1 warm-up"
$P -q -v runs="$RUNS" -f measure.sql

$P -q -f agreement.sql

echo
echo "== parallel plan: EXPLAIN (ANALYZE, COSTS OFF), max_parallel_workers_per_gather = 2"
$P -q <<'EOF'
SET jit = off;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (ANALYZE, COSTS OFF)
SELECT max(sla.business_add(opened_at, '4 hours', 'de_office')) FROM bench.ticket;
EOF

echo "== compile time and memory"
./compile.sh

[ "$(sha1sum "$LIB" | cut -c1-12)" = "$SHA" ] || echo "WARNING: $LIB changed during the run; figures may mix builds"
