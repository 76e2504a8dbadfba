#!/bin/sh
# Runs the reference model (test/reference/model.sql) against a file of expected answers, in a
# throwaway cluster, without the extension: stand-in tables sla.calendar / sla.calendar_exception,
# and sla.* calls rewritten to sla_ref.*.  The file is not part of the repository: its lines that
# do not start with "select '" set up calendars (INSERTs into sla.calendar and
# sla.calendar_exception), and each line starting with "select '" is one check,
#   select 'ex <name>', sla.business_add(...) = <expected answer>;
# (or business_elapsed, is_open, next_open, next_close), which prints "ex <name>|t" when the model
# agrees.
# Prints the failing check lines only (none when the model agrees), then a count.
#   usage: pg_virtualenv test/reference/check_examples.sh EXAMPLES.sql
set -eu
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 EXAMPLES.sql   (a file of expected answers; see the comment at the top)" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
ex=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
db=sla_ref_examples
out=$(mktemp)
trap 'rm -f "$out"' EXIT
dropdb --if-exists "$db" 2>/dev/null; createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
CREATE SCHEMA sla;
CREATE TABLE sla.calendar (name text PRIMARY KEY, time_zone text NOT NULL DEFAULT 'UTC', hours text NOT NULL, comment text);
CREATE TABLE sla.calendar_exception (calendar text REFERENCES sla.calendar, day date, hours text, reason text,
                                     PRIMARY KEY (calendar, day));
SQL
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$here/model.sql"
{
    grep -v "^select '" "$ex"
    echo "select sla_ref.build('2026-01-01', '2034-12-31');"
    grep "^select '" "$ex" | sed 's/sla\.\(business_add\|business_elapsed\|is_open\|next_open\|next_close\)(/sla_ref.\1(/'
} | psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -f - > "$out"
grep -v '|t$' "$out" | grep -v '^$' || true
echo "checks: $(grep -c '^ex ' "$out"), agreeing: $(grep -c '|t$' "$out")"
