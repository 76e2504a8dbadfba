#!/bin/bash
# Variants of bench/tracking_callgrind.sh, to judge issue 14's overhead targets
# on tables and data closer to an application's: the same instruction counts
# (callgrind, inside standard_ExecutorRun, a single-user server on a fresh data
# directory) of the 100,000-row INSERT, priority UPDATE and unrelated UPDATE,
# each on an untracked table and on the same table tracked, per variant of
# bench/tracking_variants.inc (minimal or application-like table, start
# instants cycling or in insertion order, fillfactor 90).  The untracked table
# is always the same table without tracking: no sla_* columns, no check
# queue, no trigger.  Then, unless DECOMP=0, the breakdown of the insert: the
# same rows copied from a table into a copy of the untracked table, into a copy
# of the tracked table without its trigger (its result columns, results
# already computed), and into a freshly tracked table.  After
# each unrelated UPDATE, how many of its row updates were HOT.
# Needs valgrind; run as a user that may run initdb (not root), e.g.
#   make install && su postgres -c bench/tracking_callgrind_variants.sh
#   VARIANTS='app-ordered' DECOMP=0 ... to run fewer
set -euo pipefail
B=${PGBIN:-$(pg_config --bindir)}	# the server binaries (and so the sla they load)
VARIANTS=${VARIANTS:-min-cycle min-ordered app-cycle app-ordered min-ordered-ff90 app-ordered-ff90}
DECOMP=${DECOMP:-1}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/callgrind.inc"
value() {	# value SQL: the single value of a one-column query
	echo "$1" | single b | sed -n 's/^[[:space:]]*1: [a-z_?]* = "\(.*\)".*/\1/p' | head -1
}
echo "CREATE DATABASE b" | single postgres > /dev/null
# bench/tracking.sh's setup (extension, calendars, policy), one statement per line
sed -n "/^run <<'SQL'/,/^SQL/p" "$here/tracking.sh" | sed '1d;$d' | sed '/^CREATE FUNCTION timed/,$d' |
	tr '\n' ' ' | sed 's/;/;\n/g' | single b > /dev/null
# shellcheck source=bench/tracking_variants.inc
. "$here/tracking_variants.inc"
echo "# instructions inside the executor; $ROWS rows"
for v in $VARIANTS; do
	variant "$v"
	n=${v//-/_}
	{
		for t in p_$n t_$n pc_$n tc_$n; do
			create_table "$t"
		done
		for t in t_$n tc_$n; do
			echo "SELECT sla.track('$t', 'bench', '$map')"
		done
		# the tracked table without its trigger: LIKE copies columns, defaults and indexes, never triggers
		echo "CREATE TABLE wi_$n (LIKE t_$n INCLUDING ALL)$with"
	} | single b > /dev/null
	for t in p t; do
		label=plain; [ $t = p ] || label=tracked
		for stmt in ins upd other; do
			q=${!stmt}
			echo "CHECKPOINT" | single b > /dev/null
			before=$(value "SELECT n_tup_hot_upd AS h FROM pg_stat_user_tables WHERE relid = '${t}_$n'::regclass")
			counted "$v $stmt $label" "${q//TBL/${t}_$n}"
		done
		# of the unrelated UPDATE's $ROWS row updates, how many were HOT (no index insertions)
		echo "$v hot-updates-of-other $label $(( $(value "SELECT n_tup_hot_upd AS h FROM pg_stat_user_tables WHERE relid = '${t}_$n'::regclass") - before ))"
	done
	if [ "$DECOMP" = 1 ]; then
		for t in pc_$n:p_$n wi_$n:t_$n tc_$n:p_$n; do
			echo "CHECKPOINT" | single b > /dev/null
			counted "$v insert-from-table ${t%%:*}" "INSERT INTO ${t%%:*} SELECT * FROM ${t##*:}"
		done
	fi
	echo "$v row-bytes plain $(value "SELECT round(avg(pg_column_size(p.*))) AS b FROM p_$n p") tracked $(value "SELECT round(avg(pg_column_size(t.*))) AS b FROM t_$n t")"
	echo "$v computed-rows $(value "SELECT count(*) FILTER (WHERE sla_state IS NOT NULL) || '/' || count(*) AS c FROM t_$n")"
done
