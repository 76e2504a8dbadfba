#!/bin/bash
# The reference cross-check (test/reference/run) with other seeds and another
# session time zone than the ones it runs with in the suite: every case must
# still agree.  Neither side may depend on the session zone, so a zone with an
# odd offset (Pacific/Chatham, +12:45/+13:45) by default.  Needs a server with
# the extension installed (PG* variables), e.g.
#   pg_virtualenv -t test/reference/seeds.sh                 # seeds 0.1234 and 0.9876
#   SESSION_ZONE=Asia/Kathmandu pg_virtualenv -t test/reference/seeds.sh 0.5 -0.25
# Each seed replaces both fixed seeds of crosscheck.sql (the second one
# negated) and the seed of policy_crosscheck.sql (halved).  Prints one ok / not ok line per seed; exit status 0 only if all
# passed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
zone=${SESSION_ZONE:-Pacific/Chatham}
if [ $# -gt 0 ]; then seeds=("$@"); else seeds=(0.1234 0.9876); fi
work=$(mktemp -d)
db=sla_seeds_$$
trap 'rm -rf "$work"; dropdb --if-exists "$db" 2>/dev/null' EXIT
failed=0
for seed in "${seeds[@]}"; do
	what="cross-check with seed $seed, session zone $zone"
	if ! [[ $seed =~ ^-?(0|1)?(\.[0-9]+)?$ ]]; then
		echo "not ok - $what: a seed is a number from -1 to 1"; failed=1; continue
	fi
	sed -e "s|^SET TimeZone = .*|SET TimeZone = '$zone';|" \
		-e "s/setseed(0\.2028)/setseed($seed)/" \
		-e "s/setseed(0\.1994)/setseed(-($seed))/" "$here/crosscheck.sql" > "$work/crosscheck.sql"
	sed -e "s/setseed(0\.4242)/setseed(($seed) \/ 2)/" "$here/policy_crosscheck.sql" > "$work/policy_crosscheck.sql"
	if cmp -s "$here/crosscheck.sql" "$work/crosscheck.sql" ||
		[ "$(grep -c "setseed($seed)\|setseed(-($seed))" "$work/crosscheck.sql")" -ne 2 ] ||
		[ "$(grep -c "setseed(($seed) / 2)" "$work/policy_crosscheck.sql")" -ne 1 ]; then
		echo "not ok - $what: crosscheck.sql or policy_crosscheck.sql no longer has the seeds this script replaces"; failed=1; continue
	fi
	dropdb --if-exists "$db" 2>/dev/null
	createdb "$db" || { echo "not ok - $what: could not create $db"; failed=1; continue; }
	out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION sla' \
		-f "$here/model.sql" -f "$work/crosscheck.sql" \
		-f "$here/policy_model.sql" -f "$work/policy_crosscheck.sql" 2>&1)
	status=$?
	agree=$(printf '%s\n' "$out" | grep -c '^ok - ')
	disagree=$(printf '%s\n' "$out" | grep -c '^not ok - ')
	if [ "$status" -eq 0 ] && [ "$agree" -gt 0 ] && [ "$disagree" -eq 0 ]; then
		echo "ok - $what: $agree cases agree"
	else
		echo "not ok - $what: $agree agree, $disagree disagree (psql exit $status)"
		printf '%s\n' "$out" | grep -v '^ok - ' | head -20
		failed=1
	fi
done
exit $failed
