#!/bin/bash
# Instruction counts of bench/tracking.sh's statements, which unlike times do
# not depend on the machine's load: callgrind counts the instructions run
# inside standard_ExecutorRun by a single-user server (the installed
# PostgreSQL and sla) on a fresh data directory, for the 100,000-row INSERT,
# the priority UPDATE and the unrelated UPDATE on the untracked and the
# tracked table; then inserts of the same rows copied from a table (the
# breakdown: untracked, as wide, tracked);
# then 20,000 one-row INSERT statements.  Needs valgrind; run as a user that
# may run initdb (not root), e.g.
#   make install && su postgres -c bench/tracking_callgrind.sh
set -euo pipefail
B=${PGBIN:-$(pg_config --bindir)}	# the server binaries (and so the sla they load)
ROWS=${ROWS:-100000}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/callgrind.inc"
echo "CREATE DATABASE b" | single postgres > /dev/null
# the bench's setup, one statement per line for the single-user server
sed -n "/^run <<'SQL'/,/^SQL/p" "$here/tracking.sh" | sed '1d;$d' | sed '/^CREATE FUNCTION timed/,$d' |
	tr '\n' ' ' | sed 's/;/;\n/g' | single b > /dev/null
ins="INSERT INTO TBL (id, subject, priority, status, customer, opened_at) SELECT g, 'ticket ' || g, 'P' || (1 + g % 4), 'new', 'c' || (g % 100), '2030-01-07 08:00+01'::timestamptz + (g % 20000) * interval '17 minutes' FROM generate_series(1, $ROWS) g"
upd="UPDATE TBL SET priority = CASE priority WHEN 'P1' THEN 'P2' WHEN 'P2' THEN 'P3' WHEN 'P3' THEN 'P4' ELSE 'P1' END"
other="UPDATE TBL SET note = 'seen'"
echo "# instructions inside the executor; $ROWS rows"
for t in plain tracked; do
	for stmt in ins upd other; do
		q=${!stmt}
		echo "CHECKPOINT" | single b > /dev/null
		counted "$stmt $t" "${q//TBL/$t}"
	done
done
single b > /dev/null <<'SQL'
CREATE TABLE plain_c (LIKE plain INCLUDING ALL)
CREATE TABLE wide_pk (LIKE tracked INCLUDING DEFAULTS)
ALTER TABLE wide_pk ADD PRIMARY KEY (id)
CREATE TABLE tracked_c (LIKE plain INCLUDING ALL)
SELECT sla.track('tracked_c', 'bench', (SELECT columns FROM sla.tracked WHERE tbl = 'tracked'::regclass))
VACUUM
SQL
for t in plain_c:plain wide_pk:tracked tracked_c:plain; do
	echo "CHECKPOINT" | single b > /dev/null
	counted "insert-from-table ${t%%:*}" "INSERT INTO ${t%%:*} SELECT * FROM ${t##*:}"
done
single -j b > /dev/null <<'SQL'
CREATE FUNCTION loop_ins(tbl text, n int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	FOR i IN 1..n LOOP
		EXECUTE format('INSERT INTO %I (id, subject, priority, status, customer, opened_at) VALUES ($1, ''ticket'', ''P'' || (1 + $1 %% 4), ''new'', ''c1'', ''2030-01-07 08:00+01''::timestamptz + $1 * interval ''17 minutes'')', tbl) USING i;
	END LOOP;
END $$;

TRUNCATE plain, tracked, sla.check_tracked;

SQL
for t in plain tracked; do
	echo "CHECKPOINT" | single b > /dev/null
	counted "one-row-inserts $t" "SELECT loop_ins('$t', 20000)"
done
