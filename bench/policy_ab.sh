#!/bin/bash
# bench/policy_ab.sh: two builds of sla on the policy cases, before and after a
# change, in one cluster on the same rows.  Each round installs build A, times
# every case once in a fresh backend (after running every case once to warm up), then does the
# same with build B; the ratio B/A is the median of the per-round ratios.
# It installs, so run it under the install lock:
#
#   flock /tmp/sla-install.lock pg_virtualenv -t -o 'jit=off' -o 'shared_buffers=1GB' \
#       bench/policy_ab.sh /path/to/build-A /path/to/build-B
#
# (each path a built source tree; `make install` is run in it).  Knobs: ROWS
# (1000000), ROUNDS (11), AT (the instant states are read at).
set -euo pipefail
A=$1
B=$2
cd "$(dirname "$0")"
ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-11}
AT=${AT:-2025-12-17 11:00:00+01}
P="psql -X -q -v ON_ERROR_STOP=1"

echo "== sla policy A/B $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load: $(uptime)"
for d in "$A" "$B"; do
	echo "build $d: $(git -C "$d" describe --always --dirty 2>/dev/null || echo 'not a git tree')"
done
make -s -C "$A" install >/dev/null
$P -v rows="$ROWS" -v at="$AT" -f policy_setup.sql >/dev/null
$P -f cases.sql
$P -c "CREATE TABLE bench.ab (build text, round int, label text, ms float8)"
$P -v at="$AT" <<'EOF'
SELECT format('%L::sla.sla_policy', policy) AS std FROM bench.contract WHERE name = 'standard' \gset
INSERT INTO bench.bcase (label, workers, tab, query) VALUES
('add: baseline', 0, 'bench.pticket', $q$SELECT max(sla.business_add(started_at, target, 'de_office')) FROM bench.pticket$q$),
('state by value', 0, 'bench.pticket', format($q$SELECT max(sla.state(%s, priority, kind, started_at, done_at, %L, pauses)) FROM bench.pticket$q$, :'std', :'at')),
('state by value, no pauses arg', 0, 'bench.pticket', format($q$SELECT max(sla.state(%s, priority, kind, started_at, done_at, %L)) FROM bench.pticket$q$, :'std', :'at')),
('state by name', 0, 'bench.pticket', format($q$SELECT max(sla.state('contract', priority, kind, started_at, done_at, %L, pauses)) FROM bench.pticket$q$, :'at')),
('due, pauses column', 0, 'bench.pticket', format($q$SELECT max(sla.due(%s, priority, kind, started_at, pauses)) FROM bench.pticket$q$, :'std')),
('remaining', 0, 'bench.pticket', format($q$SELECT max(sla.remaining(%s, priority, kind, started_at, done_at, %L, pauses)) FROM bench.pticket$q$, :'std', :'at')),
('paused state', 0, 'bench.pticket_paused', format($q$SELECT max(sla.state(%s, priority, kind, started_at, done_at, %L, pauses)) FROM bench.pticket_paused$q$, :'std', :'at'));
EOF

for r in $(seq 1 "$ROUNDS"); do
	for build in A B; do
		if [ $build = A ]; then d=$A; else d=$B; fi
		make -s -C "$d" install >/dev/null
		$P <<-EOF
		SET jit = off;
		SELECT count(bench.exec_ms(query, 0)) AS warm FROM bench.bcase \gset
		INSERT INTO bench.ab SELECT '$build', $r, label, bench.exec_ms(query, 0) FROM bench.bcase ORDER BY id;
		EOF
	done
done

$P -P footer=off <<'EOF'
\echo
\echo 'A/B: median ms per build, and B/A = median over rounds of B / A in the same round'
SELECT c.label AS "case",
	round(percentile_cont(0.5) WITHIN GROUP (ORDER BY a.ms)::numeric, 1) AS a_ms,
	round(percentile_cont(0.5) WITHIN GROUP (ORDER BY b.ms)::numeric, 1) AS b_ms,
	round((percentile_cont(0.5) WITHIN GROUP (ORDER BY a.ms) * 1e6 / t.n)::numeric, 1) AS a_ns_per_row,
	round((percentile_cont(0.5) WITHIN GROUP (ORDER BY b.ms) * 1e6 / t.n)::numeric, 1) AS b_ns_per_row,
	round(percentile_cont(0.5) WITHIN GROUP (ORDER BY b.ms / a.ms)::numeric, 3) AS "B/A"
FROM bench.bcase c
JOIN bench.ab a ON a.label = c.label AND a.build = 'A'
JOIN bench.ab b ON b.label = c.label AND b.build = 'B' AND b.round = a.round
CROSS JOIN LATERAL (SELECT reltuples AS n FROM pg_class WHERE oid = c.tab::regclass) t
GROUP BY c.id, c.label, t.n ORDER BY c.id;
EOF
echo "load after: $(uptime)"
