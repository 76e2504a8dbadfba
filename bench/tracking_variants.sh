#!/bin/bash
# Times of bench/tracking.sh's statements (100,000-row INSERT, priority UPDATE,
# unrelated UPDATE; tracked table against the same table untracked, serial)
# per variant of bench/tracking_variants.inc: the minimal or an
# application-like ticket table, start instants cycling or in insertion order,
# fillfactor 90.  Rounds alternate which table goes first; the figure is the
# median of the per-round ratios.  Also how many of the unrelated UPDATE's row
# updates were HOT.  Run inside a cluster where the extension is installed:
#   make install && RUNS=5 pg_virtualenv -t -o 'jit=off' bench/tracking_variants.sh
set -euo pipefail
RUNS=${RUNS:-5}
VARIANTS=${VARIANTS:-min-cycle min-ordered app-cycle app-ordered min-ordered-ff90 app-ordered-ff90}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/tracking_variants.inc
. "$here/tracking_variants.inc"
db=sla_bench_tracking_variants
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
run() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# bench/tracking.sh's setup (extension, calendars, policy, the function timed)
sed -n "/^run <<'SQL'/,/^SQL/p" "$here/tracking.sh" | sed '1d;$d' | sed '/^CREATE TABLE plain/,/^	"paused_statuses/d' | run
echo "# $ROWS rows, $RUNS rounds; ms plain, ms tracked, ratio (other: then HOT row updates plain, tracked)"
for v in $VARIANTS; do
	variant "$v"
	n=${v//-/_}
	{ create_table "p_$n"; create_table "t_$n"; } | sed 's/$/;/' | run
	run -c "SELECT sla.track('t_$n', 'bench', '$map')" > /dev/null
	for r in $(seq 1 "$RUNS"); do
		if [ $((r % 2)) = 1 ]; then order="p t"; else order="t p"; fi
		# the tracked table's check queue too: a truncated table's checks would stay until swept
		run -c "TRUNCATE p_$n, t_$n, $(run -c "SELECT sla.check_queue('t_$n')")" -c "VACUUM ANALYZE p_$n, t_$n" > /dev/null
		for stmt in ins upd other; do
			declare -A ms=() h=()
			for t in $order; do
				q=${!stmt}
				q=${q//TBL/${t}_$n}
				run -c "CHECKPOINT" > /dev/null
				# the time, then the statement's HOT row updates (counted in its transaction)
				out=$(run -c "SET max_parallel_workers_per_gather = 0" -c "BEGIN" \
					-c "SELECT round(timed(\$q\$$q\$q\$)::numeric, 1)" \
					-c "SELECT pg_stat_get_xact_tuples_hot_updated('${t}_$n'::regclass)" -c "COMMIT")
				ms[$t]=$(echo "$out" | sed -n 1p); h[$t]=$(echo "$out" | sed -n 2p)
			done
			extra=""; [ "$stmt" != other ] || extra=" ${h[p]} ${h[t]}"
			echo "$v round $r $stmt ${ms[p]} ${ms[t]} $(echo "scale=3; ${ms[t]} / ${ms[p]}" | bc)$extra"
		done
	done
done | awk '
	{ print; fflush() }
	/ round / { key = $1 " " $4; v[key, ++n[key]] = $7 }
	END {
		for (k in n) {
			m = n[k]; for (i = 1; i <= m; i++) a[i] = v[k, i]
			for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
			printf "median ratio %s: %.2f (min %.2f, max %.2f)\n", k, (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2, a[1], a[m]
		}
	}'
