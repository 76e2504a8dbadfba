#!/bin/bash
# bench/policy.sh: the policy benchmark, one command on a throwaway cluster:
#
#   RUNS=21 pg_virtualenv -t -o 'jit=off' -o 'shared_buffers=1GB' bench/policy.sh
#
# Needs the extension installed (make && make install).  Creates the
# extension, schema "bench" (ticket targets, timings), two calendars and the
# named policy 'contract', then times sla.state (by policy value, by policy
# column, by policy name), sla.due and sla.remaining against sla.business_add
# of the same targets on the same rows, serial and with 2 workers.  Knobs:
# ROWS (1000000), RUNS (counted rounds after one warm-up, 7), AT (the instant
# states are read at).
set -euo pipefail
cd "$(dirname "$0")"
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-7}
AT=${AT:-2025-12-17 11:00:00+01}
P="psql -X -v ON_ERROR_STOP=1"

echo "== sla policy benchmark $(date -u '+%Y-%m-%d %H:%M UTC')"
# other work on the machine: the load averages, and the CPU use over one
# second (vmstat: r = runnable processes, us/sy/id = % user/system/idle)
busy() { echo "load $1: $(uptime)"; echo "  vmstat 1s: $(vmstat 1 2 | awk 'NR == 2 { h = $0 } NR == 4 { print "r=" $1 " us=" $13 " sy=" $14 " id=" $15 }')"; }
busy before
. ./describe_run.inc

echo "== setup: $ROWS ticket targets, states read at $AT"
$P -q -v rows="$ROWS" -v at="$AT" -f policy_setup.sql
# read every table once, so the first round is not the one that caches them
$P -q -Atc "SELECT count(*) FROM bench.pticket; SELECT count(*) FROM bench.pticket_pol; SELECT count(*) FROM bench.pticket_paused" >/dev/null

busy "after setup"
echo "== timings: $RUNS runs + 1 warm-up"
$P -q -v runs="$RUNS" -v at="$AT" -f policy_measure.sql

echo
echo "== parallel plans: EXPLAIN (ANALYZE, COSTS OFF), max_parallel_workers_per_gather = 2"
$P -q -v at="$AT" <<'EOF2'
SET jit = off;
SET max_parallel_workers_per_gather = 2;
SELECT format('%L::sla.sla_policy', policy) AS std FROM bench.contract WHERE name = 'standard' \gset
EXPLAIN (ANALYZE, COSTS OFF)
SELECT max(sla.state(:std, priority, kind, started_at, done_at, :'at', pauses)) FROM bench.pticket;
EXPLAIN (ANALYZE, COSTS OFF)
SELECT max(sla.state('contract', priority, kind, started_at, done_at, :'at', pauses)) FROM bench.pticket;
EOF2

busy after
[ "$(sha1sum "$LIB" | cut -c1-12)" = "$SHA" ] || echo "WARNING: $LIB changed during the run; figures may mix builds"
