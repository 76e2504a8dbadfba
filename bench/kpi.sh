#!/bin/bash
# bench/kpi.sh: the KPI aggregate benchmark, one command on a throwaway cluster:
#
#   pg_virtualenv -t -o 'jit=off' bench/kpi.sh
#
# Needs the extension installed (make && make install).  Every simple KPI
# aggregate against avg(x::int) over the same 1M rows, serial and with 2
# workers; fcr against the same KPI in SQL; percentile against
# percentile_cont on the same values.  Knobs: ROWS (1000000), RUNS (counted
# rounds after one warm-up, 5).
set -euo pipefail
cd "$(dirname "$0")"
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-5}
P="psql -X -v ON_ERROR_STOP=1"

echo "== sla KPI benchmark $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
$P -Atc "SELECT version()"
echo "sla: $(git -C .. describe --always --dirty 2>/dev/null || echo '?'), rows: $ROWS, rounds: $RUNS + 1 warm-up"
$P -qc "CREATE EXTENSION IF NOT EXISTS sla"
$P -q -v rows="$ROWS" -f kpi_setup.sql
$P -q -v runs="$RUNS" -f kpi_measure.sql
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== parallel plan: EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF), max_parallel_workers_per_gather = 2"
$P -q <<'SQL'
SET jit = off;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)
SELECT sla.compliance(due, done_at, '2024-06-01'), sla.service_level(wait, answered, '20 s'), sla.csat(score)
FROM bench_kpi.r;
SQL
