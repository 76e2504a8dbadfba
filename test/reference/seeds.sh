#!/bin/bash
# The reference cross-check (test/sql/engine_crosscheck.sql) with other seeds
# and another session time zone than the ones it is run with in the suite:
# its output must still be the expected one (every case agrees, no mismatch
# listed).  Neither side may depend on the session zone, so a zone with an
# odd offset (Pacific/Chatham, +12:45/+13:45) by default.  Needs a server
# with the extension installed (PG* variables), e.g.
#   pg_virtualenv -t test/reference/seeds.sh                 # seeds 0.1234 and 0.9876
#   SESSION_ZONE=Asia/Kathmandu pg_virtualenv -t test/reference/seeds.sh 0.5 -0.25
# Prints one ok / not ok line per seed; exit status 0 only if all passed.
set -uo pipefail
cd "$(dirname "$0")/../.."
zone=${SESSION_ZONE:-Pacific/Chatham}
if [ $# -gt 0 ]; then seeds=("$@"); else seeds=(0.1234 0.9876); fi
sql=test/sql/engine_crosscheck.sql
expected=
for f in test/expected/engine_crosscheck.out expected/engine_crosscheck.out; do
	if [ -f "$f" ]; then expected=$f; break; fi
done
if [ -z "$expected" ]; then
	echo "not ok - cross-check: no expected output for $sql"
	exit 1
fi
db=sla_seeds
failed=0
for seed in "${seeds[@]}"; do
	what="cross-check with seed $seed, session zone $zone"
	if ! [[ $seed =~ ^-?(0|1)?(\.[0-9]+)?$ ]]; then
		echo "not ok - $what: a seed is a number from -1 to 1"; failed=1; continue
	fi
	script=$(sed -e "s/setseed([-0-9.]*)/setseed($seed)/" \
		-e "s|^SET TimeZone = '[^']*';|SET TimeZone = '$zone';|" "$sql")
	# run nothing unless both settings were replaced
	if [ "$(grep -c "setseed($seed)" <<<"$script")" -ne 1 ] ||
		[ "$(grep -c "^SET TimeZone = '$zone';" <<<"$script")" -ne 1 ]; then
		echo "not ok - $what: $sql no longer has one setseed() and one SET TimeZone line to replace"
		failed=1; continue
	fi
	dropdb --if-exists "$db" >/dev/null 2>&1
	createdb "$db" && psql -X -q -d "$db" -c 'CREATE EXTENSION sla' || { echo "not ok - $what: no database"; failed=1; continue; }
	# as pg_regress runs it: from the top of the tree, the test on standard input
	out=$(mktemp)
	psql -X -a -q -d "$db" <<<"$script" >"$out" 2>&1
	if d=$(diff "$expected" "$out"); then
		echo "ok - $what"
	else
		echo "not ok - $what"
		sed 's/^/#   /' <<<"$d"
		failed=1
	fi
	rm -f "$out"
	dropdb "$db"
done
exit "$failed"
