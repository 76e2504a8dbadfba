#!/bin/bash
# Overhead of SLA tracking: 100,000-row INSERT, UPDATE of a mapped column
# (priority) and UPDATE of an unrelated column, on a tracked table against the
# same statements on the same table untracked (no trigger, no sla_* columns,
# no check queue), serial.  Rounds alternate which table goes first; the figure is
# the median of the per-round ratios.  Run inside a cluster where the
# extension is installed:
#   make install && RUNS=5 pg_virtualenv -t -o 'jit=off' bench/tracking.sh
set -euo pipefail
RUNS=${RUNS:-5}
ROWS=${ROWS:-100000}
db=sla_bench_tracking
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
run() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
run <<'SQL'
CREATE EXTENSION sla;
INSERT INTO sla.calendar (name, time_zone, hours) VALUES
	('bench_office', 'Europe/Berlin', 'mon-fri 08:00-17:00'), ('bench_24x7', 'UTC', '24/7');
INSERT INTO sla.calendar_exception (calendar, day, hours, reason) VALUES
	('bench_office', '2030-12-24', '08:00-12:00', 'half day'), ('bench_office', '2030-12-25', NULL, 'closed');
INSERT INTO sla.policy (name, valid_from, policy) VALUES ('bench', '-infinity', '{
  "calendar": "bench_office", "warn_at": 0.75,
  "targets": {
    "P1": {"first_response": "15 minutes", "resolution": {"within": "4 hours", "calendar": "bench_24x7"}},
    "P2": {"first_response": "1 hour", "resolution": "1 day"},
    "P3": {"first_response": "4 hours", "resolution": "3 days"},
    "P4": {"first_response": "1 day", "resolution": "5 days"}}}');
CREATE TABLE plain (id bigint PRIMARY KEY, subject text, priority text, status text, customer text,
	opened_at timestamptz, first_reply_at timestamptz, solved_at timestamptz, note text);
CREATE TABLE tracked (LIKE plain INCLUDING ALL);
SELECT sla.track('tracked', 'bench', '{"priority": "priority", "opened_at": "opened_at",
	"first_response_at": "first_reply_at", "resolved_at": "solved_at", "status": "status",
	"paused_statuses": ["waiting"], "customer": "customer"}');
-- the time of one statement, in ms
CREATE FUNCTION timed(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE q;
	RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
SQL
ins="INSERT INTO TBL (id, subject, priority, status, customer, opened_at)
	SELECT g, 'ticket ' || g, 'P' || (1 + g % 4), 'new', 'c' || (g % 100),
		   '2030-01-07 08:00+01'::timestamptz + (g % 20000) * interval '17 minutes'
	FROM generate_series(1, $ROWS) g"
upd="UPDATE TBL SET priority = CASE priority WHEN 'P1' THEN 'P2' WHEN 'P2' THEN 'P3' WHEN 'P3' THEN 'P4' ELSE 'P1' END"
other="UPDATE TBL SET note = 'seen'"
echo "# $ROWS rows, $RUNS rounds; ms plain, ms tracked, ratio"
for r in $(seq 1 "$RUNS"); do
	if [ $((r % 2)) = 1 ]; then order="plain tracked"; else order="tracked plain"; fi
	# the tracked table's check queue too: a truncated table's checks would stay until swept
	run -c "TRUNCATE plain, tracked, $(run -c "SELECT sla.check_queue('tracked')")" -c "VACUUM ANALYZE plain, tracked" > /dev/null
	for stmt in ins upd other; do
		declare -A ms=()
		for t in $order; do
			q=${!stmt}
			q=${q//TBL/$t}
			run -c "CHECKPOINT" > /dev/null
			ms[$t]=$(run -c "SET max_parallel_workers_per_gather = 0" -c "SELECT round(timed(\$q\$$q\$q\$)::numeric, 1)")
		done
		echo "round $r $stmt ${ms[plain]} ${ms[tracked]} $(echo "scale=3; ${ms[tracked]} / ${ms[plain]}" | bc)"
	done
done | awk '
	{ print; fflush() }
	/^round/ { key = $3; v[key, ++n[key]] = $6 }
	END {
		for (k in n) {
			m = n[k]; for (i = 1; i <= m; i++) a[i] = v[k, i]
			for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
			printf "median ratio %s: %.2f (min %.2f, max %.2f)\n", k, (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2, a[1], a[m]
		}
	}'
run -c "SELECT count(*) FILTER (WHERE sla_state IS NOT NULL) AS computed, count(*) AS rows FROM tracked"

# Where an unrelated update's cost goes: the same rows (all open) in a table as
# wide as the tracked one with its primary key only, without the trigger.
run -c "DROP TABLE IF EXISTS wide_pk" \
	-c "CREATE TABLE wide_pk (LIKE tracked INCLUDING DEFAULTS)" -c "ALTER TABLE wide_pk ADD PRIMARY KEY (id)" \
	-c "INSERT INTO wide_pk SELECT * FROM tracked" \
	-c "VACUUM ANALYZE" > /dev/null
echo "# unrelated update, ms: plain, as wide (primary key), tracked"
for r in $(seq 1 "$RUNS"); do
	line="breakdown $r"
	for t in plain wide_pk tracked; do
		run -c "CHECKPOINT" > /dev/null
		line="$line $(run -c "SELECT round(timed('UPDATE $t SET note = ''round $r''')::numeric, 1)")"
	done
	echo "$line"
	run -c "VACUUM" > /dev/null
done

# Where an insert's cost goes: the same rows copied from a table into a copy of
# the untracked table, into a table as wide as the tracked one (primary key
# only) with the results already computed, no trigger, and into a freshly
# tracked table (trigger computing them and queueing checks).
run -c "DROP TABLE IF EXISTS plain_c, tracked_c" -c "CREATE TABLE plain_c (LIKE plain INCLUDING ALL)" \
	-c "CREATE TABLE tracked_c (LIKE plain INCLUDING ALL)" \
	-c "SELECT sla.track('tracked_c', 'bench', (SELECT columns FROM sla.tracked WHERE tbl = 'tracked'::regclass))" > /dev/null
echo "# insert of the same rows from a table, ms: plain, as wide (primary key), tracked"
for r in $(seq 1 "$RUNS"); do
	line="insert-breakdown $r"
	run -c "TRUNCATE plain_c, wide_pk, tracked_c, $(run -c "SELECT sla.check_queue('tracked_c')")" -c "VACUUM ANALYZE plain_c, wide_pk, tracked_c" > /dev/null
	for t in plain_c:plain wide_pk:tracked tracked_c:plain; do
		run -c "CHECKPOINT" > /dev/null
		line="$line $(run -c "SELECT round(timed('INSERT INTO ${t%%:*} SELECT * FROM ${t##*:}')::numeric, 1)")"
	done
	echo "$line"
done
run -c "SELECT 'row bytes: plain ' || (SELECT round(avg(pg_column_size(p.*))) FROM plain p) || ', tracked ' || (SELECT round(avg(pg_column_size(t.*))) FROM tracked t)"
