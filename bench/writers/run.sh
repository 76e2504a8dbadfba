#!/bin/bash
# Writers beside readers on one calendar, with pgbench: 8 clients; for every
# 20 reader transactions (business_add and business_elapsed), one writer
# transaction (an INSERT ... ON CONFLICT DO UPDATE of one exception, then a
# DELETE of another).  Deadlocks (40P01) and serialization failures (40001)
# are counted per script as failed transactions; any other error aborts a
# client and the script fails.
#
# Needs the PG* variables of a running cluster with sla installed, e.g.
#   pg_virtualenv -t bench/writers/run.sh 60
# Usage: run.sh [SECONDS (default 60)] [CLIENTS (default 8)]
set -euo pipefail
# paths relative to the repository root, so the output names no local directory
cd "$(dirname "$0")/../.."
here=bench/writers
seconds=${1:-60}
clients=${2:-8}

psql -X -q -v ON_ERROR_STOP=1 -f "$here/setup.sql"
echo "sla $(psql -X -A -t -c "SELECT extversion FROM pg_extension WHERE extname = 'sla'"), $(psql -X -A -t -c 'SELECT version()')"
set -x
pgbench -n -c "$clients" -j 2 -T "$seconds" -r --failures-detailed \
	-f "$here/reader.sql@20" -f "$here/writer.sql@1"
set +x
psql -X -v ON_ERROR_STOP=1 -f "$here/check.sql"
